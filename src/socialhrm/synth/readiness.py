"""Noordhaven's readiness survey: how ready its people say they are for Social HRM.

Generated after the rest of Noordhaven, from its own random stream
(``numpy.random.default_rng([seed, STREAM])``), so that adding it changed none of the other
tables. The planted story: **trust is low where the platform's adoption lagged** — the
department means of every precondition rise with the department's adoption share, trust most
steeply; the siloed department scores low on an open culture; people in Leeuwarden (far from
head office) feel less facilitated; people who posted on the platform are a little more
positive about everything.

Examples
--------
>>> from socialhrm.synth import generate
>>> wide = readiness_survey(generate())
>>> list(wide.columns[:3])
['respondent', 'R01', 'R02']
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

#: The constant that makes this table's random stream its own.
STREAM = 15
#: The day the survey closed (people employed then were invited).
READINESS_SURVEY_DAY = pd.Timestamp("2025-06-30")


def _items() -> list[tuple[str, str, bool]]:
    from socialhrm.readiness import READINESS_ITEMS

    return [(i, p, r) for i, p, _s, r in READINESS_ITEMS]


def department_adoption(people: pd.DataFrame, events: pd.DataFrame) -> pd.Series:
    """The share of each department's people who posted on the platform.

    Examples
    --------
    >>> from socialhrm.synth import generate
    >>> d = generate()
    >>> bool(department_adoption(d.people, d.events).between(0, 1).all())
    True
    """
    posted = set(events.loc[events["event"] == "platform_first_post", "person_id"])
    return people.assign(posted=people["person_id"].isin(posted)).groupby(
        "department")["posted"].mean()


def readiness_survey(data: Any) -> pd.DataFrame:
    """The readiness survey answered by Noordhaven's people (wide: one row per respondent).

    Parameters
    ----------
    data
        What :func:`socialhrm.synth.generate` returned (its ``seed`` seeds this table).

    Returns
    -------
    pandas.DataFrame
        ``respondent`` and one column per item (``R01`` ... ``R18``), answers 1-5 as given
        (reverse-scored items not yet turned around), ``<NA>`` for a skipped item.
    """
    rng = np.random.default_rng([int(data.seed), STREAM])
    people = data.people
    events = data.events
    exits = events[events["event"] == "exit"]
    left = set(exits.loc[pd.to_datetime(exits["timestamp"]) < READINESS_SURVEY_DAY,
                         "person_id"])
    hired = pd.to_datetime(people["hire_date"])
    roster = people[(hired <= READINESS_SURVEY_DAY) & ~people["person_id"].isin(left)]
    roster = roster.reset_index(drop=True)
    n = len(roster)
    adoption = department_adoption(people, events)
    span = adoption.max() - adoption.min()
    a = ((adoption - adoption.min()) / (span if span > 0 else 1)).reindex(
        roster["department"]).to_numpy()
    posted = set(events.loc[events["event"] == "platform_first_post", "person_id"])
    adopter = roster["person_id"].isin(posted).to_numpy().astype(float)
    dept = roster["department"].to_numpy()
    silo = (dept == "Finance").astype(float)
    far = (roster["location"] == "Leeuwarden").to_numpy().astype(float)
    friendly = np.isin(dept, ["HR", "Marketing & Communication"]).astype(float)
    dept_noise = {d: rng.normal(0, 0.3) for d in sorted(set(dept))}
    dn = np.array([dept_noise[d] for d in dept])
    means = {
        "management_support": 2.7 + 0.9 * a + 0.3 * friendly,
        "trust": 2.0 + 2.0 * a,
        "open_culture": 3.2 + 0.5 * a - 0.8 * silo,
        "ambassadors": 2.5 + 1.4 * a,
        "realistic_goals": 3.1 + 0.2 * a,
        "facilitation": 3.3 + 0.3 * a - 1.0 * far,
    }
    person = rng.normal(0, 0.4, n) + 0.35 * adopter + dn
    respond_p = np.where(roster["team"].isin(["Warehouse", "Front Office"]), 0.55, 0.78)
    responds = rng.random(n) < respond_p
    out = pd.DataFrame({"respondent": roster["person_id"].astype(str)})
    for item, pre, reverse in _items():
        offset = rng.normal(0, 0.2)
        agree = means[pre] + person + offset + rng.normal(0, 0.75, n)
        agree = np.clip(np.round(agree), 1, 5).astype(int)
        answer = 6 - agree if reverse else agree
        skipped = rng.random(n) < 0.02
        out[item] = pd.array(np.where(skipped, 0, answer), dtype="Int64")
        out.loc[skipped, item] = pd.NA
    out = out.loc[responds].sort_values("respondent").reset_index(drop=True)
    return out


def write_readiness(data: Any, folder: str | Path) -> str:
    """Write ``readiness.csv`` into ``folder`` and return its file name.

    Examples
    --------
    >>> import tempfile
    >>> from socialhrm.synth import generate
    >>> write_readiness(generate(), tempfile.mkdtemp())
    'readiness.csv'
    """
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    readiness_survey(data).to_csv(target / "readiness.csv", index=False, lineterminator="\n")
    return "readiness.csv"


def readiness_card(data: Any) -> str:
    """The data card's section on the readiness survey (Markdown), with measured figures.

    Examples
    --------
    >>> from socialhrm.synth import generate
    >>> readiness_card(generate()).startswith("## The readiness survey")
    True
    """
    from socialhrm.readiness import read_readiness, readiness_scores

    wide = readiness_survey(data)
    long = read_readiness(wide)
    scores = readiness_scores(long, data.people, by="department")
    trust = scores[scores["precondition"] == "trust"].set_index("group")["score"]
    adoption = department_adoption(data.people, data.events)
    common = [g for g in trust.index if g in adoption.index]
    corr = float(np.corrcoef(trust[common], adoption[common])[0, 1])
    lowest = ", ".join(trust.sort_values().index[:2])
    merged = ", ".join(scores.attrs["merged"]) or "none"
    return f"""## The readiness survey (readiness.csv)

**readiness.csv** — {len(wide)} respondents, one row each: `respondent` (person_id) and
`R01` … `R18`, the answers (1 strongly disagree … 5 strongly agree; empty: skipped) to the
statements of `socialhrm.readiness.readiness_instrument()`, three per precondition (management
support and example, trust in employees, open culture, ambassadors, realistic goals and
timelines, facilitation). Reverse-worded items are stored as answered;
`socialhrm.readiness.read_readiness` turns them around. The survey closed on
{READINESS_SURVEY_DAY.date()}; people employed then were invited, about three in four answered
(fewer on the warehouse floor and in the front office). Generated by
`socialhrm/synth/readiness.py` from its own random stream, after the other tables.

*Planted story (for trainers):* trust in employees is low where the platform's adoption
lagged. Each department's mean on every precondition rises with the share of its people who
posted on the platform, trust most steeply (correlation of the department trust score with
adoption: {corr:.2f}; lowest trust: {lowest}). The siloed department scores low on an open
culture, people in Leeuwarden feel less facilitated, and people who posted are a little more
positive about everything. Groups with fewer than 5 respondents are merged before any score
is shown (merged at the default minimum: {merged}).

"""
