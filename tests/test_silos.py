"""E-I index with its permutation test, communities against the chart, ties between places:
hand-computed values, independent re-computations on real data, and the planted silo."""

from __future__ import annotations

import math
import warnings

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from _partner_fixtures import *  # noqa: F403 - the shared fixtures

from socialhrm.privacy import PrivacyWarning
from socialhrm.silos import (
    ALL,
    adjusted_rand,
    communities,
    compare_partitions,
    cross_location_ties,
    ei_index,
    normalised_mutual_information,
)
from socialhrm.synth import figures


def _teams(edges, labels, attr="team"):
    G = nx.Graph(edges)
    G.add_nodes_from(labels)
    nx.set_node_attributes(G, labels, attr)
    return G


def test_ei_from_a_two_by_two_table():
    # team X: a, b, c; team Y: d, e, f. Ties: a-b, b-c (X), d-e (Y), c-d, a-e, b-f (across)
    G = _teams([("a", "b"), ("b", "c"), ("d", "e"), ("c", "d"), ("a", "e"), ("b", "f")],
               dict(zip("abcdef", "XXXYYY", strict=True)))
    t = ei_index(G, by="team", permutations=0, min_group_size=3)
    # X: 2 internal ties (4 ends), 3 external -> (3 - 4) / 7
    assert (t.loc["X", "internal"], t.loc["X", "external"]) == (4, 3)
    assert t.loc["X", "ei"] == pytest.approx(-1 / 7)
    # Y: 1 internal tie (2 ends), 3 external -> (3 - 2) / 5
    assert t.loc["Y", "ei"] == pytest.approx(1 / 5)
    # overall: 3 external, 3 internal ties -> 0
    assert (t.loc[ALL, "internal"], t.loc[ALL, "external"]) == (3, 3)
    assert t.loc[ALL, "ei"] == 0
    assert t.loc[ALL, "people"] == 6 and t["p_value"].isna().all()


def test_directed_ties_and_self_ties_are_read_as_pairs():
    G = nx.DiGraph([("a", "b"), ("b", "a"), ("a", "a"), ("c", "d")])
    G.add_nodes_from(["e", "f"])
    nx.set_node_attributes(G, dict(zip("abcdef", "XXXYYY", strict=True)), "team")
    t = ei_index(G, by="team", permutations=0, min_group_size=3)
    assert (t.loc[ALL, "internal"], t.loc[ALL, "external"]) == (1, 1)


def test_permutation_test_finds_a_silo_and_is_seeded():
    # two cliques of five, no tie across: the most closed split there is
    G = nx.disjoint_union(nx.complete_graph(5), nx.complete_graph(5))
    nx.set_node_attributes(G, {n: "A" if n < 5 else "B" for n in G}, "team")
    t = ei_index(G, by="team", permutations=2000, seed=3)
    assert t.loc[ALL, "ei"] == -1
    # under random labels a tie crosses with probability 25/45: E[E-I] = 2 * 25/45 - 1 = 1/9
    assert t.loc[ALL, "ei_expected"] == pytest.approx(1 / 9, abs=0.03)
    # only the 2 of 252 labellings that are the split itself are as closed
    assert t.loc[ALL, "p_closed"] == pytest.approx(2 / 252, abs=0.006)
    assert t.loc[ALL, "reading"] == "more closed than chance"
    assert t.loc[ALL, "p_value"] == pytest.approx(2 * t.loc[ALL, "p_closed"])
    again = ei_index(G, by="team", permutations=2000, seed=3)
    pd.testing.assert_frame_equal(t, again)
    other = ei_index(G, by="team", permutations=2000, seed=4)
    assert not other["ei_expected"].equals(t["ei_expected"])


def test_random_ties_read_as_chance():
    G = nx.gnp_random_graph(60, 0.15, seed=1)
    rng = np.random.default_rng(1)
    nx.set_node_attributes(G, {n: str(rng.integers(3)) for n in G}, "team")
    t = ei_index(G, by="team", permutations=500, seed=0)
    assert (t["reading"] == "as expected by chance").all()
    assert t["p_value"].between(0, 1).all()


def test_small_groups_merged_and_floor_kept():
    G = _teams([("a", "b"), ("c", "d")], {"a": "X", "b": "X", "c": "X", "d": "X", "e": "X",
                                          "f": "Y", "g": "Y"})
    t = ei_index(G, by="team", permutations=0)
    assert "Y" not in t.index and t.attrs["merged"]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = ei_index(G, by="team", permutations=0, min_group_size=0)
    assert any(issubclass(w.category, PrivacyWarning) for w in caught)
    assert "Y" not in t.index
    with pytest.raises(ValueError, match="attribute 'office'"):
        ei_index(G, by="office")


def test_same_per_group_values_as_the_data_card(noordhaven):
    G = noordhaven.network("interactions", directed=False)
    t = ei_index(G, permutations=0)
    card = figures.ei_index(noordhaven.people, noordhaven.interactions)
    for dept in t.index.drop(ALL):
        if dept in card.index:
            assert t.loc[dept, "ei"] == pytest.approx(card[dept])


def test_noordhaven_siloed_department_found(noordhaven, planted):
    G = noordhaven.network("interactions", directed=False)
    t = ei_index(G, permutations=300).drop(ALL)
    silo = planted["silo_department"]
    assert t["ei"].idxmin() == silo
    assert t.loc[silo, "reading"] == "more closed than chance"


def test_lazega_offices_against_an_independent_count(lazega_cowork):
    # Lazega's co-work ties by office (1 Boston 48, 2 Hartford 19, 3 Providence 4)
    G = lazega_cowork
    t = ei_index(G, by="office", permutations=500, min_group_size=3)
    office = nx.get_node_attributes(G, "office")
    same = sum(office[u] == office[v] for u, v in G.edges())
    assert t.loc[ALL, "internal"] == same
    assert t.loc[ALL, "external"] == G.number_of_edges() - same
    mix = nx.attribute_mixing_matrix(G, "office", mapping={o: i for i, o in enumerate(
        sorted(set(office.values())))}, normalized=False)
    boston = sorted(set(office.values()))[0]
    inside, outside = mix[0, 0], mix[0].sum() - mix[0, 0]
    assert t.loc[str(boston), "ei"] == pytest.approx((outside - inside) / (outside + inside))
    # the firm's offices are far more closed than their sizes alone would make them
    assert t.loc[ALL, "reading"] == "more closed than chance"


# ------------------------------------------------------------------ partitions, communities
def test_agreement_measures_by_hand():
    a, b = list("xxxyyy"), [1, 1, 2, 2, 3, 3]
    # pairs together in both: 2; rows 2*C(3,2)=6; cols 3*C(2,2)=3; all C(6,2)=15
    expected = 6 * 3 / 15
    assert adjusted_rand(a, b) == pytest.approx((2 - expected) / ((6 + 3) / 2 - expected))
    assert adjusted_rand(a, a) == 1.0
    # NMI of [0,0,1,1] and [0,0,0,1]: H(A)=ln 2, H(B)=H(1/4), I = H(B) - H(B|A)
    h = lambda *p: -sum(q * math.log(q) for q in p if q)  # noqa: E731
    mi = h(0.75, 0.25) - 0.5 * h(0.5, 0.5)
    nmi = 2 * mi / (h(0.5, 0.5) + h(0.75, 0.25))
    assert normalised_mutual_information([0, 0, 1, 1], [0, 0, 0, 1]) == pytest.approx(nmi)
    assert normalised_mutual_information("aabb", "xxyy") == 1.0
    assert normalised_mutual_information("aabb", "xyxy") == pytest.approx(0.0)


def test_communities_of_two_cliques():
    G = nx.barbell_graph(5, 0)
    c = communities(G, seed=0)
    assert c["community"].nunique() == 2 and (c["community_size"] == 5).all()
    assert len({c.loc[n, "community"] for n in range(5)}) == 1
    pd.testing.assert_frame_equal(c, communities(G, seed=0))
    for method in ("greedy", "label_propagation", "multilevel"):
        assert communities(G, method=method)["community"].nunique() == 2
    with pytest.raises(ValueError, match="louvain"):
        communities(G, method="magic")


def test_multilevel_is_seeded_and_leaves_igraphs_random_numbers_alone():
    import random

    G = nx.connected_caveman_graph(12, 6)
    nx.double_edge_swap(G, nswap=40, max_tries=4000, seed=3)  # blur the caves a little
    a = communities(G, method="multilevel", seed=5)
    pd.testing.assert_frame_equal(a, communities(G, method="multilevel", seed=5))
    louvain = communities(G, method="louvain", seed=5)
    assert a.attrs["modularity"] == pytest.approx(louvain.attrs["modularity"], abs=0.05)
    state = random.getstate()
    communities(G, method="multilevel", seed=6)
    assert random.getstate() == state  # the global generator was not drawn from


def test_compare_partitions_when_chart_and_network_agree():
    G = nx.barbell_graph(5, 0)
    nx.set_node_attributes(G, {n: "left" if n < 5 else "right" for n in G}, "department")
    t = compare_partitions(G)
    blocks = [set(range(5)), set(range(5, 10))]
    assert t.loc["modularity_formal", "value"] == pytest.approx(
        nx.community.modularity(G, blocks))
    assert t.loc["modularity_detected", "value"] == pytest.approx(
        t.loc["modularity_formal", "value"])
    assert t.loc["adjusted_rand", "value"] == 1.0 and t.loc["nmi", "value"] == 1.0
    assert t.attrs["crosstab"].to_numpy().max() == 5


def test_noordhaven_informal_organisation_cuts_across_the_chart(noordhaven):
    G = noordhaven.network("interactions", directed=False)
    t = compare_partitions(G)["value"]
    # partly, not fully (the data card's promise for Louvain with seed 0)
    assert 0.4 <= t["nmi"] <= 0.85 and 0.2 <= t["adjusted_rand"] < 0.9
    assert t["modularity_detected"] >= t["modularity_formal"] > 0.3
    crosstab = compare_partitions(G).attrs["crosstab"]
    split = (crosstab > 0).sum(axis=1)
    assert split.max() >= 2  # at least one department falls into several communities


def test_cross_location_ties_by_hand():
    G = _teams([("a", "b"), ("b", "c"), ("d", "e"), ("e", "f"), ("c", "d")],
               dict(zip("abcdef", ["Zwolle"] * 3 + ["Delft"] * 3, strict=True)), "location")
    t = cross_location_ties(G, min_group_size=3).set_index(["from_group", "to_group"])
    assert t.loc[("Delft", "Zwolle"), "ties"] == 1
    assert t.loc[("Delft", "Zwolle"), "density"] == pytest.approx(1 / 9)
    assert t.loc[("Zwolle", "Zwolle"), "density"] == pytest.approx(2 / 3)
    assert t.loc[("Delft", "Zwolle"), "relative_density"] == pytest.approx((1 / 9) / (2 / 3))


def test_noordhaven_distance_keeps_cities_apart(noordhaven):
    t = cross_location_ties(noordhaven.network("interactions", directed=False))
    assert set(t.loc[t["within"], "from_group"]) == {"Groningen", "Leeuwarden", "Zwolle"}
    assert (t.loc[~t["within"], "relative_density"] < 0.5).all()
