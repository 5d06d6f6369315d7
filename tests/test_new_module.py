"""A new course module is four files found by convention (CONTRIBUTING.md, "Adding a course
module"): a catalogue entry, a lesson, an exercise folder and a checks file.

The test builds a throw-away module m97 in a temporary course folder exactly as CONTRIBUTING
says — the catalogue entry names no files — and checks that the catalogue, ``check()``,
``hidden()``, the progress table, ``socialhrm course`` and the learner's copy all find it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import nbformat
import pytest
import yaml

import socialhrm.checks
from socialhrm.course import (
    conventional_files,
    learner_copies,
    load_catalogue,
    load_progress,
    main_course,
    prepare_exercises,
    progress_table,
    registry,
)

MID, NAME = "m97", "m97_throwaway"

CHECKS = '''\
"""Self-checks of module 97, a throw-away module made by a test."""

from typing import Any

from socialhrm.checks import NotYet, question
from socialhrm.checks.answers import count
from socialhrm.i18n import N_, _

EXPECTED = 7  # a real module computes this from the bundled data


@question("m97", "q1", ["n_things"], N_("how many things there are"))
def _q1(n_things: Any) -> str:
    x = count("n_things", n_things)
    if x == EXPECTED:
        return _("Right.")
    if x == EXPECTED - 1:
        raise NotYet(_("One short: did you start counting at 0?"))
    raise NotYet(_("Not yet: count the things."))


@question("m97", "t1", ["tiny"], N_("a try in the lesson"), graded=False)
def _t1(tiny: Any) -> str:
    if count("tiny", tiny) != 2:
        raise NotYet(_("Not yet."))
    return _("Right.")
'''


def _nbgrader(cell, grade_id: str, *, grade: bool = False, solution: bool = False,
              locked: bool = False, points: int | None = None):
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3,
            "solution": solution, "task": False}
    if points is not None:
        meta["points"] = points
    cell.metadata["nbgrader"] = meta
    return cell


def _save(path: Path, cells) -> None:
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata.kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))


def build_module(root: Path) -> None:
    """The four steps of CONTRIBUTING.md, in a course folder of its own."""
    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    # 1. the catalogue entry: no lessons/exercises listed, the convention finds them
    (root / "modules").mkdir(parents=True)
    (root / "modules" / "course.yml").write_text(yaml.safe_dump({
        "course": "Throw-away course",
        "roles": [{"id": "user", "label": "HR as user"}],
        "areas": [{"id": "recruitment", "label": "Recruitment"}],
        "modules": [{"id": MID, "name": NAME, "title": "Counting things", "status": "available",
                     "role": "user", "areas": ["recruitment"], "minutes": 10,
                     "prerequisites": [], "objectives": ["Count things"]}],
    }, sort_keys=False), encoding="utf-8")
    # 2. the lesson: notebooks/NN_words.ipynb, a try with `...` and check("t1")
    _save(root / "notebooks" / "97_throwaway.ipynb", [
        md("# Counting things"), code("from socialhrm.checks import check\nMODULE = 'm97'"),
        code("tiny = ...\ncheck('t1')")])
    # 3. the self-checks: src/socialhrm/checks/mNN.py of the course checkout
    checks = root / "src" / "socialhrm" / "checks"
    checks.mkdir(parents=True)
    (checks / f"{MID}.py").write_text(CHECKS, encoding="utf-8")
    # 4. the exercise: modules/mNN_words/mNN_words.ipynb, nbgrader source with solutions
    _save(root / "modules" / NAME / f"{NAME}.ipynb", [
        md("# Module 97 exercise (2 points)"),
        _nbgrader(code("from socialhrm.checks import check, hidden\nMODULE = 'm97'"), "setup",
                  locked=True),
        md("## Question 1 — How many? (2 points)"),
        _nbgrader(code("n_things = None\n### BEGIN SOLUTION\nn_things = 7\n### END SOLUTION"),
                  "q1_answer", solution=True),
        code('check("q1")'),
        _nbgrader(code('"""q1: a whole number (form); hidden tests check the value."""\n'
                       'assert isinstance(n_things, int), "form check only: a whole number"\n'
                       '### BEGIN HIDDEN TESTS\nhidden("m97", "q1", n_things)\n'
                       '### END HIDDEN TESTS'), "q1_test", grade=True, locked=True, points=2),
    ])


@pytest.fixture
def new_course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "course"
    build_module(root)
    monkeypatch.setenv("SOCIALHRM_COURSE_DIR", str(root))
    monkeypatch.delenv("SOCIALHRM_COURSE", raising=False)
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    monkeypatch.setenv("SOCIALHRM_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("SOCIALHRM_EXERCISES", str(tmp_path / "mine"))
    # whatever the test adds to the search path and the registry goes again afterwards
    monkeypatch.setattr(socialhrm.checks, "__path__", list(socialhrm.checks.__path__))
    yield root
    registry.REGISTRY.pop(MID, None)
    sys.modules.pop(f"socialhrm.checks.{MID}", None)


def test_the_catalogue_finds_the_lesson_and_exercise_by_convention(new_course):
    cat = load_catalogue()
    assert cat.root == new_course.resolve()
    m = cat.module(MID)
    lesson, exercise = conventional_files(MID, NAME)
    assert m.available and m.lessons == (lesson,) and m.exercises == (exercise,)
    assert lesson == "notebooks/97_throwaway.ipynb"
    assert exercise == f"modules/{NAME}/{NAME}.ipynb"
    assert m.checks == "socialhrm.checks.m97"


def test_a_missing_conventional_file_is_named(new_course):
    (new_course / "notebooks" / "97_throwaway.ipynb").unlink()
    with pytest.raises(ValueError, match="notebooks/97_throwaway.ipynb, which does not exist"):
        load_catalogue()


def test_check_finds_the_new_checks_file(new_course, capsys):
    assert [q.qid for q in registry.questions(MID)] == ["q1", "t1"]
    from socialhrm.checks import check, evaluate, hidden

    assert evaluate("q1", module=MID, n_things=7).passed
    assert "start counting at 0" in evaluate("q1", module=MID, n_things=6).message
    MODULE = MID  # noqa: F841 - check() reads it from the notebook, as in the exercise
    n_things = 7  # noqa: F841
    check("q1")
    assert capsys.readouterr().out.startswith("✔ q1 (how many things there are)")
    assert load_progress()["modules"][MID]["questions"]["q1"]["passed"] is True
    hidden(MID, "q1", 7)
    with pytest.raises(AssertionError, match="not yet correct"):
        hidden(MID, "q1", 6)
    row = progress_table().loc[MID]
    assert (row["passed"], row["total"], row["tries"], bool(row["done"])) == (1, 1, 1, True)


def test_socialhrm_course_shows_the_module_and_the_learners_copy(new_course, capsys):
    assert main_course([]) == 0
    out = capsys.readouterr().out
    assert "m97  Counting things" in out and "lesson: notebooks/97_throwaway.ipynb" in out
    (mine,) = learner_copies(load_catalogue().module(MID))
    assert str(mine) in out and f"modules/{NAME}" not in out
    data = json.loads((main_course(["--json"]), capsys.readouterr().out)[1])
    assert data["modules"][0]["exercises"] == [f"modules/{NAME}/{NAME}.ipynb"]


@pytest.mark.slow
def test_the_learner_copy_is_made_for_the_new_module(new_course):
    (made,) = prepare_exercises([MID], echo=lambda _: None)
    assert made.action == "created" and made.path == learner_copies(
        load_catalogue().module(MID))[0]
    text = made.path.read_text(encoding="utf-8")
    assert "BEGIN SOLUTION" not in text and "n_things = 7" not in text
    assert "hidden(" not in text and 'check(\\"q1\\")' in text
