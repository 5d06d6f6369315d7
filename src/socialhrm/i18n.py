"""The one translation layer: every text a person reads from the kit goes through here.

Texts are written in English in the code and marked for translation with :func:`_` (or
:func:`ngettext` for counts, :func:`N_` for texts defined before they are shown, such as
module-level constants). The catalogues are standard gettext catalogues managed with Babel
(``make i18n``: extract, update, compile; see ``tools/i18n.py``) and live in
``socialhrm/locale/<lang>/LC_MESSAGES/socialhrm.po`` with their compiled ``.mo`` next to them,
shipped with the package.

Choosing the language, first match wins:

1. :func:`set_language` (a dashboard's language switch) or :func:`using_language` (a
   workshop's feedback in the class's language), for the current thread of work;
2. the environment variable ``SOCIALHRM_LANG`` (``nl`` or ``en``);
3. the system locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``, ``LANGUAGE``);
4. English.

Examples
--------
>>> from socialhrm.i18n import _, using_language
>>> with using_language("en"):
...     _("Not answered yet")
'Not answered yet'
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import gettext
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "N_",
    "_",
    "get_language",
    "gettext_",
    "locale_dir",
    "ngettext",
    "set_language",
    "translator",
    "using_language",
]

#: The languages the kit speaks, in the order a language switch shows them.
LANGUAGES: dict[str, str] = {"en": "English", "nl": "Nederlands"}
DEFAULT_LANGUAGE = "en"
DOMAIN = "socialhrm"

_chosen: contextvars.ContextVar[str | None] = contextvars.ContextVar("socialhrm_lang",
                                                                     default=None)


def locale_dir() -> Path:
    """The folder that holds the catalogues (``<lang>/LC_MESSAGES/socialhrm.mo``).

    Examples
    --------
    >>> (locale_dir() / "nl" / "LC_MESSAGES").name
    'LC_MESSAGES'
    """
    return Path(__file__).resolve().parent / "locale"


def _normalise(code: str | None) -> str | None:
    """``"nl_NL.UTF-8"`` -> ``"nl"``; ``None`` for a language the kit does not speak."""
    if not code:
        return None
    base = code.split(":")[0].split(".")[0].split("@")[0].replace("-", "_").split("_")[0]
    base = base.strip().lower()
    return base if base in LANGUAGES else None


def get_language() -> str:
    """The language texts are shown in now (``"en"`` or ``"nl"``), see the module's rules.

    Examples
    --------
    >>> with using_language("nl"):
    ...     get_language()
    'nl'
    """
    chosen = _chosen.get()
    if chosen:
        return chosen
    env = os.environ.get("SOCIALHRM_LANG")
    if env:
        found = _normalise(env)
        if found:
            return found
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value and value not in {"C", "POSIX", "C.UTF-8", "C.utf8"}:
            found = _normalise(value)
            if found:
                return found
            break  # the first locale variable that is set decides, as in POSIX
    return DEFAULT_LANGUAGE


def set_language(lang: str | None) -> None:
    """Show texts in ``lang`` from now on (``None``: back to the environment's choice).

    Raises
    ------
    ValueError
        For a language the kit does not speak.

    Examples
    --------
    >>> set_language("nl"); get_language()
    'nl'
    >>> set_language(None)
    """
    if lang is None:
        _chosen.set(None)
        return
    found = _normalise(lang)
    if found is None:
        raise ValueError(_("Unknown language {lang!r}: choose one of {choices}.").format(
            lang=lang, choices=", ".join(LANGUAGES)))
    _chosen.set(found)


@contextlib.contextmanager
def using_language(lang: str | None) -> Iterator[str]:
    """Show texts in ``lang`` inside a ``with`` block (``None``: leave the choice as it is).

    Examples
    --------
    >>> with using_language("nl") as lang:
    ...     lang
    'nl'
    """
    if lang is None:
        yield get_language()
        return
    found = _normalise(lang)
    if found is None:
        raise ValueError(_("Unknown language {lang!r}: choose one of {choices}.").format(
            lang=lang, choices=", ".join(LANGUAGES)))
    token = _chosen.set(found)
    try:
        yield found
    finally:
        _chosen.reset(token)


@functools.cache
def translator(lang: str) -> gettext.NullTranslations:
    """The gettext translations object of a language (English falls back to the source text).

    Examples
    --------
    >>> translator("en").gettext("Not answered yet")
    'Not answered yet'
    """
    return gettext.translation(DOMAIN, localedir=locale_dir(), languages=[lang], fallback=True)


def _(message: str) -> str:
    """Translate ``message`` into the current language.

    Placeholders are named and filled in after translation, so that a translator can move
    them: ``_("{n} people in {group}").format(n=3, group="HR")``.

    Examples
    --------
    >>> with using_language("en"):
    ...     _("{n} people").format(n=3)
    '3 people'
    """
    return translator(get_language()).gettext(message)


#: The same as :func:`_`, for code that uses ``_`` as a throw-away variable name.
gettext_ = _


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a text that depends on a count (``1 person`` / ``3 people``).

    Examples
    --------
    >>> with using_language("en"):
    ...     ngettext("{n} person", "{n} people", 3).format(n=3)
    '3 people'
    """
    return translator(get_language()).ngettext(singular, plural, n)


def N_(message: str) -> str:  # noqa: N802 - the gettext convention for "mark, translate later"
    """Mark a text for translation without translating it now (translate it where it is shown).

    Examples
    --------
    >>> TITLE = N_("Network explorer")
    >>> _(TITLE) == TITLE or True
    True
    """
    return message


#: Month abbreviations, marked here and translated where they are shown.
MONTH_ABBREVIATIONS = (
    # TRANSLATORS: month abbreviations on the dashboards' time sliders and summaries
    N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
    N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
)


def month_label(when: Any, *, day: bool = False) -> str:
    """A date as the dashboards show it, in the current language: ``Mar 2025``.

    ``strftime("%b")`` would follow the machine's locale, not the kit's language.

    Parameters
    ----------
    when
        A date (``datetime.date``, ``datetime.datetime`` or ``pandas.Timestamp``).
    day
        Also show the day: ``3 Mar 2025``.

    Examples
    --------
    >>> import datetime as dt
    >>> with using_language("nl"):
    ...     month_label(dt.date(2025, 3, 3), day=True)
    '3 mrt 2025'
    """
    month = _(MONTH_ABBREVIATIONS[when.month - 1])
    return f"{when.day} {month} {when.year}" if day else f"{month} {when.year}"
