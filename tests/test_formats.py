"""Real export formats: each reader on a small file written in that format, and its errors."""

from __future__ import annotations

import json
import mailbox
import zipfile
from email.message import EmailMessage

import networkx as nx
import pandas as pd
import pytest

from socialhrm.data import DataError, DataWarning, pseudonymise, read_people
from socialhrm.formats import (
    read_graph,
    read_mailbox,
    read_message_trace,
    read_slack_export,
    read_survey_wide,
    read_viva_p2p,
    write_graph,
)

KEY = "a long test secret"


def _mail(frm, to, date, cc=None, bcc=None, body="private text that is never read"):
    msg = EmailMessage()
    msg["From"] = frm
    msg["To"] = to
    if cc:
        msg["Cc"] = cc
    if bcc:
        msg["Bcc"] = bcc
    if date:
        msg["Date"] = date
    msg["Subject"] = "Budget 2025"
    msg.set_content(body)
    return msg


MAILS = [
    _mail("Ann de Vries <Ann@Noordhaven.nl>", "bob@noordhaven.nl, Cas <cas@noordhaven.nl>",
          "Tue, 04 Mar 2025 09:15:00 +0100", cc="dee@noordhaven.nl"),
    _mail("bob@noordhaven.nl", "ann@noordhaven.nl", "Wed, 05 Mar 2025 17:00:00 +0000",
          bcc="cas@noordhaven.nl"),
    _mail("cas@noordhaven.nl", "ann@noordhaven.nl", None),  # no date: skipped, counted
]


def _fill(box):
    for m in MAILS:
        box.add(m)
    box.flush()
    box.close()


def test_mbox_one_row_per_recipient_in_utc(tmp_path):
    path = tmp_path / "export.mbox"
    _fill(mailbox.mbox(path))
    with pytest.warns(DataWarning, match="1 message.*readable date"):
        log = read_mailbox(path, pseudonymise=False)
    assert sorted(zip(log["sender"], log["recipient"], log["field"], strict=True)) == [
        ("ann@noordhaven.nl", "bob@noordhaven.nl", "to"),
        ("ann@noordhaven.nl", "cas@noordhaven.nl", "to"),
        ("ann@noordhaven.nl", "dee@noordhaven.nl", "cc"),
        ("bob@noordhaven.nl", "ann@noordhaven.nl", "to"),
        ("bob@noordhaven.nl", "cas@noordhaven.nl", "bcc")]
    first = log[log["sender"] == "ann@noordhaven.nl"]["timestamp"].iloc[0]
    assert first == pd.Timestamp("2025-03-04 08:15:00")  # +01:00 -> UTC
    assert set(log["channel"]) == {"email"}
    assert "Subject" not in log.columns and "subject" not in log.columns


def test_maildir_and_fields_and_pseudonyms(tmp_path):
    folder = tmp_path / "Maildir"
    _fill(mailbox.Maildir(folder))
    with pytest.warns(DataWarning):
        log = read_mailbox(folder, fields=["to"], key=KEY)
    assert len(log) == 3 and not log["sender"].str.contains("@").any()
    expect = pseudonymise(pd.DataFrame({"a": ["ann@noordhaven.nl"]}), "a", key=KEY)["a"][0]
    assert expect in set(log["sender"])  # the same key gives the same pseudonym everywhere


def test_mailbox_errors_name_the_problem(tmp_path):
    with pytest.raises(DataError, match="no such file"):
        read_mailbox(tmp_path / "missing.mbox")
    (tmp_path / "plain").mkdir()
    with pytest.raises(DataError, match="not a Maildir"):
        read_mailbox(tmp_path / "plain")
    with pytest.raises(DataError, match="fields must be"):
        read_mailbox(tmp_path / "plain", fields=["from"])
    empty = tmp_path / "empty.mbox"
    mailbox.mbox(empty).close()
    with pytest.raises(DataError, match="no message"):
        read_mailbox(empty)


def _slack(root):
    (root / "general").mkdir(parents=True)
    (root / "random").mkdir()
    (root / "users.json").write_text(json.dumps([{"id": u, "name": u.lower()}
                                                 for u in ("U1", "U2", "U3")]))
    (root / "channels.json").write_text(json.dumps([{"id": "C1", "name": "general"},
                                                    {"id": "C2", "name": "random"}]))
    day = [
        {"type": "message", "user": "U1", "text": "Launch plan", "ts": "1738573200.000100",
         "thread_ts": "1738573200.000100", "reply_count": 2},
        {"type": "message", "user": "U2", "text": "Great <@U3|cas>!",
         "ts": "1738573300.000200", "thread_ts": "1738573200.000100",
         "parent_user_id": "U1"},
        {"type": "message", "user": "U3", "text": "me too", "ts": "1738573400.000300",
         "thread_ts": "1738573200.000100"},
        {"type": "message", "subtype": "bot_message", "text": "<@U1> reminder",
         "ts": "1738573500.0"},
    ]
    (root / "general" / "2025-02-03.json").write_text(json.dumps(day))
    (root / "random" / "2025-02-04.json").write_text("{not json")


def test_slack_export_folder_and_zip(tmp_path):
    _slack(tmp_path / "ws")
    with pytest.warns(DataWarning, match="not valid JSON"):
        log = read_slack_export(tmp_path / "ws", pseudonymise=False)
    got = sorted(zip(log["sender"], log["recipient"], log["kind"], strict=True))
    assert got == [("U2", "U1", "reply"), ("U2", "U3", "mention"), ("U3", "U1", "reply")]
    assert set(log["slack_channel"]) == {"general"} and set(log["channel"]) == {"chat"}
    assert log["timestamp"].min() == pd.Timestamp("2025-02-03 09:01:40.000200")
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zf:  # zipped with its top folder, as people do
        for p in (tmp_path / "ws").rglob("*.json"):
            zf.write(p, "Noordhaven Slack export/" + p.relative_to(tmp_path / "ws").as_posix())
    with pytest.warns(DataWarning):
        zipped = read_slack_export(archive, ties=["reply"], key=KEY)
    assert len(zipped) == 2 and not zipped["sender"].str.startswith("U").any()


def test_slack_export_errors(tmp_path):
    (tmp_path / "x").mkdir()
    with pytest.raises(DataError, match="channels.json"):
        read_slack_export(tmp_path / "x")
    bad = tmp_path / "x.zip"
    bad.write_bytes(b"not a zip")
    with pytest.raises(DataError, match="neither a folder nor a zip"):
        read_slack_export(bad)


VIVA = ("PrimaryCollaborator_PersonId,SecondaryCollaborator_PersonId,MetricDate,"
        "Diverse_tie_score,Diverse_tie_type,Strong_tie_score,Strong_tie_type,"
        "PrimaryCollaborator_Organization,SecondaryCollaborator_Organization,"
        "PrimaryCollaborator_LevelDesignation,SecondaryCollaborator_LevelDesignation\n"
        "P1,P2,2025-03-02,0.1,Low,0.9,Strong,HR,Sales,Manager,Staff\n"
        "P2,P3,2025-03-02,0.7,High,0.2,Weak,Sales,IT,Staff,Staff\n"
        "P1,P3,2025-03-09,0.3,Low,0.5,Medium,HR,IT,Manager,Staff\n")


def test_viva_p2p_people_and_ties(tmp_path):
    path = tmp_path / "p2p.csv"
    path.write_bytes(b"\xef\xbb\xbf" + VIVA.encode())  # Viva's CSV has a BOM
    people, ties = read_viva_p2p(path)
    assert people.set_index("person_id")["organization"].to_dict() == {
        "P1": "HR", "P2": "Sales", "P3": "IT"}
    assert ties["weight"].tolist() == [0.9, 0.2, 0.5]
    assert ties["timestamp"].dt.year.unique().tolist() == [2025]
    _, diverse = read_viva_p2p(path, weight="Diverse_tie_score")
    assert diverse["weight"].tolist() == [0.1, 0.7, 0.3]
    with pytest.raises(DataError, match="Nope"):
        read_viva_p2p(path, weight="Nope")
    broken = tmp_path / "q.csv"
    broken.write_text("PersonId,MetricDate\nP1,2025-03-02\n")
    with pytest.raises(DataError, match="PrimaryCollaborator_PersonId"):
        read_viva_p2p(broken)


def test_message_trace_both_forms(tmp_path):
    modern = tmp_path / "trace.csv"
    modern.write_text(
        '"Received","SenderAddress","RecipientAddress","Subject","Status","MessageId"\n'
        '"2025-03-04T09:15:00","Ann@x.nl","bob@x.nl","Secret","Delivered","<1@x>"\n'
        '"2025-03-04T10:00:00","ann@x.nl","cas@x.nl","Secret","Failed","<2@x>"\n')
    with pytest.warns(DataWarning, match="not delivered"):
        log = read_message_trace(modern, pseudonymise=False)
    assert log[["sender", "recipient"]].values.tolist() == [["ann@x.nl", "bob@x.nl"]]
    historical = tmp_path / "history.csv"
    text = ('"origin_timestamp_utc","sender_address","recipient_status","message_subject"\n'
            '"2025-03-04T09:15:00.000Z","ann@x.nl","bob@x.nl##Receive, Deliver;'
            'cas@x.nl##Receive, Deliver","Hello"\n')
    historical.write_bytes(text.encode("utf-16"))  # the historical report is UTF-16
    log2 = read_message_trace(historical, pseudonymise=False)
    assert sorted(log2["recipient"]) == ["bob@x.nl", "cas@x.nl"]
    other = tmp_path / "other.csv"
    other.write_text("a,b\n1,2\n")
    with pytest.raises(DataError, match="does not look like a message trace"):
        read_message_trace(other)


PEOPLE = read_people(pd.DataFrame({"person_id": ["NH1", "NH2", "NH3"],
                                   "name": ["Anna de Vries", "Bram Jansen", "Cas Smit"]}))


def test_survey_microsoft_forms_names_separated(tmp_path):
    path = tmp_path / "forms.csv"
    path.write_text("ID,Start time,Email,Name,Whom do you ask for advice?\n"
                    "1,3/4/25 9:00,a@x,Anna de Vries,Bram Jansen;cas smit;\n"
                    "2,3/4/25 9:05,b@x,Bram Jansen,Anna de Vries;Dirk Nobody;\n")
    with pytest.warns(DataWarning, match="Dirk Nobody"):
        noms = read_survey_wide(path, {"advice": "Whom do you ask for advice?"},
                                respondent="Name", people=PEOPLE, match="name")
    assert sorted(zip(noms["respondent"], noms["nominee"], strict=True)) == [
        ("NH1", "NH2"), ("NH1", "NH3"), ("NH2", "NH1")]


def test_survey_qualtrics_and_limesurvey_columns(tmp_path):
    qualtrics = tmp_path / "qualtrics.csv"
    qualtrics.write_text(
        "ResponseId,Q1_1,Q1_2,Q2_1\n"
        "Response ID,Advice - 1,Advice - 2,Trust - 1\n"
        '{""ImportId"":""_recordId""},{""ImportId"":""QID1_1""},'
        '{""ImportId"":""QID1_2""},{""ImportId"":""QID2_1""}\n'
        "NH1,NH2,NH3,NH2\nNH2,NH1,,\n")
    noms = read_survey_wide(qualtrics, {"advice": "Q1", "trust": "Q2"}, respondent="ResponseId",
                            people=PEOPLE)
    assert sorted(zip(noms["respondent"], noms["nominee"], noms["relation"], strict=True)) == [
        ("NH1", "NH2", "advice"), ("NH1", "NH2", "trust"), ("NH1", "NH3", "advice"),
        ("NH2", "NH1", "advice")]
    lime = pd.DataFrame({"token": ["NH3"], "advice[SQ001]": ["NH1"], "advice[SQ002]": ["NH2"]})
    assert len(read_survey_wide(lime, {"advice": "advice"}, respondent="token")) == 2
    with pytest.raises(DataError, match="no column for question"):
        read_survey_wide(lime, {"advice": "Q9"}, respondent="token")
    with pytest.raises(DataError, match="respondent column"):
        read_survey_wide(lime, {"advice": "advice"}, respondent="Respondent")


@pytest.mark.parametrize("suffix", [".graphml", ".gexf", ".net"])
def test_graph_files_round_trip(tmp_path, suffix):
    G = nx.DiGraph()
    G.add_edge("a", "b", weight=2.0)
    G.add_edge("b", "c", weight=1.0)
    path = tmp_path / f"g{suffix}"
    write_graph(G, path)
    H = read_graph(path)
    assert sorted(H.edges()) == [("a", "b"), ("b", "c")] and H.is_directed()
    assert H["a"]["b"]["weight"] == 2.0


def test_graph_export_merges_small_groups(tmp_path):
    G = nx.Graph()
    for i in range(12):
        G.add_node(f"p{i}", department="Board" if i < 2 else "Sales" if i < 7 else "IT")
    G.add_edges_from((f"p{i}", f"p{i + 1}") for i in range(11))
    path = tmp_path / "org.gexf"
    write_graph(G, path, min_group_size=5)
    seen = set(nx.get_node_attributes(read_graph(path), "department").values())
    assert "Board" not in seen and any("(<5)" in s for s in seen)


def test_graph_file_errors(tmp_path):
    with pytest.raises(DataError, match="unknown graph format"):
        write_graph(nx.Graph(), tmp_path / "g.txt")
    bad = tmp_path / "bad.graphml"
    bad.write_text("<graphml><node")
    with pytest.raises(DataError, match="not a readable graphml"):
        read_graph(bad)
