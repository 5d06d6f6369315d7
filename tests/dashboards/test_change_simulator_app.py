"""The change simulator app without a browser: what is kept, what is escaped, what is said."""

from __future__ import annotations

import pytest

from socialhrm.apps import change_simulator as cs


@pytest.fixture(scope="module")
def app():
    return cs.ChangeSimulator(runs=20)


def test_controls_that_only_redraw_do_not_simulate(app, monkeypatch):
    calls = []
    real = cs.simulate_adoption
    monkeypatch.setattr(cs, "simulate_adoption", lambda *a, **k: calls.append(1) or real(*a, **k))
    before = app.network.value
    app.week.value = 3
    assert app.network.value != before
    app.strategies["spread"].value = True
    app.strategies["managers"].value = False
    app.show.value = "degree"
    assert calls == []
    assert app.curves.value.count("shrm-line ") == 4  # random, degree, hr_first, spread
    # a new setting is simulated once for all strategies, then kept
    app.pioneers.value = 6
    n = len(calls)
    assert n == len([s for s in cs.OFFERED if not app.strategies[s].disabled])
    app.pioneers.value = 5
    app.pioneers.value = 6
    assert len(calls) == n


def test_sentences_say_what_each_strategy_means(app):
    text = app.sentences.value
    assert "adopt within 26 weeks" in text and "90% of runs" in text
    assert text.count("<li") == sum(b.value for b in app.strategies.values())


def test_uploaded_values_are_escaped_and_pseudonymised(app):
    people = ("people.csv", b"person_id,department\n<b>x</b>,<script>alert(1)</script>\n"
                            b"A2,IT\nA3,IT\nA4,HR\n")
    ties = ("ties.csv", b"sender,recipient\n<b>x</b>,A2\nA2,A3\nA3,A4\nA4,<b>x</b>\n")
    assert app.load_files(people, ties)
    html_out = app.network.value + app.sentences.value + app.curves.value
    assert "<script>" not in html_out and "<b>x</b>" not in html_out
    assert "A2" not in app.network.value  # pseudonyms, not the uploaded ids
    assert "managers" in app._cache[app._key()] and isinstance(
        app._cache[app._key()]["managers"], str)  # no org chart in the upload: said so
    assert "not available here" in app.sentences.value or not app.strategies["managers"].value


def test_bad_upload_is_explained(app):
    ok = app.load_files(("people.csv", b"person_id\nA1\nA2\n"),
                        ("ties.csv", b"sender,recipient,timestamp\nA1,A2,yesterday-ish\n"))
    assert not ok
    assert "shrm-error" in app.message.value and "yesterday-ish" in app.message.value
