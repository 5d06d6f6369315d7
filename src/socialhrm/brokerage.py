"""Connectors and brokers: who links people and groups that are not linked directly.

Two views on brokerage for the HR business partner:

- :func:`brokerage_roles` counts, per person, the open two-paths *a → broker → b* (``a`` does
  not go to ``b`` directly) and sorts them into the five roles of Gould & Fernandez (1989) by the
  groups of the three people: **coordinator** (all in one group), **consultant** (the two ends
  share a group, the broker is from another: an itinerant broker), **representative** (the
  broker shares the group of the one who asks, and carries it out to another group),
  **gatekeeper** (the broker shares the group of the one who is asked, and decides what comes
  in) and **liaison** (three different groups).
- :func:`bridging_ties` lists the ties whose two ends share few contacts (Granovetter 1973;
  the neighbourhood overlap of Onnela et al. 2007): the weak, bridging ties along which new
  information travels between circles.

Network roles describe *positions* in a network, not performance: a count of brokerage
opportunities says where information can pass, not how well anyone does their job. Never use
them to rank individuals.

Group labels pass through the privacy gate first (:func:`socialhrm.privacy.protect_graph`):
groups smaller than the minimum group size are merged into ``"other (<5)"`` before any role is
counted, so no output shows a small group.

>>> import networkx as nx
>>> G = nx.DiGraph([("a", "b"), ("b", "c")])
>>> G.add_nodes_from(["x", "y", "z"])  # three more people, so each team has three
>>> nx.set_node_attributes(G, {"a": "X", "b": "X", "x": "X", "c": "Y", "y": "Y", "z": "Y"},
...                        "team")
>>> int(brokerage_roles(G, by="team", min_group_size=3).loc["b", "representative"])
1
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from socialhrm.i18n import N_, _
from socialhrm.privacy import protect_graph

__all__ = ["BROKERAGE_ROLES", "ROLE_MEANINGS", "bridging_ties", "brokerage_roles"]

#: The five roles of Gould & Fernandez (1989), in their usual order.
BROKERAGE_ROLES: tuple[str, ...] = ("coordinator", "gatekeeper", "representative",
                                    "consultant", "liaison")

#: What each brokerage role means in HR terms (shown translated with ``_()``).
ROLE_MEANINGS: dict[str, str] = {
    "coordinator": N_("links two colleagues of their own group: keeps work moving inside it"),
    "gatekeeper": N_("is asked by an outsider and passes it on inside their own group: "
                     "decides what comes in"),
    "representative": N_("passes what their own group asks on to another group: speaks for "
                         "the group outside"),
    "consultant": N_("links two people of another group who do not talk directly: an "
                     "outside go-between"),
    "liaison": N_("links two other groups that are not their own: the widest bridge"),
}


def _protected(G: nx.Graph, by: str, min_group_size: int | None) -> nx.Graph:
    """``G`` with the small groups of ``by`` merged by the privacy gate."""
    missing = [n for n, d in G.nodes(data=True) if by not in d]
    if len(missing) == G.number_of_nodes():
        raise ValueError(_("No person in the network has the attribute {by!r}; choose one "
                           "that the people table has, such as 'department'.").format(by=by))
    return protect_graph(G, by, min_group_size)


def brokerage_roles(G: nx.Graph, by: str = "department", *,
                    min_group_size: int | None = None) -> pd.DataFrame:
    """Gould & Fernandez brokerage role counts per person.

    For every person ``v`` and every pair of their contacts with ``a → v → b``, ``a ≠ b`` and no
    direct tie ``a → b``, ``v`` has one brokerage opportunity; its role follows from the groups
    of ``a``, ``v`` and ``b`` (attribute ``by``):

    ====================  =====================================
    role                  groups
    ====================  =====================================
    coordinator           a = v = b
    consultant            a = b ≠ v
    representative        a = v ≠ b
    gatekeeper            a ≠ v = b
    liaison               a, v and b all different
    ====================  =====================================

    Parameters
    ----------
    G
        A directed network (``a → v``: ``a`` goes to ``v``, e.g. for advice). An undirected
        network is read as every tie going both ways, so every open pair counts in both
        directions (and representative equals gatekeeper).
    by
        The node attribute that defines the groups, e.g. ``"department"``.
    min_group_size
        Groups smaller than this are merged into one labelled group first (the privacy gate;
        default 5; it never goes below the floor of 3).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``person_id``: ``group`` (after merging), one count column per role in
        :data:`BROKERAGE_ROLES`, ``total`` (all brokerage opportunities) and
        ``main_role`` (the role with the most opportunities, ``""`` for none). Sorted by
        ``total``, largest first. ``attrs``: ``by``, ``min_group_size``, ``merged``.

    Notes
    -----
    The counts are raw numbers of open two-paths, as in Gould & Fernandez (1989, their
    unnormalised scores). They grow with a person's number of contacts and with group
    sizes: compare people within one network only, and read them as positions, not merit.

    References
    ----------
    Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: a formal approach to
    brokerage in transaction networks. *Sociological Methodology* 19, 89-126.

    Examples
    --------
    Bas links Anouk and Chris of his own team, and passes Dina's (Sales) question to Chris:

    >>> import networkx as nx
    >>> G = nx.DiGraph([("Anouk", "Bas"), ("Bas", "Chris"), ("Dina", "Bas")])
    >>> G.add_nodes_from(["Eva", "Fleur"])
    >>> nx.set_node_attributes(G, {"Anouk": "IT", "Bas": "IT", "Chris": "IT", "Dina": "Sales",
    ...                            "Eva": "Sales", "Fleur": "Sales"}, "department")
    >>> roles = brokerage_roles(G, min_group_size=3)
    >>> roles.loc["Bas", ["coordinator", "gatekeeper", "total"]].tolist()
    [1, 1, 2]
    """
    H = _protected(G, by, min_group_size)
    group = {n: str(d.get(by, "(unknown)")) for n, d in H.nodes(data=True)}
    D = H if H.is_directed() else H.to_directed()
    counts = {n: dict.fromkeys(BROKERAGE_ROLES, 0) for n in D}
    for v in D:
        gv = group[v]
        senders = [a for a in D.predecessors(v) if a != v]
        receivers = [b for b in D.successors(v) if b != v]
        for a in senders:
            ga = group[a]
            succ_a = D._succ[a]
            for b in receivers:
                if b == a or b in succ_a:
                    continue
                gb = group[b]
                if ga == gv == gb:
                    role = "coordinator"
                elif ga == gb:
                    role = "consultant"
                elif ga == gv:
                    role = "representative"
                elif gv == gb:
                    role = "gatekeeper"
                else:
                    role = "liaison"
                counts[v][role] += 1
    table = pd.DataFrame.from_dict(counts, orient="index", columns=list(BROKERAGE_ROLES))
    table = table.astype("int64")
    table.index.name = "person_id"
    table.insert(0, "group", [group[n] for n in table.index])
    table["total"] = table[list(BROKERAGE_ROLES)].sum(axis=1)
    main = table[list(BROKERAGE_ROLES)].idxmax(axis=1)
    table["main_role"] = main.where(table["total"] > 0, "")
    table = table.sort_values("total", ascending=False, kind="stable")
    privacy = H.graph.get("privacy", {}).get(by, {})
    table.attrs.update(by=by, min_group_size=privacy.get("min_group_size", min_group_size),
                       merged=list(privacy.get("merged", [])))
    return table


def _contacts(G: nx.Graph) -> dict[Hashable, set]:
    if G.is_directed():
        return {n: (set(G._pred[n]) | set(G._succ[n])) - {n} for n in G}
    return {n: set(G._adj[n]) - {n} for n in G}


def bridging_ties(G: nx.Graph, by: str | None = None, *, max_overlap: float = 0.05,
                  min_group_size: int | None = None) -> pd.DataFrame:
    r"""Ties whose two ends share few contacts: the bridges between circles.

    For each tie ``u - v`` (in a directed network: each pair in touch either way) the
    **neighbourhood overlap** is the share of the two people's other contacts that they share,
    ``|N(u) ∩ N(v)| / |N(u) ∪ N(v) \ {u, v}|`` (Onnela et al. 2007). A tie with no shared
    contact at all is a **local bridge** (Granovetter 1973): without it, the shortest way from
    one end to the other is at least three steps (its ``span``).

    Parameters
    ----------
    G
        A networkx graph, directed or not.
    by
        Optional node attribute (e.g. ``"department"``): adds both ends' groups (small groups
        merged by the privacy gate) and whether the tie crosses groups.
    max_overlap
        Ties with an overlap at or below this are marked ``bridging``.
    min_group_size
        Minimum group size for ``by`` (see :func:`socialhrm.privacy.resolve_min_group_size`).

    Returns
    -------
    pandas.DataFrame
        One row per tie: ``source``, ``target``, ``common_contacts``, ``overlap`` (0-1),
        ``local_bridge`` (bool), ``span`` (steps between the ends without this tie for local
        bridges; ``inf`` when nothing else connects them; NaN for other ties), ``bridging``
        (bool); with ``by`` also ``source_group``, ``target_group``, ``crosses_groups``.
        Sorted by overlap, lowest first.

    References
    ----------
    Granovetter, M. S. (1973). The strength of weak ties. *American Journal of Sociology* 78(6),
    1360-1380.
    Onnela, J.-P. et al. (2007). Structure and tie strengths in mobile communication
    networks. *PNAS* 104(18), 7332-7336.

    Examples
    --------
    Two triangles joined by one tie (c - d), the only local bridge:

    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("c", "d"),
    ...               ("d", "e"), ("e", "f"), ("d", "f")])
    >>> ties = bridging_ties(G)
    >>> first = ties.iloc[0]
    >>> first["source"], first["target"], int(first["common_contacts"]), float(first["span"])
    ('c', 'd', 0, inf)
    """
    if not 0 <= max_overlap <= 1:
        raise ValueError(_("max_overlap={value} must be a share between 0 and 1.").format(
            value=max_overlap))
    contacts = _contacts(G)
    U = nx.Graph()
    U.add_nodes_from(G)
    U.add_edges_from((u, v) for u, v in G.edges() if u != v)
    rows: list[dict[str, Any]] = []
    for u, v in U.edges():
        common = contacts[u] & contacts[v]
        union = (contacts[u] | contacts[v]) - {u, v}
        overlap = len(common) / len(union) if union else 0.0
        span = np.nan
        if not common:
            U.remove_edge(u, v)
            try:
                span = float(nx.shortest_path_length(U, u, v))
            except nx.NetworkXNoPath:
                span = float("inf")
            U.add_edge(u, v)
        rows.append({"source": u, "target": v, "common_contacts": len(common),
                     "overlap": overlap, "local_bridge": not common, "span": span,
                     "bridging": overlap <= max_overlap})
    table = pd.DataFrame(rows, columns=["source", "target", "common_contacts", "overlap",
                                        "local_bridge", "span", "bridging"])
    if by is not None:
        H = _protected(G, by, min_group_size)
        group = {n: str(d.get(by, "(unknown)")) for n, d in H.nodes(data=True)}
        table["source_group"] = table["source"].map(group)
        table["target_group"] = table["target"].map(group)
        table["crosses_groups"] = table["source_group"] != table["target_group"]
    table = table.sort_values(["overlap", "common_contacts"], kind="stable",
                              ignore_index=True)
    table.attrs.update(by=by, max_overlap=max_overlap)
    return table
