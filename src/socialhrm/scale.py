"""Logs larger than memory: aggregate them into an edge list without loading them.

A network needs one row per pair of people (how many messages, their summed weight), not one
row per message. For a log of a hundred million messages that does not fit in memory,
:func:`aggregate_edges` asks DuckDB (an embedded engine: no server) to read the Parquet or CSV
files in pieces and group them, spilling to disk when its memory limit is reached, and
returns the much smaller edge table; :func:`edges_to_network` turns it into the networkx
graph the rest of the kit uses. When one machine is not enough, :func:`spark_aggregate_edges`
does the same aggregation as a Spark job (pyspark), on a cluster or, for testing, locally.

Examples
--------
>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "log.parquet"
>>> pd.DataFrame({"sender": ["a", "a", "b"], "recipient": ["b", "b", "a"],
...               "timestamp": pd.to_datetime(["2025-01-02"] * 3)}).to_parquet(path)
>>> aggregate_edges(path).values.tolist()
[['a', 'b', 2, 2.0], ['b', 'a', 1, 1.0]]
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd

from socialhrm.data import DataError
from socialhrm.i18n import _

__all__ = ["aggregate_edges", "edges_to_network", "spark_aggregate_edges"]

EDGE_COLUMNS = ("sender", "recipient", "count", "weight")


def _sources(source: str | os.PathLike | Iterable[str | os.PathLike]) -> tuple[list[str], str]:
    items = [source] if isinstance(source, str | os.PathLike) else list(source)
    paths: list[str] = []
    for item in items:
        text = str(Path(item).expanduser())
        if any(ch in text for ch in "*?["):
            paths.append(text)  # a glob: DuckDB expands it
            continue
        if not Path(text).exists():
            raise DataError(_("aggregate_edges: there is no file {path}.").format(path=text))
        paths.append(text)
    suffixes = {Path(p.split("*")[0] or p).suffix.lower() or Path(p).suffix.lower()
                for p in paths}
    kind = "parquet" if suffixes <= {".parquet", ".pq"} else \
        "csv" if suffixes <= {".csv", ".gz", ".tsv"} else ""
    if not kind:
        raise DataError(_("aggregate_edges: read Parquet (.parquet) or CSV (.csv) files, not "
                          "{kinds}.").format(kinds=", ".join(sorted(suffixes))))
    return paths, kind


def aggregate_edges(source: str | os.PathLike | Iterable[str | os.PathLike], *,
                    sender: str = "sender", recipient: str = "recipient",
                    timestamp: str = "timestamp", weight: str | None = None,
                    start: str | None = None, end: str | None = None,
                    memory_limit: str = "2GB", threads: int | None = None,
                    temp_directory: str | os.PathLike | None = None) -> pd.DataFrame:
    """Group a message log (Parquet or CSV, any size) into one row per pair of people.

    Parameters
    ----------
    source
        A file, a glob (``"logs/*.parquet"``) or a list of them.
    sender, recipient, timestamp, weight
        The log's column names (``weight``: a column to sum; default every message counts 1).
    start, end
        Keep messages from ``start`` (inclusive) to ``end`` (exclusive), ISO dates.
    memory_limit
        DuckDB's memory limit (e.g. ``"500MB"``); beyond it, DuckDB spills to
        ``temp_directory``.
    threads
        How many threads DuckDB may use (default: all cores).
    temp_directory
        Where DuckDB may spill (default: a temporary folder).

    Returns
    -------
    pandas.DataFrame
        ``sender``, ``recipient``, ``count`` (messages) and ``weight`` (their summed weight),
        sorted by sender and recipient; self-messages are left out.

    Examples
    --------
    See the module's example.
    """
    import duckdb

    paths, kind = _sources(source)
    reader = "read_parquet" if kind == "parquet" else "read_csv_auto"
    con = duckdb.connect(config={"memory_limit": memory_limit,
                                 "temp_directory": str(temp_directory or tempfile.gettempdir()),
                                 "preserve_insertion_order": False,
                                 **({"threads": int(threads)} if threads else {})})
    try:
        rel = con.sql(f"SELECT * FROM {reader}($paths) LIMIT 0", params={"paths": paths})
        have = set(rel.columns)
        needed = [sender, recipient] + ([weight] if weight else []) + \
            ([timestamp] if start or end else [])
        missing = [c for c in needed if c not in have]
        if missing:
            raise DataError(_("aggregate_edges: the log has no column(s) {missing}; it has "
                              "{have}. Name yours with sender=, recipient=, ...").format(
                                  missing=", ".join(missing), have=", ".join(sorted(have))))

        def q(name: str) -> str:
            return '"' + name.replace('"', '""') + '"'

        where = [f"{q(sender)} IS NOT NULL", f"{q(recipient)} IS NOT NULL",
                 f"CAST({q(sender)} AS VARCHAR) <> CAST({q(recipient)} AS VARCHAR)"]
        params: dict[str, Any] = {"paths": paths}
        if start:
            where.append(f"CAST({q(timestamp)} AS TIMESTAMP) >= CAST($start AS TIMESTAMP)")
            params["start"] = str(pd.Timestamp(start))
        if end:
            where.append(f"CAST({q(timestamp)} AS TIMESTAMP) < CAST($end AS TIMESTAMP)")
            params["end"] = str(pd.Timestamp(end))
        wsum = f"SUM(CAST({q(weight)} AS DOUBLE))" if weight else "CAST(COUNT(*) AS DOUBLE)"
        sql = (f"SELECT CAST({q(sender)} AS VARCHAR) AS sender, "
               f"CAST({q(recipient)} AS VARCHAR) AS recipient, COUNT(*) AS count, "
               f"{wsum} AS weight FROM {reader}($paths) WHERE {' AND '.join(where)} "
               "GROUP BY 1, 2 ORDER BY 1, 2")
        try:
            edges = con.execute(sql, params).df()
        except duckdb.OutOfMemoryException:
            raise DataError(_("aggregate_edges: {limit} of memory is not enough for this log, "
                              "even spilling to disk.\n  What to do: give more with "
                              "memory_limit= (e.g. '4GB'), or fewer threads=.").format(
                                  limit=memory_limit)) from None
        except duckdb.Error as exc:
            raise DataError(_("aggregate_edges: DuckDB could not read the log ({problem}).")
                            .format(problem=str(exc).splitlines()[0])) from None
    finally:
        con.close()
    edges["count"] = edges["count"].astype("int64")
    edges["sender"] = edges["sender"].astype("string")
    edges["recipient"] = edges["recipient"].astype("string")
    return edges


def edges_to_network(edges: pd.DataFrame, people: pd.DataFrame | None = None, *,
                     directed: bool = True, min_weight: float | None = None) -> nx.Graph:
    """The networkx graph of an aggregated edge table (people's attributes on the nodes).

    Parameters
    ----------
    edges
        A result of :func:`aggregate_edges` (or :func:`spark_aggregate_edges`).
    people
        A people table; every person becomes a node, also without ties.
    directed
        A directed graph (who writes to whom) or an undirected one (weights of both
        directions added).
    min_weight
        Keep only ties with at least this weight.

    Returns
    -------
    networkx.DiGraph or networkx.Graph

    Examples
    --------
    >>> e = pd.DataFrame({"sender": ["a"], "recipient": ["b"], "count": [3], "weight": [3.0]})
    >>> edges_to_network(e)["a"]["b"]["weight"]
    3.0
    """
    missing = [c for c in EDGE_COLUMNS if c not in edges.columns]
    if missing:
        raise DataError(_("edges_to_network: the edge table has no column(s) {missing}.")
                        .format(missing=", ".join(missing)))
    table = edges
    if not directed:
        a = table["sender"].where(table["sender"] <= table["recipient"], table["recipient"])
        b = table["recipient"].where(table["sender"] <= table["recipient"], table["sender"])
        table = (table.assign(sender=a, recipient=b)
                 .groupby(["sender", "recipient"], as_index=False)[["count", "weight"]].sum())
    if min_weight is not None:
        table = table[table["weight"] >= min_weight]
    G = nx.DiGraph() if directed else nx.Graph()
    if people is not None:
        attrs = people.set_index("person_id").to_dict("index")
        G.add_nodes_from((p, {k: v for k, v in d.items() if not pd.isna(v)})
                         for p, d in attrs.items())
    G.add_edges_from((s, r, {"weight": float(w), "count": int(c)}) for s, r, c, w in
                     table[["sender", "recipient", "count", "weight"]].itertuples(index=False))
    return G


def spark_aggregate_edges(source: str | Iterable[str], *, spark: Any = None,
                          sender: str = "sender", recipient: str = "recipient",
                          weight: str | None = None, output: str | None = None) -> pd.DataFrame:
    """The same aggregation as :func:`aggregate_edges`, as a Spark job (pyspark).

    The route when one machine is not enough: run it on a cluster with a ``SparkSession``
    connected to it (``spark=``); without one, a local session is started (which is how the
    tests run it). The edge table is small, so it comes back as pandas; with ``output`` it
    is also written as Parquet where the cluster can read it.

    Parameters
    ----------
    source
        Parquet files or folders (a path, a glob or a list).
    spark
        A ``pyspark.sql.SparkSession`` (default: ``local[2]``).
    sender, recipient, weight
        The log's column names.
    output
        Also write the edges as Parquet to this path.

    Returns
    -------
    pandas.DataFrame
        ``sender``, ``recipient``, ``count``, ``weight`` as :func:`aggregate_edges`.
    """
    try:
        from pyspark.sql import SparkSession
        from pyspark.sql import functions as F  # noqa: N812 - Spark's own convention
    except ImportError:
        raise DataError(_("spark_aggregate_edges needs pyspark (pip install pyspark) and "
                          "Java 17 or newer.")) from None
    own = spark is None
    if own:
        spark = (SparkSession.builder.master("local[2]").appName("socialhrm-edges")
                 .config("spark.ui.enabled", "false")
                 .config("spark.sql.shuffle.partitions", "4").getOrCreate())
    try:
        paths = [source] if isinstance(source, str) else list(source)
        log = spark.read.parquet(*paths)
        w = F.col(weight).cast("double") if weight else F.lit(1.0)
        edges = (log.where(F.col(sender).isNotNull() & F.col(recipient).isNotNull()
                           & (F.col(sender).cast("string") != F.col(recipient).cast("string")))
                 .groupBy(F.col(sender).cast("string").alias("sender"),
                          F.col(recipient).cast("string").alias("recipient"))
                 .agg(F.count(F.lit(1)).alias("count"), F.sum(w).alias("weight"))
                 .orderBy("sender", "recipient"))
        if output:
            edges.write.mode("overwrite").parquet(output)
        out = edges.toPandas()
    finally:
        if own:
            spark.stop()
    out["count"] = out["count"].astype("int64")
    out["sender"] = out["sender"].astype("string")
    out["recipient"] = out["recipient"].astype("string")
    return out
