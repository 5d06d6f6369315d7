"""Self-checks of module 3: right answers pass, each typical mistake gets its own hint, no hint
gives the expected value away, and the hidden tests fail neutrally.

The right answers are computed here with networkx and the kit, the way the exercise's model
solution does.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

import socialhrm
from socialhrm.checks import HIDDEN_MESSAGE, evaluate, hidden, questions
from socialhrm.silos import ei_index, normalised_mutual_information


@pytest.fixture(autouse=True)
def _isolated(monkeypatch, tmp_path):
    monkeypatch.setenv("SOCIALHRM_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("SOCIALHRM_LANG", "en")
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)


@pytest.fixture(scope="module")
def t():
    org = socialhrm.datasets.load("noordhaven")
    messages = org.network("interactions", directed=False)
    contacts = nx.Graph()
    contacts.add_nodes_from(messages.nodes(data=True))
    contacts.add_edges_from(messages.edges())
    people = org.people.set_index("person_id")
    dept, city = people["department"], people["location"]
    fin = set(dept.index[dept == "Finance"])
    internal = sum(1 for u, v in contacts.edges if u in fin and v in fin)
    external = sum(1 for u, v in contacts.edges if (u in fin) != (v in fin))
    m = contacts.number_of_edges()
    ext_all = sum(1 for u, v in contacts.edges if dept[u] != dept[v])
    table = ei_index(contacts, by="department", permutations=1000, seed=0)
    blocks = [set(dept.index[dept == d]) for d in dept.unique()]
    found = nx.community.louvain_communities(contacts, seed=0)
    sizes = city.value_counts()
    n = contacts.number_of_nodes()
    same_pairs = sum(k * (k - 1) / 2 for k in sizes)
    same = sum(1 for u, v in contacts.edges if city[u] == city[v])
    by_city = ei_index(contacts, by="location", permutations=0)
    comm = {p: i for i, c in enumerate(found) for p in c}
    order = list(contacts)
    return {
        "right": {
            "q1": {"finance_ei": (external - 2 * internal) / (external + 2 * internal)},
            "q2": {"overall_ei": (ext_all - (m - ext_all)) / m},
            "q3": {"finance_expected_ei": float(table.loc["Finance", "ei_expected"])},
            "q4": {"modularity_departments": nx.community.modularity(contacts, blocks)},
            "q5": {"n_communities": len(found)},
            "q6": {"density_same_city": same / same_pairs,
                   "density_other_city": (m - same) / (n * (n - 1) / 2 - same_pairs)},
            "t1": {"tiny_ei": (2 - 6) / (2 + 6)},
            "t2": {"zwolle_ei": float(by_city.loc["Zwolle", "ei"])},
            "t3": {"nmi_cities": normalised_mutual_information(
                [city[p] for p in order], [comm[p] for p in order])},
        },
        "ei_once": (external - internal) / (external + internal),
        "ei_expected_all": float(table.loc["(all)", "ei_expected"]),
        "modularity_weighted": nx.community.modularity(messages, blocks, weight="weight"),
        "modularity_detected": nx.community.modularity(contacts, found),
        "departments": dept.nunique(),
        "same_ties": same,
        "same_n2": same / float((sizes ** 2).sum()),
    }


def ev(qid, **values):
    return evaluate(qid, module="m03", **values)


ALL = ["q1", "q2", "q3", "q4", "q5", "q6", "t1", "t2", "t3"]


def _expected_texts(t, qid):
    texts = []
    for value in t["right"][qid].values():
        if isinstance(value, float):
            texts += [f"{value:.3f}", f"{value:.2f}", repr(value)]
        elif isinstance(value, int) and value > 1:
            texts.append(str(value))
    return texts


@pytest.mark.parametrize("qid", ALL)
def test_right_answer_passes(t, qid):
    res = ev(qid, **t["right"][qid])
    assert res.passed, res.message


def test_expected_ei_allows_another_seed(t):
    x = t["right"]["q3"]["finance_expected_ei"]
    assert ev("q3", finance_expected_ei=np.float64(x * 1.005)).passed
    assert not ev("q3", finance_expected_ei=x * 1.1).passed


def test_questions_registered():
    assert [q.qid for q in questions("m03")] == ALL


MISTAKES = [
    ("q1", lambda t: {"finance_ei": t["ei_once"]}, "count it twice"),
    ("q1", lambda t: {"finance_ei": -t["right"]["q1"]["finance_ei"]}, "wrong sign"),
    ("q1", lambda t: {"finance_ei": round(t["right"]["q1"]["finance_ei"], 2)}, "round"),
    ("q2", lambda t: {"overall_ei": t["right"]["q1"]["finance_ei"]}, "question 1"),
    ("q2", lambda t: {"overall_ei": -t["right"]["q2"]["overall_ei"]}, "wrong sign"),
    ("q3", lambda t: {"finance_expected_ei": t["right"]["q1"]["finance_ei"]}, "observed"),
    ("q3", lambda t: {"finance_expected_ei": t["ei_expected_all"]}, "(all)"),
    ("q4", lambda t: {"modularity_departments": t["modularity_weighted"]}, "message counts"),
    ("q4", lambda t: {"modularity_departments": t["modularity_detected"]}, "Louvain"),
    ("q5", lambda t: {"n_communities": t["departments"]}, "number of departments"),
    ("q6", lambda t: {**t["right"]["q6"], "density_same_city": float(t["same_ties"])},
     "count of ties"),
    ("q6", lambda t: {**t["right"]["q6"], "density_same_city": t["same_n2"]}, "n × (n − 1)"),
    ("t1", lambda t: {"tiny_ei": -0.2}, "once"),
    ("t1", lambda t: {"tiny_ei": 0.5}, "wrong way round"),
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
    assert hidden("m03", qid, *t["right"][qid].values()) is None
    with pytest.raises(AssertionError) as err:
        hidden("m03", qid, *(None for _ in t["right"][qid]))
    assert str(err.value) == HIDDEN_MESSAGE.format(question=qid)


@pytest.mark.parametrize("qid", ALL)
@pytest.mark.parametrize("odd", [None, "text", [1, 2], float("nan"), nx.Graph()])
def test_odd_input_never_raises(qid, odd):
    names = [q.variables for q in questions("m03") if q.qid == qid][0]
    assert not ev(qid, **dict.fromkeys(names, odd)).passed
