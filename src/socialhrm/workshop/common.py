"""What every step of the workshop shares: the error type, names of files, small helpers."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from socialhrm.i18n import _

if TYPE_CHECKING:  # pragma: no cover
    import nbformat

__all__ = [
    "CONFIG_NAME", "DEFAULT_PARENT", "DEFAULT_THRESHOLD", "DEFAULT_TIMEOUT", "KIT_MODULES",
    "ROSTER_NAME", "STATE_NAME", "WorkshopError", "fmt_score", "is_valid_student_id",
    "kit_modules", "list_modules", "now", "read_nb", "resolve_class_dir", "resolve_module",
    "sha256_files", "cell_grade_id", "BACKUP_DIR", "SOLUTION_BEGIN", "SOLUTION_END",
]

#: the kit's own exercises (in the course checkout; see socialhrm.paths)
KIT_MODULES = Path("modules")  # shown in --help; resolved by kit_modules()
#: bare class names (``socialhrm workshop init spring``) live here, relative to the working folder
DEFAULT_PARENT = Path("workshops")

CONFIG_NAME = "nbgrader_config.py"
STATE_NAME = "workshop.json"
ROSTER_NAME = "students.csv"
BACKUP_DIR = "backups"
DEFAULT_TIMEOUT = 30
DEFAULT_THRESHOLD = 0.5

SOLUTION_BEGIN = "BEGIN SOLUTION"
SOLUTION_END = "END SOLUTION"

_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


class WorkshopError(Exception):
    """A problem the trainer can fix; the message says what to do."""


def kit_modules() -> Path:
    """The kit's own exercise modules (``modules/`` in the course checkout)."""
    from socialhrm.paths import modules_dir

    return modules_dir()


def sha256_files(paths: Iterable[Path]) -> str:
    """A fingerprint of files (names and contents)."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def now() -> str:
    """The time now, as the ledger writes it."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def fmt_score(x: float | None) -> str:
    """A score as a person reads it (``-`` for none).

    Examples
    --------
    >>> fmt_score(3.0), fmt_score(None)
    ('3', '-')
    """
    return "-" if x is None else f"{x:g}"


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


def read_nb(path: Path) -> nbformat.NotebookNode:
    """Read a notebook (nbformat 4)."""
    import nbformat

    return nbformat.read(str(path), as_version=4)


def list_modules(source: str | Path) -> list[str]:
    """The exercise modules in a folder: sub-folders holding at least one notebook.

    Examples
    --------
    >>> list_modules("no/such/folder")
    []
    """
    source = Path(source)
    if not source.is_dir():
        return []
    return sorted(d.name for d in source.iterdir()
                  if d.is_dir() and not d.name.startswith((".", "_"))
                  and any(p for p in d.glob("*.ipynb")))


def resolve_module(name: str, available: list[str], where: str) -> str:
    """A module's full name from its name or a unique prefix (``m01``).

    Examples
    --------
    >>> resolve_module("m01", ["m01_org_as_network", "m02_x"], "modules")
    'm01_org_as_network'
    """
    if name in available:
        return name
    hits = [m for m in available if m.startswith(name)]
    if len(hits) == 1:
        return hits[0]
    if not available:
        raise WorkshopError(_("there are no modules in {where}").format(where=where))
    if hits:
        raise WorkshopError(_("{name!r} matches several modules ({hits}); be more "
                              "precise").format(name=name, hits=", ".join(hits)))
    raise WorkshopError(_("no module {name!r} in {where}; available: {available}").format(
        name=name, where=where, available=", ".join(available)))


def cell_grade_id(cell: Any) -> str:
    """A cell's nbgrader ``grade_id`` (empty when it has none)."""
    return str(cell.metadata.get("nbgrader", {}).get("grade_id", "") or "")
