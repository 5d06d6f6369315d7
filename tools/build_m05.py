# ruff: noqa: E501 - notebook cell text is kept as learners see it
"""Write module 5's lesson and exercise notebooks (maintainers: ``python tools/build_m05.py``).

The notebooks are committed without outputs; edit the text here and rebuild.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tools.nbbuild import code, md, save  # noqa: E402


def nbg(cell: nbformat.NotebookNode, grade_id: str, *, grade: bool = False,
        solution: bool = False, locked: bool = False, points: int | None = None):
    """Give a cell its nbgrader metadata."""
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3,
            "solution": solution, "task": False}
    if points is not None:
        meta["points"] = points
    cell.metadata["nbgrader"] = meta
    return cell


# ---------------------------------------------------------------------------------------
# lesson
# ---------------------------------------------------------------------------------------
LESSON = [
    md("""
# Module 5 — Spreading a new way of working

*Lesson · HR as change agent · internal communication, participation & co-creation ·
about 45 minutes, then the exercise (about 45 minutes)*

**The question.** On 3 February 2025 Noordhaven launched an internal social platform, a place to
post, ask and answer instead of sending e-mails to everyone. Two pilot teams started. Five months
later about half the organisation has posted at least once. Below, the network of who works with
whom, coloured by the week in which each person first posted. How did the platform travel — and
whom should HR enlist for the next change?
"""),
    code("""
# Run this cell with Shift + Enter. It loads Noordhaven and draws its network four times.
import matplotlib.pyplot as plt
import networkx as nx
import pandas as pd

import socialhrm
from socialhrm.adoption import (adoption_curve, choose_seeds, compare_strategies,
                                exposure_at_adoption, first_adopters, fit_adoption,
                                simulate_adoption)

org = socialhrm.datasets.load("noordhaven")
contacts = org.network("interactions", directed=False)   # who works with whom (messages)
people = org.people.set_index("person_id")
expo = exposure_at_adoption(contacts, org.events)          # one row per person who posted
launch = pd.Timestamp("2025-02-03")
week = ((expo["adopted_at"] - launch).dt.days // 7).to_dict()

where = nx.spring_layout(contacts, seed=5, k=0.25, iterations=30)
fig, axes = plt.subplots(1, 4, figsize=(16, 4.2))
for ax, upto in zip(axes, [0, 6, 12, 20]):
    colour = ["#c0392b" if week.get(p, 99) <= upto else "#dfe6ec" for p in contacts]
    nx.draw_networkx_edges(contacts, where, ax=ax, alpha=0.05)
    nx.draw_networkx_nodes(contacts, where, ax=ax, node_size=14, node_color=colour)
    done = sum(w <= upto for w in week.values())
    ax.set_title(f"week {upto}: {done} people posted")
    ax.axis("off")
plt.show()
"""),
    md("""
Red: has posted. The platform did not spread evenly like a drop of ink in water: it grew in
**clusters** — whole groups of colleagues who work closely together went over — while other parts
of the network stayed grey for months.

**Contents** (about 45 minutes)

1. Why this matters to HR: from broadcasting to conversation (5 min)
2. What happened at Noordhaven: the adoption curve (5 min)
3. The concept, by hand: exposure, a cascade step, complex contagion (10 min)
4. Simulating a change with the kit: rumour, complex contagion, newsletter plus conversation
   (10 min)
5. Whom to enlist: seeding strategies, including "HR first" and "management example" (10 min)
6. Which model fits what we saw? (3 min)
7. What a change agent does with this, reflection and sources (5 min)

**After this module you can** trace the adoption of a platform through the network; explain
simple versus complex contagion; simulate a change with different pioneers; and argue whom to
enlist, and what to expect, for the next change.

## 1. Why this matters to HR

Social media inside an organisation are not just another tool: they ask for another way of
communicating, from *sending* (one-way, top-down) to *conversation*. That is a change of
behaviour, and guiding it is HR's role as **change agent** (Russo, 2012). HR runs the sessions
in which people try the new way of working, supports management, and — first of all — uses the
tools itself. Van Hooijdonk names the preconditions: management support and example, trust in
employees, an open culture, enthusiastic pioneers (ambassadors), and realistic goals and
timelines. Network analysis adds one thing to this list: it shows *through whom* a new habit can
travel.

## 2. What happened at Noordhaven

`org.events` records each person's first post and first reply on the platform.
`adoption_curve` turns the first posts into a curve: per week, how many people had posted so
far and what share of everyone that is.
"""),
    code("""
curve = adoption_curve(org.events, org.people)
ax = curve.plot(x="week", y="share", marker="o", legend=False, figsize=(7, 3.5))
ax.set_ylabel("share who posted"); ax.set_ylim(0, 1)
ax.set_title("Noordhaven: first posts on the platform, week by week")
plt.show()
curve[["week", "week_start", "new_adopters", "adopters", "share"]].tail(3)
"""),
    md("""
A slow start, then faster: the typical S-shape of an innovation's spread (Rogers). Per
department the picture is very different. The kit merges departments smaller than the minimum
group size (5) into one labelled group before showing any figure per group — and when that group
is itself too small, the next-smallest department joins it, so that nobody can work out the small
group's figure by subtraction.
"""),
    code("""
by_dept = adoption_curve(org.events, org.people, by="department")
table = by_dept.pivot(index="week", columns="group", values="share")
ax = table.plot(figsize=(9, 4)); ax.set_ylabel("share who posted")
ax.legend(bbox_to_anchor=(1, 1)); plt.show()
"""),
    md("""
**Your turn (t3).** HR had to embrace the platform first. What share of the HR department
posted by the end? Store it in `hr_share` (between 0 and 1).
"""),
    code("""
hr_share = ...  # your turn
from socialhrm.checks import check

MODULE = "m05"
check("t3")
"""),
    md("""
<details><summary>Show a solution</summary>

```python
hr = people.index[people["department"] == "HR"]
hr_share = sum(p in expo.index for p in hr) / len(hr)
```
</details>

## 3. The concept, by hand

### Exposure: how many of my colleagues already do it?

Take a small team of six. Anouk, Bas and Chris already post. A person's **exposure** is the
share of their contacts who have adopted. Valente (1996) showed that people differ in the
exposure they need before they adopt — their *threshold*: early adopters need hardly any
example, others wait until most colleagues around them have gone over.
"""),
    code("""
team = nx.Graph([("Anouk", "Bas"), ("Anouk", "Chris"), ("Bas", "Chris"), ("Chris", "Dina"),
                 ("Bas", "Dina"), ("Dina", "Emre"), ("Emre", "Fleur"), ("Dina", "Fleur"),
                 ("Chris", "Emre")])
adopted = {"Anouk", "Bas", "Chris"}
spots = nx.spring_layout(team, seed=2)
nx.draw_networkx(team, spots, node_size=1400, font_size=9,
                 node_color=["#c0392b" if p in adopted else "#dfe6ec" for p in team])
plt.axis("off"); plt.show()
for person in team:
    contacts_of = list(team.neighbors(person))
    print(f"{person:<6} {sum(c in adopted for c in contacts_of)} of {len(contacts_of)} "
          "contacts post")
"""),
    md("""
**Your turn (t1).** What is Dina's exposure: the share of her contacts who post? Store it in
`dina_exposure`.
"""),
    code("""
dina_exposure = ...  # your turn
check("t1")
"""),
    md("""
<details><summary>Show a solution</summary>

```python
dina_contacts = list(team.neighbors("Dina"))
dina_exposure = sum(c in adopted for c in dina_contacts) / len(dina_contacts)
```
</details>

### One step of a cascade, as a loop

In the **independent cascade** (Kempe, Kleinberg & Tardos, 2003) a new adopter gets one chance
to convince each contact, with probability `p`. Like a rumour: you hear it once and pass it on,
or not. One step, written out:
"""),
    code("""
import random

rng = random.Random(1)
p = 0.5
new = {"Anouk", "Bas", "Chris"}            # the ones who adopted in the last step
step_adopters = set()
for person in new:
    for contact in team.neighbors(person):
        if contact not in adopted and rng.random() < p:
            step_adopters.add(contact)     # convinced by one colleague
print("adopt in this step:", step_adopters)
"""),
    md("""
### Complex contagion: needs a few colleagues first

Posting in public on a new platform is not like passing on a rumour. It takes effort and some
courage, and it only pays off when colleagues read and reply. Centola and Macy (2007) call such
behaviour a **complex contagion**: a person adopts only once *several* contacts have (here: at
least two). A single enthusiastic colleague is not enough.

**Your turn (t2).** With the rule "adopt once at least two contacts have", who adopts in the next
step? Store the names in a set `next_adopters`, e.g. `{"Dina"}`.
"""),
    code("""
next_adopters = ...  # your turn: a set of names
check("t2")
"""),
    md("""
<details><summary>Show a solution</summary>

```python
next_adopters = {p for p in team if p not in adopted
                 and sum(c in adopted for c in team.neighbors(p)) >= 2}
```
</details>

The difference matters for where change can travel. A rumour crosses the whole organisation
through a single long tie between two departments. A complex contagion needs **wide bridges**:
several ties between the same groups, so that people on the other side see *several* examples.

## 4. Simulating a change with the kit

`simulate_adoption(G, seeds, model, runs, seed, ...)` runs a model many times (the outcome is
random) and returns tidy tables: `summary` (the mean final share with a 90% interval and the
time until half the people adopted), `band` (the curve per step with its interval), `people`
(per person the chance of adopting). All runs are computed together, so a thousand runs take
a fraction of a second. The four models, in the words a change manager would use:

| model | in words | parameters |
|---|---|---|
| `"cascade"` | like a rumour | `p`: chance to convince a contact, once |
| `"threshold"` | when enough of my close colleagues have | a random threshold per person |
| `"complex"` | needs a few colleagues first | `k` contacts (or a `fraction`), then `q` per step |
| `"broadcast"` | newsletter plus conversation | `p` from the campaign, `q` per adopting contact, per step |

First on the two bridged clusters of Centola and Macy: two ring-shaped teams, joined by a
narrow bridge (one tie) or a wide one (two people who both know two people across).
"""),
    code("""
def two_teams(bridge):
    a = nx.watts_strogatz_graph(20, 4, 0)                    # each knows 2 on either side
    b = nx.relabel_nodes(nx.watts_strogatz_graph(20, 4, 0), lambda v: v + 20)
    G = nx.union(a, b)
    G.add_edges_from(bridge)
    return G

narrow, wide = two_teams([(0, 20)]), two_teams([(0, 20), (1, 20), (0, 21), (1, 21)])
for name, G in [("narrow bridge", narrow), ("wide bridge", wide)]:
    rumour = simulate_adoption(G, [0, 1], "cascade", runs=500, p=0.6)
    needs_two = simulate_adoption(G, [0, 1], "complex", runs=1, k=2)
    print(f"{name}: rumour reaches {rumour.summary['final_share_mean'].iloc[0]:.0%}, "
          f"'needs two colleagues' reaches {needs_two.summary['final_share_mean'].iloc[0]:.0%}")
"""),
    md("""
The rumour crosses both bridges (often); the complex change stays in the first team unless
the bridge is wide. Now Noordhaven: start from the people who posted in the launch week (the
pilot teams) and compare a rumour with a behaviour that needs three colleagues.
"""),
    code("""
pilot = first_adopters(org.events)          # who posted in the launch week
rumour = simulate_adoption(contacts, pilot, "cascade", runs=500, p=0.05)
needs_three = simulate_adoption(contacts, pilot, "complex", runs=500, k=3, q=0.5)
pd.concat([rumour.summary, needs_three.summary])[
    ["model", "final_share_mean", "final_share_low", "final_share_high", "time_to_half_mean"]]
"""),
    md("""
And broadcasting versus conversation: the same half year (26 weekly steps) with only the
intranet newsletter (`q=0`), only conversation (`p=0`), and both.
"""),
    code("""
fig, ax = plt.subplots(figsize=(7, 3.5))
for label, p, q in [("newsletter only", 0.01, 0.0), ("conversation only", 0.0, 0.02),
                    ("newsletter plus conversation", 0.01, 0.02)]:
    band = simulate_adoption(contacts, pilot, "broadcast", runs=200, p=p, q=q).band
    ax.plot(band["step"], band["mean"], label=label)
    ax.fill_between(band["step"], band["low"], band["high"], alpha=0.2)
ax.set_xlabel("week"); ax.set_ylabel("share adopted"); ax.legend(); plt.show()
"""),
    md("""
One-way sending adds people at a steady trickle; conversation starts slowly and then
accelerates, because every new adopter becomes a new source. The shaded band is the 90%
interval over the runs: the range a change manager should plan with, not just the mean.

## 5. Whom to enlist: seeding strategies

`choose_seeds(G, k, strategy)` picks `k` pioneers; `compare_strategies` simulates the same
change from each strategy's pioneers and returns one table. The strategies include the two HR
classics: **HR first** (HR embraces the tools before asking others to) and **management
example** (the top of the org chart goes first), next to the best-connected people, random
volunteers, key players spread over the network (Borgatti, 2006) and a computer-optimised
choice (greedy influence maximisation, Kempe et al. 2003).
"""),
    code("""
table = compare_strategies(contacts, 5, ["random", "degree", "hr_first", "managers", "spread"],
                           "complex", runs=200, model_params={"k": 3, "q": 0.5})
table[["strategy", "label", "final_share_mean", "final_share_low", "final_share_high",
       "time_to_half_mean", "share_of_runs_reaching_half"]]
"""),
    md("""
For a change that needs several colleagues' example, five pioneers picked at random stall: each
stands alone. Well-connected pioneers, or a group who work together (HR), create local examples
and the change gets going. Management's example works too but more slowly here: directors have
fewer day-to-day contacts than the informal connectors. This is why the lesson of module 1
matters: the informal connectors are often not on the chart's top row.

## 6. Which model fits what we saw?

`fit_adoption` simulates each model on a grid of parameters from the launch-week pioneers and
compares the simulated curve with the observed one (root-mean-square difference, lowest
first).
"""),
    code("""
fit = fit_adoption(contacts, org.events, runs=50)
fit.groupby("model").head(1)[["model", "label", "p", "q", "k", "rmse", "final_share"]]
"""),
    md("""
A one-shot rumour fits the observed curve far worse than models in which people keep talking
with colleagues who already post, week after week. The best fit needs hardly any newsletter
(`p` close to 0): Noordhaven's platform spread through conversation between colleagues. A
model is a lens, not proof — but it is a useful one when planning the next change.

## 7. What a change agent does with this

- **Start with pioneers who are connected to each other**, not scattered: a pilot team, a
  community, a department that is eager (HR first, literally). Add well-connected informal
  connectors as ambassadors.
- **Build wide bridges** before spreading to other departments: several people who know the
  other department, not a single liaison.
- **Expect resistance and plan realistic goals**: some groups (here Finance and Operations) lag
  for reasons a network will not show — work without a screen, different rhythms, no example
  nearby. Ask them.
- **Management's example matters, as a precondition more than as a channel**: support and
  permission, time for learning, visible use.
- **Results take time**: the curve above took five months to reach half. Show the interval,
  not a single promise.

### Reflection

1. Which change in your organisation spread like a rumour, and which one needed several
   colleagues' example? What was the difference in how people were involved?
2. You may enlist five pioneers for a new way of working. Whom would you ask, and why — and whom
   would you deliberately *not* ask first?
3. A simulation says 60% will adopt within a year. What would you tell management about that
   figure, and about the people who will not adopt?
"""),
    code("""
from socialhrm.course import progress_table

progress_table()
"""),
    md("""
*Sources.* D. Russo (2012), *Wie moet zich met de impact van social media bezig houden? HR toch
zeker!* R. van Hooijdonk, *Zo zorg je dat de inzet van social media zijn vruchten afwerpt voor
HRM*. D. Kempe, J. Kleinberg & É. Tardos (2003), Maximizing the spread of influence through a
social network, *KDD*. D. Centola & M. Macy (2007), Complex contagions and the weakness of long
ties, *American Journal of Sociology* 113(3). T. W. Valente (1996), Social network thresholds in
the diffusion of innovations, *Social Networks* 18; (2012), Network interventions, *Science*
337. F. M. Bass (1969), A new product growth model for consumer durables. S. P. Borgatti
(2006), Identifying sets of key players in a social network. E. M. Rogers, *Diffusion of
Innovations*. Noordhaven is fictional (`datasets/noordhaven/datacard.md`).
"""),
]


# ---------------------------------------------------------------------------------------
# exercise
# ---------------------------------------------------------------------------------------
STRATEGY_TABLE = """
table = compare_strategies(contacts, 5, ["random", "degree", "hr_first", "managers"],
                           "complex", runs=300, seed=0, model_params={"k": 3, "q": 0.5})
table[["strategy", "final_share_mean", "time_to_half_mean", "share_of_runs_reaching_half"]]
"""


def q_cells(n: int, slug: str, title: str, points: int, text: str, blank: str, solution: str,
            form: str, variables: str, given: str | None = None, module: str = "m05") -> list:
    """Heading, (a given code cell,) answer cell, check cell and test cell of one question."""
    return [
        md(f"## Question {n} — {title} ({points} points)\n\n{text.strip()}"),
        *([code(given)] if given else []),
        nbg(code(f"{blank.strip()}\n### BEGIN SOLUTION\n{solution.strip()}\n### END SOLUTION"),
            f"q{n}_{slug}", solution=True),
        code(f'check("q{n}")'),
        nbg(code(f"{form.strip()}\n### BEGIN HIDDEN TESTS\nhidden(\"{module}\", \"q{n}\", "
                 f"{variables})\n### END HIDDEN TESTS"),
            f"q{n}_{slug}_test", grade=True, locked=True, points=points),
    ]


EXERCISE = [
    md("""
# Module 5 exercise — Spreading a new way of working

*HR as change agent: from broadcasting to conversation (after Russo, 2012; Centola & Macy, 2007).*

**The story.** Next spring Noordhaven introduces a new learning platform: short courses,
colleagues recommending courses to each other, learning groups. The HR director asks you, her
change agent: *"Before we plan the roll-out, look back at our internal social platform. How did
it actually spread? Would a newsletter campaign have done the job? And whom should we enlist
as pioneers this time?"* Seven questions build up the answer; the last one is your advice.

**How this exercise works**

- Run the cells from top to bottom with **Shift + Enter**. Start with the setup cell.
- In each answer cell, write your code where it says `YOUR CODE HERE` and delete the line
  `raise NotImplementedError()`. Keep the variable names that the question asks for.
- Below each answer, run `check("q1")` (and so on): it tells you whether your answer is right
  and, if not, what the likely mistake is.
- The grey test cells are what the autograder runs. Their visible part is a form check only
  (the right kind of value); the real checks are hidden.

There are 22 points in total: 18 points for questions 1–7 (autograded) and 4 for your advice
(question 8, graded by your trainer).
"""),
    nbg(code("""
# Setup: run this cell first. It loads Noordhaven; do not change it.
from numbers import Integral

import networkx as nx
import pandas as pd

import socialhrm
from socialhrm.adoption import (adoption_curve, compare_strategies, exposure_at_adoption,
                                first_adopters, fit_adoption, simulate_adoption)
from socialhrm.checks import hidden, check

MODULE = "m05"                                      # this exercise's id in the course
org = socialhrm.datasets.load("noordhaven")
contacts = org.network("interactions", directed=False)  # who works with whom (messages)
people = org.people.set_index("person_id")              # one row per person
events = org.events                                     # first posts, first replies, exits
print("Noordhaven is loaded: `contacts`, `people` and `events` are ready.")
"""), "setup", locked=True),
    md("""
The events table: one row per event. `platform_first_post` is the day someone first posted on
the platform (we call that *adopting*); `platform_first_reply` their first reply to someone
else; `exit` their last working day.
"""),
    code("""events.head(8)"""),
    *q_cells(1, "adopters", "How many people adopted?", 2, """
*"How far did we get?"* Store in `adopters` the number of people who posted on the platform
(the event `platform_first_post`), and in `adoption_share` that number as a share of everybody
in the people table (between 0 and 1, not rounded).
""", "adopters = None\nadoption_share = None", """
posted = set(events.loc[events["event"] == "platform_first_post", "person_id"])
adopters = len(posted)
adoption_share = adopters / len(people)
""", '''
"""q1: adopters is a whole number and adoption_share a float between 0 and 1 (form); hidden tests check their values."""
assert isinstance(adopters, Integral), "form check only: adopters should be a whole number"
assert isinstance(adoption_share, float) and 0 <= adoption_share <= 1, "form check only: adoption_share should be a float between 0 and 1"
''', "adopters, adoption_share"),
    *q_cells(2, "week_quarter", "How long did it take?", 2, """
`adoption_curve(events, org.people)` gives one row per week (week 0 is the launch week, from
3 February 2025) with `adopters` so far and their `share` of everybody.

In which week had at least a quarter of the people (a share of 0.25) posted for the first time?
Store the week number in `week_quarter` (a whole number).
""", "week_quarter = None", """
curve = adoption_curve(events, org.people)
week_quarter = int(curve.loc[curve["share"] >= 0.25, "week"].min())
""", '''
"""q2: week_quarter is a whole number of weeks (form); a hidden test checks its value."""
assert isinstance(week_quarter, Integral) and week_quarter >= 0, "form check only: week_quarter should be a whole number (0 = the launch week)"
''', "week_quarter"),
    *q_cells(3, "lagging_department", "Where did it not catch on?", 2, """
*"Which part of the organisation is lagging?"* `adoption_curve(events, org.people,
by="department")` gives the same curve per department. The Board has only 3 people, so the
privacy gate merges it with the next-smallest department into one group labelled "other (<5)"
(a group that small could otherwise be worked out by subtraction); leave that group out here.

Which department has the lowest share of people who posted by the end? Store its name in
`lagging_department` (text, e.g. `"Sales"`).
""", "lagging_department = None", """
by_dept = adoption_curve(events, org.people, by="department")
last = by_dept[by_dept["week"] == by_dept["week"].max()]
last = last[~last["group"].str.startswith("other")]
lagging_department = last.loc[last["share"].idxmin(), "group"]
""", '''
"""q3: lagging_department is a department's name (form); a hidden test checks which one."""
assert isinstance(lagging_department, str) and lagging_department in set(people["department"]), "form check only: lagging_department should be a department's name as in the people table"
''', "lagging_department"),
    *q_cells(4, "earlier_contact", "Did people follow their colleagues?", 3, """
If the platform spread through the network, most people should have started *after* a contact
of theirs did. `exposure_at_adoption(contacts, events)` gives one row per person who posted,
with `earlier_contacts`: how many of their contacts had posted before them.

The launch-week pioneers started the change, so leave them out: `first_adopters(events)` lists
them. Of the other adopters, what share had at least one contact who posted before them? Store
it in `share_with_earlier_contact` (between 0 and 1, not rounded).
""", "share_with_earlier_contact = None", """
expo = exposure_at_adoption(contacts, events)
later = expo[~expo.index.isin(first_adopters(events))]
share_with_earlier_contact = float((later["earlier_contacts"] > 0).mean())
""", '''
"""q4: share_with_earlier_contact is a float between 0 and 1 (form); a hidden test checks its value."""
assert isinstance(share_with_earlier_contact, float) and 0 <= share_with_earlier_contact <= 1, "form check only: share_with_earlier_contact should be a float between 0 and 1"
''', "share_with_earlier_contact"),
    *q_cells(5, "rumour_or_complex", "A rumour or a complex change?", 3, """
Simulate two ways the platform could have spread from the launch-week pioneers
(`first_adopters(events)`), each with `runs=500` and `seed=0`, on `contacts`:

- like a rumour: `simulate_adoption(contacts, pioneers, "cascade", runs=500, seed=0, p=0.05)`;
- needs a few colleagues first: model `"complex"` with `k=3` and `q=0.5`.

Store the mean final share of each (`summary["final_share_mean"]`) in `rumour_share` and
`complex_share` (floats between 0 and 1).
""", "rumour_share = None\ncomplex_share = None", """
pioneers = first_adopters(events)
rumour = simulate_adoption(contacts, pioneers, "cascade", runs=500, seed=0, p=0.05)
complex_run = simulate_adoption(contacts, pioneers, "complex", runs=500, seed=0, k=3, q=0.5)
rumour_share = float(rumour.summary["final_share_mean"].iloc[0])
complex_share = float(complex_run.summary["final_share_mean"].iloc[0])
""", '''
"""q5: rumour_share and complex_share are floats between 0 and 1 (form); hidden tests check their values."""
assert isinstance(rumour_share, float) and 0 <= rumour_share <= 1, "form check only: rumour_share should be a float between 0 and 1"
assert isinstance(complex_share, float) and 0 <= complex_share <= 1, "form check only: complex_share should be a float between 0 and 1"
''', "rumour_share, complex_share"),
    *q_cells(6, "strategies", "Whom to enlist?", 3, """
For the learning platform, HR may enlist **5 pioneers**. The cell below compares four ways of
choosing them for a change that needs a few colleagues first (`k=3`, `q=0.5`); run it.

- Which strategy gets half of the people on board fastest (the lowest `time_to_half_mean`)?
  Store its name (e.g. `"degree"`) in `fastest_strategy`.
- Which strategy never gets half of the people on board (`share_of_runs_reaching_half` is 0)?
  Store its name in `never_half_strategy`.
""", "fastest_strategy = None\nnever_half_strategy = None", """
fastest_strategy = table.loc[table["time_to_half_mean"].idxmin(), "strategy"]
never_half_strategy = table.loc[table["share_of_runs_reaching_half"] == 0, "strategy"].iloc[0]
""", '''
"""q6: fastest_strategy and never_half_strategy are strategy names (form); hidden tests check which."""
names = {"random", "degree", "hr_first", "managers"}
assert fastest_strategy in names, "form check only: fastest_strategy should be one of 'random', 'degree', 'hr_first', 'managers'"
assert never_half_strategy in names, "form check only: never_half_strategy should be one of 'random', 'degree', 'hr_first', 'managers'"
''', "fastest_strategy, never_half_strategy", given=STRATEGY_TABLE),
    *q_cells(7, "best_model", "Which model fits what we saw?", 3, """
`fit_adoption(contacts, events, runs=100)` simulates each model (`"cascade"`, `"complex"`,
`"broadcast"`) on a grid of parameters from the launch-week pioneers and compares the
simulated curve with the observed one; the table is sorted with the best fit (lowest `rmse`)
first. It takes a few seconds.

Store the name of the best-fitting model in `best_model` (e.g. `"cascade"`).
""", "best_model = None", """
fit = fit_adoption(contacts, events, runs=100)
best_model = fit.loc[0, "model"]
""", '''
"""q7: best_model is the name of one of the models (form); a hidden test checks which."""
assert best_model in {"cascade", "threshold", "complex", "broadcast"}, "form check only: best_model should be 'cascade', 'threshold', 'complex' or 'broadcast'"
''', "best_model"),
    md("""
## Question 8 — Your advice for the roll-out (4 points, graded by your trainer)

Write the note (about 150–250 words) you would send to the HR director about the roll-out of
the new learning platform. Use at least two of your findings above. Answer three things:

1. How did the internal platform spread, and what does that mean for a newsletter campaign?
2. Whom would you enlist as pioneers, and how would you reach the departments that lagged?
3. What would you promise management about results and timing — and what would you not do
   with these figures (think of privacy and of judging individuals)?

Write your answer in the cell below (double-click it to edit).
"""),
    nbg(md("""
*Model answer for trainers (replaced by "YOUR ANSWER HERE" in the learners' version).*

The platform spread through conversation, not through announcements: almost everyone who
started after the launch week had a colleague who posted before them, and a model in which
people keep talking with colleagues who already use it fits the curve far better than a one-shot
rumour. It took about three months to reach a quarter of the people and five to reach half.
A newsletter can announce the learning platform; it will not make people use it.

Pioneers: people who are connected to each other and to many colleagues — the informal
connectors plus a group that works together (HR first, which already shows the way). Not five
people scattered at random: for a behaviour that needs several colleagues' example they stall.
For Operations and Finance, which lagged, find pioneers inside those departments and ask them
what stands in the way (work without a screen, time); build several ties into them, not one
liaison.

To management: plan for months, show the range of outcomes, ask for visible support and time
for learning. I would not publish who adopted late or rank people by network position; figures
per group only above the minimum group size.

*Rubric (4 points):* 1 point for describing the spread through the network with a finding;
1 point for a reasoned choice of pioneers (connected, not random; HR/management role);
1 point for a concrete plan for the lagging departments; 1 point for realistic expectations and
one privacy or ethics limit.
"""), "q8_advice", grade=True, solution=True, points=4),
    md("""
## Done?

Run *Kernel → Restart Kernel and Run All Cells* once to make sure everything works from a clean
start, then run `socialhrm progress` in a terminal. Hand in this notebook as your trainer
asked. The lesson behind this exercise is `notebooks/05_spreading_change.ipynb`; the next module,
on where new ideas cross boundaries, builds on it.
"""),
]


def _ids(cells: list, prefix: str) -> list:
    """Stable cell ids, so that a rebuild changes only what was edited."""
    for i, cell in enumerate(cells):
        cell["id"] = f"{prefix}-{i:02d}"
    return cells


def main() -> None:
    """Write both notebooks."""
    save(ROOT / "notebooks" / "05_spreading_change.ipynb", _ids(LESSON, "lesson"))
    folder = ROOT / "modules" / "m05_spreading_change"
    folder.mkdir(parents=True, exist_ok=True)
    save(folder / "m05_spreading_change.ipynb", _ids(EXERCISE, "exercise"))


if __name__ == "__main__":
    main()
