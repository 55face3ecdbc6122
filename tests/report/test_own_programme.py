"""Theme reports of programmes that are not the 2021 middenvelddialogen: their own words,
kinds of table and roadmap, no word of 2021, no illustrative notice, and empty parts in one line."""

import base64
import html
import re

import pytest

import labkit
from labkit.report import html as sections, narrative
from labkit.report import runner as reports
from own_programme import (FOREIGN, HOST, HOST_ORG, KINDS, ORGANISER, STAGES, SUBTITLE, THEMES, THEMES_EN,
                           TITLE, TITLE_EN, foreign_words, regiodeal, themes_and_sessions)

pytestmark = pytest.mark.slow


SVG = re.compile(r'src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)"')


def text_of(page: str) -> str:
    """What a reader sees: no styles, scripts or tags; the charts' text (SVG images) kept."""
    charts = [base64.b64decode(b).decode("utf-8") for b in SVG.findall(page)]
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", " ".join([page, *charts]), flags=re.S)
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


@pytest.fixture(scope="module")
def regio(tmp_path_factory):
    base = tmp_path_factory.mktemp("regio")
    data = regiodeal(base / "data")
    outcomes = reports.run_reports(data_dir=data, out_dir=base / "out", jobs=2, progress=False)
    assert all(o.ok for o in outcomes)
    return {"data": data, "out": base / "out",
            "pages": {p.name: p.read_text(encoding="utf-8") for p in (base / "out").glob("*.html")}}


@pytest.fixture(scope="module")
def bare(tmp_path_factory):
    base = tmp_path_factory.mktemp("bare")
    data = themes_and_sessions(base / "data")
    outcomes = reports.run_reports(data_dir=data, out_dir=base / "out", jobs=2, progress=False)
    assert all(o.ok for o in outcomes)
    return {"out": base / "out",
            "pages": {p.name: p.read_text(encoding="utf-8") for p in (base / "out").glob("*.html")}}


def test_reports_tell_the_programmes_own_story(regio):
    assert set(regio["pages"]) == {"index.html", "wonen.html", "werk.html"}
    wonen, werk, index = (text_of(regio["pages"][f"{n}.html"]) for n in ("wonen", "werk", "index"))
    for page in (wonen, werk, index):
        assert f"{TITLE} · {SUBTITLE}" in page  # the kicker: the programme's own words
    for page in (wonen, werk):
        assert all(name in page for name in THEMES)
        assert f"Organisatie: {ORGANISER}." in page and "Looptijd: 15 januari 2026 tot en met 31 december 2026." in page
        assert "Gemeenten, onderwijs, bedrijven" in page  # its introduction
        assert "Elk thema kent drie soorten tafels, in deze volgorde:" in page
        assert all(k in page for k in KINDS)
    assert f"Host en voorzitter van dit thema: {HOST} ({HOST_ORG})." in wonen
    assert "Host en voorzitter van dit thema: Universiteit Twente." in werk
    assert all(name in index for name in THEMES)
    # its roadmap of two stages, its commitments and their progress
    assert f"Fase 1: {STAGES[0]}" in wonen and f"Fase 2: {STAGES[1]}" in werk
    assert "1.000 betaalbare woningen erbij" in wonen and "25%" in wonen
    assert "Leerwerkplekken bij regionale bedrijven" in werk and "40%" in werk


def test_no_word_of_2021_and_no_illustrative_notice(regio):
    for name, page in regio["pages"].items():
        assert foreign_words(page) == [] and foreign_words(text_of(page)) == [], name
        assert "illustratie" not in text_of(page).casefold(), name
        assert 'class="lk-notice"' not in page and 'class="lk-badge"' not in page, name
    for nb in regio["out"].glob("*.ipynb"):
        assert foreign_words(nb.read_text(encoding="utf-8")) == [], nb.name


def test_the_roadmap_chart_draws_the_programmes_stages_and_years(regio):
    page = text_of(regio["pages"]["wonen.html"])
    assert "De routekaart: waar staat elke toezegging?" in page
    assert "1. Plannen maken" in page and "2. Samen" in page  # lanes (wrapped)
    assert "2030" in page  # the target's year is marked
    assert "Wie kwam wanneer: Startbijeenkomst → Werksessie" in page


def test_a_programme_with_only_themes_and_sessions_says_what_is_missing(bare):
    assert set(bare["pages"]) == {"index.html", "wonen.html", "werk.html"}
    page = bare["pages"]["wonen.html"]
    empty = [text_of(m) for m in re.findall(r'<p class="lk-empty">(.*?)</p>', page)]
    assert empty == [
        "Voor dit thema is nog geen aanwezigheid vastgelegd: wie er aan tafel zaten, staat nog niet in de gegevens.",
        "Zonder aanwezigheid per tafel is er nog geen netwerk van organisaties te tonen.",
        "Voor dit thema zijn nog geen opbrengsten (vragen, ingrediënten, casussen) vastgelegd.",
        "Voor dit thema zijn (nog) geen toezeggingen vastgelegd.",
        "Dit programma heeft geen routekaart: er zijn geen fasen vastgelegd.",
        "Er zijn (nog) geen toezeggingen om te koppelen.",
        "Voor dit thema zijn geen citaten vastgelegd.",
    ]
    assert not SVG.search(page) and "<svg" not in page  # no empty axes anywhere
    assert "illustratie" not in text_of(page).casefold() and foreign_words(text_of(page)) == []
    assert "Dialogen Zeeland 2027" in text_of(bare["pages"]["index.html"])


# ------------------------------------------------------------ the same, in English, without a kernel

def report(path, theme, lang):
    p = labkit.load(path)
    return narrative.Report(p, theme, as_of=labkit.views.parameters.default_as_of(p), lang=lang)


def test_english_sections_use_the_english_words(regio):
    r = report(regio["data"], "wonen", "en")
    page = text_of("".join(str(f.html) for f in (
        sections.header(r), sections.programme_section(r), sections.participation_section(r),
        sections.network_section(r), sections.commitments_section(r), sections.quotes_section(r),
        sections.data_section(r))))
    assert f"{TITLE_EN} · Stronger together in the region" in page
    assert "Municipalities, education, business" in page and f"Organised by {ORGANISER}." in page
    assert all(name in page for name in THEMES_EN)
    assert "Each theme has three kinds of table, in this order:" in page
    assert "Kick-off : What is at stake" in page  # text_of puts a space after each tag
    assert "Working session : Van vraag naar plan" in page  # no English description: the Dutch one
    assert "Stage 1: Making plans" in page
    assert foreign_words(page) == [] and "illustrative" not in page


def test_a_programme_without_roadmap_lists_commitments_without_stages(regio, tmp_path):
    p = labkit.load(regio["data"])
    c = p.commitments.assign(stage_id=None)
    flat = p.replace(roadmap_stages=p.roadmap_stages.iloc[0:0], commitments=c)
    flat.save(tmp_path / "flat")
    r = report(tmp_path / "flat", "werk", "nl")
    page = text_of(str(sections.commitments_section(r).html))
    assert "2 toezeggingen en initiatieven. Stand per" in page
    assert "Dit programma heeft geen routekaart: er zijn geen fasen vastgelegd." in page
    assert "Leerwerkplekken bij regionale bedrijven" in page and "Fase" not in page
    from labkit.report import figures
    chart = figures.roadmap(r)  # the progress only: no lanes without stages
    assert chart is not None and "routekaart" not in str(chart.to_dict()).casefold()


def test_foreign_words_are_the_issues_list():
    assert FOREIGN == ("Nederland na de crisis", "middenvelddialogen", "Bouius", "drietrapsraket")
