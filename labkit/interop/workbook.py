"""The workbook people fill in: the whole programme as one ``.xlsx``.

:func:`write_workbook` (``labkit workbook DIR -o FILE.xlsx``) writes every
table of the package as a sheet meant for people, and
:mod:`labkit.interop.workbook_import` (``labkit import workbook``) reads it
back. Written unchanged and read back, it changes no byte of the package.

Layout
------
* *Uitleg* (*Explanation*): how to fill the workbook, then one row per column
  of every sheet with the field's description from the Table Schema, its
  kind of value, whether it is required and the values it allows or the sheet
  it refers to.
* *Programma* (*Programme*): the programme's own words, one key per row (the
  ``programme`` object of ``datapackage.json``).
* One sheet per table (:data:`SHEETS`), Dutch sheet and column names (English
  with ``lang="en"``), the header row frozen and filtered, each header
  carrying its field's description as a comment. Required columns have bold
  headers. Drop-down lists (data validation) for every enum, yes/no field and
  reference to another sheet; dates are date cells.
* References are written as people know them: an organisation by its name,
  a sector by its name in the workbook's language, any other row by its id.
  A name that does not pick one row on its own (two organisations of the
  same name) is written as the id.
* The *ID* and *Bron* (*Source*) columns are labkit's (grey headers): an
  empty id is given one on import, an empty source becomes ``import``. Rows
  whose source is ``illustrative`` or ``synthetic`` are shaded, so made-up
  rows are never mistaken for facts.
* The reference tables a programme does not choose (SDGs, brede-welvaart
  dimensions) are protected, informative sheets.
* Text that begins with ``= + - @``, a tab or a carriage return gets a
  leading apostrophe, as in every spreadsheet labkit writes
  (:func:`labkit.interop.export.neutralise`); so does text that already begins
  with an apostrophe before such a character. The import takes exactly that
  apostrophe off again.

The sheets are written with openpyxl's write-only mode: a programme of
100,000 attendance rows takes seconds.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pandas as pd

from ..data import io, schema
from ..errors import LabkitError, ParameterError
from .export import _FORMULA_START, column_width
from .sheets import letter, normal_form

LANGS = ("nl", "en")

#: table -> (Dutch sheet name, English sheet name), in the order of the workbook
SHEETS = {
    "themes": ("Thema's", "Themes"),
    "table_kinds": ("Soorten tafels", "Kinds of tables"),
    "rounds": ("Rondes", "Rounds"),
    "sessions": ("Sessies", "Sessions"),
    "organisations": ("Organisaties", "Organisations"),
    "organisation_aliases": ("Aliassen", "Aliases"),
    "participants": ("Deelnemers", "Participants"),
    "attendance": ("Aanwezigheid", "Attendance"),
    "invitations": ("Uitnodigingen", "Invitations"),
    "collaborations": ("Samenwerkingen", "Collaborations"),
    "cases": ("Casussen", "Cases"),
    "commitments": ("Toezeggingen", "Commitments"),
    "commitment_owners": ("Trekkers", "Commitment owners"),
    "commitment_sdgs": ("Toezegging-SDG's", "Commitment SDGs"),
    "commitment_dimensions": ("Toezegging-dimensies", "Commitment dimensions"),
    "commitment_updates": ("Voortgang", "Progress"),
    "quotes": ("Citaten", "Quotes"),
    "insights": ("Inzichten", "Insights"),
    "roadmap_stages": ("Routekaart", "Roadmap stages"),
    "sectors": ("Sectoren", "Sectors"),
    "sdgs": ("SDG's", "SDGs"),
    "welfare_dimensions": ("Welvaartsdimensies", "Welfare dimensions"),
}
EXPLANATION = ("Uitleg", "Explanation")
PROGRAMME = ("Programma", "Programme")
#: Reference tables a programme does not choose: protected, informative sheets.
READ_ONLY = frozenset({"sdgs", "welfare_dimensions"})

#: field -> (Dutch, English) column name; :data:`TABLE_LABELS` overrides per table.
LABELS = {
    "id": ("ID", "ID"), "name": ("Naam", "Name"), "name_nl": ("Naam (nl)", "Name (nl)"),
    "name_en": ("Naam (en)", "Name (en)"), "description": ("Omschrijving", "Description"),
    "order": ("Volgorde", "Order"), "source": ("Bron", "Source"), "number": ("Nummer", "Number"),
    "host_organisation_id": ("Organisatie gastheer", "Host organisation"),
    "host_participant_id": ("Gastheer (deelnemer)", "Host (participant)"),
    "sector": ("Sector", "Sector"), "sector_note": ("Toelichting sector", "Sector note"),
    "organisation_id": ("Organisatie", "Organisation"), "alias": ("Alias", "Alias"),
    "note": ("Toelichting", "Note"), "consent_named": ("Naam noemen", "Consent to be named"),
    "role": ("Rol", "Role"), "theme_id": ("Thema", "Theme"), "kind": ("Soort", "Kind"),
    "track": ("Spoor", "Track"), "month": ("Maand", "Month"), "date": ("Datum", "Date"),
    "title_nl": ("Titel (nl)", "Title (nl)"), "title_en": ("Titel (en)", "Title (en)"),
    "session_id": ("Sessie", "Session"), "participant_id": ("Deelnemer", "Participant"),
    "first_session_id": ("Eerste sessie", "First session"),
    "channel": ("Uitgenodigd via", "Invited through"), "invited_by": ("Uitgenodigd door", "Invited by"),
    "from_organisation_id": ("Van organisatie", "From organisation"),
    "to_organisation_id": ("Naar organisatie", "To organisation"),
    "text_nl": ("Tekst (nl)", "Text (nl)"), "colour": ("Kleur", "Colour"),
    "central_question_nl": ("Centrale vraag", "Central question"),
    "summary_nl": ("Samenvatting", "Summary"), "brought_by": ("Ingebracht door", "Brought by"),
    "stage_id": ("Fase", "Stage"), "horizon": ("Horizon (jaar)", "Horizon (year)"),
    "horizon_note": ("Toelichting horizon", "Horizon note"), "case_id": ("Casus", "Case"),
    "commitment_id": ("Toezegging", "Commitment"), "sdg": ("SDG", "SDG"),
    "dimension": ("Dimensie", "Dimension"), "status": ("Status", "Status"),
    "progress": ("Voortgang (%)", "Progress (%)"), "category": ("Categorie", "Category"),
    "named_basis": ("Waarom met naam", "Why named"), "position_nl": ("Functie", "Position"),
    "month_source": ("Maand volgens", "Month from"), "horizon_source": ("Horizon volgens", "Horizon from"),
    "session_order": ("Soort tafel (volgorde)", "Kind of table (order)"), "form": ("Vorm", "Form"),
    "description_nl": ("Omschrijving (nl)", "Description (nl)"),
    "round_id": ("Ronde", "Round"), "start": ("Begin", "Start"), "end": ("Einde", "End"),
    "description_en": ("Omschrijving (en)", "Description (en)"),
}
TABLE_LABELS = {
    ("participants", "name"): ("Naam", "Name"),
    ("welfare_dimensions", "id"): ("ID", "ID"),
}
#: How a reference to a row of this table is written (others: by the referenced key).
DISPLAY = {"organisations": "name", "sectors": "name_{lang}"}
#: Fields whose text a reference may also give instead of the id (besides aliases).
NAME_FIELDS = {
    "organisations": ("name",), "sectors": ("name_nl", "name_en"), "participants": ("name",),
    "themes": ("name_nl", "name_en"), "sessions": ("title_nl",), "cases": ("title_nl",),
    "commitments": ("title_nl", "title_en"), "roadmap_stages": ("name_nl", "name_en"),
    "table_kinds": ("name_nl", "name_en"), "rounds": ("name_nl", "name_en"),
    "sdgs": ("name_nl", "name_en"), "welfare_dimensions": ("name_nl", "name_en"),
}
#: Keys of the ``programme`` object in datapackage.json, with their labels and meaning.
PROGRAMME_KEYS = {
    "title_nl": ("Titel (nl)", "Title (nl)", "De titel van het programma.", "The programme's title."),
    "title_en": ("Titel (en)", "Title (en)", "De titel in het Engels.", "The title in English."),
    "subtitle_nl": ("Ondertitel (nl)", "Subtitle (nl)", "Een regel boven of onder de titel.",
                    "A line above or below the title."),
    "subtitle_en": ("Ondertitel (en)", "Subtitle (en)", "De ondertitel in het Engels.",
                    "The subtitle in English."),
    "introduction_nl": ("Inleiding (nl)", "Introduction (nl)",
                        "Een korte inleiding op het programma voor rapporten en dashboard.",
                        "A short introduction for the reports and the dashboard."),
    "introduction_en": ("Inleiding (en)", "Introduction (en)", "De inleiding in het Engels.",
                        "The introduction in English."),
    "organiser": ("Organisator", "Organiser", "Wie het programma organiseert.",
                  "Who organises the programme."),
    "period_start": ("Begin", "Start", "Eerste dag van het programma (een datum).",
                     "First day of the programme (a date)."),
    "period_end": ("Einde", "End", "Laatste dag van het programma (een datum).",
                   "Last day of the programme (a date)."),
    "source": ("Bron", "Source", "Waar de gegevens vandaan komen (een verslag, een website).",
               "Where the data come from (a report, a website)."),
}
PROGRAMME_HEADERS = {"key": (("Sleutel", "Key")), "label": ("Gegeven", "Item"),
                     "value": ("Waarde", "Value"), "about": ("Uitleg", "About")}
YES_NO = {"nl": ("ja", "nee"), "en": ("yes", "no")}
TYPES = {"string": ("tekst", "text"), "integer": ("geheel getal", "whole number"),
         "year": ("jaartal", "year"), "date": ("datum", "date"),
         "yearmonth": ("maand (JJJJ-MM)", "month (YYYY-MM)"), "boolean": ("ja/nee", "yes/no"),
         "number": ("getal", "number")}
LIST_ROOM = 1000  # rows below the data that get the drop-down lists too
_LONG = ("text_nl", "summary_nl", "central_question_nl", "description", "note", "horizon_note",
         "sector_note")
_SHADED = ("illustrative", "synthetic")
_RISKY = frozenset("=+-@\t\r'")  # first characters that may need an apostrophe
_HEADER_FILL, _LABKIT_FILL, _SHADE_FILL = "DDEBF7", "E7E6E6", "FFF2CC"


def sheet_name(table: str, lang: str) -> str:
    return SHEETS[table][LANGS.index(lang)]


def label(table: str, field: str, lang: str) -> str:
    """The column name of ``field`` of ``table`` in ``lang`` (the field name where none is set)."""
    pair = TABLE_LABELS.get((table, field)) or LABELS.get(field)
    return pair[LANGS.index(lang)] if pair else field


def tables_in_order() -> list[str]:
    """Every table of the schema, in workbook order (tables the layout does not name last)."""
    return [t for t in SHEETS if t in schema.BY_NAME] + [
        t for t in schema.RESOURCE_NAMES if t not in SHEETS]


def references(table: str) -> dict[str, tuple[str, str]]:
    """``{field: (target table, target field)}`` for the foreign keys of ``table``."""
    return {fk["fields"]: (fk["reference"]["resource"], fk["reference"]["fields"])
            for fk in schema.BY_NAME[table]["schema"].get("foreignKeys", [])}


def display_field(target: str, key: str, lang: str) -> str:
    return DISPLAY.get(target, key).format(lang=lang)


def needs_apostrophe(value: str) -> bool:
    """True when a spreadsheet could run ``value`` as a formula, or when it
    begins with an apostrophe that protects such text (so that the one
    apostrophe the workbook adds can be taken off exactly)."""
    return value.startswith(_FORMULA_START) or (value.startswith("'") and needs_apostrophe(value[1:]))


def protect(value):
    return "'" + value if isinstance(value, str) and needs_apostrophe(value) else value


def unprotect(value: str) -> str:
    return value[1:] if value.startswith("'") and needs_apostrophe(value[1:]) else value


# --------------------------------------------------------------------------- references

class Names:
    """Resolves what a person wrote in a reference cell to the id of one row.

    An exact id wins; otherwise the text's :func:`normal_form` is looked up
    among ids, names (:data:`NAME_FIELDS`) and, for organisations, aliases.
    ``earlier`` are names a row had before (the package's), used only where
    today's names find nothing.
    """

    def __init__(self, ids, names=(), earlier=()):
        self.ids = set(ids)
        self.index: dict[str, set] = {}
        self.shown: dict[str, str] = {}  # normal form -> the text shown in a suggestion
        self.first: dict = {}  # key -> its first name: what a suggestion calls the row
        for key in self.ids:
            self._add(str(key), key)
        for text, key in names:
            self._add(text, key)
            if isinstance(text, str) and text.strip():
                self.first.setdefault(key, text)
        self.earlier: dict[str, set] = {}
        for text, key in earlier:
            if isinstance(text, str) and text:
                self.earlier.setdefault(normal_form(text), set()).add(key)

    def _add(self, text, key):
        if isinstance(text, str) and text and (form := normal_form(text)):
            self.index.setdefault(form, set()).add(key)
            self.shown.setdefault(form, text)

    def find(self, text: str) -> tuple[object, set]:
        """(the key, set()) when ``text`` names one row, else (None, the candidates)."""
        if text in self.ids:
            return text, set()
        form = normal_form(text)
        hits = self.index.get(form) or self.earlier.get(form, set())
        if len(hits) == 1:
            return next(iter(hits)), set()
        return None, hits

    def shows(self, key, text) -> bool:
        """True when ``text`` written in a reference finds ``key`` and only it."""
        return isinstance(text, str) and bool(text) and self.find(text) == (key, set())


def table_names(table: str, frame: pd.DataFrame, aliases: pd.DataFrame | None = None) -> Names:
    """A :class:`Names` over the rows of ``frame`` (a table of the package)."""
    key = "number" if table == "sdgs" else "id"
    keys = frame[key].tolist()
    pairs = [(t, k) for f in NAME_FIELDS.get(table, ()) if f in frame.columns
             for t, k in zip(frame[f].tolist(), keys)]
    if aliases is not None:
        pairs += list(zip(aliases["alias"].tolist(), aliases["organisation_id"].tolist()))
    return Names([str(k) for k in keys] if key == "number" else keys, pairs)


# --------------------------------------------------------------------------- writing

@dataclasses.dataclass(frozen=True)
class Written:
    """Where the workbook went, and how many rows and neutralised cells it holds."""

    path: Path
    rows: dict
    neutralised: int


def write_workbook(programme, path, *, lang: str = "nl") -> Written:
    """Write ``programme`` as the workbook people fill in (see the module docstring).

    The file is written atomically. Raises :class:`~labkit.errors.ParameterError`
    for an unknown ``lang`` and :class:`~labkit.errors.LabkitError` for text
    Excel cannot hold.
    """
    import openpyxl
    if lang not in LANGS:
        raise ParameterError(f"unknown language '{lang}'; use nl or en")
    t = programme.tables
    _refuse_control_characters(programme, lang)
    wb = openpyxl.Workbook(write_only=True)
    writer = _Writer(wb, t, lang)
    writer.explanation(programme)
    writer.programme(programme.meta.get("programme") or {})
    for table in tables_in_order():
        writer.table(table)
    with io.atomic_path(path, suffix=".xlsx") as tmp:
        wb.save(tmp)
    return Written(Path(path), writer.rows, writer.neutralised)


class _Writer:
    def __init__(self, wb, tables, lang):
        from openpyxl.styles import Alignment, Font, PatternFill
        self.wb, self.t, self.lang, self.i = wb, tables, lang, LANGS.index(lang)
        self.rows, self.neutralised = {}, 0
        self.bold, self.plain = Font(bold=True), Font(bold=False)
        self.fill = PatternFill("solid", fgColor=_HEADER_FILL)
        self.grey = PatternFill("solid", fgColor=_LABKIT_FILL)
        self.shade = PatternFill("solid", fgColor=_SHADE_FILL)
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.names = {name: table_names(name, df, tables["organisation_aliases"]
                                        if name == "organisations" else None)
                      for name, df in tables.items() if name in DISPLAY}

    def word(self, nl, en):
        return (nl, en)[self.i]

    def cell(self, ws, value, *, font=None, fill=None, comment=None, fmt=None, wrap=False):
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.comments import Comment
        c = WriteOnlyCell(ws, value=self.safe(value))
        if font is not None:
            c.font = font
        if fill is not None:
            c.fill = fill
        if fmt:
            c.number_format = fmt
        if wrap:
            c.alignment = self.wrap
        if comment:
            c.comment = Comment(comment, "labkit", width=320, height=160)
        return c

    def safe(self, value):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
        if isinstance(value, str):
            if ILLEGAL_CHARACTERS_RE.search(value):
                raise LabkitError(f"a control character Excel cannot store in '{value[:40]}'; "
                                  "remove it from the data")
            out = protect(value)
            if out is not value:
                self.neutralised += 1
            return out
        return value

    # ----------------------------------------------------------------- Uitleg

    def explanation(self, programme):
        ws = self.wb.create_sheet(EXPLANATION[self.i])
        for col, width in zip("ABCDEFG", (22, 24, 22, 18, 10, 40, 90)):
            ws.column_dimensions[col].width = width  # write-only: before the first row
        w = self.word
        title = (programme.meta.get("programme") or {}).get(f"title_{self.lang}") or \
            programme.meta.get("title") or programme.meta.get("name", "")
        ws.append([self.cell(ws, w("Werkboek", "Workbook") + (f": {title}" if title else ""),
                             font=self.bold)])
        for line in w(_HOW_NL, _HOW_EN):
            ws.append([line])
        ws.append([])
        head = [w("Blad", "Sheet"), w("Kolom", "Column"), w("Veld", "Field"),
                w("Soort waarde", "Kind of value"), w("Verplicht", "Required"),
                w("Keuzes of verwijzing", "Choices or reference"), w("Uitleg", "About")]
        ws.append([self.cell(ws, h, font=self.bold, fill=self.fill) for h in head])
        for table in tables_in_order():
            res = schema.BY_NAME[table]
            sheet = sheet_name(table, self.lang) if table in SHEETS else table
            ws.append([self.cell(ws, sheet, font=self.bold), None, None, None, None, None,
                       self.cell(ws, res["title"] + ": " + res["description"], wrap=True)])
            for f in schema.fields(table):
                ws.append([sheet, label(table, f["name"], self.lang), f["name"],
                           self.kind(table, f), w("ja", "yes") if self.required(table, f) else "",
                           self.choices(table, f), self.cell(ws, self.about(table, f), wrap=True)])

    def kind(self, table, f):
        if "enum" in f.get("constraints", {}):
            return self.word("keuze", "choice")
        if f["name"] in references(table):
            return self.word("verwijzing", "reference")
        return TYPES.get(f["type"], (f["type"],) * 2)[self.i]

    def required(self, table, f):
        return bool(f.get("constraints", {}).get("required")) and f["name"] not in ("id", "source") \
            or f["name"] == "id" and table == "welfare_dimensions"

    def choices(self, table, f):
        refs = references(table)
        if f["name"] in refs and "enum" not in f.get("constraints", {}):
            target, key = refs[f["name"]]
            how = display_field(target, key, self.lang)
            sheet = sheet_name(target, self.lang) if target in SHEETS else target
            return self.word(f"blad {sheet} ({label(target, how, 'nl')})",
                             f"sheet {sheet} ({label(target, how, 'en')})")
        if "enum" in f.get("constraints", {}):
            return ", ".join(map(str, f["constraints"]["enum"]))
        if f["type"] == "boolean":
            return ", ".join(YES_NO[self.lang])
        c = f.get("constraints", {})
        if "minimum" in c or "maximum" in c:
            return f"{c.get('minimum', '')}–{c.get('maximum', '')}"
        return ""

    def about(self, table, f):
        text = f["description"]
        if f["name"] == "id":
            text += self.word(" Laat leeg voor een nieuwe rij: labkit geeft die een id. Verander "
                              "de id van een bestaande rij niet; andere bladen verwijzen ernaar.",
                              " Leave it empty for a new row: labkit gives it an id. Do not change "
                              "the id of a row; other sheets refer to it.")
        elif f["name"] == "source":
            text += self.word(" Laat leeg voor een nieuwe rij (wordt 'import'). 'illustrative' "
                              "en 'synthetic' zijn verzonnen voorbeeldrijen (geel).",
                              " Leave it empty for a new row (it becomes 'import'). 'illustrative' "
                              "and 'synthetic' rows are made-up examples (shaded).")
        refs = references(table)
        if f["name"] in refs and refs[f["name"]][0] == "organisations":
            text += self.word(" Schrijf de naam, een alias of de id.",
                              " Write the name, an alias or the id.")
        elif f["name"] in refs and refs[f["name"]][0] == "participants":
            text += self.word(" Schrijf de id of de naam.", " Write the id or the name.")
        return text

    # ----------------------------------------------------------------- Programma

    def programme(self, values: dict):
        ws = self.wb.create_sheet(PROGRAMME[self.i])
        ws.freeze_panes = "A2"  # write-only: view and widths before the first row
        for col, width in zip("ABCD", (18, 20, 80, 60)):
            ws.column_dimensions[col].width = width
        heads = [PROGRAMME_HEADERS[k][self.i] for k in ("key", "label", "value", "about")]
        ws.append([self.cell(ws, h, font=self.bold, fill=self.grey if h in ("Sleutel", "Key")
                             else self.fill) for h in heads])
        keys = list(PROGRAMME_KEYS) + [k for k in values if k not in PROGRAMME_KEYS]
        for key in keys:
            nl, en, about_nl, about_en = PROGRAMME_KEYS.get(key, (key, key, "", ""))
            value = values.get(key)
            if not isinstance(value, str):
                value = None if value is None else str(value)
            ws.append([key, self.word(nl, en), self.cell(ws, value, wrap=True) if value else None,
                       self.word(about_nl, about_en)])

    # ----------------------------------------------------------------- tables

    def table(self, table):
        from openpyxl.formatting.rule import FormulaRule
        df = self.t[table]
        fields = schema.fields(table)
        ws = self.wb.create_sheet(sheet_name(table, self.lang) if table in SHEETS else table)
        refs = references(table)
        header = []
        for f in fields:
            name = f["name"]
            ours = name in ("id", "source") and table != "welfare_dimensions"
            note = self.about(table, f) + "\n" + self.word("Soort: ", "Kind: ") + self.kind(table, f)
            if choices := self.choices(table, f):
                note += "\n" + self.word("Keuzes: ", "Choices: ") + choices
            if self.required(table, f):
                note += "\n" + self.word("Verplicht.", "Required.")
            header.append(self.cell(ws, label(table, name, self.lang),
                                    font=self.bold if self.required(table, f) else self.plain,
                                    fill=self.grey if ours else self.fill, comment=note))
        columns = [self.column(table, f, df, refs) for f in fields]
        date_fmt = self.word("d-m-yyyy", "yyyy-mm-dd")
        dates = [i for i, f in enumerate(fields) if f["type"] == "date"]
        self.setup(ws, table, fields, df, refs, columns)
        ws.append(header)
        if table in READ_ONLY:
            ws.protection.sheet = True
        for row in zip(*columns) if columns else ():
            if dates:
                row = list(row)
                for i in dates:
                    if row[i] is not None:
                        row[i] = self.cell(ws, row[i], fmt=date_fmt)
            ws.append(row)
        self.rows[table] = len(df)
        if "source" in df.columns:
            src = letter([f["name"] for f in fields].index("source"))
            last = letter(len(fields) - 1)
            ws.conditional_formatting.add(
                f"A2:{last}{len(df) + LIST_ROOM + 1}",
                FormulaRule(formula=[f'OR(${src}2="illustrative",${src}2="synthetic")'],
                            fill=self.shade))

    def column(self, table, f, df, refs) -> list:
        """The cells of one column, text a spreadsheet could run made safe (:func:`protect`)."""
        out = self.values(table, f, df, refs)
        for i, v in enumerate(out):
            if type(v) is str and v and v[0] in _RISKY:
                safe = protect(v)
                if safe is not v:
                    out[i] = safe
                    self.neutralised += 1
        return out

    def values(self, table, f, df, refs) -> list:
        values = df[f["name"]].tolist()
        t = f["type"]
        out = []
        if f["name"] in refs and refs[f["name"]][0] in self.names:
            target, key = refs[f["name"]]
            names, shown = self.names[target], {}
            how = display_field(target, key, self.lang)
            frame = self.t[target]
            by_key = dict(zip(frame[key].tolist(), frame[how].tolist()))
            for v in values:
                if _missing(v):
                    out.append(None)
                elif v in shown:
                    out.append(shown[v])
                else:
                    text = by_key.get(v)
                    shown[v] = text if names.shows(v, text) else v
                    out.append(shown[v])
            return out
        for v in values:
            if _missing(v):
                out.append(None)
            elif t == "boolean":
                out.append(YES_NO[self.lang][0 if v else 1])
            elif t in ("integer", "year"):
                out.append(int(v))
            elif t == "date":
                out.append(v.date() if isinstance(v, pd.Timestamp) else v)
            elif t == "number":
                out.append(float(v))
            else:
                out.append(str(v))
        return out

    def setup(self, ws, table, fields, df, refs, columns):
        """Widths, frozen header, filter and drop-down lists (set before the rows are written)."""
        from openpyxl.worksheet.datavalidation import DataValidation
        end = len(df) + LIST_ROOM + 1
        ws.freeze_panes = "B2" if fields and fields[0]["name"] == "id" else "A2"
        ws.auto_filter.ref = f"A1:{letter(len(fields) - 1)}{max(len(df) + 1, 2)}"
        for i, (f, col) in enumerate(zip(fields, columns)):
            ws.column_dimensions[letter(i)].width = column_width(
                label(table, f["name"], self.lang), col, 60 if f["name"] in _LONG else 40)
            c = f.get("constraints", {})
            values = None
            if "enum" in c:
                values = '"' + ",".join(map(str, c["enum"])) + '"'
            elif f["type"] == "boolean":
                values = '"' + ",".join(YES_NO[self.lang]) + '"'
            elif f["name"] in refs:
                target, key = refs[f["name"]]
                if target not in SHEETS or target not in self.t:
                    continue
                tfields = schema.field_names(target)
                col_letter = letter(tfields.index(display_field(target, key, self.lang)))
                sheet = sheet_name(target, self.lang).replace("'", "''")
                values = f"'{sheet}'!${col_letter}$2:${col_letter}${len(self.t[target]) + LIST_ROOM + 1}"
            if values is None:
                continue
            strict = "enum" in c or f["type"] == "boolean"
            dv = DataValidation(type="list", formula1=values, allow_blank=True,
                                showErrorMessage=True, errorStyle="stop" if strict else "warning",
                                error=self.word("Kies een waarde uit de lijst.",
                                                "Pick a value from the list.") if strict else
                                self.word("Niet in de lijst: labkit zoekt ook op naam en alias, "
                                          "en meldt het bij het inlezen als het niets vindt.",
                                          "Not in the list: labkit also looks for names and "
                                          "aliases, and says so on import when it finds nothing."))
            dv.add(f"{letter(i)}2:{letter(i)}{end}")
            ws.data_validations.append(dv)


def _refuse_control_characters(programme, lang) -> None:
    """Raise :class:`LabkitError` naming the first cell whose text Excel cannot store
    (checked before any sheet is written, a column at a time)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    for table, df in programme.tables.items():
        for f in schema.fields(table):
            if f["type"] != "string" or not len(df):
                continue
            bad = df[f["name"]].str.contains(ILLEGAL_CHARACTERS_RE.pattern, regex=True, na=False)
            if bad.any():
                row = int(bad.to_numpy().argmax()) + 2
                sheet = sheet_name(table, lang) if table in SHEETS else table
                raise LabkitError(f"{table}.csv, sheet {sheet} row {row}, column "
                                  f"'{label(table, f['name'], lang)}': a control character Excel "
                                  "cannot store; remove it from the data")
    for key, value in (programme.meta.get("programme") or {}).items():
        if isinstance(value, str) and ILLEGAL_CHARACTERS_RE.search(value):
            raise LabkitError(f"datapackage.json: programme '{key}': a control character Excel "
                              "cannot store; remove it")


def _missing(v) -> bool:
    return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v)


_HOW_NL = [
    "Dit werkboek bevat het hele programma. Vul de bladen in Excel of LibreOffice aan en lees het "
    "terug met: labkit import workbook BESTAND.xlsx --data MAP --dry-run (laat zien wat er "
    "verandert, of alles wat er mis is), en daarna hetzelfde zonder --dry-run.",
    "Eén rij per regel; de eerste rij van elk blad is de kop. Hernoem of verwijder geen bladen en "
    "kolommen. Vetgedrukte kolommen zijn verplicht; de opmerking bij elke kop zegt wat erin hoort.",
    "ID: laat leeg voor een nieuwe rij, labkit geeft die een id (een organisatie naar haar naam, "
    "een persoon p-imp-001...). Verander de id van een bestaande rij niet.",
    "Verwijzen: een organisatie bij haar naam of een alias, een sector bij naam, een deelnemer bij "
    "id of naam, al het andere bij id. De keuzelijsten tonen wat er al is.",
    "Bron (grijs) vult labkit: nieuwe rijen worden 'import'. Rijen met 'illustrative' of "
    "'synthetic' (geel) zijn verzonnen voorbeelden, geen feiten.",
    "Datums als 12-3-2026, 12 maart 2026 of een datumcel; ja/nee als ja, nee of x; voortgang als "
    "40 of 40%.",
    "Een rij verwijderen: haal hem weg en lees in met --allow-removals (labkit noemt eerst wat "
    "er verdwijnt).",
    "Persoonsgegevens: het blad Deelnemers bevat namen. Deel dit werkboek alleen binnen het lab.",
]
_HOW_EN = [
    "This workbook holds the whole programme. Fill in its sheets in Excel or LibreOffice and read "
    "it back with: labkit import workbook FILE.xlsx --data DIR --dry-run (shows what would change, "
    "or every problem), then the same without --dry-run.",
    "One row per line; the first row of each sheet is its header. Do not rename or delete sheets "
    "or columns. Bold columns are required; the comment on each header says what goes in.",
    "ID: leave it empty for a new row and labkit gives it an id (an organisation after its name, "
    "a person p-imp-001...). Do not change the id of an existing row.",
    "References: an organisation by its name or an alias, a sector by name, a participant by id "
    "or name, everything else by id. The drop-down lists show what is there.",
    "Source (grey) is labkit's: new rows become 'import'. Rows marked 'illustrative' or "
    "'synthetic' (shaded) are made-up examples, not facts.",
    "Dates as 2026-03-12, 12 March 2026 or a date cell; yes/no as yes, no or x; progress as 40 or "
    "40%.",
    "To remove a row, delete it and import with --allow-removals (labkit first lists what goes).",
    "Personal data: the Participants sheet holds names. Share this workbook only inside the lab.",
]
