"""The dashboards' language switch: each dashboard has an English and a Dutch page.

``notebooks/dashboards/<name>.ipynb`` is the English page and ``notebooks/dashboards/nl/
<name>.ipynb`` the Dutch one (it calls :func:`socialhrm.i18n.set_language` before it builds
its app, so every label, explanation and message is Dutch, and Voila can prepare it in advance
like the English page). :func:`language_links` puts the switch at the top of both: two plain
links to the same dashboard in the other language, on the same server. The network explorer
also has a switch of its own that relabels the page in place.

Examples
--------
>>> "nl/org_health.ipynb" in language_links("org_health", "en").value
True
>>> "../org_health.ipynb" in language_links("org_health", "nl").value
True
"""

from __future__ import annotations

import html

import ipywidgets as w

from socialhrm.i18n import LANGUAGES, _, using_language

__all__ = ["language_links", "page_address"]


def page_address(name: str, lang: str, here: str) -> str:
    """The address of dashboard ``name`` in ``lang``, relative to the page in ``here``.

    Examples
    --------
    >>> page_address("org_health", "nl", "en"), page_address("org_health", "en", "nl")
    ('nl/org_health.ipynb', '../org_health.ipynb')
    """
    up = "../" if here != "en" else ""
    return f"{up}{name}.ipynb" if lang == "en" else f"{up}{lang}/{name}.ipynb"


def language_links(name: str, here: str) -> w.HTML:
    """Links to dashboard ``name`` in each language; the page's own language in bold.

    Parameters
    ----------
    name
        The dashboard notebook's name without ``.ipynb`` (e.g. ``"org_health"``).
    here
        The language of the page that shows the links.
    """
    parts = []
    for code, label in LANGUAGES.items():
        text = html.escape(label)
        if code == here:
            parts.append(f"<b>{text}</b>")
        else:
            href = html.escape(page_address(name, code, here), quote=True)
            parts.append(f"<a href='{href}' class='shrm-lang-{code}'>{text}</a>")
    with using_language(here):
        title = html.escape(_("Language"))
    return w.HTML(f"<div class='shrm-language' style='text-align:right;font-size:0.9em'>"
                  f"{title}: {' · '.join(parts)}</div>")
