"""Self-checks for learners, and the hidden tests of the graded exercises.

In a lesson or exercise notebook, after computing an answer::

    from socialhrm.checks import check
    check("q2")          # reads your variable `density` and tells you how you are doing

:func:`check` never raises and never shows the expected answer: it says whether the answer is
right and, if not, what the likely mistake is. It records the result in your local progress file
(see :mod:`socialhrm.course`; ``socialhrm progress`` shows it).

The graded exercises call :func:`hidden` in their hidden tests, e.g.
``hidden("m01", "q2", density)``: the same judgement as the self-check, but it only raises a
neutral ``AssertionError`` (feedback pages show the failing line, so the line and the message
give nothing away). Expected answers are always computed from the bundled dataset, never typed
in, so they follow the data if it is regenerated.

Adding a module's checks: write ``socialhrm/checks/mNN.py`` with one judge function per
question, registered with :func:`question` (see :mod:`socialhrm.checks.m01`); a judge receives
the learner's values and either returns a short "well done" text or raises :class:`NotYet` with
a hint. :mod:`socialhrm.checks.answers` reads values in the forms questions ask for. A module's
checks are imported the first time one of its questions is asked for.
"""

from __future__ import annotations

import html
import importlib
import os
import pkgutil
import re
import sys
from collections import ChainMap
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["NotYet", "Question", "Result", "check", "evaluate", "question", "questions"]

#: What a hidden test says when an answer is wrong: nothing about the expected answer.
HIDDEN_MESSAGE = "{question}: not yet correct — see the self-check for a hint"

#: Tolerance for answers that are fractions (shares, densities).
TOLERANCE = 1e-9


class NotYet(Exception):  # noqa: N818 - reads as "not yet (correct)"
    """Raised by a judge: the answer is not (yet) right; the message is the hint to show."""


@dataclass(frozen=True)
class Result:
    """The outcome of one self-check.

    Attributes
    ----------
    module, question
        Which question (``"m01"``, ``"q2"``).
    passed
        The answer is right (the autograder would accept it).
    answered
        False when the variable is missing or still ``None`` / ``...``.
    message
        What the learner is told.
    """

    module: str
    question: str
    passed: bool
    answered: bool
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Question:
    """A question that can be self-checked.

    Attributes
    ----------
    module, qid
        E.g. ``"m01"``, ``"q2"``.
    variables
        The learner's variables the judge needs, in order.
    title
        A few words on what is asked.
    judge
        ``judge(*values) -> str``: returns a "well done" text or raises :class:`NotYet`.
    graded
        True for a graded exercise question; False for a try in a lesson.
    """

    module: str
    qid: str
    variables: tuple[str, ...]
    title: str
    judge: Callable[..., str]
    graded: bool = True


_REGISTRY: dict[str, dict[str, Question]] = {}
#: The names of the sub-modules that hold a course module's checks: m01, m02, ...
_CHECKS_MODULE = re.compile(r"^m\d{2}$")


def _load(module: str) -> None:
    """Import ``socialhrm.checks.<module>`` (which registers its questions) if it exists."""
    if module in _REGISTRY or not _CHECKS_MODULE.match(module):
        return
    try:
        importlib.import_module(f"{__name__}.{module}")
    except ModuleNotFoundError as exc:
        if exc.name != f"{__name__}.{module}":
            raise


def _load_all() -> None:
    for info in pkgutil.iter_modules(__path__):
        _load(info.name)


def question(module: str, qid: str, variables: tuple[str, ...] | list[str], title: str, *,
             graded: bool = True) -> Callable[[Callable[..., str]], Callable[..., str]]:
    """Register a judge function for a question (a decorator).

    Examples
    --------
    >>> @question("m99", "q1", ["answer"], "the answer")
    ... def _q1(answer):
    ...     if answer != 42:
    ...         raise NotYet("Think again about life, the universe and everything.")
    ...     return "Right."
    >>> evaluate("q1", module="m99", answer=42).passed
    True
    """

    def register(judge: Callable[..., str]) -> Callable[..., str]:
        _REGISTRY.setdefault(module, {})[qid] = Question(module, qid, tuple(variables), title,
                                                         judge, graded)
        return judge

    return register


def questions(module: str) -> list[Question]:
    """The self-checkable questions of a module, in order (graded ones and lesson tries).

    Examples
    --------
    >>> [q.qid for q in questions("m01") if q.graded]
    ['q1', 'q2', 'q3', 'q4', 'q5', 'q6']
    """
    _load(module)
    return list(_REGISTRY.get(module, {}).values())



# --------------------------------------------------------------------------------------------
# running a check


def _is_blank(value: Any) -> bool:
    return value is None or value is Ellipsis


def _find(qid: str, module: str | None) -> Question | str:
    """The question, or an explanation why it cannot be found."""
    if module is not None:
        _load(module)
        if module not in _REGISTRY:
            known = ", ".join(sorted(_REGISTRY)) or "none yet"
            return (f"There are no self-checks for module {module!r}. Modules with "
                    f"self-checks: {known}.")
        if qid not in _REGISTRY[module]:
            ids = ", ".join(_REGISTRY[module])
            return f"Module {module} has no question {qid!r}. Its questions: {ids}."
        return _REGISTRY[module][qid]
    _load_all()
    hits = [mod[qid] for mod in _REGISTRY.values() if qid in mod]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        return (f"There is no question {qid!r}. Write the question's id as in the notebook, "
                "e.g. check(\"q1\").")
    mods = ", ".join(q.module for q in hits)
    return (f"Several modules have a question {qid!r} ({mods}); say which one, e.g. "
            f"check({qid!r}, module={hits[0].module!r}).")


def _judge(q: Question, values: Mapping[str, Any]) -> tuple[bool, bool, str]:
    """(passed, answered, message) for the learner's values; never raises."""
    missing = [v for v in q.variables if v not in values]
    if missing:
        names = ", ".join(f"`{v}`" for v in missing)
        return False, False, (f"Not answered yet: {names} does not exist yet. Write your answer "
                              "in the cell above and run it (Shift + Enter), then run this "
                              "check again.")
    blank = [v for v in q.variables if _is_blank(values[v])]
    if blank:
        names = ", ".join(f"`{v}`" for v in blank)
        return False, False, (f"Not answered yet: {names} is still empty. Replace the None "
                              "(or ...) with your code, run the cell, then run this check "
                              "again.")
    try:
        return True, True, q.judge(*(values[v] for v in q.variables))
    except NotYet as exc:
        return False, True, str(exc)
    except Exception as exc:  # a judge must never crash on odd learner input
        return False, True, (f"The self-check could not read your answer ({type(exc).__name__}"
                             f": {exc}). Check that it has the form the question asks for.")


def evaluate(question_id: str, module: str | None = None, **values: Any) -> Result:
    """Judge an answer without reading any notebook and without recording anything.

    Parameters
    ----------
    question_id
        ``"q1"``, ``"q2"``, ... (``"t1"``... for the tries in a lesson).
    module
        ``"m01"``, ...; may be left out when only one module has this question id.
    **values
        The answer variables by name, e.g. ``density=0.01``.

    Returns
    -------
    Result

    Examples
    --------
    >>> evaluate("q2", module="m01", density=None).answered
    False
    >>> evaluate("q2", module="m01", density="a lot").passed
    False
    """
    found = _find(str(question_id), module)
    if isinstance(found, str):
        return Result(module or "?", str(question_id), False, False, found)
    passed, answered, message = _judge(found, values)
    return Result(found.module, found.qid, passed, answered, message)


def _namespace(frame: Any) -> Mapping[str, Any]:
    if frame is None:
        return {}
    return ChainMap(dict(frame.f_locals), frame.f_globals)


def _show(text: str, passed: bool, answered: bool) -> None:
    try:
        from IPython import get_ipython

        shell = get_ipython()
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        shell = None
    if shell is None:
        print(text)
        return
    from IPython.display import display

    colour = "#135213;background:#d9f2d9" if passed else (
        "#7a4b00;background:#fff3d6" if answered else "#444;background:#eeeeee")
    page = html.escape(text).replace("\n", "<br>")
    display({"text/plain": text,
             "text/html": f"<div class='socialhrm-check' style='color:{colour};padding:8px;"
                          f"border-radius:4px;font-family:sans-serif'>{page}</div>"}, raw=True)


def check(question_id: str, module: str | None = None, **values: Any) -> None:
    """Check your answer to a question and get a hint if it is not right yet.

    Reads your answer variable(s) from the notebook (or takes them as arguments), says whether
    the answer is right and, if not, what the likely mistake is — without giving the answer.
    Records the result in your progress file (``socialhrm progress`` shows it). Never raises.

    Parameters
    ----------
    question_id
        ``"q1"``, ``"q2"``, ... as in the exercise (``"t1"``... for the tries in a lesson).
    module
        ``"m01"``, ...; by default the notebook's ``MODULE`` variable, or the only module with
        this question id.
    **values
        Answer variables given explicitly, e.g. ``check("q2", density=0.01)``.

    Examples
    --------
    >>> density = None
    >>> check("q2", module="m01")  # doctest: +SKIP
    q2 (density of the advice network): Not answered yet: `density` is still empty. ...
    """
    frame = sys._getframe(1)
    try:
        ns = _namespace(frame)
    finally:
        del frame
    try:
        if module is None and isinstance(ns.get("MODULE"), str):
            module = ns["MODULE"]  # the notebook says which module it belongs to
        found = _find(str(question_id), module)
        if isinstance(found, str):
            _show(found, False, False)
            return
        merged = {v: values[v] if v in values else ns[v] for v in found.variables
                  if v in values or v in ns}
        passed, answered, message = _judge(found, merged)
        mark = "✔" if passed else ("✘" if answered else "…")
        text = f"{mark} {found.qid} ({found.title}): {message}"
        if answered and os.environ.get("NBGRADER_EXECUTION") != "autograde":
            try:
                from socialhrm.course import record_result

                record_result(found.module, found.qid, passed, graded=found.graded)
            except Exception as exc:  # noqa: BLE001 - the verdict matters more than the record
                text += f"\n(Your progress could not be saved: {exc}.)"
        _show(text, passed, answered)
    except Exception as exc:  # noqa: BLE001 - a self-check never breaks a learner's notebook
        print(f"The self-check itself ran into a problem ({type(exc).__name__}: {exc}). "
              "Your answer is not affected; please tell your trainer.")


def hidden(module: str, question_id: str, *values: Any) -> None:
    """Hidden test of a graded exercise: passes silently or raises a neutral AssertionError.

    Used in the hidden part of a test cell, one call per line, e.g.
    ``hidden("m01", "q2", density)``. Gives the same judgement as :func:`check`, records
    nothing, prints nothing, and its message never contains the expected answer.

    Raises
    ------
    AssertionError
        "q2: not yet correct — see the self-check for a hint".
    LookupError
        The hidden test itself is set up wrongly (unknown module or question, or the wrong
        number of values): a message for the trainer, so that every learner does not simply
        fail the question.

    Examples
    --------
    >>> hidden("m01", "q2", 0.5)
    Traceback (most recent call last):
    AssertionError: q2: not yet correct — see the self-check for a hint
    """
    found = _find(str(question_id), module)
    if isinstance(found, str):
        raise LookupError(f"This hidden test is set up wrongly: {found} (tell your trainer)")
    if len(values) != len(found.variables):
        raise LookupError(f"This hidden test is set up wrongly: {module} {question_id} takes "
                          f"{len(found.variables)} value(s) ({', '.join(found.variables)}), "
                          f"not {len(values)} (tell your trainer)")
    ok, _, _ = _judge(found, dict(zip(found.variables, values, strict=True)))
    if not ok:
        raise AssertionError(HIDDEN_MESSAGE.format(question=question_id))

