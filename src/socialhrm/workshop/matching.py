"""Matching returned files to students, and checking that they are notebooks."""

from __future__ import annotations

import json
import os
import re
import shutil
import time
import warnings
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from socialhrm.i18n import _
from socialhrm.workshop.common import WorkshopError, is_valid_student_id

__all__ = ["Match", "check_notebook", "match_file", "safe_extract", "skip_path"]

_SEPARATORS = "_-. "


@dataclass(frozen=True)
class Match:
    """How a returned file was matched: ``kind`` is matched, unknown or unmatched."""

    kind: str
    student_id: str | None = None
    candidate: str | None = None


def match_file(relpath: str | Path, roster: Iterable[str],
               generic_names: Iterable[str] = ()) -> Match:
    """Whose is this returned notebook? The matching rule, in order.

    1. A notebook inside a folder belongs to the student named by the first folder
       (``ada/anything.ipynb``).
    2. Otherwise the file name must start with a student id followed by ``_``, ``-``, ``.``,
       a space or nothing: ``ada.ipynb``, ``ada_m01.ipynb``, ``ADA - module 1.ipynb``. The longest
       matching id wins (``ann_b_m01`` is ``ann_b`` when both ``ann`` and ``ann_b`` exist).
    3. A file named like the handed-out notebook or the module, or ``Untitled...``, is
       *unmatched* (we cannot tell whose it is), as is a name that cannot be an id.
    4. Any other name is taken as an *unknown* student: the part before the first ``_``.

    Parameters
    ----------
    relpath
        The file's path relative to the folder of returned work.
    roster
        The class's student ids.
    generic_names
        Names (lower case, no ``.ipynb``) that say nothing about the student: the notebook
        and module names.

    Examples
    --------
    >>> match_file("ada_m01.ipynb", ["ada", "ben"])
    Match(kind='matched', student_id='ada', candidate='ada')
    >>> match_file("zed_m01.ipynb", ["ada"]).kind, match_file("Untitled.ipynb", ["ada"]).kind
    ('unknown', 'unmatched')
    """
    ids = {sid.lower(): sid for sid in roster}
    parts = Path(relpath).parts
    if len(parts) > 1:
        folder = parts[0]
        if folder.lower() in ids:
            return Match("matched", ids[folder.lower()], folder)
        return Match("unknown" if is_valid_student_id(folder) else "unmatched", None, folder)
    stem = Path(parts[-1]).stem
    low = stem.lower()
    best = None
    for key, sid in ids.items():
        if low == key or (low.startswith(key) and low[len(key)] in _SEPARATORS):
            if best is None or len(key) > len(best[0]):
                best = (key, sid)
    if best:
        return Match("matched", best[1], stem[:len(best[0])])
    generic = [g.lower() for g in generic_names]
    if low.startswith(("untitled", "copy of", "kopie van")) or any(
            low.startswith(g) for g in generic if g):
        return Match("unmatched", None, None)
    candidate = re.split(r"[_\-. ]", stem, maxsplit=1)[0]
    if is_valid_student_id(candidate):
        return Match("unknown", None, candidate)
    return Match("unmatched", None, None)


def check_notebook(path: Path) -> str | None:
    """None when the file is a readable notebook, else a short reason (for the trainer)."""
    import nbformat

    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return _("not a text file")
    if not raw.strip():
        return _("the file is empty")
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        return _("not valid notebook JSON (line {line}: {error})").format(line=exc.lineno,
                                                                         error=exc.msg)
    if not isinstance(data, dict) or "cells" not in data or "nbformat" not in data:
        return _("JSON, but not a Jupyter notebook (no cells)")
    try:
        nb = nbformat.reads(raw, as_version=4)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            nbformat.validate(nb)
    except Exception as exc:  # noqa: BLE001 - any reason is reported to the trainer
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return _("not a valid notebook ({reason})").format(reason=reason[:120])
    return None


def safe_extract(archive: Path, dest: Path) -> None:
    """Unpack a zip into ``dest``, skipping entries that would land outside it."""
    try:
        zf = zipfile.ZipFile(archive)
    except zipfile.BadZipFile as exc:
        raise WorkshopError(_("{archive} is not a readable zip file").format(
            archive=archive)) from exc
    with zf:
        for info in zf.infolist():
            name = info.filename.replace("\\", "/")
            parts = [p for p in name.split("/") if p]
            if info.is_dir() or not parts or ".." in parts or name.startswith("/"):
                continue
            target = dest.joinpath(*parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(info) as fh_in, target.open("wb") as fh_out:
                shutil.copyfileobj(fh_in, fh_out)
            stamp = time.mktime((*info.date_time, 0, 0, -1))
            os.utime(target, (stamp, stamp))


def skip_path(rel: Path) -> bool:
    """Files a collection never looks at: hidden files, ``__MACOSX``, ``__pycache__``."""
    return any(p.startswith(".") or p in {"__MACOSX", "__pycache__"} for p in rel.parts)
