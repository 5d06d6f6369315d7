"""Self-checks for learners, and the hidden tests of the graded exercises: the authoring API.

In a lesson or exercise notebook, after computing an answer::

    from socialhrm.checks import check
    check("q2")          # reads your variable `density` and tells you how you are doing

:func:`check` never raises and never shows the expected answer: it says whether the answer is
right and, if not, what the likely mistake is. It records the result in your local progress file
(``socialhrm progress`` shows it) — not while nbgrader autogrades, and not for the instructor
version in ``modules/``.

The graded exercises call :func:`hidden` in their hidden tests, e.g.
``hidden("m01", "q2", density)``: the same judgement as the self-check, but it only raises a
neutral ``AssertionError`` (feedback pages show the failing line, so the line and the message
give nothing away). Expected answers are always computed from the bundled dataset, never typed
in, so they follow the data if it is regenerated.

This package is the home of the per-module judge files: ``socialhrm/checks/mNN.py`` holds one
judge function per question of module ``mNN``, registered with :func:`question` (see
:mod:`socialhrm.checks.m01`); a judge receives the learner's values and either returns a short
"well done" text or raises :class:`NotYet` with a hint, both through ``socialhrm.i18n._``.
:mod:`socialhrm.checks.answers` reads values in the forms questions ask for. A module's judge
file is found by its name and imported the first time one of its questions is asked for. The
machinery itself lives in :mod:`socialhrm.course.registry` and :mod:`socialhrm.course.selfcheck`.

Examples
--------
>>> evaluate("q2", module="m01", density=None).answered
False
"""

from __future__ import annotations

from socialhrm.course.registry import NotYet, Question, question, questions
from socialhrm.course.selfcheck import (
    HIDDEN_MESSAGE,
    TOLERANCE,
    Result,
    check,
    evaluate,
    hidden,
)

__all__ = ["HIDDEN_MESSAGE", "TOLERANCE", "NotYet", "Question", "Result", "check", "evaluate",
           "hidden", "question", "questions"]
