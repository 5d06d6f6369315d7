"""Interactive apps (ipywidgets) behind the dashboards in ``notebooks/dashboards/``.

Each app is a class with a ``widget`` attribute (one container) that a Voila notebook
displays; the analysis lives in the library (:mod:`socialhrm.network`,
:mod:`socialhrm.roles`), the app only calls it and draws.

>>> from socialhrm.apps import NetworkExplorer
>>> app = NetworkExplorer()   # doctest: +SKIP
>>> app.widget                # doctest: +SKIP
"""

from socialhrm.apps.explorer import NetworkExplorer

__all__ = ["NetworkExplorer"]
