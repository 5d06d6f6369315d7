"""Shared fixtures: where the repository and the real reference data are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# The real reference networks travel with the tests (sources and terms in their README).
REALDATA = Path(os.environ.get("SOCIALHRM_REALDATA", REPO / "tests" / "data" / "realdata"))

os.environ.setdefault("OMP_WAIT_POLICY", "passive")


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def realdata() -> Path:
    if not (REALDATA / "krackhardt_advice.csv").exists():
        pytest.fail(f"the real reference data is missing at {REALDATA} (set SOCIALHRM_REALDATA)")
    return REALDATA


#: A module still to come, for the tests of what learners see of planned modules (every module
#: of the real catalogue is available).
PLANNED_ENTRY = """
  - id: m99
    name: m99_still_to_come
    title: A module still to come
    status: planned
    role: user
    areas: [recruitment]
    minutes: 60
    prerequisites: [m01]
    objectives:
      - Show learners what is planned
"""


@pytest.fixture(scope="session")
def catalogue_with_planned(tmp_path_factory) -> Path:
    """The real catalogue plus one planned module (m99), in a course folder of links."""
    root = tmp_path_factory.mktemp("course_with_planned")
    (root / "modules").mkdir()
    for item in (REPO / "modules").iterdir():
        if item.is_dir():
            (root / "modules" / item.name).symlink_to(item)
    for name in ("notebooks", "datasets", "src"):
        (root / name).symlink_to(REPO / name)
    path = root / "modules" / "course.yml"
    path.write_text((REPO / "modules" / "course.yml").read_text().rstrip("\n") + "\n"
                    + PLANNED_ENTRY)
    return path


#: Debian's chromium (installed by .ci/run); never `playwright install`.
CHROMIUM = os.environ.get("SOCIALHRM_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """One headless chromium for the whole run (Playwright allows one sync driver at a time)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"chromium is missing at {CHROMIUM} (apt-get install chromium; "
                    "never `playwright install`)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
                               timeout=60_000)
        try:
            yield b
        finally:
            b.close()
