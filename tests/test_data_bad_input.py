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
    with pytest.raises(DataError, match=r"'boss' \(manager of 'a'\)"):
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
