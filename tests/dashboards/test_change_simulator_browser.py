"""The change programme simulator, served by `socialhrm dashboards`, in chromium.

It renders with its curves, network and sentences; the week slider, the strategy ticks and
the model each change the output; a bad upload shows its error and the page keeps working.
With SOCIALHRM_UPDATE_SCREENSHOTS=1 (``make screenshots``) the screenshot replaces
docs/img/change_simulator.png, the README's picture.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from _browser import REPO, open_dashboard, wait_until

pytestmark = [pytest.mark.slow, pytest.mark.browser]

#: Which dashboards this file's tests cover (see test_dashboards_browser.py).
COVERS = {"change_simulator.ipynb"}

URL = "voila/render/change_simulator.ipynb"
READY = ".shrm-change .shrm-sentences li"


def _text(page, css: str) -> str:
    return page.locator(css).inner_text()


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


def test_change_simulator_renders_and_reacts(dashboards_server, page, artifacts):
    seconds = open_dashboard(page, dashboards_server + URL, READY)
    # the curves: one line per ticked strategy (four by default), with the network and text
    assert page.locator(".shrm-curves polyline.shrm-line").count() == 4
    assert page.locator(".shrm-network circle").count() == 304
    sentences = _text(page, ".shrm-sentences")
    assert "HR first" in sentences and "adopt within 26 weeks" in sentences
    assert page.locator(".shrm-sentences li").count() == 4  # one sentence per strategy
    assert "90% of runs" in sentences
    assert "Traceback" not in page.content() and "ChangeSimulator(" not in page.content()
    shot = artifacts / "change_simulator.png"
    _screenshot(page, shot)
    if os.environ.get("SOCIALHRM_UPDATE_SCREENSHOTS") == "1":
        (REPO / "docs" / "img").mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, REPO / "docs" / "img" / "change_simulator.png")

    # the week slider recolours the network (precomputed: no simulation)
    before = _text(page, ".shrm-net-caption")
    handle = page.locator(".shrm-week .noUi-handle")
    handle.focus()
    start = time.perf_counter()
    for _ in range(6):
        handle.press("ArrowRight")
    wait_until(lambda: "Week 14" in _text(page, ".shrm-net-caption"), what="week 14")
    assert _text(page, ".shrm-net-caption") != before
    # a strategy ticked on adds its curve, at once
    page.locator(".shrm-strategy-spread input").check()
    wait_until(lambda: page.locator(".shrm-curves polyline.shrm-line").count() == 5,
               what="the fifth curve")
    elapsed = time.perf_counter() - start
    assert "key players" in _text(page, ".shrm-sentences")
    # another model: simulated anew (with progress), the sentences change
    before = _text(page, ".shrm-sentences")
    label = page.locator(".shrm-model select option", has_text="like a rumour").inner_text()
    page.select_option(".shrm-model select", label=label)
    wait_until(lambda: _text(page, ".shrm-sentences") != before, timeout=60,
               what="sentences for a rumour")
    assert "one in twenty" in _text(page, ".shrm-change")  # the rumour's parameters in words
    _screenshot(page, artifacts / "change_simulator_changed.png")
    assert seconds < 60 and elapsed < 15


def test_change_simulator_bad_upload_shows_error_and_keeps_working(
        dashboards_server, page, artifacts, tmp_path: Path):
    open_dashboard(page, dashboards_server + URL, READY)
    page.locator(".shrm-source button", has_text="My own data").click()
    page.wait_for_selector(".shrm-upload", state="visible", timeout=10_000)
    people = tmp_path / "people.csv"
    people.write_text("person_id,department\nA1,Sales\nA2,Sales\nA3,IT\nA4,IT\n")
    bad = tmp_path / "ties.csv"
    bad.write_text("sender,recipient,timestamp\nA1,A2,2025-01-03\nA2,A1,yesterday-ish\n")
    _upload(page, ".shrm-people-file", people)
    _upload(page, ".shrm-ties-file", bad)
    page.locator("button.shrm-load").click()
    error = page.locator(".shrm-message .shrm-error")
    error.wait_for(state="visible", timeout=15_000)
    text = error.inner_text()
    assert "yesterday-ish" in text and "What to do" in text and "Traceback" not in text
    # still working on the bundled data
    assert page.locator(".shrm-network circle").count() == 304
    # a good upload replaces the data; ids are pseudonymised
    good = tmp_path / "ties_ok.csv"
    good.write_text("sender,recipient\nA1,A2\nA2,A3\nA3,A4\nA4,A1\nA1,A3\n")
    _upload(page, ".shrm-ties-file", good)
    page.locator("button.shrm-load").click()
    page.locator(".shrm-message .shrm-ok").wait_for(state="visible", timeout=30_000)
    wait_until(lambda: page.locator(".shrm-network circle").count() == 4,
               timeout=30, what="the uploaded network")
    assert "A1" not in page.locator(".shrm-network").inner_html()
    _screenshot(page, artifacts / "change_simulator_upload.png")
