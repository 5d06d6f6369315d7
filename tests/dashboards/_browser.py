"""Helpers for the browser tests: a Voila server of the dashboards and headless chromium.

The server is started through the real entry point (``socialhrm dashboards --port N``) on a
free localhost port and always stopped (Ctrl-C, then kill) - also when a test fails.
Chromium is Debian's (/usr/bin/chromium, installed by ``.ci/run``); ``playwright install``
is never needed.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "tests" / "artifacts"
CHROMIUM = os.environ.get("SOCIALHRM_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
#: Seconds to wait for a dashboard's first render (a stuck render is retried once).
FIRST_RENDER_TIMEOUT = 45
#: Seconds to wait for an output to change after a control change.
UPDATE_TIMEOUT = 15


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_http(url: str, proc: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the dashboards server exited early (code {proc.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"the dashboards server did not answer at {url} within {timeout} s")


def stop_server(proc: subprocess.Popen) -> None:
    """Stop the server like Ctrl-C does; kill its process group if it does not stop."""
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


def start_server(log_path: Path, folder: Path | None = None) -> tuple[subprocess.Popen, str]:
    """Start ``socialhrm dashboards`` on a free port (of ``folder``, default the kit's)."""
    port = free_port()
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
           "OMP_WAIT_POLICY": "passive"}
    log = log_path.open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "socialhrm.cli", "dashboards", "--port", str(port),
         *(["--dir", str(folder)] if folder else [])],
        cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_for_http(url, proc, timeout=60)
    except BaseException:
        stop_server(proc)
        raise
    return proc, url


def open_dashboard(page: object, url: str, ready: str,
                   timeout: float = FIRST_RENDER_TIMEOUT) -> float:
    """Open a dashboard and wait for ``ready`` (a CSS selector); retry a stuck render once.

    Returns the seconds from navigation to the selector being visible.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    last: Exception | None = None
    for _attempt in range(2):
        start = time.perf_counter()
        try:
            page.goto(url, timeout=timeout * 1000)  # type: ignore[attr-defined]
            page.wait_for_selector(ready, state="visible",  # type: ignore[attr-defined]
                                   timeout=timeout * 1000)
            return time.perf_counter() - start
        except PlaywrightTimeout as err:  # a known upstream hang: try once more
            last = err
    raise AssertionError(f"{url} did not render {ready!r} in two tries of {timeout} s: {last}")


def wait_until(predicate: Callable[[], bool], timeout: float = UPDATE_TIMEOUT,
               what: str = "the condition") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def upload_file(page: object, widget: str, path: Path) -> None:
    """Choose a file in an ipywidgets FileUpload (its <input type=file> is not in the page)."""
    with page.expect_file_chooser(timeout=10_000) as chooser:  # type: ignore[attr-defined]
        page.locator(widget).click()  # type: ignore[attr-defined]
    chooser.value.set_files(str(path))
