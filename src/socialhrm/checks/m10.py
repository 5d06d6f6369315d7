"""Self-checks of module 10, *organising and facilitating*.

The exercise's questions q1-q7 and the lesson's tries t1-t3. Every expected value is computed
from the bundled Noordhaven data with the kit's own functions, never typed in; hints never show
the expected value.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from socialhrm.checks import NotYet, question
from socialhrm.checks.answers import about, close, count, count_form, number, share_form
from socialhrm.i18n import _

#: The lesson's hand-made team and its ambassador (the lesson builds exactly these ties).
TINY_ADVICE = [("Bas", "Chris"), ("Dina", "Chris"), ("Emre", "Dina"), ("Fleur", "Emre"),
               ("Anouk", "Bas")]
TINY_AMBASSADOR = "Chris"
#: How many early posters count as pioneers in the lesson and the exercise.
N_PIONEERS = 20
#: The policy the HR director asks for in question 7.
POLICY_ASK = {"accounts": {"company", "private"}, "stance": "allow",
              "introduction": {"video", "team_meeting"}, "review_months": 6}


@dataclass
class _M10:
    n_respondents: int
    n_rows: int
    n_people: int
    trust: float
    trust_rows: float
    trust_raw: float
    dept_trust: dict[str, float]
    org_scores: dict[str, float]
    org_scores_raw: dict[str, float]
    share_reach: float
    share_one_step: float
    share_out_only: float
    mgmt_share: float
    mgmt_expected: float
    others_share: float
    tiny_within_two: int
    tiny_one_step: int
    tiny_directed: int
    uncovered: int
    labels: dict[str, str]


def pioneers(events: Any, n: int = N_PIONEERS) -> list[str]:
    """The first ``n`` people who posted on the platform (the exercise's ambassadors)."""
    first = events[events["event"] == "platform_first_post"].sort_values(
        ["timestamp", "person_id"], kind="stable")
    return [str(p) for p in first["person_id"].head(n)]


@functools.cache
def _m10() -> _M10:
    import networkx as nx

    from socialhrm.datasets import load
    from socialhrm.readiness import (
        PRECONDITIONS,
        ambassador_reach,
        management_centrality,
        readiness_scores,
    )

    org = load("noordhaven")
    r = org.readiness
    org_s = readiness_scores(r, by=None).set_index("precondition")["score"]
    raw = r.assign(score=r["answer"])
    org_raw = readiness_scores(raw, by=None).set_index("precondition")["score"]
    dept = readiness_scores(r, org.people, by="department")
    dept_trust = dept[dept["precondition"] == "trust"].set_index("group")["score"].to_dict()
    advice = org.network("advice")
    pio = pioneers(org.events)
    reach = ambassador_reach(advice, pio, by="department")
    one = ambassador_reach(advice, pio, by="department", steps=1)
    out_only: set[str] = set()
    for p in pio:
        out_only.update(nx.single_source_shortest_path_length(advice, p, cutoff=2))
    chat = org.network("interactions", channel="chat", directed=False)
    mc = management_centrality(chat)
    tiny = nx.DiGraph(TINY_ADVICE)
    und = tiny.to_undirected()
    return _M10(
        n_respondents=int(r["respondent"].nunique()), n_rows=len(r), n_people=len(org.people),
        trust=float(org_s["trust"]),
        trust_rows=float(r.loc[r["precondition"] == "trust", "score"].mean()),
        trust_raw=float(org_raw["trust"]), dept_trust=dept_trust,
        org_scores=org_s.to_dict(), org_scores_raw=org_raw.to_dict(),
        share_reach=float(reach["within_reach"].sum() / reach["people"].sum()),
        share_one_step=float(one["within_reach"].sum() / one["people"].sum()),
        share_out_only=len(out_only) / advice.number_of_nodes(),
        mgmt_share=float(mc.loc["management", "share_in_top"]),
        mgmt_expected=float(mc.loc["management", "expected_share"]),
        others_share=float(mc.loc["others", "share_in_top"]),
        tiny_within_two=len(nx.single_source_shortest_path_length(und, TINY_AMBASSADOR, 2)),
        tiny_one_step=len(nx.single_source_shortest_path_length(und, TINY_AMBASSADOR, 1)),
        tiny_directed=len(nx.single_source_shortest_path_length(tiny, TINY_AMBASSADOR, 2)),
        uncovered=int((~reach["covered"]).sum()),
        labels={p: _(v[0]) for p, v in PRECONDITIONS.items()},
    )


@question("m10", "q1", ["n_respondents"], "how many people answered the readiness survey")
def _m10_q1(n_respondents: Any) -> str:
    f = _m10()
    x = count("n_respondents", n_respondents)
    if x == f.n_respondents:
        count_form("n_respondents", n_respondents)
        return _("Right: {share:.0%} of Noordhaven's people answered; the scores speak for them, "
                 "not for everyone.").format(share=f.n_respondents / f.n_people)
    if x == f.n_rows:
        raise NotYet(_("That counts rows: one row per answered statement. Count the different "
                       "respondents."))
    if x == f.n_people:
        raise NotYet(_("That is everyone at Noordhaven; not everyone answered. Count the "
                       "respondents in the survey table."))
    raise NotYet(_("Not yet: count the different people in the column 'respondent'."))


@question("m10", "q2", ["trust_score"], "Noordhaven's trust score")
def _m10_q2(trust_score: Any) -> str:
    f = _m10()
    x = number("trust_score", trust_score)
    if close(x, f.trust, 1e-9):
        if not isinstance(trust_score, float):
            raise NotYet(_("Right value, but give it as a plain float: float(...)."))
        return _("Right: on a scale of 1 to 5, trust in employees is {s:.1f} across the "
                 "organisation.").format(s=f.trust)
    if close(x, f.trust_raw, 1e-9):
        raise NotYet(_("You used the answers as given. One trust statement is worded the other "
                       "way round: use the column 'score', in which it is turned around."))
    if close(x, f.trust_rows, 1e-9):
        raise NotYet(_("Close: you averaged all answers, so people who answered more statements "
                       "weigh more. Average per person first, then over the people "
                       "(readiness_scores does that)."))
    if 0 <= x <= 1:
        raise NotYet(_("That looks like a share; the score is a mean on the scale of 1 to 5."))
    raise NotYet(_("Not yet: the organisation's score on the precondition 'trust', e.g. from "
                   "readiness_scores(org.readiness, by=None)."))


@question("m10", "q3", ["lowest_trust_department"], "the department with the lowest trust")
def _m10_q3(lowest_trust_department: Any) -> str:
    f = _m10()
    if not isinstance(lowest_trust_department, str):
        raise NotYet(_("Give the department's name as text, e.g. 'Sales'."))
    ranked = sorted(f.dept_trust, key=f.dept_trust.get)
    if lowest_trust_department == ranked[0]:
        return _("Right — and it is one of the departments where the platform was hardly "
                 "adopted. Trust and adoption go together.")
    if lowest_trust_department == ranked[-1]:
        raise NotYet(_("That is the department with the highest trust; the question asks for "
                       "the lowest."))
    if lowest_trust_department in f.dept_trust:
        raise NotYet(_("Low, but not the lowest. Look at the precondition 'trust' only and "
                       "take the smallest score."))
    raise NotYet(_("That is not one of the groups in the scores per department (small groups "
                   "are merged)."))


@question("m10", "q4", ["weakest_precondition"], "the weakest precondition overall")
def _m10_q4(weakest_precondition: Any) -> str:
    f = _m10()
    if not isinstance(weakest_precondition, str):
        raise NotYet(_("Give the precondition's id as text, e.g. 'facilitation'."))
    ranked = sorted(f.org_scores, key=f.org_scores.get)
    if weakest_precondition == ranked[0]:
        return _("Right: start here — a precondition that is missing holds the others back.")
    if weakest_precondition in f.labels.values():
        raise NotYet(_("That is the label; give the id from the column 'precondition'."))
    if weakest_precondition == min(f.org_scores_raw, key=f.org_scores_raw.get):
        raise NotYet(_("You used the answers as given; reverse-worded statements must be "
                       "turned around first (the column 'score')."))
    if weakest_precondition == ranked[-1]:
        raise NotYet(_("That is the strongest precondition; the question asks for the weakest."))
    if weakest_precondition in f.org_scores:
        raise NotYet(_("Not the lowest score. Compare the organisation's score on every "
                       "precondition."))
    raise NotYet(_("That is not a precondition id; see readiness.PRECONDITIONS."))


@question("m10", "q5", ["share_within_reach"], "share of people near a pioneer")
def _m10_q5(share_within_reach: Any) -> str:
    f = _m10()
    x = number("share_within_reach", share_within_reach)
    if close(x, f.share_reach):
        share_form("share_within_reach", share_within_reach, x)
        return _("Right: {s:.0%} of Noordhaven has a pioneer within two steps; the rest has "
                 "nobody nearby to show them how.").format(s=f.share_reach)
    if about(x, 100 * f.share_reach):
        raise NotYet(_("That looks like a percentage; give the share between 0 and 1."))
    if close(x, f.share_one_step):
        raise NotYet(_("That is one step. The question asks for two steps: a pioneer, or a "
                       "colleague of one."))
    if close(x, f.share_out_only):
        raise NotYet(_("You followed advice ties in one direction only. Someone who asks a "
                       "pioneer, or whom a pioneer asks, is near in both cases."))
    share_form("share_within_reach", share_within_reach, x)
    raise NotYet(_("Not yet: people with a pioneer within two steps (ties in both directions) "
                   "divided by everyone in the advice network."))


@question("m10", "q6", ["management_share_in_top"], "managers among the most connected")
def _m10_q6(management_share_in_top: Any) -> str:
    f = _m10()
    x = number("management_share_in_top", management_share_in_top)
    if close(x, f.mgmt_share):
        share_form("management_share_in_top", management_share_in_top, x)
        more = _("more") if f.mgmt_share > f.mgmt_expected else _("not more")
        return _("Right: managers are {more} often among the most connected than their "
                 "numbers alone would give.").format(more=more)
    if close(x, f.mgmt_expected):
        raise NotYet(_("That is the management's share of all people (what chance would "
                       "give), not their share among the most connected."))
    if close(x, f.others_share):
        raise NotYet(_("That is the share of the others; the question asks about management."))
    if about(x, 100 * f.mgmt_share):
        raise NotYet(_("That looks like a percentage; give the share between 0 and 1."))
    share_form("management_share_in_top", management_share_in_top, x)
    raise NotYet(_("Not yet: the column 'share_in_top' of the row 'management' in "
                   "management_centrality(chat)."))


@question("m10", "q7", ["policy"], "the draft policy the HR director asked for")
def _m10_q7(policy: Any) -> str:
    from socialhrm.policy import ACCOUNTS, INTRODUCTIONS, STANCES, PolicyDraft

    if not isinstance(policy, PolicyDraft):
        raise NotYet(_("`policy` should be what draft_policy(...) returns."))
    c = policy.choices.set_index("choice")["value"]
    problems = []
    accounts = {a for a, (label, _r) in ACCOUNTS.items()
                if _(label) in str(c.get(_("accounts covered"), ""))}
    if accounts != POLICY_ASK["accounts"]:
        problems.append(_("Which accounts: the company accounts and private accounts, not the "
                          "internal platform (it gets its own house rules later)."))
    stance = {s for s, (label, _r) in STANCES.items() if _(label) == c.get(_("stance"))}
    if stance != {POLICY_ASK["stance"]}:
        problems.append(_("The stance: with trust this low, start by allowing use without "
                          "actively encouraging it yet."))
    intro = {i for i, (label, _r) in INTRODUCTIONS.items()
             if _(label) in str(c.get(_("introduction"), ""))}
    if intro != POLICY_ASK["introduction"]:
        problems.append(_("The introduction: a short video and a conversation in every team, "
                          "nothing else for now."))
    review = _("after {months} months").format(months=POLICY_ASK["review_months"])
    if c.get(_("review")) != review:
        problems.append(_("The review: the HR director wants to look at it again sooner than "
                          "after a year."))
    if problems:
        raise NotYet(" ".join(problems))
    return _("Right: a modest first policy that fits a low-trust start, with an early review "
             "— direction without a blueprint.")


# lesson 10's tries (not graded)


@question("m10", "t1", ["tiny_within_two"], "people within two steps of the ambassador",
          graded=False)
def _m10_t1(tiny_within_two: Any) -> str:
    f = _m10()
    x = count("tiny_within_two", tiny_within_two)
    if x == f.tiny_within_two:
        return _("Right: the ambassador, the colleagues who ask or are asked by them, and "
                 "their colleagues.")
    if x == f.tiny_within_two - 1:
        raise NotYet(_("Count the ambassador too (zero steps away)."))
    if x == f.tiny_one_step:
        raise NotYet(_("That is one step; count two steps."))
    if x == f.tiny_directed:
        raise NotYet(_("You followed the arrows one way only; near means either direction."))
    raise NotYet(_("Not yet: count everyone at most two steps from the ambassador, ties in "
                   "both directions."))


@question("m10", "t2", ["trust_by_hand"], "a trust score by hand", graded=False)
def _m10_t2(trust_by_hand: Any) -> str:
    x = number("trust_by_hand", trust_by_hand)
    # the lesson's two respondents: (4 + 5 + (6 - 2)) / 3 and (2 + 3 + (6 - 4)) / 3
    expected = ((4 + 5 + (6 - 2)) / 3 + (2 + 3 + (6 - 4)) / 3) / 2
    if close(x, expected):
        return _("Right: turn the reverse-worded answer around, average per person, then over "
                 "the people.")
    if close(x, ((4 + 5 + 2) / 3 + (2 + 3 + 4) / 3) / 2):
        raise NotYet(_("R06 is worded the other way round: use 6 − answer for it."))
    raise NotYet(_("Not yet: per person the mean of R04, R05 and (6 − R06), then the mean of "
                   "the two people."))


@question("m10", "t3", ["uncovered_departments"], "departments without a pioneer nearby for all",
          graded=False)
def _m10_t3(uncovered_departments: Any) -> str:
    f = _m10()
    x = count("uncovered_departments", uncovered_departments)
    if x == f.uncovered:
        return _("Right: in these departments some people have no pioneer within two steps.")
    raise NotYet(_("Not yet: count the rows of the reach table whose 'covered' is False."))
