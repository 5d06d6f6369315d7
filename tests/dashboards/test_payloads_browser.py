"""Script payloads in every text column of an upload, on every dashboard, in a real browser.

Each dashboard is served (by the real ``socialhrm dashboards``) from a throw-away notebook that
builds the app and loads a hostile upload through the app's own upload path: payloads as
department, team, location, level, name, expertise topic, contact segment, assumption label and
source, and as the file's name. No script may run, whatever widget shows the value, and the
app must have loaded it (the notebook asserts so; the page renders only then). The explorer
has its own, longer test in ``test_trust_browser.py``.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import nbformat
import pytest
from _browser import REPO, open_dashboard, start_server, stop_server

sys.path.insert(0, str(Path(__file__).parent))
from test_explorer_app import PAYLOADS, payload_files  # noqa: E402
from test_trust_browser import TRAP  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.browser]

HOSTILE_NAME = "<img src=x onerror=top.__xss=3>.csv"


def _setup_code() -> str:
    (people_name, people), (_log_name, log) = payload_files()
    topics = "person_id,topic\n" + "".join(
        f'"{pid}",{json.dumps(p)}\n' for pid, p in zip(_ids(people), PAYLOADS * 20, strict=False))
    contacts = "person_id,contact_id,segment\n" + "".join(
        f'"{pid}",EXT{i:04d},{json.dumps(PAYLOADS[i % len(PAYLOADS)])}\n'
        for i, pid in enumerate(_ids(people)))
    return (f"PEOPLE = ({people_name!r}, {people!r})\nLOG = ({HOSTILE_NAME!r}, {log!r})\n"
            f"TOPICS = ('topics.csv', {topics.encode()!r})\n"
            f"CONTACTS = ('contacts.csv', {contacts.encode()!r})\nPAYLOADS = {PAYLOADS!r}\n")


def _ids(people_csv: bytes) -> list[str]:
    import csv
    import io

    return [row["person_id"] for row in csv.DictReader(io.StringIO(people_csv.decode()))]


APPS = {
    "org_health_payloads.ipynb": (
        ".shrm-orghealth .shrm-silo table.shrm-t",
        "from socialhrm.apps.org_health import OrgHealth\napp = OrgHealth(permutations=20)\n"
        "assert app.load_files(PEOPLE, LOG, TOPICS)\napp.widget"),
    "change_simulator_payloads.ipynb": (
        ".shrm-change .shrm-sentences li",
        "from socialhrm.apps.change_simulator import ChangeSimulator\napp = ChangeSimulator()\n"
        "assert app.load_files(PEOPLE, LOG)\napp.widget"),
    "ambassador_planner_payloads.ipynb": (
        ".shrm-planner .shrm-compare table.shrm-t",
        "from socialhrm.apps.ambassador_planner import AmbassadorPlanner\n"
        "app = AmbassadorPlanner()\nassert app.load_files(PEOPLE, LOG, CONTACTS)\napp.widget"),
    "business_case_payloads.ipynb": (
        ".shrm-bc .shrm-bc-radar .shrm-bc-radar-card",
        "from socialhrm.apps.business_case import BusinessCaseApp\n"
        "from socialhrm.business_case import noordhaven_assumptions\n"
        "app = BusinessCaseApp(runs=500)\ntable = noordhaven_assumptions()\n"
        "table['label'] = [PAYLOADS[i % len(PAYLOADS)] for i in range(len(table))]\n"
        "table['source'] = PAYLOADS[1]\napp.use_assumptions(table, 'from ' + LOG[0])\napp.widget"),
}


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile_dashboards")
    shutil.copyfile(REPO / "notebooks" / "dashboards" / "voila.json", folder / "voila.json")
    setup = _setup_code()
    for name, (_ready, code) in APPS.items():
        nb = nbformat.v4.new_notebook(cells=[
            nbformat.v4.new_markdown_cell(f"# {name}\n\nA hostile upload, for the tests."),
            nbformat.v4.new_code_cell(setup), nbformat.v4.new_code_cell(code)])
        nb.metadata.kernelspec = {"name": "python3", "display_name": "Python 3",
                                  "language": "python"}
        nbformat.write(nb, folder / name)
    proc, url = start_server(folder.parent / "hostile_server.log", folder=folder)
    try:
        yield url
    finally:
        stop_server(proc)


@pytest.mark.parametrize("name", sorted(APPS))
def test_payloads_run_no_script_on_any_dashboard(hostile_server, page, artifacts, name):
    page.add_init_script(TRAP)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    ready, _code = APPS[name]
    open_dashboard(page, hostile_server + "voila/render/" + name, ready, timeout=90)
    page.wait_for_timeout(2000)  # drawings and late panels
    page.screenshot(path=str(artifacts / name.replace(".ipynb", ".png")), full_page=True)
    assert page.evaluate("window.__xss") is None, name
    assert page.evaluate("window.__calls") == [] and dialogs == []
    assert page.locator("img[src='x']").count() == 0
    assert "Traceback" not in page.locator("body").inner_text()
