"""Programmes that are not the 2021 middenvelddialogen, built with labkit's Python API.

:func:`regiodeal` is a small programme of its own: two themes, a host and an
organiser of its own, four sessions of three kinds of table of its own, a dozen
organisations, twenty people, a roadmap of two stages and a few commitments with
progress. :func:`themes_and_sessions` has only themes and sessions (no
attendance, no commitments, no quotes, no collaborations, no roadmap).
Every row has ``source`` ``import``: what a user's own rows carry.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import labkit
from labkit.data import schema
from labkit.data.new import new_programme

TITLE = "Regiodeal Twente: brede welvaart 2026"
TITLE_EN = "Twente Region Deal: broad welfare 2026"
SUBTITLE = "Samen sterker in de regio"
ORGANISER = "Regio Twente"
HOST = "Annelies Hofstede"
HOST_ORG = "Gemeente Enschede"
THEMES = ("Wonen en leefbaarheid", "Werk en talent")
THEMES_EN = ("Housing and liveability", "Work and talent")
KINDS = ("Startbijeenkomst", "Werksessie", "Slotbijeenkomst")
STAGES = ("Plannen maken", "Samen uitvoeren")
#: Words of the 2021 programme that no output of another programme may hold (checked casefolded).
FOREIGN = ("Nederland na de crisis", "middenvelddialogen", "Bouius", "drietrapsraket")


def _frame(table: str, rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame([{"source": "import", **r} for r in rows], columns=schema.field_names(table))


KIND_ROWS = [
    {"id": "start", "name_nl": "Startbijeenkomst", "name_en": "Kick-off", "order": 1,
     "description_nl": "Wat speelt er in de regio, wie moet er aan tafel?",
     "description_en": "What is at stake in the region, who should be at the table?"},
    {"id": "werksessie", "name_nl": "Werksessie", "name_en": "Working session", "order": 2,
     "description_nl": "Van vraag naar plan, met de partners die het gaan doen."},
    {"id": "slot", "name_nl": "Slotbijeenkomst", "name_en": "Closing meeting", "order": 3},
]
THEME_ROWS = [
    {"id": "wonen", "number": 1, "name_nl": THEMES[0], "name_en": THEMES_EN[0],
     "host_organisation_id": "gemeente-enschede", "host_participant_id": "p-01"},
    {"id": "werk", "number": 2, "name_nl": THEMES[1], "name_en": THEMES_EN[1],
     "host_organisation_id": "universiteit-twente"},
]
SESSION_ROWS = [
    {"id": "wonen-start", "theme_id": "wonen", "kind": "start", "order": 1, "month": "2026-02",
     "date": "2026-02-12", "title_nl": "Start: wonen in Twente"},
    {"id": "wonen-werk", "theme_id": "wonen", "kind": "werksessie", "order": 2, "month": "2026-03",
     "title_nl": "Werksessie: betaalbaar bouwen"},
    {"id": "werk-start", "theme_id": "werk", "kind": "start", "order": 1, "month": "2026-03",
     "title_nl": "Start: werk en talent"},
    {"id": "werk-slot", "theme_id": "werk", "kind": "slot", "order": 3, "month": "2026-05",
     "title_nl": "Slot: talent vasthouden"},
]
ORGS = [
    ("gemeente-enschede", HOST_ORG, "government"), ("gemeente-hengelo", "Gemeente Hengelo", "government"),
    ("provincie-overijssel", "Provincie Overijssel", "government"),
    ("universiteit-twente", "Universiteit Twente", "knowledge-education"),
    ("saxion", "Saxion Hogeschool", "knowledge-education"), ("roc-twente", "ROC van Twente", "knowledge-education"),
    ("domijn", "Woonstichting Domijn", "civil-society"), ("zorg-twente", "Zorgnetwerk Twente", "civil-society"),
    ("fnv-twente", "FNV Twente", "union"), ("vno-ncw-midden", "VNO-NCW Midden", "trade-association"),
    ("thales-hengelo", "Thales Hengelo", "business"), ("bouwbedrijf-oost", "Bouwbedrijf Oost", "business"),
]


def _people() -> list[dict]:
    rows = [{"id": "p-01", "name": HOST, "consent_named": True, "named_basis": "consent",
             "organisation_id": "gemeente-enschede",
             "role": "host"}]
    for i in range(2, 21):  # nineteen more, one or two per organisation, none named
        rows.append({"id": f"p-{i:02d}", "consent_named": False,
                     "organisation_id": ORGS[(i - 2) % len(ORGS)][0], "role": "participant"})
    return rows


def _attendance() -> list[dict]:
    seats = {"wonen-start": range(1, 12), "wonen-werk": [1, 2, 3, 5, 7, 8, 12, 13, 14],
             "werk-start": [4, 5, 6, 9, 10, 11, 15, 16, 17, 18], "werk-slot": [4, 6, 9, 10, 16, 19, 20]}
    return [{"session_id": s, "participant_id": f"p-{i:02d}", "role": "chair" if i == 1 else "participant"}
            for s, people in seats.items() for i in people]


def regiodeal(path) -> Path:
    """Write the Regiodeal Twente programme into ``path`` (new or empty) and return ``path``."""
    p = new_programme(path, title=TITLE, description="Gemeenten, onderwijs, bedrijven en maatschappelijke "
                      "organisaties in Twente werken samen aan brede welvaart in de regio.")
    meta = dict(p.meta)
    meta["programme"] = {**meta["programme"], "title_en": TITLE_EN, "subtitle_nl": SUBTITLE,
                         "subtitle_en": "Stronger together in the region", "organiser": ORGANISER,
                         "period_start": "2026-01-15", "period_end": "2026-12-31",
                         "introduction_en": "Municipalities, education, business and civil society in "
                                            "Twente work together on broad welfare in the region."}
    commitments = [
        {"id": "c-woningen", "theme_id": "wonen", "kind": "target", "stage_id": "plannen",
         "title_nl": "1.000 betaalbare woningen erbij", "title_en": "1,000 more affordable homes",
         "horizon": 2030, "session_id": "wonen-werk"},
        {"id": "c-leerwerk", "theme_id": "werk", "kind": "idea", "stage_id": "uitvoeren",
         "title_nl": "Leerwerkplekken bij regionale bedrijven", "title_en": "Work-based learning places",
         "session_id": "werk-start"},
        {"id": "c-talent", "theme_id": "werk", "kind": "idea", "stage_id": "plannen",
         "title_nl": "Talentenpool voor de zorg", "title_en": "A talent pool for care",
         "session_id": "werk-slot"},
    ]
    tables = {
        "table_kinds": _frame("table_kinds", KIND_ROWS),
        "themes": _frame("themes", THEME_ROWS),
        "sessions": _frame("sessions", SESSION_ROWS),
        "organisations": _frame("organisations", [{"id": i, "name": n, "sector": s} for i, n, s in ORGS]),
        "participants": _frame("participants", _people()),
        "attendance": _frame("attendance", _attendance()),
        "invitations": _frame("invitations", [
            {"theme_id": "wonen", "participant_id": "p-12", "first_session_id": "wonen-werk",
             "channel": "participant", "invited_by": "p-07"},
            {"theme_id": "werk", "participant_id": "p-19", "first_session_id": "werk-slot",
             "channel": "host"}]),
        "collaborations": _frame("collaborations", [
            {"id": "col-1", "from_organisation_id": "gemeente-enschede", "to_organisation_id": "domijn",
             "session_id": "wonen-werk", "kind": "joint_initiative"},
            {"id": "col-2", "from_organisation_id": "bouwbedrijf-oost", "to_organisation_id": "saxion",
             "session_id": "wonen-werk", "kind": "intent"},
            {"id": "col-3", "from_organisation_id": "vno-ncw-midden", "to_organisation_id": "roc-twente",
             "session_id": "werk-start", "kind": "intent"},
            {"id": "col-4", "from_organisation_id": "thales-hengelo", "to_organisation_id": "fnv-twente",
             "session_id": "werk-slot", "kind": "joint_initiative"}]),
        "roadmap_stages": _frame("roadmap_stages", [
            {"id": "plannen", "number": 1, "name_nl": STAGES[0], "name_en": "Making plans",
             "text_nl": "In 2026 leggen de partners vast wat ze samen gaan doen."},
            {"id": "uitvoeren", "number": 2, "name_nl": STAGES[1], "name_en": "Carrying them out",
             "text_nl": "Vanaf 2027 voeren de partners hun plannen samen uit."}]),
        "insights": _frame("insights", [
            {"id": "i-1", "theme_id": "wonen", "session_id": "wonen-start", "kind": "question", "order": 1,
             "title_nl": "Hoe bouwen we sneller en betaalbaar?"}]),
        "quotes": _frame("quotes", [
            {"id": "q-1", "theme_id": "wonen", "participant_id": "p-01", "session_id": "wonen-start",
             "category": "statement", "form": "quote", "text_nl": "Wonen is de basis van brede welvaart in Twente."}]),
        "commitments": _frame("commitments", commitments),
        "commitment_owners": _frame("commitment_owners", [
            {"commitment_id": "c-woningen", "organisation_id": "gemeente-enschede", "role": "lead"},
            {"commitment_id": "c-woningen", "organisation_id": "domijn", "role": "partner"},
            {"commitment_id": "c-leerwerk", "organisation_id": "vno-ncw-midden", "role": "lead"}]),
        "commitment_sdgs": _frame("commitment_sdgs", [
            {"commitment_id": "c-woningen", "sdg": 11}, {"commitment_id": "c-leerwerk", "sdg": 8},
            {"commitment_id": "c-talent", "sdg": 3}]),
        "commitment_dimensions": _frame("commitment_dimensions", [
            {"commitment_id": "c-woningen", "dimension": "hier-en-nu"},
            {"commitment_id": "c-leerwerk", "dimension": "later"}]),
        "commitment_updates": _frame("commitment_updates", [
            {"commitment_id": "c-woningen", "date": "2026-03-20", "status": "planned", "progress": 0},
            {"commitment_id": "c-woningen", "date": "2026-07-01", "status": "in_progress", "progress": 25},
            {"commitment_id": "c-leerwerk", "date": "2026-03-20", "status": "proposed", "progress": 0},
            {"commitment_id": "c-leerwerk", "date": "2026-09-15", "status": "in_progress", "progress": 40},
            {"commitment_id": "c-talent", "date": "2026-05-28", "status": "proposed", "progress": 0}]),
    }
    labkit.Programme(meta, {**p.tables, **tables}).save(path)
    return Path(path)


def themes_and_sessions(path) -> Path:
    """A programme with only its themes and sessions (and the kinds of table they need)."""
    p = new_programme(path, title="Dialogen Zeeland 2027")
    tables = {"table_kinds": _frame("table_kinds", KIND_ROWS[:2]),
              "themes": _frame("themes", [{k: v for k, v in r.items() if not k.startswith("host_")}
                                          for r in THEME_ROWS]),
              "sessions": _frame("sessions", SESSION_ROWS[:3])}
    p.replace(**tables).save(path)
    return Path(path)


def foreign_words(text: str) -> list[str]:
    """The words of the 2021 programme that ``text`` holds (casefolded)."""
    low = text.casefold()
    return [w for w in FOREIGN if w.casefold() in low]


# --------------------------------------------------------------------------- the same, typed in a workbook

#: The Dutch month names a person types ("februari 2026").
_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december")
_SECTORS_NL = {"government": "Overheid", "business": "Bedrijfsleven", "union": "Vakbond",
               "trade-association": "Brancheorganisatie", "civil-society": "Maatschappelijke organisatie",
               "knowledge-education": "Kennis en onderwijs"}


def _typed_date(iso: str) -> str:
    """``2026-03-20`` as a person types it: ``20-3-2026``."""
    y, m, d = iso.split("-")
    return f"{int(d)}-{int(m)}-{y}"


def fill_new_workbook(path_in, path_out, sectors_nl: dict[str, str]) -> None:
    """Type the Regiodeal Twente into the workbook ``labkit workbook`` wrote of a new package,
    as a person would, with openpyxl: names instead of ids where a name is known (an
    organisation, a session's title, a theme, a kind of table, a stage, a commitment's title),
    ids only for people who are not named, Dutch dates and months, ``ja``/``nee``, statuses and
    roles in Dutch, ``40%``, every labkit column (*ID* where a name says enough, *Bron*) empty.
    ``sectors_nl``: sector id -> its Dutch name in the workbook."""
    import datetime as dt

    import openpyxl
    wb = openpyxl.load_workbook(path_in)

    def add(sheet, *rows):
        ws = wb[sheet]
        last = max((r for r in range(1, ws.max_row + 1) if any(c.value is not None for c in ws[r])), default=1)
        for i, row in enumerate(rows, start=1):
            for j, v in enumerate(row, start=1):
                if v is not None:
                    ws.cell(last + i, j, v)

    words = {"title_en": TITLE_EN, "introduction_nl": "Gemeenten, onderwijs, bedrijven en maatschappelijke "
             "organisaties in Twente werken samen aan brede welvaart in de regio.", "subtitle_nl": SUBTITLE, "subtitle_en": "Stronger together in the region",
             "organiser": ORGANISER, "period_start": "15-1-2026", "period_end": dt.datetime(2026, 12, 31),
             "introduction_en": "Municipalities, education, business and civil society in Twente work "
                                "together on broad welfare in the region."}
    for row in wb["Programma"].iter_rows(min_row=2):
        if row[0].value in words:
            row[2].value = words[row[0].value]
    orgs = {i: n for i, n, _ in ORGS}
    people = {r["id"]: r for r in _people()}
    kinds = {r["id"]: r["name_nl"] for r in KIND_ROWS}
    themes = {r["id"]: r["name_nl"] for r in THEME_ROWS}
    sessions = {r["id"]: r["title_nl"] for r in SESSION_ROWS}

    def who(pid):  # a named person by name, the others by the id the organisers gave them
        return people[pid].get("name") or pid

    add("Soorten tafels", *([None, r["name_nl"], r["name_en"], str(r["order"]), r.get("description_nl"),
                             r.get("description_en")] for r in KIND_ROWS))
    add("Thema's", *([None, r["number"], r["name_nl"], r["name_en"], orgs.get(r.get("host_organisation_id")),
                      who(r["host_participant_id"]) if r.get("host_participant_id") else None]
                     for r in THEME_ROWS))
    add("Sessies", *([None, themes[r["theme_id"]], kinds[r["kind"]], None, r["order"],
                      f"{_MONTHS[int(r['month'][5:]) - 1]} {r['month'][:4]}", None,
                      _typed_date(r["date"]) if r.get("date") else None, r["title_nl"]] for r in SESSION_ROWS))
    add("Organisaties", *([None, n + ("\u00a0" if i == "saxion" else ""), sectors_nl[s]] for i, n, s in ORGS))
    add("Deelnemers", *([None if r.get("name") else r["id"], r.get("name"), "ja" if r["consent_named"] else "nee",
                         "consent" if r["consent_named"] else None, orgs[r["organisation_id"]], None,
                         "gastheer" if r["role"] == "host" else "deelnemer"] for r in _people()))
    add("Aanwezigheid", *([sessions[r["session_id"]], who(r["participant_id"]),
                           "voorzitter" if r["role"] == "chair" else "deelnemer"] for r in _attendance()))
    add("Uitnodigingen", [themes["wonen"], "p-12", sessions["wonen-werk"], "participant", "p-07"],
        [themes["werk"], "p-19", sessions["werk-slot"], "host", None])
    add("Samenwerkingen", [None, HOST_ORG, "Woonstichting Domijn", sessions["wonen-werk"], "joint_initiative"],
        [None, "Bouwbedrijf Oost", "Saxion Hogeschool", sessions["wonen-werk"], "intent"],
        [None, "VNO-NCW Midden", "ROC van Twente", sessions["werk-start"], "intent"],
        [None, "Thales Hengelo", "FNV Twente", sessions["werk-slot"], "joint_initiative"])
    add("Routekaart", [None, 1, STAGES[0], "Making plans", "In 2026 leggen de partners vast wat ze samen gaan doen."],
        [None, 2, STAGES[1], "Carrying them out", "Vanaf 2027 voeren de partners hun plannen samen uit."])
    add("Inzichten", [None, themes["wonen"], sessions["wonen-start"], "question", None, 1,
                      "Hoe bouwen we sneller en betaalbaar?"])
    add("Citaten", [None, themes["wonen"], HOST, sessions["wonen-start"], None, "statement", "quote",
                    "Wonen is de basis van brede welvaart in Twente."])
    homes, work, talent = ("1.000 betaalbare woningen erbij", "Leerwerkplekken bij regionale bedrijven",
                           "Talentenpool voor de zorg")
    add("Toezeggingen",
        [None, themes["wonen"], "target", STAGES[0], homes, "1,000 more affordable homes", None, "2030 ",
         None, None, None, sessions["wonen-werk"]],
        [None, themes["werk"], "idea", STAGES[1], work, "Work-based learning places", None, None, None, None,
         None, sessions["werk-start"]],
        [None, themes["werk"], "idea", STAGES[0], talent, "A talent pool for care", None, None, None, None, None,
         sessions["werk-slot"]])
    add("Trekkers", [homes, HOST_ORG, "trekker"], [homes, "Woonstichting Domijn", "partner"],
        [work, "VNO-NCW Midden", "lead"])
    add("Toezegging-SDG's", [homes, 11], [work, "8"], [talent, 3])
    add("Toezegging-dimensies", [homes, "hier-en-nu"], [work, "later"])
    add("Voortgang", [homes, "20-3-2026", "gepland", "0"], [homes, "1 juli 2026", "in uitvoering", "25%"],
        [work, dt.datetime(2026, 3, 20), "voorgesteld", 0], [work, "15-9-2026", "in uitvoering", "40 %"],
        [talent, "28 mei 2026", "voorgesteld", "0"])
    wb.save(path_out)


def make_libreoffice_fixture(out: Path | None = None) -> Path:
    """Write ``tests/fixtures/regiodeal-new-libreoffice.xlsx``: the workbook of a new
    package, filled by :func:`fill_new_workbook`, then opened and saved by LibreOffice Calc
    (``soffice --headless --convert-to xlsx``), as a person using LibreOffice would hand it in."""
    import subprocess
    import tempfile

    from labkit.interop.workbook import write_workbook
    out = Path(out or Path(__file__).parent / "fixtures" / "regiodeal-new-libreoffice.xlsx")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        p = new_programme(tmp / "regiodeal-twente", title=TITLE)
        write_workbook(p, tmp / "regiodeal.xlsx")
        filled = tmp / "regiodeal-ingevuld.xlsx"
        fill_new_workbook(tmp / "regiodeal.xlsx", filled, dict(zip(p.sectors["id"], p.sectors["name_nl"])))
        subprocess.run(["soffice", "--headless", "--calc", "--convert-to", "xlsx", "--outdir", str(tmp / "lo"),
                        str(filled)], check=True, capture_output=True, timeout=300)
        out.parent.mkdir(parents=True, exist_ok=True)
        (tmp / "lo" / filled.name).replace(out)
    return out


if __name__ == "__main__":
    print("wrote", make_libreoffice_fixture())
