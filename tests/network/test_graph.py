"""The typed graph and its projections, on small hand-made packages."""

import networkx as nx
import pytest

from labkit.network import graph
from labkit.data import synth
from labkit.network.graph import EDGE_KINDS, NODE_KINDS, organisation_coattendance, organisation_collaboration
from conftest import make_programme


def tiny():
    orgs = [{"id": o, "name": o.upper(), "sector": s, "source": "report:deelnemers"}
            for o, s in [("a", "gov"), ("b", "biz"), ("c", "ngo"), ("d", "biz")]]
    people = [{"id": f"p{i}", "name": None, "consent_named": False, "organisation_id": o,
               "role": "participant", "source": "illustrative"}
              for i, o in enumerate(["a", "a", "b", "c", "d"])]
    people.append({"id": "host", "name": "Host Person", "consent_named": True,
                   "organisation_id": None, "role": "host", "source": "report:intro"})
    sessions = [{"id": sid, "theme_id": "t", "kind": k, "order": n, "month": f"2021-0{n + 2}",
                 "title_nl": sid, "source": "report:intro"}
                for sid, k, n in [("s1", "focustafel", 1), ("s2", "verdiepingstafel", 2)]]
    att = [("s1", "p0"), ("s1", "p1"), ("s1", "p2"), ("s1", "host"), ("s2", "p0"), ("s2", "p2"),
           ("s2", "p3")]
    themes = [{"id": "t", "number": 1, "name_nl": "Thema", "name_en": "Theme",
               "host_participant_id": "host", "host_organisation_id": "a", "source": "report:intro"}]
    return make_programme(
        organisations=orgs, participants=people, sessions=sessions, themes=themes,
        attendance=[{"session_id": s, "participant_id": p, "role": "participant",
                     "source": "report:1" if s == "s1" else "illustrative"} for s, p in att],
        invitations=[
            {"theme_id": "t", "participant_id": "p3", "first_session_id": "s2", "channel": "participant",
             "invited_by": "p2", "source": "illustrative"},
            {"theme_id": "t", "participant_id": "p0", "first_session_id": "s1", "channel": "host",
             "source": "illustrative"},
            {"theme_id": "t", "participant_id": "p2", "first_session_id": "s1", "channel": "organisers",
             "source": "illustrative"}],
        collaborations=[
            {"id": "c1", "from_organisation_id": "a", "to_organisation_id": "b", "session_id": "s2",
             "kind": "intent", "source": "illustrative"},
            {"id": "c2", "from_organisation_id": "b", "to_organisation_id": "a", "session_id": "s2",
             "kind": "joint_initiative", "source": "illustrative"},
            {"id": "c3", "from_organisation_id": "a", "to_organisation_id": "b", "session_id": "s1",
             "kind": "intent", "source": "illustrative"}],
        commitments=[{"id": "k1", "theme_id": "t", "kind": "idea", "stage_id": "stage-2",
                      "title_nl": "Idee", "title_en": "Idea", "horizon": 2030, "session_id": "s2",
                      "source": "report:2.1"}],
        commitment_owners=[{"commitment_id": "k1", "organisation_id": "c", "role": "lead",
                            "source": "illustrative"}],
        commitment_sdgs=[{"commitment_id": "k1", "sdg": 13, "source": "classification"}],
        commitment_dimensions=[{"commitment_id": "k1", "dimension": "later", "source": "classification"}],
        commitment_updates=[
            {"commitment_id": "k1", "date": "2021-04-01", "status": "proposed", "progress": 0,
             "source": "classification"},
            {"commitment_id": "k1", "date": "2022-01-15", "status": "in_progress", "progress": 30,
             "source": "illustrative"}],
    )


@pytest.fixture
def G():
    return tiny().graph


def test_node_and_edge_kinds(G):
    assert set(k for _, k in G.nodes(data="kind")) == set(NODE_KINDS)
    kinds = {k for _, _, k in G.edges(keys=True)}
    assert kinds == set(EDGE_KINDS)
    for _, _, k, d in G.edges(keys=True, data=True):
        assert d["kind"] == k and d["source"]
    for _, d in G.nodes(data=True):
        assert d["kind"] and "label" in d and d["source"]


def test_counts_on_the_tiny_package(G):
    by = lambda kind: sum(1 for _, _, k in G.edges(keys=True) if k == kind)  # noqa: E731
    assert by("attended") == 7
    assert by("member_of") == 5
    assert by("invited") == 2  # by a participant, and by the host; organisers are nobody
    assert G.has_edge("person:p2", "person:p3", "invited")
    assert G.edges["person:host", "person:p0", "invited"]["channel"] == "host"
    assert by("hosts") == 2
    assert by("contributes_to") == 2


def test_collaborations_merge_per_direction(G):
    d = G.edges["org:a", "org:b", "collaborates_with"]
    assert d["weight"] == 2 and d["ties"] == ["c1", "c3"] and d["sessions"] == ["s2", "s1"]
    assert G.edges["org:b", "org:a", "collaborates_with"]["weight"] == 1


def test_commitment_carries_its_current_status(G):
    d = G.nodes["commitment:k1"]
    assert (d["status"], d["progress"], str(d["last_update"])) == ("in_progress", 30, "2022-01-15")
    assert d["stage"] == "stage-2" and d["horizon"] == 2030
    assert G.has_edge("org:c", "commitment:k1", "committed_to")
    assert G.has_edge("commitment:k1", "sdg:13", "contributes_to")


def test_labels_protect_people_without_consent(G):
    assert G.nodes["person:host"]["label"] == "Host Person"
    assert G.nodes["person:p0"]["label"] == "Deelnemer p0"
    assert G.graph["illustrative"] is True


def test_coattendance_projection_by_hand(G):
    H = organisation_coattendance(G)
    # s1: orgs a (p0, p1 count once), b; s2: a, b, c. Host has no organisation.
    assert dict(H.nodes(data="sessions")) == {"org:a": 2, "org:b": 2, "org:c": 1}
    assert {tuple(sorted(e)): w for *e, w in H.edges(data="weight")} == {
        ("org:a", "org:b"): 2, ("org:a", "org:c"): 1, ("org:b", "org:c"): 1}
    # a-b met at s1 (report) and s2 (illustrative): the pair depends on illustrative rows
    assert H.edges["org:a", "org:b"]["illustrative"] is True
    assert H.nodes["org:a"]["sector"] == "gov"
    only_s1 = organisation_coattendance(G, sessions={"s1"})
    assert list(only_s1.edges(data=True)) == [("org:a", "org:b", {"weight": 1, "illustrative": False})]


def test_coattendance_matches_networkx_bipartite_projection(G):
    H = organisation_coattendance(G)
    B = nx.Graph()
    for p, o, k in G.edges(keys=True):
        if k == "member_of":
            for _, s, k2 in G.out_edges(p, keys=True):
                if k2 == "attended":
                    B.add_edge(o, s)
    orgs = [n for n in B if n.startswith("org:")]
    P = nx.bipartite.weighted_projected_graph(B, orgs)
    assert {frozenset(e): w for *e, w in P.edges(data="weight")} == \
        {frozenset(e): w for *e, w in H.edges(data="weight")}


def test_coattendance_empty_theme(G):
    H = organisation_coattendance(G, theme="nothing")
    assert H.number_of_nodes() == 0


def test_collaboration_projection(G):
    U = organisation_collaboration(G)
    assert U.edges["org:a", "org:b"]["weight"] == 3
    D = organisation_collaboration(G, directed=True)
    assert D.edges["org:a", "org:b"]["weight"] == 2 and D.edges["org:b", "org:a"]["weight"] == 1
    assert organisation_collaboration(G, theme="nothing").number_of_nodes() == 0


def test_embedded_graph(programme):
    G = programme.graph
    assert G is programme.graph  # built once
    orgs = graph.nodes_of_kind(G, "organisation")
    assert len(orgs) == 38
    H = organisation_coattendance(G, theme="brede-welvaart")
    assert H.number_of_nodes() == 38
    assert nx.is_connected(H)


@pytest.mark.parametrize("kind", [nx.Graph, nx.DiGraph])
def test_fill_builds_what_add_from_builds(kind):
    nodes = [("b", {"x": 1}), ("a", {}), ("c", {"x": 3})]
    edges = [("c", "a", {"weight": 2}), ("a", "b", {"weight": 1}), ("b", "b", {})]
    F, R = kind(), kind()
    graph.fill(F, [(n, dict(d)) for n, d in nodes], [(u, v, dict(d)) for u, v, d in edges])
    R.add_nodes_from(nodes)
    R.add_edges_from(edges)
    assert list(F.nodes(data=True)) == list(R.nodes(data=True))
    assert list(F.edges(data=True)) == list(R.edges(data=True))
    assert {v: list(F.adj[v]) for v in F} == {v: list(R.adj[v]) for v in R}
    if F.is_directed():
        assert {v: list(F.pred[v]) for v in F} == {v: list(R.pred[v]) for v in R}
    else:
        assert F.adj["a"]["c"] is F.adj["c"]["a"]  # one dict per undirected edge, as NetworkX keeps


def test_fill_refuses_edges_to_unknown_nodes_and_filled_graphs():
    with pytest.raises(KeyError, match="'z'"):
        graph.fill(nx.Graph(), [("a", {})], [("a", "z", {})])
    with pytest.raises(ValueError, match="empty"):
        graph.fill(nx.path_graph(2), [], [])
    with pytest.raises(ValueError, match="simple"):
        graph.fill(nx.MultiGraph(), [], [])


def test_graph_building_pauses_the_collector_and_gives_it_back():
    import gc

    from labkit.network.graph import collector_paused
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested: the outer one gives it back
            pass
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError
    assert gc.isenabled()
    gc.disable()  # whoever turned it off keeps it off
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
    p = synth.programme(60, seed=1)
    organisation_coattendance(p), organisation_collaboration(p)
    assert gc.isenabled()
