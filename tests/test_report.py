"""`socialhrm report`: its figures are the library's, its groups pass the privacy gate, its
ids are pseudonyms, its page loads nothing from outside, and bad input gets a message."""

from __future__ import annotations

import re

import networkx as nx
import pytest

import socialhrm
from socialhrm.network import describe
from socialhrm.privacy import protect_graph
from socialhrm.report import main, render_html, report_data
from socialhrm.roles import group_tie_matrix


@pytest.fixture(scope="module")
def org():
    return socialhrm.datasets.load("noordhaven")


@pytest.fixture(scope="module")
def data(org):
    return report_data(org.people, org.interactions, events=org.events, key="k",
                       progress=False)


@pytest.fixture(scope="module")
def page(data):
    return render_html(data)


def test_figures_equal_the_librarys(org, data, page):
    G = socialhrm.build_network(org.interactions, org.people)
    assert data["summary"] == describe(G).to_dict()
    assert f"{data['summary']['edges']:,}" in page and f"{nx.density(G):.4f}" in page
    # the tie matrix is the library's, on the graph with small groups merged (ids differ:
    # the report uses pseudonyms, so compare the values)
    expect = group_tie_matrix(protect_graph(G, "department", 5), by="department")
    got = data["matrix"]
    assert sorted(got.index) == sorted(expect.index)
    assert got.loc[expect.index, expect.columns].equals(expect)
    # the silo map is the kit's own E-I index (one definition everywhere)
    from socialhrm.roles import ei_index

    ei = ei_index(protect_graph(G, "department", 5), "department", 5)
    assert data["silos"]["ei_index"].sort_index().round(9).equals(ei.sort_index().round(9))


def test_small_groups_and_real_ids_never_reach_the_page(org, page):
    sizes = org.people["department"].value_counts()
    small = [d for d, n in sizes.items() if n < 5]
    assert small, "Noordhaven has a department below the minimum (the Board)"
    for name in small:
        assert not re.search(rf"\b{re.escape(name)}\b", page), name
    assert "other (&lt;5)" in page
    assert not re.search(r"NH\d{4}", page)  # real ids
    some_names = org.people["name"].head(20)
    assert not any(n in page for n in some_names)


def test_adoption_section_when_events_are_given(org, data, page):
    assert data["adoption"] is not None and data["adoption"]["overall"].iloc[-1] > 0
    assert "Adoption" in page
    assert "Adoption" not in render_html({**data, "adoption": None})


def test_cli_writes_the_report_and_reports_bad_input(repo, tmp_path, capsys):
    d = repo / "datasets" / "noordhaven"
    out = tmp_path / "report.html"
    assert main([str(d / "people.csv"), str(d / "interactions.csv"), "--out", str(out),
                 "--lang", "en"]) == 0
    text = out.read_text()
    assert text.startswith("<!DOCTYPE html>") and "people.csv" in text  # provenance
    bad = tmp_path / "log.csv"
    bad.write_text("from,to\nNH0001,NH0002\n")
    assert main([str(d / "people.csv"), str(bad), "--out", str(tmp_path / "x.html")]) == 2
    err = capsys.readouterr().err
    assert "sender" in err and "Traceback" not in err
    assert main([str(d / "people.csv"), str(d / "interactions.csv"), "--by", "shoe_size",
                 "--out", str(tmp_path / "y.html")]) == 2
    assert "shoe_size" in capsys.readouterr().err


@pytest.mark.slow
@pytest.mark.browser
def test_report_opens_in_the_browser_without_fetching_anything(page, tmp_path, browser):
    from pathlib import Path

    path = tmp_path / "report.html"
    path.write_text(page, encoding="utf-8")
    context = browser.new_context()
    try:
        tab = context.new_page()
        requests: list[str] = []
        tab.on("request", lambda r: requests.append(r.url))
        tab.goto(path.as_uri())
        assert tab.locator("h2").count() >= 5
        assert tab.evaluate("() => [...document.images].every(i => i.naturalWidth > 0)")
    finally:
        context.close()
    assert all(u.startswith(("file:", "data:")) for u in requests), requests
    assert Path(path).stat().st_size < 2_000_000


def test_adoption_is_the_kits_curve_and_exits_never_count(org, data):
    from socialhrm.adoption import adoption_curve
    from socialhrm.data import DataError
    from socialhrm.report import adoption_event

    curve = adoption_curve(org.events, org.people, None, 5)
    assert data["adoption"]["overall"].iloc[-1] == pytest.approx(curve["share"].iloc[-1])
    exits = org.events[org.events["event"] == "exit"]
    assert adoption_event(org.events) == "platform_first_post"
    with pytest.raises(DataError, match="only exits"):
        adoption_event(exits)
