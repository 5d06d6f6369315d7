"""Social HRM Lab: organisational network analysis for HR, with pandas and networkx.

The library behind the course notebooks, the graded exercises and the dashboards.

- :mod:`socialhrm.data` — the one gate every input passes through (validation, pseudonyms).
- :mod:`socialhrm.network` — build networks from interactions or surveys; centrality and summaries.
- :mod:`socialhrm.roles` — people's network roles; group-by-group tie matrices (suppressed).
- :mod:`socialhrm.datasets` — the bundled organisation, Noordhaven.
- :mod:`socialhrm.privacy` — the one privacy gate (small groups merged before any figure).
- :mod:`socialhrm.i18n` — the one translation layer (English and Dutch).
- by HR question: :mod:`~socialhrm.brokerage`, :mod:`~socialhrm.silos`,
  :mod:`~socialhrm.knowledge`, :mod:`~socialhrm.adoption`, :mod:`~socialhrm.bridges`,
  :mod:`~socialhrm.reach`, :mod:`~socialhrm.business_case`, :mod:`~socialhrm.readiness`,
  :mod:`~socialhrm.policy`.
- for researchers: :mod:`~socialhrm.formats` (real export formats), :mod:`~socialhrm.compare`
  (time, QAP, bootstrap), :mod:`~socialhrm.report`, :mod:`~socialhrm.scale` (DuckDB, Spark).
- the course side: :mod:`socialhrm.course`, :mod:`socialhrm.checks`, :mod:`socialhrm.workshop`;
  the dashboards' apps: :mod:`socialhrm.apps`.
"""

from socialhrm import datasets  # socialhrm.datasets.load(...) right after import socialhrm
from socialhrm.data import (
    DataError,
    DataWarning,
    pseudonymise,
    read_events,
    read_interactions,
    read_nominations,
    read_people,
)
from socialhrm.network import build_network, centrality_table, describe, org_chart
from socialhrm.roles import group_tie_matrix, network_roles

__version__ = "0.1.0"

__all__ = [
    "DataError",
    "DataWarning",
    "build_network",
    "centrality_table",
    "datasets",
    "describe",
    "group_tie_matrix",
    "network_roles",
    "org_chart",
    "pseudonymise",
    "read_events",
    "read_interactions",
    "read_nominations",
    "read_people",
]
