"""The four readers: people, interactions, survey nominations, events."""

from __future__ import annotations

import os
from collections.abc import Mapping

import pandas as pd

from socialhrm.data.columns import (
    canonical_columns,
    check_option,
    drop_unknown,
    drop_with_warning,
    finish,
    id_column,
    number_column,
    text_column,
    timestamp_column,
    unknown_managers,
)
from socialhrm.data.errors import fail
from socialhrm.data.files import read_source
from socialhrm.i18n import _


def read_people(
    source: str | os.PathLike | pd.DataFrame,
    columns: Mapping[str, str] | None = None,
    *,
    encoding: str | None = None,
    sheet: str | int | None = None,
    max_bytes: int | None = None,
) -> pd.DataFrame:
    """Read and validate the people table (one row per person).

    Parameters
    ----------
    source
        A path to a CSV, Excel (``.xlsx``) or Parquet file, or a DataFrame.
    columns
        Optional mapping from your column names to ours, e.g. ``{"Employee": "person_id"}``.
    encoding
        Text encoding of a CSV file (default UTF-8, with or without byte-order mark).
    sheet
        Excel sheet name or number (default: the first sheet).
    max_bytes
        Refuse files larger than this (default :data:`DEFAULT_MAX_BYTES`).

    Returns
    -------
    pandas.DataFrame
        ``person_id`` (unique), ``department``, ``team``, ``manager_id``, ``location``,
        ``level``, ``hire_date`` and any extra columns, in a new DataFrame.

    Raises
    ------
    DataError
        Missing ``person_id`` column, empty or duplicated ids, unreadable dates, and any
        problem reading the file.

    Examples
    --------
    >>> import pandas as pd
    >>> people = read_people(pd.DataFrame({"id": [1, 2], "dept": ["HR", "IT"]}),
    ...                      columns={"id": "person_id", "dept": "department"})
    >>> people[["person_id", "department"]].to_dict("list")
    {'person_id': ['1', '2'], 'department': ['HR', 'IT']}
    """
    frame, origin = read_source(source, "people", encoding=encoding, sheet=sheet,
                                 max_bytes=max_bytes)
    order = ["person_id", "department", "team", "manager_id", "location", "level", "hire_date"]
    frame = canonical_columns(frame, origin, columns, order, ["person_id"])
    id_column(frame, "person_id", origin, allow_missing=False)
    dup = frame["person_id"].duplicated(keep=False)
    if dup.any():
        ids = frame.loc[dup, "person_id"].unique().tolist()
        raise fail(origin,
                    _("{n} person_id(s) appear more than once ({ids}) on {rows}.").format(
                        n=len(ids), ids=", ".join(map(repr, ids[:5])),
                        rows=origin.rows(frame.index[dup])),
                    _("each person must have exactly one row; merge or remove the "
                      "duplicates."))
    if "manager_id" in frame.columns:
        id_column(frame, "manager_id", origin, allow_missing=True)
        unknown_managers(frame, origin)
    else:
        frame["manager_id"] = pd.Series(pd.NA, index=frame.index, dtype="string")
    for col in ("department", "team", "location", "level"):
        text_column(frame, col)
    if "hire_date" in frame.columns:
        timestamp_column(frame, "hire_date", origin, required=False)
    else:
        frame["hire_date"] = pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
    return finish(frame, "people", order, origin)


def read_interactions(
    source: str | os.PathLike | pd.DataFrame,
    columns: Mapping[str, str] | None = None,
    people: pd.DataFrame | None = None,
    *,
    self_loops: str = "drop",
    duplicates: str = "keep",
    unknown: str = "drop",
    encoding: str | None = None,
    sheet: str | int | None = None,
    max_bytes: int | None = None,
) -> pd.DataFrame:
    """Read and validate an interaction log (email, chat, meetings): one row per message.

    Parameters
    ----------
    source
        A path to a CSV, Excel or Parquet file, or a DataFrame.
    columns
        Optional mapping from your column names to ours, e.g. ``{"from": "sender"}``.
    people
        The people table; rows naming someone not in it are handled as ``unknown`` says.
    self_loops
        ``"drop"`` (default, with a warning) or ``"keep"`` messages to oneself.
    duplicates
        ``"keep"`` (default: two identical rows are two messages) or ``"drop"`` exact
        duplicate rows, with a warning.
    unknown
        ``"drop"`` (default, with a warning), ``"keep"`` (with a warning) or ``"error"``.
    encoding, sheet, max_bytes
        As in :func:`read_people`.

    Returns
    -------
    pandas.DataFrame
        ``sender``, ``recipient``, ``timestamp``, ``channel``, ``weight`` and any extra
        columns.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({"from": ["a", "b"], "to": ["b", "a"],
    ...                     "when": ["2025-01-06T09:00", "2025-01-06T09:05"]})
    >>> read_interactions(log, columns={"from": "sender", "to": "recipient",
    ...                                 "when": "timestamp"})["channel"].tolist()
    ['unknown', 'unknown']
    """
    check_option("self_loops", self_loops, ("drop", "keep"))
    check_option("duplicates", duplicates, ("keep", "drop"))
    check_option("unknown", unknown, ("drop", "keep", "error"))
    frame, origin = read_source(source, "interactions", encoding=encoding, sheet=sheet,
                                 max_bytes=max_bytes)
    order = ["sender", "recipient", "timestamp", "channel", "weight"]
    frame = canonical_columns(frame, origin, columns, order, ["sender", "recipient"])
    for col in ("sender", "recipient"):
        id_column(frame, col, origin, allow_missing=False)
    if "timestamp" in frame.columns:
        timestamp_column(frame, "timestamp", origin, required=True)
    else:
        frame["timestamp"] = pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
    text_column(frame, "channel", "unknown")
    number_column(frame, "weight", origin, 1.0)
    if self_loops == "drop":
        frame = drop_with_warning(frame, frame["sender"] == frame["recipient"], origin,
                                   _("self-loops (rows whose sender is also the recipient)"))
    if duplicates == "drop":
        frame = drop_with_warning(frame, frame.duplicated(), origin,
                                   _("exact duplicate rows"))
    frame = drop_unknown(frame, ["sender", "recipient"], people, origin, unknown)
    return finish(frame, "interactions", order, origin)


def read_nominations(
    source: str | os.PathLike | pd.DataFrame,
    columns: Mapping[str, str] | None = None,
    people: pd.DataFrame | None = None,
    *,
    relation: str | None = None,
    unknown: str = "drop",
    encoding: str | None = None,
    sheet: str | int | None = None,
    max_bytes: int | None = None,
) -> pd.DataFrame:
    """Read and validate ONA survey answers: one row per (respondent, nominee, relation).

    Parameters
    ----------
    source
        A path to a CSV, Excel or Parquet file, or a DataFrame.
    columns
        Optional mapping from your column names to ours.
    people
        The people table; nominations of unknown people are handled as ``unknown`` says.
    relation
        The relation to record when the table has no ``relation`` column (e.g. ``"advice"``).
    unknown, encoding, sheet, max_bytes
        As in :func:`read_interactions`.

    Returns
    -------
    pandas.DataFrame
        ``respondent``, ``nominee``, ``relation``, ``strength`` and any extra columns.
        Self-nominations and repeated answers are dropped with a warning.

    Examples
    --------
    >>> import pandas as pd
    >>> answers = pd.DataFrame({"source": [1, 2], "target": [2, 1]})
    >>> read_nominations(answers, columns={"source": "respondent", "target": "nominee"},
    ...                  relation="advice")["relation"].tolist()
    ['advice', 'advice']
    """
    check_option("unknown", unknown, ("drop", "keep", "error"))
    frame, origin = read_source(source, "nominations", encoding=encoding, sheet=sheet,
                                 max_bytes=max_bytes)
    order = ["respondent", "nominee", "relation", "strength"]
    if relation is not None:
        frame = frame.copy()
        if "relation" not in [str(c).strip().lower() for c in frame.columns]:
            frame["relation"] = relation
    frame = canonical_columns(frame, origin, columns, order,
                               ["respondent", "nominee", "relation"])
    for col in ("respondent", "nominee"):
        id_column(frame, col, origin, allow_missing=False)
    text_column(frame, "relation")
    empty_rel = frame["relation"].isna()
    if empty_rel.any():
        raise fail(origin, _("column 'relation' is empty on {rows}.").format(
            rows=origin.rows(frame.index[empty_rel])),
            _("name the relation (e.g. advice, trust) in every row."))
    number_column(frame, "strength", origin, 1.0)
    frame = drop_with_warning(frame, frame["respondent"] == frame["nominee"], origin,
                               _("self-nominations (respondent names themselves)"))
    key = ["respondent", "nominee", "relation"]
    frame = drop_with_warning(frame, frame.duplicated(key), origin,
                               _("repeated answers (same respondent, nominee and relation)"))
    frame = drop_unknown(frame, ["respondent", "nominee"], people, origin, unknown)
    return finish(frame, "nominations", order, origin)


def read_events(
    source: str | os.PathLike | pd.DataFrame,
    columns: Mapping[str, str] | None = None,
    people: pd.DataFrame | None = None,
    *,
    unknown: str = "drop",
    encoding: str | None = None,
    sheet: str | int | None = None,
    max_bytes: int | None = None,
) -> pd.DataFrame:
    """Read and validate dated events per person (adoption, exits, ...).

    Parameters
    ----------
    source
        A path to a CSV, Excel or Parquet file, or a DataFrame.
    columns
        Optional mapping from your column names to ours.
    people
        The people table; events of unknown people are handled as ``unknown`` says.
    unknown, encoding, sheet, max_bytes
        As in :func:`read_interactions`.

    Returns
    -------
    pandas.DataFrame
        ``person_id``, ``timestamp``, ``event`` and any extra columns, sorted by time.

    Examples
    --------
    >>> import pandas as pd
    >>> ev = pd.DataFrame({"person_id": ["a"], "timestamp": ["2025-02-01"],
    ...                    "event": ["first_post"]})
    >>> str(read_events(ev)["timestamp"].iloc[0].date())
    '2025-02-01'
    """
    check_option("unknown", unknown, ("drop", "keep", "error"))
    frame, origin = read_source(source, "events", encoding=encoding, sheet=sheet,
                                 max_bytes=max_bytes)
    order = ["person_id", "timestamp", "event"]
    frame = canonical_columns(frame, origin, columns, order, order)
    id_column(frame, "person_id", origin, allow_missing=False)
    timestamp_column(frame, "timestamp", origin, required=True)
    text_column(frame, "event")
    empty = frame["event"].isna()
    if empty.any():
        raise fail(origin, _("column 'event' is empty on {rows}.").format(
            rows=origin.rows(frame.index[empty])),
            _("name the event (e.g. first_post, exit) in every row."))
    frame = drop_with_warning(frame, frame.duplicated(), origin, _("exact duplicate rows"))
    frame = drop_unknown(frame, ["person_id"], people, origin, unknown)
    frame = frame.sort_values("timestamp", kind="stable")
    return finish(frame, "events", order, origin)


# ---------------------------------------------------------------------------------------
# Pseudonyms
# ---------------------------------------------------------------------------------------
