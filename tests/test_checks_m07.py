"""Self-checks of module m07 (employees as ambassadors), without running notebooks.

The right answers are computed here from the bundled data with networkx, the way the model
solution does; each typical mistake must get its own hint, and no hint may show the answer.
"""

from __future__ import annotations

import networkx as nx
import pytest

from socialhrm.checks import evaluate, hidden
from socialhrm.checks.m07 import noordhaven_reach_graph, tiny_graph
from socialhrm.reach import choose_ambassadors, ego_network

ENG = "engineering"


@pytest.fixture(autouse=True)
def _isolated(monkeypatch, tmp_path):
    monkeypatch.setenv("SOCIALHRM_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)


@pytest.fixture(scope="module")
def a():
    """Right answers and typical wrong ones."""
    org, G = noordhaven_reach_graph()
    people = org.people.set_index("person_id")
    emp = [n for n, k in G.nodes(data="kind") if k == "employee"]
    known = {v for e in emp for v in G[e] if G.nodes[v]["kind"] != "employee"}
    eng = {v for v in known if G.nodes[v].get("segment") == ENG}
    lead = people[(people["team"] == "Recruitment & Employer Branding")
                  & (people["level"] == "manager")].index[0]
    two = set(G[lead])
    for c in G[lead]:
        two |= set(G[c])
    two.discard(lead)
    big = sorted(emp, key=G.degree, reverse=True)[:5]
    union = set().union(*(set(G[p]) for p in big))
    eng_count = {p: sum(1 for v in G[p] if G.nodes[v].get("segment") == ENG) for p in emp}
    first = max(sorted(emp), key=eng_count.get)
    amb = choose_ambassadors(G, 5, steps=1, audience=ENG)
    alumni = [n for n, k in G.nodes(data="kind") if k == "alumnus"]
    via = {v for x in alumni for v in G[x] if G.nodes[v].get("segment") == ENG}
    tiny = tiny_graph()
    near = set(nx.single_source_shortest_path_length(tiny, "Anna", cutoff=2)) - {"Anna"}
    return dict(
        q1=(len(known), len(eng)), q1_rows=len(org.contacts),
        q1_eng_rows=int((org.contacts["segment"] == ENG).sum()),
        q2=len(two), q2_one=G.degree(lead), q2_sum=G.degree(lead) + sum(G.degree(n)
                                                                          for n in G[lead]),
        q3=(len(union), sum(G.degree(p) for p in big) - len(union)),
        q3_sum=sum(G.degree(p) for p in big), q4=first, q4_big=big[0],
        q5=int(amb["coverage"].iloc[-1]), q5_sum=int(amb["reach_alone"].sum()),
        q5_two=choose_ambassadors(G, 5, steps=2, audience=ENG).attrs["coverage"],
        q6=int(amb["new_reach"].iloc[3]), q6_alone=int(amb["reach_alone"].iloc[3]),
        q6_cover=int(amb["coverage"].iloc[3]),
        q7=len(via - eng), q7_all=len(via),
        t1=len(near), t3=ego_network(G, lead).effective_size, t3_size=G.degree(lead),
    )


def _msg(qid, **values):
    return evaluate(qid, module="m07", **values)


def _not_yet(qid, expected, **values):
    r = _msg(qid, **values)
    assert not r.passed, (qid, values)
    for value in expected:
        assert str(value) not in r.message, f"{qid} hint shows the answer {value}: {r.message}"
    return r.message


def test_right_answers_pass(a):
    assert _msg("q1", outside_total=a["q1"][0], engineers_total=a["q1"][1]).passed
    assert _msg("q2", two_step_reach=a["q2"]).passed
    assert _msg("q3", size_coverage=a["q3"][0], double_counted=a["q3"][1]).passed
    assert _msg("q4", first_pick=a["q4"]).passed
    assert _msg("q5", greedy_coverage=a["q5"]).passed
    assert _msg("q6", gain_of_fourth=a["q6"]).passed
    assert _msg("q7", via_alumni_only=a["q7"]).passed
    assert _msg("t1", anna_two_steps=a["t1"]).passed
    assert _msg("t2", second_pick="Daan").passed
    assert _msg("t3", lead_effective_size=a["t3"]).passed
    hidden("m07", "q5", a["q5"])  # the hidden test agrees


def test_hidden_tests_reject_wrong_answers(a):
    with pytest.raises(AssertionError):
        hidden("m07", "q5", a["q5_sum"])
    with pytest.raises(AssertionError):
        hidden("m07", "q4", a["q4_big"])


def test_q1_mistakes(a):
    right_total, right_eng = a["q1"]
    m = _not_yet("q1", [right_total], outside_total=a["q1_rows"], engineers_total=right_eng)
    assert "rows" in m and "once" in m
    m = _not_yet("q1", [right_eng], outside_total=right_total, engineers_total=a["q1_eng_rows"])
    assert "one engineer" in m
    m = _not_yet("q1", [], outside_total=float(right_total), engineers_total=right_eng)
    assert "whole number" in m


def test_q2_mistakes(a):
    assert "themself" in _not_yet("q2", [a["q2"]], two_step_reach=a["q2"] + 1)
    assert "one-step" in _not_yet("q2", [a["q2"]], two_step_reach=a["q2_one"])
    assert "added up" in _not_yet("q2", [a["q2"]], two_step_reach=a["q2_sum"])


def test_q3_mistakes(a):
    cover, double = a["q3"]
    m = _not_yet("q3", [cover], size_coverage=a["q3_sum"], double_counted=double)
    assert "union" in m
    m = _not_yet("q3", [double], size_coverage=cover, double_counted=a["q3_sum"])
    assert "subtract" in m


def test_q4_mistakes(a):
    m = _not_yet("q4", [a["q4"]], first_pick=a["q4_big"])
    assert "biggest networks" in m or "any kind" in m
    assert "person_id" in _not_yet("q4", [a["q4"]], first_pick="NOBODY")


def test_q5_mistakes(a):
    assert "alone" in _not_yet("q5", [a["q5"]], greedy_coverage=a["q5_sum"])
    assert "two steps" in _not_yet("q5", [a["q5"]], greedy_coverage=a["q5_two"])


def test_q6_mistakes(a):
    assert "alone" in _not_yet("q6", [a["q6"]], gain_of_fourth=a["q6_alone"])
    assert "after four" in _not_yet("q6", [a["q6"]], gain_of_fourth=a["q6_cover"])


def test_q7_mistakes(a):
    assert "already knows" in _not_yet("q7", [a["q7"]], via_alumni_only=a["q7_all"])
    assert "question 1" in _not_yet("q7", [a["q7"]], via_alumni_only=a["q1"][1])


def test_lesson_tries_mistakes(a):
    assert "Anna herself" in _not_yet("t1", [a["t1"]], anna_two_steps=a["t1"] + 1)
    assert "already reaches" in _not_yet("t2", [], second_pick="Anna")
    assert "size" in _not_yet("t3", [], lead_effective_size=a["t3_size"])


def test_blank_answers_are_not_answered():
    r = _msg("q5", greedy_coverage=None)
    assert not r.answered and not r.passed
