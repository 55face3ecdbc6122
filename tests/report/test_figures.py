"""The theme report's charts: present where there is something to draw, static SVG, dated by as_of."""

import datetime as dt

import vl_convert as vlc

from labkit.report import figures as figures
from labkit.report.narrative import Report


def report(programme, theme="brede-welvaart", as_of=dt.date(2026, 8, 24), lang="nl"):
    return Report(programme, theme, as_of=as_of, lang=lang)


def test_every_figure_for_a_theme_with_sessions(programme):
    r = report(programme)
    for make in (figures.participation, figures.network, figures.roadmap, figures.coverage):
        chart = make(r)
        assert chart is not None, make.__name__
        svg = vlc.vegalite_to_svg(chart.to_dict())
        assert svg.startswith("<svg") and "<script" not in svg


def test_no_figures_without_sessions_or_commitments(programme):
    r = report(programme, theme="leefomgeving")
    assert [f(r) for f in (figures.participation, figures.network, figures.roadmap, figures.coverage)] == \
        [None, None, None, None]


def test_roadmap_shows_status_as_of_the_report_date(programme):
    early = figures.roadmap(report(programme, as_of=dt.date(2021, 5, 15))).to_dict()
    late = figures.roadmap(report(programme)).to_dict()

    def statuses(spec):
        rows = [r for v in spec["datasets"].values() for r in v if "status" in r and "stage_id" in r]
        return {r["id"]: r["status"] for r in rows}

    # in May 2021 the dialogue's own commitments were just proposed; the cited policy had no update
    assert set(statuses(early).values()) == {"proposed", "none"}
    assert {k for k, v in statuses(early).items() if v == "none"} == {"c-doel-circulair-2030",
                                                                      "c-doel-circulair-2050"}
    assert set(statuses(late).values()) != {"proposed"}


def test_figures_follow_the_language(programme):
    spec = figures.coverage(report(programme, lang="en")).to_dict()
    titles = [v["title"]["text"] for v in spec["vconcat"]]
    assert titles[0].startswith("Broad welfare")


def test_roadmap_and_progress_keep_their_own_colours(programme):
    """Status colours the roadmap, stage the progress lines: one shared scale drew no lines."""
    spec = figures.roadmap(report(programme)).to_dict()
    assert spec["resolve"]["scale"]["color"] == "independent"
    roadmap, progress = spec["vconcat"]
    assert progress["encoding"]["color"]["field"] == "stage_label"
