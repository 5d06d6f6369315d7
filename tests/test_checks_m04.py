"""Self-checks of module 4: right answers pass, each typical mistake gets its own hint, no hint
gives the expected value away, and the hidden tests fail neutrally.

The right answers are computed here with networkx and the kit, the way the exercise's model
solution does.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import socialhrm
from socialhrm.checks import HIDDEN_MESSAGE, evaluate, hidden, questions
from socialhrm.knowledge import exit_impact, find_expert, key_players, knowledge_at_risk

SITA, LUCAS, PLC = "NH0067", "NH0261", "legacy pump controllers (PLC)"


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
    expertise = org.expertise
    people = org.people.set_index("person_id")
    holders = expertise["topic"].value_counts()
    H = U.copy()
    H.remove_node(SITA)
    expert = expertise.loc[expertise["topic"] == PLC, "person_id"].iloc[0]
    three = key_players(advice, k=3)
    requests = pd.Series(dict(advice.in_degree())).sort_values(ascending=False)
    n_top = round(0.05 * len(requests))
    tiny = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("c", "d"), ("d", "e"), ("d", "f"),
                     ("e", "f"), ("c", "g")])
    tiny.remove_node("c")
    finance = list(people.index[people["department"] == "Finance"])
    return {
        "right": {
            "q1": {"n_thin_topics": int((holders <= 2).sum())},
            "q2": {"components_before": nx.number_connected_components(U),
                   "components_after": nx.number_connected_components(H)},
            "q3": {"n_cut_off": len(exit_impact(advice, SITA))},
            "q4": {"steps_to_expert": nx.shortest_path_length(U, LUCAS, expert)},
            "q5": {"fragmentation_after": three.attrs["score"]},
            "q6": {"top5_share": float(requests.iloc[:n_top].sum() / requests.sum())},
            "t1": {"components_without_c": nx.number_connected_components(tiny)},
            "t2": {"plc_reach": knowledge_at_risk(advice, expertise).loc[PLC, "reach"]},
            "t3": {"steps_sql_from_finance": int(find_expert(advice, expertise, "SQL",
                                                             start=finance)["steps"].min())},
        },
        "single": int((holders == 1).sum()),
        "thin_rows": int(holders[holders <= 2].sum()),
        "strong": nx.number_strongly_connected_components(advice),
        "score_before": three.attrs["score_before"],
        "top5_people": float(requests.iloc[:5].sum() / requests.sum()),
    }


def ev(qid, **values):
    return evaluate(qid, module="m04", **values)


ALL = ["q1", "q2", "q3", "q4", "q5", "q6", "t1", "t2", "t3"]


def _expected_texts(t, qid):
    texts = []
    for value in t["right"][qid].values():
        if isinstance(value, float):
            texts += [f"{value:.3f}", f"{value:.2f}", repr(value)]
        elif isinstance(value, int) and value > 2:
            texts.append(str(value))
    return texts


@pytest.mark.parametrize("qid", ALL)
def test_right_answer_passes(t, qid):
    res = ev(qid, **t["right"][qid])
    assert res.passed, res.message


def test_right_answers_as_numpy_values(t):
    assert ev("q1", n_thin_topics=np.int64(t["right"]["q1"]["n_thin_topics"])).passed


def test_questions_registered():
    assert [q.qid for q in questions("m04")] == ALL


MISTAKES = [
    ("q1", lambda t: {"n_thin_topics": t["single"]}, "exactly one"),
    ("q1", lambda t: {"n_thin_topics": t["thin_rows"]}, "holders"),
    ("q2", lambda t: {**t["right"]["q2"], "components_before": t["strong"]}, "strongly"),
    ("q2", lambda t: {**t["right"]["q2"],
                      "components_after": t["right"]["q2"]["components_before"]},
     "same as before"),
    ("q3", lambda t: {"n_cut_off": t["right"]["q3"]["n_cut_off"] + 1}, "Sita herself"),
    ("q3", lambda t: {"n_cut_off": 1}, "new pieces"),
    ("q4", lambda t: {"steps_to_expert": t["right"]["q4"]["steps_to_expert"] + 1},
     "people on the path"),
    ("q4", lambda t: {"steps_to_expert": t["right"]["q4"]["steps_to_expert"] - 1},
     "in between"),
    ("q5", lambda t: {"fragmentation_after": t["score_before"]}, "score_before"),
    ("q5", lambda t: {"fragmentation_after": 1 - t["right"]["q5"]["fragmentation_after"]},
     "1 minus"),
    ("q6", lambda t: {"top5_share": t["top5_people"]}, "top 5 people"),
    ("q6", lambda t: {"top5_share": 100 * t["right"]["q6"]["top5_share"]}, "percentage"),
    ("t1", lambda t: {"components_without_c": 1}, "before c leaves"),
    ("t3", lambda t: {"steps_sql_from_finance":
                      t["right"]["t3"]["steps_sql_from_finance"] + 1}, "One too many"),
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


def test_every_graded_question_has_mistake_cases():
    assert {q for q, _, _ in MISTAKES} >= {"q1", "q2", "q3", "q4", "q5", "q6"}


@pytest.mark.parametrize("qid", ["q1", "q2", "q3", "q4", "q5", "q6"])
def test_hidden_passes_silently_and_fails_neutrally(t, qid):
    assert hidden("m04", qid, *t["right"][qid].values()) is None
    with pytest.raises(AssertionError) as err:
        hidden("m04", qid, *(None for _ in t["right"][qid]))
    assert str(err.value) == HIDDEN_MESSAGE.format(question=qid)


@pytest.mark.parametrize("qid", ALL)
@pytest.mark.parametrize("odd", [None, "text", [1, 2], float("nan"), nx.Graph()])
def test_odd_input_never_raises(qid, odd):
    names = [q.variables for q in questions("m04") if q.qid == qid][0]
    assert not ev(qid, **dict.fromkeys(names, odd)).passed
