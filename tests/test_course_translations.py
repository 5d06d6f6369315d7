"""Lessons and exercises in Dutch next to the English ones: the catalogue, the learner's copies.

- the catalogue's ``translations`` field lists a module's notebooks per language; a mistake in it
  is named (language, field, folder, missing file);
- a module gives its notebooks in the reader's language, English when it has none;
- ``socialhrm exercises`` hands out the learner's language: the Dutch student version (real
  nbgrader) under Dutch, beside the English copy, never replacing either.
"""

from __future__ import annotations

import copy
import json

import nbformat
import pytest
import yaml

from socialhrm.course import CourseError, learner_copies, load_catalogue, prepare_exercises
from socialhrm.course.cli import main_exercises
from socialhrm.i18n import using_language

EN_EXERCISE = "modules/m01_org_as_network/m01_org_as_network.ipynb"
NL_EXERCISE = "modules/nl/m01_org_as_network/m01_org_as_network.ipynb"
NL_LESSON = "notebooks/nl/01_org_as_network.ipynb"


@pytest.fixture(autouse=True)
def _isolated(monkeypatch, tmp_path):
    monkeypatch.setenv("SOCIALHRM_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("SOCIALHRM_COURSE", raising=False)
    monkeypatch.delenv("SOCIALHRM_LANG", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


def _course(tmp_path, translations) -> tuple:
    """A one-module course in tmp_path whose notebooks exist (empty files will do)."""
    for f in (EN_EXERCISE, NL_EXERCISE, NL_LESSON, "notebooks/01_org_as_network.ipynb"):
        (tmp_path / f).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / f).write_text("{}")
    real = yaml.safe_load(load_catalogue().path.read_text(encoding="utf-8"))
    entry = copy.deepcopy(next(m for m in real["modules"] if m["id"] == "m01"))
    entry.pop("translations", None)
    entry["prerequisites"] = []  # a one-module course
    if translations is not None:
        entry["translations"] = translations
    data = {"course": real["course"], "roles": real["roles"], "areas": real["areas"],
            "modules": [entry]}
    path = tmp_path / "modules" / "course.yml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def test_the_real_catalogue_lists_the_dutch_exercise():
    m01 = load_catalogue().module("m01")
    nl = m01.translation("nl")
    assert nl is not None and NL_EXERCISE in nl.exercises
    assert m01.languages == ("en", "nl")
    assert m01.exercises_in("nl") == nl.exercises
    assert m01.exercises_in("en") == m01.exercises == (EN_EXERCISE,)
    assert m01.lessons_in("nl") == (nl.lessons or m01.lessons)
    with using_language("nl"):
        assert m01.exercises_in() == nl.exercises
    with using_language("en"):
        assert m01.exercises_in() == m01.exercises


def test_a_language_without_translation_falls_back_to_english(tmp_path):
    m = load_catalogue(_course(tmp_path, None)).module("m01")
    assert m.translations == () and m.languages == ("en",)
    assert m.exercises_in("nl") == m.exercises and m.lessons_in("nl") == m.lessons


def test_a_translation_with_lessons_only_keeps_the_english_exercise(tmp_path):
    m = load_catalogue(_course(tmp_path, {"nl": {"lessons": [NL_LESSON]}})).module("m01")
    assert m.lessons_in("nl") == (NL_LESSON,) and m.exercises_in("nl") == (EN_EXERCISE,)
    assert learner_copies(m, tmp_path / "mine", "nl") == learner_copies(m, tmp_path / "mine", "en")


@pytest.mark.parametrize(("translations", "phrases"), [
    ({"de": {"exercises": [NL_EXERCISE]}}, ["translation 'de'", "nl"]),
    ({"en": {"exercises": [EN_EXERCISE]}}, ["translation 'en'"]),
    ({"nl": {"exercises": ["modules/m01_org_as_network_nl/m01_org_as_network_nl.ipynb"]}},
     ["modules/nl/m01_org_as_network/"]),
    ({"nl": {"lessons": ["notebooks/nl/missing.ipynb"]}}, ["missing.ipynb", "does not exist"]),
    ({"nl": {"exercise": [NL_EXERCISE]}}, ["unknown field(s) exercise"]),
    ({"nl": {"lessons": "notebooks/nl/01_org_as_network.ipynb", "exercises": [3]}},
     ["'exercises' must be a list of texts"]),
    ({"nl": []}, ["expected 'lessons' and/or 'exercises'"]),
    (["nl"], ["field 'translations'"]),
])
def test_a_mistake_in_translations_is_named(tmp_path, translations, phrases):
    with pytest.raises(CourseError) as err, using_language("en"):
        load_catalogue(_course(tmp_path, translations))
    text = str(err.value)
    assert "module 'm01'" in text
    for phrase in phrases:
        assert phrase in text, text


def test_the_mistake_is_named_in_dutch(tmp_path):
    with pytest.raises(CourseError) as err, using_language("nl"):
        load_catalogue(_course(tmp_path, {"de": {"exercises": [NL_EXERCISE]}}))
    assert "vertaling 'de'" in str(err.value) and "de taal moet" in str(err.value)


def test_learner_copies_of_each_language_have_their_own_place(tmp_path):
    m01 = load_catalogue().module("m01")
    en = learner_copies(m01, tmp_path, "en")
    nl = learner_copies(m01, tmp_path, "nl")
    assert en == [tmp_path / "m01_org_as_network" / "m01_org_as_network.ipynb"]
    assert nl == [tmp_path / "nl" / "m01_org_as_network" / "m01_org_as_network.ipynb"]
    with using_language("nl"):
        assert learner_copies(m01, tmp_path) == nl


@pytest.mark.slow
def test_socialhrm_exercises_hands_out_the_learners_language(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SOCIALHRM_LANG", "nl")
    assert main_exercises(["m01", "--dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    dutch = tmp_path / "nl" / "m01_org_as_network" / "m01_org_as_network.ipynb"
    assert dutch.is_file() and "nl/m01_org_as_network" in out
    nb = nbformat.read(dutch, as_version=4)
    text = json.dumps(nb)
    assert "BEGIN SOLUTION" not in text and "BEGIN HIDDEN TESTS" not in text
    assert "Modelantwoord" not in text
    assert nb.cells[0].source.startswith("# Module 1, opdracht")
    assert any(c.source.startswith("## Vraag 2") for c in nb.cells)
    assert any("raise NotImplementedError()" in c.source for c in nb.cells)
    assert not (tmp_path / "m01_org_as_network").exists()  # no English copy asked for

    # the English copy goes beside it (--lang en); asking again keeps both to the byte
    assert main_exercises(["m01", "--lang", "en", "--dir", str(tmp_path)]) == 0
    english = tmp_path / "m01_org_as_network" / "m01_org_as_network.ipynb"
    assert "## Question 2" in english.read_text()
    before = dutch.read_bytes()
    again = prepare_exercises(["m01"], folder=tmp_path, lang="nl", echo=lambda _: None)
    assert [(c.path, c.action) for c in again] == [(dutch, "kept")]
    assert dutch.read_bytes() == before
