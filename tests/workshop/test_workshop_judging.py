"""Hidden tests are judged in the trainer's process from recorded values (no nbgrader here)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from socialhrm.checks import evaluate
from socialhrm.workshop.judging import HiddenCall, decode, hidden_calls, judge_records
from socialhrm.workshop.kernel_checks import encode

CELL = ('"""q2: density is a float."""\n'
        "assert isinstance(density, float)\n"
        "### BEGIN HIDDEN TESTS\n"
        'hidden("m01", "q2", density)\n'
        "### END HIDDEN TESTS")


def _right_density() -> float:
    """The right answer, found by asking the judge (never typed in)."""
    import networkx as nx

    import socialhrm

    value = nx.density(socialhrm.datasets.load("noordhaven").network("advice"))
    assert evaluate("q2", module="m01", density=value).passed
    return value


@pytest.mark.parametrize("value", [
    None, True, 3, 0.25, "NH0001", (1, "a"), [1, [2, 3]], {"a": (1, 2)}, {1, 2},
    frozenset({"x"}), math.inf,
])
def test_values_survive_the_round_trip(value):
    assert decode(encode(value)) == value


def test_numpy_and_pandas_values_round_trip():
    assert decode(encode(np.int64(7))) == 7 and isinstance(decode(encode(np.int64(7))), int)
    assert decode(encode(np.bool_(True))) is True
    series = pd.Series([1.5, 2.5], index=["a", "b"], name="x")
    pd.testing.assert_series_equal(decode(encode(series)), series)
    frame = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]})
    pd.testing.assert_frame_equal(decode(encode(frame)), frame)
    assert math.isnan(decode(encode(float("nan"))))


def test_hidden_calls_come_from_the_hidden_region_only():
    assert hidden_calls(CELL) == [HiddenCall("m01", "q2", 1)]
    assert hidden_calls('hidden("m01", "q2", density)') == []  # not in a hidden region
    assert hidden_calls("### BEGIN HIDDEN TESTS\nhidden(\n### END HIDDEN TESTS") == []


def test_only_a_right_recorded_value_passes():
    calls = hidden_calls(CELL)
    right = {"module": "m01", "question": "q2", "values": [encode(_right_density())]}
    wrong = {"module": "m01", "question": "q2", "values": [encode(0.5)]}
    other = {"module": "m01", "question": "q3", "values": [encode(_right_density())]}
    assert [v.passed for v in judge_records(calls, [right])] == [True]
    assert [v.passed for v in judge_records(calls, [wrong])] == [False]
    assert [v.passed for v in judge_records(calls, [])] == [False]        # hidden overridden
    assert [v.passed for v in judge_records(calls, [other])] == [False]   # another question's
    assert [v.passed for v in judge_records(calls, [right, wrong])] == [False]  # one bad record
    forged = {"module": "m01", "question": "q2", "values": [{"$type": "evil"}]}
    assert [v.passed for v in judge_records(calls, [forged, "junk", None])] == [False]
    too_many = {"module": "m01", "question": "q2", "values": [encode(_right_density())] * 2}
    verdict = judge_records(calls, [too_many])[0]
    assert not verdict.passed and "set up wrongly" in verdict.reason


def test_the_stand_in_records_and_never_judges(capsys):
    from socialhrm.workshop import kernel_checks

    assert kernel_checks.hidden("m01", "q2", 0.5) is None  # no verdict, no error, in any case
    kernel_checks.check("q2")
    assert "not run while your work is being graded" in capsys.readouterr().out
    with pytest.raises(AttributeError):
        kernel_checks.evaluate  # noqa: B018 - the judges are not there


def test_a_cell_that_prints_without_end_is_cut():
    from socialhrm.workshop.runner import MAX_OUTPUTS, MAX_TEXT, trim_outputs

    outputs = [{"output_type": "stream", "name": "stdout", "text": "x" * (3 * MAX_TEXT)}] * 500
    kept = trim_outputs([dict(o) for o in outputs])
    assert len(kept) == MAX_OUTPUTS
    assert all(len(o["text"]) < MAX_TEXT + 100 and "output cut" in o["text"] for o in kept)
