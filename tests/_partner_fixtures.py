"""Fixtures shared by the tests of brokerage, silos and knowledge (module 2-4 library)."""

from __future__ import annotations

import pytest

from socialhrm import datasets
from socialhrm.data import read_nominations, read_people
from socialhrm.network import build_network

__all__ = ["krackhardt_advice", "lazega_cowork", "noordhaven", "planted"]

EDGE_COLS = {"source": "respondent", "target": "nominee"}


@pytest.fixture(scope="session")
def noordhaven():
    return datasets.load("noordhaven")


@pytest.fixture(scope="session")
def planted():
    from socialhrm.synth import generate

    return generate().planted


def _real(realdata, name, relation, directed=True):
    people = read_people(realdata / f"{name}_nodes.csv", columns={"id": "person_id"})
    noms = read_nominations(realdata / f"{name}_{relation}.csv", columns=EDGE_COLS,
                            relation=relation, people=people)
    return build_network(noms, people, directed=directed)


@pytest.fixture(scope="session")
def krackhardt_advice(realdata):
    return _real(realdata, "krackhardt", "advice")


@pytest.fixture(scope="session")
def lazega_cowork(realdata):
    return _real(realdata, "lazega", "cowork", directed=False)
