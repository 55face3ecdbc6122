"""Registration lists and progress lists into the data package.

* :func:`import_attendance` reads a registration list for one session
  (organisation, person, consent, invited by, role) into ``participants``,
  ``attendance`` and ``invitations``.
* :func:`import_progress` reads commitment updates in bulk (id, date, status,
  progress, note) into ``commitment_updates``.

Both read the whole list (see :mod:`labkit.interop.sheets` for the files and Excel
pitfalls handled), check every row and return an :class:`ImportResult`: the
updated programme and an account of what would change. Nothing is written
until ``result.save()``, which validates the whole package in memory and
writes atomically. Any bad row raises :class:`ImportListError` listing every
problem with file, sheet, row, column and value; the package is then untouched.
Imported rows get ``source = "import"``. Importing the same list twice changes
nothing: rows already in the package are recognised and left alone.

Organisations
-------------
Names match when their :func:`~labkit.interop.sheets.normal_form` is equal (case,
accents, spaces, non-breaking spaces and punctuation such as ``. , - ( ) &``
do not count), against ``organisations.name`` and
``organisation_aliases.alias``. An unknown organisation is a problem unless
the caller maps it to a known one (``aliases``; the list's spelling is then
recorded as an alias, so the next import matches it) or adds it
(``add_unknown``: one sector for every unknown organisation, or a mapping of
names to sectors).

People
------
A row is the same person as a participant in the package when the names'
normal forms are equal and the organisation is the same (or the package knows
no organisation for them). A new person gets the id ``p-imp-NNN``, the next
free number: opaque (it says nothing about the name) and apart from the
``p-NNN`` ids :mod:`labkit.data.illustrative` makes. The name goes into
``participants.name``: the package is the private working copy, and public
outputs show pseudonyms (see :mod:`labkit.interop.export`). ``consent_named`` is true
only when the list says so (``ja``, ``yes``, ``x``...), and ``named_basis`` is then
``consent``; an empty consent cell leaves a known person's consent as it was and
makes a new person pseudonymous. E-mail columns are ignored: the package has no field for them.
"""

from __future__ import annotations

import dataclasses

import pandas as pd

from ..data import schema
from ..errors import ParameterError, Problem
from .import_result import SOURCE, ImportListError, ImportResult, _append, _check
from .matching import ATTENDANCE_HEADERS, _people_of_list
from .sheets import blank, choice, date, normal_form, percentage, read_sheet, suggest, text

# ImportListError, ImportResult, SOURCE and ATTENDANCE_HEADERS live in import_result and
# matching; they are named here too, where callers have always imported them.
__all__ = ["ATTENDANCE_HEADERS", "PROGRESS_HEADERS", "SOURCE", "ImportListError", "ImportResult",
           "Registrations", "import_attendance", "import_progress", "read_registrations"]

PROGRESS_HEADERS = {
    "commitment": {"id", "commitment", "commitment id", "commitment_id", "toezegging",
                   "afspraak", "id toezegging"},
    "date": {"date", "datum"},
    "status": {"status", "stand"},
    "progress": {"progress", "voortgang", "progress (%)", "voortgang (%)", "progress %",
                 "voortgang %", "percentage"},
    "note": {"note", "notes", "notitie", "toelichting", "opmerking", "opmerkingen", "comment"},
}
_BY_ORGANISERS = {"organisatie", "organisatoren", "organisator", "organisers", "organiser",
                  "organizers", "organizer"}
_BY_HOST = {"host", "gastheer", "gastvrouw", "gastheervrouw"}
_STATUSES = {
    **{s.replace("_", ""): s for s in schema.STATUSES},
    "voorgesteld": "proposed", "gepland": "planned", "inuitvoering": "in_progress",
    "bezig": "in_progress", "lopend": "in_progress", "afgerond": "completed",
    "voltooid": "completed", "gereed": "completed", "gestagneerd": "stalled",
    "vastgelopen": "stalled", "stilgevallen": "stalled", "gestopt": "dropped",
    "vervallen": "dropped", "geschrapt": "dropped",
}


# --------------------------------------------------------------------------- attendance

def import_attendance(programme, path, *, theme: str, session: str,
                      add_unknown: str | dict | None = None, aliases: dict | None = None,
                      encoding: str | None = None, sheet: str | None = None) -> ImportResult:
    """Import a registration list for ``session`` of ``theme``.

    Parameters
    ----------
    programme : Programme
        The package to import into; it is not changed (see the result).
    path : str or Path
        An ``.xlsx`` or ``.csv`` list.
    add_unknown : str or dict, optional
        A sector id for every organisation the package does not know, or
        ``{name in the list: sector id}`` for some of them.
    aliases : dict, optional
        ``{name in the list: organisation id}``: a known organisation under
        another name; the name is recorded as an alias.
    encoding : str, optional
        The encoding of a CSV list that is not UTF-8 (e.g. ``cp1252``).
    sheet : str, optional
        The sheet of a workbook (default: the first visible one).

    Returns
    -------
    ImportResult
        Raises :class:`ImportListError` listing every problem, or
        :class:`~labkit.errors.ParameterError` for a bad argument.
    """
    t = programme.tables
    sessions = t["sessions"]
    found = sessions[sessions["id"] == session]
    if found.empty:
        raise ParameterError(f"no session '{session}'; sessions of theme '{theme}': "
                             + ", ".join(sessions[sessions["theme_id"] == theme]["id"]))
    if found["theme_id"].iloc[0] != theme:
        raise ParameterError(f"session '{session}' belongs to theme '{found['theme_id'].iloc[0]}', "
                             f"not to '{theme}'")
    sheet_, problems, orgs, people, new_people = _people_of_list(
        t, path, add_unknown=add_unknown, aliases=aliases, encoding=encoding, sheet=sheet)
    where = sheet_.where
    new_pids = {rec["pid"] for rec in new_people}
    lines = [f"new organisation {o['id']} (sector {o['sector']})" for o in orgs.new] + \
            [f"new alias of {a['organisation_id']}" for a in orgs.new_aliases]

    consent_of = dict(zip(t["participants"]["id"], t["participants"]["consent_named"].astype(bool)))
    consent_changes = {}
    for rec in people:
        pid = rec["pid"]
        if pid in new_pids:
            lines.append(f"row {rec['row']}: new participant {pid}"
                         + (f" ({rec['org']})" if rec["org"] else "")
                         + (", named" if rec["consent"] else ", pseudonymous"))
        elif pid is not None and rec["consent"] is not None and rec["consent"] != consent_of[pid]:
            consent_changes[pid] = rec["consent"]
            lines.append(f"row {rec['row']}: {pid} consent_named {str(consent_of[pid]).lower()}"
                         f" -> {str(rec['consent']).lower()}")
    added_att = _attendance_rows(t, people, session, where, problems, lines)
    added_inv = _invitation_rows(t, people, theme, session, where, problems, lines)
    if problems:
        raise ImportListError(problems, where)

    from ..analytics.planning import compare_session
    came = {rec["pid"] for rec in people if rec["pid"] is not None}
    compared = compare_session(programme, session, came)
    if compared:
        sheet_.notes.append(compared)
    att = t["attendance"]  # planned rows stay: analyse compares the plan with these
    illustrative = int(((att["session_id"] == session) & (att["source"] == "illustrative")).sum())
    if illustrative and added_att:
        sheet_.notes.append(f"{session} also has {illustrative} illustrative attendance rows; they "
                            "stay (labkit.data.illustrative.strip_illustrative removes them)")
    participants = t["participants"].copy()
    if consent_changes:
        mask = participants["id"].isin(list(consent_changes))
        participants.loc[mask, "consent_named"] = (
            participants.loc[mask, "id"].map(consent_changes).astype("boolean"))
        # why they may be named: the list records their consent (or, withdrawn, nothing)
        participants.loc[mask, "named_basis"] = participants.loc[mask, "id"].map(
            lambda pid: "consent" if consent_changes[pid] else None)
    added_people = [{"id": r["pid"], "name": r["name"], "consent_named": bool(r["consent"]),
                     "named_basis": "consent" if r["consent"] else None,
                     "organisation_id": r["org"],
                     "role": "host" if r["role"] == "host" else "participant", "source": SOURCE}
                    for r in new_people]
    added = {"organisations": len(orgs.new), "organisation_aliases": len(orgs.new_aliases),
             "participants": len(added_people), "attendance": len(added_att),
             "invitations": len(added_inv)}
    updated = {"participants": len(consent_changes)}
    result = programme
    if any(added.values()) or consent_changes:
        result = programme.replace(
            organisations=_append(t["organisations"], orgs.new),
            organisation_aliases=_append(t["organisation_aliases"], orgs.new_aliases),
            participants=_append(participants, added_people),
            attendance=_append(att, added_att),
            invitations=_append(t["invitations"], added_inv))
        _check(result, where)
    return ImportResult(result, where, len(sheet_.rows), added, updated, lines, sheet_.notes)


def _attendance_rows(t, people, session, where, problems, lines) -> list[dict]:
    att = t["attendance"]
    existing = {p: (role, src) for s, p, role, src in
                zip(att["session_id"], att["participant_id"], att["role"], att["source"])
                if s == session and src != schema.PLANNED}  # a planned seat stays beside the real one
    rows = []
    for rec in people:
        pid = rec["pid"]
        if pid is None:
            continue
        if pid in existing:
            role, src = existing[pid]
            if rec["role"] is not None and rec["role"] != role:
                problems.append(Problem(where, rec["row"], rec["role_col"], rec["role"],
                                        f"{pid} is already recorded at {session} as '{role}' ({src})",
                                        "correct the role in the list, or leave it empty"))
            continue
        role = rec["role"] or "participant"
        rows.append({"session_id": session, "participant_id": pid, "role": role, "source": SOURCE})
        lines.append(f"row {rec['row']}: {pid} attended {session} as {role}")
    return rows


def _invitation_rows(t, people, theme, session, where, problems, lines) -> list[dict]:
    parts = t["participants"]
    by_name: dict[str, set] = {}
    for pid, name in zip(parts["id"], parts["name"]):
        if isinstance(name, str) and name:
            by_name.setdefault(normal_form(name), set()).add(pid)
    for rec in people:
        if rec["pid"] is not None:
            by_name.setdefault(normal_form(rec["name"]), set()).add(rec["pid"])
    inv = t["invitations"]
    existing = {p: (ch, by if isinstance(by, str) else None) for th, p, ch, by in
                zip(inv["theme_id"], inv["participant_id"], inv["channel"], inv["invited_by"])
                if th == theme}
    rows = []
    for rec in people:
        pid, by = rec["pid"], rec["by"]
        if pid is None or by is None:
            continue
        key = normal_form(by)
        inviter = None
        if key in _BY_ORGANISERS:
            channel = "organisers"
        elif key in _BY_HOST:
            channel = "host"
        else:
            hits = by_name.get(key, set())
            if len(hits) != 1 or hits == {pid}:
                problems.append(Problem(
                    where, rec["row"], rec["by_col"], by,
                    "a person cannot invite themselves" if hits == {pid} else
                    "names several participants" if hits else "names nobody in the list or the package",
                    "give the inviter a row of their own in the list, or write 'organisatie' "
                    "or 'gastheer'"))
                continue
            channel, inviter = "participant", next(iter(hits))
        if pid in existing:
            if existing[pid] != (channel, inviter):
                ch, old = existing[pid]
                problems.append(Problem(where, rec["row"], rec["by_col"], by,
                                        f"{pid} is already recorded as invited by {old or 'the ' + ch}"
                                        f" for theme {theme}",
                                        "correct 'invited by' in the list, or leave it empty"))
            continue
        rows.append({"theme_id": theme, "participant_id": pid, "first_session_id": session,
                     "channel": channel, "invited_by": inviter, "source": SOURCE})
        lines.append(f"row {rec['row']}: {pid} invited by {inviter or 'the ' + channel}")
    return rows


# --------------------------------------------------------------------------- registrations

@dataclasses.dataclass(frozen=True)
class Registrations:
    """Who registered for a round, matched to the package (see :func:`read_registrations`).

    ``programme`` holds the new organisations, aliases and people of the list (in
    memory: nothing is written); ``participants`` are their ids in list order;
    ``names`` the list's spelling of each (private: for resolving ``--keep`` and
    ``--apart``, never for output without consent); ``new`` the ids of the people
    the package did not know. ``lines`` are what deserves a look (new
    organisations, new people whose name is close to a known one's), by row and
    id, never by name; ``notes`` what the reader noticed.
    """

    programme: object
    where: str
    participants: list
    names: dict
    lines: list
    notes: list
    new: list = dataclasses.field(default_factory=list)

    def report(self, limit: int = 10) -> str:
        """A line of counts, then at most ``limit`` of the lines and notes (and how many more)."""
        n, k = len(self.participants), len(self.new)
        head = f"{self.where}: {n} {'person' if n == 1 else 'people'} read, {n - k} matched to the package"
        if k:
            head += (f", {k} new ({self.new[0]}" + (f" to {self.new[-1]})" if k > 1 else ")"))
        rest = [*self.lines, *("note: " + note for note in self.notes)]
        out = [head] + ["  " + line for line in rest[:limit]]
        if len(rest) > limit:
            out.append(f"  ... and {len(rest) - limit} more")
        return "\n".join(out)


def read_registrations(programme, path, *, add_unknown: str | dict | None = None,
                       aliases: dict | None = None, encoding: str | None = None,
                       sheet: str | None = None) -> Registrations:
    """Read a registration list (the format :func:`import_attendance` reads) for a
    round not yet held: organisations and people are matched the same way, and
    new ones are added to the returned programme only. Raises
    :class:`ImportListError` listing every problem."""
    t = programme.tables
    sheet_, problems, orgs, people, new_people = _people_of_list(
        t, path, add_unknown=add_unknown, aliases=aliases, encoding=encoding, sheet=sheet)
    if problems:
        raise ImportListError(problems, sheet_.where)
    added = [{"id": r["pid"], "name": r["name"], "consent_named": bool(r["consent"]),
              "named_basis": "consent" if r["consent"] else None, "organisation_id": r["org"],
              "role": "participant", "source": SOURCE} for r in new_people]
    result = programme
    if added or orgs.new or orgs.new_aliases:
        result = programme.replace(
            organisations=_append(t["organisations"], orgs.new),
            organisation_aliases=_append(t["organisation_aliases"], orgs.new_aliases),
            participants=_append(t["participants"], added))
        _check(result, sheet_.where)
    lines = [f"new organisation {o['id']} (sector {o['sector']})" for o in orgs.new] + \
            _close_to_known(t, new_people)
    ids = [r["pid"] for r in people if r["pid"] is not None]
    return Registrations(result, sheet_.where, ids, {r["pid"]: r["name"] for r in people
                                                     if r["pid"] is not None},
                         lines, sheet_.notes, [r["pid"] for r in new_people])


def _close_to_known(t, new_people) -> list[str]:
    """A line per new person whose name is close to a known participant's at the same
    organisation: perhaps one person spelled two ways (said by row and id, not by name)."""
    parts = t["participants"]
    by_org: dict[str, dict] = {}
    for pid, name, oid in zip(parts["id"], parts["name"], parts["organisation_id"]):
        if isinstance(name, str) and name and isinstance(oid, str):
            by_org.setdefault(oid, {})[pid] = [name]
    out = []
    for r in new_people:
        # cutoff 1: word for word only when every word of the name is found (typos count)
        close = suggest(r["name"], by_org.get(r["org"], {}), n=1, cutoff=1.0)
        if close:
            out.append(f"row {r['row']}, column '{r['name_col']}': new participant {r['pid']}, "
                       f"but the name is close to {close[0]}'s at the same organisation; if it is "
                       "the same person, spell the name as the package does")
    return out


# --------------------------------------------------------------------------- progress

def import_progress(programme, path, *, encoding: str | None = None,
                    sheet: str | None = None) -> ImportResult:
    """Append the commitment updates listed at ``path`` to ``commitment_updates``.

    Columns: commitment id, date, status (the schema's values or Dutch words:
    gepland, in uitvoering, afgerond, vastgelopen, gestopt...), progress (a
    percentage 0-100) and an optional note. A row equal to an update already
    in the package is left alone; another update for the same commitment and
    date is a problem. Raises :class:`ImportListError` listing every problem.
    """
    t = programme.tables
    sheet_, problems = read_sheet(path, PROGRESS_HEADERS, encoding=encoding, sheet=sheet)
    where = sheet_.where
    missing = [f for f in ("commitment", "date", "status", "progress") if f not in sheet_.columns]
    if sheet_.columns and missing:
        problems += [Problem(where, 0, "", "", f"no column for the {f}", "add a column named "
                             "one of: " + ", ".join(sorted(PROGRESS_HEADERS[f]))) for f in missing]
    if missing:
        raise ImportListError(problems, where)
    ids = {normal_form(i): i for i in t["commitments"]["id"]}
    upd = t["commitment_updates"]
    existing = {(c, d.date()): (s, int(p), n if isinstance(n, str) else None)
                for c, d, s, p, n in zip(upd["commitment_id"], upd["date"], upd["status"],
                                         upd["progress"], upd["note"])}
    status_hint = ("write one of: " + ", ".join(schema.STATUSES)
                   + " (or gepland, in uitvoering, afgerond, vastgelopen, gestopt)")
    seen, rows, lines = {}, [], []
    for r, row in sheet_.rows:
        got, bad = sheet_.cells(row, problems, r)
        values, ok = {}, not bad
        for field, (cell, label) in got.items():
            if field in bad:
                continue
            if field == "note":  # a note keeps its line breaks, made plain \n (a bare \r breaks CSV)
                values["note"] = ((cell.value.replace("\r\n", "\n").replace("\r", "\n").strip() or None)
                                  if isinstance(cell.value, str) else text(cell))
                continue
            if blank(cell):
                problems.append(Problem(where, r, label, "", "a value is required",
                                        f"fill in the {field}, or delete the row"))
                ok = False
                continue
            if field == "commitment":
                value, err = ids.get(normal_form(text(cell))), None
                if value is None:
                    close = suggest(text(cell), {v: [v] for v in ids.values()}, n=1)
                    err = ("no commitment has this id", (f"did you mean '{close[0]}'? "
                                                         if close else "") + "see commitments.csv")
            elif field == "date":
                value, err = date(cell, sheet_.epoch)
            elif field == "status":
                value, err = choice(cell, _STATUSES, status_hint)
            else:
                value, err = percentage(cell)
            if err:
                problems.append(Problem(where, r, label, str(cell.value), *err))
                ok = False
            values[field] = value
        if not ok:
            continue  # its problems are reported above
        key = (values["commitment"], values["date"])
        update = (values["status"], values["progress"], values.get("note"))
        if key in seen or key in existing:
            other, place = (seen[key][1], f"row {seen[key][0]}") if key in seen else (
                existing[key], "the package")
            if other != update:
                problems.append(Problem(where, r, "", f"{key[0]} {key[1]}",
                                        f"{place} has another update for this commitment on this "
                                        f"date (status {other[0]}, progress {other[1]})",
                                        "give the update another date, or leave the row out"))
            continue
        seen[key] = (r, update)
        rows.append({"commitment_id": key[0], "date": pd.Timestamp(key[1]), "status": update[0],
                     "progress": update[1], "note": update[2], "source": SOURCE})
        lines.append(f"row {r}: {key[0]} on {key[1]}: {update[0]}, {update[1]}%")
    if problems:
        raise ImportListError(problems, where)
    result = programme
    if rows:
        result = programme.replace(commitment_updates=_append(upd, rows))
        _check(result, where)
    return ImportResult(result, where, len(sheet_.rows), {"commitment_updates": len(rows)}, {},
                        lines, sheet_.notes)
