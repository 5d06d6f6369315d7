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

Timestamps are accepted as ISO 8601 text (``2025-03-04T09:15``; an offset such as
``+01:00`` or ``Z`` is converted to UTC) or as Unix epoch seconds, and are returned as
timezone-naive datetimes.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from socialhrm.i18n import _

__all__ = [
    "DataError",
    "DataWarning",
    "DEFAULT_MAX_BYTES",
    "pseudonym_length",
    "pseudonymise",
    "read_events",
    "read_header",
    "read_interactions",
    "read_nominations",
    "read_people",
    "table_kind",
]

#: Files larger than this are refused before reading (override with ``max_bytes=`` or the
#: environment variable ``SOCIALHRM_MAX_FILE_MB``).
DEFAULT_MAX_BYTES = int(float(os.environ.get("SOCIALHRM_MAX_FILE_MB", "1024")) * 2**20)

#: Environment variable holding the pseudonymisation key when none is passed.
KEY_ENV = "SOCIALHRM_PSEUDONYM_KEY"

_VALIDATED = "socialhrm_table"  # DataFrame.attrs key marking a validated table
_MAX_LISTED = 5  # how many offending rows a message lists


class DataError(ValueError):
    """Input the kit cannot use; the message says what is wrong, where, and what to do.

    Examples
    --------
    >>> import pandas as pd
    >>> try:
    ...     read_people(pd.DataFrame({"name": ["Ann"]}))
    ... except DataError as err:
    ...     print(str(err).splitlines()[0])
    people table (the DataFrame you passed): missing column 'person_id'.
    """


class DataWarning(UserWarning):
    """A problem the reader fixed (rows dropped or kept); the message says how many.

    ``ids`` lists the person ids the message names (empty when it names none), so that a
    caller showing the message with pseudonyms on can replace them.
    """

    def __init__(self, message: str = "", ids: Iterable[Any] = ()) -> None:
        super().__init__(message)
        self.ids = list(ids)


# ---------------------------------------------------------------------------------------
# Where rows come from, so that messages can point at them
# ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Origin:
    table: str  # "people", "interactions", ...
    label: str  # the file name, or "the DataFrame you passed"
    kind: str  # "csv", "excel", "parquet", "frame"

    @property
    def where(self) -> str:
        return f"{self.table} table ({self.label})"

    def rows(self, index: Iterable) -> str:
        """Name rows as a user finds them: file line numbers, Excel rows, or index labels."""
        idx = list(index)
        shown = idx[:_MAX_LISTED]
        if self.kind == "csv":
            # header is line 1, the first data row line 2 (quoted line breaks aside)
            names = [str(int(i) + 2) for i in shown]
            word = "line" if len(idx) == 1 else "lines"
        elif self.kind == "excel":
            names = [str(int(i) + 2) for i in shown]
            word = "row" if len(idx) == 1 else "rows"
        else:
            names = [repr(i) if not isinstance(i, (int, np.integer)) else str(i) for i in shown]
            word = "row" if len(idx) == 1 else "rows"
        more = f" and {len(idx) - len(shown)} more" if len(idx) > len(shown) else ""
        return f"{word} {', '.join(names)}{more}"


def _fail(origin: _Origin, problem: str, advice: str) -> DataError:
    return DataError(f"{origin.where}: {problem}\n  What to do: {advice}")


def _warn(origin: _Origin, message: str, ids: Iterable[Any] = ()) -> None:
    warnings.warn(DataWarning(f"{origin.where}: {message}", ids), stacklevel=3)


# ---------------------------------------------------------------------------------------
# Reading files
# ---------------------------------------------------------------------------------------
def _line_of_byte(path: Path, offset: int) -> int:
    with open(path, "rb") as fh:
        return fh.read(offset).count(b"\n") + 1


def _read_source(
    source: str | os.PathLike | pd.DataFrame,
    table: str,
    *,
    encoding: str | None,
    sheet: str | int | None,
    max_bytes: int | None,
) -> tuple[pd.DataFrame, _Origin]:
    """Load a path or copy a DataFrame; turn every reading failure into a DataError."""
    if isinstance(source, pd.DataFrame):
        origin = _Origin(table, "the DataFrame you passed", "frame")
        if source.empty and len(source.columns) == 0:
            raise _fail(origin, "the table is empty.", "pass a table with a header and rows.")
        return source.copy(), origin
    if not isinstance(source, (str, os.PathLike)):
        raise DataError(
            f"{table} table: expected a file path or a pandas DataFrame, got "
            f"{type(source).__name__}.\n  What to do: pass the path of a CSV, Excel or "
            "Parquet file, or a DataFrame."
        )
    path = Path(source)
    suffix = path.suffix.lower()
    kind = {".xlsx": "excel", ".xlsm": "excel", ".xls": "excel", ".parquet": "parquet",
            ".pq": "parquet"}.get(suffix, "csv")
    origin = _Origin(table, f"file {path}", kind)
    if not path.exists():
        raise _fail(origin, "the file does not exist.", "check the path and the file name.")
    if path.is_dir():
        raise _fail(origin, "this is a folder, not a file.", "pass the path of one file.")
    size = path.stat().st_size
    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    if size == 0:
        raise _fail(origin, "the file is empty (0 bytes).",
                    "export the table again; it needs a header row and at least one row.")
    if size > limit:
        raise _fail(
            origin,
            f"the file is {size / 2**20:,.0f} MB, more than the {limit / 2**20:,.0f} MB this "
            "reader loads into memory.",
            "aggregate or filter the log first (for example per month, or with duckdb), split "
            "it into smaller files, or raise the limit with max_bytes= if this machine has "
            "the memory (about 5x the file size).",
        )
    try:
        if kind == "excel":
            frame = pd.read_excel(path, sheet_name=0 if sheet is None else sheet, dtype=object)
        elif kind == "parquet":
            frame = pd.read_parquet(path)
        else:
            frame = _read_csv(path, origin, encoding)
    except DataError:
        raise
    except ImportError as err:  # pragma: no cover - optional engines are dependencies
        raise _fail(origin, f"a reader for {suffix} files is not installed ({err}).",
                    "install the missing package or save the table as CSV.") from None
    except (ValueError, OSError, KeyError) as err:
        raise _fail(origin, f"the file could not be read as {kind.upper()}: {err}",
                    f"check that it really is a {kind.upper()} file, or save it as CSV.") from None
    if len(frame.columns) == 0:
        raise _fail(origin, "the file has no columns.", "the first row must name the columns.")
    return frame, origin


_TOKENIZE = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")


def _check_text(path: Path, origin: _Origin, encoding: str | None) -> None:
    """Refuse, with a message naming the file, what is not text in the expected encoding."""
    with open(path, "rb") as fh:
        head = fh.read(4096)
    if encoding and encoding.lower().replace("_", "-").startswith("utf-16"):
        return
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _fail(origin, _("the file is UTF-16 text (what Excel calls 'Unicode Text'), "
                              "not UTF-8."),
                    _("save it as 'CSV UTF-8' (Excel: File > Save As > CSV UTF-8), or pass "
                      "encoding='utf-16'."))
    if head.startswith(b"PK\x03\x04"):
        raise _fail(origin, _("this is a zip or Excel workbook, not a CSV text file."),
                    _("upload the .xlsx file under its own name, or save it as 'CSV UTF-8'."))
    if b"\x00" in head:
        raise _fail(origin, _("this is not a text (CSV) file: it contains binary data."),
                    _("choose the table itself, saved as 'CSV UTF-8' or Excel (.xlsx)."))


def _read_csv(path: Path, origin: _Origin, encoding: str | None, *,
              nrows: int | None = None) -> pd.DataFrame:
    enc = encoding or "utf-8-sig"
    _check_text(path, origin, encoding)
    try:
        return pd.read_csv(path, dtype=str, encoding=enc, keep_default_na=False,
                           na_values=[""], skipinitialspace=True, nrows=nrows)
    except UnicodeDecodeError as err:
        line = _line_of_byte(path, err.start)
        bad = err.object[err.start:err.start + 1].hex().upper()
        raise _fail(
            origin,
            f"the file is not {enc.replace('-sig', '').upper()} text: byte 0x{bad} on line "
            f"{line} cannot be decoded.",
            "save it as 'CSV UTF-8' (Excel: File > Save As > CSV UTF-8), or pass the file's "
            "encoding, for example encoding='latin-1' or encoding='cp1252'.",
        ) from None
    except pd.errors.EmptyDataError:
        raise _fail(origin, "the file has no header and no rows.",
                    "the first line must name the columns, separated by commas.") from None
    except pd.errors.ParserError as err:
        found = _TOKENIZE.search(str(err))
        if found:
            expected, line, saw = found.groups()
            problem = (f"line {line} has {saw} fields but the header has {expected}.")
        else:
            problem = f"the CSV is malformed ({str(err).strip()})."
        raise _fail(origin, problem,
                    "look for an unquoted comma or a missing quote on that line; text that "
                    "contains commas must be wrapped in double quotes.") from None


def read_header(source: str | os.PathLike | pd.DataFrame, *,
                encoding: str | None = None, table: str = "table") -> list[str]:
    """The column names of a table file (its first row), read as the ``read_*`` functions do.

    Parameters
    ----------
    source
        A CSV or Excel file, or a DataFrame.
    encoding
        The file's text encoding (default UTF-8, with or without BOM).
    table
        What the table is, for messages (``"interactions"``, ...).

    Returns
    -------
    list of str

    Raises
    ------
    DataError
        A file that is not text, not UTF-8, empty or malformed; the message names the file.

    Examples
    --------
    >>> import pandas as pd
    >>> read_header(pd.DataFrame(columns=["sender", "recipient"]))
    ['sender', 'recipient']
    """
    if isinstance(source, pd.DataFrame):
        return [str(c) for c in source.columns]
    path = Path(source)
    suffix = path.suffix.lower()
    kind = "excel" if suffix in {".xlsx", ".xlsm", ".xls"} else "csv"
    origin = _Origin(table, f"file {path}", kind)
    if not path.is_file():
        raise _fail(origin, "the file does not exist.", "check the path and the file name.")
    if path.stat().st_size == 0:
        raise _fail(origin, "the file is empty (0 bytes).",
                    "export the table again; it needs a header row and at least one row.")
    try:
        if kind == "excel":
            header = pd.read_excel(path, nrows=0).columns
        else:
            header = _read_csv(path, origin, encoding, nrows=0).columns
    except DataError:
        raise
    except (ValueError, OSError, KeyError) as err:
        raise _fail(origin, f"the file could not be read as {kind.upper()}: {err}",
                    f"check that it really is a {kind.upper()} file, or save it as CSV.") from None
    return [str(c).strip() for c in header]


def table_kind(columns: Iterable[Any], *, where: str = "") -> str:
    """Whether a table is an interaction log or survey nominations, from its column names.

    Parameters
    ----------
    columns
        The column names (case and surrounding spaces do not matter).
    where
        What to name in the message (a function or a file name).

    Returns
    -------
    str
        ``"interactions"`` (``sender`` and ``recipient``) or ``"nominations"``
        (``respondent`` and ``nominee``).

    Raises
    ------
    DataError
        When it is neither.

    Examples
    --------
    >>> table_kind(["Sender", "Recipient", "timestamp"])
    'interactions'
    """
    names = [str(c) for c in columns]
    cols = {c.strip().lower() for c in names}
    if {"sender", "recipient"} <= cols:
        return "interactions"
    if {"respondent", "nominee"} <= cols:
        return "nominations"
    raise DataError(_(
        "{where}: this is neither an interaction log (columns sender, recipient, timestamp) "
        "nor survey nominations (columns respondent, nominee, relation). Its columns are: "
        "{columns}.\n  What to do: rename the columns in the file's first row (or map them "
        "with columns=) and read it again.").format(
            where=where or _("table"), columns=", ".join(names) or _("none")))


# ---------------------------------------------------------------------------------------
# Columns
# ---------------------------------------------------------------------------------------
def _canonical_columns(
    frame: pd.DataFrame,
    origin: _Origin,
    columns: Mapping[str, str] | None,
    canonical: Iterable[str],
    required: Iterable[str],
) -> pd.DataFrame:
    frame.columns = [str(c).strip() for c in frame.columns]
    if columns:
        missing = [c for c in columns if c not in frame.columns]
        if missing:
            raise _fail(
                origin,
                f"columns= names {', '.join(map(repr, missing))}, which the table does not "
                f"have. It has: {', '.join(map(repr, frame.columns))}.",
                "use the table's own column names on the left of the mapping, ours on the "
                "right, e.g. columns={'From': 'sender'}.",
            )
        frame = frame.rename(columns=dict(columns))
    # our names match case-insensitively and with spaces for underscores
    lookup = {c.lower().replace(" ", "_"): c for c in frame.columns}
    renames = {lookup[c]: c for c in canonical if c not in frame.columns and c in lookup}
    frame = frame.rename(columns=renames)
    dupes = frame.columns[frame.columns.duplicated()].unique().tolist()
    if dupes:
        raise _fail(origin, f"the column(s) {', '.join(map(repr, dupes))} appear twice.",
                    "give every column a unique name, or map only one of them with columns=.")
    missing = [c for c in required if c not in frame.columns]
    if missing:
        names = ", ".join(f"'{c}'" for c in missing)
        plural = "s" if len(missing) > 1 else ""
        raise _fail(
            origin,
            f"missing column{plural} {names}.",
            f"the table has {', '.join(map(repr, frame.columns))}. If one of them means "
            f"{names}, say so with columns={{'your name': '{missing[0]}'}}.",
        )
    if frame.empty:
        raise _fail(origin, "the table has a header but no rows.",
                    "export it again with its data rows.")
    return frame


def _id_column(frame: pd.DataFrame, col: str, origin: _Origin, *, allow_missing: bool) -> None:
    """Make an id column plain strings; ids may be text or whole numbers, never decimals."""
    s = frame[col]
    missing = s.isna()
    kind = pd.api.types.infer_dtype(s, skipna=True)
    if kind in {"string", "empty"}:
        out = s.astype("string").str.strip()
    elif kind == "integer":
        out = s.astype("Int64").astype("string")
    elif kind == "floating":
        vals = s.astype(float)
        frac = vals.notna() & (vals != np.floor(vals))
        if frac.any():
            bad = frame.index[frac]
            raise _fail(origin,
                        f"column '{col}' holds decimal numbers "
                        f"({float(vals[frac].iloc[0])!r} on {origin.rows(bad)}), which cannot "
                        "be ids.",
                        "ids are text or whole numbers; check that the right column is mapped.")
        out = vals.astype("Int64").astype("string")
    else:  # mixed: look at each value
        bad_rows, values = [], []
        for label, v in s.items():
            if v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NA:
                values.append(pd.NA)
            elif isinstance(v, str):
                values.append(v.strip())
            elif isinstance(v, (bool, np.bool_)):
                bad_rows.append(label)
                values.append(pd.NA)
            elif isinstance(v, (int, np.integer)):
                values.append(str(int(v)))
            elif isinstance(v, (float, np.floating)) and float(v).is_integer():
                values.append(str(int(v)))
            else:
                bad_rows.append(label)
                values.append(pd.NA)
        if bad_rows:
            example = s.loc[bad_rows[0]]
            raise _fail(origin,
                        f"column '{col}' mixes ids with values that cannot be ids "
                        f"({example!r} of type {type(example).__name__} on "
                        f"{origin.rows(bad_rows)}).",
                        "ids must be text or whole numbers; fix or remove those cells.")
        out = pd.Series(values, index=s.index, dtype="string")
    empty = out.isna() | (out == "")
    if empty.any() and not allow_missing:
        raise _fail(origin, f"column '{col}' is empty on {origin.rows(frame.index[empty])}.",
                    "every row needs an id here; fill it in or remove the row.")
    out = out.mask(empty | missing, pd.NA)
    frame[col] = out


def _timestamp_column(frame: pd.DataFrame, col: str, origin: _Origin, *, required: bool) -> None:
    s = frame[col]
    if pd.api.types.is_datetime64_any_dtype(s):
        out = s.dt.tz_convert("UTC").dt.tz_localize(None) if s.dt.tz is not None else s
        frame[col] = out.astype("datetime64[ns]")
        return
    present = s.notna() & (s.astype("string").str.strip() != "")
    text = s.astype("string").str.strip()
    numeric = pd.to_numeric(text.where(present), errors="coerce")
    if present.any() and numeric[present].notna().all():
        out = pd.to_datetime(numeric, unit="s", errors="coerce")
    else:
        out = pd.to_datetime(text.where(present), format="ISO8601", errors="coerce", utc=True)
        out = out.dt.tz_localize(None)
    bad = present & out.isna()
    if bad.any():
        example = text[bad].iloc[0]
        raise _fail(origin,
                    f"column '{col}' has values that are not dates or times ({example!r} on "
                    f"{origin.rows(frame.index[bad])}).",
                    "write times as ISO 8601, like 2025-03-04 or 2025-03-04T09:15:00, or as "
                    "Unix epoch seconds, in every row.")
    if required and not present.all():
        raise _fail(origin, f"column '{col}' is empty on {origin.rows(frame.index[~present])}.",
                    "every row needs a date or time here.")
    frame[col] = out.astype("datetime64[ns]")


def _number_column(frame: pd.DataFrame, col: str, origin: _Origin, default: float) -> None:
    if col not in frame.columns:
        frame[col] = default
        return
    s = frame[col]
    text_missing = s.isna() | (s.astype("string").str.strip() == "")
    vals = pd.to_numeric(s.where(~text_missing), errors="coerce")
    bad = ~text_missing & vals.isna()
    if bad.any():
        raise _fail(origin,
                    f"column '{col}' has values that are not numbers ({s[bad].iloc[0]!r} on "
                    f"{origin.rows(frame.index[bad])}).",
                    f"write '{col}' as a plain number such as 1 or 2.5.")
    neg = vals < 0
    if neg.any():
        raise _fail(origin,
                    f"column '{col}' has negative values ({vals[neg].iloc[0]} on "
                    f"{origin.rows(frame.index[neg])}).",
                    f"'{col}' counts how much two people interact; it cannot be below 0.")
    frame[col] = vals.fillna(default).astype(float)


def _text_column(frame: pd.DataFrame, col: str, default: str | None = None) -> None:
    if col not in frame.columns:
        frame[col] = default
    s = frame[col].astype("string").str.strip()
    s = s.mask(s == "", pd.NA)
    if default is not None:
        s = s.fillna(default)
    frame[col] = s


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _drop_with_warning(frame: pd.DataFrame, mask: pd.Series, origin: _Origin,
                       what: str) -> pd.DataFrame:
    n = int(mask.sum())
    if n:
        _warn(origin, f"dropped {n} {what} ({origin.rows(frame.index[mask])}).")
        return frame.loc[~mask]
    return frame


def _people_ids(people: pd.DataFrame | None) -> pd.Index | None:
    if people is None:
        return None
    if isinstance(people, pd.DataFrame) and "person_id" in people.columns:
        ids = people["person_id"]
        if people.attrs.get(_VALIDATED) != "people":
            ids = read_people(people[["person_id"]])["person_id"]
        return pd.Index(ids.dropna().astype("string"))
    raise DataError("people= must be the people table (a DataFrame with a 'person_id' column), "
                    "as returned by read_people.")


def _drop_unknown(frame: pd.DataFrame, cols: list[str], people: pd.DataFrame | None,
                  origin: _Origin, unknown: str) -> pd.DataFrame:
    ids = _people_ids(people)
    if ids is None:
        return frame
    mask = pd.Series(False, index=frame.index)
    for c in cols:
        mask |= frame[c].notna() & ~frame[c].isin(ids)
    if not mask.any():
        return frame
    cells = frame.loc[mask, cols].stack()  # row by row, so names follow the file's order
    names = pd.unique(cells[~cells.isin(ids)])
    shown = ", ".join(map(repr, list(names)[:_MAX_LISTED]))
    if unknown == "error":
        raise _fail(origin,
                    f"{len(names)} id(s) are not in the people table ({shown}) on "
                    f"{origin.rows(frame.index[mask])}.",
                    "add those people to the people table, or correct the ids.")
    rows = _plural(int(mask.sum()), "row", "rows")
    who = _plural(len(names), "person who is", "people who are")
    if unknown == "keep":
        _warn(origin, f"kept {rows} naming {who} not in the people table ({shown}).",
              list(names)[:_MAX_LISTED])
        return frame
    _warn(origin, f"dropped {rows} naming {who} not in the people table ({shown}); "
                  f"{origin.rows(frame.index[mask])}.", list(names)[:_MAX_LISTED])
    return frame.loc[~mask]


def _finish(frame: pd.DataFrame, kind: str, order: list[str]) -> pd.DataFrame:
    extra = [c for c in frame.columns if c not in order]
    for c in extra:  # text columns that hold only numbers (from CSV) become numbers
        col = frame[c]
        if pd.api.types.is_string_dtype(col) or col.dtype == object:
            nums = pd.to_numeric(col, errors="coerce")
            if col.notna().any() and nums[col.notna()].notna().all():
                frame[c] = nums
    out = frame[order + extra].reset_index(drop=True)
    out.attrs[_VALIDATED] = kind
    return out


def _check_option(name: str, value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise DataError(f"{name}={value!r} is not one of {', '.join(map(repr, allowed))}.")


# ---------------------------------------------------------------------------------------
# Public readers
# ---------------------------------------------------------------------------------------
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
    frame, origin = _read_source(source, "people", encoding=encoding, sheet=sheet,
                                 max_bytes=max_bytes)
    order = ["person_id", "department", "team", "manager_id", "location", "level", "hire_date"]
    frame = _canonical_columns(frame, origin, columns, order, ["person_id"])
    _id_column(frame, "person_id", origin, allow_missing=False)
    dup = frame["person_id"].duplicated(keep=False)
    if dup.any():
        ids = frame.loc[dup, "person_id"].unique().tolist()
        raise _fail(origin,
                    f"{len(ids)} person_id(s) appear more than once "
                    f"({', '.join(map(repr, ids[:5]))}) on {origin.rows(frame.index[dup])}.",
                    "each person must have exactly one row; merge or remove the duplicates.")
    if "manager_id" in frame.columns:
        _id_column(frame, "manager_id", origin, allow_missing=True)
    else:
        frame["manager_id"] = pd.Series(pd.NA, index=frame.index, dtype="string")
    for col in ("department", "team", "location", "level"):
        _text_column(frame, col)
    if "hire_date" in frame.columns:
        _timestamp_column(frame, "hire_date", origin, required=False)
    else:
        frame["hire_date"] = pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
    return _finish(frame, "people", order)


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
    _check_option("self_loops", self_loops, ("drop", "keep"))
    _check_option("duplicates", duplicates, ("keep", "drop"))
    _check_option("unknown", unknown, ("drop", "keep", "error"))
    frame, origin = _read_source(source, "interactions", encoding=encoding, sheet=sheet,
                                 max_bytes=max_bytes)
    order = ["sender", "recipient", "timestamp", "channel", "weight"]
    frame = _canonical_columns(frame, origin, columns, order, ["sender", "recipient"])
    for col in ("sender", "recipient"):
        _id_column(frame, col, origin, allow_missing=False)
    if "timestamp" in frame.columns:
        _timestamp_column(frame, "timestamp", origin, required=True)
    else:
        frame["timestamp"] = pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
    _text_column(frame, "channel", "unknown")
    _number_column(frame, "weight", origin, 1.0)
    if self_loops == "drop":
        frame = _drop_with_warning(frame, frame["sender"] == frame["recipient"], origin,
                                   "self-loops (rows whose sender is also the recipient)")
    if duplicates == "drop":
        frame = _drop_with_warning(frame, frame.duplicated(), origin, "exact duplicate rows")
    frame = _drop_unknown(frame, ["sender", "recipient"], people, origin, unknown)
    return _finish(frame, "interactions", order)


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
    _check_option("unknown", unknown, ("drop", "keep", "error"))
    frame, origin = _read_source(source, "nominations", encoding=encoding, sheet=sheet,
                                 max_bytes=max_bytes)
    order = ["respondent", "nominee", "relation", "strength"]
    if relation is not None:
        frame = frame.copy()
        if "relation" not in [str(c).strip().lower() for c in frame.columns]:
            frame["relation"] = relation
    frame = _canonical_columns(frame, origin, columns, order,
                               ["respondent", "nominee", "relation"])
    for col in ("respondent", "nominee"):
        _id_column(frame, col, origin, allow_missing=False)
    _text_column(frame, "relation")
    empty_rel = frame["relation"].isna()
    if empty_rel.any():
        raise _fail(origin, f"column 'relation' is empty on {origin.rows(frame.index[empty_rel])}.",
                    "name the relation (e.g. advice, trust) in every row.")
    _number_column(frame, "strength", origin, 1.0)
    frame = _drop_with_warning(frame, frame["respondent"] == frame["nominee"], origin,
                               "self-nominations (respondent names themselves)")
    key = ["respondent", "nominee", "relation"]
    frame = _drop_with_warning(frame, frame.duplicated(key), origin,
                               "repeated answers (same respondent, nominee and relation)")
    frame = _drop_unknown(frame, ["respondent", "nominee"], people, origin, unknown)
    return _finish(frame, "nominations", order)


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
    _check_option("unknown", unknown, ("drop", "keep", "error"))
    frame, origin = _read_source(source, "events", encoding=encoding, sheet=sheet,
                                 max_bytes=max_bytes)
    order = ["person_id", "timestamp", "event"]
    frame = _canonical_columns(frame, origin, columns, order, order)
    _id_column(frame, "person_id", origin, allow_missing=False)
    _timestamp_column(frame, "timestamp", origin, required=True)
    _text_column(frame, "event")
    empty = frame["event"].isna()
    if empty.any():
        raise _fail(origin, f"column 'event' is empty on {origin.rows(frame.index[empty])}.",
                    "name the event (e.g. first_post, exit) in every row.")
    frame = _drop_with_warning(frame, frame.duplicated(), origin, "exact duplicate rows")
    frame = _drop_unknown(frame, ["person_id"], people, origin, unknown)
    frame = frame.sort_values("timestamp", kind="stable")
    return _finish(frame, "events", order)


# ---------------------------------------------------------------------------------------
# Pseudonyms
# ---------------------------------------------------------------------------------------
def _key_bytes(key: str | bytes | None) -> bytes:
    if key is None:
        key = os.environ.get(KEY_ENV)
    if key is None or len(key) == 0:
        raise DataError(
            "pseudonymise: no key. Pass key='a long secret phrase' or set the environment "
            f"variable {KEY_ENV}.\n  What to do: keep the key secret and the same across "
            "files and runs, so that the same person gets the same pseudonym everywhere."
        )
    return key.encode("utf-8") if isinstance(key, str) else bytes(key)


def pseudonym_length(n_ids: int, risk: float = 1e-6) -> int:
    """Hexadecimal characters that make a collision among ``n_ids`` pseudonyms unlikely.

    The birthday bound: with ``L`` characters, ``n`` ids collide with probability about
    ``n**2 / (2 * 16**L)``; this is the smallest ``L`` (at least 6) that keeps it below
    ``risk``. (Six characters collide at 1,000 ids about 3 times in 100.)

    Examples
    --------
    >>> pseudonym_length(300), pseudonym_length(1_000), pseudonym_length(10_000)
    (9, 10, 12)
    """
    import math

    n = max(int(n_ids), 2)
    return max(6, min(64, math.ceil(math.log(n * n / (2 * risk), 16))))


def pseudonymise(
    df: pd.DataFrame,
    columns: str | Iterable[str],
    key: str | bytes | None = None,
    *,
    return_lookup: bool = False,
    prefix: str = "p_",
    length: int | None = 12,
) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """Replace ids with keyed-hash pseudonyms (HMAC-SHA256), consistently across tables.

    The same id and key always give the same pseudonym, so tables pseudonymised
    separately still join. Without the key the pseudonyms cannot be traced back.

    Parameters
    ----------
    df
        A table; it is not changed (a new one is returned).
    columns
        The id column(s) to replace, e.g. ``["sender", "recipient"]``.
    key
        The secret key; when omitted, the environment variable ``SOCIALHRM_PSEUDONYM_KEY``.
    return_lookup
        Also return a table ``pseudonym -> original`` (keep it as safe as the raw data).
    prefix, length
        Pseudonyms look like ``p_`` plus ``length`` hexadecimal characters (6-64).
        ``None`` chooses the length from the number of ids (:func:`pseudonym_length`),
        for short labels in a dashboard. Should two ids still get the same pseudonym,
        every pseudonym of this call is made longer until all differ: a collision never
        fails (tables pseudonymised apart then no longer join; a ``DataWarning`` says so).

    Returns
    -------
    pandas.DataFrame or (pandas.DataFrame, pandas.DataFrame)
        The pseudonymised copy, and the lookup table when asked for.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"sender": ["ann"], "recipient": ["bob"]})
    >>> out = pseudonymise(t, ["sender", "recipient"], key="secret")
    >>> out.loc[0, "sender"] == pseudonymise(t, "sender", key="secret").loc[0, "sender"]
    True
    """
    cols = [columns] if isinstance(columns, str) else list(columns)
    absent = [c for c in cols if c not in df.columns]
    if absent:
        raise DataError(f"pseudonymise: the table has no column(s) {', '.join(map(repr, absent))}; "
                        f"it has {', '.join(map(repr, df.columns))}.")
    if length is not None and not 6 <= length <= 64:
        raise DataError("pseudonymise: length must be between 6 and 64 characters.")
    secret = _key_bytes(key)
    out = df.copy()
    originals = pd.unique(pd.concat([df[c] for c in cols]).dropna().astype(str))
    digests = {o: hmac.new(secret, o.encode("utf-8"), hashlib.sha256).hexdigest()
               for o in originals}
    size = pseudonym_length(len(digests)) if length is None else int(length)
    while len({d[:size] for d in digests.values()}) < len(digests):
        size += 1  # two ids share the first characters: longer pseudonyms for all
        if length is not None:
            warnings.warn(DataWarning(_("pseudonymise: {length} characters gave two ids the "
                                        "same pseudonym; {size} are used instead.").format(
                                            length=length, size=size)), stacklevel=2)
    mapping = {o: prefix + d[:size] for o, d in digests.items()}
    for c in cols:
        col = df[c]
        out[c] = col.astype("string").map(mapping).astype("string").where(col.notna(), pd.NA)
    if return_lookup:
        lookup = pd.DataFrame({"pseudonym": list(mapping.values()),
                               "original": list(mapping.keys())})
        return out, lookup
    return out
