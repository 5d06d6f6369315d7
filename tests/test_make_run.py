"""`make run` serves JupyterLab on the start notebook and prints its address (as root too)."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_make_run_serves_the_start_notebook(repo, tmp_path):
    port = _free_port()
    log = tmp_path / "lab.log"
    env = {**os.environ, "DISPLAY": ""}
    with open(log, "w") as out:
        proc = subprocess.Popen(["make", "-s", "run", f"PORT={port}"], cwd=repo, stdout=out,
                                stderr=subprocess.STDOUT, env=env, start_new_session=True)
    try:
        url = None
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and url is None:
            found = re.search(rf"http://127\.0\.0\.1:{port}/lab\S*\?token=(\w+)", log.read_text())
            url = found and found.group(0)
            if proc.poll() is not None:
                pytest.fail(f"make run stopped early:\n{log.read_text()}")
            time.sleep(0.5)
        assert url, f"no URL printed within 90 s:\n{log.read_text()}"
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
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
