"""Gould-Fernandez baselines against R's statnet ``sna::brokerage()`` and by hand.

The committed fixtures (``fixtures/brokerage_sna.json``, made by
``fixtures/brokerage_cases.py`` with ``fixtures/make_brokerage_fixtures.R``) always run;
the tests that call R themselves run where ``Rscript`` and sna are installed
(Debian: ``apt-get install r-cran-sna``).
"""

import importlib.util
import itertools
import json
import math
import random
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import numpy as np
import pytest

from labkit import analytics as A
from labkit.analytics.brokers import ROLES, SNA_ROLES, _distinct_triples

FIXTURES = Path(__file__).resolve().parent / "fixtures"
_spec = importlib.util.spec_from_file_location("brokerage_cases", FIXTURES / "brokerage_cases.py")
cases_module = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cases_module)

DOC = json.loads((FIXTURES / "brokerage_sna.json").read_text())
COLUMNS = [*ROLES, "total"]
PARTS = {"count": ("raw.nli", "raw.gli"), "expected": ("exp.nli", "exp.gli"), "sd": ("sd.nli", "sd.gli"),
         "z": ("z.nli", "z.gli")}


def _has_sna():
    rscript = shutil.which("Rscript")
    if rscript is None:
        return False
    done = subprocess.run([rscript, "--vanilla", "-e", "library(sna)"], capture_output=True, timeout=120)
    return done.returncode == 0


needs_r = pytest.mark.skipif(not _has_sna(), reason="needs Rscript with sna (apt-get install r-cran-sna)")


def graph_of(case):
    G = (nx.DiGraph if case["directed"] else nx.Graph)()
    G.add_nodes_from(range(case["n"]))
    G.add_edges_from(map(tuple, case["edges"]))
    nx.set_node_attributes(G, dict(enumerate(case["groups"])), "sector")
    return G


def as_array(values):
    return np.array([np.nan if x is None else x for x in np.ravel(np.array(values, dtype=object))],
                    dtype=float).reshape(np.shape(np.array(values, dtype=object)))


def assert_equal_to_sna(G, sna):
    r = A.brokerage_baselines(G)
    assert list(SNA_ROLES) == COLUMNS
    for mine, (nli, gli) in PARTS.items():
        got, ref = r[mine][COLUMNS].to_numpy(), as_array(sna[nli])
        assert np.array_equal(np.isnan(got), np.isnan(ref)), (mine, got, ref)  # NaN where sna has NA
        np.testing.assert_allclose(got, ref, rtol=1e-9, atol=1e-12, err_msg=mine)
        got, ref = r["network"].loc[mine, COLUMNS].to_numpy(dtype=float), as_array(sna[gli])
        assert np.array_equal(np.isnan(got), np.isnan(ref)), (mine, got, ref)
        np.testing.assert_allclose(got, ref, rtol=1e-9, atol=1e-12, err_msg=f"network {mine}")


def test_the_fixtures_cover_what_they_claim():
    assert DOC["roles"] == list(SNA_ROLES.values()) and len(DOC["cases"]) >= 20
    names = [c["name"] for c in DOC["cases"]]
    assert len(set(names)) == len(names)
    degrees = [graph_of(c).degree() for c in DOC["cases"]]
    assert any(0 in dict(d).values() for d in degrees)                       # an isolated node
    assert any(min(c["groups"].count(g) for g in c["groups"]) == 1 for c in DOC["cases"])  # a group of one
    assert any(len(set(c["groups"])) == 1 for c in DOC["cases"])            # one group only
    assert any(not c["directed"] for c in DOC["cases"])                      # undirected, read as reciprocal
    assert any(not c["edges"] for c in DOC["cases"])                         # no ties at all
    assert any(any(x is None for row in c["sna"]["z.nli"] for x in row) for c in DOC["cases"])  # NA in z


@pytest.mark.parametrize("case", DOC["cases"], ids=lambda c: c["name"])
def test_counts_expectations_sds_and_z_equal_sna(case):
    assert_equal_to_sna(graph_of(case), case["sna"])


@needs_r
def test_new_random_graphs_against_r_itself():
    rnd = random.Random(2026)
    graphs = [cases_module.make_case(f"r{i}", rnd.randint(4, 40), rnd.uniform(0.03, 0.5), rnd.randint(1, 6),
                                     1000 + i, directed=rnd.random() < 0.8, isolate=rnd.random() < 0.3,
                                     singleton=rnd.random() < 0.3, reciprocate=rnd.choice([0, 0.4]))
              for i in range(12)]
    out = cases_module.run_sna(graphs)["results"]
    for g in graphs:
        assert_equal_to_sna(graph_of(g), out[g["name"]])


@needs_r
def test_the_committed_fixtures_are_what_r_gives():
    graphs = cases_module.cases()
    assert [{k: g[k] for k in ("name", "directed", "n", "groups", "edges")} for g in graphs] == \
        [{k: c[k] for k in ("name", "directed", "n", "groups", "edges")} for c in DOC["cases"]]
    out = cases_module.run_sna(graphs)["results"]
    for c in DOC["cases"]:
        for part, ref in c["sna"].items():
            np.testing.assert_allclose(as_array(out[c["name"]][part]), as_array(ref), rtol=1e-12, atol=0)


# --------------------------------------------------------------------------- worked by hand

def test_three_nodes_by_hand():
    # a -> b -> c, a gov, b and c biz. N = 3, m = 2, d = 2/6 = 1/3,
    # p = d^2 (1 - d) = 2/27 (an open two-path), r = d^3 (1 - d)^3 = 8/729.
    D = nx.DiGraph([("a", "b"), ("b", "c")])
    nx.set_node_attributes(D, {"a": "gov", "b": "biz", "c": "biz"}, "sector")
    r = A.brokerage_baselines(D)
    assert r["density"] == pytest.approx(1 / 3)
    E, sd, z = r["expected"], r["sd"], r["z"]
    # b is the gatekeeper of a -> b -> c (c in b's group, a outside). A biz broker (n_i = 2):
    # gatekeeper E = p (n_i - 1)(N - n_i) = 2/27; the shared-tie term
    # 2 [(n_i - 1) C(N - n_i, 2) + (N - n_i) C(n_i - 1, 2)] r = 2 [1 C(1, 2) + 1 C(1, 2)] r = 0,
    # so Var = E (1 - p) = 2/27 * 25/27 = 50/729: z = (1 - 2/27) / (sqrt(50) / 27) = 25 / sqrt(50)
    assert E.loc["b", "gatekeeper"] == pytest.approx(2 / 27)
    assert sd.loc["b", "gatekeeper"] == pytest.approx(math.sqrt(50) / 27)
    assert z.loc["b", "gatekeeper"] == pytest.approx(25 / math.sqrt(50))       # 3.536
    assert z.loc["b", "representative"] == pytest.approx(-2 / math.sqrt(50))   # count 0: -0.283
    # total: E = p (N - 1)(N - 2) = 4/27, Var = E (1 - p) + 2 (N-1)(N-2)(N-3) r = 100/729: sd 10/27
    assert E.loc["b", "total"] == pytest.approx(4 / 27) and sd.loc["b", "total"] == pytest.approx(10 / 27)
    assert z.loc["b", "total"] == pytest.approx((1 - 4 / 27) / (10 / 27))        # 2.3
    assert z.loc["c", "total"] == pytest.approx(-0.4)
    # a, gov (n_i = 1): itinerant pairs sum_{j != i} n_j (n_j - 1) = 2: E = 4/27, z = -0.4;
    # coordinator (n_i - 1)(n_i - 2) = 0 and representative (n_i - 1) = 0: E = sd = 0, z NaN
    assert z.loc["a", "itinerant"] == pytest.approx(-0.4)
    assert E.loc["a", "coordinator"] == 0 and math.isnan(z.loc["a", "coordinator"])
    assert math.isnan(z.loc["a", "representative"])
    # liaison needs three groups: E = 0 for everyone, z NaN
    assert (E["liaison"] == 0).all() and z["liaison"].isna().all()
    # network: total E = p N (N-1)(N-2) = 12/27; Var = E (1 - p) + N(N-1)(N-2) ((4N - 10) r - 0 + 0)
    # = 300/729 + 6 * 2 * 8/729 = 396/729; count 1: z = (15/27) / (sqrt(396)/27) = 15 / sqrt(396)
    net = r["network"]
    assert net.loc["expected", "total"] == pytest.approx(12 / 27)
    assert net.loc["sd", "total"] == pytest.approx(math.sqrt(396) / 27)
    assert net.loc["z", "total"] == pytest.approx(15 / math.sqrt(396))          # 0.754
    # gatekeeper summed over brokers: E = p sum n (N - n)(n - 1) = p (0 + 2) = 4/27; the extra
    # terms have factors (N - 3) and (n - 2), both 0 here: Var = E (1 - p), z = 2.3 again
    assert net.loc["z", "gatekeeper"] == pytest.approx(2.3)
    assert net.loc["count"].tolist() == [0, 0, 0, 1, 0, 1]


def test_four_nodes_by_hand():
    # a -> b -> c -> d; a gov, b biz, c ngo, d biz. Open two-paths: a -> b -> c (b: liaison) and
    # b -> c -> d (c: itinerant). N = 4, m = 3, d = 3/12 = 1/4, p = d^2 (1 - d) = 3/64,
    # r3 = d^3 (1 - d)^3 = 27/4096, r4 = d^4 (1 - d)^2 = 9/4096, r5 = d^5 (1 - d) = 3/4096.
    D = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "d")])
    nx.set_node_attributes(D, {"a": "gov", "b": "biz", "c": "ngo", "d": "biz"}, "sector")
    r = A.brokerage_baselines(D)
    E, sd, z = r["expected"], r["sd"], r["z"]
    # b (biz, n_i = 2), liaison: pairs of the two other groups (gov, ngo) in either order: 2,
    # E = 2p = 3/32; shared-tie term 4 sum_{j != i} n_j C(N - n_j - n_i, 2) r3 = 4 (1 C(1,2) + 1 C(1,2)) r3 = 0
    # Var = E (1 - p) = 3/32 * 61/64 = 183/2048; count 1: z = (29/32) / sqrt(183/2048)
    assert E.loc["b", "liaison"] == pytest.approx(3 / 32)
    assert z.loc["b", "liaison"] == pytest.approx((29 / 32) / math.sqrt(183 / 2048))   # 3.032
    # c (ngo, n_i = 1), itinerant: sum_{j != i} n_j (n_j - 1) = 0 + 2: E = 3/32, extra term
    # 2 sum n_j (n_j - 1)(n_j - 2) r3 = 0: the same z for its one itinerant path
    assert z.loc["c", "itinerant"] == pytest.approx((29 / 32) / math.sqrt(183 / 2048))
    # a (gov, n_i = 1), liaison: others (2, 1): 3^2 - (4 + 1) = 4 pairs: E = 4p = 3/16; extra term
    # 4 (2 C(4 - 2 - 1, 2) + 1 C(4 - 1 - 1, 2)) r3 = 4 r3 = 108/4096;
    # Var = 3/16 * 61/64 + 108/4096 = 840/4096; count 0: z = -(3/16) / sqrt(840/4096)
    assert sd.loc["a", "liaison"] == pytest.approx(math.sqrt(840 / 4096))
    assert z.loc["a", "liaison"] == pytest.approx(-(3 / 16) / math.sqrt(840 / 4096))   # -0.414
    # total for b: E = p (N-1)(N-2) = 18/64; Var = E (1 - p) + 2 (3)(2)(1) r3 = 1098/4096 + 324/4096
    assert sd.loc["b", "total"] == pytest.approx(math.sqrt(1422) / 64)
    assert z.loc["b", "total"] == pytest.approx((1 - 18 / 64) / (math.sqrt(1422) / 64))  # 1.220
    # network liaison: E = p sum_{x != y} x y (N - x - y) = p (6 pairs of 2) = 12p = 9/16.
    # Sizes (1, 2, 1): over ordered distinct triples T3 = sum n_i n_j n_k = 6 * 2 = 12 and
    # T4 = sum n_i^2 n_j n_k = 2 * 2 * (1 + 2 + 1) = 16; sna's triple sum is
    # r3 ((4N - 2) T3 - 8 T4) - r4 ((4N - 2) T3 - 8 T4) + r5 ((N - 1) T3 - 2 T4) = (40*27 - 40*9 + 4*3)/4096
    # Var = 9/16 * 61/64 + 732/4096 = 2928/4096; count 1: z = (7/16) / sqrt(2928/4096)
    net = r["network"]
    assert net.loc["expected", "liaison"] == pytest.approx(9 / 16)
    assert net.loc["sd", "liaison"] == pytest.approx(math.sqrt(2928 / 4096))
    assert net.loc["z", "liaison"] == pytest.approx((7 / 16) / math.sqrt(2928 / 4096))  # 0.517


def sna_triple_loop(n, d):
    """sna's network-level liaison variance term, transcribed loop for loop from brokerage()."""
    N = sum(n)
    v = 0.0
    for i, j, k in itertools.product(range(len(n)), repeat=3):
        if i != j and j != k and i != k:
            v += n[i] * n[j] * n[k] * ((4 * (N - n[j]) - 2 * (n[i] + n[k] + 1)) * d**3 * (1 - d)**3
                                       - (4 * (N - n[k]) - 2 * (n[i] + n[j] + 1)) * d**4 * (1 - d)**2
                                       + (N - (n[i] + n[k] + 1)) * d**5 * (1 - d))
    return v


@pytest.mark.parametrize("seed", range(6))
def test_closed_form_of_the_liaison_triple_sum_equals_sna_loop(seed):
    rnd = random.Random(seed)
    n = [rnd.randint(1, 30) for _ in range(rnd.randint(1, 9))]
    d = rnd.uniform(0.01, 0.9)
    T3, T4 = _distinct_triples(n)
    assert T3 == sum(n[i] * n[j] * n[k] for i, j, k in itertools.permutations(range(len(n)), 3))
    N = sum(n)
    closed = ((d**3 * (1 - d)**3 - d**4 * (1 - d)**2) * ((4 * N - 2) * T3 - 8 * T4)
              + d**5 * (1 - d) * ((N - 1) * T3 - 2 * T4))
    assert closed == pytest.approx(sna_triple_loop(n, d), rel=1e-12, abs=1e-12)


def test_undirected_is_the_reciprocal_digraph():
    H = nx.gnm_random_graph(30, 70, seed=4)
    rnd = random.Random(4)
    nx.set_node_attributes(H, {v: rnd.choice("xyz") for v in H}, "sector")
    a, b = A.brokerage_baselines(H), A.brokerage_baselines(H.to_directed())
    assert a["density"] == b["density"] == pytest.approx(140 / (30 * 29))
    for k in ("count", "expected", "sd", "z"):
        assert a[k].equals(b[k])


def test_nodes_without_the_attribute_get_nan_and_do_not_count():
    # a -> b -> c -> x: x has no sector. Counts skip paths through x; N and the n_i count the
    # three labelled nodes; the density counts all four (3 arcs / 12 pairs).
    D = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "x")])
    nx.set_node_attributes(D, {"a": "gov", "b": "biz", "c": "biz"}, "sector")
    r = A.brokerage_baselines(D)
    assert r["density"] == pytest.approx(0.25)
    assert r["expected"].loc["x"].isna().all() and r["z"].loc["x"].isna().all()
    p = 0.25**2 * 0.75
    assert r["expected"].loc["b", "total"] == pytest.approx(p * 2 * 1)  # (N - 1)(N - 2), N = 3 labelled
    assert r["count"].loc["c", "total"] == 0  # b -> c -> x is not counted
    assert r["network"].loc["count", "total"] == 1


def test_empty_and_tiny_graphs():
    r = A.brokerage_baselines(nx.DiGraph())
    assert r["count"].empty and r["z"].empty and math.isnan(r["density"])
    one = nx.DiGraph()
    one.add_node("a", sector="gov")
    assert A.brokerage_baselines(one)["z"].isna().all().all()
    two = nx.DiGraph([("a", "b")])
    nx.set_node_attributes(two, "gov", "sector")
    r = A.brokerage_baselines(two)
    assert r["density"] == 0.5 and (r["expected"] == 0).all().all() and r["z"].isna().all().all()
