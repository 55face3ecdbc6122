"""A short account of a programme: what ``labkit summary`` and ``make demo`` print."""

from __future__ import annotations

from collections import Counter

from ..data import schema
from ..i18n import STATUS, check_lang


def summarize(programme) -> dict:
    """Counts that describe ``programme``, as plain JSON-ready Python.

    Keys: ``title``, ``subtitle`` (the programme's own words in Dutch; ``title_en``
    and ``subtitle_en`` in English), ``organiser``, ``period``, ``themes`` (id -> name, host, sessions, participants),
    ``organisations_by_sector``, ``participants`` (total, named,
    pseudonymous), ``sessions_per_theme``, ``commitments_by_stage``,
    ``commitments_by_status``, ``graph`` (nodes and edges by kind) and
    ``provenance`` (rows per source, and whether any row is illustrative).
    """
    t = programme.tables
    sessions = t["sessions"]
    att = programme.attendance.merge(sessions[["id", "theme_id"]], left_on="session_id", right_on="id")
    orgs = dict(zip(t["organisations"]["id"], t["organisations"]["name"]))
    from ..network.graph import participant_label
    people = {r.id: participant_label(r.id, r.name, r.consent_named)
              for r in t["participants"].itertuples(index=False)}
    themes = {}
    for r in t["themes"].sort_values("number").itertuples(index=False):
        host = None
        if isinstance(r.host_participant_id, str):
            host = people.get(r.host_participant_id)
        themes[r.id] = {
            "name_nl": r.name_nl,
            "name_en": r.name_en,
            "host": host,
            "host_organisation": orgs.get(r.host_organisation_id) if isinstance(r.host_organisation_id, str) else None,
            "sessions": int((sessions["theme_id"] == r.id).sum()),
            "participants": int(att[att["theme_id"] == r.id]["participant_id"].nunique()),
        }
    sector_order = t["sectors"].sort_values("order")["id"].tolist()
    by_sector = Counter(t["organisations"]["sector"])
    status = _current_status(t)
    by_stage = Counter(t["commitments"]["stage_id"])
    G = programme.graph
    from .composition import participating_organisations
    taking_part = participating_organisations(G)
    node_kinds = Counter(k for _, k in G.nodes(data="kind"))
    edge_kinds = Counter(k for _, _, k in G.edges(keys=True))
    sources = Counter()
    for name in schema.RESOURCE_NAMES:
        df = t[name]
        if "source" in df.columns:
            sources.update(s.split(":")[0] for s in df["source"])
    words, words_en = programme.words("nl"), programme.words("en")
    kinds = t["table_kinds"].sort_values(["order", "id"])
    return {
        "title": words["title"],
        "subtitle": words["subtitle"],
        "title_en": words_en["title"],
        "subtitle_en": words_en["subtitle"],
        "organiser": words["organiser"],
        "period": [words["period_start"] or None, words["period_end"] or None],
        "themes": themes,
        "table_kinds": dict(zip(kinds["id"], kinds["name_nl"])),
        "table_kinds_en": dict(zip(kinds["id"], kinds["name_en"])),
        "sessions_per_kind": {k: int((sessions["kind"] == k).sum()) for k in kinds["id"]},
        "organisations": len(t["organisations"]),
        # as a report counts them: not an organisation only a host or organiser came from
        "organisations_participating": len(taking_part["participating"]),
        "organisations_hosting": [orgs.get(o, o) for o in taking_part["hosting"]],
        "organisations_by_sector": {s: by_sector.get(s, 0) for s in sector_order},
        "sector_names": dict(zip(t["sectors"]["id"], t["sectors"]["name_nl"])),
        "sector_names_en": dict(zip(t["sectors"]["id"], t["sectors"]["name_en"])),
        "participants": {
            "total": len(t["participants"]),
            "named": int(t["participants"]["consent_named"].sum()),
            "pseudonymous": int((~t["participants"]["consent_named"].astype(bool)).sum()),
        },
        "sessions_per_theme": {k: v["sessions"] for k, v in themes.items()},
        "commitments": len(t["commitments"]),
        "commitments_by_stage": {s: by_stage.get(s, 0)
                                 for s in t["roadmap_stages"].sort_values("number")["id"]},
        "stage_names": {r.id: {"number": int(r.number), "nl": r.name_nl, "en": r.name_en}
                        for r in t["roadmap_stages"].itertuples(index=False)},
        "commitments_by_status": {s: status.get(s, 0) for s in (*schema.STATUSES, "no_update")
                                  if status.get(s, 0)},
        "graph": {
            "nodes": G.number_of_nodes(),
            "edges": G.number_of_edges(),
            "nodes_by_kind": dict(sorted(node_kinds.items())),
            "edges_by_kind": dict(sorted(edge_kinds.items())),
        },
        "provenance": {
            "rows_by_source": dict(sorted(sources.items())),
            "illustrative": programme.is_illustrative,
        },
    }


def _current_status(t) -> Counter:
    from ..network.graph import current_status
    cur = current_status(t["commitment_updates"])
    out = Counter()
    for cid in t["commitments"]["id"]:
        out[cur.loc[cid, "status"] if cid in cur.index else "no_update"] += 1
    return out


#: The summary's words; stage, status, theme and sector names come from the data and i18n.
WORDS = {
    "nl": {"themes": "Thema's", "sessions": "sessies", "participants": "deelnemers", "host": "host",
           "no_themes": "Thema's: nog geen", "organiser": "organisatie", "period": "looptijd",
           "until": "tot en met", "per_kind": "Sessies per soort tafel",
           "by_sector": "Organisaties per sector", "hosting": "; deelnemend {n}, alleen van de host of "
           "organisatie: {names}", "people": "Deelnemers: {total} ({named} met naam, "
           "{pseudonymous} onder pseudoniem)", "by_stage": "Toezeggingen per fase van de routekaart",
           "no_roadmap": "Toezeggingen: {n} (het programma heeft geen routekaart met fasen)",
           "by_status": "Toezeggingen per status", "no_update": "nog geen update",
           "graph": "Graaf: {nodes} knopen, {edges} verbindingen", "nodes": "knopen",
           "edges": "verbindingen", "sources": "Herkomst van de rijen", "none": "geen",
           "illustrative": "LET OP: deze gegevens bevatten illustratieve rijen (aanwezigheid per "
           "tafel, uitnodigingen, samenwerkingen, eigenaars en voortgang): geen feiten uit de bron."},
    "en": {"themes": "Themes", "sessions": "sessions", "participants": "participants", "host": "host",
           "no_themes": "Themes: none yet", "organiser": "organiser", "period": "period",
           "until": "to", "per_kind": "Sessions per kind of table",
           "by_sector": "Organisations by sector", "hosting": "; participating {n}, only the host's or "
           "organisers': {names}", "people": "Participants: {total} ({named} named, "
           "{pseudonymous} under a pseudonym)", "by_stage": "Commitments by roadmap stage",
           "no_roadmap": "Commitments: {n} (the programme has no roadmap with stages)",
           "by_status": "Commitments by status", "no_update": "no update yet",
           "graph": "Graph: {nodes} nodes, {edges} edges", "nodes": "nodes", "edges": "edges",
           "sources": "Where the rows come from", "none": "none",
           "illustrative": "NOTE: this data holds illustrative rows (attendance per table, "
           "invitations, collaborations, owners and progress): not facts from the source."},
}


def format_summary(s: dict, lang: str = "nl") -> str:
    """``summarize``'s result as text for a terminal, in Dutch or English (``lang``)."""
    w = WORDS[check_lang(lang)]
    en = lang == "en"
    name = "name_en" if en else "name_nl"
    sectors = s["sector_names_en"] if en else s["sector_names"]
    title = (s.get("title_en") if en else None) or s["title"] or "labkit programme"
    subtitle = (s.get("subtitle_en") if en else None) or s.get("subtitle")
    lines = [" · ".join(x for x in (title, subtitle) if x)]
    about = []
    if s.get("organiser"):
        about.append(f"{w['organiser']}: {s['organiser']}")
    start, end = s.get("period") or (None, None)
    if start or end:
        about.append(f"{w['period']}: {start or '?'} {w['until']} {end or '?'}")
    if about:
        line = "; ".join(about)
        lines.append(line[:1].upper() + line[1:])
    lines.append("")
    lines.append(f"{w['themes']}:" if s["themes"] else w["no_themes"])
    for tid, th in s["themes"].items():
        host = f"; {w['host']}: {th['host']}" if th["host"] else ""
        if th["host_organisation"]:
            host += f" ({th['host_organisation']})" if host else f"; {w['host']}: {th['host_organisation']}"
        lines.append(f"  {th[name] or th['name_nl']}: {th['sessions']} {w['sessions']}, "
                     f"{th['participants']} {w['participants']}{host}")
    hosting = (w["hosting"].format(n=s["organisations_participating"], names=", ".join(s["organisations_hosting"]))
               if s.get("organisations_hosting") else "")
    lines.append(f"{w['by_sector']} ({s['organisations']}{hosting}):")
    for sector, n in s["organisations_by_sector"].items():
        lines.append(f"  {sectors.get(sector, sector):<34} {n}")
    lines.append(w["people"].format(**s["participants"]))
    kinds = (s.get("table_kinds_en") if en else None) or s.get("table_kinds")
    if kinds:
        lines.append(f"{w['per_kind']}: " + ", ".join(
            f"{kinds[k]} {n}" for k, n in s["sessions_per_kind"].items()))
    if s["commitments_by_stage"]:
        lines.append(f"{w['by_stage']} ({s['commitments']}):")
        for stage_id, n in s["commitments_by_stage"].items():
            st = s["stage_names"][stage_id]
            lines.append(f"  {st['number']}. {st[lang] or st['nl']:<58} {n}")
    else:
        lines.append(w["no_roadmap"].format(n=s["commitments"]))
    status = STATUS[lang]
    lines.append(f"{w['by_status']}: " + (", ".join(
        f"{status.get(k, w['no_update'])} {v}" for k, v in s["commitments_by_status"].items())
        or w["none"]))
    g = s["graph"]
    lines.append(w["graph"].format(**g))
    lines.append(f"  {w['nodes']}: " + ", ".join(f"{k} {v}" for k, v in g["nodes_by_kind"].items()))
    lines.append(f"  {w['edges']}: " + ", ".join(f"{k} {v}" for k, v in g["edges_by_kind"].items()))
    src = s["provenance"]["rows_by_source"]
    lines.append(f"{w['sources']}: " + ", ".join(f"{k} {v}" for k, v in src.items()))
    if s["provenance"]["illustrative"]:
        lines.append(w["illustrative"])
    return "\n".join(lines)
