"""labkit plan-tables (CP-SAT) beside random and greedy seating, in the same run.

    flock /tmp/labkit-bench.lock .venv/bin/python benchmarks/plan.py
    flock /tmp/labkit-bench.lock .venv/bin/python benchmarks/plan.py --sizes 60:8:30 --history rounds

For each size PEOPLE:TABLES:SECONDS, PEOPLE registrations and their history of who sat
together come from a synthetic programme (labkit.data.synth, seeded), in two ways
(``--history``):

* ``one``: one earlier round, ``synth.programme``: registrations drawn at random from its
  participants; they met at its focus, deepening and workshop tables of six.
* ``rounds``: three earlier rounds, ``synth.rounds_programme`` (one person per organisation,
  tables of eight; 70% of organisations come back each round, half of them keep their
  table): the registrations are ``n`` people of the last round, as for a fourth. This is
  what the organiser of a programme that runs again sees: most people come back, and
  many of them sat together before.
* ``example``: the embedded example (data/), everyone who attended, at as many tables of 8
  as they need (PEOPLE:TABLES is ignored; SECONDS of the first size is used). Its
  attendance is the report's tables with illustrative seating: three quarters of the pairs
  met before, far denser than the synthetic histories.

Three seatings of the same people at TABLES tables of capacity 8: random (shuffled, dealt
round-robin), greedy (sorted by sector and organisation, dealt round-robin: the obvious
hand method, labkit.analytics.planning.greedy_seating) and CP-SAT (plan_tables). For each:
new cross-sector pairs (the objective), the fewest and mean sectors at a table, and the
rules it breaks (table sizes, sectors at a table, one organisation at a table; CP-SAT's
plan must break none). For CP-SAT also the bound and gap.
Targets on 2 cores: 60:8 optimal or within 2% in 30 s; 300:40 within 10% in 60 s;
CP-SAT >= 1.3x random and above greedy at every size.

Measured 2026-11-29 (2 cores, load below 1), new cross-sector pairs:

    history  size     random  greedy  CP-SAT   result                 wall
    one      60:8        146     157     179   proven optimal          0.1 s   1.23x random
    one      300:40      771     876     912   proven optimal          5.1 s   1.18x
    one      600:75     1674    1878    1908   proven optimal         64 s     1.14x
    rounds   60:8        144     151     179   proven optimal          0.1 s   1.24x
    rounds   292:40      730     819     866   proven optimal          7.0 s   1.19x
    rounds   600:75     1691    1860    1902   proven optimal         80 s     1.12x
    example  45:6         34      36      61   gap 27.4% (bound 84)   24 s     1.79x

CP-SAT is above greedy everywhere and within the time targets. 1.3x random holds on the
example and not on the synthetic histories, where it cannot: there the plans are proven
optimal, so no seating has more new pairs. Random seating loses only the same-sector pairs
and the few who met before (16% of pairs met there, 75% in the example); the gain a plan
can make over random grows with how many registrants already met. Random seating also
breaks rules (column ``broken``: too few sectors at a table, one organisation twice).
"""

from __future__ import annotations

import argparse
import math
import os
import random
import time

from labkit.analytics.planning import greedy_seating, met_before, people_frame, plan_tables, table_figures
from labkit.data import synth

CAPACITY = 8


def registrations(kind: str, n: int, seed: int):
    """(programme, the ids of ``n`` registered people) with a history of ``kind``."""
    if kind == "example":
        import labkit
        from pathlib import Path
        p = labkit.load(Path(__file__).resolve().parents[1] / "data")
        return p, list(dict.fromkeys(p.tables["attendance"]["participant_id"]))
    if kind == "one":
        p = synth.programme(int(n / 1.2) + 10, seed=seed)
        ids = list(p.tables["participants"]["id"])
        random.Random(seed).shuffle(ids)
        return p, ids[:n]
    p = synth.rounds_programme(n, rounds=3, table_size=CAPACITY, seed=seed)
    last = p.tables["rounds"].sort_values("start")["id"].iloc[-1]
    sessions = p.tables["sessions"]
    held = set(sessions.loc[sessions["round_id"] == last, "id"])
    att = p.tables["attendance"]
    came = list(dict.fromkeys(att.loc[att["session_id"].isin(held), "participant_id"]))
    random.Random(seed).shuffle(came)
    return p, came[:n]  # the round's numbers vary around n


def broken(people, seat, tables, m) -> int:
    """Rules a seating breaks, counted as plan_tables states them (tables outside
    capacity - 2 .. capacity, tables with fewer than ``m`` sectors, an organisation at
    one table more often than its numbers force)."""
    n = len(people)
    lo = min(CAPACITY - 2, n // tables)
    s = people.assign(table=seat)
    out = 0
    for t in range(tables):
        at = s[s["table"] == t]
        out += not lo <= len(at) <= CAPACITY
        out += at["sector"].nunique() < m
    spread = s.groupby("organisation_id")["table"]
    for org, tabs in spread:
        most = math.ceil(len(tabs) / tables)
        out += int((tabs.value_counts() > most).sum())
    return out


def figures(people, seat, hist, tables, m):
    per = table_figures(people.assign(table=seat), hist, tables)
    return (int(per["new_pairs"].sum()), int(per["sectors"].min()), float(per["sectors"].mean()),
            broken(people, seat, tables, m))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="60:8:30,300:40:60", help="PEOPLE:TABLES:SECONDS,...")
    ap.add_argument("--history", default="one,rounds,example", help="any of one, rounds, example (comma-separated)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}, {os.cpu_count()} cores; "
          f"capacity {CAPACITY}")
    print(f"{'history':>8} {'size':>8} {'seating':>8} {'new pairs':>10} {'min sect':>9} {'mean sect':>10} "
          f"{'broken':>7} {'seconds':>8}  notes")
    for kind in args.history.split(","):
        for size in args.sizes.split(",")[:1] if kind == "example" else args.sizes.split(","):
            n, T, secs = (int(v) for v in size.split(":"))
            p, reg = registrations(kind, n, args.seed)
            if kind == "example":
                T = -(-len(reg) // CAPACITY)
            people = people_frame(p, reg)
            hist = met_before(p)
            t0 = time.perf_counter()
            plan = plan_tables(p, reg, tables=T, capacity=CAPACITY, seconds=secs, seed=args.seed, history=hist)
            wall = time.perf_counter() - t0
            shuffled = list(range(len(people)))
            random.Random(args.seed + 1).shuffle(shuffled)
            rnd = [0] * len(people)
            for k, i in enumerate(shuffled):
                rnd[i] = k % T
            m = plan.min_sectors
            rows = {"random": figures(people, rnd, hist, T, m),
                    "greedy": figures(people, greedy_seating(people, T), hist, T, m),
                    "CP-SAT": figures(people, list(plan.seating["table"]), hist, T, m)}
            known = sum(1 for q in hist if len(q) == 2 and q <= set(reg))
            for name, (v, lo, mean, bad) in rows.items():
                note = ""
                if name == "CP-SAT":
                    vs_random, vs_greedy = v / max(rows["random"][0], 1), v / max(rows["greedy"][0], 1)
                    note = (f"{plan.status}, bound {plan.bound}, gap {plan.gap:.1%}; "
                            f"{vs_random:.2f}x random ({'ok' if vs_random >= 1.3 else 'below 1.3x'}), "
                            f"{vs_greedy:.2f}x greedy ({'ok' if v > rows['greedy'][0] else 'NOT above'}); "
                            f"{known} of their pairs met before; at least {m} sectors a table")
                print(f"{kind:>8} {len(people)}:{T:<5} {name:>8} {v:>10} {lo:>9} {mean:>10.2f} {bad:>7} "
                      f"{wall if name == 'CP-SAT' else 0:>8.1f}  {note}", flush=True)


if __name__ == "__main__":
    main()
