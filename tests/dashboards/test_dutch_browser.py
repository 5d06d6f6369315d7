"""Every dashboard in Dutch, in a real browser: its Dutch page speaks Dutch, and the switch works.

Each dashboard ``notebooks/dashboards/<name>.ipynb`` has a Dutch page ``nl/<name>.ipynb``; the
language links at the top of both lead from one to the other. "Speaks Dutch" is measured with
the catalogue itself: many of the kit's Dutch texts are on the Dutch page, and few of their
English originals.
"""

from __future__ import annotations

import pytest
from _browser import open_dashboard
from babel.messages.pofile import read_po

from socialhrm.dashboards import list_dashboards
from socialhrm.i18n import locale_dir

pytestmark = [pytest.mark.slow, pytest.mark.browser]

NAMES = [d.path.stem for d in list_dashboards()]


def _pairs() -> list[tuple[str, str]]:
    with (locale_dir() / "nl" / "LC_MESSAGES" / "socialhrm.po").open("rb") as fh:
        catalog = read_po(fh)
    out = []
    for m in catalog:
        if isinstance(m.id, str) and isinstance(m.string, str) and m.id and m.string \
                and "{" not in m.id and 6 <= len(m.id) <= 60 and m.id != m.string:
            out.append((m.id, m.string))
    return out


PAIRS = _pairs()


def _count(text: str) -> tuple[int, int]:
    dutch = sum(1 for _en, nl in PAIRS if nl in text)
    english = sum(1 for en, _nl in PAIRS if en in text)
    return dutch, english


def test_every_dashboard_has_a_dutch_page(repo):
    for name in NAMES:
        assert (repo / "notebooks" / "dashboards" / "nl" / f"{name}.ipynb").is_file(), name


@pytest.mark.parametrize("name", NAMES)
def test_the_dutch_page_speaks_dutch_and_switches(dashboards_server, page, artifacts, name):
    open_dashboard(page, dashboards_server + f"voila/render/nl/{name}.ipynb", ".shrm-language",
                   timeout=90)
    page.wait_for_timeout(2500)  # late panels
    page.screenshot(path=str(artifacts / f"{name}_nl.png"), full_page=True)
    dutch, english = _count(page.locator("body").inner_text())
    assert dutch >= 5 and dutch > 2 * english, (dutch, english)
    assert page.locator(".shrm-language b").inner_text() == "Nederlands"
    page.locator(".shrm-language a.shrm-lang-en").click()
    page.wait_for_selector(".shrm-language", state="visible", timeout=90_000)
    page.wait_for_timeout(1500)
    assert page.locator(".shrm-language b").inner_text() == "English"
    back_dutch, back_english = _count(page.locator("body").inner_text())
    assert back_english > back_dutch, (back_dutch, back_english)
