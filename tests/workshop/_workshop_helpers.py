"""Helpers for the workshop tests: read the module's structure from its source notebook.

Everything the tests expect is derived from the instructor notebook itself (which cells are
answers, which are tests, how many points, which lines are hidden), so the tests follow the
module when its questions change; only the contract "q2's answer variable is `density`" is fixed.
"""

from __future__ import annotations

import contextlib
import html
import io
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parents[2]
MODULE = "m01_org_as_network"


def kit_modules() -> Path:
    """The kit's modules/ folder (SOCIALHRM_WORKSHOP_TEST_MODULES overrides it for development)."""
    return Path(os.environ.get("SOCIALHRM_WORKSHOP_TEST_MODULES", REPO / "modules"))


@dataclass
class Question:
    answer: str                                   # grade id of the autograded answer cell
    variables: list[str]                          # variables the solution assigns
    tests: list[tuple[str, float, bool]] = field(default_factory=list)  # (id, points, hidden?)
    later_source: str = ""                        # code of every cell after this question


def _nbg(cell) -> dict:
    return cell.metadata.get("nbgrader", {})


def _solution_code(source: str) -> str:
    return "\n".join(x for x in source.splitlines()
                     if "BEGIN SOLUTION" not in x and "END SOLUTION" not in x)


def questions(source_nb: Path) -> list[Question]:
    """Autograded answer cells with the test cells that follow each, in order."""
    nb = nbformat.read(source_nb, as_version=4)
    qs: list[Question] = []
    owner: dict[int, int] = {}  # cell index -> index of the question it belongs to
    starts: list[int] = []
    for i, cell in enumerate(nb.cells):
        meta = _nbg(cell)
        if cell.cell_type == "code" and meta.get("solution") and not meta.get("grade"):
            code = _solution_code(cell.source)
            names = re.findall(r"(?m)^([A-Za-z_]\w*)\s*(?::[^=\n]*)?=(?!=)", code)
            qs.append(Question(meta["grade_id"], list(dict.fromkeys(names))))
            starts.append(i)
            owner[i] = len(qs) - 1
        elif meta.get("grade") and not meta.get("solution") and qs:
            qs[-1].tests.append((meta["grade_id"], float(meta.get("points", 0)),
                                 "BEGIN HIDDEN TESTS" in cell.source))
            owner[i] = len(qs) - 1
    for k, q in enumerate(qs):
        q.later_source = "\n".join(c.source for i, c in enumerate(nb.cells)
                                   if i > starts[k] and owner.get(i) != k)
    return qs


def auto_tests(source_nb: Path) -> dict[str, float]:
    """Every autograder test cell: grade id -> points."""
    nb = nbformat.read(source_nb, as_version=4)
    return {_nbg(c)["grade_id"]: float(_nbg(c).get("points", 0)) for c in nb.cells
            if _nbg(c).get("grade") and not _nbg(c).get("solution")}


def question_of(qs: list[Question], variable: str) -> Question:
    for q in qs:
        if variable in q.variables:
            return q
    raise AssertionError(f"no answer cell assigns {variable!r}")


def independent_question(qs: list[Question], avoid: set[str]) -> Question:
    """A question none of whose variables is used by any later cell (and not the last one)."""
    for q in qs[:-1]:
        if q.answer in avoid or not q.variables:
            continue
        if not any(re.search(rf"\b{re.escape(v)}\b", q.later_source) for v in q.variables):
            return q
    raise AssertionError("every question's answer is used later; cannot isolate one")


def secret_lines(source_nb: Path, release_nb: Path) -> list[str]:
    """Hidden-test lines students must never see (lines they can see anyway are left out)."""
    src = nbformat.read(source_nb, as_version=4)
    rel = nbformat.read(release_nb, as_version=4)
    visible = {x.strip() for c in rel.cells for x in c.source.splitlines()}
    visible |= {x.strip() for c in src.cells if _nbg(c).get("solution")
                for x in c.source.splitlines()}
    hidden: list[str] = []
    for cell in src.cells:
        inside = False
        for line in cell.source.splitlines():
            if "BEGIN HIDDEN TESTS" in line:
                inside = True
            elif "END HIDDEN TESTS" in line:
                inside = False
            elif inside and len(line.strip()) >= 5 and line.strip() not in visible:
                hidden.append(line.strip())
    return hidden


def page_text(path: Path) -> str:
    page = path.read_text(encoding="utf-8")
    page = re.sub(r"(?is)<(script|style)\b.*?</\1>", "", page)
    return re.sub(r"\x1b\[[0-9;]*m", "", html.unescape(re.sub(r"<[^>]+>", "", page)))


def leaked(text: str, secrets: list[str], visible: set[str]) -> list[str]:
    """Secret lines found in a page: as a substring, or as a whole line when the secret is
    also part of a visible line (then only a line of its own counts)."""
    lines = set()
    for line in text.splitlines():
        lines.add(line.strip())
        m = re.match(r"^\s*(?:-*>\s*)?\d+\s", line)
        if m:
            lines.add(line[m.end():].strip())
    out = []
    for s in secrets:
        if any(s in v for v in visible):
            if s in lines:
                out.append(s)
        elif s in text:
            out.append(s)
    return out


def run_cli(*args: str) -> tuple[int, str]:
    """Run ``socialhrm workshop ARGS`` in this process; returns (exit code, stdout+stderr)."""
    from socialhrm.workshop import main

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(buf):
        code = main(list(args))
    sys.stdout.write(buf.getvalue())  # visible with pytest -s
    return code, buf.getvalue()
