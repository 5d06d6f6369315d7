"""Simulating how a new way of working spreads: four models, runs batched over sparse matrices."""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from socialhrm.data import DataError
from socialhrm.i18n import N_, _

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
def nodes_index(G: nx.Graph) -> tuple[list[Hashable], dict[Hashable, int]]:
    """The graph's people in order, and each one's row number."""
    nodes = list(G.nodes)
    return nodes, {v: i for i, v in enumerate(nodes)}


def influence_matrix(G: nx.Graph, index: Mapping[Hashable, int],
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


def check_probability(name: str, value: Any, model: str) -> float:
    """A probability parameter as a float in [0, 1], or a DataError naming it."""
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
        fraction = check_probability("fraction", fraction, "complex")
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
    nodes, index = nodes_index(G)
    n = len(nodes)
    seed_rows, seed_cols = _seed_rows(seeds, index, runs)
    M = influence_matrix(G, index, weight)
    if steps is None:
        # the other models stop by themselves once nobody can adopt any more
        steps = BROADCAST_STEPS if model == "broadcast" else 1_000_000
    steps = int(steps)
    rng = np.random.default_rng(seed)
    used: dict[str, Any] = {"weight": weight}

    if model == "cascade":
        p = check_probability("p", params.get("p", 0.1), model)
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
        q = check_probability("q", params.get("q", 1.0), model)
        used.update(k=params.get("k", 2 if params.get("fraction") is None else None),
                    fraction=params.get("fraction"), q=q)
    else:
        A = M.copy()
        A.data = np.ones(A.nnz)
        p = check_probability("p", params.get("p", 0.01), model)
        q = check_probability("q", params.get("q", 0.05), model)
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
