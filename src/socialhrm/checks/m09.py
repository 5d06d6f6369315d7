"""Self-checks of module 9, *the business case for Social HRM*.

The exercise's questions q1-q7 and the lesson's tries t1-t3. Every expected value is computed
from Noordhaven's assumptions (:func:`socialhrm.business_case.noordhaven_assumptions`) with the
kit's own model, never typed in; hints never show the expected value.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from socialhrm.checks import NotYet, question
from socialhrm.checks.answers import about, close, number, rounded, share_form
from socialhrm.i18n import _

#: The exercise's and lesson's Monte Carlo settings (stated in the notebooks).
RUNS, SEED, YEARS = 10000, 0, 3


@dataclass
class _M09:
    likely: dict[str, float]
    extra_hires: float
    leaver: float
    leaver_no_oncosts: float
    leaver_replacement_only: float
    leaver_ramp_only: float
    leaver_months_not_divided: float
    net: float
    net_one_year: float
    net_all_full: float
    net_no_one_off: float
    chance_positive: float
    payback_median: float
    payback_mean: float
    tornado: list[str]
    labels: dict[str, str]
    net_median: float
    net_mean: float
    recruitment_only_median: float
    recruitment_only_mean: float
    no_culture_median: float
    recruitment_year: float
    chance_of_loss: float


@functools.cache
def _m09() -> _M09:
    from socialhrm.business_case import (
        business_case,
        evaluate_case,
        noordhaven_assumptions,
        sensitivity,
    )

    a = noordhaven_assumptions()
    v = a.set_index("assumption")["likely"].to_dict()
    s, on, months, loss = (v["average_salary"], v["on_costs"], v["ramp_up_months"],
                           v["ramp_up_output_loss"])
    base = evaluate_case(v, YEARS)
    case = business_case(a, runs=RUNS, seed=SEED, years=YEARS)
    only = business_case(a, scenario="recruitment_only", runs=RUNS, seed=SEED, years=YEARS)
    culture = business_case(a, scenario="no_culture_effect", runs=RUNS, seed=SEED, years=YEARS)
    tornado = sensitivity(a, years=YEARS)
    pay = case.runs["payback_months"]
    return _M09(
        likely=v, extra_hires=v["hires_per_year"] * v["extra_referral_share"],
        leaver=float(base["cost_of_a_leaver"][0]),
        leaver_no_oncosts=s * v["replacement_cost_share"] + s * months / 12 * loss,
        leaver_replacement_only=s * v["replacement_cost_share"],
        leaver_ramp_only=s * (1 + on) * months / 12 * loss,
        leaver_months_not_divided=s * v["replacement_cost_share"] + s * (1 + on) * months * loss,
        net=float(base["net_return"][0]),
        net_one_year=float(evaluate_case(v, 1)["net_return"][0]),
        net_all_full=float(evaluate_case(dict(v, year_one_effect=1.0), YEARS)["net_return"][0]),
        net_no_one_off=float(base["net_return"][0] + base["one_off_costs"][0]),
        chance_positive=case.chance_positive,
        payback_median=float(case.summary.loc["payback_months", "median"]),
        payback_mean=float(pay.mean()),
        tornado=list(tornado.index), labels=dict(zip(tornado.index, tornado["label"],
                                                     strict=True)),
        net_median=float(case.summary.loc["net_return", "median"]),
        net_mean=float(case.summary.loc["net_return", "mean"]),
        recruitment_only_median=float(only.summary.loc["net_return", "median"]),
        recruitment_only_mean=float(only.summary.loc["net_return", "mean"]),
        no_culture_median=float(culture.summary.loc["net_return", "median"]),
        recruitment_year=v["hires_per_year"] * v["extra_referral_share"]
        * (v["cost_per_hire_other"] - v["cost_per_hire_referral"]),
        chance_of_loss=float((case.runs["net_return"] < 0).mean()),
    )




@question("m09", "q1", ["extra_referral_hires"], "extra referral hires per year")
def _m09_q1(extra_referral_hires: Any) -> str:
    f = _m09()
    x = number("extra_referral_hires", extra_referral_hires)
    e = f.extra_hires
    if close(x, e, 1e-6):
        return _("Right: the programme is expected to bring about {n:.0f} extra hires a year "
                 "through employees' networks.").format(n=e)
    if about(x, 100 * e):
        raise NotYet(_("About 100 times too high: the share is already a fraction (0.10 is "
                       "10%); do not multiply by 100."))
    if close(x, f.likely["hires_per_year"], 1e-6):
        raise NotYet(_("That is all hires per year; multiply by the extra share of hires that "
                       "comes through referrals."))
    if close(x, f.likely["extra_referral_share"], 1e-9):
        raise NotYet(_("That is the share itself; multiply it by the number of hires per year."))
    if rounded(x, e) or about(x, e, 0.05):
        raise NotYet(_("Close: did you round, or use another row than 'likely'? Use the likely "
                       "values of hires_per_year and extra_referral_share, unrounded."))
    raise NotYet(_("Not yet: extra referral hires = hires per year × the extra share of hires "
                   "through referrals (both at their likely value)."))


@question("m09", "q2", ["cost_of_a_leaver"], "the cost of replacing a leaver")
def _m09_q2(cost_of_a_leaver: Any) -> str:
    f = _m09()
    x = number("cost_of_a_leaver", cost_of_a_leaver)
    if close(x, f.leaver, 1e-6):
        return _("Right: a leaver costs about {n:,.0f} euros — the replacement itself plus the "
                 "output lost while the newcomer gets up to speed.").format(n=f.leaver)
    if close(x, f.leaver_no_oncosts, 1e-6):
        raise NotYet(_("Almost: the lost output during ramp-up costs salary plus employer "
                       "on-costs, (1 + on_costs) × salary."))
    if close(x, f.leaver_replacement_only, 1e-6):
        raise NotYet(_("That is only the replacement cost. Add the output lost during ramp-up."))
    if close(x, f.leaver_ramp_only, 1e-6):
        raise NotYet(_("That is only the lost output during ramp-up. Add the replacement cost "
                       "(a share of the annual salary)."))
    if close(x, f.leaver_months_not_divided, 1e-6):
        raise NotYet(_("Much too high: the salary is per year and the ramp-up is in months; "
                       "divide the months by 12."))
    if rounded(x, f.leaver):
        raise NotYet(_("Very close: did you round? Keep the full value."))
    raise NotYet(_("Not yet: salary × replacement share + salary × (1 + on-costs) × "
                   "(ramp-up months / 12) × output lost during ramp-up."))


@question("m09", "q3", ["net_return_likely"], "net return over three years, likely values")
def _m09_q3(net_return_likely: Any) -> str:
    f = _m09()
    x = number("net_return_likely", net_return_likely)
    if close(x, f.net, 1e-4):
        return _("Right: with every assumption at its likely value the programme returns about "
                 "{n:,.0f} euros net over three years. One number — the next questions show "
                 "how uncertain it is.").format(n=f.net)
    if close(x, -f.net, 1e-4):
        raise NotYet(_("The sign is turned around: net return = returns − costs."))
    if close(x, f.net_one_year, 1e-4):
        raise NotYet(_("That is one year. The board asked about three years (years=3)."))
    if close(x, f.net_all_full, 1e-4):
        raise NotYet(_("Too optimistic: in year 1 only part of the effect is reached "
                       "(year_one_effect)."))
    if close(x, f.net_no_one_off, 1e-4):
        raise NotYet(_("The one-off costs (set-up and training) are missing."))
    if rounded(x, f.net) or about(x, f.net, 0.001):
        raise NotYet(_("Very close: did you round? Keep the full value."))
    raise NotYet(_("Not yet: put every assumption at its likely value and compute returns minus "
                   "costs over three years, e.g. with evaluate_case(likely, years=3)."))


@question("m09", "q4", ["chance_positive"], "the chance that the programme pays")
def _m09_q4(chance_positive: Any) -> str:
    f = _m09()
    x = number("chance_positive", chance_positive)
    p = f.chance_positive
    if close(x, p):
        share_form("chance_positive", chance_positive, x)
        return _("Right: in about {p:.0%} of the runs the net return is positive — and in the "
                 "other runs it is not. That is the honest answer to 'does it pay?'.").format(p=p)
    if about(x, 100 * p):
        raise NotYet(_("That looks like a percentage; give the share between 0 and 1."))
    if close(x, 1 - p):
        raise NotYet(_("That is the chance of a loss; the question asks for the chance that the "
                       "net return is positive."))
    if about(x, p, 0.03):
        raise NotYet(_("Close, but not the same runs: use business_case(assumptions, "
                       "runs=10000, seed=0) so that your result can be reproduced."))
    share_form("chance_positive", chance_positive, x)
    raise NotYet(_("Not yet: the share of runs whose net return is above 0."))


@question("m09", "q5", ["payback_median"], "median payback time in months")
def _m09_q5(payback_median: Any) -> str:
    f = _m09()
    x = number("payback_median", payback_median)
    m = f.payback_median
    if close(x, m, 1e-6):
        return _("Right: half of the runs pay back within about {m:.0f} months.").format(m=m)
    if close(x, m / 12, 1e-6):
        raise NotYet(_("That is in years; the question asks for months."))
    if close(x, f.payback_mean, 1e-6):
        raise NotYet(_("That is the mean of the runs that pay back. The median is more robust "
                       "and counts the runs that never pay back as 'later'."))
    if rounded(x, m):
        raise NotYet(_("Very close: did you round? Keep the full value."))
    raise NotYet(_("Not yet: take the median of the payback time from the result's summary "
                   "(row payback_months)."))


@question("m09", "q6", ["top_driver"], "the assumption that moves the answer most")
def _m09_q6(top_driver: Any) -> str:
    f = _m09()
    if not isinstance(top_driver, str):
        raise NotYet(_("`top_driver` should be the name of an assumption, as text (in "
                       "quotes)."))
    if top_driver == f.tornado[0]:
        return _("Right: this is the assumption to discuss first with the board — and the one "
                 "worth measuring better before deciding.")
    if top_driver in f.labels.values():
        raise NotYet(_("That is the label; give the name from the 'assumption' column (the "
                       "index of the tornado table)."))
    if top_driver == f.tornado[-1]:
        raise NotYet(_("That is the assumption that moves the answer least. Sort by swing, "
                       "largest first."))
    if top_driver in f.tornado[1:3]:
        raise NotYet(_("That one matters a lot, but another moves the net return even more."))
    if top_driver in f.labels:
        raise NotYet(_("Not the largest swing. Compare |at_high − at_low| for every "
                       "assumption."))
    raise NotYet(_("`top_driver` is not an assumption of the model; use a name from the "
                   "tornado table's index."))


@question("m09", "q7", ["recruitment_only_median"],
          "median net return without the softer effects")
def _m09_q7(recruitment_only_median: Any) -> str:
    f = _m09()
    x = number("recruitment_only_median", recruitment_only_median)
    m = f.recruitment_only_median
    if close(x, m, 1e-4):
        sign = _("still positive") if m > 0 else _("negative")
        return _("Right: counting only recruitment and first-year retention, the median net "
                 "return is {sign}. Say clearly which returns your case rests on.").format(
                     sign=sign)
    if close(x, f.net_median, 1e-4):
        raise NotYet(_("That is the median of the full scenario; use "
                       "scenario=\"recruitment_only\"."))
    if close(x, f.recruitment_only_mean, 1e-4):
        raise NotYet(_("That is the mean; the question asks for the median."))
    if close(x, f.no_culture_median, 1e-4):
        raise NotYet(_("That scenario still counts lower absenteeism; use "
                       "scenario=\"recruitment_only\"."))
    if rounded(x, m):
        raise NotYet(_("Very close: did you round? Keep the full value."))
    raise NotYet(_("Not yet: run business_case with scenario=\"recruitment_only\", runs=10000, "
                   "seed=0 and take the median net return from the summary."))


# lesson 09's tries (not graded)


@question("m09", "t1", ["recruitment_savings_year"], "recruitment savings in one full year",
          graded=False)
def _m09_t1(recruitment_savings_year: Any) -> str:
    f = _m09()
    x = number("recruitment_savings_year", recruitment_savings_year)
    if close(x, f.recruitment_year, 1e-6):
        return _("Right: extra referral hires × the difference in cost per hire.")
    if close(x, f.extra_hires * f.likely["cost_per_hire_other"], 1e-6):
        raise NotYet(_("A referral hire is not free: use the difference between the two costs "
                       "per hire."))
    raise NotYet(_("Not yet: extra referral hires × (cost per hire elsewhere − cost per "
                   "referral hire)."))


@question("m09", "t2", ["chance_of_loss"], "the chance that the programme loses money",
          graded=False)
def _m09_t2(chance_of_loss: Any) -> str:
    f = _m09()
    x = number("chance_of_loss", chance_of_loss)
    if close(x, f.chance_of_loss):
        return _("Right: this is the number a careful board member will ask about.")
    if close(x, 1 - f.chance_of_loss):
        raise NotYet(_("That is the chance of a gain; count the runs below 0."))
    if about(x, 100 * f.chance_of_loss):
        raise NotYet(_("That looks like a percentage; give the share between 0 and 1."))
    raise NotYet(_("Not yet: the share of runs whose net return is below 0."))


@question("m09", "t3", ["second_driver"], "the second assumption in the tornado", graded=False)
def _m09_t3(second_driver: Any) -> str:
    f = _m09()
    if second_driver == f.tornado[1]:
        return _("Right: the second bar of the tornado.")
    if second_driver == f.tornado[0]:
        raise NotYet(_("That is the first one; the question asks for the second."))
    raise NotYet(_("Not yet: the second name in the tornado table's index."))
