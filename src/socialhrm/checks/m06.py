"""Self-checks of module 6, *where new ideas cross boundaries* (HR as change agent).

The exercise's questions q1-q6 and the lesson's tries t1-t3.

Every expected value is computed from the bundled Noordhaven data (once, on first use), never
typed in, so the checks follow the data if it is regenerated.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from socialhrm.checks import NotYet, question
from socialhrm.checks.answers import (
    about,
    close,
    count,
    count_form,
    number,
    parts,
    person,
    share_form,
)
from socialhrm.i18n import N_, _

#: The groups of the exercise: departments, with the privacy floor of 3 so the Board of 3
#: stays a group of its own (Noordhaven is synthetic; keep 5 for real data).
MIN_GROUP_SIZE = 3
#: How an idea spreads in question 6 (stated in the exercise too).
IDEA = {"p": 0.3}
RUNS = 500
TOP = 10
STARTERS = 3
MC_TOLERANCE = 0.1

#: The two small teams of lesson 06, who go to whom with ideas.
TINY_IDEAS = [("Anouk", "Bas"), ("Bas", "Chris"), ("Chris", "Anouk"), ("Chris", "Dirk"),
              ("Dirk", "Eva"), ("Eva", "Femke"), ("Femke", "Dirk"), ("Bas", "Eva")]
TINY_TEAMS = {"Anouk": "Design", "Bas": "Design", "Chris": "Design", "Dirk": "Service",
              "Eva": "Service", "Femke": "Service"}


@dataclass
class _M06:
    """Everything module 6's checks compare with, computed once from the bundled data."""

    ids: frozenset[str]
    names: frozenset[str]
    departments: frozenset[str]
    m: int
    cross: int
    pairs_undirected: int
    cross_pairs: int
    widest: frozenset[frozenset[str]]
    widest_one_way: frozenset[frozenset[str]]
    narrow: int
    single_tie: int
    all_pairs: int
    top_spanners: frozenset[str]
    top_degree: frozenset[str]
    top_sought: frozenset[str]
    managing: int
    team_leads: int
    spanner_reach: float
    star_reach: float
    spanner_share: float
    star_share: float
    tiny_cross: int
    tiny_spanners: frozenset[str]
    tiny_share: float
    rd_spanner: frozenset[str]


def _top(values: dict[str, float]) -> frozenset[str]:
    best = max(values.values())
    return frozenset(p for p, v in values.items() if v == best)


@functools.cache
def _m06() -> _M06:
    import networkx as nx

    from socialhrm.adoption import simulate_adoption
    from socialhrm.bridges import boundary_spanners, bridging_ties
    from socialhrm.datasets import load

    org = load("noordhaven")
    ideas = org.network("ideas")
    chart = org.org_chart()
    people = org.people.set_index("person_id")
    dept = {p: str(d) for p, d in people["department"].items()}
    cross = [(u, v) for u, v in ideas.edges if dept[u] != dept[v]]
    undirected = ideas.to_undirected()
    both = Counter(frozenset((dept[u], dept[v])) for u, v in cross)
    one_way = Counter((dept[u], dept[v]) for u, v in cross)
    bridges = bridging_ties(ideas, "department", MIN_GROUP_SIZE)
    spanners = boundary_spanners(ideas, "department", MIN_GROUP_SIZE)
    top10 = list(spanners.index[:TOP])
    starters = list(spanners.index[:STARTERS])
    in_deg = dict(ideas.in_degree())
    rd = sorted((p for p in ideas if dept[p] == "R&D"), key=lambda p: -in_deg[p])[:STARTERS]
    runs = {}
    for name, seeds in (("spanners", starters), ("stars", rd)):
        res = simulate_adoption(undirected, seeds, "cascade", runs=RUNS, seed=0, **IDEA)
        runs[name] = (float(res.groups_reached(dept).mean()), float(res.final_share.mean()))
    best_one_way = max(one_way.values())
    tiny = nx.DiGraph(TINY_IDEAS)
    tiny_u = tiny.to_undirected()
    tiny_cross = [(u, v) for u, v in tiny.edges if TINY_TEAMS[u] != TINY_TEAMS[v]]
    rd_reach = {p: int(spanners.loc[p, "other_groups"]) for p in spanners.index
                if dept[p] == "R&D"}
    return _M06(
        ids=frozenset(people.index), names=frozenset(map(str, people["name"])),
        departments=frozenset(dept.values()), m=ideas.number_of_edges(), cross=len(cross),
        pairs_undirected=undirected.number_of_edges(),
        cross_pairs=sum(1 for u, v in undirected.edges if dept[u] != dept[v]),
        widest=frozenset(g for g, k in both.items() if k == max(both.values())),
        widest_one_way=frozenset(frozenset(g) for g, k in one_way.items() if k == best_one_way),
        narrow=int((bridges["width"] == 1).sum()), single_tie=int((bridges["ties"] == 1).sum()),
        all_pairs=len(bridges),
        top_spanners=frozenset(spanners.index[spanners["other_groups"]
                                              == spanners["other_groups"].max()]),
        top_degree=_top(dict(undirected.degree())), top_sought=_top(in_deg),
        managing=sum(chart.out_degree(p) > 0 for p in top10),
        team_leads=sum(people.loc[p, "level"] == "manager" for p in top10),
        spanner_reach=runs["spanners"][0], star_reach=runs["stars"][0],
        spanner_share=runs["spanners"][1], star_share=runs["stars"][1],
        tiny_cross=len(tiny_cross),
        tiny_spanners=_top({v: len({TINY_TEAMS[u] for u in tiny_u.neighbors(v)}
                                   - {TINY_TEAMS[v]}) for v in tiny}),
        tiny_share=len(tiny_cross) / tiny.number_of_edges(),
        rd_spanner=_top(rd_reach),
    )


def _pair(name: str, value: Any) -> frozenset[str]:
    if isinstance(value, str) or not isinstance(value, Collection):
        raise NotYet(_("`{name}` should be the two departments' names together, e.g. "
                       "{{\"Sales\", \"HR\"}}.").format(name=name))
    items = [str(v) for v in value]
    if len(items) != 2:
        raise NotYet(_("`{name}` should hold exactly two department names.").format(name=name))
    return frozenset(items)


@question("m06", "q1", ["share_bridging"], N_("share of ideas ties that cross departments"))
def _m06_q1(share_bridging: Any) -> str:
    f = _m06()
    x = number("share_bridging", share_bridging)
    s = f.cross / f.m
    if close(x, s):
        share_form("share_bridging", share_bridging, x)
        return _("Right. Most ideas stay inside a department; the few ties that cross are "
                 "where new combinations can start.")
    if about(x, 100 * s):
        share_form("share_bridging", share_bridging, x)
    if about(x, 1 - s):
        raise NotYet(_("That is the share of ideas ties WITHIN departments."))
    if about(x, f.cross_pairs / f.pairs_undirected):
        raise NotYet(_("You counted pairs of people. Count directed ties: A → B and B → A are "
                       "two ties."))
    if x == f.cross:
        raise NotYet(_("That is a number of ties; give the share of all ideas ties."))
    share_form("share_bridging", share_bridging, x)
    raise NotYet(_("Not yet: the ideas ties between people of different departments, divided "
                   "by all ideas ties."))


@question("m06", "q2", ["widest_bridge"], N_("the pair of departments with most ideas ties"))
def _m06_q2(widest_bridge: Any) -> str:
    f = _m06()
    pair = _pair("widest_bridge", widest_bridge)
    unknown = sorted(pair - f.departments)
    if unknown:
        raise NotYet(_("{value!r} is not one of Noordhaven's departments; write the names as in "
                       "the people table.").format(value=unknown[0]))
    if pair in f.widest:
        return _("Right: the widest bridge for ideas. Ideas that need several colleagues' "
                 "support can cross here.")
    if pair in f.widest_one_way:
        raise NotYet(_("You counted ties in one direction only. Count ties between the two "
                       "departments in both directions."))
    raise NotYet(_("Not yet: count, for every pair of departments, the ideas ties between them "
                   "in either direction (bridging_ties does this), and take the highest."))


@question("m06", "q3", ["narrow_bridges"], N_("pairs of departments joined through one person"))
def _m06_q3(narrow_bridges: Any) -> str:
    f = _m06()
    x = count("narrow_bridges", narrow_bridges)
    if x == f.narrow:
        count_form("narrow_bridges", narrow_bridges)
        return _("Right. A rumour can cross such a bridge, but a change that needs several "
                 "colleagues' example stops there (Centola & Macy).")
    if x == f.single_tie and f.single_tie != f.narrow:
        raise NotYet(_("You counted pairs with a single tie. A bridge is also narrow when "
                       "several ties all run through one person on one side: use the width."))
    if x == f.all_pairs:
        raise NotYet(_("That is the number of all connected pairs; keep those of width 1."))
    raise NotYet(_("Not yet: in bridging_ties(...), count the pairs whose width is 1."))


@question("m06", "q4", ["top_spanner"], N_("the person whose ideas ties reach most departments"))
def _m06_q4(top_spanner: Any) -> str:
    f = _m06()
    p = person("top_spanner", top_spanner, f.ids, f.names)
    if p in f.top_spanners:
        return _("Right: a boundary spanner. Such people bring knowledge from elsewhere and "
                 "are natural starters of co-creation across departments.")
    if p in f.top_degree:
        raise NotYet(_("That person has the most ideas contacts, but mostly within their own "
                       "department. Count the OTHER departments a person's contacts are in."))
    if p in f.top_sought:
        raise NotYet(_("That person is asked most often for ideas (in-degree); the question is "
                       "about reaching other departments."))
    raise NotYet(_("Not yet: for each person, count the different other departments among "
                   "their ideas contacts (in either direction); take the highest."))


@question("m06", "q5", ["spanners_who_manage"], N_("boundary spanners who manage people"))
def _m06_q5(spanners_who_manage: Any) -> str:
    f = _m06()
    x = count("spanners_who_manage", spanners_who_manage)
    if x == f.managing:
        count_form("spanners_who_manage", spanners_who_manage)
        return _("Right. Most boundary spanners manage nobody: co-creation across departments "
                 "is started by people the org chart does not point to.")
    if x == f.team_leads and f.team_leads != f.managing:
        raise NotYet(_("You counted team leads (level 'manager') only. Directors manage people "
                       "too: count everyone with at least one direct report in the chart."))
    if x == TOP - f.managing:
        raise NotYet(_("That is the number who do NOT manage anyone."))
    raise NotYet(_("Not yet: of the first {top} people in boundary_spanners(...), count those "
                   "with at least one direct report (chart.out_degree(p) > 0).").format(top=TOP))


@question("m06", "q6", ["spanner_reach", "star_reach"],
          N_("departments an idea reaches from spanners or from R&D's stars"))
def _m06_q6(spanner_reach: Any, star_reach: Any) -> str:
    f = _m06()

    def one(name: str, value: Any, expected: float, other: float, other_share: float) -> str:
        x = number(name, value)
        if abs(x - expected) <= MC_TOLERANCE:
            return _("`{name}` is right.").format(name=name)
        if abs(x - other) <= MC_TOLERANCE:
            raise NotYet(_("`{name}` looks like the other group's result; did you swap the "
                           "two?").format(name=name))
        if x < 1:
            raise NotYet(_("`{name}` looks like a share of people. The question asks how many "
                           "departments the idea reaches: groups_reached(...).mean().")
                         .format(name=name))
        if x > len(f.departments):
            raise NotYet(_("`{name}` is more than the number of departments.").format(name=name))
        raise NotYet(_("`{name}` is not yet right: simulate the cascade with p=0.3, {runs} "
                       "runs and seed=0 on the undirected ideas network, then take the mean "
                       "of groups_reached(department).").format(name=name, runs=RUNS))

    parts(lambda: one("spanner_reach", spanner_reach, f.spanner_reach, f.star_reach,
                      f.spanner_share),
          lambda: one("star_reach", star_reach, f.star_reach, f.spanner_reach, f.star_share))
    return _("Both right. Started by boundary spanners, an idea reaches more departments than "
             "when it starts with R&D's most sought-after people.")


# lesson 06's tries (not graded)


@question("m06", "t1", ["tiny_bridging"], N_("bridging ties of the two small teams"),
          graded=False)
def _m06_t1(tiny_bridging: Any) -> str:
    f = _m06()
    x = count("tiny_bridging", tiny_bridging)
    if x == f.tiny_cross:
        return _("Right: the ties between people of different teams.")
    if x == len(TINY_IDEAS) - f.tiny_cross:
        raise NotYet(_("That is the number of ties WITHIN the teams."))
    raise NotYet(_("Not yet: count the ties whose two people are in different teams."))


@question("m06", "t2", ["tiny_share"], N_("share of bridging ties in the small teams"),
          graded=False)
def _m06_t2(tiny_share: Any) -> str:
    f = _m06()
    x = number("tiny_share", tiny_share)
    if close(x, f.tiny_share):
        return _("Right: bridging ties divided by all ties.")
    if about(x, 100 * f.tiny_share):
        raise NotYet(_("That looks like a percentage; give the share between 0 and 1."))
    raise NotYet(_("Not yet: the bridging ties divided by all ties."))


@question("m06", "t3", ["rd_spanner"], N_("R&D's boundary spanner"), graded=False)
def _m06_t3(rd_spanner: Any) -> str:
    f = _m06()
    p = person("rd_spanner", rd_spanner, f.ids, f.names)
    if p in f.rd_spanner:
        return _("Right: within R&D, the person whose ideas ties reach most other departments.")
    raise NotYet(_("Not yet: keep the rows of boundary_spanners(...) whose group is R&D and "
                   "take the first."))
