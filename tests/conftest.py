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
