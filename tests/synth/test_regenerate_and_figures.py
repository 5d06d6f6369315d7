"""The shipped files equal a fresh generation, and every data-card figure is in range."""

from __future__ import annotations

import subprocess
import sys

import pytest

from socialhrm import datasets
from socialhrm.network import build_network, describe
from socialhrm.synth import FIGURE_RANGES, measure, regenerate

FILES = ["people", "interactions", "nominations", "events", "referrals", "expertise", "costs"]


def test_regeneration_equals_shipped_files(tmp_path):
    shipped = datasets.datasets_dir() / "noordhaven"
    fresh = regenerate(tmp_path / "noordhaven")
    for name in [f"{f}.csv" for f in FILES] + ["datacard.md"]:
        assert (fresh / name).read_bytes() == (shipped / name).read_bytes(), (
            f"{name} differs from a fresh generation: run `python -m socialhrm.synth`")


def test_shipped_files_are_modest():
    folder = datasets.datasets_dir() / "noordhaven"
    assert sum(p.stat().st_size for p in folder.iterdir()) < 4 * 2**20


@pytest.fixture(scope="module")
def figures(nh, planted):
    tables = {name: getattr(nh, name) for name in FILES}
    return measure(tables, planted)


@pytest.mark.parametrize("figure", list(FIGURE_RANGES))
def test_datacard_figure_within_range(figures, figure):
    low, high, meaning = FIGURE_RANGES[figure]
    assert low <= figures[figure] <= high, f"{figure} ({meaning}) = {figures[figure]}"


def test_datacard_states_the_figures(figures):
    card = (datasets.datasets_dir() / "noordhaven" / "datacard.md").read_text(encoding="utf-8")
    for figure in FIGURE_RANGES:
        assert f"`{figure}`" in card


def test_kit_describe_agrees(nh):
    interactions = describe(build_network(nh.interactions, nh.people, directed=False))
    assert 0.2 <= interactions["average_clustering"] <= 0.5
    advice = describe(nh.network("advice"))
    trust = describe(nh.network("trust"))
    assert 0.2 <= advice["reciprocity"] <= 0.5
    assert 0.3 <= trust["reciprocity"] <= 0.7


def test_module_entry_point_reports_progress(tmp_path):
    out = subprocess.run([sys.executable, "-m", "socialhrm.synth", str(tmp_path / "nh")],
                         capture_output=True, text=True, timeout=120, check=True)
    assert "Generating Noordhaven" in out.stdout and "done in" in out.stdout
    assert (tmp_path / "nh" / "interactions.csv").exists()
