"""Reading a learner's answer: its kind in plain words, and whether it has the asked-for form.

The forms: a number, a count, a share, a person, yes/no.

Dutch habits are understood: a decimal comma written as text (``"0,5"``) or typed straight into
Python, where ``0,5`` is the pair ``(0, 5)``, gets a hint that says so (in the learner's
language) instead of a puzzling "not a number".

The building blocks of every module's judges (``socialhrm.checks.m01`` and later modules). Each
reader returns the value in the wanted form or raises :class:`~socialhrm.checks.NotYet` with a
hint. A hint describes the learner's value without counting what is in it: a count of the
items in a list or network could be the very answer the question asks for.
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Callable, Collection, Mapping
from typing import Any

from socialhrm.checks import TOLERANCE, NotYet
from socialhrm.i18n import _, ngettext


def plural(n: int, word: str) -> str:
    """``plural(3, "person")`` -> ``"3 people"``, in the reader's language.

    Known words: person, member, tie, answer, team, entry; others get an English ``s``.

    Examples
    --------
    >>> from socialhrm.i18n import using_language
    >>> with using_language("en"):
    ...     plural(3, "person"), plural(1, "member")
    ('3 people', '1 member')
    """
    if word == "person":
        text = ngettext("{n} person", "{n} people", n)
    elif word == "member":
        text = ngettext("{n} member", "{n} members", n)
    elif word == "tie":
        text = ngettext("{n} tie", "{n} ties", n)
    elif word == "answer":
        text = ngettext("{n} answer", "{n} answers", n)
    elif word == "team":
        text = ngettext("{n} team", "{n} teams", n)
    elif word == "entry":
        text = ngettext("{n} entry", "{n} entries", n)
    else:
        text = "{n} " + (word if n == 1 else word + "s")
    return text.format(n=n)


def describe_value(value: Any) -> str:
    """What kind of thing a value is, in words an HR professional understands."""
    import networkx as nx
    import pandas as pd

    if value is None:
        return _("None (empty)")
    if isinstance(value, bool):
        return _("{value} (a yes/no value, not a number)").format(value=value)
    if isinstance(value, nx.Graph):
        return (_("a whole directed network, not a single value") if value.is_directed()
                else _("a whole network, not a single value"))
    if isinstance(value, pd.DataFrame):
        return _("a table, not a single value")
    if isinstance(value, pd.Series):
        return _("a column of values, not a single value")
    if isinstance(value, Mapping) or type(value).__name__.endswith("View"):
        return _("a collection of values (often one per person or per tie), not a single value")
    if isinstance(value, str):
        text = value if len(value) <= 40 else value[:37] + "..."
        return _("the text {text}").format(text=repr(text))
    if isinstance(value, list | tuple | set | frozenset):
        return _("a {kind} of values, not a single value").format(kind=type(value).__name__)
    if isinstance(value, numbers.Number):
        return _("the number {value}").format(value=repr(value))
    if callable(value):
        return _("a function (did you forget the brackets () to call it?)")
    return _("a value of type {kind}").format(kind=type(value).__name__)


#: A number written with a decimal comma, optionally with points between thousands:
#: ``0,5``, ``-1,25``, ``1.234,5``.
_DECIMAL_COMMA = re.compile(r"\s*([-+]?(?:\d{1,3}(?:\.\d{3})+|\d+)),(\d+)\s*")


def decimal_comma(value: Any) -> str | None:
    """The number a learner meant with a decimal comma, written the Python way; else ``None``.

    Recognises the text ``"0,5"`` (also ``"1.234,5"``) and the pair ``(0, 5)`` that Python
    makes of ``x = 0,5``.

    Examples
    --------
    >>> decimal_comma("0,5"), decimal_comma((0, 25)), decimal_comma("1.234,5")
    ('0.5', '0.25', '1234.5')
    >>> decimal_comma("0.5"), decimal_comma((3, 4, 5)), decimal_comma(0.5)
    (None, None, None)
    """
    if isinstance(value, str):
        found = _DECIMAL_COMMA.fullmatch(value)
        return f"{found[1].replace('.', '')}.{found[2]}" if found else None
    if (isinstance(value, tuple) and len(value) == 2
            and all(isinstance(v, numbers.Integral) and not isinstance(v, bool) for v in value)
            and value[1] >= 0):
        return f"{int(value[0])}.{int(value[1])}"
    return None


def number(name: str, value: Any) -> float:
    """A plain number from the learner's value, or NotYet explaining why it is not one.

    Examples
    --------
    >>> from socialhrm.checks import NotYet
    >>> from socialhrm.i18n import using_language
    >>> number("density", 0.25)
    0.25
    >>> with using_language("en"):
    ...     try:
    ...         number("density", (0, 25))  # what Python makes of density = 0,25
    ...     except NotYet as hint:
    ...         print(str(hint).split(":")[0])
    `density` is the pair (0, 25)
    """
    import networkx as nx

    var = f"`{name}`"
    meant = decimal_comma(value)
    if meant is not None and isinstance(value, tuple):
        raise NotYet(_("{var} is the pair {value}: Python reads a comma as \"and\", so {typed} "
                       "becomes two whole numbers. If you meant a decimal number, write it with "
                       "a point: {meant}.").format(var=var, value=repr(value),
                                                   typed=f"{value[0]},{value[1]}", meant=meant))
    if meant is not None:
        raise NotYet(_("{var} is the text {value}, written with a decimal comma. Python writes "
                       "a decimal number with a point and without quotes: {meant}.").format(
                           var=var, value=repr(value), meant=meant))
    if (isinstance(value, tuple) and len(value) == 1 and isinstance(value[0], numbers.Real)
            and not isinstance(value[0], bool)):
        raise NotYet(_("{var} is {value}, a tuple with one number in it: a comma at the end of "
                       "the line makes a tuple. Remove that comma.").format(
                           var=var, value=repr(value)))
    if isinstance(value, bool) or (type(value).__module__ == "numpy"
                                   and type(value).__name__.startswith("bool")):
        raise NotYet(_("{var} is {value}, a yes/no value; this question asks for a number.")
                     .format(var=var, value=value))
    if isinstance(value, numbers.Real):
        x = float(value)
        if math.isnan(x):
            raise NotYet(_("{var} is NaN ('not a number'). That usually comes from dividing 0 "
                           "by 0 or from a missing value: check what you divide by.").format(
                               var=var))
        if math.isinf(x):
            raise NotYet(_("{var} is infinite: somewhere you divide by zero.").format(var=var))
        return x
    if isinstance(value, str):
        try:
            float(value.replace(",", "."))
        except ValueError:
            raise NotYet(_("{var} is {what}; this question asks for a number.").format(
                var=var, what=describe_value(value))) from None
        raise NotYet(_("{var} is text ({value}), not a number: remove the quotes.").format(
            var=var, value=repr(value)))
    if isinstance(value, nx.Graph):
        raise NotYet(_("{var} is {what}. Ask the network for the number you need, with a "
                       "networkx function or method.").format(var=var,
                                                              what=describe_value(value)))
    if isinstance(value, list | tuple | set | frozenset | Mapping):
        raise NotYet(_("{var} is {what}; this question asks for one number. If you want how "
                       "many items it holds, use len(...).").format(var=var,
                                                                   what=describe_value(value)))
    raise NotYet(_("{var} is {what}; this question asks for one number.").format(
        var=var, what=describe_value(value)))


def count(name: str, value: Any) -> int:
    """A whole number 0 or more from the learner's value, or NotYet explaining why not."""
    x = number(name, value)
    if not float(x).is_integer():
        raise NotYet(_("{var} is {value}, which is not a whole number; a count is whole.")
                     .format(var=f"`{name}`", value=x))
    if x < 0:
        raise NotYet(_("{var} is negative; a count is 0 or more.").format(var=f"`{name}`"))
    return int(x)


def count_form(name: str, value: Any) -> None:
    """The form the autograder wants for a count: a whole number (int), not 12.0."""
    if not isinstance(value, numbers.Integral):
        raise NotYet(_("{var} has the right value but is written as a decimal number ({value}); "
                       "the exercise wants a whole number: wrap it in int(...).").format(
                           var=f"`{name}`", value=repr(value)))


def share_form(name: str, value: Any, x: float) -> None:
    """The form the autograder wants for a share: a float between 0 and 1."""
    var = f"`{name}`"
    if x > 1 and x <= 100:
        raise NotYet(_("{var} is above 1. It looks like a percentage: the question asks for a "
                       "share between 0 and 1 (divide by 100, or leave out the * 100).").format(
                           var=var))
    if not 0 <= x <= 1:
        raise NotYet(_("{var} must be a share between 0 and 1; yours is outside.").format(
            var=var))
    if isinstance(value, numbers.Integral):
        raise NotYet(_("{var} is a whole number; the exercise wants a number with decimals (a "
                       "float). Did a division get rounded to a whole number?").format(var=var))
    if not isinstance(value, float):
        raise NotYet(_("{var} has the right value but is a {kind}; the exercise wants a plain "
                       "Python float: write float(...) around it.").format(
                           var=var, kind=type(value).__name__))


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
    var = f"`{name}`"
    if isinstance(value, list | tuple) and len(value) == 2 and isinstance(value[0], str):
        raise NotYet(_("{var} is a pair of two values; keep only the person_id, e.g. with "
                       "pair[0].").format(var=var))
    if isinstance(value, list | tuple | set) or type(value).__name__ in {"Series", "Index"}:
        raise NotYet(_("{var} is {what}; give one person_id, like 'NH0001'.").format(
            var=var, what=describe_value(value)))
    if not isinstance(value, str):
        raise NotYet(_("{var} is {what}; give a person_id as text, like 'NH0001' (with the "
                       "quotes).").format(var=var, what=describe_value(value)))
    if value in names:
        raise NotYet(_("{var} looks like a name. The question asks for the person_id (like "
                       "'NH0001'); the people table has both columns.").format(var=var))
    if value.strip().upper() in ids and value not in ids:
        raise NotYet(_("{var} is {value}: almost a person_id, but write it exactly like in the "
                       "data: capital NH, four digits, no spaces.").format(var=var,
                                                                          value=repr(value)))
    if value not in ids:
        raise NotYet(_("{var} is {value}, which is nobody's person_id at Noordhaven; ids look "
                       "like 'NH0001'.").format(var=var, value=repr(value)))
    return value


def boolean(name: str, value: Any) -> bool:
    """A plain True/False from the learner's value, or NotYet explaining why not."""
    var = f"`{name}`"
    if isinstance(value, bool):
        return value
    if type(value).__module__ == "numpy" and type(value).__name__.startswith("bool"):
        raise NotYet(_("{var} is a NumPy yes/no value; write bool(...) around it so it is a "
                       "plain True or False.").format(var=var))
    if isinstance(value, str):
        raise NotYet(_("{var} is {what}; write True or False without quotes.").format(
            var=var, what=describe_value(value)))
    if isinstance(value, numbers.Number):
        raise NotYet(_("{var} is {what}; write True or False.").format(
            var=var, what=describe_value(value)))
    raise NotYet(_("{var} is {what}; the question asks for True or False.").format(
        var=var, what=describe_value(value)))


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
