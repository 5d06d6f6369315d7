"""Run one submitted notebook, cell by cell, inside the grading sandbox.

This file is run as a script (``python runner.py IN OUT ...``) by
:mod:`socialhrm.workshop.sandbox`, inside bubblewrap, together with the kernel it starts: a
Jupyter kernel talks to its client over localhost, so both live in the sandbox. It imports
nothing of ``socialhrm`` and writes only ``OUT`` (JSON, rewritten after every cell, so that a
run that is stopped from outside still leaves what it had).

What it does that plain ``nbclient`` does not:

- a cell that runs past the per-cell timeout is interrupted; if it ignores the interrupt, the
  kernel is killed;
- when the kernel dies (a recursion bomb, a memory bomb, ``os._exit``), the cell that killed
  it gets an error output, a fresh kernel replays the cells before it (outputs discarded) and
  the run continues with the next cell, so a runaway cell costs only its own points;
- a time limit for the whole notebook: cells not reached get an error output.

The trainer's process trusts none of this output for hidden tests: it only reads the values the
hidden-test calls recorded and judges them itself (see :mod:`socialhrm.workshop.judging`).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import threading
import time
from pathlib import Path
from typing import Any

#: error names the trainer's process recognises (see socialhrm.workshop.grading)
KERNEL_DIED = "KernelDied"
NOT_RUN = "NotRun"
CELL_TIMEOUT = "CellTimeoutError"


#: what one cell may leave behind (a cell that prints without end must not sink the grader)
MAX_OUTPUTS = 100
MAX_TEXT = 200_000


def trim_outputs(outputs: list[Any]) -> list[Any]:
    """At most :data:`MAX_OUTPUTS` outputs per cell, texts cut at :data:`MAX_TEXT` characters."""
    kept = list(outputs[:MAX_OUTPUTS])
    for out in kept:
        if out.get("output_type") == "stream":
            text = out.get("text", "")
            text = "".join(text) if isinstance(text, list) else str(text)
            if len(text) > MAX_TEXT:
                out["text"] = text[:MAX_TEXT] + "\n[... output cut ...]\n"
        for key, value in list((out.get("data") or {}).items()):
            if isinstance(value, str) and len(value) > MAX_TEXT:
                out["data"][key] = value[:MAX_TEXT]
    return kept


def _error(ename: str, evalue: str) -> dict[str, Any]:
    return {"output_type": "error", "ename": ename, "evalue": evalue, "traceback": [evalue]}


class Runner:
    """Execute a notebook's code cells with restarts; see the module docstring."""

    def __init__(self, nb: Any, out: Path, *, timeout: int, total: int, kernel_args: list[str],
                 max_restarts: int = 3, slow: dict[int, int] | None = None) -> None:
        self.nb = nb
        self.out = out
        self.timeout = timeout
        self.deadline = time.monotonic() + total
        self.kernel_args = kernel_args
        self.max_restarts = max_restarts
        self.slow = slow or {}  # cell index -> its own timeout (cells the student cannot edit)
        self.results: dict[int, dict[str, Any]] = {}
        self.events: list[str] = []
        self.client: Any = None
        self.ctx: Any = None

    # ---- the kernel
    def start(self) -> None:
        """Start a kernel."""
        from nbclient import NotebookClient

        self.client = NotebookClient(
            self.nb, timeout=self.timeout, allow_errors=True, interrupt_on_timeout=False,
            kernel_name="python3", extra_arguments=self.kernel_args, record_timing=False,
            shutdown_kernel="immediate", startup_timeout=120,
            error_on_timeout={"ename": CELL_TIMEOUT, "evalue": "",
                              "traceback": [f"{CELL_TIMEOUT}: the cell ran longer than "
                                            f"{self.timeout} s"]},
            resources={"metadata": {"path": str(self.out.parent)}})
        self.ctx = self.client.setup_kernel()
        self.ctx.__enter__()

    def stop(self) -> None:
        """Stop the kernel (kill it if it does not stop)."""
        if self.ctx is not None:
            try:
                self.ctx.__exit__(None, None, None)
            except Exception:  # noqa: BLE001 - the kernel may be dead already
                self._kill()
        self.ctx = None

    def _kill(self) -> None:
        try:
            pid = self.client.km.provisioner.process.pid
            os.kill(pid, signal.SIGKILL)
        except Exception:  # noqa: BLE001, S110 - nothing left to kill
            pass

    def run_cell(self, index: int, cell: Any) -> str:
        """Execute one cell: "ok", "error", "timeout" or "died"."""
        from nbclient.exceptions import CellTimeoutError, DeadKernelError

        seconds = self.slow.get(index, self.timeout)
        self.client.timeout = seconds
        watchdog = threading.Timer(seconds + 15, self._kill)  # if nbclient itself hangs
        watchdog.daemon = True
        watchdog.start()
        try:
            self.client.execute_cell(cell, index)
        except CellTimeoutError:
            return "timeout"
        except DeadKernelError:
            return "died"
        except Exception as exc:  # noqa: BLE001 - nbclient's own trouble counts as the cell's
            if not self._alive():
                return "died"
            cell.outputs.append(_error(type(exc).__name__, str(exc)[:500]))
            return "error"
        finally:
            watchdog.cancel()
        if not self._alive():
            return "died"
        return "error" if any(o.get("output_type") == "error" for o in cell.outputs) else "ok"

    def _alive(self) -> bool:
        try:
            from nbclient.util import run_sync

            return bool(run_sync(self.client.km.is_alive)())
        except Exception:  # noqa: BLE001
            return False

    # ---- the notebook
    def save(self) -> None:
        """Write what has been run so far to the result file."""
        data = {"cells": [{"index": i, **r} for i, r in sorted(self.results.items())],
                "events": self.events}
        tmp = self.out.with_suffix(".tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        tmp.replace(self.out)

    def run(self) -> None:
        """Run every code cell in order (see the module docstring)."""
        import copy

        code = [i for i, c in enumerate(self.nb.cells) if c.cell_type == "code"]
        done: list[int] = []
        restarts = 0
        self.start()
        for pos, index in enumerate(code):
            cell = self.nb.cells[index]
            if time.monotonic() > self.deadline:
                for rest in code[pos:]:
                    self.results[rest] = {"outputs": [_error(
                        NOT_RUN, "Not run: the time for the whole notebook ran out.")]}
                self.events.append("notebook time limit reached")
                break
            status = self.run_cell(index, cell)
            if status in {"died", "timeout"}:
                outputs = trim_outputs([o for o in cell.outputs if o.get("output_type") != "error"])
                if status == "died":
                    outputs.append(_error(KERNEL_DIED, "The kernel stopped while running this "
                                          "cell (too much memory, too deep a recursion, or the "
                                          "code ended the kernel)."))
                else:
                    outputs.append(_error(CELL_TIMEOUT, f"The cell ran longer than "
                                          f"{self.timeout} s and was stopped."))
                self.results[index] = {"outputs": outputs}
                self.events.append(f"{status} in cell {index}")
                self._kill()
                self.stop()
                restarts += 1
                if restarts > self.max_restarts or not self._restart(done, copy):
                    for rest in code[pos + 1:]:
                        self.results[rest] = {"outputs": [_error(
                            NOT_RUN, "Not run: the kernel could not be restarted.")]}
                    break
            else:
                self.results[index] = {"outputs": trim_outputs(cell.outputs),
                                       "execution_count": cell.get("execution_count")}
                done.append(index)
            self.save()
        self.save()
        self.stop()

    def _restart(self, done: list[int], copy: Any) -> bool:
        """A fresh kernel that has run the cells before the one that died (outputs dropped)."""
        try:
            self.start()
            for index in done:
                if self.run_cell(index, copy.deepcopy(self.nb.cells[index])) in {"died",
                                                                                  "timeout"}:
                    self.events.append(f"kernel died again replaying cell {index}")
                    self.stop()
                    return False
        except Exception as exc:  # noqa: BLE001
            self.events.append(f"restart failed: {type(exc).__name__}: {exc}")
            return False
        self.events.append("kernel restarted")
        return True


def main() -> None:
    """``python runner.py NOTEBOOK RESULT [--timeout S] [--total S] [--kernel-arg A]``."""
    import sys

    # jsonschema (through nbformat) imports rfc3987_syntax when it is installed, which builds a
    # grammar for ~5 s at import; URI formats are never checked here, so leave it out
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
    import nbformat

    parser = argparse.ArgumentParser()
    parser.add_argument("notebook")
    parser.add_argument("out")
    parser.add_argument("--timeout", type=int, default=30)
    parser.add_argument("--total", type=int, default=600)
    parser.add_argument("--kernel-arg", action="append", default=[])
    parser.add_argument("--slow-cell", action="append", default=[], metavar="INDEX:SECONDS")
    args = parser.parse_args()
    slow = {int(i): int(s) for i, s in (x.split(":") for x in args.slow_cell)}
    nb = nbformat.read(args.notebook, as_version=4)
    Path(args.notebook).unlink()  # the kernel has no business reading its test cells' code
    os.chdir(Path(args.notebook).parent)
    Runner(nb, Path(args.out), timeout=args.timeout, total=args.total,
           kernel_args=args.kernel_arg, slow=slow).run()


if __name__ == "__main__":
    main()
