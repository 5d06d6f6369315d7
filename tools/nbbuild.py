"""Tiny helper to write notebooks from Python lists of cells (kept for maintainers).

from tools.nbbuild import md, code, save
save("notebooks/x.ipynb", [md("# Title"), code("1 + 1")])
"""

from __future__ import annotations

from pathlib import Path

import nbformat


def md(text: str) -> nbformat.NotebookNode:
    """A markdown cell (leading/trailing blank lines removed)."""
    return nbformat.v4.new_markdown_cell(text.strip("\n"))


def code(text: str) -> nbformat.NotebookNode:
    """A code cell, without outputs."""
    return nbformat.v4.new_code_cell(text.strip("\n"))


def save(path: str | Path, cells: list) -> None:
    """Write a notebook with a Python 3 kernel and no outputs."""
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata.kernelspec = {"name": "python3", "display_name": "Python 3 (ipykernel)",
                              "language": "python"}
    nb.metadata.language_info = {"name": "python"}
    nbformat.validate(nb)
    nbformat.write(nb, str(path))


#: The look of a "Your turn" box in every lesson (see CONTRIBUTING.md, step 2).
YOUR_TURN_STYLE = ("border-left:6px solid #d9822b;background-color:#fff4e5;padding:6px 14px;"
                   "margin:10px 0;border-radius:4px")


def your_turn(text: str) -> nbformat.NotebookNode:
    """A markdown cell with a "Your turn" box: ``your_turn("**Your turn (t1).** Compute ...")``."""
    return md(f'<div class="shrm-your-turn" style="{YOUR_TURN_STYLE}">\n\n{text.strip()}\n\n'
              "</div>")
