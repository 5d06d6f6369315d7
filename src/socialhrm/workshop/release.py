"""Release: the student version of a module, a handout folder and zip, the exchange."""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Iterable
from pathlib import Path

from socialhrm.i18n import _
from socialhrm.nbgrading import display_path, log_reason
from socialhrm.workshop.common import WorkshopError
from socialhrm.workshop.state import ClassFolder

__all__ = ["release"]


def _up_to_date(src: Path, rel: Path) -> bool:
    newest_src = max((p.stat().st_mtime for p in src.rglob("*") if p.is_file()), default=0)
    rel_nbs = list(rel.glob("*.ipynb")) if rel.is_dir() else []
    return bool(rel_nbs) and min(p.stat().st_mtime for p in rel_nbs) >= newest_src


def _handout(ws: ClassFolder, module: str, make_zip: bool) -> Path:
    rel = ws.path("release", module)
    handout = ws.path("handout", module)
    if handout.exists():
        shutil.rmtree(handout)
    shutil.copytree(rel, handout, ignore=shutil.ignore_patterns(".*", "__pycache__"))
    archive = ws.path("handout", f"{module}.zip")
    if make_zip:
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
            for p in sorted(handout.rglob("*")):
                if p.is_file():
                    zf.write(p, Path(module) / p.relative_to(handout))
        ws.echo(_("  {module}: hand out {archive} (or the folder {folder}/)").format(
            module=module, archive=display_path(archive), folder=display_path(handout)))
    else:
        archive.unlink(missing_ok=True)  # never stale
        ws.echo(_("  {module}: hand out the folder {folder}/").format(
            module=module, folder=display_path(handout)))
    return handout


def release(ws: ClassFolder, modules: Iterable[str] | None = None, *, make_zip: bool = True,
            force: bool = False, exchange: bool = False) -> dict[str, Path]:
    """Make the student version of modules and a handout folder (and zip) for each.

    Parameters
    ----------
    ws
        The class.
    modules
        Module names or unique prefixes; all of the class's modules when None.
    make_zip
        Also write ``handout/MODULE.zip``.
    force
        Generate again even when the student version is up to date.
    exchange
        Also publish to nbgrader's exchange (for the JupyterHub Assignments panel).

    Returns
    -------
    dict
        module -> handout folder.
    """
    names = [ws.module(m) for m in modules] if modules else ws.modules()
    if not names:
        raise WorkshopError(_("this class has no modules in {folder}").format(
            folder=ws.path("source")))
    api = None
    out: dict[str, Path] = {}
    for module in names:
        up_to_date = _up_to_date(ws.path("source", module), ws.path("release", module))
        if up_to_date and not force:
            ws.echo(_("  {module}: already released and up to date").format(module=module))
        else:
            api = api or ws.api()
            ws.echo(_("  {module}: generating the student version ...").format(module=module))
            result = api.generate_assignment(module, force=True, create=True)
            if not result["success"]:
                raise WorkshopError(_("nbgrader could not make the student version of "
                                      "{module}: {reason}").format(module=module,
                                                                   reason=log_reason(result)))
        out[module] = _handout(ws, module, make_zip)
        published = ws.path("exchange", ws.course_id, "outbound", module)
        if exchange and published.is_dir() and not (force or not up_to_date):
            ws.echo(_("  {module}: already published to the exchange").format(module=module))
        elif exchange:
            api = ws.api(ExchangeReleaseAssignment__force=True)
            result = api.release_assignment(module)
            if not result or not result["success"]:
                raise WorkshopError(_("could not publish {module} to the exchange {folder}: "
                                      "{reason}").format(module=module,
                                                         folder=ws.path("exchange"),
                                                         reason=log_reason(result or {})))
            ws.echo(_("  {module}: published to the exchange (JupyterHub Assignments "
                      "panel)").format(module=module))
    nb = ws.notebook_names(names[0])
    ws.echo(_("Ask students to return their notebook named <student_id>_{nb}.ipynb (e.g. "
              "{example}_{nb}.ipynb), or in a folder named by their id.").format(
        nb=nb[0], example=ws.example_id()))
    return out
