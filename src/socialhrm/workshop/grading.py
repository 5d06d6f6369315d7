"""Grade: autograde every new submission, isolated, judged in the trainer's process.

One student after the other: the gradebook is backed up before the run; each submission is
executed in the sandbox (:mod:`socialhrm.workshop.sandbox`) and its hidden tests are judged here
(:mod:`socialhrm.workshop.judging`); nbgrader's ``SaveAutoGrades``, in this process, writes the
scores. A failure for one student never stops the others and never loses a grade that was there.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import time
import traceback
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from socialhrm.i18n import _, ngettext
from socialhrm.nbgrading import display_path, log_reason
from socialhrm.workshop.common import WorkshopError, cell_grade_id, fmt_score, now, read_nb
from socialhrm.workshop.runner import CELL_TIMEOUT, KERNEL_DIED, NOT_RUN
from socialhrm.workshop.sandbox import DEFAULT_MEMORY_MB, sandbox_problem
from socialhrm.workshop.state import ClassFolder

__all__ = ["GradeReport", "GradeResult", "grade", "has_grade", "sandbox_refusal"]

_MISSING_CELL = "was missing from the submission"


@dataclass
class GradeResult:
    """One student's autograding: scores (None on failure) and notes for the trainer."""

    student_id: str
    ok: bool
    score: float | None = None
    max_score: float | None = None
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)
    error: str | None = None


@dataclass
class GradeReport:
    """What ``grade`` did."""

    module: str
    results: list[GradeResult] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    backup: Path | None = None
    sandboxed: bool = True

    @property
    def failed(self) -> list[GradeResult]:
        """The students who could not be graded."""
        return [r for r in self.results if not r.ok]


def sandbox_refusal(problem: str) -> str:
    """The message when grading is refused because no isolation is available."""
    return _(
        "grading runs every submission isolated, and no isolation is available here: "
        "{problem}. Install bubblewrap, or, only if you trust every submission, grade with "
        "--no-sandbox: the students' code then runs as you, can read the solutions, the "
        "gradebook and classmates' work, and can change or delete any file you can (hidden "
        "tests are still judged outside their kernel).").format(problem=problem)


def has_grade(ws: ClassFolder, module: str, sid: str) -> bool:
    """Whether the gradebook holds a graded submission of this student (with scores)."""
    from nbgrader.api import MissingEntry

    with ws.gradebook() as gb:
        try:
            sub = gb.find_submission(module, sid)
        except MissingEntry:
            return False
        grades = [g for nb in sub.notebooks for g in nb.grades]
        return bool(grades) and any(g.auto_score is not None or g.needs_manual_grade
                                    or g.manual_score is not None for g in grades)


def _inspect_graded(ws: ClassFolder, module: str, sid: str, seconds: int,
                    deleted_tests: str) -> list[str]:
    notes: list[str] = []
    restored: list[tuple[str, str]] = []
    for path in sorted(ws.path("autograded", sid, module).glob("*.ipynb")):
        nb = read_nb(path)
        for cell in nb.cells:
            gid = cell_grade_id(cell)
            if _MISSING_CELL in cell.source.split("\n", 1)[0]:
                restored.append((path.stem, gid))
            for out in cell.get("outputs", []):
                if out.get("output_type") != "error":
                    continue
                what = _("answer {gid}").format(gid=gid) if gid else _("a cell")
                if out.get("ename") in {CELL_TIMEOUT, "TimeoutError"}:
                    notes.append(_("{what} ran longer than {seconds} s and was stopped (an "
                                   "endless loop?)").format(what=what, seconds=seconds))
                elif out.get("ename") in {KERNEL_DIED, "DeadKernelError"}:
                    notes.append(_("{what} stopped the kernel (too much memory or too deep a "
                                   "recursion?); it scores 0, the rest was graded").format(
                        what=what))
        if any(o.get("ename") == NOT_RUN for c in nb.cells for o in c.get("outputs", [])):
            notes.append(_("some cells were not run (the notebook's time ran out)"))
    if restored:
        ids = ", ".join(g for _nb, g in restored)
        if deleted_tests == "zero":
            with ws.gradebook() as gb:
                for nb_name, gid in restored:
                    try:
                        grade_ = gb.find_grade(gid, nb_name, module, sid)
                    except Exception:  # noqa: BLE001 - not a grade cell
                        continue
                    grade_.auto_score = 0.0
                    grade_.manual_score = None
                    grade_.needs_manual_grade = False
                gb.db.commit()
            notes.append(_("deleted test cell(s) {ids} put back and scored 0").format(ids=ids))
        else:
            notes.append(_("deleted test cell(s) {ids} put back and run").format(ids=ids))
    return notes


def _score(ws: ClassFolder, module: str, sid: str) -> tuple[float, float, list[str]]:
    with ws.gradebook() as gb:
        sub = gb.find_submission(module, sid)
        manual = [g.name for nb in sub.notebooks for g in nb.grades if g.needs_manual_grade]
        return float(sub.score), float(sub.max_score), manual


def _config(ws: ClassFolder, seconds: int, sandbox: bool, memory_mb: int, n_cells: int) -> object:
    from socialhrm.workshop.preprocessors import autograde_preprocessors

    cfg = ws.config(seconds)
    cfg.Autograde.autograde_preprocessors = autograde_preprocessors()
    cfg.SandboxedExecute.timeout = seconds
    cfg.SandboxedExecute.notebook_timeout = seconds * max(1, n_cells) + 120
    cfg.SandboxedExecute.memory_mb = memory_mb
    cfg.SandboxedExecute.sandbox = sandbox
    cfg.SandboxedExecute.language = ws.language
    cfg.JudgeHidden.language = ws.language
    return cfg


def _pick(ws: ClassFolder, module: str, students: Iterable[str] | None, force: bool,
          report: GradeReport) -> tuple[list[str], list[str]]:
    """(students to grade, notes about lost grades)."""
    pool = ws.submitted_students(module)
    if students:
        wanted = {s.lower() for s in students}
        unknown = sorted(wanted - {p.lower() for p in pool})
        if unknown:
            raise WorkshopError(_("no collected submission of {module} for: {ids}").format(
                module=module, ids=", ".join(unknown)))
        pool = [s for s in pool if s.lower() in wanted]
    graded = ws.ledger("graded", module)
    todo: list[str] = []
    lost: list[str] = []
    for sid in pool:
        done = ws.path("autograded", sid, module).is_dir()
        same = graded.get(sid, {}).get("sha256") == ws.submission_hash(module, sid)
        if done and same and not force:
            if has_grade(ws, module, sid):
                report.skipped.append(sid)
                continue
            lost.append(sid)
        todo.append(sid)
    return todo, lost


def grade(ws: ClassFolder, module: str, *, timeout: int | None = None, force: bool = False,
          students: Iterable[str] | None = None, deleted_tests: str = "zero",
          sandbox: bool = True, memory_mb: int | None = None) -> GradeReport:
    """Autograde every new submission of a module, one student after the other.

    Parameters
    ----------
    ws
        The class.
    module
        The module (name or unique prefix).
    timeout
        Seconds a single cell may run before it is stopped (default: the class setting).
    force
        Grade again even submissions that are already graded and unchanged.
    students
        Only these students.
    deleted_tests
        ``"zero"``: a test cell the student deleted is put back and scores 0;
        ``"run"``: it is put back and run, so it scores as if never deleted.
    sandbox
        Isolate every submission (bubblewrap). ``False`` runs the students' code as you: only
        for submissions you trust.
    memory_mb
        Memory a kernel may use (default: the class setting, else 3072 MB).

    Returns
    -------
    GradeReport
    """
    module = ws.module(module)
    notebooks = ws.notebook_names(module)
    if deleted_tests not in {"zero", "run"}:
        raise WorkshopError(_("--deleted-tests must be 'zero' or 'run'"))
    problem = sandbox_problem() if sandbox else None
    if problem:
        raise WorkshopError(sandbox_refusal(problem))
    ws.require_gradebook()
    report = GradeReport(module, sandboxed=sandbox)
    todo, lost = _pick(ws, module, students, force, report)
    if not todo and not report.skipped:
        ws.echo(_("No submissions of {module} collected yet: run socialhrm workshop collect "
                  "{arg} {module} FOLDER_OR_ZIP").format(module=module, arg=ws.arg()))
        return report
    if report.skipped:
        ws.echo(_("Already graded and unchanged (use --force to grade again): {ids}").format(
            ids=", ".join(report.skipped)))
    if lost:
        ws.echo(_("The gradebook has no grade for {ids}: graded again").format(
            ids=", ".join(lost)))
    if not todo:
        return report
    report.backup = ws.backup_gradebook()
    if report.backup:
        ws.echo(_("Gradebook backed up to {path}").format(path=display_path(report.backup)))
    if not sandbox:
        ws.echo(_("WARNING: grading WITHOUT a sandbox: the students' code runs as you and can "
                  "read and change your files."))
    seconds = timeout if timeout is not None else ws.timeout()
    memory = int(memory_mb or ws.state().get("memory_mb") or DEFAULT_MEMORY_MB)
    n_cells = max(sum(c.cell_type == "code" for c in read_nb(
        ws.path("release", module, f"{name}.ipynb")).cells) for name in notebooks)
    ws.echo(ngettext(
        "Grading {n} submission of {module} (a cell running longer than {seconds} s is "
        "stopped) ...",
        "Grading {n} submissions of {module} (a cell running longer than {seconds} s is "
        "stopped) ...", len(todo)).format(n=len(todo), module=module, seconds=seconds))
    api = ws.api(config=_config(ws, seconds, sandbox, memory, n_cells))
    width = max(len(s) for s in todo)
    for i, sid in enumerate(todo, 1):
        res = _grade_one(ws, api, module, sid, seconds, deleted_tests)
        report.results.append(res)
        ws.echo(_result_line(res, i, len(todo), width))
    return report


def _grade_one(ws: ClassFolder, api: object, module: str, sid: str, seconds: int,
               deleted_tests: str) -> GradeResult:
    start = time.monotonic()
    digest = ws.submission_hash(module, sid)
    graded_dir = ws.path("autograded", sid, module)
    had_grade = graded_dir.is_dir() and has_grade(ws, module, sid)
    with tempfile.TemporaryDirectory(prefix="socialhrm-keep-") as keep:
        previous = Path(keep) / "autograded"
        if graded_dir.is_dir():
            shutil.copytree(graded_dir, previous)
        try:
            from socialhrm.workshop.preprocessors import SandboxFailure

            SandboxFailure.last = None
            result = api.autograde(module, sid, force=True, create=True)  # type: ignore[attr-defined]
        except Exception as exc:  # noqa: BLE001 - one student must never stop the others
            result = {"success": False, "error": traceback.format_exc(), "log": str(exc)}
        res = GradeResult(sid, bool(result.get("success")))
        if res.ok and not graded_dir.is_dir():
            res.ok = False
            result.setdefault("log", _("nbgrader wrote no graded notebook"))
        if not res.ok and previous.is_dir():
            if graded_dir.exists():
                shutil.rmtree(graded_dir)
            shutil.copytree(previous, graded_dir)  # the earlier grading stays as it was
    if res.ok:
        ws.drop_feedback(module, sid)  # a page from an earlier grading would be stale
        res.notes += _inspect_graded(ws, module, sid, seconds, deleted_tests)
        res.score, res.max_score, manual = _score(ws, module, sid)
        if manual:
            res.notes.append(_("needs manual grading: {ids}").format(ids=", ".join(manual)))
        ws.record("graded", module, sid, {"sha256": digest, "graded_at": now(),
                                          "score": res.score, "max_score": res.max_score})
    else:
        res.error = _failure_reason(result)
        if had_grade:
            res.notes.append(_("the earlier grade is kept"))
        else:
            ws.record("graded", module, sid, None)
    res.seconds = time.monotonic() - start
    return res


def _failure_reason(result: dict[str, Any]) -> str:
    """Why nbgrader could not grade: the sandbox's own message when there is one."""
    from socialhrm.workshop.preprocessors import SandboxFailure

    if SandboxFailure.last:
        reason, SandboxFailure.last = SandboxFailure.last, None
        return reason
    text = f"{result.get('log') or ''}\n{result.get('error') or ''}"
    found = re.search(r"SandboxFailure: (.+)", text)
    return found.group(1).strip()[:300].rstrip(".") if found else log_reason(result)


def _result_line(res: GradeResult, i: int, n: int, width: int) -> str:
    head = f"[{i}/{n}] {res.student_id:<{width}}"
    if res.ok:
        line = f"{head}  {fmt_score(res.score):>5} / {fmt_score(res.max_score):<5} " \
               f"({res.seconds:.0f} s)"
        return line + ("  " + "; ".join(res.notes) if res.notes else "")
    kept = "; ".join(res.notes)
    return head + "  " + _("NOT GRADED ({seconds} s): {error}. The others are still graded; "
                           "fix or re-collect this submission and grade again").format(
        seconds=f"{res.seconds:.0f}", error=res.error) + (f" ({kept})" if kept else "")
