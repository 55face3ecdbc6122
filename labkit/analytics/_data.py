"""What analytics reads: tables from the typed graph, arrays from a network.

Two read-only views, each built once per graph and kept in the graph's
``__networkx_cache__``, the cache NetworkX itself keeps for converted graphs
(backends use it). NetworkX empties it when the graph's structure changes
(``add_edge``, ``remove_node``...); like NetworkX's own cache it does not see
attribute dicts edited in place, so call :func:`clear_cache` after such edits.
Setting ``networkx.config.cache_converted_graphs = False`` turns caching off.

* :func:`frames` turns a :class:`~labkit.data.model.Programme` or its typed graph
  (see :mod:`labkit.network.graph`) into small DataFrames keyed by node id. A
  programme adds what the graph cannot hold: the sectors table's order and
  invitations by the organisers (they leave no edge).
* :func:`net` turns a NetworkX graph (a projection) into integer edge arrays,
  one entry per tie, self-loops left out: a tie is between two different nodes.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import math
import random
import weakref

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..errors import ParameterError
from ..network.graph import ARRAYS

UNKNOWN = "unknown"  # sector of a participant without an organisation
ILLUSTRATIVE = "illustrative"
_KEY = "labkit.analytics"


def clear_cache(G) -> None:
    """Forget the views labkit.analytics keeps on ``G`` (after in-place attribute edits)."""
    cache = getattr(G, "__networkx_cache__", None)
    if cache is not None:
        cache.pop(_KEY, None)
        cache.pop(ARRAYS, None)


def _cache(G) -> dict | None:
    cache = getattr(G, "__networkx_cache__", None)
    if cache is None or not nx.config.cache_converted_graphs:
        return None
    return cache.setdefault(_KEY, {})


# --------------------------------------------------------------------------- frames

@dataclasses.dataclass(frozen=True)
class Frames:
    """The programme as tables keyed by node id (``org:x``, ``person:y``, ``session:z``).

    Row order carries no meaning; functions sort what they return.
    """

    organisations: pd.DataFrame   # node, label, sector, source
    participants: pd.DataFrame    # node, label, organisation (node or None), sector (UNKNOWN without), source
    sessions: pd.DataFrame        # node, id, theme, table, track, order, month, label, source (table order)
    attendance: pd.DataFrame      # participant, session (node ids), role, source
    invitations: pd.DataFrame     # participant, invited_by (node or None), theme, session (id), channel, source
    collaborations: pd.DataFrame  # from, to (org nodes), session (id), illustrative (any row of the pair)
    commitments: pd.DataFrame     # node, id, label, theme, kind, stage, status, progress, last_update, source
    owners: pd.DataFrame          # commitment, organisation (nodes), role, source
    contributions: pd.DataFrame   # commitment (node), target (sdg:n or dimension:x node), source
    stages: pd.DataFrame          # id, number, label (by number)
    sdgs: pd.DataFrame            # number, label (by number)
    dimensions: pd.DataFrame      # id, label
    sectors: tuple                # sector ids in display order
    illustrative: bool            # the programme holds illustrative rows
    updates: pd.DataFrame | None = None   # commitment_updates, from a programme only
    organisers_known: bool = False        # invitations include the organisers' (programme)
    sector_labels: dict = dataclasses.field(default_factory=dict)  # id -> Dutch name (programme)
    table_kinds: tuple = ()               # kinds of table in the programme's order
    memo: dict = dataclasses.field(default_factory=dict, compare=False, repr=False)  # derived tables


_COLUMNS = {
    "organisations": ["node", "label", "sector", "source"],
    "participants": ["node", "label", "organisation", "sector", "source"],
    "sessions": ["node", "id", "theme", "table", "track", "order", "month", "label", "source"],
    "attendance": ["participant", "session", "role", "source"],
    "invitations": ["participant", "invited_by", "theme", "session", "channel", "source"],
    "collaborations": ["from", "to", "session", "illustrative"],
    "commitments": ["node", "id", "label", "theme", "kind", "stage", "status", "progress",
                    "last_update", "source"],
    "owners": ["commitment", "organisation", "role", "source"],
    "contributions": ["commitment", "target", "source"],
    "stages": ["id", "number", "label"],
    "sdgs": ["number", "label"],
    "dimensions": ["id", "label"],
}
_PROGRAMME_FRAMES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _programme_type():
    from ..data.model import Programme
    return Programme


def frames(obj) -> Frames:
    """Tables of a programme (built from its tables) or of its typed graph (read from the graph).

    Both give the same frames, apart from what only a programme knows
    (sector order and names, the organisers' invitations, status history).
    Cached per programme or graph.
    """
    Programme = _programme_type()
    if isinstance(obj, Programme):
        if nx.config.cache_converted_graphs and obj in _PROGRAMME_FRAMES:
            return _PROGRAMME_FRAMES[obj]
        out = _programme_frames(obj)
        if nx.config.cache_converted_graphs:
            _PROGRAMME_FRAMES[obj] = out
        return out
    if isinstance(obj, nx.MultiDiGraph):
        return _graph_frames(obj)
    raise ParameterError(
        f"expected a labkit Programme or its typed graph (programme.graph), got {type(obj).__name__}; "
        "network measures take a projection such as labkit.organisation_coattendance(G)")


def _frame(name, rows=None, **columns) -> pd.DataFrame:
    cols = _COLUMNS[name]
    if rows is not None:
        if not rows:
            return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
        return pd.DataFrame(rows, columns=cols, dtype=object)  # None stays None, as in _objects
    return pd.DataFrame({c: _objects(columns[c]) for c in cols})


def _objects(values) -> pd.Series:
    """Plain Python objects with None for missing, so that both paths compare equal."""
    s = (values if isinstance(values, pd.Series) else pd.Series(values)).reset_index(drop=True)
    missing = s.isna()
    s = s.astype(object)
    return s.where(~missing, None) if missing.any() else s


def table_order(F, kinds) -> list:
    """``kinds`` (kinds of table) in the programme's order; kinds it does not list
    follow in the order of their first session."""
    present = list(dict.fromkeys(kinds))
    return [k for k in F.table_kinds if k in present] + [k for k in present if k not in F.table_kinds]


def _sort(name, df):
    if name == "sessions" and len(df):
        return df.sort_values(["order", "month", "id"], kind="stable").reset_index(drop=True)
    if name in ("stages", "sdgs") and len(df):
        return df.sort_values("number", kind="stable").reset_index(drop=True)
    return df


def _graph_frames(G) -> Frames:
    cache = _cache(G)
    if cache is not None and "frames" in cache:
        return cache["frames"]
    nodes: dict[str, list] = {k: [] for k in ("organisation", "participant", "session", "commitment",
                                               "roadmap_stage", "sdg", "welfare_dimension")}
    for n, d in G._node.items():  # raw dicts: ~2x faster than G.nodes(data=True) at 100k nodes
        bucket = nodes.get(d.get("kind"))
        if bucket is not None:
            bucket.append((n, d))
    edges: dict[str, list] = {k: [] for k in ("attended", "invited", "collaborates_with",
                                               "committed_to", "contributes_to")}
    for u, nbrs in G._succ.items():
        for v, keys in nbrs.items():
            for k, d in keys.items():
                bucket = edges.get(k)
                if bucket is not None:
                    bucket.append((u, v, d))
    orgs = _frame("organisations", [(n, d.get("label"), d.get("sector"), d.get("source"))
                                    for n, d in nodes["organisation"]])
    sector = dict(zip(orgs["node"], orgs["sector"]))
    people = []
    for n, d in nodes["participant"]:
        o = d.get("organisation")
        o = None if o is None else f"org:{o}"
        people.append((n, d.get("label"), o, sector.get(o, UNKNOWN) if o else UNKNOWN, d.get("source")))
    f = {
        "organisations": orgs,
        "participants": _frame("participants", people),
        "sessions": _frame("sessions", [(n, n.split(":", 1)[1], d.get("theme"), d.get("table"), d.get("track"),
                                         d.get("order"), d.get("month"), d.get("label"), d.get("source"))
                                        for n, d in nodes["session"]]),
        "attendance": _frame("attendance", [(u, v, d.get("role"), d.get("source"))
                                            for u, v, d in edges["attended"]]),
        "invitations": _frame("invitations", [(v, u, d.get("theme"), d.get("session"), d.get("channel"),
                                               d.get("source")) for u, v, d in edges["invited"]]),
        "collaborations": _frame("collaborations", [(u, v, s, d.get("source") == ILLUSTRATIVE)
                                                    for u, v, d in edges["collaborates_with"]
                                                    for s in d.get("sessions", [])]),
        "commitments": _frame("commitments", [
            (n, n.split(":", 1)[1], d.get("label"), d.get("theme"), d.get("commitment_kind"), d.get("stage"),
             d.get("status"), d.get("progress"), d.get("last_update"), d.get("source"))
            for n, d in nodes["commitment"]]),
        "owners": _frame("owners", [(v, u, d.get("role"), d.get("source")) for u, v, d in edges["committed_to"]]),
        "contributions": _frame("contributions", [(u, v, d.get("source")) for u, v, d in edges["contributes_to"]]),
        "stages": _frame("stages", [(n.split(":", 1)[1], d.get("number"), d.get("label"))
                                    for n, d in nodes["roadmap_stage"]]),
        "sdgs": _frame("sdgs", [(d.get("number"), d.get("label")) for n, d in nodes["sdg"]]),
        "dimensions": _frame("dimensions", [(n.split(":", 1)[1], d.get("label"))
                                            for n, d in nodes["welfare_dimension"]]),
    }
    f = {k: _sort(k, v) for k, v in f.items()}
    sectors = tuple(sorted({s for s in orgs["sector"] if isinstance(s, str)}))
    out = Frames(**f, sectors=sectors, illustrative=bool(G.graph.get("illustrative", False)),
                 table_kinds=tuple(G.graph.get("table_kinds", ())))
    if cache is not None:
        cache["frames"] = out
    return out


def _programme_frames(p) -> Frames:
    """The frames ``_graph_frames(p.graph)`` gives, built from the tables without the graph."""
    from ..network.graph import current_status
    from ..data.privacy import pseudonym
    t = p.tables
    o, pp, s, a = t["organisations"], t["participants"], t["sessions"], p.attendance  # no plans
    orgs = _frame("organisations", node="org:" + o["id"].astype(object), label=o["name"], sector=o["sector"],
                  source=o["source"])
    member = pp["organisation_id"]
    org_node = _prefixed("org:", member.to_numpy(dtype=object), member.notna().to_numpy())
    member_sector = _take(orgs["sector"], pd.Index(o["id"]).get_indexer(member), UNKNOWN)
    named = (pp["consent_named"].fillna(False).astype(bool) & pp["name"].notna()
             & (pp["name"].fillna("") != "")).tolist()
    people = _frame("participants", node="person:" + pp["id"].astype(object),
                    label=[n if ok else pseudonym(i)  # participant_label, without a call per row
                           for i, n, ok in zip(pp["id"].tolist(), pp["name"].tolist(), named)],
                    organisation=org_node,
                    sector=member_sector,
                    source=pp["source"])
    sessions = _frame("sessions", node="session:" + s["id"].astype(object), id=s["id"], theme=s["theme_id"],
                      table=s["kind"], track=s["track"], order=s["order"].astype(object).map(int),
                      month=s["month"], label=s["title_nl"], source=s["source"])
    col = t["collaborations"]
    fa = pd.factorize(col["from_organisation_id"])[0].astype(np.int64)
    fb = pd.factorize(col["to_organisation_id"])[0].astype(np.int64)
    _, pair = np.unique(fa * (int(fb.max()) + 1 if len(fb) else 1) + fb, return_inverse=True)
    hits = np.bincount(pair, (col["source"] == ILLUSTRATIVE).to_numpy(dtype=float), minlength=pair.max() + 1
                       if len(pair) else 0)
    illus = pd.Series(hits[pair] > 0 if len(pair) else np.zeros(0, bool))  # any tie of the pair
    cm = t["commitments"]
    status = current_status(t["commitment_updates"])
    cur = status.reindex(cm["id"])
    stages, sdgs, dims = t["roadmap_stages"], t["sdgs"], t["welfare_dimensions"]
    csdg, cdim, own = t["commitment_sdgs"], t["commitment_dimensions"], t["commitment_owners"]
    f = {
        "organisations": orgs,
        "participants": people,
        "sessions": sessions,
        "attendance": _frame("attendance", participant="person:" + a["participant_id"].astype(object),
                             session="session:" + a["session_id"].astype(object), role=a["role"],
                             source=a["source"]),
        "invitations": _programme_invitations(p),
        "collaborations": _frame("collaborations", **{
            "from": "org:" + col["from_organisation_id"].astype(object),
            "to": "org:" + col["to_organisation_id"].astype(object),
            "session": col["session_id"], "illustrative": illus.astype(bool)}),
        "commitments": _frame(
            "commitments", node="commitment:" + cm["id"].astype(object), id=cm["id"], label=cm["title_nl"],
            theme=cm["theme_id"], kind=cm["kind"], stage=cm["stage_id"], status=cur["status"].to_numpy(),
            progress=[None if pd.isna(x) else int(x) for x in cur["progress"].tolist()],
            last_update=[None if pd.isna(x) else x.date() for x in cur["last_update"].tolist()],
            source=cm["source"]),
        "owners": _frame("owners", commitment="commitment:" + own["commitment_id"].astype(object),
                         organisation="org:" + own["organisation_id"].astype(object), role=own["role"],
                         source=own["source"]),
        "contributions": _frame("contributions", **{
            "commitment": pd.concat([csdg["commitment_id"], cdim["commitment_id"]]).map(lambda x: f"commitment:{x}"),
            "target": pd.concat([csdg["sdg"].map(lambda x: f"sdg:{int(x)}"),
                                 cdim["dimension"].map(lambda x: f"dimension:{x}")]),
            "source": pd.concat([csdg["source"], cdim["source"]])}),
        "stages": _frame("stages", id=stages["id"], number=stages["number"].astype(object).map(int),
                         label=stages["name_nl"]),
        "sdgs": _frame("sdgs", number=sdgs["number"].astype(object).map(int), label=sdgs["name_nl"]),
        "dimensions": _frame("dimensions", id=dims["id"], label=dims["name_nl"]),
    }
    f = {k: _sort(k, v) for k, v in f.items()}
    order = p.sectors.sort_values("order", kind="stable")["id"].tolist()
    seen = sorted({x for x in orgs["sector"] if isinstance(x, str)} - set(order))
    return Frames(**f, sectors=tuple(order + seen), illustrative=p.is_illustrative,
                  updates=t["commitment_updates"], organisers_known=True,
                  sector_labels=dict(zip(p.sectors["id"], p.sectors["name_nl"])),
                  table_kinds=tuple(t["table_kinds"].sort_values(["order", "id"])["id"]))


def _programme_invitations(p) -> pd.DataFrame:
    inv, themes = p.invitations, p.themes
    channel = inv["channel"].to_numpy(dtype=object)
    host = _take(_objects(themes["host_participant_id"]), pd.Index(themes["id"]).get_indexer(inv["theme_id"]),
                 None)
    x = np.where(channel == "participant", _objects(inv["invited_by"]).to_numpy(dtype=object),
                 np.where(channel == "host", host, None))
    known = pd.notna(x)
    known[known] = x[known] != inv["participant_id"].to_numpy(dtype=object)[known]  # as build_graph
    return _frame("invitations", participant="person:" + inv["participant_id"].astype(object),
                  invited_by=_prefixed("person:", x, known), theme=inv["theme_id"],
                  session=inv["first_session_id"], channel=inv["channel"], source=inv["source"])


def _prefixed(prefix, ids, keep) -> np.ndarray:
    """Node ids ``prefix + id`` where ``keep``, None elsewhere (object array)."""
    out = np.full(len(ids), None, dtype=object)
    out[keep] = prefix + ids[keep]
    return out


def _take(values, pos, missing) -> np.ndarray:
    """``values[pos]`` as objects, ``missing`` where pos is -1."""
    values = np.asarray(values, dtype=object)
    if not len(values):
        return np.full(len(pos), missing, dtype=object)
    return np.where(pos >= 0, values[np.maximum(pos, 0)], missing)


def theme_sessions(F: Frames, theme) -> pd.DataFrame:
    if theme is None:
        return F.sessions
    return F.sessions[F.sessions["theme"] == theme]


@dataclasses.dataclass(frozen=True)
class Codes:
    """Attendance as integer positions into the frames, built once per frames (memo)."""

    session: np.ndarray        # per attendance row: row of F.sessions (-1 if unknown)
    participant: np.ndarray    # per attendance row: row of F.participants (-1 if unknown)
    illustrative: np.ndarray   # per attendance row
    organisation: np.ndarray   # per participant row: row of F.organisations (-1 without)
    sector: np.ndarray         # per organisation row: its sector id (object)


def codes(F: Frames) -> Codes:
    if "codes" not in F.memo:
        att = F.attendance

        def position(keys, index):
            return pd.Index(index).get_indexer(pd.Index(keys)).astype(np.int64) if len(keys) else np.zeros(0, np.int64)

        F.memo["codes"] = Codes(
            session=position(att["session"], F.sessions["node"]),
            participant=position(att["participant"], F.participants["node"]),
            illustrative=(att["source"] == ILLUSTRATIVE).to_numpy(dtype=bool),
            organisation=position(F.participants["organisation"].fillna("").astype(object),
                                  F.organisations["node"]),
            sector=F.organisations["sector"].to_numpy(dtype=object))
    return F.memo["codes"]


# --------------------------------------------------------------------------- networks as arrays

class Net:
    """A simple NetworkX graph as arrays: node order, ties (u, v, w) and attribute codes.

    Views of one graph for different weights share the topology, the
    attribute codes and the python-igraph graph.
    """

    def __init__(self, H, weight, base: "Net | None" = None):
        if H.is_multigraph():
            raise ParameterError("labkit.analytics measures take a simple Graph or DiGraph, such as "
                                 "organisation_coattendance(G); collapse parallel edges first")
        self._H = H
        self.weighted = weight is not None
        seed = getattr(H, "__networkx_cache__", {}).get(ARRAYS)
        if seed is not None and weight is not None and weight not in seed["weights"]:
            seed = None
        if seed is not None:  # the projection's own arrays: no pass over the dicts
            if base is not None:
                self.directed, self.nodes, self.n, self.index = base.directed, base.nodes, base.n, base.index
                self._shared = base._shared
            else:
                self.directed = H.is_directed()
                self.nodes = list(seed["nodes"])
                self.n = len(self.nodes)
                self.index = {v: i for i, v in enumerate(self.nodes)}
                self._shared = {"codes": {}, "illustrative": seed["illustrative"]}
            self.u, self.v, self._keep = seed["u"], seed["v"], None
            self.w = np.ones(len(self.u)) if weight is None else seed["weights"][weight]
            return
        if base is not None and base._keep is not None:
            self.directed, self.nodes, self.n, self.index = base.directed, base.nodes, base.n, base.index
            self.u, self.v, self._keep, self._shared = base.u, base.v, base._keep, base._shared
        else:
            self.directed = H.is_directed()
            self.nodes = list(H)
            self.n = len(self.nodes)
            self.index = {v: i for i, v in enumerate(self.nodes)}
            adj = H._adj  # raw dicts, in node order; H.adj would wrap every neighbour in a view
            deg = np.fromiter((len(adj[v]) for v in self.nodes), np.int64, self.n)
            rows = np.repeat(np.arange(self.n, dtype=np.int64), deg)
            index = self.index
            cols = np.fromiter((index[x] for v in self.nodes for x in adj[v]), np.int64, int(deg.sum()))
            self._keep = rows != cols if self.directed else rows < cols  # undirected ties appear twice
            self.u, self.v = rows[self._keep], cols[self._keep]
            self._shared = {"codes": {}} if base is None else base._shared
        if weight is None:
            self.w = np.ones(len(self.u))
        else:
            adj = H._adj
            w = np.fromiter((d.get(weight, 1) for v in self.nodes for d in adj[v].values()),
                            np.float64, len(self._keep))
            self.w = w[self._keep]

    @property
    def m(self) -> int:
        return len(self.u)

    def codes(self, attr):
        """(codes, categories): the category index of each node, -1 where ``attr`` is missing."""
        cache = self._shared["codes"]
        if attr not in cache:
            nd = self._H._node
            values = [nd[v].get(attr) for v in self.nodes]
            cats = sorted({x for x in values if x is not None}, key=str)
            pos = {c: i for i, c in enumerate(cats)}
            codes = np.fromiter((pos.get(x, -1) if x is not None else -1 for x in values), np.int64, self.n)
            cache[attr] = (codes, cats)
        return cache[attr]

    def mutual(self) -> sp.csr_array:
        """Symmetric matrix of mutual weights w(u,v) + w(v,u), as NetworkX's structural-hole measures use."""
        A = sp.csr_array((self.w, (self.u, self.v)), shape=(self.n, self.n))
        return (A + A.T).tocsr()

    def igraph(self):
        """The same ties as a python-igraph Graph (same vertex and edge order, no weights), built once."""
        if "igraph" not in self._shared:
            import igraph as ig
            self._shared["igraph"] = ig.Graph(n=self.n, edges=list(zip(self.u.tolist(), self.v.tolist())),
                                              directed=self.directed)
        return self._shared["igraph"]

    @property
    def illustrative(self) -> bool:
        """True when any tie carries ``illustrative=True`` (the projections set it)."""
        if "illustrative" not in self._shared:
            adj = self._H._adj
            self._shared["illustrative"] = any(d.get(ILLUSTRATIVE, False) for v in self.nodes
                                               for d in adj[v].values())
        return self._shared["illustrative"]


def net(H, weight=None) -> Net:
    """The array view of ``H`` for ``weight`` (cached on ``H``)."""
    if not isinstance(H, nx.Graph):
        raise ParameterError(f"expected a NetworkX graph, got {type(H).__name__}")
    cache = _cache(H)
    key = ("net", weight)
    if cache is not None and key in cache:
        return cache[key]
    base = None
    if cache is not None:
        base = next((v for k, v in cache.items() if isinstance(k, tuple) and k[0] == "net"), None)
    out = Net(H, weight, base)
    if cache is not None:
        cache[key] = out
    return out


@contextlib.contextmanager
def igraph_seed(seed):
    """Seed python-igraph's random numbers for one call, then give back the default."""
    import igraph as ig
    ig.set_random_number_generator(random.Random(seed))
    try:
        yield
    finally:
        ig.set_random_number_generator(random)


# --------------------------------------------------------------------------- small helpers

def unique_ints(x) -> np.ndarray:
    """The sorted distinct values of an integer array: ``np.unique(x)``, by sorting.

    NumPy 2.3+ finds distinct values with a hash table when no inverse or
    counts are asked for; on 100,000+ integers that is 20-50x slower than
    sorting and dropping repeats.
    """
    x = np.sort(np.asarray(x).ravel())
    if len(x) < 2:
        return x
    keep = np.empty(len(x), dtype=bool)
    keep[0] = True
    np.not_equal(x[1:], x[:-1], out=keep[1:])
    return x[keep]


def as_date(value, name="as_of") -> dt.date:
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ParameterError(f"{name} must be a date such as 2026-10-01, got {value!r}")


def check_choice(name, value, choices):
    if value not in choices:
        raise ParameterError(f"{name} must be one of {', '.join(map(repr, choices))}, got {value!r}")


def ratio(a, b):
    """a / b, or None when b is 0."""
    return None if b == 0 else float(a) / float(b)


def plain(x):
    """JSON-ready Python: NaN and NA become None, numpy scalars Python ones, dates ISO text."""
    if isinstance(x, dict):
        return {str(k): plain(v) for k, v in x.items()}
    if isinstance(x, (list, tuple, set, frozenset)):
        return [plain(v) for v in x]
    if x is None or x is pd.NA or x is pd.NaT:
        return None
    if isinstance(x, np.generic):
        x = x.item()
    if isinstance(x, float) and math.isnan(x):
        return None
    if isinstance(x, (dt.date, pd.Timestamp)):
        return x.isoformat()[:10]
    return x
