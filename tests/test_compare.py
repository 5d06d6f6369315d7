"""Networks over time and their comparison, against hand-computed values and known behaviour."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from socialhrm.compare import (
    before_after,
    bootstrap_measure,
    collaboration_measures,
    mrqap,
    qap_correlation,
    windows,
)
from socialhrm.data import DataError

LOG = pd.DataFrame({"sender": ["a", "b", "a", "c", "d"], "recipient": ["b", "c", "c", "a", "a"],
                    "timestamp": pd.to_datetime(["2025-01-05", "2025-01-20", "2025-02-02",
                                                 "2025-02-03", "2025-04-01"])})
PEOPLE = pd.DataFrame({"person_id": list("abcde"), "department": list("xxyyy")})


def test_windows_split_by_period_and_keep_everyone():
    got = windows(LOG, "M", PEOPLE)
    assert list(got) == ["2025-01", "2025-02", "2025-04"]
    assert [g.number_of_edges() for g in got.values()] == [2, 2, 1]
    assert all(g.number_of_nodes() == 5 for g in got.values())  # quiet people stay in
    assert list(windows(LOG, "Q")) == ["2025Q1", "2025Q2"]
    with pytest.raises(DataError, match="freq"):
        windows(LOG, "D")
    with pytest.raises(DataError, match="no timestamps"):
        windows(LOG.drop(columns="timestamp"))


def _perm(G, seed):
    nodes = list(G)
    shuffled = list(np.random.default_rng(seed).permutation(nodes))
    return nx.relabel_nodes(G, dict(zip(nodes, shuffled, strict=True)))


def test_qap_correlation_values_and_test():
    G = nx.gnp_random_graph(40, 0.15, seed=1, directed=True)
    same = qap_correlation(G, G, permutations=99, seed=0)
    assert same["correlation"] == pytest.approx(1.0) and same["p_value"] == 0.01
    # the correlation is the Pearson correlation over ordered pairs of different people
    H = nx.gnp_random_graph(40, 0.15, seed=2, directed=True)
    a, b = nx.to_numpy_array(G, nodelist=range(40)), nx.to_numpy_array(H, nodelist=range(40))
    mask = ~np.eye(40, dtype=bool)
    got = qap_correlation(G, H, permutations=99, seed=0)
    assert got["correlation"] == pytest.approx(np.corrcoef(a[mask], b[mask])[0, 1])
    assert got["p_value"] > 0.05  # independent networks: no evidence
    assert got == qap_correlation(G, H, permutations=99, seed=0)  # seeded
    # a network and a noisy copy of itself: strongly, significantly alike
    noisy = G.copy()
    noisy.remove_edges_from(list(G.edges())[::5])
    assert qap_correlation(G, noisy, permutations=99)["p_value"] == 0.01
    with pytest.raises(DataError, match="no variation"):
        qap_correlation(G, nx.empty_graph(40, create_using=nx.DiGraph))


def test_mrqap_recovers_a_planted_effect():
    rng = np.random.default_rng(5)
    n = 35
    x1 = nx.gnp_random_graph(n, 0.3, seed=11, directed=True)
    x2 = nx.gnp_random_graph(n, 0.3, seed=12, directed=True)
    y = nx.DiGraph()
    y.add_nodes_from(range(n))
    for u in range(n):
        for v in range(n):
            if u != v:
                w = 2.0 * x1.has_edge(u, v) + rng.normal(0, 0.5)
                y.add_edge(u, v, weight=w)
    table = mrqap(y, {"x1": x1, "x2": x2}, permutations=99, weight="weight", seed=1)
    assert table.loc["x1", "coefficient"] == pytest.approx(2.0, abs=0.15)
    assert table.loc["x1", "p_value"] <= 0.02
    assert table.loc["x2", "p_value"] > 0.05
    assert 0 < table.attrs["r_squared"] <= 1
    with pytest.raises(DataError, match="collinear"):
        mrqap(y, {"x1": x1, "again": x1}, permutations=5)


def test_bootstrap_interval_is_seeded_and_narrows_with_size():
    small = nx.gnp_random_graph(30, 0.1, seed=3)
    big = nx.gnp_random_graph(300, 0.1, seed=3)
    a = bootstrap_measure(small, "density", runs=200, seed=1)
    assert a == bootstrap_measure(small, "density", runs=200, seed=1)
    assert a["low"] < a["estimate"] < a["high"]
    b = bootstrap_measure(big, "density", runs=100, seed=1)
    assert b["high"] - b["low"] < (a["high"] - a["low"]) / 2
    custom = bootstrap_measure(small, lambda g: g.number_of_nodes(), runs=10)
    assert custom["estimate"] == 30 and custom["standard_error"] == 0
    with pytest.raises(DataError, match="unknown measure"):
        bootstrap_measure(small, "charisma")


def test_collaboration_measures_by_hand():
    people = pd.DataFrame({"person_id": list("abcdef"), "department": list("xxxyyy")})
    log = pd.DataFrame({  # January: a triangle in x plus one bridge c-d; February: a path
        "sender": ["a", "b", "c", "c", "c", "d", "e"],
        "recipient": ["b", "c", "a", "d", "d", "e", "f"],
        "timestamp": pd.to_datetime(["2025-01-02"] * 4 + ["2025-01-03"] + ["2025-02-01"] * 2)})
    t = collaboration_measures(log, people)
    jan, feb = t.loc["2025-01"], t.loc["2025-02"]
    assert jan["ties"] == 4 and jan["cross_group_share"] == pytest.approx(0.25)
    assert jan["bridging_ties"] == 1  # only c-d: the triangle's ties share a contact
    assert jan["strong_ties"] == 1 and jan["weak_ties"] == 3  # c-d has 2 messages
    assert feb["ties"] == 2 and feb["bridging_ties"] == 2 and feb["cross_group_share"] == 0
    assert feb["weak_ties"] == 2  # equal weights: none stands out as strong
    with pytest.raises(DataError, match="no column"):
        collaboration_measures(log, people, by="site")


def test_before_after_on_noordhavens_platform_launch():
    import socialhrm

    org = socialhrm.datasets.load("noordhaven")
    t = before_after(org.interactions, "2025-02-03", org.people, runs=30, permutations=30)
    assert list(t.index) == ["density", "reciprocity", "clustering"]
    assert (t["before_low"] <= t["before"]).all() and (t["after"] <= t["after_high"]).all()
    assert 0 < t.attrs["qap"]["correlation"] <= 1
    with pytest.raises(DataError, match="no interactions before"):
        before_after(org.interactions, "1990-01-01", org.people)


@pytest.mark.parametrize("directed", [True, False])
def test_built_in_measures_equal_networkx(directed):
    G = nx.gnp_random_graph(50, 0.12, seed=8, directed=directed)
    got = {m: bootstrap_measure(G, m, runs=2)["estimate"]
           for m in ("density", "mean_degree", "clustering")}
    assert got["density"] == pytest.approx(nx.density(G))
    assert got["clustering"] == pytest.approx(nx.average_clustering(nx.Graph(G)))
    edges = G.number_of_edges() * (1 if directed else 2)
    assert got["mean_degree"] == pytest.approx(edges / 50)
    if directed:
        assert bootstrap_measure(G, "reciprocity", runs=2)["estimate"] == pytest.approx(
            nx.reciprocity(G))
