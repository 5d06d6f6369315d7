"""The figures of a whole report straight from the aggregated edge arrays, without a graph."""

from __future__ import annotations

import random
from typing import Any

import numpy as np
import pandas as pd

from socialhrm.data import (
    VALIDATED,
    DataError,
    Origin,
    drop_unknown,
    read_interactions,
    read_people,
    table_kind,
)
from socialhrm.i18n import _
from socialhrm.network import kernels
from socialhrm.network.build import check_people
from socialhrm.network.engines import IGraphView, centrality_view


def _node_order_and_edges(log: pd.DataFrame, people: pd.DataFrame | None, directed: bool,
                          fast: tuple[list, np.ndarray, np.ndarray] | None = None
                          ) -> tuple[list, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Nodes in :func:`build_network`'s order and the aggregated edges as vertex numbers.

    ``build_network`` adds the people first, then each new person in the order the
    aggregated ties name them (``groupby(sort=False)``: first appearance in the log, sender
    before recipient), so the sampled sources of :func:`centrality_table` are the same here.
    """
    s = log["sender"]
    r = log["recipient"]
    if fast is None:
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
    """:func:`describe` from a view's edge arrays (the same figures, without networkx).

    Clustering and triangles come from the triangles the centrality table counted on the
    same simple undirected view; components from scipy.
    """
    n, m = len(view.nodes), len(view.src)
    loops = int((view.src == view.dst).sum())
    directed = view.directed
    if n > 1:
        density = m / (n * (n - 1)) if directed else 2 * m / (n * (n - 1))
    else:
        density = 0.0
    out: dict[str, Any] = {"nodes": n, "edges": m, "self_loops": loops, "density": density}
    if directed:
        keep = view.src != view.dst
        arcs = np.sort(view.src[keep] * n + view.dst[keep])  # unique: aggregated ties
        back = view.dst[keep] * n + view.src[keep]
        at = np.minimum(np.searchsorted(arcs, back), max(len(arcs) - 1, 0))
        mutual2 = int((arcs[at] == back).sum()) if len(arcs) else 0
        out["reciprocity"] = mutual2 / len(arcs) if len(arcs) else 0.0
        weak = np.bincount(kernels.components(n, view.src, view.dst, "weak")) if n else []
        strong = np.bincount(kernels.components(n, view.src, view.dst, "strong")) if n else []
        out.update(weak_components=len(weak), largest_weak=int(max(weak, default=0)),
                   strong_components=len(strong), largest_strong=int(max(strong, default=0)))
    else:
        comps = np.bincount(kernels.components(n, view.src, view.dst)) if n else []
        out.update(components=len(comps), largest_component=int(max(comps, default=0)))
    clustering = np.asarray(measures["clustering"], dtype=float)
    out["average_clustering"] = float(np.mean(clustering)) if n else 0.0
    out["triangles"] = int(round(float(np.sum(measures["_triangles"])) / 3))
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
    workers: int | None = None,
) -> tuple[pd.DataFrame, pd.Series]:
    """The ONA report of an interaction log (the centrality table and the summary figures).

    The same values as ``build_network(log, people, directed)`` followed by
    :func:`centrality_table` and :func:`describe` on its graph, computed from the aggregated
    edge arrays by the fast engine's compiled kernels, without building the networkx graph:
    the fast way for large logs (10,000 people and 1,000,000 messages in about a second,
    100,000 people and 10,000,000 messages in under 20 seconds on two cores). Results are attached
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
        Threads for the path measures (betweenness and closeness are sums over the
        sources, so they split exactly) and the triangles: by default every core this
        process may use; ``1`` runs everything in this thread.

    Returns
    -------
    (pandas.DataFrame, pandas.Series)
        The table of :func:`centrality_table` (indexed by ``person_id``, the same columns and
        ``attrs``, plus ``attrs["timings"]``: seconds per step) and the figures of
        :func:`describe`.

    References
    ----------
    Brandes, U. (2001). A faster algorithm for betweenness centrality. *Journal of
    Mathematical Sociology*, 25(2), 163-177.

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
    check_people(people, "network_report")
    if people is not None and people.attrs.get(VALIDATED) != "people":
        people = read_people(people)
    fast = None
    if log.attrs.get(VALIDATED) != "interactions":
        log = read_interactions(log, people=people)
    elif people is not None:
        fast = _codes_of_people(log["sender"], log["recipient"], people)
        if fast is None:  # someone not in the people table: dropped, with a warning
            log = drop_unknown(log, ["sender", "recipient"], people,
                               Origin("interactions", "as passed to network_report", "frame"),
                               "drop")
    nodes, src, dst, weights, _counts = _node_order_and_edges(log, people, directed, fast)
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
    measures = centrality_view(view, sources, workers=workers)
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
    table.attrs.update(betweenness=method, closeness=method, engine="fast", timings=timings)
    return table, facts
