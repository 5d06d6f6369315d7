"""Write module 9's exercise (nbgrader source) and lesson: python tools/build_m09.py."""
# ruff: noqa: E501  (the notebooks' own lines: test cells and prose)

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tools.nbbuild import code, md, save  # noqa: E402
from tools.nbgrader_cells import answer, manual, setup, test  # noqa: E402


def exercise() -> list:
    """The cells of the exercise notebook."""
    cells = [md("""
# Module 9 exercise — The business case for Social HRM

*Assumptions made explicit, ranges instead of points, and what moves the answer.*

**The story.** Noordhaven's HR director wants the board to fund a three-year programme: an
internal social platform, a referral programme with ambassadors in every department, a short
training for everyone and a community manager for one day a week. The CFO's answer was short:
*"What does it bring, when do we get it back — and how sure are you?"* You prepare the figures.
The assumptions are in a table, each one a **range** (low, likely, high) with its source. The
questions take you from one hand calculation to the distribution a board can weigh.

**How this exercise works**

- Run the cells from top to bottom with **Shift + Enter**. Start with the setup cell.
- In each answer cell, write your code where it says `YOUR CODE HERE` and delete the line
  `raise NotImplementedError()`. Keep the variable names that the question asks for.
- Below each answer, run `check("q1")` (and so on): it tells you whether your answer is right
  and, if not, what the likely mistake is.
- The grey test cells are what the autograder runs. Their visible part is a **form check only**:
  passing it does not mean the answer is right. Hidden tests check the values when your trainer
  grades the exercise.
- Use `runs=10000` and `seed=0` whenever you call `business_case`, so that your results can be
  reproduced.
- Points are in the headings: 15 points for questions 1–7 (autograded) and 4 for question 8
  (read by your trainer), 19 in total.
"""),
        setup("""
# Setup: run this cell first. It loads Noordhaven's assumptions; do not change it.
from numbers import Real

import pandas as pd

from socialhrm.business_case import (business_case, evaluate_case, noordhaven_assumptions,
                                     sensitivity)
from socialhrm.checks import check, hidden

MODULE = "m09"                                   # this exercise's id in the course (for check)
assumptions = noordhaven_assumptions()          # one row per assumption: low, likely, high
likely = assumptions.set_index("assumption")["likely"]   # the likely value of each
print(f"{len(assumptions)} assumptions are loaded: `assumptions` and `likely` are ready.")
"""),
        md("""
The assumptions table. Every figure of the business case is computed from these rows; the
`source` column says where each one comes from (Noordhaven's own tables, or a teaching
assumption that a real case must replace with its own figure).
"""),
        code('assumptions[["assumption", "low", "likely", "high", "unit", "source"]]'),
        md("""
## Question 1 — How many extra referral hires? (2 points)

The programme's first return: more vacancies filled through employees' own networks. Noordhaven
hires about `likely["hires_per_year"]` people a year; the programme is expected to move an extra
share `likely["extra_referral_share"]` of them to referrals.

Store the expected number of **extra referral hires per year** (at the likely values) in
`extra_referral_hires`, a number. Do not round it.
"""),
        answer("q1_extra_hires", "extra_referral_hires = None",
               'extra_referral_hires = likely["hires_per_year"] * likely["extra_referral_share"]'),
        code('check("q1")'),
        test("q1_extra_hires_test", 2, '''
"""q1: extra_referral_hires is a number (form); a hidden test checks its value."""
assert isinstance(extra_referral_hires, Real), "form check only: extra_referral_hires should be a number"
assert extra_referral_hires >= 0, "form check only: a number of hires is 0 or more"
### BEGIN HIDDEN TESTS
hidden("m09", "q1", extra_referral_hires)
### END HIDDEN TESTS
'''),
        md("""
## Question 2 — What does a leaver cost? (2 points)

Referral hires stay longer, so fewer of them leave in their first year. What is one leaver
worth? Two parts (after Boushey & Glynn, 2012, and Van Hooijdonk):

1. the **replacement**: `average_salary × replacement_cost_share`;
2. the **output lost while the newcomer gets up to speed**: the newcomer costs salary plus
   employer on-costs, `average_salary × (1 + on_costs)`, per year; for `ramp_up_months` months
   they deliver `ramp_up_output_loss` less than full output.

Store the cost of one leaver (at the likely values, in euros) in `cost_of_a_leaver`.
"""),
        answer("q2_cost_of_a_leaver", "cost_of_a_leaver = None", '''
salary = likely["average_salary"]
replacement = salary * likely["replacement_cost_share"]
ramp_up = (salary * (1 + likely["on_costs"]) * likely["ramp_up_months"] / 12
           * likely["ramp_up_output_loss"])
cost_of_a_leaver = replacement + ramp_up
'''),
        code('check("q2")'),
        test("q2_cost_of_a_leaver_test", 2, '''
"""q2: cost_of_a_leaver is a positive number of euros (form); a hidden test checks its value."""
assert isinstance(cost_of_a_leaver, Real), "form check only: cost_of_a_leaver should be a number"
assert cost_of_a_leaver > 0, "form check only: a leaver costs more than 0 euros"
### BEGIN HIDDEN TESTS
hidden("m09", "q2", cost_of_a_leaver)
### END HIDDEN TESTS
'''),
        md("""
## Question 3 — One number: the likely case (3 points)

`evaluate_case(values, years=3)` computes the whole model for one set of assumption values: it
returns a dictionary of figures (each an array with one value per run; here one run). With every
assumption at its likely value, what is the **net return over three years** (all returns minus
all programme costs)?

Store it in `net_return_likely`, a number of euros (a plain `float`, not an array).
"""),
        answer("q3_net_return_likely", "net_return_likely = None", '''
figures = evaluate_case(likely.to_dict(), years=3)
net_return_likely = float(figures["net_return"][0])
'''),
        code('check("q3")'),
        test("q3_net_return_likely_test", 3, '''
"""q3: net_return_likely is one number of euros (form); a hidden test checks its value."""
assert isinstance(net_return_likely, Real), "form check only: net_return_likely should be one number (use float(...))"
### BEGIN HIDDEN TESTS
hidden("m09", "q3", net_return_likely)
### END HIDDEN TESTS
'''),
        md("""
## Question 4 — How sure are we that it pays? (2 points)

One number hides how uncertain it is. `business_case(assumptions, runs=10000, seed=0)` draws
every assumption from its range 10,000 times and computes the case each time. Its `runs` table
has one row per run, with a column `net_return`.

Store in `chance_positive` the **share of runs whose net return is above 0** (between 0 and 1).
"""),
        answer("q4_chance_positive", "chance_positive = None", '''
case = business_case(assumptions, runs=10000, seed=0)
chance_positive = float((case.runs["net_return"] > 0).mean())
'''),
        code('check("q4")'),
        test("q4_chance_positive_test", 2, '''
"""q4: chance_positive is a share between 0 and 1 (form); a hidden test checks its value."""
assert isinstance(chance_positive, float), "form check only: chance_positive should be a number with decimals (a float)"
assert 0 <= chance_positive <= 1, "form check only: chance_positive is a share, between 0 and 1"
### BEGIN HIDDEN TESTS
hidden("m09", "q4", chance_positive)
### END HIDDEN TESTS
'''),
        md("""
## Question 5 — When do we get it back? (2 points)

The result's `summary` has one row per figure with its `mean`, `low`, `median` and `high` (the
90% interval). Runs that never pay back within three years count as "later" in the median.

Store the **median payback time in months** in `payback_median`.
"""),
        answer("q5_payback_median", "payback_median = None", '''
case = business_case(assumptions, runs=10000, seed=0)
payback_median = float(case.summary.loc["payback_months", "median"])
'''),
        code('check("q5")'),
        test("q5_payback_median_test", 2, '''
"""q5: payback_median is a number of months (form); a hidden test checks its value."""
assert isinstance(payback_median, Real), "form check only: payback_median should be a number"
assert payback_median >= 0, "form check only: a payback time is 0 months or more"
### BEGIN HIDDEN TESTS
hidden("m09", "q5", payback_median)
### END HIDDEN TESTS
'''),
        md("""
## Question 6 — What moves the answer most? (2 points)

`sensitivity(assumptions)` puts every assumption at its likely value, then swings one at a time
to its low and its high end, and reports how far the net return moves (`swing`). That is the
table behind a **tornado chart**.

Store the name of the assumption with the **largest swing** (as in the `assumption` index, e.g.
`"setup_cost"`) in `top_driver`.
"""),
        answer("q6_top_driver", "top_driver = None", '''
tornado = sensitivity(assumptions)
top_driver = tornado["swing"].idxmax()
'''),
        code('check("q6")'),
        test("q6_top_driver_test", 2, '''
"""q6: top_driver is the name of an assumption (form); a hidden test checks which one."""
assert isinstance(top_driver, str), "form check only: top_driver should be text, such as 'setup_cost'"
assert top_driver in set(assumptions["assumption"]), "form check only: top_driver should be one of the assumption names"
### BEGIN HIDDEN TESTS
hidden("m09", "q6", top_driver)
### END HIDDEN TESTS
'''),
        md("""
## Question 7 — And without the softer effects? (2 points)

A sceptical board member says: *"Lower turnover and absenteeism are hopes, not savings."* The
scenario `"recruitment_only"` sets both effects to zero and keeps the rest.

Store the **median net return** of `business_case(assumptions, scenario="recruitment_only",
runs=10000, seed=0)` in `recruitment_only_median`.
"""),
        answer("q7_recruitment_only", "recruitment_only_median = None", '''
only = business_case(assumptions, scenario="recruitment_only", runs=10000, seed=0)
recruitment_only_median = float(only.summary.loc["net_return", "median"])
'''),
        code('check("q7")'),
        test("q7_recruitment_only_test", 2, '''
"""q7: recruitment_only_median is one number of euros (form); a hidden test checks its value."""
assert isinstance(recruitment_only_median, Real), "form check only: recruitment_only_median should be one number"
### BEGIN HIDDEN TESTS
hidden("m09", "q7", recruitment_only_median)
### END HIDDEN TESTS
'''),
        md("""
## Question 8 — Your note to the board (4 points, graded by your trainer)

Write the short note (about 150–250 words) that goes with the proposal. Use your figures above.
Answer three things:

1. What does the programme bring, and when is it back — said as a range with its chance, not as
   one number?
2. Which assumption matters most, and what would you do to pin it down before (or during) the
   programme?
3. Which returns does your case rest on, and what happens to the case without them? What would
   you *not* promise?

Write your answer in the cell below (double-click it to edit).
"""),
        manual("q8_board_note", 4, """
*Model answer for trainers (replaced by "YOUR ANSWER HERE" in the learners' version).*

Over three years the programme most likely returns a net gain of a few tens of thousands of
euros; in nine runs out of ten the net return lies between a loss and a gain of a few hundred
thousand, and in about six runs out of seven it pays back, typically within one and a half
years. The returns come from more referral hires (cheaper and staying longer), lower turnover
and lower absence; the costs are platform, set-up, training, ambassadors' time and a community
manager.

The answer depends most on how much staff turnover falls, then on absenteeism and on how many
more hires come through referrals. We propose to measure exactly these from month one (exits,
absence, hires per channel) and to review the programme after twelve months with real figures.

Counting only recruitment and first-year retention, the median case does not pay back: the case
rests on the softer effects. We therefore do not promise a fixed return; we ask for a first year
with a clear review point.

**Rubric (4 points).** 1 point: states the result as a range or chance, not one number. 1 point:
names the most important assumption and a way to measure it. 1 point: is honest about which
returns the case rests on (the recruitment-only result). 1 point: a clear recommendation in
board language (decision, review moment), without overclaiming.
"""),
    ]
    return cells


def lesson() -> list:
    """The cells of the lesson notebook."""
    return [
        md("""
# Module 9 — The business case for Social HRM

*Lesson · HR as business partner · recruitment, employer branding · about 35 minutes, then the
exercise (about 30 minutes)*

**The question.** Sooner or later every HR director is asked: *what does it bring?* Below is
the answer for Noordhaven's programme — not one number, but 10,000 possible outcomes, drawn
from honest ranges for every assumption. The dashed line is zero: to its left the programme
costs more than it brings.
"""),
        code("""
# Run this cell with Shift + Enter. It computes Noordhaven's business case and draws it.
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from socialhrm.business_case import (business_case, evaluate_case, noordhaven_assumptions,
                                     sensitivity)

assumptions = noordhaven_assumptions()
case = business_case(assumptions, runs=10000, seed=0)
net = case.runs["net_return"] / 1000

fig, ax = plt.subplots(figsize=(9, 3.2))
ax.hist(net, bins=60, color="#4c78a8")
ax.axvline(0, color="black", linestyle="--")
low, high = case.summary.loc["net_return", ["low", "high"]] / 1000
ax.axvspan(low, high, color="#f2cf5b", alpha=0.25, label="90% of the runs")
ax.set_xlabel("net return over three years (thousand euros)")
ax.set_ylabel("runs")
ax.legend()
plt.show()
print(f"Chance that the programme pays: {case.chance_positive:.0%}")
"""),
        md("""
**After this module you can**

1. make every assumption of a business case explicit, with its source;
2. compute one scenario by hand, step by step, and check it against the kit's model;
3. replace points by ranges and read the distribution that comes out (intervals, chance of a
   loss, payback time);
4. find the assumption that moves the answer most (a tornado chart);
5. present an uncertain case to a board honestly.

**Contents** (about 35 minutes): 1. Why it matters · 2. The assumptions · 3. One scenario by
hand · 4. Ranges instead of points · 5. What moves the answer · 6. Presenting uncertainty ·
7. Reflection · Sources
"""),
        md("""
## 1. Why this matters to HR

As a business partner HR advises on investments, and investments need a case. Van Hooijdonk
lists what Social HRM returns: lower recruitment costs, easier attraction of talent, retention
(a leaver costs a replacement *and* the output lost while the newcomer learns the job), higher
satisfaction and productivity, and lower absenteeism. It also costs something: time, people,
tools, ICT and training.

A business case that gives one number ("it returns €94,000") invites one question: *how do you
know?* Nobody knows exactly how much turnover will fall. An honest case says what it assumes,
gives each assumption a range, and shows what comes out — including the chance that it does
not pay.
"""),
        md("""
## 2. The assumptions, made explicit

Every input is one row: a name, a low, a likely and a high value, a unit and a **source**. Some
come from Noordhaven's own tables (`costs.csv`, the people table, the referrals); others are
teaching assumptions — say so, and replace them with your own figures before real use.
"""),
        code('assumptions[["assumption", "low", "likely", "high", "unit", "source"]]'),
        md("""
## 3. One scenario, by hand

Take every assumption at its likely value and follow the money, one step at a time, in plain
pandas. `v` is a Series: `v["hires_per_year"]` is one number.
"""),
        code("""
v = assumptions.set_index("assumption")["likely"]

extra_hires = v["hires_per_year"] * v["extra_referral_share"]
recruitment = extra_hires * (v["cost_per_hire_other"] - v["cost_per_hire_referral"])
leaver = (v["average_salary"] * v["replacement_cost_share"]
          + v["average_salary"] * (1 + v["on_costs"]) * v["ramp_up_months"] / 12
          * v["ramp_up_output_loss"])
retention = extra_hires * (v["first_year_retention_referral"]
                           - v["first_year_retention_other"]) * leaver
turnover = v["employees"] * v["turnover_reduction"] * leaver
absence = v["employees"] * v["working_days"] * v["absence_reduction"] * v["cost_per_sick_day"]

per_year = pd.Series({"lower recruitment costs": recruitment, "referral hires who stay": retention,
                      "lower staff turnover": turnover, "lower sickness absence": absence})
per_year.round(0)
"""),
        md("""
Those are the returns of one year *at full effect*. In year 1 only part of the effect is
reached (`year_one_effect`), so over three years the returns count 0.5 + 1 + 1 = 2.5 years.
The costs: a one-off set-up and a short training for everyone, then every year the platform,
the community manager and the ambassadors' hours.
"""),
        code("""
years = 3
benefits = per_year.sum() * (v["year_one_effect"] + (years - 1))
one_off = v["setup_cost"] + v["employees"] * v["training_hours"] * v["hourly_cost"]
running = (v["platform_cost_per_year"] + v["coordination_cost_per_year"]
           + v["ambassadors"] * v["ambassador_hours_per_week"] * v["working_weeks"]
           * v["hourly_cost"])
costs = one_off + running * years
by_hand = benefits - costs
print(f"returns {benefits:,.0f} − costs {costs:,.0f} = net return {by_hand:,.0f} euros")
"""),
        md("""
The kit's model does exactly this. `evaluate_case` takes the values and returns every figure;
with the same values it gives the same net return (the kit's tests check that a range of zero
width reproduces a hand calculation exactly).
"""),
        code("""
figures = evaluate_case(v.to_dict(), years=3)
print(f"evaluate_case: {figures['net_return'][0]:,.0f} euros; by hand: {by_hand:,.0f} euros")
"""),
        md("""
**Your turn (t1).** How much does Noordhaven save on recruitment in one year at full effect?
Compute it from `v`: the extra referral hires times the difference in cost per hire.
"""),
        code("recruitment_savings_year = ...  # your turn: extra hires x (other cost - referral cost)"),
        code("""
from socialhrm.checks import check

MODULE = "m09"   # tells check() which module these questions belong to
check("t1")
"""),
        md("""
<details><summary>Show a solution (try first!)</summary>

```python
recruitment_savings_year = (v["hires_per_year"] * v["extra_referral_share"]
                            * (v["cost_per_hire_other"] - v["cost_per_hire_referral"]))
```
</details>
"""),
        md("""
## 4. Ranges instead of points

Now let the assumptions vary. For each run we draw every assumption from a **triangular
distribution** between its low and high end, peaking at its likely value (a common choice when
experts can give a minimum, a most likely and a maximum; Vose, 2008), and compute the case. By
hand, for one assumption, it looks like this:
"""),
        code("""
rng = np.random.default_rng(0)
row = assumptions.set_index("assumption").loc["turnover_reduction"]
draws = rng.triangular(row["low"], row["likely"], row["high"], size=10000)
print(f"turnover_reduction: {row['low']} … {row['likely']} … {row['high']}; "
      f"mean of the draws {draws.mean():.4f}")
"""),
        md("""
`business_case` does that for every assumption at once (10,000 runs take a fraction of a
second) and summarises each figure: its mean, median and the 90% interval (`low`–`high`: 5% of
the runs fall below, 5% above). The `assumptions` column says which rows every figure was
computed from — a board member can trace any number back to its inputs.
"""),
        code("""
case.summary[["label", "mean", "low", "median", "high"]].round(0)
"""),
        code("""
print(f"net return: median {case.summary.loc['net_return', 'median']:,.0f} euros, "
      f"90% of the runs between {case.summary.loc['net_return', 'low']:,.0f} and "
      f"{case.summary.loc['net_return', 'high']:,.0f}")
print(f"pays back within three years in {case.chance_payback:.0%} of the runs")
case.trace("turnover_savings")[["assumption", "low", "likely", "high", "source"]]
"""),
        md("""
**Your turn (t2).** A careful board member asks: *what is the chance that we lose money?*
Compute the share of runs whose net return is below 0 from `case.runs["net_return"]`.
"""),
        code("chance_of_loss = ...  # your turn: the share of runs below 0"),
        code('check("t2")'),
        md("""
<details><summary>Show a solution (try first!)</summary>

```python
chance_of_loss = float((case.runs["net_return"] < 0).mean())
```
</details>
"""),
        md("""
## 5. What moves the answer: the tornado

Which assumption deserves the discussion? Put everything at its likely value, swing one
assumption at a time to its low and high end, and see how far the net return moves. Sorted by
the size of the swing, the bars form a **tornado**.
"""),
        code("""
tornado = sensitivity(assumptions)
top = tornado.head(8).iloc[::-1]
fig, ax = plt.subplots(figsize=(8, 3.6))
base = top["base"].iloc[0] / 1000
ax.barh(top["label"], top["at_low"] / 1000 - base, left=base, color="#e45756", label="at low")
ax.barh(top["label"], top["at_high"] / 1000 - base, left=base, color="#54a24b", label="at high")
ax.axvline(base, color="black", linewidth=1)
ax.set_xlabel("net return over three years (thousand euros)")
ax.legend(loc="lower right")
plt.show()
tornado[["label", "low", "high", "at_low", "at_high", "swing"]].head(8).round(0)
"""),
        md("""
The top of the tornado is where your case is weakest — and where measuring pays off. If lower
turnover carries the case, track exits from month one; if it is the share of referral hires,
count hires per channel.

**Your turn (t3).** Which assumption has the *second* largest swing? Store its name (the index
of `tornado`) in `second_driver`.
"""),
        code("second_driver = ...  # your turn: the second name in the tornado's index"),
        code('check("t3")'),
        md("""
<details><summary>Show a solution (try first!)</summary>

```python
second_driver = tornado.index[1]
```
</details>
"""),
        md("""
## 6. Presenting uncertainty to a board

- **Lead with the decision, then the range.** "Most likely a net gain of about X over three
  years; in nine out of ten scenarios between Y and Z; a chance of P that it pays back within
  three years." The cell below writes that sentence from the result.
- **Say what the case rests on.** Run the sceptic's scenario: without lower turnover and
  absenteeism (`scenario="recruitment_only"`), does it still pay? If not, say so.
- **Name the assumption that matters most** and how you will measure it; propose a review
  moment. There is no blueprint: learn by doing, with a point on the horizon.
- **One page, every assumption stated.** The business-case dashboard downloads such a page.
"""),
        code("""
s = case.summary
print(f"Most likely a net gain of about {s.loc['net_return', 'median']:,.0f} euros over three "
      f"years; in nine out of ten scenarios between {s.loc['net_return', 'low']:,.0f} and "
      f"{s.loc['net_return', 'high']:,.0f} euros; a {case.chance_payback:.0%} chance that it "
      "pays back within three years.")
"""),
        code("""
only = business_case(assumptions, scenario="recruitment_only", runs=10000, seed=0)
pd.DataFrame({"full programme": case.summary["median"],
              "recruitment only": only.summary["median"]}).loc[
    ["benefits", "programme_costs", "net_return", "payback_months"]].round(0)
"""),
        md("""
## 7. Reflection

- Which of Noordhaven's assumptions would you trust least, and what would you replace it with
  from your own organisation?
- The softer returns (satisfaction, productivity, attraction of talent) are not in the model at
  all. Should they be? How would you give them a range?
- What would change in the case if the programme were stopped after year 1?

Now do the exercise: `my_exercises/m09_business_case/`.

## Sources

- Van Hooijdonk, R. *Zo zorg je dat de inzet van social media zijn vruchten afwerpt voor HRM*
  (returns, facilitation, preconditions).
- Russo, D. (2012). *Wie moet zich met de impact van social media bezig houden? HR toch zeker!*
  (HR as business partner).
- Boushey, H. & Glynn, S. J. (2012). *There are significant business costs to replacing
  employees.* Center for American Progress.
- Vose, D. (2008). *Risk Analysis: A Quantitative Guide* (3rd ed.). Wiley (ranges, triangular
  distributions, tornado charts).
"""),
    ]


if __name__ == "__main__":
    save(ROOT / "modules" / "m09_business_case" / "m09_business_case.ipynb", exercise())
    save(ROOT / "notebooks" / "09_business_case.ipynb", lesson())
    print("wrote modules/m09_business_case/m09_business_case.ipynb and "
          "notebooks/09_business_case.ipynb")
