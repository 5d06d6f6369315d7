"""Simulated students: returned notebooks built from the handed-out version (demo, tests)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from socialhrm.i18n import _
from socialhrm.workshop.common import SOLUTION_BEGIN, SOLUTION_END, WorkshopError, read_nb

__all__ = ["first_answer_variable", "simulate_student", "strip_solution_markers"]


def strip_solution_markers(source: str) -> str:
    """A solution cell's code without the ``BEGIN/END SOLUTION`` marker lines."""
    return "\n".join(line for line in source.split("\n")
                     if SOLUTION_BEGIN not in line and SOLUTION_END not in line)


def _assigns(source: str, variable: str) -> bool:
    return re.search(rf"(?m)^\s*{re.escape(variable)}\s*(?::[^=]*)?=(?!=)", source) is not None


def simulate_student(source_notebook: str | Path, released_notebook: str | Path, *,
                     answers: str = "solution", set_values: dict[str, Any] | None = None,
                     loop_before: str | None = None, reflection: str | None = None) -> Any:
    """A simulated student's returned notebook, built from the handed-out version.

    Parameters
    ----------
    source_notebook
        The instructor version (with solutions).
    released_notebook
        The student version that was handed out.
    answers
        ``"solution"``: every autograded answer cell gets the instructor's solution;
        ``"blank"``: the handed-out notebook unchanged (a student who did nothing).
    set_values
        ``{"density": 0.5}`` appends ``density = 0.5`` to the answer cell that computes
        ``density`` (a wrong value that still has the right form).
    loop_before
        A variable name: an endless ``while True: pass`` is put before the code of the answer
        cell that computes it (that cell never finishes).
    reflection
        Text for the manually graded written answers.

    Returns
    -------
    nbformat.NotebookNode

    Examples
    --------
    >>> nb = simulate_student("source/m01/m01.ipynb", "release/m01/m01.ipynb",
    ...                       set_values={"density": 0.5})  # doctest: +SKIP
    """
    if answers not in {"solution", "blank"}:
        raise ValueError("answers must be 'solution' or 'blank'")
    src = read_nb(Path(source_notebook))
    nb = read_nb(Path(released_notebook))
    by_id = {c.metadata["nbgrader"]["grade_id"]: c for c in src.cells
             if c.metadata.get("nbgrader", {}).get("grade_id")}
    answer_cells = []
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if not meta.get("solution"):
            continue
        if cell.cell_type == "markdown":
            if reflection is not None:
                cell.source = reflection
            continue
        if answers == "solution" and meta.get("grade_id") in by_id:
            cell.source = strip_solution_markers(by_id[meta["grade_id"]].source)
        answer_cells.append((cell, strip_solution_markers(by_id.get(meta.get("grade_id"),
                                                                     cell).source)))

    def cell_for(variable: str) -> Any:
        for cell, solution in answer_cells:
            if _assigns(solution, variable):
                return cell
        raise ValueError(f"no answer cell computes {variable!r}")

    for variable, value in (set_values or {}).items():
        cell = cell_for(variable)
        cell.source = f"{cell.source.rstrip()}\n{variable} = {value!r}"
    if loop_before:
        cell = cell_for(loop_before)
        cell.source = f"while True:\n    pass\n{cell.source}"
    return nb


def first_answer_variable(source_notebook: Path) -> str:
    """The first variable an autograded answer cell assigns (for the demo's endless loop)."""
    nb = read_nb(source_notebook)
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution") and cell.cell_type == "code":
            for line in strip_solution_markers(cell.source).splitlines():
                m = re.match(r"^([A-Za-z_]\w*)\s*(?::[^=]*)?=(?!=)", line)
                if m:
                    return m.group(1)
    raise WorkshopError(_("{notebook} has no autograded answer cell").format(
        notebook=source_notebook))
