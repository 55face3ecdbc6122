"""The documented generator of the embedded dataset's illustrative rows.

The report says who took part (about 45 people from 37 organisations), that
many attended all three tables, some only the start and some joined later, and
that newcomers were invited by the organisers, the host or other participants
("zwaan-kleef-aan"). It does not say who sat at which table, who invited whom,
which organisations agreed to work together, who carries a commitment or how
commitments fared after 2021. This module makes up those rows, seeded and
reproducible, so that the analyses have something to show. Every row it adds
has ``source = "illustrative"``; nothing it adds may be read as a fact.

Rules (all in :func:`illustrate`):

* one anonymous participant for each organisation in the report's list that
  has no named participant, plus extra people until the theme has
  ``people`` participants (default 45);
* each participant follows one path: all three tables (about 60 %), only the
  focus table (15 %), from the deepening table on (15 %) or only the workshop
  (10 %); the five people quoted in section 1 and the host attended the focus
  table (the report's own rows), and whoever the report places at one
  deepening table attended that one;
* at the deepening table and the workshop each person sits in one track,
  sustainability or inclusivity, weighted by sector;
* whoever first came at the focus table was invited by the organisers (or the
  host); of the later newcomers 60 % were invited by someone already there;
* at each deepening table and workshop a few organisations form directed ties,
  across sectors twice as often as within;
* most commitments get a lead organisation (some none) and a status history
  up to ``as_of``; about a third stop being updated (stall), a few are dropped.

``python -m labkit.data.illustrative [DATA]`` regenerates the rows in place. It
works on the embedded example only (the package named :data:`EXAMPLE`): a user's
own programme never gets illustrative rows (:func:`regenerate` refuses it).
"""

from __future__ import annotations

import datetime as dt
import random
import sys

import pandas as pd

SEED = 2021
#: The name of the one package this generator may touch: the embedded example.
EXAMPLE = "middenvelddialogen-brede-welvaart"
ILLUSTRATIVE = "illustrative"
AS_OF = dt.date(2026, 10, 1)

# Which track a sector leans to (probability of 'duurzaamheid').
_TRACK_LEAN = {"business": 0.7, "trade-association": 0.6, "government": 0.5, "union": 0.3,
               "civil-society": 0.4, "knowledge-education": 0.35, "advisory-body": 0.5}
_PATHS = (("all", 0.60), ("start", 0.15), ("deepening", 0.15), ("workshop", 0.10))
# Lead sector preferred per commitment kind.
_LEAD_SECTOR = {"roadmap_step": "government", "target": "government", "indicator": "government",
                "policy_target": "government", "idea": None, "case": None}


def strip_illustrative(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The tables without their illustrative rows."""
    return {name: (df[df["source"] != ILLUSTRATIVE].reset_index(drop=True)
                   if "source" in df.columns else df)
            for name, df in tables.items()}


def illustrate(tables: dict[str, pd.DataFrame], *, theme: str = "brede-welvaart",
               seed: int = SEED, people: int = 45, as_of: dt.date = AS_OF
               ) -> dict[str, pd.DataFrame]:
    """Return ``tables`` with illustrative rows added for ``theme``.

    ``tables`` must hold no illustrative rows (see :func:`strip_illustrative`);
    the result depends only on them and on ``seed``.
    """
    rng = random.Random(seed)
    t = {k: v.copy() for k, v in tables.items()}
    orgs = t["organisations"].sort_values("id")
    sector = dict(zip(orgs["id"], orgs["sector"]))
    sessions = t["sessions"][t["sessions"]["theme_id"] == theme].sort_values(["order", "id"])
    by_kind = {k: sessions[sessions["kind"] == k]["id"].tolist()
               for k in t["table_kinds"].sort_values("order")["id"]}
    track_of = dict(zip(sessions["id"], sessions["track"]))
    focus = by_kind["focustafel"][0]

    def session_for(kind, track):
        for s in by_kind[kind]:
            if track_of[s] == track or len(by_kind[kind]) == 1:
                return s
        return by_kind[kind][0]

    # --- participants
    parts = t["participants"]
    named_orgs = set(parts["organisation_id"].dropna())
    listed = orgs[orgs["source"] == "report:deelnemers"]["id"].tolist()
    new_people = []
    for org in listed:
        if org not in named_orgs:
            new_people.append(org)
    while len(parts) + len(new_people) < people:
        new_people.append(rng.choice(listed))
    new_people.sort()
    new_parts = [{"id": f"p-{i:03d}", "name": None, "consent_named": False,
                  "organisation_id": org, "role": "participant", "source": ILLUSTRATIVE}
                 for i, org in enumerate(new_people, start=1)]
    t["participants"] = _append(parts, new_parts)

    # --- attendance: keep the report's rows, add illustrative continuations
    att = t["attendance"]
    known = att[att["session_id"].isin(sessions["id"])]
    first_seen: dict[str, str] = {}
    rows = []
    everyone = t["participants"]
    person_org = dict(zip(everyone["id"], everyone["organisation_id"]))
    for pid in everyone["id"].tolist():
        mine = known[known["participant_id"] == pid]["session_id"].tolist()
        if pid in {p["id"] for p in new_parts}:
            path = _pick(rng, _PATHS)
        elif focus in mine and (everyone.set_index("id").loc[pid, "role"] == "host"):
            path = "start"
        elif focus in mine:
            path = "all" if rng.random() < 0.7 else "start"
        else:
            path = "deepening"
        lean = _TRACK_LEAN.get(sector.get(person_org.get(pid), ""), 0.5)
        preset = [track_of[s] for s in mine if isinstance(track_of.get(s), str)]
        track = preset[0] if preset else ("duurzaamheid" if rng.random() < lean else "inclusiviteit")
        wanted = {"all": ["focustafel", "verdiepingstafel", "werkplaats"], "start": ["focustafel"],
                  "deepening": ["verdiepingstafel", "werkplaats"], "workshop": ["werkplaats"]}[path]
        chosen = [session_for(k, track) for k in wanted if by_kind[k]]
        for s in chosen:
            if s not in mine:
                rows.append({"session_id": s, "participant_id": pid, "role": "participant",
                             "source": ILLUSTRATIVE})
        attended = sorted(set(chosen) | set(mine), key=lambda s: list(sessions["id"]).index(s))
        if attended:
            first_seen[pid] = attended[0]
    t["attendance"] = _append(att, rows)

    # --- invitations (zwaan-kleef-aan)
    order = {s: i for i, s in enumerate(sessions["id"])}
    inv_rows = []
    present_before = {s: [p for p, f in first_seen.items() if order[f] < order[s]]
                      for s in sessions["id"]}
    host = everyone[everyone["role"] == "host"]["id"].tolist()
    for pid in sorted(first_seen):
        s = first_seen[pid]
        if pid in host:
            channel, by = "organisers", None
        elif s == focus:
            channel, by = ("host", None) if rng.random() < 0.2 else ("organisers", None)
        elif present_before[s] and rng.random() < 0.6:
            channel, by = "participant", rng.choice(sorted(present_before[s]))
        else:
            channel, by = ("host", None) if rng.random() < 0.3 else ("organisers", None)
        inv_rows.append({"theme_id": theme, "participant_id": pid, "first_session_id": s,
                         "channel": channel, "invited_by": by, "source": ILLUSTRATIVE})
    t["invitations"] = _append(t["invitations"], inv_rows)

    # --- collaborations formed at deepening tables and workshops
    att_all = t["attendance"]
    col_rows = []
    n = len(t["collaborations"])
    for s in by_kind["verdiepingstafel"] + by_kind["werkplaats"]:
        present = sorted({person_org[p] for p in att_all[att_all["session_id"] == s]["participant_id"]
                          if isinstance(person_org.get(p), str)})
        kind = "intent" if s in by_kind["verdiepingstafel"] else "joint_initiative"
        pairs = set()
        for _ in range(len(present) * 3):
            if len(pairs) >= max(1, len(present) // 2 + 2):
                break
            a, b = rng.sample(present, 2)
            cross = sector[a] != sector[b]
            if (a, b) in pairs or (not cross and rng.random() < 0.5):
                continue
            pairs.add((a, b))
        for a, b in sorted(pairs):
            n += 1
            col_rows.append({"id": f"col-{n:03d}", "from_organisation_id": a, "to_organisation_id": b,
                             "session_id": s, "kind": kind, "source": ILLUSTRATIVE})
    t["collaborations"] = _append(t["collaborations"], col_rows)

    # --- owners and status histories of commitments
    commits = t["commitments"][t["commitments"]["theme_id"] == theme].sort_values("id")
    attending_orgs = sorted({person_org[p] for p in att_all["participant_id"]
                             if isinstance(person_org.get(p), str)})
    own_rows, upd_rows = [], []
    month_of = dict(zip(t["sessions"]["id"], t["sessions"]["month"]))
    for c in commits.itertuples():
        pref = _LEAD_SECTOR.get(c.kind)
        pool = [o for o in attending_orgs if pref is None or sector[o] == pref] or attending_orgs
        if rng.random() < 0.85:  # some commitments nobody has picked up
            lead = rng.choice(pool)
            own_rows.append({"commitment_id": c.id, "organisation_id": lead, "role": "lead",
                             "source": ILLUSTRATIVE})
            for partner in rng.sample([o for o in attending_orgs if o != lead], rng.randint(0, 2)):
                own_rows.append({"commitment_id": c.id, "organisation_id": partner,
                                 "role": "partner", "source": ILLUSTRATIVE})
        horizon = None if pd.isna(c.horizon) else int(c.horizon)
        upd_rows.extend(_history(rng, c.id, month_of.get(c.session_id), as_of, horizon))
    t["commitment_owners"] = _append(t["commitment_owners"], own_rows)
    t["commitment_updates"] = _append(t["commitment_updates"], upd_rows)
    return t


def _history(rng, cid, month, as_of, horizon=None):
    """An illustrative status history after the report's 'proposed' entry.

    A commitment with a horizon years away cannot be done yet: its progress is
    capped at the share of the time to its horizon that has passed.
    """
    cap = 100
    if horizon is not None and horizon > as_of.year:
        cap = max(10, int(100 * (as_of.year - 2021) / (horizon - 2021)) // 5 * 5)
    start = dt.date.fromisoformat(f"{month}-01") if isinstance(month, str) else dt.date(2021, 6, 1)
    date = start + dt.timedelta(days=60 + rng.randint(0, 120))
    progress, status = 0, "planned"
    out = []
    fate = rng.random()
    stall_after = rng.randint(1, 3) if fate < 0.35 else None
    drop = 0.35 <= fate < 0.42
    step = 0
    while date <= as_of:
        step += 1
        if drop and step == 2:
            out.append(_upd(cid, date, "dropped", progress, "Niet verder opgepakt."))
            break
        progress = min(cap, progress + rng.choice((5, 10, 10, 15, 20)))
        status = "completed" if progress == 100 else ("in_progress" if progress > 0 else "planned")
        out.append(_upd(cid, date, status, progress, _NOTE[status]))
        if status == "completed" or (stall_after is not None and step >= stall_after):
            break
        date = date + dt.timedelta(days=rng.randint(120, 330))
    return out


_NOTE = {"planned": "Ingepland.", "in_progress": "Voortgang gemeld.", "completed": "Afgerond."}


def _upd(cid, date, status, progress, note):
    return {"commitment_id": cid, "date": pd.Timestamp(date), "status": status,
            "progress": progress, "note": note, "source": ILLUSTRATIVE}


def _pick(rng, weighted):
    x = rng.random()
    for value, w in weighted:
        x -= w
        if x < 0:
            return value
    return weighted[-1][0]


def _append(df: pd.DataFrame, rows: list[dict]) -> pd.DataFrame:
    if not rows:
        return df
    new = pd.DataFrame(rows, columns=df.columns).astype(df.dtypes.to_dict())
    return pd.concat([df, new], ignore_index=True) if len(df) else new


def regenerate(path) -> None:
    """Regenerate the illustrative rows of the embedded example package at ``path``.

    Refuses any other package (a :class:`~labkit.errors.ParameterError`): the
    rows are made up, and a user's programme holds only what its users entered.
    """
    from ..errors import ParameterError
    from .model import load
    p = load(path)
    if p.meta.get("name") != EXAMPLE:
        raise ParameterError(f"{path} is not the embedded example (its name is "
                             f"{p.meta.get('name')!r}, not {EXAMPLE!r}): labkit makes up "
                             "illustrative rows for the example only, never for a programme of yours")
    p.replace(**illustrate(strip_illustrative(p.tables))).save(path)


def main(argv: list[str] | None = None) -> int:
    from ..errors import ParameterError
    path = (argv if argv is not None else sys.argv[1:] or ["data"])[0]
    try:
        regenerate(path)
    except ParameterError as e:
        print(f"labkit: {e}", file=sys.stderr)
        return 2
    print(f"illustrative rows regenerated in {path}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
