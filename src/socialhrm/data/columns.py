"""Checking and converting columns: names, ids, timestamps, numbers, text; unknown people."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from socialhrm.data.errors import MAX_LISTED, VALIDATED, DataError, Origin, fail, warn
from socialhrm.data.files import DECIMAL_COMMA
from socialhrm.i18n import _, ngettext


def canonical_columns(
    frame: pd.DataFrame,
    origin: Origin,
    columns: Mapping[str, str] | None,
    canonical: Iterable[str],
    required: Iterable[str],
) -> pd.DataFrame:
    """Rename the user's columns to the kit's names; a DataError for missing or doubled ones."""
    frame.columns = [str(c).strip() for c in frame.columns]
    if columns:
        missing = [c for c in columns if c not in frame.columns]
        if missing:
            raise fail(
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
        raise fail(origin, _("the column(s) {names} appear twice.").format(
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
        raise fail(
            origin, problem,
            _("the table has {have}. If one of them means {names}, say so with "
              "columns={{'your name': '{first}'}}.").format(
                  have=", ".join(map(repr, frame.columns)), names=names, first=missing[0]),
        )
    if frame.empty:
        raise fail(origin, _("the table has a header but no rows."),
                    _("export it again with its data rows."))
    return frame


_WHOLE_FLOAT_TEXT = re.compile(r"^(-?\d+)\.0+$")


def id_column(frame: pd.DataFrame, col: str, origin: Origin, *, allow_missing: bool) -> None:
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
            raise fail(origin,
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
            raise fail(origin,
                        _("column '{col}' mixes ids with values that cannot be ids ({value!r} "
                          "of type {type} on {rows}).").format(
                              col=col, value=example, type=type(example).__name__,
                              rows=origin.rows(bad_rows)),
                        _("ids must be text or whole numbers; fix or remove those cells."))
        out = pd.Series(values, index=s.index, dtype="string")
    empty = out.isna() | (out == "")
    if empty.any() and not allow_missing:
        raise fail(origin, _("column '{col}' is empty on {rows}.").format(
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


def _numbers_to_times(numeric: pd.Series, present: pd.Series, origin: Origin,
                      col: str) -> pd.Series:
    """Numbers as times: Unix seconds or milliseconds, Excel days, seconds of a study."""
    vals = numeric[present]
    low, high = float(vals.min()), float(vals.max())
    if low < 0:
        raise fail(origin, _("column '{col}' holds negative numbers ({value:g}), which are not "
                              "times.").format(col=col, value=low),
                    _("write times as ISO 8601 (2025-03-04T09:15) or as Unix epoch seconds."))
    if high >= 1e14:
        raise fail(origin, _("column '{col}' holds numbers too large to be Unix seconds or "
                              "milliseconds ({value:,.0f}).").format(col=col, value=high),
                    _("convert them to ISO 8601 text (2025-03-04T09:15) first; for "
                      "microseconds divide by 1,000,000 to get seconds."))
    if high >= 1e11:
        if low < 1e11:
            raise fail(origin, _("column '{col}' mixes Unix seconds and milliseconds "
                                  "({low:,.0f} and {high:,.0f}).").format(
                                      col=col, low=low, high=high),
                        _("use one unit in the whole column."))
        return pd.to_datetime(numeric, unit="ms", errors="coerce")
    if high >= 1e8:
        return pd.to_datetime(numeric, unit="s", errors="coerce")
    if 20_000 <= low and high <= 80_000:  # 1954 to 2119 as Excel's day numbers
        out = _EXCEL_EPOCH + pd.to_timedelta(numeric, unit="D")
        warn(origin, _("column '{col}' holds numbers such as {value:g}; they were read as "
                        "Excel serial day numbers ({value:g} = {date}). If they mean something "
                        "else, convert them to ISO 8601 dates first.").format(
                            col=col, value=low, date=f"{out[present].min():%Y-%m-%d}"))
        return out
    out = pd.to_datetime(numeric, unit="s", errors="coerce")
    warn(origin, _("column '{col}' holds small numbers ({low:g} to {high:g}) that fall in "
                    "1970 as Unix seconds; they were read as seconds since the start of the "
                    "study, counted from 1970-01-01 00:00. Give start= and end= in the same "
                    "way, or add the study's real start date to the column.").format(
                        col=col, low=low, high=high))
    return out


def timestamp_column(frame: pd.DataFrame, col: str, origin: Origin, *, required: bool) -> None:
    """Parse ``col`` as timestamps by the gate's rules (ISO text, Unix seconds, milliseconds)."""
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
        raise fail(origin,
                    _("column '{col}' has values that are not dates or times ({value!r} on "
                      "{rows}): {problem}").format(col=col, value=example, problem=problem,
                                                   rows=origin.rows(frame.index[bad])),
                    advice)
    if required and not present.all():
        raise fail(origin, _("column '{col}' is empty on {rows}.").format(
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


def number_column(frame: pd.DataFrame, col: str, origin: Origin, default: float) -> None:
    """Make ``col`` a number column (decimal commas understood), ``default`` where it is absent."""
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
        if isinstance(example, str) and DECIMAL_COMMA.match(example.strip()):
            advice = _("{value!r} has a decimal comma: write it as {fixed}, or save the file "
                       "as CSV with ';' between fields (as Dutch Excel does), which the reader "
                       "recognises.").format(value=example,
                                             fixed=example.strip().replace(",", "."))
        raise fail(origin,
                    _("column '{col}' has values that are not numbers ({value!r} on "
                      "{rows}).").format(col=col, value=example,
                                         rows=origin.rows(frame.index[bad])),
                    advice)
    neg = vals < 0
    if neg.any():
        raise fail(origin,
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


def text_column(frame: pd.DataFrame, col: str, default: str | None = None) -> None:
    """Make ``col`` a text column, ``default`` where it is absent."""
    if col not in frame.columns:
        frame[col] = default
    s = _as_text(frame[col]).str.strip()
    s = s.mask(s == "", pd.NA)
    if default is not None:
        s = s.fillna(default)
    frame[col] = s


def drop_with_warning(frame: pd.DataFrame, mask: pd.Series, origin: Origin,
                       what: str) -> pd.DataFrame:
    """Drop the rows where ``mask`` is true, with a DataWarning saying how many and why."""
    n = int(mask.sum())
    if n:
        warn(origin, _("dropped {n} {what} ({rows}).").format(
            n=n, what=what, rows=origin.rows(frame.index[mask])))
        return frame.loc[~mask]
    return frame


def _people_ids(people: pd.DataFrame | None) -> pd.Index | None:
    if people is None:
        return None
    if isinstance(people, pd.DataFrame) and "person_id" in people.columns:
        ids = people["person_id"]
        if people.attrs.get(VALIDATED) != "people":
            from socialhrm.data.readers import read_people  # the readers use this module

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


def drop_unknown(frame: pd.DataFrame, cols: list[str], people: pd.DataFrame | None,
                  origin: Origin, unknown: str) -> pd.DataFrame:
    """Drop (or refuse) rows naming people who are not in the people table, with a warning."""
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
    shown = ", ".join(map(repr, list(names)[:MAX_LISTED]))
    if unknown == "error":
        raise fail(origin,
                    _("{n} id(s) are not in the people table ({ids}) on {rows}.").format(
                        n=len(names), ids=shown, rows=origin.rows(frame.index[mask])),
                    _("add those people to the people table, or correct the ids."))
    n_rows = int(mask.sum())
    if unknown == "keep":
        warn(origin, ngettext(
            "kept {rows} row naming {people} not in the people table ({ids}).",
            "kept {rows} rows naming {people} not in the people table ({ids}).",
            n_rows).format(rows=n_rows, people=_people_count(len(names)), ids=shown),
              list(names)[:MAX_LISTED])
        return frame
    if bool(mask.all()):
        examples = ", ".join(map(repr, ids[:3].tolist()))
        warn(origin, _(
            "every row was dropped: none of its {n} ids is in the people table ({ids} in "
            "this table; {examples} in the people table), so the result is empty. Check that "
            "both tables use the same ids (an employee number, not a name or an e-mail "
            "address), or read it without people=.").format(
                n=len(names), ids=shown, examples=examples), list(names)[:MAX_LISTED])
        return frame.loc[~mask]
    warn(origin, ngettext(
        "dropped {rows} row naming {people} not in the people table ({ids}); {where}.",
        "dropped {rows} rows naming {people} not in the people table ({ids}); {where}.",
        n_rows).format(rows=n_rows, people=_people_count(len(names)), ids=shown,
                       where=origin.rows(frame.index[mask])), list(names)[:MAX_LISTED])
    return frame.loc[~mask]


def _people_count(n: int) -> str:
    return ngettext("{n} person who is", "{n} people who are", n).format(n=n)


def finish(frame: pd.DataFrame, kind: str, order: list[str],
            origin: Origin | None = None) -> pd.DataFrame:
    """Order the columns and mark the table as validated by the gate."""
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
    out.attrs[VALIDATED] = kind
    return out


def check_option(name: str, value: str, allowed: tuple[str, ...]) -> None:
    """A DataError when an option is not one of the allowed values."""
    if value not in allowed:
        raise DataError(_("{name}={value!r} is not one of {allowed}.").format(
            name=name, value=value, allowed=", ".join(map(repr, allowed))))


def unknown_managers(frame: pd.DataFrame, origin: Origin) -> None:
    """Warn about manager_id values that name nobody in the table (reported here, early)."""
    managers = frame["manager_id"]
    unknown = managers.notna() & ~managers.isin(frame["person_id"])
    if not unknown.any():
        return
    names = pd.unique(managers[unknown]).tolist()
    shown = ", ".join(map(repr, names[:MAX_LISTED]))
    warn(origin, ngettext(
        "column 'manager_id' names {n} id that is not a person in this table ({ids}) on "
        "{rows}; org_chart will refuse these reporting lines. Leave manager_id empty for the "
        "top of the organisation, or add the manager as a person.",
        "column 'manager_id' names {n} ids that are not people in this table ({ids}) on "
        "{rows}; org_chart will refuse these reporting lines. Leave manager_id empty for the "
        "top of the organisation, or add the managers as people.",
        len(names)).format(n=len(names), ids=shown, rows=origin.rows(frame.index[unknown])),
        names[:MAX_LISTED])


# ---------------------------------------------------------------------------------------
# Public readers
# ---------------------------------------------------------------------------------------
