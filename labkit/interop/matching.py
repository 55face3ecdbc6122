"""A list of people matched to the package: organisations by name or alias, people by
name and organisation (the rules are in :mod:`labkit.interop.importing`).

Shared by :func:`~labkit.interop.importing.import_attendance` and
:func:`~labkit.interop.importing.read_registrations`; new organisations and people
are collected here and added to the package by the caller.
"""

from __future__ import annotations

import re
import unicodedata

from ..errors import ParameterError, Problem
from .import_result import SOURCE, ImportListError
from .sheets import Cell, choice, normal_form, read_sheet, suggest, text, yes_no

ATTENDANCE_HEADERS = {
    "organisation": {"organisation", "organisatie", "organization", "org", "organisatienaam",
                     "naam organisatie", "organisation name", "organization name"},
    "name": {"name", "naam", "person", "deelnemer", "persoon", "participant", "full name",
             "volledige naam", "naam deelnemer"},
    "first_name": {"voornaam", "first name", "roepnaam", "given name"},
    "infix": {"tussenvoegsel", "tussenvoegsels"},
    "last_name": {"achternaam", "last name", "surname", "family name"},
    "consent": {"consent", "toestemming", "naam mag genoemd worden", "naam noemen",
                "consent named", "consent to be named"},
    "invited_by": {"invited by", "uitgenodigd door"},
    "role": {"role", "rol"},
    "participant_id": {"id", "participant id", "deelnemer id", "id deelnemer"},  # the workbook's Deelnemers
}
_NO_EMAIL = "labkit stores no e-mail addresses (the package has no field for them)"
_EMAIL = dict.fromkeys({"email", "e-mail", "e-mailadres", "emailadres", "email address",
                        "e-mail address", "mail"}, _NO_EMAIL)
_ROLES = {"participant": "participant", "deelnemer": "participant", "host": "host",
          "gastheer": "host", "gastvrouw": "host", "gastheervrouw": "host", "chair": "chair",
          "voorzitter": "chair", "caseowner": "case_owner", "casusinbrenger": "case_owner",
          "casuseigenaar": "case_owner"}
_ROLE_HINT = "write deelnemer, gastheer, voorzitter or casusinbrenger (or leave it empty)"


def _people_of_list(t, path, *, add_unknown, aliases, encoding, sheet):
    """Read a list of people; match organisations and people to the package.

    Returns the sheet, the problems so far, the organisations resolver (new
    organisations and aliases), one record per person (``pid``, ``name``,
    ``org``, ``consent``, ``row``...) and the records of new people.
    """
    sectors = set(t["sectors"]["id"])
    per_name = {} if isinstance(add_unknown, str) else {
        normal_form(k): v for k, v in (add_unknown or {}).items()}
    default = add_unknown if isinstance(add_unknown, str) else None
    for s in {default, *per_name.values()} - {None}:
        if s not in sectors:
            raise ParameterError(f"no sector '{s}'; sectors are: " + ", ".join(sorted(sectors)))
    for name, oid in (aliases or {}).items():
        if oid not in set(t["organisations"]["id"]):
            raise ParameterError(f"alias '{name}={oid}': no organisation '{oid}'")

    sheet_, problems = read_sheet(path, ATTENDANCE_HEADERS, encoding=encoding, sheet=sheet,
                                  ignore=_EMAIL)
    where, cols = sheet_.where, set(sheet_.columns)
    missing = []
    if "name" not in cols and not {"first_name", "last_name"} & cols:
        missing.append(Problem(where, 0, "", "", "no column with the person's name",
                               "add a column 'Naam' (or 'Voornaam' and 'Achternaam')"))
    if "organisation" not in cols:
        missing.append(Problem(where, 0, "", "", "no column with the organisation",
                               "add a column 'Organisatie'"))
    if not cols or missing:  # rows cannot be judged without these columns
        raise ImportListError(problems + (missing if cols else []), where)

    records = _attendance_records(sheet_, problems)
    orgs = _Organisations(t, {normal_form(k): v for k, v in (aliases or {}).items()},
                          default, per_name, where)
    for rec in records:
        rec["org"] = orgs.resolve(rec, problems)
    orgs.report_unknown(problems, sectors)
    people, new_people = _match_people(t, records, where, problems, sheet_.notes)
    return sheet_, problems, orgs, people, new_people


def _attendance_records(sheet_, problems) -> list[dict]:
    """One dict per data row: row, name, org_raw, consent, role, by and column labels."""
    where, cols = sheet_.where, set(sheet_.columns)
    records = []
    for r, row in sheet_.rows:
        got, bad = sheet_.cells(row, problems, r)

        def cell(field):
            return got.get(field, (Cell(), ""))[0]

        def col(field):
            return got.get(field, (None, ""))[1]

        rec = {"row": r, "name": text(cell("name")), "name_col": col("name"),
               "org_raw": text(cell("organisation")), "org_col": col("organisation"),
               "by": text(cell("invited_by")), "by_col": col("invited_by"),
               "consent_col": col("consent"), "role_col": col("role"),
               "pid_given": text(cell("participant_id"))}
        if rec["name"] is None and {"first_name", "last_name"} & cols:
            parts = [text(cell(f)) for f in ("first_name", "infix", "last_name")]
            rec["name"] = " ".join(p for p in parts if p) or None
            rec["name_col"] = col("last_name") or col("first_name")
        if rec["name"] is None and rec["pid_given"] is None and not bad & {
                "name", "first_name", "infix", "last_name"}:
            problems.append(Problem(where, r, rec["name_col"], "", "no name",
                                    "fill in the person's name, or delete the row"))
        for field, parse in (("consent", yes_no),
                             ("role", lambda c: choice(c, _ROLES, _ROLE_HINT))):
            value, err = parse(cell(field))
            if err:
                problems.append(Problem(where, r, col(field), str(cell(field).value), *err))
            rec[field] = value
        records.append(rec)
    return records


class _Organisations:
    """Resolves the list's organisation names; collects new organisations and aliases."""

    def __init__(self, t, alias_to: dict, default: str | None, per_name: dict, where: str):
        self.names = dict(zip(t["organisations"]["id"], t["organisations"]["name"]))
        self.index: dict[str, set] = {}
        aliases = t["organisation_aliases"]
        self.known: dict[str, list[str]] = {oid: [name, oid] for oid, name in self.names.items()}
        for oid, name in [*self.names.items(),
                          *zip(aliases["organisation_id"], aliases["alias"])]:
            self.index.setdefault(normal_form(name), set()).add(oid)
            self.known.setdefault(oid, [oid]).append(name)
        self.alias_to, self.default, self.per_name, self.where = alias_to, default, per_name, where
        self.taken = set(self.names)
        self.new, self.new_aliases, self.unknown = [], [], {}

    def resolve(self, rec: dict, problems: list) -> str | None:
        raw = rec["org_raw"]
        if raw is None:
            return None
        key = normal_form(raw)
        hits = self.index.get(key, set())
        if len(hits) > 1:
            problems.append(Problem(self.where, rec["row"], rec["org_col"], raw,
                                    "matches several organisations: " + ", ".join(sorted(hits)),
                                    "say which with --alias 'NAME=ORG_ID'"))
            return None
        if hits:
            return next(iter(hits))
        if key in self.alias_to:
            oid = self.alias_to[key]
            self.new_aliases.append({"organisation_id": oid, "alias": raw, "source": SOURCE,
                                     "note": "Spelling in an imported registration list."})
        elif self.per_name.get(key) or self.default:
            oid = _slug(raw, self.taken)
            self.taken.add(oid)
            self.names[oid] = raw
            self.new.append({"id": oid, "name": raw, "sector": self.per_name.get(key) or self.default,
                             "sector_note": "Added from an imported registration list; "
                                            "sector given at import.", "source": SOURCE})
        else:
            self.unknown.setdefault(key, []).append(rec)
            return None
        self.index[key] = {oid}
        return oid

    def report_unknown(self, problems: list, sectors: set) -> None:
        for recs in self.unknown.values():
            first, rest = recs[0], [str(x["row"]) for x in recs[1:]]
            also = f" (also on row{'s' if len(rest) > 1 else ''} {', '.join(rest)})" if rest else ""
            raw = first["org_raw"]
            close = suggest(raw, self.known)
            hint = (("did you mean " + " or ".join(f"'{self.names[c]}' ({c})" for c in close)
                     + f"? then pass --alias '{raw}={close[0] if len(close) == 1 else 'ORG_ID'}'")
                    if close else "if it is a known organisation, pass --alias 'NAME=ORG_ID'") + (
                "; to add it, pass --add-unknown SECTOR (" + ", ".join(sorted(sectors)) + ")")
            problems.append(Problem(self.where, first["row"], first["org_col"], first["org_raw"],
                                    "organisation not in the package" + also, hint))


def _match_people(t, records, where, problems, notes) -> tuple[list[dict], list[dict]]:
    """Give each record a ``pid``; return one record per person and the new people."""
    parts = t["participants"]
    known: dict[tuple, set] = {}
    for pid, name, oid in zip(parts["id"], parts["name"], parts["organisation_id"]):
        if isinstance(name, str) and name:
            known.setdefault((normal_form(name), oid if isinstance(oid, str) else None), set()).add(pid)
    numbers = [int(m[1]) for p in parts["id"] if (m := re.fullmatch(r"p-imp-([0-9]+)", p))]
    number = max(numbers, default=0) + 1
    first: dict[tuple, dict] = {}
    new = []
    ids = set(parts["id"])
    for rec in records:
        if rec["pid_given"] in ids:  # a row that names a participant of the package by id
            rec["pid"], rec["name"] = rec["pid_given"], rec["name"] or rec["pid_given"]
            first[("id", rec["pid"])] = rec
            continue
        if rec["name"] is None:
            continue
        key = (normal_form(rec["name"]), rec["org"])
        if key in first:  # the same person twice in the list: the rows must agree
            one = first[key]
            for field in ("consent", "role", "by"):
                if rec[field] is not None and one[field] is not None and rec[field] != one[field]:
                    problems.append(Problem(where, rec["row"], rec[f"{field}_col"], str(rec[field]),
                                            f"row {one['row']} has the same person with "
                                            f"'{one[field]}'", "make the rows agree, or remove one"))
                elif one[field] is None:
                    one[field] = rec[field]
            continue
        first[key] = rec
        hits = known.get(key, set())
        if not hits and key[1] and len(known.get((key[0], None), set())) == 1:
            hits = known[(key[0], None)]  # the package knows no organisation for this person
            notes.append(f"row {rec['row']}: {next(iter(hits))} has no organisation in the package; "
                         f"the list says {key[1]} (the package is not changed)")
        if len(hits) > 1:
            problems.append(Problem(where, rec["row"], rec["name_col"], "",
                                    "matches several participants: " + ", ".join(sorted(hits)),
                                    "the package holds this person twice; merge them first"))
            rec["pid"] = None
        elif hits:
            rec["pid"] = next(iter(hits))
        else:
            rec["pid"] = f"p-imp-{number:03d}"
            number += 1
            new.append(rec)
    return list(first.values()), new


def _slug(name: str, taken: set) -> str:
    """A new organisation id from its name, unique among ``taken``.

    >>> _slug("Gemeente Súdwest-Fryslân", {"gemeente-sudwest-fryslan"})
    'gemeente-sudwest-fryslan-2'
    """
    base = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    base = re.sub(r"[^a-z0-9]+", "-", base).strip("-") or "organisatie"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug
