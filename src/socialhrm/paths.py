"""The one place that knows where the kit's files are.

The library (``socialhrm`` and the bundled datasets) works from an installed wheel. The course
(lessons in ``notebooks/``, exercises in ``modules/``, the catalogue ``modules/course.yml``)
lives in a checkout of the repository; an installed package finds it through
``SOCIALHRM_COURSE_DIR`` (the checkout's root) or, for an editable install, next to ``src/``.

Every location can be moved with an environment variable:

==========================  =================================================================
``SOCIALHRM_COURSE_DIR``    the root of the course checkout (holds ``modules/``, ``notebooks/``)
``SOCIALHRM_COURSE``        the catalogue file itself
``SOCIALHRM_DATASETS``      the folder of the bundled datasets
``SOCIALHRM_EXERCISES``     the learner's copies of the exercises (default ``my_exercises/``)
``SOCIALHRM_HOME``          the learner's own files: progress (default ``~/.socialhrm``)
==========================  =================================================================

Examples
--------
>>> course_root() is None or (course_root() / "modules").is_dir()
True
"""

from __future__ import annotations

import os
from pathlib import Path

from socialhrm.i18n import _

__all__ = [
    "CourseNotFoundError",
    "catalogue_file",
    "course_root",
    "dashboards_dir",
    "exercises_dir",
    "learner_home",
    "modules_dir",
    "package_dir",
    "require_course_root",
]

PACKAGE = Path(__file__).resolve().parent


class CourseNotFoundError(FileNotFoundError):
    """The course files (a checkout of the repository) are not where the kit looked."""


def package_dir() -> Path:
    """The installed package's own folder (``.../socialhrm``).

    Examples
    --------
    >>> package_dir().name
    'socialhrm'
    """
    return PACKAGE


def _is_course_root(path: Path) -> bool:
    return (path / "modules" / "course.yml").is_file()


def course_root() -> Path | None:
    """The root of the course checkout, or ``None`` when the kit is installed without it.

    ``$SOCIALHRM_COURSE_DIR`` when set, else the repository around ``src/socialhrm``
    (an editable install), else the current folder when it is a checkout.

    Examples
    --------
    >>> root = course_root()
    >>> root is None or (root / "modules" / "course.yml").exists()
    True
    """
    env = os.environ.get("SOCIALHRM_COURSE_DIR")
    if env:
        return Path(env).expanduser().resolve()
    candidate = PACKAGE.parents[1]  # <repo>/src/socialhrm -> <repo>
    if _is_course_root(candidate):
        return candidate
    cwd = Path.cwd()
    for folder in (cwd, *cwd.parents):
        if _is_course_root(folder):
            return folder
    return None


def require_course_root(what: str = "") -> Path:
    """The course checkout's root, or a :class:`CourseNotFoundError` that says what to do.

    Examples
    --------
    >>> require_course_root().is_dir()  # doctest: +SKIP
    True
    """
    root = course_root()
    if root is None:
        need = f" ({what})" if what else ""
        raise CourseNotFoundError(_(
            "The course files{need} are not here: this command needs a checkout of the Social "
            "HRM Lab repository. Run it inside the checkout, or set SOCIALHRM_COURSE_DIR to "
            "the checkout's folder.").format(need=need))
    return root


def modules_dir() -> Path:
    """The exercises' instructor source (``modules/``, nbgrader's source folder).

    Examples
    --------
    >>> modules_dir().name
    'modules'
    """
    return require_course_root("modules/") / "modules"


def catalogue_file() -> Path:
    """The course catalogue: ``$SOCIALHRM_COURSE``, else ``modules/course.yml``.

    Examples
    --------
    >>> catalogue_file().name
    'course.yml'
    """
    env = os.environ.get("SOCIALHRM_COURSE")
    if env:
        return Path(env).expanduser()
    return require_course_root("modules/course.yml") / "modules" / "course.yml"


def dashboards_dir() -> Path:
    """The dashboard notebooks served by Voila (``notebooks/dashboards/``).

    Examples
    --------
    >>> dashboards_dir().name
    'dashboards'
    """
    return require_course_root("notebooks/dashboards/") / "notebooks" / "dashboards"


def exercises_dir() -> Path:
    """The learner's own copies of the exercises: ``$SOCIALHRM_EXERCISES`` or ``my_exercises/``.

    Examples
    --------
    >>> exercises_dir().name  # doctest: +SKIP
    'my_exercises'
    """
    env = os.environ.get("SOCIALHRM_EXERCISES")
    if env:
        return Path(env).expanduser()
    return require_course_root("my_exercises/") / "my_exercises"


def learner_home() -> Path:
    """The learner's own files (progress): ``$SOCIALHRM_HOME`` or ``~/.socialhrm``.

    Examples
    --------
    >>> learner_home().is_absolute()
    True
    """
    env = os.environ.get("SOCIALHRM_HOME")
    return Path(env).expanduser().resolve() if env else Path.home() / ".socialhrm"
