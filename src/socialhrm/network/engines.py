"""The two engines behind the measures: networkx, and igraph on the same graph converted once."""

from __future__ import annotations

import math
import random
from collections.abc import Hashable, Iterable
from typing import Any

import networkx as nx
import numpy as np


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
    """A networkx graph converted once to igraph, with the node order to map results back.

    Build it with :func:`to_igraph`. ``graph`` is the :class:`igraph.Graph` (vertex ``i`` is
    ``nodes[i]``; edge weights in ``graph.es["weight"]`` when a weight was asked for);
    ``src``, ``dst`` and ``weights`` are the edge arrays it was built from (an undirected
    edge once).
    """

    def __init__(self, G: nx.Graph, weight: str | None):
        import igraph as ig

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
        self.graph = ig.Graph(n=len(self.nodes), edges=list(zip(src, dst, strict=True)),
                              directed=directed)
        if weight:
            self.graph.es["weight"] = wts

    @classmethod
    def from_arrays(cls, nodes: list, src: np.ndarray, dst: np.ndarray,
                    weights: np.ndarray | None, directed: bool) -> IGraphView:
        """The same view built from edge arrays (vertex numbers into ``nodes``), no networkx.

        An undirected edge is given once; ``weights=None`` for an unweighted graph.
        """
        import igraph as ig

        view = cls.__new__(cls)
        view.nodes = list(nodes)
        view.index = {n: i for i, n in enumerate(view.nodes)}
        view.directed = directed
        view.src = np.asarray(src, dtype=np.int64)
        view.dst = np.asarray(dst, dtype=np.int64)
        view.weighted = weights is not None
        view.weights = (np.asarray(weights, dtype=float) if weights is not None
                        else np.ones(len(view.src)))
        view.graph = ig.Graph(n=len(view.nodes),  # lists convert twice as fast as arrays
                              edges=np.column_stack([view.src, view.dst]).tolist(),
                              directed=directed)
        if weights is not None:
            view.graph.es["weight"] = view.weights
        return view

    def to_nodes(self, values: Iterable[Any]) -> dict[Hashable, Any]:
        """Map one value per igraph vertex back to the networkx nodes."""
        return dict(zip(self.nodes, values, strict=True))

    def pagerank(self, damping: float = 0.85) -> np.ndarray:
        """PageRank in igraph (PRPACK), with networkx's conventions.

        Dangling people spread their score evenly, as in :func:`networkx.pagerank`. igraph
        counts an undirected self-loop twice where networkx counts it once, so an undirected
        graph with self-loops is given to igraph as a directed one with both directions
        (a loop once). Tested against networkx to 1e-9.
        """
        import igraph as ig

        g = self.graph
        loop = self.src == self.dst
        if not self.directed and loop.any():
            src = np.concatenate([self.src, self.dst[~loop]])
            dst = np.concatenate([self.dst, self.src[~loop]])
            g = ig.Graph(n=len(self.nodes), edges=np.column_stack([src, dst]).tolist(),
                         directed=True)
            g.es["weight"] = np.concatenate([self.weights, self.weights[~loop]]).tolist()
        weights = "weight" if "weight" in g.es.attributes() else None
        return np.asarray(g.pagerank(directed=g.is_directed(), damping=damping,
                                     weights=weights), dtype=float)


def to_igraph(G: nx.Graph, weight: str | None = "weight") -> IGraphView:
    """Convert a networkx graph to igraph once, keeping the way back to the nodes.

    The one conversion the kit uses (the heavy measures of :func:`centrality_table`,
    :func:`describe` on large graphs, the dashboards' layouts).

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


def centrality_igraph(G: nx.Graph, weight: str | None, sources: list | None) -> dict:
    """The path and spectral measures of ``G`` computed in igraph, by node."""
    ig_g = to_igraph(G, weight)
    out = centrality_view(ig_g, sources)
    return {key: dict(zip(ig_g.nodes, vals, strict=True)) for key, vals in out.items()
            if not key.startswith("_")}


_FORKED: dict[str, Any] = {}  # the graph a forked worker reads (copy-on-write)


def _paths_from(src_idx: list[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Betweenness (raw) and closeness sums from some sampled sources: additive over sources.

    Returns the raw betweenness, how many of the sources reach each node, and the summed
    distances from them.
    """
    g = _FORKED["graph"]
    n = g.vcount()
    raw = np.asarray(g.betweenness(directed=g.is_directed(), sources=src_idx), dtype=float)
    reach = np.zeros(n)
    total = np.zeros(n)
    step = max(1, 2_000_000 // max(n, 1))  # sources per batch: bounded memory
    for i in range(0, len(src_idx), step):
        dist = np.asarray(g.distances(source=src_idx[i:i + step], mode="out"), dtype=float)
        finite = np.isfinite(dist) & (dist > 0)
        reach += finite.sum(axis=0)
        total += np.where(finite, dist, 0).sum(axis=0)
    return raw, reach, total


def _sampled_paths(g: Any, src_idx: list[int], workers: int) -> Any:
    """Start the path measures from the sampled sources, split over ``workers`` processes.

    Returns a function that waits for the sums. With one worker (or where ``fork`` is not
    available) everything runs here, in this process.
    """
    import multiprocessing as mp

    _FORKED["graph"] = g
    if workers <= 1 or len(src_idx) < 2 or "fork" not in mp.get_all_start_methods():
        result = _paths_from(src_idx)
        return lambda: result
    parts = [src_idx[i::workers] for i in range(workers)]
    pool = mp.get_context("fork").Pool(workers)
    pending = pool.map_async(_paths_from, parts)

    def wait() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        try:
            results = pending.get()
        finally:
            pool.close()
            pool.join()
        return tuple(np.sum([r[i] for r in results], axis=0) for i in range(3))

    return wait


def centrality_view(ig_g: IGraphView, sources: list | None,
                     workers: int = 1) -> dict[str, np.ndarray]:
    """The heavy measures on an igraph view, one array per measure in the view's node order.

    With ``workers > 1`` the sampled path measures (betweenness and closeness, sums over
    the sources) run in that many forked processes while this one computes the rest.
    """
    directed = ig_g.directed
    n = len(ig_g.nodes)
    weight = "weight" if ig_g.weighted else None
    g = ig_g.graph
    out: dict[str, Any] = {}
    paths = None
    if sources is not None:
        src_idx = [ig_g.index[s] for s in sources]
        paths = _sampled_paths(g, src_idx, workers)
        _FORKED.pop("graph", None)
    # betweenness, hop-based, normalised as networkx does
    if sources is None:
        raw = np.asarray(g.betweenness(directed=directed), dtype=float)
        if not directed:
            raw *= 2
        scale = 1 / ((n - 1) * (n - 2)) if n > 2 else 1.0
        out["betweenness"] = raw * scale
    # closeness on incoming distances (networkx's convention), Wasserman-Faust corrected
    if sources is None:
        dist = np.asarray(g.distances(mode="out"), dtype=float)
        close, reach = _closeness_from_distances(dist, n)
        out["closeness"] = close * reach / (n - 1) if n > 1 else np.zeros(n)
    _rest_of_table(ig_g, g, directed, n, weight, out)
    if paths is not None:
        raw, reach, total = paths()
        # accumulated per source, as networkx does (ordered pairs s -> t)
        if not directed:  # igraph halves undirected pairs; networkx counts s -> t per source
            raw *= 2
        k = len(src_idx)
        is_src = np.zeros(n, dtype=bool)
        is_src[src_idx] = True
        with np.errstate(divide="ignore", invalid="ignore"):
            scale_src = 1 / ((k - 1) * (n - 2)) if k > 1 and n > 2 else math.nan
            scale_non = 1 / (k * (n - 2)) if n > 2 else 1.0
        out["betweenness"] = np.where(is_src, raw * scale_src, raw * scale_non)
        with np.errstate(divide="ignore", invalid="ignore"):
            close = np.where(total > 0, reach / total, 0.0)
        # share of sampled sources (other than the node itself) that reach it
        own = np.zeros(n)
        own[src_idx] = 1
        denom = np.maximum(len(src_idx) - own, 1)
        out["closeness"] = close * (reach / denom)
    return out


def _rest_of_table(ig_g: IGraphView, g: Any, directed: bool, n: int, weight: str | None,
                   out: dict[str, Any]) -> None:
    """PageRank, eigenvector, clustering and structural holes, into ``out``."""
    w = "weight" if weight else None
    out["pagerank"] = ig_g.pagerank()
    # undirected view for eigenvector, clustering and structural holes
    U = g.as_undirected(mode="collapse", combine_edges="sum" if w else None) if directed else g
    U = U.simplify(multiple=False, loops=True, combine_edges="sum" if w else None)
    membership = U.connected_components().membership if U.vcount() else []
    eig = np.full(n, math.nan)
    if membership:
        sizes = np.bincount(membership)
        big = int(np.argmax(sizes))
        if sizes[big] >= 2:
            idx = [i for i, m in enumerate(membership) if m == big]
            sub = U.induced_subgraph(idx)
            vec = np.asarray(sub.eigenvector_centrality(scale=False,
                                                        weights="weight" if w else None))
            vec = np.abs(vec) / np.linalg.norm(vec)
            eig[idx] = vec
    out["eigenvector"] = eig
    out["clustering"] = np.asarray(U.transitivity_local_undirected(mode="zero"), dtype=float)
    out["constraint"] = np.asarray(U.constraint(), dtype=float)
    deg = np.asarray(U.degree(), dtype=float)
    out["_simple_degree"] = deg  # for the summary figures (not a column)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["effective_size"] = np.where(deg > 0, deg - (deg - 1) * out["clustering"], math.nan)
    out["constraint"] = np.where(deg > 0, out["constraint"], math.nan)


def centrality_networkx(G: nx.Graph, weight: str | None, sources: list | None,
                         k: int | None, seed: int | None) -> dict:
    """The same measures as :func:`centrality_igraph`, computed with networkx."""
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
