"""``socialhrm workshop demo`` (what ``make workshop-demo`` runs), through the real entry point."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from _workshop_helpers import MODULE, REPO, auto_tests, kit_modules, question_of, questions

BUDGET_S = 300  # the brief: "well under 5 minutes"


@pytest.mark.slow
def test_demo_runs_end_to_end(tmp_path):
    bindir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}"}
    demo = tmp_path / "demo"
    start = time.monotonic()
    proc = subprocess.run([str(bindir / "socialhrm"), "workshop", "demo", "--dir", str(demo),
                           "--timeout", "5", "--source", str(kit_modules())],
                          capture_output=True, text=True, env=env, cwd=tmp_path,
                          timeout=BUDGET_S, check=False)
    seconds = time.monotonic() - start
    print(proc.stdout[-3000:], f"\ndemo wall time: {seconds:.1f} s")
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert "Traceback" not in proc.stdout + proc.stderr
    assert seconds < BUDGET_S
    for n, step in enumerate(["init", "release", "the students work", "collect", "grade",
                              "feedback", "export"], 1):
        assert f"== {n}/7 {step}" in proc.stdout
    assert "FOUND HARD" in proc.stdout and "Done in" in proc.stdout
    pages = sorted(p.stem for p in (demo / "feedback_html" / MODULE).glob("*.html"))
    assert pages == ["ada", "ben", "cas"]

    src = demo / "source" / MODULE / f"{MODULE}.ipynb"
    full = auto_tests(src)
    dens = question_of(questions(src), "density")
    missed = {t for t, _, hidden in dens.tests if hidden}
    with (demo / "exports" / f"grades_{MODULE}.csv").open() as fh:
        rows = {r["student_id"]: r for r in csv.DictReader(fh)}
    assert all(float(rows["ada"][t]) == p for t, p in full.items())            # correct
    assert {t for t, p in full.items() if float(rows["ben"][t]) != p} == missed  # partly wrong
    assert all(float(rows["cas"][t]) == 0 for t in full)                       # did nothing
    assert rows["ada"]["status"] == "needs manual grading"                     # the reflection


def test_make_target_calls_the_demo():
    makefile = (REPO / "Makefile").read_text()
    assert "workshop-demo:" in makefile and "socialhrm workshop demo" in makefile
