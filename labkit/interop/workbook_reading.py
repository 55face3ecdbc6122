"""The filled-in workbook's sheets read as rows of the package's canonical text.

Which sheet holds which table (in either language), each cell read as
:mod:`labkit.interop.sheets` reads what people type and written as ``save``
writes it, and the Programme sheet. Every problem is collected, placed by sheet,
row and column; matching rows to the package is :mod:`labkit.interop.workbook_import`'s.
"""

from __future__ import annotations

import dataclasses
import re

import pandas as pd

from ..data import io, schema
from ..errors import Problem
from .importing import _STATUSES
from .matching import _ROLES
from .sheets import (Cell, blank, clean, date, header_form, month, normal_form, percentage,
                     read_sheets, suggest, text, whole, yes_no)
from .workbook import (LANGS, PROGRAMME, PROGRAMME_HEADERS, PROGRAMME_KEYS, READ_ONLY, SHEETS,
                       label, references, sheet_name, tables_in_order, unprotect)

#: Words people write for enum values (besides the values themselves, in any case).
WORDS = {
    **_STATUSES, **_ROLES, "organisator": "organiser", "organisatoren": "organisers",
    "organisatie": "organisers", "deelnemer": "participant", "trekker": "lead",
    "penvoerder": "lead", "partner": "partner",
}
_MULTILINE = ("text_nl", "summary_nl", "central_question_nl", "description", "note",
              "horizon_note", "sector_note", "introduction_nl", "introduction_en")


@dataclasses.dataclass
class _Row:
    number: int                      # row in the sheet
    values: dict                     # field -> canonical text ('' when empty)
    labels: dict                     # field -> column label
    raw: dict                        # field -> what the cell said, for references
    bad: set                         # fields whose cell had a problem


class _Reader:
    """The reading half of an import: each sheet into rows (:class:`_Row`), every problem collected."""

    def __init__(self, programme, path):
        self.p, self.path = programme, path
        self.problems: list[Problem] = []
        self.notes: list[str] = []
        self.where: dict[str, str] = {}     # table -> file.xlsx[Sheet]
        self.rows: dict[str, list[_Row]] = {}
        self.lang = "nl"
        self.absent: dict[str, set] = {}
        self.options: dict[tuple, dict] = {}
        self.exact = {str(v): str(v) for f in (f for t in schema.RESOURCE_NAMES for f in schema.fields(t))
                      for v in f.get("constraints", {}).get("enum", ())}

    # ----------------------------------------------------------------- reading

    def read(self) -> dict:
        specs, owner = {}, {}
        for table in tables_in_order():
            spec = {}
            for name in schema.field_names(table):
                spec[name] = {header_form(label(table, name, lang)) for lang in LANGS} | {
                    header_form(name), header_form(name.replace("_", " "))}
            for lang in LANGS:
                title = sheet_name(table, lang) if table in SHEETS else table
                specs[title], owner[title] = spec, (table, lang)
        pspec = {k: {header_form(h) for h in heads} | {k} for k, heads in PROGRAMME_HEADERS.items()}
        for lang in LANGS:
            specs[PROGRAMME[LANGS.index(lang)]] = pspec
            owner[PROGRAMME[LANGS.index(lang)]] = ("__programme__", lang)
        found, problems, others = read_sheets(self.path, specs)
        self.problems += problems
        votes = [owner[title][1] for title in found]
        self.lang = max(LANGS, key=votes.count) if votes else "nl"
        out = {}
        for title, sheet in found.items():
            table, lang = owner[title]
            if table in out:
                if lang == self.lang:
                    self.notes.append(f"sheet '{out[table].where}' ignored: '{title}' holds the same table")
                    out[table] = sheet
                else:
                    self.notes.append(f"sheet '{title}' ignored: another sheet holds the same table")
                continue
            out[table] = sheet
        self.notes += [f"sheet '{o}' ignored: not a sheet labkit reads"
                       for o in others if o not in ("Uitleg", "Explanation")]
        return out

    def parse(self, table: str, sheet) -> None:
        fields = schema.fields(table)
        if sheet is None:
            if table not in READ_ONLY:
                self.problems.append(Problem(self.path.name, 0, "", sheet_name(table, self.lang)
                                             if table in SHEETS else table,
                                             "sheet missing", "put it back (labkit workbook writes it) "
                                             "with a header row at least"))
            self.rows[table] = None  # keep the package's rows
            return
        where = self.where[table] = sheet.where
        missing = [f for f in fields if f["name"] not in sheet.columns]
        needed = [f["name"] for f in missing
                  if f.get("constraints", {}).get("required") and f["name"] != "source"]
        if needed and sheet.columns:
            for name in needed:
                self.problems.append(Problem(where, 0, label(table, name, self.lang), "",
                                             "column missing",
                                             f"add a column named '{label(table, name, self.lang)}'"))
        if needed or not sheet.columns:
            self.rows[table] = None
            return
        self.absent[table] = {f["name"] for f in missing}
        for f in missing:
            self.notes.append(f"{where}: no column '{label(table, f['name'], self.lang)}': rows keep "
                              "the values they have, new rows leave it empty")
        fields = [f for f in fields if f["name"] in sheet.columns]
        refs = references(table)
        labels = {name: col for name, (_, col) in sheet.columns.items()}  # one dict for every row
        labels.update({name: label(table, name, self.lang) for name in self.absent[table]})
        out = []
        for number, cells in sheet.rows:
            got, bad = sheet.cells(cells, self.problems, number)
            values, raw = dict.fromkeys(self.absent[table], ""), {}
            for f in fields:
                name = f["name"]
                cell, col = got[name]
                if name in bad:
                    values[name] = ""
                    continue
                if name in refs and "enum" not in f.get("constraints", {}):
                    raw[name] = _single(cell)
                    values[name] = ""
                    continue
                value, err = self.cell(f, cell, sheet.epoch, table)
                if err:
                    self.problems.append(Problem(where, number, col, _shown(cell), *err))
                    bad.add(name)
                    value = ""
                values[name] = value
            out.append(_Row(number, values, labels, raw, bad))
        sheet.rows = []  # read: let the cells go
        self.rows[table] = out

    def cell(self, f: dict, cell: Cell, epoch, table: str):
        """(canonical text, None) or ('', (message, hint))."""
        t, c, name = f["type"], f.get("constraints", {}), f["name"]
        if blank(cell):
            return "", None
        if "enum" in c:
            return self.choice(cell, c["enum"])
        if t == "string":
            value = (_multiline(cell) if name in _MULTILINE else _single(cell))
            return (value.lower() if name == "source" else value), None
        if t in ("integer", "year"):
            value, err = percentage(cell) if name == "progress" else whole(cell)
        elif t == "boolean":
            value, err = yes_no(cell)
            if err:
                err = ("not yes or no", "write ja or nee (yes or no)")
        elif t == "date":
            value, err = date(cell, epoch)
        elif t == "yearmonth":
            value, err = month(cell, epoch)
        else:
            try:
                value, err = float(str(cell.value).replace(",", ".")), None
            except ValueError:
                value, err = None, ("not a number", "write digits, e.g. 0.5")
        return ("", err) if err else (io._format(t, value), None)

    def choice(self, cell: Cell, allowed):
        s = text(cell) or ""
        hit = self.exact.get(s)  # most cells hold a value exactly as the list gives it
        if hit is not None and hit in allowed:
            return hit, None
        options = self.options.get(tuple(allowed))
        if options is None:
            options = {normal_form(str(v)): str(v) for v in allowed}
            options.update({normal_form(w): v for w, v in WORDS.items() if v in allowed})
            self.options[tuple(allowed)] = options
        hit = options.get(normal_form(s))
        if hit is not None:
            return hit, None
        guess = _suggest(s, {form: (value, value) for form, value in options.items()}, self.lang)
        listed = "ick one from the list: " + ", ".join(map(str, allowed))
        return "", ("not one of the choices", guess + " P" + listed if guess else "p" + listed)

    # ----------------------------------------------------------------- programme

    def programme(self, sheet):
        meta = dict(self.p.meta)
        if sheet is None:
            return meta, []
        labels = {normal_form(w): k for k, words in PROGRAMME_KEYS.items() for w in words[:2]}
        got = {}
        where = sheet.where
        if "value" not in sheet.columns or not ({"key", "label"} & set(sheet.columns)):
            self.problems.append(Problem(where, 0, "", "", "no columns Sleutel and Waarde",
                                         "put the header row back: Sleutel, Gegeven, Waarde"))
            return meta, []
        for number, cells in sheet.rows:
            cols, _ = sheet.cells(cells, self.problems, number)
            key = text(cols["key"][0]) if "key" in cols else None
            if key not in PROGRAMME_KEYS and "label" in cols:
                key = labels.get(normal_form(text(cols["label"][0]) or ""), key)
            if key is None:
                continue
            cell, col = cols["value"]
            if key.startswith("period_") and not blank(cell):
                day, err = date(cell, sheet.epoch)
                value = day.isoformat() if err is None else _single(cell)
            else:
                value = _multiline(cell)
            got[key] = value
        old = meta.get("programme")
        if not isinstance(old, dict):
            if not any(got.values()):
                return meta, []
            new = {k: got.get(k, "") for k in PROGRAMME_KEYS}
            new.update({k: v for k, v in got.items() if k not in new})
        else:
            new = dict(old)
            for k, v in got.items():
                before = new.get(k)
                if isinstance(before, str) and clean(before) == clean(v):
                    continue
                if before is None and not v:
                    continue
                new[k] = v
        lines = [f"programme: {k} changed" for k in new if (old or {}).get(k) != new[k]
                 and not (old is None and not new[k])]
        if new != old:
            meta["programme"] = new
        return meta, lines


# --------------------------------------------------------------------------- helpers

def _suggest(typed: str, options: dict, lang: str, first: dict | None = None) -> str:
    """``bedoelt u 'Name' (id)?`` for the option closest to ``typed``, or ''.

    ``options`` maps the :func:`normal_form` of each name to ``(name, key)``; ``first``
    (key -> name) says what to call a row, where it has a name.
    Closeness is :func:`labkit.interop.sheets.suggest`'s, as in every import.
    """
    names: dict[str, list[str]] = {}
    for shown, key in options.values():
        names.setdefault(key, [key]).append(shown)
    close = suggest(typed, names, n=1)
    if not close:
        return ""
    key = close[0]
    shown = (first or {}).get(key) or next((n for n in names[key][1:] if n != key), key)
    what = f"'{shown}'" + (f" ({key})" if key != shown else "")
    return f"bedoelt u {what}?" if lang == "nl" else f"did you mean {what}?"


def _canonical(name: str, df: pd.DataFrame) -> list[dict]:
    """The package's rows as canonical CSV text per field (as ``save`` writes them)."""
    fields = schema.fields(name)
    cols = [[io._format(f["type"], v) for v in df[f["name"]].tolist()] for f in fields]
    names = [f["name"] for f in fields]
    return [dict(zip(names, values)) for values in zip(*cols)] if cols else []


_QUOTED = re.compile(r'[,"\n\r]|^ | $')


def _quote(value: str) -> str:
    """:func:`labkit.data.io._quote`, with a regular expression (it runs on every cell)."""
    return '"' + value.replace('"', '""') + '"' if _QUOTED.search(value) else value


def _csv(name: str, rows: list[dict]) -> str:
    names = schema.field_names(name)
    lines = [",".join(_quote(n) for n in names)]
    lines += [",".join([_quote(r[n]) for n in names]) for r in rows]
    return "\n".join(lines) + "\n"


_TEXTS: dict = {}


def _single(cell: Cell) -> str:
    """One line of text: trimmed, spaces made plain and single, the workbook's apostrophe off."""
    v = cell.value
    if isinstance(v, str):
        out = _TEXTS.get(v)
        if out is None:
            if len(_TEXTS) > 100_000:
                _TEXTS.clear()
            out = _TEXTS[v] = unprotect(text(cell) or "")
        return out
    return unprotect(text(cell) or "")


def _multiline(cell: Cell) -> str:
    """Text that may hold line breaks: each line trimmed, breaks made ``\\n``."""
    v = cell.value
    if not isinstance(v, str):
        return _single(cell)
    v = v.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\u200b", "")
    return unprotect(v.strip())


def _shown(cell: Cell) -> str:
    v = cell.value
    if hasattr(v, "isoformat"):
        return v.isoformat()[:10]
    return "" if v is None else str(v)
