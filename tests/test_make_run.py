"""`make run` serves JupyterLab on the start notebook and prints its address (as root too);
under ``SOCIALHRM_LANG=nl`` JupyterLab itself speaks Dutch (checked in a real browser)."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def _make_run(repo: Path, log: Path, **env: str) -> Iterator[str]:
    """Start `make run` and yield the JupyterLab URL it prints; always stop it."""
    port = _free_port()
    full_env = {**os.environ, "DISPLAY": "", **env}
    with open(log, "w") as out:
        proc = subprocess.Popen(["make", "-s", "run", f"PORT={port}"], cwd=repo, stdout=out,
                                stderr=subprocess.STDOUT, env=full_env, start_new_session=True)
    try:
        url = None
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and url is None:
            found = re.search(rf"http://127\.0\.0\.1:{port}/lab\S*\?token=(\w+)", log.read_text())
            url = found and found.group(0)
            if proc.poll() is not None:
                pytest.fail(f"make run stopped early:\n{log.read_text()}")
            time.sleep(0.5)
        assert url, f"no URL printed within 120 s:\n{log.read_text()}"
        yield url
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


@pytest.mark.slow
def test_make_run_serves_the_start_notebook(repo, tmp_path):
    log = tmp_path / "lab.log"
    with _make_run(repo, log, SOCIALHRM_LANG="en") as url:
        port = re.search(r":(\d+)/", url).group(1)
        assert "00_start_here.ipynb" in url
        # the learner's own copy of every exercise was made first (the student version)
        mine = Path(os.environ["SOCIALHRM_EXERCISES"])
        copies = sorted(mine.glob("*/*.ipynb"))
        assert copies and "my_exercises" not in str(mine), log.read_text()
        assert all("BEGIN SOLUTION" not in p.read_text() for p in copies)
        token = url.rsplit("token=", 1)[1]
        api = (f"http://127.0.0.1:{port}/api/contents/notebooks/00_start_here.ipynb"
               f"?token={token}&content=0")
        with urllib.request.urlopen(api, timeout=20) as resp:
            assert resp.status == 200
            assert b'"type": "notebook"' in resp.read().replace(b'"type":"notebook"',
                                                                 b'"type": "notebook"')


shot_text: dict[str, str] = {}


def _menu_bar_text(browser, url: str, shot: Path) -> str:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(url, timeout=60_000)
        page.wait_for_selector("#jp-menu-panel .lm-MenuBar-itemLabel", timeout=60_000)
        page.wait_for_timeout(1500)  # the language pack relabels the menus once loaded
        page.screenshot(path=str(shot))
        shot_text["page"] = page.locator("body").inner_text()
        return page.locator("#jp-menu-panel").inner_text()
    finally:
        context.close()


@pytest.mark.slow
@pytest.mark.browser
def test_make_run_in_dutch_opens_jupyterlab_in_dutch(repo, tmp_path, browser):
    with _make_run(repo, tmp_path / "lab.log", SOCIALHRM_LANG="nl") as url:
        menus = _menu_bar_text(browser, url, repo / "tests" / "artifacts" / "jupyterlab_nl.png"
                               if (repo / "tests" / "artifacts").is_dir()
                               else tmp_path / "jupyterlab_nl.png")
    assert "Bestand" in menus and "Weergave" in menus, menus  # File, View
    assert "File" not in menus.split()
    # and JupyterLab does not offer to fetch news from the internet
    assert "official" not in shot_text.get("page", "")
