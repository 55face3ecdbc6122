"""The theme report's content, built from a programme: what each section says.

:class:`Report` is one theme of a programme seen on one date in one language;
:func:`prepare` makes it from the report notebook's parameters. The functions
below return plain pandas tables and counts that the sections
(:mod:`labkit.report.html`) print and that charts can draw. They take
in-memory objects only and never open a file except through
:func:`labkit.load`.

People are named only when they may be named (:meth:`Report.named`: a public
source names them or they consented, see :meth:`Report.named_basis`); everyone
else has a pseudonym (:func:`labkit.network.graph.participant_label`) or no label.
"""

from __future__ import annotations

import datetime as dt
import functools
import os

import pandas as pd

from ..analytics.composition import participating_organisations
from ..data.schema import is_reading
from ..views import parameters
from ..network.graph import organisation_coattendance, participant_label
from .text import STRINGS, format_month

NONFACT = ("illustrative", "synthetic")
INSIGHT_ORDER = ("topic", "question", "ingredient", "example", "future", "idea", "entry_point",
                 "conclusion", "expectation")
QUOTE_CATEGORIES = ("wish", "statement", "network", "learning", "inspiration", "method")
STALLED_AFTER = dt.timedelta(days=365)
COMMITMENT_ORDER = ("roadmap_step", "target", "indicator", "case", "idea", "policy_target")

DATA_TABLES = ("themes", "sessions", "participants", "organisations", "attendance", "invitations",
               "collaborations", "insights", "cases", "quotes", "commitments",
               "commitment_owners", "commitment_updates", "commitment_sdgs",
               "commitment_dimensions")
SOURCE_KINDS = ("report", "classification", "reference", "import", "illustrative", "synthetic")


# --------------------------------------------------------------------------- the report

class Report:
    """One theme of a programme, seen on one date, in one language."""

    def __init__(self, programme, theme: str, *, as_of: dt.date, lang: str = "nl",
                 facts_only: bool = False, as_of_given: bool = True):
        self.programme = programme
        self.theme = theme
        self.as_of = as_of
        self.lang = lang
        self.facts_only = facts_only
        self.as_of_given = as_of_given
        self.t = STRINGS[lang]

    # -- scoped tables
    @functools.cached_property
    def theme_row(self):
        return self.programme.themes.set_index("id").loc[self.theme]

    @functools.cached_property
    def sessions(self) -> pd.DataFrame:
        s = self.programme.sessions
        return s[s["theme_id"] == self.theme].sort_values(["order", "month", "id"])

    @functools.cached_property
    def attendance(self) -> pd.DataFrame:
        a = self.programme.attendance
        return a[a["session_id"].isin(self.sessions["id"])]

    @functools.cached_property
    def people(self) -> pd.DataFrame:
        p = self.programme.participants
        return p[p["id"].isin(self.attendance["participant_id"])]

    @functools.cached_property
    def commitments(self) -> pd.DataFrame:
        c = self.programme.commitments
        c = c[c["theme_id"] == self.theme]
        # the report's own steps first, then targets, indicators, cases and ideas
        rank = c["kind"].map({k: i for i, k in enumerate(COMMITMENT_ORDER)})
        return c.assign(_rank=rank).sort_values(["stage_id", "_rank", "id"]).drop(columns="_rank")

    def _by_commitment(self, table: str) -> pd.DataFrame:
        df = self.programme.tables[table]
        return df[df["commitment_id"].isin(self.commitments["id"])]

    def _theme_rows(self, table: str) -> pd.DataFrame:
        df = self.programme.tables[table]
        return df[df["theme_id"] == self.theme]

    def _by_session(self, table: str) -> pd.DataFrame:
        df = self.programme.tables[table]
        return df[df["session_id"].isin(self.sessions["id"])]

    def scoped(self, table: str) -> pd.DataFrame:
        """The rows of ``table`` that belong to this theme."""
        cache = self.__dict__.setdefault("_scoped", {})
        if table not in cache:
            cache[table] = self._scope(table)
        return cache[table]

    def _scope(self, table: str) -> pd.DataFrame:
        if table == "sessions":
            return self.sessions
        if table == "attendance":
            return self.attendance
        if table == "participants":
            return self.people
        if table == "organisations":
            o = self.programme.organisations
            return o[o["id"].isin(self.people["organisation_id"].dropna())]
        if table in ("collaborations", "cases"):
            return self._by_session(table)
        if table.startswith("commitment_"):
            return self._by_commitment(table)
        if table == "commitments":
            return self.commitments
        if table == "themes":
            return self.programme.themes[self.programme.themes["id"] == self.theme]
        return self._theme_rows(table)

    # -- labels
    @functools.cached_property
    def _participants(self) -> pd.DataFrame:
        return self.programme.participants.set_index("id")

    def label(self, pid) -> str:
        """A participant's public label: the name only when they may be named."""
        if not isinstance(pid, str) or pid not in self._participants.index:
            return self.t["anonymous"]
        row = self._participants.loc[pid]
        name = row["name"] if isinstance(row["name"], str) else None
        return participant_label(pid, name, bool(row["consent_named"]))

    def named(self, pid) -> str | None:
        """The name of a participant who may be named (consent_named), else None."""
        if not isinstance(pid, str) or pid not in self._participants.index:
            return None
        row = self._participants.loc[pid]
        return row["name"] if bool(row["consent_named"]) and isinstance(row["name"], str) else None

    def named_basis(self, pid) -> str | None:
        """Why a named participant may be named: 'public-source', 'consent' or None (not said)."""
        if self.named(pid) is None:
            return None
        basis = self._participants.loc[pid].get("named_basis")
        return basis if isinstance(basis, str) else None

    def position(self, pid) -> str | None:
        """A named participant's position as the public source gives it, else None."""
        if self.named(pid) is None:
            return None
        pos = self._participants.loc[pid].get("position_nl")
        return pos if isinstance(pos, str) and pos else None

    @functools.cached_property
    def organisations_taking_part(self) -> dict:
        """``participating`` and ``hosting`` organisation ids (see
        :func:`labkit.analytics.composition.participating_organisations`)."""
        return participating_organisations(self.programme, theme=self.theme)

    @functools.cached_property
    def org_names(self) -> dict:
        o = self.programme.organisations
        return dict(zip(o["id"], o["name"]))

    @functools.cached_property
    def org_sector(self) -> dict:
        o = self.programme.organisations
        return dict(zip(o["id"], o["sector"]))

    @functools.cached_property
    def person_org(self) -> dict:
        p = self.programme.participants
        return {i: o for i, o in zip(p["id"], p["organisation_id"]) if isinstance(o, str)}

    @functools.cached_property
    def sectors(self) -> pd.DataFrame:
        return self.programme.sectors.sort_values("order")

    def sector_name(self, sid) -> str:
        s = self.sectors.set_index("id")
        return s.loc[sid, self.t["name_field"]] if sid in s.index else str(sid)

    @property
    def has_sessions(self) -> bool:
        return len(self.sessions) > 0

    @property
    def has_attendance(self) -> bool:
        return len(self.attendance) > 0

    # -- the programme's own words and kinds of table
    @functools.cached_property
    def words(self) -> dict[str, str]:
        """Title, subtitle, introduction, organiser, period (see :meth:`Programme.words`)."""
        return self.programme.words(self.lang)

    def kicker(self) -> str:
        """``Title · Subtitle``: the line above every report's heading."""
        return " · ".join(x for x in (self.words["title"], self.words["subtitle"]) if x)

    @functools.cached_property
    def kinds(self) -> pd.DataFrame:
        """The programme's kinds of table, in order."""
        return self.programme.table_kinds.sort_values(["order", "id"]).reset_index(drop=True)

    def kind_name(self, kind) -> str:
        """A kind of table's name in the report's language (the other language, or the id, if empty)."""
        k = self.kinds.set_index("id")
        if kind not in k.index:
            return str(kind)
        other = "name_en" if self.t["name_field"] == "name_nl" else "name_nl"
        for field in (self.t["name_field"], other):
            value = k.loc[kind, field]
            if isinstance(value, str) and value:
                return value
        return str(kind)

    def kind_description(self, kind) -> str:
        k = self.kinds.set_index("id")
        lang_field, other = (("description_nl", "description_en") if self.lang == "nl"
                             else ("description_en", "description_nl"))
        for field in (lang_field, other):
            value = k.loc[kind, field] if kind in k.index else None
            if isinstance(value, str) and value:
                return value
        return ""

    def theme_name(self) -> str:
        return self.theme_row[self.t["name_field"]]

    def nonfact(self, *tables: str) -> dict[str, list[str]]:
        """For each non-fact source kind, the tables whose scoped rows use it."""
        out: dict[str, list[str]] = {}
        for name in tables:
            df = self.scoped(name)
            for kind in NONFACT:
                if "source" in df.columns and (df["source"] == kind).any():
                    out.setdefault(kind, []).append(self.t["tables"].get(name, name))
        return out


def prepare(*, theme: str = "", data_dir: str = "", as_of: str = "", lang: str = "nl",
            facts_only: bool = False, environ=None) -> Report:
    """Check the notebook's parameters, load the data and return the :class:`Report`.

    Under Voilà (no parameters injected, ``theme`` empty) the theme and
    language come from the URL (see :func:`labkit.views.parameters.resolve`); a
    preheated kernel loads the data, then waits for the request that carries
    the URL (:func:`labkit.views.parameters.wait_for_request`).
    """
    given = parameters.check_parameters({"theme": theme, "data_dir": data_dir, "as_of": as_of,
                                         "lang": lang, "facts_only": facts_only})
    programme = load_cached(given["data_dir"] or parameters.default_data_dir())
    if not given["theme"] and environ is None:
        parameters.wait_for_request()  # a preheated Voilà kernel: data loaded, now the URL
    p = parameters.resolve(given, programme, environ=os.environ if environ is None else environ)
    if p["facts_only"]:
        programme = programme.replace(**facts_only_tables(programme.tables))
    return Report(programme, p["theme"], as_of=dt.date.fromisoformat(p["as_of"]), lang=p["lang"],
                  facts_only=p["facts_only"], as_of_given=bool(given["as_of"]))


_CACHE: dict = {}


def load_cached(path):
    """:func:`labkit.load`, reused while no file in ``path`` changed.

    A warm kernel (``labkit reports``) renders many themes of one package:
    loading and validating it, and building its graph, once is enough. The
    key holds every file's size and modification time, so an edited package
    is read again.
    """
    from ..data.model import load
    folder = os.path.abspath(path)
    try:
        key = (folder, tuple(sorted((e.name, e.stat().st_size, e.stat().st_mtime_ns)
                                    for e in os.scandir(folder) if e.is_file())))
    except OSError:
        return load(path)  # let load() report the missing folder
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = load(path)
    return _CACHE[key]


def facts_only_tables(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The tables without illustrative and synthetic rows."""
    return {name: (df[~df["source"].isin(NONFACT)].reset_index(drop=True)
                   if "source" in df.columns else df)
            for name, df in tables.items()}



# --------------------------------------------------------------------------- section data

def session_table(r: Report) -> pd.DataFrame:
    """The theme's sessions with their number of participants."""
    s = r.sessions
    counts = r.attendance.groupby("session_id")["participant_id"].nunique()
    return pd.DataFrame({
        "id": s["id"].tolist(),
        "table": [r.kind_name(k) for k in s["kind"]],
        "track": [r.t["track"].get(x, "") if isinstance(x, str) else "" for x in s["track"]],
        "month": [format_month(m, r.lang).replace(" ", "\u00a0") for m in s["month"]],
        "month_reading": [is_reading(x, src) for x, src in
                          zip(s.get("month_source", pd.Series([None] * len(s))), s["source"])],
        "title": s["title_nl"].tolist(),
        "participants": [int(counts.get(i, 0)) for i in s["id"]],
    })


def sector_table(r: Report) -> pd.DataFrame:
    """Per sector (in order): organisations that took part and participants.

    An organisation only the host or organisers came from is left out (see
    :attr:`Report.organisations_taking_part`); its people still count.
    """
    people = r.people["id"].tolist()
    orgs = sorted(r.organisations_taking_part["participating"],
                  key=lambda o: r.org_names.get(o, o).casefold())
    rows = []
    for s in r.sectors.itertuples(index=False):
        in_sector = [o for o in orgs if r.org_sector.get(o) == s.id]
        n_people = sum(1 for p in people if r.org_sector.get(r.person_org.get(p)) == s.id)
        rows.append({"sector": s.id, "name": getattr(s, r.t["name_field"]),
                     "organisations": len(in_sector), "participants": n_people,
                     "names": [r.org_names[o] for o in in_sector]})
    return pd.DataFrame(rows, columns=["sector", "name", "organisations", "participants", "names"])


def stage_table(r: Report) -> pd.DataFrame:
    """Per kind of table, in order: attendance, newcomers and the growing network."""
    order = dict(zip(r.sessions["id"], r.sessions["order"]))
    att = r.attendance.assign(stage=r.attendance["session_id"].map(order))
    first = att.groupby("participant_id")["stage"].min()
    G = r.programme.graph
    rows = []
    for stage, group in r.sessions.groupby("order", sort=True):
        here = set(att[att["stage"] == stage]["participant_id"])
        new = {p for p in here if first[p] == stage}
        upto = r.sessions[r.sessions["order"] <= stage]["id"].tolist()
        H = organisation_coattendance(G, theme=r.theme, sessions=upto)
        cross = sum(1 for u, v in H.edges() if H.nodes[u]["sector"] != H.nodes[v]["sector"])
        rows.append({"stage": int(stage), "table": r.kind_name(group["kind"].iloc[0]),
                     "sessions": len(group), "participants": len(here), "new": len(new),
                     "returning": len(here - new), "organisations": H.number_of_nodes(),
                     "ties": H.number_of_edges(), "cross_sector": cross})
    return pd.DataFrame(rows, columns=["stage", "table", "sessions", "participants", "new",
                                       "returning", "organisations", "ties", "cross_sector"])


def continuity(r: Report) -> dict:
    """How many came to all kinds of table, only the first, part of them, or later."""
    order = dict(zip(r.sessions["id"], r.sessions["order"]))
    stages = sorted(set(order.values()))
    seen = r.attendance.assign(stage=r.attendance["session_id"].map(order)).groupby(
        "participant_id")["stage"].apply(lambda s: tuple(sorted(set(s))))
    out = {"all": 0, "start": 0, "partial": 0, "later": 0}
    for st in seen:
        if st == tuple(stages):
            out["all"] += 1
        elif st[0] != stages[0]:
            out["later"] += 1
        elif st == (stages[0],):
            out["start"] += 1
        else:
            out["partial"] += 1
    return out


def brokers(r: Report, top: int = 5) -> pd.DataFrame:
    """Organisations with collaboration ties to the most other sectors (a plain count)."""
    col = r.scoped("collaborations")
    other: dict[str, set] = {}
    ties: dict[str, int] = {}
    for a, b in zip(col["from_organisation_id"], col["to_organisation_id"]):
        sa, sb = r.org_sector.get(a), r.org_sector.get(b)
        for o, s_self, s_other in ((a, sa, sb), (b, sb, sa)):
            ties[o] = ties.get(o, 0) + 1
            if s_other != s_self:
                other.setdefault(o, set()).add(s_other)
    rows = [{"organisation": r.org_names.get(o, o), "sector": r.sector_name(r.org_sector.get(o)),
             "other_sectors": len(s), "ties": ties[o]} for o, s in other.items()]
    df = pd.DataFrame(rows, columns=["organisation", "sector", "other_sectors", "ties"])
    if not len(df):
        return df
    df = df.assign(key=df["organisation"].str.casefold()).sort_values(
        ["other_sectors", "ties", "key"], ascending=[False, False, True])
    return df.drop(columns="key").head(top).reset_index(drop=True)


def commitment_status(r: Report) -> pd.DataFrame:
    """Every commitment of the theme with its status on ``as_of``.

    Columns: id, stage_id, kind, title, horizon, horizon_reading (the year is
    the project's reading, not the report's), status (None before any update),
    progress, last_update, lead (organisation name), stalled.
    """
    c = r.commitments
    upd = r.scoped("commitment_updates")
    upd = upd[upd["date"].dt.date <= r.as_of].sort_values(["commitment_id", "date"])
    last = upd.groupby("commitment_id").tail(1).set_index("commitment_id")
    own = r.scoped("commitment_owners")
    lead = {cid: r.org_names.get(o, o) for cid, o, role in
            zip(own["commitment_id"], own["organisation_id"], own["role"]) if role == "lead"}
    rows = []
    for row in c.itertuples(index=False):
        u = last.loc[row.id] if row.id in last.index else None
        status = None if u is None else u["status"]
        when = None if u is None else u["date"].date()
        stalled = status == "stalled" or (
            status not in ("completed", "dropped") and when is not None
            and r.as_of - when > STALLED_AFTER)
        rows.append({"id": row.id, "stage_id": row.stage_id, "kind": row.kind,
                     "title": getattr(row, r.t["title_field"]),
                     "horizon": None if pd.isna(row.horizon) else int(row.horizon),
                     "horizon_reading": is_reading(getattr(row, "horizon_source", None), row.source),
                     "status": status, "progress": None if u is None else int(u["progress"]),
                     "last_update": when, "lead": lead.get(row.id), "stalled": bool(stalled)})
    # object columns: a missing horizon or progress stays None instead of turning ints into floats
    df = pd.DataFrame(rows, columns=["id", "stage_id", "kind", "title", "horizon", "horizon_reading",
                                     "status", "progress", "last_update", "lead", "stalled"], dtype=object)
    return df.astype({"stalled": bool, "horizon_reading": bool})


def coverage(r: Report) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Commitments per brede-welvaart dimension and per SDG (all SDGs, in order)."""
    dims = r.scoped("commitment_dimensions")["dimension"].value_counts()
    wd = r.programme.welfare_dimensions
    d = pd.DataFrame({"id": wd["id"], "name": wd[r.t["name_field"]],
                      "commitments": [int(dims.get(i, 0)) for i in wd["id"]]})
    sdg_counts = r.scoped("commitment_sdgs")["sdg"].value_counts()
    s = r.programme.sdgs.sort_values("number")
    sd = pd.DataFrame({"number": s["number"].astype(int), "name": s[r.t["name_field"]],
                       "commitments": [int(sdg_counts.get(n, 0)) for n in s["number"]]})
    return d.reset_index(drop=True), sd.reset_index(drop=True)


def provenance(r: Report) -> pd.DataFrame:
    """Rows of this theme per table and kind of source."""
    rows = []
    for name in DATA_TABLES:
        df = r.scoped(name)
        kinds = df["source"].str.split(":").str[0].value_counts() if len(df) else {}
        rows.append({"table": name, **{k: int(kinds.get(k, 0)) for k in SOURCE_KINDS}})
    return pd.DataFrame(rows, columns=["table", *SOURCE_KINDS])


def one_line(r: Report) -> str:
    """A one-line summary of the theme for the index page (plain text)."""
    t = r.t
    cs = commitment_status(r)
    if not r.has_sessions and not len(cs):
        return t["sessions_none"]
    return t["index_line"].format(
        sessions=len(r.sessions), people=r.people["id"].nunique(),
        orgs=len(r.organisations_taking_part["participating"]),
        commitments=len(cs), done=int((cs["status"] == "completed").sum()))
