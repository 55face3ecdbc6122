"""The theme report's charts: the dashboard's charts, drawn for one report.

Each function takes a :class:`labkit.report.narrative.Report` and returns an Altair
chart (or ``None`` when the theme has nothing to draw); the notebook shows it
with Altair's ``svg`` renderer, so the HTML holds static SVG that prints and
needs no script. Status and progress are those on or before the report's
``as_of``.
"""

from __future__ import annotations

import functools

import altair as alt
import pandas as pd

from ..views import charts
from ..views.theme import ThemeData


@functools.lru_cache(maxsize=8)
def theme_data(report) -> ThemeData:
    """The report's theme as the dashboard sees it, status as of the report's date (cached)."""
    p = report.programme
    upd = p.commitment_updates
    cutoff = pd.Timestamp(report.as_of)
    return ThemeData(p.replace(commitment_updates=upd[upd["date"] <= cutoff].reset_index(drop=True)),
                     report.theme)


def _done(chart):
    return charts.configure(chart)


def participation(report):
    """Sectors at each table, and who came when."""
    d = theme_data(report)
    if not d.has_attendance:
        return None
    lang = report.lang
    return _done(alt.vconcat(charts.composition_chart(d.composition_frame(lang), d.sectors_frame(lang), lang=lang),
                             charts.continuity_chart(d.continuity_frame(lang), lang=lang)))


def network(report):
    """The organisation network, the sector mixing and the E-I index per sector."""
    d = theme_data(report)
    if not d.has_sessions or d.coattendance.number_of_nodes() == 0:
        return None
    lang = report.lang
    sectors = d.sectors_frame(lang)
    return _done(alt.vconcat(
        charts.network_map(*d.network_frames(lang=lang), sectors, lang=lang, width=620, height=440),
        alt.hconcat(charts.mixing_heatmap(d.mixing_frame(lang), lang=lang, width=300, height=300),
                    charts.ei_chance_chart(d.ei_frame(lang), sectors, lang=lang, width=260))))


def rounds(report):
    """Organisations that came back, joined or left between rounds, per sector."""
    d = theme_data(report)
    if not d.has_rounds:
        return None
    frame = d.rounds_frame(report.lang)
    return _done(charts.rounds_chart(frame, d.sectors_frame(report.lang), lang=report.lang)) if len(frame) else None


def roadmap(report):
    """The programme's roadmap with each commitment's status, and progress over time.

    Without roadmap stages (the section says so) only the progress is drawn.
    """
    d = theme_data(report)
    items = d.roadmap_frame(report.lang)
    if items.empty:
        return None
    lang = report.lang
    history = d.progress_frame(lang)
    parts = [charts.roadmap_chart(items, as_of=report.as_of, start=d.start_year(),
                                 stages=d.stage_labels(lang), lang=lang)] \
        if d.has_roadmap else []
    if not history.empty:
        parts.append(charts.progress_chart(history, lang=lang))
    # colour is status above and stage below: one shared scale drew no progress lines at all
    return _done(alt.vconcat(*parts).resolve_scale(color="independent", fill="independent",
                                                   shape="independent")) if parts else None


def coverage(report):
    """Brede-welvaart dimensions and SDGs the commitments serve."""
    d = theme_data(report)
    if d.commitments().empty:
        return None
    lang = report.lang
    return _done(alt.vconcat(charts.welfare_chart(d.welfare_frame(lang), lang=lang),
                             charts.sdg_chart(d.sdg_frame(lang), lang=lang)))
