"""The class list: read and check ``students.csv``, write the roster back."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from socialhrm.i18n import _
from socialhrm.workshop.common import WorkshopError, is_valid_student_id

__all__ = ["Student", "read_students", "write_roster"]


@dataclass(frozen=True)
class Student:
    """One learner in a class (``student_id`` is also their folder name)."""

    student_id: str
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        try:
            return path.read_text(encoding="cp1252")
        except UnicodeDecodeError as exc:  # pragma: no cover - cp1252 decodes almost anything
            raise WorkshopError(_("{path} is not a text (CSV) file").format(path=path)) from exc


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
        raise WorkshopError(_("the class list {path} does not exist (a CSV with a student_id "
                              "column)").format(path=path))
    text = _read_text(path)
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise WorkshopError(_("{path} is empty: it needs a header line with "
                              "student_id").format(path=path))
    header = lines[0]
    delimiter = ","
    for candidate in (";", "\t"):
        if candidate in header and "," not in header:
            delimiter = candidate
    reader = csv.reader(lines, delimiter=delimiter)
    columns = [c.strip().lower().replace(" ", "_").replace("-", "_") for c in next(reader)]
    if "student_id" not in columns:
        found = ", ".join(c for c in columns if c) or _("nothing")
        raise WorkshopError(_(
            "{path}, line 1: no 'student_id' column (found: {found}). Name the column that "
            "holds the ids student_id; first_name, last_name and email are optional."
        ).format(path=path, found=found))
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
            problems.append(_("line {line}: student_id is empty").format(line=line))
            continue
        if not is_valid_student_id(sid):
            example = re.sub(r"[^A-Za-z0-9_.-]+", "_", sid).strip("_.-").lower() or "ann_smith"
            problems.append(_(
                "line {line}: student id {sid!r} cannot be used as a folder name; use letters, "
                "digits, '_', '-' or '.', starting with a letter or digit (e.g. {example})"
            ).format(line=line, sid=sid, example=example))
            continue
        key = sid.lower()
        if key in seen:
            problems.append(_(
                "lines {first} and {line}: student id {sid!r} appears twice (ids must be "
                "unique; ids that differ only in upper/lower case count as the same)"
            ).format(first=seen[key], line=line, sid=sid))
            continue
        seen[key] = line
        students.append(Student(sid, get("first_name"), get("last_name"), get("email")))
    if problems:
        shown = problems[:10]
        if len(problems) > 10:
            shown.append(_("... and {n} more").format(n=len(problems) - 10))
        raise WorkshopError(_("{path} has problems; fix them and run init again:").format(
            path=path) + "\n  " + "\n  ".join(shown))
    if not students:
        raise WorkshopError(_("{path} lists no students (only a header line)").format(path=path))
    return students


def write_roster(path: Path, students: Iterable[Student]) -> None:
    """Write the class list as the tool keeps it (``students.csv`` in the class folder)."""
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["student_id", "first_name", "last_name", "email"])
        for s in students:
            writer.writerow([s.student_id, s.first_name or "", s.last_name or "", s.email or ""])
