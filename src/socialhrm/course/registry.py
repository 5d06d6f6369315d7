"""The registry of self-checkable questions, filled by the per-module judge files.

A module ``mNN``'s judges live in ``socialhrm/checks/mNN.py`` (found by convention, imported the
first time one of its questions is asked for). A judge file registers one function per question
with :func:`question`; a judge returns a short "well done" text or raises :class:`NotYet` with a
hint. When the course checkout (``SOCIALHRM_COURSE_DIR``) is another folder than the installed
package, its ``src/socialhrm/checks/`` is searched as well, so a course author's new module is
found without reinstalling the kit.

Examples
--------
>>> [q.qid for q in questions("m01") if q.graded][:2]
['q1', 'q2']
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from socialhrm.i18n import _

__all__ = [
    "CHECKS_PACKAGE",
    "REGISTRY",
    "NotYet",
    "Question",
    "checks_folders",
    "find_question",
    "load_checks",
    "question",
    "questions",
]

#: The package that holds the per-module judge files (``m01.py``, ``m02.py``, ...).
CHECKS_PACKAGE = "socialhrm.checks"
#: The names of the judge files: m00, m01, m02, ...
CHECKS_NAME = re.compile(r"^m\d{2}$")


class NotYet(Exception):  # noqa: N818 - reads as "not yet (correct)"
    """Raised by a judge: the answer is not (yet) right; the message is the hint to show."""


@dataclass(frozen=True)
class Question:
    """A question that can be self-checked.

    Attributes
    ----------
    module, qid
        E.g. ``"m01"``, ``"q2"``.
    variables
        The learner's variables the judge needs, in order.
    title
        A few words on what is asked (in English; shown through :func:`socialhrm.i18n._`, so
        mark it with ``N_()`` in the judge file).
    judge
        ``judge(*values) -> str``: returns a "well done" text or raises :class:`NotYet`.
    graded
        True for a graded exercise question; False for a try in a lesson.
    """

    module: str
    qid: str
    variables: tuple[str, ...]
    title: str
    judge: Callable[..., str]
    graded: bool = True

    @property
    def shown_title(self) -> str:
        """The title in the reader's language."""
        return _(self.title) if self.title else self.title


#: module id -> question id -> Question, in the order the judge file registers them.
REGISTRY: dict[str, dict[str, Question]] = {}


def checks_folders() -> list[Path]:
    """Where judge files are looked for: the package's ``checks/``, then the course checkout's.

    Examples
    --------
    >>> checks_folders()[0].name
    'checks'
    """
    from socialhrm.paths import course_root, package_dir

    folders = [package_dir() / "checks"]
    root = course_root()
    if root is not None:
        extra = root / "src" / "socialhrm" / "checks"
        if extra.is_dir() and extra.resolve() != folders[0].resolve():
            folders.append(extra.resolve())
    return folders


def load_checks(module: str) -> None:
    """Import ``socialhrm.checks.<module>`` (which registers its questions) if it exists.

    Examples
    --------
    >>> load_checks("m01"); "m01" in REGISTRY
    True
    """
    if module in REGISTRY or not CHECKS_NAME.match(module):
        return
    package = importlib.import_module(CHECKS_PACKAGE)
    for folder in checks_folders():
        if str(folder) not in package.__path__:
            package.__path__.append(str(folder))
    importlib.invalidate_caches()  # a judge file written since the last look is found too
    try:
        importlib.import_module(f"{CHECKS_PACKAGE}.{module}")
    except ModuleNotFoundError as exc:
        if exc.name != f"{CHECKS_PACKAGE}.{module}":
            raise


def load_all_checks() -> None:
    """Import every judge file there is."""
    for folder in checks_folders():
        for path in sorted(folder.glob("m[0-9][0-9].py")):
            load_checks(path.stem)


def question(module: str, qid: str, variables: tuple[str, ...] | list[str], title: str, *,
             graded: bool = True) -> Callable[[Callable[..., str]], Callable[..., str]]:
    """Register a judge function for a question (a decorator).

    Examples
    --------
    >>> from socialhrm.checks import evaluate
    >>> @question("m99", "q1", ["answer"], "the answer")
    ... def _q1(answer):
    ...     if answer != 42:
    ...         raise NotYet("Think again about life, the universe and everything.")
    ...     return "Right."
    >>> evaluate("q1", module="m99", answer=42).passed
    True
    >>> del REGISTRY["m99"]
    """

    def register(judge: Callable[..., str]) -> Callable[..., str]:
        REGISTRY.setdefault(module, {})[qid] = Question(module, qid, tuple(variables), title,
                                                        judge, graded)
        return judge

    return register


def questions(module: str) -> list[Question]:
    """The self-checkable questions of a module, in order (graded ones and lesson tries).

    Examples
    --------
    >>> [q.qid for q in questions("m01") if q.graded]
    ['q1', 'q2', 'q3', 'q4', 'q5', 'q6']
    """
    load_checks(module)
    return list(REGISTRY.get(module, {}).values())


def find_question(qid: str, module: str | None = None) -> Question | str:
    """The question, or a message that says why it cannot be found and what to write instead.

    Examples
    --------
    >>> find_question("q2", "m01").variables
    ('density',)
    >>> print(find_question("q9", "m01"))
    Module m01 has no question 'q9'. Its questions: q1, q2, q3, q4, q5, q6, t1, t2, t3.
    """
    if module is not None:
        load_checks(module)
        if module not in REGISTRY:
            known = ", ".join(sorted(REGISTRY)) or _("none yet")
            return _("There are no self-checks for module {module}. Modules with self-checks: "
                     "{known}.").format(module=repr(module), known=known)
        if qid not in REGISTRY[module]:
            ids = ", ".join(REGISTRY[module])
            return _("Module {module} has no question {qid}. Its questions: {ids}.").format(
                module=module, qid=repr(qid), ids=ids)
        return REGISTRY[module][qid]
    load_all_checks()
    hits = [mod[qid] for mod in REGISTRY.values() if qid in mod]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        return _("There is no question {qid}. Write the question's id as in the notebook, e.g. "
                 "check(\"q1\").").format(qid=repr(qid))
    mods = ", ".join(q.module for q in hits)
    return _("Several modules have a question {qid} ({modules}); say which one, e.g. "
             "check({qid}, module={first}).").format(qid=repr(qid), modules=mods,
                                                     first=repr(hits[0].module))
