"""Altair charts. Each function takes tidy frames (see :mod:`labkit.views.theme`) and
returns an ``alt.Chart`` spec; none of them saves or displays anything.

Labels come in the frames already translated; titles come from
:mod:`labkit.i18n`. Text from the data is passed to Vega as data values, never
as markup: Vega draws it as text (SVG text nodes, canvas text) and the tooltip
handler escapes it.
"""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from ..i18n import STATUS, STATUS_COLOURS, t

SECTOR_COLOURS = {  # Okabe-Ito: distinguishable with the common colour-vision deficiencies
    "government": "#0072B2", "business": "#E69F00", "trade-association": "#CC79A7",
    "union": "#D55E00", "civil-society": "#009E73", "knowledge-education": "#56B4E9",
    "advisory-body": "#7F7F7F",
}
_FALLBACK = ["#332288", "#117733", "#44AA99", "#88CCEE", "#DDCC77", "#AA4499", "#882255"]
FONT = "DejaVu Sans, Arial, sans-serif"


def sector_scale(sectors: pd.DataFrame) -> alt.Scale:
    """A colour scale over the sectors' labels, in their display order.

    ``sectors`` has columns ``id`` and ``label``.
    """
    colours = []
    for i, sid in enumerate(sectors["id"]):
        colours.append(SECTOR_COLOURS.get(sid, _FALLBACK[i % len(_FALLBACK)]))
    return alt.Scale(domain=list(sectors["label"]), range=colours)


def _base(chart: alt.Chart, title: str, width, height) -> alt.Chart:
    return chart.properties(title=alt.TitleParams(title, anchor="start", fontSize=15),
                            width=width, height=height)


def configure(chart):
    """Shared look: fonts, no border; applied once to a top-level chart."""
    return (chart.configure(font=FONT)
            .configure_view(stroke=None)
            .configure_axis(labelFontSize=12, titleFontSize=12)
            .configure_legend(labelFontSize=12, titleFontSize=12, labelLimit=260))


def network_map(nodes: pd.DataFrame, edges: pd.DataFrame, sectors: pd.DataFrame, *,
                lang: str = "nl", size_title: str | None = None, width=660, height=480):
    """Organisations at their layout positions, coloured by sector, sized by centrality.

    ``nodes``: ``id, label, sector_label, x, y, size, role, selected`` (bool) and
    optionally ``show_label`` (bool: write the name beside the dot);
    ``edges``: ``x, y, x2, y2, weight``.
    """
    axis = alt.Axis(title=None, labels=False, ticks=False, domain=False, grid=False)
    lines = alt.Chart(edges).mark_rule(color="#9aa5b1").encode(
        x=alt.X("x:Q", axis=axis), y=alt.Y("y:Q", axis=axis), x2="x2:Q", y2="y2:Q",
        strokeWidth=alt.StrokeWidth("weight:Q", scale=alt.Scale(range=[0.4, 3.5]), legend=None),
        opacity=alt.value(0.45),
    )
    dots = alt.Chart(nodes).mark_circle(stroke="white", strokeWidth=0.8).encode(
        x=alt.X("x:Q", axis=axis), y=alt.Y("y:Q", axis=axis),
        color=alt.Color("sector_label:N", scale=sector_scale(sectors), title=t("sector", lang)),
        size=alt.Size("size:Q", scale=alt.Scale(range=[40, 600]),
                      title=size_title or t("centrality_degree", lang)),
        opacity=alt.condition("datum.selected", alt.value(0.95), alt.value(0.15)),
        tooltip=[alt.Tooltip("label:N", title=t("organisation", lang)),
                 alt.Tooltip("sector_label:N", title=t("sector", lang)),
                 alt.Tooltip("role:N", title=t("role", lang)),
                 alt.Tooltip("size:Q", title=size_title or t("centrality_degree", lang), format=".2~f")],
    )
    layers = [lines, dots]
    if "show_label" in nodes.columns and nodes["show_label"].any():
        # Names of the most central organisations on the map itself; the rest in tooltips.
        layers.append(alt.Chart(nodes[nodes["show_label"]]).mark_text(
            dy=-13, fontSize=11, fontWeight="bold", color="#1f2933", limit=180).encode(
            x=alt.X("x:Q", axis=axis), y=alt.Y("y:Q", axis=axis), text="label:N"))
    return _base(alt.layer(*layers), t("network_title", lang), width, height)


def network_explorer(nodes: pd.DataFrame, edges: pd.DataFrame, sectors: pd.DataFrame, *,
                     lang: str = "nl", size_titles: tuple[str, str] | None = None, width=660, height=480,
                     sector: str = "", table: str = "", size_by: str = "degree"):
    """The network map with its filters as Vega parameters, for the dashboard.

    ``sector``, ``table`` and ``size_by`` are parameters of the spec: changing
    one re-renders in the browser without sending a new spec (one round trip,
    no re-embedding). ``nodes``: ``id, label, sector, sector_label, x, y,
    degree, betweenness, role, near`` ("|sector|...|" of itself and its
    partners), ``tables`` ("|kind|...|") and ``show_label``; ``edges``: ``x, y,
    x2, y2, s1, s2`` and ``w_all`` plus ``w_<table kind>`` weights.
    """
    sector = alt.param(name="sector", value=sector)
    table = alt.param(name="table", value=table)
    size_by = alt.param(name="size_by", value=size_by)
    axis = alt.Axis(title=None, labels=False, ticks=False, domain=False, grid=False)
    x, y = alt.X("x:Q", axis=axis), alt.Y("y:Q", axis=axis)
    lit = "sector == '' || indexof(datum.near, '|' + sector + '|') >= 0"
    at_table = "table == '' || indexof(datum.tables, '|' + table + '|') >= 0"
    size_title = size_titles[0] if size_titles else t("centrality_degree", lang)
    lines = alt.Chart(edges).transform_calculate(
        w="table == '' ? datum.w_all : datum['w_' + table]"
    ).transform_filter("datum.w > 0 && (sector == '' || datum.s1 == sector || datum.s2 == sector)").mark_rule(
        color="#9aa5b1").encode(
        x=x, y=y, x2="x2:Q", y2="y2:Q",
        strokeWidth=alt.StrokeWidth("w:Q", scale=alt.Scale(range=[0.4, 3.5]), legend=None),
        opacity=alt.value(0.45))
    base = alt.Chart(nodes).transform_filter(at_table).transform_calculate(
        size="size_by == 'betweenness' ? datum.betweenness : datum.degree")
    dots = base.mark_circle(stroke="white", strokeWidth=0.8).encode(
        x=x, y=y,
        color=alt.Color("sector_label:N", scale=sector_scale(sectors), title=t("sector", lang)),
        size=alt.Size("size:Q", scale=alt.Scale(range=[40, 600]), title=size_title),
        opacity=alt.condition(lit, alt.value(0.95), alt.value(0.15)),
        tooltip=[alt.Tooltip("label:N", title=t("organisation", lang)),
                 alt.Tooltip("sector_label:N", title=t("sector", lang)),
                 alt.Tooltip("role:N", title=t("role", lang)),
                 alt.Tooltip("degree:Q", title=t("centrality_degree", lang), format=".0f"),
                 alt.Tooltip("betweenness:Q", title=t("centrality_betweenness", lang), format=".3f")],
    )
    names = base.transform_filter("datum.show_label").mark_text(
        dy=-13, fontSize=11, fontWeight="bold", color="#1f2933", limit=180).encode(
        x=x, y=y, text="label:N", opacity=alt.condition(lit, alt.value(1), alt.value(0.15)))
    chart = alt.layer(lines, dots, names).add_params(sector, table, size_by)
    return _base(chart, t("network_title", lang), width, height)


def ego_explorer(nodes: pd.DataFrame, edges: pd.DataFrame, sectors: pd.DataFrame, *,
                 lang: str = "nl", org: str = "", title: str | None = None, width=560, height=400):
    """One organisation's own network, picked by the parameter ``org``: for a page without a kernel.

    The organisation and its partners at their places on the network map (the
    scales fit them), with the organisation's ties; choosing another one only
    sets ``org``. ``nodes``: ``id, label, sector_label, role, degree, x, y,
    show_label`` and ``partners`` ("|id|...|"); ``edges``: ``u, v, x, y, x2, y2,
    weight``. ``title`` replaces the chart's title ("" for none).
    """
    org = alt.param(name="org", value=org)
    axis = alt.Axis(title=None, labels=False, ticks=False, domain=False, grid=False)
    x = alt.X("x:Q", axis=axis, scale=alt.Scale(padding=28, zero=False))
    y = alt.Y("y:Q", axis=axis, scale=alt.Scale(padding=28, zero=False))
    lines = alt.Chart(edges).transform_filter("datum.u == org || datum.v == org").mark_rule(
        color="#9aa5b1").encode(
        x=x, y=y, x2="x2:Q", y2="y2:Q",
        strokeWidth=alt.StrokeWidth("weight:Q", scale=alt.Scale(range=[0.8, 4.5]), legend=None),
        opacity=alt.value(0.7))
    base = alt.Chart(nodes).transform_filter("datum.id == org || indexof(datum.partners, '|' + org + '|') >= 0")
    me = "datum.id == org"
    dots = base.mark_circle(opacity=0.95).encode(
        x=x, y=y,
        color=alt.Color("sector_label:N", scale=sector_scale(sectors), title=t("sector", lang)),
        size=alt.Size("degree:Q", scale=alt.Scale(range=[50, 600]), title=t("centrality_degree", lang)),
        stroke=alt.condition(me, alt.value("#1f2933"), alt.value("white")),
        strokeWidth=alt.condition(me, alt.value(3), alt.value(0.8)),
        tooltip=[alt.Tooltip("label:N", title=t("organisation", lang)),
                 alt.Tooltip("sector_label:N", title=t("sector", lang)),
                 alt.Tooltip("role:N", title=t("role", lang)),
                 alt.Tooltip("degree:Q", title=t("centrality_degree", lang), format=".0f")])
    name = base.transform_filter(me).mark_text(
        dy=-16, fontSize=12, fontWeight="bold", color="#1f2933", limit=220).encode(x=x, y=y, text="label:N")
    others = base.transform_filter(f"!({me}) && datum.show_label").mark_text(
        dy=-14, fontSize=11, color="#1f2933", limit=180).encode(x=x, y=y, text="label:N")
    chart = alt.layer(lines, dots, others, name).add_params(org)
    return _base(chart, t("ego_title", lang) if title is None else title, width, height)


def mixing_heatmap(matrix: pd.DataFrame, *, lang: str = "nl", width=360, height=360):
    """Ties between sectors: ``matrix`` is square with sector labels as index and columns."""
    long = matrix.rename_axis("from").reset_index().melt(id_vars="from", var_name="to", value_name="ties")
    order = list(matrix.index)
    base = alt.Chart(long).encode(
        x=alt.X("to:N", sort=order, title=None, axis=alt.Axis(labelAngle=-40, labelLimit=160)),
        y=alt.Y("from:N", sort=order, title=None, axis=alt.Axis(labelLimit=200)),
    )
    cells = base.mark_rect().encode(
        color=alt.Color("ties:Q", scale=alt.Scale(scheme="blues"), title=t("ties", lang)),
        tooltip=[alt.Tooltip("from:N", title=t("sector", lang)), alt.Tooltip("to:N", title=t("sector", lang)),
                 alt.Tooltip("ties:Q", title=t("ties", lang))],
    )
    text = base.mark_text(fontSize=11).encode(
        text=alt.Text("ties:Q"),
        color=alt.condition(alt.datum.ties > float(long["ties"].max() or 0) / 2,
                            alt.value("white"), alt.value("#222")),
    )
    return _base(cells + text, t("mixing_title", lang), width, height)


def ei_chance_chart(ei: pd.DataFrame, sectors: pd.DataFrame, *, lang: str = "nl", width=360, height=None):
    """Per sector the E-I index against chance: a grey bar for the 95 % range of random
    sector labels, a tick at its mean and a dot at the observed index.

    ``ei``: :meth:`~labkit.views.theme.ThemeData.ei_frame` (``sector_label, ei, expected,
    low, high, p_value, verdict_label``), in the sectors' order.
    """
    data = ei.dropna(subset=["ei"]).assign(
        range=lambda f: [f"{lo:.2f} – {hi:.2f}" if pd.notna(lo) else "" for lo, hi in zip(f["low"], f["high"])])
    height = height or max(60, 28 * len(data))
    order = list(data["sector_label"])
    # zoomed to the data (in steps of 0.2), so that narrow chance ranges stay visible
    lowest = min([*data["ei"], *data["low"].dropna()], default=-1)
    domain = [max(-1.0, math.floor((lowest - 0.1) * 5) / 5), 1.0]
    x = alt.X("ei:Q", scale=alt.Scale(domain=domain), title="E-I")
    y = alt.Y("sector_label:N", sort=order, title=None, axis=alt.Axis(labelLimit=240))
    tooltip = [alt.Tooltip("sector_label:N", title=t("sector", lang)),
               alt.Tooltip("ei:Q", title="E-I", format=".2f"),
               alt.Tooltip("expected:Q", title=t("chance_expected", lang), format=".2f"),
               alt.Tooltip("range:N", title=t("chance_range", lang)),
               alt.Tooltip("verdict_label:N", title=t("chance_verdict", lang))]
    band = alt.Chart(data).mark_bar(color="#cfcfcf", height=16).encode(
        x=alt.X("low:Q", scale=alt.Scale(domain=domain), title="E-I"), x2="high:Q", y=y, tooltip=tooltip)
    mean = alt.Chart(data).mark_tick(color="#555", thickness=2, size=20).encode(
        x=alt.X("expected:Q", scale=alt.Scale(domain=domain)), y=y, tooltip=tooltip)
    dots = alt.Chart(data).mark_point(filled=True, size=80, opacity=1, stroke="#222", strokeWidth=0.8).encode(
        x=x, y=y, color=alt.Color("sector_label:N", scale=sector_scale(sectors), legend=None), tooltip=tooltip)
    layers = [band, mean, dots]
    if domain[0] < 0:
        layers.insert(0, alt.Chart(pd.DataFrame({"x": [0]})).mark_rule(color="#444").encode(x="x:Q"))
    return _base(alt.layer(*layers), t("ei_title", lang), width, height)


def composition_chart(comp: pd.DataFrame, sectors: pd.DataFrame, *, lang: str = "nl",
                      width=500, height=None):
    """Organisations per sector at each table. ``comp``: ``group_label, order, sector_label, organisations``."""
    height = height or max(80, 34 * comp["group_label"].nunique())
    return _base(alt.Chart(comp).mark_bar().encode(
        x=alt.X("organisations:Q", title=t("organisations", lang), stack="zero"),
        y=alt.Y("group_label:N", sort=alt.EncodingSortField("order", op="min"), title=None,
                axis=alt.Axis(labelLimit=420)),
        color=alt.Color("sector_label:N", scale=sector_scale(sectors), title=t("sector", lang)),
        order=alt.Order("sector_order:Q"),
        tooltip=[alt.Tooltip("group_label:N", title=t("table", lang)),
                 alt.Tooltip("sector_label:N", title=t("sector", lang)),
                 alt.Tooltip("organisations:Q", title=t("organisations", lang))],
    ), t("composition_title", lang), width, height)


def rounds_chart(frame: pd.DataFrame, sectors: pd.DataFrame, *, lang: str = "nl", width=170, height=None):
    """Organisations from one round to the next, per sector: came back, new, gone, side by side;
    one row of panels per step, named above it. ``frame``:
    :meth:`~labkit.views.theme.ThemeData.rounds_frame`."""
    height = height or max(80, 24 * frame["sector_label"].nunique())
    groups = frame.sort_values("group_order").drop_duplicates("group")["group"].tolist()

    def step_chart(part, title):
        return alt.Chart(part).mark_bar().encode(
            x=alt.X("organisations:Q", title=t("organisations", lang), axis=_count_axis(frame["organisations"]),
                    scale=alt.Scale(domain=[0, max(1, int(frame["organisations"].max()))])),
            y=alt.Y("sector_label:N", sort=alt.EncodingSortField("sector_order", op="min"), title=None,
                    axis=alt.Axis(labelLimit=240)),
            color=alt.Color("sector_label:N", scale=sector_scale(sectors), legend=None),
            column=alt.Column("group:N", sort=groups, title=None, header=alt.Header(labelFontSize=12)),
            tooltip=[alt.Tooltip("step:N", title=t("round", lang)),
                     alt.Tooltip("sector_label:N", title=t("sector", lang)),
                     alt.Tooltip("group:N", title=" "),
                     alt.Tooltip("organisations:Q", title=t("organisations", lang))],
        ).properties(width=width, height=height, title=alt.Title(title, anchor="start", fontSize=12))

    steps = frame.sort_values("step_order").drop_duplicates("step")["step"].tolist()
    parts = [step_chart(frame[frame["step"] == s], s) for s in steps]
    if len(parts) == 1:
        return alt.vconcat(parts[0]).properties(title=t("rounds_title", lang))
    return alt.vconcat(*parts).properties(title=t("rounds_title", lang))


def continuity_chart(flow: pd.DataFrame, *, lang: str = "nl", width=560, height=None):
    """People per table, split into newcomers and returning people.

    ``flow``: ``table_label, order, group`` (translated), ``group_order, people``. The
    title names the kinds of table in their order.
    """
    height = height or max(80, 40 * flow["table_label"].nunique())
    kinds = flow.sort_values("order").drop_duplicates("table_label")["table_label"].tolist()
    title = t("continuity_title", lang) + (": " + " → ".join(kinds) if len(kinds) > 1 else "")
    return _base(alt.Chart(flow).mark_bar().encode(
        x=alt.X("people:Q", title=t("participants", lang), stack="zero"),
        y=alt.Y("table_label:N", sort=alt.EncodingSortField("order", op="min"), title=None,
                axis=alt.Axis(labelLimit=320)),
        color=alt.Color("group:N", title=None,
                        scale=alt.Scale(range=["#8da0cb", "#fc8d62", "#66c2a5"]),
                        sort=alt.EncodingSortField("group_order")),
        order=alt.Order("group_order:Q"),
        tooltip=[alt.Tooltip("table_label:N", title=t("table", lang)), alt.Tooltip("group:N", title=" "),
                 alt.Tooltip("people:Q", title=t("participants", lang))],
    ), title, width, height)


def _wrap(text: str, width: int = 24) -> str:
    """Break a label into lines (joined by newlines) for an axis with ``labelExpr`` split."""
    lines, line = [], ""
    for word in str(text).split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "\n".join(lines)


def year_ticks(start: int, end: int) -> list[int]:
    """Axis years from ``start`` to ``end``: the first year, then round steps.

    >>> year_ticks(2021, 2051)
    [2021, 2025, 2030, 2035, 2040, 2045, 2050]
    >>> year_ticks(2026, 2028)
    [2026, 2027, 2028]
    """
    span = end - start
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100) if span / s <= 8)
    return [start] + [y for y in range(start - start % step + step, end + 1, step) if y - start >= step / 2]


def roadmap_chart(items: pd.DataFrame, *, as_of=None, start: int | None = None, stages=None,
                  lang: str = "nl", width=600, height=None):
    """The programme's roadmap: its stages as lanes over the years, commitments coloured by status.

    ``items``: ``label, stage_label, stage_number, year, lane_offset, has_horizon,
    horizon_label, status, status_label, progress, last_update``, ``kind`` and
    ``horizon_kind`` (``report``: a filled dot at the source's year; ``reading``: an
    open diamond at the project's own reading of a year; ``none``: an open dot where
    it was raised); a legend says how the three read. The years run from ``start``
    (default: the first year in ``items``) to the last horizon or the year after
    ``as_of``; a dashed line marks each year a target (``kind == "target"``) aims at.
    Stages come from the data: any number of them; ``stages`` (labels, in order)
    draws a lane for each, also where no commitment is yet.
    """
    if "horizon_kind" not in items.columns:
        items = items.assign(horizon_kind=["report" if h else "none" for h in items["has_horizon"]])
    items = items.assign(lane=[_wrap(s) for s in items["stage_label"]])
    first = int(min([*items["year"].dropna(), *([start] if start is not None else [])]) // 1)
    last = max([int(items["year"].max() // 1) + 1] + ([as_of.year + 1] if as_of is not None else []))  # room for a dot
    last = max(last, first + 1)
    lanes = list(dict.fromkeys([*(_wrap(s) for s in (stages or [])),
                                *(_wrap(s) for s in items.sort_values("stage_number")["stage_label"])]))
    height = height or max(150, 110 * len(lanes))
    statuses = [s for s in STATUS_COLOURS if s in set(items["status"])] or list(STATUS_COLOURS)
    colour = alt.Color("status_label:N", title=t("status", lang),
                       scale=alt.Scale(domain=[STATUS[lang][s] for s in statuses],
                                       range=[STATUS_COLOURS[s] for s in statuses]))
    # One scale for every layer, so the rules cannot stretch it to zero.
    x = alt.X("year:Q", scale=alt.Scale(domain=[first, last], nice=False, zero=False),
              axis=alt.Axis(format="d", values=year_ticks(first, last), title=t("year", lang)))
    y = alt.Y("lane:N", sort=lanes, title=None, scale=alt.Scale(domain=lanes),
              axis=alt.Axis(labelExpr="split(datum.label, '\\n')", labelLimit=400, labelFontWeight="bold",
                            labelPadding=8))
    tooltip = [alt.Tooltip("label:N", title=t("commitment", lang)),
               alt.Tooltip("stage_label:N", title=t("stage", lang)),
               alt.Tooltip("horizon_label:N", title=t("horizon", lang)),
               alt.Tooltip("status_label:N", title=t("status", lang)),
               alt.Tooltip("progress:Q", title=t("progress", lang)),
               alt.Tooltip("last_update:N", title=t("last_update", lang))]
    at = dict(x=x, y=y, yOffset=alt.YOffset("lane_offset:Q", scale=alt.Scale(domain=[-1.2, 1.2])),
              color=colour, tooltip=tooltip)
    # filled: the source's year; open: a year of our reading (diamond) or no year (circle)
    filled = alt.Chart(items[items["horizon_kind"] == "report"]).mark_point(
        size=170, strokeWidth=2.5, opacity=1, filled=True, shape="circle").encode(**at)
    hollow = alt.Chart(items[items["horizon_kind"] != "report"]).mark_point(
        size=170, strokeWidth=2.5, opacity=1, filled=False, fill="white").encode(
        shape=alt.condition("datum.horizon_kind == 'reading'", alt.value("diamond"), alt.value("circle")),
        **at)
    # The legend of the marks' form: a layer of size-0 marks that draws nothing but its legend
    # (opacity 0 would hide the legend's symbols too).
    kinds = [k for k in ("report", "reading", "none") if k in set(items["horizon_kind"])]
    key_labels = [t(f"horizon_kind_{k}", lang) for k in kinds]
    form = {"report": ("circle", "#555"), "reading": ("diamond", "white"), "none": ("circle", "white")}
    key = alt.Chart(pd.DataFrame({"kind": key_labels, "year": [first] * len(kinds)})).mark_point(
        size=0, strokeWidth=2, opacity=1, filled=True, stroke="#555").encode(
        x=x, shape=alt.Shape("kind:N", title=t("horizon_kind", lang), sort=key_labels,
                             scale=alt.Scale(domain=key_labels, range=[form[k][0] for k in kinds])),
        fill=alt.Fill("kind:N", title=t("horizon_kind", lang), sort=key_labels,
                      scale=alt.Scale(domain=key_labels, range=[form[k][1] for k in kinds])))
    layers = [filled, hollow, key]
    targets = sorted({int(y) for y in items[items["kind"].isin(("target", "policy_target")) & items["has_horizon"]]["year"]})
    if targets:
        marks = pd.DataFrame({"year": targets, "text": [str(y) for y in targets]})
        layers = [alt.Chart(marks).mark_rule(strokeDash=[5, 4], color="#555").encode(x=x),
                  alt.Chart(marks).mark_text(align="left", dx=4, dy=-6, fontWeight="bold", color="#555").encode(
                      x=x, y=alt.value(0), text="text:N"), *layers]
    if as_of is not None:
        now = pd.DataFrame({"year": [as_of.year + (as_of.timetuple().tm_yday - 1) / 365.25],
                            "text": [t("now", lang)]})
        layers.insert(0, alt.Chart(now).mark_rule(color="#c62828", strokeWidth=1.5).encode(x=x))
        layers.insert(1, alt.Chart(now).mark_text(align="left", dx=4, dy=-6, color="#c62828").encode(
            x=x, y=alt.value(0), text="text:N"))
    return _base(alt.layer(*layers), t("roadmap_title", lang), width, height)


def _count_axis(counts: pd.Series) -> alt.Axis:
    """A count axis with whole numbers only: each one written out when there are few."""
    top = int(counts.max()) if len(counts) and pd.notna(counts.max()) else 0
    extra = {"values": list(range(top + 1))} if top <= 10 else {}
    return alt.Axis(tickMinStep=1, format="d", **extra)


def sdg_chart(sdg: pd.DataFrame, *, lang: str = "nl", width=560, height=None):
    """Commitments per SDG with the goals' official colours. ``sdg``: ``number, label, colour, count``."""
    height = height or 22 * len(sdg)
    return _base(alt.Chart(sdg).mark_bar().encode(
        x=alt.X("count:Q", title=t("commitments", lang), axis=_count_axis(sdg["count"])),
        y=alt.Y("label:N", sort=alt.EncodingSortField("number", op="min"), title=None,
                axis=alt.Axis(labelLimit=330)),
        color=alt.Color("label:N", scale=alt.Scale(domain=list(sdg["label"]), range=list(sdg["colour"])),
                        legend=None),
        tooltip=[alt.Tooltip("label:N", title=t("sdg", lang)),
                 alt.Tooltip("count:Q", title=t("commitments", lang))],
    ), t("sdg_title", lang), width, height)


def welfare_chart(dims: pd.DataFrame, *, lang: str = "nl", width=360, height=130):
    """Commitments per brede-welvaart dimension. ``dims``: ``order, label, count``."""
    return _base(alt.Chart(dims).mark_bar(color="#2a6f97").encode(
        x=alt.X("count:Q", title=t("commitments", lang), axis=_count_axis(dims["count"])),
        y=alt.Y("label:N", sort=alt.EncodingSortField("order", op="min"), title=None),
        tooltip=[alt.Tooltip("label:N", title=t("dimension", lang)),
                 alt.Tooltip("count:Q", title=t("commitments", lang))],
    ), t("welfare_title", lang), width, height)


def progress_chart(history: pd.DataFrame, *, lang: str = "nl", width=660, height=300):
    """Progress of each commitment over time. ``history``: ``label, stage_label, date, progress, status_label``."""
    return _base(alt.Chart(history).mark_line(interpolate="step-after", point=True).encode(
        x=alt.X("date:T", title=t("date", lang)),
        y=alt.Y("progress:Q", title=t("progress", lang), scale=alt.Scale(domain=[0, 100])),
        color=alt.Color("stage_label:N", title=t("stage", lang)),
        detail="label:N",
        tooltip=[alt.Tooltip("label:N", title=t("commitment", lang)),
                 alt.Tooltip("date:T", title=t("date", lang), format="%d-%m-%Y"),
                 alt.Tooltip("status_label:N", title=t("status", lang)),
                 alt.Tooltip("progress:Q", title=t("progress", lang))],
    ), t("progress_title", lang), width, height)
