"""The course: its catalogue (``modules/course.yml``), the course map and learners' progress.

- :func:`load_catalogue` reads and checks the catalogue; :func:`course_map` shows the three HR
  roles against the six Social HRM areas with the modules in each cell.
- Self-checks (:func:`socialhrm.checks.check`) record results in a small local file,
  ``~/.socialhrm/progress.json`` (``$SOCIALHRM_HOME/progress.json`` when that variable is set);
  :func:`progress_table` and ``socialhrm progress`` read it. It never leaves your machine.

>>> from socialhrm.course import course_map, load_catalogue
>>> [m.id for m in load_catalogue().available()][:2]
['m00', 'm01']
>>> course_map()  # doctest: +SKIP
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import html
import json
import os
import re
import sys
import tempfile
import warnings
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = [
    "Catalogue",
    "CourseError",
    "CourseMap",
    "Module",
    "ProgressWarning",
    "catalogue_path",
    "course_map",
    "load_catalogue",
    "load_progress",
    "main_course",
    "main_progress",
    "next_module",
    "progress_path",
    "progress_table",
    "record_result",
    "reset_progress",
]

#: Environment variable: a folder for the learner's own files (progress) instead of ~/.socialhrm.
ENV_HOME = "SOCIALHRM_HOME"
#: Environment variable: another course catalogue instead of the repository's modules/course.yml.
ENV_CATALOGUE = "SOCIALHRM_COURSE"

STATUSES = ("available", "planned")
REQUIRED = ("id", "name", "title", "status", "role", "areas", "minutes", "prerequisites",
            "objectives", "lessons", "exercises")
_ID_RE = re.compile(r"^m\d{2}$")
_NAME_RE = re.compile(r"^[a-z0-9_]+$")


class ProgressWarning(UserWarning):
    """The learner's progress file was damaged and has been set aside."""


class CourseError(ValueError):
    """The course catalogue cannot be used; the message says where and what to do."""


# --------------------------------------------------------------------------------------------
# the catalogue


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
class Module:
    """A course module as the catalogue describes it."""

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

    @property
    def available(self) -> bool:
        """True when the module's lesson and exercise exist."""
        return self.status == "available"


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
        raise CourseError(f"There is no module {key!r} in the course. Modules: {known}.")

    def available(self) -> list[Module]:
        """The modules whose lesson and exercise exist, in course order."""
        return [m for m in self.modules if m.available]


def catalogue_path() -> Path:
    """Where the course catalogue is read from.

    Returns
    -------
    pathlib.Path
        ``$SOCIALHRM_COURSE`` if set, else ``modules/course.yml`` in the repository.

    Examples
    --------
    >>> catalogue_path().name
    'course.yml'
    """
    from socialhrm.paths import catalogue_file

    return catalogue_file()


def _entries(data: dict, key: str, where: str, problems: list[str]) -> list[dict]:
    value = data.get(key)
    if not isinstance(value, list) or not value:
        problems.append(f"{where}: '{key}' must be a non-empty list")
        return []
    good = []
    for i, entry in enumerate(value, 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            problems.append(f"{where}: entry {i} of '{key}' needs an 'id' (text)")
        else:
            good.append(entry)
    return good


def _str_list(entry: dict, key: str, label: str, problems: list[str], *,
              non_empty: bool = False) -> tuple[str, ...]:
    value = entry.get(key)
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(f"{label}: field '{key}' must be a list of texts, e.g. [a, b]; "
                        f"it is {value!r}")
        return ()
    if non_empty and not value:
        problems.append(f"{label}: field '{key}' must not be empty")
    return tuple(v.strip() for v in value)


def _check_module(entry: dict, cat: Catalogue, seen: dict[str, int], problems: list[str],
                  position: int) -> None:
    mid = entry.get("id")
    label = f"module {mid!r}" if isinstance(mid, str) else f"module number {position}"
    missing = [k for k in REQUIRED if k not in entry]
    if missing:
        problems.append(f"{label}: missing field(s) {', '.join(missing)}")
        if isinstance(mid, str):  # known, so later prerequisites on it are not flagged too
            seen.setdefault(mid, len(seen))
        return
    unknown_keys = sorted(set(entry) - set(REQUIRED))
    if unknown_keys:
        problems.append(f"{label}: unknown field(s) {', '.join(unknown_keys)} "
                        f"(allowed: {', '.join(REQUIRED)})")
    before = len(problems)
    if not isinstance(mid, str) or not _ID_RE.match(mid):
        problems.append(f"{label}: field 'id' must look like m01, m02, ...; it is {mid!r}")
    elif mid in seen:
        problems.append(f"{label}: the id is used twice")
    name = entry["name"]
    if not isinstance(name, str) or not _NAME_RE.match(name) or not name.startswith(f"{mid}_"):
        problems.append(f"{label}: field 'name' must be '{mid}_' followed by lower-case words "
                        f"joined by _, e.g. '{mid}_org_as_network'; it is {name!r}")
    elif any(m.name == name for m in cat.modules):
        problems.append(f"{label}: the name {name!r} is used twice")
    title = entry["title"]
    if not isinstance(title, str) or not title.strip():
        problems.append(f"{label}: field 'title' must be a non-empty text")
    status = entry["status"]
    if status not in STATUSES:
        problems.append(f"{label}: field 'status' is {status!r}, which is not one of: "
                        f"{', '.join(STATUSES)}")
    role = entry["role"]
    if role not in cat.roles:
        problems.append(f"{label}: field 'role' is {role!r}, which is not one of: "
                        f"{', '.join(cat.roles)}")
    areas = _str_list(entry, "areas", label, problems, non_empty=True)
    for a in areas:
        if a not in cat.areas:
            problems.append(f"{label}: field 'areas' has {a!r}, which is not one of: "
                            f"{', '.join(cat.areas)}")
    minutes = entry["minutes"]
    if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes <= 0:
        problems.append(f"{label}: field 'minutes' must be a whole number above 0; "
                        f"it is {minutes!r}")
    prereq = _str_list(entry, "prerequisites", label, problems)
    for p in prereq:
        if p == mid:
            problems.append(f"{label}: field 'prerequisites' names the module itself")
        elif p not in seen:
            problems.append(f"{label}: field 'prerequisites' has {p!r}, which is not a module "
                            "listed before this one")
    objectives = _str_list(entry, "objectives", label, problems, non_empty=True)
    lessons = _str_list(entry, "lessons", label, problems)
    exercises = _str_list(entry, "exercises", label, problems)
    if status == "available" and cat.root is not None:
        for key, files in (("lessons", lessons), ("exercises", exercises)):
            if not files:
                problems.append(f"{label}: an available module needs at least one notebook in "
                                f"'{key}' (or set status: planned)")
            for f in files:
                if not (cat.root / f).is_file():
                    problems.append(f"{label}: field '{key}' names {f}, which does not exist "
                                    f"in {cat.root}")
        for f in exercises:
            if Path(f).parent.name != name or Path(f).parent.parent.name != "modules":
                problems.append(f"{label}: field 'exercises' names {f}; an exercise must be in "
                                f"modules/{name}/ (nbgrader's assignment folder)")
    if len(problems) == before and isinstance(mid, str):
        seen[mid] = len(seen)
        cat.modules.append(Module(id=mid, name=name, title=title.strip(), status=status,
                                  role=role, areas=areas, minutes=minutes, prerequisites=prereq,
                                  objectives=objectives, lessons=lessons, exercises=exercises))
    elif isinstance(mid, str):
        seen.setdefault(mid, len(seen))


def load_catalogue(path: str | Path | None = None) -> Catalogue:
    """Read and check the course catalogue.

    Parameters
    ----------
    path
        A ``course.yml``; by default :func:`catalogue_path`. File paths in it are relative to
        the folder above the catalogue's folder (the repository root for ``modules/course.yml``).

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
    import yaml

    where = Path(path) if path is not None else catalogue_path()
    if not where.is_file():
        raise CourseError(f"The course catalogue {where} does not exist.\n  What to do: run "
                          "from a clone of the repository, or set SOCIALHRM_COURSE to a "
                          "course.yml.")
    try:
        data = yaml.safe_load(where.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark is not None else ""
        raise CourseError(f"{where}: not valid YAML{at}: {getattr(exc, 'problem', exc)}.\n"
                          "  What to do: check the indentation and the colons on that line."
                          ) from None
    if not isinstance(data, dict):
        raise CourseError(f"{where}: expected sections 'roles', 'areas' and 'modules'.")
    problems: list[str] = []
    roles = {e["id"]: Role(e["id"], str(e.get("label", e["id"])), str(e.get("description", "")))
             for e in _entries(data, "roles", str(where), problems)}
    areas = {e["id"]: Area(e["id"], str(e.get("label", e["id"])), str(e.get("description", "")))
             for e in _entries(data, "areas", str(where), problems)}
    cat = Catalogue(course=str(data.get("course", "Social HRM Lab")), roles=roles, areas=areas,
                    modules=[], path=where, root=where.resolve().parent.parent)
    seen: dict[str, int] = {}
    raw = data.get("modules")
    if not isinstance(raw, list) or not raw:
        problems.append("'modules' must be a non-empty list of modules")
        raw = []
    for position, entry in enumerate(raw, start=1):
        if not isinstance(entry, dict):
            problems.append(f"module number {position}: expected fields (id: ..., "
                            f"title: ...), found {entry!r}")
            continue
        _check_module(entry, cat, seen, problems, position)
    if problems:
        listed = "\n".join(f"  - {p}" for p in problems)
        raise CourseError(f"The course catalogue {where} has {len(problems)} problem(s):\n"
                          f"{listed}\n  What to do: correct these fields (the comment at the "
                          "top of the file explains each one).")
    return cat


# --------------------------------------------------------------------------------------------
# the course map

_CSS = {
    "table": "border-collapse:collapse;font-size:13px;",
    "th": "border:1px solid #ccc;padding:6px;background:#f3f3f3;text-align:left;"
          "vertical-align:top;",
    "td": "border:1px solid #ccc;padding:6px;vertical-align:top;min-width:110px;",
    "available": "display:block;margin:2px 0;padding:2px 4px;border-radius:3px;"
                 "background:#d9f2d9;color:#135213;font-weight:bold;",
    "planned": "display:block;margin:2px 0;padding:2px 4px;color:#888;font-style:italic;",
}


@dataclass
class CourseMap:
    """The course map: HR roles (rows) against Social HRM areas (columns).

    Shows itself as a coloured table in a notebook (available modules green and bold, modules
    still to come grey and in italics) and as plain text with ``print``.

    Attributes
    ----------
    frame
        A DataFrame, roles x areas, each cell a list of module ids.
    catalogue
        The catalogue it was made from.
    """

    frame: pd.DataFrame
    catalogue: Catalogue

    def _label(self, m: Module) -> str:
        return f"{m.id} {m.title}"

    def _repr_html_(self) -> str:
        cat = self.catalogue
        head = "".join(f"<th style='{_CSS['th']}'>{html.escape(a.label)}</th>"
                       for a in cat.areas.values())
        rows = []
        for rid, role in cat.roles.items():
            cells = []
            for aid in cat.areas:
                items = []
                for mid in self.frame.loc[rid, aid]:
                    m = cat.module(mid)
                    tip = html.escape(f"{m.title} — about {m.minutes} min")
                    if m.available:
                        items.append(f"<span class='shrm-available' title='{tip}' "
                                     f"style='{_CSS['available']}'>&#10003; "
                                     f"{html.escape(self._label(m))}</span>")
                    else:
                        items.append(f"<span class='shrm-planned' title='{tip}' "
                                     f"style='{_CSS['planned']}'>"
                                     f"{html.escape(self._label(m))} (coming)</span>")
                cells.append(f"<td style='{_CSS['td']}'>{''.join(items)}</td>")
            rows.append(f"<tr><th style='{_CSS['th']}' title='{html.escape(role.description)}'>"
                        f"{html.escape(role.label)}</th>{''.join(cells)}</tr>")
        legend = (f"<p style='font-size:12px'><span style='{_CSS['available']};display:inline'>"
                  "&#10003; available</span> &nbsp; <span style='"
                  f"{_CSS['planned']};display:inline'>(coming)</span> still to come. "
                  "Each module's lesson is in notebooks/, its exercise in modules/.</p>")
        return (f"<table class='shrm-course-map' style='{_CSS['table']}'><tr>"
                f"<th style='{_CSS['th']}'>role \\ area</th>{head}</tr>{''.join(rows)}</table>"
                f"{legend}")

    def to_text(self) -> str:
        """The map as plain text: per role, per area, the modules (``[x]`` = available)."""
        cat = self.catalogue
        lines = [f"{cat.course}: course map ([x] available, [ ] still to come)"]
        for rid, role in cat.roles.items():
            lines += ["", role.label]
            for aid, area in cat.areas.items():
                mods = [cat.module(mid) for mid in self.frame.loc[rid, aid]]
                shown = "; ".join(f"[{'x' if m.available else ' '}] {self._label(m)}"
                                  for m in mods) or "-"
                lines.append(f"  {area.label + ':':<34}{shown}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.to_text()


def course_map(catalogue: Catalogue | None = None) -> CourseMap:
    """The course map: the three HR roles against the six Social HRM areas.

    Parameters
    ----------
    catalogue
        By default the course's own (:func:`load_catalogue`).

    Returns
    -------
    CourseMap
        Displays as a table in a notebook; ``print(...)`` gives plain text; ``.frame`` is a
        DataFrame of module ids per role and area.

    Examples
    --------
    >>> cmap = course_map()
    >>> cmap.frame.loc["business_partner", "internal_communication"][:1]
    ['m01']
    >>> print(cmap)  # doctest: +SKIP
    """
    cat = catalogue or load_catalogue()
    frame = pd.DataFrame([[[m.id for m in cat.modules if m.role == r and a in m.areas]
                           for a in cat.areas] for r in cat.roles],
                         index=pd.Index(list(cat.roles), name="role"),
                         columns=pd.Index(list(cat.areas), name="area"), dtype=object)
    return CourseMap(frame=frame, catalogue=cat)


def _module_text(m: Module, cat: Catalogue) -> str:
    status = "available" if m.available else "planned (still to come)"
    lines = [f"{m.id}  {m.title}  [{status}, about {m.minutes} min]",
             f"     role: {cat.roles[m.role].label}; areas: "
             f"{', '.join(cat.areas[a].label for a in m.areas)}"]
    if m.prerequisites:
        lines.append(f"     first do: {', '.join(m.prerequisites)}")
    if m.available:
        lines.append(f"     lesson: {', '.join(m.lessons)}")
        lines.append(f"     exercise: {', '.join(m.exercises)}")
    lines += [f"     - {o}" for o in m.objectives]
    return "\n".join(lines)


def main_course(argv: list[str] | None = None) -> int:
    """``socialhrm course``: print the course catalogue and map.

    Parameters
    ----------
    argv
        Command-line arguments: ``--json`` prints the catalogue as JSON instead;
        ``--catalogue PATH`` reads another course.yml.

    Returns
    -------
    int
        0, or 1 when the catalogue has problems (printed on stderr).

    Examples
    --------
    >>> main_course([])  # doctest: +SKIP
    """
    parser = argparse.ArgumentParser(prog="socialhrm course",
                                     description="Print the course catalogue and course map.")
    parser.add_argument("--json", action="store_true", help="print the catalogue as JSON")
    parser.add_argument("--catalogue", metavar="PATH", help="another course.yml")
    args = parser.parse_args(argv)
    try:
        cat = load_catalogue(args.catalogue)
    except CourseError as exc:
        print(f"socialhrm course: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps({"course": cat.course,
                          "roles": [asdict(r) for r in cat.roles.values()],
                          "areas": [asdict(a) for a in cat.areas.values()],
                          "modules": [asdict(m) for m in cat.modules]}, indent=2))
        return 0
    ready = len(cat.available())
    print(f"{cat.course}: {len(cat.modules)} modules, {ready} available, "
          f"{len(cat.modules) - ready} still to come.\n")
    for m in cat.modules:
        print(_module_text(m, cat))
        print()
    print(course_map(cat).to_text())
    print("\nStart with notebooks/00_start_here.ipynb; `socialhrm progress` shows how far you are.")
    return 0


# --------------------------------------------------------------------------------------------
# the learner's progress (a local file, never committed, never sent anywhere)


def progress_path() -> Path:
    """The learner's progress file.

    Returns
    -------
    pathlib.Path
        ``$SOCIALHRM_HOME/progress.json`` if ``SOCIALHRM_HOME`` is set, else
        ``~/.socialhrm/progress.json``.

    Examples
    --------
    >>> progress_path().name
    'progress.json'
    """
    from socialhrm.paths import learner_home

    return learner_home() / "progress.json"


def _empty() -> dict[str, Any]:
    return {"version": 1, "modules": {}}


def _set_aside(path: Path) -> Path | None:
    """Move a damaged progress file out of the way under a new, time-stamped name."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.broken-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.broken-{stamp}-{n}")
    try:
        path.replace(target)
    except OSError:
        return None
    return target


def _valid_progress(data: Any) -> bool:
    """Whether the file's content has the structure this module writes."""
    if not isinstance(data, dict) or not isinstance(data.get("modules"), dict):
        return False
    for mod in data["modules"].values():
        if not isinstance(mod, dict) or not isinstance(mod.get("questions", {}), dict):
            return False
        if not all(isinstance(q, dict) for q in mod.get("questions", {}).values()):
            return False
        if not isinstance(mod.get("last_activity", ""), str | None):
            return False
    return True


def load_progress() -> dict[str, Any]:
    """The learner's progress as stored: ``{"version": 1, "modules": {...}}``.

    A missing file is an empty progress. A damaged one (not JSON, or not the structure this
    module writes) is set aside as ``progress.json.broken-<time>`` (so nothing is lost), a
    :class:`ProgressWarning` says where, and an empty progress is returned.

    Returns
    -------
    dict
        ``modules[module]["questions"][question]`` has ``passed`` (ever passed), ``last_result``,
        ``attempts``, ``graded`` (an exercise question rather than a lesson try) and ``last``;
        ``modules[module]["last_activity"]`` is an ISO time stamp.

    Examples
    --------
    >>> sorted(load_progress())
    ['modules', 'version']
    """
    path = progress_path()
    if not path.is_file():
        return _empty()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = None
    if _valid_progress(data):
        return data
    moved = _set_aside(path)
    where = f"it was kept as {moved}" if moved else "it could not be moved aside"
    warnings.warn(f"Your progress file {path} was damaged and could not be read; {where}. "
                  "Your progress starts again from here.", ProgressWarning, stacklevel=2)
    return _empty()


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _write(data: dict[str, Any]) -> Path:
    path = progress_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".progress-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=1, sort_keys=True)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    return path


def record_result(module: str, question: str, passed: bool, *, graded: bool = True) -> Path:
    """Record one self-check result in the progress file.

    Parameters
    ----------
    module, question
        E.g. ``"m01"``, ``"q2"``.
    passed
        Whether the answer was right.
    graded
        True for an exercise question, False for a try in a lesson.

    Returns
    -------
    pathlib.Path
        The progress file written.

    Raises
    ------
    OSError
        The file cannot be written (the self-check reports this instead of raising).

    Examples
    --------
    >>> record_result("m01", "q1", True)  # doctest: +SKIP
    """
    data = load_progress()
    mod = data["modules"].setdefault(module, {"questions": {}})
    q = mod.setdefault("questions", {}).setdefault(question, {"passed": False, "attempts": 0})
    now = _now()
    q["attempts"] = int(q.get("attempts", 0)) + 1
    q["last_result"] = "passed" if passed else "not yet"
    q["graded"] = bool(graded)
    q["last"] = now
    if passed and not q.get("passed"):
        q["passed"] = True
        q["passed_at"] = now
    mod["last_activity"] = now
    return _write(data)


def reset_progress() -> bool:
    """Delete the progress file. Returns True when there was one.

    Examples
    --------
    >>> reset_progress()  # doctest: +SKIP
    True
    """
    path = progress_path()
    if path.is_file():
        path.unlink()
        return True
    return False


def progress_table(catalogue: Catalogue | None = None) -> pd.DataFrame:
    """The learner's progress per module.

    Parameters
    ----------
    catalogue
        By default the course's own.

    Returns
    -------
    pandas.DataFrame
        Indexed by module id: ``title``, ``status``, ``passed`` and ``total`` (exercise
        questions), ``tries_passed`` and ``tries`` (lesson tries), ``last_activity``
        (time stamp or ``None``), ``done`` (every exercise question passed).

    Examples
    --------
    >>> bool(progress_table().loc["m01", "total"] > 0)
    True
    """
    from socialhrm.checks import questions

    cat = catalogue or load_catalogue()
    data = load_progress()["modules"]
    rows = []
    for m in cat.modules:
        qs = questions(m.id)
        graded = [q.qid for q in qs if q.graded]
        tries = [q.qid for q in qs if not q.graded]
        got = data.get(m.id, {})
        passed = {k for k, v in got.get("questions", {}).items() if v.get("passed")}
        rows.append({"module": m.id, "title": m.title, "status": m.status,
                     "passed": len(passed & set(graded)), "total": len(graded),
                     "tries_passed": len(passed & set(tries)), "tries": len(tries),
                     "last_activity": got.get("last_activity") or None,
                     "done": bool(graded) and set(graded) <= passed})
    table = pd.DataFrame(rows).set_index("module")
    # an object column keeps None as None (pandas 3 would make a text column with NaN)
    table["last_activity"] = pd.Series([r["last_activity"] for r in rows], index=table.index,
                                       dtype=object)
    return table


def next_module(table: pd.DataFrame | None = None,
                catalogue: Catalogue | None = None) -> Module | None:
    """The module to do next: a started one first, else the next whose prerequisites are done.

    The first module the learner has started and not finished; else the first available one
    not done whose prerequisites are done (so a learner who skipped the primer and began
    module 1 is told to continue with module 1).

    Returns
    -------
    Module or None
        None when every available module is done.

    Examples
    --------
    >>> next_module()  # doctest: +SKIP
    Module(id='m01', ...)
    """
    cat = catalogue or load_catalogue()
    table = progress_table(cat) if table is None else table
    done = {mid for mid, row in table.iterrows() if row["done"]}
    waiting = [m for m in cat.available() if m.id not in done]
    started = [m for m in waiting if m.id in table.index and table.loc[m.id, "last_activity"]]
    if started:
        return started[0]
    for m in waiting:
        if set(m.prerequisites) <= done:
            return m
    return waiting[0] if waiting else None


def _when(stamp: Any) -> str:
    if not isinstance(stamp, str) or not stamp:  # None, or NaN from a pandas column
        return "-"
    try:
        return dt.datetime.fromisoformat(stamp).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return str(stamp)


def main_progress(argv: list[str] | None = None) -> int:
    """``socialhrm progress``: your own progress through the course.

    Parameters
    ----------
    argv
        ``--reset --yes`` deletes your progress (``--reset`` alone only says what it would do);
        ``--json`` prints the table as JSON.

    Returns
    -------
    int
        0; 1 when ``--reset`` is given without ``--yes`` or the catalogue has problems.

    Examples
    --------
    >>> main_progress([])  # doctest: +SKIP
    """
    parser = argparse.ArgumentParser(
        prog="socialhrm progress",
        description=f"Show your progress (kept in {progress_path()}; set {ENV_HOME} to keep it "
                    "elsewhere).")
    parser.add_argument("--reset", action="store_true", help="forget all your progress")
    parser.add_argument("--yes", action="store_true", help="confirm --reset")
    parser.add_argument("--json", action="store_true", help="print the table as JSON")
    args = parser.parse_args(argv)
    path = progress_path()
    if args.reset:
        if not args.yes:
            print(f"This would delete your progress in {path}. Nothing was changed.\n"
                  "  To really do it: socialhrm progress --reset --yes", file=sys.stderr)
            return 1
        existed = reset_progress()
        print(f"Your progress was deleted ({path})." if existed
              else f"There was no progress to delete ({path}).")
        return 0
    try:
        cat = load_catalogue()
    except CourseError as exc:
        print(f"socialhrm progress: {exc}", file=sys.stderr)
        return 1
    table = progress_table(cat)
    if args.json:
        print(table.reset_index().to_json(orient="records", indent=1))
        return 0
    print(f"Your progress in {cat.course} (kept on this computer in {path})\n")
    print(f"  {'module':<7}{'exercise':<11}{'lesson tries':<14}{'last activity':<18}title")
    for mid, row in table.iterrows():
        if row["status"] != "available":
            exercise, tries = "planned", ""
        else:
            exercise = f"{row['passed']}/{row['total']}" + (" done" if row["done"] else "")
            tries = f"{row['tries_passed']}/{row['tries']}" if row["tries"] else "-"
        print(f"  {mid:<7}{exercise:<11}{tries:<14}{_when(row['last_activity']):<18}"
              f"{row['title']}")
    nxt = next_module(table, cat)
    print()
    if nxt is None:
        coming = [m for m in cat.modules if not m.available]
        print("You have done every available module. Well done!" +
              (f" Still to come: {', '.join(m.id for m in coming)}." if coming else ""))
    else:
        row = table.loc[nxt.id]
        verb = "Continue with" if row["passed"] or row["tries_passed"] else "Next: start"
        from socialhrm.exercises import FOLDER_NAME

        mine = ", ".join(f"{FOLDER_NAME}/{nxt.name}/{Path(e).name}" for e in nxt.exercises)
        print(f"{verb} {nxt.id} '{nxt.title}': lesson {', '.join(nxt.lessons)}, then your "
              f"copy of the exercise, {mine} (`socialhrm exercises` makes it).")
        print("In the exercise, run check(\"q1\") (and so on) after each answer.")
    return 0
