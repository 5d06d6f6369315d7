"""How far the learner is: the progress table per module and the module to do next.

Examples
--------
>>> bool(progress_table().loc["m01", "total"] > 0)
True
"""

from __future__ import annotations

import pandas as pd

from socialhrm.course.catalogue import Catalogue, Module, load_catalogue, shown
from socialhrm.course.progress import load_progress
from socialhrm.course.registry import questions

__all__ = ["next_module", "progress_table"]


def progress_table(catalogue: Catalogue | None = None) -> pd.DataFrame:
    """The learner's progress per module.

    Parameters
    ----------
    catalogue
        By default the course's own.

    Returns
    -------
    pandas.DataFrame
        Indexed by module id: ``title`` (in the reader's language), ``status``, ``passed`` and
        ``total`` (exercise questions), ``tries_passed`` and ``tries`` (lesson tries),
        ``last_activity`` (time stamp or ``None``), ``done`` (every exercise question passed).

    Examples
    --------
    >>> table = progress_table()
    >>> list(table.columns)[:4]
    ['title', 'status', 'passed', 'total']
    """
    cat = catalogue or load_catalogue()
    data = load_progress()["modules"]
    rows = []
    for m in cat.modules:
        qs = questions(m.id)
        graded = [q.qid for q in qs if q.graded]
        tries = [q.qid for q in qs if not q.graded]
        got = data.get(m.id, {})
        passed = {k for k, v in got.get("questions", {}).items() if v.get("passed")}
        rows.append({"module": m.id, "title": shown(m.title), "status": m.status,
                     "passed": len(passed & set(graded)), "total": len(graded),
                     "tries_passed": len(passed & set(tries)), "tries": len(tries),
                     "last_activity": got.get("last_activity") or None,
                     "done": bool(graded) and set(graded) <= passed})
    table = pd.DataFrame(rows).set_index("module")
    # an object column keeps None as None (pandas 3 would make a text column with NaN)
    table["last_activity"] = pd.Series([r["last_activity"] for r in rows], index=table.index,
                                       dtype=object)
    return table


def next_module(table: pd.DataFrame | None = None,
                catalogue: Catalogue | None = None) -> Module | None:
    """The module to do next: a started one first, else the next whose prerequisites are done.

    The first module the learner has started and not finished; else the first available one
    not done whose prerequisites are done (so a learner who skipped the primer and began
    module 1 is told to continue with module 1).

    Returns
    -------
    Module or None
        None when every available module is done.

    Examples
    --------
    >>> next_module()  # doctest: +SKIP
    Module(id='m01', ...)
    """
    cat = catalogue or load_catalogue()
    table = progress_table(cat) if table is None else table
    done = {mid for mid, row in table.iterrows() if row["done"]}
    waiting = [m for m in cat.available() if m.id not in done]
    started = [m for m in waiting if m.id in table.index and table.loc[m.id, "last_activity"]]
    if started:
        return started[0]
    for m in waiting:
        if set(m.prerequisites) <= done:
            return m
    return waiting[0] if waiting else None
