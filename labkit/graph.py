"""The programme as a typed NetworkX graph, and the projections analytics need.

Nodes
-----
Every node has ``kind``, ``label`` and ``source`` (see :mod:`labkit.schema`).

==================  ===================  ============================================
kind                id                   other attributes
==================  ===================  ============================================
``organisation``    ``org:<id>``         ``name``, ``sector``
``participant``     ``person:<id>``      ``named`` (consented to be named), ``organisation``
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

A participant's ``label`` is their name only when they consented to be named;
otherwise it is a pseudonym.

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

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

NODE_KINDS = ("organisation", "participant", "session", "theme", "commitment",
              "roadmap_stage", "sdg", "welfare_dimension")
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
    """A participant's public label: the name only with consent, else a pseudonym."""
    if bool(consent) and isinstance(name, str) and name:
        return name
    from .privacy import pseudonym
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
                   commitment_kind=r.kind, stage=r.stage_id, horizon=_v(r.horizon),
                   status=None if s is None else s["status"],
                   progress=None if s is None else int(s["progress"]),
                   last_update=None if s is None else s["last_update"].date(),
                   source=r.source)
        G.add_edge(commitment(r.id), theme(r.theme_id), key="part_of", kind="part_of",
                   source=r.source)
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
    return G


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


def organisation_coattendance(G, *, theme: str | None = None, sessions=None) -> nx.Graph:
    """Organisations linked when members of both attended the same session.

    Edge ``weight`` is the number of shared sessions; ``illustrative`` is
    true when any attendance behind it is illustrative. Nodes are the
    organisations with at least one attendance in scope, with ``name``,
    ``sector``, ``label``, ``source`` and ``sessions`` (how many they attended).
    Computed as the sparse product ``B @ B.T`` of the organisation-by-session
    incidence matrix.
    """
    scope = _scope_sessions(G, theme, sessions)
    col = {s: j for j, s in enumerate(scope)}
    rows, cols, flags = [], [], []
    org_index: dict = {}
    for s in scope:
        for p, _, k, d in G.in_edges(s, keys=True, data=True):
            if k != "attended":
                continue
            for _, o, k2 in G.out_edges(p, keys=True):
                if k2 == "member_of":
                    i = org_index.setdefault(o, len(org_index))
                    rows.append(i)
                    cols.append(col[s])
                    flags.append(d["source"] == "illustrative")
    H = nx.Graph()
    orgs = list(org_index)
    for o in orgs:
        H.add_node(o, **_org_attrs(G, o))
    if not orgs:
        return H
    shape = (len(orgs), len(scope))
    B = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape)
    B.data[:] = 1.0  # several members of one organisation count once
    Bi = sp.csr_matrix((np.array(flags, dtype=float), (rows, cols)), shape=shape)
    Bi.data = (Bi.data > 0).astype(float)
    C = sp.triu(B @ B.T, k=1).tocoo()
    # a pair is illustrative when some shared session has an illustrative attendance on either side
    Ci = sp.triu(Bi @ B.T + B @ Bi.T, k=1).tocsr()
    attended = np.asarray(B.sum(axis=1)).ravel()
    for o, n in zip(orgs, attended):
        H.nodes[o]["sessions"] = int(n)
    for i, j, w in zip(C.row, C.col, C.data):
        H.add_edge(orgs[i], orgs[j], weight=int(w), illustrative=bool(Ci[i, j] > 0))
    return H


def organisation_collaboration(G, *, theme: str | None = None, directed: bool = False):
    """The organisation network of collaboration ties.

    Directed (initiator -> partner) when ``directed``; otherwise ties in both
    directions merge and their weights add. Only ties formed at sessions of
    ``theme`` count when a theme is given. Nodes are all organisations with a
    tie in scope.
    """
    H = nx.DiGraph() if directed else nx.Graph()
    for u, v, k, d in G.edges(keys=True, data=True):
        if k != "collaborates_with":
            continue
        sessions = [s for s in d["sessions"]
                    if theme is None or G.nodes[session(s)]["theme"] == theme]
        if not sessions:
            continue
        for o in (u, v):
            if o not in H:
                H.add_node(o, **_org_attrs(G, o))
        w = len(sessions)
        illus = d["source"] == "illustrative"
        if H.has_edge(u, v):
            H.edges[u, v]["weight"] += w
            H.edges[u, v]["illustrative"] |= illus
        else:
            H.add_edge(u, v, weight=w, illustrative=illus)
    return H
