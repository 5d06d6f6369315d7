"""The translated lessons and start notebooks (``notebooks/<lang>/``), as the catalogue lists them.

- each is listed in the catalogue (``translations:`` of a module, ``start:``) and exists;
- it speaks its language: it sets the kit's language, follows the house style in that language
  (contents with a time at the top, tries in "Your turn" boxes), and has the same tries as the
  English original (the same self-checks);
- its tries say "not answered yet" in its language when blank, and pass when solved as shown.

``tests/test_notebooks.py`` executes them as it does every notebook under ``notebooks/``.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from socialhrm.course import load_catalogue

REPO = Path(__file__).resolve().parents[1]
CATALOGUE = load_catalogue()
BLANK = re.compile(r"^(?P<name>[A-Za-z_]\w*)\s*=\s*\.\.\.(?P<comment>\s*#.*)?$", re.M)
SOLUTION = re.compile(r"<details>.*?```python\n(?P<code>.*?)```", re.S)
CHECK = re.compile(r"""check\(\s*["'](?P<qid>t\d+)["']""")
YOUR_TURN_BOX = '<div class="shrm-your-turn"'
#: Per language: the contents line, a "your turn" prompt, and what a blank check says.
STYLE = {
    "nl": {"contents": re.compile(r"\*\*Inhoud\*\*\s*\(ongeveer \d+ minuten\)"),
           "prompt": re.compile(r"\*\*Jouw beurt(?: \(t\d+\))?\.\*\*"),
           "blank": "Nog niet beantwoord"},
}


def _translated_lessons() -> list[tuple[str, Path, Path]]:
    """(language, translated lesson, English original) for every available module."""
    found = []
    for m in CATALOGUE.available():
        for t in m.translations:
            for i, lesson in enumerate(t.lessons):
                found.append((t.lang, REPO / lesson, REPO / m.lessons[min(i, len(m.lessons) - 1)]))
    return found


def _translated_starts() -> list[tuple[str, Path, Path]]:
    english = REPO / CATALOGUE.start["en"]
    return [(lang, REPO / nb, english) for lang, nb in CATALOGUE.start.items() if lang != "en"]


LESSONS = _translated_lessons()
ALL = LESSONS + _translated_starts()


def _id(item) -> str:
    return f"{item[0]}/{item[1].name}"


def _tries(nb) -> list[tuple[int, str, str, str]]:
    """(cell index, variable, check id, solution code) for every try in a lesson."""
    found = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or not (blank := BLANK.search(cell.source)):
            continue
        later = nb.cells[i:]
        qid = next(m["qid"] for c in later if c.cell_type == "code"
                   and (m := CHECK.search(c.source)))
        code = next(m["code"] for c in later if c.cell_type == "markdown"
                    and (m := SOLUTION.search(c.source)))
        found.append((i, blank["name"], qid, code))
    return found


def test_the_dutch_lesson_and_start_notebook_are_listed():
    assert CATALOGUE.start_notebook("nl") == "notebooks/nl/00_start_here.ipynb"
    assert CATALOGUE.start_notebook("en") == "notebooks/00_start_here.ipynb"
    m01 = CATALOGUE.module("m01")
    assert m01.lessons_in("nl") == ("notebooks/nl/01_org_as_network.ipynb",)
    assert ("nl", REPO / "notebooks/nl/01_org_as_network.ipynb",
            REPO / "notebooks/01_org_as_network.ipynb") in LESSONS
    for _, path, _ in ALL:
        assert path.is_file() and path.parent.parent == REPO / "notebooks"


@pytest.mark.parametrize("item", ALL, ids=_id)
def test_a_translation_speaks_its_language(item):
    lang, path, _ = item
    nb = nbformat.read(path, as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert f'set_language("{lang}")' in code, "the notebook does not set the kit's language"
    style = STYLE[lang]
    first = next(c.source for c in nb.cells if c.cell_type == "markdown")
    assert style["contents"].search(first), f"{path.name}: no contents with a time at the top"
    prompts = [c.source for c in nb.cells if c.cell_type == "markdown"
               and style["prompt"].search(c.source)]
    assert prompts, f"{path.name}: no 'your turn' prompt"
    for text in prompts:
        assert YOUR_TURN_BOX in text and text.index(YOUR_TURN_BOX) < \
            style["prompt"].search(text).start(), text[:80]
    prose = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert "GDPR" not in prose  # Dutch HR says AVG


@pytest.mark.parametrize("item", LESSONS, ids=_id)
def test_a_translated_lesson_has_the_tries_of_the_original(item):
    _, path, english = item
    ours = [(name, qid) for _, name, qid, _ in _tries(nbformat.read(path, as_version=4))]
    theirs = [(name, qid) for _, name, qid, _ in _tries(nbformat.read(english, as_version=4))]
    assert ours and ours == theirs


def _check_outputs(nb) -> dict[str, str]:
    shown = {}
    for cell in nb.cells:
        if cell.cell_type == "code" and (m := CHECK.search(cell.source)):
            texts = [o.get("data", {}).get("text/plain", "") or o.get("text", "")
                     for o in cell.get("outputs", [])]
            shown[m["qid"]] = "\n".join(t for t in texts if m["qid"] in t)
    return shown


def _run(nb, path: Path) -> None:
    NotebookClient(nb, timeout=60, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()


@pytest.mark.slow
@pytest.mark.parametrize("item", LESSONS, ids=_id)
def test_translated_tries_blank_then_solved(item, monkeypatch, tmp_path):
    lang, path, _ = item
    monkeypatch.setenv("SOCIALHRM_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("SOCIALHRM_LANG", "en")  # the notebook itself must switch to its language
    blank = nbformat.read(path, as_version=4)
    tries = _tries(blank)
    solved = nbformat.read(path, as_version=4)
    for i, name, _, code in tries:
        solved.cells[i].source = BLANK.sub(lambda m, c=code: c.strip(), solved.cells[i].source,
                                           count=1)
        assert f"{name} =" in code
    _run(blank, path)
    _run(solved, path)
    before, after = _check_outputs(blank), _check_outputs(solved)
    for _, name, qid, _ in tries:
        assert before[qid].startswith("…") and STYLE[lang]["blank"] in before[qid], before[qid]
        assert after[qid].startswith("✔"), f"{qid} ({name}), solved as shown: {after[qid]}"
