"""JupyterLab in the learner's language: the settings folder ``make run`` starts JupyterLab with.

JupyterLab translates its own interface with language packs (``jupyterlab-language-pack-nl-NL``
is installed with the kit) and picks the language from its translation setting. ``make run``
asks this module for a settings folder whose translation setting follows the kit's language
(:func:`socialhrm.i18n.get_language`: ``SOCIALHRM_LANG``, else the system locale, else
English), so ``SOCIALHRM_LANG=nl make run`` opens JupyterLab in Dutch. The folder lives in
the course checkout (``.jupyter-lab/``, not committed); the learner's other JupyterLab
settings made there are kept.

Examples
--------
>>> import tempfile, pathlib
>>> folder = lab_settings_dir("nl", pathlib.Path(tempfile.mkdtemp()))
>>> (folder / TRANSLATION_SETTINGS).read_text().count("nl_NL")
1
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from socialhrm.i18n import get_language

__all__ = ["JUPYTERLAB_LOCALES", "NOTIFICATION_SETTINGS", "TRANSLATION_SETTINGS",
           "lab_settings_dir", "main"]

#: The kit's language -> JupyterLab's locale ("default" is JupyterLab's own English).
JUPYTERLAB_LOCALES = {"en": "default", "nl": "nl_NL"}
#: Where JupyterLab keeps its translation setting, inside a user-settings folder.
TRANSLATION_SETTINGS = Path("@jupyterlab") / "translation-extension" / "plugin.jupyterlab-settings"
#: JupyterLab asks to fetch news and update checks from the internet: the kit never does.
NOTIFICATION_SETTINGS = (Path("@jupyterlab") / "apputils-extension"
                         / "notification.jupyterlab-settings")


def lab_settings_dir(lang: str | None = None, root: Path | None = None) -> Path:
    """A JupyterLab user-settings folder whose interface language is ``lang``.

    Parameters
    ----------
    lang
        ``"en"`` or ``"nl"``; ``None`` follows :func:`socialhrm.i18n.get_language`.
    root
        Where to keep the folder; default the course checkout's ``.jupyter-lab/`` (or
        ``~/.socialhrm/jupyter-lab`` without a checkout).

    Returns
    -------
    pathlib.Path
        The folder to pass as ``--LabApp.user_settings_dir``.
    """
    from socialhrm.paths import course_root, learner_home

    lang = lang or get_language()
    if root is None:
        checkout = course_root()
        root = checkout / ".jupyter-lab" if checkout else learner_home() / "jupyter-lab"
    folder = Path(root) / "user-settings"
    _merge_setting(folder / TRANSLATION_SETTINGS, locale=JUPYTERLAB_LOCALES.get(lang, "default"))
    _merge_setting(folder / NOTIFICATION_SETTINGS, fetchNews="false", checkForUpdates=False)
    return folder


def _merge_setting(path: Path, **values: object) -> None:
    """Set some values in a JupyterLab settings file, keeping the learner's other settings."""
    path.parent.mkdir(parents=True, exist_ok=True)
    settings: dict = {}
    if path.exists():
        try:
            settings = json.loads(path.read_text(encoding="utf-8")) or {}
        except (OSError, ValueError):
            settings = {}
    settings.update(values)
    path.write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Print the settings folder for the current language (what ``make run`` uses)."""
    args = list(sys.argv[1:] if argv is None else argv)
    print(lab_settings_dir(args[0] if args else None))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
