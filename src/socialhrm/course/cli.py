"""The course's commands: ``socialhrm course``, ``socialhrm progress``, ``socialhrm exercises``.

Every text they print goes through the translation layer (``SOCIALHRM_LANG=nl`` for Dutch).

Examples
--------
>>> main_course(["--json"])  # doctest: +SKIP
0
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from socialhrm.course.catalogue import Catalogue, CourseError, Module, load_catalogue, shown
from socialhrm.course.copies import (
    ENV_EXERCISES,
    FOLDER_NAME,
    ExerciseError,
    learner_copies,
    prepare_exercises,
)
from socialhrm.course.coursemap import course_map
from socialhrm.course.progress import ENV_HOME, progress_path, reset_progress
from socialhrm.course.report import next_module, progress_table
from socialhrm.i18n import LANGUAGES, _

__all__ = ["main_course", "main_exercises", "main_progress"]


def _copies_text(m: Module, cat: Catalogue) -> str:
    """The learner's own copies of a module's exercise, as they would type the path."""
    from socialhrm.nbgrading import display_path
    from socialhrm.paths import CourseNotFoundError

    try:
        copies = learner_copies(m)
    except CourseNotFoundError:  # a catalogue outside any checkout: its own my_exercises/
        copies = learner_copies(m, (cat.root or Path.cwd()) / FOLDER_NAME)
    shown_paths = ", ".join(display_path(p) for p in copies)
    if all(p.exists() for p in copies):
        return _("{paths} (your own copy)").format(paths=shown_paths)
    return _("{paths} (your own copy; `socialhrm exercises` makes it)").format(paths=shown_paths)


def _module_text(m: Module, cat: Catalogue) -> str:
    status = (_("available") if m.available else _("planned (still to come)"))
    lines = [_("{id}  {title}  [{status}, about {minutes} min]").format(
                 id=m.id, title=shown(m.title), status=status, minutes=m.minutes),
             "     " + _("role: {role}; areas: {areas}").format(
                 role=shown(cat.roles[m.role].label),
                 areas=", ".join(shown(cat.areas[a].label) for a in m.areas))]
    if m.prerequisites:
        lines.append("     " + _("first do: {modules}").format(modules=", ".join(m.prerequisites)))
    if m.available:
        lines.append("     " + _("lesson: {files}").format(files=", ".join(m.lessons_in())))
        lines.append("     " + _("exercise: {files}").format(files=_copies_text(m, cat)))
    lines += [f"     - {shown(o)}" for o in m.objectives]
    return "\n".join(lines)


def _parser(prog: str, description: str) -> argparse.ArgumentParser:
    return argparse.ArgumentParser(prog=prog, description=description)


def main_course(argv: list[str] | None = None) -> int:
    """``socialhrm course``: print the course catalogue and map.

    Parameters
    ----------
    argv
        Command-line arguments: ``--json`` prints the catalogue as JSON instead (the files as
        the catalogue names them: the instructor versions); ``--catalogue PATH`` reads another
        course.yml.

    Returns
    -------
    int
        0, or 1 when the catalogue has problems (printed on stderr).

    Examples
    --------
    >>> main_course([])  # doctest: +SKIP
    """
    parser = _parser("socialhrm course", _("Print the course catalogue and course map."))
    parser.add_argument("--json", action="store_true", help=_("print the catalogue as JSON"))
    parser.add_argument("--catalogue", metavar="PATH", help=_("another course.yml"))
    args = parser.parse_args(argv)
    try:
        cat = load_catalogue(args.catalogue)
    except CourseError as exc:
        print(f"socialhrm course: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps({"course": cat.course,
                          "roles": [asdict(r) for r in cat.roles.values()],
                          "areas": [asdict(a) for a in cat.areas.values()],
                          "modules": [asdict(m) for m in cat.modules]}, indent=2))
        return 0
    ready = len(cat.available())
    print(_("{course}: {n} modules, {ready} available, {coming} still to come.").format(
        course=shown(cat.course), n=len(cat.modules), ready=ready,
        coming=len(cat.modules) - ready) + "\n")
    for m in cat.modules:
        print(_module_text(m, cat))
        print()
    print(course_map(cat).to_text())
    print("\n" + _("Start with notebooks/00_start_here.ipynb; `socialhrm progress` shows how far "
                   "you are."))
    return 0


def _when(stamp: Any) -> str:
    if not isinstance(stamp, str) or not stamp:  # None, or NaN from a pandas column
        return "-"
    try:
        return dt.datetime.fromisoformat(stamp).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return str(stamp)


def _confirmed(path: Path, ask: Callable[[str], str] | None) -> bool:
    """Ask the learner (only at a terminal) whether to delete their progress."""
    if ask is None:
        if not sys.stdin or not sys.stdin.isatty():
            return False
        ask = input
    try:
        answer = ask(_("Delete your progress in {path}? Type yes to confirm: ").format(path=path))
    except EOFError:
        return False
    return answer.strip().lower() in {"y", "yes", _("yes").lower()}


def _reset(path: Path, yes: bool, ask: Callable[[str], str] | None) -> int:
    if not path.is_file():
        print(_("There was no progress to delete ({path}).").format(path=path))
        return 0
    if not yes and not _confirmed(path, ask):
        print(_("Nothing was changed: your progress in {path} is kept.\n  To delete it without "
                "being asked: socialhrm progress --reset --yes").format(path=path),
              file=sys.stderr)
        return 1
    reset_progress()
    print(_("Your progress was deleted ({path}). Your copies of the exercises in {folder}/ are "
            "kept.").format(path=path, folder=FOLDER_NAME))
    return 0


def _progress_lines(cat: Catalogue) -> list[str]:
    table = progress_table(cat)
    heads = (_("module"), _("exercise"), _("lesson tries"), _("last activity"), _("title"))
    w = [max(n, len(h) + 2) for n, h in zip((7, 11, 14, 18), heads, strict=False)]
    lines = [f"  {heads[0]:<{w[0]}}{heads[1]:<{w[1]}}{heads[2]:<{w[2]}}{heads[3]:<{w[3]}}"
             f"{heads[4]}"]
    for mid, row in table.iterrows():
        if row["status"] != "available":
            exercise, tries = _("planned"), ""
        else:
            exercise = f"{row['passed']}/{row['total']}" + (" " + _("done") if row["done"] else "")
            tries = f"{row['tries_passed']}/{row['tries']}" if row["tries"] else "-"
        lines.append(f"  {mid:<{w[0]}}{exercise:<{w[1]}}{tries:<{w[2]}}"
                     f"{_when(row['last_activity']):<{w[3]}}{row['title']}")
    lines.append("")
    nxt = next_module(table, cat)
    if nxt is None:
        coming = [m.id for m in cat.modules if not m.available]
        lines.append(_("You have done every available module. Well done!") + (
            " " + _("Still to come: {modules}.").format(modules=", ".join(coming))
            if coming else ""))
        return lines
    row = table.loc[nxt.id]
    text = (_("Continue with {id} '{title}': lesson {lessons}, then your copy of the exercise, "
              "{copy}.") if row["passed"] or row["tries_passed"] else
            _("Next: start {id} '{title}': lesson {lessons}, then your copy of the exercise, "
              "{copy}."))
    lines.append(text.format(id=nxt.id, title=shown(nxt.title), lessons=", ".join(nxt.lessons_in()),
                             copy=_copies_text(nxt, cat)))
    lines.append(_("In the exercise, run check(\"q1\") (and so on) after each answer."))
    return lines


def main_progress(argv: list[str] | None = None, *,
                  ask: Callable[[str], str] | None = None) -> int:
    """``socialhrm progress``: your own progress through the course.

    Parameters
    ----------
    argv
        ``--reset`` forgets your progress after asking you to confirm (at a terminal);
        ``--reset --yes`` without asking (for scripts); ``--json`` prints the table as JSON.
    ask
        How to ask for confirmation (default: ``input`` when at a terminal, else no).

    Returns
    -------
    int
        0; 1 when a reset is not confirmed or the catalogue has problems.

    Examples
    --------
    >>> main_progress([])  # doctest: +SKIP
    """
    parser = _parser("socialhrm progress", _(
        "Show your progress (kept in {path}; set {env} to keep it elsewhere).").format(
            path=progress_path(), env=ENV_HOME))
    parser.add_argument("--reset", action="store_true",
                        help=_("forget all your progress (asks first)"))
    parser.add_argument("--yes", action="store_true", help=_("with --reset: do not ask"))
    parser.add_argument("--json", action="store_true", help=_("print the table as JSON"))
    args = parser.parse_args(argv)
    path = progress_path()
    if args.reset:
        return _reset(path, args.yes, ask)
    try:
        cat = load_catalogue()
    except CourseError as exc:
        print(f"socialhrm progress: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(progress_table(cat).reset_index().to_json(orient="records", indent=1))
        return 0
    print(_("Your progress in {course} (kept on this computer in {path})").format(
        course=shown(cat.course), path=path) + "\n")
    print("\n".join(_progress_lines(cat)))
    return 0


def main_exercises(argv: list[str] | None = None) -> int:
    """``socialhrm exercises``: your own copies of the exercises.

    Parameters
    ----------
    argv
        Module ids (default: every available one); ``--fresh`` for a new blank copy beside
        yours; ``--dir DIR`` for another folder; ``--lang nl|en`` for the exercises in that
        language (default: the learner's language); ``--quiet`` prints only what was made.

    Returns
    -------
    int
        0, 2 for an unknown module, 1 when nbgrader fails.

    Examples
    --------
    >>> main_exercises(["m01"])  # doctest: +SKIP
    """
    parser = _parser("socialhrm exercises", _(
        "Make your own copy (the student version) of each exercise, to work on without a "
        "trainer. A copy you already have is never replaced."))
    parser.add_argument("modules", nargs="*", metavar="MODULE",
                        help=_("e.g. m01 (default: all)"))
    parser.add_argument("--fresh", action="store_true",
                        help=_("also make a new blank copy beside yours (yours is kept)"))
    parser.add_argument("--dir", metavar="DIR", help=_(
        "where the copies go (default: {folder}/ in the course folder, or ${env})").format(
            folder=FOLDER_NAME, env=ENV_EXERCISES))
    parser.add_argument("--quiet", action="store_true",
                        help=_("say nothing when all copies exist"))
    parser.add_argument("--lang", choices=sorted(LANGUAGES), help=_(
        "the language of the exercises (default: SOCIALHRM_LANG, else the system's language); "
        "a module without a translation gives the English one"))
    args = parser.parse_args(argv)
    lines: list[str] = []
    try:
        copies = prepare_exercises(args.modules, fresh=args.fresh, folder=args.dir,
                                   echo=lines.append, lang=args.lang)
    except CourseError as exc:
        print(f"socialhrm exercises: {exc}", file=sys.stderr)
        return 2
    except (ExerciseError, FileNotFoundError) as exc:
        print(f"socialhrm exercises: {exc}", file=sys.stderr)
        return 1
    if args.quiet and all(c.action == "kept" for c in copies):
        return 0
    print(_("Your exercises (the student versions; open them in JupyterLab):"))
    print("\n".join(lines))
    print(_("In each one, run check(\"q1\") and so on after your answers; `socialhrm progress` "
            "shows how far you are."))
    return 0
