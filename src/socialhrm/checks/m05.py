"""Self-checks of module 5, *spreading a new way of working* (HR as change agent).

The exercise's questions q1-q7 and the lesson's tries t1-t3.

Every expected value is computed from the bundled Noordhaven data with the kit's own functions
(once, on first use), never typed in, so the checks follow the data if it is regenerated.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from socialhrm.checks import NotYet, question
from socialhrm.checks.answers import about, close, count, count_form, number, parts, share_form
from socialhrm.i18n import N_, _

#: The small team of lesson 05: who works with whom (undirected), and who already posts.
TINY_TEAM_TIES = [("Anouk", "Bas"), ("Anouk", "Chris"), ("Bas", "Chris"), ("Chris", "Dina"),
                  ("Bas", "Dina"), ("Dina", "Emre"), ("Emre", "Fleur"), ("Dina", "Fleur"),
                  ("Chris", "Emre")]
TINY_TEAM_ADOPTERS = ("Anouk", "Bas", "Chris")
#: The people lesson 05's try t1 asks about.
TINY_TEAM_PERSON = "Dina"

#: The settings every question of the exercise uses (stated in the exercise too).
RUMOUR = {"p": 0.05}
COMPLEX = {"k": 3, "q": 0.5}
RUNS = 500
STRATEGY_RUNS = 300
PIONEERS = 5
STRATEGY_CHOICES = ("random", "degree", "hr_first", "managers")
#: Monte Carlo answers may differ a little when computed with another seed or order.
MC_TOLERANCE = 0.02


@dataclass
class _M05:
    """Everything module 5's checks compare with, computed once from the bundled data."""

    n: int
    adopters: int
    repliers: int
    post_rows: int
    event_rows: int
    event_people: int
    share: float
    week_quarter: int
    dept_share: dict[str, float]
    dept_count: dict[str, int]
    lagging: frozenset[str]
    fewest: frozenset[str]
    earlier_later: float
    earlier_all: float
    rumour: float
    complex: float
    strategies: dict[str, dict[str, float]]
    fastest: frozenset[str]
    never: frozenset[str]
    fit_order: list[str]
    tiny_exposure: float
    tiny_next: frozenset[str]
    tiny_next_simple: frozenset[str]
    hr_share: float
    hr_count: int
    hr_size: int


@functools.cache
def _m05() -> _M05:
    import networkx as nx

    from socialhrm.adoption import (
        adoption_curve,
        compare_strategies,
        exposure_at_adoption,
        first_adopters,
        fit_adoption,
        simulate_adoption,
    )
    from socialhrm.datasets import load

    org = load("noordhaven")
    contacts = org.network("interactions", directed=False)
    people = org.people.set_index("person_id")
    ev = org.events
    posts = ev[ev["event"] == "platform_first_post"]
    posted = set(posts["person_id"])
    curve = adoption_curve(ev, org.people)
    week_quarter = int(curve.loc[curve["share"] >= 0.25, "week"].min())
    dept = people["department"]
    size = dept.value_counts()
    counts = dept[dept.index.isin(posted)].value_counts().reindex(size.index, fill_value=0)
    shares = (counts / size).to_dict()
    big = [d for d in size.index if size[d] >= 5]
    low = min(shares[d] for d in big)
    fewest_n = min(counts[d] for d in big)
    expo = exposure_at_adoption(contacts, ev)
    pioneers = first_adopters(ev)
    later = expo[~expo.index.isin(pioneers)]
    rumour = simulate_adoption(contacts, pioneers, "cascade", runs=RUNS, seed=0, **RUMOUR)
    cx = simulate_adoption(contacts, pioneers, "complex", runs=RUNS, seed=0, **COMPLEX)
    table = compare_strategies(contacts, PIONEERS, STRATEGY_CHOICES, "complex",
                               runs=STRATEGY_RUNS, seed=0, model_params=COMPLEX)
    strat = {r["strategy"]: {"final": r["final_share_mean"], "time": r["time_to_half_mean"],
                             "reach": r["share_of_runs_reaching_half"]}
             for _i, r in table.iterrows()}
    reaching = {s: v["time"] for s, v in strat.items() if v["reach"] > 0}
    fastest_t = min(reaching.values())
    fit = fit_adoption(contacts, ev, runs=100)
    order = list(dict.fromkeys(fit["model"]))
    tiny = nx.Graph(TINY_TEAM_TIES)
    nbrs = list(tiny.neighbors(TINY_TEAM_PERSON))
    adopted = set(TINY_TEAM_ADOPTERS)
    nxt = frozenset(v for v in tiny if v not in adopted
                    and sum(u in adopted for u in tiny.neighbors(v)) >= 2)
    nxt_simple = frozenset(v for v in tiny if v not in adopted
                           and any(u in adopted for u in tiny.neighbors(v)))
    hr = dept[dept == "HR"].index
    return _M05(
        n=len(people), adopters=len(posted),
        repliers=ev.loc[ev["event"] == "platform_first_reply", "person_id"].nunique(),
        post_rows=len(posts), event_rows=len(ev), event_people=ev["person_id"].nunique(),
        share=len(posted) / len(people), week_quarter=week_quarter,
        dept_share=shares, dept_count=counts.to_dict(),
        lagging=frozenset(d for d in big if shares[d] == low),
        fewest=frozenset(d for d in big if counts[d] == fewest_n),
        earlier_later=float((later["earlier_contacts"] > 0).mean()),
        earlier_all=float((expo["earlier_contacts"] > 0).mean()),
        rumour=float(rumour.final_share.mean()), complex=float(cx.final_share.mean()),
        strategies=strat,
        fastest=frozenset(s for s, t in reaching.items() if t == fastest_t),
        never=frozenset(s for s, v in strat.items() if v["reach"] == 0),
        fit_order=order,
        tiny_exposure=sum(u in adopted for u in nbrs) / len(nbrs),
        tiny_next=nxt, tiny_next_simple=nxt_simple,
        hr_share=len(set(hr) & posted) / len(hr), hr_count=len(set(hr) & posted),
        hr_size=len(hr),
    )


def _text(name: str, value: Any) -> str:
    if not isinstance(value, str):
        raise NotYet(_("`{name}` should be a text in quotes, such as \"Sales\".")
                     .format(name=name))
    return value.strip()


@question("m05", "q1", ["adopters", "adoption_share"], N_("how many people posted"))
def _m05_q1(adopters: Any, adoption_share: Any) -> str:
    f = _m05()

    def people() -> str:
        x = count("adopters", adopters)
        if x == f.adopters:
            count_form("adopters", adopters)
            return _("`adopters` is right.")
        if x == f.post_rows + f.repliers or x == f.event_rows:
            raise NotYet(_("`adopters` counts more than first posts: the events table also "
                           "holds first replies and exits. Keep only the event "
                           "'platform_first_post'."))
        if x == f.event_people:
            raise NotYet(_("`adopters` counts everyone who appears in the events table; some "
                           "of them only left the organisation. Count the people with a first "
                           "post."))
        if x == f.repliers:
            raise NotYet(_("`adopters` counts the first replies; adoption here is the first "
                           "post."))
        if x == f.n:
            raise NotYet(_("`adopters` looks like the number of all people."))
        raise NotYet(_("`adopters` is not yet right: count the people with the event "
                       "'platform_first_post'."))

    def share() -> str:
        x = number("adoption_share", adoption_share)
        if close(x, f.share):
            share_form("adoption_share", adoption_share, x)
            return _("`adoption_share` is right.")
        if about(x, 100 * f.share):
            share_form("adoption_share", adoption_share, x)
        if about(x, f.adopters / f.event_people):
            raise NotYet(_("`adoption_share` divides by the people in the events table. The "
                           "question is about everybody at Noordhaven: divide by the people "
                           "table."))
        if about(x, 1 - f.share):
            raise NotYet(_("That is the share of people who have NOT posted."))
        share_form("adoption_share", adoption_share, x)
        raise NotYet(_("`adoption_share` is not yet right: the people who posted divided by "
                       "everybody in the people table."))

    parts(people, share)
    return _("Both right. About half of Noordhaven posted within five months: a real start, "
             "and also half who have not (yet).")


@question("m05", "q2", ["week_quarter"], N_("the week a quarter had adopted"))
def _m05_q2(week_quarter: Any) -> str:
    f = _m05()
    x = count("week_quarter", week_quarter)
    if x == f.week_quarter:
        count_form("week_quarter", week_quarter)
        return _("Right. It took months, not weeks, to reach a quarter of the people: "
                 "adoption starts slowly and speeds up once many colleagues take part.")
    if x == f.week_quarter + 1:
        raise NotYet(_("One week too late: weeks are counted from 0 (the launch week is week "
                       "0). Did you count from 1?"))
    if x == f.week_quarter - 1:
        raise NotYet(_("One week too early: look for the first week in which the share is at "
                       "least 0.25 (not the last week below it)."))
    raise NotYet(_("Not yet: in adoption_curve(...), find the first week whose `share` "
                   "(adopters so far, not new adopters) is 0.25 or more."))


@question("m05", "q3", ["lagging_department"], N_("the department that lags most"))
def _m05_q3(lagging_department: Any) -> str:
    f = _m05()
    x = _text("lagging_department", lagging_department)
    if x in f.lagging:
        return _("Right. Its share of adopters is the lowest; a change agent asks why (work "
                 "on the floor without a screen? no pioneer there?) before pushing harder.")
    if x in f.fewest:
        raise NotYet(_("That department has the fewest adopters, but it is also small. "
                       "Compare shares (adopters divided by the department's size), not "
                       "counts."))
    if x not in f.dept_share:
        raise NotYet(_("{value!r} is not one of Noordhaven's departments; write its name as "
                       "in the people table.").format(value=x))
    raise NotYet(_("Not yet: compute for each department the share of its people who posted, "
                   "and take the lowest (leave out groups too small to show)."))


@question("m05", "q4", ["share_with_earlier_contact"],
          N_("adopters who had a contact who adopted before them"))
def _m05_q4(share_with_earlier_contact: Any) -> str:
    f = _m05()
    x = number("share_with_earlier_contact", share_with_earlier_contact)
    if close(x, f.earlier_later):
        share_form("share_with_earlier_contact", share_with_earlier_contact, x)
        return _("Right. Almost everybody who started after the launch week had a colleague "
                 "who posted before them: adoption travelled through contacts.")
    if about(x, 100 * f.earlier_later):
        share_form("share_with_earlier_contact", share_with_earlier_contact, x)
    if close(x, f.earlier_all, 1e-6):
        raise NotYet(_("You included the launch-week pioneers. They started the change, "
                       "nobody could have posted before them: leave them out."))
    if about(x, 1 - f.earlier_later):
        raise NotYet(_("That is the share WITHOUT an earlier-adopting contact."))
    share_form("share_with_earlier_contact", share_with_earlier_contact, x)
    raise NotYet(_("Not yet: of the adopters who are not launch-week pioneers, what share "
                   "has at least one contact who posted before them (earlier_contacts > 0)?"))


def _mc_share(name: str, value: Any, expected: float) -> float:
    x = number(name, value)
    if about(x, 100 * expected, rel=0.1) and x > 1:
        share_form(name, value, x)
    if x > 1:
        raise NotYet(_("`{name}` is above 1: it looks like a number of people. Give the "
                       "share of people (final_share_mean).").format(name=name))
    share_form(name, value, x)
    return x


@question("m05", "q5", ["rumour_share", "complex_share"],
          N_("a rumour versus complex contagion from the pilot"))
def _m05_q5(rumour_share: Any, complex_share: Any) -> str:
    f = _m05()

    def rumour() -> str:
        x = _mc_share("rumour_share", rumour_share, f.rumour)
        if abs(x - f.rumour) <= MC_TOLERANCE:
            return _("`rumour_share` is right.")
        if abs(x - f.complex) <= MC_TOLERANCE:
            raise NotYet(_("`rumour_share` looks like the complex-contagion result; did you "
                           "swap the two?"))
        raise NotYet(_("`rumour_share` is not yet right: simulate the model \"cascade\" with "
                       "p=0.05 from the launch-week pioneers, {runs} runs, and take the mean "
                       "final share.").format(runs=RUNS))

    def complex_() -> str:
        x = _mc_share("complex_share", complex_share, f.complex)
        if abs(x - f.complex) <= MC_TOLERANCE:
            return _("`complex_share` is right.")
        if abs(x - f.rumour) <= MC_TOLERANCE:
            raise NotYet(_("`complex_share` looks like the rumour result; did you swap the "
                           "two?"))
        raise NotYet(_("`complex_share` is not yet right: simulate the model \"complex\" with "
                       "k=3 and q=0.5 from the same pioneers, {runs} runs, and take the mean "
                       "final share.").format(runs=RUNS))

    parts(rumour, complex_)
    return _("Both right. A tightly knit pilot team is a poor start for a rumour (each person "
             "gets one chance to pass it on) but a strong one for a behaviour that needs "
             "several colleagues' example.")


@question("m05", "q6", ["fastest_strategy", "never_half_strategy"],
          N_("which pioneers carry a complex change"))
def _m05_q6(fastest_strategy: Any, never_half_strategy: Any) -> str:
    f = _m05()

    def fastest() -> str:
        x = _text("fastest_strategy", fastest_strategy)
        if x not in f.strategies:
            raise NotYet(_("`fastest_strategy` should be one of the four strategy names in "
                           "the table's `strategy` column."))
        if x in f.fastest:
            return _("`fastest_strategy` is right.")
        if x in f.never:
            raise NotYet(_("`fastest_strategy`: with these pioneers the change never reaches "
                           "half of the people, so it has no time to half at all."))
        slowest = max((v["time"] for s, v in f.strategies.items() if s not in f.never))
        if f.strategies[x]["time"] == slowest:
            raise NotYet(_("`fastest_strategy` is the slowest of the strategies that reach "
                           "half; look for the lowest time to half."))
        raise NotYet(_("`fastest_strategy` is not yet right. Several strategies end at the "
                       "same final share; compare the time to half (time_to_half_mean)."))

    def never() -> str:
        x = _text("never_half_strategy", never_half_strategy)
        if x not in f.strategies:
            raise NotYet(_("`never_half_strategy` should be one of the four strategy names in "
                           "the table's `strategy` column."))
        if x in f.never:
            return _("`never_half_strategy` is right.")
        raise NotYet(_("`never_half_strategy` is not yet right: look for the strategy whose "
                       "share_of_runs_reaching_half is 0."))

    parts(fastest, never)
    return _("Both right. Pioneers scattered at random each stand alone: nobody around them "
             "sees three colleagues using the platform. Connected pioneers create the local "
             "examples a complex change needs.")


@question("m05", "q7", ["best_model"], N_("the model that reproduces the observed adoption"))
def _m05_q7(best_model: Any) -> str:
    from socialhrm.adoption import MODELS

    f = _m05()
    x = _text("best_model", best_model)
    labels = {MODELS[m]: m for m in MODELS} | {_(MODELS[m]): m for m in MODELS}
    x = labels.get(x, x)
    if x not in MODELS:
        raise NotYet(_("`best_model` should be the name of one of the kit's models, as in the "
                       "`model` column of fit_adoption's table."))
    if x == f.fit_order[0]:
        return _("Right. The observed curve is reproduced best by spreading through "
                 "conversation between colleagues, far better than by a one-shot rumour.")
    if x == f.fit_order[-1]:
        raise NotYet(_("That model fits worst: the table is sorted with the best fit (the "
                       "lowest rmse) first."))
    raise NotYet(_("Not yet: take the model in the first row of fit_adoption's table (the "
                   "lowest rmse)."))


# lesson 05's tries (not graded)


@question("m05", "t1", ["dina_exposure"], N_("Dina's exposure"), graded=False)
def _m05_t1(dina_exposure: Any) -> str:
    f = _m05()
    x = number("dina_exposure", dina_exposure)
    if close(x, f.tiny_exposure):
        return _("Right: the share of her contacts who already post. Valente calls the "
                 "exposure at which someone adopts their threshold.")
    if x == round(x) and x >= 1:
        raise NotYet(_("That is a number of contacts; exposure is a share: divide by all her "
                       "contacts."))
    if about(x, 100 * f.tiny_exposure):
        raise NotYet(_("That looks like a percentage; give the share between 0 and 1."))
    raise NotYet(_("Not yet: of Dina's contacts, what share is in `adopted`?"))


@question("m05", "t2", ["next_adopters"], N_("one step of complex contagion by hand"),
          graded=False)
def _m05_t2(next_adopters: Any) -> str:
    f = _m05()
    if not isinstance(next_adopters, set | frozenset | list | tuple):
        raise NotYet(_("`next_adopters` should be a set of names, like {\"Bas\"}."))
    got = frozenset(next_adopters)
    if got == f.tiny_next:
        return _("Right: only people with at least two adopting contacts start in this step.")
    if got == f.tiny_next_simple:
        raise NotYet(_("That is everyone with at least ONE adopting contact: the rule of a "
                       "rumour. Here a person needs two."))
    if got & set(TINY_TEAM_ADOPTERS):
        raise NotYet(_("Leave out people who have already adopted."))
    raise NotYet(_("Not yet: for every person who has not adopted, count their contacts in "
                   "`adopted`; keep those with two or more."))


@question("m05", "t3", ["hr_share"], N_("the share of HR that posted"), graded=False)
def _m05_t3(hr_share: Any) -> str:
    f = _m05()
    x = number("hr_share", hr_share)
    if close(x, f.hr_share):
        return _("Right: HR practised what it preached — almost the whole department posts.")
    if x == f.hr_count:
        raise NotYet(_("That is the number of HR people who posted; divide by the size of "
                       "HR."))
    if about(x, 100 * f.hr_share):
        raise NotYet(_("That looks like a percentage; give the share between 0 and 1."))
    raise NotYet(_("Not yet: the HR people who posted divided by everyone in HR."))
