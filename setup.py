"""Build hook: a wheel carries the bundled datasets inside the package.

Everything else about the package is in pyproject.toml. In a checkout the datasets live in the
top-level ``datasets/`` folder (the course's layout); a wheel has no checkout around it, so
``build_py`` copies each dataset's tables and data card into ``socialhrm/_datasets/``, where
``socialhrm.datasets`` looks when there is no checkout.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
DATA_SUFFIXES = {".csv", ".md", ".json", ".parquet"}


class BuildPyWithDatasets(build_py):
    """``build_py`` that also copies ``datasets/<name>/*`` into the built package."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads datasets/ in the checkout itself
        target = Path(self.build_lib) / "socialhrm" / "_datasets"
        for folder in sorted((HERE / "datasets").iterdir()):
            if not folder.is_dir():
                continue
            for path in sorted(folder.iterdir()):
                if path.suffix in DATA_SUFFIXES:
                    dest = target / folder.name / path.name
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(path, dest)


setup(cmdclass={"build_py": BuildPyWithDatasets})
