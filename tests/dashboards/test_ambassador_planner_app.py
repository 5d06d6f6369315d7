"""The ambassador planner's app object, without a browser: panels, controls, uploads, privacy."""

from __future__ import annotations

import re
import time

import pytest

from socialhrm.apps.ambassador_planner import EVERYBODY, K_MAX, AmbassadorPlanner
from socialhrm.reach import rank_strategies

PEOPLE = (b"person_id,department,team,manager_id\nA1,Sales,North,\nA2,Sales,North,A1\n"
          b"A3,IT,Apps,A1\nA4,IT,Apps,A1\n")


def _contacts(extra: str = "") -> bytes:
    rows = ["person_id,contact_id,segment"]
    rows += [f"A{1 + i % 4},X{i},engineering" for i in range(12)]
    rows += ["A1,S1,student", "A2,S2,student"]
    return ("\n".join(rows) + "\n" + extra).encode()


def _text(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


@pytest.fixture(scope="module")
def app():
    a = AmbassadorPlanner()
    time.sleep(0.5)
    return a


def test_first_screen_matches_the_library(app):
    G = app.plan.G
    ranks = rank_strategies(G, 5, 2, "engineering")  # two steps by default
    compare = app.compare.value
    for s, t in ranks.items():
        cov = int(t["coverage"].iloc[-1])
        assert re.search(rf"shrm-coverage-{s}'>{cov:,}<", compare), s
    names = app.plan.people.set_index("person_id")["name"]
    first = ranks["greedy"]["person"].iloc[0]
    assert names[first] in app.chosen.value
    assert app.controls["pseudonyms"].value is False  # bundled, synthetic: names on


def test_controls_slice_the_rankings(app):
    c = app.controls
    c["k"].value = K_MAX
    assert _text(app.chosen.value).count("+") == K_MAX
    c["k"].value = 3
    assert _text(app.chosen.value).count("+") == 3
    c["audience"].value = EVERYBODY
    assert "people in the audience" in _text(app.summary.value)
    c["steps"].value = 1
    one = app.compare.value
    c["steps"].value = 2
    assert app.compare.value != one
    c["pseudonyms"].value = True
    assert "p_" in app.chosen.value
    names = app.plan.people["name"]
    assert not any(n in app.chosen.value for n in names)
    c["pseudonyms"].value = False
    c["audience"].value = "engineering"


def test_min_group_size_suppresses_and_merges(app):
    c = app.controls
    c["min_group"].value = 60
    assert "suppressed" in _text(app.referrals.value)
    assert not any(v == "alumnus" for _l, v in c["audience"].options)  # 51 < 60: merged
    c["min_group"].value = 1  # below the floor: the floor (3) applies, never off
    assert "fewer than 3" in _text(app.referrals.value)
    c["min_group"].value = 5


def test_upload_is_pseudonymised_and_escaped():
    app = AmbassadorPlanner()
    hostile = "A1,X99,<script>alert(1)</script>\n" * 1
    assert app.load_files(("people.csv", PEOPLE), None, ("contacts.csv", _contacts(hostile)))
    assert app.controls["pseudonyms"].value is True
    assert "A1" not in app.chosen.value and "p_" in app.chosen.value
    everything = "".join(w.value for w in (app.compare, app.chosen, app.overlap, app.summary,
                                           app.message))
    assert "<script>" not in everything
    assert "no applications table" in _text(app.referrals.value)


def test_bad_uploads_keep_the_data(app):
    before = app.plan
    assert not app.load_files(("people.csv", PEOPLE), None,
                              ("contacts.csv", b"person_id,contact\nA1,X1\n"))
    assert "contact_id" in app.message.value and "What to do" in _text(app.message.value)
    assert "socialhrm_upload_" not in app.message.value
    assert not app.load_files(("people.csv", PEOPLE), ("ties.csv", b"a,b\n1,2\n"), None)
    assert "neither an interaction log" in app.message.value
    assert app.plan is before


def test_ties_only_upload():
    app = AmbassadorPlanner()
    ties = b"sender,recipient,timestamp\nA1,A2,2025-01-03\nA2,A3,2025-01-04\nA3,A4,2025-01-05\n"
    assert app.load_files(("people.csv", PEOPLE), ("ties.csv", ties), None)
    assert app.controls["audience"].value == EVERYBODY
    assert _text(app.chosen.value).count("+") == 4  # fewer people than ambassadors asked
