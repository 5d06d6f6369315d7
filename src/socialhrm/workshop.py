"""Run a class with nbgrader: ``socialhrm workshop init | release | collect | grade | ...``.

A *class folder* (by default ``workshops/<name>/``, which git ignores) holds everything for one
group of learners::

    nbgrader_config.py   nbgrader settings for this class (paths relative to the folder)
    workshop.json        what this tool did: files collected, submissions graded (a ledger)
    students.csv         the class list as imported
    gradebook.db         nbgrader's gradebook (sqlite; never commit it)
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

Returned notebooks are matched to students by name (see :func:`match_file`): a file named
``<student_id>.ipynb`` or ``<student_id>_<anything>.ipynb`` (also ``-``, ``.`` or a space after
the id), or any notebook in a folder named ``<student_id>``. Ids match regardless of case.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import hashlib
import html
import json
import os
import re
import shutil
import sys
import tempfile
import time
import traceback
import warnings
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from socialhrm.nbgrading import (
    display_path,
    log_reason,
    prepare_nbgrader,
    remove_hidden,
    split_hidden,
)

if TYPE_CHECKING:  # pragma: no cover
    import nbformat
    import pandas as pd

#: the kit's own exercises (in the course checkout; see socialhrm.paths)
KIT_MODULES = Path("modules")  # shown in --help; resolved by kit_modules()


def kit_modules() -> Path:
    """The kit's own exercise modules (``modules/`` in the course checkout)."""
    from socialhrm.paths import modules_dir

    return modules_dir()


#: bare class names (``socialhrm workshop init spring``) live here, relative to the working folder
DEFAULT_PARENT = Path("workshops")

CONFIG_NAME = "nbgrader_config.py"
STATE_NAME = "workshop.json"
ROSTER_NAME = "students.csv"
DEFAULT_TIMEOUT = 30
DEFAULT_THRESHOLD = 0.5

HIDDEN_BEGIN = "BEGIN HIDDEN TESTS"
HIDDEN_END = "END HIDDEN TESTS"
SOLUTION_BEGIN = "BEGIN SOLUTION"
SOLUTION_END = "END SOLUTION"
HIDDEN_FAILED_MESSAGE = (
    "A hidden test did not pass. Hidden tests check the value of your answer; "
    "their code is not shown. Check your work and try again."
)
HIDDEN_OUTPUT_MESSAGE = "(This output is not shown: it contained hidden test code.)"

_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_SEPARATORS = "_-. "
_ANSI_RE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
_LINE_NO_RE = re.compile(r"^\s*(?:-*>\s*)?\d+\s")
_ARROW_RE = re.compile(r"^\s*-+>\s*(?:\d+\s)?(.*)$")
_MISSING_CELL_RE = re.compile(r"This cell \(id:(?P<id>[^)]*)\) was missing from the submission")
_TRIVIAL_LINES = {"pass", "else:", "try:", "except:", "finally:", "return", "break", "continue"}


class WorkshopError(Exception):
    """A problem the trainer can fix; the message says what to do."""


# --------------------------------------------------------------------------------------------
# small helpers





def _sha256(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")



def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _fmt(x: float | None) -> str:
    if x is None:
        return "-"
    return f"{x:g}"


def is_valid_student_id(student_id: str) -> bool:
    """Whether an id can safely be a folder name (letters, digits, ``_ - .``; max 64).

    Examples
    --------
    >>> is_valid_student_id("ann_01"), is_valid_student_id("Ann Smith"), is_valid_student_id("../x")
    (True, False, False)
    """
    return bool(_ID_RE.match(student_id)) and student_id not in {".", ".."}


def resolve_class_dir(class_dir: str | Path) -> Path:
    """Where a class lives: a bare name means ``workshops/<name>``, anything else is a path.

    Only strings are interpreted; a ``Path`` is taken as it is.

    Examples
    --------
    >>> resolve_class_dir("spring2026")
    PosixPath('workshops/spring2026')
    >>> resolve_class_dir("./spring2026")
    PosixPath('spring2026')
    """
    if isinstance(class_dir, Path):
        return class_dir
    text = str(class_dir)
    if text and "/" not in text and os.sep not in text and text not in {".", ".."}:
        return DEFAULT_PARENT / text
    return Path(text)


# --------------------------------------------------------------------------------------------
# the class list


@dataclass(frozen=True)
class Student:
    """One learner in a class (``student_id`` is also their folder name)."""

    student_id: str
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None


def read_students(path: str | Path) -> list[Student]:
    """Read and check a class list CSV: ``student_id`` plus optional names and email.

    Column names are matched regardless of case and spaces (``Student ID`` works); commas,
    semicolons and tabs are all accepted as separators. Every problem is reported at once,
    naming the line of the file.

    Parameters
    ----------
    path
        The CSV file.

    Returns
    -------
    list of Student

    Raises
    ------
    WorkshopError
        A missing ``student_id`` column, an empty, duplicate or unsafe id (ids become folder
        names, so only letters, digits, ``_``, ``-`` and ``.`` are allowed).

    Examples
    --------
    >>> read_students("students.csv")  # doctest: +SKIP
    [Student(student_id='ada', first_name='Ada', last_name='Lovelace', email=None), ...]
    """
    path = Path(path)
    if not path.is_file():
        raise WorkshopError(
            f"the class list {path} does not exist (a CSV with a student_id column)")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = path.read_text(encoding="cp1252")
        except UnicodeDecodeError as exc:  # pragma: no cover - cp1252 decodes almost anything
            raise WorkshopError(f"{path} is not a text (CSV) file") from exc
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise WorkshopError(f"{path} is empty: it needs a header line with student_id")
    header = lines[0]
    delimiter = ","
    for candidate in (";", "\t"):
        if candidate in header and "," not in header:
            delimiter = candidate
    reader = csv.reader(text.splitlines(), delimiter=delimiter)
    columns = [c.strip().lower().replace(" ", "_").replace("-", "_") for c in next(reader)]
    if "student_id" not in columns:
        found = ", ".join(c for c in columns if c) or "nothing"
        raise WorkshopError(
            f"{path}, line 1: no 'student_id' column (found: {found}). Name the column that "
            "holds the ids student_id; first_name, last_name and email are optional."
        )
    index = {name: columns.index(name) for name in ("student_id", "first_name", "last_name",
                                                    "email") if name in columns}
    problems: list[str] = []
    seen: dict[str, int] = {}
    students: list[Student] = []
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue

        def get(name: str, row: list[str] = row) -> str | None:
            i = index.get(name)
            value = row[i].strip() if i is not None and i < len(row) else ""
            return value or None

        sid = get("student_id")
        if sid is None:
            problems.append(f"line {line}: student_id is empty")
            continue
        if not is_valid_student_id(sid):
            problems.append(
                f"line {line}: student id {sid!r} cannot be used as a folder name; use letters, "
                "digits, '_', '-' or '.', starting with a letter or digit (e.g. "
                f"{re.sub(r'[^A-Za-z0-9_.-]+', '_', sid).strip('_.-').lower() or 'ann_smith'})"
            )
            continue
        key = sid.lower()
        if key in seen:
            problems.append(
                f"lines {seen[key]} and {line}: student id {sid!r} appears twice (ids must be "
                "unique; ids that differ only in upper/lower case count as the same)"
            )
            continue
        seen[key] = line
        students.append(Student(sid, get("first_name"), get("last_name"), get("email")))
    if problems:
        shown = problems[:10]
        if len(problems) > 10:
            shown.append(f"... and {len(problems) - 10} more")
        raise WorkshopError(f"{path} has problems; fix them and run init again:\n  "
                            + "\n  ".join(shown))
    if not students:
        raise WorkshopError(f"{path} lists no students (only a header line)")
    return students


def _write_roster(path: Path, students: Iterable[Student]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["student_id", "first_name", "last_name", "email"])
        for s in students:
            writer.writerow([s.student_id, s.first_name or "", s.last_name or "", s.email or ""])


# --------------------------------------------------------------------------------------------
# notebooks: hidden tests, simulated students


def _read_nb(path: Path) -> nbformat.NotebookNode:
    import nbformat

    return nbformat.read(str(path), as_version=4)




def _meaningful(line: str) -> bool:
    s = line.strip()
    return len(s) >= 4 and s not in _TRIVIAL_LINES and any(ch.isalnum() for ch in s)


def hidden_test_lines(source_notebook: str | Path | Any,
                      released_notebook: str | Path | Any | None = None) -> list[str]:
    """The lines of every hidden-test block, minus lines students can see anyway.

    Parameters
    ----------
    source_notebook
        The instructor version (a path or a notebook object).
    released_notebook
        The student version; lines that appear in it are not secret. Optional.

    Returns
    -------
    list of str
        Stripped lines, in notebook order, without trivial ones (``pass``, brackets).

    Examples
    --------
    >>> hidden_test_lines("source/m01_org_as_network/m01_org_as_network.ipynb")  # doctest: +SKIP
    ['hidden("m01", "q1", n_people)', ...]
    """
    nb = _read_nb(Path(source_notebook)) if isinstance(source_notebook, str | Path) \
        else source_notebook
    hidden: list[str] = []
    visible: set[str] = set()
    for cell in nb.cells:
        h, v = split_hidden(cell.source)
        hidden += [x.strip() for x in h if _meaningful(x)]
        visible |= {x.strip() for x in v}
    if released_notebook is not None:
        rel = _read_nb(Path(released_notebook)) if isinstance(released_notebook, str | Path) \
            else released_notebook
        for cell in rel.cells:
            visible |= {x.strip() for x in cell.source.splitlines()}
    out: list[str] = []
    for line in hidden:
        if line not in visible and line not in out:
            out.append(line)
    return out


def _text_lines(text: str) -> set[str]:
    lines: set[str] = set()
    for line in _ANSI_RE.sub("", text).splitlines():
        lines.add(line.strip())
        m = _LINE_NO_RE.match(line)
        if m:
            lines.add(line[m.end():].strip())
    return lines


def find_leaks(text: str, secret_lines: Iterable[str]) -> list[str]:
    """Which secret lines appear in a text (a traceback, an output, an HTML page's text).

    A secret line counts when it is a whole line of the text (IPython's line numbers and
    ``---->`` arrows ignored) or, for lines of 16 characters or more, anywhere in it.

    Examples
    --------
    >>> find_leaks("----> 4 hidden('m01', 'q2', density)", ["hidden('m01', 'q2', density)"])
    ["hidden('m01', 'q2', density)"]
    """
    clean = _ANSI_RE.sub("", text)
    lines = _text_lines(clean)
    return [s for s in secret_lines if s in lines or (len(s) >= 16 and s in clean)]


def html_text(page: str) -> str:
    """The visible text of an HTML page (tags and styles removed, entities decoded)."""
    page = re.sub(r"(?is)<(script|style)\b.*?</\1>", "", page)
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def _output_text(output: Any) -> str:
    kind = output.get("output_type")
    if kind == "stream":
        text = output.get("text", "")
        return "".join(text) if isinstance(text, list) else str(text)
    if kind == "error":
        return "\n".join([str(output.get("ename", "")), str(output.get("evalue", "")),
                          *[str(t) for t in output.get("traceback", [])]])
    parts: list[str] = []
    for value in (output.get("data") or {}).values():
        if isinstance(value, list):
            parts.append("".join(str(v) for v in value))
        elif isinstance(value, str):
            parts.append(value)
    return "\n".join(parts)


def scrub_hidden_tests(nb: Any, secret_lines: Iterable[str] = ()) -> int:
    """Remove hidden-test code from a graded notebook, in place, before it becomes feedback.

    Hidden-test blocks are cut from every cell's source. Any output that shows a hidden line
    is replaced: a traceback whose failing line is hidden becomes a neutral "a hidden test did
    not pass"; a traceback whose failing line is visible keeps that line and the error message
    only; any other output that shows hidden code is withheld.

    Parameters
    ----------
    nb
        A notebook (``nbformat`` v4 node), e.g. an autograded submission.
    secret_lines
        Lines to treat as secret besides the hidden blocks found in ``nb`` itself.

    Returns
    -------
    int
        How many outputs were replaced.

    Examples
    --------
    >>> nb = nbformat.read("autograded/ann/m01/m01.ipynb", 4)  # doctest: +SKIP
    >>> scrub_hidden_tests(nb)  # doctest: +SKIP
    1
    """
    secrets = {s.strip() for s in secret_lines if _meaningful(s)}
    visible: set[str] = set()
    for cell in nb.cells:
        hidden, shown = split_hidden(cell.source)
        secrets |= {x.strip() for x in hidden if _meaningful(x)}
        visible |= {x.strip() for x in shown}
    secrets -= visible
    replaced = 0
    for cell in nb.cells:
        cell.source = remove_hidden(cell.source)
        if cell.get("cell_type") != "code" or not secrets:
            continue
        new_outputs = []
        for output in cell.get("outputs", []):
            if not find_leaks(_output_text(output), secrets):
                new_outputs.append(output)
                continue
            replaced += 1
            new_outputs.append(_neutral_output(output, secrets))
        cell.outputs = new_outputs
    return replaced


def _neutral_output(output: Any, secrets: set[str]) -> Any:
    from nbformat import NotebookNode

    if output.get("output_type") != "error":
        return NotebookNode(output_type="stream", name="stdout", text=HIDDEN_OUTPUT_MESSAGE + "\n")
    lines = _ANSI_RE.sub("", "\n".join(output.get("traceback", []))).splitlines()
    arrows = [m.group(1).strip() for m in map(_ARROW_RE.match, lines) if m]
    ename, evalue = str(output.get("ename", "")), str(output.get("evalue", ""))
    hidden_failed = (not arrows or any(a in secrets for a in arrows)
                     or bool(find_leaks(f"{ename}: {evalue}", secrets)))
    if hidden_failed:
        return NotebookNode(output_type="error", ename="Hidden test", evalue=HIDDEN_FAILED_MESSAGE,
                            traceback=[HIDDEN_FAILED_MESSAGE])
    return NotebookNode(output_type="error", ename=ename, evalue=evalue, traceback=[
        "A test did not pass:", f"    {arrows[0]}", f"{ename}: {evalue}"])


def _make_scrub_preprocessor() -> type:
    from nbgrader.preprocessors import NbGraderPreprocessor
    from traitlets import List, Unicode

    class ScrubHiddenTests(NbGraderPreprocessor):  # type: ignore[misc]
        """nbgrader feedback preprocessor: no hidden-test code (see ``scrub_hidden_tests``)."""

        secret_lines = List(Unicode(), default_value=[],
                            help="Extra lines to treat as hidden test code.").tag(config=True)

        def preprocess(self, nb: Any, resources: Any) -> tuple[Any, Any]:
            count = scrub_hidden_tests(nb, self.secret_lines)
            if count:
                self.log.info("Replaced %d output(s) that showed hidden test code", count)
            return nb, resources

    ScrubHiddenTests.__module__ = __name__
    return ScrubHiddenTests


_LAZY: dict[str, type] = {}


def __getattr__(name: str) -> Any:
    # ``socialhrm.workshop.ScrubHiddenTests`` is built on first use so that the command line
    # does not pay for importing nbgrader before it needs it.
    if name == "ScrubHiddenTests":
        if name not in _LAZY:
            _LAZY[name] = _make_scrub_preprocessor()
        return _LAZY[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _strip_solution_markers(source: str) -> str:
    return "\n".join(line for line in source.split("\n")
                     if SOLUTION_BEGIN not in line and SOLUTION_END not in line)


def _assigns(source: str, variable: str) -> bool:
    return re.search(rf"(?m)^\s*{re.escape(variable)}\s*(?::[^=]*)?=(?!=)", source) is not None


def simulate_student(source_notebook: str | Path, released_notebook: str | Path, *,
                     answers: str = "solution", set_values: dict[str, Any] | None = None,
                     loop_before: str | None = None, reflection: str | None = None) -> Any:
    """A simulated student's returned notebook, built from the handed-out version.

    Parameters
    ----------
    source_notebook
        The instructor version (with solutions).
    released_notebook
        The student version that was handed out.
    answers
        ``"solution"``: every autograded answer cell gets the instructor's solution;
        ``"blank"``: the handed-out notebook unchanged (a student who did nothing).
    set_values
        ``{"density": 0.5}`` appends ``density = 0.5`` to the answer cell that computes
        ``density`` (a wrong value that still has the right form).
    loop_before
        A variable name: an endless ``while True: pass`` is put before the code of the answer
        cell that computes it (that cell never finishes).
    reflection
        Text for the manually graded written answers.

    Returns
    -------
    nbformat.NotebookNode

    Examples
    --------
    >>> nb = simulate_student("source/m01/m01.ipynb", "release/m01/m01.ipynb",
    ...                       set_values={"density": 0.5})  # doctest: +SKIP
    """
    if answers not in {"solution", "blank"}:
        raise ValueError("answers must be 'solution' or 'blank'")
    src = _read_nb(Path(source_notebook))
    nb = _read_nb(Path(released_notebook))
    by_id = {c.metadata["nbgrader"]["grade_id"]: c for c in src.cells
             if c.metadata.get("nbgrader", {}).get("grade_id")}
    answer_cells = []
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if not meta.get("solution"):
            continue
        if cell.cell_type == "markdown":
            if reflection is not None:
                cell.source = reflection
            continue
        if answers == "solution" and meta.get("grade_id") in by_id:
            cell.source = _strip_solution_markers(by_id[meta["grade_id"]].source)
        answer_cells.append((cell, _strip_solution_markers(by_id.get(meta.get("grade_id"),
                                                                     cell).source)))

    def cell_for(variable: str) -> Any:
        for cell, solution in answer_cells:
            if _assigns(solution, variable):
                return cell
        raise ValueError(f"no answer cell computes {variable!r}")

    for variable, value in (set_values or {}).items():
        cell = cell_for(variable)
        cell.source = f"{cell.source.rstrip()}\n{variable} = {value!r}"
    if loop_before:
        cell = cell_for(loop_before)
        cell.source = f"while True:\n    pass\n{cell.source}"
    return nb


# --------------------------------------------------------------------------------------------
# matching returned files to students


@dataclass(frozen=True)
class Match:
    """How a returned file was matched: ``kind`` is matched, unknown or unmatched."""

    kind: str
    student_id: str | None = None
    candidate: str | None = None


def match_file(relpath: str | Path, roster: Iterable[str],
               generic_names: Iterable[str] = ()) -> Match:
    """Whose is this returned notebook? The matching rule, in order.

    1. A notebook inside a folder belongs to the student named by the first folder
       (``ada/anything.ipynb``).
    2. Otherwise the file name must start with a student id followed by ``_``, ``-``, ``.``,
       a space or nothing: ``ada.ipynb``, ``ada_m01.ipynb``, ``ADA - module 1.ipynb``. The longest
       matching id wins (``ann_b_m01`` is ``ann_b`` when both ``ann`` and ``ann_b`` exist).
    3. A file named like the handed-out notebook or the module, or ``Untitled...``, is
       *unmatched* (we cannot tell whose it is), as is a name that cannot be an id.
    4. Any other name is taken as an *unknown* student: the part before the first ``_``.

    Parameters
    ----------
    relpath
        The file's path relative to the folder of returned work.
    roster
        The class's student ids.
    generic_names
        Names (lower case, no ``.ipynb``) that say nothing about the student: the notebook
        and module names.

    Examples
    --------
    >>> match_file("ada_m01.ipynb", ["ada", "ben"])
    Match(kind='matched', student_id='ada', candidate='ada')
    >>> match_file("zed_m01.ipynb", ["ada"]).kind, match_file("Untitled.ipynb", ["ada"]).kind
    ('unknown', 'unmatched')
    """
    ids = {sid.lower(): sid for sid in roster}
    parts = Path(relpath).parts
    if len(parts) > 1:
        folder = parts[0]
        if folder.lower() in ids:
            return Match("matched", ids[folder.lower()], folder)
        return Match("unknown" if is_valid_student_id(folder) else "unmatched", None, folder)
    stem = Path(parts[-1]).stem
    low = stem.lower()
    best = None
    for key, sid in ids.items():
        if low == key or (low.startswith(key) and low[len(key)] in _SEPARATORS):
            if best is None or len(key) > len(best[0]):
                best = (key, sid)
    if best:
        return Match("matched", best[1], stem[:len(best[0])])
    generic = [g.lower() for g in generic_names]
    if low.startswith(("untitled", "copy of", "kopie van")) or any(
            low.startswith(g) for g in generic if g):
        return Match("unmatched", None, None)
    candidate = re.split(r"[_\-. ]", stem, maxsplit=1)[0]
    if is_valid_student_id(candidate):
        return Match("unknown", None, candidate)
    return Match("unmatched", None, None)


def _check_notebook(path: Path) -> str | None:
    """None when the file is a readable notebook, else a short reason."""
    import nbformat

    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return "not a text file"
    if not raw.strip():
        return "the file is empty"
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        return f"not valid notebook JSON (line {exc.lineno}: {exc.msg})"
    if not isinstance(data, dict) or "cells" not in data or "nbformat" not in data:
        return "JSON, but not a Jupyter notebook (no cells)"
    try:
        nb = nbformat.reads(raw, as_version=4)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            nbformat.validate(nb)
    except Exception as exc:  # noqa: BLE001 - any reason is reported to the trainer
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return f"not a valid notebook ({reason[:120]})"
    return None


def _safe_extract(archive: Path, dest: Path) -> None:
    try:
        zf = zipfile.ZipFile(archive)
    except zipfile.BadZipFile as exc:
        raise WorkshopError(f"{archive} is not a readable zip file") from exc
    with zf:
        for info in zf.infolist():
            name = info.filename.replace("\\", "/")
            parts = [p for p in name.split("/") if p]
            if info.is_dir() or not parts or ".." in parts or name.startswith("/"):
                continue
            target = dest.joinpath(*parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(info) as fh_in, target.open("wb") as fh_out:
                shutil.copyfileobj(fh_in, fh_out)
            stamp = time.mktime((*info.date_time, 0, 0, -1))
            os.utime(target, (stamp, stamp))


def _skip(rel: Path) -> bool:
    return any(p.startswith(".") or p in {"__MACOSX", "__pycache__"} for p in rel.parts)


# --------------------------------------------------------------------------------------------
# reports


@dataclass
class CollectReport:
    """What ``collect`` did; ``problems`` need the trainer's attention."""

    module: str
    collected: list[tuple[str, str]] = field(default_factory=list)
    unchanged: list[tuple[str, str]] = field(default_factory=list)
    kept_graded: list[tuple[str, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    not_returned: list[str] = field(default_factory=list)


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

    @property
    def failed(self) -> list[GradeResult]:
        """The students who could not be graded."""
        return [r for r in self.results if not r.ok]


@dataclass
class FeedbackReport:
    """What ``feedback`` did: one HTML page per student."""

    module: str
    written: dict[str, Path] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------------------------
# the class folder


def _config_text(course_id: str, timeout: int) -> str:
    return f'''"""nbgrader settings for the workshop class {course_id!r}.

Written by `socialhrm workshop init`; paths are relative to this file, so the folder can be
moved as a whole. Run nbgrader commands from this folder, or use `socialhrm workshop`.
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


def list_modules(source: str | Path) -> list[str]:
    """The exercise modules in a folder: sub-folders holding at least one notebook.

    Examples
    --------
    >>> list_modules(KIT_MODULES)  # doctest: +SKIP
    ['m01_org_as_network']
    """
    source = Path(source)
    if not source.is_dir():
        return []
    return sorted(d.name for d in source.iterdir()
                  if d.is_dir() and not d.name.startswith((".", "_"))
                  and any(p for p in d.glob("*.ipynb")))


def _resolve_module(name: str, available: list[str], where: str) -> str:
    if name in available:
        return name
    hits = [m for m in available if m.startswith(name)]
    if len(hits) == 1:
        return hits[0]
    if not available:
        raise WorkshopError(f"there are no modules in {where}")
    if hits:
        raise WorkshopError(
            f"{name!r} matches several modules ({', '.join(hits)}); be more precise")
    raise WorkshopError(f"no module {name!r} in {where}; available: {', '.join(available)}")


class Workshop:
    """One class folder created by :func:`init_class`; every step is a method.

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

    def __init__(self, class_dir: str | Path, *, debug: bool = False,
                 echo: Callable[[str], None] | None = None) -> None:
        root = resolve_class_dir(class_dir)
        if not (root / CONFIG_NAME).is_file() or not (root / STATE_NAME).is_file():
            raise WorkshopError(
                f"{root} is not a workshop class folder (no {CONFIG_NAME} / {STATE_NAME} in it). "
                f"Create one with: socialhrm workshop init {class_dir} --students students.csv")
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

    def modules(self) -> list[str]:
        """The modules copied into this class (``source/``)."""
        return list_modules(self.path("source"))

    def module(self, name: str) -> str:
        """Resolve a module name or unique prefix (``m01``)."""
        return _resolve_module(name, self.modules(), f"{self.root / 'source'}")

    def notebook_names(self, module: str) -> list[str]:
        """The notebooks of a released module (file stems)."""
        release = self.path("release", module)
        if not release.is_dir():
            raise WorkshopError(f"{module} has not been released yet: run "
                                f"socialhrm workshop release {self._arg()} {module}")
        return sorted(p.stem for p in release.glob("*.ipynb"))

    def _arg(self) -> str:
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

    # ---- the ledger
    def state(self) -> dict[str, Any]:
        """The ledger ``workshop.json`` (what was collected and graded)."""
        try:
            return json.loads(self.path(STATE_NAME).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise WorkshopError(f"{self.path(STATE_NAME)} is damaged ({exc}); restore it from a "
                                "backup or delete it and run init again") from exc

    def _save_state(self, state: dict[str, Any]) -> None:
        tmp = self.path(STATE_NAME + ".tmp")
        tmp.write_text(json.dumps(state, indent=2, sort_keys=True), encoding="utf-8")
        tmp.replace(self.path(STATE_NAME))

    def _ledger(self, kind: str, module: str) -> dict[str, Any]:
        return self.state().get(kind, {}).get(module, {})

    def _record(self, kind: str, module: str, student: str, entry: dict[str, Any] | None) -> None:
        state = self.state()
        book = state.setdefault(kind, {}).setdefault(module, {})
        if entry is None:
            book.pop(student, None)
        else:
            book[student] = entry
        self._save_state(state)

    # ---- nbgrader
    def config(self, timeout: int | None = None) -> Any:
        """The class's nbgrader configuration (``traitlets`` Config), loaded from its file."""
        from traitlets.config.loader import ConfigFileNotFound, PyFileConfigLoader

        try:
            cfg = PyFileConfigLoader(CONFIG_NAME, path=str(self.root)).load_config()
        except ConfigFileNotFound as exc:  # pragma: no cover - checked in __init__
            raise WorkshopError(f"{self.path(CONFIG_NAME)} is missing") from exc
        except Exception as exc:  # noqa: BLE001
            raise WorkshopError(f"{self.path(CONFIG_NAME)} has an error: {exc}") from exc
        cfg.CourseDirectory.root = str(self.root)
        if timeout is not None:
            cfg.Execute.timeout = int(timeout)
        if "extra_arguments" not in cfg.Execute:
            # the kernel's own start-up warnings are noise in a trainer's terminal
            cfg.Execute.extra_arguments = ["--IPKernelApp.log_level=ERROR"]
        return cfg

    def api(self, timeout: int | None = None, **extra: Any) -> Any:
        """An ``nbgrader.apps.NbGraderAPI`` for this class (in-process, no start-up per call)."""
        from nbgrader.apps import NbGraderAPI

        cfg = self.config(timeout)
        for key, value in extra.items():
            section, name = key.split("__")
            cfg[section][name] = value
        return NbGraderAPI(config=cfg)

    def timeout(self) -> int:
        """The per-cell timeout set in the class configuration (seconds)."""
        cfg = self.config()
        return int(cfg.Execute.timeout) if "timeout" in cfg.Execute else DEFAULT_TIMEOUT

    @contextlib.contextmanager
    def gradebook(self) -> Iterator[Any]:
        """An open nbgrader ``Gradebook`` for this class."""
        from nbgrader.api import Gradebook

        cfg = self.config()
        url = cfg.CourseDirectory.db_url if "db_url" in cfg.CourseDirectory \
            else f"sqlite:///{self.path('gradebook.db')}"
        with Gradebook(url, self.course_id) as gb:
            yield gb

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
        _write_roster(self.path(ROSTER_NAME), self.students())
        return added, updated

    # ---- release
    def release(self, modules: Iterable[str] | None = None, *, make_zip: bool = True,
                force: bool = False, exchange: bool = False) -> dict[str, Path]:
        """Make the student version of modules and a handout folder (and zip) for each.

        Parameters
        ----------
        modules
            Module names or unique prefixes; all of the class's modules when None.
        make_zip
            Also write ``handout/MODULE.zip``.
        force
            Generate again even when the student version is up to date.
        exchange
            Also publish to nbgrader's exchange (for the JupyterHub Assignments panel).

        Returns
        -------
        dict
            module -> handout folder.

        Examples
        --------
        >>> Workshop("spring2026").release(["m01"])  # doctest: +SKIP
        """
        names = [self.module(m) for m in modules] if modules else self.modules()
        if not names:
            raise WorkshopError(f"this class has no modules in {self.path('source')}")
        api = None
        out: dict[str, Path] = {}
        for module in names:
            src = self.path("source", module)
            rel = self.path("release", module)
            newest_src = max((p.stat().st_mtime for p in src.rglob("*") if p.is_file()), default=0)
            rel_nbs = list(rel.glob("*.ipynb")) if rel.is_dir() else []
            up_to_date = bool(rel_nbs) and min(p.stat().st_mtime for p in rel_nbs) >= newest_src
            if up_to_date and not force:
                self.echo(f"  {module}: already released and up to date")
            else:
                api = api or self.api()
                self.echo(f"  {module}: generating the student version ...")
                result = api.generate_assignment(module, force=True, create=True)
                if not result["success"]:
                    raise WorkshopError(f"nbgrader could not make the student version of {module}:"
                                        f" {log_reason(result)}")
            handout = self.path("handout", module)
            if handout.exists():
                shutil.rmtree(handout)
            shutil.copytree(rel, handout, ignore=shutil.ignore_patterns(".*", "__pycache__"))
            if make_zip:
                archive = self.path("handout", f"{module}.zip")
                with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
                    for p in sorted(handout.rglob("*")):
                        if p.is_file():
                            zf.write(p, Path(module) / p.relative_to(handout))
                self.echo(f"  {module}: hand out {display_path(archive)} "
                          f"(or the folder {display_path(handout)}/)")
            else:
                self.path("handout", f"{module}.zip").unlink(missing_ok=True)  # never stale
                self.echo(f"  {module}: hand out the folder {display_path(handout)}/")
            published = self.path("exchange", self.course_id, "outbound", module)
            if exchange and published.is_dir() and not (force or not up_to_date):
                self.echo(f"  {module}: already published to the exchange")
            elif exchange:
                api = self.api(ExchangeReleaseAssignment__force=True)
                result = api.release_assignment(module)
                if not result or not result["success"]:
                    raise WorkshopError(f"could not publish {module} to the exchange "
                                        f"{self.path('exchange')}: {log_reason(result or {})}")
                self.echo(f"  {module}: published to the exchange (JupyterHub Assignments panel)")
            out[module] = handout
        nb = self.notebook_names(names[0])
        self.echo(f"Ask students to return their notebook named <student_id>_{nb[0]}.ipynb "
                  f"(e.g. {self._example_id()}_{nb[0]}.ipynb), or in a folder named by their id.")
        return out

    def _example_id(self) -> str:
        students = self.students()
        return students[0].student_id if students else "ann"

    # ---- collect
    def collect(self, module: str, source: str | Path, *, force: bool = False) -> CollectReport:
        """Put returned notebooks into nbgrader's ``submitted/`` layout, matched by file name.

        Parameters
        ----------
        module
            The module (name or unique prefix).
        source
            A folder or a ``.zip`` of returned notebooks (see :func:`match_file` for the rule).
        force
            Replace a submission even if it has been graded already.

        Returns
        -------
        CollectReport

        Notes
        -----
        Two files for one student: the newest (by modification time; for a zip, the time stored
        in it) that is a readable notebook is taken and the others are listed; if they are
        equally new, nothing is taken for that student. A file that is not a notebook is
        reported and skipped; the others are still collected.

        Examples
        --------
        >>> Workshop("spring2026").collect("m01", "returned.zip")  # doctest: +SKIP
        """
        module = self.module(module)
        notebooks = self.notebook_names(module)
        report = CollectReport(module)
        source = Path(source)
        if not source.exists():
            raise WorkshopError(f"{source} does not exist (give a folder or a .zip of notebooks)")
        with tempfile.TemporaryDirectory(prefix="socialhrm-collect-") as tmp:
            if source.is_file():
                if source.suffix.lower() != ".zip":
                    raise WorkshopError(
                        f"{source} is a file but not a .zip; give a folder or a zip")
                _safe_extract(source, Path(tmp))
                base = Path(tmp)
            else:
                base = source
            self._collect_from(base, source, module, notebooks, report, force)
        return report

    def _collect_from(self, base: Path, source: Path, module: str, notebooks: list[str],
                      report: CollectReport, force: bool) -> None:
        roster = [s.student_id for s in self.students()]
        lower_ids = {s.lower() for s in roster}
        # unwrap a single wrapper folder that is not a student ("returned/ada.ipynb")
        while True:
            entries = [p for p in base.iterdir() if not _skip(Path(p.name))]
            if (len(entries) == 1 and entries[0].is_dir()
                    and entries[0].name.lower() not in lower_ids):
                base = entries[0]
            else:
                break
        files = sorted(p for p in base.rglob("*") if p.is_file()
                       and not _skip(p.relative_to(base)))
        ignored = [p for p in files if p.suffix.lower() != ".ipynb"]
        generic = [n.lower() for n in notebooks] + [module.lower(), module.split("_")[0].lower()]
        candidates: dict[tuple[str, str], list[Path]] = {}
        for path in files:
            if path.suffix.lower() != ".ipynb":
                continue
            rel = path.relative_to(base)
            shown = rel.as_posix()
            match = match_file(rel, roster, generic)
            if match.kind == "unknown":
                report.problems.append(
                    f"unknown student {match.candidate!r}: {shown} (not in this class; add them "
                    f"to the class list and run init again, or rename the file)")
                continue
            if match.kind == "unmatched":
                report.problems.append(
                    f"unmatched file {shown}: the name does not start with a student id; rename "
                    f"it to <student_id>_{notebooks[0]}.ipynb and collect again")
                continue
            if match.student_id is None:  # pragma: no cover - "matched" always has an id
                continue
            nb_name = notebooks[0] if len(notebooks) == 1 else next(
                (n for n in notebooks if n.lower() in path.stem.lower()), None)
            if nb_name is None:
                report.problems.append(
                    f"unmatched file {shown}: {module} has several notebooks "
                    f"({', '.join(notebooks)}) and the name does not say which one this is")
                continue
            candidates.setdefault((match.student_id, nb_name), []).append(path)
        if ignored:
            names = ", ".join(p.relative_to(base).as_posix() for p in ignored[:5])
            more = f" and {len(ignored) - 5} more" if len(ignored) > 5 else ""
            what = "a file that is not a notebook" if len(ignored) == 1 else \
                f"{len(ignored)} files that are not notebooks"
            report.notes.append(f"ignored {what}: {names}{more}")

        chosen: dict[str, dict[str, Path]] = {}
        for (sid, nb_name), paths in sorted(candidates.items()):
            good: list[Path] = []
            for path in paths:
                reason = _check_notebook(path)
                if reason:
                    report.problems.append(
                        f"corrupt notebook {path.relative_to(base).as_posix()} ({sid}): {reason}; "
                        f"ask {sid} to save it again from Jupyter and send it again")
                else:
                    good.append(path)
            if not good:
                continue
            if len(good) > 1:
                good.sort(key=lambda p: p.stat().st_mtime, reverse=True)
                names = ", ".join(p.relative_to(base).as_posix() for p in good)
                if good[0].stat().st_mtime == good[1].stat().st_mtime:
                    report.problems.append(
                        f"duplicate submission for {sid}: {names} are equally new, so none was "
                        "taken; keep one and collect again")
                    continue
                report.notes.append(
                    f"duplicate submission for {sid}: {names}; took the newest, "
                    f"{good[0].relative_to(base).as_posix()}")
            chosen.setdefault(sid, {})[nb_name] = good[0]

        graded = self._ledger("graded", module)
        for sid, files_by_nb in sorted(chosen.items()):
            dest = self.path("submitted", sid, module)
            incoming = hashlib.sha256(b"".join(
                n.encode() + p.read_bytes() for n, p in sorted(files_by_nb.items()))).hexdigest()
            current = self._ledger("collected", module).get(sid, {}).get("sha256")
            label = ", ".join(p.relative_to(base).as_posix() for p in files_by_nb.values())
            if dest.is_dir() and current == incoming:
                report.unchanged.append((sid, label))
                continue
            is_graded = self.path("autograded", sid, module).is_dir() or sid in graded
            if dest.is_dir() and is_graded and not force:
                report.kept_graded.append((sid, label))
                continue
            if dest.exists():
                shutil.rmtree(dest)
            dest.mkdir(parents=True)
            newest = 0.0
            for nb_name, path in files_by_nb.items():
                shutil.copy2(path, dest / f"{nb_name}.ipynb")
                newest = max(newest, path.stat().st_mtime)
            stamp = dt.datetime.fromtimestamp(newest, dt.UTC)
            (dest / "timestamp.txt").write_text(stamp.strftime("%Y-%m-%d %H:%M:%S.%f UTC"))
            self._record("collected", module, sid, {
                "sha256": incoming, "files": label, "from": str(source), "collected_at": _now()})
            report.collected.append((sid, label))
        have = set(self.submitted_students(module))
        report.not_returned = [s for s in roster if s not in have]

    # ---- grade
    def submitted_students(self, module: str) -> list[str]:
        """Students with a collected submission of a module."""
        base = self.path("submitted")
        if not base.is_dir():
            return []
        return sorted((p.parent.name for p in base.glob(f"*/{module}") if p.is_dir()),
                      key=str.lower)

    def _submission_hash(self, module: str, sid: str) -> str:
        return _sha256(self.path("submitted", sid, module).glob("*.ipynb"))

    def grade(self, module: str, *, timeout: int | None = None, force: bool = False,
              students: Iterable[str] | None = None, deleted_tests: str = "zero") -> GradeReport:
        """Autograde every new submission of a module, one student after the other.

        Parameters
        ----------
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

        Returns
        -------
        GradeReport

        Examples
        --------
        >>> Workshop("spring2026").grade("m01", timeout=10)  # doctest: +SKIP
        """
        module = self.module(module)
        self.notebook_names(module)
        if deleted_tests not in {"zero", "run"}:
            raise WorkshopError("--deleted-tests must be 'zero' or 'run'")
        report = GradeReport(module)
        pool = self.submitted_students(module)
        if students:
            wanted = {s.lower() for s in students}
            unknown = sorted(wanted - {p.lower() for p in pool})
            if unknown:
                raise WorkshopError(
                    f"no collected submission of {module} for: {', '.join(unknown)}")
            pool = [s for s in pool if s.lower() in wanted]
        if not pool:
            self.echo(f"No submissions of {module} collected yet: run "
                      f"socialhrm workshop collect {self._arg()} {module} FOLDER_OR_ZIP")
            return report
        graded = self._ledger("graded", module)
        todo: list[str] = []
        for sid in pool:
            done = self.path("autograded", sid, module).is_dir()
            same = graded.get(sid, {}).get("sha256") == self._submission_hash(module, sid)
            if done and same and not force:
                report.skipped.append(sid)
            else:
                todo.append(sid)
        if report.skipped:
            self.echo(f"Already graded and unchanged (use --force to grade again): "
                      f"{', '.join(report.skipped)}")
        if not todo:
            return report
        seconds = timeout if timeout is not None else self.timeout()
        self.echo(f"Grading {_plural(len(todo), 'submission')} of {module} "
                  f"(a cell running longer than {seconds} s is stopped) ...")
        api = self.api(timeout)
        width = max(len(s) for s in todo)
        for i, sid in enumerate(todo, 1):
            start = time.monotonic()
            digest = self._submission_hash(module, sid)
            self._drop_feedback(module, sid)  # a page from an earlier grading would be stale
            try:
                result = api.autograde(module, sid, force=True, create=True)
            except Exception as exc:  # noqa: BLE001 - one student must never stop the others
                result = {"success": False, "error": traceback.format_exc(), "log": str(exc)}
            res = GradeResult(sid, bool(result.get("success")))
            if res.ok and not self.path("autograded", sid, module).is_dir():
                res.ok = False
                result.setdefault("log", "nbgrader wrote no graded notebook")
            if res.ok:
                res.notes += self._inspect_graded(module, sid, seconds, deleted_tests)
                res.score, res.max_score, manual = self._score(module, sid)
                if manual:
                    res.notes.append(f"needs manual grading: {', '.join(manual)}")
                self._record("graded", module, sid, {
                    "sha256": digest, "graded_at": _now(), "score": res.score,
                    "max_score": res.max_score})
            else:
                res.error = log_reason(result)
                self._record("graded", module, sid, None)
            res.seconds = time.monotonic() - start
            report.results.append(res)
            head = f"[{i}/{len(todo)}] {sid:<{width}}"
            if res.ok:
                line = (f"{head}  {_fmt(res.score):>5} / {_fmt(res.max_score):<5} "
                        f"({res.seconds:.0f} s)")
                if res.notes:
                    line += "  " + "; ".join(res.notes)
            else:
                line = (f"{head}  NOT GRADED ({res.seconds:.0f} s): {res.error}. The others are "
                        "still graded; fix or re-collect this submission and grade again")
            self.echo(line)
        return report

    def _drop_feedback(self, module: str, sid: str) -> None:
        for page in self._pages(self.path("feedback_html", module), sid,
                                self.notebook_names(module)):
            page.unlink(missing_ok=True)
        if self.path("feedback", sid, module).is_dir():
            shutil.rmtree(self.path("feedback", sid, module))
        self._record("feedback", module, sid, None)

    def _inspect_graded(self, module: str, sid: str, seconds: int, deleted_tests: str) -> list[str]:
        notes: list[str] = []
        restored: list[tuple[str, str]] = []
        for path in sorted(self.path("autograded", sid, module).glob("*.ipynb")):
            nb = _read_nb(path)
            for cell in nb.cells:
                gid = cell.metadata.get("nbgrader", {}).get("grade_id", "")
                if _MISSING_CELL_RE.search(cell.source.split("\n", 1)[0]):
                    restored.append((path.stem, gid))
                for out in cell.get("outputs", []):
                    if out.get("output_type") == "error" and out.get("ename") in {
                            "CellTimeoutError", "TimeoutError", "DeadKernelError"}:
                        what = f"answer {gid}" if gid else "a cell"
                        notes.append(f"{what} ran longer than {seconds} s and was stopped "
                                     "(an endless loop?)")
        if restored:
            ids = ", ".join(g for _, g in restored)
            if deleted_tests == "zero":
                with self.gradebook() as gb:
                    for nb_name, gid in restored:
                        try:
                            grade = gb.find_grade(gid, nb_name, module, sid)
                        except Exception:  # noqa: BLE001 - not a grade cell
                            continue
                        grade.auto_score = 0.0
                        grade.manual_score = None
                        grade.needs_manual_grade = False
                    gb.db.commit()
                notes.append(f"deleted test cell(s) {ids} put back and scored 0")
            else:
                notes.append(f"deleted test cell(s) {ids} put back and run")
        return notes

    def _score(self, module: str, sid: str) -> tuple[float, float, list[str]]:
        with self.gradebook() as gb:
            sub = gb.find_submission(module, sid)
            manual = [g.name for nb in sub.notebooks for g in nb.grades if g.needs_manual_grade]
            return float(sub.score), float(sub.max_score), manual

    # ---- feedback
    def feedback(self, module: str, *, force: bool = False) -> FeedbackReport:
        """One feedback HTML page per graded student, with no hidden-test code in it.

        nbgrader's feedback shows hidden tests (in the test cells and in tracebacks); here every
        hidden block is removed from sources and every output that shows a hidden line is
        replaced by a neutral message. Each page is then scanned for the hidden lines of the
        module's source notebook; a page that still shows one is withheld and reported.

        Parameters
        ----------
        module
            The module (name or unique prefix).
        force
            Write pages again even if they are newer than the grading.

        Returns
        -------
        FeedbackReport
            ``written`` maps student -> ``feedback_html/MODULE/STUDENT.html``.

        Examples
        --------
        >>> Workshop("spring2026").feedback("m01")  # doctest: +SKIP
        """
        module = self.module(module)
        notebooks = self.notebook_names(module)
        report = FeedbackReport(module)
        secrets: list[str] = []
        for name in notebooks:
            src = self.path("source", module, f"{name}.ipynb")
            if src.is_file():
                secrets += hidden_test_lines(src, self.path("release", module, f"{name}.ipynb"))
        out_dir = self.path("feedback_html", module)
        graded = [s for s in self.submitted_students(module)
                  if self.path("autograded", s, module).is_dir()]
        if not graded:
            self.echo(f"No graded submissions of {module} yet: run "
                      f"socialhrm workshop grade {self._arg()} {module}")
            return report
        todo = []
        written = self._ledger("feedback", module)
        signatures = {sid: self._grade_signature(module, sid) for sid in graded}
        for sid in graded:
            pages = self._pages(out_dir, sid, notebooks)
            newest = max(p.stat().st_mtime for p in self.path("autograded", sid, module).glob("*"))
            fresh = all(p.is_file() and p.stat().st_mtime >= newest for p in pages)
            # manual grades and comments (formgrader) change only the gradebook
            same = written.get(sid, {}).get("signature") == signatures[sid]
            if not force and fresh and same:
                report.skipped.append(sid)
                report.written[sid] = pages[0]
            else:
                todo.append(sid)
        if report.skipped:
            self.echo(f"Feedback already up to date (use --force to write again): "
                      f"{', '.join(report.skipped)}")
        api = self.api(ScrubHiddenTests__secret_lines=secrets) if todo else None
        for sid in todo:
            result = api.generate_feedback(module, sid, force=True)
            if not result["success"]:
                report.problems.append(f"{sid}: nbgrader could not make feedback: "
                                       f"{log_reason(result)}")
                continue
            pages = self._pages(out_dir, sid, notebooks)
            for name, page in zip(notebooks, pages, strict=True):
                made = self.path("feedback", sid, module, f"{name}.html")
                if not made.is_file():
                    report.problems.append(f"{sid}: nbgrader wrote no feedback for {name}")
                    continue
                leaks = find_leaks(html_text(made.read_text(encoding="utf-8")), secrets)
                if leaks:
                    made.unlink()
                    page.unlink(missing_ok=True)
                    report.problems.append(
                        f"{sid}: feedback withheld because it would show hidden test code "
                        f"({leaks[0]!r}); please report this to the Social HRM Lab developers")
                    continue
                page.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(made, page)
                report.written[sid] = pages[0]
            if sid in report.written:
                self._record("feedback", module, sid, {"signature": signatures[sid],
                                                       "written_at": _now()})
            if sid in report.written:
                self.echo(f"  {sid}: {display_path(report.written[sid])}")
        return report

    def _grade_signature(self, module: str, sid: str) -> str:
        """A fingerprint of everything the feedback shows from the gradebook."""
        from nbgrader.api import MissingEntry

        items: list[Any] = []
        with self.gradebook() as gb:
            try:
                sub = gb.find_submission(module, sid)
            except MissingEntry:
                return ""
            for nb in sub.notebooks:
                items += sorted((g.name, g.auto_score, g.manual_score, g.extra_credit,
                                 g.needs_manual_grade) for g in nb.grades)
                items += sorted((c.name, c.auto_comment or "", c.manual_comment or "")
                                for c in nb.comments)
        return hashlib.sha256(json.dumps(items, default=str).encode()).hexdigest()

    @staticmethod
    def _pages(out_dir: Path, sid: str, notebooks: list[str]) -> list[Path]:
        if len(notebooks) == 1:
            return [out_dir / f"{sid}.html"]
        return [out_dir / f"{sid}_{name}.html" for name in notebooks]

    # ---- export
    def question_order(self, module: str) -> list[tuple[str, str, str]]:
        """(notebook, grade id, kind) of every graded cell, in notebook order.

        ``kind`` is ``"auto"`` for autograder tests and ``"manual"`` for answers graded by hand.
        """
        out: list[tuple[str, str, str]] = []
        for name in self.notebook_names(module):
            src = self.path("source", module, f"{name}.ipynb")
            nb = _read_nb(src if src.is_file() else self.path("release", module, f"{name}.ipynb"))
            for cell in nb.cells:
                meta = cell.metadata.get("nbgrader", {})
                if meta.get("grade") and meta.get("grade_id"):
                    out.append((name, meta["grade_id"],
                                "manual" if meta.get("solution") else "auto"))
        return out

    def grades(self, module: str | None = None) -> pd.DataFrame:
        """The grades table: one row per student and module, one column per question.

        Columns: student_id, first_name, last_name, module, status (graded, needs manual
        grading, collected (not graded), not submitted), score, max_score, then each question's
        score (by its nbgrader grade id).

        Examples
        --------
        >>> Workshop("spring2026").grades("m01")  # doctest: +SKIP
        """
        import pandas as pd
        from nbgrader.api import MissingEntry

        modules = [self.module(module)] if module else [
            m for m in self.modules() if self.path("release", m).is_dir()]
        rows: list[dict[str, Any]] = []
        students = self.students()
        with self.gradebook() as gb:
            for mod in modules:
                order = [gid for _, gid, _ in self.question_order(mod)]
                submitted = set(self.submitted_students(mod))
                for s in students:
                    row: dict[str, Any] = {
                        "student_id": s.student_id, "first_name": s.first_name,
                        "last_name": s.last_name, "module": mod, "status": "not submitted",
                        "score": None, "max_score": None}
                    row.update(dict.fromkeys(order))
                    graded = self.path("autograded", s.student_id, mod).is_dir()
                    try:
                        sub = gb.find_submission(mod, s.student_id) if graded else None
                    except MissingEntry:
                        sub = None
                    if sub is not None:
                        row["max_score"] = float(sub.max_score)
                        row["score"] = float(sub.score)
                        manual = False
                        for nb in sub.notebooks:
                            for g in nb.grades:
                                manual |= bool(g.needs_manual_grade)
                                row[g.name] = None if g.needs_manual_grade else \
                                    (None if g.score is None else float(g.score))
                        row["status"] = "needs manual grading" if manual else "graded"
                    elif s.student_id in submitted:
                        row["status"] = "collected (not graded)"
                    rows.append(row)
        return pd.DataFrame(rows)

    def question_summary(self, module: str | None = None, *,
                         threshold: float = DEFAULT_THRESHOLD) -> pd.DataFrame:
        """Per question: points, how many were graded, mean share of points, full marks.

        An autograded question is flagged ``found_hard`` when the mean share of its points is
        below ``threshold`` (manually graded answers are not flagged: a 0 there usually means
        "not answered yet"). Only graded submissions count, and manually graded answers only
        once they are graded.

        Examples
        --------
        >>> Workshop("spring2026").question_summary("m01", threshold=0.5)  # doctest: +SKIP
        """
        import pandas as pd

        grades = self.grades(module)
        modules = [self.module(module)] if module else sorted(set(grades["module"]))
        rows: list[dict[str, Any]] = []
        with self.gradebook() as gb:
            for mod in modules:
                part = grades[(grades["module"] == mod)
                              & grades["status"].isin(["graded", "needs manual grading"])]
                for nb_name, gid, kind in self.question_order(mod):
                    points = float(gb.find_grade_cell(gid, nb_name, mod).max_score)
                    scores = pd.to_numeric(part[gid], errors="coerce").dropna() \
                        if gid in part else pd.Series(dtype=float)
                    n = int(scores.size)
                    share = float(scores.mean() / points) if n and points else None
                    rows.append({
                        "module": mod, "question": gid, "kind": kind, "points": points,
                        "graded": n,
                        "mean_score": round(float(scores.mean()), 3) if n else None,
                        "mean_share": None if share is None else round(share, 3),
                        "full_marks": int((scores >= points).sum()) if n else 0,
                        "found_hard": bool(kind == "auto" and share is not None
                                           and share < threshold),
                    })
        return pd.DataFrame(rows, columns=["module", "question", "kind", "points", "graded",
                                           "mean_score", "mean_share", "full_marks",
                                           "found_hard"])

    def export(self, module: str | None = None, *, threshold: float = DEFAULT_THRESHOLD,
               out_dir: str | Path | None = None) -> tuple[Path, Path]:
        """Write the grades table and the per-question summary as CSV files.

        Returns
        -------
        tuple of Path
            (grades CSV, questions CSV) in ``exports/`` (``grades.csv`` and ``questions.csv``,
            or ``grades_MODULE.csv`` and ``questions_MODULE.csv`` for one module).

        Examples
        --------
        >>> Workshop("spring2026").export("m01")  # doctest: +SKIP
        """
        mod = self.module(module) if module else None
        if mod:
            self.notebook_names(mod)
        grades = self.grades(mod)
        summary = self.question_summary(mod, threshold=threshold)
        out = Path(out_dir) if out_dir else self.path("exports")
        out.mkdir(parents=True, exist_ok=True)
        suffix = f"_{mod}" if mod else ""
        grades_csv, summary_csv = out / f"grades{suffix}.csv", out / f"questions{suffix}.csv"
        grades.to_csv(grades_csv, index=False)
        summary.to_csv(summary_csv, index=False)
        return grades_csv, summary_csv

    # ---- status
    def status(self) -> pd.DataFrame:
        """Per student and module: submitted, graded (score), feedback written.

        Examples
        --------
        >>> Workshop("spring2026").status()  # doctest: +SKIP
        """
        import pandas as pd

        data: dict[str, dict[str, str]] = {}
        students = [s.student_id for s in self.students()]
        for mod in self.modules():
            released = self.path("release", mod).is_dir()
            graded = self._ledger("graded", mod)
            col: dict[str, str] = {}
            for sid in students:
                if not released:
                    col[sid] = "not released"
                elif not self.path("submitted", sid, mod).is_dir():
                    col[sid] = "-"
                elif not self.path("autograded", sid, mod).is_dir():
                    col[sid] = "submitted"
                else:
                    g = graded.get(sid, {})
                    text = f"graded {_fmt(g.get('score'))}/{_fmt(g.get('max_score'))}" \
                        if g else "graded"
                    if g and g.get("sha256") != self._submission_hash(mod, sid):
                        text += " (newer collected)"
                    pages = self._pages(self.path("feedback_html", mod), sid,
                                        self.notebook_names(mod))
                    col[sid] = text + (", feedback" if all(p.is_file() for p in pages) else "")
            data[mod] = col
        frame = pd.DataFrame(data, index=pd.Index(students, name="student_id"))
        return frame



def init_class(class_dir: str | Path, students: str | Path, modules: Iterable[str] | None = None,
               *, source: str | Path | None = None, timeout: int = DEFAULT_TIMEOUT,
               course_id: str | None = None, echo: Callable[[str], None] | None = None,
               debug: bool = False, demo: bool = False) -> Workshop:
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

    Returns
    -------
    Workshop

    Examples
    --------
    >>> init_class("spring2026", "students.csv", ["m01"])  # doctest: +SKIP
    """
    echo = echo or (lambda msg: print(msg, flush=True))
    roster = read_students(students)
    root = resolve_class_dir(class_dir)
    new = not (root / CONFIG_NAME).is_file()
    if new and root.exists() and any(root.iterdir()):
        raise WorkshopError(f"{root} exists and is not a workshop class folder; choose a new "
                            "folder name (or empty this one)")
    kit = Path(source) if source else kit_modules()
    available = list_modules(kit)
    if not available:
        raise WorkshopError(f"no exercise modules found in {kit} (folders with a notebook); "
                            "use --source to point at the modules folder")
    wanted = [_resolve_module(m, available, str(kit)) for m in modules] if modules else available
    if new:
        for sub in ("source", "exchange"):
            (root / sub).mkdir(parents=True, exist_ok=True)
        name = course_id or root.resolve().name
        (root / CONFIG_NAME).write_text(_config_text(name, timeout), encoding="utf-8")
        (root / STATE_NAME).write_text(json.dumps({
            "course_id": name, "created": _now(), "kit_modules": str(kit.resolve()),
            "demo": demo, "collected": {}, "graded": {}}, indent=2), encoding="utf-8")
    ws = Workshop(root, echo=echo, debug=debug)
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
    echo(f"{'Created' if new else 'Updated'} the class folder {root}")
    if copied:
        echo(f"  modules copied from {kit}: {', '.join(copied)}")
    if kept:
        echo(f"  modules already in the class (not replaced): {', '.join(kept)}")
    echo(f"  students: {len(added)} added, {len(updated)} already there "
         f"({len(ws.students())} in the class)")
    return ws


# --------------------------------------------------------------------------------------------
# printing


def _table(frame: pd.DataFrame) -> str:
    if frame.empty:
        return "(nothing yet)"
    shown = frame.copy()
    for col in shown.columns:
        if shown[col].dtype == object or str(shown[col].dtype).startswith(("float", "Float")):
            shown[col] = [("" if v is None or (isinstance(v, float) and v != v) else
                           (f"{v:g}" if isinstance(v, float) else str(v))) for v in shown[col]]
    return shown.to_string(index=False)


def _print_collect(report: CollectReport, echo: Callable[[str], None]) -> None:
    for sid, label in report.collected:
        echo(f"  collected    {sid}: {label}")
    for sid, label in report.unchanged:
        echo(f"  unchanged    {sid}: {label} (already collected)")
    for sid, label in report.kept_graded:
        echo(f"  kept         {sid}: {label} differs from the graded submission; the graded "
             "one is kept (collect --force replaces it, then grade again)")
    for note in report.notes:
        echo(f"  note: {note}")
    if report.problems:
        echo("Problems (the other files were collected):")
        for problem in report.problems:
            echo(f"  - {problem}")
    if report.not_returned:
        echo(f"Not returned yet: {', '.join(report.not_returned)}")


def _print_export(ws: Workshop, module: str | None, threshold: float,
                  echo: Callable[[str], None]) -> tuple[Path, Path]:
    grades_csv, summary_csv = ws.export(module, threshold=threshold)
    grades = ws.grades(module)
    summary = ws.question_summary(module, threshold=threshold)
    cols = [c for c in grades.columns if c not in {"first_name", "last_name"}]
    echo(_table(grades[cols]))
    echo("")
    echo(f"Per question (found hard: mean share of points below {threshold:g}):")
    shown = summary.copy()
    shown["found_hard"] = ["FOUND HARD" if v else "" for v in shown["found_hard"]]
    echo(_table(shown))
    echo("")
    echo(f"Written: {grades_csv}\n         {summary_csv}")
    return grades_csv, summary_csv


# --------------------------------------------------------------------------------------------
# the demo


DEMO_REFLECTION = ("Brokers connect groups that do not talk to each other; HR should make sure "
                   "they are not overloaded and not the only bridge.")
DEMO_STUDENTS = [
    ("ada", "Ada", "de Vries", "correct: the solution in every answer, and a reflection"),
    ("ben", "Ben", "Jansen", "partly wrong: density = 0.5 (right form, wrong value)"),
    ("cas", "Cas", "Bakker", "did nothing, except an endless loop in the first answer"),
]


def run_demo(directory: str | Path | None = None, *, timeout: int = 10,
             source: str | Path | None = None, echo: Callable[[str], None] | None = None,
             debug: bool = False) -> Workshop:
    """A mock workshop for three simulated students, end to end.

    init -> release -> (students work and return a zip) -> collect -> grade -> feedback ->
    export, printing each step and the final table.

    Parameters
    ----------
    directory
        The class folder (default ``workshops/demo``); an earlier demo there is replaced.
    timeout
        Per-cell timeout for grading (seconds), low so the endless loop is stopped quickly.
    source
        Where the exercise modules are (default: the kit's ``modules/``).
    echo
        Where progress messages go (default: print).
    debug
        Show nbgrader's own log lines.

    Examples
    --------
    >>> run_demo("workshops/demo")  # doctest: +SKIP
    """
    echo = echo or (lambda msg: print(msg, flush=True))
    root = resolve_class_dir(directory) if directory else DEFAULT_PARENT / "demo"
    if root.exists():
        state = root / STATE_NAME
        if not (state.is_file() and json.loads(state.read_text(encoding="utf-8")).get("demo")):
            if any(root.iterdir()):
                raise WorkshopError(f"{root} exists and is not a demo class; choose another "
                                    "--dir (the demo replaces its folder)")
        shutil.rmtree(root)
    kit = Path(source) if source else kit_modules()
    available = list_modules(kit)
    if not available:
        raise WorkshopError(f"no exercise modules in {kit}; use --source to point at them")
    module = "m01_org_as_network" if "m01_org_as_network" in available else available[0]
    start = time.monotonic()

    def step(n: int, text: str) -> None:
        echo(f"\n== {n}/7 {text}  [{time.monotonic() - start:.0f} s]")

    with tempfile.TemporaryDirectory(prefix="socialhrm-demo-") as tmp:
        tmpdir = Path(tmp)
        csv_path = tmpdir / "students.csv"
        _write_roster(csv_path, [Student(s, f, last) for s, f, last, _ in DEMO_STUDENTS])
        names = ", ".join(s for s, *_ in DEMO_STUDENTS)
        step(1, f"init: a class folder for three students ({names})")
        ws = init_class(root, csv_path, [module], source=kit, timeout=timeout, echo=echo,
                        debug=debug, demo=True, course_id="demo")
        step(2, f"release: the student version of {module}")
        ws.release([module])
        step(3, "the students work and send their notebooks back (simulated)")
        nb_name = ws.notebook_names(module)[0]
        src = ws.path("source", module, f"{nb_name}.ipynb")
        rel = ws.path("release", module, f"{nb_name}.ipynb")
        import nbformat

        first_var = _first_answer_variable(src)
        simulated = {
            "ada": simulate_student(src, rel, reflection=DEMO_REFLECTION),
            "ben": simulate_student(src, rel, set_values={"density": 0.5}),
            "cas": simulate_student(src, rel, answers="blank", loop_before=first_var),
        }
        archive = tmpdir / "returned.zip"
        with zipfile.ZipFile(archive, "w") as zf:
            for sid, nb in simulated.items():
                zf.writestr(f"{sid}_{nb_name}.ipynb", nbformat.writes(nb))
        for sid, _f, _l, what in DEMO_STUDENTS:
            echo(f"  {sid}: {what}")
        echo(f"  returned: {archive.name} with {', '.join(zf.namelist())}")
        step(4, "collect: match the returned files to students")
        _print_collect(ws.collect(module, archive), echo)
    step(5, f"grade: autograde every submission (cells stopped after {timeout} s)")
    ws.grade(module, timeout=timeout)
    step(6, "feedback: one HTML page per student, hidden tests removed")
    fb = ws.feedback(module)
    for problem in fb.problems:
        echo(f"  - {problem}")
    step(7, "export: grades and the per-question summary")
    _print_export(ws, module, DEFAULT_THRESHOLD, echo)
    echo(f"\nDone in {time.monotonic() - start:.0f} s. The class folder is {root}; feedback "
         f"pages are in {root / 'feedback_html' / module}.")
    return ws


def _first_answer_variable(source_notebook: Path) -> str:
    nb = _read_nb(source_notebook)
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution") and cell.cell_type == "code":
            for line in _strip_solution_markers(cell.source).splitlines():
                m = re.match(r"^([A-Za-z_]\w*)\s*(?::[^=]*)?=(?!=)", line)
                if m:
                    return m.group(1)
    raise WorkshopError(f"{source_notebook} has no autograded answer cell")


# --------------------------------------------------------------------------------------------
# the command line


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true",
                        help="show nbgrader's log and full tracebacks")
    parser = argparse.ArgumentParser(
        prog="socialhrm workshop", parents=[common],
        description="Run a class with nbgrader: init, release, collect, grade, feedback, export. "
                    "CLASS_DIR is a folder, or a bare name meaning workshops/NAME.",
        epilog="Try it: socialhrm workshop demo")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("init", parents=[common], help="create a class folder and import students",
                       description="Create a class folder (its own nbgrader config, gradebook and "
                       "exchange) with a copy of the kit's modules, and import the class list. "
                       "Running it again adds new students and modules; nothing is removed.")
    p.add_argument("class_dir", metavar="CLASS_DIR")
    p.add_argument("--students", required=True, metavar="CSV",
                   help="class list: student_id (required), first_name, last_name, email")
    p.add_argument("--modules", metavar="M1,M2",
                   help="modules to include (names or prefixes like m01); default: all")
    p.add_argument("--source", metavar="DIR",
                   help=f"where the exercise modules are (default: {KIT_MODULES})")
    p.add_argument("--timeout", type=int, default=DEFAULT_TIMEOUT, metavar="S",
                   help=f"seconds a cell may run when grading (default {DEFAULT_TIMEOUT})")
    p.add_argument("--course-id", metavar="ID", help="nbgrader course id (default: folder name)")

    p = sub.add_parser("release", parents=[common], help="make the student version to hand out",
                       description="Generate the student version of modules (nbgrader "
                       "generate_assignment) into CLASS_DIR/handout/MODULE/ and MODULE.zip.")
    p.add_argument("class_dir", metavar="CLASS_DIR")
    p.add_argument("modules", nargs="*", metavar="MODULE", help="default: all of the class's")
    p.add_argument("--no-zip", action="store_true", help="do not write handout/MODULE.zip")
    p.add_argument("--force", action="store_true", help="generate again even if up to date")
    p.add_argument("--exchange", action="store_true",
                   help="also publish to the nbgrader exchange (JupyterHub Assignments panel)")

    p = sub.add_parser("collect", parents=[common], help="take in returned notebooks",
                       description="Put returned notebooks into nbgrader's submitted/ layout. "
                       "A file belongs to a student when its name is <student_id>.ipynb or starts "
                       "with <student_id>_ (or -, ., space), or when it is in a folder named by "
                       "the student id; case does not matter. Two files for one student: the "
                       "newest is taken. Unreadable, unmatched and unknown files are reported; "
                       "the others are collected. A graded submission is never replaced "
                       "unless --force.")
    p.add_argument("class_dir", metavar="CLASS_DIR")
    p.add_argument("module", metavar="MODULE")
    p.add_argument("source", metavar="FROM", help="a folder or a .zip of returned notebooks")
    p.add_argument("--force", action="store_true",
                   help="replace submissions that were already graded")

    p = sub.add_parser("grade", parents=[common], help="autograde the collected submissions",
                       description="Autograde every new or changed submission, one student at a "
                       "time; a failure for one student does not stop the others.")
    p.add_argument("class_dir", metavar="CLASS_DIR")
    p.add_argument("module", metavar="MODULE")
    p.add_argument("--timeout", type=int, metavar="S",
                   help="seconds a single cell may run before it is stopped (default: the class "
                   "setting, see nbgrader_config.py)")
    p.add_argument("--force", action="store_true", help="grade again even unchanged submissions")
    p.add_argument("--student", action="append", metavar="ID",
                   help="only this student (repeatable)")
    p.add_argument("--deleted-tests", choices=["zero", "run"], default="zero",
                   help="a test cell the student deleted is put back and scores 0 (zero, the "
                   "default) or is run like any other (run)")

    p = sub.add_parser("feedback", parents=[common], help="one feedback HTML page per student",
                       description="Write CLASS_DIR/feedback_html/MODULE/<student>.html for every "
                       "graded student, with hidden tests removed (checked on every page).")
    p.add_argument("class_dir", metavar="CLASS_DIR")
    p.add_argument("module", metavar="MODULE")
    p.add_argument("--force", action="store_true", help="write pages again")

    p = sub.add_parser("export", parents=[common], help="grades CSV and per-question summary",
                       description="Write exports/grades[_MODULE].csv (one row per student and "
                       "module) and exports/questions[_MODULE].csv (per question: mean share of "
                       "points, full marks, found hard), and print both.")
    p.add_argument("class_dir", metavar="CLASS_DIR")
    p.add_argument("module", nargs="?", metavar="MODULE", help="default: every released module")
    p.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD, metavar="SHARE",
                   help="flag a question as found hard below this mean share of points "
                   f"(default {DEFAULT_THRESHOLD})")

    p = sub.add_parser("status", parents=[common], help="who submitted, was graded, got feedback")
    p.add_argument("class_dir", metavar="CLASS_DIR")

    p = sub.add_parser("demo", parents=[common], help="a mock workshop for three students",
                       description="init, release, simulated students, collect, grade, feedback "
                       "and export in a demo class folder; about a minute.")
    p.add_argument("--dir", metavar="D", help="class folder (default workshops/demo; replaced)")
    p.add_argument("--timeout", type=int, default=10, metavar="S",
                   help="per-cell timeout while grading (default 10)")
    p.add_argument("--source", metavar="DIR",
                   help=f"where the exercise modules are (default: {KIT_MODULES})")
    return parser


def _run(args: argparse.Namespace) -> int:
    echo: Callable[[str], None] = lambda msg: print(msg, flush=True)  # noqa: E731
    cmd = args.command
    if cmd == "init":
        modules = [m.strip() for m in args.modules.split(",") if m.strip()] if args.modules \
            else None
        ws = init_class(args.class_dir, args.students, modules, source=args.source,
                        timeout=args.timeout, course_id=args.course_id, debug=args.debug)
        echo(f"Next: socialhrm workshop release {ws._arg()}")
        return 0
    if cmd == "demo":
        run_demo(args.dir, timeout=args.timeout, source=args.source, debug=args.debug)
        return 0
    ws = Workshop(args.class_dir, debug=args.debug)
    if cmd == "release":
        ws.release(args.modules or None, make_zip=not args.no_zip, force=args.force,
                   exchange=args.exchange)
        return 0
    if cmd == "collect":
        module = ws.module(args.module)
        echo(f"Collecting {module} from {args.source}")
        report = ws.collect(module, args.source, force=args.force)
        _print_collect(report, echo)
        if report.collected:
            echo(f"Next: socialhrm workshop grade {ws._arg()} {module}")
        return 1 if report.problems else 0
    if cmd == "grade":
        report = ws.grade(args.module, timeout=args.timeout, force=args.force,
                          students=args.student, deleted_tests=args.deleted_tests)
        done = [r for r in report.results if r.ok]
        echo(f"Graded {len(done)}, skipped {len(report.skipped)} (unchanged), "
             f"failed {len(report.failed)}.")
        if report.failed:
            echo("Not graded: " + "; ".join(f"{r.student_id}: {r.error}" for r in report.failed))
        return 1 if report.failed else 0
    if cmd == "feedback":
        report = ws.feedback(args.module, force=args.force)
        for problem in report.problems:
            echo(f"  - {problem}")
        if report.written:
            echo(f"{_plural(len(report.written), 'feedback page')} in "
                 f"{ws.path('feedback_html', ws.module(args.module))}; send each student theirs.")
        return 1 if report.problems else 0
    if cmd == "export":
        _print_export(ws, args.module, args.threshold, echo)
        return 0
    if cmd == "status":
        echo(f"Class {ws.course_id} in {ws.root}")
        echo(_table(ws.status().reset_index()))
        return 0
    raise WorkshopError(f"unknown command {cmd!r}")  # pragma: no cover - argparse checks


def main(argv: list[str] | None = None) -> int:
    """``socialhrm workshop ...``: run a class with nbgrader.

    Parameters
    ----------
    argv
        Arguments after ``workshop``, e.g. ``["grade", "spring2026", "m01"]``.

    Returns
    -------
    int
        0 when everything went well, 1 when the step finished but something needs the
        trainer's attention (a file not collected, a student not graded), 2 when nothing was
        done because of an error in the input, 3 on an unexpected error.

    Examples
    --------
    >>> main(["status", "spring2026"])  # doctest: +SKIP
    """
    parser = _parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 0
    try:
        return _run(args)
    except WorkshopError as exc:
        print(f"socialhrm workshop {args.command}: {exc}", file=sys.stderr, flush=True)
        return 2
    except BrokenPipeError:  # e.g. `socialhrm workshop export X | head`
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print("Stopped. Everything finished so far is kept; run the step again to continue.",
              file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the trainer sees a message, not a traceback
        if args.debug:
            traceback.print_exc()
        print(f"socialhrm workshop {args.command}: unexpected error: {type(exc).__name__}: {exc}"
              + ("" if args.debug else " (run again with --debug to see the details)"),
              file=sys.stderr, flush=True)
        return 3


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
