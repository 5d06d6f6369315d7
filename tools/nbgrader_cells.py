"""Helpers to write nbgrader source notebooks from Python (used by the module build scripts).

from tools.nbgrader_cells import setup, answer, test, manual
"""

from __future__ import annotations

import nbformat

from tools.nbbuild import code, md


def _meta(cell, grade_id: str, *, grade: bool, solution: bool, locked: bool,
          points: int | None = None):
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3,
            "solution": solution, "task": False}
    if points is not None:
        meta["points"] = points
    cell.metadata["nbgrader"] = meta
    return cell


def setup(source: str) -> nbformat.NotebookNode:
    """The locked, ungraded setup cell."""
    return _meta(code(source), "setup", grade=False, solution=False, locked=True)


def answer(grade_id: str, blank: str, solution: str) -> nbformat.NotebookNode:
    """An autograded answer cell: the blank lines, then the solution region."""
    src = f"{blank.strip()}\n### BEGIN SOLUTION\n{solution.strip()}\n### END SOLUTION"
    return _meta(code(src), grade_id, grade=False, solution=True, locked=False)


def test(grade_id: str, points: int, source: str) -> nbformat.NotebookNode:
    """A locked test cell worth ``points``."""
    return _meta(code(source), grade_id, grade=True, solution=False, locked=True, points=points)


def manual(grade_id: str, points: int, model_answer: str) -> nbformat.NotebookNode:
    """A manually graded markdown answer (its source is the model answer and rubric)."""
    return _meta(md(model_answer), grade_id, grade=True, solution=True, locked=False,
                 points=points)
