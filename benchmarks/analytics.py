"""Time labkit.analytics on synthetic programmes beside NetworkX and python-igraph.

    .venv/bin/python benchmarks/analytics.py                 # 100, 1,000, 10,000, 50,000
    .venv/bin/python benchmarks/analytics.py --sizes 1000 --repeat 3

For every size it generates a synthetic programme (labkit.data.synth, seeded), then
runs the whole suite as a user would, from the programme: the organisation
networks (co-attendance, undirected and weighted; collaboration, directed),
the table analyses (composition, continuity, new ties, commitments) and the
network measures on the co-attendance network (brokerage roles on the directed
collaboration network). Each measure is timed cold, in order, so the first
call that needs arrays or an igraph graph pays for building them (cached on
the graph afterwards). Beside each: the plain NetworkX call and python-igraph
where they have the measure, on the same graph, in the same run; igraph is
given its graph ready-built (its build time is printed once). labkit and
igraph times are the best of 3 runs (the machine is shared); NetworkX runs
once (it takes minutes at 50,000). "—": the library
has no such measure. "est.": too slow to run at this size, extrapolated from
a smaller run of the same call (see the notes printed under the table).

Issue 14's tests against chance are timed in the same run but apart from the
suite's total: the permutation test of the E-I index and the mixing matrix
(1,000 shuffles of the sector labels, seeded) beside the naive way, a Python loop
that shuffles the labels, sets them on the NetworkX graph and calls
nx.attribute_mixing_matrix once per shuffle (all 1,000 where they fit in
--naive-seconds, else as many as fit, scaled up: "est."); and the Gould-Fernandez
expected counts and z-scores (no other Python library has them). Target: 1,000
shuffles at 50,000 organisations in under 5 s.

``--rounds [K]`` times issue 16's change between rounds instead: labkit.analytics.round_change
on a synthetic programme of K rounds (labkit.data.synth.rounds_programme) beside the same
measures written directly in NetworkX, then labkit.analytics.round_positions (betweenness and
Leiden per round). Target: both at 50,000 organisations over 5 rounds in under 5 s. Measured
2026-11-29 (quiet machine): round_change 1.0 s (NetworkX 2.7 s), round_positions 2.5-2.7 s
(first run 2.8-3.3 s; in NetworkX, with Louvain for Leiden, est. 62 s), together 3.6-3.7 s.

Betweenness is exact up to 10,000 organisations and sampled from k=100 sources
above, for labkit, NetworkX and igraph alike (the same sources). Communities:
labkit runs python-igraph's Leiden (modularity, two iterations, seeded), and
so does the igraph column, with the same seed; NetworkX has no Leiden of its
own (its leiden_communities only dispatches to other backends), so its column
is its Louvain, the closest algorithm it has. Measures run unweighted except
communities and modularity (tie weight = shared sessions).
"""

from __future__ import annotations

import argparse
import gc
import platform
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import igraph as ig  # noqa: E402
import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import scipy  # noqa: E402

from labkit import analytics as A  # noqa: E402
from labkit.network import graph  # noqa: E402
from labkit.data import synth
from labkit.analytics.headline import BETWEENNESS_EXACT_MAX, BETWEENNESS_SAMPLE  # noqa: E402
from labkit.analytics.permutation import PERMUTATIONS  # noqa: E402

SEED = 0
TARGETS = {1_000: 1.0, 50_000: 5.0}  # seconds for the whole suite (the targets)
PERMUTATION_TARGET = 5.0  # seconds for 1,000 shuffles at 50,000 organisations (issue 14)


def clock(f):
    gc.collect()
    t = time.perf_counter()
    out = f()
    return time.perf_counter() - t, out


def seeded(f):
    """Run f with python-igraph's random numbers drawn from random.Random(SEED), as labkit seeds them."""
    ig.set_random_number_generator(random.Random(SEED))
    try:
        return f()
    finally:
        ig.set_random_number_generator(random)


def best_of(f, runs=3):
    """The fastest of a few runs: the machine is shared, so the minimum is the honest figure."""
    return min(clock(f)[0] for _ in range(runs))


class Row:
    def __init__(self, name, group, labkit, nx_time=None, ig_time=None, nx_est=False):
        self.name, self.group, self.labkit = name, group, labkit
        self.nx, self.ig, self.nx_est = nx_time, ig_time, nx_est

    @property
    def best(self):
        times = [t for t in (self.nx, self.ig) if t is not None]
        return min(times) if times else None


def suite(p, theme, k):
    """The labkit calls, in the order a user runs them; returns (rows, objects for the baselines)."""
    rows, keep = [], {}

    def run(name, group, f):
        t, out = clock(f)
        rows.append(Row(name, group, t))
        return out

    F = run("read the programme's tables", "tables", lambda: A._data.frames(p))
    H = run("co-attendance network (projection)", "graph", lambda: graph.organisation_coattendance(p))
    D = run("collaboration network, directed", "graph", lambda: graph.organisation_collaboration(p, directed=True))
    run("sector composition per session", "tables", lambda: A.sector_composition(p))
    run("missing sectors per session", "tables", lambda: A.missing_sectors(p))
    run("diversity per session (Blau, Shannon)", "tables", lambda: A.diversity(p))
    run("composition per table kind", "tables", lambda: A.sector_composition(p, by="table"))
    run("continuity across tables (one theme)", "tables", lambda: A.table_continuity(p, theme))
    run("invitation tree (one theme)", "graph", lambda: A.invitation_tree(p, theme))
    run("new cross-sector ties per table", "tables", lambda: A.new_cross_sector_ties(p, theme))
    run("E-I index, whole network", "measure", lambda: A.ei_index(H))
    run("E-I index per sector and per node", "measure",
        lambda: (A.ei_index_by_group(H), A.ei_index_by_node(H), A.ei_index_expected(H)))
    run("mixing matrix", "measure", lambda: A.mixing_matrix(H, groups=list(F.sectors)))
    run("attribute assortativity", "measure", lambda: A.assortativity(H))
    run("cross-sector share", "measure", lambda: A.cross_sector_share(H))
    run(f"E-I + mixing vs chance ({PERMUTATIONS:,} shuffles)", "chance",
        lambda: (A.ei_index_permutation(H, seed=SEED),
                 A.mixing_permutation(H, seed=SEED, groups=list(F.sectors))))
    keep["betweenness"] = run(f"betweenness ({'exact' if k is None else f'k={k}'})", "measure",
                              lambda: A.betweenness(H, k=k, seed=SEED))
    run("Burt's constraint", "measure", lambda: A.constraint(H))
    run("effective size", "measure", lambda: A.effective_size(H))
    run("Gould-Fernandez roles (directed collab.)", "measure", lambda: A.brokerage_roles(D))
    run("Gould-Fernandez expected counts, z", "chance", lambda: A.brokerage_baselines(D))
    parts = run("communities (Leiden, seeded)", "measure", lambda: A.communities(H, seed=SEED))
    run("modularity", "measure", lambda: A.modularity(H, parts))
    run("community sector mixing", "measure", lambda: A.community_mixing(H, parts))
    run("commitment coverage (4 ways) + unowned", "tables",
        lambda: ([A.commitment_coverage(p, by=b) for b in A.commitments.COVERAGE_BY], A.unowned(p)))
    run("stalled commitments", "tables", lambda: A.stalled_commitments(p, as_of="2026-10-01"))
    run("progress over time", "tables", lambda: A.progress_over_time(p))
    keep.update(H=H, D=D, parts=parts, sectors=list(F.sectors))
    return rows, keep


def baselines(rows, keep, p, k, budget):
    """Fill in the NetworkX and igraph columns for the measures they have."""
    H, parts = keep["H"], keep["parts"]
    by = {r.name.split(" (")[0]: r for r in rows}
    notes = []
    n = H.number_of_nodes()
    nodes = list(H)
    index = {v: i for i, v in enumerate(nodes)}
    t_ig, g = clock(lambda: ig.Graph(n=n, edges=[(index[u], index[v]) for u, v in H.edges()]))
    w = [d for _, _, d in H.edges(data="weight")]
    notes.append(f"igraph graph built from the NetworkX co-attendance network in {t_ig:.3f} s "
                 "(not in igraph's columns; labkit's columns include its own conversions)")

    # projection: NetworkX's bipartite projection and igraph's, from a ready org-session graph
    person_org = dict(zip(p.participants["id"], p.participants["organisation_id"]))
    pairs = {(f"org:{person_org[x]}", f"session:{s}") for s, x in zip(p.attendance["session_id"], p.attendance["participant_id"])
             if isinstance(person_org.get(x), str)}
    B = nx.Graph()
    B.add_nodes_from(sorted({o for o, _ in pairs}), bipartite=0)
    B.add_edges_from(pairs)
    orgs = [v for v, d in B.nodes(data="bipartite") if d == 0]
    r = by["co-attendance network"]
    r.nx = clock(lambda: nx.bipartite.weighted_projected_graph(B, orgs))[0]
    bindex = {v: i for i, v in enumerate(B)}
    gb = ig.Graph(n=len(bindex), edges=[(bindex[u], bindex[v]) for u, v in B.edges()])
    gb.vs["type"] = [d != 0 for _, d in B.nodes(data="bipartite")]
    r.ig = best_of(lambda: gb.bipartite_projection(multiplicity=True, which=0))

    sectors = keep["sectors"]
    mapping = {s: i for i, s in enumerate(sectors)}
    by["E-I index, whole network"].nx = clock(
        lambda: nx.attribute_mixing_matrix(H, "sector", mapping=mapping, normalized=False))[0]
    by["mixing matrix"].nx = clock(lambda: nx.attribute_mixing_matrix(H, "sector", mapping=mapping,
                                                                      normalized=False))[0]
    r = by["E-I + mixing vs chance"]
    r.nx, r.nx_est, note = naive_permutations(H, mapping, budget["naive"])
    notes.append(note)
    r = by["attribute assortativity"]
    r.nx = clock(lambda: nx.attribute_assortativity_coefficient(H, "sector"))[0]
    types = [mapping[H.nodes[v]["sector"]] for v in nodes]
    r.ig = best_of(lambda: g.assortativity_nominal(types, directed=False))

    r = by["betweenness"]
    if k is None:
        r.ig = best_of(lambda: g.betweenness(directed=False), 1 if n > 2_000 else 3)
        if n <= 2_000:
            r.nx = clock(lambda: nx.betweenness_centrality(H))[0]
        else:  # exact NetworkX betweenness is n single-source passes: time 50 and scale
            r.nx = clock(lambda: nx.betweenness_centrality(H, k=50, seed=SEED))[0] * n / 50
            r.nx_est = True
            notes.append(f"NetworkX exact betweenness estimated as its k=50 time x {n}/50 "
                         "(one shortest-path pass per source)")
    else:
        sources = [index[v] for v in random.Random(SEED).sample(nodes, k)]
        r.ig = best_of(lambda: g.betweenness(directed=False, sources=sources))
        r.nx = clock(lambda: nx.betweenness_centrality(H, k=k, seed=SEED))[0]
    r = by["Burt's constraint"]
    r.nx = clock(lambda: nx.constraint(H))[0]
    r.ig = best_of(lambda: g.constraint())
    r = by["effective size"]
    if n <= 5_000:  # NetworkX's all-nodes path builds a dense n x n matrix
        r.nx = clock(lambda: nx.effective_size(H))[0]
    else:  # its per-node path copies the whole graph per node (ego_graph(undirected=True))
        sample = random.Random(SEED).sample(nodes, 200)
        one = clock(lambda: nx.effective_size(H, nodes=sample[:1]))[0]
        m = int(min(200, max(3, 20 / max(one, 1e-9))))  # about 20 s of it
        r.nx = clock(lambda: nx.effective_size(H, nodes=sample[:m]))[0] * n / m
        r.nx_est = True
        notes.append(f"NetworkX effective size estimated from its per-node path on {m} nodes x {n}/{m}; "
                     f"its all-nodes path needs a dense {n:,} x {n:,} matrix "
                     f"({n * n * 8 / 2**30:.1f} GiB per copy)")
    r = by["communities"]
    if n <= budget["louvain"]:
        r.nx = clock(lambda: nx.community.louvain_communities(H, seed=SEED))[0]
    r.ig = best_of(lambda: seeded(lambda: g.community_leiden(objective_function="modularity", weights=w,
                                                             n_iterations=2)))
    notes.append("communities: labkit and igraph run igraph's Leiden (modularity, 2 iterations, seed "
                 f"{SEED}); NetworkX's column is its Louvain (it has no Leiden of its own)")
    membership = [0] * n
    for c, part in enumerate(parts):
        for v in part:
            membership[index[v]] = c
    r = by["modularity"]
    r.nx = clock(lambda: nx.community.modularity(H, parts))[0]
    r.ig = best_of(lambda: g.modularity(membership, weights=w))
    return notes


def naive_permutations(H, mapping, seconds):
    """The plain way to test E-I and mixing against chance: shuffle the sectors in Python,
    set them on a copy of the NetworkX graph and call nx.attribute_mixing_matrix, once per
    shuffle. Runs all 1,000 shuffles if they fit in ``seconds``, else times as many as fit
    and scales up. Returns (seconds for 1,000, estimated?, note)."""
    G = H.copy()
    nodes = list(G)
    labels = [G.nodes[v]["sector"] for v in nodes]
    rnd = random.Random(SEED)

    def one():
        shuffled = labels[:]
        rnd.shuffle(shuffled)
        nx.set_node_attributes(G, dict(zip(nodes, shuffled)), "shuffled")
        M = nx.attribute_mixing_matrix(G, "shuffled", mapping=mapping, normalized=False)
        internal = np.trace(M)
        return (M.sum() - 2 * internal) / M.sum()  # E-I, each tie counted both ways

    first = clock(one)[0]
    runs = PERMUTATIONS if first * PERMUTATIONS <= seconds else int(max(3, min(PERMUTATIONS, seconds / first)))
    t = clock(lambda: [one() for _ in range(runs)])[0]
    est = runs < PERMUTATIONS
    note = (f"E-I + mixing vs chance, NetworkX column: a Python loop that shuffles the sectors, sets them "
            f"on the graph and calls nx.attribute_mixing_matrix, {runs:,} shuffles"
            + (f" timed and scaled to {PERMUTATIONS:,}" if est else "") + "; igraph has no such test")
    return t * PERMUTATIONS / runs, est, note


def fmt(t, est=False):
    if t is None:
        return "—"
    s = f"{t:.3f}" if t < 100 else f"{t:.0f}"
    return s + (" est." if est else "")


def run_size(n, repeat, budget, baselines_too=True):
    t_synth, p = clock(lambda: synth.programme(n, seed=SEED))
    t_graph, _ = clock(lambda: p.graph)
    theme = p.themes["id"].iloc[0]
    k = None if n <= BETWEENNESS_EXACT_MAX else BETWEENNESS_SAMPLE
    best_rows = None
    for _ in range(repeat):
        rows, keep = suite(p.replace(), theme, k)  # a fresh programme: no cached tables or arrays
        if best_rows is None:
            best_rows = rows
        else:
            for b, r in zip(best_rows, rows):
                b.labkit = min(b.labkit, r.labkit)
    rows = best_rows
    notes = baselines(rows, keep, p, k, budget) if baselines_too else []
    t_head, _ = clock(lambda: A.headline(p.replace()))
    chance = [r for r in rows if r.group == "chance"]  # issue 14's additions: timed apart from the suite
    permutation = next(r for r in chance if r.name.startswith("E-I + mixing vs chance"))
    rows_all, rows = rows, [r for r in rows if r.group != "chance"]
    H, D = keep["H"], keep["D"]
    print(f"\n== {n:,} organisations: co-attendance {H.number_of_nodes():,} nodes, {H.number_of_edges():,} ties "
          f"(average degree {2 * H.number_of_edges() / max(H.number_of_nodes(), 1):.1f}); "
          f"collaboration {D.number_of_nodes():,} nodes, {D.number_of_edges():,} arcs; "
          f"{len(p.sessions):,} sessions, {len(p.attendance):,} attendances")
    print(f"   not in the suite: synthetic programme {t_synth:.3f} s; typed graph "
          f"(labkit.network.graph.build_graph, the model, built once per programme) {t_graph:.3f} s")
    print(f"   {'measure':<44}{'labkit':>10}{'NetworkX':>14}{'igraph':>10}{'labkit/best':>13}")
    for r in rows_all:
        ratio = f"{r.labkit / r.best:.2f}" if r.best else ""
        print(f"   {r.name:<44}{fmt(r.labkit):>10}{fmt(r.nx, r.nx_est):>14}{fmt(r.ig):>10}{ratio:>13}")
    total = sum(r.labkit for r in rows)
    graphs = sum(r.labkit for r in rows if r.group == "graph")
    net = sum(r.labkit for r in rows if r.group == "measure")
    measured = [r for r in rows if r.ig is not None or (r.nx is not None and not r.nx_est)]

    def best(r):
        return min(t for t in (None if r.nx_est else r.nx, r.ig) if t is not None)

    lab_c, best_c = sum(r.labkit for r in measured), sum(best(r) for r in measured) if measured else 0
    meas = [r for r in measured if r.group == "measure"]
    lab_m, best_m = sum(r.labkit for r in meas), sum(best(r) for r in meas) if meas else 0
    print(f"   {'whole suite':<44}{total:>10.3f}")
    print(f"   {'  building NetworkX graphs (projections, tree)':<44}{graphs:>10.3f}")
    print(f"   {'  network measures on the projections':<44}{net:>10.3f}")
    print(f"   {'  table analyses':<44}{total - graphs - net:>10.3f}")
    if best_c:
        print(f"   rows another library runs here (estimates left out): labkit {lab_c:.3f} s, best library "
              f"{best_c:.3f} s, ratio {lab_c / best_c:.2f}; network measures only: {lab_m:.3f} / {best_m:.3f} "
              f"= {lab_m / best_m:.2f}")
    print(f"   against chance (not in the suite's total): {sum(r.labkit for r in chance):.3f} s; permutation "
          f"test of E-I and mixing, {PERMUTATIONS:,} shuffles: labkit {permutation.labkit:.3f} s"
          + (f", naive NetworkX loop {fmt(permutation.nx, permutation.nx_est)} s "
             f"({permutation.nx / permutation.labkit:.0f}x)" if permutation.nx else "")
          + (f"; target < {PERMUTATION_TARGET:g} s: {'ok' if permutation.labkit < PERMUTATION_TARGET else 'MISSED'}"
             if n == 50_000 else ""))
    print(f"   headline (what `labkit analyse` computes, from the programme, with both tests): {t_head:.3f} s")
    for note in notes:
        print(f"   note: {note}")
    return {"n": n, "suite": total, "graphs": graphs, "network": net, "compared": lab_c,
            "best": best_c, "measures": lab_m, "measures_best": best_m, "headline": t_head, "model": t_graph}


def networkx_round_change(p):
    """Issue 16's change between rounds written directly in NetworkX, the naive way: per
    round a co-attendance nx.Graph (every pair at a table, via itertools), then node and
    edge sets compared between consecutive rounds and the E-I index counted edge by edge."""
    import itertools
    org_of = dict(zip(p.participants["id"], p.participants["organisation_id"]))
    sector = dict(zip(p.organisations["id"], p.organisations["sector"]))
    graphs = {}
    for s, r in zip(p.sessions["id"], p.sessions["round_id"]):
        graphs.setdefault(r, nx.Graph())
    present = {}
    for s, person in zip(p.attendance["session_id"], p.attendance["participant_id"]):
        present.setdefault(s, []).append(org_of[person])
    round_of = dict(zip(p.sessions["id"], p.sessions["round_id"]))
    for s, orgs in present.items():
        G = graphs[round_of[s]]
        G.add_nodes_from(orgs)
        G.add_edges_from(itertools.combinations(sorted(set(orgs)), 2))
    out = []
    order = list(p.tables["rounds"].sort_values("start")["id"])
    for r in order:
        G = graphs[r]
        ext = sum(sector[u] != sector[v] for u, v in G.edges())
        out.append((G.number_of_nodes(), (2 * ext - G.number_of_edges()) / max(1, G.number_of_edges())))
    for a, b in zip(order, order[1:]):
        A, B = graphs[a], graphs[b]
        ea, eb = {tuple(sorted(e)) for e in A.edges()}, {tuple(sorted(e)) for e in B.edges()}
        out.append((len(set(A) & set(B)), len(set(B) - set(A)), len(eb - ea), len(ea & eb),
                    len(ea & eb) / len(ea | eb)))
    return out


def networkx_round_positions(p, sample=5):
    """round_positions' measures written in NetworkX, estimated: per round the co-attendance
    nx.Graph (itertools pairs), betweenness from ``sample`` sources scaled to the 100
    labkit samples (its time grows with the sources), and Louvain (NetworkX has no Leiden).
    Returns (seconds estimated for all rounds, seconds actually spent)."""
    import itertools
    org_of = dict(zip(p.participants["id"], p.participants["organisation_id"]))
    round_of = dict(zip(p.sessions["id"], p.sessions["round_id"]))
    present = {}
    for s, person in zip(p.attendance["session_id"], p.attendance["participant_id"]):
        present.setdefault(s, []).append(org_of[person])
    graphs = {}
    for s, orgs in present.items():
        G = graphs.setdefault(round_of[s], nx.Graph())
        G.add_nodes_from(orgs)
        G.add_edges_from(itertools.combinations(sorted(set(orgs)), 2))
    estimate = spent = 0.0
    for G in graphs.values():
        t0 = time.perf_counter()
        nx.betweenness_centrality(G, k=sample, seed=SEED)
        between = time.perf_counter() - t0
        t0 = time.perf_counter()
        nx.community.louvain_communities(G, seed=SEED)
        louvain = time.perf_counter() - t0
        estimate += between * BETWEENNESS_SAMPLE / sample + louvain
        spent += between + louvain
    return estimate, spent


def run_rounds(n, k, repeat):
    """Issue 16: the change suite at ``n`` organisations over ``k`` rounds, beside NetworkX."""
    from labkit.analytics import round_change
    from labkit.data.synth import rounds_programme
    t0 = time.perf_counter()
    p = rounds_programme(n, rounds=k, seed=SEED)
    made = time.perf_counter() - t0
    print(f"\nchange between rounds (issue 16): {n:,} organisations a round, {k} rounds, "
          f"{len(p.attendance):,} attendance rows (made in {made:.1f} s)")
    lab = best_of(lambda: round_change(p), runs=repeat)
    t0 = time.perf_counter()
    networkx_round_change(p)
    naive = time.perf_counter() - t0
    print(f"   labkit.analytics.round_change: {lab:.3f} s (best of {repeat}); the same written in NetworkX: "
          f"{naive:.3f} s; target < 5 s: {'ok' if lab < 5 else 'MISSED'}")
    from labkit.analytics import round_positions
    change = round_change(p)
    t0 = time.perf_counter()
    round_positions(p, seed=SEED, change=change)
    cold = time.perf_counter() - t0
    pos = best_of(lambda: round_positions(p, seed=SEED, change=change), runs=repeat)
    print(f"   labkit.analytics.round_positions (betweenness, sampled above 10,000, and Leiden per round): "
          f"{pos:.3f} s (best of {repeat}; the first run, with igraph's first calls: {cold:.3f} s)")
    est, spent = networkx_round_positions(p)
    print(f"   the same in NetworkX (betweenness from {BETWEENNESS_SAMPLE} sources, Louvain) per round: "
          f"est. {est:.0f} s (betweenness timed from 5 sources and scaled; {spent:.0f} s spent)")
    print(f"   the whole change suite, round_change and round_positions: {lab + pos:.3f} s (best of {repeat}), "
          f"{lab + cold:.3f} s with the first run of round_positions; target < 5 s: "
          f"{'ok' if lab + pos < 5 else 'MISSED'}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1_000, 10_000, 50_000])
    ap.add_argument("--repeat", type=int, default=3,
                    help="runs of labkit's suite per size, each measure's best counts (igraph: best of 3)")
    ap.add_argument("--labkit-only", action="store_true", help="skip the NetworkX and igraph columns")
    ap.add_argument("--nx-louvain-max", type=int, default=50_000,
                    help="largest size at which NetworkX's Louvain is run (13.5 s at 50,000 here)")
    ap.add_argument("--naive-seconds", type=float, default=20,
                    help="time given to the naive permutation loop per size before it is extrapolated")
    ap.add_argument("--rounds", type=int, nargs="?", const=5, default=None, metavar="K",
                    help="only the change between rounds (issue 16): K rounds (default 5) at the largest --sizes")
    args = ap.parse_args(argv)
    if args.rounds:
        run_rounds(max(args.sizes), args.rounds, args.repeat)
        return
    print(f"labkit.analytics benchmark: Python {platform.python_version()}, networkx {nx.__version__}, "
          f"igraph {ig.__version__}, numpy {np.__version__}, scipy {scipy.__version__}, pandas {pd.__version__}; "
          f"{len(__import__('os').sched_getaffinity(0))} cores; seconds")
    print(f"betweenness exact up to {BETWEENNESS_EXACT_MAX:,} organisations, above it sampled from "
          f"k={BETWEENNESS_SAMPLE} sources (seed {SEED}), for all three")
    results = [run_size(n, args.repeat, {"louvain": args.nx_louvain_max, "naive": args.naive_seconds},
                        not args.labkit_only) for n in args.sizes]
    print("\nsummary (seconds)")
    print(f"   {'organisations':>13} {'whole suite':>11} {'NetworkX graphs':>15} {'network measures':>16}"
          f"   {'labkit / best library, all rows':<34}{'network measures only':<30}{'target'}")
    for r in results:
        target = TARGETS.get(r["n"])
        verdict = "" if target is None else f"< {target:g} s: {'ok' if r['suite'] < target else 'MISSED'}"

        def ratio(a, b):
            if not b:
                return "—"
            return f"{a:.3f} / {b:.3f} = {a / b:.2f} {'ok' if a <= 2 * b else 'over 2x'}"

        print(f"   {r['n']:>13,} {r['suite']:>11.3f} {r['graphs']:>15.3f} {r['network']:>16.3f}"
              f"   {ratio(r['compared'], r['best']):<34}{ratio(r['measures'], r['measures_best']):<30}{verdict}")


if __name__ == "__main__":
    main()
