"""The shipped files equal a fresh generation, and every data-card figure is in range."""

from __future__ import annotations

import subprocess
import sys

import pytest

from socialhrm import datasets
from socialhrm.network import build_network, describe
from socialhrm.synth import FIGURE_RANGES, measure, regenerate
from socialhrm.synth.build import _fmt

FILES = ["people", "interactions", "nominations", "events", "referrals", "expertise", "costs"]


def test_regeneration_equals_shipped_files(tmp_path):
    shipped = datasets.datasets_dir() / "noordhaven"
    fresh = regenerate(tmp_path / "noordhaven")
    for name in [f"{f}.csv" for f in FILES] + ["datacard.md", "TRAINERS.md"]:
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
    folder = datasets.datasets_dir() / "noordhaven"
    card = (folder / "datacard.md").read_text(encoding="utf-8")
    note = (folder / "TRAINERS.md").read_text(encoding="utf-8")
    for figure in FIGURE_RANGES:
        assert f"`{figure}`" in card
        assert f"| `{figure}` | {_fmt(figures[figure])} |" in note  # the values: trainers only


def test_datacard_keeps_the_answers_for_trainers(nh, planted):
    """The learners' data card names nobody from the planted stories; the trainers' note does."""
    folder = datasets.datasets_dir() / "noordhaven"
    card = (folder / "datacard.md").read_text(encoding="utf-8")
    note = (folder / "TRAINERS.md").read_text(encoding="utf-8")
    people = nh.people.set_index("person_id")
    roles = [r for r, v in planted.items() if isinstance(v, str) and v in people.index]
    assert {"connector_ops", "bypassed_manager", "broker", "key_person"} <= set(roles)
    for role in roles:
        pid = planted[role]
        for secret in (pid, people.loc[pid, "name"]):
            assert secret not in card, f"datacard.md names {role} ({secret})"
            assert secret in note, f"TRAINERS.md does not name {role} ({secret})"
    silo = f"{planted['silo_department']} has little appetite"
    assert silo not in card and silo in note
    assert "## Planted stories" in card and "TRAINERS.md" in card


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
