"""The workshop's nbgrader preprocessors (this module imports nbgrader; load it when grading).

- :class:`SandboxedExecute` takes the place of nbgrader's ``Execute`` in ``autograde``: it runs
  the notebook in the sandbox (:mod:`socialhrm.workshop.sandbox`) and copies back the outputs
  of code cells, cell by cell (the sources stay the trusted ones nbgrader restored);
- :class:`JudgeHidden` comes right after it: it judges every test cell's hidden calls in this
  process (:mod:`socialhrm.workshop.judging`), adds a neutral error output to a test cell whose
  hidden test did not pass (so that nbgrader's ``SaveAutoGrades`` scores it 0) and removes the
  records;
- :class:`ScrubHiddenTests` is a feedback preprocessor: no hidden-test code on a feedback page
  (see :func:`socialhrm.workshop.hiddentests.scrub_hidden_tests`).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from nbformat import NotebookNode, from_dict
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Bool, Integer, List, Unicode

from socialhrm.i18n import _, using_language
from socialhrm.nbgrading import is_grade, is_locked, is_solution
from socialhrm.workshop.hiddentests import HIDDEN_FAILED_MESSAGE, scrub_hidden_tests
from socialhrm.workshop.judging import MIME, hidden_calls, judge_records
from socialhrm.workshop.runner import NOT_RUN
from socialhrm.workshop.sandbox import DEFAULT_MEMORY_MB, Limits, run_notebook

#: the least time a cell the student cannot change (the set-up) gets
TRUSTED_CELL_TIMEOUT = 120

__all__ = ["HIDDEN_FAILED_ENAME", "TRUSTED_CELL_TIMEOUT", "JudgeHidden", "SandboxFailure",
           "SandboxedExecute", "ScrubHiddenTests", "autograde_preprocessors"]

#: the error name of a hidden test that did not pass (judged by the trainer's process)
HIDDEN_FAILED_ENAME = "HiddenTestFailed"
_OUTPUT_TYPES = {"stream", "display_data", "execute_result", "error"}


def _clean_output(raw: Any) -> NotebookNode | None:
    """An output from the sandbox as a well-formed notebook output, or None."""
    if not isinstance(raw, dict) or raw.get("output_type") not in _OUTPUT_TYPES:
        return None
    kind = raw["output_type"]
    if kind == "stream":
        text = raw.get("text", "")
        return from_dict({"output_type": "stream",
                          "name": "stderr" if raw.get("name") == "stderr" else "stdout",
                          "text": text if isinstance(text, str) else str(text)})
    if kind == "error":
        tb = raw.get("traceback", [])
        return from_dict({"output_type": "error", "ename": str(raw.get("ename", "")),
                          "evalue": str(raw.get("evalue", "")),
                          "traceback": [str(t) for t in tb] if isinstance(tb, list) else []})
    data = raw.get("data")
    if not isinstance(data, dict):
        return None
    out = {"output_type": kind, "metadata": {},
           "data": {str(k): v for k, v in data.items()
                    if isinstance(v, str | dict | list)}}
    if kind == "execute_result":
        count = raw.get("execution_count")
        out["execution_count"] = count if isinstance(count, int) else None
    return from_dict(out)


class SandboxFailure(RuntimeError):
    """The sandboxed run left nothing to grade (the grading reports this message)."""

    #: the message of the latest failure, read (and cleared) by the grading step
    last: str | None = None


class SandboxedExecute(NbGraderPreprocessor):  # type: ignore[misc]
    """Run the notebook isolated, with limits; copy back the outputs of its code cells."""

    timeout = Integer(30, help="Seconds a single cell may run.").tag(config=True)
    notebook_timeout = Integer(900, help="Seconds the whole notebook may run.").tag(config=True)
    memory_mb = Integer(DEFAULT_MEMORY_MB,
                        help="Memory (address space) a kernel may use, MB.").tag(config=True)
    sandbox = Bool(True, help="Isolate with bubblewrap (False: run as the trainer, "
                   "unprotected).").tag(config=True)
    language = Unicode("en", help="The class's language (for messages).").tag(config=True)
    events = List(Unicode(), default_value=[])

    def preprocess(self, nb: Any, resources: Any) -> tuple[Any, Any]:
        """Run ``nb`` in the sandbox; its code cells get the outputs of the run."""
        limits = Limits(cell_timeout=int(self.timeout), notebook_timeout=int(self.notebook_timeout),
                        memory_mb=int(self.memory_mb))
        slow = {i: max(int(self.timeout), TRUSTED_CELL_TIMEOUT) for i, c in enumerate(nb.cells)
                if c.cell_type == "code" and is_locked(c) and not is_grade(c)
                and not is_solution(c)}
        with tempfile.TemporaryDirectory(prefix="socialhrm-grade-") as tmp:
            result = run_notebook(nb, Path(tmp) / "run", limits, sandbox=bool(self.sandbox),
                                  lang=str(self.language), slow_cells=slow)
        if result.problem:
            SandboxFailure.last = result.problem  # for the grading's report (same process)
            raise SandboxFailure(result.problem)
        with using_language(str(self.language)):
            not_run = _("Not run: the notebook stopped before this cell.")
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            got = result.cells.get(index)
            if got is None:
                cell.outputs = [from_dict({"output_type": "error", "ename": NOT_RUN,
                                           "evalue": not_run, "traceback": [not_run]})]
                continue
            outputs = got.get("outputs") if isinstance(got.get("outputs"), list) else []
            cell.outputs = [o for o in map(_clean_output, outputs) if o is not None]
            count = got.get("execution_count")
            cell.execution_count = count if isinstance(count, int) else None
        resources.setdefault("socialhrm", {})["events"] = list(result.events)
        for event in result.events:
            self.log.info("sandbox: %s", event)
        return nb, resources


class JudgeHidden(NbGraderPreprocessor):  # type: ignore[misc]
    """Judge hidden tests here, from the recorded values (see the module docstring)."""

    language = Unicode("en", help="The class's language (for messages).").tag(config=True)

    def preprocess(self, nb: Any, resources: Any) -> tuple[Any, Any]:
        """Judge the hidden calls of every test cell; drop the records."""
        problems: list[str] = []
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            records = [o.get("data", {}).get(MIME) for o in cell.get("outputs", [])
                       if o.get("output_type") in {"display_data", "execute_result"}
                       and MIME in o.get("data", {})]
            cell.outputs = [o for o in cell.get("outputs", [])
                            if MIME not in (o.get("data") or {})]
            if not (is_grade(cell) and not is_solution(cell)):
                continue
            gid = cell.metadata.get("nbgrader", {}).get("grade_id", "")
            calls = hidden_calls(cell.source, gid)
            if not calls:
                continue
            verdicts = judge_records(calls, records)
            failed = [v for v in verdicts if not v.passed]
            problems += [f"{gid}: {v.reason}" for v in failed if "set up wrongly" in v.reason]
            if failed and not any(o.get("output_type") == "error" for o in cell.outputs):
                with using_language(str(self.language)):
                    message = _(HIDDEN_FAILED_MESSAGE)
                cell.outputs.append(from_dict({"output_type": "error",
                                               "ename": HIDDEN_FAILED_ENAME,
                                               "evalue": message, "traceback": [message]}))
        resources.setdefault("socialhrm", {})["problems"] = problems
        for problem in problems:
            self.log.error("%s", problem)
        return nb, resources


class ScrubHiddenTests(NbGraderPreprocessor):  # type: ignore[misc]
    """nbgrader feedback preprocessor: no hidden-test code (see ``scrub_hidden_tests``)."""

    secret_lines = List(Unicode(), default_value=[],
                        help="Extra lines to treat as hidden test code.").tag(config=True)
    language = Unicode("", help="The class's language (for messages).").tag(config=True)

    def preprocess(self, nb: Any, resources: Any) -> tuple[Any, Any]:
        """Scrub hidden-test code from ``nb`` (in place)."""
        with using_language(str(self.language) or None):
            count = scrub_hidden_tests(nb, self.secret_lines)
        if count:
            self.log.info("Replaced %d output(s) that showed hidden test code", count)
        return nb, resources


def autograde_preprocessors() -> list[Any]:
    """The ``Autograde.autograde_preprocessors`` with the sandbox and outside judging."""
    from nbconvert.preprocessors import ClearMetadataPreprocessor
    from nbgrader.preprocessors import (
        AssignLatePenalties,
        CheckCellMetadata,
        IgnorePattern,
        LimitOutput,
        SaveAutoGrades,
    )

    return [SandboxedExecute, JudgeHidden, IgnorePattern, ClearMetadataPreprocessor, LimitOutput,
            SaveAutoGrades, AssignLatePenalties, CheckCellMetadata]
