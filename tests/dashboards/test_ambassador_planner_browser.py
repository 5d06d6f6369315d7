"""The ambassador planner, served by `socialhrm dashboards`, in chromium.

It renders its panels, answers a control change (audience, number of ambassadors, steps,
strategy, pseudonyms, minimum group size), shows a malformed upload's error in the page and
keeps working, loads a good upload with pseudonyms on, and saves screenshots to
tests/artifacts/ (with SOCIALHRM_UPDATE_SCREENSHOTS=1 also docs/img/ambassador_planner.png).
The expected people and figures come from the library, never typed in.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from _browser import REPO, open_dashboard, wait_until

from socialhrm import datasets
from socialhrm.apps.ambassador_planner import STRATEGY_LABELS
from socialhrm.checks.m07 import noordhaven_reach_graph
from socialhrm.reach import rank_strategies

pytestmark = [pytest.mark.slow, pytest.mark.browser]

COVERS = {"ambassador_planner.ipynb"}
PLANNER = "voila/render/ambassador_planner.ipynb"
READY = ".shrm-planner .shrm-compare table.shrm-t"


@pytest.fixture(scope="module")
def expected():
    org, G = noordhaven_reach_graph()
    names = org.people.set_index("person_id")["name"]
    eng = rank_strategies(G, 6, 2, "engineering")  # the first screen: shares travel 2 steps
    students = rank_strategies(G, 5, 2, "student")
    return {"names": names, "eng": eng, "students": students}


def _text(page, css: str) -> str:
    return page.locator(css).inner_text()


def _rows(page) -> int:
    return page.locator(".shrm-chosen table tr").count() - 1  # minus the header


def _screenshot(page, path: Path) -> None:
    height = page.evaluate("() => Math.max(...[...document.querySelectorAll('*')]"
                           ".map(e => e.scrollHeight))")
    page.set_viewport_size({"width": 1440, "height": min(max(int(height), 900), 4000)})
    page.wait_for_timeout(300)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size({"width": 1440, "height": 1000})


def _upload(page, widget: str, path: Path) -> None:
    with page.expect_file_chooser(timeout=10_000) as chooser:
        page.locator(widget).click()
    chooser.value.set_files(str(path))


def test_planner_renders_and_reacts(dashboards_server, page, artifacts, expected):
    open_dashboard(page, dashboards_server + PLANNER, READY)
    eng = expected["eng"]
    names = expected["names"]
    # first screen: engineers, five ambassadors, two steps, greedy's picks by name (names on)
    for s in ("greedy", "degree"):
        shown = int(_text(page, f".shrm-coverage-{s}").replace(",", ""))
        assert shown == int(eng[s]["coverage"].iloc[4]), s
    chosen = _text(page, ".shrm-chosen")
    first = eng["greedy"]["person"].iloc[0]
    assert names[first] in chosen and _rows(page) == 5
    assert "counted twice" in _text(page, ".shrm-overlap")
    referrals = _text(page, ".shrm-referrals")
    assert "referral" in referrals and "job board" in referrals and "weak" in referrals
    assert "Traceback" not in page.content() and "AmbassadorPlanner(" not in page.content()
    shot = artifacts / "ambassador_planner.png"
    _screenshot(page, shot)
    if os.environ.get("SOCIALHRM_UPDATE_SCREENSHOTS") == "1":
        (REPO / "docs" / "img").mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, REPO / "docs" / "img" / "ambassador_planner.png")

    # one more ambassador (the slider): a sixth row, the sixth greedy pick
    timings = {}
    page.locator(".shrm-k .noUi-handle").focus()
    start = time.perf_counter()
    page.keyboard.press("ArrowRight")
    wait_until(lambda: _rows(page) == 6, what="a sixth ambassador")
    timings["k"] = time.perf_counter() - start
    assert names[eng["greedy"]["person"].iloc[5]] in _text(page, ".shrm-chosen")
    # another strategy: the biggest networks
    start = time.perf_counter()
    page.select_option(".shrm-strategy select", label=STRATEGY_LABELS["degree"])
    wait_until(lambda: names[eng["degree"]["person"].iloc[0]] in _text(page, ".shrm-chosen"),
               what="the choice by network size")
    timings["strategy"] = time.perf_counter() - start
    # another audience: students
    before = _text(page, ".shrm-compare")
    start = time.perf_counter()
    label = page.locator(".shrm-audience select option", has_text="student").inner_text()
    page.select_option(".shrm-audience select", label=label)
    wait_until(lambda: _text(page, ".shrm-compare") != before, what="coverage of students")
    timings["audience"] = time.perf_counter() - start
    page.select_option(".shrm-strategy select", label=STRATEGY_LABELS["greedy"])
    page.locator(".shrm-k .noUi-handle").focus()
    page.keyboard.press("ArrowLeft")
    wait_until(lambda: _rows(page) == 5, what="five ambassadors again")
    stu = expected["students"]["greedy"]
    wait_until(lambda: int(_text(page, ".shrm-coverage-greedy").replace(",", ""))
               == int(stu["coverage"].iloc[4]), what="greedy coverage of students")
    # direct contacts only: coverage shrinks
    two_steps = int(_text(page, ".shrm-coverage-greedy").replace(",", ""))
    page.locator(".shrm-steps button", has_text="direct contacts").click()
    wait_until(lambda: int(_text(page, ".shrm-coverage-greedy").replace(",", "")) < two_steps,
               what="one-step coverage")
    # pseudonyms on: no names in the ambassadors' table
    page.locator(".shrm-pseudonyms input").check()
    wait_until(lambda: "p_" in _text(page, ".shrm-chosen"), what="pseudonyms")
    assert not any(n in _text(page, ".shrm-chosen") for n in names)
    # a higher minimum group size suppresses more referral figures, visibly
    box = page.locator(".shrm-min-group input")
    box.fill("40")
    box.press("Enter")
    wait_until(lambda: "suppressed" in _text(page, ".shrm-referrals"), what="suppression")
    _screenshot(page, artifacts / "ambassador_planner_changed.png")
    (artifacts / "ambassador_planner_timings.txt").write_text(
        "".join(f"{k}: {v * 1000:.0f} ms (browser round trip)\n" for k, v in timings.items()))
    assert max(timings.values()) < 10  # the 300 ms budget is measured in benchmarks/


def test_planner_bad_upload_shows_error_and_keeps_working(dashboards_server, page, artifacts,
                                                          tmp_path: Path):
    open_dashboard(page, dashboards_server + PLANNER, READY)
    page.locator(".shrm-source button", has_text="My own data").click()
    page.wait_for_selector(".shrm-upload", state="visible", timeout=10_000)
    people = tmp_path / "people.csv"
    people.write_text("person_id,department,team,manager_id\nA1,Sales,North,\n"
                      "A2,Sales,North,A1\nA3,IT,Apps,A1\nA4,IT,Apps,A1\n")
    bad = tmp_path / "contacts.csv"
    bad.write_text("person_id,contact\nA1,X1\n")
    _upload(page, ".shrm-people-file", people)
    _upload(page, ".shrm-contacts-file", bad)
    page.locator("button.shrm-load").click()
    error = page.locator(".shrm-message .shrm-error")
    error.wait_for(state="visible", timeout=15_000)
    text = error.inner_text()
    assert "contact_id" in text and "What to do" in text
    assert "Traceback" not in text and "/tmp/" not in text
    # still working on the bundled data
    assert "referral" in _text(page, ".shrm-referrals")
    page.select_option(".shrm-strategy select", label=STRATEGY_LABELS["managers"])
    wait_until(lambda: "managers" in _text(page, ".shrm-compare"), what="the page to react")
    # a good upload (with a value that must be escaped), pseudonyms switched on
    good = tmp_path / "contacts_ok.csv"
    lines = ["person_id,contact_id,segment"]
    lines += [f"A{1 + i % 4},X{i},engineering" for i in range(12)]
    lines += ["A1,X99,<b>student</b>"] * 1
    good.write_text("\n".join(lines) + "\n")
    _upload(page, ".shrm-contacts-file", good)
    page.locator("button.shrm-load").click()
    page.locator(".shrm-message .shrm-ok").wait_for(state="visible", timeout=15_000)
    wait_until(lambda: page.locator(".shrm-pseudonyms input").is_checked(),
               what="pseudonyms on for uploaded data")
    wait_until(lambda: "p_" in _text(page, ".shrm-chosen"), what="pseudonyms in the table")
    assert "A1" not in _text(page, ".shrm-chosen")
    assert "<b>student</b>" not in page.content()
    assert "no applications table" in _text(page, ".shrm-referrals")
    _screenshot(page, artifacts / "ambassador_planner_upload.png")


def test_dataset_has_what_the_planner_needs():
    nh = datasets.load("noordhaven")
    assert nh.contacts is not None and nh.applications is not None
