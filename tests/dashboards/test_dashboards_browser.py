"""Every dashboard in notebooks/dashboards/, served by `socialhrm dashboards`, in chromium.

For each dashboard: the main widgets render, a control change changes the output, a
malformed upload shows its error in the page and the page keeps working, and a screenshot
is saved to tests/artifacts/. With SOCIALHRM_UPDATE_SCREENSHOTS=1 (``make screenshots``) the
explorer's screenshot also replaces docs/img/network_explorer.png, the README's picture.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from _browser import REPO, open_dashboard, wait_until

from socialhrm.dashboards import list_dashboards

pytestmark = [pytest.mark.slow, pytest.mark.browser]

EXPLORER = "voila/render/network_explorer.ipynb"
READY = ".shrm-explorer .shrm-heatmap table.shrm-heat"

#: Which dashboards this file's tests cover. A new dashboard gets its own browser-test file,
#: ``tests/dashboards/test_<name>_browser.py``, that sets ``COVERS`` the same way.
COVERS = {"network_explorer.ipynb"}


def _covered() -> set[str]:
    import ast

    names: set[str] = set()
    for path in Path(__file__).parent.glob("test_*browser*.py"):
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "COVERS"
                                                    for t in node.targets):
                names |= set(ast.literal_eval(node.value))
    return names


def test_every_dashboard_has_browser_checks():
    found = {d.path.name for d in list_dashboards()}
    assert found, "no dashboards in notebooks/dashboards/"
    covered = _covered()
    assert found <= covered, f"add browser checks for {sorted(found - covered)}"


def test_landing_page_lists_every_dashboard(dashboards_server, page, artifacts):
    page.goto(dashboards_server, timeout=30_000)
    page.wait_for_selector(".socialhrm-landing a.card", timeout=15_000)
    cards = page.locator(".socialhrm-landing a.card")
    dashboards = list_dashboards()
    assert cards.count() == len(dashboards)
    for d in dashboards:
        card = page.locator(f"a.card[href$='{d.path.name}']")
        assert d.title in card.inner_text() and d.description[:40] in card.inner_text()
    page.screenshot(path=str(artifacts / "landing.png"), full_page=True)


def _screenshot(page, path: Path) -> None:
    """The whole dashboard: Voila scrolls inside the page, so grow the window to fit it."""
    height = page.evaluate("() => Math.max(...[...document.querySelectorAll('*')]"
                           ".map(e => e.scrollHeight))")
    page.set_viewport_size({"width": 1440, "height": min(max(int(height), 900), 4000)})
    page.wait_for_timeout(400)  # let sigma.js redraw at the new size
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size({"width": 1440, "height": 1000})


def _upload(page, widget: str, path: Path) -> None:
    """Choose a file in an ipywidgets FileUpload (its <input type=file> is not in the page)."""
    with page.expect_file_chooser(timeout=10_000) as chooser:
        page.locator(widget).click()
    chooser.value.set_files(str(path))


def _heatmap(page) -> str:
    return page.locator(".shrm-heatmap").inner_text()


def test_network_explorer_renders_and_reacts(dashboards_server, page, artifacts):
    seconds = open_dashboard(page, dashboards_server + EXPLORER, READY)
    # main widgets: the drawing (sigma.js canvas), person card, roles table, tie matrix
    page.wait_for_selector(".shrm-drawing canvas", state="attached", timeout=15_000)
    page.wait_for_function(
        "() => [...document.querySelectorAll('.shrm-drawing canvas')]"
        ".some(c => c.width > 100 && c.height > 100)", timeout=15_000)
    assert "Central connector" in page.locator(".shrm-roles").inner_text()
    assert "Operations" in _heatmap(page)
    # privacy: the 3-person Board is merged into "other (<5)", visibly, never shown alone
    assert "other (<5)" in _heatmap(page) and "Board" not in _heatmap(page)
    assert page.locator(".shrm-pseudonyms input").is_checked() is False  # bundled: names on
    assert "key figures" in page.locator(".shrm-person").inner_text()
    assert "Traceback" not in page.content()
    assert "NetworkExplorer(" not in page.content()  # sources stripped
    # the screenshot for the README, before any control is touched
    shot = artifacts / "network_explorer.png"
    _screenshot(page, shot)
    if os.environ.get("SOCIALHRM_UPDATE_SCREENSHOTS") == "1":
        img = REPO / "docs" / "img"
        img.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, img / "network_explorer.png")

    # a control change changes the output: colour and group by location
    page.select_option(".shrm-group-by select", "location")
    wait_until(lambda: "Groningen" in _heatmap(page), what="the matrix by location")
    assert "Operations" not in _heatmap(page)
    # the minimum group size suppresses more groups, visibly
    box = page.locator(".shrm-min-group input")
    box.fill("100")
    box.press("Enter")
    wait_until(lambda: "other (<100)" in _heatmap(page), what="merging at 100")
    # another relation: the summary changes
    before = page.locator(".shrm-summary").inner_text()
    label = page.locator(".shrm-relation select option", has_text="messages").inner_text()
    page.select_option(".shrm-relation select", label=label)
    wait_until(lambda: page.locator(".shrm-summary").inner_text() != before,
               what="the summary of the message network")
    assert "messages" in page.locator(".shrm-summary").inner_text()
    # pseudonyms on: the roles table shows pseudonyms, not names
    page.locator(".shrm-pseudonyms input").check()
    wait_until(lambda: "p_" in page.locator(".shrm-roles").inner_text(),
               what="pseudonyms in the roles table")
    _screenshot(page, artifacts / "network_explorer_changed.png")
    assert seconds < 60


def test_network_explorer_bad_upload_shows_error_and_keeps_working(
        dashboards_server, page, artifacts, tmp_path: Path):
    open_dashboard(page, dashboards_server + EXPLORER, READY)
    page.locator(".shrm-source button", has_text="My own data").click()
    page.wait_for_selector(".shrm-upload", state="visible", timeout=10_000)
    people = tmp_path / "people.csv"
    people.write_text("person_id,department,location,level\nA1,Sales,Zwolle,junior\n"
                      "A2,Sales,Zwolle,senior\nA3,IT,Zwolle,senior\n")
    bad = tmp_path / "contacts.csv"
    bad.write_text("sender,recipient,timestamp\nA1,A2,2025-01-03\nA2,A1,yesterday-ish\n")
    _upload(page, ".shrm-people-file", people)
    _upload(page, ".shrm-ties-file", bad)
    page.locator("button.shrm-load").click()
    error = page.locator(".shrm-message .shrm-error")
    error.wait_for(state="visible", timeout=15_000)
    text = error.inner_text()
    assert "timestamp" in text and "yesterday-ish" in text and "What to do" in text
    assert "Traceback" not in text and "/tmp/" not in text
    _screenshot(page, artifacts / "network_explorer_bad_upload.png")
    # the dashboard keeps working: the bundled network is still there and still reacts
    assert "Operations" in _heatmap(page)
    page.select_option(".shrm-group-by select", "level")
    wait_until(lambda: "medior" in _heatmap(page), what="the matrix by level after the error")
    # and a good upload then replaces the data, pseudonyms switched on
    good = tmp_path / "contacts_ok.csv"
    good.write_text("sender,recipient,timestamp\nA1,A2,2025-01-03\nA2,A3,2025-01-04\n"
                    "A3,A1,2025-02-01\n")
    _upload(page, ".shrm-ties-file", good)
    page.locator("button.shrm-load").click()
    page.locator(".shrm-message .shrm-ok").wait_for(state="visible", timeout=15_000)
    wait_until(lambda: page.locator(".shrm-pseudonyms input").is_checked(),
               what="pseudonyms on for uploaded data")
    wait_until(lambda: "other (<5)" in _heatmap(page), what="tiny groups merged")
