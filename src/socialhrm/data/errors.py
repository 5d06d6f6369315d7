"""The data gate's errors and warnings, and where a row came from (so messages can point at it)."""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from socialhrm.i18n import N_, _, ngettext

#: Files larger than this are refused before reading (override with ``max_bytes=`` or the
#: environment variable ``SOCIALHRM_MAX_FILE_MB``).
DEFAULT_MAX_BYTES = int(float(os.environ.get("SOCIALHRM_MAX_FILE_MB", "1024")) * 2**20)

#: Environment variable holding the pseudonymisation key when none is passed.
KEY_ENV = "SOCIALHRM_PSEUDONYM_KEY"

VALIDATED = "socialhrm_table"  # DataFrame.attrs key marking a validated table
MAX_LISTED = 5  # how many offending rows a message lists

#: What each table is called in messages.
TABLE_NAMES = {"people": N_("people table"), "interactions": N_("interactions table"),
                "nominations": N_("nominations table"), "events": N_("events table"),
                "table": N_("table")}


class DataError(ValueError):
    """Input the kit cannot use; the message says what is wrong, where, and what to do.

    Examples
    --------
    >>> import pandas as pd
    >>> from socialhrm.data import read_people
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
class Origin:
    """Where rows come from (table, file or DataFrame, kind), so messages can point at them."""

    table: str  # "people", "interactions", ...
    label: str  # the file name, or "the DataFrame you passed"
    kind: str  # "csv", "excel", "parquet", "frame"
    skipped: int = 0  # title rows above the header
    decimal: str = "."  # the file's decimal mark

    @property
    def where(self) -> str:
        """The table and its source, as messages name it."""
        name = TABLE_NAMES.get(self.table)
        table = _(name) if name else self.table
        return _("{table} ({source})").format(table=table, source=self.label)

    def rows(self, index: Iterable) -> str:
        """Name rows as a user finds them: file line numbers, Excel rows, or index labels."""
        idx = list(index)
        shown = idx[:MAX_LISTED]
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


def frame_origin(table: str) -> Origin:
    """Where rows come from when a DataFrame was passed."""
    return Origin(table, _("the DataFrame you passed"), "frame")


def file_origin(table: str, path: Path, kind: str) -> Origin:
    """Where rows come from when a file was read."""
    return Origin(table, _("file {path}").format(path=path), kind)


def fail(origin: Origin, problem: str, advice: str) -> DataError:
    """A DataError saying where, what is wrong, and what to do."""
    return DataError(_("{where}: {problem}\n  What to do: {advice}").format(
        where=origin.where, problem=problem, advice=advice))


def warn(origin: Origin, message: str, ids: Iterable[Any] = ()) -> None:
    """A DataWarning saying where and what was done."""
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
