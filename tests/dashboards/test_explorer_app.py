"""The network explorer app and the dashboards command, without a browser (fast)."""

from __future__ import annotations

import socket

import pytest

from socialhrm import dashboards
from socialhrm.apps import NetworkExplorer
from socialhrm.apps.explorer import MESSAGES


@pytest.fixture(scope="module")
def app() -> NetworkExplorer:
    return NetworkExplorer()


def test_explorer_shows_every_part(app):
    assert "shrm-explorer" in app.widget._dom_classes
    assert app.sigma is not None and app.drawing_box.children == (app.sigma,)
    assert "Central connector" in app.roles_html.value
    # privacy: the 3-person Board is merged into "other (<5)", in the matrix and everywhere
    assert "other (&lt;5)" in app.heatmap.value and "Board" not in app.heatmap.value
    assert "Board" not in app.legend.value and "Board" not in app.roles_html.value
    assert "304" in app.summary.value
    assert app.controls["pseudonyms"].value is False  # bundled, synthetic: names shown


def test_controls_change_the_outputs(app):
    c = app.controls
    before = app.heatmap.value
    c["group_by"].value = "location"
    assert app.heatmap.value != before and "Groningen" in app.heatmap.value
    c["min_group"].value = 100
    assert "other (&lt;100)" in app.heatmap.value
    c["min_group"].value = 5
    summary = app.summary.value
    c["relation"].value = "messages"
    assert app.summary.value != summary
    assert c["window"].layout.display == "flex"
    c["window"].index = (1, 2)
    assert "Feb 2025" in app.summary.value
    c["relation"].value = "advice"
    assert c["window"].layout.display == "none"
    c["group_by"].value = "department"


def test_pseudonyms_hide_names_everywhere(app):
    name = app.data.people.set_index("person_id").loc["NH0042", "name"]
    app.controls["pseudonyms"].value = True
    app.select("NH0042")
    shown = app.person.value + app.roles_html.value
    assert name not in shown and "p_" in shown
    assert all(str(k).startswith("p_") for k in app.sigma.graph.nodes)
    app.controls["pseudonyms"].value = False
    app.select("NH0042")
    assert name in app.person.value


def test_selecting_in_the_drawing_shows_key_figures(app):
    label = next(k for k, v in app._display_to_id.items() if v == "NH0042")
    app.sigma.selected_node = label
    assert "Role:" in app.person.value and "colleagues who turn to them" in app.person.value
    app.sigma.selected_node = None
    assert "key figures" in app.person.value


@pytest.mark.parametrize("ties, expected", [
    (b"foo,bar\n1,2\n", "neither an interaction log"),
    (b"sender,recipient,timestamp\nA,B,2024-01-01\nB,A,soon\n", "soon"),
    (b"respondent,nominee\nA,B\n", "relation"),
])
def test_bad_uploads_show_a_plain_error_and_keep_the_view(ties, expected):
    app = NetworkExplorer()
    heat = app.heatmap.value
    ok = app.load_files(("people.csv", b"person_id,department\nA,x\nB,y\n"), ("mine.csv", ties))
    assert ok is False
    assert "shrm-error" in app.message.value and expected in app.message.value
    assert "Traceback" not in app.message.value and "/tmp" not in app.message.value
    assert app.heatmap.value == heat and app.data.name == "noordhaven"


def test_huge_or_empty_upload_is_refused_with_its_size(monkeypatch):
    from socialhrm.apps import explorer

    monkeypatch.setattr(explorer, "MAX_UPLOAD_MB", 1)  # the limit the app applies
    app = NetworkExplorer()
    big = b"sender,recipient\n" + b"A,B\n" * 400_000  # about 1.5 MB
    assert app.load_files(("people.csv", b"person_id\nA\nB\n"), ("huge.csv", big)) is False
    assert "huge.csv is 2 MB" in app.message.value and "up to 1 MB" in app.message.value
    assert app.load_files(("people.csv", b""), ("huge.csv", b"x")) is False
    assert "people.csv is empty" in app.message.value
    assert app.data.name == "noordhaven"


def test_good_upload_switches_data_and_pseudonyms_on():
    app = NetworkExplorer()
    app.controls["source"].value = "upload"
    assert app.upload_box.layout.display == "flex"
    people = b"person_id,department,location,level\nA,x,L,1\nB,x,L,1\nC,y,L,2\n"
    ties = b"respondent,nominee,relation\nA,B,advice\nB,C,advice\nC,A,advice\n"
    assert app.load_files(("people.csv", people), ("survey.csv", ties)) is True
    assert app.controls["pseudonyms"].value is True and app.data.uploaded
    assert "other (&lt;5)" in app.heatmap.value  # groups of 1-2 people merged
    assert "A" not in [str(k) for k in app.sigma.graph.nodes]
    app.controls["source"].value = "bundled"
    assert app.data.name == "noordhaven" and app.controls["pseudonyms"].value is False


def test_landing_page_lists_the_dashboards_with_one_line_each():
    found = dashboards.list_dashboards()
    explorer = next(d for d in found if d.path.name == "network_explorer.ipynb")
    assert explorer.title == "Network explorer" and len(explorer.description) > 20
    assert all(len(d.description) > 20 for d in found)
    html = dashboards.landing_page(found)
    assert "voila/render/network_explorer.ipynb" in html and explorer.description in html


def test_voila_runs_on_localhost_without_sources_or_tracebacks():
    args = dashboards.voila_arguments(dashboards.dashboards_dir(), 8866)
    for flag in ("--Voila.ip=127.0.0.1", "--strip_sources=True",
                 "--VoilaConfiguration.show_tracebacks=False", "--port=8866"):
        assert flag in args


def test_server_lets_uploads_up_to_the_app_limit_through():
    from socialhrm.apps import explorer

    app = dashboards._voila_app(dashboards.dashboards_dir(), 8866, preheat=False)
    limit = app.tornado_settings["websocket_max_message_size"]
    assert limit > explorer.MAX_UPLOAD_MB * 1024 * 1024  # else the app never sees a big file


def test_busy_port_gives_a_plain_message(capsys):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        assert dashboards.main(["--port", str(s.getsockname()[1])]) == 1
    assert "already in use" in capsys.readouterr().err


def test_no_dashboards_gives_a_plain_message(tmp_path, capsys):
    assert dashboards.main(["--dir", str(tmp_path)]) == 1
    assert "no dashboard notebooks" in capsys.readouterr().err


# ---------------------------------------------------------------- issue 11: attacks and uploads
PAYLOADS = [
    "<img src=x onerror=top.__xss=1>",
    "<script>top.__xss=1</script>",
    "\"><svg><animate onbegin=top.__xss=1 attributeName=x dur=1s>",
    "'><iframe src=javascript:top.__xss=1>",
    "<details open ontoggle=top.__xss=1>R&D</details>",
]


def payload_files(n_per_group: int = 6) -> tuple[tuple[str, bytes], tuple[str, bytes]]:
    """A people table with a payload in every text column (each group large enough to be
    shown), and an interaction log between them."""
    import csv
    import io

    rows, ids = [], []
    for g, payload in enumerate(PAYLOADS):
        for k in range(n_per_group):
            pid = f"{payload}{k}" if g == 0 else f"P{g}{k}"
            ids.append(pid)
            rows.append({"person_id": pid, "department": payload, "team": payload,
                         "location": payload, "level": payload, "name": payload})
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    log = io.StringIO()
    log.write("sender,recipient,timestamp,channel\n")
    for i, a in enumerate(ids):
        b = ids[(i * 7 + 3) % len(ids)]
        if a != b:
            w = csv.writer(log)
            w.writerow([a, b, f"2025-0{1 + i % 3}-0{1 + i % 9}", PAYLOADS[i % len(PAYLOADS)]])
    return ("people.csv", out.getvalue().encode()), ("log.csv", log.getvalue().encode())


def _page_html(app) -> str:
    return " ".join([app.summary.value, app.person.value, app.legend.value,
                     app.roles_html.value, app.heatmap.value, app.message.value])


def test_payloads_in_every_text_column_reach_every_panel_escaped():
    app = NetworkExplorer()
    people, log = payload_files()
    assert app.load_files(people, log) is True, app.message.value
    for pseudonyms in (True, False):
        app.controls["pseudonyms"].value = pseudonyms
        for by in ("department", "location", "level", "team"):
            app.controls["group_by"].value = by
            app.select(next(iter(app.view().G)))
            html = _page_html(app)
            for marker in ("<img src=x", "<script>", "<svg>", "<iframe", "<details"):
                assert marker not in html, (by, marker)
            assert "&lt;img src=x onerror=top.__xss=1&gt;" in html
    # the drawing gets colours as raw CSS, never a data value its legend would insert
    for _, node in app.sigma.graph.nodes(data=True):
        assert node["color"].startswith("#") and len(node["color"]) == 7


def test_the_drawing_and_its_exports_carry_only_merged_groups():
    app = NetworkExplorer()
    for by in ("department", "level", "team"):
        app.controls["group_by"].value = by
        shown = {d["group"] for _, d in app.sigma.graph.nodes(data=True)}
        sizes = app.view().groups(by, 5).value_counts()
        assert "Board" not in shown and min(sizes) >= 5
        keys = {k for _, d in app.sigma.graph.nodes(data=True) for k in d}
        assert not keys & {"department", "team", "location", "level", "name"}
    app.controls["group_by"].value = "department"


def test_a_viewer_cannot_lower_the_minimum_below_the_servers_floor(monkeypatch):
    monkeypatch.setenv("SOCIALHRM_MIN_GROUP_FLOOR", "8")
    app = NetworkExplorer(min_group_size=3)
    assert app.controls["min_group"].min == 8 and app.min_group_size() == 8
    app.controls["min_group"].value = 1  # the widget clamps it; the app never goes lower
    assert app.min_group_size() == 8 and "other (&lt;8)" in app.heatmap.value


def test_same_file_name_twice_does_not_overwrite():
    app = NetworkExplorer()
    people = ("export.csv", b"person_id,department\nA,x\nB,x\nC,y\n")
    ties = ("export.csv", b"sender,recipient,timestamp\nA,B,2025-01-02\nB,C,2025-01-03\n")
    assert app.load_files(people, ties) is True, app.message.value
    assert len(app.data.people) == 3 and len(app.data.interactions) == 2


@pytest.mark.parametrize("content, expected", [
    ("sender,recipient\nJosé,Zoë\n".encode("latin-1"), "not UTF-8"),
    ("sender,recipient\nA,B\n".encode("utf-16"), "UTF-16"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text"),
    (b"PK\x03\x04\x14\x00\x00\x00", "zip or Excel"),
])
def test_binary_latin1_and_utf16_files_get_a_message_naming_the_file(content, expected):
    app = NetworkExplorer()
    ok = app.load_files(("people.csv", b"person_id\nA\nB\n"), ("mails.csv", content))
    assert ok is False
    text = app.message.value
    assert expected in text and "mails.csv" in text and "codec" not in text
    assert "/tmp" not in text and "socialhrm_upload" not in text


def test_load_notes_show_pseudonyms_not_real_ids_or_paths():
    app = NetworkExplorer()
    people = ("people.csv", b"person_id,department\nA1,x\nA2,x\n")
    ties = ("log.csv", b"sender,recipient,timestamp\nA1,A2,2025-01-02\nA1,SECRET9,2025-01-03\n")
    assert app.load_files(people, ties) is True
    text = app.message.value
    assert "SECRET9" not in text and "p_" in text and "/tmp" not in text


def test_a_failed_reload_leaves_the_old_page_whole(monkeypatch):
    from socialhrm.apps import explorer

    app = NetworkExplorer()
    before = (app.heatmap.value, app.roles_html.value, app.summary.value, app.sigma)

    def broken(*args, **kwargs):
        raise RuntimeError("layout failed")

    monkeypatch.setattr(explorer, "_layout", broken)
    people = ("people.csv", b"person_id,department\nA,x\nB,x\nC,y\n")
    ties = ("log.csv", b"sender,recipient,timestamp\nA,B,2025-01-02\nB,C,2025-01-03\n")
    assert app.load_files(people, ties) is False
    assert app.data.name == "noordhaven" and "shrm-error" in app.message.value
    assert (app.heatmap.value, app.roles_html.value, app.summary.value) == before[:3]
    assert app.drawing_box.children == (app.sigma,) and app.sigma is before[3]


def test_the_language_switch_relabels_the_page():
    app = NetworkExplorer(lang="en")
    months = [label for label, _i in app.controls["window"].options]
    assert months[0] == "Jan 2025" and "Mar 2025" in months
    app.controls["window"].index = (1, 3)
    app.controls["lang"].value = "nl"
    months = [label for label, _i in app.controls["window"].options]
    assert "mrt 2025" in months and "Mar 2025" not in months  # Dutch month names
    assert app.controls["window"].index == (1, 3)  # the chosen window is kept
    app.controls["relation"].value = MESSAGES
    assert "1 feb 2025" in app.summary.value  # the window's dates in Dutch too
    assert app.controls["relation"].description != "Relation"
    assert app.controls["load"].description != "Load my data"
    assert "Network roles" not in app.roles_html.value
    app.controls["lang"].value = "en"
    assert app.controls["relation"].description == "Relation"
    assert "Network roles" in app.roles_html.value


def test_server_settings_live_in_the_config_file_with_kernel_culling():
    import json

    config = json.loads((dashboards.dashboards_dir() / "voila.json").read_text())
    assert config["MappingKernelManager"]["cull_idle_timeout"] > 0
    app = dashboards._voila_app(dashboards.dashboards_dir(), 8866, preheat=False)
    assert app.config.MappingKernelManager.cull_idle_timeout == 1800
    assert app.voila_configuration.template == "socialhrm"
    template = dashboards.template_root() / "voila" / "templates" / "socialhrm"
    assert (template / "static" / "fontawesome" / "css" / "all.min.css").is_file()
    assert "cdn" not in (template / "index.html.j2").read_text().split("-#}")[1].split(
        "replace(")[0]


def test_the_privacy_floor_is_the_servers_and_one_is_refused(capsys, monkeypatch):
    monkeypatch.delenv("SOCIALHRM_MIN_GROUP_FLOOR", raising=False)
    assert dashboards.main(["--min-group-floor", "1", "--port", "1"]) == 1
    assert "lowest floor is 2" in capsys.readouterr().err


def test_a_file_that_never_arrived_gets_a_message_with_the_limit(monkeypatch):
    """On a plain Voila server a file above the websocket limit never reaches the kernel."""
    monkeypatch.delenv("SOCIALHRM_DASHBOARD_UPLOAD_MB", raising=False)
    app = NetworkExplorer()
    app._on_load()
    text = app.message.value
    assert "The people file and the interactions or survey file did not arrive" in text
    assert "did not arrive" in text and "10 MB" in text and "make dashboards" in text
    assert "up to 10 MB each" in app.upload_note.value


def test_a_payload_as_survey_relation_is_shown_as_text():
    app = NetworkExplorer()
    people, _log = payload_files()
    ids = [line.split(",")[0] for line in people[1].decode().splitlines()[1:]]
    rows = "".join(f"{ids[1 + i]},{ids[(i * 5 + 2) % len(ids)]},{PAYLOADS[i % 5]}\n"
                   for i in range(20) if ids[1 + i] != ids[(i * 5 + 2) % len(ids)])
    survey = ("survey.csv", ("respondent,nominee,relation\n" + rows).encode())
    assert app.load_files(people, survey) is True, app.message.value
    for relation in [v for _label, v in app.controls["relation"].options]:
        app.controls["relation"].value = relation
        html = _page_html(app)
        for marker in ("<img src=x", "<script>", "<svg>", "<iframe", "<details"):
            assert marker not in html
