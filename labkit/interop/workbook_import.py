"""The filled-in workbook back into the data package (``labkit import workbook``).

:func:`import_workbook` reads every sheet that :mod:`labkit.interop.workbook`
writes, in either language, and returns a :class:`WorkbookImport`: the new
programme and what changes per table. Nothing is written until ``save()``,
which validates the whole package in memory and writes only the files that
changed (:func:`labkit.data.io.write_package`): all tables or none.

How rows are matched
--------------------
* A row is the package's row with the same key (its id, or for link tables
  such as attendance the ids it links). Its changed cells change that row;
  rows keep the package's order (sorting a sheet changes nothing) and new
  rows come after them, in the sheet's order.
* A row without an id gets one, following the ids already in use: an
  organisation its name as a slug (``gemeente-assen``), a person the next
  ``p-imp-NNN``, a collaboration the next ``col-NNN``, a session, theme,
  case or commitment a slug of its title... Importing the same workbook again
  finds the row it made the first time by its name or title
  (:data:`NATURAL`), so it is never added twice.
* A package row that is not in the sheet is a removal: removals are listed by
  id (and name, except for people) and refused unless ``allow_removals``.
* A text cell that differs from the package's value only in spaces (trailing,
  doubled or non-breaking) leaves the value as it was.

What people type
----------------
Cells are read as :mod:`labkit.interop.sheets` reads them: Dutch and ISO dates,
``12 maart 2026`` and date cells; ``ja/nee/waar/onwaar/yes/no/x``; numbers
typed as text; months as ``2026-03``, ``3-2026`` or ``maart 2026``; progress
as ``40`` or ``40%``; enum values in any case, with Dutch words for statuses,
roles and channels (``afgerond``, ``gastheer``, ``organisatie``). References
may name the row (an organisation by name or alias, a person by name, a
session by title...) or give its id; an unknown one gets a suggestion when a
close one exists.

Every problem on every sheet is listed at once as
``file.xlsx[Sheet]:row: column 'Header (C)': value '...' — what; how to mend``
(:class:`~labkit.interop.importing.ImportListError`), and nothing is written.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from ..data import io, schema
from ..data.model import Programme
from ..errors import Problem
from .import_result import ImportListError
from .matching import _slug
from .sheets import clean, normal_form
from .workbook import (NAME_FIELDS, READ_ONLY, SHEETS, label, references, sheet_name,
                       tables_in_order)
from .workbook_reading import WORDS, _canonical, _csv, _Reader, _suggest

# WORDS lives in workbook_reading, where cells are read; it is named here too.
__all__ = ["NATURAL", "SOURCE", "WORDS", "WorkbookImport", "import_workbook"]

SOURCE = "import"
#: The fields by which a row without an id is found again among the package's rows.
NATURAL = {
    "sectors": ("name_nl",), "organisations": ("name",), "participants": ("name", "organisation_id"),
    "themes": ("name_nl",), "roadmap_stages": ("name_nl",), "sessions": ("theme_id", "title_nl"),
    "cases": ("session_id", "title_nl"), "commitments": ("theme_id", "title_nl"),
    "insights": ("theme_id", "kind", "title_nl"), "quotes": ("theme_id", "text_nl"),
    "collaborations": ("from_organisation_id", "to_organisation_id", "session_id", "kind"),
}
_WHAT = {"organisations": "organisation", "participants": "participant", "sessions": "session",
         "themes": "theme", "sectors": "sector", "commitments": "commitment", "cases": "case",
         "roadmap_stages": "stage", "table_kinds": "kind of table", "rounds": "round", "sdgs": "SDG", "welfare_dimensions": "dimension"}


@dataclasses.dataclass(frozen=True)
class WorkbookImport:
    """What importing a workbook changes; ``programme`` is the updated programme.

    ``added``, ``changed`` and ``removed`` count rows per table; ``lines`` name
    the removed rows (people by id only) and the programme's changed keys.
    """

    programme: Programme
    where: str
    added: dict
    changed: dict
    removed: dict
    lines: list
    notes: list
    meta_changed: int = 0

    @property
    def changes(self) -> int:
        return (sum(self.added.values()) + sum(self.changed.values())
                + sum(self.removed.values()) + self.meta_changed)

    def save(self) -> None:
        """Validate and write the package where it was loaded; nothing when nothing changed."""
        if self.changes:
            self.programme.save()

    def report(self) -> str:
        c = self.changes
        out = [f"{self.where}: {c} change{'s' if c != 1 else ''}"]
        for table in tables_in_order():
            parts = [f"{n} {verb}" for verb, n in (("added", self.added.get(table, 0)),
                                                    ("changed", self.changed.get(table, 0)),
                                                    ("removed", self.removed.get(table, 0))) if n]
            if parts:
                out.append(f"  {table}: " + ", ".join(parts))
        out += ["  " + line for line in self.lines]
        out += ["note: " + note for note in self.notes]
        return "\n".join(out)


def import_workbook(programme: Programme, path, *, allow_removals: bool = False) -> WorkbookImport:
    """Read the workbook at ``path`` (written by :func:`labkit.interop.workbook.write_workbook`
    and filled in) into ``programme``.

    Returns a :class:`WorkbookImport`; raises
    :class:`~labkit.interop.importing.ImportListError` listing every problem on every
    sheet (removals among them unless ``allow_removals``), or
    :class:`~labkit.errors.ParameterError` when the file is not a workbook.
    """
    return _Import(programme, Path(path), allow_removals).run()


# --------------------------------------------------------------------------- the import

class _Import(_Reader):
    """Reads the sheets (:class:`~labkit.interop.workbook_reading._Reader`), then gives
    rows their ids, resolves references and matches rows to the package's."""

    def __init__(self, programme, path, allow_removals):
        super().__init__(programme, path)
        self.allow = allow_removals
        self.t = programme.tables
        self.resolvers: dict[str, object] = {}
        self.loose: dict[str, set] = {}
        self.old = {name: _canonical(name, df) for name, df in self.t.items()}

    def run(self) -> WorkbookImport:
        sheets = self.read()
        for table in tables_in_order():
            self.parse(table, sheets.get(table))
        self.give_ids()
        self.resolve()
        tables, counts, lines = self.assemble()
        meta, meta_lines = self.programme(sheets.get("__programme__"))
        parsed = {}
        if any(c != (0, 0, 0) for c in counts.values()) or self.problems:
            # the whole package checked as save() will check it; an unchanged one was checked on load
            texts = {name: _csv(name, tables[name][0]) for name in schema.RESOURCE_NAMES}
            found: list[Problem] = []
            parsed = io._parse_all(texts, found)
            self.problems += [self.place(p, tables) for p in found]
        if self.problems:
            raise ImportListError(_dedupe(self.problems), self.path.name)
        frames = {name: (io._frame(name, parsed[name]) if counts[name] != (0, 0, 0)
                         else self.t[name]) for name in schema.RESOURCE_NAMES}
        added, changed, removed = ({n: c[i] for n, c in counts.items() if c[i]} for i in range(3))
        result = Programme(meta, frames, self.p.path)
        return WorkbookImport(result, self.path.name, added, changed, removed,
                              lines + meta_lines, self.notes, len(meta_lines))

    # ----------------------------------------------------------------- ids

    def give_ids(self) -> None:
        """Give rows without an id the package's id of the same row (by :data:`NATURAL`)
        or a new one."""
        order = [t for t in NATURAL if t in schema.BY_NAME] + [
            t for t in tables_in_order() if t not in NATURAL]
        for table in order:
            rows = self.rows.get(table)
            if rows is not None and "id" in schema.field_names(table) and table != "welfare_dimensions":
                self._ids(table, rows)
            self._resolver(table)

    def _ids(self, table, rows) -> None:
        fields = NATURAL.get(table) or tuple(
            f for f in schema.field_names(table)
            if f not in ("id", "source") and f not in references(table))
        refs = references(table)
        used = {r.values["id"] for r in rows if r.values["id"]}
        old = self.old[table]
        waiting: dict[tuple, list[str]] = {}
        for row in old:
            if row["id"] not in used:
                waiting.setdefault(tuple(normal_form(row[f]) for f in fields), []).append(row["id"])
        taken = used | {row["id"] for row in old}
        named = {}
        if table == "organisations":
            named = {normal_form(r.values["name"]): r for r in rows if r.values["id"]}
        for row in rows:
            if row.values["id"] or "id" in row.bad:
                continue
            key = []
            for f in fields:
                if f in refs:
                    target = refs[f][0]
                    resolver = self.resolvers.get(target)
                    found = resolver.find(row.raw[f])[0] if resolver and row.raw.get(f) else None
                    key.append(normal_form(found or ""))
                else:
                    key.append(normal_form(row.values[f]))
            key = tuple(key)
            if table == "participants" and not row.values["name"]:
                self.problems.append(Problem(self.where[table], row.number, row.labels["id"], "",
                                             "a new person without a name or an id",
                                             "give the person an id (e.g. p-new-01) or a name"))
                row.bad.add("id")
                continue
            if table == "organisations" and key[0] in named:
                other = named[key[0]]
                self.problems.append(Problem(
                    self.where[table], row.number, row.labels["name"], row.values["name"],
                    f"row {other.number} already has this organisation ({other.values['id']})",
                    "fill in its id to change that row, or remove this one"))
                row.bad.add("id")
                continue
            if waiting.get(key):
                row.values["id"] = waiting[key].pop(0)
            else:
                row.values["id"] = _new_id(table, row.values, taken)
            taken.add(row.values["id"])

    def _resolver(self, table: str) -> None:
        """The :class:`~labkit.interop.workbook.Names` of ``table`` as the workbook has it."""
        from .workbook import Names
        rows = self.rows.get(table)
        key = "number" if table == "sdgs" else "id"
        if key not in schema.field_names(table):
            return  # nothing refers to a link table
        names = NAME_FIELDS.get(table, ())
        old = self.old[table]
        earlier = [(row[f], row[key]) for row in old for f in names]
        if rows is None:
            self.resolvers[table] = Names([row[key] for row in old], earlier)
            return
        pairs = [(r.values[f], r.values[key]) for r in rows for f in names if r.values[key]]
        if table == "organisations":
            # aliases are names too: theirs first resolve against the names alone
            plain = Names([r.values["id"] for r in rows if r.values["id"]], pairs, earlier)
            for alias in self.rows.get("organisation_aliases") or []:
                oid = plain.find(alias.raw.get("organisation_id") or "")[0]
                if oid is not None and alias.values["alias"]:
                    pairs.append((alias.values["alias"], oid))
            if self.rows.get("organisation_aliases") is None:
                pairs += [(a["alias"], a["organisation_id"]) for a in self.old["organisation_aliases"]]
        ids = [r.values[key] for r in rows if r.values[key]]
        self.resolvers[table] = Names(ids, pairs, earlier)
        # a row whose id has a problem is reported there, not again by every reference to it
        self.loose[table] = {r.number for r in rows if key in r.bad}

    # ----------------------------------------------------------------- references

    def resolve(self) -> None:
        for table in tables_in_order():
            rows = self.rows.get(table)
            if rows is None:
                continue
            refs = references(table)
            for row in rows:
                for name, raw in row.raw.items():
                    if not raw:
                        continue
                    target = refs[name][0]
                    key, hits = self.resolvers[target].find(raw)
                    if key is not None:
                        row.values[name] = str(key)
                        continue
                    row.bad.add(name)
                    if not hits and self.loose.get(target):
                        continue  # it may name a row whose id is already reported as a problem
                    self.problems.append(self.unknown(table, row, name, raw, target, hits))

    def unknown(self, table, row, name, raw, target, hits) -> Problem:
        sheet = sheet_name(target, self.lang) if target in SHEETS else target
        what = _WHAT.get(target, "row")
        where, col = self.where[table], row.labels[name]
        if hits:
            return Problem(where, row.number, col, raw, f"names more than one {what}: "
                           + ", ".join(sorted(map(str, hits))), "write the id of the one you mean")
        resolver = self.resolvers[target]
        hint = (f"add the {what} on sheet {sheet}, or pick one from the list" if target not in READ_ONLY
                else f"pick one from sheet {sheet}")
        guess = _suggest(raw, {form: (resolver.shown[form], str(next(iter(keys))))
                               for form, keys in resolver.index.items()}, self.lang,
                         {str(k): v for k, v in resolver.first.items()})
        if guess:
            hint = guess + " " + hint[0].upper() + hint[1:]
        return Problem(where, row.number, col, raw, f"no {what} with this name or id on sheet {sheet}",
                       hint)

    # ----------------------------------------------------------------- tables

    def assemble(self):
        """Per table: (rows as canonical dicts, origin of each), and counts and lines."""
        tables, counts, lines = {}, {}, []
        for table in schema.RESOURCE_NAMES:
            old = self.old[table]
            rows = self.rows.get(table)
            if rows is None:
                tables[table] = (old, [None] * len(old))
                counts[table] = (0, 0, 0)
                continue
            pk = schema.BY_NAME[table]["schema"].get("primaryKey", [])
            names = schema.field_names(table)
            where = self.where[table]
            absent = self.absent.get(table, set())
            index = {tuple(r[k] for k in pk): i for i, r in enumerate(old)}
            sources = _real_sources(old, pk)
            result = list(old)
            origin: list = [None] * len(old)
            seen: dict[tuple, int] = {}
            present, new, new_origin, changed, changed_keys = set(), [], [], 0, []
            incomplete = False
            for row in rows:
                key = _row_key(row.values, pk, sources)
                if any(k in row.bad for k in pk) or not all(key):
                    incomplete = True
                if all(key) and key in seen:
                    self.problems.append(Problem(where, row.number, ",".join(row.labels[k] for k in pk),
                                                 " ".join(key), f"row {seen[key]} has the same "
                                                 + ("id" if pk == ["id"] else "key"),
                                                 "remove one of the two rows, or change one"))
                    continue
                if all(key):
                    seen[key] = row.number
                i = index.get(key) if all(key) else None
                if i is not None:
                    present.add(i)
                    before = old[i]
                    value = {}
                    for f in names:
                        v = row.values[f]
                        if f == "source" and not v or f in absent:
                            v = before[f]
                        elif v != before[f] and clean(v) == clean(before[f]) and f not in row.bad:
                            v = before[f]  # only spaces differ: keep the package's text
                        value[f] = v
                    if value != before:
                        changed += 1
                        result[i] = value
                        changed_keys.append(", ".join(key))
                    origin[i] = row
                else:
                    value = {f: row.values[f] for f in names}
                    if not value.get("source", "x"):
                        value["source"] = SOURCE
                    new.append(value)
                    new_origin.append(row)
            gone = [i for i in range(len(old)) if i not in present]
            if gone and not incomplete:
                for i in gone:
                    line = _removal(table, old[i], pk)
                    if self.allow:
                        lines.append("remove " + line)
                    else:
                        self.problems.append(Problem(where, 0, "", " ".join(old[i][k] for k in pk),
                                                     f"not in the sheet: {line} would be removed",
                                                     "put the row back, or pass --allow-removals "
                                                     "to remove it"))
            keep = [i for i in range(len(old)) if i in present or incomplete]
            tables[table] = ([result[i] for i in keep] + new, [origin[i] for i in keep] + new_origin)
            counts[table] = (len(new), changed, 0 if incomplete else len(gone))
            if "id" in pk:
                lines += _listed(f"new in {table}", [row["id"] for row in new])
            lines += _listed(f"changed in {table}", changed_keys)
        self._tables = tables
        return tables, counts, lines

    def place(self, p: Problem, tables) -> Problem:
        """A problem the package's own check found, placed in the workbook."""
        table = p.file[:-4] if p.file.endswith(".csv") else p.file
        if table not in tables or table not in self.where:
            return p
        origin = tables[table][1]
        row = origin[p.line - 2] if 2 <= p.line < len(origin) + 2 else None
        labels = row.labels if row is not None else {
            f: label(table, f, self.lang) for f in schema.field_names(table)}
        column = ",".join(labels.get(c, c) for c in p.column.split(",")) if p.column else ""
        return Problem(self.where[table], row.number if row is not None else 0, column, p.value,
                       p.message, _workbook_words(p.hint, table, labels))


# --------------------------------------------------------------------------- helpers

def _real_sources(old: list[dict], pk: list) -> dict:
    """For a key that holds ``source`` (attendance): the source of each real row, by the rest of the key."""
    if "source" not in pk:
        return {}
    return {tuple(r[k] for k in pk if k != "source"): r["source"]
            for r in old if r["source"] != schema.PLANNED}


def _row_key(values: dict, pk: list, sources: dict) -> tuple:
    """A row's primary key. An empty source in a key is the source of the package's real
    row (the import keeps it), or ``import`` for a new row."""
    if "source" not in pk or values.get("source"):
        return tuple(values[k] for k in pk)
    rest = tuple(values[k] for k in pk if k != "source")
    filled = {**values, "source": sources.get(rest, SOURCE)}
    return tuple(filled[k] for k in pk)


def _removal(table: str, row: dict, pk: list) -> str:
    key = ", ".join(row[k] for k in pk)
    name = next((row[f] for f in NAME_FIELDS.get(table, ()) + ("alias", "title_nl")
                 if row.get(f)), "")
    if table == "participants":
        name = ""  # people are named by id only in what labkit prints
    return f"{table} {key}" + (f" ({name})" if name else "")


def _new_id(table: str, values: dict, taken: set) -> str:
    def numbered(prefix):
        numbers = [int(m[1]) for t in taken if (m := re.fullmatch(re.escape(prefix) + r"([0-9]+)", t))]
        return f"{prefix}{max(numbers, default=0) + 1:03d}"

    def slug(text, prefix=""):
        base = _slug(text or table, set())
        if len(base) > 40:
            base = base[:40].rsplit("-", 1)[0]
        return _slug(prefix + base, taken)

    if table == "participants":
        return numbered("p-imp-")
    if table == "collaborations":
        return numbered("col-")
    if table == "quotes":
        return numbered("q-")
    if table == "organisations":
        return slug(values.get("name"))
    if table == "sectors":
        return slug(values.get("name_en") or values.get("name_nl"))
    if table == "roadmap_stages" and values.get("number") and f"stage-{values['number']}" not in taken:
        return f"stage-{values['number']}"
    if table == "cases":
        return slug(values.get("title_nl"), "case-")
    if table == "commitments":
        return slug(values.get("title_nl"), "c-")
    if table == "insights":
        return numbered(f"{values.get('theme_id') or 'inzicht'}-{values.get('kind') or 'item'}-")
    name = next((values[f] for f in NAME_FIELDS.get(table, ()) if values.get(f)), "")
    return slug(name) if name else numbered(f"{table[:3]}-")


def _listed(what: str, keys: list, most: int = 8) -> list[str]:
    if not keys:
        return []
    more = f" and {len(keys) - most} more" if len(keys) > most else ""
    return [f"{what}: " + ", ".join(keys[:most]) + more]


def _workbook_words(hint: str, table: str, labels: dict) -> str:
    for f, col in labels.items():
        hint = hint.replace(f"'{f}'", "'" + re.sub(r" \([A-Z]+\)$", "", col) + "'")
    return hint.replace(f"{table}.csv", f"sheet {sheet_name(table, 'nl') if table in SHEETS else table}")


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen, out = set(), []
    for p in problems:
        key = (p.file, p.line, p.column)
        if p.line and p.column and key in seen:
            continue
        seen.add(key)
        out.append(p)
    return out
