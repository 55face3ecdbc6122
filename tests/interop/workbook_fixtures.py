"""A small programme that is not the middenvelddialogen, and the workbooks a person
made of it: the fixtures of tests/interop/test_workbook.py.

    .venv/bin/python tests/interop/workbook_fixtures.py   # rewrites tests/interop/fixtures/

writes, from :func:`base_programme` (the package before the person's work):

``workbook-filled-openpyxl.xlsx``
    ``labkit workbook`` of it, filled in with openpyxl as a person would fill it
    (:func:`fill`): a session under a merged title row, organisations, people,
    attendance, a commitment with owners, an SDG and progress; Dutch dates,
    ``ja``, numbers typed as text, non-breaking spaces, formatted empty rows.
``workbook-filled-excel-style.xlsx``
    the same with two formula cells holding their saved results, as Excel saves
    them (the results are written into the file's XML here: there is no Excel on
    this machine, so this file is made by this script, not saved by Excel).
``workbook-filled-libreoffice.xlsx``
    the same workbook with the formulas, opened and saved by LibreOffice
    (``soffice --headless --calc --convert-to xlsx``), which calculates them.

All three import to the same package (:data:`EXPECTED`). Run this again when the
schema's tables or fields change; the tests always use the committed files.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pandas as pd

FIXTURES = Path(__file__).resolve().parent / "fixtures"
FILES = {"openpyxl": "workbook-filled-openpyxl.xlsx",
         "excel-style": "workbook-filled-excel-style.xlsx",
         "libreoffice": "workbook-filled-libreoffice.xlsx"}

PROGRAMME = {
    "title_nl": "Regiodeal Twente: brede welvaart 2026", "title_en": "Twente Region Deal: broad wellbeing 2026",
    "subtitle_nl": "", "subtitle_en": "", "introduction_nl": "Vier tafels over wonen en werk in Twente.",
    "introduction_en": "", "organiser": "Regio Twente", "period_start": "2026-01-15",
    "period_end": "2026-12-15", "source": "",
}

SECTORS = [("government", "Overheid", "Government"), ("business", "Bedrijfsleven", "Business"),
           ("union", "Vakbond", "Union"), ("civil-society", "Maatschappelijke organisatie", "Civil society"),
           ("knowledge-education", "Kennis en onderwijs", "Knowledge and education")]


def _rows(**tables):
    from labkit.data.synth import _DIMENSIONS, _SDGS
    base = {
        "sectors": [{"id": i, "name_nl": nl, "name_en": en, "order": n, "source": "classification"}
                    for n, (i, nl, en) in enumerate(SECTORS, start=1)],
        "sdgs": [{"number": n, "name_nl": nl, "name_en": en, "colour": c, "source": "reference"}
                 for n, (nl, en, c) in enumerate(_SDGS, start=1)],
        "welfare_dimensions": [{"id": i, "name_nl": nl, "name_en": en, "source": "reference"}
                               for i, nl, en in _DIMENSIONS],
    }
    base.update(tables)
    return base


def base_programme():
    """The regiodeal before the person's work: two themes, three sessions, six
    organisations, six people, two roadmap stages, one commitment with progress."""
    from labkit.data import io, schema
    from labkit.data.model import Programme
    src = "import"
    rows = _rows(
        themes=[{"id": "wonen", "number": 1, "name_nl": "Wonen en leefbaarheid", "name_en": "Housing",
                 "host_organisation_id": "regio-twente", "host_participant_id": "p-host", "source": src},
                {"id": "werk", "number": 2, "name_nl": "Werk en talent", "name_en": "Work and talent",
                 "source": src}],
        organisations=[
            {"id": "regio-twente", "name": "Regio Twente", "sector": "government", "source": src},
            {"id": "gemeente-enschede", "name": "Gemeente Enschede", "sector": "government", "source": src},
            {"id": "saxion", "name": "Saxion", "sector": "knowledge-education", "source": src},
            {"id": "fnv-twente", "name": "FNV Twente", "sector": "union", "source": src},
            {"id": "twence", "name": "Twence", "sector": "business", "source": src},
            {"id": "ocw", "name": "Ministerie van Onderwijs, Cultuur en Wetenschap (OCW)",
             "sector": "government", "source": src}],
        organisation_aliases=[{"organisation_id": "ocw", "alias": "OCW", "source": src},
                              {"organisation_id": "twence", "alias": "@twence", "note": "Their handle.",
                               "source": src}],
        participants=[
            {"id": "p-host", "name": "Anne Jansen", "consent_named": True, "organisation_id": "regio-twente",
             "role": "host", "source": src},
            *({"id": f"p-00{i}", "consent_named": False, "organisation_id": o, "role": "participant",
               "source": src} for i, o in enumerate(["gemeente-enschede", "saxion", "fnv-twente",
                                                     "twence", "ocw"], start=1))],
        table_kinds=[
            {"id": "focustafel", "name_nl": "Focustafel", "name_en": "Focus table", "order": 1, "source": src},
            {"id": "verdiepingstafel", "name_nl": "Verdiepingstafel", "name_en": "Deepening table", "order": 2,
             "source": src},
            {"id": "werkplaats", "name_nl": "Werkplaats", "name_en": "Workshop", "order": 3, "source": src}],
        sessions=[
            {"id": "wonen-focus", "theme_id": "wonen", "kind": "focustafel", "order": 1, "month": "2026-02",
             "date": "2026-02-10", "title_nl": "Focustafel wonen", "source": src},
            {"id": "werk-focus", "theme_id": "werk", "kind": "focustafel", "order": 1, "month": "2026-03",
             "title_nl": "Focustafel werk", "source": src},
            {"id": "wonen-verdieping", "theme_id": "wonen", "kind": "verdiepingstafel", "order": 2,
             "month": "2026-04", "date": "2026-04-14", "title_nl": "Verdiepingstafel wonen", "source": src}],
        attendance=[{"session_id": s, "participant_id": p, "role": r, "source": src} for s, p, r in [
            ("wonen-focus", "p-host", "chair"), ("wonen-focus", "p-001", "participant"),
            ("wonen-focus", "p-002", "participant"), ("werk-focus", "p-003", "participant"),
            ("werk-focus", "p-004", "participant"), ("wonen-verdieping", "p-001", "participant"),
            ("wonen-verdieping", "p-005", "participant")]],
        invitations=[{"theme_id": "wonen", "participant_id": "p-001", "first_session_id": "wonen-focus",
                      "channel": "organisers", "source": src},
                     {"theme_id": "wonen", "participant_id": "p-005", "first_session_id": "wonen-verdieping",
                      "channel": "participant", "invited_by": "p-001", "source": src}],
        collaborations=[{"id": "col-001", "from_organisation_id": "gemeente-enschede",
                         "to_organisation_id": "saxion", "session_id": "wonen-verdieping",
                         "kind": "intent", "source": src}],
        roadmap_stages=[{"id": "stage-1", "number": 1, "name_nl": "Samen beginnen", "name_en": "Start together",
                         "text_nl": "Eerst de regio om tafel.", "source": src},
                        {"id": "stage-2", "number": 2, "name_nl": "Samen bouwen", "name_en": "Build together",
                         "text_nl": "Dan de plannen uitvoeren.\nMet iedereen.", "source": src}],
        commitments=[{"id": "c-woningtoewijzing", "theme_id": "wonen", "kind": "idea", "stage_id": "stage-1",
                      "title_nl": "Regionale woningtoewijzing", "title_en": "Regional housing allocation",
                      "session_id": "wonen-verdieping", "source": src}],
        commitment_owners=[{"commitment_id": "c-woningtoewijzing", "organisation_id": "gemeente-enschede",
                            "role": "lead", "source": src}],
        commitment_sdgs=[{"commitment_id": "c-woningtoewijzing", "sdg": 11, "source": src}],
        commitment_dimensions=[{"commitment_id": "c-woningtoewijzing", "dimension": "hier-en-nu",
                                "source": src}],
        commitment_updates=[{"commitment_id": "c-woningtoewijzing", "date": "2026-04-14", "status": "proposed",
                             "progress": 0, "note": "Ingebracht.", "source": src}],
        quotes=[{"id": "q-001", "theme_id": "wonen", "participant_id": "p-host", "session_id": "wonen-focus",
                 "category": "wish", "form": "quote", "text_nl": "=HYPERLINK(\"http://example.org\",\"klik\")", "source": src}],
        insights=[{"id": "wonen-idea-001", "theme_id": "wonen", "kind": "idea", "order": 1,
                   "title_nl": "-5% leegstand", "text_nl": "+ meer doorstroming", "source": src}],
    )
    tables = {}
    for name in schema.RESOURCE_NAMES:
        text = io.table_to_csv(name, pd.DataFrame(rows.get(name, []), columns=schema.field_names(name)))
        problems = []
        parsed, _ = io._parse_table(name, text, problems)
        assert not problems, [str(p) for p in problems]
        tables[name] = io._frame(name, parsed)
    meta = {"name": "regiodeal-twente", "title": PROGRAMME["title_nl"], "programme": dict(PROGRAMME)}
    return Programme(meta, tables)


def fill(path_in, path_out, *, formulas: bool) -> None:
    """Fill in the workbook at ``path_in`` as a person would, with openpyxl."""
    import openpyxl
    from openpyxl.styles import PatternFill
    wb = openpyxl.load_workbook(path_in)

    def add(sheet, *rows):
        ws = wb[sheet]
        last = max(r for r in range(1, ws.max_row + 1) if any(c.value is not None for c in ws[r]))
        for i, row in enumerate(rows, start=1):
            for j, v in enumerate(row, start=1):
                ws.cell(last + i, j, v)

    programme = wb["Programma"]
    for row in programme.iter_rows(min_row=2):
        if row[0].value == "subtitle_nl":
            row[2].value = "Vier tafels,\u00a0één regio "
    # Sessies: a new session, a date typed the Dutch way, and a merged title row above the header
    ses = wb["Sessies"]
    for row in ses.iter_rows(min_row=2):
        if row[0].value == "wonen-focus":
            row[7].value = "10 februari 2026"  # the same date, typed
    add("Sessies", [None, "werk", "Verdiepingstafel", None, "2 ", "mei 2026", None, "12-5-2026",
                    "Verdiepingstafel werk en talent", None])
    ses.insert_rows(1)
    ses["A1"] = "Sessies van de Regiodeal Twente"
    ses.merge_cells("A1:J1")
    add("Organisaties", [None, "Woningcorporatie Domijn", "Maatschappelijke organisatie", None, None],
        [None, "Universiteit Twente\u00a0", "kennis en onderwijs", None, None])
    add("Deelnemers", [None, "Bram de Boer", "ja", None, "Woningcorporatie Domijn", None, "participant", None],
        [None, "Carla\u00a0Smit", "nee", None, "universiteit twente", None, "participant", None])
    add("Aanwezigheid", ["Verdiepingstafel werk en talent", "Bram de Boer", "deelnemer", None],
        ["werk-focus", "Carla Smit", "voorzitter", None],
        ["Verdiepingstafel werk en talent", "p-003", "participant", None])
    add("Toezeggingen", [None, "werk", "idea", "stage-2", "Leerwerkplekken bij woningcorporaties",
                         "Work-based learning at housing corporations", None, "2030 ", None, None, None,
                         "Verdiepingstafel werk en talent", None])
    add("Trekkers", ["Leerwerkplekken bij woningcorporaties", "Woningcorporatie Domijn", "lead", None],
        ["Leerwerkplekken bij woningcorporaties", "FNV Twente", "partner", None])
    add("Toezegging-SDG's", ["Leerwerkplekken bij woningcorporaties", "4", None])
    add("Voortgang", ["Leerwerkplekken bij woningcorporaties", "1-6-2026", "gepland", "0", None, None],
        ["Leerwerkplekken bij woningcorporaties", dt.datetime(2026, 9, 1), "in uitvoering", "40%",
         "Eerste\u00a0groep gestart. ", None])
    if formulas:  # progress and SDG as formulas; Excel and LibreOffice save their results
        add("Voortgang", ["c-woningtoewijzing", "1 oktober 2026", "in_progress", "=20+30", None, None])
        add("Toezegging-SDG's", ["Leerwerkplekken bij woningcorporaties", "=4*2", None])
    else:
        add("Voortgang", ["c-woningtoewijzing", "1 oktober 2026", "in_progress", 50, None, None])
        add("Toezegging-SDG's", ["Leerwerkplekken bij woningcorporaties", 8, None])
    # formatted empty rows at the end, as Excel keeps them
    ws = wb["Aanwezigheid"]
    for r in range(ws.max_row + 3, ws.max_row + 6):
        ws.cell(r, 1).fill = PatternFill("solid", fgColor="FFFF00")
    wb.save(path_out)


#: What importing any of the filled workbooks adds to the package, per table.
EXPECTED = {"organisations": 2, "participants": 2, "sessions": 1, "attendance": 3, "commitments": 1,
            "commitment_owners": 2, "commitment_sdgs": 2, "commitment_updates": 3}


def _cache_results(path) -> None:
    """Write the results of the two formulas into the file, as Excel saves them."""
    results = {"20+30": "50", "4*2": "8"}
    tmp = Path(str(path) + ".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                text = data.decode("utf-8")
                for formula, value in results.items():
                    text = re.sub(rf"<f>{re.escape(formula)}</f><v\s*/>|<f>{re.escape(formula)}</f><v></v>|"
                                  rf"<f>{re.escape(formula)}</f>(?!<v)",
                                  f"<f>{formula}</f><v>{value}</v>", text)
                data = text.encode("utf-8")
            dst.writestr(item, data)
    tmp.replace(path)


def make(out=FIXTURES) -> None:
    from labkit.interop.workbook import write_workbook
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        blank = tmp / "regiodeal.xlsx"
        write_workbook(base_programme(), blank)
        fill(blank, out / FILES["openpyxl"], formulas=False)
        with_formulas = tmp / "regiodeal-formulas.xlsx"
        fill(blank, with_formulas, formulas=True)
        shutil.copy(with_formulas, out / FILES["excel-style"])
        _cache_results(out / FILES["excel-style"])
        lo = tmp / "lo"
        subprocess.run(["soffice", "--headless", "--calc", "--convert-to", "xlsx", "--outdir", str(lo),
                        str(with_formulas)], check=True, capture_output=True, timeout=300)
        shutil.copy(lo / with_formulas.name, out / FILES["libreoffice"])


if __name__ == "__main__":
    make(Path(sys.argv[1]) if len(sys.argv) > 1 else FIXTURES)
    print("wrote", ", ".join(FILES.values()))
