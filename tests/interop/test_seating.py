"""labkit plan-tables: a registration list in, a plan workbook out; names only with
consent, hostile text stays text, infeasible inputs write nothing."""

import csv

import openpyxl
import pytest

import labkit
from hostile import CORPUS
from labkit.cli import main
from labkit.interop.workbook import write_workbook


def registrations(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Organisatie", "Naam", "Toestemming"])
        w.writerows(rows)
    return path


@pytest.fixture
def reglist(tmp_path, programme):
    orgs = programme.tables["organisations"]
    names = list(orgs["name"])
    rows = [[names[i % len(names)], f"Persoon {i}", "ja" if i % 2 else "nee"] for i in range(16)]
    return registrations(tmp_path / "aanmeldingen.csv", rows)


def test_a_plan_workbook_from_a_registration_list(tmp_path, pkg, reglist, capsys):
    out = tmp_path / "tafelindeling.xlsx"
    assert main(["plan-tables", str(reglist), "--data", str(pkg), "--tables", "2", "--capacity", "8",
                 "--keep", "Persoon 3=2", "--apart", "Persoon 1|Persoon 5", "--seconds", "5",
                 "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert "16 people at 2 tables" in said
    assert "aanmeldingen.csv: 16 people read, 0 matched to the package, 16 new (p-imp-001 to p-imp-016)" in said
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Overzicht", "Tafel 1", "Tafel 2"]
    seated = {r[0]: t for t in ("Tafel 1", "Tafel 2")
              for r in wb[t].iter_rows(min_row=2, values_only=True)}
    assert len(seated) == 16
    assert seated["Persoon 3"] == "Tafel 2"
    named = {n for n in seated if n.startswith("Persoon")}
    assert named == {f"Persoon {i}" for i in range(1, 16, 2)}  # only those who consented
    assert all(n.startswith("Deelnemer ") for n in set(seated) - named)
    summary = [r for r in wb["Overzicht"].iter_rows(values_only=True)]
    assert summary[0][:4] == ("Tafel", "Personen", "Sectoren", "Nieuwe paren over sectoren")
    assert labkit.load(pkg).tables["participants"].shape == labkit.load("data").tables["participants"].shape


def test_hostile_names_stay_text_in_the_workbook(tmp_path, pkg, programme):
    org = programme.tables["organisations"]["name"].iloc[0]
    others = list(programme.tables["organisations"]["name"])
    rows = [[others[i % len(others)], text.replace("\n", " ").replace("\r", " "), "ja"]
            for i, text in enumerate(CORPUS)]
    f = registrations(tmp_path / "vijandig.csv", rows + [[org, "Gewoon Iemand", "ja"]])
    out = tmp_path / "plan.xlsx"
    assert main(["plan-tables", str(f), "--data", str(pkg), "--tables", "4", "--capacity", "8",
                 "--min-sectors", "1", "--seconds", "3", "--out", str(out)]) == 0
    wb = openpyxl.load_workbook(out)
    cells = [c for ws in wb.worksheets[1:] for row in ws.iter_rows(min_row=2) for c in row]
    assert all(c.data_type != "f" for c in cells)
    values = {c.value for c in cells}
    assert "'=HYPERLINK(\"http://example.invalid\",\"klik\")" in values
    assert "<script>window.__xss = 1</script>" in values


@pytest.mark.parametrize("extra,words", [
    (["--min-sectors", "9"], "min-sectors cannot hold"),
    (["--keep", "Persoon 1=1", "--keep", "Persoon 2=1", "--keep", "Persoon 3=1",
      "--keep", "Persoon 4=1", "--keep", "Persoon 5=1", "--keep", "Persoon 6=1",
      "--keep", "Persoon 7=1", "--keep", "Persoon 8=1", "--keep", "Persoon 9=1"], "keep cannot hold"),
])
def test_infeasible_says_which_constraint_and_writes_nothing(tmp_path, pkg, reglist, capsys, extra, words):
    out = tmp_path / "tafelindeling.xlsx"
    assert main(["plan-tables", str(reglist), "--data", str(pkg), "--tables", "2", "--capacity", "8",
                 "--seconds", "3", "--out", str(out), *extra]) == 2
    err = capsys.readouterr().err.strip()
    assert words in err and len(err.splitlines()) == 1
    assert not out.exists()


def test_the_workbook_flows_deelnemers_sheet_is_a_registration_list(tmp_path, pkg, capsys):
    wb = tmp_path / "programma.xlsx"
    write_workbook(labkit.load(pkg), wb)
    out = tmp_path / "plan.xlsx"
    assert main(["plan-tables", str(wb), "--sheet", "Deelnemers", "--data", str(pkg), "--tables", "6",
                 "--capacity", "8", "--seconds", "3", "--out", str(out)]) == 0
    n = len(labkit.load(pkg).tables["participants"])
    said = capsys.readouterr().out
    assert f"{n} people at 6 tables" in said and "illustrative attendance" in said  # the example's history
    summary = list(openpyxl.load_workbook(out)["Overzicht"].iter_rows(values_only=True))
    assert any(r[0] == "Let op" and "illustratieve" in r[1] for r in summary)
    assert openpyxl.load_workbook(out).sheetnames[1:] == [f"Tafel {t}" for t in range(1, 7)]


def test_a_recorded_plan_counts_in_no_measure_and_is_compared_after_the_round(tmp_path, pkg, reglist, capsys):
    from labkit.analytics.planning import planned_vs_actual
    before = labkit.load(pkg)
    out = tmp_path / "plan.xlsx"
    sessions = list(before.tables["sessions"]["id"])[-2:]
    assert main(["plan-tables", str(reglist), "--data", str(pkg), "--tables", "2", "--capacity", "8",
                 "--seconds", "3", "--out", str(out), "--record", sessions[0],
                 "--record", sessions[1]]) == 0
    after = labkit.load(pkg)
    att = after.tables["attendance"]
    assert (att["source"] == "planned").sum() == 16
    assert labkit.headline(after) == labkit.headline(before)
    attended = lambda p: labkit.summarize(p)["graph"]["edges_by_kind"]["attended"]  # noqa: E731
    assert attended(after) == attended(before)
    assert len(after.attendance) == len(before.attendance)
    c = planned_vs_actual(after)
    assert c["planned"] > 0 and c["happened"] == 0  # new people: nobody sat together yet
    # the real list of the first table: everyone planned there came
    planned = att[(att["source"] == "planned") & (att["session_id"] == sessions[0])]["participant_id"]
    names = {f"p-imp-{i:03d}": i for i in range(1, 17)}
    with open(reglist, encoding="utf-8") as f:
        rows = list(csv.reader(f))[1:]
    real = registrations(tmp_path / "echt.csv", [rows[names[p] - 1] for p in planned])
    theme = after.tables["sessions"].set_index("id").at[sessions[0], "theme_id"]
    assert main(["import", "attendance", str(real), "--data", str(pkg), "--theme", theme,
                 "--session", sessions[0]]) == 0
    k = len(planned)
    assert (f"planned against actual at {sessions[0]}: {k} of {k} planned people came; "
            f"{k * (k - 1) // 2} of {k * (k - 1) // 2} planned new pairs sat together") in capsys.readouterr().out
    assert main(["analyse", "--data", str(pkg)]) == 0
    said = capsys.readouterr().out
    assert "planned against actual" in said
    now = labkit.load(pkg).tables["attendance"]
    came = now[now["session_id"] == sessions[0]]
    assert set(planned) <= set(came.loc[came["source"] == "import", "participant_id"])
    assert set(came.loc[came["source"] == "planned", "participant_id"]) == set(planned)  # the plan stays


def test_the_real_list_keeps_the_plan_beside_it_and_analyse_compares_them(tmp_path, pkg, programme, capsys):
    # eight new people (no history): every planned pair is a new pair, worked out by hand
    orgs = list(programme.tables["organisations"]["name"])
    rows = [[orgs[i], f"Persoon {i}", "ja"] for i in range(8)]
    reglist = registrations(tmp_path / "aanmeldingen.csv", rows)
    sessions = ["bw-werkplaats-duurzaamheid", "bw-werkplaats-inclusiviteit"]
    plan = ["plan-tables", str(reglist), "--data", str(pkg), "--tables", "2", "--capacity", "4",
            "--min-sectors", "1", "--seconds", "3", "--out", str(tmp_path / "plan.xlsx"),
            "--record", sessions[0], "--record", sessions[1]]
    assert main(plan) == 0
    att = labkit.load(pkg).tables["attendance"]
    seat = {s: sorted(att.loc[(att["source"] == "planned") & (att["session_id"] == s), "participant_id"])
            for s in sessions}
    assert [len(seat[s]) for s in sessions] == [4, 4]  # 6 + 6 = 12 planned new pairs
    person = {f"p-imp-{i + 1:03d}": row for i, row in enumerate(rows)}
    # at the first table three of the four planned came, and one planned at the second;
    # at the second the other three: 3 + 3 planned pairs sat together
    real = {sessions[0]: seat[sessions[0]][:3] + seat[sessions[1]][:1], sessions[1]: seat[sessions[1]][1:]}
    files = {s: registrations(tmp_path / f"{s}.csv", [person[p] for p in real[s]]) for s in sessions}

    def imported(s):
        return main(["import", "attendance", str(files[s]), "--data", str(pkg),
                     "--theme", "brede-welvaart", "--session", s])

    for s in sessions:
        assert imported(s) == 0
    capsys.readouterr()
    now = labkit.load(pkg).tables["attendance"]
    mine = now[now["participant_id"].isin(person)]
    assert (mine["source"] == "planned").sum() == 8  # the plan stays beside the real seats
    assert (mine["source"] == "import").sum() == 7
    assert main(["analyse", "--data", str(pkg)]) == 0
    assert ("planned against actual: 6 of 12 planned new pairs (50%) sat together at 2 tables"
            in capsys.readouterr().out)

    files_before = {f.name: f.read_bytes() for f in pkg.iterdir()}
    assert imported(sessions[0]) == 0  # the same list again changes nothing
    assert "0 changes" in capsys.readouterr().out
    assert {f.name: f.read_bytes() for f in pkg.iterdir()} == files_before

    assert main(plan) == 0  # planning again replaces the old plan only
    again = labkit.load(pkg).tables["attendance"]
    assert (again["source"] == "planned").sum() == 8
    seats = lambda att: att[att["source"] != "planned"].reset_index(drop=True)  # noqa: E731
    assert seats(again).equals(seats(now))


def test_the_plan_workbook_is_wide_enough_to_read_and_keeps_its_header_in_view(tmp_path, pkg, programme):
    orgs = programme.tables["organisations"]
    longest = orgs.loc[orgs["name"].str.len().idxmax(), "name"]
    rows = [[longest, "Maria Magdalena van Oosterhout-Bergsma", "ja"]]
    rows += [[n, f"Persoon {i}", "ja"] for i, n in enumerate(orgs["name"].head(11))]
    out = tmp_path / "plan.xlsx"
    assert main(["plan-tables", str(registrations(tmp_path / "lijst.csv", rows)), "--data", str(pkg),
                 "--tables", "2", "--capacity", "8", "--min-sectors", "1", "--seconds", "3",
                 "--out", str(out)]) == 0
    wb = openpyxl.load_workbook(out)
    for ws in wb.worksheets[1:]:
        assert ws.freeze_panes == "A2"
        for col in "ABC":  # name, organisation, sector
            cells = [c.value for c in ws[col] if c.value is not None]
            longest_cell = max(len(str(v)) for v in cells)
            assert ws.column_dimensions[col].width >= min(longest_cell, 40), (ws.title, col)
    assert wb.worksheets[0].freeze_panes == "A2"
    summary = wb.worksheets[0]
    assert summary.column_dimensions["D"].width >= len("Nieuwe paren over sectoren")
    # the labels under the table widen its first column; the long sentence beside "Betekenis"
    # runs on into the empty cells to its right instead of widening the column of people
    assert summary.column_dimensions["A"].width >= len("Minimaal sectoren per tafel")
    meaning = next(r for r in summary.iter_rows(values_only=True) if r[0] == "Betekenis")[1]
    assert len(meaning) > 60 and summary.column_dimensions["B"].width < 20


def test_a_normal_run_says_little_and_the_lines_worth_a_look_are_grouped(tmp_path, pkg, programme, capsys):
    orgs = list(programme.tables["organisations"]["name"])
    rows = [[orgs[i], f"Persoon {i}", "ja"] for i in range(19)]
    rows.append(["Provincie Drenthe", "Regina Bouius-Riemersme", "ja"])  # p-bouius, one letter off
    rows.append(["de Nederlandse Bank", "Olaf Sleijpen", "ja"])          # p-sleijpen, as the package has it
    out = tmp_path / "plan.xlsx"
    args = ["--data", str(pkg), "--tables", "3", "--capacity", "8", "--min-sectors", "1",
            "--seconds", "3", "--out", str(out)]
    assert main(["plan-tables", str(registrations(tmp_path / "lijst.csv", rows)), *args]) == 0
    said = capsys.readouterr().out.splitlines()
    assert len(said) < 8, said
    assert said[0] == "lijst.csv: 21 people read, 1 matched to the package, 20 new (p-imp-001 to p-imp-020)"
    assert said[1] == ("  row 21, column 'Naam': new participant p-imp-020, but the name is close to "
                       "p-bouius's at the same organisation; if it is the same person, spell the name "
                       "as the package does")
    assert any(line.startswith("21 people at 3 tables: ") and line.endswith("; proven optimal")
               or "a gap of" in line for line in said)

    # twelve organisations the package does not know: ten lines and how many more
    new = registrations(tmp_path / "nieuw.csv", [[f"Stichting Nummer {chr(65 + i)}", f"Iemand {i}", "nee"]
                                                for i in range(12)])
    assert main(["plan-tables", str(new), *args, "--add-unknown", "civil-society"]) == 0
    said = capsys.readouterr().out.splitlines()
    assert said[1:11] == [f"  new organisation stichting-nummer-{chr(97 + i)} (sector civil-society)"
                          for i in range(10)]
    assert said[11] == "  ... and 2 more"
    # without --add-unknown they are problems: every one with file, row, column and value
    assert main(["plan-tables", str(new), *args]) == 1
    err = capsys.readouterr().err
    assert "nieuw.csv: 12 problems in the list" in err
    assert "nieuw.csv:13: column 'Organisatie': value 'Stichting Nummer L' — organisation not in the package" in err
