"""``socialhrm dashboards``: serve every notebook in ``notebooks/dashboards/`` with Voila.

Voila runs on 127.0.0.1 only, with code cells hidden and tracebacks off. Its front page
is a landing page listing each dashboard with one line (the first lines of the notebook's
opening Markdown cell), so a new dashboard appears there by being added to the folder.
Voila's own file tree stays available at ``/voila/tree``.

Server settings live in ``notebooks/dashboards/voila.json`` (a Voila config file, read from
the dashboards folder): idle kernels of closed pages are culled after 30 minutes, the
websocket takes uploads up to 256 MB, and the page uses the kit's Voila template
(``socialhrm/share/voila/templates/socialhrm``), which serves every asset - FontAwesome
included - from this server, so a page makes no request outside the machine. Whoever starts
the server sets the privacy floor (``--min-group-floor``, default 5): no viewer can lower
the minimum group size below it.

>>> from socialhrm.dashboards import list_dashboards
>>> [d.title for d in list_dashboards()]        # doctest: +SKIP
['Network explorer']
"""

from __future__ import annotations

import argparse
import errno
import html
import json
import os
import signal
import socket
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from socialhrm.i18n import _

__all__ = ["Dashboard", "DEFAULT_PORT", "dashboards_dir", "landing_page", "list_dashboards",
           "main", "template_root", "voila_arguments"]

DEFAULT_PORT = 8866
#: The privacy floor of a dashboard server unless its starter chooses another.
DEFAULT_MIN_GROUP_FLOOR = 5


@dataclass(frozen=True)
class Dashboard:
    """One dashboard notebook: its file and the words the landing page shows for it."""

    path: Path
    title: str
    description: str

    @property
    def url_path(self) -> str:
        """The page that renders it, relative to the server root."""
        return f"voila/render/{self.path.name}"


def dashboards_dir() -> Path:
    """The folder with the dashboard notebooks (``notebooks/dashboards`` in the repository).

    Returns
    -------
    pathlib.Path
        The folder; it may not exist when the package is installed without the repository.

    Examples
    --------
    >>> dashboards_dir().name
    'dashboards'
    """
    from socialhrm.paths import dashboards_dir as where

    return where()


def _describe(path: Path) -> Dashboard:
    title, description = path.stem.replace("_", " ").capitalize(), ""
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Dashboard(path, title, "(this notebook could not be read)")
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "markdown":
            continue
        source = cell.get("source", "")
        text = "".join(source) if isinstance(source, list) else str(source)
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        for ln in lines:
            if ln.startswith("#") and title == path.stem.replace("_", " ").capitalize():
                title = ln.lstrip("#").strip()
            elif not ln.startswith("#") and not description:
                description = ln
        break
    return Dashboard(path, title, description)


def list_dashboards(folder: Path | None = None) -> list[Dashboard]:
    """Every dashboard notebook in ``folder``, with its title and one-line description.

    The title is the first Markdown heading of the notebook's first Markdown cell; the
    description its first line of text.

    Parameters
    ----------
    folder
        Where to look; :func:`dashboards_dir` when omitted.

    Returns
    -------
    list of Dashboard
        Sorted by file name; hidden and checkpoint files are left out.

    Examples
    --------
    >>> "network_explorer.ipynb" in [d.path.name for d in list_dashboards()]
    True
    """
    folder = dashboards_dir() if folder is None else Path(folder)
    return [_describe(p) for p in sorted(folder.glob("*.ipynb")) if not p.name.startswith(".")]


def landing_page(dashboards: list[Dashboard], base_url: str = "/") -> str:
    """The HTML of the landing page: one card per dashboard, linking to it.

    Parameters
    ----------
    dashboards
        From :func:`list_dashboards`.
    base_url
        The server's base URL (``/`` by default).

    Returns
    -------
    str
        A complete HTML page.

    Examples
    --------
    >>> "Network explorer" in landing_page(list_dashboards())
    True
    """
    base = base_url if base_url.endswith("/") else base_url + "/"
    def dutch(d: Dashboard) -> str:
        page = d.path.parent / "nl" / d.path.name
        if not page.is_file():
            return ""
        href = base + html.escape(d.url_path.replace(d.path.name, "nl/" + d.path.name))
        return f" <a class='nl' href='{href}'>Nederlands</a>"

    items = "\n".join(
        f"<a class='card' href='{base}{html.escape(d.url_path)}'>"
        f"<b>{html.escape(d.title)}</b><span>{html.escape(d.description)}</span></a>"
        f"<p class='other'>{dutch(d)}</p>"
        for d in dashboards
    ) or "<p>" + html.escape(_("No dashboards found in notebooks/dashboards/.")) + "</p>"
    lead = html.escape(_("Organisational network analysis for HR. Each dashboard opens with the "
                         "bundled (synthetic) organisation Noordhaven; you can also load your own "
                         "data. Every dashboard is also in Dutch (Nederlands)."))
    footer = html.escape(_("A dashboard takes a few seconds to open. All files in"))
    folder = html.escape(_("the dashboards folder"))
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Social HRM Lab - dashboards</title>
<style>
body {{ font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; margin: 0;
  background: #f5f7fa; color: #1f2933; }}
main {{ max-width: 760px; margin: 48px auto; padding: 0 20px; }}
h1 {{ font-size: 26px; margin-bottom: 4px; }}
p.lead {{ color: #52606d; margin-top: 0; }}
a.card {{ display: block; background: #fff; border: 1px solid #e3e8ee; border-radius: 10px;
  padding: 14px 18px; margin: 12px 0; text-decoration: none; color: inherit; }}
a.card:hover {{ border-color: #0072B2; box-shadow: 0 2px 8px rgba(0,0,0,.06); }}
a.card b {{ display: block; font-size: 17px; color: #0b4f7c; margin-bottom: 3px; }}
a.card span {{ color: #52606d; }}
footer {{ color: #829ab1; font-size: 13px; margin-top: 28px; }}
p.other {{ margin: -8px 0 0 18px; font-size: 13px; }}
</style></head>
<body><main class="socialhrm-landing">
<h1>Social HRM Lab - dashboards</h1>
<p class="lead">{lead}</p>
{items}
<footer>{footer} <a href="{base}voila/tree">{folder}</a>.</footer>
</main></body></html>
"""


#: Largest websocket message the server accepts (uploads arrive as one message); the value
#: ``notebooks/dashboards/voila.json`` sets, and the fallback when that file is missing.
WEBSOCKET_MAX_BYTES = 256 * 1024 * 1024


def template_root() -> Path:
    """The Jupyter data folder holding the kit's Voila template ``socialhrm``.

    Examples
    --------
    >>> (template_root() / "voila" / "templates" / "socialhrm" / "index.html.j2").is_file()
    True
    """
    return Path(__file__).resolve().parent / "share"


def voila_arguments(folder: Path, port: int, preheat: bool = True) -> list[str]:
    """Command-line settings for Voila: localhost, sources stripped, no tracebacks.

    The other server settings (kernel culling, websocket size, template) are in the
    dashboards folder's ``voila.json``.

    Parameters
    ----------
    folder
        The folder of dashboard notebooks to serve.
    port
        The port to listen on.
    preheat
        Keep one kernel per dashboard that has already run the notebook (Voila's preheated
        kernels), so a page shows its widgets without waiting for start-up and the first
        computation; the pool refills in the background after each page load.

    Returns
    -------
    list of str
        Arguments for ``voila`` (the same work as a command or in-process).

    Examples
    --------
    >>> "--Voila.ip=127.0.0.1" in voila_arguments(Path("."), 8866)
    True
    """
    return [
        str(folder),
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        "--Voila.port_retries=0",
        "--no-browser",
        "--strip_sources=True",
        "--VoilaConfiguration.show_tracebacks=False",
        "--theme=light",
        f"--VoilaConfiguration.preheat_kernel={preheat}",
    ]


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError as err:
            return err.errno not in (errno.EADDRINUSE, errno.EACCES)
    return True


def _voila_app(folder: Path, port: int, preheat: bool = True) -> Any:
    """A Voila application whose front page is the landing page."""
    from jupyter_server.utils import url_path_join
    from tornado import web
    from voila.app import Voila

    class LandingHandler(web.RequestHandler):
        def initialize(self, folder: Path, base_url: str) -> None:
            self.folder, self.base_url = folder, base_url

        def get(self) -> None:
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.write(landing_page(list_dashboards(self.folder), self.base_url))

    class SocialHRMVoila(Voila):
        def init_handlers(self) -> list:
            handlers = super().init_handlers()
            landing = (url_path_join(self.server_url, r"/?"), LandingHandler,
                       {"folder": folder, "base_url": self.server_url})
            return [landing, *handlers]  # the first match wins: ours before the tree

    from jupyter_core.paths import jupyter_config_path

    # the kit's template (every asset served locally) is found on the Jupyter data path
    root = str(template_root())
    paths = [p for p in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if p]
    if root not in paths:
        os.environ["JUPYTER_PATH"] = os.pathsep.join([root, *paths])
    # server settings from the dashboards folder's voila.json (culling, websocket, template)
    app = SocialHRMVoila(config_file_paths=[str(folder), *jupyter_config_path()])
    app.initialize(voila_arguments(folder, port, preheat))
    if "websocket_max_message_size" not in app.tornado_settings:
        # Uploads travel to the kernel over the websocket, whose default limit (10 MiB)
        # silently drops a larger file; let them through so the app can say what is wrong.
        app.tornado_settings = {**app.tornado_settings,
                                "websocket_max_message_size": WEBSOCKET_MAX_BYTES}
    # what the dashboards' kernels (started with this environment) need to know
    limit = int(app.tornado_settings["websocket_max_message_size"]) // 2**20
    os.environ["SOCIALHRM_DASHBOARD_UPLOAD_MB"] = str(max(1, limit - 1))
    return app


def main(argv: list[str] | None = None) -> int:
    """Serve the dashboards until Ctrl-C: ``socialhrm dashboards [--port N] [--dir D]``.

    Parameters
    ----------
    argv
        Command-line arguments after ``dashboards``.

    Returns
    -------
    int
        0 after a clean stop; 1 when the port is taken or there are no dashboards.

    Examples
    --------
    >>> main(["--port", "8866"])  # doctest: +SKIP
    Social HRM Lab dashboards: http://127.0.0.1:8866/
    """
    parser = argparse.ArgumentParser(
        prog="socialhrm dashboards",
        description="Serve every dashboard in notebooks/dashboards/ with Voila on this "
                    "computer (127.0.0.1). Stop with Ctrl-C.")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT,
                        help=f"port to listen on (default {DEFAULT_PORT})")
    parser.add_argument("--dir", type=Path, default=None,
                        help="folder of dashboard notebooks (default notebooks/dashboards)")
    parser.add_argument("--no-preheat", dest="preheat", action="store_false",
                        help="start a kernel only when a page is opened (slower pages, "
                             "less memory)")
    parser.add_argument("--min-group-floor", type=int, default=None, metavar="N",
                        help="privacy floor: no viewer can set the minimum group size below N "
                             f"(default {DEFAULT_MIN_GROUP_FLOOR}, or SOCIALHRM_MIN_GROUP_FLOOR)")
    args = parser.parse_args(argv)
    from socialhrm import privacy

    floor = args.min_group_floor
    if floor is None:
        env = os.environ.get(privacy.FLOOR_ENV, "").strip()
        floor = int(env) if env.isdigit() else DEFAULT_MIN_GROUP_FLOOR
    if floor < 2:
        print(_("socialhrm dashboards: --min-group-floor {n} would let a dashboard show single "
                "people as groups; the lowest floor is 2.").format(n=floor), file=sys.stderr)
        return 1
    saved = {k: os.environ.get(k) for k in (privacy.FLOOR_ENV, "JUPYTER_PATH",
                                               "SOCIALHRM_DASHBOARD_UPLOAD_MB")}
    os.environ[privacy.FLOOR_ENV] = str(floor)  # the kernels inherit it; viewers cannot
    try:
        return _serve(args, floor)
    finally:  # leave the calling process as it was (main() is also called from Python)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _serve(args: argparse.Namespace, floor: int) -> int:
    folder = (args.dir or dashboards_dir()).resolve()
    found = list_dashboards(folder) if folder.is_dir() else []
    if not found:
        print(_("socialhrm dashboards: no dashboard notebooks in {folder}.\n"
                "  What to do: run from a clone of the repository, or pass --dir."
                ).format(folder=folder), file=sys.stderr)
        return 1
    if not _port_free(args.port):
        print(_("socialhrm dashboards: port {port} is already in use (perhaps the "
                "dashboards are already running).\n  What to do: open that address, stop the "
                "other server, or choose another port with --port.").format(port=args.port),
              file=sys.stderr)
        return 1
    app = _voila_app(folder, args.port, args.preheat)
    url = f"http://127.0.0.1:{args.port}/"
    print(_("Social HRM Lab dashboards: {url}").format(url=url), flush=True)
    for d in found:
        print(f"  - {d.title}: {url}{d.url_path}", flush=True)
    print(_("Privacy floor: groups smaller than {n} are always merged.").format(n=floor),
          flush=True)
    print(_("Press Ctrl-C to stop."), flush=True)
    # Ctrl-C (SIGINT) stops like SIGTERM: the loop ends, then Voila shuts its kernels down.
    # Set explicitly, because a shell starting us in the background ignores SIGINT.
    signal.signal(signal.SIGINT, app._handle_signal_stop)
    try:
        app.start()  # blocks until Ctrl-C or SIGTERM
    except KeyboardInterrupt:  # pragma: no cover - Voila normally catches it itself
        app.stop()
    print(_("Dashboards stopped."), flush=True)
    return 0
