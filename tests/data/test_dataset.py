"""The embedded dataset against the source report."""

import pandas as pd

from labkit.data import io, schema
from labkit.data.illustrative import illustrate, strip_illustrative

# The report's list "Deelnemers waren afkomstig uit de volgende organisaties", in its spelling.
REPORT_LIST = [
    "ABN-AMRO", "Albert Heijn", "Arlande", "Both Ends", "Chemelot Zuid-Limburg", "Dibevo",
    "Driessengroep", "Edventure", "FNV", "Fokker", "Forza Asset Management", "Friesland College",
    "Global Compact", "Inis Vitrin", "Instituut voor Veiligheids- en Crisismanagement",
    "Interprovinciaal Overleg", "Jeugd welzijnsraad", "Koninklijke Horeca Nederland",
    "Ministerie van Economische Zaken en Klimaat (EZK)",
    "Ministerie van Infrastructuur en Waterstaat (I&W)",
    "Ministerie van Onderwijs, Cultuur en Wetenschap (OCW)", "MVO Nederland", "MVRDV",
    "Nationale Jeugdgraad", "NBOV (Brood- en banketbakkers)", "NHL Stenden Hogeschool",
    "NLIgenieurs", "Partou", "Renewi", "SDG Nederland", "SER", "Sociaal Kernteam Westland",
    "Trimbos Instituut", "Verbond van Verzekeraars", "Vereniging Bakkerij- en Zoetwaren (VBZ)",
    "Vereniging Hogescholen",
]
NAMED = {"Regina Bouius-Riemersma", "Tuur Elzinga", "Kim Bomer", "Marcel Vester",
         "Maresa Oosterman", "Olaf Sleijpen"}


def test_all_36_listed_organisations_exactly(programme):
    assert len(REPORT_LIST) == 36
    listed = programme.organisations[programme.organisations["source"] == "report:deelnemers"]
    assert sorted(listed["name"]) == sorted(REPORT_LIST)


def test_text_only_organisations_and_the_count_of_37(programme):
    others = programme.organisations[programme.organisations["source"] != "report:deelnemers"]
    assert dict(zip(others["name"], others["source"])) == {
        "de Nederlandse Bank": "report:2.1", "Provincie Drenthe": "report:intro"}
    desc = programme.meta["description"]
    assert "37" in desc and "36" in desc and "No organisation is invented" in desc


def test_every_organisation_has_a_classified_sector(programme):
    sectors = programme.sectors
    assert set(sectors["source"]) == {"classification"}
    assert set(programme.organisations["sector"]) <= set(sectors["id"])
    assert programme.organisations.set_index("name").loc["FNV", "sector"] == "union"
    assert programme.organisations.set_index("name").loc["SER", "sector"] == "advisory-body"


def test_likely_names_are_aliases(programme):
    aliases = programme.organisation_aliases.merge(
        programme.organisations[["id", "name"]], left_on="organisation_id", right_on="id")
    pairs = set(zip(aliases["name"], aliases["alias"]))
    assert ("Nationale Jeugdgraad", "Nationale Jeugdraad") in pairs
    assert ("NLIgenieurs", "NLingenieurs") in pairs


def test_four_themes_and_the_host(programme):
    th = programme.themes.set_index("id")
    assert list(programme.themes.sort_values("number")["id"]) == [
        "samen-leven", "innovatie-digitalisering", "brede-welvaart", "leefomgeving"]
    assert th.loc["brede-welvaart", "name_nl"] == "Brede economische en maatschappelijke welvaart"
    assert th.loc["samen-leven", "name_nl"] == "Samen leven: cohesie en vertrouwen in de maatschappij"
    assert th["name_en"].notna().all()
    host = th.loc["brede-welvaart", "host_participant_id"]
    person = programme.participants.set_index("id").loc[host]
    assert person["name"] == "Regina Bouius-Riemersma"
    assert th.loc["brede-welvaart", "host_organisation_id"] == "provincie-drenthe"


def test_sessions_of_brede_welvaart(programme):
    s = programme.sessions
    bw = s[s["theme_id"] == "brede-welvaart"]
    assert len(bw) == 5  # "vijf dialogen"
    kinds = programme.table_kinds.sort_values("order")
    assert list(kinds["id"]) == ["focustafel", "verdiepingstafel", "werkplaats"]  # the report's method box
    assert set(kinds["source"]) == {"report:aanpak"}
    assert set(bw["kind"]) == set(kinds["id"])
    assert dict(zip(bw["kind"], bw["order"])) == dict(zip(kinds["id"], kinds["order"]))
    assert dict(zip(bw["kind"], bw["month"])) == {
        "focustafel": "2021-03", "verdiepingstafel": "2021-04", "werkplaats": "2021-05"}
    assert set(bw["month_source"]) == {"reading"}  # the report gives the months of all five together
    # the other three themes have names and no sessions: a valid state
    assert set(s["theme_id"]) == {"brede-welvaart"}


def test_three_stages_of_the_drietrapsraket(programme):
    st = programme.roadmap_stages.sort_values("number")
    assert list(st["number"]) == [1, 2, 3]
    assert set(st["source"]) == {"report:4"}
    assert "groeifonds" in st.iloc[0]["text_nl"]
    assert "SDG" in st.iloc[1]["text_nl"]
    assert "ecosysteem" in st.iloc[2]["text_nl"]


def test_the_programme_keeps_its_own_words_as_data(programme):
    nl, en = programme.words("nl"), programme.words("en")
    assert (nl["title"], nl["subtitle"]) == ("Middenvelddialogen 2021", "Nederland na de crisis")
    assert (en["title"], en["subtitle"]) == ("Civil-society dialogues 2021", "The Netherlands after the crisis")
    assert "vier thema’s" in nl["introduction"] and "four themes" in en["introduction"]
    assert nl["source"] == "report:intro"


def test_six_named_people_everyone_else_pseudonymous(programme):
    p = programme.participants
    named = p[p["consent_named"]]
    assert set(named["name"]) == NAMED
    assert set(named["named_basis"]) == {"public-source"}  # named by the public report, no consent recorded
    assert p[~p["consent_named"]]["name"].isna().all()


def test_report_content_is_linked_to_its_sections(programme):
    ins = programme.insights
    counts = ins.groupby(["kind", "source"]).size().to_dict()
    assert counts[("question", "report:1")] == 2
    assert counts[("ingredient", "report:2.1")] == 4
    assert counts[("ingredient", "report:2.2")] == 3
    assert counts[("future", "report:2.1")] == 3
    assert counts[("idea", "report:2.1")] == 5
    assert counts[("entry_point", "report:2.2")] == 4
    cases = programme.cases
    assert sorted(cases["source"]) == ["report:3.1", "report:3.1", "report:3.2", "report:3.2"]
    assert cases["brought_by"].isna().all()  # the report names no case owners


def test_commitments_the_report_names(programme):
    c = programme.commitments.set_index("id")
    assert (c["kind"] == "roadmap_step").sum() == 3
    assert (c["kind"] == "idea").sum() == 5
    assert (c["kind"] == "case").sum() + (c["kind"] == "indicator").sum() == 4
    assert c.loc["c-doel-circulair-2030", "horizon"] == 2030
    assert c.loc["c-doel-circulair-2050", "horizon"] == 2050
    assert "10-15" in c.loc["c-indicator-vertrouwen", "title_nl"]
    # every commitment has SDGs and dimensions; the dialogue's own have a history starting at it
    for table in ("commitment_sdgs", "commitment_dimensions"):
        assert set(programme.tables[table]["commitment_id"]) == set(c.index), table
    own = c[c["kind"] != "policy_target"]
    upd = programme.commitment_updates
    assert set(upd[upd["source"] == "classification"]["commitment_id"]) == set(own.index)
    first = upd.sort_values("date").groupby("commitment_id").head(1)
    first = first[first["commitment_id"].isin(own.index)]
    assert set(first["status"]) == {"proposed"}
    assert set(first["source"]) == {"classification"}


def test_quotes_attribute_only_consenting_people(programme):
    q = programme.quotes.merge(programme.participants, left_on="participant_id", right_on="id",
                               how="left", suffixes=("", "_p"))
    attributed = q[q["participant_id"].notna()]
    assert attributed["consent_named"].all()
    assert len(attributed[attributed["form"] == "quote"]) == 5
    assert list(attributed[attributed["form"] == "paraphrase"]["participant_id"]) == ["p-sleijpen"]
    assert (q["source"] == "report:5").sum() == 13


def test_provenance_on_every_row(programme):
    for name, df in programme.tables.items():
        assert "source" in df.columns, name
        assert df["source"].notna().all(), name


def test_illustrative_rows_are_marked_and_agree_with_the_report(programme):
    att = programme.attendance.merge(programme.sessions[["id", "kind"]], left_on="session_id", right_on="id")
    assert set(att["source"]) <= {"illustrative", "classification", "report:intro"}
    for table in ("collaborations", "invitations", "commitment_owners"):
        assert set(programme.tables[table]["source"]) == {"illustrative"}, table
    people = att.groupby("participant_id")["kind"].apply(frozenset)
    assert 40 <= len(people) <= 50  # "zo'n 45 mensen"
    all_three = (people.apply(len) == 3).sum()
    only_start = (people == frozenset({"focustafel"})).sum()
    later = (people.apply(lambda k: "focustafel" not in k)).sum()
    assert all_three > len(people) / 2  # "een groot deel ... bij alle drie de tafels"
    assert only_start > 0 and later > 0
    attendees = programme.participants[programme.participants["id"].isin(people.index)]
    assert attendees["organisation_id"].nunique() == 38  # the 37 and the host's organisation
    assert attendees[attendees["role"] != "host"]["organisation_id"].nunique() == 37
    inv = programme.invitations
    assert (inv["channel"] == "participant").sum() > 0  # zwaan-kleef-aan
    assert set(inv[inv["channel"] == "participant"]["first_session_id"]) <= set(
        programme.sessions[programme.sessions["kind"] != "focustafel"]["id"])


def test_generator_reproduces_the_committed_rows(programme):
    again = illustrate(strip_illustrative(programme.tables))
    for name in schema.RESOURCE_NAMES:
        assert io.table_to_csv(name, again[name]) == io.table_to_csv(name, programme.tables[name]), name


def test_generator_is_seeded(programme):
    base = strip_illustrative(programme.tables)
    a = illustrate(base, seed=1)
    b = illustrate(base, seed=1)
    c = illustrate(base, seed=2)
    assert a["attendance"].equals(b["attendance"])
    assert not a["attendance"].equals(c["attendance"])
    assert isinstance(a["attendance"], pd.DataFrame)
