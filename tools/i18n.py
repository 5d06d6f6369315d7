"""Manage the kit's gettext catalogues with Babel: extract, update, compile, check, merge.

    python tools/i18n.py all       # extract + update + compile (what `make i18n` runs)
    python tools/i18n.py check     # exit 1 when a Dutch text is missing or its placeholders differ
    python tools/i18n.py merge OURS THEIRS OUT   # union of two .po files (after a git conflict)

Texts are found in ``src/socialhrm/**/*.py`` (keywords ``_``, ``gettext_``, ``N_``,
``ngettext``) and in the course catalogue ``modules/course.yml`` (titles, labels, objectives,
descriptions). The English catalogue is the source text itself (msgstr == msgid); the Dutch one
is written by people.
"""

from __future__ import annotations

import datetime
import io
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract as babel_extract
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "socialhrm"
LOCALE = SRC / "locale"
DOMAIN = "socialhrm"
LANGS = ("en", "nl")
KEYWORDS = {"_": None, "gettext_": None, "N_": None, "ngettext": (1, 2)}
#: Fields of modules/course.yml whose values people read.
YAML_FIELDS = {"title", "label", "description", "objectives", "course"}
STABLE_DATE = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\(\w+\)[sdfr]|%[sdfr]")


def po_path(lang: str) -> Path:
    """The ``.po`` file of a language."""
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def extract_yaml(fileobj, keywords, comment_tags, options) -> Iterator[tuple]:  # noqa: ARG001
    """A Babel extractor for the course catalogue: every person-facing field."""
    import yaml

    text = fileobj.read().decode("utf-8")
    lines = text.splitlines()

    def line_of(value: str) -> int:
        for i, line in enumerate(lines, 1):
            if value in line:
                return i
        return 0

    def walk(node, key=None):
        if isinstance(node, dict):
            for k, v in node.items():
                yield from walk(v, k)
        elif isinstance(node, list):
            for v in node:
                yield from walk(v, key)
        elif isinstance(node, str) and key in YAML_FIELDS and node.strip():
            yield (line_of(node), None, node, [f"course.yml: {key}"])

    yield from walk(yaml.safe_load(text))


def sources() -> Iterator[tuple[Path, str]]:
    """The files texts are extracted from, with the Babel method for each."""
    for path in sorted(SRC.rglob("*.py")):
        yield path, "python"
    course = ROOT / "modules" / "course.yml"
    if course.exists():
        yield course, "yaml"


def extract() -> Catalog:
    """Every marked text of the kit, as a template catalogue."""
    template = Catalog(project="Social HRM Lab", domain=DOMAIN, fuzzy=False)
    for path, method in sources():
        func = extract_yaml if method == "yaml" else "python"
        with path.open("rb") as fh:
            found = _extract(func, fh)
        rel = path.relative_to(ROOT).as_posix()
        for lineno, message, comments, context in found:
            template.add(message, None, [(rel, lineno)], auto_comments=comments,
                         context=context)
    return template


def _extract(func, fh) -> list[tuple]:
    return list(babel_extract(func, fh, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",),
                        strip_comment_tags=True))


def load(lang: str, path: Path | None = None) -> Catalog:
    """The catalogue of a language as it is on disk (empty when there is none yet).

    ``path`` reads another ``.po`` file of that language (a copy, in the tests).
    """
    path = po_path(lang) if path is None else Path(path)
    if not path.exists():
        return Catalog(locale=lang, domain=DOMAIN, project="Social HRM Lab")
    with path.open("rb") as fh:
        return read_po(fh, locale=lang, domain=DOMAIN)


def save(catalog: Catalog, lang: str) -> None:
    """Write a catalogue's ``.po`` (sorted, without line numbers, so diffs stay small)."""
    path = po_path(lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    write_po(buf, catalog, width=100, sort_output=True, omit_header=False,
             include_lineno=False, ignore_obsolete=True)
    path.write_bytes(buf.getvalue())


def update(template: Catalog | None = None) -> None:
    """Bring each language's catalogue in line with the sources, keeping translations."""
    for lang in LANGS:
        catalog = load(lang)
        catalog.update(extract(), no_fuzzy_matching=True)  # a fresh template: update shares it
        if lang == "en":
            for msg in catalog:
                if msg.id:
                    msg.string = msg.id
        for msg in catalog:
            msg.flags.discard("fuzzy")
        catalog.obsolete.clear()
        catalog.fuzzy = False
        catalog.creation_date = STABLE_DATE  # no timestamps: the files change only with texts
        catalog.revision_date = STABLE_DATE
        catalog.last_translator = "Social HRM Lab developers"
        catalog.language_team = {"en": "English", "nl": "Nederlands"}[lang]
        catalog.copyright_holder = "Social HRM Lab developers"
        catalog.version = "1"
        save(catalog, lang)


def compile_all() -> None:
    """Write the ``.mo`` next to each ``.po`` (what the kit reads at run time)."""
    for lang in LANGS:
        catalog = load(lang)
        out = po_path(lang).with_suffix(".mo")
        with out.open("wb") as fh:
            write_mo(fh, catalog, use_fuzzy=False)


def problems(lang: str = "nl", path: Path | None = None,
             template: Catalog | None = None) -> list[str]:
    """Texts without a translation, and translations whose placeholders differ.

    ``path`` checks another ``.po`` file (a copy); ``template`` saves extracting again.
    """
    found = []
    catalog = load(lang, path)
    template = extract() if template is None else template
    ids = {m.id if isinstance(m.id, str) else m.id[0]: m for m in catalog if m.id}
    for msg in template:
        if not msg.id:
            continue
        key = msg.id if isinstance(msg.id, str) else msg.id[0]
        have = ids.get(key)
        where = ", ".join(f"{p}:{n}" for p, n in msg.locations) or "?"
        if have is None or not have.string or (isinstance(have.string, tuple)
                                               and not all(have.string)):
            found.append(f"{lang}: no translation for {key!r} ({where})")
            continue
        src = msg.id if isinstance(msg.id, tuple) else (msg.id,)
        dst = have.string if isinstance(have.string, tuple) else (have.string,)
        want = sorted(PLACEHOLDER.findall(src[-1]))
        for text in dst:
            if sorted(PLACEHOLDER.findall(text)) != want:
                found.append(f"{lang}: placeholders differ for {key!r} ({where}): "
                             f"{want} vs {sorted(PLACEHOLDER.findall(text))}")
    return found


def merge(ours: Path, theirs: Path, out: Path) -> None:
    """Union of two versions of a ``.po`` file: every translation either side has."""
    with ours.open("rb") as fh:
        a = read_po(fh)
    with theirs.open("rb") as fh:
        b = read_po(fh)
    for msg in b:
        if not msg.id:
            continue
        have = a.get(msg.id, context=msg.context)
        if have is None:
            a[msg.id] = msg
        elif msg.string and (not have.string or (isinstance(have.string, tuple)
                                                 and not all(have.string))):
            have.string = msg.string  # Catalog.__setitem__ keeps the old string: set it here
    buf = io.BytesIO()
    write_po(buf, a, width=100, sort_output=True, include_lineno=False, ignore_obsolete=True)
    out.write_bytes(buf.getvalue())


def main(argv: list[str]) -> int:
    """Run one of the commands in the module's docstring."""
    cmd = argv[0] if argv else "all"
    if cmd in {"all", "extract", "update"}:
        update()
        compile_all()
        print(f"catalogues updated and compiled in {LOCALE.relative_to(ROOT)}")
        return 0
    if cmd == "compile":
        compile_all()
        return 0
    if cmd == "check":
        found = problems("nl")
        for line in found:
            print(line)
        print(f"{len(found)} problem(s) in the Dutch catalogue")
        return 1 if found else 0
    if cmd == "merge" and len(argv) == 4:
        merge(Path(argv[1]), Path(argv[2]), Path(argv[3]))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
