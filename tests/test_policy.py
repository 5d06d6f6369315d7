"""The policy builder: choices change the draft, every choice has its reason, HTML is safe."""

from __future__ import annotations

import pytest

from socialhrm.i18n import using_language
from socialhrm.policy import ACCOUNTS, INTRODUCTIONS, STANCES, draft_policy


def test_default_draft_has_every_section_and_states_its_choices():
    d = draft_policy("Noordhaven")
    md = d.markdown
    for heading in ("## 1.", "## 2.", "## 3.", "## 4.", "## 5.", "## 6.", "## 7.", "## 8.",
                    "## 9.", "## Appendix"):
        assert heading in md
    assert list(d.choices["choice"]) == ["accounts covered", "stance", "working time", "owners",
                                         "introduction", "review"]
    assert d.choices["rationale"].str.len().gt(30).all()
    assert "Noordhaven" in md and "AVG" in md


def test_accounts_choose_the_sections():
    only_company = draft_policy("X", accounts=["company"]).markdown
    assert "## 4. Company accounts" in only_company
    assert "Your own accounts" not in only_company and "internal platform is where" not in \
        only_company
    private = draft_policy("X", accounts=["private"]).markdown
    assert "does not monitor them" in private and "## 4. Company" not in private


@pytest.mark.parametrize("stance", list(STANCES))
def test_each_stance_gives_its_own_text_and_reason(stance):
    d = draft_policy("X", stance=stance)
    others = [draft_policy("X", stance=s).markdown for s in STANCES if s != stance]
    assert all(d.markdown != o for o in others)
    row = d.choices.set_index("choice").loc["stance"]
    assert row["rationale"] == STANCES[stance][1]


def test_owners_and_introduction_appear_in_the_table():
    d = draft_policy("X", owners={"company_accounts": "Team Online"},
                     introduction=["onboarding", "intranet"], review_months=6)
    assert "| the company accounts | Team Online |" in d.markdown
    assert INTRODUCTIONS["onboarding"][0] in d.markdown
    assert "after 6 months" in d.markdown
    assert INTRODUCTIONS["video"][0] not in d.markdown


def test_working_time_choice():
    assert "during working hours" in draft_policy("X").markdown
    assert "during working hours" not in draft_policy("X", working_time=False).markdown


@pytest.mark.parametrize("kwargs, word", [
    ({"stance": "ban"}, "stance"), ({"accounts": ["tiktok"]}, "accounts"),
    ({"introduction": ["memo"]}, "introduction"), ({"owners": {"budget": "CFO"}}, "owners"),
    ({"accounts": []}, "at least one"), ({"review_months": 0}, "review_months"),
])
def test_unknown_choices_are_refused_with_the_options(kwargs, word):
    with pytest.raises(ValueError, match=word):
        draft_policy("X", **kwargs)


def test_html_escapes_what_people_typed():
    d = draft_policy("<img src=x onerror=alert(1)>", owners={"policy": "<b>HR</b>"})
    assert "<img" not in d.html and "<b>HR" not in d.html
    assert "&lt;img src=x onerror=alert(1)&gt;" in d.html
    assert d.html.startswith("<!DOCTYPE html>") and "socialhrm-policy" in d.html
    assert d.html.count("<table>") == 2


def test_save_writes_markdown_or_html(tmp_path):
    d = draft_policy("X")
    assert (tmp_path / "p.md").exists() is False
    d.save(str(tmp_path / "p.md"))
    d.save(str(tmp_path / "p.html"))
    assert (tmp_path / "p.md").read_text(encoding="utf-8") == d.markdown
    assert (tmp_path / "p.html").read_text(encoding="utf-8") == d.html


def test_dutch_draft():
    with using_language("nl"):
        d = draft_policy("Noordhaven")
    assert "ondernemingsraad" in d.markdown
    with using_language("en"):
        en = draft_policy("Noordhaven")
    assert d.markdown != en.markdown
    assert set(ACCOUNTS) == {"company", "private", "internal"}
