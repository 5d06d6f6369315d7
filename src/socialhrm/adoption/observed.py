"""The adoption that happened: curves per week and group, exposure at adoption, first adopters."""

from __future__ import annotations

from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from socialhrm.data import DataError
from socialhrm.i18n import _


def first_events(events: pd.DataFrame, event: str) -> pd.Series:
    """Each person's first ``event`` (a time stamp per person id), checked for its columns."""
    for col in ("person_id", "timestamp", "event"):
        if col not in events.columns:
            raise DataError(_("events table: missing column {col!r}.\n  What to do: read the "
                              "events with socialhrm.data.read_events.").format(col=col))
    rows = events[events["event"] == event]
    if rows.empty:
        raise DataError(_("events table: no rows with event {event!r}.\n  What to do: check "
                          "the event's name (the events table has: {names}).")
                        .format(event=event,
                                names=", ".join(sorted(map(str, events["event"].unique())))))
    ts = pd.to_datetime(rows["timestamp"])
    return ts.groupby(rows["person_id"].astype(str)).min()


def _week_of(ts: pd.Series, start: pd.Timestamp) -> pd.Series:
    return ((ts - start) // pd.Timedelta(days=7)).astype(int)


def _launch(first: pd.Series, start: Any) -> pd.Timestamp:
    if start is not None:
        return pd.Timestamp(start).normalize()
    t0 = first.min().normalize()
    return t0 - pd.Timedelta(days=t0.weekday())  # the Monday of the first week


def first_adopters(events: pd.DataFrame, weeks: int = 1, *, event: str = "platform_first_post",
                   start: str | pd.Timestamp | None = None) -> list[str]:
    """The people who adopted in the first ``weeks`` weeks (the pilot), in order of adoption.

    Parameters
    ----------
    events
        The events table (see :func:`adoption_curve`).
    weeks
        How many weeks from the launch count as "first" (1: the launch week).
    event, start
        As in :func:`adoption_curve`.

    Returns
    -------
    list of str
        Person ids, earliest first.

    Examples
    --------
    >>> ev = pd.DataFrame({"person_id": ["a", "b", "c"], "event": "post",
    ...                    "timestamp": pd.to_datetime(["2025-02-04", "2025-02-03",
    ...                                                 "2025-02-12"])})
    >>> first_adopters(ev, event="post")
    ['b', 'a']
    """
    first = first_events(events, event).sort_values(kind="stable")
    week = _week_of(first, _launch(first, start))
    return [str(p) for p in week[week < int(weeks)].index]


def adoption_curve(
    events: pd.DataFrame,
    people: pd.DataFrame,
    by: str | None = None,
    min_group_size: int | None = 5,
    G: nx.Graph | None = None,
    *,
    event: str = "platform_first_post",
    start: str | pd.Timestamp | None = None,
    weeks: int | None = None,
) -> pd.DataFrame:
    """The observed adoption, week by week: the share of people who adopted so far.

    Parameters
    ----------
    events
        The events table (``person_id``, ``timestamp``, ``event``); a person adopts at their
        first ``event``.
    people
        The people table: everybody in it counts in the denominator.
    by
        A column of ``people`` (``"department"``) for one curve per group, or ``None``.
    min_group_size
        Groups smaller than this are merged into one labelled group (the privacy gate,
        :func:`socialhrm.privacy.merge_small_groups`; never below its floor).
    G
        Optional network: adds how many of each week's adopters had a contact who adopted
        before them (see :func:`exposure_at_adoption`).
    event
        Which event marks adoption.
    start
        Day 0 of week 0 (default: the Monday of the week of the first adoption).
    weeks
        Number of weeks to show (default: up to the last adoption).

    Returns
    -------
    pandas.DataFrame
        One row per group and week: ``group`` (``"all"`` without ``by``), ``week`` (0 = the
        launch week), ``week_start``, ``people`` (in the group), ``new_adopters``,
        ``adopters`` (so far), ``share``; with ``G`` also ``new_with_earlier_contact``.

    References
    ----------
    Valente (1996), Social network thresholds in the diffusion of innovations.

    Examples
    --------
    >>> people = pd.DataFrame({"person_id": list("abcdef"), "team": ["x"] * 6})
    >>> ev = pd.DataFrame({"person_id": ["a", "b", "c"], "event": "first_post",
    ...                    "timestamp": pd.to_datetime(["2025-02-03", "2025-02-05",
    ...                                                 "2025-02-12"])})
    >>> adoption_curve(ev, people, event="first_post")[["week", "adopters", "share"]].round(2)
       week  adopters  share
    0     0         2   0.33
    1     1         3   0.50
    """
    first = first_events(events, event)
    if "person_id" not in people.columns:
        raise DataError(_("people table: missing column 'person_id'."))
    ids = people["person_id"].astype(str)
    first = first[first.index.isin(set(ids))]
    t0 = _launch(first, start)
    week = _week_of(first, t0)
    last = int(week.max()) if weeks is None else int(weeks) - 1
    if by is None:
        groups = pd.Series("all", index=ids.values)
    else:
        if by not in people.columns:
            raise DataError(_("people table has no column {by!r}; choose one of {cols}.")
                            .format(by=by, cols=", ".join(map(str, people.columns))))
        from socialhrm.privacy import merge_small_groups

        groups = merge_small_groups(pd.Series(people[by].values, index=ids.values),
                                    min_group_size)
    earlier = None
    if G is not None:
        expo = exposure_at_adoption(G, events, event=event)
        earlier = expo["earlier_contacts"] > 0
    frames = []
    for group, members in groups.groupby(groups, sort=True):
        member_ids = set(members.index)
        w = week[week.index.isin(member_ids)]
        new = w.value_counts().reindex(range(last + 1), fill_value=0).sort_index()
        frame = pd.DataFrame({
            "group": str(group), "week": np.arange(last + 1),
            "week_start": [t0 + pd.Timedelta(days=7 * i) for i in range(last + 1)],
            "people": len(member_ids), "new_adopters": new.values.astype(int),
        })
        frame["adopters"] = frame["new_adopters"].cumsum()
        frame["share"] = frame["adopters"] / frame["people"]
        if earlier is not None:
            e = earlier[earlier.index.isin(member_ids)]
            ew = w[e.reindex(w.index, fill_value=False).values]
            frame["new_with_earlier_contact"] = (
                ew.value_counts().reindex(range(last + 1), fill_value=0).sort_index().values)
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


def exposure_at_adoption(G: nx.Graph, events: pd.DataFrame, *,
                         event: str = "platform_first_post") -> pd.DataFrame:
    """Per adopter: how many contacts had adopted before them (Valente's threshold).

    Parameters
    ----------
    G
        The network; a person's contacts are their neighbours (in a directed network: the
        people with a tie to them, whose influence reaches them).
    events
        The events table; a person adopts at their first ``event``.
    event
        Which event marks adoption.

    Returns
    -------
    pandas.DataFrame
        One row per adopter in ``G`` (index ``person``), in order of adoption: ``adopted_at``,
        ``contacts``, ``earlier_contacts`` (contacts who adopted strictly before) and
        ``threshold`` (``earlier_contacts / contacts``: the exposure at which the person
        adopted; NaN without contacts).

    References
    ----------
    Valente (1996), Social network thresholds in the diffusion of innovations.

    Examples
    --------
    >>> G = nx.path_graph(["a", "b", "c"])
    >>> ev = pd.DataFrame({"person_id": ["a", "b"], "event": "post",
    ...                    "timestamp": pd.to_datetime(["2025-02-03", "2025-02-10"])})
    >>> exposure_at_adoption(G, ev, event="post")["threshold"].to_dict()
    {'a': 0.0, 'b': 0.5}
    """
    first = first_events(events, event)
    first = first[first.index.isin(set(map(str, G.nodes)))].sort_values(kind="stable")
    label = {str(v): v for v in G.nodes}
    rows = []
    for pid, when in first.items():
        v = label[pid]
        nbrs = list(G.predecessors(v)) if G.is_directed() else list(G.neighbors(v))
        nbrs = [u for u in nbrs if u != v]
        before = sum(1 for u in nbrs if str(u) in first.index and first[str(u)] < when)
        rows.append((v, when, len(nbrs), before,
                     before / len(nbrs) if nbrs else float("nan")))
    out = pd.DataFrame(rows, columns=["person", "adopted_at", "contacts", "earlier_contacts",
                                      "threshold"]).set_index("person")
    return out


# ---------------------------------------------------------------------------------------
# Choosing pioneers
# ---------------------------------------------------------------------------------------
