r"""What the course side and the workshop share about nbgrader: one helper, public names.

- :func:`prepare_nbgrader` — nbgrader runs ``alembic`` as a subprocess and logs a lot: put
  this Python's ``bin/`` on PATH and keep its log lines out of the user's terminal;
- :func:`hidden_delimiters` and :func:`split_hidden` — the hidden-test regions of a cell,
  with the delimiters taken from nbgrader's own configuration (``ClearHiddenTests``), raising
  on a nested or unterminated region instead of silently hiding the rest of the cell;
- :func:`log_reason` — a one-line reason from an nbgrader result for the trainer;
- :func:`display_path` — a path as a person would type it;
- nbgrader's own cell predicates, re-exported: :func:`is_grade`, :func:`is_solution`,
  :func:`is_locked`.

Examples
--------
>>> hidden, shown = split_hidden("assert x\n### BEGIN HIDDEN TESTS\ncheck(x)\n"
...                              "### END HIDDEN TESTS")
>>> hidden, shown
(['check(x)'], ['assert x'])
"""

from __future__ import annotations

import functools
import logging
import os
import sys
import warnings
from pathlib import Path
from typing import Any

from socialhrm.i18n import _

__all__ = [
    "HiddenRegionError",
    "display_path",
    "hidden_delimiters",
    "is_grade",
    "is_locked",
    "is_solution",
    "log_reason",
    "prepare_nbgrader",
    "remove_hidden",
    "split_hidden",
]


class HiddenRegionError(ValueError):
    """A cell's hidden-test region is nested or not closed: the author must fix the cell."""


def is_grade(cell: Any) -> bool:
    """Nbgrader's predicate: a graded cell (an autograded test or a manually graded answer)."""
    from nbgrader import utils

    return bool(utils.is_grade(cell))


def is_solution(cell: Any) -> bool:
    """Nbgrader's predicate: a cell the student answers in."""
    from nbgrader import utils

    return bool(utils.is_solution(cell))


def is_locked(cell: Any) -> bool:
    """Nbgrader's predicate: a cell the student may not change."""
    from nbgrader import utils

    return bool(utils.is_locked(cell))


@functools.cache
def hidden_delimiters() -> tuple[str, str]:
    """The begin and end markers of hidden tests, from nbgrader's configuration.

    Examples
    --------
    >>> hidden_delimiters()
    ('BEGIN HIDDEN TESTS', 'END HIDDEN TESTS')
    """
    from nbgrader.preprocessors import ClearHiddenTests

    pre = ClearHiddenTests()
    return str(pre.begin_test_delimeter), str(pre.end_test_delimeter)


def split_hidden(source: str, where: str = "") -> tuple[list[str], list[str]]:
    r"""Split a cell's lines into (hidden-test lines, all other lines), markers left out.

    Parameters
    ----------
    source
        The cell's source.
    where
        Which cell this is, for the error message (e.g. its ``grade_id``).

    Raises
    ------
    HiddenRegionError
        A region begins inside another one, ends without beginning, or never ends.

    Examples
    --------
    >>> split_hidden("### BEGIN HIDDEN TESTS\nx")
    Traceback (most recent call last):
    socialhrm.nbgrading.HiddenRegionError: A hidden-test region is not closed (line 1): ...
    """
    begin, end = hidden_delimiters()
    hidden: list[str] = []
    visible: list[str] = []
    opened = 0
    label = f" {where}" if where else ""
    for n, line in enumerate(source.splitlines(), 1):
        if begin in line:
            if opened:
                raise HiddenRegionError(_(
                    "A hidden-test region begins inside another one{where} (line {n}): "
                    "close the first with '{end}'.").format(where=label, n=n, end=end))
            opened = n
        elif end in line:
            if not opened:
                raise HiddenRegionError(_(
                    "A hidden-test region ends without beginning{where} (line {n}): add "
                    "'{begin}' above it.").format(where=label, n=n, begin=begin))
            opened = 0
        elif opened:
            hidden.append(line)
        else:
            visible.append(line)
    if opened:
        raise HiddenRegionError(_(
            "A hidden-test region is not closed{where} (line {n}): add '{end}' after the "
            "hidden tests.").format(where=label, n=opened, end=end))
    return hidden, visible


def remove_hidden(source: str, where: str = "") -> str:
    r"""The cell's source without its hidden-test regions (markers included).

    Examples
    --------
    >>> remove_hidden("a\n### BEGIN HIDDEN TESTS\nb\n### END HIDDEN TESTS\nc")
    'a\nc'
    """
    split_hidden(source, where)  # raises on a malformed region
    begin, end = hidden_delimiters()
    kept: list[str] = []
    inside = False
    for line in source.split("\n"):
        if begin in line:
            inside = True
        elif end in line:
            inside = False
        elif not inside:
            kept.append(line)
    return "\n".join(kept)


def _warning_class(name: str) -> type[Warning]:
    try:
        if name == "SAWarning":
            from sqlalchemy.exc import SAWarning

            return SAWarning
        from nbformat.warnings import MissingIDFieldWarning

        return MissingIDFieldWarning
    except ImportError:  # pragma: no cover
        return UserWarning


def prepare_nbgrader(debug: bool = False) -> None:
    """Get nbgrader ready to run from this Python: ``alembic`` on PATH, its logs quiet.

    Parameters
    ----------
    debug
        Show nbgrader's own log lines on stderr.

    Examples
    --------
    >>> prepare_nbgrader()
    >>> os.environ["PATH"].split(os.pathsep)[0] == str(Path(sys.executable).parent)
    True
    """
    bindir = str(Path(sys.executable).parent)
    parts = os.environ.get("PATH", "").split(os.pathsep)
    if not parts or parts[0] != bindir:
        os.environ["PATH"] = os.pathsep.join([bindir, *[p for p in parts if p != bindir]])
    logger = logging.getLogger("traitlets")
    logger.propagate = False
    if debug and not any(getattr(h, "_socialhrm", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler._socialhrm = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    for category in ("SAWarning", "MissingIDFieldWarning"):
        warnings.filterwarnings("ignore", message=".*", category=_warning_class(category))


def log_reason(result: dict[str, Any]) -> str:
    """A one-line reason from an nbgrader result: its first ERROR line, else the exception.

    Examples
    --------
    >>> log_reason({"log": "[ERROR] Kernel died"})
    'Kernel died'
    """
    log = result.get("log") or ""
    for line in log.splitlines():
        if line.startswith("[ERROR]"):
            text = line[len("[ERROR]"):].strip()
            if text and not text.startswith(("There was an error processing", "Traceback")):
                return text[:300].rstrip(".")
    error = (result.get("error") or "").strip().splitlines()
    return (error[-1] if error else _("unknown error (run again with --debug)"))[:300].rstrip(".")


def display_path(path: Path) -> str:
    """A path as a person would type it: relative to the working folder when inside it.

    Examples
    --------
    >>> display_path(Path.cwd() / "a" / "b.txt")
    'a/b.txt'
    """
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)
