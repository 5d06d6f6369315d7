r"""Judging hidden tests in the trainer's process, from the values a submission recorded.

While a submission is graded, its hidden-test calls (``hidden("m01", "q2", density)``) only
record a JSON form of the values (see :mod:`socialhrm.workshop.kernel_checks`). Here, after the
run, the trainer's process reads which calls a test cell makes from the cell's *trusted* source
(nbgrader restores test cells from the gradebook), takes the records of exactly those calls
from that cell's outputs, decodes the values and judges them with the course's own judges
(:func:`socialhrm.checks.evaluate`), computed here. Nothing the submission's kernel does can
turn a wrong value into a pass: a missing record, a record for another question, or a value
that does not decode all fail the test.

Examples
--------
>>> hidden_calls('assert x\n### BEGIN HIDDEN TESTS\nhidden("m01", "q2", density)\n'
...              '### END HIDDEN TESTS')
[HiddenCall(module='m01', question='q2', n_values=1)]
>>> decode({"$type": "tuple", "items": [1, "a"]})
(1, 'a')
"""

from __future__ import annotations

import ast
import math
from dataclasses import dataclass
from typing import Any

from socialhrm.i18n import _
from socialhrm.nbgrading import split_hidden
from socialhrm.workshop.kernel_checks import MIME

__all__ = ["MIME", "HiddenCall", "Verdict", "decode", "hidden_calls", "judge_records"]


@dataclass(frozen=True)
class HiddenCall:
    """One ``hidden(module, question, *values)`` call in a test cell's hidden region."""

    module: str
    question: str
    n_values: int


@dataclass(frozen=True)
class Verdict:
    """The trainer's judgement of one hidden call: passed, and why not (for the trainer)."""

    call: HiddenCall
    passed: bool
    reason: str = ""


def hidden_calls(source: str, where: str = "") -> list[HiddenCall]:
    """The ``hidden(...)`` calls in a cell's hidden-test region, in order.

    A call counts when its first two arguments are literal strings; a region that does not
    parse as Python yields no calls (then nothing is judged outside the kernel).
    """
    lines, _visible = split_hidden(source, where)
    try:
        tree = ast.parse("\n".join(lines))
    except SyntaxError:
        return []
    calls: list[HiddenCall] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else (
            node.func.attr if isinstance(node.func, ast.Attribute) else "")
        if name != "hidden" or len(node.args) < 2:
            continue
        first, second = node.args[0], node.args[1]
        if isinstance(first, ast.Constant) and isinstance(second, ast.Constant) \
                and isinstance(first.value, str) and isinstance(second.value, str):
            calls.append(HiddenCall(first.value, second.value, len(node.args) - 2))
    return calls


class _Undecodable:
    """A value that could not be recorded or decoded; no judge accepts it."""

    def __repr__(self) -> str:
        return "<value that could not be read>"


def decode(data: Any, depth: int = 0) -> Any:
    """A value back from its recorded JSON form (see :mod:`socialhrm.workshop.kernel_checks`)."""
    if depth > 25:
        return _Undecodable()
    if data is None or isinstance(data, bool | int | float | str):
        return data
    if isinstance(data, list):  # never produced by the encoder at the top of a value
        return [decode(v, depth + 1) for v in data]
    if not isinstance(data, dict):
        return _Undecodable()
    kind = data.get("$type")
    items = data.get("items", [])
    if kind == "float":
        text = str(data.get("repr", "nan"))
        return {"inf": math.inf, "-inf": -math.inf}.get(text, math.nan)
    if kind in {"tuple", "list", "set", "frozenset", "array"} and isinstance(items, list):
        values = [decode(v, depth + 1) for v in items]
        if kind == "tuple":
            return tuple(values)
        if kind in {"set", "frozenset"}:
            try:
                return set(values) if kind == "set" else frozenset(values)
            except TypeError:
                return _Undecodable()
        if kind == "array":
            import numpy as np

            return np.asarray(values)
        return values
    if kind == "dict" and isinstance(items, list):
        try:
            return {decode(k, depth + 1): decode(v, depth + 1) for k, v in items}
        except (TypeError, ValueError):
            return _Undecodable()
    if kind == "series":
        import pandas as pd

        try:
            return pd.Series(decode(data.get("values"), depth + 1),
                             index=decode(data.get("index"), depth + 1),
                             name=decode(data.get("name"), depth + 1))
        except Exception:  # noqa: BLE001 - a forged record never crashes the grader
            return _Undecodable()
    if kind == "frame":
        import pandas as pd

        try:
            return pd.DataFrame(decode(data.get("rows"), depth + 1),
                                columns=decode(data.get("columns"), depth + 1),
                                index=decode(data.get("index"), depth + 1))
        except Exception:  # noqa: BLE001
            return _Undecodable()
    return _Undecodable()


def _judge(call: HiddenCall, values: list[Any]) -> Verdict:
    from socialhrm.checks import evaluate, questions

    found = {q.qid: q for q in questions(call.module)}
    question = found.get(call.question)
    if question is None:
        return Verdict(call, False, _("this hidden test is set up wrongly: module {module} has "
                                      "no self-check {question}").format(
            module=call.module, question=call.question))
    if len(values) != len(question.variables) or len(values) != call.n_values:
        return Verdict(call, False, _("this hidden test is set up wrongly: {module} {question} "
                                      "takes {n} value(s), not {got}").format(
            module=call.module, question=call.question, n=len(question.variables),
            got=len(values)))
    try:
        result = evaluate(call.question, module=call.module,
                          **dict(zip(question.variables, values, strict=True)))
    except Exception as exc:  # noqa: BLE001 - a judge must never stop the grading
        return Verdict(call, False, f"{type(exc).__name__}: {exc}")
    return Verdict(call, bool(result.passed))


def judge_records(calls: list[HiddenCall], records: list[Any]) -> list[Verdict]:
    """Judge every call of a test cell against the records found in that cell's outputs.

    A call passes when at least one record for its module and question exists and every such
    record passes.
    """
    verdicts: list[Verdict] = []
    for call in calls:
        mine = [r for r in records if isinstance(r, dict)
                and r.get("module") == call.module and r.get("question") == call.question]
        if not mine:
            verdicts.append(Verdict(call, False, _("no answer was recorded (the hidden test did "
                                                   "not run)")))
            continue
        worst = Verdict(call, True)
        for record in mine:
            raw = record.get("values")
            values = [decode(v) for v in raw] if isinstance(raw, list) else []
            verdict = _judge(call, values)
            if not verdict.passed:
                worst = verdict
                break
        verdicts.append(worst)
    return verdicts
