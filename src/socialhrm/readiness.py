"""Is the organisation ready? A readiness survey for the preconditions of Social HRM.

Van Hooijdonk names the preconditions that decide whether social media pay off for HR:
management that supports it and sets the example, trust in employees, an open culture that is
willing to share, ambassadors (enthusiastic pioneers), realistic goals and timelines, and
facilitation (time, tools, training). This module measures them twice:

- **what people say**: a short survey instrument (:func:`readiness_instrument`, five-point
  Likert items written for this kit), read through the data gate (:func:`read_readiness`) and
  scored per precondition and group with small groups merged by :mod:`socialhrm.privacy`
  (:func:`readiness_scores`);
- **what the network shows**: is there an ambassador within two steps of every team
  (:func:`ambassador_reach`)? Are managers central in the network where the new way of
  working has to spread (:func:`management_centrality`)?

References
----------
Van Hooijdonk, R. *Zo zorg je dat de inzet van social media zijn vruchten afwerpt voor HRM.*
Likert, R. (1932). A technique for the measurement of attitudes. *Archives of Psychology*, 140.
Valente, T. W. (2012). Network interventions. *Science*, 337(6090), 49-53 (opinion leaders
within reach of everyone).

Examples
--------
>>> items = readiness_instrument()
>>> sorted(items["precondition"].unique())[:3]
['ambassadors', 'facilitation', 'management_support']
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from socialhrm.data import DataError
from socialhrm.i18n import N_, _
from socialhrm.privacy import merge_small_groups, resolve_min_group_size

__all__ = [
    "PRECONDITIONS",
    "READINESS_ITEMS",
    "SCALE",
    "ambassador_reach",
    "instrument_html",
    "management_centrality",
    "read_readiness",
    "readiness_instrument",
    "readiness_scores",
]

#: The preconditions, in the order a report shows them: id -> (label, what it means).
PRECONDITIONS: dict[str, tuple[str, str]] = {
    "management_support": (N_("management support and example"),
                           N_("leaders back the change and use the tools themselves")),
    "trust": (N_("trust in employees"),
              N_("people are trusted to speak for the organisation and to use their time well")),
    "open_culture": (N_("open culture"),
                     N_("knowledge and questions are shared, also across departments")),
    "ambassadors": (N_("ambassadors"),
                    N_("enthusiastic pioneers who show others how and why")),
    "realistic_goals": (N_("realistic goals and timelines"),
                        N_("clear aims, room to learn by doing, patience")),
    "facilitation": (N_("facilitation"),
                     N_("time, tools, ICT and training are there")),
}

#: The answer scale (1-5) and its labels.
SCALE: dict[int, str] = {1: N_("strongly disagree"), 2: N_("disagree"),
                         3: N_("neither agree nor disagree"), 4: N_("agree"),
                         5: N_("strongly agree")}

#: The items: (item id, precondition, statement, reverse-scored). Written for this kit.
READINESS_ITEMS: tuple[tuple[str, str, str, bool], ...] = (
    ("R01", "management_support",
     N_("My manager encourages me to share my work and knowledge online."), False),
    ("R02", "management_support",
     N_("Our leaders use the internal platform themselves."), False),
    ("R03", "management_support",
     N_("Management sees social media mainly as a waste of working time."), True),
    ("R04", "trust",
     N_("I am trusted to decide for myself what I share about my work."), False),
    ("R05", "trust",
     N_("If I posted something clumsy, I would be helped rather than blamed."), False),
    ("R06", "trust",
     N_("Here, what employees write online is checked before anyone may see it."), True),
    ("R07", "open_culture",
     N_("Colleagues readily share what they know, also with other departments."), False),
    ("R08", "open_culture",
     N_("Asking a question in public is seen as a strength here."), False),
    ("R09", "open_culture",
     N_("In my department people keep their knowledge to themselves."), True),
    ("R10", "ambassadors",
     N_("I know a colleague nearby who can show me how to use the platform."), False),
    ("R11", "ambassadors",
     N_("Some colleagues enthusiastically show what the new way of working brings."), False),
    ("R12", "ambassadors",
     N_("I would like to help colleagues get started myself."), False),
    ("R13", "realistic_goals",
     N_("It is clear what we want to achieve with social media."), False),
    ("R14", "realistic_goals",
     N_("We are given time to learn by trying things out."), False),
    ("R15", "realistic_goals",
     N_("Results are expected faster than is realistic."), True),
    ("R16", "facilitation",
     N_("I have the time to take part on the platform during working hours."), False),
    ("R17", "facilitation",
     N_("The tools work well on the devices I use for work."), False),
    ("R18", "facilitation",
     N_("I was offered training or guidance to get started."), False),
)

_ITEM_IDS = tuple(i for i, *_ in READINESS_ITEMS)
_PRECONDITION_OF = {i: p for i, p, _s, _r in READINESS_ITEMS}
_REVERSE = {i for i, _p, _s, r in READINESS_ITEMS if r}


def readiness_instrument() -> pd.DataFrame:
    """The readiness survey as a table (one row per item), in the current language.

    Hand it out as it is, or load it into a form tool: the item ids are the column names
    :func:`read_readiness` expects back.

    Returns
    -------
    pandas.DataFrame
        ``item``, ``precondition``, ``precondition_label``, ``statement``, ``reverse``
        (``True``: agreeing means *less* ready; the score is turned around), ``scale``.

    Examples
    --------
    >>> t = readiness_instrument()
    >>> len(t), int(t["reverse"].sum())
    (18, 4)
    """
    scale = " / ".join(f"{k} = {_(v)}" for k, v in SCALE.items())
    return pd.DataFrame([
        {"item": i, "precondition": p, "precondition_label": _(PRECONDITIONS[p][0]),
         "statement": _(s), "reverse": r, "scale": scale}
        for i, p, s, r in READINESS_ITEMS])


def instrument_html(title: str | None = None) -> str:
    """A printable HTML page of the survey, for a trainer to hand out.

    Examples
    --------
    >>> "<table" in instrument_html()
    True
    """
    t = readiness_instrument()
    heads = "".join(f"<th>{html.escape(str(k))}<br><small>{html.escape(_(v))}</small></th>"
                    for k, v in SCALE.items())
    rows = "".join(
        f"<tr><td>{html.escape(r.item)}</td><td>{html.escape(r.statement)}</td>"
        + "<td>&#9675;</td>" * len(SCALE) + "</tr>" for r in t.itertuples())
    name = html.escape(title or _("Are we ready for Social HRM? A short survey"))
    intro = html.escape(_("Say how far you agree with each statement. There are no right or "
                          "wrong answers; results are only reported for groups of at least "
                          "five people."))
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{name}</title>"
            "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}"
            "td,th{border:1px solid #bbb;padding:4px 6px}table{border-collapse:collapse}"
            "td:nth-child(n+3){text-align:center}</style></head>"
            f"<body><h1>{name}</h1><p>{intro}</p><table><tr><th></th><th></th>{heads}</tr>"
            f"{rows}</table></body></html>")


# ---------------------------------------------------------------------------------------------
# Reading answers
# ---------------------------------------------------------------------------------------------
def read_readiness(source: Any, columns: Mapping[str, str] | None = None,
                   people: pd.DataFrame | None = None, *, unknown: str = "drop") -> pd.DataFrame:
    """Read and validate readiness-survey answers, wide (a form export) or long.

    Wide: one row per respondent, a ``respondent`` column and one column per item (``R01`` ...
    ``R18``; not every item needs to be there). Long: columns ``respondent``, ``item``,
    ``answer``. Answers are whole numbers 1-5; empty cells are skipped items. Your file is
    never changed.

    Parameters
    ----------
    source
        A path (CSV, Excel, Parquet) or a DataFrame.
    columns
        Optional mapping from your column names to ours (e.g. ``{"Employee": "respondent"}``).
    people
        The people table: answers of people not in it are dropped (``unknown="drop"``, with a
        :class:`~socialhrm.data.DataWarning`), kept (``"keep"``) or refused (``"error"``).
    unknown
        See ``people``.

    Returns
    -------
    pandas.DataFrame
        Long, one row per answered item: ``respondent`` (string), ``item``,
        ``precondition``, ``answer`` (1-5 as given), ``score`` (1-5, reverse-scored items
        turned around so that higher always means more ready).

    Raises
    ------
    DataError
        No respondent column, no item column, an answer that is not a whole number from 1 to
        5 (naming the line and column), a respondent who answered twice.

    Examples
    --------
    >>> wide = pd.DataFrame({"respondent": ["a", "b"], "R01": [4, 5], "R03": [2, None]})
    >>> long = read_readiness(wide)
    >>> long[["respondent", "item", "score"]].values.tolist()
    [['a', 'R01', 4], ['a', 'R03', 4], ['b', 'R01', 5]]
    """
    from socialhrm.data import canonical_columns, drop_unknown, id_column, read_source

    if unknown not in ("drop", "keep", "error"):
        raise DataError(_("unknown={value!r} is not one of 'drop', 'keep', 'error'.").format(
            value=unknown))
    frame, origin = read_source(source, "readiness", encoding=None, sheet=None,
                                 max_bytes=None)
    frame.columns = [str(c).strip().upper() if str(c).strip().upper() in _ITEM_IDS
                     else str(c).strip() for c in frame.columns]  # r01 is R01
    is_long = {"item", "answer"} <= {c.lower() for c in frame.columns} or (
        columns is not None and {"item", "answer"} <= set(columns.values()))
    canonical = ["respondent", "item", "answer"] if is_long else ["respondent", *_ITEM_IDS]
    frame = canonical_columns(frame, origin, columns, canonical, ["respondent"])

    def fail(problem: str, advice: str) -> DataError:
        return DataError(_("{where}: {problem}\n  What to do: {advice}").format(
            where=_("readiness table ({label})").format(label=origin.label), problem=problem,
            advice=advice))

    id_column(frame, "respondent", origin, allow_missing=False)
    if is_long:
        long = frame[["respondent", "item", "answer"]].copy()
        long["item"] = long["item"].astype("string").str.strip().str.upper()
        bad = ~long["item"].isin(_ITEM_IDS)
        if bad.any():
            raise fail(_("column 'item' has {value!r} on {rows}, which is not an item of the "
                         "survey.").format(value=str(long.loc[bad, "item"].iloc[0]),
                                           rows=origin.rows(long.index[bad])),
                       _("use the item ids of readiness_instrument(): {ids}.").format(
                           ids=", ".join(_ITEM_IDS)))
        dup = long.duplicated(["respondent", "item"], keep=False)
        if dup.any():
            raise fail(_("a respondent answered the same item twice ({rows}).").format(
                rows=origin.rows(long.index[dup])), _("keep one answer per item."))
    else:
        items = [c for c in _ITEM_IDS if c in frame.columns]
        if not items:
            raise fail(_("no item columns found (expected R01 ... R18)."),
                       _("name the answer columns by item id, as in readiness_instrument(), "
                         "or pass a long table with 'respondent', 'item', 'answer'."))
        dup = frame["respondent"].duplicated(keep=False)
        if dup.any():
            raise fail(_("respondent {who!r} appears more than once ({rows}).").format(
                who=str(frame.loc[dup, "respondent"].iloc[0]), rows=origin.rows(
                    frame.index[dup])), _("keep one row per respondent."))
        long = frame[["respondent", *items]].melt(id_vars="respondent", var_name="item",
                                                  value_name="answer", ignore_index=False)
    text = long["answer"].astype("string").str.strip()
    present = long["answer"].notna() & (text != "")
    values = pd.to_numeric(text.where(present), errors="coerce")
    bad = present & ~(values.isin([1, 2, 3, 4, 5]))
    if bad.any():
        i = bad[bad].index[0]
        item = long.loc[bad, "item"].iloc[0]
        raise fail(_("column {col!r} has {value!r} on {rows}: answers are whole numbers from 1 "
                     "(strongly disagree) to 5 (strongly agree).").format(
                         col="answer" if is_long else str(item),
                         value=str(long.loc[bad, "answer"].iloc[0]),
                         rows=origin.rows(pd.Index([i]).unique())),
                   _("recode the answers to 1-5 (leave a cell empty for a skipped item)."))
    long = long.loc[present].assign(answer=values[present].astype(int))
    long = long.reset_index(drop=True)
    long = drop_unknown(long, ["respondent"], people, origin, unknown)
    long["item"] = long["item"].astype(str)
    long.insert(2, "precondition", long["item"].map(_PRECONDITION_OF))
    long["score"] = np.where(long["item"].isin(_REVERSE), 6 - long["answer"], long["answer"])
    long["score"] = long["score"].astype(int)
    order = {i: k for k, i in enumerate(_ITEM_IDS)}
    long = long.assign(_o=long["item"].map(order)).sort_values(
        ["respondent", "_o"], kind="stable").drop(columns="_o").reset_index(drop=True)
    long["respondent"] = long["respondent"].astype("string")
    return long[["respondent", "item", "precondition", "answer", "score"]]


# ---------------------------------------------------------------------------------------------
# Scores
# ---------------------------------------------------------------------------------------------
def readiness_scores(responses: pd.DataFrame, people: pd.DataFrame | None = None,
                     by: str | None = "department", *,
                     min_group_size: int | None = None) -> pd.DataFrame:
    """Readiness per precondition and group, small groups merged before anything is computed.

    A respondent's score on a precondition is the mean of their (reverse-scored) items on it;
    a group's score is the mean over its respondents. Groups with fewer respondents than the
    minimum are merged into ``other (<n)`` by :func:`socialhrm.privacy.merge_small_groups`.

    Parameters
    ----------
    responses
        What :func:`read_readiness` returned.
    people
        The people table (needed when ``by`` is given).
    by
        A people column (``"department"``, ``"location"``, ...), or ``None`` for the whole
        organisation.
    min_group_size
        The minimum number of respondents per group (default 5; the privacy floor applies).

    Returns
    -------
    pandas.DataFrame
        One row per group and precondition: ``group``, ``precondition``, ``label``,
        ``respondents``, ``score`` (mean, 1-5), ``share_ready`` (share of respondents whose
        score is 4 or more), ``gap`` (the group's score minus the organisation's).
        ``attrs["merged"]`` lists the groups merged for privacy.

    Examples
    --------
    >>> wide = pd.DataFrame({"respondent": list("abcdef"), "R04": [2, 2, 3, 4, 5, 5]})
    >>> s = readiness_scores(read_readiness(wide), by=None)
    >>> float(s.loc[0, "score"]), int(s.loc[0, "respondents"])
    (3.5, 6)
    """
    per_person = responses.groupby(["respondent", "precondition"], observed=True)[
        "score"].mean().rename("score").reset_index()
    minimum = resolve_min_group_size(min_group_size)
    if by is None:
        labels = pd.Series(_("everyone"), index=pd.Index(per_person["respondent"].unique()))
    else:
        if people is None or by not in people.columns:
            raise DataError(_("readiness_scores(by={by!r}) needs the people table with a "
                              "column {by!r}.").format(by=by))
        lookup = people.set_index("person_id")[by]
        resp = pd.Index(per_person["respondent"].unique())
        labels = lookup.reindex(resp)
    merged = merge_small_groups(labels, minimum)
    per_person["group"] = per_person["respondent"].map(merged)
    overall = per_person.groupby("precondition")["score"].mean()
    grouped = per_person.groupby(["group", "precondition"], observed=True)
    out = grouped.agg(respondents=("respondent", "nunique"), score=("score", "mean"),
                      share_ready=("score", lambda s: float((s >= 4).mean()))).reset_index()
    if len(merged) < minimum:  # too few respondents overall: nothing may be shown
        out["score"] = np.nan
        out["share_ready"] = np.nan
    out["gap"] = out["score"] - out["precondition"].map(overall)
    order = {p: k for k, p in enumerate(PRECONDITIONS)}
    out = out.assign(_o=out["precondition"].map(order)).sort_values(
        ["group", "_o"], kind="stable").drop(columns="_o").reset_index(drop=True)
    out.insert(2, "label", out["precondition"].map(lambda p: _(PRECONDITIONS[p][0])))
    out.attrs.update(merged=merged.attrs.get("merged", []), min_group_size=minimum)
    return out


# ---------------------------------------------------------------------------------------------
# The network side
# ---------------------------------------------------------------------------------------------
def ambassador_reach(G: nx.Graph, ambassadors: Iterable[str], by: str = "team", *,
                     steps: int = 2, min_group_size: int | None = None) -> pd.DataFrame:
    """Whether there is an ambassador within ``steps`` steps of everyone, team by team.

    Ties count in both directions (someone you ask, or who asks you, is one step away).

    Parameters
    ----------
    G
        A network whose nodes carry the ``by`` attribute (e.g. the advice network).
    ambassadors
        The ambassadors' ids (e.g. the pioneers who posted first on the platform).
    by
        The node attribute that defines the groups (default ``"team"``).
    steps
        How far is near enough (default 2: an ambassador, or a colleague of one).
    min_group_size
        Groups smaller than this are merged (privacy gate) before counting.

    Returns
    -------
    pandas.DataFrame
        One row per group (index ``group``): ``people``, ``ambassadors`` (in the group),
        ``within_reach`` (people with an ambassador within ``steps``), ``share`` and
        ``covered`` (everyone in the group within reach), sorted with the least-covered
        first. ``attrs["uncovered_groups"]`` lists the groups not fully covered.

    Examples
    --------
    >>> G = nx.path_graph(6)
    >>> nx.set_node_attributes(G, {n: "A" if n < 3 else "B" for n in G}, "team")
    >>> t = ambassador_reach(G, [0], min_group_size=3)
    >>> t["within_reach"].to_dict()
    {'B': 0, 'A': 3}
    """
    amb = [a for a in dict.fromkeys(ambassadors) if a in G]
    U = G.to_undirected(as_view=True) if G.is_directed() else G
    near: set[Any] = set()
    for a in amb:
        near.update(nx.single_source_shortest_path_length(U, a, cutoff=steps))
    labels = pd.Series({n: d.get(by) for n, d in G.nodes(data=True)}, dtype=object)
    merged = merge_small_groups(labels, min_group_size)
    frame = pd.DataFrame({"group": merged, "near": [n in near for n in merged.index],
                          "amb": [n in set(amb) for n in merged.index]})
    out = frame.groupby("group").agg(people=("near", "size"), ambassadors=("amb", "sum"),
                                     within_reach=("near", "sum"))
    out["share"] = out["within_reach"] / out["people"]
    out["covered"] = out["within_reach"] == out["people"]
    out = out.sort_values(["share", "people"], ascending=[True, False], kind="stable")
    out.attrs.update(uncovered_groups=list(out.index[~out["covered"]]),
                     merged=merged.attrs.get("merged", []), steps=steps)
    return out


def management_centrality(G: nx.Graph, managers: Iterable[str] | None = None, *,
                          level: str = "level",
                          management_levels: tuple[str, ...] = ("executive", "director",
                                                                "manager"),
                          top: float = 0.1) -> pd.DataFrame:
    """How central managers are in the network where a new way of working must spread.

    Compares managers with everyone else on degree centrality, betweenness and the share of
    them in the most central ``top`` fraction (by degree).

    Parameters
    ----------
    G
        The network (e.g. chat messages, or the platform's reply network).
    managers
        Their ids; by default the nodes whose ``level`` attribute is a management level.
    level, management_levels
        How managers are recognised when ``managers`` is not given.
    top
        The most central share of people (default 10%).

    Returns
    -------
    pandas.DataFrame
        Two rows (index ``group``: ``management`` and ``others``): ``people``,
        ``degree_centrality`` and ``betweenness`` (means), ``share_in_top`` (share of the
        group among the top ``top`` by degree) and ``expected_share`` (the group's share of
        all people, what ``share_in_top`` would be by chance).

    Examples
    --------
    >>> G = nx.star_graph(5)
    >>> t = management_centrality(G, managers=[0])
    >>> float(t.loc["management", "degree_centrality"])
    1.0
    """
    if managers is None:
        mset = {n for n, d in G.nodes(data=True) if d.get(level) in management_levels}
    else:
        mset = {m for m in managers if m in G}
    if G.number_of_nodes() < 2:
        raise ValueError(_("The network needs at least two people."))
    deg = pd.Series(nx.degree_centrality(G))
    k = min(G.number_of_nodes(), 256) if G.number_of_nodes() > 500 else None
    btw = pd.Series(nx.betweenness_centrality(G, k=k, seed=0))
    n_top = max(1, int(round(top * len(deg))))
    top_nodes = set(deg.sort_values(ascending=False, kind="stable").index[:n_top])
    rows = []
    for group, members in ((N_("management"), [n for n in deg.index if n in mset]),
                           (N_("others"), [n for n in deg.index if n not in mset])):
        rows.append({"group": group, "people": len(members),
                     "degree_centrality": float(deg[members].mean()) if members else np.nan,
                     "betweenness": float(btw[members].mean()) if members else np.nan,
                     "share_in_top": (sum(m in top_nodes for m in members) / n_top),
                     "expected_share": len(members) / len(deg)})
    return pd.DataFrame(rows).set_index("group")

