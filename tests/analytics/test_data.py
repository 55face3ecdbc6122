"""What analytics reads: frames from the graph and from the tables agree, projections
built from the tables equal those built from the graph, and the caches behave.

``room()`` is the hand-made programme the other analytics tests work out by hand.
"""

import dataclasses

import networkx as nx
import pandas as pd
import pytest

import labkit
from labkit.network import graph
from labkit.data import synth
from labkit.analytics import _data
from labkit.analytics._example import example_programme
from labkit.errors import ParameterError
from conftest import DATA, make_programme


def room():
    """Sectors gov, biz, ngo. Organisations a (gov), b (biz), c (ngo), d (biz).

    Theme t: focus table f1, deepening tables v1 and v2 (parallel), workshop w1.

    ====  ====  ==================  =========================================
    who   org   tables              invitation
    ====  ====  ==================  =========================================
    p1    a     f1 v1 w1            organisers
    p2    a     f1                  host
    p3    b     f1 v2               organisers
    p4    c     v1 w1               p1
    p5    d     v2 w1               p4
    p6    -     f1                  organisers
    p7    c     f1 w1               organisers
    ====  ====  ==================  =========================================

    f1 rows come from the report, the others are illustrative. Ties: a->b at v1,
    b->d at v2, c->a, d->c and a->b at w1. Commitments (theme t unless said):
    k1 stage-1, a lead + b partner, SDG 8 and 13, 'later', completed 2024-06-01;
    k2 stage-2, no owner, SDG 13, 'hier-en-nu' and 'later', last update 2021-10-01;
    k3 stage-1, c, SDG 10, 'later', last update 2025-01-01;
    k4 stage-2, d, no SDG or dimension, never updated;
    k5 (theme t2) stage-3, a, 'elders', planned 2023-01-01.
    """
    orgs = [{"id": o, "name": o.upper(), "sector": s, "source": "report:deelnemers"}
            for o, s in [("a", "gov"), ("b", "biz"), ("c", "ngo"), ("d", "biz")]]
    people = [{"id": p, "consent_named": False, "organisation_id": o, "role": "participant",
               "source": "illustrative"}
              for p, o in [("p1", "a"), ("p2", "a"), ("p3", "b"), ("p4", "c"), ("p5", "d"),
                           ("p6", None), ("p7", "c")]]
    people.append({"id": "host", "name": "Host Person", "consent_named": True, "role": "host",
                   "source": "report:intro"})
    themes = [{"id": "t", "number": 1, "name_nl": "T", "name_en": "T", "host_participant_id": "host",
               "source": "report:intro"},
              {"id": "t2", "number": 2, "name_nl": "T2", "name_en": "T2", "source": "report:intro"}]
    sessions = [{"id": sid, "theme_id": "t", "kind": kind, "track": track, "order": order,
                 "month": month, "title_nl": sid, "source": "report:intro"}
                for sid, kind, track, order, month in [
                    ("f1", "focustafel", None, 1, "2021-03"),
                    ("v1", "verdiepingstafel", "duurzaamheid", 2, "2021-04"),
                    ("v2", "verdiepingstafel", "inclusiviteit", 2, "2021-04"),
                    ("w1", "werkplaats", None, 3, "2021-05")]]
    att = {"f1": ["p1", "p2", "p3", "p6", "p7"], "v1": ["p1", "p4"], "v2": ["p3", "p5"],
           "w1": ["p1", "p4", "p5", "p7"]}
    attendance = [{"session_id": s, "participant_id": p, "role": "participant",
                   "source": "report:1" if s == "f1" else "illustrative"}
                  for s, ps in att.items() for p in ps]
    inv = [("p1", "f1", "organisers", None), ("p2", "f1", "host", None), ("p3", "f1", "organisers", None),
           ("p6", "f1", "organisers", None), ("p7", "f1", "organisers", None),
           ("p4", "v1", "participant", "p1"), ("p5", "v2", "participant", "p4")]
    invitations = [{"theme_id": "t", "participant_id": p, "first_session_id": s, "channel": ch,
                    "invited_by": by, "source": "illustrative"} for p, s, ch, by in inv]
    collaborations = [{"id": f"c{i}", "from_organisation_id": u, "to_organisation_id": v, "session_id": s,
                       "kind": "intent" if s.startswith("v") else "joint_initiative", "source": "illustrative"}
                      for i, (u, v, s) in enumerate([("a", "b", "v1"), ("b", "d", "v2"), ("c", "a", "w1"),
                                                     ("d", "c", "w1"), ("a", "b", "w1")], start=1)]
    commitments = [{"id": k, "theme_id": th, "kind": "idea", "stage_id": st, "title_nl": k.upper(),
                    "title_en": k.upper(), "source": "report:2.1"}
                   for k, th, st in [("k1", "t", "stage-1"), ("k2", "t", "stage-2"), ("k3", "t", "stage-1"),
                                     ("k4", "t", "stage-2"), ("k5", "t2", "stage-3")]]
    owners = [{"commitment_id": k, "organisation_id": o, "role": r, "source": "illustrative"}
              for k, o, r in [("k1", "a", "lead"), ("k1", "b", "partner"), ("k3", "c", "lead"),
                              ("k4", "d", "lead"), ("k5", "a", "lead")]]
    sdgs = [{"commitment_id": k, "sdg": n, "source": "classification"}
            for k, n in [("k1", 8), ("k1", 13), ("k2", 13), ("k3", 10)]]
    dims = [{"commitment_id": k, "dimension": d, "source": "classification"}
            for k, d in [("k1", "later"), ("k2", "hier-en-nu"), ("k2", "later"), ("k3", "later"),
                         ("k5", "elders")]]
    updates = [{"commitment_id": k, "date": d, "status": s, "progress": p, "source": src}
               for k, d, s, p, src in [
                   ("k1", "2021-04-01", "proposed", 0, "classification"),
                   ("k1", "2022-01-15", "in_progress", 30, "illustrative"),
                   ("k1", "2024-06-01", "completed", 100, "illustrative"),
                   ("k2", "2021-04-01", "proposed", 0, "classification"),
                   ("k2", "2021-10-01", "in_progress", 10, "classification"),
                   ("k3", "2021-05-01", "proposed", 0, "classification"),
                   ("k3", "2025-01-01", "in_progress", 50, "classification"),
                   ("k5", "2023-01-01", "planned", 0, "classification")]]
    return make_programme(organisations=orgs, participants=people, themes=themes, sessions=sessions,
                          attendance=attendance, invitations=invitations, collaborations=collaborations,
                          commitments=commitments, commitment_owners=owners, commitment_sdgs=sdgs,
                          commitment_dimensions=dims, commitment_updates=updates)


def _sorted(df):
    return df.sort_values(list(df.columns), key=lambda c: c.astype(str)).reset_index(drop=True)


@pytest.mark.parametrize("make", [room, example_programme, lambda: synth.programme(200, seed=4, themes=2)])
def test_frames_from_tables_equal_frames_from_graph(make):
    p = make()
    Fg, Fp = _data._graph_frames(p.graph), _data._programme_frames(p)
    for f in dataclasses.fields(Fg):
        a, b = getattr(Fg, f.name), getattr(Fp, f.name)
        if f.name == "invitations":  # the organisers' invitations leave no edge in the graph
            b = b[b["invited_by"].notna()]
        if isinstance(a, pd.DataFrame):
            pd.testing.assert_frame_equal(_sorted(a), _sorted(b))
        elif f.name == "sectors":
            assert set(a) == set(b)
        elif f.name not in ("updates", "organisers_known", "sector_labels"):
            assert a == b, f.name


def test_frames_of_embedded_dataset(programme):
    Fg, Fp = _data._graph_frames(programme.graph), _data._programme_frames(programme)
    for name in ("attendance", "collaborations", "commitments", "owners", "participants"):
        pd.testing.assert_frame_equal(_sorted(getattr(Fg, name)), _sorted(getattr(Fp, name)))
    assert Fp.sectors[0] == "government"  # the sectors table's order
    assert Fp.illustrative and Fg.illustrative


def _same_graph(A, B):
    return (type(A) is type(B) and list(A.nodes(data=True)) == list(B.nodes(data=True))
            and list(A.edges(data=True)) == list(B.edges(data=True))
            and [list(nbrs) for nbrs in A.adj.values()] == [list(nbrs) for nbrs in B.adj.values()])


@pytest.mark.parametrize("make", [room, lambda: labkit.load(DATA),
                                  lambda: synth.programme(400, seed=5, themes=3)])
def test_projections_from_tables_equal_projections_from_graph(make):
    p = make()
    G = p.graph
    themes = [None, *p.themes["id"]]
    for th in themes:
        assert _same_graph(graph.organisation_coattendance(G, theme=th),
                           graph.organisation_coattendance(p, theme=th))
        for directed in (False, True):
            assert _same_graph(graph.organisation_collaboration(G, theme=th, directed=directed),
                               graph.organisation_collaboration(p, theme=th, directed=directed))
    some = set(p.sessions["id"][:2]) | {f"session:{p.sessions['id'].iloc[-1]}"}
    assert _same_graph(graph.organisation_coattendance(G, sessions=some),
                       graph.organisation_coattendance(p, sessions=some))


def test_frames_are_cached_and_cleared_with_the_graph():
    p = room()
    G = p.graph
    assert _data.frames(G) is _data.frames(G)
    assert _data.frames(p) is _data.frames(p)
    H = graph.organisation_coattendance(G)
    n1 = _data.net(H)
    assert _data.net(H) is n1
    H.add_edge("org:a", "org:x")  # NetworkX empties its cache on structural change
    assert _data.net(H) is not n1
    n2 = _data.net(H)
    _data.clear_cache(H)
    assert _data.net(H) is not n2
    nx.config.cache_converted_graphs = False
    try:
        assert _data.net(H) is not _data.net(H)
    finally:
        nx.config.cache_converted_graphs = True


def test_wrong_inputs_say_what_to_pass():
    with pytest.raises(ParameterError, match="Programme or its typed graph"):
        _data.frames(nx.Graph())
    with pytest.raises(ParameterError, match="simple Graph"):
        _data.net(nx.MultiGraph([(1, 2)]))
    with pytest.raises(ParameterError, match="NetworkX graph"):
        _data.net(room())


def _plain_copy(H):
    """The same graph without the projection's arrays: analytics must read the dicts."""
    K = H.__class__()
    K.add_nodes_from(H.nodes(data=True))
    K.add_edges_from(H.edges(data=True))
    return K


@pytest.mark.parametrize("make", [room, lambda: labkit.load(DATA),
                                  lambda: synth.programme(400, seed=5, themes=3)])
def test_projection_arrays_equal_arrays_read_from_the_dicts(make):
    p = make()
    for source in (p, p.graph):
        for th in (None, p.themes["id"].iloc[0]):
            H = graph.organisation_coattendance(source, theme=th)
            assert graph.ARRAYS in H.__networkx_cache__ or len(H) == 0
            K = _plain_copy(H)
            for weight in (None, "weight", "other"):
                a, b = _data.net(H, weight), _data.net(K, weight)
                assert a.nodes == b.nodes and a.index == b.index
                assert a.u.tolist() == b.u.tolist() and a.v.tolist() == b.v.tolist()
                assert a.w.tolist() == b.w.tolist()
            assert _data.net(H).illustrative == _data.net(K).illustrative


def test_projection_arrays_go_with_edits():
    H = graph.organisation_coattendance(room())
    H.edges["org:a", "org:b"]["weight"] = 99  # in place: NetworkX cannot see it ...
    _data.clear_cache(H)  # ... so say so, as for NetworkX's own cache
    assert 99 in _data.net(H, "weight").w.tolist()
    H = graph.organisation_coattendance(room())
    m = _data.net(H).m
    H.add_edge("org:a", "org:z", weight=7)  # a structural change empties the cache
    N = _data.net(H, "weight")
    assert N.m == m + 1 and 7 in N.w.tolist()


@pytest.mark.parametrize("values", [[], [5], [3, 3], [2, -1, 2, 7, -1, 0], list(range(50, 0, -1)) * 3])
def test_unique_ints_equals_numpy_unique(values):
    import numpy as np
    x = np.asarray(values, dtype=np.int64)
    got = _data.unique_ints(x)
    assert got.dtype == np.unique(x).dtype and got.tolist() == np.unique(x).tolist()
    big = np.random.default_rng(0).integers(-10**9, 10**9, 200_000) // 1000
    assert _data.unique_ints(big).tolist() == np.unique(big).tolist()
