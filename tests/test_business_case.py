"""The business-case model: hand calculation, ranges, tracing, sensitivity, the data gate."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from socialhrm.business_case import (
    ASSUMPTIONS,
    FIGURES,
    business_case,
    evaluate_case,
    hiring_channel_outcomes,
    noordhaven_assumptions,
    read_assumptions,
    sensitivity,
)
from socialhrm.data import DataError

# Values chosen so that every step is exact in binary floating point (sums and products of
# small dyadic fractions), so the hand calculation can be compared with ==.
POINT = {
    "employees": 200, "hires_per_year": 40, "extra_referral_share": 0.125,
    "cost_per_hire_referral": 1500, "cost_per_hire_other": 4000,
    "first_year_retention_referral": 0.875, "first_year_retention_other": 0.75,
    "average_salary": 48000, "on_costs": 0.25, "replacement_cost_share": 0.25,
    "ramp_up_months": 6, "ramp_up_output_loss": 0.5, "turnover_reduction": 0.0078125,
    "working_days": 220, "absence_reduction": 0.001953125, "cost_per_sick_day": 256,
    "year_one_effect": 0.5, "platform_cost_per_year": 12000, "setup_cost": 8000,
    "training_hours": 2, "hourly_cost": 40, "ambassadors": 10,
    "ambassador_hours_per_week": 1, "working_weeks": 46, "coordination_cost_per_year": 16000,
}


def _table(values: dict[str, float]) -> pd.DataFrame:
    return pd.DataFrame({"assumption": list(values), "low": list(values.values()),
                         "likely": list(values.values()), "high": list(values.values())})


def _by_hand(v: dict[str, float], years: int = 3) -> dict[str, float]:
    """The model written out step by step, the way a lesson computes it."""
    extra_hires = 40 * 0.125                                  # 5 extra referral hires a year
    recruitment = extra_hires * (4000 - 1500)                 # 12,500 a year
    leaver = 48000 * 0.25 + 48000 * 1.25 * 6 / 12 * 0.5       # 12,000 + 15,000 = 27,000
    retention = extra_hires * (0.875 - 0.75) * leaver         # 0.625 leavers fewer = 16,875
    turnover = 200 * 0.0078125 * leaver                       # 1.5625 leavers fewer = 42,187.5
    absence = 200 * 220 * 0.001953125 * 256                   # 85.9375 days = 22,000
    full = recruitment + retention + turnover + absence       # 93,562.5 a year at full effect
    benefits = full * 0.5 + full * (years - 1)
    one_off = 8000 + 200 * 2 * 40                             # 24,000
    running = 12000 + 16000 + 10 * 1 * 46 * 40                # 46,400 a year
    costs = one_off + running * years
    # payback: year 1 has (full * 0.5 - running) / 12 a month = 1,031.25; after the
    # one-off costs of 24,000 that is reached in year 2 (monthly (full - running) / 12)
    m1 = (full * 0.5 - running) / 12
    after_year_1 = -one_off + 12 * m1
    m2 = (full - running) / 12
    payback = 12 + (-after_year_1) / m2
    return {"recruitment_savings": recruitment * (0.5 + years - 1),
            "referral_retention_savings": retention * (0.5 + years - 1),
            "turnover_savings": turnover * (0.5 + years - 1),
            "absence_savings": absence * (0.5 + years - 1),
            "benefits": benefits, "one_off_costs": one_off, "running_costs": running * years,
            "programme_costs": costs, "net_return": benefits - costs,
            "roi": (benefits - costs) / costs, "payback_months": payback}


@pytest.fixture(scope="module")
def noordhaven_case():
    return business_case(runs=4000, seed=0)


def test_point_values_cover_every_assumption():
    assert set(POINT) == set(ASSUMPTIONS)


def test_zero_width_ranges_reproduce_the_hand_calculation_exactly():
    case = business_case(_table(POINT), runs=50, seed=3)
    hand = _by_hand(POINT)
    for figure, expected in hand.items():
        row = case.summary.loc[figure]
        assert row["low"] == row["median"] == row["high"] == expected, figure
    assert hand["payback_months"] > 12  # the case is built so that payback falls in year 2
    assert (case.runs["net_return"] == hand["net_return"]).all()


def test_hand_calculation_other_horizon():
    out = evaluate_case(POINT, years=5)
    hand = _by_hand(POINT, years=5)
    assert out["net_return"][0] == hand["net_return"]
    assert out["net_return_year_1"][0] + sum(out[f"net_return_year_{y}"][0]
                                             for y in range(2, 6)) == hand["net_return"]


def test_no_payback_within_the_horizon_is_nan_and_reported():
    v = dict(POINT, turnover_reduction=0.0, absence_reduction=0.0)
    out = evaluate_case(v, years=3)
    assert out["net_return"][0] < 0
    assert np.isnan(out["payback_months"][0])
    case = business_case(_table(v), runs=10)
    assert case.chance_payback == 0 and case.chance_positive == 0
    assert np.isinf(case.summary.loc["payback_months", "median"])


def test_same_seed_same_result_other_seed_other_draws(noordhaven_case):
    again = business_case(runs=4000, seed=0)
    pd.testing.assert_frame_equal(again.summary, noordhaven_case.summary)
    other = business_case(runs=4000, seed=1)
    assert not other.runs["net_return"].equals(noordhaven_case.runs["net_return"])


def test_distribution_has_intervals_that_widen_with_the_level(noordhaven_case):
    s = noordhaven_case.summary
    net = s.loc["net_return"]
    assert net["low"] < net["median"] < net["high"]
    wide = business_case(runs=4000, seed=0, interval=0.98).summary.loc["net_return"]
    assert wide["low"] < net["low"] and wide["high"] > net["high"]
    runs = noordhaven_case.runs["net_return"]
    assert net["median"] == pytest.approx(runs.median())
    assert noordhaven_case.chance_positive == pytest.approx((runs > 0).mean())
    # every drawn value stays within its range
    a = noordhaven_case.assumptions.set_index("assumption")
    for name in ASSUMPTIONS:
        col = noordhaven_case.runs[f"assumption:{name}"]
        assert a.loc[name, "low"] <= col.min() and col.max() <= a.loc[name, "high"]


def test_every_figure_traces_to_its_assumption_rows(noordhaven_case):
    for figure, (_label, _unit, used) in FIGURES.items():
        listed = noordhaven_case.summary.loc[figure, "assumptions"].split(", ")
        assert listed == list(used)
        assert set(noordhaven_case.trace(figure)["assumption"]) == set(used)
    assert set(FIGURES["net_return"][2]) == set(ASSUMPTIONS)
    # a figure does not move when an assumption it does not list changes
    base = evaluate_case(POINT)
    for name in ASSUMPTIONS:
        moved = evaluate_case(dict(POINT, **{name: POINT[name] * 1.5 + 1}))
        for figure, (_l, _u, used) in FIGURES.items():
            if name not in used and figure != "payback_months":
                assert moved[figure][0] == base[figure][0], (figure, name)
    with pytest.raises(KeyError):
        noordhaven_case.trace("happiness")


def test_scenarios_change_the_answer(noordhaven_case):
    only = business_case(runs=4000, seed=0, scenario="recruitment_only")
    assert only.summary.loc["turnover_savings", "high"] == 0
    assert only.summary.loc["net_return", "median"] < noordhaven_case.summary.loc[
        "net_return", "median"]
    custom = business_case(runs=500, scenario={"extra_referral_share": 0.0,
                                                "turnover_reduction": (0.0, 0.0),
                                                "absence_reduction": (0, 0, 0)})
    assert custom.summary.loc["recruitment_savings", "high"] == 0
    assert "(scenario)" in custom.trace("recruitment_savings").set_index(
        "assumption").loc["extra_referral_share", "source"]
    with pytest.raises(ValueError, match="no scenario"):
        business_case(scenario="moonshot")
    with pytest.raises(ValueError, match="not an assumption"):
        business_case(scenario={"happiness": 1})


def test_sensitivity_is_a_sorted_tornado_that_agrees_with_the_model():
    t = sensitivity()
    assert t["swing"].is_monotonic_decreasing
    assert t["swing"].iloc[0] > t["swing"].iloc[-1] >= 0
    a = noordhaven_assumptions().set_index("assumption")
    fixed = set(a.index[a["low"] == a["high"]])
    assert set(t.attrs["fixed"]) == fixed and not fixed & set(t.index)
    likely = a["likely"].to_dict()
    top = t.index[0]
    at_high = evaluate_case(dict(likely, **{top: a.loc[top, "high"]}))["net_return"][0]
    assert t.loc[top, "at_high"] == pytest.approx(at_high)
    assert (t["base"] == evaluate_case(likely)["net_return"][0]).all()
    # costs pull the other way: more ambassadors' hours, lower net return
    assert t.loc["ambassador_hours_per_week", "at_high"] < t.loc["ambassador_hours_per_week",
                                                                  "at_low"]
    recruitment = sensitivity(figure="recruitment_savings")
    assert set(recruitment.index) == set(FIGURES["recruitment_savings"][2])
    assert (recruitment["swing"] > 0).all()
    with pytest.raises(ValueError):
        sensitivity(figure="happiness")


def test_noordhaven_assumptions_come_from_the_bundled_tables(nh):
    a = noordhaven_assumptions(nh).set_index("assumption")
    assert set(a.index) == set(ASSUMPTIONS)
    costs = nh.costs.set_index(["category", "item"])["value"]
    assert a.loc["cost_per_hire_referral", "likely"] == costs[("cost_per_hire", "referral")]
    assert a.loc["first_year_retention_referral", "likely"] == costs[
        ("retention", "first-year retention, referral")]
    assert (a["source"].str.len() > 0).all()
    assert (a["low"] <= a["likely"]).all() and (a["likely"] <= a["high"]).all()


def test_hiring_channel_outcomes(nh):
    out = hiring_channel_outcomes(nh.people, nh.costs, nh.referrals)
    assert out.loc["referral", "first_year_retention"] == out["first_year_retention"].max()
    assert out["share_of_hires"].sum() == pytest.approx(1)
    known = nh.referrals["still_employed_1y"].dropna()
    assert out.loc["referral", "measured_retention"] == pytest.approx(known.astype(bool).mean())
    medior = nh.costs.set_index(["category", "item"]).loc[("salary_band", "medior"), "value"]
    assert out.loc["agency", "cost_per_hire"] == pytest.approx(0.2 * medior)


@pytest.fixture(scope="session")
def nh():
    from socialhrm import datasets

    return datasets.load("noordhaven")


# --- the data gate for the user's own assumptions ----------------------------------------


def test_own_assumptions_file_round_trip(tmp_path):
    path = tmp_path / "mine.csv"
    noordhaven_assumptions().to_csv(path, index=False)
    before = path.read_bytes()
    case = business_case(path, runs=300)
    assert path.read_bytes() == before  # the user's file is never changed
    assert case.summary.loc["net_return", "median"] == pytest.approx(
        business_case(runs=300).summary.loc["net_return", "median"])


@pytest.mark.parametrize("change, message", [
    (lambda t: t.drop(index=3), "missing assumptions: cost_per_hire_referral"),
    (lambda t: t.assign(low=t["low"].map(lambda x: f"{x:g}".replace(".", ","))), None),
    (lambda t: pd.concat([t, t.iloc[[0]]]), "appears more than once"),
    (lambda t: t.replace({"assumption": {"setup_cost": "setup costs"}}),
     "'setup costs' is not an assumption"),
    (lambda t: t.assign(high=t["high"].where(t["assumption"] != "ambassadors", 2.0)),
     "low <= likely <= high"),
    (lambda t: t.assign(high=t["high"].where(t["assumption"] != "on_costs", 30.0)),
     "share between 0 and 1"),
])
def test_bad_assumptions_are_refused_with_a_clear_message(change, message):
    table = change(noordhaven_assumptions())
    if message is None:
        read_assumptions(table)  # a harmless change is accepted
        return
    with pytest.raises(DataError, match=message.replace("(", r"\(")):
        read_assumptions(table)


def test_not_a_number_names_the_line_and_column(tmp_path):
    t = noordhaven_assumptions()
    t["low"] = t["low"].astype(object)
    t.loc[5, "low"] = "about 0.8"
    path = tmp_path / "a.csv"
    t.to_csv(path, index=False)
    with pytest.raises(DataError) as err:
        read_assumptions(path)
    text = str(err.value)
    assert "line 7" in text and "'low'" in text and "What to do" in text and "a.csv" in text


def test_missing_column_and_likely_default():
    with pytest.raises(DataError, match="missing column"):
        read_assumptions(pd.DataFrame({"assumption": ["employees"], "low": [3]}))
    t = read_assumptions(pd.DataFrame({"name": ["employees"], "Low": [100], "High": [120]}),
                         columns={"name": "assumption"}, complete=False)
    assert t.loc[0, "likely"] == 110 and t.loc[0, "unit"]


def test_summary_page_states_every_assumption_and_escapes():
    from socialhrm.business_case import summary_html

    t = noordhaven_assumptions()
    t.loc[0, "source"] = "<script>alert('x')</script>"
    case = business_case(t, runs=300)
    page = summary_html(case, sensitivity(t), title="<b>Board</b>")
    assert "<script>" not in page and "&lt;script&gt;" in page and "<b>Board" not in page
    for r in t.itertuples():
        assert f"<code>{r.assumption}</code>" in page
    med = case.summary.loc["net_return", "median"]
    assert f"{med:,.0f}" in page
    assert sensitivity(t).index[0] in page


def test_draws_follow_the_triangular_distribution():
    from socialhrm.business_case import draw_assumptions

    t = pd.DataFrame({"assumption": ["x"], "low": [0.0], "likely": [3.0], "high": [6.0]})
    x = draw_assumptions(t, runs=20000, seed=1)["x"]
    assert abs(x.mean() - 3.0) < 0.05 and abs(np.median(x) - 3.0) < 0.05
    skew = pd.DataFrame({"assumption": ["x"], "low": [0.0], "likely": [0.0], "high": [3.0]})
    y = draw_assumptions(skew, runs=20000, seed=1)["x"]
    assert abs(y.mean() - 1.0) < 0.03  # the mean of a triangle is (a + b + c) / 3
    u = np.random.default_rng(5).random((1, 100))
    wider = pd.DataFrame({"assumption": ["x"], "low": [-1.0], "likely": [3.0], "high": [7.0]})
    a = draw_assumptions(t, uniforms=u)["x"]
    b = draw_assumptions(wider, uniforms=u)["x"]
    assert (np.sign(a - 3) == np.sign(b - 3)).all()  # the same runs move, not reshuffle
