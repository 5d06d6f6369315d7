"""Self-checks and hidden tests of module m00 (Python and pandas for HR), without notebooks.

The right answers are computed here from Noordhaven's people table with pandas, the way the
exercise's model solution and the lesson's solutions do; nothing is typed in. Every typical
mistake gets its own hint, and no hint contains the expected value.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

import socialhrm
from socialhrm import checks
from socialhrm.checks import HIDDEN_MESSAGE, evaluate, hidden
from socialhrm.i18n import using_language


@pytest.fixture(autouse=True)
def _isolated(monkeypatch, tmp_path):
    monkeypatch.setenv("SOCIALHRM_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)


def ev(qid, **values):
    with using_language("en"):
        return evaluate(qid, module="m00", **values)


@pytest.fixture(scope="module")
def t():
    """The right answers and the typical wrong ones, from the people table."""
    people = socialhrm.datasets.load("noordhaven").people
    cs = people[people["team"] == "Chat & Social Care"]
    dept = people[people["department"] == "Customer Service"]
    ops = people[people["department"] == "Operations"]
    hr = people[people["department"] == "HR"]
    by_dept = people.groupby("department")

    def share_part_time(department):
        staff = people[people["department"] == department]
        return float((staff["fte"] < 1).sum() / len(staff))

    hired = dict(zip(hr["person_id"], hr["hire_date"], strict=True))
    everyone_hired = dict(zip(people["person_id"], people["hire_date"], strict=True))
    ld = people[people["team"] == "Learning & Development"]
    ld_hired = dict(zip(ld["person_id"], ld["hire_date"], strict=True))
    newest = max(everyone_hired, key=everyone_hired.get)
    kevin = people.set_index("person_id").loc["NH0003"]
    team = list(people.loc[people["team"] == "HR Business Partners", "person_id"])
    return SimpleNamespace(
        people=people,
        n=len(people), n_cs=len(cs), n_part_cs=int((cs["fte"] < 1).sum()),
        n_dept=len(dept), n_part_dept=int((dept["fte"] < 1).sum()),
        n_part_all=int((people["fte"] < 1).sum()), n_part_cs_08=int((cs["fte"] <= 0.8).sum()),
        per_level={k: int(v) for k, v in people["level"].value_counts().items()},
        per_department={k: int(v) for k, v in people["department"].value_counts().items()},
        ops_leads=list(ops.loc[ops["level"] == "manager", "person_id"]),
        ops_director=list(ops.loc[ops["level"] == "director", "person_id"]),
        all_leads=list(people.loc[people["level"] == "manager", "person_id"]),
        ops_all=list(ops["person_id"]),
        longest_hr=min(hired, key=hired.get), newest_hr=max(hired, key=hired.get),
        longest_all=min(everyone_hired, key=everyone_hired.get),
        share_part_time=share_part_time,
        lowest_fte=by_dept["fte"].mean().idxmin(), highest_fte=by_dept["fte"].mean().idxmax(),
        smallest_sum=by_dept["fte"].sum().idxmin(),
        kevin_fte=float(kevin["fte"]), team=team,
        newest=newest, newest_department=people.set_index("person_id").loc[newest, "department"],
        newest_name=people.set_index("person_id").loc[newest, "name"],
        n_three=int((people["remote_days"] == 3).sum()),
        n_two_plus=int((people["remote_days"] >= 2).sum()),
        newest_ld=max(ld_hired, key=ld_hired.get), oldest_ld=min(ld_hired, key=ld_hired.get),
        n_leeuwarden=int((people["location"] == "Leeuwarden").sum()),
        n_zwolle=int((people["location"] == "Zwolle").sum()),
        most_remote=by_dept["remote_days"].mean().idxmax(),
        least_remote=by_dept["remote_days"].mean().idxmin(),
    )


def right(t):
    return {
        "q1": {"n_chat_team": t.n_cs, "n_part_time_chat": t.n_part_cs},
        "q2": {"people_per_level": dict(t.per_level)},
        "q3": {"ops_team_leads": list(t.ops_leads)},
        "q4": {"longest_serving_hr": t.longest_hr},
        "q5": {"share_part_time": t.share_part_time},
        "q6": {"lowest_fte_department": t.lowest_fte},
        "t1": {"kevin_hours": t.kevin_fte * 40},
        "t2": {"third": t.team[2]},
        "t3": {"newest_department": t.newest_department},
        "t4": {"n_three_days_home": t.n_three},
        "t5": {"newest_in_team": t.newest_ld},
        "t6": {"n_leeuwarden": t.n_leeuwarden},
        "t7": {"most_remote_department": t.most_remote},
    }


GRADED = ["q1", "q2", "q3", "q4", "q5", "q6"]
TRIES = ["t1", "t2", "t3", "t4", "t5", "t6", "t7"]


def test_questions_are_registered():
    qs = checks.questions("m00")
    assert [q.qid for q in qs if q.graded] == GRADED
    assert [q.qid for q in qs if not q.graded] == TRIES
    assert all(q.module == "m00" and q.title for q in qs)


def test_the_data_gives_one_clear_answer(t):
    """The questions are only fair when the data has a single right answer for each."""
    hr = t.people[t.people["department"] == "HR"]
    assert hr["hire_date"].is_unique
    means = t.people.groupby("department")["fte"].mean().sort_values()
    assert means.iloc[0] < means.iloc[1]
    remote = t.people.groupby("department")["remote_days"].mean().sort_values()
    assert remote.iloc[-1] > remote.iloc[-2]
    assert len(t.ops_leads) >= 2 and t.ops_director


@pytest.mark.parametrize("qid", GRADED + TRIES)
def test_right_answer_passes(t, qid):
    res = ev(qid, **right(t)[qid])
    assert res.passed and res.answered, res.message


def test_right_answers_as_numpy_and_pandas_values(t):
    assert ev("q1", n_chat_team=np.int64(t.n_cs), n_part_time_chat=np.int64(t.n_part_cs)).passed
    assert ev("q2", people_per_level={k: np.int64(v) for k, v in t.per_level.items()}).passed
    assert ev("q3", ops_team_leads=list(reversed(t.ops_leads))).passed  # any order
    assert ev("q4", longest_serving_hr=np.str_(t.longest_hr)).passed
    assert ev("t6", n_leeuwarden=np.int64(t.n_leeuwarden)).passed


def test_q5_accepts_a_function_that_returns_a_numpy_float(t):
    people = t.people

    def share_part_time(department):
        return (people[people["department"] == department]["fte"] < 1).mean()

    assert ev("q5", share_part_time=share_part_time).passed


def _mistakes(t):
    """(question, values, a phrase of the hint) for every typical mistake."""
    pct = {d: 100 * t.share_part_time(d) for d in t.per_department}
    return [
        ("q1", {"n_chat_team": t.n, "n_part_time_chat": t.n_part_cs}, "everyone"),
        ("q1", {"n_chat_team": t.n_dept, "n_part_time_chat": t.n_part_cs}, "whole department"),
        ("q1", {"n_chat_team": t.n_cs, "n_part_time_chat": t.n_cs - t.n_part_cs}, "full-timers"),
        ("q1", {"n_chat_team": t.n_cs, "n_part_time_chat": t.n_part_all}, "whole organisation"),
        ("q1", {"n_chat_team": t.n_cs, "n_part_time_chat": t.n_part_dept},
         "of the whole department"),
        ("q1", {"n_chat_team": t.n_cs, "n_part_time_chat": t.n_part_cs_08}, "0.9 FTE"),
        ("q1", {"n_chat_team": t.n_cs, "n_part_time_chat": t.n_part_cs / t.n_cs}, "is a share"),
        ("q1", {"n_chat_team": float(t.n_cs), "n_part_time_chat": t.n_part_cs}, "decimal"),
        ("q2", {"people_per_level": t.people["level"].value_counts()}, "dict(...)"),
        ("q2", {"people_per_level": dict(t.per_department)}, "departments"),
        ("q2", {"people_per_level": {k.upper(): v for k, v in t.per_level.items()}},
         "spelled differently"),
        ("q2", {"people_per_level": {k: v for k, v in t.per_level.items() if v > 5}},
         "leaves out"),
        ("q2", {"people_per_level": {k: v / t.n for k, v in t.per_level.items()}}, "shares"),
        ("q2", {"people_per_level": {k: float(v) for k, v in t.per_level.items()}},
         "decimal"),
        ("q2", {"people_per_level": {k: [None] * v for k, v in t.per_level.items()}},
         "lists of people"),
        ("q2", {"people_per_level": list(t.per_level)}, "a dict like"),
        ("q3", {"ops_team_leads": t.ops_leads + t.ops_director}, "director"),
        ("q3", {"ops_team_leads": t.all_leads}, "every department"),
        ("q3", {"ops_team_leads": t.ops_leads[:1]}, "missing some"),
        ("q3", {"ops_team_leads": t.ops_all}, "everybody in Operations"),
        ("q3", {"ops_team_leads": tuple(t.ops_leads)}, "list(...)"),
        ("q3", {"ops_team_leads": t.people[t.people["person_id"].isin(t.ops_leads)]},
         "whole table"),
        ("q3", {"ops_team_leads": list(t.people.set_index("person_id").loc[t.ops_leads, "name"])},
         "holds names"),
        ("q3", {"ops_team_leads": t.ops_leads + t.ops_leads[:1]}, "twice"),
        ("q4", {"longest_serving_hr": t.newest_hr}, "most recent hire"),
        ("q4", {"longest_serving_hr": t.longest_all}, "whole organisation"),
        ("q4", {"longest_serving_hr": t.people.set_index("person_id").loc[t.longest_hr, "name"]},
         "looks like a name"),
        ("q5", {"share_part_time": t.share_part_time("HR")}, "asks for a function"),
        ("q5", {"share_part_time": lambda d: 1 - t.share_part_time(d)}, "FULL-timers"),
        ("q5", {"share_part_time": lambda d: pct[d]}, "percentage"),
        ("q5", {"share_part_time": lambda d: None}, "None"),
        ("q5", {"share_part_time": lambda d: t.share_part_time("HR")}, "same answer"),
        ("q5", {"share_part_time": lambda d: 1 / 0}, "ZeroDivisionError"),
        ("q5", {"share_part_time": lambda d: round(t.share_part_time(d), 2)}, "round"),
        ("q6", {"lowest_fte_department": t.highest_fte}, "HIGHEST"),
        ("q6", {"lowest_fte_department": t.smallest_sum}, "TOTAL"),
        ("q6", {"lowest_fte_department": t.people.groupby("department")["fte"].mean()},
         "idxmin"),
        ("q6", {"lowest_fte_department": t.people.groupby("department")["fte"].mean().min()},
         "is a number"),
        ("q6", {"lowest_fte_department": t.lowest_fte.lower()}, "exactly as in"),
        ("q6", {"lowest_fte_department": "Facilities"}, "not one of"),
        ("t1", {"kevin_hours": t.kevin_fte}, "FTE itself"),
        ("t1", {"kevin_hours": 40}, "full-time week"),
        ("t1", {"kevin_hours": 40 / t.kevin_fte}, "divided"),
        ("t2", {"third": t.team[3]}, "counts from 0"),
        ("t2", {"third": t.team[1]}, "second person"),
        ("t3", {"newest_department": t.newest}, "person_id itself"),
        ("t3", {"newest_department": t.newest_name}, "name"),
        ("t4", {"n_three_days_home": t.n_two_plus}, "exactly 3"),
        ("t4", {"n_three_days_home": t.n}, "everyone"),
        ("t5", {"newest_in_team": t.oldest_ld}, "longest-serving"),
        ("t5", {"newest_in_team": t.newest}, "whole organisation"),
        ("t6", {"n_leeuwarden": t.n}, "everyone"),
        ("t6", {"n_leeuwarden": t.n_zwolle}, "another city"),
        ("t7", {"most_remote_department": t.least_remote}, "LEAST"),
    ]


def _expected_texts(t, qid):
    """What must never appear in a hint of this question: the right answer, as text."""
    value = next(iter(right(t)[qid].values()))
    if qid == "q1":
        return [f" {t.n_cs} ", f" {t.n_part_cs} "]
    if qid == "q3":
        return list(t.ops_leads)
    if qid == "q5":
        return [f"{t.share_part_time(d):.2f}" for d in t.per_department if t.share_part_time(d)]
    if qid == "q2":
        return []  # the counts per level are small numbers that may appear by chance
    return [str(value)]


def test_every_question_has_mistake_cases(t):
    covered = {qid for qid, _, _ in _mistakes(t)}
    assert covered == set(GRADED + TRIES)


def test_mistake_gets_its_hint_without_the_answer(t):
    for qid, values, phrase in _mistakes(t):
        res = ev(qid, **values)
        assert not res.passed and res.answered, (qid, values, res.message)
        assert phrase in res.message, (qid, phrase, res.message)
        for secret in _expected_texts(t, qid):
            assert secret not in f" {res.message} ", (qid, secret, res.message)


def test_each_mistake_of_a_question_gets_a_different_hint(t):
    seen: dict[str, set[str]] = {}
    for qid, values, _ in _mistakes(t):
        seen.setdefault(qid, set()).add(ev(qid, **values).message)
    distinct: dict[str, set[str]] = {}  # one department can be two mistakes at once (q6)
    for qid, values, _ in _mistakes(t):
        distinct.setdefault(qid, set()).add(repr(values))
    counts = {qid: len(v) for qid, v in distinct.items()}
    for qid, messages in seen.items():
        assert len(messages) == counts[qid], f"{qid}: two mistakes share one hint"


@pytest.mark.parametrize("odd", [None, ..., "", "abc", -1, 3.5, [], {}, object(), True])
@pytest.mark.parametrize("qid", GRADED + TRIES)
def test_odd_input_never_raises(qid, odd):
    q = {x.qid: x for x in checks.questions("m00")}[qid]
    res = ev(qid, **{v: odd for v in q.variables})
    assert not res.passed
    assert "could not read" not in res.message, res.message  # every odd value is explained


@pytest.mark.parametrize("qid", GRADED)
def test_hidden_passes_silently_on_the_right_answer(t, qid, capsys):
    hidden("m00", qid, *right(t)[qid].values())
    assert capsys.readouterr() == ("", "")


def test_hidden_fails_neutrally_on_every_mistake(t):
    for qid, values, _ in _mistakes(t):
        if qid.startswith("t"):
            continue
        with pytest.raises(AssertionError) as err:
            hidden("m00", qid, *values.values())
        assert str(err.value) == HIDDEN_MESSAGE.format(question=qid)


def test_hints_are_translated():
    with using_language("nl"):
        res = evaluate("t1", module="m00", kevin_hours=40)
    assert not res.passed
    assert "full-time week" not in res.message, "the Dutch hint is missing"
