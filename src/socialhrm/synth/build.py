"""Write the Noordhaven files: the CSV tables and the data card with measured figures."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from socialhrm.synth.external import datacard_section, generate_external, write_external
from socialhrm.synth.figures import FIGURE_RANGES, figures_table, measure
from socialhrm.synth.noordhaven import (
    DEFAULT_SEED,
    HOLIDAYS,
    PLATFORM_LAUNCH,
    SURVEY_START,
    WINDOW_END,
    WINDOW_START,
    Generated,
    generate,
    write,
)
from socialhrm.synth.readiness import readiness_card, write_readiness


def _fmt(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:.3f}"


def datacard(data: Generated, figures: dict[str, float]) -> str:
    """The data card (Markdown) for generated data and its measured figures.

    Parameters
    ----------
    data
        What :func:`socialhrm.synth.generate` returned.
    figures
        What :func:`socialhrm.synth.measure` returned for it.

    Returns
    -------
    str
        The text of ``datacard.md``.

    Examples
    --------
    >>> from socialhrm.synth import generate, measure
    >>> d = generate()
    >>> datacard(d, measure(d.tables(), d.planted)).startswith("# Noordhaven")
    True
    """
    people = data.people.set_index("person_id")
    pl = data.planted

    def who(role: str) -> str:
        pid = str(pl[role])
        row = people.loc[pid]
        return f"{row['name']} ({pid}, {row['level']}, {row['team']}, {row['department']})"

    fig = figures_table(figures)
    fig_lines = "\n".join(
        f"| `{r.figure}` | {_fmt(r.value)} | {_fmt(r.low)} – {_fmt(r.high)} | {r.meaning} |"
        for r in fig.itertuples())
    costs = "\n".join(f"| {r.category} | {r.item} | {r.value:g} | {r.unit} | {r.source} |"
                      for r in data.costs.itertuples())
    holidays = "; ".join(f"{d}: {name}" for d, name in HOLIDAYS.items())
    depts = data.people["department"].value_counts().sort_index()
    dept_line = ", ".join(f"{d} ({n})" for d, n in depts.items())
    locs = data.people["location"].value_counts()
    loc_line = ", ".join(f"{d} ({n})" for d, n in locs.items())
    n_resp = data.nominations["respondent"].nunique()
    return f"""# Noordhaven — a synthetic organisation for learning ONA

**What it is.** Noordhaven B.V. is a fictional Dutch maker of water-technology equipment
(pumps, filters, controllers) with {len(data.people)} people in three cities: {loc_line}.
Departments: {dept_line}. Nobody in it is real: names are random combinations of common
given and family names in the Netherlands, so lessons may show them freely. Every lesson,
exercise and dashboard of Social HRM Lab runs on it.

**How it was made.** By `socialhrm.synth.generate(seed={data.seed})` — one seeded numpy
random generator, no hand-placed ties. Regenerate with `python -m socialhrm.synth`; a test
checks that the result equals these files byte for byte. The mechanisms, in order:

1. *Formal organisation*: a CEO, a management team of department directors, teams with a
   team lead (one self-steering team without), levels, hire dates (employee numbers follow
   hire date), hiring channel, age band, FTE and remote days.
2. *Informal network* (who works with whom): a degree-corrected stochastic block model —
   every person has a heavy-tailed (log-normal) activity level and the chance of a tie grows
   with both people's activity and with homophily (same team ≫ same department > other
   department; same city > other city; some departments seek each other out more than
   others) — followed by three rounds of triadic closure (two contacts of one person meet,
   more easily when they share team or department) and the reporting lines.
3. *Interactions*: messages along the ties (Poisson, rate from tie strength and activity),
   direction by relative activity; channel by whether both sit in the same city; days drawn
   from a weekly rhythm (Friday quieter), none at weekends or on public holidays
   ({holidays}), 30% less in the May school holiday; part-timers do not send on their day
   off; nobody interacts before their hire date or after their exit.
4. *ONA survey* ({SURVEY_START.date()}, roster = people employed then): people who answer name
   colleagues they are tied to. Advice goes to strong ties, expertise (level), approachable
   people and one's own manager; trust to the strongest ties, mostly in one's team; new ideas
   to creative people (R&D, Marketing & Communication). Response depends on team (lower on the
   warehouse floor and the front office, higher in HR).
5. *Platform adoption*: the internal social platform launched on {PLATFORM_LAUNCH.date()} with
   two pilot teams; every week a person posts for the first time with a probability that grows
   with the share of their tie strength to people who already post (a contagion), scaled by how
   receptive their department is.
6. *Exits, referrals, expertise*: exit hazard higher for hires of under two years and for people
   with few ties, much lower for referral hires; referrals since the programme started in 2021
   (referrer chosen by number of ties, often in the vacancy's department); former hires who
   left within a year are added per channel so that first-year retention can be measured;
   self-declared topics from the person's department plus general skills.

## Tables (CSV, UTF-8, comma-separated, ISO 8601 dates)

**people.csv** — one row per person ({len(data.people)}).
`person_id` (NH0001…, by hire date) · `name` · `department` · `team` · `manager_id` (empty for
the CEO; the self-steering Technical Service team reports to the Operations director) ·
`location` (Groningen, Zwolle, Leeuwarden) · `level` (executive, director, manager, senior,
medior, junior) · `hire_date` · `age_band` (<25, 25-34, 35-44, 45-54, 55+) · `fte` (0.5–1.0) ·
`remote_days` (days a week working from home) · `hire_channel` (referral, job board,
social media, agency, campus).

**interactions.csv** — {len(data.interactions):,} rows, {WINDOW_START.date()} to
{(WINDOW_END - pd.Timedelta(days=1)).date()} (26 weeks).
`sender` · `recipient` · `timestamp` (local time, minutes) · `channel` (email, chat, meeting) ·
`weight` (1 for an email or chat message; for a meeting the length in hours, one row per
invitee with the organiser as sender).

**nominations.csv** — {len(data.nominations):,} answers from {n_resp} respondents.
`respondent` · `nominee` · `relation` (advice: "whom do you go to for advice on your work?";
trust: "whom would you trust with a sensitive problem?"; ideas: "whom do you go to with a new
idea?") · `strength` (1–5, "how often": 1 rarely … 5 daily). People who did not answer have
no rows as respondent but can be named.

**events.csv** — `person_id` · `timestamp` · `event`: `platform_first_post` (adoption),
`platform_first_reply` (first reply to someone else, after the first post for most), `exit`
(last working day, 17:00; the person stays in people.csv).

**referrals.csv** — one row per referred candidate since {2021}.
`referrer` (person_id) · `candidate` (CAND0001…) · `referral_date` · `department` (of the
vacancy) · `hired` (True/False) · `person_id` (the candidate's id if they still work here) ·
`hire_date` · `still_employed_1y` (True/False; empty when not hired or hired less than a
year before {WINDOW_START.date()}).

**expertise.csv** — `person_id` · `topic`: self-declared topics, 1–5 per person.

**costs.csv** — `category` · `item` · `value` · `unit` · `source`: assumptions for the
business case. Round teaching figures; the source column says where their order of magnitude
comes from. Replace them with your own organisation's figures before real use.

| category | item | value | unit | source |
|---|---|---|---|---|
{costs}

## Planted stories (and the mechanism behind each)

These are what the exercises ask learners to find; `tests/synth/` proves that the kit's own
functions find each of them.

1. **Informal central connectors who are not managers**: {who("connector_ops")} and
   {who("connector_sales")} — very active, approachable senior staff; they rank at the top of
   the advice network's in-degree, above most managers.
2. **A broker between two departments that barely talk**: R&D and Sales have almost no
   affinity for each other; {who("broker")} works with both (a second home in Sales) and ranks
   among the top three in betweenness in the advice network.
3. **A siloed department**: {pl["silo_department"]} has little appetite for other departments; its
   E-I index over message ties is the lowest of all departments.
4. **A manager bypassed in the advice network**: {who("bypassed_manager")} is rarely named for
   advice by their own team, who go to {who("expert")} instead; the interaction log looks
   normal, only the survey shows it.
5. **A key person whose exit would cut knowledge flow**: {who("key_person")} is the only
   outside contact of the self-steering Technical Service team in Leeuwarden and the only
   holder of the topic "{pl["key_topic"]}"; removing them cuts the team off in the advice
   network.
6. **Adoption through particular clusters**: the platform started in the pilot teams
   ({", ".join(pl["pilot_teams"])}) and spread through receptive, well-connected clusters
   (Marketing & Communication, HR, Sales) while Finance and Operations lag; almost every later
   adopter had a contact who posted before them.
7. **Referral hires stay longer**: first-year retention of referral hires is clearly higher
   than for any other channel (costs.csv, category retention) and referral hires leave less
   often in the window.

## Measured figures (recomputed by the tests from these files)

| figure | value | promised range | meaning |
|---|---|---|---|
{fig_lines}

{readiness_card(data)}## Limits

Synthetic data: the mechanisms are simple and the figures are chosen to look like published
ONA studies, not measured in a real organisation. Use it to learn methods, not to draw
conclusions about real workplaces. Cost figures are assumptions (see their sources).
"""


#: Sections of the full card that hold exercise answers: they go to the trainers' note.
TRAINER_SECTIONS = ("## Planted stories", "## Measured figures")
#: The trainers' note, next to the data card.
TRAINERS_FILE = "TRAINERS.md"


def _split_sections(text: str) -> list[str]:
    """The card cut before every ``## `` heading (the first part is the title and intro)."""
    parts, current = [], []
    for line in text.splitlines(keepends=True):
        if line.startswith("## ") and current:
            parts.append("".join(current))
            current = []
        current.append(line)
    parts.append("".join(current))
    return parts


def learner_card(full: str, figures: dict[str, float]) -> str:
    """The data card as learners read it: the full card without the exercises' answers.

    The planted stories are named by kind only, and the measured figures are listed with their
    promised range but without their value; both are in the trainers' note
    (:func:`trainers_note`).

    Examples
    --------
    >>> from socialhrm.synth import generate, measure
    >>> d = generate()
    >>> f = measure(d.tables(), d.planted)
    >>> card = learner_card(datacard(d, f), f)
    >>> str(d.planted["bypassed_manager"]) in card
    False
    """
    fig = figures_table(figures)
    rows = "\n".join(f"| `{r.figure}` | {_fmt(r.low)} – {_fmt(r.high)} | {r.meaning} |"
                     for r in fig.itertuples())
    replacement = {
        "## Planted stories": f"""## Planted stories

Noordhaven has stories planted in it for the lessons and exercises to find: people who are
central in the informal network, a broker between two departments, a siloed department, a team
that goes elsewhere for advice, a key person whose exit would hurt, clusters of early adopters
of the platform, and a hiring channel whose hires stay longer. Who and which are what the
exercises ask, so they are not listed here: trainers find them, with the measured figures, in
the trainers' note `{TRAINERS_FILE}` next to this card (learners: finding them yourself is the
point).
""",
        "## Measured figures": f"""## Measured figures (recomputed by the tests from these files)

The tests check that each figure lies in its promised range. Several are exercise answers, so
their values are in the trainers' note `{TRAINERS_FILE}`.

| figure | promised range | meaning |
|---|---|---|
{rows}
""",
    }
    out = []
    for part in _split_sections(full):
        head = next((h for h in TRAINER_SECTIONS if part.startswith(h)), None)
        out.append(replacement[head] + "\n" if head else part)
    return "".join(out).rstrip("\n") + "\n"


def trainers_note(full: str) -> str:
    """The trainers' note: the planted stories with their people, and the measured figures.

    Examples
    --------
    >>> from socialhrm.synth import generate, measure
    >>> d = generate()
    >>> note = trainers_note(datacard(d, measure(d.tables(), d.planted)))
    >>> str(d.planted["bypassed_manager"]) in note
    True
    """
    kept = [p for p in _split_sections(full) if p.startswith(TRAINER_SECTIONS)]
    return ("# Noordhaven — trainers' note (the answers: do not hand this to learners)\n\n"
            "The planted stories of `datacard.md` with the people behind them, and the measured "
            "figures\nwith their values. Several are what the exercises ask; the learners' data "
            "card leaves them out.\n\n" + "".join(kept).rstrip("\n") + "\n")


def regenerate(folder: str | Path | None = None, seed: int = DEFAULT_SEED,
               progress: Callable[[str], None] | None = None) -> Path:
    """Generate Noordhaven and write its CSV files, ``datacard.md`` and ``TRAINERS.md``.

    Parameters
    ----------
    folder
        Where to write; default the repository's ``datasets/noordhaven``.
    seed
        The random seed (the shipped data uses :data:`DEFAULT_SEED`).
    progress
        Called with a short message at each step (e.g. ``print``).

    Returns
    -------
    pathlib.Path
        The folder written.

    Examples
    --------
    >>> import tempfile
    >>> (regenerate(tempfile.mkdtemp()) / "datacard.md").exists()
    True
    """
    say = progress or (lambda _msg: None)
    if folder is None:
        from socialhrm.datasets import datasets_dir

        folder = datasets_dir(create=True) / "noordhaven"
    target = Path(folder)
    t0 = time.perf_counter()
    say(f"Generating Noordhaven (seed {seed}) ...")
    data = generate(seed)
    say(f"  {len(data.people)} people, {len(data.interactions):,} interactions, "
        f"{len(data.nominations):,} survey answers ({time.perf_counter() - t0:.1f} s)")
    names = write(data, target) + [write_readiness(data, target)]
    outside_world = generate_external(data)  # contacts, alumni, applications (own stream)
    names += write_external(outside_world, target)
    say(f"  wrote {', '.join(names)} to {target}")
    figures = measure(data.tables(), data.planted)
    outside = [k for k, v in figures.items()
               if not FIGURE_RANGES[k][0] <= v <= FIGURE_RANGES[k][1]]
    # the outside world's section: its tables for everyone, its planted stories for trainers
    section = datacard_section(data, outside_world)
    tables_part, marker, stories = section.partition("Planted stories (tested")
    full = datacard(data, figures) + "\n" + section
    learner = (learner_card(datacard(data, figures), figures).rstrip("\n") + "\n\n"
               + tables_part.rstrip("\n") + "\n\n" + "Its planted stories are in the trainers' "
               f"note `{TRAINERS_FILE}`.\n")
    (target / "datacard.md").write_text(learner, encoding="utf-8", newline="\n")
    trainers = trainers_note(full).rstrip("\n") + "\n\n## The outside world's planted stories\n\n" \
        + (marker + stories).strip("\n") + "\n"
    (target / TRAINERS_FILE).write_text(trainers, encoding="utf-8", newline="\n")
    say(f"  wrote datacard.md and {TRAINERS_FILE}; done in {time.perf_counter() - t0:.1f} s")
    if outside:
        say(f"  WARNING: figures outside their promised range: {', '.join(outside)}")
    return target
