"""Self-checks of module 7, *employees as ambassadors*.

The exercise's questions q1-q7 and the lesson's tries t1-t3. Every expected value is computed
from the bundled Noordhaven data (once, on first use) with networkx and
:mod:`socialhrm.reach`, never typed in.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from socialhrm.checks import NotYet, question
from socialhrm.checks.answers import about, close, count, count_form, number, parts, person
from socialhrm.i18n import _

#: The hand-made example of lesson 07: four colleagues and their outside contacts.
TINY_TIES = [("Anna", "Bram"), ("Bram", "Cem"), ("Cem", "Daan")]
TINY_CONTACTS = [("Anna", "eng1", "engineering"), ("Anna", "eng2", "engineering"),
                 ("Anna", "stu1", "student"), ("Bram", "eng1", "engineering"),
                 ("Bram", "eng2", "engineering"), ("Bram", "eng3", "engineering"),
                 ("Bram", "sal1", "sales"), ("Cem", "sal2", "sales"), ("Cem", "stu2", "student"),
                 ("Daan", "eng4", "engineering"), ("Daan", "eng5", "engineering")]
AUDIENCE = "engineering"
K = 5


def tiny_graph():
    """The lesson's hand-made network (employees, outside contacts with a segment)."""
    import networkx as nx

    G = nx.Graph(TINY_TIES)
    for n in G:
        G.nodes[n]["kind"] = "employee"
    for p, c, s in TINY_CONTACTS:
        G.add_node(c, kind="external", segment=s)
        G.add_edge(p, c)
    return G


def noordhaven_reach_graph():
    """Noordhaven's reach graph exactly as lesson and exercise 07 build it."""
    from socialhrm.datasets import load
    from socialhrm.reach import reach_graph

    org = load("noordhaven")
    return org, reach_graph(org.people, org.contacts,
                            org.network("interactions", directed=False), org.alumni)


@dataclass
class _M07:
    people_ids: frozenset[str]
    names: frozenset[str]
    outside_total: int
    outside_external_only: int
    engineers_total: int
    contact_rows: int
    contact_ids: int
    engineer_rows: int
    engineer_ids: int
    lead: str
    two_step: int
    one_step: int
    two_step_outside: int
    sum_degrees: int
    top5: tuple[str, ...]
    size_coverage: int
    size_sum: int
    first_pick: frozenset[str]
    first_pick_all: frozenset[str]
    greedy: dict[str, int]
    gain4: int
    alone4: int
    cover4: int
    via_alumni_only: int
    via_alumni_all: int
    within_two: int
    lead_effective_size: float
    lead_degree: int
    tiny_two_step: int
    tiny_one_step: int
    tiny_second: str
    tiny_second_by_size: str


@functools.cache
def _m07() -> _M07:
    import networkx as nx

    from socialhrm.reach import choose_ambassadors, ego_network, reached_sets

    org, G = noordhaven_reach_graph()
    people = org.people.set_index("person_id")
    emp = [n for n, k in G.nodes(data="kind") if k == "employee"]
    outside = {v for e in emp for v in G[e] if G.nodes[v]["kind"] != "employee"}
    engineers = {v for v in outside if G.nodes[v].get("segment") == AUDIENCE}
    lead = str(people[(people["team"] == "Recruitment & Employer Branding")
                      & (people["level"] == "manager")].index[0])
    near = nx.single_source_shortest_path_length(G, lead, cutoff=2)
    top5 = tuple(sorted(emp, key=lambda p: (-G.degree(p), p))[:5])
    union = set().union(*(set(G[p]) for p in top5))
    eng_sets = reached_sets(G, 1, AUDIENCE)
    best = max(len(s) for s in eng_sets.values())
    g = choose_ambassadors(G, K, steps=1, audience=AUDIENCE, sets=eng_sets)
    g2 = choose_ambassadors(G, K, steps=2, audience=AUDIENCE)
    g_all = choose_ambassadors(G, K, steps=1)
    alumni = [n for n, k in G.nodes(data="kind") if k == "alumnus"]
    via = {v for a in alumni for v in G[a] if G.nodes[v].get("segment") == AUDIENCE}
    two = set()
    for e in emp:
        two |= {n for n in nx.single_source_shortest_path_length(G, e, cutoff=2)
                if G.nodes[n].get("segment") == AUDIENCE}
    all_sets = reached_sets(G, 1)
    best_all = max(len(s) for s in all_sets.values())
    tiny = tiny_graph()
    t_near = nx.single_source_shortest_path_length(tiny, "Anna", cutoff=2)
    t_sets = reached_sets(tiny, 1, AUDIENCE)
    t_first = max(sorted(t_sets), key=lambda p: len(t_sets[p]))
    t_second = max(sorted(t_sets), key=lambda p: len(t_sets[p] - t_sets[t_first]))
    by_size = sorted((p for p in t_sets if p != t_first), key=lambda p: -len(t_sets[p]))[0]
    contacts = org.contacts
    ego = ego_network(G, lead)
    return _M07(
        people_ids=frozenset(people.index), names=frozenset(map(str, people["name"])),
        outside_total=len(outside),
        outside_external_only=sum(1 for v in outside if G.nodes[v]["kind"] == "external"),
        engineers_total=len(engineers), contact_rows=len(contacts),
        contact_ids=int(contacts["contact_id"].nunique()),
        engineer_rows=int((contacts["segment"] == AUDIENCE).sum()),
        engineer_ids=int(contacts.loc[contacts["segment"] == AUDIENCE, "contact_id"].nunique()),
        lead=lead, two_step=len(near) - 1, one_step=G.degree(lead),
        two_step_outside=sum(1 for n in near if G.nodes[n]["kind"] != "employee"),
        sum_degrees=G.degree(lead) + sum(G.degree(n) for n in G[lead]),
        top5=top5, size_coverage=len(union), size_sum=sum(G.degree(p) for p in top5),
        first_pick=frozenset(p for p, s in eng_sets.items() if len(s) == best),
        first_pick_all=frozenset(p for p, s in all_sets.items() if len(s) == best_all),
        greedy={"coverage": g.attrs["coverage"], "sum": g.attrs["sum_of_reach"],
                "steps2": g2.attrs["coverage"], "all": g_all.attrs["coverage"],
                "audience": g.attrs["audience_size"]},
        gain4=int(g["new_reach"].iloc[3]), alone4=int(g["reach_alone"].iloc[3]),
        cover4=int(g["coverage"].iloc[3]),
        via_alumni_only=len(via - engineers), via_alumni_all=len(via), within_two=len(two),
        lead_effective_size=ego.effective_size, lead_degree=ego.size,
        tiny_two_step=len(t_near) - 1, tiny_one_step=tiny.degree("Anna"),
        tiny_second=str(t_second), tiny_second_by_size=str(by_size),
    )


@question("m07", "q1", ["outside_total", "engineers_total"],
          "outside contacts and engineers that Noordhaven's staff know directly")
def _m07_q1(outside_total: Any, engineers_total: Any) -> str:
    f = _m07()

    def total() -> str:
        x = count("outside_total", outside_total)
        if x == f.outside_total:
            count_form("outside_total", outside_total)
            return _("`outside_total` is right.")
        if x == f.contact_rows:
            raise NotYet(_("`outside_total` counts rows of the contacts table. Many people "
                           "know the same contact: count each contact once."))
        if x == f.contact_ids:
            raise NotYet(_("`outside_total` also counts the contacts of alumni. The question "
                           "is about whom current employees know directly: start from the "
                           "employees in the graph."))
        if x == f.outside_external_only:
            raise NotYet(_("`outside_total` leaves out the alumni. Former colleagues are "
                           "outside contacts too: count every contact who is not an employee."))
        raise NotYet(_("`outside_total` is not yet right. Collect, in one set, every neighbour "
                       "of an employee whose kind is not 'employee', and count the set."))

    def engineers() -> str:
        y = count("engineers_total", engineers_total)
        if y == f.engineers_total:
            count_form("engineers_total", engineers_total)
            return _("`engineers_total` is right.")
        if y == f.engineer_rows:
            raise NotYet(_("`engineers_total` counts rows: an engineer whom three colleagues "
                           "know is one engineer."))
        if y == f.engineer_ids:
            raise NotYet(_("`engineers_total` includes engineers whom only alumni know. Count "
                           "the engineers that current employees know directly."))
        raise NotYet(_("`engineers_total` is not yet right: of the same set, keep the contacts "
                       "whose segment is 'engineering'."))

    parts(total, engineers)
    return _("Both right. Thousands of outside contacts, but only a small share of them are "
             "the engineers Noordhaven needs.")


@question("m07", "q2", ["two_step_reach"], "two-step reach of the recruitment team lead")
def _m07_q2(two_step_reach: Any) -> str:
    f = _m07()
    x = count("two_step_reach", two_step_reach)
    if x == f.two_step:
        count_form("two_step_reach", two_step_reach)
        return _("Right: a set union of contacts and contacts of contacts. Two steps away the "
                 "team lead reaches many times more people than directly.")
    if x == f.two_step + 1:
        raise NotYet(_("One too many: the team lead is in the set themself. Leave them out."))
    if x == f.one_step:
        raise NotYet(_("That is the one-step reach (the direct contacts). Add the contacts of "
                       "those contacts."))
    if x == f.sum_degrees or x == f.sum_degrees - f.one_step:
        raise NotYet(_("You added up numbers of contacts. Many people are contacts of several "
                       "of the lead's contacts: put everyone in one set, so each counts once."))
    if x == f.two_step_outside:
        raise NotYet(_("You counted only people outside the organisation. Colleagues reached "
                       "in two steps count too."))
    raise NotYet(_("Not yet. Make a set of the lead's contacts, add the contacts of each of "
                   "them, remove the lead, and count."))


@question("m07", "q3", ["size_coverage", "double_counted"],
          "what the five biggest networks reach together")
def _m07_q3(size_coverage: Any, double_counted: Any) -> str:
    f = _m07()

    def cover() -> str:
        x = count("size_coverage", size_coverage)
        if x == f.size_coverage:
            count_form("size_coverage", size_coverage)
            return _("`size_coverage` is right.")
        if x == f.size_sum:
            raise NotYet(_("`size_coverage` adds up the five network sizes. Together they reach "
                           "fewer distinct people: take the union of their contacts."))
        raise NotYet(_("`size_coverage` is not yet right. Take the five employees with the "
                       "highest degree (ties of every kind) and count the union of their "
                       "contacts."))

    def double() -> str:
        y = count("double_counted", double_counted)
        if y == f.size_sum - f.size_coverage:
            count_form("double_counted", double_counted)
            return _("`double_counted` is right.")
        if y == f.size_sum:
            raise NotYet(_("`double_counted` is the sum of the five network sizes; subtract "
                           "the distinct people they reach."))
        raise NotYet(_("`double_counted` is not yet right: the sum of their network sizes "
                       "minus the distinct people they reach together."))

    parts(cover, double)
    return _("Both right. Big networks in the same team know the same people: counted "
             "separately, a large part of their reach is counted twice.")


@question("m07", "q4", ["first_pick"], "the best single ambassador for engineers")
def _m07_q4(first_pick: Any) -> str:
    f = _m07()
    p = person("first_pick", first_pick, f.people_ids, f.names)
    if p in f.first_pick:
        return _("Right. Look them up: few colleagues inside, but an outside network full of "
                 "engineers. Fame inside is not reach outside.")
    if p in f.top5:
        raise NotYet(_("That is one of the biggest networks, but it holds few engineers (or "
                       "none). Count only contacts whose segment is 'engineering'."))
    if p in f.first_pick_all:
        raise NotYet(_("That person reaches the most people of any kind. The audience here is "
                       "engineers only."))
    raise NotYet(_("Not yet: for each employee, count their direct contacts in the segment "
                   "'engineering', and take the highest."))


@question("m07", "q5", ["greedy_coverage"], "engineers reached by five ambassadors chosen greedily")
def _m07_q5(greedy_coverage: Any) -> str:
    f = _m07()
    g = f.greedy
    x = count("greedy_coverage", greedy_coverage)
    if x == g["coverage"]:
        count_form("greedy_coverage", greedy_coverage)
        return _("Right. Greedy picks people who add new engineers, not people who reach the "
                 "same ones; no choice of five does much better (at least 63% of the best "
                 "possible is guaranteed, and usually it is very close).")
    if x == g["sum"]:
        raise NotYet(_("That adds up what each ambassador reaches alone. Coverage counts "
                       "distinct engineers: look at the last row's coverage."))
    if x == g["steps2"]:
        raise NotYet(_("That is the coverage within two steps. This question is about direct "
                       "contacts: steps=1."))
    if x == g["all"]:
        raise NotYet(_("That is the coverage of all people, not of engineers: set the "
                       "audience."))
    if x == g["audience"]:
        raise NotYet(_("That is the number of engineers in the whole graph; the question asks "
                       "how many of them five ambassadors reach."))
    raise NotYet(_("Not yet: choose 5 ambassadors with strategy 'greedy', steps=1 and the "
                   "engineers as audience, and take the coverage after the fifth pick."))


@question("m07", "q6", ["gain_of_fourth"], "what the fourth ambassador adds")
def _m07_q6(gain_of_fourth: Any) -> str:
    f = _m07()
    x = count("gain_of_fourth", gain_of_fourth)
    if x == f.gain4:
        count_form("gain_of_fourth", gain_of_fourth)
        return _("Right: the marginal gain. Gains only shrink as coverage grows; when they "
                 "get small, more ambassadors add little.")
    if x == f.alone4 and f.alone4 != f.gain4:
        raise NotYet(_("That is what the fourth ambassador reaches alone. The question asks "
                       "what they add to the first three: engineers nobody chosen before "
                       "reaches."))
    if x == f.cover4:
        raise NotYet(_("That is the coverage after four picks; the question asks for the "
                       "fourth pick's own contribution."))
    raise NotYet(_("Not yet: look at the new_reach of the pick with rank 4."))


@question("m07", "q7", ["via_alumni_only"], "engineers reachable only through alumni")
def _m07_q7(via_alumni_only: Any) -> str:
    f = _m07()
    x = count("via_alumni_only", via_alumni_only)
    if x == f.via_alumni_only:
        count_form("via_alumni_only", via_alumni_only)
        return _("Right. Alumni open doors that no current employee has: a reason to keep "
                 "in touch with people who leave.")
    if x == f.via_alumni_all:
        raise NotYet(_("That counts every engineer an alumnus knows, also those an employee "
                       "already knows directly. Remove those."))
    if x == f.within_two:
        raise NotYet(_("That counts every engineer within two steps of an employee, also via "
                       "colleagues. Only alumni are the route here."))
    if x == f.engineers_total:
        raise NotYet(_("That is the number of engineers employees know directly (question 1)."))
    raise NotYet(_("Not yet: collect the engineering contacts of all alumni in one set, remove "
                   "the engineers any current employee knows directly, and count."))


# lesson 07's tries (not graded)


@question("m07", "t1", ["anna_two_steps"], "two-step reach of Anna (hand-made example)",
          graded=False)
def _m07_t1(anna_two_steps: Any) -> str:
    f = _m07()
    x = count("anna_two_steps", anna_two_steps)
    if x == f.tiny_two_step:
        return _("Right: the union of Anna's contacts and their contacts, without Anna.")
    if x == f.tiny_two_step + 1:
        raise NotYet(_("One too many: leave Anna herself out."))
    if x == f.tiny_one_step:
        raise NotYet(_("That is one step only; add the contacts of her contacts."))
    raise NotYet(_("Not yet: put her contacts and their contacts in one set (each person "
                   "once), without Anna."))


@question("m07", "t2", ["second_pick"], "the second greedy pick (hand-made example)",
          graded=False)
def _m07_t2(second_pick: Any) -> str:
    f = _m07()
    if not isinstance(second_pick, str):
        raise NotYet(_("`second_pick` should be a name as text, like 'Anna'."))
    if second_pick == f.tiny_second:
        return _("Right: after the first pick, this person adds the most new engineers.")
    if second_pick == f.tiny_second_by_size:
        raise NotYet(_("That person knows many engineers, but the first pick already reaches "
                       "them. Count only engineers not reached yet."))
    raise NotYet(_("Not yet: for each remaining colleague, count the engineers they know that "
                   "the first pick does not."))


@question("m07", "t3", ["lead_effective_size"], "effective size of the team lead's network",
          graded=False)
def _m07_t3(lead_effective_size: Any) -> str:
    f = _m07()
    x = number("lead_effective_size", lead_effective_size)
    if close(x, f.lead_effective_size, 1e-6):
        return _("Right: fewer than the number of contacts, because some contacts know each "
                 "other (redundancy).")
    if x == f.lead_degree:
        raise NotYet(_("That is the number of contacts (size). Effective size subtracts the "
                       "redundancy among them: use ego_network(...).effective_size."))
    if about(x, f.lead_effective_size / f.lead_degree):
        raise NotYet(_("That is the efficiency (effective size per contact)."))
    raise NotYet(_("Not yet: ego_network(G, lead).effective_size."))
