"""The organisation picker's chart: every organisation's own network in one spec, picked by a parameter."""

import pytest
import vl_convert as vlc

from labkit.views import charts
from labkit.views.theme import ThemeData


@pytest.fixture(scope="module")
def d(programme):
    return ThemeData(programme, "brede-welvaart")


def test_frames_hold_every_organisation_and_tie(d):
    nodes, edges = d.ego_explorer_frames()
    H = d.coattendance
    assert set(nodes["id"]) == set(H.nodes) and len(edges) == H.number_of_edges()
    row = nodes.set_index("id").loc["org:global-compact"]
    assert set(row["partners"].strip("|").split("|")) == set(H.neighbors("org:global-compact"))
    # the places of the network map, so an organisation's network shows where it sits
    assert row["x"] == pytest.approx(d.layout["org:global-compact"][0], abs=1e-4)


def test_the_parameter_picks_the_network(d):
    nodes, edges = d.ego_explorer_frames()
    spec = charts.ego_explorer(nodes, edges, d.sectors_frame(), org="org:global-compact").to_dict()
    assert spec["params"] == [{"name": "org", "value": "org:global-compact"}]
    filters = [t["filter"] for layer in spec["layer"] for t in layer.get("transform", []) if "filter" in t]
    assert "datum.u == org || datum.v == org" in filters
    assert spec["title"]["text"] == "Netwerk van de gekozen organisatie"
    assert charts.ego_explorer(nodes, edges, d.sectors_frame(), title="").to_dict()["title"]["text"] == ""


def test_it_draws_the_picked_organisation_and_its_partners_only(d):
    nodes, edges = d.ego_explorer_frames()
    H = d.coattendance
    named = set(nodes[nodes["show_label"]]["id"])
    # an organisation that did not meet one of those the map names
    org, stranger = next((n, m) for n in sorted(H, key=H.degree) for m in sorted(named)
                         if m != n and not H.has_edge(n, m))
    spec = charts.configure(charts.ego_explorer(nodes, edges, d.sectors_frame(), org=org)).to_dict()
    svg = vlc.vegalite_to_svg(spec)
    labels = dict(zip(nodes["id"], nodes["label"]))
    assert labels[org] in svg
    assert labels[stranger] not in svg
    # a dot for it and one per partner, a line per tie
    assert svg.count('aria-roledescription="circle"') == 1 + H.degree(org)
    assert svg.count('aria-roledescription="rule mark"') == H.degree(org)
