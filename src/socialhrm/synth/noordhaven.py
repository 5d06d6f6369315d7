"""Generate Noordhaven, the synthetic organisation the course runs on.

Noordhaven B.V. is a fictional maker of water-technology equipment in the north of the
Netherlands (about 300 people in Groningen, Zwolle and Leeuwarden). Everything here is
drawn from one seeded :class:`numpy.random.Generator`; the same seed gives the same
tables, byte for byte once written.

How the tables come about
-------------------------
1. **The formal organisation**: departments, teams, team leads and directors, locations,
   levels, hire dates (with the channel each person was hired through), age bands, FTE and
   remote days.
2. **The informal network** (who works with whom): a degree-corrected block model -- each
   person has an activity level from a heavy-tailed distribution, and the chance of a tie
   grows with activity and with sharing a team, a department and a location (homophily)
   -- then rounds of triadic closure (colleagues of colleagues meet), then the reporting
   lines. Some people carry individual parameters: very active and approachable
   connectors, a product specialist who is "at home" in two departments, a self-steering
   team at a distant site whose outside contact runs through one specialist, a manager
   few people find approachable, a department with little appetite for other departments.
3. **Interactions**: messages along the ties, at a rate set by tie strength and activity,
   on working days and working hours, fewer on Fridays and in the May school holiday,
   none on public holidays, never outside a person's employment.
4. **The survey**: people who answer name colleagues they are tied to, for advice, trust
   and new ideas; whom they name depends on tie strength, expertise, approachability and
   the reporting line.
5. **Adoption** of the internal social platform: a weekly contagion over the network from
   pilot teams, faster where colleagues already use it and where a department is receptive.
6. **Exits** with a hazard that is higher for recent hires, lower for referral hires and for
   people with many ties; **referrals** and **expertise** follow from the same people.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from socialhrm.synth.costs import cost_table
from socialhrm.synth.names import unique_names

DEFAULT_SEED = 20250106

WINDOW_START = pd.Timestamp("2025-01-06")  # Monday; interactions from here ...
WINDOW_END = pd.Timestamp("2025-07-05")  # ... up to (not including) this day: 26 weeks
PLATFORM_LAUNCH = pd.Timestamp("2025-02-03")
SURVEY_START = pd.Timestamp("2025-06-02")
REFERRAL_PROGRAMME_START = pd.Timestamp("2021-01-04")

#: Dutch public holidays in the window (no work), and the May school holiday (less work).
HOLIDAYS: dict[str, str] = {
    "2025-04-18": "Goede Vrijdag (Good Friday; a day off at Noordhaven)",
    "2025-04-21": "Tweede Paasdag (Easter Monday)",
    "2025-05-05": "Bevrijdingsdag (Liberation Day, a day off in a lustrum year)",
    "2025-05-29": "Hemelvaartsdag (Ascension Day)",
    "2025-05-30": "bridge day after Ascension (collective day off)",
    "2025-06-09": "Tweede Pinksterdag (Whit Monday)",
}
MAY_HOLIDAY = (pd.Timestamp("2025-04-26"), pd.Timestamp("2025-05-04"))

LOCATIONS = ("Groningen", "Zwolle", "Leeuwarden")

#: department -> list of (team, location, members without the lead, has a team lead)
STRUCTURE: dict[str, list[tuple[str, str, int, bool]]] = {
    "HR": [("HR Business Partners", "Groningen", 5, True),
           ("Recruitment & Employer Branding", "Groningen", 5, True),
           ("Payroll & HR Administration", "Groningen", 5, True),
           ("Learning & Development", "Groningen", 4, True)],
    "Sales": [("Sales North", "Groningen", 11, True),
              ("Sales East", "Zwolle", 9, True),
              ("Key Accounts", "Groningen", 6, True),
              ("Sales Support", "Groningen", 7, True),
              ("Inside Sales", "Leeuwarden", 8, True)],
    "Marketing & Communication": [("Brand & Content", "Groningen", 6, True),
                                  ("Online & Social", "Groningen", 6, True),
                                  ("Internal Communication", "Groningen", 4, True)],
    "Operations": [("Planning", "Zwolle", 8, True),
                   ("Logistics", "Zwolle", 12, True),
                   ("Warehouse", "Zwolle", 16, True),
                   ("Quality", "Zwolle", 6, True),
                   ("Purchasing", "Zwolle", 7, True),
                   ("Technical Service", "Leeuwarden", 9, False)],
    "IT": [("Infrastructure", "Groningen", 7, True),
           ("Applications", "Groningen", 8, True),
           ("Service Desk", "Groningen", 7, True),
           ("Data & BI", "Groningen", 5, True)],
    "Finance": [("Accounting", "Groningen", 7, True),
                ("Control", "Groningen", 5, True),
                ("Accounts Payable & Receivable", "Groningen", 6, True)],
    "R&D": [("Product Development", "Groningen", 12, True),
            ("Lab", "Groningen", 8, True),
            ("Innovation", "Groningen", 6, True),
            ("Software & Controls", "Groningen", 8, True)],
    "Customer Service": [("Front Office", "Leeuwarden", 15, True),
                         ("Back Office", "Leeuwarden", 10, True),
                         ("Complaints & Returns", "Leeuwarden", 7, True),
                         ("Field Support", "Leeuwarden", 8, True),
                         ("Chat & Social Care", "Leeuwarden", 7, True)],
}
DEPARTMENTS = ("Board", *STRUCTURE)
DIRECTOR_LOCATION = {"Operations": "Zwolle", "Customer Service": "Leeuwarden"}

#: Relative appetite of departments for each other's company (1 = ordinary).
_PAIR_AFFINITY = {
    ("Sales", "Marketing & Communication"): 2.0, ("Sales", "Customer Service"): 1.8,
    ("Operations", "Customer Service"): 1.5, ("Operations", "Sales"): 1.3,
    ("R&D", "Operations"): 1.2, ("R&D", "IT"): 1.2, ("R&D", "Sales"): 0.01,
    ("R&D", "Customer Service"): 0.15, ("R&D", "Marketing & Communication"): 0.2,
    ("HR", "Board"): 2.0, ("Finance", "Board"): 2.0,
}
#: Finance keeps to itself: the silo.
SILO_DEPARTMENT = "Finance"
_SILO_FACTOR = 0.08

#: Departments' receptiveness to the internal social platform.
_RECEPTIVE = {"Marketing & Communication": 2.2, "HR": 1.8, "Sales": 1.6, "Customer Service": 1.3,
              "IT": 1.0, "R&D": 0.7, "Board": 1.0, "Operations": 0.35, "Finance": 0.25}

_TOPICS = {
    "Board": ["strategy", "governance", "stakeholder management"],
    "HR": ["employment law", "recruitment", "employer branding", "payroll", "learning design",
           "absence management", "HR analytics"],
    "Sales": ["key account management", "tendering", "pricing", "CRM", "negotiation",
              "German market", "water utilities"],
    "Marketing & Communication": ["content marketing", "social media", "brand management",
                                  "internal communication", "SEO", "event organisation"],
    "Operations": ["production planning", "logistics", "warehouse management", "lean",
                   "quality management", "ISO 9001", "purchasing", "supplier management"],
    "IT": ["networks", "cloud", "ERP", "information security", "Power BI", "SQL",
           "service management", "Python"],
    "Finance": ["financial reporting", "controlling", "tax", "budgeting", "accounts payable",
                "IFRS"],
    "R&D": ["pump hydraulics", "filtration", "membranes", "embedded software", "lab testing",
            "product roadmap", "CE certification"],
    "Customer Service": ["complaint handling", "returns", "field service", "customer portal",
                         "chat support", "spare parts"],
}
_GENERAL_TOPICS = ["Excel", "project management", "presenting", "coaching", "German",
                   "sustainability", "data visualisation"]
KEY_TOPIC = "legacy pump controllers (PLC)"

CHANNELS = ("email", "chat", "meeting")
HIRE_CHANNELS = ("referral", "job board", "social media", "agency", "campus")
AGE_BANDS = ("<25", "25-34", "35-44", "45-54", "55+")


@dataclass
class Generated:
    """The generated tables, plus who plays which part in the planted stories."""

    people: pd.DataFrame
    interactions: pd.DataFrame
    nominations: pd.DataFrame
    events: pd.DataFrame
    referrals: pd.DataFrame
    expertise: pd.DataFrame
    costs: pd.DataFrame
    planted: dict[str, object] = field(default_factory=dict)
    seed: int = DEFAULT_SEED

    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables by file name (without ``.csv``)."""
        return {"people": self.people, "interactions": self.interactions,
                "nominations": self.nominations, "events": self.events,
                "referrals": self.referrals, "expertise": self.expertise, "costs": self.costs}


# ---------------------------------------------------------------------------------------
# 1. The formal organisation
# ---------------------------------------------------------------------------------------
def _org(rng: np.random.Generator) -> pd.DataFrame:
    """One row per position; index = position number (0 = CEO)."""
    rows: list[dict] = [dict(department="Board", team="Management team", location="Groningen",
                             level="executive", manager=-1, role="ceo")]
    rows.append(dict(department="Board", team="Board office", location="Groningen",
                     level="medior", manager=0, role="assistant"))
    rows.append(dict(department="Board", team="Board office", location="Groningen",
                     level="senior", manager=0, role="advisor"))
    for dept, teams in STRUCTURE.items():
        director = len(rows)
        rows.append(dict(department=dept, team="Management team",
                         location=DIRECTOR_LOCATION.get(dept, "Groningen"), level="director",
                         manager=0, role="director"))
        for team, loc, size, has_lead in teams:
            lead = director
            if has_lead:
                lead = len(rows)
                rows.append(dict(department=dept, team=team, location=loc, level="manager",
                                 manager=director, role="lead"))
            levels = rng.choice(["senior", "medior", "junior"], size=size, p=[0.3, 0.45, 0.25])
            for lv in levels:
                rows.append(dict(department=dept, team=team, location=loc, level=str(lv),
                                 manager=lead, role="member"))
    return pd.DataFrame(rows)


def _pick(org: pd.DataFrame, team: str, level: str | None = None, role: str = "member") -> int:
    rows = org[(org["team"] == team) & (org["role"] == role)]
    if level is not None and (rows["level"] == level).any():
        rows = rows[rows["level"] == level]
    return int(rows.index[0])


def _people_details(org: pd.DataFrame, rng: np.random.Generator,
                    planted: dict[str, int]) -> pd.DataFrame:
    n = len(org)
    level = org["level"].to_numpy()
    base_age = {"executive": 52, "director": 48, "manager": 42, "senior": 44, "medior": 35,
                "junior": 27}
    age = np.array([base_age[lv] for lv in level]) + rng.normal(0, 7, n)
    age = np.clip(age, 20, 66)
    # tenure in years: exponential, bounded by working life; a few start inside the window
    tenure = np.minimum(rng.exponential(6.0, n), np.maximum(age - 21, 0.2))
    junior = level == "junior"
    tenure[junior] = np.minimum(tenure[junior], rng.exponential(2.0, junior.sum()))
    new_hires = rng.choice(np.flatnonzero(level == "junior"), size=5, replace=False)
    tenure[new_hires] = -rng.uniform(0.02, 0.3, 5)  # hired after the window opened
    hire = WINDOW_START - pd.to_timedelta(np.round(tenure * 365.25), unit="D")
    hire = pd.DatetimeIndex(hire).normalize()
    # key people have been around a while
    for role in ("connector_ops", "connector_sales", "broker", "key_person", "expert"):
        p = planted[role]
        if hire[p] > WINDOW_START - pd.Timedelta(days=3 * 365):
            earlier = WINDOW_START - pd.Timedelta(days=int(rng.integers(1500, 4000)))
            hire = hire.where(np.arange(n) != p, earlier)
    # recruitment channel: referral programme and social media only in recent years
    recent = hire >= REFERRAL_PROGRAMME_START
    chan_recent = rng.choice(HIRE_CHANNELS, size=n, p=[0.28, 0.3, 0.17, 0.15, 0.10])
    chan_old = rng.choice(["referral", "job board", "agency", "campus"], size=n,
                          p=[0.15, 0.55, 0.2, 0.1])
    channel = np.where(recent, chan_recent, chan_old)
    fte = rng.choice([1.0, 0.9, 0.8, 0.6, 0.5], size=n, p=[0.55, 0.15, 0.17, 0.09, 0.04])
    fte[np.isin(level, ["executive", "director"])] = 1.0
    remote = np.where(np.isin(org["department"], ["Operations"]) & (org["team"] != "Planning"),
                      rng.choice([0, 1], size=n, p=[0.8, 0.2]),
                      rng.choice([0, 1, 2, 3], size=n, p=[0.15, 0.3, 0.4, 0.15]))
    remote[org["team"].isin(["Warehouse", "Technical Service", "Lab"])] = 0
    bands = np.digitize(age, [25, 35, 45, 55])
    out = org.copy()
    out["hire_date"] = hire
    out["age_band"] = [AGE_BANDS[b] for b in bands]
    out["fte"] = fte
    out["remote_days"] = np.minimum(remote, np.round(fte * 5).astype(int) - 1).clip(0)
    out["hire_channel"] = channel
    return out


# ---------------------------------------------------------------------------------------
# 2. The informal network
# ---------------------------------------------------------------------------------------
def _affinity(org: pd.DataFrame, planted: dict[str, int]) -> np.ndarray:
    """Relative propensity of every pair to work together (symmetric, zero diagonal)."""
    dept = org["department"].to_numpy()
    team = (org["department"] + "/" + org["team"]).to_numpy()
    loc = org["location"].to_numpy()
    d_idx = np.array([DEPARTMENTS.index(d) for d in dept])
    D = np.ones((len(DEPARTMENTS), len(DEPARTMENTS)))
    for (a, b), v in _PAIR_AFFINITY.items():
        i, j = DEPARTMENTS.index(a), DEPARTMENTS.index(b)
        D[i, j] = D[j, i] = v
    s = DEPARTMENTS.index(SILO_DEPARTMENT)
    D[s, :] *= _SILO_FACTOR
    D[:, s] *= _SILO_FACTOR
    np.fill_diagonal(D, 1.0)
    A = D[d_idx][:, d_idx] * 0.5  # between departments
    same_dept = dept[:, None] == dept[None, :]
    A = np.where(same_dept, 1.9, A)
    A = np.where(team[:, None] == team[None, :], 14.0, A)
    A = A * np.where(loc[:, None] == loc[None, :], 1.0, 0.3)
    # the management team meets across departments and sites
    mt = (org["team"] == "Management team").to_numpy()
    A[np.ix_(mt, mt)] = 14.0
    # the broker: at home in R&D and in Sales alike
    b = planted["broker"]
    sales = dept == "Sales"
    A[b, sales] = A[sales, b] = 4.0
    # the self-steering team in Leeuwarden: outside contact only through the key person
    tsv = (org["team"] == "Technical Service").to_numpy()
    k = planted["key_person"]
    others = tsv.copy()
    others[k] = False
    outside = ~tsv
    A[np.ix_(others, outside)] *= 0.003
    A[np.ix_(outside, others)] *= 0.003
    A[k, outside] = A[outside, k] = A[k, outside] * 3.0
    np.fill_diagonal(A, 0.0)
    return A


def _informal_network(org: pd.DataFrame, rng: np.random.Generator, planted: dict[str, int]
                      ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Ties (i<j pairs), their strengths, and each person's activity."""
    n = len(org)
    level = org["level"].to_numpy()
    activity = rng.lognormal(0.0, 0.65, n)
    activity *= np.where(np.isin(level, ["manager", "director", "executive"]), 1.3, 1.0)
    activity *= np.where(level == "junior", 0.8, 1.0)
    for role, boost in (("connector_ops", 3.4), ("connector_sales", 3.0), ("broker", 2.0),
                        ("key_person", 1.3)):
        activity[planted[role]] = max(activity[planted[role]], 1.0) * boost
    A = _affinity(org, planted)
    W = activity[:, None] * activity[None, :] * A
    P = 1.0 - np.exp(-0.062 * W)
    iu = np.triu_indices(n, 1)
    U = rng.random(len(iu[0]))
    adj = np.zeros((n, n), dtype=bool)
    hit = U < P[iu]
    adj[iu[0][hit], iu[1][hit]] = True
    adj |= adj.T
    # triadic closure: two colleagues of a colleague get to know each other, more easily
    # when they would have liked each other's company anyway
    Amax = A.max()
    for _ in range(3):
        wedges_u, wedges_w = [], []
        for v in range(n):
            nb = np.flatnonzero(adj[v])
            if len(nb) < 2:
                continue
            m = min(len(nb), 4)
            pick = rng.choice(nb, size=(m, 2))
            wedges_u.append(pick[:, 0])
            wedges_w.append(pick[:, 1])
        u = np.concatenate(wedges_u)
        w = np.concatenate(wedges_w)
        ok = (u != w) & ~adj[u, w]
        u, w = u[ok], w[ok]
        close = rng.random(len(u)) < 0.45 * np.sqrt(A[u, w] / Amax)
        adj[u[close], w[close]] = True
        adj[w[close], u[close]] = True
    # reporting lines are ties (the self-steering team reports through the key person)
    mgr = org["manager"].to_numpy()
    tsv = (org["team"] == "Technical Service").to_numpy()
    for i in range(1, n):
        if tsv[i] and i != planted["key_person"]:
            continue
        adj[i, mgr[i]] = adj[mgr[i], i] = True
    # the self-steering team is a tight group
    members = np.flatnonzero(tsv)
    adj[np.ix_(members, members)] |= rng.random((len(members), len(members))) < 0.6
    adj = adj | adj.T
    np.fill_diagonal(adj, False)
    ii, jj = np.nonzero(np.triu(adj, 1))
    team = (org["department"] + "/" + org["team"]).to_numpy()
    base = np.where(team[ii] == team[jj], 1.0,
                    np.where(org["department"].to_numpy()[ii] == org["department"].to_numpy()[jj],
                             0.45, 0.22))
    hier = (mgr[ii] == jj) | (mgr[jj] == ii)
    # the broker's ties to Sales are as close as ties inside a department
    dept = org["department"].to_numpy()
    b = planted["broker"]
    base = np.where(((ii == b) & (dept[jj] == "Sales")) | ((jj == b) & (dept[ii] == "Sales")),
                    0.6, base)
    strength = base * np.where(hier, 1.6, 1.0) * rng.lognormal(0, 0.6, len(ii))
    return np.column_stack([ii, jj]), strength, activity


# ---------------------------------------------------------------------------------------
# 3. Interactions
# ---------------------------------------------------------------------------------------
def _calendar() -> tuple[pd.DatetimeIndex, np.ndarray]:
    days = pd.date_range(WINDOW_START, WINDOW_END - pd.Timedelta(days=1), freq="D")
    weekday_w = np.array([1.0, 1.1, 0.95, 1.05, 0.7, 0.0, 0.0])
    w = weekday_w[days.day_of_week]
    w[days.isin(pd.DatetimeIndex(list(HOLIDAYS)))] = 0.0
    w[(days >= MAY_HOLIDAY[0]) & (days <= MAY_HOLIDAY[1])] *= 0.7
    return days, w


_HOURS = np.arange(7, 21)
_HOUR_W = np.array([0.15, 0.8, 1.3, 1.4, 1.3, 0.6, 1.1, 1.3, 1.2, 0.9, 0.35, 0.08, 0.05, 0.04])


def _interactions(org: pd.DataFrame, ties: np.ndarray, strength: np.ndarray,
                  activity: np.ndarray, start_day: np.ndarray, end_day: np.ndarray,
                  rng: np.random.Generator) -> pd.DataFrame:
    days, day_w = _calendar()
    cdf = np.concatenate([[0.0], np.cumsum(day_w)])
    cdf /= cdf[-1]
    i, j = ties[:, 0], ties[:, 1]
    lo = np.maximum(start_day[i], start_day[j])
    hi = np.minimum(end_day[i], end_day[j])
    active_share = np.clip(cdf[np.clip(hi, 0, len(days))] - cdf[np.clip(lo, 0, len(days))], 0, 1)
    rate = 21.0 * strength * np.sqrt(activity[i] * activity[j]) * active_share
    counts = rng.poisson(rate)
    rep = np.repeat(np.arange(len(ties)), counts)
    m = len(rep)
    a, b = i[rep], j[rep]
    send_a = rng.random(m) < activity[a] / (activity[a] + activity[b])
    sender = np.where(send_a, a, b)
    recipient = np.where(send_a, b, a)
    u = cdf[lo[rep]] + rng.random(m) * (cdf[hi[rep]] - cdf[lo[rep]])
    day = np.clip(np.searchsorted(cdf, u, side="right") - 1, 0, len(days) - 1)
    # part-timers do not work on their day off: move such messages a day earlier
    off = org["off_day"].to_numpy()
    for _ in range(3):
        clash = days.day_of_week.to_numpy()[day] == off[sender]
        day = np.where(clash, np.maximum(day - 1, lo[rep]), day)
        day = np.where(day_w[day] == 0, np.minimum(day + 3, hi[rep] - 1), day)
    day = np.where(day_w[day] == 0, day - 1, day)
    day = np.where(day_w[day] == 0, day - 1, day)
    loc = org["location"].to_numpy()
    same_site = loc[sender] == loc[recipient]
    probs = np.where(same_site[:, None], [[0.36, 0.44, 0.20]], [[0.50, 0.41, 0.09]])
    r = rng.random(m)
    ch = (r[:, None] > np.cumsum(probs, axis=1)[:, :-1]).sum(axis=1)
    hour = rng.choice(_HOURS, size=m, p=_HOUR_W / _HOUR_W.sum())
    hour = np.where((ch == 2) & ((hour < 8) | (hour > 16)), 10, hour)  # meetings: office hours
    minute = np.where(ch == 2, rng.choice([0, 30], size=m), rng.integers(0, 60, m))
    weight = np.where(ch == 2, rng.choice([0.5, 1.0, 1.5, 2.0], size=m, p=[0.45, 0.42, 0.08, 0.05]),
                      1.0)
    ts = (days[day].to_numpy() + hour.astype("timedelta64[h]")
          + minute.astype("timedelta64[m]"))
    pid = org["person_id"].to_numpy()
    out = pd.DataFrame({"sender": pid[sender], "recipient": pid[recipient],
                        "timestamp": pd.DatetimeIndex(ts), "channel": np.array(CHANNELS)[ch],
                        "weight": weight})
    out = out.sort_values(["timestamp", "sender", "recipient", "channel"], kind="stable")
    return out.reset_index(drop=True)


# ---------------------------------------------------------------------------------------
# 4. The ONA survey
# ---------------------------------------------------------------------------------------
def _survey(org: pd.DataFrame, adj_s: np.ndarray, on_roster: np.ndarray,
            rng: np.random.Generator, planted: dict[str, int]) -> pd.DataFrame:
    n = len(org)
    level = org["level"].to_numpy()
    dept = org["department"].to_numpy()
    team = org["team"].to_numpy()
    mgr = org["manager"].to_numpy()
    expertise = np.vectorize({"executive": 1.1, "director": 1.2, "manager": 1.4, "senior": 1.6,
                              "medior": 1.0, "junior": 0.5}.get)(level).astype(float)
    approach = rng.lognormal(0, 0.35, n)
    for role, v in (("connector_ops", 7.0), ("connector_sales", 6.0), ("expert", 10.0),
                    ("key_person", 4.0), ("broker", 4.0)):
        approach[planted[role]] = v
    approach[planted["bypassed_manager"]] = 0.01
    creative = np.where(np.isin(dept, ["R&D", "Marketing & Communication"]), 2.0, 1.0)
    creative = creative * rng.lognormal(0, 0.4, n)
    creative[planted["broker"]] = 6.0
    respond_p = np.full(n, 0.86)
    respond_p[np.isin(team, ["Warehouse", "Front Office", "Logistics"])] = 0.55
    respond_p[dept == "HR"] = 0.95
    responds = (rng.random(n) < respond_p) & on_roster
    for p in planted.values():
        if isinstance(p, int):
            responds[p] = on_roster[p]
    is_manager_of = np.zeros((n, n), dtype=bool)  # [r, j]: j is r's manager
    is_manager_of[np.arange(1, n), mgr[1:]] = True
    rows = []
    # ("relation", how many names, attractiveness of the nominee, power on tie strength)
    for r in range(n):
        if not responds[r]:
            continue
        nb = np.flatnonzero((adj_s[r] > 0) & on_roster)
        if len(nb) == 0:
            continue
        s = adj_s[r, nb]
        advice_w = s ** 1.5 * expertise[nb] * approach[nb] * np.where(is_manager_of[r, nb], 3, 1)
        n_advice = 1 + rng.binomial(5, 0.6)
        if dept[r] == "Sales":  # Sales asks the product specialist about the product
            advice_w = advice_w * np.where(nb == planted["broker"], 6.0, 1.0)
        if r == planted["broker"]:  # ... who asks Sales about customers, and names many
            advice_w = advice_w * np.where(dept[nb] == "Sales", 1.5, 1.0)
            n_advice = 6
        plans = (
            ("advice", n_advice, advice_w, 1),
            ("trust", 1 + rng.binomial(3, 0.5),
             s ** 3 * np.where(team[nb] == team[r], 1.5, 1.0), 2),
            ("ideas", rng.binomial(4, 0.5), s * creative[nb], 1),
        )
        for relation, k, w, _ in plans:
            if relation == "ideas" and rng.random() < 0.08:
                continue  # skipped the last question
            k = min(int(k), len(nb))
            if k == 0:
                continue
            chosen = rng.choice(len(nb), size=k, replace=False, p=w / w.sum())
            q = s[chosen] / s.max()
            strength = np.clip(np.round(1 + 4 * q ** 0.5 + rng.normal(0, 0.6, k)), 1, 5)
            for c, st in zip(chosen, strength, strict=True):
                rows.append((r, int(nb[c]), relation, float(st)))
    pid = org["person_id"].to_numpy()
    out = pd.DataFrame(rows, columns=["r", "j", "relation", "strength"])
    out = pd.DataFrame({"respondent": pid[out["r"]], "nominee": pid[out["j"]],
                        "relation": out["relation"], "strength": out["strength"]})
    rel_order = {"advice": 0, "trust": 1, "ideas": 2}
    out = out.sort_values(["respondent", "relation", "nominee"],
                          key=lambda c: c.map(rel_order) if c.name == "relation" else c)
    return out.reset_index(drop=True)


# ---------------------------------------------------------------------------------------
# 5. Adoption of the internal platform, and exits
# ---------------------------------------------------------------------------------------
def _random_moment(day0: pd.Timestamp, rng: np.random.Generator, spread_days: int = 5
                   ) -> pd.Timestamp:
    day = day0 + pd.Timedelta(days=int(rng.integers(0, spread_days)))
    while day.day_of_week >= 5 or str(day.date()) in HOLIDAYS:
        day += pd.Timedelta(days=1)
    hour = int(rng.choice(_HOURS[:11], p=_HOUR_W[:11] / _HOUR_W[:11].sum()))
    return day + pd.Timedelta(hours=hour, minutes=int(rng.integers(0, 60)))


def _adoption(org: pd.DataFrame, W: np.ndarray, start_day: np.ndarray, end_day: np.ndarray,
              rng: np.random.Generator) -> tuple[list[tuple[int, pd.Timestamp, str]], list[int]]:
    n = len(org)
    team = org["team"].to_numpy()
    receptive = np.vectorize(_RECEPTIVE.get)(org["department"].to_numpy()).astype(float)
    receptive *= rng.lognormal(0, 0.3, n)
    seeds = np.flatnonzero(np.isin(team, ["Internal Communication",
                                          "Recruitment & Employer Branding"]))
    adopted_at = np.full(n, -1)
    adopted_at[seeds] = 0
    strength_sum = W.sum(axis=1)
    strength_sum[strength_sum == 0] = 1.0
    weeks = int((WINDOW_END - PLATFORM_LAUNCH).days // 7)
    for week in range(1, weeks):
        day_idx = (PLATFORM_LAUNCH - WINDOW_START).days + 7 * week
        present = (start_day <= day_idx) & (end_day > day_idx)
        adopted = adopted_at >= 0
        exposure = W @ adopted.astype(float) / strength_sum
        hazard = 1.0 - np.exp(-(0.002 + 0.55 * exposure ** 1.5) * receptive)
        new = present & ~adopted & (rng.random(n) < hazard)
        adopted_at[new] = week
    events: list[tuple[int, pd.Timestamp, str]] = []
    for p in np.flatnonzero(adopted_at >= 0):
        t = _random_moment(PLATFORM_LAUNCH + pd.Timedelta(weeks=int(adopted_at[p])), rng)
        events.append((int(p), t, "platform_first_post"))
        if rng.random() < 0.75:
            later = t.normalize() + pd.Timedelta(days=int(rng.exponential(9)) + 1)
            t2 = _random_moment(later, rng)
            if t2 < WINDOW_END:
                events.append((int(p), t2, "platform_first_reply"))
    return events, [int(p) for p in np.flatnonzero(adopted_at >= 0)]


# ---------------------------------------------------------------------------------------
# Putting it together
# ---------------------------------------------------------------------------------------
def generate(seed: int = DEFAULT_SEED) -> Generated:
    """Generate the Noordhaven tables from a seed.

    Parameters
    ----------
    seed
        Seed for :func:`numpy.random.default_rng`; the same seed gives the same tables.

    Returns
    -------
    Generated
        The tables (``people``, ``interactions``, ``nominations``, ``events``,
        ``referrals``, ``expertise``, ``costs``) and ``planted``: the person ids behind
        each planted story.

    Examples
    --------
    >>> data = generate()
    >>> 250 <= len(data.people) <= 400
    True
    """
    # one independent stream per stage, so that tuning one stage leaves the others alone
    streams = [np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(8)]
    rng = streams[0]
    org = _org(rng)
    n = len(org)
    planted_idx: dict[str, int] = {
        "connector_ops": _pick(org, "Planning", "senior"),
        "connector_sales": _pick(org, "Sales Support", "senior"),
        "broker": _pick(org, "Product Development", "senior"),
        "key_person": _pick(org, "Technical Service", "senior"),
        "bypassed_manager": _pick(org, "Applications", role="lead"),
        "expert": _pick(org, "Applications", "senior"),
    }
    org = _people_details(org, rng, planted_idx)
    # employee numbers follow hire date, so the ids do not give the org chart away
    order = np.lexsort((np.arange(n), org["hire_date"].to_numpy()))
    number = np.empty(n, dtype=int)
    number[order] = np.arange(1, n + 1)
    org["person_id"] = [f"NH{k:04d}" for k in number]
    org["name"] = unique_names(n, rng)
    org["off_day"] = np.where(org["fte"] < 0.85, rng.choice([2, 4], size=n, p=[0.6, 0.4]), -1)

    ties, strength, activity = _informal_network(org, streams[1], planted_idx)
    W = np.zeros((n, n))
    W[ties[:, 0], ties[:, 1]] = strength
    W[ties[:, 1], ties[:, 0]] = strength

    # exits: recent non-referral hires leave more, referral hires and well-tied people less
    days, _ = _calendar()
    n_days = len(days)
    start_day = np.clip((org["hire_date"] - WINDOW_START).dt.days.to_numpy(), 0, n_days)
    tenure_y = (WINDOW_START - org["hire_date"]).dt.days.to_numpy() / 365.25
    degree = (W > 0).sum(axis=1)
    annual = 0.07 * np.where(tenure_y < 2, 2.6, 1.0)
    annual *= np.where(org["hire_channel"] == "referral", 0.3, 1.0)
    annual *= np.where(degree < np.median(degree), 1.5, 0.7)
    p_exit = 1 - np.exp(-annual * 0.5)
    rng = streams[2]
    leaves = rng.random(n) < p_exit
    leaves[list(planted_idx.values())] = False
    leaves[0] = False
    leaves[org["level"].isin(["director", "manager"]).to_numpy()] = False
    leaves &= tenure_y > 0.25
    exit_day = np.where(leaves, rng.integers(10, n_days - 5, n), n_days)
    exit_day = exit_day.astype(int)
    end_day = exit_day

    interactions = _interactions(org, ties, strength, activity, start_day, end_day,
                                 streams[3])

    survey_day = (SURVEY_START - WINDOW_START).days
    on_roster = (start_day <= survey_day) & (end_day > survey_day)
    nominations = _survey(org, W, on_roster, streams[4], planted_idx)

    adoption_events, adopters = _adoption(org, W, start_day, end_day, streams[5])
    pid = org["person_id"].to_numpy()
    ev_rows = [(pid[p], t, e) for p, t, e in adoption_events]
    for p in np.flatnonzero(leaves):
        ev_rows.append((pid[p], _random_moment(days[exit_day[p] - 1], rng, 1).normalize()
                        + pd.Timedelta(hours=17), "exit"))
    events = pd.DataFrame(ev_rows, columns=["person_id", "timestamp", "event"])
    events = events.sort_values(["timestamp", "person_id", "event"]).reset_index(drop=True)

    referrals, retention = _referrals(org, W, streams[6])
    expertise = _expertise(org, streams[7], planted_idx)
    costs = cost_table()
    extra = pd.DataFrame(
        [("retention", f"first-year retention, {c}", round(v, 3), "share of hires",
          "Noordhaven HR records of hires 2021-2024 (synthetic, generated with the data)")
         for c, v in retention.items()], columns=costs.columns)
    costs = pd.concat([costs, extra], ignore_index=True)

    mgr_ids = np.where(org["manager"].to_numpy() >= 0,
                       pid[np.maximum(org["manager"].to_numpy(), 0)], None)
    people = pd.DataFrame({
        "person_id": pid, "name": org["name"], "department": org["department"],
        "team": org["team"], "manager_id": mgr_ids, "location": org["location"],
        "level": org["level"], "hire_date": org["hire_date"].dt.strftime("%Y-%m-%d"),
        "age_band": org["age_band"], "fte": org["fte"], "remote_days": org["remote_days"],
        "hire_channel": org["hire_channel"],
    }).sort_values("person_id").reset_index(drop=True)
    planted: dict[str, object] = {k: str(pid[v]) for k, v in planted_idx.items()}
    planted["silo_department"] = SILO_DEPARTMENT
    planted["broker_departments"] = ("R&D", "Sales")
    planted["key_topic"] = KEY_TOPIC
    planted["pilot_teams"] = ("Internal Communication", "Recruitment & Employer Branding")
    return Generated(people=people, interactions=interactions, nominations=nominations,
                     events=events, referrals=referrals, expertise=expertise, costs=costs,
                     planted=planted, seed=seed)


def _referrals(org: pd.DataFrame, W: np.ndarray, rng: np.random.Generator
               ) -> tuple[pd.DataFrame, dict[str, float]]:
    """Referrals since the programme started, and first-year retention per channel."""
    pid = org["person_id"].to_numpy()
    hire = org["hire_date"]
    degree = (W > 0).sum(axis=1).astype(float)
    first_year = {"referral": 0.9, "job board": 0.74, "social media": 0.76, "agency": 0.68,
                  "campus": 0.8}
    rows = []
    counts: dict[str, list[int]] = {c: [0, 0] for c in HIRE_CHANNELS}  # [stayed, hires]
    year_before = WINDOW_START - pd.Timedelta(days=365)
    # current employees hired since the programme (survivors, so they stayed or are recent)
    recent = np.flatnonzero((hire >= REFERRAL_PROGRAMME_START).to_numpy())
    for p in recent:
        c = org["hire_channel"].iat[p]
        if hire.iat[p] <= year_before:
            counts[c][0] += 1
            counts[c][1] += 1
    # former hires who left before the window: more of them for channels with lower retention
    former: list[tuple[str, pd.Timestamp, bool]] = []
    for c in HIRE_CHANNELS:
        stayed, total = counts[c]
        n_left = int(round(stayed * (1 - first_year[c]) / first_year[c])) if total else 0
        for _ in range(n_left):
            h = REFERRAL_PROGRAMME_START + pd.Timedelta(days=int(rng.integers(0, 1200)))
            former.append((c, h, False))
            counts[c][1] += 1
    retention = {c: (counts[c][0] / counts[c][1] if counts[c][1] else float("nan"))
                 for c in HIRE_CHANNELS}
    # the referrals table: hired referrals (current and former) and referrals not hired
    def referrer_for(day: pd.Timestamp, dept: str | None) -> str:
        ok = (hire < day - pd.Timedelta(days=60)).to_numpy()
        w = degree * ok * (np.where(org["department"] == dept, 3.0, 1.0) if dept else 1.0)
        return str(pid[rng.choice(len(pid), p=w / w.sum())])

    for p in recent:
        if org["hire_channel"].iat[p] != "referral":
            continue
        h = hire.iat[p]
        stayed = "True" if h <= year_before else ""
        rows.append((referrer_for(h, org["department"].iat[p]),
                     h - pd.Timedelta(days=int(rng.integers(30, 90))), True, str(pid[p]), h,
                     stayed, org["department"].iat[p]))
    for c, h, _ in former:
        if c != "referral":
            continue
        dept = str(rng.choice(list(STRUCTURE)))
        rows.append((referrer_for(h, dept), h - pd.Timedelta(days=int(rng.integers(30, 90))),
                     True, "", h, "False", dept))
    n_hired = len(rows)
    for _ in range(int(n_hired * 1.6)):
        d = REFERRAL_PROGRAMME_START + pd.Timedelta(days=int(rng.integers(0, 1600)))
        dept = str(rng.choice(list(STRUCTURE)))
        rows.append((referrer_for(d, dept), d, False, "", pd.NaT, "", dept))
    ref = pd.DataFrame(rows, columns=["referrer", "referral_date", "hired", "person_id",
                                      "hire_date", "still_employed_1y", "department"])
    ref = ref.sort_values(["referral_date", "referrer"], kind="stable").reset_index(drop=True)
    ref.insert(1, "candidate", [f"CAND{k:04d}" for k in range(1, len(ref) + 1)])
    ref["referral_date"] = ref["referral_date"].dt.strftime("%Y-%m-%d")
    ref["hire_date"] = ref["hire_date"].dt.strftime("%Y-%m-%d")
    ref = ref[["referrer", "candidate", "referral_date", "department", "hired", "person_id",
               "hire_date", "still_employed_1y"]]
    return ref, retention


def _expertise(org: pd.DataFrame, rng: np.random.Generator, planted: dict[str, int]
               ) -> pd.DataFrame:
    rows = []
    n_topics = {"executive": 3, "director": 3, "manager": 3, "senior": 4, "medior": 3,
                "junior": 2}
    for p in range(len(org)):
        dept = org["department"].iat[p]
        own = _TOPICS[dept]
        k = max(1, min(len(own), int(rng.integers(1, n_topics[org["level"].iat[p]] + 1))))
        topics = list(rng.choice(own, size=k, replace=False))
        if rng.random() < 0.4:
            topics.append(str(rng.choice(_GENERAL_TOPICS)))
        for t in dict.fromkeys(topics):
            rows.append((org["person_id"].iat[p], str(t)))
    extra = {"key_person": [KEY_TOPIC, "field service"],
             "broker": ["product roadmap", "key account management"],
             "connector_ops": ["production planning", "ERP"],
             "connector_sales": ["CRM", "tendering"],
             "expert": ["ERP", "SQL"]}
    for role, topics in extra.items():
        for t in topics:
            rows.append((org["person_id"].iat[planted[role]], t))
    out = pd.DataFrame(rows, columns=["person_id", "topic"]).drop_duplicates()
    return out.sort_values(["person_id", "topic"]).reset_index(drop=True)


def write(data: Generated, folder: str | object) -> list[str]:
    """Write the tables as CSV files (UTF-8, Unix line ends) into ``folder``.

    Parameters
    ----------
    data
        What :func:`generate` returned.
    folder
        The target folder (created if needed); existing CSVs of the same names are replaced.

    Returns
    -------
    list of str
        The file names written.

    Examples
    --------
    >>> import tempfile
    >>> sorted(write(generate(), tempfile.mkdtemp()))[0]
    'costs.csv'
    """
    from pathlib import Path

    target = Path(str(folder))
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, table in data.tables().items():
        frame = table.copy()
        for col in frame.columns:
            if pd.api.types.is_datetime64_any_dtype(frame[col]):
                frame[col] = frame[col].dt.strftime("%Y-%m-%dT%H:%M")
        frame.to_csv(target / f"{name}.csv", index=False, lineterminator="\n",
                     float_format="%.10g")
        written.append(f"{name}.csv")
    return written

