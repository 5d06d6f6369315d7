"""Self-checks of module 4, *who knows what, and who is hard to replace*.

The exercise's questions q1-q6 and the lesson's tries t1-t3. Every expected value is computed
from the bundled Noordhaven data (once, on first use) or from the lesson's hand-made example,
never typed in. The network is the advice network read without directions (who is in touch
about work, either way), as the exercise prepares it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from socialhrm.checks import NotYet, question
from socialhrm.checks.answers import about, close, count, count_form, number, parts, rounded
from socialhrm.i18n import _

#: The person whose exit the exercise studies: Sita de Haan, Technical Service.
KEY_PERSON = "NH0067"
#: The team lead who needs the know-how in question 4: Lucas Willems, IT Applications.
ASKER = "NH0261"
#: The topic only one person holds.
KEY_TOPIC = "legacy pump controllers (PLC)"
#: The lesson's hand-made network: a team linked to the rest through one person (c).
TINY_TIES = [("a", "b"), ("b", "c"), ("a", "c"), ("c", "d"), ("d", "e"), ("d", "f"),
             ("e", "f"), ("c", "g")]


@dataclass
class _M04:
    thin: int
    single: int
    thin_rows: int
    topics: int
    before: int
    after: int
    strong_before: int
    strong_after: int
    cut_off: int
    steps: int
    frag_after: float
    frag_before: float
    frag_alone: float
    top_share: float
    top5_people: float
    top_share_out: float
    tiny_after: int
    tiny_before: int
    plc_reach: float
    plc_reach_count: int
    finance_sql_steps: int


@functools.cache
def _m04() -> _M04:
    import networkx as nx
    import pandas as pd

    from socialhrm.datasets import load
    from socialhrm.knowledge import exit_impact, find_expert, key_players, knowledge_at_risk

    org = load("noordhaven")
    advice = org.network("advice")
    U = advice.to_undirected()
    topics = org.expertise["topic"].value_counts()
    H = U.copy()
    H.remove_node(KEY_PERSON)
    D = advice.copy()
    D.remove_node(KEY_PERSON)
    holder = org.expertise.loc[org.expertise["topic"] == KEY_TOPIC, "person_id"].iloc[0]
    kp = key_players(advice, k=3)
    asked = pd.Series(dict(advice.in_degree())).sort_values(ascending=False)
    n_top = round(0.05 * len(asked))
    asks = pd.Series(dict(advice.out_degree())).sort_values(ascending=False)
    tiny = nx.Graph(TINY_TIES)
    tiny_cut = tiny.copy()
    tiny_cut.remove_node("c")
    risk = knowledge_at_risk(advice, org.expertise)
    people = org.people.set_index("person_id")
    finance = list(people.index[people["department"] == "Finance"])
    sql = find_expert(advice, org.expertise, "SQL", start=finance)
    return _M04(
        thin=int((topics <= 2).sum()), single=int((topics == 1).sum()),
        thin_rows=int(topics[topics <= 2].sum()), topics=len(topics),
        before=nx.number_connected_components(U), after=nx.number_connected_components(H),
        strong_before=nx.number_strongly_connected_components(advice),
        strong_after=nx.number_strongly_connected_components(D),
        cut_off=len(exit_impact(advice, KEY_PERSON)),
        steps=nx.shortest_path_length(U, ASKER, holder),
        frag_after=float(kp.attrs["score"]), frag_before=float(kp.attrs["score_before"]),
        frag_alone=float(kp["score_alone"].iloc[0]),
        top_share=float(asked.iloc[:n_top].sum() / asked.sum()),
        top5_people=float(asked.iloc[:5].sum() / asked.sum()),
        top_share_out=float(asks.iloc[:n_top].sum() / asks.sum()),
        tiny_after=nx.number_connected_components(tiny_cut),
        tiny_before=nx.number_connected_components(tiny),
        plc_reach=float(risk.loc[KEY_TOPIC, "reach"]),
        plc_reach_count=round(float(risk.loc[KEY_TOPIC, "reach"]) * advice.number_of_nodes()),
        finance_sql_steps=int(sql["steps"].min()),
    )


@question("m04", "q1", ["n_thin_topics"], "topics held by at most two people")
def _m04_q1(n_thin_topics: Any) -> str:
    f = _m04()
    x = count("n_thin_topics", n_thin_topics)
    if x == f.thin:
        count_form("n_thin_topics", n_thin_topics)
        return _("Right. For these topics one or two exits are enough to lose the knowledge: "
                 "the bus factor is one or two.")
    if x == f.single:
        raise NotYet(_("You counted the topics held by exactly one person. The question asks "
                       "for at most two people."))
    if x == f.thin_rows:
        raise NotYet(_("You counted holders (rows of the expertise table). Count topics: each "
                       "topic once."))
    if x == f.topics:
        raise NotYet(_("That is the number of all topics. Keep the topics with one or two "
                       "holders."))
    raise NotYet(_("Not yet. expertise['topic'].value_counts() gives the holders per topic; "
                   "count the topics with at most 2."))


@question("m04", "q2", ["components_before", "components_after"],
          "pieces of the network before and after the key person leaves")
def _m04_q2(components_before: Any, components_after: Any) -> str:
    f = _m04()

    def before() -> str:
        x = count("components_before", components_before)
        if x == f.before:
            count_form("components_before", components_before)
            return _("`components_before` is right.")
        if x == f.strong_before:
            raise NotYet(_("`components_before` counts strongly connected pieces of the "
                           "directed network. Use the undirected network `undirected`."))
        raise NotYet(_("`components_before` is not yet right: "
                       "nx.number_connected_components(undirected). People without any tie "
                       "are pieces of their own."))

    def after() -> str:
        y = count("components_after", components_after)
        if y == f.after:
            count_form("components_after", components_after)
            return _("`components_after` is right.")
        if y == f.before:
            raise NotYet(_("`components_after` is the same as before: did you remove the "
                           "person from a copy and then count the original network?"))
        if y == f.strong_after:
            raise NotYet(_("`components_after` counts strongly connected pieces; use the "
                           "undirected network."))
        raise NotYet(_("`components_after` is not yet right: copy `undirected`, remove SITA "
                       "from the copy with remove_node, and count its connected components."))

    parts(before, after)
    return _("Both right. One person's exit splits off a whole piece of the network.")


@question("m04", "q3", ["n_cut_off"], "people cut off when the key person leaves")
def _m04_q3(n_cut_off: Any) -> str:
    f = _m04()
    x = count("n_cut_off", n_cut_off)
    if x == f.cut_off:
        count_form("n_cut_off", n_cut_off)
        return _("Right: a whole team would lose its only link to the rest of the "
                 "organisation's advice network.")
    if x == f.cut_off + 1:
        raise NotYet(_("One too many: Sita herself leaves; count only the people who stay "
                       "behind without a connection."))
    if x == f.after - f.before:
        raise NotYet(_("That is the number of new pieces. The question asks how many PEOPLE "
                       "are in the part that is cut off from the main part."))
    raise NotYet(_("Not yet. Compare the largest connected component before and after: who "
                   "was in it before, is not in it after, and is not Sita? "
                   "exit_impact(advice, SITA) lists them."))


@question("m04", "q4", ["steps_to_expert"], "steps from the team lead to the expert")
def _m04_q4(steps_to_expert: Any) -> str:
    f = _m04()
    x = count("steps_to_expert", steps_to_expert)
    if x == f.steps:
        count_form("steps_to_expert", steps_to_expert)
        return _("Right. Close by, if you know whom to ask; a social intranet or an expertise "
                 "directory makes that path visible.")
    if x == f.steps + 1:
        raise NotYet(_("You counted the people on the path (start and end included). Count "
                       "the steps: the ties between them."))
    if x == f.steps - 1:
        raise NotYet(_("You counted the people in between. Count the steps (ties) from Lucas "
                       "to the expert."))
    raise NotYet(_("Not yet. Find who holds the topic in `expertise`, then "
                   "nx.shortest_path_length(undirected, LUCAS, that_person)."))


@question("m04", "q5", ["fragmentation_after"],
          "fragmentation when the three key players are gone")
def _m04_q5(fragmentation_after: Any) -> str:
    f = _m04()
    x = number("fragmentation_after", fragmentation_after)
    if close(x, f.frag_after):
        return _("Right. Read it as: that share of all pairs of people could no longer reach "
                 "each other through the advice network. A reason to spread what these three "
                 "know, not a ranking of them.")
    if close(x, f.frag_before, 1e-9):
        raise NotYet(_("That is the fragmentation before anyone leaves (score_before). The "
                       "question asks for the fragmentation with the three key players "
                       "removed (score)."))
    if close(x, f.frag_alone, 1e-9):
        raise NotYet(_("That is the fragmentation if only the first key player left. Take "
                       "the set of three: attrs['score']."))
    if close(x, 1 - f.frag_after, 1e-9):
        raise NotYet(_("That looks like 1 minus the fragmentation: the share of pairs that "
                       "CAN still reach each other."))
    if rounded(x, f.frag_after):
        raise NotYet(_("Very close: did you round? Keep the full value."))
    raise NotYet(_("Not yet. key_players(advice, k=3) returns a table; its "
                   "attrs['score'] is the fragmentation with the three removed."))


@question("m04", "q6", ["top5_share"], "share of advice requests going to the top 5%")
def _m04_q6(top5_share: Any) -> str:
    f = _m04()
    x = number("top5_share", top5_share)
    if close(x, f.top_share):
        return _("Right. Cross, Rebele & Grant found that 3-5% of employees often carry "
                 "20-35% of the value-adding collaboration; those people risk overload and "
                 "burn-out.")
    if close(x, f.top5_people, 1e-9):
        raise NotYet(_("You took the top 5 people. The question asks for the top 5% of "
                       "people: round(0.05 × the number of people)."))
    if close(x, f.top_share_out, 1e-9):
        raise NotYet(_("You used outgoing ties (people who ask a lot). Requests for help are "
                       "the incoming ties: in-degree."))
    if about(x, 100 * f.top_share):
        raise NotYet(_("That looks like a percentage; give the share between 0 and 1."))
    if rounded(x, f.top_share):
        raise NotYet(_("Very close: did you round? Keep the full value."))
    raise NotYet(_("Not yet. Sort everybody's in-degree from high to low, add up the top 5% "
                   "of people, and divide by the sum of all in-degrees."))


# lesson 04's tries (not graded)


@question("m04", "t1", ["components_without_c"], "pieces of the tiny network without c",
          graded=False)
def _m04_t1(components_without_c: Any) -> str:
    f = _m04()
    x = count("components_without_c", components_without_c)
    if x == f.tiny_after:
        return _("Right: without c, the network falls apart into separate pieces.")
    if x == f.tiny_before:
        raise NotYet(_("That is the count before c leaves. Remove c from a copy first."))
    raise NotYet(_("Not yet: copy the network, remove c, and use "
                   "nx.number_connected_components."))


@question("m04", "t2", ["plc_reach"], "how many colleagues can ask the PLC holder directly",
          graded=False)
def _m04_t2(plc_reach: Any) -> str:
    f = _m04()
    x = number("plc_reach", plc_reach)
    if close(x, f.plc_reach):
        return _("Right: a small share of the organisation can ask the only holder directly. "
                 "Everybody else depends on knowing whom to ask.")
    if x == f.plc_reach_count:
        raise NotYet(_("That is a number of people; the column reach is a share (between 0 "
                       "and 1)."))
    raise NotYet(_("Not yet: knowledge_at_risk(advice, expertise) has a row for the topic and "
                   "a column reach."))


@question("m04", "t3", ["steps_sql_from_finance"], "steps from Finance to the nearest SQL "
          "expert", graded=False)
def _m04_t3(steps_sql_from_finance: Any) -> str:
    f = _m04()
    x = count("steps_sql_from_finance", steps_sql_from_finance)
    if x == f.finance_sql_steps:
        return _("Right: for a team, the steps count from its nearest member.")
    if x == f.finance_sql_steps + 1:
        raise NotYet(_("One too many: count the steps (ties), not the people on the path."))
    raise NotYet(_("Not yet: find_expert(advice, expertise, 'SQL', start=finance) lists the "
                   "holders, nearest first; take the smallest value in the column steps."))
