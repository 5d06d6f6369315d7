"""socialhrm.adoption: the models against exact values, known behaviour, determinism, fitting."""

from __future__ import annotations

import itertools
import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from socialhrm import adoption
from socialhrm.adoption import (
    STRATEGIES,
    adoption_curve,
    choose_seeds,
    compare_strategies,
    exposure_at_adoption,
    fit_adoption,
    simulate_adoption,
)
from socialhrm.data import DataError


@pytest.fixture(scope="session")
def org():
    from socialhrm.datasets import load

    return load("noordhaven")


@pytest.fixture(scope="session")
def contacts(org):
    return org.network("interactions", directed=False)


def _within(mean: float, exact: float, sd: float, runs: int) -> bool:
    return abs(mean - exact) <= 4.5 * sd / math.sqrt(runs) + 1e-12


# ---------------------------------------------------------------------------------------
# exact values on tiny graphs
# ---------------------------------------------------------------------------------------
def _exact_cascade(G: nx.Graph, seeds: set, prob: dict) -> float:
    """Expected final number of adopters, by enumerating every live-edge graph."""
    edges = list(prob)
    total = 0.0
    for live in itertools.product([False, True], repeat=len(edges)):
        pr = 1.0
        H = nx.DiGraph()
        H.add_nodes_from(G)
        for (u, v), on in zip(edges, live, strict=True):
            pr *= prob[(u, v)] if on else 1 - prob[(u, v)]
            if on:
                H.add_edge(u, v)
        reached = set(seeds)
        for s in seeds:
            reached |= nx.descendants(H, s)
        total += pr * len(reached)
    return total


def test_cascade_matches_enumeration_of_live_edge_graphs():
    G = nx.Graph([(0, 1), (1, 2), (0, 2), (2, 3), (3, 4)])
    p = 0.4
    prob = {}
    for u, v in G.edges:
        prob[(u, v)] = prob[(v, u)] = p
    exact = _exact_cascade(G, {0}, prob)
    runs = 20000
    res = simulate_adoption(G, [0], "cascade", runs=runs, p=p, seed=3)
    final = res.counts[-1]
    assert _within(final.mean(), exact, final.std(), runs)
    # far from the no-triangle answer: the enumeration really is what is matched
    assert abs(exact - (1 + 2 * p + p**2 + p**3)) > 0.05


def test_cascade_with_weights_matches_enumeration_on_a_directed_graph():
    G = nx.DiGraph()
    G.add_weighted_edges_from([(0, 1, 1.0), (0, 2, 3.0), (1, 3, 2.0), (2, 3, 1.0), (3, 0, 1.0)])
    p = 0.3
    mean_w = np.mean([d["weight"] for *_e, d in G.edges(data=True)])
    prob = {(u, v): 1 - (1 - p) ** (d["weight"] / mean_w) for u, v, d in G.edges(data=True)}
    exact = _exact_cascade(G, {0}, prob)
    runs = 20000
    res = simulate_adoption(G, [0], "cascade", runs=runs, p=p, weight="weight", seed=5)
    final = res.counts[-1]
    assert _within(final.mean(), exact, final.std(), runs)


def test_cascade_per_person_probability_on_a_path():
    res = simulate_adoption(nx.path_graph(5), [0], "cascade", runs=20000, p=0.5, seed=1)
    prob = res.people["probability"].to_numpy()
    exact = 0.5 ** np.arange(5)
    assert np.all(np.abs(prob - exact) <= 4.5 * np.sqrt(exact * (1 - exact) / 20000) + 1e-12)
    # the step of adoption on a path is the distance from the pioneer
    assert res.people["mean_step"].tolist()[:3] == [0.0, 1.0, 2.0]


def _exact_threshold(G: nx.DiGraph, seeds: set) -> float:
    """Linear threshold with uniform thresholds = live edges where each person keeps one tie."""
    nodes = list(G)
    options = []
    for v in nodes:
        preds = list(G.predecessors(v))
        tot = sum(G[u][v]["weight"] for u in preds)
        options.append([(None, 1.0)] if not preds else
                       [(u, G[u][v]["weight"] / tot) for u in preds])
    total = 0.0
    for choice in itertools.product(*options):
        pr = math.prod(w for _u, w in choice)
        H = nx.DiGraph()
        H.add_nodes_from(nodes)
        H.add_edges_from((u, v) for v, (u, _w) in zip(nodes, choice, strict=True)
                         if u is not None)
        reached = set(seeds)
        for s in seeds:
            reached |= nx.descendants(H, s)
        total += pr * len(reached)
    return total


def test_threshold_matches_enumeration_of_live_edge_graphs():
    G = nx.DiGraph()
    G.add_weighted_edges_from([(0, 1, 1.0), (2, 1, 2.0), (1, 3, 1.0), (0, 3, 1.0), (2, 3, 2.0),
                               (3, 4, 1.0), (1, 4, 1.0), (4, 2, 1.0)])
    exact = _exact_threshold(G, {0})
    runs = 20000
    res = simulate_adoption(G, [0], "threshold", runs=runs, weight="weight", seed=2)
    final = res.counts[-1]
    assert _within(final.mean(), exact, final.std(), runs)
    assert 1.2 < exact < 4.5


def test_threshold_with_given_thresholds_is_exact():
    G = nx.star_graph(4)  # centre 0
    # everyone at threshold 0.5: the centre adopts once half its ties have
    res = simulate_adoption(G, [1, 2], "threshold", runs=3, thresholds=0.5)
    assert res.counts[-1].tolist() == [5, 5, 5]
    res = simulate_adoption(G, [1], "threshold", runs=3, thresholds=0.5)
    assert res.counts[-1].tolist() == [1, 1, 1]


def test_broadcast_without_conversation_is_the_campaign_alone():
    G = nx.empty_graph(400)
    runs, steps, p = 200, 10, 0.05
    res = simulate_adoption(G, [], "broadcast", runs=runs, steps=steps, p=p, q=0.0, seed=4)
    share = res.band["mean"].to_numpy()
    exact = 1 - (1 - p) ** np.arange(steps + 1)
    assert np.allclose(share, exact, atol=0.01)


def test_broadcast_conversation_step_is_exact():
    # one pioneer, 3 contacts, no campaign: each contact adopts in step 1 with probability q
    G = nx.star_graph(3)
    res = simulate_adoption(G, [0], "broadcast", runs=20000, steps=1, p=0.0, q=0.3, seed=0)
    final = res.counts[-1] - 1
    assert _within(final.mean(), 3 * 0.3, final.std(), 20000)
    # a person with two adopting contacts: 1 - (1 - q)^2
    G = nx.Graph([(0, 2), (1, 2)])
    res = simulate_adoption(G, [0, 1], "broadcast", runs=20000, steps=1, p=0.0, q=0.3, seed=0)
    got = res.people.loc[2, "probability"]
    assert abs(got - (1 - 0.7**2)) < 4.5 * math.sqrt(0.51 * 0.49 / 20000)


# ---------------------------------------------------------------------------------------
# complex contagion on ring lattices (Centola & Macy 2007)
# ---------------------------------------------------------------------------------------
def _two_lattices(bridge: list[tuple[int, int]]) -> nx.Graph:
    a = nx.watts_strogatz_graph(20, 4, 0)
    b = nx.relabel_nodes(nx.watts_strogatz_graph(20, 4, 0), lambda v: v + 20)
    G = nx.union(a, b)
    G.add_edges_from(bridge)
    return G


def test_complex_contagion_spreads_around_a_ring_lattice():
    ring = nx.watts_strogatz_graph(30, 4, 0)
    assert simulate_adoption(ring, [0, 1], "complex", runs=1, k=2).counts[-1][0] == 30
    # one pioneer alone convinces nobody when two colleagues are needed
    assert simulate_adoption(ring, [0], "complex", runs=1, k=2).counts[-1][0] == 1
    # far-apart pioneers do not reinforce each other
    assert simulate_adoption(ring, [0, 15], "complex", runs=1, k=2).counts[-1][0] == 2


def test_complex_contagion_crosses_wide_bridges_and_stops_at_narrow_ones():
    wide = _two_lattices([(0, 20), (1, 20), (0, 21), (1, 21)])
    narrow = _two_lattices([(0, 20), (5, 30)])
    assert simulate_adoption(wide, [0, 1], "complex", runs=1, k=2).counts[-1][0] == 40
    assert simulate_adoption(narrow, [0, 1], "complex", runs=1, k=2).counts[-1][0] == 20
    # a rumour (simple contagion) crosses the narrow bridge
    rumour = simulate_adoption(narrow, [0, 1], "cascade", runs=1, p=1.0)
    assert rumour.counts[-1][0] == 40


def test_complex_contagion_fraction_and_slow_adoption():
    ring = nx.watts_strogatz_graph(30, 4, 0)
    # half of four contacts = two: the same as k=2
    assert simulate_adoption(ring, [0, 1], "complex", runs=1, fraction=0.5).counts[-1][0] == 30
    assert simulate_adoption(ring, [0, 1], "complex", runs=1, fraction=0.75).counts[-1][0] == 2
    fast = simulate_adoption(ring, [0, 1], "complex", runs=50, k=2, q=1.0)
    slow = simulate_adoption(ring, [0, 1], "complex", runs=50, k=2, q=0.3, seed=1)
    assert slow.final_share.min() == 1.0
    assert slow.summary["time_to_half_mean"].iloc[0] > fast.summary["time_to_half_mean"].iloc[0]


# ---------------------------------------------------------------------------------------
# result tables, errors
# ---------------------------------------------------------------------------------------
def test_result_tables_are_consistent(contacts):
    res = simulate_adoption(contacts, ["NH0068", "NH0048"], "cascade", runs=300, p=0.05)
    n = contacts.number_of_nodes()
    assert set(res.curve.columns) == {"run", "step", "adopters", "share"}
    assert len(res.curve) == res.counts.size
    last = res.curve[res.curve["step"] == res.curve["step"].max()]
    assert np.allclose(last.sort_values("run")["share"], res.final_share)
    s = res.summary.iloc[0]
    assert s["final_share_low"] <= s["final_share_mean"] <= s["final_share_high"]
    assert s["people"] == n and s["seeds"] == 2
    assert math.isclose(res.people["probability"].sum(), res.counts[-1].mean())
    assert res.people.loc["NH0068", "probability"] == 1.0
    assert (res.band["low"] <= res.band["high"]).all()
    assert res.band["mean"].is_monotonic_increasing


def test_seed_sets_per_run():
    G = nx.path_graph(4)
    res = simulate_adoption(G, [[0], [3], [1, 2]], "cascade", runs=3, p=0.0)
    assert res.counts[0].tolist() == [1, 1, 2]
    with pytest.raises(DataError, match="seed sets"):
        simulate_adoption(G, [[0], [3]], "cascade", runs=3)


@pytest.mark.parametrize("kwargs, match", [
    ({"model": "gossip"}, "Unknown model"),
    ({"model": "cascade", "p": 1.5}, "between 0 and 1"),
    ({"model": "cascade", "q": 0.1}, "no parameter"),
    ({"model": "complex", "k": 0}, "whole number"),
    ({"model": "threshold", "thresholds": 2.0}, "between 0 and 1"),
])
def test_bad_parameters_are_explained(kwargs, match):
    with pytest.raises(DataError, match=match):
        simulate_adoption(nx.path_graph(3), [0], runs=2, **kwargs)


def test_unknown_pioneer_is_named():
    with pytest.raises(DataError, match="NH9999"):
        simulate_adoption(nx.path_graph(3), ["NH9999"], "cascade", runs=2)


def test_progress_callback_is_called():
    calls = []
    simulate_adoption(nx.path_graph(5), [0], "cascade", runs=7, progress=lambda d, t:
                      calls.append((d, t)))
    assert calls and calls[-1] == (7, 7)


# ---------------------------------------------------------------------------------------
# determinism
# ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("model, params", [("cascade", {"p": 0.08}), ("threshold", {}),
                                           ("complex", {"k": 2, "q": 0.3}),
                                           ("broadcast", {"p": 0.01, "q": 0.02})])
def test_simulation_is_deterministic_given_a_seed(contacts, model, params):
    a = simulate_adoption(contacts, ["NH0068", "NH0048"], model, runs=100, seed=7, **params)
    b = simulate_adoption(contacts, ["NH0068", "NH0048"], model, runs=100, seed=7, **params)
    c = simulate_adoption(contacts, ["NH0068", "NH0048"], model, runs=100, seed=8, **params)
    assert np.array_equal(a.counts, b.counts)
    pd.testing.assert_frame_equal(a.people, b.people)
    assert not np.array_equal(a.counts, c.counts)


@pytest.mark.parametrize("strategy", sorted(STRATEGIES))
def test_every_strategy_is_deterministic(org, contacts, strategy):
    kw = {"events": org.events, "runs": 50}
    a = choose_seeds(contacts, 5, strategy, seed=3, **kw)
    b = choose_seeds(contacts, 5, strategy, seed=3, **kw)
    assert a == b
    assert len(a) == 5 and len(set(a)) == 5 and all(v in contacts for v in a)


def test_strategies_pick_what_they_promise(org, contacts):
    people = org.people.set_index("person_id")
    assert {people.loc[v, "department"] for v in choose_seeds(contacts, 5, "hr_first")} == {"HR"}
    deg = dict(contacts.degree())
    top = choose_seeds(contacts, 3, "degree")
    assert [deg[v] for v in top] == sorted(deg.values(), reverse=True)[:3]
    ceo = people.index[people["manager_id"].isna()][0]
    assert choose_seeds(contacts, 1, "managers") == [ceo]
    first = org.events[org.events["event"] == "platform_first_post"].sort_values("timestamp")
    assert choose_seeds(contacts, 3, "volunteers", events=org.events) == \
        first["person_id"].head(3).tolist()
    assert choose_seeds(contacts, 4, "random", seed=1) != choose_seeds(contacts, 4, "random",
                                                                       seed=2)


def test_spread_picks_one_key_player_per_cluster():
    # three cliques joined in a chain: key players sit in different cliques
    G = nx.disjoint_union_all([nx.complete_graph(6) for _ in range(3)])
    G.add_edges_from([(0, 6), (7, 12)])
    chosen = choose_seeds(G, 3, "spread")
    assert sorted(v // 6 for v in chosen) == [0, 1, 2]


@pytest.mark.parametrize("graph, model, params", [
    ("undirected", "cascade", {"p": 0.2}),
    ("directed", "cascade", {"p": 0.3}),
    ("undirected", "threshold", {}),
    ("undirected", "complex", {"k": 2, "q": 0.5}),
])
def test_celf_equals_plain_greedy(graph, model, params):
    G = nx.powerlaw_cluster_graph(40, 2, 0.3, seed=1)
    if graph == "directed":
        G = nx.gnp_random_graph(40, 0.08, seed=2, directed=True)
    kw = {"model": model, "runs": 40, "seed": 5, "model_params": params}
    lazy = choose_seeds(G, 4, "greedy", lazy=True, **kw)
    plain = choose_seeds(G, 4, "greedy", lazy=False, **kw)
    assert lazy == plain


def test_greedy_beats_random_pioneers():
    G = nx.barabasi_albert_graph(200, 1, seed=3)
    greedy = choose_seeds(G, 3, "greedy", p=0.3, runs=100)
    rand = choose_seeds(G, 3, "random", seed=0)
    spread = [simulate_adoption(G, s, "cascade", runs=500, p=0.3).counts[-1].mean()
              for s in (greedy, rand)]
    assert spread[0] > spread[1]


def test_compare_strategies_table(org, contacts):
    t = compare_strategies(contacts, 4, ["random", "degree", "hr_first"], "complex", runs=100,
                           model_params={"k": 2, "q": 0.3})
    assert t["strategy"].tolist() == ["random", "degree", "hr_first"]
    assert {"label", "seeds", "final_share_mean", "final_share_low", "final_share_high",
            "time_to_half_mean"} <= set(t.columns)
    assert t["seeds"].map(len).eq(4).all()


# ---------------------------------------------------------------------------------------
# observed adoption and fitting
# ---------------------------------------------------------------------------------------
def test_adoption_curve_on_noordhaven(org, contacts):
    curve = adoption_curve(org.events, org.people)
    posts = org.events[org.events["event"] == "platform_first_post"]
    assert curve["group"].unique().tolist() == ["all"]
    assert curve["adopters"].iloc[-1] == posts["person_id"].nunique()
    assert curve["share"].is_monotonic_increasing
    assert curve["week_start"].iloc[0] == pd.Timestamp("2025-02-03")
    by = adoption_curve(org.events, org.people, by="department", G=contacts)
    sizes = by.groupby("group")["people"].first()
    assert sizes.min() >= 5 and sizes.sum() == len(org.people)
    assert "Board" not in sizes.index  # 3 people: merged into the labelled small-group bucket
    assert (by["new_with_earlier_contact"] <= by["new_adopters"]).all()


def test_exposure_at_adoption_is_valentes_threshold(org, contacts):
    expo = exposure_at_adoption(contacts, org.events)
    v = expo.index[10]
    when = expo.loc[v, "adopted_at"]
    nbrs = list(contacts.neighbors(v))
    before = sum(1 for u in nbrs if u in expo.index and expo.loc[u, "adopted_at"] < when)
    assert expo.loc[v, "earlier_contacts"] == before
    assert expo.loc[v, "threshold"] == pytest.approx(before / len(nbrs))
    assert expo["adopted_at"].is_monotonic_increasing


def test_missing_event_is_explained(org):
    with pytest.raises(DataError, match="no rows with event"):
        adoption_curve(org.events, org.people, event="first_like")


def _events_from_run(G: nx.Graph, res) -> pd.DataFrame:
    step = res.people["mean_step"].dropna()
    t0 = pd.Timestamp("2025-02-03 10:00")
    return pd.DataFrame({"person_id": [str(v) for v in step.index], "event": "adopt",
                         "timestamp": [t0 + pd.Timedelta(weeks=int(s)) for s in step]})


@pytest.fixture(scope="module")
def lattice():
    G = nx.watts_strogatz_graph(1200, 8, 0.05, seed=11)
    return nx.relabel_nodes(G, str)


@pytest.mark.parametrize("truth_model, truth", [
    ("complex", {"k": 2, "q": 0.3}),
    ("broadcast", {"p": 0.01, "q": 0.1}),
    ("cascade", {"p": 0.2}),
])
def test_fit_recovers_known_model_and_parameters(lattice, truth_model, truth):
    pioneers = [str(v) for v in range(0, 1200, 60)] + [str(v) for v in range(1, 1200, 60)]
    res = simulate_adoption(lattice, pioneers, truth_model, runs=1, steps=20, seed=42, **truth)
    events = _events_from_run(lattice, res)
    grid = {
        "complex": [{"k": k, "q": q} for k in (1, 2, 3) for q in (0.1, 0.3, 0.6)],
        "broadcast": [{"p": p, "q": q} for p in (0.0, 0.01, 0.03) for q in (0.03, 0.1, 0.3)],
        "cascade": [{"p": p} for p in (0.05, 0.2, 0.5)],
    }
    fit = fit_adoption(lattice, events, ["complex", "broadcast", "cascade"], grid=grid,
                       runs=20, event="adopt", weeks=21)
    best = fit.iloc[0]
    assert best["model"] == truth_model
    assert best["params"] == truth


def test_fit_on_noordhaven_prefers_conversation_over_a_rumour(org, contacts):
    fit = fit_adoption(contacts, org.events, runs=40)
    best = fit.groupby("model")["rmse"].min()
    assert best["cascade"] > 2 * min(best["complex"], best["broadcast"])
    assert fit["rmse"].is_monotonic_increasing


def test_module_lists_its_public_names():
    for name in ("adoption_curve", "simulate_adoption", "choose_seeds", "compare_strategies",
                 "fit_adoption"):
        assert name in adoption.__all__
