"""Charts are specs: assert on to_dict(), not pixels. Rendering is checked once, with vl-convert."""

import datetime as dt

import pytest
import vl_convert as vlc

from labkit.views import charts
from labkit.views.parameters import default_as_of
from labkit.views.theme import ThemeData


@pytest.fixture(scope="module")
def d(programme):
    return ThemeData(programme, "brede-welvaart")


def layers(spec):
    return spec.get("layer", [spec])


def test_network_map_spec(d):
    nodes, edges = d.network_frames()
    spec = charts.network_map(nodes, edges, d.sectors_frame()).to_dict()
    rule, circle, names = layers(spec)
    assert rule["mark"]["type"] == "rule" and circle["mark"]["type"] == "circle"
    assert names["mark"]["type"] == "text" and names["encoding"]["text"]["field"] == "label"
    assert nodes["show_label"].sum() == 6
    assert circle["encoding"]["color"]["field"] == "sector_label"
    assert circle["encoding"]["size"]["field"] == "size"
    assert [t["field"] for t in circle["encoding"]["tooltip"]] == ["label", "sector_label", "role", "size"]
    # the sector colours follow the sectors' display order
    assert circle["encoding"]["color"]["scale"]["domain"][0] == "Overheid"
    assert circle["encoding"]["color"]["scale"]["range"][0] == charts.SECTOR_COLOURS["government"]


def test_roadmap_has_lanes_horizons_and_status(d, programme):
    items = d.roadmap_frame()
    spec = charts.roadmap_chart(items, as_of=default_as_of(programme)).to_dict()
    dots = [layer for layer in spec["layer"] if layer["mark"]["type"] == "point"][0]
    # from the first year to the year after the furthest horizon (2051): room for its dot
    assert dots["encoding"]["x"]["scale"]["domain"] == [2021, 2052]
    assert dots["encoding"]["y"]["field"] == "lane"
    assert dots["encoding"]["color"]["field"] == "status_label"
    tips = [t["field"] for t in dots["encoding"]["tooltip"]]
    assert "progress" in tips and "last_update" in tips
    rules = [layer for layer in spec["layer"] if layer["mark"]["type"] == "rule"]
    years = sorted(v["year"] for layer in rules for v in spec["datasets"][layer["data"]["name"]])
    assert 2030 in years and 2050 in years
    # every layer shares the 2021-2052 scale (a rule layer must not stretch it to zero)
    for layer in spec["layer"]:
        assert layer["encoding"]["x"]["scale"]["domain"] == [2021, 2052]
    assert dots["encoding"]["x"]["axis"]["values"] == [2021, 2025, 2030, 2035, 2040, 2045, 2050]


def test_roadmap_of_any_programme_takes_its_years_and_stages_from_the_data(d):
    items = d.roadmap_frame().assign(year=2027.5, kind="idea", has_horizon=False)
    spec = charts.roadmap_chart(items, as_of=dt.date(2026, 5, 1), start=2026,
                                stages=["1. Eerst", *items["stage_label"].unique()]).to_dict()
    dots = [layer for layer in spec["layer"] if layer["mark"]["type"] == "point"][0]
    assert dots["encoding"]["x"]["scale"]["domain"] == [2026, 2028]
    assert dots["encoding"]["x"]["axis"]["values"] == [2026, 2027, 2028]
    assert dots["encoding"]["y"]["scale"]["domain"][0] == "1. Eerst"  # a lane for a stage without commitments
    assert not [layer for layer in spec["layer"] if layer["mark"]["type"] == "rule" and "strokeDash" in layer["mark"]]


def test_roadmap_without_horizon_is_drawn_open(d):
    items = d.roadmap_frame()
    assert set(items[~items["has_horizon"]]["horizon_label"]) == {"geen jaar genoemd"}
    assert (items[items["has_horizon"]]["year"] >= 2030).all()


def test_sdg_chart_uses_official_colours(d):
    sdg = d.sdg_frame()
    spec = charts.sdg_chart(sdg).to_dict()
    assert spec["encoding"]["color"]["scale"]["range"][12] == "#3F7E44"  # SDG 13
    assert len(spec["encoding"]["color"]["scale"]["domain"]) == 17


def test_titles_follow_the_language(d):
    assert charts.welfare_chart(d.welfare_frame("en"), lang="en").to_dict()["title"]["text"].startswith("Broad welfare")
    assert charts.welfare_chart(d.welfare_frame()).to_dict()["title"]["text"].startswith("Brede welvaart")


def test_every_chart_renders_offline_to_svg(d, programme):
    """Rendered once each, without a browser or network: the specs are valid Vega-Lite."""
    sectors = d.sectors_frame()
    specs = [charts.network_map(*d.network_frames(), sectors), charts.mixing_heatmap(d.mixing_frame()),
             charts.ei_chance_chart(d.ei_frame(), sectors), charts.composition_chart(d.composition_frame(), sectors),
             charts.continuity_chart(d.continuity_frame()),
             charts.roadmap_chart(d.roadmap_frame(), as_of=dt.date(2026, 1, 1)),
             charts.sdg_chart(d.sdg_frame()), charts.welfare_chart(d.welfare_frame()),
             charts.progress_chart(d.progress_frame())]
    for chart in specs:
        svg = vlc.vegalite_to_svg(charts.configure(chart).to_dict())
        assert svg.startswith("<svg") and "<text" in svg


def test_hostile_text_is_data_not_markup(d):
    nodes, edges = d.network_frames()
    nodes.loc[0, "label"] = "<script>alert(1)</script>"
    svg = vlc.vegalite_to_svg(charts.configure(charts.network_map(nodes, edges, d.sectors_frame())).to_dict())
    assert "<script>" not in svg
