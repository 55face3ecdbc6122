"""Cross-sector ties: E-I index, mixing matrix, assortativity and new ties per table.

The network functions take a simple NetworkX graph whose nodes carry the group
attribute, such as ``labkit.organisation_coattendance(G)`` (undirected,
weighted) or ``labkit.organisation_collaboration(G, directed=True)``. A tie is
an edge between two different nodes whose ends both carry the attribute;
self-loops and ties to a node without the attribute are not counted. On a
directed graph every arc is a tie.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import ParameterError
from ._data import _take, codes, frames, net, ratio, theme_sessions, unique_ints


def _ends(H, attr, weight):
    N = net(H, weight)
    codes, cats = N.codes(attr)
    cu, cv = codes[N.u], codes[N.v]
    ok = (cu >= 0) & (cv >= 0)
    return N, cats, cu[ok], cv[ok], N.w[ok], np.flatnonzero(ok)


def ei_index(H, attr="sector", weight=None) -> float | None:
    """Krackhardt and Stern's E-I index of the whole network.

    .. math:: EI = \\frac{E - I}{E + I}

    where E counts ties between nodes of different groups (external) and I
    ties within a group (internal); with ``weight``, ties count by that edge
    attribute instead of 1. From -1 (all ties within groups) to +1 (all
    across).

    Parameters
    ----------
    H : networkx.Graph or networkx.DiGraph
        Nodes carry ``attr``.
    attr : str
        Node attribute that defines the groups (default: sector).
    weight : str, optional
        Edge attribute to weigh ties by; None counts every tie once, as
        Krackhardt and Stern (1988) define the index on binary ties.

    Returns
    -------
    float or None
        None when there is no tie to count (E + I = 0).

    Notes
    -----
    Krackhardt, D. and Stern, R. N. (1988), "Informal networks and
    organizational crises: an experimental simulation", *Social Psychology
    Quarterly* 51(2): 123-140. Checked in the tests against a hand count and
    against the mixing matrix of :func:`networkx.attribute_mixing_matrix`
    on random graphs (E = off-diagonal sum, I = diagonal sum).

    Examples
    --------
    >>> import networkx as nx
    >>> H = nx.path_graph(3)  # 0 - 1 - 2
    >>> nx.set_node_attributes(H, {0: "gov", 1: "gov", 2: "biz"}, "sector")
    >>> ei_index(H)  # one tie within, one across
    0.0
    """
    N, cats, cu, cv, w, _ = _ends(H, attr, weight)
    e = float(w[cu != cv].sum())
    i = float(w[cu == cv].sum())
    return ratio(e - i, e + i)


def ei_index_by_group(H, attr="sector", weight=None) -> dict:
    """E-I index of each group: its external against its internal ties.

    For group g, :math:`EI_g = (E_g - I_g) / (E_g + I_g)` where E_g counts
    ties with exactly one end in g and I_g ties with both ends in g
    (Krackhardt and Stern 1988). Parameters as in :func:`ei_index`.

    Returns
    -------
    dict
        group -> float, or None for a group without ties; every group that
        occurs among the nodes is a key.

    Examples
    --------
    >>> import networkx as nx
    >>> H = nx.path_graph(3)
    >>> nx.set_node_attributes(H, {0: "gov", 1: "gov", 2: "biz"}, "sector")
    >>> ei_index_by_group(H)  # biz: 1 external; gov: 1 external, 1 internal
    {'biz': 1.0, 'gov': 0.0}
    """
    N, cats, cu, cv, w, _ = _ends(H, attr, weight)
    k = len(cats)
    cross = cu != cv
    ext = (np.bincount(cu[cross], w[cross], minlength=k) + np.bincount(cv[cross], w[cross], minlength=k))
    internal = np.bincount(cu[~cross], w[~cross], minlength=k)
    return {c: ratio(ext[i] - internal[i], ext[i] + internal[i]) for i, c in enumerate(cats)}


def ei_index_by_node(H, attr="sector", weight=None) -> dict:
    """E-I index of each node: its ties to other groups against ties to its own.

    :math:`EI_v = (E_v - I_v) / (E_v + I_v)` over the ties of v (in- and
    out-ties on a directed graph). Parameters as in :func:`ei_index`.

    Returns
    -------
    dict
        node -> float, or None for a node without countable ties (isolated, or
        without the attribute).

    Examples
    --------
    >>> import networkx as nx
    >>> H = nx.path_graph(3)
    >>> nx.set_node_attributes(H, {0: "gov", 1: "gov", 2: "biz"}, "sector")
    >>> ei_index_by_node(H)
    {0: -1.0, 1: 0.0, 2: 1.0}
    """
    N, cats, cu, cv, w, idx = _ends(H, attr, weight)
    u, v = N.u[idx], N.v[idx]
    cross = cu != cv
    ext = np.bincount(u[cross], w[cross], minlength=N.n) + np.bincount(v[cross], w[cross], minlength=N.n)
    internal = np.bincount(u[~cross], w[~cross], minlength=N.n) + np.bincount(v[~cross], w[~cross], minlength=N.n)
    # tolist: ratio() on Python floats, not on a NumPy scalar per node
    return {node: ratio(a, b) for node, a, b in zip(N.nodes, (ext - internal).tolist(), (ext + internal).tolist())}


def ei_index_expected(H, attr="sector") -> float | None:
    """The E-I index expected if ties fell at random, given the group sizes.

    With :math:`n_g` nodes in group g and n in all, a random pair of distinct
    nodes lies within one group with probability
    :math:`q = \\sum_g n_g (n_g - 1) / (n (n - 1))`, so the expected index is
    :math:`(1 - q) - q = 1 - 2q` (Krackhardt and Stern 1988 compare the
    observed index with this baseline). None with fewer than two nodes that
    carry ``attr``.

    Examples
    --------
    >>> import networkx as nx
    >>> H = nx.path_graph(3)
    >>> nx.set_node_attributes(H, {0: "gov", 1: "gov", 2: "biz"}, "sector")
    >>> round(ei_index_expected(H), 4)  # q = 2/6
    0.3333
    """
    N = net(H)
    codes, cats = N.codes(attr)
    sizes = np.bincount(codes[codes >= 0], minlength=len(cats)).astype(float)
    n = sizes.sum()
    if n < 2:
        return None
    q = (sizes * (sizes - 1)).sum() / (n * (n - 1))
    return float(1 - 2 * q)


def cross_sector_share(H, attr="sector", weight=None) -> float | None:
    """Share of ties that join different groups, :math:`E / (E + I)`.

    Equals ``(ei_index + 1) / 2``. None when there is no tie to count.

    Examples
    --------
    >>> import networkx as nx
    >>> H = nx.path_graph(3)
    >>> nx.set_node_attributes(H, {0: "gov", 1: "gov", 2: "biz"}, "sector")
    >>> cross_sector_share(H)
    0.5
    """
    N, cats, cu, cv, w, _ = _ends(H, attr, weight)
    return ratio(w[cu != cv].sum(), w.sum())


def mixing_matrix(H, attr="sector", *, weight=None, normalized=False, groups=None) -> pd.DataFrame:
    """The group mixing matrix: ties counted by the groups of their two ends.

    Parameters
    ----------
    H : networkx.Graph or networkx.DiGraph
    attr : str
        Node attribute that defines the groups.
    weight : str, optional
        Count ties by this edge attribute instead of 1.
    normalized : bool
        Divide by the total so that the entries sum to 1.
    groups : sequence, optional
        Row and column order (e.g. the sectors table's); groups that occur but
        are not listed come after, in sorted order.

    Returns
    -------
    pandas.DataFrame
        Square, rows and columns the groups. On a directed graph rows are the
        tails' groups. On an undirected graph every tie counts once in each
        direction, as :func:`networkx.attribute_mixing_matrix` counts: the
        matrix is symmetric, an off-diagonal cell holds the ties between two
        groups and a diagonal cell twice the ties within a group.

    Notes
    -----
    Newman (2003), "Mixing patterns in networks", *Phys. Rev. E* 67, 026126.
    The tests check equality with :func:`networkx.attribute_mixing_matrix`
    (normalized=False) on random graphs.

    Examples
    --------
    >>> import networkx as nx
    >>> H = nx.path_graph(3)
    >>> nx.set_node_attributes(H, {0: "gov", 1: "gov", 2: "biz"}, "sector")
    >>> mixing_matrix(H, groups=["gov", "biz"]).values.tolist()
    [[2, 1], [1, 0]]
    """
    N, cats, cu, cv, w, _ = _ends(H, attr, weight)
    order = list(groups) if groups is not None else []
    order += [c for c in cats if c not in set(order)]
    pos = np.array([order.index(c) for c in cats], dtype=np.int64)
    k = len(order)
    a, b = pos[cu] if len(cu) else cu, pos[cv] if len(cv) else cv
    if not N.directed:
        a, b, w = np.concatenate([a, b]), np.concatenate([b, a]), np.concatenate([w, w])
    M = np.bincount(a * k + b, w, minlength=k * k).reshape(k, k) if k else np.zeros((0, 0))
    if normalized:
        total = M.sum()
        M = M / total if total else M
    elif weight is None:
        M = M.astype(np.int64)
    return pd.DataFrame(M, index=pd.Index(order, name=attr), columns=pd.Index(order, name=attr))


def assortativity(H, attr="sector", weight=None) -> float | None:
    """Newman's attribute assortativity coefficient of the group attribute.

    .. math:: r = \\frac{\\sum_i e_{ii} - \\sum_i a_i b_i}{1 - \\sum_i a_i b_i}

    where e is the normalized mixing matrix (:func:`mixing_matrix`) and a, b
    its row and column sums. 1 when all ties lie within groups, 0 when ties
    mix as at random, negative when groups avoid themselves.

    Returns
    -------
    float or None
        None when undefined: no ties, or one group only (denominator 0).

    Notes
    -----
    Newman (2003), "Mixing patterns in networks", *Phys. Rev. E* 67, 026126.
    Checked against :func:`networkx.attribute_assortativity_coefficient` and
    python-igraph's ``assortativity_nominal`` on random directed and
    undirected graphs in the tests.

    Examples
    --------
    >>> import networkx as nx
    >>> H = nx.Graph([(0, 1), (2, 3)])
    >>> nx.set_node_attributes(H, {0: "gov", 1: "gov", 2: "biz", 3: "biz"}, "sector")
    >>> assortativity(H)
    1.0
    """
    N, cats, cu, cv, w, _ = _ends(H, attr, weight)
    k = len(cats)
    if not len(w) or w.sum() == 0:
        return None
    if not N.directed:  # every tie in both directions, as in the mixing matrix
        cu, cv, w = np.concatenate([cu, cv]), np.concatenate([cv, cu]), np.concatenate([w, w])
    e = np.bincount(cu * k + cv, w, minlength=k * k).reshape(k, k)
    e = e / e.sum()
    ab = float((e.sum(axis=1) * e.sum(axis=0)).sum())
    if np.isclose(1 - ab, 0):
        return None
    return float((np.trace(e) - ab) / (1 - ab))


NEW_TIES_COLUMNS = ["session", "table", "order", "track", "organisations", "pairs", "cross_sector_pairs",
                    "new_pairs", "new_cross_sector_pairs", "collaborations", "cross_sector_collaborations",
                    "illustrative"]


def new_cross_sector_ties(G, theme) -> pd.DataFrame:
    """Cross-sector ties formed at each table of a theme, against the tables before it.

    Two organisations are *tied at a session* when people of both attended it
    (co-presence, as in :func:`labkit.network.graph.organisation_coattendance`). A tie
    at a session is *new* when the two organisations were not together at any
    earlier table of the theme, i.e. a session of lower ``order`` (focus 1,
    deepening 2, workshop 3); parallel sessions of one order are not "before"
    each other.

    Parameters
    ----------
    G : Programme or networkx.MultiDiGraph
    theme : str

    Returns
    -------
    pandas.DataFrame
        One row per session of the theme in table order: ``session``,
        ``table``, ``order``, ``track``, ``organisations`` present, ``pairs``
        (organisation pairs present together), ``cross_sector_pairs``,
        ``new_pairs``, ``new_cross_sector_pairs``, ``collaborations`` (ties
        recorded as formed there) and ``cross_sector_collaborations``, and
        ``illustrative``. Pairs with an organisation of unknown sector count
        in ``pairs`` but never as cross-sector.

    Examples
    --------
    >>> from labkit.analytics._example import example_programme
    >>> df = new_cross_sector_ties(example_programme(), "t")
    >>> df[["session", "cross_sector_pairs", "new_cross_sector_pairs"]].values.tolist()
    [['s1', 1, 1], ['s2', 1, 1], ['s3', 1, 0]]
    """
    F = frames(G)
    # the theme's rows of F.sessions: attendances point at these positions
    rows = np.flatnonzero(F.sessions.index.isin(theme_sessions(F, theme).index))
    sess = F.sessions.iloc[rows].reset_index(drop=True)
    if sess.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in NEW_TIES_COLUMNS})
    n = len(sess)
    C = codes(F)
    pos_of = np.full(len(F.sessions) + 1, -1, dtype=np.int64)  # per session row; last: unknown
    pos_of[rows] = np.arange(n)
    s_att = pos_of[C.session]
    keep = (s_att >= 0) & (C.participant >= 0)
    illus = np.bincount(s_att[keep & C.illustrative], minlength=n) > 0
    s_att = s_att[keep]
    o_att = C.organisation[C.participant[keep]]
    has = o_att >= 0
    o_codes, o_rows = pd.factorize(o_att[has])
    orgs = F.organisations["node"].to_numpy(dtype=object)[o_rows]
    pairs_so = unique_ints(s_att[has] * max(len(orgs), 1) + o_codes)  # distinct (session, organisation)
    s = pairs_so // max(len(orgs), 1)
    o = pairs_so % max(len(orgs), 1)
    # every pair within a session: element i with the later elements of its session
    end = np.searchsorted(s, s, side="right")
    after = end - np.arange(len(s)) - 1
    first = np.repeat(np.arange(len(s)), after)
    second = first + 1 + np.arange(len(first)) - np.repeat(np.cumsum(after) - after, after)
    ps, pa, pb = s[first], o[first], o[second]
    sec = np.asarray(pd.factorize(pd.Series(C.sector[o_rows], dtype=object))[0], dtype=np.int64)
    cross = (sec[pa] >= 0) & (sec[pb] >= 0) & (sec[pa] != sec[pb])
    orders = sess["order"].to_numpy(dtype=np.int64)
    key = pa * max(len(orgs), 1) + pb
    pair_first = _min_per_key(key, orders[ps])
    new = orders[ps] == pair_first
    out = pd.DataFrame({
        "session": sess["id"], "table": sess["table"], "order": orders, "track": sess["track"],
        "organisations": np.bincount(s, minlength=n), "pairs": np.bincount(ps, minlength=n),
        "cross_sector_pairs": np.bincount(ps[cross], minlength=n),
        "new_pairs": np.bincount(ps[new], minlength=n),
        "new_cross_sector_pairs": np.bincount(ps[new & cross], minlength=n)})
    ids = dict(zip(sess["id"], range(n)))
    col = F.collaborations
    cs = col["session"].map(ids)
    mine = cs.notna().to_numpy()
    cs = cs.to_numpy()[mine].astype(np.int64)
    col = col[mine]
    org_rows = pd.Index(F.organisations["node"])
    ends = (_take(F.organisations["sector"], org_rows.get_indexer(col[c]), np.nan) for c in ("from", "to"))
    col_cross = np.not_equal(*ends)  # NaN for an organisation not in the frames, as Series.map gives
    out["collaborations"] = np.bincount(cs, minlength=n)
    out["cross_sector_collaborations"] = np.bincount(cs[col_cross], minlength=n)
    col_illus = np.bincount(cs[col["illustrative"].to_numpy(dtype=bool)], minlength=n) > 0
    out["illustrative"] = illus | col_illus
    return out[NEW_TIES_COLUMNS]


def _min_per_key(key, values) -> np.ndarray:
    """For each element, the smallest of ``values`` over the elements with its ``key``
    (a groupby-transform("min") by sorting: no hash table of the keys)."""
    if not len(key):
        return values
    order = np.argsort(key)
    k = key[order]
    starts = np.flatnonzero(np.r_[True, k[1:] != k[:-1]])
    out = np.empty_like(values)
    out[order] = np.repeat(np.minimum.reduceat(values[order], starts), np.diff(np.r_[starts, len(k)]))
    return out

