"""Self-checks of module m05 (spreading change): right answers pass, mistakes get their hint.

The right answers are computed here from the bundled data the way the exercise's model solution
does (with pandas and socialhrm.adoption), nothing typed in. No hint may contain the expected
value.
"""

from __future__ import annotations

from types import SimpleNamespace

import networkx as nx
import pytest

import socialhrm
from socialhrm.adoption import (
    adoption_curve,
    compare_strategies,
    exposure_at_adoption,
    first_adopters,
    fit_adoption,
    simulate_adoption,
)
from socialhrm.checks import HIDDEN_MESSAGE, evaluate, hidden, questions
from socialhrm.checks import m05 as c05


@pytest.fixture(autouse=True)
def _isolated(monkeypatch, tmp_path):
    monkeypatch.setenv("SOCIALHRM_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    monkeypatch.setenv("SOCIALHRM_LANG", "en")


@pytest.fixture(scope="module")
def t():
    org = socialhrm.datasets.load("noordhaven")
    contacts = org.network("interactions", directed=False)
    people = org.people.set_index("person_id")
    ev = org.events
    posted = set(ev.loc[ev["event"] == "platform_first_post", "person_id"])
    curve = adoption_curve(ev, org.people)
    week_quarter = int(curve.loc[curve["share"] >= 0.25, "week"].min())
    dept = people["department"]
    size = dept.value_counts()
    size = size[size >= 5]
    n_posted = dept[dept.index.isin(posted)].value_counts().reindex(size.index, fill_value=0)
    share = n_posted / size
    expo = exposure_at_adoption(contacts, ev)
    pioneers = first_adopters(ev)
    later = expo[~expo.index.isin(pioneers)]
    rumour = simulate_adoption(contacts, pioneers, "cascade", runs=500, seed=0, p=0.05)
    cx = simulate_adoption(contacts, pioneers, "complex", runs=500, seed=0, k=3, q=0.5)
    table = compare_strategies(contacts, 5, ["random", "degree", "hr_first", "managers"],
                               "complex", runs=300, seed=0, model_params={"k": 3, "q": 0.5})
    reaching = table[table["share_of_runs_reaching_half"] > 0]
    fit = fit_adoption(contacts, ev, runs=100)
    team = nx.Graph(c05.TINY_TEAM_TIES)
    adopted = set(c05.TINY_TEAM_ADOPTERS)
    dina = list(team.neighbors("Dina"))
    hr = dept.index[dept == "HR"]
    return SimpleNamespace(
        adopters=len(posted), share=len(posted) / len(people), rows=len(ev),
        event_people=ev["person_id"].nunique(), week_quarter=week_quarter,
        lagging=share.idxmin(), fewest=n_posted.idxmin(),
        earlier=float((later["earlier_contacts"] > 0).mean()),
        earlier_all=float((expo["earlier_contacts"] > 0).mean()),
        rumour=float(rumour.summary["final_share_mean"].iloc[0]),
        complex=float(cx.summary["final_share_mean"].iloc[0]),
        rumour_other_seed=float(simulate_adoption(contacts, pioneers, "cascade", runs=500,
                                                  seed=1, p=0.05).final_share.mean()),
        fastest=reaching.loc[reaching["time_to_half_mean"].idxmin(), "strategy"],
        slowest=reaching.loc[reaching["time_to_half_mean"].idxmax(), "strategy"],
        never=table.loc[table["share_of_runs_reaching_half"] == 0, "strategy"].iloc[0],
        best_model=fit.loc[0, "model"],
        worst_model=fit.groupby("model")["rmse"].min().idxmax(),
        dina=sum(c in adopted for c in dina) / len(dina), dina_count=sum(c in adopted
                                                                         for c in dina),
        next_complex={p for p in team if p not in adopted
                      and sum(c in adopted for c in team.neighbors(p)) >= 2},
        next_simple={p for p in team if p not in adopted
                     and any(c in adopted for c in team.neighbors(p))},
        hr_share=sum(p in posted for p in hr) / len(hr), hr_count=sum(p in posted for p in hr),
    )


def ev(qid, **values):
    return evaluate(qid, module="m05", **values)


def right(t):
    return {
        "q1": {"adopters": t.adopters, "adoption_share": t.share},
        "q2": {"week_quarter": t.week_quarter},
        "q3": {"lagging_department": t.lagging},
        "q4": {"share_with_earlier_contact": t.earlier},
        "q5": {"rumour_share": t.rumour, "complex_share": t.complex},
        "q6": {"fastest_strategy": t.fastest, "never_half_strategy": t.never},
        "q7": {"best_model": t.best_model},
        "t1": {"dina_exposure": t.dina},
        "t2": {"next_adopters": t.next_complex},
        "t3": {"hr_share": t.hr_share},
    }


def test_questions_are_registered():
    qs = {q.qid: q for q in questions("m05")}
    assert set(qs) == {f"q{i}" for i in range(1, 8)} | {"t1", "t2", "t3"}
    assert all(q.graded == q.qid.startswith("q") for q in qs.values())


@pytest.mark.parametrize("qid", [f"q{i}" for i in range(1, 8)] + ["t1", "t2", "t3"])
def test_right_answers_pass(t, qid):
    res = ev(qid, **right(t)[qid])
    assert res.passed, res.message


@pytest.mark.parametrize("qid", [f"q{i}" for i in range(1, 8)])
def test_hidden_accepts_right_and_rejects_blank(t, qid):
    values = list(right(t)[qid].values())
    assert hidden("m05", qid, *values) is None
    with pytest.raises(AssertionError) as err:
        hidden("m05", qid, *([None] * len(values)))
    assert str(err.value) == HIDDEN_MESSAGE.format(question=qid)


def test_the_story_holds(t):
    # the data tell the story the exercise relies on
    assert t.lagging != t.fewest
    assert t.earlier != t.earlier_all
    assert t.complex > 2 * t.rumour
    assert t.fastest != t.slowest and t.never not in (t.fastest, t.slowest)
    assert t.best_model != "cascade" and t.worst_model == "cascade"
    assert t.next_complex != t.next_simple


def _mistakes(t):
    return [
        ("q1", {"adopters": t.rows, "adoption_share": t.share}, "first replies and exits"),
        ("q1", {"adopters": t.event_people, "adoption_share": t.share}, "everyone who appears"),
        ("q1", {"adopters": t.adopters, "adoption_share": t.adopters / t.event_people},
         "divides by the people in the events table"),
        ("q1", {"adopters": t.adopters, "adoption_share": 100 * t.share}, "percentage"),
        ("q1", {"adopters": float(t.adopters), "adoption_share": t.share}, "whole number"),
        ("q2", {"week_quarter": t.week_quarter + 1}, "counted from 0"),
        ("q2", {"week_quarter": t.week_quarter - 1}, "One week too early"),
        ("q3", {"lagging_department": t.fewest}, "Compare shares"),
        ("q3", {"lagging_department": "Legal"}, "not one of Noordhaven's departments"),
        ("q4", {"share_with_earlier_contact": t.earlier_all}, "launch-week pioneers"),
        ("q4", {"share_with_earlier_contact": 1 - t.earlier}, "WITHOUT"),
        ("q5", {"rumour_share": t.complex, "complex_share": t.rumour}, "swap"),
        ("q5", {"rumour_share": 100 * t.rumour, "complex_share": t.complex}, "percentage"),
        ("q5", {"rumour_share": t.rumour * 304, "complex_share": t.complex}, "above 1"),
        ("q6", {"fastest_strategy": t.never, "never_half_strategy": t.never},
         "never reaches half"),
        ("q6", {"fastest_strategy": t.slowest, "never_half_strategy": t.never}, "slowest"),
        ("q6", {"fastest_strategy": "volunteers", "never_half_strategy": t.never},
         "four strategy names"),
        ("q7", {"best_model": t.worst_model}, "fits worst"),
        ("q7", {"best_model": "gossip"}, "name of one of the kit's models"),
        ("t1", {"dina_exposure": t.dina_count}, "number of contacts"),
        ("t2", {"next_adopters": t.next_simple}, "ONE adopting contact"),
        ("t2", {"next_adopters": t.next_complex | {"Anouk"}}, "already adopted"),
        ("t3", {"hr_share": t.hr_count}, "number of HR people"),
    ]


def test_each_typical_mistake_gets_its_own_hint(t):
    seen = set()
    for qid, values, hint in _mistakes(t):
        res = ev(qid, **values)
        assert not res.passed, (qid, values)
        assert hint in res.message, (qid, values, res.message)
        seen.add((qid, res.message))
    assert len(seen) == len(_mistakes(t))  # no two mistakes share one message


def _leaks(message: str, values) -> list:
    found = []
    for v in values:
        if isinstance(v, float):
            for text in (f"{v:.2f}", f"{v:.3f}", f"{v:.0%}", f"{100 * v:.1f}"):
                if text in message:
                    found.append(text)
        elif isinstance(v, int) and f" {v} " in f" {message} ":
            found.append(str(v))
        elif isinstance(v, str) and v in message:
            found.append(v)
    return found


def test_no_hint_reveals_the_answer(t):
    for qid, values, _hint in _mistakes(t):
        res = ev(qid, **values)
        expected = list(right(t)[qid].values())
        assert not _leaks(res.message, [v for v in expected if not isinstance(v, set)]), (
            qid, res.message)


def test_monte_carlo_answers_allow_another_seed(t):
    res = ev("q5", rumour_share=t.rumour_other_seed, complex_share=t.complex)
    assert res.passed, res.message


def test_model_label_is_accepted(t):
    from socialhrm.adoption import MODELS

    assert ev("q7", best_model=MODELS[t.best_model]).passed


def test_hints_are_translated(t):
    from socialhrm.i18n import using_language

    with using_language("nl"):
        res = ev("q2", week_quarter=t.week_quarter + 1)
    assert not res.passed and "Telde je vanaf 1?" in res.message
