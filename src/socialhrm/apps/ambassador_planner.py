"""The ambassador planner: whose networks reach the candidates you need.

For a recruiter or employer-branding lead. Pick the target audience (e.g. engineers), the
number of ambassadors and how far a share travels (one or two steps); see the coverage of four
ways of choosing ambassadors side by side, who the chosen ambassadors are, the reach that a
choice by network size counts twice (and greedy avoids), and the referral outcomes by channel
and tie strength with their intervals. Own data: upload a people table with an interaction
log or survey and/or an external-contacts table; uploaded data is pseudonymised by default.

All analysis is done by :mod:`socialhrm.reach`; the app ranks every strategy once per
audience and number of steps (a ranking's first *k* picks are the choice for *k*), so that
moving a control only slices and redraws.

>>> from socialhrm.apps.ambassador_planner import AmbassadorPlanner
>>> app = AmbassadorPlanner()        # doctest: +SKIP
>>> app.widget                       # doctest: +SKIP
"""

from __future__ import annotations

import html
import os
import secrets
import shutil
import tempfile
import threading
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ipywidgets as w
import networkx as nx
import pandas as pd

from socialhrm import datasets
from socialhrm.data import DataError, pseudonymise, read_interactions, read_nominations, read_people
from socialhrm.i18n import N_, _
from socialhrm.network import build_network
from socialhrm.privacy import other_label, resolve_min_group_size
from socialhrm.reach import (
    GUARANTEE,
    STRATEGIES,
    rank_strategies,
    reach_graph,
    read_contacts,
    referral_outcomes,
)

__all__ = ["AmbassadorPlanner"]

#: The most ambassadors the slider offers (every strategy is ranked this far once).
K_MAX = 15
MAX_UPLOAD_MB = 100
EVERYBODY = "__everybody__"

STRATEGY_LABELS = {
    "greedy": N_("greedy: most new reach per pick"),
    "degree": N_("biggest networks"),
    "managers": N_("managers, biggest networks first"),
    "random": N_("random"),
}
STRATEGY_COLOURS = {"greedy": "#0072B2", "degree": "#E69F00", "managers": "#CC79A7",
                    "random": "#9aa5b1"}

CSS = """
<style>
.shrm-planner { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  color: #1f2933; max-width: 1400px; }
.shrm-planner .widget-hbox { column-gap: 12px; }
.shrm-planner .widget-vbox { row-gap: 6px; }
.shrm-planner .shrm-card { background: #fff; border: 1px solid #e3e8ee; border-radius: 8px;
  padding: 10px 14px; }
.shrm-planner h3 { margin: 2px 0 6px 0; font-size: 15px; color: #102a43; }
.shrm-planner .shrm-muted { color: #627d98; font-size: 12.5px; line-height: 1.35; }
.shrm-planner table.shrm-t { border-collapse: collapse; font-size: 12.5px; width: 100%; }
.shrm-planner table.shrm-t th, .shrm-planner table.shrm-t td { padding: 3px 6px;
  border-bottom: 1px solid #eef2f6; text-align: left; vertical-align: top; }
.shrm-planner table.shrm-t td.num, .shrm-planner table.shrm-t th.num { text-align: right;
  font-variant-numeric: tabular-nums; white-space: nowrap; }
.shrm-planner .shrm-compare td:first-child { white-space: nowrap; }
.shrm-planner .shrm-bar { height: 18px; border-radius: 3px; display: inline-block;
  vertical-align: middle; }
.shrm-planner .shrm-tiles { display: flex; gap: 10px; flex-wrap: wrap; }
.shrm-planner .shrm-tile { background: #f0f4f8; border-radius: 8px; padding: 6px 12px;
  min-width: 120px; }
.shrm-planner .shrm-tile b { font-size: 18px; display: block; color: #102a43; }
.shrm-planner .shrm-error { background: #fff5f5; border: 1px solid #f5c2c7; color: #842029;
  border-radius: 8px; padding: 8px 12px; white-space: pre-wrap; font-size: 13px; }
.shrm-planner .shrm-ok { background: #f0fff4; border: 1px solid #b7e4c7; color: #1b4332;
  border-radius: 8px; padding: 6px 12px; font-size: 13px; }
</style>
"""


def _esc(value: Any) -> str:
    return html.escape(str(value))


def _read_upload(upload: w.FileUpload) -> tuple[str, bytes] | None:
    if not upload.value:
        return None
    item = upload.value[0]
    return str(item["name"]), bytes(item["content"])


@dataclass
class _Plan:
    """The data behind the planner: bundled or uploaded, with every ranking computed once."""

    name: str
    G: nx.Graph
    people: pd.DataFrame
    uploaded: bool = False
    applications: pd.DataFrame | None = None
    costs: pd.DataFrame | None = None
    segments: pd.Series = field(default_factory=lambda: pd.Series(dtype=int))
    rankings: dict[tuple, dict[str, pd.DataFrame]] = field(default_factory=dict)
    sizes: dict[tuple, int] = field(default_factory=dict)
    outcomes: dict[tuple, pd.DataFrame] = field(default_factory=dict)


class AmbassadorPlanner:
    """The ambassador planner app: one ipywidgets container in ``widget``.

    Parameters
    ----------
    dataset
        The bundled organisation to start with.
    audience
        The segment to reach first (e.g. ``"engineering"``; ``None`` for everybody).
    k
        The number of ambassadors shown first.
    min_group_size
        Segments and hiring channels smaller than this are merged or suppressed (default 5).

    Examples
    --------
    >>> app = AmbassadorPlanner()                       # doctest: +SKIP
    >>> app.controls["k"].value = 8                     # doctest: +SKIP
    """

    def __init__(self, dataset: str = "noordhaven", *, audience: str | None = "engineering",
                 k: int = 5, min_group_size: int = 5) -> None:
        self._key = os.environ.get("SOCIALHRM_PSEUDONYM_KEY") or secrets.token_hex(16)
        self._busy = False
        self._lock = threading.Lock()
        self._build_controls(k, min_group_size)
        self.message = w.HTML().add_class("shrm-message")
        self.summary = w.HTML().add_class("shrm-summary")
        self.compare = w.HTML().add_class("shrm-compare")
        self.chosen = w.HTML().add_class("shrm-chosen")
        self.overlap = w.HTML().add_class("shrm-overlap")
        self.referrals = w.HTML().add_class("shrm-referrals")
        self._set_plan(self._bundled(dataset), audience=audience)
        self.widget = self._assemble()

    # ------------------------------------------------------------------ data
    @staticmethod
    def _bundled(dataset: str) -> _Plan:
        ds = datasets.load(dataset)
        if ds.people is None or ds.contacts is None:
            raise ValueError(_("{name} has no people and contacts tables; the planner needs "
                               "both.").format(name=dataset))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ties = build_network(ds.interactions, ds.people, directed=False)
        G = reach_graph(ds.people, ds.contacts, ties, ds.alumni)
        return _Plan(name=ds.name, G=G, people=ds.people, applications=ds.applications,
                     costs=ds.costs)

    def _set_plan(self, plan: _Plan, audience: str | None = None) -> None:
        """Switch to new data: count the segments, rank every strategy, redraw."""
        segs = pd.Series([d.get("segment") for _n, d in plan.G.nodes(data=True)
                          if d.get("kind") != "employee" and d.get("segment") is not None],
                         dtype=object)
        plan.segments = segs.value_counts()
        self.plan = plan
        self._labels_cache: dict[bool, dict[str, str]] = {}
        c = self.controls
        self._busy = True
        try:
            c["pseudonyms"].value = plan.uploaded
            self._audience_options(audience)
        finally:
            self._busy = False
        self._refresh(full=True)  # ranks the current audience
        # rank the other audiences in the background, so that choosing one answers at once
        threading.Thread(target=self._rank_all, args=(plan,), daemon=True).start()

    def _audience_options(self, wanted: str | None = None) -> None:
        """Audience choices: everybody, each segment large enough, and the small ones merged."""
        minimum = self._min_group()
        big = [s for s, n in self.plan.segments.items() if n >= minimum]
        small = tuple(sorted(str(s) for s, n in self.plan.segments.items() if n < minimum))
        options = [(_("everybody"), EVERYBODY)]
        options += [(_("{segment} ({n:,} people)").format(segment=s, n=int(n)), str(s))
                    for s, n in self.plan.segments.items() if s in big]
        if small and sum(int(self.plan.segments[s]) for s in small) >= minimum:
            options.append((_("{label} segments together").format(label=other_label(minimum)),
                            "|".join(small)))
        current = wanted if wanted is not None else self.controls["audience"].value
        values = [v for _lbl, v in options]
        self.controls["audience"].options = options
        self.controls["audience"].value = current if current in values else (
            values[1] if len(values) > 1 and wanted is not None else values[0])

    def _audience(self) -> str | tuple[str, ...] | None:
        value = self.controls["audience"].value
        if value in (None, EVERYBODY):
            return None
        return tuple(value.split("|")) if "|" in value else value

    def _rank_all(self, plan: _Plan) -> None:
        """Rank every strategy for every audience on offer and both step counts."""
        for _label, value in list(self.controls["audience"].options):
            audience = None if value == EVERYBODY else (
                tuple(value.split("|")) if "|" in value else value)
            for steps in (1, 2):
                if plan is not self.plan:
                    return  # other data was loaded meanwhile
                self._rankings(audience, steps, plan)
        if plan.applications is not None:
            for minimum in range(3, 11):  # the minimum group sizes people usually try
                for by in ("channel", "tie_strength"):
                    if plan is not self.plan:
                        return
                    self._outcomes(by, minimum, plan)

    def _rankings(self, audience: Any, steps: int, plan: _Plan | None = None
                  ) -> dict[str, pd.DataFrame]:
        plan = self.plan if plan is None else plan
        key = (audience, steps)
        if key in plan.rankings:  # ready: no need to wait for the background ranking
            return plan.rankings[key]
        with self._lock:
            if key not in plan.rankings:
                ranks = rank_strategies(plan.G, K_MAX, steps, audience, seed=0)
                plan.sizes[key] = ranks["greedy"].attrs["audience_size"]
                plan.rankings[key] = ranks
            return plan.rankings[key]

    def _min_group(self) -> int:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return resolve_min_group_size(int(self.controls["min_group"].value or 0))

    def _labels(self, pseudonyms: bool) -> dict[str, str]:
        if pseudonyms not in self._labels_cache:
            people = self.plan.people
            ids = people["person_id"].astype(str)
            if pseudonyms:
                labels = pseudonymise(people[["person_id"]], "person_id", key=self._key,
                                      prefix="p_", length=6)["person_id"].astype(str)
            elif "name" in people.columns and not self.plan.uploaded:
                labels = people["name"].astype(str)
            else:
                labels = ids
            self._labels_cache[pseudonyms] = dict(zip(ids, labels, strict=True))
        return self._labels_cache[pseudonyms]

    # ------------------------------------------------------------------ controls
    def _build_controls(self, k: int, min_group_size: int) -> None:
        style = {"description_width": "initial"}
        c: dict[str, w.Widget] = {}
        c["source"] = w.ToggleButtons(
            options=[(_("Noordhaven (bundled, synthetic)"), "bundled"),
                     (_("My own data"), "upload")],
            value="bundled", style={"button_width": "auto"})
        c["people_file"] = w.FileUpload(accept=".csv,.xlsx", multiple=False,
                                        description=_("People file"),
                                        layout=w.Layout(width="auto"))
        c["ties_file"] = w.FileUpload(accept=".csv,.xlsx", multiple=False,
                                      description=_("Interactions or survey (optional)"),
                                      layout=w.Layout(width="auto"))
        c["contacts_file"] = w.FileUpload(accept=".csv,.xlsx", multiple=False,
                                          description=_("External contacts (optional)"),
                                          layout=w.Layout(width="auto"))
        c["load"] = w.Button(description=_("Load my data"), button_style="primary",
                             icon="upload")
        c["audience"] = w.Dropdown(description=_("Target audience"), style=style,
                                   layout=w.Layout(width="330px"))
        c["k"] = w.IntSlider(value=min(max(int(k), 1), K_MAX), min=1, max=K_MAX,
                             description=_("Ambassadors"), style=style,
                             continuous_update=False, layout=w.Layout(width="330px"))
        c["steps"] = w.ToggleButtons(options=[(_("direct contacts"), 1),
                                              (_("also their contacts"), 2)], value=2,
                                     style={"button_width": "auto"})
        c["strategy"] = w.Dropdown(options=[(_(STRATEGY_LABELS[s]), s) for s in STRATEGIES],
                                   value="greedy", description=_("Show the choice of"),
                                   style=style, layout=w.Layout(width="430px"))
        c["pseudonyms"] = w.Checkbox(value=False, description=_("Pseudonyms (hide names)"),
                                     indent=False, layout=w.Layout(width="210px"))
        c["min_group"] = w.BoundedIntText(value=min_group_size, min=1, max=100,
                                          description=_("Minimum group size"), style=style,
                                          layout=w.Layout(width="190px"))
        for name, widget in c.items():
            widget.add_class(f"shrm-{name.replace('_', '-')}")
        self.controls = c
        c["source"].observe(self._on_source, "value")
        c["load"].on_click(self._on_load)
        for name in ("audience", "k", "steps", "strategy", "pseudonyms"):
            c[name].observe(self._on_change, "value")
        c["min_group"].observe(self._on_min_group, "value")
        self.upload_box = w.VBox([
            w.HTML("<div class='shrm-muted'>" + _(
                "Upload a <b>people</b> table (person_id, department, team, manager_id, ...) "
                "and an <b>interaction log</b> (sender, recipient, timestamp) or <b>survey "
                "nominations</b> (respondent, nominee, relation), an <b>external-contacts</b> "
                "table (person_id, contact_id, segment), or both. Files stay on this "
                "computer; pseudonyms are switched on for your data.") + "</div>"),
            w.HBox([c["people_file"], c["ties_file"], c["contacts_file"], c["load"]],
                   layout=w.Layout(flex_flow="row wrap")),
        ], layout=w.Layout(display="none"))
        self.upload_box.add_class("shrm-upload")

    def _assemble(self) -> w.VBox:
        c = self.controls
        top = w.VBox([
            w.HTML(CSS),
            w.HBox([w.HTML("<b>" + _esc(_("Data")) + "</b>&nbsp;"), c["source"]],
                   layout=w.Layout(align_items="center")),
            self.upload_box,
            w.HBox([c["audience"], c["k"], c["steps"]],
                   layout=w.Layout(flex_flow="row wrap", align_items="center")),
            w.HBox([w.HTML("<b>" + _esc(_("Privacy")) + "</b>&nbsp;"), c["pseudonyms"],
                    c["min_group"],
                    w.HTML("<span class='shrm-muted'>" + _esc(_(
                        "Smaller segments and hiring channels are merged; figures resting on "
                        "fewer people are left empty, never shown as 0.")) + "</span>")],
                   layout=w.Layout(align_items="center", flex_flow="row wrap")),
            self.message,
            self.summary,
        ])
        middle = w.HBox([
            w.VBox([self.compare, self.overlap], layout=w.Layout(flex="1 1 48%", min_width="0")),
            w.VBox([c["strategy"], self.chosen], layout=w.Layout(flex="1 1 50%",
                                                                  min_width="0")),
        ], layout=w.Layout(width="100%"))
        root = w.VBox([top, middle, self.referrals], layout=w.Layout(padding="4px"))
        root.add_class("shrm-planner")
        return root

    # ------------------------------------------------------------------ callbacks
    def _on_change(self, _change: dict | None = None) -> None:
        if not self._busy:
            self._refresh()

    def _on_min_group(self, _change: dict | None = None) -> None:
        if self._busy:
            return
        self._busy = True
        try:
            self._audience_options()
        finally:
            self._busy = False
        self._refresh(full=True)

    def _on_source(self, change: dict) -> None:
        self.upload_box.layout.display = "flex" if change["new"] == "upload" else "none"
        if change["new"] == "bundled" and self.plan.uploaded:
            self._set_plan(self._bundled("noordhaven"), audience="engineering")
            self._say("ok", _("Back to the bundled organisation Noordhaven."))

    def _on_load(self, _button: Any = None) -> None:
        people = _read_upload(self.controls["people_file"])
        ties = _read_upload(self.controls["ties_file"])
        contacts = _read_upload(self.controls["contacts_file"])
        if people is None or (ties is None and contacts is None):
            self._say("error", _("Please choose a people file and at least one of: an "
                                 "interactions or survey file, an external-contacts file."))
            return
        self.load_files(people, ties, contacts)

    def load_files(self, people: tuple[str, bytes], ties: tuple[str, bytes] | None = None,
                   contacts: tuple[str, bytes] | None = None) -> bool:
        """Load uploaded files through the kit's readers; show any problem in the page.

        Parameters
        ----------
        people, ties, contacts
            ``(file name, content)`` of the people table, of an interaction log or survey
            (optional) and of an external-contacts table (optional).

        Returns
        -------
        bool
            Whether the data was loaded (otherwise the page shows why, and keeps the data
            it had).
        """
        files = [f for f in (people, ties, contacts) if f is not None]
        for name, content in files:
            if len(content) > MAX_UPLOAD_MB * 2**20:
                self._say("error", _("{name} is larger than {mb} MB: analyse it in a notebook "
                                     "with the library instead.").format(name=name,
                                                                          mb=MAX_UPLOAD_MB))
                return False
        tmp = tempfile.mkdtemp(prefix="socialhrm_upload_")
        try:
            paths = {}
            for role, item in (("people", people), ("ties", ties), ("contacts", contacts)):
                if item is None:
                    continue
                path = Path(tmp) / role / Path(item[0]).name
                path.parent.mkdir()
                path.write_bytes(item[1])
                paths[role] = path
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                people_df = read_people(paths["people"])
                graph = None
                if "ties" in paths:
                    table = self._read_ties(paths["ties"], people_df)
                    graph = build_network(table, people_df, directed=False)
                contact_df = (read_contacts(paths["contacts"], people=people_df)
                              if "contacts" in paths else None)
                G = reach_graph(people_df, contact_df, graph)
            notes = [str(c.message) for c in caught][:3]
            plan = _Plan(name=paths["people"].name, G=G, people=people_df, uploaded=True)
            self._set_plan(plan, audience=None)
        except (DataError, ValueError, UnicodeDecodeError, OSError) as err:
            text = str(err).replace(f"{tmp}{os.sep}", "").replace(tmp, "")
            for role in ("people", "ties", "contacts"):
                text = text.replace(f"{role}{os.sep}", "")
            self._say("error", _("This file could not be used: {problem}").format(problem=text))
            return False
        except Exception as err:  # noqa: BLE001 - the page must keep working
            self._say("error", _("This file could not be read ({kind}). Check that it is a "
                                 "CSV or Excel file with a header row.").format(
                                     kind=type(err).__name__))
            return False
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        n_out = sum(1 for _n, k in G.nodes(data="kind") if k != "employee")
        text = _("Loaded {people} people and {outside} outside contacts. Pseudonyms are "
                 "on.").format(people=len(people_df), outside=n_out)
        if notes:
            text += " " + _("Notes:") + " " + " ".join(notes)
        self._say("ok", text)
        return True

    @staticmethod
    def _read_ties(path: Path, people: pd.DataFrame) -> pd.DataFrame:
        if path.suffix.lower() == ".csv":
            header = pd.read_csv(path, nrows=0, sep=None, engine="python").columns
        else:
            header = pd.read_excel(path, nrows=0).columns
        cols = {str(c).strip().lower() for c in header}
        if {"sender", "recipient"} <= cols:
            return read_interactions(path, people=people)
        if {"respondent", "nominee"} <= cols:
            return read_nominations(path, people=people)
        raise DataError(_(
            "{file}: this is neither an interaction log (columns sender, recipient, timestamp) "
            "nor survey nominations (columns respondent, nominee, relation). Its columns are: "
            "{columns}.\n  What to do: rename the columns in the file's first row and upload "
            "it again.").format(file=path.name, columns=", ".join(map(str, header)) or "-"))

    def _say(self, kind: str, text: str) -> None:
        css = "shrm-error" if kind == "error" else "shrm-ok"
        self.message.value = f"<div class='{css}'>{_esc(text)}</div>" if text else ""

    # ------------------------------------------------------------------ panels
    def _current(self) -> tuple[dict[str, pd.DataFrame], int, int, int]:
        steps = int(self.controls["steps"].value)
        audience = self._audience()
        ranks = self._rankings(audience, steps)
        return ranks, int(self.controls["k"].value), steps, self.plan.sizes[(audience, steps)]

    def _refresh(self, full: bool = False) -> None:
        self._show_summary()
        self._show_compare()
        self._show_chosen()
        if full:
            self._show_referrals()

    def _show_summary(self) -> None:
        G = self.plan.G
        kinds = pd.Series([k for _n, k in G.nodes(data="kind")]).value_counts()
        ranks, k, steps, size = self._current()
        tiles = [(_("employees"), f"{int(kinds.get('employee', 0)):,}"),
                 (_("alumni"), f"{int(kinds.get('alumnus', 0)):,}"),
                 (_("outside contacts"), f"{int(kinds.get('external', 0)):,}"),
                 (_("people in the audience"), f"{size:,}")]
        body = "".join(f"<div class='shrm-tile'><b>{_esc(v)}</b>"
                       f"<span class='shrm-muted'>{_esc(t)}</span></div>" for t, v in tiles)
        self.summary.value = (f"<div class='shrm-muted' style='margin:2px 0 4px 0'>"
                              f"{_esc(self.plan.name)}</div><div class='shrm-tiles'>{body}</div>")

    def _show_compare(self) -> None:
        ranks, k, steps, size = self._current()
        rows = []
        top = max(1, size)
        for s in STRATEGIES:
            t = ranks[s].head(k)
            cov = int(t["coverage"].iloc[-1]) if len(t) else 0
            width = 100 * cov / top
            note = "" if len(t) == k else " " + _("(only {n} available)").format(n=len(t))
            rows.append(
                f"<tr><td>{_esc(_(STRATEGY_LABELS[s]))}{_esc(note)}</td><td style='width:38%'>"
                f"<span class='shrm-bar' style='width:{width:.1f}%;"
                f"background:{STRATEGY_COLOURS[s]}'></span></td>"
                f"<td class='num shrm-coverage-{s}'>{cov:,}</td>"
                f"<td class='num'>{cov / top:.0%}</td></tr>")
        head = "<tr><th>{}</th><th></th><th class='num'>{}</th><th class='num'>{}</th></tr>".format(
            _esc(_("strategy")), _esc(_("reached")), _esc(_("of audience")))
        where = _("directly") if steps == 1 else _("within two steps")
        self.compare.value = (
            "<div class='shrm-card'><h3>" + _esc(_(
                "Coverage of {k} ambassadors, side by side").format(k=k)) + "</h3>"
            "<div class='shrm-muted'>" + _esc(_(
                "Distinct people in the audience reached {where}. Greedy always reaches at "
                "least {share:.0%} of the best possible choice (Nemhauser, Wolsey & Fisher, "
                "1978).").format(where=where, share=GUARANTEE)) + "</div>"
            f"<table class='shrm-t'>{head}{''.join(rows)}</table></div>")
        parts = []
        for s in STRATEGIES:
            t = ranks[s].head(k)
            total = int(t["reach_alone"].sum())
            cov = int(t["coverage"].iloc[-1]) if len(t) else 0
            parts.append(f"<tr><td>{_esc(_(STRATEGY_LABELS[s]))}</td>"
                         f"<td class='num'>{total:,}</td><td class='num'>{cov:,}</td>"
                         f"<td class='num shrm-overlap-{s}'>{total - cov:,}</td></tr>")
        head = ("<tr><th>{}</th><th class='num'>{}</th><th class='num'>{}</th>"
                "<th class='num'>{}</th></tr>").format(
            _esc(_("strategy")), _esc(_("reach added up")), _esc(_("distinct")),
            _esc(_("counted twice")))
        self.overlap.value = (
            "<div class='shrm-card'><h3>"
            + _esc(_("Reach added up against distinct reach")) + "</h3>"
            "<div class='shrm-muted'>" + _esc(_(
                "Colleagues in one team often know the same people, so adding up each "
                "ambassador's reach counts them twice. What counts is the distinct reach, "
                "which greedy maximises by picking people who add new ones.")) + "</div>"
            f"<table class='shrm-t'>{head}{''.join(parts)}</table></div>")

    def _show_chosen(self) -> None:
        ranks, k, steps, size = self._current()
        strategy = self.controls["strategy"].value
        t = ranks[strategy].head(k)
        labels = self._labels(bool(self.controls["pseudonyms"].value))
        people = self.plan.people.set_index("person_id")
        rows = []
        for r in t.itertuples():
            pid = str(r.person)
            dept = people.at[pid, "department"] if pid in people.index and \
                "department" in people.columns else None
            team = people.at[pid, "team"] if pid in people.index and \
                "team" in people.columns else None
            where = " · ".join(str(x) for x in (dept, team) if x is not None and pd.notna(x))
            rows.append(f"<tr><td class='num'>{r.rank}</td><td>{_esc(labels.get(pid, pid))}</td>"
                        f"<td>{_esc(where)}</td><td class='num'>{r.reach_alone:,}</td>"
                        f"<td class='num'>+{r.new_reach:,}</td>"
                        f"<td class='num'>{r.coverage:,}</td></tr>")
        head = ("<tr><th class='num'>#</th><th>{}</th><th>{}</th><th class='num'>{}</th>"
                "<th class='num'>{}</th><th class='num'>{}</th></tr>").format(
            *(_esc(x) for x in (_("ambassador"), _("department · team"), _("reaches alone"),
                                _("adds"), _("total"))))
        empty = ("<tr><td colspan='6' class='shrm-muted'>" + _esc(_(
            "Nobody to choose with this strategy (e.g. no managers in the data).")) +
            "</td></tr>") if t.empty else ""
        self.chosen.value = (
            "<div class='shrm-card'><h3>" + _esc(_("Who the ambassadors are")) + "</h3>"
            "<div class='shrm-muted'>" + _esc(_(
                "'Adds' is the marginal gain: audience members nobody chosen before reaches. "
                "Invite people, never oblige them; network positions are not performance.")) +
            "</div>"
            f"<table class='shrm-t'>{head}{''.join(rows)}{empty}</table></div>")

    def _outcomes(self, by: str, minimum: int | None = None, plan: _Plan | None = None
                  ) -> pd.DataFrame:
        plan = self.plan if plan is None else plan
        minimum = self._min_group() if minimum is None else minimum
        key = (by, minimum)
        if key in plan.outcomes:
            return plan.outcomes[key]
        with self._lock:
            if key not in plan.outcomes:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    plan.outcomes[key] = referral_outcomes(
                        plan.applications, plan.costs, by=by, min_group_size=minimum,
                        n_boot=400, seed=0)
            return plan.outcomes[key]

    def _show_referrals(self) -> None:
        if self.plan.applications is None:
            self.referrals.value = (
                "<div class='shrm-card'><h3>" + _esc(_("Referral outcomes")) + "</h3>"
                "<div class='shrm-muted'>" + _esc(_(
                    "Your upload has no applications table; referral outcomes are shown for "
                    "the bundled organisation only (see socialhrm.reach.referral_outcomes "
                    "for your own).")) + "</div></div>")
            return

        def interval(x: float, lo: float, hi: float, pct: bool) -> str:
            if pd.isna(x):
                return _esc(_("suppressed"))
            if pct:
                return f"{x:.0%} <span class='shrm-muted'>({lo:.0%}–{hi:.0%})</span>"
            return f"{x:.0f} <span class='shrm-muted'>({lo:.0f}–{hi:.0f})</span>"

        def table(t: pd.DataFrame, cost: bool) -> str:
            head = ["", _("applications"), _("hires"), _("hire rate"),
                    _("median days to hire"), _("first-year retention")]
            if cost:
                head.append(_("cost per hire"))
            rows = []
            for g, r in t.iterrows():
                cells = [_esc(g), f"{int(r['applications']):,}", f"{int(r['hires']):,}",
                         interval(r["hire_rate"], r["hire_rate_low"], r["hire_rate_high"], True),
                         interval(r["time_to_hire_days"], r["time_to_hire_low"],
                                  r["time_to_hire_high"], False),
                         interval(r["first_year_retention"], r["retention_low"],
                                  r["retention_high"], True)]
                if cost:
                    cells.append("-" if pd.isna(r["cost_per_hire"])
                                 else f"€ {r['cost_per_hire']:,.0f}")
                rows.append("<tr>" + "".join(
                    f"<td{'' if i == 0 else ' class=num'}>{c}</td>"
                    for i, c in enumerate(cells)) + "</tr>")
            heads = "".join(f"<th{'' if i == 0 else ' class=num'}>{_esc(h)}</th>"
                            for i, h in enumerate(head))
            return f"<table class='shrm-t'><tr>{heads}</tr>{''.join(rows)}</table>"

        by_channel = self._outcomes("channel")
        by_tie = self._outcomes("tie_strength")
        self.referrals.value = (
            "<div class='shrm-card'><h3>" + _esc(_("Referral outcomes by hiring channel")) +
            "</h3><div class='shrm-muted'>" + _esc(_(
                "Since the referral programme started; in brackets the 95% bootstrap "
                "interval. Channels with fewer than {n} applications are merged; figures "
                "resting on fewer than {n} people are suppressed.").format(
                    n=by_channel.attrs["min_group_size"])) + "</div>"
            + table(by_channel, True)
            + "<h3 style='margin-top:10px'>" + _esc(_(
                "Referrals by tie strength (Granovetter, 1973)")) + "</h3>"
            + table(by_tie, False) + "</div>")
