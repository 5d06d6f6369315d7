"""Key players, knowledge at risk, expertise finding and collaboration load: hand-computed on
small networks, brute force where it is cheap, and the planted key person found."""

from __future__ import annotations

import itertools

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from _partner_fixtures import *  # noqa: F403 - the shared fixtures

from socialhrm.data import DataError
from socialhrm.knowledge import (
    collaboration_load,
    exit_impact,
    find_expert,
    fragmentation,
    key_players,
    knowledge_at_risk,
)


def test_fragmentation_by_hand():
    assert fragmentation(nx.path_graph(5)) == 0
    # path 0-1-2-3-4 without 2: components {0,1}, {3,4}; 4 of 4*3 ordered pairs connected
    assert fragmentation(nx.path_graph(5), [2]) == pytest.approx(1 - 4 / 12)
    # path 0-1-2, distance-weighted: ordered pairs 1/1, 1/1, 1/2 twice each = 5 of 6
    assert fragmentation(nx.path_graph(3), measure="distance") == pytest.approx(1 / 6)
    assert fragmentation(nx.empty_graph(4)) == 1
    with pytest.raises(ValueError, match="not in the network"):
        fragmentation(nx.path_graph(3), ["nobody"])
    with pytest.raises(ValueError, match="components"):
        fragmentation(nx.path_graph(3), measure="other")


def test_key_players_two_stars():
    G = nx.Graph([("A", x) for x in "bcd"] + [("E", x) for x in "fgh"] + [("A", "E")])
    kp = key_players(G, k=2)
    assert set(kp.index) == {"A", "E"} and kp.attrs["score"] == 1.0
    assert kp["order"].tolist() == [1, 2]
    assert kp.attrs["measure"] == "fragmentation (components)"
    assert kp.attrs["score_before"] == 0


@pytest.mark.parametrize("measure", ["components", "distance"])
def test_key_players_match_brute_force(measure):
    G = nx.florentine_families_graph()
    best = max(fragmentation(G, pair, measure=measure)
               for pair in itertools.combinations(G, 2))
    kp = key_players(G, k=2, measure=measure)
    assert kp.attrs["score"] == pytest.approx(best)
    assert fragmentation(G, kp.index, measure=measure) == pytest.approx(best)


def test_key_players_reach():
    G = nx.star_graph(6)
    kp = key_players(G, k=1, goal="reach")
    assert kp.index.tolist() == [0] and kp.attrs["score"] == 1.0
    # two steps from a leaf reach everybody too
    leaf = key_players(G, k=1, goal="reach", steps=2, candidates=[3])
    assert leaf.attrs["score"] == 1.0
    with pytest.raises(ValueError, match="fragment"):
        key_players(G, goal="popular")
    with pytest.raises(ValueError, match="between 1 and"):
        key_players(G, k=50)


def _skills(rows):
    return pd.DataFrame(rows, columns=["person_id", "topic"])


def test_knowledge_at_risk_by_hand():
    G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d"), ("d", "e")])
    skills = _skills([("a", "tax"), ("b", "tax"), ("e", "PLC"), ("zz", "tax")])
    t = knowledge_at_risk(G, skills)
    assert t.loc["tax", "holders"] == 2 and t.loc["tax", "holder_ids"] == "a; b"
    assert t.loc["tax", "reach"] == pytest.approx(3 / 5)  # a, b and c
    assert t.loc["PLC", "reach"] == pytest.approx(2 / 5)  # e and d
    assert t.index[0] == "PLC"  # fewest holders first
    assert t.attrs["not_in_network"] == ["zz"]
    after = knowledge_at_risk(G, skills, leaving=["b", "e"])
    assert after.loc["PLC", "lost"] and not after.loc["tax", "lost"]
    assert after.loc["tax", "holders_after"] == 1
    assert after.loc["tax", "reach_after"] == pytest.approx(1 / 5)  # only a; b has gone
    assert (after["reach_lost"] >= 0).all()
    assert after.attrs["cut_off"] == ["a"]  # a loses the only way to c and d
    risk = pd.Series({"a": 0.1, "e": 0.9, "c": 0.5})
    top = knowledge_at_risk(G, skills, leaving=risk, top=1)
    assert top.attrs["leaving"] == ["e"] and top.loc["PLC", "lost"]


def test_bad_expertise_tables_are_clear_errors():
    G = nx.path_graph(3)
    with pytest.raises(DataError, match="person_id and topic"):
        knowledge_at_risk(G, pd.DataFrame({"who": [1], "skill": ["x"]}))
    with pytest.raises(ValueError, match="not in the network"):
        knowledge_at_risk(G, _skills([(0, "x")]), leaving="nobody")


def test_exit_impact_by_hand():
    G = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "x"), ("x", "y")])
    nx.set_node_attributes(G, {"x": "Service", "y": "Service"}, "team")
    cut = exit_impact(G, "c")
    assert cut.index.tolist() == ["x", "y"]
    assert cut.loc["x", "team"] == "Service" and cut.loc["x", "contacts_left"] == 1
    assert (cut.attrs["main_before"], cut.attrs["main_after"]) == (5, 2)
    assert exit_impact(G, "a").empty


def test_find_expert_by_hand():
    G = nx.DiGraph([("me", "b"), ("b", "c"), ("sql_pro", "c"), ("mate", "sql_pro")])
    G.add_node("far")
    skills = _skills([("sql_pro", "SQL"), ("far", "SQL"), ("c", "Excel")])
    hits = find_expert(G, skills, "sql", start="me")  # any case; ties read both ways
    assert hits.index.tolist() == ["sql_pro", "far"]
    assert hits.loc["sql_pro", "steps"] == 3
    assert hits.loc["sql_pro", "path"] == "me → b → c → sql_pro"
    assert hits.loc["far", "steps"] == np.inf
    team = find_expert(G, skills, "SQL", start=["me", "mate"])
    assert team.loc["sql_pro", "steps"] == 1
    assert find_expert(G, skills, "SQL")["steps"].isna().all()
    with pytest.raises(ValueError, match="Did you mean: SQL"):
        find_expert(G, skills, "SQLL")


def test_collaboration_load_by_hand():
    G = nx.DiGraph([("a", "hub"), ("b", "hub"), ("c", "hub"), ("hub", "a"), ("a", "a")])
    load = collaboration_load(G, top_share=0.25)
    assert load.loc["hub", "requests"] == 3 and load.loc["a", "requests"] == 1
    assert load.index[0] == "hub"
    assert load.attrs["top_share_of_requests"] == 0.75
    assert load.attrs["people_for_half"] == 1
    assert load["cumulative_share"].iloc[-1] == pytest.approx(1)
    even = collaboration_load(nx.cycle_graph(6))
    assert even.attrs["gini"] == pytest.approx(0)
    # Gini of requests (0, 0, 0, 4): all on one of four people -> (n - 1) / n
    assert collaboration_load(nx.DiGraph([(i, 9) for i in range(4)])
                              .subgraph([0, 1, 2, 9])).attrs["gini"] == pytest.approx(0.75)


# ------------------------------------------------------------------------- Noordhaven stories
def test_noordhaven_key_person_found(noordhaven, planted):
    advice = noordhaven.network("advice")
    key = planted["key_person"]
    assert key_players(advice, k=1).index[0] == key
    assert key in key_players(advice, k=3).index
    risk = knowledge_at_risk(advice, noordhaven.expertise, leaving=key)
    topic = planted["key_topic"]
    assert risk.index[0] == topic and risk.loc[topic, "lost"]
    assert risk.loc[topic, "holders"] == 1
    # the self-steering team loses its only link to the rest of the organisation
    cut = exit_impact(advice, key)
    assert len(cut) >= 5
    assert (cut["team"] == noordhaven.people.set_index("person_id").loc[key, "team"]).all()
    assert set(risk.attrs["cut_off"]) == set(cut.index)


def test_noordhaven_connectors_carry_the_load(noordhaven, planted):
    load = collaboration_load(noordhaven.network("advice"))
    top5 = load.index[:5].tolist()
    assert planted["connector_ops"] in top5 and planted["connector_sales"] in top5
    assert 0.1 < load.attrs["top_share_of_requests"] < 0.5  # concentrated, not total


def test_noordhaven_expert_found_from_the_bypassed_team(noordhaven, planted):
    advice = noordhaven.network("advice")
    chart = noordhaven.org_chart()
    team = list(chart.successors(planted["bypassed_manager"]))
    hits = find_expert(advice, noordhaven.expertise, planted["key_topic"], start=team)
    assert hits.index.tolist() == [planted["key_person"]]
    assert 1 <= hits["steps"].iloc[0] < np.inf
