"""The workbook as the editing interface: written for people, read back as they fill it.

Round trips byte for byte, imports twice without a change, every bad input named by
file, sheet, row, column and value with nothing written, workbooks saved by openpyxl,
Excel-style and LibreOffice alike (fixtures in tests/interop/fixtures, made by
tests/interop/workbook_fixtures.py)."""

import datetime as dt
import hashlib
import shutil
import subprocess

import openpyxl
import pandas as pd
import pytest

import labkit
from labkit.cli import main
from labkit.interop.importing import ImportListError
from labkit.interop.workbook import write_workbook
from labkit.interop.workbook_import import import_workbook
from workbook_fixtures import EXPECTED, FILES, FIXTURES, PROGRAMME, base_programme

SOFFICE = shutil.which("soffice")


def snapshot(folder):
    """Every file's bytes and modification time: 'touches no byte' means neither changes."""
    return {f.name: (hashlib.sha256(f.read_bytes()).hexdigest(), f.stat().st_mtime_ns)
            for f in sorted(folder.iterdir())}


@pytest.fixture
def regio(tmp_path):
    """The regiodeal package (not the middenvelddialogen) in a folder of its own."""
    folder = tmp_path / "regiodeal-twente"
    base_programme().save(folder)
    return folder


@pytest.fixture
def blank(regio, tmp_path):
    """``labkit workbook`` of the regiodeal, as written."""
    path = tmp_path / "regiodeal.xlsx"
    write_workbook(labkit.load(regio), path)
    return path


def edit(path, changes, *, out=None):
    """Change cells with openpyxl as a person would: {(sheet, cell): value}, or
    {(sheet, 'delete'): row number}."""
    wb = openpyxl.load_workbook(path)
    for (sheet, cell), value in changes.items():
        if cell == "delete":
            wb[sheet].delete_rows(value)
        else:
            wb[sheet][cell] = value
    wb.save(out or path)
    return out or path


def problems_of(regio, path, **kw):
    with pytest.raises(ImportListError) as e:
        import_workbook(labkit.load(regio), path, **kw)
    return [str(p) for p in e.value.problems]


# --------------------------------------------------------------------------- round trips

@pytest.mark.parametrize("lang", ["nl", "en"])
def test_workbook_then_import_changes_no_byte_of_the_embedded_package(pkg, tmp_path, lang, capsys):
    before = snapshot(pkg)
    f = tmp_path / "w.xlsx"
    assert main(["workbook", str(pkg), "-o", str(f), "--lang", lang]) == 0
    assert main(["import", "workbook", str(f), "--data", str(pkg)]) == 0
    out = capsys.readouterr().out
    assert "w.xlsx: 0 changes" in out and "nothing to change" in out
    assert snapshot(pkg) == before


def test_workbook_then_import_changes_no_byte_of_a_programme_with_its_own_words(regio, blank):
    before = snapshot(regio)
    result = import_workbook(labkit.load(regio), blank)
    assert result.changes == 0
    result.save()
    assert snapshot(regio) == before
    assert labkit.load(regio).meta["programme"] == PROGRAMME


def test_a_programme_with_only_its_first_rows_round_trips(tmp_path):
    from conftest import make_programme
    folder = tmp_path / "klein"
    make_programme(organisations=[{"id": "a", "name": "A", "sector": "gov", "source": "import"}]
                   ).save(folder)
    before = snapshot(folder)
    write_workbook(labkit.load(folder), tmp_path / "klein.xlsx", lang="en")
    result = import_workbook(labkit.load(folder), tmp_path / "klein.xlsx")
    assert result.changes == 0
    result.save()
    assert snapshot(folder) == before


def test_a_new_row_may_say_its_source_in_capitals(regio, blank):
    edit(blank, {("Organisaties", "A8"): "domijn", ("Organisaties", "B8"): "Domijn",
                 ("Organisaties", "C8"): "Overheid", ("Organisaties", "E8"): " Import "})
    result = import_workbook(labkit.load(regio), blank)
    assert result.added == {"organisations": 1}
    assert result.programme.organisations.iloc[-1].tolist()[::4] == ["domijn", "import"]


def test_importing_the_same_workbook_twice_changes_nothing_the_second_time(regio, capsys):
    f = FIXTURES / FILES["openpyxl"]
    assert main(["import", "workbook", str(f), "--data", str(regio)]) == 0
    once = snapshot(regio)
    assert main(["import", "workbook", str(f), "--data", str(regio)]) == 0
    assert "0 changes" in capsys.readouterr().out.splitlines()[-2]
    assert snapshot(regio) == once


# --------------------------------------------------------------------------- a person's work

@pytest.mark.parametrize("kind", list(FILES))
def test_a_workbook_filled_in_by_a_person_imports_as_meant(regio, kind):
    result = import_workbook(labkit.load(regio), FIXTURES / FILES[kind])
    assert result.added == EXPECTED and result.changed == {} and result.removed == {}
    result.save()
    p = labkit.load(regio)
    orgs = p.organisations.set_index("id")
    assert orgs.loc["woningcorporatie-domijn", "sector"] == "civil-society"     # sector by its Dutch name
    assert orgs.loc["universiteit-twente", "name"] == "Universiteit Twente"     # no trailing nbsp
    assert set(orgs.loc[["woningcorporatie-domijn", "universiteit-twente"], "source"]) == {"import"}
    people = p.participants.set_index("id")
    assert people.loc["p-imp-001", ["name", "organisation_id"]].tolist() == [
        "Bram de Boer", "woningcorporatie-domijn"]
    assert people.loc["p-imp-002", ["name", "organisation_id"]].tolist() == [
        "Carla Smit", "universiteit-twente"]
    assert bool(people.loc["p-imp-001", "consent_named"]) and not people.loc["p-imp-002", "consent_named"]
    s = p.sessions.set_index("id").loc["verdiepingstafel-werk-en-talent"]
    assert (s["theme_id"], s["kind"], s["order"], s["month"], s["date"]) == (
        "werk", "verdiepingstafel", 2, "2026-05", dt.datetime(2026, 5, 12))
    assert p.sessions.set_index("id").loc["wonen-focus", "date"] == dt.datetime(2026, 2, 10)
    att = p.attendance[p.attendance["source"] == "import"].tail(3)
    assert att[["session_id", "participant_id", "role"]].values.tolist() == [
        ["verdiepingstafel-werk-en-talent", "p-imp-001", "participant"],
        ["werk-focus", "p-imp-002", "chair"],
        ["verdiepingstafel-werk-en-talent", "p-003", "participant"]]
    c = p.commitments.set_index("id").loc["c-leerwerkplekken-bij-woningcorporaties"]
    assert (c["theme_id"], c["stage_id"], c["horizon"], c["session_id"]) == (
        "werk", "stage-2", 2030, "verdiepingstafel-werk-en-talent")
    owners = p.commitment_owners.tail(2)
    assert owners[["organisation_id", "role"]].values.tolist() == [
        ["woningcorporatie-domijn", "lead"], ["fnv-twente", "partner"]]
    assert p.commitment_sdgs.tail(2)["sdg"].tolist() == [4, 8]
    upd = p.commitment_updates.tail(3)
    assert upd[["status", "progress"]].values.tolist() == [["planned", 0], ["in_progress", 40],
                                                           ["in_progress", 50]]
    assert upd["date"].dt.date.tolist() == [dt.date(2026, 6, 1), dt.date(2026, 9, 1), dt.date(2026, 10, 1)]
    assert upd["note"].tolist()[1] == "Eerste groep gestart."
    assert p.meta["programme"]["subtitle_nl"] == "Vier tafels, één regio"
    assert labkit.data.io.validate_package(regio) == []


def test_excel_style_and_libreoffice_copies_give_the_same_package_byte_for_byte(tmp_path):
    results = {}
    for kind, name in FILES.items():
        folder = tmp_path / kind
        base_programme().save(folder)
        import_workbook(labkit.load(folder), FIXTURES / name).save()
        results[kind] = {f.name: f.read_bytes() for f in folder.iterdir()}
    assert results["openpyxl"] == results["excel-style"] == results["libreoffice"]


def test_sorting_a_sheet_changes_nothing(regio, blank):
    wb = openpyxl.load_workbook(blank)
    ws = wb["Organisaties"]
    rows = sorted(([c.value for c in r] for r in ws.iter_rows(min_row=2)), key=lambda r: r[1], reverse=True)
    for i, row in enumerate(rows, start=2):
        for j, v in enumerate(row, start=1):
            ws.cell(i, j, v)
    wb.save(blank)
    assert import_workbook(labkit.load(regio), blank).changes == 0


def test_changes_and_removals_are_counted_and_removals_need_permission(regio, blank, capsys):
    edit(blank, {("Organisaties", "B4"): "Saxion Hogeschool", ("Inzichten", "delete"): 2})
    before = snapshot(regio)
    probs = problems_of(regio, blank)
    assert probs == ["regiodeal.xlsx[Inzichten]: value 'wonen-idea-001' — not in the sheet: insights "
                     "wonen-idea-001 (-5% leegstand) would be removed; put the row back, or pass "
                     "--allow-removals to remove it"]
    assert main(["import", "workbook", str(blank), "--data", str(regio), "--allow-removals"]) == 0
    out = capsys.readouterr().out
    assert "organisations: 1 changed" in out and "insights: 1 removed" in out
    assert "remove insights wonen-idea-001 (-5% leegstand)" in out
    assert snapshot(regio) != before
    p = labkit.load(regio)
    assert len(p.insights) == 0 and "Saxion Hogeschool" in p.organisations["name"].tolist()


def test_a_removed_person_is_named_by_id_only(regio, blank):
    edit(blank, {("Deelnemers", "delete"): 2})  # p-host, Anne Jansen, also referred to elsewhere
    probs = "\n".join(problems_of(regio, blank))
    assert "participants p-host would be removed" in probs and "Anne Jansen" not in probs


def test_a_package_without_programme_words_gets_them_only_when_filled_in(pkg, tmp_path):
    p = labkit.load(pkg)
    del p.meta["programme"]
    p.save()
    f = tmp_path / "w.xlsx"
    write_workbook(labkit.load(pkg), f)
    before = snapshot(pkg)
    assert import_workbook(labkit.load(pkg), f).changes == 0
    import_workbook(labkit.load(pkg), f).save()
    assert snapshot(pkg) == before and "programme" not in labkit.load(pkg).meta  # not added back empty
    wb = openpyxl.load_workbook(f)
    ws = wb["Programma"]
    assert [r[0].value for r in ws.iter_rows(min_row=2)][:3] == ["title_nl", "title_en", "subtitle_nl"]
    assert all(r[2].value is None for r in ws.iter_rows(min_row=2))
    ws["C2"] = "Middenvelddialogen 2021"
    ws["C9"] = dt.datetime(2021, 3, 1)  # period_start as a date cell
    wb.save(f)
    result = import_workbook(labkit.load(pkg), f)
    assert result.meta_changed == 2
    result.save()
    words = labkit.load(pkg).meta["programme"]
    assert list(words) == ["title_nl", "title_en", "subtitle_nl", "subtitle_en", "introduction_nl",
                           "introduction_en", "organiser", "period_start", "period_end", "source"]
    assert words["title_nl"] == "Middenvelddialogen 2021" and words["period_start"] == "2021-03-01"
    assert words["organiser"] == ""


# --------------------------------------------------------------------------- what people type wrong

BAD = {
    "a date that does not exist": (
        {("Sessies", "H2"): "31-02-2026"},
        "regiodeal.xlsx[Sessies]:2: column 'Datum (H)': value '31-02-2026' — not a real date; "
        "check the day and the month"),
    "an organisation that is not there, with a suggestion": (
        {("Deelnemers", "E6"): "Ministerie van Onderwijs Cultuur en Wetenschappen"},
        "regiodeal.xlsx[Deelnemers]:6: column 'Organisatie (E)': value 'Ministerie van Onderwijs "
        "Cultuur en Wetenschappen' — no organisation with this name or id on sheet Organisaties; "
        "bedoelt u 'Ministerie van Onderwijs, Cultuur en Wetenschap (OCW)' (ocw)? Add the "
        "organisation on sheet Organisaties, or pick one from the list"),
    "a choice that is not on the list": (
        {("Sessies", "C3"): "focustafle"},
        "regiodeal.xlsx[Sessies]:3: column 'Soort (C)': value 'focustafle' — no kind of table with "
        "this name or id on sheet Soorten tafels; bedoelt u 'Focustafel' (focustafel)? Add the kind "
        "of table on sheet Soorten tafels, or pick one from the list"),
    "neither yes nor no": (
        {("Deelnemers", "C3"): "misschien"},
        "regiodeal.xlsx[Deelnemers]:3: column 'Naam noemen (C)': value 'misschien' — not yes or "
        "no; write ja or nee (yes or no)"),
    "a formula without a saved result": (
        {("Voortgang", "D2"): "=20+30"},
        "regiodeal.xlsx[Voortgang]:2: column 'Voortgang (%) (D)': — a formula without a saved "
        "result; open the file in Excel and save it, or type the value"),
    "a session that is not there": (
        {("Aanwezigheid", "A4"): "wonen-focsu"},
        "regiodeal.xlsx[Aanwezigheid]:4: column 'Sessie (A)': value 'wonen-focsu' — no session "
        "with this name or id on sheet Sessies; bedoelt u 'Focustafel wonen' (wonen-focus)? Add the session on "
        "sheet Sessies, or pick one from the list"),
    "two rows with one id": (
        {("Organisaties", "A8"): "twence", ("Organisaties", "B8"): "Twence BV",
         ("Organisaties", "C8"): "Bedrijfsleven"},
        "regiodeal.xlsx[Organisaties]:8: column 'ID (A)': value 'twence' — row 6 has the same id; "
        "remove one of the two rows, or change one"),
    "a word for a number": (
        {("Sessies", "E2"): "twee"},
        "regiodeal.xlsx[Sessies]:2: column 'Volgorde (E)': value 'twee' — not a whole number; "
        "write digits only, e.g. 3"),
    "a progress over 100": (
        {("Voortgang", "D2"): "120%"},
        "regiodeal.xlsx[Voortgang]:2: column 'Voortgang (%) (D)': value '120%' — outside 0-100; "
        "progress is a percentage from 0 to 100"),
    "a required cell left empty": (
        {("Thema's", "C3"): None},
        "regiodeal.xlsx[Thema's]:3: column 'Naam (nl) (C)': — a value is required; fill in the "
        "'Naam (nl)' column"),
    "a person named with consent but without a name": (
        {("Deelnemers", "C3"): "ja"},
        "regiodeal.xlsx[Deelnemers]:3: column 'Naam (B)': — consent_named is true but there is no "
        "name; fill in the name or set consent_named to false"),
    "a required column deleted": (
        {("Sessies", "B1"): None},
        "regiodeal.xlsx[Sessies]: column 'Thema': — column missing; add a column named 'Thema'"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_each_bad_input_is_named_by_file_sheet_row_column_and_value_and_nothing_is_written(
        regio, blank, case, capsys):
    changes, message = BAD[case]
    edit(blank, changes)
    before = snapshot(regio)
    assert message in problems_of(regio, blank)
    assert main(["import", "workbook", str(blank), "--data", str(regio)]) == 1
    err = capsys.readouterr().err
    assert message in err and "nothing was written" in err
    assert snapshot(regio) == before


def test_every_problem_on_every_sheet_is_listed_at_once(regio, blank):
    edit(blank, {k: v for changes, _ in list(BAD.values())[:6] for k, v in changes.items()})
    probs = problems_of(regio, blank)
    for changes, message in list(BAD.values())[:6]:
        assert message in probs
    assert len(probs) == 6


def test_a_missing_sheet_is_a_problem(regio, blank):
    wb = openpyxl.load_workbook(blank)
    del wb["Citaten"]
    del wb["SDG's"]  # an informative sheet may go: the package keeps its SDGs
    wb.save(blank)
    assert problems_of(regio, blank) == [
        "regiodeal.xlsx: value 'Citaten' — sheet missing; put it back (labkit workbook writes it) "
        "with a header row at least"]


def test_rows_numbers_count_title_rows_above_the_header(regio, blank):
    wb = openpyxl.load_workbook(blank)
    ws = wb["Sessies"]
    ws.insert_rows(1, 2)
    ws["A1"] = "Regiodeal Twente"
    ws.merge_cells("A1:J2")
    ws["H4"] = "31-02-2026"
    wb.save(blank)
    assert ("regiodeal.xlsx[Sessies]:4: column 'Datum (H)': value '31-02-2026' — not a real date; "
            "check the day and the month") in problems_of(regio, blank)


def test_an_optional_column_deleted_keeps_its_values(regio, blank):
    wb = openpyxl.load_workbook(blank)
    wb["Voortgang"].delete_cols(5)  # Toelichting
    wb.save(blank)
    result = import_workbook(labkit.load(regio), blank)
    assert result.changes == 0
    assert any("no column 'Toelichting'" in n for n in result.notes)


# --------------------------------------------------------------------------- for people

def test_the_workbook_is_laid_out_for_people(pkg, tmp_path):
    f = tmp_path / "w.xlsx"
    write_workbook(labkit.load(pkg), f)
    wb = openpyxl.load_workbook(f)
    assert wb.sheetnames[:8] == ["Uitleg", "Programma", "Thema's", "Soorten tafels", "Rondes", "Sessies",
                                 "Organisaties", "Aliassen"]
    assert {"Deelnemers", "Aanwezigheid", "Toezeggingen", "Voortgang", "Routekaart", "Sectoren",
            "SDG's"} <= set(wb.sheetnames)
    uitleg = list(wb["Uitleg"].iter_rows(values_only=True))
    assert ("Sessies", "Datum", "date", "datum", None, None, "Exact date, where known.") in uitleg
    assert ("Sessies", "Soort", "kind", "verwijzing", "ja", "blad Soorten tafels (ID)",
            "Kind of table (see table_kinds).") in uitleg
    ses = wb["Sessies"]
    assert [c.value for c in ses[1]] == ["ID", "Thema", "Soort", "Spoor", "Volgorde", "Maand", "Maand volgens", "Datum",
                                          "Titel (nl)", "Ronde", "Bron"]
    assert "Kind of table" in ses["C1"].comment.text and "Soorten tafels" in ses["C1"].comment.text
    assert ses["C1"].font.b and not ses["D1"].font.b  # required columns in bold
    assert ses.freeze_panes == "B2" and ses.auto_filter.ref.startswith("A1:K")
    lists = {str(dv.sqref).split(":")[0]: dv.formula1 for dv in ses.data_validations.dataValidation}
    assert lists["C2"].startswith("'Soorten tafels'!$A$2:$A$")
    kinds = [[c.value for c in row] for row in wb["Soorten tafels"].iter_rows(max_row=2)]
    assert kinds[0][:4] == ["ID", "Naam (nl)", "Naam (en)", "Volgorde"]
    assert kinds[1][:4] == ["focustafel", "Focustafel", "Focus table", 1]
    assert lists["B2"].startswith("'Thema''s'!$A$2:$A$")
    att = {str(dv.sqref).split(":")[0]: dv.formula1 for dv in wb["Aanwezigheid"].data_validations.dataValidation}
    assert att["A2"].startswith("'Sessies'!$A$2") and att["B2"].startswith("'Deelnemers'!$A$2")
    orgs = {str(dv.sqref).split(":")[0]: dv.formula1 for dv in wb["Organisaties"].data_validations.dataValidation}
    assert orgs["C2"].startswith("'Sectoren'!$B$2")  # sectors by their Dutch name
    assert wb["Organisaties"]["C2"].value == "Bedrijfsleven"
    dated = [r[0] for r in wb["Voortgang"].iter_rows(min_row=2, min_col=2, max_col=2)]
    assert dated[0].is_date and dated[0].number_format == "d-m-yyyy"
    people = wb["Deelnemers"]
    assert people["H1"].value == "Bron" and "illustrative" in [c.value for c in people["H"]]
    assert people.conditional_formatting  # illustrative rows are shaded
    assert wb["SDG's"].protection.sheet and not wb["Sessies"].protection.sheet
    # an organisation is written by name in references; the reference reads back to its id
    assert wb["Deelnemers"]["E2"].value == "Provincie Drenthe"


def test_the_english_workbook(pkg, tmp_path):
    f = tmp_path / "w.xlsx"
    write_workbook(labkit.load(pkg), f, lang="en")
    wb = openpyxl.load_workbook(f)
    assert wb.sheetnames[:6] == ["Explanation", "Programme", "Themes", "Kinds of tables", "Rounds", "Sessions"]
    assert wb["Organisations"]["C2"].value == "Business"
    assert [c.value for c in wb["Attendance"][1]] == ["Session", "Participant", "Role", "Source"]


def test_hostile_text_is_neutralised_in_cells_and_read_back_exactly(regio, blank):
    wb = openpyxl.load_workbook(blank)
    cells = {"quote": wb["Citaten"]["H2"], "insight": wb["Inzichten"]["G2"],
             "text": wb["Inzichten"]["H2"], "alias": wb["Aliassen"]["B3"]}
    assert {k: c.value for k, c in cells.items()} == {
        "quote": "'=HYPERLINK(\"http://example.org\",\"klik\")", "insight": "'-5% leegstand",
        "text": "'+ meer doorstroming", "alias": "'@twence"}
    assert all(c.data_type == "s" for c in cells.values())  # text, never a formula
    # text that already starts with an apostrophe before = survives the round trip too
    p = labkit.load(regio)
    q = p.quotes.copy()
    q.loc[0, "text_nl"] = "'=1+1"
    p.replace(quotes=q).save()
    write_workbook(labkit.load(regio), blank)
    assert openpyxl.load_workbook(blank)["Citaten"]["H2"].value == "''=1+1"
    assert import_workbook(labkit.load(regio), blank).changes == 0


def test_text_excel_cannot_store_is_refused_before_anything_is_written(regio, tmp_path, capsys):
    p = labkit.load(regio)
    q = p.quotes.copy()
    q.loc[0, "text_nl"] = "een\x01 teken"
    p.replace(quotes=q).save()
    f = tmp_path / "w.xlsx"
    assert main(["workbook", str(regio), "-o", str(f)]) == 2
    assert ("quotes.csv, sheet Citaten row 2, column 'Tekst (nl)': a control character Excel cannot "
            "store") in capsys.readouterr().err
    assert not f.exists()


def test_a_file_that_is_not_a_workbook_is_refused(regio, tmp_path, capsys):
    f = tmp_path / "w.xlsx"
    f.write_text("no")
    assert main(["import", "workbook", str(f), "--data", str(regio)]) == 2
    assert "cannot be read as an Excel workbook" in capsys.readouterr().err


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_a_workbook_opened_and_saved_by_libreoffice_changes_nothing(pkg, tmp_path):
    f = tmp_path / "w.xlsx"
    write_workbook(labkit.load(pkg), f)
    subprocess.run([SOFFICE, "--headless", "--calc", "--convert-to", "xlsx", "--outdir",
                    str(tmp_path / "lo"), str(f)], check=True, capture_output=True, timeout=300,
                   env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    before = snapshot(pkg)
    result = import_workbook(labkit.load(pkg), tmp_path / "lo" / "w.xlsx")
    assert result.changes == 0
    result.save()
    assert snapshot(pkg) == before


def test_attendance_beside_a_plan_in_the_workbook_keys_an_empty_source_as_the_import_does(pkg, tmp_path):
    # the key of attendance holds the source; a person leaves it empty
    p = labkit.load(pkg)
    plan = p.tables["attendance"].iloc[[1]].assign(source="planned")  # bw-focus, p-elzinga
    p.replace(attendance=pd.concat([p.tables["attendance"], plan], ignore_index=True)).save(pkg)
    p = labkit.load(pkg)
    path = tmp_path / "w.xlsx"
    write_workbook(p, path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Aanwezigheid"]
    assert [c.value for c in ws[3]] == ["bw-focus", "p-elzinga", "participant", "classification"]
    ws.cell(3, 4).value = None  # an existing real row: still that row, its source kept
    ws.append(["bw-verdieping-duurzaamheid", "p-elzinga", "participant", None])  # a new one
    wb.save(path)
    result = import_workbook(p, path)
    assert result.added == {"attendance": 1} and result.changed == {} and result.removed == {}
    att = result.programme.tables["attendance"]
    elzinga = att[att["participant_id"] == "p-elzinga"]
    assert sorted(zip(elzinga["session_id"], elzinga["source"])) == [
        ("bw-focus", "classification"), ("bw-focus", "planned"), ("bw-verdieping-duurzaamheid", "import"),
        ("bw-verdieping-inclusiviteit", "illustrative"), ("bw-werkplaats-inclusiviteit", "illustrative")]
