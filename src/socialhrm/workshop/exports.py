"""Exports: the grades table, the per-question summary, the status table, and printing them.

The per-question summary shows which questions the class found hard.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from socialhrm.i18n import N_, _
from socialhrm.workshop.common import DEFAULT_THRESHOLD, fmt_score, read_nb
from socialhrm.workshop.state import ClassFolder

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["GRADES_COLUMNS", "SUMMARY_COLUMNS", "export", "grades", "print_export",
           "question_order", "question_summary", "status", "table"]

#: the fixed columns of the grades table (each question's grade id follows)
GRADES_COLUMNS = ["student_id", "first_name", "last_name", "module", "status", "score",
                  "max_score"]
SUMMARY_COLUMNS = ["module", "question", "kind", "points", "graded", "mean_score", "mean_share",
                   "full_marks", "found_hard"]
#: the status values of the grades table (CSV values stay English, shown translated)
STATUS_GRADED = N_("graded")
STATUS_MANUAL = N_("needs manual grading")
STATUS_COLLECTED = N_("collected (not graded)")
STATUS_NOT_SUBMITTED = N_("not submitted")
STATUS_MISSING = N_("grade missing from the gradebook")


def question_order(ws: ClassFolder, module: str) -> list[tuple[str, str, str, float]]:
    """(notebook, grade id, kind, points) of every graded cell, in notebook order.

    ``kind`` is ``"auto"`` for autograder tests and ``"manual"`` for answers graded by hand;
    points come from the module's source notebook, so that they are known without a gradebook.
    """
    out: list[tuple[str, str, str, float]] = []
    for name in ws.notebook_names(module):
        src = ws.path("source", module, f"{name}.ipynb")
        nb = read_nb(src if src.is_file() else ws.path("release", module, f"{name}.ipynb"))
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader", {})
            if meta.get("grade") and meta.get("grade_id"):
                out.append((name, meta["grade_id"], "manual" if meta.get("solution") else "auto",
                            float(meta.get("points", 0) or 0)))
    return out


def grades(ws: ClassFolder, module: str | None = None) -> pd.DataFrame:
    """The grades table: one row per student and module, one column per question.

    Columns: student_id, first_name, last_name, module, status (graded, needs manual
    grading, collected (not graded), not submitted, grade missing from the gradebook), score,
    max_score, then each question's score (by its nbgrader grade id).
    """
    import pandas as pd
    from nbgrader.api import MissingEntry

    ws.require_gradebook()
    modules = [ws.module(module)] if module else [
        m for m in ws.modules() if ws.path("release", m).is_dir()]
    rows: list[dict[str, Any]] = []
    students = ws.students()
    columns = list(GRADES_COLUMNS)
    with ws.gradebook() as gb:
        for mod in modules:
            order = [gid for _nb, gid, _kind, _pts in question_order(ws, mod)]
            columns += [g for g in order if g not in columns]
            submitted = set(ws.submitted_students(mod))
            for s in students:
                row: dict[str, Any] = {
                    "student_id": s.student_id, "first_name": s.first_name,
                    "last_name": s.last_name, "module": mod, "status": STATUS_NOT_SUBMITTED,
                    "score": None, "max_score": None}
                row.update(dict.fromkeys(order))
                graded = ws.path("autograded", s.student_id, mod).is_dir()
                try:
                    sub = gb.find_submission(mod, s.student_id) if graded else None
                except MissingEntry:
                    sub = None
                    row["status"] = STATUS_MISSING
                if sub is not None:
                    row["max_score"] = float(sub.max_score)
                    row["score"] = float(sub.score)
                    manual = False
                    for nb in sub.notebooks:
                        for g in nb.grades:
                            manual |= bool(g.needs_manual_grade)
                            row[g.name] = None if g.needs_manual_grade else \
                                (None if g.score is None else float(g.score))
                    row["status"] = STATUS_MANUAL if manual else STATUS_GRADED
                elif s.student_id in submitted and not graded:
                    row["status"] = STATUS_COLLECTED
                rows.append(row)
    return pd.DataFrame(rows, columns=columns)


def question_summary(ws: ClassFolder, module: str | None = None, *,
                     threshold: float = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """Per question: points, how many were graded, mean share of points, full marks.

    An autograded question is flagged ``found_hard`` when the mean share of its points is
    below ``threshold`` (manually graded answers are not flagged: a 0 there usually means
    "not answered yet"). Only graded submissions count, and manually graded answers only
    once they are graded.
    """
    import pandas as pd

    table_ = grades(ws, module)
    modules = [ws.module(module)] if module else sorted(set(table_["module"]))
    rows: list[dict[str, Any]] = []
    for mod in modules:
        part = table_[(table_["module"] == mod)
                      & table_["status"].isin([STATUS_GRADED, STATUS_MANUAL])]
        for _nb, gid, kind, points in question_order(ws, mod):
            scores = pd.to_numeric(part[gid], errors="coerce").dropna() \
                if gid in part else pd.Series(dtype=float)
            n = int(scores.size)
            share = float(scores.mean() / points) if n and points else None
            rows.append({
                "module": mod, "question": gid, "kind": kind, "points": points, "graded": n,
                "mean_score": round(float(scores.mean()), 3) if n else None,
                "mean_share": None if share is None else round(share, 3),
                "full_marks": int((scores >= points).sum()) if n else 0,
                "found_hard": bool(kind == "auto" and share is not None and share < threshold),
            })
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)


#: CSV styles: ``excel-nl`` is how Dutch Excel opens a file by double-click (semicolons,
#: decimal commas, a byte-order mark so that accents survive); ``plain`` is comma-separated
#: UTF-8 with decimal points, for scripts and other tools.
CSV_STYLES = ("excel-nl", "plain")


def write_csv(table: pd.DataFrame, path: Path, style: str = "plain") -> Path:
    r"""Write ``table`` as CSV in one of :data:`CSV_STYLES`.

    Examples
    --------
    >>> import pandas as pd, tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = write_csv(pd.DataFrame({"naam": ["Één"], "score": [0.5]}), out, "excel-nl")
    >>> out.read_bytes()[:3] == b"\xef\xbb\xbf" and "0,5" in out.read_text("utf-8-sig")
    True
    """
    if style not in CSV_STYLES:
        raise ValueError(_("The CSV style must be one of {styles}, not {style!r}.").format(
            styles=", ".join(CSV_STYLES), style=style))
    if style == "excel-nl":
        table.to_csv(path, index=False, sep=";", decimal=",", encoding="utf-8-sig")
    else:
        table.to_csv(path, index=False)
    return path


def default_csv_style(ws: ClassFolder) -> str:
    """Dutch Excel's style for a Dutch class, plain CSV otherwise."""
    return "excel-nl" if ws.language == "nl" else "plain"


def export(ws: ClassFolder, module: str | None = None, *, threshold: float = DEFAULT_THRESHOLD,
           out_dir: str | Path | None = None, style: str | None = None) -> tuple[Path, Path]:
    """Write the grades table and the per-question summary as CSV files.

    ``style`` is one of :data:`CSV_STYLES`; by default Dutch Excel's (``;``, decimal comma,
    byte-order mark) for a class whose language is Dutch, plain CSV otherwise.

    Returns
    -------
    tuple of Path
        (grades CSV, questions CSV) in ``exports/`` (``grades.csv`` and ``questions.csv``,
        or ``grades_MODULE.csv`` and ``questions_MODULE.csv`` for one module).
    """
    mod = ws.module(module) if module else None
    if mod:
        ws.notebook_names(mod)
    grades_ = grades(ws, mod)
    summary = question_summary(ws, mod, threshold=threshold)
    out = Path(out_dir) if out_dir else ws.path("exports")
    out.mkdir(parents=True, exist_ok=True)
    suffix = f"_{mod}" if mod else ""
    grades_csv, summary_csv = out / f"grades{suffix}.csv", out / f"questions{suffix}.csv"
    style = style or default_csv_style(ws)
    write_csv(grades_, grades_csv, style)
    write_csv(summary, summary_csv, style)
    return grades_csv, summary_csv


def status(ws: ClassFolder) -> pd.DataFrame:
    """Per student and module: submitted, graded (score), feedback written."""
    import pandas as pd

    ws.require_gradebook()
    data: dict[str, dict[str, str]] = {}
    students = [s.student_id for s in ws.students()]
    for mod in ws.modules():
        released = ws.path("release", mod).is_dir()
        graded = ws.ledger("graded", mod)
        col: dict[str, str] = {}
        for sid in students:
            if not released:
                col[sid] = _("not released")
            elif not ws.path("submitted", sid, mod).is_dir():
                col[sid] = "-"
            elif not ws.path("autograded", sid, mod).is_dir():
                col[sid] = _("submitted")
            else:
                g = graded.get(sid, {})
                text = _("graded {score}/{max}").format(
                    score=fmt_score(g.get("score")), max=fmt_score(g.get("max_score"))) \
                    if g else _("graded")
                if g and g.get("sha256") != ws.submission_hash(mod, sid):
                    text += " " + _("(newer collected)")
                if all(p.is_file() for p in ws.pages(mod, sid)):
                    text += ", " + _("feedback")
                col[sid] = text
        data[mod] = col
    return pd.DataFrame(data, index=pd.Index(students, name="student_id"))


def table(frame: pd.DataFrame) -> str:
    """A table as plain text for the terminal."""
    if frame.empty:
        return _("(nothing yet)")
    shown = frame.copy()
    for col in shown.columns:
        if shown[col].dtype == object or str(shown[col].dtype).startswith(("float", "Float")):
            shown[col] = [("" if v is None or (isinstance(v, float) and v != v) else
                           (f"{v:g}" if isinstance(v, float) else str(v))) for v in shown[col]]
    return shown.to_string(index=False)


def print_export(ws: ClassFolder, module: str | None, threshold: float,
                 echo: Callable[[str], None], style: str | None = None) -> tuple[Path, Path]:
    """Export, then print both tables and where they were written."""
    grades_csv, summary_csv = export(ws, module, threshold=threshold, style=style)
    grades_ = grades(ws, module)
    summary = question_summary(ws, module, threshold=threshold)
    cols = [c for c in grades_.columns if c not in {"first_name", "last_name"}]
    shown = grades_[cols].copy()
    shown["status"] = [_(v) for v in shown["status"]]
    echo(table(shown))
    echo("")
    echo(_("Per question (found hard: mean share of points below {threshold}):").format(
        threshold=f"{threshold:g}"))
    shown = summary.copy()
    shown["found_hard"] = [_("FOUND HARD") if v else "" for v in shown["found_hard"]]
    echo(table(shown))
    echo("")
    echo(_("Written: {grades}").format(grades=grades_csv) + "\n         " + str(summary_csv))
    return grades_csv, summary_csv
