"""Self-checks of module m10 (organising and facilitating): right answers pass, typical mistakes
get their own hint, no hint shows the expected value. Expected values come from the library."""

from __future__ import annotations

import networkx as nx
import pytest

import socialhrm
from socialhrm.checks import evaluate, hidden, questions
from socialhrm.checks.m10 import pioneers
from socialhrm.policy import draft_policy
from socialhrm.readiness import ambassador_reach, management_centrality, readiness_scores


@pytest.fixture(autouse=True)
def _isolated(monkeypatch, tmp_path):
    monkeypatch.setenv("SOCIALHRM_HOME", str(tmp_path / "home"))


@pytest.fixture(scope="module")
def r():
    org = socialhrm.datasets.load("noordhaven")
    s = org.readiness
    overall = readiness_scores(s, by=None).set_index("precondition")["score"]
    raw = readiness_scores(s.assign(score=s["answer"]), by=None).set_index("precondition")
    dept = readiness_scores(s, org.people, by="department")
    trust = dept[dept["precondition"] == "trust"].set_index("group")["score"]
    advice = org.network("advice")
    reach = ambassador_reach(advice, pioneers(org.events), by="department")
    one = ambassador_reach(advice, pioneers(org.events), by="department", steps=1)
    mc = management_centrality(org.network("interactions", channel="chat", directed=False))
    return {
        "n": int(s["respondent"].nunique()), "rows": len(s), "people": len(org.people),
        "trust": float(overall["trust"]), "trust_raw": float(raw.loc["trust", "score"]),
        "lowest": trust.idxmin(), "highest": trust.idxmax(),
        "weakest": overall.idxmin(), "strongest": overall.idxmax(),
        "reach": float(reach["within_reach"].sum() / reach["people"].sum()),
        "one": float(one["within_reach"].sum() / one["people"].sum()),
        "mgmt": float(mc.loc["management", "share_in_top"]),
        "expected": float(mc.loc["management", "expected_share"]),
        "uncovered": int((~reach["covered"]).sum()),
    }


def _v(qid, **values):
    return evaluate(qid, module="m10", **values)


def _no_leak(message, *numbers):
    for x in numbers:
        texts = [f"{x:.3f}", f"{x:.2f}"] + ([f"{x:.0%}"] if 0 < x < 1 else [])
        for text in texts:
            assert text not in message, (text, message)


RIGHT_POLICY = dict(accounts=["company", "private"], stance="allow",
                    introduction=["video", "team_meeting"], review_months=6)


def test_questions_registered():
    assert [q.qid for q in questions("m10")] == ["q1", "q2", "q3", "q4", "q5", "q6", "q7",
                                                 "t1", "t2", "t3"]


def test_right_answers_pass(r):
    per_person = ((4 + 5 + (6 - 2)) / 3 + (2 + 3 + (6 - 4)) / 3) / 2
    tiny = nx.DiGraph([("Bas", "Chris"), ("Dina", "Chris"), ("Emre", "Dina"),
                       ("Fleur", "Emre"), ("Anouk", "Bas")])
    within = sum(1 for d in nx.single_source_shortest_path_length(
        tiny.to_undirected(), "Chris").values() if d <= 2)
    right = {
        "q1": {"n_respondents": r["n"]}, "q2": {"trust_score": r["trust"]},
        "q3": {"lowest_trust_department": r["lowest"]},
        "q4": {"weakest_precondition": r["weakest"]}, "q5": {"share_within_reach": r["reach"]},
        "q6": {"management_share_in_top": r["mgmt"]},
        "q7": {"policy": draft_policy("Noordhaven", **RIGHT_POLICY)},
        "t1": {"tiny_within_two": within}, "t2": {"trust_by_hand": per_person},
        "t3": {"uncovered_departments": r["uncovered"]},
    }
    for qid, values in right.items():
        result = _v(qid, **values)
        assert result.passed, (qid, result.message)
        hidden("m10", qid, *values.values())
    # the order of the choices does not matter
    swapped = draft_policy("Noordhaven", accounts=["private", "company"], stance="allow",
                           introduction=["team_meeting", "video"], review_months=6)
    assert _v("q7", policy=swapped).passed


@pytest.mark.parametrize("qid, make, hint", [
    ("q1", lambda r: {"n_respondents": r["rows"]}, "counts rows"),
    ("q1", lambda r: {"n_respondents": r["people"]}, "everyone at Noordhaven"),
    ("q2", lambda r: {"trust_score": r["trust_raw"]}, "turned around"),
    ("q2", lambda r: {"trust_score": r["trust"] / 5}, "share"),
    ("q3", lambda r: {"lowest_trust_department": r["highest"]}, "highest"),
    ("q3", lambda r: {"lowest_trust_department": "Board"}, "merged"),
    ("q4", lambda r: {"weakest_precondition": r["strongest"]}, "strongest"),
    ("q4", lambda r: {"weakest_precondition": "trust in employees"}, "label"),
    ("q5", lambda r: {"share_within_reach": r["one"]}, "one step"),
    ("q5", lambda r: {"share_within_reach": 100 * r["reach"]}, "percentage"),
    ("q6", lambda r: {"management_share_in_top": r["expected"]}, "chance"),
    ("q6", lambda r: {"management_share_in_top": 1 - r["mgmt"]}, "others"),
    ("q7", lambda r: {"policy": "allow"}, "draft_policy"),
    ("q7", lambda r: {"policy": draft_policy("Noordhaven", **dict(RIGHT_POLICY,
                                                                   stance="encourage"))},
     "stance"),
    ("q7", lambda r: {"policy": draft_policy("Noordhaven", **dict(RIGHT_POLICY,
                                                                   review_months=12))},
     "review"),
    ("q7", lambda r: {"policy": draft_policy("Noordhaven", **dict(
        RIGHT_POLICY, accounts=["company", "private", "internal"]))}, "accounts"),
    ("t1", lambda r: {"tiny_within_two": 3}, "one step"),
])
def test_typical_mistakes_get_their_hint_without_the_answer(r, qid, make, hint):
    result = _v(qid, **make(r))
    assert not result.passed and result.answered
    assert hint in result.message, result.message
    _no_leak(result.message, r["trust"], r["reach"], r["mgmt"])
    assert r["lowest"] not in result.message or qid != "q3"
    with pytest.raises(AssertionError, match="not yet correct"):
        hidden("m10", qid, *make(r).values())


def test_blank_answers_are_not_answered():
    assert not _v("q7", policy=None).answered
    assert not _v("q3", lowest_trust_department=...).answered
