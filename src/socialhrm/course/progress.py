"""The learner's progress file: a small local file, never committed, never sent anywhere.

Self-checks (:func:`socialhrm.checks.check`) record their results in
``~/.socialhrm/progress.json`` (``$SOCIALHRM_HOME/progress.json`` when that variable is set).

Only a learner's own work is recorded. Nothing is recorded while nbgrader autogrades
(``NBGRADER_EXECUTION=autograde``) or when the notebook runs inside an instructor source folder
(:func:`instructor_source`): the kit's ``modules/`` or the ``source/`` folder of an nbgrader
course, where a trainer validates the version with the solutions.

Examples
--------
>>> sorted(load_progress())
['modules', 'version']
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import tempfile
import warnings
from pathlib import Path
from typing import Any

from socialhrm.i18n import _

__all__ = [
    "ENV_HOME",
    "ProgressWarning",
    "instructor_source",
    "load_progress",
    "progress_path",
    "record_result",
    "recording_blocked",
    "reset_progress",
]

#: Environment variable: a folder for the learner's own files (progress) instead of ~/.socialhrm.
ENV_HOME = "SOCIALHRM_HOME"


class ProgressWarning(UserWarning):
    """The learner's progress file was damaged and has been set aside."""


def progress_path() -> Path:
    """The learner's progress file.

    Returns
    -------
    pathlib.Path
        ``$SOCIALHRM_HOME/progress.json`` if ``SOCIALHRM_HOME`` is set, else
        ``~/.socialhrm/progress.json``.

    Examples
    --------
    >>> progress_path().name
    'progress.json'
    """
    from socialhrm.paths import learner_home

    return learner_home() / "progress.json"


def _empty() -> dict[str, Any]:
    return {"version": 1, "modules": {}}


def _set_aside(path: Path) -> Path | None:
    """Move a damaged progress file out of the way under a new, time-stamped name."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.broken-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.broken-{stamp}-{n}")
    try:
        path.replace(target)
    except OSError:
        return None
    return target


def _valid_progress(data: Any) -> bool:
    """Whether the file's content has the structure this module writes."""
    if not isinstance(data, dict) or not isinstance(data.get("modules"), dict):
        return False
    for mod in data["modules"].values():
        if not isinstance(mod, dict) or not isinstance(mod.get("questions", {}), dict):
            return False
        if not all(isinstance(q, dict) for q in mod.get("questions", {}).values()):
            return False
        if not isinstance(mod.get("last_activity", ""), str | None):
            return False
    return True


def load_progress() -> dict[str, Any]:
    """The learner's progress as stored: ``{"version": 1, "modules": {...}}``.

    A missing file is an empty progress. A damaged one (not JSON, or not the structure this
    module writes) is set aside as ``progress.json.broken-<time>`` (so nothing is lost), a
    :class:`ProgressWarning` says where, and an empty progress is returned.

    Returns
    -------
    dict
        ``modules[module]["questions"][question]`` has ``passed`` (ever passed), ``last_result``,
        ``attempts``, ``graded`` (an exercise question rather than a lesson try) and ``last``;
        ``modules[module]["last_activity"]`` is an ISO time stamp.

    Examples
    --------
    >>> load_progress()["version"]
    1
    """
    path = progress_path()
    if not path.is_file():
        return _empty()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = None
    if _valid_progress(data):
        return data
    moved = _set_aside(path)
    where = (_("it was kept as {path}").format(path=moved) if moved
             else _("it could not be moved aside"))
    warnings.warn(_("Your progress file {path} was damaged and could not be read; {where}. "
                    "Your progress starts again from here.").format(path=path, where=where),
                  ProgressWarning, stacklevel=2)
    return _empty()


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _write(data: dict[str, Any]) -> Path:
    path = progress_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".progress-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=1, sort_keys=True)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    return path


def record_result(module: str, question: str, passed: bool, *, graded: bool = True) -> Path:
    """Record one self-check result in the progress file.

    Parameters
    ----------
    module, question
        E.g. ``"m01"``, ``"q2"``.
    passed
        Whether the answer was right.
    graded
        True for an exercise question, False for a try in a lesson.

    Returns
    -------
    pathlib.Path
        The progress file written.

    Raises
    ------
    OSError
        The file cannot be written (the self-check reports this instead of raising).

    Examples
    --------
    >>> record_result("m01", "q1", True)  # doctest: +SKIP
    """
    data = load_progress()
    mod = data["modules"].setdefault(module, {"questions": {}})
    q = mod.setdefault("questions", {}).setdefault(question, {"passed": False, "attempts": 0})
    now = _now()
    q["attempts"] = int(q.get("attempts", 0)) + 1
    q["last_result"] = "passed" if passed else "not yet"
    q["graded"] = bool(graded)
    q["last"] = now
    if passed and not q.get("passed"):
        q["passed"] = True
        q["passed_at"] = now
    mod["last_activity"] = now
    return _write(data)


def reset_progress() -> bool:
    """Delete the progress file. Returns True when there was one.

    Examples
    --------
    >>> reset_progress()  # doctest: +SKIP
    True
    """
    path = progress_path()
    if path.is_file():
        path.unlink()
        return True
    return False


def _inside(folder: Path, parent: Path) -> bool:
    try:
        folder.relative_to(parent)
    except ValueError:
        return False
    return True


def instructor_source(folder: str | Path | None = None) -> Path | None:
    """The instructor source folder that ``folder`` lies in, or ``None`` for a learner's copy.

    An instructor source folder holds the exercises *with their solutions*: the kit's own
    ``modules/`` (see :func:`socialhrm.paths.modules_dir`), or the ``source/`` folder of an
    nbgrader course (a folder with ``nbgrader_config.py``), such as a workshop's class folder.

    Parameters
    ----------
    folder
        Where the notebook runs; by default the working folder (a Jupyter kernel, and nbgrader's
        validation, run in the notebook's own folder).

    Examples
    --------
    >>> from socialhrm.paths import modules_dir
    >>> instructor_source(modules_dir() / "m01_org_as_network") == modules_dir()
    True
    >>> instructor_source("/tmp/my_exercises/m01_org_as_network") is None
    True
    """
    from socialhrm.paths import course_root

    here = Path(folder if folder is not None else Path.cwd()).expanduser().resolve()
    root = course_root()
    if root is not None and _inside(here, (root / "modules").resolve()):
        return (root / "modules").resolve()
    for up in (here, *here.parents):
        if up.name == "source" and (up.parent / "nbgrader_config.py").is_file():
            return up
    return None


def recording_blocked(folder: str | Path | None = None) -> str | None:
    """Why a self-check run in ``folder`` must not be recorded, or ``None`` when it may be.

    Returns
    -------
    str or None
        ``"autograde"`` while nbgrader autogrades (a trainer's machine, a student's answers);
        ``"instructor"`` for a notebook in an instructor source folder
        (:func:`instructor_source`); ``None`` for a learner's own copy or a lesson.

    Examples
    --------
    >>> from socialhrm.paths import modules_dir
    >>> recording_blocked(modules_dir() / "m01_org_as_network")
    'instructor'
    """
    if os.environ.get("NBGRADER_EXECUTION") == "autograde":
        return "autograde"
    if instructor_source(folder) is not None:
        return "instructor"
    return None
