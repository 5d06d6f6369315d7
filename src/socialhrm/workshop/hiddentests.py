"""Hidden tests never reach a feedback page: find their lines, scrub them, scan for leaks."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from socialhrm.i18n import N_, _
from socialhrm.nbgrading import remove_hidden, split_hidden
from socialhrm.workshop.common import read_nb

__all__ = ["HIDDEN_FAILED_MESSAGE", "HIDDEN_OUTPUT_MESSAGE", "find_leaks", "hidden_test_lines",
           "html_text", "meaningful", "output_text", "scrub_hidden_tests"]

HIDDEN_FAILED_MESSAGE = N_(
    "A hidden test did not pass. Hidden tests check the value of your answer; "
    "their code is not shown. Check your work and try again.")
HIDDEN_OUTPUT_MESSAGE = N_("(This output is not shown: it contained hidden test code.)")

_ANSI_RE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
_LINE_NO_RE = re.compile(r"^\s*(?:-*>\s*)?\d+\s")
_ARROW_RE = re.compile(r"^\s*-+>\s*(?:\d+\s)?(.*)$")
_TRIVIAL_LINES = {"pass", "else:", "try:", "except:", "finally:", "return", "break", "continue"}


def meaningful(line: str) -> bool:
    """Whether a line of hidden-test code is worth treating as secret (not ``pass`` etc.)."""
    s = line.strip()
    return len(s) >= 4 and s not in _TRIVIAL_LINES and any(ch.isalnum() for ch in s)


def hidden_test_lines(source_notebook: str | Path | Any,
                      released_notebook: str | Path | Any | None = None) -> list[str]:
    """The lines of every hidden-test block, minus lines students can see anyway.

    Parameters
    ----------
    source_notebook
        The instructor version (a path or a notebook object).
    released_notebook
        The student version; lines that appear in it are not secret. Optional.

    Returns
    -------
    list of str
        Stripped lines, in notebook order, without trivial ones (``pass``, brackets).

    Examples
    --------
    >>> hidden_test_lines("source/m01_org_as_network/m01_org_as_network.ipynb")  # doctest: +SKIP
    ['hidden("m01", "q1", n_people)', ...]
    """
    nb = read_nb(Path(source_notebook)) if isinstance(source_notebook, str | Path) \
        else source_notebook
    hidden: list[str] = []
    visible: set[str] = set()
    for cell in nb.cells:
        h, v = split_hidden(cell.source)
        hidden += [x.strip() for x in h if meaningful(x)]
        visible |= {x.strip() for x in v}
    if released_notebook is not None:
        rel = read_nb(Path(released_notebook)) if isinstance(released_notebook, str | Path) \
            else released_notebook
        for cell in rel.cells:
            visible |= {x.strip() for x in cell.source.splitlines()}
    out: list[str] = []
    for line in hidden:
        if line not in visible and line not in out:
            out.append(line)
    return out


def text_lines(text: str) -> set[str]:
    """The stripped lines of a text, also without IPython's line numbers."""
    lines: set[str] = set()
    for line in _ANSI_RE.sub("", text).splitlines():
        lines.add(line.strip())
        m = _LINE_NO_RE.match(line)
        if m:
            lines.add(line[m.end():].strip())
    return lines


def find_leaks(text: str, secret_lines: Iterable[str]) -> list[str]:
    """Which secret lines appear in a text (a traceback, an output, an HTML page's text).

    A secret line counts when it is a whole line of the text (IPython's line numbers and
    ``---->`` arrows ignored) or, for lines of 16 characters or more, anywhere in it.

    Examples
    --------
    >>> find_leaks("----> 4 hidden('m01', 'q2', density)", ["hidden('m01', 'q2', density)"])
    ["hidden('m01', 'q2', density)"]
    """
    clean = _ANSI_RE.sub("", text)
    lines = text_lines(clean)
    return [s for s in secret_lines if s in lines or (len(s) >= 16 and s in clean)]


def html_text(page: str) -> str:
    """The visible text of an HTML page (tags and styles removed, entities decoded)."""
    page = re.sub(r"(?is)<(script|style)\b.*?</\1>", "", page)
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def output_text(output: Any) -> str:
    """All the text of one notebook output (streams, errors, rich data)."""
    kind = output.get("output_type")
    if kind == "stream":
        text = output.get("text", "")
        return "".join(text) if isinstance(text, list) else str(text)
    if kind == "error":
        return "\n".join([str(output.get("ename", "")), str(output.get("evalue", "")),
                          *[str(t) for t in output.get("traceback", [])]])
    parts: list[str] = []
    for value in (output.get("data") or {}).values():
        if isinstance(value, list):
            parts.append("".join(str(v) for v in value))
        elif isinstance(value, str):
            parts.append(value)
    return "\n".join(parts)


def scrub_hidden_tests(nb: Any, secret_lines: Iterable[str] = ()) -> int:
    """Remove hidden-test code from a graded notebook, in place, before it becomes feedback.

    Hidden-test blocks are cut from every cell's source. Any output that shows a hidden line
    is replaced: a traceback whose failing line is hidden becomes a neutral "a hidden test did
    not pass"; a traceback whose failing line is visible keeps that line and the error message
    only; any other output that shows hidden code is withheld.

    Parameters
    ----------
    nb
        A notebook (``nbformat`` v4 node), e.g. an autograded submission.
    secret_lines
        Lines to treat as secret besides the hidden blocks found in ``nb`` itself.

    Returns
    -------
    int
        How many outputs were replaced.

    Examples
    --------
    >>> nb = nbformat.read("autograded/ann/m01/m01.ipynb", 4)  # doctest: +SKIP
    >>> scrub_hidden_tests(nb)  # doctest: +SKIP
    1
    """
    secrets = {s.strip() for s in secret_lines if meaningful(s)}
    visible: set[str] = set()
    for cell in nb.cells:
        hidden, shown = split_hidden(cell.source)
        secrets |= {x.strip() for x in hidden if meaningful(x)}
        visible |= {x.strip() for x in shown}
    secrets -= visible
    replaced = 0
    for cell in nb.cells:
        cell.source = remove_hidden(cell.source)
        if cell.get("cell_type") != "code" or not secrets:
            continue
        new_outputs = []
        for output in cell.get("outputs", []):
            if not find_leaks(output_text(output), secrets):
                new_outputs.append(output)
                continue
            replaced += 1
            new_outputs.append(neutral_output(output, secrets))
        cell.outputs = new_outputs
    return replaced


def neutral_output(output: Any, secrets: set[str]) -> Any:
    """What a feedback page shows instead of an output that shows hidden test code."""
    from nbformat import NotebookNode

    if output.get("output_type") != "error":
        return NotebookNode(output_type="stream", name="stdout",
                            text=_(HIDDEN_OUTPUT_MESSAGE) + "\n")
    lines = _ANSI_RE.sub("", "\n".join(output.get("traceback", []))).splitlines()
    arrows = [m.group(1).strip() for m in map(_ARROW_RE.match, lines) if m]
    ename, evalue = str(output.get("ename", "")), str(output.get("evalue", ""))
    hidden_failed = (not arrows or any(a in secrets for a in arrows)
                     or bool(find_leaks(f"{ename}: {evalue}", secrets)))
    if hidden_failed:
        message = _(HIDDEN_FAILED_MESSAGE)
        return NotebookNode(output_type="error", ename=_("Hidden test"), evalue=message,
                            traceback=[message])
    return NotebookNode(output_type="error", ename=ename, evalue=evalue, traceback=[
        _("A test did not pass:"), f"    {arrows[0]}", f"{ename}: {evalue}"])
