"""Brokerage roles (Gould & Fernandez 1989) and bridging ties: hand-counted, cross-checked, and
the planted Noordhaven broker found."""

from __future__ import annotations

import itertools
import warnings

import networkx as nx
import numpy as np
import pytest
from _partner_fixtures import *  # noqa: F403 - the shared fixtures

from socialhrm.brokerage import BROKERAGE_ROLES, bridging_ties, brokerage_roles
from socialhrm.privacy import PrivacyWarning


def _three_groups(path: list[str], groups: dict[str, str]) -> nx.DiGraph:
    """A directed path plus filler people, so that every group X, Y, Z has three members."""
    G = nx.DiGraph(list(itertools.pairwise(path)))
    for g in "XYZ":
        members = [n for n, h in groups.items() if h == g]
        for i in range(3 - len(members)):
            groups[f"{g}{i}"] = g
    G.add_nodes_from(groups)
    nx.set_node_attributes(G, groups, "department")
    return G


@pytest.mark.parametrize(("ga", "gv", "gb", "role"), [
    ("X", "X", "X", "coordinator"),
    ("Y", "X", "Y", "consultant"),
    ("X", "X", "Y", "representative"),
    ("Y", "X", "X", "gatekeeper"),
    ("Y", "X", "Z", "liaison"),
])
def test_each_role_by_hand(ga, gv, gb, role):
    # one open two-path a -> v -> b: exactly one opportunity, in exactly this role
    G = _three_groups(["a", "v", "b"], {"a": ga, "v": gv, "b": gb})
    table = brokerage_roles(G, min_group_size=3)
    counts = table.loc["v", list(BROKERAGE_ROLES)]
    assert counts[role] == 1 and counts.sum() == 1
    assert table.loc["v", "main_role"] == role and table.loc["v", "total"] == 1
    assert table.loc[["a", "b"], "total"].eq(0).all()
    assert table.index[0] == "v"  # sorted by total


def test_a_closed_triad_is_no_brokerage():
    G = _three_groups(["a", "v", "b"], {"a": "X", "v": "X", "b": "X"})
    G.add_edge("a", "b")  # a can go to b directly: v brokers nothing
    assert brokerage_roles(G, min_group_size=3).loc["v", "total"] == 0


def test_undirected_ties_count_both_ways():
    G = _three_groups(["a", "v", "b"], {"a": "X", "v": "X", "b": "Y"}).to_undirected()
    row = brokerage_roles(G, min_group_size=3).loc["v"]
    # a -> v -> b is representative, b -> v -> a gatekeeper
    assert (row["representative"], row["gatekeeper"], row["total"]) == (1, 1, 2)


def test_matches_brute_force_on_krackhardts_managers(krackhardt_advice):
    G = krackhardt_advice
    table = brokerage_roles(G, by="department", min_group_size=3)
    group = table["group"].to_dict()
    expected = {v: dict.fromkeys(BROKERAGE_ROLES, 0) for v in G}
    for a, v, b in itertools.permutations(G, 3):
        if G.has_edge(a, v) and G.has_edge(v, b) and not G.has_edge(a, b):
            ga, gv, gb = group[a], group[v], group[b]
            role = ("coordinator" if ga == gv == gb else "consultant" if ga == gb else
                    "representative" if ga == gv else "gatekeeper" if gv == gb else "liaison")
            expected[v][role] += 1
    for v in G:
        assert table.loc[v, list(BROKERAGE_ROLES)].to_dict() == expected[v], v
    # and the total equals the number of open two-paths from the adjacency matrix
    A = nx.to_numpy_array(G, nodelist=list(G))
    two = A @ A
    np.fill_diagonal(two, 0)
    assert table["total"].sum() == int((two * (1 - A)).sum())


def test_small_groups_are_merged_before_counting(krackhardt_advice):
    # department "0" is the CEO alone: its label must never reach the output
    table = brokerage_roles(krackhardt_advice, by="department", min_group_size=3)
    assert "0" not in set(table["group"])
    assert "0" in table.attrs["merged"]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        low = brokerage_roles(krackhardt_advice, by="department", min_group_size=1)
    assert any(issubclass(w.category, PrivacyWarning) for w in caught)
    assert "0" not in set(low["group"])  # the floor still applies


def test_unknown_attribute_is_a_clear_error():
    with pytest.raises(ValueError, match="attribute 'office'"):
        brokerage_roles(nx.DiGraph([(1, 2)]), by="office")


def test_noordhaven_broker_is_found(noordhaven, planted):
    advice = noordhaven.network("advice")
    table = brokerage_roles(advice, by="department")
    broker = planted["broker"]
    assert table.index[0] == broker  # most brokerage opportunities of everybody
    between = table["gatekeeper"] + table["representative"] + table["liaison"]
    assert between.rank(ascending=False)[broker] <= 3  # and among the top between groups


# --------------------------------------------------------------------------- bridging ties
def test_bridging_ties_by_hand():
    G = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("c", "d"),
                  ("d", "e"), ("e", "f"), ("d", "f")])
    ties = bridging_ties(G).set_index(["source", "target"])
    assert ties.loc[("c", "d"), "local_bridge"] and ties.loc[("c", "d"), "span"] == np.inf
    # b - c: N(b) = {a, c}, N(c) = {a, b, d}: shares a, others {a, d} -> 1/2
    assert ties.loc[("b", "c"), "overlap"] == pytest.approx(0.5)
    assert ties.loc[("b", "c"), "common_contacts"] == 1
    assert np.isnan(ties.loc[("b", "c"), "span"])
    assert ties["bridging"].sum() == 1
    G.add_edges_from([("a", "x"), ("x", "y"), ("y", "f")])  # another way round: span 5
    ties = bridging_ties(G).set_index(["source", "target"])
    assert ties.loc[("c", "d"), "span"] == 5


def test_bridging_ties_directed_and_groups():
    G = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c"), ("c", "d"), ("d", "e"), ("e", "f")])
    nx.set_node_attributes(G, dict(zip("abcdef", "XXXYYY", strict=True)), "team")
    ties = bridging_ties(G, by="team", min_group_size=3)
    assert len(ties) == 5  # a <-> b is one pair
    crossing = ties[ties["crosses_groups"]]
    assert crossing[["source", "target"]].values.tolist() == [["c", "d"]]
    with pytest.raises(ValueError, match="between 0 and 1"):
        bridging_ties(G, max_overlap=2)


def test_noordhaven_ties_across_departments_bridge_more(noordhaven):
    # Granovetter: ties between circles share fewer contacts than ties inside them
    ties = bridging_ties(noordhaven.network("advice"), by="department")
    means = ties.groupby("crosses_groups")["overlap"].mean()
    assert means[True] < 0.7 * means[False]
