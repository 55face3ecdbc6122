"""Reading the spreadsheets people keep: Excel pitfalls, encodings, headers, values."""

import datetime as dt

import openpyxl
import pytest
from openpyxl.styles import Border, Side
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from labkit.errors import ParameterError
from labkit.interop.sheets import Cell, date, month, normal_form, percentage, read_sheet, whole, yes_no

SPEC = {"organisation": {"organisatie", "organisation"}, "name": {"naam", "name"},
        "when": {"datum"}}


def xlsx(path, rows, *, merge=(), title="Blad1"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    for m in merge:
        ws.merge_cells(m)
    wb.save(path)
    return path


def values(sheet, field):
    c = sheet.columns[field][0]
    return [cells[c].value for _, cells in sheet.rows]


def test_formula_without_saved_result_is_named_with_sheet_row_and_column(tmp_path):
    # openpyxl stores formulas without a cached value: exactly what a script-made file looks like
    f = xlsx(tmp_path / "list.xlsx", [["Naam", "Organisatie"], ["An", "FNV"], ["=A2&\"x\"", "SER"]])
    sheet, problems = read_sheet(f, SPEC)
    assert problems == []
    found = []
    got = [sheet.cells(cells, found, r)[0] for r, cells in sheet.rows]
    assert got[0]["name"][0].value == "An"
    assert got[1]["name"][0].value is None
    assert [str(p) for p in found] == [
        "list.xlsx[Blad1]:3: column 'Naam (A)': — a formula without a saved result; "
        "open the file in Excel and save it, or type the value"]


def test_title_rows_merged_headers_and_cells_merged_down(tmp_path):
    rows = [["Aanmeldingen focustafel 15 maart", None, None],
            ["Deelnemer", None, "Datum"],
            ["Naam", "Organisatie", None],
            ["An", "FNV", 44317],
            ["Bo", None, 44318],
            ["Cas", "SER", 44319]]
    # a title merged over the top, a group header over A:B, 'Datum' merged down over
    # two header rows, and one organisation written once for two people
    f = xlsx(tmp_path / "list.xlsx", rows, merge=["A1:C1", "A2:B2", "C2:C3", "B4:B5"])
    sheet, problems = read_sheet(f, SPEC)
    assert problems == []
    assert {k: v[1] for k, v in sheet.columns.items()} == {
        "name": "Naam (A)", "organisation": "Organisatie (B)", "when": "Datum (C)"}
    assert [r for r, _ in sheet.rows] == [4, 5, 6]
    assert values(sheet, "organisation") == ["FNV", "FNV", "SER"]


def test_header_merged_sideways_over_a_column_with_values_is_a_problem(tmp_path):
    f = xlsx(tmp_path / "list.xlsx", [["Naam", None, "Organisatie"], ["An", "de Vries", "FNV"],
                                      ["Bo", None, "SER"]], merge=["A1:B1"])
    sheet, problems = read_sheet(f, SPEC)
    assert sheet.columns["name"][1] == "Naam (A)"
    assert [str(p) for p in problems] == [
        "list.xlsx[Blad1]:2: column 'B, under the merged header 'Naam'': value 'de Vries' — a column "
        "under a merged header holds values; unmerge the header and give this column its own name"]


def test_empty_and_formatted_trailing_rows_are_skipped(tmp_path):
    f = tmp_path / "list.xlsx"
    xlsx(f, [["Naam", "Organisatie"], ["An", "FNV"], [None, None], ["Bo", "SER"], ["  ", "\u00a0"]])
    wb = openpyxl.load_workbook(f)
    ws = wb.active
    thin = Side(style="thin")
    for r in range(6, 40):  # borders on empty rows: Excel keeps these rows in the file
        ws.cell(r, 1).border = Border(top=thin)
    wb.save(f)
    assert openpyxl.load_workbook(f).active.max_row == 39
    sheet, problems = read_sheet(f, SPEC)
    assert problems == []
    assert [r for r, _ in sheet.rows] == [2, 4]


def test_headers_match_whatever_the_case_spacing_and_colon(tmp_path):
    f = xlsx(tmp_path / "list.xlsx", [[" NAAM\u00a0", "Organisatie:", "Telefoon"], ["An", "FNV", "06"]])
    sheet, problems = read_sheet(f, SPEC)
    assert problems == []
    assert set(sheet.columns) == {"name", "organisation"}
    assert sheet.notes == ["column 'Telefoon (C)' ignored: not a column labkit reads"]


def test_two_columns_for_one_field_is_a_problem(tmp_path):
    f = xlsx(tmp_path / "list.xlsx", [["Naam", "Name", "Organisatie"], ["An", "An", "FNV"]])
    _, problems = read_sheet(f, SPEC)
    assert [str(p) for p in problems] == [
        "list.xlsx[Blad1]:1: column 'Name (B)': — a second column for 'name' (the first is "
        "'Naam (A)'); remove or rename one of them"]


def test_windows_1252_csv_is_refused_clearly_unless_its_encoding_is_given(tmp_path):
    f = tmp_path / "list.csv"
    f.write_bytes("Naam;Organisatie\nAn;FNV\nJos\u00e9;Caf\u00e9 de Bond\n".encode("cp1252"))
    sheet, problems = read_sheet(f, SPEC)
    assert sheet.rows == []
    assert [str(p) for p in problems] == [
        "list.csv:3: value '0xe9' — the file is not UTF-8; labkit never guesses an encoding; "
        "save it as 'CSV UTF-8' in Excel, or give its encoding (--encoding cp1252 for Excel's "
        "plain CSV on Windows)"]
    sheet, problems = read_sheet(f, SPEC, encoding="cp1252")
    assert problems == []
    assert values(sheet, "name") == ["An", "Jos\u00e9"]
    assert values(sheet, "organisation") == ["FNV", "Caf\u00e9 de Bond"]


def test_csv_with_byte_order_mark_and_commas(tmp_path):
    f = tmp_path / "list.csv"
    f.write_bytes(b"\xef\xbb\xbfNaam,Organisatie\n\"de Vries, An\",FNV\n\n")
    sheet, problems = read_sheet(f, SPEC)
    assert problems == []
    assert values(sheet, "name") == ["de Vries, An"]
    assert sheet.where == "list.csv"


def test_files_that_cannot_be_read_raise_parameter_errors(tmp_path):
    with pytest.raises(ParameterError, match="no such file"):
        read_sheet(tmp_path / "missing.xlsx", SPEC)
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ParameterError, match="save it as 'Excel Workbook"):
        read_sheet(tmp_path / "old.xls", SPEC)
    (tmp_path / "broken.xlsx").write_bytes(b"not a zip")
    with pytest.raises(ParameterError, match="cannot be read as an Excel workbook"):
        read_sheet(tmp_path / "broken.xlsx", SPEC)
    f = xlsx(tmp_path / "list.xlsx", [["Naam"]])
    with pytest.raises(ParameterError, match="its sheets are: Blad1"):
        read_sheet(f, SPEC, sheet="Sheet2")


def test_no_header_is_a_problem(tmp_path):
    f = xlsx(tmp_path / "list.xlsx", [["foo", "bar"], ["An", "FNV"]])
    _, problems = read_sheet(f, SPEC)
    assert [p.message for p in problems] == ["no known column names in the first 20 rows"]


@pytest.mark.parametrize("value, expected", [
    (44317, dt.date(2021, 5, 1)),            # an Excel date serial
    (44317.75, dt.date(2021, 5, 1)),         # with a time of day
    ("44317", dt.date(2021, 5, 1)),          # a serial that arrived as text
    (dt.datetime(2021, 5, 1, 0, 0), dt.date(2021, 5, 1)),
    ("2021-05-01", dt.date(2021, 5, 1)),
    ("1-5-2021", dt.date(2021, 5, 1)),       # Dutch day-month-year
    ("01/05/2021", dt.date(2021, 5, 1)),
])
def test_dates(value, expected):
    assert date(Cell(value)) == (expected, None)


@pytest.mark.parametrize("value, message", [("31-02-2021", "not a real date"), ("mei", "not a date"),
                                            (-3, "not a date"), (True, "not a date")])
def test_bad_dates(value, message):
    assert date(Cell(value))[1][0] == message


def test_date_serials_follow_the_workbook_date_system(tmp_path):
    f = tmp_path / "mac.xlsx"
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    wb.active.append(["Datum", "Naam"])
    wb.active.append([42855, "An"])  # 2021-05-01 in the 1904 system, 2017-04-30 in the 1900 one
    wb.save(f)
    sheet, _ = read_sheet(f, SPEC)
    assert date(sheet.rows[0][1][0], sheet.epoch) == (dt.date(2021, 5, 1), None)
    assert date(sheet.rows[0][1][0]) == (dt.date(2017, 4, 30), None)


@pytest.mark.parametrize("cell, expected", [
    (Cell(40), 40), (Cell("40"), 40), (Cell("40 %"), 40), (Cell(40.0), 40),
    (Cell(0.4, percent=True), 40), (Cell(1, percent=True), 100), (Cell(None), None),
])
def test_percentages(cell, expected):
    assert percentage(cell) == (expected, None)


@pytest.mark.parametrize("cell, message", [
    (Cell(40.5), "not a whole percentage"), (Cell(120), "outside 0-100"),
    (Cell("veel"), "not a percentage"), (Cell(True), "not a percentage"),
])
def test_bad_percentages(cell, message):
    assert percentage(cell)[1][0] == message


@pytest.mark.parametrize("value, expected", [
    ("ja", True), ("JA ", True), ("x", True), (True, True), (1, True), ("nee", False),
    ("No", False), (False, False), (None, None), ("", None),
])
def test_yes_no(value, expected):
    assert yes_no(Cell(value)) == (expected, None)


@pytest.mark.parametrize("a, b", [
    ("ABN-AMRO", "abn amro"), ("Trimbos-instituut", "TRIMBOS\u00a0Instituut"),
    ("Ministerie van Onderwijs, Cultuur en Wetenschap (OCW)",
     "ministerie van onderwijs cultuur en wetenschap ocw"),
    ("I&W", "i w"), ("Caf\u00e9 de Bond", "Cafe de  Bond."),
])
def test_normal_form_ignores_case_spaces_accents_and_punctuation(a, b):
    assert normal_form(a) == normal_form(b)


def test_normal_form_keeps_names_apart():
    assert normal_form("FNV") != normal_form("CNV")


@pytest.mark.parametrize("value, expected", [
    ("12 maart 2026", dt.date(2026, 3, 12)), ("12 mrt. 2026", dt.date(2026, 3, 12)),
    ("1 October 2026", dt.date(2026, 10, 1)), ("3 MEI 2026", dt.date(2026, 5, 3)),
])
def test_dates_with_month_names(value, expected):
    assert date(Cell(value)) == (expected, None)


@pytest.mark.parametrize("value, expected", [
    ("2026-03", "2026-03"), ("2026-3", "2026-03"), ("3-2026", "2026-03"), ("03/2026", "2026-03"),
    ("maart 2026", "2026-03"), ("Mrt 2026", "2026-03"), ("12-3-2026", "2026-03"),
    (dt.datetime(2026, 3, 1), "2026-03"), (None, None),
])
def test_months(value, expected):
    assert month(Cell(value)) == (expected, None)


@pytest.mark.parametrize("value", ["13-2026", "voorjaar 2026", "2026", True])
def test_bad_months(value):
    assert month(Cell(value))[1][0] == "not a month"


@pytest.mark.parametrize("value, expected", [(3, 3), (3.0, 3), (" 12 ", 12), ("12.0", 12), ("-2", -2)])
def test_whole_numbers_typed_as_numbers_or_text(value, expected):
    assert whole(Cell(value)) == (expected, None)


@pytest.mark.parametrize("value", ["twee", 2.5, True, "1.000,5"])
def test_not_whole_numbers(value):
    assert whole(Cell(value))[1][0] == "not a whole number"
