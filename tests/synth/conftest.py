"""Fixtures for the Noordhaven tests: the generated data and the shipped data, once each."""

from __future__ import annotations

import pytest

from socialhrm import datasets
from socialhrm.synth import generate


@pytest.fixture(scope="session")
def generated():
    return generate()


@pytest.fixture(scope="session")
def nh():
    return datasets.load("noordhaven")


@pytest.fixture(scope="session")
def planted(generated):
    return generated.planted


@pytest.fixture(scope="session")
def advice(nh):
    return nh.network("advice")
