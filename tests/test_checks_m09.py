"""Self-checks of module m09 (the business case): right answers pass, typical mistakes get
their own hint, and no hint shows the expected value. Expected values come from the library."""

from __future__ import annotations

import pytest

from socialhrm.business_case import business_case, evaluate_case, noordhaven_assumptions
from socialhrm.business_case import sensitivity as tornado_of
from socialhrm.checks import evaluate, hidden, questions


@pytest.fixture(autouse=True)
def _isolated(monkeypatch, tmp_path):
    monkeypatch.setenv("SOCIALHRM_HOME", str(tmp_path / "home"))


@pytest.fixture(scope="module")
def r():
    a = noordhaven_assumptions()
    v = a.set_index("assumption")["likely"].to_dict()
    case = business_case(a, runs=10000, seed=0)
    only = business_case(a, scenario="recruitment_only", runs=10000, seed=0)
    s = v["average_salary"]
    leaver = (s * v["replacement_cost_share"]
              + s * (1 + v["on_costs"]) * v["ramp_up_months"] / 12 * v["ramp_up_output_loss"])
    return {
        "v": v, "extra": v["hires_per_year"] * v["extra_referral_share"], "leaver": leaver,
        "net": evaluate_case(v, 3)["net_return"][0],
        "net1": evaluate_case(v, 1)["net_return"][0],
        "chance": float((case.runs["net_return"] > 0).mean()),
        "payback": float(case.summary.loc["payback_months", "median"]),
        "tornado": list(tornado_of(a).index),
        "only": float(only.summary.loc["net_return", "median"]),
        "only_mean": float(only.summary.loc["net_return", "mean"]),
        "full_median": float(case.summary.loc["net_return", "median"]),
        "loss": float((case.runs["net_return"] < 0).mean()),
    }


def _verdict(qid, **values):
    return evaluate(qid, module="m09", **values)


def _no_leak(message, *numbers):
    for x in numbers:
        if abs(x) >= 10:
            texts = [f"{x:,.0f}", f"{x:.0f}", f"{x:.2f}"]
        else:
            texts = [f"{x:.3f}", f"{x:.2f}"] + ([f"{x:.0%}"] if 0 < x < 1 else [])
        for text in texts:
            assert text not in message, (text, message)


def test_questions_registered():
    ids = [q.qid for q in questions("m09")]
    assert ids == ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "t1", "t2", "t3"]


def test_right_answers_pass(r):
    right = {
        "q1": {"extra_referral_hires": r["extra"]}, "q2": {"cost_of_a_leaver": r["leaver"]},
        "q3": {"net_return_likely": float(r["net"])}, "q4": {"chance_positive": r["chance"]},
        "q5": {"payback_median": r["payback"]}, "q6": {"top_driver": r["tornado"][0]},
        "q7": {"recruitment_only_median": r["only"]},
        "t1": {"recruitment_savings_year": r["extra"] * (r["v"]["cost_per_hire_other"]
                                                         - r["v"]["cost_per_hire_referral"])},
        "t2": {"chance_of_loss": r["loss"]}, "t3": {"second_driver": r["tornado"][1]},
    }
    for qid, values in right.items():
        result = _verdict(qid, **values)
        assert result.passed, (qid, result.message)
        hidden("m09", qid, *values.values())


@pytest.mark.parametrize("qid, make, hint", [
    ("q1", lambda r: {"extra_referral_hires": 100 * r["extra"]}, "100 times"),
    ("q1", lambda r: {"extra_referral_hires": r["v"]["hires_per_year"]}, "all hires"),
    ("q1", lambda r: {"extra_referral_hires": round(r["extra"])}, "round"),
    ("q2", lambda r: {"cost_of_a_leaver": r["v"]["average_salary"]
                      * r["v"]["replacement_cost_share"]}, "only the replacement"),
    ("q2", lambda r: {"cost_of_a_leaver": r["leaver"] - r["v"]["average_salary"]
                      * r["v"]["on_costs"] * r["v"]["ramp_up_months"] / 12
                      * r["v"]["ramp_up_output_loss"]}, "on-costs"),
    ("q3", lambda r: {"net_return_likely": -float(r["net"])}, "sign"),
    ("q3", lambda r: {"net_return_likely": float(r["net1"])}, "one year"),
    ("q4", lambda r: {"chance_positive": 100 * r["chance"]}, "percentage"),
    ("q4", lambda r: {"chance_positive": 1 - r["chance"]}, "chance of a loss"),
    ("q5", lambda r: {"payback_median": r["payback"] / 12}, "years"),
    ("q6", lambda r: {"top_driver": r["tornado"][-1]}, "least"),
    ("q6", lambda r: {"top_driver": r["tornado"][1]}, "even more"),
    ("q6", lambda r: {"top_driver": "happiness"}, "not an assumption"),
    ("q7", lambda r: {"recruitment_only_median": r["full_median"]}, "full scenario"),
    ("q7", lambda r: {"recruitment_only_median": r["only_mean"]}, "mean"),
    ("t2", lambda r: {"chance_of_loss": 1 - r["loss"]}, "chance of a gain"),
])
def test_typical_mistakes_get_their_hint_without_the_answer(r, qid, make, hint):
    result = _verdict(qid, **make(r))
    assert not result.passed and result.answered
    assert hint in result.message
    _no_leak(result.message, r["extra"], r["leaver"], float(r["net"]), r["chance"],
             r["payback"], r["only"])
    with pytest.raises(AssertionError, match="not yet correct"):
        hidden("m09", qid, *make(r).values())


def test_label_instead_of_name(r):
    label = tornado_of().iloc[0]["label"]
    result = _verdict("q6", top_driver=label)
    assert not result.passed and "label" in result.message


def test_blank_answers_are_not_answered():
    assert not _verdict("q1", extra_referral_hires=None).answered
    assert not _verdict("q6", top_driver=...).answered
