"""Self-checks of module 8, *referrals and weak ties in recruitment*.

The exercise's questions q1-q6 and the lesson's tries t1-t3. Every expected value is computed
from the bundled Noordhaven data (once, on first use), never typed in.
"""

from __future__ import annotations

import functools
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
    rounded,
    share_form,
)
from socialhrm.i18n import _

#: Lesson 08 works with the first two years of the programme (applications before this day).
LESSON_BEFORE = "2023-01-01"
#: The hand-made referral chains of lesson 08 (referrer -> the colleague they brought in).
TINY_REFERRALS = [("Anna", "Bram"), ("Bram", "Cem"), ("Bram", "Daan"), ("Daan", "Eva"),
                  ("Femke", "Gijs")]


@dataclass
class _M08:
    people_ids: frozenset[str]
    names: frozenset[str]
    chain: int
    best_referrers: frozenset[str]
    referrers: frozenset[str]
    hire_rate: float
    hires_over_all_apps: float
    share_of_all_hires: float
    median_days: float
    mean_days: float
    median_all: float
    gap: float
    certain: bool
    strong_rate_higher: bool
    weak_share_hires: float
    weak_share_refs: float
    job_board_rate: float
    job_board_all: float
    strong_rate: float
    weak_rate: float
    tiny_chain: int


@functools.cache
def _m08() -> _M08:
    import networkx as nx

    from socialhrm.datasets import load
    from socialhrm.reach import referral_outcomes

    org = load("noordhaven")
    people = org.people.set_index("person_id")
    ref = org.referrals
    hired = ref[ref["hired"].fillna(False).astype(bool)]
    chain = nx.DiGraph(list(zip(hired.loc[hired["person_id"].notna(), "referrer"],
                                hired.loc[hired["person_id"].notna(), "person_id"],
                                strict=True)))
    per_hires = hired["referrer"].value_counts()
    per_refs = ref["referrer"].value_counts()
    apps = org.applications
    refs = apps[apps["channel"] == "referral"]
    h = refs["hired"].astype(bool)
    by_channel = referral_outcomes(apps, org.costs)
    by_tie = referral_outcomes(apps, org.costs, by="tie_strength")
    r, j = by_channel.loc["referral"], by_channel.loc["job board"]
    weak_hires = int((refs.loc[h, "tie_strength"] == "weak").sum())
    early = apps[apps["applied_date"] < LESSON_BEFORE]
    early_channel = referral_outcomes(early, org.costs)
    early_tie = referral_outcomes(early, org.costs, by="tie_strength")
    tiny = nx.DiGraph(TINY_REFERRALS)
    return _M08(
        people_ids=frozenset(people.index), names=frozenset(map(str, people["name"])),
        chain=nx.dag_longest_path_length(chain),
        best_referrers=frozenset(per_hires.index[per_hires == per_hires.max()]),
        referrers=frozenset(per_refs.index),
        hire_rate=float(h.mean()), hires_over_all_apps=float(h.sum() / len(apps)),
        share_of_all_hires=float(h.sum() / apps["hired"].astype(bool).sum()),
        median_days=float(refs["time_to_hire_days"].median()),
        mean_days=float(refs["time_to_hire_days"].mean()),
        median_all=float(apps["time_to_hire_days"].median()),
        gap=float(r["first_year_retention"] - j["first_year_retention"]),
        certain=bool(r["retention_low"] > j["retention_high"]),
        strong_rate_higher=bool(by_tie.loc["strong", "hire_rate"] >
                                by_tie.loc["weak", "hire_rate"]),
        weak_share_hires=weak_hires / int(h.sum()),
        weak_share_refs=float((refs["tie_strength"] == "weak").mean()),
        job_board_rate=float(early_channel.loc["job board", "hire_rate"]),
        job_board_all=float(j["hire_rate"]),
        strong_rate=float(early_tie.loc["strong", "hire_rate"]),
        weak_rate=float(early_tie.loc["weak", "hire_rate"]),
        tiny_chain=nx.dag_longest_path_length(tiny),
    )


def _share(name: str, value: Any, expected: float, mistakes: list[tuple[float, str]],
           done: str, what: str) -> str:
    x = number(name, value)
    if close(x, expected, 1e-9):
        share_form(name, value, x)
        return done
    for target, hint in mistakes:
        if about(x, target, 1e-6):
            raise NotYet(hint)
    if about(x, 100 * expected):
        raise NotYet(_("`{name}` looks like a percentage; give the share between 0 and 1."
                       ).format(name=name))
    if rounded(x, expected):
        raise NotYet(_("Very close: did you round? Keep the full value."))
    share_form(name, value, x)
    raise NotYet(what)


@question("m08", "q1", ["chain_length"], "the longest referral chain")
def _m08_q1(chain_length: Any) -> str:
    f = _m08()
    x = count("chain_length", chain_length)
    if x == f.chain:
        count_form("chain_length", chain_length)
        return _("Right. A referral hire who refers again is a sign that the programme "
                 "carries itself, and that networks reproduce themselves.")
    if x == f.chain + 1:
        raise NotYet(_("That counts the people in the chain. The question asks for the "
                       "number of referrals (arrows): one fewer."))
    raise NotYet(_("Not yet: build a directed graph referrer → hired colleague (only hires "
                   "who still work here) and take the length of its longest path "
                   "(nx.dag_longest_path_length)."))


@question("m08", "q2", ["best_referrer"], "the employee whose referrals led to most hires")
def _m08_q2(best_referrer: Any) -> str:
    f = _m08()
    p = person("best_referrer", best_referrer, f.people_ids, f.names)
    if p in f.best_referrers:
        return _("Right. A referrer with several hires is worth a thank-you, and a "
                 "conversation about why their referrals fit so well.")
    if p in f.referrers:
        raise NotYet(_("That person did refer candidates, but others brought in more hires. "
                       "Count only the referrals with hired == True, per referrer."))
    raise NotYet(_("That person never referred anyone. Keep the referrals with hired == True "
                   "and count them per referrer."))


@question("m08", "q3", ["referral_hire_rate"], "the hire rate of referred candidates")
def _m08_q3(referral_hire_rate: Any) -> str:
    f = _m08()
    return _share(
        "referral_hire_rate", referral_hire_rate, f.hire_rate,
        [(f.hires_over_all_apps, _("You divided by all applications of every channel. The hire "
                                   "rate of referrals is referral hires / referral "
                                   "applications.")),
         (f.share_of_all_hires, _("That is the share of all hires that came through a "
                                  "referral. The hire rate is the share of referred "
                                  "candidates who were hired.")),
         (1 - f.hire_rate, _("That is the share of referred candidates who were NOT hired."))],
        _("Right. Referred candidates are hired far more often than candidates from a job "
          "board: someone who knows both sides has already done a first selection."),
        _("Not yet: of the applications with channel 'referral', the share with hired == True."))


@question("m08", "q4", ["referral_median_days"], "median time to hire for referrals")
def _m08_q4(referral_median_days: Any) -> str:
    f = _m08()
    x = number("referral_median_days", referral_median_days)
    if close(x, f.median_days, 1e-9):
        return _("Right. The median is robust against a few very slow hires.")
    if about(x, f.mean_days, 1e-6):
        raise NotYet(_("That is the mean (average). The question asks for the median, which "
                       "a few very long procedures do not pull up."))
    if about(x, f.median_all, 1e-6):
        raise NotYet(_("That is the median over all channels; keep only referrals."))
    raise NotYet(_("Not yet: the median of time_to_hire_days of hired referral applications."))


@question("m08", "q5", ["retention_gap", "gap_is_certain"],
          "first-year retention, referral against job board, and its uncertainty")
def _m08_q5(retention_gap: Any, gap_is_certain: Any) -> str:
    f = _m08()

    def gap() -> str:
        x = number("retention_gap", retention_gap)
        if close(x, f.gap, 1e-9):
            return _("`retention_gap` is right.")
        if about(x, -f.gap, 1e-6):
            raise NotYet(_("`retention_gap` has the wrong sign: referral minus job board."))
        if about(x, 100 * f.gap):
            raise NotYet(_("`retention_gap` looks like percentage points; give it as a "
                           "difference of shares (between -1 and 1)."))
        if rounded(x, f.gap):
            raise NotYet(_("`retention_gap`: very close; did you round? Keep the full value."))
        raise NotYet(_("`retention_gap` is not yet right: first_year_retention of referral "
                       "minus that of job board, from referral_outcomes."))

    def certain() -> str:
        b = boolean("gap_is_certain", gap_is_certain)
        if b == f.certain:
            return _("`gap_is_certain` is right.")
        if b:
            raise NotYet(_("`gap_is_certain`: compare the intervals, not the point estimates. "
                           "Is the lowest plausible retention of referrals above the highest "
                           "plausible retention of the job board?"))
        raise NotYet(_("`gap_is_certain`: look again: the referral interval's lower end "
                       "against the job board interval's upper end."))

    parts(gap, certain)
    if f.certain:
        return _("Both right: even with the uncertainty the difference holds.")
    return _("Both right. Referral hires stay longer in this data, but with these numbers of "
             "hires the intervals overlap: say 'probably', not 'certainly', to management.")


@question("m08", "q6", ["weak_share_of_hires", "strong_hires_more_often"],
          "weak and strong ties in referrals")
def _m08_q6(weak_share_of_hires: Any, strong_hires_more_often: Any) -> str:
    f = _m08()

    def share() -> str:
        return _share(
            "weak_share_of_hires", weak_share_of_hires, f.weak_share_hires,
            [(f.weak_share_refs, _("`weak_share_of_hires` is the weak-tie share of all "
                                   "referrals; the question asks about hires only.")),
             (1 - f.weak_share_hires, _("`weak_share_of_hires` looks like the share of strong "
                                        "ties among hires."))],
            _("`weak_share_of_hires` is right."),
            _("`weak_share_of_hires` is not yet right: of the hired referrals, the share with "
              "tie_strength 'weak'."))

    def stronger() -> str:
        b = boolean("strong_hires_more_often", strong_hires_more_often)
        if b == f.strong_rate_higher:
            return _("`strong_hires_more_often` is right.")
        raise NotYet(_("`strong_hires_more_often`: compare the hire rates of the two groups "
                       "in referral_outcomes(..., by='tie_strength'), not the numbers of "
                       "hires."))

    parts(share, stronger)
    return _("Both right: a well-known candidate is hired more often, yet most referral hires "
             "come through weak ties, because people have many more of them (Granovetter, "
             "1973).")


# lesson 08's tries (not graded)


@question("m08", "t1", ["tiny_chain"], "the longest chain in the hand-made example",
          graded=False)
def _m08_t1(tiny_chain: Any) -> str:
    f = _m08()
    x = count("tiny_chain", tiny_chain)
    if x == f.tiny_chain:
        return _("Right: count the arrows along the longest path.")
    if x == f.tiny_chain + 1:
        raise NotYet(_("That counts people; count referrals (arrows)."))
    raise NotYet(_("Not yet: follow the arrows from Anna as far as they go."))


@question("m08", "t2", ["job_board_hire_rate"], "hire rate of job-board applications (2021-22)",
          graded=False)
def _m08_t2(job_board_hire_rate: Any) -> str:
    f = _m08()
    x = number("job_board_hire_rate", job_board_hire_rate)
    if close(x, f.job_board_rate, 1e-9):
        return _("Right: hires divided by applications, within one channel.")
    if about(x, 1 - f.job_board_rate, 1e-6):
        raise NotYet(_("That is the share NOT hired."))
    if close(x, f.job_board_all, 1e-9):
        raise NotYet(_("That is the hire rate over all years; the lesson uses the first two "
                       "(early)."))
    raise NotYet(_("Not yet: the mean of 'hired' over the job-board applications in early."))


@question("m08", "t3", ["strong_rate"], "hire rate of strong-tie referrals", graded=False)
def _m08_t3(strong_rate: Any) -> str:
    f = _m08()
    x = number("strong_rate", strong_rate)
    if close(x, f.strong_rate, 1e-9):
        return _("Right: strong-tie referrals are hired more often than weak-tie ones.")
    if close(x, f.weak_rate, 1e-9):
        raise NotYet(_("That is the hire rate of weak-tie referrals."))
    raise NotYet(_("Not yet: referral_outcomes(..., by='tie_strength'), row 'strong', column "
                   "'hire_rate'."))
