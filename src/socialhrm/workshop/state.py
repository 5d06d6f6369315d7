"""A class folder and what it remembers.

Its layout, the ledger ``workshop.json``, nbgrader's configuration and gradebook, the class
list, the class's language and the gradebook's backups.

Every step of the workshop (release, collect, grade, feedback, export) works on a
:class:`ClassFolder`; :class:`socialhrm.workshop.Workshop` puts the steps together.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import shutil
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from socialhrm.i18n import LANGUAGES, _
from socialhrm.nbgrading import prepare_nbgrader
from socialhrm.workshop.common import (
    BACKUP_DIR,
    CONFIG_NAME,
    DEFAULT_PARENT,
    DEFAULT_TIMEOUT,
    ROSTER_NAME,
    STATE_NAME,
    WorkshopError,
    list_modules,
    resolve_class_dir,
    resolve_module,
    sha256_files,
)
from socialhrm.workshop.roster import Student, write_roster

__all__ = ["KEEP_BACKUPS", "ClassFolder", "config_text", "feedback_pages"]

#: how many gradebook backups a class keeps (the oldest go first)
KEEP_BACKUPS = 20


def config_text(course_id: str, timeout: int) -> str:
    """The ``nbgrader_config.py`` of a new class folder."""
    return f'''"""nbgrader settings for the workshop class {course_id!r}.

Written by `socialhrm workshop init`; paths are relative to this file, so the folder can be
moved as a whole. Use `socialhrm workshop` to grade: it runs every submission in a sandbox and
judges hidden tests outside the student's kernel (plain `nbgrader autograde` does neither).
"""
import os

c = get_config()  # noqa: F821 - provided by nbgrader when it reads this file
here = os.path.dirname(os.path.abspath(__file__))

c.CourseDirectory.root = here
c.CourseDirectory.course_id = {course_id!r}
c.CourseDirectory.source_directory = "source"
c.CourseDirectory.db_url = "sqlite:///" + os.path.join(here, "gradebook.db")
c.Exchange.root = os.path.join(here, "exchange")

# an endless loop in a student's cell is stopped after this many seconds; the rest is graded
c.Execute.timeout = {int(timeout)}
# a deleted test cell is put back (and run) instead of being left for manual grading
c.OverwriteCells.add_missing_cells = True
# feedback never shows hidden tests (nbgrader alone shows them in sources and tracebacks)
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "socialhrm.workshop.ScrubHiddenTests",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]
'''


def feedback_pages(out_dir: Path, sid: str, notebooks: list[str]) -> list[Path]:
    """The feedback page(s) of one student: ``STUDENT.html`` or ``STUDENT_NOTEBOOK.html``."""
    if len(notebooks) == 1:
        return [out_dir / f"{sid}.html"]
    return [out_dir / f"{sid}_{name}.html" for name in notebooks]


class ClassFolder:
    """One class folder created by :func:`socialhrm.workshop.init_class`.

    Parameters
    ----------
    class_dir
        The class folder (a bare name means ``workshops/<name>``).
    debug
        Show nbgrader's own log lines.
    echo
        Where progress messages go (default: print).
    """

    def __init__(self, class_dir: str | Path, *, debug: bool = False,
                 echo: Callable[[str], None] | None = None) -> None:
        root = resolve_class_dir(class_dir)
        if not (root / CONFIG_NAME).is_file() or not (root / STATE_NAME).is_file():
            raise WorkshopError(_(
                "{root} is not a workshop class folder (no {config} / {state} in it). "
                "Create one with: socialhrm workshop init {arg} --students students.csv"
            ).format(root=root, config=CONFIG_NAME, state=STATE_NAME, arg=class_dir))
        self.root = root.resolve()
        self.debug = debug
        self.echo: Callable[[str], None] = echo or (lambda msg: print(msg, flush=True))
        prepare_nbgrader(debug)

    # ---- layout
    def path(self, *parts: str) -> Path:
        """A path inside the class folder."""
        return self.root.joinpath(*parts)

    @property
    def course_id(self) -> str:
        """The nbgrader course id (the class name)."""
        return str(self.state().get("course_id") or self.root.name)

    @property
    def language(self) -> str:
        """The class's language (``init --lang``): feedback and messages use it."""
        lang = self.state().get("language")
        return lang if lang in LANGUAGES else "en"

    def modules(self) -> list[str]:
        """The modules copied into this class (``source/``)."""
        return list_modules(self.path("source"))

    def module(self, name: str) -> str:
        """Resolve a module name or unique prefix (``m01``)."""
        return resolve_module(name, self.modules(), f"{self.root / 'source'}")

    def notebook_names(self, module: str) -> list[str]:
        """The notebooks of a released module (file stems)."""
        release = self.path("release", module)
        if not release.is_dir():
            raise WorkshopError(_("{module} has not been released yet: run socialhrm workshop "
                                  "release {arg} {module}").format(module=module, arg=self.arg()))
        return sorted(p.stem for p in release.glob("*.ipynb"))

    def arg(self) -> str:
        """How to name this class on the command line from the working folder."""
        cwd = Path.cwd().resolve()
        with contextlib.suppress(ValueError):
            rel = self.root.relative_to(cwd / DEFAULT_PARENT)
            if len(rel.parts) == 1:
                return rel.name
        with contextlib.suppress(ValueError):
            text = self.root.relative_to(cwd).as_posix()
            return text if "/" in text else f"./{text}"
        return str(self.root)

    def pages(self, module: str, sid: str) -> list[Path]:
        """The feedback page(s) of a student for a module."""
        return feedback_pages(self.path("feedback_html", module), sid,
                              self.notebook_names(module))

    def submitted_students(self, module: str) -> list[str]:
        """Students with a collected submission of a module."""
        base = self.path("submitted")
        if not base.is_dir():
            return []
        return sorted((p.parent.name for p in base.glob(f"*/{module}") if p.is_dir()),
                      key=str.lower)

    def submission_hash(self, module: str, sid: str) -> str:
        """A fingerprint of a student's collected notebooks."""
        return sha256_files(self.path("submitted", sid, module).glob("*.ipynb"))

    # ---- the ledger
    def state(self) -> dict[str, Any]:
        """The ledger ``workshop.json`` (what was collected and graded)."""
        try:
            return json.loads(self.path(STATE_NAME).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise WorkshopError(_("{path} is damaged ({error}); restore it from a backup or "
                                  "delete it and run init again").format(
                path=self.path(STATE_NAME), error=exc)) from exc

    def save_state(self, state: dict[str, Any]) -> None:
        """Write the ledger (atomically)."""
        tmp = self.path(STATE_NAME + ".tmp")
        tmp.write_text(json.dumps(state, indent=2, sort_keys=True), encoding="utf-8")
        tmp.replace(self.path(STATE_NAME))

    def ledger(self, kind: str, module: str) -> dict[str, Any]:
        """One book of the ledger: ``collected``, ``graded`` or ``feedback``, per student."""
        return self.state().get(kind, {}).get(module, {})

    def record(self, kind: str, module: str, student: str, entry: dict[str, Any] | None) -> None:
        """Write (or with None, remove) a student's entry in a book of the ledger."""
        state = self.state()
        book = state.setdefault(kind, {}).setdefault(module, {})
        if entry is None:
            book.pop(student, None)
        else:
            book[student] = entry
        self.save_state(state)

    # ---- nbgrader
    def config(self, timeout: int | None = None) -> Any:
        """The class's nbgrader configuration (``traitlets`` Config), loaded from its file."""
        from traitlets.config.loader import ConfigFileNotFound, PyFileConfigLoader

        try:
            cfg = PyFileConfigLoader(CONFIG_NAME, path=str(self.root)).load_config()
        except ConfigFileNotFound as exc:  # pragma: no cover - checked in __init__
            raise WorkshopError(_("{path} is missing").format(
                path=self.path(CONFIG_NAME))) from exc
        except Exception as exc:  # noqa: BLE001
            raise WorkshopError(_("{path} has an error: {error}").format(
                path=self.path(CONFIG_NAME), error=exc)) from exc
        cfg.CourseDirectory.root = str(self.root)
        if timeout is not None:
            cfg.Execute.timeout = int(timeout)
        if "extra_arguments" not in cfg.Execute:
            # the kernel's own start-up warnings are noise in a trainer's terminal
            cfg.Execute.extra_arguments = ["--IPKernelApp.log_level=ERROR"]
        return cfg

    def api(self, timeout: int | None = None, config: Any = None, **extra: Any) -> Any:
        """An ``nbgrader.apps.NbGraderAPI`` for this class (in-process, no start-up per call)."""
        from nbgrader.apps import NbGraderAPI

        cfg = config if config is not None else self.config(timeout)
        for key, value in extra.items():
            section, name = key.split("__")
            cfg[section][name] = value
        return NbGraderAPI(config=cfg)

    def timeout(self) -> int:
        """The per-cell timeout set in the class configuration (seconds)."""
        cfg = self.config()
        return int(cfg.Execute.timeout) if "timeout" in cfg.Execute else DEFAULT_TIMEOUT

    def gradebook_file(self) -> Path | None:
        """The sqlite file of the gradebook (None when the class uses another database)."""
        cfg = self.config()
        url = str(cfg.CourseDirectory.db_url) if "db_url" in cfg.CourseDirectory \
            else f"sqlite:///{self.path('gradebook.db')}"
        return Path(url[len("sqlite:///"):]) if url.startswith("sqlite:///") else None

    @contextlib.contextmanager
    def gradebook(self) -> Iterator[Any]:
        """An open nbgrader ``Gradebook`` for this class."""
        from nbgrader.api import Gradebook

        cfg = self.config()
        url = cfg.CourseDirectory.db_url if "db_url" in cfg.CourseDirectory \
            else f"sqlite:///{self.path('gradebook.db')}"
        with Gradebook(url, self.course_id) as gb:
            yield gb

    def backup_gradebook(self) -> Path | None:
        """Copy the gradebook to ``backups/gradebook-<time>.db`` (sqlite's online backup).

        Returns the backup, or None when there is nothing to back up. Keeps the newest
        :data:`KEEP_BACKUPS`.
        """
        db = self.gradebook_file()
        if db is None or not db.is_file():
            return None
        folder = self.path(BACKUP_DIR)
        folder.mkdir(exist_ok=True)
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S-%f")
        target = folder / f"gradebook-{stamp}.db"
        try:
            with contextlib.closing(sqlite3.connect(db)) as src, \
                    contextlib.closing(sqlite3.connect(target)) as dst:
                src.backup(dst)
        except sqlite3.Error:
            shutil.copy2(db, target)
        for old in sorted(folder.glob("gradebook-*.db"))[:-KEEP_BACKUPS]:
            old.unlink()
        return target

    def require_gradebook(self) -> None:
        """Stop with a message when the gradebook is gone although grades were recorded."""
        db = self.gradebook_file()
        graded = sum(len(v) for v in self.state().get("graded", {}).values())
        if db is None or db.is_file() or not graded:
            return
        backups = sorted(self.path(BACKUP_DIR).glob("gradebook-*.db"))
        hint = _("restore the newest backup with: socialhrm workshop restore {arg}").format(
            arg=self.arg()) if backups else _("no backup exists; grade every module again "
                                              "with --force")
        raise WorkshopError(_("the gradebook {db} is missing although {n} grade(s) were "
                              "recorded; {hint}").format(db=db, n=graded, hint=hint))

    def students(self) -> list[Student]:
        """The class list, from the gradebook."""
        with self.gradebook() as gb:
            return sorted((Student(s.id, s.first_name, s.last_name, s.email) for s in gb.students),
                          key=lambda s: s.student_id.lower())

    def add_students(self, students: Iterable[Student]) -> tuple[list[str], list[str]]:
        """Add or update students in the gradebook; returns (added, updated) ids."""
        added: list[str] = []
        updated: list[str] = []
        with self.gradebook() as gb:
            existing = {s.id.lower(): s.id for s in gb.students}
            for s in students:
                sid = existing.get(s.student_id.lower(), s.student_id)
                fields = {k: v for k, v in (("first_name", s.first_name),
                                             ("last_name", s.last_name), ("email", s.email)) if v}
                gb.update_or_create_student(sid, **fields)
                (updated if s.student_id.lower() in existing else added).append(sid)
        write_roster(self.path(ROSTER_NAME), self.students())
        return added, updated

    def example_id(self) -> str:
        """A student id to show in examples."""
        students = self.students()
        return students[0].student_id if students else "ann"

    def drop_feedback(self, module: str, sid: str) -> None:
        """Remove a student's feedback for a module (it would be stale after grading)."""
        for page in self.pages(module, sid):
            page.unlink(missing_ok=True)
        if self.path("feedback", sid, module).is_dir():
            shutil.rmtree(self.path("feedback", sid, module))
        self.record("feedback", module, sid, None)
