"""Networks over time and their comparison: windows, QAP, bootstrap intervals, collaboration.

- :func:`windows` — one network per period (week, month, quarter) from an interaction log;
- :func:`qap_correlation` — how alike two networks on the same people are, with the
  quadratic assignment procedure's permutation test (Krackhardt 1987);
- :func:`mrqap` — regression of one network on others, with Dekker, Krackhardt & Snijders'
  (2007) double semi-partialling permutation test;
- :func:`bootstrap_measure` — an interval for a network figure by resampling people
  (Snijders & Borgatti 1999);
- :func:`collaboration_measures` — per period the measures Yang et al. (2022) used to study
  firm-wide remote work: the share of cross-group ties, bridging ties and weak vs strong
  ties;
- :func:`before_after` — a change's before and after, side by side, with intervals and QAP.

References
----------
Krackhardt, D. (1987). QAP partialling as a test of spuriousness. *Social Networks* 9, 171–186.
Dekker, D., Krackhardt, D. & Snijders, T. A. B. (2007). Sensitivity of MRQAP tests to
collinearity and autocorrelation conditions. *Psychometrika* 72, 563–581.
Snijders, T. A. B. & Borgatti, S. P. (1999). Non-parametric standard errors and tests for
network statistics. *Connections* 22, 161–170.
Yang, L., Holtz, D., Jaffe, S., et al. (2022). The effects of remote work on collaboration
among information workers. *Nature Human Behaviour* 6, 43–54.

Examples
--------
>>> import networkx as nx
>>> G = nx.gnp_random_graph(30, 0.2, seed=1, directed=True)
>>> round(qap_correlation(G, G, permutations=50)["correlation"], 3)
1.0
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from socialhrm.data import DataError
from socialhrm.i18n import _

__all__ = [
    "before_after",
    "bootstrap_measure",
    "collaboration_measures",
    "mrqap",
    "qap_correlation",
    "windows",
]

FREQS = {"W": "W", "M": "M", "Q": "Q", "Y": "Y"}


def _log(log: pd.DataFrame) -> pd.DataFrame:
    if not isinstance(log, pd.DataFrame) or not {"sender", "recipient"} <= set(log.columns):
        raise DataError(_("The interaction log needs the columns sender and recipient; read "
                          "it with socialhrm.read_interactions first."))
    if "timestamp" not in log.columns or log["timestamp"].isna().all():
        raise DataError(_("The interaction log has no timestamps, so it cannot be split "
                          "into periods."))
    return log


def windows(log: pd.DataFrame, freq: str = "M", people: pd.DataFrame | None = None, *,
            directed: bool = True, min_weight: float | None = None) -> dict[str, nx.Graph]:
    """One network per period: who interacted with whom in each week, month, quarter or year.

    Parameters
    ----------
    log
        An interaction log (:func:`socialhrm.data.read_interactions`).
    freq
        ``"W"`` (weeks), ``"M"`` (months), ``"Q"`` (quarters) or ``"Y"`` (years).
    people
        The people table: every network then has every person, also those quiet in a
        period, so that periods compare like with like.
    directed, min_weight
        As for :func:`socialhrm.network.build_network`.

    Returns
    -------
    dict
        ``period label -> graph``, in time order (labels like ``"2025-03"``).

    Examples
    --------
    >>> log = pd.DataFrame({"sender": ["a", "b", "a"], "recipient": ["b", "c", "c"],
    ...                     "timestamp": pd.to_datetime(["2025-01-05", "2025-01-20",
    ...                                                  "2025-02-02"])})
    >>> {k: g.number_of_edges() for k, g in windows(log).items()}
    {'2025-01': 2, '2025-02': 1}
    """
    from socialhrm.network import build_network

    log = _log(log)
    if freq not in FREQS:
        raise DataError(_("windows: freq must be W, M, Q or Y, not {freq!r}.").format(freq=freq))
    periods = pd.to_datetime(log["timestamp"]).dt.to_period(FREQS[freq])
    out: dict[str, nx.Graph] = {}
    for period in sorted(periods.dropna().unique()):
        part = log[periods == period]
        G = build_network(part.reset_index(drop=True), people, directed=directed,
                          min_weight=min_weight)
        G.graph["period"] = str(period)
        out[str(period)] = G
    return out


def _matrices(graphs: Sequence[nx.Graph], nodes: Sequence[Hashable] | None,
              weight: str | None) -> tuple[list[np.ndarray], list[Hashable]]:
    if nodes is None:
        common = set(graphs[0])
        for G in graphs[1:]:
            common &= set(G)
        nodes = sorted(common, key=str)
    nodes = list(nodes)
    if len(nodes) < 3:
        raise DataError(_("QAP needs at least 3 people present in every network; these have "
                          "{n} in common.").format(n=len(nodes)))
    mats = [nx.to_numpy_array(G, nodelist=nodes, weight=weight) for G in graphs]
    return mats, nodes


def _offdiag(n: int) -> np.ndarray:
    return ~np.eye(n, dtype=bool)


def qap_correlation(G1: nx.Graph, G2: nx.Graph, *, permutations: int = 1000, seed: int = 0,
                    nodes: Sequence[Hashable] | None = None,
                    weight: str | None = None) -> dict[str, float]:
    """The correlation between two networks on the same people, with a QAP permutation test.

    The networks' adjacency matrices are correlated over all ordered pairs of different
    people; the test permutes the people of one network (rows and columns together), which
    keeps each network's own structure and so gives an honest p-value where an ordinary
    correlation test would not (Krackhardt 1987).

    Parameters
    ----------
    G1, G2
        The networks; only the people in both (or ``nodes``) are used.
    permutations
        How many permutations for the p-value.
    seed
        The same seed gives the same p-value.
    nodes
        The people to compare (default: those in both networks).
    weight
        An edge attribute to correlate instead of presence (0/1).

    Returns
    -------
    dict
        ``correlation``, ``p_value`` (share of permutations at least as large, one-sided),
        ``p_two_sided``, ``permutations``, ``people``.

    Examples
    --------
    >>> G = nx.gnp_random_graph(40, 0.1, seed=3, directed=True)
    >>> H = nx.gnp_random_graph(40, 0.1, seed=4, directed=True)
    >>> qap_correlation(G, H, permutations=200)["p_value"] > 0.01
    True
    """
    (a, b), nodes = _matrices([G1, G2], nodes, weight)
    n = len(nodes)
    mask = _offdiag(n)
    x, y = a[mask], b[mask]
    if x.std() == 0 or y.std() == 0:
        raise DataError(_("QAP: one of the networks has no variation (no ties, or every "
                          "possible tie); a correlation is not defined."))
    observed = float(np.corrcoef(x, y)[0, 1])
    rng = np.random.default_rng(seed)
    perms = np.empty(permutations)
    for i in range(permutations):
        p = rng.permutation(n)
        perms[i] = np.corrcoef(x, b[np.ix_(p, p)][mask])[0, 1]
    return {"correlation": observed,
            "p_value": float((np.sum(perms >= observed) + 1) / (permutations + 1)),
            "p_two_sided": float((np.sum(np.abs(perms) >= abs(observed)) + 1)
                                 / (permutations + 1)),
            "permutations": permutations, "people": n}


def mrqap(y: nx.Graph, predictors: dict[str, nx.Graph], *, permutations: int = 1000,
          seed: int = 0, nodes: Sequence[Hashable] | None = None,
          weight: str | None = None) -> pd.DataFrame:
    """Multiple regression of one network on others, with the double semi-partialling test.

    Ordinary least squares over all ordered pairs of different people; each coefficient's
    p-value comes from permuting the people of that predictor's residuals after regressing
    it on the other predictors (Dekker, Krackhardt & Snijders 2007), which stays correct
    when predictors are correlated.

    Parameters
    ----------
    y
        The network to explain (e.g. the advice network).
    predictors
        ``name -> network`` (e.g. ``{"same_department": D, "reports_to": chart}``).
    permutations, seed, nodes, weight
        As for :func:`qap_correlation`.

    Returns
    -------
    pandas.DataFrame
        One row per term (``intercept`` first): ``coefficient``, ``t``, ``p_value``
        (two-sided); ``attrs["r_squared"]``.

    Examples
    --------
    >>> G = nx.gnp_random_graph(30, 0.2, seed=1, directed=True)
    >>> table = mrqap(G, {"itself": G}, permutations=50)
    >>> float(round(table.loc["itself", "coefficient"], 6))
    1.0
    """
    if not predictors:
        raise DataError(_("mrqap needs at least one predictor network."))
    names = list(predictors)
    mats, nodes = _matrices([y, *predictors.values()], nodes, weight)
    n = len(nodes)
    mask = _offdiag(n)
    Y = mats[0][mask]
    X = np.column_stack([np.ones(mask.sum())] + [m[mask] for m in mats[1:]])
    if np.linalg.matrix_rank(X) < X.shape[1]:
        raise DataError(_("mrqap: the predictors are collinear (one is a copy or a sum of "
                          "others, or has no variation); leave one out."))

    def fit(design: np.ndarray, target: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        beta, *_rest = np.linalg.lstsq(design, target, rcond=None)
        resid = target - design @ beta
        dof = max(len(target) - design.shape[1], 1)
        cov = (resid @ resid / dof) * np.linalg.inv(design.T @ design)
        return beta, beta / np.sqrt(np.diag(cov))

    beta, tvals = fit(X, Y)
    rng = np.random.default_rng(seed)
    pvals = [np.nan]
    for j in range(1, X.shape[1]):
        others = np.delete(X, j, axis=1)
        gamma, *_rest = np.linalg.lstsq(others, X[:, j], rcond=None)
        resid = np.zeros((n, n))
        resid[mask] = X[:, j] - others @ gamma
        count = 0
        for _i in range(permutations):
            p = rng.permutation(n)
            design = X.copy()
            design[:, j] = resid[np.ix_(p, p)][mask]
            _b, t = fit(design, Y)
            count += abs(t[j]) >= abs(tvals[j])
        pvals.append((count + 1) / (permutations + 1))
    fitted = X @ beta
    r2 = 1 - ((Y - fitted) ** 2).sum() / max(((Y - Y.mean()) ** 2).sum(), 1e-300)
    table = pd.DataFrame({"coefficient": beta, "t": tvals, "p_value": pvals},
                         index=pd.Index(["intercept", *names], name="term"))
    table.attrs.update(r_squared=float(r2), permutations=permutations, people=n)
    return table


def _density(A: np.ndarray, directed: bool) -> float:
    n = len(A)
    return float(A.sum() / (n * (n - 1))) if n > 1 else float("nan")


def _reciprocity(A: np.ndarray, directed: bool) -> float:
    total = A.sum()
    return float((A * A.T).sum() / total) if total else float("nan")


def _mean_degree(A: np.ndarray, directed: bool) -> float:
    return float(A.sum() / len(A))


def _clustering(A: np.ndarray, directed: bool) -> float:
    S = ((A + A.T) > 0).astype(float)
    k = S.sum(axis=1)
    triangles = ((S @ S) * S).sum(axis=1) / 2
    pairs = k * (k - 1) / 2
    local = np.divide(triangles, pairs, out=np.zeros_like(triangles), where=pairs > 0)
    return float(local.mean())


#: Built-in measures, computed on the 0/1 adjacency matrix (fast enough for many runs); they
#: equal networkx's density, reciprocity, mean degree and average clustering.
_MEASURES: dict[str, Callable[[np.ndarray, bool], float]] = {
    "density": _density,
    "reciprocity": _reciprocity,
    "mean_degree": _mean_degree,
    "clustering": _clustering,
}


def bootstrap_measure(G: nx.Graph, measure: str | Callable[[nx.Graph], float] = "density", *,
                      runs: int = 1000, seed: int = 0, level: float = 0.9) -> dict[str, Any]:
    """A figure of a network with a bootstrap interval, by resampling its people.

    People are drawn with replacement and the network among the drawn people (a person
    drawn twice appears twice, with the same ties) is measured again (Snijders & Borgatti
    1999); the spread of those values is the figure's standard error, and the interval is
    the estimate plus and minus that many standard errors (a normal interval: the node
    bootstrap's own percentiles are biased for some figures, e.g. clustering). Use it to say
    how sure a figure is before comparing two periods or two organisations.

    Parameters
    ----------
    G
        The network.
    measure
        ``"density"``, ``"reciprocity"``, ``"mean_degree"`` (ties per person),
        ``"clustering"`` (average local clustering, ties taken as undirected) or a function
        ``graph -> number`` (it gets graphs with people numbered 0..n-1).
    runs
        Bootstrap samples.
    seed
        The same seed gives the same interval.
    level
        The interval's coverage (0.9: from the 5th to the 95th percentile).

    Returns
    -------
    dict
        ``measure``, ``estimate``, ``low``, ``high``, ``standard_error``, ``runs``.

    Examples
    --------
    >>> G = nx.gnp_random_graph(60, 0.1, seed=2)
    >>> out = bootstrap_measure(G, "density", runs=200)
    >>> out["low"] <= out["estimate"] <= out["high"]
    True
    """
    fn = _MEASURES.get(measure) if isinstance(measure, str) else measure
    if fn is None:
        raise DataError(_("bootstrap_measure: unknown measure {m!r}; choose one of {all}, or "
                          "pass a function.").format(m=measure, all=", ".join(_MEASURES)))
    if not 0 < level < 1:
        raise DataError(_("bootstrap_measure: level must be between 0 and 1."))
    nodes = list(G)
    if len(nodes) < 3:
        raise DataError(_("bootstrap_measure needs a network of at least 3 people."))
    directed = G.is_directed()
    A = (nx.to_numpy_array(G, nodelist=nodes, weight=None) > 0).astype(float)
    np.fill_diagonal(A, 0)
    if isinstance(measure, str):
        def measure_of(M: np.ndarray) -> float:
            return fn(M, directed)
    else:
        def measure_of(M: np.ndarray) -> float:
            H = nx.from_numpy_array(M, create_using=nx.DiGraph if directed else nx.Graph)
            return float(fn(H))
    rng = np.random.default_rng(seed)
    values = np.empty(runs)
    for i in range(runs):
        pick = rng.integers(0, len(nodes), len(nodes))
        values[i] = measure_of(A[np.ix_(pick, pick)])  # a person drawn twice: no self-tie
    from scipy.stats import norm

    ok = values[~np.isnan(values)]
    estimate = measure_of(A)
    se = float(ok.std(ddof=1)) if len(ok) > 1 else float("nan")
    z = float(norm.ppf(0.5 + level / 2))
    return {"measure": measure if isinstance(measure, str) else getattr(measure, "__name__", "f"),
            "estimate": estimate, "low": estimate - z * se, "high": estimate + z * se,
            "standard_error": se, "runs": runs}


def collaboration_measures(log: pd.DataFrame, people: pd.DataFrame, *, by: str = "department",
                           freq: str = "M", strong_quantile: float = 0.5) -> pd.DataFrame:
    """Per period, the collaboration measures of Yang et al. (2022).

    For each period's undirected network (people who interacted at least once):

    - ``cross_group_share``: the share of ties between people of different groups (``by``);
    - ``bridging_ties``: ties whose two people share no other contact (local bridges,
      Granovetter 1973), and their share;
    - ``weak_ties`` / ``strong_ties``: ties at or below / above the period's
      ``strong_quantile`` of tie weight (number of interactions), and the weak share.

    Parameters
    ----------
    log
        An interaction log with timestamps.
    people
        The people table (for the groups).
    by
        The group column.
    freq
        ``"W"``, ``"M"``, ``"Q"`` or ``"Y"``.
    strong_quantile
        Where a tie counts as strong, as a quantile of that period's weights.

    Returns
    -------
    pandas.DataFrame
        One row per period: ``people``, ``ties``, ``cross_group_share``, ``bridging_ties``,
        ``bridging_share``, ``weak_ties``, ``strong_ties``, ``weak_share``.

    Examples
    --------
    >>> people = pd.DataFrame({"person_id": list("abcd"), "department": list("xxyy")})
    >>> log = pd.DataFrame({"sender": list("abc"), "recipient": list("bcd"),
    ...                     "timestamp": pd.to_datetime(["2025-01-02"] * 3)})
    >>> collaboration_measures(log, people)["cross_group_share"].round(2).tolist()
    [0.33]
    """
    if by not in people.columns:
        raise DataError(_("collaboration_measures: the people table has no column {by!r}; it "
                          "has {have}.").format(by=by, have=", ".join(map(str, people.columns))))
    groups = people.set_index("person_id")[by].astype(str).to_dict()
    rows = []
    for period, G in windows(log, freq, directed=False).items():
        U = nx.Graph()
        U.add_edges_from((u, v, d) for u, v, d in G.edges(data=True) if u != v)
        m = U.number_of_edges()
        if m == 0:
            rows.append({"period": period, "people": 0, "ties": 0})
            continue
        weights = np.array([d.get("weight", 1.0) for _u, _v, d in U.edges(data=True)])
        cut = np.quantile(weights, strong_quantile)
        cross = sum(groups.get(u) != groups.get(v) for u, v in U.edges())
        bridging = sum(1 for u, v in U.edges()
                       if not (set(U[u]) - {v}) & (set(U[v]) - {u}))
        weak = int((weights <= cut).sum())
        rows.append({"period": period, "people": U.number_of_nodes(), "ties": m,
                     "cross_group_share": cross / m, "bridging_ties": bridging,
                     "bridging_share": bridging / m, "weak_ties": weak,
                     "strong_ties": m - weak, "weak_share": weak / m})
    return pd.DataFrame(rows).set_index("period")


def before_after(log: pd.DataFrame, change: str | pd.Timestamp, people: pd.DataFrame, *,
                 measures: Sequence[str] = ("density", "reciprocity", "clustering"),
                 runs: int = 500, permutations: int = 500, seed: int = 0) -> pd.DataFrame:
    """A change's before and after: each figure with its interval, and how alike the networks are.

    The log is split at ``change`` into two periods of the lengths the data has; each
    network gets its figures with bootstrap intervals (:func:`bootstrap_measure`), and the
    two are compared with :func:`qap_correlation` (``attrs["qap"]``).

    Parameters
    ----------
    log
        An interaction log with timestamps.
    change
        The date of the change (e.g. a platform launch).
    people
        The people table (both networks hold everyone).
    measures, runs, permutations, seed
        See :func:`bootstrap_measure` and :func:`qap_correlation`.

    Returns
    -------
    pandas.DataFrame
        One row per measure: ``before``, ``before_low``, ``before_high``, ``after``,
        ``after_low``, ``after_high``, ``intervals_overlap``; ``attrs["qap"]``.

    Examples
    --------
    >>> import socialhrm
    >>> org = socialhrm.datasets.load("noordhaven")
    >>> t = before_after(org.interactions, "2025-02-03", org.people, measures=["density"],
    ...                  runs=20, permutations=20)
    >>> list(t.columns[:3])
    ['before', 'before_low', 'before_high']
    """
    from socialhrm.network import build_network

    log = _log(log)
    when = pd.Timestamp(change)
    stamps = pd.to_datetime(log["timestamp"])
    early, late = log[stamps < when], log[stamps >= when]
    if early.empty or late.empty:
        raise DataError(_("before_after: the log has no interactions {side} {date}; choose a "
                          "date inside {first} – {last}.").format(
                              side=_("before") if early.empty else _("after"),
                              date=when.date(), first=stamps.min().date(),
                              last=stamps.max().date()))
    G0 = build_network(early.reset_index(drop=True), people)
    G1 = build_network(late.reset_index(drop=True), people)
    rows = {}
    for m in measures:
        b = bootstrap_measure(G0, m, runs=runs, seed=seed)
        a = bootstrap_measure(G1, m, runs=runs, seed=seed + 1)
        rows[m] = {"before": b["estimate"], "before_low": b["low"], "before_high": b["high"],
                   "after": a["estimate"], "after_low": a["low"], "after_high": a["high"],
                   "intervals_overlap": bool(b["low"] <= a["high"] and a["low"] <= b["high"])}
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "measure"
    table.attrs["qap"] = qap_correlation(G0, G1, permutations=permutations, seed=seed)
    return table
