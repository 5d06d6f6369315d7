"""The trainer's exports as Dutch Excel opens them (an option, the default for a Dutch class)."""

from __future__ import annotations

import pandas as pd
import pytest

from socialhrm.workshop.exports import default_csv_style, write_csv

TABLE = pd.DataFrame({"student_id": ["s1", "s2"], "naam": ["Ëlla", "Bram"],
                      "score": [7.5, 10.0], "share": [0.75, 1.0]})


def test_dutch_excel_style_semicolons_decimal_commas_and_a_bom(tmp_path):
    path = write_csv(TABLE, tmp_path / "grades.csv", "excel-nl")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads the accents right
    text = raw.decode("utf-8-sig")
    assert text.splitlines()[0] == "student_id;naam;score;share"
    assert "s1;Ëlla;7,5;0,75" in text
    back = pd.read_csv(path, sep=";", decimal=",", encoding="utf-8-sig")
    pd.testing.assert_frame_equal(back, TABLE)


def test_plain_style_and_a_wrong_one(tmp_path):
    text = write_csv(TABLE, tmp_path / "g.csv").read_text()
    assert text.splitlines()[1] == "s1,Ëlla,7.5,0.75"
    with pytest.raises(ValueError, match="excel-nl"):
        write_csv(TABLE, tmp_path / "x.csv", "tsv")


@pytest.mark.parametrize(("lang", "style"), [("nl", "excel-nl"), ("en", "plain")])
def test_the_class_language_sets_the_default(lang, style):
    class Class:
        language = lang  # a property of the real class folder

    assert default_csv_style(Class()) == style
