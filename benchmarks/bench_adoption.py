"""Adoption simulation at scale: socialhrm.adoption side by side with NDlib (``make bench``).

The same 10,000-person network (a planted-partition organisation: 50 departments of 200,
about 10 contacts each), the same parameters and the same seed sets, for the independent
cascade and the linear threshold model. The kit runs 1,000 runs batched; NDlib runs one
model per run (its way of working), so by default only ``BENCH_NDLIB_RUNS`` (30) of its runs
are timed and its time for 1,000 runs is extrapolated per run (set ``BENCH_NDLIB_RUNS=1000``
to run them all). The final-share distributions are compared with a two-sample KS test; the
threshold model is deterministic given the seeds, so those runs must also agree run by run.

NDlib is a development dependency only (``pip install -e .[dev]``).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import networkx as nx
import numpy as np
from scipy.stats import ks_2samp

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from socialhrm.adoption import simulate_adoption  # noqa: E402

N_GROUPS, GROUP = 50, 200
RUNS = 1000
NDLIB_RUNS = int(os.environ.get("BENCH_NDLIB_RUNS", "30"))
P_CASCADE = 0.1
CASCADE_SEEDS = 20
THRESHOLD_SEEDS = 150


def network() -> nx.Graph:
    return nx.planted_partition_graph(N_GROUPS, GROUP, p_in=0.04, p_out=0.0002, seed=0)


def ndlib_cascade(G: nx.Graph, seeds: list, runs: int) -> tuple[np.ndarray, float]:
    import ndlib.models.epidemics as ep
    import ndlib.models.ModelConfig as mc

    shares = []
    start = time.perf_counter()
    for r in range(runs):
        np.random.seed(1000 + r)
        model = ep.IndependentCascadesModel(G, seed=1000 + r)
        config = mc.Configuration()
        config.add_model_initial_configuration("Infected", seeds)
        for e in G.edges():
            config.add_edge_configuration("threshold", e, P_CASCADE)
        model.set_initial_status(config)
        while True:
            it = model.iteration(node_status=False)
            if it["iteration"] > 0 and it["node_count"][1] == 0:
                break
        shares.append(it["node_count"][2] / G.number_of_nodes())
    return np.array(shares), time.perf_counter() - start


def ndlib_threshold(G: nx.Graph, seed_sets: list[list], theta: dict,
                    runs: int) -> tuple[np.ndarray, float]:
    import ndlib.models.epidemics as ep
    import ndlib.models.ModelConfig as mc

    shares = []
    start = time.perf_counter()
    for r in range(runs):
        model = ep.ThresholdModel(G, seed=r)
        config = mc.Configuration()
        config.add_model_initial_configuration("Infected", seed_sets[r])
        for v, t in theta.items():
            config.add_node_configuration("threshold", v, t)
        model.set_initial_status(config)
        while True:
            it = model.iteration(node_status=False)
            if it["iteration"] > 0 and it["status_delta"][1] == 0:
                break
        shares.append(it["node_count"][1] / G.number_of_nodes())
    return np.array(shares), time.perf_counter() - start


def row(name: str, ours_s: float, theirs_s: float, theirs_runs: int, ks: float, p: float,
        note: str = "") -> None:
    per_run_ours = ours_s / RUNS
    per_run_theirs = theirs_s / theirs_runs
    print(f"{name:<18} {ours_s:>9.2f} s {per_run_theirs * RUNS:>11.1f} s "
          f"{per_run_theirs / per_run_ours:>9.0f}x   KS D={ks:.3f} p={p:.2f} {note}",
          flush=True)


def main() -> None:
    G = network()
    n = G.number_of_nodes()
    print(f"network: {n:,} people, {G.number_of_edges():,} ties "
          f"(mean {2 * G.number_of_edges() / n:.1f} contacts); {RUNS:,} runs per model; "
          f"NDlib timed on {NDLIB_RUNS} runs, extrapolated to {RUNS:,}", flush=True)
    print(f"{'model':<18} {'socialhrm':>11} {'NDlib':>13} {'speed-up':>10}   same distribution?")
    rng = np.random.default_rng(0)

    seeds = [int(v) for v in rng.choice(n, CASCADE_SEEDS, replace=False)]
    simulate_adoption(G, seeds, "cascade", runs=10, p=P_CASCADE)  # warm-up
    t = time.perf_counter()
    ours = simulate_adoption(G, seeds, "cascade", runs=RUNS, p=P_CASCADE, seed=0)
    ours_s = time.perf_counter() - t
    theirs, theirs_s = ndlib_cascade(G, seeds, NDLIB_RUNS)
    ks = ks_2samp(ours.final_share, theirs)
    row("cascade p=0.1", ours_s, theirs_s, NDLIB_RUNS, ks.statistic, ks.pvalue,
        f"(mean {ours.final_share.mean():.3f} vs {theirs.mean():.3f})")

    theta = {v: float(x) for v, x in zip(G.nodes, rng.uniform(0.1, 0.5, n), strict=True)}
    seed_sets = [[int(v) for v in rng.choice(n, THRESHOLD_SEEDS, replace=False)]
                 for _ in range(RUNS)]
    t = time.perf_counter()
    ours = simulate_adoption(G, seed_sets, "threshold", runs=RUNS, thresholds=theta, seed=0)
    ours_s = time.perf_counter() - t
    theirs, theirs_s = ndlib_threshold(G, seed_sets, theta, NDLIB_RUNS)
    ks = ks_2samp(ours.final_share, theirs)
    same = np.array_equal(np.round(ours.final_share[:NDLIB_RUNS] * n), np.round(theirs * n))
    row("threshold", ours_s, theirs_s, NDLIB_RUNS, ks.statistic, ks.pvalue,
        f"(runs identical one by one: {'yes' if same else 'NO'})")
    print("goal: 1,000 runs on 10,000 people <= 3 s and >= 30x NDlib per run; "
          "KS p > 0.01: the two agree", flush=True)


if __name__ == "__main__":
    main()
