"""Keyed pseudonyms for ids (HMAC-SHA256), with a length that never collides."""

from __future__ import annotations

import hashlib
import hmac
import os
import warnings
from collections.abc import Iterable

import pandas as pd

from socialhrm.data.errors import KEY_ENV, DataError, DataWarning
from socialhrm.i18n import _


def _key_bytes(key: str | bytes | None) -> bytes:
    if key is None:
        key = os.environ.get(KEY_ENV)
    if key is None or len(key) == 0:
        raise DataError(_(
            "pseudonymise: no key. Pass key='a long secret phrase' or set the environment "
            "variable {env}.\n  What to do: keep the key secret and the same across files and "
            "runs, so that the same person gets the same pseudonym everywhere.").format(
                env=KEY_ENV))
    return key.encode("utf-8") if isinstance(key, str) else bytes(key)


def pseudonym_length(n_ids: int, risk: float = 1e-6) -> int:
    """Hexadecimal characters that make a collision among ``n_ids`` pseudonyms unlikely.

    The birthday bound: with ``L`` characters, ``n`` ids collide with probability about
    ``n**2 / (2 * 16**L)``; this is the smallest ``L`` (at least 6) that keeps it below
    ``risk``. (Six characters collide at 1,000 ids about 3 times in 100.)

    Examples
    --------
    >>> pseudonym_length(300), pseudonym_length(1_000), pseudonym_length(10_000)
    (9, 10, 12)
    """
    import math

    n = max(int(n_ids), 2)
    return max(6, min(64, math.ceil(math.log(n * n / (2 * risk), 16))))


def pseudonymise(
    df: pd.DataFrame,
    columns: str | Iterable[str],
    key: str | bytes | None = None,
    *,
    return_lookup: bool = False,
    prefix: str = "p_",
    length: int | None = 12,
) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """Replace ids with keyed-hash pseudonyms (HMAC-SHA256), consistently across tables.

    The same id and key always give the same pseudonym, so tables pseudonymised
    separately still join. Without the key the pseudonyms cannot be traced back.

    Parameters
    ----------
    df
        A table; it is not changed (a new one is returned).
    columns
        The id column(s) to replace, e.g. ``["sender", "recipient"]``.
    key
        The secret key; when omitted, the environment variable ``SOCIALHRM_PSEUDONYM_KEY``.
    return_lookup
        Also return a table ``pseudonym -> original`` (keep it as safe as the raw data).
    prefix, length
        Pseudonyms look like ``p_`` plus ``length`` hexadecimal characters (6-64).
        ``None`` chooses the length from the number of ids (:func:`pseudonym_length`),
        for short labels in a dashboard. Should two ids still get the same pseudonym,
        every pseudonym of this call is made longer until all differ: a collision never
        fails (tables pseudonymised apart then no longer join; a ``DataWarning`` says so).

    Returns
    -------
    pandas.DataFrame or (pandas.DataFrame, pandas.DataFrame)
        The pseudonymised copy, and the lookup table when asked for.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"sender": ["ann"], "recipient": ["bob"]})
    >>> out = pseudonymise(t, ["sender", "recipient"], key="secret")
    >>> out.loc[0, "sender"] == pseudonymise(t, "sender", key="secret").loc[0, "sender"]
    True
    """
    cols = [columns] if isinstance(columns, str) else list(columns)
    absent = [c for c in cols if c not in df.columns]
    if absent:
        raise DataError(_("pseudonymise: the table has no column(s) {absent}; it has "
                          "{have}.").format(absent=", ".join(map(repr, absent)),
                                            have=", ".join(map(repr, df.columns))))
    if length is not None and not 6 <= length <= 64:
        raise DataError(_("pseudonymise: length must be between 6 and 64 characters."))
    secret = _key_bytes(key)
    out = df.copy()
    originals = pd.unique(pd.concat([df[c] for c in cols]).dropna().astype(str))
    digests = {o: hmac.new(secret, o.encode("utf-8"), hashlib.sha256).hexdigest()
               for o in originals}
    size = pseudonym_length(len(digests)) if length is None else int(length)
    while len({d[:size] for d in digests.values()}) < len(digests):
        size += 1  # two ids share the first characters: longer pseudonyms for all
        if length is not None:
            warnings.warn(DataWarning(_("pseudonymise: {length} characters gave two ids the "
                                        "same pseudonym; {size} are used instead.").format(
                                            length=length, size=size)), stacklevel=2)
    mapping = {o: prefix + d[:size] for o, d in digests.items()}
    for c in cols:
        col = df[c]
        out[c] = col.astype("string").map(mapping).astype("string").where(col.notna(), pd.NA)
    if return_lookup:
        lookup = pd.DataFrame({"pseudonym": list(mapping.values()),
                               "original": list(mapping.keys())})
        return out, lookup
    return out
