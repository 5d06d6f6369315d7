"""The class as one object: :class:`Workshop` (every step a method) and :func:`init_class`."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from socialhrm.i18n import LANGUAGES, _
from socialhrm.workshop.common import (
    CONFIG_NAME,
    DEFAULT_THRESHOLD,
    DEFAULT_TIMEOUT,
    STATE_NAME,
    WorkshopError,
    kit_modules,
    list_modules,
    now,
    resolve_class_dir,
    resolve_module,
)
from socialhrm.workshop.roster import read_students
from socialhrm.workshop.state import ClassFolder, config_text

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from socialhrm.workshop.collect import CollectReport
    from socialhrm.workshop.feedback import FeedbackReport
    from socialhrm.workshop.grading import GradeReport

__all__ = ["Workshop", "init_class"]


class Workshop(ClassFolder):
    """One class folder created by :func:`init_class`; every step is a method.

    The steps live in their own modules (``release``, ``collect``, ``grading``, ``feedback``,
    ``exports``); these methods call them, and import them only when used.

    Parameters
    ----------
    class_dir
        The class folder (a bare name means ``workshops/<name>``).
    debug
        Show nbgrader's own log lines.

    Examples
    --------
    >>> ws = Workshop("spring2026")  # doctest: +SKIP
    >>> ws.grade("m01_org_as_network")  # doctest: +SKIP
    """

    def release(self, modules: Iterable[str] | None = None, *, make_zip: bool = True,
                force: bool = False, exchange: bool = False) -> dict[str, Path]:
        """See :func:`socialhrm.workshop.release.release`."""
        from socialhrm.workshop.release import release

        return release(self, modules, make_zip=make_zip, force=force, exchange=exchange)

    def collect(self, module: str, source: str | Path, *, force: bool = False) -> CollectReport:
        """See :func:`socialhrm.workshop.collect.collect`."""
        from socialhrm.workshop.collect import collect

        return collect(self, module, source, force=force)

    def grade(self, module: str, *, timeout: int | None = None, force: bool = False,
              students: Iterable[str] | None = None, deleted_tests: str = "zero",
              sandbox: bool = True, memory_mb: int | None = None) -> GradeReport:
        """See :func:`socialhrm.workshop.grading.grade`."""
        from socialhrm.workshop.grading import grade

        return grade(self, module, timeout=timeout, force=force, students=students,
                     deleted_tests=deleted_tests, sandbox=sandbox, memory_mb=memory_mb)

    def feedback(self, module: str, *, force: bool = False) -> FeedbackReport:
        """See :func:`socialhrm.workshop.feedback.feedback`."""
        from socialhrm.workshop.feedback import feedback

        return feedback(self, module, force=force)

    def question_order(self, module: str) -> list[tuple[str, str, str, float]]:
        """See :func:`socialhrm.workshop.exports.question_order`."""
        from socialhrm.workshop.exports import question_order

        return question_order(self, module)

    def grades(self, module: str | None = None) -> pd.DataFrame:
        """See :func:`socialhrm.workshop.exports.grades`."""
        from socialhrm.workshop.exports import grades

        return grades(self, module)

    def question_summary(self, module: str | None = None, *,
                         threshold: float = DEFAULT_THRESHOLD) -> pd.DataFrame:
        """See :func:`socialhrm.workshop.exports.question_summary`."""
        from socialhrm.workshop.exports import question_summary

        return question_summary(self, module, threshold=threshold)

    def export(self, module: str | None = None, *, threshold: float = DEFAULT_THRESHOLD,
               out_dir: str | Path | None = None) -> tuple[Path, Path]:
        """See :func:`socialhrm.workshop.exports.export`."""
        from socialhrm.workshop.exports import export

        return export(self, module, threshold=threshold, out_dir=out_dir)

    def status(self) -> pd.DataFrame:
        """See :func:`socialhrm.workshop.exports.status`."""
        from socialhrm.workshop.exports import status

        return status(self)

    def restore_gradebook(self, backup: str | Path | None = None) -> Path:
        """Put a backup of the gradebook back (the newest when ``backup`` is None).

        The current gradebook, if any, is backed up first, so a restore can be undone.
        """
        folder = self.path("backups")
        backups = sorted(folder.glob("gradebook-*.db"))
        chosen = Path(backup) if backup else (backups[-1] if backups else None)
        if chosen is None or not chosen.is_file():
            raise WorkshopError(_("no gradebook backup to restore in {folder}").format(
                folder=folder))
        db = self.gradebook_file()
        if db is None:
            raise WorkshopError(_("this class keeps its gradebook in a database server; "
                                  "restore it with that server's tools"))
        if db.is_file():
            self.backup_gradebook()
        shutil.copy2(chosen, db)
        return chosen


def init_class(class_dir: str | Path, students: str | Path, modules: Iterable[str] | None = None,
               *, source: str | Path | None = None, timeout: int = DEFAULT_TIMEOUT,
               course_id: str | None = None, echo: Callable[[str], None] | None = None,
               debug: bool = False, demo: bool = False, lang: str | None = None) -> Workshop:
    """Create a class folder (or add students and modules to an existing one).

    Parameters
    ----------
    class_dir
        The folder; a bare name means ``workshops/<name>``.
    students
        The class list CSV (``student_id``, optional ``first_name``, ``last_name``, ``email``).
    modules
        Module names or unique prefixes to copy from the kit; all of them when None.
    source
        Where the exercise modules are (default: the kit's ``modules/``).
    timeout
        Seconds a single cell may run when grading.
    course_id
        nbgrader's course id (default: the folder name).
    echo
        Where progress messages go (default: print).
    debug
        Show nbgrader's own log lines.
    demo
        Mark the folder as a demo class (``demo`` may replace it).
    lang
        The class's language (``en`` or ``nl``) for feedback and messages; kept in the class.

    Returns
    -------
    Workshop

    Examples
    --------
    >>> init_class("spring2026", "students.csv", ["m01"], lang="nl")  # doctest: +SKIP
    """
    echo = echo or (lambda msg: print(msg, flush=True))
    if lang is not None and lang not in LANGUAGES:
        raise WorkshopError(_("unknown language {lang!r}: choose one of {langs}").format(
            lang=lang, langs=", ".join(LANGUAGES)))
    roster = read_students(students)
    root = resolve_class_dir(class_dir)
    new = not (root / CONFIG_NAME).is_file()
    if new and root.exists() and any(root.iterdir()):
        raise WorkshopError(_("{root} exists and is not a workshop class folder; choose a new "
                              "folder name (or empty this one)").format(root=root))
    kit = Path(source) if source else kit_modules()
    available = list_modules(kit)
    if not available:
        raise WorkshopError(_("no exercise modules found in {kit} (folders with a notebook); "
                              "use --source to point at the modules folder").format(kit=kit))
    wanted = [resolve_module(m, available, str(kit)) for m in modules] if modules else available
    if new:
        for sub in ("source", "exchange"):
            (root / sub).mkdir(parents=True, exist_ok=True)
        name = course_id or root.resolve().name
        (root / CONFIG_NAME).write_text(config_text(name, timeout), encoding="utf-8")
        (root / STATE_NAME).write_text(json.dumps({
            "course_id": name, "created": now(), "kit_modules": str(kit.resolve()),
            "demo": demo, "language": lang or "en", "collected": {}, "graded": {}}, indent=2),
            encoding="utf-8")
    ws = Workshop(root, echo=echo, debug=debug)
    if not new and lang is not None and lang != ws.language:
        state = ws.state()
        state["language"] = lang
        ws.save_state(state)
    copied, kept = [], []
    for module in wanted:
        dest = ws.path("source", module)
        if dest.exists():
            kept.append(module)
            continue
        shutil.copytree(kit / module, dest, ignore=shutil.ignore_patterns(
            ".ipynb_checkpoints", "__pycache__", ".*"))
        copied.append(module)
    added, updated = ws.add_students(roster)
    echo((_("Created the class folder {root}") if new else
          _("Updated the class folder {root}")).format(root=root))
    if copied:
        echo(_("  modules copied from {kit}: {modules}").format(kit=kit, modules=", ".join(copied)))
    if kept:
        echo(_("  modules already in the class (not replaced): {modules}").format(
            modules=", ".join(kept)))
    echo(_("  students: {added} added, {updated} already there ({n} in the class)").format(
        added=len(added), updated=len(updated), n=len(ws.students())))
    echo(_("  language of feedback and messages: {lang}").format(lang=LANGUAGES[ws.language]))
    return ws
