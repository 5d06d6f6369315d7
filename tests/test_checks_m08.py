"""Self-checks of module m08 (referrals and weak ties), without running notebooks.

The right answers are computed here from the bundled data with pandas and networkx, the way
the model solution does; each typical mistake gets its own hint, and no hint shows the answer.
"""

from __future__ import annotations

import networkx as nx
import pytest

import socialhrm
from socialhrm.checks import evaluate, hidden
from socialhrm.reach import referral_outcomes


@pytest.fixture(autouse=True)
def _isolated(monkeypatch, tmp_path):
    monkeypatch.setenv("SOCIALHRM_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)


@pytest.fixture(scope="module")
def a():
    org = socialhrm.datasets.load("noordhaven")
    ref, apps = org.referrals, org.applications
    here = ref[ref["hired"] & ref["person_id"].notna()]
    chains = nx.DiGraph(list(zip(here["referrer"], here["person_id"], strict=True)))
    hires = ref[ref["hired"]]["referrer"].value_counts()
    refs = ref["referrer"].value_counts()
    fewer = [p for p in refs.index if hires.get(p, 0) < hires.max()][0]
    r = apps[apps["channel"] == "referral"]
    rh = r[r["hired"]]
    ch = referral_outcomes(apps, org.costs)
    tie = referral_outcomes(apps, org.costs, by="tie_strength")
    weak = float((rh["tie_strength"] == "weak").mean())
    early = apps[apps["applied_date"] < "2023-01-01"]  # the lesson's first two years
    early_tie = referral_outcomes(early, org.costs, by="tie_strength")
    return dict(
        q1=nx.dag_longest_path_length(chains), q2=hires.idxmax(), q2_fewer=fewer,
        q3=float(r["hired"].mean()), q3_all=float(r["hired"].sum() / len(apps)),
        q4=float(rh["time_to_hire_days"].median()),
        q4_mean=float(rh["time_to_hire_days"].mean()),
        q5=float(ch.loc["referral", "first_year_retention"]
                 - ch.loc["job board", "first_year_retention"]),
        q5_certain=bool(ch.loc["referral", "retention_low"]
                        > ch.loc["job board", "retention_high"]),
        q6=weak, q6_refs=float((r["tie_strength"] == "weak").mean()),
        q6_strong=bool(tie.loc["strong", "hire_rate"] > tie.loc["weak", "hire_rate"]),
        t2=float(early[early["channel"] == "job board"]["hired"].mean()),
        t2_all=float(apps[apps["channel"] == "job board"]["hired"].mean()),
        t3=float(early_tie.loc["strong", "hire_rate"]),
        t3_weak=float(early_tie.loc["weak", "hire_rate"]),
    )


def _msg(qid, **values):
    return evaluate(qid, module="m08", **values)


def _not_yet(qid, expected, **values):
    r = _msg(qid, **values)
    assert not r.passed, (qid, values)
    for value in expected:
        for shown in {str(value), f"{value:.2f}" if isinstance(value, float) else str(value)}:
            assert shown not in r.message, f"{qid} hint shows the answer {shown}: {r.message}"
    return r.message


def test_right_answers_pass(a):
    assert _msg("q1", chain_length=a["q1"]).passed
    assert _msg("q2", best_referrer=a["q2"]).passed
    assert _msg("q3", referral_hire_rate=a["q3"]).passed
    assert _msg("q4", referral_median_days=a["q4"]).passed
    assert _msg("q5", retention_gap=a["q5"], gap_is_certain=a["q5_certain"]).passed
    assert _msg("q6", weak_share_of_hires=a["q6"], strong_hires_more_often=a["q6_strong"]).passed
    assert _msg("t1", tiny_chain=3).passed
    assert _msg("t2", job_board_hire_rate=a["t2"]).passed
    assert _msg("t3", strong_rate=a["t3"]).passed
    hidden("m08", "q3", a["q3"])
    with pytest.raises(AssertionError):
        hidden("m08", "q3", a["q3_all"])


def test_the_planted_story_is_what_the_checks_expect(a):
    # strong ties are hired more often, yet most referral hires come through weak ties
    assert a["q6_strong"] and a["q6"] > 0.5


def test_q1_q2_mistakes(a):
    assert "people" in _not_yet("q1", [a["q1"]], chain_length=a["q1"] + 1)
    assert "hired == True" in _not_yet("q2", [a["q2"]], best_referrer=a["q2_fewer"])


def test_q3_q4_mistakes(a):
    assert "all applications" in _not_yet("q3", [a["q3"]], referral_hire_rate=a["q3_all"])
    assert "NOT hired" in _not_yet("q3", [a["q3"]], referral_hire_rate=1 - a["q3"])
    assert "percentage" in _not_yet("q3", [a["q3"]], referral_hire_rate=100 * a["q3"])
    assert "mean" in _not_yet("q4", [a["q4"]], referral_median_days=a["q4_mean"])


def test_q5_mistakes(a):
    m = _not_yet("q5", [a["q5"]], retention_gap=-a["q5"], gap_is_certain=a["q5_certain"])
    assert "sign" in m
    m = _not_yet("q5", [], retention_gap=a["q5"], gap_is_certain=not a["q5_certain"])
    assert "interval" in m


def test_q6_mistakes(a):
    m = _not_yet("q6", [a["q6"]], weak_share_of_hires=a["q6_refs"],
                 strong_hires_more_often=a["q6_strong"])
    assert "all referrals" in m
    m = _not_yet("q6", [], weak_share_of_hires=a["q6"], strong_hires_more_often=not a["q6_strong"])
    assert "hire rates" in m


def test_lesson_tries_mistakes(a):
    assert "people" in _not_yet("t1", [], tiny_chain=4)
    assert "weak-tie" in _not_yet("t3", [a["t3"]], strong_rate=a["t3_weak"])
    assert "all years" in _not_yet("t2", [a["t2"]], job_board_hire_rate=a["t2_all"])
