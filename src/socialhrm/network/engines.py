"""The two engines behind the measures: networkx, and the fast engine on edge arrays.

The fast engine converts the graph once to edge arrays (:class:`IGraphView`, which also gives
the igraph graph for layouts) and runs the compiled kernels of
:mod:`socialhrm.network.kernels` on them; tests check both engines give the same numbers.
"""

from __future__ import annotations

import math
import random
from collections.abc import Hashable, Iterable
from typing import Any

import networkx as nx
import numpy as np

from socialhrm.network import kernels


def _undirected_view(G: nx.Graph, weight: str | None) -> nx.Graph:
    """Undirected, simple view: ties in either direction, weights of both directions summed."""
    U = nx.Graph()
    U.add_nodes_from(G)
    for u, v, d in G.edges(data=True):
        if u == v:
            continue
        w = d.get(weight, 1.0) if weight else 1.0
        if U.has_edge(u, v):
            if weight:  # unweighted: a tie is a tie, whichever way it goes
                U[u][v]["weight"] += w
        else:
            U.add_edge(u, v, weight=w)
    return U


def sample_sources(G: nx.Graph, k: int, seed: int | None) -> list[Hashable]:
    """The ``k`` source people networkx itself samples for ``betweenness_centrality``."""
    # the same draw networkx makes for betweenness_centrality(G, k=k, seed=seed)
    return random.Random(seed).sample(list(G.nodes()), k)


def _largest_component(U: nx.Graph) -> set:
    if U.number_of_nodes() == 0:
        return set()
    return max(nx.connected_components(U), key=len)


def _eigenvector_nx(U: nx.Graph) -> dict:
    comp = _largest_component(U)
    out = dict.fromkeys(U, math.nan)
    if len(comp) < 2:
        return out
    H = U.subgraph(comp)
    if H.number_of_nodes() == 2:
        out.update(dict.fromkeys(H, 1 / math.sqrt(2)))
        return out
    out.update(nx.eigenvector_centrality_numpy(H, weight="weight"))
    return out


class IGraphView:
    """A networkx graph converted once to edge arrays (and igraph), with the node order.

    Build it with :func:`to_igraph`. ``src``, ``dst`` and ``weights`` are the edge arrays
    (vertex ``i`` is ``nodes[i]``; an undirected edge once), which the fast engine's kernels
    use; ``graph`` is the :class:`igraph.Graph` of the same edges (edge weights in
    ``graph.es["weight"]`` when a weight was asked for), built on first use.
    """

    def __init__(self, G: nx.Graph, weight: str | None) -> None:
        self.nodes = list(G)
        self.index = index = {n: i for i, n in enumerate(self.nodes)}
        self.directed = directed = G.is_directed()
        src: list[int] = []
        dst: list[int] = []
        wts: list[float] = []
        for u, nbrs in G.adjacency():  # one pass over the adjacency, no per-edge tuples
            iu = index[u]
            for v, d in nbrs.items():
                iv = index[v]
                if not directed and iv < iu:
                    continue  # each undirected edge once
                src.append(iu)
                dst.append(iv)
                if weight:
                    wts.append(d.get(weight, 1.0))
        self.src = np.asarray(src, dtype=np.int64)
        self.dst = np.asarray(dst, dtype=np.int64)
        self.weights = np.asarray(wts, dtype=float) if weight else np.ones(len(src))
        self.weighted = bool(weight)
        self._graph = None

    @classmethod
    def from_arrays(cls, nodes: list, src: np.ndarray, dst: np.ndarray,
                    weights: np.ndarray | None, directed: bool) -> IGraphView:
        """The same view built from edge arrays (vertex numbers into ``nodes``), no networkx.

        An undirected edge is given once; ``weights=None`` for an unweighted graph.
        """
        view = cls.__new__(cls)
        view.nodes = list(nodes)
        view.index = {n: i for i, n in enumerate(view.nodes)}
        view.directed = directed
        view.src = np.asarray(src, dtype=np.int64)
        view.dst = np.asarray(dst, dtype=np.int64)
        view.weighted = weights is not None
        view.weights = (np.asarray(weights, dtype=float) if weights is not None
                        else np.ones(len(view.src)))
        view._graph = None
        return view

    @property
    def graph(self) -> Any:
        """The :class:`igraph.Graph`, built on first use (the measures do not need it)."""
        if self._graph is None:
            import igraph as ig

            g = ig.Graph(n=len(self.nodes), directed=self.directed)
            g.add_edges(np.column_stack([self.src, self.dst]))
            if self.weighted:
                g.es["weight"] = self.weights
            self._graph = g
        return self._graph

    def to_nodes(self, values: Iterable[Any]) -> dict[Hashable, Any]:
        """Map one value per igraph vertex back to the networkx nodes."""
        return dict(zip(self.nodes, values, strict=True))

    def pagerank(self, damping: float = 0.85) -> np.ndarray:
        """PageRank with networkx's conventions (tested against networkx to 1e-9).

        Dangling people spread their score evenly, as in :func:`networkx.pagerank`; an
        undirected self-loop counts once.
        """
        return kernels.pagerank(len(self.nodes), self.src, self.dst, self.weights,
                                self.directed, damping=damping)


def to_igraph(G: nx.Graph, weight: str | None = "weight") -> IGraphView:
    """Convert a networkx graph once to edge arrays and igraph, keeping the way back.

    The one conversion the kit uses (the edge arrays behind the fast engine of
    :func:`centrality_table` and :func:`describe` on large graphs; the igraph graph,
    built on first use of ``view.graph``, for the dashboards' layouts).

    Parameters
    ----------
    G
        A networkx graph, directed or not.
    weight
        Edge attribute copied as igraph's ``weight`` (``None``: no weights).

    Returns
    -------
    IGraphView

    Examples
    --------
    >>> view = to_igraph(nx.path_graph(["a", "b", "c"]), weight=None)
    >>> view.graph.vcount(), view.graph.ecount(), view.to_nodes(view.graph.degree())["b"]
    (3, 2, 2)
    """
    return IGraphView(G, weight)


def _pagerank(G: nx.Graph, weight: str | None) -> dict:
    # a tight tolerance, so that the result does not depend on the iteration count
    return nx.pagerank(G, alpha=0.85, weight=weight, tol=1e-12, max_iter=1000)


def _closeness_from_distances(dist: np.ndarray, n: int) -> np.ndarray:
    """Wasserman-Faust closeness from a (sources x nodes) matrix of distances *to* nodes."""
    finite = np.isfinite(dist) & (dist > 0)
    reach = finite.sum(axis=0).astype(float)  # sources that reach the node
    total = np.where(finite, dist, 0).sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        close = np.where(total > 0, reach / total, 0.0)
    return close, reach


def centrality_fast(G: nx.Graph, weight: str | None, sources: list | None) -> dict:
    """The path and spectral measures of ``G`` computed by the fast engine, by node."""
    ig_g = to_igraph(G, weight)
    out = centrality_view(ig_g, sources)
    return {key: dict(zip(ig_g.nodes, vals, strict=True)) for key, vals in out.items()
            if not key.startswith("_")}


def centrality_view(ig_g: IGraphView, sources: list | None,
                     workers: int | None = None) -> dict[str, np.ndarray]:
    """The heavy measures on a view's edge arrays, one array per measure in its node order.

    Computed by the compiled kernels (:mod:`socialhrm.network.kernels`): the path measures
    from the sampled ``sources`` (or from everyone when ``None``) split over ``workers``
    threads (default: every core this process may use), the rest on the simple undirected
    view.
    """
    directed = ig_g.directed
    n = len(ig_g.nodes)
    src, dst = ig_g.src, ig_g.dst
    out: dict[str, Any] = {}
    keep = src != dst  # self-loops lie on no shortest path
    if directed:
        paths_graph = kernels.csr(n, src[keep], dst[keep])
    else:
        paths_graph = kernels.csr(n, np.concatenate([src[keep], dst[keep]]),
                                  np.concatenate([dst[keep], src[keep]]))
    src_idx = (np.arange(n) if sources is None
               else np.asarray([ig_g.index[s] for s in sources], dtype=np.int64))
    raw, reach, total = kernels.paths_from(paths_graph, src_idx, workers)
    with np.errstate(divide="ignore", invalid="ignore"):
        close = np.where(total > 0, reach / total, 0.0)
    if sources is None:
        # hop-based, normalised as networkx does (ordered pairs s -> t)
        out["betweenness"] = raw * (1 / ((n - 1) * (n - 2)) if n > 2 else 1.0)
        out["closeness"] = close * reach / (n - 1) if n > 1 else np.zeros(n)
    else:
        k = len(src_idx)
        is_src = np.zeros(n, dtype=bool)
        is_src[src_idx] = True
        with np.errstate(divide="ignore", invalid="ignore"):
            scale_src = 1 / ((k - 1) * (n - 2)) if k > 1 and n > 2 else math.nan
            scale_non = 1 / (k * (n - 2)) if n > 2 else 1.0
        out["betweenness"] = np.where(is_src, raw * scale_src, raw * scale_non)
        # share of sampled sources (other than the person) that reach them
        denom = np.maximum(k - is_src, 1)
        out["closeness"] = close * (reach / denom)
    _rest_of_table(ig_g, n, workers, out)
    return out


def _rest_of_table(ig_g: IGraphView, n: int, workers: int | None,
                   out: dict[str, Any]) -> None:
    """PageRank, eigenvector, clustering and structural holes, into ``out``."""
    out["pagerank"] = ig_g.pagerank()
    # the simple undirected view for eigenvector, clustering and structural holes
    lo, hi, w = kernels.simple_undirected(n, ig_g.src, ig_g.dst, ig_g.weights, ig_g.directed)
    if not ig_g.weighted:
        w = np.ones(len(lo))
    out["eigenvector"] = kernels.eigenvector(n, lo, hi, w)
    U = kernels.symmetric_csr(n, lo, hi, w)
    triangles, constraint = kernels.local_structure(U, workers)
    deg = U.degree().astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        clustering = np.where(deg > 1, 2 * triangles / (deg * (deg - 1)), 0.0)
        out["effective_size"] = np.where(deg > 0, deg - (deg - 1) * clustering, math.nan)
    out["clustering"] = clustering
    out["constraint"] = constraint
    out["_simple_degree"] = deg  # for the summary figures (not a column)
    out["_triangles"] = triangles


def centrality_networkx(G: nx.Graph, weight: str | None, sources: list | None,
                         k: int | None, seed: int | None) -> dict:
    """The same measures as :func:`centrality_fast`, computed with networkx."""
    out: dict[str, dict] = {}
    if sources is None:
        out["betweenness"] = nx.betweenness_centrality(G, normalized=True)
        out["closeness"] = nx.closeness_centrality(G)
    else:
        out["betweenness"] = nx.betweenness_centrality(G, k=k, seed=seed, normalized=True)
        out["closeness"] = _nx_sampled_closeness(G, sources)
    out["pagerank"] = _pagerank(G, weight)
    U = _undirected_view(G, weight)
    out["eigenvector"] = _eigenvector_nx(U)
    U1 = nx.Graph(U.edges())
    U1.add_nodes_from(U)
    out["clustering"] = nx.clustering(U1)
    out["constraint"] = nx.constraint(U1)
    out["effective_size"] = nx.effective_size(U1)
    return out


def _nx_sampled_closeness(G: nx.Graph, sources: list) -> dict:
    """Closeness estimated from BFS out of the sampled sources (Eppstein & Wang 2004)."""
    n = G.number_of_nodes()
    nodes = list(G)
    idx = {v: i for i, v in enumerate(nodes)}
    dist = np.full((len(sources), n), np.inf)
    for r, s in enumerate(sources):
        for v, d in nx.single_source_shortest_path_length(G, s).items():
            dist[r, idx[v]] = d
    close, reach = _closeness_from_distances(dist, n)
    own = np.array([1.0 if v in set(sources) else 0.0 for v in nodes])
    denom = np.maximum(len(sources) - own, 1)
    return dict(zip(nodes, close * (reach / denom), strict=True))
