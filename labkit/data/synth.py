"""Synthetic programmes of any size, for tests, demos and benchmarks.

Nothing here is real: every row has ``source = "synthetic"`` and the package
metadata says so in its name, title and description. The generator is seeded
(same arguments, same tables) and vectorised with numpy, so a programme of
50,000 organisations takes seconds.

Rules (all in :func:`programme`):

* organisations get a sector with the shares of the embedded dataset
  (government 8/38, business 12/38, trade associations 6/38, union 1/38, civil
  society 6/38, knowledge and education 6/38, advisory bodies 1/38);
* every organisation sends at least one participant; more people are drawn until
  there are ``participants_per_organisation`` per organisation; each person
  takes part in one theme, each theme has one host (from government);
* each theme runs focus tables, then deepening tables and workshops in the two
  tracks (duurzaamheid, inclusiviteit), in March, April and May 2021, with
  about ``table_size`` people per table. Each person follows one path, as the
  report describes: all three tables (60 %), only the focus table (15 %), from
  the deepening table on (15 %) or only the workshop (10 %); the track leans on
  the sector, and seating at tables leans on the sector (``homophily``);
* newcomers at the focus table were invited by the organisers (80 %) or the
  host; of later newcomers 60 % were invited by someone of their theme who came
  to an earlier table ("zwaan-kleef-aan"), the rest by the organisers or host;
* at every deepening table and workshop the organisations present form about
  ``ties_per_organisation`` directed ties each; a pair across sectors is
  ``cross_sector_bias`` times as likely to tie as a pair within a sector;
* each theme has about one commitment per 25 participants, raised at a
  deepening table or workshop, in a random roadmap stage, with 1-3 SDGs
  and 1-3 brede-welvaart dimensions; 85 % get a lead organisation present at
  that table (and 0-2 partners); status histories run to ``as_of``: about a
  third stop being updated (stall), a few are dropped, the rest progress.

>>> p = programme(50, seed=1)
>>> len(p.organisations), set(p.attendance["source"])
(50, {'synthetic'})
>>> p.meta["title"].startswith("SYNTHETIC")
True
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from . import schema
from .model import Programme

SYNTHETIC = "synthetic"

SECTORS = (  # id, name_nl, name_en, weight (the embedded dataset's counts)
    ("government", "Overheid", "Government", 8),
    ("business", "Bedrijfsleven", "Business", 12),
    ("trade-association", "Branche- of werkgeversorganisatie", "Trade or employers' association", 6),
    ("union", "Vakbond", "Union", 1),
    ("civil-society", "Maatschappelijke organisatie", "Civil society", 6),
    ("knowledge-education", "Kennis en onderwijs", "Knowledge and education", 6),
    ("advisory-body", "Adviesorgaan", "Advisory body", 1),
)
# Probability of the 'duurzaamheid' track per sector (as labkit.data.illustrative).
_TRACK_LEAN = np.array([0.5, 0.7, 0.6, 0.3, 0.4, 0.35, 0.5])
_PATHS = np.array([0.60, 0.15, 0.15, 0.10])  # all, start only, from deepening, workshop only
_PATH_KINDS = np.array([[1, 1, 1], [1, 0, 0], [0, 1, 1], [0, 0, 1]], dtype=bool)
_KIND_SHORT = ("focus", "verdieping", "werkplaats")
_KINDS = (("focustafel", "Focustafel", "Focus table"), ("verdiepingstafel", "Verdiepingstafel", "Deepening table"),
          ("werkplaats", "Werkplaats", "Workshop"))
_TRACKS = ("duurzaamheid", "inclusiviteit")
_STAGES = (
    ("stage-1", "Financiële middelen verbinden aan kortetermijndoelen", "Tie financial means to short-term goals"),
    ("stage-2", "Langetermijndoelen laten matchen met de SDG's", "Match long-term goals to the SDGs"),
    ("stage-3", "Het maatschappelijk ecosysteem verbinden", "Connect the societal ecosystem"),
)
_SDGS = (
    ("Geen armoede", "No poverty", "#E5243B"), ("Geen honger", "Zero hunger", "#DDA63A"),
    ("Goede gezondheid en welzijn", "Good health and well-being", "#4C9F38"),
    ("Kwaliteitsonderwijs", "Quality education", "#C5192D"),
    ("Gendergelijkheid", "Gender equality", "#FF3A21"),
    ("Schoon water en sanitair", "Clean water and sanitation", "#26BDE2"),
    ("Betaalbare en duurzame energie", "Affordable and clean energy", "#FCC30B"),
    ("Eerlijk werk en economische groei", "Decent work and economic growth", "#A21942"),
    ("Industrie, innovatie en infrastructuur", "Industry, innovation and infrastructure", "#FD6925"),
    ("Ongelijkheid verminderen", "Reduced inequalities", "#DD1367"),
    ("Duurzame steden en gemeenschappen", "Sustainable cities and communities", "#FD9D24"),
    ("Verantwoorde consumptie en productie", "Responsible consumption and production", "#BF8B2E"),
    ("Klimaatactie", "Climate action", "#3F7E44"), ("Leven in het water", "Life below water", "#0A97D9"),
    ("Leven op het land", "Life on land", "#56C02B"),
    ("Vrede, justitie en sterke publieke diensten", "Peace, justice and strong institutions", "#00689D"),
    ("Partnerschap om doelstellingen te bereiken", "Partnerships for the goals", "#19486A"),
)
_DIMENSIONS = (("hier-en-nu", "Hier en nu", "Here and now"), ("later", "Later", "Later"),
               ("elders", "Elders", "Elsewhere"))
_COMMITMENT_KINDS = np.array(["idea", "case", "roadmap_step", "target", "indicator"])
_COMMITMENT_KIND_P = np.array([0.45, 0.25, 0.1, 0.1, 0.1])
_STEPS = 24  # most status updates a history can have (gaps of >= 120 days over ~5.5 years)


def programme(n_organisations: int, *, seed: int = 0, themes: int = 1,
              participants_per_organisation: float = 1.2, table_size: int = 6,
              homophily: float = 0.3, ties_per_organisation: float = 1.0,
              cross_sector_bias: float = 2.0, as_of: dt.date = dt.date(2026, 10, 1)) -> Programme:
    """A synthetic programme of ``n_organisations`` organisations.

    Parameters
    ----------
    n_organisations : int
        Number of organisations (at least 1).
    seed : int
        Seed of the random generator; the same arguments give the same tables.
    themes : int
        Number of themes (1 to 999); each participant takes part in one.
    participants_per_organisation : float
        Participants per organisation, at least 1.
    table_size : int
        About how many people sit at one table. With the defaults the
        organisation co-attendance network has an average degree near 10.
    homophily : float
        0 seats people at random; 1 seats them sorted by sector.
    ties_per_organisation : float
        Directed collaboration ties each organisation present initiates per
        deepening table or workshop, on average, before the sector bias.
    cross_sector_bias : float
        How many times likelier a tie across sectors is than one within.
    as_of : datetime.date
        Commitment status histories end at this date.

    Returns
    -------
    Programme
        Tables exactly as :mod:`labkit.data.schema` declares them, every row
        ``source="synthetic"``; ``Programme.save(path)`` validates and writes it.
    """
    if n_organisations < 1:
        raise ValueError("n_organisations must be at least 1")
    if not 1 <= themes <= 999:
        raise ValueError("themes must be between 1 and 999")
    if table_size < 2:
        raise ValueError("table_size must be at least 2")
    if cross_sector_bias <= 0:
        raise ValueError("cross_sector_bias must be positive")
    rng = np.random.default_rng(seed)
    n = int(n_organisations)
    width = len(str(n))
    t: dict[str, pd.DataFrame] = {}

    # --- reference tables
    t["sectors"] = _df("sectors", id=[s[0] for s in SECTORS], name_nl=[s[1] for s in SECTORS],
                       name_en=[s[2] for s in SECTORS],
                       description=["Synthetic sector (labkit.data.synth)."] * len(SECTORS),
                       order=list(range(1, len(SECTORS) + 1)))
    t["table_kinds"] = _df("table_kinds", id=[k[0] for k in _KINDS], name_nl=[k[1] for k in _KINDS],
                           name_en=[k[2] for k in _KINDS], order=[1, 2, 3])
    t["rounds"] = _df("rounds")  # one round: the whole programme
    t["roadmap_stages"] = _df("roadmap_stages", id=[s[0] for s in _STAGES], number=[1, 2, 3],
                              name_nl=[s[1] for s in _STAGES], name_en=[s[2] for s in _STAGES],
                              text_nl=[s[1] + " (synthetisch)." for s in _STAGES])
    t["sdgs"] = _df("sdgs", number=list(range(1, 18)), name_nl=[s[0] for s in _SDGS],
                    name_en=[s[1] for s in _SDGS], colour=[s[2] for s in _SDGS])
    t["welfare_dimensions"] = _df("welfare_dimensions", id=[d[0] for d in _DIMENSIONS],
                                  name_nl=[d[1] for d in _DIMENSIONS],
                                  name_en=[d[2] for d in _DIMENSIONS])

    # --- organisations
    weights = np.array([s[3] for s in SECTORS], dtype=float)
    org_sector = rng.choice(len(SECTORS), size=n, p=weights / weights.sum())
    org_ids = np.array([f"org-{i:0{width}d}" for i in range(1, n + 1)], dtype=object)
    sector_ids = np.array([s[0] for s in SECTORS], dtype=object)
    t["organisations"] = _df("organisations", id=org_ids,
                             name=[f"Synthetische organisatie {i}" for i in range(1, n + 1)],
                             sector=sector_ids[org_sector])
    t["organisation_aliases"] = _df("organisation_aliases")

    # --- participants: one per organisation, then more at random; one theme each
    extra = max(0, int(round(n * participants_per_organisation)) - n)
    p_org = np.concatenate([np.arange(n), rng.integers(0, n, size=extra)])
    p_org.sort(kind="stable")
    m = len(p_org)
    p_theme = rng.integers(0, themes, size=m)
    p_sector = org_sector[p_org]
    gov = np.flatnonzero(org_sector == 0)
    host_org = (rng.choice(gov, size=themes) if len(gov) else rng.integers(0, n, size=themes))
    pw = len(str(m + themes))
    person_ids = np.array([f"p-{i:0{pw}d}" for i in range(1, m + 1)]
                          + [f"host-{i:03d}" for i in range(1, themes + 1)], dtype=object)
    all_org = np.concatenate([p_org, host_org])
    t["participants"] = _df("participants", id=person_ids, consent_named=[False] * (m + themes),
                            organisation_id=org_ids[all_org],
                            role=["participant"] * m + ["host"] * themes)
    theme_ids = np.array([f"thema-{i:03d}" for i in range(1, themes + 1)], dtype=object)
    t["themes"] = _df("themes", id=theme_ids, number=list(range(1, themes + 1)),
                      name_nl=[f"Synthetisch thema {i}" for i in range(1, themes + 1)],
                      name_en=[f"Synthetic theme {i}" for i in range(1, themes + 1)],
                      host_organisation_id=org_ids[host_org], host_participant_id=person_ids[m:])

    # --- paths, tracks and seats
    path = rng.choice(4, size=m, p=_PATHS)
    track = (rng.random(m) >= _TRACK_LEAN[p_sector]).astype(np.int64)  # 0 duurzaamheid
    seat_key = (1 - homophily) * rng.random(m) + homophily * p_sector / len(SECTORS)
    kinds = _PATH_KINDS[path]  # m x 3
    rows_p, rows_k = np.nonzero(kinds)
    a = pd.DataFrame({"p": rows_p, "theme": p_theme[rows_p], "kind": rows_k,
                      "track": np.where(rows_k == 0, -1, track[rows_p]),
                      "key": seat_key[rows_p]})
    a = a.sort_values(["theme", "kind", "track", "key"], kind="stable").reset_index(drop=True)
    grp = a.groupby(["theme", "kind", "track"], sort=False)
    size = grp["p"].transform("size").to_numpy()
    pos = grp.cumcount().to_numpy()
    n_tables = np.maximum(1, np.rint(size / table_size)).astype(np.int64)
    a["table"] = pos * n_tables // size
    sess = a.drop_duplicates(["theme", "kind", "track", "table"])[["theme", "kind", "track", "table"]]
    sess = sess.reset_index(drop=True)
    sess_ids = np.array([
        f"{theme_ids[th][6:]}-{_KIND_SHORT[k]}{'' if tr < 0 else '-' + _TRACKS[tr][:4]}-{tb + 1:05d}"
        for th, k, tr, tb in zip(sess["theme"], sess["kind"], sess["track"], sess["table"])],
        dtype=object)
    sess["sid"] = np.arange(len(sess))
    a = a.merge(sess, on=["theme", "kind", "track", "table"], how="left")
    kind_names = np.array([k[0] for k in _KINDS], dtype=object)
    months = np.array(["2021-03", "2021-04", "2021-05"], dtype=object)
    s_kind = sess["kind"].to_numpy()
    s_track = sess["track"].to_numpy()
    track_names = np.array([None, *_TRACKS], dtype=object)
    t["sessions"] = _df(
        "sessions", id=sess_ids, theme_id=theme_ids[sess["theme"].to_numpy()],
        kind=kind_names[s_kind], track=track_names[s_track + 1], order=s_kind + 1,
        month=months[s_kind],
        title_nl=[f"{kind_names[k].capitalize()} {tb + 1} (synthetisch)"
                  for k, tb in zip(s_kind, sess["table"])])
    # the host chairs the theme's first focus table
    first_focus = sess[(sess["kind"] == 0) & (sess["table"] == 0)].set_index("theme")["sid"]
    host_sid = first_focus.reindex(range(themes)).to_numpy()
    has_focus = ~np.isnan(host_sid.astype(float))
    att_p = np.concatenate([a["p"].to_numpy(), m + np.flatnonzero(has_focus)])
    att_s = np.concatenate([a["sid"].to_numpy(), host_sid[has_focus].astype(np.int64)])
    att_role = np.array(["participant"] * len(a) + ["chair"] * int(has_focus.sum()), dtype=object)
    t["attendance"] = _df("attendance", session_id=sess_ids[att_s], participant_id=person_ids[att_p],
                          role=att_role)

    # --- invitations: one per participant, for the first table they came to
    first = a.sort_values(["p", "kind"]).groupby("p", sort=True)[["kind", "sid", "theme"]].first()
    fp = first.index.to_numpy()
    fk = first["kind"].to_numpy()
    channel = np.where(rng.random(len(fp)) < 0.2, "host", "organisers").astype(object)
    inviter = np.full(len(fp), -1, dtype=np.int64)
    later = np.flatnonzero((fk > 0) & (rng.random(len(fp)) < 0.6))
    for th in range(themes):  # pools differ per theme; vectorised within
        members = a[a["theme"] == th]
        for k in (1, 2):
            pool = np.unique(members.loc[members["kind"] < k, "p"].to_numpy())
            want = later[(fk[later] == k) & (first["theme"].to_numpy()[later] == th)]
            if len(pool) and len(want):
                inviter[want] = pool[rng.integers(0, len(pool), size=len(want))]
                channel[want] = "participant"
    host_rows = np.flatnonzero(has_focus)
    t["invitations"] = _df(
        "invitations",
        theme_id=np.concatenate([theme_ids[first["theme"].to_numpy()], theme_ids[host_rows]]),
        participant_id=np.concatenate([person_ids[fp], person_ids[m + host_rows]]),
        first_session_id=np.concatenate([sess_ids[first["sid"].to_numpy()],
                                         sess_ids[host_sid[has_focus].astype(np.int64)]]),
        channel=np.concatenate([channel, np.array(["organisers"] * len(host_rows), dtype=object)]),
        invited_by=np.concatenate([np.where(inviter >= 0, person_ids[np.maximum(inviter, 0)], None),
                                   np.array([None] * len(host_rows), dtype=object)]))

    # --- collaborations at deepening tables and workshops
    so = pd.DataFrame({"sid": a["sid"].to_numpy(), "org": p_org[a["p"].to_numpy()],
                       "kind": a["kind"].to_numpy()})
    so = so[so["kind"] > 0].drop_duplicates(["sid", "org"]).sort_values(["sid", "org"])
    s_of = so["sid"].to_numpy()
    o_of = so["org"].to_numpy()
    starts = np.flatnonzero(np.r_[True, s_of[1:] != s_of[:-1]]) if len(s_of) else np.array([], int)
    sizes = np.diff(np.r_[starts, len(s_of)])
    draws = rng.poisson(ties_per_organisation * sizes)
    draws = np.where(sizes > 1, draws, 0)
    rep = np.repeat(np.arange(len(starts)), draws)
    ia = starts[rep] + (rng.random(len(rep)) * sizes[rep]).astype(np.int64)
    ib = starts[rep] + (rng.random(len(rep)) * sizes[rep]).astype(np.int64)
    fa, fb = o_of[ia], o_of[ib]
    cross = org_sector[fa] != org_sector[fb]
    accept = np.where(cross, min(1.0, cross_sector_bias), min(1.0, 1.0 / cross_sector_bias))
    keep = (fa != fb) & (rng.random(len(rep)) < accept)
    col = pd.DataFrame({"a": fa[keep], "b": fb[keep], "sid": s_of[ia[keep]]})
    col = col.drop_duplicates().sort_values(["sid", "a", "b"]).reset_index(drop=True)
    cw = len(str(len(col)))
    ckind = np.where(s_kind[col["sid"].to_numpy()] == 1, "intent", "joint_initiative").astype(object)
    support = rng.random(len(col)) < 0.1
    ckind[support & (ckind == "joint_initiative")] = "case_support"
    t["collaborations"] = _df("collaborations", id=[f"col-{i:0{cw}d}" for i in range(1, len(col) + 1)],
                              from_organisation_id=org_ids[col["a"].to_numpy()],
                              to_organisation_id=org_ids[col["b"].to_numpy()],
                              session_id=sess_ids[col["sid"].to_numpy()], kind=ckind)

    # --- commitments, owners, SDGs, dimensions, cases and updates
    _commitments(t, rng, a, sess, sess_ids, theme_ids, person_ids, org_ids, p_org, as_of)
    t["insights"] = _df(
        "insights", id=[f"{tid}-vraag-1" for tid in theme_ids], theme_id=theme_ids,
        session_id=[sess_ids[int(s)] if ok else None for s, ok in zip(host_sid, has_focus)],
        kind=["question"] * themes, order=[1] * themes,
        title_nl=["Hoe kunnen we ... ? (synthetisch)"] * themes)
    t["quotes"] = _df("quotes")

    meta = {
        "name": f"labkit-synthetic-{n}-seed-{seed}",
        "title": f"SYNTHETIC programme: {n} organisations, {themes} theme(s) — not real data",
        "description": ("Synthetic data generated by labkit.data.synth.programme for tests, demos and "
                        "benchmarks. Every row has source 'synthetic'; no organisation, person, "
                        "session or commitment in it exists. Arguments: "
                        f"n_organisations={n}, seed={seed}, themes={themes}, "
                        f"participants_per_organisation={participants_per_organisation}, "
                        f"table_size={table_size}, homophily={homophily}, "
                        f"ties_per_organisation={ties_per_organisation}, "
                        f"cross_sector_bias={cross_sector_bias}, as_of={as_of.isoformat()}."),
        "version": "0.0.0",
        "keywords": ["synthetic"],
    }
    return Programme(meta, {name: t[name] for name in schema.RESOURCE_NAMES})


def _commitments(t, rng, a, sess, sess_ids, theme_ids, person_ids, org_ids, p_org, as_of):
    themes = len(theme_ids)
    per_theme = a.groupby("theme")["p"].nunique().reindex(range(themes), fill_value=0).to_numpy()
    counts = np.where(per_theme > 0, np.maximum(3, np.rint(per_theme / 25)), 0).astype(np.int64)
    c_theme = np.repeat(np.arange(themes), counts)
    nc = len(c_theme)
    kind = _COMMITMENT_KINDS[rng.choice(len(_COMMITMENT_KINDS), size=nc, p=_COMMITMENT_KIND_P)]
    # the table each commitment was raised at: a deepening table or workshop of its theme
    later_sess = sess[sess["kind"] > 0]
    by_theme = {th: g["sid"].to_numpy() for th, g in later_sess.groupby("theme")}
    workshops = {th: g["sid"].to_numpy() for th, g in later_sess[later_sess["kind"] == 2].groupby("theme")}
    c_sid = np.full(nc, -1, dtype=np.int64)
    for th in range(themes):
        idx = np.flatnonzero(c_theme == th)
        pool = by_theme.get(th)
        if pool is not None and len(idx):
            c_sid[idx] = pool[rng.integers(0, len(pool), size=len(idx))]
        ws = workshops.get(th)
        cases = idx[kind[idx] == "case"]
        if ws is not None and len(cases):
            c_sid[cases] = ws[rng.integers(0, len(ws), size=len(cases))]
        elif len(cases):
            kind[cases] = "idea"  # no workshop to bring a case to
    kind[c_sid < 0] = "target"
    cw = len(str(nc))
    cids = np.array([f"c-{i:0{cw}d}" for i in range(1, nc + 1)], dtype=object)
    stage = rng.integers(1, 4, size=nc)
    horizon = np.where(kind == "target", rng.choice([2030, 2040, 2050], size=nc), -1)
    # people present at each session, for case owners and lead organisations
    att = a.sort_values("sid")
    att_sid = att["sid"].to_numpy()
    att_p = att["p"].to_numpy()
    first_row = np.searchsorted(att_sid, np.arange(len(sess)))
    n_at = np.diff(np.r_[first_row, len(att_sid)])
    has_sess = c_sid >= 0
    pick = np.zeros(nc, dtype=np.int64)
    ok = has_sess & (n_at[np.maximum(c_sid, 0)] > 0)
    pick[ok] = first_row[c_sid[ok]] + (rng.random(ok.sum()) * n_at[c_sid[ok]]).astype(np.int64)
    is_case = kind == "case"
    case_ids = np.array([f"case-{c[2:]}" for c in cids], dtype=object)
    t["cases"] = _df("cases", id=case_ids[is_case], session_id=sess_ids[c_sid[is_case]],
                     title_nl=[f"Casus {c[2:]} (synthetisch)" for c in cids[is_case]],
                     brought_by=person_ids[att_p[pick[is_case]]])
    t["commitments"] = _df(
        "commitments", id=cids, theme_id=theme_ids[c_theme], kind=kind,
        stage_id=np.array([s[0] for s in _STAGES], dtype=object)[stage - 1],
        title_nl=[f"Synthetische toezegging {c[2:]}" for c in cids],
        title_en=[f"Synthetic commitment {c[2:]}" for c in cids],
        horizon=[int(h) if h > 0 else None for h in horizon],
        case_id=np.where(is_case, case_ids, None),
        session_id=np.where(has_sess, sess_ids[np.maximum(c_sid, 0)], None))

    # owners: a lead from the table where it was raised, and 0-2 partners from there too
    lead = ok & (rng.random(nc) < 0.85)
    o_c, o_org, o_role = [np.flatnonzero(lead)], [p_org[att_p[pick[lead]]]], [np.zeros(lead.sum(), int)]
    for _ in range(2):
        more = lead & (rng.random(nc) < 0.4)
        r = first_row[c_sid[more]] + (rng.random(more.sum()) * n_at[c_sid[more]]).astype(np.int64)
        o_c.append(np.flatnonzero(more))
        o_org.append(p_org[att_p[r]])
        o_role.append(np.ones(more.sum(), int))
    own = pd.DataFrame({"c": np.concatenate(o_c), "org": np.concatenate(o_org),
                        "role": np.concatenate(o_role)})
    own = own.sort_values(["c", "role"], kind="stable").drop_duplicates(["c", "org"]).sort_values(["c", "role"])
    t["commitment_owners"] = _df("commitment_owners", commitment_id=cids[own["c"].to_numpy()],
                                 organisation_id=org_ids[own["org"].to_numpy()],
                                 role=np.array(["lead", "partner"], dtype=object)[own["role"].to_numpy()])
    # SDGs and dimensions: 1-3 distinct each
    sdg_pick = np.argsort(rng.random((nc, 17)), axis=1)[:, :3] + 1
    n_sdg = rng.integers(1, 4, size=nc)
    mask = np.arange(3)[None, :] < n_sdg[:, None]
    rc, cc = np.nonzero(mask)
    sd = pd.DataFrame({"c": rc, "sdg": sdg_pick[rc, cc]}).sort_values(["c", "sdg"])
    t["commitment_sdgs"] = _df("commitment_sdgs", commitment_id=cids[sd["c"].to_numpy()],
                               sdg=sd["sdg"].to_numpy())
    dim_pick = np.argsort(rng.random((nc, 3)), axis=1)
    n_dim = rng.integers(1, 4, size=nc)
    rc, cc = np.nonzero(np.arange(3)[None, :] < n_dim[:, None])
    dd = pd.DataFrame({"c": rc, "d": dim_pick[rc, cc]}).sort_values(["c", "d"])
    t["commitment_dimensions"] = _df("commitment_dimensions", commitment_id=cids[dd["c"].to_numpy()],
                                     dimension=np.array([d[0] for d in _DIMENSIONS], dtype=object)[dd["d"].to_numpy()])
    t["commitment_updates"] = _updates(rng, cids, c_sid, sess, as_of)


def _updates(rng, cids, c_sid, sess, as_of):
    """'proposed' at the table's month, then a history of up to _STEPS updates to ``as_of``."""
    nc = len(cids)
    month = np.where(c_sid >= 0, sess["kind"].to_numpy()[np.maximum(c_sid, 0)], 2)
    start = np.array(["2021-03-01", "2021-04-01", "2021-05-01"], dtype="datetime64[D]")[month]
    gaps = rng.integers(120, 331, size=(nc, _STEPS))
    gaps[:, 0] = 60 + rng.integers(0, 121, size=nc)
    dates = start[:, None] + np.cumsum(gaps, axis=1).astype("timedelta64[D]")
    inc = rng.choice(np.array([5, 10, 10, 15, 20]), size=(nc, _STEPS))
    progress = np.minimum(100, np.cumsum(inc, axis=1))
    fate = rng.random(nc)
    stall_after = np.where(fate < 0.35, rng.integers(1, 4, size=nc), _STEPS)
    dropped = (fate >= 0.35) & (fate < 0.42)
    step = np.arange(1, _STEPS + 1)[None, :]
    done_before = np.r_["1", np.zeros((nc, 1), bool), (progress >= 100)[:, :-1]]
    keep = (dates <= np.datetime64(as_of, "D")) & ~np.maximum.accumulate(done_before, axis=1)
    keep &= step <= stall_after[:, None]
    keep &= ~(dropped[:, None] & (step > 2))
    status = np.where(progress >= 100, "completed", "in_progress").astype(object)
    status[dropped, 1] = "dropped"
    progress = progress.copy()
    progress[dropped, 1] = progress[dropped, 0]
    rc, cc = np.nonzero(keep)
    note = np.where(status[rc, cc] == "completed", "Afgerond.",
                    np.where(status[rc, cc] == "dropped", "Niet verder opgepakt.", "Voortgang gemeld."))
    ids = np.concatenate([cids, cids[rc]])
    d = np.concatenate([start, dates[rc, cc]])
    st = np.concatenate([np.array(["proposed"] * nc, dtype=object), status[rc, cc]])
    pr = np.concatenate([np.zeros(nc, np.int64), progress[rc, cc]])
    nt = np.concatenate([np.array(["Ingebracht tijdens de dialoog."] * nc, dtype=object), note])
    order = np.lexsort((d, ids))
    return _df("commitment_updates", commitment_id=ids[order],
               date=pd.to_datetime(d[order]).astype("datetime64[s]"),
               status=st[order], progress=pr[order], note=nt[order])


_DTYPES = {"string": "str", "integer": "Int64", "year": "Int64", "number": "Float64",
           "boolean": "boolean", "yearmonth": "str"}


def _df(table: str, /, **columns) -> pd.DataFrame:
    """A table typed as :func:`labkit.data.io.read_package` types it; unset columns are empty."""
    length = max((len(v) for v in columns.values()), default=0)
    out = {}
    for f in schema.fields(table):
        col = f["name"]
        if col == "source":
            values = [SYNTHETIC] * length
        else:
            values = columns.get(col)
        if values is None:
            values = [None] * length
        if f["type"] == "date":
            out[col] = pd.Series(pd.to_datetime(pd.Series(values)), dtype="datetime64[s]")
        elif _DTYPES[f["type"]] == "str":
            values = np.asarray(values, dtype=object)
            out[col] = pd.Series(values, dtype="str")
        else:
            out[col] = pd.Series(values, dtype=_DTYPES[f["type"]])
    unknown = set(columns) - set(schema.field_names(table))
    if unknown:  # pragma: no cover - a programming error here
        raise KeyError(f"{table}: unknown columns {sorted(unknown)}")
    return pd.DataFrame(out)


def rounds_programme(n_organisations: int, rounds: int = 2, *, p_return: float = 0.7,
                     p_join: float = 0.3, p_stay: float = 0.5, table_size: int = 8,
                     seed: int = 0) -> Programme:
    """A synthetic programme of ``rounds`` rounds, for the measures of change between rounds.

    Round 1 seats ``n_organisations`` organisations (one person each) at tables of
    about ``table_size``. In each later round every organisation of the round before
    comes back with probability ``p_return``, ``round(p_join * n_organisations)`` new ones
    join, and a returning organisation keeps its table (and so, with the others who
    kept theirs, its ties) with probability ``p_stay``; everyone else is seated at
    random. Each round is one year (January to June, tables in March). Every row is
    ``synthetic``; organisations, people and the reference tables are those of
    :func:`programme` for the whole pool, its other tables are left empty.
    """
    if rounds < 1:
        raise ValueError("rounds must be at least 1")
    for name, p in (("p_return", p_return), ("p_join", p_join), ("p_stay", p_stay)):
        if not 0 <= p <= 1:
            raise ValueError(f"{name} must be between 0 and 1")
    n = int(n_organisations)
    joiners = int(round(p_join * n))
    pool = n + joiners * (rounds - 1)
    base = programme(pool, seed=seed, participants_per_organisation=1)
    rng = np.random.default_rng(seed + 1)
    orgs = base.organisations["id"].to_numpy()
    people = base.participants.drop_duplicates("organisation_id").set_index("organisation_id")["id"]
    person_of = people.reindex(orgs).to_numpy()
    kind = base.table_kinds.sort_values("order")["id"].iloc[0]
    theme = base.themes["id"].iloc[0]
    active = np.arange(n)
    table_of = np.full(pool, -1)
    sess_rows, att_session, att_person, round_rows = [], [], [], []
    for k in range(1, rounds + 1):
        year = 2025 + k
        if k > 1:
            back = active[rng.random(len(active)) < p_return]
            new = np.arange(n + joiners * (k - 2), n + joiners * (k - 1))
            active = np.concatenate([back, new])
        tables = max(1, -(-len(active) // table_size))
        keep = (table_of[active] >= 0) & (table_of[active] < tables) & (rng.random(len(active)) < p_stay)
        seat = np.where(keep, table_of[active], rng.integers(0, tables, len(active)))
        table_of[:] = -1
        table_of[active] = seat
        rid = f"ronde-{k}"
        round_rows.append((rid, f"Ronde {k} (synthetisch)", f"Round {k} (synthetic)",
                           dt.date(year, 1, 1), dt.date(year, 6, 30)))
        sids = np.array([f"{rid}-tafel-{j + 1}" for j in range(tables)], dtype=object)
        sess_rows += [(s, year) for s in sids]
        att_session.append(sids[seat])
        att_person.append(person_of[active])
    t = dict(base.tables)
    for name in ("invitations", "collaborations", "cases", "commitments", "commitment_owners",
                 "commitment_sdgs", "commitment_dimensions", "commitment_updates", "quotes", "insights"):
        t[name] = base.tables[name].iloc[0:0]
    t["rounds"] = _df("rounds", id=[r[0] for r in round_rows], name_nl=[r[1] for r in round_rows],
                      name_en=[r[2] for r in round_rows], start=[r[3] for r in round_rows],
                      end=[r[4] for r in round_rows])
    t["themes"] = base.themes.assign(host_participant_id=None)
    ids = [s for s, _ in sess_rows]
    t["sessions"] = _df("sessions", id=ids, theme_id=[theme] * len(ids), kind=[kind] * len(ids),
                        order=[1] * len(ids), month=[f"{y}-03" for _, y in sess_rows],
                        title_nl=[s.replace("-", " ").capitalize() + " (synthetisch)" for s in ids],
                        round_id=[s.rsplit("-tafel-", 1)[0] for s in ids])
    t["attendance"] = _df("attendance", session_id=np.concatenate(att_session).tolist(),
                          participant_id=np.concatenate(att_person).tolist(),
                          role=["participant"] * sum(len(a) for a in att_person))
    meta = dict(base.meta)
    meta["name"] = f"synthetic-rounds-{n}-{rounds}"
    meta["description"] = (f"Synthetic data generated by labkit.data.synth.rounds_programme: {rounds} rounds, "
                           f"n_organisations={n}, p_return={p_return}, p_join={p_join}, p_stay={p_stay}, "
                           f"table_size={table_size}, seed={seed}. Every row has source 'synthetic'.")
    return Programme(meta, {name: t[name] for name in schema.RESOURCE_NAMES})
