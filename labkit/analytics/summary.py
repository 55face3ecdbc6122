"""A short account of a programme: what ``labkit summary`` and ``make demo`` print."""

from __future__ import annotations

from collections import Counter

from ..data import schema


def summarize(programme) -> dict:
    """Counts that describe ``programme``, as plain JSON-ready Python.

    Keys: ``title``, ``subtitle``, ``organiser``, ``period`` (the programme's own
    words, Dutch), ``themes`` (id -> name, host, sessions, participants),
    ``organisations_by_sector``, ``participants`` (total, named,
    pseudonymous), ``sessions_per_theme``, ``commitments_by_stage``,
    ``commitments_by_status``, ``graph`` (nodes and edges by kind) and
    ``provenance`` (rows per source, and whether any row is illustrative).
    """
    t = programme.tables
    sessions = t["sessions"]
    att = t["attendance"].merge(sessions[["id", "theme_id"]], left_on="session_id", right_on="id")
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
    node_kinds = Counter(k for _, k in G.nodes(data="kind"))
    edge_kinds = Counter(k for _, _, k in G.edges(keys=True))
    sources = Counter()
    for name in schema.RESOURCE_NAMES:
        df = t[name]
        if "source" in df.columns:
            sources.update(s.split(":")[0] for s in df["source"])
    words = programme.words("nl")
    kinds = t["table_kinds"].sort_values(["order", "id"])
    return {
        "title": words["title"],
        "subtitle": words["subtitle"],
        "organiser": words["organiser"],
        "period": [words["period_start"] or None, words["period_end"] or None],
        "themes": themes,
        "table_kinds": dict(zip(kinds["id"], kinds["name_nl"])),
        "sessions_per_kind": {k: int((sessions["kind"] == k).sum()) for k in kinds["id"]},
        "organisations": len(t["organisations"]),
        "organisations_by_sector": {s: by_sector.get(s, 0) for s in sector_order},
        "sector_names": dict(zip(t["sectors"]["id"], t["sectors"]["name_nl"])),
        "participants": {
            "total": len(t["participants"]),
            "named": int(t["participants"]["consent_named"].sum()),
            "pseudonymous": int((~t["participants"]["consent_named"].astype(bool)).sum()),
        },
        "sessions_per_theme": {k: v["sessions"] for k, v in themes.items()},
        "commitments": len(t["commitments"]),
        "commitments_by_stage": {s: by_stage.get(s, 0)
                                 for s in t["roadmap_stages"].sort_values("number")["id"]},
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


def format_summary(s: dict) -> str:
    """``summarize``'s result as text for a terminal."""
    lines = [" · ".join(x for x in (s["title"] or "labkit programme", s.get("subtitle")) if x)]
    about = []
    if s.get("organiser"):
        about.append(f"organisatie: {s['organiser']}")
    start, end = s.get("period") or (None, None)
    if start or end:
        about.append(f"looptijd: {start or '?'} tot en met {end or '?'}")
    if about:
        line = "; ".join(about)
        lines.append(line[:1].upper() + line[1:])
    lines.append("")
    lines.append("Thema's:" if s["themes"] else "Thema's: nog geen")
    for tid, th in s["themes"].items():
        host = f"; host: {th['host']}" if th["host"] else ""
        if th["host_organisation"]:
            host += f" ({th['host_organisation']})"
        lines.append(f"  {tid:<26} {th['sessions']} sessies, {th['participants']} deelnemers{host}")
    lines.append(f"Organisaties per sector ({s['organisations']}):")
    for sector, n in s["organisations_by_sector"].items():
        lines.append(f"  {s['sector_names'].get(sector, sector):<34} {n}")
    p = s["participants"]
    lines.append(f"Deelnemers: {p['total']} ({p['named']} met naam, {p['pseudonymous']} onder pseudoniem)")
    if s.get("table_kinds"):
        lines.append("Sessies per soort tafel: " + ", ".join(
            f"{s['table_kinds'][k]} {n}" for k, n in s["sessions_per_kind"].items()))
    if s["commitments_by_stage"]:
        lines.append(f"Toezeggingen per fase van de routekaart ({s['commitments']}):")
        for stage_id, n in s["commitments_by_stage"].items():
            lines.append(f"  {stage_id:<26} {n}")
    else:
        lines.append(f"Toezeggingen: {s['commitments']} (het programma heeft geen routekaart met fasen)")
    if s["commitments_by_status"]:
        lines.append("Toezeggingen per status: " + ", ".join(
            f"{k} {v}" for k, v in s["commitments_by_status"].items()))
    g = s["graph"]
    lines.append(f"Graaf: {g['nodes']} knopen, {g['edges']} verbindingen")
    lines.append("  knopen: " + ", ".join(f"{k} {v}" for k, v in g["nodes_by_kind"].items()))
    lines.append("  verbindingen: " + ", ".join(f"{k} {v}" for k, v in g["edges_by_kind"].items()))
    src = s["provenance"]["rows_by_source"]
    lines.append("Herkomst van de rijen: " + ", ".join(f"{k} {v}" for k, v in src.items()))
    if s["provenance"]["illustrative"]:
        lines.append("LET OP: deze gegevens bevatten illustratieve rijen (aanwezigheid per tafel, "
                     "uitnodigingen, samenwerkingen, eigenaars en voortgang): geen feiten uit het verslag.")
    return "\n".join(lines)
