"""Self-checks for learners, and the hidden tests of the graded exercises.

In a lesson or exercise notebook, after computing an answer::

    from socialhrm.checks import check
    check("q2")          # reads your variable `density` and tells you how you are doing

:func:`check` never raises and never shows the expected answer: it says whether the answer is
right and, if not, what the likely mistake is. It records the result in your local progress file
(see :mod:`socialhrm.course`; ``socialhrm progress`` shows it).

The graded exercises call :func:`_hidden` in their hidden tests, e.g.
``_hidden("m01", "q2", density)``: the same judgement as the self-check, but it only raises a
neutral ``AssertionError`` (feedback pages show the failing line, so the line and the message
give nothing away). Expected answers are always computed from the bundled dataset, never typed
in, so they follow the data if it is regenerated.

Adding a module's checks: write one judge function per question and register it with
:func:`question` (see the m01 section below); the judge receives the learner's values and
either returns a short "well done" text or raises :class:`NotYet` with a hint.
"""

from __future__ import annotations

import functools
import html
import math
import numbers
import os
import sys
from collections import ChainMap
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["NotYet", "Question", "Result", "check", "evaluate", "question", "questions"]

#: What a hidden test says when an answer is wrong: nothing about the expected answer.
HIDDEN_MESSAGE = "{question}: not yet correct — see the self-check for a hint"

#: Tolerance for answers that are fractions (shares, densities).
TOLERANCE = 1e-9


class NotYet(Exception):  # noqa: N818 - reads as "not yet (correct)"
    """Raised by a judge: the answer is not (yet) right; the message is the hint to show."""


@dataclass(frozen=True)
class Result:
    """The outcome of one self-check.

    Attributes
    ----------
    module, question
        Which question (``"m01"``, ``"q2"``).
    passed
        The answer is right (the autograder would accept it).
    answered
        False when the variable is missing or still ``None`` / ``...``.
    message
        What the learner is told.
    """

    module: str
    question: str
    passed: bool
    answered: bool
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Question:
    """A question that can be self-checked.

    Attributes
    ----------
    module, qid
        E.g. ``"m01"``, ``"q2"``.
    variables
        The learner's variables the judge needs, in order.
    title
        A few words on what is asked.
    judge
        ``judge(*values) -> str``: returns a "well done" text or raises :class:`NotYet`.
    graded
        True for a graded exercise question; False for a try in a lesson.
    """

    module: str
    qid: str
    variables: tuple[str, ...]
    title: str
    judge: Callable[..., str]
    graded: bool = True


_REGISTRY: dict[str, dict[str, Question]] = {}


def question(module: str, qid: str, variables: tuple[str, ...] | list[str], title: str, *,
             graded: bool = True) -> Callable[[Callable[..., str]], Callable[..., str]]:
    """Register a judge function for a question (a decorator).

    Examples
    --------
    >>> @question("m99", "q1", ["answer"], "the answer")
    ... def _q1(answer):
    ...     if answer != 42:
    ...         raise NotYet("Think again about life, the universe and everything.")
    ...     return "Right."
    >>> evaluate("q1", module="m99", answer=42).passed
    True
    """

    def register(judge: Callable[..., str]) -> Callable[..., str]:
        _REGISTRY.setdefault(module, {})[qid] = Question(module, qid, tuple(variables), title,
                                                         judge, graded)
        return judge

    return register


def questions(module: str) -> list[Question]:
    """The self-checkable questions of a module, in order (graded ones and lesson tries).

    Examples
    --------
    >>> [q.qid for q in questions("m01") if q.graded]
    ['q1', 'q2', 'q3', 'q4', 'q5', 'q6']
    """
    return list(_REGISTRY.get(module, {}).values())


# --------------------------------------------------------------------------------------------
# describing a learner's value in plain words, and reading it as a number, share, person, ...


def _plural(n: int, word: str) -> str:
    many = {"person": "people", "entry": "entries"}.get(word, word + "s")
    return f"{n} {word if n == 1 else many}"


def _describe(value: Any) -> str:
    """What kind of thing a value is, in words an HR professional understands."""
    import networkx as nx
    import pandas as pd

    if value is None:
        return "None (empty)"
    if isinstance(value, bool):
        return f"{value} (a yes/no value, not a number)"
    if isinstance(value, nx.Graph):
        kind = "directed network" if value.is_directed() else "network"
        return (f"a whole {kind} ({_plural(value.number_of_nodes(), 'person')}, "
                f"{_plural(value.number_of_edges(), 'tie')}), not a single value")
    if isinstance(value, pd.DataFrame):
        return f"a table with {_plural(len(value), 'row')}, not a single value"
    if isinstance(value, pd.Series):
        return f"a column of {_plural(len(value), 'value')}, not a single value"
    if isinstance(value, Mapping):
        return (f"a dictionary with {_plural(len(value), 'entry')} (often one value per "
                "person), not a single value")
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {shown!r}"
    if isinstance(value, list | tuple | set | frozenset):
        return f"a {type(value).__name__} of {_plural(len(value), 'item')}"
    if isinstance(value, numbers.Number):
        return f"the number {value!r}"
    if callable(value):
        return "a function (did you forget the brackets () to call it?)"
    return f"a value of type {type(value).__name__}"


def _number(name: str, value: Any) -> float:
    """A plain number from the learner's value, or NotYet explaining why it is not one."""
    import networkx as nx

    if isinstance(value, bool) or (type(value).__module__ == "numpy"
                                   and type(value).__name__.startswith("bool")):
        raise NotYet(f"`{name}` is {value}, a yes/no value; this question asks for a number.")
    if isinstance(value, numbers.Real):
        x = float(value)
        if math.isnan(x):
            raise NotYet(f"`{name}` is NaN ('not a number'). That usually comes from dividing "
                         "0 by 0 or from a missing value: check what you divide by.")
        if math.isinf(x):
            raise NotYet(f"`{name}` is infinite: somewhere you divide by zero.")
        return x
    if isinstance(value, str):
        try:
            float(value.replace(",", "."))
        except ValueError:
            raise NotYet(f"`{name}` is {_describe(value)}; this question asks for a number."
                         ) from None
        raise NotYet(f"`{name}` is text ({value!r}), not a number: remove the quotes.")
    if isinstance(value, nx.Graph):
        raise NotYet(f"`{name}` is {_describe(value)}. Ask the network for the number you "
                     "need, with a networkx function or method.")
    if isinstance(value, list | tuple | set | frozenset | Mapping):
        raise NotYet(f"`{name}` is {_describe(value)}; this question asks for one number. "
                     "If you want how many items it holds, use len(...).")
    raise NotYet(f"`{name}` is {_describe(value)}; this question asks for one number.")


def _count(name: str, value: Any) -> int:
    x = _number(name, value)
    if not float(x).is_integer():
        raise NotYet(f"`{name}` is {x}, which is not a whole number; a count is whole.")
    if x < 0:
        raise NotYet(f"`{name}` is negative; a count is 0 or more.")
    return int(x)


def _count_form(name: str, value: Any) -> None:
    """The form the autograder wants for a count: a whole number (int), not 12.0."""
    if not isinstance(value, numbers.Integral):
        raise NotYet(f"`{name}` has the right value but is written as a decimal number "
                     f"({value!r}); the exercise wants a whole number: wrap it in int(...).")


def _share_form(name: str, value: Any, x: float) -> None:
    """The form the autograder wants for a share: a float between 0 and 1."""
    if x > 1 and x <= 100:
        raise NotYet(f"`{name}` is above 1. It looks like a percentage: the question asks "
                     "for a share between 0 and 1 (divide by 100, or leave out the * 100).")
    if not 0 <= x <= 1:
        raise NotYet(f"`{name}` must be a share between 0 and 1; yours is outside.")
    if not isinstance(value, float):
        raise NotYet(f"`{name}` is {value!r}; the exercise wants a number with decimals (a "
                     "float). Did a division get rounded to a whole number?")


def _close(x: float, expected: float, tol: float = TOLERANCE) -> bool:
    return abs(x - expected) <= tol


def _about(x: float, target: float, rel: float = 0.02) -> bool:
    """Whether x is roughly target (to recognise typical mistakes, never to grade)."""
    return abs(x - target) <= rel * abs(target) + 1e-12


def _rounded(x: float, expected: float) -> bool:
    return abs(x - expected) < 0.006 and not _close(x, expected)


def _person(name: str, value: Any, facts: _M01) -> str:
    """A person_id of Noordhaven, or NotYet explaining what the value is instead."""
    if isinstance(value, list | tuple) and len(value) == 2 and isinstance(value[0], str):
        raise NotYet(f"`{name}` is a pair {tuple(value)!r}: a person and a number. Keep only "
                     "the person, e.g. with pair[0].")
    if isinstance(value, list | tuple | set) or type(value).__name__ in {"Series", "Index"}:
        raise NotYet(f"`{name}` is {_describe(value)}; give one person_id, like 'NH0001'.")
    if not isinstance(value, str):
        raise NotYet(f"`{name}` is {_describe(value)}; give a person_id as text, like "
                     "'NH0001' (with the quotes).")
    if value in facts.names:
        raise NotYet(f"`{name}` looks like a name. The question asks for the person_id "
                     "(like 'NH0001'); the people table has both columns.")
    if value.strip().upper() in facts.people_ids and value not in facts.people_ids:
        raise NotYet(f"`{name}` is {value!r}: almost a person_id, but write it exactly like "
                     "in the data: capital NH, four digits, no spaces.")
    if value not in facts.people_ids:
        raise NotYet(f"`{name}` is {value!r}, which is nobody's person_id at Noordhaven; ids "
                     "look like 'NH0001'.")
    return value


def _boolean(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if type(value).__module__ == "numpy" and type(value).__name__.startswith("bool"):
        raise NotYet(f"`{name}` is a NumPy yes/no value; write bool(...) around it so it is "
                     "a plain True or False.")
    if isinstance(value, str):
        raise NotYet(f"`{name}` is {_describe(value)}; write True or False without quotes.")
    if isinstance(value, numbers.Number):
        raise NotYet(f"`{name}` is {_describe(value)}; write True or False.")
    raise NotYet(f"`{name}` is {_describe(value)}; the question asks for True or False.")


# --------------------------------------------------------------------------------------------
# module m01: your organisation as a network (expected values from the bundled Noordhaven)

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
        trust_reciprocity=nx.reciprocity(trust), tiny_density=nx.density(tiny),
    )


def _parts(*judges: Callable[[], str]) -> str:
    """Judge several variables of one question; every verdict is shown, all must pass."""
    notes, ok = [], True
    for judge in judges:
        try:
            notes.append(judge())
        except NotYet as exc:
            notes.append(str(exc))
            ok = False
    if not ok:
        raise NotYet(" ".join(notes))
    return " ".join(notes)


@question("m01", "q1", ["n_people", "n_advice_ties"], "size of the advice network")
def _m01_q1(n_people: Any, n_advice_ties: Any) -> str:
    f = _m01()

    def people() -> str:
        x = _count("n_people", n_people)
        if x == f.n:
            _count_form("n_people", n_people)
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
        y = _count("n_advice_ties", n_advice_ties)
        if y == f.m:
            _count_form("n_advice_ties", n_advice_ties)
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

    _parts(people, ties)
    return ("Both are right. Notice how few ties there are for so many people: most "
            "colleagues never ask each other for advice.")


@question("m01", "q2", ["density"], "density of the advice network")
def _m01_q2(density: Any) -> str:
    f = _m01()
    x = _number("density", density)
    d = f.density
    if _close(x, d):
        _share_form("density", density, x)
        return (f"Right. Only about 1 in {round(1 / d)} possible advice ties exists; that is "
                "normal for an organisation of hundreds of people: nobody can ask everyone.")
    if _about(x, 2 * d):
        raise NotYet("Your value is about twice what we expect: did you count each pair only "
                     "once as a possible tie? In a directed network every ordered pair (A to "
                     "B, and B to A) can carry a tie: n × (n − 1) possible ties.")
    if _about(x, d / 2):
        raise NotYet("Your value is about half of what we expect: did you count possible ties "
                     "twice, or count only the pairs where both ask each other?")
    if _about(x, f.m / f.n ** 2):
        raise NotYet("Very close, but not quite: you divided by n × n. Nobody asks themselves "
                     "for advice, so the possible ties are n × (n − 1).")
    if _about(x, 100 * d):
        raise NotYet("Your value is about 100 times too high: did you turn it into a "
                     "percentage? Give the share, between 0 and 1.")
    for k in (f.respondents, f.non_isolated, f.in_advice_rows):
        if k > 1 and _about(x, f.m / (k * (k - 1))):
            raise NotYet("Your value is a bit too high: it looks like you counted only some of "
                         "the people (those who answered, or who have a tie). Use everyone in "
                         "the network.")
    if _rounded(x, d):
        raise NotYet("Very close: did you round? Keep the full value (no round()).")
    _share_form("density", density, x)
    raise NotYet("Not yet. Density = the number of ties divided by the number of possible ties; "
                 "in a directed network of n people there are n × (n − 1) possible ties.")


@question("m01", "q3", ["reciprocity"], "reciprocity of the advice network")
def _m01_q3(reciprocity: Any) -> str:
    f = _m01()
    if isinstance(reciprocity, Mapping):
        raise NotYet("`reciprocity` is one value per person. nx.reciprocity(G, nodes) gives "
                     "that; for the whole network, leave out the nodes.")
    x = _number("reciprocity", reciprocity)
    r = f.reciprocity
    if _close(x, r):
        _share_form("reciprocity", reciprocity, x)
        return (f"Right. {r:.0%} of advice ties are returned: advice flows mostly one way, "
                "from people who ask to people who know.")
    if x in (f.mutual_ties, f.mutual_pairs):
        raise NotYet("`reciprocity` looks like a count. Reciprocity is a share: returned ties "
                     "divided by all ties.")
    if _about(x, f.mutual_pairs / f.pairs):
        raise NotYet("You counted pairs of people. Reciprocity (as networkx computes it) "
                     "counts ties: of all advice ties, the share whose return tie also exists.")
    if _about(x, r / 2):
        raise NotYet("Your value is about half of what we expect: a returned pair is two ties "
                     "(A to B and B to A), and both count as returned.")
    if _about(x, 1 - r):
        raise NotYet("That looks like the share of ties that are NOT returned.")
    if _about(x, 100 * r):
        raise NotYet("Your value is about 100 times too high: give the share between 0 and 1, "
                     "not a percentage.")
    if _close(x, f.trust_reciprocity, 1e-6):
        raise NotYet("That is the reciprocity of the trust network; this question is about "
                     "advice.")
    if _rounded(x, r):
        raise NotYet("Very close: did you round? Keep the full value.")
    _share_form("reciprocity", reciprocity, x)
    raise NotYet("Not yet. Reciprocity: of all advice ties A → B, what share has a tie B → A "
                 "back?")


@question("m01", "q4", ["most_sought", "most_sought_is_manager"],
          "the person most sought for advice, and whether they manage anyone")
def _m01_q4(most_sought: Any, most_sought_is_manager: Any) -> str:
    f = _m01()
    p = _person("most_sought", most_sought, f)
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
    b = _boolean("most_sought_is_manager", most_sought_is_manager)
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
    x = _number("share_formal", share_formal)
    s = f.along / f.m
    if _close(x, s):
        _share_form("share_formal", share_formal, x)
        return (f"Right. {s:.0%} of advice ties follow a reporting line; the other "
                f"{1 - s:.0%} go around the org chart, to colleagues, other teams and other "
                "departments. That is the informal organisation.")
    if x in (f.along, f.up, f.down):
        raise NotYet("`share_formal` looks like a count of ties. Divide by all advice ties to "
                     "get a share.")
    if _about(x, f.up / f.m):
        raise NotYet("You counted only people who ask their own manager. A tie also follows a "
                     "reporting line when a manager asks one of their own direct reports.")
    if _about(x, f.down / f.m):
        raise NotYet("You counted only managers asking their own reports. People asking their "
                     "own manager follow the reporting line too.")
    if _about(x, 1 - s):
        raise NotYet("That looks like the share of advice ties that do NOT follow a reporting "
                     "line.")
    if _about(x, f.same_team / f.m):
        raise NotYet("You counted ties within the same team. Two colleagues in one team are "
                     "not each other's manager: count only manager–direct report pairs.")
    if _about(x, 100 * s):
        raise NotYet("Your value is about 100 times too high: give the share between 0 and 1, "
                     "not a percentage.")
    if _rounded(x, s):
        raise NotYet("Very close: did you round? Keep the full value.")
    _share_form("share_formal", share_formal, x)
    raise NotYet("Not yet. For every advice tie (a, b), ask: is there an org-chart edge between "
                 "them, in either direction? Share = those ties / all advice ties.")


@question("m01", "q6", ["bypassed_manager"], "the team lead whose team goes elsewhere for advice")
def _m01_q6(bypassed_manager: Any) -> str:
    f = _m01()
    p = _person("bypassed_manager", bypassed_manager, f)
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
        raise NotYet(f"Not yet: {_plural(k, 'member')} of this team lead's own team (out of "
                     f"{n} who answered the survey) name them for advice. Look for the team "
                     "lead with the lowest share.")
    raise NotYet("Not yet: none of this team lead's team answered the survey, so we cannot "
                 "tell. Count only direct reports who answered.")


# lesson 01's tries (not graded; progress shows them separately)


@question("m01", "t1", ["tiny_density"], "density of the hand-made team", graded=False)
def _m01_t1(tiny_density: Any) -> str:
    f = _m01()
    x = _number("tiny_density", tiny_density)
    d = f.tiny_density
    if _close(x, d):
        return "Right: ties divided by possible ties, n × (n − 1) in a directed network."
    if _about(x, 2 * d):
        raise NotYet("About twice too high: in a directed network each pair can carry two "
                     "ties (A to B and B to A), so there are n × (n − 1) possible ties.")
    n = len({u for e in TINY_TEAM_ADVICE + TINY_TEAM_CHART for u in e})
    if _about(x, len(TINY_TEAM_ADVICE) / n ** 2):
        raise NotYet("Close: you divided by n × n, but nobody asks themselves: n × (n − 1).")
    if _about(x, 100 * d):
        raise NotYet("That looks like a percentage; give the share between 0 and 1.")
    raise NotYet("Not yet: count the advice ties, and divide by n × (n − 1) with n people.")


@question("m01", "t2", ["femke_asked_by"], "how many colleagues ask Femke for advice",
          graded=False)
def _m01_t2(femke_asked_by: Any) -> str:
    f = _m01()
    x = _count("femke_asked_by", femke_asked_by)
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
    x = _number("trust_reciprocity", trust_reciprocity)
    if _close(x, f.trust_reciprocity):
        return ("Right: trust is returned more often than advice. Trust is mutual; advice "
                "flows from those who ask to those who know.")
    if _close(x, f.reciprocity, 1e-6):
        raise NotYet("That is the advice network's reciprocity; build the trust network "
                     "with org.network(\"trust\").")
    if _about(x, 100 * f.trust_reciprocity):
        raise NotYet("That looks like a percentage; give the share between 0 and 1.")
    raise NotYet("Not yet: of all trust ties A → B, what share has a tie B → A back?")


# --------------------------------------------------------------------------------------------
# running a check


def _is_blank(value: Any) -> bool:
    return value is None or value is Ellipsis


def _find(qid: str, module: str | None) -> Question | str:
    """The question, or an explanation why it cannot be found."""
    if module is not None:
        if module not in _REGISTRY:
            known = ", ".join(sorted(_REGISTRY)) or "none yet"
            return (f"There are no self-checks for module {module!r}. Modules with "
                    f"self-checks: {known}.")
        if qid not in _REGISTRY[module]:
            ids = ", ".join(_REGISTRY[module])
            return f"Module {module} has no question {qid!r}. Its questions: {ids}."
        return _REGISTRY[module][qid]
    hits = [mod[qid] for mod in _REGISTRY.values() if qid in mod]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        return (f"There is no question {qid!r}. Write the question's id as in the notebook, "
                "e.g. check(\"q1\").")
    mods = ", ".join(q.module for q in hits)
    return (f"Several modules have a question {qid!r} ({mods}); say which one, e.g. "
            f"check({qid!r}, module={hits[0].module!r}).")


def _judge(q: Question, values: Mapping[str, Any]) -> tuple[bool, bool, str]:
    """(passed, answered, message) for the learner's values; never raises."""
    missing = [v for v in q.variables if v not in values]
    if missing:
        names = ", ".join(f"`{v}`" for v in missing)
        return False, False, (f"Not answered yet: {names} does not exist yet. Write your answer "
                              "in the cell above and run it (Shift + Enter), then run this "
                              "check again.")
    blank = [v for v in q.variables if _is_blank(values[v])]
    if blank:
        names = ", ".join(f"`{v}`" for v in blank)
        return False, False, (f"Not answered yet: {names} is still empty. Replace the None "
                              "(or ...) with your code, run the cell, then run this check "
                              "again.")
    try:
        return True, True, q.judge(*(values[v] for v in q.variables))
    except NotYet as exc:
        return False, True, str(exc)
    except Exception as exc:  # a judge must never crash on odd learner input
        return False, True, (f"The self-check could not read your answer ({type(exc).__name__}"
                             f": {exc}). Check that it has the form the question asks for.")


def evaluate(question_id: str, module: str | None = None, **values: Any) -> Result:
    """Judge an answer without reading any notebook and without recording anything.

    Parameters
    ----------
    question_id
        ``"q1"``, ``"q2"``, ... (``"t1"``... for the tries in a lesson).
    module
        ``"m01"``, ...; may be left out when only one module has this question id.
    **values
        The answer variables by name, e.g. ``density=0.01``.

    Returns
    -------
    Result

    Examples
    --------
    >>> evaluate("q2", module="m01", density=None).answered
    False
    >>> evaluate("q2", module="m01", density="a lot").passed
    False
    """
    found = _find(str(question_id), module)
    if isinstance(found, str):
        return Result(module or "?", str(question_id), False, False, found)
    passed, answered, message = _judge(found, values)
    return Result(found.module, found.qid, passed, answered, message)


def _namespace(frame: Any) -> Mapping[str, Any]:
    if frame is None:
        return {}
    return ChainMap(dict(frame.f_locals), frame.f_globals)


def _show(text: str, passed: bool, answered: bool) -> None:
    try:
        from IPython import get_ipython

        shell = get_ipython()
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        shell = None
    if shell is None:
        print(text)
        return
    from IPython.display import display

    colour = "#135213;background:#d9f2d9" if passed else (
        "#7a4b00;background:#fff3d6" if answered else "#444;background:#eeeeee")
    page = html.escape(text).replace("\n", "<br>")
    display({"text/plain": text,
             "text/html": f"<div class='socialhrm-check' style='color:{colour};padding:8px;"
                          f"border-radius:4px;font-family:sans-serif'>{page}</div>"}, raw=True)


def check(question_id: str, module: str | None = None, **values: Any) -> None:
    """Check your answer to a question and get a hint if it is not right yet.

    Reads your answer variable(s) from the notebook (or takes them as arguments), says whether
    the answer is right and, if not, what the likely mistake is — without giving the answer.
    Records the result in your progress file (``socialhrm progress`` shows it). Never raises.

    Parameters
    ----------
    question_id
        ``"q1"``, ``"q2"``, ... as in the exercise (``"t1"``... for the tries in a lesson).
    module
        ``"m01"``, ...; by default the notebook's ``MODULE`` variable, or the only module with
        this question id.
    **values
        Answer variables given explicitly, e.g. ``check("q2", density=0.01)``.

    Examples
    --------
    >>> density = None
    >>> check("q2", module="m01")  # doctest: +SKIP
    q2 (density of the advice network): Not answered yet: `density` is still empty. ...
    """
    frame = sys._getframe(1)
    try:
        ns = _namespace(frame)
    finally:
        del frame
    try:
        if module is None and isinstance(ns.get("MODULE"), str) and ns["MODULE"] in _REGISTRY:
            module = ns["MODULE"]
        found = _find(str(question_id), module)
        if isinstance(found, str):
            _show(found, False, False)
            return
        merged = {v: values[v] if v in values else ns[v] for v in found.variables
                  if v in values or v in ns}
        passed, answered, message = _judge(found, merged)
        mark = "✔" if passed else ("✘" if answered else "…")
        text = f"{mark} {found.qid} ({found.title}): {message}"
        if answered and os.environ.get("NBGRADER_EXECUTION") != "autograde":
            try:
                from socialhrm.course import record_result

                record_result(found.module, found.qid, passed, graded=found.graded)
            except OSError as exc:
                text += f"\n(Your progress could not be saved: {exc}.)"
        _show(text, passed, answered)
    except Exception as exc:  # noqa: BLE001 - a self-check never breaks a learner's notebook
        print(f"The self-check itself ran into a problem ({type(exc).__name__}: {exc}). "
              "Your answer is not affected; please tell your trainer.")


def _hidden(module: str, question_id: str, *values: Any) -> None:
    """Hidden test of a graded exercise: passes silently or raises a neutral AssertionError.

    Used in the hidden part of a test cell, one call per line, e.g.
    ``_hidden("m01", "q2", density)``. Gives the same judgement as :func:`check`, records
    nothing, prints nothing, and its message never contains the expected answer.

    Raises
    ------
    AssertionError
        "q2: not yet correct — see the self-check for a hint".

    Examples
    --------
    >>> _hidden("m01", "q2", 0.5)
    Traceback (most recent call last):
    AssertionError: q2: not yet correct — see the self-check for a hint
    """
    found = _find(str(question_id), module)
    ok = False
    if not isinstance(found, str) and len(values) == len(found.variables):
        ok, _, _ = _judge(found, dict(zip(found.variables, values, strict=True)))
    if not ok:
        raise AssertionError(HIDDEN_MESSAGE.format(question=question_id))

