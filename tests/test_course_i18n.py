"""The course side speaks through the translation layer: English by default, Dutch complete.

- every text the course side shows is marked for translation (checked in the source);
- every such text, and every text of the catalogue, has a Dutch translation with the same
  placeholders;
- the commands, the course map and the self-checks speak Dutch with ``nl``.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from socialhrm.checks import evaluate
from socialhrm.course import course_map, load_catalogue, main_course, main_progress
from socialhrm.i18n import locale_dir, using_language

REPO = Path(__file__).resolve().parents[1]
COURSE_SIDE = ("src/socialhrm/course/", "src/socialhrm/checks/", "modules/course.yml",
               "src/socialhrm/cli.py")
SOURCES = sorted([*(REPO / "src/socialhrm/course").glob("*.py"),
                  *(REPO / "src/socialhrm/checks").glob("*.py")])
#: Calls whose first argument a person reads.
SHOWN = {"NotYet", "CourseError", "ExerciseError", "LookupError", "AssertionError", "print",
         "warn", "echo"}
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


@pytest.fixture(autouse=True)
def _isolated(monkeypatch, tmp_path):
    monkeypatch.setenv("SOCIALHRM_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("SOCIALHRM_COURSE", raising=False)


def _words(text: str) -> bool:
    return len(re.findall(r"[A-Za-z]{2,}", text)) >= 2


def _untranslated(path: Path) -> list[str]:
    bad = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = getattr(node.func, "id", getattr(node.func, "attr", ""))
        if name not in SHOWN:
            continue
        arg = node.args[0]
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and _words(arg.value):
            bad.append(f"{path.name}:{node.lineno}: {arg.value[:60]!r}")
        elif isinstance(arg, ast.JoinedStr):
            literal = "".join(v.value for v in arg.values if isinstance(v, ast.Constant))
            if _words(literal) and not literal.startswith("socialhrm "):
                bad.append(f"{path.name}:{node.lineno}: f-string {literal[:60]!r}")
    return bad


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_every_shown_text_goes_through_the_translation_layer(path):
    assert not _untranslated(path), "wrap these in _(...):\n" + "\n".join(_untranslated(path))


def test_the_source_check_catches_a_bare_text(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text('raise NotYet("Not yet: count again.")\nprint(f"Your {x} is wrong")\n')
    assert len(_untranslated(bad)) == 2


def _dutch():
    with (locale_dir() / "nl" / "LC_MESSAGES" / "socialhrm.po").open("rb") as fh:
        return read_po(fh, locale="nl")


def test_every_course_text_has_its_dutch_translation():
    missing, wrong = [], []
    for m in _dutch():
        if not m.id or not any(loc.startswith(COURSE_SIDE) for loc, _ in m.locations):
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        if not all(strings):
            missing.append(ids[0])
            continue
        for s in strings:
            if sorted(set(PLACEHOLDER.findall(s))) != sorted(set(PLACEHOLDER.findall(ids[0]))):
                wrong.append(ids[0])
    assert not missing, f"no Dutch for: {missing[:10]}"
    assert not wrong, f"placeholders differ in: {wrong[:10]}"


def test_catalogue_texts_are_all_extracted():
    ids = {m.id for m in _dutch()}
    cat = load_catalogue()
    texts = [cat.course, *(m.title for m in cat.modules), *(o for m in cat.modules
                                                            for o in m.objectives),
             *(r.label for r in cat.roles.values()), *(a.label for a in cat.areas.values())]
    assert [t for t in texts if t not in ids] == []


def test_socialhrm_course_speaks_dutch(capsys):
    with using_language("nl"):
        assert main_course([]) == 0
    out = capsys.readouterr().out
    assert "Je organisatie als netwerk" in out and "beschikbaar" in out
    assert "HR als businesspartner" in out and "cursuskaart" in out
    assert "still to come" not in out and "Your organisation" not in out


def test_progress_and_the_course_map_speak_dutch(capsys, monkeypatch, catalogue_with_planned):
    monkeypatch.setenv("SOCIALHRM_COURSE", str(catalogue_with_planned))  # one module planned
    with using_language("nl"):
        assert main_progress([]) == 0
        page = course_map(load_catalogue(catalogue_with_planned))._repr_html_()
    out = capsys.readouterr().out
    assert "Je voortgang" in out and "Volgende stap" in out and "gepland" in out
    assert "Werving en selectie" in page and "volgt nog" in page


def test_self_check_hints_speak_dutch():
    with using_language("nl"):
        blank = evaluate("q2", module="m01", density=None)
        text = evaluate("q2", module="m01", density="veel")
        pct = evaluate("q5", module="m01", share_formal=55.0)
    assert blank.message.startswith("Nog niet beantwoord")
    assert "deze vraag vraagt om een getal" in text.message
    assert "percentage" in pct.message and "aandeel" in pct.message
    with using_language("en"):
        assert evaluate("q2", module="m01", density=None).message.startswith("Not answered yet")
