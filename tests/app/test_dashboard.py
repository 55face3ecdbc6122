"""The dashboard's widgets, without a browser (the browser tests are in test_dashboard_browser.py)."""

import pytest

from labkit.app.dashboard import Dashboard, apply_url, esc, url_parameters
from labkit.errors import ParameterError


@pytest.fixture(scope="module")
def app(programme):
    return Dashboard(programme)


def test_defaults_dutch_and_first_theme_with_sessions(app):
    assert app.theme == "brede-welvaart" and app.lang == "nl"
    assert app.tabs.titles == ("Wie deden mee", "Verbindingen", "Routekaart", "Brede welvaart & SDG's")
    assert "illustratief" in app.notice.value
    assert "Regina Bouius-Riemersma" in app.header.value
    # the programme's own words, from its data package
    assert "<h1>Middenvelddialogen 2021</h1>" in app.header.value
    assert "Nederland na de crisis" in app.header.value
    # the kinds of table, in order, from the package's table_kinds
    assert [label for label, _ in app.table_dd.options] == [
        "Alle tafels", "Focustafel", "Verdiepingstafel", "Werkplaats"]


def test_tabs_draw_when_opened(programme):
    a = Dashboard(programme)
    assert a.slots["network"].chart is None
    a.tabs.selected_index = 1
    assert a.slots["network"].chart is not None
    # the connections tab says, with its numbers, how the mixing compares with chance
    assert "<p class='lk-chance'>De organisaties zaten even vaak met andere sectoren aan tafel als toeval" \
        in a.texts["chance"].value
    assert a.slots["ei"].chart.spec["title"]["text"].startswith("Mengden sectoren meer dan toeval")


def test_filters_are_chart_parameters_not_new_specs(programme):
    a = Dashboard(programme)
    a.tabs.selected_index = 1
    jc = a.slots["network"].chart
    before = jc.spec
    a.sector_dd.value = "union"
    a.table_dd.value = "werkplaats"
    a.size_dd.value = "betweenness"
    assert a.slots["network"].chart is jc  # one widget per slot: the JS is shipped once
    assert jc.spec is before  # nothing re-sent: the browser re-renders from parameters
    assert (jc.params.sector, jc.params.table, jc.params.size_by) == ("union", "werkplaats", "betweenness")
    # a new theme or language sends a new spec that starts from the chosen filters
    a.set_lang("en")
    a.tabs.selected_index = 1
    params = {p["name"]: p.get("value") for p in jc.spec["params"]}
    assert params == {"sector": "union", "table": "werkplaats", "size_by": "betweenness"}


def test_language_switch(programme):
    a = Dashboard(programme)
    a.set_lang("en")
    assert a.tabs.titles[0] == "Who took part"
    assert "illustrative" in a.notice.value
    assert a.sector_dd.options[0][0] == "All sectors"


def test_theme_without_sessions(programme):
    a = Dashboard(programme, theme="samen-leven")
    assert "nog geen sessies" in a.notice.value
    assert a.slots["composition"].chart is None


def test_url_parameters(programme):
    assert url_parameters("theme=leefomgeving", programme) == {"theme": "leefomgeving"}
    assert url_parameters("thema=leefomgeving&lang=en", programme) == {"theme": "leefomgeving", "lang": "en"}
    assert url_parameters("", programme) == {}
    for bad in ("theme=../../etc/passwd", "theme=nope", "theme=a&theme=b", "evil=1", "lang=fr",
                "theme=%3Cscript%3E"):
        with pytest.raises(ParameterError):
            url_parameters(bad, programme)


def test_bad_url_shows_an_escaped_message(programme):
    a = Dashboard(programme)
    apply_url(a, "theme=%3Cscript%3Ealert(1)%3C/script%3E")
    assert "<script>" not in a.notice.value and "&lt;script&gt;" in a.notice.value
    assert a.theme == "brede-welvaart"


def test_hostile_names_are_escaped(programme):
    orgs = programme.organisations.copy()
    orgs.loc[orgs["id"] == "fnv", "name"] = "<img src=x onerror=alert(1)>FNV"
    a = Dashboard(programme.replace(organisations=orgs))
    a.tabs.selected_index = 1
    a.org_dd.value = "org:fnv"
    assert "<img" not in a.texts["ego"].value and "&lt;img src=x" in a.texts["ego"].value
    assert esc("<b>") == "&lt;b&gt;"


# ------------------------------------------------------------ the first view
SERVED = "labkit-vega-0123456789abcdef.js"


def test_preview_only_under_labkit_serve(programme, monkeypatch):
    monkeypatch.delenv("LABKIT_CHART_MODULE", raising=False)
    assert Dashboard(programme).preview() is None


def test_preview_is_the_first_tab_as_data(programme, monkeypatch):
    monkeypatch.setenv("LABKIT_CHART_MODULE", SERVED)
    app = Dashboard(programme)
    bundle = app.preview()._repr_mimebundle_()
    data = bundle["application/vnd.labkit.preview+json"]
    assert data["spec"] == app.slots["composition"].chart.spec  # the very chart the live app draws
    assert (data["kicker"], data["title"]) == ("Nederland na de crisis", "Middenvelddialogen 2021")
    assert data["tabs"][0] == "Wie deden mee"
    assert [n["role"] for n in data["notices"]] == ["note"]  # the embedded data is partly illustrative
    assert "illustratief" in data["notices"][0]["text"]
    sessions = app.data.sessions
    assert data["cards"][0] == {"value": len(sessions), "label": "Sessies"}
    # plain text, not markup: the page template escapes it
    assert "<" not in data["subtitle"] and "&amp;" not in data["subtitle"]


def test_preview_follows_the_url(programme, monkeypatch):
    monkeypatch.setenv("LABKIT_CHART_MODULE", SERVED)
    app = Dashboard(programme)
    apply_url(app, "lang=en")
    assert app.preview().data["title"] == "Civil-society dialogues 2021"
    apply_url(app, "theme=<script>x</script>")  # a bad link: the message is part of the first view too
    data = app.preview().data
    assert data["notices"][-1]["role"] == "alert"
    assert "<script>x</script>" in data["notices"][-1]["text"]  # raw here; escaped by the template


def test_no_preview_when_the_first_tab_has_no_chart(programme, monkeypatch):
    monkeypatch.setenv("LABKIT_CHART_MODULE", SERVED)
    app = Dashboard(programme)
    apply_url(app, "theme=samen-leven")  # no sessions recorded
    assert app.preview() is None


# ------------------------------------------------------------ programmes of their own
import json  # noqa: E402

import labkit  # noqa: E402
from own_programme import (HOST, HOST_ORG, KINDS, STAGES, SUBTITLE, THEMES, THEMES_EN, TITLE, TITLE_EN,  # noqa: E402
                           foreign_words, regiodeal, themes_and_sessions)


def everything(app: Dashboard) -> str:
    """Every tab drawn, then all the page's text and every chart spec, as one string."""
    for i in range(len(app.tabs.children)):
        app.tabs.selected_index = i
    texts = [app.header.value, app.notice.value, app.cards.value, *(e.value for e in app.empty),
             *(x.value for x in app.texts.values()), json.dumps(app.theme_dd.options),
             json.dumps(app.table_dd.options), json.dumps(app.tabs.titles)]
    specs = [json.dumps(s.chart.spec, ensure_ascii=False) for s in app.slots.values() if s.chart is not None]
    return "\n".join(texts + specs)


@pytest.fixture(scope="module")
def regio(tmp_path_factory):
    return labkit.load(regiodeal(tmp_path_factory.mktemp("regio") / "data"))


def test_own_programme_in_its_own_words(regio):
    app = Dashboard(regio)
    assert app.theme == "wonen"
    page = everything(app)
    assert f"<h1>{TITLE}</h1>" in app.header.value and SUBTITLE in app.header.value
    assert f"Host: {HOST} ({HOST_ORG})" in app.header.value
    assert all(name in page for name in THEMES) and all(k in page for k in KINDS[:2])
    assert f"1. {STAGES[0]}" in page and "2030" in page  # its roadmap, its target's year
    assert "Wie kwam wanneer: Startbijeenkomst → Werksessie" in page
    assert foreign_words(page) == []
    assert app.notice.value == "" and "illustratief" not in page  # nothing in it is illustrative
    # every chart drawn (one round: no "over time" tab, so no chart of rounds)
    assert [s for s, x in app.slots.items() if x.chart is None] == ["rounds"] and len(app.tabs.children) == 4
    app.set_theme("werk")
    app.set_lang("en")
    page = everything(app)
    assert f"<h1>{TITLE_EN}</h1>" in app.header.value and "Host: Universiteit Twente" in app.header.value
    assert all(name in page for name in THEMES_EN) and "Kick-off" in page and "Closing meeting" in page
    assert foreign_words(page) == []


def test_own_programme_first_view(regio, monkeypatch):
    monkeypatch.setenv("LABKIT_CHART_MODULE", SERVED)
    data = Dashboard(regio).preview().data
    assert (data["kicker"], data["title"]) == (SUBTITLE, TITLE)
    assert data["notices"] == [] and foreign_words(json.dumps(data, ensure_ascii=False)) == []


def test_only_themes_and_sessions_each_tab_says_what_is_missing(tmp_path):
    app = Dashboard(labkit.load(themes_and_sessions(tmp_path / "data")))
    page = everything(app)
    said = [[x for x in e.value.split("</p>") if x] for e in app.empty[:len(app.tabs.children)]]
    assert [len(lines) for lines in said] == [1, 1, 2, 1]  # the roadmap tab: no roadmap, no commitments
    assert "nog geen aanwezigheid" in app.empty[0].value.casefold()
    assert "geen routekaart" in app.empty[2].value and "nog geen toezeggingen" in app.empty[3].value
    assert all(s.chart is None for s in app.slots.values())  # no empty axes
    assert app.notice.value == "" and foreign_words(page) == []


def test_a_new_programme_says_it_has_no_themes(tmp_path):
    from labkit.data.new import new_programme
    app = Dashboard(new_programme(tmp_path / "new", title="Nieuw programma"))
    assert "<h1>Nieuw programma</h1>" in app.header.value
    assert "nog geen thema" in app.notice.value and app.preview() is None
