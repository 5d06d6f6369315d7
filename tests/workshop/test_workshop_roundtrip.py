"""A whole workshop with real nbgrader: init, release, collect, grade, feedback, export.

One class with every kind of student, graded in ONE autograde run (module-scoped fixture):

========  =====================================================================================
correct   the instructor's solutions (+ a reflection); also sent an older blank copy (duplicate)
partly    density = 0.5: passes the visible check, fails the hidden test of that question
loop      ``while True: pass`` before one answer: stopped by the per-cell timeout (5 s here)
edited    partly wrong AND replaced that question's test cell with ``pass``: test restored
deleted   correct, but deleted one test cell: put back and scored 0
blank     returned the handed-out notebook unchanged (in a folder named by the id)
crash     ``os._exit(1)`` in the first answer: the kernel dies; only that answer's tests fail
corrupt   a file that is not a notebook: reported at collect, never graded
cheat     reads q2's expected value from the library's checks module, patches
          ``socialhrm.checks`` in q3's answer and overrides ``hidden`` in q6's answer, each with a
          wrong answer: exactly those three tests fail
snoop     correct, and prints the instructor source, the gradebook, the kit's module and another
          student's submission (relative and absolute paths) in an answer and in a new cell
vandal    correct, and deletes the gradebook, the source and other students' files (relative
          and absolute paths)
bomb      a recursion bomb in one answer and a memory bomb in another: only those two fail
saboteur  deletes the grader's result file and kills the grader from its last answer: nothing
          can be graded, it is reported NOT GRADED, and the students after it are still graded
========  =====================================================================================

Every submission runs in the sandbox (bubblewrap): the attacks find nothing to read or delete,
and hidden tests are judged in the grading process from the values the kernel recorded.

plus a file for an unknown student (zed), unmatched names (Untitled.ipynb, the handout's own
name) and a text file. Expected scores come from the source notebook (see _workshop_helpers).
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import time
import zipfile

import nbformat
import pytest
from _workshop_helpers import (
    MODULE,
    auto_tests,
    independent_question,
    kit_modules,
    leaked,
    page_text,
    question_of,
    questions,
    run_cli,
    secret_lines,
)

from socialhrm.workshop import Workshop, simulate_student

pytestmark = pytest.mark.slow

TIMEOUT = 5
ATTACKS = ["bomb", "cheat", "snoop", "vandal"]
GRADED = sorted(["blank", "correct", "crash", "deleted", "edited", "loop", "partly", *ATTACKS])
STUDENTS = sorted([*GRADED, "corrupt", "saboteur"])


def _marker(sid: str) -> str:
    """A private line in each student's notebook: no one else's feedback may show it."""
    return f"private-note-of-{sid}-7f3a"


def _prepend(nb, grade_id: str, code: str) -> None:
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)
    cell.source = code + "\n" + cell.source


def _append(nb, grade_id: str, code: str) -> None:
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)
    cell.source = cell.source.rstrip() + "\n" + code


def _attacks(src, rel, qs, root, kit, bombed):
    """The hostile submissions (see the module docstring), built from the handed-out notebook."""
    from socialhrm.checks import evaluate

    q = {v: question_of(qs, v) for v in ("density", "reciprocity", "bypassed_manager")}
    wrong_manager = next(f"NH{i:04d}" for i in range(1, 50) if not evaluate(
        "q6", module="m01", bypassed_manager=f"NH{i:04d}").passed)
    cheat = simulate_student(src, rel)
    _append(cheat, q["density"].answer, (
        "try:\n    from socialhrm.checks.m01 import _m01\n    density = _m01().density\n"
        "except Exception:\n    density = 0.5"))
    _append(cheat, q["reciprocity"].answer, (
        "import socialhrm.checks as _sc\n"
        "for _name in ('hidden', '_judge', 'evaluate', '_find'):\n"
        "    try:\n        setattr(_sc, _name, lambda *a, **k: (True, True, 'ok'))\n"
        "    except Exception:\n        pass\n"
        "reciprocity = 0.5"))
    _append(cheat, q["bypassed_manager"].answer, (
        f"bypassed_manager = {wrong_manager!r}\n"
        "hidden = lambda *a, **k: None\n_hidden = hidden"))
    targets = [f"{root}/source/{MODULE}/{MODULE}.ipynb", f"{root}/gradebook.db",
               f"{root}/submitted/correct/{MODULE}/{MODULE}.ipynb",
               f"{kit}/{MODULE}/{MODULE}.ipynb",
               f"{kit_modules().resolve()}/{MODULE}/{MODULE}.ipynb",
               f"../../../source/{MODULE}/{MODULE}.ipynb", "../../../gradebook.db",
               f"../../correct/{MODULE}/{MODULE}.ipynb", f"../../../../../{root.name}/gradebook.db"]
    read = ("import glob, os\n"
            f"for _p in {targets!r} + glob.glob('/*/*.ipynb') + glob.glob('../*/*.ipynb'):\n"
            "    try:\n        print(_p, open(_p, errors='replace').read()[:4000])\n"
            "    except Exception as _e:\n        print('could not read', _p, _e)\n"
            "print(os.listdir('/'), os.listdir('..'))")
    snoop = simulate_student(src, rel)
    _append(snoop, qs[0].answer, read)
    import nbformat as _nbf

    snoop.cells.append(_nbf.v4.new_code_cell(read.replace("[:4000]", "[4000:9000]")))
    vandal = simulate_student(src, rel)
    _prepend(vandal, qs[0].answer, (
        "import os, shutil\n"
        f"for _p in {targets!r}:\n"
        "    try:\n        os.remove(_p)\n    except Exception as _e:\n        print(_e)\n"
        f"for _d in [{str(root)!r}, '../../correct', {str(kit)!r}]:\n"
        "    shutil.rmtree(_d, ignore_errors=True)"))
    bomb = simulate_student(src, rel)
    _prepend(bomb, bombed[0].answer, (
        "import sys\nsys.setrecursionlimit(10**8)\n"
        "def _deeper(n):\n    return _deeper(n + 1) + 1\n_deeper(0)"))
    _prepend(bomb, bombed[1].answer, "_hog = []\nwhile True:\n    _hog.append(' ' * 2**24)")
    saboteur = simulate_student(src, rel)
    _append(saboteur, qs[-1].answer, (
        "import os, signal\n"
        "for _f in os.listdir('.'):\n"
        "    if _f.startswith('.result'):\n        os.remove(_f)\n"
        "os.kill(os.getppid(), signal.SIGKILL)"))
    return {"cheat": cheat, "snoop": snoop, "vandal": vandal, "bomb": bomb,
            "saboteur": saboteur}, q


def _grades(ws: Workshop) -> dict[str, dict[str, float | None]]:
    """student -> grade id -> score (None = needs manual grading), from the gradebook."""
    out: dict[str, dict[str, float | None]] = {}
    with ws.gradebook() as gb:
        for sid in GRADED:
            sub = gb.find_submission(MODULE, sid)
            out[sid] = {g.name: (None if g.needs_manual_grade else g.score)
                        for nb in sub.notebooks for g in nb.grades}
    return out


@pytest.fixture(scope="module")
def klass(tmp_path_factory):
    """Run the whole workshop once; the tests below inspect what it produced."""
    modules = kit_modules()
    if not (modules / MODULE / f"{MODULE}.ipynb").is_file():
        pytest.fail(f"module 1 is missing: {modules / MODULE / (MODULE + '.ipynb')}")
    tmp = tmp_path_factory.mktemp("workshop")
    root = tmp / "class"
    roster = tmp / "students.csv"
    with roster.open("w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["student_id", "first_name", "last_name", "email"])
        for sid in STUDENTS:
            writer.writerow([sid, sid.title(), "Test", f"{sid}@example.org"])
    # the class is made from a copy of the kit's modules (the vandal tries to delete it)
    kit_copy = tmp / "kit"
    shutil.copytree(modules, kit_copy)
    kit_files = {p: p.read_bytes() for p in kit_copy.rglob("*") if p.is_file()}
    t0 = time.monotonic()
    out: dict[str, tuple[int, str]] = {}
    out["init"] = run_cli("init", str(root), "--students", str(roster), "--modules", "m01",
                          "--source", str(kit_copy), "--timeout", str(TIMEOUT))
    out["release"] = run_cli("release", str(root), MODULE)
    ws = Workshop(root)
    src = ws.path("source", MODULE, f"{MODULE}.ipynb")
    rel = ws.path("release", MODULE, f"{MODULE}.ipynb")
    qs = questions(src)
    dens = question_of(qs, "density")
    loop_q = independent_question(qs, {dens.answer})
    bombed = [loop_q, independent_question(qs, {dens.answer, loop_q.answer})]
    del_q = next(q for q in qs if q.answer not in {dens.answer, loop_q.answer} and q.tests)
    deleted_test = del_q.tests[0][0]
    dens_tests = {t[0] for t in dens.tests}

    # --- the students' returned work, as a zip with a wrapper folder
    inbox = tmp / "inbox" / "returned"
    (inbox / "blank").mkdir(parents=True)
    now = time.time()

    def put(name: str, nb, mtime: float | None = None) -> None:
        path = inbox / name
        sid = name.split("_")[0].split(" ")[0].split("/")[0].lower()
        if sid in STUDENTS:
            _append(nb, qs[0].answer, f"# {_marker(sid)}")
        nbformat.write(nb, path)
        os.utime(path, (mtime or now, mtime or now))

    put("correct_old.ipynb", simulate_student(src, rel, answers="blank"), now - 3600)
    put(f"correct_{MODULE}.ipynb", simulate_student(src, rel, reflection="Brokers matter."))
    put("Partly - module 1.ipynb", simulate_student(src, rel, set_values={"density": 0.5}))
    put("loop_m01.ipynb", simulate_student(src, rel, loop_before=loop_q.variables[0]))
    nb = simulate_student(src, rel, set_values={"density": 0.5})
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") in dens_tests:
            cell.source = "pass"
    put("edited_m01.ipynb", nb)
    nb = simulate_student(src, rel)
    nb.cells = [c for c in nb.cells
                if c.metadata.get("nbgrader", {}).get("grade_id") != deleted_test]
    put("deleted_m01.ipynb", nb)
    put("blank/my work.ipynb", simulate_student(src, rel, answers="blank"))
    nb = simulate_student(src, rel)
    first_answer = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id")
                        == qs[0].answer)
    first_answer.source = "import os\nos._exit(1)\n" + first_answer.source
    put("crash_m01.ipynb", nb)
    (inbox / "corrupt_m01.ipynb").write_text('{"cells": [ {"cell_type": "code", ')
    hostile, attacked = _attacks(src, rel, qs, root.resolve(), kit_copy.resolve(), bombed)
    for sid, nb in hostile.items():
        put(f"{sid}_m01.ipynb", nb)
    put("zed_m01.ipynb", simulate_student(src, rel))
    put("Untitled.ipynb", simulate_student(src, rel))
    put(f"{MODULE}.ipynb", simulate_student(src, rel))
    (inbox / "notes.txt").write_text("see you next week")
    archive = tmp / "returned.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in sorted(inbox.parent.rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(inbox.parent))

    out["collect"] = run_cli("collect", str(root), "m01", str(archive))
    t1 = time.monotonic()
    out["grade"] = run_cli("grade", str(root), MODULE)
    grade_s = time.monotonic() - t1
    out["feedback"] = run_cli("feedback", str(root), MODULE)
    out["export"] = run_cli("export", str(root), MODULE)
    total_s = time.monotonic() - t0

    full = auto_tests(src)
    expected = {sid: dict(full) for sid in GRADED}
    for sid in ("partly", "edited"):
        for tid, _pts, hidden in dens.tests:
            if hidden:
                expected[sid][tid] = 0.0
    for tid, _pts, _hidden in loop_q.tests:
        expected["loop"][tid] = 0.0
    for tid, _pts, _hidden in qs[0].tests:
        expected["crash"][tid] = 0.0
    for var in ("density", "reciprocity", "bypassed_manager"):
        for tid, _pts, _hidden in attacked[var].tests:
            expected["cheat"][tid] = 0.0
    for q in bombed:
        for tid, _pts, _hidden in q.tests:
            expected["bomb"][tid] = 0.0
    expected["deleted"][deleted_test] = 0.0
    expected["blank"] = dict.fromkeys(full, 0.0)
    print(f"\nworkshop round trip: grading {grade_s:.1f} s, whole class {total_s:.1f} s")
    return {"root": root, "ws": ws, "src": src, "rel": rel, "out": out, "archive": archive,
            "inbox": inbox, "expected": expected, "full": full, "dens": dens, "loop": loop_q,
            "deleted_test": deleted_test, "grade_s": grade_s, "tmp": tmp, "roster": roster,
            "bombed": bombed, "kit": kit_copy, "kit_files": kit_files}


def test_every_step_ran(klass):
    codes = {step: code for step, (code, _) in klass["out"].items()}
    # collect reports problems (corrupt/unknown/unmatched files), grade the saboteur
    assert codes == {"init": 0, "release": 0, "collect": 1, "grade": 1, "feedback": 0,
                     "export": 0}, klass["out"]
    for _, text in klass["out"].values():
        assert "Traceback (most recent call last)" not in text
    assert (klass["root"] / "handout" / f"{MODULE}.zip").is_file()
    assert (klass["root"] / "handout" / MODULE / f"{MODULE}.ipynb").is_file()
    assert (klass["root"] / "gradebook.db").is_file()


def test_collect_matches_files_and_reports_problems(klass):
    _, text = klass["out"]["collect"]
    root = klass["root"]
    for sid in GRADED:
        assert (root / "submitted" / sid / MODULE / f"{MODULE}.ipynb").is_file(), sid
        assert (root / "submitted" / sid / MODULE / "timestamp.txt").is_file(), sid
    assert not (root / "submitted" / "corrupt").exists()
    assert not (root / "submitted" / "zed").exists()
    assert "corrupt notebook corrupt_m01.ipynb (corrupt)" in text
    assert "unknown student 'zed': zed_m01.ipynb" in text
    assert "unmatched file Untitled.ipynb" in text
    assert f"unmatched file {MODULE}.ipynb" in text
    assert "ignored a file that is not a notebook: notes.txt" in text
    assert ("duplicate submission for correct: correct_m01_org_as_network.ipynb, "
            "correct_old.ipynb; took the newest, correct_m01_org_as_network.ipynb") in text
    assert "Not returned yet: corrupt" in text
    taken = (root / "submitted" / "correct" / MODULE / f"{MODULE}.ipynb").read_bytes()
    assert taken == (klass["inbox"] / f"correct_{MODULE}.ipynb").read_bytes()


def test_scores_of_every_student(klass):
    grades = _grades(klass["ws"])
    for sid in GRADED:
        got = {k: v for k, v in grades[sid].items() if k in klass["full"]}
        assert got == klass["expected"][sid], sid
    # correct: full marks on every autograded question, reflection waits for the trainer
    assert all(v is not None for k, v in grades["correct"].items() if k in klass["full"])
    assert None in grades["correct"].values()
    # partly wrong: only the hidden test of the density question fails
    missed = {k for k, v in grades["partly"].items() if k in klass["full"] and v == 0}
    assert missed == {t for t, _, hidden in klass["dens"].tests if hidden} != set()
    # edited test cell restored: scored exactly like the unedited partly-wrong student
    assert grades["edited"] == grades["partly"]
    # deleted test cell: put back and scored 0, not left for manual grading
    assert grades["deleted"][klass["deleted_test"]] == 0.0
    assert all(grades["deleted"][t] is not None for t in klass["full"])
    _, text = klass["out"]["grade"]
    assert f"deleted test cell(s) {klass['deleted_test']} put back and scored 0" in text


def test_endless_loop_is_stopped_and_the_rest_graded(klass):
    _, text = klass["out"]["grade"]
    line = next(x for x in text.splitlines() if "] loop " in x)
    assert f"answer {klass['loop'].answer} ran longer than {TIMEOUT} s and was stopped" in line
    seconds = int(re.search(r"\((\d+) s\)", line).group(1))
    assert TIMEOUT <= seconds < TIMEOUT + 60  # the timeout, a fresh kernel, the replay
    grades = _grades(klass["ws"])["loop"]
    later = [t for q in questions(klass["src"]) if q.answer != klass["loop"].answer
             for t, _, _ in q.tests]
    assert later and all(grades[t] == klass["full"][t] for t in later)


def test_a_dying_kernel_costs_only_its_own_cell(klass):
    _, text = klass["out"]["grade"]
    lines = [x for x in text.splitlines() if x.startswith("[")]
    order = [re.match(r"\[\d+/\d+\] (\S+)", x).group(1) for x in lines]
    assert order == sorted([*GRADED, "saboteur"])
    crash = next(x for x in lines if "] crash " in x)
    first = questions(klass["src"])[0].answer
    assert "NOT GRADED" not in crash and f"answer {first} stopped the kernel" in crash
    bomb = next(x for x in lines if "] bomb " in x)
    assert "NOT GRADED" not in bomb
    assert f"Graded {len(GRADED)}, skipped 0 (unchanged), failed 1." in text
    assert (klass["root"] / "autograded" / "crash" / MODULE).is_dir()


def test_a_submission_that_breaks_the_grader_stops_no_one_else(klass):
    _, text = klass["out"]["grade"]
    lines = [x for x in text.splitlines() if x.startswith("[")]
    order = [re.match(r"\[\d+/\d+\] (\S+)", x).group(1) for x in lines]
    line = next(x for x in lines if "] saboteur " in x)
    assert "NOT GRADED" in line and "the notebook could not be run" in line
    assert order.index("saboteur") < len(order) - 1  # students after it were still graded
    assert not (klass["root"] / "autograded" / "saboteur" / MODULE).exists()


def test_feedback_pages_show_no_hidden_tests(klass):
    root = klass["root"]
    secrets = secret_lines(klass["src"], klass["rel"])
    assert secrets, "the module has no hidden tests?"
    src = nbformat.read(klass["src"], as_version=4)
    rel = nbformat.read(klass["rel"], as_version=4)
    visible = {x.strip() for nb in (src, rel) for c in nb.cells
               if nb is rel or c.metadata.get("nbgrader", {}).get("solution")
               for x in c.source.splitlines()}
    pages = sorted((root / "feedback_html" / MODULE).glob("*.html"))
    assert [p.stem for p in pages] == GRADED
    nbgrader_pages = sorted((root / "feedback").glob(f"*/{MODULE}/*.html"))
    assert len(nbgrader_pages) == len(GRADED)
    for page in pages + nbgrader_pages:
        text = page_text(page)
        assert "Score:" in text, page
        assert leaked(text, secrets, visible) == [], page
        assert "HIDDEN TESTS" not in text, page
    partly = page_text(root / "feedback_html" / MODULE / "partly.html")
    assert "A hidden test did not pass" in partly
    assert "A hidden test did not pass" not in page_text(root / "feedback_html" / MODULE
                                                          / "correct.html")


@pytest.mark.browser
def test_feedback_pages_open_in_a_browser_without_fetching_from_outside(klass, browser):
    """A feedback page is sent to a student: opened from a file, it loads nothing remote."""
    root = klass["root"]
    pages = sorted((root / "feedback_html" / MODULE).glob("*.html"))
    assert pages
    context = browser.new_context()
    try:
        page = context.new_page()
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(pages[0].resolve().as_uri(), wait_until="load")
        assert "Score" in page.locator("body").inner_text()
    finally:
        context.close()
    outside = [u for u in requests if not u.startswith(("file:", "data:", "about:", "blob:"))]
    assert requests and outside == [], outside


def test_export_grades_csv(klass):
    root = klass["root"]
    with (root / "exports" / f"grades_{MODULE}.csv").open() as fh:
        rows = {r["student_id"]: r for r in csv.DictReader(fh)}
    assert sorted(rows) == STUDENTS
    assert rows["corrupt"]["status"] == "not submitted" and rows["corrupt"]["score"] == ""
    assert rows["crash"]["status"] == "graded"
    assert rows["saboteur"]["status"] == "collected (not graded)"
    assert rows["correct"]["status"] == "needs manual grading"
    total = sum(klass["full"].values())
    for sid in GRADED:
        row = rows[sid]
        for tid, points in klass["expected"][sid].items():
            assert float(row[tid]) == points, (sid, tid)
        auto = sum(klass["expected"][sid].values())
        assert float(row["score"]) == auto, sid  # reflections are 0 or not graded yet
        assert float(row["max_score"]) >= total
    _, text = klass["out"]["export"]
    assert "correct" in text and "Per question" in text


def test_per_question_summary_and_found_hard(klass):
    root = klass["root"]
    with (root / "exports" / f"questions_{MODULE}.csv").open() as fh:
        summary = {r["question"]: r for r in csv.DictReader(fh)}
    for tid, points in klass["full"].items():
        scores = [klass["expected"][sid][tid] for sid in GRADED]
        share = sum(scores) / len(scores) / points
        row = summary[tid]
        assert row["kind"] == "auto"
        assert int(row["graded"]) == len(GRADED)
        assert float(row["mean_share"]) == pytest.approx(share, abs=1e-3)
        assert int(row["full_marks"]) == sum(s == points for s in scores)
        assert (row["found_hard"] == "True") == (share < 0.5)
    # the question partly/edited/blank/cheat missed
    hidden = [t for t, _, h in klass["dens"].tests if h][0]
    share = float(summary[hidden]["mean_share"])
    assert share == pytest.approx(1 - 4 / len(GRADED), abs=1e-3)
    code, text = run_cli("export", str(root), MODULE, "--threshold", "0.7")
    assert code == 0
    with (root / "exports" / f"questions_{MODULE}.csv").open() as fh:
        flagged = {r["question"] for r in csv.DictReader(fh) if r["found_hard"] == "True"}
    expected = {t for t, p in klass["full"].items()
                if sum(klass["expected"][s][t] for s in GRADED) / len(GRADED) / p < 0.7}
    assert hidden in flagged and flagged == expected
    assert "FOUND HARD" in text
    run_cli("export", str(root), MODULE)  # back to the default for the tests below


def test_status_table(klass):
    code, text = run_cli("status", str(klass["root"]))
    assert code == 0
    lines = {x.split()[0]: x for x in text.splitlines()[2:] if x.strip()}
    assert "feedback" in lines["correct"] and "graded" in lines["correct"]
    assert "graded" in lines["crash"] and "feedback" in lines["crash"]
    assert lines["saboteur"].split()[-1] == "submitted"
    assert lines["corrupt"].split()[-1] == "-"


def test_running_every_step_again_changes_nothing(klass):
    root, ws = klass["root"], klass["ws"]
    before = _grades(ws)
    ledger = json.loads((root / "workshop.json").read_text())["graded"]
    autograded = {p: p.stat().st_mtime for p in (root / "autograded").rglob("*.ipynb")}
    csv_before = (root / "exports" / f"grades_{MODULE}.csv").read_bytes()
    code, text = run_cli("init", str(root), "--students", str(klass["roster"]),
                         "--source", str(kit_modules()))
    assert code == 0 and "0 added" in text and "not replaced" in text
    code, text = run_cli("collect", str(root), MODULE, str(klass["archive"]))
    assert code == 1 and "collected  " not in text
    assert text.count("(already collected)") == len(GRADED) + 1  # and the saboteur
    code, text = run_cli("grade", str(root), MODULE)
    assert "Already graded and unchanged" in text and "[1/" in text  # only the saboteur, again
    assert [x for x in text.splitlines() if x.startswith("[")][0].startswith("[1/1] saboteur")
    code, text = run_cli("feedback", str(root), MODULE)
    assert code == 0 and "already up to date" in text
    code, _ = run_cli("export", str(root), MODULE)
    assert code == 0
    assert _grades(ws) == before
    assert json.loads((root / "workshop.json").read_text())["graded"] == ledger
    assert {p: p.stat().st_mtime for p in (root / "autograded").rglob("*.ipynb")} == autograded
    assert (root / "exports" / f"grades_{MODULE}.csv").read_bytes() == csv_before


def test_a_new_file_replaces_a_graded_one_only_with_force(klass, tmp_path):
    root, ws = klass["root"], klass["ws"]
    before = _grades(ws)
    fixed = tmp_path / "partly_m01_v2.ipynb"
    nbformat.write(simulate_student(klass["src"], klass["rel"]), fixed)
    graded_copy = (root / "submitted" / "partly" / MODULE / f"{MODULE}.ipynb").read_bytes()
    code, text = run_cli("collect", str(root), MODULE, str(tmp_path))
    assert code == 0 and "kept         partly" in text
    assert (root / "submitted" / "partly" / MODULE / f"{MODULE}.ipynb").read_bytes() \
        == graded_copy
    code, text = run_cli("collect", str(root), MODULE, str(tmp_path), "--force")
    assert code == 0 and "collected    partly" in text
    code, text = run_cli("grade", str(root), MODULE, "--student", "partly")
    assert code == 0 and "[1/1] partly" in text
    assert not (root / "feedback_html" / MODULE / "partly.html").exists()  # would be stale
    code, text = run_cli("feedback", str(root), MODULE)
    assert code == 0 and "  partly: " in text and "already up to date" in text
    assert "A hidden test did not pass" not in page_text(root / "feedback_html" / MODULE
                                                          / "partly.html")
    after = _grades(ws)
    assert {k: v for k, v in after["partly"].items() if k in klass["full"]} == klass["full"]
    assert {s: g for s, g in after.items() if s != "partly"} == \
        {s: g for s, g in before.items() if s != "partly"}


def test_deleted_tests_can_be_run_instead_of_zero(klass):
    root, ws = klass["root"], klass["ws"]
    code, text = run_cli("grade", str(root), MODULE, "--student", "deleted", "--force",
                         "--deleted-tests", "run")
    assert code == 0 and "put back and run" in text
    grades = _grades(ws)["deleted"]
    assert {k: v for k, v in grades.items() if k in klass["full"]} == klass["full"]
    shutil.rmtree(klass["tmp"] / "inbox")  # keep the tmp folder small


# ---- the attack class (issue 11): nothing to read, nothing to delete, no way round the judge

FOREIGN = ["SQLite format 3", "Model answer for trainers", '"schema_version"', '"grade_id"']


def test_the_honest_student_and_the_attackers_score_exactly(klass):
    grades = _grades(klass["ws"])
    full = klass["full"]
    assert {k: v for k, v in grades["correct"].items() if k in full} == full
    for sid in ("snoop", "vandal"):  # correct answers: the attacks neither help nor hurt
        assert {k: v for k, v in grades[sid].items() if k in full} == full, sid
    cheat = {k for k, v in grades["cheat"].items() if k in full and v == 0}
    assert cheat == {k for k, v in klass["expected"]["cheat"].items() if v == 0}
    assert len(cheat) == 3  # library read (q2), patched checks (q3), overridden hidden (q6)
    bomb = {k for k, v in grades["bomb"].items() if k in full and v == 0}
    assert bomb == {t for q in klass["bombed"] for t, _, _ in q.tests}
    _, text = klass["out"]["grade"]
    line = next(x for x in text.splitlines() if "] bomb " in x)
    assert "was stopped" in line or "stopped the kernel" in line


def test_the_vandal_deleted_nothing(klass):
    root = klass["root"]
    assert (root / "gradebook.db").is_file()
    assert sorted(p.name for p in (root / "backups").glob("gradebook-*.db"))  # backed up first
    with klass["ws"].gradebook() as gb:
        assert {s.student.id for s in gb.assignment_submissions(MODULE)} >= set(GRADED)
    for sid in GRADED:
        assert (root / "submitted" / sid / MODULE / f"{MODULE}.ipynb").is_file(), sid
        assert (root / "autograded" / sid / MODULE / f"{MODULE}.ipynb").is_file(), sid
    assert (root / "source" / MODULE / f"{MODULE}.ipynb").is_file()
    assert {p: p.read_bytes() for p in klass["kit"].rglob("*") if p.is_file()} == \
        klass["kit_files"]


def test_no_feedback_page_shows_solutions_or_classmates(klass):
    root = klass["root"]
    assert run_cli("feedback", str(root), MODULE)[0] == 0  # pages of students graded again
    pages = {p.stem: page_text(p) for p in (root / "feedback_html" / MODULE).glob("*.html")}
    assert sorted(pages) == GRADED
    for sid, text in pages.items():
        for foreign in FOREIGN:
            assert foreign not in text, (sid, foreign)
        for other in GRADED:
            if other != sid:
                assert _marker(other) not in text, (sid, other)
    assert _marker("snoop") in pages["snoop"]  # its own notebook is shown, as it should be
    assert "could not read" in pages["snoop"]  # the attempts ran, and found nothing


def test_grading_refuses_without_isolation(klass, monkeypatch, tmp_path):
    from socialhrm.workshop.sandbox import sandbox_problem

    monkeypatch.setenv("PATH", str(tmp_path))  # no bwrap on PATH
    sandbox_problem.cache_clear()
    try:
        code, text = run_cli("grade", str(klass["root"]), MODULE, "--force")
    finally:
        monkeypatch.undo()
        sandbox_problem.cache_clear()
    assert code == 2 and "bubblewrap is not installed" in text and "--no-sandbox" in text
    assert "Graded" not in text


def test_a_lost_grade_is_never_called_unchanged(klass):
    root, ws = klass["root"], klass["ws"]
    before = _grades(ws)
    with ws.gradebook() as gb:
        gb.remove_submission(MODULE, "blank")
    code, text = run_cli("grade", str(root), MODULE, "--student", "blank", "--student", "correct")
    assert code == 0 and "The gradebook has no grade for blank: graded again" in text
    assert "[1/1] blank" in text
    skipped = next(x for x in text.splitlines() if x.startswith("Already graded"))
    assert "blank" not in skipped
    assert _grades(ws) == before
    # the whole gradebook gone: grade refuses, export explains, restore puts it back
    (root / "gradebook.db").unlink()
    code, text = run_cli("grade", str(root), MODULE)
    assert code == 2 and "gradebook" in text and "socialhrm workshop restore" in text
    code, text = run_cli("export", str(root), MODULE)
    assert code == 2 and "socialhrm workshop restore" in text
    assert "KeyError" not in text and "Traceback" not in text
    assert not (root / "gradebook.db").exists()  # nothing opened (and so created) a new one
    code, text = run_cli("restore", str(root))
    assert code == 0 and "Restored the gradebook" in text
    # the newest backup is from before blank was graded again: blank is graded once more
    code, text = run_cli("grade", str(root), MODULE, "--student", "blank")
    assert code == 0 and "The gradebook has no grade for blank: graded again" in text
    assert _grades(ws) == before

