"""`socialhrm exercises`: a learner's own student copies, made by real nbgrader, never replaced."""

from __future__ import annotations

import json

import nbformat
import pytest

from socialhrm.course import exercises_dir, load_catalogue, main_exercises, prepare_exercises


def test_default_folder_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("SOCIALHRM_EXERCISES", str(tmp_path / "mine"))
    assert exercises_dir() == tmp_path / "mine"
    monkeypatch.delenv("SOCIALHRM_EXERCISES")
    assert exercises_dir().name == "my_exercises"


@pytest.mark.parametrize(("module", "phrase"), [
    ("m77", "There is no module 'm77'"),
    ("m99", "is still to come"),
])
def test_unknown_or_planned_module_is_a_message(module, phrase, tmp_path, capsys, monkeypatch,
                                                catalogue_with_planned):
    monkeypatch.setenv("SOCIALHRM_COURSE", str(catalogue_with_planned))
    assert main_exercises([module, "--dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert phrase in err and "Traceback" not in err
    assert not any(tmp_path.iterdir())


@pytest.mark.slow
def test_copies_are_student_versions_and_a_started_one_is_never_replaced(tmp_path, capsys):
    cat = load_catalogue()
    first = prepare_exercises(folder=tmp_path, echo=lambda _: None)
    expected = {(m.id, m.name) for m in cat.available()}
    assert {(c.module, c.path.parent.name) for c in first} == expected
    assert {c.action for c in first} == {"created"}

    for copy in first:
        nb = nbformat.read(copy.path, as_version=4)
        text = json.dumps(nb)
        # the student version: no solutions, no hidden tests, no model answer; the answer cells
        # are open for the learner and the self-checks are there
        assert "BEGIN SOLUTION" not in text and "BEGIN HIDDEN TESTS" not in text
        assert "hidden(" not in "".join(c.source for c in nb.cells if c.cell_type == "code"
                                         and "import" not in c.source)
        assert "Model answer" not in text
        assert any("raise NotImplementedError()" in c.source for c in nb.cells)
        assert any(c.source.startswith("check(") for c in nb.cells)

    # the learner starts working; running the command again keeps their work to the byte
    started = next(c for c in first if c.module == "m01")
    mine = started.path
    work = mine.read_text().replace("n_people = None", "n_people = 304  # my answer")
    mine.write_text(work)
    again = prepare_exercises(folder=tmp_path, echo=lambda _: None)
    assert {c.action for c in again} == {"kept"}
    assert mine.read_text() == work

    # --fresh: a new blank copy beside theirs, theirs untouched
    assert main_exercises([started.module, "--fresh", "--dir", str(tmp_path)]) == 0
    assert "yours is kept" in capsys.readouterr().out
    fresh = sorted(p for p in mine.parent.glob("*.ipynb") if p != mine)
    assert len(fresh) == 1 and "_fresh_" in fresh[0].name
    assert "n_people = 304" not in fresh[0].read_text()
    assert mine.read_text() == work

    # --quiet prints nothing when every copy is there
    assert main_exercises(["--quiet", "--dir", str(tmp_path)]) == 0
    assert capsys.readouterr().out == ""
