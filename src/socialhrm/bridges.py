"""Where new ideas cross boundaries: bridging ties between groups and the people on them.

New ideas come from combining knowledge that sits in different places (Burt 2004). In a
network that shows as **bridging ties**, ties between people of different groups, and as
**boundary spanners**, people whose ties reach into many other groups (Cross & Parker 2004).
For a simple idea one bridging tie is enough; for something that needs several colleagues'
example the bridge must be *wide*: several people on each side (Centola & Macy 2007).

References
----------
.. [1] R. S. Burt (2004), Structural holes and good ideas, *American Journal of Sociology*
   110(2), 349-399.
.. [2] R. Cross & A. Parker (2004), *The Hidden Power of Social Networks*.
.. [3] D. Centola & M. Macy (2007), Complex contagions and the weakness of long ties.

Examples
--------
>>> import networkx as nx
>>> G = nx.path_graph(6)                  # 0-1-2 in team x, 3-4-5 in team y
>>> nx.set_node_attributes(G, {v: "x" if v < 3 else "y" for v in G}, "team")
>>> bridging_ties(G, "team", min_group_size=3)[["group_a", "group_b", "ties", "width"]]
  group_a group_b  ties  width
0       x       y     1      1
"""

from __future__ import annotations

from typing import Any

import networkx as nx
import pandas as pd

from socialhrm.data import DataError
from socialhrm.i18n import _

__all__ = ["boundary_spanners", "bridging_ties"]


def _groups(G: nx.Graph, by: str, min_group_size: int | None) -> dict[Any, str]:
    from socialhrm.privacy import merge_small_groups

    raw = {v: G.nodes[v].get(by) for v in G}
    if all(g is None for g in raw.values()):
        raise DataError(_("The network's people have no attribute {by!r}.\n  What to do: "
                          "build the network with the people table, or choose another "
                          "column.").format(by=by))
    return merge_small_groups(pd.Series(raw, dtype=object), min_group_size).to_dict()


def bridging_ties(G: nx.Graph, by: str = "department",
                  min_group_size: int | None = 5) -> pd.DataFrame:
    """The ties between groups, one row per pair of groups, widest first.

    Parameters
    ----------
    G
        The network (directed ties count in both directions: A -> B and B -> A are two ties
        between the same pair of groups).
    by
        The node attribute that defines the groups (``"department"``).
    min_group_size
        Groups smaller than this are merged into one labelled group first (the privacy gate).

    Returns
    -------
    pandas.DataFrame
        ``group_a``, ``group_b`` (in alphabetical order), ``ties`` (ties between them, both
        directions), ``people_a``, ``people_b`` (people of each side with such a tie) and
        ``width`` (the smaller of the two: how wide the bridge is). Sorted by ``ties``, then
        ``width``, descending.

    Examples
    --------
    >>> G = nx.Graph([(1, 4), (2, 4), (2, 5)])
    >>> G.add_nodes_from([3, 6])
    >>> nx.set_node_attributes(G, {v: "x" if v <= 3 else "y" for v in G}, "team")
    >>> bridging_ties(G, "team", 3)[["ties", "people_a", "people_b", "width"]].iloc[0].tolist()
    [3, 2, 2, 2]
    """
    group = _groups(G, by, min_group_size)
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for u, v in G.edges():
        a, b = group[u], group[v]
        if a == b:
            continue
        (ga, pa), (gb, pb) = sorted([(a, u), (b, v)])
        row = rows.setdefault((ga, gb), {"ties": 0, "a": set(), "b": set()})
        row["ties"] += 1
        row["a"].add(pa)
        row["b"].add(pb)
    out = pd.DataFrame([{"group_a": ga, "group_b": gb, "ties": r["ties"],
                         "people_a": len(r["a"]), "people_b": len(r["b"]),
                         "width": min(len(r["a"]), len(r["b"]))}
                        for (ga, gb), r in rows.items()],
                       columns=["group_a", "group_b", "ties", "people_a", "people_b", "width"])
    return out.sort_values(["ties", "width", "group_a", "group_b"],
                           ascending=[False, False, True, True],
                           kind="stable").reset_index(drop=True)


def boundary_spanners(G: nx.Graph, by: str = "department",
                      min_group_size: int | None = 5) -> pd.DataFrame:
    """Per person: how many other groups their ties reach (boundary spanners first).

    Parameters
    ----------
    G
        The network; a person's contacts are everyone they have a tie with, in either
        direction.
    by, min_group_size
        As in :func:`bridging_ties`.

    Returns
    -------
    pandas.DataFrame
        Index ``person``; ``group``, ``contacts``, ``outside_contacts`` (contacts in another
        group) and ``other_groups`` (how many other groups they reach). Sorted by
        ``other_groups``, then ``outside_contacts``, then ``contacts``, descending (ties in
        the order of the network's nodes).

    Examples
    --------
    >>> G = nx.star_graph(6)                 # 0 in the middle
    >>> nx.set_node_attributes(G, {v: "x" if v <= 3 else "y" for v in G}, "team")
    >>> boundary_spanners(G, "team", 3)["other_groups"].tolist()
    [1, 1, 1, 1, 0, 0, 0]
    """
    group = _groups(G, by, min_group_size)
    U = G.to_undirected(as_view=True) if G.is_directed() else G
    rows = []
    for v in G:
        nbrs = [u for u in U.neighbors(v) if u != v]
        outside = [u for u in nbrs if group[u] != group[v]]
        rows.append({"person": v, "group": group[v], "contacts": len(nbrs),
                     "outside_contacts": len(outside),
                     "other_groups": len({group[u] for u in outside})})
    out = pd.DataFrame(rows).set_index("person")
    return out.sort_values(["other_groups", "outside_contacts", "contacts"], ascending=False,
                           kind="stable")
