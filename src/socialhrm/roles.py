"""Network roles of people and ties between groups: the business partner's first look.

Cross & Parker (*The Hidden Power of Social Networks*, 2004) name the informal roles that
matter to an organisation: **central connectors** whom many people go to, **information
brokers** who link groups that would otherwise be apart, **boundary spanners** whose ties
reach other departments, and **peripheral people** at the edge of the network. This module
finds them from a network and says in one sentence what each role means for HR.

Group figures (ties between departments, locations, levels) respect a minimum group size:
groups smaller than it are *suppressed* - shown as missing with a visible label, never as 0.

>>> import networkx as nx
>>> G = nx.karate_club_graph()
>>> roles = network_roles(G, by="club")
>>> roles.loc[0, "role"]
'central connector'
"""

from __future__ import annotations

import math
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

__all__ = [
    "ROLE_EXPLANATIONS",
    "ROLES",
    "group_sizes",
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
    "central connector": "Many colleagues turn to this person directly: a go-to person who "
                         "keeps work moving, but also a possible bottleneck and at risk of "
                         "collaboration overload - check their workload and who could share it.",
    "information broker": "Sits on the paths between groups that rarely talk otherwise: "
                          "knowledge and new ideas cross through them, so losing them would "
                          "cut groups apart - a key person for change and for retention.",
    "boundary spanner": "Has ties into many other departments: brings outside knowledge in "
                        "and is a natural ambassador for cross-department projects and "
                        "onboarding.",
    "peripheral": "Has few ties in this network: perhaps a newcomer to integrate, an expert "
                  "whose knowledge is under-used, or someone who prefers focus - talk with "
                  "them before drawing conclusions.",
    "": "No stand-out role in this network.",
}

#: Value used for people or groups without the grouping attribute.
UNKNOWN_GROUP = "(unknown)"


def suppressed_label(min_group_size: int) -> str:
    """The text shown instead of a group figure that is suppressed.

    Parameters
    ----------
    min_group_size
        The minimum group size in force.

    Returns
    -------
    str
        E.g. ``"suppressed (<5)"``.

    Examples
    --------
    >>> suppressed_label(5)
    'suppressed (<5)'
    """
    return f"suppressed (<{int(min_group_size)})"


def _groups(G: nx.Graph, by: str) -> dict[Any, str]:
    out = {}
    for n, d in G.nodes(data=True):
        value = d.get(by)
        missing = value is None or (isinstance(value, float) and math.isnan(value))
        out[n] = UNKNOWN_GROUP if missing else str(value)
    return out


def group_sizes(G: nx.Graph, by: str = "department") -> pd.Series:
    """How many people each group has (people without the attribute: ``"(unknown)"``).

    Parameters
    ----------
    G
        A network whose nodes carry the attribute ``by``.
    by
        The node attribute that defines groups, e.g. ``"department"``.

    Returns
    -------
    pandas.Series
        People per group, largest first.

    Examples
    --------
    >>> import networkx as nx
    >>> sorted(group_sizes(nx.karate_club_graph(), by="club").items())
    [('Mr. Hi', 17), ('Officer', 17)]
    """
    sizes = pd.Series(list(_groups(G, by).values()), dtype=object).value_counts()
    sizes.index.name, sizes.name = by, "people"
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
        raise ValueError(f"network_roles: top={top} must be a share between 0 and 0.5, "
                         "e.g. 0.1 for the top 10%.")
    if G.number_of_nodes() == 0:
        raise ValueError("network_roles: the network has no people.")
    if centrality is None:
        centrality = centrality_table(G, seed=seed)
    nodes = list(G)
    cent = centrality.reindex(nodes)
    contacts = _contacts(G)
    groups = _groups(G, by) if by else dict.fromkeys(nodes, "")
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
    table["what_it_means"] = table["role"].map(ROLE_EXPLANATIONS)
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
    min_group_size: int = 5,
    *,
    value: str = "ties",
    weight: str = "weight",
) -> pd.DataFrame:
    """Ties from each group to each group (e.g. department x department), with suppression.

    Parameters
    ----------
    G
        A networkx graph; nodes carry the attribute ``by``. In a directed network the rows
        are the groups ties come *from* (who asks), the columns the groups they go *to*.
    by
        The node attribute that defines the groups.
    min_group_size
        Groups with fewer people are suppressed: their row and column are missing (NaN),
        listed in ``attrs["suppressed"]``; use :func:`suppressed_view` to show them as
        ``"suppressed (<5)"``. Never shown as zeros. ``0`` or ``1`` disables suppression.
    value
        ``"ties"`` (number of ties), ``"weight"`` (summed edge ``weight``, e.g. messages) or
        ``"density"`` (ties as a share of all possible ties between the two groups, so
        groups of different sizes compare fairly).
    weight
        Edge attribute for ``value="weight"``.

    Returns
    -------
    pandas.DataFrame
        Groups by groups, largest groups first; ``attrs``: ``by``, ``value``,
        ``min_group_size``, ``suppressed`` (list), ``group_sizes`` (dict, suppressed groups
        left out).

    Examples
    --------
    >>> import networkx as nx
    >>> m = group_tie_matrix(nx.karate_club_graph(), by="club", min_group_size=5)
    >>> int(m.loc["Mr. Hi", "Officer"])  # the 11 ties across the split
    11
    """
    if value not in {"ties", "weight", "density"}:
        raise ValueError(f"group_tie_matrix: value={value!r}; choose 'ties', 'weight' or "
                         "'density'.")
    groups = _groups(G, by)
    sizes = group_sizes(G, by)
    labels = list(sizes.index)
    pos = {g: i for i, g in enumerate(labels)}
    k = len(labels)
    ties = np.zeros((k, k))
    summed = np.zeros((k, k))
    directed = G.is_directed()
    for u, v, d in G.edges(data=True):
        if u == v:
            continue
        i, j = pos[groups[u]], pos[groups[v]]
        w = float(d.get(weight, 1.0))
        ties[i, j] += 1
        summed[i, j] += w
        if not directed and i != j:
            ties[j, i] += 1
            summed[j, i] += w
    if value == "ties":
        data = ties
    elif value == "weight":
        data = summed
    else:
        n = sizes.to_numpy(dtype=float)
        possible = np.outer(n, n) - np.diag(n)  # no ties to oneself
        if not directed:
            data = np.divide(ties, possible, out=np.zeros_like(ties), where=possible > 0)
            data[np.diag_indices(k)] *= 2  # within a group each undirected tie counts once
        else:
            data = np.divide(ties, possible, out=np.zeros_like(ties), where=possible > 0)
    matrix = pd.DataFrame(data, index=pd.Index(labels, name=f"{by} (from)" if directed else by),
                          columns=pd.Index(labels, name=f"{by} (to)" if directed else by))
    small = [g for g in labels if sizes[g] < min_group_size]
    matrix.loc[small, :] = np.nan
    matrix.loc[:, small] = np.nan
    matrix.attrs.update(by=by, value=value, min_group_size=int(min_group_size),
                        suppressed=small,
                        group_sizes={g: int(s) for g, s in sizes.items() if g not in small})
    return matrix


def suppressed_view(table: pd.DataFrame, decimals: int = 0) -> pd.DataFrame:
    """A copy for display: numbers rounded, suppressed cells as ``"suppressed (<5)"``.

    Parameters
    ----------
    table
        A result of :func:`group_tie_matrix` (its ``attrs`` say what was suppressed).
    decimals
        Decimals to show.

    Returns
    -------
    pandas.DataFrame
        Text cells; suppressed groups read ``suppressed (<n)``, never 0.

    Examples
    --------
    >>> import networkx as nx
    >>> m = group_tie_matrix(nx.karate_club_graph(), by="club", min_group_size=20)
    >>> suppressed_view(m).iloc[0, 0]
    'suppressed (<20)'
    """
    label = suppressed_label(table.attrs.get("min_group_size", 5))
    fmt = f"{{:,.{decimals}f}}"
    return table.apply(lambda col: [label if pd.isna(x) else fmt.format(x) for x in col])
