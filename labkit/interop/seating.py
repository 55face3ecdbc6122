"""A seating plan (:func:`labkit.analytics.planning.plan_tables`) as a workbook.

One sheet per table (name, organisation, sector) and a summary sheet first:
people, sectors and new cross-sector pairs per table, and whether the plan is
proven optimal or how far it may be from CP-SAT's bound. Names are shown only
for people who consented to be named; the others get their pseudonym. Text
cells are neutralised against formulas and the file is written atomically
(:func:`labkit.interop.export._write_xlsx`).
"""

from __future__ import annotations

import pandas as pd

from ..data.privacy import pseudonym
from .export import _write_xlsx

WORDS = {
    "nl": {"summary": "Overzicht", "table": "Tafel", "people": "Personen", "sectors": "Sectoren",
           "new_pairs": "Nieuwe paren over sectoren", "name": "Naam", "organisation": "Organisatie",
           "sector": "Sector", "total": "Totaal", "status": "Oplossing",
           "optimal": "bewezen optimaal", "feasible": "niet bewezen optimaal",
           "bound": "Bovengrens (CP-SAT)", "gap": "Afstand tot de bovengrens",
           "between": "Geen indeling heeft meer dan {bound} nieuwe paren; de beste heeft er dus "
                      "{value} tot {bound}. Meer rekentijd (--seconds) kan het verschil verkleinen.",
           "min_sectors": "Minimaal sectoren per tafel", "meaning": "Betekenis",
           "meaning_text": "Nieuwe paren: twee mensen aan één tafel uit verschillende sectoren die "
                           "in dit programma nog niet samen aan tafel zaten. Een maat voor kansen "
                           "op nieuwe contacten, geen belofte van goede gesprekken.",
           "provenance": "Let op", "unknown": "onbekend",
           "rests": "Wie eerder samen aan tafel zat, berust deels op {kinds} aanwezigheid, niet op "
                    "verslagen van echte bijeenkomsten.", "and": " en ",
           "illustrative": "illustratieve", "synthetic": "synthetische"},
    "en": {"summary": "Summary", "table": "Table", "people": "People", "sectors": "Sectors",
           "new_pairs": "New cross-sector pairs", "name": "Name", "organisation": "Organisation",
           "sector": "Sector", "total": "Total", "status": "Solution",
           "optimal": "proven optimal", "feasible": "not proven optimal",
           "bound": "Bound (CP-SAT)", "gap": "Gap to the bound",
           "between": "No plan has more than {bound} new pairs, so the best has {value} to "
                      "{bound}. More time (--seconds) may narrow the gap.",
           "min_sectors": "Sectors per table at least", "meaning": "Meaning",
           "meaning_text": "New pairs: two people at one table, of different sectors, who have not "
                           "sat together before in this programme. A proxy for the chance of new "
                           "contacts, not a promise of good conversations.",
           "provenance": "Note", "unknown": "unknown",
           "rests": "Who sat together before rests partly on {kinds} attendance rows, not on "
                    "records of real sessions.", "and": " and ",
           "illustrative": "illustrative", "synthetic": "synthetic"},
}


def provenance_note(programme, plan, lang: str = "en") -> str | None:
    """A sentence when the history the plan rests on has illustrative or synthetic rows."""
    att = programme.tables["attendance"]
    mine = att[att["participant_id"].isin(set(plan.seating["participant_id"]))]
    kinds = sorted(set(mine["source"]) & {"illustrative", "synthetic"})
    if not kinds:
        return None
    w = WORDS[lang]
    return w["rests"].format(kinds=w["and"].join(w[k] for k in kinds))


def plan_sheets(programme, plan, *, lang: str = "nl") -> dict[str, list[list]]:
    """The workbook's sheets as rows (first row the header)."""
    w = WORDS[lang]
    parts = programme.tables["participants"].set_index("id")
    orgs = dict(zip(programme.tables["organisations"]["id"], programme.tables["organisations"]["name"]))
    sectors = dict(zip(programme.tables["sectors"]["id"], programme.tables["sectors"][f"name_{lang}"]))
    sectors.setdefault("unknown", w["unknown"])  # people without an organisation
    pt = plan.per_table
    sector_cols = [c for c in pt.columns if c not in ("table", "people", "sectors", "new_pairs")]
    head = [w["table"], w["people"], w["sectors"], w["new_pairs"],
            *(sectors.get(s, s) for s in sector_cols)]
    summary = [head] + [[int(v) for v in r] for r in pt.itertuples(index=False)]
    summary.append([w["total"], int(pt["people"].sum()), None, plan.new_pairs])
    summary += [[], [w["status"], w["optimal" if plan.optimal else "feasible"]],
                [w["bound"], plan.bound], [w["gap"], f"{plan.gap:.1%}"]]
    if not plan.optimal:
        summary.append(["", w["between"].format(value=plan.new_pairs, bound=plan.bound)])
    summary.append([w["min_sectors"], plan.min_sectors])
    if plan.min_sectors_note:
        summary.append(["", plan.min_sectors_note])
    summary.append([w["meaning"], w["meaning_text"]])
    note = provenance_note(programme, plan, lang)
    if note:
        summary.append([w["provenance"], note])
    sheets = {w["summary"]: summary}
    for t in range(plan.tables):
        rows = [[w["name"], w["organisation"], w["sector"]]]
        for r in plan.seating[plan.seating["table"] == t].itertuples(index=False):
            pid = r.participant_id
            named = bool(parts.at[pid, "consent_named"]) if pid in parts.index else False
            name = parts.at[pid, "name"] if named else None
            rows.append([name if isinstance(name, str) and name else pseudonym(pid),
                         orgs.get(r.organisation_id, "") if isinstance(r.organisation_id, str) else "",
                         sectors.get(r.sector, r.sector)])
        sheets[f"{w['table']} {t + 1}"] = rows
    return sheets


def write_plan(programme, plan, path, *, lang: str = "nl") -> int:
    """Write the plan's workbook to ``path`` atomically; returns how many text
    cells were neutralised."""
    return _write_xlsx(path, plan_sheets(programme, plan, lang=lang))


def plan_frame(plan) -> pd.DataFrame:
    """The seating with tables numbered from 1, for notebooks."""
    return plan.seating.assign(table=plan.seating["table"] + 1)


def plan_from_list(programme, path, *, tables: int, capacity: int, min_sectors: int | None = None,
                   keep: dict | None = None, apart=(), seconds: float = 30, seed: int = 0,
                   add_unknown=None, aliases: dict | None = None, encoding: str | None = None,
                   sheet: str | None = None):
    """Read the registration list at ``path`` and plan its tables.

    ``keep`` maps a name in the list (or a participant id) to a table numbered
    from 1; ``apart`` holds pairs of such names. Returns ``(registrations,
    plan)``; the plan's programme is ``registrations.programme``.
    """
    from ..analytics.planning import plan_tables
    from ..errors import ParameterError
    from .importing import read_registrations
    from .sheets import normal_form
    reg = read_registrations(programme, path, add_unknown=add_unknown, aliases=aliases,
                             encoding=encoding, sheet=sheet)
    by_name: dict[str, set] = {}
    for pid, name in reg.names.items():
        by_name.setdefault(normal_form(name), set()).add(pid)
        by_name.setdefault(normal_form(pid), set()).add(pid)

    def who(name):
        hits = by_name.get(normal_form(name), set())
        if len(hits) != 1:
            raise ParameterError(f"'{name}' is {'nobody' if not hits else 'several people'} "
                                 f"in {reg.where}: give the name as the list spells it")
        return next(iter(hits))

    kept = {}
    for name, table in (keep or {}).items():
        try:
            number = int(table)
        except ValueError:
            raise ParameterError(f"keep '{name}={table}': the table is a number from 1") from None
        kept[who(name)] = number - 1
    pairs = [(who(a), who(b)) for a, b in apart]
    plan = plan_tables(reg.programme, reg.participants, tables=tables, capacity=capacity,
                       min_sectors=min_sectors, keep=kept, apart=pairs, seconds=seconds, seed=seed)
    return reg, plan
