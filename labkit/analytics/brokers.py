"""Brokers: betweenness, Burt's constraint and effective size, Gould-Fernandez roles.

Results equal NetworkX's (``betweenness_centrality``, ``constraint``,
``effective_size``) on the same graph; the work is done by python-igraph
(betweenness, constraint) or by scipy sparse products (effective size, which
igraph lacks), and the tests check each against NetworkX (and igraph) on
random graphs. Gould-Fernandez brokerage is in neither library; the tests
check it against a direct count and on hand-made three-node graphs.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from ._data import net

ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")


def betweenness(H, *, k=None, seed=0, weight=None, normalized=True) -> dict:
    """Betweenness centrality, exact or estimated from ``k`` sampled sources.

    .. math:: c_B(v) = \\sum_{s \\ne v \\ne t} \\frac{\\sigma(s, t | v)}{\\sigma(s, t)}

    over pairs of nodes s, t, where :math:`\\sigma(s, t)` is the number of
    shortest s-t paths and :math:`\\sigma(s, t | v)` those through v (Brandes
    2001, "A faster algorithm for betweenness centrality", *J. Math. Sociol.*
    25(2)). Scaled exactly as :func:`networkx.betweenness_centrality`:
    normalized by the number of pairs, and with ``k`` the sum over the
    sampled sources rescaled to all of them (Brandes and Pich 2007).

    Parameters
    ----------
    H : networkx.Graph or networkx.DiGraph
    k : int, optional
        Number of sources to sample; None for exact betweenness.
    seed : int
        Seed for the sample; the same seed picks the same sources as
        ``networkx.betweenness_centrality(H, k=k, seed=seed)``.
    weight : str, optional
        Edge attribute read as a *distance* (as NetworkX reads it); None counts
        hops. Co-attendance weights are strengths, so leave this None for them.
    normalized : bool

    Returns
    -------
    dict
        node -> betweenness.

    Notes
    -----
    Computed by python-igraph (``Graph.betweenness``, with ``sources`` when
    sampling) and rescaled as NetworkX does; equal to NetworkX's result, with
    the same ``k`` and ``seed``, to floating-point rounding: the tests check
    exact and sampled, directed and undirected, weighted and unweighted
    random graphs, and the unnormalized values against igraph's own.

    Examples
    --------
    >>> import networkx as nx
    >>> betweenness(nx.path_graph(3))
    {0: 0.0, 1: 1.0, 2: 0.0}
    """
    N = net(H, weight)
    n = N.n
    if n == 0:
        return {}
    if k is not None and k > n:
        raise ValueError(f"k={k} is larger than the number of nodes ({n})")
    if k == n:
        k = None  # as NetworkX: the full computation
    sources = None
    if k is not None:
        rnd = nx.utils.create_py_random_state(seed)
        sources = [N.index[v] for v in rnd.sample(list(H.nodes()), k)]
    if N.m == 0:
        raw = np.zeros(n)
    else:
        g = N.igraph()
        raw = np.asarray(g.betweenness(directed=N.directed, weights=N.w.tolist() if N.weighted else None,
                                       sources=sources), dtype=float)
        if not N.directed:
            raw *= 2  # igraph counts each unordered pair once; NetworkX's sums run over ordered pairs
    return dict(zip(N.nodes, _rescale(raw, n, normalized, N.directed, sources).tolist()))


def _rescale(raw, n, normalized, directed, sources):
    """NetworkX's ``_rescale`` for endpoints=False, on sums over ordered (s, t) pairs."""
    N = n - 1
    if N < 2:
        return raw / (1 if directed else 2) if not normalized else raw
    correction = 1 if directed else 2
    if sources is None:
        scale = 1 / (N * (N - 1)) if normalized else N / (N * correction)
        return raw * scale
    k = len(sources)
    if normalized:
        s_src = 1 / ((k - 1) * (N - 1)) if k > 1 else math.nan
        s_other = 1 / (k * (N - 1))
    else:
        s_src = N / ((k - 1) * correction) if k > 1 else math.nan
        s_other = N / (k * correction)
    scale = np.full(n, s_other)
    scale[sources] = s_src
    return raw * scale


def _structure(H, weight):
    """Mutual weights M, their pattern, row sums and neighbour counts (isolated: 0)."""
    N = net(H, weight)
    M = N.mutual()
    pattern = M.copy()
    pattern.data = np.ones_like(pattern.data)
    total = np.asarray(M.sum(axis=1)).ravel()
    neighbours = np.diff(M.indptr)
    return N, M, pattern, total, neighbours


def _row_scale(M, factor):
    return sp.csr_array(sp.diags_array(factor) @ M)


def constraint(H, weight=None) -> dict:
    """Burt's constraint of every node.

    .. math:: c(v) = \\sum_{w \\in N(v)} \\Big(p_{vw} + \\sum_{q \\in N(v)} p_{vq} p_{qw}\\Big)^2

    where :math:`p_{vw}` is v's share of its mutual tie weight spent on w,
    :math:`p_{vw} = (a_{vw} + a_{wv}) / \\sum_j (a_{vj} + a_{jv})`, and N(v)
    the in- and out-neighbours of v (Burt 2004, "Structural holes and good
    ideas", *Am. J. Sociol.* 110(2): 349-399). High constraint: all of v's
    contacts know each other; low: v spans structural holes.

    Parameters
    ----------
    H : networkx.Graph or networkx.DiGraph
    weight : str, optional
        Edge attribute for tie strength; None counts each tie as 1.

    Returns
    -------
    dict
        node -> constraint; NaN for an isolated node, as NetworkX gives.

    Notes
    -----
    Computed by python-igraph's ``Graph.constraint`` (same vertex order, same
    weights), which uses the same mutual weights. Equal to
    :func:`networkx.constraint` to 1e-12 on random directed, undirected and
    weighted graphs with isolated nodes (tests).

    Examples
    --------
    >>> import networkx as nx
    >>> constraint(nx.path_graph(3))
    {0: 1.0, 1: 0.5, 2: 1.0}
    """
    N = net(H, weight)
    if N.n == 0:
        return {}
    if N.m == 0:
        return dict.fromkeys(N.nodes, math.nan)
    c = N.igraph().constraint(weights=N.w.tolist() if N.weighted else None)
    return dict(zip(N.nodes, c))


def effective_size(H, weight=None) -> dict:
    """Burt's effective size of every node's ego network.

    .. math:: e(v) = \\sum_{w \\in N(v)} \\Big(1 - \\sum_{q \\in N(v)} p_{vq} m_{wq}\\Big)

    with :math:`p_{vq}` as in :func:`constraint` and :math:`m_{wq}` the
    mutual weight of w and q divided by w's largest mutual weight (Burt 1992,
    *Structural Holes*). Unweighted and undirected this is Borgatti's
    :math:`n - 2t/n` (n contacts, t ties among them; Borgatti 1997,
    *Connections* 20(1)).

    Parameters
    ----------
    H : networkx.Graph or networkx.DiGraph
    weight : str, optional
        Edge attribute for tie strength; None counts each tie as 1.

    Returns
    -------
    dict
        node -> effective size; NaN for an isolated node, as NetworkX gives.

    Notes
    -----
    Unweighted and undirected: Borgatti's formula, with t from python-igraph's
    local clustering coefficient. Otherwise vectorised with scipy on the tie
    pattern only, P the row-sum- and :math:`\\hat{M}` the row-max-normalized
    mutual weights and S the tie pattern:
    :math:`e = \\deg - \\mathrm{rowsum}\\big((P\\,\\hat{M}^T) \\circ S\\big)`.
    python-igraph has no effective size, and :func:`networkx.effective_size`
    for all nodes builds a dense n x n matrix (37 GiB at 50,000 nodes) and,
    in NetworkX 3.6, normalizes by the row maxima along the wrong axis, so it
    is wrong on weighted and directed graphs (networkx PR #8906). The tests
    check equality to 1e-12 with NetworkX's per-node path (``nodes=...``,
    Burt's formula) on random directed, undirected and weighted graphs, with
    its all-nodes path on unweighted undirected ones, and a weighted case
    worked by hand. Isolated means no in- or out-neighbour (NetworkX's
    per-node path also calls a node with in-ties only isolated).

    Examples
    --------
    >>> import networkx as nx
    >>> effective_size(nx.path_graph(3))
    {0: 1.0, 1: 2.0, 2: 1.0}
    """
    N = net(H, weight)
    if weight is None and not N.directed:
        # Borgatti's n - 2t/n from python-igraph's local clustering c = 2t / (n(n-1)): 5x faster
        if N.m == 0:
            return {v: math.nan for v in N.nodes}
        g = N.igraph()
        k = np.asarray(g.degree(), dtype=float)
        c = np.asarray(g.transitivity_local_undirected(mode="zero"), dtype=float)
        e = k - c * (k - 1)
        e[k == 0] = np.nan
        return dict(zip(N.nodes, e.tolist()))
    N, M, S, total, neighbours = _structure(H, weight)
    with np.errstate(divide="ignore"):
        inv = np.where(total > 0, 1.0 / total, 0.0)
    rowmax = M.max(axis=1).toarray().ravel() if M.nnz else np.zeros(N.n)
    with np.errstate(divide="ignore"):
        invmax = np.where(rowmax > 0, 1.0 / rowmax, 0.0)
    P = _row_scale(M, inv)
    Mhat = _row_scale(M, invmax)
    R = (P @ Mhat.T).multiply(S)
    e = neighbours - np.asarray(R.sum(axis=1)).ravel()
    e = e.astype(float)
    e[neighbours == 0] = np.nan
    return dict(zip(N.nodes, e.tolist()))


def brokerage_roles(D, attr="sector", *, chunk=2_000_000) -> pd.DataFrame:
    """Gould and Fernandez's brokerage roles of every node.

    Every open two-path a -> b -> c (a, b, c distinct; no tie a -> c) makes b
    a broker between a and c. With groups given by ``attr``, b's role is

    ==================  ======================================  =================
    role                groups                                   Gould-Fernandez
    ==================  ======================================  =================
    ``coordinator``     a, b and c in one group                  :math:`w_I`
    ``itinerant``       a and c in one group, b in another       :math:`w_O`
    ``representative``  a in b's group, c in another             :math:`b_{IO}`
    ``gatekeeper``      c in b's group, a in another             :math:`b_{OI}`
    ``liaison``         a, b and c in three different groups     :math:`b_O`
    ==================  ======================================  =================

    Parameters
    ----------
    D : networkx.DiGraph or networkx.Graph
        Directed ties (invitations, collaboration intents). An undirected
        graph is read as reciprocal ties, as UCINET and statnet's
        ``brokerage()`` read a symmetric matrix: each open path a - b - c then
        counts once in each direction, so coordinator, itinerant and liaison
        counts are even and representative equals gatekeeper for every node
        (halve them for unordered paths).
    attr : str
        Node attribute that defines the groups (default: sector). Paths with a
        node lacking the attribute are not counted.
    chunk : int
        Two-paths examined per step, to bound memory on dense graphs.

    Returns
    -------
    pandas.DataFrame
        Indexed by node (graph order), integer columns ``coordinator``,
        ``itinerant``, ``representative``, ``gatekeeper``, ``liaison`` and
        ``total``.

    Notes
    -----
    Gould, R. V. and Fernandez, R. M. (1989), "Structures of mediation: a
    formal approach to brokerage in transaction networks", *Sociological
    Methodology* 19: 89-126. A two-path is open when a has no tie to c; a tie
    c -> a does not close it (as in statnet's ``brokerage()``). Computed by
    enumerating two-paths with numpy; the tests check each role on a
    three-node graph of its own and the counts against a direct Python count
    on random graphs.

    Examples
    --------
    >>> import networkx as nx
    >>> D = nx.DiGraph([("a", "b"), ("b", "c")])
    >>> nx.set_node_attributes(D, {"a": "gov", "b": "biz", "c": "biz"}, "sector")
    >>> brokerage_roles(D).loc["b"].to_dict()
    {'coordinator': 0, 'itinerant': 0, 'representative': 0, 'gatekeeper': 1, 'liaison': 0, 'total': 1}
    """
    N = net(D)
    codes, _ = N.codes(attr)
    n = N.n
    if N.directed:
        tail, head = N.u, N.v
    else:
        tail, head = np.concatenate([N.u, N.v]), np.concatenate([N.v, N.u])
    order = np.lexsort((head, tail))
    tail, head = tail[order], head[order]
    out_ptr = np.r_[0, np.cumsum(np.bincount(tail, minlength=n))].astype(np.int64)
    arc_key = tail * n + head  # sorted: lexsort by tail then head
    counts = np.zeros(n * len(ROLES), dtype=np.int64)
    # extend every arc a -> b by each arc b -> c
    ext = (out_ptr[head + 1] - out_ptr[head]) if n else np.zeros(0, np.int64)
    ends = np.cumsum(ext)
    i = 0
    while i < len(tail):
        j = int(np.searchsorted(ends, (ends[i - 1] if i else 0) + chunk, side="right"))
        j = max(j, i + 1)
        a, b, e = tail[i:j], head[i:j], ext[i:j]
        a, b = np.repeat(a, e), np.repeat(b, e)
        within = np.arange(len(a)) - np.repeat(np.cumsum(e) - e, e)
        c = head[out_ptr[b] + within]
        ok = a != c
        if len(arc_key):
            key = a * n + c
            pos = np.minimum(np.searchsorted(arc_key, key), len(arc_key) - 1)
            ok &= arc_key[pos] != key
        a, b, c = a[ok], b[ok], c[ok]
        ga, gb, gc = codes[a], codes[b], codes[c]
        valid = (ga >= 0) & (gb >= 0) & (gc >= 0)
        a, b, ga, gb, gc = a[valid], b[valid], ga[valid], gb[valid], gc[valid]
        role = np.select(
            [(ga == gb) & (gc == gb), (ga == gc) & (ga != gb), (ga == gb) & (gc != gb),
             (ga != gb) & (gc == gb)],
            [0, 1, 2, 3], default=4)
        counts += np.bincount(b * len(ROLES) + role, minlength=n * len(ROLES))
        i = j
    table = counts.reshape(n, len(ROLES))
    df = pd.DataFrame(table, index=pd.Index(N.nodes, name="node"), columns=list(ROLES))
    df["total"] = table.sum(axis=1)
    return df.astype(int)
