"""Reading the files people have: CSV in any dialect, Excel, Parquet; headers; table kinds."""

from __future__ import annotations

import csv
import dataclasses
import os
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from socialhrm.data.errors import (
    DEFAULT_MAX_BYTES,
    TABLE_NAMES,
    DataError,
    DataWarning,
    Origin,
    fail,
    file_origin,
    frame_origin,
    warn,
)
from socialhrm.i18n import N_, _, ngettext


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
DECIMAL_COMMA = re.compile(r"^-?\d+,\d+$")
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
            if any(DECIMAL_COMMA.match(c.strip()) for c in _fields(ln, sep)):
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
    origin = file_origin(what, path, "csv")
    frame, dialect = _read_csv(path, origin, encoding)
    if dialect.skiprows:
        _title_warning(dataclasses.replace(origin, skipped=dialect.skiprows), dialect)
    return frame, dialect


def _title_warning(origin: Origin, dialect: CsvDialect) -> None:
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


def _read_excel(path: Path, origin: Origin, sheet: str | int | None,
                nrows: int | None = None) -> pd.DataFrame:
    book = pd.ExcelFile(path)
    names = [str(n) for n in book.sheet_names]
    listed = ", ".join(map(repr, names))
    if isinstance(sheet, str) and sheet not in names:
        raise fail(origin, _("there is no sheet {sheet!r}; the workbook has {sheets}.").format(
            sheet=sheet, sheets=listed),
            _("pass one of those names with sheet=, e.g. sheet={first!r}.").format(
                first=names[0] if names else ""))
    if isinstance(sheet, int) and not -len(names) <= sheet < len(names):
        raise fail(origin, ngettext(
            "sheet={sheet} does not exist; the workbook has {n} sheet ({sheets}).",
            "sheet={sheet} does not exist; the workbook has {n} sheets ({sheets}).",
            len(names)).format(sheet=sheet, n=len(names), sheets=listed),
            _("count sheets from 0, or pass a sheet's name."))
    return pd.read_excel(book, sheet_name=0 if sheet is None else sheet, dtype=object,
                         nrows=nrows)


def _excel_title_row(frame: pd.DataFrame, path: Path, origin: Origin,
                     sheet: str | int | None) -> tuple[pd.DataFrame, Origin]:
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
    warn(origin, _("skipped a title row above the header ({title!r}); the column names "
                    "were read from row 2.").format(title=title))
    return frame, origin


def read_source(
    source: str | os.PathLike | pd.DataFrame,
    table: str,
    *,
    encoding: str | None,
    sheet: str | int | None,
    max_bytes: int | None,
) -> tuple[pd.DataFrame, Origin]:
    """Load a path or copy a DataFrame; turn every reading failure into a DataError."""
    if isinstance(source, pd.DataFrame):
        origin = frame_origin(table)
        if source.empty and len(source.columns) == 0:
            raise fail(origin, _("the table is empty."),
                        _("pass a table with a header and rows."))
        return source.copy(), origin
    if not isinstance(source, (str, os.PathLike)):
        name = TABLE_NAMES.get(table)
        raise DataError(_(
            "{table}: expected a file path or a pandas DataFrame, got {type}.\n  What to do: "
            "pass the path of a CSV, Excel or Parquet file, or a DataFrame.").format(
                table=_(name) if name else table, type=type(source).__name__))
    path = Path(source)
    suffix = path.suffix.lower()
    kind = _EXCEL.get(suffix, "csv")
    origin = file_origin(table, path, kind)
    if not path.exists():
        raise fail(origin, _("the file does not exist."),
                    _("check the path and the file name."))
    if path.is_dir():
        raise fail(origin, _("this is a folder, not a file."), _("pass the path of one file."))
    size = path.stat().st_size
    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    if size == 0:
        raise fail(origin, _("the file is empty (0 bytes)."),
                    _("export the table again; it needs a header row and at least one row."))
    if size > limit:
        raise fail(
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
        raise fail(origin, _("a reader for {suffix} files is not installed ({error}).").format(
            suffix=suffix, error=err),
            _("install the missing package or save the table as CSV.")) from None
    except (ValueError, OSError, KeyError, IndexError) as err:
        raise fail(origin, _("the file could not be read as {kind}: {error}").format(
            kind=kind.upper(), error=err),
            _("check that it really is a {kind} file, or save it as CSV.").format(
                kind=kind.upper())) from None
    except Exception as err:  # noqa: BLE001 - any engine's own error (zip, xml, arrow)
        raise fail(origin, _("the file could not be read as {kind}: {error}").format(
            kind=kind.upper(), error=f"{type(err).__name__}: {err}"),
            _("check that it really is a {kind} file, or save it as CSV.").format(
                kind=kind.upper())) from None
    if len(frame.columns) == 0:
        raise fail(origin, _("the file has no columns."),
                    _("the first row must name the columns."))
    return frame, origin


_TOKENIZE = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")


def _check_text(path: Path, origin: Origin, encoding: str | None) -> None:
    """Refuse, with a message naming the file, what is not text in the expected encoding."""
    with open(path, "rb") as fh:
        head = fh.read(4096)
    if encoding and encoding.lower().replace("_", "-").startswith("utf-16"):
        return
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise fail(origin, _("the file is UTF-16 text (what Excel calls 'Unicode Text'), "
                              "not UTF-8."),
                    _("save it as 'CSV UTF-8' (Excel: File > Save As > CSV UTF-8), or pass "
                      "encoding='utf-16'."))
    if head.startswith(b"PK\x03\x04"):
        raise fail(origin, _("this is a zip or Excel workbook, not a CSV text file."),
                    _("upload the .xlsx file under its own name, or save it as 'CSV UTF-8'."))
    if b"\x00" in head:
        raise fail(origin, _("this is not a text (CSV) file: it contains binary data."),
                    _("choose the table itself, saved as 'CSV UTF-8' or Excel (.xlsx)."))


def _read_csv(path: Path, origin: Origin, encoding: str | None, *,
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
        raise fail(
            origin,
            _("the file is not {encoding} text: byte 0x{byte} on line {line} cannot be "
              "decoded.").format(encoding=enc.replace("-sig", "").upper(), byte=bad, line=line),
            _("save it as 'CSV UTF-8' (Excel: File > Save As > CSV UTF-8), or pass the file's "
              "encoding, for example encoding='latin-1' or encoding='cp1252'."),
        ) from None
    except pd.errors.EmptyDataError:
        raise fail(origin, _("the file has no header and no rows."),
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
        raise fail(origin, problem, advice) from None
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
    origin = file_origin(table, path, kind)
    if not path.is_file():
        raise fail(origin, _("the file does not exist."),
                    _("check the path and the file name."))
    if path.stat().st_size == 0:
        raise fail(origin, _("the file is empty (0 bytes)."),
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
        raise fail(origin, _("the file could not be read as {kind}: {error}").format(
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
