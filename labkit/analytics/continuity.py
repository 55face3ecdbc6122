"""Continuity across tables: who came to which table of a theme, and who invited whom."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from ..network.graph import collector_paused, fill
from ._data import ILLUSTRATIVE, codes, frames, table_order, theme_sessions, unique_ints

PATHS = ("all", "start_only", "left_early", "returned", "joined_later")
#: The columns of :func:`table_continuity`; one boolean column per kind of table the theme
#: held comes between ``sector`` and ``path``.
CONTINUITY_COLUMNS = ["participant", "label", "organisation", "sector", "path", "joined_at",
                      "sessions", "invited_by", "channel", "illustrative"]


def table_continuity(G, theme) -> pd.DataFrame:
    """Who attended the focus table, the deepening table and the workshop of a theme.

    Parameters
    ----------
    G : Programme or networkx.MultiDiGraph
        The programme or its typed graph. Pass the programme to see invitations
        by the organisers: they leave no edge in the graph, so from a bare graph
        ``channel`` is None for them.
    theme : str
        Theme id.

    Returns
    -------
    pandas.DataFrame
        One row per participant who attended a session of the theme, ordered
        by the first table they came to, then participant id. Columns:
        ``participant`` (node id), ``label`` (public label), ``organisation``
        (node id or None), ``sector`` (``"unknown"`` without organisation),
        one boolean per kind of table the theme held (named by the kind's id,
        in the programme's order: ``focustafel``, ``verdiepingstafel``,
        ``werkplaats`` in the embedded example),
        ``path``, ``joined_at`` (kind of their first table), ``sessions``
        (how many of the theme's sessions they attended), ``invited_by``
        (inviting participant's node id: a participant, or the host when the
        host invited; None for the organisers), ``channel`` and
        ``illustrative`` (some attendance or the invitation behind the row is
        illustrative).

    Notes
    -----
    ``path`` compares the kinds of table a person attended with the kinds the
    theme held (in the programme's order of kinds, e.g. focus -> deepening -> workshop):

    ``all``
        every kind the theme held (the report: "velen waren bij alle drie");
    ``start_only``
        only the first kind ("sommigen alleen bij de start");
    ``left_early``
        began at the first kind and stopped before the last;
    ``returned``
        began at the first kind, skipped a middle one, came to the last;
    ``joined_later``
        did not come to the first kind ("anderen sloten later aan");
        ``joined_at`` says where they came in.

    An empty theme gives an empty frame with these columns.

    Examples
    --------
    >>> from labkit.analytics._example import example_programme
    >>> df = table_continuity(example_programme(), "t")
    >>> df[["participant", "path", "joined_at", "invited_by", "channel"]].values.tolist()
    [['person:p1', 'start_only', 'focustafel', None, 'organisers'], ['person:p2', 'left_early', 'focustafel', None, 'organisers'], ['person:p3', 'joined_later', 'verdiepingstafel', 'person:p2', 'participant'], ['person:p4', 'joined_later', 'werkplaats', 'person:p3', 'participant']]
    """
    F = frames(G)
    key = ("continuity", theme)
    if key not in F.memo:  # the invitation tree reads it too
        F.memo[key] = _continuity(F, theme)
    return F.memo[key].copy()


def _continuity(F, theme) -> pd.DataFrame:
    sess = theme_sessions(F, theme)
    held = table_order(F, sess["table"])
    columns_out = CONTINUITY_COLUMNS[:4] + held + CONTINUITY_COLUMNS[4:]
    rank = {k: i for i, k in enumerate(held)}
    C = codes(F)
    rank_of = np.full(len(F.sessions) + 1, -1, dtype=np.int64)  # per session row; last: unknown
    rank_of[sess.index.to_numpy()] = sess["table"].map(rank).to_numpy(dtype=np.int64)
    r = rank_of[C.session]
    keep = (r >= 0) & (C.participant >= 0)
    if not keep.any():
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns_out})
    r = r[keep]
    rows, who = np.unique(C.participant[keep], return_inverse=True)
    people_ids = F.participants["node"].to_numpy(dtype=object)[rows]
    n = len(rows)
    first = np.full(n, len(held), dtype=np.int64)
    np.minimum.at(first, who, r)
    last = np.full(n, -1, dtype=np.int64)
    np.maximum.at(last, who, r)
    kinds = np.zeros(n, dtype=np.int64)
    np.bitwise_or.at(kinds, who, 1 << r)
    s_codes = C.session[keep]
    mult = int(s_codes.max()) + 1
    sessions = np.bincount(unique_ints(who * mult + s_codes) // mult, minlength=n)
    illus = np.bincount(who[C.illustrative[keep]], minlength=n) > 0
    count = sum((kinds >> b) & 1 for b in range(len(held)))  # kinds of table attended
    path = np.where(count == len(held), "all",
                    np.where(first > 0, "joined_later",
                             np.where(count == 1, "start_only",
                                      np.where(last == len(held) - 1, "returned", "left_early")))).astype(object)
    inv = F.invitations[F.invitations["theme"] == theme].drop_duplicates("participant", keep="last")

    def lookup(frame, key, columns):
        """Columns of ``frame`` for each person, None where the person has no row (one index lookup)."""
        pos = pd.Index(frame[key]).get_indexer(people_ids)
        return {c: np.where(pos >= 0, frame[c].to_numpy(dtype=object)[np.maximum(pos, 0)], None)
                for c in columns} if len(frame) else {c: np.full(n, None, dtype=object) for c in columns}

    who_is = {c: F.participants[c].to_numpy(dtype=object)[rows] for c in ("label", "organisation", "sector")}
    invited = lookup(inv, "participant", ["invited_by", "channel", "source"])
    columns = {
        "participant": people_ids, "label": who_is["label"], "organisation": who_is["organisation"],
        "sector": np.where(pd.isna(who_is["sector"]), "unknown", who_is["sector"]).astype(object),
        **{k: (kinds & (1 << rank[k])) > 0 for k in held},
        "path": path, "joined_at": np.asarray(held, dtype=object)[first], "sessions": sessions,
        "invited_by": invited["invited_by"], "channel": invited["channel"],
        "illustrative": illus | (invited["source"] == ILLUSTRATIVE)}
    # by first table, then participant id: as fixed-width text the ids sort 3x faster than as objects
    order = np.lexsort((people_ids.astype(str), first))
    out = pd.DataFrame({c: x[order] for c, x in columns.items()})
    for c in ("label", "organisation", "invited_by", "channel"):
        out[c] = out[c].astype(object).where(out[c].notna(), None)
    return out[columns_out]


@collector_paused()  # some 60,000 node dicts at 50,000 organisations
def invitation_tree(G, theme) -> nx.DiGraph:
    """The snowball of invitations ("zwaan-kleef-aan") of a theme as a directed forest.

    Parameters
    ----------
    G : Programme or networkx.MultiDiGraph
        The programme or its typed graph.
    theme : str
        Theme id.

    Returns
    -------
    networkx.DiGraph
        An edge inviter -> invitee for every invitation by a participant or by
        the host, with ``channel``, ``session`` (id of the invitee's first
        session) and ``illustrative``. Nodes are the theme's participants
        (see :func:`table_continuity`) and their inviters, with ``label``,
        ``organisation``, ``sector``, ``channel``, ``joined_at`` and ``depth``:
        0 for someone nobody in the tree invited, the inviter's depth + 1
        otherwise, None inside a cycle of invitations (which a clean package
        cannot hold).

    Examples
    --------
    >>> from labkit.analytics._example import example_programme
    >>> T = invitation_tree(example_programme(), "t")
    >>> sorted(T.edges()), dict(T.nodes(data="depth"))
    ([('person:p2', 'person:p3'), ('person:p3', 'person:p4')], {'person:p1': 0, 'person:p2': 0, 'person:p3': 1, 'person:p4': 2})
    """
    F = frames(G)
    cont = table_continuity(G, theme)
    inv = F.invitations[(F.invitations["theme"] == theme) & F.invitations["invited_by"].notna()]
    parent = dict(zip(inv["participant"].tolist(), inv["invited_by"].tolist()))
    depth: dict = {}

    def depth_of(start):
        """Generations from the first inviter; None for anyone in or below a cycle."""
        chain, n = [], start
        while n not in depth and n in parent and n not in chain:
            chain.append(n)
            n = parent[n]
        if n in depth:
            d = depth[n]
        elif n in chain:  # came back to someone on the way: a cycle
            d = None
        else:  # nobody invited n
            d = depth[n] = 0
        for m in reversed(chain):
            d = None if d is None else d + 1
            depth[m] = d
        return depth[start]

    cols = ["participant", "label", "organisation", "sector", "channel", "joined_at", "illustrative"]
    nodes = [(p, {"label": lab, "organisation": org, "sector": sec, "channel": ch, "joined_at": j,
                  "illustrative": il, "depth": depth_of(p) if p in parent else 0})  # 0: nobody invited p
             for p, lab, org, sec, ch, j, il in zip(*(cont[c].tolist() for c in cols))]
    people = F.participants.set_index("node")
    ends = set(parent) | set(parent.values())
    attended = set(cont["participant"].tolist())  # tolist: iterating the Series boxes every id
    for n in sorted(ends - attended, key=str):  # an inviter (the host, say) who did not attend
        who = people.loc[n] if n in people.index else None
        nodes.append((n, {"label": None if who is None else who["label"],
                          "organisation": None if who is None else who["organisation"],
                          "sector": "unknown" if who is None else who["sector"],
                          "channel": None, "joined_at": None, "illustrative": False, "depth": depth_of(n)}))
    T = nx.DiGraph(theme=theme)
    # one invitation per invitee and theme, so the edges are unique
    fill(T, nodes, zip(inv["invited_by"].tolist(), inv["participant"].tolist(),
                       ({"channel": c, "session": s, "illustrative": src == ILLUSTRATIVE}
                        for c, s, src in zip(inv["channel"].tolist(), inv["session"].tolist(),
                                             inv["source"].tolist()))))
    return T
