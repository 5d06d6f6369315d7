"""The outside world of Noordhaven (contacts, alumni, applications): regeneration and stories.

Each planted story of ``socialhrm.synth.external`` is found with the kit's own functions
(``socialhrm.reach``) in the shipped files.
"""

from __future__ import annotations

import pandas as pd
import pytest

from socialhrm import datasets
from socialhrm import reach as R
from socialhrm.synth.external import QUIET_CONTACTS, generate_external, write_external

FILES = ["contacts", "alumni", "applications"]


@pytest.fixture(scope="module")
def outside(generated):
    return generate_external(generated)


@pytest.fixture(scope="module")
def G(nh):
    ties = nh.network("interactions", directed=False)
    return R.reach_graph(nh.people, nh.contacts, ties, nh.alumni)


def test_regeneration_equals_shipped_files(outside, tmp_path):
    shipped = datasets.datasets_dir() / "noordhaven"
    write_external(outside, tmp_path)
    for name in FILES:
        assert (tmp_path / f"{name}.csv").read_bytes() == (shipped / f"{name}.csv").read_bytes(), (
            f"{name}.csv differs from a fresh generation: run `python -m socialhrm.synth`")


def test_loaded_with_the_dataset(nh):
    assert {"contacts", "alumni", "applications"} <= set(nh.tables)
    assert nh.applications["hired"].dtype == "boolean"
    assert set(nh.contacts["segment"]) >= {"engineering", "student", "client", "alumnus"}


def test_contacts_are_heavy_tailed_and_overlap_within_teams(nh):
    c = nh.contacts[nh.contacts["person_id"].str.startswith("NH")]
    size = c.groupby("person_id").size()
    assert size.max() > 4 * size.median()
    team = nh.people.set_index("person_id")["team"]
    c = c.assign(team=c["person_id"].map(team))
    per_team = c.groupby("team")["contact_id"]
    # colleagues know the same people: the team knows far fewer distinct contacts than the
    # sum of its members' networks
    share_distinct = per_team.nunique() / per_team.size()
    assert share_distinct.median() < 0.6


def test_alumni_keep_their_ties(nh, G):
    left = set(nh.events.loc[nh.events["event"] == "exit", "person_id"])
    assert left <= set(nh.alumni["alumnus_id"])
    for a in nh.alumni["alumnus_id"]:
        assert G.nodes[a]["kind"] == "alumnus"
        assert any(G.nodes[n].get("kind") == "employee" for n in G.neighbors(a)), a


def test_quiet_engineer_is_picked_early_by_greedy_not_by_size(generated, outside, G):
    quiet = generated.planted["quiet_engineer"]
    inside = sum(1 for n in G.neighbors(quiet) if G.nodes[n]["kind"] == "employee")
    inside_all = pd.Series([sum(1 for n in G.neighbors(p) if G.nodes[n]["kind"] == "employee")
                            for p in R.reach(G, 1).index])
    assert inside <= inside_all.quantile(0.25), "the quiet engineer is not quiet inside"
    greedy = R.choose_ambassadors(G, 5, steps=1, audience="engineering")
    assert greedy["person"].iloc[0] == quiet  # the best single ambassador for engineers
    assert greedy.set_index("person").loc[quiet, "new_reach"] >= QUIET_CONTACTS
    by_size = R.choose_ambassadors(G, 10, steps=1, strategy="degree")
    assert quiet not in by_size["person"].tolist()
    cmp = R.compare_strategies(G, 5, steps=1, audience="engineering")
    assert cmp.loc["greedy", "coverage"] > 2 * cmp.loc["degree", "coverage"]


def test_big_networks_of_one_team_overlap(nh, G):
    team = nh.people.set_index("person_id")["team"]
    top = R.reach(G, 1).head(10)
    big = [p for p in top.index if team[p] == "Sales North"]
    assert len(big) >= 2, "Sales North does not have the largest networks"
    sets = R.reached_sets(G, 1, people=big)
    union = len(frozenset().union(*sets.values()))
    assert union < 0.75 * sum(len(s) for s in sets.values())
    cmp = R.compare_strategies(G, 5, steps=1)
    assert cmp.loc["degree", "overlap"] > 2 * cmp.loc["greedy", "overlap"]
    assert cmp.loc["greedy", "coverage"] > cmp.loc["degree", "coverage"]


def test_weak_ties_bring_most_referral_hires_strong_ties_the_best_rate(nh):
    t = R.referral_outcomes(nh.applications, nh.costs, by="tie_strength")
    assert t.loc["weak", "hires"] > t.loc["strong", "hires"]
    assert t.loc["strong", "hire_rate"] > t.loc["weak", "hire_rate"] + 0.08


def test_referral_rows_are_those_of_referrals_csv(nh):
    apps = nh.applications[nh.applications["channel"] == "referral"].set_index("candidate")
    ref = nh.referrals.set_index("candidate")
    assert sorted(apps.index) == sorted(ref.index)
    assert (apps.loc[ref.index, "hired"] == ref["hired"]).all()
    assert (apps.loc[ref.index, "referrer"] == ref["referrer"]).all()


def test_first_year_retention_matches_costs(nh):
    t = R.referral_outcomes(nh.applications, nh.costs, min_group_size=3)
    costs = nh.costs[nh.costs["category"] == "retention"]
    for item, value in zip(costs["item"], costs["value"], strict=True):
        channel = item.split(", ", 1)[1]
        assert abs(t.loc[channel, "first_year_retention"] - value) < 0.0006, channel


def test_referral_hires_are_hired_more_often_and_stay_longer(nh):
    t = R.referral_outcomes(nh.applications, nh.costs)
    others = t.drop(index="referral")
    assert (t.loc["referral", "hire_rate"] > others["hire_rate"]).all()
    assert (t.loc["referral", "first_year_retention"] > others["first_year_retention"]).all()
    assert t.loc["referral", "cost_per_hire"] == others["cost_per_hire"].min() or \
        t.loc["referral", "cost_per_hire"] < others["cost_per_hire"].median()
