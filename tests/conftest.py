"""Shared fixtures: where the repository and the real reference data are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# CI clones the repository with ../shared beside it; the product never needs it at run time.
REALDATA = Path(os.environ.get("SOCIALHRM_REALDATA", REPO.parent / "shared" / "realdata"))

os.environ.setdefault("OMP_WAIT_POLICY", "passive")


@pytest.fixture(scope="session", autouse=True)
def _learner_progress_elsewhere(tmp_path_factory):
    """Self-checks run by the tests (also in notebook kernels) never touch the real progress."""
    before = os.environ.get("SOCIALHRM_HOME")
    os.environ["SOCIALHRM_HOME"] = str(tmp_path_factory.mktemp("socialhrm_home"))
    yield
    if before is None:
        os.environ.pop("SOCIALHRM_HOME", None)
    else:
        os.environ["SOCIALHRM_HOME"] = before


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def realdata() -> Path:
    if not (REALDATA / "krackhardt_advice.csv").exists():
        pytest.fail(f"the real reference data is missing at {REALDATA} (set SOCIALHRM_REALDATA)")
    return REALDATA
