"""Reach of people's networks: ambassadors, vacancies, referrals and ego networks.

HR as *user* of social media (Russo, 2012): whose networks reach the candidates we need, and
do referrals pay off? This module answers with plain networkx graphs and tidy tables.

- :func:`reach_graph` puts employees, alumni and outside contacts in one graph.
- :func:`reach` counts whom each person reaches in one and two steps.
- :func:`choose_ambassadors` picks ambassadors for coverage (greedy maximum coverage, with the
  (1 - 1/e) guarantee) or by degree, management role or at random; :func:`compare_strategies`
  sets them side by side.
- :func:`vacancy_reach` simulates a vacancy posted by the company page (old school) against
  employees sharing it (new school).
- :func:`referral_outcomes` compares hires by channel or tie strength, with bootstrap
  intervals and small groups suppressed.
- :func:`ego_network` describes one person's own network (effective size, constraint).

Node attribute ``kind`` is ``"employee"``, ``"alumnus"`` or ``"external"``; outside contacts
carry a ``segment`` (e.g. ``"engineering"``).

References
----------
Granovetter, M. (1973). The strength of weak ties. *American Journal of Sociology*, 78(6).
Burt, R. S. (1992). *Structural Holes*. Harvard University Press.
Nemhauser, G., Wolsey, L. & Fisher, M. (1978). An analysis of approximations for maximizing
submodular set functions. *Mathematical Programming*, 14.
Kempe, D., Kleinberg, J. & Tardos, E. (2003). Maximizing the spread of influence through a
social network. *KDD '03*.
Efron, B. & Tibshirani, R. (1993). *An Introduction to the Bootstrap*. Chapman & Hall.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Collection, Hashable, Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from socialhrm.data import DataError
from socialhrm.i18n import _

__all__ = ["GUARANTEE", "STRATEGIES", "EgoNetwork", "audience_members", "best_coverage",
           "choose_ambassadors", "compare_strategies", "ego_network", "rank_strategies", "reach",
           "reach_graph", "read_contacts", "reached_sets", "referral_outcomes", "vacancy_reach"]

#: The share of the best possible coverage that greedy always reaches: 1 - 1/e (about 63%).
GUARANTEE = 1 - 1 / math.e
STRATEGIES = ("greedy", "degree", "managers", "random")

Audience = str | Collection[str] | Callable[[Hashable, dict], bool] | None


# ---------------------------------------------------------------------------------------
# The graph
# ---------------------------------------------------------------------------------------
def reach_graph(people: pd.DataFrame, contacts: pd.DataFrame | None = None,
                ties: nx.Graph | pd.DataFrame | None = None,
                alumni: pd.DataFrame | Collection[str] | None = None) -> nx.Graph:
    """One undirected graph of employees, alumni and their outside contacts.

    Parameters
    ----------
    people
        One row per person (``person_id`` and any attributes, e.g. ``department``,
        ``manager_id``); they become nodes of kind ``"employee"``.
    contacts
        Outside contacts: ``person_id``, ``contact_id``, ``segment`` (as in Noordhaven's
        ``contacts.csv``). A contact who is not in ``people`` becomes a node of kind
        ``"external"`` (or ``"alumnus"`` when the segment is ``alumnus``).
    ties
        Ties inside the organisation: a networkx graph on ``person_id`` or a table whose
        first two columns are the two people.
    alumni
        People who left (ids, or a table with ``alumnus_id``): their kind becomes
        ``"alumnus"`` (they keep their ties).

    Returns
    -------
    networkx.Graph

    Raises
    ------
    DataError
        A required column is missing.

    Examples
    --------
    >>> people = pd.DataFrame({"person_id": ["a", "b"], "manager_id": [None, "a"]})
    >>> contacts = pd.DataFrame({"person_id": ["a", "b"], "contact_id": ["x", "x"],
    ...                          "segment": ["engineering", "engineering"]})
    >>> G = reach_graph(people, contacts, ties=nx.Graph([("a", "b")]))
    >>> sorted(G.nodes(data="kind"))
    [('a', 'employee'), ('b', 'employee'), ('x', 'external')]
    """
    if "person_id" not in people.columns:
        raise DataError(_("people: the column 'person_id' is missing. What to do: give one row "
                          "per person with their id in a column 'person_id'."))
    G = nx.Graph()
    for row in people.to_dict("records"):
        pid = str(row.pop("person_id"))
        G.add_node(pid, kind="employee",
                   **{k: v for k, v in row.items() if not (isinstance(v, float) and
                                                           math.isnan(v))})
    if ties is not None:
        if isinstance(ties, nx.Graph):
            edges = [(str(u), str(v)) for u, v in ties.edges()]
        else:
            if ties.shape[1] < 2:
                raise DataError(_("ties: a table of ties needs two columns (the two people)."))
            edges = [(str(u), str(v)) for u, v in ties.iloc[:, :2].itertuples(index=False)]
        G.add_edges_from((u, v) for u, v in edges if u != v)
        for n in G:
            G.nodes[n].setdefault("kind", "employee")
    if contacts is not None:
        missing = [c for c in ("person_id", "contact_id", "segment") if c not in contacts]
        if missing:
            raise DataError(_("contacts: the column(s) {cols} are missing. What to do: give "
                              "one row per outside contact with person_id, contact_id and "
                              "segment.").format(cols=", ".join(missing)))
        for p, c, s in contacts[["person_id", "contact_id", "segment"]].itertuples(index=False):
            p, c = str(p), str(c)
            for node in (p, c):
                if node not in G:
                    G.add_node(node, kind="external")
            if G.nodes[c].get("kind") != "employee":
                G.nodes[c]["segment"] = str(s)
                if str(s) == "alumnus":
                    G.nodes[c]["kind"] = "alumnus"
            if p != c:
                G.add_edge(p, c)
    if alumni is not None:
        ids = alumni["alumnus_id"] if isinstance(alumni, pd.DataFrame) else alumni
        for a in map(str, ids):
            if a in G:
                G.nodes[a]["kind"] = "alumnus"
                G.nodes[a]["segment"] = "alumnus"
    return G


def read_contacts(source: Any, people: pd.DataFrame | None = None, *,
                  columns: dict[str, str] | None = None) -> pd.DataFrame:
    """Read and check an external-contacts table: ``person_id``, ``contact_id``, ``segment``.

    Parameters
    ----------
    source
        A CSV, Excel or Parquet file, or a DataFrame, one row per (person, outside contact).
    people
        The people table: rows of people not in it are dropped, with a warning.
    columns
        Your column names mapped to ours, e.g. ``{"employee": "person_id"}``.

    Returns
    -------
    pandas.DataFrame
        ``person_id``, ``contact_id`` (text), ``segment`` (text; ``"(unknown)"`` when empty),
        duplicates removed. The input is not changed.

    Raises
    ------
    DataError
        Missing columns, empty ids, an unreadable file; the message names file, column and
        rows and says what to do.

    Examples
    --------
    >>> t = pd.DataFrame({"person_id": ["a", "a"], "contact_id": [1, 1],
    ...                   "segment": ["IT", "IT"]})
    >>> read_contacts(t).to_dict("list")
    {'person_id': ['a'], 'contact_id': ['1'], 'segment': ['IT']}
    """
    from socialhrm.data import canonical_columns, drop_unknown, id_column, read_source

    frame, origin = read_source(source, "contacts", encoding=None, sheet=None, max_bytes=None)
    order = ["person_id", "contact_id", "segment"]
    frame = canonical_columns(frame, origin, columns, order, ["person_id", "contact_id"])
    id_column(frame, "person_id", origin, allow_missing=False)
    id_column(frame, "contact_id", origin, allow_missing=False)
    if "segment" not in frame.columns:
        frame["segment"] = "(unknown)"
    seg = frame["segment"].astype("string").str.strip()
    frame["segment"] = seg.mask(seg.isna() | (seg == ""), "(unknown)")
    frame = drop_unknown(frame, ["person_id"], people, origin, "drop")
    out = frame[order].drop_duplicates(["person_id", "contact_id"]).reset_index(drop=True)
    return out.astype({"person_id": str, "contact_id": str, "segment": str})


def audience_members(G: nx.Graph, audience: Audience = None) -> set[Hashable]:
    """The nodes that count as the audience.

    Parameters
    ----------
    G
        A graph from :func:`reach_graph` (or any graph).
    audience
        ``None``: everybody; a segment name (``"engineering"``) or several; or a function
        ``(node, attributes) -> bool``.

    Returns
    -------
    set

    Examples
    --------
    >>> G = nx.Graph([(1, 2)]); G.nodes[2]["segment"] = "student"
    >>> audience_members(G, "student")
    {2}
    """
    if audience is None:
        return set(G)
    if callable(audience):
        return {n for n, d in G.nodes(data=True) if audience(n, d)}
    wanted = {audience} if isinstance(audience, str) else set(map(str, audience))
    return {n for n, d in G.nodes(data=True) if str(d.get("segment")) in wanted}


def _employees(G: nx.Graph) -> list[Hashable]:
    return sorted((n for n, k in G.nodes(data="kind") if k in (None, "employee")), key=str)


def reached_sets(G: nx.Graph, steps: int = 1, audience: Audience = None,
                 people: Iterable[Hashable] | None = None) -> dict[Hashable, frozenset]:
    """For each person, the set of audience members within ``steps`` steps (not themselves).

    Examples
    --------
    >>> reached_sets(nx.path_graph(4), steps=2, people=[0])
    {0: frozenset({1, 2})}
    """
    if int(steps) < 1:
        raise ValueError(_("steps must be 1 or more, not {steps}.").format(steps=steps))
    members = audience_members(G, audience)
    who = _employees(G) if people is None else list(people)
    out = {}
    if int(steps) <= 2:  # the usual case, as set unions (much faster than a search each)
        near: dict[Hashable, frozenset] = {}

        def direct(n: Hashable) -> frozenset:
            if n not in near:
                near[n] = frozenset(v for v in G[n] if v in members)
            return near[n]

        for p in who:
            found = set(direct(p))
            if int(steps) == 2:
                for q in G[p]:
                    found |= direct(q)
            found.discard(p)
            out[p] = frozenset(found)
        return out
    for p in who:
        dist = nx.single_source_shortest_path_length(G, p, cutoff=int(steps))
        out[p] = frozenset(n for n in dist if n != p and n in members)
    return out


def reach(G: nx.Graph, steps: int = 2, audience: Audience = None) -> pd.DataFrame:
    """Per person: how many distinct people (or audience members) they reach.

    Parameters
    ----------
    G
        A graph from :func:`reach_graph` (nodes without ``kind`` count as employees).
    steps
        Count up to this many steps (1 = direct contacts; 2 = also contacts of contacts).
    audience
        Count only these people (see :func:`audience_members`), e.g. ``"engineering"``.

    Returns
    -------
    pandas.DataFrame
        Index ``person`` (employees only); columns ``reach_1`` ... ``reach_<steps>``
        (distinct people within 1, 2, ... steps), ``inside`` and ``outside`` (of the
        people within ``steps`` steps, employees and others); sorted by the widest reach.

    Examples
    --------
    >>> G = nx.Graph([("a", "b"), ("b", "c")]); G.nodes["c"]["kind"] = "external"
    >>> reach(G, steps=2).loc["a"].tolist()
    [1, 2, 1, 1]
    """
    members = audience_members(G, audience)
    rows = []
    for p in _employees(G):
        dist = nx.single_source_shortest_path_length(G, p, cutoff=int(steps))
        row = {"person": p}
        for s in range(1, int(steps) + 1):
            row[f"reach_{s}"] = sum(1 for n, d in dist.items()
                                    if 0 < d <= s and n in members)
        far = [n for n, d in dist.items() if 0 < d and n in members]
        row["inside"] = sum(1 for n in far if G.nodes[n].get("kind", "employee") == "employee")
        row["outside"] = len(far) - row["inside"]
        rows.append(row)
    cols = ["person", *[f"reach_{s}" for s in range(1, int(steps) + 1)], "inside", "outside"]
    table = pd.DataFrame(rows, columns=cols).set_index("person")
    return table.sort_values([f"reach_{int(steps)}", "reach_1"], ascending=False, kind="stable")


# ---------------------------------------------------------------------------------------
# Choosing ambassadors
# ---------------------------------------------------------------------------------------
_MASKS: dict[int, tuple[dict, dict[Hashable, int]]] = {}


def _bitmasks(sets: dict[Hashable, frozenset]) -> dict[Hashable, int]:
    """Each set as one Python integer bitmask (kept for the same ``sets`` object)."""
    cached = _MASKS.get(id(sets))
    if cached is not None and cached[0] is sets:
        return cached[1]
    index: dict[Hashable, int] = {}
    masks = {}
    for p, members in sets.items():
        bits = 0
        for m in members:
            bits |= 1 << index.setdefault(m, len(index))
        masks[p] = bits
    if len(_MASKS) > 32:
        _MASKS.clear()
    _MASKS[id(sets)] = (sets, masks)
    return masks


def _reach_masks(G: nx.Graph, steps: int, audience: Audience,
                 people: Iterable[Hashable]) -> dict[Hashable, int]:
    """Like :func:`reached_sets`, but each set as an integer bitmask (fast for 1-2 steps)."""
    if int(steps) < 1:
        raise ValueError(_("steps must be 1 or more, not {steps}.").format(steps=steps))
    who = list(people)
    if int(steps) > 2:
        return _bitmasks(reached_sets(G, steps, audience, people=who))
    members = audience_members(G, audience)
    index = {m: i for i, m in enumerate(sorted(members, key=str))}
    direct: dict[Hashable, int] = {}

    def bits_of(n: Hashable) -> int:
        if n not in direct:
            bits = 0
            for v in G[n]:
                i = index.get(v)
                if i is not None:
                    bits |= 1 << i
            direct[n] = bits
        return direct[n]

    out = {}
    for p in who:
        bits = bits_of(p)
        if int(steps) == 2:
            for q in G[p]:
                bits |= bits_of(q)
        i = index.get(p)
        if i is not None:
            bits &= ~(1 << i)
        out[p] = bits
    return out


def _greedy(masks: dict[Hashable, int], k: int) -> list[Hashable]:
    """Greedy maximum coverage over bitmasks; ties go to the smallest id (as text)."""
    order = sorted(masks, key=str)
    covered = 0
    chosen: list = []
    left = set(order)
    while left and len(chosen) < k:
        best, gain = None, -1
        for p in order:
            if p in left:
                g = (masks[p] & ~covered).bit_count()
                if g > gain:
                    best, gain = p, g
        chosen.append(best)
        left.discard(best)
        covered |= masks[best]
    return chosen


def _managers(G: nx.Graph, people: list[Hashable]) -> list[Hashable]:
    heads = {str(d.get("manager_id")) for _n, d in G.nodes(data=True)
             if d.get("manager_id") is not None and str(d.get("manager_id")) not in ("", "nan",
                                                                                  "<NA>")}
    return [p for p in people if str(p) in heads]


def choose_ambassadors(G: nx.Graph, k: int, steps: int = 1, audience: Audience = None,
                       strategy: str = "greedy", seed: int = 0,
                       candidates: Iterable[Hashable] | None = None,
                       sets: dict[Hashable, frozenset] | None = None,
                       audience_size: int | None = None) -> pd.DataFrame:
    """Choose ``k`` ambassadors and show what each one adds.

    ``greedy`` picks, again and again, the person who adds the most audience members not yet
    reached (maximum coverage). Coverage is submodular, so greedy always reaches at least
    (1 - 1/e), about 63%, of the best possible coverage with ``k`` people (Nemhauser, Wolsey
    & Fisher, 1978), and in practice usually much closer. The other strategies are the usual
    habits: ``degree`` (the biggest networks), ``managers`` (people who lead someone, biggest
    networks first) and ``random`` (seeded). Every strategy is a ranking: the first ``k``
    picks for ``k + 1`` ambassadors are the picks for ``k``.

    Parameters
    ----------
    G
        A graph from :func:`reach_graph`.
    k
        The number of ambassadors.
    steps
        Reach within this many steps (1 = direct contacts).
    audience
        Whom to reach (see :func:`audience_members`), e.g. ``"engineering"``.
    strategy
        ``"greedy"``, ``"degree"``, ``"managers"`` or ``"random"``.
    seed
        For ``random`` (the same seed gives the same choice).
    candidates
        Who may be chosen (default: every employee).
    sets
        :func:`reached_sets` for the same ``steps`` and ``audience``, if you have them (their
        keys are then the candidates). Without them the reach is computed here, as bitmasks.
    audience_size
        Precomputed size of the audience (for speed).

    Returns
    -------
    pandas.DataFrame
        One row per pick in order: ``rank``, ``person``, ``reach_alone`` (audience members
        this person reaches), ``new_reach`` (the marginal gain: members nobody chosen before
        reaches), ``coverage`` (distinct members reached so far) and ``share`` (of the whole
        audience). ``attrs``: ``strategy``, ``audience_size``, ``coverage``,
        ``sum_of_reach`` (what the picks reach counted separately), ``overlap``
        (``sum_of_reach - coverage``: reach counted twice), and ``guarantee``.

    Raises
    ------
    ValueError
        Unknown strategy, or ``k`` below 0.

    References
    ----------
    Nemhauser, Wolsey & Fisher (1978); Kempe, Kleinberg & Tardos (2003).

    Examples
    --------
    >>> G = nx.Graph([("a", 1), ("a", 2), ("b", 1), ("b", 2), ("c", 3)])
    >>> for n in (1, 2, 3): G.nodes[n]["kind"] = "external"
    >>> choose_ambassadors(G, 2)[["person", "new_reach", "coverage"]].values.tolist()
    [['a', 2, 2], ['c', 1, 3]]
    >>> choose_ambassadors(G, 2, strategy="degree")["coverage"].iloc[-1]
    np.int64(2)
    """
    if strategy not in STRATEGIES:
        raise ValueError(_("Unknown strategy {s!r}: choose one of {names}.").format(
            s=strategy, names=", ".join(STRATEGIES)))
    if int(k) < 0:
        raise ValueError(_("k (the number of ambassadors) must be 0 or more, not {k}.").format(
            k=k))
    if candidates is not None:
        pool = sorted(candidates, key=str)
    else:
        pool = sorted(sets, key=str) if sets is not None else _employees(G)
    if sets is None:
        masks = _reach_masks(G, steps, audience, pool)
    else:
        first = next(iter(sets.values()), frozenset())
        masks = sets if isinstance(first, int) else _bitmasks(sets)  # type: ignore[assignment]
        if candidates is not None:
            masks = {p: masks[p] for p in pool if p in masks}
    k = min(int(k), len(masks))
    if strategy == "greedy":
        order = _greedy(masks, k)
    elif strategy == "degree":
        order = sorted(masks, key=lambda p: (-G.degree(p), str(p)))[:k]
    elif strategy == "managers":
        order = sorted(_managers(G, list(masks)), key=lambda p: (-G.degree(p), str(p)))[:k]
    else:
        rng = np.random.default_rng(seed)
        names = sorted(masks, key=str)
        order = [names[i] for i in rng.permutation(len(names))[:k]]  # k+1 extends k
    covered = 0
    rows = []
    for rank, p in enumerate(order, start=1):
        gain = (masks[p] & ~covered).bit_count()
        covered |= masks[p]
        rows.append((rank, p, masks[p].bit_count(), gain, covered.bit_count()))
    n_covered = covered.bit_count()
    table = pd.DataFrame(rows, columns=["rank", "person", "reach_alone", "new_reach",
                                        "coverage"])
    size = len(audience_members(G, audience)) if audience_size is None else int(audience_size)
    table["share"] = table["coverage"] / size if size else 0.0
    total = int(table["reach_alone"].sum())
    table.attrs.update(strategy=strategy, audience_size=size, coverage=n_covered,
                       sum_of_reach=total, overlap=total - n_covered, guarantee=GUARANTEE,
                       steps=int(steps))
    return table


def rank_strategies(G: nx.Graph, k: int, steps: int = 1, audience: Audience = None,
                    seed: int = 0, strategies: Iterable[str] = STRATEGIES
                    ) -> dict[str, pd.DataFrame]:
    """:func:`choose_ambassadors` for several strategies at once, computing reach only once.

    Every strategy is a ranking, so ``table.head(j)`` is the choice for ``j <= k``
    ambassadors (a dashboard ranks once and slices).

    Returns
    -------
    dict of str to pandas.DataFrame
        Strategy -> the table of :func:`choose_ambassadors`.

    Examples
    --------
    >>> G = nx.Graph([("a", 1), ("a", 2), ("b", 1), ("b", 2), ("c", 3)])
    >>> for n in (1, 2, 3): G.nodes[n]["kind"] = "external"
    >>> rank_strategies(G, 3)["greedy"]["person"].tolist()
    ['a', 'c', 'b']
    """
    size = len(audience_members(G, audience))
    masks = _reach_masks(G, steps, audience, _employees(G))
    return {s: choose_ambassadors(G, k, steps, audience, s, seed, sets=masks,  # type: ignore
                                  audience_size=size) for s in strategies}


def compare_strategies(G: nx.Graph, k: int, steps: int = 1, audience: Audience = None,
                       seed: int = 0, strategies: Iterable[str] = STRATEGIES,
                       sets: dict[Hashable, frozenset] | None = None) -> pd.DataFrame:
    """The coverage each strategy reaches with ``k`` ambassadors, side by side.

    Returns
    -------
    pandas.DataFrame
        Index ``strategy``; columns ``ambassadors`` (how many were chosen; fewer than ``k``
        when, e.g., there are fewer managers), ``coverage``, ``share``, ``sum_of_reach`` and
        ``overlap`` (see :func:`choose_ambassadors`).

    Examples
    --------
    >>> G = nx.Graph([("a", 1), ("a", 2), ("b", 1), ("b", 2), ("c", 3)])
    >>> for n in (1, 2, 3): G.nodes[n]["kind"] = "external"
    >>> compare_strategies(G, 2, strategies=["greedy", "degree"])["coverage"].tolist()
    [3, 2]
    """
    if sets is None:
        tables = rank_strategies(G, k, steps, audience, seed, strategies)
    else:
        size = len(audience_members(G, audience))
        tables = {s: choose_ambassadors(G, k, steps, audience, s, seed, sets=sets,
                                        audience_size=size) for s in strategies}
    rows = []
    for s, t in tables.items():
        rows.append((s, len(t), t.attrs["coverage"],
                     t.attrs["coverage"] / t.attrs["audience_size"] if t.attrs["audience_size"]
                     else 0.0, t.attrs["sum_of_reach"], t.attrs["overlap"]))
    return pd.DataFrame(rows, columns=["strategy", "ambassadors", "coverage", "share",
                                       "sum_of_reach", "overlap"]).set_index("strategy")


def best_coverage(sets: dict[Hashable, frozenset], k: int) -> int:
    """The best possible coverage with ``k`` people, by trying every choice (small cases only).

    Examples
    --------
    >>> best_coverage({"a": frozenset({1, 2}), "b": frozenset({2}), "c": frozenset({3})}, 2)
    3
    """
    best = 0
    for combo in itertools.combinations(sets, min(k, len(sets))):
        best = max(best, len(frozenset().union(*(sets[p] for p in combo))))
    return best


# ---------------------------------------------------------------------------------------
# A vacancy: old school against new school
# ---------------------------------------------------------------------------------------
def vacancy_reach(G: nx.Graph, posters: Iterable[Hashable], share_probability: float = 0.3,
                  steps: int = 2, runs: int = 200, seed: int = 0, audience: Audience = None,
                  see_probability: float = 0.5) -> pd.DataFrame:
    """Simulate who sees a vacancy: the company posts it, or employees share it too.

    Each post is seen by each of the poster's contacts with ``see_probability`` (feeds do
    not show everything). *Old school*: only ``posters`` (say the recruitment team or the
    company page's admins) post; nobody shares. *New school*: every employee who sees the
    vacancy shares it with ``share_probability``, up to ``steps`` shares away from the
    posters (an independent cascade, Kempe et al. 2003). Outside contacts do not share.

    Parameters
    ----------
    G
        A graph from :func:`reach_graph`.
    posters
        Who posts the vacancy first.
    share_probability, see_probability
        Chances between 0 and 1.
    steps
        How many rounds of sharing (new school).
    runs
        Number of simulated runs (the interval is their middle 95%).
    seed
        The same seed gives the same result.
    audience
        Count only these people among those who saw it (e.g. ``"engineering"``).

    Returns
    -------
    pandas.DataFrame
        Index ``scenario`` (``old school``, ``new school``); columns ``mean``, ``low``,
        ``high`` (people who saw the vacancy, audience only if given, not counting the
        posters) and ``sharers`` (mean number of employees who shared it).

    Examples
    --------
    >>> G = nx.star_graph(5)
    >>> t = vacancy_reach(G, [0], share_probability=0.5, runs=50, see_probability=1.0)
    >>> t.loc["old school", "mean"]
    np.float64(5.0)
    """
    for name, p in (("share_probability", share_probability),
                    ("see_probability", see_probability)):
        if not 0 <= float(p) <= 1:
            raise ValueError(_("{name} is a chance between 0 and 1, not {p}.").format(
                name=name, p=p))
    start = [p for p in posters if p in G]
    if not start:
        raise ValueError(_("None of the posters is in the network: choose people who are."))
    members = audience_members(G, audience)
    employee = {n for n in _employees(G)}
    rng = np.random.default_rng(seed)
    results = {"old school": [], "new school": []}
    sharers_n = {"old school": [], "new school": []}
    nbrs = {n: list(G.neighbors(n)) for n in G}
    for scenario in results:
        for _run in range(int(runs)):
            seen = set(start)
            frontier = list(start)
            shared = 0
            rounds = 1 if scenario == "old school" else int(steps) + 1
            for _r in range(rounds):
                new = []
                for u in frontier:
                    nb = nbrs[u]
                    if not nb:
                        continue
                    hit = rng.random(len(nb)) < see_probability
                    for v, h in zip(nb, hit, strict=True):
                        if h and v not in seen:
                            seen.add(v)
                            new.append(v)
                if scenario == "old school":
                    break
                frontier = [v for v in new if v in employee
                            and rng.random() < share_probability]
                shared += len(frontier)
                if not frontier:
                    break
            results[scenario].append(len((seen - set(start)) & members))
            sharers_n[scenario].append(shared)
    rows = []
    for scenario, values in results.items():
        v = np.array(values, dtype=float)
        rows.append((scenario, v.mean(), np.percentile(v, 2.5), np.percentile(v, 97.5),
                     float(np.mean(sharers_n[scenario]))))
    return pd.DataFrame(rows, columns=["scenario", "mean", "low", "high", "sharers"]
                        ).set_index("scenario")


# ---------------------------------------------------------------------------------------
# Referrals and other channels
# ---------------------------------------------------------------------------------------
_APP_COLUMNS = ("channel", "hired", "time_to_hire_days", "still_employed_1y")


def _as_bool(series: pd.Series) -> pd.Series:
    return series.map(lambda v: {True: True, False: False, "True": True, "False": False,
                                 "true": True, "false": False}.get(v, pd.NA)
                      if not (isinstance(v, float) and math.isnan(v)) else pd.NA)


def _boot(values: np.ndarray, stat: Callable[[np.ndarray], np.ndarray], n_boot: int,
          rng: np.random.Generator) -> tuple[float, float, float]:
    if len(values) == 0:
        return (math.nan, math.nan, math.nan)
    idx = rng.integers(0, len(values), size=(n_boot, len(values)))
    sims = stat(values[idx])
    lo, hi = np.percentile(sims, [2.5, 97.5])
    return float(stat(values[None, :])[0]), float(lo), float(hi)


def _cost_per_hire(costs: pd.DataFrame | None, group: str, levels: pd.Series) -> float:
    if costs is None:
        return math.nan
    c = costs[(costs["category"] == "cost_per_hire") & (costs["item"] == group)]
    if c.empty:
        return math.nan
    value, unit = float(c["value"].iloc[0]), str(c["unit"].iloc[0])
    if "share" in unit and "salary" in unit:
        bands = costs[costs["category"] == "salary_band"].set_index("item")["value"]
        salaries = levels.map(bands).astype(float)
        return float(value * salaries.mean()) if salaries.notna().any() else math.nan
    return value


def referral_outcomes(applications: pd.DataFrame, costs: pd.DataFrame | None = None, *,
                      by: str = "channel", min_group_size: int | None = None,
                      n_boot: int = 1000, seed: int = 0) -> pd.DataFrame:
    """Hiring outcomes by channel (or by referral tie strength), with bootstrap intervals.

    Parameters
    ----------
    applications
        One row per application, as Noordhaven's ``applications.csv``: ``channel``,
        ``hired``, ``time_to_hire_days``, ``still_employed_1y`` and, for ``by=
        "tie_strength"``, ``tie_strength``; ``level`` is used for costs that are a share of
        salary (agencies).
    costs
        Noordhaven's ``costs.csv`` (rows ``cost_per_hire`` per channel and ``salary_band``
        per level); without it the cost column is empty.
    by
        ``"channel"``, ``"tie_strength"`` (referrals only: weak against strong ties,
        Granovetter 1973), or any other column of ``applications``.
    min_group_size
        Groups with fewer applications are merged (:func:`socialhrm.privacy.
        merge_small_groups`); a figure that rests on fewer people than this (e.g. retention
        of 3 hires) is suppressed (empty) and named in ``suppressed``.
    n_boot
        Bootstrap resamples for the intervals (95%, percentile method; Efron & Tibshirani).
    seed
        The same seed gives the same intervals.

    Returns
    -------
    pandas.DataFrame
        Index: the group; columns ``applications``, ``hires``, ``hire_rate`` with
        ``hire_rate_low``/``hire_rate_high``, ``time_to_hire_days`` (median) with
        ``time_to_hire_low``/``time_to_hire_high``, ``retention_known`` (hires whose
        first year is over), ``first_year_retention`` with ``retention_low``/
        ``retention_high``, ``cost_per_hire`` (EUR, from ``costs``) and ``suppressed``
        (the figures left empty because too few people stand behind them). ``attrs``:
        ``min_group_size``, ``merged``.

    Raises
    ------
    DataError
        A needed column is missing.

    Examples
    --------
    >>> from socialhrm.datasets import load
    >>> nh = load("noordhaven")
    >>> t = referral_outcomes(nh.applications, nh.costs)
    >>> bool(t.loc["referral", "hire_rate"] > t.loc["job board", "hire_rate"])
    True
    """
    from socialhrm.privacy import merge_small_groups, resolve_min_group_size

    need = [*_APP_COLUMNS, *(["tie_strength"] if by == "tie_strength" else [])]
    if by not in need:
        need.append(by)
    missing = [c for c in need if c not in applications.columns]
    if missing:
        raise DataError(_("applications: the column(s) {cols} are missing. What to do: give "
                          "one row per application with {need}.").format(
                              cols=", ".join(missing), need=", ".join(need)))
    apps = applications.copy()
    if by == "tie_strength":
        apps = apps[apps["channel"] == "referral"]
        apps = apps[apps["tie_strength"].notna() & (apps["tie_strength"].astype(str) != "")]
    minimum = resolve_min_group_size(min_group_size)
    labels = merge_small_groups(apps[by].astype(str), minimum)
    apps = apps.assign(_group=labels.to_numpy())
    hired = _as_bool(apps["hired"]).fillna(False).astype(bool).to_numpy()
    stayed = _as_bool(apps["still_employed_1y"])
    rng = np.random.default_rng(seed)
    mean = lambda a: a.mean(axis=-1)  # noqa: E731
    median = lambda a: np.median(a, axis=-1)  # noqa: E731
    rows = []
    for group in sorted(apps["_group"].unique(), key=str):
        mask = (apps["_group"] == group).to_numpy()
        h = hired[mask]
        days = pd.to_numeric(apps.loc[mask, "time_to_hire_days"], errors="coerce"
                             ).to_numpy()[h]
        days = days[~np.isnan(days.astype(float))].astype(float)
        known = stayed[mask][h].dropna().astype(bool).to_numpy().astype(float)
        suppressed = []
        rate = _boot(h.astype(float), mean, n_boot, rng)
        tth = _boot(days, median, n_boot, rng)
        ret = _boot(known, mean, n_boot, rng)
        if int(h.sum()) < minimum:
            tth = (math.nan,) * 3
            suppressed.append("time_to_hire_days")
        if len(known) < minimum:
            ret = (math.nan,) * 3
            suppressed.append("first_year_retention")
        cost_key = "referral" if by == "tie_strength" else str(group)
        levels = apps.loc[mask, "level"][h] if "level" in apps else pd.Series(dtype=str)
        rows.append({"group": group, "applications": int(mask.sum()), "hires": int(h.sum()),
                     "hire_rate": rate[0], "hire_rate_low": rate[1], "hire_rate_high": rate[2],
                     "time_to_hire_days": tth[0], "time_to_hire_low": tth[1],
                     "time_to_hire_high": tth[2], "retention_known": len(known),
                     "first_year_retention": ret[0], "retention_low": ret[1],
                     "retention_high": ret[2],
                     "cost_per_hire": _cost_per_hire(costs, cost_key, levels),
                     "suppressed": ", ".join(suppressed)})
    table = pd.DataFrame(rows).set_index("group")
    table.index.name = by
    table.attrs.update(min_group_size=minimum, merged=labels.attrs.get("merged", []))
    return table


# ---------------------------------------------------------------------------------------
# Personal branding: one person's own network
# ---------------------------------------------------------------------------------------
@dataclass
class EgoNetwork:
    """A person's own network and its shape (see :func:`ego_network`)."""

    person: Hashable
    graph: nx.Graph
    size: int
    ties_between_contacts: int
    density: float
    effective_size: float
    efficiency: float
    constraint: float
    by_kind: dict[str, int]
    by_segment: dict[str, int]


def ego_network(G: nx.Graph, person: Hashable) -> EgoNetwork:
    """A person's own network: their contacts, the ties among them, and its shape.

    *Effective size* is the number of contacts minus their redundancy (how much they know
    each other); *efficiency* is effective size per contact; *constraint* is high when all
    of someone's contacts are tied to each other (a closed network) and low when the
    contacts are in separate worlds, so that the person spans structural holes (Burt, 1992).

    Parameters
    ----------
    G
        Any undirected graph, e.g. from :func:`reach_graph`.
    person
        A node of ``G``.

    Returns
    -------
    EgoNetwork
        ``graph`` (the person, their contacts and the ties among them), ``size``,
        ``ties_between_contacts``, ``density`` (among the contacts), ``effective_size``,
        ``efficiency``, ``constraint`` (on the whole graph), ``by_kind`` and ``by_segment``
        (contacts counted per kind and per segment).

    Raises
    ------
    DataError
        The person is not in the network.

    References
    ----------
    Burt, R. S. (1992). *Structural Holes*, chapter 1.

    Examples
    --------
    >>> e = ego_network(nx.star_graph(3), 0)
    >>> (e.size, e.effective_size, e.constraint)
    (3, 3.0, 0.3333333333333333)
    """
    if person not in G:
        raise DataError(_("{person} is not in the network. What to do: choose a person_id "
                          "that appears in the people or contacts table.").format(
                              person=person))
    H = nx.ego_graph(G, person, radius=1)
    contacts = [n for n in H if n != person]
    size = len(contacts)
    between = H.number_of_edges() - size
    density = between / (size * (size - 1) / 2) if size > 1 else 0.0
    eff = float(nx.effective_size(G, nodes=[person])[person]) if size else 0.0
    con = float(nx.constraint(G, nodes=[person])[person]) if size else math.nan
    kinds: dict[str, int] = {}
    segs: dict[str, int] = {}
    for n in contacts:
        kind = str(G.nodes[n].get("kind", "employee"))
        kinds[kind] = kinds.get(kind, 0) + 1
        seg = G.nodes[n].get("segment")
        if seg is not None:
            segs[str(seg)] = segs.get(str(seg), 0) + 1
    return EgoNetwork(person=person, graph=H, size=size, ties_between_contacts=between,
                      density=density, effective_size=eff,
                      efficiency=eff / size if size else 0.0, constraint=con,
                      by_kind=dict(sorted(kinds.items())), by_segment=dict(sorted(segs.items())))
