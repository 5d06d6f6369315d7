"""The organisation-health dashboard, served by `socialhrm dashboards`, in chromium.

It renders its three panels on Noordhaven, every control changes its output (the silo map's
grouping, the "what if this person leaves" picker, the expertise finder, pseudonyms), a
malformed upload shows its error in the page and the page keeps working, and a screenshot is
saved to tests/artifacts/ (with SOCIALHRM_UPDATE_SCREENSHOTS=1 also to docs/img/org_health.png,
the README's picture).
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from _browser import REPO, UPDATE_TIMEOUT, open_dashboard, wait_until

pytestmark = [pytest.mark.slow, pytest.mark.browser]

COVERS = {"org_health.ipynb"}
URL = "voila/render/org_health.ipynb"
READY = ".shrm-orghealth .shrm-silo table.shrm-t"
SITA = "Sita de Haan"


def _text(page, css: str) -> str:
    return page.locator(css).inner_text()


def _screenshot(page, path: Path) -> None:
    height = page.evaluate("() => Math.max(...[...document.querySelectorAll('*')]"
                           ".map(e => e.scrollHeight))")
    page.set_viewport_size({"width": 1440, "height": min(max(int(height), 900), 4000)})
    page.wait_for_timeout(300)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size({"width": 1440, "height": 1000})


def _timed_change(page, action, css: str, predicate, what: str) -> float:
    """Seconds from a control change to the output showing it (server round trip included)."""
    before = _text(page, css)
    start = time.perf_counter()
    action()
    wait_until(lambda: _text(page, css) != before and predicate(_text(page, css)),
               timeout=UPDATE_TIMEOUT, what=what)
    return time.perf_counter() - start


def test_org_health_renders_and_reacts(dashboards_server, page, artifacts):
    open_dashboard(page, dashboards_server + URL, READY)
    silo = _text(page, ".shrm-silo")
    # the planted silo is found and read as such, merged small groups are labelled
    assert "Finance" in silo and "more closed than chance" in silo
    assert "other (<5)" in silo and "Board" not in silo
    assert "legacy pump controllers (PLC)" in _text(page, ".shrm-risk")
    assert SITA in _text(page, ".shrm-keyplayers")
    assert "modularity" in _text(page, ".shrm-chart")
    assert "Traceback" not in page.content() and "OrgHealth(" not in page.content()
    shot = artifacts / "org_health.png"
    _screenshot(page, shot)
    if os.environ.get("SOCIALHRM_UPDATE_SCREENSHOTS") == "1":
        (REPO / "docs" / "img").mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, REPO / "docs" / "img" / "org_health.png")

    # the silo map by location
    seconds = [_timed_change(page, lambda: page.select_option(".shrm-group-by select",
                                                              "location"),
                             ".shrm-silo", lambda t: "Groningen" in t, "the map by city")]
    assert "Finance" not in _text(page, ".shrm-silo")
    # what if the key person leaves: the topic is lost and the team cut off
    label = page.locator(".shrm-leaving select option", has_text=SITA).inner_text()
    seconds.append(_timed_change(
        page, lambda: page.select_option(".shrm-leaving select", label=label), ".shrm-whatif",
        lambda t: "lost" in t, "the what-if panel"))
    whatif = _text(page, ".shrm-whatif")
    assert "legacy pump controllers (PLC)" in whatif and "7 people" in whatif
    assert "Technical Service" in whatif
    # the expertise finder: another topic, from a team
    seconds.append(_timed_change(
        page, lambda: page.select_option(".shrm-topic select", "tax"), ".shrm-finder",
        lambda t: "Finance" in t, "experts on tax"))
    team = page.locator(".shrm-start select option", has_text="team Applications").inner_text()
    seconds.append(_timed_change(
        page, lambda: page.select_option(".shrm-start select", label=team), ".shrm-finder",
        lambda t: "→" in t, "paths from the team"))
    # pseudonyms: names disappear from every panel
    page.locator(".shrm-pseudonyms input").check()
    wait_until(lambda: SITA not in _text(page, ".shrm-whatif")
               and "p_" in _text(page, ".shrm-risk"), what="pseudonyms in the panels")
    assert SITA not in _text(page, ".shrm-keyplayers")
    _screenshot(page, artifacts / "org_health_changed.png")
    # a change answers quickly (the server-side budget is 300 ms; the browser round trip adds
    # to it, so this bound is generous)
    assert max(seconds) < 5, seconds


def _upload(page, widget: str, path: Path) -> None:
    with page.expect_file_chooser(timeout=10_000) as chooser:
        page.locator(widget).click()
    chooser.value.set_files(str(path))


def test_org_health_bad_upload_shows_error_and_keeps_working(dashboards_server, page,
                                                              tmp_path: Path):
    open_dashboard(page, dashboards_server + URL, READY)
    page.locator(".shrm-source button", has_text="My own data").click()
    page.wait_for_selector(".shrm-upload", state="visible", timeout=10_000)
    people = tmp_path / "people.csv"
    people.write_text("person_id,department,team\n" + "".join(
        f"A{i},{'Sales' if i < 6 else 'IT'},<b>T{i % 2}</b>\n" for i in range(12)))
    bad = tmp_path / "contacts.csv"
    bad.write_text("who,whom\nA1,A2\n")
    _upload(page, ".shrm-people-file", people)
    _upload(page, ".shrm-ties-file", bad)
    page.locator("button.shrm-load").click()
    error = page.locator(".shrm-message .shrm-error")
    error.wait_for(state="visible", timeout=15_000)
    assert "sender" in error.inner_text() and "What to do" in error.inner_text()
    assert "/tmp/" not in error.inner_text()
    assert "Finance" in _text(page, ".shrm-silo")  # the bundled data is still there
    # a good upload replaces the data, pseudonymised, values from the file escaped
    good = tmp_path / "contacts_ok.csv"
    good.write_text("sender,recipient,timestamp\n" + "".join(
        f"A{i},A{(i + 1) % 12},2025-01-0{1 + i % 9}\n" for i in range(12)))
    expertise = tmp_path / "expertise.csv"
    expertise.write_text("person_id,topic\nA1,<script>x</script>\nA2,SQL\n")
    _upload(page, ".shrm-ties-file", good)
    _upload(page, ".shrm-expertise-file", expertise)
    page.locator("button.shrm-load").click()
    page.locator(".shrm-message .shrm-ok").wait_for(state="visible", timeout=15_000)
    wait_until(lambda: page.locator(".shrm-pseudonyms input").is_checked(),
               what="pseudonyms on for uploaded data")
    wait_until(lambda: "Sales" in _text(page, ".shrm-silo"), what="the uploaded silo map")
    assert "<script>x</script>" in _text(page, ".shrm-risk")  # shown as text, not run
    assert page.locator(".shrm-risk script").count() == 0
