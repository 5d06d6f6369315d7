"""network_report (the fast engine on edge arrays) gives the values of the networkx path."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from socialhrm import build_network, centrality_table, describe, read_interactions
from socialhrm.data import DataError, DataWarning, read_people
from socialhrm.network import network_report


def synthetic(people: int, messages: int, seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    ids = np.array([f"E{i:04d}" for i in range(people)])
    s = rng.integers(0, people - 20, messages)  # the last 20 people send nothing
    r = (s + rng.geometric(0.05, messages)) % (people - 10)  # the last 10: isolated
    log = pd.DataFrame({"sender": ids[s], "recipient": ids[r],
                        "weight": rng.integers(1, 4, messages).astype(float)})
    staff = pd.DataFrame({"person_id": ids[::-1], "department": [f"D{i % 7}" for i in
                                                                  range(people)]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        return read_people(staff), read_interactions(log)


@pytest.fixture(scope="module")
def data():
    return synthetic(700, 6000, 3)


def compare(table_a: pd.DataFrame, table_b: pd.DataFrame) -> None:
    assert list(table_a.index) == list(table_b.index)
    assert list(table_a.columns) == list(table_b.columns)
    for col in table_a.columns:
        a, b = table_a[col].to_numpy(dtype=float), table_b[col].to_numpy(dtype=float)
        tol = {"eigenvector": 1e-6, "pagerank": 1e-7}.get(col, 1e-9)  # iterative solvers
        np.testing.assert_allclose(a, b, rtol=tol, atol=1e-12, equal_nan=True, err_msg=col)
    assert table_a.attrs["betweenness"] == table_b.attrs["betweenness"]


@pytest.mark.parametrize("directed", [True, False])
@pytest.mark.parametrize("k", [None, 64])
def test_same_values_as_the_networkx_path(data, directed, k):
    people, log = data
    G = build_network(log, people, directed=directed)
    expected = centrality_table(G, k=k, seed=0, engine="fast")
    table, facts = network_report(log, people, directed=directed, k=k, seed=0)
    compare(table, expected)
    want = describe(G)
    assert list(facts.index) == list(want.index)
    for key in want.index:
        assert facts[key] == pytest.approx(want[key], rel=1e-12), key


def test_same_values_without_a_people_table(data):
    _people, log = data
    G = build_network(log)
    compare(network_report(log, k=32, seed=1)[0],
            centrality_table(G, k=32, seed=1, engine="fast"))


def test_unweighted_and_the_networkx_engine_agree(data):
    people, log = data
    G = build_network(log, people)
    table, _facts = network_report(log, people, weight=None, k=50, seed=2)
    compare(table, centrality_table(G, weight=None, k=50, seed=2, engine="networkx"))


def test_raw_frames_go_through_the_gate():
    log = pd.DataFrame({"sender": [1, 2.0, "3"], "recipient": ["2", 3, 1]})
    table, facts = network_report(log)
    assert sorted(table.index) == ["1", "2", "3"] and int(facts["edges"]) == 3
    with pytest.raises(DataError, match="survey nominations"):
        network_report(pd.DataFrame({"respondent": ["a"], "nominee": ["b"],
                                     "relation": ["advice"]}))


def test_workers_split_the_sampled_paths_exactly(data):
    people, log = data
    one, _f1 = network_report(log, people, k=40, seed=4, workers=1)
    two, _f2 = network_report(log, people, k=40, seed=4, workers=3)
    compare(two, one)
