"""HR as change agent: how a new way of working spreads through the network.

Four questions a change agent asks, one function each:

- :func:`adoption_curve` — how did adoption actually go? The observed share of adopters week
  by week (overall or per group, small groups merged by the privacy gate), and
  :func:`exposure_at_adoption` — did people adopt after their contacts did?
- :func:`simulate_adoption` — what would happen if ...? Monte Carlo simulation of four models of
  spreading: an independent cascade ("like a rumour"), a linear threshold, complex contagion
  ("needs a few colleagues first") and broadcasting plus conversation ("newsletter plus
  conversation", a network Bass model).
- :func:`choose_seeds` and :func:`compare_strategies` — whom should we enlist as pioneers?
- :func:`fit_adoption` — which model and parameters reproduce what we observed?

All runs of a simulation are computed together: the state is one matrix (people x runs) and
each step is one sparse matrix product over the network's adjacency (``scipy.sparse``), not a
Python loop per run or per person. The same ``seed`` gives the same result.

Influence flows along the ties: both ways in an undirected network, from ``u`` to ``v`` along
an edge ``u -> v`` in a directed one (reverse a survey network, ``G.reverse()``, when "A names
B" should mean that B influences A).

References
----------
.. [1] D. Kempe, J. Kleinberg & E. Tardos (2003), Maximizing the spread of influence through a
   social network, *KDD '03*, 137-146.
.. [2] D. Centola & M. Macy (2007), Complex contagions and the weakness of long ties,
   *American Journal of Sociology* 113(3), 702-734.
.. [3] F. M. Bass (1969), A new product growth for model consumer durables, *Management
   Science* 15(5), 215-227.
.. [4] T. W. Valente (1996), Social network thresholds in the diffusion of innovations,
   *Social Networks* 18(1), 69-89; T. W. Valente (2012), Network interventions, *Science*
   337, 49-53.
.. [5] J. Leskovec, A. Krause, C. Guestrin, C. Faloutsos, J. VanBriesen & N. Glance (2007),
   Cost-effective outbreak detection in networks, *KDD '07* (the lazy greedy "CELF").
.. [6] S. P. Borgatti (2006), Identifying sets of key players in a social network,
   *Computational and Mathematical Organization Theory* 12, 21-34.

Examples
--------
>>> import networkx as nx
>>> G = nx.path_graph(4)
>>> res = simulate_adoption(G, [0], "cascade", runs=2000, p=0.5, seed=1)
>>> round(float(res.summary["final_share_mean"].iloc[0]), 1)   # (1 + .5 + .25 + .125) / 4
0.5
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from socialhrm.data import DataError
from socialhrm.i18n import N_, _

__all__ = [
    "MODELS",
    "STRATEGIES",
    "AdoptionResult",
    "adoption_curve",
    "choose_seeds",
    "compare_strategies",
    "exposure_at_adoption",
    "first_adopters",
    "fit_adoption",
    "simulate_adoption",
]

#: The models of spreading, with the words a change manager would use.
MODELS: dict[str, str] = {
    "cascade": N_("like a rumour"),
    "threshold": N_("when enough of my close colleagues have"),
    "complex": N_("needs a few colleagues first"),
    "broadcast": N_("newsletter plus conversation"),
}

#: Ways of choosing the pioneers (seeds), in plain words.
STRATEGIES: dict[str, str] = {
    "random": N_("people picked at random"),
    "degree": N_("the best-connected people"),
    "betweenness": N_("the bridges between groups"),
    "managers": N_("top management first (management example)"),
    "hr_first": N_("HR first"),
    "volunteers": N_("volunteers: the earliest adopters of the last change"),
    "spread": N_("spread out: key players who together reach the most people"),
    "greedy": N_("computer-optimised (greedy influence maximisation)"),
}

#: Default number of steps of the broadcast model (one step = one week: half a year).
BROADCAST_STEPS = 26
#: Upper bound on the cells (people x runs) of one batch, to bound memory.
_BATCH_CELLS = 12_000_000
#: Share of runs outside the interval on each side (a 90% interval).
_TAIL = 0.05


# ---------------------------------------------------------------------------------------
# The network as a sparse matrix
# ---------------------------------------------------------------------------------------
def _nodes_index(G: nx.Graph) -> tuple[list[Hashable], dict[Hashable, int]]:
    nodes = list(G.nodes)
    return nodes, {v: i for i, v in enumerate(nodes)}


def _influence_matrix(G: nx.Graph, index: Mapping[Hashable, int],
                      weight: str | None) -> sp.csr_matrix:
    """``M[v, u]`` = weight of the tie through which ``u`` influences ``v`` (0: no tie)."""
    n = len(index)
    nodes = list(index)
    if weight is not None:
        for u, v, d in G.edges(data=True):
            w = d.get(weight, 1.0)
            try:
                w = float(w)
            except (TypeError, ValueError):
                raise DataError(_("The tie {u} - {v} has weight {w!r}, which is not a number.\n"
                                  "  What to do: give every tie a numeric '{attr}' or choose "
                                  "weight=None.").format(u=u, v=v, w=w, attr=weight)) from None
            if not math.isfinite(w) or w < 0:
                raise DataError(_("The tie {u} - {v} has weight {w}; weights must be zero or "
                                  "positive.\n  What to do: correct the weight or choose "
                                  "weight=None.").format(u=u, v=v, w=w))
    if n == 0:
        return sp.csr_matrix((0, 0))
    A = nx.to_scipy_sparse_array(G, nodelist=nodes, weight=weight, dtype=float, format="csr")
    M = sp.csr_matrix(A.T if G.is_directed() else A)
    M.setdiag(0)
    M.eliminate_zeros()
    M.sort_indices()
    return M


def _seed_rows(seeds: Any, index: Mapping[Hashable, int], runs: int,
               ) -> tuple[np.ndarray, np.ndarray]:
    """Seeds as coordinates (person row, run column) of the initial state."""
    if isinstance(seeds, (str, bytes)) or not isinstance(seeds, Iterable):
        seeds = [seeds]
    seeds = list(seeds)
    per_run = bool(seeds) and all(isinstance(s, (list, tuple, set, frozenset, np.ndarray))
                                  for s in seeds)
    sets = seeds if per_run else [seeds] * runs
    if per_run and len(sets) != runs:
        raise DataError(_("simulate_adoption: {k} seed sets for {runs} runs; give one seed set "
                          "per run, or one set for all runs.").format(k=len(sets), runs=runs))
    for group in (sets if per_run else sets[:1]):
        for s in group:
            if s not in index:
                raise DataError(_("The pioneer {person!r} is not in the network.\n  What to "
                                  "do: choose pioneers among the network's people (check the "
                                  "spelling of the id).").format(person=s))
    if per_run:
        rows = np.fromiter((index[s] for group in sets for s in group), dtype=np.int64)
        cols = np.repeat(np.arange(runs, dtype=np.int64), [len(g) for g in sets])
    else:
        one = np.fromiter(dict.fromkeys(index[s] for s in sets[0]), dtype=np.int64)
        rows, cols = np.tile(one, runs), np.repeat(np.arange(runs, dtype=np.int64), len(one))
    if per_run and len(rows):  # a person listed twice in one run's set counts once
        flat = np.unique(cols * len(index) + rows)
        rows, cols = flat % len(index), flat // len(index)
    return rows, cols


# ---------------------------------------------------------------------------------------
# Simulation
# ---------------------------------------------------------------------------------------
@dataclass
class AdoptionResult:
    """What :func:`simulate_adoption` returns: three tidy tables and the raw counts.

    Attributes
    ----------
    curve
        One row per run and step: ``run``, ``step`` (0 = the pioneers), ``adopters``
        (cumulative), ``share`` (of everyone in the network).
    summary
        One row: ``model``, ``runs``, ``people``, ``seeds``, ``final_share_mean``,
        ``final_share_low`` and ``final_share_high`` (a 90% interval over runs),
        ``time_to_half_mean``, ``time_to_half_low``, ``time_to_half_high`` (steps until
        half of the people adopted, over the runs that got there) and
        ``share_of_runs_reaching_half``.
    people
        One row per person (index: the node): ``probability`` (share of runs in which they
        adopted) and ``mean_step`` (the mean step of adoption in those runs; NaN if never).
    band
        One row per step: ``step``, ``mean``, ``low``, ``high`` of the share (90% interval):
        ready to plot as a curve with its band.
    counts
        ``counts[t, r]``: adopters after step ``t`` in run ``r`` (a numpy array).
    when
        ``when[i, r]``: the step at which person ``i`` (in the order of ``people``) adopted
        in run ``r``, -1 if never.
    model, params
        The model and the parameters used.
    """

    curve: pd.DataFrame
    summary: pd.DataFrame
    people: pd.DataFrame
    band: pd.DataFrame
    counts: np.ndarray
    when: np.ndarray
    model: str
    params: dict[str, Any] = field(default_factory=dict)

    def groups_reached(self, groups: Mapping[Hashable, Any]) -> np.ndarray:
        """Per run, the number of groups (e.g. departments) with at least one adopter.

        Parameters
        ----------
        groups
            The group of each person (a dict or Series; e.g. ``people["department"]``).

        Returns
        -------
        numpy.ndarray
            One count per run.

        Examples
        --------
        >>> G = nx.path_graph(4)
        >>> res = simulate_adoption(G, [0], "cascade", runs=2, p=1.0)
        >>> res.groups_reached({0: "a", 1: "a", 2: "b", 3: "c"}).tolist()
        [3, 3]
        """
        labels = [groups.get(v) if isinstance(groups, Mapping) else groups[v]
                  for v in self.people.index]
        codes, _uniques = pd.factorize(pd.Series(labels, dtype=object))
        out = np.zeros(self.when.shape[1], dtype=np.int64)
        for c in range(codes.max() + 1):
            out += (self.when[codes == c] >= 0).any(axis=0)
        return out

    @property
    def final_share(self) -> np.ndarray:
        """The final share of adopters in every run."""
        n = int(self.summary["people"].iloc[0])
        return self.counts[-1] / max(n, 1)


def _check_probability(name: str, value: Any, model: str) -> float:
    try:
        x = float(value)
    except (TypeError, ValueError):
        x = float("nan")
    if not 0 <= x <= 1:
        raise DataError(_("The {model} model needs {name} between 0 and 1, got {value!r}.")
                        .format(model=model, name=name, value=value))
    return x


class _Batch:
    """The state of one batch of runs: who adopted, and when."""

    def __init__(self, n: int, runs: int):
        self.n, self.runs = n, runs
        self.adopted = np.zeros((n, runs), dtype=bool)
        self.when = np.full((n, runs), -1, dtype=np.int32)
        self.counts: list[np.ndarray] = []
        self._now = np.zeros(runs, dtype=np.int64)

    def adopt(self, rows: np.ndarray, cols: np.ndarray, step: int) -> tuple[np.ndarray,
                                                                          np.ndarray]:
        # callers pass each (person, run) at most once: sparse products and np.nonzero give
        # unique coordinates, and seed sets are de-duplicated
        keep = ~self.adopted[rows, cols]
        rows, cols = rows[keep], cols[keep]
        self.adopted[rows, cols] = True
        self.when[rows, cols] = step
        self._now += np.bincount(cols, minlength=self.runs)
        return rows, cols

    def record(self) -> None:
        self.counts.append(self._now.copy())

    def frontier(self, rows: np.ndarray, cols: np.ndarray, dtype: Any = np.float64,
                 ) -> sp.csc_matrix:
        return sp.csr_matrix((np.ones(len(rows), dtype=dtype), (rows, cols)),
                             shape=(self.n, self.runs))


def _spread_products(M: sp.csr_matrix, frontier: sp.csc_matrix) -> tuple[np.ndarray, ...]:
    """Entries (row, col, value) of ``M @ frontier``: what the new adopters send to whom."""
    prod = (M @ frontier).tocoo()
    return prod.row, prod.col, prod.data


def _run_cascade(batch: _Batch, L: sp.csr_matrix, new: tuple, rng: np.random.Generator,
                 steps: int) -> None:
    rows, cols = new
    for step in range(1, steps + 1):
        if not len(rows):
            break
        r, c, logsum = _spread_products(L, batch.frontier(rows, cols))
        keep = ~batch.adopted[r, c]
        r, c, logsum = r[keep], c[keep], logsum[keep]
        hit = rng.random(len(r)) < -np.expm1(logsum)
        rows, cols = batch.adopt(r[hit], c[hit], step)
        batch.record()


def _run_threshold(batch: _Batch, W: sp.csr_matrix, theta: np.ndarray, new: tuple,
                   steps: int) -> None:
    # what is still missing to reach each threshold; +inf once adopted (never counted again).
    # ``theta`` is a fresh array made for this batch, so it is used up in place.
    missing = theta
    rows, cols = new
    missing[rows, cols] = np.inf
    for step in range(1, steps + 1):
        if not len(rows):
            break
        r, c, w = _spread_products(W, batch.frontier(rows, cols))
        left = missing[r, c] - w
        missing[r, c] = left
        keep = left <= 1e-12
        rows, cols = batch.adopt(r[keep], c[keep], step)
        missing[rows, cols] = np.inf
        batch.record()


def _run_complex(batch: _Batch, A: sp.csr_matrix, need: np.ndarray, q: float, new: tuple,
                 rng: np.random.Generator, steps: int) -> None:
    exposed = np.zeros((batch.n, batch.runs), dtype=np.int32)
    ready = np.zeros((batch.n, batch.runs), dtype=bool)
    rows, cols = new
    for step in range(1, steps + 1):
        if len(rows):
            r, c, k = _spread_products(A, batch.frontier(rows, cols))
            exposed[r, c] += np.rint(k).astype(np.int32)
            ready[r, c] |= exposed[r, c] >= need[r]
        waiting = ready & ~batch.adopted
        if not waiting.any():
            break
        r, c = np.nonzero(waiting)
        if q < 1:
            go = rng.random(len(r)) < q
            r, c = r[go], c[go]
        rows, cols = batch.adopt(r.astype(np.int64), c.astype(np.int64), step)
        batch.record()


def _run_broadcast(batch: _Batch, A: sp.csr_matrix, p: float, q: float, new: tuple,
                   rng: np.random.Generator, steps: int) -> None:
    exposed = np.zeros((batch.n, batch.runs), dtype=np.float64)
    rows, cols = new
    log_stay_q = math.log1p(-q) if q < 1 else -np.inf
    log_stay_p = math.log1p(-p) if p < 1 else -np.inf
    for step in range(1, steps + 1):
        if len(rows):
            r, c, k = _spread_products(A, batch.frontier(rows, cols))
            exposed[r, c] += k
        with np.errstate(invalid="ignore"):
            log_stay = log_stay_p + np.where(exposed > 0, exposed * log_stay_q, 0.0)
        chance = -np.expm1(log_stay)
        draw = rng.random((batch.n, batch.runs)) < chance
        draw &= ~batch.adopted
        r, c = np.nonzero(draw)
        rows, cols = batch.adopt(r.astype(np.int64), c.astype(np.int64), step)
        batch.record()
        if p == 0 and not len(rows):
            break


def _need_matrix(G: nx.Graph, nodes: list, A: sp.csr_matrix, k: int | None,
                 fraction: float | None) -> np.ndarray:
    contacts = np.asarray((A > 0).sum(axis=1)).ravel()
    if fraction is not None:
        fraction = _check_probability("fraction", fraction, "complex")
        need = np.ceil(fraction * contacts - 1e-9).astype(np.int64)
        return np.maximum(need, 1)
    if k is None or int(k) != k or k < 1:
        raise DataError(_("The complex model needs k, a whole number of colleagues of at "
                          "least 1 (or a fraction), got {k!r}.").format(k=k))
    return np.full(len(nodes), int(k), dtype=np.int64)


def _thresholds(theta: Any, nodes: list, runs: int, rng: np.random.Generator) -> np.ndarray:
    n = len(nodes)
    if theta is None:
        return rng.random((n, runs))
    if isinstance(theta, Mapping):
        missing = [v for v in nodes if v not in theta]
        if missing:
            raise DataError(_("thresholds: no threshold for {n} people, e.g. {person!r}.\n"
                              "  What to do: give everyone a threshold between 0 and 1.")
                            .format(n=len(missing), person=missing[0]))
        vals = np.array([float(theta[v]) for v in nodes])
    else:
        vals = np.full(n, float(theta))
    if np.any((vals < 0) | (vals > 1)) or np.any(np.isnan(vals)):
        raise DataError(_("thresholds must lie between 0 and 1."))
    return np.repeat(vals[:, None], runs, axis=1)


def _summarise(counts: np.ndarray, when: np.ndarray, nodes: list, model: str,
               params: dict, k_seeds: float) -> AdoptionResult:
    n = len(nodes)
    steps_, runs = counts.shape
    share = counts / max(n, 1)
    curve = pd.DataFrame({
        "run": np.tile(np.arange(runs), steps_),
        "step": np.repeat(np.arange(steps_), runs),
        "adopters": counts.ravel().astype(np.int64),
        "share": share.ravel(),
    })
    final = share[-1]
    half = share >= 0.5
    reached = half.any(axis=0)
    t_half = np.where(reached, half.argmax(axis=0), -1).astype(float)
    t_ok = t_half[reached]

    def q(x: np.ndarray, p: float) -> float:
        return float(np.quantile(x, p)) if len(x) else float("nan")

    summary = pd.DataFrame([{
        "model": model, "runs": runs, "people": n, "seeds": k_seeds,
        "final_share_mean": float(final.mean()) if runs else float("nan"),
        "final_share_low": q(final, _TAIL), "final_share_high": q(final, 1 - _TAIL),
        "time_to_half_mean": float(t_ok.mean()) if len(t_ok) else float("nan"),
        "time_to_half_low": q(t_ok, _TAIL), "time_to_half_high": q(t_ok, 1 - _TAIL),
        "share_of_runs_reaching_half": float(reached.mean()) if runs else float("nan"),
    }])
    adopted = when >= 0
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_step = np.where(adopted.any(axis=1),
                             np.where(adopted, when, 0).sum(axis=1)
                             / np.maximum(adopted.sum(axis=1), 1), np.nan)
    people = pd.DataFrame({"probability": adopted.mean(axis=1), "mean_step": mean_step},
                          index=pd.Index(nodes, name="person"))
    band = pd.DataFrame({"step": np.arange(steps_), "mean": share.mean(axis=1),
                         "low": np.quantile(share, _TAIL, axis=1),
                         "high": np.quantile(share, 1 - _TAIL, axis=1)})
    return AdoptionResult(curve=curve, summary=summary, people=people, band=band,
                          counts=counts, when=when, model=model, params=params)


def simulate_adoption(
    G: nx.Graph,
    seeds: Any,
    model: str = "cascade",
    runs: int = 1000,
    steps: int | None = None,
    seed: int | None = 0,
    *,
    weight: str | None = None,
    progress: bool | Callable[[int, int], None] = False,
    **params: Any,
) -> AdoptionResult:
    """Simulate how a new way of working spreads from the pioneers (Monte Carlo).

    Every run starts with the pioneers (``seeds``) as adopters at step 0; in each step people
    adopt according to the model. All runs are computed at once as one people x runs state
    matrix; each step is a sparse matrix product over the network's adjacency.

    Parameters
    ----------
    G
        The network (networkx Graph or DiGraph; influence flows along the edges).
    seeds
        The pioneers: a list of people, or one list per run (``runs`` lists).
    model
        ``"cascade"``: independent cascade [1]_: a new adopter gets one chance to convince
        each contact, with probability ``p`` (default 0.1). With ``weight``, a tie of
        strength ``w`` gives ``1 - (1 - p) ** (w / mean w)``: a tie of average strength has
        ``p``, stronger ties more, never more than 1.

        ``"threshold"``: linear threshold [1]_: a person adopts once the tie strength to
        adopters, as a share of all their tie strength, reaches their threshold;
        ``thresholds`` is ``None`` (random, uniform between 0 and 1, new in every run), one
        number for everyone, or a mapping person -> threshold.

        ``"complex"``: complex contagion [2]_: a person adopts once at least ``k`` contacts
        (default 2) have, or a ``fraction`` of their contacts; with ``q`` < 1 (default 1)
        they then adopt with probability ``q`` per step (not all at once).

        ``"broadcast"``: broadcasting plus conversation, a network Bass model [3]_: every
        step a person adopts from the campaign (the intranet newsletter, one-way) with
        probability ``p`` (default 0.01) and from each adopting contact with probability
        ``q`` (default 0.05). Runs ``steps`` steps (default 26: weeks of half a year).
    runs
        Number of Monte Carlo runs.
    steps
        At most this many steps (default: until nobody can adopt any more; 26 for
        ``"broadcast"``).
    seed
        Seed of the random numbers: the same seed gives the same result.
    weight
        Edge attribute with the tie strength (``"weight"``), or ``None``: all ties equal.
    progress
        ``True`` for a progress bar (tqdm), or a function ``f(done_runs, total_runs)``.
    **params
        The model's parameters (``p``, ``q``, ``k``, ``fraction``, ``thresholds``).

    Returns
    -------
    AdoptionResult
        ``curve`` (per run and step), ``summary`` (one row, with 90% intervals), ``people``
        (per person the probability and mean step of adoption) and ``band``.

    Raises
    ------
    socialhrm.data.DataError
        An unknown model or parameter, a parameter out of range, or a pioneer who is not in
        the network.

    References
    ----------
    .. [1] Kempe, Kleinberg & Tardos (2003), Maximizing the spread of influence through a
       social network.
    .. [2] Centola & Macy (2007), Complex contagions and the weakness of long ties.
    .. [3] Bass (1969), A new product growth for model consumer durables.

    Examples
    --------
    A ring of 10 people where each knows their two neighbours on either side: with two
    neighbouring pioneers, complex contagion (k=2) reaches everybody.

    >>> ring = nx.watts_strogatz_graph(10, 4, 0)
    >>> res = simulate_adoption(ring, [0, 1], "complex", runs=1, k=2)
    >>> res.summary["final_share_mean"].iloc[0]
    np.float64(1.0)
    >>> res.people["mean_step"].max()
    np.float64(4.0)
    """
    if model not in MODELS:
        raise DataError(_("Unknown model {model!r}; choose one of {models}.")
                        .format(model=model, models=", ".join(MODELS)))
    allowed = {"cascade": {"p"}, "threshold": {"thresholds"}, "complex": {"k", "fraction", "q"},
               "broadcast": {"p", "q"}}[model]
    unknown = set(params) - allowed
    if unknown:
        raise DataError(_("The {model} model has no parameter {names}; it takes {allowed}.")
                        .format(model=model, names=", ".join(sorted(unknown)),
                                allowed=", ".join(sorted(allowed))))
    runs = int(runs)
    if runs < 1:
        raise DataError(_("runs must be at least 1, got {runs}.").format(runs=runs))
    nodes, index = _nodes_index(G)
    n = len(nodes)
    seed_rows, seed_cols = _seed_rows(seeds, index, runs)
    M = _influence_matrix(G, index, weight)
    if steps is None:
        # the other models stop by themselves once nobody can adopt any more
        steps = BROADCAST_STEPS if model == "broadcast" else 1_000_000
    steps = int(steps)
    rng = np.random.default_rng(seed)
    used: dict[str, Any] = {"weight": weight}

    if model == "cascade":
        p = _check_probability("p", params.get("p", 0.1), model)
        used["p"] = p
        P = M.copy()
        if weight is None:
            P.data = np.full(P.nnz, p)
        else:
            mean_w = P.data.mean() if P.nnz else 1.0
            P.data = -np.expm1(P.data / mean_w * math.log1p(-p)) if p < 1 else np.ones(P.nnz)
        L = P.copy()
        with np.errstate(divide="ignore"):
            L.data = np.log1p(-np.minimum(P.data, 1.0))
        L.data[np.isneginf(L.data)] = -745.0  # certain transmission: exp(-745) == 0
    elif model == "threshold":
        totals = np.asarray(M.sum(axis=1)).ravel()
        W = sp.diags(np.divide(1.0, totals, out=np.zeros(n), where=totals > 0)) @ M
        W = sp.csr_matrix(W)
        used["thresholds"] = "random" if params.get("thresholds") is None else "given"
    elif model == "complex":
        A = M.copy()
        A.data = np.ones(A.nnz)
        need = _need_matrix(G, nodes, A, params.get("k", 2 if params.get("fraction") is None
                                                    else None), params.get("fraction"))
        q = _check_probability("q", params.get("q", 1.0), model)
        used.update(k=params.get("k", 2 if params.get("fraction") is None else None),
                    fraction=params.get("fraction"), q=q)
    else:
        A = M.copy()
        A.data = np.ones(A.nnz)
        p = _check_probability("p", params.get("p", 0.01), model)
        q = _check_probability("q", params.get("q", 0.05), model)
        used.update(p=p, q=q)

    batch_runs = max(1, min(runs, _BATCH_CELLS // max(n, 1)))
    all_counts, all_when = [], []
    bar = None
    if progress is True:
        from tqdm.auto import tqdm

        bar = tqdm(total=runs, desc=_("simulating"), unit=_("runs"), leave=False)
    for start in range(0, runs, batch_runs):
        stop = min(runs, start + batch_runs)
        batch = _Batch(n, stop - start)
        pick = (seed_cols >= start) & (seed_cols < stop)
        new = batch.adopt(seed_rows[pick], seed_cols[pick] - start, 0)
        batch.record()
        if model == "cascade":
            _run_cascade(batch, L, new, rng, steps)
        elif model == "threshold":
            theta = _thresholds(params.get("thresholds"), nodes, stop - start, rng)
            _run_threshold(batch, W, theta, new, steps)
        elif model == "complex":
            _run_complex(batch, A, need, q, new, rng, steps)
        else:
            _run_broadcast(batch, A, p, q, new, rng, steps)
        all_counts.append(np.vstack(batch.counts))
        all_when.append(batch.when)
        if bar is not None:
            bar.update(stop - start)
        elif callable(progress):
            progress(stop, runs)
    if bar is not None:
        bar.close()
    length = max(len(c) for c in all_counts)
    if model == "broadcast" and used["p"] > 0:
        length = max(length, steps + 1)
    padded = [np.vstack([c, np.repeat(c[-1:], length - len(c), axis=0)]) for c in all_counts]
    counts = np.hstack(padded)
    when = np.hstack(all_when)
    return _summarise(counts, when, nodes, model, used,
                      float(len(seed_rows)) / runs)


# ---------------------------------------------------------------------------------------
# Observed adoption
# ---------------------------------------------------------------------------------------
def _first_events(events: pd.DataFrame, event: str) -> pd.Series:
    for col in ("person_id", "timestamp", "event"):
        if col not in events.columns:
            raise DataError(_("events table: missing column {col!r}.\n  What to do: read the "
                              "events with socialhrm.data.read_events.").format(col=col))
    rows = events[events["event"] == event]
    if rows.empty:
        raise DataError(_("events table: no rows with event {event!r}.\n  What to do: check "
                          "the event's name (the events table has: {names}).")
                        .format(event=event,
                                names=", ".join(sorted(map(str, events["event"].unique())))))
    ts = pd.to_datetime(rows["timestamp"])
    return ts.groupby(rows["person_id"].astype(str)).min()


def _week_of(ts: pd.Series, start: pd.Timestamp) -> pd.Series:
    return ((ts - start) // pd.Timedelta(days=7)).astype(int)


def _launch(first: pd.Series, start: Any) -> pd.Timestamp:
    if start is not None:
        return pd.Timestamp(start).normalize()
    t0 = first.min().normalize()
    return t0 - pd.Timedelta(days=t0.weekday())  # the Monday of the first week


def first_adopters(events: pd.DataFrame, weeks: int = 1, *, event: str = "platform_first_post",
                   start: str | pd.Timestamp | None = None) -> list[str]:
    """The people who adopted in the first ``weeks`` weeks (the pilot), in order of adoption.

    Parameters
    ----------
    events
        The events table (see :func:`adoption_curve`).
    weeks
        How many weeks from the launch count as "first" (1: the launch week).
    event, start
        As in :func:`adoption_curve`.

    Returns
    -------
    list of str
        Person ids, earliest first.

    Examples
    --------
    >>> ev = pd.DataFrame({"person_id": ["a", "b", "c"], "event": "post",
    ...                    "timestamp": pd.to_datetime(["2025-02-04", "2025-02-03",
    ...                                                 "2025-02-12"])})
    >>> first_adopters(ev, event="post")
    ['b', 'a']
    """
    first = _first_events(events, event).sort_values(kind="stable")
    week = _week_of(first, _launch(first, start))
    return [str(p) for p in week[week < int(weeks)].index]


def adoption_curve(
    events: pd.DataFrame,
    people: pd.DataFrame,
    by: str | None = None,
    min_group_size: int | None = 5,
    G: nx.Graph | None = None,
    *,
    event: str = "platform_first_post",
    start: str | pd.Timestamp | None = None,
    weeks: int | None = None,
) -> pd.DataFrame:
    """The observed adoption, week by week: the share of people who adopted so far.

    Parameters
    ----------
    events
        The events table (``person_id``, ``timestamp``, ``event``); a person adopts at their
        first ``event``.
    people
        The people table: everybody in it counts in the denominator.
    by
        A column of ``people`` (``"department"``) for one curve per group, or ``None``.
    min_group_size
        Groups smaller than this are merged into one labelled group (the privacy gate,
        :func:`socialhrm.privacy.merge_small_groups`; never below its floor).
    G
        Optional network: adds how many of each week's adopters had a contact who adopted
        before them (see :func:`exposure_at_adoption`).
    event
        Which event marks adoption.
    start
        Day 0 of week 0 (default: the Monday of the week of the first adoption).
    weeks
        Number of weeks to show (default: up to the last adoption).

    Returns
    -------
    pandas.DataFrame
        One row per group and week: ``group`` (``"all"`` without ``by``), ``week`` (0 = the
        launch week), ``week_start``, ``people`` (in the group), ``new_adopters``,
        ``adopters`` (so far), ``share``; with ``G`` also ``new_with_earlier_contact``.

    References
    ----------
    Valente (1996), Social network thresholds in the diffusion of innovations.

    Examples
    --------
    >>> people = pd.DataFrame({"person_id": list("abcdef"), "team": ["x"] * 6})
    >>> ev = pd.DataFrame({"person_id": ["a", "b", "c"], "event": "first_post",
    ...                    "timestamp": pd.to_datetime(["2025-02-03", "2025-02-05",
    ...                                                 "2025-02-12"])})
    >>> adoption_curve(ev, people, event="first_post")[["week", "adopters", "share"]].round(2)
       week  adopters  share
    0     0         2   0.33
    1     1         3   0.50
    """
    first = _first_events(events, event)
    if "person_id" not in people.columns:
        raise DataError(_("people table: missing column 'person_id'."))
    ids = people["person_id"].astype(str)
    first = first[first.index.isin(set(ids))]
    t0 = _launch(first, start)
    week = _week_of(first, t0)
    last = int(week.max()) if weeks is None else int(weeks) - 1
    if by is None:
        groups = pd.Series("all", index=ids.values)
    else:
        if by not in people.columns:
            raise DataError(_("people table has no column {by!r}; choose one of {cols}.")
                            .format(by=by, cols=", ".join(map(str, people.columns))))
        from socialhrm.privacy import merge_small_groups

        groups = merge_small_groups(pd.Series(people[by].values, index=ids.values),
                                    min_group_size)
    earlier = None
    if G is not None:
        expo = exposure_at_adoption(G, events, event=event)
        earlier = expo["earlier_contacts"] > 0
    frames = []
    for group, members in groups.groupby(groups, sort=True):
        member_ids = set(members.index)
        w = week[week.index.isin(member_ids)]
        new = w.value_counts().reindex(range(last + 1), fill_value=0).sort_index()
        frame = pd.DataFrame({
            "group": str(group), "week": np.arange(last + 1),
            "week_start": [t0 + pd.Timedelta(days=7 * i) for i in range(last + 1)],
            "people": len(member_ids), "new_adopters": new.values.astype(int),
        })
        frame["adopters"] = frame["new_adopters"].cumsum()
        frame["share"] = frame["adopters"] / frame["people"]
        if earlier is not None:
            e = earlier[earlier.index.isin(member_ids)]
            ew = w[e.reindex(w.index, fill_value=False).values]
            frame["new_with_earlier_contact"] = (
                ew.value_counts().reindex(range(last + 1), fill_value=0).sort_index().values)
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


def exposure_at_adoption(G: nx.Graph, events: pd.DataFrame, *,
                         event: str = "platform_first_post") -> pd.DataFrame:
    """Per adopter: how many contacts had adopted before them (Valente's threshold).

    Parameters
    ----------
    G
        The network; a person's contacts are their neighbours (in a directed network: the
        people with a tie to them, whose influence reaches them).
    events
        The events table; a person adopts at their first ``event``.
    event
        Which event marks adoption.

    Returns
    -------
    pandas.DataFrame
        One row per adopter in ``G`` (index ``person``), in order of adoption: ``adopted_at``,
        ``contacts``, ``earlier_contacts`` (contacts who adopted strictly before) and
        ``threshold`` (``earlier_contacts / contacts``: the exposure at which the person
        adopted; NaN without contacts).

    References
    ----------
    Valente (1996), Social network thresholds in the diffusion of innovations.

    Examples
    --------
    >>> G = nx.path_graph(["a", "b", "c"])
    >>> ev = pd.DataFrame({"person_id": ["a", "b"], "event": "post",
    ...                    "timestamp": pd.to_datetime(["2025-02-03", "2025-02-10"])})
    >>> exposure_at_adoption(G, ev, event="post")["threshold"].to_dict()
    {'a': 0.0, 'b': 0.5}
    """
    first = _first_events(events, event)
    first = first[first.index.isin(set(map(str, G.nodes)))].sort_values(kind="stable")
    label = {str(v): v for v in G.nodes}
    rows = []
    for pid, when in first.items():
        v = label[pid]
        nbrs = list(G.predecessors(v)) if G.is_directed() else list(G.neighbors(v))
        nbrs = [u for u in nbrs if u != v]
        before = sum(1 for u in nbrs if str(u) in first.index and first[str(u)] < when)
        rows.append((v, when, len(nbrs), before,
                     before / len(nbrs) if nbrs else float("nan")))
    out = pd.DataFrame(rows, columns=["person", "adopted_at", "contacts", "earlier_contacts",
                                      "threshold"]).set_index("person")
    return out


# ---------------------------------------------------------------------------------------
# Choosing pioneers
# ---------------------------------------------------------------------------------------
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

    A = _influence_matrix(G, index, None).T.tocsr()  # from u to v
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
        nodes, index = _nodes_index(G)
        self.n, self.samples = len(nodes), samples
        rng = np.random.default_rng(seed)
        n, R = self.n, samples
        if model == "cascade":
            M = _influence_matrix(G, index, weight).tocoo()  # M[v, u]: u influences v
            p = _check_probability("p", params.get("p", 0.1), model)
            if weight is None:
                prob = np.full(M.nnz, p)
            else:
                mean_w = M.data.mean() if M.nnz else 1.0
                prob = -np.expm1(M.data / mean_w * math.log1p(-p)) if p < 1 else np.ones(M.nnz)
            live = rng.random((R, M.nnz)) < prob
            run, e = np.nonzero(live)
            src, dst = M.col[e], M.row[e]
        else:
            W = _influence_matrix(G, index, weight)
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
        first = _first_events(events, event).sort_values(kind="stable")
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
DEFAULT_GRID: dict[str, list[dict[str, Any]]] = {
    "cascade": [{"p": p} for p in (0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5)],
    "complex": [{"k": k, "q": q} for k in (1, 2, 3) for q in (0.05, 0.1, 0.2, 0.4, 0.7, 1.0)],
    "broadcast": [{"p": p, "q": q} for p in (0.0, 0.002, 0.005, 0.01, 0.02)
                  for q in (0.01, 0.02, 0.05, 0.1, 0.2)],
}


def fit_adoption(
    G: nx.Graph,
    events: pd.DataFrame,
    models: Iterable[str] = ("cascade", "complex", "broadcast"),
    *,
    grid: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
    runs: int = 200,
    seed: int | None = 0,
    event: str = "platform_first_post",
    start: str | pd.Timestamp | None = None,
    weeks: int | None = None,
    weight: str | None = None,
    progress: bool = False,
) -> pd.DataFrame:
    """Find the model and parameters that reproduce the observed adoption curve best.

    The people who adopted in week 0 are the pioneers; every model on the grid is simulated
    from them (``runs`` runs, one step per week) and compared with the observed share of
    adopters per week by the root-mean-square difference between the observed curve and the
    mean simulated curve (a least-squares grid search). The best fit has the lowest ``rmse``.

    Parameters
    ----------
    G
        The network the change spread through.
    events
        The observed events (see :func:`adoption_curve`).
    models
        Which models to try.
    grid
        Per model a list of parameter settings (default :data:`DEFAULT_GRID`).
    runs, seed, weight
        As in :func:`simulate_adoption`.
    event, start, weeks
        As in :func:`adoption_curve`.
    progress
        Show a progress bar (tqdm) over the settings.

    Returns
    -------
    pandas.DataFrame
        One row per model and setting, best first: ``model``, ``label``, ``params`` (a dict),
        the parameters as columns (``p``, ``q``, ``k``), ``rmse``, ``final_share`` (mean
        simulated) and ``observed_final_share``.

    Examples
    --------
    >>> G = nx.path_graph(["a", "b", "c", "d"])
    >>> ev = pd.DataFrame({"person_id": ["a", "b", "c"], "event": "post",
    ...                    "timestamp": pd.to_datetime(["2025-02-03", "2025-02-10",
    ...                                                 "2025-02-17"])})
    >>> fit = fit_adoption(G, ev, ["complex"], grid={"complex": [{"k": 1, "q": 1.0},
    ...                    {"k": 2, "q": 1.0}]}, runs=1, event="post", weeks=3)
    >>> fit.iloc[0]["params"]
    {'k': 1, 'q': 1.0}
    """
    label = {str(v): v for v in G.nodes}
    people = pd.DataFrame({"person_id": list(label)})
    observed = adoption_curve(events, people, event=event, start=start, weeks=weeks)
    share = observed["share"].to_numpy(float)
    pioneers = [label[p] for p in first_adopters(events, 1, event=event, start=start)
                if p in label]
    if not pioneers:
        raise DataError(_("fit_adoption: nobody adopted in week 0, so there are no pioneers "
                          "to start from.\n  What to do: set start= to the launch date."))
    grid = dict(DEFAULT_GRID if grid is None else grid)
    steps = len(share) - 1
    models = list(models)
    for model in models:
        if model not in grid:
            raise DataError(_("fit_adoption: no parameter grid for the model {model!r}.")
                            .format(model=model))
    todo = [(model, setting) for model in models for setting in grid[model]]
    if progress:
        from tqdm.auto import tqdm

        todo = tqdm(todo, desc=_("fitting"), leave=False)
    rows = []
    for model, setting in todo:
        res = simulate_adoption(G, pioneers, model, runs=runs, steps=steps, seed=seed,
                                weight=weight, **setting)
        sim = res.band["mean"].to_numpy()
        sim = np.concatenate([sim, np.repeat(sim[-1:], max(0, len(share) - len(sim)))])
        sim = sim[:len(share)]
        rmse = float(np.sqrt(np.mean((sim - share) ** 2)))
        row = {"model": model, "label": _(MODELS[model]), "params": dict(setting)}
        row.update(setting)
        row.update(rmse=rmse, final_share=float(sim[-1]),
                   observed_final_share=float(share[-1]))
        rows.append(row)
    out = pd.DataFrame(rows).sort_values("rmse", kind="stable").reset_index(drop=True)
    return out
