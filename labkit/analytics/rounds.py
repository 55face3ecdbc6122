"""Change between the rounds of a programme: who came back, which ties lasted, what moved.

A programme may run its dialogues more than once: its ``rounds`` table names the
rounds and each session's ``round_id`` says which one it belongs to. A programme
without rounds is one round (``None``), so nothing here changes what the other
measures say about it.

Between each pair of consecutive rounds (and from the first to the last) this
module compares, for one theme or the whole programme:

* **who**: organisations and people retained (in both rounds), new (only in the
  later one) and gone (only in the earlier one), with their shares of the earlier
  round (retained, gone) or of the later one (new), per sector; the sectors that
  appeared or disappeared;
* **ties**: co-attendance ties (two organisations at one table in the round) and
  collaboration ties formed, kept and dissolved, the Jaccard stability
  :math:`|T_a \\cap T_b| / |T_a \\cup T_b|` of the two tie sets, and the cross-sector
  share of the new ties against that of the kept ones;
* **commitments**: raised in the round, carried over (raised earlier, neither
  completed nor dropped when the round began), completed and stalled by its end.

Each round on its own gets its counts, whole-system coverage (sectors present of
all the programme's sectors) and E-I index of co-attendance (Krackhardt and Stern
1988: (external - internal) / all ties, each tie once, as :func:`~labkit.analytics.ties.ei_index`
without weights).

Tie sets are sets of organisation-id pairs built from the attendance table with
pandas, once per round; see Snijders, van de Bunt and Steglich (2010),
"Introduction to stochastic actor-based models for network dynamics", *Social
Networks* 32(1), for the tie counts (formed, kept, dissolved) and the Jaccard
index as the standard descriptives of network change between waves.
"""

from __future__ import annotations

import heapq

import numpy as np
import pandas as pd

from ..data.schema import PLANNED

#: Betweenness is exact up to this many organisations in a round, above it estimated from
#: ``SAMPLE`` seeded sources (Brandes and Pich 2007), as ``benchmarks/analytics.py`` does.
EXACT_MAX, SAMPLE = 10_000, 100
#: Statuses after which a commitment is no longer carried over.
CLOSED = frozenset({"completed", "dropped"})


def rounds_in_order(programme) -> list[dict]:
    """The programme's rounds, in order (by start date, then as listed), each as
    ``{"id", "name_nl", "name_en", "start", "end"}`` (dates as ``YYYY-MM-DD``); ``[{"id": None, ...}]`` for a
    programme of one round (no rows in ``rounds``)."""
    r = programme.tables["rounds"]
    if r.empty:
        return [{"id": None, "name_nl": "", "name_en": "", "start": None, "end": None}]
    r = r.assign(_pos=range(len(r))).sort_values(["start", "_pos"], na_position="last")
    return [{"id": x.id, "name_nl": x.name_nl, "name_en": x.name_en,
             "start": None if pd.isna(x.start) else pd.Timestamp(x.start).date().isoformat(),
             "end": None if pd.isna(x.end) else pd.Timestamp(x.end).date().isoformat()} for x in r.itertuples()]


def round_change(programme, theme: str | None = None) -> dict:
    """Every round's figures and the change between consecutive rounds.

    Parameters
    ----------
    programme : Programme
    theme : str, optional
        One theme's sessions (default: the whole programme).

    Returns
    -------
    dict
        ``rounds``: the rounds in order (:func:`rounds_in_order`), each with its
        ``organisations``, ``people``, ``sectors`` (present), ``coverage``,
        ``coattendance_ties``, ``collaboration_ties``, ``ei_index`` and
        ``commitments_raised``; ``steps``: one entry per pair of consecutive rounds
        (``from``, ``to``, ``organisations``, ``people``, ``sectors``,
        ``coattendance``, ``collaboration``, ``commitments``); ``first_to_last``: the
        same from the first round to the last when there are more than two, else None;
        ``unassigned_sessions``: sessions without a round in a programme that has rounds;
        ``illustrative``: whether any row is illustrative or synthetic.
    """
    t = programme.tables
    rounds = rounds_in_order(programme)
    sessions = t["sessions"]
    if theme is not None:
        sessions = sessions[sessions["theme_id"] == theme]
    round_of = dict(zip(sessions["id"], sessions["round_id"]))
    named = rounds[0]["id"] is not None
    unassigned = [s for s, r in round_of.items() if named and not isinstance(r, str)]
    if not named:
        round_of = {s: None for s in round_of}
    orgs = dict(zip(t["organisations"]["id"], t["organisations"]["sector"]))
    person_org = dict(zip(t["participants"]["id"], t["participants"]["organisation_id"]))
    att = t["attendance"][t["attendance"]["session_id"].isin(round_of)
                          & (t["attendance"]["source"] != PLANNED)]  # a seating plan is not attendance
    att = att.assign(org=att["participant_id"].map(person_org))
    all_sectors = list(t["sectors"].sort_values("order")["id"])
    # ties as sorted integer keys (lo * n + hi over the organisations table): set algebra in numpy
    codes = Codes(t["organisations"]["id"], orgs)
    per = {}
    for r in rounds:
        rid = r["id"]
        a = att[att["session_id"].isin([s for s, x in round_of.items() if x == rid])]
        people = set(a["participant_id"].to_numpy(dtype=object).tolist())
        org_ids = {o for o in a["org"].to_numpy(dtype=object).tolist() if isinstance(o, str)}
        co = codes.ties(_coattendance(a))
        col = codes.ties(_collaboration(t["collaborations"], round_of, rid))
        present = sorted({orgs[o] for o in org_ids if o in orgs}, key=all_sectors.index)
        per[rid] = {"people": people, "orgs": org_ids, "co": co, "col": col, "sectors": present}
        r.update({"organisations": len(org_ids), "people": len(people), "sectors": present,
                  "coverage": len(present) / len(all_sectors) if all_sectors else None,
                  "coattendance_ties": len(co), "collaboration_ties": len(col),
                  "ei_index": _ei(co, codes),
                  "commitments_raised": sorted(_raised(t["commitments"], round_of, rid))})
    steps = [_step(a, b, per, orgs, codes, t, rounds) for a, b in zip(rounds, rounds[1:])]
    first_last = _step(rounds[0], rounds[-1], per, orgs, codes, t, rounds) if len(rounds) > 2 else None
    return {"rounds": rounds, "steps": steps, "first_to_last": first_last, "unassigned_sessions": unassigned,
            "illustrative": bool(programme.is_illustrative)}


def _coattendance(a: pd.DataFrame) -> tuple:
    """Pairs of organisations (first id below second) with people at one session: two arrays."""
    pairs = a[a["org"].notna()][["session_id", "org"]].drop_duplicates()
    m = pairs.merge(pairs, on="session_id")
    m = m[m["org_x"] < m["org_y"]]
    return m["org_x"].to_numpy(dtype=object), m["org_y"].to_numpy(dtype=object)


class Codes:
    """Organisations as integers, so tie sets are sorted int64 arrays (unique keys lo * n + hi)."""

    def __init__(self, ids, sector: dict):
        self.index = pd.Index(ids)
        self.n = max(len(self.index), 1)
        self.sector = pd.factorize(pd.Series([sector.get(i) for i in self.index], dtype=object))[0]

    def ties(self, pairs) -> np.ndarray:
        a, b = (self.index.get_indexer(pd.Index(x, dtype=object)) if len(x) else np.zeros(0, np.int64)
                for x in pairs)
        keep = (a >= 0) & (b >= 0)  # an organisation missing from its table is no tie to count
        a, b = a[keep], b[keep]
        return np.unique(np.minimum(a, b).astype(np.int64) * self.n + np.maximum(a, b))

    def cross(self, keys: np.ndarray) -> np.ndarray:
        return self.sector[keys // self.n] != self.sector[keys % self.n]

def _collaboration(col: pd.DataFrame, round_of: dict, rid) -> tuple:
    """Collaboration ties raised at a session of the round, either direction, no self-ties."""
    c = col[col["session_id"].isin([s for s, r in round_of.items() if r == rid])]
    c = c[c["from_organisation_id"] != c["to_organisation_id"]]
    return c["from_organisation_id"].to_numpy(dtype=object), c["to_organisation_id"].to_numpy(dtype=object)


def _ei(ties: np.ndarray, codes: "Codes") -> float | None:
    if not len(ties):
        return None
    external = int(codes.cross(ties).sum())
    return (2 * external - len(ties)) / len(ties)


def _raised(commitments: pd.DataFrame, round_of: dict, rid) -> set[str]:
    return {c for c, s in zip(commitments["id"], commitments["session_id"])
            if isinstance(s, str) and s in round_of and round_of[s] == rid}


def _who(before: set, after: set, sector_of=None) -> dict:
    retained, new, gone = before & after, after - before, before - after
    out = {"retained": len(retained), "new": len(new), "gone": len(gone),
           "retained_share": len(retained) / len(before) if before else None,
           "gone_share": len(gone) / len(before) if before else None,
           "new_share": len(new) / len(after) if after else None,
           "retained_ids": sorted(retained), "new_ids": sorted(new), "gone_ids": sorted(gone)}
    if sector_of is not None:
        by = {}
        for kind, ids in (("retained", retained), ("new", new), ("gone", gone)):
            for i in ids:
                s = sector_of.get(i)
                by.setdefault(s, {"retained": 0, "new": 0, "gone": 0})[kind] += 1
        out["by_sector"] = by
    return out


def _ties(before: np.ndarray, after: np.ndarray, codes: "Codes") -> dict:
    formed = np.setdiff1d(after, before, assume_unique=True)
    kept = np.intersect1d(before, after, assume_unique=True)
    dissolved = len(before) - len(kept)
    union = len(before) + len(formed)

    def cross(ties):
        return float(codes.cross(ties).mean()) if len(ties) else None
    return {"formed": len(formed), "kept": len(kept), "dissolved": dissolved,
            "jaccard": len(kept) / union if union else None,
            "cross_sector_share_formed": cross(formed), "cross_sector_share_kept": cross(kept)}


def _status_at(updates: pd.DataFrame, day) -> dict:
    """Each commitment's status on ``day`` (its latest update on or before it)."""
    if day is None:
        return {}
    u = updates[updates["date"] <= pd.Timestamp(day)].sort_values(["commitment_id", "date"])
    return u.groupby("commitment_id")["status"].last().to_dict()


def _end_of(r: dict, sessions: pd.DataFrame):
    """A round's last day: its ``end``, else the end of the month of its last session."""
    if r["end"] is not None:
        return pd.Timestamp(r["end"]).date()
    months = sessions[sessions["round_id"] == r["id"]]["month"] if r["id"] is not None else sessions["month"]
    if months.empty:
        return None
    return (pd.Period(max(months), "M").end_time).date()


def _step(a: dict, b: dict, per: dict, orgs: dict, codes: "Codes", t, rounds: list) -> dict:
    pa, pb = per[a["id"]], per[b["id"]]
    sessions = t["sessions"]
    raised_before, previous = set(), a
    for r in rounds:
        if r is b:
            break
        raised_before |= set(r["commitments_raised"])
        previous = r
    # carried over: open when the round before ``b`` ended; completed: since ``a`` ended
    open_status = _status_at(t["commitment_updates"], _end_of(previous, sessions))
    start_status = _status_at(t["commitment_updates"], _end_of(a, sessions))
    end_status = _status_at(t["commitment_updates"], _end_of(b, sessions))
    carried = sorted(c for c in raised_before if open_status.get(c) not in CLOSED)
    in_play = raised_before | set(b["commitments_raised"])
    return {
        "from": a["id"], "to": b["id"],
        "organisations": _who(pa["orgs"], pb["orgs"], orgs),
        "people": _who(pa["people"], pb["people"]),
        "sectors": {"appeared": [s for s in pb["sectors"] if s not in pa["sectors"]],
                    "disappeared": [s for s in pa["sectors"] if s not in pb["sectors"]]},
        "coattendance": _ties(pa["co"], pb["co"], codes),
        "collaboration": _ties(pa["col"], pb["col"], codes),
        "commitments": {
            "new": len(b["commitments_raised"]),
            "carried_over": len(carried),
            "completed": sorted(c for c in in_play if end_status.get(c) == "completed"
                                and start_status.get(c) != "completed"),
            "stalled": sorted(c for c in in_play if end_status.get(c) == "stalled"),
        },
    }


def round_positions(programme, theme: str | None = None, *, top: int = 10, seed: int = 0,
                    change: dict | None = None) -> list[dict]:
    """Positions that lasted between consecutive rounds: brokers and communities.

    For each pair of consecutive rounds:

    * ``betweenness``: the ``top`` organisations by betweenness in the co-attendance
      network of each round (:func:`~labkit.analytics.brokers.betweenness`, exact up to
      :data:`EXACT_MAX` organisations, sampled above), and
      those in both (``stayed``, ``overlap`` = their share of ``top``);
    * ``brokerage``: the same for Gould and Fernandez's total brokerage on the round's
      collaboration ties (:func:`~labkit.analytics.brokers.brokerage_roles`), where the
      round has any (else None);
    * ``communities``: the round's Leiden communities
      (:func:`~labkit.analytics.clusters.communities`, seeded) each matched to the
      community of the round before it overlaps most (best-overlap matching: highest
      Jaccard of the two member sets), largest first, with ``jaccard``, ``size`` and
      ``size_before`` (0 for a community that shares no member with any before it);
      ``mean_jaccard`` weighs the matches by size.

    Apart from :func:`round_change` because betweenness costs more than the rest at
    tens of thousands of organisations; give ``change`` (its result for the same programme
    and theme) when you have it, so it is not worked out twice.
    """
    import networkx as nx

    from .brokers import betweenness, brokerage_roles
    from .clusters import communities
    from ..network.graph import organisation_coattendance
    change = change if change is not None else round_change(programme, theme)
    t = programme.tables
    sector = dict(zip(t["organisations"]["id"], t["organisations"]["sector"]))
    name = dict(zip(t["organisations"]["id"], t["organisations"]["name"]))
    sessions = t["sessions"] if theme is None else t["sessions"][t["sessions"]["theme_id"] == theme]
    round_of = dict(zip(sessions["id"], sessions["round_id"])) if change["rounds"][0]["id"] is not None \
        else {s: None for s in sessions["id"]}
    def graphs(rid):
        ids = {s for s, x in round_of.items() if x == rid}
        # the library's own projection (sparse product, arrays cached for the measures);
        # its nodes are "org:<id>", read back as ids below
        H = organisation_coattendance(programme, theme=theme, sessions=ids) if ids else nx.Graph()
        D = nx.DiGraph()
        c = t["collaborations"][t["collaborations"]["session_id"].isin(ids)]
        D.add_edges_from((f, to) for f, to in zip(c["from_organisation_id"], c["to_organisation_id"]) if f != to)
        nx.set_node_attributes(D, {n: sector.get(n) for n in D}, "sector")
        return H, D

    def leaders(scores: dict) -> list:  # the prefix "org:" does not change the order
        best = heapq.nsmallest(top, scores.items(), key=lambda x: (-x[1], x[0]))
        return [_bare(n) for n, v in best if v > 0]

    def measures(rid):  # once per round: each round is "after" of one step and "before" of the next
        H, D = graphs(rid)
        return {"betweenness": leaders(betweenness(H, k=None if len(H) <= EXACT_MAX else SAMPLE, seed=seed))
                if len(H) else [],
                "brokerage": leaders(brokerage_roles(D)["total"].to_dict()) if D.number_of_edges() else None,
                "communities": sorted(({_bare(n) for n in c} for c in communities(H, seed=seed, weight=None)),
                                      key=min) if H.number_of_edges() else []}

    per = {r["id"]: measures(r["id"]) for r in change["rounds"]}
    out = []
    for a, b in zip(change["rounds"], change["rounds"][1:]):
        ma, mb = per[a["id"]], per[b["id"]]
        ta, tb = ma["betweenness"], mb["betweenness"]
        step = {"from": a["id"], "to": b["id"],
                "betweenness": {"before": ta, "after": tb, "stayed": sorted(set(ta) & set(tb)),
                                "stayed_names": [name.get(o, o) for o in sorted(set(ta) & set(tb))],
                                "overlap": len(set(ta) & set(tb)) / top}}
        if ma["brokerage"] is not None and mb["brokerage"] is not None:
            ga, gb = ma["brokerage"], mb["brokerage"]
            step["brokerage"] = {"before": ga, "after": gb, "stayed": sorted(set(ga) & set(gb)),
                                 "overlap": len(set(ga) & set(gb)) / top}
        else:
            step["brokerage"] = None
        step["communities"] = _match_communities(ma["communities"], mb["communities"])
        out.append(step)
    return out


def _bare(node: str) -> str:
    """An organisation's id from its node in the projection (``org:<id>``); the collaboration
    graph's nodes are ids already."""
    return node[4:] if isinstance(node, str) and node.startswith("org:") else node


def _match_communities(before: list, after: list) -> dict:
    """Each community of ``after``, largest first, matched to the one of ``before`` (ordered by
    smallest member) it overlaps most by Jaccard; of equal overlaps the first, so the same data
    give the same match. Only communities sharing a member can overlap, so only those are
    compared (an index of members, not every pair of communities)."""
    where = {n: i for i, p in enumerate(before) for n in p}
    matches = []
    for c in sorted(after, key=lambda c: (-len(c), min(c))):
        shared: dict[int, int] = {}
        for n in c:
            i = where.get(n)
            if i is not None:
                shared[i] = shared.get(i, 0) + 1
        if shared:
            i = max(sorted(shared), key=lambda i: shared[i] / (len(c) + len(before[i]) - shared[i]))
            best, common = before[i], shared[i]
        else:  # no member in common: no match
            best, common = set(), 0
        matches.append({"size": len(c), "size_before": len(best),
                        "jaccard": common / (len(c) + len(best) - common) if best else 0.0})
    total = sum(m["size"] for m in matches)
    return {"matches": matches,
            "mean_jaccard": sum(m["jaccard"] * m["size"] for m in matches) / total if total else None}


def format_round_change(change: dict, lang: str = "nl") -> str:
    """:func:`round_change` as text for a terminal."""
    w = _WORDS[lang]
    rounds = change["rounds"]
    if rounds[0]["id"] is None:
        return w["one"]
    name = "name_en" if lang == "en" else "name_nl"
    label = {r["id"]: r[name] or r["name_nl"] or r["id"] for r in rounds}
    lines = [w["rounds"]]
    for r in rounds:
        ei = "–" if r["ei_index"] is None else _num(r["ei_index"], lang)
        lines.append(f"  {label[r['id']]}: " + w["round"].format(
            orgs=r["organisations"], people=r["people"], sectors=len(r["sectors"]),
            cov=round(100 * (r["coverage"] or 0)), ties=r["coattendance_ties"], ei=ei,
            raised=len(r["commitments_raised"])))
    steps = list(change["steps"]) + ([change["first_to_last"]] if change["first_to_last"] else [])
    positions = {(x["from"], x["to"]): x for x in change.get("positions") or []}
    for s in steps:
        o, co, cm = s["organisations"], s["coattendance"], s["commitments"]
        lines.append(f"{label[s['from']]} → {label[s['to']]}:")
        lines.append("  " + w["who"].format(ret=o["retained"], new=o["new"], gone=o["gone"],
                                            share=_pct(o["retained_share"])))
        if s["sectors"]["appeared"] or s["sectors"]["disappeared"]:
            lines.append("  " + w["sectors"].format(up=", ".join(s["sectors"]["appeared"]) or "–",
                                                    down=", ".join(s["sectors"]["disappeared"]) or "–"))
        lines.append("  " + w["ties"].format(formed=co["formed"], kept=co["kept"], gone=co["dissolved"],
                                             j="–" if co["jaccard"] is None else _num(co["jaccard"], lang),
                                             cf=_pct(co["cross_sector_share_formed"]),
                                             ck=_pct(co["cross_sector_share_kept"])))
        lines.append("  " + w["commitments"].format(new=cm["new"], carried=cm["carried_over"],
                                                    done=len(cm["completed"]), stalled=len(cm["stalled"])))
        pos = positions.get((s["from"], s["to"]))
        if pos:
            b = pos["betweenness"]
            mj = pos["communities"]["mean_jaccard"]
            lines.append("  " + w["positions"].format(
                n=len(b["stayed"]), top=len(b["before"]), names=", ".join(b["stayed_names"]) or "–",
                j="–" if mj is None else _num(mj, lang)))
    if change["unassigned_sessions"]:
        lines.append(w["unassigned"].format(n=len(change["unassigned_sessions"])))
    if change.get("illustrative"):
        lines.append(w["illustrative"])
    return "\n".join(lines)


def _num(x: float, lang: str) -> str:
    text = f"{x:.2f}".replace("-", "−")
    return text.replace(".", ",") if lang == "nl" else text


def _pct(x) -> str:
    return "–" if x is None else f"{round(100 * x)}%"


_WORDS = {
    "nl": {"one": "Eén ronde: het programma heeft (nog) geen rondes om te vergelijken.",
           "rounds": "Rondes:",
           "round": "{orgs} organisaties, {people} deelnemers, {sectors} sectoren ({cov}% van alle), "
                    "{ties} verbindingen aan tafel, E-I {ei}, {raised} toezeggingen ingebracht",
           "who": "organisaties: {ret} kwamen terug ({share}), {new} nieuw, {gone} niet meer",
           "sectors": "sectoren erbij: {up}; weg: {down}",
           "ties": "verbindingen aan tafel: {formed} nieuw, {kept} gebleven, {gone} verdwenen "
                   "(Jaccard {j}); tussen sectoren: nieuw {cf}, gebleven {ck}",
           "commitments": "toezeggingen: {new} nieuw, {carried} meegenomen, {done} afgerond, {stalled} vastgelopen",
           "unassigned": "{n} sessies horen bij geen ronde en tellen niet mee.",
           "positions": "makelaars (hoogste betweenness) die het bleven: {n} van {top} ({names}); "
                        "gemeenschappen terug te vinden met gemiddelde Jaccard {j}",
           "illustrative": "LET OP: deze gegevens bevatten illustratieve of synthetische rijen: geen feiten."},
    "en": {"one": "One round: the programme has no rounds to compare (yet).",
           "rounds": "Rounds:",
           "round": "{orgs} organisations, {people} participants, {sectors} sectors ({cov}% of all), "
                    "{ties} ties at the table, E-I {ei}, {raised} commitments raised",
           "who": "organisations: {ret} came back ({share}), {new} new, {gone} gone",
           "sectors": "sectors appeared: {up}; disappeared: {down}",
           "ties": "ties at the table: {formed} formed, {kept} kept, {gone} dissolved "
                   "(Jaccard {j}); across sectors: formed {cf}, kept {ck}",
           "commitments": "commitments: {new} new, {carried} carried over, {done} completed, {stalled} stalled",
           "unassigned": "{n} sessions belong to no round and are not counted.",
           "positions": "brokers (highest betweenness) who stayed brokers: {n} of {top} ({names}); "
                        "communities found again with mean Jaccard {j}",
           "illustrative": "NOTE: this data holds illustrative or synthetic rows: not facts."},
}
