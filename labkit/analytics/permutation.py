"""Network measures against chance: permutation tests of the E-I index and the mixing matrix.

Each shuffles the group labels over the nodes ``n_permutations`` times (seeded), keeping the
ties and the group sizes, and compares the observed figure with the shuffled ones: the
expected value, a 95% range and a two-sided p-value. All shuffles are counted at once in
numpy (a few seconds for 1,000 shuffles at 50,000 organisations), not by recomputing
the measure per shuffle. :func:`~labkit.analytics.chance.describe_against_chance` puts
the result into words.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import ParameterError
from .ties import _ends


#: Label permutations a permutation test draws unless told: p-values then step by 1/1001.
PERMUTATIONS = 1000
#: Ties x permutations gathered per step (about 1M: the label arrays stay in cache).
_STEP = 1 << 20
#: Largest groups x groups x permutations kept in memory (8 bytes each).
_MAX_CELLS = 25_000_000


def _permuted_mixing(H, attr, weight, n_permutations, seed):
    """The group-to-group tie counts of ``H`` and of ``n_permutations`` shufflings of its labels.

    Returns (N, cats, sizes, observed, permuted): ``observed[i, j]`` sums the ties from a
    node of group i to one of group j, each tie once (an undirected tie from its first to
    its second end in ``net``'s order); ``permuted`` holds the same for every permutation,
    shape (n_permutations, k, k). The labels of the nodes that carry ``attr`` are
    shuffled among them, uniformly, by ``numpy.random.default_rng(seed)`` one permutation
    after another (``Generator.permuted`` on a batch of rows draws the stream row by row,
    so the result does not depend on the batch size). Kept on the graph's array view.
    """
    n_permutations = int(n_permutations)
    if n_permutations < 1:
        raise ParameterError(f"n_permutations must be at least 1, got {n_permutations}")
    N, cats, cu, cv, w, idx = _ends(H, attr, weight)
    key = ("permuted_mixing", attr, weight, n_permutations, seed)
    memo = N._shared.setdefault("permutations", {})
    if key in memo:
        return memo[key]
    codes_, _ = N.codes(attr)
    k = len(cats)
    if k * k * n_permutations > _MAX_CELLS:
        raise ParameterError(f"{k} groups x {n_permutations} permutations is too many for a permutation "
                             "test of the mixing matrix; use fewer permutations or fewer groups")
    labelled = np.flatnonzero(codes_ >= 0)
    sizes = np.bincount(codes_[labelled], minlength=k)
    small = np.int16 if k * k < np.iinfo(np.int16).max else np.int64
    labels = codes_[labelled].astype(small)
    pos = np.full(N.n, -1, dtype=np.int64)
    pos[labelled] = np.arange(len(labelled))
    pu, pv = pos[N.u[idx]], pos[N.v[idx]]
    m = len(pu)
    weighted = weight is not None
    observed = np.bincount(cu * k + cv, w if weighted else None, minlength=k * k).reshape(k, k).astype(float)
    permuted = np.zeros((n_permutations, k, k))
    rng = np.random.default_rng(seed)
    batch = max(1, min(n_permutations, _STEP // max(m, 1)))
    offsets = np.arange(batch, dtype=np.int64) * (k * k)
    for start in range(0, n_permutations if m else 0, batch):
        b = min(batch, n_permutations - start)
        P = np.tile(labels, (b, 1))
        rng.permuted(P, axis=1, out=P)  # b shufflings, row by row
        cell = np.take(P * small(k), pu, axis=1)  # k * (group of u), then + group of v
        cell += np.take(P, pv, axis=1)
        flat = (cell.astype(np.int64) + offsets[:b, None]).ravel()
        permuted[start:start + b] = np.bincount(flat, np.tile(w, b) if weighted else None,
                                                minlength=b * k * k).reshape(b, k, k)
    out = (N, cats, sizes, observed, permuted)
    memo[key] = out
    return out


def _against_permutations(observed, permuted) -> dict:
    """Observed value against its permutation distribution (NaN draws left out).

    ``expected`` is the mean of the permuted values, ``sd`` their standard deviation
    (n - 1 in the denominator), ``low`` and ``high`` their 2.5th and 97.5th percentiles, and
    the two-sided p-value :math:`(1 + \\#\\{|T_\\pi - \\bar T| \\ge |T - \\bar T|\\}) / (1 + n)`
    over the n draws :math:`T_\\pi` (a draw as far from the mean as the observed value
    counts, up to rounding of 1e-9).
    """
    x = np.asarray(permuted, dtype=float)
    x = x[~np.isnan(x)]
    if observed is None or np.isnan(observed) or not len(x):
        return {"observed": None if observed is None or np.isnan(observed) else float(observed),
                "expected": float(x.mean()) if len(x) else None, "sd": None, "p_value": None,
                "low": None, "high": None}
    mean = float(x.mean())
    dist = abs(float(observed) - mean)
    hits = int(np.count_nonzero(np.abs(x - mean) >= dist - 1e-9 * (1 + abs(mean))))
    low, high = np.quantile(x, [0.025, 0.975])
    return {"observed": float(observed), "expected": mean, "sd": float(x.std(ddof=1)) if len(x) > 1 else 0.0,
            "p_value": (1 + hits) / (1 + len(x)), "low": float(low), "high": float(high)}


def _ei_parts(C):
    """E-I of the whole network and per group from tie counts C (..., k, k), each tie once."""
    total = C.sum(axis=(-2, -1))
    internal = np.diagonal(C, axis1=-2, axis2=-1)
    ext = C.sum(axis=-1) + C.sum(axis=-2) - 2 * internal
    with np.errstate(divide="ignore", invalid="ignore"):
        whole = (total - 2 * internal.sum(axis=-1)) / total
        by_group = (ext - internal) / (ext + internal)
    return whole, by_group


def ei_index_permutation(H, attr="sector", weight=None, *, n_permutations=PERMUTATIONS, seed=0) -> dict:
    """The E-I index against random labels: a permutation test, whole network and per group.

    Shuffles the group labels over the nodes ``n_permutations`` times (the ties stay
    where they are) and computes the E-I index (:func:`ei_index`) and each group's
    (:func:`ei_index_by_group`) for every shuffle. The shuffles show what chance gives
    for this network and these group sizes: the observed index is compared with
    their mean (``expected``), their spread (``sd``, and the 95 % range ``low`` to
    ``high``) and a two-sided p-value,

    .. math:: p = \\frac{1 + \\#\\{\\pi : |T_\\pi - \\bar T| \\ge |T - \\bar T|\\}}{1 + n}

    where T is the observed index, :math:`T_\\pi` the index under shuffle
    :math:`\\pi`, :math:`\\bar T` their mean and n the number of shuffles: the share of
    shuffles at least as far from chance as the observed network, counting the
    observed one (Phipson and Smyth 2010, "Permutation p-values should never be
    zero", *Stat. Appl. Genet. Mol. Biol.* 9(1)). The smallest p-value is
    1 / (n + 1).

    Parameters
    ----------
    H : networkx.Graph or networkx.DiGraph
        Nodes carry ``attr``; labels are shuffled among the nodes that carry it
        (isolated ones too), ties to other nodes are not counted (as in
        :func:`ei_index`).
    attr : str
        Node attribute that defines the groups (default: sector).
    weight : str, optional
        Edge attribute to weigh ties by, as in :func:`ei_index`.
    n_permutations : int
        Shuffles drawn (default :data:`PERMUTATIONS`, 1,000).
    seed : int
        Seed of ``numpy.random.default_rng``: the same seed gives the same shuffles
        and the same answer.

    Returns
    -------
    dict
        ``observed``, ``expected``, ``sd``, ``low``, ``high``, ``p_value`` for the
        whole network; ``organisations`` (nodes with ``attr``), ``ties`` (ties
        counted), ``n_permutations``, ``seed``; and ``by_group``: group ->
        the same six figures plus ``organisations`` and ``ties`` of the group (ties
        with an end in it). None where the index is undefined (no ties); a group's
        shuffles without a tie of the group are left out of its figures.

    Notes
    -----
    Krackhardt and Stern (1988) compare the E-I index with its value under random
    group membership; the mean of the shuffles converges on
    :func:`ei_index_expected` (:math:`1 - 2q`: every tie joins two nodes of one
    group with probability q), and the tests check it does. Vectorised: the
    shuffles are drawn in batches (``Generator.permuted``) and the group pair of
    every tie in a batch is counted with one ``numpy.bincount``; 1,000 shuffles at
    50,000 organisations and 250,000 ties take about 1.5 s here
    (``benchmarks/analytics.py``). The tests check the result against a plain
    loop of :func:`ei_index` over relabelled copies with the same seed.

    Examples
    --------
    >>> import networkx as nx
    >>> H = nx.Graph([(0, 1), (2, 3), (4, 5), (0, 2)])  # ties mostly within a group
    >>> nx.set_node_attributes(H, {0: "a", 1: "a", 2: "b", 3: "b", 4: "c", 5: "c"}, "sector")
    >>> r = ei_index_permutation(H, n_permutations=200, seed=1)
    >>> r["observed"], round(r["expected"], 1), r["p_value"] < 0.2
    (-0.5, 0.6, True)
    """
    N, cats, sizes, observed, permuted = _permuted_mixing(H, attr, weight, n_permutations, seed)
    whole_obs, group_obs = _ei_parts(observed)
    whole, by_group = _ei_parts(permuted)
    ends = observed.sum(axis=0) + observed.sum(axis=1) - np.diagonal(observed)
    out = _against_permutations(whole_obs, whole)
    out.update(organisations=int(sizes.sum()), ties=_number(observed.sum()), n_permutations=int(n_permutations),
               seed=seed)
    out["by_group"] = {
        c: {**_against_permutations(group_obs[i], by_group[:, i]), "organisations": int(sizes[i]),
            "ties": _number(ends[i])}
        for i, c in enumerate(cats)}
    return out


def mixing_permutation(H, attr="sector", weight=None, *, groups=None, n_permutations=PERMUTATIONS,
                       seed=0) -> dict:
    """The mixing matrix and its cross-group share against random labels (a permutation test).

    The same shuffles as :func:`ei_index_permutation` (same ``seed``, same draws):
    for every cell of :func:`mixing_matrix` and for the share of ties between two
    different groups (:func:`cross_sector_share`), the observed value against the
    mean, spread and two-sided p-value of the shuffles.

    Parameters
    ----------
    H, attr, weight, n_permutations, seed
        As in :func:`ei_index_permutation`.
    groups : sequence, optional
        Row and column order, as in :func:`mixing_matrix`.

    Returns
    -------
    dict
        ``observed``, ``expected``, ``sd`` and ``p_value``: square DataFrames laid out
        as :func:`mixing_matrix` (undirected: symmetric, a diagonal cell counts
        each tie within a group twice); ``cross_sector_share``: a dict of
        ``observed``, ``expected``, ``sd``, ``low``, ``high``, ``p_value``; and
        ``n_permutations``, ``seed``. The p-value is defined as in
        :func:`ei_index_permutation`.

    Notes
    -----
    With n labelled nodes, :math:`n_g` in group g and m ties, a tie joins a node
    of g to one of h (in that order) with probability
    :math:`n_g n_h / (n (n - 1))`, or :math:`n_g (n_g - 1) / (n (n - 1))` within
    g: the expected cell is m times that on a directed graph, and twice that
    (either order) undirected. A cell well above it says the two groups met more
    than random labels would give. Newman (2003) for the matrix; the test as in
    :func:`ei_index_permutation`; the tests check the expected cells against
    these formulas and everything against a plain loop over relabelled copies.

    Examples
    --------
    >>> import networkx as nx
    >>> H = nx.Graph([(0, 1), (2, 3), (4, 5), (0, 2)])
    >>> nx.set_node_attributes(H, {0: "a", 1: "a", 2: "b", 3: "b", 4: "c", 5: "c"}, "sector")
    >>> r = mixing_permutation(H, n_permutations=200, seed=1)
    >>> r["observed"].values.tolist()
    [[2, 1, 0], [1, 2, 0], [0, 0, 2]]
    >>> r["cross_sector_share"]["observed"], round(r["cross_sector_share"]["expected"], 1)
    (0.25, 0.8)
    """
    N, cats, sizes, observed, permuted = _permuted_mixing(H, attr, weight, n_permutations, seed)
    order = list(groups) if groups is not None else []
    order += [c for c in cats if c not in set(order)]
    at = np.array([order.index(c) for c in cats], dtype=np.int64)  # every group's row in ``order``
    k = len(order)

    def laid_out(C):  # (..., groups, groups) -> (..., k, k) in ``order``; both directions if undirected
        full = np.zeros(C.shape[:-2] + (k, k))
        full[..., at[:, None], at[None, :]] = C
        return full if N.directed else full + np.swapaxes(full, -1, -2)

    obs, perm = laid_out(observed), laid_out(permuted)
    cells = [[_against_permutations(obs[i, j], perm[:, i, j]) for j in range(k)] for i in range(k)]
    index = pd.Index(order, name=attr)

    def frame(key, values=None):
        data = values if values is not None else [[c[key] for c in row] for row in cells]
        return pd.DataFrame(data, index=index, columns=index.copy())

    observed_df = frame("observed", obs.astype(np.int64) if weight is None else obs)
    total = observed.sum()
    share = None if total == 0 else float((total - np.trace(observed)) / total)
    with np.errstate(divide="ignore", invalid="ignore"):
        shares = 1 - np.trace(permuted, axis1=1, axis2=2) / permuted.sum(axis=(1, 2))
    return {"observed": observed_df, "expected": frame("expected"), "sd": frame("sd"),
            "p_value": frame("p_value"), "cross_sector_share": _against_permutations(share, shares),
            "n_permutations": int(n_permutations), "seed": seed}


def _number(x):
    x = float(x)
    return int(x) if x.is_integer() else x
