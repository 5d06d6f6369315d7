"""``socialhrm report``: one standalone HTML report of an organisation's network.

From a people table and an interaction log (or survey nominations), with events optional:
size and shape, a picture, the people in network roles, the group-by-group tie matrix, the
silo map (E-I index per group, communities against the formal groups), the adoption curve
when events are given, and the data's provenance (the files, the rows dropped and why). The
figures are embedded, nothing is fetched: the file opens anywhere, offline.

Privacy: ids are pseudonymised unless ``names=True`` (a fresh key per report unless one is
given), and every group figure passes through :mod:`socialhrm.privacy` first, so groups
below the minimum size are merged into ``other (<n)`` in every table and picture.

    socialhrm report people.csv log.csv --out report.html [--events events.csv]

Examples
--------
>>> import socialhrm
>>> org = socialhrm.datasets.load("noordhaven")
>>> data = report_data(org.people, org.interactions, progress=False)
>>> data["summary"]["nodes"] == len(org.people)
True
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import html
import io
import secrets
import sys
import warnings
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from socialhrm.data import DataError, DataWarning, pseudonymise
from socialhrm.i18n import _, using_language

__all__ = ["main", "render_html", "report_data", "write_report"]

#: Above this many people the report shows the degree distribution instead of a drawing.
DRAW_LIMIT = 1500


def _step(bar: Any, text: str) -> None:
    if bar is not None:
        bar.set_description(text)
        bar.update(1)


def _figure(fig: Any) -> str:
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def _picture(G: nx.Graph, by: str) -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 6))
    if G.number_of_nodes() <= DRAW_LIMIT:
        U = nx.Graph(G.to_undirected()) if G.is_directed() else G
        pos = nx.spring_layout(U, seed=7, k=1.5 / max(np.sqrt(U.number_of_nodes()), 1))
        groups = sorted({str(d.get(by)) for _n, d in U.nodes(data=True)})
        colours = {g: plt.cm.tab10(i % 10) for i, g in enumerate(groups)}
        nx.draw_networkx_edges(U, pos, ax=ax, alpha=0.08)
        nx.draw_networkx_nodes(U, pos, ax=ax, node_size=18,
                               node_color=[colours[str(d.get(by))] for _n, d in
                                           U.nodes(data=True)])
        for g, c in colours.items():
            ax.scatter([], [], color=c, label=g)
        ax.legend(loc="upper left", bbox_to_anchor=(1, 1), frameon=False, title=by)
        ax.set_title(_("The network, coloured by {by}").format(by=by))
        ax.axis("off")
    else:
        degrees = [d for _n, d in G.degree()]
        ax.hist(degrees, bins=50, color="#4a7ab5")
        ax.set_xlabel(_("contacts per person"))
        ax.set_ylabel(_("people"))
        ax.set_title(_("How many contacts people have"))
    return _figure(fig)


def _adoption_picture(curve: pd.DataFrame) -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 4))
    x = range(len(curve))
    for col in curve.columns:
        ax.plot(x, curve[col], lw=3 if col == "overall" else 1.2,
                color="black" if col == "overall" else None,
                label=_("everyone") if col == "overall" else col)
    ticks = list(range(0, len(curve), max(len(curve) // 8, 1)))
    ax.set_xticks(ticks, [curve.index[i][:10] for i in ticks], rotation=30, ha="right")
    ax.set_ylim(0, 1)
    ax.set_ylabel(_("share adopted"))
    ax.legend(loc="upper left", bbox_to_anchor=(1, 1), frameon=False)
    return _figure(fig)


def adoption_event(events: pd.DataFrame, event: str | None = None) -> str:
    """The kind of event that counts as adopting (never ``exit``).

    ``event`` when given; else ``platform_first_post`` when there is one; else the most common
    kind of event that is not an exit.
    """
    if event:
        return event
    kinds = events["event"].astype(str).value_counts()
    if "platform_first_post" in kinds.index:
        return "platform_first_post"
    kinds = kinds.drop(index=[k for k in kinds.index if k == "exit"])
    if kinds.empty:
        raise DataError(_("report: the events table has no event that could mark adoption "
                          "(only exits); leave out --events or choose one with --event."))
    return str(kinds.index[0])


def _adoption(events: pd.DataFrame, people: pd.DataFrame, by: str, minimum: int,
              event: str) -> pd.DataFrame:
    """Share adopted by week, overall and per (merged) group: the kit's adoption curve."""
    from socialhrm.adoption import adoption_curve

    overall = adoption_curve(events, people, None, minimum, event=event)
    table = pd.DataFrame({"overall": overall.set_index("week_start")["share"]})
    if by in people.columns:
        groups = adoption_curve(events, people, by, minimum, event=event)
        table = table.join(groups.pivot(index="week_start", columns="group", values="share"))
    table.index = pd.to_datetime(table.index).strftime("%Y-%m-%d")
    table.index.name = _("week")
    return table


def report_data(people: pd.DataFrame, log: pd.DataFrame | None = None, *,
                nominations: pd.DataFrame | None = None, relation: str | None = None,
                events: pd.DataFrame | None = None, event: str | None = None,
                by: str = "department", min_group_size: int | None = None,
                names: bool = False, key: str | bytes | None = None,
                provenance: list[dict[str, Any]] | None = None,
                progress: bool = True) -> dict[str, Any]:
    """Compute everything the report shows, as plain tables and figures.

    Parameters
    ----------
    people
        A people table (:func:`socialhrm.data.read_people`).
    log
        An interaction log (:func:`socialhrm.data.read_interactions`), or
    nominations
        survey nominations (:func:`socialhrm.data.read_nominations`).
    relation
        The survey relation to report on, when the nominations hold several.
    events
        Optional dated events (:func:`socialhrm.data.read_events`) for the adoption curve.
    event
        The kind of event that counts as adopting (default: ``platform_first_post`` when
        there is one, else the most common kind that is not ``exit``).
    by
        The group column (department, location, ...).
    min_group_size
        See :func:`socialhrm.privacy.resolve_min_group_size` (default 5).
    names
        Show the real ids instead of pseudonyms.
    key
        The pseudonymisation key (default: a fresh one for this report).
    provenance
        Rows for the provenance table (file, rows, notes); the CLI fills it in.
    progress
        Show a progress bar on the terminal.

    Returns
    -------
    dict
        ``summary`` (:func:`socialhrm.network.describe`), ``roles`` (counts per role and
        group), ``people_in_roles``, ``matrix`` (group tie matrix), ``silos`` (E-I per
        group), ``communities`` (modularity of the groups and of detected communities),
        ``adoption`` (or ``None``), ``picture`` (a PNG data URL), ``settings``,
        ``provenance``.
    """
    from socialhrm.network import build_network, centrality_table, describe
    from socialhrm.privacy import merge_small_groups, protect_graph, resolve_min_group_size
    from socialhrm.roles import ei_index, group_tie_matrix, network_roles
    from socialhrm.silos import compare_partitions

    if log is None and nominations is None:
        raise DataError(_("report: give an interaction log or survey nominations."))
    if by not in people.columns:
        raise DataError(_("report: the people table has no column {by!r} to group by; it has "
                          "{have}.").format(by=by, have=", ".join(map(str, people.columns))))
    minimum = resolve_min_group_size(min_group_size)
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=8, file=sys.stderr, leave=False, disable=not sys.stderr.isatty())
    pseudonymised = not names
    if pseudonymised:
        key = key or secrets.token_hex(16)
        people = pseudonymise(people, ["person_id", *(["manager_id"] if "manager_id" in
                                                       people.columns else [])], key=key)
        if "name" in people.columns:
            people = people.drop(columns="name")
        if log is not None:
            log = pseudonymise(log, ["sender", "recipient"], key=key)
        if nominations is not None:
            nominations = pseudonymise(nominations, ["respondent", "nominee"], key=key)
        if events is not None:
            events = pseudonymise(events, ["person_id"], key=key)
    _step(bar, _("building the network"))
    table = log if log is not None else nominations
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        G = build_network(table, people, relation=relation) if nominations is not None \
            else build_network(table, people)
    if isinstance(G, dict):
        raise DataError(_("report: the survey has several relations ({rels}); choose one with "
                          "--relation.").format(rels=", ".join(G)))
    protected = protect_graph(G, by, minimum)
    _step(bar, _("describing it"))
    summary = describe(G).to_dict()
    _step(bar, _("centrality"))
    cent = centrality_table(G)
    _step(bar, _("network roles"))
    roles = network_roles(protected, by=by, centrality=cent)
    role_counts = (roles[roles["role"] != ""].groupby(["role", "group"]).size()
                   .unstack(fill_value=0))
    in_roles = roles[roles["role"] != ""][["role", "group", "ties_in", "contacts"]]
    _step(bar, _("ties between groups"))
    matrix = group_tie_matrix(protected, by=by, min_group_size=minimum)
    _step(bar, _("silo map"))
    ei = ei_index(protected, by, minimum)
    silos = pd.DataFrame({"ei_index": ei})
    silos.index.name = by
    parts = compare_partitions(protected, by, min_group_size=minimum)["value"]
    communities = {"formal_groups": int(parts["formal_groups"]),
                   "formal_modularity": float(parts["modularity_formal"]),
                   "detected_communities": int(parts["communities"]),
                   "detected_modularity": float(parts["modularity_detected"])}
    _step(bar, _("adoption"))
    adoption = None
    if events is not None and not events.empty:
        adoption = _adoption(events, people, by, minimum, adoption_event(events, event))
    _step(bar, _("drawing"))
    picture = _picture(protected, by)
    adoption_picture = _adoption_picture(adoption) if adoption is not None else None
    if bar is not None:
        bar.close()
    sizes = merge_small_groups(people.set_index("person_id")[by], minimum).value_counts()
    return {
        "summary": summary, "roles": role_counts, "people_in_roles": in_roles,
        "matrix": matrix, "silos": silos, "communities": communities, "adoption": adoption,
        "picture": picture, "adoption_picture": adoption_picture, "group_sizes": sizes,
        "settings": {"by": by, "min_group_size": minimum, "pseudonymised": pseudonymised,
                     "network": _("interactions") if log is not None else
                     _("survey ({relation})").format(relation=relation or "")},
        "provenance": provenance or [],
    }


_CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:1100px;margin:2em auto;
color:#222;padding:0 1em}h1{font-size:1.7em}h2{margin-top:1.8em;border-bottom:2px solid #4a7ab5}
table{border-collapse:collapse;margin:.6em 0;font-size:.92em}td,th{border:1px solid #ccc;
padding:.25em .6em;text-align:right}th{background:#eef3f9}td:first-child,th:first-child{
text-align:left}.note{color:#555;font-size:.92em}.key{display:grid;grid-template-columns:
max-content auto;gap:.2em 1.2em}img{max-width:100%}
"""


def _table_html(frame: pd.DataFrame, decimals: int = 2) -> str:
    shown = frame.copy()
    for col in shown.columns:
        if pd.api.types.is_float_dtype(shown[col]):
            shown[col] = shown[col].map(lambda x: "" if pd.isna(x) else f"{x:.{decimals}f}")
    return shown.to_html(escape=True, border=0, na_rep="–")


def render_html(data: dict[str, Any], *, title: str | None = None) -> str:
    """The report as one standalone HTML page (figures embedded; every value escaped).

    Examples
    --------
    >>> import socialhrm
    >>> org = socialhrm.datasets.load("noordhaven")
    >>> page = render_html(report_data(org.people, org.interactions, progress=False))
    >>> page.startswith("<!DOCTYPE html>") and "://" not in page  # nothing fetched
    True
    """
    esc = html.escape
    s = data["summary"]
    title = title or _("Network report")
    settings = data["settings"]
    key_rows = [
        (_("people"), f"{s['nodes']:,}"), (_("ties"), f"{s['edges']:,}"),
        (_("density (share of possible ties that exist)"), f"{s['density']:.4f}"),
    ]
    if "reciprocity" in s:
        key_rows.append((_("reciprocity (share of ties returned)"), f"{s['reciprocity']:.3f}"))
    comps = s.get("weak_components", s.get("components"))
    largest = s.get("largest_weak", s.get("largest_component"))
    key_rows += [(_("parts of the network not connected to each other"), f"{comps:,}"),
                 (_("people in the largest part"), f"{largest:,}"),
                 (_("average clustering (do my contacts know each other?)"),
                  f"{s['average_clustering']:.3f}")]
    com = data["communities"]
    parts = [
        "<!DOCTYPE html>", f'<html lang="{esc(_("en"))}"><head><meta charset="utf-8">',
        f"<title>{esc(title)}</title>",
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "img-src data:; style-src 'unsafe-inline'\">",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{esc(title)}</h1>",
        '<p class="note">' + esc(_(
            "Made by Social HRM Lab on {date}. Network: {network}. Groups: {by}; groups smaller "
            "than {n} people are merged into one group in every figure. {ids}").format(
                date=dt.date.today().isoformat(), network=settings["network"],
                by=settings["by"], n=settings["min_group_size"],
                ids=_("People are shown by pseudonym.") if settings["pseudonymised"]
                else _("People are shown by their own ids."))) + "</p>",
        f"<h2>{esc(_('Size and shape'))}</h2><div class='key'>",
        *[f"<span>{esc(k)}</span><b>{esc(v)}</b>" for k, v in key_rows],
        "</div>",
        f"<img alt='{esc(_('network picture'))}' src='{data['picture']}'>",
        f"<h2>{esc(_('People in network roles'))}</h2>",
        '<p class="note">' + esc(_(
            "Roles describe positions in the network, not performance: never use them to rank "
            "or judge individuals (Cross & Parker 2004).")) + "</p>",
        _table_html(data["roles"]),
        f"<h2>{esc(_('Ties between groups'))}</h2>",
        _table_html(data["matrix"], decimals=0),
        f"<h2>{esc(_('Silo map'))}</h2>",
        '<p class="note">' + esc(_(
            "E-I index per group: from -1 (all ties stay inside the group) to +1 (all ties go "
            "outside) (Krackhardt & Stern 1988).")) + "</p>",
        _table_html(data["silos"]),
        "<p>" + esc(_(
            "The {k} formal groups have modularity {q1:.3f}; {c} communities found in the "
            "network itself (Louvain) have {q2:.3f}. The larger the gap, the more the informal "
            "organisation cuts across the formal one.").format(
                k=com["formal_groups"], q1=com["formal_modularity"],
                c=com["detected_communities"], q2=com["detected_modularity"])) + "</p>",
    ]
    if data.get("adoption") is not None:
        curve = data["adoption"]
        monthly = curve.groupby(curve.index.str[:7]).last()  # the last week of each month
        monthly.index.name = _("month")
        parts += [f"<h2>{esc(_('Adoption'))}</h2>",
                  '<p class="note">' + esc(_("Share of people who had adopted, by week "
                                             "(the table: at the end of each month).")) +
                  "</p>",
                  f"<img alt='{esc(_('adoption curve'))}' src='{data['adoption_picture']}'>",
                  _table_html(monthly)]
    parts.append(f"<h2>{esc(_('Where the data came from'))}</h2>")
    if data["provenance"]:
        parts.append(_table_html(pd.DataFrame(data["provenance"]).set_index("file"), 0))
    else:
        parts.append("<p>" + esc(_("Tables passed in from Python.")) + "</p>")
    parts.append("</body></html>")
    return "\n".join(parts)


def write_report(out: str | Path, data: dict[str, Any], *, title: str | None = None) -> Path:
    """Write :func:`render_html` to ``out`` (UTF-8) and return the path."""
    path = Path(out).expanduser()
    path.write_text(render_html(data, title=title), encoding="utf-8")
    return path


def _read_with_notes(reader: Any, path: str, **kwargs: Any) -> tuple[pd.DataFrame, dict]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", DataWarning)
        table = reader(path, **kwargs)
    notes = "; ".join(str(w.message).split("\n")[0] for w in caught
                      if issubclass(w.category, DataWarning))
    return table, {"file": Path(path).name, _("rows kept"): len(table),
                   _("notes"): notes or _("nothing dropped")}


def main(argv: list[str] | None = None) -> int:
    """``socialhrm report people.csv log.csv --out report.html``."""
    from socialhrm.data import read_events, read_interactions, read_nominations, read_people

    parser = argparse.ArgumentParser(
        prog="socialhrm report",
        description=_("Write a standalone HTML report of an organisation's network."))
    parser.add_argument("people", help=_("the people table (CSV, Excel or Parquet)"))
    parser.add_argument("log", help=_("the interaction log, or survey answers with --survey"))
    parser.add_argument("--out", default="report.html", help=_("the HTML file to write"))
    parser.add_argument("--survey", action="store_true",
                        help=_("the second file holds ONA survey answers (nominations)"))
    parser.add_argument("--relation", help=_("the survey relation to report on"))
    parser.add_argument("--events", help=_("dated events for an adoption curve"))
    parser.add_argument("--event", help=_("the kind of event that counts as adopting"))
    parser.add_argument("--by", default="department", help=_("the group column"))
    parser.add_argument("--min-group-size", type=int, default=None,
                        help=_("merge groups smaller than this (default 5)"))
    parser.add_argument("--names", action="store_true",
                        help=_("show real ids instead of pseudonyms"))
    parser.add_argument("--lang", choices=["en", "nl"], help=_("the report's language"))
    args = parser.parse_args(argv)
    with using_language(args.lang):
        try:
            people, p_note = _read_with_notes(read_people, args.people)
            if args.survey:
                table, t_note = _read_with_notes(read_nominations, args.log, people=people)
                log, noms = None, table
            else:
                table, t_note = _read_with_notes(read_interactions, args.log, people=people)
                log, noms = table, None
            provenance = [p_note, t_note]
            events = None
            if args.events:
                events, e_note = _read_with_notes(read_events, args.events, people=people)
                provenance.append(e_note)
            data = report_data(people, log, nominations=noms, relation=args.relation,
                               events=events, event=args.event, by=args.by,
                               min_group_size=args.min_group_size,
                               names=args.names, provenance=provenance)
            path = write_report(args.out, data)
        except DataError as exc:
            print(_("socialhrm report: {problem}").format(problem=exc), file=sys.stderr)
            return 2
        print(_("Report written to {path}").format(path=path))
    return 0
