"""The glossary: one table, shown the same in the README and the notebook, both languages."""

from __future__ import annotations

from socialhrm.glossary import TERMS, glossary, markdown_table


def test_every_term_has_both_languages_and_explanations():
    assert len(TERMS) >= 30
    for row in TERMS:
        assert all(isinstance(x, str) and x.strip() for x in row), row
    assert len({en for en, *_ in TERMS}) == len(TERMS), "a term is listed twice"


def test_the_readme_shows_the_glossary_as_the_code_has_it(repo):
    assert markdown_table() in (repo / "README.md").read_text()


def test_dutch_hr_terms_are_used():
    nl = " ".join(glossary()["nl"]) + " ".join(glossary()["explanation_nl"])
    for term in ("adviesnetwerk", "medewerker", "AVG", "organogram"):
        assert term in nl
    assert "GDPR" not in nl.replace("AVG (GDPR)", "")
