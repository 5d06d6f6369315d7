"""Speed of the business-partner analyses (modules 2-4, organisation-health dashboard).

Side by side with the plain way a learner would write it:

- E-I permutation test, 1,000 relabellings: ``ei_index`` (batched numpy counts) against a
  Python loop over ties per permutation;
- key players (k=3, greedy + swaps): ``key_players`` (sparse matrix, scipy components) against
  the same search with networkx subgraphs;
- the dashboard's "what if this person leaves": ``OrgHealth.what_if`` (only the person's
  topics, plus who is cut off) against ``knowledge_at_risk`` over all topics.

Goal: every dashboard control change under 300 ms on a 2-core machine.

Run: .venv/bin/python benchmarks/bench_partner.py
"""

from __future__ import annotations

import random
import time

import networkx as nx

from socialhrm import datasets
from socialhrm.knowledge import fragmentation, key_players, knowledge_at_risk
from socialhrm.silos import ei_index


def timed(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def plain_ei(G: nx.Graph, by: str, permutations: int) -> None:
    labels = [G.nodes[n].get(by) for n in G]
    nodes = list(G)
    rnd = random.Random(0)
    for _ in range(permutations):
        rnd.shuffle(labels)
        group = dict(zip(nodes, labels, strict=True))
        ext = sum(group[u] != group[v] for u, v in G.edges())
        (2 * ext - G.number_of_edges()) / G.number_of_edges()


def plain_fragmentation(G: nx.Graph, removed: list) -> float:
    H = G.to_undirected()
    H.remove_nodes_from(removed)
    n = H.number_of_nodes()
    return 1 - sum(len(c) * (len(c) - 1) for c in nx.connected_components(H)) / (n * (n - 1))


def plain_key_players(G: nx.Graph, k: int) -> None:
    U = G.to_undirected()
    chosen: list = []

    def frag(removed):
        H = U.subgraph([n for n in U if n not in removed])
        n = H.number_of_nodes()
        return 1 - sum(len(c) * (len(c) - 1) for c in nx.connected_components(H)) / (n * (n - 1))

    for _ in range(k):
        chosen.append(max((n for n in U if n not in chosen), key=lambda n: frag([*chosen, n])))


def main() -> None:
    org = datasets.load("noordhaven")
    messages = org.network("interactions", directed=False)
    advice = org.network("advice")
    rows = [
        ("E-I test, 1,000 permutations", timed(lambda: ei_index(messages, permutations=1000)),
         timed(lambda: plain_ei(messages, "department", 1000), repeat=1)),
        ("key players, k=3 (greedy start)", timed(lambda: key_players(advice, k=3,
                                                                       max_passes=0)),
         timed(lambda: plain_key_players(advice, 3), repeat=1)),
        ("fragmentation of one removal", timed(lambda: fragmentation(advice, ["NH0067"])),
         timed(lambda: plain_fragmentation(advice, ["NH0067"]))),
    ]
    from socialhrm.apps.org_health import OrgHealth

    app = OrgHealth()
    app.data.cache.clear()
    whatif = timed(lambda: (app.data.cache.clear(), app.what_if("NH0067")), repeat=3)
    full = timed(lambda: knowledge_at_risk(advice, org.expertise, leaving="NH0067"))
    rows.append(("what if NH0067 leaves (dashboard)", whatif, full))
    print(f"{'analysis':<36} {'socialhrm':>12} {'plain way':>12}")
    for name, ours, plain in rows:
        print(f"{name:<36} {ours * 1000:>10.0f} ms {plain * 1000:>10.0f} ms")
    print("goal: a dashboard control change < 300 ms")


if __name__ == "__main__":
    main()
