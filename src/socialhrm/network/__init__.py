"""The network core: build networks from tables, and measure them.

Graphs are plain networkx graphs whose nodes carry the people table's columns as
attributes, so a learner can always drop down to networkx and see the same thing.
For large graphs the heavy measures run in the fast engine (compiled kernels on the
graph's edge arrays, converted once); tests check that both engines give the same
numbers. A report that does not need the graph itself (:func:`network_report`) computes
the same table and figures straight from the aggregated edge arrays, without building the
networkx graph.
"""

from __future__ import annotations

from socialhrm.network.build import (
    CENTRALITY_COLUMNS,
    FAST_FROM,
    IGRAPH_FROM,
    SYMMETRIC_CHANNELS,
    build_network,
    org_chart,
)
from socialhrm.network.engines import IGraphView, to_igraph
from socialhrm.network.measures import centrality_table, describe
from socialhrm.network.report import network_report

__all__ = [
    "CENTRALITY_COLUMNS",
    "FAST_FROM",
    "IGRAPH_FROM",
    "SYMMETRIC_CHANNELS",
    "IGraphView",
    "build_network",
    "centrality_table",
    "describe",
    "network_report",
    "org_chart",
    "to_igraph",
]
