"""The fast workbook reader sees what openpyxl sees, and what openpyxl needs two passes for."""

import datetime as dt
import zipfile

import openpyxl
import pytest
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from labkit.interop.xlsx import FORMULA, Workbook
from workbook_fixtures import FILES, FIXTURES


def as_openpyxl_sees_it(ws):
    return {(c.row, c.column - 1): c.value for row in ws.iter_rows() for c in row if c.value is not None}


def as_we_see_it(wb, title):
    rows, _ = wb.rows(title)
    return {(r, c): pair[0] for r, cells in rows for c, pair in enumerate(cells)
            if pair is not None and pair[0] is not FORMULA}


@pytest.mark.parametrize("kind", list(FILES))
def test_every_cell_of_the_fixtures_reads_as_openpyxl_reads_it(kind):
    path = FIXTURES / FILES[kind]
    wb, theirs = Workbook(path), openpyxl.load_workbook(path, data_only=True)
    try:
        assert wb.titles == theirs.sheetnames
        for title in wb.titles:
            assert as_we_see_it(wb, title) == as_openpyxl_sees_it(theirs[title]), title
    finally:
        wb.close()


def test_types_percent_formats_formulas_and_merged_cells(tmp_path):
    f = tmp_path / "t.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Blad"
    ws.append(["tekst", 3, 2.5, True, dt.datetime(2026, 3, 12), dt.date(2026, 3, 13), 0.4, "=1+1"])
    ws["G1"].number_format = "0%"
    ws["A3"] = "titel"
    ws.merge_cells("A3:C4")
    ws["J5"] = "ver weg"
    wb.save(f)
    r = Workbook(f)
    rows, merged = r.rows("Blad")
    r.close()
    first = rows[0][1]
    assert [p[0] for p in first[:7]] == ["tekst", 3, 2.5, True, dt.datetime(2026, 3, 12),
                                         dt.datetime(2026, 3, 13), 0.4]
    assert first[6][1] and not first[2][1]  # only G1 is a percentage
    assert first[7][0] is FORMULA           # written by a script: no saved result
    assert merged == [(3, 4, 0, 2)]
    assert rows[-1][0] == 5 and rows[-1][1][9][0] == "ver weg" and rows[-1][1][0] is None


def test_the_1904_date_system(tmp_path):
    f = tmp_path / "mac.xlsx"
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    wb.active.append([dt.date(2021, 5, 1)])
    wb.save(f)
    r = Workbook(f)
    assert r.epoch_1904 and r.rows(r.titles[0])[0][0][1][0][0] == dt.datetime(2021, 5, 1)
    r.close()


def test_prefixed_elements_shared_rich_text_phonetics_escapes_and_errors(tmp_path):
    """As some writers (the .NET SDK, Excel for East Asian text) save them."""
    ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    parts = {
        "_rels/.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                       '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                       'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<x:workbook {ns} {rel}><x:sheets><x:sheet name="Lijst" sheetId="1" '
                           'r:id="rId7"/></x:sheets></x:workbook>',
        "xl/_rels/workbook.xml.rels":
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/worksheet" Target="/xl/worksheets/blad.xml"/>'
            '<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/sharedStrings" Target="strings.xml"/></Relationships>',
        "xl/strings.xml": f'<x:sst {ns}><x:si><x:r><x:t>Gemeente </x:t></x:r><x:r><x:t>Assen</x:t></x:r>'
                          '<x:rPh><x:t>ASSEN</x:t></x:rPh></x:si><x:si><x:t>a_x000D_b &amp; c</x:t></x:si></x:sst>',
        "xl/worksheets/blad.xml": f'<x:worksheet {ns}><x:sheetData><x:row><x:c t="s"><x:v>0</x:v></x:c>'
                                  '<x:c t="s"><x:v>1</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c>'
                                  '<x:c t="str"><x:f>A1&amp;""</x:f><x:v>Gemeente Assen</x:v></x:c>'
                                  '</x:row></x:sheetData></x:worksheet>',
    }
    f = tmp_path / "sdk.xlsx"
    with zipfile.ZipFile(f, "w") as z:
        for name, text in parts.items():
            z.writestr(name, text)
    r = Workbook(f)
    assert r.titles == ["Lijst"]
    rows, _ = r.rows("Lijst")
    r.close()
    assert rows == [(1, [("Gemeente Assen", False), ("a\rb & c", False), ("#N/A", False),
                         ("Gemeente Assen", False)])]
