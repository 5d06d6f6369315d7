"""Building networks from interaction logs and survey nominations; the formal org chart."""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from socialhrm.data import (
    VALIDATED,
    DataError,
    DataWarning,
    Origin,
    drop_unknown,
    parse_time,
    read_interactions,
    read_nominations,
    read_people,
    table_kind,
)
from socialhrm.i18n import _

#: Channels whose contacts are mutual by nature: who met whom, who was where with whom.
SYMMETRIC_CHANNELS = frozenset({
    "meeting", "meetings", "call", "calls", "co-presence", "copresence", "co_presence",
    "presence", "proximity", "face-to-face", "face_to_face", "colocation", "co-location",
    "contact", "contacts"})

#: Graphs with at least this many people use the fast engine when ``engine="auto"``.
FAST_FROM = 500
#: The older name of :data:`FAST_FROM` (the fast engine was igraph's until 2026-12).
IGRAPH_FROM = FAST_FROM

#: Columns of :func:`centrality_table`, with what each means for HR.
CENTRALITY_COLUMNS: dict[str, str] = {
    "in_degree": "how many people name or contact this person (ties in)",
    "out_degree": "how many people this person names or contacts (ties out)",
    "degree": "ties in and out together (for undirected graphs: ties)",
    "in_strength": "summed weight of ties in (e.g. messages received)",
    "out_strength": "summed weight of ties out (e.g. messages sent)",
    "strength": "summed weight of all ties",
    "betweenness": "share of shortest paths between others that pass through this person "
                   "(brokerage); exact or sampled, see attrs['betweenness']",
    "closeness": "how few steps others need to reach this person (Wasserman-Faust correction "
                 "for people not everyone can reach); exact or sampled, see attrs['closeness']",
    "pagerank": "importance from being named by important people (weighted, damping 0.85)",
    "eigenvector": "connected to well-connected people (undirected, weighted; largest "
                   "component only, NaN elsewhere)",
    "clustering": "share of this person's contacts who are also in touch (undirected view)",
    "constraint": "Burt's constraint: high = contacts all know each other, few structural "
                  "holes (undirected view)",
    "effective_size": "Burt's effective size: non-redundant contacts (undirected view)",
}


# ---------------------------------------------------------------------------------------
# Building networks
# ---------------------------------------------------------------------------------------
def _node_attributes(people: pd.DataFrame) -> list[tuple[str, dict[str, Any]]]:
    attrs = people.drop(columns="person_id")
    records = attrs.astype(object).where(attrs.notna(), None).to_dict("records")
    return list(zip(people["person_id"].tolist(), records, strict=True))


def _aggregate(frame: pd.DataFrame, src: str, dst: str, wcol: str,
               directed: bool) -> pd.DataFrame:
    pairs = frame[[src, dst, wcol]]
    if not directed:
        a, b = pairs[src], pairs[dst]
        swap = a > b
        pairs = pd.DataFrame({src: a.where(~swap, b), dst: b.where(~swap, a), wcol: pairs[wcol]})
    grouped = pairs.groupby([src, dst], sort=False, observed=True)[wcol]
    return grouped.agg(weight="sum", count="size").reset_index()


def _keep_reciprocated(edges: pd.DataFrame, src: str, dst: str, directed: bool,
                       original: pd.DataFrame) -> pd.DataFrame:
    both = pd.MultiIndex.from_frame(original[[src, dst]].drop_duplicates())
    back = pd.MultiIndex.from_arrays([edges[dst], edges[src]])
    if directed:
        return edges[back.isin(both)]
    fwd = pd.MultiIndex.from_arrays([edges[src], edges[dst]])
    return edges[back.isin(both) & fwd.isin(both)]


def build_network(
    table: pd.DataFrame,
    people: pd.DataFrame | None = None,
    directed: bool = True,
    *,
    relation: str | Iterable[str] | None = None,
    start: str | pd.Timestamp | None = None,
    end: str | pd.Timestamp | None = None,
    channel: str | Iterable[str] | None = None,
    min_weight: float | None = None,
    reciprocated: bool = False,
) -> nx.Graph | nx.DiGraph | dict[str, nx.Graph | nx.DiGraph]:
    """Build a network from an interaction log or from survey nominations.

    Parameters
    ----------
    table
        An interaction log (``sender``, ``recipient``, ...) or nominations (``respondent``,
        ``nominee``, ``relation``), ideally as returned by the ``read_*`` functions; other
        DataFrames are validated first.
    people
        The people table: its columns become node attributes, joined by ``person_id``, and
        people without any tie are kept as isolated nodes. Rows naming someone who is not
        in it are dropped with a warning.
    directed
        A directed graph (who contacts / names whom) or an undirected one (who is in touch).
    relation
        For nominations: one relation (``"advice"``), several, or ``None`` for all. When the
        table holds several relations and none is chosen, a dict ``{relation: graph}``.
    start, end
        For interactions: keep messages with ``start <= timestamp < end``.
    channel
        For interactions: keep only these channel(s), e.g. ``"chat"``.
    min_weight
        Keep only ties whose summed weight (messages, or nomination strength) is at least this.
    reciprocated
        Keep only ties that go both ways.

    Returns
    -------
    networkx.DiGraph or networkx.Graph, or dict of them
        Edges carry ``weight`` (summed weight; the number of messages when every weight is 1)
        and ``count`` (number of rows). ``G.graph`` records how the network was built.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({"sender": ["a", "a", "b"], "recipient": ["b", "b", "a"]})
    >>> G = build_network(log)
    >>> G["a"]["b"]["weight"], G.number_of_edges()
    (2.0, 2)
    """
    if not isinstance(table, pd.DataFrame):
        raise DataError(_("build_network: expected a table (a pandas DataFrame), got "
                          "{type}.\n  What to do: read the file with read_interactions or "
                          "read_nominations first.").format(type=type(table).__name__))
    kind = table_kind(table.columns, where="build_network")
    check_people(people, "build_network")
    if people is not None and people.attrs.get(VALIDATED) != "people":
        people = read_people(people)
    if table.attrs.get(VALIDATED) != kind:  # not through the gate yet
        reader = read_interactions if kind == "interactions" else read_nominations
        table = reader(table, people=people)
    elif people is not None:
        cols = ["sender", "recipient"] if kind == "interactions" else ["respondent", "nominee"]
        table = drop_unknown(table, cols, people, Origin(kind, "as passed to build_network",
                                                           "frame"), "drop")
    if kind == "interactions":
        src, dst, wcol = "sender", "recipient", "weight"
        frame = table
        t0 = parse_time(start, _("build_network: start"))
        t1 = parse_time(end, _("build_network: end"))
        if t0 is not None and t1 is not None and t1 <= t0:
            raise DataError(_("build_network: end ({end}) is not after start ({start}).\n  "
                              "What to do: the window keeps start <= timestamp < end; give "
                              "an end later than the start.").format(start=t0, end=t1))
        if t0 is not None or t1 is not None:
            if frame["timestamp"].isna().all():
                raise DataError(_("build_network: start/end need timestamps, but this "
                                  "interaction log has none.\n  What to do: read a log with a "
                                  "timestamp column, or leave out start= and end=."))
            keep = pd.Series(True, index=frame.index)
            if t0 is not None:
                keep &= frame["timestamp"] >= t0
            if t1 is not None:
                keep &= frame["timestamp"] < t1
            if len(frame) and not keep.any():
                _warn_empty(_(
                    "build_network: no messages between {start} and {end}; the log runs from "
                    "{first} to {last}, so the network has no ties (only isolated people). "
                    "Check the window (start <= timestamp < end).").format(
                        start=t0 if t0 is not None else _("the beginning"),
                        end=t1 if t1 is not None else _("the end"),
                        first=frame["timestamp"].min(), last=frame["timestamp"].max()))
            frame = frame[keep]
        if channel is not None:
            chosen = [channel] if isinstance(channel, str) else list(channel)
            unknown = sorted(set(chosen) - set(frame["channel"].unique()))
            if unknown:
                raise DataError(_("build_network: no messages on channel(s) {unknown}; the "
                                  "log has {have}.\n  What to do: choose one of those "
                                  "channels.").format(
                                      unknown=unknown, have=sorted(table["channel"].unique())))
            frame = frame[frame["channel"].isin(chosen)]
        if len(table) == 0:
            _warn_empty(_("build_network: the interaction log has no rows (every row was "
                          "dropped when it was read; see the reader's warnings), so the "
                          "network has no ties."))
        if directed and len(frame):
            channels = {str(c).strip().lower() for c in pd.unique(frame["channel"])}
            if channels and channels <= SYMMETRIC_CHANNELS:
                _warn_empty(_(
                    "build_network: every contact is on channel(s) {channels}, which are "
                    "mutual by nature (being in the same meeting or place), but the network "
                    "was built as directed: who is listed as sender is arbitrary, so in- and "
                    "out-degree, reciprocity and PageRank mean little. Pass directed=False."
                ).format(channels=", ".join(sorted(channels))))
        return _assemble(frame, src, dst, wcol, people, directed, min_weight, reciprocated,
                         {"source": "interactions", "start": start, "end": end,
                          "channel": channel})
    src, dst, wcol = "respondent", "nominee", "strength"
    available = list(pd.unique(table["relation"]))
    if relation is None:
        chosen = available
    else:
        chosen = [relation] if isinstance(relation, str) else list(relation)
        missing = [r for r in chosen if r not in available]
        if missing:
            raise DataError(_("build_network: no nominations for relation(s) {missing}; the "
                              "survey has {available}.\n  What to do: choose one of those "
                              "relations.").format(missing=missing, available=available))
    graphs = {
        rel: _assemble(table[table["relation"] == rel], src, dst, wcol, people, directed,
                       min_weight, reciprocated, {"source": "nominations", "relation": rel})
        for rel in chosen
    }
    if len(graphs) == 1 and (relation is None or isinstance(relation, str)):
        return next(iter(graphs.values()))
    return graphs


def check_people(people: Any, where: str) -> None:
    """A DataError when ``people=`` is given but is not a table."""
    if people is not None and not isinstance(people, pd.DataFrame):
        raise DataError(_("{where}: people= must be the people table (a pandas DataFrame), got "
                          "{type}.\n  What to do: read it with read_people and pass the "
                          "result.").format(where=where, type=type(people).__name__))


def _warn_empty(message: str) -> None:
    warnings.warn(DataWarning(message), stacklevel=3)


def _assemble(frame: pd.DataFrame, src: str, dst: str, wcol: str,
              people: pd.DataFrame | None, directed: bool, min_weight: float | None,
              reciprocated: bool, info: dict[str, Any]) -> nx.Graph | nx.DiGraph:
    edges = _aggregate(frame, src, dst, wcol, directed)
    if reciprocated:
        edges = _keep_reciprocated(edges, src, dst, directed, frame)
    if min_weight is not None:
        before = len(edges)
        edges = edges[edges["weight"] >= min_weight]
        if before and edges.empty:
            _warn_empty(_("build_network: min_weight={min_weight} removed all {n} ties (the "
                          "strongest has weight {top:g}), so the network has no ties.").format(
                              min_weight=min_weight, n=before,
                              top=float(_aggregate(frame, src, dst, wcol, directed)["weight"]
                                        .max())))
    G: nx.Graph | nx.DiGraph = nx.DiGraph() if directed else nx.Graph()
    G.graph.update({k: v for k, v in info.items() if v is not None})
    G.graph.update(directed=directed, reciprocated=reciprocated, min_weight=min_weight)
    if people is not None:
        G.add_nodes_from(_node_attributes(people))
    weights = edges["weight"].to_numpy(dtype=float).tolist()
    counts = edges["count"].to_numpy(dtype=np.int64).tolist()
    G.add_edges_from(
        (u, v, {"weight": w, "count": c})
        for u, v, w, c in zip(edges[src].tolist(), edges[dst].tolist(), weights, counts,
                              strict=True)
    )
    return G


def org_chart(people: pd.DataFrame) -> nx.DiGraph:
    """The formal organisation: an edge from every manager to each direct report.

    Parameters
    ----------
    people
        The people table with ``person_id`` and ``manager_id`` (empty at the top).

    Returns
    -------
    networkx.DiGraph
        Every person is a node with the people columns as attributes.

    Raises
    ------
    DataError
        A ``manager_id`` that is nobody's ``person_id``, or reporting lines in a loop.

    Examples
    --------
    >>> import pandas as pd
    >>> people = pd.DataFrame({"person_id": ["ceo", "a", "b"], "manager_id": [None, "ceo", "a"]})
    >>> sorted(org_chart(people).edges())
    [('a', 'b'), ('ceo', 'a')]
    """
    if people.attrs.get(VALIDATED) != "people":
        people = read_people(people)
    G = nx.DiGraph(source="org_chart")
    G.add_nodes_from(_node_attributes(people))
    has_manager = people["manager_id"].notna()
    reports = people[has_manager]
    unknown = ~reports["manager_id"].isin(people["person_id"])
    if unknown.any():
        bad = reports[unknown]
        shown = ", ".join(_("{manager} (manager of {person})").format(manager=repr(m),
                                                                        person=repr(p))
                          for p, m in
                          zip(bad["person_id"][:5], bad["manager_id"][:5], strict=True))
        raise DataError(_(
            "org_chart: {n} manager_id(s) are not a person_id in the people table: {shown}.\n"
            "  What to do: add the managers to the people table, or correct the manager_id "
            "(leave it empty for the top of the organisation).").format(
                n=int(unknown.sum()), shown=shown))
    G.add_edges_from(zip(reports["manager_id"], reports["person_id"], strict=True))
    try:
        cycle = nx.find_cycle(G)
    except nx.NetworkXNoCycle:
        return G
    loop = " -> ".join([str(u) for u, _ in cycle] + [str(cycle[0][0])])
    raise DataError(_(
        "org_chart: the reporting lines form a loop ({loop}, read as 'manages').\n"
        "  What to do: every chain of managers must end at someone with no manager; fix the "
        "manager_id of one person in the loop.").format(loop=loop))


# ---------------------------------------------------------------------------------------
# Measuring networks
# ---------------------------------------------------------------------------------------
