"""Registration and progress lists into the package: matching, all problems at once,
nothing written on a bad row, idempotence, dry runs and personal data."""

import datetime as dt
import hashlib

import openpyxl
import pytest

import labkit
from labkit.cli import main
from labkit.errors import ParameterError
from labkit.interop.importing import ImportListError, import_attendance, import_progress

THEME, SESSION = "brede-welvaart", "bw-focus"
HEADER = ["Organisatie", "Naam", "Toestemming", "Uitgenodigd door", "E-mail"]


def xlsx(path, rows, *, title="Blad1", percent_column=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    if percent_column:
        for (cell,) in ws.iter_rows(min_row=2, min_col=percent_column, max_col=percent_column):
            cell.number_format = "0%"
    wb.save(path)
    return path


def snapshot(folder):
    return {f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in sorted(folder.iterdir())}


def attend(pkg, f, **kw):
    return import_attendance(labkit.load(pkg), f, theme=THEME, session=SESSION, **kw)


@pytest.fixture
def reglist(tmp_path):
    return xlsx(tmp_path / "aanmeldingen.xlsx", [
        HEADER,
        ["ABN AMRO", "Jan de Vries", "nee", "organisatie", "jan@example.org"],
        ["Ministerie van Onderwijs, Cultuur en Wetenschap (OCW)", "Els Bakker", "ja",
         "Jan de Vries", None],
        ["dnb", "Olaf\u00a0Sleijpen", None, None, None],
    ])


def test_a_registration_list_becomes_participants_attendance_and_invitations(pkg, reglist):
    before = labkit.load(pkg)
    result = attend(pkg, reglist)
    assert result.added == {"organisations": 0, "organisation_aliases": 0, "participants": 2,
                            "attendance": 3, "invitations": 2}
    result.save()
    p = labkit.load(pkg)
    new = p.participants[~p.participants["id"].isin(before.participants["id"])]
    assert new["id"].tolist() == ["p-imp-001", "p-imp-002"]
    assert new["name"].tolist() == ["Jan de Vries", "Els Bakker"]
    assert new["consent_named"].tolist() == [False, True]
    assert new["named_basis"].fillna("").tolist() == ["", "consent"]  # the list records her consent
    assert new["organisation_id"].tolist() == ["abn-amro", "ocw"]
    assert set(new["source"]) == {"import"}
    att = p.attendance[p.attendance["source"] == "import"]
    # Olaf Sleijpen is already in the package (named in the report): matched, not duplicated
    assert sorted(att["participant_id"]) == ["p-imp-001", "p-imp-002", "p-sleijpen"]
    assert set(att["session_id"]) == {SESSION}
    inv = p.invitations[p.invitations["source"] == "import"].set_index("participant_id")
    assert inv.loc["p-imp-001", "channel"] == "organisers"
    assert inv.loc["p-imp-002", "invited_by"] == "p-imp-001"
    # the dashboard's graph sees them: a pseudonym without consent, the name with it
    G = p.graph
    assert G.nodes["person:p-imp-001"]["label"] != "Jan de Vries"
    assert G.nodes["person:p-imp-002"]["label"] == "Els Bakker"
    assert G.has_edge("person:p-imp-001", "person:p-imp-002", key="invited")
    assert labkit.summarize(p)["participants"]["total"] == len(before.participants) + 2


def test_email_addresses_are_never_stored_and_the_dry_run_says_so(pkg, reglist):
    result = attend(pkg, reglist)
    assert ("column 'E-mail (E)' ignored: labkit stores no e-mail addresses (the package has "
            "no field for them)") in result.notes
    result.save()
    assert not any(b"jan@example.org" in f.read_bytes() for f in pkg.iterdir())


def test_the_account_of_changes_names_no_one(pkg, reglist):
    text = attend(pkg, reglist).report()
    assert "row 2: new participant p-imp-001 (abn-amro), pseudonymous" in text
    assert "row 3: p-imp-002 invited by p-imp-001" in text
    assert "Jan de Vries" not in text and "Els Bakker" not in text


def test_importing_the_same_file_twice_changes_nothing(pkg, reglist, capsys):
    args = ["import", "attendance", str(reglist), "--theme", THEME, "--session", SESSION,
            "--data", str(pkg)]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "3 rows read, 7 changes" in out and f"written to {pkg}" in out
    first = snapshot(pkg)
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "aanmeldingen.xlsx[Blad1]: 3 rows read, 0 changes" in out
    assert "written to" not in out
    assert snapshot(pkg) == first


def test_dry_run_shows_the_changes_and_writes_nothing(pkg, reglist, capsys):
    before = snapshot(pkg)
    assert main(["import", "attendance", str(reglist), "--theme", THEME, "--session", SESSION,
                 "--data", str(pkg), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "7 changes" in out and "add 2 rows in participants" in out
    assert out.rstrip().endswith("dry run: nothing written")
    assert snapshot(pkg) == before


def test_organisation_names_match_names_and_aliases_in_any_spelling(pkg, tmp_path):
    names = ["abn-amro", "ABN\u00a0AMRO.", "  De Nederlandsche  Bank ", "DE NEDERLANDSE BANK",
             "I&W", "Trimbos Instituut", "Nationale Jeugdraad"]
    rows = [HEADER[:2]] + [[n, f"Persoon {i}"] for i, n in enumerate(names)]
    result = attend(pkg, xlsx(tmp_path / "l.xlsx", rows))
    orgs = result.programme.participants.set_index("name").loc[
        [f"Persoon {i}" for i in range(len(names))], "organisation_id"]
    assert orgs.tolist() == ["abn-amro", "abn-amro", "dnb", "dnb", "ienw", "trimbos",
                             "nationale-jeugdraad"]


def test_unknown_organisations_are_listed_and_nothing_is_written(pkg, tmp_path):
    f = xlsx(tmp_path / "l.xlsx", [HEADER[:2], ["Gemeente Assen", "An"], ["FNV", "Bo"],
                                   ["gemeente  assen", "Cas"], ["Ministerie van Onderwijs", "Dirk"]])
    before = snapshot(pkg)
    with pytest.raises(ImportListError) as e:
        attend(pkg, f)
    assert [(p.file, p.line, p.column, p.value, p.message) for p in e.value.problems] == [
        ("l.xlsx[Blad1]", 2, "Organisatie (A)", "Gemeente Assen",
         "organisation not in the package (also on row 4)"),
        ("l.xlsx[Blad1]", 5, "Organisatie (A)", "Ministerie van Onderwijs",
         "organisation not in the package")]
    assert "--add-unknown SECTOR (advisory-body, business" in e.value.problems[0].hint
    assert str(e.value).startswith("l.xlsx[Blad1]: 2 problems in the list — nothing was written")
    assert snapshot(pkg) == before


def test_unknown_organisations_are_added_or_mapped_on_request(pkg, tmp_path):
    f = xlsx(tmp_path / "l.xlsx", [HEADER[:2], ["Gemeente Assen", "An"], ["Gemeente Assen", "Bo"],
                                   ["Sociaal Economische Raad (SER)", "Cas"]])
    result = attend(pkg, f, add_unknown="government",
                    aliases={"Sociaal Economische Raad (SER)": "ser"})
    assert result.added["organisations"] == 1 and result.added["organisation_aliases"] == 1
    result.save()
    p = labkit.load(pkg)
    org = p.organisations.set_index("id").loc["gemeente-assen"]
    assert (org["name"], org["sector"], org["source"]) == ("Gemeente Assen", "government", "import")
    assert ("ser", "Sociaal Economische Raad (SER)") in set(
        zip(p.organisation_aliases["organisation_id"], p.organisation_aliases["alias"]))
    # the next list matches both without being told
    again = attend(pkg, f)
    assert again.changes == 0


def test_per_name_sectors_and_bad_arguments(pkg, tmp_path):
    f = xlsx(tmp_path / "l.xlsx", [HEADER[:2], ["Stichting Buurtkracht", "An"]])
    result = attend(pkg, f, add_unknown={"stichting buurtkracht": "civil-society"})
    assert result.programme.organisations.set_index("id").loc["stichting-buurtkracht", "sector"] == \
        "civil-society"
    with pytest.raises(ParameterError, match="no sector 'ngo'"):
        attend(pkg, f, add_unknown="ngo")
    with pytest.raises(ParameterError, match="no organisation 'nope'"):
        attend(pkg, f, aliases={"X": "nope"})
    with pytest.raises(ParameterError, match="belongs to theme 'brede-welvaart', not to 'leefomgeving'"):
        import_attendance(labkit.load(pkg), f, theme="leefomgeving", session=SESSION)
    with pytest.raises(ParameterError, match="no session 'bw-x'; sessions of theme 'brede-welvaart': bw-focus"):
        import_attendance(labkit.load(pkg), f, theme=THEME, session="bw-x")


def test_every_bad_row_is_reported_at_once_with_sheet_row_and_column(pkg, tmp_path):
    f = xlsx(tmp_path / "l.xlsx", [
        ["Registratie"],
        HEADER + ["Rol"],
        ["FNV", "An", "misschien", None, None, None],
        ["SER", None, "ja", None, None, None],
        ["IPO", "Bo", "ja", "Onbekend Iemand", None, "spreker"],
        ["KHN", "Cas", "ja", "Cas", None, None],
        ["MVO Nederland", "=B3&\"!\"", "nee", None, None, None],
    ], title="Focustafel")
    before = snapshot(pkg)
    with pytest.raises(ImportListError) as e:
        attend(pkg, f)
    assert [str(p) for p in e.value.problems] == [
        "l.xlsx[Focustafel]:3: column 'Toestemming (C)': value 'misschien' — not yes or no; write ja or nee",
        "l.xlsx[Focustafel]:4: column 'Naam (B)': — no name; fill in the person's name, or delete the row",
        "l.xlsx[Focustafel]:5: column 'Rol (F)': value 'spreker' — not a value labkit knows; "
        "write deelnemer, gastheer, voorzitter or casusinbrenger (or leave it empty)",
        "l.xlsx[Focustafel]:5: column 'Uitgenodigd door (D)': value 'Onbekend Iemand' — names nobody "
        "in the list or the package; give the inviter a row of their own in the list, or write "
        "'organisatie' or 'gastheer'",
        "l.xlsx[Focustafel]:6: column 'Uitgenodigd door (D)': value 'Cas' — a person cannot invite "
        "themselves; give the inviter a row of their own in the list, or write 'organisatie' or 'gastheer'",
        "l.xlsx[Focustafel]:7: column 'Naam (B)': — a formula without a saved result; "
        "open the file in Excel and save it, or type the value",
    ]
    assert snapshot(pkg) == before


def test_the_cli_lists_problems_and_exits_1(pkg, tmp_path, capsys):
    f = xlsx(tmp_path / "l.xlsx", [HEADER[:3], ["FNV", "An", "misschien"]])
    before = snapshot(pkg)
    assert main(["import", "attendance", str(f), "--theme", THEME, "--session", SESSION,
                 "--data", str(pkg)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("l.xlsx[Blad1]: 1 problem in the list — nothing was written\n"
                          "l.xlsx[Blad1]:2: column 'Toestemming (C)': value 'misschien'")
    assert snapshot(pkg) == before


def test_the_same_person_twice_must_agree(pkg, tmp_path):
    f = xlsx(tmp_path / "l.xlsx", [HEADER[:3], ["FNV", "An Smit", "ja"], ["fnv", "an smit", ""],
                                   ["FNV", "AN SMIT", "nee"]])
    with pytest.raises(ImportListError) as e:
        attend(pkg, f)
    assert [(p.line, p.message) for p in e.value.problems] == [
        (4, "row 2 has the same person with 'True'")]
    ok = xlsx(tmp_path / "ok.xlsx", [HEADER[:3], ["FNV", "An Smit", "ja"], ["fnv", "an smit", ""]])
    assert attend(pkg, ok).added["participants"] == 1


def test_first_name_infix_and_last_name_make_the_name(pkg, tmp_path):
    f = xlsx(tmp_path / "l.xlsx", [["Voornaam", "Tussenvoegsel", "Achternaam", "Organisatie"],
                                   ["Jan", "de", "Vries", "FNV"], ["Els", None, "Bakker", "SER"]])
    p = attend(pkg, f).programme
    assert p.participants["name"].tolist()[-2:] == ["Jan de Vries", "Els Bakker"]


def test_consent_changes_only_when_the_list_says_so(pkg, tmp_path, reglist):
    attend(pkg, reglist).save()
    withdrawn = xlsx(tmp_path / "w.xlsx", [HEADER[:3], ["OCW", "Els Bakker", "nee"],
                                          ["ABN AMRO", "Jan de Vries", None]])
    result = attend(pkg, withdrawn)
    assert result.updated == {"participants": 1}
    assert result.lines == ["row 2: p-imp-002 consent_named true -> false"]
    result.save()
    p = labkit.load(pkg)
    consent = p.participants.set_index("id")["consent_named"]
    assert not consent["p-imp-002"] and not consent["p-imp-001"]
    assert p.participants.set_index("id")["named_basis"].isna()[["p-imp-001", "p-imp-002"]].all()
    assert p.graph.nodes["person:p-imp-002"]["label"] != "Els Bakker"


def test_a_named_person_without_organisation_in_the_package_is_matched(pkg, tmp_path):
    # the report names Tuur Elzinga without an organisation
    f = xlsx(tmp_path / "l.xlsx", [HEADER[:2], ["FNV", "Tuur Elzinga"]])
    result = attend(pkg, f)
    assert result.added["participants"] == 0
    assert result.changes == 0  # he already attended the focus table
    assert result.notes == ["row 2: p-elzinga has no organisation in the package; the list says fnv "
                            "(the package is not changed)"]


def test_role_conflicts_with_the_package_are_problems(pkg, tmp_path):
    f = xlsx(tmp_path / "l.xlsx", [["Organisatie", "Naam", "Rol"],
                                   ["Provincie Drenthe", "Regina Bouius-Riemersma", "deelnemer"]])
    with pytest.raises(ImportListError) as e:
        attend(pkg, f)
    (p,) = e.value.problems
    assert p.message == "p-bouius is already recorded at bw-focus as 'chair' (report:intro)"


def test_new_ids_are_opaque_and_continue_the_sequence(pkg, tmp_path):
    attend(pkg, xlsx(tmp_path / "a.xlsx", [HEADER[:2], ["FNV", "Anna Zwart"]])).save()
    result = import_attendance(labkit.load(pkg), xlsx(tmp_path / "b.xlsx", [HEADER[:2], ["SER", "Anna Wit"]]),
                               theme=THEME, session="bw-verdieping-duurzaamheid")
    ids = result.programme.participants["id"].tolist()
    assert ids[-2:] == ["p-imp-001", "p-imp-002"]
    assert not any("anna" in i or "zwart" in i for i in ids)


def test_a_windows_1252_csv_via_the_cli(pkg, tmp_path, capsys):
    f = tmp_path / "lijst.csv"
    f.write_bytes("Organisatie;Naam;Toestemming\nFNV;Jos\u00e9 M\u00fcller;ja\n".encode("cp1252"))
    args = ["import", "attendance", str(f), "--theme", THEME, "--session", SESSION, "--data", str(pkg)]
    assert main(args) == 1
    assert "lijst.csv:2: value '0xe9' — the file is not UTF-8" in capsys.readouterr().err
    assert main(args + ["--encoding", "cp1252"]) == 0
    assert "Jos\u00e9 M\u00fcller" in set(labkit.load(pkg).participants["name"].dropna())


# --------------------------------------------------------------------------- progress

def progress_rows():
    return [["Toezegging", "Datum", "Status", "Voortgang", "Toelichting"],
            ["c-raket-1", dt.datetime(2027, 1, 15), "In uitvoering", 0.4, "Kader in consultatie."],
            ["C-RAKET-2", 46402, "gepland", 0.1, None],     # a date serial: 2027-01-15
            ["c-raket-3", "15-1-2027", "afgerond", 1, None]]


def test_progress_updates_are_appended(pkg, tmp_path):
    f = xlsx(tmp_path / "voortgang.xlsx", progress_rows(), percent_column=4)
    result = import_progress(labkit.load(pkg), f)
    assert result.added == {"commitment_updates": 3}
    result.save()
    p = labkit.load(pkg)
    new = p.commitment_updates[p.commitment_updates["source"] == "import"]
    assert new["commitment_id"].tolist() == ["c-raket-1", "c-raket-2", "c-raket-3"]
    assert [d.date() for d in new["date"]] == [dt.date(2027, 1, 15)] * 3
    assert new["status"].tolist() == ["in_progress", "planned", "completed"]
    assert new["progress"].tolist() == [40, 10, 100]
    assert new["note"].tolist()[0] == "Kader in consultatie."
    # the dashboard's graph shows the latest status
    node = p.graph.nodes["commitment:c-raket-3"]
    assert (node["status"], node["progress"], node["last_update"]) == ("completed", 100, dt.date(2027, 1, 15))


def test_progress_twice_changes_nothing(pkg, tmp_path, capsys):
    f = xlsx(tmp_path / "voortgang.xlsx", progress_rows(), percent_column=4)
    assert main(["import", "progress", str(f), "--data", str(pkg)]) == 0
    first = snapshot(pkg)
    assert main(["import", "progress", str(f), "--data", str(pkg)]) == 0
    assert "3 rows read, 0 changes" in capsys.readouterr().out
    assert snapshot(pkg) == first


def test_progress_problems_are_all_listed_and_nothing_is_written(pkg, tmp_path):
    rows = [["ID", "Date", "Status", "Progress", "Note"],
            ["c-idee-storyteling", "2027-01-15", "in_progress", 40, None],
            ["c-raket-1", "2027-02-30", "bezig", 40, None],
            ["c-raket-1", "2027-03-01", "half klaar", 140, None],
            ["c-raket-1", "2021-05-01", "planned", 0, None],      # the package has 'proposed' then
            ["c-raket-2", "2027-03-01", "planned", None, None],
            ["c-raket-2", "=TODAY()", "planned", 10, None],
            [None, None, None, None, None]]
    f = xlsx(tmp_path / "p.xlsx", rows, title="Updates")
    before = snapshot(pkg)
    with pytest.raises(ImportListError) as e:
        import_progress(labkit.load(pkg), f)
    assert [str(p) for p in e.value.problems] == [
        "p.xlsx[Updates]:2: column 'ID (A)': value 'c-idee-storyteling' — no commitment has this id; "
        "did you mean 'c-idee-storytelling'? see commitments.csv",
        "p.xlsx[Updates]:3: column 'Date (B)': value '2027-02-30' — not a real date; check the day and the month",
        "p.xlsx[Updates]:4: column 'Progress (D)': value '140' — outside 0-100; progress is a percentage from 0 to 100",
        "p.xlsx[Updates]:4: column 'Status (C)': value 'half klaar' — not a value labkit knows; write one of: "
        "proposed, planned, in_progress, completed, stalled, dropped (or gepland, in uitvoering, afgerond, "
        "vastgelopen, gestopt)",
        "p.xlsx[Updates]:5: value 'c-raket-1 2021-05-01' — the package has another update for this commitment "
        "on this date (status proposed, progress 0); give the update another date, or leave the row out",
        "p.xlsx[Updates]:6: column 'Progress (D)': — a value is required; fill in the progress, or delete the row",
        "p.xlsx[Updates]:7: column 'Date (B)': — a formula without a saved result; "
        "open the file in Excel and save it, or type the value",
    ]
    assert snapshot(pkg) == before


def test_progress_needs_its_columns(pkg, tmp_path):
    f = xlsx(tmp_path / "p.xlsx", [["ID", "Datum", "Toelichting"], ["c-raket-1", "2027-01-01", "x"]])
    with pytest.raises(ImportListError) as e:
        import_progress(labkit.load(pkg), f)
    assert [p.message for p in e.value.problems] == ["no column for the progress", "no column for the status"]


def test_progress_dry_run_via_cli(pkg, tmp_path, capsys):
    f = xlsx(tmp_path / "voortgang.xlsx", progress_rows(), percent_column=4)
    before = snapshot(pkg)
    assert main(["import", "progress", str(f), "--data", str(pkg), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "row 2: c-raket-1 on 2027-01-15: in_progress, 40%" in out
    assert "dry run: nothing written" in out
    assert snapshot(pkg) == before


def test_windows_line_breaks_in_notes_become_plain_ones(pkg, tmp_path):
    f = xlsx(tmp_path / "p.xlsx", [["ID", "Datum", "Status", "Voortgang", "Toelichting"],
                                   ["c-raket-1", "2027-01-15", "bezig", 20, "Eerste regel\r\nTweede\rDerde "]])
    import_progress(labkit.load(pkg), f).save()
    notes = labkit.load(pkg).commitment_updates["note"].tolist()
    assert notes[-1] == "Eerste regel\nTweede\nDerde"


def test_a_list_without_an_organisation_column_is_refused(pkg, tmp_path):
    f = xlsx(tmp_path / "l.xlsx", [["Naam", "Rol"], ["An", "deelnemer"]])
    with pytest.raises(ImportListError) as e:
        attend(pkg, f)
    assert [(p.line, p.message, p.hint) for p in e.value.problems] == [
        (0, "no column with the organisation", "add a column 'Organisatie'")]


def test_cli_alias_and_add_unknown(pkg, tmp_path, capsys):
    f = xlsx(tmp_path / "l.xlsx", [HEADER[:2], ["Min. OCW", "An"], ["Buurtkracht", "Bo"],
                                   ["Wijkteam Oost", "Cas"]])
    base = ["import", "attendance", str(f), "--theme", THEME, "--session", SESSION, "--data", str(pkg)]
    assert main(base + ["--add-unknown", "government", "--add-unknown", "X=union"]) == 2
    assert "give --add-unknown once as SECTOR, or as NAME=SECTOR pairs" in capsys.readouterr().err
    assert main(base + ["--alias", "Min. OCW=ocw", "--add-unknown", "Buurtkracht=civil-society",
                        "--add-unknown", "wijkteam oost=government", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "new organisation buurtkracht (sector civil-society)" in out
    assert "new organisation wijkteam-oost (sector government)" in out
    assert "new alias of ocw" in out
    with pytest.raises(SystemExit):
        main(base + ["--alias", "no-equals-sign"])
    assert "is not NAME=VALUE" in capsys.readouterr().err


@pytest.mark.parametrize("typed, meant", [
    ("Ministerie van OCW", "'Ministerie van Onderwijs, Cultuur en Wetenschap (OCW)' (ocw)"),
    ("Min. van Economische Zaken", "'Ministerie van Economische Zaken en Klimaat (EZK)' (ezk)"),
    ("Albert Hein", "'Albert Heijn' (albert-heijn)"),
])
def test_unknown_organisation_gets_the_closest_known_one_as_suggestion(pkg, tmp_path, typed, meant):
    f = xlsx(tmp_path / "l.xlsx", [HEADER[:2], [typed, "An"]])
    with pytest.raises(ImportListError) as e:
        attend(pkg, f)
    (problem,) = e.value.problems
    assert problem.value == typed
    oid = meant.rsplit("(", 1)[1].rstrip(")")
    assert problem.hint.startswith(f"did you mean {meant}? then pass --alias '{typed}={oid}'")


def test_no_suggestion_when_nothing_is_close(pkg, tmp_path):
    f = xlsx(tmp_path / "l.xlsx", [HEADER[:2], ["Gemeente Assen", "An"]])
    with pytest.raises(ImportListError) as e:
        attend(pkg, f)
    assert e.value.problems[0].hint.startswith("if it is a known organisation, pass --alias 'NAME=ORG_ID'")
