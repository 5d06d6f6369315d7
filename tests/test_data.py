"""Unit tests of the data gate: canonical columns, dtypes, formats, pseudonyms."""

from __future__ import annotations

import pandas as pd
import pytest

from socialhrm import (
    DataError,
    pseudonymise,
    read_events,
    read_interactions,
    read_nominations,
    read_people,
)


def test_people_canonical_columns_and_extras_kept(tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("Person ID,Department,Manager_ID,Hire Date,Age\n"
                    "1,HR,,2020-01-15,40\n2,IT,1,2021-06-01,31\n", encoding="utf-8")
    people = read_people(path)
    assert list(people.columns[:7]) == ["person_id", "department", "team", "manager_id",
                                        "location", "level", "hire_date"]
    assert people["person_id"].tolist() == ["1", "2"]
    assert people["manager_id"].isna().tolist() == [True, False]
    assert people["hire_date"].dt.year.tolist() == [2020, 2021]
    assert people["Age"].tolist() == [40, 31]  # numeric extras become numbers


def test_excel_and_parquet_read_the_same(tmp_path):
    frame = pd.DataFrame({"person_id": ["a", "b"], "department": ["HR", "IT"]})
    frame.to_excel(tmp_path / "p.xlsx", index=False)
    frame.to_parquet(tmp_path / "p.parquet")
    frame.to_csv(tmp_path / "p.csv", index=False)
    tables = [read_people(tmp_path / f"p.{ext}") for ext in ("xlsx", "parquet", "csv")]
    for t in tables[1:]:
        pd.testing.assert_frame_equal(t, tables[0])


def test_excel_numeric_ids_become_text(tmp_path):
    pd.DataFrame({"person_id": [1001, 1002], "manager_id": [None, 1001]}).to_excel(
        tmp_path / "p.xlsx", index=False)
    people = read_people(tmp_path / "p.xlsx")
    assert people["person_id"].tolist() == ["1001", "1002"]
    assert people.loc[1, "manager_id"] == "1001"


def test_timestamps_iso_offsets_and_epoch_seconds():
    log = read_interactions(pd.DataFrame({
        "sender": ["a", "b", "a"], "recipient": ["b", "a", "b"],
        "timestamp": ["2025-03-04T10:15:00+01:00", "2025-03-04T09:15:00Z", "2025-03-04 09:15"],
    }))
    assert (log["timestamp"] == pd.Timestamp("2025-03-04 09:15")).all()
    epoch = read_interactions(pd.DataFrame({"sender": ["a"], "recipient": ["b"],
                                            "timestamp": ["1741079700"]}))
    assert epoch["timestamp"].iloc[0] == pd.Timestamp("2025-03-04 09:15")


def test_interaction_defaults():
    log = read_interactions(pd.DataFrame({"sender": ["a"], "recipient": ["b"]}))
    assert log["channel"].tolist() == ["unknown"]
    assert log["weight"].tolist() == [1.0]
    assert log["timestamp"].isna().all()


def test_nominations_relation_argument_and_strength():
    noms = read_nominations(pd.DataFrame({"respondent": [1], "nominee": [2], "strength": [3]}),
                            relation="trust")
    assert noms.iloc[0].to_dict() == {"respondent": "1", "nominee": "2", "relation": "trust",
                                      "strength": 3.0}


def test_events_sorted_by_time():
    ev = read_events(pd.DataFrame({"person_id": ["a", "b"],
                                   "timestamp": ["2025-02-01", "2025-01-01"],
                                   "event": ["first_post", "first_post"]}))
    assert ev["person_id"].tolist() == ["b", "a"]


def test_bad_option_is_named():
    with pytest.raises(DataError, match="self_loops='remove' is not one of 'drop', 'keep'"):
        read_interactions(pd.DataFrame({"sender": ["a"], "recipient": ["b"]}),
                          self_loops="remove")


def test_pseudonymise_is_keyed_consistent_and_reversible_only_with_lookup(monkeypatch):
    people = pd.DataFrame({"person_id": ["ann", "bob"], "manager_id": [None, "ann"]})
    log = pd.DataFrame({"sender": ["bob"], "recipient": ["ann"]})
    p1, lookup = pseudonymise(people, ["person_id", "manager_id"], key="k1",
                              return_lookup=True)
    l1 = pseudonymise(log, ["sender", "recipient"], key="k1")
    assert l1.loc[0, "recipient"] == p1.loc[0, "person_id"] == p1.loc[1, "manager_id"]
    assert pd.isna(p1.loc[0, "manager_id"])
    assert "ann" not in p1.to_string() and "bob" not in l1.to_string()
    assert people.loc[0, "person_id"] == "ann"  # the input is not changed
    back = dict(zip(lookup["pseudonym"], lookup["original"], strict=True))
    assert back[p1.loc[1, "person_id"]] == "bob"
    other = pseudonymise(people, "person_id", key="k2")
    assert other.loc[0, "person_id"] != p1.loc[0, "person_id"]
    monkeypatch.setenv("SOCIALHRM_PSEUDONYM_KEY", "k1")
    assert pseudonymise(people, "person_id").loc[0, "person_id"] == p1.loc[0, "person_id"]


def test_pseudonymise_needs_a_key(monkeypatch):
    monkeypatch.delenv("SOCIALHRM_PSEUDONYM_KEY", raising=False)
    with pytest.raises(DataError, match="no key"):
        pseudonymise(pd.DataFrame({"x": ["a"]}), "x")
    with pytest.raises(DataError, match="no column"):
        pseudonymise(pd.DataFrame({"x": ["a"]}), "y", key="k")
