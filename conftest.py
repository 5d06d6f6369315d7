"""Fixtures for the whole suite, the docstrings' examples in src/ included."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from _pytest.doctest import DoctestModule

SRC = Path(__file__).resolve().parent / "src" / "socialhrm"

os.environ.setdefault("OMP_WAIT_POLICY", "passive")


@pytest.fixture(scope="session", autouse=True)
def _learner_files_elsewhere(tmp_path_factory):
    """Keep the learner's own progress and exercise copies out of every test's reach.

    The tests (also notebook kernels, doctests and `make run`) get their own SOCIALHRM_HOME
    (progress) and SOCIALHRM_EXERCISES (copies of the exercises).
    """
    names = ("SOCIALHRM_HOME", "SOCIALHRM_EXERCISES")
    before = {name: os.environ.get(name) for name in names}
    for name in names:
        os.environ[name] = str(tmp_path_factory.mktemp(name.lower()))
    yield
    for name, value in before.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    """Collect the examples in the package's docstrings as doctests (``src/socialhrm`` only).

    Like ``--doctest-modules``, but not for the tests' own files, whose ``conftest.py``
    modules would clash by name.
    """
    if file_path.suffix == ".py" and SRC in file_path.parents and file_path.name != "__main__.py":
        return DoctestModule.from_parent(parent, path=file_path)
    return None
