"""``python -m socialhrm.synth [folder]``: regenerate the bundled Noordhaven data."""

from __future__ import annotations

import sys
from pathlib import Path

from socialhrm.synth.build import regenerate


def main(argv: list[str] | None = None) -> int:
    """Regenerate datasets/noordhaven (or the folder given) and report progress.

    Parameters
    ----------
    argv
        Optional: one folder to write into instead of the repository's datasets/noordhaven.

    Returns
    -------
    int
        0 on success.

    Examples
    --------
    >>> main(["/tmp/noordhaven-example"])  # doctest: +SKIP
    0
    """
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else None
    regenerate(folder, progress=lambda msg: print(msg, flush=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
