"""Unit tests of the network core against networkx's own results."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from socialhrm import DataError, DataWarning, build_network, centrality_table, describe, org_chart
from socialhrm.network import CENTRALITY_COLUMNS

LOG = pd.DataFrame({
    "sender": ["a", "a", "b", "c", "a", "d"],
    "recipient": ["b", "b", "a", "a", "c", "a"],
    "timestamp": ["2025-01-01", "2025-01-02", "2025-01-03", "2025-02-01", "2025-03-01",
                  "2025-03-02"],
    "channel": ["email", "chat", "email", "email", "chat", "email"],
    "weight": [1, 1, 1, 1, 2, 1],
})
PEOPLE = pd.DataFrame({"person_id": ["d", "c", "b", "a", "e"],
                       "department": ["IT", "IT", "HR", "HR", "Sales"]})


def test_build_from_interactions_counts_and_weights():
    G = build_network(LOG)
    assert G.is_directed()
    assert G["a"]["b"] == {"weight": 2.0, "count": 2}
    assert G["a"]["c"] == {"weight": 2.0, "count": 1}


def test_people_attributes_join_by_id_and_isolates_kept():
    G = build_network(LOG, PEOPLE)
    assert G.nodes["a"]["department"] == "HR" and G.nodes["d"]["department"] == "IT"
    assert "e" in G and G.degree("e") == 0


def test_unknown_people_are_dropped_with_warning():
    with pytest.warns(DataWarning, match="dropped 1 row naming 1 person who is not"):
        G = build_network(LOG, PEOPLE[PEOPLE.person_id != "d"])
    assert "d" not in G


def test_window_channel_min_weight_reciprocated():
    assert set(build_network(LOG, start="2025-01-02", end="2025-02-01").edges()) == {
        ("a", "b"), ("b", "a")}
    assert set(build_network(LOG, channel="chat").edges()) == {("a", "b"), ("a", "c")}
    assert set(build_network(LOG, min_weight=2).edges()) == {("a", "b"), ("a", "c")}
    assert set(build_network(LOG, reciprocated=True).edges()) == {
        ("a", "b"), ("b", "a"), ("a", "c"), ("c", "a"), ("a", "d"), ("d", "a")} - {
        ("a", "d"), ("d", "a")}
    U = build_network(LOG, directed=False)
    assert U["a"]["b"] == {"weight": 3.0, "count": 3}


def test_window_needs_timestamps():
    with pytest.raises(DataError, match="start/end need timestamps"):
        build_network(LOG.drop(columns="timestamp"), start="2025-01-01")


def test_unknown_channel_named():
    with pytest.raises(DataError, match=r"no messages on channel\(s\) \['fax'\]"):
        build_network(LOG, channel="fax")


def test_build_from_nominations_one_or_many_relations():
    noms = pd.DataFrame({"respondent": ["a", "b", "a"], "nominee": ["b", "a", "c"],
                         "relation": ["advice", "advice", "trust"]})
    graphs = build_network(noms)
    assert set(graphs) == {"advice", "trust"}
    assert set(graphs["advice"].edges()) == {("a", "b"), ("b", "a")}
    assert set(build_network(noms, relation="trust").edges()) == {("a", "c")}
    with pytest.raises(DataError, match="no nominations for relation"):
        build_network(noms, relation="friendship")


def test_build_rejects_other_tables():
    with pytest.raises(DataError, match="neither an interaction log"):
        build_network(pd.DataFrame({"x": [1]}))


def test_org_chart_edges_manager_to_report():
    people = pd.DataFrame({"person_id": ["ceo", "a", "b"], "manager_id": [None, "ceo", "ceo"],
                           "level": ["1", "2", "2"]})
    chart = org_chart(people)
    assert set(chart.edges()) == {("ceo", "a"), ("ceo", "b")}
    assert chart.nodes["a"]["level"] == "2"


@pytest.mark.parametrize("graph", [nx.karate_club_graph(), nx.florentine_families_graph(),
                                   nx.gnp_random_graph(60, 0.08, seed=1, directed=True)])
@pytest.mark.parametrize("k", [None, 10])
def test_centrality_equals_networkx(graph, k):
    table = centrality_table(graph, k=k, seed=4, engine="networkx")
    expect_bc = nx.betweenness_centrality(graph, k=k, seed=4)
    assert np.allclose(table["betweenness"], [expect_bc[v] for v in graph])
    if k is None:
        expect_cl = nx.closeness_centrality(graph)
        assert np.allclose(table["closeness"], [expect_cl[v] for v in graph])
    pr = nx.pagerank(graph, weight="weight")
    assert np.allclose(table["pagerank"], [pr[v] for v in graph], atol=1e-5)
    U = nx.Graph(graph.to_undirected())
    U = nx.Graph(U.edges())
    U.add_nodes_from(graph)
    cl = nx.clustering(U)
    assert np.allclose(table["clustering"], [cl[v] for v in graph])
    con = nx.constraint(U)
    assert np.allclose(table["constraint"], [con[v] for v in graph], equal_nan=True)
    eff = nx.effective_size(U)
    assert np.allclose(table["effective_size"], [eff[v] for v in graph], equal_nan=True)
    assert list(table.columns) == list(CENTRALITY_COLUMNS)
    other = centrality_table(graph, k=k, seed=4, engine="fast")
    pd.testing.assert_frame_equal(table, other, check_exact=False, atol=1e-9, rtol=0)


def test_centrality_degrees_and_strength():
    G = build_network(LOG, PEOPLE)
    t = centrality_table(G)
    assert t.loc["a", ["in_degree", "out_degree", "degree"]].tolist() == [3, 2, 5]
    assert t.loc["a", "out_strength"] == 4.0 and t.loc["a", "in_strength"] == 3.0
    assert t.loc["e", "degree"] == 0 and np.isnan(t.loc["e", "constraint"])
    assert t.attrs["betweenness"] == "exact"


def test_eigenvector_on_largest_component_only():
    G = nx.Graph([(1, 2), (2, 3), (3, 1), (4, 5)])
    t = centrality_table(G)
    assert t.loc[[1, 2, 3], "eigenvector"].round(6).nunique() == 1
    assert t.loc[[4, 5], "eigenvector"].isna().all()


@pytest.fixture(scope="module")
def big_sparse():
    """More people than the default sample of 256, so the sampled path really runs."""
    return nx.gnp_random_graph(400, 0.015, seed=2, directed=True)


@pytest.mark.parametrize("engine", ["networkx", "fast"])
def test_sampling_above_threshold_is_stated_seeded_and_sampled(big_sparse, engine):
    G = big_sparse
    a = centrality_table(G, exact_threshold=100, seed=1, engine=engine)
    assert a.attrs["betweenness"] == "sampled (k=256, seed=1)"
    assert a.attrs["closeness"] == "sampled (k=256, seed=1)"
    # the sample networkx itself draws for k=256, seed=1 - not the exact values
    expect = nx.betweenness_centrality(G, k=256, seed=1)
    assert np.allclose(a["betweenness"], [expect[v] for v in G])
    exact = nx.betweenness_centrality(G)
    assert not np.allclose(a["betweenness"], [exact[v] for v in G])
    pd.testing.assert_frame_equal(a, centrality_table(G, exact_threshold=100, seed=1,
                                                      engine=engine))
    other = centrality_table(G, exact_threshold=100, seed=2, engine=engine)
    assert not np.allclose(a["betweenness"], other["betweenness"])


def test_sample_as_large_as_the_network_is_exact(big_sparse):
    t = centrality_table(big_sparse, k=400, seed=1)
    assert t.attrs["betweenness"] == "exact"


def test_centrality_errors():
    with pytest.raises(DataError, match="no people"):
        centrality_table(nx.Graph())
    with pytest.raises(DataError, match="engine='quick'"):
        centrality_table(nx.path_graph(3), engine="quick")
    with pytest.raises(DataError, match="expected a networkx graph"):
        centrality_table(pd.DataFrame())


def test_describe_directed_and_undirected():
    G = nx.DiGraph([(1, 2), (2, 1), (2, 3), (3, 3)])
    d = describe(G)
    assert (d["nodes"], d["edges"], d["self_loops"]) == (3, 4, 1)
    assert d["reciprocity"] == pytest.approx(2 / 3)
    assert (d["mutual"], d["asymmetric"], d["null"]) == (1, 1, 1)
    assert (d["weak_components"], d["largest_weak"]) == (1, 3)
    assert (d["strong_components"], d["largest_strong"]) == (2, 2)
    k = describe(nx.karate_club_graph())
    assert k["triangles"] == 45
    assert k["average_clustering"] == pytest.approx(nx.average_clustering(nx.karate_club_graph()))
    assert k["components"] == 1 and "reciprocity" not in k


def test_describe_large_graph_uses_fast_path_with_same_values():
    G = nx.gnm_random_graph(700, 3000, seed=5)
    d = describe(G)
    assert d["triangles"] == sum(nx.triangles(G).values()) // 3
    assert d["average_clustering"] == pytest.approx(nx.average_clustering(G))
