"""Your own copies of the graded exercises, for learning without a trainer.

``modules/`` holds the *instructor* versions of the exercises (with the solutions and the hidden
tests). A learner works on the *student* version, the same notebook that a trainer hands out:
nbgrader's ``generate_assignment`` makes it, and :func:`prepare_exercises` puts one copy of each
available module in your own folder, ``my_exercises/`` in the repository (never committed)::

    socialhrm exercises            # make the copies that are missing; keeps the ones you have
    socialhrm exercises m01 --fresh   # a new blank copy beside yours (yours is not touched)

``make run`` does the first step for you. A copy you have started is never replaced.

The copies are in the learner's language (``SOCIALHRM_LANG``, else the system locale, see
:mod:`socialhrm.i18n`): a module with a Dutch exercise (``translations: nl`` in the catalogue)
hands out the Dutch one under Dutch, in ``my_exercises/nl/<module>/``, beside any English copy.

Examples
--------
>>> from socialhrm.course.catalogue import load_catalogue
>>> [p.name for p in learner_copies(load_catalogue().module("m01"))]
['m01_org_as_network.ipynb']
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from socialhrm.course.catalogue import Catalogue, CourseError, Module, load_catalogue, shown
from socialhrm.i18n import N_, _

__all__ = [
    "ENV_EXERCISES",
    "FOLDER_NAME",
    "ExerciseCopy",
    "ExerciseError",
    "exercises_dir",
    "learner_copies",
    "prepare_exercises",
    "student_version",
]

#: Where learners' copies go unless SOCIALHRM_EXERCISES says otherwise.
ENV_EXERCISES = "SOCIALHRM_EXERCISES"
FOLDER_NAME = "my_exercises"

#: What happened to a copy, as the learner is told.
ACTIONS = {"created": N_("ready"), "kept": N_("yours, kept as it is"),
           "fresh": N_("a new blank copy; yours is kept")}


class ExerciseError(Exception):
    """A copy could not be made; the message says why and what to do."""


@dataclass(frozen=True)
class ExerciseCopy:
    """What :func:`prepare_exercises` did for one notebook of one module.

    Attributes
    ----------
    module
        The module id, e.g. ``"m01"``.
    path
        The learner's notebook.
    action
        ``"created"`` (a new copy), ``"kept"`` (yours was there already and is not touched) or
        ``"fresh"`` (a new blank copy beside yours).
    """

    module: str
    path: Path
    action: str


def exercises_dir() -> Path:
    """The folder of the learner's copies.

    Returns
    -------
    pathlib.Path
        ``$SOCIALHRM_EXERCISES`` if set, else ``my_exercises/`` in the repository.

    Examples
    --------
    >>> exercises_dir().name  # doctest: +SKIP
    'my_exercises'
    """
    from socialhrm.paths import exercises_dir as where

    return where()


def _copy_language(module: Module, lang: str | None) -> str:
    """The language of the copies: ``lang`` (default the reader's) if the module has it."""
    from socialhrm.i18n import get_language

    lang = lang or get_language()
    return lang if lang != "en" and module.translation(lang) is not None \
        and module.translation(lang).exercises else "en"


def learner_copies(module: Module, folder: str | Path | None = None,
                   lang: str | None = None) -> list[Path]:
    """Where the learner's own copies of a module's exercise are (whether made yet or not).

    Parameters
    ----------
    module
        A module of the catalogue.
    folder
        The learner's folder (default :func:`exercises_dir`).
    lang
        The language of the copies (default: the reader's language). A module without an
        exercise in that language gives the English copies.

    Examples
    --------
    >>> from socialhrm.course.catalogue import load_catalogue
    >>> learner_copies(load_catalogue().module("m01"), lang="en")[0].parent.name
    'm01_org_as_network'
    >>> learner_copies(load_catalogue().module("m01"), lang="nl")[0].parent.parent.name
    'nl'
    """
    base = Path(folder) if folder is not None else exercises_dir()
    lang = _copy_language(module, lang)
    if lang != "en":
        base = base / lang
    return [base / module.name / Path(f).name for f in module.exercises_in(lang)]


def student_version(module_dir: str | Path, out_dir: str | Path, *,
                    course: Path | None = None) -> list[Path]:
    """Make the student version of one exercise folder with nbgrader (as a trainer would).

    Runs nbgrader's ``generate_assignment`` in a throw-away course folder, so no gradebook or
    release folder is left behind, and copies the result to ``out_dir``.

    Parameters
    ----------
    module_dir
        An nbgrader source folder, e.g. ``modules/m01_org_as_network``.
    out_dir
        Where the student version goes (created if needed; files there are overwritten).
    course
        A throw-away nbgrader course folder to work in; several calls can share one (its
        gradebook is made once, which is most of nbgrader's time). Default: a new one.

    Returns
    -------
    list of pathlib.Path
        The notebooks written.

    Raises
    ------
    ExerciseError
        nbgrader could not make the student version (the message has its reason).

    Examples
    --------
    >>> student_version("modules/m01_org_as_network", "/tmp/m01")  # doctest: +SKIP
    [PosixPath('/tmp/m01/m01_org_as_network.ipynb')]
    """
    from nbgrader.apps import NbGraderAPI
    from traitlets.config import Config

    from socialhrm.nbgrading import log_reason, prepare_nbgrader

    if course is None:
        with tempfile.TemporaryDirectory(prefix="socialhrm-release-") as tmp:
            return student_version(module_dir, out_dir, course=Path(tmp))
    module_dir, out_dir = Path(module_dir), Path(out_dir)
    name = module_dir.name
    prepare_nbgrader()
    root = Path(course)
    if (root / "source" / name).exists():
        shutil.rmtree(root / "source" / name)
    shutil.copytree(module_dir, root / "source" / name,
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", ".*"))
    cfg = Config()
    cfg.CourseDirectory.root = str(root)
    cfg.CourseDirectory.course_id = "socialhrm-self-study"
    cfg.CourseDirectory.source_directory = "source"
    cfg.CourseDirectory.db_url = f"sqlite:///{root / 'gradebook.db'}"
    result = NbGraderAPI(config=cfg).generate_assignment(name, force=True, create=True)
    if not result["success"]:
        raise ExerciseError(_("nbgrader could not make the student version of {name}: "
                              "{reason}").format(name=name, reason=log_reason(result)))
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for src in sorted((root / "release" / name).rglob("*")):
        if src.is_file():
            dest = out_dir / src.relative_to(root / "release" / name)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest)
            if dest.suffix == ".ipynb":
                written.append(dest)
    return written


def _wanted(cat: Catalogue, modules: Iterable[str] | None) -> list[Module]:
    if not modules:
        return cat.available()
    chosen = []
    for key in modules:
        m = cat.module(key)  # CourseError names the known modules
        if not m.available:
            raise CourseError(_("Module {id} ({title}) is still to come: it has no exercise yet. "
                                "`socialhrm course` shows what is available.").format(
                                    id=m.id, title=shown(m.title)))
        chosen.append(m)
    return chosen


def prepare_exercises(modules: Iterable[str] | None = None, *, fresh: bool = False,
                      folder: str | Path | None = None,
                      echo: Callable[[str], None] | None = None,
                      catalogue: Catalogue | None = None,
                      lang: str | None = None) -> list[ExerciseCopy]:
    """Give the learner a student copy of each exercise, never replacing one they have.

    Parameters
    ----------
    modules
        Module ids or names (``["m01"]``); every available module when None.
    fresh
        Also make a new blank copy next to an existing one, named
        ``<exercise>_fresh_<date-time>.ipynb``; the existing copy is not touched.
    folder
        Where the copies go (default :func:`exercises_dir`), one sub-folder per module.
    echo
        Where messages go (default: print).
    catalogue
        The course (default: its own catalogue).
    lang
        The language of the copies (default: the reader's language, see
        :mod:`socialhrm.i18n`); a module without an exercise in that language gives English.

    Returns
    -------
    list of ExerciseCopy
        One entry per notebook: created, kept or fresh.

    Raises
    ------
    socialhrm.course.CourseError
        An unknown module, or one that is still to come.
    ExerciseError
        nbgrader could not make a student version.

    Examples
    --------
    >>> prepare_exercises(["m01"])  # doctest: +SKIP
    [ExerciseCopy(module='m01', path=.../my_exercises/m01_org_as_network/..., action='created')]
    """
    from socialhrm.nbgrading import display_path

    echo = echo or (lambda msg: print(msg, flush=True))
    cat = catalogue or load_catalogue()
    done: list[ExerciseCopy] = []
    release = tempfile.TemporaryDirectory(prefix="socialhrm-release-")  # one for all modules
    try:
        _copy_modules(cat, _wanted(cat, modules), folder, fresh, lang, done, Path(release.name))
    finally:
        release.cleanup()
    for c in done:
        echo(f"  {c.module}: {display_path(c.path)}  ({_(ACTIONS[c.action])})")
    return done


def _copy_modules(cat: Catalogue, wanted: list[Module], folder: str | Path | None, fresh: bool,
                  lang: str | None, done: list[ExerciseCopy], course: Path) -> None:
    for m in wanted:
        language = _copy_language(m, lang)
        targets = learner_copies(m, folder, language)
        dest = targets[0].parent
        have = [t for t in targets if t.exists()]
        if have and not fresh:
            done += [ExerciseCopy(m.id, t, "kept") for t in have]
            if len(have) == len(targets):
                continue
        with tempfile.TemporaryDirectory(prefix="socialhrm-copy-") as tmp:
            made = student_version((cat.root / m.exercises_in(language)[0]).parent, tmp,
                                   course=course)
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            for nb in made:
                target = dest / nb.name
                if not target.exists():
                    action = "created"
                elif fresh:
                    action = "fresh"
                    target = dest / f"{nb.stem}_fresh_{stamp}{nb.suffix}"
                else:
                    continue  # already listed as kept
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(nb, target)
                done.append(ExerciseCopy(m.id, target, action))
