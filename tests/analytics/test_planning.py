"""plan_tables: the optimum of small cases by brute force, every constraint checked
on every plan by an independent checker, infeasible inputs refused in one line."""

import itertools
import math

import pytest

from conftest import make_programme
from labkit.analytics.planning import PlanInfeasible, greedy_seating, people_frame, plan_tables

SECTORS = ["gov", "biz", "ngo"]


def tiny(n=9, history=()):
    """n people in 6 organisations over 3 sectors; ``history``: pairs of person
    numbers who sat at one session."""
    orgs = [{"id": f"o{k}", "name": f"Org {k}", "sector": SECTORS[k % 3], "source": "synthetic"}
            for k in range(6)]
    people = [{"id": f"p{i}", "name": f"Persoon {i}", "consent_named": False,
               "organisation_id": f"o{i % 6}", "role": "participant", "source": "synthetic"}
              for i in range(n)]
    sessions = [{"id": f"s{k}", "theme_id": "t", "kind": "focustafel", "order": k + 1,
                 "month": "2021-03", "title_nl": f"s{k}", "source": "synthetic"}
                for k in range(len(history))]
    att = [{"session_id": f"s{k}", "participant_id": f"p{i}", "role": "participant",
            "source": "synthetic"} for k, pair in enumerate(history) for i in pair]
    return make_programme(organisations=orgs, participants=people, sessions=sessions,
                          attendance=att)


def value(seat, people, hist):
    ids, sec = list(people["participant_id"]), list(people["sector"])
    return sum(1 for i, j in itertools.combinations(range(len(ids)), 2)
               if seat[i] == seat[j] and sec[i] != sec[j]
               and frozenset((ids[i], ids[j])) not in hist)


def violations(seat, people, T, cap, m, keep=None, apart=()):
    """Every broken rule of a seating, checked from the rules' words alone."""
    ids = list(people["participant_id"])
    n, bad = len(ids), []
    lo = min(cap - 2, n // T)
    for t in range(T):
        at = [i for i in range(n) if seat[i] == t]
        if not lo <= len(at) <= cap:
            bad.append(f"table {t} has {len(at)}")
        if len({people["sector"][i] for i in at}) < m:
            bad.append(f"table {t} has too few sectors")
    for org, g in people.groupby("organisation_id"):
        most = math.ceil(len(g) / T)
        for t in range(T):
            if sum(seat[people.index.get_loc(i)] == t for i in g.index) > most:
                bad.append(f"{org} crowds table {t}")
    for p, t in (keep or {}).items():
        if seat[ids.index(p)] != t:
            bad.append(f"{p} not kept at {t}")
    for a, b in apart:
        if seat[ids.index(a)] == seat[ids.index(b)]:
            bad.append(f"{a} and {b} together")
    return bad


def brute(people, T, cap, m, hist, keep=None, apart=()):
    best = None
    for seat in itertools.product(range(T), repeat=len(people)):
        if not violations(seat, people, T, cap, m, keep, apart):
            v = value(seat, people, hist)
            best = v if best is None else max(best, v)
    return best


HISTORY = [(0, 1), (1, 2, 5), (3, 4), (0, 7)]
#: most pairs across sectors met before: plan_tables then counts the new pairs themselves
DENSE = [(0, 1, 2, 3, 4, 5), (3, 4, 5, 6, 7, 8), (0, 2, 6, 8), (1, 7)]
#: 11 of 27 cross-sector pairs met: the penalty model, with its bound from earlier sessions
MIDDLE = [(0, 1, 2, 3), (4, 5, 6), (7, 8, 0)]


@pytest.mark.parametrize("history", [HISTORY, MIDDLE, DENSE], ids=["sparse", "middle", "dense"])
@pytest.mark.parametrize("cap,m,keep,apart", [
    (3, 2, {}, []),
    (4, 2, {}, []),
    (4, 3, {"p0": 1}, [("p1", "p2")]),
    (5, 2, {"p3": 0, "p4": 0}, [("p0", "p7")]),
])
def test_small_plans_reach_the_brute_force_optimum(cap, m, keep, apart, history):
    p = tiny(9, history)
    hist = {frozenset((f"p{a}", f"p{b}")) for pair in history for a, b in itertools.combinations(pair, 2)}
    cross = [q for q in itertools.combinations(range(9), 2) if q[0] % 3 != q[1] % 3]
    met = sum(frozenset(f"p{i}" for i in q) in hist for q in cross)
    assert (met > len(cross) - met) == (history is DENSE)  # each formulation of the model is tried
    plan = plan_tables(p, [f"p{i}" for i in range(9)], tables=3, capacity=cap, min_sectors=m,
                       keep=keep, apart=apart, seconds=10)
    people = people_frame(p, [f"p{i}" for i in range(9)])
    seat = list(plan.seating["table"])
    assert violations(seat, people, 3, cap, m, keep, apart) == []
    assert plan.optimal and plan.gap == 0
    assert plan.new_pairs == value(seat, people, hist) == brute(people, 3, cap, m, hist, keep, apart)
    assert plan.per_table["new_pairs"].sum() == plan.new_pairs


def test_history_counts_only_pairs_who_met_and_crosses_sectors():
    p = tiny(6)
    plan = plan_tables(p, [f"p{i}" for i in range(6)], tables=2, capacity=3, min_sectors=3, seconds=5)
    assert plan.new_pairs == 6  # every table: one of each sector, 3 cross pairs, nobody met
    met = tiny(6, [(0, 1, 2, 3, 4, 5)])
    plan = plan_tables(met, [f"p{i}" for i in range(6)], tables=2, capacity=3, min_sectors=3, seconds=5)
    assert plan.new_pairs == 0 and plan.bound == 0


def test_the_same_input_gives_the_same_plan_and_a_gap_when_stopped_early():
    from labkit.data import synth
    from labkit.interop.seating import plan_sheets
    p = synth.programme(40, seed=2, table_size=20)  # many met: not proven in 2 s
    reg = list(p.tables["participants"]["id"])[:40]
    a = plan_tables(p, reg, tables=5, capacity=8, seconds=2, seed=3)
    b = plan_tables(p, reg, tables=5, capacity=8, seconds=2, seed=3)
    assert a.seating.equals(b.seating) and a.new_pairs == b.new_pairs
    people = people_frame(p, reg)
    assert violations(list(a.seating["table"]), people, 5, 8, a.min_sectors) == []
    assert not a.optimal and a.bound > a.new_pairs and a.gap == (a.bound - a.new_pairs) / a.bound
    # the bound is said as what no plan beats, not as how much worse this one is
    assert f"no plan has more than {a.bound}, so the best has {a.new_pairs} to {a.bound}" in a.describe()
    summary = plan_sheets(p, a, lang="en")["Summary"]
    assert ["", f"No plan has more than {a.bound} new pairs, so the best has {a.new_pairs} to "
                f"{a.bound}. More time (--seconds) may narrow the gap."] in summary
    hist = set()
    att = p.tables["attendance"]
    for _, g in att.groupby("session_id")["participant_id"]:
        hist |= {frozenset(x) for x in itertools.combinations(sorted(set(g)), 2)}
    assert a.new_pairs == value(list(a.seating["table"]), people, hist)
    assert a.new_pairs > value(greedy_seating(people, 5), people, hist)


@pytest.mark.parametrize("kwargs,words", [
    ({"tables": 2, "capacity": 4}, "capacity cannot hold"),
    ({"tables": 12, "capacity": 4}, "tables cannot all be used: 9 people for 12 tables"),
    ({"tables": 3, "capacity": 4, "keep": {f"p{i}": 0 for i in range(5)}}, "keep cannot hold"),
    ({"tables": 3, "capacity": 4, "min_sectors": 4}, "min-sectors cannot hold"),
    ({"tables": 3, "capacity": 4, "apart": [("p0", "p1")], "keep": {"p0": 1, "p1": 1}},
     "apart cannot hold"),
])
def test_infeasible_inputs_say_which_constraint_in_one_line(kwargs, words):
    with pytest.raises(PlanInfeasible) as e:
        plan_tables(tiny(9), [f"p{i}" for i in range(9)], seconds=5, **kwargs)
    assert words in str(e.value) and "\n" not in str(e.value)


def test_default_min_sectors_is_what_the_registrations_allow():
    plan = plan_tables(tiny(9), [f"p{i}" for i in range(9)], tables=3, capacity=3, seconds=5)
    assert plan.min_sectors == 3 and "as many as the registrations allow" in plan.min_sectors_note


@pytest.mark.parametrize("seed", range(6))
def test_the_warm_start_swaps_only_to_more_new_pairs_and_keeps_every_rule(seed):
    import random

    from labkit.analytics.planning import improve_by_swaps, met_before
    from labkit.data import synth
    p = synth.programme(40, table_size=20, seed=seed)  # many met: swaps have work to do
    reg = list(p.tables["participants"]["id"])[:40]
    people = people_frame(p, reg)
    hist = met_before(p)
    sec, ids = list(people["sector"]), list(people["participant_id"])
    old = [(i, j) for i, j in itertools.combinations(range(40), 2)
           if sec[i] != sec[j] and frozenset((ids[i], ids[j])) in hist]
    rng = random.Random(seed)
    keep = {ids[k]: rng.randrange(5) for k in rng.sample(range(40), 3)}
    apart = [tuple(rng.sample(ids, 2)) for _ in range(4)]
    apart = [(a, b) for a, b in apart if not (a in keep and b in keep)]
    start = greedy_seating(people, 5, keep)
    seat = improve_by_swaps(people, start, old, 5, keep=keep, min_sectors=4,
                            apart=[(ids.index(a), ids.index(b)) for a, b in apart])
    before = set(violations(start, people, 5, 8, 4, keep))
    assert set(violations(seat, people, 5, 8, 4, keep)) <= before  # no rule broken anew
    together = {(a, b) for a, b in apart if seat[ids.index(a)] == seat[ids.index(b)]}
    assert together <= {(a, b) for a, b in apart if start[ids.index(a)] == start[ids.index(b)]}
    assert sorted(seat) == sorted(start)  # swaps: every table keeps its size
    assert value(seat, people, hist) > value(start, people, hist)
