"""The "your turn" tries in every lesson: blank they say "not answered yet", solved they pass.

A try is a code cell with a line ``name = ...`` (the learner replaces the ``...``), checked by a
``check("tN")`` call in the same or a later cell, with its solution in the next
``<details>`` block. The test fills in each solution exactly as the lesson shows it, so a
lesson whose solution, data or self-check drifts apart fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from socialhrm.course import load_catalogue

REPO = Path(__file__).resolve().parents[1]
BLANK = re.compile(r"^(?P<name>[A-Za-z_]\w*)\s*=\s*\.\.\.(?P<comment>\s*#.*)?$", re.M)
SOLUTION = re.compile(r"<details>.*?```python\n(?P<code>.*?)```", re.S)
CHECK = re.compile(r"""check\(\s*["'](?P<qid>t\d+)["']""")


def _lessons() -> list[Path]:
    return [REPO / lesson for m in load_catalogue().available() for lesson in m.lessons]


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


def _check_outputs(nb) -> dict[str, str]:
    """check id -> the text the check showed."""
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


def test_every_available_module_has_a_lesson_with_tries():
    lessons = _lessons()
    assert lessons
    for path in lessons:
        tries = _tries(nbformat.read(path, as_version=4))
        assert tries, f"{path.name} has no 'your turn' try with a check and a solution"
        assert len({q for _, _, q, _ in tries}) == len(tries), "two tries share a check id"


CONTENTS = re.compile(r"\*\*Contents\*\*\s*\(about \d+ minutes\)")
YOUR_TURN_BOX = '<div class="shrm-your-turn"'
PROMPT = re.compile(r"\*\*Your turn(?: \(t\d+\))?\.\*\*")  # "**Your turn (t1).**"


@pytest.mark.parametrize("path", [REPO / "notebooks" / "00_start_here.ipynb", *_lessons()],
                         ids=lambda p: p.name)
def test_lesson_style_contents_and_your_turn_boxes(path):
    """The house style (CONTRIBUTING, step 2): contents with a time first, tries in boxes."""
    nb = nbformat.read(path, as_version=4)
    first = next(c.source for c in nb.cells if c.cell_type == "markdown")
    assert CONTENTS.search(first), f"{path.name}: no '**Contents** (about N minutes)' at the top"
    prompts = [c.source for c in nb.cells if c.cell_type == "markdown"
               and PROMPT.search(c.source)]
    assert prompts, f"{path.name}: no 'Your turn' prompt"
    for text in prompts:
        assert YOUR_TURN_BOX in text, f"{path.name}: a 'Your turn' prompt outside its box"
        assert text.index(YOUR_TURN_BOX) < PROMPT.search(text).start(), text[:80]


@pytest.mark.slow
@pytest.mark.parametrize("path", _lessons(), ids=lambda p: p.name)
def test_tries_blank_then_solved(path):
    blank = nbformat.read(path, as_version=4)
    tries = _tries(blank)
    solved = nbformat.read(path, as_version=4)
    for i, name, _, code in tries:
        solved.cells[i].source = BLANK.sub(lambda m, c=code: c.strip(), solved.cells[i].source,
                                           count=1)
        assert f"{name} =" in code, f"the solution of `{name}` does not assign it"

    _run(blank, path)
    _run(solved, path)
    before, after = _check_outputs(blank), _check_outputs(solved)
    for _, name, qid, _ in tries:
        assert before[qid].startswith("…") and "Not answered yet" in before[qid], before[qid]
        assert after[qid].startswith("✔"), f"{qid} ({name}), solved as shown: {after[qid]}"
