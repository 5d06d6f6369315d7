"""Published figures of real organisational networks, reproduced through the kit's own API."""

from __future__ import annotations

import networkx as nx
import pytest

from socialhrm import (
    build_network,
    centrality_table,
    describe,
    org_chart,
    read_interactions,
    read_nominations,
    read_people,
)

EDGE_COLS = {"source": "respondent", "target": "nominee"}


@pytest.fixture(scope="module")
def krackhardt(realdata):
    people = read_people(realdata / "krackhardt_nodes.csv", columns={"id": "person_id"})
    graphs = {}
    for rel in ("advice", "friendship"):
        noms = read_nominations(realdata / f"krackhardt_{rel}.csv", columns=EDGE_COLS,
                                relation=rel, people=people)
        graphs[rel] = build_network(noms, people)
    return people, graphs


@pytest.mark.parametrize(
    ("relation", "arcs", "density", "reciprocity", "census"),
    [("advice", 190, 0.452, 0.474, (45, 100, 65)),
     ("friendship", 102, 0.243, 0.451, (23, 56, 131))],
)
def test_krackhardt_published_figures(krackhardt, relation, arcs, density, reciprocity, census):
    facts = describe(krackhardt[1][relation])
    assert facts["nodes"] == 21
    assert facts["edges"] == arcs
    assert facts["density"] == pytest.approx(density, abs=5e-4)
    assert facts["reciprocity"] == pytest.approx(reciprocity, abs=5e-4)
    assert (facts["mutual"], facts["asymmetric"], facts["null"]) == census


def test_krackhardt_most_sought_advisers(krackhardt):
    table = centrality_table(krackhardt[1]["advice"])
    top = table["in_degree"].sort_values(ascending=False, kind="stable")
    assert top.index[0] == "2" and top.iloc[0] == 18
    assert set(top.index[1:3]) == {"18", "21"} and list(top.iloc[1:3]) == [15, 15]


def test_krackhardt_node_attributes_joined_by_id(krackhardt):
    G = krackhardt[1]["advice"]
    # NodeName A07 belongs to id 7, the CEO (Level 1, Department 0); "Level" and
    # "Department" match our canonical column names case-insensitively
    assert G.nodes["7"]["NodeName"] == "A07"
    assert G.nodes["7"]["level"] == "1" and G.nodes["7"]["department"] == "0"
    assert G.nodes["7"]["Age"] == 55


def test_krackhardt_formal_chart_is_a_tree_rooted_at_the_ceo(realdata):
    reports = read_nominations(realdata / "krackhardt_reports_to.csv", columns=EDGE_COLS,
                               relation="reports_to")
    people = read_people(realdata / "krackhardt_nodes.csv", columns={"id": "person_id"})
    people = people.drop(columns="manager_id").merge(
        reports.rename(columns={"respondent": "person_id", "nominee": "manager_id"})[
            ["person_id", "manager_id"]], on="person_id", how="left")
    chart = org_chart(people)
    assert chart.number_of_edges() == 20
    assert nx.is_arborescence(chart)
    assert [n for n, d in chart.in_degree() if d == 0] == ["7"]


def test_lazega_partners_mutual_cowork(realdata):
    people = read_people(realdata / "lazega_nodes.csv", columns={"id": "person_id"})
    partners = people[people["status"] == 1]
    assert len(partners) == 36
    cowork = read_nominations(realdata / "lazega_cowork.csv", columns=EDGE_COLS,
                              relation="cowork")
    assert len(cowork) == 1104
    G = build_network(cowork[cowork["respondent"].isin(partners["person_id"])
                             & cowork["nominee"].isin(partners["person_id"])],
                      partners, directed=False, reciprocated=True)
    facts = describe(G)
    assert (facts["nodes"], facts["edges"]) == (36, 115)
    assert facts["density"] == pytest.approx(0.183, abs=5e-4)


@pytest.mark.parametrize(("relation", "arcs", "density", "reciprocity"),
                         [("advice", 892, 0.180, 0.392), ("friendship", 575, 0.116, 0.612),
                          ("cowork", 1104, 0.222, 0.685)])
def test_lazega_relations(realdata, relation, arcs, density, reciprocity):
    noms = read_nominations(realdata / f"lazega_{relation}.csv", columns=EDGE_COLS,
                            relation=relation)
    people = read_people(realdata / "lazega_nodes.csv", columns={"id": "person_id"})
    facts = describe(build_network(noms, people))
    assert (facts["nodes"], facts["edges"]) == (71, arcs)
    # the published densities are rounded (892 / (71 * 70) = 0.1795 is quoted as 0.180)
    assert facts["density"] == pytest.approx(density, abs=1e-3)
    assert facts["reciprocity"] == pytest.approx(reciprocity, abs=5e-4)


@pytest.fixture(scope="module")
def email_eu(realdata):
    people = read_people(realdata / "email_eu_core_departments.csv", columns={"id": "person_id"})
    log = read_interactions(realdata / "email_eu_core_edges.csv",
                            columns={"source": "sender", "target": "recipient"},
                            self_loops="keep")
    return people, log


def test_email_eu_core_snap_figures(email_eu):
    people, log = email_eu
    assert len(log) == 25571
    G = build_network(log, people)
    facts = describe(G)
    assert facts["nodes"] == 1005
    assert facts["edges"] == 25571
    assert facts["self_loops"] == 642
    assert facts["largest_weak"] == 986
    assert facts["largest_strong"] == 803
    assert facts["average_clustering"] == pytest.approx(0.3994, abs=5e-5)
    assert facts["triangles"] == 105461
    assert G.nodes["0"]["department"] == "1"


def test_email_eu_core_without_self_loops(email_eu, recwarn):
    people, _ = email_eu
    log = read_interactions(email_eu[1], self_loops="drop")
    assert any("dropped 642 self-loops" in str(w.message) for w in recwarn.list)
    facts = describe(build_network(log, people))
    assert facts["edges"] == 24929
    assert facts["reciprocity"] == pytest.approx(0.711, abs=5e-4)
    assert facts["strong_components"] == 203


def test_email_eu_core_engines_agree(email_eu):
    """igraph (used for large graphs) gives networkx's own values on real data."""
    people, log = email_eu
    G = build_network(log, people)
    fast = centrality_table(G, engine="fast", k=100, seed=7)
    slow = centrality_table(G, engine="networkx", k=100, seed=7)
    assert fast.attrs["betweenness"] == "sampled (k=100, seed=7)"
    for col in fast.columns:
        diff = (fast[col] - slow[col]).abs().max()
        assert diff < 1e-9, f"{col} differs by {diff}"
