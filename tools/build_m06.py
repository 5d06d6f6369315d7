# ruff: noqa: E501 - notebook cell text is kept as learners see it
"""Write module 6's lesson and exercise notebooks (maintainers: ``python tools/build_m06.py``).

The notebooks are committed without outputs; edit the text here and rebuild.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tools.build_m05 import nbg  # noqa: E402
from tools.build_m05 import q_cells as _q_cells  # noqa: E402
from tools.nbbuild import code, md, save  # noqa: E402


def q_cells(*args, **kwargs) -> list:
    """A question of module 6 (see tools/build_m05.q_cells)."""
    return _q_cells(*args, module="m06", **kwargs)


LESSON = [
    md("""
# Module 6 — Where new ideas cross boundaries

*Lesson · HR as change agent · participation & co-creation, knowledge sharing & WE-learning ·
about 30 minutes, then the exercise (about 30 minutes)*

**The question.** In the network survey, Noordhaven's people answered *"whom do you go to with a
new idea?"* Below, the answers drawn department by department: each dot a person, each line an
ideas tie, the red lines cross a department border. Where do new ideas meet knowledge from
elsewhere — and who carries them across?
"""),
    code("""
# Run this cell with Shift + Enter. It loads Noordhaven and draws the ideas network.
import matplotlib.pyplot as plt
import networkx as nx
import pandas as pd

import socialhrm
from socialhrm.adoption import simulate_adoption
from socialhrm.bridges import boundary_spanners, bridging_ties

org = socialhrm.datasets.load("noordhaven")
ideas = org.network("ideas")        # an edge goes from the one with an idea to the one they go to
people = org.people.set_index("person_id")
dept = people["department"].to_dict()

order = sorted(set(dept.values()))
centre = {d: (3 * (i % 3), -3 * (i // 3)) for i, d in enumerate(order)}
inner = nx.spring_layout(ideas, seed=3, k=0.3)
where = {p: (centre[dept[p]][0] + inner[p][0], centre[dept[p]][1] + inner[p][1]) for p in ideas}
crossing = [(u, v) for u, v in ideas.edges if dept[u] != dept[v]]
within = [(u, v) for u, v in ideas.edges if dept[u] == dept[v]]
fig, ax = plt.subplots(figsize=(9, 8))
nx.draw_networkx_edges(ideas, where, edgelist=within, ax=ax, alpha=0.25, arrows=False)
nx.draw_networkx_edges(ideas, where, edgelist=crossing, ax=ax, edge_color="#c0392b",
                       alpha=0.7, arrows=False)
nx.draw_networkx_nodes(ideas, where, ax=ax, node_size=12, node_color="#34495e")
for d, (x, y) in centre.items():
    ax.text(x, y + 1.25, d, ha="center", fontsize=9)
ax.axis("off"); plt.show()
"""),
    md("""
Most ideas travel inside a department. The red lines — ties that cross a border — are few, and
they are carried by a handful of people.

**Contents** (about 30 minutes)

1. Why this matters to HR: co-creation across boundaries (3 min)
2. The concept, by hand: bridging ties and boundary spanners in two small teams (7 min)
3. Noordhaven's bridges: wide and narrow (7 min)
4. Boundary spanners: who they are, and who they are not (5 min)
5. Spreading an idea through them (5 min)
6. Reflection and sources (3 min)

## 1. Why this matters to HR

Participation and co-creation is one of the six areas of Social HRM (Van Hooijdonk): employees
and customers shape products, services and policies together, in projects that form around
expertise rather than departments. Good ideas often come from combining knowledge that sits
in different places: people who bridge groups see more ideas and better ones (Burt, 2004).
Cross & Parker (2004) call them **boundary spanners**: people whose ties reach into other
groups. As change agent, HR wants to know where these bridges are, how wide they are, and whom
to invite when an idea should travel across the organisation.

## 2. The concept, by hand: two small teams

A design team (Anouk, Bas, Chris) and a service team (Dirk, Eva, Femke). Who goes to whom with
a new idea:
"""),
    code("""
tiny = nx.DiGraph([("Anouk", "Bas"), ("Bas", "Chris"), ("Chris", "Anouk"), ("Chris", "Dirk"),
                   ("Dirk", "Eva"), ("Eva", "Femke"), ("Femke", "Dirk"), ("Bas", "Eva")])
team = {"Anouk": "Design", "Bas": "Design", "Chris": "Design",
        "Dirk": "Service", "Eva": "Service", "Femke": "Service"}
spots = {"Anouk": (0, 1), "Bas": (0.6, 0), "Chris": (0, -1),
         "Dirk": (2.4, -1), "Eva": (1.8, 0), "Femke": (2.4, 1)}
colours = ["#f5b041" if team[p] == "Design" else "#85c1e9" for p in tiny]
nx.draw_networkx(tiny, spots, node_color=colours, node_size=1500, font_size=9, arrowsize=15)
plt.axis("off"); plt.show()
"""),
    md("""
A **bridging tie** connects two people of different groups. Here a loop finds them:

```python
for a, b in tiny.edges:
    if team[a] != team[b]:
        print(a, "→", b)
```

**Your turn (t1).** How many ideas ties are bridging ties? Store the number in `tiny_bridging`.
"""),
    code("""
tiny_bridging = ...  # your turn
from socialhrm.checks import check

MODULE = "m06"
check("t1")
"""),
    md("""
<details><summary>Show a solution</summary>

```python
tiny_bridging = sum(1 for a, b in tiny.edges if team[a] != team[b])
```
</details>

**Your turn (t2).** What share of all ideas ties cross the team border? Store it in `tiny_share`.
"""),
    code("""
tiny_share = ...  # your turn
check("t2")
"""),
    md("""
<details><summary>Show a solution</summary>

```python
tiny_share = sum(1 for a, b in tiny.edges if team[a] != team[b]) / tiny.number_of_edges()
```
</details>

Both bridging ties here start in the design team (Chris → Dirk, Bas → Eva). The **width** of a
bridge is how many different people on each side carry it: here two on each side. Why width
matters: an idea that only needs to be *heard* crosses a single tie, like a rumour. An idea
that people must *support* — a new way of working, a joint project — usually needs several
colleagues on the other side who back it: a complex contagion (Centola & Macy, 2007, and
module 5). A bridge of width 1 hangs on one person; if they leave or lose interest, the two
groups are cut apart.

## 3. Noordhaven's bridges

`bridging_ties(G, by="department")` counts, for every pair of departments, the ties between
them in both directions, and how many people on each side carry them (`width`). It goes through
the privacy gate: groups smaller than the minimum group size are merged into one labelled group
first. Noordhaven's Board has three people; the gate's floor is 3, so with `min_group_size=3`
the Board stays a group of its own here. Noordhaven is synthetic; with real data keep the
default of 5.
"""),
    code("""
bridges = bridging_ties(ideas, "department", min_group_size=3)
bridges.head(8)
"""),
    code("""
print(len(bridges), "pairs of departments share at least one ideas tie;",
      (bridges["width"] == 1).sum(), "of those bridges hang on a single person on one side.")
"""),
    md("""
## 4. Boundary spanners

`boundary_spanners(G, by="department")` gives one row per person: their contacts, how many of
those are in another department, and how many **other departments** they reach.
"""),
    code("""
spanners = boundary_spanners(ideas, "department", min_group_size=3)
spanners.head(8).join(people[["name", "level"]])
"""),
    md("""
Look at the `level` column: the people who carry ideas across departments are mostly not
managers. Some sit in R&D and in Marketing & Communication, where new ideas come from; one
sits in Operations' self-steering team in Leeuwarden. An innovation programme that invites
only managers misses them.

**Your turn (t3).** Who is R&D's boundary spanner: the R&D person who reaches the most other
departments? Store their `person_id` in `rd_spanner`.
"""),
    code("""
rd_spanner = ...  # your turn
check("t3")
"""),
    md("""
<details><summary>Show a solution</summary>

```python
rd_spanner = spanners[spanners["group"] == "R&D"].index[0]
```
</details>

## 5. Spreading an idea through them

Suppose an idea spreads like a rumour along the ideas network (each tie has one chance in three
to pass it on). Where should it start to reach the most departments? `simulate_adoption` runs
it many times; `groups_reached` counts per run how many departments heard of it.
"""),
    code("""
undirected = ideas.to_undirected()      # an idea can travel either way along a tie
starters = {"boundary spanners": list(spanners.index[:3]),
            "R&D's most sought": sorted((p for p in ideas if dept[p] == "R&D"),
                                        key=ideas.in_degree, reverse=True)[:3]}
rows = []
for label, seeds in starters.items():
    res = simulate_adoption(undirected, seeds, "cascade", runs=500, p=0.3)
    rows.append({"start": label, "people": ", ".join(seeds),
                 "departments reached": res.groups_reached(dept).mean(),
                 "share of people reached": res.summary["final_share_mean"].iloc[0]})
pd.DataFrame(rows)
"""),
    md("""
Started by three boundary spanners, the idea reaches more departments than when it starts with
R&D's stars — who mostly talk with R&D. For co-creation that is the point: an idea that stays
in one department is not combined with knowledge from elsewhere.

## 6. What a change agent does with this

- **Invite the boundary spanners** to the start of co-creation projects and innovation
  sessions; they translate between departments and bring the right people in.
- **Widen narrow bridges**: rotations, joint projects, communities of practice and the social
  intranet (DOMAIN: expertise finding across floors, buildings and cities) add ties between
  departments, so that more than one person carries them.
- **Protect the people on bridges of width 1**: they are a retention risk and can be
  overloaded. Make their role visible and share it.
- **Never rank individuals** on these figures for performance: a network position is an
  opportunity to offer, not a score.

### Reflection

1. Where in your organisation do ideas cross department borders, and through whom? Is that a
   role anyone recognises?
2. Which pair of departments *should* share ideas but has only a narrow bridge? What would you
   do to widen it?
3. You invite five people to start a co-creation project. How would you combine boundary
   spanners with the people the org chart points to?
"""),
    code("""
from socialhrm.course import progress_table

progress_table()
"""),
    md("""
*Sources.* R. van Hooijdonk, *De zes aandachtsgebieden van Social HRM*. D. Russo (2012), *Wie
moet zich met de impact van social media bezig houden? HR toch zeker!* R. S. Burt (2004),
Structural holes and good ideas, *American Journal of Sociology* 110(2). R. Cross & A. Parker
(2004), *The Hidden Power of Social Networks*. D. Centola & M. Macy (2007), Complex contagions
and the weakness of long ties, *American Journal of Sociology* 113(3). M. S. Granovetter (1973),
The strength of weak ties. Noordhaven is fictional (`datasets/noordhaven/datacard.md`).
"""),
]


EXERCISE = [
    md("""
# Module 6 exercise — Where new ideas cross boundaries

*HR as change agent: participation and co-creation (after Burt, 2004; Cross & Parker, 2004).*

**The story.** Noordhaven's management wants a co-creation programme: small cross-department
teams that develop ideas for new services together with customers. The HR director asks you:
*"Where do ideas already cross department borders, who carries them, and whom should we invite
first so that the programme does not stay an R&D affair?"* Six questions build the answer; the
last one is your proposal.

**How this exercise works**

- Run the cells from top to bottom with **Shift + Enter**. Start with the setup cell.
- In each answer cell, write your code where it says `YOUR CODE HERE` and delete the line
  `raise NotImplementedError()`. Keep the variable names that the question asks for.
- Below each answer, run `check("q1")` (and so on): it tells you whether your answer is right
  and, if not, what the likely mistake is.
- The grey test cells are what the autograder runs. Their visible part is a form check only
  (the right kind of value); the real checks are hidden.

There are 17 points in total: 13 points for questions 1–6 (autograded) and 4 for your proposal
(question 7, graded by your trainer).
"""),
    nbg(code("""
# Setup: run this cell first. It loads Noordhaven; do not change it.
from numbers import Integral

import networkx as nx
import pandas as pd

import socialhrm
from socialhrm.adoption import simulate_adoption
from socialhrm.bridges import boundary_spanners, bridging_ties
from socialhrm.checks import hidden, check

MODULE = "m06"                                  # this exercise's id in the course
org = socialhrm.datasets.load("noordhaven")
ideas = org.network("ideas")                    # who goes to whom with a new idea (survey)
chart = org.org_chart()                         # the formal organisation: manager -> report
people = org.people.set_index("person_id")
dept = people["department"].to_dict()           # everyone's department
GROUPS = 3   # minimum group size: the privacy floor, so the Board (3 people) stays a group
print("Noordhaven is loaded: `ideas`, `chart`, `people` and `dept` are ready.")
"""), "setup", locked=True),
    *q_cells(1, "share_bridging", "How many ideas cross a border?", 2, """
An ideas tie is **bridging** when the two people work in different departments. Store in
`share_bridging` the share of all ideas ties that are bridging (between 0 and 1, not rounded).
""", "share_bridging = None", """
bridging = [(a, b) for a, b in ideas.edges if dept[a] != dept[b]]
share_bridging = len(bridging) / ideas.number_of_edges()
""", '''
"""q1: share_bridging is a float between 0 and 1 (form); a hidden test checks its value."""
assert isinstance(share_bridging, float) and 0 <= share_bridging <= 1, "form check only: share_bridging should be a float between 0 and 1"
''', "share_bridging"),
    *q_cells(2, "widest_bridge", "The widest bridge", 2, """
`bridging_ties(ideas, "department", min_group_size=GROUPS)` gives one row per pair of
departments with the ideas ties between them (in both directions). Which pair of departments
shares the most ideas ties? Store the two names together in `widest_bridge`, as a set such as
`{"Sales", "HR"}`.
""", "widest_bridge = None", """
bridges = bridging_ties(ideas, "department", min_group_size=GROUPS)
widest_bridge = {bridges.loc[0, "group_a"], bridges.loc[0, "group_b"]}
""", '''
"""q2: widest_bridge holds two department names (form); a hidden test checks which."""
assert isinstance(widest_bridge, (set, frozenset, tuple, list)) and len(set(widest_bridge)) == 2, "form check only: widest_bridge should be a set of two department names"
assert set(widest_bridge) <= set(dept.values()), "form check only: widest_bridge should hold department names as in the people table"
''', "widest_bridge"),
    *q_cells(3, "narrow_bridges", "Bridges that hang on one person", 2, """
The `width` of a bridge is the smaller of `people_a` and `people_b`: how many different people
carry it on its thinner side. A bridge of width 1 hangs on a single person. How many pairs of
departments are joined by such a narrow bridge? Store the number in `narrow_bridges`.
""", "narrow_bridges = None", """
bridges = bridging_ties(ideas, "department", min_group_size=GROUPS)
narrow_bridges = int((bridges["width"] == 1).sum())
""", '''
"""q3: narrow_bridges is a whole number (form); a hidden test checks its value."""
assert isinstance(narrow_bridges, Integral) and narrow_bridges >= 0, "form check only: narrow_bridges should be a whole number"
''', "narrow_bridges"),
    *q_cells(4, "top_spanner", "Who carries ideas across?", 2, """
A **boundary spanner** has ideas ties (in either direction) with people in many other
departments. Find a person whose ideas contacts are spread over the most *other* departments
(if several people share the top, any of them is right). Store their `person_id` in
`top_spanner`. You may use `boundary_spanners(ideas, "department", min_group_size=GROUPS)` or
count yourself.
""", "top_spanner = None", """
spanners = boundary_spanners(ideas, "department", min_group_size=GROUPS)
top_spanner = spanners.index[0]
""", '''
"""q4: top_spanner is a person in the network (form); a hidden test checks who."""
assert isinstance(top_spanner, str) and top_spanner in ideas, "form check only: top_spanner should be a person_id such as 'NH0001'"
''', "top_spanner"),
    *q_cells(5, "spanners_who_manage", "Are they managers?", 2, """
Take the first 10 people of `boundary_spanners(ideas, "department", min_group_size=GROUPS)`.
How many of them manage anyone, that is, have at least one direct report in the org chart
(`chart.out_degree(p) > 0`)? Store the number in `spanners_who_manage`.
""", "spanners_who_manage = None", """
top10 = boundary_spanners(ideas, "department", min_group_size=GROUPS).index[:10]
spanners_who_manage = sum(1 for p in top10 if chart.out_degree(p) > 0)
""", '''
"""q5: spanners_who_manage is a whole number from 0 to 10 (form); a hidden test checks its value."""
assert isinstance(spanners_who_manage, Integral) and 0 <= spanners_who_manage <= 10, "form check only: spanners_who_manage should be a whole number from 0 to 10"
''', "spanners_who_manage"),
    *q_cells(6, "idea_reach", "Where should an idea start?", 3, """
The cell below prepares two groups of three people who could start the programme's first idea:
`spanners` (the first three boundary spanners) and `rd_stars` (the three R&D people most often
named for ideas). Simulate the idea spreading like a rumour along the ideas network in either
direction from each group:

```python
simulate_adoption(undirected, <starters>, "cascade", runs=500, seed=0, p=0.3)
```

The result's `groups_reached(dept)` gives, per run, how many departments the idea reached.
Store the mean over the runs in `spanner_reach` (starting with `spanners`) and `star_reach`
(starting with `rd_stars`).
""", "spanner_reach = None\nstar_reach = None", """
from_spanners = simulate_adoption(undirected, spanners, "cascade", runs=500, seed=0, p=0.3)
from_stars = simulate_adoption(undirected, rd_stars, "cascade", runs=500, seed=0, p=0.3)
spanner_reach = float(from_spanners.groups_reached(dept).mean())
star_reach = float(from_stars.groups_reached(dept).mean())
""", '''
"""q6: spanner_reach and star_reach are numbers of departments (form); hidden tests check them."""
assert isinstance(spanner_reach, float) and 0 <= spanner_reach <= len(set(dept.values())), "form check only: spanner_reach should be a float (a mean number of departments)"
assert isinstance(star_reach, float) and 0 <= star_reach <= len(set(dept.values())), "form check only: star_reach should be a float (a mean number of departments)"
''', "spanner_reach, star_reach", given="""
undirected = ideas.to_undirected()
spanners = list(boundary_spanners(ideas, "department", min_group_size=GROUPS).index[:3])
rd_stars = sorted((p for p in ideas if dept[p] == "R&D"), key=ideas.in_degree, reverse=True)[:3]
print("spanners:", spanners, "  R&D stars:", rd_stars)
"""),
    md("""
## Question 7 — Your proposal for the co-creation programme (4 points, graded by your trainer)

Write the note (about 150–250 words) you would send to the HR director. Use at least two of
your findings above. Answer three things:

1. Where do ideas cross department borders at Noordhaven, and where are the bridges narrow?
2. Whom would you invite to start the programme, and why not only managers or only R&D?
3. How would you widen a narrow bridge — and what would you not do with these figures (think
   of privacy, of the people who did not answer the survey, and of judging individuals)?

Write your answer in the cell below (double-click it to edit).
"""),
    nbg(md("""
*Model answer for trainers (replaced by "YOUR ANSWER HERE" in the learners' version).*

Fewer than one in five ideas ties crosses a department border; ideas mostly stay home. The
widest bridge runs between IT and R&D; many other pairs share only a tie or two, and about
eleven bridges hang on a single person on one side. Those are fragile: if that person leaves,
the two departments lose their idea link.

I would invite the boundary spanners — people whose ideas contacts sit in four or five other
departments — as the core of the first teams, together with a sponsor from management. Most of
them manage nobody, so an invitation list drawn from the org chart would miss them. An idea
started by them reaches more departments than one started by R&D's best-known people, who
mainly talk with R&D.

To widen narrow bridges: mixed project teams, rotations, a community on the social intranet
and introductions by the spanners, so that several people carry each link. I would not publish
names or rank people on these figures, use them in appraisals, or forget that a fifth of the
people did not answer the survey; group figures only above the minimum group size, and tell
people what was analysed and why.

*Rubric (4 points):* 1 point for describing bridges with a finding (share, widest, narrow);
1 point for a reasoned invitation list (spanners, not only managers or R&D); 1 point for a
concrete way to widen a bridge; 1 point for one privacy or ethics limit.
"""), "q7_proposal", grade=True, solution=True, points=4),
    md("""
## Done?

Run *Kernel → Restart Kernel and Run All Cells* once to make sure everything works from a clean
start, then run `socialhrm progress` in a terminal. Hand in this notebook as your trainer
asked. The lesson behind this exercise is `notebooks/06_ideas_across_boundaries.ipynb`.
"""),
]


def _ids(cells: list, prefix: str) -> list:
    """Stable cell ids, so that a rebuild changes only what was edited."""
    for i, cell in enumerate(cells):
        cell["id"] = f"{prefix}-{i:02d}"
    return cells


def main() -> None:
    """Write both notebooks."""
    save(ROOT / "notebooks" / "06_ideas_across_boundaries.ipynb", _ids(LESSON, "lesson"))
    folder = ROOT / "modules" / "m06_ideas_across_boundaries"
    folder.mkdir(parents=True, exist_ok=True)
    save(folder / "m06_ideas_across_boundaries.ipynb", _ids(EXERCISE, "exercise"))


if __name__ == "__main__":
    main()
