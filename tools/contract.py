"""Write docs/CONTRACT.md — the public API of every part of the kit — from the code itself.

    python tools/contract.py          # rewrite docs/CONTRACT.md
    python tools/contract.py --check  # exit 1 when docs/CONTRACT.md is not what the code says

For each public module of ``socialhrm`` (no leading underscore; ``__all__`` where it has one,
else the public functions and classes it defines): its summary line, then every public name
with its signature and the first line of its docstring, and the documented column lists
(module constants named ``*_COLUMNS``). ``tests/test_contract.py`` fails when the file and the
code disagree, so the contract cannot drift again.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "CONTRACT.md"
#: Parts that are not an API others build on (the generator's internals, the CLI shim).
SKIP_PREFIXES = ("socialhrm.synth.", "socialhrm.locale")
SKIP = {"socialhrm.cli", "socialhrm.__main__"}

HEADER = """# The kit's public API (generated from the code — do not edit by hand)

This file is written by `python tools/contract.py` from the modules' own names, signatures and
docstrings; `tests/test_contract.py` fails when it and the code disagree. Each name's full
documentation (parameters, returns, examples, references) is its docstring:
`help(socialhrm.network.build_network)`.
"""


def _summary(obj: object) -> str:
    doc = inspect.getdoc(obj) or ""
    first = doc.strip().split("\n\n")[0].replace("\n", " ").strip()
    return first


def _annotation(value: object) -> str:
    if value is inspect.Parameter.empty:
        return ""
    return value if isinstance(value, str) else inspect.formatannotation(value)


def _signature(name: str, obj: object) -> str:
    try:
        sig = inspect.signature(obj)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return name
    params, star_done = [], False
    for p in sig.parameters.values():
        if p.kind is p.KEYWORD_ONLY and not star_done:
            params.append("*")
            star_done = True
        if p.kind is p.VAR_POSITIONAL:
            star_done = True
        prefix = {p.VAR_POSITIONAL: "*", p.VAR_KEYWORD: "**"}.get(p.kind, "")
        text = prefix + p.name
        ann = _annotation(p.annotation)
        if ann:
            text += f": {ann}"
        if p.default is not p.empty:
            text += f" = {p.default!r}" if ann else f"={p.default!r}"
        params.append(text)
    ret = _annotation(sig.return_annotation)
    return f"{name}({', '.join(params)})" + (f" -> {ret}" if ret and ret != "None" else "")


def _public_names(module) -> list[str]:
    names = getattr(module, "__all__", None)
    if names is not None:
        return sorted(names)
    out = []
    for name, obj in vars(module).items():
        if name.startswith("_"):
            continue
        if (inspect.isfunction(obj) or inspect.isclass(obj)) and \
                getattr(obj, "__module__", None) == module.__name__:
            out.append(name)
    return sorted(out)


def modules() -> list[str]:
    """The public modules of the package, in a stable order."""
    import socialhrm

    found = ["socialhrm"]
    for info in pkgutil.walk_packages(socialhrm.__path__, "socialhrm."):
        name = info.name
        if any(part.startswith("_") for part in name.split(".")):
            continue
        if name in SKIP or name.startswith(SKIP_PREFIXES):
            continue
        if name.startswith("socialhrm.checks.") and name.rsplit(".", 1)[1][:1] == "m":
            continue  # a module's judges are content, not API
        found.append(name)
    return sorted(set(found))


def render() -> str:
    """The whole contract as Markdown."""
    parts = [HEADER]
    for modname in modules():
        module = importlib.import_module(modname)
        parts.append(f"\n## `{modname}`\n")
        summary = _summary(module)
        if summary:
            parts.append(summary + "\n")
        lines = []
        for name in _public_names(module):
            obj = getattr(module, name, None)
            if obj is None:
                continue
            if inspect.ismodule(obj):
                continue
            if inspect.isclass(obj) or callable(obj):
                head = _signature(name, obj) if not inspect.isclass(obj) or \
                    issubclass(obj, BaseException) is False else name
                text = _summary(obj)
                lines.append(f"- `{head}`" + (f" — {text}" if text else ""))
            elif name.endswith("_COLUMNS") and isinstance(obj, dict | list | tuple):
                cols = ", ".join(f"`{c}`" for c in obj)
                lines.append(f"- `{name}`: {cols}")
        parts.append("\n".join(lines) + ("\n" if lines else ""))
    return "\n".join(p.rstrip("\n") + "\n" for p in parts)


def main(argv: list[str]) -> int:
    """Write the contract, or with ``--check`` compare it with the file."""
    text = render()
    if "--check" in argv:
        if not OUT.exists() or OUT.read_text() != text:
            print("docs/CONTRACT.md is out of date: run python tools/contract.py")
            return 1
        return 0
    OUT.write_text(text)
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
