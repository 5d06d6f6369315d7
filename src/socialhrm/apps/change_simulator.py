"""The change programme simulator: whom to enlist, and what to expect, for a change.

For a change manager who never codes. Pick the change (Noordhaven's internal platform, or an
upload of your own people and ties), how it spreads in plain words ("like a rumour", "needs a
few colleagues first", "newsletter plus conversation"), how many pioneers and how to choose
them; see the adoption curves with their 90% intervals side by side, the network coloured by
the week people adopt (a time slider), and one sentence per strategy on what it means.

All simulation is done by :mod:`socialhrm.adoption`. Every combination of change, model and
number of pioneers is simulated once, for all strategies at once (with a progress bar), and
kept; switching strategies on and off, the week slider and the strategy shown on the network
only redraw from what is kept.

>>> from socialhrm.apps.change_simulator import ChangeSimulator
>>> app = ChangeSimulator()          # doctest: +SKIP
>>> app.widget                       # doctest: +SKIP
"""

from __future__ import annotations

import html
import secrets
import warnings
from dataclasses import dataclass, field
from typing import Any

import ipywidgets as w
import networkx as nx
import numpy as np
import pandas as pd

from socialhrm import datasets
from socialhrm.adoption import MODELS, STRATEGIES, choose_seeds, simulate_adoption
from socialhrm.data import DataError, pseudonymise, read_people
from socialhrm.i18n import N_, _
from socialhrm.network import build_network

__all__ = ["ChangeSimulator"]

#: The models a change manager chooses from, with the parameters behind the words.
MODEL_SETTINGS: dict[str, dict[str, Any]] = {
    "cascade": {"p": 0.05},
    "complex": {"k": 3, "q": 0.5},
    "broadcast": {"p": 0.01, "q": 0.02},
}
MODEL_EXPLANATIONS: dict[str, str] = {
    "cascade": N_("Each new user tells each colleague once; one in twenty is convinced."),
    "complex": N_("People start once three of their contacts use it; then half of them start "
                  "each week."),
    "broadcast": N_("Every week the newsletter convinces 1 in 100; each colleague who uses it "
                    "adds a 2% chance."),
}
#: The strategies the dashboard offers (greedy optimisation belongs in a notebook).
OFFERED = ("random", "degree", "betweenness", "hr_first", "managers", "volunteers", "spread")
DEFAULT_ON = ("random", "degree", "hr_first", "managers")
WEEKS = 26
RUNS = 300
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#7F7F7F")

CSS = """
<style>
.shrm-change { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  color: #1f2933; max-width: 1400px; }
.shrm-change .shrm-card { background: #fff; border: 1px solid #e3e8ee; border-radius: 8px;
  padding: 10px 14px; }
.shrm-change h3 { margin: 2px 0 6px 0; font-size: 15px; color: #102a43; }
.shrm-change .shrm-muted { color: #627d98; font-size: 12.5px; line-height: 1.35; }
.shrm-change .shrm-sentences li { margin: 4px 0; font-size: 13.5px; line-height: 1.4; }
.shrm-change .shrm-error { color: #b42318; font-size: 13px; white-space: pre-wrap; }
.shrm-change .shrm-ok { color: #027a48; font-size: 13px; }
.shrm-change .shrm-swatch { display: inline-block; width: 11px; height: 11px;
  border-radius: 2px; margin-right: 4px; vertical-align: -1px; }
</style>
"""


def _esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _h3(title: str, note: str = "") -> w.HTML:
    """A card's heading (already translated), with an optional muted note."""
    extra = f"<div class='shrm-muted'>{_esc(note)}</div>" if note else ""
    return w.HTML(f"<h3>{_esc(title)}</h3>{extra}")


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%" if np.isfinite(x) else "–"


@dataclass
class _Change:
    """One change's network and what the strategies need, from the bundled data or an upload."""

    G: nx.Graph
    label: dict[Any, str]
    events: pd.DataFrame | None
    people: pd.DataFrame
    where: dict[Any, tuple[float, float]] = field(default_factory=dict)
    edges_svg: str = ""


@dataclass
class _Run:
    """One strategy's simulation, kept for redrawing."""

    seeds: list
    band: pd.DataFrame
    summary: pd.Series
    by_week: np.ndarray  # people x (weeks + 1): share of runs adopted by that week


def _layout(G: nx.Graph, size: tuple[int, int] = (560, 420)) -> dict[Any, tuple[float, float]]:
    pos = nx.spring_layout(G, seed=5, k=0.25, iterations=60) if len(G) else {}
    if not pos:
        return {}
    xy = np.array(list(pos.values()))
    lo, hi = xy.min(axis=0), xy.max(axis=0)
    span = np.where(hi - lo > 0, hi - lo, 1)
    pad = 14
    out = {}
    for v, (x, y) in pos.items():
        out[v] = (pad + (x - lo[0]) / span[0] * (size[0] - 2 * pad),
                  pad + (y - lo[1]) / span[1] * (size[1] - 2 * pad))
    return out


class ChangeSimulator:
    """The change programme simulator (one container: :attr:`widget`).

    Parameters
    ----------
    dataset
        The bundled organisation to start with.
    runs
        Monte Carlo runs per strategy.

    Attributes
    ----------
    widget
        The whole dashboard (an ipywidgets VBox with CSS class ``shrm-change``).
    """

    def __init__(self, dataset: str = "noordhaven", *, runs: int = RUNS):
        self.runs = runs
        self._cache: dict[tuple, dict[str, _Run | str]] = {}
        self._rankings: dict[tuple, list] = {}
        self._data_id = 0
        self._build_controls()
        self.widget = self._assemble()
        org = datasets.load(dataset)
        G = org.network("interactions", directed=False)
        label = {p: str(G.nodes[p].get("name", p)) for p in G}
        self._set_change(_Change(G, label, org.events, org.people))

    # ---- layout -------------------------------------------------------------------------
    def _build_controls(self) -> None:
        self.source = w.ToggleButtons(options=[(_("Noordhaven's platform"), "nh"),
                                               (_("My own data"), "own")], value="nh",
                                      style={"button_width": "175px"})
        self.source.add_class("shrm-source")
        self.people_file = w.FileUpload(accept=".csv", multiple=False,
                                        description=_("People (CSV)"))
        self.people_file.add_class("shrm-people-file")
        self.ties_file = w.FileUpload(accept=".csv", multiple=False,
                                      description=_("Ties (CSV)"))
        self.ties_file.add_class("shrm-ties-file")
        self.load_button = w.Button(description=_("Use my data"), button_style="primary")
        self.load_button.add_class("shrm-load")
        hint = _("People: person_id, department, manager_id, ... Ties: sender, recipient[, "
                 "timestamp] (messages) or respondent, nominee (a survey). Ids are "
                 "pseudonymised.")
        self.upload_box = w.VBox([
            w.HTML(f"<div class='shrm-muted'>{_esc(hint)}</div>"),
            w.HBox([self.people_file, self.ties_file, self.load_button])])
        self.upload_box.add_class("shrm-upload")
        self.upload_box.layout.display = "none"
        self.model = w.Dropdown(options=[(_(MODELS[m]), m) for m in MODEL_SETTINGS],
                                value="complex", description=_("How it spreads"),
                                style={"description_width": "110px"},
                                layout=w.Layout(width="360px"))
        self.model.add_class("shrm-model")
        self.model_note = w.HTML()
        self.pioneers = w.BoundedIntText(value=5, min=1, max=30, description=_("Pioneers"),
                                         style={"description_width": "110px"},
                                         layout=w.Layout(width="200px"))
        self.pioneers.add_class("shrm-pioneers")
        self.strategies = {s: w.Checkbox(value=s in DEFAULT_ON, description=_(STRATEGIES[s]),
                                         indent=False, layout=w.Layout(width="440px"))
                           for s in OFFERED}
        for s, box in self.strategies.items():
            box.add_class(f"shrm-strategy-{s}")
        self.strategy_box = w.VBox(list(self.strategies.values()))
        self.strategy_box.add_class("shrm-strategies")
        self.week = w.IntSlider(value=8, min=0, max=WEEKS, description=_("Week"),
                                continuous_update=True, layout=w.Layout(width="520px"))
        self.week.add_class("shrm-week")
        self.show = w.Dropdown(description=_("Pioneers by"), style={"description_width": "90px"},
                               layout=w.Layout(width="420px"))
        self.show.add_class("shrm-show")
        self.progress = w.IntProgress(value=0, min=0, max=1, description=_("Simulating"),
                                      layout=w.Layout(width="420px", visibility="hidden"))
        self.progress.add_class("shrm-progress")
        self.message = w.HTML()
        self.message.add_class("shrm-message")
        self.curves = w.HTML()
        self.curves.add_class("shrm-curves")
        self.network = w.HTML()
        self.network.add_class("shrm-network")
        self.sentences = w.HTML()
        self.sentences.add_class("shrm-sentences")
        self.source.observe(self._on_source, "value")
        self.load_button.on_click(self._on_load)
        self.model.observe(self._on_setting, "value")
        self.pioneers.observe(self._on_setting, "value")
        for box in self.strategies.values():
            box.observe(self._on_strategies, "value")
        self.week.observe(self._on_week, "value")
        self.show.observe(self._on_week, "value")

    def _assemble(self) -> w.VBox:
        left = w.VBox([_h3(_("The change")), self.source,
                       self.upload_box, self.model, self.model_note, self.pioneers,
                       _h3(_("How to pick the pioneers")),
                       self.strategy_box, self.progress, self.message])
        left.add_class("shrm-card")
        left.layout.width = "470px"
        band_note = _("Mean share of people who adopted, with the range of 90% of the "
                      "simulated runs.")
        curves = w.VBox([_h3(_("Adoption week by week"), band_note), self.curves])
        curves.add_class("shrm-card")
        net_note = _("Darker: adopted in more of the simulated runs. Ringed: the pioneers.")
        net = w.VBox([_h3(_("Who has adopted by the chosen week"), net_note),
                      w.HBox([self.show]), self.week, self.network])
        net.add_class("shrm-card")
        what = w.VBox([_h3(_("What it means")), self.sentences])
        what.add_class("shrm-card")
        root = w.VBox([w.HTML(CSS), w.HBox([left, w.VBox([curves, what])]), net])
        root.add_class("shrm-change")
        return root

    # ---- data ---------------------------------------------------------------------------
    def _set_change(self, change: _Change) -> None:
        change.where = _layout(change.G)
        parts = []
        for u, v in change.G.edges():
            (x1, y1), (x2, y2) = change.where[u], change.where[v]
            parts.append(f"M{x1:.1f} {y1:.1f}L{x2:.1f} {y2:.1f}")
        change.edges_svg = "".join(parts)
        self.change = change
        self._data_id += 1
        self.strategies["volunteers"].disabled = change.events is None
        if change.events is None:
            self.strategies["volunteers"].value = False
        self.week.max = WEEKS
        self._simulate()

    def _on_source(self, change: dict) -> None:
        self.upload_box.layout.display = "" if change["new"] == "own" else "none"
        if change["new"] == "nh" and self._data_id != 1:
            org = datasets.load("noordhaven")
            G = org.network("interactions", directed=False)
            self._data_id = 0
            self._cache.clear()
            self._set_change(_Change(G, {p: str(G.nodes[p].get("name", p)) for p in G},
                                     org.events, org.people))

    @staticmethod
    def _file(upload: w.FileUpload) -> tuple[str, bytes] | None:
        value = upload.value
        if not value:
            return None
        item = value[0] if isinstance(value, (list, tuple)) else next(iter(value.values()))
        return str(item["name"]), bytes(item["content"])

    def _on_load(self, _button: Any = None) -> None:
        people, ties = self._file(self.people_file), self._file(self.ties_file)
        if people is None or ties is None:
            self._say("error", _("Choose both files first: people and ties."))
            return
        self.load_files(people, ties)

    def load_files(self, people: tuple[str, bytes], ties: tuple[str, bytes]) -> bool:
        """Use uploaded people and ties (CSV bytes); pseudonymised. Returns success."""
        import io

        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                ppl = read_people(pd.read_csv(io.BytesIO(people[1]), dtype=str))
                raw = pd.read_csv(io.BytesIO(ties[1]), dtype=str)
                key = secrets.token_hex(16)
                ppl = pseudonymise(ppl, [c for c in ("person_id", "manager_id")
                                         if c in ppl.columns], key=key)
                ids = [c for c in ("sender", "recipient", "respondent", "nominee")
                       if c in raw.columns]
                raw = pseudonymise(raw, ids, key=key)
                G = build_network(raw, ppl, directed=False)
                if isinstance(G, dict):
                    G = nx.compose_all(list(G.values()))
        except DataError as err:
            self._say("error", str(err))
            return False
        except (ValueError, KeyError, UnicodeDecodeError, pd.errors.ParserError) as err:
            self._say("error", _("These files could not be read as CSV tables ({problem}).\n"
                                 "  What to do: save them as CSV (comma-separated, UTF-8) "
                                 "with a header row.").format(problem=type(err).__name__))
            return False
        if G.number_of_nodes() < 3 or G.number_of_edges() == 0:
            self._say("error", _("The network has too few people or ties to simulate a "
                                 "change.\n  What to do: check that the ties name people "
                                 "from the people file."))
            return False
        self._cache.clear()
        self._set_change(_Change(G, {p: str(p) for p in G}, None, ppl))
        self._say("ok", _("Your data is loaded: {n} people, {m} ties (pseudonymised).")
                  .format(n=G.number_of_nodes(), m=G.number_of_edges()))
        return True

    def _say(self, kind: str, text: str) -> None:
        self.message.value = f"<div class='shrm-{kind}'>{_esc(text)}</div>" if text else ""

    # ---- simulation -----------------------------------------------------------------------
    def _key(self) -> tuple:
        return (self._data_id, self.model.value, int(self.pioneers.value))

    def _on_setting(self, _change: dict | None = None) -> None:
        self._simulate()

    def _simulate(self) -> None:
        """Simulate every offered strategy for the current setting, once (with progress)."""
        model = self.model.value
        note = _(MODEL_EXPLANATIONS[model])
        self.model_note.value = f"<div class='shrm-muted'>{_esc(note)}</div>"
        key = self._key()
        if key not in self._cache:
            runs: dict[str, _Run | str] = {}
            wanted = [s for s in OFFERED if not self.strategies[s].disabled]
            self.progress.max = len(wanted) * self.runs
            self.progress.value = 0
            self.progress.layout.visibility = "visible"
            try:
                for i, s in enumerate(wanted):
                    runs[s] = self._run(s, key[2], model, i)
            finally:
                self.progress.layout.visibility = "hidden"
            self._cache[key] = runs
        self._redraw()

    def _seeds(self, strategy: str, k: int) -> list:
        """The pioneers of a strategy; rankings are computed once per change and cut to k."""
        ch = self.change
        if strategy in ("spread", "random"):  # a set chosen together: not a ranking
            key = (self._data_id, strategy, k)
            if key not in self._rankings:
                self._rankings[key] = choose_seeds(ch.G, k, strategy, seed=0)
            return self._rankings[key]
        key = (self._data_id, strategy)
        if key not in self._rankings:
            top = min(int(self.pioneers.max), ch.G.number_of_nodes())
            if strategy == "volunteers" and ch.events is not None:
                from socialhrm.adoption import first_adopters

                top = min(top, len(first_adopters(ch.events, weeks=10_000)))
            self._rankings[key] = choose_seeds(ch.G, top, strategy, seed=0, events=ch.events,
                                               people=ch.people)
        ranking = self._rankings[key]
        if len(ranking) < k:
            raise DataError(_("only {n} people qualify, fewer than the {k} pioneers asked for")
                            .format(n=len(ranking), k=k))
        return ranking[:k]

    def _run(self, strategy: str, k: int, model: str, i: int) -> _Run | str:
        ch = self.change
        try:
            seeds = self._seeds(strategy, k)
        except DataError as err:
            return str(err).splitlines()[0]

        def tick(done: int, _total: int) -> None:
            self.progress.value = i * self.runs + done

        res = simulate_adoption(ch.G, seeds, model, runs=self.runs, steps=WEEKS, seed=0,
                                progress=tick, **MODEL_SETTINGS[model])
        when = res.when
        by_week = np.stack([((when >= 0) & (when <= t)).mean(axis=1) for t in range(WEEKS + 1)],
                           axis=1)
        band = res.band.set_index("step").reindex(range(WEEKS + 1)).ffill().reset_index()
        return _Run(seeds=seeds, band=band, summary=res.summary.iloc[0], by_week=by_week)

    # ---- drawing (from what is kept) ----------------------------------------------------
    def _chosen(self) -> dict[str, _Run]:
        runs = self._cache.get(self._key(), {})
        return {s: r for s, r in runs.items()
                if self.strategies[s].value and isinstance(r, _Run)}

    def _on_strategies(self, _change: dict | None = None) -> None:
        self._redraw()

    def _on_week(self, _change: dict | None = None) -> None:
        self._draw_network()

    def _redraw(self) -> None:
        chosen = self._chosen()
        options = [(_(STRATEGIES[s]), s) for s in chosen]
        current = self.show.value
        self.show.unobserve(self._on_week, "value")
        self.show.options = options
        if options:
            default = "degree" if "degree" in chosen else options[0][1]
            self.show.value = current if current in chosen else default
        self.show.observe(self._on_week, "value")
        self._draw_curves(chosen)
        self._write_sentences(chosen)
        self._draw_network()

    def _colour(self, s: str) -> str:
        return PALETTE[OFFERED.index(s) % len(PALETTE)]

    def _draw_curves(self, chosen: dict[str, _Run]) -> None:
        W, H, L, B = 560, 300, 44, 34
        def x(t: float) -> float:
            return L + t / WEEKS * (W - L - 12)

        def y(s: float) -> float:
            return 10 + (1 - s) * (H - B - 10)

        week_label = _("week")
        parts = [f"<svg class='shrm-curve-svg' width='{W}' height='{H}' "
                 f"viewBox='0 0 {W} {H}' role='img'>"]
        for s in (0, 0.25, 0.5, 0.75, 1):
            parts.append(f"<line x1='{L}' x2='{W - 12}' y1='{y(s):.1f}' y2='{y(s):.1f}' "
                         "stroke='#e3e8ee'/>"
                         f"<text x='{L - 6}' y='{y(s) + 4:.1f}' font-size='11' "
                         f"text-anchor='end' fill='#627d98'>{_pct(s)}</text>")
        for t in range(0, WEEKS + 1, 4):
            parts.append(f"<text x='{x(t):.1f}' y='{H - B + 16}' font-size='11' "
                         f"text-anchor='middle' fill='#627d98'>{t}</text>")
        parts.append(f"<text x='{(L + W) / 2:.0f}' y='{H - 4}' font-size='11.5' "
                     f"text-anchor='middle' fill='#334e68'>{_esc(week_label)}</text>")
        for s, run in chosen.items():
            c = self._colour(s)
            b = run.band
            upper = " ".join(f"{x(t):.1f},{y(v):.1f}" for t, v in zip(b["step"], b["high"],
                                                                         strict=True))
            lower = " ".join(f"{x(t):.1f},{y(v):.1f}" for t, v in
                             zip(b["step"][::-1], b["low"][::-1], strict=True))
            mean = " ".join(f"{x(t):.1f},{y(v):.1f}" for t, v in zip(b["step"], b["mean"],
                                                                        strict=True))
            parts.append(f"<polygon points='{upper} {lower}' fill='{c}' fill-opacity='0.15'/>"
                         f"<polyline class='shrm-line shrm-line-{s}' points='{mean}' "
                         f"fill='none' stroke='{c}' stroke-width='2.2'>"
                         f"<title>{_esc(_(STRATEGIES[s]))}</title></polyline>")
        parts.append("</svg>")
        legend = "".join(f"<span style='margin-right:12px'><span class='shrm-swatch' "
                         f"style='background:{self._colour(s)}'></span>"
                         f"{_esc(_(STRATEGIES[s]))}</span>" for s in chosen)
        self.curves.value = "".join(parts) + f"<div class='shrm-muted'>{legend}</div>"

    def _write_sentences(self, chosen: dict[str, _Run]) -> None:
        runs = self._cache.get(self._key(), {})
        items = []
        for s, run in chosen.items():
            m = run.summary
            text = _("{strategy}: on average {share} adopt within {weeks} weeks (90% of runs: "
                     "{low} to {high}).").format(strategy=_(STRATEGIES[s]),
                                                 share=_pct(m["final_share_mean"]),
                                                 weeks=WEEKS, low=_pct(m["final_share_low"]),
                                                 high=_pct(m["final_share_high"]))
            if m["share_of_runs_reaching_half"] >= 0.5:
                text += " " + _("Half of the people are on board after about {t:.0f} weeks.") \
                    .format(t=m["time_to_half_mean"])
            elif m["final_share_mean"] < 0.1:
                text += " " + _("The change stalls: the pioneers stay on their own.")
            else:
                text += " " + _("Half of the people are not reached in most runs.")
            items.append(f"<li><span class='shrm-swatch' style='background:{self._colour(s)}'>"
                         f"</span>{_esc(text)}</li>")
        for s, why in runs.items():
            if isinstance(why, str) and self.strategies[s].value:
                name, na = _(STRATEGIES[s]), _("not available here")
                items.append(f"<li class='shrm-muted'>{_esc(name)}: {_esc(na)} "
                             f"({_esc(why)})</li>")
        if not chosen:
            tick = _("Tick one or more ways to pick the pioneers.")
            items.append(f"<li class='shrm-muted'>{_esc(tick)}</li>")
        self.sentences.value = f"<ul class='shrm-sentence-list'>{''.join(items)}</ul>"

    def _draw_network(self) -> None:
        ch = self.change
        chosen = self._chosen()
        s = self.show.value
        W, H = 560, 420
        parts = [f"<svg class='shrm-net-svg' width='{W}' height='{H}' viewBox='0 0 {W} {H}'>",
                 f"<path d='{ch.edges_svg}' stroke='#9fb3c8' stroke-opacity='0.25' "
                 "stroke-width='0.6' fill='none'/>"]
        run = chosen.get(s) if s else None
        week = int(self.week.value)
        nodes = list(ch.G.nodes)
        share = run.by_week[:, week] if run is not None else np.zeros(len(nodes))
        seeds = set(run.seeds) if run is not None else set()
        colour = self._colour(s) if s else "#0072B2"
        adopted = 0.0
        for v, a in zip(nodes, share, strict=True):
            px, py = ch.where[v]
            ring = " stroke='#102a43' stroke-width='1.6'" if v in seeds else ""
            parts.append(f"<circle cx='{px:.1f}' cy='{py:.1f}' r='{5 if v in seeds else 3.6}' "
                         f"fill='{colour}' fill-opacity='{0.08 + 0.92 * a:.2f}'{ring}>"
                         f"<title>{_esc(ch.label.get(v, v))}: {_pct(a)}</title></circle>")
            adopted += a
        parts.append("</svg>")
        caption = _("Week {week}: on average {share} of the people have adopted.").format(
            week=week, share=_pct(adopted / max(len(nodes), 1)))
        self.network.value = (f"<div class='shrm-net-caption shrm-muted'>{_esc(caption)}</div>"
                              + "".join(parts))
