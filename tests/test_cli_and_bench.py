"""The command line entry point and the benchmark scripts (run small, not timed)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from socialhrm.cli import main


def test_cli_help_lists_commands(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for name in ("course", "workshop", "dashboards", "progress"):
        assert name in out


def test_cli_unknown_command(capsys):
    assert main(["fly"]) == 2
    assert "unknown command 'fly'" in capsys.readouterr().err


@pytest.mark.slow
def test_core_benchmark_runs_small(repo):
    out = subprocess.run([sys.executable, str(repo / "benchmarks" / "bench_core.py"),
                          "--people", "400", "--messages", "20000", "--closeness-probe", "5"],
                         capture_output=True, text=True, timeout=300, check=False)
    assert out.returncode == 0, out.stderr
    for stage in ("read + validate", "build network", "centrality table", "describe", "total",
                  "peak memory", "plain networkx"):
        assert stage in out.stdout
    assert any(line.startswith("GOAL ") and "whole ONA report" in line
               for line in out.stdout.splitlines())


def test_bench_goal_lines_are_summed_up(repo, capsys, monkeypatch):
    monkeypatch.syspath_prepend(str(repo / "benchmarks"))
    import goals

    assert goals.report("fast enough", 2.0, 3.0) is True
    assert goals.report("big enough", 10, 30, "x", higher_is_better=True) is False
    lines = capsys.readouterr().out.splitlines()
    assert [goals.parse(line)[0] for line in lines] == [True, False]
    assert goals.parse("total 3 s") is None
    assert "big enough" in goals.parse(lines[1])[1]


def test_cli_output_cut_short_by_a_pager_is_not_an_error(repo):
    """`socialhrm course | head -1`: the reader closes the pipe early; no traceback, exit 0."""
    proc = subprocess.Popen([sys.executable, "-m", "socialhrm.cli", "course"], cwd=repo,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline()
    proc.stdout.close()  # like `head -1`, stop reading after one line
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0, err
    assert first.startswith(b"Social HRM Lab")
    assert "Traceback" not in err and "BrokenPipeError" not in err
