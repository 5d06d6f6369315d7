"""The business-case dashboard, served by `socialhrm dashboards`, in chromium.

It renders on Noordhaven without any upload (headline, distribution, tornado, readiness radar,
every assumption), a slider change changes the answer, the readiness radar merges small
departments (and more of them at a higher minimum), the one-page summary downloads and states
every assumption, and a malformed upload shows its error while the page keeps working. With
SOCIALHRM_UPDATE_SCREENSHOTS=1 the screenshot also replaces docs/img/business_case.png.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from _browser import REPO, open_dashboard, wait_until

from socialhrm.business_case import ASSUMPTIONS, noordhaven_assumptions

pytestmark = [pytest.mark.slow, pytest.mark.browser]

COVERS = {"business_case.ipynb"}
URL = "voila/render/business_case.ipynb"
READY = ".shrm-bc .shrm-bc-radar .shrm-bc-radar-card"


def _text(page, selector: str) -> str:
    return page.locator(selector).inner_text()


def _screenshot(page, path: Path) -> None:
    height = page.evaluate("() => Math.max(...[...document.querySelectorAll('*')]"
                           ".map(e => e.scrollHeight))")
    page.set_viewport_size({"width": 1440, "height": min(max(int(height), 900), 4000)})
    page.wait_for_timeout(300)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size({"width": 1440, "height": 1000})


def test_business_case_renders_reacts_and_downloads(dashboards_server, page, artifacts):
    seconds = open_dashboard(page, dashboards_server + URL, READY)
    headline = _text(page, ".shrm-bc-headline")
    assert "net return, 3 years" in headline and "chance that it pays" in headline
    page.wait_for_selector(".shrm-bc-distribution svg rect", state="attached")
    page.wait_for_selector(".shrm-bc-tornado svg rect", state="attached")
    tornado = _text(page, ".shrm-bc-tornado")
    assert "lower staff turnover" in tornado
    # privacy: the 3-person Board never gets a radar of its own
    cards = page.locator(".shrm-bc-radar-card").all_inner_texts()
    assert any("Operations" in c for c in cards) and any("other (<5)" in c for c in cards)
    assert not any(c.startswith("Board") for c in cards)
    assert "Traceback" not in page.content() and "BusinessCaseApp(" not in page.content()
    shot = artifacts / "business_case.png"
    _screenshot(page, shot)
    if os.environ.get("SOCIALHRM_UPDATE_SCREENSHOTS") == "1":
        img = REPO / "docs" / "img"
        img.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, img / "business_case.png")

    # a slider change changes the answer: a shorter horizon
    handle = page.locator(".shrm-bc-years .noUi-handle")
    handle.focus()
    start = time.perf_counter()
    handle.press("ArrowLeft")
    wait_until(lambda: "net return, 2 years" in _text(page, ".shrm-bc-headline"),
               what="the headline for 2 years")
    took = time.perf_counter() - start
    (artifacts / "business_case_update_seconds.txt").write_text(f"{took:.3f}\n")
    assert _text(page, ".shrm-bc-headline") != headline
    # a range slider: a lower top end for the fall in turnover lowers the net return
    before = _text(page, ".shrm-bc-headline")
    upper = page.locator(".shrm-bc-slider-turnover_reduction .noUi-handle-upper")
    upper.focus()
    upper.press("Home")
    wait_until(lambda: _text(page, ".shrm-bc-headline") != before,
               what="the headline after the range change")
    # the scenario
    page.select_option(".shrm-bc-scenario select",
                       label="recruitment and retention of new hires only")
    wait_until(lambda: "−€" in _text(page, ".shrm-bc-headline").split("\n")[1],
               what="a negative median without the softer effects")

    # a higher minimum group size merges more departments, visibly
    link = page.locator("a.shrm-bc-download")
    href = link.get_attribute("href")
    page.locator(".shrm-bc-min-group .noUi-handle").focus()
    page.locator(".shrm-bc-min-group .noUi-handle").press("End")
    wait_until(lambda: any("other (<30)" in c for c in
                           page.locator(".shrm-bc-radar-card").all_inner_texts()),
               what="the radar merged at 30")
    cards = page.locator(".shrm-bc-radar-card").all_inner_texts()
    assert not any(c.startswith("Finance") for c in cards)
    wait_until(lambda: link.get_attribute("href") != href, what="the summary brought up to date")

    # the one-page summary downloads and states every assumption
    with page.expect_download(timeout=15_000) as dl:
        page.locator("a.shrm-bc-download").click()
    download = dl.value
    assert download.suggested_filename == "business_case_summary.html"
    text = Path(download.path()).read_text(encoding="utf-8")
    for name in ASSUMPTIONS:
        assert f"<code>{name}</code>" in text, name
    assert "Every assumption" in text and "What moves the answer most" in text
    assert "2 years" in text and "(scenario)" in text  # the state the user chose
    assert "other (&lt;30)" in text and "Finance" in text  # merged, named only as merged
    (artifacts / "business_case_summary.html").write_text(text, encoding="utf-8")
    assert seconds < 60


def test_business_case_bad_upload_shows_error_and_keeps_working(dashboards_server, page,
                                                                 artifacts, tmp_path):
    open_dashboard(page, dashboards_server + URL, READY)
    table = noordhaven_assumptions().astype({"likely": object})
    table.loc[table["assumption"] == "hires_per_year", "likely"] = "about 45"
    bad = tmp_path / "my_assumptions.csv"
    table.to_csv(bad, index=False)
    with page.expect_file_chooser(timeout=10_000) as chooser:
        page.locator(".shrm-bc-upload").click()
    chooser.value.set_files(str(bad))
    error = page.locator(".shrm-bc-message .shrm-error")
    error.wait_for(state="visible", timeout=15_000)
    text = error.inner_text()
    assert "likely" in text and "about 45" in text and "What to do" in text
    assert "Traceback" not in text and "/tmp/" not in text
    _screenshot(page, artifacts / "business_case_bad_upload.png")
    # still working on Noordhaven's figures
    before = _text(page, ".shrm-bc-headline")
    handle = page.locator(".shrm-bc-years .noUi-handle")
    handle.focus()
    handle.press("ArrowRight")
    wait_until(lambda: "net return, 4 years" in _text(page, ".shrm-bc-headline"),
               what="the headline for 4 years after the error")
    assert _text(page, ".shrm-bc-headline") != before
