"""Who knows what, and who is hard to replace: knowledge at risk in a network.

Expertise moves with people: when someone leaves, only what they shared stays behind. The
functions here answer the HR business partner's questions about it:

- :func:`key_players`: the few people whose absence would fragment the network most
  (Borgatti's KPP-Neg), or who together reach the most colleagues (KPP-Pos);
- :func:`knowledge_at_risk`: per topic, how many people hold it (the bus factor) and how many
  colleagues can reach a holder directly, and what a given exit would cut off;
- :func:`exit_impact`: who would lose every connection to the rest of the network if certain
  people left;
- :func:`find_expert`: who knows a topic, and how many steps away they are from a person or a
  team (the social-intranet question);
- :func:`collaboration_load`: how concentrated requests are on a few people (collaboration
  overload, Cross, Rebele & Grant 2016).

Network positions describe where knowledge can flow, not how well anyone works: use these
results to share knowledge and workload, never to rank or judge individuals.

>>> import networkx as nx
>>> G = nx.path_graph(5)  # 0 - 1 - 2 - 3 - 4
>>> key_players(G, k=1).index.tolist()  # removing the middle person splits it in two
[2]
"""

from __future__ import annotations

import difflib
from collections.abc import Hashable, Iterable
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components, shortest_path

from socialhrm.data import DataError
from socialhrm.i18n import _

__all__ = [
    "collaboration_load",
    "exit_impact",
    "find_expert",
    "fragmentation",
    "key_players",
    "knowledge_at_risk",
]

_GOALS = ("fragment", "reach")
_MEASURES = ("components", "distance")


# ---------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------
def _undirected(G: nx.Graph) -> nx.Graph:
    U = nx.Graph()
    U.add_nodes_from(G.nodes(data=True))
    U.add_edges_from((u, v) for u, v in G.edges() if u != v)
    return U


class _Sparse:
    """The undirected network as a sparse matrix, for fast repeated removals."""

    def __init__(self, G: nx.Graph) -> None:
        self.nodes = list(G)
        self.pos = {n: i for i, n in enumerate(self.nodes)}
        rows, cols = [], []
        for u, v in G.edges():
            if u != v:
                i, j = self.pos[u], self.pos[v]
                rows += [i, j]
                cols += [j, i]
        n = len(self.nodes)
        self.A = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
        self.A.sum_duplicates()
        self.A.data[:] = 1.0
        self.n = n

    def keep_mask(self, removed: Iterable[int]) -> np.ndarray:
        keep = np.ones(self.n, dtype=bool)
        keep[list(removed)] = False
        return keep

    def fragmentation(self, removed: Iterable[int], measure: str) -> float:
        keep = self.keep_mask(removed)
        m = int(keep.sum())
        if m < 2:
            return 1.0
        sub = self.A[keep][:, keep]
        if measure == "components":
            _n, labels = connected_components(sub, directed=False)
            sizes = np.bincount(labels).astype(float)
            return float(1 - (sizes * (sizes - 1)).sum() / (m * (m - 1)))
        dist = shortest_path(sub, directed=False, unweighted=True)
        with np.errstate(divide="ignore"):
            inv = np.where(np.isfinite(dist) & (dist > 0), 1.0 / dist, 0.0)
        return float(1 - inv.sum() / (m * (m - 1)))

    def reach(self, chosen: Iterable[int], steps: int) -> float:
        chosen = list(chosen)
        if self.n <= len(chosen):
            return 1.0
        seen = np.zeros(self.n, dtype=bool)
        seen[chosen] = True
        frontier = seen.copy()
        for _step in range(steps):
            nxt = (self.A @ frontier.astype(float)) > 0
            frontier = nxt & ~seen
            seen |= nxt
        return float((seen.sum() - len(chosen)) / (self.n - len(chosen)))


def fragmentation(G: nx.Graph, removed: Iterable[Hashable] = (), *,
                  measure: str = "components") -> float:
    """Borgatti's fragmentation of a network after some people are removed.

    - ``measure="components"``: ``F = 1 - Σ s_k (s_k - 1) / (n (n - 1))`` over the sizes
      ``s_k`` of the components left: the share of pairs of people who can no longer reach
      each other (0 = all connected, 1 = nobody reaches anybody).
    - ``measure="distance"``: ``DF = 1 - Σ_{i≠j} (1 / d_ij) / (n (n - 1))``: also counts pairs
      that are still connected but far apart (unreachable pairs count ``1 / ∞ = 0``).

    Parameters
    ----------
    G
        A networkx graph; read as undirected.
    removed
        People to take out before measuring.
    measure
        ``"components"`` or ``"distance"``.

    Returns
    -------
    float

    References
    ----------
    Borgatti, S. P. (2006). Identifying sets of key players in a social network.
    *Computational and Mathematical Organization Theory* 12, 21-34.

    Examples
    --------
    >>> import networkx as nx
    >>> fragmentation(nx.path_graph(5), [2])  # two pairs left: 4 of 12 ordered pairs connected
    0.6666666666666667
    """
    if measure not in _MEASURES:
        raise ValueError(_("measure={measure!r}; choose 'components' or 'distance'.").format(
            measure=measure))
    S = _Sparse(G)
    missing = [r for r in removed if r not in S.pos]
    if missing:
        raise ValueError(_("{people} not in the network.").format(
            people=", ".join(map(str, missing))))
    return S.fragmentation([S.pos[r] for r in removed], measure)


def key_players(G: nx.Graph, k: int = 3, goal: str = "fragment", *,
                measure: str = "components", steps: int = 1,
                candidates: Iterable[Hashable] | None = None,
                max_passes: int = 10) -> pd.DataFrame:
    """A set of ``k`` key players, after Borgatti (2006).

    - ``goal="fragment"`` (KPP-Neg): the ``k`` people whose removal leaves the network most
      fragmented (see :func:`fragmentation`; the measure is stated in the result). For HR:
      the people whose exit would hurt knowledge flow most - candidates for succession
      planning and knowledge sharing, not for blame.
    - ``goal="reach"`` (KPP-Pos): the ``k`` people who together are within ``steps`` steps of
      the largest share of everybody else - e.g. to spread news or a change.

    The set is found as Borgatti proposes: a greedy start (add the person who improves the
    score most, ``k`` times), then swaps of a member for a non-member while any swap improves
    it. This finds a very good set, not always the best one; ties are broken by the order of
    the people in ``G``, so the result is deterministic.

    Parameters
    ----------
    G
        A networkx graph; read as undirected.
    k
        How many people in the set.
    goal
        ``"fragment"`` or ``"reach"``.
    measure
        For ``"fragment"``: ``"components"`` (default, fast) or ``"distance"``
        (distance-weighted fragmentation; slower, for small networks).
    steps
        For ``"reach"``: within how many steps counts as reached.
    candidates
        Only consider these people (default everybody).
    max_passes
        At most this many rounds of swaps.

    Returns
    -------
    pandas.DataFrame
        One row per member in the order they were chosen, indexed by ``person_id``:
        ``order`` (1, 2, ...), ``score_alone`` (the score if only this person were removed,
        resp. chosen), and ``measure``. ``attrs``: ``goal``, ``measure``, ``score_before``
        (fragmentation of the whole network; 0 for reach), ``score`` (with the whole set),
        ``k``.

    References
    ----------
    Borgatti, S. P. (2006). Identifying sets of key players in a social network.
    *Computational and Mathematical Organization Theory* 12, 21-34.

    Examples
    --------
    Two stars joined by their centres: removing both centres leaves only isolated people.

    >>> import networkx as nx
    >>> G = nx.Graph([("A", x) for x in "bcd"] + [("E", x) for x in "fgh"] + [("A", "E")])
    >>> kp = key_players(G, k=2)
    >>> sorted(kp.index), kp.attrs["score"]
    (['A', 'E'], 1.0)
    """
    if goal not in _GOALS:
        raise ValueError(_("key_players: goal={goal!r}; choose 'fragment' (who holds the "
                           "network together) or 'reach' (who reaches the most).").format(
                               goal=goal))
    if measure not in _MEASURES:
        raise ValueError(_("measure={measure!r}; choose 'components' or 'distance'.").format(
            measure=measure))
    S = _Sparse(_undirected(G))
    pool = list(range(S.n)) if candidates is None else [S.pos[c] for c in candidates
                                                        if c in S.pos]
    if not 1 <= k <= len(pool):
        raise ValueError(_("key_players: k={k} must be between 1 and the number of people "
                           "({n}).").format(k=k, n=len(pool)))

    def score(members: list[int]) -> float:
        if goal == "fragment":
            return S.fragmentation(members, measure)
        return S.reach(members, steps)

    alone = {i: score([i]) for i in pool}
    chosen: list[int] = []
    for _round in range(k):
        best = max((i for i in pool if i not in chosen),
                   key=lambda i: score([*chosen, i]) if chosen else alone[i])
        chosen.append(best)
    current = score(chosen)
    for _pass in range(max_passes):
        improved = False
        for slot in range(k):
            for cand in pool:
                if cand in chosen:
                    continue
                trial = chosen.copy()
                trial[slot] = cand
                value = score(trial)
                if value > current + 1e-12:
                    chosen, current, improved = trial, value, True
        if not improved:
            break
    label = (_("fragmentation (components)") if goal == "fragment" and measure == "components"
             else _("fragmentation (distance-weighted)") if goal == "fragment"
             else _("reach within {steps} step(s)").format(steps=steps))
    table = pd.DataFrame({"order": range(1, k + 1),
                          "score_alone": [alone[i] for i in chosen],
                          "measure": label},
                         index=pd.Index([S.nodes[i] for i in chosen], name="person_id"))
    table.attrs.update(goal=goal, measure=label, k=k, score=current,
                       score_before=score([]) if goal == "fragment" else 0.0)
    return table


def _expertise_table(expertise: pd.DataFrame) -> pd.DataFrame:
    if not isinstance(expertise, pd.DataFrame) or not {"person_id", "topic"} <= set(
            expertise.columns):
        cols = ", ".join(map(str, getattr(expertise, "columns", [])))
        raise DataError(_("expertise: expected a table with the columns person_id and topic "
                          "(one row per person and topic); it has: {cols}.").format(
                              cols=cols or "-"))
    table = expertise[["person_id", "topic"]].dropna().astype(str)
    table = table.assign(topic=table["topic"].str.strip())
    return table[table["topic"] != ""].drop_duplicates()


def _leaving_list(G: nx.Graph, leaving: Any, top: int) -> list[Hashable]:
    if leaving is None:
        return []
    if isinstance(leaving, pd.Series):
        ranked = leaving.dropna().sort_values(ascending=False, kind="stable")
        people = [p for p in ranked.index if p in G][:top]
    elif isinstance(leaving, str) or not isinstance(leaving, Iterable):
        people = [leaving]
    else:
        people = list(leaving)
    unknown = [p for p in people if p not in G]
    if unknown:
        raise ValueError(_("leaving: {people} not in the network; use person_ids such as "
                           "'NH0001'.").format(people=", ".join(map(str, unknown))))
    return people


def exit_impact(G: nx.Graph, leaving: Any) -> pd.DataFrame:
    """Who would lose every connection to the main part of the network if people left.

    The main part is the largest connected group of people (network read as undirected). A
    person is *cut off* when they are connected to it now, but would not be once the people
    ``leaving`` are gone.

    Parameters
    ----------
    G
        A networkx graph.
    leaving
        One person id, or several.

    Returns
    -------
    pandas.DataFrame
        One row per person cut off, indexed by ``person_id``, with the node attributes
        ``department`` and ``team`` when present and ``contacts_left`` (their contacts who
        stay). Empty when nobody is cut off. ``attrs``: ``leaving``, ``main_before``,
        ``main_after`` (people in the main part).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d"), ("b", "e"), ("e", "a"),
    ...               ("c", "x"), ("x", "y")])
    >>> exit_impact(G, "c").index.tolist()
    ['d', 'x', 'y']
    """
    people = _leaving_list(G, leaving, top=len(G))
    U = _undirected(G)
    before = max(nx.connected_components(U), key=len, default=set())
    H = U.copy()
    H.remove_nodes_from(people)
    after = max(nx.connected_components(H), key=len, default=set())
    cut = [n for n in U if n in before and n not in after and n not in people]
    cols = [c for c in ("department", "team") if any(c in U.nodes[n] for n in cut)]
    table = pd.DataFrame({c: [U.nodes[n].get(c) for n in cut] for c in cols},
                         index=pd.Index(cut, name="person_id", dtype=object))
    table["contacts_left"] = [H.degree(n) for n in cut]
    table.attrs.update(leaving=people, main_before=len(before), main_after=len(after))
    return table


def knowledge_at_risk(G: nx.Graph, expertise: pd.DataFrame, leaving: Any = None, *,
                      top: int = 3, thin: int = 2) -> pd.DataFrame:
    """Per topic: how many people hold it, how well it is shared, and what an exit costs.

    Parameters
    ----------
    G
        A networkx graph (who works with or asks whom); read as undirected.
    expertise
        A table with ``person_id`` and ``topic`` (one row per person and topic, e.g.
        self-declared topics). People not in ``G`` are left out (``attrs["not_in_network"]``).
    leaving
        Who leaves: one person id, several, or a Series of exit risk per person (then the
        ``top`` people with the highest risk). ``None``: no exit, only today's picture.
    top
        With a Series for ``leaving``: how many of the riskiest people leave.
    thin
        A topic held by at most this many people is marked ``thin`` (at risk).

    Returns
    -------
    pandas.DataFrame
        One row per topic, indexed by ``topic``: ``holders`` (the bus factor: how many
        people must leave before nobody holds it), ``holder_ids`` (``"; "``-joined),
        ``reach`` (share of everybody who holds it or has a direct tie to a holder: how
        well it is shared), ``thin`` (bool). With ``leaving`` also ``holders_after``,
        ``reach_after`` (as a share of everybody before the exit, so ``reach_lost`` is never
        negative), ``reach_lost`` and ``lost`` (nobody left who holds it). Sorted by
        risk: lost first, then fewest holders, then lowest reach. ``attrs``: ``leaving``,
        ``cut_off`` (people who would lose every connection to the main part of the network,
        see :func:`exit_impact`), ``not_in_network``.

    References
    ----------
    Cross, R. & Parker, A. (2004). *The Hidden Power of Social Networks*, ch. 5 (knowledge
    at risk when central people leave). The "bus factor" is software engineers' name for
    the number of people who can leave before a piece of knowledge is gone.

    Examples
    --------
    >>> import networkx as nx
    >>> import pandas as pd
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d")])
    >>> skills = pd.DataFrame({"person_id": ["a", "b", "d"],
    ...                        "topic": ["tax", "tax", "PLC"]})
    >>> t = knowledge_at_risk(G, skills, leaving="d")
    >>> row = t.loc["PLC"]
    >>> int(row["holders"]), int(row["holders_after"]), bool(row["lost"])
    (1, 0, True)
    """
    table = _expertise_table(expertise)
    in_net = table["person_id"].isin([str(n) for n in G])
    node_of = {str(n): n for n in G}
    outside = sorted(table.loc[~in_net, "person_id"].unique())
    table = table[in_net]
    people = _leaving_list(G, leaving, top)
    U = _undirected(G)
    n = max(U.number_of_nodes(), 1)

    def reach(holders: list[Hashable], graph: nx.Graph, total: int) -> float:
        seen = set(holders)
        for h in holders:
            seen.update(graph[h])
        return len(seen) / max(total, 1)

    gone = set(people)
    H = U.copy()
    H.remove_nodes_from(gone)
    rows = []
    for topic, group in table.groupby("topic", sort=True):
        holders = [node_of[p] for p in group["person_id"]]
        row: dict[str, Any] = {"topic": topic, "holders": len(holders),
                               "holder_ids": "; ".join(map(str, holders)),
                               "reach": reach(holders, U, n), "thin": len(holders) <= thin}
        if people:
            left = [h for h in holders if h not in gone]
            row["holders_after"] = len(left)
            row["reach_after"] = reach(left, H, n)
            row["reach_lost"] = row["reach"] - row["reach_after"]
            row["lost"] = not left
        rows.append(row)
    cols = ["topic", "holders", "holder_ids", "reach", "thin"]
    if people:
        cols += ["holders_after", "reach_after", "reach_lost", "lost"]
    result = pd.DataFrame(rows, columns=cols).set_index("topic")
    if people:
        result = result.sort_values(["lost", "holders_after", "holders", "reach"],
                                    ascending=[False, True, True, True], kind="stable")
    else:
        result = result.sort_values(["holders", "reach"], kind="stable")
    cut = exit_impact(G, people) if people else pd.DataFrame()
    result.attrs.update(leaving=people, cut_off=list(cut.index), not_in_network=outside,
                        thin=thin)
    return result


def find_expert(G: nx.Graph, expertise: pd.DataFrame, topic: str,
                start: Hashable | Iterable[Hashable] | None = None) -> pd.DataFrame:
    """Who knows ``topic``, and how many steps away they are from a person or a team.

    The steps are counted in the network read as undirected ("who could introduce me"): 1 =
    a direct contact, 2 = a contact of a contact. For a team (several ``start`` people) the
    steps are from the nearest member.

    Parameters
    ----------
    G
        A networkx graph.
    expertise
        A table with ``person_id`` and ``topic``.
    topic
        The topic, matched without regard to upper or lower case.
    start
        One person, or several (a team); ``None``: no steps, only the holders.

    Returns
    -------
    pandas.DataFrame
        One row per holder in ``G``, indexed by ``person_id``: ``name``, ``department``,
        ``team`` (when the nodes have them), ``contacts`` (their number of contacts),
        ``steps`` (NaN without ``start``; ``inf`` when no path), ``path`` (the people on one
        shortest way there, ``" → "``-joined, start and holder included). Nearest first.

    Raises
    ------
    ValueError
        When no one holds the topic; the message suggests similar topics.

    Examples
    --------
    >>> import networkx as nx
    >>> import pandas as pd
    >>> G = nx.Graph([("me", "b"), ("b", "c"), ("c", "sql_pro")])
    >>> skills = pd.DataFrame({"person_id": ["sql_pro"], "topic": ["SQL"]})
    >>> hit = find_expert(G, skills, "sql", start="me")
    >>> int(hit.loc["sql_pro", "steps"]), hit.loc["sql_pro", "path"]
    (3, 'me → b → c → sql_pro')
    """
    table = _expertise_table(expertise)
    wanted = str(topic).strip().casefold()
    match = table[table["topic"].str.casefold() == wanted]
    node_of = {str(n): n for n in G}
    holders = [node_of[p] for p in match["person_id"] if p in node_of]
    if not holders:
        topics = sorted(table["topic"].unique())
        close = difflib.get_close_matches(str(topic), topics, n=3, cutoff=0.5)
        hint = (_("Did you mean: {topics}?").format(topics=", ".join(close)) if close
                else _("Known topics include: {topics}.").format(topics=", ".join(topics[:8])))
        raise ValueError(_("Nobody in the network holds the topic {topic!r}. {hint}").format(
            topic=str(topic), hint=hint))
    U = _undirected(G)
    sources: list[Hashable] = []
    if start is not None:
        sources = ([start] if isinstance(start, str) or not isinstance(start, Iterable)
                   else list(start))
        unknown = [s for s in sources if s not in U]
        if unknown:
            raise ValueError(_("start: {people} not in the network.").format(
                people=", ".join(map(str, unknown))))
    steps: dict[Hashable, float] = {}
    paths: dict[Hashable, str] = {}
    if sources:
        H = U.copy()
        H.add_node("__start__")
        H.add_edges_from(("__start__", s) for s in sources)
        found = nx.single_source_shortest_path(H, "__start__")
        for h in holders:
            if h in found:
                steps[h] = float(len(found[h]) - 2)
                paths[h] = " → ".join(map(str, found[h][1:]))
            else:
                steps[h], paths[h] = float("inf"), ""
    cols = [c for c in ("name", "department", "team") if any(c in U.nodes[h] for h in holders)]
    result = pd.DataFrame({c: [U.nodes[h].get(c) for h in holders] for c in cols},
                          index=pd.Index(holders, name="person_id", dtype=object))
    result["contacts"] = [U.degree(h) for h in holders]
    result["steps"] = [steps.get(h, np.nan) for h in holders]
    result["path"] = [paths.get(h, "") for h in holders]
    result = result.sort_values(["steps", "contacts"], ascending=[True, False], kind="stable")
    result.attrs.update(topic=str(match["topic"].iloc[0]) if len(match) else str(topic),
                        start=sources)
    return result


def collaboration_load(G: nx.Graph, *, weight: str | None = None,
                       top_share: float = 0.05) -> pd.DataFrame:
    """How concentrated the requests for help are: collaboration overload.

    Cross, Rebele & Grant (2016) found that in most organisations 20-35% of value-adding
    collaborations come from only 3-5% of employees, who then risk burn-out and leave. This
    table shows, for each person, how many colleagues come to them, and how concentrated that
    is over the organisation.

    Parameters
    ----------
    G
        A directed network (``a → b``: ``a`` asks ``b``; requests = ties in) or an undirected
        one (requests = ties).
    weight
        Edge attribute to sum instead of counting ties (e.g. nomination ``strength``).
    top_share
        The share of people counted as "the top" in ``attrs["top_share_of_requests"]``.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``person_id``, most requested first: ``requests``, ``share`` (of all
        requests), ``cumulative_share``. ``attrs``: ``gini`` (0 = spread evenly, 1 = all on
        one person), ``top_share`` and ``top_share_of_requests`` (share of all requests that
        go to the top ``top_share`` of people), ``people_for_half`` (fewest people who get
        half of all requests).

    References
    ----------
    Cross, R., Rebele, R. & Grant, A. (2016). Collaborative overload. *Harvard Business
    Review* 94(1), 74-79.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph([("a", "hub"), ("b", "hub"), ("c", "hub"), ("hub", "a")])
    >>> load = collaboration_load(G, top_share=0.25)
    >>> int(load.loc["hub", "requests"]), load.attrs["top_share_of_requests"]
    (3, 0.75)
    """
    if not 0 < top_share <= 1:
        raise ValueError(_("top_share={value} must be a share between 0 and 1.").format(
            value=top_share))
    if G.is_directed():
        got = dict(G.in_degree(weight=weight))
    else:
        got = dict(G.degree(weight=weight))
    for u, v in nx.selfloop_edges(G):
        got[v] -= G[u][v].get(weight, 1) if weight else 1
        if not G.is_directed():
            got[v] -= G[u][v].get(weight, 1) if weight else 1
    table = pd.DataFrame({"requests": pd.Series(got, dtype=float)})
    table.index = pd.Index(list(got), name="person_id", dtype=object)
    if weight is None:
        table["requests"] = table["requests"].astype("int64")
    table = table.sort_values("requests", ascending=False, kind="stable")
    total = float(table["requests"].sum())
    table["share"] = table["requests"] / total if total else 0.0
    table["cumulative_share"] = table["share"].cumsum()
    values = np.sort(table["requests"].to_numpy(dtype=float))
    n = len(values)
    gini = (float((2 * np.arange(1, n + 1) - n - 1) @ values / (n * values.sum()))
            if n and values.sum() else 0.0)
    n_top = max(1, int(round(top_share * n))) if n else 0
    top_requests = float(table["share"].iloc[:n_top].sum()) if n else 0.0
    half = int((table["cumulative_share"] < 0.5 - 1e-12).sum() + 1) if total else 0
    table.attrs.update(gini=gini, top_share=top_share, top_share_of_requests=top_requests,
                       people_for_half=half)
    return table
