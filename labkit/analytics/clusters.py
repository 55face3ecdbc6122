"""Clusters: seeded Louvain communities, their modularity and how far they mix sectors."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from ._data import check_choice, igraph_seed, net, ratio
from .composition import blau_index, shannon_index

MIXING_COLUMNS = ["community", "size", "sectors", "dominant_sector", "dominant_share", "blau",
                  "shannon", "internal_ties", "cross_sector_ties", "cross_sector_share", "external_ties"]


def _undirected(N):
    """Ties as undirected pairs with weights of both directions added."""
    if not N.directed:
        return N.u, N.v, N.w
    a, b = np.minimum(N.u, N.v), np.maximum(N.u, N.v)
    key, inverse = np.unique(a * max(N.n, 1) + b, return_inverse=True)
    return key // max(N.n, 1), key % max(N.n, 1), np.bincount(inverse, N.w)


def communities(H, *, seed=0, resolution=1.0, weight="weight", engine="igraph") -> list:
    """Communities found by the Louvain method, seeded and reproducible.

    Louvain (Blondel et al. 2008, "Fast unfolding of communities in large
    networks", *J. Stat. Mech.* P10008) greedily moves nodes between
    communities to raise the modularity (:func:`modularity`), then merges
    communities and repeats.

    Parameters
    ----------
    H : networkx.Graph or networkx.DiGraph
        A directed graph is read as undirected, weights of both directions
        added.
    seed : int
        Seed of the random node order; the same seed gives the same partition.
    resolution : float
        Above 1 favours smaller communities, below 1 larger ones.
    weight : str or None
        Edge attribute for tie strength (default ``"weight"``, as
        :func:`networkx.community.louvain_communities`); None counts ties.
    engine : {"igraph", "networkx"}
        python-igraph's Louvain (fast), or NetworkX's own
        ``louvain_communities`` with the same ``seed`` when a result must be
        NetworkX's node for node (10-100x slower).

    Returns
    -------
    list of set
        Every node in exactly one set; sorted by size (largest first), then
        by the earliest node in graph order. Isolated nodes are singletons.

    Notes
    -----
    Computed by python-igraph's ``community_multilevel`` (the same algorithm
    as :func:`networkx.community.louvain_communities`, 10-100x faster). The
    partition is not NetworkX's node for node (the two draw different random
    orders); the tests check that it is a partition, that it finds planted
    communities exactly, that its modularity is within 0.02 of NetworkX's
    Louvain on random sector-structured graphs, and that our
    :func:`modularity` equals NetworkX's and igraph's.

    Examples
    --------
    >>> import networkx as nx
    >>> H = nx.barbell_graph(4, 0)  # two cliques of 4 joined by one tie
    >>> communities(H)
    [{0, 1, 2, 3}, {4, 5, 6, 7}]
    """
    check_choice("engine", engine, ("igraph", "networkx"))
    N = net(H, weight)
    if N.n == 0:
        return []
    if engine == "networkx":
        found = nx.community.louvain_communities(H, weight=weight, resolution=resolution, seed=seed)
        return sorted(found, key=lambda part: (-len(part), min(N.index[v] for v in part)))
    u, v, w = _undirected(N)
    if N.directed:
        import igraph as ig
        g = ig.Graph(n=N.n, edges=list(zip(u.tolist(), v.tolist())), directed=False)
    else:
        g = N.igraph()  # shared with betweenness and constraint
    with igraph_seed(seed):
        member = g.community_multilevel(weights=w.tolist() if N.weighted else None,
                                        resolution=resolution).membership
    member = np.asarray(member)
    groups: dict[int, list] = {}
    for i, c in enumerate(member.tolist()):
        groups.setdefault(c, []).append(i)
    ordered = sorted(groups.values(), key=lambda idx: (-len(idx), idx[0]))
    return [{N.nodes[i] for i in idx} for idx in ordered]


def _membership(N, parts):
    member = np.full(N.n, -1, dtype=np.int64)
    for c, part in enumerate(parts):
        for node in part:
            if node not in N.index:
                raise ValueError(f"node {node!r} of community {c} is not in the graph")
            if member[N.index[node]] >= 0:
                raise ValueError(f"node {node!r} is in more than one community")
            member[N.index[node]] = c
    if (member < 0).any():
        missing = N.nodes[int(np.flatnonzero(member < 0)[0])]
        raise ValueError(f"the communities do not cover the graph: {missing!r} is in none")
    return member


def modularity(H, parts, *, weight="weight", resolution=1.0) -> float | None:
    """Newman's modularity of a partition.

    Undirected: :math:`Q = \\sum_c \\big[L_c / m - \\gamma (d_c / 2m)^2\\big]`,
    with m the total tie weight, L_c the weight inside community c and d_c
    the weighted degree of its nodes. Directed (Leicht and Newman 2008):
    :math:`Q = \\sum_c \\big[L_c / m - \\gamma\\, d^{out}_c d^{in}_c / m^2\\big]`.

    Returns
    -------
    float or None
        None for a graph without ties. Raises ValueError if ``parts`` is not a
        partition of the nodes.

    Notes
    -----
    Newman and Girvan (2004), *Phys. Rev. E* 69, 026113. Equal to
    :func:`networkx.community.modularity` and python-igraph's
    ``Graph.modularity`` in the tests.

    Examples
    --------
    >>> import networkx as nx
    >>> round(modularity(nx.barbell_graph(4, 0), [{0, 1, 2, 3}, {4, 5, 6, 7}]), 4)
    0.4231
    """
    N = net(H, weight)
    member = _membership(N, parts)
    m = N.w.sum()
    if m == 0:
        return None
    k = len(parts)
    inside = member[N.u] == member[N.v]
    L = np.bincount(member[N.u][inside], N.w[inside], minlength=k)
    out_d = np.bincount(member[N.u], N.w, minlength=k)
    in_d = np.bincount(member[N.v], N.w, minlength=k)
    if N.directed:
        return float((L / m - resolution * out_d * in_d / m**2).sum())
    d = out_d + in_d
    return float((L / m - resolution * (d / (2 * m)) ** 2).sum())


def community_mixing(H, parts, attr="sector") -> pd.DataFrame:
    """How far each community mixes sectors.

    Parameters
    ----------
    H : networkx.Graph or networkx.DiGraph
    parts : list of set
        A partition of the nodes, e.g. from :func:`communities`.
    attr : str
        Node attribute that defines the groups.

    Returns
    -------
    pandas.DataFrame
        One row per community in the given order: ``community`` (its
        position), ``size``, ``sectors`` (distinct groups among its nodes),
        ``dominant_sector`` and ``dominant_share`` (largest group and its share
        of the nodes that carry ``attr``), ``blau`` and ``shannon`` (see
        :func:`~labkit.analytics.blau_index`), ``internal_ties``,
        ``cross_sector_ties`` (internal ties joining different groups),
        ``cross_sector_share`` (None without internal ties) and
        ``external_ties`` (ties to other communities).

    Examples
    --------
    >>> import networkx as nx
    >>> H = nx.barbell_graph(3, 0)
    >>> nx.set_node_attributes(H, {0: "gov", 1: "gov", 2: "biz", 3: "ngo", 4: "ngo", 5: "ngo"}, "sector")
    >>> community_mixing(H, [{0, 1, 2}, {3, 4, 5}])[["size", "sectors", "cross_sector_ties"]].values.tolist()
    [[3, 2, 2], [3, 1, 0]]
    """
    N = net(H)
    member = _membership(N, parts)
    codes, cats = N.codes(attr)
    k = len(parts)
    inside = member[N.u] == member[N.v]
    known = (codes[N.u] >= 0) & (codes[N.v] >= 0)
    cross = known & (codes[N.u] != codes[N.v])
    internal = np.bincount(member[N.u][inside], minlength=k)
    cross_in = np.bincount(member[N.u][inside & cross], minlength=k)
    external = (np.bincount(member[N.u][~inside], minlength=k)
                + np.bincount(member[N.v][~inside], minlength=k))
    has = codes >= 0
    table = np.zeros((k, max(len(cats), 1)), dtype=np.int64)
    np.add.at(table, (member[has], codes[has]), 1)
    rows = []
    for c in range(k):
        counts = table[c]
        total = counts.sum()
        top = int(counts.argmax()) if total else None
        rows.append({
            "community": c, "size": int((member == c).sum()), "sectors": int((counts > 0).sum()),
            "dominant_sector": None if top is None else cats[top],
            "dominant_share": ratio(counts[top], total) if top is not None else None,
            "blau": blau_index(counts), "shannon": shannon_index(counts),
            "internal_ties": int(internal[c]), "cross_sector_ties": int(cross_in[c]),
            "cross_sector_share": ratio(cross_in[c], internal[c]), "external_ties": int(external[c])})
    return pd.DataFrame(rows, columns=MIXING_COLUMNS)
