"""Dutch habits in the self-checks: a decimal comma is recognised and explained.

A Dutch learner writes ``0,5``. As text (``"0,5"``) that is not a number; typed into Python
(``density = 0,5``) it is the pair ``(0, 5)``. Every reader of numbers and shares
(``number``, ``count``, and through them every judge) says what happened, in the learner's
language, with the learner's own value written the Python way, and never the expected value.
"""

from __future__ import annotations

import networkx as nx
import pytest

import socialhrm
from socialhrm.checks import NotYet, evaluate
from socialhrm.checks.answers import count, decimal_comma, number
from socialhrm.i18n import using_language


@pytest.fixture(autouse=True)
def _isolated(monkeypatch, tmp_path):
    monkeypatch.setenv("SOCIALHRM_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)


def hint(reader, value, lang="en") -> str:
    with using_language(lang), pytest.raises(NotYet) as caught:
        reader("x", value)
    return str(caught.value)


@pytest.mark.parametrize(("value", "meant"), [
    ("0,5", "0.5"), (" 0,25 ", "0.25"), ("-1,5", "-1.5"), ("12,0", "12.0"),
    ("1.234,5", "1234.5"), ((0, 5), "0.5"), ((0, 25), "0.25"), ((12, 0), "12.0"),
    ((-1, 5), "-1.5"),
])
def test_a_decimal_comma_is_recognised(value, meant):
    assert decimal_comma(value) == meant


@pytest.mark.parametrize("value", [
    "0.5", "abc", "0,5,6", "1,2.5", "", (3, 4, 5), (0.5, 2), (0, -5), (True, 5), ("0", "5"),
    [0, 5], 0.5, 5, None,
])
def test_other_values_are_not_taken_for_a_decimal_comma(value):
    assert decimal_comma(value) is None


@pytest.mark.parametrize("reader", [number, count], ids=["number", "count"])
def test_a_decimal_comma_in_text_gets_its_own_hint(reader):
    text = hint(reader, "0,5")
    assert "decimal comma" in text and "0.5" in text
    assert "remove the quotes" not in text  # would leave 0,5: the pair (0, 5)


@pytest.mark.parametrize("reader", [number, count], ids=["number", "count"])
def test_a_decimal_comma_typed_in_python_gets_its_own_hint(reader):
    text = hint(reader, (0, 5))
    assert "(0, 5)" in text and "0,5" in text and "0.5" in text and "comma" in text
    assert "len(" not in text  # not the hint for a list of values


def test_the_hints_speak_dutch():
    text = hint(number, "0,5", "nl")
    assert "decimale komma" in text and "0.5" in text
    pair = hint(number, (0, 5), "nl")
    assert "paar" in pair and "komma" in pair and "0.5" in pair
    one = hint(number, (0.5,), "nl")
    assert "komma" in one and "tuple" in one


def test_a_trailing_comma_gets_its_own_hint():
    text = hint(number, (0.25,))
    assert "comma at the end" in text


def test_other_mistakes_keep_their_hints():
    assert "remove the quotes" in hint(number, "0.5")
    assert "asks for a number" in hint(number, "about half")
    assert "len(...)" in hint(number, [0, 5])
    assert "len(...)" in hint(number, (3, 4, 5))
    assert number("x", 0.5) == 0.5


@pytest.fixture(scope="module")
def density():
    return nx.density(socialhrm.datasets.load("noordhaven").network("advice"))


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_m01_judges_explain_a_decimal_comma(density, lang):
    whole, frac = f"{density:.4f}".split(".")
    text = f"{whole},{frac}"  # how a Dutch learner writes the density as text
    pair = (int(whole), int(frac.lstrip("0") or "0"))  # what Python makes of a typed comma
    word = "komma" if lang == "nl" else "comma"
    with using_language(lang):
        for value, meant in ((text, f"{whole}.{frac}"), (pair, f"{pair[0]}.{pair[1]}")):
            res = evaluate("q2", module="m01", density=value)
            assert res.answered and not res.passed
            assert meant in res.message and word in res.message
            assert repr(density) not in res.message and f"{density:.6f}" not in res.message
        res = evaluate("q5", module="m01", share_formal="0,5")
        assert not res.passed and "0.5" in res.message
        assert ("decimale komma" if lang == "nl" else "decimal comma") in res.message
