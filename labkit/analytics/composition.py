"""Who was in the room: sector composition, missing sectors and diversity per table."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pandas as pd

from ._data import UNKNOWN, check_choice, codes, frames, table_order, theme_sessions, unique_ints

BY = ("session", "table", "theme")
COMPOSITION_COLUMNS = ["group", "sector", "organisations", "participants", "share",
                       "organisation_share", "illustrative"]


def _groups(F, theme, by):
    """Sessions in scope and the groups, in table order."""
    check_choice("by", by, BY)
    sess = theme_sessions(F, theme)
    if by == "session":
        return sess, sess["id"].tolist(), sess["id"]
    if by == "table":
        return sess, table_order(F, sess["table"]), sess["table"]
    return sess, list(dict.fromkeys(sess["theme"])), sess["theme"]


def _matrix(F, theme, by, sectors):
    """Counts per group (rows) and sector (columns): distinct participants, distinct
    organisations, and whether an illustrative attendance lies behind the cell.
    Columns are the classification, then sectors found outside it, then UNKNOWN.
    Kept on the frames: composition, missing sectors and diversity share it."""
    key = ("composition", theme, by, None if sectors is None else tuple(sectors))
    if key not in F.memo:
        F.memo[key] = _count(F, theme, by, sectors)
    return F.memo[key]


def _count(F, theme, by, sectors):
    sess, groups, label = _groups(F, theme, by)
    sectors = list(sectors) if sectors is not None else list(F.sectors)
    C = codes(F)
    group_of = np.full(len(F.sessions), -1, dtype=np.int64)  # per session row
    group_of[sess.index.to_numpy()] = label.map({g: i for i, g in enumerate(groups)}).to_numpy(dtype=np.int64)
    ok = (C.session >= 0) & (C.participant >= 0)
    g = np.where(ok, group_of[np.maximum(C.session, 0)], -1)
    keep = g >= 0
    g, p = g[keep], C.participant[keep]
    o = C.organisation[p]  # -1 without organisation
    present = sorted({x for x in C.sector[unique_ints(o[o >= 0])].tolist()} - set(sectors)) if len(o) else []
    columns = sectors + present + [UNKNOWN]
    k = len(columns)
    org_col = pd.Index(columns).get_indexer(C.sector).astype(np.int64) if len(C.sector) else np.zeros(0, np.int64)
    s = np.where(o >= 0, org_col[np.maximum(o, 0)] if len(org_col) else -1, k - 1)
    cell = g * k + s
    size = len(groups) * k

    def distinct(ids, mask):
        mult = max(int(ids.max()) + 1, 1) if len(ids) else 1
        key = unique_ints(cell[mask] * mult + ids[mask])
        return np.bincount(key // mult, minlength=size).reshape(len(groups), k)

    P = distinct(p, np.ones(len(p), bool))
    O = distinct(o, o >= 0)
    I = np.bincount(cell[C.illustrative[keep]], minlength=size).reshape(len(groups), k) > 0
    for x in (P, O, I):
        x.setflags(write=False)  # shared through the memo
    return groups, columns, len(sectors), P, O, I


def sector_composition(G, *, theme=None, by="session", sectors=None) -> pd.DataFrame:
    """Sector composition of each session, table kind or theme.

    Parameters
    ----------
    G : Programme or networkx.MultiDiGraph
        The programme or its typed graph (:mod:`labkit.network.graph`).
    theme : str, optional
        Only sessions of this theme id.
    by : {"session", "table", "theme"}
        Group by session id, by kind of table (focustafel, verdiepingstafel,
        werkplaats) or by theme id.
    sectors : sequence of str, optional
        The sector classification; default: the programme's sectors table in
        its order, or with a bare graph the sectors of its organisations.

    Returns
    -------
    pandas.DataFrame
        One row per group and sector, zeros included, in table order then
        sector order, with columns ``group``, ``sector``, ``organisations``
        (distinct organisations present), ``participants`` (distinct people),
        ``share`` (of the group's participants), ``organisation_share`` (of
        the group's organisations) and ``illustrative`` (some attendance
        behind the row is illustrative). People without an organisation appear
        under sector ``"unknown"`` (only where there are some).

    Notes
    -----
    A person or organisation at several sessions of a group counts once in
    it. An empty scope gives an empty frame with these columns.

    Examples
    --------
    >>> from labkit.analytics._example import example_programme
    >>> df = sector_composition(example_programme(), by="table")
    >>> df[df["group"] == "focustafel"][["sector", "participants", "share"]].values.tolist()
    [['government', 1, 0.5], ['business', 1, 0.5], ['civil-society', 0, 0.0]]
    """
    groups, columns, n_class, P, O, I = _matrix(frames(G), theme, by, sectors)
    if not groups:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in COMPOSITION_COLUMNS})
    k = len(columns)
    show = np.ones((len(groups), k), dtype=bool)
    show[:, -1] = P[:, -1] > 0  # the UNKNOWN column only where there are such people
    gi, si = np.nonzero(show)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = P / P.sum(axis=1, keepdims=True)
        org_share = O / O.sum(axis=1, keepdims=True)
    return pd.DataFrame({
        "group": np.asarray(groups, dtype=object)[gi], "sector": np.asarray(columns, dtype=object)[si],
        "organisations": O[gi, si], "participants": P[gi, si], "share": share[gi, si],
        "organisation_share": org_share[gi, si], "illustrative": I[gi, si]})


def missing_sectors(G, *, theme=None, by="session", sectors=None) -> dict:
    """Sectors of the classification with no organisation present, per group.

    Parameters are those of :func:`sector_composition`.

    Returns
    -------
    dict
        group -> sorted list of sector ids absent from it. Groups follow table
        order; a group of people without organisations misses every sector.

    Examples
    --------
    >>> from labkit.analytics._example import example_programme
    >>> missing_sectors(example_programme(), by="table")
    {'focustafel': ['civil-society'], 'verdiepingstafel': ['government'], 'werkplaats': ['government']}
    """
    groups, columns, n_class, P, O, I = _matrix(frames(G), theme, by, sectors)
    names = np.asarray(columns[:n_class], dtype=object)
    alpha = np.argsort(names.astype(str), kind="stable")
    absent = O[:, :n_class][:, alpha] == 0
    names = names[alpha]
    return {g: names[row].tolist() for g, row in zip(groups, absent)}


def blau_index(counts) -> float | None:
    """Blau's index of heterogeneity, :math:`1 - \\sum_k p_k^2`.

    The probability that two members drawn at random (with replacement) belong
    to different categories (Blau 1977, *Inequality and Heterogeneity*); the
    Gini-Simpson index. 0 for one category; at most ``1 - 1/K`` for K
    categories. None when all counts are zero.

    >>> blau_index([2, 2])
    0.5
    >>> blau_index([3, 0, 0])
    0.0
    """
    c = np.asarray(list(counts), dtype=float)
    total = c.sum()
    if total <= 0:
        return None
    p = c / total
    return float(1.0 - (p * p).sum())


def shannon_index(counts) -> float | None:
    """Shannon's entropy :math:`H = -\\sum_k p_k \\ln p_k` (natural log; 0 ln 0 = 0).

    Shannon (1948), *A mathematical theory of communication*. 0 for one
    category, ``ln K`` for K equal categories. None when all counts are zero.
    Checked against ``scipy.special.entr`` in the tests.

    >>> round(shannon_index([1, 1]), 6) == round(math.log(2), 6)
    True
    """
    c = np.asarray(list(counts), dtype=float)
    total = c.sum()
    if total <= 0:
        return None
    p = c[c > 0] / total
    return float(-(p * np.log(p)).sum())


def diversity(G, *, theme=None, by="session", count="organisations", sectors=None) -> pd.DataFrame:
    """Sector diversity of each session, table kind or theme.

    Parameters
    ----------
    G, theme, by, sectors
        As in :func:`sector_composition`.
    count : {"organisations", "participants"}
        Count distinct organisations or distinct people per sector.

    Returns
    -------
    pandas.DataFrame
        Columns ``group``, ``sectors_present``, ``blau`` (:func:`blau_index`),
        ``iqv`` (Blau's index divided by its maximum ``1 - 1/K``, the index of
        qualitative variation; Agresti & Agresti 1978), ``shannon``
        (:func:`shannon_index`), ``evenness`` (``shannon / ln K``) and
        ``illustrative``; K is the number of sectors in the classification.
        People without an organisation have no sector and are left out;
        measures are None for a group with nobody to count.

    Examples
    --------
    >>> from labkit.analytics._example import example_programme
    >>> diversity(example_programme(), by="theme")[["group", "sectors_present", "blau"]].values.tolist()
    [['t', 3, 0.6666666666666667]]
    """
    check_choice("count", count, ("organisations", "participants"))
    groups, columns, n_class, P, O, I = _matrix(frames(G), theme, by, sectors)
    C = (O if count == "organisations" else P)[:, :-1].astype(float)  # without UNKNOWN
    total = C.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = C / total
        blau = 1 - (p * p).sum(axis=1)
        logs = np.where(p > 0, np.log(np.where(p > 0, p, 1)), 0.0)
        shannon = -(p * logs).sum(axis=1)
    none = total.ravel() == 0
    k = n_class

    def col(x):
        return [None if n else float(v) for v, n in zip(x, none)]

    return pd.DataFrame({
        "group": groups, "sectors_present": (C > 0).sum(axis=1).astype(int),
        "blau": col(blau), "iqv": col(blau / (1 - 1 / k)) if k >= 2 else [None] * len(groups),
        "shannon": col(shannon), "evenness": col(shannon / math.log(k)) if k >= 2 else [None] * len(groups),
        "illustrative": I[:, :-1].any(axis=1)},
        columns=["group", "sectors_present", "blau", "iqv", "shannon", "evenness", "illustrative"])


#: Roles of people who run a theme rather than take part in it (participants.role).
RUNNING_ROLES = ("host", "organiser")


def participating_organisations(G, *, theme=None) -> dict:
    """The organisations that took part, apart from those only the host or organisers came from.

    A report that says "about 45 people from 37 organisations took part" does
    not count the host's own organisation when only the host came from it (the
    brede-welvaart theme: the Province of Drenthe, whose provinciesecretaris
    chaired). An organisation counts as participating when at least one person
    from it attended a session in role other than host or organiser
    (participants.role); an organisation that only such people came from is
    ``hosting``.

    Parameters
    ----------
    G : Programme or networkx.MultiDiGraph
    theme : str, optional

    Returns
    -------
    dict
        ``participating`` and ``hosting``: sorted organisation ids (without the
        graph's ``org:`` prefix).

    Examples
    --------
    >>> from labkit.analytics._example import example_programme
    >>> participating_organisations(example_programme())
    {'participating': ['a', 'b', 'c'], 'hosting': []}
    """
    if not isinstance(G, nx.Graph):  # a Programme
        G = G.graph
    nodes = G.nodes
    taking_part, running = set(), set()
    for u, v, key in G.edges(keys=True):
        if key != "attended" or (theme is not None and nodes[v].get("theme") != theme):
            continue
        org = nodes[u].get("organisation")
        if org is not None:
            (running if nodes[u].get("role") in RUNNING_ROLES else taking_part).add(org)
    return {"participating": sorted(taking_part), "hosting": sorted(running - taking_part)}
