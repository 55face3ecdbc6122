"""The E-I index against chance where people see it: ThemeData's frame and sentences, the
chart that replaced the raw E-I bars, and the report, dashboard and site that show them."""

import datetime as dt
import json

import pytest

import labkit
from conftest import DATA, make_programme
from labkit import analytics
from labkit.views import charts
from labkit.views.theme import ThemeData


def seated(groups: list[list[str]]):
    """Two sectors of six organisations (one person each); every session seats ``groups``'
    organisations, so who sat with whom is chosen, not left to chance."""
    orgs = [{"id": f"{s}{i}", "name": f"{s.upper()} {i}", "sector": s, "source": "import"}
            for s in ("gov", "biz") for i in range(6)]
    people = [{"id": f"p-{o['id']}", "consent_named": False, "organisation_id": o["id"], "role": "participant",
               "source": "import"} for o in orgs]
    sessions = [{"id": f"s{k}", "theme_id": "t", "kind": "focustafel", "order": 1, "month": "2026-03",
                 "title_nl": f"Tafel {k}", "source": "import"} for k in range(len(groups))]
    attendance = [{"session_id": f"s{k}", "participant_id": f"p-{o}", "role": "participant", "source": "import"}
                  for k, group in enumerate(groups) for o in group]
    return make_programme(organisations=orgs, participants=people, sessions=sessions, attendance=attendance)


#: each sector at tables of its own: every tie inside the sector
APART = [[f"gov{i}" for i in range(3)], [f"gov{i}" for i in range(3, 6)],
         [f"biz{i}" for i in range(3)], [f"biz{i}" for i in range(3, 6)]]
#: every table one organisation of each sector: every tie across
MIXED = [[f"gov{i}", f"biz{i}"] for i in range(6)] + [[f"gov{i}", f"biz{(i + 1) % 6}"] for i in range(6)]


def test_the_frame_is_the_permutation_test_per_sector():
    d = ThemeData(labkit.load(DATA), "brede-welvaart")
    frame = d.ei_frame("nl")
    direct = analytics.ei_index_permutation(d.coattendance, attr="sector")
    assert list(frame["sector"]) == [s for s in d.sectors_frame("nl")["id"] if s in direct["by_group"]]
    for r in frame.itertuples(index=False):
        g = direct["by_group"][r.sector]
        assert (r.ei, r.expected, r.low, r.high, r.p_value) == (
            g["observed"], g["expected"], g["low"], g["high"], g["p_value"])
    # on the example the organisations mixed exactly as random seating would
    assert set(frame["verdict"]) == {"as_chance"} and set(frame["verdict_label"]) == {"zoals toeval"}


@pytest.mark.parametrize("groups, verdict, nl, en", [
    (APART, "less", "minder vaak", "less often"),
    (MIXED, "more", "vaker", "more often"),
])
def test_sentences_say_more_or_less_than_chance_with_the_numbers(groups, verdict, nl, en):
    d = ThemeData(seated(groups), "t")
    assert d.ei_chance["p_value"] < 0.05
    frame = d.ei_frame("en")
    assert set(frame["verdict"]) == {verdict}
    for lang, word in (("nl", nl), ("en", en)):
        said = d.chance_sentences(lang)
        figure = f"{abs(d.ei_chance['observed']):.2f}".replace(".", "," if lang == "nl" else ".")
        assert word in said[0] and figure in said[0], said
        assert len(said) == 3  # the network, then each of the two sectors that differ from chance
        assert all(name in " ".join(said[1:]) for name in ("gov", "biz"))


def test_as_chance_says_so_and_that_no_sector_differs():
    d = ThemeData(labkit.load(DATA), "brede-welvaart")
    said = d.chance_sentences("en")
    assert said[0].startswith("Organisations sat at the table with other sectors as often as chance would give")
    assert "within what chance gives" in said[0] and "With 38 organisations" in said[0]
    assert said[1] == "No sector differs from chance by more than chance itself gives."
    assert said[2].startswith("Organisations worked with other sectors as often as chance would give")  # the collaborations


def test_no_sentences_without_ties():
    d = ThemeData(seated([["gov0"], ["biz0"]]), "t")
    assert d.chance_sentences("nl") == []


def test_the_chart_draws_range_mean_and_observed_per_sector():
    d = ThemeData(seated(APART), "t")
    spec = charts.ei_chance_chart(d.ei_frame("nl"), d.sectors_frame("nl"), lang="nl").to_dict()
    layers = spec["layer"]
    marks = [(lay["mark"]["type"] if isinstance(lay["mark"], dict) else lay["mark"]) for lay in layers]
    assert marks == ["rule", "bar", "tick", "point"]  # zero, chance range, its mean, the sector
    bar, tick, point = layers[1:]
    assert (bar["encoding"]["x"]["field"], bar["encoding"]["x2"]["field"]) == ("low", "high")
    assert tick["encoding"]["x"]["field"] == "expected" and point["encoding"]["x"]["field"] == "ei"
    assert spec["title"]["text"] == "Mengden sectoren meer dan toeval zou geven? (E-I-index)"
    assert point["encoding"]["x"]["scale"]["domain"] == [-1.0, 1.0]  # all ties inside: -1 is shown
    rows = json.dumps(spec["datasets"])
    assert "minder dan toeval" in rows


def test_the_chart_zooms_to_the_data_and_leaves_out_zero_when_far():
    d = ThemeData(labkit.load(DATA), "brede-welvaart")
    spec = charts.ei_chance_chart(d.ei_frame("en"), d.sectors_frame("en"), lang="en").to_dict()
    domain = spec["layer"][-1]["encoding"]["x"]["scale"]["domain"]
    assert domain[1] == 1.0 and 0 < domain[0] <= d.ei_frame("en")[["ei", "low"]].min().min()
    assert len(spec["layer"]) == 3  # no zero line outside the axis


def test_the_report_says_it():
    from labkit.report import html as report_html
    from labkit.report.narrative import Report
    p = labkit.load(DATA)
    r = Report(p, "brede-welvaart", as_of=dt.date(2026, 8, 16), lang="nl")
    text = str(report_html.network_section(r).html)
    assert "zaten even vaak met andere sectoren aan tafel als toeval zou geven" in text
    assert "Geen enkele sector wijkt meer af van toeval dan toeval zelf geeft." in text


def test_a_hostile_sector_name_stays_text_in_the_sentences_and_the_chart():
    from hostile import CORPUS
    from labkit.app.dashboard import Dashboard
    hostile = CORPUS[1]  # '<img src=x onerror=...>'
    p = seated(APART)
    sectors = p.sectors.copy()
    sectors.loc[sectors["id"] == "gov", "name_nl"] = hostile
    p = p.replace(sectors=sectors)
    a = Dashboard(p)
    a.tabs.selected_index = 1
    html = a.texts["chance"].value
    assert "&lt;img src=x onerror=" in html and "<img" not in html
    rows = [r for ds in a.slots["ei"].chart.spec["datasets"].values() for r in ds]
    assert hostile in {r.get("sector_label") for r in rows}  # data, drawn by Vega as text
