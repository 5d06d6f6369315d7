"""Attacks on the dashboards, in a real browser (issue 11, section 2).

- a corpus of script payloads in every text column of an upload: no script runs, whatever
  the widget that shows the value (our panels, ipysigma's legend and search list, ...);
- no request leaves the machine: every request the page makes goes to 127.0.0.1;
- the page shows merged groups, never a small one, and the language switch relabels it.

These failed on the old explorer (ipysigma's legend inserted department names as HTML, and
Voila's template fetched FontAwesome from a public CDN) and pass now.
"""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest
from _browser import open_dashboard, upload_file, wait_until

sys.path.insert(0, str(Path(__file__).parent))
from test_explorer_app import PAYLOADS, payload_files  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.browser]

EXPLORER = "voila/render/network_explorer.ipynb"
READY = ".shrm-explorer .shrm-heatmap table.shrm-heat"
COVERS = {"network_explorer.ipynb"}

#: Installed before any page script: every way a payload could show it ran.
TRAP = """
window.__xss = undefined;
window.__calls = [];
for (const name of ['alert', 'confirm', 'prompt']) {
  window[name] = (...a) => { window.__calls.push(name); };
}
const _fetch = window.fetch;
window.fetch = (...a) => { if (String(a[0]).includes('__xss')) window.__calls.push('fetch');
                           return _fetch(...a); };
"""


def _heatmap(page) -> str:
    return page.locator(".shrm-heatmap").inner_text()


def test_payloads_in_every_text_column_run_no_script(dashboards_server, page, artifacts,
                                                     tmp_path: Path):
    page.add_init_script(TRAP)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_dashboard(page, dashboards_server + EXPLORER, READY)
    people, log = payload_files()
    (tmp_path / people[0]).write_bytes(people[1])
    log_file = tmp_path / "<img src=x onerror=top.__xss=2>.csv"  # the file name too
    log_file.write_bytes(log[1])
    page.locator(".shrm-source button").nth(1).click()
    page.wait_for_selector(".shrm-upload", state="visible", timeout=10_000)
    upload_file(page, ".shrm-people-file", tmp_path / people[0])
    upload_file(page, ".shrm-ties-file", log_file)
    page.locator("button.shrm-load").click()
    page.locator(".shrm-message .shrm-ok").wait_for(state="visible", timeout=20_000)
    wait_until(lambda: "onerror" in _heatmap(page), what="the payload groups in the matrix")
    # every grouping (the drawing's colours and legend change), pseudonyms on and off,
    # the search list of the drawing opened
    for by in ("location", "level", "team", "department"):
        page.select_option(".shrm-group-by select", by)
        page.wait_for_timeout(600)
    page.locator(".shrm-pseudonyms input").uncheck()
    page.wait_for_timeout(600)
    search = page.locator(".shrm-drawing .choices")
    if search.count():
        search.first.click()
        page.keyboard.type("<img")
        page.wait_for_timeout(400)
    page.wait_for_timeout(500)
    page.screenshot(path=str(artifacts / "network_explorer_payloads.png"), full_page=True)
    assert page.evaluate("window.__xss") is None
    assert page.evaluate("window.__calls") == [] and dialogs == []
    assert page.locator(".shrm-explorer img[src='x']").count() == 0
    # and the payloads are shown as text, where they belong
    assert PAYLOADS[0] in _heatmap(page)
    assert log_file.name in page.locator(".shrm-summary").inner_text()


def test_no_request_leaves_the_machine(dashboards_server, page):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(dashboards_server, timeout=30_000)
    page.wait_for_selector(".socialhrm-landing a.card", timeout=15_000)
    open_dashboard(page, dashboards_server + EXPLORER, READY)
    page.wait_for_selector(".shrm-drawing canvas", state="attached", timeout=15_000)
    page.select_option(".shrm-group-by select", "location")
    wait_until(lambda: "Groningen" in _heatmap(page), what="the matrix by location")
    page.locator(".shrm-source button").nth(1).click()  # the upload buttons and their icons
    page.wait_for_timeout(800)
    outside = sorted({u for u in requests
                      if urlparse(u).scheme not in {"data", "blob", "about"}
                      and urlparse(u).hostname not in {"127.0.0.1"}})
    assert requests and not outside, f"requests outside the machine: {outside}"
    assert any("voila/static/fontawesome" in u for u in requests)


def test_the_page_shows_merged_groups_and_switches_language(dashboards_server, page):
    open_dashboard(page, dashboards_server + EXPLORER, READY)
    for part in (".shrm-heatmap", ".shrm-legend", ".shrm-roles"):
        text = page.locator(part).inner_text()
        assert "Board" not in text, part
    assert "other (<5)" in _heatmap(page)
    box = page.locator(".shrm-min-group input")
    box.fill("1")  # below the server's floor: the page keeps the floor
    box.press("Enter")
    page.wait_for_timeout(800)
    assert "other (<5)" in _heatmap(page) and "other (<1)" not in _heatmap(page)
    page.locator(".shrm-lang button", has_text="Nederlands").click()
    wait_until(lambda: "overig (<5)" in _heatmap(page), what="the Dutch page")
    assert "Netwerkrollen" in page.locator(".shrm-roles").inner_text()
