"""Running a self-check: :func:`check`, :func:`evaluate` and :func:`hidden`.

:func:`check` is for learners in a notebook, :func:`evaluate` for code, :func:`hidden` for the
hidden tests of a graded exercise.

:func:`check` never raises and never shows the expected answer: it says whether the answer is
right and, if not, what the likely mistake is, and records the result in the learner's progress
file (:mod:`socialhrm.course.progress`; not while autograding, and not for the instructor
version in ``modules/``). :func:`hidden` gives the same judgement but only raises a neutral
``AssertionError``, so nbgrader's feedback pages give nothing away.

Examples
--------
>>> evaluate("q2", module="m01", density=None).answered
False
"""

from __future__ import annotations

import html
import sys
from collections import ChainMap
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from socialhrm.course.progress import record_result, recording_blocked
from socialhrm.course.registry import NotYet, Question, find_question
from socialhrm.i18n import N_, _

__all__ = ["HIDDEN_MESSAGE", "TOLERANCE", "Result", "check", "evaluate", "hidden", "judge"]

#: What a hidden test says when an answer is wrong: nothing about the expected answer.
HIDDEN_MESSAGE = N_("{question}: not yet correct — see the self-check for a hint")

#: Tolerance for answers that are fractions (shares, densities).
TOLERANCE = 1e-9


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


def _is_blank(value: Any) -> bool:
    return value is None or value is Ellipsis


def judge(q: Question, values: Mapping[str, Any]) -> tuple[bool, bool, str]:
    """(passed, answered, message) for the learner's values; never raises.

    Examples
    --------
    >>> judge(find_question("q2", "m01"), {})[:2]
    (False, False)
    """
    missing = [v for v in q.variables if v not in values]
    if missing:
        names = ", ".join(f"`{v}`" for v in missing)
        return False, False, _("Not answered yet: {names} does not exist yet. Write your answer "
                               "in the cell above and run it (Shift + Enter), then run this "
                               "check again.").format(names=names)
    blank = [v for v in q.variables if _is_blank(values[v])]
    if blank:
        names = ", ".join(f"`{v}`" for v in blank)
        return False, False, _("Not answered yet: {names} is still empty. Replace the None (or "
                               "...) with your code, run the cell, then run this check again."
                               ).format(names=names)
    try:
        return True, True, q.judge(*(values[v] for v in q.variables))
    except NotYet as exc:
        return False, True, str(exc)
    except Exception as exc:  # a judge must never crash on odd learner input
        return False, True, _("The self-check could not read your answer ({error}). Check that "
                              "it has the form the question asks for.").format(
                                  error=f"{type(exc).__name__}: {exc}")


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
    found = find_question(str(question_id), module)
    if isinstance(found, str):
        return Result(module or "?", str(question_id), False, False, found)
    passed, answered, message = judge(found, values)
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


def _record(found: Question, passed: bool) -> str:
    """Record the result where allowed; the note to add to the verdict ('' for none)."""
    blocked = recording_blocked()
    if blocked == "autograde":
        return ""
    if blocked == "instructor":
        return "\n" + _("(Not recorded in your progress: this is the instructor version, with "
                        "the solutions. Learners work in their own copy in my_exercises/; "
                        "`socialhrm exercises` makes it.)")
    try:
        record_result(found.module, found.qid, passed, graded=found.graded)
    except Exception as exc:  # noqa: BLE001 - the verdict matters more than the record
        return "\n" + _("(Your progress could not be saved: {error}.)").format(error=exc)
    return ""


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
    … q2 (density of the advice network): Not answered yet: `density` is still empty. ...
    """
    frame = sys._getframe(1)
    try:
        ns = _namespace(frame)
    finally:
        del frame
    try:
        if module is None and isinstance(ns.get("MODULE"), str):
            module = ns["MODULE"]  # the notebook says which module it belongs to
        found = find_question(str(question_id), module)
        if isinstance(found, str):
            _show(found, False, False)
            return
        merged = {v: values[v] if v in values else ns[v] for v in found.variables
                  if v in values or v in ns}
        passed, answered, message = judge(found, merged)
        mark = "✔" if passed else ("✘" if answered else "…")
        text = f"{mark} {found.qid} ({found.shown_title}): {message}"
        if answered:
            text += _record(found, passed)
        _show(text, passed, answered)
    except Exception as exc:  # noqa: BLE001 - a self-check never breaks a learner's notebook
        print(_("The self-check itself ran into a problem ({error}). Your answer is not "
                "affected; please tell your trainer.").format(
                    error=f"{type(exc).__name__}: {exc}"))


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
    >>> from socialhrm.i18n import using_language
    >>> with using_language("en"):
    ...     hidden("m01", "q2", 0.5)
    Traceback (most recent call last):
    AssertionError: q2: not yet correct — see the self-check for a hint
    """
    found = find_question(str(question_id), module)
    if isinstance(found, str):
        raise LookupError(_("This hidden test is set up wrongly: {problem} (tell your trainer)")
                          .format(problem=found))
    if len(values) != len(found.variables):
        raise LookupError(_("This hidden test is set up wrongly: {module} {qid} takes {n} "
                            "value(s) ({names}), not {given} (tell your trainer)").format(
                                module=module, qid=question_id, n=len(found.variables),
                                names=", ".join(found.variables), given=len(values)))
    ok, _answered, _message = judge(found, dict(zip(found.variables, values, strict=True)))
    if not ok:
        raise AssertionError(_(HIDDEN_MESSAGE).format(question=question_id))
