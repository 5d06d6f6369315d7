"""``socialhrm.checks`` as a submission sees it while it is being graded.

While a submission is graded, this file takes the place of the package ``socialhrm.checks``
inside the sandbox (bubblewrap binds it over the real folder, so the real judges and the
expected values they compute are not even readable there). It is self-contained: it imports
nothing of ``socialhrm`` but the translation layer.

- :func:`hidden` judges nothing: it records a JSON form of the values it is given as an output
  of the test cell (mime type :data:`MIME`); the trainer's process reads those values after the
  run and judges them there (:mod:`socialhrm.workshop.judging`), so nothing the submission does
  in its kernel (replacing ``hidden``, patching modules) can pass a wrong answer.
- :func:`check` says that self-checks are off during grading.

The JSON form, decoded by ``socialhrm.workshop.judging.decode``: ``None``, bools, ints, floats
(also NaN and infinities) and strings as themselves; everything else as an object with the key
``"$type"``: ``tuple``/``list``/``set``/``frozenset`` (``items``), ``dict`` (``items`` as
key-value pairs), ``series`` (``index``, ``values``, ``name``), ``frame`` (``columns``,
``index``, ``rows``), ``array`` (``items``) and ``unknown`` (``type``, ``repr``).
"""

from __future__ import annotations

import math
from typing import Any

MIME = "application/vnd.socialhrm.hidden+json"
MAX_ITEMS = 100_000

__all__ = ["check", "hidden"]


def encode(value: Any, depth: int = 0) -> Any:
    """A JSON-serialisable form of a value (see the module docstring)."""
    if depth > 20:
        return {"$type": "unknown", "type": "deep", "repr": ""}
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return value if math.isfinite(value) else {"$type": "float", "repr": repr(value)}
    kind = type(value).__name__
    module = type(value).__module__.split(".")[0]
    if module == "numpy":
        if hasattr(value, "tolist") and getattr(value, "ndim", 0) == 0:
            return encode(value.tolist(), depth + 1)
        if hasattr(value, "tolist"):
            return {"$type": "array", "items": encode(value.tolist(), depth + 1)}
    if module == "pandas" and kind == "Series":
        return {"$type": "series", "index": encode(list(value.index)[:MAX_ITEMS], depth + 1),
                "values": encode(list(value)[:MAX_ITEMS], depth + 1),
                "name": encode(value.name, depth + 1)}
    if module == "pandas" and kind == "DataFrame":
        return {"$type": "frame", "columns": encode(list(value.columns), depth + 1),
                "index": encode(list(value.index)[:MAX_ITEMS], depth + 1),
                "rows": encode([list(r) for r in value.itertuples(index=False)][:MAX_ITEMS],
                               depth + 1)}
    if isinstance(value, tuple | list | set | frozenset):
        items = list(value)[:MAX_ITEMS]
        if isinstance(value, set | frozenset):
            items = sorted(items, key=repr)
        return {"$type": type(value).__name__ if type(value) in (tuple, list, set, frozenset)
                else ("tuple" if isinstance(value, tuple) else "list"),
                "items": [encode(v, depth + 1) for v in items]}
    if isinstance(value, dict):
        return {"$type": "dict", "items": [[encode(k, depth + 1), encode(v, depth + 1)]
                                           for k, v in list(value.items())[:MAX_ITEMS]]}
    try:
        text = repr(value)[:200]
    except Exception:  # noqa: BLE001
        text = ""
    return {"$type": "unknown", "type": f"{module}.{kind}", "repr": text}


def hidden(module: str, question_id: str, *values: Any) -> None:
    """Record the values of a hidden test for the trainer's process to judge."""
    record = {"module": str(module), "question": str(question_id),
              "values": [encode(v) for v in values]}
    try:
        from IPython.display import display

        display({MIME: record, "text/plain": ""}, raw=True)
    except Exception:  # noqa: BLE001 - without a record the test simply does not pass
        pass


def check(question_id: str, module: str | None = None, **values: Any) -> None:
    """Self-checks are not run while a submission is graded."""
    text = "(Self-checks are not run while your work is being graded.)"
    try:  # the class's language (SOCIALHRM_LANG is set in the sandbox)
        from socialhrm.i18n import _

        text = _("(Self-checks are not run while your work is being graded.)")
    except Exception:  # noqa: BLE001, S110 - the English text will do
        pass
    print(text)


def __getattr__(name: str) -> Any:
    from socialhrm.i18n import _

    raise AttributeError(_("socialhrm.checks.{name} is not available while work is graded")
                         .format(name=name))
