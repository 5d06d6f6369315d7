"""The bad-input corpus: every case gets a message naming what is wrong and where.

Each test asserts the text a user sees, and that the input file is left untouched.
"""

from __future__ import annotations

import hashlib
import warnings
from pathlib import Path

import pandas as pd
import pytest

from socialhrm import (
    DataError,
    DataWarning,
    org_chart,
    read_events,
    read_interactions,
    read_nominations,
    read_people,
)


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def expect_error(reader, path: Path, *fragments: str, **kwargs) -> str:
    before = digest(path) if path.exists() and path.stat().st_size < 2**20 else None
    with pytest.raises(DataError) as info:
        reader(path, **kwargs)
    message = str(info.value)
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in:\n{message}"
    assert "What to do:" in message
    assert "Traceback" not in message
    if before is not None:
        assert digest(path) == before, "the reader changed the user's file"
    return message


def test_empty_file(tmp_path):
    path = write(tmp_path, "people.csv", "")
    expect_error(read_people, path, "people.csv", "the file is empty (0 bytes)")


def test_header_only(tmp_path):
    path = write(tmp_path, "log.csv", "sender,recipient,timestamp\n")
    expect_error(read_interactions, path, "log.csv", "a header but no rows")


def test_missing_column_says_which_and_how_to_map(tmp_path):
    path = write(tmp_path, "log.csv", "from,to\na,b\n")
    msg = expect_error(read_interactions, path, "missing columns 'sender', 'recipient'",
                       "'from', 'to'")
    assert "columns={'your name': 'sender'}" in msg


def test_mapping_names_a_column_the_file_lacks(tmp_path):
    path = write(tmp_path, "log.csv", "from,to\na,b\n")
    expect_error(read_interactions, path, "columns= names 'From'", "It has: 'from', 'to'",
                 columns={"From": "sender", "to": "recipient"})


def test_unknown_people_are_dropped_with_a_count(tmp_path):
    people = read_people(pd.DataFrame({"person_id": ["a", "b"]}))
    path = write(tmp_path, "log.csv", "sender,recipient\na,b\na,zed\nyan,b\n")
    with pytest.warns(DataWarning, match=r"dropped 2 rows naming 2 people who are not in the "
                                         r"people table \('zed', 'yan'\); lines 3, 4"):
        log = read_interactions(path, people=people)
    assert log[["sender", "recipient"]].values.tolist() == [["a", "b"]]


def test_unknown_people_can_be_an_error(tmp_path):
    people = read_people(pd.DataFrame({"person_id": ["a", "b"]}))
    path = write(tmp_path, "survey.csv", "respondent,nominee,relation\na,b,advice\na,q,advice\n")
    expect_error(read_nominations, path, "1 id(s) are not in the people table ('q')", "line 3",
                 people=people, unknown="error")


def test_non_utf8_bytes_name_the_line(tmp_path):
    text = "person_id,department\n1,HR\n2,Caf\xe9\n"
    path = write(tmp_path, "people.csv", text.encode("latin-1"))
    expect_error(read_people, path, "not UTF-8 text", "byte 0xE9 on line 3", "encoding='latin-1'")
    people = read_people(path, encoding="latin-1")
    assert people["department"].tolist() == ["HR", "Café"]


def test_malformed_csv_names_the_line(tmp_path):
    path = write(tmp_path, "log.csv", "sender,recipient,channel\na,b,email\nb,c,chat,extra\n")
    expect_error(read_interactions, path, "line 3 has 4 fields but the header has 3",
                 "unquoted comma")


def test_mixed_types_in_an_id_column(tmp_path):
    frame = pd.DataFrame({"person_id": [101, "E-7", 3.0, True]})
    with pytest.raises(DataError) as info:
        read_people(frame)
    msg = str(info.value)
    assert "column 'person_id' mixes ids with values that cannot be ids" in msg
    assert "True of type bool on row 3" in msg


def test_whole_numbers_and_text_ids_are_accepted_together():
    people = read_people(pd.DataFrame({"person_id": [101, "E-7", 3.0]}))
    assert people["person_id"].tolist() == ["101", "E-7", "3"]


def test_decimal_ids_are_refused(tmp_path):
    pattern = r"column 'person_id' holds decimal numbers \(2\.5 on row 1\)"
    with pytest.raises(DataError, match=pattern):
        read_people(pd.DataFrame({"person_id": [1.0, 2.5]}))


def test_duplicated_people(tmp_path):
    path = write(tmp_path, "people.csv", "person_id,department\na,HR\nb,IT\na,Sales\n")
    expect_error(read_people, path, "1 person_id(s) appear more than once ('a')", "lines 2, 4")


def test_empty_id(tmp_path):
    path = write(tmp_path, "people.csv", "person_id,department\na,HR\n,IT\n")
    expect_error(read_people, path, "column 'person_id' is empty on line 3")


def test_manager_cycle():
    people = pd.DataFrame({"person_id": ["ceo", "a", "b", "c"],
                           "manager_id": [None, "c", "a", "b"]})
    with pytest.raises(DataError) as info:
        org_chart(people)
    msg = str(info.value)
    assert "reporting lines form a loop" in msg
    assert all(x in msg for x in ("a", "b", "c")) and "ceo" not in msg.split("(")[1]


def test_unknown_manager():
    people = pd.DataFrame({"person_id": ["ceo", "a"], "manager_id": [None, "boss"]})
    with pytest.raises(DataError, match=r"'boss' \(manager of 'a'\)"), \
            pytest.warns(DataWarning, match="names 1 id that is not a person"):
        org_chart(people)


def test_timestamp_that_is_not_a_time(tmp_path):
    path = write(tmp_path, "log.csv",
                 "sender,recipient,timestamp\na,b,2025-03-04T09:15\nb,a,next tuesday\n")
    expect_error(read_interactions, path, "column 'timestamp'", "'next tuesday' on line 3",
                 "ISO 8601")


def test_weight_that_is_not_a_number(tmp_path):
    path = write(tmp_path, "log.csv", "sender,recipient,weight\na,b,1\nb,a,lots\n")
    expect_error(read_interactions, path, "column 'weight'", "'lots' on line 3")


def test_negative_weight(tmp_path):
    path = write(tmp_path, "log.csv", "sender,recipient,weight\na,b,-2\n")
    expect_error(read_interactions, path, "negative values (-2 on line 2)")


def test_file_far_too_large_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.csv"
    with open(path, "wb") as fh:  # a sparse 5 GB file: no disk used, nothing read
        fh.truncate(5 * 2**30)
    msg = expect_error(read_interactions, path, "huge.csv", "5,120 MB",
                       "more than the 1,024 MB this reader loads into memory")
    assert "max_bytes=" in msg


def test_size_limit_is_configurable(tmp_path):
    path = write(tmp_path, "log.csv", "sender,recipient\n" + "a,b\n" * 1000)
    expect_error(read_interactions, path, "more than the 0 MB", max_bytes=100)
    assert len(read_interactions(path, max_bytes=10**6)) == 1000


def test_missing_file(tmp_path):
    expect_error(read_people, tmp_path / "nope.csv", "nope.csv", "does not exist")


def test_not_a_table():
    with pytest.raises(DataError, match="expected a file path or a pandas DataFrame, got list"):
        read_people([1, 2, 3])


def test_wrong_format_behind_an_excel_name(tmp_path):
    path = write(tmp_path, "people.xlsx", "person_id\na\n")
    expect_error(read_people, path, "people.xlsx", "could not be read as EXCEL")


def test_events_without_event_name(tmp_path):
    path = write(tmp_path, "events.csv", "person_id,timestamp,event\na,2025-01-01,\n")
    expect_error(read_events, path, "column 'event' is empty on line 2")


def test_recoverable_problems_warn_with_counts():
    log = pd.DataFrame({"sender": ["a", "a", "b", "b"], "recipient": ["a", "b", "c", "c"],
                        "timestamp": ["2025-01-01"] * 4})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = read_interactions(log, duplicates="drop")
    messages = [str(w.message) for w in caught if issubclass(w.category, DataWarning)]
    assert any("dropped 1 self-loops" in m and "row 0" in m for m in messages)
    assert any("dropped 1 exact duplicate rows (row 3)" in m for m in messages)
    assert len(out) == 2


def test_repeated_survey_answers_and_self_nominations_warn():
    answers = pd.DataFrame({"respondent": ["a", "a", "a"], "nominee": ["b", "b", "a"],
                            "relation": ["advice"] * 3})
    with pytest.warns(DataWarning) as caught:
        out = read_nominations(answers)
    text = " | ".join(str(w.message) for w in caught)
    assert "dropped 1 self-nominations" in text and "dropped 1 repeated answers" in text
    assert len(out) == 1


def test_input_frame_is_not_changed():
    frame = pd.DataFrame({"From": [" a", "b"], "To": ["b", "a"], "w": ["1", "2"]})
    before = frame.copy()
    read_interactions(frame, columns={"From": "sender", "To": "recipient", "w": "weight"})
    pd.testing.assert_frame_equal(frame, before)


@pytest.mark.parametrize("content, expected", [
    ("sender,recipient\nA,B\n".encode("utf-16"), "UTF-16"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary data"),
    (b"PK\x03\x04\x14\x00\x06\x00", "zip or Excel"),
    ("sender,recipient\nJos\u00e9,B\n".encode("latin-1"), "not UTF-8"),
])
def test_non_utf8_and_binary_files_name_the_file_and_what_to_do(tmp_path: Path, content,
                                                                expected):
    from socialhrm.data import read_header

    path = tmp_path / "mails.csv"
    path.write_bytes(content)
    for read in (read_interactions, read_header):
        with pytest.raises(DataError) as err:
            read(path)
        text = str(err.value)
        assert expected in text and "mails.csv" in text and "What to do" in text
    assert path.read_bytes() == content


def test_utf16_is_read_when_asked_for(tmp_path: Path):
    path = tmp_path / "mails.csv"
    path.write_bytes("sender,recipient\nA,B\n".encode("utf-16"))
    assert read_interactions(path, encoding="utf-16")["sender"].tolist() == ["A"]


def test_a_warning_lists_the_ids_it_names_so_they_can_be_pseudonymised():
    people = pd.DataFrame({"person_id": ["A", "B"]})
    log = pd.DataFrame({"sender": ["A", "Z9"], "recipient": ["B", "A"]})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        read_interactions(log, people=people)
    found = [w.message for w in caught if isinstance(w.message, DataWarning)]
    assert found and found[0].ids == ["Z9"] and "'Z9'" in str(found[0])


# ---------------------------------------------------------------------------------------
# Files as people really have them (issue 16): dialects, Excel, times, ids, empty results
# ---------------------------------------------------------------------------------------
def data_warnings(caught) -> list[str]:
    return [str(w.message) for w in caught if issubclass(w.category, DataWarning)]


def read_warned(reader, source, **kwargs):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = reader(source, **kwargs)
    return out, data_warnings(caught)


def test_dutch_excel_csv_semicolons_and_decimal_commas(tmp_path):
    path = write(tmp_path, "log.csv", "sender;recipient;weight;duration\na;b;0,5;1,25\nb;a;2;3\n")
    log = read_interactions(path)
    assert log["weight"].tolist() == [0.5, 2.0]
    assert log["duration"].tolist() == [1.25, 3.0]


def test_tab_separated_file(tmp_path):
    path = write(tmp_path, "people.tsv", "person_id\tdepartment\n1\tHR\n2\tIT\n")
    assert read_people(path)["department"].tolist() == ["HR", "IT"]


def test_byte_order_mark_and_windows_line_ends(tmp_path):
    path = write(tmp_path, "log.csv", b"\xef\xbb\xbfsender,recipient\r\na,b\r\nb,c\r\n")
    log = read_interactions(path)
    assert log.columns[0] == "sender" and log["recipient"].tolist() == ["b", "c"]


def test_title_row_above_the_header_is_skipped_with_a_warning(tmp_path):
    path = write(tmp_path, "log.csv", "Mail export Q1;;\nsender;recipient;weight\na;b;1\n")
    log, notes = read_warned(read_interactions, path)
    assert log["sender"].tolist() == ["a"]
    assert any("skipped 1 title row above the header ('Mail export Q1')" in n for n in notes)


def test_line_numbers_count_the_title_row(tmp_path):
    path = write(tmp_path, "log.csv", "Export\nsender,recipient,weight\na,b,1\nb,a,lots\n")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        expect_error(read_interactions, path, "'lots' on line 4")


def test_malformed_semicolon_file_names_the_separator(tmp_path):
    path = write(tmp_path, "log.csv", "sender;recipient;channel\na;b;email\nb;c;chat;extra\n")
    expect_error(read_interactions, path, "line 3 has 4 fields but the header has 3",
                 "separated by semicolons", "unquoted semicolons")


def test_decimal_comma_in_a_comma_file_says_what_it_is(tmp_path):
    path = write(tmp_path, "log.csv", 'sender,recipient,weight\na,b,"0,5"\n')
    expect_error(read_interactions, path, "'0,5' on line 2", "decimal comma", "write it as 0.5")


def test_whole_line_read_as_one_column(tmp_path):
    path = write(tmp_path, "log.csv", "sender|recipient\na|b\n")
    expect_error(read_interactions, path, "missing 'sender', 'recipient'",
                 "the whole first line was read as one column ('sender|recipient')")


def test_read_header_uses_the_same_dialect(tmp_path):
    from socialhrm.data import read_header

    path = write(tmp_path, "log.csv", "\ufeffTitle\nsender;recipient\na;b\n")
    assert read_header(path) == ["sender", "recipient"]


def test_export_formats_use_the_same_dialect(tmp_path):
    from socialhrm.formats import _read_csv_any

    path = write(tmp_path, "p2p.csv", "Report\nPrimaryCollaborator_PersonId;SecondaryCollaborator"
                                      "_PersonId\nA;B\n")
    with pytest.warns(DataWarning, match=r"skipped 1 title row above the header \('Report'\)"):
        frame = _read_csv_any(path, "query")
    assert frame.columns.tolist() == ["PrimaryCollaborator_PersonId",
                                      "SecondaryCollaborator_PersonId"]


def test_excel_wrong_sheet_lists_the_sheets(tmp_path):
    path = tmp_path / "people.xlsx"
    with pd.ExcelWriter(path) as xl:
        pd.DataFrame({"person_id": ["a"]}).to_excel(xl, sheet_name="Staff", index=False)
        pd.DataFrame({"x": [1]}).to_excel(xl, sheet_name="Notes", index=False)
    expect_error(read_people, path, "there is no sheet 'Medewerkers'",
                 "the workbook has 'Staff', 'Notes'", "sheet='Staff'", sheet="Medewerkers")
    expect_error(read_people, path, "sheet=5 does not exist; the workbook has 2 sheets", sheet=5)
    assert read_people(path, sheet="Staff")["person_id"].tolist() == ["a"]


def test_excel_title_row_is_skipped(tmp_path):
    path = tmp_path / "people.xlsx"
    raw = pd.DataFrame([["person_id", "department"], ["a", "HR"], ["b", "IT"]],
                       columns=["HR export 2025", None])
    raw.to_excel(path, index=False)
    people, notes = read_warned(read_people, path)
    assert people["department"].tolist() == ["HR", "IT"]
    assert any("skipped a title row above the header ('HR export 2025')" in n for n in notes)


def test_text_columns_have_one_dtype_whatever_the_file_format(tmp_path):
    frame = pd.DataFrame({"person_id": [1, 2], "team": [12, 7], "site": ["12", "North"]})
    frame.to_csv(tmp_path / "p.csv", index=False)
    frame.to_excel(tmp_path / "p.xlsx", index=False)
    frame.to_parquet(tmp_path / "p.parquet", index=False)
    tables = [read_people(frame)] + [read_people(tmp_path / f"p.{ext}")
                                     for ext in ("csv", "xlsx", "parquet")]
    for t in tables:
        assert str(t["team"].dtype) == "string" and t["team"].tolist() == ["12", "7"]
        assert str(t["site"].dtype) == "string" and t["site"].tolist() == ["12", "North"]
        assert t["person_id"].tolist() == ["1", "2"]


def test_whole_float_team_from_parquet_is_text_without_dot_zero(tmp_path):
    pd.DataFrame({"person_id": ["a", "b"], "team": [3.0, None]}).to_parquet(tmp_path / "p.pq")
    assert read_people(tmp_path / "p.pq")["team"].tolist()[0] == "3"


def test_unix_milliseconds_are_detected(tmp_path):
    path = write(tmp_path, "log.csv", "sender,recipient,timestamp\na,b,1735722000000\n")
    assert str(read_interactions(path)["timestamp"].iloc[0]) == "2025-01-01 09:00:00"


def test_seconds_and_milliseconds_mixed_is_an_error(tmp_path):
    path = write(tmp_path, "log.csv",
                 "sender,recipient,timestamp\na,b,1735722000000\nb,a,1735722000\n")
    expect_error(read_interactions, path, "mixes Unix seconds and milliseconds",
                 "use one unit")


def test_numbers_too_large_for_a_time(tmp_path):
    path = write(tmp_path, "log.csv", "sender,recipient,timestamp\na,b,1735722000000000\n")
    expect_error(read_interactions, path, "too large to be Unix seconds or milliseconds",
                 "microseconds")


def test_negative_numbers_are_not_times(tmp_path):
    path = write(tmp_path, "log.csv", "sender,recipient,timestamp\na,b,-5\n")
    expect_error(read_interactions, path, "negative numbers (-5)")


def test_excel_serial_days_are_flagged(tmp_path):
    path = write(tmp_path, "log.csv", "sender,recipient,timestamp\na,b,45658\nb,a,45658.5\n")
    log, notes = read_warned(read_interactions, path)
    assert str(log["timestamp"].iloc[1]) == "2025-01-01 12:00:00"
    assert any("read as Excel serial day numbers (45658 = 2025-01-01)" in n for n in notes)


def test_seconds_since_the_start_of_the_study_are_flagged(tmp_path):
    path = write(tmp_path, "log.csv", "sender,recipient,timestamp\na,b,0\nb,a,3600\n")
    log, notes = read_warned(read_interactions, path)
    assert str(log["timestamp"].iloc[1]) == "1970-01-01 01:00:00"
    assert any("fall in 1970" in n and "seconds since the start of the study" in n
               for n in notes)


@pytest.mark.parametrize("value, fragment", [
    ("05/11/2001", "'05/11/2001' is ambiguous: it could be day 5 of month 11 or month 5"),
    ("25/11/2001", "'25/11/2001' is written day/month or month/day"),
    ("2025-02-30", "'2025-02-30' is not a date that exists"),
])
def test_dates_the_reader_will_not_guess(tmp_path, value, fragment):
    path = write(tmp_path, "log.csv", f"sender,recipient,timestamp\na,b,{value}\n")
    expect_error(read_interactions, path, fragment, "on line 2")


def small_log() -> pd.DataFrame:
    return read_interactions(pd.DataFrame({
        "sender": ["a", "b", "c"], "recipient": ["b", "c", "a"],
        "timestamp": ["2025-01-06", "2025-02-03", "2025-03-03"]}))


@pytest.mark.parametrize("kwargs, fragment", [
    ({"start": "05/11/2025"}, "build_network: start: '05/11/2025' is ambiguous"),
    ({"end": "2025-02-30"}, "build_network: end: '2025-02-30' is not a date that exists"),
    ({"start": "last spring"}, "build_network: start: 'last spring' is not a date or time"),
    ({"start": [2025]}, "build_network: start: expected a date"),
    ({"start": "2025-03-01", "end": "2025-02-01"}, "is not after start"),
])
def test_build_network_window_is_parsed_like_the_readers(kwargs, fragment):
    from socialhrm import build_network

    with pytest.raises(DataError) as info:
        build_network(small_log(), **kwargs)
    assert fragment in str(info.value) and "What to do:" in str(info.value)


def test_build_network_window_takes_offsets_and_datetimes():
    from socialhrm import build_network

    G = build_network(small_log(), start="2025-02-01T01:00+01:00",
                      end=pd.Timestamp("2025-03-01"))
    assert sorted(G.edges()) == [("b", "c")]


def test_window_without_timestamps():
    from socialhrm import build_network

    log = read_interactions(pd.DataFrame({"sender": ["a"], "recipient": ["b"]}))
    with pytest.raises(DataError, match="start/end need timestamps"):
        build_network(log, start="2025-01-01")


def test_empty_time_window_warns_why():
    from socialhrm import build_network

    with pytest.warns(DataWarning, match=r"no messages between 2026-01-01 00:00:00 and the end; "
                                         r"the log runs from 2025-01-06"):
        G = build_network(small_log(), start="2026-01-01")
    assert G.number_of_edges() == 0


def test_min_weight_that_removes_every_tie_warns():
    from socialhrm import build_network

    with pytest.warns(DataWarning, match=r"min_weight=5 removed all 3 ties \(the strongest has "
                                         r"weight 1\)"):
        build_network(small_log(), min_weight=5)


def test_unknown_channel_says_which_exist():
    from socialhrm import build_network

    with pytest.raises(DataError, match=r"no messages on channel\(s\) \['chat'\]; the log has "
                                        r"\['unknown'\]"):
        build_network(small_log(), channel="chat")


def test_ids_are_one_person_whatever_the_source(tmp_path):
    people = read_people(pd.DataFrame({"person_id": [12, 13]}))
    path = write(tmp_path, "log.csv", "sender,recipient\n12.0,13.0\n13,12\n")
    log, notes = read_warned(read_interactions, path, people=people)
    assert log[["sender", "recipient"]].values.tolist() == [["12", "13"], ["13", "12"]]
    assert notes == []
    from_excel = tmp_path / "log.xlsx"
    pd.DataFrame({"sender": [12.0], "recipient": [13]}).to_excel(from_excel, index=False)
    assert read_interactions(from_excel, people=people)["sender"].tolist() == ["12"]


def test_manager_text_that_names_nobody_is_reported_by_read_people(tmp_path):
    path = write(tmp_path, "people.csv", "person_id,manager_id\nceo,\na,ceo\nb,former employee "
                                         "account\n")
    people, notes = read_warned(read_people, path)
    assert people["manager_id"].tolist()[2] == "former employee account"
    assert any("column 'manager_id' names 1 id that is not a person in this table ('former "
               "employee account') on line 4; org_chart will refuse" in n for n in notes)


def test_every_row_dropped_as_unknown_says_why():
    people = read_people(pd.DataFrame({"person_id": ["1", "2"]}))
    log = pd.DataFrame({"sender": ["ann@x.nl"], "recipient": ["bob@x.nl"]})
    out, notes = read_warned(read_interactions, log, people=people)
    assert out.empty
    assert any("every row was dropped: none of its 2 ids is in the people table ('ann@x.nl', "
               "'bob@x.nl' in this table; '1', '2' in the people table)" in n for n in notes)


def test_building_on_an_emptied_log_warns():
    from socialhrm import build_network

    people = read_people(pd.DataFrame({"person_id": ["1", "2"]}))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        log = read_interactions(pd.DataFrame({"sender": ["x"], "recipient": ["y"]}),
                                people=people)
    with pytest.warns(DataWarning, match="the interaction log has no rows"):
        build_network(log, people)


def test_symmetric_contacts_built_as_directed_say_so():
    from socialhrm import build_network

    log = read_interactions(pd.DataFrame({"sender": ["a", "b"], "recipient": ["b", "c"],
                                          "channel": ["meeting", "co-presence"]}))
    with pytest.warns(DataWarning, match=r"channel\(s\) co-presence, meeting, which are mutual "
                                         r"by nature.*Pass directed=False"):
        build_network(log)
    with warnings.catch_warnings():
        warnings.simplefilter("error", DataWarning)
        build_network(log, directed=False)


@pytest.mark.parametrize("call", ["group_labels", "network_roles", "group_tie_matrix"])
def test_by_naming_an_attribute_nobody_has_is_an_error(call):
    import networkx as nx

    from socialhrm import privacy, roles

    G = nx.karate_club_graph()
    fn = {"group_labels": lambda: privacy.group_labels(G, "departement"),
          "network_roles": lambda: roles.network_roles(G, by="departement"),
          "group_tie_matrix": lambda: roles.group_tie_matrix(G, by="departement")}[call]
    with pytest.raises(DataError) as info:
        fn()
    assert "no person has the attribute 'departement' to group by" in str(info.value)
    assert "'club'" in str(info.value)


def test_messages_are_in_dutch_when_asked_for(tmp_path):
    from socialhrm.i18n import using_language

    path = write(tmp_path, "people.csv", "person_id,department\na,HR\n,IT\n")
    with using_language("nl"):
        with pytest.raises(DataError) as info:
            read_people(path)
    text = str(info.value)
    assert "medewerkerstabel" in text and "regel 3" in text and "Wat te doen:" in text


@pytest.mark.parametrize("fn", ["build_network", "network_report"])
def test_people_that_is_not_a_table(fn):
    import socialhrm.network as network

    with pytest.raises(DataError, match=rf"{fn}: people= must be the people table \(a pandas "
                                        r"DataFrame\), got str"):
        getattr(network, fn)(small_log(), "people.csv")


def test_a_dutch_upload_reads_as_the_library_reads_it():
    from socialhrm.apps.uploads import saved
    from socialhrm.data import read_header, table_kind

    content = "\ufeffExport Teams\r\nsender;recipient;weight\r\na;b;0,5\r\n".encode()
    with saved([("export.csv", content)]) as (paths, clean):
        assert table_kind(read_header(paths[0])) == "interactions"
        log, notes = read_warned(read_interactions, paths[0])
        assert log["weight"].tolist() == [0.5]
        assert clean(notes[0]).startswith("interactions table (file export.csv): skipped 1 "
                                          "title row")
