"""Unit tests of socialhrm.roles: Cross & Parker roles and group tie matrices with suppression."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from socialhrm.data import DataError
from socialhrm.roles import (
    ROLE_EXPLANATIONS,
    ROLES,
    group_sizes,
    group_tie_matrix,
    network_roles,
    suppressed_label,
    suppressed_view,
)


def two_departments() -> nx.DiGraph:
    """Two departments of 6, each a star around its hub, the hubs linked by one broker."""
    G = nx.DiGraph()
    for dept, hub in (("Sales", "s0"), ("IT", "i0")):
        members = [f"{hub[0]}{k}" for k in range(6)]
        for m in members:
            G.add_node(m, department=dept)
        for m in members[1:]:
            G.add_edge(m, hub)  # everyone asks the hub
        G.add_edge(hub, members[1])
    G.add_node("b", department="Board")
    G.add_edges_from([("s0", "b"), ("b", "i0"), ("i0", "b"), ("b", "s0")])
    G.add_node("loner", department="IT")
    return G


def big_departments() -> nx.DiGraph:
    """two_departments with a Board of 5, so that nothing is merged at a minimum of 5."""
    G = two_departments()
    for k in range(1, 5):
        G.add_node(f"b{k}", department="Board")
    return G


def test_roles_find_the_hubs_the_broker_and_the_loner():
    roles = network_roles(big_departments(), by="department", top=0.2)
    assert set(roles.index) == set(big_departments())
    assert roles.loc["s0", "central_connector"] and roles.loc["i0", "central_connector"]
    assert roles.loc["b", "information_broker"]
    assert roles.loc["b", "boundary_spanner"]  # reaches Sales and IT from the Board
    assert roles.loc["loner", "role"] == "peripheral"
    assert roles.loc["loner", "contacts"] == 0
    assert list(roles.columns[:9]) == ["role", "roles", "group", "ties_in", "contacts",
                                       "other_group_contacts", "other_groups", "betweenness",
                                       "what_it_means"]


def test_every_role_has_a_plain_explanation_and_rows_are_sorted_by_role():
    roles = network_roles(nx.karate_club_graph(), by="club")
    assert set(ROLES) <= set(ROLE_EXPLANATIONS)
    for role, text in roles[["role", "what_it_means"]].itertuples(index=False):
        assert text == ROLE_EXPLANATIONS[role] and len(text) > 20
    order = roles["role"].map({r: i for i, r in enumerate((*ROLES, ""))}).tolist()
    assert order == sorted(order)


def test_roles_reuse_a_precomputed_centrality_table():
    from socialhrm.network import centrality_table

    G = nx.florentine_families_graph()
    cent = centrality_table(G)
    assert network_roles(G, by=None, centrality=cent).equals(network_roles(G, by=None))
    assert network_roles(G, by=None).loc["Medici", "information_broker"]


def test_roles_reject_bad_top_and_empty_networks():
    with pytest.raises(DataError, match="share"):
        network_roles(nx.karate_club_graph(), top=0.9)
    with pytest.raises(DataError, match="no people"):
        network_roles(nx.Graph())


def test_tie_matrix_counts_ties_from_row_to_column():
    m = group_tie_matrix(big_departments(), min_group_size=5)
    assert m.loc["Sales", "Sales"] == 6  # 5 ask the hub, the hub asks one back
    assert m.loc["Sales", "Board"] == 1 and m.loc["Board", "IT"] == 1
    assert m.loc["Sales", "IT"] == 0
    assert m.attrs["suppressed"] == [] and m.attrs["other"] is None
    assert m.index.name == "department (from)"
    # the same counts as networkx's attr_matrix over the department attribute
    order = list(m.index)
    expected = nx.attr_matrix(big_departments(), node_attr="department", rc_order=order)
    assert np.array_equal(m.to_numpy(), np.asarray(expected, dtype=float))


def test_small_groups_are_merged_into_other_never_zero_or_hidden():
    m = group_tie_matrix(two_departments(), min_group_size=5)
    label = suppressed_label(5)
    assert label == "other (<5)"
    # the Board (1 person) alone would be too small: the next-smallest group joins it
    assert set(m.attrs["suppressed"]) == {"Board", "Sales"}
    assert "Board" not in m.index and "Sales" not in m.index and label in m.index
    assert m.attrs["group_sizes"] == {"IT": 7, label: 7}
    assert np.isfinite(m.to_numpy()).all()  # nothing hidden: a merged group, not holes
    # every tie is in the matrix, so the total undoes nothing
    assert m.to_numpy().sum() == two_departments().number_of_edges()
    shown = suppressed_view(m)
    assert shown.loc[label, label] == "8"  # Sales' 6 + s0 -> b and b -> s0
    # above every group size: one group, everybody
    everything = group_tie_matrix(two_departments(), min_group_size=50)
    assert everything.index.tolist() == [suppressed_label(50)]


def test_a_minimum_below_the_floor_never_turns_suppression_off():
    from socialhrm.privacy import PrivacyWarning

    for asked in (0, 1, 2):
        with pytest.warns(PrivacyWarning, match="floor"):
            m = group_tie_matrix(two_departments(), min_group_size=asked)
        assert "Board" not in m.index and m.attrs["min_group_size"] >= 3


def test_density_compares_groups_of_different_size_fairly():
    G = nx.Graph()
    G.add_nodes_from(range(10), department="A")
    G.add_nodes_from(range(10, 15), department="B")
    G.add_edges_from(nx.complete_graph(range(10)).edges())  # all of A know each other
    G.add_edge(0, 10)
    m = group_tie_matrix(G, value="density")
    assert math.isclose(m.loc["A", "A"], 1.0)
    assert math.isclose(m.loc["A", "B"], 1 / 50) and math.isclose(m.loc["B", "A"], 1 / 50)
    assert m.loc["B", "B"] == 0
    with pytest.raises(DataError, match="choose"):
        group_tie_matrix(G, value="share")


def test_missing_group_attribute_is_its_own_group():
    G = nx.path_graph(12)
    for n in range(6):
        G.nodes[n]["department"] = "A"
    sizes = group_sizes(G)
    assert sizes["(unknown)"] == 6 and sizes["A"] == 6


def test_roles_group_column_comes_from_the_privacy_gate():
    roles = network_roles(two_departments(), by="department", top=0.2)
    assert "Board" not in set(roles["group"]) and "other (<5)" in set(roles["group"])
    # the broker's ties to Sales are inside the merged group now: only IT is "other"
    assert roles.loc["b", "other_groups"] == 1


def test_on_noordhaven_the_board_is_merged_and_roles_exist():
    from socialhrm import datasets

    G = datasets.load("noordhaven").network("advice")
    m = group_tie_matrix(G)
    assert "Board" in m.attrs["suppressed"] and "Board" not in m.index
    assert np.isfinite(m.to_numpy()).all()
    roles = network_roles(G)
    counts = roles["role"].value_counts()
    assert all(counts.get(r, 0) > 0 for r in ROLES)
    assert isinstance(roles.index, pd.Index) and roles.index.name == "person_id"
