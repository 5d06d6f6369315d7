"""Network roles of people and ties between groups: the business partner's first look.

Cross & Parker (*The Hidden Power of Social Networks*, 2004) name the informal roles that
matter to an organisation: **central connectors** whom many people go to, **information
brokers** who link groups that would otherwise be apart, **boundary spanners** whose ties
reach other departments, and **peripheral people** at the edge of the network. This module
finds them from a network and says in one sentence what each role means for HR.

Group figures (ties between departments, locations, levels) pass through the privacy gate
(:mod:`socialhrm.privacy`): groups smaller than the minimum group size are merged into one
group labelled ``"other (<5)"`` before anything is counted, so that no cell, total or
export can be used to recover a small group's figures.

>>> import networkx as nx
>>> G = nx.karate_club_graph()
>>> roles = network_roles(G, by="club")
>>> roles.loc[0, "role"]
'central connector'
"""

from __future__ import annotations

from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from socialhrm import privacy
from socialhrm.data import DataError
from socialhrm.i18n import N_, _

__all__ = [
    "ROLE_EXPLANATIONS",
    "ROLES",
    "group_sizes",
    "ROLE_NAMES",
    "ei_index",
    "group_tie_matrix",
    "network_roles",
    "suppressed_label",
    "suppressed_view",
]

#: The roles in priority order (a person with several roles is listed under the first).
ROLES: tuple[str, ...] = (
    "central connector",
    "information broker",
    "boundary spanner",
    "peripheral",
)

#: What each role means for HR, in one sentence (Cross & Parker 2004).
ROLE_EXPLANATIONS: dict[str, str] = {
    "central connector": N_("Many colleagues turn to this person directly: a go-to person who "
                            "keeps work moving, but also a possible bottleneck and at risk of "
                            "collaboration overload - check their workload and who could share "
                            "it."),
    "information broker": N_("Sits on the paths between groups that rarely talk otherwise: "
                             "knowledge and new ideas cross through them, so losing them would "
                             "cut groups apart - a key person for change and for retention."),
    "boundary spanner": N_("Has ties into many other departments: brings outside knowledge in "
                           "and is a natural ambassador for cross-department projects and "
                           "onboarding."),
    "peripheral": N_("Has few ties in this network: perhaps a newcomer to integrate, an expert "
                     "whose knowledge is under-used, or someone who prefers focus - talk with "
                     "them before drawing conclusions."),
    "": N_("No stand-out role in this network."),
}

#: The role names as people read them (translate with ``_()`` where shown).
ROLE_NAMES: dict[str, str] = {
    "central connector": N_("central connector"),
    "information broker": N_("information broker"),
    "boundary spanner": N_("boundary spanner"),
    "peripheral": N_("peripheral"),
}

#: Value used for people or groups without the grouping attribute.
UNKNOWN_GROUP = privacy.UNKNOWN_GROUP


def suppressed_label(min_group_size: int) -> str:
    """The label of the merged small groups (kept for older code; see ``privacy.other_label``).

    Parameters
    ----------
    min_group_size
        The minimum group size in force.

    Returns
    -------
    str
        E.g. ``"other (<5)"``.

    Examples
    --------
    >>> suppressed_label(5)
    'other (<5)'
    """
    return privacy.other_label(min_group_size)


def group_sizes(G: nx.Graph, by: str = "department",
                min_group_size: int | None = privacy.DEFAULT_MIN_GROUP_SIZE) -> pd.Series:
    """How many people each group has, small groups merged (people without it: ``"(unknown)"``).

    Parameters
    ----------
    G
        A network whose nodes carry the attribute ``by``.
    by
        The node attribute that defines groups, e.g. ``"department"``.
    min_group_size
        Groups smaller than this are merged into ``other (<n)`` (see
        :func:`socialhrm.privacy.merge_small_groups`; the floor applies).

    Returns
    -------
    pandas.Series
        People per group, largest first, the merged group last.

    Examples
    --------
    >>> import networkx as nx
    >>> sorted(group_sizes(nx.karate_club_graph(), by="club").items())
    [('Mr. Hi', 17), ('Officer', 17)]
    """
    sizes = privacy.group_sizes(privacy.group_labels(G, by, min_group_size))
    sizes.index.name = by
    return sizes


def _contacts(G: nx.Graph) -> dict[Any, set]:
    if G.is_directed():
        return {n: (set(G.predecessors(n)) | set(G.successors(n))) - {n} for n in G}
    return {n: set(G.neighbors(n)) - {n} for n in G}


def network_roles(
    G: nx.Graph,
    by: str | None = "department",
    *,
    top: float = 0.1,
    centrality: pd.DataFrame | None = None,
    seed: int | None = 0,
    min_group_size: int | None = privacy.DEFAULT_MIN_GROUP_SIZE,
) -> pd.DataFrame:
    """Each person's informal role in the network, after Cross & Parker (2004).

    - **central connector**: among the ``top`` share most sought-out people (ties in; for an
      undirected network, ties);
    - **information broker**: among the ``top`` share by betweenness (on the paths between
      others);
    - **boundary spanner**: among the ``top`` share by contacts in *other* groups of ``by``,
      reaching at least two other groups;
    - **peripheral**: among the ``top`` share with the fewest contacts (isolated people
      included).

    Parameters
    ----------
    G
        A networkx graph, directed (who goes to whom) or not.
    by
        Node attribute defining groups for boundary spanners (``None``: no boundary spanners).
    top
        Share of people (0-0.5) that counts as "among the most" for each role; people tied
        with the cut-off value are included.
    centrality
        A precomputed :func:`socialhrm.network.centrality_table` of ``G`` (saves recomputing
        it); computed with ``seed`` when omitted.
    seed
        Seed for sampled betweenness on large networks.
    min_group_size
        Groups of ``by`` smaller than this are merged into ``other (<n)`` before anything
        is counted (:func:`socialhrm.privacy.group_labels`), so the ``group`` column and the
        counts of other groups never single out a small group.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``person_id``: ``role`` (the first of :data:`ROLES` that applies, or
        ``""``), ``roles`` (all that apply, ``"; "``-joined), ``group``, ``ties_in``,
        ``contacts`` (distinct people in touch either way), ``other_group_contacts``,
        ``other_groups``, ``betweenness``, ``what_it_means`` (one sentence for HR), one
        boolean column per role. Sorted by role, then by how strongly the role shows.

    Examples
    --------
    >>> import networkx as nx
    >>> roles = network_roles(nx.florentine_families_graph(), by=None)
    >>> roles.loc["Medici", "roles"]
    'central connector; information broker'
    """
    from socialhrm.network import centrality_table

    if not 0 < top <= 0.5:
        raise DataError(_("network_roles: top={top} must be a share between 0 and 0.5, "
                          "e.g. 0.1 for the top 10%.").format(top=top))
    if G.number_of_nodes() == 0:
        raise DataError(_("network_roles: the network has no people."))
    if centrality is None:
        centrality = centrality_table(G, seed=seed)
    nodes = list(G)
    cent = centrality.reindex(nodes)
    contacts = _contacts(G)
    groups = (privacy.group_labels(G, by, min_group_size).to_dict() if by
              else dict.fromkeys(nodes, ""))
    other_contacts = {n: [m for m in contacts[n] if groups[m] != groups[n]] for n in nodes}
    table = pd.DataFrame(
        {
            "group": [groups[n] for n in nodes],
            "ties_in": cent["in_degree"].to_numpy(dtype=int),
            "contacts": [len(contacts[n]) for n in nodes],
            "other_group_contacts": [len(other_contacts[n]) for n in nodes],
            "other_groups": [len({groups[m] for m in other_contacts[n]}) for n in nodes],
            "betweenness": cent["betweenness"].fillna(0.0).to_numpy(dtype=float),
        },
        index=pd.Index(nodes, name="person_id"),
    )

    def among_top(values: pd.Series) -> pd.Series:
        cut = values.quantile(1 - top, interpolation="higher")
        return (values >= cut) & (values > 0)

    flags = {
        "central connector": among_top(table["ties_in"]),
        "information broker": among_top(table["betweenness"]),
        "boundary spanner": (among_top(table["other_group_contacts"])
                             & (table["other_groups"] >= 2)) if by else
        pd.Series(False, index=table.index),
        "peripheral": table["contacts"] <= table["contacts"].quantile(top, interpolation="lower"),
    }
    for role in ROLES:
        table[role.replace(" ", "_")] = flags[role].to_numpy(dtype=bool)
    cols = [r.replace(" ", "_") for r in ROLES]
    flag_frame = table[cols].to_numpy()
    table["roles"] = ["; ".join(r for r, f in zip(ROLES, row, strict=True) if f)
                      for row in flag_frame]
    table["role"] = [next((r for r, f in zip(ROLES, row, strict=True) if f), "")
                     for row in flag_frame]
    table["what_it_means"] = table["role"].map(lambda r: _(ROLE_EXPLANATIONS[r]))
    strength = {  # how strongly the primary role shows, for sorting
        "central connector": table["ties_in"].rank(pct=True),
        "information broker": table["betweenness"].rank(pct=True),
        "boundary spanner": table["other_group_contacts"].rank(pct=True),
        "peripheral": 1 - table["contacts"].rank(pct=True),
        "": pd.Series(0.0, index=table.index),
    }
    order = {r: i for i, r in enumerate((*ROLES, ""))}
    table["_order"] = table["role"].map(order)
    table["_strength"] = [strength[r][n] for r, n in zip(table["role"], table.index,
                                                         strict=True)]
    table = table.sort_values(["_order", "_strength"], ascending=[True, False], kind="stable")
    front = ["role", "roles", "group", "ties_in", "contacts", "other_group_contacts",
             "other_groups", "betweenness", "what_it_means"]
    table = table[front + cols]
    table.attrs.update(by=by, top=top, betweenness=centrality.attrs.get("betweenness", ""))
    return table


def group_tie_matrix(
    G: nx.Graph,
    by: str = "department",
    min_group_size: int | None = privacy.DEFAULT_MIN_GROUP_SIZE,
    *,
    value: str = "ties",
    weight: str = "weight",
) -> pd.DataFrame:
    """Ties from each group to each group (e.g. department x department), small groups merged.

    The groups come from the privacy gate (:func:`socialhrm.privacy.group_labels`): every
    group smaller than ``min_group_size`` is merged into one group ``other (<n)`` *before*
    the ties are counted, with complementary suppression when that group is itself too
    small. So the matrix has no hidden cells, and its totals, rows or differences never
    give a small group's figures. Counting is networkx's :func:`networkx.attr_matrix`.

    Parameters
    ----------
    G
        A networkx graph; nodes carry the attribute ``by``. In a directed network the rows
        are the groups ties come *from* (who asks), the columns the groups they go *to*.
        Self-loops are not counted.
    by
        The node attribute that defines the groups.
    min_group_size
        See :func:`socialhrm.privacy.resolve_min_group_size`: default 5; a value below the
        floor (e.g. 0 or 1) gives the floor and a ``PrivacyWarning``, never no suppression.
    value
        ``"ties"`` (number of ties), ``"weight"`` (summed edge ``weight``, e.g. messages) or
        ``"density"`` (ties as a share of all possible ties between the two groups, so
        groups of different sizes compare fairly).
    weight
        Edge attribute for ``value="weight"``.

    Returns
    -------
    pandas.DataFrame
        Groups by groups, largest groups first and the merged group last; ``attrs``: ``by``,
        ``value``, ``min_group_size`` (applied), ``suppressed`` (the original groups merged
        into ``other``), ``other`` (its label, or ``None``), ``group_sizes`` (people per
        shown group).

    Examples
    --------
    >>> import networkx as nx
    >>> m = group_tie_matrix(nx.karate_club_graph(), by="club", min_group_size=5)
    >>> int(m.loc["Mr. Hi", "Officer"])  # the 11 ties across the split
    11
    """
    if value not in {"ties", "weight", "density"}:
        raise DataError(_("group_tie_matrix: value={value!r}; choose 'ties', 'weight' or "
                          "'density'.").format(value=value))
    labels = privacy.group_labels(G, by, min_group_size)
    sizes = privacy.group_sizes(labels)
    order = list(sizes.index)
    group_of = labels.to_dict()
    loops = list(nx.selfloop_edges(G))
    H = nx.restricted_view(G, [], loops) if loops else G
    node_attr = group_of.__getitem__
    if value == "weight":
        data = nx.attr_matrix(H, edge_attr=lambda u, v: float(H[u][v].get(weight, 1.0)),
                              node_attr=node_attr, rc_order=order)
    else:
        data = nx.attr_matrix(H, node_attr=node_attr, rc_order=order)
    data = np.asarray(data, dtype=float).reshape(len(order), len(order))
    directed = G.is_directed()
    if value == "density":
        n = sizes.to_numpy(dtype=float)
        possible = np.outer(n, n) - np.diag(n)  # no ties to oneself
        if not directed:
            possible[np.diag_indices(len(n))] /= 2  # within a group each pair once
        data = np.divide(data, possible, out=np.zeros_like(data), where=possible > 0)
    matrix = pd.DataFrame(data, index=pd.Index(order, name=f"{by} (from)" if directed else by),
                          columns=pd.Index(order, name=f"{by} (to)" if directed else by))
    other = next((g for g in order if privacy.is_other(g)), None)
    matrix.attrs.update(by=by, value=value, min_group_size=labels.attrs["min_group_size"],
                        suppressed=list(labels.attrs["merged"]), other=other,
                        group_sizes={g: int(s) for g, s in sizes.items()})
    return matrix


def ei_index(G: nx.Graph, by: str = "department",
             min_group_size: int | None = privacy.DEFAULT_MIN_GROUP_SIZE) -> pd.Series:
    """Krackhardt & Stern's E-I index per group: (external - internal) / all tie ends.

    Over distinct ties in either direction (a directed network is read as who is in touch
    with whom); a tie inside a group gives that group two internal ends, a tie between two
    groups one external end to each. -1: every tie stays inside the group (a silo); +1:
    every tie goes out. Groups come from the privacy gate, like every group figure. This is
    the simple index; a silos module adds significance (a permutation test) on top of it.

    Parameters
    ----------
    G
        A networkx graph whose nodes carry ``by``.
    by
        The node attribute that defines the groups.
    min_group_size
        See :func:`group_tie_matrix`.

    Returns
    -------
    pandas.Series
        Group -> E-I index (NaN for a group without ties), lowest first;
        ``attrs["overall"]`` is the index of the whole network, ``attrs["suppressed"]`` the
        groups merged into ``other (<n)``.

    References
    ----------
    Krackhardt, D., & Stern, R. N. (1988). Informal networks and organizational crises: an
    experimental simulation. *Social Psychology Quarterly*, 51(2), 123-140.

    Examples
    --------
    >>> import networkx as nx
    >>> ei = ei_index(nx.karate_club_graph(), by="club")
    >>> round(float(ei["Officer"]), 3), round(ei.attrs["overall"], 3)
    (-0.707, -0.718)
    """
    U = nx.Graph(G.to_undirected(as_view=True)) if G.is_directed() else G
    m = group_tie_matrix(U, by=by, min_group_size=min_group_size)
    inside = np.diag(m.to_numpy()).copy()
    outside = m.to_numpy().sum(axis=1) - inside
    ends = 2 * inside + outside
    with np.errstate(divide="ignore", invalid="ignore"):
        values = np.where(ends > 0, (outside - 2 * inside) / ends, np.nan)
    out = pd.Series(values, index=pd.Index(m.index, name=by), name="ei_index")
    out = out.sort_values(kind="stable")
    external, internal = outside.sum() / 2, inside.sum()
    total = external + internal
    out.attrs.update(overall=float((external - internal) / total) if total else float("nan"),
                     suppressed=m.attrs["suppressed"], min_group_size=m.attrs["min_group_size"])
    return out


def suppressed_view(table: pd.DataFrame, decimals: int = 0) -> pd.DataFrame:
    """A copy for display: numbers rounded (missing values, if any, as ``other (<n)``).

    Parameters
    ----------
    table
        A result of :func:`group_tie_matrix` (its small groups are already merged into
        ``other (<n)``).
    decimals
        Decimals to show.

    Returns
    -------
    pandas.DataFrame
        Text cells.

    Examples
    --------
    >>> import networkx as nx
    >>> m = group_tie_matrix(nx.karate_club_graph(), by="club", min_group_size=20)
    >>> suppressed_view(m).index.tolist(), suppressed_view(m).iloc[0, 0]
    (['other (<20)'], '78')
    """
    label = privacy.other_label(table.attrs.get("min_group_size", 5))
    fmt = f"{{:,.{decimals}f}}"
    return table.apply(lambda col: [label if pd.isna(x) else fmt.format(x) for x in col])
