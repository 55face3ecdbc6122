"""Brokers: Gould-Fernandez roles by hand and against a direct count; betweenness and
structural holes against NetworkX and python-igraph on random graphs."""

import itertools
import random

import igraph as ig
import networkx as nx
import numpy as np
import pytest

from networkx.algorithms.structuralholes import normalized_mutual_weight as nmw

from labkit import analytics as A
from labkit.analytics.brokers import ROLES


def three(a, b, c, *, extra=()):
    D = nx.DiGraph([("a", "b"), ("b", "c"), *extra])
    nx.set_node_attributes(D, {"a": a, "b": b, "c": c}, "sector")
    return D


@pytest.mark.parametrize("groups, role", [
    (("gov", "gov", "gov"), "coordinator"),     # all in one group
    (("gov", "biz", "gov"), "itinerant"),       # a and c together, b outside
    (("gov", "gov", "biz"), "representative"),  # a in b's group, c outside
    (("biz", "gov", "gov"), "gatekeeper"),      # c in b's group, a outside
    (("gov", "biz", "ngo"), "liaison"),         # three groups
])
def test_each_role_on_its_own_three_node_graph(groups, role):
    df = A.brokerage_roles(three(*groups))
    expected = {r: int(r == role) for r in ROLES}
    assert df.loc["b"].to_dict() == {**expected, "total": 1}
    assert df.loc[["a", "c"]].to_numpy().sum() == 0  # nobody else brokers


def test_a_tie_from_a_to_c_closes_the_path_but_c_to_a_does_not():
    assert A.brokerage_roles(three("gov", "biz", "ngo", extra=[("a", "c")])).loc["b", "total"] == 0
    assert A.brokerage_roles(three("gov", "biz", "ngo", extra=[("c", "a")])).loc["b", "liaison"] == 1


def test_undirected_ties_count_in_both_directions():
    H = nx.path_graph(["a", "b", "c"])
    nx.set_node_attributes(H, {"a": "gov", "b": "gov", "c": "biz"}, "sector")
    row = A.brokerage_roles(H).loc["b"]
    # a->b->c makes b a representative, c->b->a a gatekeeper
    assert (row["representative"], row["gatekeeper"], row["total"]) == (1, 1, 2)
    nx.set_node_attributes(H, {"a": "gov", "b": "biz", "c": "ngo"}, "sector")
    assert A.brokerage_roles(H).loc["b", "liaison"] == 2


def test_reciprocal_ties_are_not_paths_back_to_the_start():
    D = nx.DiGraph([("a", "b"), ("b", "a")])
    nx.set_node_attributes(D, "gov", "sector")
    assert A.brokerage_roles(D)["total"].sum() == 0


def brute_force(D, attr="sector"):
    """Gould-Fernandez by definition: every a -> b -> c with a != c and no a -> c."""
    out = {v: dict.fromkeys(ROLES, 0) for v in D}
    g = nx.get_node_attributes(D, attr)
    for b in D:
        for a, c in itertools.product(D.predecessors(b), D.successors(b)):
            if a == c or D.has_edge(a, c) or not {a, b, c} <= set(g):
                continue
            ga, gb, gc = g[a], g[b], g[c]
            if ga == gb == gc:
                role = "coordinator"
            elif ga == gc:
                role = "itinerant"
            elif ga == gb:
                role = "representative"
            elif gb == gc:
                role = "gatekeeper"
            else:
                role = "liaison"
            out[b][role] += 1
    return out


@pytest.mark.parametrize("seed", range(5))
def test_brokerage_matches_a_direct_count_on_random_digraphs(seed):
    D = nx.gnm_random_graph(50, 300, seed=seed, directed=True)
    rnd = random.Random(seed)
    nx.set_node_attributes(D, {v: rnd.choice("xyz") for v in D if v % 7}, "sector")  # some have none
    df = A.brokerage_roles(D, chunk=97)  # small chunks exercise the chunked loop
    ref = brute_force(D)
    for v in D:
        assert df.loc[v, list(ROLES)].to_dict() == ref[v]
    assert (df["total"] == df[list(ROLES)].sum(axis=1)).all()


def test_brokerage_on_undirected_random_graph_is_symmetric():
    H = nx.gnm_random_graph(40, 120, seed=3)
    rnd = random.Random(3)
    nx.set_node_attributes(H, {v: rnd.choice("xyz") for v in H}, "sector")
    df = A.brokerage_roles(H)
    ref = brute_force(H.to_directed())
    assert all(df.loc[v, list(ROLES)].to_dict() == ref[v] for v in H)
    assert (df["representative"] == df["gatekeeper"]).all()
    assert (df[["coordinator", "itinerant", "liaison"]] % 2 == 0).all().all()


def _weighted(seed, n=80, m=240, directed=False, isolated=True):
    G = nx.gnm_random_graph(n, m, seed=seed, directed=directed)
    rnd = random.Random(seed)
    for u, v in G.edges:
        G.edges[u, v]["weight"] = rnd.randint(1, 5)
    if isolated:
        G.add_node("alone")
    return G


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("weight", [None, "weight"])
@pytest.mark.parametrize("normalized", [True, False])
def test_betweenness_equals_networkx(directed, weight, normalized):
    G = _weighted(7, directed=directed)
    ref = nx.betweenness_centrality(G, weight=weight, normalized=normalized)
    assert A.betweenness(G, weight=weight, normalized=normalized) == pytest.approx(ref, rel=1e-9, abs=1e-12)
    for k, seed in ((10, 0), (25, 3)):
        ref = nx.betweenness_centrality(G, k=k, seed=seed, weight=weight, normalized=normalized)
        got = A.betweenness(G, k=k, seed=seed, weight=weight, normalized=normalized)
        assert got == pytest.approx(ref, rel=1e-9, abs=1e-12)


def test_betweenness_equals_igraph_and_handles_small_graphs():
    G = _weighted(11, isolated=False)
    g = ig.Graph(n=len(G), edges=list(G.edges()))
    raw = A.betweenness(G, normalized=False)
    assert [raw[v] for v in G] == pytest.approx(g.betweenness(directed=False))
    assert A.betweenness(nx.Graph()) == {}
    assert A.betweenness(nx.empty_graph(1)) == {0: 0.0}
    assert A.betweenness(nx.path_graph(2)) == {0: 0.0, 1: 0.0}
    assert A.betweenness(nx.empty_graph(3), k=2) == {0: 0.0, 1: 0.0, 2: 0.0}
    with pytest.raises(ValueError, match="larger than the number of nodes"):
        A.betweenness(nx.path_graph(3), k=4)


def test_betweenness_on_a_star():
    star = nx.star_graph(4)  # the hub lies on every path between two leaves
    assert A.betweenness(star) == {0: 1.0, 1: 0.0, 2: 0.0, 3: 0.0, 4: 0.0}
    assert A.betweenness(star, normalized=False)[0] == 6.0  # C(4, 2) pairs of leaves


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("weight", [None, "weight"])
def test_structural_holes_equal_networkx(seed, directed, weight):
    G = _weighted(seed, directed=directed)
    nodes = [v for v in G if v != "alone"]
    got_c, got_e = A.constraint(G, weight=weight), A.effective_size(G, weight=weight)
    assert np.isnan(got_c["alone"]) and np.isnan(got_e["alone"])  # isolated: undefined, as NetworkX
    assert np.isnan(nx.constraint(G, weight=weight)["alone"])
    ref_c = nx.constraint(G, weight=weight)
    assert {v: got_c[v] for v in nodes} == pytest.approx({v: ref_c[v] for v in nodes}, rel=1e-12,
                                                         abs=1e-15, nan_ok=True)
    # NetworkX 3.6's all-nodes effective_size divides by row maxima along the wrong axis for
    # weighted and directed graphs (networkx PR #8906); its per-node path is Burt's formula.
    # That path also calls a node with in-ties only isolated (it looks at G[v]): leave those out.
    ref_e = nx.effective_size(G, nodes=nodes, weight=weight)
    has_out = [v for v in nodes if len(G[v])]
    assert {v: got_e[v] for v in has_out} == pytest.approx({v: ref_e[v] for v in has_out}, rel=1e-12,
                                                           abs=1e-15, nan_ok=True)
    for v in (v for v in nodes if not len(G[v]) and G.degree(v)):  # Burt's formula, spelt out
        alters = set(nx.all_neighbors(G, v))
        burt = sum(1 - sum(nmw(G, v, q, weight=weight) * nmw(G, w, q, norm=max, weight=weight)
                           for q in alters) for w in alters)
        assert got_e[v] == pytest.approx(burt, rel=1e-12)
    if weight is None and not directed:
        ref_fast = nx.effective_size(G)
        assert {v: got_e[v] for v in nodes} == pytest.approx({v: ref_fast[v] for v in nodes}, rel=1e-12,
                                                             nan_ok=True)


def test_effective_size_weighted_by_hand():
    # 0 -(2)- 1, 0 -(1)- 2, 1 -(1)- 2, 2 -(1)- 3. Ego 0: p01 = 2/3, p02 = 1/3;
    # m11 = 0, m12 = 1/2 (1's largest tie is 2); m21 = 1, m22 = 0.
    # e(0) = (1 - p02 m12) + (1 - p01 m21) = (1 - 1/6) + (1 - 2/3) = 7/6
    G = nx.Graph()
    G.add_weighted_edges_from([(0, 1, 2), (0, 2, 1), (1, 2, 1), (2, 3, 1)])
    assert A.effective_size(G, weight="weight")[0] == pytest.approx(7 / 6)
    assert nx.effective_size(G, nodes=[0], weight="weight")[0] == pytest.approx(7 / 6)


def test_structural_holes_per_node_path_of_networkx():
    # NetworkX's per-node formulas (nodes=...) rather than its sparse shortcut
    G = _weighted(5, n=30, m=70)
    nodes = [v for v in G if v != "alone"]
    for weight in (None, "weight"):
        assert {v: A.constraint(G, weight=weight)[v] for v in nodes} == pytest.approx(
            nx.constraint(G, nodes=nodes, weight=weight), rel=1e-12)
        assert {v: A.effective_size(G, weight=weight)[v] for v in nodes} == pytest.approx(
            nx.effective_size(G, nodes=nodes, weight=weight), rel=1e-12)


def test_constraint_equals_igraph():
    G = _weighted(9, isolated=False)
    g = ig.Graph(n=len(G), edges=list(G.edges()))
    g.es["weight"] = [G.edges[e]["weight"] for e in G.edges()]
    c = A.constraint(G, weight="weight")
    assert [c[v] for v in G] == pytest.approx(g.constraint(weights="weight"), rel=1e-12)


def test_structural_holes_by_hand():
    star = nx.star_graph(3)  # hub with three leaves that do not know each other
    assert A.effective_size(star)[0] == 3.0 and A.constraint(star)[0] == pytest.approx(3 * (1 / 3) ** 2)
    K = nx.complete_graph(4)  # every contact knows every other: n - 2t/n = 3 - 2*3/3
    assert A.effective_size(K)[0] == pytest.approx(1.0)
    assert A.constraint(nx.Graph()) == {} and A.effective_size(nx.Graph()) == {}


def test_top_brokers():
    H = nx.barbell_graph(4, 1)  # node 4 bridges two cliques
    nx.set_node_attributes(H, {v: ("gov" if v < 4 else "biz") for v in H}, "sector")
    top = A.top_brokers(H, n=3)
    assert top["node"].iloc[0] == 4 and top.attrs["k"] is None
    counts = [*ROLES, "total"]
    assert list(top.columns) == ["node", "label", "sector", "betweenness", "constraint", "effective_size",
                                 *counts, *(f"{c}_expected" for c in counts), *(f"{c}_z" for c in counts)]
    # the bridge sits between the two groups: gatekeeper one way, representative the other
    base = A.brokerage_baselines(H)
    for c in counts:
        assert top.loc[0, c] == base["count"].loc[4, c]
        assert top.loc[0, f"{c}_expected"] == base["expected"].loc[4, c]
        assert top.loc[0, f"{c}_z"] == base["z"].loc[4, c] or np.isnan(base["z"].loc[4, c])
    assert top.attrs["density"] == base["density"]


@pytest.mark.parametrize("seed", range(3))
def test_effective_size_borgatti_shortcut_equals_burts_formula(seed):
    # unweighted and undirected goes through igraph's clustering; weights of 1 through Burt's sums
    G = nx.gnm_random_graph(60, 200, seed=seed)
    G.add_node("alone")
    nx.set_edge_attributes(G, 1, "one")
    fast, burt = A.effective_size(G), A.effective_size(G, weight="one")
    assert np.isnan(fast["alone"]) and np.isnan(burt["alone"])
    del fast["alone"], burt["alone"]
    assert fast == pytest.approx(burt, rel=1e-12)
