"""One test per planted story: the kit's own functions find it in the shipped data."""

from __future__ import annotations

import networkx as nx
import pandas as pd

from socialhrm.network import build_network, centrality_table


def test_connectors_are_central_without_being_managers(nh, advice, planted):
    table = centrality_table(advice).sort_values("in_degree", ascending=False)
    top5 = table.index[:5].tolist()
    chart = nh.org_chart()
    for role in ("connector_ops", "connector_sales"):
        person = planted[role]
        assert person in top5, f"{role} {person} not in the advice in-degree top 5: {top5}"
        assert chart.out_degree(person) == 0, f"{person} has direct reports"
    managers_in_top10 = sum(chart.out_degree(p) > 0 for p in table.index[:10])
    assert managers_in_top10 <= 6


def test_broker_ranks_top3_by_betweenness_in_advice(nh, advice, planted):
    table = centrality_table(advice).sort_values("betweenness", ascending=False)
    assert table.attrs["betweenness"] == "exact"
    assert planted["broker"] in table.index[:3].tolist()
    # and the two departments barely talk without the broker
    dept = nx.get_node_attributes(advice, "department")
    a, b = planted["broker_departments"]
    between = [(u, v) for u, v in advice.edges() if {dept[u], dept[v]} == {a, b}]
    without = [e for e in between if planted["broker"] not in e]
    assert len(between) >= 5 and len(without) <= 2


def test_siloed_department_has_the_lowest_ei_index(nh, planted):
    from socialhrm.roles import ei_index

    ei = ei_index(build_network(nh.interactions, nh.people, directed=False), by="department")
    assert ei.index[0] == planted["silo_department"]
    assert ei.iloc[0] < -0.5
    assert ei.iloc[0] < ei.iloc[1] - 0.1


def test_manager_bypassed_in_advice(nh, advice, planted):
    chart = nh.org_chart()
    respondents = set(nh.nominations["respondent"])
    share = {}
    team_leads = nh.people.loc[nh.people["level"] == "manager", "person_id"]
    for m in team_leads:
        reports = [r for r in chart.successors(m) if r in respondents]
        if len(reports) >= 5:
            share[m] = sum(advice.has_edge(r, m) for r in reports) / len(reports)
    share = pd.Series(share).sort_values()
    manager = planted["bypassed_manager"]
    assert share.index[0] == manager
    assert share[manager] <= 0.2 and share.median() >= 0.5
    # the team goes to the expert instead
    team = list(chart.successors(manager))
    named = pd.Series([v for r in team for v in advice.successors(r)]).value_counts()
    assert named[planted["expert"]] == named.max() >= 3
    # the interaction log alone does not show it: the manager is in touch with the team
    G = nh.network("interactions", directed=False)
    assert sum(G.has_edge(manager, r) for r in team) >= 0.8 * len(team)


def test_key_person_exit_cuts_knowledge_flow(nh, advice, planted):
    U = nx.Graph(advice.to_undirected())
    base = len(max(nx.connected_components(U), key=len))
    loss = {}
    for v in list(U):
        H = U.copy()
        H.remove_node(v)
        loss[v] = base - 1 - len(max(nx.connected_components(H), key=len))
    loss = pd.Series(loss).sort_values(ascending=False)
    key = planted["key_person"]
    assert loss.index[0] == key and loss[key] >= 5
    holders = nh.expertise.loc[nh.expertise["topic"] == planted["key_topic"], "person_id"]
    assert holders.tolist() == [key]


def test_adoption_spread_through_clusters(nh, planted):
    posts = nh.events[nh.events["event"] == "platform_first_post"]
    first = posts.groupby("person_id")["timestamp"].min()
    people = nh.people.set_index("person_id")
    rate = people["department"].map(lambda d: 0).groupby(people["department"]).size()
    adopted = people.index.isin(first.index)
    rate = pd.Series(adopted, index=people.index).groupby(people["department"]).mean()
    assert rate[["Marketing & Communication", "HR"]].min() > 2 * rate[["Finance",
                                                                        "Operations"]].max()
    G = nh.network("interactions", directed=False)
    followers = [p for p in first.index if people.loc[p, "team"] not in planted["pilot_teams"]]
    earlier = [any(q in first.index and first[q] < first[p] for q in G[p]) for p in followers]
    assert sum(earlier) / len(earlier) >= 0.8
    # exposure matters: people with many adopting contacts adopt far more often
    exposure = pd.Series({p: sum(q in first.index for q in G[p]) / max(G.degree(p), 1)
                          for p in G})
    high = exposure >= exposure.quantile(0.75)
    low = exposure <= exposure.quantile(0.25)
    adopted_s = pd.Series(exposure.index.isin(first.index), index=exposure.index)
    assert adopted_s[high].mean() > 3 * adopted_s[low].mean()


def test_referral_hires_stay_longer(nh):
    ret = nh.costs[nh.costs["category"] == "retention"].set_index("item")["value"]
    referral = ret.pop("first-year retention, referral")
    assert referral > ret.max() + 0.05
    hired = nh.referrals[nh.referrals["hired"]]
    known = hired["still_employed_1y"].dropna()
    assert known.mean() >= 0.8
    # in the window itself, recent referral hires leave less often than other recent hires
    people = nh.people
    recent = people[people["hire_date"] >= "2021-01-01"]
    exits = set(nh.events.loc[nh.events["event"] == "exit", "person_id"])
    left = recent["person_id"].isin(exits)
    by_channel = left.groupby(recent["hire_channel"] == "referral").mean()
    assert by_channel[True] < by_channel[False]
