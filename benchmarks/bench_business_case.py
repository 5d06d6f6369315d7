"""The business-case dashboard's budget: a control change answers within 300 ms.

Prints the time of one full update (model, tornado, panels, one-page summary) after a slider
change, side by side with the naive way (a fresh ``business_case`` with new random draws and a
fresh ``sensitivity`` each time).
"""

from __future__ import annotations

import statistics
import time

from socialhrm.apps.business_case import BusinessCaseApp
from socialhrm.business_case import business_case, sensitivity


def main() -> None:
    app = BusinessCaseApp()
    slider = app.sliders["turnover_reduction"]
    times = []
    for i in range(10):
        start = time.perf_counter()
        slider.value = (0.0, 0.01 + 0.001 * i)
        times.append(time.perf_counter() - start)
    naive = []
    for i in range(3):
        start = time.perf_counter()
        business_case(app.current_table(), runs=10000, seed=i)
        sensitivity(app.current_table())
        naive.append(time.perf_counter() - start)
    print(f"{'what (one slider change)':<44}{'median s':>10}")
    print(f"{'dashboard update: model, panels, summary':<44}{statistics.median(times):>10.3f}")
    print(f"{'model only: business_case + sensitivity (10k)':<44}{statistics.median(naive):>10.3f}")
    print("budget: 0.300 s per control change")


if __name__ == "__main__":
    main()
