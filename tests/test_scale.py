"""Logs larger than memory: DuckDB (and Spark, locally) aggregate them into the same edges."""

from __future__ import annotations

import shutil

import networkx as nx
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from socialhrm.data import DataError
from socialhrm.scale import aggregate_edges, edges_to_network, spark_aggregate_edges


@pytest.fixture(scope="module")
def small_log(tmp_path_factory):
    folder = tmp_path_factory.mktemp("log")
    log = pd.DataFrame({"from": ["a", "a", "b", "c", "a", "b"],
                        "to": ["b", "b", "a", "c", "c", "a"],
                        "sent": pd.to_datetime(["2025-01-01", "2025-02-01", "2025-02-02",
                                                "2025-02-03", "2025-03-01", "2025-03-05"]),
                        "minutes": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]})
    log.iloc[:3].to_parquet(folder / "part1.parquet")
    log.iloc[3:].to_parquet(folder / "part2.parquet")
    log.to_csv(folder / "log.csv", index=False)
    return folder


def test_aggregation_matches_pandas(small_log):
    edges = aggregate_edges(small_log / "*.parquet", sender="from", recipient="to",
                            weight="minutes")
    assert edges.values.tolist() == [["a", "b", 2, 3.0], ["a", "c", 1, 5.0],
                                     ["b", "a", 2, 9.0]]  # c -> c is a self-message
    csv = aggregate_edges(small_log / "log.csv", sender="from", recipient="to",
                          timestamp="sent", start="2025-02-01", end="2025-03-01")
    assert csv.values.tolist() == [["a", "b", 1, 1.0], ["b", "a", 1, 1.0]]
    G = edges_to_network(edges, pd.DataFrame({"person_id": ["a", "b", "c", "d"],
                                              "department": ["x", "x", "y", "y"]}))
    assert G.number_of_nodes() == 4 and G["b"]["a"]["weight"] == 9.0
    assert G.nodes["d"]["department"] == "y"
    U = edges_to_network(edges, directed=False)
    assert U["a"]["b"]["weight"] == 12.0 and U["a"]["b"]["count"] == 4


def test_aggregation_errors_name_the_problem(small_log, tmp_path):
    with pytest.raises(DataError, match="no column"):
        aggregate_edges(small_log / "*.parquet")
    with pytest.raises(DataError, match="no file"):
        aggregate_edges(tmp_path / "nope.parquet")
    (tmp_path / "log.json").write_text("{}")
    with pytest.raises(DataError, match="Parquet"):
        aggregate_edges(tmp_path / "log.json")


@pytest.mark.slow
def test_a_log_larger_than_the_memory_duckdb_is_given(tmp_path):
    rng = np.random.default_rng(0)
    n, people = 3_000_000, 400
    names = [f"person_{i:05d}" for i in range(people)]  # sorted as their numbers
    s, r = rng.integers(0, people, n), rng.integers(0, people, n)
    w = rng.random(n).round(3)
    ids = pa.array(names)
    table = pa.table({"sender": pa.DictionaryArray.from_arrays(pa.array(s, pa.int32()), ids),
                      "recipient": pa.DictionaryArray.from_arrays(pa.array(r, pa.int32()), ids),
                      "weight": w})
    pq.write_table(table, tmp_path / "big.parquet", row_group_size=250_000)
    limit_mb = 32
    as_text = n * 2 * len(names[0])  # the ids alone, once read as text
    assert as_text > 2 * limit_mb * 2**20  # the log is twice the memory limit
    got = aggregate_edges(tmp_path / "big.parquet", weight="weight",
                          memory_limit=f"{limit_mb}MB", threads=2,
                          temp_directory=tmp_path / "spill")
    keep = s != r
    code = s[keep] * people + r[keep]
    counts = np.bincount(code, minlength=people * people)
    sums = np.bincount(code, weights=w[keep], minlength=people * people)
    present = np.flatnonzero(counts)
    assert len(got) == len(present)
    assert got["sender"].tolist()[:3] == [names[c // people] for c in present[:3]]
    assert (got["count"].to_numpy() == counts[present]).all()
    assert np.allclose(got["weight"].to_numpy(), sums[present])
    with pytest.raises(DataError, match="memory_limit="):
        aggregate_edges(tmp_path / "big.parquet", weight="weight", memory_limit="4MB",
                        threads=2, temp_directory=tmp_path / "spill")


@pytest.mark.slow
def test_spark_job_gives_the_same_edges_in_local_mode(small_log):
    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.fail("Spark needs Java 17+: apt-get install openjdk-17-jre-headless")
    edges = spark_aggregate_edges([str(small_log / "part1.parquet"),
                                   str(small_log / "part2.parquet")],
                                  sender="from", recipient="to", weight="minutes")
    duck = aggregate_edges(small_log / "*.parquet", sender="from", recipient="to",
                           weight="minutes")
    pd.testing.assert_frame_equal(edges.reset_index(drop=True), duck.reset_index(drop=True),
                                  check_dtype=False)
    assert isinstance(edges_to_network(edges), nx.DiGraph)
