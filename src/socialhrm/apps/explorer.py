"""The network explorer: an HR business partner's view of the informal organisation.

Pick the bundled organisation or upload your own people + interactions (or survey) CSVs,
choose the relation and a time window, and see the network drawn and coloured by group,
a person's key figures on click, people's network roles, and the group-by-group tie
matrix - with pseudonyms and a minimum group size for privacy.

All analysis is done by the library (:mod:`socialhrm.network`, :mod:`socialhrm.roles`);
everything a control change needs is computed once per network and kept, so changing the
colouring, the privacy settings or the matrix only redraws.

>>> from socialhrm.apps import NetworkExplorer
>>> app = NetworkExplorer()          # doctest: +SKIP
>>> app.widget                       # doctest: +SKIP
"""

from __future__ import annotations

import functools
import os
import secrets
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import ipywidgets as w
import networkx as nx
import numpy as np
import pandas as pd

from socialhrm import datasets, privacy
from socialhrm.apps import panels, uploads
from socialhrm.apps.panels import esc
from socialhrm.data import (
    DataError,
    pseudonymise,
    read_header,
    read_interactions,
    read_nominations,
    read_people,
    table_kind,
)
from socialhrm.i18n import LANGUAGES, N_, _, month_label, using_language
from socialhrm.network import build_network, centrality_table, describe, to_igraph
from socialhrm.roles import ROLE_NAMES as ROLE_NAME
from socialhrm.roles import group_tie_matrix, network_roles

__all__ = ["NetworkExplorer"]

#: Node attributes people can colour and group by (when the data has them).
GROUP_BY = ("department", "location", "level")

#: A colour-blind friendly categorical palette (Okabe-Ito, then Tableau extras).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
           "#000000", "#8C564B", "#7F7F7F", "#BCBD22", "#17BECF")

#: The colour of the merged small groups.
OTHER_COLOUR = "#9AA5B1"

MESSAGES = "messages"
#: Largest file the dashboard accepts (see :mod:`socialhrm.apps.uploads`).
MAX_UPLOAD_MB = uploads.MAX_UPLOAD_MB
#: Labels of the group-by options, translated where shown.
GROUP_LABELS = {"department": N_("department"), "location": N_("location"),
                "level": N_("level"), "team": N_("team")}

CSS = """
<style>
.shrm-explorer { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  color: #1f2933; max-width: 1400px; }
.shrm-explorer .widget-hbox { column-gap: 12px; }
.shrm-explorer .widget-vbox { row-gap: 6px; }
.shrm-explorer .shrm-card { background: #fff; border: 1px solid #e3e8ee; border-radius: 8px;
  padding: 10px 14px; }
.shrm-explorer h3 { margin: 2px 0 6px 0; font-size: 15px; color: #102a43; }
.shrm-explorer .shrm-muted { color: #627d98; font-size: 12.5px; line-height: 1.35; }
.shrm-explorer table.shrm-t { border-collapse: collapse; font-size: 12.5px; width: 100%; }
.shrm-explorer table.shrm-t th, .shrm-explorer table.shrm-t td { padding: 3px 6px;
  border-bottom: 1px solid #eef2f6; text-align: left; vertical-align: top; }
.shrm-explorer table.shrm-t td.num { text-align: right; font-variant-numeric: tabular-nums; }
.shrm-explorer table.shrm-t tr.shrm-role td { background: #f0f4f8; padding-top: 6px; }
.shrm-explorer table.shrm-heat { border-collapse: collapse; font-size: 12px; }
.shrm-explorer table.shrm-heat th { padding: 3px 5px; font-weight: 600; text-align: right;
  white-space: nowrap; }
.shrm-explorer table.shrm-heat th.col { writing-mode: vertical-rl; transform: rotate(180deg);
  text-align: left; vertical-align: bottom; height: 150px; font-weight: 500; }
.shrm-explorer table.shrm-heat td { width: 46px; min-width: 46px; height: 28px;
  padding: 1px 2px; text-align: center; font-size: 11.5px;
  border: 1px solid #fff; font-variant-numeric: tabular-nums; }
.shrm-explorer table.shrm-heat td.sup { background: repeating-linear-gradient(45deg,#f2f2f2,
  #f2f2f2 4px,#e4e4e4 4px,#e4e4e4 8px); color: #52606d; font-size: 8.5px !important;
  line-height: 1.1; }
.shrm-explorer .shrm-tiles { display: flex; gap: 10px; flex-wrap: wrap; }
.shrm-explorer .shrm-tile { background: #f0f4f8; border-radius: 8px; padding: 6px 12px;
  min-width: 110px; }
.shrm-explorer .shrm-tile b { font-size: 18px; display: block; color: #102a43; }
.shrm-explorer .shrm-error { background: #fff5f5; border: 1px solid #f5c2c7; color: #842029;
  border-radius: 8px; padding: 8px 12px; white-space: pre-wrap; font-size: 13px; }
.shrm-explorer .shrm-ok { background: #f0fff4; border: 1px solid #b7e4c7; color: #1b4332;
  border-radius: 8px; padding: 6px 12px; font-size: 13px; }
.shrm-explorer .shrm-dot { display: inline-block; width: 10px; height: 10px;
  border-radius: 50%; margin-right: 5px; }
</style>
"""


@dataclass
class _Data:
    """The tables behind the explorer: bundled or uploaded."""

    name: str
    people: pd.DataFrame
    interactions: pd.DataFrame | None = None
    nominations: pd.DataFrame | None = None
    uploaded: bool = False

    def relations(self) -> list[tuple[str, str]]:
        out = []
        if self.nominations is not None:
            out += [(_("{relation} (survey)").format(relation=r), str(r))
                    for r in pd.unique(self.nominations["relation"])]
        if self.interactions is not None:
            chans = ", ".join(sorted(map(str, pd.unique(self.interactions["channel"]))))
            out.append((_("messages ({channels})").format(channels=chans), MESSAGES))
        return out

    def months(self) -> list[pd.Timestamp]:
        if self.interactions is None or self.interactions["timestamp"].isna().all():
            return []
        ts = self.interactions["timestamp"].dropna()
        first = ts.min().to_period("M").to_timestamp()
        last = ts.max().to_period("M").to_timestamp()
        return list(pd.date_range(first, last, freq="MS"))


@dataclass
class _View:
    """One network (relation + time window) with everything the controls need, computed once."""

    G: nx.Graph
    centrality: pd.DataFrame
    layout: dict[Any, tuple[float, float]]
    summary: pd.Series
    cache: dict[tuple, Any] = field(default_factory=dict)

    def matrix(self, by: str, min_group_size: int, value: str) -> pd.DataFrame:
        key = ("matrix", by, min_group_size, value)
        if key not in self.cache:
            self.cache[key] = group_tie_matrix(self.G, by=by, min_group_size=min_group_size,
                                               value=value)
        return self.cache[key]

    def groups(self, by: str, min_group_size: int) -> pd.Series:
        """Each person's group as the page may show it (the privacy gate)."""
        key = ("groups", by, min_group_size)
        if key not in self.cache:
            self.cache[key] = privacy.group_labels(self.G, by, min_group_size)
        return self.cache[key]

    def roles(self, by: str | None, min_group_size: int) -> pd.DataFrame:
        key = ("roles", by, min_group_size)
        if key not in self.cache:
            self.cache[key] = network_roles(self.G, by=by, centrality=self.centrality,
                                            min_group_size=min_group_size)
        return self.cache[key]


def _layout(G: nx.Graph, seed: int = 1) -> dict[Any, tuple[float, float]]:
    """Positions for the drawing: Fruchterman-Reingold in igraph (fast), seeded."""
    view = to_igraph(G, weight=None)
    g = view.graph.as_undirected(mode="collapse") if G.is_directed() else view.graph.copy()
    g.simplify(multiple=True, loops=True)
    rng = np.random.default_rng(seed)
    start = rng.uniform(-1, 1, size=(len(view.nodes), 2)).tolist()
    coords = g.layout_fruchterman_reingold(seed=start, niter=500, grid="nogrid")
    return view.to_nodes((float(x), float(y)) for x, y in coords.coords)


def _translated(method: Callable) -> Callable:
    """Run a callback in the page's language (a kernel callback has no language of its own)."""
    @functools.wraps(method)
    def run(self: NetworkExplorer, *args: Any, **kwargs: Any) -> Any:
        with using_language(self.lang):
            return method(self, *args, **kwargs)
    return run


def _read_upload(upload: w.FileUpload) -> tuple[str, bytes] | None:
    if not upload.value:
        return None
    item = upload.value[0]
    return str(item["name"]), bytes(item["content"])


class NetworkExplorer:
    """The network explorer app: one ipywidgets container in ``widget``.

    Parameters
    ----------
    dataset
        The bundled organisation to start with (see :func:`socialhrm.datasets.list`).
    min_group_size
        Groups smaller than this are merged into ``other (<n)`` in every group figure
        (default 5). Never below the floor set by whoever started the server
        (``socialhrm dashboards --min-group-floor N``): a viewer cannot lower it.
    relation
        The relation shown first (default: the first survey relation, e.g. ``"advice"``).
    lang
        The page's language (``"en"`` or ``"nl"``; default: the kit's language).

    Examples
    --------
    >>> app = NetworkExplorer()              # doctest: +SKIP
    >>> app.widget                           # doctest: +SKIP
    >>> app.controls["group_by"].value = "location"  # doctest: +SKIP
    """

    def __init__(self, dataset: str = "noordhaven", *, min_group_size: int = 5,
                 relation: str | None = None, lang: str | None = None) -> None:
        from socialhrm.i18n import get_language

        self.lang = lang if lang in LANGUAGES else get_language()
        with using_language(self.lang):
            ds = datasets.load(dataset)
            if ds.people is None:
                raise DataError(_("{name} has no people table; the explorer needs one.").format(
                    name=dataset))
            self.floor = privacy.floor()
            self._key = os.environ.get("SOCIALHRM_PSEUDONYM_KEY") or secrets.token_hex(16)
            self._views: dict[tuple, _View] = {}
            self._sigmas: dict[tuple, Any] = {}
            self._labels_cache: dict[bool, dict[Any, str]] = {}
            self._busy = False
            self._selected: Any = None
            self.data = _Data(name=ds.name, people=ds.people, interactions=ds.interactions,
                              nominations=ds.nominations)
            self._build_controls(max(int(min_group_size), self.floor))
            self.drawing_box = w.Box(layout=w.Layout(width="100%", min_height="540px"))
            self.drawing_box.add_class("shrm-drawing")
            self.person = w.HTML().add_class("shrm-person")
            self.legend = w.HTML().add_class("shrm-legend")
            self.summary = w.HTML().add_class("shrm-summary")
            self.roles_html = w.HTML().add_class("shrm-roles")
            self.heatmap = w.HTML().add_class("shrm-heatmap")
            self.message = w.HTML().add_class("shrm-message")
            self.window_note = w.HTML()
            self.privacy_note = w.HTML()
            self.upload_note = w.HTML()
            self.data_label = w.HTML()
            self.sigma: Any = None
            self._relabel()
            self._set_data(self.data, relation=relation)
            self.widget = self._assemble()

    # ------------------------------------------------------------------ controls
    def _build_controls(self, min_group_size: int) -> None:
        style = {"description_width": "initial"}
        c: dict[str, w.Widget] = {}
        c["lang"] = w.ToggleButtons(options=[(v, k) for k, v in LANGUAGES.items()],
                                    value=self.lang, style={"button_width": "auto"})
        c["source"] = w.ToggleButtons(options=[("Noordhaven", "bundled"), ("-", "upload")],
                                      value="bundled", style={"button_width": "auto"})
        c["people_file"] = w.FileUpload(accept=".csv,.xlsx", multiple=False, icon="",
                                        layout=w.Layout(width="auto"))
        c["ties_file"] = w.FileUpload(accept=".csv,.xlsx", multiple=False, icon="",
                                      layout=w.Layout(width="auto"))
        c["load"] = w.Button(button_style="primary")
        c["relation"] = w.Dropdown(style=style, layout=w.Layout(width="300px"))
        c["window"] = w.SelectionRangeSlider(options=["-"], style=style,
                                             continuous_update=False,
                                             layout=w.Layout(width="420px"))
        c["group_by"] = w.Dropdown(style=style, layout=w.Layout(width="260px"))
        c["value"] = w.Dropdown(options=[("ties", "ties"), ("density", "density")],
                                value="ties", style=style, layout=w.Layout(width="270px"))
        c["pseudonyms"] = w.Checkbox(value=False, indent=False,
                                     layout=w.Layout(width="200px"))
        # the floor is the server's: a viewer can raise the minimum, never lower it
        c["min_group"] = w.BoundedIntText(value=min_group_size, min=self.floor, max=100,
                                          style=style, layout=w.Layout(width="190px"))
        for name, widget in c.items():
            widget.add_class(f"shrm-{name.replace('_', '-')}")
        self.controls = c
        c["lang"].observe(self._on_language, "value")
        c["source"].observe(self._on_source, "value")
        c["load"].on_click(self._on_load)
        c["relation"].observe(self._on_network_change, "value")
        c["window"].observe(self._on_network_change, "value")
        for name in ("group_by", "pseudonyms", "min_group"):
            c[name].observe(self._on_redraw, "value")
        c["value"].observe(self._on_groups_change, "value")
        self.upload_box = w.VBox(layout=w.Layout(display="none"))
        self.upload_box.add_class("shrm-upload")

    def _relabel(self) -> None:
        """Every label of the page in the current language (called again by the switch)."""
        c = self.controls
        busy, self._busy = self._busy, True
        try:
            c["source"].options = [(_("Noordhaven (bundled, synthetic)"), "bundled"),
                                   (_("My own data"), "upload")]
            c["people_file"].description = _("People file")
            c["ties_file"].description = _("Interactions or survey file")
            c["load"].description = _("Load my data")
            c["relation"].description = _("Relation")
            c["window"].description = _("Time window")
            c["group_by"].description = _("Colour and group by")
            value = c["value"].value
            c["value"].options = [(_("number of ties"), "ties"),
                                  (_("share of possible ties"), "density")]
            c["value"].value = value
            c["value"].description = _("Matrix shows")
            c["pseudonyms"].description = _("Pseudonyms (hide names)")
            c["min_group"].description = _("Minimum group size")
            self.window_note.value = ("<span class='shrm-muted'>" + esc(_(
                "A survey is one moment: no time window. Choose messages to pick months."))
                + "</span>")
            self.privacy_note.value = ("<span class='shrm-muted'>" + esc(_(
                "Groups smaller than the minimum are merged into one group, 'other', in every "
                "figure; the minimum cannot go below {floor}.").format(floor=self.floor))
                + "</span>")
            limit = uploads.upload_limit_mb()
            self.upload_note.value = ("<div class='shrm-muted'>" + esc(_(
                "Upload a people table (person_id, department, location, level, ...) and either "
                "an interaction log (sender, recipient, timestamp[, channel, weight]) or survey "
                "nominations (respondent, nominee, relation[, strength]), as CSV UTF-8 or "
                "Excel, up to {limit} MB each. Files stay on this computer; pseudonyms are "
                "switched on for your data.").format(limit=limit)) + "</div>")
            self.data_label.value = "<b>" + esc(_("Data")) + "</b>&nbsp;"
            self.upload_box.children = (
                self.upload_note,
                w.HBox([c["people_file"], c["ties_file"], c["load"]],
                       layout=w.Layout(flex_flow="row wrap")))
            if getattr(self, "data", None) is not None and hasattr(self, "widget"):
                relation = c["relation"].value
                c["relation"].options = self.data.relations()
                c["relation"].value = relation
                self._group_options()
                months = self.data.months()
                if months:  # the month names too, keeping the chosen window
                    index = c["window"].index
                    c["window"].options = [(month_label(m), i) for i, m in enumerate(months)]
                    c["window"].index = index
        finally:
            self._busy = busy

    def _group_options(self) -> None:
        c = self.controls
        groups = [g for g in GROUP_BY if g in self.data.people.columns
                  and self.data.people[g].notna().any()]
        groups += [col for col in ("team",) if col in self.data.people.columns]
        current = c["group_by"].value
        c["group_by"].options = [(_(GROUP_LABELS[g]), g) for g in groups] or [("-", "")]
        values = [v for _label, v in c["group_by"].options]
        c["group_by"].value = current if current in values else values[0]

    def _assemble(self) -> w.VBox:
        c = self.controls
        self.privacy_label = w.HTML()
        top = w.VBox([
            w.HTML(CSS),
            w.HBox([self.data_label, c["source"], c["lang"]],
                   layout=w.Layout(align_items="center", flex_flow="row wrap")),
            self.upload_box,
            w.HBox([c["relation"], c["group_by"], c["window"], self.window_note],
                   layout=w.Layout(flex_flow="row wrap", align_items="center")),
            w.HBox([c["pseudonyms"], c["min_group"], self.privacy_note],
                   layout=w.Layout(align_items="center", flex_flow="row wrap")),
            self.message,
            self.summary,
        ])
        side = w.VBox([self.person, self.legend],
                      layout=w.Layout(width="30%", min_width="280px"))
        middle = w.HBox([w.VBox([self.drawing_box], layout=w.Layout(flex="1 1 auto")), side],
                        layout=w.Layout(width="100%"))
        matrix_box = w.VBox([c["value"], self.heatmap])
        bottom = w.HBox([
            w.VBox([self.roles_html], layout=w.Layout(flex="1 1 40%", min_width="0")),
            w.VBox([matrix_box], layout=w.Layout(flex="1 1 58%", min_width="0",
                                                 overflow="auto")),
        ], layout=w.Layout(width="100%"))
        root = w.VBox([top, middle, bottom], layout=w.Layout(padding="4px"))
        root.add_class("shrm-explorer")
        return root

    # ------------------------------------------------------------------ data
    def _set_data(self, data: _Data, relation: str | None = None) -> None:
        """Switch to new tables and draw them; on any failure the old page stays whole."""
        old = (self.data, self._views, self._sigmas, self._labels_cache,
               self.controls["relation"].value, self.controls["pseudonyms"].value)
        try:
            self._apply_data(data, relation)
        except Exception:
            self._busy = False
            (self.data, self._views, self._sigmas, self._labels_cache, rel, pseud) = old
            if self.controls["relation"].options:
                self._apply_data(self.data, rel, pseudonyms=pseud, keep_cache=True)
            raise

    def _apply_data(self, data: _Data, relation: str | None, *, pseudonyms: bool | None = None,
                    keep_cache: bool = False) -> None:
        if not keep_cache:
            self._views, self._sigmas, self._labels_cache = {}, {}, {}
        self.data = data
        c = self.controls
        self._busy = True
        try:
            options = data.relations()
            c["relation"].options = options
            values = [v for _label, v in options]
            c["relation"].value = relation if relation in values else values[0]
            months = data.months()
            if months:
                labels = [(month_label(m), i) for i, m in enumerate(months)]
                c["window"].options = labels
                c["window"].index = (0, len(labels) - 1)
            else:
                c["window"].options = [("-", 0)]
            self._group_options()
            c["pseudonyms"].value = data.uploaded if pseudonyms is None else pseudonyms
        finally:
            self._busy = False
        self._update_network()

    def _pseudonym(self, person_id: str) -> str:
        frame = pd.DataFrame({"person_id": [str(person_id)]})
        return str(pseudonymise(frame, "person_id", key=self._key)["person_id"].iloc[0])

    def _labels(self, pseudonyms: bool) -> dict[Any, str]:
        """Display label per person: a pseudonym, or the name (else the id)."""
        if pseudonyms not in self._labels_cache:
            people = self.data.people
            ids = people["person_id"].astype(str)
            if pseudonyms:  # short labels, long enough never to collide
                frame = pseudonymise(people[["person_id"]], "person_id", key=self._key,
                                     prefix="p_", length=None)
                labels = frame["person_id"].astype(str)
            elif "name" in people.columns and not self.data.uploaded:
                labels = people["name"].astype(str)
            else:
                labels = ids
            seen: dict[str, int] = {}
            unique = []
            for label in labels:  # two people with the same name stay two people
                seen[label] = seen.get(label, 0) + 1
                unique.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
            self._labels_cache[pseudonyms] = dict(zip(ids, unique, strict=True))
        return self._labels_cache[pseudonyms]

    def _window(self) -> tuple[pd.Timestamp | None, pd.Timestamp | None, tuple]:
        months = self.data.months()
        if self.controls["relation"].value != MESSAGES or not months:
            return None, None, ()
        i, j = self.controls["window"].index
        start = months[i]
        end = months[j] + pd.offsets.MonthBegin(1)
        return start, end, (i, j)

    def min_group_size(self) -> int:
        """The minimum group size in force: the viewer's choice, never below the floor."""
        asked = self.controls["min_group"].value
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", privacy.PrivacyWarning)
            return privacy.resolve_min_group_size(asked, at_least=self.floor)

    def view(self) -> _View:
        """The current network with its precomputed figures (cached per relation and window).

        Returns
        -------
        _View
            Graph, centrality table, layout, summary and cached group figures.
        """
        relation = self.controls["relation"].value
        start, end, win = self._window()
        key = (relation, win)
        if key not in self._views:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                if relation == MESSAGES:
                    G = build_network(self.data.interactions, self.data.people, start=start,
                                      end=end)
                else:
                    G = build_network(self.data.nominations, self.data.people,
                                      relation=relation)
            cent = centrality_table(G, engine="fast")
            self._views[key] = _View(G=G, centrality=cent, layout=_layout(G),
                                     summary=describe(G))
        return self._views[key]

    def _roles(self) -> pd.DataFrame:
        by = "department" if "department" in self.data.people.columns else \
            (self.controls["group_by"].value or None)
        return self.view().roles(by, self.min_group_size())

    # ------------------------------------------------------------------ callbacks
    @_translated
    def _on_language(self, change: dict) -> None:
        self.lang = change["new"]
        with using_language(self.lang):
            self._relabel()
            self._sigmas.clear()
            for view in self._views.values():  # group labels ("other") are words too
                view.cache.clear()
            self._update_network()

    @_translated
    def _on_source(self, change: dict) -> None:
        self.upload_box.layout.display = "flex" if change["new"] == "upload" else "none"
        if change["new"] == "bundled" and self.data.uploaded:
            ds = datasets.load("noordhaven")
            self._set_data(_Data(name=ds.name, people=ds.people, interactions=ds.interactions,
                                 nominations=ds.nominations))
            self._say("ok", _("Back to the bundled organisation Noordhaven."))

    @_translated
    def _on_load(self, _button: Any = None) -> None:
        people = _read_upload(self.controls["people_file"])
        ties = _read_upload(self.controls["ties_file"])
        if people is None or ties is None:
            parts = [_("the people file") if people is None else "",
                     _("the interactions or survey file") if ties is None else ""]
            missing = _(" and ").join(p for p in parts if p)
            self._say("error", _(
                "{missing} did not arrive at the dashboard. Choose it first; if you did, it may "
                "be larger than this server accepts ({limit} MB; `make dashboards` takes up to "
                "{most} MB).").format(missing=missing[:1].upper() + missing[1:],
                                      limit=uploads.upload_limit_mb(),
                                      most=uploads.MAX_UPLOAD_MB))
            return
        self.load_files(people, ties)

    def load_files(self, people: tuple[str, bytes], ties: tuple[str, bytes]) -> bool:
        """Load uploaded files through :mod:`socialhrm.data`; show any problem in the page.

        Parameters
        ----------
        people, ties
            ``(file name, content)`` of the people table and of the interaction log or
            survey nominations; the same file name twice is fine.

        Returns
        -------
        bool
            ``True`` when the data was loaded; otherwise the page stays as it was and the
            message explains what to fix.

        Examples
        --------
        >>> bad = ("log.csv", b"no,header,we,know")
        >>> app.load_files(("people.csv", b"person_id"), bad)  # doctest: +SKIP
        False
        """
        with using_language(self.lang):
            return self._load_files(people, ties)

    def _load_files(self, people: tuple[str, bytes], ties: tuple[str, bytes]) -> bool:
        try:
            uploads.check_sizes([people, ties], MAX_UPLOAD_MB)
        except DataError as err:
            self._say("error", str(err))
            return False
        with uploads.saved([people, ties]) as (paths, clean):
            try:
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always")
                    people_df = read_people(paths[0])
                    kind = table_kind(read_header(paths[1], table="interactions"),
                                      where=paths[1].name)
                    reader = read_interactions if kind == "interactions" else read_nominations
                    table = reader(paths[1], people=people_df)
                if len(table) == 0:
                    raise DataError(_("{file}: no usable rows remain after checking the file "
                                      "against the people table.").format(file=paths[1].name))
                key = "interactions" if kind == "interactions" else "nominations"
                data = _Data(name=paths[1].name, people=people_df, uploaded=True,
                             **{key: table})
                notes = uploads.warnings_as_notes(caught, clean, self._pseudonym)
                self._set_data(data)
            except DataError as err:
                self._say("error", _("This file could not be used: {reason}").format(
                    reason=clean(str(err))))
                return False
            except Exception as err:  # noqa: BLE001 - the page must keep working
                self._say("error", _("These files could not be read ({error}). Check that each "
                                     "is a CSV or Excel file with a header row.").format(
                                         error=type(err).__name__))
                return False
        text = _("Loaded {people} people and {rows} rows from {file}. Pseudonyms are on.").format(
            people=len(people_df), rows=len(table), file=data.name)
        if notes:
            text += " " + _("Notes:") + " " + " ".join(notes)
        self._say("ok", text)
        return True

    @_translated
    def _on_network_change(self, _change: dict | None = None) -> None:
        if self._busy:
            return
        self._update_network()

    @_translated
    def _on_redraw(self, _change: dict | None = None) -> None:
        if self._busy:
            return
        self._show_groups()  # the light outputs first, the drawing last
        self._show_roles()
        self._show_person(self._selected)
        self._draw()

    @_translated
    def _on_groups_change(self, _change: dict | None = None) -> None:
        if self._busy:
            return
        self._show_groups()

    def _say(self, kind: str, text: str) -> None:
        self.message.value = panels.message_html(kind, text)

    # ------------------------------------------------------------------ drawing
    def _update_network(self) -> None:
        is_messages = self.controls["relation"].value == MESSAGES
        has_window = bool(is_messages and self.data.months())
        self.controls["window"].layout.display = "flex" if has_window else "none"
        self.window_note.layout.display = "none" if has_window else "flex"
        self._selected = None
        self.view()  # compute first: a failure leaves every panel as it was
        self._show_summary()
        self._show_roles()
        self._show_groups()
        self._show_person(None)
        self._draw()

    def _palette(self, groups: pd.Series) -> dict[str, str]:
        values = sorted(g for g in set(groups) if not privacy.is_other(g))
        palette = {v: PALETTE[i % len(PALETTE)] for i, v in enumerate(values)}
        palette.update({g: OTHER_COLOUR for g in set(groups) if privacy.is_other(g)})
        return palette

    def _draw(self) -> None:
        view = self.view()
        by = self.controls["group_by"].value
        n = self.min_group_size()
        pseudonyms = self.controls["pseudonyms"].value
        labels = self._labels(pseudonyms)
        key = (id(view), by, n, pseudonyms)
        if key not in self._sigmas:  # a drawing is built once, then shown again
            if len(self._sigmas) >= 24:  # keep memory bounded on big uploaded networks
                self._sigmas.clear()
            self._sigmas[key] = self._sigma(view, by, n, labels)
        self._display_to_id = {labels.get(str(p), str(p)): p for p in view.G}
        self.sigma = self._sigmas[key]
        self.drawing_box.children = (self.sigma,)
        groups = view.groups(by, n)
        self.legend.value = panels.legend_html(_(GROUP_LABELS.get(by, by)),
                                               self._palette(groups),
                                               privacy.group_sizes(groups).to_dict())

    def _sigma(self, view: _View, by: str, n: int, labels: dict[Any, str]) -> Any:
        """The drawing, carrying only what the page may show.

        Merged groups, colours as raw CSS (so no data value is ever inserted as HTML by the
        widget's legend) and display labels.
        """
        from ipysigma import Sigma

        roles = self._roles()
        groups = view.groups(by, n)
        palette = self._palette(groups)
        group_of = groups.to_dict()
        role_of = roles["role"].to_dict()
        ties_in = roles["ties_in"].astype(int).to_dict()
        contacts = roles["contacts"].astype(int).to_dict()
        H = nx.DiGraph() if view.G.is_directed() else nx.Graph()
        for p in view.G:
            x, y = view.layout[p]
            role = role_of[p]
            H.add_node(labels.get(str(p), str(p)), **{
                "group": group_of[p], "color": palette[group_of[p]],
                "role": _(ROLE_NAME.get(role, "-")) if role else "-",
                "ties in": int(ties_in[p]), "contacts": int(contacts[p]),
                "x": x, "y": y,
            })
        for u, v, d in view.G.edges(data=True):
            H.add_edge(labels.get(str(u), str(u)), labels.get(str(v), str(v)),
                       weight=float(d.get("weight", 1.0)))
        sigma = Sigma(
            H, height=540, raw_node_color="color", node_size="ties in",
            node_size_range=(2, 11), default_edge_color="#c3ccd6", edge_size="weight",
            edge_size_range=(0.4, 2.5), label_density=0.4, hide_info_panel=True,
            background_color="#fbfcfd", default_node_border_color="#ffffff",
        )
        sigma.observe(self._on_select, "selected_node")
        return sigma

    @_translated
    def _on_select(self, change: dict) -> None:
        key = change["new"]
        self._selected = self._display_to_id.get(key) if key is not None else None
        self._show_person(self._selected)

    def select(self, person_id: Any) -> None:
        """Show a person's key figures, as if clicked in the drawing.

        Parameters
        ----------
        person_id
            The person's id in the data (not the pseudonym).

        Examples
        --------
        >>> app.select("NH0042")   # doctest: +SKIP
        """
        with using_language(self.lang):
            self._selected = person_id
            self._show_person(person_id)

    # ------------------------------------------------------------------ panels
    def _show_summary(self) -> None:
        rel = dict((v, k) for k, v in self.controls["relation"].options)[
            self.controls["relation"].value]
        start, end, _win = self._window()
        when = ""
        if start is not None:
            when = " - " + _("{start} to {end}").format(
                start=month_label(start, day=True),
                end=month_label(end - pd.Timedelta(days=1), day=True))
        self.summary.value = panels.summary_html(self.data.name, rel, when, self.view().summary)

    def _show_person(self, person: Any) -> None:
        if person is None:
            self.person.value = panels.person_html(None)
            return
        view = self.view()
        roles = self._roles()
        if person not in roles.index:
            self.person.value = "<div class='shrm-card'>" + esc(_("Not in this network.")) + \
                "</div>"
            return
        r = roles.loc[person]
        attrs = view.G.nodes[person]
        n = self.min_group_size()
        label = self._labels(self.controls["pseudonyms"].value).get(str(person), str(person))
        btw_rank = roles["betweenness"].rank(pct=True, ascending=True)[person]
        # a person's groups through the gate too: the card never names a small group
        rows = [(_(GROUP_LABELS[k]), view.groups(k, n)[person])
                for k in ("department", "team", "location", "level")
                if k in attrs and attrs.get(k) is not None]
        rows += [(_("colleagues who turn to them"), int(r["ties_in"])),
                 (_("people in touch (either way)"), int(r["contacts"])),
                 (_("contacts in other groups"), int(r["other_group_contacts"])),
                 (_("other groups reached"), int(r["other_groups"])),
                 (_("brokerage (betweenness)"),
                  _("higher than {share} of people").format(share=f"{btw_rank:.0%}"))]
        self.person.value = panels.person_html(label, rows, r["role"], r["roles"])

    def _show_roles(self, per_role: int = 6) -> None:
        by = "department" if "department" in self.data.people.columns else \
            self.controls["group_by"].value
        self.roles_html.value = panels.roles_html(
            self._roles(), self._labels(self.controls["pseudonyms"].value),
            _(GROUP_LABELS.get(by, by)), per_role)

    def _show_groups(self) -> None:
        view = self.view()
        by = self.controls["group_by"].value
        n = self.min_group_size()
        m = view.matrix(by, n, self.controls["value"].value)
        self.heatmap.value = panels.heatmap_html(
            m, _(GROUP_LABELS.get(by, by)), self.controls["value"].value,
            self._palette(view.groups(by, n)), view.G.is_directed())
