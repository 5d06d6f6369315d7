"""Self-checks of module m06 (ideas across boundaries): right answers pass, mistakes get hints.

The right answers are computed here from the bundled data with networkx and the kit, the way
the exercise's model solution does; nothing typed in. No hint may contain the expected value.
"""

from __future__ import annotations

from collections import Counter
from types import SimpleNamespace

import networkx as nx
import pytest

import socialhrm
from socialhrm.adoption import simulate_adoption
from socialhrm.bridges import boundary_spanners, bridging_ties
from socialhrm.checks import HIDDEN_MESSAGE, evaluate, hidden, questions
from socialhrm.checks import m06 as c06


@pytest.fixture(autouse=True)
def _isolated(monkeypatch, tmp_path):
    monkeypatch.setenv("SOCIALHRM_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    monkeypatch.setenv("SOCIALHRM_LANG", "en")


@pytest.fixture(scope="module")
def t():
    org = socialhrm.datasets.load("noordhaven")
    ideas = org.network("ideas")
    chart = org.org_chart()
    people = org.people.set_index("person_id")
    dept = people["department"].to_dict()
    cross = [(a, b) for a, b in ideas.edges if dept[a] != dept[b]]
    U = ideas.to_undirected()
    bridges = bridging_ties(ideas, "department", min_group_size=3)
    one_way = Counter((dept[a], dept[b]) for a, b in cross).most_common(1)[0][0]
    spanners = boundary_spanners(ideas, "department", min_group_size=3)
    top10 = spanners.index[:10]
    rd_stars = sorted((p for p in ideas if dept[p] == "R&D"), key=ideas.in_degree,
                      reverse=True)[:3]
    reach = {}
    for name, seeds in (("spanners", list(spanners.index[:3])), ("stars", rd_stars)):
        res = simulate_adoption(U, seeds, "cascade", runs=500, seed=0, p=0.3)
        reach[name] = float(res.groups_reached(dept).mean())
    tiny = nx.DiGraph(c06.TINY_IDEAS)
    tiny_cross = sum(1 for a, b in tiny.edges if c06.TINY_TEAMS[a] != c06.TINY_TEAMS[b])
    return SimpleNamespace(
        share=len(cross) / ideas.number_of_edges(),
        pair_share=sum(1 for a, b in U.edges if dept[a] != dept[b]) / U.number_of_edges(),
        widest={bridges.loc[0, "group_a"], bridges.loc[0, "group_b"]},
        one_way=set(one_way),
        narrow=int((bridges["width"] == 1).sum()), single=int((bridges["ties"] == 1).sum()),
        top_spanner=spanners.index[0],
        top_degree=max(U, key=U.degree),
        managing=sum(1 for p in top10 if chart.out_degree(p) > 0),
        leads=sum(1 for p in top10 if people.loc[p, "level"] == "manager"),
        spanner_reach=reach["spanners"], star_reach=reach["stars"],
        tiny_cross=tiny_cross, tiny_share=tiny_cross / tiny.number_of_edges(),
        rd_spanner=spanners[spanners["group"] == "R&D"].index[0],
    )


def ev(qid, **values):
    return evaluate(qid, module="m06", **values)


def right(t):
    return {
        "q1": {"share_bridging": t.share},
        "q2": {"widest_bridge": t.widest},
        "q3": {"narrow_bridges": t.narrow},
        "q4": {"top_spanner": t.top_spanner},
        "q5": {"spanners_who_manage": t.managing},
        "q6": {"spanner_reach": t.spanner_reach, "star_reach": t.star_reach},
        "t1": {"tiny_bridging": t.tiny_cross},
        "t2": {"tiny_share": t.tiny_share},
        "t3": {"rd_spanner": t.rd_spanner},
    }


def test_questions_are_registered():
    qs = {q.qid: q for q in questions("m06")}
    assert set(qs) == {f"q{i}" for i in range(1, 7)} | {"t1", "t2", "t3"}


@pytest.mark.parametrize("qid", [f"q{i}" for i in range(1, 7)] + ["t1", "t2", "t3"])
def test_right_answers_pass(t, qid):
    res = ev(qid, **right(t)[qid])
    assert res.passed, res.message


def test_other_forms_of_the_right_answer(t):
    assert ev("q2", widest_bridge=tuple(sorted(t.widest))).passed
    assert ev("q2", widest_bridge=list(t.widest)).passed


@pytest.mark.parametrize("qid", [f"q{i}" for i in range(1, 7)])
def test_hidden_accepts_right_and_rejects_blank(t, qid):
    values = list(right(t)[qid].values())
    assert hidden("m06", qid, *values) is None
    with pytest.raises(AssertionError) as err:
        hidden("m06", qid, *([None] * len(values)))
    assert str(err.value) == HIDDEN_MESSAGE.format(question=qid)


def test_the_story_holds(t):
    assert t.widest != t.one_way
    assert t.narrow != t.single
    assert t.top_degree != t.top_spanner
    assert t.managing != t.leads and t.managing <= 5
    assert t.spanner_reach > t.star_reach + 2 * c06.MC_TOLERANCE


def _mistakes(t):
    return [
        ("q1", {"share_bridging": 1 - t.share}, "WITHIN departments"),
        ("q1", {"share_bridging": 100 * t.share}, "percentage"),
        ("q2", {"widest_bridge": t.one_way}, "one direction only"),
        ("q2", {"widest_bridge": "IT and R&D"}, "two departments' names together"),
        ("q2", {"widest_bridge": {"IT", "Legal"}}, "not one of Noordhaven's departments"),
        ("q3", {"narrow_bridges": t.single}, "use the width"),
        ("q4", {"top_spanner": t.top_degree}, "OTHER departments"),
        ("q5", {"spanners_who_manage": t.leads}, "team leads"),
        ("q5", {"spanners_who_manage": 10 - t.managing}, "do NOT manage"),
        ("q6", {"spanner_reach": t.star_reach, "star_reach": t.spanner_reach}, "swap"),
        ("q6", {"spanner_reach": 0.08, "star_reach": t.star_reach}, "share of people"),
        ("t1", {"tiny_bridging": len(c06.TINY_IDEAS) - t.tiny_cross}, "WITHIN the teams"),
        ("t2", {"tiny_share": 100 * t.tiny_share}, "percentage"),
    ]


def test_each_typical_mistake_gets_its_own_hint(t):
    seen = set()
    for qid, values, hint in _mistakes(t):
        res = ev(qid, **values)
        assert not res.passed, (qid, values)
        assert hint in res.message, (qid, values, res.message)
        seen.add((qid, res.message))
    assert len(seen) == len(_mistakes(t))


def test_no_hint_reveals_the_answer(t):
    for qid, values, _hint in _mistakes(t):
        message = ev(qid, **values).message
        for v in right(t)[qid].values():
            if isinstance(v, float):
                assert f"{v:.2f}" not in message and f"{v:.0%}" not in message, message
            elif isinstance(v, int):
                assert f" {v} " not in f" {message} ", message
            elif isinstance(v, str):
                assert v not in message, message
            else:
                assert not all(x in message for x in v), message


def test_hints_speak_dutch(t):
    from socialhrm.i18n import using_language

    with using_language("nl"):
        res = ev("q5", spanners_who_manage=t.leads)
    assert not res.passed and "teamleiders" in res.message
