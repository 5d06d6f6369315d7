"""Self-checks of module 1, *your organisation as a network*.

The exercise's questions q1-q6 and the lesson's tries t1-t3.

Every expected value is computed from the bundled Noordhaven data (once, on first use), never
typed in, so the checks follow the data if it is regenerated.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from socialhrm.checks import NotYet, question
from socialhrm.checks.answers import (
    about,
    boolean,
    close,
    count,
    count_form,
    number,
    parts,
    person,
    plural,
    rounded,
    share_form,
)
from socialhrm.i18n import _

#: The hand-made team of lesson 01 (the lesson builds exactly these ties, by hand).
TINY_TEAM_CHART = [("Anouk", "Bas"), ("Anouk", "Chris"), ("Anouk", "Dina"), ("Anouk", "Emre")]
TINY_TEAM_ADVICE = [("Bas", "Chris"), ("Chris", "Bas"), ("Dina", "Chris"), ("Emre", "Chris"),
                    ("Emre", "Dina"), ("Chris", "Anouk")]


@dataclass
class _M01:
    """Everything module 1's checks compare with, computed once from the bundled data."""

    people_ids: frozenset[str]
    names: frozenset[str]
    n: int
    m: int
    respondents: int
    advice_respondents: int
    in_advice_rows: int
    non_isolated: int
    all_rows: int
    pairs: int
    density: float
    reciprocity: float
    mutual_ties: int
    mutual_pairs: int
    in_degree: dict[str, int]
    out_degree: dict[str, int]
    most_in: frozenset[str]
    most_out: frozenset[str]
    most_trusted: frozenset[str]
    managers: frozenset[str]
    levels: dict[str, str]
    along: int
    up: int
    down: int
    same_team: int
    lead_share: dict[str, tuple[int, int]]
    bypassed: frozenset[str]
    go_to_instead: frozenset[str]
    trust_reciprocity: float
    ideas_reciprocity: float
    tiny_density: float


@functools.cache
def _m01() -> _M01:
    import networkx as nx

    from socialhrm.datasets import load

    org = load("noordhaven")
    advice = org.network("advice")
    trust = org.network("trust")
    chart = org.org_chart()
    people = org.people.set_index("person_id")
    rows = org.nominations
    adv = rows[rows["relation"] == "advice"]
    answered = set(rows["respondent"])
    in_deg = dict(advice.in_degree())
    out_deg = dict(advice.out_degree())
    t_in = dict(trust.in_degree())
    managers = frozenset(p for p in chart if chart.out_degree(p) > 0)
    levels = {p: str(v) for p, v in people["level"].items()}
    team = {p: str(v) for p, v in people["team"].items()}
    mutual = sum(1 for u, v in advice.edges if advice.has_edge(v, u))
    pairs = advice.to_undirected().number_of_edges()
    # q6: team leads (level "manager") and the share of their direct reports who answered the
    # survey that name them for advice
    lead_share: dict[str, tuple[int, int]] = {}
    for p in chart:
        if levels.get(p) != "manager":
            continue
        team_answered = [r for r in chart.successors(p) if r in answered]
        if team_answered:
            lead_share[p] = (sum(advice.has_edge(r, p) for r in team_answered),
                             len(team_answered))
    low = min(k / n for k, n in lead_share.values())
    bypassed = frozenset(p for p, (k, n) in lead_share.items() if k / n == low)
    instead: dict[str, int] = {}
    for b in bypassed:
        for r in chart.successors(b):
            for v in advice.successors(r):
                if v != b and chart.has_edge(b, v):
                    instead[v] = instead.get(v, 0) + 1
    top_instead = max(instead.values(), default=0)
    tiny = nx.DiGraph(TINY_TEAM_ADVICE)
    return _M01(
        people_ids=frozenset(people.index), names=frozenset(map(str, people["name"])),
        n=advice.number_of_nodes(), m=advice.number_of_edges(),
        respondents=len(answered), advice_respondents=adv["respondent"].nunique(),
        in_advice_rows=len(set(adv["respondent"]) | set(adv["nominee"])),
        non_isolated=sum(1 for p in advice if advice.degree(p) > 0),
        all_rows=len(rows), pairs=pairs, density=nx.density(advice),
        reciprocity=nx.reciprocity(advice), mutual_ties=mutual, mutual_pairs=mutual // 2,
        in_degree=in_deg, out_degree=out_deg,
        most_in=frozenset(p for p, d in in_deg.items() if d == max(in_deg.values())),
        most_out=frozenset(p for p, d in out_deg.items() if d == max(out_deg.values())),
        most_trusted=frozenset(p for p, d in t_in.items() if d == max(t_in.values())),
        managers=managers, levels=levels,
        along=sum(1 for u, v in advice.edges if chart.has_edge(u, v) or chart.has_edge(v, u)),
        up=sum(1 for u, v in advice.edges if chart.has_edge(v, u)),
        down=sum(1 for u, v in advice.edges if chart.has_edge(u, v)),
        same_team=sum(1 for u, v in advice.edges if team.get(u) == team.get(v)),
        lead_share=lead_share, bypassed=bypassed,
        go_to_instead=frozenset(p for p, k in instead.items() if k == top_instead and k > 0),
        trust_reciprocity=nx.reciprocity(trust),
        ideas_reciprocity=nx.reciprocity(org.network("ideas")), tiny_density=nx.density(tiny),
    )


@question("m01", "q1", ["n_people", "n_advice_ties"], "size of the advice network")
def _m01_q1(n_people: Any, n_advice_ties: Any) -> str:
    f = _m01()

    def people() -> str:
        x = count("n_people", n_people)
        if x == f.n:
            count_form("n_people", n_people)
            return "`n_people` is right."
        if x in (f.respondents, f.advice_respondents):
            raise NotYet("`n_people` looks like the number of people who answered the survey. "
                         "The network holds everyone in the organisation, also people who did "
                         "not answer (others can still name them).")
        if x in (f.in_advice_rows, f.non_isolated):
            raise NotYet("`n_people` counts only people who have at least one advice tie. "
                         "People nobody named and who named nobody are still nodes of the "
                         "network.")
        if x in (f.m, f.all_rows):
            raise NotYet("`n_people` looks like a number of ties or survey answers; people "
                         "are the nodes of the network.")
        raise NotYet("`n_people` is not yet right. Count the nodes of the advice network "
                     "(every person at Noordhaven is a node, with or without ties).")

    def ties() -> str:
        y = count("n_advice_ties", n_advice_ties)
        if y == f.m:
            count_form("n_advice_ties", n_advice_ties)
            return "`n_advice_ties` is right."
        if y == f.all_rows:
            raise NotYet("`n_advice_ties` counts the answers to all three survey questions "
                         "(advice, trust and ideas). Keep only advice.")
        if y == f.pairs:
            raise NotYet("`n_advice_ties` counts pairs of people. In a directed network "
                         "'A asks B' and 'B asks A' are two ties: count both.")
        if y in (2 * f.m, 2 * f.pairs):
            raise NotYet("`n_advice_ties` is about twice too high: did you count every tie "
                         "from both ends (out and in)?")
        if y == f.n:
            raise NotYet("`n_advice_ties` looks like the number of people; ties are the edges.")
        raise NotYet("`n_advice_ties` is not yet right. Count the edges (ties) of the advice "
                     "network.")

    parts(people, ties)
    return ("Both are right. Notice how few ties there are for so many people: most "
            "colleagues never ask each other for advice.")


@question("m01", "q2", ["density"], "density of the advice network")
def _m01_q2(density: Any) -> str:
    f = _m01()
    x = number("density", density)
    d = f.density
    if close(x, d):
        share_form("density", density, x)
        return (f"Right. Only about 1 in {round(1 / d)} possible advice ties exists; that is "
                "normal for an organisation of hundreds of people: nobody can ask everyone.")
    if about(x, 2 * d):
        raise NotYet("Your value is about twice what we expect: did you count each pair only "
                     "once as a possible tie? In a directed network every ordered pair (A to "
                     "B, and B to A) can carry a tie: n × (n − 1) possible ties.")
    if about(x, d / 2):
        raise NotYet("Your value is about half of what we expect: did you count possible ties "
                     "twice, or count only the pairs where both ask each other?")
    if about(x, 100 * d):
        raise NotYet("Your value is about 100 times too high: did you turn it into a "
                     "percentage? Give the share, between 0 and 1.")
    for k in (f.respondents, f.non_isolated, f.in_advice_rows):
        if k > 1 and about(x, f.m / (k * (k - 1))):
            raise NotYet("Your value is a bit too high: it looks like you counted only some of "
                         "the people (those who answered, or who have a tie). Use everyone in "
                         "the network.")
    if rounded(x, d):
        raise NotYet("Very close: did you round? Keep the full value (no round()).")
    if about(x, f.m / f.n ** 2, rel=0.001):
        raise NotYet("Very close, but not quite: you divided by n × n. Nobody asks themselves "
                     "for advice, so the possible ties are n × (n − 1).")
    share_form("density", density, x)
    raise NotYet("Not yet. Density = the number of ties divided by the number of possible ties; "
                 "in a directed network of n people there are n × (n − 1) possible ties.")


@question("m01", "q3", ["reciprocity"], "reciprocity of the advice network")
def _m01_q3(reciprocity: Any) -> str:
    f = _m01()
    if isinstance(reciprocity, Mapping):
        raise NotYet("`reciprocity` is one value per person. nx.reciprocity(G, nodes) gives "
                     "that; for the whole network, leave out the nodes.")
    x = number("reciprocity", reciprocity)
    r = f.reciprocity
    if close(x, r):
        share_form("reciprocity", reciprocity, x)
        return (f"Right. {r:.0%} of advice ties are returned: advice flows mostly one way, "
                "from people who ask to people who know.")
    if x in (f.mutual_ties, f.mutual_pairs):
        raise NotYet("`reciprocity` looks like a count. Reciprocity is a share: returned ties "
                     "divided by all ties.")
    if about(x, f.mutual_pairs / f.pairs):
        raise NotYet("You counted pairs of people. Reciprocity (as networkx computes it) "
                     "counts ties: of all advice ties, the share whose return tie also exists.")
    if about(x, r / 2):
        raise NotYet("Your value is about half of what we expect: a returned pair is two ties "
                     "(A to B and B to A), and both count as returned.")
    if about(x, 1 - r):
        raise NotYet("That looks like the share of ties that are NOT returned.")
    if about(x, 100 * r):
        raise NotYet("Your value is about 100 times too high: give the share between 0 and 1, "
                     "not a percentage.")
    if close(x, f.trust_reciprocity, 1e-6):
        raise NotYet("That is the reciprocity of the trust network; this question is about "
                     "advice.")
    if rounded(x, r):
        raise NotYet("Very close: did you round? Keep the full value.")
    share_form("reciprocity", reciprocity, x)
    raise NotYet("Not yet. Reciprocity: of all advice ties A → B, what share has a tie B → A "
                 "back?")


@question("m01", "q4", ["most_sought", "most_sought_is_manager"],
          "the person most sought for advice, and whether they manage anyone")
def _m01_q4(most_sought: Any, most_sought_is_manager: Any) -> str:
    f = _m01()
    p = person("most_sought", most_sought, f.people_ids, f.names)
    if p not in f.most_in:
        if p in f.most_out:
            raise NotYet("`most_sought` is someone who ASKS many colleagues (outgoing ties). "
                         "Who is asked by the most colleagues? Count incoming ties: in-degree.")
        if p in f.most_trusted:
            raise NotYet("`most_sought` is the most trusted person (the trust network). This "
                         "question is about advice.")
        if p in f.managers:
            raise NotYet("`most_sought` is a manager who is asked often, but not the most. "
                         "Sort everyone by in-degree (incoming advice ties) and take the top.")
        raise NotYet("`most_sought` is not yet right: look for the highest in-degree (the "
                     "number of colleagues who name the person for advice).")
    b = boolean("most_sought_is_manager", most_sought_is_manager)
    if b != (p in f.managers):
        raise NotYet("`most_sought` is right. `most_sought_is_manager` is not yet: in the org "
                     "chart a manager has at least one direct report (an edge from them to "
                     "someone). Check the chart for this person, not their job title.")
    if p in f.managers:
        return "Both right: here the most sought-after adviser is also a manager."
    return ("Both right. The person most colleagues go to for advice manages nobody: the "
            "informal organisation has its own centres, invisible on the org chart.")


@question("m01", "q5", ["share_formal"], "share of advice ties along reporting lines")
def _m01_q5(share_formal: Any) -> str:
    f = _m01()
    x = number("share_formal", share_formal)
    s = f.along / f.m
    if close(x, s):
        share_form("share_formal", share_formal, x)
        return (f"Right. {s:.0%} of advice ties follow a reporting line; the other "
                f"{1 - s:.0%} go around the org chart, to colleagues, other teams and other "
                "departments. That is the informal organisation.")
    if x in (f.along, f.up, f.down):
        raise NotYet("`share_formal` looks like a count of ties. Divide by all advice ties to "
                     "get a share.")
    if about(x, f.up / f.m):
        raise NotYet("You counted only people who ask their own manager. A tie also follows a "
                     "reporting line when a manager asks one of their own direct reports.")
    if about(x, f.down / f.m):
        raise NotYet("You counted only managers asking their own reports. People asking their "
                     "own manager follow the reporting line too.")
    if about(x, 1 - s):
        raise NotYet("That looks like the share of advice ties that do NOT follow a reporting "
                     "line.")
    if about(x, f.same_team / f.m):
        raise NotYet("You counted ties within the same team. Two colleagues in one team are "
                     "not each other's manager: count only manager–direct report pairs.")
    if about(x, 100 * s):
        raise NotYet("Your value is about 100 times too high: give the share between 0 and 1, "
                     "not a percentage.")
    if rounded(x, s):
        raise NotYet("Very close: did you round? Keep the full value.")
    share_form("share_formal", share_formal, x)
    raise NotYet("Not yet. For every advice tie (a, b), ask: is there an org-chart edge between "
                 "them, in either direction? Share = those ties / all advice ties.")


@question("m01", "q6", ["bypassed_manager"], "the team lead whose team goes elsewhere for advice")
def _m01_q6(bypassed_manager: Any) -> str:
    f = _m01()
    p = person("bypassed_manager", bypassed_manager, f.people_ids, f.names)
    if p in f.bypassed:
        k, n = f.lead_share[p]
        named = "none" if k == 0 else f"only {k}"
        return (f"Right. Of the {n} people in their own team who answered the survey, {named} "
                "name them for advice; the team goes to a colleague instead. Treat it as the "
                "start of a conversation, not a verdict: perhaps the manager is new, or the "
                "colleague is the real expert.")
    if p in f.go_to_instead:
        raise NotYet("That is the colleague this team goes to instead. The question asks for "
                     "their manager (the team lead they bypass).")
    if p not in f.managers:
        raise NotYet("`bypassed_manager` leads nobody in the org chart (no direct reports). "
                     "Look only at team leads: level 'manager'.")
    if f.levels.get(p) != "manager":
        raise NotYet("`bypassed_manager` is a director or the CEO (level "
                     f"{f.levels.get(p)!r}), whose reports are managers themselves. The "
                     "question is about team leads: level 'manager'.")
    if p in f.lead_share:
        k, n = f.lead_share[p]
        raise NotYet(f"Not yet: {plural(k, 'member')} of this team lead's own team (out of "
                     f"{n} who answered the survey) name them for advice. Look for the team "
                     "lead with the lowest share.")
    raise NotYet("Not yet: none of this team lead's team answered the survey, so we cannot "
                 "tell. Count only direct reports who answered.")


# lesson 01's tries (not graded; progress shows them separately)


@question("m01", "t1", ["tiny_density"], "density of the hand-made team", graded=False)
def _m01_t1(tiny_density: Any) -> str:
    f = _m01()
    x = number("tiny_density", tiny_density)
    d = f.tiny_density
    if close(x, d):
        return "Right: ties divided by possible ties, n × (n − 1) in a directed network."
    if about(x, 2 * d):
        raise NotYet("About twice too high: in a directed network each pair can carry two "
                     "ties (A to B and B to A), so there are n × (n − 1) possible ties.")
    n = len({u for e in TINY_TEAM_ADVICE + TINY_TEAM_CHART for u in e})
    if about(x, len(TINY_TEAM_ADVICE) / n ** 2):
        raise NotYet("Close: you divided by n × n, but nobody asks themselves: n × (n − 1).")
    if about(x, 100 * d):
        raise NotYet("That looks like a percentage; give the share between 0 and 1.")
    raise NotYet("Not yet: count the advice ties, and divide by n × (n − 1) with n people.")


@question("m01", "t2", ["femke_asked_by"], "how many colleagues ask Femke for advice",
          graded=False)
def _m01_t2(femke_asked_by: Any) -> str:
    f = _m01()
    x = count("femke_asked_by", femke_asked_by)
    p = "NH0068"
    if x == f.in_degree.get(p):
        return ("Right: that is her in-degree. She manages nobody, yet many colleagues come "
                "to her: the informal organisation at work.")
    if x == f.out_degree.get(p):
        raise NotYet("That is how many colleagues SHE asks (out-degree). Who comes to her? "
                     "Count incoming ties.")
    if x == f.in_degree.get(p, 0) + f.out_degree.get(p, 0):
        raise NotYet("That counts ties in both directions. Count only colleagues who come to "
                     "her: incoming ties.")
    raise NotYet("Not yet: count the incoming advice ties of NH0068 (in-degree).")


@question("m01", "t3", ["trust_reciprocity"], "reciprocity of the trust network", graded=False)
def _m01_t3(trust_reciprocity: Any) -> str:
    f = _m01()
    x = number("trust_reciprocity", trust_reciprocity)
    if close(x, f.trust_reciprocity):
        return _("Right: trust is returned more often than advice, and much more often than "
                 "ideas. Trust tends to be mutual; ideas and advice flow from those who ask to "
                 "those who know.")
    if close(x, f.reciprocity, 1e-6):
        raise NotYet("That is the advice network's reciprocity; build the trust network "
                     "with org.network(\"trust\").")
    if close(x, f.ideas_reciprocity, 1e-6):
        raise NotYet("That is the ideas network's reciprocity (the one in the lesson); build "
                     "the trust network with org.network(\"trust\").")
    if about(x, 100 * f.trust_reciprocity):
        raise NotYet("That looks like a percentage; give the share between 0 and 1.")
    raise NotYet("Not yet: of all trust ties A → B, what share has a tie B → A back?")

