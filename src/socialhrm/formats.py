"""Readers for the collaboration exports researchers really have, into the kit's tidy tables.

Each reader turns one real export format into the kit's own tables and then passes them
through the data gate (:mod:`socialhrm.data`), so everything after it is the same as for a CSV:

==============================  =========================================================
:func:`read_mailbox`            an mbox file or a Maildir folder (headers only: From, To,
                                Cc, Bcc, Date; the body is never read)
:func:`read_slack_export`       a Slack workspace export (folder or zip): replies and
                                mentions as ties, per channel
:func:`read_viva_p2p`           a Microsoft Viva Insights person-to-person query (CSV)
:func:`read_message_trace`      a Microsoft 365 (Exchange Online) message trace (CSV)
:func:`read_survey_wide`        an ONA survey in wide form, one row per respondent, as
                                Microsoft Forms, Qualtrics or LimeSurvey write it
:func:`read_graph`              GraphML, GEXF or Pajek, through networkx
:func:`write_graph`             the same formats out, with small groups merged first
==============================  =========================================================

E-mail addresses and chat user ids are personal data: the mail and chat readers replace them
by keyed pseudonyms (:func:`socialhrm.data.pseudonymise`) unless ``pseudonymise=False``.

Examples
--------
>>> import mailbox, tempfile, pathlib
>>> from email.message import EmailMessage
>>> path = pathlib.Path(tempfile.mkdtemp()) / "inbox.mbox"
>>> box = mailbox.mbox(path)
>>> msg = EmailMessage()
>>> msg["From"], msg["To"] = "ann@example.org", "bob@example.org"
>>> msg["Date"] = "Tue, 04 Mar 2025 09:15:00 +0100"
>>> _ = box.add(msg); box.flush(); box.close()
>>> read_mailbox(path, pseudonymise=False)[["sender", "recipient", "field"]].values.tolist()
[['ann@example.org', 'bob@example.org', 'to']]
"""

from __future__ import annotations

import email.utils
import json
import mailbox
import os
import re
import warnings
import zipfile
from collections.abc import Iterable, Mapping
from email.parser import BytesHeaderParser
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd

from socialhrm.data import (
    DataError,
    DataWarning,
    pseudonymise,
    read_csv_table,
    read_interactions,
)
from socialhrm.i18n import _

__all__ = [
    "read_graph",
    "read_mailbox",
    "read_message_trace",
    "read_slack_export",
    "read_survey_wide",
    "read_viva_p2p",
    "write_graph",
]

PathLike = str | os.PathLike


def _path(source: PathLike, what: str) -> Path:
    path = Path(source).expanduser()
    if not path.exists():
        raise DataError(_("{what} ({path}): there is no such file or folder.\n  What to do: "
                          "check the path; it is read relative to {cwd}.").format(
                              what=what, path=path, cwd=Path.cwd()))
    return path


def _pseudonymised(table: pd.DataFrame, columns: list[str], pseudonymise_ids: bool,
                   key: str | bytes | None) -> pd.DataFrame:
    if not pseudonymise_ids or table.empty:
        return table
    return pseudonymise(table, columns, key=key)


def _addresses(values: Iterable[str]) -> list[str]:
    return [addr.strip().lower() for _name, addr in email.utils.getaddresses(list(values))
            if addr and "@" in addr]


# --------------------------------------------------------------------------------------------
# mail
# --------------------------------------------------------------------------------------------
def read_mailbox(source: PathLike, *, fields: Iterable[str] = ("to", "cc", "bcc"),
                 pseudonymise: bool = True, key: str | bytes | None = None,
                 people: pd.DataFrame | None = None) -> pd.DataFrame:
    """Read an mbox file or a Maildir folder into an interaction log, one row per recipient.

    Only the headers are parsed (``BytesHeaderParser``): the messages' bodies and
    attachments are never read.

    Parameters
    ----------
    source
        An mbox file, or a Maildir folder (with ``cur/``, ``new/``, ``tmp/``).
    fields
        Which recipient headers become ties: any of ``"to"``, ``"cc"``, ``"bcc"``.
    pseudonymise
        Replace the e-mail addresses by keyed pseudonyms (default); the key comes from
        ``key`` or ``SOCIALHRM_PSEUDONYM_KEY``.
    key
        The pseudonymisation key.
    people
        A people table (:func:`socialhrm.data.read_people`) with the same (pseudonymised)
        ids; messages of unknown people are dropped with a warning, as for any log.

    Returns
    -------
    pandas.DataFrame
        The interaction log of :func:`socialhrm.data.read_interactions` (``sender``,
        ``recipient``, ``timestamp`` in UTC, ``channel`` = ``"email"``, ``weight``) plus
        ``field`` (to/cc/bcc) and ``message`` (its number in the mailbox).

    Warns
    -----
    DataWarning
        For messages without a sender, recipients or a readable date (they are skipped and
        counted).

    Examples
    --------
    See the module's example.
    """
    path = _path(source, _("mailbox"))
    wanted = {f.lower() for f in fields}
    unknown = wanted - {"to", "cc", "bcc"}
    if unknown:
        raise DataError(_("read_mailbox: fields must be to, cc and/or bcc, not {bad}.").format(
            bad=", ".join(sorted(unknown))))
    parser = BytesHeaderParser()
    if path.is_dir():
        if not all((path / sub).is_dir() for sub in ("cur", "new")):
            raise DataError(_("mailbox ({path}): this folder is not a Maildir (it has no "
                              "cur/ and new/ folders).\n  What to do: point at the Maildir "
                              "folder itself, or at an mbox file.").format(path=path.name))
        box: mailbox.Mailbox = mailbox.Maildir(path, factory=None, create=False)
    else:
        box = mailbox.mbox(path, create=False)
    rows: list[dict[str, Any]] = []
    skipped = {"sender": 0, "recipients": 0, "date": 0}
    try:
        for number, key_ in enumerate(box.iterkeys(), 1):
            with box.get_file(key_) as fh:
                head = parser.parse(fh)
            sender = _addresses(head.get_all("From", []))
            if not sender:
                skipped["sender"] += 1
                continue
            try:
                when = email.utils.parsedate_to_datetime(head.get("Date", ""))
            except (TypeError, ValueError, IndexError):
                when = None
            if when is None:
                skipped["date"] += 1
                continue
            stamp = pd.Timestamp(when)
            stamp = stamp.tz_convert("UTC").tz_localize(None) if stamp.tzinfo else stamp
            found = False
            for field in ("to", "cc", "bcc"):
                if field not in wanted:
                    continue
                for rcpt in _addresses(head.get_all(field.capitalize(), [])):
                    if rcpt != sender[0]:
                        rows.append({"sender": sender[0], "recipient": rcpt,
                                     "timestamp": stamp, "channel": "email", "field": field,
                                     "message": number})
                        found = True
            if not found:
                skipped["recipients"] += 1
    except (OSError, mailbox.Error, UnicodeError) as exc:
        raise DataError(_("mailbox ({path}): it could not be read ({problem}).\n  What to do: "
                          "export the mailbox again as mbox or Maildir.").format(
                              path=path.name, problem=exc)) from None
    finally:
        box.close()
    for why, n in skipped.items():
        if n:
            warnings.warn(_("mailbox ({path}): {n} message(s) skipped without a {why}.").format(
                path=path.name, n=n, why={"sender": _("sender"), "recipients": _("recipient"),
                                          "date": _("readable date")}[why]),
                DataWarning, stacklevel=2)
    table = pd.DataFrame(rows, columns=["sender", "recipient", "timestamp", "channel", "field",
                                        "message"])
    if table.empty:
        raise DataError(_("mailbox ({path}): no message with a sender, a recipient and a date "
                          "was found.\n  What to do: check that this is the right mailbox "
                          "export.").format(path=path.name))
    table = _pseudonymised(table, ["sender", "recipient"], pseudonymise, key)
    return read_interactions(table, people=people)


# --------------------------------------------------------------------------------------------
# Slack
# --------------------------------------------------------------------------------------------
_MENTION = re.compile(r"<@([A-Z0-9]+)(?:\|[^>]*)?>")


def _slack_files(path: Path) -> dict[str, bytes]:
    """``relative name -> bytes`` of every JSON file in a Slack export folder or zip."""
    files: dict[str, bytes] = {}
    if path.is_dir():
        for p in sorted(path.rglob("*.json")):
            files[p.relative_to(path).as_posix()] = p.read_bytes()
    else:
        try:
            with zipfile.ZipFile(path) as zf:
                for name in sorted(zf.namelist()):
                    if name.endswith(".json") and not name.startswith("__MACOSX"):
                        files[name] = zf.read(name)
        except zipfile.BadZipFile:
            raise DataError(_("Slack export ({path}): this is neither a folder nor a zip "
                              "file.\n  What to do: point at the export's zip file or the "
                              "folder it unpacks into.").format(path=path.name)) from None
    # an export zipped with its top folder: strip the common prefix
    tops = {name.split("/", 1)[0] for name in files if "/" in name}
    if "channels.json" not in files and len(tops) == 1:
        top = next(iter(tops)) + "/"
        files = {n[len(top):]: b for n, b in files.items() if n.startswith(top)}
    return files


def read_slack_export(source: PathLike, *, ties: Iterable[str] = ("reply", "mention"),
                      pseudonymise: bool = True, key: str | bytes | None = None,
                      people: pd.DataFrame | None = None) -> pd.DataFrame:
    """Read a Slack workspace export into an interaction log: replies and mentions as ties.

    A Slack export holds ``users.json``, ``channels.json`` and one folder per channel with a
    JSON file per day. A *reply* in a thread is a tie from the replier to the thread's
    author; a *mention* (``<@U123>``) is a tie from the author to the person mentioned.
    Message texts are read only to find mentions and are not kept.

    Parameters
    ----------
    source
        The export's zip file or the folder it unpacks into.
    ties
        Which ties to keep: ``"reply"`` and/or ``"mention"``.
    pseudonymise, key, people
        As for :func:`read_mailbox` (Slack user ids are pseudonymised by default).

    Returns
    -------
    pandas.DataFrame
        The interaction log (``channel`` = ``"chat"``) plus ``kind`` (reply/mention) and
        ``slack_channel`` (the channel's name).

    Examples
    --------
    >>> import json, tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> (root / "general").mkdir()
    >>> _ = (root / "channels.json").write_text(json.dumps([{"id": "C1", "name": "general"}]))
    >>> msgs = [{"type": "message", "user": "U1", "text": "hi <@U2>", "ts": "1738573200.0"}]
    >>> _ = (root / "general" / "2025-02-03.json").write_text(json.dumps(msgs))
    >>> read_slack_export(root, pseudonymise=False)[["sender", "recipient", "kind"]].values.tolist()
    [['U1', 'U2', 'mention']]
    """
    path = _path(source, _("Slack export"))
    kinds = set(ties)
    if not kinds <= {"reply", "mention"}:
        raise DataError(_("read_slack_export: ties must be reply and/or mention, not "
                          "{bad}.").format(bad=", ".join(sorted(kinds - {"reply", "mention"}))))
    files = _slack_files(path)
    if "channels.json" not in files:
        raise DataError(_("Slack export ({path}): there is no channels.json in it.\n  What to "
                          "do: use the workspace export as Slack makes it (Settings → Import/"
                          "export data), without renaming or removing files.").format(
                              path=path.name))
    try:
        channels = {c.get("name", c.get("id", "?")) for c in json.loads(files["channels.json"])}
    except (ValueError, AttributeError):
        raise DataError(_("Slack export ({path}): channels.json is not valid JSON.").format(
            path=path.name)) from None
    rows: list[dict[str, Any]] = []
    bad_files: list[str] = []
    for name, raw in files.items():
        folder, _sep, day = name.rpartition("/")
        if folder not in channels or not day.endswith(".json"):
            continue
        try:
            messages = json.loads(raw)
        except ValueError:
            bad_files.append(name)
            continue
        authors = {m.get("ts"): m.get("user") for m in messages if isinstance(m, dict)}
        for m in messages:
            if not isinstance(m, dict) or m.get("type") != "message" or not m.get("user"):
                continue
            try:  # "1738573200.000100": seconds and microseconds, without float rounding
                sec, _dot, frac = str(m["ts"]).partition(".")
                stamp = pd.Timestamp(int(sec), unit="s") + pd.Timedelta(
                    microseconds=int((frac + "000000")[:6]))
            except (KeyError, TypeError, ValueError):
                continue
            user = m["user"]
            if "reply" in kinds and m.get("thread_ts") and m.get("thread_ts") != m.get("ts"):
                parent = m.get("parent_user_id") or authors.get(m["thread_ts"])
                if parent and parent != user:
                    rows.append({"sender": user, "recipient": parent, "timestamp": stamp,
                                 "kind": "reply", "slack_channel": folder})
            if "mention" in kinds:
                for other in dict.fromkeys(_MENTION.findall(m.get("text") or "")):
                    if other != user:
                        rows.append({"sender": user, "recipient": other, "timestamp": stamp,
                                     "kind": "mention", "slack_channel": folder})
    if bad_files:
        warnings.warn(_("Slack export ({path}): {n} day file(s) are not valid JSON and were "
                        "skipped, e.g. {first}.").format(path=path.name, n=len(bad_files),
                                                         first=bad_files[0]),
                      DataWarning, stacklevel=2)
    table = pd.DataFrame(rows, columns=["sender", "recipient", "timestamp", "kind",
                                        "slack_channel"])
    if table.empty:
        raise DataError(_("Slack export ({path}): no replies or mentions between people were "
                          "found in {n} channel(s).\n  What to do: check that the export has "
                          "the channels' message files.").format(path=path.name,
                                                                  n=len(channels)))
    table.insert(3, "channel", "chat")
    table = _pseudonymised(table, ["sender", "recipient"], pseudonymise, key)
    return read_interactions(table, people=people)


# --------------------------------------------------------------------------------------------
# Microsoft exports
# --------------------------------------------------------------------------------------------
def _read_csv_any(path: Path, what: str) -> pd.DataFrame:
    """A CSV as Microsoft tools write it, through the data gate's one dialect detection.

    UTF-8 (with or without BOM), UTF-16 or Windows-1252; ``,`` ``;`` or tab; title rows
    skipped (see :func:`socialhrm.data.sniff_csv`). Cells are text, empty cells ``""``.
    """
    with open(path, "rb") as fh:
        head = fh.read(4)
    encoding = "utf-16" if head.startswith((b"\xff\xfe", b"\xfe\xff")) else None
    try:
        frame, _dialect = read_csv_table(path, what, encoding=encoding)
    except DataError as err:
        if encoding is not None or "cannot be decoded" not in str(err):
            raise
        frame, _dialect = read_csv_table(path, what, encoding="cp1252")
    return frame.fillna("")


def _require(frame: pd.DataFrame, columns: Iterable[str], what: str, path: Path) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise DataError(_("{what} ({path}): missing column(s) {missing}; it has {have}.\n  "
                          "What to do: export the query again with these columns, or rename "
                          "yours.").format(what=what, path=path.name,
                                           missing=", ".join(missing),
                                           have=", ".join(map(str, frame.columns[:12]))))


def read_viva_p2p(source: PathLike, *, weight: str | None = None,
                  people: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    r"""Read a Viva Insights person-to-person query: the ties and the people in it.

    The query has one row per pair and period, with ``PrimaryCollaborator_PersonId``,
    ``SecondaryCollaborator_PersonId``, ``MetricDate``, tie metrics (e.g.
    ``Strong_tie_score``) and the HR attributes of both, prefixed ``PrimaryCollaborator_``
    and ``SecondaryCollaborator_`` (e.g. ``..._Organization``). Viva Insights ids are
    already pseudonymised.

    Parameters
    ----------
    source
        The query's CSV export.
    weight
        The metric that becomes each tie's weight; default the first of
        ``Strong_tie_score``, ``Collaboration_hours``, ``Meeting_hours`` that is present,
        else every row counts 1.
    people
        A people table to use instead of the attributes in the query.

    Returns
    -------
    (pandas.DataFrame, pandas.DataFrame)
        The people table (:func:`socialhrm.data.read_people`: ``person_id`` and the HR
        attributes, e.g. ``organization``, ``leveldesignation``) and the interaction log
        (``timestamp`` = ``MetricDate``, ``channel`` = ``"collaboration"``, ``weight``).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "p2p.csv"
    >>> _ = p.write_text("PrimaryCollaborator_PersonId,SecondaryCollaborator_PersonId,MetricDate,"
    ...                  "Strong_tie_score,PrimaryCollaborator_Organization,"
    ...                  "SecondaryCollaborator_Organization\nA,B,2025-03-02,0.8,HR,Sales\n")
    >>> who, ties = read_viva_p2p(p)
    >>> sorted(who["person_id"]), ties["weight"].tolist()
    (['A', 'B'], [0.8])
    """
    from socialhrm.data import read_people

    path = _path(source, _("Viva Insights query"))
    what = _("Viva Insights person-to-person query")
    frame = _read_csv_any(path, what)
    a, b = "PrimaryCollaborator_PersonId", "SecondaryCollaborator_PersonId"
    _require(frame, [a, b], what, path)
    if weight is None:
        weight = next((c for c in ("Strong_tie_score", "Collaboration_hours", "Meeting_hours")
                       if c in frame.columns), None)
    elif weight not in frame.columns:
        _require(frame, [weight], what, path)
    ties = pd.DataFrame({"sender": frame[a], "recipient": frame[b]})
    ties["timestamp"] = frame["MetricDate"] if "MetricDate" in frame.columns else pd.NA
    ties["channel"] = "collaboration"
    if weight is not None:
        values = pd.to_numeric(frame[weight].str.replace(",", ".", regex=False),
                               errors="coerce")
        if values.isna().any():
            bad = values[values.isna()].index[:5]
            raise DataError(_("{what} ({path}): {col} is not a number on line(s) {lines}.").format(
                what=what, path=path.name, col=weight,
                lines=", ".join(str(i + 2) for i in bad)))
        ties["weight"] = values
    if people is None:
        attrs = sorted({c.split("_", 1)[1] for c in frame.columns
                        if c.startswith(("PrimaryCollaborator_", "SecondaryCollaborator_"))
                        and not c.endswith("_PersonId")})
        parts = []
        for side in ("PrimaryCollaborator_", "SecondaryCollaborator_"):
            cols = {side + "PersonId": "person_id"}
            cols.update({side + x: x.lower() for x in attrs if side + x in frame.columns})
            parts.append(frame[list(cols)].rename(columns=cols))
        who = pd.concat(parts).drop_duplicates("person_id", keep="first")
        people = read_people(who.reset_index(drop=True))
    if ties["timestamp"].isna().all():
        ties = ties.drop(columns="timestamp")
    return people, read_interactions(ties, people=people)


def read_message_trace(source: PathLike, *, delivered_only: bool = True,
                       pseudonymise: bool = True, key: str | bytes | None = None,
                       people: pd.DataFrame | None = None) -> pd.DataFrame:
    r"""Read a Microsoft 365 (Exchange Online) message trace into an interaction log.

    Both forms are read: the message trace of the admin centre and ``Get-MessageTrace``
    (``Received``, ``SenderAddress``, ``RecipientAddress``, ``Status``, ...), and the
    downloadable historical search report (``origin_timestamp_utc``, ``sender_address``,
    ``recipient_status`` as ``address##status;address##status``), which is UTF-16.
    Subjects are never kept.

    Parameters
    ----------
    source
        The CSV.
    delivered_only
        Keep only messages whose status says they were delivered (default).
    pseudonymise, key, people
        As for :func:`read_mailbox`.

    Returns
    -------
    pandas.DataFrame
        The interaction log, ``channel`` = ``"email"``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "trace.csv"
    >>> _ = p.write_text("Received,SenderAddress,RecipientAddress,Subject,Status\n"
    ...                  "2025-03-04T09:15:00,ann@x.nl,bob@x.nl,Hi,Delivered\n")
    >>> read_message_trace(p, pseudonymise=False)["recipient"].tolist()
    ['bob@x.nl']
    """
    path = _path(source, _("message trace"))
    what = _("message trace")
    frame = _read_csv_any(path, what)
    cols = {c.lower(): c for c in frame.columns}
    if "senderaddress" in cols:
        _require(frame, [cols.get("received", "Received"), cols["senderaddress"],
                         cols.get("recipientaddress", "RecipientAddress")], what, path)
        table = pd.DataFrame({"sender": frame[cols["senderaddress"]],
                              "recipient": frame[cols["recipientaddress"]],
                              "timestamp": frame[cols["received"]]})
        status = frame[cols["status"]] if "status" in cols else pd.Series("Delivered",
                                                                          index=frame.index)
    elif "sender_address" in cols:
        _require(frame, [cols.get("origin_timestamp_utc", "origin_timestamp_utc"),
                         cols.get("recipient_status", "recipient_status")], what, path)
        rows = []
        for i, rec in frame.iterrows():
            for part in str(rec[cols["recipient_status"]]).split(";"):
                addr, _sep, state = part.partition("##")
                if addr.strip():
                    rows.append((i, rec[cols["sender_address"]], addr.strip(),
                                 rec[cols["origin_timestamp_utc"]], state))
        table = pd.DataFrame([r[1:4] for r in rows], columns=["sender", "recipient",
                                                              "timestamp"])
        status = pd.Series([r[4] for r in rows], index=table.index)
    else:
        raise DataError(_("{what} ({path}): this does not look like a message trace (no "
                          "SenderAddress or sender_address column).\n  What to do: download "
                          "the trace as CSV from the Exchange admin centre or with "
                          "Get-MessageTrace.").format(what=what, path=path.name))
    if delivered_only:
        keep = status.astype(str).str.contains("deliver", case=False)
        dropped = int((~keep).sum())
        if dropped:
            warnings.warn(_("{what} ({path}): {n} message(s) that were not delivered are "
                            "left out.").format(what=what, path=path.name, n=dropped),
                          DataWarning, stacklevel=2)
        table = table[keep.to_numpy()]
    table = table.assign(sender=table["sender"].str.strip().str.lower(),
                         recipient=table["recipient"].str.strip().str.lower(),
                         channel="email").reset_index(drop=True)
    table = _pseudonymised(table, ["sender", "recipient"], pseudonymise, key)
    return read_interactions(table, people=people)


# --------------------------------------------------------------------------------------------
# ONA surveys in wide form
# --------------------------------------------------------------------------------------------
def _question_columns(frame: pd.DataFrame, question: str) -> list[str]:
    if question in frame.columns:
        return [question]
    pattern = re.compile(rf"^{re.escape(question)}(?:_\d+|\[[^\]]+\]|\.\d+|_[A-Za-z0-9]+)$")
    return [c for c in frame.columns if pattern.match(str(c))]


def read_survey_wide(source: PathLike | pd.DataFrame, questions: Mapping[str, str], *,
                     respondent: str, people: pd.DataFrame | None = None,
                     match: str = "id", separator: str = ";") -> pd.DataFrame:
    """Read an ONA survey in wide form into nominations: one row per respondent and nominee.

    Survey tools write a name-generator question in one of two ways, both read here:

    - one column per answer slot: Qualtrics ``Q1_1, Q1_2, ...``, LimeSurvey
      ``advice[SQ001], advice[SQ002], ...``;
    - one column with all chosen names, separated: Microsoft Forms' multiple choice
      (``"Anna de Vries;Bram Jansen;"``).

    Qualtrics' two extra header rows (the question texts and ``{"ImportId": ...}``) are
    recognised and skipped.

    Parameters
    ----------
    source
        The export (CSV or Excel) or a DataFrame.
    questions
        ``relation -> column or column prefix``, e.g. ``{"advice": "Q1", "trust": "Q2"}``.
    respondent
        The column that identifies the respondent (an id, or a name with ``match="name"``).
    people
        The people table; needed when ``match="name"``.
    match
        ``"id"``: the answers are person ids; ``"name"``: they are names, matched to
        ``people["name"]`` (case and spaces ignored; unknown names are reported).
    separator
        Between names in one cell.

    Returns
    -------
    pandas.DataFrame
        The nominations table of :func:`socialhrm.data.read_nominations`.

    Examples
    --------
    >>> wide = pd.DataFrame({"ResponseId": ["a", "b"], "Q1_1": ["b", "a"], "Q1_2": ["c", ""]})
    >>> read_survey_wide(wide, {"advice": "Q1"}, respondent="ResponseId").values.tolist()
    [['a', 'b', 'advice', 1.0], ['a', 'c', 'advice', 1.0], ['b', 'a', 'advice', 1.0]]
    """
    from socialhrm.data import read_nominations

    if isinstance(source, pd.DataFrame):
        frame, label = source.copy(), _("the DataFrame you passed")
    else:
        path = _path(source, _("survey export"))
        label = path.name
        if path.suffix.lower() in {".xlsx", ".xlsm"}:
            frame = pd.read_excel(path, dtype=str).fillna("")
        else:
            frame = _read_csv_any(path, _("survey export"))
    frame = frame.astype(object).where(frame.notna(), "")
    if len(frame) >= 2 and frame.iloc[:2].astype(str).apply(
            lambda col: col.str.contains('"ImportId"')).any().any():
        frame = frame.iloc[2:].reset_index(drop=True)  # Qualtrics' extra header rows
    what = _("survey export ({label})").format(label=label)
    if respondent not in frame.columns:
        raise DataError(_("{what}: no respondent column {col!r}; it has {have}.").format(
            what=what, col=respondent, have=", ".join(map(str, frame.columns[:12]))))
    if match not in {"id", "name"}:
        raise DataError(_("read_survey_wide: match must be 'id' or 'name', not {m!r}.").format(
            m=match))
    lookup: dict[str, str] = {}
    if match == "name":
        if people is None or "name" not in people.columns:
            raise DataError(_("{what}: match='name' needs a people table with a name "
                              "column.").format(what=what))
        lookup = {" ".join(str(n).lower().split()): str(p)
                  for p, n in zip(people["person_id"], people["name"], strict=True)}
    rows, unknown = [], set()

    def person(value: str) -> str | None:
        value = " ".join(str(value).split())
        if not value:
            return None
        if match == "id":
            return value
        found = lookup.get(value.lower())
        if found is None:
            unknown.add(value)
        return found

    for relation, question in questions.items():
        cols = _question_columns(frame, question)
        if not cols:
            raise DataError(_("{what}: no column for question {q!r} ({rel}); columns are "
                              "{have}.").format(what=what, q=question, rel=relation,
                                                have=", ".join(map(str, frame.columns[:12]))))
        for _i, rec in frame.iterrows():
            who = person(rec[respondent])
            if who is None:
                continue
            for col in cols:
                for name in str(rec[col]).split(separator):
                    nominee = person(name)
                    if nominee is not None and nominee != who:
                        rows.append((who, nominee, relation))
    if unknown:
        shown = ", ".join(sorted(unknown)[:5])
        warnings.warn(_("{what}: {n} name(s) match nobody in the people table and are left "
                        "out: {names}.").format(what=what, n=len(unknown), names=shown),
                      DataWarning, stacklevel=2)
    table = pd.DataFrame(rows, columns=["respondent", "nominee", "relation"]).drop_duplicates()
    if table.empty:
        raise DataError(_("{what}: no nominations were found in the answers.").format(
            what=what))
    return read_nominations(table.reset_index(drop=True), people=people)


# --------------------------------------------------------------------------------------------
# graph files
# --------------------------------------------------------------------------------------------
_GRAPH_FORMATS = {".graphml": "graphml", ".gexf": "gexf", ".net": "pajek", ".paj": "pajek"}


def _format(path: Path, fmt: str | None) -> str:
    fmt = fmt or _GRAPH_FORMATS.get(path.suffix.lower())
    if fmt not in {"graphml", "gexf", "pajek"}:
        raise DataError(_("{path}: unknown graph format; use a .graphml, .gexf or .net file, "
                          "or say format='graphml'|'gexf'|'pajek'.").format(path=path.name))
    return fmt


def read_graph(source: PathLike, *, format: str | None = None) -> nx.Graph:  # noqa: A002
    """Read a GraphML, GEXF or Pajek file into a networkx graph with string person ids.

    Parameters
    ----------
    source
        The file; the format follows from its ending unless ``format`` is given.
    format
        ``"graphml"``, ``"gexf"`` or ``"pajek"``.

    Returns
    -------
    networkx.Graph or networkx.DiGraph
        Node ids as text (so they join with a people table); Pajek's multigraph is folded
        into a simple graph whose ``weight`` sums the parallel ties.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.graphml"
    >>> write_graph(nx.DiGraph([(1, 2)]), p)
    >>> list(read_graph(p).edges())
    [('1', '2')]
    """
    path = _path(source, _("graph file"))
    fmt = _format(path, format)
    try:
        if fmt == "graphml":
            G = nx.read_graphml(path)
        elif fmt == "gexf":
            G = nx.read_gexf(path)
        else:
            M = nx.read_pajek(path)
            G = nx.DiGraph() if M.is_directed() else nx.Graph()
            G.add_nodes_from(M.nodes(data=True))
            for u, v, d in M.edges(data=True):
                w = float(d.get("weight", 1.0))
                if G.has_edge(u, v):
                    G[u][v]["weight"] += w
                else:
                    G.add_edge(u, v, weight=w)
    except (nx.NetworkXError, ValueError, KeyError, SyntaxError) as exc:
        raise DataError(_("{path}: not a readable {fmt} file ({problem}).").format(
            path=path.name, fmt=fmt, problem=str(exc)[:200])) from None
    except Exception as exc:  # noqa: BLE001 - XML parsers raise their own error types
        if type(exc).__name__ in {"ParseError", "ExpatError"}:
            raise DataError(_("{path}: not a readable {fmt} file ({problem}).").format(
                path=path.name, fmt=fmt, problem=str(exc)[:200])) from None
        raise
    return nx.relabel_nodes(G, {n: str(n) for n in G}, copy=True)


def write_graph(G: nx.Graph, target: PathLike, *, format: str | None = None,  # noqa: A002
                by: Iterable[str] | None = None, min_group_size: int | None = None) -> None:
    """Write a graph as GraphML, GEXF or Pajek, with small groups merged first.

    Group attributes (by default ``department``, ``team``, ``location`` and ``level``,
    where present) pass through the privacy gate (:func:`socialhrm.privacy.protect_graph`)
    before writing, so a group below the minimum size cannot be rebuilt from the file.
    Attribute values other tools cannot store (lists, missing values) are written as text.

    Parameters
    ----------
    G
        The graph.
    target
        The file to write; the format follows from its ending unless ``format`` is given.
    format
        ``"graphml"``, ``"gexf"`` or ``"pajek"``.
    by
        The group attributes to protect (``()`` for none).
    min_group_size
        See :func:`socialhrm.privacy.resolve_min_group_size`.

    Examples
    --------
    See :func:`read_graph`.
    """
    from socialhrm.privacy import protect_graph

    path = Path(target).expanduser()
    fmt = _format(path, format)
    groups = (["department", "team", "location", "level"] if by is None else list(by))
    H = G
    for attr in groups:
        if any(attr in d for _n, d in H.nodes(data=True)):
            H = protect_graph(H, attr, min_group_size)
    H = H.copy()
    H.graph = {}
    for _n, d in H.nodes(data=True):
        for k, v in list(d.items()):
            if v is None or (isinstance(v, float) and pd.isna(v)):
                d[k] = ""
            elif not isinstance(v, str | int | float | bool):
                d[k] = str(v)
    for _u, _v, d in H.edges(data=True):
        for k, v in list(d.items()):
            if not isinstance(v, str | int | float | bool):
                d[k] = str(v)
    if fmt == "graphml":
        nx.write_graphml(H, path)
    elif fmt == "gexf":
        nx.write_gexf(H, path)
    else:
        P = nx.relabel_nodes(H, {n: str(n) for n in H})
        for _n, d in P.nodes(data=True):
            d.clear()
        nx.write_pajek(P, path)
