"""nbgrader settings for the kit's own course (the repository is the course directory).

modules/<name>/<name>.ipynb is the instructor version of exercise <name> (with solutions and
hidden tests); `nbgrader generate_assignment <name>` writes the student version to release/.
Paths are relative to this file, so a copy of the repository (or of this file plus modules/)
works as a course directory too. release/, submitted/, autograded/, feedback/, gradebook.db and
.socialhrm/ are gitignored. Trainers running a class use `socialhrm workshop`, which writes its
own config into the class folder.
"""

import os

c = get_config()  # noqa: F821 - provided by nbgrader when it reads this file
here = os.path.dirname(os.path.abspath(__file__))

c.CourseDirectory.root = here
c.CourseDirectory.course_id = "socialhrm"
c.CourseDirectory.source_directory = "modules"  # instructor versions live in modules/
c.CourseDirectory.db_url = "sqlite:///" + os.path.join(here, "gradebook.db")

# An endless loop in a learner's cell is stopped after this many seconds; the rest still runs.
c.Execute.timeout = 30
# A deleted (or stripped) test cell is put back and scored 0 instead of waiting for a human.
c.OverwriteCells.add_missing_cells = True
# The Assignments panel needs a writable exchange; keep it inside the (gitignored) .socialhrm/.
c.Exchange.root = os.path.join(here, ".socialhrm", "exchange")
