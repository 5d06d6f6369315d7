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
import numpy as np
import pandas as pd

from socialhrm import datasets
from socialhrm.data import (
    DataError,
    pseudonymise,
    read_interactions,
    read_nominations,
    read_people,
)
from socialhrm.network import build_network, centrality_table, describe
from socialhrm.roles import (
    ROLE_EXPLANATIONS,
    ROLES,
    group_tie_matrix,
    network_roles,
    suppressed_label,
)

__all__ = ["NetworkExplorer"]

#: Node attributes people can colour and group by (when the data has them).
GROUP_BY = ("department", "location", "level")

#: A colour-blind friendly categorical palette (Okabe-Ito, then Tableau extras).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
           "#000000", "#8C564B", "#7F7F7F", "#BCBD22", "#17BECF")

MESSAGES = "messages"
#: Largest file the dashboard accepts; bigger logs belong in a notebook with the library,
#: which reads them in chunks (see README, "Scale").
MAX_UPLOAD_MB = 100

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
            out += [(f"{r} (survey)", str(r)) for r in pd.unique(self.nominations["relation"])]
        if self.interactions is not None:
            chans = ", ".join(sorted(map(str, pd.unique(self.interactions["channel"]))))
            out.append((f"messages ({chans})", MESSAGES))
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
    roles: pd.DataFrame
    layout: dict[Any, tuple[float, float]]
    summary: pd.Series
    matrices: dict[tuple[str, int, str], pd.DataFrame] = field(default_factory=dict)

    def matrix(self, by: str, min_group_size: int, value: str) -> pd.DataFrame:
        key = (by, min_group_size, value)
        if key not in self.matrices:
            self.matrices[key] = group_tie_matrix(self.G, by=by, min_group_size=min_group_size,
                                                  value=value)
        return self.matrices[key]


def _layout(G: nx.Graph, seed: int = 1) -> dict[Any, tuple[float, float]]:
    """Positions for the drawing: Fruchterman-Reingold in igraph (fast), seeded."""
    import igraph as ig

    nodes = list(G)
    index = {n: i for i, n in enumerate(nodes)}
    edges = {(min(index[u], index[v]), max(index[u], index[v])) for u, v in G.edges() if u != v}
    g = ig.Graph(n=len(nodes), edges=sorted(edges))
    rng = np.random.default_rng(seed)
    start = rng.uniform(-1, 1, size=(len(nodes), 2)).tolist()
    coords = g.layout_fruchterman_reingold(seed=start, niter=500, grid="nogrid")
    return {n: (float(x), float(y)) for n, (x, y) in zip(nodes, coords.coords, strict=True)}


def _esc(value: Any) -> str:
    return html.escape(str(value))


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
        Groups smaller than this are suppressed in every group figure (default 5).
    relation
        The relation shown first (default: the first survey relation, e.g. ``"advice"``).

    Examples
    --------
    >>> app = NetworkExplorer()              # doctest: +SKIP
    >>> app.widget                           # doctest: +SKIP
    >>> app.controls["group_by"].value = "location"  # doctest: +SKIP
    """

    def __init__(self, dataset: str = "noordhaven", *, min_group_size: int = 5,
                 relation: str | None = None) -> None:
        ds = datasets.load(dataset)
        if ds.people is None:
            raise ValueError(f"{dataset} has no people table; the explorer needs one.")
        self._key = os.environ.get("SOCIALHRM_PSEUDONYM_KEY") or secrets.token_hex(16)
        self._views: dict[tuple, _View] = {}
        self._busy = False
        self.data = _Data(name=ds.name, people=ds.people, interactions=ds.interactions,
                          nominations=ds.nominations)
        self._build_controls(min_group_size)
        self.drawing_box = w.Box(layout=w.Layout(width="100%", min_height="540px"))
        self.drawing_box.add_class("shrm-drawing")
        self.person = w.HTML().add_class("shrm-person")
        self.legend = w.HTML().add_class("shrm-legend")
        self.summary = w.HTML().add_class("shrm-summary")
        self.roles_html = w.HTML().add_class("shrm-roles")
        self.heatmap = w.HTML().add_class("shrm-heatmap")
        self.message = w.HTML().add_class("shrm-message")
        self.window_note = w.HTML("<span class='shrm-muted'>A survey is one moment: no time "
                                  "window. Choose messages to pick months.</span>")
        self.sigma: Any = None
        self._set_data(self.data, relation=relation)
        self.widget = self._assemble()

    # ------------------------------------------------------------------ controls
    def _build_controls(self, min_group_size: int) -> None:
        style = {"description_width": "initial"}
        c: dict[str, w.Widget] = {}
        c["source"] = w.ToggleButtons(
            options=[("Noordhaven (bundled, synthetic)", "bundled"), ("My own data", "upload")],
            value="bundled", style={"button_width": "auto"})
        c["people_file"] = w.FileUpload(accept=".csv,.xlsx", multiple=False,
                                        description="People file",
                                        layout=w.Layout(width="auto"))
        c["ties_file"] = w.FileUpload(accept=".csv,.xlsx", multiple=False,
                                      description="Interactions or survey file",
                                      layout=w.Layout(width="auto"))
        c["load"] = w.Button(description="Load my data", button_style="primary", icon="upload")
        c["relation"] = w.Dropdown(description="Relation", style=style,
                                   layout=w.Layout(width="300px"))
        c["window"] = w.SelectionRangeSlider(options=["-"], description="Time window",
                                             style=style, continuous_update=False,
                                             layout=w.Layout(width="420px"))
        c["group_by"] = w.Dropdown(description="Colour and group by", style=style,
                                   layout=w.Layout(width="260px"))
        c["value"] = w.Dropdown(options=[("number of ties", "ties"),
                                         ("share of possible ties", "density")],
                                value="ties", description="Matrix shows", style=style,
                                layout=w.Layout(width="270px"))
        c["pseudonyms"] = w.Checkbox(value=False, description="Pseudonyms (hide names)",
                                     indent=False, layout=w.Layout(width="200px"))
        c["min_group"] = w.BoundedIntText(value=min_group_size, min=1, max=100,
                                          description="Minimum group size", style=style,
                                          layout=w.Layout(width="190px"))
        for name, widget in c.items():
            widget.add_class(f"shrm-{name.replace('_', '-')}")
        self.controls = c
        c["source"].observe(self._on_source, "value")
        c["load"].on_click(self._on_load)
        c["relation"].observe(self._on_network_change, "value")
        c["window"].observe(self._on_network_change, "value")
        for name in ("group_by", "pseudonyms"):
            c[name].observe(self._on_redraw, "value")
        for name in ("value", "min_group"):
            c[name].observe(self._on_groups_change, "value")
        self.upload_box = w.VBox([
            w.HTML("<div class='shrm-muted'>Upload a <b>people</b> table (person_id, "
                   "department, location, level, ...) and either an <b>interaction log</b> "
                   "(sender, recipient, timestamp[, channel, weight]) or <b>survey "
                   "nominations</b> (respondent, nominee, relation[, strength]). Files stay "
                   "on this computer; pseudonyms are switched on for your data.</div>"),
            w.HBox([c["people_file"], c["ties_file"], c["load"]],
                   layout=w.Layout(flex_flow="row wrap")),
        ], layout=w.Layout(display="none"))
        self.upload_box.add_class("shrm-upload")

    def _assemble(self) -> w.VBox:
        c = self.controls
        top = w.VBox([
            w.HTML(CSS),
            w.HBox([w.HTML("<b>Data</b>&nbsp;"), c["source"]],
                   layout=w.Layout(align_items="center")),
            self.upload_box,
            w.HBox([c["relation"], c["group_by"], c["window"], self.window_note],
                   layout=w.Layout(flex_flow="row wrap", align_items="center")),
            w.HBox([w.HTML("<b>Privacy</b>&nbsp;"), c["pseudonyms"], c["min_group"],
                    w.HTML("<span class='shrm-muted'>Group figures for smaller groups are "
                           "suppressed, never shown as 0.</span>")],
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
        """Switch to new tables: reset the cache and the controls, draw the first view."""
        self.data = data
        self._views.clear()
        self._sigmas: dict[tuple, Any] = {}
        c = self.controls
        self._busy = True
        try:
            options = data.relations()
            c["relation"].options = options
            values = [v for _, v in options]
            c["relation"].value = relation if relation in values else values[0]
            months = data.months()
            if months:
                labels = [(m.strftime("%b %Y"), i) for i, m in enumerate(months)]
                c["window"].options = labels
                c["window"].index = (0, len(labels) - 1)
            else:
                c["window"].options = [("-", 0)]
            groups = [g for g in GROUP_BY if g in data.people.columns
                      and data.people[g].notna().any()]
            extra = [col for col in ("team",) if col in data.people.columns]
            c["group_by"].options = groups + extra or ["(none)"]
            c["group_by"].value = c["group_by"].options[0]
            c["pseudonyms"].value = data.uploaded
        finally:
            self._busy = False
        self._labels_cache: dict[bool, dict[Any, str]] = {}
        self._update_network()

    def _labels(self, pseudonyms: bool) -> dict[Any, str]:
        """Display label per person: a pseudonym, or the name (else the id)."""
        if pseudonyms not in self._labels_cache:
            people = self.data.people
            ids = people["person_id"].astype(str)
            if pseudonyms:
                frame = pseudonymise(people[["person_id"]], "person_id", key=self._key,
                                     prefix="p_", length=6)
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

    def view(self) -> _View:
        """The current network with its precomputed figures (cached per relation and window).

        Returns
        -------
        _View
            Graph, centrality table, roles, layout, summary and cached group matrices.
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
            cent = centrality_table(G, engine="igraph")
            by = self.controls["group_by"].value
            roles = network_roles(G, by="department" if "department" in
                                  self.data.people.columns else by, centrality=cent)
            self._views[key] = _View(G=G, centrality=cent, roles=roles, layout=_layout(G),
                                     summary=describe(G))
        return self._views[key]

    # ------------------------------------------------------------------ callbacks
    def _on_source(self, change: dict) -> None:
        self.upload_box.layout.display = "flex" if change["new"] == "upload" else "none"
        if change["new"] == "bundled" and self.data.uploaded:
            ds = datasets.load("noordhaven")
            self._set_data(_Data(name=ds.name, people=ds.people, interactions=ds.interactions,
                                 nominations=ds.nominations))
            self._say("ok", "Back to the bundled organisation Noordhaven.")

    def _on_load(self, _button: Any = None) -> None:
        people = _read_upload(self.controls["people_file"])
        ties = _read_upload(self.controls["ties_file"])
        if people is None or ties is None:
            missing = " and ".join(n for n, f in (("a people file", people),
                                                  ("an interactions or survey file", ties))
                                   if f is None)
            self._say("error", f"Please choose {missing} first.")
            return
        self.load_files(people, ties)

    def load_files(self, people: tuple[str, bytes], ties: tuple[str, bytes]) -> bool:
        """Load uploaded files through :mod:`socialhrm.data`; show any problem in the page.

        Parameters
        ----------
        people, ties
            ``(file name, content)`` of the people table and of the interaction log or
            survey nominations.

        Returns
        -------
        bool
            ``True`` when the data was loaded; otherwise the current view stays and the
            message explains what to fix.

        Examples
        --------
        >>> bad = ("log.csv", b"no,header,we,know")
        >>> app.load_files(("people.csv", b"person_id"), bad)  # doctest: +SKIP
        False
        """
        for name, content in (people, ties):
            if len(content) > MAX_UPLOAD_MB * 1024 * 1024:
                self._say("error", f"{Path(name).name} is {len(content) / 2**20:,.0f} MB; this "
                          f"dashboard takes files up to {MAX_UPLOAD_MB} MB. Filter the file "
                          "(e.g. a shorter period) or analyse it in a notebook with "
                          "socialhrm.read_interactions, which handles large logs.")
                return False
            if not content:
                self._say("error", f"{Path(name).name} is empty: choose the file again "
                          "or export it once more from its source.")
                return False
        tmp = tempfile.mkdtemp(prefix="socialhrm_upload_")
        try:
            paths = []
            for name, content in (people, ties):
                path = Path(tmp) / Path(name).name
                path.write_bytes(content)
                paths.append(path)
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                people_df = read_people(paths[0])
                kind = self._kind(paths[1])
                if kind == "interactions":
                    table = read_interactions(paths[1], people=people_df)
                    data = _Data(name=paths[1].name, people=people_df, interactions=table,
                                 uploaded=True)
                else:
                    table = read_nominations(paths[1], people=people_df)
                    data = _Data(name=paths[1].name, people=people_df, nominations=table,
                                 uploaded=True)
            if len(table) == 0:
                raise DataError(f"{paths[1].name}: no usable rows remain after checking "
                                "the file against the people table.")
            notes = [str(c.message) for c in caught][:3]
            self._set_data(data)
        except (DataError, ValueError, UnicodeDecodeError, OSError) as err:
            text = str(err).replace(f"{tmp}{os.sep}", "").replace(tmp, "")
            self._say("error", f"This file could not be used: {text}")
            return False
        except Exception as err:  # noqa: BLE001 - the page must keep working
            self._say("error", "This file could not be read (" + type(err).__name__ +
                      "). Check that it is a CSV or Excel file with a header row.")
            return False
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        text = (f"Loaded {len(people_df)} people and {len(table)} rows from "
                f"{data.name}. Pseudonyms are on.")
        if notes:
            text += " Notes: " + " ".join(notes)
        self._say("ok", text)
        return True

    @staticmethod
    def _kind(path: Path) -> str:
        if path.suffix.lower() == ".csv":
            header = pd.read_csv(path, nrows=0, sep=None, engine="python").columns
        else:
            header = pd.read_excel(path, nrows=0).columns
        cols = {str(c).strip().lower() for c in header}
        if {"sender", "recipient"} <= cols:
            return "interactions"
        if {"respondent", "nominee"} <= cols:
            return "nominations"
        raise DataError(
            f"{path.name}: this is neither an interaction log (columns sender, recipient, "
            "timestamp) nor survey nominations (columns respondent, nominee, relation). "
            f"Its columns are: {', '.join(map(str, header)) or 'none'}.\n"
            "  What to do: rename the columns in the file's first row and upload it again."
        )

    def _on_network_change(self, _change: dict | None = None) -> None:
        if self._busy:
            return
        self._update_network()

    def _on_redraw(self, _change: dict | None = None) -> None:
        if self._busy:
            return
        self._show_groups()  # the light outputs first, the drawing last
        self._show_roles()
        self._show_person(self._selected)
        self._draw()

    def _on_groups_change(self, _change: dict | None = None) -> None:
        if self._busy:
            return
        self._show_groups()

    def _say(self, kind: str, text: str) -> None:
        if not text:
            self.message.value = ""
            return
        css = "shrm-error" if kind == "error" else "shrm-ok"
        self.message.value = f"<div class='{css}'>{_esc(text)}</div>"

    # ------------------------------------------------------------------ drawing
    def _update_network(self) -> None:
        is_messages = self.controls["relation"].value == MESSAGES
        has_window = bool(is_messages and self.data.months())
        self.controls["window"].layout.display = "flex" if has_window else "none"
        self.window_note.layout.display = "none" if has_window else "flex"
        self._selected: Any = None
        self._show_summary()
        self._show_roles()
        self._show_groups()
        self._show_person(None)
        self._draw()

    def _palette(self, by: str) -> dict[str, str]:
        values = sorted(map(str, self.data.people[by].dropna().unique())) \
            if by in self.data.people.columns else []
        return {v: PALETTE[i % len(PALETTE)] for i, v in enumerate(values)}

    def _draw(self) -> None:
        view = self.view()
        by = self.controls["group_by"].value
        pseudonyms = self.controls["pseudonyms"].value
        labels = self._labels(pseudonyms)
        key = (id(view), by, pseudonyms)
        if key not in self._sigmas:  # a drawing is built once, then shown again
            if len(self._sigmas) >= 24:  # keep memory bounded on big uploaded networks
                self._sigmas.clear()
            self._sigmas[key] = self._sigma(view, by, labels)
        self._display_to_id = {labels.get(str(n), str(n)): n for n in view.G}
        self.sigma = self._sigmas[key]
        self.drawing_box.children = (self.sigma,)
        self._show_legend(by)

    def _sigma(self, view: _View, by: str, labels: dict[Any, str]) -> Any:
        from ipysigma import Sigma

        roles = view.roles
        H = nx.DiGraph() if view.G.is_directed() else nx.Graph()
        for n, d in view.G.nodes(data=True):
            x, y = view.layout[n]
            H.add_node(labels.get(str(n), str(n)), **{
                by: str(d.get(by) if d.get(by) is not None else "(unknown)"),
                "role": roles.at[n, "role"] or "-",
                "ties in": int(roles.at[n, "ties_in"]),
                "contacts": int(roles.at[n, "contacts"]),
                "x": x, "y": y,
            })
        for u, v, d in view.G.edges(data=True):
            H.add_edge(labels.get(str(u), str(u)), labels.get(str(v), str(v)),
                       weight=float(d.get("weight", 1.0)))
        sigma = Sigma(
            H, height=540, node_color=by, node_color_palette=self._palette(by),
            node_size="ties in", node_size_range=(2, 11), default_edge_color="#c3ccd6",
            edge_size="weight", edge_size_range=(0.4, 2.5), label_density=0.4,
            hide_info_panel=True, background_color="#fbfcfd",
            default_node_border_color="#ffffff",
        )
        sigma.observe(self._on_select, "selected_node")
        return sigma

    def _show_legend(self, by: str) -> None:
        present = {str(d.get(by)) for _, d in self.view().G.nodes(data=True)
                   if d.get(by) is not None}
        items = "".join(
            f"<div><span class='shrm-dot' style='background:{color}'></span>{_esc(g)}</div>"
            for g, color in self._palette(by).items() if g in present)
        self.legend.value = (
            f"<div class='shrm-card'><h3>Colour: {_esc(by)}</h3>"
            f"<div style='columns:2;font-size:12.5px'>{items}</div>"
            "<div class='shrm-muted' style='margin-top:6px'>Bigger dot = more colleagues turn "
            "to this person. Lines: who turns to whom. Use the search box on the drawing to "
            "find someone.</div></div>")

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
        self._selected = person_id
        self._show_person(person_id)

    # ------------------------------------------------------------------ panels
    def _show_summary(self) -> None:
        view = self.view()
        s = view.summary
        rel = dict((v, k) for k, v in self.controls["relation"].options)[
            self.controls["relation"].value]
        start, end, _ = self._window()
        when = ""
        if start is not None:
            when = (f" - {start.strftime('%d %b %Y')} to "
                    f"{(end - pd.Timedelta(days=1)).strftime('%d %b %Y')}")
        recip = f"{s['reciprocity']:.0%}" if "reciprocity" in s else "-"
        largest = s.get("largest_weak", s.get("largest_component", 0))
        tiles = [
            ("people", f"{s['nodes']:,}"),
            ("ties", f"{s['edges']:,}"),
            ("density", f"{s['density']:.1%}"),
            ("ties returned", recip),
            ("in the largest connected group", f"{largest / max(s['nodes'], 1):.0%}"),
        ]
        body = "".join(f"<div class='shrm-tile'><b>{_esc(v)}</b>"
                       f"<span class='shrm-muted'>{_esc(k)}</span></div>" for k, v in tiles)
        self.summary.value = (f"<div class='shrm-muted' style='margin:2px 0 4px 0'>"
                              f"{_esc(self.data.name)}: {_esc(rel)}{_esc(when)}</div>"
                              f"<div class='shrm-tiles'>{body}</div>")

    def _show_person(self, person: Any) -> None:
        if person is None:
            self.person.value = (
                "<div class='shrm-card'><h3>A person's key figures</h3><div class='shrm-muted'>"
                "Click a person in the drawing (or find them with its search box) to see "
                "their ties, their role in the network and what it means for HR.</div></div>")
            return
        view = self.view()
        if person not in view.roles.index:
            self.person.value = "<div class='shrm-card'>Not in this network.</div>"
            return
        r = view.roles.loc[person]
        attrs = view.G.nodes[person]
        label = self._labels(self.controls["pseudonyms"].value).get(str(person), str(person))
        btw_rank = view.roles["betweenness"].rank(pct=True, ascending=True)[person]
        rows = [(k, attrs.get(k)) for k in ("department", "team", "location", "level")
                if k in attrs and attrs.get(k) is not None]
        rows += [("colleagues who turn to them", int(r["ties_in"])),
                 ("people in touch (either way)", int(r["contacts"])),
                 ("contacts in other departments", int(r["other_group_contacts"])),
                 ("other departments reached", int(r["other_groups"])),
                 ("brokerage (betweenness)", f"higher than {btw_rank:.0%} of people")]
        table = "".join(f"<tr><td>{_esc(k)}</td><td class='num'>{_esc(v)}</td></tr>"
                        for k, v in rows)
        role = r["roles"] or "no stand-out role"
        self.person.value = (
            f"<div class='shrm-card'><h3>{_esc(label)}</h3>"
            f"<div><b>Role:</b> {_esc(role)}</div>"
            f"<div class='shrm-muted' style='margin:4px 0 8px 0'>"
            f"{_esc(ROLE_EXPLANATIONS.get(r['role'], ''))}</div>"
            f"<table class='shrm-t'>{table}</table></div>")

    def _show_roles(self, per_role: int = 6) -> None:
        view = self.view()
        roles = view.roles
        labels = self._labels(self.controls["pseudonyms"].value)
        parts = []
        for role in ROLES:
            who = roles[roles["role"] == role]
            if who.empty:
                continue
            parts.append(
                f"<tr class='shrm-role'><td colspan='5'><b>{_esc(role.capitalize())}</b> "
                f"({len(who)}) - <span class='shrm-muted'>{_esc(ROLE_EXPLANATIONS[role])}"
                f"</span></td></tr>")
            for pid, r in who.head(per_role).iterrows():
                parts.append(
                    f"<tr><td>{_esc(labels.get(str(pid), pid))}</td><td>{_esc(r['group'])}</td>"
                    f"<td class='num'>{int(r['ties_in'])}</td>"
                    f"<td class='num'>{int(r['contacts'])}</td>"
                    f"<td class='num'>{int(r['other_groups'])}</td></tr>")
            if len(who) > per_role:
                parts.append(f"<tr><td colspan='5' class='shrm-muted'>... and "
                             f"{len(who) - per_role} more</td></tr>")
        head = ("<tr><th>Person</th><th>Department</th><th>Turn to them</th>"
                "<th>In touch</th><th>Other depts</th></tr>")
        self.roles_html.value = (
            "<div class='shrm-card'><h3>Network roles (Cross &amp; Parker)</h3>"
            "<div class='shrm-muted'>The top 10% per role in this network. Roles describe "
            "positions in the network, not performance: use them to start a conversation, "
            "never to rank people.</div>"
            f"<table class='shrm-t'>{head}{''.join(parts)}</table></div>")

    def _show_groups(self) -> None:
        view = self.view()
        by = self.controls["group_by"].value
        value = self.controls["value"].value
        min_size = int(self.controls["min_group"].value or 1)
        m = view.matrix(by, min_size, value)
        label = suppressed_label(min_size)
        finite = m.to_numpy(dtype=float)
        top = np.nanmax(finite) if np.isfinite(finite).any() else 1.0
        top = top if top > 0 else 1.0
        palette = self._palette(by)
        cols = "".join(f"<th class='col'>{_esc(c)}</th>" for c in m.columns)
        rows = []
        for g, row in m.iterrows():
            dot = f"<span class='shrm-dot' style='background:{palette.get(g, '#999')}'></span>"
            cells = []
            for x in row:
                if pd.isna(x):
                    cells.append(f"<td class='sup' title='{label}'>{label}</td>")
                    continue
                t = float(x) / top
                bg = f"rgba(0,114,178,{0.06 + 0.9 * t ** 0.6:.2f})"
                fg = "#fff" if t > 0.45 else "#102a43"
                text = f"{x:.0%}" if value == "density" else f"{x:,.0f}"
                cells.append(f"<td style='background:{bg};color:{fg}'>{text}</td>")
            rows.append(f"<tr><th>{dot}{_esc(g)}</th>{''.join(cells)}</tr>")
        suppressed = m.attrs["suppressed"]
        note = (f"Suppressed (fewer than {min_size} people): {', '.join(map(str, suppressed))}."
                if suppressed else f"No group is smaller than {min_size} people.")
        direction = ("Rows: who reaches out; columns: to whom." if view.G.is_directed()
                     else "Ties between the groups.")
        what = "ties" if value == "ties" else "share of all possible ties"
        self.heatmap.value = (
            f"<div class='shrm-card'><h3>{_esc(by.capitalize())} x {_esc(by)}: {what}</h3>"
            f"<div class='shrm-muted'>{direction} A strong diagonal with pale cells elsewhere "
            f"means silos. {_esc(note)}</div>"
            f"<table class='shrm-heat'><tr><th></th>{cols}</tr>{''.join(rows)}</table></div>")
