"""The network explorer app and the dashboards command, without a browser (fast)."""

from __future__ import annotations

import socket

import pytest

from socialhrm import dashboards
from socialhrm.apps import NetworkExplorer


@pytest.fixture(scope="module")
def app() -> NetworkExplorer:
    return NetworkExplorer()


def test_explorer_shows_every_part(app):
    assert "shrm-explorer" in app.widget._dom_classes
    assert app.sigma is not None and app.drawing_box.children == (app.sigma,)
    assert "Central connector" in app.roles_html.value
    assert "suppressed (&lt;5)" in app.heatmap.value or "suppressed (<5)" in app.heatmap.value
    assert "304" in app.summary.value
    assert app.controls["pseudonyms"].value is False  # bundled, synthetic: names shown


def test_controls_change_the_outputs(app):
    c = app.controls
    before = app.heatmap.value
    c["group_by"].value = "location"
    assert app.heatmap.value != before and "Groningen" in app.heatmap.value
    c["min_group"].value = 100
    assert "suppressed (&lt;100)" in app.heatmap.value or "suppressed (<100)" in app.heatmap.value
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

    monkeypatch.setattr(explorer, "MAX_UPLOAD_MB", 1)
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
    assert "suppressed" in app.heatmap.value  # groups of 1-2 people
    assert "A" not in [str(k) for k in app.sigma.graph.nodes]
    app.controls["source"].value = "bundled"
    assert app.data.name == "noordhaven" and app.controls["pseudonyms"].value is False


def test_landing_page_lists_the_dashboards_with_one_line_each():
    found = [d for d in dashboards.list_dashboards() if d.path.name == "network_explorer.ipynb"]
    assert len(found) == 1
    assert found[0].title == "Network explorer" and len(found[0].description) > 20
    html = dashboards.landing_page(found)
    assert "voila/render/network_explorer.ipynb" in html and found[0].description in html


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
