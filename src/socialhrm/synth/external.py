"""Noordhaven's outside world: employees' professional networks, alumni and applications.

Generated after (and from) the core tables of :mod:`socialhrm.synth.noordhaven`, with its own
random stream (``np.random.default_rng([seed, STREAM])``), so that adding or tuning these
tables never changes a byte of the others.

How the tables come about
-------------------------
1. **Alumni**: the people who left during the window (they keep their ``person_id`` and their
   ties in the message log) and earlier leavers (``ALU001``...), each with what they do now.
2. **External contacts**: every team shares a pool of outside contacts (clients, fellow
   engineers, recruiters ...) whose mix of segments follows the department; every person has
   a heavy-tailed (log-normal) network size and draws most of it from the team pool, the rest
   from the department pool and their own, personal contacts. Colleagues therefore overlap
   strongly: the largest networks sit in the same teams and reach the same people. Alumni are
   contacts of former colleagues and have their own outside contacts.
3. **Applications** since the referral programme started: one row per applicant and channel.
   Referral rows are exactly those of ``referrals.csv`` with the tie between referrer and
   candidate (strong: a friend or former colleague; weak: an acquaintance); hires of other
   channels are the current employees hired through them plus former hires who left within a
   year, in the numbers behind the retention figures of ``costs.csv``.

Planted stories (tested in ``tests/synth/test_external.py``)
------------------------------------------------------------
- A **quiet engineer** (few ties inside) whose personal network uniquely reaches engineering
  professionals: greedy maximum coverage picks them early, ranking by network size does not.
- **Sales North**, the team with the largest networks, largely reaches the same people:
  choosing ambassadors by size alone wastes reach.
- **Weak and strong ties** in referrals: strong-tie referrals are hired more often, but
  because there are many more weak ties, most referral hires come through weak ties
  (Granovetter, 1973).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from socialhrm.synth.noordhaven import (
    HIRE_CHANNELS,
    REFERRAL_PROGRAMME_START,
    STRUCTURE,
    WINDOW_START,
    Generated,
)

#: This module's own random stream: ``default_rng([seed, STREAM])``.
STREAM = 1307

#: The segments of outside contacts (``alumnus`` for former Noordhaven staff).
SEGMENTS = ("student", "engineering", "IT", "sales", "finance", "client", "recruiter",
            "other", "alumnus")

#: Mix of outside segments in each department's networks (shares; "alumnus" excluded).
_MIX = {
    "Board": {"client": 0.35, "finance": 0.2, "sales": 0.15, "recruiter": 0.1, "other": 0.2},
    "HR": {"recruiter": 0.35, "student": 0.2, "other": 0.25, "finance": 0.05, "sales": 0.15},
    "Sales": {"client": 0.5, "sales": 0.35, "other": 0.1, "recruiter": 0.05},
    "Marketing & Communication": {"other": 0.4, "sales": 0.25, "client": 0.15,
                                  "student": 0.15, "recruiter": 0.05},
    "Operations": {"engineering": 0.12, "client": 0.2, "other": 0.45, "sales": 0.15,
                   "student": 0.08},
    "IT": {"IT": 0.6, "engineering": 0.08, "student": 0.1, "other": 0.17, "recruiter": 0.05},
    "Finance": {"finance": 0.65, "other": 0.25, "recruiter": 0.05, "client": 0.05},
    "R&D": {"engineering": 0.5, "student": 0.15, "IT": 0.1, "client": 0.05, "other": 0.2},
    "Customer Service": {"client": 0.45, "other": 0.4, "sales": 0.1, "student": 0.05},
}
#: Median network size per department (log-normal around it), and a team with big networks.
_SIZE = {"Sales": 55, "Marketing & Communication": 45, "HR": 40, "Board": 60}
_DEFAULT_SIZE = 25
BIG_TEAM = "Sales North"
#: The quiet engineer's personal contacts: all engineering professionals nobody else knows.
QUIET_CONTACTS = 75
#: Channel -> (applicants per hire, mean days to hire) for channels other than referral.
_CHANNEL = {"job board": (12, 75), "social media": (8, 62), "agency": (4, 48),
            "campus": (7, 105)}
#: First-year retention the core generator aimed at (noordhaven._referrals); the former hires
#: below are the ones it counted, so that costs.csv's retention figures hold here too.
_FIRST_YEAR = {"referral": 0.9, "job board": 0.74, "social media": 0.76, "agency": 0.68,
               "campus": 0.8}
#: P(strong tie | hired) and P(strong tie | not hired) for referrals.
_STRONG = {True: 0.42, False: 0.2}


def _segment_draw(rng: np.random.Generator, dept: str, size: int) -> np.ndarray:
    mix = _MIX[dept]
    return rng.choice(list(mix), size=size, p=np.array(list(mix.values())) / sum(mix.values()))


def generate_external(data: Generated) -> dict[str, pd.DataFrame]:
    """The outside-world tables for generated Noordhaven data.

    Parameters
    ----------
    data
        What :func:`socialhrm.synth.generate` returned (its seed seeds this stream too).

    Returns
    -------
    dict of str to pandas.DataFrame
        ``contacts``, ``alumni`` and ``applications`` (see the data card); the planted
        roles are in ``data.planted`` afterwards (``quiet_engineer``, ``big_team``).

    Examples
    --------
    >>> from socialhrm.synth import generate
    >>> sorted(generate_external(generate()))
    ['alumni', 'applications', 'contacts']
    """
    rng = np.random.default_rng([data.seed, STREAM])
    people = data.people.set_index("person_id")
    exits = data.events.loc[data.events["event"] == "exit"]
    left = dict(zip(exits["person_id"], exits["timestamp"], strict=True))
    current = [p for p in people.index if p not in left]

    # 1. alumni: window leavers keep their id; earlier leavers get ALU ids
    rows = [(p, pd.Timestamp(t).strftime("%Y-%m-%d"), people.at[p, "department"],
             people.at[p, "team"]) for p, t in sorted(left.items())]
    n_old = 36
    depts = list(STRUCTURE)
    weights = np.array([2.5 if d == "R&D" else 1.0 for d in depts])
    for k in range(n_old):
        d = str(rng.choice(depts, p=weights / weights.sum()))
        teams = [t[0] for t in STRUCTURE[d]]
        day = REFERRAL_PROGRAMME_START - pd.Timedelta(days=int(rng.integers(-1400, 2500)))
        rows.append((f"ALU{k + 1:03d}", day.strftime("%Y-%m-%d"), d, str(rng.choice(teams))))
    alumni = pd.DataFrame(rows, columns=["alumnus_id", "left_date", "department", "team"])
    now = []
    for d in alumni["department"]:
        seg = _segment_draw(rng, d, 1)[0]
        now.append("engineering" if d == "R&D" and rng.random() < 0.6 else str(seg))
    alumni["now"] = now

    # 2. outside contacts: team pools, department pools, personal contacts
    counter = iter(range(1, 10**6))
    segment_of: dict[str, str] = {}

    def new_contacts(dept: str, n: int, segment: str | None = None) -> list[str]:
        segs = [segment] * n if segment else _segment_draw(rng, dept, n)
        out = []
        for s in segs:
            cid = f"EXT{next(counter):05d}"
            segment_of[cid] = str(s)
            out.append(cid)
        return out

    members: dict[tuple[str, str], list[str]] = {}
    for p in people.index:
        members.setdefault((people.at[p, "department"], people.at[p, "team"]), []).append(p)
    size = {}
    for p in people.index:
        d, t = people.at[p, "department"], people.at[p, "team"]
        median = 90 if t == BIG_TEAM else _SIZE.get(d, _DEFAULT_SIZE)
        size[p] = int(np.clip(rng.lognormal(np.log(median), 0.6), 4, 400))
    dept_pool = {d: new_contacts(d, 60) for d in (*STRUCTURE, "Board")}
    pairs: list[tuple[str, str]] = []
    for (d, t), team in sorted(members.items()):
        overlap = 0.85 if t == BIG_TEAM else 0.65
        pool = new_contacts(d, int(1.2 * np.median([size[p] for p in team])) + 5)
        for p in team:
            k_team = min(len(pool), int(round(overlap * size[p])))
            k_dept = int(round(0.1 * size[p]))
            k_own = max(0, size[p] - k_team - k_dept)
            chosen = list(rng.choice(pool, size=k_team, replace=False))
            chosen += list(rng.choice(dept_pool[d], size=min(k_dept, 60), replace=False))
            chosen += new_contacts(d, k_own)
            pairs += [(p, c) for c in chosen]
    # the quiet engineer: the R&D member (not a lead) with the fewest ties inside
    ties = (data.interactions.assign(a=data.interactions[["sender", "recipient"]].min(axis=1),
                                     b=data.interactions[["sender", "recipient"]].max(axis=1))
            [["a", "b"]].drop_duplicates())
    degree = pd.concat([ties["a"], ties["b"]]).value_counts()
    rd = people[(people["department"] == "R&D") & people["level"].isin(["junior", "medior"])
                & people["team"].isin(["Lab", "Product Development"])]
    rd = rd[[p in current and p not in data.planted.values() for p in rd.index]]
    quiet = min(rd.index, key=lambda p: (int(degree.get(p, 0)), p))
    pairs = [(p, c) for p, c in pairs if p != quiet]
    pairs += [(quiet, c) for c in new_contacts("R&D", QUIET_CONTACTS, "engineering")]
    pairs += [(quiet, c) for c in new_contacts("R&D", 6)]
    # alumni: contacts of former colleagues, with their own outside network
    for a in alumni.itertuples():
        same = [p for p in members.get((a.department, a.team), []) if p in current]
        dept = [p for (d, _), ms in members.items() if d == a.department for p in ms
                if p in current]
        k = int(rng.integers(2, 7))
        picks = list(rng.choice(same, size=min(len(same), k), replace=False)) if same else []
        picks += list(rng.choice(dept, size=2, replace=False))
        segment_of[a.alumnus_id] = "alumnus"
        pairs += [(str(p), a.alumnus_id) for p in dict.fromkeys(picks)]
        if not a.alumnus_id.startswith("NH"):
            n_own = int(np.clip(rng.lognormal(np.log(30), 0.5), 5, 150))
            segs = np.where(rng.random(n_own) < 0.6, a.now,
                            _segment_draw(rng, a.department, n_own))
            for s in segs:
                pairs += [(a.alumnus_id, new_contacts(a.department, 1, str(s))[0])]
    contacts = pd.DataFrame(pairs, columns=["person_id", "contact_id"]).drop_duplicates()
    contacts["segment"] = contacts["contact_id"].map(segment_of)
    contacts = contacts.sort_values(["person_id", "contact_id"]).reset_index(drop=True)
    data.planted["quiet_engineer"] = quiet
    data.planted["big_team"] = BIG_TEAM

    # 3. applications since the referral programme started
    applications = _applications(data, rng)
    return {"contacts": contacts, "alumni": alumni, "applications": applications}


def _applications(data: Generated, rng: np.random.Generator) -> pd.DataFrame:
    people = data.people.set_index("person_id")
    hire = pd.to_datetime(people["hire_date"])
    year_before = WINDOW_START - pd.Timedelta(days=365)
    levels = ["junior", "medior", "senior"]
    rows = []
    ref = data.referrals
    for r in ref.itertuples():
        hired = r.hired in (True, "True")
        strong = rng.random() < _STRONG[hired]
        hire_day = pd.Timestamp(r.hire_date) if hired else pd.NaT
        applied = pd.Timestamp(r.referral_date)
        level = (people.at[r.person_id, "level"] if isinstance(r.person_id, str) and r.person_id
                 else str(rng.choice(levels, p=[0.4, 0.4, 0.2])))
        rows.append(("referral", r.department, level, applied, hired, hire_day,
                     r.person_id if isinstance(r.person_id, str) else "", r.candidate,
                     r.referrer, "strong" if strong else "weak",
                     r.still_employed_1y if isinstance(r.still_employed_1y, str) else ""))
    since = hire >= REFERRAL_PROGRAMME_START
    for c in HIRE_CHANNELS:
        if c == "referral":
            continue
        per_hire, mean_days = _CHANNEL[c]
        hires = people[since & (people["hire_channel"] == c)]
        stayed = int((hire[hires.index] <= year_before).sum())
        n_left = int(round(stayed * (1 - _FIRST_YEAR[c]) / _FIRST_YEAR[c])) if len(hires) else 0
        hired_rows = [(p, hire[p], people.at[p, "department"], people.at[p, "level"],
                       "True" if hire[p] <= year_before else "") for p in hires.index]
        for _ in range(n_left):
            h = REFERRAL_PROGRAMME_START + pd.Timedelta(days=int(rng.integers(0, 1200)))
            hired_rows.append(("", h, str(rng.choice(list(STRUCTURE))),
                               str(rng.choice(levels, p=[0.4, 0.4, 0.2])), "False"))
        for pid, h, dept, level, stayed_1y in hired_rows:
            days = max(10, int(round(rng.gamma(4.0, mean_days / 4.0))))
            rows.append((c, dept, level, h - pd.Timedelta(days=days), True, h, pid, "", "", "",
                         stayed_1y))
        for _ in range(int(round(len(hired_rows) * (per_hire - 1)))):
            d = REFERRAL_PROGRAMME_START + pd.Timedelta(days=int(rng.integers(0, 1600)))
            rows.append((c, str(rng.choice(list(STRUCTURE))),
                         str(rng.choice(levels, p=[0.4, 0.4, 0.2])), d, False, pd.NaT, "", "",
                         "", "", ""))
    out = pd.DataFrame(rows, columns=["channel", "department", "level", "applied_date", "hired",
                                      "hire_date", "person_id", "candidate", "referrer",
                                      "tie_strength", "still_employed_1y"])
    out["time_to_hire_days"] = (out["hire_date"] - out["applied_date"]).dt.days.astype("Int64")
    out = out.sort_values(["applied_date", "channel", "candidate", "person_id"],
                          kind="stable").reset_index(drop=True)
    out.insert(0, "application_id", [f"APP{k:05d}" for k in range(1, len(out) + 1)])
    out["applied_date"] = out["applied_date"].dt.strftime("%Y-%m-%d")
    out["hire_date"] = out["hire_date"].dt.strftime("%Y-%m-%d")
    return out[["application_id", "channel", "department", "level", "applied_date", "hired",
                "hire_date", "time_to_hire_days", "person_id", "candidate", "referrer",
                "tie_strength", "still_employed_1y"]]


def write_external(tables: dict[str, pd.DataFrame], folder: str | object) -> list[str]:
    """Write the outside-world tables as CSV (UTF-8, Unix line ends) into ``folder``.

    Examples
    --------
    >>> import tempfile
    >>> write_external({"alumni": pd.DataFrame({"a": [1]})}, tempfile.mkdtemp())
    ['alumni.csv']
    """
    from pathlib import Path

    target = Path(str(folder))
    target.mkdir(parents=True, exist_ok=True)
    names = []
    for name, table in tables.items():
        table.to_csv(target / f"{name}.csv", index=False, lineterminator="\n")
        names.append(f"{name}.csv")
    return names


def datacard_section(data: Generated, tables: dict[str, pd.DataFrame]) -> str:
    """The data card's section on the outside world (Markdown), for trainers.

    Examples
    --------
    >>> from socialhrm.synth import generate
    >>> d = generate()
    >>> datacard_section(d, generate_external(d)).startswith("## The outside world")
    True
    """
    c, a, apps = tables["contacts"], tables["alumni"], tables["applications"]
    people = data.people.set_index("person_id")
    q = str(data.planted["quiet_engineer"])
    seg = c.drop_duplicates("contact_id")["segment"].value_counts()
    seg_line = ", ".join(f"{s} ({n:,})" for s, n in seg.items())
    size = c[c["person_id"].str.startswith("NH")].groupby("person_id").size()
    return f"""## The outside world: external networks, alumni and applications

Generated by `socialhrm.synth.external` with its own random stream (the tables above do not
change when it is tuned). For modules m07 (ambassadors) and m08 (referrals).

**contacts.csv** — {len(c):,} rows: `person_id` (an employee, or an alumnus for alumni's own
contacts) · `contact_id` (EXT00001…, pseudonymous; an alumnus's id when the contact is a
former colleague) · `segment` ({", ".join(SEGMENTS)}). Distinct contacts by segment:
{seg_line}. Network sizes are heavy-tailed (median {int(size.median())}, largest
{int(size.max())}); colleagues in one team share most of their outside contacts.

**alumni.csv** — {len(a)} former employees: `alumnus_id` (their `person_id` if they left in
the window, else ALU001…) · `left_date` · `department` · `team` · `now` (the segment they work
in now). Alumni keep their ties: they appear in `contacts.csv` as contacts of former
colleagues, and with their own outside contacts.

**applications.csv** — {len(apps):,} applications since {REFERRAL_PROGRAMME_START.date()}:
`application_id` · `channel` · `department` · `level` (of the job) · `applied_date` · `hired`
· `hire_date` · `time_to_hire_days` · `person_id` (if the hire still works here) ·
`candidate`, `referrer`, `tie_strength` (strong or weak; for referrals, the same rows as
`referrals.csv`) · `still_employed_1y` (empty when not hired or hired less than a year before
{WINDOW_START.date()}). First-year retention per channel equals the `retention` rows of
`costs.csv`.

Planted stories (tested in `tests/synth/test_external.py`):

8. **A quiet engineer with a unique reach**: {people.at[q, "name"]} ({q},
   {people.at[q, "level"]}, {people.at[q, "team"]}) has few ties inside but {QUIET_CONTACTS}
   engineering professionals in their own network whom nobody else knows; a maximum-coverage
   choice of ambassadors for engineers picks them early, a choice by network size does not.
9. **Big networks that overlap**: the {BIG_TEAM} team has the largest outside networks, but
   its members mostly know the same people; ambassadors chosen by size alone waste reach.
10. **Weak and strong ties**: a referral of someone the referrer knows well is hired more
   often; yet most referral hires come through weak ties, simply because there are more of
   them (Granovetter, 1973).
"""
