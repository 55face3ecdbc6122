"""The report's network section says how a recorded seating plan (labkit plan-tables --record)
turned out: planned new pairs against those who actually sat together."""

import datetime as dt

import labkit
from labkit.analytics.planning import plan_tables, planned_vs_actual, record_plan
from labkit.report import html as report_html
from labkit.report.narrative import Report

THEME = "brede-welvaart"


def planned(programme, kind):
    """The theme's tables of ``kind`` planned again for the people who attended them."""
    s = programme.tables["sessions"]
    tables = list(s.loc[(s["theme_id"] == THEME) & (s["kind"] == kind), "id"])
    att = programme.tables["attendance"]
    people = list(dict.fromkeys(att.loc[att["session_id"].isin(tables), "participant_id"]))
    plan = plan_tables(programme, people, tables=len(tables), capacity=-(-len(people) // len(tables)) + 1,
                       min_sectors=1, seconds=5)
    return record_plan(programme, plan, tables)


def section(programme, lang="nl"):
    r = Report(programme, THEME, as_of=dt.date(2026, 8, 16), lang=lang)
    return str(report_html.network_section(r).html)


def test_a_plan_held_is_set_against_what_happened(programme):
    kinds = programme.tables["sessions"].query("theme_id == @THEME")["kind"]
    p = planned(programme, kinds.iloc[-1])
    c = planned_vs_actual(p, THEME)
    assert c["held"] and c["planned"] > 0
    share = round(100 * c["happened"] / c["planned"])
    assert (f"Van de {c['planned']} paren die daarin voor het eerst samen aan tafel zouden zitten, "
            f"zaten er {c['happened']} ({share}%) ook echt samen.") in section(p)
    assert f"Of the {c['planned']} pairs it seated together for the first time, {c['happened']}" in section(p, "en")
    assert "tafelindeling" not in section(programme)  # no plan, no sentence
    assert planned_vs_actual(p, "samen-leven") is None  # another theme's report says nothing of it
