"""The data gate: every table enters the kit through these readers.

Each reader takes a path (CSV, Excel ``.xlsx``, Parquet) or a pandas DataFrame, renames
the user's columns to ours (``columns=``), checks every row, and returns a new DataFrame
with the canonical columns and dtypes documented below. Problems the reader cannot fix
raise :class:`DataError`, whose message names the file, the row(s) and the column and
says what to do. Problems it can fix (self-loops, duplicate rows, people missing from the
people table) are reported as :class:`DataWarning` saying how many rows were dropped.
Input files are only ever read, never written.

Canonical tables
----------------
people
    ``person_id`` (string, required, unique), ``department``, ``team``, ``manager_id``
    (string, empty for the top of the organisation), ``location``, ``level``,
    ``hire_date`` (datetime); any other column is kept and becomes a node attribute.
interactions
    ``sender``, ``recipient`` (string), ``timestamp`` (datetime, optional), ``channel``
    (string, ``"unknown"`` when absent), ``weight`` (float, 1.0 when absent).
nominations
    ``respondent``, ``nominee`` (string), ``relation`` (string, required), ``strength``
    (float, 1.0 when absent).
events
    ``person_id`` (string), ``timestamp`` (datetime), ``event`` (string).

Files as people have them
-------------------------
One CSV dialect detection serves every reader (and the dashboards' uploads): comma,
semicolon or tab separators, decimal commas (Dutch Excel writes ``;`` and ``0,5``), a
byte-order mark, Windows line ends, and title rows above the header (skipped, with a
warning). Ids are the same whatever the source: ``12``, ``12.0`` and ``"12"`` are one
person. Extra text columns are ``string`` whatever the file format.

Timestamps are accepted as ISO 8601 text (``2025-03-04T09:15``; an offset such as
``+01:00`` or ``Z`` is converted to UTC), as Unix epoch seconds or milliseconds (told
apart by size), as Excel serial day numbers (with a warning), or as seconds since the start
of a study (which fall in 1970; with a warning). Day-first or month-first dates such as
``05/11/2001`` are refused, never guessed. They are returned as timezone-naive datetimes.
:func:`parse_time` applies the same rules to a single value (``start=``/``end=``).
"""

from __future__ import annotations

from socialhrm.data.columns import (
    canonical_columns,
    check_option,
    drop_unknown,
    finish,
    id_column,
    parse_time,
)
from socialhrm.data.errors import (
    DEFAULT_MAX_BYTES,
    KEY_ENV,
    VALIDATED,
    DataError,
    DataWarning,
    Origin,
    check_attribute,
    fail,
    warn,
)
from socialhrm.data.files import (
    CsvDialect,
    read_csv_table,
    read_header,
    read_source,
    sniff_csv,
    table_kind,
)
from socialhrm.data.pseudonyms import pseudonym_length, pseudonymise
from socialhrm.data.readers import read_events, read_interactions, read_nominations, read_people

__all__ = [
    "DEFAULT_MAX_BYTES",
    "KEY_ENV",
    "VALIDATED",
    "CsvDialect",
    "DataError",
    "DataWarning",
    "Origin",
    "canonical_columns",
    "check_attribute",
    "check_option",
    "drop_unknown",
    "fail",
    "finish",
    "id_column",
    "parse_time",
    "pseudonym_length",
    "pseudonymise",
    "read_csv_table",
    "read_events",
    "read_header",
    "read_interactions",
    "read_nominations",
    "read_people",
    "read_source",
    "sniff_csv",
    "table_kind",
    "warn",
]
