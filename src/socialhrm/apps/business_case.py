"""The business-case dashboard: for an HR director preparing a board proposal.

Sliders for the ranges of the assumptions that matter most, the horizon and the scenario; the
distribution of the net return and the payback time; the tornado chart; a readiness radar per
department (small groups merged by the privacy gate); and a one-page summary to download that
states every assumption. Upload your own assumptions table (CSV) to replace Noordhaven's.

All analysis is the library's (:mod:`socialhrm.business_case`, :mod:`socialhrm.readiness`);
the random draws are made once (common random numbers, see
:func:`socialhrm.business_case.draw_assumptions`), so a slider change only re-evaluates the
model: a few milliseconds.

>>> from socialhrm.apps.business_case import BusinessCaseApp
>>> app = BusinessCaseApp()        # doctest: +SKIP
>>> app.widget                     # doctest: +SKIP
"""

from __future__ import annotations

import base64
import html
import math
import tempfile
from pathlib import Path
from typing import Any

import ipywidgets as w
import numpy as np
import pandas as pd

from socialhrm.business_case import (
    ASSUMPTIONS,
    SCENARIOS,
    draw_assumptions,
    noordhaven_assumptions,
    read_assumptions,
    resolve_assumptions,
    sensitivity,
    summarise,
    summary_html,
)
from socialhrm.data import DataError
from socialhrm.i18n import N_, _
from socialhrm.privacy import floor, resolve_min_group_size
from socialhrm.readiness import PRECONDITIONS, readiness_scores

__all__ = ["BusinessCaseApp"]

#: The assumptions that get a range slider (the rest are in the table and the upload).
SLIDERS = ("turnover_reduction", "absence_reduction", "extra_referral_share",
           "ambassador_hours_per_week", "ramp_up_months", "year_one_effect",
           "platform_cost_per_year", "coordination_cost_per_year")
SCENARIO_LABELS = {"referral_programme": N_("the whole programme"),
                   "no_culture_effect": N_("without lower turnover"),
                   "recruitment_only": N_("recruitment and retention of new hires only")}
RUNS = 4000
MAX_UPLOAD_MB = 5

CSS = """
<style>
.shrm-bc { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  color: #1f2933; max-width: 1400px; }
.shrm-bc .widget-hbox { column-gap: 14px; }
.shrm-bc .shrm-card { background: #fff; border: 1px solid #e3e8ee; border-radius: 8px;
  padding: 10px 14px; }
.shrm-bc h3 { margin: 2px 0 6px 0; font-size: 15px; color: #102a43; }
.shrm-bc .shrm-muted { color: #627d98; font-size: 12.5px; line-height: 1.35; }
.shrm-bc .shrm-tiles { display: flex; gap: 10px; flex-wrap: wrap; }
.shrm-bc .shrm-tile { background: #f0f4f8; border-radius: 8px; padding: 6px 12px;
  min-width: 150px; }
.shrm-bc .shrm-tile b { font-size: 19px; display: block; color: #102a43; }
.shrm-bc table.shrm-t { border-collapse: collapse; font-size: 12px; width: 100%; }
.shrm-bc table.shrm-t th, .shrm-bc table.shrm-t td { padding: 2px 6px;
  border-bottom: 1px solid #eef2f6; text-align: left; vertical-align: top; }
.shrm-bc table.shrm-t td.num { text-align: right; font-variant-numeric: tabular-nums; }
.shrm-bc .shrm-error { background: #fff5f5; border: 1px solid #f5c2c7; color: #842029;
  border-radius: 8px; padding: 8px 12px; white-space: pre-wrap; font-size: 13px; }
.shrm-bc .shrm-ok { background: #f0fff4; border: 1px solid #b7e4c7; color: #1b4332;
  border-radius: 8px; padding: 6px 12px; font-size: 13px; }
.shrm-bc a.shrm-bc-download { display: inline-block; background: #0072B2; color: #fff;
  padding: 6px 12px; border-radius: 6px; text-decoration: none; font-size: 13px; }
.shrm-bc .widget-label { min-width: 230px; }
</style>
"""

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#8C564B",
           "#7F7F7F", "#BCBD22", "#17BECF")


def _eur(x: float) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    if math.isinf(x):
        return _("later")
    return f"−€{-x:,.0f}" if x < 0 else f"€{x:,.0f}"


def _num(x: float) -> str:
    return f"{x:,.0f}" if abs(x) >= 1000 else f"{x:.4g}"


def _step(lo: float, hi: float) -> float:
    span = max(hi - lo, abs(hi), 1e-9)
    return float(10 ** math.floor(math.log10(span / 100)))


# --------------------------------------------------------------------------------------------
# panels: one small function each, returning HTML (escaped) for one widget
# --------------------------------------------------------------------------------------------
def headline_html(result: Any) -> str:
    """The four tiles: median net return, its interval, the chance it pays, the payback."""
    s = result.summary
    net, pay = s.loc["net_return"], s.loc["payback_months"]
    tiles = [
        (_("net return, {years} years (median)").format(years=result.years), _eur(net["median"])),
        (_("{level} of the scenarios").format(level=f"{result.interval:.0%}"),
         f"{_eur(net['low'])} … {_eur(net['high'])}"),
        (_("chance that it pays"), f"{result.chance_positive:.0%}"),
        (_("payback (median)"), _("{m} months").format(m=f"{pay['median']:.0f}")
         if math.isfinite(pay["median"]) else _("not within {years} years").format(
             years=result.years)),
    ]
    body = "".join(f"<div class='shrm-tile'><span class='shrm-muted'>{html.escape(k)}</span>"
                   f"<b>{html.escape(v)}</b></div>" for k, v in tiles)
    return f"<div class='shrm-tiles shrm-bc-headline'>{body}</div>"


def distribution_svg(result: Any, width: int = 620, height: int = 210) -> str:
    """A histogram of the net return of every run, zero and the interval marked (SVG)."""
    x = result.runs["net_return"].to_numpy() / 1000
    lo, hi = float(np.min(x)), float(np.max(x))
    if hi - lo < 1e-9:
        lo, hi = lo - 1, hi + 1
    counts, edges = np.histogram(x, bins=50, range=(lo, hi))
    pad_l, pad_b = 40, 34
    W, H = width - pad_l - 10, height - pad_b - 10
    sx = W / (hi - lo)
    sy = H / max(counts.max(), 1)
    bars = []
    for c, a, b in zip(counts, edges[:-1], edges[1:], strict=True):
        colour = "#e45756" if b <= 0 else "#4c78a8"
        bars.append(f"<rect x='{pad_l + (a - lo) * sx:.1f}' y='{10 + H - c * sy:.1f}' "
                    f"width='{max((b - a) * sx - 1, 0.5):.1f}' height='{c * sy:.1f}' "
                    f"fill='{colour}'/>")
    s = result.summary.loc["net_return"]
    band = (f"<rect x='{pad_l + (s['low'] / 1000 - lo) * sx:.1f}' y='10' "
            f"width='{max((s['high'] - s['low']) / 1000 * sx, 1):.1f}' height='{H}' "
            "fill='#f2cf5b' opacity='0.25'/>")
    zero = ""
    if lo < 0 < hi:
        zx = pad_l + (0 - lo) * sx
        zero = (f"<line x1='{zx:.1f}' x2='{zx:.1f}' y1='10' y2='{10 + H}' stroke='#000' "
                "stroke-dasharray='4 3'/>")
    ticks = "".join(
        f"<text x='{pad_l + (t - lo) * sx:.1f}' y='{height - 18}' font-size='10' "
        f"text-anchor='middle'>{t:,.0f}</text>" for t in np.linspace(lo, hi, 6))
    label = html.escape(_("net return (thousand euros); shaded: {level} of the runs").format(
        level=f"{result.interval:.0%}"))
    return (f"<svg class='shrm-bc-hist' width='{width}' height='{height}' role='img'>"
            f"{band}{''.join(bars)}{zero}{ticks}<text x='{pad_l}' y='{height - 3}' "
            f"font-size='11' fill='#52606d'>{label}</text></svg>")


def payback_html(result: Any) -> str:
    """The share of runs paid back by the end of each year (a small table)."""
    pay = result.runs["payback_months"].to_numpy()
    cells = "".join(
        f"<tr><td>{html.escape(_('by the end of year {y}').format(y=y))}</td>"
        f"<td class='num'>{np.mean(pay <= 12 * y):.0%}</td></tr>"
        for y in range(1, result.years + 1))
    return (f"<table class='shrm-t shrm-bc-payback'><tr><th>{html.escape(_('paid back'))}</th>"
            f"<th></th></tr>{cells}</table>")


def tornado_svg(tornado: pd.DataFrame, top: int = 8, width: int = 620) -> str:
    """The tornado chart: the largest swings of the net return, low end red, high end green."""
    t = tornado.head(top)
    if t.empty:
        return f"<p class='shrm-muted'>{html.escape(_('No assumption has a range.'))}</p>"
    row_h, pad_l = 24, 250
    height = row_h * len(t) + 30
    base = float(t["base"].iloc[0])
    lo = float(min(t["at_low"].min(), t["at_high"].min(), base))
    hi = float(max(t["at_low"].max(), t["at_high"].max(), base))
    if hi - lo < 1e-9:
        hi = lo + 1
    W = width - pad_l - 20
    sx = W / (hi - lo)

    def X(v: float) -> float:
        return pad_l + (v - lo) * sx

    parts = []
    for i, (_name, r) in enumerate(t.iterrows()):
        y = 6 + i * row_h
        for end, colour in (("at_low", "#e45756"), ("at_high", "#54a24b")):
            a, b = sorted((base, float(r[end])))
            parts.append(f"<rect x='{X(a):.1f}' y='{y}' width='{max(X(b) - X(a), 1):.1f}' "
                         f"height='{row_h - 8}' fill='{colour}' opacity='0.85'/>")
        parts.append(f"<text x='{pad_l - 6}' y='{y + 12}' font-size='11.5' text-anchor='end'>"
                     f"{html.escape(str(r['label']))}</text>")
    parts.append(f"<line x1='{X(base):.1f}' x2='{X(base):.1f}' y1='0' y2='{height - 24}' "
                 "stroke='#000'/>")
    legend = html.escape(_("net return with the assumption at its low end (red) or high end "
                           "(green); line: all at their likely value ({v})").format(
                               v=_eur(base)))
    return (f"<svg class='shrm-bc-tornado-svg' viewBox='0 0 {width} {height}' "
            f"style='width:100%;max-width:{width}px' role='img'>"
            f"{''.join(parts)}<text x='0' y='{height - 6}' font-size='11' fill='#52606d'>"
            f"{legend}</text></svg>")


def radar_html(scores: pd.DataFrame, size: int = 170) -> str:
    """A small radar per group (already merged for privacy) on the six preconditions."""
    pres = list(PRECONDITIONS)
    n = len(pres)
    cx = cy = size / 2
    R = size / 2 - 26
    overall = scores.groupby("precondition")["score"].mean()

    def points(values: list[float]) -> str:
        out = []
        for k, v in enumerate(values):
            ang = -math.pi / 2 + 2 * math.pi * k / n
            rr = R * (0 if not math.isfinite(v) else (v - 1) / 4)
            out.append(f"{cx + rr * math.cos(ang):.1f},{cy + rr * math.sin(ang):.1f}")
        return " ".join(out)

    grid = "".join(f"<polygon points='{points([lv] * n)}' fill='none' stroke='#d9e2ec'/>"
                   for lv in (2, 3, 4, 5))
    labels = "".join(
        f"<text x='{cx + (R + 12) * math.cos(-math.pi / 2 + 2 * math.pi * k / n):.1f}' "
        f"y='{cy + (R + 12) * math.sin(-math.pi / 2 + 2 * math.pi * k / n) + 3:.1f}' "
        f"font-size='8.5' text-anchor='middle' fill='#52606d'>{k + 1}</text>"
        for k in range(n))
    cards = []
    for i, (group, g) in enumerate(scores.groupby("group", sort=True)):
        vals = g.set_index("precondition")["score"].reindex(pres).tolist()
        resp = int(g["respondents"].max())
        colour = PALETTE[i % len(PALETTE)]
        poly = (f"<polygon points='{points(vals)}' fill='{colour}' fill-opacity='0.25' "
                f"stroke='{colour}' stroke-width='1.5'/>")
        avg = (f"<polygon points='{points(overall.reindex(pres).tolist())}' fill='none' "
               "stroke='#102a43' stroke-dasharray='3 2' stroke-width='0.8'/>")
        title = html.escape(str(group))
        cards.append(
            f"<div class='shrm-bc-radar-card' style='display:inline-block;margin:2px'>"
            f"<svg width='{size}' height='{size}' role='img'>{grid}{avg}{poly}{labels}</svg>"
            f"<div style='text-align:center;font-size:12px'><b>{title}</b> "
            f"<span class='shrm-muted'>({resp})</span></div></div>")
    legend = "; ".join(f"{k + 1} = {html.escape(_(PRECONDITIONS[p][0]))}"
                       for k, p in enumerate(pres))
    merged = scores.attrs.get("merged") or []
    n_min = scores.attrs.get("min_group_size", 5)
    note = html.escape(_("Scores 1-5 (centre 1, edge 5); dashed: the organisation's mean; in "
                         "brackets: respondents. Groups with fewer than {n} respondents are "
                         "merged into one group.").format(n=n_min))
    if merged:
        note += " " + html.escape(_("Merged: {groups}.").format(
            groups=", ".join(map(str, merged))))
    return (f"<div class='shrm-bc-radars'>{''.join(cards)}</div>"
            f"<p class='shrm-muted'>{legend}</p><p class='shrm-muted shrm-bc-radar-note'>"
            f"{note}</p>")


def assumptions_html(table: pd.DataFrame) -> str:
    """Every assumption with its range and source (escaped: it may come from an upload)."""
    rows = "".join(
        f"<tr><td>{html.escape(_(str(r.label)))}<br><code>{html.escape(str(r.assumption))}"
        f"</code></td><td class='num'>{_num(r.low)}</td><td class='num'>{_num(r.likely)}</td>"
        f"<td class='num'>{_num(r.high)}</td><td>{html.escape(_(str(r.unit)))}</td>"
        f"<td class='shrm-muted'>{html.escape(_(str(r.source)))}</td></tr>"
        for r in table.itertuples())
    head = "".join(f"<th>{html.escape(h)}</th>" for h in
                   ("", _("low"), _("likely"), _("high"), _("unit"), _("source")))
    return f"<table class='shrm-t shrm-bc-assumptions'><tr>{head}</tr>{rows}</table>"


def download_html(page: str) -> str:
    """A link that downloads the one-page summary (no server round trip needed)."""
    data = base64.b64encode(page.encode("utf-8")).decode("ascii")
    text = html.escape(_("Download the one-page summary (HTML)"))
    return (f"<a class='shrm-bc-download' download='business_case_summary.html' "
            f"href='data:text/html;charset=utf-8;base64,{data}'>{text}</a>")


class BusinessCaseApp:
    """The business-case dashboard (one ipywidgets container in ``widget``).

    Parameters
    ----------
    runs
        Monte Carlo runs (drawn once; default 4,000).
    seed
        The random seed of the draws.
    min_group_size
        The starting minimum group size of the readiness radar (the privacy floor applies;
        the slider cannot go below it).
    """

    def __init__(self, runs: int = RUNS, seed: int = 0, min_group_size: int | None = None):
        from socialhrm import datasets

        self.org = datasets.load("noordhaven")
        self.runs, self.seed = int(runs), int(seed)
        self.base = noordhaven_assumptions(self.org)
        self._floor = floor()
        self._scores: dict[int, pd.DataFrame] = {}
        self._radars: dict[int, str] = {}
        self._uniforms = np.random.default_rng(self.seed).random((len(self.base), self.runs))
        self.result: Any = None
        self.tornado: pd.DataFrame | None = None
        self._build(resolve_min_group_size(min_group_size))
        self.update()

    # ---------------------------------------------------------------- controls
    def _build(self, minimum: int) -> None:
        style = {"description_width": "230px"}
        layout = w.Layout(width="520px")
        self.years = w.IntSlider(value=3, min=1, max=5, description=_("horizon (years)"),
                                 style=style, layout=layout)
        self.years.add_class("shrm-bc-years")
        self.scenario = w.Dropdown(options=[(_(SCENARIO_LABELS.get(k, k)), k)
                                            for k in SCENARIOS],
                                   value="referral_programme", description=_("scenario"),
                                   style=style, layout=layout)
        self.scenario.add_class("shrm-bc-scenario")
        self.sliders: dict[str, w.FloatRangeSlider] = {}
        self.min_group = w.IntSlider(value=minimum, min=self._floor, max=30,
                                     description=_("minimum group size"), style=style,
                                     layout=layout)
        self.min_group.add_class("shrm-bc-min-group")
        self.upload = w.FileUpload(accept=".csv,.xlsx", multiple=False,
                                   description=_("Your own assumptions"),
                                   layout=w.Layout(width="220px"))
        self.upload.add_class("shrm-bc-upload")
        self.reset = w.Button(description=_("Back to Noordhaven"),
                              layout=w.Layout(width="200px"))
        self.message = w.HTML("")
        self.message.add_class("shrm-bc-message")
        self.slider_box = w.VBox([])
        self._make_sliders(self.base)
        self.headline = w.HTML()
        self.headline.add_class("shrm-bc-headline-box")
        self.distribution = w.HTML()
        self.distribution.add_class("shrm-bc-distribution")
        self.payback = w.HTML()
        self.tornado_box = w.HTML()
        self.tornado_box.add_class("shrm-bc-tornado")
        self.radar = w.HTML()
        self.radar.add_class("shrm-bc-radar")
        self.table_box = w.HTML()
        self.download = w.HTML()
        self.download.add_class("shrm-bc-download-box")
        for c in (self.years, self.scenario, self.min_group):
            c.observe(lambda _change: self.update(), names="value")
        self.upload.observe(self._on_upload, names="value")
        self.reset.on_click(lambda _b: self.use_assumptions(self.base, message=None))

        def card(title: str, *children: w.Widget, text: str = "") -> w.VBox:
            head = w.HTML(f"<h3>{html.escape(title)}</h3>"
                          + (f"<div class='shrm-muted'>{html.escape(text)}</div>" if text
                             else ""))
            box = w.VBox([head, *children])
            box.add_class("shrm-card")
            return box

        controls = card(_("Assumptions (ranges)"), self.years, self.scenario, self.slider_box,
                        w.HBox([self.upload, self.reset]), self.message,
                        text=_("Drag the ends of a range; the likely value stays inside it. "
                               "Upload a table like the one below (CSV) to use your own "
                               "figures."))
        answer = card(_("What it brings"), self.headline, self.distribution, self.payback,
                      text=_("Every run draws all assumptions from their ranges."))
        drivers = card(_("What moves the answer most"), self.tornado_box)
        ready = card(_("Readiness per department"), self.min_group, self.radar,
                     text=_("From the readiness survey: are the preconditions there?"))
        every = card(_("Every assumption, and the summary for the board"), self.download,
                     self.table_box)
        intro = w.HTML(CSS)
        drivers.layout = w.Layout(width="580px", min_width="580px", flex="0 0 auto")
        self.widget = w.VBox([intro, w.HBox([controls, answer]), w.HBox([drivers, ready]),
                              every])
        self.widget.add_class("shrm-bc")

    def _make_sliders(self, table: pd.DataFrame) -> None:
        style = {"description_width": "230px"}
        t = table.set_index("assumption")
        self.sliders = {}
        for name in SLIDERS:
            if name not in t.index:
                continue
            lo, hi = float(t.loc[name, "low"]), float(t.loc[name, "high"])
            top = hi * 2 if hi > 0 else 1.0
            if ASSUMPTIONS[name][2] == "share":
                top = min(top, 1.0)
            step = _step(0, top)
            s = w.FloatRangeSlider(value=(lo, hi), min=0.0, max=top, step=step,
                                   description=_(str(t.loc[name, "label"])), style=style,
                                   readout_format=",.0f" if hi >= 100 else ".3g",
                                   layout=w.Layout(width="520px"),
                                   continuous_update=False)
            s.add_class(f"shrm-bc-slider-{name}")
            s.observe(lambda _change: self.update(), names="value")
            self.sliders[name] = s
        self.slider_box.children = list(self.sliders.values())

    # ---------------------------------------------------------------- data
    def current_table(self) -> pd.DataFrame:
        """The assumptions table with the sliders' ranges (likely kept inside the range)."""
        t = self.table.copy() if hasattr(self, "table") else self.base.copy()
        names = t["assumption"].tolist()
        low, likely, high = (t[c].to_numpy(dtype=float).copy() for c in ("low", "likely", "high"))
        for name, s in self.sliders.items():
            k = names.index(name)
            low[k], high[k] = (float(v) for v in s.value)
            likely[k] = min(max(likely[k], low[k]), high[k])
        t["low"], t["likely"], t["high"] = low, likely, high
        return t

    def use_assumptions(self, table: pd.DataFrame, message: str | None) -> None:
        """Switch to another assumptions table (Noordhaven's or an upload)."""
        self.table = table.reset_index(drop=True)
        self._uniforms = np.random.default_rng(self.seed).random((len(self.table), self.runs))
        self._make_sliders(self.table)
        self.message.value = (f"<div class='shrm-ok'>{html.escape(message)}</div>"
                              if message else "")
        self.update()

    def _on_upload(self, change: dict) -> None:
        if not self.upload.value:
            return
        item = self.upload.value[0]
        name, content = str(item["name"]), bytes(item["content"])
        if len(content) > MAX_UPLOAD_MB * 2**20:
            self._error(_("{name} is larger than {mb} MB; an assumptions table is small.")
                        .format(name=Path(name).name, mb=MAX_UPLOAD_MB))
            return
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / Path(name).name
            path.write_bytes(content)
            try:
                table = read_assumptions(path)
            except DataError as err:
                self._error(str(err).replace(str(tmp) + "/", ""))
                return
        self.use_assumptions(table, _("Using your assumptions from {name}.").format(
            name=Path(name).name))

    def _error(self, text: str) -> None:
        self.message.value = f"<div class='shrm-error'>{html.escape(text)}</div>"

    def scores(self, minimum: int) -> pd.DataFrame:
        """Readiness per department at a minimum group size (cached)."""
        if minimum not in self._scores:
            self._scores[minimum] = readiness_scores(self.org.readiness, self.org.people,
                                                     by="department", min_group_size=minimum)
        return self._scores[minimum]

    # ---------------------------------------------------------------- update
    def update(self) -> None:
        """Recompute and redraw everything (a few milliseconds: the draws are kept)."""
        try:
            table = resolve_assumptions(self.current_table(), self.scenario.value)
        except (DataError, ValueError) as err:
            self._error(str(err))
            return
        draws = draw_assumptions(table, uniforms=self._uniforms)
        self.result = summarise(table, draws, years=self.years.value, seed=self.seed,
                                scenario=self.scenario.value)
        self.tornado = sensitivity(table, years=self.years.value)
        minimum = resolve_min_group_size(self.min_group.value, at_least=self._floor)
        scores = self.scores(minimum)
        if minimum not in self._radars:
            self._radars[minimum] = radar_html(scores)
        self.headline.value = headline_html(self.result)
        self.distribution.value = distribution_svg(self.result)
        self.payback.value = payback_html(self.result)
        self.tornado_box.value = tornado_svg(self.tornado)
        self.radar.value = self._radars[minimum]
        self.table_box.value = assumptions_html(table)
        page = summary_html(self.result, self.tornado, readiness=scores,
                            title=_("Business case: Noordhaven's Social HRM programme"))
        self.download.value = download_html(page)
