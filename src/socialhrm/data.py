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

import csv
import dataclasses
import datetime as _dt
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

from socialhrm.i18n import N_, _, ngettext

__all__ = [
    "DataError",
    "DataWarning",
    "DEFAULT_MAX_BYTES",
    "CsvDialect",
    "check_attribute",
    "parse_time",
    "pseudonym_length",
    "pseudonymise",
    "read_csv_table",
    "read_events",
    "read_header",
    "read_interactions",
    "read_nominations",
    "read_people",
    "sniff_csv",
    "table_kind",
]

#: Files larger than this are refused before reading (override with ``max_bytes=`` or the
#: environment variable ``SOCIALHRM_MAX_FILE_MB``).
DEFAULT_MAX_BYTES = int(float(os.environ.get("SOCIALHRM_MAX_FILE_MB", "1024")) * 2**20)

#: Environment variable holding the pseudonymisation key when none is passed.
KEY_ENV = "SOCIALHRM_PSEUDONYM_KEY"

_VALIDATED = "socialhrm_table"  # DataFrame.attrs key marking a validated table
_MAX_LISTED = 5  # how many offending rows a message lists

#: What each table is called in messages.
_TABLE_NAMES = {"people": N_("people table"), "interactions": N_("interactions table"),
                "nominations": N_("nominations table"), "events": N_("events table"),
                "table": N_("table")}


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
    skipped: int = 0  # title rows above the header
    decimal: str = "."  # the file's decimal mark

    @property
    def where(self) -> str:
        name = _TABLE_NAMES.get(self.table)
        table = _(name) if name else self.table
        return _("{table} ({source})").format(table=table, source=self.label)

    def rows(self, index: Iterable) -> str:
        """Name rows as a user finds them: file line numbers, Excel rows, or index labels."""
        idx = list(index)
        shown = idx[:_MAX_LISTED]
        if self.kind == "csv":
            # header is line 1 (after any title rows), the first data row line 2
            names = [str(int(i) + 2 + self.skipped) for i in shown]
            word = ngettext("line", "lines", len(idx))
        elif self.kind == "excel":
            names = [str(int(i) + 2 + self.skipped) for i in shown]
            word = ngettext("row", "rows", len(idx))
        else:
            names = [repr(i) if not isinstance(i, (int, np.integer)) else str(i) for i in shown]
            word = ngettext("row", "rows", len(idx))
        text = f"{word} {', '.join(names)}"
        if len(idx) > len(shown):
            text = _("{rows} and {n} more").format(rows=text, n=len(idx) - len(shown))
        return text


def _frame_origin(table: str) -> _Origin:
    return _Origin(table, _("the DataFrame you passed"), "frame")


def _file_origin(table: str, path: Path, kind: str) -> _Origin:
    return _Origin(table, _("file {path}").format(path=path), kind)


def _fail(origin: _Origin, problem: str, advice: str) -> DataError:
    return DataError(_("{where}: {problem}\n  What to do: {advice}").format(
        where=origin.where, problem=problem, advice=advice))


def _warn(origin: _Origin, message: str, ids: Iterable[Any] = ()) -> None:
    warnings.warn(DataWarning(f"{origin.where}: {message}", ids), stacklevel=3)


def check_attribute(G: Any, by: str, where: str) -> None:
    """Refuse a ``by=`` naming a node attribute that no person in the graph carries.

    Without this check a typo (``"departement"``) or a column the people table lacks would
    silently put every person into one ``(unknown)`` group. An attribute that every person
    carries but some leave empty (a people-table column) is accepted.

    Parameters
    ----------
    G
        A networkx graph.
    by
        The attribute to group by.
    where
        The function, for the message.

    Raises
    ------
    DataError
        When the graph has people and none of them has ``by``; the message lists the
        attributes that do exist.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_node("a", department="HR")
    >>> check_attribute(G, "department", "example")
    >>> try:
    ...     check_attribute(G, "departement", "example")
    ... except DataError as err:
    ...     print(str(err).splitlines()[0])
    example: no person has the attribute 'departement' to group by.
    """
    if G.number_of_nodes() == 0:
        return
    have: set[str] = set()
    for _node, data in G.nodes(data=True):
        if by in data:  # a column of the people table, even if empty for some or all
            return
        have.update(str(k) for k in data)
    raise DataError(_(
        "{where}: no person has the attribute {by!r} to group by.\n  What to do: choose one "
        "of the attributes the people have ({have}), or add a column {by!r} to the people "
        "table.").format(where=where, by=by, have=", ".join(map(repr, sorted(have)))
                         or _("none")))


# ---------------------------------------------------------------------------------------
# The CSV dialect: one detection for every reader and the uploads
# ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CsvDialect:
    r"""How a CSV file is written, as :func:`sniff_csv` found it.

    Attributes
    ----------
    encoding
        The text encoding used to read it (``utf-8-sig`` reads UTF-8 with or without BOM).
    sep
        The field separator: ``","``, ``";"`` or ``"\t"``.
    decimal
        The decimal mark of numbers: ``"."`` or ``","`` (Dutch/German Excel).
    skiprows
        Title rows above the header.
    title
        The text of those title rows (for the warning).
    """

    encoding: str = "utf-8-sig"
    sep: str = ","
    decimal: str = "."
    skiprows: int = 0
    title: str = ""


_SEPARATORS = (",", ";", "\t")
_DECIMAL_COMMA = re.compile(r"^-?\d+,\d+$")
_SEP_NAMES = {",": N_("commas"), ";": N_("semicolons"), "\t": N_("tabs")}


def _fields(line: str, sep: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=sep))
    except (csv.Error, StopIteration):
        return line.split(sep)


def sniff_csv(path: str | os.PathLike, encoding: str | None = None) -> CsvDialect:
    r"""Find a CSV file's separator, decimal mark and title rows from its first lines.

    The separator is the one of ``,`` ``;`` and tab that splits the lines into the same
    number of (at least two) fields most consistently; lines above the header that hold a
    single filled-in cell (an export's title, "Report generated on ...") are title rows;
    with ``;`` or tab as separator, numbers written ``0,5`` mean a decimal comma.

    Parameters
    ----------
    path
        The CSV file.
    encoding
        Its encoding (default UTF-8 with or without byte-order mark).

    Returns
    -------
    CsvDialect

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "export.csv"
    >>> _ = f.write_bytes(b"\xef\xbb\xbfMail export\r\nsender;recipient;weight\r\n"
    ...                   b"a;b;0,5\r\n")
    >>> d = sniff_csv(f)
    >>> d.sep, d.decimal, d.skiprows, d.title
    (';', ',', 1, 'Mail export')
    """
    enc = encoding or "utf-8-sig"
    with open(path, "rb") as fh:
        head = fh.read(65536)
    try:
        text = head.decode(enc, errors="ignore")
    except LookupError:
        return CsvDialect(encoding=enc)
    lines = [ln for ln in text.splitlines() if ln.strip()][:60]
    if len(head) == 65536 and len(lines) > 1:
        lines = lines[:-1]  # the last line may be cut off
    if not lines:
        return CsvDialect(encoding=enc)
    best: tuple[float, int, str] = (0.0, 1, ",")
    for sep in _SEPARATORS:
        counts = [len(_fields(ln, sep)) for ln in lines]
        body = counts[min(3, len(counts) - 1):] if len(counts) > 4 else counts
        mode = max(set(body), key=body.count)
        if mode < 2:
            continue
        share = body.count(mode) / len(body)
        if (share, mode) > best[:2]:
            best = (share, mode, sep)
    sep = best[2]
    width = best[1]
    skip = 0
    if width >= 2:
        for i, ln in enumerate(lines[:5]):
            cells = [c for c in _fields(ln, sep) if c.strip()]
            if len(cells) >= 2:
                skip = i
                break
        else:
            skip = 0
    title = " / ".join(c.strip() for ln in lines[:skip] for c in _fields(ln, sep) if c.strip())
    decimal = "."
    if sep != ",":
        for ln in lines[skip + 1:]:
            if any(_DECIMAL_COMMA.match(c.strip()) for c in _fields(ln, sep)):
                decimal = ","
                break
    return CsvDialect(encoding=enc, sep=sep, decimal=decimal, skiprows=skip, title=title)


def read_csv_table(path: str | os.PathLike, what: str = "table", *,
                   encoding: str | None = None) -> tuple[pd.DataFrame, CsvDialect]:
    r"""Read a CSV file as text columns, in its own dialect (see :func:`sniff_csv`).

    Every cell is read as text (empty cells as missing); numbers keep the file's decimal
    mark, which the dialect reports. Title rows above the header are skipped with a
    :class:`DataWarning`.

    Parameters
    ----------
    path
        The file.
    what
        What the table is, for messages: ``"people"``, ``"interactions"``, ... or any text.
    encoding
        The file's text encoding (default UTF-8, with or without BOM).

    Returns
    -------
    (pandas.DataFrame, CsvDialect)

    Raises
    ------
    DataError
        A file that is not text, not in the encoding, empty or malformed.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "people.csv"
    >>> _ = f.write_text("person_id\tteam\n1\tA\n")
    >>> frame, dialect = read_csv_table(f, "people")
    >>> frame.to_dict("list"), dialect.sep == "\t"
    ({'person_id': ['1'], 'team': ['A']}, True)
    """
    path = Path(path)
    origin = _file_origin(what, path, "csv")
    frame, dialect = _read_csv(path, origin, encoding)
    if dialect.skiprows:
        _title_warning(dataclasses.replace(origin, skipped=dialect.skiprows), dialect)
    return frame, dialect


def _title_warning(origin: _Origin, dialect: CsvDialect) -> None:
    warnings.warn(DataWarning(f"{origin.where}: " + ngettext(
        "skipped {n} title row above the header ({title!r}).",
        "skipped {n} title rows above the header ({title!r}).",
        dialect.skiprows).format(n=dialect.skiprows, title=dialect.title)), stacklevel=4)


# ---------------------------------------------------------------------------------------
# Reading files
# ---------------------------------------------------------------------------------------
def _line_of_byte(path: Path, offset: int) -> int:
    with open(path, "rb") as fh:
        return fh.read(offset).count(b"\n") + 1


_EXCEL = {".xlsx": "excel", ".xlsm": "excel", ".xls": "excel", ".parquet": "parquet",
          ".pq": "parquet"}


def _read_excel(path: Path, origin: _Origin, sheet: str | int | None,
                nrows: int | None = None) -> pd.DataFrame:
    book = pd.ExcelFile(path)
    names = [str(n) for n in book.sheet_names]
    listed = ", ".join(map(repr, names))
    if isinstance(sheet, str) and sheet not in names:
        raise _fail(origin, _("there is no sheet {sheet!r}; the workbook has {sheets}.").format(
            sheet=sheet, sheets=listed),
            _("pass one of those names with sheet=, e.g. sheet={first!r}.").format(
                first=names[0] if names else ""))
    if isinstance(sheet, int) and not -len(names) <= sheet < len(names):
        raise _fail(origin, ngettext(
            "sheet={sheet} does not exist; the workbook has {n} sheet ({sheets}).",
            "sheet={sheet} does not exist; the workbook has {n} sheets ({sheets}).",
            len(names)).format(sheet=sheet, n=len(names), sheets=listed),
            _("count sheets from 0, or pass a sheet's name."))
    return pd.read_excel(book, sheet_name=0 if sheet is None else sheet, dtype=object,
                         nrows=nrows)


def _excel_title_row(frame: pd.DataFrame, path: Path, origin: _Origin,
                     sheet: str | int | None) -> tuple[pd.DataFrame, _Origin]:
    """An Excel sheet whose first row is a title: the header is the row below it."""
    unnamed = [str(c).startswith("Unnamed:") for c in frame.columns]
    if len(frame.columns) < 2 or sum(unnamed) < len(frame.columns) - 1 or frame.empty:
        return frame, origin
    first = frame.iloc[0]
    if first.notna().sum() < 2:
        return frame, origin
    title = " ".join(str(c) for c, u in zip(frame.columns, unnamed, strict=True) if not u)
    book = pd.ExcelFile(path)
    frame = pd.read_excel(book, sheet_name=0 if sheet is None else sheet, dtype=object,
                          header=1)
    origin = dataclasses.replace(origin, skipped=1)
    _warn(origin, _("skipped a title row above the header ({title!r}); the column names "
                    "were read from row 2.").format(title=title))
    return frame, origin


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
        origin = _frame_origin(table)
        if source.empty and len(source.columns) == 0:
            raise _fail(origin, _("the table is empty."),
                        _("pass a table with a header and rows."))
        return source.copy(), origin
    if not isinstance(source, (str, os.PathLike)):
        name = _TABLE_NAMES.get(table)
        raise DataError(_(
            "{table}: expected a file path or a pandas DataFrame, got {type}.\n  What to do: "
            "pass the path of a CSV, Excel or Parquet file, or a DataFrame.").format(
                table=_(name) if name else table, type=type(source).__name__))
    path = Path(source)
    suffix = path.suffix.lower()
    kind = _EXCEL.get(suffix, "csv")
    origin = _file_origin(table, path, kind)
    if not path.exists():
        raise _fail(origin, _("the file does not exist."),
                    _("check the path and the file name."))
    if path.is_dir():
        raise _fail(origin, _("this is a folder, not a file."), _("pass the path of one file."))
    size = path.stat().st_size
    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    if size == 0:
        raise _fail(origin, _("the file is empty (0 bytes)."),
                    _("export the table again; it needs a header row and at least one row."))
    if size > limit:
        raise _fail(
            origin,
            _("the file is {size:,.0f} MB, more than the {limit:,.0f} MB this reader loads "
              "into memory.").format(size=size / 2**20, limit=limit / 2**20),
            _("aggregate or filter the log first (for example per month, or with duckdb), "
              "split it into smaller files, or raise the limit with max_bytes= if this "
              "machine has the memory (about 5x the file size)."),
        )
    try:
        if kind == "excel":
            frame = _read_excel(path, origin, sheet)
            frame, origin = _excel_title_row(frame, path, origin, sheet)
        elif kind == "parquet":
            frame = pd.read_parquet(path)
        else:
            frame, dialect = _read_csv(path, origin, encoding)
            origin = dataclasses.replace(origin, skipped=dialect.skiprows,
                                         decimal=dialect.decimal)
            if dialect.skiprows:
                _title_warning(origin, dialect)
    except DataError:
        raise
    except ImportError as err:  # pragma: no cover - optional engines are dependencies
        raise _fail(origin, _("a reader for {suffix} files is not installed ({error}).").format(
            suffix=suffix, error=err),
            _("install the missing package or save the table as CSV.")) from None
    except (ValueError, OSError, KeyError, IndexError) as err:
        raise _fail(origin, _("the file could not be read as {kind}: {error}").format(
            kind=kind.upper(), error=err),
            _("check that it really is a {kind} file, or save it as CSV.").format(
                kind=kind.upper())) from None
    except Exception as err:  # noqa: BLE001 - any engine's own error (zip, xml, arrow)
        raise _fail(origin, _("the file could not be read as {kind}: {error}").format(
            kind=kind.upper(), error=f"{type(err).__name__}: {err}"),
            _("check that it really is a {kind} file, or save it as CSV.").format(
                kind=kind.upper())) from None
    if len(frame.columns) == 0:
        raise _fail(origin, _("the file has no columns."),
                    _("the first row must name the columns."))
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
              nrows: int | None = None) -> tuple[pd.DataFrame, CsvDialect]:
    enc = encoding or "utf-8-sig"
    _check_text(path, origin, encoding)
    dialect = sniff_csv(path, enc)
    try:
        frame = pd.read_csv(path, dtype=str, encoding=enc, keep_default_na=False,
                            na_values=[""], skipinitialspace=True, nrows=nrows,
                            sep=dialect.sep, skiprows=dialect.skiprows)
    except UnicodeDecodeError as err:
        line = _line_of_byte(path, err.start)
        bad = err.object[err.start:err.start + 1].hex().upper()
        raise _fail(
            origin,
            _("the file is not {encoding} text: byte 0x{byte} on line {line} cannot be "
              "decoded.").format(encoding=enc.replace("-sig", "").upper(), byte=bad, line=line),
            _("save it as 'CSV UTF-8' (Excel: File > Save As > CSV UTF-8), or pass the file's "
              "encoding, for example encoding='latin-1' or encoding='cp1252'."),
        ) from None
    except pd.errors.EmptyDataError:
        raise _fail(origin, _("the file has no header and no rows."),
                    _("the first line must name the columns, separated by commas.")) from None
    except pd.errors.ParserError as err:
        found = _TOKENIZE.search(str(err))
        sep = _(_SEP_NAMES[dialect.sep])
        if found:
            expected, line, saw = found.groups()
            problem = _("line {line} has {saw} fields but the header has {expected} "
                        "(fields separated by {sep}).").format(
                            line=int(line) + dialect.skiprows, saw=saw, expected=expected,
                            sep=sep)
        else:
            problem = _("the CSV is malformed ({error}).").format(error=str(err).strip())
        advice = _("look for an unquoted comma or a missing quote on that line; text that "
                   "contains commas must be wrapped in double quotes.")
        if dialect.sep != ",":
            advice = _("look for an unquoted {sep} or a missing quote on that line; text that "
                       "contains the separator must be wrapped in double quotes.").format(
                           sep=_(_SEP_NAMES[dialect.sep]))
        raise _fail(origin, problem, advice) from None
    return frame, dialect


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
    origin = _file_origin(table, path, kind)
    if not path.is_file():
        raise _fail(origin, _("the file does not exist."),
                    _("check the path and the file name."))
    if path.stat().st_size == 0:
        raise _fail(origin, _("the file is empty (0 bytes)."),
                    _("export the table again; it needs a header row and at least one row."))
    try:
        if kind == "excel":
            header = _read_excel(path, origin, None, nrows=5)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DataWarning)
                header = _excel_title_row(header, path, origin, None)[0].columns
        else:
            header = _read_csv(path, origin, encoding, nrows=0)[0].columns
    except DataError:
        raise
    except Exception as err:  # noqa: BLE001 - any engine's own error
        raise _fail(origin, _("the file could not be read as {kind}: {error}").format(
            kind=kind.upper(), error=err),
            _("check that it really is a {kind} file, or save it as CSV.").format(
                kind=kind.upper())) from None
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
                _("columns= names {missing}, which the table does not have. It has: "
                  "{have}.").format(missing=", ".join(map(repr, missing)),
                                    have=", ".join(map(repr, frame.columns))),
                _("use the table's own column names on the left of the mapping, ours on the "
                  "right, e.g. columns={'From': 'sender'}."),
            )
        frame = frame.rename(columns=dict(columns))
    # our names match case-insensitively and with spaces for underscores
    lookup = {c.lower().replace(" ", "_"): c for c in frame.columns}
    renames = {lookup[c]: c for c in canonical if c not in frame.columns and c in lookup}
    frame = frame.rename(columns=renames)
    dupes = frame.columns[frame.columns.duplicated()].unique().tolist()
    if dupes:
        raise _fail(origin, _("the column(s) {names} appear twice.").format(
            names=", ".join(map(repr, dupes))),
            _("give every column a unique name, or map only one of them with columns=."))
    missing = [c for c in required if c not in frame.columns]
    if missing:
        names = ", ".join(f"'{c}'" for c in missing)
        problem = ngettext("missing column {names}.", "missing columns {names}.",
                           len(missing)).format(names=names)
        if len(frame.columns) == 1 and origin.kind == "csv":
            only = str(frame.columns[0])
            if any(s in only for s in (",", ";", "\t", "|")):
                problem = _("missing {names}: the whole first line was read as one column "
                            "({only!r}).").format(names=names, only=only)
        raise _fail(
            origin, problem,
            _("the table has {have}. If one of them means {names}, say so with "
              "columns={{'your name': '{first}'}}.").format(
                  have=", ".join(map(repr, frame.columns)), names=names, first=missing[0]),
        )
    if frame.empty:
        raise _fail(origin, _("the table has a header but no rows."),
                    _("export it again with its data rows."))
    return frame


_WHOLE_FLOAT_TEXT = re.compile(r"^(-?\d+)\.0+$")


def _id_column(frame: pd.DataFrame, col: str, origin: _Origin, *, allow_missing: bool) -> None:
    """Make an id column plain strings; ids may be text or whole numbers, never decimals.

    ``12``, ``12.0`` and the text ``"12.0"`` (a CSV written from a float column) are one id.
    """
    s = frame[col]
    missing = s.isna()
    kind = pd.api.types.infer_dtype(s, skipna=True)
    if kind in {"string", "empty"}:
        out = s.astype("string").str.strip()
        dotted = out.str.contains(".0", regex=False).fillna(False).to_numpy(dtype=bool)
        if dotted.any():  # only the few cells that may be "12.0": a regex over all is slow
            out = out.copy()
            out[dotted] = out[dotted].str.replace(_WHOLE_FLOAT_TEXT, r"\1", regex=True)
    elif kind == "integer":
        out = s.astype("Int64").astype("string")
    elif kind == "floating":
        vals = s.astype(float)
        frac = vals.notna() & (vals != np.floor(vals))
        if frac.any():
            bad = frame.index[frac]
            raise _fail(origin,
                        _("column '{col}' holds decimal numbers ({value!r} on {rows}), which "
                          "cannot be ids.").format(col=col, value=float(vals[frac].iloc[0]),
                                                   rows=origin.rows(bad)),
                        _("ids are text or whole numbers; check that the right column is "
                          "mapped."))
        out = vals.astype("Int64").astype("string")
    else:  # mixed: look at each value
        bad_rows, values = [], []
        for label, v in s.items():
            if v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NA:
                values.append(pd.NA)
            elif isinstance(v, str):
                values.append(_WHOLE_FLOAT_TEXT.sub(r"\1", v.strip()))
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
                        _("column '{col}' mixes ids with values that cannot be ids ({value!r} "
                          "of type {type} on {rows}).").format(
                              col=col, value=example, type=type(example).__name__,
                              rows=origin.rows(bad_rows)),
                        _("ids must be text or whole numbers; fix or remove those cells."))
        out = pd.Series(values, index=s.index, dtype="string")
    empty = out.isna() | (out == "")
    if empty.any() and not allow_missing:
        raise _fail(origin, _("column '{col}' is empty on {rows}.").format(
            col=col, rows=origin.rows(frame.index[empty])),
            _("every row needs an id here; fill it in or remove the row."))
    out = out.mask(empty | missing, pd.NA)
    frame[col] = out


_DAY_MONTH = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})(\s.*)?$")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_EXCEL_EPOCH = pd.Timestamp("1899-12-30")


def _time_problem(value: str) -> tuple[str, str]:
    """Why a text is not a time, and what to do (for messages)."""
    iso = _("write times as ISO 8601, like 2025-03-04 or 2025-03-04T09:15:00, or as Unix "
            "epoch seconds, in every row.")
    found = _DAY_MONTH.match(value)
    if found:
        a, b = int(found.group(1)), int(found.group(2))
        if a <= 12 and b <= 12 and a != b:
            return (_("{value!r} is ambiguous: it could be day {a} of month {b} or month {a}, "
                      "day {b}, and the kit does not guess.").format(value=value, a=a, b=b),
                    _("write dates as ISO 8601 (year-month-day, e.g. 2001-11-05); in Excel, "
                      "format the column as yyyy-mm-dd before saving."))
        return (_("{value!r} is written day/month or month/day, which the kit does not "
                  "guess.").format(value=value),
                _("write dates as ISO 8601 (year-month-day, e.g. 2001-11-05); in Excel, "
                  "format the column as yyyy-mm-dd before saving."))
    found = _ISO_DATE.match(value)
    if found:
        try:
            _dt.date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
        except ValueError:
            return (_("{value!r} is not a date that exists.").format(value=value),
                    _("correct the date (months have 28 to 31 days, a year 12 months)."))
    return _("{value!r} is not a date or time.").format(value=value), iso


def _numbers_to_times(numeric: pd.Series, present: pd.Series, origin: _Origin,
                      col: str) -> pd.Series:
    """Numbers as times: Unix seconds or milliseconds, Excel days, seconds of a study."""
    vals = numeric[present]
    low, high = float(vals.min()), float(vals.max())
    if low < 0:
        raise _fail(origin, _("column '{col}' holds negative numbers ({value:g}), which are not "
                              "times.").format(col=col, value=low),
                    _("write times as ISO 8601 (2025-03-04T09:15) or as Unix epoch seconds."))
    if high >= 1e14:
        raise _fail(origin, _("column '{col}' holds numbers too large to be Unix seconds or "
                              "milliseconds ({value:,.0f}).").format(col=col, value=high),
                    _("convert them to ISO 8601 text (2025-03-04T09:15) first; for "
                      "microseconds divide by 1,000,000 to get seconds."))
    if high >= 1e11:
        if low < 1e11:
            raise _fail(origin, _("column '{col}' mixes Unix seconds and milliseconds "
                                  "({low:,.0f} and {high:,.0f}).").format(
                                      col=col, low=low, high=high),
                        _("use one unit in the whole column."))
        return pd.to_datetime(numeric, unit="ms", errors="coerce")
    if high >= 1e8:
        return pd.to_datetime(numeric, unit="s", errors="coerce")
    if 20_000 <= low and high <= 80_000:  # 1954 to 2119 as Excel's day numbers
        out = _EXCEL_EPOCH + pd.to_timedelta(numeric, unit="D")
        _warn(origin, _("column '{col}' holds numbers such as {value:g}; they were read as "
                        "Excel serial day numbers ({value:g} = {date}). If they mean something "
                        "else, convert them to ISO 8601 dates first.").format(
                            col=col, value=low, date=f"{out[present].min():%Y-%m-%d}"))
        return out
    out = pd.to_datetime(numeric, unit="s", errors="coerce")
    _warn(origin, _("column '{col}' holds small numbers ({low:g} to {high:g}) that fall in "
                    "1970 as Unix seconds; they were read as seconds since the start of the "
                    "study, counted from 1970-01-01 00:00. Give start= and end= in the same "
                    "way, or add the study's real start date to the column.").format(
                        col=col, low=low, high=high))
    return out


def _timestamp_column(frame: pd.DataFrame, col: str, origin: _Origin, *, required: bool) -> None:
    s = frame[col]
    if pd.api.types.is_datetime64_any_dtype(s):
        out = s.dt.tz_convert("UTC").dt.tz_localize(None) if s.dt.tz is not None else s
        frame[col] = out.astype("datetime64[ns]")
        return
    if pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s):
        present = s.notna()
        numeric = s.astype(float)
        text = s.astype("string")
    else:
        text = s.astype("string").str.strip()
        present = s.notna() & (text != "")
        numeric = pd.to_numeric(text.where(present), errors="coerce")
    if present.any() and numeric[present].notna().all():
        out = _numbers_to_times(numeric, present, origin, col)
    else:
        try:
            out = pd.to_datetime(text.where(present), format="ISO8601", errors="coerce",
                                 utc=True)
            out = out.dt.tz_localize(None)
        except (ValueError, TypeError, OverflowError):  # pragma: no cover - pandas' own
            out = pd.Series(pd.NaT, index=s.index, dtype="datetime64[ns]")
    bad = present & out.isna()
    if bad.any():
        example = str(text[bad].iloc[0])
        problem, advice = _time_problem(example)
        raise _fail(origin,
                    _("column '{col}' has values that are not dates or times ({value!r} on "
                      "{rows}): {problem}").format(col=col, value=example, problem=problem,
                                                   rows=origin.rows(frame.index[bad])),
                    advice)
    if required and not present.all():
        raise _fail(origin, _("column '{col}' is empty on {rows}.").format(
            col=col, rows=origin.rows(frame.index[~present])),
            _("every row needs a date or time here."))
    frame[col] = out.astype("datetime64[ns]")


def parse_time(value: Any, what: str = "time") -> pd.Timestamp | None:
    """One date or time (``start=``, ``end=``), read by the same rules as the readers.

    ISO 8601 text (an offset is converted to UTC), a datetime, or Unix epoch seconds or
    milliseconds. Day/month orders such as ``05/11/2001`` are refused, not guessed.

    Parameters
    ----------
    value
        The value; ``None`` stays ``None``.
    what
        What it is, for messages (``"build_network: start"``).

    Returns
    -------
    pandas.Timestamp or None
        Timezone-naive (UTC).

    Raises
    ------
    DataError
        A text that is not an ISO date, a date that does not exist, an ambiguous date.

    Examples
    --------
    >>> parse_time("2025-03-04T10:15+01:00")
    Timestamp('2025-03-04 09:15:00')
    >>> try:
    ...     parse_time("05/11/2001", "start")
    ... except DataError as err:
    ...     print(str(err).splitlines()[0])
    start: '05/11/2001' is ambiguous: it could be day 5 of month 11 or month 5, day 11, and the kit does not guess.
    """  # noqa: E501
    if value is None:
        return None
    if isinstance(value, (pd.Timestamp, _dt.datetime, _dt.date, np.datetime64)):
        ts = pd.Timestamp(value)
        return ts.tz_convert("UTC").tz_localize(None) if ts.tzinfo is not None else ts
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        v = float(value)
        if v != v or v < 0 or v >= 1e14:
            raise DataError(_("{what}: {value!r} is not a time.\n  What to do: give an ISO "
                              "8601 date such as '2025-03-04'.").format(what=what, value=value))
        return pd.Timestamp(v, unit="ms" if v >= 1e11 else "s")
    if isinstance(value, str):
        text = value.strip()
        found = _DAY_MONTH.match(text)
        ts = None
        if not found:
            try:
                ts = pd.to_datetime(pd.Series([text]), format="ISO8601", utc=True).iloc[0]
            except (ValueError, TypeError, OverflowError):
                ts = None
        if ts is None or pd.isna(ts):
            problem, advice = _time_problem(text)
            raise DataError(_("{what}: {problem}\n  What to do: {advice}").format(
                what=what, problem=problem, advice=advice))
        return ts.tz_localize(None)
    raise DataError(_("{what}: expected a date (text such as '2025-03-04' or a datetime), got "
                      "{type}.\n  What to do: give an ISO 8601 date.").format(
                          what=what, type=type(value).__name__))


def _decimal_commas(text: pd.Series) -> pd.Series:
    """``0,5`` -> ``0.5`` for numbers written with a decimal comma."""
    return text.str.replace(r"^(-?\d+),(\d+)$", r"\1.\2", regex=True)


def _number_column(frame: pd.DataFrame, col: str, origin: _Origin, default: float) -> None:
    if col not in frame.columns:
        frame[col] = default
        return
    s = frame[col]
    text_missing = s.isna() | (s.astype("string").str.strip() == "")
    source = s
    if origin.decimal == "," and not pd.api.types.is_numeric_dtype(s):
        source = _decimal_commas(s.astype("string").str.strip())
    vals = pd.to_numeric(source.where(~text_missing), errors="coerce")
    bad = ~text_missing & vals.isna()
    if bad.any():
        example = s[bad].iloc[0]
        advice = _("write '{col}' as a plain number such as 1 or 2.5.").format(col=col)
        if isinstance(example, str) and _DECIMAL_COMMA.match(example.strip()):
            advice = _("{value!r} has a decimal comma: write it as {fixed}, or save the file "
                       "as CSV with ';' between fields (as Dutch Excel does), which the reader "
                       "recognises.").format(value=example,
                                             fixed=example.strip().replace(",", "."))
        raise _fail(origin,
                    _("column '{col}' has values that are not numbers ({value!r} on "
                      "{rows}).").format(col=col, value=example,
                                         rows=origin.rows(frame.index[bad])),
                    advice)
    neg = vals < 0
    if neg.any():
        raise _fail(origin,
                    _("column '{col}' has negative values ({value} on {rows}).").format(
                        col=col, value=vals[neg].iloc[0], rows=origin.rows(frame.index[neg])),
                    _("'{col}' counts how much two people interact; it cannot be below "
                      "0.").format(col=col))
    frame[col] = vals.fillna(default).astype(float)


def _as_text(s: pd.Series) -> pd.Series:
    """Text whatever the source: whole floats (``12.0`` from Excel or Parquet) become ``12``."""
    if pd.api.types.is_float_dtype(s):
        whole = s.dropna()
        if len(whole) and bool((whole == np.floor(whole)).all()):
            s = s.astype("Int64")
    elif s.dtype == object:
        s = s.map(lambda v: str(int(v)) if isinstance(v, (float, np.floating))
                  and float(v).is_integer() else v)
    return s.astype("string")


def _text_column(frame: pd.DataFrame, col: str, default: str | None = None) -> None:
    if col not in frame.columns:
        frame[col] = default
    s = _as_text(frame[col]).str.strip()
    s = s.mask(s == "", pd.NA)
    if default is not None:
        s = s.fillna(default)
    frame[col] = s


def _drop_with_warning(frame: pd.DataFrame, mask: pd.Series, origin: _Origin,
                       what: str) -> pd.DataFrame:
    n = int(mask.sum())
    if n:
        _warn(origin, _("dropped {n} {what} ({rows}).").format(
            n=n, what=what, rows=origin.rows(frame.index[mask])))
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
    raise DataError(_("people= must be the people table (a DataFrame with a 'person_id' "
                      "column), as returned by read_people."))


def _isin(column: pd.Series, ids: pd.Index, value_set: Any = None) -> tuple[pd.Series, Any]:
    """``column.isin(ids)``, in Arrow when the column is Arrow text (a log of millions)."""
    data = getattr(column.array, "_pa_array", None)
    if data is not None:
        try:
            import pyarrow as pa
            import pyarrow.compute as pc

            if value_set is None or value_set.type != data.type:  # same type: no copy
                value_set = pa.array(ids.astype(object).to_numpy(), type=data.type)
            found = pc.is_in(data, value_set=value_set)
            values = found.to_numpy(zero_copy_only=False).astype(bool)
            return pd.Series(values, index=column.index), value_set
        except Exception:  # noqa: BLE001 - any Arrow version quirk: pandas' own way
            pass
    return column.isin(ids), value_set


def _drop_unknown(frame: pd.DataFrame, cols: list[str], people: pd.DataFrame | None,
                  origin: _Origin, unknown: str) -> pd.DataFrame:
    ids = _people_ids(people)
    if ids is None:
        return frame
    mask = pd.Series(False, index=frame.index)
    value_set = None
    for c in cols:
        known, value_set = _isin(frame[c], ids, value_set)
        mask |= frame[c].notna() & ~known
    if not mask.any():
        return frame
    cells = frame.loc[mask, cols].stack()  # row by row, so names follow the file's order
    names = pd.unique(cells[~cells.isin(ids)])
    shown = ", ".join(map(repr, list(names)[:_MAX_LISTED]))
    if unknown == "error":
        raise _fail(origin,
                    _("{n} id(s) are not in the people table ({ids}) on {rows}.").format(
                        n=len(names), ids=shown, rows=origin.rows(frame.index[mask])),
                    _("add those people to the people table, or correct the ids."))
    n_rows = int(mask.sum())
    if unknown == "keep":
        _warn(origin, ngettext(
            "kept {rows} row naming {people} not in the people table ({ids}).",
            "kept {rows} rows naming {people} not in the people table ({ids}).",
            n_rows).format(rows=n_rows, people=_people_count(len(names)), ids=shown),
              list(names)[:_MAX_LISTED])
        return frame
    if bool(mask.all()):
        examples = ", ".join(map(repr, ids[:3].tolist()))
        _warn(origin, _(
            "every row was dropped: none of its {n} ids is in the people table ({ids} in "
            "this table; {examples} in the people table), so the result is empty. Check that "
            "both tables use the same ids (an employee number, not a name or an e-mail "
            "address), or read it without people=.").format(
                n=len(names), ids=shown, examples=examples), list(names)[:_MAX_LISTED])
        return frame.loc[~mask]
    _warn(origin, ngettext(
        "dropped {rows} row naming {people} not in the people table ({ids}); {where}.",
        "dropped {rows} rows naming {people} not in the people table ({ids}); {where}.",
        n_rows).format(rows=n_rows, people=_people_count(len(names)), ids=shown,
                       where=origin.rows(frame.index[mask])), list(names)[:_MAX_LISTED])
    return frame.loc[~mask]


def _people_count(n: int) -> str:
    return ngettext("{n} person who is", "{n} people who are", n).format(n=n)


def _finish(frame: pd.DataFrame, kind: str, order: list[str],
            origin: _Origin | None = None) -> pd.DataFrame:
    extra = [c for c in frame.columns if c not in order]
    for c in extra:  # text columns that hold only numbers (from CSV) become numbers
        col = frame[c]
        if pd.api.types.is_string_dtype(col) or col.dtype == object:
            source = col
            if origin is not None and origin.decimal == ",":
                source = _decimal_commas(col.astype("string").str.strip())
            nums = pd.to_numeric(source, errors="coerce")
            if col.notna().any() and nums[col.notna()].notna().all():
                frame[c] = nums
            elif pd.api.types.infer_dtype(col, skipna=True) in {
                    "string", "mixed-integer", "mixed-integer-float", "empty"}:
                frame[c] = _as_text(col)  # one dtype for text whatever the file format
    out = frame[order + extra].reset_index(drop=True)
    out.attrs[_VALIDATED] = kind
    return out


def _check_option(name: str, value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise DataError(_("{name}={value!r} is not one of {allowed}.").format(
            name=name, value=value, allowed=", ".join(map(repr, allowed))))


def _unknown_managers(frame: pd.DataFrame, origin: _Origin) -> None:
    """Warn about manager_id values that name nobody in the table (reported here, early)."""
    managers = frame["manager_id"]
    unknown = managers.notna() & ~managers.isin(frame["person_id"])
    if not unknown.any():
        return
    names = pd.unique(managers[unknown]).tolist()
    shown = ", ".join(map(repr, names[:_MAX_LISTED]))
    _warn(origin, ngettext(
        "column 'manager_id' names {n} id that is not a person in this table ({ids}) on "
        "{rows}; org_chart will refuse these reporting lines. Leave manager_id empty for the "
        "top of the organisation, or add the manager as a person.",
        "column 'manager_id' names {n} ids that are not people in this table ({ids}) on "
        "{rows}; org_chart will refuse these reporting lines. Leave manager_id empty for the "
        "top of the organisation, or add the managers as people.",
        len(names)).format(n=len(names), ids=shown, rows=origin.rows(frame.index[unknown])),
        names[:_MAX_LISTED])


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
                    _("{n} person_id(s) appear more than once ({ids}) on {rows}.").format(
                        n=len(ids), ids=", ".join(map(repr, ids[:5])),
                        rows=origin.rows(frame.index[dup])),
                    _("each person must have exactly one row; merge or remove the "
                      "duplicates."))
    if "manager_id" in frame.columns:
        _id_column(frame, "manager_id", origin, allow_missing=True)
        _unknown_managers(frame, origin)
    else:
        frame["manager_id"] = pd.Series(pd.NA, index=frame.index, dtype="string")
    for col in ("department", "team", "location", "level"):
        _text_column(frame, col)
    if "hire_date" in frame.columns:
        _timestamp_column(frame, "hire_date", origin, required=False)
    else:
        frame["hire_date"] = pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
    return _finish(frame, "people", order, origin)


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
                                   _("self-loops (rows whose sender is also the recipient)"))
    if duplicates == "drop":
        frame = _drop_with_warning(frame, frame.duplicated(), origin,
                                   _("exact duplicate rows"))
    frame = _drop_unknown(frame, ["sender", "recipient"], people, origin, unknown)
    return _finish(frame, "interactions", order, origin)


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
        raise _fail(origin, _("column 'relation' is empty on {rows}.").format(
            rows=origin.rows(frame.index[empty_rel])),
            _("name the relation (e.g. advice, trust) in every row."))
    _number_column(frame, "strength", origin, 1.0)
    frame = _drop_with_warning(frame, frame["respondent"] == frame["nominee"], origin,
                               _("self-nominations (respondent names themselves)"))
    key = ["respondent", "nominee", "relation"]
    frame = _drop_with_warning(frame, frame.duplicated(key), origin,
                               _("repeated answers (same respondent, nominee and relation)"))
    frame = _drop_unknown(frame, ["respondent", "nominee"], people, origin, unknown)
    return _finish(frame, "nominations", order, origin)


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
        raise _fail(origin, _("column 'event' is empty on {rows}.").format(
            rows=origin.rows(frame.index[empty])),
            _("name the event (e.g. first_post, exit) in every row."))
    frame = _drop_with_warning(frame, frame.duplicated(), origin, _("exact duplicate rows"))
    frame = _drop_unknown(frame, ["person_id"], people, origin, unknown)
    frame = frame.sort_values("timestamp", kind="stable")
    return _finish(frame, "events", order, origin)


# ---------------------------------------------------------------------------------------
# Pseudonyms
# ---------------------------------------------------------------------------------------
def _key_bytes(key: str | bytes | None) -> bytes:
    if key is None:
        key = os.environ.get(KEY_ENV)
    if key is None or len(key) == 0:
        raise DataError(_(
            "pseudonymise: no key. Pass key='a long secret phrase' or set the environment "
            "variable {env}.\n  What to do: keep the key secret and the same across files and "
            "runs, so that the same person gets the same pseudonym everywhere.").format(
                env=KEY_ENV))
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
        raise DataError(_("pseudonymise: the table has no column(s) {absent}; it has "
                          "{have}.").format(absent=", ".join(map(repr, absent)),
                                            have=", ".join(map(repr, df.columns))))
    if length is not None and not 6 <= length <= 64:
        raise DataError(_("pseudonymise: length must be between 6 and 64 characters."))
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
