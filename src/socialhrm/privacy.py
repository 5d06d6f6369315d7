"""The privacy gate: the one place that decides what a group figure may show.

Every table, plot, dashboard, export and report that shows figures per group (department,
location, level, ...) gets its group labels from here, *before* the figure is made:

- groups smaller than the minimum group size are merged into one group labelled
  ``"other (<5)"`` (:func:`merge_small_groups`), so that no total, difference or export can
  recover a small group's figures;
- when that merged group is itself too small, the next-smallest groups join it
  (complementary suppression), until it is large enough or everybody is in it;
- the minimum cannot go below a floor (:func:`floor`), set by whoever runs the analysis or
  starts the server (``SOCIALHRM_MIN_GROUP_FLOOR``), not by someone viewing a dashboard:
  asking for less gives the floor and a :class:`PrivacyWarning`, never silently no
  suppression.

References: the minimum-cell-size rule and complementary suppression of official statistics
(e.g. Hundepool et al., *Statistical Disclosure Control*, 2012, ch. 4).

Examples
--------
>>> import pandas as pd
>>> labels = pd.Series(["HR"] * 6 + ["Sales"] * 5 + ["Board"] * 2 + ["Legal"] * 3)
>>> merge_small_groups(labels, 5).value_counts().to_dict()
{'HR': 6, 'Sales': 5, 'other (<5)': 5}
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Hashable, Mapping
from typing import Any

import networkx as nx
import pandas as pd

from socialhrm.i18n import _

__all__ = [
    "DEFAULT_MIN_GROUP_SIZE",
    "PrivacyWarning",
    "UNKNOWN_GROUP",
    "floor",
    "group_labels",
    "group_sizes",
    "is_other",
    "merge_small_groups",
    "other_label",
    "protect_graph",
    "resolve_min_group_size",
]

#: The minimum group size when nobody chose one.
DEFAULT_MIN_GROUP_SIZE = 5
#: The lowest minimum anyone may choose when no floor is configured.
DEFAULT_FLOOR = 3
#: Environment variable with the floor, set by whoever runs the analysis or starts the server
#: (``socialhrm dashboards --min-group-floor N`` sets it for every dashboard kernel).
FLOOR_ENV = "SOCIALHRM_MIN_GROUP_FLOOR"
#: The group of people without a value for the grouping attribute.
UNKNOWN_GROUP = "(unknown)"


class PrivacyWarning(UserWarning):
    """A privacy setting was asked for that the gate does not allow; what it did instead."""


def floor() -> int:
    """The lowest minimum group size allowed here (``SOCIALHRM_MIN_GROUP_FLOOR``, default 3).

    Examples
    --------
    >>> floor() >= 2
    True
    """
    raw = os.environ.get(FLOOR_ENV, "").strip()
    try:
        value = int(raw) if raw else DEFAULT_FLOOR
    except ValueError:
        value = DEFAULT_FLOOR
    return max(2, value)


def resolve_min_group_size(requested: int | None = None, *, at_least: int | None = None) -> int:
    """The minimum group size to apply: the request, but never below the floor.

    Parameters
    ----------
    requested
        What the caller asked for; ``None`` gives the default (5).
    at_least
        A floor set by whoever started the analysis (e.g. a dashboard server); the larger
        of this and :func:`floor` applies.

    Returns
    -------
    int

    Warns
    -----
    PrivacyWarning
        When the request is below the floor (e.g. 0 or 1 to "turn suppression off").

    Examples
    --------
    >>> resolve_min_group_size(10)
    10
    >>> import warnings
    >>> with warnings.catch_warnings(record=True):
    ...     resolve_min_group_size(1)
    3
    """
    low = max(floor(), int(at_least or 0))
    value = DEFAULT_MIN_GROUP_SIZE if requested is None else int(requested)
    if value < low:
        warnings.warn(_("A minimum group size of {asked} is below the floor of {floor}: "
                        "groups smaller than {floor} are still merged.").format(
                            asked=value, floor=low), PrivacyWarning, stacklevel=2)
        value = low
    return value


def other_label(min_group_size: int) -> str:
    """The label of the merged small groups, e.g. ``"other (<5)"``.

    Examples
    --------
    >>> other_label(5)
    'other (<5)'
    """
    return _("other (<{n})").format(n=int(min_group_size))


def is_other(label: Any) -> bool:
    """Whether a group label is the merged group of :func:`merge_small_groups`.

    Examples
    --------
    >>> is_other(other_label(5))
    True
    """
    return isinstance(label, str) and label.endswith(")") and "(<" in label


def merge_small_groups(labels: pd.Series | Mapping[Hashable, Any], min_group_size: int | None,
                       *, at_least: int | None = None) -> pd.Series:
    """Merge every group smaller than the minimum into one labelled group.

    Parameters
    ----------
    labels
        The group of each person (index: person id), e.g. ``people["department"]``;
        missing values form the group ``"(unknown)"``.
    min_group_size
        See :func:`resolve_min_group_size` (the floor applies).
    at_least
        A floor set by whoever started the analysis.

    Returns
    -------
    pandas.Series
        The same index with the small groups' labels replaced by ``other (<n)``;
        ``attrs["merged"]`` lists the original groups that were merged and
        ``attrs["min_group_size"]`` the minimum applied. When the merged group would itself
        be smaller than the minimum, the next-smallest groups are merged into it as well.

    Examples
    --------
    Two small groups of 2 and 1 would make a merged group of 3, still too small; so the
    smallest large group joins it (and here that is everybody):

    >>> s = pd.Series(["A"] * 6 + ["B"] * 2 + ["C"] * 1)
    >>> merge_small_groups(s, 5).value_counts().to_dict()
    {'other (<5)': 9}
    """
    minimum = resolve_min_group_size(min_group_size, at_least=at_least)
    series = pd.Series(labels, dtype=object) if not isinstance(labels, pd.Series) else labels
    series = series.astype(object).where(series.notna(), UNKNOWN_GROUP).map(str)
    sizes = series.value_counts()
    small = [g for g, n in sizes.items() if n < minimum]
    if small:
        merged_n = int(sizes[small].sum())
        rest = sizes.drop(small)
        rest = rest.reindex(sorted(rest.index, key=lambda g: (int(rest[g]), str(g))))
        # complementary suppression: a merged group that is itself too small takes in the
        # next-smallest groups, so that it cannot be undone by subtraction
        for group, n in rest.items():
            if merged_n >= minimum:
                break
            small.append(group)
            merged_n += int(n)
    label = other_label(minimum)
    out = series.where(~series.isin(small), label)
    out.attrs.update(merged=sorted(small), min_group_size=minimum)
    return out


def group_labels(G: nx.Graph, by: str, min_group_size: int | None = None, *,
                 at_least: int | None = None) -> pd.Series:
    """Each person's group as any figure may show it: small groups merged.

    This is what every per-group table, drawing, legend and export of a network uses
    (:func:`socialhrm.roles.group_tie_matrix`, :func:`socialhrm.roles.network_roles`, the
    dashboards), so that they all show the same groups and none can be subtracted from
    another.

    Parameters
    ----------
    G
        A networkx graph whose nodes carry the attribute ``by``.
    by
        The node attribute that defines the groups, e.g. ``"department"``.
    min_group_size, at_least
        See :func:`merge_small_groups`.

    Returns
    -------
    pandas.Series
        Indexed by node, in the graph's node order; ``attrs`` as in
        :func:`merge_small_groups`.

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_nodes_from(range(6), team="A")
    >>> G.add_nodes_from(range(6, 8), team="B")
    >>> group_labels(G, "team", 3).value_counts().to_dict()
    {'other (<3)': 8}
    """
    from socialhrm.data import check_attribute

    check_attribute(G, by, "group_labels")  # no silent "(unknown)" group for a typo
    values = []
    for _node, d in G.nodes(data=True):
        value = d.get(by)
        values.append(None if value is None or (isinstance(value, float) and value != value)
                      else value)
    labels = pd.Series(values, index=pd.Index(list(G), dtype=object, tupleize_cols=False),
                       dtype=object)
    return merge_small_groups(labels, min_group_size, at_least=at_least)


def group_sizes(labels: pd.Series) -> pd.Series:
    """People per group of a result of :func:`merge_small_groups`, largest first.

    The merged group ``other (<n)`` is listed last, whatever its size.

    Examples
    --------
    >>> s = merge_small_groups(pd.Series(["A"] * 5 + ["B"] * 6 + ["C"] * 4 + ["D"]), 5)
    >>> group_sizes(s).to_dict()
    {'B': 6, 'A': 5, 'other (<5)': 5}
    """
    sizes = labels.value_counts(sort=False)
    order = sorted(sizes.index, key=lambda g: (is_other(g), -int(sizes[g]), str(g)))
    out = sizes.reindex(order).astype(int)
    out.name = "people"
    return out


def protect_graph(G: nx.Graph, by: str, min_group_size: int | None = None, *,
                  at_least: int | None = None) -> nx.Graph:
    """A copy of ``G`` whose ``by`` attribute has the small groups merged.

    Use it before any per-group figure, drawing or export of a graph, so the small groups'
    labels never reach the output.

    Examples
    --------
    >>> G = nx.karate_club_graph()
    >>> H = protect_graph(G, "club", 10)
    >>> sorted(set(nx.get_node_attributes(H, "club").values()))
    ['Mr. Hi', 'Officer']
    """
    merged = group_labels(G, by, min_group_size, at_least=at_least)
    H = G.copy()
    nx.set_node_attributes(H, merged.to_dict(), by)
    H.graph.setdefault("privacy", {})[by] = dict(merged.attrs)
    return H
