"""Chart-ready frames for one theme of a programme, shared by the dashboard and the reports.

:class:`ThemeData` computes each projection, layout and measure once per
theme and language-independent; its ``*_frame`` methods add translated labels
for :mod:`labkit.views.charts`. Filters (sector, table) only select from what was
computed, so a filter change redraws without recomputing.
"""

from __future__ import annotations

import functools

import networkx as nx
import numpy as np
import pandas as pd

from .. import analytics
from ..network import graph
from ..data.schema import is_reading
from ..i18n import ROLES, STATUS, TRACKS, join_words, t

MONTHS = {"nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                  "oktober", "november", "december"],
          "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                 "October", "November", "December"]}
#: How many organisations the network map names beside their dot.
LABELS = 6
#: Above this many ties the network map draws only the strongest, and says so.
MAX_EDGES = 2500


def _segments(edges, pos) -> dict:
    """Line ends of ``(u, v, ...)`` edges at positions ``pos``, as chart columns."""
    return {"x": [float(pos[e[0]][0]) for e in edges], "y": [float(pos[e[0]][1]) for e in edges],
            "x2": [float(pos[e[1]][0]) for e in edges], "y2": [float(pos[e[1]][1]) for e in edges]}


def force_layout(H: nx.Graph, *, seed: int = 2021, weight: str = "weight") -> dict:
    """Node -> (x, y) in [0, 1], reproducible for the same graph and seed."""
    import random

    import igraph as ig
    nodes = list(H.nodes)
    if not nodes:
        return {}
    index = {n: i for i, n in enumerate(nodes)}
    g = ig.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in H.edges])
    weights = [float(d.get(weight, 1.0)) for _, _, d in H.edges(data=True)]
    start = np.random.default_rng(seed).uniform(-1, 1, size=(len(nodes), 2)).tolist()
    ig.set_random_number_generator(random.Random(seed))
    try:
        pos = np.asarray(g.layout_fruchterman_reingold(weights=weights or None, seed=start, niter=500).coords)
    finally:
        ig.set_random_number_generator(random)
    span = pos.max(axis=0) - pos.min(axis=0)
    pos = (pos - pos.min(axis=0)) / np.where(span > 0, span, 1)
    return {n: (float(x), float(y)) for n, (x, y) in zip(nodes, pos)}


class ThemeData:
    """Everything the dashboard and the reports draw for one theme."""

    def __init__(self, programme, theme: str):
        if theme not in set(programme.themes["id"]):
            raise ValueError(f"unknown theme {theme!r}")
        self.p = programme
        self.theme = theme
        self.G = programme.graph

    # ---------------------------------------------------------------- computed once
    @functools.cached_property
    def sessions(self) -> pd.DataFrame:
        s = self.p.sessions
        return s[s["theme_id"] == self.theme].sort_values(["order", "id"]).reset_index(drop=True)

    @property
    def has_sessions(self) -> bool:
        return len(self.sessions) > 0

    @functools.cached_property
    def coattendance(self) -> nx.Graph:
        return graph.organisation_coattendance(self.G, theme=self.theme)

    @functools.cached_property
    def collaboration(self) -> nx.DiGraph:
        return graph.organisation_collaboration(self.G, theme=self.theme, directed=True)

    @functools.cached_property
    def layout(self) -> dict:
        """Seeded Fruchterman-Reingold positions of the whole theme's network.

        Computed once per theme, so filters never move a dot. igraph's C
        implementation: NetworkX's took 10 s at 1,000 organisations here.
        """
        return force_layout(self.coattendance)

    @functools.cached_property
    def roles(self) -> pd.DataFrame:
        D = self.collaboration
        if D.number_of_nodes() == 0:
            return pd.DataFrame(columns=["coordinator", "itinerant", "representative", "gatekeeper",
                                         "liaison", "total"])
        return analytics.brokerage_roles(D, attr="sector")

    @functools.cached_property
    def main_role(self) -> dict:
        roles = self.roles.drop(columns="total", errors="ignore")
        out = {}
        for node, row in roles.iterrows():
            out[node] = row.idxmax() if row.max() > 0 else ""
        return out

    @functools.cached_property
    def centrality(self) -> dict:
        H = self.coattendance
        return {
            "degree": dict(H.degree(weight="weight")),
            "betweenness": analytics.betweenness(H) if H.number_of_nodes() else {},
        }

    @functools.cached_property
    def organisations_taking_part(self) -> dict:
        """``participating`` and ``hosting`` organisation ids: an organisation only the
        host or organisers came from does not count as taking part (the report's count)."""
        return analytics.composition.participating_organisations(self.G, theme=self.theme)

    @functools.cached_property
    def illustrative(self) -> bool:
        """Whether anything shown for this theme rests on illustrative or synthetic rows."""
        sess = set(self.sessions["id"])
        att = self.p.attendance[self.p.attendance["session_id"].isin(sess)]
        com = self.p.commitments[self.p.commitments["theme_id"] == self.theme]
        upd = self.p.commitment_updates[self.p.commitment_updates["commitment_id"].isin(com["id"])]
        flagged = ("illustrative", "synthetic")
        return bool(att["source"].isin(flagged).any() or upd["source"].isin(flagged).any()
                    or com["source"].isin(flagged).any())

    @functools.cached_property
    def synthetic(self) -> bool:
        return bool((self.p.themes["source"] == "synthetic").any()
                    or (self.sessions["source"] == "synthetic").any())

    def subtitle(self, lang: str = "nl") -> str:
        """The theme's name and its host (person and organisation), as plain text: the
        dashboard's header and the published page's say the same."""
        row = self.p.themes.set_index("id").loc[self.theme]
        out = row["name_en"] if lang == "en" else row["name_nl"]
        host = self.G.nodes[f"person:{row['host_participant_id']}"]["label"] \
            if isinstance(row["host_participant_id"], str) else None
        org = self.G.nodes[f"org:{row['host_organisation_id']}"]["label"] \
            if isinstance(row["host_organisation_id"], str) else None
        if host or org:
            out += f" · {t('host', lang)}: " + (f"{host} ({org})" if host and org else host or org)
        return out

    def cards(self, lang: str = "nl") -> list[tuple[int, str]]:
        """The four figures above the first tab: sessions, organisations taking part (as the
        report counts them: the host's organisation only when it took part), participants and
        commitments; the dashboard and the published page show the same."""
        att = self.p.attendance[self.p.attendance["session_id"].isin(set(self.sessions["id"]))]
        return [(len(self.sessions), t("sessions", lang)),
                (len(self.organisations_taking_part["participating"]), t("organisations", lang)),
                (int(att["participant_id"].nunique()), t("participants", lang)),
                (len(self.commitments()), t("commitments", lang))]

    def notices(self, lang: str = "nl") -> list[str]:
        """What a reader must know before the figures: synthetic or illustrative data, no sessions."""
        out = []
        if self.synthetic:
            out.append(t("synthetic_notice", lang))
        elif self.illustrative:
            out.append(t("illustrative_notice", lang))
        if not self.has_sessions:
            out.append(t("no_sessions", lang))
        return out

    @property
    def has_attendance(self) -> bool:
        return bool(self.p.attendance["session_id"].isin(set(self.sessions["id"])).any())

    @property
    def has_roadmap(self) -> bool:
        """Whether the programme has roadmap stages (a programme may have none)."""
        return len(self.p.roadmap_stages) > 0

    # ---------------------------------------------------------------- labels
    def kinds(self) -> list[str]:
        """The kinds of table this theme held, in the programme's order (``table_kinds``)."""
        order = self.p.table_kinds.sort_values(["order", "id"])["id"].tolist()
        held = list(dict.fromkeys(self.sessions["kind"]))
        return [k for k in order if k in held] + [k for k in held if k not in order]

    def kind_label(self, kind: str, lang: str = "nl") -> str:
        """A kind of table's name in ``lang`` (the other language, or its id, when empty)."""
        k = self.p.table_kinds.set_index("id")
        if kind in k.index:
            for field in (f"name_{lang}", "name_en" if lang == "nl" else "name_nl"):
                if isinstance(k.loc[kind, field], str) and k.loc[kind, field]:
                    return k.loc[kind, field]
        return str(kind)

    def stage_labels(self, lang: str = "nl") -> list[str]:
        """Every roadmap stage's label (``1. Name``), in order."""
        return [self.stage_label(i, lang) for i in self.p.roadmap_stages.sort_values("number")["id"]]

    def stage_label(self, stage_id, lang: str = "nl") -> str:
        """``1. Name`` of a roadmap stage; the words for 'no stage' when there is none."""
        stages = self.p.roadmap_stages.set_index("id")
        if not isinstance(stage_id, str) or stage_id not in stages.index:
            return t("stage_none", lang)
        st = stages.loc[stage_id]
        return f"{int(st['number'])}. " + (st["name_nl"] if lang == "nl" else st["name_en"])

    def sectors_frame(self, lang: str = "nl") -> pd.DataFrame:
        s = self.p.sectors.sort_values("order")
        return pd.DataFrame({"id": s["id"], "label": s["name_nl" if lang == "nl" else "name_en"],
                             "order": s["order"]}).reset_index(drop=True)

    def _sector_label(self, lang):
        return dict(zip(*self.sectors_frame(lang)[["id", "label"]].T.values))

    def organisations(self, lang: str = "nl") -> pd.DataFrame:
        """The theme's organisations: node id, name, sector label, main role, centralities."""
        H = self.coattendance
        lab = self._sector_label(lang)
        rows = [{"id": n, "label": d["label"], "sector": d["sector"],
                 "sector_label": lab.get(d["sector"], d["sector"]),
                 "role": ROLES[lang].get(self.main_role.get(n, ""), ""),
                 "degree": self.centrality["degree"].get(n, 0),
                 "betweenness": self.centrality["betweenness"].get(n, 0.0)}
                for n, d in H.nodes(data=True)]
        return pd.DataFrame(rows, columns=["id", "label", "sector", "sector_label", "role", "degree",
                                           "betweenness"])

    # ---------------------------------------------------------------- frames
    def network_frames(self, *, sector: str | None = None, table: str | None = None,
                       size_by: str = "degree", lang: str = "nl"):
        """Nodes and edges for :func:`labkit.views.charts.network_map`.

        ``sector`` highlights one sector's organisations and their direct
        partners; ``table`` keeps the ties formed at that kind of table only.
        """
        H = self.coattendance
        if table is not None:
            sess = set(self.sessions[self.sessions["kind"] == table]["id"])
            H = graph.organisation_coattendance(self.G, theme=self.theme, sessions=sess)
        nodes = self.organisations(lang)
        nodes = nodes[nodes["id"].isin(list(H.nodes))].copy()
        nodes["x"] = [self.layout[n][0] for n in nodes["id"]]
        nodes["y"] = [self.layout[n][1] for n in nodes["id"]]
        nodes["size"] = nodes[size_by] if size_by in nodes else nodes["degree"]
        if sector:
            keep = set(nodes[nodes["sector"] == sector]["id"])
            near = {v for u in keep for v in H.neighbors(u)}
            nodes["selected"] = nodes["id"].isin(keep | near)
        else:
            nodes["selected"] = True
        # Name the bridges: who connected the others is what a reader asks first.
        ranked = nodes[nodes["selected"]].sort_values(["betweenness", "label"], ascending=[False, True])
        nodes["show_label"] = nodes["id"].isin(set(ranked["id"].head(LABELS)))
        edges = [(u, v, d["weight"]) for u, v, d in H.edges(data=True)
                 if not sector or u in keep or v in keep]
        edges.sort(key=lambda e: (-e[2], e[0], e[1]))
        truncated = len(edges) > MAX_EDGES
        edges = edges[:MAX_EDGES]
        e = pd.DataFrame({**_segments(edges, self.layout), "weight": [w for _, _, w in edges]})
        nodes.attrs["truncated"] = truncated
        return nodes.reset_index(drop=True), e

    def ego_frames(self, node: str, *, lang: str = "nl"):
        """An organisation and its direct partners, laid out on their own."""
        H = self.coattendance
        if node not in H:
            raise ValueError(f"{node!r} did not attend any session of {self.theme!r}")
        ego = H.subgraph([node, *H.neighbors(node)])
        pos = nx.spring_layout(ego, seed=2021, weight="weight")
        nodes = self.organisations(lang)
        nodes = nodes[nodes["id"].isin(list(ego.nodes))].copy()
        nodes["x"] = [float(pos[n][0]) for n in nodes["id"]]
        nodes["y"] = [float(pos[n][1]) for n in nodes["id"]]
        nodes["size"] = [ego.degree(n, weight="weight") for n in nodes["id"]]
        nodes["selected"] = True
        ties = list(ego.edges(data="weight"))
        edges = pd.DataFrame({**_segments(ties, pos), "weight": [w for _, _, w in ties]})
        return nodes.reset_index(drop=True), edges

    def explorer_frames(self, lang: str = "nl"):
        """Nodes and edges for :func:`labkit.views.charts.network_explorer`: every filter's
        answer is in the data, so the browser filters without a new spec."""
        H = self.coattendance
        kinds = self.kinds()
        per_kind = {k: graph.organisation_coattendance(
            self.G, theme=self.theme, sessions=set(self.sessions[self.sessions["kind"] == k]["id"]))
            for k in kinds}
        nodes = self.organisations(lang)
        nodes["x"] = [self.layout[n][0] for n in nodes["id"]]
        nodes["y"] = [self.layout[n][1] for n in nodes["id"]]
        sector = dict(zip(nodes["id"], nodes["sector"]))
        nodes["near"] = ["|" + "|".join(sorted({sector[n], *(sector[v] for v in H.neighbors(n))})) + "|"
                         for n in nodes["id"]]
        nodes["tables"] = ["|" + "|".join(k for k in kinds if n in per_kind[k]) + "|" for n in nodes["id"]]
        top = nodes.sort_values(["betweenness", "label"], ascending=[False, True])["id"].head(LABELS)
        nodes["show_label"] = nodes["id"].isin(set(top))
        edges = sorted(H.edges(data="weight"), key=lambda e: (-e[2], e[0], e[1]))
        truncated = len(edges) > MAX_EDGES
        edges = edges[:MAX_EDGES]
        e = pd.DataFrame({**_segments(edges, self.layout),
                          "s1": [sector[u] for u, _, _ in edges], "s2": [sector[v] for _, v, _ in edges],
                          "w_all": [w for _, _, w in edges]})
        for k in kinds:
            Hk = per_kind[k]
            e[f"w_{k}"] = [Hk.edges[u, v]["weight"] if Hk.has_edge(u, v) else 0 for u, v, _ in edges]
        nodes.attrs["truncated"] = truncated
        return nodes.reset_index(drop=True), e

    def ego_explorer_frames(self, lang: str = "nl"):
        """Nodes and edges for :func:`labkit.views.charts.ego_explorer`: every organisation's
        partners and ties, at their places on the theme's network map, so that a page
        without a kernel shows any organisation's own network by setting one parameter."""
        H = self.coattendance
        nodes = self.organisations(lang)
        pos = {n: (round(x, 4), round(y, 4)) for n, (x, y) in self.layout.items()}  # a tenth of a pixel
        nodes["x"] = [pos[n][0] for n in nodes["id"]]
        nodes["y"] = [pos[n][1] for n in nodes["id"]]
        nodes["betweenness"] = nodes["betweenness"].round(4)
        nodes["partners"] = ["|" + "|".join(sorted(H.neighbors(n))) + "|" for n in nodes["id"]]
        top = nodes.sort_values(["betweenness", "label"], ascending=[False, True])["id"].head(LABELS)
        nodes["show_label"] = nodes["id"].isin(set(top))
        ties = sorted(H.edges(data="weight"), key=lambda e: (e[0], e[1]))
        edges = pd.DataFrame({"u": [u for u, _, _ in ties], "v": [v for _, v, _ in ties],
                              "x": [pos[u][0] for u, _, _ in ties], "y": [pos[u][1] for u, _, _ in ties],
                              "x2": [pos[v][0] for _, v, _ in ties], "y2": [pos[v][1] for _, v, _ in ties],
                              "weight": [w for _, _, w in ties]})
        return nodes.reset_index(drop=True), edges

    def composition_frame(self, lang: str = "nl") -> pd.DataFrame:
        comp = analytics.sector_composition(self.G, theme=self.theme, by="session")
        sectors = self.sectors_frame(lang)
        lab = dict(zip(sectors["id"], sectors["label"]))
        order = dict(zip(sectors["id"], sectors["order"]))
        s = self.sessions.set_index("id")
        comp = comp[comp["organisations"] > 0].copy()
        comp["group_label"] = [self._session_label(g, lang) for g in comp["group"]]
        comp["order"] = [int(s.loc[g, "order"]) * 10 + list(s.index).index(g) for g in comp["group"]]
        comp["sector_label"] = comp["sector"].map(lab).fillna(comp["sector"])
        comp["sector_order"] = comp["sector"].map(order)
        return comp.reset_index(drop=True)

    def _session_label(self, sid: str, lang: str) -> str:
        s = self.sessions.set_index("id").loc[sid]
        label = self.kind_label(s["kind"], lang)
        if isinstance(s["track"], str):
            label += f" · {TRACKS[lang].get(s['track'], s['track'])}"
        year, month = s["month"].split("-")
        reading = f", {t('reading', lang)}" if is_reading(s.get("month_source"), s["source"]) else ""
        return f"{label} ({MONTHS[lang][int(month) - 1]} {year}{reading})"

    def missing_sectors(self, lang: str = "nl") -> dict:
        lab = self._sector_label(lang)
        miss = analytics.missing_sectors(self.G, theme=self.theme, by="session")
        return {self._session_label(k, lang): [lab.get(s, s) for s in v] for k, v in miss.items()}

    def mixing_frame(self, lang: str = "nl") -> pd.DataFrame:
        H = self.coattendance
        m = analytics.mixing_matrix(H, attr="sector")
        lab = self._sector_label(lang)
        order = [s for s in self.sectors_frame(lang)["id"] if s in m.index]
        m = m.loc[order, order]
        m.index = [lab[s] for s in m.index]
        m.columns = [lab[s] for s in m.columns]
        return m

    @functools.cached_property
    def ei_chance(self) -> dict:
        """The E-I index of the co-attendance network against random sector labels
        (:func:`labkit.analytics.ei_index_permutation`, 1,000 seeded shuffles:
        some 20 ms for 40 organisations), whole network and per sector."""
        return analytics.ei_index_permutation(self.coattendance, attr="sector")

    @functools.cached_property
    def ei_chance_collaboration(self) -> dict | None:
        """The same for the collaboration network, where the theme has collaborations."""
        D = self.collaboration
        return analytics.ei_index_permutation(D, attr="sector") if D.number_of_edges() else None

    def ei_frame(self, lang: str = "nl") -> pd.DataFrame:
        """Per sector, in the sectors' order: the E-I index (``ei``) beside what chance gives
        (``expected``, the 95 % range ``low``-``high``, ``p_value``) and the verdict
        (``more``, ``less``, ``as_chance``) with its label."""
        by_group = self.ei_chance["by_group"]
        lab = self._sector_label(lang)
        rows = []
        for sector in [s for s in self.sectors_frame(lang)["id"] if s in by_group]:
            g = by_group[sector] or {}
            verdict = analytics.describe_against_chance(g, label=lab.get(sector, sector))["verdict"] \
                if g.get("observed") is not None else None
            rows.append({"sector": sector, "sector_label": lab.get(sector, sector),
                         **{k: np.nan if g.get(k) is None else g[k]
                            for k in ("observed", "expected", "low", "high", "p_value")},
                         "verdict": verdict, "verdict_label": t(f"chance_{verdict}", lang) if verdict else ""})
        df = pd.DataFrame(rows, columns=["sector", "sector_label", "observed", "expected", "low", "high",
                                         "p_value", "verdict", "verdict_label"])
        return df.rename(columns={"observed": "ei"})

    def chance_sentences(self, lang: str = "nl") -> list[str]:
        """Plain sentences, each with its numbers: did the organisations sit (and work)
        with other sectors more, less or as often as chance would give, and which sectors
        differ from chance (or that none does)."""
        if self.coattendance.number_of_edges() == 0:
            return []
        out = [analytics.describe_against_chance(self.ei_chance, network="coattendance")[lang]]
        differ = self.ei_frame(lang)
        differ = differ[differ["verdict"].isin(["more", "less"])]
        for r in differ.itertuples(index=False):
            g = self.ei_chance["by_group"][r.sector]
            out.append(analytics.describe_against_chance(g, label=r.sector_label)[lang])
        if differ.empty and len(self.ei_chance["by_group"]) > 1:
            out.append(t("chance_no_sector", lang))
        if self.ei_chance_collaboration is not None:
            out.append(analytics.describe_against_chance(self.ei_chance_collaboration,
                                                         network="collaboration")[lang])
        return out

    @functools.cached_property
    def round_change(self) -> dict:
        """:func:`labkit.analytics.round_change` for this theme."""
        return analytics.round_change(self.p, theme=self.theme)

    @property
    def has_rounds(self) -> bool:
        """Whether the theme's sessions fall in more than one round."""
        if self.p.tables["rounds"].empty:  # one round: no need to work out the change
            return False
        return sum(r["organisations"] > 0 or r["people"] > 0 for r in self.round_change["rounds"]) > 1

    def round_label(self, rid, lang: str = "nl") -> str:
        r = next((x for x in self.round_change["rounds"] if x["id"] == rid), None)
        if r is None:
            return str(rid)
        return (r["name_en"] if lang == "en" else r["name_nl"]) or r["name_nl"] or str(rid)

    @functools.cached_property
    def round_positions(self) -> list[dict]:
        """:func:`labkit.analytics.round_positions` for this theme."""
        return analytics.round_positions(self.p, theme=self.theme, change=self.round_change)

    def step_labels(self, lang: str = "nl") -> list[str]:
        """``Ronde 1 → Ronde 2`` for each step between consecutive rounds."""
        return [f"{self.round_label(s['from'], lang)} → {self.round_label(s['to'], lang)}"
                for s in self.round_change["steps"]]

    def round_sentences(self, lang: str = "nl") -> list[list[str]]:
        """Per step between consecutive rounds, plain sentences of what changed; every
        number comes from :attr:`round_change` and :attr:`round_positions`."""
        sectors = self._sector_label(lang)
        positions = {(x["from"], x["to"]): x for x in self.round_positions}

        def num(x):
            return "–" if x is None else f"{x:.2f}".replace("-", "−").replace(".", "," if lang == "nl" else ".")

        def pct(x):
            return "–" if x is None else f"{round(100 * x)}%"
        out = []
        for step in self.round_change["steps"]:
            o, co, cm = step["organisations"], step["coattendance"], step["commitments"]
            a, b = self.round_label(step["from"], lang), self.round_label(step["to"], lang)
            said = [t("rounds_who", lang).format(a=a, b=b, ret=o["retained"], before=o["retained"] + o["gone"],
                                                 share=pct(o["retained_share"] or 0), new=o["new"], gone=o["gone"])]
            for key, ids in (("rounds_sectors_up", step["sectors"]["appeared"]),
                             ("rounds_sectors_down", step["sectors"]["disappeared"])):
                if ids:
                    said.append(t(key, lang).format(names=join_words([sectors.get(x, x) for x in ids], lang)))
            said.append(t("rounds_ties", lang).format(
                kept=co["kept"], formed=co["formed"], gone=co["dissolved"], j=num(co["jaccard"]),
                cf=pct(co["cross_sector_share_formed"]), ck=pct(co["cross_sector_share_kept"])))
            pos = positions.get((step["from"], step["to"]))
            if pos and pos["betweenness"]["before"]:
                stayed = pos["betweenness"]["stayed_names"]
                said.append(t("rounds_brokers", lang).format(names=join_words(stayed, lang)) if stayed
                            else t("rounds_brokers_none", lang).format(a=a, b=b))
            if cm["new"] or cm["carried_over"] or cm["completed"] or cm["stalled"]:
                said.append(t("rounds_commitments", lang).format(
                    new=cm["new"], carried=cm["carried_over"], done=len(cm["completed"]),
                    stalled=len(cm["stalled"])))
            out.append(said)
        return out

    def rounds_frame(self, lang: str = "nl") -> pd.DataFrame:
        """Organisations per sector from one round to the next: ``step`` (``A → B``), ``step_order``,
        ``sector_label``, ``group`` (came back, new, gone; translated), ``group_order``, ``organisations``."""
        lab = self._sector_label(lang)
        order = {s: i for i, s in enumerate(self.sectors_frame(lang)["id"])}
        rows = []
        for i, step in enumerate(self.round_change["steps"]):
            name = f"{self.round_label(step['from'], lang)} → {self.round_label(step['to'], lang)}"
            for sector, counts in step["organisations"]["by_sector"].items():
                for g, kind in enumerate(("retained", "new", "gone")):
                    if counts[kind]:
                        rows.append({"step": name, "step_order": i, "sector": sector,
                                     "sector_label": lab.get(sector, sector), "sector_order": order.get(sector, 99),
                                     "group": t(f"round_{kind}", lang), "group_order": g,
                                     "organisations": counts[kind]})
        return pd.DataFrame(rows, columns=["step", "step_order", "sector", "sector_label", "sector_order",
                                           "group", "group_order", "organisations"])

    def continuity_frame(self, lang: str = "nl") -> pd.DataFrame:
        """People per kind of table: newcomers (by invitation channel) and returning."""
        cont = analytics.table_continuity(self.G, self.theme)
        rows = []
        kinds = [k for k in self.kinds() if k in cont.columns]
        seen_before = pd.Series(False, index=cont.index)
        for order, kind in enumerate(kinds, start=1):
            here = cont[kind].astype(bool)
            new = here & ~seen_before
            by_participant = new & (cont["channel"] == "participant")
            groups = [(t("returning", lang), 1, int((here & seen_before).sum())),
                      (t("invited_by_organisers", lang), 2, int((new & ~by_participant).sum())),
                      (t("invited_by_participant", lang), 3, int(by_participant.sum()))]
            if order == 1:  # at the first table nobody returns and nobody was brought by a participant
                groups = [(t("invited_by_organisers", lang), 2, int(here.sum()))]
            for group, gorder, n in groups:
                rows.append({"table_label": self.kind_label(kind, lang), "order": order, "group": group,
                             "group_order": gorder, "people": n})
            seen_before |= here
        return pd.DataFrame(rows, columns=["table_label", "order", "group", "group_order", "people"])

    def commitments(self) -> pd.DataFrame:
        c = self.p.commitments
        return c[c["theme_id"] == self.theme].reset_index(drop=True)

    def roadmap_frame(self, lang: str = "nl", *, stage: str | None = None) -> pd.DataFrame:
        """One row per commitment for :func:`labkit.views.charts.roadmap_chart`."""
        c = self.commitments()
        if stage:
            c = c[c["stage_id"] == stage]
        stages = self.p.roadmap_stages.set_index("id")
        status = graph.current_status(self.p.commitment_updates)
        proposed = self.p.commitment_updates.groupby("commitment_id")["date"].min()
        fallback = self.start_year() + 0.3
        rows = []
        for r in c.itertuples(index=False):
            staged = isinstance(r.stage_id, str) and r.stage_id in stages.index
            has = not pd.isna(r.horizon)
            kind = ("none" if not has else
                    "reading" if is_reading(getattr(r, "horizon_source", None), r.source) else "report")
            # No year: place it where it was proposed, drawn as an open dot (charts.roadmap_chart).
            start = proposed.get(r.id)
            year = float(r.horizon) if has else (start.year + (start.day_of_year - 1) / 365.25
                                                  if start is not None and not pd.isna(start) else fallback)
            cur = status.loc[r.id] if r.id in status.index else None
            stat = cur["status"] if cur is not None else "none"
            rows.append({
                "id": r.id, "label": r.title_nl if lang == "nl" else r.title_en,
                "stage_id": r.stage_id if staged else None,
                "stage_number": int(stages.loc[r.stage_id, "number"]) if staged else len(stages) + 1,  # last
                "stage_label": self.stage_label(r.stage_id, lang), "kind": r.kind,
                "year": year, "has_horizon": has, "horizon_kind": kind,
                "horizon_kind_label": t(f"horizon_kind_{kind}", lang),
                "horizon_label": (str(int(r.horizon)) + (f" ({t('reading', lang)})" if kind == "reading" else "")
                                  if has else t("horizon_none", lang)),
                "status": stat, "status_label": STATUS[lang][stat],
                "progress": int(cur["progress"]) if cur is not None else 0,
                "last_update": cur["last_update"].strftime("%d-%m-%Y") if cur is not None else "",
                "source": r.source,
            })
        df = pd.DataFrame(rows, columns=["id", "label", "stage_id", "stage_number", "stage_label", "kind", "year",
                                         "has_horizon", "horizon_kind", "horizon_kind_label",
                                         "horizon_label", "status", "status_label",
                                         "progress", "last_update", "source"])
        # Spread dots that share a lane and nearly the same year so none hides another.
        df["bucket"] = (df["year"] // 2).astype(int)
        df["rank"] = df.groupby(["stage_number", "bucket"]).cumcount()
        df["n"] = df.groupby(["stage_number", "bucket"])["id"].transform("count")
        df["lane_offset"] = np.where(df["n"] > 1, -0.75 + 1.5 * df["rank"] / (df["n"] - 1).clip(lower=1), 0.0)
        return df.drop(columns=["bucket", "rank", "n"]).sort_values(["stage_number", "year", "id"]).reset_index(drop=True)

    def start_year(self) -> int:
        """The year the programme began: its ``period_start``, else its first session or update."""
        start = self.p.words()["period_start"]
        if start:
            return int(start[:4])
        years = [int(m[:4]) for m in self.p.sessions["month"].dropna()]
        years += [d.year for d in self.p.commitment_updates["date"].dropna()]
        return min(years) if years else 2000

    def sdg_frame(self, lang: str = "nl") -> pd.DataFrame:
        c = set(self.commitments()["id"])
        links = self.p.commitment_sdgs[self.p.commitment_sdgs["commitment_id"].isin(c)]
        counts = links.groupby("sdg").size()
        s = self.p.sdgs.sort_values("number")
        name = s["name_nl"] if lang == "nl" else s["name_en"]
        return pd.DataFrame({"number": s["number"].astype(int),
                             "label": [f"{n}. {x}" for n, x in zip(s["number"], name)],
                             "colour": s["colour"],
                             "count": [int(counts.get(n, 0)) for n in s["number"]]}).reset_index(drop=True)

    def welfare_frame(self, lang: str = "nl") -> pd.DataFrame:
        c = set(self.commitments()["id"])
        links = self.p.commitment_dimensions[self.p.commitment_dimensions["commitment_id"].isin(c)]
        counts = links.groupby("dimension").size()
        d = self.p.welfare_dimensions
        name = d["name_nl"] if lang == "nl" else d["name_en"]
        return pd.DataFrame({"order": range(len(d)), "id": d["id"], "label": name,
                             "count": [int(counts.get(i, 0)) for i in d["id"]]}).reset_index(drop=True)

    def progress_frame(self, lang: str = "nl") -> pd.DataFrame:
        c = self.commitments().set_index("id")
        u = self.p.commitment_updates
        u = u[u["commitment_id"].isin(c.index)].sort_values(["commitment_id", "date"])
        return pd.DataFrame({
            "label": [c.loc[i, "title_nl" if lang == "nl" else "title_en"] for i in u["commitment_id"]],
            "stage_label": [self.stage_label(c.loc[i, "stage_id"], lang) for i in u["commitment_id"]],
            "date": u["date"].to_numpy(), "progress": u["progress"].astype(int).to_numpy(),
            "status_label": [STATUS[lang][s] for s in u["status"]],
        })

    def brokers_frame(self, lang: str = "nl", top: int = 10) -> pd.DataFrame:
        """The organisations that most often linked other sectors, with their roles."""
        roles = self.roles
        if roles.empty:
            return pd.DataFrame(columns=["organisation", "sector", "role", "brokerage", "betweenness"])
        orgs = self.organisations(lang).set_index("id")
        ranked = roles.sort_values("total", ascending=False)
        ranked = ranked[ranked["total"] > 0].head(top)
        lab = self._sector_label(lang)
        rows = []
        for node, r in ranked.iterrows():
            d = self.G.nodes[node]
            parts = [f"{ROLES[lang][k]} {int(r[k])}" for k in ROLES[lang] if k and r.get(k, 0)]
            rows.append({"organisation": d["label"], "sector": lab.get(d["sector"], d["sector"]),
                         "role": ", ".join(parts), "brokerage": int(r["total"]),
                         "betweenness": round(float(orgs["betweenness"].get(node, 0.0)), 3)})
        return pd.DataFrame(rows)
