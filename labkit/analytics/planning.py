"""Who sits at which table in the next round: a seating plan from CP-SAT.

:func:`plan_tables` seats registered participants at ``tables`` tables so that as
many pairs as possible meet who come from **different sectors** and have **not
sat together before** (attended one session) in this programme; ties go to the
plan that covers more sectors at more tables. Hard rules: table sizes between
``capacity - 2`` and ``capacity`` (where the numbers allow), at least
``min_sectors`` sectors at every table, no two people of one organisation at one
table unless there are more of them than tables, people kept at a table
(``keep``) and pairs kept apart (``apart``).

Model (Google OR-Tools CP-SAT)
------------------------------
``x[i, t]`` says person ``i`` sits at table ``t``. The pairs at a table are
``C(n_t, 2)``, the same-sector pairs ``sum_s C(c_st, 2)``: both are linear in
one-hot "how many" variables (``n_t = k``, ``c_st = k``), so the model needs no
variable per pair. Only pairs of different sectors who met before get a
variable ``y[i, j] >= x[i, t] + x[j, t] - 1`` (for every table t), subtracted; where
most cross-sector pairs met, the new pairs get the variables instead. The objective is

    K * (sum_t C(n_t, 2) - sum_st C(c_st, 2) - sum y) + sum_st [c_st >= 1]

with ``K`` above the largest coverage, so coverage only breaks ties. Where a quarter
of the cross-sector pairs or more met, people of one earlier session (the largest that
share nobody) bound the objective too: those of them at one table all met, so
``sum_t C(q_t, 2)`` of their pairs are same-sector pairs or penalties, never new ones. Tables are
interchangeable, so person ``i`` may only sit at tables ``0..i`` unless someone is kept
anywhere. The search starts from a warm start (round-robin by sector, improved by
swaps: :func:`improve_by_swaps`) and is deterministic: one worker, a seed, and a limit in CP-SAT's
deterministic time (about a second of work each) besides a wall-clock guard.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
from collections import Counter

import numpy as np
import pandas as pd

from ..errors import ParameterError

from ..data.schema import PLANNED  # attendance of a recorded plan: not real attendance
UNKNOWN_SECTOR = "unknown"


class PlanInfeasible(ParameterError):
    """The constraints cannot all hold; the message says which."""


@dataclasses.dataclass(frozen=True)
class TablePlan:
    """A seating plan and its figures.

    ``seating`` has one row per person: ``participant_id``, ``table`` (0-based),
    ``organisation_id``, ``sector``. ``status`` is ``"optimal"`` (proven) or
    ``"feasible"``; ``bound`` is CP-SAT's bound on ``new_pairs`` and ``gap`` the
    share ``(bound - new_pairs) / bound`` (0 when proven).
    """

    seating: pd.DataFrame
    tables: int
    capacity: int
    min_sectors: int
    min_sectors_note: str | None
    new_pairs: int
    bound: int
    status: str
    gap: float
    per_table: pd.DataFrame
    seconds: float
    notes: list

    @property
    def optimal(self) -> bool:
        return self.status == "optimal"

    def describe(self) -> str:
        head = (f"{len(self.seating)} people at {self.tables} tables: {self.new_pairs} new "
                "cross-sector pairs; ")
        # the bound is what no plan can beat: say so, a bare gap reads as "this much worse"
        head += ("proven optimal" if self.optimal else
                 f"not proven optimal: no plan has more than {self.bound}, so the best has "
                 f"{self.new_pairs} to {self.bound} (a gap of {self.gap:.1%} at most); more "
                 "time may narrow it")
        lines = [head]
        if self.min_sectors_note:
            lines.append(self.min_sectors_note)
        lines += self.notes
        return "\n".join(lines)


def _attended(programme):
    """Each session's participants as a set (planned attendance does not count)."""
    att = programme.tables["attendance"]
    att = att[att["source"] != PLANNED]
    return [set(people) for _, people in att.groupby("session_id", sort=True)["participant_id"]]


def met_before(programme) -> set[frozenset]:
    """Pairs of participants who attended one session, in all sessions (planned
    attendance does not count)."""
    pairs: set[frozenset] = set()
    for people in _attended(programme):
        pairs.update(frozenset(p) for p in itertools.combinations(sorted(people), 2))
    return pairs


def people_frame(programme, registrations) -> pd.DataFrame:
    """``participant_id``, ``organisation_id``, ``sector`` of the registered
    participants, in the order given (duplicates dropped)."""
    t = programme.tables
    ids = list(dict.fromkeys(registrations))
    parts = t["participants"].set_index("id")
    unknown = [p for p in ids if p not in parts.index]
    if unknown:
        raise ParameterError("not participants of the programme: " + ", ".join(unknown[:5]))
    org_sector = dict(zip(t["organisations"]["id"], t["organisations"]["sector"]))
    orgs = [parts.at[p, "organisation_id"] for p in ids]
    orgs = [o if isinstance(o, str) else None for o in orgs]
    return pd.DataFrame({"participant_id": ids, "organisation_id": orgs,
                         "sector": [org_sector.get(o, UNKNOWN_SECTOR) if o else UNKNOWN_SECTOR
                                    for o in orgs]})


def plan_tables(programme, registrations, *, tables: int, capacity: int,
                min_sectors: int | None = None, keep: dict | None = None,
                apart=(), seconds: float = 30, seed: int = 0,
                history: set | None = None) -> TablePlan:
    """Seat ``registrations`` (participant ids) at ``tables`` tables.

    Parameters
    ----------
    programme : Programme
        Gives each person's organisation and sector, and who sat together before.
    registrations : iterable of str
        Participant ids of the people coming.
    tables, capacity : int
        How many tables, and at most how many people at one.
    min_sectors : int, optional
        Sectors every table must have. Default: 4, or as many as the
        registrations allow (said in ``min_sectors_note``). Given explicitly, a
        number the registrations cannot meet raises :class:`PlanInfeasible`.
    keep : dict, optional
        ``{participant id: table (0-based)}``.
    apart : iterable of (str, str)
        Pairs of participant ids never at one table.
    seconds : float
        Search limit in CP-SAT's deterministic time (the same input gives
        the same plan); the wall clock is capped at twice as much.
    seed : int
        CP-SAT's random seed.
    history : set of frozenset, optional
        Pairs who met before; default :func:`met_before` of ``programme``.

    Returns
    -------
    TablePlan
        Raises :class:`PlanInfeasible` with one line naming the constraint
        that cannot hold.

    Notes
    -----
    The objective counts pairs, a proxy for conversations that cross sectors
    for the first time; it says nothing of whether they will be good ones.
    """
    from ortools.sat.python import cp_model

    people = people_frame(programme, registrations)
    keep, apart = dict(keep or {}), [tuple(p) for p in apart]
    n, T = len(people), int(tables)
    if T < 1 or capacity < 1:
        raise ParameterError("tables and capacity must be at least 1")
    if n == 0:
        raise PlanInfeasible("nobody to seat: the registration list is empty")
    if n < T:
        raise PlanInfeasible(f"tables cannot all be used: {n} {'person' if n == 1 else 'people'} for {T} "
                             f"tables leaves a table empty; ask for at most {n} --tables")
    if n > T * capacity:
        raise PlanInfeasible(f"capacity cannot hold: {n} people but {T} tables of {capacity} "
                             f"seat only {T * capacity}")
    index = {p: i for i, p in enumerate(people["participant_id"])}
    for p, t in keep.items():
        if p not in index:
            raise ParameterError(f"kept at a table but not registered: {p}")
        if not 0 <= t < T:
            raise PlanInfeasible(f"keep cannot hold: table {t + 1} of {T} does not exist")
    for t, k in pd.Series(keep, dtype=object).value_counts().items():
        if k > capacity:
            raise PlanInfeasible(f"keep cannot hold: {k} people kept at table {t + 1}, "
                                 f"which seats {capacity}")
    for a, b in apart:
        if a not in index or b not in index:
            raise ParameterError(f"kept apart but not registered: {a if a not in index else b}")
        if a == b or (keep.get(a) is not None and keep.get(a) == keep.get(b)):
            raise PlanInfeasible(f"apart cannot hold: {a} and {b} are kept at one table")

    sectors = list(dict.fromkeys(people["sector"]))
    sec = [sectors.index(s) for s in people["sector"]]
    lo = min(capacity - 2, n // T) if capacity > 2 else min(1, n // T)
    lo = max(lo, 0)
    # a sector can be at no more tables than it has people
    reach = sorted((min(int((people["sector"] == s).sum()), T) for s in sectors), reverse=True)

    def possible(m):  # necessary: every table m sectors, each sector at most `reach` tables
        return m <= min(len(sectors), capacity) and sum(reach) >= m * T

    note = None
    if min_sectors is None:
        m = min(4, len(sectors))
        while m > 1 and not possible(m):
            m -= 1
        if m < 4:
            note = (f"at least {m} sector{'s' if m != 1 else ''} at every table: as many as the "
                    f"registrations allow ({len(sectors)} sectors registered)")
    else:
        m = int(min_sectors)
        if m > len(sectors):
            raise PlanInfeasible(f"min-sectors cannot hold: {m} sectors at every table, but the "
                                 f"registrations come from {len(sectors)} sectors")
        if not possible(m):
            raise PlanInfeasible(f"min-sectors cannot hold: {m} sectors at each of {T} tables "
                                 f"needs more people per sector (or fewer tables)")

    hist = met_before(programme) if history is None else history
    ids = list(people["participant_id"])
    old = [(i, j) for i, j in itertools.combinations(range(n), 2)
           if sec[i] != sec[j] and frozenset((ids[i], ids[j])) in hist]

    model = cp_model.CpModel()
    x = [[model.NewBoolVar(f"x{i}_{t}") for t in range(T)] for i in range(n)]
    for i in range(n):
        model.AddExactlyOne(x[i])
    # start from the round-robin seating, improved by swaps: CP-SAT repairs and improves it
    start = improve_by_swaps(people, greedy_seating(people, T, keep), old, T, keep=keep,
                             apart=[(index[a], index[b]) for a, b in apart], min_sectors=m)
    if not keep:  # numbered as the model numbers tables (below), so the hint fits
        first = {}
        for tab in start:
            first.setdefault(tab, len(first))
        start = [first[tab] for tab in start]
    sizes = pd.Series(start).value_counts().to_dict()
    counts = pd.Series(list(zip(start, sec))).value_counts().to_dict()
    for i in range(n):
        for t in range(T):
            model.AddHint(x[i][t], start[i] == t)
    size_terms, cover = [], []
    for t in range(T):
        col = [x[i][t] for i in range(n)]
        # n_t = k as one-hot, so C(n_t, 2) is linear
        ks = range(lo, min(capacity, n) + 1)
        nk = {k: model.NewBoolVar(f"n{t}_{k}") for k in ks}
        for k, v in nk.items():
            model.AddHint(v, k == sizes.get(t, 0))
        model.AddExactlyOne(nk.values())
        model.Add(sum(col) == sum(k * v for k, v in nk.items()))
        size_terms += [(k * (k - 1) // 2, v) for k, v in nk.items() if k > 1]
        present = []
        for s in range(len(sectors)):
            members = [x[i][t] for i in range(n) if sec[i] == s]
            top = min(len(members), capacity)
            ck = {k: model.NewBoolVar(f"c{t}_{s}_{k}") for k in range(top + 1)}
            for k, v in ck.items():
                model.AddHint(v, k == counts.get((t, s), 0))
            model.AddExactlyOne(ck.values())
            model.Add(sum(members) == sum(k * v for k, v in ck.items()))
            size_terms += [(-(k * (k - 1) // 2), v) for k, v in ck.items() if k > 1]
            present.append(ck[0].Not())
            cover.append(ck[0].Not())
        model.Add(sum(present) >= m)
    # one organisation: no more at one table than its numbers force
    for org, rows in people.groupby("organisation_id", dropna=True).groups.items():
        members = [people.index.get_loc(r) for r in rows]
        if len(members) > 1:
            most = math.ceil(len(members) / T)
            for t in range(T):
                model.Add(sum(x[i][t] for i in members) <= most)
    for p, t in keep.items():
        model.Add(x[index[p]][t] == 1)
    for a, b in apart:
        for t in range(T):
            model.AddBoolOr([x[index[a]][t].Not(), x[index[b]][t].Not()])
    good = [(i, j) for i, j in itertools.combinations(range(n), 2)
            if sec[i] != sec[j] and frozenset((ids[i], ids[j])) not in hist]
    # where many met, the relaxation alone seats everybody a little at every table, where
    # pairs who met cost nothing; people of one earlier session bound that (_met_groups)
    groups = _met_groups(programme, hist, ids) if 4 * len(old) >= len(old) + len(good) > 0 else []

    def forced():  # pairs at one table of people who sat at one earlier session
        terms = []
        for group in groups:
            for t in range(T):
                qk = {k: model.NewBoolVar(f"q{t}_{k}") for k in range(min(len(group), capacity) + 1)}
                model.AddExactlyOne(qk.values())
                model.Add(sum(x[i][t] for i in group) == sum(k * v for k, v in qk.items()))
                there = sum(start[i] == t for i in group)
                for k, v in qk.items():
                    model.AddHint(v, k == there)
                terms += [(k * (k - 1) // 2, v) for k, v in qk.items() if k > 1]
        return sum(c * v for c, v in terms)

    if len(good) < len(old):
        # most cross-sector pairs met before: count the new pairs themselves, z[i, j] only
        # when j sits at i's table; a smaller model with a tighter bound
        z, mine = [], [[] for _ in range(n)]
        for i, j in good:
            v = model.NewBoolVar(f"z{i}_{j}")
            model.AddHint(v, start[i] == start[j])
            for t in range(T):
                model.AddBoolOr([v.Not(), x[i][t].Not(), x[j][t]])
            z.append(v)
            mine[i].append(v)
            mine[j].append(v)
        pairs = sum(z)
        if groups:  # those pairs met: none of them is new
            model.Add(pairs <= sum(c * v for c, v in size_terms if c > 0) - forced())
        for own in mine:  # at most capacity - 1 new partners each
            if len(own) > capacity - 1:
                model.Add(sum(own) <= capacity - 1)
    else:
        penalties, ys = [], {}
        for i, j in old:
            # one variable per pair, not per pair and table: at one table, whichever -> y
            y = model.NewBoolVar(f"y{i}_{j}")
            model.AddHint(y, start[i] == start[j])
            for t in range(T):
                model.AddBoolOr([x[i][t].Not(), x[j][t].Not(), y])
            penalties.append(y)
            ys[i, j] = y
        if groups:  # those pairs met: each at one table is a same-sector pair or a penalty
            theirs = [ys[i, j] for group in groups for i, j in itertools.combinations(group, 2)
                      if (i, j) in ys]
            same_sector = sum(-c * v for c, v in size_terms if c < 0)
            model.Add(same_sector + sum(theirs) >= forced())
        pairs = sum(c * v for c, v in size_terms) - sum(penalties)
    if not keep:
        # tables are interchangeable: number them in order of their first person, so person
        # i sits at one of the tables 0..i (every plan has such a numbering)
        for i in range(min(n, T)):
            for t in range(i + 1, T):
                model.Add(x[i][t] == 0)
    K = len(cover) + 1
    # redundant, for a tighter bound: nobody gets more new partners than seats or candidates
    met = Counter(i for pair in old for i in pair)
    per_sector = Counter(sec)
    partners = [min(capacity - 1, n - per_sector[sec[i]] - met[i]) for i in range(n)]
    model.Add(pairs <= sum(partners) // 2)
    model.Maximize(K * pairs + sum(cover))

    solver = cp_model.CpSolver()
    prm = solver.parameters
    prm.random_seed = int(seed)
    prm.num_workers = 1
    prm.max_deterministic_time = float(seconds)
    prm.max_time_in_seconds = 2 * float(seconds)
    code = solver.Solve(model)
    if code == cp_model.INFEASIBLE:
        raise PlanInfeasible(
            f"the constraints cannot all hold together: {m} sectors at every table, sizes "
            f"{lo}-{capacity}, organisations spread, {len(keep)} kept and {len(apart)} apart; "
            "loosen one (fewer --min-sectors, another --tables or --capacity)")
    if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        raise PlanInfeasible(f"no plan found within {seconds:g} s: give it more --seconds")

    seat = [next(t for t in range(T) if solver.Value(x[i][t])) for i in range(n)]
    seating = people.assign(table=seat)
    value = pair_value(seating, hist)
    bound = max(int(solver.BestObjectiveBound() // K), value)
    status = "optimal" if code == cp_model.OPTIMAL else "feasible"
    if status == "optimal":
        bound = value
    return TablePlan(seating=seating, tables=T, capacity=capacity, min_sectors=m,
                     min_sectors_note=note, new_pairs=value, bound=bound, status=status,
                     gap=(bound - value) / bound if bound else 0.0,
                     per_table=table_figures(seating, hist, T, sectors),
                     seconds=solver.WallTime(), notes=[])


def _met_groups(programme, hist, ids) -> list[list[int]]:
    """Earlier sessions as groups of registrants (by position in ``ids``) who all met and
    share nobody, the largest first; the pairs of two such groups never overlap, so those
    who sit at one table add up. (Further groups, overlapping these, moved no bound on the
    benchmark's dense cases and slowed the search.)"""
    where = {p: i for i, p in enumerate(ids)}
    sessions = [sorted(where[p] for p in came if p in where) for came in _attended(programme)]
    taken, groups = set(), []
    for group in sorted(sessions, key=len, reverse=True):
        # a history given by hand may leave a session out
        if len(group) > 1 and taken.isdisjoint(group) and all(
                frozenset((ids[a], ids[b])) in hist for a, b in itertools.combinations(group, 2)):
            taken.update(group)
            groups.append(group)
    return groups


def greedy_seating(people: pd.DataFrame, tables: int, keep: dict | None = None) -> list[int]:
    """The naive plan: people sorted by sector (largest first) and organisation,
    dealt round-robin over the tables; kept people stay at their table."""
    keep = keep or {}
    size = people["sector"].map(people["sector"].value_counts())
    order = people.assign(_size=size).sort_values(["_size", "sector", "organisation_id"],
                                                  ascending=[False, True, True], kind="stable")
    seat = [0] * len(people)
    load = [0] * tables
    for p, t in keep.items():
        load[t] += 1
    deal = 0
    for i in order.index:
        p = people.at[i, "participant_id"]
        if p in keep:
            seat[people.index.get_loc(i)] = keep[p]
            continue
        t = min(range(tables), key=lambda u: (load[u], (u - deal) % tables))
        seat[people.index.get_loc(i)] = t
        load[t] += 1
        deal = t + 1
    return seat


def improve_by_swaps(people: pd.DataFrame, seat: list[int], old, tables: int, *,
                     keep=None, apart=(), min_sectors: int = 1, passes: int = 20) -> list[int]:
    """``seat`` improved by swapping two people while that adds new cross-sector pairs.

    A warm start for CP-SAT, not the plan: in histories where many met, its search
    from the round-robin seating alone stayed below what a few swaps reach. A swap
    keeps the table sizes and is taken only when it breaks no rule that ``seat``
    kept (sectors at a table, one organisation spread, kept and apart people).
    ``old`` lists the cross-sector pairs (by position) who met before.
    """
    n = len(people)
    sec = pd.factorize(people["sector"])[0]
    org = pd.factorize(people["organisation_id"], use_na_sentinel=True)[0]
    good = sec[:, None] != sec[None, :]
    for i, j in old:
        good[i, j] = good[j, i] = False
    g = good.astype(np.int32)
    seat = np.asarray(seat, dtype=np.int64).copy()
    fixed = people["participant_id"].isin(list(keep or {})).to_numpy()
    foe = [set() for _ in range(n)]
    for a, b in apart:
        foe[a].add(b)
        foe[b].add(a)
    onehot = np.zeros((n, tables), dtype=np.int32)
    onehot[np.arange(n), seat] = 1
    partners = g @ onehot  # good partners of each person at each table
    sectors = np.zeros((tables, sec.max() + 1), dtype=np.int64)
    np.add.at(sectors, (seat, sec), 1)
    orgs = np.zeros((tables, org.max() + 2), dtype=np.int64)
    np.add.at(orgs, (seat, org), 1)
    most = np.ceil(np.bincount(org[org >= 0], minlength=org.max() + 2) / tables)
    floor = np.minimum(min_sectors, (sectors > 0).sum(axis=1))

    def allowed(i, j, a, b):
        if (foe[i] or foe[j]) and (foe[i] & set(np.flatnonzero(seat == b)) - {j}
                                   or foe[j] & set(np.flatnonzero(seat == a)) - {i}):
            return False
        if sec[i] != sec[j]:
            for t, out, into in ((a, sec[i], sec[j]), (b, sec[j], sec[i])):
                distinct = (sectors[t] > 0).sum() - (sectors[t, out] == 1) + (sectors[t, into] == 0)
                if distinct < floor[t]:
                    return False
        if org[i] != org[j]:
            for t, into in ((a, org[j]), (b, org[i])):
                if into >= 0 and orgs[t, into] + 1 > max(most[into], orgs[t, into]):
                    return False
        return True

    for _ in range(passes):
        changed = False
        for i in range(n):
            if fixed[i]:
                continue
            a = seat[i]
            delta = (partners[i, seat] + partners[:, a] - partners[i, a]
                     - partners[np.arange(n), seat] - 2 * g[i])
            delta[(seat == a) | fixed] = 0
            for j in np.flatnonzero(delta > 0)[np.argsort(-delta[delta > 0], kind="stable")]:
                b = seat[j]
                if not allowed(i, j, a, b):
                    continue
                seat[i], seat[j] = b, a
                partners[:, a] += g[:, j] - g[:, i]
                partners[:, b] += g[:, i] - g[:, j]
                for arr, ci, cj in ((sectors, sec[i], sec[j]), (orgs, org[i], org[j])):
                    arr[a, ci] -= 1
                    arr[a, cj] += 1
                    arr[b, cj] -= 1
                    arr[b, ci] += 1
                changed = True
                break
        if not changed:
            break
    return [int(t) for t in seat]


def pair_value(seating: pd.DataFrame, history: set) -> int:
    """New cross-sector pairs of a seating: pairs at one table, of different
    sectors, not in ``history``."""
    total = 0
    for _, g in seating.groupby("table"):
        rows = list(zip(g["participant_id"], g["sector"]))
        total += sum(1 for (a, sa), (b, sb) in itertools.combinations(rows, 2)
                     if sa != sb and frozenset((a, b)) not in history)
    return total


def table_figures(seating: pd.DataFrame, history: set, tables: int, sectors=None) -> pd.DataFrame:
    """One row per table: ``table`` (1-based), ``people``, ``sectors``,
    ``new_pairs`` and one column of people per sector."""
    sectors = list(sectors or dict.fromkeys(seating["sector"]))
    rows = []
    for t in range(tables):
        g = seating[seating["table"] == t]
        counts = g["sector"].value_counts()
        rows.append({"table": t + 1, "people": len(g), "sectors": int((counts > 0).sum()),
                     "new_pairs": pair_value(g, history),
                     **{s: int(counts.get(s, 0)) for s in sectors}})
    return pd.DataFrame(rows)


def record_plan(programme, plan, sessions: list[str]):
    """The programme with ``plan`` as attendance of ``sessions`` (one per table, in
    order), ``source`` ``planned``, beside any real rows; earlier planned rows of
    those sessions go. Nothing is written (``save`` the result)."""
    if len(sessions) != plan.tables:
        raise ParameterError(f"--record needs one session per table: {plan.tables} tables, "
                             f"{len(sessions)} sessions")
    known = set(programme.tables["sessions"]["id"])
    for s in sessions:
        if s not in known:
            raise ParameterError(f"--record: no session '{s}'")
    att = programme.tables["attendance"]
    att = att[~((att["source"] == PLANNED) & att["session_id"].isin(sessions))]
    rows = [{"session_id": sessions[t], "participant_id": p, "role": "participant", "source": PLANNED}
            for p, t in zip(plan.seating["participant_id"], plan.seating["table"])]
    new = pd.DataFrame(rows, columns=att.columns).astype(att.dtypes.to_dict())
    return programme.replace(attendance=pd.concat([att, new], ignore_index=True))


def planned_vs_actual(programme, theme: str | None = None) -> dict | None:
    """How many pairs a recorded plan seated together actually sat together.

    For the sessions with planned attendance (of ``theme``, if given): ``planned`` pairs
    of people planned at one session who had not sat together before (in other
    sessions), and ``happened``, those of them who attended one session of that round
    for real. ``None`` when the package (or the theme) holds no plan.
    """
    att = programme.tables["attendance"]
    plan = att[att["source"] == PLANNED]
    if theme is not None:
        sessions = programme.tables["sessions"]
        plan = plan[plan["session_id"].isin(set(sessions.loc[sessions["theme_id"] == theme, "id"]))]
    if plan.empty:
        return None
    round_ = set(plan["session_id"])
    real = att[att["source"] != PLANNED]
    before = real[~real["session_id"].isin(round_)]
    met = set()
    for _, g in before.groupby("session_id")["participant_id"]:
        met |= {frozenset(x) for x in itertools.combinations(sorted(set(g)), 2)}
    planned = set()
    for _, g in plan.groupby("session_id")["participant_id"]:
        planned |= {frozenset(x) for x in itertools.combinations(sorted(set(g)), 2)} - met
    held = real[real["session_id"].isin(round_)]
    together = set()
    for _, g in held.groupby("session_id")["participant_id"]:
        together |= {frozenset(x) for x in itertools.combinations(sorted(set(g)), 2)}
    return {"sessions": len(round_), "planned": len(planned), "happened": len(planned & together),
            "held": not held.empty}


def format_planned_vs_actual(c: dict) -> str:
    if not c["held"]:
        return (f"planned: {c['planned']} new pairs at {c['sessions']} tables; "
                "no real attendance recorded for them yet")
    share = c["happened"] / c["planned"] if c["planned"] else 0
    return (f"planned against actual: {c['happened']} of {c['planned']} planned new pairs "
            f"({share:.0%}) sat together at {c['sessions']} tables")


def compare_session(programme, session: str, came) -> str | None:
    """One line for the import of a real list for ``session``: of the pairs planned
    at it who had not sat together before, how many came both. ``None`` when no
    plan is recorded for the session."""
    att = programme.tables["attendance"]
    planned = set(att.loc[(att["source"] == PLANNED) & (att["session_id"] == session), "participant_id"])
    if not planned:
        return None
    real = att[(att["source"] != PLANNED) & (att["session_id"] != session)]
    met = set()
    for _, g in real.groupby("session_id")["participant_id"]:
        met |= {frozenset(x) for x in itertools.combinations(sorted(set(g)), 2)}
    pairs = {frozenset(x) for x in itertools.combinations(sorted(planned), 2)} - met
    came = set(came)
    happened = sum(1 for q in pairs if q <= came)
    return (f"planned against actual at {session}: {len(planned & came)} of {len(planned)} planned "
            f"people came; {happened} of {len(pairs)} planned new pairs sat together")
