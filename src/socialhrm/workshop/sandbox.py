"""Where a submission runs while it is graded: bubblewrap on Linux, with limits.

Each submission is executed by :mod:`socialhrm.workshop.runner` (the notebook executor and the
kernel it starts, together) in its own scratch folder. With bubblewrap (``bwrap``, Linux) the
sandbox sees:

- read-only: the system (``/usr``, ``/etc``), the Python installation and its virtual
  environment, the ``socialhrm`` package and the bundled datasets;
- ``socialhrm.checks`` replaced by :mod:`socialhrm.workshop.kernel_checks` (the real judges and
  the expected values they compute are not there);
- read-write: only the scratch folder (a copy of this one submission) and a private ``/tmp``;
- nothing else: not the class folder (solutions, gradebook, classmates' work), not the kit's
  ``modules/``, not ``$HOME``; no network (``--unshare-all``); all capabilities dropped; the
  sandbox ends with the grader (``--die-with-parent``).

Limits (POSIX resource limits, inherited by the kernel): address space (``RLIMIT_AS``, the
memory a kernel may map), the size of a file it may write (``RLIMIT_FSIZE``) and CPU time
(``RLIMIT_CPU``); a per-cell time limit and one for the whole notebook are kept by the runner
and, as a last resort, by the grader, which kills the sandbox.

Without bubblewrap (macOS, Windows, a Linux without it or without user namespaces) grading is
refused unless the trainer asks for ``--no-sandbox``: the same runner then runs as the trainer's
own user, with the limits and the outside judging, but it can read and change every file the
trainer can.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from socialhrm.i18n import _

__all__ = [
    "DEFAULT_MEMORY_MB",
    "Limits",
    "SandboxUnavailable",
    "bwrap_command",
    "run_notebook",
    "sandbox_problem",
]

DEFAULT_MEMORY_MB = 3072
#: where the submission's scratch folder appears inside the sandbox
INSIDE = "/submission"


class SandboxUnavailable(RuntimeError):
    """No isolation is available here; the message says why and what to do."""


@dataclass(frozen=True)
class Limits:
    """Limits for one submission's run."""

    cell_timeout: int = 30
    notebook_timeout: int = 900
    memory_mb: int = DEFAULT_MEMORY_MB
    file_mb: int = 256

    def apply(self) -> None:
        """Set the resource limits of the current process (called in the child before exec)."""
        import resource

        limit = self.memory_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        size = self.file_mb * 2**20
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
        cpu = self.notebook_timeout + 60
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


@functools.cache
def sandbox_problem() -> str | None:
    """None when bubblewrap works here, else why not (for the trainer)."""
    if not sys.platform.startswith("linux"):
        return _("bubblewrap (the sandbox used for grading) exists only on Linux; this is "
                 "{platform}").format(platform=sys.platform)
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        return _("bubblewrap is not installed (Debian/Ubuntu: apt-get install bubblewrap; "
                 "Fedora: dnf install bubblewrap)")
    try:
        done = subprocess.run([bwrap, "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
                               "--unshare-all", "--die-with-parent", "true"],
                              capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return _("bubblewrap does not start ({error})").format(error=exc)
    if done.returncode != 0:
        return _("bubblewrap does not work here ({error}); user namespaces may be switched "
                 "off").format(error=(done.stderr.strip() or done.returncode))
    return None


def _python_roots() -> list[Path]:
    """Folders the kernel needs to read: the Python installation and the environment."""
    roots = {Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve(),
             Path(sys.exec_prefix).resolve(), Path(sys.executable).resolve().parent.parent}
    return sorted(roots)


def _system_binds() -> list[str]:
    args: list[str] = []
    for name in ("usr", "etc", "bin", "sbin", "lib", "lib32", "lib64", "libx32"):
        path = Path("/") / name
        if path.is_symlink():
            args += ["--symlink", os.readlink(path), str(path)]
        elif path.is_dir():
            args += ["--ro-bind", str(path), str(path)]
    return args


def _checks_folders(package: Path, bound: list[Path]) -> list[Path]:
    """Every copy of ``socialhrm/checks`` the sandbox could see: each is covered by the shim."""
    import importlib.util

    found: list[Path] = []
    spec = importlib.util.find_spec("socialhrm.checks")
    for where in (spec.submodule_search_locations or []) if spec else []:
        found.append(Path(where).resolve())
    found.append(package / "checks")
    for entry in sys.path:
        candidate = Path(entry or ".").resolve() / "socialhrm" / "checks"
        if candidate.is_dir() and any(candidate.is_relative_to(b) for b in bound):
            found.append(candidate)
    return [f for f in dict.fromkeys(found) if f.is_dir()]


def bwrap_command(scratch: Path, checks_shim: Path, command: list[str],
                  env: dict[str, str]) -> list[str]:
    """The bubblewrap command line that runs ``command`` isolated (see the module docstring).

    Parameters
    ----------
    scratch
        The submission's scratch folder (appears as ``/submission``, the only writable place).
    checks_shim
        A folder holding the stand-in ``socialhrm.checks`` (an ``__init__.py``).
    command
        What to run inside.
    env
        The whole environment of the command (nothing else is passed on).
    """
    import socialhrm
    from socialhrm.datasets import datasets_dir

    package = Path(socialhrm.__file__).resolve().parent
    args = ["bwrap", "--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL",
            *_system_binds(), "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp",
            "--dir", "/var/tmp"]
    bound: list[Path] = []
    for root in _python_roots():
        if not any(root.is_relative_to(b) for b in bound) and not str(root).startswith("/usr"):
            args += ["--ro-bind", str(root), str(root)]
            bound.append(root)
    args += ["--ro-bind", str(package), str(package)]
    for folder in _checks_folders(package, bound):
        args += ["--ro-bind", str(checks_shim), str(folder)]
    try:
        data = datasets_dir().resolve()
        args += ["--ro-bind", str(data), str(data)]
        env["SOCIALHRM_DATASETS"] = str(data)
    except FileNotFoundError:
        pass
    env["PYTHONPATH"] = str(package.parent)
    args += ["--bind", str(scratch), INSIDE, "--chdir", INSIDE, "--clearenv"]
    for key, value in env.items():
        args += ["--setenv", key, value]
    return args + command


def _environment(home: str, lang: str) -> dict[str, str]:
    return {
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), "/usr/bin", "/bin"]),
        "HOME": home, "USER": "student", "LANG": "C.UTF-8", "SOCIALHRM_LANG": lang,
        "JUPYTER_RUNTIME_DIR": f"{home}/.runtime", "IPYTHONDIR": f"{home}/.ipython",
        "MPLCONFIGDIR": f"{home}/.matplotlib", "MPLBACKEND": "Agg",
        "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
        "OMP_WAIT_POLICY": "passive", "MALLOC_ARENA_MAX": "2", "PYTHONHASHSEED": "0",
        "NBGRADER_EXECUTION": "autograde", "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        "SOCIALHRM_GRADING": "1",
    }


@dataclass
class RunResult:
    """What came back from one sandboxed run."""

    cells: dict[int, dict[str, Any]] = field(default_factory=dict)
    events: list[str] = field(default_factory=list)
    problem: str | None = None


def _without_markers(nb: Any) -> Any:
    """A copy of the notebook without the hidden-test marker lines (comments; same code)."""
    import copy

    from socialhrm.nbgrading import hidden_delimiters

    begin, end = hidden_delimiters()
    out = copy.deepcopy(nb)
    for cell in out.cells:
        if cell.cell_type == "code":
            cell.source = "\n".join(line for line in cell.source.split("\n")
                                    if begin not in line and end not in line)
    return out


def run_notebook(nb: Any, work: Path, limits: Limits, *, sandbox: bool = True,
                 lang: str = "en", kernel_args: list[str] | None = None,
                 slow_cells: dict[int, int] | None = None) -> RunResult:
    """Execute a notebook in ``work`` (a fresh, empty scratch folder) and read back the outputs.

    ``slow_cells`` maps a cell's index to a longer timeout of its own (the grader gives one to
    cells the student cannot change, such as the set-up cell that loads the data).

    Returns
    -------
    RunResult
        ``cells`` maps a cell's index to its ``outputs`` (and ``execution_count``).
    """
    import nbformat

    from socialhrm.workshop import kernel_checks, runner

    work.mkdir(parents=True, exist_ok=True)
    scratch = work / "submission"
    scratch.mkdir()
    shim = work / "checks"
    shim.mkdir()
    shutil.copy2(kernel_checks.__file__, shim / "__init__.py")
    shutil.copy2(runner.__file__, work / "runner.py")
    nbformat.write(_without_markers(nb), scratch / "submission.ipynb")
    args = ["--IPKernelApp.log_level=ERROR", "--HistoryManager.hist_file=:memory:",
            *(kernel_args or [])]
    if sandbox:
        shutil.copy2(work / "runner.py", scratch / ".runner.py")
        inner = [sys.executable, f"{INSIDE}/.runner.py", f"{INSIDE}/submission.ipynb",
                 f"{INSIDE}/.result.json"]
        home = "/tmp/home"
        cmd = bwrap_command(scratch, shim, [
            "/bin/sh", "-c", f'mkdir -p {home}/.runtime && exec "$@"', "sh", *inner],
            _environment(home, lang))
        result_file = scratch / ".result.json"
    else:
        # the same runner without isolation: socialhrm.checks replaced inside the kernel only
        home = str(work / "home")
        Path(home, ".runtime").mkdir(parents=True)
        env = {**_environment(home, lang), "PYTHONPATH": os.environ.get("PYTHONPATH", "")}
        args.append("--IPKernelApp.exec_lines=" + json.dumps([
            "import importlib.util as _u, sys as _s; "
            f"_p = _u.spec_from_file_location('socialhrm.checks', {str(shim / '__init__.py')!r}); "
            "_m = _u.module_from_spec(_p); _p.loader.exec_module(_m); "
            "_s.modules['socialhrm.checks'] = _m; del _u, _s, _p, _m"]))
        inner = [sys.executable, str(work / "runner.py"), str(scratch / "submission.ipynb"),
                 str(work / "result.json")]
        cmd = inner
        result_file = work / "result.json"
    cmd += [f"--timeout={limits.cell_timeout}", f"--total={limits.notebook_timeout}",
            *[f"--kernel-arg={a}" for a in args],
            *[f"--slow-cell={i}:{s}" for i, s in (slow_cells or {}).items()]]
    out = RunResult()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False,
                              timeout=limits.notebook_timeout + 120, preexec_fn=limits.apply,
                              env=None if sandbox else env, start_new_session=True)
        stderr = proc.stderr
    except subprocess.TimeoutExpired as exc:
        stderr = str(exc.stderr or "")
        out.events.append("the sandbox was stopped: the notebook's time ran out")
    try:
        raw = result_file.read_text(encoding="utf-8")[: 200 * 2**20]
        data = json.loads(raw)
        out.cells = {int(c["index"]): c for c in data.get("cells", [])
                     if isinstance(c, dict) and "index" in c}
        out.events += [str(e) for e in data.get("events", [])][:50]
    except (OSError, ValueError, TypeError, KeyError) as exc:
        tail = " ".join(stderr.strip().splitlines()[-3:])[:300]
        out.problem = _("the notebook could not be run: no results came back (the submission "
                        "may have stopped the grader itself; {error})").format(
            error=tail or type(exc).__name__)
    return out
