"""The whole kit speaks through one translation layer, in English and in Dutch.

- (a) every marked text of the kit has a Dutch translation with the same placeholders (the
  check fails on a copy of the catalogue with one translation removed or one placeholder
  changed);
- (b) no text a person reads bypasses the layer: raised errors, warnings, printed output and
  the labels of dashboard widgets are wrapped in ``_()`` / ``ngettext()`` / ``N_()``;
- (c) no module that imports ``_`` from ``socialhrm.i18n`` rebinds the name ``_`` (``a, _ =
  ...``, ``for _ in``, ``*_``, ...), which silently swaps the translation function for a value;
- (d) the compiled ``.mo`` files say what the ``.po`` files say.

The few files whose texts only a developer reads are in :data:`ALLOW`, each with its reason.
"""

from __future__ import annotations

import ast
import fnmatch
import importlib.util
import re
import shutil
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po, write_po

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src" / "socialhrm"

#: Files (relative to src/socialhrm, fnmatch patterns) not held to (b) and (c), each with the
#: reason: texts that only a developer ever reads.
ALLOW: dict[str, str] = {
    "workshop/__init__.py": "Python's own AttributeError for a name the package does not have",
    "workshop/simulate.py": "makes the demo's mock submissions: errors only a developer sees",
}

#: Functions whose first argument a person reads.
SHOWN_CALLS = {"print", "warn"}
#: Keyword arguments of ipywidgets whose text a person reads (in apps/).
WIDGET_TEXT = {"description", "value", "placeholder"}
#: The translation functions.
LAYER = {"_", "ngettext", "N_", "gettext_"}
#: A message that starts with the program's name and goes on with a translated part.
PROGRAM_PREFIX = re.compile(r"^\s*socialhrm(?: [\w-]+)*:\s*")


def _load_tools_i18n():
    spec = importlib.util.spec_from_file_location("kit_tools_i18n", REPO / "tools" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tools_i18n():
    return _load_tools_i18n()


@pytest.fixture(scope="module")
def template(tools_i18n):
    return tools_i18n.extract()


def _rel(path: Path, root: Path = SRC) -> str:
    return path.relative_to(root).as_posix()


def _allowed(rel: str) -> bool:
    return any(fnmatch.fnmatch(rel, pattern) for pattern in ALLOW)


def _sources() -> list[Path]:
    return [p for p in sorted(SRC.rglob("*.py")) if not _allowed(_rel(p))]


# --------------------------------------------------------------------------- (a) complete


def test_the_dutch_catalogue_is_complete(tools_i18n, template):
    found = tools_i18n.problems("nl", template=template)
    assert found == [], "\n".join(found[:20])


def test_every_text_is_in_the_catalogues(tools_i18n, template):
    """A text marked in the code but never extracted would be shown in English only."""
    for lang in ("en", "nl"):
        have = {m.id if isinstance(m.id, str) else m.id[0] for m in tools_i18n.load(lang) if m.id}
        want = {m.id if isinstance(m.id, str) else m.id[0] for m in template if m.id}
        assert sorted(want - have) == [], f"run python tools/i18n.py all ({lang})"


def test_the_english_catalogue_is_the_source_text(tools_i18n):
    wrong = [m.id for m in tools_i18n.load("en") if m.id and m.string != m.id]
    assert wrong == []


def _new_problems(tools_i18n, copy: Path, template) -> list[str]:
    """The problems of the copy that the real catalogue does not have."""
    before = set(tools_i18n.problems("nl", template=template))
    return [p for p in tools_i18n.problems("nl", path=copy, template=template) if p not in before]


def _copy_with(tools_i18n, tmp_path: Path, change) -> tuple[Path, str]:
    copy = tmp_path / "socialhrm.po"
    shutil.copy(tools_i18n.po_path("nl"), copy)
    with copy.open("rb") as fh:
        catalog = read_po(fh, locale="nl")
    target = change(catalog)
    with copy.open("wb") as fh:
        write_po(fh, catalog, width=100)
    return copy, target


def test_the_completeness_check_fails_when_a_translation_is_removed(tools_i18n, template,
                                                                   tmp_path):
    def remove(catalog):
        msg = next(m for m in catalog if m.id and isinstance(m.id, str) and "{" in m.id)
        msg.string = ""
        return msg.id

    copy, removed = _copy_with(tools_i18n, tmp_path, remove)
    found = _new_problems(tools_i18n, copy, template)
    assert len(found) == 1 and "no translation" in found[0] and repr(removed) in found[0]


def test_the_completeness_check_fails_when_a_plural_form_is_missing(tools_i18n, template,
                                                                   tmp_path):
    def remove(catalog):
        msg = next(m for m in catalog if m.id and isinstance(m.id, tuple))
        msg.string = (msg.string[0], "")
        return msg.id[0]

    copy, removed = _copy_with(tools_i18n, tmp_path, remove)
    found = _new_problems(tools_i18n, copy, template)
    assert len(found) == 1 and repr(removed) in found[0]


def test_the_completeness_check_fails_when_placeholders_differ(tools_i18n, template, tmp_path):
    def rename(catalog):
        msg = next(m for m in catalog if m.id and isinstance(m.id, str)
                   and re.search(r"\{\w+\}", m.string))
        name = re.search(r"\{(\w+)\}", msg.string).group(1)
        msg.string = msg.string.replace("{" + name + "}", "{" + name + "_nl}", 1)
        return msg.id

    copy, changed = _copy_with(tools_i18n, tmp_path, rename)
    found = _new_problems(tools_i18n, copy, template)
    assert len(found) == 1 and "placeholders differ" in found[0] and repr(changed) in found[0]


# --------------------------------------------------------------------------- (b) no bypass


def _literal_text(node: ast.AST) -> str | None:
    """The literal words of a string expression that is NOT wrapped in the layer."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        parts = [_literal_text(node.left)]
        if isinstance(node.op, ast.Add):
            parts.append(_literal_text(node.right))
        return " ".join(p for p in parts if p) or None
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "format"):
        return _literal_text(node.func.value)  # "text {x}".format(...) without _()
    return None  # a name, a call of _() / ngettext() / N_(), ...


def _reads_as_words(text: str) -> bool:
    """Two or more words separated by spaces: a sentence, not a key such as 'referral_programme'."""
    text = PROGRAM_PREFIX.sub("", re.sub(r"<[^>]*>|&\w+;", " ", text))  # markup is no text
    return sum(bool(re.search(r"[A-Za-z]{2,}", word)) for word in text.split()) >= 2


def bypasses(path: Path, widgets: bool) -> list[str]:
    """Texts a person reads that do not go through the translation layer, as ``line: text``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    shown: list[ast.AST] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
            shown.append(node.exc.args[0])
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name in SHOWN_CALLS and node.args:
                shown.append(node.args[0])
            if widgets:
                shown += [kw.value for kw in node.keywords if kw.arg in WIDGET_TEXT]
    found = []
    for node in shown:
        text = _literal_text(node)
        if text is not None and _reads_as_words(text):
            found.append(f"{node.lineno}: {text[:70]!r}")
    return found


@pytest.mark.parametrize("path", _sources(), ids=lambda p: _rel(p))
def test_no_text_bypasses_the_translation_layer(path):
    found = bypasses(path, widgets=_rel(path).startswith("apps/"))
    assert found == [], (f"wrap these texts of {_rel(path)} in _(...) (named placeholders, "
                         ".format() after _()):\n" + "\n".join(found))


def test_the_bypass_scan_catches_each_kind_of_bare_text(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text(
        'raise DataError("The file has no person_id column.")\n'
        'raise ValueError(f"Unknown language {lang}: choose en or nl.")\n'
        'raise ValueError("Column {col} is missing here.".format(col=c))\n'
        'raise ValueError("Column %s is missing here." % c)\n'
        'warnings.warn("Two people share an id.", DataWarning)\n'
        'print("Press Ctrl-C to stop.")\n'
        'w = widgets.Button(description="Show the network")\n'
        'w = widgets.Text(placeholder="Type a name here")\n'
        'w = widgets.HTML(value=f"<b>Density</b> of the {name} network")\n'
    )
    assert len(bypasses(bad, widgets=True)) == 9
    assert len(bypasses(bad, widgets=False)) == 6


def test_the_bypass_scan_accepts_texts_through_the_layer(tmp_path):
    good = tmp_path / "good.py"
    good.write_text(
        'raise DataError(_("The file has no {col} column.").format(col=c))\n'
        'warnings.warn(ngettext("{n} person", "{n} people", n).format(n=n))\n'
        'print(f"socialhrm course: {exc}")\n'
        'print(_("Press Ctrl-C to stop."))\n'
        'raise ValueError(msg)\n'
        'w = widgets.Button(description=_(LABEL))\n'
        'w = widgets.Dropdown(value="nl")\n'
        'w = widgets.HTML(value=f"<div class=\'shrm-result\'>{body}</div>")\n'
        'w = widgets.Dropdown(value="referral_programme")\n'
    )
    assert bypasses(good, widgets=True) == []


def test_the_allow_list_names_files_of_the_kit():
    """Every entry is a pattern under src/socialhrm with a reason, so it can be shrunk."""
    for pattern, reason in ALLOW.items():
        assert reason and not pattern.startswith("/") and ".." not in pattern
        assert pattern.endswith((".py", "/*"))


# --------------------------------------------------------------------------- (c) no rebinding


def _imports_layer_underscore(tree: ast.AST) -> bool:
    return any(isinstance(n, ast.ImportFrom) and (n.module or "").endswith("i18n")
               and any((a.asname or a.name) == "_" for a in n.names) for n in ast.walk(tree))


def rebindings(path: Path) -> list[str]:
    """Places where a module that imports ``_`` from the layer binds ``_`` to something else."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    if not _imports_layer_underscore(tree):
        return []
    # A comprehension's own variable (`sum(d for _, d in G.degree())`) lives in the
    # comprehension only: harmless, unless the comprehension itself calls _().
    harmless: set[int] = set()
    for n in ast.walk(tree):
        if isinstance(n, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            calls_layer = any(isinstance(c, ast.Call) and getattr(c.func, "id", "") == "_"
                              for c in ast.walk(n))
            if not calls_layer:
                harmless |= {id(t) for g in n.generators for t in ast.walk(g.target)}
    found = []
    for n in ast.walk(tree):
        if id(n) in harmless:
            continue
        if isinstance(n, ast.Name) and n.id == "_" and isinstance(n.ctx, (ast.Store, ast.Del)):
            found.append(f"{n.lineno}: assigns _ (a, _ = ..., for _ in, *_, with ... as _)")
        elif isinstance(n, ast.arg) and n.arg == "_":
            found.append(f"{n.lineno}: a parameter named _")
        elif isinstance(n, ast.ExceptHandler) and n.name == "_":
            found.append(f"{n.lineno}: except ... as _")
        elif isinstance(n, (ast.MatchAs, ast.MatchStar)) and n.name == "_":
            found.append(f"{n.lineno}: a match pattern captures _")
        elif isinstance(n, (ast.Import, ast.ImportFrom)) and not (
                isinstance(n, ast.ImportFrom) and (n.module or "").endswith("i18n")):
            found += [f"{n.lineno}: imports something else as _" for a in n.names
                      if (a.asname or a.name) == "_"]
        elif isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) \
                and n.name == "_":
            found.append(f"{n.lineno}: defines _")
    return found


@pytest.mark.parametrize("path", _sources(), ids=lambda p: _rel(p))
def test_no_module_rebinds_the_translation_function(path):
    found = rebindings(path)
    assert found == [], (f"{_rel(path)} imports _ from socialhrm.i18n and rebinds it; "
                         "name the throw-away value something else (_unused, _n):\n"
                         + "\n".join(found))


def test_the_rebinding_scan_catches_each_form(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from socialhrm.i18n import _\n"
        "a, _ = pair\n"
        "for _ in range(3):\n    pass\n"
        "first, *_ = items\n"
        "with open(p) as _:\n    pass\n"
        "labels = [_(x) for x, _ in pairs]\n"
        "def f(_):\n    return 1\n"
        "try:\n    pass\nexcept ValueError as _:\n    pass\n"
        "import gettext as _\n"
    )
    assert len(rebindings(bad)) == 8
    clean = tmp_path / "clean.py"
    clean.write_text("a, _ = pair\nfor _ in range(3):\n    pass\n")  # no layer imported
    assert rebindings(clean) == []
    scoped = tmp_path / "scoped.py"  # a comprehension's own _ does not touch the module's
    scoped.write_text("from socialhrm.i18n import _\nn = sum(d for _, d in degrees)\n"
                      "first = [i for i, *_ in rows]\nprint(_(\"Done.\"))\n")
    assert rebindings(scoped) == []


# --------------------------------------------------------------------------- (d) compiled


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_compiled_catalogue_matches_the_po_file(tools_i18n, lang):
    po = tools_i18n.load(lang)
    with tools_i18n.po_path(lang).with_suffix(".mo").open("rb") as fh:
        mo = read_mo(fh)
    def key(value):
        return tuple(value) if isinstance(value, (list, tuple)) else value

    want = {key(m.id): key(m.string) for m in po if m.id and m.string
            and (not isinstance(m.string, tuple) or all(m.string))}
    have = {key(m.id): key(m.string) for m in mo if m.id}
    stale = sorted(str(k) for k in set(want) | set(have) if want.get(k) != have.get(k))
    assert stale == [], f"run python tools/i18n.py compile ({lang}): {stale[:5]}"
