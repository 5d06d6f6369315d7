"""The privacy gate: small groups cannot be recovered from any figure, total or export.

The differencing cases of issue 11 section 3: with the 3-person Board below the minimum,
(1) total ties minus the visible cells, (2) per-person group labels in the exported graph,
(3) group sizes in legends, must not give the Board's figures. They failed on the old
design (a suppressed row of NaN next to visible cells) and pass with merged groups.
"""

from __future__ import annotations

import itertools
import warnings

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from socialhrm import datasets, privacy
from socialhrm.data import pseudonym_length, pseudonymise
from socialhrm.network import centrality_table, to_igraph
from socialhrm.roles import ei_index, group_sizes, group_tie_matrix, network_roles


@pytest.fixture(scope="module")
def advice() -> nx.DiGraph:
    return datasets.load("noordhaven").network("advice")


def _board_ties(G: nx.Graph) -> int:
    board = {n for n, d in G.nodes(data=True) if d.get("department") == "Board"}
    return sum(1 for u, v in G.edges() if u != v and (u in board or v in board))


def test_total_minus_visible_cells_does_not_give_the_board(advice):
    assert _board_ties(advice) > 0  # the Board does have ties to hide
    for value in ("ties", "weight", "density"):
        m = group_tie_matrix(advice, by="department", value=value)
        assert "Board" not in m.index and "Board" not in m.columns
        assert np.isfinite(m.to_numpy()).all(), "no hidden cells to subtract"
    m = group_tie_matrix(advice, by="department")
    loops = nx.number_of_selfloops(advice)
    assert m.to_numpy().sum() == advice.number_of_edges() - loops  # all ties are shown
    other = m.attrs["other"]
    assert other == privacy.other_label(5) and "Board" in m.attrs["suppressed"]
    # the merged group holds more than the Board: its row is not the Board's row
    assert m.attrs["group_sizes"][other] >= 5
    assert m.loc[other].sum() + m[other].sum() - m.loc[other, other] != _board_ties(advice)


def test_every_shown_group_has_at_least_the_minimum(advice):
    for by, n in itertools.product(("department", "location", "level", "team"), (3, 5, 10)):
        m = group_tie_matrix(advice, by=by, min_group_size=n)
        assert min(m.attrs["group_sizes"].values()) >= min(n, advice.number_of_nodes())


def test_two_minimums_never_isolate_a_group_below_the_floor(advice):
    """Differencing across settings: what one minimum merges and another does not."""
    labels = {n: privacy.group_labels(advice, "department", n) for n in range(3, 30)}
    for a, b in itertools.combinations(labels, 2):
        merged_a = set(labels[a].attrs["merged"])
        merged_b = set(labels[b].attrs["merged"])
        sizes = advice_sizes(advice)
        for group in merged_b ^ merged_a:
            assert sizes[group] >= min(a, b)


def advice_sizes(G: nx.Graph) -> pd.Series:
    return pd.Series(nx.get_node_attributes(G, "department")).value_counts()


def test_roles_sizes_and_ei_use_the_same_merged_groups(advice):
    roles = network_roles(advice, by="department")
    sizes = group_sizes(advice, by="department")
    ei = ei_index(advice, by="department")
    m = group_tie_matrix(advice, by="department")
    for shown in (set(roles["group"]), set(sizes.index), set(ei.index)):
        assert shown == set(m.index) and "Board" not in shown


def test_protect_graph_leaves_no_small_group_on_any_node(advice):
    H = privacy.protect_graph(advice, "department", 5)
    values = set(nx.get_node_attributes(H, "department").values())
    assert "Board" not in values and privacy.other_label(5) in values
    assert "Board" in set(nx.get_node_attributes(advice, "department").values())  # unchanged


@pytest.mark.parametrize("asked", [0, 1, 2, -4])
def test_one_never_turns_suppression_off(asked):
    with pytest.warns(privacy.PrivacyWarning):
        assert privacy.resolve_min_group_size(asked) == privacy.floor()


def test_the_floor_is_set_by_whoever_runs_it_not_by_the_request(monkeypatch):
    monkeypatch.setenv(privacy.FLOOR_ENV, "8")
    with pytest.warns(privacy.PrivacyWarning):
        assert privacy.resolve_min_group_size(5) == 8
    labels = pd.Series(["A"] * 7 + ["B"] * 20)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", privacy.PrivacyWarning)
        merged = privacy.merge_small_groups(labels, 3)
    assert "A" not in set(merged)


@pytest.mark.parametrize("n", [1_000, 10_000])
def test_short_pseudonyms_never_collide(n):
    ids = pd.DataFrame({"person_id": [f"E{i:06d}" for i in range(n)]})
    for key in ("k1", "k2", "k3"):
        out = pseudonymise(ids, "person_id", key=key, length=None)
        assert out["person_id"].is_unique
        assert out["person_id"].str.len().max() <= 2 + pseudonym_length(n) + 3


def test_a_fixed_length_that_collides_is_extended_not_failed():
    ids = pd.DataFrame({"person_id": [f"E{i:06d}" for i in range(10_000)]})
    with pytest.warns(UserWarning, match="same pseudonym"):
        out = pseudonymise(ids, "person_id", key="k", length=6)  # 6 hex: collisions certain
    assert out["person_id"].is_unique


def test_one_conversion_to_igraph_and_pagerank_agree_with_networkx(advice):
    graphs = [advice, nx.karate_club_graph(), nx.gnp_random_graph(200, 0.02, seed=3,
                                                                   directed=True)]
    looped = nx.karate_club_graph()
    looped.add_edge(0, 0, weight=3.0)
    graphs.append(looped)
    for G in graphs:
        weight = "weight" if nx.get_edge_attributes(G, "weight") else None
        view = to_igraph(G, weight)
        assert view.graph.vcount() == G.number_of_nodes()
        ours = view.to_nodes(view.pagerank())
        ref = nx.pagerank(G, weight=weight, tol=1e-12, max_iter=1000)
        assert max(abs(ours[n] - ref[n]) for n in G) < 1e-8
    table = centrality_table(advice, engine="fast")
    ref = nx.pagerank(advice, weight="weight", tol=1e-12, max_iter=1000)
    assert np.allclose(table["pagerank"], [ref[n] for n in table.index], atol=1e-8)
