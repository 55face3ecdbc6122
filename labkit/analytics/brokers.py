"""Brokers: betweenness, Burt's constraint and effective size, Gould-Fernandez roles.

Results equal NetworkX's (``betweenness_centrality``, ``constraint``,
``effective_size``) on the same graph; the work is done by python-igraph
(betweenness, constraint) or by scipy sparse products (effective size, which
igraph lacks), and the tests check each against NetworkX (and igraph) on
random graphs. Gould-Fernandez brokerage is in neither library; the tests
check the role counts against a direct count and on hand-made three-node
graphs, and counts, expected counts and z-scores against R's statnet
``sna::brokerage()`` (fixtures made by R) and on graphs worked by hand.
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


#: sna's names for the roles, in ``brokerage()``'s column order (``t``: all roles).
SNA_ROLES = {"coordinator": "w_I", "itinerant": "w_O", "representative": "b_IO", "gatekeeper": "b_OI",
             "liaison": "b_O", "total": "t"}


def brokerage_baselines(D, attr="sector") -> dict:
    """Gould and Fernandez's brokerage counts against a random network: expected counts and z-scores.

    For every node and role of :func:`brokerage_roles`, the count a random
    network would give the node, its standard deviation and the z-score
    :math:`z = (\\text{count} - E) / \\sigma`, and the same for the whole
    network (each role summed over the nodes). The baseline holds the group
    sizes and the density fixed and places ties at random: every ordered pair
    is tied with probability :math:`d = m / (N (N - 1))` independently of the
    groups (the null model of Gould and Fernandez 1989, as statnet's
    ``sna::brokerage()`` computes it). An open two-path a -> b -> c then
    occurs with probability :math:`p = d^2 (1 - d)`, and the expected count is
    p times the ordered pairs (a, c) of the role's groups. For a broker of a
    group with :math:`n_i` of N nodes (:math:`n_j` in the other groups):

    ==================  ==================================================
    role                expected count :math:`E`
    ==================  ==================================================
    ``coordinator``     :math:`p (n_i - 1)(n_i - 2)`
    ``itinerant``       :math:`p \\sum_{j \\ne i} n_j (n_j - 1)`
    ``representative``  :math:`p (n_i - 1)(N - n_i)`
    ``gatekeeper``      :math:`p (n_i - 1)(N - n_i)`
    ``liaison``         :math:`p \\sum_{j \\ne k;\\, j, k \\ne i} n_j n_k`
    ``total``           :math:`p (N - 1)(N - 2)`
    ==================  ==================================================

    and the variance is :math:`E (1 - p)` plus :math:`2 d^3 (1 - d)^3` per
    ordered pair of two-paths of the role that share a tie
    (``coordinator``: :math:`2 (n_i - 1)(n_i - 2)(n_i - 3)`;
    ``itinerant``: :math:`2 \\sum_{j \\ne i} n_j (n_j - 1)(n_j - 2)`;
    ``representative`` and ``gatekeeper``:
    :math:`2 [(n_i - 1) \\binom{N - n_i}{2} + (N - n_i) \\binom{n_i - 1}{2}]`;
    ``liaison``: :math:`4 \\sum_{j \\ne i} n_j \\binom{N - n_j - n_i}{2}`;
    ``total``: :math:`2 (N - 1)(N - 2)(N - 3)`). The network-level moments
    (sums over every broker, whose two-paths also share ties between brokers)
    add terms in :math:`d^4 (1 - d)^2` and :math:`d^5 (1 - d)`; they are
    sna's ``exp.gli`` and ``sd.gli``, transcribed term by term (the liaison
    variance's sum over three distinct groups in closed form from power sums,
    in exact integers).

    Parameters
    ----------
    D : networkx.DiGraph or networkx.Graph
        Directed ties; an undirected graph is read as reciprocal ties (each
        edge two arcs, so m is twice the edges), as :func:`brokerage_roles`
        counts it and as sna reads a symmetric matrix.
    attr : str
        Node attribute that defines the groups (default: sector).

    Returns
    -------
    dict
        ``count``, ``expected``, ``sd`` and ``z``: DataFrames indexed by node
        (graph order) with the columns of :func:`brokerage_roles` (``count``
        is its result, as floats); ``network``: a DataFrame with those rows
        and the same columns, for the whole network; ``density``: d. z is NaN
        where the standard deviation is 0 (sna gives NaN there too: 0/0, as
        for a role the group sizes rule out, a graph without ties or a
        complete one). sna's names: ``count`` is ``raw.nli``, ``expected``
        ``exp.nli``, ``sd`` ``sd.nli``, ``z`` ``z.nli``; ``network`` holds
        ``raw.gli``, ``exp.gli``, ``sd.gli`` and ``z.gli``; the columns are
        ``w_I``, ``w_O``, ``b_IO``, ``b_OI``, ``b_O`` and ``t``
        (:data:`SNA_ROLES`).

    Notes
    -----
    Gould, R. V. and Fernandez, R. M. (1989), "Structures of mediation: a
    formal approach to brokerage in transaction networks", *Sociological
    Methodology* 19: 89-126; Butts, C. T., ``sna::brokerage()`` (R package
    sna 2.7, statnet), whose moments these are. The baseline is a random
    *network* given the groups, not a shuffle of the group labels over the
    observed network: it asks whether a node brokers more than a node of its
    group would in a random network of the same density. The z-scores are
    approximate (two-paths are not independent; sna's documentation says the
    same): read them as a guide, not as exact p-values. N, the :math:`n_i`
    and the pairs count only nodes that carry ``attr`` (paths through other
    nodes are not counted); the density counts every node and every tie
    between two different nodes (self-loops left out). Nodes without
    ``attr`` get NaN. Tests: equal to ``sna::brokerage()`` to 1e-9 on the
    committed fixtures of seeded random digraphs
    (``tests/analytics/fixtures/brokerage_sna.json``, made by R), and on
    three- and four-node graphs worked by hand.

    Examples
    --------
    >>> import networkx as nx
    >>> D = nx.DiGraph([("a", "b"), ("b", "c")])  # d = 2/6: p = (1/3)^2 (2/3) = 2/27
    >>> nx.set_node_attributes(D, {"a": "gov", "b": "biz", "c": "biz"}, "sector")
    >>> r = brokerage_baselines(D)
    >>> round(float(r["expected"].loc["b", "gatekeeper"]), 4)  # p (n_i - 1)(N - n_i) = 2/27
    0.0741
    >>> round(float(r["z"].loc["b", "gatekeeper"]), 3)  # (1 - 2/27) / sqrt(2/27 (1 - 2/27))
    3.536
    """
    N_ = net(D)
    codes, cats = N_.codes(attr)
    count = brokerage_roles(D, attr).astype(float)
    columns = list(count.columns)
    n_nodes = N_.n
    arcs = N_.m if N_.directed else 2 * N_.m
    d = arcs / (n_nodes * (n_nodes - 1)) if n_nodes > 1 else math.nan
    sizes = [int(s) for s in np.bincount(codes[codes >= 0], minlength=len(cats))]
    exp_g, var_g = _gf_group_moments(sizes, d)
    exp_net, var_net = _gf_network_moments(sizes, d)
    labelled = codes >= 0
    expected = np.full((n_nodes, len(columns)), np.nan)
    var = np.full((n_nodes, len(columns)), np.nan)
    if len(sizes):
        expected[labelled] = exp_g[codes[labelled]]
        var[labelled] = var_g[codes[labelled]]
    sd = np.sqrt(var)
    z = _z(count.to_numpy(), expected, sd)
    index = count.index
    frame = lambda a: pd.DataFrame(a, index=index, columns=columns)  # noqa: E731
    raw_net = count.to_numpy().sum(axis=0)
    sd_net = np.sqrt(var_net)
    network = pd.DataFrame([raw_net, exp_net, sd_net, _z(raw_net, exp_net, sd_net)],
                           index=pd.Index(["count", "expected", "sd", "z"]), columns=columns)
    return {"count": count, "expected": frame(expected), "sd": frame(sd), "z": frame(z),
            "network": network, "density": d}


def _z(count, expected, sd):
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (count - expected) / sd
    return np.where(sd > 0, z, np.nan)


def _gf_group_moments(sizes, d):
    """sna's ``ebr`` and ``vbr``: expected count and variance per role for a broker of each group."""
    n = np.asarray(sizes, dtype=float)
    N = n.sum()
    p, r = d * d * (1 - d), d ** 3 * (1 - d) ** 3

    def others(x):  # sum over the other groups j != i, for every i
        return x.sum() - x

    def pairs(x):  # choose(x, 2) as R computes it for any real x
        return x * (x - 1) / 2

    E = np.empty((len(n), 6))
    V = np.empty((len(n), 6))
    E[:, 0] = p * (n - 1) * (n - 2)
    V[:, 0] = E[:, 0] * (1 - p) + 2 * (n - 1) * (n - 2) * (n - 3) * r
    E[:, 1] = p * others(n * (n - 1))
    V[:, 1] = E[:, 1] * (1 - p) + 2 * others(n * (n - 1) * (n - 2)) * r
    E[:, 2] = p * (N - n) * (n - 1)
    V[:, 2] = E[:, 2] * (1 - p) + 2 * ((n - 1) * pairs(N - n) + (N - n) * pairs(n - 1)) * r
    E[:, 3], V[:, 3] = E[:, 2], V[:, 2]
    E[:, 4] = p * (others(n) ** 2 - others(n * n))
    # 4 sum_{j != i} n_j choose(N - n_j - n_i, 2), for every i
    liaison = np.array([(n * pairs(N - n - ni)).sum() - ni * pairs(N - 2 * ni) for ni in n])
    V[:, 4] = E[:, 4] * (1 - p) + 4 * liaison * r
    E[:, 5] = p * (N - 1) * (N - 2)
    V[:, 5] = E[:, 5] * (1 - p) + 2 * (N - 1) * (N - 2) * (N - 3) * r
    return E + 0.0, V + 0.0  # + 0.0: no -0.0 from a factor (n - 2) < 0


def _gf_network_moments(sizes, d):
    """sna's ``exp.gli`` and the square of ``sd.gli``: the moments of each role summed over all brokers."""
    n = np.asarray(sizes, dtype=float)
    N = n.sum()
    p = d * d * (1 - d)
    r3, r4, r5 = d ** 3 * (1 - d) ** 3, d ** 4 * (1 - d) ** 2, d ** 5 * (1 - d)
    E = np.empty(6)
    V = np.empty(6)
    E[0] = p * (n * (n - 1) * (n - 2)).sum()
    V[0] = E[0] * (1 - p) + (n * (n - 1) * (n - 2) * ((4 * n - 10) * r3 - 4 * (n - 3) * r4
                                                       + (n - 3) * r5)).sum()
    E[1] = p * (n * (N - n) * (n - 1)).sum()
    # sum over ordered pairs of different groups x != y of x y (x-1) ((2x + 2y - 6) r3 + (N - x - 1) r5)
    x, y = n[:, None], n[None, :]
    cell = x * y * (x - 1) * ((2 * x + 2 * y - 6) * r3 + (N - x - 1) * r5)
    V[1] = E[1] * (1 - p) + (cell.sum() - np.trace(cell))
    E[2] = p * (n * (N - n) * (n - 1)).sum()
    V[2] = E[2] * (1 - p) + (n * (N - n) * (n - 1) * ((N - 3) * r3 + (n - 2) * r5)).sum()
    E[3], V[3] = E[2], V[2]
    E[4] = p * ((x * y * (N - x - y)).sum() - (n * n * (N - 2 * n)).sum())
    # sna sums n_i n_j n_k f(i, j, k) over three distinct groups with f linear in the sizes;
    # by symmetry that is alpha T3 + (beta_i + beta_j + beta_k) T4 (power sums, exact integers)
    T3, T4 = _distinct_triples(sizes)
    V[4] = (E[4] * (1 - p) + r3 * ((4 * N - 2) * T3 - 8 * T4) - r4 * ((4 * N - 2) * T3 - 8 * T4)
            + r5 * ((N - 1) * T3 - 2 * T4))
    E[5] = p * N * (N - 1) * (N - 2)
    V[5] = E[5] * (1 - p) + N * (N - 1) * (N - 2) * ((4 * N - 10) * r3 - 4 * (N - 3) * r4 + (N - 3) * r5)
    return E, V


def _distinct_triples(sizes) -> tuple[int, int]:
    """T3 = sum of n_i n_j n_k and T4 = sum of n_i^2 n_j n_k over ordered triples of distinct groups."""
    s1 = sum(sizes)
    s2 = sum(x * x for x in sizes)
    s3 = sum(x ** 3 for x in sizes)
    t3 = s1 ** 3 - 3 * s2 * s1 + 2 * s3
    t4 = sum(x * x * ((s1 - x) ** 2 - (s2 - x * x)) for x in sizes)
    return t3, t4
