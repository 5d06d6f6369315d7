"""The course map: the three HR roles (rows) against the six Social HRM areas (columns).

Examples
--------
>>> cmap = course_map()
>>> cmap.frame.loc["business_partner", "internal_communication"][:1]
['m01']
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

from socialhrm.course.catalogue import Catalogue, Module, load_catalogue, shown
from socialhrm.i18n import _

__all__ = ["CourseMap", "course_map"]

_CSS = {
    "table": "border-collapse:collapse;font-size:13px;",
    "th": "border:1px solid #ccc;padding:6px;background:#f3f3f3;text-align:left;"
          "vertical-align:top;",
    "td": "border:1px solid #ccc;padding:6px;vertical-align:top;min-width:110px;",
    "available": "display:block;margin:2px 0;padding:2px 4px;border-radius:3px;"
                 "background:#d9f2d9;color:#135213;font-weight:bold;",
    "planned": "display:block;margin:2px 0;padding:2px 4px;color:#888;font-style:italic;",
}


def module_label(m: Module) -> str:
    """``"m01 Your organisation as a network"``, the title in the reader's language."""
    return f"{m.id} {shown(m.title)}"


@dataclass
class CourseMap:
    """The course map: HR roles (rows) against Social HRM areas (columns).

    Shows itself as a coloured table in a notebook (available modules green and bold, modules
    still to come grey and in italics) and as plain text with ``print``; labels and titles in
    the reader's language.

    Attributes
    ----------
    frame
        A DataFrame, roles x areas, each cell a list of module ids.
    catalogue
        The catalogue it was made from.
    """

    frame: pd.DataFrame
    catalogue: Catalogue

    def _item_html(self, m: Module) -> str:
        tip = html.escape(_("{title} — about {minutes} min").format(title=shown(m.title),
                                                                     minutes=m.minutes))
        label = html.escape(module_label(m))
        if m.available:
            return (f"<span class='shrm-available' title='{tip}' style='{_CSS['available']}'>"
                    f"&#10003; {label}</span>")
        return (f"<span class='shrm-planned' title='{tip}' style='{_CSS['planned']}'>"
                + html.escape(_("{module} (coming)")).replace("{module}", label) + "</span>")

    def _repr_html_(self) -> str:
        cat = self.catalogue
        head = "".join(f"<th style='{_CSS['th']}'>{html.escape(shown(a.label))}</th>"
                       for a in cat.areas.values())
        rows = []
        for rid, role in cat.roles.items():
            cells = []
            for aid in cat.areas:
                items = [self._item_html(cat.module(mid)) for mid in self.frame.loc[rid, aid]]
                cells.append(f"<td style='{_CSS['td']}'>{''.join(items)}</td>")
            rows.append(f"<tr><th style='{_CSS['th']}' "
                        f"title='{html.escape(shown(role.description))}'>"
                        f"{html.escape(shown(role.label))}</th>{''.join(cells)}</tr>")
        legend = (f"<p style='font-size:12px'><span style='{_CSS['available']};display:inline'>"
                  f"&#10003; {html.escape(_('available'))}</span> &nbsp; <span style='"
                  f"{_CSS['planned']};display:inline'>{html.escape(_('(coming)'))}</span> "
                  + html.escape(_("still to come. Each module's lesson is in notebooks/; your "
                                  "own copy of its exercise is in my_exercises/.")) + "</p>")
        corner = html.escape(_("role \\ area"))
        return (f"<table class='shrm-course-map' style='{_CSS['table']}'><tr>"
                f"<th style='{_CSS['th']}'>{corner}</th>{head}</tr>{''.join(rows)}</table>"
                f"{legend}")

    def to_text(self) -> str:
        """The map as plain text: per role, per area, the modules (``[x]`` = available)."""
        cat = self.catalogue
        lines = [_("{course}: course map ([x] available, [ ] still to come)").format(
            course=shown(cat.course))]
        for rid, role in cat.roles.items():
            lines += ["", shown(role.label)]
            for aid, area in cat.areas.items():
                mods = [cat.module(mid) for mid in self.frame.loc[rid, aid]]
                cell = "; ".join(f"[{'x' if m.available else ' '}] {module_label(m)}"
                                 for m in mods) or "-"
                lines.append(f"  {shown(area.label) + ':':<34}{cell}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.to_text()


def course_map(catalogue: Catalogue | None = None) -> CourseMap:
    """The course map: the three HR roles against the six Social HRM areas.

    Parameters
    ----------
    catalogue
        By default the course's own (:func:`~socialhrm.course.catalogue.load_catalogue`).

    Returns
    -------
    CourseMap
        Displays as a table in a notebook; ``print(...)`` gives plain text; ``.frame`` is a
        DataFrame of module ids per role and area.

    Examples
    --------
    >>> cmap = course_map()
    >>> "m01" in cmap.frame.loc["business_partner", "knowledge_sharing"]
    True
    >>> print(cmap)  # doctest: +SKIP
    """
    cat = catalogue or load_catalogue()
    frame = pd.DataFrame([[[m.id for m in cat.modules if m.role == r and a in m.areas]
                           for a in cat.areas] for r in cat.roles],
                         index=pd.Index(list(cat.roles), name="role"),
                         columns=pd.Index(list(cat.areas), name="area"), dtype=object)
    return CourseMap(frame=frame, catalogue=cat)
