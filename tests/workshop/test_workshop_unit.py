"""Fast tests of the workshop tool: class lists, file matching, hidden-test scrubbing, messages.

No nbgrader run here (see test_workshop_roundtrip.py for the real thing).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import nbformat
import pytest
from _workshop_helpers import REPO, run_cli

from socialhrm.workshop import (
    HIDDEN_FAILED_MESSAGE,
    WorkshopError,
    check_notebook,
    find_leaks,
    hidden_test_lines,
    match_file,
    read_students,
    resolve_class_dir,
    run_demo,
    scrub_hidden_tests,
)

# ---- the class list


def test_read_students_accepts_excel_style_csv(tmp_path):
    path = tmp_path / "klas.csv"
    path.write_text("\ufeffStudent ID;First name;Last name;Email\nann;Ann;Smit;a@x.nl\n\n"
                    "bob-2;Bob;;\n", encoding="utf-8")
    students = read_students(path)
    assert [s.student_id for s in students] == ["ann", "bob-2"]
    assert students[0].email == "a@x.nl" and students[1].last_name is None


def test_read_students_missing_column(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("id,name\n1,Ann\n")
    with pytest.raises(WorkshopError, match=r"line 1: no 'student_id' column \(found: id, name\)"):
        read_students(path)


def test_read_students_reports_every_bad_row(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("student_id,first_name\nann,A\nAnn,B\nAnn Smith,C\n,D\n../x,E\nok,F\n")
    with pytest.raises(WorkshopError) as err:
        read_students(path)
    msg = str(err.value)
    assert "lines 2 and 3: student id 'Ann' appears twice" in msg
    assert "line 4: student id 'Ann Smith' cannot be used as a folder name" in msg
    assert "(e.g. ann_smith)" in msg
    assert "line 5: student_id is empty" in msg
    assert "line 6: student id '../x'" in msg


def test_read_students_empty_or_missing(tmp_path):
    with pytest.raises(WorkshopError, match="does not exist"):
        read_students(tmp_path / "nope.csv")
    (tmp_path / "h.csv").write_text("student_id\n")
    with pytest.raises(WorkshopError, match="lists no students"):
        read_students(tmp_path / "h.csv")


# ---- matching returned files to students

ROSTER = ["ann", "ann_b", "Bob", "carl"]
GENERIC = ["m01_org_as_network", "m01"]


@pytest.mark.parametrize(("name", "kind", "student"), [
    ("ann.ipynb", "matched", "ann"),
    ("ann_m01_org_as_network.ipynb", "matched", "ann"),
    ("ANN - module 1.ipynb", "matched", "ann"),
    ("ann_b_m01.ipynb", "matched", "ann_b"),          # the longest id wins
    ("bob.v2.ipynb", "matched", "Bob"),
    ("carl/anything.ipynb", "matched", "carl"),       # a folder named by the id
    ("annie.ipynb", "unknown", None),                  # 'annie' is not 'ann'
    ("zed_m01.ipynb", "unknown", None),
    ("zed/m01.ipynb", "unknown", None),
    ("Untitled1.ipynb", "unmatched", None),
    ("m01_org_as_network.ipynb", "unmatched", None),  # the handout's name, not renamed
    ("Ann's work.ipynb", "unmatched", None),
])
def test_match_file(name, kind, student):
    match = match_file(name, ROSTER, GENERIC)
    assert (match.kind, match.student_id) == (kind, student)


def test_check_notebook_reasons(tmp_path):
    good = tmp_path / "good.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")]), good)
    assert check_notebook(good) is None
    cases = {"empty.ipynb": b"", "json.ipynb": b'{"a": 1}', "bin.ipynb": b"\xff\xfe\x00\x81",
             "cut.ipynb": good.read_bytes()[:40]}
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
    assert "empty" in check_notebook(tmp_path / "empty.ipynb")
    assert "not a Jupyter notebook" in check_notebook(tmp_path / "json.ipynb")
    assert "not a text file" in check_notebook(tmp_path / "bin.ipynb")
    assert "not valid notebook JSON" in check_notebook(tmp_path / "cut.ipynb")


# ---- hidden tests never reach feedback

TEST_CELL = ('"""q2: density is a float."""\n'
             "assert isinstance(density, float)\n"
             "### BEGIN HIDDEN TESTS\n"
             'hidden("m01", "q2", density)\n'
             "assert abs(density - 0.0345) < 1e-6\n"
             "### END HIDDEN TESTS")


def _graded_nb(traceback_lines, *, stream=None):
    cell = nbformat.v4.new_code_cell(TEST_CELL)
    cell.outputs = [nbformat.v4.new_output("error", ename="AssertionError", evalue="",
                                           traceback=traceback_lines)]
    if stream:
        cell.outputs.append(nbformat.v4.new_output("stream", name="stdout", text=stream))
    return nbformat.v4.new_notebook(cells=[cell])


def test_scrub_replaces_a_failing_hidden_line():
    tb = ["\x1b[0;31mAssertionError\x1b[0m  Traceback (most recent call last)",
          "Cell \x1b[0;32mIn[5], line 4\x1b[0m",
          "      2 assert isinstance(density, float)",
          "      3 ### BEGIN HIDDEN TESTS",
          '\x1b[0;32m----> 4\x1b[0m hidden("m01", "q2", density)',
          "      5 assert abs(density - 0.0345) < 1e-6"]
    nb = _graded_nb(tb, stream="expected 0.0345\nassert abs(density - 0.0345) < 1e-6\n")
    assert scrub_hidden_tests(nb) == 2
    cell = nb.cells[0]
    assert "HIDDEN" not in cell.source and "0.0345" not in cell.source
    assert "assert isinstance(density, float)" in cell.source
    error, stream = cell.outputs
    assert error.traceback == [HIDDEN_FAILED_MESSAGE]
    assert "0.0345" not in stream.text
    assert not find_leaks(nbformat.writes(nb), ['hidden("m01", "q2", density)',
                                               "assert abs(density - 0.0345) < 1e-6"])


def test_scrub_keeps_a_failing_visible_line_but_not_the_context():
    tb = ["AssertionError   Traceback (most recent call last)",
          "Cell In[5], line 2",
          "      1 \"\"\"q2: density is a float.\"\"\"",
          "----> 2 assert isinstance(density, float)",
          "      3 ### BEGIN HIDDEN TESTS",
          '      4 hidden("m01", "q2", density)']
    nb = _graded_nb(tb)
    assert scrub_hidden_tests(nb) == 1
    out = nb.cells[0].outputs[0]
    assert out.traceback == ["A test did not pass:", "    assert isinstance(density, float)",
                             "AssertionError: "]


def test_hidden_test_lines_leave_out_what_students_see(tmp_path):
    src = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(TEST_CELL + "\n")])
    src.cells[0].source = src.cells[0].source.replace(
        "### END", "assert isinstance(density, float)\npass\n### END")
    lines = hidden_test_lines(src)
    assert lines == ['hidden("m01", "q2", density)', "assert abs(density - 0.0345) < 1e-6"]


# ---- the command line


def test_resolve_class_dir():
    assert resolve_class_dir("spring") == Path("workshops/spring")
    assert resolve_class_dir("./spring") == Path("spring")
    assert resolve_class_dir(Path("spring")) == Path("spring")


def test_errors_are_messages_not_tracebacks(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, text = run_cli("grade", "spring", "m01")
    assert code == 2
    assert "workshops/spring is not a workshop class folder" in text
    assert "socialhrm workshop init spring --students students.csv" in text
    assert "Traceback" not in text
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "thesis.docx").write_text("x")
    (tmp_path / "s.csv").write_text("student_id\nann\n")
    code, text = run_cli("init", "./busy", "--students", "s.csv")
    assert code == 2 and "exists and is not a workshop class folder" in text
    code, text = run_cli("init", "./new", "--students", "s.csv", "--source", str(tmp_path))
    assert code == 2 and "no exercise modules found" in text
    assert not (tmp_path / "new").exists()


def test_demo_never_replaces_a_real_class(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "grades.xlsx").write_text("x")
    with pytest.raises(WorkshopError, match="not a demo class"):
        run_demo(tmp_path / "mine")
    assert (tmp_path / "mine" / "grades.xlsx").exists()


@pytest.mark.parametrize("command", ["init", "release", "collect", "grade", "feedback",
                                     "export", "status", "demo"])
def test_every_command_has_help(command, capsys):
    from socialhrm.workshop import main

    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
    assert "--debug" in capsys.readouterr().out


def test_gradebook_and_classes_are_never_committed():
    paths = ["gradebook.db", "workshops/spring/gradebook.db", "workshops/demo",
             "workshops/spring/submitted/ann/m01_org_as_network/m01_org_as_network.ipynb",
             "somewhere/else/gradebook.db"]
    for path in paths:
        done = subprocess.run(["git", "check-ignore", "-q", "--no-index", path], cwd=REPO,
                              check=False)
        assert done.returncode == 0, f"{path} is not ignored by .gitignore"


def test_a_class_speaks_its_language(tmp_path, monkeypatch):
    from socialhrm.i18n import _, using_language
    from socialhrm.workshop import HIDDEN_FAILED_MESSAGE, init_class

    monkeypatch.chdir(tmp_path)
    (tmp_path / "s.csv").write_text("student_id\nann\n")
    kit = tmp_path / "kit" / "m99_demo"
    kit.mkdir(parents=True)
    nbformat.write(nbformat.v4.new_notebook(), kit / "m99_demo.ipynb")
    ws = init_class("./klas", "s.csv", source=tmp_path / "kit", lang="nl", echo=lambda _m: None)
    assert ws.language == "nl"
    code, text = run_cli("status", "./klas")
    assert code == 0 and text.startswith("Klas klas in ")
    with using_language("nl"):
        dutch = _(HIDDEN_FAILED_MESSAGE)
    assert dutch != HIDDEN_FAILED_MESSAGE and "verborgen test" in dutch.lower()
    code, text = run_cli("init", "./klas", "--students", "s.csv", "--lang", "en",
                         "--source", str(tmp_path / "kit"))
    assert code == 0 and ws.language == "en"
    with pytest.raises(SystemExit):
        run_cli("init", "./other", "--students", "s.csv", "--lang", "fr")
