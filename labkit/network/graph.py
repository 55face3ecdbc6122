"""The programme as a typed NetworkX graph, and the projections analytics need.

The graph's ``table_kinds`` attribute lists the kinds of table in the
programme's order (ids of ``table_kinds``), and ``illustrative`` says whether
any row is illustrative or synthetic.

Nodes
-----
Every node has ``kind``, ``label`` and ``source`` (see :mod:`labkit.data.schema`).

==================  ===================  ============================================
kind                id                   other attributes
==================  ===================  ============================================
``organisation``    ``org:<id>``         ``name``, ``sector``
``participant``     ``person:<id>``      ``named`` (may be named), ``organisation``
``session``         ``session:<id>``     ``theme``, ``table`` (kind of table), ``track``,
                                         ``order``, ``month``
``theme``           ``theme:<id>``       ``name_nl``, ``name_en``
``commitment``      ``commitment:<id>``  ``theme``, ``commitment_kind``, ``stage``,
                                         ``horizon``, ``status``, ``progress``,
                                         ``last_update``
``roadmap_stage``   ``stage:<id>``       ``number``
``sdg``             ``sdg:<n>``          ``number``, ``colour``
``welfare_dimension`` ``dimension:<id>``
==================  ===================  ============================================

A participant's ``label`` is their name only when they may be named (a public
source names them or they consented: ``consent_named``); otherwise it is a pseudonym.

Edges
-----
A :class:`networkx.MultiDiGraph` whose edge keys are the edge kinds, so two
nodes have at most one edge of each kind. Every edge has ``kind`` and
``source``.

===================  ==============================  =================================
kind                 from -> to                      attributes
===================  ==============================  =================================
``member_of``        participant -> organisation
``attended``         participant -> session          ``role``
``invited``          participant -> participant      ``theme``, ``session`` (first session
                                                     of the invitee), ``channel``
``collaborates_with`` organisation -> organisation   ``weight`` (number of ties),
                                                     ``ties`` (collaboration ids),
                                                     ``tie_kinds``, ``sessions``
``hosts``            participant|organisation ->
                     theme
``part_of``          session|commitment -> theme
``raised_at``        commitment -> session
``committed_to``     organisation -> commitment      ``role`` (lead, partner)
``in_stage``         commitment -> roadmap_stage
``contributes_to``   commitment -> sdg|welfare_dimension
===================  ==============================  =================================

An edge's ``source`` is ``illustrative`` when any row behind it is.
"""

from __future__ import annotations

import contextlib
import gc
import itertools

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..data import schema

NODE_KINDS = ("organisation", "participant", "session", "theme", "commitment",
              "roadmap_stage", "sdg", "welfare_dimension")
# Key in a projection's ``__networkx_cache__``: its ties as arrays, which
# labkit.analytics reads instead of the dicts. NetworkX empties the cache on any
# structural change; after editing edge attributes in place, call
# labkit.analytics.clear_cache(H).
ARRAYS = "labkit.arrays"
EDGE_KINDS = ("member_of", "attended", "invited", "collaborates_with", "hosts", "part_of",
              "raised_at", "committed_to", "in_stage", "contributes_to")


def org(i) -> str:
    return f"org:{i}"


def person(i) -> str:
    return f"person:{i}"


def session(i) -> str:
    return f"session:{i}"


def theme(i) -> str:
    return f"theme:{i}"


def commitment(i) -> str:
    return f"commitment:{i}"


def stage(i) -> str:
    return f"stage:{i}"


def sdg(n) -> str:
    return f"sdg:{int(n)}"


def dimension(i) -> str:
    return f"dimension:{i}"


def _v(x):
    """A plain Python value: NA becomes None, numpy scalars become Python ones."""
    if x is None or x is pd.NA or x is pd.NaT or (isinstance(x, float) and x != x):
        return None
    if isinstance(x, np.generic):
        return x.item()
    return x


def participant_label(pid: str, name, consent) -> str:
    """A participant's public label: the name only when they may be named, else a pseudonym."""
    if bool(consent) and isinstance(name, str) and name:
        return name
    from ..data.privacy import pseudonym
    return pseudonym(pid)


def current_status(updates: pd.DataFrame) -> pd.DataFrame:
    """The latest update per commitment: columns status, progress, last_update."""
    if updates.empty:
        return pd.DataFrame(columns=["status", "progress", "last_update"])
    last = updates.sort_values(["commitment_id", "date"]).groupby("commitment_id").tail(1)
    return last.set_index("commitment_id").rename(columns={"date": "last_update"})[
        ["status", "progress", "last_update"]]


def build_graph(programme) -> nx.MultiDiGraph:
    """Build the typed graph of ``programme`` (see the module docstring)."""
    t = programme.tables
    G = nx.MultiDiGraph()
    G.graph["illustrative"] = programme.is_illustrative
    # the kinds of table in the programme's order: sessions carry a kind's id in ``table``
    G.graph["table_kinds"] = t["table_kinds"].sort_values(["order", "id"])["id"].tolist()

    for r in t["themes"].itertuples(index=False):
        G.add_node(theme(r.id), kind="theme", label=r.name_nl, name_nl=r.name_nl,
                   name_en=r.name_en, source=r.source)
    for r in t["organisations"].itertuples(index=False):
        G.add_node(org(r.id), kind="organisation", label=r.name, name=r.name,
                   sector=r.sector, source=r.source)
    for r in t["participants"].itertuples(index=False):
        G.add_node(person(r.id), kind="participant",
                   label=participant_label(r.id, _v(r.name), r.consent_named),
                   named=bool(r.consent_named), organisation=_v(r.organisation_id),
                   role=r.role, source=r.source)
        if _v(r.organisation_id) is not None:
            G.add_edge(person(r.id), org(r.organisation_id), key="member_of",
                       kind="member_of", source=r.source)
    for r in t["sessions"].itertuples(index=False):
        G.add_node(session(r.id), kind="session", label=r.title_nl, theme=r.theme_id,
                   table=r.kind, track=_v(r.track), order=int(r.order), month=r.month,
                   source=r.source)
        G.add_edge(session(r.id), theme(r.theme_id), key="part_of", kind="part_of",
                   source=r.source)
    for r in t["themes"].itertuples(index=False):
        if _v(r.host_participant_id):
            G.add_edge(person(r.host_participant_id), theme(r.id), key="hosts", kind="hosts",
                       source=r.source)
        if _v(r.host_organisation_id):
            G.add_edge(org(r.host_organisation_id), theme(r.id), key="hosts", kind="hosts",
                       source=r.source)
    for r in t["attendance"].itertuples(index=False):
        if r.source == schema.PLANNED:  # a seating plan, not attendance
            continue
        G.add_edge(person(r.participant_id), session(r.session_id), key="attended",
                   kind="attended", role=r.role, source=r.source)
    theme_host = {r.id: _v(r.host_participant_id) for r in t["themes"].itertuples(index=False)}
    for r in t["invitations"].itertuples(index=False):
        inviter = _v(r.invited_by) if r.channel == "participant" else (
            theme_host.get(r.theme_id) if r.channel == "host" else None)
        if inviter is not None and inviter != r.participant_id:
            G.add_edge(person(inviter), person(r.participant_id), key="invited", kind="invited",
                       theme=r.theme_id, session=r.first_session_id, channel=r.channel,
                       source=r.source)
    for r in t["collaborations"].itertuples(index=False):
        u, v = org(r.from_organisation_id), org(r.to_organisation_id)
        if G.has_edge(u, v, key="collaborates_with"):
            d = G.edges[u, v, "collaborates_with"]
            d["weight"] += 1
            d["ties"].append(r.id)
            d["tie_kinds"].append(r.kind)
            d["sessions"].append(r.session_id)
            if r.source != d["source"]:
                d["source"] = "illustrative" if "illustrative" in (r.source, d["source"]) else r.source
        else:
            G.add_edge(u, v, key="collaborates_with", kind="collaborates_with", weight=1,
                       ties=[r.id], tie_kinds=[r.kind], sessions=[r.session_id], source=r.source)
    for r in t["roadmap_stages"].itertuples(index=False):
        G.add_node(stage(r.id), kind="roadmap_stage", label=r.name_nl, number=int(r.number),
                   source=r.source)
    for r in t["sdgs"].itertuples(index=False):
        G.add_node(sdg(r.number), kind="sdg", label=r.name_nl, number=int(r.number),
                   colour=r.colour, source=r.source)
    for r in t["welfare_dimensions"].itertuples(index=False):
        G.add_node(dimension(r.id), kind="welfare_dimension", label=r.name_nl, source=r.source)
    status = current_status(t["commitment_updates"])
    for r in t["commitments"].itertuples(index=False):
        s = status.loc[r.id] if r.id in status.index else None
        G.add_node(commitment(r.id), kind="commitment", label=r.title_nl, theme=r.theme_id,
                   commitment_kind=r.kind, stage=_v(r.stage_id), horizon=_v(r.horizon),
                   status=None if s is None else s["status"],
                   progress=None if s is None else int(s["progress"]),
                   last_update=None if s is None else s["last_update"].date(),
                   source=r.source)
        G.add_edge(commitment(r.id), theme(r.theme_id), key="part_of", kind="part_of",
                   source=r.source)
        if _v(r.stage_id) is not None:  # a programme without a roadmap has commitments without stage
            G.add_edge(commitment(r.id), stage(r.stage_id), key="in_stage", kind="in_stage",
                       source=r.source)
        if _v(r.session_id):
            G.add_edge(commitment(r.id), session(r.session_id), key="raised_at", kind="raised_at",
                       source=r.source)
    for r in t["commitment_owners"].itertuples(index=False):
        G.add_edge(org(r.organisation_id), commitment(r.commitment_id), key="committed_to",
                   kind="committed_to", role=r.role, source=r.source)
    for r in t["commitment_sdgs"].itertuples(index=False):
        G.add_edge(commitment(r.commitment_id), sdg(r.sdg), key="contributes_to",
                   kind="contributes_to", source=r.source)
    for r in t["commitment_dimensions"].itertuples(index=False):
        G.add_edge(commitment(r.commitment_id), dimension(r.dimension), key="contributes_to",
                   kind="contributes_to", source=r.source)
    _add_rounds(G, t)
    return G


def _add_rounds(G, t) -> None:
    """Rounds as time, for a programme with rounds: a session carries its ``round`` and the
    round's dates (``start``, ``end``), so does each attendance edge, and a participant or
    organisation spans the rounds it took part in. GEXF writes ``start`` and ``end`` as the
    intervals Gephi's timeline plays; a programme of one round gets none of this."""
    if t["rounds"].empty:
        return
    dates = {r.id: (_day(r.start), _day(r.end)) for r in t["rounds"].itertuples(index=False)}
    span: dict = {}

    def widen(n, start, end):
        s0, e0 = span.get(n, (None, None))
        span[n] = (min(x for x in (s0, start) if x) if (s0 or start) else None,
                   max(x for x in (e0, end) if x) if (e0 or end) else None)

    for r in t["sessions"].itertuples(index=False):
        rid = _v(r.round_id)
        if rid is None:
            continue
        start, end = dates.get(rid, (None, None))
        G.nodes[session(r.id)].update({"round": rid, **_interval(start, end)})
    for u, v, k, d in G.edges(keys=True, data=True):
        if k != "attended" or "round" not in G.nodes[v]:
            continue
        start, end = G.nodes[v].get("start"), G.nodes[v].get("end")
        d.update(_interval(start, end))
        widen(u, start, end)
        if G.nodes[u].get("organisation"):
            widen(org(G.nodes[u]["organisation"]), start, end)
    for n, (start, end) in span.items():
        G.nodes[n].update(_interval(start, end))


def _day(value):
    return None if pd.isna(value) else pd.Timestamp(value).date()


def _interval(start, end) -> dict:
    return {k: v for k, v in (("start", start), ("end", end)) if v is not None}


def nodes_of_kind(G, kind: str) -> list:
    """The nodes of ``G`` whose ``kind`` is ``kind``, in insertion order."""
    return [n for n, k in G.nodes(data="kind") if k == kind]


def _scope_sessions(G, theme_id=None, sessions=None) -> list:
    out = []
    for n in nodes_of_kind(G, "session"):
        if theme_id is not None and G.nodes[n]["theme"] != theme_id:
            continue
        if sessions is not None and n not in sessions and n.split(":", 1)[1] not in sessions:
            continue
        out.append(n)
    return out


def _org_attrs(G, o) -> dict:
    d = G.nodes[o]
    return {"name": d["name"], "sector": d["sector"], "label": d["label"], "source": d["source"]}


def fill(H, nodes, edges) -> None:
    """Add new nodes ``(n, attrs)`` and then new edges ``(u, v, attrs)`` to an empty simple graph.

    The same graph as ``add_nodes_from`` then ``add_edges_from`` (same order,
    each attrs dict used as given, so pass fresh ones), for rows that are
    already unique and checked: those methods test and copy every item,
    which took half of a 50,000-organisation projection's time.
    """
    if H.is_multigraph() or len(H):
        raise ValueError("fill() builds an empty simple graph")
    with collector_paused():
        _fill(H, nodes, edges)


@contextlib.contextmanager
def collector_paused():
    """Hold off Python's cyclic garbage collector while a large graph is built.

    A 50,000-organisation projection makes some 300,000 attribute dicts; they
    would set off hundreds of collections, among them full ones that walk
    every object alive (a quarter of the projection's time). Nothing is lost:
    the new objects are looked at as usual afterwards.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _fill(H, nodes, edges) -> None:
    node, adj = H._node, H._adj
    pred = H._pred if H.is_directed() else None
    for n, d in nodes:
        node[n] = d
        adj[n] = {}
        if pred is not None:
            pred[n] = {}
    back = adj if pred is None else pred
    try:
        for u, v, d in edges:
            back[v][u] = d  # the graph is unusable after a KeyError: callers pass known nodes
            adj[u][v] = d
    except KeyError as e:
        raise KeyError(f"edge ({u!r}, {v!r}) ends outside the nodes given") from e
    H.__networkx_cache__.clear()  # as NetworkX does after a structural change


def _is_programme(x) -> bool:
    from ..data.model import Programme
    return isinstance(x, Programme)


def _table_org_attrs(programme, ids) -> list:
    """Fresh attribute dicts of organisations ``ids``, as _org_attrs reads them from the graph,
    from the organisations table."""
    o = programme.tables["organisations"]
    pos = _positions(ids, o["id"])
    if (pos < 0).any():
        raise KeyError(org(list(ids)[int(np.argmax(pos < 0))]))  # as a missing node would
    name, sector, source = (o[c].to_numpy(dtype=object)[pos].tolist() for c in ("name", "sector", "source"))
    return [{"name": n, "sector": s, "label": n, "source": src} for n, s, src in zip(name, sector, source)]


@collector_paused()
def organisation_coattendance(G, *, theme: str | None = None, sessions=None) -> nx.Graph:
    """Organisations linked when members of both attended the same session.

    Edge ``weight`` is the number of shared sessions; ``illustrative`` is
    true when any attendance behind it is illustrative. Nodes are the
    organisations with at least one attendance in scope, with ``name``,
    ``sector``, ``label``, ``source`` and ``sessions`` (how many they attended).
    Computed as the sparse product ``B @ B.T`` of the organisation-by-session
    incidence matrix.

    ``G`` is the typed graph, or the :class:`~labkit.data.model.Programme`: then
    the same graph (nodes, edges, attributes and their order) is built from
    its tables with pandas, without the typed graph (faster at 10,000+
    organisations).
    """
    if _is_programme(G):
        orgs, attrs, rows, cols, flags, n_scope = _coattendance_rows_from_tables(G, theme, sessions)
    else:
        orgs, attrs, rows, cols, flags, n_scope = _coattendance_rows(G, theme, sessions)
    H = nx.Graph()
    if not orgs:
        return H
    shape = (len(orgs), n_scope)
    B = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape)
    B.data[:] = 1.0  # several members of one organisation count once
    C = sp.triu(B @ B.T, k=1).tocoo()
    illus = _illustrative_pairs(B, C, rows, cols, flags) if np.any(flags) else np.zeros(C.nnz, dtype=bool)
    attended = np.asarray(B.sum(axis=1)).ravel()
    weights = C.data.astype(np.int64)
    for d, k in zip(attrs, attended.tolist()):
        d["sessions"] = int(k)
    fill(H, zip(orgs, attrs),
         ((orgs[i], orgs[j], {"weight": w, "illustrative": f})
          for i, j, w, f in zip(C.row.tolist(), C.col.tolist(), weights.tolist(), illus.tolist())))
    if nx.config.cache_converted_graphs:
        # C is row-major with i < j: the order in which H's node order lists each tie once
        u, v, w = C.row.astype(np.int64), C.col.astype(np.int64), weights.astype(np.float64)
        for a in (u, v, w):
            a.setflags(write=False)  # shared by every measure
        H.__networkx_cache__[ARRAYS] = {"nodes": tuple(orgs), "u": u, "v": v, "weights": {"weight": w},
                                        "illustrative": bool(illus.any())}
    return H


def _illustrative_pairs(B, C, rows, cols, flags) -> np.ndarray:
    """For each entry of C: some session the pair shares has an illustrative attendance on either side."""
    Bi = sp.csr_matrix((np.asarray(flags, dtype=float), (rows, cols)), shape=B.shape)
    Bi.data = (Bi.data > 0).astype(float)
    Ci = sp.triu(Bi @ B.T + B @ Bi.T, k=1).tocoo()
    n = np.int64(B.shape[0])
    marked = Ci.row.astype(np.int64)[Ci.data > 0] * n + Ci.col[Ci.data > 0]
    return np.isin(C.row.astype(np.int64) * n + C.col, marked)  # aligned with C's entries


def _coattendance_rows(G, theme, sessions):
    """Organisation-by-session incidences read from the typed graph."""
    scope = _scope_sessions(G, theme, sessions)
    rows, cols, flags = [], [], []
    org_index: dict = {}
    orgs_of: dict = {}
    pred, succ = G._pred, G._succ  # the raw adjacency dicts: no view objects per neighbour
    for j, s in enumerate(scope):
        for p, keys in pred[s].items():
            d = keys.get("attended")
            if d is None:
                continue
            illus = d["source"] == "illustrative"
            mine = orgs_of.get(p)
            if mine is None:
                mine = orgs_of[p] = [o for o, keys2 in succ[p].items() if "member_of" in keys2]
            for o in mine:
                rows.append(org_index.setdefault(o, len(org_index)))
                cols.append(j)
                flags.append(illus)
    orgs = list(org_index)
    return orgs, [_org_attrs(G, o) for o in orgs], rows, cols, flags, len(scope)


def _coattendance_rows_from_tables(programme, theme, sessions):
    """The same incidences, in the same order, from the tables: sessions in table order,
    attendances of a session in table order (the order build_graph adds their edges).
    Ids become integer positions once (one hash lookup per attendance); the rest is arrays."""
    t = programme.tables
    sess = t["sessions"]
    ok = np.ones(len(sess), dtype=bool)
    if theme is not None:
        ok &= (sess["theme_id"] == theme).to_numpy()
    if sessions is not None:
        ok &= np.array([s in sessions or session(s) in sessions for s in sess["id"]], dtype=bool)
    att, people = t["attendance"], t["participants"]
    att = att[att["source"] != schema.PLANNED]  # a seating plan, not attendance
    j = _positions(att["session_id"], sess["id"][ok])  # column of B; -1: session out of scope
    member, org_ids = pd.factorize(people["organisation_id"])  # per participant; -1: no organisation
    who = _positions(att["participant_id"], people["id"])
    o = np.where(who >= 0, member[np.maximum(who, 0)], -1) if len(member) else np.full(len(who), -1)
    keep = (j >= 0) & (o >= 0)
    j = j[keep]
    order = np.argsort(j, kind="stable")
    codes, first = pd.factorize(o[keep][order])  # codes in order of first appearance, as org_index
    ids = org_ids.take(first)
    flags = (att["source"].to_numpy()[keep] == "illustrative")[order]
    return (("org:" + pd.Index(ids).astype(object)).tolist(), _table_org_attrs(programme, ids),
            codes, j[order], flags, int(ok.sum()))


def _positions(values, keys) -> np.ndarray:
    """The row of each value in ``keys`` (a table's primary key: unique), -1 where absent."""
    return pd.Index(keys).get_indexer(values).astype(np.int64, copy=False)


@collector_paused()
def organisation_collaboration(G, *, theme: str | None = None, directed: bool = False):
    """The organisation network of collaboration ties.

    Directed (initiator -> partner) when ``directed``; otherwise ties in both
    directions merge and their weights add. Only ties formed at sessions of
    ``theme`` count when a theme is given. Nodes are all organisations with a
    tie in scope. ``G`` is the typed graph or the Programme (then built from
    its tables; the same graph).
    """
    programme = _is_programme(G)
    pairs = _collaboration_pairs_from_tables(G, theme) if programme else _collaboration_pairs(G, theme)
    # (u, v) is unique per direction; undirected, v -> u adds to u -> v where that came first
    ties: dict = {}
    if directed:
        ties = {(u, v): (w, illus) for u, v, w, illus in pairs}
    else:
        for u, v, w, illus in pairs:
            key = (v, u) if (v, u) in ties else (u, v)
            if key in ties:
                ties[key][0] += w
                ties[key][1] |= illus
            else:
                ties[key] = [w, illus]
    nodes = list(dict.fromkeys(itertools.chain.from_iterable(ties)))  # ends in order of first appearance
    attrs = (_table_org_attrs(G, [o[len("org:"):] for o in nodes]) if programme
             else [_org_attrs(G, o) for o in nodes])
    H = nx.DiGraph() if directed else nx.Graph()
    fill(H, zip(nodes, attrs), ((u, v, {"weight": w, "illustrative": i}) for (u, v), (w, i) in ties.items()))
    return H


def _collaboration_pairs(G, theme):
    """(initiator, partner, ties in scope, illustrative) per collaborates_with edge, in G.edges() order."""
    theme_of: dict = {}
    for u, nbrs in G._succ.items():  # the order of G.edges(), without a view per edge
        for v, keys in nbrs.items():
            d = keys.get("collaborates_with")
            if d is None:
                continue
            if theme is None:
                w = len(d["sessions"])
            else:
                w = 0
                for s in d["sessions"]:
                    if s not in theme_of:
                        theme_of[s] = G.nodes[session(s)]["theme"]
                    w += theme_of[s] == theme
            if w:
                yield u, v, w, d["source"] == "illustrative"


def _collaboration_pairs_from_tables(programme, theme):
    """The same, from the tables: initiators in organisations-table order (their node order),
    partners in order of their first tie; illustrative when any tie of the pair is (as the
    merged edge source in build_graph), whatever its theme."""
    t = programme.tables
    col = t["collaborations"]
    if col.empty:
        return []
    n = len(col)
    codes, ids = pd.factorize(pd.concat([col["from_organisation_id"], col["to_organisation_id"]]))
    rows = np.flatnonzero((codes[:n] >= 0) & (codes[n:] >= 0))  # ties with both ends
    key = codes[:n][rows] * len(ids) + codes[n:][rows]
    pairs, first, pair = np.unique(key, return_index=True, return_inverse=True)
    if theme is None:
        w = np.bincount(pair, minlength=len(pairs))
    else:
        sess = t["sessions"]
        at = _positions(col["session_id"], sess["id"])[rows]
        mine = (at >= 0) & (sess["theme_id"].to_numpy(dtype=object)[at] == theme)
        w = np.bincount(pair[mine], minlength=len(pairs))
    illus = np.bincount(pair, (col["source"] == "illustrative").to_numpy()[rows], minlength=len(pairs)) > 0
    u, v = pairs // len(ids), pairs % len(ids)
    rank = _positions(ids, t["organisations"]["id"])[u]
    rank[rank < 0] = len(t["organisations"])  # an initiator outside the table last
    order = np.lexsort((rows[first], rank))  # by initiator, then by the pair's first tie
    order = order[w[order] > 0]
    names = "org:" + pd.Index(ids).astype(object)
    return list(zip(names[u[order]].tolist(), names[v[order]].tolist(), w[order].astype(np.int64).tolist(),
                    illus[order].tolist()))
