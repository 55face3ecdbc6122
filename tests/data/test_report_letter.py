"""The embedded data held to the letter of the source report (issue 14, part 2).

Every item found by a careful read of ``data/`` against the report is pinned here with the
report's own line, and every row that claims the report's words (quotes, paraphrases,
titles and questions given "as in the report") must occur in the report's text.

The report is read from ``tests/fixtures/source-report/`` (a byte-for-byte copy, so these
tests never depend on a file outside the repository); :func:`test_the_copy_is_the_shared_report`
holds that copy to ``../shared/source-report/`` beside the repository, which CI provides.
"""

import datetime as dt
import re
import unicodedata

import pytest

from conftest import DATA, ROOT
from labkit import i18n
from labkit.analytics import format_headline, headline
from labkit.analytics.composition import participating_organisations
from labkit.analytics.summary import format_summary, summarize
from labkit.report import html as report_html, narrative
from labkit.report.narrative import Report
from labkit.views import charts
from labkit.views.theme import ThemeData

REPORT_NAME = "verslag-middenvelddialogen-brede-welvaart.txt"
FIXTURE = ROOT / "tests" / "fixtures" / "source-report" / REPORT_NAME
SHARED = ROOT.parent / "shared" / "source-report" / REPORT_NAME
THEME = "brede-welvaart"
AS_OF = dt.date(2026, 8, 16)


def normal(text: str) -> str:
    """Text compared as words: no bold markers, one kind of quote and dash, single spaces, any case."""
    text = unicodedata.normalize("NFC", text).replace("**", "")
    for a, b in (("‘", "'"), ("’", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("\u00a0", " ")):
        text = text.replace(a, b)
    return re.sub(r"\s+", " ", text).strip().casefold()


@pytest.fixture(scope="module")
def report_text() -> str:
    return normal(FIXTURE.read_text(encoding="utf-8"))


def says(report_text, words) -> bool:
    return normal(words) in report_text


@pytest.fixture(scope="module")
def bw(programme):
    return Report(programme, THEME, as_of=AS_OF)


def sections(programme, lang="nl", facts_only=False) -> str:
    """Every section of the theme report as plain text."""
    if facts_only:
        programme = programme.replace(**narrative.facts_only_tables(programme.tables))
    r = Report(programme, THEME, as_of=AS_OF, lang=lang, facts_only=facts_only)
    parts = [report_html.header, report_html.programme_section, report_html.participation_section,
             report_html.network_section, report_html.insights_section, report_html.commitments_section,
             report_html.coverage_section, report_html.quotes_section, report_html.data_section]
    html = " ".join(str(f(r).html) for f in parts) + " " + narrative.one_line(r)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&#39;", "'").replace("&amp;", "&")


# --------------------------------------------------------------------------- the source itself

#: SHA-256 of the source report's text as CI's shared/source-report/ holds it: a clone
#: without that folder beside it still checks that the committed copy is that text.
REPORT_SHA256 = "9bfc734772a3eb0f6dbbb9a79b567c5558eca4ce68430bcd5839f8411fe8e5b1"


def test_the_copy_is_the_shared_report():
    import hashlib
    assert hashlib.sha256(FIXTURE.read_bytes()).hexdigest() == REPORT_SHA256, (
        f"{FIXTURE.relative_to(ROOT)} is not the source report's text: copy shared/source-report/ over it")
    if SHARED.is_file():  # beside the checkout, as CI has it: the very same bytes
        assert FIXTURE.read_bytes() == SHARED.read_bytes(), (
            f"{FIXTURE.relative_to(ROOT)} differs from {SHARED}: copy the shared report over it")


def verbatim_claims(p):
    """(where, text) for every value that claims to be the report's own words."""
    out = []
    for r in p.quotes.itertuples():  # quotes verbatim; a paraphrase is the report's own wording
        out.append((f"quotes {r.id} ({r.form})", r.text_nl))
    for r in p.cases.itertuples():  # "Title as in the report", "The case's central question"
        out += [(f"cases {r.id} title", r.title_nl), (f"cases {r.id} question", r.central_question_nl)]
    for r in p.roadmap_stages.itertuples():  # "The report's wording"
        out.append((f"roadmap_stages {r.id}", r.text_nl))
    for r in p.themes.itertuples():  # "Dutch name as in the report"
        out.append((f"themes {r.id}", r.name_nl))
    for r in p.organisations.itertuples():  # "Name as the report spells it"
        if "names it only indirectly" in str(r.sector_note):  # the host's province: its usual name
            continue
        out.append((f"organisations {r.id}", r.name))
    for r in p.organisation_aliases[p.organisation_aliases["source"].str.startswith("report:")].itertuples():
        out.append((f"organisation_aliases {r.organisation_id} {r.alias}", r.alias))
    for r in p.participants[p.participants["source"].str.startswith("report:")].itertuples():
        out.append((f"participants {r.id} name", r.name))
        if isinstance(r.position_nl, str):
            out.append((f"participants {r.id} position", r.position_nl))
    ins = p.insights
    for r in ins[ins["kind"] == "question"].itertuples():  # the generative questions, word for word
        out.append((f"insights {r.id}", r.text_nl))
    for r in ins[ins["kind"] == "ingredient"].itertuples():  # the report's headings
        out.append((f"insights {r.id} title", r.title_nl))
    for r in p.commitments[p.commitments["kind"] == "policy_target"].itertuples():
        out.append((f"commitments {r.id}", r.text_nl))
    return out


def test_every_verbatim_claim_is_in_the_report(programme, report_text):
    claims = verbatim_claims(programme)
    assert len(claims) > 90
    missing = [where for where, text in claims if isinstance(text, str) and not says(report_text, text)]
    assert not missing, f"not in the report's text: {missing}"


def test_every_report_row_points_at_a_section_the_report_has(programme, report_text):
    headings = {"1": "1. centrale focus", "2.1": "2.1 inzetten op duurzaamheid", "2.2": "2.2 werk maken",
                "3.1": "3.1 duurzaamheid inbedden", "3.2": "3.2 werken aan inclusiviteit",
                "4": "4. verder met brede", "5": "5. reacties van de deelnemers"}
    for name, df in programme.tables.items():
        for src in set(df.get("source", [])):
            if src.startswith("report:") and src[7:] in headings:
                assert headings[src[7:]] in report_text, (name, src)


# --------------------------------------------------------------------------- horizons

def test_a_horizon_the_report_does_not_give_is_marked_as_our_reading(programme, report_text):
    # "laat de lange termijn doelen (10/20/30 jaar) matchen met de SDG-doelen" (section 4): no year
    c = programme.commitments.set_index("id")
    assert says(report_text, "laat de lange termijn doelen (10/20/30 jaar) matchen met de SDG-doelen")
    assert "2051" not in report_text
    assert c.loc["c-raket-2", "horizon"] == 2051 and c.loc["c-raket-2", "horizon_source"] == "reading"
    # "Het liefst voor een langere periode, zeg 10 -15 jaar" (3.2): a period measured, not a year
    assert says(report_text, "het liefst voor een langere periode, zeg 10 -15 jaar")
    assert "2036" not in report_text
    assert c["horizon"].isna()["c-indicator-vertrouwen"]
    assert "not a target year" in c.loc["c-indicator-vertrouwen", "horizon_note"]
    # every horizon says whose it is; the report's own years are in the report
    dated = c[c["horizon"].notna()]
    assert set(dated["horizon_source"]) <= {"report", "reading"} and dated["horizon_source"].notna().all()
    for cid, row in dated[dated["horizon_source"] == "report"].iterrows():
        assert str(int(row["horizon"])) in report_text, cid


def test_the_roadmap_draws_our_reading_apart_and_says_so(programme):
    d = ThemeData(programme, THEME)
    for lang, word in (("nl", "eigen lezing"), ("en", "our reading")):
        items = d.roadmap_frame(lang).set_index("id")
        assert items.loc["c-raket-2", "horizon_kind"] == "reading"
        assert items.loc["c-raket-2", "horizon_label"] == f"2051 ({word})"
        assert items.loc["c-doel-circulair-2030", "horizon_kind"] == "report"
        assert items.loc["c-indicator-vertrouwen", "horizon_kind"] == "none"
        spec = charts.roadmap_chart(items.reset_index(), as_of=AS_OF, lang=lang).to_dict()
        layers = spec["layer"]
        hollow = [x for x in layers if x["mark"].get("filled") is False][0]
        assert hollow["mark"]["fill"] == "white"
        assert hollow["encoding"]["shape"]["condition"]["value"] == "diamond"
        assert "reading" in hollow["encoding"]["shape"]["condition"]["test"]
        filled = [x for x in layers if x["mark"].get("filled") is True and x["mark"].get("size") == 170][0]
        assert {r["horizon_kind"] for r in spec["datasets"][filled["data"]["name"]]} == {"report"}
        key = [x for x in layers if x["mark"].get("size") == 0][0]  # the legend of the three forms
        assert key["encoding"]["shape"]["scale"]["range"] == ["circle", "diamond", "circle"]
        assert key["encoding"]["shape"]["scale"]["domain"][1] == i18n.t("horizon_kind_reading", lang)
        assert word in i18n.t("horizon_kind_reading", lang)
        caption = i18n.t("roadmap_caption", lang)
        assert word in caption  # the caption no longer says every dot sits at the report's year


def test_the_report_table_marks_our_reading(programme):
    for lang, word in (("nl", "eigen lezing"), ("en", "our reading")):
        text = sections(programme, lang)
        assert f"2051 ({word})" in text
        assert f"2036" not in text


# --------------------------------------------------------------------------- the trust indicator

def test_the_trust_indicator_keeps_the_reports_meaning(programme, report_text):
    # "misschien kan dat ook wel voor 'vertrouwen'? Het liefst voor een langere periode, zeg 10 -15 jaar."
    assert says(report_text, "misschien kan dat ook wel voor 'vertrouwen'?")
    c = programme.commitments.set_index("id").loc["c-indicator-vertrouwen"]
    assert c["title_nl"].startswith("Misschien")
    assert "gemeten over een langere periode (zeg 10-15 jaar)" in c["title_nl"]
    assert c["title_en"].startswith("Perhaps")
    assert "measured over a longer period (say 10-15 years)" in c["title_en"]
    assert " over 10-15 jaar" not in c["title_nl"] and "over 10-15 years" not in c["title_en"]
    case = programme.cases.set_index("id").loc["case-vertrouwen", "summary_nl"]
    assert "misschien" in case and "langere periode (zeg 10-15 jaar)" in case


# --------------------------------------------------------------------------- 37 organisations

def test_37_organisations_took_part_and_the_host_is_counted_apart(programme, report_text):
    # "er deden in totaal zo'n 45 mensen van 37 verschillende organisaties mee" (introduction)
    assert says(report_text, "zo'n 45 mensen van 37 verschillende organisaties mee")
    taking_part = participating_organisations(programme, theme=THEME)
    assert len(taking_part["participating"]) == 37
    assert taking_part["hosting"] == ["provincie-drenthe"]
    listed = set(programme.organisations[programme.organisations["source"] == "report:deelnemers"]["id"])
    assert set(taking_part["participating"]) == listed | {"dnb"}  # the 36 listed and the bank
    org = programme.organisations.set_index("id").loc["provincie-drenthe"]
    assert "host's organisation" in org["sector_note"] and "count of 37" in org["sector_note"]
    assert "names it only indirectly" in org["sector_note"]
    assert says(report_text, "De provinciesecretaris van Drenthe")
    # "De provinciesecretaris van Drenthe, Regina Bouius-Riemersma, fungeerde bij als voorzitter"
    assert programme.participants.set_index("id").loc["p-bouius", "role"] == "host"


def test_no_output_contradicts_the_37(programme):
    nl, en = sections(programme, "nl"), sections(programme, "en")
    assert "45 mensen van 37 organisaties namen deel" in nl
    assert "45 people from 37 organisations attended" in en
    assert "Niet meegeteld als deelnemende organisatie: Provincie Drenthe" in nl
    assert "Not counted as a participating organisation: Provincie Drenthe" in en
    assert "van 37 organisaties" in narrative.one_line(Report(programme, THEME, as_of=AS_OF))
    for text in (nl, en):
        # the network's 38 (the host's organisation sat at the table too) is said as the network's
        assert not re.search(r"\b38\b[^.]{0,30}organisa(?!ties in het netwerk|tions in the network)", text), \
            re.findall(r"[^.]{0,60}\b38\b[^.]{0,60}", text)
        st = narrative.sector_table(Report(programme, THEME, as_of=AS_OF))
        assert st["organisations"].sum() == 37
    summary = format_summary(summarize(programme))
    assert "deelnemend 37" in summary and "Provincie Drenthe" in summary
    analyse = format_headline(headline(programme, theme=THEME))
    assert "37 deelnemende organisaties en 1 van de host aan tafel" in analyse
    assert len(ThemeData(programme, THEME).organisations_taking_part["participating"]) == 37  # dashboard card


def test_the_package_says_37_with_its_source(programme):
    desc = programme.meta["description"]
    assert "about 45 people from 37 organisations" in desc and "Province of Drenthe" in desc
    assert "giving 38" not in desc
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "Known discrepancy" not in readme and "holds those 38" not in readme
    assert "37 organisations" in readme


# --------------------------------------------------------------------------- no consent recorded

CONSENT_CLAIMS = re.compile(r"toestemming gaven\)|gaven toestemming\)|zij gaven toestemming|they consented\)"
                            r"|\(they consented|named with consent|named \(they consented", re.I)


def test_the_six_are_named_because_the_public_report_names_them(programme, report_text):
    p = programme.participants
    named = p[p["consent_named"]]
    assert len(named) == 6 and set(named["named_basis"]) == {"public-source"}
    assert "toestemming" not in report_text and "consent" not in report_text  # the report records none
    for name in named["name"]:
        assert says(report_text, name)
    assert p[~p["consent_named"]]["named_basis"].isna().all()


def test_no_output_says_the_named_people_consented(programme):
    for lang in ("nl", "en"):
        text = sections(programme, lang)
        assert not CONSENT_CLAIMS.search(text), CONSENT_CLAIMS.findall(text)
    nl = sections(programme, "nl")
    assert "Met naam genoemd omdat het openbare verslag hen noemt:" in nl
    assert "Named because the public report names them:" in sections(programme, "en")
    for words in (i18n.STRINGS["nl"], i18n.STRINGS["en"]):
        assert not any(CONSENT_CLAIMS.search(v) for v in words.values() if isinstance(v, str))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "six people the public report quotes" not in readme and "public-source" in readme


def test_field_descriptions_say_what_consent_named_means(programme):
    from labkit.data import schema
    fields = {f["name"]: f for f in schema.fields("participants")}
    assert "public source" in fields["consent_named"]["description"]
    assert fields["named_basis"]["constraints"]["enum"] == ["public-source", "consent"]
    # the schema serves every programme; the example's count of named people is the package's
    assert "six quoted" not in programme.meta["description"]
    assert "five quoted in section 1, one paraphrased" in programme.meta["description"]


# --------------------------------------------------------------------------- months of the tables

def test_the_months_of_the_tables_are_our_reading(programme, report_text):
    # "vijf dialogen georganiseerd in de maanden maart, april en mei": not which table when
    assert says(report_text, "vijf dialogen georganiseerd in de maanden maart, april en mei")
    s = programme.sessions[programme.sessions["theme_id"] == THEME]
    assert set(s["month_source"]) == {"reading"}
    assert set(s["month"]) == {"2021-03", "2021-04", "2021-05"}


def test_the_session_table_and_headings_mark_the_months(programme, bw):
    st = narrative.session_table(bw)
    assert st["month_reading"].all()
    nl = str(report_html.programme_section(bw).html)
    assert "maart\u00a02021\u00a0*" in nl and "eigen lezing van het project" in nl
    ins = sections(programme, "nl")
    assert "Focustafel · maart 2021 (eigen lezing)" in ins
    en = sections(programme, "en")
    assert "our reading" in en and "Focus table · March 2021 (our reading)" in en
    labels = set(ThemeData(programme, THEME).composition_frame("nl")["group_label"])  # the dashboard
    assert labels and all("eigen lezing" in x for x in labels)


# --------------------------------------------------------------------------- commitments

def test_the_dialogues_own_entries_are_classification_and_stay_in_facts_only_mode(programme):
    upd = programme.commitment_updates
    own = upd[upd["note"].str.startswith("Ingebracht tijdens de dialoog", na=False)]
    assert len(own) == 12 and set(own["source"]) == {"classification"}
    assert set(own["date"].dt.strftime("%Y-%m-%d")) == {"2021-04-01", "2021-05-01"}
    assert own["note"].str.contains("eigen lezing").all()  # the date is the month of the table
    facts = narrative.facts_only_tables(programme.tables)
    assert len(facts["commitment_updates"]) == len(own)  # kept; every illustrative row left out
    r = Report(programme.replace(**facts), THEME, as_of=AS_OF, facts_only=True)
    cs = narrative.commitment_status(r).set_index("id")
    assert set(cs.loc[own["commitment_id"], "status"]) == {"proposed"}


def test_the_circular_economy_targets_are_existing_policy_cited(programme, report_text):
    # "Een voorbeeld is het circulaire economie beleid met als doel om in 2030 de helft minder ..." (2.1)
    assert says(report_text, "een voorbeeld is het circulaire economie beleid met als doel om in 2030")
    c = programme.commitments.set_index("id")
    targets = c.loc[["c-doel-circulair-2030", "c-doel-circulair-2050"]]
    assert set(targets["kind"]) == {"policy_target"} and set(targets["source"]) == {"report:2.1"}
    assert (c["kind"] == "policy_target").sum() == 2
    upd = programme.commitment_updates
    assert not ((upd["commitment_id"].isin(targets.index)) & (upd["status"] == "proposed")).any()
    assert not (upd["commitment_id"].isin(targets.index) & (upd["source"] != "illustrative")).any()
    for lang, word in (("nl", "bestaand beleid"), ("en", "existing policy")):
        assert word in sections(programme, lang)


# --------------------------------------------------------------------------- who said what

def test_sleijpen_is_paraphrased_not_quoted(programme, report_text):
    # "Olaf Sleijpen, lid van de directie van de Nederlandse Bank benadrukt de ernst ..." (2.1)
    q = programme.quotes.set_index("id")
    row = q.loc["q-sleijpen"]
    assert (row["participant_id"], row["form"], row["source"], row["session_id"]) == (
        "p-sleijpen", "paraphrase", "report:2.1", "bw-verdieping-duurzaamheid")
    assert "meteoriet" in row["text_nl"] and "botsing tussen twee planeten" in row["text_nl"]
    assert says(report_text, "olaf sleijpen, lid van de directie van de nederlandse bank " + row["text_nl"])
    assert set(q[q["form"] == "quote"]["participant_id"].dropna()) == {
        "p-elzinga", "p-bomer", "p-vester", "p-oosterman", "p-bouius"}
    text = sections(programme, "nl")
    assert ("Olaf Sleijpen, lid van de directie van de Nederlandse Bank, benadrukt de ernst" in text
            and "(weergave in het verslag, geen letterlijk citaat)" in text)
    assert "“benadrukt" not in text


def test_positions_from_the_report(programme, report_text):
    p = programme.participants.set_index("id")
    assert p.loc["p-sleijpen", "position_nl"] == "lid van de directie van de Nederlandse Bank"
    assert p.loc["p-bouius", "position_nl"] == "provinciesecretaris van Drenthe"
    assert says(report_text, "De provinciesecretaris van Drenthe, Regina Bouius-Riemersma")
    assert "Regina Bouius-Riemersma (provinciesecretaris van Drenthe)" in sections(programme, "nl")


def test_the_conclusions_of_section_4(programme, report_text):
    # "De rode draad is hier vooral de vraag hoe met elkaar een 'lerend systeem' ingericht kan worden"
    ins = programme.insights.set_index("id")
    conclusions = ins[ins["kind"] == "conclusion"]
    assert set(conclusions["source"]) == {"report:4"}
    assert set(conclusions["track"]) == {"duurzaamheid", "inclusiviteit"}
    inclusive = conclusions[conclusions["track"] == "inclusiviteit"].iloc[0]
    assert "'lerend systeem'" in inclusive["text_nl"]
    assert "'groot' en positief gericht streefdoel" in inclusive["text_nl"]
    assert says(report_text, "in de vorm van een 'groot' en positief gericht streefdoel")
    assert "De rode draad per spoor" in sections(programme, "nl")


def test_section_5_reactions_came_at_the_third_dialogue(programme, report_text):
    # "De deelnemers eindigden de derde dialoog met veel positieve energie."
    assert says(report_text, "de deelnemers eindigden de derde dialoog")
    q = programme.quotes
    reactions = q[q["source"] == "report:5"]
    assert len(reactions) == 13 and set(reactions["session_order"]) == {3}
    assert reactions["session_id"].isna().all()  # the report does not say which workshop
    assert set(programme.sessions[programme.sessions["order"] == 3]["kind"]) == {"werkplaats"}
    assert "De reacties hieronder zijn gegeven bij een werkplaats; het verslag zegt niet bij welke." in \
        sections(programme, "nl")


# --------------------------------------------------------------------------- the smaller ones

def test_bestuurlijke_spaghetti_keeps_its_cause(programme, report_text):
    # "Vanuit de Rijksoverheid is nu veel gedecentraliseerd – dat leidt soms tot 'bestuurlijke spaghetti'"
    assert says(report_text, "veel gedecentraliseerd - dat leidt soms tot 'bestuurlijke spaghetti'")
    text = programme.insights.set_index("id").loc["bw-ingredient-d3", "text_nl"]
    assert "gedecentraliseerd: dat leidt soms tot 'bestuurlijke spaghetti'" in text
    assert "Versnippering leidt tot" not in text


def test_the_trust_case_question_is_whole(programme, report_text):
    q = programme.cases.set_index("id").loc["case-vertrouwen", "central_question_nl"]
    assert q.endswith("op het niveau waar deze thuishoren?")
    assert says(report_text, q)


def test_the_opening_statement_was_said_at_the_deepening_table(programme, report_text):
    # "Met die uitspraak van een deelnemer uit de verdiepingstafel rond inclusiviteit opende de werkplaats"
    assert says(report_text, "uitspraak van een deelnemer uit de verdiepingstafel rond inclusiviteit opende de werkplaats")
    q = programme.quotes.set_index("id").loc["q-beleid-uitvoering"]
    assert q["session_id"] == "bw-verdieping-inclusiviteit" and q["source"] == "report:3.2"


def test_the_bank_in_the_reports_spelling_with_the_official_name_as_alias(programme, report_text):
    # "lid van de directie van de Nederlandse Bank" (2.1)
    orgs = programme.organisations.set_index("id")
    assert orgs.loc["dnb", "name"] == "de Nederlandse Bank" and says(report_text, "de Nederlandse Bank")
    aliases = set(programme.organisation_aliases.query("organisation_id == 'dnb'")["alias"])
    assert {"De Nederlandsche Bank", "DNB"} <= aliases and "De Nederlandse Bank" not in aliases


def test_edventure_is_a_trade_association(programme):
    # the project's rule: "associations of firms are trade associations" (sectors.csv)
    e = programme.organisations.set_index("id").loc["edventure"]
    assert e["sector"] == "trade-association"
    assert "trade association" in e["sector_note"] and "education consultancies" in e["sector_note"]


def test_no_unattested_alias(programme, report_text):
    aliases = programme.organisation_aliases
    assert "IVCM" not in set(aliases["alias"]) and "ivcm" not in report_text


def test_an_empty_month_or_horizon_source_follows_the_row():
    from labkit.data.schema import is_reading
    assert is_reading("reading", "report:4") and not is_reading("report", "classification")
    assert is_reading(None, "classification") and not is_reading(None, "report:intro")
    assert not is_reading(None, "import")
