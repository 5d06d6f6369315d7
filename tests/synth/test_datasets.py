"""socialhrm.datasets: list, load, networks, and clear errors."""

from __future__ import annotations

import time
import warnings

import networkx as nx
import pandas as pd
import pytest

from socialhrm import datasets
from socialhrm.data import DataError


def test_list_names_noordhaven_and_the_classics():
    table = datasets.list()
    assert list(table.columns) == ["name", "kind", "description"]
    assert {"noordhaven", "karate_club", "florentine_families", "davis_southern_women",
            "les_miserables"} <= set(table["name"])
    assert table["description"].str.len().gt(10).all()


@pytest.mark.parametrize("name,nodes", [("karate_club", 34), ("florentine_families", 15),
                                        ("davis_southern_women", 32), ("les_miserables", 77)])
def test_classics_load_as_graphs(name, nodes):
    ds = datasets.load(name)
    assert isinstance(ds.graph, nx.Graph) and ds.graph.number_of_nodes() == nodes
    assert ds.network().number_of_nodes() == nodes


def test_noordhaven_tables_have_the_core_schema(nh):
    assert nh.people["person_id"].str.match(r"^NH\d{4}$").all()
    assert 250 <= len(nh.people) <= 400
    assert pd.api.types.is_datetime64_any_dtype(nh.people["hire_date"])
    assert pd.api.types.is_datetime64_any_dtype(nh.interactions["timestamp"])
    assert set(nh.interactions["channel"]) == {"email", "chat", "meeting"}
    assert set(nh.nominations["relation"]) == {"advice", "trust", "ideas"}
    assert set(nh.events["event"]) == {"platform_first_post", "platform_first_reply", "exit"}
    assert nh.referrals["referrer"].isin(nh.people["person_id"]).all()
    assert nh.expertise["person_id"].isin(nh.people["person_id"]).all()
    assert {"category", "item", "value", "unit", "source"} <= set(nh.costs.columns)
    assert nh.people["manager_id"].isna().sum() == 1


def test_loading_is_quick_and_silent():
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        datasets.load("noordhaven")
    # a sanity bound, far above the ~0.3 s it takes, not a benchmark
    assert time.perf_counter() - start < 10


def test_networks_and_org_chart(nh):
    advice = nh.network("advice")
    assert advice.is_directed() and advice.number_of_nodes() == len(nh.people)
    assert advice.nodes[nh.people["person_id"].iloc[0]]["department"]
    chat = nh.network("interactions", channel="chat", directed=False)
    assert not chat.is_directed() and chat.number_of_edges() > 500
    chart = nh.org_chart()
    assert chart.number_of_edges() == len(nh.people) - 1
    with pytest.raises(DataError, match="advice"):
        nh.network("friendship")


def test_loads_from_any_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert len(datasets.load("Noordhaven").people) > 0


def test_unknown_name_lists_what_is_available():
    with pytest.raises(DataError, match="noordhaven.*karate_club"):
        datasets.load("acme")


def test_missing_data_names_where_it_looked(tmp_path, monkeypatch):
    monkeypatch.setattr(datasets, "_candidates", lambda: [tmp_path / "nowhere"])
    with pytest.raises(FileNotFoundError, match="nowhere"):
        datasets.load("noordhaven")
