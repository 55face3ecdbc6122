"""Cross-sector ties: hand counts on room(), cross-checks against NetworkX on random graphs."""

import random

import igraph as ig
import networkx as nx
import numpy as np
import pytest

import labkit
from labkit import analytics as A
from labkit.data import synth
from labkit import organisation_coattendance, organisation_collaboration
from conftest import DATA
from test_data import room

SECTORS = ["gov", "biz", "ngo"]


@pytest.fixture(scope="module")
def H():
    # co-attendance of room(): pairs ab, ac (x3: f1, v1, w1), bc, bd, ad, cd
    return organisation_coattendance(room().graph)


def test_coattendance_of_room_as_worked_out(H):
    assert {frozenset(e): w for *e, w in H.edges(data="weight")} == {
        frozenset({"org:a", "org:b"}): 1, frozenset({"org:a", "org:c"}): 3, frozenset({"org:b", "org:c"}): 1,
        frozenset({"org:b", "org:d"}): 1, frozenset({"org:a", "org:d"}): 1, frozenset({"org:c", "org:d"}): 1}


def test_ei_index_hand_count(H):
    # external: ab, ac, bc, ad, cd = 5; internal: bd (biz-biz) = 1
    assert A.ei_index(H) == pytest.approx((5 - 1) / 6)
    # weighted by shared sessions: external 1 + 3 + 1 + 1 + 1 = 7, internal 1
    assert A.ei_index(H, weight="weight") == pytest.approx((7 - 1) / 8)
    assert A.cross_sector_share(H) == pytest.approx(5 / 6)
    assert A.ei_index_by_group(H) == pytest.approx({"gov": 1.0, "biz": (4 - 1) / 5, "ngo": 1.0})
    assert A.ei_index_by_node(H) == pytest.approx(
        {"org:a": 1.0, "org:b": (2 - 1) / 3, "org:c": 1.0, "org:d": (2 - 1) / 3})
    # group sizes 1, 2, 1: a random pair is within a group with probability 2 / 12
    assert A.ei_index_expected(H) == pytest.approx(1 - 2 * 2 / 12)


def test_mixing_matrix_by_hand(H):
    M = A.mixing_matrix(H, groups=SECTORS)
    assert M.index.tolist() == SECTORS == M.columns.tolist()
    # gov-biz: ab, ad; gov-ngo: ac; biz-ngo: bc, cd; biz-biz: bd counted in both directions
    assert M.values.tolist() == [[0, 2, 1], [2, 2, 2], [1, 2, 0]]
    assert A.mixing_matrix(H, groups=SECTORS, normalized=True).to_numpy().sum() == pytest.approx(1)


def test_directed_ties_count_each_arc(H):
    D = organisation_collaboration(room().graph, directed=True)
    # arcs a->b (2 ties), b->d, c->a, d->c: external a->b, c->a, d->c; internal b->d
    assert A.ei_index(D) == pytest.approx((3 - 1) / 4)
    assert A.ei_index(D, weight="weight") == pytest.approx((4 - 1) / 5)
    M = A.mixing_matrix(D, groups=SECTORS)
    assert M.loc["gov", "biz"] == 1 and M.loc["biz", "gov"] == 0 and M.loc["biz", "biz"] == 1


def _random_graph(seed, directed=False, n=60, m=150, groups=("gov", "biz", "ngo", "union")):
    G = nx.gnm_random_graph(n, m, seed=seed, directed=directed)
    rnd = random.Random(seed)
    nx.set_node_attributes(G, {v: rnd.choice(groups) for v in G}, "sector")
    for u, v in G.edges:
        G.edges[u, v]["weight"] = rnd.randint(1, 4)
    return G


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("directed", [False, True])
def test_mixing_and_ei_match_networkx(seed, directed):
    G = _random_graph(seed, directed)
    order = sorted({d for _, d in G.nodes(data="sector")})
    mapping = {g: i for i, g in enumerate(order)}
    ref = nx.attribute_mixing_matrix(G, "sector", mapping=mapping, normalized=False)
    mine = A.mixing_matrix(G, groups=order).to_numpy()
    assert np.array_equal(mine, ref)
    e, i = ref.sum() - np.trace(ref), np.trace(ref)
    assert A.ei_index(G) == pytest.approx((e - i) / (e + i))
    assert A.assortativity(G) == pytest.approx(nx.attribute_assortativity_coefficient(G, "sector"))
    index = {v: i for i, v in enumerate(G)}
    g = ig.Graph(n=len(G), edges=[(index[u], index[v]) for u, v in G.edges], directed=directed)
    types = [mapping[G.nodes[v]["sector"]] for v in G]
    assert A.assortativity(G) == pytest.approx(g.assortativity_nominal(types, directed=directed))


def test_degenerate_networks():
    empty = nx.Graph()
    assert A.ei_index(empty) is None and A.ei_index_by_group(empty) == {}
    assert A.cross_sector_share(empty) is None and A.assortativity(empty) is None
    assert A.ei_index_expected(empty) is None and A.mixing_matrix(empty).empty
    lonely = nx.Graph()
    lonely.add_node(1, sector="gov")
    lonely.add_node(2, sector="biz")  # isolated nodes: nothing to count (zero denominator)
    assert A.ei_index(lonely) is None and A.ei_index_by_node(lonely) == {1: None, 2: None}
    assert A.ei_index_by_group(lonely) == {"biz": None, "gov": None}
    one = nx.path_graph(3)
    nx.set_node_attributes(one, "gov", "sector")  # one sector only
    assert A.ei_index(one) == -1.0 and A.cross_sector_share(one) == 0.0
    assert A.assortativity(one) is None  # undefined: 1 - sum(a_i b_i) = 0
    assert A.ei_index_expected(one) == -1.0
    partial = nx.path_graph(3)
    partial.nodes[0]["sector"], partial.nodes[1]["sector"] = "gov", "biz"  # node 2 has none
    assert A.ei_index(partial) == 1.0 and A.ei_index_by_node(partial)[2] is None


def test_new_cross_sector_ties_by_hand():
    df = A.new_cross_sector_ties(room(), "t").set_index("session")
    assert df.index.tolist() == ["f1", "v1", "v2", "w1"]
    # f1: a, b, c -> ab, ac, bc, all across and all new
    assert df.loc["f1", ["organisations", "pairs", "cross_sector_pairs", "new_pairs",
                         "new_cross_sector_pairs"]].tolist() == [3, 3, 3, 3, 3]
    # v1: a, c -> ac, met at f1 already
    assert df.loc["v1", ["pairs", "cross_sector_pairs", "new_pairs", "new_cross_sector_pairs"]].tolist() == [1, 1, 0, 0]
    # v2: b, d -> within business, new
    assert df.loc["v2", ["pairs", "cross_sector_pairs", "new_pairs", "new_cross_sector_pairs"]].tolist() == [1, 0, 1, 0]
    # w1: a, c, d -> ac (old), ad and cd (new), all across
    assert df.loc["w1", ["pairs", "cross_sector_pairs", "new_pairs", "new_cross_sector_pairs"]].tolist() == [3, 3, 2, 2]
    assert df["collaborations"].tolist() == [0, 1, 1, 3]
    assert df["cross_sector_collaborations"].tolist() == [0, 1, 0, 3]
    assert df["illustrative"].tolist() == [False, True, True, True]
    assert A.new_cross_sector_ties(room(), "t2").empty


def test_new_ties_agree_with_the_graph_input():
    p = room()
    assert A.new_cross_sector_ties(p, "t").equals(A.new_cross_sector_ties(p.graph, "t"))


def test_embedded_dataset(programme):
    H = organisation_coattendance(programme, theme="brede-welvaart")
    ei = A.ei_index(H)
    assert -1 <= ei <= 1 and A.cross_sector_share(H) == pytest.approx((ei + 1) / 2)
    assert set(A.ei_index_by_group(H)) == {d for _, d in H.nodes(data="sector")}
    df = A.new_cross_sector_ties(programme, "brede-welvaart")
    assert df["session"].iloc[0] == "bw-focus" and df["illustrative"].all()
    assert df["new_pairs"].iloc[0] == df["pairs"].iloc[0]  # everything is new at the first table


def _new_ties_by_brute_force(p, theme, sessions):
    """new_cross_sector_ties' counts from the tables with sets and loops, one session at a time."""
    from itertools import combinations
    org_of = dict(zip(p.participants["id"], p.participants["organisation_id"]))
    sector = dict(zip(p.organisations["id"], p.organisations["sector"]))
    order = dict(zip(p.sessions["id"], p.sessions["order"]))
    present = {s: set() for s in sessions}
    for s, x in zip(p.attendance["session_id"], p.attendance["participant_id"]):
        if s in present and isinstance(org_of.get(x), str):
            present[s].add(org_of[x])
    met = {}  # pair -> order of the first table where both were present
    for s in sessions:
        for pair in combinations(sorted(present[s]), 2):
            met[pair] = min(met.get(pair, order[s]), order[s])
    rows = []
    for s in sessions:
        pairs = list(combinations(sorted(present[s]), 2))
        cross = [sector[a] != sector[b] for a, b in pairs]
        new = [met[pair] == order[s] for pair in pairs]
        col = p.collaborations[p.collaborations["session_id"] == s]
        rows.append([len(present[s]), len(pairs), sum(cross), sum(new), sum(c and n for c, n in zip(cross, new)),
                     len(col), sum(sector[a] != sector[b] for a, b in zip(col["from_organisation_id"],
                                                                        col["to_organisation_id"]))])
    return rows


def _new_ties_agree_with_brute_force(p):
    columns = ["organisations", "pairs", "cross_sector_pairs", "new_pairs", "new_cross_sector_pairs",
               "collaborations", "cross_sector_collaborations"]
    for theme in p.themes["id"]:
        df = A.new_cross_sector_ties(p, theme)
        assert df[columns].values.tolist() == _new_ties_by_brute_force(p, theme, df["session"].tolist()), theme


@pytest.mark.parametrize("make", [lambda: synth.programme(300, seed=3, themes=1), lambda: labkit.load(DATA)])
def test_new_ties_equal_a_brute_force_count(make):
    _new_ties_agree_with_brute_force(make())


def test_new_ties_equal_a_brute_force_count_with_several_themes():
    # each theme's own sessions: an earlier version counted the programme's first sessions instead
    _new_ties_agree_with_brute_force(synth.programme(300, seed=2, themes=2))


@pytest.mark.parametrize("n", [0, 1, 7, 5000])
def test_min_per_key_equals_a_groupby(n):
    import pandas as pd

    from labkit.analytics.ties import _min_per_key
    rng = np.random.default_rng(n)
    key, values = rng.integers(0, max(n // 3, 1), n), rng.integers(1, 4, n)
    expected = pd.Series(values).groupby(key).transform("min").to_numpy() if n else values
    assert _min_per_key(key, values).tolist() == expected.tolist()
