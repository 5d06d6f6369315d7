"""socialhrm.reach: reach counts, ambassadors (against brute force), vacancies, referrals, egos."""

from __future__ import annotations

import math
import warnings

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from socialhrm import reach as R
from socialhrm.data import DataError


def _random_case(seed: int) -> nx.Graph:
    """A small random organisation: 5-9 employees, 6-25 outside contacts, random ties."""
    rng = np.random.default_rng(seed)
    n_emp, n_ext = int(rng.integers(5, 10)), int(rng.integers(6, 26))
    G = nx.Graph()
    emps = [f"e{i}" for i in range(n_emp)]
    for e in emps:
        G.add_node(e, kind="employee")
    for j in range(n_ext):
        G.add_node(f"x{j}", kind="external", segment=str(rng.choice(["eng", "sales"])))
    for e in emps:
        for j in rng.choice(n_ext, size=min(n_ext, int(rng.integers(0, 8))), replace=False):
            G.add_edge(e, f"x{j}")
    for a in range(n_emp):
        for b in range(a + 1, n_emp):
            if rng.random() < 0.25:
                G.add_edge(emps[a], emps[b])
    return G


@pytest.mark.parametrize("seed", range(40))
def test_greedy_meets_its_guarantee_against_brute_force(seed):
    G = _random_case(seed)
    rng = np.random.default_rng(1000 + seed)
    steps = int(rng.integers(1, 3))
    audience = [None, "eng"][int(rng.integers(0, 2))]
    k = int(rng.integers(1, 5))
    sets = R.reached_sets(G, steps, audience)
    best = R.best_coverage(sets, k)
    table = R.choose_ambassadors(G, k, steps=steps, audience=audience)
    got = table.attrs["coverage"]
    assert got <= best
    assert got >= R.GUARANTEE * best - 1e-9
    # the marginal gains add up to the coverage and never grow (submodularity)
    assert table["new_reach"].sum() == got == table["coverage"].iloc[-1]
    assert (table["new_reach"].diff().dropna() <= 0).all()
    # each pick is the best available at its turn
    covered: set = set()
    for p, gain in zip(table["person"], table["new_reach"], strict=True):
        assert gain == max(len(s - covered) for s in sets.values())
        covered |= sets[p]


def test_greedy_beats_degree_on_overlapping_networks():
    # two big networks that share everyone, one small separate one
    G = nx.Graph()
    for a in ("big1", "big2", "small"):
        G.add_node(a, kind="employee")
    for j in range(10):
        G.add_edge("big1", f"x{j}")
        G.add_edge("big2", f"x{j}")
    G.add_edge("big2", "x10")
    for j in range(20, 24):
        G.add_edge("small", f"x{j}")
    for n in G:
        G.nodes[n].setdefault("kind", "external")
    cmp = R.compare_strategies(G, 2, strategies=["greedy", "degree"])
    assert cmp.loc["greedy", "coverage"] == 15
    assert cmp.loc["degree", "coverage"] == 11
    assert cmp.loc["degree", "overlap"] == 10
    assert R.choose_ambassadors(G, 2)["person"].tolist() == ["big2", "small"]


def test_strategies_managers_and_random():
    G = nx.Graph([("boss", "x1"), ("a", "x2"), ("a", "x3"), ("b", "x4")])
    for n, mgr in (("boss", None), ("a", "boss"), ("b", "boss")):
        G.nodes[n].update(kind="employee", manager_id=mgr)
    for x in ("x1", "x2", "x3", "x4"):
        G.nodes[x]["kind"] = "external"
    assert R.choose_ambassadors(G, 2, strategy="managers")["person"].tolist() == ["boss"]
    r1 = R.choose_ambassadors(G, 2, strategy="random", seed=3)
    r2 = R.choose_ambassadors(G, 2, strategy="random", seed=3)
    assert r1["person"].tolist() == r2["person"].tolist()
    seen = {tuple(R.choose_ambassadors(G, 2, strategy="random", seed=s)["person"])
            for s in range(20)}
    assert len(seen) > 1
    with pytest.raises(ValueError, match="Unknown strategy"):
        R.choose_ambassadors(G, 2, strategy="fame")
    with pytest.raises(ValueError, match="0 or more"):
        R.choose_ambassadors(G, -1)


def test_reach_counts_by_hand():
    # a - b - c(external) and a - d(external, student) - e(external)
    G = nx.Graph([("a", "b"), ("b", "c"), ("a", "d"), ("d", "e")])
    G.nodes["a"]["kind"] = G.nodes["b"]["kind"] = "employee"
    for x, seg in (("c", "eng"), ("d", "student"), ("e", "eng")):
        G.nodes[x].update(kind="external", segment=seg)
    t = R.reach(G, steps=2)
    assert t.loc["a"].to_dict() == {"reach_1": 2, "reach_2": 4, "inside": 1, "outside": 3}
    assert t.loc["b"].to_dict() == {"reach_1": 2, "reach_2": 3, "inside": 1, "outside": 2}
    eng = R.reach(G, steps=2, audience="eng")
    assert eng.loc["a", "reach_1"] == 0 and eng.loc["a", "reach_2"] == 2
    assert list(t.index) == ["a", "b"]  # widest reach first
    with pytest.raises(ValueError):
        R.reached_sets(G, steps=0)


def test_reach_graph_from_tables_and_errors():
    people = pd.DataFrame({"person_id": ["p1", "p2", "p3"], "team": ["A", "A", "B"]})
    contacts = pd.DataFrame({"person_id": ["p1", "p2", "p3"], "contact_id": ["c1", "c1", "p9"],
                             "segment": ["IT", "IT", "alumnus"]})
    G = R.reach_graph(people, contacts, ties=pd.DataFrame({"a": ["p1"], "b": ["p3"]}),
                      alumni=["p2"])
    assert G.nodes["c1"] == {"kind": "external", "segment": "IT"}
    assert G.nodes["p9"]["kind"] == "alumnus" and G.nodes["p2"]["kind"] == "alumnus"
    assert G.has_edge("p1", "p3") and G.nodes["p1"]["team"] == "A"
    with pytest.raises(DataError, match="person_id"):
        R.reach_graph(pd.DataFrame({"id": ["x"]}))
    with pytest.raises(DataError, match="segment"):
        R.reach_graph(people, contacts.drop(columns="segment"))


def test_vacancy_reach_new_school_reaches_more_and_is_seeded():
    G = nx.Graph()
    G.add_node("hr", kind="employee")
    for i in range(10):
        G.add_node(f"e{i}", kind="employee")
        G.add_edge("hr", f"e{i}")
        for j in range(5):
            G.add_node(f"x{i}_{j}", kind="external", segment="eng")
            G.add_edge(f"e{i}", f"x{i}_{j}")
    t = R.vacancy_reach(G, ["hr"], share_probability=0.5, runs=300, seed=1,
                        see_probability=1.0)
    assert t.loc["old school", "mean"] == 10  # only the poster's own contacts
    assert t.loc["new school", "mean"] > 25  # about half the employees share to 5 each
    assert t.loc["new school", "low"] <= t.loc["new school", "mean"] <= t.loc["new school",
                                                                               "high"]
    again = R.vacancy_reach(G, ["hr"], share_probability=0.5, runs=300, seed=1,
                            see_probability=1.0)
    pd.testing.assert_frame_equal(t, again)
    eng = R.vacancy_reach(G, ["hr"], share_probability=0.0, runs=20, audience="eng",
                          see_probability=1.0)
    assert eng.loc["new school", "mean"] == 0
    with pytest.raises(ValueError):
        R.vacancy_reach(G, ["hr"], share_probability=1.5)
    with pytest.raises(ValueError):
        R.vacancy_reach(G, ["nobody"])


def _apps() -> pd.DataFrame:
    rows = []
    for i in range(40):  # referral: 20 hires of 40, 10 known, 8 stayed
        hired = i < 20
        rows.append(("referral", hired, 30 + i if hired else pd.NA,
                     (i < 8) if hired and i < 10 else pd.NA, "strong" if i % 2 else "weak"))
    for i in range(100):  # job board: 10 hires of 100
        hired = i < 10
        rows.append(("job board", hired, 60 + i if hired else pd.NA,
                     (i < 5) if hired and i < 8 else pd.NA, ""))
    for _i in range(3):  # agency and campus: two tiny groups, 7 together
        rows.append(("agency", True, 20, True, ""))
    for _i in range(4):
        rows.append(("campus", False, pd.NA, pd.NA, ""))
    return pd.DataFrame(rows, columns=["channel", "hired", "time_to_hire_days",
                                       "still_employed_1y", "tie_strength"])


def test_referral_outcomes_figures_intervals_and_suppression():
    costs = pd.DataFrame({"category": ["cost_per_hire"] * 2, "item": ["referral", "job board"],
                          "value": [1500.0, 3500.0], "unit": ["EUR per hire"] * 2})
    t = R.referral_outcomes(_apps(), costs, min_group_size=5, n_boot=500)
    assert "agency" not in t.index  # 3 applications: merged, never shown on their own
    assert t.attrs["merged"] == ["agency", "campus"]
    merged = t.drop(index=["referral", "job board"])
    assert merged["applications"].tolist() == [7] and merged["hires"].tolist() == [3]
    assert "first_year_retention" in merged["suppressed"].iloc[0]  # 3 people: not shown
    ref = t.loc["referral"]
    assert ref["hire_rate"] == 0.5 and ref["hires"] == 20 and ref["applications"] == 40
    assert ref["time_to_hire_days"] == np.median(np.arange(30, 50))
    assert ref["first_year_retention"] == 0.8 and ref["retention_known"] == 10
    assert ref["hire_rate_low"] < 0.5 < ref["hire_rate_high"]
    assert ref["cost_per_hire"] == 1500.0
    other = t.drop(index="referral")
    assert len(other) == 2  # job board and the merged group
    jb = t.loc["job board"]
    assert jb["first_year_retention"] == 5 / 8
    # the same seed gives the same intervals, another seed others
    again = R.referral_outcomes(_apps(), costs, min_group_size=5, n_boot=500)
    pd.testing.assert_frame_equal(t, again)
    # a figure resting on fewer people than the minimum is suppressed, and said so
    no_agency = _apps().query("channel not in ['agency', 'campus']")
    strict = R.referral_outcomes(no_agency, costs, min_group_size=11, n_boot=200)
    assert math.isnan(strict.loc["referral", "first_year_retention"])  # 10 people known
    assert strict.loc["referral", "suppressed"] == "first_year_retention"
    assert math.isnan(strict.loc["job board", "time_to_hire_days"])  # 10 hires
    assert "time_to_hire_days" in strict.loc["job board", "suppressed"]
    assert strict.loc["referral", "hire_rate"] == 0.5  # rests on 40 applications: shown


def test_referral_outcomes_by_tie_strength_and_errors():
    t = R.referral_outcomes(_apps(), by="tie_strength", n_boot=200)
    assert set(t.index) == {"strong", "weak"}
    assert t["applications"].sum() == 40
    assert t.index.name == "tie_strength"
    with pytest.raises(DataError, match="hired"):
        R.referral_outcomes(_apps().drop(columns="hired"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        low = R.referral_outcomes(_apps(), min_group_size=1, n_boot=50)
    assert low.attrs["min_group_size"] >= 3  # the privacy floor holds


def test_ego_network_shape_by_hand():
    # ego with 4 contacts: two of them know each other
    G = nx.Graph([("me", "a"), ("me", "b"), ("me", "c"), ("me", "d"), ("a", "b")])
    e = R.ego_network(G, "me")
    assert e.size == 4 and e.ties_between_contacts == 1
    assert e.density == pytest.approx(1 / 6)
    # Burt's effective size: n - 2t/n = 4 - 2*1/4
    assert e.effective_size == pytest.approx(3.5)
    assert e.efficiency == pytest.approx(3.5 / 4)
    assert e.constraint == pytest.approx(nx.constraint(G)["me"])
    closed = R.ego_network(nx.complete_graph(5), 0)
    assert closed.constraint > e.constraint  # a closed network constrains more
    with pytest.raises(DataError, match="not in the network"):
        R.ego_network(G, "stranger")


@pytest.mark.parametrize("strategy", R.STRATEGIES)
def test_every_strategy_is_a_ranking(strategy):
    G = _random_case(7)
    for n, d in G.nodes(data=True):
        if d["kind"] == "employee" and n != "e0":
            d["manager_id"] = "e0"
    long = R.choose_ambassadors(G, 5, strategy=strategy, seed=2)
    short = R.choose_ambassadors(G, 3, strategy=strategy, seed=2)
    assert long["person"].head(len(short)).tolist() == short["person"].tolist()
