"""The readiness instrument, its reader (the data gate), scores and the network side."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

from socialhrm.data import DataError, DataWarning
from socialhrm.i18n import using_language
from socialhrm.readiness import (
    PRECONDITIONS,
    READINESS_ITEMS,
    ambassador_reach,
    instrument_html,
    management_centrality,
    read_readiness,
    readiness_instrument,
    readiness_scores,
)


def test_instrument_covers_every_precondition_with_three_items():
    t = readiness_instrument()
    assert t["item"].is_unique
    assert t.groupby("precondition").size().to_dict() == {p: 3 for p in PRECONDITIONS}
    assert t["statement"].str.len().gt(20).all()


def test_instrument_is_translated():
    with using_language("nl"):
        nl = readiness_instrument()
    with using_language("en"):
        en = readiness_instrument()
    assert (nl["statement"] != en["statement"]).all()
    assert nl["item"].tolist() == en["item"].tolist()


def test_shipped_instrument_table_matches_the_code():
    from pathlib import Path

    docs = Path(__file__).resolve().parents[1] / "docs"
    for name, lang in (("readiness_survey.csv", "en"), ("readiness_survey_nl.csv", "nl")):
        with using_language(lang):
            expected = readiness_instrument()
        shipped = pd.read_csv(docs / name)
        assert shipped["item"].tolist() == expected["item"].tolist(), name
        assert shipped["statement"].tolist() == expected["statement"].tolist(), name


def test_handout_escapes_and_lists_every_item():
    page = instrument_html(title="<b>Ready?</b>")
    assert "&lt;b&gt;Ready?&lt;/b&gt;" in page and "<b>Ready?" not in page
    for item, *_ in READINESS_ITEMS:
        assert f"<td>{item}</td>" in page


def test_reverse_items_are_turned_around():
    wide = pd.DataFrame({"respondent": ["a"], "R03": [5], "R01": [5]})
    long = read_readiness(wide).set_index("item")
    assert long.loc["R03", "answer"] == 5 and long.loc["R03", "score"] == 1
    assert long.loc["R01", "score"] == 5


def test_long_and_wide_give_the_same_table():
    wide = pd.DataFrame({"Employee": ["a", "b"], "r01": ["4", "2"], "R06 ": ["1", ""]})
    long = pd.DataFrame({"respondent": ["a", "a", "b"], "item": ["R01", "r06", "R01"],
                         "answer": [4, 1, 2]})
    w = read_readiness(wide, columns={"Employee": "respondent"})
    v = read_readiness(long)
    pd.testing.assert_frame_equal(w, v)
    assert w["score"].tolist() == [4, 5, 2]


@pytest.mark.parametrize("frame, message", [
    (pd.DataFrame({"respondent": ["a"], "R01": [7]}), r"'R01' has '7' on row 0"),
    (pd.DataFrame({"respondent": ["a"], "R01": ["agree"]}), "whole numbers from 1"),
    (pd.DataFrame({"respondent": ["a", "a"], "R01": [1, 2]}), "more than once"),
    (pd.DataFrame({"respondent": ["a"], "Q1": [1]}), "no item columns"),
    (pd.DataFrame({"who": ["a"], "R01": [1]}), "missing column 'respondent'"),
    (pd.DataFrame({"respondent": ["a"], "item": ["R99"], "answer": [3]}), "not an item"),
])
def test_bad_answers_are_refused_with_a_clear_message(frame, message):
    with pytest.raises(DataError, match=message):
        read_readiness(frame)


def test_file_errors_name_the_line(tmp_path):
    path = tmp_path / "survey.csv"
    path.write_text("respondent,R01,R02\na,4,5\nb,4,55\n", encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(DataError) as err:
        read_readiness(path)
    assert "line 3" in str(err.value) and "survey.csv" in str(err.value)
    assert path.read_bytes() == before


def test_unknown_respondents_are_dropped_with_a_warning():
    people = pd.DataFrame({"person_id": ["a"]})
    wide = pd.DataFrame({"respondent": ["a", "zz"], "R01": [3, 4]})
    with pytest.warns(DataWarning, match="zz"):
        out = read_readiness(wide, people=people)
    assert out["respondent"].tolist() == ["a"]
    with pytest.raises(DataError):
        read_readiness(wide, people=people, unknown="error")


def _survey(sizes: dict[str, int]) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows, people = [], []
    k = 0
    for dept, n in sizes.items():
        for j in range(n):
            pid = f"p{k}"
            people.append((pid, dept))
            rows.append({"respondent": pid, "R04": 1 + (j % 5), "R05": 3})
            k += 1
    return pd.DataFrame(rows), pd.DataFrame(people, columns=["person_id", "department"])


def test_scores_by_group_with_small_groups_merged():
    wide, people = _survey({"A": 6, "B": 5, "C": 2, "D": 3})
    scores = readiness_scores(read_readiness(wide), people, by="department")
    assert set(scores["group"]) == {"A", "B", "other (<5)"}
    assert scores.attrs["merged"] == ["C", "D"]
    trust = scores[scores["precondition"] == "trust"].set_index("group")
    # A: R04 1..5,1 and R05 3 -> per person (1+3)/2, (2+3)/2, ... ; mean by hand
    a = [((1 + (j % 5)) + 3) / 2 for j in range(6)]
    assert trust.loc["A", "score"] == pytest.approx(sum(a) / 6)
    assert trust.loc["A", "share_ready"] == pytest.approx(sum(x >= 4 for x in a) / 6)
    assert trust.loc["other (<5)", "respondents"] == 5
    overall = scores.groupby("precondition")["gap"].apply(lambda g: g.abs().max())
    assert overall["trust"] > 0


def test_scores_cannot_switch_suppression_off():
    wide, people = _survey({"A": 6, "B": 2})
    with pytest.warns(UserWarning):
        scores = readiness_scores(read_readiness(wide), people, min_group_size=1)
    assert "B" not in set(scores["group"])


def test_too_few_respondents_overall_show_nothing():
    wide, people = _survey({"A": 3})
    scores = readiness_scores(read_readiness(wide), people, by=None)
    assert scores["score"].isna().all()


def test_ambassador_reach_counts_two_steps_both_directions():
    G = nx.DiGraph([(1, 0), (2, 1), (3, 2), (4, 3), (5, 4)])  # a chain of asking
    nx.set_node_attributes(G, {n: "A" if n < 3 else "B" for n in G}, "team")
    t = ambassador_reach(G, [0, 99], min_group_size=3)
    assert t.loc["A", "within_reach"] == 3 and t.loc["A", "covered"]
    assert t.loc["B", "within_reach"] == 0 and t.attrs["uncovered_groups"] == ["B"]
    assert t.loc["A", "ambassadors"] == 1
    three = ambassador_reach(G, [0], steps=3, min_group_size=3)
    assert three.loc["B", "within_reach"] == 1


def test_management_centrality_compares_with_chance():
    G = nx.star_graph(9)
    nx.set_node_attributes(G, {n: "manager" if n == 0 else "medior" for n in G}, "level")
    t = management_centrality(G)
    assert t.loc["management", "people"] == 1
    assert t.loc["management", "share_in_top"] == 1.0
    assert t.loc["management", "expected_share"] == pytest.approx(0.1)
    assert t.loc["management", "betweenness"] > t.loc["others", "betweenness"]


def test_noordhaven_network_side():
    from socialhrm import datasets

    nh = datasets.load("noordhaven")
    advice = nh.network("advice")
    first = nh.events[nh.events["event"] == "platform_first_post"].nsmallest(20, "timestamp")
    reach = ambassador_reach(advice, first["person_id"], by="department")
    assert (reach["people"] >= 5).all()
    assert not reach["covered"].all()  # some departments have no pioneer nearby
    chat = nh.network("interactions", channel="chat", directed=False)
    mc = management_centrality(chat)
    assert mc["people"].sum() == chat.number_of_nodes()
