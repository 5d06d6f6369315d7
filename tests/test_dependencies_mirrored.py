"""environment.yml mirrors pyproject.toml: the same packages with the same ranges."""

from __future__ import annotations

import re
import tomllib

import yaml

CONDA_NAMES = {"igraph": "python-igraph", "matplotlib": "matplotlib-base",
               "duckdb": "python-duckdb"}


def _split(spec: str) -> tuple[str, str]:
    name, rng = re.match(r"^([A-Za-z0-9_.-]+)\s*(.*)$", spec.strip()).groups()
    return name.lower(), rng.replace(" ", "")


def test_environment_mirrors_pyproject(repo):
    project = tomllib.loads((repo / "pyproject.toml").read_text())["project"]
    wanted = [*project["dependencies"], *project["optional-dependencies"]["dev"]]
    env = yaml.safe_load((repo / "environment.yml").read_text())
    conda = dict(_split(d) for d in env["dependencies"] if isinstance(d, str))
    for spec in wanted:
        name, rng = _split(spec)
        name = CONDA_NAMES.get(name, name)
        assert name in conda, f"{name} is in pyproject.toml but not in environment.yml"
        assert conda[name] == rng, f"{name}: pyproject {rng!r} != environment.yml {conda[name]!r}"
    assert any(isinstance(d, dict) and "-e ." in d.get("pip", []) for d in env["dependencies"])
