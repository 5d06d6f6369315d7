"""The network explorer's panels as HTML: one small function per panel, every value escaped.

Each function takes library results (tables, series) and returns the HTML an
``ipywidgets.HTML`` shows. Every value that comes from data - group names, names, ids,
file names - goes through :func:`esc` here, so that a department called
``<img src=x onerror=...>`` is shown as text and never runs. Group figures arrive already
through the privacy gate (:mod:`socialhrm.privacy`).

Examples
--------
>>> esc("<img src=x onerror=alert(1)>")
'&lt;img src=x onerror=alert(1)&gt;'
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from socialhrm.i18n import _
from socialhrm.roles import ROLE_EXPLANATIONS, ROLE_NAMES, ROLES

__all__ = ["esc", "heatmap_html", "legend_html", "message_html", "person_html", "roles_html",
           "summary_html"]


def esc(value: Any) -> str:
    """HTML-escape any value for a widget that renders HTML (quotes too).

    Examples
    --------
    >>> esc("R&D 'x'")
    'R&amp;D &#x27;x&#x27;'
    """
    return html.escape(str(value), quote=True)


def message_html(kind: str, text: str) -> str:
    """An error (``kind="error"``) or a confirmation, escaped.

    Examples
    --------
    >>> message_html("error", "<b>")
    "<div class='shrm-error'>&lt;b&gt;</div>"
    """
    if not text:
        return ""
    css = "shrm-error" if kind == "error" else "shrm-ok"
    return f"<div class='{css}'>{esc(text)}</div>"


def summary_html(source: str, relation: str, when: str, s: Mapping[str, Any]) -> str:
    """The tiles above the drawing: people, ties, density, reciprocity, largest group."""
    recip = f"{s['reciprocity']:.0%}" if "reciprocity" in s else "-"
    largest = s.get("largest_weak", s.get("largest_component", 0))
    tiles = [
        (_("people"), f"{s['nodes']:,}"),
        (_("ties"), f"{s['edges']:,}"),
        (_("density"), f"{s['density']:.1%}"),
        (_("ties returned"), recip),
        (_("in the largest connected group"), f"{largest / max(s['nodes'], 1):.0%}"),
    ]
    body = "".join(f"<div class='shrm-tile'><b>{esc(v)}</b>"
                   f"<span class='shrm-muted'>{esc(k)}</span></div>" for k, v in tiles)
    return (f"<div class='shrm-muted' style='margin:2px 0 4px 0'>"
            f"{esc(source)}: {esc(relation)}{esc(when)}</div>"
            f"<div class='shrm-tiles'>{body}</div>")


def person_html(label: str | None, rows: Sequence[tuple[str, Any]] = (),
                role: str = "", roles: str = "") -> str:
    """A person's card (``label=None``: the invitation to click someone)."""
    if label is None:
        title = _("A person's key figures")
        hint = _("Click a person in the drawing (or find them with its search box) to see "
                 "their ties, their role in the network and what it means for HR.")
        return (f"<div class='shrm-card'><h3>{esc(title)}</h3>"
                f"<div class='shrm-muted'>{esc(hint)}</div></div>")
    table = "".join(f"<tr><td>{esc(k)}</td><td class='num'>{esc(v)}</td></tr>"
                    for k, v in rows)
    shown = "; ".join(_(ROLE_NAMES[r]) for r in roles.split("; ") if r) if roles else ""
    shown = shown or _("no stand-out role")
    caption = _("Role:")
    meaning = _(ROLE_EXPLANATIONS[role]) if role in ROLE_EXPLANATIONS else ""
    return (f"<div class='shrm-card'><h3>{esc(label)}</h3>"
            f"<div><b>{esc(caption)}</b> {esc(shown)}</div>"
            f"<div class='shrm-muted' style='margin:4px 0 8px 0'>{esc(meaning)}</div>"
            f"<table class='shrm-t'>{table}</table></div>")


def roles_html(roles: pd.DataFrame, labels: Mapping[str, str], by: str,
               per_role: int = 6) -> str:
    """The people in each network role, a few per role, with what the role means."""
    parts = []
    for role in ROLES:
        who = roles[roles["role"] == role]
        if who.empty:
            continue
        name = _(ROLE_NAMES[role])
        parts.append(
            f"<tr class='shrm-role'><td colspan='5'><b>{esc(name[:1].upper() + name[1:])}</b> "
            f"({len(who)}) - <span class='shrm-muted'>{esc(_(ROLE_EXPLANATIONS[role]))}"
            f"</span></td></tr>")
        for pid, r in who.head(per_role).iterrows():
            parts.append(
                f"<tr><td>{esc(labels.get(str(pid), pid))}</td><td>{esc(r['group'])}</td>"
                f"<td class='num'>{int(r['ties_in'])}</td>"
                f"<td class='num'>{int(r['contacts'])}</td>"
                f"<td class='num'>{int(r['other_groups'])}</td></tr>")
        if len(who) > per_role:
            more = _("... and {n} more").format(n=len(who) - per_role)
            parts.append(f"<tr><td colspan='5' class='shrm-muted'>{esc(more)}</td></tr>")
    head = "".join(f"<th>{esc(t)}</th>" for t in (
        _("Person"), by.capitalize(), _("Turn to them"), _("In touch"), _("Other groups")))
    title = _("Network roles (Cross & Parker)")
    hint = _("The top 10% per role in this network. Roles describe positions in the network, "
             "not performance: use them to start a conversation, never to rank people.")
    return (f"<div class='shrm-card'><h3>{esc(title)}</h3>"
            f"<div class='shrm-muted'>{esc(hint)}</div>"
            f"<table class='shrm-t'><tr>{head}</tr>{''.join(parts)}</table></div>")


def heatmap_html(m: pd.DataFrame, by: str, value: str, palette: Mapping[str, str],
                 directed: bool) -> str:
    """The group-by-group tie matrix as a heat map (small groups already merged)."""
    finite = m.to_numpy(dtype=float)
    top = np.nanmax(finite) if np.isfinite(finite).any() else 1.0
    top = top if top > 0 else 1.0
    cols = "".join(f"<th class='col'>{esc(c)}</th>" for c in m.columns)
    rows = []
    for g, row in m.iterrows():
        dot = f"<span class='shrm-dot' style='background:{palette.get(g, '#999')}'></span>"
        cells = []
        for x in row:
            t = float(x) / top
            bg = f"rgba(0,114,178,{0.06 + 0.9 * max(t, 0) ** 0.6:.2f})"
            fg = "#fff" if t > 0.45 else "#102a43"
            text = f"{x:.0%}" if value == "density" else f"{x:,.0f}"
            cells.append(f"<td style='background:{bg};color:{fg}'>{text}</td>")
        rows.append(f"<tr><th>{dot}{esc(g)}</th>{''.join(cells)}</tr>")
    minimum = m.attrs["min_group_size"]
    other = m.attrs.get("other")
    if other:
        note = _("Groups of fewer than {n} people are merged into '{other}' ({k} people), "
                 "so that no figure singles them out.").format(
                     n=minimum, other=other, k=m.attrs["group_sizes"].get(other, 0))
    else:
        note = _("No group is smaller than {n} people.").format(n=minimum)
    direction = (_("Rows: who reaches out; columns: to whom.") if directed
                 else _("Ties between the groups."))
    what = _("ties") if value == "ties" else _("share of all possible ties")
    silo = _("A strong diagonal with pale cells elsewhere means silos.")
    return (f"<div class='shrm-card'><h3>{esc(by.capitalize())} x {esc(by)}: {esc(what)}</h3>"
            f"<div class='shrm-muted'>{esc(direction)} {esc(silo)} {esc(note)}</div>"
            f"<table class='shrm-heat'><tr><th></th>{cols}</tr>{''.join(rows)}</table></div>")


def legend_html(by: str, palette: Mapping[str, str], sizes: Mapping[str, int]) -> str:
    """The colours of the drawing, one line per (merged) group with its size."""
    items = "".join(
        f"<div><span class='shrm-dot' style='background:{palette.get(g, '#999')}'></span>"
        f"{esc(g)} <span class='shrm-muted'>({int(n)})</span></div>"
        for g, n in sizes.items())
    title = _("Colour: {by}").format(by=by)
    hint = _("Bigger dot = more colleagues turn to this person. Lines: who turns to whom. "
             "Use the search box on the drawing to find someone.")
    return (f"<div class='shrm-card'><h3>{esc(title)}</h3>"
            f"<div style='columns:2;font-size:12.5px'>{items}</div>"
            f"<div class='shrm-muted' style='margin-top:6px'>{esc(hint)}</div></div>")
