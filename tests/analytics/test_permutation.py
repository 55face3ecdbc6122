"""E-I and mixing against shuffled labels: determinism, clear cases, the analytic
expectation, and equality with a plain loop over relabelled copies."""

import random

import networkx as nx
import numpy as np
import pytest

from labkit import analytics as A
from labkit.analytics import permutation
from labkit.errors import ParameterError

FIGURES = ("observed", "expected", "sd", "low", "high", "p_value")


def random_graph(seed, n=40, m=90, directed=False, groups=("gov", "biz", "ngo", "union"), unlabelled=0):
    G = nx.gnm_random_graph(n, m, seed=seed, directed=directed)
    rnd = random.Random(seed)
    nx.set_node_attributes(G, {v: rnd.choice(groups) for v in G if v >= unlabelled}, "sector")
    for u, v in G.edges:
        G.edges[u, v]["weight"] = rnd.randint(1, 4)
    return G


def segregated(sizes=(5, 4, 3)):
    """One clique per group and no tie between groups: E-I = -1."""
    G = nx.Graph()
    start = 0
    for g, size in enumerate(sizes):
        nodes = range(start, start + size)
        G.add_nodes_from(nodes, sector=f"s{g}")
        G.add_edges_from((u, v) for u in nodes for v in nodes if u < v)
        start += size
    return G


def reference(G, n, seed, attr="sector", weight=None, groups=None):
    """The slow way: relabel a copy of G per shuffle and call the plain measures."""
    labelled = [v for v, d in G.nodes(data=attr) if d is not None]
    labels = [G.nodes[v][attr] for v in labelled]
    rng = np.random.default_rng(seed)
    whole, by_group, cells, shares = [], [], [], []
    for _ in range(n):
        order = rng.permuted(np.arange(len(labels)))  # the same draws as shuffling the labels
        R = G.copy()
        nx.set_node_attributes(R, {v: labels[i] for v, i in zip(labelled, order)}, attr)
        whole.append(A.ei_index(R, attr, weight))
        by_group.append(A.ei_index_by_group(R, attr, weight))
        cells.append(A.mixing_matrix(R, attr, weight=weight, groups=groups).to_numpy(dtype=float))
        shares.append(A.cross_sector_share(R, attr, weight))
    return whole, by_group, np.array(cells), shares


def summary(observed, draws):
    x = np.array([np.nan if d is None else d for d in draws], dtype=float)
    x = x[~np.isnan(x)]
    mean = x.mean()
    p = (1 + sum(abs(d - mean) >= abs(observed - mean) - 1e-9 for d in x)) / (1 + len(x))
    return {"observed": observed, "expected": mean, "sd": x.std(ddof=1), "low": np.quantile(x, 0.025),
            "high": np.quantile(x, 0.975), "p_value": p}


@pytest.mark.parametrize("directed, weight, unlabelled", [(False, None, 0), (True, None, 0),
                                                           (False, "weight", 3), (True, "weight", 2)])
def test_equals_a_loop_over_relabelled_copies(directed, weight, unlabelled):
    G = random_graph(5, directed=directed, unlabelled=unlabelled)
    n, seed = 150, 11
    whole, by_group, cells, shares = reference(G, n, seed, weight=weight, groups=["gov", "biz", "ngo", "union"])
    r = A.ei_index_permutation(G, weight=weight, n_permutations=n, seed=seed)
    ref = summary(A.ei_index(G, weight=weight), whole)
    assert {k: r[k] for k in FIGURES} == pytest.approx(ref, rel=1e-12, abs=1e-12)
    observed = A.ei_index_by_group(G, weight=weight)
    for g, got in r["by_group"].items():
        ref = summary(observed[g], [d[g] for d in by_group])
        assert {k: got[k] for k in FIGURES} == pytest.approx(ref, rel=1e-12, abs=1e-12), g
    m = A.mixing_permutation(G, weight=weight, n_permutations=n, seed=seed, groups=["gov", "biz", "ngo", "union"])
    assert m["observed"].equals(A.mixing_matrix(G, weight=weight, groups=["gov", "biz", "ngo", "union"]))
    assert np.allclose(m["expected"].to_numpy(), cells.mean(axis=0), rtol=1e-12)
    assert np.allclose(m["sd"].to_numpy(), cells.std(axis=0, ddof=1), rtol=1e-12)
    cell = summary(m["observed"].iloc[0, 1], cells[:, 0, 1])
    assert m["p_value"].iloc[0, 1] == pytest.approx(cell["p_value"])
    ref = summary(A.cross_sector_share(G, weight=weight), shares)
    assert {k: m["cross_sector_share"][k] for k in FIGURES} == pytest.approx(ref, rel=1e-12, abs=1e-12)


def test_deterministic_with_a_seed_and_whatever_the_batch(monkeypatch):
    G = random_graph(1)
    a = A.ei_index_permutation(G, n_permutations=300, seed=4)
    A.clear_cache(G)
    assert A.ei_index_permutation(G, n_permutations=300, seed=4) == a
    assert A.ei_index_permutation(G, n_permutations=300, seed=5) != a
    monkeypatch.setattr(permutation, "_STEP", 7)  # one shuffle per batch
    A.clear_cache(G)
    assert A.ei_index_permutation(G, n_permutations=300, seed=4) == a
    assert a["n_permutations"] == 300 and a["seed"] == 4
    assert a["organisations"] == 40 and a["ties"] == 90


def test_labels_that_cannot_matter_give_p_one():
    # in a complete graph every labelling has the same ties within and across groups
    G = nx.complete_graph(9)
    nx.set_node_attributes(G, {v: "abc"[v % 3] for v in G}, "sector")
    r = A.ei_index_permutation(G, n_permutations=200)
    assert r["observed"] == pytest.approx(r["expected"]) and r["sd"] == pytest.approx(0, abs=1e-12)
    assert r["p_value"] == 1.0
    assert r["observed"] == pytest.approx(A.ei_index_expected(G))


def test_random_labels_on_a_random_graph_give_a_large_p_value():
    G = random_graph(8, n=60, m=200)
    r = A.ei_index_permutation(G, seed=0)
    assert r["p_value"] > 0.1 and r["low"] <= r["observed"] <= r["high"]
    assert all(g["p_value"] > 0.01 for g in r["by_group"].values())


def test_p_values_are_calibrated_when_labels_are_irrelevant():
    # labels drawn independently of the ties: p is uniform, so about 5 % fall below 0.05
    ps = [A.ei_index_permutation(random_graph(100 + i, n=30, m=70), n_permutations=200, seed=i)["p_value"]
          for i in range(60)]
    assert sum(p < 0.05 for p in ps) <= 7 and 0.35 < np.mean(ps) < 0.65


def test_a_perfectly_segregated_graph_gives_the_smallest_p_value():
    G = segregated()
    r = A.ei_index_permutation(G, n_permutations=999)
    assert r["observed"] == -1.0 and r["expected"] > 0
    assert r["p_value"] == pytest.approx(1 / 1000)  # no shuffle is as segregated
    for g in r["by_group"].values():
        assert g["observed"] == -1.0 and g["p_value"] < 0.01
    m = A.mixing_permutation(segregated((10, 9, 8)), n_permutations=999)
    share = m["cross_sector_share"]
    assert share["observed"] == 0.0 and share["p_value"] == pytest.approx(1 / 1000)
    # every cell: within a group far above chance, across groups far below
    assert (m["observed"] > m["expected"]).to_numpy().diagonal().all()
    assert (m["p_value"].to_numpy() < 0.01).all()


@pytest.mark.parametrize("directed", [False, True])
def test_expected_values_agree_with_the_formulas(directed):
    G = random_graph(3, n=50, m=160, directed=directed, groups=("a", "b", "c"))
    r = A.ei_index_permutation(G, n_permutations=2000, seed=7)
    assert r["expected"] == pytest.approx(A.ei_index_expected(G), abs=4 * r["sd"] / np.sqrt(2000))
    sizes = {g: sum(1 for _, d in G.nodes(data="sector") if d == g) for g in "abc"}
    n, m = sum(sizes.values()), G.number_of_edges()
    M = A.mixing_permutation(G, n_permutations=2000, seed=7, groups=list("abc"))
    for g in "abc":
        for h in "abc":
            p = sizes[g] * (sizes[h] - (g == h)) / (n * (n - 1))
            expected = m * p * (1 if directed else 2)
            assert M["expected"].loc[g, h] == pytest.approx(expected, abs=4 * M["sd"].loc[g, h] / np.sqrt(2000))
    assert M["cross_sector_share"]["expected"] == pytest.approx((r["expected"] + 1) / 2)
    assert M["cross_sector_share"]["p_value"] == pytest.approx(r["p_value"])  # the same statistic


def test_no_ties_a_group_without_ties_and_bad_arguments():
    G = nx.empty_graph(4)
    nx.set_node_attributes(G, {0: "a", 1: "a", 2: "b", 3: "b"}, "sector")
    r = A.ei_index_permutation(G, n_permutations=10)
    assert r["observed"] is None and r["p_value"] is None and r["ties"] == 0
    assert A.mixing_permutation(G, n_permutations=10)["cross_sector_share"]["observed"] is None
    G.add_edge(0, 1)  # group b has no tie now, and none in the shuffles that keep it off the tie
    r = A.ei_index_permutation(G, n_permutations=50)
    assert r["by_group"]["b"]["observed"] is None and r["by_group"]["b"]["ties"] == 0
    assert r["by_group"]["a"]["observed"] == -1.0 and r["by_group"]["a"]["organisations"] == 2
    with pytest.raises(ParameterError, match="n_permutations"):
        A.ei_index_permutation(G, n_permutations=0)
    M = A.mixing_permutation(G, n_permutations=50, groups=["z", "a", "b"])
    assert M["observed"].index.tolist() == ["z", "a", "b"] and M["p_value"].loc["z", "z"] == 1.0
