"""The business case on one page: an HTML summary a board can read, every assumption stated.

Examples
--------
>>> from socialhrm.business_case import business_case
>>> page = summary_html(business_case(runs=500))
>>> page.startswith("<!DOCTYPE html>")
True
"""

from __future__ import annotations

import html as _html
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from socialhrm.i18n import _

if TYPE_CHECKING:  # pragma: no cover
    from socialhrm.business_case import BusinessCaseResult

__all__ = ["summary_html"]


def _num(x: float) -> str:
    return f"{x:,.0f}" if abs(x) >= 1000 else f"{x:.4g}"


def _eur(x: float) -> str:
    if x is None or (isinstance(x, float) and np.isnan(x)):
        return "–"
    if np.isinf(x):
        return _("later")
    return f"{x:,.0f}"


def summary_html(result: BusinessCaseResult, tornado: pd.DataFrame | None = None, *,
                 title: str | None = None, readiness: pd.DataFrame | None = None) -> str:
    """A one-page summary for a board (HTML): the answer, the drivers and every assumption.

    Every value that came from a table is HTML-escaped, so a user's own assumptions file
    cannot inject markup.

    Parameters
    ----------
    result
        What :func:`business_case` or :func:`summarise` returned.
    tornado
        Optionally what :func:`sensitivity` returned (the five largest swings are listed).
    title
        The page title (default: "Business case").
    readiness
        Optionally scores from :func:`socialhrm.readiness.readiness_scores` (already merged
        for privacy), shown as a table per group.

    Returns
    -------
    str
        A complete HTML page (print it on one A4 page from the browser).

    Examples
    --------
    >>> from socialhrm.business_case import business_case
    >>> page = summary_html(business_case(runs=500))
    >>> page.startswith("<!DOCTYPE html>") and "extra_referral_share" in page
    True
    """
    esc = _html.escape
    T = {
        "The figures": esc(_("The figures")),
        "low": esc(_("low")),
        "median": esc(_("median")),
        "high": esc(_("high")),
        "What moves the answer most": esc(_("What moves the answer most")),
        "Every assumption": esc(_("Every assumption")),
        "likely": esc(_("likely")),
        "unit": esc(_("unit")),
        "source": esc(_("source")),
        "Readiness (1-5)": esc(_("Readiness (1-5)")),
    }
    s = result.summary
    name = esc(title or _("Business case"))
    net, pay = s.loc["net_return"], s.loc["payback_months"]
    level = f"{result.interval:.0%}"
    lead = _("Net return over {years} years: most likely {median} euros; in {level} of the "
             "scenarios between {low} and {high} euros. Chance that it pays: {chance:.0%}. "
             "Payback (median): {payback} months.").format(
                 years=result.years, median=_eur(net["median"]), level=level,
                 low=_eur(net["low"]), high=_eur(net["high"]), chance=result.chance_positive,
                 payback=_eur(pay["median"]))
    head = f"<p class='lead'>{esc(lead)}</p>"
    fig_rows = "".join(
        f"<tr><td>{esc(str(r.label))}</td><td class='n'>{_eur(r.low)}</td>"
        f"<td class='n'>{_eur(r.median)}</td><td class='n'>{_eur(r.high)}</td>"
        f"<td>{esc(str(r.unit))}</td></tr>"
        for r in s.drop(index=["roi"]).itertuples())
    figures = (f"<h2>{T['The figures']}</h2><table><tr><th></th><th>{T['low']}</th>"
               f"<th>{T['median']}</th><th>{T['high']}</th><th></th></tr>"
               f"{fig_rows}</table>")
    drivers = ""
    if tornado is not None and len(tornado):
        span = _("from {a} to {b} euros")
        items = "".join(
            f"<li>{esc(str(r.label))} ({esc(str(r.Index))}): "
            f"{esc(span.format(a=_eur(r.at_low), b=_eur(r.at_high)))}"
            "</li>" for r in tornado.head(5).itertuples())
        drivers = f"<h2>{T['What moves the answer most']}</h2><ol>{items}</ol>"
    a_rows = "".join(
        f"<tr><td>{esc(_(str(r.label)))}<br><code>{esc(str(r.assumption))}</code></td>"
        f"<td class='n'>{_num(r.low)}</td><td class='n'>{_num(r.likely)}</td>"
        f"<td class='n'>{_num(r.high)}</td><td>{esc(_(str(r.unit)))}</td>"
        f"<td class='src'>{esc(_(str(r.source)))}</td></tr>"
        for r in result.assumptions.itertuples())
    assumptions = (f"<h2>{T['Every assumption']}</h2><table class='a'><tr><th></th>"
                   f"<th>{T['low']}</th><th>{T['likely']}</th>"
                   f"<th>{T['high']}</th><th>{T['unit']}</th>"
                   f"<th>{T['source']}</th></tr>{a_rows}</table>")
    ready = ""
    if readiness is not None and len(readiness):
        wide = readiness.pivot(index="group", columns="label", values="score")
        cols = "".join(f"<th>{esc(str(c))}</th>" for c in wide.columns)
        rows = "".join(
            f"<tr><td>{esc(str(g))}</td>" + "".join(
                f"<td class='n'>{v:.1f}</td>" if pd.notna(v) else "<td>–</td>" for v in r)
            + "</tr>" for g, r in wide.iterrows())
        merged = readiness.attrs.get("merged") or []
        note = esc(_("Groups with fewer than {n} respondents are merged.").format(
            n=readiness.attrs.get("min_group_size", 5)))
        ready = (f"<h2>{T['Readiness (1-5)']}</h2><table><tr><th></th>{cols}</tr>{rows}"
                 f"</table><p class='m'>{note}"
                 f"{' (' + esc(', '.join(map(str, merged))) + ')' if merged else ''}</p>")
    method = esc(_("Method: every assumption drawn {runs:,} times from a triangular "
                   "distribution between its low and high value, peaking at its likely value "
                   "(seed {seed}); the figures are the median and the central {level} of the "
                   "runs. Scenario: {scenario}. Made with Social HRM Lab.").format(
                       runs=len(result.runs), seed=result.seed, level=level,
                       scenario=result.scenario))
    style = ("body{font-family:sans-serif;font-size:10.5px;max-width:190mm;margin:8mm auto;"
             "color:#1f2933}h1{font-size:17px;margin:0 0 4px}h2{font-size:12.5px;margin:10px 0 "
             "3px}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;"
             "padding:1px 4px;text-align:left;vertical-align:top}td.n{text-align:right;"
             "white-space:nowrap}td.src{color:#52606d;font-size:9.5px}.lead{font-size:12.5px;"
             "background:#f0f4f8;padding:6px 8px;border-radius:4px}.m{color:#52606d}"
             "@page{size:A4;margin:8mm}")
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{name}</title>"
            f"<style>{style}</style></head><body class='socialhrm-business-case'>"
            f"<h1>{name}</h1>{head}{figures}{drivers}{ready}{assumptions}"
            f"<p class='m'>{method}</p></body></html>")
