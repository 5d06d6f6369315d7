"""Choosing the pioneers (seeds) of a change, and comparing the ways of choosing them."""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from socialhrm.adoption.observed import first_events
from socialhrm.adoption.simulation import (
    STRATEGIES,
    check_probability,
    influence_matrix,
    nodes_index,
    simulate_adoption,
)
from socialhrm.data import DataError
from socialhrm.i18n import _


def _top(scores: Mapping[Hashable, float], k: int, nodes: list) -> list:
    order = {v: i for i, v in enumerate(nodes)}
    return sorted(scores, key=lambda v: (-scores[v], order[v]))[:k]


def _attr(G: nx.Graph, v: Hashable, name: str) -> Any:
    return G.nodes[v].get(name)


def _below_counts(G: nx.Graph, people: pd.DataFrame | None) -> dict[Hashable, int]:
    """Number of people (directly or indirectly) below each person in the org chart."""
    if people is not None:
        manager = dict(zip(people["person_id"], people["manager_id"], strict=False))
    else:
        manager = {v: _attr(G, v, "manager_id") for v in G}
    manager = {v: m for v, m in manager.items() if isinstance(m, str) and m}
    if not manager:
        raise DataError(_("choose_seeds('managers') needs the org chart: a manager_id for "
                          "people (node attribute or the people table).\n  What to do: build "
                          "the network with the people table, or pass people=..."))
    chart = nx.DiGraph((m, v) for v, m in manager.items())
    return {v: len(nx.descendants(chart, v)) if v in chart else 0 for v in G}


def _reach_scores(G: nx.Graph, nodes: list, index: dict) -> Callable[[list[int]], float]:
    """Borgatti's distance-weighted reach of a set: sum over people of 1 / distance to it."""
    from scipy.sparse.csgraph import shortest_path

    A = influence_matrix(G, index, None).T.tocsr()  # from u to v
    n = len(nodes)
    if n <= 3000:
        D = shortest_path(A, unweighted=True, directed=G.is_directed())
    else:  # two-step reach for large networks: distances 0, 1, 2 or beyond
        B = (A > 0).astype(np.int8)
        two = ((B @ B) > 0).toarray()
        D = np.where(B.toarray() > 0, 1.0, np.where(two, 2.0, np.inf))
        np.fill_diagonal(D, 0.0)

    def score(chosen: list[int]) -> float:
        d = D[chosen].min(axis=0)
        with np.errstate(divide="ignore"):
            inv = np.where(d == 0, 1.0, 1.0 / d)
        return float(inv.sum())

    return score


def _spread_seeds(G: nx.Graph, k: int, nodes: list) -> list:
    """KPP-Pos (Borgatti 2006): greedy on distance-weighted reach, then one round of swaps."""
    index = {v: i for i, v in enumerate(nodes)}
    score = _reach_scores(G, nodes, index)
    chosen: list[int] = []
    for _i in range(min(k, len(nodes))):
        best = max((i for i in range(len(nodes)) if i not in chosen),
                   key=lambda i: (score([*chosen, i]), -i))
        chosen.append(best)
    improved = True
    while improved:  # Borgatti's swap step: exchange a member for an outsider if reach grows
        improved = False
        current = score(chosen)
        for pos in range(len(chosen)):
            for i in range(len(nodes)):
                if i in chosen:
                    continue
                trial = chosen.copy()
                trial[pos] = i
                if score(trial) > current + 1e-12:
                    chosen, current, improved = trial, score(trial), True
    return [nodes[i] for i in chosen]


class _LiveEdges:
    """Sampled live-edge graphs (Kempe et al. 2003): the spread of a set is its mean reach.

    For the cascade model a tie is live with its probability; for the linear threshold model
    each person keeps at most one incoming tie, with probability its normalised weight.
    Reach is computed on all samples at once, as one block-diagonal sparse graph.
    """

    def __init__(self, G: nx.Graph, model: str, samples: int, seed: int | None,
                 weight: str | None, params: Mapping[str, Any]):
        nodes, index = nodes_index(G)
        self.n, self.samples = len(nodes), samples
        rng = np.random.default_rng(seed)
        n, R = self.n, samples
        if model == "cascade":
            M = influence_matrix(G, index, weight).tocoo()  # M[v, u]: u influences v
            p = check_probability("p", params.get("p", 0.1), model)
            if weight is None:
                prob = np.full(M.nnz, p)
            else:
                mean_w = M.data.mean() if M.nnz else 1.0
                prob = -np.expm1(M.data / mean_w * math.log1p(-p)) if p < 1 else np.ones(M.nnz)
            live = rng.random((R, M.nnz)) < prob
            run, e = np.nonzero(live)
            src, dst = M.col[e], M.row[e]
        else:
            W = influence_matrix(G, index, weight)
            totals = np.asarray(W.sum(axis=1)).ravel()
            u = rng.random((R, n))
            runs_, srcs, dsts = [], [], []
            for v in range(n):
                lo, hi = W.indptr[v], W.indptr[v + 1]
                if lo == hi or totals[v] <= 0:
                    continue
                cum = np.cumsum(W.data[lo:hi]) / totals[v]
                pick = np.searchsorted(cum, u[:, v], side="right")
                ok = pick < hi - lo  # the normalised weights sum to 1: (almost) always
                runs_.append(np.nonzero(ok)[0])
                srcs.append(W.indices[lo:hi][pick[ok]])
                dsts.append(np.full(int(ok.sum()), v))
            run = np.concatenate(runs_) if runs_ else np.zeros(0, np.int64)
            src = np.concatenate(srcs) if srcs else np.zeros(0, np.int64)
            dst = np.concatenate(dsts) if dsts else np.zeros(0, np.int64)
        big = n * R
        # propagation matrix: reached[dst] |= reached[src]
        self.P = sp.csr_matrix((np.ones(len(src)), (run * n + dst, run * n + src)),
                               shape=(big, big))
        self.labels = self.sizes = None
        if model == "cascade" and not G.is_directed():
            # undirected live edges: what a set reaches is the union of its components
            from scipy.sparse.csgraph import connected_components

            _count, lab = connected_components(self.P, directed=False)
            self.labels = lab.reshape(R, n)
            self.sizes = np.bincount(lab)

    def reached(self, chosen: Sequence[int]) -> int:
        """The number of (person, sample) pairs reached from ``chosen``: integer, exact."""
        n, R = self.n, self.samples
        if self.labels is not None:
            if not len(chosen):
                return 0
            comps = np.unique(self.labels[:, list(chosen)])
            return int(self.sizes[comps].sum())
        x = np.zeros(n * R, dtype=bool)
        for i in chosen:
            x[i::n] = True
        frontier = x.copy()
        while frontier.any():
            nxt = (self.P @ frontier.astype(np.float64)) > 0
            frontier = nxt & ~x
            x |= frontier
        return int(x.sum())


def _greedy(gain_of: Callable[[list[int]], float], n: int, k: int, lazy: bool) -> list[int]:
    """Greedy maximisation of a set function; ``lazy`` uses CELF's priority queue."""
    chosen: list[int] = []
    value = gain_of([])
    if not lazy:
        for _i in range(min(k, n)):
            best, best_gain = -1, -math.inf
            for i in range(n):
                if i in chosen:
                    continue
                g = gain_of([*chosen, i]) - value
                if g > best_gain:
                    best, best_gain = i, g
            chosen.append(best)
            value += best_gain
        return chosen
    heap = [(-(gain_of([i]) - value), i, 0) for i in range(n)]
    heapq.heapify(heap)
    while heap and len(chosen) < k:
        neg, i, stamp = heapq.heappop(heap)
        if stamp == len(chosen):
            chosen.append(i)
            value += -neg
            continue
        heapq.heappush(heap, (-(gain_of([*chosen, i]) - value), i, len(chosen)))
    return chosen


def choose_seeds(
    G: nx.Graph,
    k: int,
    strategy: str = "degree",
    seed: int | None = 0,
    *,
    people: pd.DataFrame | None = None,
    events: pd.DataFrame | None = None,
    event: str = "platform_first_post",
    hr_department: str = "HR",
    model: str = "cascade",
    runs: int = 200,
    weight: str | None = None,
    lazy: bool = True,
    model_params: Mapping[str, Any] | None = None,
    **params: Any,
) -> list:
    """Choose ``k`` pioneers (seeds) to carry a change, by one of eight strategies.

    Parameters
    ----------
    G
        The network.
    k
        How many pioneers.
    strategy
        ``"random"``; ``"degree"`` (most contacts); ``"betweenness"`` (the bridges; exact up
        to 1,000 people, sampled with 256 sources beyond); ``"managers"`` (the top of the org
        chart: most people below them — management's example); ``"hr_first"`` (the
        best-connected people of the HR department: HR embraces the tools first, Russo 2012);
        ``"volunteers"`` (the earliest adopters of a previous change, from ``events``);
        ``"spread"`` (Borgatti's KPP-Pos: the set that together reaches the most people,
        distance-weighted reach, greedy plus swaps [6]_; beyond 3,000 people two-step
        reach); ``"greedy"`` (influence maximisation [1]_ with CELF's lazy evaluation [5]_).
    seed
        For ``"random"``, ``"betweenness"`` on large networks and ``"greedy"``.
    people
        The people table, for ``"managers"`` when the nodes have no ``manager_id``.
    events, event
        For ``"volunteers"``: who adopted ``event`` first.
    hr_department
        For ``"hr_first"``: the value of the ``department`` attribute of HR.
    model, runs, weight, lazy, model_params, **params
        For ``"greedy"``: the model and its parameters (``model_params``, a dict, or as
        keywords: complex contagion's ``k`` only in ``model_params``), the number of sampled
        runs, and CELF
        (``lazy=True``) or the plain greedy algorithm (same result, slower). For
        ``"cascade"`` and ``"threshold"`` the spread is estimated on ``runs`` sampled
        live-edge graphs (the same for every candidate set); the spread is then submodular
        and the greedy set reaches at least (1 - 1/e) ~ 63% of the best possible spread
        (on those samples; Kempe et al. 2003). For ``"complex"`` and ``"broadcast"`` the
        spread is simulated with common random numbers and there is no such guarantee
        (complex contagion is not submodular).

    Returns
    -------
    list
        ``k`` people, best first (ties broken by the order of the nodes).

    References
    ----------
    .. [1] Kempe, Kleinberg & Tardos (2003), Maximizing the spread of influence.
    .. [5] Leskovec et al. (2007), Cost-effective outbreak detection in networks.
    .. [6] Borgatti (2006), Identifying sets of key players in a social network.

    Examples
    --------
    >>> G = nx.star_graph(5)
    >>> choose_seeds(G, 1, "degree")
    [0]
    >>> choose_seeds(G, 2, "greedy", p=0.5, runs=100)[0]
    0
    """
    params = {**dict(model_params or {}), **params}
    if strategy not in STRATEGIES:
        raise DataError(_("Unknown strategy {strategy!r}; choose one of {names}.")
                        .format(strategy=strategy, names=", ".join(STRATEGIES)))
    nodes = list(G.nodes)
    k = int(k)
    if k < 0:
        raise DataError(_("k must be 0 or more, got {k}.").format(k=k))
    k = min(k, len(nodes))
    if k == 0:
        return []
    if strategy == "random":
        rng = np.random.default_rng(seed)
        return [nodes[i] for i in rng.choice(len(nodes), size=k, replace=False)]
    if strategy == "degree":
        return _top(dict(G.degree(weight=weight)), k, nodes)
    if strategy == "betweenness":
        sample = None if len(nodes) <= 1000 else 256
        bc = nx.betweenness_centrality(G, k=sample, seed=seed)
        return _top(bc, k, nodes)
    if strategy == "managers":
        below = _below_counts(G, people)
        return _top({v: below[v] + 1e-9 * G.degree(v) for v in nodes}, k, nodes)
    if strategy == "hr_first":
        hr = [v for v in nodes if _attr(G, v, "department") == hr_department]
        if not hr:
            raise DataError(_("choose_seeds('hr_first'): nobody in the network has department "
                              "{dept!r}.\n  What to do: build the network with the people "
                              "table, or name your HR department with hr_department=...")
                            .format(dept=hr_department))
        deg = dict(G.degree(hr, weight=weight))
        return _top(deg, k, hr)
    if strategy == "volunteers":
        if events is None:
            raise DataError(_("choose_seeds('volunteers') needs the events of a previous "
                              "change: pass events=..."))
        first = first_events(events, event).sort_values(kind="stable")
        label = {str(v): v for v in nodes}
        early = [label[p] for p in first.index if p in label]
        if len(early) < k:
            raise DataError(_("choose_seeds('volunteers'): only {n} people in the network "
                              "adopted before, fewer than the {k} asked for.")
                            .format(n=len(early), k=k))
        return early[:k]
    if strategy == "spread":
        return _spread_seeds(G, k, nodes)
    # greedy
    if model in ("cascade", "threshold"):
        live = _LiveEdges(G, model, runs, seed, weight, params)

        def gain_of(chosen: list[int]) -> float:
            return float(live.reached(chosen)) if chosen else 0.0
    else:
        def gain_of(chosen: list[int]) -> float:
            if not chosen:
                return 0.0
            res = simulate_adoption(G, [nodes[i] for i in chosen], model, runs=runs,
                                    seed=seed, weight=weight, **params)
            return float(res.counts[-1].sum())
    return [nodes[i] for i in _greedy(gain_of, len(nodes), k, lazy)]


def compare_strategies(
    G: nx.Graph,
    k: int,
    strategies: Iterable[str] = ("random", "degree", "hr_first", "managers", "spread"),
    model: str = "cascade",
    runs: int = 1000,
    seed: int | None = 0,
    *,
    steps: int | None = None,
    weight: str | None = None,
    seed_options: Mapping[str, Any] | None = None,
    model_params: Mapping[str, Any] | None = None,
    **params: Any,
) -> pd.DataFrame:
    """Simulate the same change from the pioneers each strategy picks: one table to compare.

    Parameters
    ----------
    G, k
        The network and the number of pioneers.
    strategies
        Names from :data:`STRATEGIES`.
    model, runs, seed, steps, weight, **params
        As in :func:`simulate_adoption` (``"greedy"`` uses the same model and parameters).
    model_params
        The model's parameters as a dict; needed for complex contagion's ``k``, since ``k``
        here is the number of pioneers (``model_params={"k": 2}``).
    seed_options
        Extra arguments for :func:`choose_seeds` (``people``, ``events``, ...).

    Returns
    -------
    pandas.DataFrame
        One row per strategy: ``strategy``, ``label`` (in words), ``seeds`` (the pioneers),
        and the columns of :attr:`AdoptionResult.summary` (final share and time to half with
        their 90% intervals).

    Examples
    --------
    >>> G = nx.barbell_graph(5, 2)
    >>> t = compare_strategies(G, 2, ["random", "degree"], "cascade", runs=200, p=0.3)
    >>> t[["strategy", "final_share_mean"]].shape
    (2, 2)
    """
    params = {**dict(model_params or {}), **params}
    rows = []
    options = dict(seed_options or {})
    for name in strategies:
        extra = dict(options)
        if name == "greedy":
            extra.update(model=model, weight=weight, runs=min(runs, 200), model_params=params)
        chosen = choose_seeds(G, k, name, seed=seed, **extra)
        res = simulate_adoption(G, chosen, model, runs=runs, steps=steps, seed=seed,
                                weight=weight, **params)
        summary = res.summary.iloc[0].to_dict()
        summary.pop("seeds")
        rows.append({"strategy": name, "label": _(STRATEGIES[name]), "seeds": chosen,
                     **summary})
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------------------
# Fitting a model to observed adoption
# ---------------------------------------------------------------------------------------
#: The parameter grid :func:`fit_adoption` searches by default.
