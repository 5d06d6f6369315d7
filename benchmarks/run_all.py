"""Run every benchmarks/bench_*.py in turn (``make bench``) and sum up the goals at the end.

Each benchmark prints its figures side by side with the plain way, and one ``GOAL`` line per
goal (see ``goals.py``); the last lines here say how many goals were met and which were missed.
The exit code is 1 only when a benchmark itself failed, not for a missed goal.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from goals import parse

here = Path(__file__).parent
#: Arguments `make bench` adds (the 100k-people run of the core benchmark).
EXTRA_ARGS = {"bench_core.py": ["--large"]}
failed: list[str] = []
goals: list[tuple[bool, str]] = []
for script in sorted(here.glob("bench_*.py")):
    print(f"\n=== {script.name} ===", flush=True)
    proc = subprocess.Popen([sys.executable, str(script), *EXTRA_ARGS.get(script.name, [])],
                            stdout=subprocess.PIPE, text=True, bufsize=1)
    assert proc.stdout is not None
    for line in proc.stdout:
        print(line, end="", flush=True)
        found = parse(line.rstrip("\n"))
        if found:
            goals.append((found[0], f"{script.stem}: {found[1]}"))
    if proc.wait() != 0:
        failed.append(script.name)

met = [g for ok, g in goals if ok]
missed = [g for ok, g in goals if not ok]
print("\n=== summary ===")
for text in missed:
    print(f"  missed: {text}")
if failed:
    print(f"  benchmarks that failed to run: {', '.join(failed)}")
print(f"Benchmarks: {len(met)} goals met, {len(missed)} missed"
      + (f", {len(failed)} benchmark(s) failed" if failed else ""))
sys.exit(1 if failed else 0)
