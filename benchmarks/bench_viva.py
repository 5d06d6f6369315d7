"""Viva Insights person-to-person query: the kit against vivainsights' own network_p2p.

A Viva Insights analyst would call ``vivainsights.network_p2p(data, return_type="data",
centrality="betweenness", community="multilevel")`` for a vertex table (centralities and a
community per person). The kit reads the same query with ``socialhrm.formats.read_viva_p2p``
and computes the same table (exact betweenness, closeness, degree, eigenvector, PageRank)
with ``centrality_table`` and the same communities (igraph's multilevel, as vivainsights)
with ``silos.communities``. Imports are not timed on either side, nor is loading the kit's
compiled kernels (``kernels.warm_up``; compiled once per installation). Both run on the
same simulated query of 5,000 people (``vivainsights.p2p_data_sim``); the betweenness
values are compared too.

    python benchmarks/bench_viva.py [--people 5000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import warnings
from pathlib import Path

from goals import report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=5000)
    args = parser.parse_args(argv)
    try:
        import vivainsights as vi
    except ImportError:
        print("bench_viva: vivainsights is not installed (pip install vivainsights); skipped.")
        return 0
    import numpy as np
    from scipy.stats import spearmanr

    from socialhrm.formats import read_viva_p2p
    from socialhrm.network import build_network, centrality_table, kernels
    from socialhrm.silos import communities

    warnings.simplefilter("ignore")
    kernels.warm_up()
    data = vi.p2p_data_sim(dim=1, size=args.people)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "p2p.csv"
        data.to_csv(path, index=False)

        start = time.perf_counter()
        people, ties = read_viva_p2p(path, weight=None)
        G = build_network(ties, people, directed=False)
        table = centrality_table(G, exact_threshold=10**9, weight=None)
        table["community"] = communities(G, method="multilevel", seed=1)["community"]
        kit = time.perf_counter() - start

    start = time.perf_counter()
    theirs = vi.network_p2p(data, return_type="data", centrality="betweenness",
                            community="multilevel")
    viva = time.perf_counter() - start

    theirs = theirs.set_index("name")
    common = table.index.intersection(theirs.index)
    rho = spearmanr(table.loc[common, "betweenness"], theirs.loc[common, "betweenness"])[0]
    print(f"Viva Insights person-to-person query: {args.people:,} people, "
          f"{len(data):,} rows, {G.number_of_edges():,} ties")
    print(f"{'way':<46}{'seconds':>10}")
    print(f"{'socialhrm (read + centrality + multilevel)':<46}{kit:>10.2f}")
    print(f"{'vivainsights.network_p2p (data)':<46}{viva:>10.2f}")
    print(f"speed-up: {viva / kit:.1f}x; betweenness rank correlation with vivainsights: "
          f"{rho:.4f}; communities: {table['community'].nunique()} (kit) vs "
          f"{theirs['cluster'].nunique()} (vivainsights)")
    if not np.isfinite(rho) or rho < 0.99:
        print("bench_viva: the two betweenness columns disagree", file=sys.stderr)
        return 1
    report(f"vivainsights network_p2p, {args.people:,} people: speed-up", viva / kit, 50,
           "x", higher_is_better=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
