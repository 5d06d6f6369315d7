"""Self-checks of module 3, *silos and the flow of information*.

The exercise's questions q1-q6 and the lesson's tries t1-t3. Every expected value is computed
from the bundled Noordhaven data (once, on first use) or from the lesson's hand-made example,
never typed in. The network is *who is in touch with whom* in the message log: every pair that
exchanged at least one message is one tie, without weights.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from socialhrm.checks import NotYet, question
from socialhrm.checks.answers import about, close, count, count_form, number, parts, rounded
from socialhrm.i18n import _

#: The department the exercise looks at first.
SILO = "Finance"
#: The lesson's 2 x 2 example: team X (a, b, c) and team Y (d, e, f).
TINY_TIES = [("a", "b"), ("b", "c"), ("a", "c"), ("d", "e"), ("c", "d"), ("c", "e")]
TINY_TEAMS = dict(zip("abcdef", "XXXYYY", strict=True))


def contacts_network(org: Any) -> Any:
    """Who is in touch with whom: every pair with at least one message, no weights."""
    import networkx as nx

    messages = org.network("interactions", directed=False)
    G = nx.Graph()
    G.add_nodes_from(messages.nodes(data=True))
    G.add_edges_from(messages.edges())
    return G


@dataclass
class _M03:
    ei: float
    ei_once: float
    ei_weighted: float
    internal: int
    external: int
    overall: float
    mean_of_groups: float
    expected: float
    expected_overall: float
    modularity: float
    modularity_weighted: float
    modularity_detected: float
    communities: int
    communities_weighted: int
    departments: int
    same_city: float
    other_city: float
    same_city_ties: int
    other_city_ties: int
    same_city_n2: float
    tiny_ei: float
    tiny_ei_once: float
    zwolle_ei: float
    zwolle_ei_once: float
    nmi_cities: float
    ari_cities: float


@functools.cache
def _m03() -> _M03:
    import networkx as nx
    import numpy as np

    from socialhrm.datasets import load
    from socialhrm.silos import adjusted_rand, ei_index, normalised_mutual_information

    org = load("noordhaven")
    G = contacts_network(org)
    messages = org.network("interactions", directed=False)
    people = org.people.set_index("person_id")
    dept = people["department"].to_dict()
    fin = {p for p, d in dept.items() if d == SILO}
    internal = sum(1 for u, v in G.edges if u in fin and v in fin)
    external = sum(1 for u, v in G.edges if (u in fin) != (v in fin))
    w_int = sum(d["weight"] for u, v, d in messages.edges(data=True) if u in fin and v in fin)
    w_ext = sum(d["weight"] for u, v, d in messages.edges(data=True) if (u in fin) != (v in fin))
    table = ei_index(G, by="department", permutations=1000, seed=0)
    parts_ = [{p for p in G if dept[p] == d} for d in sorted(set(dept.values()))]
    found = nx.community.louvain_communities(G, seed=0)
    city = people["location"].to_dict()
    same = sum(1 for u, v in G.edges if city[u] == city[v])
    other = G.number_of_edges() - same
    sizes = np.array([sum(1 for p in G if city[p] == c) for c in sorted(set(city.values()))])
    n = G.number_of_nodes()
    same_possible = float((sizes * (sizes - 1) / 2).sum())
    other_possible = n * (n - 1) / 2 - same_possible
    tiny = nx.Graph(TINY_TIES)
    t_int = sum(1 for u, v in tiny.edges if TINY_TEAMS[u] == TINY_TEAMS[v] == "X")
    t_ext = sum(1 for u, v in tiny.edges if (TINY_TEAMS[u] == "X") != (TINY_TEAMS[v] == "X"))
    loc = ei_index(G, by="location", permutations=0)
    zw = {p for p in G if city[p] == "Zwolle"}
    z_int = sum(1 for u, v in G.edges if u in zw and v in zw)
    z_ext = sum(1 for u, v in G.edges if (u in zw) != (v in zw))
    comm = {p: i for i, c in enumerate(found) for p in c}
    order = list(G)
    same_dept = sum(1 for u, v in G.edges if dept[u] == dept[v])
    overall = (G.number_of_edges() - 2 * same_dept) / G.number_of_edges()
    per_dept = []
    for d in sorted(set(dept.values())):
        members = {p for p in G if dept[p] == d}
        i_d = 2 * sum(1 for u, v in G.edges if u in members and v in members)
        e_d = sum(1 for u, v in G.edges if (u in members) != (v in members))
        if i_d + e_d:
            per_dept.append((e_d - i_d) / (e_d + i_d))
    return _M03(
        ei=(external - 2 * internal) / (external + 2 * internal),
        ei_once=(external - internal) / (external + internal),
        ei_weighted=(w_ext - 2 * w_int) / (w_ext + 2 * w_int),
        internal=internal, external=external, overall=overall,
        mean_of_groups=float(np.mean(per_dept)),
        expected=float(table.loc[SILO, "ei_expected"]),
        expected_overall=float(table.loc["(all)", "ei_expected"]),
        modularity=nx.community.modularity(G, parts_),
        modularity_weighted=nx.community.modularity(messages, parts_, weight="weight"),
        modularity_detected=nx.community.modularity(G, found),
        communities=len(found),
        communities_weighted=len(nx.community.louvain_communities(messages, seed=0)),
        departments=len(parts_),
        same_city=same / same_possible, other_city=other / other_possible,
        same_city_ties=same, other_city_ties=other,
        same_city_n2=same / float((sizes ** 2).sum()),
        tiny_ei=(t_ext - 2 * t_int) / (t_ext + 2 * t_int),
        tiny_ei_once=(t_ext - t_int) / (t_ext + t_int),
        zwolle_ei=float(loc.loc["Zwolle", "ei"]),
        zwolle_ei_once=(z_ext - z_int) / (z_ext + z_int),
        nmi_cities=normalised_mutual_information([city[p] for p in order],
                                                 [comm[p] for p in order]),
        ari_cities=adjusted_rand([city[p] for p in order], [comm[p] for p in order]),
    )


def _sign_and_percent(name: str, x: float, expected: float) -> None:
    f = _m03()
    if close(x, -expected, 1e-9) and expected != 0:
        raise NotYet(_("`{name}` has the wrong sign: the E-I index is (external − internal) / "
                       "(external + internal), so a closed group is negative.").format(name=name))
    if about(x, 100 * expected):
        raise NotYet(_("That looks like a percentage; the E-I index lies between −1 and 1."))
    if rounded(x, expected):
        raise NotYet(_("Very close: did you round? Keep the full value."))
    del f


@question("m03", "q1", ["finance_ei"], "E-I index of Finance from the members' side")
def _m03_q1(finance_ei: Any) -> str:
    f = _m03()
    x = number("finance_ei", finance_ei)
    if close(x, f.ei):
        return _("Right. Strongly negative: Finance's people are mostly in touch with each "
                 "other. Whether that is a silo or simply focused work is the question to take "
                 "to the department.")
    if close(x, f.ei_once, 1e-9):
        raise NotYet(_("You counted every tie inside Finance once. From the members' side, a "
                       "tie between two Finance colleagues is an internal contact for both of "
                       "them: count it twice (once per member), as UCINET and the kit do."))
    if close(x, f.ei_weighted, 1e-9):
        raise NotYet(_("You counted messages, not ties. Use `contacts` (every pair in touch "
                       "once), not the weighted message network."))
    _sign_and_percent("finance_ei", x, f.ei)
    raise NotYet(_("Not yet. For every Finance member, count their contacts inside Finance "
                   "(I) and outside (E), add them up over all members, and compute "
                   "(E − I) / (E + I)."))


@question("m03", "q2", ["overall_ei"], "E-I index of the whole organisation by department")
def _m03_q2(overall_ei: Any) -> str:
    f = _m03()
    x = number("overall_ei", overall_ei)
    if close(x, f.overall):
        return _("Right. For the whole organisation every tie counts once: internal when both "
                 "people share a department, external otherwise.")
    if close(x, f.mean_of_groups, 1e-9):
        raise NotYet(_("That is the average of the departments' indexes. The whole-network "
                       "index counts every tie once: (external ties − internal ties) / all "
                       "ties."))
    if close(x, f.ei, 1e-9):
        raise NotYet(_("That is Finance's index from question 1; this question is about all "
                       "ties in the organisation."))
    _sign_and_percent("overall_ei", x, f.overall)
    raise NotYet(_("Not yet. Go over all ties once: count those between two departments (E) "
                   "and those within one (I), then (E − I) / (E + I)."))


@question("m03", "q3", ["finance_expected_ei"],
          "the E-I index Finance would have if ties ignored departments")
def _m03_q3(finance_expected_ei: Any) -> str:
    f = _m03()
    x = number("finance_expected_ei", finance_expected_ei)
    if about(x, f.expected, rel=0.02):
        return _("Right. A small department would be very open by chance alone, because most "
                 "colleagues sit elsewhere. Finance's real index is far below that: the "
                 "permutation test says this is no accident.")
    if close(x, f.ei, 1e-9):
        raise NotYet(_("That is the observed index. The question asks for what the "
                       "permutation test expects: the column ei_expected."))
    if about(x, f.expected_overall, rel=0.02):
        raise NotYet(_("That is the expected index of the whole organisation (the row "
                       "'(all)'); take Finance's row."))
    raise NotYet(_("Not yet. Run ei_index(contacts, by='department', permutations=1000, "
                   "seed=0) and take Finance's value in the column ei_expected."))


@question("m03", "q4", ["modularity_departments"], "modularity of the department partition")
def _m03_q4(modularity_departments: Any) -> str:
    f = _m03()
    x = number("modularity_departments", modularity_departments)
    if close(x, f.modularity):
        return _("Right. Clearly positive: far more ties stay inside departments than chance "
                 "would give. The chart is visible in the network.")
    if close(x, f.modularity_weighted, 1e-9):
        raise NotYet(_("That is the modularity with message counts as weights. Use "
                       "`contacts`, where every pair counts once."))
    if close(x, f.modularity_detected, 1e-9):
        raise NotYet(_("That is the modularity of the communities Louvain finds. The question "
                       "asks for the departments as groups."))
    if rounded(x, f.modularity):
        raise NotYet(_("Very close: did you round? Keep the full value."))
    raise NotYet(_("Not yet. Make one set of people per department and give the list of sets "
                   "to nx.community.modularity(contacts, ...)."))


@question("m03", "q5", ["n_communities"], "how many communities Louvain finds")
def _m03_q5(n_communities: Any) -> str:
    f = _m03()
    x = count("n_communities", n_communities)
    if x == f.communities:
        count_form("n_communities", n_communities)
        return _("Right. Not the same number as there are departments: some departments "
                 "merge into one community, others split.")
    if x == f.communities_weighted and x != f.communities:
        raise NotYet(_("That is the result on the message network with weights. Use "
                       "`contacts`."))
    if x == f.departments:
        raise NotYet(_("That is the number of departments. Count the communities that "
                       "nx.community.louvain_communities(contacts, seed=0) returns."))
    raise NotYet(_("Not yet. Use nx.community.louvain_communities(contacts, seed=0): with "
                   "another seed the result can differ a little."))


@question("m03", "q6", ["density_same_city", "density_other_city"],
          "density of ties within and between cities")
def _m03_q6(density_same_city: Any, density_other_city: Any) -> str:
    f = _m03()

    def same() -> str:
        x = number("density_same_city", density_same_city)
        if close(x, f.same_city):
            return _("`density_same_city` is right.")
        if x == f.same_city_ties:
            raise NotYet(_("`density_same_city` is a count of ties; divide by the number of "
                           "possible pairs in the same city."))
        if close(x, f.same_city_n2, 1e-9):
            raise NotYet(_("`density_same_city`: in a city of n people there are "
                           "n × (n − 1) / 2 possible pairs, not n × n."))
        raise NotYet(_("`density_same_city` is not yet right: ties between two people of the "
                       "same city, divided by all possible such pairs (summed over the "
                       "cities)."))

    def other() -> str:
        y = number("density_other_city", density_other_city)
        if close(y, f.other_city):
            return _("`density_other_city` is right.")
        if y == f.other_city_ties:
            raise NotYet(_("`density_other_city` is a count of ties; divide by the number of "
                           "possible pairs of people in different cities."))
        raise NotYet(_("`density_other_city` is not yet right: ties between people in "
                       "different cities, divided by all pairs of people in different "
                       "cities."))

    parts(same, other)
    return _("Both right. A tie between two cities is about {k} times rarer than within one: "
             "distance separates, and expertise in another city stays out of sight.").format(
                 k=round(f.same_city / f.other_city))


# lesson 03's tries (not graded)


@question("m03", "t1", ["tiny_ei"], "E-I index of team X in the 2 x 2 example", graded=False)
def _m03_t1(tiny_ei: Any) -> str:
    f = _m03()
    x = number("tiny_ei", tiny_ei)
    if close(x, f.tiny_ei):
        return _("Right: internal ties count once for each of their two members.")
    if close(x, f.tiny_ei_once, 1e-9):
        raise NotYet(_("You counted each internal tie once. From the members' side, a tie "
                       "inside team X counts for both of its members."))
    if close(x, -f.tiny_ei, 1e-9):
        raise NotYet(_("The sign is the wrong way round: (external − internal) / (external + "
                       "internal)."))
    raise NotYet(_("Not yet: read E and I from the 2 x 2 table, then (E − I) / (E + I)."))


@question("m03", "t2", ["zwolle_ei"], "E-I index of Zwolle by location", graded=False)
def _m03_t2(zwolle_ei: Any) -> str:
    f = _m03()
    x = number("zwolle_ei", zwolle_ei)
    if close(x, f.zwolle_ei):
        return _("Right: Zwolle's people are mostly in touch with each other, more than the "
                 "city's size alone explains.")
    if close(x, f.zwolle_ei_once, 1e-9):
        raise NotYet(_("You counted each tie inside Zwolle once; count it for both members "
                       "(or use ei_index(contacts, by='location'))."))
    raise NotYet(_("Not yet: ei_index(contacts, by='location') has a row for Zwolle."))


@question("m03", "t3", ["nmi_cities"], "agreement of the communities with the cities",
          graded=False)
def _m03_t3(nmi_cities: Any) -> str:
    f = _m03()
    x = number("nmi_cities", nmi_cities)
    if close(x, f.nmi_cities):
        return _("Right: the communities follow the cities about as closely as the "
                 "departments. Place shapes the informal organisation as much as the chart.")
    if close(x, f.ari_cities, 1e-9):
        raise NotYet(_("That is the adjusted Rand index; the question asks for the NMI."))
    raise NotYet(_("Not yet: normalised_mutual_information(city of each person, community of "
                   "each person), in the same order of people."))
