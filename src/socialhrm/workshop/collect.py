"""Collect: returned notebooks into nbgrader's ``submitted/`` layout, matched by file name."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from socialhrm.i18n import _, ngettext
from socialhrm.workshop.common import WorkshopError, now
from socialhrm.workshop.matching import check_notebook, match_file, safe_extract, skip_path
from socialhrm.workshop.state import ClassFolder

__all__ = ["CollectReport", "collect", "print_collect"]


@dataclass
class CollectReport:
    """What ``collect`` did; ``problems`` need the trainer's attention."""

    module: str
    collected: list[tuple[str, str]] = field(default_factory=list)
    unchanged: list[tuple[str, str]] = field(default_factory=list)
    kept_graded: list[tuple[str, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    not_returned: list[str] = field(default_factory=list)


def collect(ws: ClassFolder, module: str, source: str | Path, *,
            force: bool = False) -> CollectReport:
    """Put returned notebooks into nbgrader's ``submitted/`` layout, matched by file name.

    Parameters
    ----------
    ws
        The class.
    module
        The module (name or unique prefix).
    source
        A folder or a ``.zip`` of returned notebooks (see :func:`match_file` for the rule).
    force
        Replace a submission even if it has been graded already.

    Returns
    -------
    CollectReport

    Notes
    -----
    Two files for one student: the newest (by modification time; for a zip, the time stored
    in it) that is a readable notebook is taken and the others are listed; if they are
    equally new, nothing is taken for that student. A file that is not a notebook is
    reported and skipped; the others are still collected.

    Examples
    --------
    >>> Workshop("spring2026").collect("m01", "returned.zip")  # doctest: +SKIP
    """
    module = ws.module(module)
    notebooks = ws.notebook_names(module)
    report = CollectReport(module)
    source = Path(source)
    if not source.exists():
        raise WorkshopError(_("{source} does not exist (give a folder or a .zip of "
                              "notebooks)").format(source=source))
    with tempfile.TemporaryDirectory(prefix="socialhrm-collect-") as tmp:
        if source.is_file():
            if source.suffix.lower() != ".zip":
                raise WorkshopError(_("{source} is a file but not a .zip; give a folder or a "
                                      "zip").format(source=source))
            safe_extract(source, Path(tmp))
            base = Path(tmp)
        else:
            base = source
        _collect_from(ws, base, source, module, notebooks, report, force)
    return report


def _collect_from(ws: ClassFolder, base: Path, source: Path, module: str, notebooks: list[str],
                  report: CollectReport, force: bool) -> None:
    roster = [s.student_id for s in ws.students()]
    lower_ids = {s.lower() for s in roster}
    # unwrap a single wrapper folder that is not a student ("returned/ada.ipynb")
    while True:
        entries = [p for p in base.iterdir() if not skip_path(Path(p.name))]
        if (len(entries) == 1 and entries[0].is_dir()
                and entries[0].name.lower() not in lower_ids):
            base = entries[0]
        else:
            break
    files = sorted(p for p in base.rglob("*") if p.is_file()
                   and not skip_path(p.relative_to(base)))
    ignored = [p for p in files if p.suffix.lower() != ".ipynb"]
    generic = [n.lower() for n in notebooks] + [module.lower(), module.split("_")[0].lower()]
    candidates: dict[tuple[str, str], list[Path]] = {}
    for path in files:
        if path.suffix.lower() != ".ipynb":
            continue
        rel = path.relative_to(base)
        shown = rel.as_posix()
        match = match_file(rel, roster, generic)
        if match.kind == "unknown":
            report.problems.append(
                _("unknown student {candidate!r}: {file} (not in this class; add them to the "
                  "class list and run init again, or rename the file)").format(
                    candidate=match.candidate, file=shown))
            continue
        if match.kind == "unmatched":
            report.problems.append(
                _("unmatched file {file}: the name does not start with a student id; rename "
                  "it to <student_id>_{nb}.ipynb and collect again").format(
                    file=shown, nb=notebooks[0]))
            continue
        if match.student_id is None:  # pragma: no cover - "matched" always has an id
            continue
        nb_name = notebooks[0] if len(notebooks) == 1 else next(
            (n for n in notebooks if n.lower() in path.stem.lower()), None)
        if nb_name is None:
            report.problems.append(
                _("unmatched file {file}: {module} has several notebooks ({notebooks}) and "
                  "the name does not say which one this is").format(
                    file=shown, module=module, notebooks=", ".join(notebooks)))
            continue
        candidates.setdefault((match.student_id, nb_name), []).append(path)
    if ignored:
        names = ", ".join(p.relative_to(base).as_posix() for p in ignored[:5])
        more = _(" and {n} more").format(n=len(ignored) - 5) if len(ignored) > 5 else ""
        what = ngettext("ignored a file that is not a notebook: {names}{more}",
                        "ignored {n} files that are not notebooks: {names}{more}", len(ignored))
        report.notes.append(what.format(n=len(ignored), names=names, more=more))

    chosen: dict[str, dict[str, Path]] = {}
    for (sid, nb_name), paths in sorted(candidates.items()):
        good: list[Path] = []
        for path in paths:
            reason = check_notebook(path)
            if reason:
                report.problems.append(
                    _("corrupt notebook {file} ({sid}): {reason}; ask {sid} to save it again "
                      "from Jupyter and send it again").format(
                        file=path.relative_to(base).as_posix(), sid=sid, reason=reason))
            else:
                good.append(path)
        if not good:
            continue
        if len(good) > 1:
            good.sort(key=lambda p: p.stat().st_mtime, reverse=True)
            names = ", ".join(p.relative_to(base).as_posix() for p in good)
            if good[0].stat().st_mtime == good[1].stat().st_mtime:
                report.problems.append(
                    _("duplicate submission for {sid}: {names} are equally new, so none was "
                      "taken; keep one and collect again").format(sid=sid, names=names))
                continue
            report.notes.append(
                _("duplicate submission for {sid}: {names}; took the newest, {file}").format(
                    sid=sid, names=names, file=good[0].relative_to(base).as_posix()))
        chosen.setdefault(sid, {})[nb_name] = good[0]

    graded = ws.ledger("graded", module)
    for sid, files_by_nb in sorted(chosen.items()):
        dest = ws.path("submitted", sid, module)
        incoming = hashlib.sha256(b"".join(
            n.encode() + p.read_bytes() for n, p in sorted(files_by_nb.items()))).hexdigest()
        current = ws.ledger("collected", module).get(sid, {}).get("sha256")
        label = ", ".join(p.relative_to(base).as_posix() for p in files_by_nb.values())
        if dest.is_dir() and current == incoming:
            report.unchanged.append((sid, label))
            continue
        is_graded = ws.path("autograded", sid, module).is_dir() or sid in graded
        if dest.is_dir() and is_graded and not force:
            report.kept_graded.append((sid, label))
            continue
        if dest.exists():
            shutil.rmtree(dest)
        dest.mkdir(parents=True)
        newest = 0.0
        for nb_name, path in files_by_nb.items():
            shutil.copy2(path, dest / f"{nb_name}.ipynb")
            newest = max(newest, path.stat().st_mtime)
        stamp = dt.datetime.fromtimestamp(newest, dt.UTC)
        (dest / "timestamp.txt").write_text(stamp.strftime("%Y-%m-%d %H:%M:%S.%f UTC"))
        ws.record("collected", module, sid, {
            "sha256": incoming, "files": label, "from": str(source), "collected_at": now()})
        report.collected.append((sid, label))
    have = set(ws.submitted_students(module))
    report.not_returned = [s for s in roster if s not in have]


def print_collect(report: CollectReport, echo: Callable[[str], None]) -> None:
    """Print what ``collect`` did, for the trainer."""
    for sid, label in report.collected:
        echo(_("  collected    {sid}: {files}").format(sid=sid, files=label))
    for sid, label in report.unchanged:
        echo(_("  unchanged    {sid}: {files} (already collected)").format(sid=sid, files=label))
    for sid, label in report.kept_graded:
        echo(_("  kept         {sid}: {files} differs from the graded submission; the graded "
               "one is kept (collect --force replaces it, then grade again)").format(
            sid=sid, files=label))
    for note in report.notes:
        echo(_("  note: {note}").format(note=note))
    if report.problems:
        echo(_("Problems (the other files were collected):"))
        for problem in report.problems:
            echo(f"  - {problem}")
    if report.not_returned:
        echo(_("Not returned yet: {ids}").format(
            ids=", ".join(report.not_returned)))
