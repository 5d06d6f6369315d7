"""``socialhrm workshop demo``: a mock workshop for three simulated students, end to end."""

from __future__ import annotations

import json
import shutil
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from socialhrm.i18n import N_, _
from socialhrm.workshop.collect import print_collect
from socialhrm.workshop.common import (
    DEFAULT_PARENT,
    DEFAULT_THRESHOLD,
    STATE_NAME,
    WorkshopError,
    kit_modules,
    list_modules,
    resolve_class_dir,
)
from socialhrm.workshop.klass import Workshop, init_class
from socialhrm.workshop.roster import Student, write_roster
from socialhrm.workshop.simulate import first_answer_variable, simulate_student

__all__ = ["DEMO_REFLECTION", "DEMO_STUDENTS", "run_demo"]

DEMO_REFLECTION = ("Brokers connect groups that do not talk to each other; HR should make sure "
                   "they are not overloaded and not the only bridge.")
DEMO_STUDENTS = [
    ("ada", "Ada", "de Vries", N_("correct: the solution in every answer, and a reflection")),
    ("ben", "Ben", "Jansen", N_("partly wrong: density = 0.5 (right form, wrong value)")),
    ("cas", "Cas", "Bakker", N_("did nothing, except an endless loop in the first answer")),
]


def _fresh_root(directory: str | Path | None) -> Path:
    root = resolve_class_dir(directory) if directory else DEFAULT_PARENT / "demo"
    if root.exists():
        state = root / STATE_NAME
        if not (state.is_file() and json.loads(state.read_text(encoding="utf-8")).get("demo")):
            if any(root.iterdir()):
                raise WorkshopError(_("{root} exists and is not a demo class; choose another "
                                      "--dir (the demo replaces its folder)").format(root=root))
        shutil.rmtree(root)
    return root


def run_demo(directory: str | Path | None = None, *, timeout: int = 10,
             source: str | Path | None = None, echo: Callable[[str], None] | None = None,
             debug: bool = False, sandbox: bool = True, lang: str | None = None) -> Workshop:
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
    sandbox
        Grade in the sandbox (``False`` only where no sandbox exists; see ``grade``).
    lang
        The demo class's language.

    Examples
    --------
    >>> run_demo("workshops/demo")  # doctest: +SKIP
    """
    from socialhrm.workshop.exports import print_export

    echo = echo or (lambda msg: print(msg, flush=True))
    root = _fresh_root(directory)
    kit = Path(source) if source else kit_modules()
    available = list_modules(kit)
    if not available:
        raise WorkshopError(_("no exercise modules in {kit}; use --source to point at "
                              "them").format(kit=kit))
    module = "m01_org_as_network" if "m01_org_as_network" in available else available[0]
    start = time.monotonic()

    def step(n: int, text: str) -> None:
        echo(f"\n== {n}/7 {text}  [{time.monotonic() - start:.0f} s]")

    with tempfile.TemporaryDirectory(prefix="socialhrm-demo-") as tmp:
        tmpdir = Path(tmp)
        csv_path = tmpdir / "students.csv"
        write_roster(csv_path, [Student(s, f, last) for s, f, last, _w in DEMO_STUDENTS])
        names = ", ".join(s for s, *_rest in DEMO_STUDENTS)
        step(1, _("init: a class folder for three students ({names})").format(names=names))
        ws = init_class(root, csv_path, [module], source=kit, timeout=timeout, echo=echo,
                        debug=debug, demo=True, course_id="demo", lang=lang)
        step(2, _("release: the student version of {module}").format(module=module))
        ws.release([module])
        step(3, _("the students work and send their notebooks back (simulated)"))
        nb_name = ws.notebook_names(module)[0]
        src = ws.path("source", module, f"{nb_name}.ipynb")
        rel = ws.path("release", module, f"{nb_name}.ipynb")
        import nbformat

        simulated = {
            "ada": simulate_student(src, rel, reflection=DEMO_REFLECTION),
            "ben": simulate_student(src, rel, set_values={"density": 0.5}),
            "cas": simulate_student(src, rel, answers="blank",
                                    loop_before=first_answer_variable(src)),
        }
        archive = tmpdir / "returned.zip"
        with zipfile.ZipFile(archive, "w") as zf:
            for sid, nb in simulated.items():
                zf.writestr(f"{sid}_{nb_name}.ipynb", nbformat.writes(nb))
        for sid, _f, _l, what in DEMO_STUDENTS:
            echo(f"  {sid}: {_(what)}")
        echo(_("  returned: {archive} with {files}").format(archive=archive.name,
                                                            files=", ".join(zf.namelist())))
        step(4, _("collect: match the returned files to students"))
        print_collect(ws.collect(module, archive), echo)
    step(5, _("grade: autograde every submission (cells stopped after {seconds} s)").format(
        seconds=timeout))
    ws.grade(module, timeout=timeout, sandbox=sandbox)
    step(6, _("feedback: one HTML page per student, hidden tests removed"))
    fb = ws.feedback(module)
    for problem in fb.problems:
        echo(f"  - {problem}")
    step(7, _("export: grades and the per-question summary"))
    print_export(ws, module, DEFAULT_THRESHOLD, echo)
    echo("\n" + _("Done in {seconds} s. The class folder is {root}; feedback pages are in "
                  "{pages}.").format(seconds=f"{time.monotonic() - start:.0f}", root=root,
                                     pages=root / "feedback_html" / module))
    return ws
