"""A wheel built from the checkout installs in a fresh venv and loads Noordhaven there.

The fresh venv gets the kit from the wheel only (``--no-deps``); the third-party libraries are
borrowed from the test run's own environment through a path file, so no download is needed.
It runs outside the checkout, with no SOCIALHRM_* variable set, so nothing of the repository
can be found by accident.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

PROBE = """
import json, socialhrm
from socialhrm import datasets, paths
org = datasets.load("noordhaven")
print(json.dumps({"file": socialhrm.__file__, "people": len(org.people),
                  "ties": org.network("advice").number_of_edges(),
                  "course": str(paths.course_root())}))
"""


def test_wheel_installs_in_a_fresh_venv_and_loads_noordhaven(repo, tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", str(repo),
                    "-w", str(wheels)], check=True, timeout=300, capture_output=True)
    wheel = next(wheels.glob("socialhrm-*.whl"))
    env_dir = tmp_path / "fresh"
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    site = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                          check=True, capture_output=True, text=True).stdout.strip()
    # the libraries the kit needs, borrowed from this environment (a plain path: its own
    # path files, such as an editable install of the checkout, are not read)
    Path(site, "borrowed_deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    subprocess.run([str(py), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
                    str(wheel)], check=True, timeout=300, capture_output=True)
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith("SOCIALHRM_") and k != "PYTHONPATH"}
    out = subprocess.run([str(py), "-c", PROBE], cwd=tmp_path, env=clean, timeout=120,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    import json

    found = json.loads(out.stdout.strip().splitlines()[-1])
    assert found["file"].startswith(str(env_dir)), found  # the wheel, not the checkout
    assert found["people"] > 100 and found["ties"] > 100
    assert found["course"] == "None"  # no course checkout around a plain install
