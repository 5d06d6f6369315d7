"""The network core: build networks from tables, and measure them.

Graphs are plain networkx graphs whose nodes carry the people table's columns as
attributes, so a learner can always drop down to networkx and see the same thing.
For large graphs the heavy measures run in igraph (C) on the same graph, converted once;
tests check that both engines give the same numbers. A report that does not need the
graph itself (:func:`network_report`) computes the same table and figures straight from the
aggregated edge arrays, without building the networkx graph.
"""

from __future__ import annotations

import math
import random
import warnings
from collections.abc import Hashable, Iterable
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from socialhrm.data import (
    _VALIDATED,
    DataError,
    DataWarning,
    _drop_unknown,
    _Origin,
    parse_time,
    read_interactions,
    read_nominations,
    read_people,
    table_kind,
)
from socialhrm.i18n import _

__all__ = ["build_network", "centrality_table", "describe", "network_report", "org_chart",
           "to_igraph",
           "IGraphView", "CENTRALITY_COLUMNS"]

#: Channels whose contacts are mutual by nature: who met whom, who was where with whom.
SYMMETRIC_CHANNELS = frozenset({
    "meeting", "meetings", "call", "calls", "co-presence", "copresence", "co_presence",
    "presence", "proximity", "face-to-face", "face_to_face", "colocation", "co-location",
    "contact", "contacts"})

#: Graphs with at least this many people use igraph when ``engine="auto"``.
IGRAPH_FROM = 500

#: Columns of :func:`centrality_table`, with what each means for HR.
CENTRALITY_COLUMNS: dict[str, str] = {
    "in_degree": "how many people name or contact this person (ties in)",
    "out_degree": "how many people this person names or contacts (ties out)",
    "degree": "ties in and out together (for undirected graphs: ties)",
    "in_strength": "summed weight of ties in (e.g. messages received)",
    "out_strength": "summed weight of ties out (e.g. messages sent)",
    "strength": "summed weight of all ties",
    "betweenness": "share of shortest paths between others that pass through this person "
                   "(brokerage); exact or sampled, see attrs['betweenness']",
    "closeness": "how few steps others need to reach this person (Wasserman-Faust correction "
                 "for people not everyone can reach); exact or sampled, see attrs['closeness']",
    "pagerank": "importance from being named by important people (weighted, damping 0.85)",
    "eigenvector": "connected to well-connected people (undirected, weighted; largest "
                   "component only, NaN elsewhere)",
    "clustering": "share of this person's contacts who are also in touch (undirected view)",
    "constraint": "Burt's constraint: high = contacts all know each other, few structural "
                  "holes (undirected view)",
    "effective_size": "Burt's effective size: non-redundant contacts (undirected view)",
}


# ---------------------------------------------------------------------------------------
# Building networks
# ---------------------------------------------------------------------------------------
def _node_attributes(people: pd.DataFrame) -> list[tuple[str, dict[str, Any]]]:
    attrs = people.drop(columns="person_id")
    records = attrs.astype(object).where(attrs.notna(), None).to_dict("records")
    return list(zip(people["person_id"].tolist(), records, strict=True))


def _aggregate(frame: pd.DataFrame, src: str, dst: str, wcol: str,
               directed: bool) -> pd.DataFrame:
    pairs = frame[[src, dst, wcol]]
    if not directed:
        a, b = pairs[src], pairs[dst]
        swap = a > b
        pairs = pd.DataFrame({src: a.where(~swap, b), dst: b.where(~swap, a), wcol: pairs[wcol]})
    grouped = pairs.groupby([src, dst], sort=False, observed=True)[wcol]
    return grouped.agg(weight="sum", count="size").reset_index()


def _keep_reciprocated(edges: pd.DataFrame, src: str, dst: str, directed: bool,
                       original: pd.DataFrame) -> pd.DataFrame:
    both = pd.MultiIndex.from_frame(original[[src, dst]].drop_duplicates())
    back = pd.MultiIndex.from_arrays([edges[dst], edges[src]])
    if directed:
        return edges[back.isin(both)]
    fwd = pd.MultiIndex.from_arrays([edges[src], edges[dst]])
    return edges[back.isin(both) & fwd.isin(both)]


def build_network(
    table: pd.DataFrame,
    people: pd.DataFrame | None = None,
    directed: bool = True,
    *,
    relation: str | Iterable[str] | None = None,
    start: str | pd.Timestamp | None = None,
    end: str | pd.Timestamp | None = None,
    channel: str | Iterable[str] | None = None,
    min_weight: float | None = None,
    reciprocated: bool = False,
) -> nx.Graph | nx.DiGraph | dict[str, nx.Graph | nx.DiGraph]:
    """Build a network from an interaction log or from survey nominations.

    Parameters
    ----------
    table
        An interaction log (``sender``, ``recipient``, ...) or nominations (``respondent``,
        ``nominee``, ``relation``), ideally as returned by the ``read_*`` functions; other
        DataFrames are validated first.
    people
        The people table: its columns become node attributes, joined by ``person_id``, and
        people without any tie are kept as isolated nodes. Rows naming someone who is not
        in it are dropped with a warning.
    directed
        A directed graph (who contacts / names whom) or an undirected one (who is in touch).
    relation
        For nominations: one relation (``"advice"``), several, or ``None`` for all. When the
        table holds several relations and none is chosen, a dict ``{relation: graph}``.
    start, end
        For interactions: keep messages with ``start <= timestamp < end``.
    channel
        For interactions: keep only these channel(s), e.g. ``"chat"``.
    min_weight
        Keep only ties whose summed weight (messages, or nomination strength) is at least this.
    reciprocated
        Keep only ties that go both ways.

    Returns
    -------
    networkx.DiGraph or networkx.Graph, or dict of them
        Edges carry ``weight`` (summed weight; the number of messages when every weight is 1)
        and ``count`` (number of rows). ``G.graph`` records how the network was built.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({"sender": ["a", "a", "b"], "recipient": ["b", "b", "a"]})
    >>> G = build_network(log)
    >>> G["a"]["b"]["weight"], G.number_of_edges()
    (2.0, 2)
    """
    if not isinstance(table, pd.DataFrame):
        raise DataError(_("build_network: expected a table (a pandas DataFrame), got "
                          "{type}.\n  What to do: read the file with read_interactions or "
                          "read_nominations first.").format(type=type(table).__name__))
    kind = table_kind(table.columns, where="build_network")
    _check_people(people, "build_network")
    if people is not None and people.attrs.get(_VALIDATED) != "people":
        people = read_people(people)
    if table.attrs.get(_VALIDATED) != kind:  # not through the gate yet
        reader = read_interactions if kind == "interactions" else read_nominations
        table = reader(table, people=people)
    elif people is not None:
        cols = ["sender", "recipient"] if kind == "interactions" else ["respondent", "nominee"]
        table = _drop_unknown(table, cols, people, _Origin(kind, "as passed to build_network",
                                                           "frame"), "drop")
    if kind == "interactions":
        src, dst, wcol = "sender", "recipient", "weight"
        frame = table
        t0 = parse_time(start, _("build_network: start"))
        t1 = parse_time(end, _("build_network: end"))
        if t0 is not None and t1 is not None and t1 <= t0:
            raise DataError(_("build_network: end ({end}) is not after start ({start}).\n  "
                              "What to do: the window keeps start <= timestamp < end; give "
                              "an end later than the start.").format(start=t0, end=t1))
        if t0 is not None or t1 is not None:
            if frame["timestamp"].isna().all():
                raise DataError(_("build_network: start/end need timestamps, but this "
                                  "interaction log has none.\n  What to do: read a log with a "
                                  "timestamp column, or leave out start= and end=."))
            keep = pd.Series(True, index=frame.index)
            if t0 is not None:
                keep &= frame["timestamp"] >= t0
            if t1 is not None:
                keep &= frame["timestamp"] < t1
            if len(frame) and not keep.any():
                _warn_empty(_(
                    "build_network: no messages between {start} and {end}; the log runs from "
                    "{first} to {last}, so the network has no ties (only isolated people). "
                    "Check the window (start <= timestamp < end).").format(
                        start=t0 if t0 is not None else _("the beginning"),
                        end=t1 if t1 is not None else _("the end"),
                        first=frame["timestamp"].min(), last=frame["timestamp"].max()))
            frame = frame[keep]
        if channel is not None:
            chosen = [channel] if isinstance(channel, str) else list(channel)
            unknown = sorted(set(chosen) - set(frame["channel"].unique()))
            if unknown:
                raise DataError(_("build_network: no messages on channel(s) {unknown}; the "
                                  "log has {have}.\n  What to do: choose one of those "
                                  "channels.").format(
                                      unknown=unknown, have=sorted(table["channel"].unique())))
            frame = frame[frame["channel"].isin(chosen)]
        if len(table) == 0:
            _warn_empty(_("build_network: the interaction log has no rows (every row was "
                          "dropped when it was read; see the reader's warnings), so the "
                          "network has no ties."))
        if directed and len(frame):
            channels = {str(c).strip().lower() for c in pd.unique(frame["channel"])}
            if channels and channels <= SYMMETRIC_CHANNELS:
                _warn_empty(_(
                    "build_network: every contact is on channel(s) {channels}, which are "
                    "mutual by nature (being in the same meeting or place), but the network "
                    "was built as directed: who is listed as sender is arbitrary, so in- and "
                    "out-degree, reciprocity and PageRank mean little. Pass directed=False."
                ).format(channels=", ".join(sorted(channels))))
        return _assemble(frame, src, dst, wcol, people, directed, min_weight, reciprocated,
                         {"source": "interactions", "start": start, "end": end,
                          "channel": channel})
    src, dst, wcol = "respondent", "nominee", "strength"
    available = list(pd.unique(table["relation"]))
    if relation is None:
        chosen = available
    else:
        chosen = [relation] if isinstance(relation, str) else list(relation)
        missing = [r for r in chosen if r not in available]
        if missing:
            raise DataError(_("build_network: no nominations for relation(s) {missing}; the "
                              "survey has {available}.\n  What to do: choose one of those "
                              "relations.").format(missing=missing, available=available))
    graphs = {
        rel: _assemble(table[table["relation"] == rel], src, dst, wcol, people, directed,
                       min_weight, reciprocated, {"source": "nominations", "relation": rel})
        for rel in chosen
    }
    if len(graphs) == 1 and (relation is None or isinstance(relation, str)):
        return next(iter(graphs.values()))
    return graphs


def _check_people(people: Any, where: str) -> None:
    if people is not None and not isinstance(people, pd.DataFrame):
        raise DataError(_("{where}: people= must be the people table (a pandas DataFrame), got "
                          "{type}.\n  What to do: read it with read_people and pass the "
                          "result.").format(where=where, type=type(people).__name__))


def _warn_empty(message: str) -> None:
    warnings.warn(DataWarning(message), stacklevel=3)


def _assemble(frame: pd.DataFrame, src: str, dst: str, wcol: str,
              people: pd.DataFrame | None, directed: bool, min_weight: float | None,
              reciprocated: bool, info: dict[str, Any]) -> nx.Graph | nx.DiGraph:
    edges = _aggregate(frame, src, dst, wcol, directed)
    if reciprocated:
        edges = _keep_reciprocated(edges, src, dst, directed, frame)
    if min_weight is not None:
        before = len(edges)
        edges = edges[edges["weight"] >= min_weight]
        if before and edges.empty:
            _warn_empty(_("build_network: min_weight={min_weight} removed all {n} ties (the "
                          "strongest has weight {top:g}), so the network has no ties.").format(
                              min_weight=min_weight, n=before,
                              top=float(_aggregate(frame, src, dst, wcol, directed)["weight"]
                                        .max())))
    G: nx.Graph | nx.DiGraph = nx.DiGraph() if directed else nx.Graph()
    G.graph.update({k: v for k, v in info.items() if v is not None})
    G.graph.update(directed=directed, reciprocated=reciprocated, min_weight=min_weight)
    if people is not None:
        G.add_nodes_from(_node_attributes(people))
    weights = edges["weight"].to_numpy(dtype=float).tolist()
    counts = edges["count"].to_numpy(dtype=np.int64).tolist()
    G.add_edges_from(
        (u, v, {"weight": w, "count": c})
        for u, v, w, c in zip(edges[src].tolist(), edges[dst].tolist(), weights, counts,
                              strict=True)
    )
    return G


def org_chart(people: pd.DataFrame) -> nx.DiGraph:
    """The formal organisation: an edge from every manager to each direct report.

    Parameters
    ----------
    people
        The people table with ``person_id`` and ``manager_id`` (empty at the top).

    Returns
    -------
    networkx.DiGraph
        Every person is a node with the people columns as attributes.

    Raises
    ------
    DataError
        A ``manager_id`` that is nobody's ``person_id``, or reporting lines in a loop.

    Examples
    --------
    >>> import pandas as pd
    >>> people = pd.DataFrame({"person_id": ["ceo", "a", "b"], "manager_id": [None, "ceo", "a"]})
    >>> sorted(org_chart(people).edges())
    [('a', 'b'), ('ceo', 'a')]
    """
    if people.attrs.get(_VALIDATED) != "people":
        people = read_people(people)
    G = nx.DiGraph(source="org_chart")
    G.add_nodes_from(_node_attributes(people))
    has_manager = people["manager_id"].notna()
    reports = people[has_manager]
    unknown = ~reports["manager_id"].isin(people["person_id"])
    if unknown.any():
        bad = reports[unknown]
        shown = ", ".join(f"{m!r} (manager of {p!r})" for p, m in
                          zip(bad["person_id"][:5], bad["manager_id"][:5], strict=True))
        raise DataError(
            f"org_chart: {int(unknown.sum())} manager_id(s) are not a person_id in the people "
            f"table: {shown}.\n  What to do: add the managers to the people table, or correct "
            "the manager_id (leave it empty for the top of the organisation)."
        )
    G.add_edges_from(zip(reports["manager_id"], reports["person_id"], strict=True))
    try:
        cycle = nx.find_cycle(G)
    except nx.NetworkXNoCycle:
        return G
    loop = " -> ".join([str(u) for u, _ in cycle] + [str(cycle[0][0])])
    raise DataError(
        f"org_chart: the reporting lines form a loop ({loop}, read as 'manages').\n"
        "  What to do: every chain of managers must end at someone with no manager; fix the "
        "manager_id of one person in the loop."
    )


# ---------------------------------------------------------------------------------------
# Measuring networks
# ---------------------------------------------------------------------------------------
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


def _sample_sources(G: nx.Graph, k: int, seed: int | None) -> list[Hashable]:
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


def _centrality_igraph(G: nx.Graph, weight: str | None, sources: list | None) -> dict:
    ig_g = to_igraph(G, weight)
    out = _centrality_view(ig_g, sources)
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


def _centrality_view(ig_g: IGraphView, sources: list | None,
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


def _centrality_networkx(G: nx.Graph, weight: str | None, sources: list | None,
                         k: int | None, seed: int | None) -> dict:
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
        ``"networkx"``, ``"igraph"`` (fast, same values) or ``"auto"`` (igraph from
        :data:`IGRAPH_FROM` people on).

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
    if engine not in {"auto", "networkx", "igraph"}:
        raise DataError(f"centrality_table: engine={engine!r} is not 'auto', 'networkx' or "
                        "'igraph'.")
    if not isinstance(G, nx.Graph):
        raise DataError("centrality_table: expected a networkx graph, got "
                        f"{type(G).__name__}. Build one with build_network.")
    if G.is_multigraph():
        G = nx.DiGraph(G) if G.is_directed() else nx.Graph(G)
    n = G.number_of_nodes()
    if n == 0:
        raise DataError("centrality_table: the network has no people.")
    if weight is not None and not any(weight in d for _, _, d in G.edges(data=True)):
        weight = None
    if k is None and n > exact_threshold:
        k = 256
    if k is not None and k >= n:
        k = None
    sources = _sample_sources(G, k, seed) if k is not None else None
    use_ig = engine == "igraph" or (engine == "auto" and n >= IGRAPH_FROM)
    if use_ig:
        measures = _centrality_igraph(G, weight, sources)
    else:
        measures = _centrality_networkx(G, weight, sources, k, seed)
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
                       engine="igraph" if use_ig else "networkx")
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
    if n >= IGRAPH_FROM:
        U = to_igraph(G, None).graph
        if G.is_directed():
            U = U.as_undirected(mode="collapse")
        U = U.simplify(multiple=True, loops=True)
        out["average_clustering"] = float(np.mean(U.transitivity_local_undirected(mode="zero")))
        out["triangles"] = len(U.list_triangles())
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
def _node_order_and_edges(log: pd.DataFrame, people: pd.DataFrame | None, directed: bool
                          ) -> tuple[list, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Nodes in :func:`build_network`'s order and the aggregated edges as vertex numbers.

    ``build_network`` adds the people first, then each new person in the order the
    aggregated ties name them (``groupby(sort=False)``: first appearance in the log, sender
    before recipient), so the sampled sources of :func:`centrality_table` are the same here.
    """
    s = log["sender"]
    r = log["recipient"]
    fast = _codes_of_people(s, r, people)
    if fast is not None:  # everyone is in the people table: the nodes are its rows, in order
        nodes, sc, rc = fast
        if not directed:
            swap = (s > r).to_numpy(dtype=bool)
            sc, rc = np.where(swap, rc, sc), np.where(swap, sc, rc)
        return _edges_from_codes(nodes, sc, rc, log)
    if not directed:
        swap = (s > r).to_numpy(dtype=bool)
        s, r = s.where(~swap, r), r.where(~swap, s)
    both = pd.concat([s, r], ignore_index=True)
    codes, uniques = pd.factorize(both)
    m = len(s)
    sc, rc = codes[:m], codes[m:]
    u = len(uniques)
    first = np.full(u, np.iinfo(np.int64).max, dtype=np.int64)
    for side, codes_side in ((0, sc), (1, rc)):  # the first row naming each person, hashed
        once = pd.Series(codes_side).drop_duplicates()
        pos = 2 * once.index.to_numpy(dtype=np.int64) + side
        values = once.to_numpy(dtype=np.int64)
        first[values] = np.minimum(first[values], pos)
    seen_order = np.argsort(first, kind="stable")
    uniq = np.asarray(uniques, dtype=object)
    if people is not None:
        person_ids = people["person_id"].astype(object).tolist()
        known = pd.Index(person_ids)
        pos = known.get_indexer(uniq)
        new = seen_order[pos[seen_order] < 0]
        nodes = person_ids + uniq[new].tolist()
        to_node = np.where(pos >= 0, pos, 0).astype(np.int64)
        to_node[new] = len(person_ids) + np.arange(len(new))
    else:
        nodes = uniq[seen_order].tolist()
        to_node = np.empty(u, dtype=np.int64)
        to_node[seen_order] = np.arange(u)
    return _edges_from_codes(nodes, to_node[sc], to_node[rc], log)


def _codes_of_people(s: pd.Series, r: pd.Series, people: pd.DataFrame | None
                     ) -> tuple[list, np.ndarray, np.ndarray] | None:
    """Vertex numbers of senders and recipients found in Arrow, when all are people."""
    if people is None:
        return None
    data_s = getattr(s.array, "_pa_array", None)
    data_r = getattr(r.array, "_pa_array", None)
    if data_s is None or data_r is None:
        return None
    try:
        import pyarrow as pa
        import pyarrow.compute as pc

        nodes = people["person_id"].astype(object).tolist()
        codes = []
        for data in (data_s, data_r):
            value_set = pa.array(nodes, type=data.type)  # the column's own type: no copy
            found = pc.index_in(data, value_set=value_set)
            if found.null_count:
                return None  # someone not in the people table: the general way
            codes.append(found.to_numpy(zero_copy_only=False).astype(np.int64))
    except Exception:  # noqa: BLE001 - any Arrow version quirk: the general way
        return None
    return nodes, codes[0], codes[1]


def _edges_from_codes(nodes: list, sc: np.ndarray, rc: np.ndarray, log: pd.DataFrame
                      ) -> tuple[list, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Aggregate ties given as vertex numbers: summed weight and row count per pair."""
    n_all = len(nodes)
    key = sc * n_all + rc
    group, keys = pd.factorize(key)  # first appearance order, as groupby(sort=False)
    weights = np.bincount(group, weights=log["weight"].to_numpy(dtype=float),
                          minlength=len(keys))
    counts = np.bincount(group, minlength=len(keys))
    keys = np.asarray(keys, dtype=np.int64)
    return nodes, keys // n_all, keys % n_all, weights, counts


def _describe_view(view: IGraphView, measures: dict[str, np.ndarray]) -> pd.Series:
    """:func:`describe` from an igraph view (the same figures, without networkx).

    Clustering and triangles come from the local clustering the centrality table computed
    on the same simple undirected view (a person with ``d`` contacts and clustering ``c`` is
    in ``c * d * (d - 1) / 2`` triangles).
    """
    n, m = len(view.nodes), len(view.src)
    loops = int((view.src == view.dst).sum())
    directed = view.directed
    if n > 1:
        density = m / (n * (n - 1)) if directed else 2 * m / (n * (n - 1))
    else:
        density = 0.0
    out: dict[str, Any] = {"nodes": n, "edges": m, "self_loops": loops, "density": density}
    g = view.graph
    if directed:
        keep = view.src != view.dst
        arcs = view.src[keep] * n + view.dst[keep]
        back = view.dst[keep] * n + view.src[keep]
        mutual2 = int(np.isin(back, arcs).sum())
        out["reciprocity"] = mutual2 / len(arcs) if len(arcs) else 0.0
        weak = np.bincount(g.connected_components(mode="weak").membership) if n else []
        strong = np.bincount(g.connected_components(mode="strong").membership) if n else []
        out.update(weak_components=len(weak), largest_weak=int(max(weak, default=0)),
                   strong_components=len(strong), largest_strong=int(max(strong, default=0)))
    else:
        comps = np.bincount(g.connected_components().membership) if n else []
        out.update(components=len(comps), largest_component=int(max(comps, default=0)))
    clustering = np.asarray(measures["clustering"], dtype=float)
    deg = measures["_simple_degree"]
    out["average_clustering"] = float(np.mean(clustering)) if n else 0.0
    out["triangles"] = int(round(float(np.sum(clustering * deg * (deg - 1) / 2)) / 3))
    if directed:
        mutual = mutual2 // 2
        asym = len(arcs) - 2 * mutual
        out.update(mutual=mutual, asymmetric=asym, null=n * (n - 1) // 2 - mutual - asym)
    return pd.Series(out, dtype=object, name="network")


def network_report(
    log: pd.DataFrame,
    people: pd.DataFrame | None = None,
    directed: bool = True,
    *,
    weight: str | None = "weight",
    k: int | None = None,
    seed: int | None = 0,
    exact_threshold: int = 2000,
    workers: int = 1,
) -> tuple[pd.DataFrame, pd.Series]:
    """The ONA report of an interaction log (the centrality table and the summary figures).

    The same values as ``build_network(log, people, directed)`` followed by
    :func:`centrality_table` and :func:`describe` on its graph, computed from the aggregated
    edge arrays in igraph, without building the networkx graph: the fast way for large
    logs (10,000 people and 1,000,000 messages in about a second). Results are attached
    to the people by id. Build the graph with :func:`build_network` when you want to look
    at it or draw it.

    Parameters
    ----------
    log
        An interaction log (``sender``, ``recipient``, ...), ideally from
        :func:`~socialhrm.data.read_interactions`; other DataFrames are validated first.
    people
        The people table: everyone in it is a row of the table, also without any tie; rows
        of the log naming someone not in it are dropped with a warning.
    directed
        As in :func:`build_network`.
    weight, k, seed, exact_threshold
        As in :func:`centrality_table` (``weight=None``: every tie counts 1).
    workers
        Processes for the sampled path measures (betweenness and closeness are sums over
        the sampled sources, so they split exactly): ``2`` on a two-core machine roughly
        halves the slowest step. Uses ``fork`` (Linux, macOS); ``1`` (default) runs in this
        process.

    Returns
    -------
    (pandas.DataFrame, pandas.Series)
        The table of :func:`centrality_table` (indexed by ``person_id``, the same columns and
        ``attrs``, plus ``attrs["timings"]``: seconds per step) and the figures of
        :func:`describe`.

    References
    ----------
    Csardi, G. & Nepusz, T. (2006). The igraph software package for complex network
    research. *InterJournal Complex Systems*, 1695.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({"sender": ["a", "a", "b", "c"], "recipient": ["b", "b", "a", "a"]})
    >>> table, facts = network_report(log)
    >>> table["in_degree"].to_dict(), int(facts["edges"])
    ({'a': 2, 'b': 1, 'c': 0}, 3)
    """
    import time

    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    if not isinstance(log, pd.DataFrame):
        raise DataError(_("network_report: expected an interaction log (a pandas DataFrame), "
                          "got {type}.\n  What to do: read it with read_interactions "
                          "first.").format(type=type(log).__name__))
    if table_kind(log.columns, where="network_report") != "interactions":
        raise DataError(_("network_report: this is survey nominations; the report takes an "
                          "interaction log.\n  What to do: use build_network and "
                          "centrality_table for survey networks."))
    _check_people(people, "network_report")
    if people is not None and people.attrs.get(_VALIDATED) != "people":
        people = read_people(people)
    if log.attrs.get(_VALIDATED) != "interactions":
        log = read_interactions(log, people=people)
    elif people is not None:
        log = _drop_unknown(log, ["sender", "recipient"], people,
                            _Origin("interactions", "as passed to network_report", "frame"),
                            "drop")
    nodes, src, dst, weights, _counts = _node_order_and_edges(log, people, directed)
    if not nodes:
        raise DataError(_("network_report: the network has no people.\n  What to do: pass a "
                          "log with rows, or the people table."))
    timings["aggregate"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    n = len(nodes)
    view = IGraphView.from_arrays(nodes, src, dst, weights if weight else None, directed)
    if k is None and n > exact_threshold:
        k = 256
    if k is not None and k >= n:
        k = None
    sources = random.Random(seed).sample(nodes, k) if k is not None else None
    measures = _centrality_view(view, sources, workers=max(1, int(workers)))
    w = weights if weight else np.ones(len(src))
    if directed:
        ind, outd = np.bincount(dst, minlength=n), np.bincount(src, minlength=n)
        ins = np.bincount(dst, weights=w, minlength=n)
        outs = np.bincount(src, weights=w, minlength=n)
        degree, strength = ind + outd, ins + outs
    else:
        ind = outd = degree = np.bincount(src, minlength=n) + np.bincount(dst, minlength=n)
        ins = outs = strength = (np.bincount(src, weights=w, minlength=n)
                                 + np.bincount(dst, weights=w, minlength=n))
    table = pd.DataFrame(
        {"in_degree": ind.astype(np.int64), "out_degree": outd.astype(np.int64),
         "degree": degree.astype(np.int64), "in_strength": ins.astype(float),
         "out_strength": outs.astype(float), "strength": strength.astype(float),
         **{name: np.asarray(measures[name], dtype=float)
            for name in ("betweenness", "closeness", "pagerank", "eigenvector", "clustering",
                         "constraint", "effective_size")}},
        index=pd.Index(nodes, name="person_id"))
    method = "exact" if sources is None else f"sampled (k={k}, seed={seed})"
    timings["centrality table"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    facts = _describe_view(view, measures)
    timings["describe"] = time.perf_counter() - t0
    table.attrs.update(betweenness=method, closeness=method, engine="igraph", timings=timings)
    return table, facts
