"""Write module 10's exercise (nbgrader source) and lesson: python tools/build_m10.py."""
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
    return [
        md("""
# Module 10 exercise — Organising and facilitating

*Direction without a blueprint: the preconditions measured, the network checked, the policy
drafted.*

**The story.** Half a year after the launch of Noordhaven's internal platform, adoption is
uneven: some departments post every day, others hardly at all. Before the board decides on the
next step, the HR director asks you: *"Are we ready — and where not? Who can carry it? And draft
me a first social-media policy."* In June, Noordhaven's people answered a short readiness
survey (18 statements, six preconditions, answers 1–5). Find out what it says, check the
network side, and draft the policy.

**How this exercise works**

- Run the cells from top to bottom with **Shift + Enter**. Start with the setup cell.
- In each answer cell, write your code where it says `YOUR CODE HERE` and delete the line
  `raise NotImplementedError()`. Keep the variable names that the question asks for.
- Below each answer, run `check("q1")` (and so on): it tells you whether your answer is right
  and, if not, what the likely mistake is.
- The grey test cells are what the autograder runs. Their visible part is a **form check only**:
  passing it does not mean the answer is right. Hidden tests check the values when your trainer
  grades the exercise.
- Points are in the headings: 15 points for questions 1–7 (autograded) and 4 for question 8
  (read by your trainer), 19 in total.
"""),
        setup("""
# Setup: run this cell first. It loads Noordhaven; do not change it.
from numbers import Integral

import pandas as pd

import socialhrm
from socialhrm.checks import check, hidden
from socialhrm.checks.m10 import pioneers
from socialhrm.policy import PolicyDraft, draft_policy
from socialhrm.readiness import (PRECONDITIONS, ambassador_reach, management_centrality,
                                 readiness_instrument, readiness_scores)

MODULE = "m10"                                    # this exercise's id in the course (for check)
org = socialhrm.datasets.load("noordhaven")
survey = org.readiness                            # one row per answered statement
advice = org.network("advice")                    # who asks whom for advice
chat = org.network("interactions", channel="chat", directed=False)   # who chats with whom
first_posters = pioneers(org.events)              # the 20 first people to post on the platform
print("Noordhaven is loaded: `survey`, `advice`, `chat` and `first_posters` are ready.")
"""),
        md("""
The survey table: one row per answered statement. `answer` is what the person ticked; `score`
is the same, except that statements worded the other way round ("Management sees social media
mainly as a waste of working time") are turned around (6 − answer), so that a higher score
always means *more ready*.
"""),
        code('survey.head(8)'),
        code('readiness_instrument()[["item", "precondition", "statement", "reverse"]]'),
        md("""
## Question 1 — How many people answered? (2 points)

Store the number of people who answered the readiness survey in `n_respondents` (a whole
number).
"""),
        answer("q1_respondents", "n_respondents = None",
               'n_respondents = survey["respondent"].nunique()'),
        code('check("q1")'),
        test("q1_respondents_test", 2, '''
"""q1: n_respondents is a whole number (form); a hidden test checks its value."""
assert isinstance(n_respondents, Integral), "form check only: n_respondents should be a whole number"
### BEGIN HIDDEN TESTS
hidden("m10", "q1", n_respondents)
### END HIDDEN TESTS
'''),
        md("""
## Question 2 — How much trust is there? (2 points)

A person's score on a precondition is the mean of their scores on its statements; the
organisation's score is the mean over the people. `readiness_scores(survey, by=None)` computes
it for the whole organisation, one row per precondition.

Store Noordhaven's score on the precondition `"trust"` (a number between 1 and 5, a `float`) in
`trust_score`.
"""),
        answer("q2_trust_score", "trust_score = None", '''
overall = readiness_scores(survey, by=None).set_index("precondition")
trust_score = float(overall.loc["trust", "score"])
'''),
        code('check("q2")'),
        test("q2_trust_score_test", 2, '''
"""q2: trust_score is a float between 1 and 5 (form); a hidden test checks its value."""
assert isinstance(trust_score, float), "form check only: trust_score should be a number with decimals (a float)"
assert 1 <= trust_score <= 5, "form check only: a score lies between 1 and 5"
### BEGIN HIDDEN TESTS
hidden("m10", "q2", trust_score)
### END HIDDEN TESTS
'''),
        md("""
## Question 3 — Where is trust lowest? (2 points)

`readiness_scores(survey, org.people, by="department")` gives the scores per department. Groups
with fewer than five respondents are merged into one group before anything is computed, so no
small group can be recognised.

Store the name of the department with the **lowest trust score** in `lowest_trust_department`.
"""),
        answer("q3_lowest_trust", "lowest_trust_department = None", '''
by_dept = readiness_scores(survey, org.people, by="department")
trust = by_dept[by_dept["precondition"] == "trust"].set_index("group")["score"]
lowest_trust_department = trust.idxmin()
'''),
        code('check("q3")'),
        test("q3_lowest_trust_test", 2, '''
"""q3: lowest_trust_department is a department name (form); a hidden test checks which one."""
assert isinstance(lowest_trust_department, str), "form check only: lowest_trust_department should be text, such as 'Sales'"
### BEGIN HIDDEN TESTS
hidden("m10", "q3", lowest_trust_department)
### END HIDDEN TESTS
'''),
        md("""
## Question 4 — The weakest precondition (2 points)

Across the whole organisation, which precondition scores lowest? Store its id (as in the column
`precondition`, e.g. `"facilitation"`) in `weakest_precondition`.
"""),
        answer("q4_weakest", "weakest_precondition = None", '''
overall = readiness_scores(survey, by=None).set_index("precondition")
weakest_precondition = overall["score"].idxmin()
'''),
        code('check("q4")'),
        test("q4_weakest_test", 2, '''
"""q4: weakest_precondition is a precondition id (form); a hidden test checks which one."""
assert weakest_precondition in PRECONDITIONS, "form check only: weakest_precondition should be one of the ids in PRECONDITIONS"
### BEGIN HIDDEN TESTS
hidden("m10", "q4", weakest_precondition)
### END HIDDEN TESTS
'''),
        md("""
## Question 5 — Is a pioneer near everyone? (2 points)

The 20 first people to post on the platform (`first_posters`) are natural ambassadors. Is one of
them near everybody? Count someone as *near* when a pioneer is at most **two steps** away in the
advice network, following ties in either direction (asking or being asked).
`ambassador_reach(advice, first_posters, by="department")` counts it per department.

Store the **share of all people** with a pioneer within two steps in `share_within_reach`
(between 0 and 1).
"""),
        answer("q5_reach", "share_within_reach = None", '''
reach = ambassador_reach(advice, first_posters, by="department")
share_within_reach = float(reach["within_reach"].sum() / reach["people"].sum())
'''),
        code('check("q5")'),
        test("q5_reach_test", 2, '''
"""q5: share_within_reach is a share between 0 and 1 (form); a hidden test checks its value."""
assert isinstance(share_within_reach, float), "form check only: share_within_reach should be a number with decimals (a float)"
assert 0 <= share_within_reach <= 1, "form check only: share_within_reach is a share, between 0 and 1"
### BEGIN HIDDEN TESTS
hidden("m10", "q5", share_within_reach)
### END HIDDEN TESTS
'''),
        md("""
## Question 6 — Does management set the example? (2 points)

Management support and example is a precondition: are managers (levels executive, director and
manager) among the most connected people in the chat network, where the new way of working
shows? `management_centrality(chat)` compares them with everyone else: `share_in_top` is their
share among the 10% most connected people, `expected_share` what chance alone would give.

Store management's `share_in_top` in `management_share_in_top`.
"""),
        answer("q6_management", "management_share_in_top = None", '''
mc = management_centrality(chat)
management_share_in_top = float(mc.loc["management", "share_in_top"])
'''),
        code('check("q6")'),
        test("q6_management_test", 2, '''
"""q6: management_share_in_top is a share between 0 and 1 (form); a hidden test checks its value."""
assert isinstance(management_share_in_top, float), "form check only: management_share_in_top should be a float"
assert 0 <= management_share_in_top <= 1, "form check only: management_share_in_top is a share, between 0 and 1"
### BEGIN HIDDEN TESTS
hidden("m10", "q6", management_share_in_top)
### END HIDDEN TESTS
'''),
        md("""
## Question 7 — Draft the policy (3 points)

The HR director has decided: *"A first policy for our company accounts and for people's
private accounts — the internal platform gets its own house rules later. Given how low trust
is in some departments, we allow social media but do not push yet. Introduce it with a short
video and a conversation in every team. And we look at it again after six months."*

Use `draft_policy("Noordhaven", ...)` (see `help(draft_policy)` for the choices) and store the
draft in `policy`. `policy.markdown` shows the text.
"""),
        answer("q7_policy", "policy = None", '''
policy = draft_policy("Noordhaven", accounts=["company", "private"], stance="allow",
                      introduction=["video", "team_meeting"], review_months=6)
'''),
        code('check("q7")'),
        test("q7_policy_test", 3, '''
"""q7: policy is a draft made by draft_policy (form); a hidden test checks the choices."""
assert isinstance(policy, PolicyDraft), "form check only: policy should be what draft_policy(...) returns"
### BEGIN HIDDEN TESTS
hidden("m10", "q7", policy)
### END HIDDEN TESTS
'''),
        md("""
## Question 8 — Your plan for the next six months (4 points, graded by your trainer)

Write a short plan (about 150–250 words) for the HR director. Use your findings above. Answer
three things:

1. Which preconditions need work first, and where (which departments)?
2. Who does what? Name roles and owners (management, HR, Communication, ambassadors, a
   community manager) — a direction and a frame, not a rigid plan.
3. How will you keep monitoring and activating the community, and what would you *not* do with
   the survey results (think of small groups and of using scores to judge people)?

Write your answer in the cell below (double-click it to edit).
"""),
        manual("q8_plan", 4, """
*Model answer for trainers (replaced by "YOUR ANSWER HERE" in the learners' version).*

Trust in employees is the weakest precondition, and it is lowest exactly where the platform
was hardly adopted: Operations and Finance. Ambassadors are missing there too: only about half
of Noordhaven has a pioneer within two steps, and in most departments some people have none.
Management is well connected in the chat network, which helps: managers can set the example.

Plan: the management team states the direction (why we do this, a point on the horizon) and
posts itself; HR (with Communication) owns the policy and the training; in Operations and
Finance we recruit two or three ambassadors each, chosen so that everyone has one within two
steps, and give them time; a community manager (one day a week) keeps the platform alive. We
start with the modest policy (allowed, not yet pushed), introduced by video and in team
meetings, and review it after six months.

We repeat the short survey in six months and watch adoption per department. Results are only
shown for groups of five respondents or more, never per person, and are used to improve
support, not to judge teams or managers.

**Rubric (4 points).** 1 point: names the weakest precondition and where it is weakest, with
the figures. 1 point: clear roles and owners, with direction rather than a rigid plan. 1 point:
uses the network side (pioneers within reach, management as example). 1 point: monitoring
and privacy (group minimum, no judging of individuals).
"""),
    ]


def lesson() -> list:
    """The cells of the lesson notebook."""
    return [
        md("""
# Module 10 — Organising and facilitating

*Lesson · HR as change agent · all six areas · about 40 minutes, then the exercise (about 35
minutes)*

**The question.** Social media at work do not succeed because a tool was bought. They succeed
when the conditions are right: management that supports it and sets the example, trust in
employees, an open culture, ambassadors, realistic goals, and time, tools and training. Below,
how ready Noordhaven's departments say they are, on those six preconditions (1 = not at all,
5 = fully; groups with fewer than five respondents merged).
"""),
        code("""
# Run this cell with Shift + Enter. It loads Noordhaven's readiness survey and draws it.
import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd

import socialhrm
from socialhrm.readiness import (PRECONDITIONS, ambassador_reach, management_centrality,
                                 read_readiness, readiness_instrument, readiness_scores)

org = socialhrm.datasets.load("noordhaven")
scores = readiness_scores(org.readiness, org.people, by="department")
table = scores.pivot(index="group", columns="precondition", values="score")[list(PRECONDITIONS)]

angles = np.linspace(0, 2 * np.pi, len(PRECONDITIONS), endpoint=False).tolist()
fig, ax = plt.subplots(figsize=(6.5, 6.5), subplot_kw={"polar": True})
for group in ["Marketing & Communication", "Sales", "Finance", "Operations"]:
    values = table.loc[group].tolist()
    ax.plot(angles + angles[:1], values + values[:1], label=group)
    ax.fill(angles + angles[:1], values + values[:1], alpha=0.08)
ax.set_xticks(angles, [PRECONDITIONS[p][0] for p in table.columns], fontsize=8)
ax.set_ylim(1, 5)
ax.legend(loc="upper right", bbox_to_anchor=(1.35, 1.1), fontsize=8)
plt.show()
"""),
        md("""
Marketing & Communication and Sales feel ready on almost everything; Finance and Operations
do not — and trust in employees is where they lag most. Those are also the departments where
hardly anyone posts on the platform. This lesson is about what HR does with such a picture.

**After this module you can**

1. explain why there is no blueprint, and what to set instead: a direction, a frame, roles and
   ownership, and room to learn by doing;
2. measure the preconditions with a short survey, and score it correctly (reverse-worded
   statements, per person first, small groups merged);
3. check the network side of the preconditions: is there an ambassador near everyone, is
   management visible where the change happens?
4. draft a social-media policy from a handful of choices, with the reasons.

**Contents** (about 40 minutes): 1. Direction without a blueprint · 2. Roles and ownership ·
3. The preconditions, measured · 4. The network side · 5. The policy · 6. Reflection · Sources
"""),
        md("""
## 1. Direction without a blueprint

Organic networks do not follow a rigid plan. What works (Russo & Beckers; Van Hooijdonk):

- **a direction** — a (moving) point on the horizon: why we do this and what it should bring;
- **a frame** — a policy that says what is expected on company and private accounts and how far
  use is encouraged, part of the communication policy;
- **roles and ownership** — who keeps the policy, who runs the accounts, who looks after the
  community;
- **facilitation** — time, people and budget for tools, ICT and training;
- **learning by doing** — start, look, adjust; everyone takes part, because social media belong
  to all of us;
- **keep monitoring and activating** — a community left alone fades.
"""),
        md("""
## 2. Roles and ownership

A simple table makes ownership explicit. It is the same table that the policy builder puts in
its draft (section 5).
"""),
        code("""
roles = pd.DataFrame([
    ("management team", "sets the direction and the example: posts, answers, shows up"),
    ("HR", "owns the policy, training and the preconditions survey"),
    ("Communication", "runs the company accounts, helps with tone and crises"),
    ("ambassadors", "show colleagues how and why, in their own team"),
    ("community manager", "keeps the platform alive: activates, connects, reports"),
    ("every employee", "takes part, within the frame"),
], columns=["who", "owns"])
roles
"""),
        md("""
## 3. The preconditions, measured

The kit ships a short survey: three statements per precondition, answered from 1 (strongly
disagree) to 5 (strongly agree). You can hand it out as it is (`instrument_html()` gives a
printable page) or load it into a form tool; the item ids are the column names the reader
expects back.
"""),
        code('readiness_instrument()[["item", "precondition", "statement", "reverse"]].head(9)'),
        md("""
Some statements are worded the other way round (`reverse`): agreeing with "Here, what employees
write online is checked before anyone may see it" means *less* trust. Before averaging, such an
answer is turned around: score = 6 − answer. Then a person's score on a precondition is the mean
of their scores, and a group's score the mean over its people — so that someone who skipped a
statement does not weigh less.

By hand, for two people and the three trust statements (R06 is reverse-worded):
"""),
        code("""
answers = pd.DataFrame({"respondent": ["p1", "p2"], "R04": [4, 2], "R05": [5, 3], "R06": [2, 4]})
answers
"""),
        md("""
**Your turn (t2).** Compute the trust score of these two people by hand: per person the mean of
R04, R05 and (6 − R06), then the mean of the two.
"""),
        code("trust_by_hand = ...  # your turn: per person first, then over the people"),
        code("""
from socialhrm.checks import check

MODULE = "m10"   # tells check() which module these questions belong to
check("t2")
"""),
        md("""
<details><summary>Show a solution (try first!)</summary>

```python
per_person = (answers["R04"] + answers["R05"] + (6 - answers["R06"])) / 3
trust_by_hand = per_person.mean()
```
</details>

The kit does the same: `read_readiness` takes the form's export (one row per person, one column
per statement) through the data gate, turns the reverse-worded answers around, and
`readiness_scores` averages per person first.
"""),
        code("""
long = read_readiness(answers)
readiness_scores(long, by=None, min_group_size=None).query("precondition == 'trust'")
"""),
        md("""
Two people is below the minimum group size, so the kit shows no score at all (`NaN`): with
answers from so few people a manager could guess who said what. That is the privacy gate at
work; the same rule merges Noordhaven's smallest departments before their scores are shown.

Now Noordhaven. Trust against adoption, department by department:
"""),
        code("""
from socialhrm.synth.readiness import department_adoption

trust = scores[scores["precondition"] == "trust"].set_index("group")["score"]
adoption = department_adoption(org.people, org.events)
both = pd.DataFrame({"trust": trust, "share who posted": adoption}).dropna()
ax = both.plot.scatter(x="share who posted", y="trust", figsize=(5.5, 3.5))
for name, row in both.iterrows():
    ax.annotate(name, (row["share who posted"], row["trust"]), fontsize=8)
plt.show()
print("merged for privacy:", scores.attrs["merged"])
"""),
        md("""
Where trust is low, few people post: not because the tool is different, but because people do
not feel trusted to speak up. The survey does not say which causes which — it says where to
start the conversation.

## 4. The network side

Some preconditions can also be read from the network. *Ambassadors*: is there one near
everyone? Take a small team first. Chris is the ambassador; an arrow means "asks for advice".
"""),
        code("""
tiny = nx.DiGraph([("Bas", "Chris"), ("Dina", "Chris"), ("Emre", "Dina"), ("Fleur", "Emre"),
                   ("Anouk", "Bas")])
nx.draw_networkx(tiny, nx.spring_layout(tiny, seed=3), node_color="#cfe3f6", node_size=1200)
plt.axis("off")
plt.show()
steps = nx.single_source_shortest_path_length(tiny.to_undirected(), "Chris")
steps
"""),
        md("""
`single_source_shortest_path_length` gives the number of steps from Chris to everyone, here
following ties in both directions (`to_undirected()`): someone who asks Chris, or whom Chris
asks, is one step away.

**Your turn (t1).** How many people (Chris included) are at most two steps from Chris? Use
`steps`.
"""),
        code("tiny_within_two = ...  # your turn: how many have steps <= 2"),
        code('check("t1")'),
        md("""
<details><summary>Show a solution (try first!)</summary>

```python
tiny_within_two = sum(1 for d in steps.values() if d <= 2)
```
</details>

For Noordhaven, take the 20 first people to post on the platform as pioneers and count per
department how many people have one within two steps in the advice network
(`ambassador_reach`; small departments merged, as always):
"""),
        code("""
from socialhrm.checks.m10 import pioneers

advice = org.network("advice")
reach = ambassador_reach(advice, pioneers(org.events), by="department")
reach
"""),
        md("""
**Your turn (t3).** In how many departments does *not* everyone have a pioneer within two
steps? Count the rows of `reach` whose `covered` is `False`.
"""),
        code("uncovered_departments = ...  # your turn: rows of reach that are not covered"),
        code('check("t3")'),
        md("""
<details><summary>Show a solution (try first!)</summary>

```python
uncovered_departments = int((~reach["covered"]).sum())
```
</details>

*Management support and example*: are managers visible where the new way of working happens?
`management_centrality` compares them with everyone else in a network — here the chat network.
"""),
        code("""
chat = org.network("interactions", channel="chat", directed=False)
management_centrality(chat).round(3)
"""),
        md("""
## 5. The policy, drafted

A policy says what is expected on company and private accounts and how far use is encouraged;
it belongs to the communication policy and works only if it is introduced accessibly. The
policy builder writes a first draft from a handful of choices, with the reason for each.
"""),
        code("""
from IPython.display import HTML, display

from socialhrm.policy import draft_policy

draft = draft_policy("Noordhaven", accounts=["company", "private", "internal"],
                     stance="encourage", introduction=["video", "team_meeting", "ambassadors"])
display(HTML(draft.html))
"""),
        code('draft.choices'),
        md("""
`draft.save("policy.md")` or `draft.save("policy.html")` writes it to a file, to discuss with
management, Communication and the works council (ondernemingsraad).

## 6. Reflection

- Noordhaven's trust is lowest where adoption lagged. Would you start there, or where people are
  ready? What are the risks of each?
- What does "everyone takes part" mean for the warehouse floor, where few people sit at a
  screen?
- Which of the six preconditions can HR change itself, and which only together with management?

Now do the exercise: `my_exercises/m10_organising_facilitating/`.

## Sources

- Van Hooijdonk, R. *Zo zorg je dat de inzet van social media zijn vruchten afwerpt voor HRM*
  (policy, facilitation, preconditions, monitoring the community).
- Russo, D. & Beckers, I. *HR & Social Media — HR in de rol van gebruiker, business partner en
  change agent* (no blueprint; social media belong to all of us).
- Van Hooijdonk, R. *De zes aandachtsgebieden van Social HRM* (organising and facilitating
  across the six areas).
- Valente, T. W. (2012). Network interventions. *Science*, 337, 49–53.
- Likert, R. (1932). A technique for the measurement of attitudes. *Archives of Psychology*, 140.
"""),
    ]


if __name__ == "__main__":
    (ROOT / "modules" / "m10_organising_facilitating").mkdir(exist_ok=True)
    save(ROOT / "modules" / "m10_organising_facilitating" / "m10_organising_facilitating.ipynb",
         exercise())
    save(ROOT / "notebooks" / "10_organising_facilitating.ipynb", lesson())
    print("wrote the m10 exercise and notebooks/10_organising_facilitating.ipynb")
