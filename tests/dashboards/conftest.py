"""Fixtures for the browser tests: a Voila server of the dashboards and headless chromium.

The server is started through the real entry point (``socialhrm dashboards --port N``) on a
free localhost port and always stopped (Ctrl-C, then kill) - also when a test fails.
Chromium is Debian's (/usr/bin/chromium, installed by ``.ci/run``); never `playwright install`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from _browser import (
    ARTIFACTS,
    UPDATE_TIMEOUT,
    start_server,
    stop_server,
)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def dashboards_server(artifacts: Path) -> Iterator[str]:
    """The base URL of a running ``socialhrm dashboards``; stopped after the session."""
    proc, url = start_server(artifacts / "voila_server.log")
    try:
        yield url
    finally:
        stop_server(proc)


@pytest.fixture()
def page(browser: object) -> Iterator[object]:
    """A fresh tab; afterwards, every request it made must have stayed on this machine.

    So every browser test of every dashboard also checks that no page fetches anything from
    outside (fonts, icons, scripts): a third-party request would itself leak that the page was
    opened, and HR data environments are often offline.
    """
    from urllib.parse import urlparse

    context = browser.new_context(viewport={"width": 1440, "height": 1000})  # type: ignore[attr-defined]
    pg = context.new_page()
    pg.set_default_timeout(UPDATE_TIMEOUT * 1000)
    requests: list[str] = []
    pg.on("request", lambda r: requests.append(r.url))
    try:
        yield pg
    finally:
        context.close()
    outside = sorted({u for u in requests if urlparse(u).scheme not in {"data", "blob", "about"}
                      and urlparse(u).hostname not in {"127.0.0.1", "localhost"}})
    if outside:
        pytest.fail(f"the page made requests outside the machine: {outside[:5]}")


