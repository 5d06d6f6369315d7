"""HR as change agent: how a new way of working spreads through the network.

Four questions a change agent asks, one function each:

- :func:`adoption_curve` — how did adoption actually go? The observed share of adopters week
  by week (overall or per group, small groups merged by the privacy gate), and
  :func:`exposure_at_adoption` — did people adopt after their contacts did?
- :func:`simulate_adoption` — what would happen if ...? Monte Carlo simulation of four models of
  spreading: an independent cascade ("like a rumour"), a linear threshold, complex contagion
  ("needs a few colleagues first") and broadcasting plus conversation ("newsletter plus
  conversation", a network Bass model).
- :func:`choose_seeds` and :func:`compare_strategies` — whom should we enlist as pioneers?
- :func:`fit_adoption` — which model and parameters reproduce what we observed?

All runs of a simulation are computed together: the state is one matrix (people x runs) and
each step is one sparse matrix product over the network's adjacency (``scipy.sparse``), not a
Python loop per run or per person. The same ``seed`` gives the same result.

Influence flows along the ties: both ways in an undirected network, from ``u`` to ``v`` along
an edge ``u -> v`` in a directed one (reverse a survey network, ``G.reverse()``, when "A names
B" should mean that B influences A).

References
----------
.. [1] D. Kempe, J. Kleinberg & E. Tardos (2003), Maximizing the spread of influence through a
   social network, *KDD '03*, 137-146.
.. [2] D. Centola & M. Macy (2007), Complex contagions and the weakness of long ties,
   *American Journal of Sociology* 113(3), 702-734.
.. [3] F. M. Bass (1969), A new product growth for model consumer durables, *Management
   Science* 15(5), 215-227.
.. [4] T. W. Valente (1996), Social network thresholds in the diffusion of innovations,
   *Social Networks* 18(1), 69-89; T. W. Valente (2012), Network interventions, *Science*
   337, 49-53.
.. [5] J. Leskovec, A. Krause, C. Guestrin, C. Faloutsos, J. VanBriesen & N. Glance (2007),
   Cost-effective outbreak detection in networks, *KDD '07* (the lazy greedy "CELF").
.. [6] S. P. Borgatti (2006), Identifying sets of key players in a social network,
   *Computational and Mathematical Organization Theory* 12, 21-34.

Examples
--------
>>> import networkx as nx
>>> G = nx.path_graph(4)
>>> res = simulate_adoption(G, [0], "cascade", runs=2000, p=0.5, seed=1)
>>> round(float(res.summary["final_share_mean"].iloc[0]), 1)   # (1 + .5 + .25 + .125) / 4
0.5
"""

from __future__ import annotations

from socialhrm.adoption.fitting import DEFAULT_GRID, fit_adoption
from socialhrm.adoption.observed import adoption_curve, exposure_at_adoption, first_adopters
from socialhrm.adoption.seeding import choose_seeds, compare_strategies
from socialhrm.adoption.simulation import (
    BROADCAST_STEPS,
    MODELS,
    STRATEGIES,
    AdoptionResult,
    simulate_adoption,
)

__all__ = [
    "BROADCAST_STEPS",
    "DEFAULT_GRID",
    "MODELS",
    "STRATEGIES",
    "AdoptionResult",
    "adoption_curve",
    "choose_seeds",
    "compare_strategies",
    "exposure_at_adoption",
    "first_adopters",
    "fit_adoption",
    "simulate_adoption",
]
