"""ONA report at scale: the kit versus the plain-networkx way, stage by stage.

A synthetic log of 1M messages among 10k people (departments, heavy-tailed activity,
most contacts within the department) goes through read_interactions -> network_report (the
table of centrality_table and the figures of describe, computed from the aggregated edge
arrays by the kit's compiled kernels), and the same report is computed the plain way
(pandas groupby, nx.from_pandas_edgelist, networkx's functions). The learner's way (build_network ->
centrality_table -> describe, the networkx graph) is timed as well. Each way runs in its
own process so that peak memory is its own.

    python benchmarks/bench_core.py                 # the full size (1M messages, 10k people)
    python benchmarks/bench_core.py --large         # and 100k people / 10M messages (kit only)
    python benchmarks/bench_core.py --people 2000 --messages 100000   # a quick run
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

from goals import report

os.environ.setdefault("OMP_WAIT_POLICY", "passive")

import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

K = 256  # sampled sources for betweenness, both ways


def make_log(people: int, messages: int, contacts: int, seed: int, folder: Path) -> None:
    rng = np.random.default_rng(seed)
    dept = rng.integers(0, max(people // 100, 1), people)
    ids = np.array([f"E{i:06d}" for i in range(people)])
    order = np.argsort(dept, kind="stable")
    sorted_dept = dept[order]
    starts = np.searchsorted(sorted_dept, np.arange(dept.max() + 1))
    ends = np.searchsorted(sorted_dept, np.arange(dept.max() + 1), side="right")
    inside = int(contacts * 0.8)
    own = np.empty((people, contacts), dtype=np.int64)
    lo, hi = starts[dept], ends[dept]
    own[:, :inside] = order[(lo[:, None] + rng.random((people, inside)) * (hi - lo)[:, None])
                            .astype(np.int64)]
    own[:, inside:] = rng.integers(0, people, (people, contacts - inside))
    activity = rng.lognormal(0, 1, people)
    sender = rng.choice(people, messages, p=activity / activity.sum())
    recipient = own[sender, rng.integers(0, contacts, messages)]
    start = np.datetime64("2025-01-01T00:00:00")
    stamps = start + rng.integers(0, 180 * 24 * 3600, messages).astype("timedelta64[s]")
    log = pd.DataFrame({"sender": ids[sender], "recipient": ids[recipient],
                        "timestamp": stamps,
                        "channel": rng.choice(["email", "chat", "meeting"], messages)})
    log.to_parquet(folder / "log.parquet", index=False)
    pd.DataFrame({"person_id": ids, "department": [f"D{d:03d}" for d in dept]}).to_parquet(
        folder / "people.parquet", index=False)


def run_kit(folder: Path) -> dict:
    from socialhrm import read_interactions
    from socialhrm.data import read_people
    from socialhrm.network import kernels, network_report

    # imports are not part of the report (plain networkx's neither), nor is loading the
    # compiled kernels from numba's cache (compiled once per installation; timed apart)
    compile_s = kernels.warm_up()
    t = {}
    t0 = time.perf_counter()
    people = read_people(folder / "people.parquet")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        log = read_interactions(folder / "log.parquet")
    t["read + validate"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    table, facts = network_report(log, people, k=K, seed=0)
    total = time.perf_counter() - t0
    steps = table.attrs["timings"]
    t["build network"] = steps["aggregate"]
    t["centrality table"] = steps["centrality table"]
    t["describe"] = total - steps["aggregate"] - steps["centrality table"]
    return {"times": t, "edges": int(facts["edges"]), "rows": len(table),
            "columns": len(table.columns), "triangles": int(facts["triangles"]),
            "compile_s": compile_s}


def run_graph(folder: Path) -> dict:
    """The learner's way: the networkx graph, then centrality_table and describe on it."""
    from socialhrm import build_network, centrality_table, describe, read_interactions
    from socialhrm.data import read_people
    from socialhrm.network import kernels

    kernels.warm_up()

    t = {}
    t0 = time.perf_counter()
    people = read_people(folder / "people.parquet")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        log = read_interactions(folder / "log.parquet")
    t["read + validate"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    G = build_network(log, people)
    t["build network"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    table = centrality_table(G, k=K, seed=0)
    t["centrality table"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    facts = describe(G)
    t["describe"] = time.perf_counter() - t0
    return {"times": t, "edges": G.number_of_edges(), "rows": len(table),
            "columns": len(table.columns), "triangles": int(facts["triangles"])}


def run_plain(folder: Path, closeness_probe: int) -> dict:
    t = {}
    t0 = time.perf_counter()
    log = pd.read_parquet(folder / "log.parquet")
    people = pd.read_parquet(folder / "people.parquet")
    log = log[log["sender"] != log["recipient"]]
    t["read + validate"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    edges = log.groupby(["sender", "recipient"]).size().reset_index(name="weight")
    G = nx.from_pandas_edgelist(edges, "sender", "recipient", edge_attr="weight",
                                create_using=nx.DiGraph)
    G.add_nodes_from(people["person_id"])
    nx.set_node_attributes(G, dict(zip(people["person_id"], people["department"],
                                       strict=True)), "department")
    t["build network"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    dict(G.in_degree()), dict(G.out_degree()), dict(G.degree(weight="weight"))
    nx.betweenness_centrality(G, k=K, seed=0)
    nx.pagerank(G, weight="weight")
    U = G.to_undirected()
    nx.eigenvector_centrality_numpy(U.subgraph(max(nx.connected_components(U), key=len)))
    nx.clustering(U)
    nx.constraint(U)
    nx.effective_size(U)
    measured = time.perf_counter() - t0
    # exact closeness is one BFS per person: time a few and extrapolate
    R = G.reverse(copy=False)  # closeness counts distances *to* a person
    t1 = time.perf_counter()
    for v in list(G)[:closeness_probe]:
        nx.single_source_shortest_path_length(R, v)
    per = (time.perf_counter() - t1) / closeness_probe
    t["centrality table"] = measured
    t["+ exact closeness"] = per * G.number_of_nodes()
    t0 = time.perf_counter()
    nx.density(G), nx.reciprocity(G)
    list(nx.weakly_connected_components(G)), list(nx.strongly_connected_components(G))
    nx.average_clustering(U), sum(nx.triangles(U).values()) // 3
    t["describe"] = time.perf_counter() - t0
    return {"times": t, "edges": G.number_of_edges(), "closeness_estimated": True}


def child(way: str, folder: Path, probe: int) -> None:
    runs = {"kit": run_kit, "graph": run_graph}
    result = runs[way](folder) if way in runs else run_plain(folder, probe)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--people", type=int, default=10_000)
    ap.add_argument("--messages", type=int, default=1_000_000)
    ap.add_argument("--contacts", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--closeness-probe", type=int, default=20)
    ap.add_argument("--skip-plain", action="store_true", help="only time the kit")
    ap.add_argument("--large", action="store_true",
                    help="then 100k people / 10M messages, the kit only (goal <= 20 s, 3 GB)")
    ap.add_argument("--child", choices=["kit", "graph", "plain"], help=argparse.SUPPRESS)
    ap.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args.child, args.folder, args.closeness_probe)
        return 0
    code = one_size(args.people, args.messages, args, with_plain=not args.skip_plain)
    if code == 0 and args.large:
        print()
        code = one_size(100_000, 10_000_000, args, with_plain=False, large=True)
    return code


def one_size(people: int, messages: int, args: argparse.Namespace, *, with_plain: bool,
             large: bool = False) -> int:
    """Time the report at one size and print the table and the goal lines."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        make_log(people, messages, args.contacts, args.seed, folder)
        load = os.getloadavg()
        print(f"ONA report: {messages:,} messages among {people:,} people "
              f"(synthetic log made in {time.perf_counter() - t0:.1f} s; "
              f"betweenness sampled with k={K}; {os.cpu_count()} cores; load average "
              f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} before the run)\n")
        results = {}
        ways = ["kit"] + ([] if large else ["graph"]) + (["plain"] if with_plain else [])
        for way in ways:
            out = subprocess.run(
                [sys.executable, __file__, "--child", way, "--folder", str(folder),
                 "--closeness-probe", str(args.closeness_probe)],
                capture_output=True, text=True, check=False)
            if out.returncode != 0:
                print(out.stderr, file=sys.stderr)
                return out.returncode
            results[way] = json.loads(out.stdout.strip().splitlines()[-1])
    stages = list(results["kit"]["times"])
    if "plain" in results:
        for way in ("kit", "graph"):
            if way in results:
                results[way]["times"]["+ exact closeness"] = 0.0
        stages.insert(3, "+ exact closeness")
    names = {"kit": "socialhrm", "graph": "via nx graph", "plain": "plain networkx"}
    header = f"{'stage':<20}" + "".join(f"{names[w]:>16}" for w in results)
    if "plain" in results:
        header += f"{'speed-up':>10}"
    print(header)
    print("-" * len(header))
    for stage in [*stages, "total"]:
        line = f"{stage:<20}"
        for way in results:
            times = results[way]["times"]
            value = sum(times.values()) if stage == "total" else times[stage]
            if stage == "+ exact closeness" and way != "plain":
                line += f"{'(in table)':>16}"  # the kit's closeness is in the table
            else:
                mark = "*" if way == "plain" and stage in ("+ exact closeness", "total") else " "
                line += f"{value:>13.2f} s{mark}"
        if "plain" in results and stage != "+ exact closeness":
            kit = (sum(results["kit"]["times"].values()) if stage == "total"
                   else results["kit"]["times"][stage])
            plain = (sum(results["plain"]["times"].values()) if stage == "total"
                     else results["plain"]["times"][stage])
            line += f"{plain / kit:>9.1f}x"
        print(line)
    print(f"{'peak memory':<20}" + "".join(f"{results[w]['peak_mb']:>13.0f} MB"
                                           for w in results))
    print(f"\nnetwork: {results['kit']['edges']:,} ties, {results['kit']['rows']:,} people x "
          f"{results['kit']['columns']} measures. socialhrm = read_interactions + "
          "network_report (compiled kernels on the edge arrays, threads on every core); "
          "via nx graph = build_network + centrality_table + describe (the learner's "
          "networkx graph).\nLoading the compiled kernels took "
          f"{results['kit']['compile_s']:.2f} s before the timing (a few seconds once after "
          "installing, when numba compiles them; then from its cache).")
    if "plain" in results:
        print("* plain networkx has no sampled closeness: its exact closeness (one BFS per "
              f"person) is extrapolated from {args.closeness_probe} people; the kit estimates "
              f"closeness from the same {K} sampled sources as betweenness (Eppstein & Wang "
              "2004). Everything else is measured.")
    total = sum(results["kit"]["times"].values())
    label = f"whole ONA report, {people:,} people / {messages:,} messages"
    if large:
        report(label, total, 20.0)
        report(f"peak memory, {people:,} people / {messages:,} messages",
               results["kit"]["peak_mb"] / 1024, 3.0, "GB")
    else:
        report(label, total, 1.5)
    return 0


if __name__ == "__main__":
    sys.exit(main())
