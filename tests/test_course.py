"""The course catalogue (modules/course.yml), the course map, the CLI and the learner's progress.

Fast unit tests: no notebook is executed. Every test that touches progress keeps it in tmp_path
(SOCIALHRM_HOME), so nothing is written to the real home folder.
"""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path

import pytest
import yaml

from socialhrm import checks, cli, course
from socialhrm.course import (
    CourseError,
    ProgressWarning,
    course_map,
    exercises_dir,
    load_catalogue,
    load_progress,
    main_course,
    main_progress,
    next_module,
    progress_path,
    progress_table,
    record_result,
    reset_progress,
)
from socialhrm.nbgrading import display_path

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _isolated(monkeypatch, tmp_path):
    """Progress in tmp_path, the repository's own catalogue, no nbgrader environment."""
    monkeypatch.setenv("SOCIALHRM_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("SOCIALHRM_COURSE", raising=False)
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)


@pytest.fixture(scope="module")
def cat():
    return load_catalogue()


def _m01_ids(graded: bool) -> list[str]:
    return [q.qid for q in checks.questions("m01") if q.graded is graded]


# --------------------------------------------------------------------------------------------
# the real catalogue


def test_real_catalogue_loads_with_m01_available(cat):
    assert cat.path == REPO / "modules" / "course.yml"
    assert cat.root == REPO
    assert [m.id for m in cat.available()][:2] == ["m00", "m01"]  # the primer comes first
    assert cat.module("m01").prerequisites == ("m00",)
    m01 = cat.module("m01")
    assert m01.available and m01.status == "available"
    assert m01.lessons and m01.exercises
    for f in m01.lessons + m01.exercises:
        assert (REPO / f).is_file(), f
    assert m01.exercises == (f"modules/{m01.name}/{m01.name}.ipynb",)
    assert cat.module(m01.name) is m01  # by name as well as by id


def test_real_catalogue_is_consistent(cat):
    ids = [m.id for m in cat.modules]
    assert len(ids) == len(set(ids))
    assert len(cat.roles) == 3 and len(cat.areas) == 6
    for i, m in enumerate(cat.modules):
        assert m.role in cat.roles
        assert m.areas and set(m.areas) <= set(cat.areas)
        assert set(m.prerequisites) <= set(ids[:i])  # prerequisites come earlier
        assert m.minutes > 0 and m.objectives
        if not m.available:
            assert m.status == "planned"


def test_unknown_module_names_the_known_ids(cat):
    with pytest.raises(CourseError) as err:
        cat.module("m77")
    assert "'m77'" in str(err.value)
    assert "m01" in str(err.value) and "m09" in str(err.value)


def test_catalogue_path_honours_environment(monkeypatch, tmp_path):
    assert course.catalogue_path() == REPO / "modules" / "course.yml"
    other = tmp_path / "other.yml"
    monkeypatch.setenv("SOCIALHRM_COURSE", str(other))
    assert course.catalogue_path() == other
    with pytest.raises(CourseError, match="does not exist"):
        load_catalogue()


# --------------------------------------------------------------------------------------------
# the course map


def test_course_map_puts_every_module_in_its_cells(cat):
    frame = course_map(cat).frame
    assert list(frame.index) == list(cat.roles)
    assert list(frame.columns) == list(cat.areas)
    for m in cat.modules:
        for role in cat.roles:
            for area in cat.areas:
                expected = role == m.role and area in m.areas
                assert (m.id in frame.loc[role, area]) is expected, (m.id, role, area)
    # every cell lists the modules in course order, each once
    order = [m.id for m in cat.modules]
    for role in cat.roles:
        for area in cat.areas:
            cell = frame.loc[role, area]
            assert cell == sorted(set(cell), key=order.index)


def test_course_map_text_and_html(cat):
    cmap = course_map(cat)
    text = cmap.to_text()
    assert str(cmap) == text
    for m in cat.modules:
        mark = "[x]" if m.available else "[ ]"
        assert f"{mark} {m.id} {m.title}" in text
    for r in cat.roles.values():
        assert r.label in text
    page = cmap._repr_html_()
    assert page.count("class='shrm-available'") == sum(len(m.areas) for m in cat.available())
    assert page.count("class='shrm-planned'") == sum(
        len(m.areas) for m in cat.modules if not m.available)
    assert page.count("<tr>") == 1 + len(cat.roles)
    for a in cat.areas.values():
        # labels are escaped ("Knowledge sharing & WE-learning")
        assert __import__("html").escape(a.label) in page


def test_course_map_default_is_the_course_catalogue(cat):
    assert course_map().frame.equals(course_map(cat).frame)


# --------------------------------------------------------------------------------------------
# catalogues with mistakes


def _good() -> dict:
    return {
        "course": "Test course",
        "roles": [{"id": "user", "label": "HR as user"},
                  {"id": "business_partner", "label": "HR as business partner"}],
        "areas": [{"id": "recruitment", "label": "Recruitment"},
                  {"id": "knowledge_sharing", "label": "Knowledge sharing & WE-learning"}],
        "modules": [
            {"id": "m01", "name": "m01_first", "title": "First", "status": "available",
             "role": "user", "areas": ["recruitment"], "minutes": 30, "prerequisites": [],
             "objectives": ["Learn one thing"], "lessons": ["notebooks/01_first.ipynb"],
             "exercises": ["modules/m01_first/m01_first.ipynb"]},
            {"id": "m02", "name": "m02_second", "title": "Second <b>& more</b>",
             "status": "planned", "role": "business_partner",
             "areas": ["recruitment", "knowledge_sharing"], "minutes": 45,
             "prerequisites": ["m01"], "objectives": ["Learn another thing"], "lessons": [],
             "exercises": []},
        ],
    }


def _write(root: Path, data) -> Path:
    """A course.yml in root/modules/ with the files the good catalogue names."""
    (root / "notebooks").mkdir(parents=True, exist_ok=True)
    (root / "notebooks" / "01_first.ipynb").write_text("{}")
    (root / "modules" / "m01_first").mkdir(parents=True, exist_ok=True)
    (root / "modules" / "m01_first" / "m01_first.ipynb").write_text("{}")
    path = root / "modules" / "course.yml"
    path.write_text(data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False))
    return path


def test_good_test_catalogue_loads(tmp_path):
    cat = load_catalogue(_write(tmp_path, _good()))
    assert cat.course == "Test course"
    assert cat.root == tmp_path.resolve()
    assert [m.id for m in cat.available()][:1] == ["m01"]  # later modules join as they land
    assert cat.module("m02").prerequisites == ("m01",)
    assert course_map(cat).frame.loc["business_partner", "knowledge_sharing"] == ["m02"]
    page = course_map(cat)._repr_html_()
    assert "Second &lt;b&gt;&amp; more&lt;/b&gt;" in page and "<b>&" not in page


def _mutate(change):
    data = _good()
    change(data)
    return data


def _m(data, i):
    return data["modules"][i]


MISTAKES = {
    "missing field": (lambda d: _m(d, 1).pop("minutes"), ["module 'm02'", "missing", "minutes"]),
    "unknown role": (lambda d: _m(d, 1).update(role="ceo"),
                     ["module 'm02'", "field 'role'", "'ceo'", "user, business_partner"]),
    "unknown area": (lambda d: _m(d, 0).update(areas=["recruitment", "gaming"]),
                     ["module 'm01'", "field 'areas'", "'gaming'"]),
    "unknown prerequisite": (lambda d: _m(d, 1).update(prerequisites=["m07"]),
                             ["module 'm02'", "field 'prerequisites'", "'m07'"]),
    "prerequisite listed later": (lambda d: _m(d, 0).update(prerequisites=["m02"]),
                                  ["module 'm01'", "field 'prerequisites'", "'m02'"]),
    "prerequisite is itself": (lambda d: _m(d, 1).update(prerequisites=["m02"]),
                               ["module 'm02'", "field 'prerequisites'", "itself"]),
    "duplicate id": (lambda d: _m(d, 1).update(id="m01", name="m01_again"),
                     ["module 'm01'", "id", "used twice"]),
    "bad id": (lambda d: _m(d, 1).update(id="module2"), ["module 'module2'", "field 'id'"]),
    "bad name": (lambda d: _m(d, 1).update(name="Second"), ["module 'm02'", "field 'name'"]),
    "bad status": (lambda d: _m(d, 1).update(status="soon"),
                   ["module 'm02'", "field 'status'", "'soon'"]),
    "bad minutes": (lambda d: _m(d, 1).update(minutes="lots"),
                    ["module 'm02'", "field 'minutes'", "'lots'"]),
    "unknown field": (lambda d: _m(d, 1).update(teacher="Ann"),
                      ["module 'm02'", "unknown field", "teacher"]),
    "objectives not a list": (lambda d: _m(d, 1).update(objectives=[1, 2]),
                              ["module 'm02'", "field 'objectives'", "list of texts"]),
    "missing lesson file": (lambda d: _m(d, 0).update(lessons=["notebooks/nope.ipynb"]),
                            ["module 'm01'", "field 'lessons'", "notebooks/nope.ipynb",
                             "does not exist"]),
    "missing exercise file": (lambda d: _m(d, 0).update(exercises=["modules/m01_first/x.ipynb"]),
                              ["module 'm01'", "field 'exercises'", "x.ipynb", "does not exist"]),
    "available without lessons": (lambda d: _m(d, 0).update(lessons=[]),
                                  ["module 'm01'", "'lessons'", "status: planned"]),
    "exercise outside its folder": (
        lambda d: _m(d, 0).update(exercises=["notebooks/01_first.ipynb"]),
        ["module 'm01'", "field 'exercises'", "modules/m01_first/"]),
    "modules not a list": (lambda d: d.update(modules={"m01": "First"}),
                           ["'modules'", "non-empty list"]),
    "modules empty": (lambda d: d.update(modules=[]), ["'modules'", "non-empty list"]),
    "module not a mapping": (lambda d: d["modules"].append("m03 Third"),
                             ["module number", "'m03 Third'"]),
    "roles missing": (lambda d: d.pop("roles"), ["'roles'", "non-empty list"]),
    "area without id": (lambda d: d["areas"].append({"label": "No id"}),
                        ["entry 3 of 'areas'", "'id'"]),
}


@pytest.mark.parametrize("mistake", list(MISTAKES))
def test_catalogue_mistake_is_named(tmp_path, mistake):
    change, phrases = MISTAKES[mistake]
    path = _write(tmp_path, _mutate(change))
    with pytest.raises(CourseError) as err:
        load_catalogue(path)
    message = str(err.value)
    assert str(path) in message
    assert "What to do" in message
    for phrase in phrases:
        assert phrase in message, (phrase, message)


def test_every_problem_is_listed_at_once(tmp_path):
    def two(d):
        _m(d, 0).update(role="ceo")
        _m(d, 1).update(areas=["gaming"])

    with pytest.raises(CourseError) as err:
        load_catalogue(_write(tmp_path, _mutate(two)))
    message = str(err.value)
    assert "has 2 problems:" in message
    assert "module 'm01': field 'role'" in message
    assert "module 'm02': field 'areas'" in message


def test_a_missing_field_does_not_cause_false_prerequisite_errors(tmp_path):
    with pytest.raises(CourseError) as err:
        load_catalogue(_write(tmp_path, _mutate(lambda d: _m(d, 0).pop("minutes"))))
    message = str(err.value)
    assert "module 'm01': missing field(s) minutes" in message
    assert "has 1 problem:" in message and "prerequisites" not in message


def test_entries_without_id_are_numbered_by_position(tmp_path):
    def two_bad(d):
        d["modules"][1:1] = ["m09 Nine", {"title": "No id"}]

    with pytest.raises(CourseError) as err:
        load_catalogue(_write(tmp_path, _mutate(two_bad)))
    message = str(err.value)
    assert "module number 2: expected fields" in message
    assert "module number 3: missing field(s) id" in message


def test_not_yaml_names_the_line(tmp_path):
    path = _write(tmp_path, "course: x\nmodules:\n  - id: m01\n    title: [unclosed\n")
    with pytest.raises(CourseError) as err:
        load_catalogue(path)
    message = str(err.value)
    assert "not valid YAML" in message and "at line" in message and str(path) in message
    assert err.value.__cause__ is None  # no yaml traceback chained onto the learner's screen


@pytest.mark.parametrize("text", ["", "- just\n- a list\n", "plain text\n"])
def test_yaml_without_sections(tmp_path, text):
    with pytest.raises(CourseError, match="expected sections 'roles', 'areas' and 'modules'"):
        load_catalogue(_write(tmp_path, text))


def test_missing_catalogue_file(tmp_path):
    with pytest.raises(CourseError) as err:
        load_catalogue(tmp_path / "nope.yml")
    assert "does not exist" in str(err.value) and "SOCIALHRM_COURSE" in str(err.value)


def test_course_error_is_a_value_error():
    assert issubclass(CourseError, ValueError)


def test_planned_module_files_are_not_required(tmp_path):
    data = _mutate(lambda d: _m(d, 1).update(lessons=["notebooks/later.ipynb"]))
    assert load_catalogue(_write(tmp_path, data)).module("m02").lessons == (
        "notebooks/later.ipynb",)


# --------------------------------------------------------------------------------------------
# socialhrm course


def test_cli_course_prints_catalogue_and_map(capsys, cat):
    assert main_course([]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    n, ready = len(cat.modules), len(cat.available())
    assert f"{cat.course}: {n} modules, {ready} available, {n - ready} still to come." in out
    for m in cat.modules:
        assert f"{m.id}  {m.title}" in out
    m01 = cat.module("m01")
    assert f"lesson: {', '.join(m01.lessons)}" in out
    # the learner is pointed at their own copy, never at the instructor version (solutions)
    mine = display_path(exercises_dir() / m01.name / Path(m01.exercises[0]).name)
    assert f"exercise: {mine} (your own copy; `socialhrm exercises` makes it)" in out
    assert "modules/m01_org_as_network" not in out
    assert course_map(cat).to_text() in out
    assert "socialhrm progress" in out


def test_cli_course_json(capsys, cat):
    assert main_course(["--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["course"] == cat.course
    assert [m["id"] for m in data["modules"]] == [m.id for m in cat.modules]
    assert [r["id"] for r in data["roles"]] == list(cat.roles)
    assert [a["id"] for a in data["areas"]] == list(cat.areas)
    m01 = next(m for m in data["modules"] if m["id"] == "m01")
    assert m01["exercises"] == list(cat.module("m01").exercises)


def test_cli_course_other_catalogue(tmp_path, capsys):
    path = _write(tmp_path, _good())
    assert main_course(["--catalogue", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Test course: 2 modules, 1 available, 1 still to come." in out
    assert "first do: m01" in out


def test_cli_course_broken_catalogue(tmp_path, capsys):
    path = _write(tmp_path, _mutate(lambda d: _m(d, 1).update(role="ceo")))
    assert main_course(["--catalogue", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("socialhrm course: ")
    assert "module 'm02': field 'role' is 'ceo'" in err
    assert "Traceback" not in err


def test_cli_course_missing_catalogue(tmp_path, capsys):
    assert main_course(["--catalogue", str(tmp_path / "nope.yml")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_cli_dispatches_course(capsys):
    assert cli.main(["course", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["modules"][0]["id"] == "m00"


# --------------------------------------------------------------------------------------------
# the progress file


def test_progress_path_honours_socialhrm_home(monkeypatch, tmp_path):
    monkeypatch.setenv("SOCIALHRM_HOME", str(tmp_path / "mine"))
    assert progress_path() == tmp_path / "mine" / "progress.json"
    monkeypatch.setenv("HOME", str(tmp_path / "h"))
    monkeypatch.setenv("SOCIALHRM_HOME", "~/elsewhere")
    assert progress_path() == tmp_path / "h" / "elsewhere" / "progress.json"
    monkeypatch.delenv("SOCIALHRM_HOME")
    assert progress_path() == tmp_path / "h" / ".socialhrm" / "progress.json"


def test_no_file_is_empty_progress():
    assert not progress_path().exists()
    assert load_progress() == {"version": 1, "modules": {}}
    assert not progress_path().exists()  # reading does not create the file


def test_record_a_pass_and_read_it_back():
    written = record_result("m01", "q2", True)
    assert written == progress_path() and written.is_file()
    assert os.listdir(written.parent) == ["progress.json"]  # no temporary file left behind
    data = load_progress()
    assert data["version"] == 1
    q = data["modules"]["m01"]["questions"]["q2"]
    assert q["passed"] is True and q["last_result"] == "passed"
    assert q["attempts"] == 1 and q["graded"] is True
    assert q["passed_at"] == q["last"] == data["modules"]["m01"]["last_activity"]
    assert json.loads(written.read_text()) == data


def test_a_later_wrong_answer_keeps_the_pass():
    record_result("m01", "q2", True)
    first = load_progress()["modules"]["m01"]["questions"]["q2"]["passed_at"]
    record_result("m01", "q2", False)
    q = load_progress()["modules"]["m01"]["questions"]["q2"]
    assert q["passed"] is True and q["passed_at"] == first
    assert q["last_result"] == "not yet" and q["attempts"] == 2


def test_a_wrong_answer_is_not_a_pass():
    record_result("m01", "q3", False)
    q = load_progress()["modules"]["m01"]["questions"]["q3"]
    assert q["passed"] is False and q["last_result"] == "not yet" and "passed_at" not in q


def test_records_of_several_modules_and_questions_are_kept():
    record_result("m01", "q1", True)
    record_result("m01", "t1", False, graded=False)
    record_result("m02", "q1", False)
    mods = load_progress()["modules"]
    assert set(mods) == {"m01", "m02"}
    assert set(mods["m01"]["questions"]) == {"q1", "t1"}
    assert mods["m01"]["questions"]["t1"]["graded"] is False
    assert mods["m02"]["questions"]["q1"]["passed"] is False


def test_reset_progress():
    assert reset_progress() is False
    record_result("m01", "q1", True)
    assert reset_progress() is True
    assert not progress_path().exists()
    assert load_progress()["modules"] == {}


@pytest.mark.parametrize("content", [
    "this is not JSON {",
    "[1, 2, 3]",
    '{"version": 1}',
    '{"version": 1, "modules": [1, 2]}',
    "",
])
def test_corrupt_progress_is_set_aside_not_destroyed(content):
    path = progress_path()
    path.parent.mkdir(parents=True)
    path.write_text(content)
    with pytest.warns(ProgressWarning, match="damaged") as caught:
        assert load_progress() == {"version": 1, "modules": {}}
    (broken,) = path.parent.glob("progress.json.broken-*")
    assert str(broken) in str(caught[0].message)  # the learner is told where it went
    assert broken.read_text() == content  # the learner's file is kept
    record_result("m01", "q1", True)  # and a new progress starts
    assert load_progress()["modules"]["m01"]["questions"]["q1"]["passed"] is True
    assert broken.read_text() == content


def test_a_second_corrupt_file_does_not_destroy_the_first_backup():
    path = progress_path()
    path.parent.mkdir(parents=True)
    path.write_text("first broken file")
    with pytest.warns(ProgressWarning):
        load_progress()
    path.write_text("second broken file")
    with pytest.warns(ProgressWarning):
        load_progress()
    kept = sorted(p.read_text() for p in path.parent.iterdir() if p.name != "progress.json")
    assert kept == ["first broken file", "second broken file"]


NESTED_WRONG = [
    {"version": 1, "modules": {"m01": "oops"}},
    {"version": 1, "modules": {"m01": {"questions": {"q1": "passed"}}}},
    {"version": 1, "modules": {"m01": {"questions": ["q1"]}}},
]


def _write_progress(content: dict) -> Path:
    path = progress_path()
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(content))
    return path


@pytest.mark.parametrize("content", NESTED_WRONG)
def test_nested_wrong_structure_does_not_crash_load_progress(content):
    _write_progress(content)
    with pytest.warns(ProgressWarning):
        assert load_progress()["modules"] == {}


@pytest.mark.parametrize("content", NESTED_WRONG)
def test_nested_wrong_structure_does_not_crash_progress_or_recording(content):
    path = _write_progress(content)
    with pytest.warns(ProgressWarning):
        progress_table()
    record_result("m01", "q1", True)
    assert load_progress()["modules"]["m01"]["questions"]["q1"]["passed"] is True
    assert any(p.name != "progress.json" for p in path.parent.iterdir())  # old file kept


def test_record_result_raises_oserror_when_it_cannot_write(monkeypatch, tmp_path):
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SOCIALHRM_HOME", str(blocker))
    with pytest.raises(OSError):
        record_result("m01", "q1", True)


# --------------------------------------------------------------------------------------------
# progress table and next module


def test_empty_progress_table(catalogue_with_planned):
    cat = load_catalogue(catalogue_with_planned)
    table = progress_table(cat)
    assert list(table.index) == [m.id for m in cat.modules]
    row = table.loc["m01"]
    assert row["total"] == len(_m01_ids(True)) == 6
    assert row["tries"] == len(_m01_ids(False)) == 3
    assert row["passed"] == row["tries_passed"] == 0
    assert row["last_activity"] is None and not row["done"]
    planned = table.loc["m99"]
    assert planned["status"] == "planned" and planned["total"] == 0 and not planned["done"]
    assert next_module(table, cat).id == "m00"  # the primer, before module 1


def test_progress_table_counts_passes_not_attempts(cat):
    record_result("m01", "q1", True)
    record_result("m01", "q2", True)
    record_result("m01", "q3", False)
    record_result("m01", "q9", True)  # not a question of m01: not counted
    row = progress_table(cat).loc["m01"]
    assert row["passed"] == 2 and row["total"] == 6
    assert row["tries_passed"] == 0 and not row["done"]
    assert row["last_activity"] == load_progress()["modules"]["m01"]["last_activity"]


def test_last_activity_is_none_for_untouched_modules(cat):
    record_result("m01", "q1", True)
    table = progress_table(cat)
    assert isinstance(table.loc["m01", "last_activity"], str)
    assert table.loc["m02", "last_activity"] is None


def test_lesson_tries_are_kept_apart_from_graded_questions(cat):
    for t in _m01_ids(False):
        record_result("m01", t, True, graded=False)
    row = progress_table(cat).loc["m01"]
    assert row["tries_passed"] == 3 and row["passed"] == 0 and not row["done"]
    assert next_module(catalogue=cat).id == "m01"  # started (its tries), not yet done
    qs = load_progress()["modules"]["m01"]["questions"]
    assert all(qs[t]["graded"] is False for t in _m01_ids(False))


def test_all_graded_questions_passed_is_done(cat):
    for q in _m01_ids(True):
        record_result("m01", q, True)
    table = progress_table(cat)
    assert table.loc["m01", "done"] and table.loc["m01", "passed"] == 6
    assert table.loc["m01", "tries_passed"] == 0  # tries are not needed to be done
    # the other available modules are what is left
    rest = [m.id for m in cat.available() if m.id != "m01"]
    assert (next_module(table, cat).id if rest else None) == (rest[0] if rest else None)
    assert next_module(catalogue=cat) == next_module(table, cat)


def test_next_module_follows_prerequisites(tmp_path):
    data = _good()
    third = copy.deepcopy(_m(data, 0))
    third.update(id="m03", name="m03_third", prerequisites=[],
                 exercises=["modules/m03_third/m03_third.ipynb"])
    _m(data, 1).update(status="available", lessons=["notebooks/01_first.ipynb"],
                       exercises=["modules/m02_second/m02_second.ipynb"])
    _m(data, 0).update(status="planned")
    data["modules"].append(third)
    path = _write(tmp_path, data)
    for name in ("m02_second", "m03_third"):
        (tmp_path / "modules" / name).mkdir()
        (tmp_path / "modules" / name / f"{name}.ipynb").write_text("{}")
    cat = load_catalogue(path)
    assert [m.id for m in cat.available()] == ["m02", "m03"]
    table = progress_table(cat)
    # m02 waits for m01 (planned, not done): m03 comes first
    assert next_module(table, cat).id == "m03"
    table.loc["m03", "done"] = True
    assert next_module(table, cat).id == "m02"  # nothing else left: the first one waiting
    table.loc["m01", "done"] = True
    table.loc["m03", "done"] = False
    assert next_module(table, cat).id == "m02"
    table.loc[["m02", "m03"], "done"] = True
    assert next_module(table, cat) is None


# --------------------------------------------------------------------------------------------
# socialhrm progress


def test_cli_progress_fresh_start(capsys, cat, monkeypatch, catalogue_with_planned):
    monkeypatch.setenv("SOCIALHRM_COURSE", str(catalogue_with_planned))
    assert main_progress([]) == 0
    out = capsys.readouterr().out
    assert str(progress_path()) in out
    assert "m01" in out and "0/6" in out and "0/3" in out
    assert "Next: start m00" in out  # the primer first
    assert cat.module("m00").lessons[0] in out
    assert "planned" in out
    assert not progress_path().exists()




def test_cli_progress_after_some_work(capsys):
    record_result("m01", "q1", True)
    record_result("m01", "t1", True, graded=False)
    assert main_progress([]) == 0
    out = capsys.readouterr().out
    assert "1/6" in out and "1/3" in out
    assert "Continue with m01" in out  # started, so it comes before the primer


def test_cli_progress_all_done(capsys, cat, monkeypatch, catalogue_with_planned):
    monkeypatch.setenv("SOCIALHRM_COURSE", str(catalogue_with_planned))
    for m in cat.available():
        for q in checks.questions(m.id):
            if q.graded:
                record_result(m.id, q.qid, True)
    assert main_progress([]) == 0
    out = capsys.readouterr().out
    assert "6/6 done" in out
    assert "You have done every available module" in out and "Still to come: m99" in out


def test_cli_progress_suggests_the_next_module(capsys, cat):
    for q in checks.questions("m00"):
        if q.graded:
            record_result("m00", q.qid, True)
    assert main_progress([]) == 0
    assert "Next: start m01" in capsys.readouterr().out  # m00 done: module 1 is next


def test_cli_progress_json(capsys, cat):
    record_result("m01", "q4", True)
    assert main_progress(["--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["module"] for r in rows] == [m.id for m in cat.modules]
    (m01,) = [r for r in rows if r["module"] == "m01"]
    assert m01["passed"] == 1 and m01["total"] == 6


def test_cli_progress_reset_needs_yes(capsys):
    record_result("m01", "q1", True)
    assert main_progress(["--reset"]) == 1
    assert "Nothing was changed" in capsys.readouterr().err
    assert progress_path().is_file()
    assert main_progress(["--reset", "--yes"]) == 0
    assert "Your progress was deleted" in capsys.readouterr().out
    assert not progress_path().exists()
    assert main_progress(["--reset", "--yes"]) == 0
    assert "There was no progress to delete" in capsys.readouterr().out


def test_cli_progress_broken_catalogue(monkeypatch, tmp_path, capsys):
    path = _write(tmp_path, _mutate(lambda d: _m(d, 0).update(areas=["gaming"])))
    monkeypatch.setenv("SOCIALHRM_COURSE", str(path))
    assert main_progress([]) == 1
    err = capsys.readouterr().err
    assert err.startswith("socialhrm progress: ") and "field 'areas' has 'gaming'" in err


def test_cli_dispatches_progress(capsys):
    assert cli.main(["progress", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["module"] == "m00"
