"""The organisation-health app without a browser: its panels, controls, uploads and privacy."""

from __future__ import annotations

import re

import pytest

from socialhrm.apps.org_health import NOBODY, OrgHealth


def _text(widget) -> str:
    return re.sub(r"<[^>]+>", " ", widget.value)


@pytest.fixture(scope="module")
def app():
    return OrgHealth(permutations=200)


def test_panels_show_the_planted_stories(app):
    assert "Finance" in _text(app.silo) and "more closed than chance" in app.silo.value
    assert "legacy pump controllers (PLC)" in _text(app.risk)
    assert "Sita de Haan" in _text(app.keyplayers)
    options = [v for _label, v in app.controls["leaving"].options]
    assert options[0] == NOBODY and options[1] == "NH0067"  # key players first
    app.controls["leaving"].value = "NH0067"
    whatif = _text(app.whatif)
    assert "lost" in whatif and "7 people" in whatif and "Technical Service" in whatif
    app.controls["leaving"].value = NOBODY
    assert "Choose a person" in _text(app.whatif)


def test_silo_map_groupings_are_precomputed_and_merge_small_groups(app):
    keys = {k[1] for k in app.data.cache if isinstance(k, tuple) and k[0] == "ei"}
    assert {"department", "location", "level"} <= keys
    assert "Board" not in _text(app.silo) and "other (&lt;5)" in app.silo.value
    app.controls["min_group"].value = 1  # below the floor: the floor (3) applies, and says so
    assert "floor" in _text(app.message)
    assert "Board" in _text(app.silo) and "other (" not in app.silo.value  # 3 people: shown
    app.controls["min_group"].value = 5


def test_expertise_finder_from_a_team(app):
    app.controls["topic"].value = "legacy pump controllers (PLC)"
    app.controls["start"].value = "team:Applications"
    assert "Sita de Haan" in _text(app.finder) and "→" in app.finder.value


def test_pseudonyms_hide_names_everywhere(app):
    app.controls["leaving"].value = "NH0067"
    app.controls["pseudonyms"].value = True
    for panel in (app.risk, app.keyplayers, app.whatif, app.finder):
        assert "Sita de Haan" not in panel.value and "p_" in panel.value
    labels = [label for label, _v in app.controls["leaving"].options]
    assert not any("Sita" in label for label in labels)
    app.controls["pseudonyms"].value = False


def _people(n=12):
    return ("people.csv", ("person_id,department,team\n" + "".join(
        f"A{i},{'Sales' if i < 6 else 'IT'},T{i % 2}\n" for i in range(n))).encode())


def test_upload_is_pseudonymised_and_escaped():
    app = OrgHealth(permutations=50)
    ring = "sender,recipient,timestamp\n" + "".join(
        f"A{i},A{(i + 1) % 12},2025-01-0{1 + i % 9}\n" for i in range(12))
    skills = "person_id,topic\nA1,<img src=x onerror=alert(1)>\nA2,SQL\n"
    assert app.load_files(_people(), ("log.csv", ring.encode()),
                          ("skills.csv", skills.encode()))
    assert app.controls["pseudonyms"].value is True
    assert "<img" not in app.risk.value and "&lt;img" in app.risk.value
    assert "A1" not in _text(app.risk)  # pseudonyms, not ids
    assert "Sales" in _text(app.silo)
    # back to the bundled organisation
    app.controls["source"].value = "upload"
    app.controls["source"].value = "bundled"
    assert "Finance" in _text(app.silo) and not app.data.uploaded


@pytest.mark.parametrize(("ties", "expertise", "phrase"), [
    (b"who,whom\nA1,A2\n", None, "neither an interaction log"),
    (b"sender,recipient,timestamp\nA1,A2,yesterday\n", None, "timestamp"),
    (b"sender,recipient,timestamp\nA1,A2,2025-01-02\n", b"person,skill\nA1,x\n",
     "person_id and topic"),
    (b"", None, "is empty"),
])
def test_bad_uploads_are_explained_and_the_data_stays(ties, expertise, phrase):
    app = OrgHealth(permutations=50)
    files = ("skills.csv", expertise) if expertise else None
    assert not app.load_files(_people(), ("log.csv", ties), files)
    assert phrase in _text(app.message) and "Traceback" not in app.message.value
    assert "/tmp/" not in app.message.value
    assert "Finance" in _text(app.silo)
