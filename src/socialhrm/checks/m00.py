"""Self-checks of module 0, *Python and pandas for HR professionals*.

The exercise's questions q1-q6 and the lesson's tries t1-t7. Every expected value is computed
from Noordhaven's people table (once, on first use), never typed in, so the checks follow the
data if it is regenerated.
"""

from __future__ import annotations

import functools
import numbers
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from socialhrm.checks import NotYet, question
from socialhrm.checks.answers import (
    about,
    close,
    count,
    count_form,
    describe_value,
    number,
    parts,
    person,
    rounded,
    share_form,
)
from socialhrm.i18n import _

#: Hours in a full-time working week at Noordhaven (lesson 00, try t1).
FULL_WEEK_HOURS = 40
#: The person whose hours the lesson's first try computes.
T1_PERSON = "NH0003"
#: The team whose list the lesson builds (try t2) and the team of try t5.
T2_TEAM = "HR Business Partners"
T5_TEAM = "Learning & Development"
#: The team the exercise's first question is about (in Customer Service).
Q1_TEAM = "Chat & Social Care"
#: The department of the exercise's third and fourth questions.
Q3_DEPARTMENT = "Operations"
Q4_DEPARTMENT = "HR"


@dataclass
class _M00:
    """Everything module 0's checks compare with, computed once from the people table."""

    ids: frozenset[str]
    names: frozenset[str]
    name_of: dict[str, str]
    department_of: dict[str, str]
    departments: frozenset[str]
    locations: dict[str, int]
    n: int
    fte: dict[str, float]
    remote: dict[str, int]
    hired: dict[str, Any]
    level_counts: dict[str, int]
    department_counts: dict[str, int]
    team_counts: dict[str, int]
    team_members: dict[str, list[str]]
    levels: dict[str, str]
    mean_fte: dict[str, float]
    sum_fte: dict[str, float]
    mean_remote: dict[str, float]
    newest: str


@functools.cache
def _m00() -> _M00:
    from socialhrm.datasets import load

    people = load("noordhaven").people
    ids = [str(p) for p in people["person_id"]]

    def column(name: str) -> list:
        return list(people[name])

    dept = dict(zip(ids, map(str, column("department")), strict=True))
    team = dict(zip(ids, map(str, column("team")), strict=True))
    members: dict[str, list[str]] = {}
    for p in ids:  # in the table's order, which is the order the lesson's lists have
        members.setdefault(team[p], []).append(p)
    by_dept = people.groupby("department")
    hired = dict(zip(ids, column("hire_date"), strict=True))
    return _M00(
        ids=frozenset(ids), names=frozenset(map(str, column("name"))),
        name_of=dict(zip(ids, map(str, column("name")), strict=True)), department_of=dept,
        departments=frozenset(dept.values()),
        locations={str(k): int(v) for k, v in people["location"].value_counts().items()},
        n=len(ids), fte=dict(zip(ids, map(float, column("fte")), strict=True)),
        remote=dict(zip(ids, map(int, column("remote_days")), strict=True)), hired=hired,
        level_counts={str(k): int(v) for k, v in people["level"].value_counts().items()},
        department_counts={str(k): int(v) for k, v in people["department"].value_counts().items()},
        team_counts={k: len(v) for k, v in members.items()}, team_members=members,
        levels=dict(zip(ids, map(str, column("level")), strict=True)),
        mean_fte={str(k): float(v) for k, v in by_dept["fte"].mean().items()},
        sum_fte={str(k): float(v) for k, v in by_dept["fte"].sum().items()},
        mean_remote={str(k): float(v) for k, v in by_dept["remote_days"].mean().items()},
        newest=max(ids, key=hired.__getitem__),
    )


def _in(f: _M00, department: str) -> list[str]:
    return [p for p in sorted(f.ids) if f.department_of[p] == department]


def _part_timers(f: _M00, people: list[str]) -> list[str]:
    return [p for p in people if f.fte[p] < 1]


def _ids_from(name: str, value: Any, f: _M00) -> list[str]:
    """A list of person_ids from the learner's value, or NotYet saying what it is instead."""
    kind = type(value).__name__
    if kind == "DataFrame":
        raise NotYet(_("`{name}` is a whole table. Keep only the person_id column and turn it "
                       "into a list: list(table[\"person_id\"]).").format(name=name))
    if kind in ("Series", "Index", "ndarray") or isinstance(value, tuple | set | frozenset):
        raise NotYet(_("`{name}` is {what}; the question asks for a list: write list(...) "
                       "around it.").format(name=name, what=describe_value(value)))
    if not isinstance(value, list):
        raise NotYet(_("`{name}` is {what}; the question asks for a list of person_ids, like "
                       "['NH0001', 'NH0002'].").format(name=name, what=describe_value(value)))
    if any(not isinstance(v, str) for v in value):
        raise NotYet(_("Not every item of `{name}` is text; the list should hold person_ids "
                       "like 'NH0001', in quotes.").format(name=name))
    if value and all(v in f.names for v in value):
        raise NotYet(_("`{name}` holds names. The question asks for person_ids (like "
                       "'NH0001'); the people table has both columns.").format(name=name))
    wrong = [v for v in value if v not in f.ids]
    if wrong:
        raise NotYet(_("`{name}` holds {item!r}, which is nobody's person_id at Noordhaven; ids "
                       "look like 'NH0001'.").format(name=name, item=wrong[0]))
    if len(set(value)) < len(value):
        raise NotYet(_("`{name}` has someone in it twice: each person should appear "
                       "once.").format(name=name))
    return value


def _department(name: str, value: Any, f: _M00) -> str:
    """A department's name from the learner's value, or NotYet saying what it is instead."""
    kind = type(value).__name__
    if kind in ("Series", "DataFrame"):
        raise NotYet(_("`{name}` is {what}. You want the department's name (the label), not "
                       "the figures: .idxmin() or .idxmax() on a column gives the label of its "
                       "lowest or highest value.").format(name=name, what=describe_value(value)))
    if isinstance(value, numbers.Number) and not isinstance(value, bool):
        raise NotYet(_("`{name}` is a number: that is a figure about a department. The question "
                       "asks which department: its name, as text.").format(name=name))
    if not isinstance(value, str):
        raise NotYet(_("`{name}` is {what}; give the department's name as text, in "
                       "quotes.").format(name=name, what=describe_value(value)))
    if value in f.departments:
        return value
    close_match = [d for d in f.departments if d.casefold() == value.strip().casefold()]
    if close_match:
        raise NotYet(_("`{name}` is {value!r}: almost, but write the department exactly as in "
                       "the table (capitals and spaces count).").format(name=name, value=value))
    raise NotYet(_("`{name}` is {value!r}, which is not one of Noordhaven's departments; they "
                   "are in the column \"department\".").format(name=name, value=value))


# --------------------------------------------------------------------------------------------
# the exercise


@question("m00", "q1", ["n_chat_team", "n_part_time_chat"],
          "people in the team Chat & Social Care, and how many of them work part-time")
def _m00_q1(n_chat_team: Any, n_part_time_chat: Any) -> str:
    f = _m00()
    team = f.team_members[Q1_TEAM]
    part = _part_timers(f, team)

    def size() -> str:
        x = count("n_chat_team", n_chat_team)
        if x == len(team):
            count_form("n_chat_team", n_chat_team)
            return _("`n_chat_team` is right.")
        if x == f.n:
            raise NotYet(_("`n_chat_team` counts everyone at Noordhaven. Keep only the rows "
                           "whose team is \"Chat & Social Care\" first."))
        if x == f.department_counts.get(f.department_of[team[0]]):
            raise NotYet(_("`n_chat_team` counts the whole department (Customer Service). Filter "
                           "on the column \"team\", not \"department\"."))
        if x in f.team_counts.values():
            raise NotYet(_("`n_chat_team` is the size of another team: check the spelling of "
                           "\"Chat & Social Care\" in your filter."))
        raise NotYet(_("`n_chat_team` is not yet right: filter the people table on the team "
                       "column, then count the rows with len(...)."))

    def part_time() -> str:
        y = number("n_part_time_chat", n_part_time_chat)
        if y == len(part):
            count_form("n_part_time_chat", n_part_time_chat)
            return _("`n_part_time_chat` is right.")
        if y == len(team) - len(part):
            raise NotYet(_("`n_part_time_chat` counts the full-timers. Part-time means an FTE "
                           "below 1: fte < 1."))
        if y == len(_part_timers(f, sorted(f.ids))):
            raise NotYet(_("`n_part_time_chat` counts part-timers in the whole organisation; keep "
                           "only the team."))
        if y == len(_part_timers(f, _in(f, f.department_of[team[0]]))):
            raise NotYet(_("`n_part_time_chat` counts the part-timers of the whole department; "
                           "keep only the team."))
        if y == sum(f.fte[p] <= 0.8 for p in team) or y == sum(f.fte[p] < 0.8 for p in team):
            raise NotYet(_("`n_part_time_chat` leaves out people who work 0.9 FTE. Anyone below "
                           "1.0 works part-time: use fte < 1."))
        if team and 0 < y < 1 and about(y, len(part) / len(team)):
            raise NotYet(_("`n_part_time_chat` is a share; the question asks for the number of "
                           "people."))
        if team and about(y, 100 * len(part) / len(team)):
            raise NotYet(_("`n_part_time_chat` looks like a percentage; the question asks for the "
                           "number of people."))
        count("n_part_time_chat", n_part_time_chat)
        raise NotYet(_("`n_part_time_chat` is not yet right: among the team's rows, "
                       "count those with fte below 1."))

    parts(size, part_time)
    return _("Both right. A filter keeps the rows you want, len(...) counts them: most of HR's "
             "everyday figures are made this way.")


@question("m00", "q2", ["people_per_level"], "the number of people at each level, as a dict")
def _m00_q2(people_per_level: Any) -> str:
    f = _m00()
    value = people_per_level
    if type(value).__name__ == "Series":
        raise NotYet(_("`people_per_level` is a pandas column (a Series). The question asks for "
                       "a plain dict: write dict(...) around it."))
    if not isinstance(value, Mapping):
        raise NotYet(_("`people_per_level` is {what}; the question asks for a dict like "
                       "{{'junior': 10, 'senior': 5}}.").format(what=describe_value(value)))
    keys = {str(k) for k in value}
    if keys & f.departments and not keys & set(f.level_counts):
        raise NotYet(_("The keys of `people_per_level` are departments. Count per level (the "
                       "column \"level\") instead."))
    lowered = {str(k).strip().lower() for k in value}
    if keys != set(f.level_counts) and lowered == set(f.level_counts):
        raise NotYet(_("The levels in `people_per_level` are spelled differently from the "
                       "table: write them exactly as in the column \"level\"."))
    missing = sorted(set(f.level_counts) - keys)
    extra = sorted(keys - set(f.level_counts))
    if extra:
        raise NotYet(_("`people_per_level` has a key {key!r}, which is not a level in the "
                       "people table.").format(key=extra[0]))
    if missing:
        raise NotYet(_("`people_per_level` leaves out the level {key!r}: every level in the "
                       "table needs its count (also levels with very few people)."
                       ).format(key=missing[0]))
    values = {str(k): v for k, v in value.items()}
    if any(isinstance(v, list | tuple | set) for v in values.values()):
        raise NotYet(_("The values of `people_per_level` are lists of people; the question "
                       "asks for how many: use len(...) or count with + 1."))
    if all(isinstance(v, numbers.Real) and not isinstance(v, bool) for v in values.values()):
        if all(0 <= float(v) <= 1 for v in values.values()) and sum(values.values()) <= 1.01:
            raise NotYet(_("The values of `people_per_level` are shares; the question asks for "
                           "the number of people at each level."))
        if all(float(v) == f.level_counts[k] for k, v in values.items()):
            if not all(isinstance(v, numbers.Integral) for v in values.values()):
                raise NotYet(_("The counts in `people_per_level` are right but written as "
                               "decimal numbers; use whole numbers (int)."))
            return _("Right. A dict keeps a figure per label: exactly what value_counts() gives "
                     "you, and what you will build for every person's ties in module 1.")
        if sum(values.values()) == f.n:
            raise NotYet(_("The counts in `people_per_level` add up to everyone but do not "
                           "match the levels: check that each person adds 1 to their own "
                           "level."))
    raise NotYet(_("Not yet: for every person, add 1 to the count of their level. Start from an "
                   "empty dict and use counts.get(level, 0) + 1, or value_counts()."))


@question("m00", "q3", ["ops_team_leads"], "the team leads of Operations, as a list")
def _m00_q3(ops_team_leads: Any) -> str:
    f = _m00()
    given = set(_ids_from("ops_team_leads", ops_team_leads, f))
    ops = set(_in(f, Q3_DEPARTMENT))
    leads = {p for p in ops if f.levels[p] == "manager"}
    if given == leads:
        return _("Right: a loop with an if (or a filter on two columns) keeps exactly the "
                 "people you need.")
    bosses = {p for p in ops if f.levels[p] in ("manager", "director")}
    if given == bosses:
        raise NotYet(_("Your list also holds the director of Operations. Team leads are the "
                       "people at level \"manager\"."))
    everywhere = {p for p in f.ids if f.levels[p] == "manager"}
    if given == everywhere:
        raise NotYet(_("Your list holds the team leads of every department; keep only "
                       "Operations (both conditions, joined with `and`)."))
    if given and given <= leads:
        raise NotYet(_("Your list is missing some team leads of Operations: did the loop stop "
                       "early, or did you keep only the first one?"))
    if given == ops:
        raise NotYet(_("Your list holds everybody in Operations; keep only level \"manager\"."))
    if given - ops:
        raise NotYet(_("Your list holds people outside Operations: check the department "
                       "condition."))
    raise NotYet(_("Not yet: keep the people whose department is \"Operations\" AND whose level "
                   "is \"manager\"."))


@question("m00", "q4", ["longest_serving_hr"], "the longest-serving person in HR")
def _m00_q4(longest_serving_hr: Any) -> str:
    f = _m00()
    p = person("longest_serving_hr", longest_serving_hr, f.ids, f.names)
    hr = _in(f, Q4_DEPARTMENT)
    first = min(hr, key=f.hired.__getitem__)
    if p == first:
        return _("Right: min(..., key=...) compares people by their hire date and gives back "
                 "the person, not the date. In module 1 the same trick finds the most "
                 "sought-after colleague.")
    if p == max(hr, key=f.hired.__getitem__):
        raise NotYet(_("That is HR's most recent hire: the latest date. Longest-serving means "
                       "the earliest hire date, the smallest one: min instead of max."))
    if p == min(f.ids, key=f.hired.__getitem__):
        raise NotYet(_("That is the longest-serving person of the whole organisation. Look only "
                       "at people in HR."))
    if f.department_of[p] != Q4_DEPARTMENT:
        raise NotYet(_("That person does not work in HR: compare only the people in the HR "
                       "department."))
    raise NotYet(_("Not yet: among the people in HR, take the one with the earliest "
                   "hire_date (min with key=)."))


@question("m00", "q5", ["share_part_time"], "a function: the share of part-timers in a department")
def _m00_q5(share_part_time: Any) -> str:
    f = _m00()
    if not callable(share_part_time):
        raise NotYet(_("`share_part_time` is {what}; the question asks for a function. Start "
                       "with `def share_part_time(department):` and end it with "
                       "return ...").format(what=describe_value(share_part_time)))
    results: dict[str, Any] = {}
    for d in sorted(f.departments):
        try:
            results[d] = share_part_time(d)
        except Exception as exc:  # noqa: BLE001 - the learner's function may fail in any way
            raise NotYet(_("Your function stops with an error for the department {d!r} "
                           "({error}: {text}). Try it yourself: share_part_time({d!r}).")
                         .format(d=d, error=type(exc).__name__, text=exc)) from None
    if all(r is None for r in results.values()):
        raise NotYet(_("Your function gives back None: it has no `return`, or the return is "
                       "not reached. End it with return <the share>."))
    expected: dict[str, float] = {}
    for d in results:
        staff = _in(f, d)
        expected[d] = len(_part_timers(f, staff)) / len(staff)
    values = {d: number("share_part_time(...)", r) for d, r in results.items()}
    if all(close(values[d], expected[d]) for d in values):
        for d, r in results.items():
            share_form(f"share_part_time({d!r})", r, values[d])
        return _("Right: one function, every department. Writing the steps once as a function "
                 "is how you avoid copying the same cell nine times.")
    if all(about(values[d], 1 - expected[d]) for d in values):
        raise NotYet(_("Your function gives the share of FULL-timers. Part-time is fte < 1."))
    if all(about(values[d], 100 * expected[d]) for d in values if expected[d] > 0):
        raise NotYet(_("Your function gives a percentage; return the share between 0 and 1 "
                       "(leave out the * 100)."))
    counts = {d: len(_part_timers(f, _in(f, d))) for d in values}
    if all(values[d] == counts[d] for d in values):
        raise NotYet(_("Your function gives the number of part-timers; divide by the number of "
                       "people in the department to get a share."))
    if len(set(values.values())) == 1:
        raise NotYet(_("Your function gives the same answer for every department: does it use "
                       "its argument `department` to filter the table?"))
    whole = len(_part_timers(f, sorted(f.ids)))
    if all(about(values[d], counts[d] / whole) for d in values):
        raise NotYet(_("You divided by all part-timers in the organisation; divide by the "
                       "number of people in the department instead."))
    if all(about(values[d], counts[d] / f.n) for d in values):
        raise NotYet(_("You divided by everyone at Noordhaven; divide by the number of people "
                       "in the department instead."))
    le08 = {d: sum(f.fte[p] <= 0.8 for p in _in(f, d)) / len(_in(f, d)) for d in values}
    if all(about(values[d], le08[d]) for d in values):
        raise NotYet(_("Your function leaves out people at 0.9 FTE. Anyone below 1.0 works "
                       "part-time: fte < 1."))
    if all(rounded(values[d], expected[d]) or close(values[d], expected[d]) for d in values):
        raise NotYet(_("Very close: did you round? Return the full value."))
    raise NotYet(_("Not yet: inside the function, keep the department's rows, count those with "
                   "fte < 1 and divide by the number of rows. Try it on one department first."))


@question("m00", "q6", ["lowest_fte_department"], "the department with the lowest average FTE")
def _m00_q6(lowest_fte_department: Any) -> str:
    f = _m00()
    d = _department("lowest_fte_department", lowest_fte_department, f)
    low = min(f.mean_fte, key=f.mean_fte.__getitem__)
    if d == low:
        return _("Right: groupby(\"department\")[\"fte\"].mean() gives one average per "
                 "department, and .idxmin() the department with the lowest. One line of pandas "
                 "replaces a loop and a dict.")
    hints = []
    if d == max(f.mean_fte, key=f.mean_fte.__getitem__):
        hints.append(_("That department has the HIGHEST average FTE: use the lowest (idxmin, "
                       "or sort from low to high)."))
    if d == min(f.sum_fte, key=f.sum_fte.__getitem__):
        hints.append(_("That department has the lowest TOTAL of FTE, because it is small. The "
                       "question asks for the average: .mean(), not .sum()."))
    if d == min(f.department_counts, key=f.department_counts.__getitem__) and not hints:
        hints.append(_("That is the smallest department. The question asks for the lowest "
                       "average FTE: .mean() of the fte column per department."))
    if hints:
        raise NotYet(" ".join(hints))
    raise NotYet(_("Not yet: group the people table by department, take the mean of the fte "
                   "column, and find the department with the lowest value."))


# --------------------------------------------------------------------------------------------
# lesson 00's tries (not graded; progress shows them separately)


@question("m00", "t1", ["kevin_hours"], "Kevin's hours per week", graded=False)
def _m00_t1(kevin_hours: Any) -> str:
    f = _m00()
    x = number("kevin_hours", kevin_hours)
    fte = f.fte[T1_PERSON]
    if close(x, fte * FULL_WEEK_HOURS, 1e-6):
        return _("Right: a number times a number. Python is a calculator with names.")
    if close(x, fte, 1e-9):
        raise NotYet(_("That is his FTE itself. Multiply it by the hours of a full-time week "
                       "(40)."))
    if close(x, FULL_WEEK_HOURS, 1e-9):
        raise NotYet(_("That is a full-time week. Kevin works part of it: multiply by his FTE."))
    if close(x, FULL_WEEK_HOURS / fte, 1e-6):
        raise NotYet(_("You divided; multiply the FTE by 40 instead."))
    raise NotYet(_("Not yet: hours per week = FTE × 40."))


@question("m00", "t2", ["third"], "the third person in the team list", graded=False)
def _m00_t2(third: Any) -> str:
    f = _m00()
    team = f.team_members[T2_TEAM]
    p = person("third", third, f.ids, f.names)
    if p == team[2]:
        return _("Right: team[2] is the third item, because Python counts from 0.")
    if len(team) > 3 and p == team[3]:
        raise NotYet(_("That is the fourth person. Python counts from 0: the first is team[0], "
                       "so the third is team[2]."))
    if p == team[1]:
        raise NotYet(_("That is the second person: team[0] is the first, team[1] the second."))
    raise NotYet(_("Not yet: take the item at position 2 of the list `team` (counting from 0)."))


@question("m00", "t3", ["newest_department"], "the department of the newest colleague",
          graded=False)
def _m00_t3(newest_department: Any) -> str:
    f = _m00()
    if newest_department == f.newest:
        raise NotYet(_("That is the person_id itself. Look it up in the dict: "
                       "department_of[newest]."))
    if newest_department == f.name_of[f.newest]:
        raise NotYet(_("That is the name. Look the person_id up in `department_of`, not in "
                       "`name_of`."))
    d = _department("newest_department", newest_department, f)
    if d == f.department_of[f.newest]:
        return _("Right: a dict looks a value up by its key, like a card index.")
    raise NotYet(_("Not yet: department_of[newest] gives the department of the person whose "
                   "person_id is in `newest`."))


@question("m00", "t4", ["n_three_days_home"], "people who work from home three days a week",
          graded=False)
def _m00_t4(n_three_days_home: Any) -> str:
    f = _m00()
    x = count("n_three_days_home", n_three_days_home)
    days = list(f.remote.values())
    if x == days.count(3):
        return _("Right: a loop, an if and a counter that goes up by 1.")
    if x == sum(d >= 2 for d in days) or x == sum(d > 2 for d in days) + days.count(2):
        raise NotYet(_("You counted two or more days; the question asks for exactly 3: == 3."))
    if x == days.count(2):
        raise NotYet(_("You counted people with 2 days at home; the question asks for 3."))
    if x == f.n:
        raise NotYet(_("That is everyone: is the `if` inside the loop, and does it compare with "
                       "== (two equals signs)?"))
    raise NotYet(_("Not yet: start a counter at 0, loop over everyone and add 1 when their "
                   "remote_days is 3."))


@question("m00", "t5", ["newest_in_team"], "the most recent hire in Learning & Development",
          graded=False)
def _m00_t5(newest_in_team: Any) -> str:
    f = _m00()
    p = person("newest_in_team", newest_in_team, f.ids, f.names)
    team = f.team_members[T5_TEAM]
    if p == max(team, key=f.hired.__getitem__):
        return _("Right: max with key= compares the people by their hire date and gives the "
                 "person back.")
    if p == min(team, key=f.hired.__getitem__):
        raise NotYet(_("That is the team's longest-serving member (the earliest date). The most "
                       "recent hire has the latest date: max."))
    if p == f.newest:
        raise NotYet(_("That is the newest person of the whole organisation; look only at the "
                       "list `ld_team`."))
    raise NotYet(_("Not yet: max(ld_team, key=lambda p: hired[p])."))


@question("m00", "t6", ["n_leeuwarden"], "people who work in Leeuwarden", graded=False)
def _m00_t6(n_leeuwarden: Any) -> str:
    f = _m00()
    x = count("n_leeuwarden", n_leeuwarden)
    if x == f.locations.get("Leeuwarden"):
        return _("Right: filter the rows, then count them.")
    if x == f.n:
        raise NotYet(_("That is everyone: len() of the whole table. Filter first: "
                       "people[people[\"location\"] == \"Leeuwarden\"]."))
    if x in f.locations.values():
        raise NotYet(_("That is another city's number; check the spelling of \"Leeuwarden\"."))
    raise NotYet(_("Not yet: keep the rows whose location is \"Leeuwarden\", then len(...)."))


@question("m00", "t7", ["most_remote_department"],
          "the department that works from home the most", graded=False)
def _m00_t7(most_remote_department: Any) -> str:
    f = _m00()
    d = _department("most_remote_department", most_remote_department, f)
    if d == max(f.mean_remote, key=f.mean_remote.__getitem__):
        return _("Right: group, average, and take the label of the highest value (idxmax).")
    if d == min(f.mean_remote, key=f.mean_remote.__getitem__):
        raise NotYet(_("That department works from home the LEAST: use idxmax, not idxmin."))
    raise NotYet(_("Not yet: people.groupby(\"department\")[\"remote_days\"].mean(), then "
                   ".idxmax()."))

