"""The fast engine's compiled kernels against networkx, on graphs with their awkward parts."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from socialhrm.network import centrality_table, kernels


def awkward(directed: bool) -> nx.Graph:
    """Two components, a self-loop, an isolate, weights, a dangling person."""
    G = nx.gnm_random_graph(120, 420, seed=5, directed=directed)
    G.add_edges_from([(200, 201), (201, 202), (202, 200), (7, 7)])
    G.add_node(300)
    for u, v in G.edges():
        G[u][v]["weight"] = 1 + (u * 7 + v) % 4
    return G


def arrays(G: nx.Graph):
    nodes = list(G)
    index = {v: i for i, v in enumerate(nodes)}
    src = np.array([index[u] for u, _ in G.edges()])
    dst = np.array([index[v] for _, v in G.edges()])
    w = np.array([d.get("weight", 1.0) for *_, d in G.edges(data=True)], dtype=float)
    return nodes, src, dst, w


@pytest.mark.parametrize("directed", [True, False])
def test_paths_pagerank_eigenvector_and_local_structure_equal_networkx(directed):
    G = awkward(directed)
    nodes, src, dst, w = arrays(G)
    n = len(nodes)
    keep = src != dst
    s, d = (src[keep], dst[keep]) if directed else (np.r_[src[keep], dst[keep]],
                                                     np.r_[dst[keep], src[keep]])
    dep, reach, total = kernels.paths_from(kernels.csr(n, s, d), np.arange(n), workers=2)
    raw = nx.betweenness_centrality(G, normalized=False)
    factor = 1 if directed else 2  # networkx halves undirected pairs when not normalised
    np.testing.assert_allclose(dep, [factor * raw[v] for v in nodes], atol=1e-9)
    close = nx.closeness_centrality(G)
    with np.errstate(divide="ignore", invalid="ignore"):
        mine = np.where(total > 0, reach / total, 0) * reach / (n - 1)
    np.testing.assert_allclose(mine, [close[v] for v in nodes], atol=1e-12)

    pr = nx.pagerank(G, weight="weight", tol=1e-13, max_iter=5000)
    np.testing.assert_allclose(kernels.pagerank(n, src, dst, w, directed),
                               [pr[v] for v in nodes], atol=1e-10)

    lo, hi, uw = kernels.simple_undirected(n, src, dst, w, directed)
    U = nx.Graph()
    U.add_nodes_from(G)
    for u, v, dd in G.edges(data=True):
        if u != v:
            U.add_edge(u, v, weight=U.get_edge_data(u, v, {"weight": 0})["weight"]
                       + dd["weight"])
    assert len(lo) == U.number_of_edges()
    tri, cons = kernels.local_structure(kernels.symmetric_csr(n, lo, hi, uw))
    triangles = nx.triangles(U)
    constraint = nx.constraint(nx.Graph(U.edges()))
    np.testing.assert_array_equal(tri, [triangles[v] for v in nodes])
    np.testing.assert_allclose(cons, [constraint.get(v, np.nan) for v in nodes],
                               equal_nan=True, atol=1e-12)
    assert np.isnan(cons[nodes.index(300)])  # the isolate

    big = U.subgraph(max(nx.connected_components(U), key=len))
    eig = nx.eigenvector_centrality_numpy(big, weight="weight")
    vec = kernels.eigenvector(n, lo, hi, uw)
    np.testing.assert_allclose([vec[nodes.index(v)] for v in big], [eig[v] for v in big],
                               atol=1e-9)
    assert np.isnan(vec[nodes.index(200)]) and np.isnan(vec[nodes.index(300)])


def test_threads_split_the_work_exactly():
    """Paths split by source and triangles split by person give the one-thread result."""
    G = nx.gnm_random_graph(2600, 9000, seed=3)
    nodes, src, dst, _w = arrays(G)
    n = len(nodes)
    lo, hi, uw = kernels.simple_undirected(n, src, dst, None, False)
    g = kernels.symmetric_csr(n, lo, hi, uw)
    sources = np.arange(0, n, 13)
    one = kernels.paths_from(g, sources, workers=1)
    three = kernels.paths_from(g, sources, workers=3)
    for a, b in zip(one, three, strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-12)
    t1, c1 = kernels.local_structure(g, workers=1)
    t3, c3 = kernels.local_structure(g, workers=3)
    np.testing.assert_array_equal(t1, t3)
    np.testing.assert_allclose(c1, c3, rtol=1e-14, equal_nan=True)
    assert t1.sum() == sum(nx.triangles(G).values())


def test_the_older_engine_name_still_runs_the_fast_engine():
    table = centrality_table(nx.karate_club_graph(), engine="igraph")
    assert table.attrs["engine"] == "fast"


def test_repeated_undirected_pairs_become_one_edge():
    src, dst = np.array([0, 1, 1, 2, 0, 2]), np.array([1, 0, 2, 1, 2, 2])
    lo, hi, w = kernels.simple_undirected(3, src, dst, np.ones(6), directed=False)
    assert (lo.tolist(), hi.tolist(), w.tolist()) == ([0, 0, 1], [1, 2, 2], [2.0, 1.0, 2.0])
    tri, _cons = kernels.local_structure(kernels.symmetric_csr(3, lo, hi, w))
    assert tri.tolist() == [1.0, 1.0, 1.0]  # one triangle, not counted twice
