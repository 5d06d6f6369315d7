"""The course catalogue ``modules/course.yml``: reading it, checking it, finding a module's files.

A module is found by convention: its lesson is ``notebooks/NN_words.ipynb`` and its exercise
``modules/mNN_words/mNN_words.ipynb`` for a module ``mNN`` named ``mNN_words`` (the catalogue
may still name other files explicitly); its self-checks are ``socialhrm/checks/mNN.py`` (see
:mod:`socialhrm.course.registry`).

Titles, labels, descriptions and objectives are written in English in the catalogue and
translated where they are shown (:func:`shown`); ``tools/i18n.py`` extracts them.

A module's notebooks in another language are listed under ``translations``, e.g.
``translations: {nl: {lessons: [notebooks/nl/01_org_as_network.ipynb], exercises:
[modules/nl/m01_org_as_network/m01_org_as_network.ipynb]}}``. A translated exercise is the
same nbgrader assignment in another source folder, ``modules/<lang>/<name>/``: the same
assignment name, the same self-checks (``MODULE = "mNN"``), so a trainer grades a Dutch class
with the same gradebook. :meth:`Module.lessons_in` and :meth:`Module.exercises_in` give the
notebooks of a language, falling back to English.

Examples
--------
>>> "m01" in [m.id for m in load_catalogue().available()]
True
>>> conventional_files("m05", "m05_spreading_change")
('notebooks/05_spreading_change.ipynb', 'modules/m05_spreading_change/m05_spreading_change.ipynb')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from socialhrm.i18n import _, ngettext

__all__ = [
    "ALLOWED",
    "REQUIRED",
    "STATUSES",
    "Area",
    "Catalogue",
    "CourseError",
    "Module",
    "Role",
    "Translation",
    "catalogue_path",
    "conventional_files",
    "load_catalogue",
    "shown",
]

#: Environment variable: another course catalogue instead of the repository's modules/course.yml.
ENV_CATALOGUE = "SOCIALHRM_COURSE"

STATUSES = ("available", "planned")
#: Fields every module entry has.
REQUIRED = ("id", "name", "title", "status", "role", "areas", "minutes", "prerequisites",
            "objectives")
#: Fields a module entry may have; ``lessons`` and ``exercises`` default to the convention.
ALLOWED = (*REQUIRED, "lessons", "exercises", "translations")
#: Fields of one language under ``translations``.
TRANSLATION_FIELDS = ("lessons", "exercises")
ID_PATTERN = re.compile(r"^m\d{2}$")
NAME_PATTERN = re.compile(r"^[a-z0-9_]+$")


class CourseError(ValueError):
    """The course catalogue cannot be used; the message says where and what to do."""


def shown(text: str) -> str:
    """A text of the catalogue (title, label, objective) in the reader's language.

    Examples
    --------
    >>> shown("Your organisation as a network") != ""
    True
    >>> shown("")  # the empty text stays empty (gettext would return its header)
    ''
    """
    return _(text) if text else text


@dataclass(frozen=True)
class Role:
    """One of the three HR roles (rows of the course map)."""

    id: str
    label: str
    description: str = ""


@dataclass(frozen=True)
class Area:
    """One of the six Social HRM areas (columns of the course map)."""

    id: str
    label: str
    description: str = ""


@dataclass(frozen=True)
class Translation:
    """A module's notebooks in one other language (paths relative to the course root)."""

    lang: str
    lessons: tuple[str, ...] = ()
    exercises: tuple[str, ...] = ()


@dataclass(frozen=True)
class Module:
    """A course module as the catalogue describes it (texts in the catalogue's English)."""

    id: str
    name: str
    title: str
    status: str
    role: str
    areas: tuple[str, ...]
    minutes: int
    prerequisites: tuple[str, ...]
    objectives: tuple[str, ...]
    lessons: tuple[str, ...]
    exercises: tuple[str, ...]
    translations: tuple[Translation, ...] = ()

    def translation(self, lang: str) -> Translation | None:
        """The module's notebooks in ``lang``, or None when it has none in that language."""
        return next((t for t in self.translations if t.lang == lang), None)

    def lessons_in(self, lang: str | None = None) -> tuple[str, ...]:
        """The lessons in ``lang`` (default: the reader's language); English when there are none.

        Examples
        --------
        >>> load_catalogue().module("m01").lessons_in("en")
        ('notebooks/01_org_as_network.ipynb',)
        """
        found = self.translation(_language(lang))
        return found.lessons if found is not None and found.lessons else self.lessons

    def exercises_in(self, lang: str | None = None) -> tuple[str, ...]:
        """The exercises in ``lang`` (default: the reader's language); English when there are none.

        Examples
        --------
        >>> load_catalogue().module("m01").exercises_in("nl")
        ('modules/nl/m01_org_as_network/m01_org_as_network.ipynb',)
        """
        found = self.translation(_language(lang))
        return found.exercises if found is not None and found.exercises else self.exercises

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages the module's notebooks exist in, English first."""
        return ("en", *(t.lang for t in self.translations))

    @property
    def available(self) -> bool:
        """True when the module's lesson and exercise exist."""
        return self.status == "available"

    @property
    def checks(self) -> str:
        """The Python module that holds this module's self-checks, by convention."""
        return f"socialhrm.checks.{self.id}"


@dataclass
class Catalogue:
    """The whole course: roles, areas and modules in their suggested order.

    Examples
    --------
    >>> cat = load_catalogue()
    >>> cat.module("m01").title
    'Your organisation as a network'
    """

    course: str
    roles: dict[str, Role]
    areas: dict[str, Area]
    modules: list[Module]
    path: Path | None = None
    root: Path | None = field(default=None, repr=False)
    #: The start notebook per language (``start:`` in the catalogue), relative to the root.
    start: dict[str, str] = field(default_factory=dict)

    def start_notebook(self, lang: str | None = None) -> str | None:
        """The start notebook in ``lang`` (default: the reader's language), else in English.

        Examples
        --------
        >>> load_catalogue().start_notebook("nl")
        'notebooks/nl/00_start_here.ipynb'
        """
        return self.start.get(_language(lang)) or self.start.get("en")

    def module(self, key: str) -> Module:
        """A module by id (``"m01"``) or name (``"m01_org_as_network"``).

        Raises
        ------
        CourseError
            No such module; the message lists the ids.
        """
        for m in self.modules:
            if key in (m.id, m.name):
                return m
        known = ", ".join(m.id for m in self.modules)
        raise CourseError(_("There is no module {key} in the course. Modules: {known}.").format(
            key=repr(key), known=known))

    def available(self) -> list[Module]:
        """The modules whose lesson and exercise exist, in course order."""
        return [m for m in self.modules if m.available]


def catalogue_path() -> Path:
    """Where the course catalogue is read from.

    Returns
    -------
    pathlib.Path
        ``$SOCIALHRM_COURSE`` if set, else ``modules/course.yml`` in the course checkout.

    Raises
    ------
    CourseError
        The kit is installed without the course checkout; the message says what to set.

    Examples
    --------
    >>> catalogue_path().name
    'course.yml'
    """
    from socialhrm.paths import CourseNotFoundError, catalogue_file

    try:
        return catalogue_file()
    except CourseNotFoundError as exc:  # an installed kit without the course checkout
        raise CourseError(str(exc)) from None


def _language(lang: str | None) -> str:
    from socialhrm.i18n import get_language

    return lang or get_language()


def conventional_files(module_id: str, name: str) -> tuple[str, str]:
    """The lesson and exercise a module has by convention, relative to the course root.

    Parameters
    ----------
    module_id, name
        E.g. ``"m01"`` and ``"m01_org_as_network"``.

    Returns
    -------
    tuple of str
        ``("notebooks/01_org_as_network.ipynb",
        "modules/m01_org_as_network/m01_org_as_network.ipynb")``.

    Examples
    --------
    >>> conventional_files("m01", "m01_org_as_network")[0]
    'notebooks/01_org_as_network.ipynb'
    """
    words = name[len(module_id) + 1:] if name.startswith(f"{module_id}_") else name
    return (f"notebooks/{module_id[1:]}_{words}.ipynb", f"modules/{name}/{name}.ipynb")


def _entries(data: dict, key: str, where: str, problems: list[str]) -> list[dict]:
    value = data.get(key)
    if not isinstance(value, list) or not value:
        problems.append(_("{where}: '{key}' must be a non-empty list").format(where=where,
                                                                               key=key))
        return []
    good = []
    for i, entry in enumerate(value, 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            problems.append(_("{where}: entry {i} of '{key}' needs an 'id' (text)").format(
                where=where, i=i, key=key))
        else:
            good.append(entry)
    return good


def _str_list(entry: dict, key: str, label: str, problems: list[str], *,
              non_empty: bool = False) -> tuple[str, ...]:
    value = entry.get(key)
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(_("{module}: field '{key}' must be a list of texts, e.g. [a, b]; it is "
                          "{value}").format(module=label, key=key, value=repr(value)))
        return ()
    if non_empty and not value:
        problems.append(_("{module}: field '{key}' must not be empty").format(module=label,
                                                                               key=key))
    return tuple(v.strip() for v in value)


def _files(entry: dict, key: str, default: str, label: str,
           problems: list[str]) -> tuple[str, ...]:
    """A module's lessons or exercises: as listed, or the conventional file when left out."""
    if key not in entry:
        return (default,)
    return _str_list(entry, key, label, problems)


def _check_files(label: str, name: str, status: str, lessons: tuple[str, ...],
                 exercises: tuple[str, ...], root: Path, problems: list[str]) -> None:
    if status != "available":
        return
    for key, files in (("lessons", lessons), ("exercises", exercises)):
        if not files:
            problems.append(_("{module}: an available module needs at least one notebook in "
                              "'{key}' (or set status: planned)").format(module=label, key=key))
        for f in files:
            if not (root / f).is_file():
                problems.append(_("{module}: field '{key}' names {file}, which does not exist "
                                  "in {root}").format(module=label, key=key, file=f, root=root))
    for f in exercises:
        if Path(f).parent.name != name or Path(f).parent.parent.name != "modules":
            problems.append(_("{module}: field 'exercises' names {file}; an exercise must be in "
                              "modules/{name}/ (nbgrader's assignment folder)").format(
                                  module=label, file=f, name=name))


def _translations(entry: dict, label: str, name: str, status: str, root: Path | None,
                  problems: list[str]) -> tuple[Translation, ...]:
    """A module's ``translations``: per language, its lessons and exercises, all checked."""
    from socialhrm.i18n import LANGUAGES

    if "translations" not in entry:
        return ()
    value = entry["translations"]
    if not isinstance(value, dict) or not value:
        problems.append(_("{module}: field 'translations' must give, per language code (nl), "
                          "its lessons and exercises; it is {value}").format(
                              module=label, value=repr(value)))
        return ()
    found = []
    for lang, files in value.items():
        where = _("{module}, translation {lang}").format(module=label, lang=repr(lang))
        if lang not in LANGUAGES or lang == "en":
            problems.append(_("{where}: the language must be one of {allowed}").format(
                where=where, allowed=", ".join(k for k in LANGUAGES if k != "en")))
            continue
        if not isinstance(files, dict) or not files:
            problems.append(_("{where}: expected 'lessons' and/or 'exercises'; found {value}")
                            .format(where=where, value=repr(files)))
            continue
        unknown = sorted(set(files) - set(TRANSLATION_FIELDS))
        if unknown:
            problems.append(_("{where}: unknown field(s) {fields} (allowed: {allowed})").format(
                where=where, fields=", ".join(map(str, unknown)),
                allowed=", ".join(TRANSLATION_FIELDS)))
        lessons = _str_list(files, "lessons", where, problems) if "lessons" in files else ()
        exercises = (_str_list(files, "exercises", where, problems) if "exercises" in files
                     else ())
        for f in exercises:
            folder = Path(f).parent
            if (folder.name != name or folder.parent.name != lang
                    or folder.parent.parent.name != "modules"):
                problems.append(_("{where}: field 'exercises' names {file}; a translated "
                                  "exercise must be in modules/{lang}/{name}/ (the same nbgrader "
                                  "assignment, in the language's source folder)").format(
                                      where=where, file=f, lang=lang, name=name))
        if status == "available" and root is not None:
            for key, listed in (("lessons", lessons), ("exercises", exercises)):
                for f in listed:
                    if not (root / f).is_file():
                        problems.append(_("{module}: field '{key}' names {file}, which does not "
                                          "exist in {root}").format(module=where, key=key,
                                                                    file=f, root=root))
        found.append(Translation(lang, lessons, exercises))
    return tuple(found)


def _check_module(entry: dict, cat: Catalogue, seen: dict[str, int], problems: list[str],
                  position: int) -> None:
    mid = entry.get("id")
    label = (_("module {id}").format(id=repr(mid)) if isinstance(mid, str)
             else _("module number {n}").format(n=position))
    missing = [k for k in REQUIRED if k not in entry]
    if missing:
        problems.append(_("{module}: missing field(s) {fields}").format(
            module=label, fields=", ".join(missing)))
        if isinstance(mid, str):  # known, so later prerequisites on it are not flagged too
            seen.setdefault(mid, len(seen))
        return
    unknown_keys = sorted(set(entry) - set(ALLOWED))
    if unknown_keys:
        problems.append(_("{module}: unknown field(s) {fields} (allowed: {allowed})").format(
            module=label, fields=", ".join(unknown_keys), allowed=", ".join(ALLOWED)))
    before = len(problems)
    if not isinstance(mid, str) or not ID_PATTERN.match(mid):
        problems.append(_("{module}: field 'id' must look like m01, m02, ...; it is {value}")
                        .format(module=label, value=repr(mid)))
    elif mid in seen:
        problems.append(_("{module}: the id is used twice").format(module=label))
    name = entry["name"]
    good_name = (isinstance(name, str) and isinstance(mid, str) and NAME_PATTERN.match(name)
                 and name.startswith(f"{mid}_"))
    if not good_name:
        problems.append(_("{module}: field 'name' must be '{id}_' followed by lower-case words "
                          "joined by _, e.g. '{id}_org_as_network'; it is {value}").format(
                              module=label, id=mid, value=repr(name)))
    elif any(m.name == name for m in cat.modules):
        problems.append(_("{module}: the name {name} is used twice").format(module=label,
                                                                             name=repr(name)))
    title = entry["title"]
    if not isinstance(title, str) or not title.strip():
        problems.append(_("{module}: field 'title' must be a non-empty text").format(
            module=label))
    status = entry["status"]
    if status not in STATUSES:
        problems.append(_("{module}: field 'status' is {value}, which is not one of: {allowed}")
                        .format(module=label, value=repr(status), allowed=", ".join(STATUSES)))
    role = entry["role"]
    if role not in cat.roles:
        problems.append(_("{module}: field 'role' is {value}, which is not one of: {allowed}")
                        .format(module=label, value=repr(role), allowed=", ".join(cat.roles)))
    areas = _str_list(entry, "areas", label, problems, non_empty=True)
    for a in areas:
        if a not in cat.areas:
            problems.append(_("{module}: field 'areas' has {value}, which is not one of: "
                              "{allowed}").format(module=label, value=repr(a),
                                                  allowed=", ".join(cat.areas)))
    minutes = entry["minutes"]
    if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes <= 0:
        problems.append(_("{module}: field 'minutes' must be a whole number above 0; it is "
                          "{value}").format(module=label, value=repr(minutes)))
    prereq = _str_list(entry, "prerequisites", label, problems)
    for p in prereq:
        if p == mid:
            problems.append(_("{module}: field 'prerequisites' names the module itself").format(
                module=label))
        elif p not in seen:
            problems.append(_("{module}: field 'prerequisites' has {value}, which is not a "
                              "module listed before this one").format(module=label,
                                                                      value=repr(p)))
    objectives = _str_list(entry, "objectives", label, problems, non_empty=True)
    lesson, exercise = conventional_files(str(mid), str(name))
    lessons = _files(entry, "lessons", lesson, label, problems)
    exercises = _files(entry, "exercises", exercise, label, problems)
    if cat.root is not None and good_name:
        _check_files(label, name, status, lessons, exercises, cat.root, problems)
    translations = (_translations(entry, label, name, status, cat.root, problems)
                    if good_name else ())
    if len(problems) == before and isinstance(mid, str):
        seen[mid] = len(seen)
        cat.modules.append(Module(id=mid, name=name, title=title.strip(), status=status,
                                  role=role, areas=areas, minutes=minutes, prerequisites=prereq,
                                  objectives=objectives, lessons=lessons, exercises=exercises,
                                  translations=translations))
    elif isinstance(mid, str):
        seen.setdefault(mid, len(seen))


def _read_yaml(where: Path) -> Any:
    import yaml

    if not where.is_file():
        raise CourseError(_("The course catalogue {path} does not exist.\n  What to do: run "
                            "from a clone of the repository, or set SOCIALHRM_COURSE to a "
                            "course.yml.").format(path=where))
    try:
        data = yaml.safe_load(where.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = _(" at line {line}").format(line=mark.line + 1) if mark is not None else ""
        raise CourseError(_("{path}: not valid YAML{at}: {problem}.\n  What to do: check the "
                            "indentation and the colons on that line.").format(
                                path=where, at=at, problem=getattr(exc, "problem", exc))
                          ) from None
    if not isinstance(data, dict):
        raise CourseError(_("{path}: expected sections 'roles', 'areas' and 'modules'.").format(
            path=where))
    return data


def _start(data: dict, where: Path, root: Path, problems: list[str]) -> dict[str, str]:
    """The ``start:`` section: a start notebook per language, each of which must exist."""
    from socialhrm.i18n import LANGUAGES

    value = data.get("start", {})
    if not isinstance(value, dict):
        problems.append(_("{path}: 'start' must give a notebook per language code, e.g. en: "
                          "notebooks/00_start_here.ipynb; it is {value}").format(
                              path=where, value=repr(value)))
        return {}
    found = {}
    for lang, notebook in value.items():
        if lang not in LANGUAGES or not isinstance(notebook, str) or not notebook.strip():
            problems.append(_("{path}: 'start' has {lang}: {value}; give a language code "
                              "({allowed}) and a notebook").format(
                                  path=where, lang=repr(lang), value=repr(notebook),
                                  allowed=", ".join(LANGUAGES)))
        elif not (root / notebook).is_file():
            problems.append(_("{path}: the start notebook {file} does not exist in {root}")
                            .format(path=where, file=notebook, root=root))
        else:
            found[lang] = notebook.strip()
    return found


def load_catalogue(path: str | Path | None = None) -> Catalogue:
    """Read and check the course catalogue.

    Parameters
    ----------
    path
        A ``course.yml``; by default :func:`catalogue_path`. File paths in it are relative to
        the folder above the catalogue's folder (the repository root for ``modules/course.yml``).
        A module without ``lessons`` or ``exercises`` gets the conventional files
        (:func:`conventional_files`).

    Returns
    -------
    Catalogue

    Raises
    ------
    CourseError
        The file is missing, is not valid YAML, or a module has a missing or wrong field. The
        message lists every problem, each naming the module and the field.

    Examples
    --------
    >>> cat = load_catalogue()
    >>> cat.module("m01").status
    'available'
    """
    where = Path(path) if path is not None else catalogue_path()
    data = _read_yaml(where)
    problems: list[str] = []
    roles = {e["id"]: Role(e["id"], str(e.get("label", e["id"])), str(e.get("description", "")))
             for e in _entries(data, "roles", str(where), problems)}
    areas = {e["id"]: Area(e["id"], str(e.get("label", e["id"])), str(e.get("description", "")))
             for e in _entries(data, "areas", str(where), problems)}
    cat = Catalogue(course=str(data.get("course", "Social HRM Lab")), roles=roles, areas=areas,
                    modules=[], path=where, root=where.resolve().parent.parent)
    cat.start = _start(data, where, cat.root, problems)
    seen: dict[str, int] = {}
    raw = data.get("modules")
    if not isinstance(raw, list) or not raw:
        problems.append(_("'modules' must be a non-empty list of modules"))
        raw = []
    for position, entry in enumerate(raw, start=1):
        if not isinstance(entry, dict):
            problems.append(_("module number {n}: expected fields (id: ..., title: ...), found "
                              "{value}").format(n=position, value=repr(entry)))
            continue
        _check_module(entry, cat, seen, problems, position)
    if problems:
        listed = "\n".join(f"  - {p}" for p in problems)
        raise CourseError(ngettext(
            "The course catalogue {path} has {n} problem:\n{listed}\n  What to do: correct "
            "this field (the comment at the top of the file explains each one).",
            "The course catalogue {path} has {n} problems:\n{listed}\n  What to do: correct "
            "these fields (the comment at the top of the file explains each one).",
            len(problems)).format(path=where, n=len(problems), listed=listed))
    return cat
