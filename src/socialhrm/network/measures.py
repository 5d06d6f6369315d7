"""Measuring a network: the centrality table and the summary figures."""

from __future__ import annotations

import math
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from socialhrm.data import (
    DataError,
)
from socialhrm.i18n import _
from socialhrm.network import kernels
from socialhrm.network.build import FAST_FROM
from socialhrm.network.engines import (
    centrality_fast,
    centrality_networkx,
    sample_sources,
    to_igraph,
)


def centrality_table(
    G: nx.Graph,
    *,
    weight: str | None = "weight",
    k: int | None = None,
    seed: int | None = 0,
    exact_threshold: int = 2000,
    engine: str = "auto",
) -> pd.DataFrame:
    """One row per person with the classic network measures (see ``CENTRALITY_COLUMNS``).

    Parameters
    ----------
    G
        A networkx graph, directed or not.
    weight
        Edge attribute for strength, PageRank and eigenvector (``None``: every tie counts 1).
        Path-based measures (betweenness, closeness) count steps, not weights.
    k
        Number of sampled source people for betweenness and closeness. By default exact up
        to ``exact_threshold`` people and ``k=256`` above.
    seed
        Seed for the sample; the same seed gives the same table.
    exact_threshold
        Largest graph for which path measures are computed exactly when ``k`` is not given.
    engine
        ``"networkx"``, ``"fast"`` (compiled kernels, the same values; ``"igraph"`` is its
        older name) or ``"auto"`` (the fast engine from :data:`FAST_FROM` people on).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``person_id``; ``attrs["betweenness"]`` and ``attrs["closeness"]`` say
        ``"exact"`` or ``"sampled (k=..., seed=...)"``.

    Examples
    --------
    >>> import networkx as nx
    >>> table = centrality_table(nx.karate_club_graph())
    >>> int(table["betweenness"].idxmax())
    0
    """
    if engine not in {"auto", "networkx", "fast", "igraph"}:
        raise DataError(_("centrality_table: engine={engine} is not 'auto', 'networkx' or "
                          "'fast'.").format(engine=repr(engine)))
    if not isinstance(G, nx.Graph):
        raise DataError(_("centrality_table: expected a networkx graph, got {kind}. Build one "
                          "with build_network.").format(kind=type(G).__name__))
    if G.is_multigraph():
        G = nx.DiGraph(G) if G.is_directed() else nx.Graph(G)
    n = G.number_of_nodes()
    if n == 0:
        raise DataError(_("centrality_table: the network has no people."))
    if weight is not None and not any(weight in d for _, _, d in G.edges(data=True)):
        weight = None
    if k is None and n > exact_threshold:
        k = 256
    if k is not None and k >= n:
        k = None
    sources = sample_sources(G, k, seed) if k is not None else None
    use_fast = engine in ("fast", "igraph") or (engine == "auto" and n >= FAST_FROM)
    if use_fast:
        measures = centrality_fast(G, weight, sources)
    else:
        measures = centrality_networkx(G, weight, sources, k, seed)
    directed = G.is_directed()
    nodes = list(G)
    if directed:
        ind, outd = dict(G.in_degree()), dict(G.out_degree())
        ins, outs = dict(G.in_degree(weight=weight)), dict(G.out_degree(weight=weight))
    else:
        ind = outd = dict(G.degree())
        ins = outs = dict(G.degree(weight=weight))
    table = pd.DataFrame(
        {
            "in_degree": [ind[v] for v in nodes],
            "out_degree": [outd[v] for v in nodes],
            "degree": [ind[v] + outd[v] if directed else ind[v] for v in nodes],
            "in_strength": [float(ins[v]) for v in nodes],
            "out_strength": [float(outs[v]) for v in nodes],
            "strength": [float(ins[v] + outs[v]) if directed else float(ins[v]) for v in nodes],
            **{m: [float(measures[m].get(v, math.nan)) for v in nodes]
               for m in ("betweenness", "closeness", "pagerank", "eigenvector", "clustering",
                         "constraint", "effective_size")},
        },
        index=pd.Index(nodes, name="person_id"),
    )
    method = "exact" if sources is None else f"sampled (k={k}, seed={seed})"
    table.attrs.update(betweenness=method, closeness=method,
                       engine="fast" if use_fast else "networkx")
    return table


def describe(G: nx.Graph) -> pd.Series:
    """Summary figures of a network, the first thing to look at.

    Parameters
    ----------
    G
        A networkx graph, directed or not.

    Returns
    -------
    pandas.Series
        ``nodes``, ``edges``, ``self_loops``, ``density``, ``reciprocity`` (directed; self-loops
        ignored), ``weak_components``/``largest_weak`` and ``strong_components``/
        ``largest_strong`` (directed) or ``components``/``largest_component``,
        ``average_clustering`` and ``triangles`` (undirected simple view, nodes with fewer
        than two contacts count 0), and for directed graphs the dyad census ``mutual``,
        ``asymmetric``, ``null``.

    Examples
    --------
    >>> import networkx as nx
    >>> describe(nx.karate_club_graph())["edges"]
    78
    """
    n, m = G.number_of_nodes(), G.number_of_edges()
    loops = nx.number_of_selfloops(G)
    out: dict[str, Any] = {"nodes": n, "edges": m, "self_loops": loops,
                           "density": nx.density(G) if n > 1 else 0.0}
    if G.is_directed():
        arcs = {(u, v) for u, v in G.edges() if u != v}
        mutual2 = sum(1 for u, v in arcs if (v, u) in arcs)
        out["reciprocity"] = mutual2 / len(arcs) if arcs else 0.0
        weak = [len(c) for c in nx.weakly_connected_components(G)]
        strong = [len(c) for c in nx.strongly_connected_components(G)]
        out.update(weak_components=len(weak), largest_weak=max(weak, default=0),
                   strong_components=len(strong), largest_strong=max(strong, default=0))
    else:
        comps = [len(c) for c in nx.connected_components(G)]
        out.update(components=len(comps), largest_component=max(comps, default=0))
    if n >= FAST_FROM:
        view = to_igraph(G, None)
        lo, hi, w = kernels.simple_undirected(n, view.src, view.dst, None, G.is_directed())
        U = kernels.symmetric_csr(n, lo, hi, w)
        tri, _cons = kernels.local_structure(U)
        deg = U.degree().astype(float)
        with np.errstate(divide="ignore", invalid="ignore"):
            local = np.where(deg > 1, 2 * tri / (deg * (deg - 1)), 0.0)
        out["average_clustering"] = float(np.mean(local))
        out["triangles"] = int(round(tri.sum() / 3))
    else:
        U = nx.Graph()
        U.add_nodes_from(G)
        U.add_edges_from((u, v) for u, v in G.edges() if u != v)
        out["average_clustering"] = nx.average_clustering(U) if n else 0.0
        out["triangles"] = sum(nx.triangles(U).values()) // 3
    if G.is_directed():
        mutual = mutual2 // 2
        asym = len(arcs) - 2 * mutual
        out.update(mutual=mutual, asymmetric=asym, null=n * (n - 1) // 2 - mutual - asym)
    return pd.Series(out, dtype=object, name="network")


# ---------------------------------------------------------------------------------------
# The whole report from edge arrays: no networkx graph when a report does not need one
# ---------------------------------------------------------------------------------------
