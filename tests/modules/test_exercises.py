"""Every available module's graded exercise: template, real nbgrader release, self-checks.

Generic over the course catalogue (``socialhrm.course.load_catalogue().available()``): each
exercise notebook listed there is checked the same way, so a new module is tested as soon as it
is marked available. Translated exercises (``translations:`` in the catalogue, e.g. the Dutch
``modules/nl/<name>/``) are checked the same way, in their own language, and must stay the same
assignment as the English one (same graded cells, points, answers and hidden tests).
Nothing about the answers is typed in here: the expected values live in ``socialhrm.checks``
(computed from the bundled data) and reach the tests through the notebook's own hidden tests
and self-checks.

- Static template checks (fast): no outputs committed; every autograded test cell has a one-line
  docstring, a visible part made of "form check only" assertions and a hidden part calling
  ``hidden(<module>, "qN", <the question's variables>)``; points in headings and in the intro add
  up; grade ids are unique; every answer cell is followed by its ``check("qN")``.
- Real nbgrader (slow): ``nbgrader generate_assignment`` in a temporary course; the instructor
  version validates cleanly, the blank student version fails every graded cell, and it holds no
  solution or hidden test.
- Self-checks (slow): run in a kernel, they say ✔ for the instructor's solutions (and record the
  passes in the progress file) and "Not answered yet" for the blank student version.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbconvert.filters import strip_ansi
from nbformat import NotebookNode

from socialhrm.checks import questions
from socialhrm.course import Module, load_catalogue, load_progress, progress_table

CATALOGUE = load_catalogue()
KERNEL_TIMEOUT = 120  # per cell; loading the dataset takes a few seconds on a busy machine

HEADING_RE = re.compile(r"^(#+)\s")
QUESTION_RE = re.compile(r"^#+\s*(?:Question|Vraag)\s+(\d+)\b")
POINTS_RE = re.compile(r"\((\d+)\s+(?:points?|punten|punt)\b")
TOTAL_RE = re.compile(r"(\d+)\s+(?:(?:points|punten)\s+)?in (?:total|totaal)")
#: What a visible assertion says, and what a blank self-check says, per language.
FORM_CHECK = {"en": "form check only", "nl": "alleen een vormcontrole"}
NOT_ANSWERED = {"en": "Not answered yet", "nl": "Nog niet beantwoord"}
CHECK_RE = re.compile(r"""\s*check\(\s*["'](\w+)["']\s*\)\s*""")
HIDDEN_RE = re.compile(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", re.S)
SOLUTION_RE = re.compile(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", re.S)
ONE_LINE_DOCSTRING_RE = re.compile(r'"""\S[^\n]*\S"""')


def _nbg(cell: NotebookNode) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def _is_test(cell: NotebookNode) -> bool:
    """An autograded test cell: a graded code cell that is not itself an answer."""
    m = _nbg(cell)
    return cell.cell_type == "code" and bool(m.get("grade")) and not m.get("solution")


def _is_answer(cell: NotebookNode) -> bool:
    """A code cell the learner fills in (solution, not graded itself)."""
    m = _nbg(cell)
    return cell.cell_type == "code" and bool(m.get("solution")) and not m.get("grade")


def _is_manual(cell: NotebookNode) -> bool:
    """A written answer graded by the trainer."""
    m = _nbg(cell)
    return cell.cell_type == "markdown" and bool(m.get("grade")) and bool(m.get("solution"))


@dataclass
class Question:
    number: int
    heading: str
    points: int | None  # as stated in the heading
    cells: list[NotebookNode] = field(default_factory=list)

    @property
    def qid(self) -> str:
        return f"q{self.number}"

    @property
    def graded(self) -> list[NotebookNode]:
        return [c for c in self.cells if _nbg(c).get("grade")]


@dataclass
class Exercise:
    module: Module
    path: Path  # the instructor (source) notebook
    lang: str = "en"

    @property
    def assignment(self) -> str:
        """nbgrader's assignment name: the notebook's folder."""
        return self.path.parent.name

    @property
    def label(self) -> str:
        """The test id: the assignment, with its language when it is a translation."""
        return self.assignment if self.lang == "en" else f"{self.lang}/{self.assignment}"

    def read(self) -> NotebookNode:
        return nbformat.read(self.path, as_version=4)


def _exercises() -> list[Exercise]:
    assert CATALOGUE.root is not None
    found = [Exercise(m, CATALOGUE.root / f) for m in CATALOGUE.available() for f in m.exercises]
    found += [Exercise(m, CATALOGUE.root / f, t.lang) for m in CATALOGUE.available()
              for t in m.translations for f in t.exercises]
    return found


EXERCISES = _exercises()


def _sections(nb: NotebookNode) -> tuple[list[NotebookNode], list[Question]]:
    """The cells before the first question (the intro) and the questions with their cells.

    A question runs from its heading to the next heading of the same or a higher level.
    """
    intro: list[NotebookNode] = []
    qs: list[Question] = []
    current: Question | None = None
    level = 0
    for cell in nb.cells:
        first = cell.source.lstrip().split("\n", 1)[0] if cell.cell_type == "markdown" else ""
        head = HEADING_RE.match(first)
        if head and QUESTION_RE.match(first):
            points = POINTS_RE.search(first)
            current = Question(int(QUESTION_RE.match(first).group(1)), first,
                               int(points.group(1)) if points else None)
            level = len(head.group(1))
            qs.append(current)
            continue
        if head and current is not None and len(head.group(1)) <= level:
            current = None
        if current is not None:
            current.cells.append(cell)
        elif not qs:
            intro.append(cell)
    return intro, qs


def _question_of(qs: list[Question], cell: NotebookNode) -> Question | None:
    return next((q for q in qs if any(c is cell for c in q.cells)), None)


def _hidden_calls(code: str) -> list[tuple[object, object, list[str]]]:
    """``hidden(module, qid, a, b)`` calls in code: (module, qid, [argument names])."""
    calls = []
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "hidden":
            consts = [getattr(a, "value", None) for a in node.args[:2]]
            names = [a.id if isinstance(a, ast.Name) else ast.unparse(a) for a in node.args[2:]]
            calls.append((*consts, names))
    return calls


def _text(outputs: list[NotebookNode]) -> str:
    """What a cell showed: display/result text/plain and printed text."""
    parts = []
    for out in outputs:
        if out.output_type in ("display_data", "execute_result"):
            parts.append(out.get("data", {}).get("text/plain", ""))
        elif out.output_type == "stream":
            parts.append(out.text)
        elif out.output_type == "error":
            parts.append(f"{out.ename}: {out.evalue}")
    return "\n".join(parts)


def _check_cells(nb: NotebookNode) -> list[tuple[str, NotebookNode]]:
    return [(m.group(1), c) for c in nb.cells
            if c.cell_type == "code" and (m := CHECK_RE.fullmatch(c.source))]


@pytest.fixture(scope="module", params=EXERCISES, ids=lambda e: e.label)
def exercise(request: pytest.FixtureRequest) -> Exercise:
    return request.param


# --------------------------------------------------------------------------------------------
# static template checks


def test_catalogue_lists_available_exercises() -> None:
    assert EXERCISES, "the course catalogue has no available module with an exercise"
    for ex in EXERCISES:
        assert ex.path.is_file(), f"{ex.module.id}: {ex.path} does not exist"
        assert questions(ex.module.id), f"{ex.module.id} has no self-checks in socialhrm.checks"


def test_committed_without_outputs(exercise: Exercise) -> None:
    for i, cell in enumerate(exercise.read().cells):
        if cell.cell_type == "code":
            assert cell.outputs == [], f"cell {i} has outputs: clear them before committing"
            assert cell.execution_count is None, f"cell {i} has an execution count"


def test_grade_ids_unique_and_kinds_of_questions(exercise: Exercise) -> None:
    nb = exercise.read()
    ids = [_nbg(c)["grade_id"] for c in nb.cells if _nbg(c)]
    assert all(ids), "an nbgrader cell has no grade_id"
    assert len(ids) == len(set(ids)), f"grade ids are not unique: {sorted(ids)}"
    _, qs = _sections(nb)
    auto = [q for q in qs if any(_is_test(c) for c in q.cells)]
    assert len(auto) >= 5, f"only {len(auto)} autograded questions (at least 5 expected)"
    manual = [c for c in nb.cells if _is_manual(c)]
    assert manual, "no manually graded written answer (markdown cell, grade + solution)"
    for cell in nb.cells:
        if _nbg(cell).get("grade"):
            assert _question_of(qs, cell) is not None, (
                f"graded cell {_nbg(cell)['grade_id']} is not under a 'Question N' heading")
    assert [q.number for q in qs] == list(range(1, len(qs) + 1)), "questions are not numbered 1..N"


def test_autograded_test_cells(exercise: Exercise) -> None:
    nb = exercise.read()
    _, qs = _sections(nb)
    mid = exercise.module.id
    registered = {q.qid: q for q in questions(mid)}
    tests = [c for c in nb.cells if _is_test(c)]
    assert tests
    for cell in tests:
        gid = _nbg(cell)["grade_id"]
        q = _question_of(qs, cell)
        assert q is not None, gid
        first = cell.source.split("\n", 1)[0]
        assert ONE_LINE_DOCSTRING_RE.fullmatch(first), f"{gid}: no one-line docstring first"
        assert first.startswith(f'"""{q.qid}:'), f"{gid}: the docstring should start '{q.qid}:'"
        hidden = HIDDEN_RE.findall(cell.source)
        assert len(hidden) == 1 and hidden[0].strip(), f"{gid}: no (or an empty) hidden region"
        calls = _hidden_calls(hidden[0])
        assert calls, f"{gid}: the hidden tests do not call hidden(...)"
        assert q.qid in registered, f"{gid}: {mid} has no self-check {q.qid} in socialhrm.checks"
        for module, qid, names in calls:
            assert (module, qid) == (mid, q.qid), f"{gid}: hidden test judges {module} {qid}"
            assert tuple(names) == registered[q.qid].variables, (
                f"{gid}: hidden gets {names}, the judge reads {registered[q.qid].variables}")
        visible = HIDDEN_RE.sub("", cell.source)
        asserts = [n for n in ast.walk(ast.parse(visible)) if isinstance(n, ast.Assert)]
        assert asserts, f"{gid}: the visible part has no form check"
        for a in asserts:
            msg = getattr(a.msg, "value", None)
            assert isinstance(msg, str) and FORM_CHECK[exercise.lang] in msg, (
                f"{gid}: visible assertion without a '{FORM_CHECK[exercise.lang]}' message: "
                f"{ast.unparse(a)}")


def test_points_in_headings_add_up(exercise: Exercise) -> None:
    _, qs = _sections(exercise.read())
    assert qs
    for q in qs:
        assert q.points is not None, f"no '(N points)' in heading {q.heading!r}"
        got = sum(float(_nbg(c).get("points", 0)) for c in q.graded)
        assert q.graded, f"question {q.number} has no graded cell"
        assert got == q.points, f"question {q.number}: heading says {q.points}, cells give {got}"


def test_intro_states_the_total(exercise: Exercise) -> None:
    nb = exercise.read()
    intro, qs = _sections(nb)
    text = "\n".join(c.source for c in intro if c.cell_type == "markdown")
    total = sum(float(_nbg(c).get("points", 0)) for c in nb.cells if _nbg(c).get("grade"))
    stated = TOTAL_RE.findall(text)
    assert stated, "the intro does not say how many points there are in total"
    assert {float(s) for s in stated} == {total}, f"the intro says {stated}, the cells give {total}"
    # "14 points for questions 1–6 (autograded)": the autograded subtotal, when it is stated
    auto = sum(float(_nbg(c).get("points", 0)) for c in nb.cells if _is_test(c))
    for n in re.findall(r"(\d+)\s+(?:points?\s+for\s+questions?|punten\s+voor\s+de\s+vragen?)"
                        r"\s[^()]*\((?:autograded|automatisch beoordeeld)\)", text):
        assert float(n) == auto, f"the intro says {n} autograded points, the cells give {auto}"


def test_every_answer_is_followed_by_its_self_check(exercise: Exercise) -> None:
    nb = exercise.read()
    _, qs = _sections(nb)
    mid = exercise.module.id
    registered = {q.qid: q for q in questions(mid)}
    seen = []
    for i, cell in enumerate(nb.cells):
        if not _is_answer(cell):
            continue
        gid = _nbg(cell)["grade_id"]
        assert len(SOLUTION_RE.findall(cell.source)) == 1, f"{gid}: no solution region"
        nxt = nb.cells[i + 1] if i + 1 < len(nb.cells) else None
        m = CHECK_RE.fullmatch(nxt.source) if nxt is not None and nxt.cell_type == "code" else None
        assert m, f"{gid}: the next cell is not a check(\"qN\") cell"
        qid = m.group(1)
        q = _question_of(qs, cell)
        assert q is not None and qid == q.qid, f"{gid}: check({qid!r}) under question {q}"
        assert qid in registered and registered[qid].graded, (
            f"{gid}: check({qid!r}) is not a graded self-check of {mid} in socialhrm.checks")
        seen.append(qid)
    graded = [q.qid for q in questions(mid) if q.graded]
    assert seen == graded, f"the notebook checks {seen}; {mid}'s graded self-checks are {graded}"


def test_a_translation_is_the_same_assignment(exercise: Exercise) -> None:
    """A translated exercise keeps the English one's graded cells, answers and hidden tests."""
    if exercise.lang == "en":
        pytest.skip("the English exercise is the original")
    english = Exercise(exercise.module, CATALOGUE.root / exercise.module.exercises[0]).read()
    translated = exercise.read()
    assert exercise.assignment == exercise.module.name, "a translation is the same assignment"

    def graded(nb: NotebookNode) -> dict[str, tuple]:
        return {_nbg(c)["grade_id"]: (c.cell_type, _nbg(c).get("points"), _nbg(c).get("grade"),
                                      _nbg(c).get("solution"), _nbg(c).get("locked"))
                for c in nb.cells if _nbg(c)}

    assert graded(translated) == graded(english), "graded cells or points differ from English"
    by_id = {_nbg(c)["grade_id"]: c for c in english.cells if _nbg(c)}
    for cell in translated.cells:
        if _is_answer(cell):  # the same answer variables and model solution
            assert cell.source == by_id[_nbg(cell)["grade_id"]].source, _nbg(cell)["grade_id"]
        if _is_test(cell):  # the same hidden judges
            assert HIDDEN_RE.findall(cell.source) == HIDDEN_RE.findall(
                by_id[_nbg(cell)["grade_id"]].source), _nbg(cell)["grade_id"]
    assert [q for q, _ in _check_cells(translated)] == [q for q, _ in _check_cells(english)]
    assert f'MODULE = "{exercise.module.id}"' in "\n".join(c.source for c in translated.cells)


# --------------------------------------------------------------------------------------------
# real nbgrader: a temporary course with this exercise


@dataclass
class Course:
    root: Path
    source: Path    # instructor notebook (a copy)
    released: Path  # student notebook made by nbgrader


def _env_path() -> dict[str, str]:
    """The environment with this Python's bin/ first (nbgrader runs `alembic` from PATH)."""
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return env


@pytest.fixture(scope="module")
def course(exercise: Exercise, tmp_path_factory: pytest.TempPathFactory) -> Course:
    root = tmp_path_factory.mktemp(f"course_{exercise.label.replace('/', '_')}")
    shutil.copytree(exercise.path.parent, root / "modules" / exercise.assignment)
    (root / "nbgrader_config.py").write_text(
        "c = get_config()  # noqa: F821\n"
        f"c.CourseDirectory.root = {str(root)!r}\n"
        "c.CourseDirectory.source_directory = 'modules'\n"
        f"c.CourseDirectory.db_url = {'sqlite:///' + str(root / 'gradebook.db')!r}\n"
        "c.Execute.timeout = 30\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "nbgrader", "generate_assignment",
                           exercise.assignment, "--force"], cwd=root, env=_env_path(),
                          capture_output=True, text=True, timeout=300)
    released = root / "release" / exercise.assignment / exercise.path.name
    assert proc.returncode == 0 and released.is_file(), proc.stdout + proc.stderr
    return Course(root, root / "modules" / exercise.assignment / exercise.path.name, released)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private SOCIALHRM_HOME: self-checks run while validating write progress there."""
    monkeypatch.setenv("SOCIALHRM_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def _validate(path: Path) -> dict:
    from nbgrader.validator import Validator

    return Validator().validate(str(path))


@pytest.mark.slow
@pytest.mark.usefixtures("home")
def test_instructor_version_passes_validation(course: Course) -> None:
    result = _validate(course.source)
    failed = [f"{f['source'][:80]!r}: {strip_ansi(f['raw_error'])[-300:]}"
              for f in result.get("failed", [])]
    assert result == {}, "\n\n".join(failed) or result


@pytest.mark.slow
@pytest.mark.usefixtures("home")
def test_blank_student_version_fails_every_graded_cell(course: Course,
                                                      exercise: Exercise) -> None:
    released = nbformat.read(course.released, as_version=4)
    by_source = {c.source.strip(): _nbg(c)["grade_id"] for c in released.cells
                 if _nbg(c).get("grade")}
    result = _validate(course.released)
    assert set(result) == {"failed"}, result
    failed = {}
    for f in result["failed"]:
        assert f["source"] in by_source, f"a failed cell is not a graded cell: {f['source']!r}"
        failed[by_source[f["source"]]] = strip_ansi(f["raw_error"])
    tests = [_nbg(c)["grade_id"] for c in released.cells if _is_test(c)]
    manual = [_nbg(c)["grade_id"] for c in released.cells if _is_manual(c)]
    # nbgrader counts an untouched written answer as failed too ("You did not provide a response")
    assert sorted(failed) == sorted(tests + manual), (
        f"graded cells that do not fail on the blank version: "
        f"{sorted(set(tests + manual) - set(failed))}; failed but not graded: "
        f"{sorted(set(failed) - set(tests + manual))}")
    for gid in tests:
        # the blank answer (None) is stopped by the visible form check, not by a broken notebook
        assert "AssertionError" in failed[gid] and FORM_CHECK[exercise.lang] in failed[gid], (
            f"{gid}: {failed[gid][-500:]}")


@pytest.mark.slow
def test_student_version_has_no_solutions_or_hidden_tests(course: Course,
                                                          exercise: Exercise) -> None:
    source = exercise.read()
    released = nbformat.read(course.released, as_version=4)
    text = "\n".join(c.source for c in released.cells)
    for marker in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS",
                   "hidden("):
        assert marker not in text, f"the student version contains {marker!r}"
    secret = []
    for cell in source.cells:
        for region in SOLUTION_RE.findall(cell.source) + HIDDEN_RE.findall(cell.source):
            secret += [ln.strip() for ln in region.splitlines() if len(ln.strip()) >= 8]
    assert secret
    leaked = [ln for ln in secret if ln in text]
    assert not leaked, f"solution or hidden-test lines in the student version: {leaked}"
    rel = {_nbg(c)["grade_id"]: c for c in released.cells if _nbg(c)}
    assert set(rel) == {_nbg(c)["grade_id"] for c in source.cells if _nbg(c)}, "cells went missing"
    for cell in source.cells:
        if _is_manual(cell):
            gid = _nbg(cell)["grade_id"]
            model = [ln.strip() for ln in cell.source.splitlines() if len(ln.strip()) > 20]
            assert model and not [ln for ln in model if ln in text], (
                f"{gid}: the model answer is still in the student version")
            assert rel[gid].source.strip() == "YOUR ANSWER HERE"
        if _is_answer(cell):
            assert "raise NotImplementedError()" in rel[_nbg(cell)["grade_id"]].source


# --------------------------------------------------------------------------------------------
# self-checks in a real kernel


@dataclass
class Run:
    nb: NotebookNode
    home: Path       # its SOCIALHRM_HOME
    progress: dict   # the progress file after the run


def _execute(path: Path, home: Path) -> Run:
    """Run a notebook in its folder, with progress kept in `home`; errors stay in the outputs."""
    nb = nbformat.read(path, as_version=4)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOCIALHRM_HOME", str(home))
        mp.delenv("NBGRADER_EXECUTION", raising=False)
        NotebookClient(nb, timeout=KERNEL_TIMEOUT, kernel_name="python3", allow_errors=True,
                       resources={"metadata": {"path": str(path.parent)}}).execute()
        return Run(nb, home, load_progress())


@pytest.fixture(scope="module")
def instructor_run(course: Course, tmp_path_factory: pytest.TempPathFactory) -> Run:
    return _execute(course.source, tmp_path_factory.mktemp("home_instructor"))


@pytest.fixture(scope="module")
def blank_run(course: Course, tmp_path_factory: pytest.TempPathFactory) -> Run:
    return _execute(course.released, tmp_path_factory.mktemp("home_blank"))


@pytest.mark.slow
def test_self_checks_accept_the_solutions(instructor_run: Run) -> None:
    checks = _check_cells(instructor_run.nb)
    assert checks
    for qid, cell in checks:
        shown = _text(cell.outputs)
        assert len(cell.outputs) == 1 and shown.startswith("✔"), f"check({qid!r}): {shown!r}"
    errors = [_text(c.outputs) for c in instructor_run.nb.cells if c.cell_type == "code"
              and any(o.output_type == "error" for o in c.outputs)]
    assert not errors, f"the instructor version raises: {errors}"


@pytest.mark.slow
def test_self_checks_record_progress(instructor_run: Run, exercise: Exercise,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    mid = exercise.module.id
    recorded = instructor_run.progress["modules"].get(mid, {}).get("questions", {})
    for qid, _ in _check_cells(instructor_run.nb):
        got = recorded.get(qid, {})
        assert got.get("passed") is True and got.get("graded") is True, f"{qid}: {got}"
    # the progress table (what `socialhrm progress` shows) calls the module done
    monkeypatch.setenv("SOCIALHRM_HOME", str(instructor_run.home))
    assert bool(progress_table(CATALOGUE).loc[mid, "done"])


@pytest.mark.slow
def test_self_checks_on_the_blank_version_say_not_answered(blank_run: Run,
                                                           exercise: Exercise) -> None:
    checks = _check_cells(blank_run.nb)
    assert [q for q, _ in checks] == [q.qid for q in questions(exercise.module.id) if q.graded]
    for qid, cell in checks:
        shown = _text(cell.outputs)
        assert len(cell.outputs) == 1 and shown.startswith("…"), f"check({qid!r}): {shown!r}"
        assert NOT_ANSWERED[exercise.lang] in shown, f"check({qid!r}): {shown!r}"
    assert exercise.module.id not in blank_run.progress["modules"], (
        "a blank answer was recorded in the progress file")
    # only the answers (NotImplementedError) and the tests (form checks) fail in the blank copy
    for cell in blank_run.nb.cells:
        errors = [o for o in cell.outputs if o.output_type == "error"] if "outputs" in cell else []
        if _is_answer(cell):
            assert [e.ename for e in errors] == ["NotImplementedError"], _text(cell.outputs)
        elif _is_test(cell):
            assert [e.ename for e in errors] == ["AssertionError"], _text(cell.outputs)
        else:
            assert not errors, f"a cell that should just run failed: {_text(cell.outputs)}"
