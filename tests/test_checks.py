"""Self-checks and hidden tests of module m01 (socialhrm.checks), without running notebooks.

The right answers are computed here from the bundled Noordhaven data with networkx, the way the
exercise's model solution does; nothing is typed in.

Note: `check` reads the learner's variables from the calling frame (its locals, then this
module's globals), so this module defines no global named like an answer variable.
"""

from __future__ import annotations

import json
import math
from types import SimpleNamespace

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import socialhrm
from socialhrm import checks
from socialhrm.checks import HIDDEN_MESSAGE, NotYet, Result, check, evaluate, hidden, question
from socialhrm.checks import m01 as checks_m01
from socialhrm.course import ProgressWarning, load_progress, progress_path, registry

FEMKE = "NH0068"  # the lesson's example: Femke, sought by many, manages nobody


@pytest.fixture(autouse=True)
def _isolated(monkeypatch, tmp_path):
    monkeypatch.setenv("SOCIALHRM_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)


@pytest.fixture(scope="module")
def t():
    """The right answers and the typical wrong ones, from the data."""
    org = socialhrm.datasets.load("noordhaven")
    advice = org.network("advice")
    chart = org.org_chart()
    trust = org.network("trust")
    people = org.people.set_index("person_id")
    noms = org.nominations
    answered = set(noms["respondent"])
    n, m = advice.number_of_nodes(), advice.number_of_edges()
    undirected = advice.to_undirected()

    in_deg = dict(advice.in_degree())
    out_deg = dict(advice.out_degree())
    (most_sought,) = [p for p, d in in_deg.items() if d == max(in_deg.values())]
    top_askers = [p for p, d in out_deg.items() if d == max(out_deg.values())]
    t_in = dict(trust.in_degree())
    (most_trusted,) = [p for p, d in t_in.items() if d == max(t_in.values())]
    managers = {p for p in chart if chart.out_degree(p) > 0}

    along = [(a, b) for a, b in advice.edges if chart.has_edge(a, b) or chart.has_edge(b, a)]
    up = [(a, b) for a, b in advice.edges if chart.has_edge(b, a)]
    down = [(a, b) for a, b in advice.edges if chart.has_edge(a, b)]
    same_team = [(a, b) for a, b in advice.edges
                 if people.loc[a, "team"] == people.loc[b, "team"]]

    team_leads = [p for p in chart if people.loc[p, "level"] == "manager"]
    share_named = {}
    for lead in team_leads:
        team = [r for r in chart.successors(lead) if r in answered]
        if team:
            share_named[lead] = sum(advice.has_edge(r, lead) for r in team) / len(team)
    bypassed = min(share_named, key=share_named.get)
    assert sorted(share_named.values())[1] > share_named[bypassed]  # one clear answer
    asked_instead = {}
    for r in chart.successors(bypassed):
        for v in advice.successors(r):
            if v != bypassed and chart.has_edge(bypassed, v):
                asked_instead[v] = asked_instead.get(v, 0) + 1
    go_to_instead = max(asked_instead, key=asked_instead.get)
    well_followed = max(share_named, key=share_named.get)
    director = next(p for p in chart if people.loc[p, "level"] == "director")

    tiny = nx.DiGraph()
    team = checks_m01.TINY_TEAM_CHART + checks_m01.TINY_TEAM_ADVICE
    tiny.add_nodes_from(u for e in team for u in e)
    tiny.add_edges_from(checks_m01.TINY_TEAM_ADVICE)

    mutual_ties = sum(1 for a, b in advice.edges if advice.has_edge(b, a))
    return SimpleNamespace(
        org=org, advice=advice, chart=chart, trust=trust, people=people,
        n=n, m=m, respondents=len(answered), all_rows=len(noms),
        with_tie=sum(1 for p in advice if advice.degree(p) > 0),
        pairs=undirected.number_of_edges(),
        density=nx.density(advice), reciprocity=nx.reciprocity(advice),
        trust_reciprocity=nx.reciprocity(trust),
        mutual_ties=mutual_ties, mutual_pairs=mutual_ties // 2,
        most_sought=most_sought, most_sought_is_manager=chart.out_degree(most_sought) > 0,
        top_asker=next(p for p in top_askers if p != most_sought),
        most_trusted=most_trusted,
        other_manager=next(p for p in sorted(managers, key=in_deg.get, reverse=True)
                           if p not in top_askers and p != most_trusted),
        nobody=next(p for p in sorted(advice, key=in_deg.get)
                    if p not in managers and p not in top_askers and p != most_trusted),
        share_formal=len(along) / m, along=len(along), up=len(up) / m, down=len(down) / m,
        same_team=len(same_team) / m,
        bypassed=bypassed, go_to_instead=go_to_instead, well_followed=well_followed,
        director=director, non_lead=most_sought if most_sought not in managers else None,
        tiny_density=nx.density(tiny), tiny_n=tiny.number_of_nodes(),
        tiny_m=tiny.number_of_edges(),
        femke_in=advice.in_degree(FEMKE), femke_out=advice.out_degree(FEMKE),
    )


def right(t) -> dict[str, dict]:
    """The right answer of every question, as the learner's variables."""
    return {
        "q1": {"n_people": t.n, "n_advice_ties": t.m},
        "q2": {"density": t.density},
        "q3": {"reciprocity": t.reciprocity},
        "q4": {"most_sought": t.most_sought, "most_sought_is_manager": t.most_sought_is_manager},
        "q5": {"share_formal": t.share_formal},
        "q6": {"bypassed_manager": t.bypassed},
        "t1": {"tiny_density": t.tiny_density},
        "t2": {"femke_asked_by": t.femke_in},
        "t3": {"trust_reciprocity": t.trust_reciprocity},
    }


ALL = ["q1", "q2", "q3", "q4", "q5", "q6", "t1", "t2", "t3"]


def expected_texts(t, qid: str) -> list[str]:
    """Ways the expected answer could show up in a message."""
    def number(x: float) -> list[str]:
        return [repr(x), f"{x:.3f}", f"{x:.4f}", f"{x:.5f}", f"{x:.6f}", f"{100 * x:.2f}",
                f"{100 * x:.1f}%"]

    return {
        "q1": [str(t.n), str(t.m)],
        "q2": number(t.density),
        "q3": number(t.reciprocity),
        "q4": [t.most_sought],
        "q5": number(t.share_formal),
        "q6": [t.bypassed],
        "t1": number(t.tiny_density),
        "t2": [str(t.femke_in)],
        "t3": number(t.trust_reciprocity),
    }[qid]


def ev(qid: str, **values) -> Result:
    return evaluate(qid, module="m01", **values)


# --------------------------------------------------------------------------------------------
# the registry


def test_m01_questions_are_registered():
    qs = checks.questions("m01")
    assert [q.qid for q in qs if q.graded] == ["q1", "q2", "q3", "q4", "q5", "q6"]
    assert [q.qid for q in qs if not q.graded] == ["t1", "t2", "t3"]
    byid = {q.qid: q for q in qs}
    assert byid["q1"].variables == ("n_people", "n_advice_ties")
    assert byid["q4"].variables == ("most_sought", "most_sought_is_manager")
    assert all(q.module == "m01" and q.title for q in qs)
    assert checks.questions("m77") == []


def test_question_decorator_registers_a_judge(monkeypatch):
    monkeypatch.setitem(registry.REGISTRY, "m98", {})

    @question("m98", "q1", ["answer"], "the answer", graded=False)
    def _judge(answer):
        if answer != 42:
            raise NotYet("Think again.")
        return "Right."

    (q,) = checks.questions("m98")
    assert (q.module, q.qid, q.variables, q.title, q.graded) == (
        "m98", "q1", ("answer",), "the answer", False)
    assert evaluate("q1", module="m98", answer=42) == Result("m98", "q1", True, True, "Right.")
    assert evaluate("q1", module="m98", answer=41).message == "Think again."
    # q1 now exists in two modules: without a module the check asks which one
    both = evaluate("q1", answer=42)
    assert not both.passed and not both.answered
    assert "Several modules" in both.message and "module='m" in both.message


def test_a_crashing_judge_does_not_raise(monkeypatch):
    monkeypatch.setitem(registry.REGISTRY, "m98", {})

    @question("m98", "q1", ["answer"], "the answer")
    def _judge(answer):
        raise ZeroDivisionError("boom")

    res = evaluate("q1", module="m98", answer=1)
    assert not res.passed and res.answered
    assert "could not read your answer" in res.message and "ZeroDivisionError" in res.message


def test_result_reads_as_its_message(t):
    res = ev("q2", density=t.density)
    assert str(res) == res.message
    assert (res.module, res.question, res.passed, res.answered) == ("m01", "q2", True, True)
    with pytest.raises(AttributeError):
        res.passed = False  # frozen


# --------------------------------------------------------------------------------------------
# right answers pass


@pytest.mark.parametrize("qid", ALL)
def test_right_answer_passes(t, qid):
    res = ev(qid, **right(t)[qid])
    assert res.passed and res.answered, res.message
    assert res.message


def test_question_id_shared_by_modules_needs_the_module(t):
    # m00 and m01 both have a q2: the notebook's MODULE (or module=) says which one
    both = evaluate("q2", density=t.density)
    assert not both.passed and "Several modules" in both.message
    assert evaluate("q2", module="m01", density=t.density).passed


def test_right_answers_as_numpy_values(t):
    assert ev("q1", n_people=np.int64(t.n), n_advice_ties=np.int32(t.m)).passed
    assert ev("q2", density=np.float64(t.density)).passed
    assert ev("q6", bypassed_manager=np.str_(t.bypassed)).passed
    assert ev("t2", femke_asked_by=np.int64(t.femke_in)).passed


def test_right_answer_the_way_the_notebook_computes_it(t):
    advice, chart = t.advice, t.chart
    most_sought = max(advice.nodes, key=advice.in_degree)
    assert ev("q4", most_sought=most_sought,
              most_sought_is_manager=chart.out_degree(most_sought) > 0).passed
    message = ev("q4", **right(t)["q4"]).message
    assert ("also a manager" if t.most_sought_is_manager else "manages nobody") in message


# --------------------------------------------------------------------------------------------
# typical mistakes get their own hint, and no hint gives the answer away


def _case(qid: str, values, phrase: str, leak_check: bool = True, *, label: str):
    """A typical mistake: ``values(t)`` gives the learner's variables, ``phrase`` is in the hint.

    ``leak_check=False`` where the learner's own value already contains the expected one (e.g.
    the right number written as text): the message may echo what the learner wrote.
    """
    return pytest.param(qid, values, phrase, leak_check, id=f"{qid}-{label}")


def _q4(who):
    return lambda t: {"most_sought": who(t), "most_sought_is_manager": t.most_sought_is_manager}


MISTAKES = [
    # q1: size ---------------------------------------------------------------------------------
    _case("q1", lambda t: {"n_people": t.respondents, "n_advice_ties": t.m},
          "number of people who answered the survey", label="respondents"),
    _case("q1", lambda t: {"n_people": t.with_tie, "n_advice_ties": t.m},
          "at least one advice tie", label="only-people-with-ties"),
    _case("q1", lambda t: {"n_people": t.m, "n_advice_ties": t.m},
          "number of ties or survey answers", label="people-is-ties"),
    _case("q1", lambda t: {"n_people": t.n, "n_advice_ties": t.pairs},
          "counts pairs of people", label="undirected-pairs"),
    _case("q1", lambda t: {"n_people": t.n, "n_advice_ties": t.all_rows},
          "all three survey questions", label="all-relations"),
    _case("q1", lambda t: {"n_people": t.n, "n_advice_ties": 2 * t.m},
          "twice too high", label="ties-twice"),
    _case("q1", lambda t: {"n_people": t.n, "n_advice_ties": t.n},
          "looks like the number of people", label="ties-is-people"),
    _case("q1", lambda t: {"n_people": t.n + 7, "n_advice_ties": t.m + 7},
          "Count the nodes", label="both-off"),
    _case("q1", lambda t: {"n_people": t.n + 0.5, "n_advice_ties": t.m},
          "not a whole number", False, label="not-whole"),
    _case("q1", lambda t: {"n_people": -1, "n_advice_ties": t.m}, "negative", label="negative"),
    _case("q1", lambda t: {"n_people": True, "n_advice_ties": t.m}, "yes/no value", label="bool"),
    _case("q1", lambda t: {"n_people": str(t.n), "n_advice_ties": t.m},
          "remove the quotes", False, label="text"),
    _case("q1", lambda t: {"n_people": float(t.n), "n_advice_ties": t.m},
          "wrap it in int(...)", False, label="float-form"),
    # (a hint never says how long the list is: that length would be the answer)
    _case("q1", lambda t: {"n_people": t.n, "n_advice_ties": list(t.advice.edges)},
          "use len(...)", False, label="list"),
    # q2: density ------------------------------------------------------------------------------
    _case("q2", lambda t: {"density": t.m / t.n ** 2}, "you divided by n × n", label="n-squared"),
    _case("q2", lambda t: {"density": t.m / (t.n * (t.n - 1) / 2)},
          "about twice what we expect", label="undirected-possible"),
    _case("q2", lambda t: {"density": t.density / 2}, "about half of what we expect",
          label="half"),
    _case("q2", lambda t: {"density": 100 * t.density}, "100 times too high", label="percentage"),
    _case("q2", lambda t: {"density": t.m / (t.respondents * (t.respondents - 1))},
          "counted only some of the people", label="respondents-only"),
    _case("q2", lambda t: {"density": round(t.density, 3)}, "did you round", label="rounded-3"),
    _case("q2", lambda t: {"density": 0.5}, "Density = the number of ties divided by",
          label="other"),
    _case("q2", lambda t: {"density": 250.0}, "must be a share between 0 and 1",
          label="out-of-range"),
    _case("q2", lambda t: {"density": t.advice}, "whole directed network", label="graph"),
    _case("q2", lambda t: {"density": nx.density}, "forget the brackets", label="function"),
    _case("q2", lambda t: {"density": float("inf")}, "infinite", label="inf"),
    # q3: reciprocity --------------------------------------------------------------------------
    _case("q3", lambda t: {"reciprocity": t.trust_reciprocity},
          "reciprocity of the trust network", label="trust"),
    _case("q3", lambda t: {"reciprocity": t.mutual_pairs / t.pairs},
          "You counted pairs of people", label="undirected-pairs"),
    _case("q3", lambda t: {"reciprocity": t.mutual_ties}, "looks like a count",
          label="count-ties"),
    _case("q3", lambda t: {"reciprocity": t.mutual_pairs}, "looks like a count",
          label="count-pairs"),
    _case("q3", lambda t: {"reciprocity": t.reciprocity / 2}, "about half", label="half"),
    _case("q3", lambda t: {"reciprocity": 1 - t.reciprocity}, "NOT returned",
          label="not-returned"),
    _case("q3", lambda t: {"reciprocity": 100 * t.reciprocity}, "100 times too high",
          label="percentage"),
    _case("q3", lambda t: {"reciprocity": nx.reciprocity(t.advice, list(t.advice)[:5])},
          "one value per person", label="per-person"),
    _case("q3", lambda t: {"reciprocity": round(t.reciprocity, 2)}, "did you round",
          label="rounded"),
    _case("q3", lambda t: {"reciprocity": 0.9}, "what share has a tie B → A", label="other"),
    # q4: most sought --------------------------------------------------------------------------
    _case("q4", _q4(lambda t: t.top_asker), "ASKS many colleagues", label="out-degree"),
    _case("q4", _q4(lambda t: t.most_trusted), "most trusted person", label="trust"),
    _case("q4", _q4(lambda t: t.other_manager),
          "a manager who is asked often, but not the most", label="manager"),
    _case("q4", _q4(lambda t: t.nobody), "highest in-degree", label="other"),
    _case("q4", _q4(lambda t: t.people.loc[t.most_sought, "name"]), "looks like a name",
          label="name"),
    _case("q4", _q4(lambda t: t.most_sought.lower()), "almost a person_id", label="lower-case"),
    _case("q4", _q4(lambda t: f" {t.most_sought} "), "no spaces", False, label="spaces"),
    _case("q4", _q4(lambda t: "NH9999"), "nobody's person_id", label="unknown-id"),
    _case("q4", _q4(lambda t: (t.most_sought, 17)), "keep only the person_id", False, label="pair"),
    _case("q4", _q4(lambda t: [t.most_sought]), "give one person_id", False, label="list"),
    _case("q4", _q4(lambda t: 42), "as text", label="number"),
    _case("q4", lambda t: {"most_sought": t.most_sought,
                           "most_sought_is_manager": not t.most_sought_is_manager},
          "`most_sought_is_manager` is not yet", label="wrong-bool"),
    _case("q4", lambda t: {"most_sought": t.most_sought,
                           "most_sought_is_manager": np.bool_(t.most_sought_is_manager)},
          "write bool(...)", label="numpy-bool"),
    _case("q4", lambda t: {"most_sought": t.most_sought,
                           "most_sought_is_manager": str(t.most_sought_is_manager)},
          "without quotes", label="bool-as-text"),
    _case("q4", lambda t: {"most_sought": t.most_sought,
                           "most_sought_is_manager": int(t.most_sought_is_manager)},
          "write True or False", label="bool-as-int"),
    # q5: along the org chart ------------------------------------------------------------------
    _case("q5", lambda t: {"share_formal": t.up}, "only people who ask their own manager",
          label="up-only"),
    _case("q5", lambda t: {"share_formal": t.down}, "only managers asking their own reports",
          label="down-only"),
    _case("q5", lambda t: {"share_formal": 1 - t.share_formal}, "do NOT follow a reporting",
          label="complement"),
    _case("q5", lambda t: {"share_formal": t.same_team}, "ties within the same team",
          label="same-team"),
    _case("q5", lambda t: {"share_formal": 100 * t.share_formal}, "100 times too high",
          label="percentage"),
    _case("q5", lambda t: {"share_formal": t.along}, "looks like a count of ties", label="count"),
    _case("q5", lambda t: {"share_formal": round(t.share_formal, 2)}, "did you round",
          label="rounded"),
    _case("q5", lambda t: {"share_formal": 0.9}, "is there an org-chart edge between them",
          label="other"),
    # q6: bypassed team lead -------------------------------------------------------------------
    _case("q6", lambda t: {"bypassed_manager": t.go_to_instead},
          "the colleague this team goes to instead", label="colleague"),
    _case("q6", lambda t: {"bypassed_manager": t.non_lead}, "leads nobody in the org chart",
          label="not-a-manager"),
    _case("q6", lambda t: {"bypassed_manager": t.director}, "director or the CEO",
          label="director"),
    _case("q6", lambda t: {"bypassed_manager": t.well_followed},
          "team lead with the lowest share", label="other-lead"),
    _case("q6", lambda t: {"bypassed_manager": t.people.loc[t.bypassed, "name"]},
          "looks like a name", label="name"),
    _case("q6", lambda t: {"bypassed_manager": "NH9999"}, "nobody's person_id",
          label="unknown-id"),
    # lesson tries -----------------------------------------------------------------------------
    _case("t1", lambda t: {"tiny_density": t.tiny_m / t.tiny_n ** 2}, "divided by n × n",
          label="n-squared"),
    _case("t1", lambda t: {"tiny_density": 2 * t.tiny_density}, "twice too high",
          label="undirected"),
    _case("t1", lambda t: {"tiny_density": 100 * t.tiny_density}, "percentage",
          label="percentage"),
    _case("t1", lambda t: {"tiny_density": 0.9}, "divide by n × (n − 1)", label="other"),
    _case("t2", lambda t: {"femke_asked_by": t.femke_out}, "how many colleagues SHE asks",
          label="out-degree"),
    _case("t2", lambda t: {"femke_asked_by": t.femke_in + t.femke_out},
          "ties in both directions", label="degree"),
    _case("t2", lambda t: {"femke_asked_by": t.femke_in + 100},
          "count the incoming advice ties", label="other"),
    _case("t2", lambda t: {"femke_asked_by": True}, "yes/no value", label="bool"),
    _case("t3", lambda t: {"trust_reciprocity": t.reciprocity},
          "advice network's reciprocity", label="advice"),
    _case("t3", lambda t: {"trust_reciprocity": 100 * t.trust_reciprocity}, "percentage",
          label="percentage"),
    _case("t3", lambda t: {"trust_reciprocity": 0.01}, "what share has a tie B → A back",
          label="other"),
]


@pytest.mark.parametrize(("qid", "values", "phrase", "leak_check"), MISTAKES)
def test_mistake_gets_its_hint(t, qid, values, phrase, leak_check):
    answer = values(t)
    res = ev(qid, **answer)
    assert not res.passed and res.answered, (answer, res.message)
    assert phrase in res.message, (answer, res.message)
    assert "could not read your answer" not in res.message  # the judge handled it itself
    if leak_check:
        for text in expected_texts(t, qid):
            assert text not in res.message, (answer, text, res.message)


def test_every_question_has_mistake_cases():
    assert {p.values[0] for p in MISTAKES} == set(ALL)


def test_q1_judges_both_variables_at_once(t):
    res = ev("q1", n_people=t.n, n_advice_ties=t.pairs)
    assert not res.passed
    assert "`n_people` is right." in res.message and "counts pairs of people" in res.message
    res = ev("q1", n_people=t.respondents, n_advice_ties=t.m)
    assert "answered the survey" in res.message and "`n_advice_ties` is right." in res.message


def test_q2_percentage_hint_also_for_a_rounded_percentage(t):
    res = ev("q2", density=round(100 * t.density, 2))
    assert "100 times too high" in res.message or "percentage" in res.message


def test_q4_wrong_bool_confirms_the_person_without_giving_the_bool(t):
    res = ev("q4", most_sought=t.most_sought, most_sought_is_manager=not t.most_sought_is_manager)
    assert "`most_sought` is right" in res.message
    assert t.most_sought not in res.message


def test_q6_other_lead_hint_describes_that_lead_only(t):
    res = ev("q6", bypassed_manager=t.well_followed)
    assert "out of" in res.message
    assert t.bypassed not in res.message and t.go_to_instead not in res.message


@pytest.mark.parametrize(("qid", "values"), [
    pytest.param("q1", lambda t: {"n_people": t.advice, "n_advice_ties": t.advice}, id="graph"),
    pytest.param("q1", lambda t: {"n_people": t.advice.nodes, "n_advice_ties": t.advice.edges},
                 id="views"),
    pytest.param("q1", lambda t: {"n_people": list(t.advice), "n_advice_ties": t.m},
                 id="list"),
    pytest.param("t2", lambda t: {"femke_asked_by": list(t.advice.predecessors(FEMKE))},
                 id="t2-list"),
])
def test_container_hints_do_not_give_the_count_away(t, qid, values):
    res = ev(qid, **values(t))
    assert not res.passed and res.answered
    for text in expected_texts(t, qid):
        assert text not in res.message, (text, res.message)


@pytest.mark.parametrize("digits", [4, 5, 6])
def test_q2_rounded_density_is_told_to_keep_the_full_value(t, digits):
    res = ev("q2", density=round(t.density, digits))
    assert not res.passed
    assert "round" in res.message and "n × n" not in res.message


# --------------------------------------------------------------------------------------------
# odd inputs never raise; None and ... are "not answered"

ODD = [
    pytest.param("a lot", id="str"),
    pytest.param("", id="empty-str"),
    pytest.param([1, 2], id="list"),
    pytest.param((), id="empty-tuple"),
    pytest.param({"NH0001": 1}, id="dict"),
    pytest.param(np.float64(0.5), id="np-float"),
    pytest.param(np.float32(0.25), id="np-float32"),
    pytest.param(np.int64(3), id="np-int"),
    pytest.param(True, id="bool"),
    pytest.param(np.bool_(False), id="np-bool"),
    pytest.param(float("nan"), id="nan"),
    pytest.param(np.nan, id="np-nan"),
    pytest.param(float("-inf"), id="-inf"),
    pytest.param(1 + 2j, id="complex"),
    pytest.param(pd.NA, id="pd-NA"),
    pytest.param(pd.Series([1, 2]), id="series"),
    pytest.param(pd.DataFrame({"a": [1]}), id="frame"),
    pytest.param(np.array([0.1, 0.2]), id="array"),
    pytest.param(np.array(0.5), id="0d-array"),
    pytest.param(object(), id="object"),
    pytest.param(print, id="function"),
]


@pytest.mark.parametrize("odd", ODD)
@pytest.mark.parametrize("qid", ALL)
def test_odd_input_never_raises(t, qid, odd):
    answers = right(t)[qid]
    for var in answers:
        values = {**answers, var: odd}
        res = ev(qid, **values)
        assert isinstance(res, Result)
        assert not res.passed and res.answered, (var, res.message)
        assert isinstance(res.message, str) and res.message
        assert "could not read your answer" not in res.message, (var, res.message)


@pytest.mark.parametrize("qid", ALL)
def test_nan_is_explained(t, qid):
    var = next(iter(right(t)[qid]))
    res = ev(qid, **{**right(t)[qid], var: float("nan")})
    if qid in {"q4", "q6"}:  # a person is asked for
        assert "as text" in res.message or "True or False" in res.message
    else:
        assert "NaN" in res.message


@pytest.mark.parametrize("blank", [None, ...])
@pytest.mark.parametrize("qid", ALL)
def test_none_or_ellipsis_is_not_answered(t, qid, blank):
    answers = right(t)[qid]
    for var in answers:
        res = ev(qid, **{**answers, var: blank})
        assert not res.passed and not res.answered
        assert "Not answered yet" in res.message and f"`{var}`" in res.message
        assert "still empty" in res.message


def test_missing_variable_is_not_answered(t):
    res = ev("q1", n_people=t.n)
    assert not res.answered and not res.passed
    assert "`n_advice_ties` does not exist yet" in res.message


def test_unknown_question_or_module_is_a_message():
    res = evaluate("q9", module="m01", density=0.1)
    assert not res.passed and not res.answered
    assert "no question 'q9'" in res.message and "q1, q2" in res.message and "t1" in res.message
    res = evaluate("q1", module="m42")
    assert (res.module, res.passed, res.answered) == ("m42", False, False)
    assert "no self-checks for module 'm42'" in res.message and "m01" in res.message
    res = evaluate("zz")
    assert (res.module, res.question) == ("?", "zz")
    assert "There is no question 'zz'" in res.message and 'check("q1")' in res.message
    assert not evaluate(2, module="m01").passed  # a number as id does not raise


# --------------------------------------------------------------------------------------------
# hidden tests


@pytest.mark.parametrize("qid", ALL)
def test_hidden_passes_silently_on_the_right_answer(t, qid, capsys):
    assert hidden("m01", qid, *right(t)[qid].values()) is None
    assert capsys.readouterr() == ("", "")
    assert not progress_path().exists()  # records nothing


@pytest.mark.parametrize(("qid", "values", "phrase", "leak_check"), MISTAKES)
def test_hidden_fails_neutrally_on_a_mistake(t, qid, values, phrase, leak_check, capsys):
    answer = values(t)
    with pytest.raises(AssertionError) as err:
        hidden("m01", qid, *answer.values())
    assert str(err.value) == HIDDEN_MESSAGE.format(question=qid)
    assert phrase not in str(err.value)
    for text in expected_texts(t, qid):
        assert text not in str(err.value)
    assert capsys.readouterr() == ("", "")
    assert not progress_path().exists()


def test_hidden_message_is_neutral():
    assert HIDDEN_MESSAGE.format(question="q2") == (
        "q2: not yet correct — see the self-check for a hint")


@pytest.mark.parametrize("call", [
    pytest.param(lambda t: ("m01", "q2", None), id="None"),
    pytest.param(lambda t: ("m01", "q2", ...), id="Ellipsis"),
    pytest.param(lambda t: ("m01", "q2", "a lot"), id="text"),
    pytest.param(lambda t: ("m01", "q2", float("nan")), id="nan"),
])
def test_hidden_fails_neutrally_on_odd_values(t, call):
    args = call(t)
    with pytest.raises(AssertionError) as err:
        hidden(*args)
    assert str(err.value) == HIDDEN_MESSAGE.format(question=args[1])


@pytest.mark.parametrize(("call", "phrase"), [
    pytest.param(lambda t: ("m01", "q2"), "takes 1 value(s) (density), not 0",
                 id="too-few-values"),
    pytest.param(lambda t: ("m01", "q2", t.density, t.density), "not 2", id="too-many-values"),
    pytest.param(lambda t: ("m01", "q1", t.n), "(n_people, n_advice_ties), not 1",
                 id="one-of-two"),
    pytest.param(lambda t: ("m42", "q2", t.density), "no self-checks for module 'm42'",
                 id="unknown-module"),
    pytest.param(lambda t: ("m01", "q9", t.density), "no question 'q9'",
                 id="unknown-question"),
])
def test_a_wrongly_set_up_hidden_test_says_so(t, call, phrase):
    """An author's typo must not look like every learner's wrong answer."""
    args = call(t)
    with pytest.raises(LookupError) as err:
        hidden(*args)
    assert "set up wrongly" in str(err.value) and phrase in str(err.value)
    assert "tell your trainer" in str(err.value)


# --------------------------------------------------------------------------------------------
# check(): reads the caller's variables, prints, records


def _record(module: str, qid: str) -> dict:
    return load_progress()["modules"][module]["questions"][qid]


def test_check_reads_locals_and_records_a_pass(t, capsys):
    MODULE = "m01"  # noqa: F841 - read by check() from this frame
    density = t.density  # noqa: F841
    assert check("q2") is None
    out = capsys.readouterr().out
    assert out.startswith("✔ q2 (density of the advice network): Right.")
    rec = _record("m01", "q2")
    assert rec["passed"] is True and rec["graded"] is True and rec["attempts"] == 1


def test_check_records_a_wrong_answer_with_its_hint(t, capsys):
    MODULE = "m01"  # noqa: F841
    reciprocity = t.trust_reciprocity  # noqa: F841
    check("q3")
    out = capsys.readouterr().out
    assert out.startswith("✘ q3 (") and "trust network" in out
    for text in expected_texts(t, "q3"):
        assert text not in out
    rec = _record("m01", "q3")
    assert rec["passed"] is False and rec["last_result"] == "not yet"


def test_check_two_variables_from_locals(t, capsys):
    MODULE = "m01"  # noqa: F841
    most_sought = t.most_sought  # noqa: F841
    most_sought_is_manager = t.most_sought_is_manager  # noqa: F841
    check("q4")
    assert capsys.readouterr().out.startswith("✔ q4")
    assert _record("m01", "q4")["passed"] is True


def test_check_lesson_try_is_recorded_as_not_graded(t, capsys):
    MODULE = "m01"  # noqa: F841 - read by check() from this frame (m00 has a t1 too)
    tiny_density = t.tiny_density  # noqa: F841
    check("t1")
    assert capsys.readouterr().out.startswith("✔ t1")
    rec = _record("m01", "t1")
    assert rec["passed"] is True and rec["graded"] is False


def test_check_not_answered_is_not_recorded(capsys):
    MODULE = "m01"  # noqa: F841
    density = None  # noqa: F841
    check("q2")
    out = capsys.readouterr().out
    assert out.startswith("… q2") and "still empty" in out
    check("q6")  # bypassed_manager does not exist here
    assert "does not exist yet" in capsys.readouterr().out
    assert not progress_path().exists()


def test_check_keyword_values_win_over_the_notebook(t, capsys):
    MODULE = "m01"  # noqa: F841
    density = 0.5  # noqa: F841
    check("q2", density=t.density)
    assert capsys.readouterr().out.startswith("✔ q2")


def test_check_not_recorded_while_autograding(t, capsys, monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    MODULE = "m01"  # noqa: F841
    density = t.density  # noqa: F841
    check("q2")
    assert capsys.readouterr().out.startswith("✔ q2")
    assert not progress_path().exists()
    monkeypatch.setenv("NBGRADER_EXECUTION", "validate")
    check("q2")
    capsys.readouterr()
    assert _record("m01", "q2")["passed"] is True


def test_check_unknown_question_and_module_are_messages(capsys):
    MODULE = "m01"  # noqa: F841
    assert check("q9") is None
    out = capsys.readouterr().out
    assert "Module m01 has no question 'q9'" in out and "q1" in out
    check("q1", module="m42")
    assert "no self-checks for module 'm42'" in capsys.readouterr().out
    assert not progress_path().exists()


def test_check_unknown_question_without_module(capsys):
    check("zz")
    assert "There is no question 'zz'" in capsys.readouterr().out


@pytest.mark.parametrize("odd", ODD)
def test_check_never_raises_on_odd_input(odd, capsys):
    MODULE = "m01"  # noqa: F841
    share_formal = odd  # noqa: F841
    check("q5")
    out = capsys.readouterr().out
    assert out.startswith("✘ q5") and "self-check itself ran into a problem" not in out


def test_check_reports_progress_that_cannot_be_saved(t, capsys, monkeypatch, tmp_path):
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SOCIALHRM_HOME", str(blocker))
    MODULE = "m01"  # noqa: F841
    density = t.density  # noqa: F841
    check("q2")
    out = capsys.readouterr().out
    assert out.startswith("✔ q2") and "could not be saved" in out


def test_check_still_shows_the_verdict_with_a_damaged_progress_file(t, capsys):
    path = progress_path()
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"version": 1, "modules": {"m01": "damaged"}}))
    MODULE = "m01"  # noqa: F841
    density = t.density  # noqa: F841
    with pytest.warns(ProgressWarning, match="damaged"):
        check("q2")
    assert capsys.readouterr().out.startswith("✔ q2")
    assert _record("m01", "q2")["passed"] is True  # a fresh progress, the old file kept aside
    assert len(list(path.parent.glob("progress.json.broken-*"))) == 1


def test_check_reads_module_globals_too(t, capsys):
    namespace = {"MODULE": "m01", "density": t.density, "check": check}
    exec("check('q2')", namespace)  # like a notebook cell: the variables are globals
    assert capsys.readouterr().out.startswith("✔ q2")
    assert json.loads(progress_path().read_text())["modules"]["m01"]["questions"]["q2"]


def test_check_with_a_module_without_checks_says_so(t, capsys):
    MODULE = "m42"  # noqa: F841
    n_people, n_advice_ties = t.n, t.m  # noqa: F841
    check("q1")
    out = capsys.readouterr().out
    assert "no self-checks for module 'm42'" in out
    assert not progress_path().exists()


def test_fixture_sanity(t):
    # the answers computed above are what the questions are about
    assert 0 < t.density < 1 and 0 < t.reciprocity < 1 and 0 < t.share_formal < 1
    assert not math.isnan(t.trust_reciprocity)
    assert t.people.loc[FEMKE, "name"].startswith("Femke")
    assert t.non_lead is not None
