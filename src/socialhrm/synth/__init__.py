"""The synthetic organisation Noordhaven: a seeded generator and its measured figures.

``python -m socialhrm.synth`` regenerates ``datasets/noordhaven/`` from the default seed.

Examples
--------
>>> from socialhrm.synth import generate
>>> data = generate(seed=20250106)
>>> sorted(data.tables())[:3]
['costs', 'events', 'expertise']
"""

from socialhrm.synth.build import regenerate
from socialhrm.synth.figures import FIGURE_RANGES, figures_table, measure
from socialhrm.synth.noordhaven import DEFAULT_SEED, Generated, generate, write

__all__ = ["DEFAULT_SEED", "FIGURE_RANGES", "Generated", "figures_table", "generate", "measure",
           "regenerate", "write"]
