"""One way for every benchmark to state a goal, so ``make bench`` can sum them up.

A benchmark calls :func:`report` for each goal; it prints one line that starts with
``GOAL`` and that ``run_all.py`` collects into the closing summary::

    GOAL met    | ONA report, 10k people / 1M messages | 4.44 s | <= 5 s
"""

from __future__ import annotations

PREFIX = "GOAL"


def report(name: str, value: float, target: float, unit: str = "s", *,
           higher_is_better: bool = False) -> bool:
    """Print a goal line and return whether the goal is met."""
    met = value >= target if higher_is_better else value <= target
    sign = ">=" if higher_is_better else "<="
    print(f"{PREFIX} {'met   ' if met else 'MISSED'} | {name} | {value:.3g} {unit} | "
          f"{sign} {target:g} {unit}", flush=True)
    return met


def parse(line: str) -> tuple[bool, str] | None:
    """``(met, text)`` of a goal line, ``None`` for any other line."""
    if not line.startswith(PREFIX + " "):
        return None
    body = line[len(PREFIX) + 1:]
    return body.startswith("met"), body.split("|", 1)[1].strip() if "|" in body else body
