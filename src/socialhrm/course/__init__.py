"""The course side of the kit: catalogue, course map, progress, learner copies, self-checks.

One step per module, each importing only the ones before it (no cycles):

- :mod:`.catalogue` -- ``modules/course.yml``: read, check, find a module's files by
  convention (:class:`Catalogue`, :class:`Module`, :class:`CourseError`);
- :mod:`.coursemap` -- the course map, HR roles x Social HRM areas (:func:`course_map`);
- :mod:`.progress` -- the learner's progress file (:func:`record_result`, ...), and when not
  to record (the instructor version, autograding);
- :mod:`.registry` -- the self-checkable questions, filled by ``socialhrm/checks/mNN.py``;
- :mod:`.selfcheck` -- :func:`check`, :func:`evaluate`, :func:`hidden`, :class:`Result`;
- :mod:`.report` -- the progress table and the module to do next;
- :mod:`.copies` -- the learner's own copies of the exercises (``socialhrm exercises``);
- :mod:`.cli` -- ``socialhrm course``, ``socialhrm progress``, ``socialhrm exercises``.

Judge files and exercise notebooks use the authoring API re-exported by :mod:`socialhrm.checks`.

>>> from socialhrm.course import course_map, load_catalogue
>>> "m01" in [m.id for m in load_catalogue().available()]
True
>>> course_map()  # doctest: +SKIP
"""

from __future__ import annotations

from socialhrm.course.catalogue import (
    Area,
    Catalogue,
    CourseError,
    Module,
    Role,
    catalogue_path,
    conventional_files,
    load_catalogue,
    shown,
)
from socialhrm.course.cli import main_course, main_exercises, main_progress
from socialhrm.course.copies import (
    ExerciseCopy,
    ExerciseError,
    exercises_dir,
    learner_copies,
    prepare_exercises,
    student_version,
)
from socialhrm.course.coursemap import CourseMap, course_map
from socialhrm.course.progress import (
    ProgressWarning,
    instructor_source,
    load_progress,
    progress_path,
    record_result,
    recording_blocked,
    reset_progress,
)
from socialhrm.course.report import next_module, progress_table

__all__ = [
    "Area",
    "Catalogue",
    "CourseError",
    "CourseMap",
    "ExerciseCopy",
    "ExerciseError",
    "Module",
    "ProgressWarning",
    "Role",
    "catalogue_path",
    "conventional_files",
    "course_map",
    "exercises_dir",
    "instructor_source",
    "learner_copies",
    "load_catalogue",
    "load_progress",
    "main_course",
    "main_exercises",
    "main_progress",
    "next_module",
    "prepare_exercises",
    "progress_path",
    "progress_table",
    "record_result",
    "recording_blocked",
    "reset_progress",
    "shown",
    "student_version",
]
