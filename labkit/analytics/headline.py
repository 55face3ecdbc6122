"""The headline answers: what ``labkit analyse`` prints, as one JSON-ready dict."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..errors import ParameterError
from ..network.graph import organisation_coattendance, organisation_collaboration
from ._data import ILLUSTRATIVE, as_date, frames, net, plain
from .brokers import ROLES, betweenness, brokerage_baselines, constraint, effective_size
from .chance import describe_against_chance
from .commitments import commitment_coverage, stalled_commitments, unowned
from .composition import _matrix, diversity, missing_sectors, participating_organisations
from .permutation import PERMUTATIONS, ei_index_permutation
from .ties import assortativity, cross_sector_share, ei_index, ei_index_by_group, ei_index_expected

#: Exact betweenness up to this many nodes; above it, sampled (as STACK-NOTES allows).
BETWEENNESS_EXACT_MAX = 10_000
#: Sources sampled for betweenness above BETWEENNESS_EXACT_MAX nodes.
BETWEENNESS_SAMPLE = 100


def _sample_size(n: int):
    return None if n <= BETWEENNESS_EXACT_MAX else BETWEENNESS_SAMPLE


def top_brokers(H, D=None, *, n=10, k="auto", seed=0, attr="sector") -> pd.DataFrame:
    """Organisations ranked by betweenness, with their structural holes and brokerage roles.

    Parameters
    ----------
    H : networkx.Graph
        Network for betweenness, constraint and effective size (unweighted).
    D : networkx.DiGraph, optional
        Directed network for the Gould-Fernandez roles (default ``H``).
    n : int
        How many to return.
    k : int, None or "auto"
        Sources sampled for betweenness; "auto" is exact up to 10,000 nodes
        and 100 sources above.
    seed : int

    Returns
    -------
    pandas.DataFrame
        ``node``, ``label``, ``sector``, ``betweenness``, ``constraint``,
        ``effective_size``, the five roles and ``total``, then for each of
        those six what a random network of the same density would give
        (``coordinator_expected`` ... ``total_expected``) and the z-scores
        (``coordinator_z`` ... ``total_z``; NaN where the role cannot occur),
        from :func:`~labkit.analytics.brokers.brokerage_baselines`; highest
        betweenness first, then most brokerage, then node id. ``attrs["k"]``
        holds the sample size used (None: exact), ``attrs["density"]`` the
        density of the roles' network.

    Examples
    --------
    >>> import networkx as nx
    >>> H = nx.path_graph(["a", "b", "c"])
    >>> nx.set_node_attributes(H, {"a": "gov", "b": "biz", "c": "ngo"}, "sector")
    >>> top_brokers(H, n=1)[["node", "betweenness", "liaison"]].values.tolist()
    [['b', 1.0, 2]]
    """
    k = _sample_size(H.number_of_nodes()) if k == "auto" else k
    b = betweenness(H, k=k, seed=seed)
    c = constraint(H)
    e = effective_size(H)
    base = brokerage_baselines(D if D is not None else H, attr)
    roles = base["count"].astype(int)
    columns = [*ROLES, "total"]
    chance = base["expected"].add_suffix("_expected").join(base["z"].add_suffix("_z"))
    df = pd.DataFrame({"node": list(b), "betweenness": list(b.values())})
    df["label"] = [H.nodes[v].get("label", v) for v in df["node"]]
    df["sector"] = [H.nodes[v].get(attr) for v in df["node"]]
    df["constraint"] = df["node"].map(c)
    df["effective_size"] = df["node"].map(e)
    df = df.join(roles.reindex(df["node"]).fillna(0).astype(int).reset_index(drop=True))
    df = df.join(chance.reindex(df["node"]).reset_index(drop=True))
    df = df.sort_values(["betweenness", "total", "node"], ascending=[False, False, True], kind="stable")
    df = df.head(n).reset_index(drop=True)[["node", "label", "sector", "betweenness", "constraint",
                                             "effective_size", *columns, *(f"{c}_expected" for c in columns),
                                             *(f"{c}_z" for c in columns)]]
    df.attrs["k"] = k
    df.attrs["density"] = base["density"]
    df.attrs["network"] = {c: {row: float(v) for row, v in base["network"][c].items()} for c in columns}
    return df


def _network(H, groups, names, network, permutations, seed) -> dict:
    def in_order(d):
        return {s: v for s, v in sorted(d.items(), key=lambda kv: groups.index(kv[0])
                                        if kv[0] in groups else len(groups))}

    test = ei_index_permutation(H, n_permutations=permutations, seed=seed)
    whole = {k: v for k, v in test.items() if k != "by_group"}
    whole.update(_words(describe_against_chance(test, network=network)))
    by_sector = {s: {**r, **_words(describe_against_chance(r, label=names.get(s, {"nl": s, "en": s})))}
                 for s, r in test["by_group"].items()}
    return {
        "organisations": H.number_of_nodes(), "ties": H.number_of_edges(),
        "ei_index": ei_index(H), "ei_index_expected": ei_index_expected(H),
        "cross_sector_share": cross_sector_share(H), "assortativity": assortativity(H),
        "ei_index_by_sector": in_order(ei_index_by_group(H)),
        "ei_index_chance": whole,
        "ei_index_by_sector_chance": in_order(by_sector),
        "illustrative": net(H).illustrative,
    }


def _words(described) -> dict:
    return {"verdict": described["verdict"], "nl": described["nl"], "en": described["en"]}


def _broker_against_chance(record) -> dict | None:
    """The sentence for a broker's most frequent role (the first of ROLES on a tie), or None."""
    if not record["total"]:
        return None
    role = max(ROLES, key=lambda r: record[r])
    d = describe_against_chance({"count": record[role], "expected": record[f"{role}_expected"],
                                 "z": record[f"{role}_z"]}, measure="brokerage", role=role,
                                label=record["label"])
    return {"role": role, **_words(d)}


def headline(programme, *, theme=None, as_of=None, months=12, top=10, sessions_limit=50,
             seed=0, permutations=PERMUTATIONS) -> dict:
    """The headline answers about a programme, JSON-ready.

    Parameters
    ----------
    programme : Programme
    theme : str, optional
        Only this theme; default all.
    as_of : date or ISO string, optional
        Date for stalled commitments; default the date of the latest
        commitment update (so the answer does not change with the clock).
    months : int
        A commitment not updated for more than this many months is stalled.
    top : int
        Number of brokers to list.
    sessions_limit : int
        Sessions listed one by one (all table kinds are always listed).
    seed : int
        Seed for sampled betweenness and for the shuffles of the permutation test.
    permutations : int
        Shuffles of the sector labels for the E-I index against chance
        (:func:`~labkit.analytics.permutation.ei_index_permutation`; default 1,000).

    Returns
    -------
    dict
        ``programme`` (title, theme, as_of, counts), ``provenance``
        (``illustrative``, ``synthetic``), ``composition`` (per table kind and
        per session: participants, organisations per sector, missing sectors,
        Blau's index), ``ties`` (E-I index overall and per sector, expected
        E-I, cross-sector share and assortativity for the co-attendance and
        the collaboration network; against chance: ``ei_index_chance`` and
        ``ei_index_by_sector_chance``, the permutation test of
        :func:`~labkit.analytics.permutation.ei_index_permutation` with its
        ``verdict`` and the sentence in ``nl`` and ``en`` of
        :func:`~labkit.analytics.chance.describe_against_chance`),
        ``brokers`` (top organisations by betweenness in the collaboration
        network, with constraint, effective size and Gould-Fernandez roles in
        the directed collaboration network, each role's expected count and
        z-score (``liaison_expected``, ``liaison_z``, ...) and
        ``against_chance``, the sentence for its most frequent role; ``chance``
        holds the density and the network-level counts, expectations, sds and
        z-scores; ``k`` says whether betweenness was sampled) and ``commitments``
        (coverage by stage, dimension, owner sector and SDG; unowned stages
        and dimensions; stalled commitments). Every section has an
        ``illustrative`` flag: true when it rests on illustrative rows.

    Examples
    --------
    >>> from labkit.analytics._example import example_programme
    >>> h = headline(example_programme())
    >>> h["ties"]["collaboration"]["ei_index"], h["commitments"]["unowned"]["stages"]
    (1.0, ['stage-2', 'stage-3'])
    """
    t = programme.tables
    if theme is not None and theme not in set(t["themes"]["id"]):
        raise ParameterError(f"unknown theme {theme!r}; the programme's themes are "
                             + ", ".join(t["themes"]["id"]))
    F = frames(programme)
    groups = list(F.sectors)
    if as_of is None:
        dates = t["commitment_updates"]["date"]
        as_of = dates.max().date() if len(dates) else dt.date.today()
    as_of = as_date(as_of)
    sources = pd.concat([df["source"] for df in t.values() if "source" in df.columns])

    # composition per table kind and per session (only the sessions listed are spelt out)
    comp = {}
    for by, limit in (("table", None), ("session", sessions_limit)):
        names, columns, n_class, P, O, I = _matrix(F, theme, by, None)
        blau = diversity(programme, theme=theme, by=by)["blau"].tolist()
        miss = missing_sectors(programme, theme=theme, by=by)
        rows = []
        for i, group in enumerate(names[:limit]):
            rows.append({"group": group, "participants": int(P[i].sum()), "organisations": int(O[i].sum()),
                         "sectors": {s: int(o) for s, o in zip(columns, O[i]) if o},
                         "missing": miss[group], "blau": blau[i], "illustrative": bool(I[i].any())})
        comp[by] = (rows, len(names), bool(I.any()))
    composition = {
        "illustrative": comp["table"][2],
        "by_table": comp["table"][0], "sessions": comp["session"][1],
        "by_session": comp["session"][0],
    }

    # built from the tables: the same networks as from programme.graph, without building it
    H = organisation_coattendance(programme, theme=theme)
    U = organisation_collaboration(programme, theme=theme)
    D = organisation_collaboration(programme, theme=theme, directed=True)
    names = {s: {"nl": nl, "en": en} for s, nl, en in
             zip(t["sectors"]["id"], t["sectors"]["name_nl"], t["sectors"]["name_en"])}
    ties = {name: _network(G, groups, names, name, permutations, seed)
            for name, G in (("coattendance", H), ("collaboration", U))}
    ties["illustrative"] = ties["coattendance"]["illustrative"] or ties["collaboration"]["illustrative"]

    tb = top_brokers(U, D, n=top, seed=seed)
    top_records = tb.to_dict(orient="records")
    for r in top_records:
        r["against_chance"] = _broker_against_chance(r)
    brokers = {"network": "collaboration", "roles_network": "collaboration (directed)",
               "k": tb.attrs["k"], "seed": seed, "illustrative": net(U).illustrative,
               "chance": {"model": "Gould-Fernandez (sna::brokerage): a random network of the same density, "
                                   "sectors as observed", "density": tb.attrs["density"],
                          "network": tb.attrs["network"]},
               "top": top_records}

    cov = {by: commitment_coverage(programme, by=by, theme=theme)
           for by in ("stage", "dimension", "owner_sector", "sdg")}
    stalled = stalled_commitments(programme, months=months, as_of=as_of, theme=theme)
    scope = F.commitments if theme is None else F.commitments[F.commitments["theme"] == theme]
    commitments = {
        "total": len(scope),
        "illustrative": any(bool(df["illustrative"].any()) for df in cov.values()),
        "coverage": {by: df.drop(columns="share").to_dict(orient="records") for by, df in cov.items()},
        "unowned": unowned(programme, theme=theme),
        "stalled": {"months": months, "as_of": as_of, "count": len(stalled),
                    "illustrative": bool(stalled["illustrative"].any()),
                    "items": stalled.to_dict(orient="records")},
    }
    n_people = int(F.attendance["session"].isin(
        F.sessions["node"] if theme is None else F.sessions.loc[F.sessions["theme"] == theme, "node"]
    ).groupby(F.attendance["participant"]).any().sum()) if len(F.attendance) else 0
    return plain({
        "programme": {"title": programme.meta.get("title"), "theme": theme, "as_of": as_of,
                      "organisations": H.number_of_nodes(), "participants": n_people,
                      # of those, the ones only the host or organisers came from (not counted as taking part)
                      "organisations_hosting": len(participating_organisations(programme, theme=theme)["hosting"]),
                      "sessions": composition["sessions"], "commitments": len(scope)},
        "provenance": {"illustrative": bool((sources == ILLUSTRATIVE).any()),
                       "synthetic": bool((sources == "synthetic").any())},
        "composition": composition, "ties": ties, "brokers": brokers, "commitments": commitments,
    })


def _f(x, digits=2):
    return "—" if x is None or x != x else f"{x:.{digits}f}"


def _wrap(text, indent="    "):
    """One line per sentence, indented (the terminal wraps it): the line count never depends
    on the names in it, so a name can never make or hide a line."""
    return indent + text


def format_headline(h: dict) -> str:
    """``headline``'s result as text for a terminal (Dutch, as ``labkit summary``).

    >>> from labkit.analytics._example import example_programme
    >>> print(format_headline(headline(example_programme())).splitlines()[1])
    Analyse (alle thema's, peildatum 2022-01-01): 3 sessies, 4 deelnemers, 3 organisaties aan tafel, 2 toezeggingen
    """
    p = h["programme"]
    lines = [p["title"] or "labkit programme"]
    scope = f"thema {p['theme']}" if p["theme"] else "alle thema's"
    hosting = p.get("organisations_hosting", 0)
    orgs = (f"{p['organisations'] - hosting} deelnemende organisaties en {hosting} van de host aan tafel"
            if hosting else f"{p['organisations']} organisaties aan tafel")
    lines.append(f"Analyse ({scope}, peildatum {p['as_of']}): {p['sessions']} sessies, "
                 f"{p['participants']} deelnemers, {orgs}, {p['commitments']} toezeggingen")
    if h["provenance"]["synthetic"]:
        lines.append("LET OP: synthetische gegevens (labkit.data.synth), geen echte organisaties of personen.")
    if h["provenance"]["illustrative"]:
        lines.append("LET OP: rust deels op illustratieve rijen (aanwezigheid per tafel, uitnodigingen, "
                     "samenwerkingen, eigenaars, voortgang): geen feiten uit het verslag. "
                     "Secties die erop rusten zijn gemarkeerd met [illustratief].")

    def mark(section):
        return " [illustratief]" if section.get("illustrative") else ""

    c = h["composition"]
    lines += ["", "Wie zat aan tafel" + mark(c)]
    if not c["by_table"]:
        lines.append("  geen sessies in deze selectie")
    for r in c["by_table"] + c["by_session"]:
        sectors = ", ".join(f"{s} {n}" for s, n in r["sectors"].items())
        missing = ", ".join(r["missing"]) or "geen"
        lines.append(f"  {r['group']:<34} {r['participants']:>4} deeln., {r['organisations']:>4} org. "
                     f"(Blau {_f(r['blau'])}): {sectors}; ontbreekt: {missing}")
    if c["sessions"] > len(c["by_session"]):
        lines.append(f"  ... en {c['sessions'] - len(c['by_session'])} sessies meer (--json voor alles "
                     "wat hier staat; sector_composition() voor elke sessie)")
    t = h["ties"]
    lines += ["", "Verbindingen tussen sectoren (E-I-index: -1 alles binnen, +1 alles tussen sectoren)"
              + mark(t)]
    for key, name in (("coattendance", "samen aan tafel"), ("collaboration", "samenwerkingen")):
        n = t[key]
        lines.append(f"  {name}: {n['organisations']} organisaties, {n['ties']} banden; E-I {_f(n['ei_index'])} "
                     f"(bij toeval {_f(n['ei_index_expected'])}), aandeel tussen sectoren "
                     f"{_f(n['cross_sector_share'])}, assortativiteit {_f(n['assortativity'])}")
        lines.append("    per sector: " + ", ".join(f"{s} {_f(v)}" for s, v in n["ei_index_by_sector"].items()))
        c = n["ei_index_chance"]
        lines.append(_wrap(f"tegen toeval ({c['n_permutations']} willekeurige verdelingen van de sectoren over "
                           f"dezelfde organisaties, seed {c['seed']}): {c['nl']}"))
        by = n["ei_index_by_sector_chance"]
        lines.append(_wrap("per sector tegen toeval (E-I, bij toeval, p): " + ", ".join(
            f"{s} {_f(r['observed'])} / {_f(r['expected'])} / {_f(r['p_value'], 3)}" for s, r in by.items())))
        odd = [r["nl"] for r in by.values() if r["verdict"] in ("more", "less")]
        lines += [_wrap(x) for x in odd] or ["    geen sector wijkt af van wat toeval geeft"]
    b = h["brokers"]
    # sampled, the top of the ranking shifts with the seed (seen at 50,000 organisations)
    sample = "exact" if b["k"] is None else (f"steekproef van {b['k']} bronnen, seed {b['seed']}: "
                                             "een schatting, de volgorde bovenaan kan per seed verschillen")
    lines += ["", f"Makelaars (betweenness in het samenwerkingsnetwerk, {sample}; rollen volgens "
              "Gould-Fernandez, gericht)" + mark(b)]
    for r in b["top"]:
        roles = ", ".join(f"{k} {r[k]} (z {_f(r[k + '_z'], 1)})" for k in ROLES if r[k])
        lines.append(f"  {r['label']:<40} {r['sector'] or '':<20} betw. {_f(r['betweenness'], 3)}, "
                     f"constraint {_f(r['constraint'])}, eff. grootte {_f(r['effective_size'], 1)}; "
                     f"{roles or 'geen makelaarsrol'}")
    if b["top"]:
        lines.append(_wrap(f"z = (aantal - verwacht) / sd in een willekeurig netwerk met dezelfde dichtheid "
                           f"({_f(b['chance']['density'], 3)}) en sectoren (Gould-Fernandez, als sna::brokerage); "
                           "|z| boven 2 valt op, bij benadering.", indent="  "))
        notable = [r["against_chance"]["nl"] for r in b["top"]
                   if r["against_chance"] and r["against_chance"]["verdict"] in ("more", "less")]
        lines += [_wrap(x, indent="  ") for x in notable]
    k = h["commitments"]
    lines += ["", f"Toezeggingen ({k['total']})" + mark(k)]
    for by, name in (("stage", "per trap"), ("dimension", "per dimensie"), ("owner_sector", "per sector eigenaar")):
        lines.append(f"  {name}: " + ", ".join(f"{r['group']} {r['commitments']} ({r['owned']} met eigenaar)"
                                              for r in k["coverage"][by]))
    sdg = [f"{r['group']}:{r['commitments']}" for r in k["coverage"]["sdg"] if r["commitments"]]
    lines.append("  per SDG: " + (", ".join(sdg) or "geen"))
    u = k["unowned"]
    lines.append(f"  zonder eigenaar: trappen {', '.join(u['stages']) or 'geen'}; "
                 f"dimensies {', '.join(u['dimensions']) or 'geen'}")
    s = k["stalled"]
    lines.append(f"  stilgevallen (> {s['months']} maanden geen update op {s['as_of']}): {s['count']}"
                 + mark(s))
    for r in s["items"][:20]:
        lines.append(f"    {r['id']:<28} {r['status'] or '—':<12} {r['progress'] if r['progress'] is not None else '—':>3}% "
                     f"laatste update {r['last_update'] or 'nooit'} ({r['months_since'] if r['months_since'] is not None else '—'} mnd)")
    if s["count"] > 20:
        lines.append(f"    ... en {s['count'] - 20} meer (--json)")
    return "\n".join(lines)
