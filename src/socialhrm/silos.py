"""Silos and the flow of information: does it cross the lines of the org chart.

- :func:`ei_index`: Krackhardt & Stern's E-I index per group and for the whole network, with a
  permutation test that keeps the group sizes (is a department more closed than chance?);
- :func:`communities` and :func:`compare_partitions`: the communities the network itself
  shows (Louvain) against the formal departments: modularity of both, and how far they agree
  (adjusted Rand index, normalised mutual information);
- :func:`cross_location_ties`: ties within and between locations, relative to what is
  possible, for organisations spread over buildings or cities.

Every per-group figure passes the privacy gate first: groups smaller than the minimum group
size are merged into ``"other (<5)"`` (:func:`socialhrm.privacy.merge_small_groups`) before
anything is counted, so no output can show a small group.

This module is self-contained: the simpler E-I figure of the data card
(``socialhrm.synth.figures``) counts the same way and gives the same per-group values.

>>> import networkx as nx
>>> G = nx.karate_club_graph()
>>> table = ei_index(G, by="club", permutations=200)
>>> round(float(table.loc["(all)", "ei"]), 3)  # 11 of 78 ties cross the split
-0.718
"""

from __future__ import annotations

import math
from collections.abc import Hashable
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from socialhrm.i18n import _
from socialhrm.privacy import merge_small_groups

__all__ = [
    "ALL",
    "adjusted_rand",
    "communities",
    "compare_partitions",
    "cross_location_ties",
    "ei_index",
    "normalised_mutual_information",
]

#: The row label of the whole network in :func:`ei_index`.
ALL = "(all)"

_METHODS = ("louvain", "multilevel", "greedy", "label_propagation")


def _labels(G: nx.Graph, by: str, min_group_size: int | None) -> pd.Series:
    """Each person's group of ``by``, small groups merged (the privacy gate)."""
    raw = {n: d.get(by) for n, d in G.nodes(data=True)}
    if G.number_of_nodes() and all(v is None for v in raw.values()):
        raise ValueError(_("No person in the network has the attribute {by!r}; choose one "
                           "that the people table has, such as 'department'.").format(by=by))
    series = pd.Series(raw, dtype=object)
    series.index = pd.Index(list(raw), dtype=object)
    return merge_small_groups(series, min_group_size)


def _undirected_pairs(G: nx.Graph, index: dict[Hashable, int]) -> np.ndarray:
    """Distinct pairs in touch (either way), no self-ties, as an (m, 2) array of positions."""
    pairs = {(min(index[u], index[v]), max(index[u], index[v]))
             for u, v in G.edges() if u != v}
    return np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)


def _ei_counts(codes: np.ndarray, pairs: np.ndarray, k: int) -> tuple[np.ndarray, ...]:
    """Internal and external tie-ends per group, and internal/external ties overall."""
    a, b = codes[pairs[:, 0]], codes[pairs[:, 1]]
    same = a == b
    internal = np.bincount(a[same], minlength=k) * 2  # both ends of an internal tie
    external = np.bincount(a[~same], minlength=k) + np.bincount(b[~same], minlength=k)
    return internal, external, int(same.sum()), int((~same).sum())


def _permuted_ei(codes: np.ndarray, pairs: np.ndarray, k: int, permutations: int,
                 seed: int, batch: int = 50) -> np.ndarray:
    """E-I per group (columns 0..k-1) and overall (column k) for random relabellings.

    Each relabelling is a random permutation of the labels over people (group sizes kept);
    batches of permutations are counted at once with offset bincounts.
    """
    rng = np.random.default_rng(seed)
    out = np.empty((permutations, k + 1))
    m = len(pairs)
    for start in range(0, permutations, batch):
        r = min(batch, permutations - start)
        labels = rng.permuted(np.tile(codes, (r, 1)), axis=1)
        a, b = labels[:, pairs[:, 0]], labels[:, pairs[:, 1]]
        same = a == b
        offset = (np.arange(r) * k)[:, None]
        size = r * k
        internal = 2 * np.bincount((a + offset)[same], minlength=size).reshape(r, k)
        external = (np.bincount((a + offset)[~same], minlength=size)
                    + np.bincount((b + offset)[~same], minlength=size)).reshape(r, k)
        out[start:start + r, :k] = _ratio(external, internal)
        e_all = (~same).sum(axis=1)
        out[start:start + r, k] = _ratio(e_all, m - e_all)
    return out


def _ratio(external: np.ndarray | float, internal: np.ndarray | float) -> np.ndarray:
    ext, inn = np.asarray(external, dtype=float), np.asarray(internal, dtype=float)
    tot = ext + inn
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(tot > 0, (ext - inn) / np.where(tot > 0, tot, 1), np.nan)


def ei_index(G: nx.Graph, by: str = "department", permutations: int = 1000, seed: int = 0,
             *, min_group_size: int | None = None) -> pd.DataFrame:
    """Krackhardt & Stern's E-I index per group and overall, with a permutation test.

    ``E-I = (E - I) / (E + I)``: ``E`` ties to people outside the group, ``I`` ties inside it.
    ``-1``: every tie stays inside (a silo); ``+1``: every tie goes outside; ``0``: as many
    of each.

    - **Per group**, ties are counted from the members' side, as UCINET does on a symmetric
      matrix: a tie inside the group counts once for each of its two members, a tie to an
      outsider once.
    - **Overall** (row ``"(all)"``), every tie counts once: external ties minus internal ties,
      over all ties.

    Big groups have more colleagues inside, so even random ties look "closed" for them. The
    permutation test shuffles the group labels over people ``permutations`` times (keeping
    every group's size, as Krackhardt & Stern's own test does) and compares the observed
    index with the shuffled ones.

    Parameters
    ----------
    G
        A networkx graph; a directed network is read as undirected (a pair in touch either
        way is one tie), self-ties are ignored.
    by
        The node attribute that defines the groups.
    permutations
        Number of random relabellings for the test (``0``: no test).
    seed
        Seed for the permutations; the same seed gives the same result.
    min_group_size
        Groups smaller than this are merged into ``"other (<n)"`` first (the privacy gate;
        default 5, floor 3).

    Returns
    -------
    pandas.DataFrame
        Indexed by group (after merging; largest first) plus the row ``"(all)"``. Columns:
        ``people``, ``internal`` and ``external`` (tie ends per group; ties for ``"(all)"``),
        ``ei`` (observed), ``ei_expected`` (mean over the permutations), ``p_closed`` (share
        of permutations with an index at or below the observed one: small = more closed than
        chance), ``p_open`` (at or above: small = more open than chance), ``p_value``
        (two-sided: twice the smaller of the two, at most 1) and ``reading`` ("more closed
        than chance", "more open than chance" or "as expected by chance", at 5%).
        ``attrs``: ``by``, ``permutations``, ``seed``, ``min_group_size``, ``merged``.

    References
    ----------
    Krackhardt, D. & Stern, R. N. (1988). Informal networks and organizational crises: an
    experimental simulation. *Social Psychology Quarterly* 51(2), 123-140.
    Hanneman, R. A. & Riddle, M. (2005). *Introduction to Social Network Methods*, ch. 7
    (the E-I index and its permutation test in UCINET).

    Examples
    --------
    Two teams of three; one tie crosses:

    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d"), ("d", "e"), ("e", "f")])
    >>> nx.set_node_attributes(G, dict(zip("abcdef", "XXXYYY")), "team")
    >>> t = ei_index(G, by="team", permutations=0, min_group_size=3)
    >>> t.loc["X", ["internal", "external"]].tolist(), round(float(t.loc["X", "ei"]), 2)
    ([4, 1], -0.6)
    >>> float(t.loc["(all)", "ei"])  # 1 external tie, 4 internal
    -0.6
    """
    if permutations < 0:
        raise ValueError(_("permutations={n} must be 0 (no test) or more.").format(
            n=permutations))
    labels = _labels(G, by, min_group_size)
    sizes = labels.value_counts()
    groups = list(sizes.index)
    k = len(groups)
    code_of = {g: i for i, g in enumerate(groups)}
    nodes = list(labels.index)
    index = {n: i for i, n in enumerate(nodes)}
    codes = np.array([code_of[g] for g in labels], dtype=np.int64)
    pairs = _undirected_pairs(G, index)
    internal, external, i_all, e_all = _ei_counts(codes, pairs, k)
    observed = np.append(_ratio(external, internal), _ratio(e_all, i_all))
    table = pd.DataFrame(
        {"people": np.append(sizes.to_numpy(), len(nodes)),
         "internal": np.append(internal, i_all), "external": np.append(external, e_all),
         "ei": observed},
        index=pd.Index([*groups, ALL], name=by, dtype=object))
    if permutations:
        sims = _permuted_ei(codes, pairs, k, permutations, seed)
        eps = 1e-12
        with np.errstate(invalid="ignore"):
            table["ei_expected"] = np.nanmean(sims, axis=0) if len(pairs) else np.nan
            table["p_closed"] = (sims <= observed + eps).mean(axis=0)
            table["p_open"] = (sims >= observed - eps).mean(axis=0)
        table["p_value"] = np.minimum(1.0, 2 * table[["p_closed", "p_open"]].min(axis=1))
        table["reading"] = [
            _("more closed than chance") if pc <= 0.025 and ob < ex else
            _("more open than chance") if po <= 0.025 and ob > ex else
            _("as expected by chance")
            for pc, po, ob, ex in zip(table["p_closed"], table["p_open"], table["ei"],
                                      table["ei_expected"], strict=True)]
    else:
        for col in ("ei_expected", "p_closed", "p_open", "p_value"):
            table[col] = np.nan
        table["reading"] = ""
    table.attrs.update(by=by, permutations=permutations, seed=seed,
                       min_group_size=labels.attrs["min_group_size"],
                       merged=list(labels.attrs["merged"]))
    return table


def _undirected_weighted(G: nx.Graph, weight: str | None) -> nx.Graph:
    if not G.is_directed():
        U = nx.Graph()
        U.add_nodes_from(G)
        U.add_weighted_edges_from(((u, v, float(d.get(weight, 1.0)) if weight else 1.0)
                                   for u, v, d in G.edges(data=True) if u != v),
                                  weight="weight")
        return U
    U = nx.Graph()
    U.add_nodes_from(G)
    for u, v, d in G.edges(data=True):
        if u == v:
            continue
        w = float(d.get(weight, 1.0)) if weight else 1.0
        if U.has_edge(u, v):
            U[u][v]["weight"] += w
        else:
            U.add_edge(u, v, weight=w)
    return U


def communities(G: nx.Graph, method: str = "louvain", seed: int = 0, *,
                weight: str | None = None, resolution: float = 1.0) -> pd.DataFrame:
    """Communities the network itself shows: groups with many ties inside, few outside.

    Parameters
    ----------
    G
        A networkx graph; a directed one is read as undirected (weights of both directions
        added).
    method
        ``"louvain"`` (Blondel et al. 2008, networkx's implementation), ``"multilevel"``
        (the same method in igraph: much faster on large networks, and what Viva
        Insights' ``network_p2p`` uses), ``"greedy"`` (Clauset-Newman-Moore greedy
        modularity) or ``"label_propagation"``.
    seed
        Seed for the methods that use randomness; the same seed gives the same result.
    weight
        Edge attribute used as tie strength, e.g. ``"weight"`` (messages); ``None`` (the
        default): every tie counts once, so a few very busy pairs do not dominate.
    resolution
        Louvain and greedy: above 1 gives more, smaller communities; below 1 fewer, larger.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``person_id``: ``community`` (0 = the largest community, 1 the next, ...)
        and ``community_size``. ``attrs``: ``method``, ``seed``, ``modularity``.

    References
    ----------
    Blondel, V. D., Guillaume, J.-L., Lambiotte, R. & Lefebvre, E. (2008). Fast unfolding of
    communities in large networks. *J. Stat. Mech.* P10008.
    Newman, M. E. J. (2006). Modularity and community structure in networks. *PNAS* 103(23).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.barbell_graph(5, 0)  # two cliques of five joined by one tie
    >>> c = communities(G)
    >>> sorted(c["community_size"].unique().tolist())
    [5]
    """
    if method not in _METHODS:
        raise ValueError(_("communities: method={method!r}; choose one of {choices}.").format(
            method=method, choices=", ".join(map(repr, _METHODS))))
    U = _undirected_weighted(G, weight)
    if U.number_of_edges() == 0:
        found: list[set] = [{n} for n in U]
    elif method == "louvain":
        found = nx.community.louvain_communities(U, weight="weight", resolution=resolution,
                                                 seed=seed)
    elif method == "multilevel":
        found = _multilevel(U, resolution, seed)
    elif method == "greedy":
        found = list(nx.community.greedy_modularity_communities(U, weight="weight",
                                                                resolution=resolution))
    else:
        found = list(nx.community.asyn_lpa_communities(U, weight="weight", seed=seed))
    found = sorted((set(c) for c in found), key=lambda c: (-len(c), min(map(str, c))))
    rows = {n: (i, len(c)) for i, c in enumerate(found) for n in c}
    table = pd.DataFrame.from_dict(rows, orient="index",
                                   columns=["community", "community_size"])
    table = table.reindex(list(G))
    table.index.name = "person_id"
    modularity = (nx.community.modularity(U, found, weight="weight")
                  if U.number_of_edges() else float("nan"))
    table.attrs.update(method=method, seed=seed, modularity=float(modularity))
    return table


def _multilevel(U: nx.Graph, resolution: float, seed: int) -> list[set]:
    """Louvain in igraph (multilevel) on ``U``, with its own seeded random numbers."""
    import random

    import igraph as ig

    from socialhrm.network import to_igraph

    view = to_igraph(U, "weight")
    ig.set_random_number_generator(random.Random(seed))
    try:
        parts = view.graph.community_multilevel(weights="weight", resolution=resolution)
    finally:
        ig.set_random_number_generator(random)
    groups: dict[int, set] = {}
    for node, label in zip(view.nodes, parts.membership, strict=True):
        groups.setdefault(label, set()).add(node)
    return list(groups.values())


def _entropy(counts: np.ndarray) -> float:
    p = counts[counts > 0] / counts.sum()
    return float(-(p * np.log(p)).sum())


def normalised_mutual_information(a: Any, b: Any) -> float:
    """Normalised mutual information of two partitions (arithmetic-mean normalisation).

    ``NMI = 2 I(A; B) / (H(A) + H(B))``: 1 when the partitions are the same up to the names of
    the groups, near 0 when they are unrelated (Danon et al. 2005; scikit-learn's default).

    Examples
    --------
    >>> normalised_mutual_information(["x", "x", "y", "y"], [1, 1, 2, 2])
    1.0
    >>> normalised_mutual_information(["x", "x", "y", "y"], [1, 2, 1, 2])
    0.0
    """
    ct = pd.crosstab(pd.Series(list(a)), pd.Series(list(b))).to_numpy(dtype=float)
    n = ct.sum()
    ha, hb = _entropy(ct.sum(axis=1)), _entropy(ct.sum(axis=0))
    if ha + hb == 0:
        return 1.0
    p = ct / n
    pa, pb = p.sum(axis=1, keepdims=True), p.sum(axis=0, keepdims=True)
    nz = p > 0
    mi = float((p[nz] * np.log(p[nz] / (pa @ pb)[nz])).sum())
    return max(0.0, 2 * mi / (ha + hb))


def adjusted_rand(a: Any, b: Any) -> float:
    """Adjusted Rand index of two partitions (Hubert & Arabie 1985).

    The share of pairs of people that both partitions treat alike (together or apart),
    corrected for chance: 1 for the same partition, about 0 for unrelated ones (it can be
    slightly negative).

    Examples
    --------
    >>> float(adjusted_rand(["x", "x", "y", "y"], [5, 5, 7, 7]))
    1.0
    >>> round(float(adjusted_rand(["x", "x", "x", "y", "y", "y"], [1, 1, 2, 2, 3, 3])), 4)
    0.2424
    """
    ct = pd.crosstab(pd.Series(list(a)), pd.Series(list(b))).to_numpy(dtype=float)
    n = ct.sum()

    def pairs(x: np.ndarray) -> float:
        return float((x * (x - 1) / 2).sum())

    index = pairs(ct)
    rows, cols = pairs(ct.sum(axis=1)), pairs(ct.sum(axis=0))
    total = n * (n - 1) / 2
    expected = rows * cols / total if total else 0.0
    best = (rows + cols) / 2
    if best == expected:
        return 1.0
    return float((index - expected) / (best - expected))


def compare_partitions(G: nx.Graph, formal: str = "department", *,
                       detected: pd.DataFrame | None = None, method: str = "louvain",
                       seed: int = 0, weight: str | None = None,
                       min_group_size: int | None = None) -> pd.DataFrame:
    """The formal organisation against the communities the network shows.

    Parameters
    ----------
    G
        A networkx graph whose nodes carry the attribute ``formal``.
    formal
        The node attribute of the formal partition (e.g. ``"department"``, ``"location"``).
        Small groups are merged first (the privacy gate).
    detected
        A result of :func:`communities`; computed with ``method`` and ``seed`` when omitted.
    method, seed, weight
        For :func:`communities`.
    min_group_size
        Minimum group size for the formal groups (default 5, floor 3).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``measure``, columns ``value`` and ``meaning``:
        ``formal_groups``, ``communities``, ``modularity_formal`` (of the formal groups, on the
        same undirected, weighted network), ``modularity_detected``, ``adjusted_rand`` and
        ``nmi`` (agreement of the two partitions, 1 = the same). ``attrs``: ``formal``,
        ``method``, ``seed``, ``crosstab`` (formal group x community: people, after merging
        small formal groups; a DataFrame).

    Notes
    -----
    Modularity (Newman 2006) is the share of tie weight inside groups minus the share
    expected if ties were placed at random with everyone's number of ties kept. When the
    detected communities reach a much higher modularity than the departments, or agree with
    them only partly, the informal organisation cuts across the chart: read the crosstab to
    see where.

    References
    ----------
    Newman, M. E. J. (2006). Modularity and community structure in networks. *PNAS* 103(23).
    Hubert, L. & Arabie, P. (1985). Comparing partitions. *J. of Classification* 2, 193-218.
    Danon, L. et al. (2005). Comparing community structure identification. *J. Stat. Mech.*

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.karate_club_graph()
    >>> t = compare_partitions(G, formal="club")
    >>> int(t.loc["formal_groups", "value"]), round(float(t.loc["modularity_formal", "value"]), 3)
    (2, 0.358)
    """
    labels = _labels(G, formal, min_group_size)
    if detected is None:
        detected = communities(G, method=method, seed=seed, weight=weight)
    comm = detected["community"].reindex(labels.index)
    U = _undirected_weighted(G, weight)
    blocks = [set(idx) for _g, idx in labels.groupby(labels).groups.items()]
    blocks_detected = [set(idx) for _g, idx in comm.groupby(comm).groups.items()]
    has_ties = U.number_of_edges() > 0
    q_formal = nx.community.modularity(U, blocks, weight="weight") if has_ties else math.nan
    q_detected = (nx.community.modularity(U, blocks_detected, weight="weight")
                  if has_ties else math.nan)
    rows = [
        ("formal_groups", float(labels.nunique()),
         _("groups in the formal partition (small groups merged)")),
        ("communities", float(comm.nunique()), _("communities found in the network")),
        ("modularity_formal", float(q_formal),
         _("how much more tie weight stays inside the formal groups than chance")),
        ("modularity_detected", float(q_detected),
         _("the same for the communities found (the best the network offers)")),
        ("adjusted_rand", adjusted_rand(labels, comm),
         _("agreement of the two partitions over pairs of people, corrected for chance "
           "(1 = the same)")),
        ("nmi", normalised_mutual_information(labels, comm),
         _("normalised mutual information of the two partitions (1 = the same)")),
    ]
    table = pd.DataFrame(rows, columns=["measure", "value", "meaning"]).set_index("measure")
    crosstab = pd.crosstab(labels.rename(formal), comm.rename("community"))
    table.attrs.update(formal=formal, method=detected.attrs.get("method", method),
                       seed=detected.attrs.get("seed", seed), crosstab=crosstab,
                       min_group_size=labels.attrs["min_group_size"],
                       merged=list(labels.attrs["merged"]))
    return table


def cross_location_ties(G: nx.Graph, by: str = "location", *,
                        min_group_size: int | None = None) -> pd.DataFrame:
    """Ties within and between locations, as a share of what is possible.

    People in different buildings or cities meet less often: distance makes ties rarer and
    can make colleagues strangers (Allen's curve; Speekenbrink on finding expertise across
    floors, buildings and cities). This table shows, for every pair of locations, how many
    of the possible ties exist, and how that compares with the density inside the locations.

    Parameters
    ----------
    G
        A networkx graph; read as undirected (a pair in touch either way is one tie).
    by
        The node attribute with the location (any grouping works: department, floor...).
    min_group_size
        Small groups are merged first (the privacy gate; default 5, floor 3).

    Returns
    -------
    pandas.DataFrame
        One row per pair of groups (``from_group`` <= ``to_group``, within-group rows too):
        ``from_group``, ``to_group``, ``people_from``, ``people_to``, ``ties``, ``possible``,
        ``density`` (ties / possible), ``within`` (bool), ``relative_density`` (density
        divided by the mean density inside the two groups: 1 = as close as colleagues in the
        same place, 0.1 = ten times rarer). Within-group rows first, then by density.

    References
    ----------
    Allen, T. J. (1977). *Managing the Flow of Technology*. MIT Press (communication falls
    steeply with distance between desks).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("d", "e"), ("e", "f"), ("c", "d")])
    >>> nx.set_node_attributes(G, dict(zip("abcdef", ["Zwolle"] * 3 + ["Delft"] * 3)),
    ...                        "location")
    >>> t = cross_location_ties(G, min_group_size=3)
    >>> t[~t["within"]][["ties", "possible"]].values.tolist()
    [[1, 9]]
    """
    labels = _labels(G, by, min_group_size)
    sizes = labels.value_counts()
    groups = sorted(sizes.index, key=str)
    index = {n: i for i, n in enumerate(labels.index)}
    code_of = {g: i for i, g in enumerate(groups)}
    codes = np.array([code_of[g] for g in labels], dtype=np.int64)
    pairs = _undirected_pairs(G, index)
    k = len(groups)
    ties = np.zeros((k, k), dtype=np.int64)
    if len(pairs):
        a, b = codes[pairs[:, 0]], codes[pairs[:, 1]]
        np.add.at(ties, (np.minimum(a, b), np.maximum(a, b)), 1)
    n = np.array([sizes[g] for g in groups], dtype=float)
    within_density = np.array([ties[i, i] / (n[i] * (n[i] - 1) / 2) if n[i] > 1 else np.nan
                               for i in range(k)])
    rows = []
    for i in range(k):
        for j in range(i, k):
            possible = n[i] * (n[i] - 1) / 2 if i == j else n[i] * n[j]
            density = ties[i, j] / possible if possible else np.nan
            base = np.nanmean([within_density[i], within_density[j]])
            rows.append({"from_group": groups[i], "to_group": groups[j],
                         "people_from": int(n[i]), "people_to": int(n[j]),
                         "ties": int(ties[i, j]), "possible": int(possible),
                         "density": density, "within": i == j,
                         "relative_density": density / base if base else np.nan})
    table = pd.DataFrame(rows)
    table = table.sort_values(["within", "density"], ascending=[False, False], kind="stable",
                              ignore_index=True)
    table.attrs.update(by=by, min_group_size=labels.attrs["min_group_size"],
                       merged=list(labels.attrs["merged"]))
    return table
