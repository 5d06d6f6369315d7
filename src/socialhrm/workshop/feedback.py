"""Feedback: one HTML page per graded student, with no hidden-test code in it."""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from socialhrm.i18n import _
from socialhrm.nbgrading import display_path, log_reason
from socialhrm.paths import package_dir
from socialhrm.workshop.common import now
from socialhrm.workshop.hiddentests import find_leaks, hidden_test_lines, html_text
from socialhrm.workshop.state import ClassFolder

__all__ = ["FeedbackReport", "feedback", "grade_signature", "self_contained_template"]


@dataclass
class FeedbackReport:
    """What ``feedback`` did: one HTML page per student."""

    module: str
    written: dict[str, Path] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def feedback(ws: ClassFolder, module: str, *, force: bool = False) -> FeedbackReport:
    """One feedback HTML page per graded student, with no hidden-test code in it.

    nbgrader's feedback shows hidden tests (in the test cells and in tracebacks); here every
    hidden block is removed from sources and every output that shows a hidden line is
    replaced by a neutral message. Each page is then scanned for the hidden lines of the
    module's source notebook; a page that still shows one is withheld and reported.

    Parameters
    ----------
    ws
        The class.
    module
        The module (name or unique prefix).
    force
        Write pages again even if they are newer than the grading.

    Returns
    -------
    FeedbackReport
        ``written`` maps student -> ``feedback_html/MODULE/STUDENT.html``.

    Examples
    --------
    >>> Workshop("spring2026").feedback("m01")  # doctest: +SKIP
    """
    module = ws.module(module)
    notebooks = ws.notebook_names(module)
    report = FeedbackReport(module)
    secrets: list[str] = []
    for name in notebooks:
        src = ws.path("source", module, f"{name}.ipynb")
        if src.is_file():
            secrets += hidden_test_lines(src, ws.path("release", module, f"{name}.ipynb"))
    graded = [s for s in ws.submitted_students(module)
              if ws.path("autograded", s, module).is_dir()]
    if not graded:
        ws.echo(_("No graded submissions of {module} yet: run socialhrm workshop grade "
                  "{arg} {module}").format(module=module, arg=ws.arg()))
        return report
    todo = []
    written = ws.ledger("feedback", module)
    signatures = {sid: grade_signature(ws, module, sid) for sid in graded}
    for sid in graded:
        pages = ws.pages(module, sid)
        newest = max(p.stat().st_mtime for p in ws.path("autograded", sid, module).glob("*"))
        fresh = all(p.is_file() and p.stat().st_mtime >= newest for p in pages)
        # manual grades and comments (formgrader) change only the gradebook
        same = written.get(sid, {}).get("signature") == signatures[sid]
        if not force and fresh and same:
            report.skipped.append(sid)
            report.written[sid] = pages[0]
        else:
            todo.append(sid)
    if report.skipped:
        ws.echo(_("Feedback already up to date (use --force to write again): {ids}").format(
            ids=", ".join(report.skipped)))
    api = ws.api(ScrubHiddenTests__secret_lines=secrets,
                 ScrubHiddenTests__language=ws.language,
                 **self_contained_template()) if todo else None
    for sid in todo:
        result = api.generate_feedback(module, sid, force=True)
        if not result["success"]:
            report.problems.append(_("{sid}: nbgrader could not make feedback: "
                                     "{reason}").format(sid=sid, reason=log_reason(result)))
            continue
        pages = ws.pages(module, sid)
        for name, page in zip(notebooks, pages, strict=True):
            made = ws.path("feedback", sid, module, f"{name}.html")
            if not made.is_file():
                report.problems.append(_("{sid}: nbgrader wrote no feedback for "
                                         "{name}").format(sid=sid, name=name))
                continue
            leaks = find_leaks(html_text(made.read_text(encoding="utf-8")), secrets)
            if leaks:
                made.unlink()
                page.unlink(missing_ok=True)
                report.problems.append(_(
                    "{sid}: feedback withheld because it would show hidden test code "
                    "({line!r}); please report this to the Social HRM Lab developers"
                ).format(sid=sid, line=leaks[0]))
                continue
            page.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(made, page)
            report.written[sid] = pages[0]
        if sid in report.written:
            ws.record("feedback", module, sid, {"signature": signatures[sid],
                                                   "written_at": now()})
        if sid in report.written:
            ws.echo(f"  {sid}: {display_path(report.written[sid])}")
    return report

def self_contained_template() -> dict[str, Any]:
    """Settings for nbgrader: feedback pages that fetch nothing from outside the page.

    nbgrader's ``feedback`` template loads MathJax from a CDN. The kit's folder
    ``share/nbgrader/feedback`` is searched first and holds only a ``mathjax`` macro that
    loads nothing; the page itself stays nbgrader's (its API insists on the name
    ``feedback``).

    Examples
    --------
    >>> self_contained_template()["HTMLExporter__extra_template_basedirs"][0].endswith("nbgrader")
    True
    """
    import nbgrader

    nbgrader_templates = (Path(nbgrader.__file__).parent / "server_extensions" / "formgrader"
                          / "templates")
    return {"HTMLExporter__extra_template_basedirs": [str(package_dir() / "share" / "nbgrader"),
                                                      str(nbgrader_templates)]}


def grade_signature(ws: ClassFolder, module: str, sid: str) -> str:
    """A fingerprint of everything the feedback shows from the gradebook."""
    from nbgrader.api import MissingEntry

    items: list[Any] = []
    with ws.gradebook() as gb:
        try:
            sub = gb.find_submission(module, sid)
        except MissingEntry:
            return ""
        for nb in sub.notebooks:
            items += sorted((g.name, g.auto_score, g.manual_score, g.extra_credit,
                             g.needs_manual_grade) for g in nb.grades)
            items += sorted((c.name, c.auto_comment or "", c.manual_comment or "")
                            for c in nb.comments)
    return hashlib.sha256(json.dumps(items, default=str).encode()).hexdigest()
