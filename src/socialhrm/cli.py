"""The ``socialhrm`` command line: one entry point, one sub-command per job.

Each sub-command lives in its own module and is imported only when used, so
``socialhrm course`` stays fast and a missing optional part never breaks the rest.
"""

from __future__ import annotations

import importlib
import os
import sys

from socialhrm.i18n import N_, _

#: sub-command -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "course": ("socialhrm.course.cli", N_("print the course catalogue (roles x areas, modules)")),
    "exercises": ("socialhrm.course.cli", N_("your own copies of the exercises, to do alone")),
    "progress": ("socialhrm.course.cli", N_("show your own progress through the course")),
    "workshop": ("socialhrm.workshop", "run a class with nbgrader: release, grade, ..."),
    "dashboards": ("socialhrm.dashboards", "serve the dashboards with Voila"),
    "report": ("socialhrm.report", "write a standalone HTML report of a network"),
}


def _usage() -> str:
    lines = [_("usage: socialhrm <command> [options]"), "", _("commands:")]
    lines += [f"  {name:<11} {_(help_)}" for name, (_module, help_) in COMMANDS.items()]
    lines += ["", _("Run 'socialhrm <command> --help' for a command's options.")]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Dispatch ``socialhrm <command> ...`` to the module that implements it.

    Parameters
    ----------
    argv
        The arguments after the program name; ``sys.argv[1:]`` when omitted.

    Returns
    -------
    int
        The process exit code.

    Examples
    --------
    >>> main(["--help"])  # doctest: +SKIP
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in {"-h", "--help", "help"}:
        def entry(_rest: list[str]) -> int:
            print(_usage())
            return 0
    elif argv[0] not in COMMANDS:
        print(_("socialhrm: unknown command {name}.").format(name=repr(argv[0])) + "\n\n"
              + _usage(), file=sys.stderr)
        return 2
    else:
        module = importlib.import_module(COMMANDS[argv[0]][0])
        entry = getattr(module, f"main_{argv[0]}", None) or module.main
    try:
        return int(entry(argv[1:]) or 0)
    except BrokenPipeError:  # e.g. `socialhrm course | head`: the reader has gone, not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so that Python's final flush does not fail
        return 0
    except KeyboardInterrupt:
        print("\n" + _("socialhrm: stopped (Ctrl-C)."), file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
