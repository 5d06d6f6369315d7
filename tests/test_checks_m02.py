"""Self-checks of module 2: right answers pass, each typical mistake gets its own hint, no hint
gives the expected value away, and the hidden tests fail neutrally.

The right answers are computed here with networkx, the way the exercise's model solution does.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

import socialhrm
from socialhrm.checks import HIDDEN_MESSAGE, evaluate, hidden, questions
from socialhrm.privacy import merge_small_groups

SANNE = "NH0042"


@pytest.fixture(autouse=True)
def _isolated(monkeypatch, tmp_path):
    monkeypatch.setenv("SOCIALHRM_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("SOCIALHRM_LANG", "en")
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)


@pytest.fixture(scope="module")
def t():
    org = socialhrm.datasets.load("noordhaven")
    advice = org.network("advice")
    U = advice.to_undirected()
    people = org.people.set_index("person_id")
    dept = people["department"]
    between = [(a, b) for a, b in advice.edges if {dept[a], dept[b]} == {"R&D", "Sales"}]
    pairs = [(a, b) for a in advice.predecessors(SANNE) for b in advice.successors(SANNE)]
    groups = merge_small_groups(dept, 5)
    iso = set(nx.isolates(advice))
    share = groups.index.to_series().isin(iso).groupby(groups).mean()
    no_in = groups.index.to_series().map(lambda p: advice.in_degree(p) == 0)
    tiny = nx.DiGraph([("Anouk", "Bas"), ("Chris", "Bas"), ("Bas", "Dina"), ("Emre", "Dina"),
                       ("Fleur", "Dina"), ("Dina", "Bas"), ("Chris", "Anouk")])
    from socialhrm.roles import network_roles

    return {
        "right": {
            "q1": {"sanne_betweenness": nx.betweenness_centrality(advice)[SANNE]},
            "q2": {"n_isolated": len(iso)},
            "q3": {"sanne_constraint": nx.constraint(U)[SANNE]},
            "q4": {"rd_sales_ties": len(between),
                   "rd_sales_without_sanne": sum(SANNE not in e for e in between)},
            "q5": {"sanne_open_paths": sum(1 for a, b in pairs
                                           if a != b and not advice.has_edge(a, b))},
            "q6": {"most_isolated_department": share.idxmax()},
            "t1": {"paths_through_bas": 6},
            "t2": {"bas_open_paths": sum(1 for a in tiny.predecessors("Bas")
                                         for b in tiny.successors("Bas")
                                         if a != b and not tiny.has_edge(a, b))},
            "t3": {"n_connectors": int(network_roles(advice)["central_connector"].sum())},
        },
        "bc_raw": nx.betweenness_centrality(advice, normalized=False)[SANNE],
        "bc_undirected": nx.betweenness_centrality(U)[SANNE],
        "no_in": sum(d == 0 for _, d in advice.in_degree()),
        "no_out": sum(d == 0 for _, d in advice.out_degree()),
        "constraint_directed": nx.constraint(advice, nodes=[SANNE])[SANNE],
        "effective_size": nx.effective_size(U, nodes=[SANNE])[SANNE],
        "pairs": len({frozenset(e) for e in between}),
        "one_way": sum(dept[a] == "R&D" for a, _ in between),
        "all_pairs": len(pairs),
        "no_in_top": no_in.groupby(groups).mean().idxmax(),
        "merged": groups.attrs["merged"],
    }


def ev(qid, **values):
    return evaluate(qid, module="m02", **values)


def _expected_texts(t, qid):
    texts = []
    for value in t["right"][qid].values():
        if isinstance(value, float):
            texts += [f"{value:.3f}", f"{value:.2f}", repr(value)]
        elif isinstance(value, int) and value > 1:
            texts.append(str(value))
    return texts


ALL = ["q1", "q2", "q3", "q4", "q5", "q6", "t1", "t2", "t3"]


@pytest.mark.parametrize("qid", ALL)
def test_right_answer_passes(t, qid):
    res = ev(qid, **t["right"][qid])
    assert res.passed, res.message


def test_right_answers_as_numpy_values(t):
    assert ev("q1", sanne_betweenness=np.float64(t["right"]["q1"]["sanne_betweenness"])).passed
    assert ev("q2", n_isolated=np.int64(t["right"]["q2"]["n_isolated"])).passed


def test_questions_registered():
    ids = [q.qid for q in questions("m02")]
    assert ids == ALL
    assert [q.graded for q in questions("m02")] == [True] * 6 + [False] * 3


MISTAKES = [
    ("q1", lambda t: {"sanne_betweenness": t["bc_raw"]}, "normalized=True"),
    ("q1", lambda t: {"sanne_betweenness": t["bc_undirected"]}, "without directions"),
    ("q1", lambda t: {"sanne_betweenness": 100 * t["right"]["q1"]["sanne_betweenness"]},
     "percentage"),
    ("q1", lambda t: {"sanne_betweenness": round(t["right"]["q1"]["sanne_betweenness"], 3)},
     "round"),
    ("q2", lambda t: {"n_isolated": t["no_in"]}, "nobody names"),
    ("q2", lambda t: {"n_isolated": t["no_out"]}, "name nobody"),
    ("q3", lambda t: {"sanne_constraint": t["constraint_directed"]}, "directed"),
    ("q3", lambda t: {"sanne_constraint": t["effective_size"]}, "effective size"),
    ("q3", lambda t: {"sanne_constraint": 1 - t["right"]["q3"]["sanne_constraint"]},
     "1 minus"),
    ("q4", lambda t: {**t["right"]["q4"], "rd_sales_ties": t["pairs"]}, "pairs of people"),
    ("q4", lambda t: {**t["right"]["q4"], "rd_sales_ties": t["one_way"]}, "one direction"),
    ("q4", lambda t: {**t["right"]["q4"],
                      "rd_sales_without_sanne": t["right"]["q4"]["rd_sales_ties"]},
     "DO involve Sanne"),
    ("q5", lambda t: {"sanne_open_paths": t["all_pairs"]}, "every pair"),
    ("q6", lambda t: {"most_isolated_department": "Board"}, "privacy rule"),
    ("q6", lambda t: {"most_isolated_department": "Legal"}, "not one of the department"),
    ("q6", lambda t: {"most_isolated_department": 3}, "as text"),
    ("t1", lambda t: {"paths_through_bas": 12}, "twice"),
    ("t1", lambda t: {"paths_through_bas": 7}, "directly"),
    ("t2", lambda t: {"bas_open_paths": 3}, "already asks"),
]


@pytest.mark.parametrize(("qid", "values", "phrase"), MISTAKES,
                         ids=[f"{q}-{p[:12]}" for q, _, p in MISTAKES])
def test_mistake_gets_its_hint(t, qid, values, phrase):
    answer = values(t)
    res = ev(qid, **answer)
    assert not res.passed and res.answered, (answer, res.message)
    assert phrase in res.message, res.message
    for text in _expected_texts(t, qid):
        assert text not in res.message, (text, res.message)


def test_q6_no_in_top_differs_or_is_the_answer(t):
    # the "nobody names them" hint only applies when that department is not the answer
    if t["no_in_top"] != t["right"]["q6"]["most_isolated_department"]:
        res = ev("q6", most_isolated_department=t["no_in_top"])
        assert "nobody names" in res.message


def test_every_graded_question_has_mistake_cases():
    assert {q for q, _, _ in MISTAKES} >= {"q1", "q2", "q3", "q4", "q5", "q6"}


@pytest.mark.parametrize("qid", ["q1", "q2", "q3", "q4", "q5", "q6"])
def test_hidden_passes_silently_and_fails_neutrally(t, qid, capsys):
    assert hidden("m02", qid, *t["right"][qid].values()) is None
    with pytest.raises(AssertionError) as err:
        hidden("m02", qid, *(None for _ in t["right"][qid]))
    assert str(err.value) == HIDDEN_MESSAGE.format(question=qid)


@pytest.mark.parametrize("qid", ALL)
@pytest.mark.parametrize("odd", [None, "text", [1, 2], float("nan"), nx.Graph()])
def test_odd_input_never_raises(qid, odd):
    names = [q.variables for q in questions("m02") if q.qid == qid][0]
    res = ev(qid, **dict.fromkeys(names, odd))
    assert not res.passed
