"""Communities: partitions, planted structure, reproducibility, igraph's Leiden with the
same seed, modularity against NetworkX and python-igraph, quality against NetworkX's Louvain."""

import random

import igraph as ig
import networkx as nx
import pytest

from labkit import analytics as A
from labkit import organisation_coattendance
from test_data import room


def planted(seed, groups=4, size=25, p_in=0.3, p_out=0.01):
    G = nx.planted_partition_graph(groups, size, p_in, p_out, seed=seed)
    rnd = random.Random(seed)
    sectors = ["gov", "biz", "ngo", "union"]
    for v in G:
        # each block leans to one sector: structure to find and mixing to measure
        G.nodes[v]["sector"] = sectors[(v // size) % 4] if rnd.random() < 0.7 else rnd.choice(sectors)
    for u, v in G.edges:
        G.edges[u, v]["weight"] = rnd.randint(1, 3)
    return G


def test_communities_partition_and_are_sorted():
    G = planted(1)
    G.add_node("alone")
    parts = A.communities(G)
    assert sorted(v for part in parts for v in part if v != "alone") == sorted(v for v in G if v != "alone")
    assert sum(len(p) for p in parts) == len(G)
    assert {"alone"} in parts
    sizes = [len(p) for p in parts]
    assert sizes == sorted(sizes, reverse=True)


def test_planted_communities_are_found_exactly():
    G = nx.planted_partition_graph(3, 20, 0.9, 0.0, seed=2)  # three disconnected dense blocks
    assert A.communities(G) == [set(range(0, 20)), set(range(20, 40)), set(range(40, 60))]
    assert A.communities(nx.barbell_graph(5, 0)) == [set(range(5)), set(range(5, 10))]


def test_communities_are_reproducible_per_seed():
    G = nx.gnm_random_graph(300, 900, seed=5)
    assert A.communities(G, seed=1) == A.communities(G, seed=1)
    assert any(A.communities(G, seed=s) != A.communities(G, seed=1) for s in range(2, 8))


def test_resolution_changes_the_scale():
    G = planted(3)
    assert len(A.communities(G, resolution=3.0)) > len(A.communities(G, resolution=0.3))


@pytest.mark.parametrize("seed", range(3))
def test_modularity_equals_networkx_and_igraph(seed):
    G = planted(seed)
    parts = A.communities(G, seed=seed)
    assert A.modularity(G, parts) == pytest.approx(nx.community.modularity(G, parts), rel=1e-12)
    assert A.modularity(G, parts, weight=None) == pytest.approx(
        nx.community.modularity(G, parts, weight=None), rel=1e-12)
    assert A.modularity(G, parts, resolution=0.5) == pytest.approx(
        nx.community.modularity(G, parts, resolution=0.5), rel=1e-12)
    index = {v: i for i, v in enumerate(G)}
    g = ig.Graph(n=len(G), edges=[(index[u], index[v]) for u, v in G.edges])
    membership = [0] * len(G)
    for c, part in enumerate(parts):
        for v in part:
            membership[index[v]] = c
    weights = [G.edges[e]["weight"] for e in G.edges]
    assert A.modularity(G, parts) == pytest.approx(g.modularity(membership, weights=weights), rel=1e-12)


def test_directed_modularity_equals_networkx():
    D = nx.gnm_random_graph(60, 200, seed=4, directed=True)
    parts = A.communities(D)  # read as undirected
    assert A.modularity(D, parts, weight=None) == pytest.approx(
        nx.community.modularity(D, parts, weight=None), rel=1e-12)


def igraph_leiden(G, seed, resolution=1.0, weight="weight"):
    """python-igraph's Leiden on G (nodes in graph order), seeded as labkit seeds it."""
    index = {v: i for i, v in enumerate(G)}
    g = ig.Graph(n=len(G), edges=[(index[u], index[v]) for u, v in G.edges])
    weights = [d for _, _, d in G.edges(data=weight)] if weight else None
    ig.set_random_number_generator(random.Random(seed))
    try:
        found = g.community_leiden(objective_function="modularity", weights=weights, resolution=resolution,
                                   n_iterations=2)
    finally:
        ig.set_random_number_generator(random)
    nodes = list(G)
    return [{nodes[i] for i in part} for part in found], found.quality


@pytest.mark.parametrize("seed", range(3))
def test_communities_are_igraph_leiden_with_the_same_seed(seed):
    G = planted(seed, groups=6, size=40, p_in=0.15, p_out=0.01)
    parts = A.communities(G, seed=seed)
    ref, quality = igraph_leiden(G, seed)
    assert sorted(map(sorted, parts)) == sorted(map(sorted, ref))
    assert nx.community.modularity(G, parts) == pytest.approx(quality, rel=1e-12)
    unweighted = nx.gnm_random_graph(300, 900, seed=seed)
    ref, quality = igraph_leiden(unweighted, seed, resolution=1.5, weight=None)
    parts = A.communities(unweighted, seed=seed, resolution=1.5)
    assert sorted(map(sorted, parts)) == sorted(map(sorted, ref))
    assert nx.community.modularity(unweighted, parts, resolution=1.5) == pytest.approx(quality, rel=1e-12)


def test_communities_are_connected():
    for G in (planted(5, groups=6, size=40, p_in=0.15, p_out=0.01), nx.gnm_random_graph(300, 900, seed=5)):
        for seed in range(3):
            assert all(nx.is_connected(G.subgraph(part)) for part in A.communities(G, seed=seed))


@pytest.mark.parametrize("seed", range(3))
def test_quality_at_least_networkx_louvain(seed):
    G = planted(seed, groups=6, size=40, p_in=0.15, p_out=0.01)
    ours = nx.community.modularity(G, A.communities(G, seed=seed))
    theirs = nx.community.modularity(G, nx.community.louvain_communities(G, seed=seed))
    assert ours >= theirs - 0.01  # Leiden: 0.01-0.04 higher on these graphs


def test_callers_random_state_is_left_alone():
    G = planted(2)
    random.seed(7)
    expected = random.random()
    random.seed(7)
    A.communities(G, seed=3)
    assert random.random() == expected


def test_networkx_engine_gives_networkx_partition():
    G = planted(4)
    ref = nx.community.louvain_communities(G, seed=3, resolution=1.2)
    got = A.communities(G, seed=3, resolution=1.2, engine="networkx")
    assert sorted(map(sorted, got)) == sorted(map(sorted, ref))
    assert [len(p) for p in got] == sorted((len(p) for p in got), reverse=True)


def test_modularity_rejects_a_non_partition():
    G = nx.path_graph(4)
    with pytest.raises(ValueError, match="in none"):
        A.modularity(G, [{0, 1}])
    with pytest.raises(ValueError, match="more than one"):
        A.modularity(G, [{0, 1}, {1, 2, 3}])
    with pytest.raises(ValueError, match="not in the graph"):
        A.modularity(G, [{0, 1, 2, 3, 9}])
    assert A.modularity(nx.empty_graph(3), [{0}, {1}, {2}]) is None


def test_community_mixing_by_hand():
    H = organisation_coattendance(room().graph)  # a (gov), b (biz), c (ngo), d (biz)
    df = A.community_mixing(H, [{"org:a", "org:c"}, {"org:b", "org:d"}])
    first, second = df.iloc[0], df.iloc[1]
    assert first[["size", "sectors", "internal_ties", "cross_sector_ties"]].tolist() == [2, 2, 1, 1]
    assert first["blau"] == pytest.approx(0.5) and first["cross_sector_share"] == 1.0
    assert second[["sectors", "dominant_sector", "dominant_share", "cross_sector_ties"]].tolist() == [
        1, "biz", 1.0, 0]
    # ties between the two communities: ab, bc, ad, cd
    assert df["external_ties"].tolist() == [4, 4]


def test_degenerate_clusters():
    assert A.communities(nx.Graph()) == [] and A.community_mixing(nx.Graph(), []).empty
    single = nx.Graph()
    single.add_node("x", sector="gov")
    assert A.communities(single) == [{"x"}]
    assert A.communities(nx.empty_graph(3)) == [{0}, {1}, {2}]  # no ties: singletons
    G = nx.barbell_graph(3, 0)
    G.add_nodes_from(["p", "q"])
    assert A.communities(G) == [{0, 1, 2}, {3, 4, 5}, {"p"}, {"q"}]
    row = A.community_mixing(single, [{"x"}]).iloc[0]
    assert row["internal_ties"] == 0 and row["cross_sector_share"] is None and row["blau"] == 0
