"""Self-checks of module 2, *connectors, brokers and peripheral people*.

The exercise's questions q1-q6 and the lesson's tries t1-t3. Every expected value is computed
from the bundled Noordhaven data (once, on first use) or from the lesson's hand-made team,
never typed in.
"""

from __future__ import annotations

import functools
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
    rounded,
    share_form,
)
from socialhrm.i18n import _

#: The broker whom module 2 follows: Sanne Haddou, R&D, with a second home in Sales.
BROKER = "NH0042"
#: The two departments that barely talk without her.
BROKER_DEPARTMENTS = ("R&D", "Sales")

#: The lesson's hand-made network: two small teams and Bas between them.
TINY_TIES = [("Anouk", "Bas"), ("Anouk", "Chris"), ("Bas", "Chris"), ("Bas", "Dina"),
             ("Dina", "Emre"), ("Dina", "Fleur"), ("Emre", "Fleur")]
TINY_TEAMS = {"Anouk": "Product", "Bas": "Product", "Chris": "Product", "Dina": "Sales",
              "Emre": "Sales", "Fleur": "Sales"}
#: The lesson's hand-made advice network (who asks whom) on the same people.
TINY_ADVICE = [("Anouk", "Bas"), ("Chris", "Bas"), ("Bas", "Dina"), ("Emre", "Dina"),
               ("Fleur", "Dina"), ("Dina", "Bas"), ("Chris", "Anouk")]


@dataclass
class _M02:
    betweenness: float
    betweenness_raw: float
    betweenness_undirected: float
    betweenness_endpoints: float
    isolates: int
    no_ties_in: int
    no_ties_out: int
    constraint: float
    constraint_directed: float
    constraint_median: float
    effective_size: float
    between_ties: int
    between_pairs: int
    between_one_way: tuple[int, int]
    without_broker: int
    open_paths: int
    all_paths: int
    paths_incl_self: int
    isolated_share: dict[str, float]
    isolated_count: dict[str, int]
    no_in_share: dict[str, float]
    interaction_isolated_share: dict[str, float]
    most_isolated: frozenset[str]
    groups: frozenset[str]
    merged: frozenset[str]
    tiny_paths_through_bas: int
    tiny_betweenness: dict[str, float]
    tiny_open_bas: int
    tiny_in_out_bas: int
    connectors: int
    connectors_any: int
    brokers: int


def _share_by(flag: dict[str, bool], groups: Any) -> dict[str, float]:
    import pandas as pd

    s = pd.Series(flag).reindex(groups.index).fillna(False).astype(bool)
    return {str(g): float(v) for g, v in s.groupby(groups).mean().items()}


@functools.cache
def _m02() -> _M02:
    import networkx as nx
    import pandas as pd

    from socialhrm.datasets import load
    from socialhrm.privacy import merge_small_groups
    from socialhrm.roles import network_roles

    org = load("noordhaven")
    advice = org.network("advice")
    people = org.people.set_index("person_id")
    U = advice.to_undirected()
    bc = nx.betweenness_centrality(advice)
    dept = people["department"]
    a, b = BROKER_DEPARTMENTS
    between = [(u, v) for u, v in advice.edges if {dept[u], dept[v]} == {a, b}]
    v = BROKER
    pairs = [(x, y) for x in advice.predecessors(v) for y in advice.successors(v)]
    iso = set(nx.isolates(advice))
    merged = merge_small_groups(dept, 5)
    iso_share = _share_by({p: p in iso for p in people.index}, merged)
    iso_count = {str(g): int(n) for g, n in
                 pd.Series([p in iso for p in people.index], index=people.index)
                 .groupby(merged).sum().items()}
    top = max(iso_share.values())
    inter = org.network("interactions", directed=False)
    roles = network_roles(advice, by="department")
    tiny = nx.Graph(TINY_TIES)
    tiny_adv = nx.DiGraph(TINY_ADVICE)
    tb = nx.betweenness_centrality(tiny, normalized=False)
    bas_pairs = [(x, y) for x in tiny_adv.predecessors("Bas") for y in tiny_adv.successors("Bas")]
    return _M02(
        betweenness=bc[v], betweenness_raw=nx.betweenness_centrality(advice,
                                                                     normalized=False)[v],
        betweenness_undirected=nx.betweenness_centrality(U)[v],
        betweenness_endpoints=nx.betweenness_centrality(advice, endpoints=True)[v],
        isolates=len(iso), no_ties_in=sum(d == 0 for _, d in advice.in_degree()),
        no_ties_out=sum(d == 0 for _, d in advice.out_degree()),
        constraint=nx.constraint(U, nodes=[v])[v],
        constraint_directed=nx.constraint(advice, nodes=[v])[v],
        constraint_median=float(pd.Series(nx.constraint(U)).median()),
        effective_size=nx.effective_size(U, nodes=[v])[v],
        between_ties=len(between), between_pairs=len({frozenset(e) for e in between}),
        between_one_way=(sum(dept[x] == a for x, _ in between),
                         sum(dept[x] == b for x, _ in between)),
        without_broker=sum(v not in e for e in between),
        open_paths=sum(1 for x, y in pairs if x != y and not advice.has_edge(x, y)),
        all_paths=len(pairs), paths_incl_self=sum(1 for x, y in pairs if x != y),
        isolated_share=iso_share, isolated_count=iso_count,
        no_in_share=_share_by({p: advice.in_degree(p) == 0 for p in people.index}, merged),
        interaction_isolated_share=_share_by({p: inter.degree(p) == 0 for p in people.index},
                                             merged),
        most_isolated=frozenset(g for g, s in iso_share.items() if s == top),
        groups=frozenset(iso_share), merged=frozenset(merged.attrs["merged"]),
        tiny_paths_through_bas=int(round(tb["Bas"])), tiny_betweenness=tb,
        tiny_open_bas=sum(1 for x, y in bas_pairs if x != y and not tiny_adv.has_edge(x, y)),
        tiny_in_out_bas=len(bas_pairs),
        connectors=int(roles["central_connector"].sum()),
        connectors_any=int((roles["role"] == "central connector").sum()),
        brokers=int(roles["information_broker"].sum()),
    )


@question("m02", "q1", ["sanne_betweenness"], "betweenness of the broker in the advice network")
def _m02_q1(sanne_betweenness: Any) -> str:
    f = _m02()
    x = number("sanne_betweenness", sanne_betweenness)
    if close(x, f.betweenness):
        share_form("sanne_betweenness", sanne_betweenness, x)
        return _("Right. About {pct:.0%} of all shortest paths between two other people "
                 "run through Sanne: few people in the organisation sit on so many "
                 "routes.").format(pct=x)
    if close(x, f.betweenness_raw, 1e-6):
        raise NotYet(_("That is the number of shortest paths through her, not yet the share: "
                       "use networkx's default (normalized=True), which divides by the number "
                       "of pairs of other people."))
    if close(x, f.betweenness_undirected, 1e-6):
        raise NotYet(_("That is her betweenness in the network without directions. Advice "
                       "has a direction (who asks whom): use the directed advice network."))
    if close(x, f.betweenness_endpoints, 1e-6):
        raise NotYet(_("You counted the ends of each path too (endpoints=True). Betweenness "
                       "counts only the people in between."))
    if about(x, 100 * f.betweenness):
        raise NotYet(_("That looks like a percentage; give the share between 0 and 1."))
    if rounded(x, f.betweenness):
        raise NotYet(_("Very close: did you round? Keep the full value."))
    raise NotYet(_("Not yet. nx.betweenness_centrality(advice) gives everybody's betweenness "
                   "as a dictionary; take Sanne's value (NH0042)."))


@question("m02", "q2", ["n_isolated"], "people without any advice tie")
def _m02_q2(n_isolated: Any) -> str:
    f = _m02()
    x = count("n_isolated", n_isolated)
    if x == f.isolates:
        count_form("n_isolated", n_isolated)
        return _("Right: they neither ask nor are asked. Perhaps newcomers, part-timers, "
                 "people who did not answer the survey, or experts nobody knows about: talk "
                 "with them before drawing conclusions.")
    if x == f.no_ties_in:
        raise NotYet(_("You counted the people whom nobody names (no ties in). Some of them "
                       "do ask others. The question is about people with no tie at all, in "
                       "or out."))
    if x == f.no_ties_out:
        raise NotYet(_("You counted the people who name nobody (no ties out), which includes "
                       "everybody who did not answer. Some of them are named by others. Count "
                       "people with no tie at all."))
    raise NotYet(_("Not yet. A person without any tie has degree 0; nx.isolates(advice) "
                   "lists them."))


@question("m02", "q3", ["sanne_constraint"], "Burt's constraint of the broker")
def _m02_q3(sanne_constraint: Any) -> str:
    f = _m02()
    x = number("sanne_constraint", sanne_constraint)
    if close(x, f.constraint):
        share_form("sanne_constraint", sanne_constraint, x)
        return _("Right. Her constraint is far below the median person's: her contacts are "
                 "spread over groups that do not know each other, the structural holes of "
                 "Burt.")
    if close(x, f.constraint_directed, 1e-6):
        raise NotYet(_("That is the constraint in the directed advice network. The question "
                       "asks for the undirected view `undirected` (who is in touch with "
                       "whom), prepared in the setup cell."))
    if close(x, f.effective_size, 1e-6):
        raise NotYet(_("That is her effective size (non-redundant contacts), a related measure "
                       "of Burt. The question asks for constraint: nx.constraint."))
    if close(x, f.constraint_median, 1e-6):
        raise NotYet(_("That is the median of everybody's constraint; the question asks for "
                       "Sanne's own value."))
    if close(x, 1 - f.constraint, 1e-6):
        raise NotYet(_("That looks like 1 minus the constraint. Give the constraint itself."))
    if rounded(x, f.constraint):
        raise NotYet(_("Very close: did you round? Keep the full value."))
    raise NotYet(_("Not yet. nx.constraint(undirected) gives everybody's constraint; take "
                   "Sanne's (NH0042)."))


@question("m02", "q4", ["rd_sales_ties", "rd_sales_without_sanne"],
          "advice ties between R&D and Sales, with and without the broker")
def _m02_q4(rd_sales_ties: Any, rd_sales_without_sanne: Any) -> str:
    f = _m02()

    def ties() -> str:
        x = count("rd_sales_ties", rd_sales_ties)
        if x == f.between_ties:
            count_form("rd_sales_ties", rd_sales_ties)
            return _("`rd_sales_ties` is right.")
        if x == f.between_pairs:
            raise NotYet(_("`rd_sales_ties` counts pairs of people; a tie each way is two "
                           "advice ties. Count every tie (a, b) with one end in R&D and the "
                           "other in Sales."))
        if x in f.between_one_way:
            raise NotYet(_("`rd_sales_ties` counts one direction only. Count ties from R&D to "
                           "Sales and from Sales to R&D."))
        raise NotYet(_("`rd_sales_ties` is not yet right. For every advice tie (a, b), check "
                       "whether the two departments are R&D and Sales, in either order."))

    def without() -> str:
        y = count("rd_sales_without_sanne", rd_sales_without_sanne)
        if y == f.without_broker:
            count_form("rd_sales_without_sanne", rd_sales_without_sanne)
            return _("`rd_sales_without_sanne` is right.")
        if y == f.between_ties - f.without_broker:
            raise NotYet(_("`rd_sales_without_sanne` counts the ties that DO involve Sanne. "
                           "Count the ties between the two departments in which she is not "
                           "one of the two people."))
        raise NotYet(_("`rd_sales_without_sanne` is not yet right: of the ties between R&D "
                       "and Sales, keep those where neither end is NH0042."))

    parts(ties, without)
    return _("Both right. Every advice tie between R&D and Sales runs through one person: if "
             "Sanne moved on, the two departments would lose their only channel. That is a "
             "risk for the organisation, not a judgement of her work.")


@question("m02", "q5", ["sanne_open_paths"], "brokerage opportunities of the broker")
def _m02_q5(sanne_open_paths: Any) -> str:
    f = _m02()
    x = count("sanne_open_paths", sanne_open_paths)
    if x == f.open_paths:
        count_form("sanne_open_paths", sanne_open_paths)
        return _("Right: that many times someone asks Sanne and she asks someone whom the "
                 "first person does not ask directly. Each is a chance to pass knowledge on, "
                 "as Gould & Fernandez count brokerage.")
    if x == f.all_paths:
        raise NotYet(_("You counted every pair (a, b) with a → Sanne → b. Leave out pairs "
                       "where a and b are the same person, and pairs where a already asks b "
                       "directly."))
    if x == f.paths_incl_self:
        raise NotYet(_("Almost: you left out a = b, but a pair in which a already asks b "
                       "directly is not brokerage. Leave those out too."))
    raise NotYet(_("Not yet. Loop over everyone who asks Sanne (predecessors) and everyone "
                   "she asks (successors); count the pairs of two different people where the "
                   "first does not ask the second directly."))


@question("m02", "q6", ["most_isolated_department"],
          "the department with the largest share of people without advice ties")
def _m02_q6(most_isolated_department: Any) -> str:
    f = _m02()
    x = most_isolated_department
    if not isinstance(x, str):
        raise NotYet(_("`most_isolated_department` should be the name of a department, as "
                       "text, like 'Finance'."))
    if x in f.most_isolated:
        return _("Right. A share, not a count, and only for groups of at least five people: "
                 "that is how HR reports on groups without pointing at individuals.")
    if x in f.merged:
        raise NotYet(_("That department is not reported on its own: the privacy rule merges "
                       "it with the groups of fewer than five people. Merge the small groups "
                       "first with merge_small_groups(people['department'], 5) and compare "
                       "the groups that result."))
    if x not in f.groups:
        raise NotYet(_("{value!r} is not one of the department groups after merging small "
                       "ones; check the spelling.").format(value=x))
    if f.no_in_share.get(x) == max(f.no_in_share.values()):
        raise NotYet(_("That department has the largest share of people nobody names. The "
                       "question asks for people without any advice tie, in or out."))
    if f.interaction_isolated_share.get(x) == max(f.interaction_isolated_share.values()):
        raise NotYet(_("That looks like the message network. Use the advice network."))
    if f.isolated_count.get(x) == max(f.isolated_count.values()):
        raise NotYet(_("That department has the most such people, but it is also large. "
                       "Compare shares: people without ties divided by the department's "
                       "size."))
    raise NotYet(_("Not yet. For each department (small ones merged), divide the number of "
                   "people without advice ties by the number of people."))


# lesson 02's tries (not graded)


@question("m02", "t1", ["paths_through_bas"], "pairs whose shortest path runs through Bas",
          graded=False)
def _m02_t1(paths_through_bas: Any) -> str:
    f = _m02()
    x = number("paths_through_bas", paths_through_bas)
    if close(x, f.tiny_paths_through_bas):
        return _("Right: every pair with one person in each team (Bas himself left out) "
                 "needs Bas. That count is his betweenness before normalising.")
    if close(x, f.tiny_paths_through_bas + 1):
        raise NotYet(_("One too many: Anouk and Chris are tied directly, so their shortest "
                       "path does not pass through Bas."))
    if close(x, 2 * f.tiny_paths_through_bas):
        raise NotYet(_("About twice too high: in this network without directions, Anouk-Emre "
                       "and Emre-Anouk are one pair."))
    raise NotYet(_("Not yet. List the pairs of people other than Bas, and for each pair ask: "
                   "does the shortest way from one to the other pass through Bas?"))


@question("m02", "t2", ["bas_open_paths"], "Bas's brokerage opportunities in the tiny advice "
          "network", graded=False)
def _m02_t2(bas_open_paths: Any) -> str:
    f = _m02()
    x = count("bas_open_paths", bas_open_paths)
    if x == f.tiny_open_bas:
        return _("Right: the pairs a → Bas → b with a and b different and no direct tie from "
                 "a to b.")
    if x == f.tiny_in_out_bas:
        raise NotYet(_("You counted every pair (a, b) with a → Bas → b. Leave out the ones "
                       "where a already asks b directly."))
    raise NotYet(_("Not yet. Who asks Bas (predecessors)? Whom does Bas ask (successors)? "
                   "Count the pairs of different people without a direct tie."))


@question("m02", "t3", ["n_connectors"], "central connectors in Noordhaven's advice network",
          graded=False)
def _m02_t3(n_connectors: Any) -> str:
    f = _m02()
    x = count("n_connectors", n_connectors)
    if x == f.connectors:
        return _("Right. A position in the network, not a verdict: some of them will be "
                 "overloaded, and none of this says how well anyone works.")
    if x == f.connectors_any and x != f.connectors:
        raise NotYet(_("You counted people whose FIRST role is central connector. Count "
                       "everybody for whom the column central_connector is True."))
    if x == f.brokers:
        raise NotYet(_("That is the number of information brokers; count the central "
                       "connectors."))
    raise NotYet(_("Not yet: roles['central_connector'].sum() counts the True values."))
