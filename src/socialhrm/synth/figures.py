"""Measured figures of the Noordhaven data, with the ranges the data card promises.

The figures are computed with plain pandas and networkx from the tables as shipped, so
that anybody can check them by hand; the tests recompute them from the files.
"""

from __future__ import annotations

from collections.abc import Mapping

import networkx as nx
import numpy as np
import pandas as pd

#: figure -> (lowest, highest, what it measures)
FIGURE_RANGES: dict[str, tuple[float, float, str]] = {
    "people": (250, 400, "people in the people table"),
    "interactions": (30_000, 70_000, "rows in the interaction log"),
    "share_working_hours": (0.95, 1.0,
                            "share of interactions on weekdays between 07:00 and 19:00"),
    "share_weekend_or_holiday": (0.0, 0.0,
                                 "share of interactions on weekends or public holidays"),
    "mean_degree": (8, 30, "mean number of contacts in the interaction network (undirected)"),
    "clustering": (0.2, 0.5, "average clustering of the interaction network (undirected)"),
    "degree_max_over_median": (2.5, 8.0,
                               "most-connected person's contacts / the median person's"),
    "top10_share_of_messages": (0.2, 0.45,
                                "share of all messages sent or received by the busiest 10%"),
    "community_nmi_department": (0.4, 0.85,
                                 "agreement (NMI) of Louvain communities (seed 0) with "
                                 "departments: partly, not fully"),
    "department_modularity": (0.3, 0.7,
                              "modularity of the department partition of the interaction "
                              "network"),
    "silo_ei_index": (-1.0, -0.5,
                      "E-I index of the siloed department's message ties ((external - "
                      "internal) / all); lowest of all departments"),
    "response_rate": (0.65, 0.9, "share of people on the survey roster who answered"),
    "advice_reciprocity": (0.2, 0.5, "reciprocity of the advice network"),
    "trust_reciprocity": (0.3, 0.7, "reciprocity of the trust network"),
    "advice_clustering": (0.2, 0.5, "average clustering of the advice network (undirected)"),
    "adoption_share": (0.25, 0.6, "share of people who posted on the platform by the end"),
    "adopters_with_earlier_neighbour": (0.8, 1.0,
                                        "share of non-pilot adopters who had a contact that "
                                        "posted before them"),
    "exits": (5, 25, "exits in the 26 weeks"),
    "referral_retention_gap": (0.08, 0.4,
                               "first-year retention of referral hires minus the best other "
                               "channel"),
}


def _nmi(a: np.ndarray, b: np.ndarray) -> float:
    """Normalised mutual information (arithmetic mean normalisation)."""
    ct = pd.crosstab(a, b).to_numpy().astype(float)
    p = ct / ct.sum()
    pa, pb = p.sum(axis=1), p.sum(axis=0)
    nz = p > 0
    mi = float((p[nz] * np.log(p[nz] / (pa[:, None] * pb[None, :])[nz])).sum())
    ha = -float((pa[pa > 0] * np.log(pa[pa > 0])).sum())
    hb = -float((pb[pb > 0] * np.log(pb[pb > 0])).sum())
    return 2 * mi / (ha + hb) if ha + hb > 0 else 1.0


def ei_index(people: pd.DataFrame, interactions: pd.DataFrame) -> pd.Series:
    """Krackhardt's E-I index per department, over distinct message ties.

    The tables are turned into a plain networkx graph; the index itself is the kit's
    :func:`socialhrm.roles.ei_index` (small departments merged as everywhere).

    Parameters
    ----------
    people
        People table with ``person_id`` and ``department``.
    interactions
        Log with ``sender`` and ``recipient``.

    Returns
    -------
    pandas.Series
        Department -> (external - internal) / (external + internal) ties, sorted ascending.

    Examples
    --------
    >>> import pandas as pd
    >>> p = pd.DataFrame({"person_id": list("abcdefghij"), "department": ["X"] * 5 + ["Y"] * 5})
    >>> log = pd.DataFrame({"sender": ["a", "a"], "recipient": ["b", "f"]})
    >>> float(ei_index(p, log)["Y"])
    1.0
    """
    from socialhrm.roles import ei_index as group_ei_index

    G = nx.Graph()
    G.add_nodes_from((p, {"department": d}) for p, d in
                     zip(people["person_id"], people["department"], strict=True))
    G.add_edges_from(zip(interactions["sender"].astype(str),
                         interactions["recipient"].astype(str), strict=True))
    return group_ei_index(G, by="department").dropna()


def measure(tables: Mapping[str, pd.DataFrame], planted: Mapping[str, object] | None = None
            ) -> dict[str, float]:
    """Compute the data card's figures from the Noordhaven tables.

    Parameters
    ----------
    tables
        ``people``, ``interactions``, ``nominations``, ``events``, ``costs`` (as generated
        or as loaded).
    planted
        Who plays which part (see :func:`socialhrm.synth.generate`); only
        ``silo_department`` and ``pilot_teams`` are used, with the Noordhaven defaults.

    Returns
    -------
    dict
        Figure name -> value, for every key of :data:`FIGURE_RANGES`.

    Examples
    --------
    >>> from socialhrm.synth import generate
    >>> figures = measure(generate().tables())
    >>> FIGURE_RANGES["clustering"][0] <= figures["clustering"] <= FIGURE_RANGES["clustering"][1]
    True
    """
    planted = dict(planted or {})
    silo = str(planted.get("silo_department", "Finance"))
    pilots = list(planted.get("pilot_teams", ("Internal Communication",
                                              "Recruitment & Employer Branding")))
    people = tables["people"]
    inter = tables["interactions"]
    noms = tables["nominations"]
    events = tables["events"]
    costs = tables["costs"]
    ts = pd.to_datetime(inter["timestamp"])
    from socialhrm.synth.noordhaven import HOLIDAYS

    holiday = ts.dt.normalize().isin(pd.DatetimeIndex(list(HOLIDAYS)))
    weekday = ts.dt.day_of_week < 5
    out: dict[str, float] = {"people": len(people), "interactions": len(inter)}
    out["share_working_hours"] = float((weekday & ts.dt.hour.between(7, 18)).mean())
    out["share_weekend_or_holiday"] = float((~weekday | holiday).mean())
    G = nx.Graph()
    G.add_nodes_from(people["person_id"])
    G.add_edges_from(zip(inter["sender"], inter["recipient"], strict=True))
    G.remove_edges_from(nx.selfloop_edges(G))
    deg = np.array([d for _, d in G.degree()])
    out["mean_degree"] = float(deg.mean())
    out["clustering"] = float(nx.average_clustering(G))
    out["degree_max_over_median"] = float(deg.max() / np.median(deg))
    volume = pd.concat([inter["sender"], inter["recipient"]]).value_counts()
    top = volume.sort_values(ascending=False).head(max(1, len(people) // 10))
    out["top10_share_of_messages"] = float(top.sum() / volume.sum())
    dept = people.set_index("person_id")["department"]
    communities = nx.community.louvain_communities(G, seed=0)
    label = {v: k for k, c in enumerate(communities) for v in c}
    nodes = list(G)
    out["community_nmi_department"] = _nmi(np.array([label[v] for v in nodes]),
                                           dept.loc[nodes].to_numpy())
    parts = [set(g.index) for _, g in dept.groupby(dept)]
    out["department_modularity"] = float(nx.community.modularity(G, parts))
    ei = ei_index(people, inter)
    out["silo_ei_index"] = float(ei[silo]) if ei.index[0] == silo else float("nan")
    # survey
    exits = events[events["event"] == "exit"]
    survey_start = pd.Timestamp("2025-06-02")
    hire = pd.to_datetime(people["hire_date"])
    gone = set(exits.loc[pd.to_datetime(exits["timestamp"]) < survey_start, "person_id"])
    roster = people[(hire <= survey_start) & ~people["person_id"].isin(gone)]
    out["response_rate"] = float(roster["person_id"].isin(noms["respondent"]).mean())
    for rel in ("advice", "trust"):
        sub = noms[noms["relation"] == rel]
        D = nx.DiGraph()
        D.add_edges_from(zip(sub["respondent"], sub["nominee"], strict=True))
        out[f"{rel}_reciprocity"] = float(nx.reciprocity(D))
        if rel == "advice":
            U = nx.Graph(D)
            U.add_nodes_from(roster["person_id"])
            out["advice_clustering"] = float(nx.average_clustering(U))
    # adoption
    posts = events[events["event"] == "platform_first_post"]
    out["adoption_share"] = float(posts["person_id"].nunique() / len(people))
    first = pd.to_datetime(posts.groupby("person_id")["timestamp"].min()).to_dict()
    team = people.set_index("person_id")["team"]
    followers = [p for p in first if team[p] not in pilots]
    earlier = sum(any(q in first and first[q] < first[p] for q in G[p]) for p in followers)
    out["adopters_with_earlier_neighbour"] = earlier / len(followers) if followers else 0.0
    out["exits"] = int(len(exits))
    ret = costs[costs["category"] == "retention"].set_index("item")["value"].astype(float)
    ref = float(ret["first-year retention, referral"])
    others = ret.drop("first-year retention, referral")
    out["referral_retention_gap"] = ref - float(others.max())
    return out


def figures_table(figures: Mapping[str, float]) -> pd.DataFrame:
    """The figures next to their promised ranges, one row each.

    Parameters
    ----------
    figures
        What :func:`measure` returned.

    Returns
    -------
    pandas.DataFrame
        ``figure``, ``value``, ``low``, ``high``, ``within``, ``meaning``.

    Examples
    --------
    >>> bool(figures_table({"people": 300}).loc[0, "within"])
    True
    """
    rows = []
    for name, value in figures.items():
        lo, hi, meaning = FIGURE_RANGES[name]
        rows.append((name, value, lo, hi, bool(lo <= value <= hi), meaning))
    return pd.DataFrame(rows, columns=["figure", "value", "low", "high", "within", "meaning"])
