"""Uploaded files for the dashboards: size limits, a private folder each, plain messages.

Every file is written to a folder of its own inside a fresh temporary folder, so two files
with the same name (``export.csv`` twice) never overwrite each other, and is read through
the data gate (:mod:`socialhrm.data`). Messages name the file the person chose, never a
path on the server; with pseudonyms on, the ids a message names are replaced by their
pseudonyms.

Examples
--------
>>> upload_limit_mb() >= 10
True
"""

from __future__ import annotations

import os
import shutil
import tempfile
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from socialhrm.data import DataError, DataWarning
from socialhrm.i18n import _

__all__ = ["MAX_UPLOAD_MB", "SERVER_ENV", "check_sizes", "saved",
           "upload_limit_mb", "warnings_as_notes"]

#: Largest file the dashboard accepts; bigger logs belong in a notebook with the library.
MAX_UPLOAD_MB = 100
#: Set by ``socialhrm dashboards`` to the websocket limit it configured, in MB.
SERVER_ENV = "SOCIALHRM_DASHBOARD_UPLOAD_MB"
#: The websocket limit of a plain Jupyter / Voila server (tornado's default), in MB.
PLAIN_SERVER_MB = 10


def upload_limit_mb() -> int:
    """The largest upload that reaches the dashboard on this server, in MB.

    ``socialhrm dashboards`` raises the server's websocket limit and says so in
    ``SOCIALHRM_DASHBOARD_UPLOAD_MB``; on a plain Voila or JupyterLab server a larger file
    never arrives (the server drops the message), so the page says the lower limit upfront.
    """
    raw = os.environ.get(SERVER_ENV, "").strip()
    try:
        server = int(float(raw)) if raw else PLAIN_SERVER_MB
    except ValueError:
        server = PLAIN_SERVER_MB
    return max(1, min(MAX_UPLOAD_MB, server))


def check_sizes(files: list[tuple[str, bytes]], limit_mb: int | None = None) -> None:
    """Refuse empty files and files above the limit, naming the file.

    Raises
    ------
    DataError
    """
    limit = MAX_UPLOAD_MB if limit_mb is None else limit_mb
    for name, content in files:
        shown = Path(name).name
        if len(content) > limit * 1024 * 1024:
            raise DataError(_(
                "{file} is {size:,.0f} MB; this dashboard takes files up to {limit} MB. Filter "
                "the file (e.g. a shorter period) or analyse it in a notebook with "
                "socialhrm.read_interactions, which handles large logs.").format(
                    file=shown, size=len(content) / 2**20, limit=limit))
        if not content:
            raise DataError(_("{file} is empty: choose the file again or export it once more "
                              "from its source.").format(file=shown))


@contextmanager
def saved(files: list[tuple[str, bytes]]) -> Iterator[tuple[list[Path], Callable[[str], str]]]:
    """Write each file into its own private folder; remove everything afterwards.

    Yields the paths and a function that turns a message about them into one without
    server paths.

    Examples
    --------
    >>> with saved([("a.csv", b"x"), ("a.csv", b"y")]) as (paths, clean):
    ...     [p.read_bytes() for p in paths], clean(str(paths[1]))
    ([b'x', b'y'], 'a.csv')
    """
    tmp = tempfile.mkdtemp(prefix="socialhrm_upload_")
    try:
        paths = []
        for i, (name, content) in enumerate(files):
            folder = Path(tmp) / str(i)
            folder.mkdir()
            path = folder / (Path(name).name or f"upload{i}")
            path.write_bytes(content)
            paths.append(path)

        def clean(text: str) -> str:
            for path in paths:
                text = text.replace(str(path), path.name)
            return text.replace(tmp + os.sep, "").replace(tmp, "")

        yield paths, clean
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def warnings_as_notes(caught: list[warnings.WarningMessage], clean: Callable[[str], str],
                      pseudonym: Callable[[str], str] | None) -> list[str]:
    """The data gate's warnings as notes for the page: no paths, ids pseudonymised.

    Parameters
    ----------
    caught
        From ``warnings.catch_warnings(record=True)``.
    clean
        From :func:`saved`.
    pseudonym
        Turns a real id into its pseudonym; ``None`` when pseudonyms are off.
    """
    notes = []
    for item in caught:
        text = clean(str(item.message))
        if pseudonym is not None and isinstance(item.message, DataWarning):
            for real in item.message.ids:
                text = text.replace(repr(real), pseudonym(str(real)))
                text = text.replace(repr(str(real)), pseudonym(str(real)))
        notes.append(text)
    return notes[:3]
