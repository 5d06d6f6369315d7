"""A trainer validating the instructor version does not add passes to their own progress.

Real nbgrader validation (``NBGRADER_EXECUTION=validate``, run in the notebook's folder): on the
kit's own ``modules/m01_org_as_network`` nothing is recorded; on a learner's copy of the same
notebook outside ``modules/`` the passes are recorded.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from socialhrm.course import load_progress

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "modules" / "m01_org_as_network" / "m01_org_as_network.ipynb"


def _validate(path: Path) -> dict:
    from nbgrader.validator import Validator

    from socialhrm.nbgrading import prepare_nbgrader

    prepare_nbgrader()
    return Validator().validate(str(path))


@pytest.mark.slow
def test_validating_the_instructor_version_records_nothing(monkeypatch, tmp_path):
    monkeypatch.setenv("SOCIALHRM_HOME", str(tmp_path / "home"))
    before = sorted(p.name for p in SOURCE.parent.iterdir())
    assert _validate(SOURCE) == {}  # the instructor version passes its tests ...
    assert load_progress()["modules"] == {}  # ... and the trainer's own progress is untouched
    assert sorted(p.name for p in SOURCE.parent.iterdir()) == before


@pytest.mark.slow
def test_validating_a_copy_outside_modules_records_the_passes(monkeypatch, tmp_path):
    monkeypatch.setenv("SOCIALHRM_HOME", str(tmp_path / "home"))
    mine = tmp_path / "my_exercises" / SOURCE.parent.name / SOURCE.name
    mine.parent.mkdir(parents=True)
    shutil.copy2(SOURCE, mine)
    assert _validate(mine) == {}
    recorded = load_progress()["modules"]["m01"]["questions"]
    assert {q for q, v in recorded.items() if v["passed"]} >= {"q1", "q2", "q3", "q4", "q5",
                                                              "q6"}
