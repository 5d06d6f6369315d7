"""Run a class with nbgrader: ``socialhrm workshop init | release | collect | grade | ...``.

A *class folder* (by default ``workshops/<name>/``, which git ignores) holds everything for one
group of learners::

    nbgrader_config.py   nbgrader settings for this class (paths relative to the folder)
    workshop.json        what this tool did: files collected, submissions graded (a ledger),
                         and the class's language
    students.csv         the class list as imported
    gradebook.db         nbgrader's gradebook (sqlite; never commit it)
    backups/             a copy of the gradebook from before every grading run
    source/MODULE/       a copy of the kit's exercise (instructor version, with solutions)
    release/MODULE/      nbgrader's student version
    handout/MODULE/      what you hand out (also handout/MODULE.zip)
    submitted/STUDENT/MODULE/   collected notebooks, nbgrader's layout
    autograded/STUDENT/MODULE/  graded notebooks
    feedback/STUDENT/MODULE/    nbgrader's feedback (hidden tests removed)
    feedback_html/MODULE/STUDENT.html   one feedback page per student, ready to send
    exports/             grades and per-question summaries as CSV
    exchange/            nbgrader's exchange, for the JupyterHub Assignments panel

Every step can be run again: it only does what is new and never changes a grade that it does
not re-grade (``--force`` re-does work on purpose). Errors are messages a trainer can act on.

Submissions are untrusted code: each one runs isolated (see :mod:`socialhrm.workshop.sandbox`),
and hidden tests are judged in the trainer's process (:mod:`socialhrm.workshop.judging`).

One step per module: :mod:`~socialhrm.workshop.roster` (the class list),
:mod:`~socialhrm.workshop.matching` and :mod:`~socialhrm.workshop.collect` (returned files),
:mod:`~socialhrm.workshop.release`, :mod:`~socialhrm.workshop.grading` (with
:mod:`~socialhrm.workshop.sandbox`, :mod:`~socialhrm.workshop.runner`,
:mod:`~socialhrm.workshop.judging`, :mod:`~socialhrm.workshop.preprocessors`),
:mod:`~socialhrm.workshop.feedback` (with :mod:`~socialhrm.workshop.hiddentests`),
:mod:`~socialhrm.workshop.exports`, :mod:`~socialhrm.workshop.demo`,
:mod:`~socialhrm.workshop.cli`; :mod:`~socialhrm.workshop.state` is the class folder itself.
"""

from __future__ import annotations

from typing import Any

from socialhrm.workshop.cli import main
from socialhrm.workshop.collect import CollectReport
from socialhrm.workshop.common import (
    CONFIG_NAME,
    DEFAULT_PARENT,
    DEFAULT_THRESHOLD,
    DEFAULT_TIMEOUT,
    KIT_MODULES,
    ROSTER_NAME,
    STATE_NAME,
    WorkshopError,
    is_valid_student_id,
    kit_modules,
    list_modules,
    resolve_class_dir,
)
from socialhrm.workshop.demo import DEMO_REFLECTION, DEMO_STUDENTS, run_demo
from socialhrm.workshop.feedback import FeedbackReport
from socialhrm.workshop.grading import GradeReport, GradeResult
from socialhrm.workshop.hiddentests import (
    HIDDEN_FAILED_MESSAGE,
    HIDDEN_OUTPUT_MESSAGE,
    find_leaks,
    hidden_test_lines,
    html_text,
    scrub_hidden_tests,
)
from socialhrm.workshop.klass import Workshop, init_class
from socialhrm.workshop.matching import Match, check_notebook, match_file
from socialhrm.workshop.roster import Student, read_students
from socialhrm.workshop.sandbox import sandbox_problem
from socialhrm.workshop.simulate import simulate_student

__all__ = [
    "CONFIG_NAME", "DEFAULT_PARENT", "DEFAULT_THRESHOLD", "DEFAULT_TIMEOUT", "DEMO_REFLECTION",
    "DEMO_STUDENTS", "HIDDEN_FAILED_MESSAGE", "HIDDEN_OUTPUT_MESSAGE", "KIT_MODULES",
    "ROSTER_NAME", "STATE_NAME", "CollectReport", "FeedbackReport", "GradeReport", "GradeResult",
    "Match", "Student", "Workshop", "WorkshopError", "check_notebook", "find_leaks",
    "hidden_test_lines", "html_text", "init_class", "is_valid_student_id", "kit_modules",
    "list_modules", "main", "match_file", "read_students", "resolve_class_dir", "run_demo",
    "sandbox_problem", "scrub_hidden_tests", "simulate_student",
]

_PREPROCESSORS = {"ScrubHiddenTests", "SandboxedExecute", "JudgeHidden"}


def __getattr__(name: str) -> Any:
    # nbgrader finds the preprocessors by name (``socialhrm.workshop.ScrubHiddenTests`` in a
    # class's nbgrader_config.py); they are imported on first use so that the command line does
    # not pay for importing nbgrader before it needs it.
    if name in _PREPROCESSORS:
        from socialhrm.workshop import preprocessors

        return getattr(preprocessors, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
