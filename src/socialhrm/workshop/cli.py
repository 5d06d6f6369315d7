"""The command line: ``socialhrm workshop init | release | collect | grade | ...``."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import traceback
from collections.abc import Callable

from socialhrm.i18n import LANGUAGES, _, ngettext, using_language
from socialhrm.nbgrading import display_path
from socialhrm.workshop.common import (
    DEFAULT_THRESHOLD,
    DEFAULT_TIMEOUT,
    KIT_MODULES,
    WorkshopError,
)
from socialhrm.workshop.klass import Workshop, init_class
from socialhrm.workshop.sandbox import DEFAULT_MEMORY_MB

__all__ = ["main"]


def _sandbox_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--no-sandbox", action="store_true",
                   help=_("grade WITHOUT isolation (only where no sandbox exists, for work you "
                          "trust): the students' code then runs as you and can read the "
                          "solutions, the gradebook and classmates' work, and change or delete "
                          "your files"))
    p.add_argument("--memory", type=int, metavar="MB",
                   help=_("memory a student's kernel may use (default {n} MB)").format(
                       n=DEFAULT_MEMORY_MB))


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true",
                        help=_("show nbgrader's log and full tracebacks"))
    parser = argparse.ArgumentParser(
        prog="socialhrm workshop", parents=[common],
        description=_("Run a class with nbgrader: init, release, collect, grade, feedback, export. "
                    "CLASS_DIR is a folder, or a bare name meaning workshops/NAME."),
        epilog=_("Try it: socialhrm workshop demo"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("init", parents=[common],
                       help=_("create a class folder and import students"),
                       description=_("Create a class folder (its own nbgrader config, gradebook "
                       "and "
                       "exchange) with a copy of the kit's modules, and import the class list. "
                       "Running it again adds new students and modules; nothing is removed."))
    p.add_argument("class_dir", metavar="CLASS_DIR")
    p.add_argument("--students", required=True, metavar="CSV",
                   help=_("class list: student_id (required), first_name, last_name, email"))
    p.add_argument("--modules", metavar="M1,M2",
                   help=_("modules to include (names or prefixes like m01); default: all"))
    p.add_argument("--source", metavar="DIR",
                   help=_("where the exercise modules are (default: {where})").format(
                       where=KIT_MODULES))
    p.add_argument("--timeout", type=int, default=DEFAULT_TIMEOUT, metavar="S",
                   help=_("seconds a cell may run when grading (default {n})").format(
                       n=DEFAULT_TIMEOUT))
    p.add_argument("--course-id", metavar="ID", help=_("nbgrader course id (default: folder name)"))
    p.add_argument("--lang", choices=sorted(LANGUAGES), metavar="LANG",
                   help=_("the class's language for feedback and messages: en or nl (default "
                          "en; kept in the class, change it by running init again)"))

    p = sub.add_parser("release", parents=[common], help=_("make the student version to hand out"),
                       description=_("Generate the student version of modules (nbgrader "
                       "generate_assignment) into CLASS_DIR/handout/MODULE/ and MODULE.zip."))
    p.add_argument("class_dir", metavar="CLASS_DIR")
    p.add_argument("modules", nargs="*", metavar="MODULE", help=_("default: all of the class's"))
    p.add_argument("--no-zip", action="store_true", help=_("do not write handout/MODULE.zip"))
    p.add_argument("--force", action="store_true", help=_("generate again even if up to date"))
    p.add_argument("--exchange", action="store_true",
                   help=_("also publish to the nbgrader exchange (JupyterHub Assignments panel)"))

    p = sub.add_parser("collect", parents=[common], help=_("take in returned notebooks"),
                       description=_("Put returned notebooks into nbgrader's submitted/ layout. "
                       "A file belongs to a student when its name is <student_id>.ipynb or starts "
                       "with <student_id>_ (or -, ., space), or when it is in a folder named by "
                       "the student id; case does not matter. Two files for one student: the "
                       "newest is taken. Unreadable, unmatched and unknown files are reported; "
                       "the others are collected. A graded submission is never replaced "
                       "unless --force."))
    p.add_argument("class_dir", metavar="CLASS_DIR")
    p.add_argument("module", metavar="MODULE")
    p.add_argument("source", metavar="FROM", help=_("a folder or a .zip of returned notebooks"))
    p.add_argument("--force", action="store_true",
                   help=_("replace submissions that were already graded"))

    p = sub.add_parser("grade", parents=[common], help=_("autograde the collected submissions"),
                       description=_("Autograde every new or changed submission, one student at a "
                       "time; a failure for one student does not stop the others."))
    p.add_argument("class_dir", metavar="CLASS_DIR")
    p.add_argument("module", metavar="MODULE")
    p.add_argument("--timeout", type=int, metavar="S",
                   help=_("seconds a single cell may run before it is stopped (default: the class "
                   "setting, see nbgrader_config.py)"))
    p.add_argument("--force", action="store_true", help=_("grade again even unchanged submissions"))
    p.add_argument("--student", action="append", metavar="ID",
                   help=_("only this student (repeatable)"))
    p.add_argument("--deleted-tests", choices=["zero", "run"], default="zero",
                   help=_("a test cell the student deleted is put back and scores 0 (zero, the "
                   "default) or is run like any other (run)"))
    _sandbox_options(p)

    p = sub.add_parser("feedback", parents=[common], help=_("one feedback HTML page per student"),
                       description=_("Write CLASS_DIR/feedback_html/MODULE/<student>.html for "
                       "every "
                       "graded student, with hidden tests removed (checked on every page)."))
    p.add_argument("class_dir", metavar="CLASS_DIR")
    p.add_argument("module", metavar="MODULE")
    p.add_argument("--force", action="store_true", help=_("write pages again"))

    p = sub.add_parser("export", parents=[common], help=_("grades CSV and per-question summary"),
                       description=_("Write exports/grades[_MODULE].csv (one row per student and "
                       "module) and exports/questions[_MODULE].csv (per question: mean share of "
                       "points, full marks, found hard), and print both."))
    p.add_argument("class_dir", metavar="CLASS_DIR")
    p.add_argument("module", nargs="?", metavar="MODULE", help=_("default: every released module"))
    p.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD, metavar="SHARE",
                   help=_("flag a question as found hard below this mean share of points "
                          "(default {n})").format(n=DEFAULT_THRESHOLD))
    p.add_argument("--csv", choices=["excel-nl", "plain"], default=None, dest="csv_style",
                   help=_("excel-nl: semicolons, decimal commas and a byte-order mark, as Dutch "
                          "Excel opens them (the default for a Dutch class); plain: commas"))

    p = sub.add_parser("status", parents=[common],
                       help=_("who submitted, was graded, got feedback"))
    p.add_argument("class_dir", metavar="CLASS_DIR")

    p = sub.add_parser("demo", parents=[common], help=_("a mock workshop for three students"),
                       description=_("init, release, simulated students, collect, grade, feedback "
                       "and export in a demo class folder; about a minute."))
    p.add_argument("--dir", metavar="D", help=_("class folder (default workshops/demo; replaced)"))
    p.add_argument("--lang", choices=sorted(LANGUAGES), metavar="LANG",
                   help=_("the demo class's language: en or nl"))
    _sandbox_options(p)
    p.add_argument("--timeout", type=int, default=10, metavar="S",
                   help=_("per-cell timeout while grading (default 10)"))
    p.add_argument("--source", metavar="DIR",
                   help=_("where the exercise modules are (default: {where})").format(
                       where=KIT_MODULES))

    p = sub.add_parser("restore", parents=[common], help=_("put a gradebook backup back"),
                       description=_("Copy a backup of the gradebook (CLASS_DIR/backups/, made "
                                     "before every grading run) back into place; the current "
                                     "gradebook is backed up first."))
    p.add_argument("class_dir", metavar="CLASS_DIR")
    p.add_argument("backup", nargs="?", metavar="BACKUP", help=_("default: the newest backup"))
    return parser


def _run(args: argparse.Namespace) -> int:
    echo: Callable[[str], None] = lambda msg: print(msg, flush=True)  # noqa: E731
    cmd = args.command
    if cmd == "init":
        modules = [m.strip() for m in args.modules.split(",") if m.strip()] if args.modules \
            else None
        with using_language(args.lang):
            ws = init_class(args.class_dir, args.students, modules, source=args.source,
                            timeout=args.timeout, course_id=args.course_id, debug=args.debug,
                            lang=args.lang)
        with using_language(ws.language):
            echo(_("Next: socialhrm workshop release {arg}").format(arg=ws.arg()))
        return 0
    if cmd == "demo":
        from socialhrm.workshop.demo import run_demo

        with using_language(args.lang):
            run_demo(args.dir, timeout=args.timeout, source=args.source, debug=args.debug,
                     sandbox=not args.no_sandbox, lang=args.lang)
        return 0
    ws = Workshop(args.class_dir, debug=args.debug)
    with using_language(ws.language):
        return _step(ws, args, echo)


def _step(ws: Workshop, args: argparse.Namespace, echo: Callable[[str], None]) -> int:
    cmd = args.command
    if cmd == "release":
        ws.release(args.modules or None, make_zip=not args.no_zip, force=args.force,
                   exchange=args.exchange)
        return 0
    if cmd == "collect":
        from socialhrm.workshop.collect import print_collect

        module = ws.module(args.module)
        echo(_("Collecting {module} from {source}").format(module=module, source=args.source))
        report = ws.collect(module, args.source, force=args.force)
        print_collect(report, echo)
        if report.collected:
            echo(_("Next: socialhrm workshop grade {arg} {module}").format(arg=ws.arg(),
                                                                            module=module))
        return 1 if report.problems else 0
    if cmd == "grade":
        report = ws.grade(args.module, timeout=args.timeout, force=args.force,
                          students=args.student, deleted_tests=args.deleted_tests,
                          sandbox=not args.no_sandbox, memory_mb=args.memory)
        done = [r for r in report.results if r.ok]
        echo(_("Graded {graded}, skipped {skipped} (unchanged), failed {failed}.").format(
            graded=len(done), skipped=len(report.skipped), failed=len(report.failed)))
        if report.failed:
            echo(_("Not graded: {who}").format(who="; ".join(
                f"{r.student_id}: {r.error}" for r in report.failed)))
        return 1 if report.failed else 0
    if cmd == "feedback":
        report = ws.feedback(args.module, force=args.force)
        for problem in report.problems:
            echo(f"  - {problem}")
        if report.written:
            echo(ngettext("{n} feedback page in {folder}; send each student theirs.",
                          "{n} feedback pages in {folder}; send each student theirs.",
                          len(report.written)).format(
                n=len(report.written),
                folder=ws.path("feedback_html", ws.module(args.module))))
        return 1 if report.problems else 0
    if cmd == "export":
        from socialhrm.workshop.exports import print_export

        print_export(ws, args.module, args.threshold, echo, args.csv_style)
        return 0
    if cmd == "status":
        from socialhrm.workshop.exports import table

        echo(_("Class {course} in {root}").format(course=ws.course_id, root=ws.root))
        echo(table(ws.status().reset_index()))
        return 0
    if cmd == "restore":
        used = ws.restore_gradebook(args.backup)
        echo(_("Restored the gradebook from {backup}").format(backup=display_path(used)))
        return 0
    raise WorkshopError(_("unknown command {cmd!r}").format(cmd=cmd))  # pragma: no cover


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
        print(_("socialhrm workshop {command}: {problem}").format(command=args.command,
                                                                  problem=exc),
              file=sys.stderr, flush=True)
        return 2
    except BrokenPipeError:  # e.g. `socialhrm workshop export X | head`
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print(_("Stopped. Everything finished so far is kept; run the step again to continue."),
              file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the trainer sees a message, not a traceback
        if args.debug:
            traceback.print_exc()
        hint = "" if args.debug else " " + _("(run again with --debug to see the details)")
        print(_("socialhrm workshop {command}: unexpected error: {error}").format(
            command=args.command, error=f"{type(exc).__name__}: {exc}") + hint,
            file=sys.stderr, flush=True)
        return 3
