"""Organisation health: the HR business partner's page for a management-team meeting.

Three panels, each a thin layer over the library:

- **silo map** (:mod:`socialhrm.silos`): the E-I index per group with its permutation test,
  and the communities the network shows against the chart (modularity, agreement);
- **knowledge at risk** (:mod:`socialhrm.knowledge`): topics held by one or two people, the
  key players, and a "what if this person leaves" picker;
- **expertise finder**: who knows a topic, and how many steps away they are from a person or
  a team.

Noordhaven is loaded at the start; an upload (people, ties and optionally expertise) replaces
it, pseudonymised. Every group figure passes the privacy gate (small groups merged, minimum
never below the floor). Everything a control change needs is computed once and kept, so a
change answers within the dashboard budget (300 ms).

>>> from socialhrm.apps.org_health import OrgHealth
>>> app = OrgHealth()        # doctest: +SKIP
>>> app.widget               # doctest: +SKIP
"""

from __future__ import annotations

import html
import os
import secrets
import shutil
import tempfile
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ipywidgets as w
import networkx as nx
import pandas as pd

from socialhrm import datasets
from socialhrm.data import (
    DataError,
    pseudonymise,
    read_interactions,
    read_nominations,
    read_people,
)
from socialhrm.i18n import N_, _
from socialhrm.knowledge import exit_impact, find_expert, key_players, knowledge_at_risk
from socialhrm.network import build_network
from socialhrm.privacy import resolve_min_group_size
from socialhrm.silos import ALL, communities, compare_partitions, ei_index

__all__ = ["OrgHealth"]

#: Groupings offered for the silo map (when the people table has them).
GROUP_BY = ("department", "location", "level", "team")
#: How the groupings are named on the page (translated where shown).
GROUP_LABELS = {"department": N_("department"), "location": N_("location"),
                "level": N_("level"), "team": N_("team")}
#: Largest upload accepted (bigger logs belong in a notebook with the library).
MAX_UPLOAD_MB = 100
NOBODY = "__nobody__"

CSS = """
<style>
.shrm-orghealth { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  color: #1f2933; max-width: 1400px; }
.shrm-orghealth .widget-hbox { column-gap: 12px; }
.shrm-orghealth .shrm-card { background: #fff; border: 1px solid #e3e8ee; border-radius: 8px;
  padding: 10px 14px; margin-bottom: 8px; }
.shrm-orghealth h3 { margin: 2px 0 6px 0; font-size: 15px; color: #102a43; }
.shrm-orghealth .shrm-muted { color: #627d98; font-size: 12.5px; line-height: 1.35; }
.shrm-orghealth table.shrm-t { border-collapse: collapse; font-size: 12.5px; width: 100%; }
.shrm-orghealth table.shrm-t th, .shrm-orghealth table.shrm-t td { padding: 3px 6px;
  border-bottom: 1px solid #eef2f6; text-align: left; vertical-align: top; }
.shrm-orghealth table.shrm-t td.num { text-align: right; font-variant-numeric: tabular-nums; }
.shrm-orghealth .shrm-bar { display: inline-block; height: 9px; border-radius: 3px;
  vertical-align: middle; }
.shrm-orghealth .closed { color: #9b2c2c; font-weight: 600; }
.shrm-orghealth .open { color: #22543d; font-weight: 600; }
.shrm-orghealth .shrm-error { background: #fff5f5; border: 1px solid #f5c2c7; color: #842029;
  border-radius: 8px; padding: 8px 12px; white-space: pre-wrap; font-size: 13px; }
.shrm-orghealth .shrm-ok { background: #f0fff4; border: 1px solid #b7e4c7; color: #1b4332;
  border-radius: 8px; padding: 6px 12px; font-size: 13px; }
.shrm-orghealth .shrm-tile { display: inline-block; background: #f0f4f8; border-radius: 8px;
  padding: 6px 12px; margin: 0 8px 6px 0; min-width: 110px; }
.shrm-orghealth .shrm-tile b { font-size: 18px; display: block; color: #102a43; }
</style>
"""


def _esc(value: Any) -> str:
    return html.escape(str(value))


def _read_upload(upload: w.FileUpload) -> tuple[str, bytes] | None:
    if not upload.value:
        return None
    item = upload.value[0]
    return str(item["name"]), bytes(item["content"])


def _table(header: list[str], rows: list[list[str]], numeric: set[int] = frozenset()) -> str:
    """An HTML table; every cell is escaped here unless it is marked as ready HTML."""
    head = "".join(f"<th>{_esc(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td class='num'>{c}</td>" if i in numeric else f"<td>{c}</td>"
                         for i, c in enumerate(row)) + "</tr>" for row in rows)
    return f"<table class='shrm-t'><tr>{head}</tr>{body}</table>"


@dataclass
class _Data:
    """The networks and tables behind the page, with what is precomputed on them."""

    name: str
    people: pd.DataFrame
    contacts: nx.Graph              # who is in touch (undirected, every pair once)
    advice: nx.Graph                # who goes to whom (survey) or, without one, contacts
    expertise: pd.DataFrame | None
    uploaded: bool = False
    cache: dict[Any, Any] = field(default_factory=dict)


def _contacts(G: nx.Graph) -> nx.Graph:
    U = nx.Graph()
    U.add_nodes_from(G.nodes(data=True))
    U.add_edges_from((u, v) for u, v in G.edges() if u != v)
    return U


class OrgHealth:
    """The organisation-health app: one ipywidgets container in ``widget``.

    Parameters
    ----------
    dataset
        The bundled organisation to start with.
    min_group_size
        Groups smaller than this are merged before any group figure (default 5; the floor of
        :func:`socialhrm.privacy.resolve_min_group_size` always applies).
    permutations
        Permutations of the E-I test (the same seed, 0, every time).

    Examples
    --------
    >>> app = OrgHealth()                                 # doctest: +SKIP
    >>> app.controls["leaving"].value = "NH0067"          # doctest: +SKIP
    """

    def __init__(self, dataset: str = "noordhaven", *, min_group_size: int = 5,
                 permutations: int = 1000) -> None:
        self._key = os.environ.get("SOCIALHRM_PSEUDONYM_KEY") or secrets.token_hex(16)
        self.permutations = permutations
        self._busy = False
        self._dataset = dataset
        self.data = self._bundled(dataset)
        self._build_controls(min_group_size)
        self.message = w.HTML().add_class("shrm-message")
        self.silo = w.HTML().add_class("shrm-silo")
        self.chart = w.HTML().add_class("shrm-chart")
        self.risk = w.HTML().add_class("shrm-risk")
        self.keyplayers = w.HTML().add_class("shrm-keyplayers")
        self.whatif = w.HTML().add_class("shrm-whatif")
        self.finder = w.HTML().add_class("shrm-finder")
        self._refresh_all()
        self.widget = self._assemble()

    @staticmethod
    def _bundled(dataset: str) -> _Data:
        ds = datasets.load(dataset)
        if ds.people is None:
            raise ValueError(_("{name} has no people table; this dashboard needs one.").format(
                name=dataset))
        messages = ds.network("interactions", directed=False) \
            if ds.interactions is not None else None
        advice = ds.network("advice") if ds.nominations is not None else None
        contacts = _contacts(messages if messages is not None else advice)
        return _Data(name=ds.name, people=ds.people, contacts=contacts,
                     advice=advice if advice is not None else contacts,
                     expertise=ds.expertise)

    # ------------------------------------------------------------------ controls
    def _build_controls(self, min_group_size: int) -> None:
        style = {"description_width": "initial"}
        c: dict[str, w.Widget] = {}
        c["source"] = w.ToggleButtons(
            options=[(_("Noordhaven (bundled, synthetic)"), "bundled"),
                     (_("My own data"), "upload")], value="bundled",
            style={"button_width": "auto"})
        c["people_file"] = w.FileUpload(accept=".csv,.xlsx", multiple=False,
                                        description=_("People file"))
        c["ties_file"] = w.FileUpload(accept=".csv,.xlsx", multiple=False,
                                      description=_("Interactions or survey file"))
        c["expertise_file"] = w.FileUpload(accept=".csv,.xlsx", multiple=False,
                                           description=_("Expertise file (optional)"))
        c["load"] = w.Button(description=_("Load my data"), button_style="primary",
                             icon="upload")
        c["group_by"] = w.Dropdown(description=_("Silo map by"), style=style,
                                   layout=w.Layout(width="240px"))
        c["pseudonyms"] = w.Checkbox(value=False, description=_("Pseudonyms (hide names)"),
                                     indent=False, layout=w.Layout(width="210px"))
        c["min_group"] = w.BoundedIntText(value=min_group_size, min=1, max=100,
                                          description=_("Minimum group size"), style=style,
                                          layout=w.Layout(width="190px"))
        c["leaving"] = w.Dropdown(description=_("What if this person leaves?"), style=style,
                                  layout=w.Layout(width="420px"))
        c["topic"] = w.Dropdown(description=_("Who knows"), style=style,
                                layout=w.Layout(width="330px"))
        c["start"] = w.Dropdown(description=_("and how do I reach them from"), style=style,
                                layout=w.Layout(width="430px"))
        for name, widget in c.items():
            widget.add_class(f"shrm-{name.replace('_', '-')}")
        self.controls = c
        c["source"].observe(self._on_source, "value")
        c["load"].on_click(self._on_load)
        for name in ("group_by", "min_group"):
            c[name].observe(self._on_silo_change, "value")
        c["pseudonyms"].observe(self._on_labels_change, "value")
        c["leaving"].observe(lambda _c: self._guarded(self._show_whatif), "value")
        for name in ("topic", "start"):
            c[name].observe(lambda _c: self._guarded(self._show_finder), "value")
        self.upload_box = w.VBox([
            w.HTML("<div class='shrm-muted'>" + _esc(_(
                "Upload a people table (person_id, department, location, ...), an interaction "
                "log (sender, recipient, timestamp) or survey nominations (respondent, "
                "nominee, relation), and optionally an expertise table (person_id, topic). "
                "Files stay on this computer; pseudonyms are switched on for your data."))
                + "</div>"),
            w.HBox([c["people_file"], c["ties_file"], c["expertise_file"], c["load"]],
                   layout=w.Layout(flex_flow="row wrap")),
        ], layout=w.Layout(display="none"))
        self.upload_box.add_class("shrm-upload")

    def _assemble(self) -> w.VBox:
        c = self.controls

        def card(title: str, note: str, *children: w.Widget) -> w.VBox:
            box = w.VBox([w.HTML(f"<h3>{_esc(title)}</h3><div class='shrm-muted'>"
                                 f"{_esc(note)}</div>"), *children])
            box.add_class("shrm-card")
            return box

        top = w.VBox([
            w.HTML(CSS),
            w.HBox([w.HTML("<b>" + _esc(_("Data")) + "</b>&nbsp;"), c["source"]],
                   layout=w.Layout(align_items="center")),
            self.upload_box,
            w.HBox([w.HTML("<b>" + _esc(_("Privacy")) + "</b>&nbsp;"), c["pseudonyms"],
                    c["min_group"],
                    w.HTML("<span class='shrm-muted'>" + _esc(_(
                        "Smaller groups are merged before any group figure.")) + "</span>")],
                   layout=w.Layout(align_items="center", flex_flow="row wrap")),
            self.message,
        ])
        silos = card(_("Silo map"), _(
            "E-I index: -1 = every tie stays inside the group, +1 = every tie goes outside. "
            "'Expected' is what the group's size alone would give (1,000 random "
            "relabellings)."), c["group_by"], self.silo, self.chart)
        risk = card(_("Knowledge at risk"), _(
            "Topics held by one or two people, and what an exit would cut off. Network "
            "positions describe where knowledge flows, not how well anyone works: use this "
            "to share knowledge, never to rank people."), self.risk, self.keyplayers,
            c["leaving"], self.whatif)
        finder = card(_("Expertise finder"), _(
            "Who knows a topic, and how many steps away they are (1 = a direct contact)."),
            w.HBox([c["topic"], c["start"]], layout=w.Layout(flex_flow="row wrap")),
            self.finder)
        left = w.VBox([silos], layout=w.Layout(flex="1 1 50%", min_width="0"))
        right = w.VBox([risk, finder], layout=w.Layout(flex="1 1 50%", min_width="0"))
        root = w.VBox([top, w.HBox([left, right], layout=w.Layout(width="100%"))],
                      layout=w.Layout(padding="4px"))
        root.add_class("shrm-orghealth")
        return root

    # ------------------------------------------------------------------ state
    def _guarded(self, show: Any) -> None:
        if not self._busy:
            show()

    def _min_group(self) -> int:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            value = resolve_min_group_size(self.controls["min_group"].value)
        if caught:
            self._say("ok", str(caught[0].message))
        return value

    def _labels(self) -> dict[str, str]:
        """Display label per person: a pseudonym, or the name (else the id)."""
        pseudonyms = bool(self.controls["pseudonyms"].value)
        key = ("labels", pseudonyms)
        cache = self.data.cache
        if key not in cache:
            people = self.data.people
            ids = people["person_id"].astype(str)
            if pseudonyms:
                labels = pseudonymise(people[["person_id"]], "person_id", key=self._key,
                                      prefix="p_", length=6)["person_id"].astype(str)
            elif "name" in people.columns and not self.data.uploaded:
                labels = people["name"].astype(str)
            else:
                labels = ids
            cache[key] = dict(zip(ids, labels, strict=True))
        return cache[key]

    def _refresh_all(self) -> None:
        """New data: fill the choices, precompute, and show every panel."""
        self._busy = True
        try:
            c, people = self.controls, self.data.people
            options = [g for g in GROUP_BY if g in people.columns
                       and people[g].notna().any()]
            c["group_by"].options = [(_(GROUP_LABELS[g]), g) for g in options]
            c["group_by"].value = options[0] if options else None
            self._fill_people_choices()
            topics = (sorted(self.data.expertise["topic"].astype(str).unique(), key=str.lower)
                      if self.data.expertise is not None else [])
            c["topic"].options = topics
            c["topic"].value = ("SQL" if "SQL" in topics else topics[0]) if topics else None
        finally:
            self._busy = False
        self._precompute()
        self._show_silos()
        self._show_risk()
        self._show_whatif()
        self._show_finder()

    def _precompute(self) -> None:
        """Everything the silo map's grouping choice needs, so that a change only redraws."""
        group_by = self.controls["group_by"]
        chosen = group_by.value
        self._busy = True
        try:
            for _label, option in group_by.options:
                group_by.value = option
                self.silo_table()
                self._chart_table()
        finally:
            group_by.value = chosen
            self._busy = False

    def _fill_people_choices(self) -> None:
        c, labels = self.controls, self._labels()
        cache = self.data.cache
        if "key_players" not in cache:
            G = self.data.advice
            cache["key_players"] = key_players(G, k=min(3, max(1, G.number_of_nodes() - 1)))
        first = [str(p) for p in cache["key_players"].index]
        rest = sorted((p for p in labels if p not in first), key=lambda p: labels[p].lower())
        keep = c["leaving"].value
        c["leaving"].options = ([(_("(nobody)"), NOBODY)]
                                + [(labels[p] + " · " + _("key player"), p) for p in first]
                                + [(labels[p], p) for p in rest])
        c["leaving"].value = keep if keep in dict(c["leaving"].options).values() else NOBODY
        teams = []
        if "team" in self.data.people.columns:
            teams = sorted(self.data.people["team"].dropna().astype(str).unique())
        start_keep = c["start"].value
        c["start"].options = ([(_("(nobody in particular)"), NOBODY)]
                              + [(_("team {team}").format(team=t), f"team:{t}") for t in teams]
                              + [(labels[p], p) for p in sorted(labels,
                                                                key=lambda p: labels[p].lower())])
        values = [v for _label, v in c["start"].options]
        c["start"].value = start_keep if start_keep in values else NOBODY

    # ------------------------------------------------------------------ panels
    def silo_table(self) -> pd.DataFrame:
        """The E-I table for the chosen grouping and minimum (computed once, then kept)."""
        by, minimum = self.controls["group_by"].value, self._min_group()
        key = ("ei", by, minimum)
        if key not in self.data.cache:
            self.data.cache[key] = ei_index(self.data.contacts, by=by,
                                            permutations=self.permutations, seed=0,
                                            min_group_size=minimum)
        return self.data.cache[key]

    def _show_silos(self) -> None:
        by = self.controls["group_by"].value
        if by is None:
            self.silo.value = "<div class='shrm-muted'>" + _esc(_(
                "The people table has no column to group by.")) + "</div>"
            self.chart.value = ""
            return
        table = self.silo_table()
        rows = []
        for group, r in table.iterrows():
            ei = float(r["ei"])
            width = int(round(abs(ei) * 60))
            colour = "#c53030" if ei < 0 else "#2f855a"
            bar = f"<span class='shrm-bar' style='width:{width}px;background:{colour}'></span>"
            reading = str(r["reading"])
            css = "closed" if r["p_closed"] <= 0.025 else "open" if r["p_open"] <= 0.025 else ""
            name = _("whole organisation") if group == ALL else group
            rows.append([f"<b>{_esc(name)}</b>" if group == ALL else _esc(name),
                         _esc(int(r["people"])), f"{ei:+.2f} {bar}",
                         f"{float(r['ei_expected']):+.2f}",
                         f"<span class='{css}'>{_esc(reading)}</span>"])
        self.silo.value = _table([_(GROUP_LABELS.get(by, by)), _("people"), _("E-I"), _("expected"),
                                  _("reading")], rows, numeric={1, 3})
        self._show_chart()

    def _chart_table(self) -> pd.DataFrame:
        """Communities against the chosen grouping (computed once, then kept)."""
        by, minimum = self.controls["group_by"].value, self._min_group()
        key = ("chart", by, minimum)
        cache = self.data.cache
        if "communities" not in cache:
            cache["communities"] = communities(self.data.contacts, seed=0)
        if key not in cache:
            cache[key] = compare_partitions(self.data.contacts, formal=by,
                                            detected=cache["communities"],
                                            min_group_size=minimum)
        return cache[key]

    def _show_chart(self) -> None:
        comparison = self._chart_table()
        t = comparison["value"]
        tiles = [(_("groups"), f"{int(t['formal_groups'])}"),
                 (_("communities found"), f"{int(t['communities'])}"),
                 (_("modularity of the groups"), f"{t['modularity_formal']:.2f}"),
                 (_("modularity of the communities"), f"{t['modularity_detected']:.2f}"),
                 (_("agreement (NMI)"), f"{t['nmi']:.2f}")]
        html_tiles = "".join(f"<span class='shrm-tile'><b>{_esc(v)}</b>{_esc(k)}</span>"
                             for k, v in tiles)
        crosstab = comparison.attrs["crosstab"]
        split = [str(g) for g, row in crosstab.iterrows() if (row > 0).sum() > 1]
        note = (_("Split over several communities: {groups}.").format(groups=", ".join(split))
                if split else _("Every group falls within one community."))
        self.chart.value = ("<h3>" + _esc(_("Communities against the chart")) + "</h3>"
                            f"{html_tiles}<div class='shrm-muted'>{_esc(note)}</div>")

    def _risk_table(self) -> pd.DataFrame | None:
        if self.data.expertise is None:
            return None
        cache = self.data.cache
        if "risk" not in cache:
            cache["risk"] = knowledge_at_risk(self.data.advice, self.data.expertise)
        return cache["risk"]

    def _show_risk(self) -> None:
        labels = self._labels()
        risk = self._risk_table()
        if risk is None:
            self.risk.value = "<div class='shrm-muted'>" + _esc(_(
                "No expertise table: upload one (person_id, topic) to see knowledge at "
                "risk.")) + "</div>"
        else:
            thin = risk[risk["thin"]]
            rows = [[_esc(topic), _esc(int(r["holders"])),
                     _esc(", ".join(labels.get(p, p) for p in r["holder_ids"].split("; "))),
                     f"{float(r['reach']):.0%}"] for topic, r in thin.iterrows()]
            self.risk.value = (_table([_("topic"), _("holders"), _("who"), _("can ask them")],
                                      rows, numeric={1, 3}) if rows else
                               "<div class='shrm-muted'>" + _esc(_(
                                   "Every topic is held by three people or more.")) + "</div>")
        kp = self.data.cache["key_players"]
        names = ", ".join(labels.get(str(p), str(p)) for p in kp.index)
        self.keyplayers.value = ("<div class='shrm-muted'>" + _esc(_(
            "Key players (Borgatti): without {names} the share of pairs of people who cannot "
            "reach each other rises from {before:.0%} to {after:.0%}.").format(
                names=names, before=kp.attrs["score_before"], after=kp.attrs["score"]))
            + "</div>")

    def what_if(self, person: str) -> tuple[pd.DataFrame, pd.DataFrame]:
        """What an exit costs: the person's topics after they leave, and who is cut off."""
        cache = self.data.cache
        key = ("whatif", person)
        if key not in cache:
            exp = self.data.expertise
            if exp is not None:
                theirs = set(exp.loc[exp["person_id"].astype(str) == person, "topic"])
                subset = exp[exp["topic"].isin(theirs)]
                topics = (knowledge_at_risk(self.data.advice, subset, leaving=person)
                          if len(subset) else pd.DataFrame())
            else:
                topics = pd.DataFrame()
            cache[key] = (topics, exit_impact(self.data.advice, person))
        return cache[key]

    def _show_whatif(self) -> None:
        person = self.controls["leaving"].value
        if person in (None, NOBODY):
            self.whatif.value = "<div class='shrm-muted'>" + _esc(_(
                "Choose a person to see which knowledge and which connections their exit "
                "would cut off.")) + "</div>"
            return
        labels = self._labels()
        topics, cut = self.what_if(person)
        who = labels.get(person, person)
        parts = []
        if len(topics):
            rows = [[_esc(t), _esc(int(r["holders"])), _esc(int(r["holders_after"])),
                     "<b>" + _esc(_("lost")) + "</b>" if r["lost"] else
                     _esc(f"{float(r['reach_after']):.0%}")]
                    for t, r in topics.iterrows()]
            parts.append(_table([_("topic"), _("holders now"), _("after"),
                                 _("can still ask")], rows, numeric={1, 2}))
        else:
            parts.append("<div class='shrm-muted'>" + _esc(_(
                "{who} has declared no expertise.").format(who=who)) + "</div>")
        if len(cut):
            team = ""
            if "team" in cut.columns and cut["team"].notna().any():
                teams = cut["team"].dropna().astype(str).value_counts()
                if teams.iloc[0] >= self._min_group():  # never name a small group
                    team = " " + _("(mostly team {team})").format(team=teams.index[0])
            text = _("{n} people would lose every connection to the rest of the network"
                     ).format(n=len(cut)) + team + "."
        else:
            text = _("Nobody would be cut off from the rest of the network.")
        parts.append(f"<div class='shrm-muted'><b>{_esc(text)}</b></div>")
        title = _("If {who} left:").format(who=who)
        self.whatif.value = f"<div><b>{_esc(title)}</b></div>" + "".join(parts)

    def _show_finder(self) -> None:
        topic = self.controls["topic"].value
        if self.data.expertise is None or topic is None:
            self.finder.value = "<div class='shrm-muted'>" + _esc(_(
                "No expertise table: upload one (person_id, topic) to find experts.")) + "</div>"
            return
        start_value = self.controls["start"].value
        start: Any = None
        if isinstance(start_value, str) and start_value.startswith("team:"):
            team = start_value[5:]
            people = self.data.people
            start = [p for p in people.loc[people["team"].astype(str) == team, "person_id"]
                     .astype(str) if p in self.data.advice] or None
        elif start_value not in (None, NOBODY):
            start = start_value
        key = ("find", topic, start_value)
        if key not in self.data.cache:
            self.data.cache[key] = find_expert(self.data.advice, self.data.expertise, topic,
                                               start=start)
        found = self.data.cache[key].head(8)
        labels = self._labels()
        rows = []
        for p, r in found.iterrows():
            steps = r["steps"]
            shown = ("–" if pd.isna(steps) else _("no path") if steps == float("inf")
                     else str(int(steps)))
            path = " → ".join(labels.get(x, x) for x in str(r["path"]).split(" → ")) \
                if r["path"] else ""
            rows.append([_esc(labels.get(str(p), str(p))),
                         _esc(r.get("department", "") or ""), _esc(shown), _esc(path)])
        self.finder.value = _table([_("who knows it"), _("department"), _("steps"),
                                    _("how to get there")], rows, numeric={2})

    # ------------------------------------------------------------------ events
    def _say(self, kind: str, text: str) -> None:
        css = "shrm-error" if kind == "error" else "shrm-ok"
        self.message.value = f"<div class='{css}'>{_esc(text)}</div>" if text else ""

    def _on_silo_change(self, _change: dict | None = None) -> None:
        if not self._busy:
            self._show_silos()

    def _on_labels_change(self, _change: dict | None = None) -> None:
        if self._busy:
            return
        self._busy = True
        try:
            self._fill_people_choices()
        finally:
            self._busy = False
        self._show_risk()
        self._show_whatif()
        self._show_finder()

    def _on_source(self, change: dict) -> None:
        upload = change["new"] == "upload"
        self.upload_box.layout.display = "flex" if upload else "none"
        if not upload and self.data.uploaded:
            self.data = self._bundled(self._dataset)
            self._busy = True
            self.controls["pseudonyms"].value = False
            self._busy = False
            self._refresh_all()
            self._say("ok", _("Back to the bundled organisation."))

    def _on_load(self, _button: Any = None) -> None:
        people = _read_upload(self.controls["people_file"])
        ties = _read_upload(self.controls["ties_file"])
        if people is None or ties is None:
            self._say("error", _("Please choose a people file and an interactions or survey "
                                 "file first."))
            return
        self.load_files(people, ties, _read_upload(self.controls["expertise_file"]))

    def load_files(self, people: tuple[str, bytes], ties: tuple[str, bytes],
                   expertise: tuple[str, bytes] | None = None) -> bool:
        """Load uploaded files through :mod:`socialhrm.data`; show any problem in the page.

        Parameters
        ----------
        people, ties, expertise
            ``(file name, content)``: the people table, an interaction log or survey
            nominations, and optionally an expertise table (person_id, topic).

        Returns
        -------
        bool
            ``True`` when loaded; otherwise the current data stays and the message says
            what to fix.
        """
        files = [f for f in (people, ties, expertise) if f is not None]
        for name, content in files:
            if not content:
                self._say("error", _("{file} is empty: choose the file again.").format(
                    file=Path(name).name))
                return False
            if len(content) > MAX_UPLOAD_MB * 2 ** 20:
                self._say("error", _("{file} is larger than {mb} MB; analyse it in a notebook "
                                     "with the library instead.").format(
                                         file=Path(name).name, mb=MAX_UPLOAD_MB))
                return False
        tmp = tempfile.mkdtemp(prefix="socialhrm_upload_")
        try:
            paths = []
            for name, content in files:
                path = Path(tmp) / Path(name).name
                path.write_bytes(content)
                paths.append(path)
            with warnings.catch_warnings(record=True):
                warnings.simplefilter("always")
                people_df = read_people(paths[0])
                header = pd.read_csv(paths[1], nrows=0, sep=None, engine="python").columns \
                    if paths[1].suffix.lower() == ".csv" else pd.read_excel(paths[1],
                                                                            nrows=0).columns
                cols = {str(c).strip().lower() for c in header}
                if {"sender", "recipient"} <= cols:
                    table = read_interactions(paths[1], people=people_df)
                    contacts = _contacts(build_network(table, people_df, directed=False))
                    advice = contacts
                elif {"respondent", "nominee"} <= cols:
                    table = read_nominations(paths[1], people=people_df)
                    first = str(pd.unique(table["relation"])[0])
                    advice = build_network(table, people_df, relation=first)
                    contacts = _contacts(advice)
                else:
                    raise DataError(_(
                        "{file}: this is neither an interaction log (columns sender, "
                        "recipient, timestamp) nor survey nominations (columns respondent, "
                        "nominee, relation). Its columns are: {cols}.\n  What to do: rename "
                        "the columns in the file's first row and upload it again.").format(
                            file=paths[1].name, cols=", ".join(map(str, header)) or "-"))
                exp_df = None
                if expertise is not None:
                    exp_df = pd.read_csv(paths[2], dtype=str) \
                        if paths[2].suffix.lower() == ".csv" else pd.read_excel(paths[2],
                                                                                dtype=str)
                    exp_df.columns = [str(c).strip().lower() for c in exp_df.columns]
                    if not {"person_id", "topic"} <= set(exp_df.columns):
                        raise DataError(_(
                            "{file}: an expertise table needs the columns person_id and topic "
                            "(one row per person and topic); it has: {cols}.").format(
                                file=paths[2].name, cols=", ".join(exp_df.columns) or "-"))
            if contacts.number_of_edges() == 0:
                raise DataError(_("{file}: no usable ties remain after checking the file "
                                  "against the people table.").format(file=paths[1].name))
            self.data = _Data(name=paths[1].name, people=people_df, contacts=contacts,
                              advice=advice, expertise=exp_df, uploaded=True)
            self._busy = True
            self.controls["pseudonyms"].value = True
            self._busy = False
            self._refresh_all()
        except (DataError, ValueError, UnicodeDecodeError, OSError) as err:
            self._busy = False
            text = str(err).replace(f"{tmp}{os.sep}", "").replace(tmp, "")
            self._say("error", _("This file could not be used: {problem}").format(problem=text))
            return False
        except Exception as err:  # noqa: BLE001 - the page must keep working
            self._busy = False
            self._say("error", _("This file could not be read ({kind}). Check that it is a "
                                 "CSV or Excel file with a header row.").format(
                                     kind=type(err).__name__))
            return False
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        self._say("ok", _("Loaded {n} people from {file}. Pseudonyms are on.").format(
            n=len(people_df), file=self.data.name))
        return True
