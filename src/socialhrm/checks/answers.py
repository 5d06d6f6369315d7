"""Reading a learner's answer: its kind in plain words, and whether it has the asked-for form.

The forms: a number, a count, a share, a person, yes/no.

The building blocks of every module's judges (``socialhrm.checks.m01`` and later modules). Each
reader returns the value in the wanted form or raises :class:`~socialhrm.checks.NotYet` with a
hint. A hint describes the learner's value without counting what is in it: a count of the
items in a list or network could be the very answer the question asks for.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Collection, Mapping
from typing import Any

from socialhrm.checks import TOLERANCE, NotYet


def plural(n: int, word: str) -> str:
    """``plural(3, "person")`` -> ``"3 people"``."""
    many = {"person": "people", "entry": "entries"}.get(word, word + "s")
    return f"{n} {word if n == 1 else many}"


def describe_value(value: Any) -> str:
    """What kind of thing a value is, in words an HR professional understands."""
    import networkx as nx
    import pandas as pd

    if value is None:
        return "None (empty)"
    if isinstance(value, bool):
        return f"{value} (a yes/no value, not a number)"
    if isinstance(value, nx.Graph):
        kind = "directed network" if value.is_directed() else "network"
        return f"a whole {kind}, not a single value"
    if isinstance(value, pd.DataFrame):
        return "a table, not a single value"
    if isinstance(value, pd.Series):
        return "a column of values, not a single value"
    if isinstance(value, Mapping) or type(value).__name__.endswith("View"):
        return ("a collection of values (often one per person or per tie), not a single "
                "value")
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {shown!r}"
    if isinstance(value, list | tuple | set | frozenset):
        return f"a {type(value).__name__} of values, not a single value"
    if isinstance(value, numbers.Number):
        return f"the number {value!r}"
    if callable(value):
        return "a function (did you forget the brackets () to call it?)"
    return f"a value of type {type(value).__name__}"


def number(name: str, value: Any) -> float:
    """A plain number from the learner's value, or NotYet explaining why it is not one."""
    import networkx as nx

    if isinstance(value, bool) or (type(value).__module__ == "numpy"
                                   and type(value).__name__.startswith("bool")):
        raise NotYet(f"`{name}` is {value}, a yes/no value; this question asks for a number.")
    if isinstance(value, numbers.Real):
        x = float(value)
        if math.isnan(x):
            raise NotYet(f"`{name}` is NaN ('not a number'). That usually comes from dividing "
                         "0 by 0 or from a missing value: check what you divide by.")
        if math.isinf(x):
            raise NotYet(f"`{name}` is infinite: somewhere you divide by zero.")
        return x
    if isinstance(value, str):
        try:
            float(value.replace(",", "."))
        except ValueError:
            raise NotYet(f"`{name}` is {describe_value(value)}; this question asks for a number."
                         ) from None
        raise NotYet(f"`{name}` is text ({value!r}), not a number: remove the quotes.")
    if isinstance(value, nx.Graph):
        raise NotYet(f"`{name}` is {describe_value(value)}. Ask the network for the number you "
                     "need, with a networkx function or method.")
    if isinstance(value, list | tuple | set | frozenset | Mapping):
        raise NotYet(f"`{name}` is {describe_value(value)}; this question asks for one number. "
                     "If you want how many items it holds, use len(...).")
    raise NotYet(f"`{name}` is {describe_value(value)}; this question asks for one number.")


def count(name: str, value: Any) -> int:
    """A whole number 0 or more from the learner's value, or NotYet explaining why not."""
    x = number(name, value)
    if not float(x).is_integer():
        raise NotYet(f"`{name}` is {x}, which is not a whole number; a count is whole.")
    if x < 0:
        raise NotYet(f"`{name}` is negative; a count is 0 or more.")
    return int(x)


def count_form(name: str, value: Any) -> None:
    """The form the autograder wants for a count: a whole number (int), not 12.0."""
    if not isinstance(value, numbers.Integral):
        raise NotYet(f"`{name}` has the right value but is written as a decimal number "
                     f"({value!r}); the exercise wants a whole number: wrap it in int(...).")


def share_form(name: str, value: Any, x: float) -> None:
    """The form the autograder wants for a share: a float between 0 and 1."""
    if x > 1 and x <= 100:
        raise NotYet(f"`{name}` is above 1. It looks like a percentage: the question asks "
                     "for a share between 0 and 1 (divide by 100, or leave out the * 100).")
    if not 0 <= x <= 1:
        raise NotYet(f"`{name}` must be a share between 0 and 1; yours is outside.")
    if isinstance(value, numbers.Integral):
        raise NotYet(f"`{name}` is a whole number; the exercise wants a number with decimals "
                     "(a float). Did a division get rounded to a whole number?")
    if not isinstance(value, float):
        raise NotYet(f"`{name}` has the right value but is a {type(value).__name__}; the "
                     f"exercise wants a plain Python float: write float(...) around it.")


def close(x: float, expected: float, tol: float = TOLERANCE) -> bool:
    """Whether x equals expected within the grading tolerance."""
    return abs(x - expected) <= tol


def about(x: float, target: float, rel: float = 0.02) -> bool:
    """Whether x is roughly target (to recognise typical mistakes, never to grade)."""
    return abs(x - target) <= rel * abs(target) + 1e-12


def rounded(x: float, expected: float) -> bool:
    """Whether x is the expected value rounded to 1-9 decimals (but not the value itself)."""
    return not close(x, expected) and any(abs(x - round(expected, k)) < 1e-12
                                           for k in range(1, 10))


def person(name: str, value: Any, ids: Collection[str], names: Collection[str] = ()) -> str:
    """A person_id among ``ids``, or NotYet explaining what the value is instead."""
    if isinstance(value, list | tuple) and len(value) == 2 and isinstance(value[0], str):
        raise NotYet(f"`{name}` is a pair of two values; keep only the person_id, e.g. with "
                     "pair[0].")
    if isinstance(value, list | tuple | set) or type(value).__name__ in {"Series", "Index"}:
        raise NotYet(f"`{name}` is {describe_value(value)}; give one person_id, like 'NH0001'.")
    if not isinstance(value, str):
        raise NotYet(f"`{name}` is {describe_value(value)}; give a person_id as text, like "
                     "'NH0001' (with the quotes).")
    if value in names:
        raise NotYet(f"`{name}` looks like a name. The question asks for the person_id "
                     "(like 'NH0001'); the people table has both columns.")
    if value.strip().upper() in ids and value not in ids:
        raise NotYet(f"`{name}` is {value!r}: almost a person_id, but write it exactly like "
                     "in the data: capital NH, four digits, no spaces.")
    if value not in ids:
        raise NotYet(f"`{name}` is {value!r}, which is nobody's person_id at Noordhaven; ids "
                     "look like 'NH0001'.")
    return value


def boolean(name: str, value: Any) -> bool:
    """A plain True/False from the learner's value, or NotYet explaining why not."""
    if isinstance(value, bool):
        return value
    if type(value).__module__ == "numpy" and type(value).__name__.startswith("bool"):
        raise NotYet(f"`{name}` is a NumPy yes/no value; write bool(...) around it so it is "
                     "a plain True or False.")
    if isinstance(value, str):
        raise NotYet(f"`{name}` is {describe_value(value)}; write True or False without quotes.")
    if isinstance(value, numbers.Number):
        raise NotYet(f"`{name}` is {describe_value(value)}; write True or False.")
    raise NotYet(f"`{name}` is {describe_value(value)}; the question asks for True or False.")


def parts(*judges: Callable[[], str]) -> str:
    """Judge several variables of one question; every verdict is shown, all must pass."""
    notes, ok = [], True
    for judge in judges:
        try:
            notes.append(judge())
        except NotYet as exc:
            notes.append(str(exc))
            ok = False
    if not ok:
        raise NotYet(" ".join(notes))
    return " ".join(notes)
