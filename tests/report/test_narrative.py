"""The report's content, computed without a kernel."""

import datetime as dt
import re
import string

import pytest

from labkit.report import narrative, html as report_html, text as report_text
from labkit.report.narrative import Report


@pytest.fixture(scope="module")
def bw(programme):
    return Report(programme, "brede-welvaart", as_of=dt.date(2026, 8, 16))


def test_strings_match_between_languages():
    nl, en = report_text.NL, report_text.EN
    assert nl.keys() == en.keys()
    fields = lambda s: sorted(f for _, f, _, _ in string.Formatter().parse(s) if f)  # noqa: E731
    for key, value in nl.items():
        if isinstance(value, str):
            assert fields(value) == fields(en[key]), key
        elif isinstance(value, dict):
            assert value.keys() == en[key].keys(), key


def test_participation_counts(bw, programme):
    st = narrative.sector_table(bw)
    orgs = set(programme.participants.set_index("id").loc[bw.people["id"], "organisation_id"].dropna())
    # the host's organisation is not counted among those that took part (the report's 37)
    assert st["organisations"].sum() == len(orgs) - 1 == 37
    assert "Provincie Drenthe" not in {n for names in st["names"] for n in names}
    assert st["participants"].sum() == bw.people["organisation_id"].notna().sum()
    assert bw.people["id"].nunique() == programme.attendance.merge(
        programme.sessions, left_on="session_id", right_on="id").query(
        "theme_id == 'brede-welvaart'")["participant_id"].nunique()


def test_continuity_adds_up(bw):
    c = narrative.continuity(bw)
    assert sum(c.values()) == bw.people["id"].nunique()
    stages = narrative.stage_table(bw)
    assert stages["new"].sum() == bw.people["id"].nunique()
    assert list(stages["organisations"]) == sorted(stages["organisations"])  # the network only grows
    assert (stages["cross_sector"] <= stages["ties"]).all()


def test_status_follows_as_of(programme):
    early = narrative.commitment_status(Report(programme, "brede-welvaart", as_of=dt.date(2021, 5, 15)))
    own = early["kind"] != "policy_target"  # existing policy the dialogue cited: never 'proposed'
    assert set(early[own]["status"]) == {"proposed"}  # only the report's own entries by then
    assert early[~own]["status"].isna().all()
    before = narrative.commitment_status(Report(programme, "brede-welvaart", as_of=dt.date(2020, 1, 1)))
    assert before["status"].isna().all() and not before["stalled"].any()
    late = narrative.commitment_status(Report(programme, "brede-welvaart", as_of=dt.date(2026, 8, 16)))
    upd = programme.commitment_updates
    latest = upd.sort_values("date").groupby("commitment_id").tail(1).set_index("commitment_id")
    for row in late.itertuples():
        assert row.status == latest.loc[row.id, "status"] and row.progress == latest.loc[row.id, "progress"]
    for row in late[late["stalled"]].itertuples():
        last = upd[upd["commitment_id"] == row.id]["date"].max().date()
        assert (dt.date(2026, 8, 16) - last).days > 365 and row.status not in ("completed", "dropped")


def test_only_consenting_people_are_named(programme, bw):
    parts = programme.participants.set_index("id")
    for pid in parts.index:
        name = bw.named(pid)
        assert (name is not None) == bool(parts.loc[pid, "consent_named"])
        if not parts.loc[pid, "consent_named"]:
            assert bw.label(pid).startswith("Deelnemer ")


def test_sections_escape_data(programme):
    t = {k: v.copy() for k, v in programme.tables.items()}
    t["organisations"].loc[t["organisations"]["id"] == "ser", "name"] = "<script>x()</script>"
    t["quotes"].loc[t["quotes"]["id"] == "q-bomer", "text_nl"] = "<img src=x onerror=y()>"
    r = Report(programme.replace(**t), "brede-welvaart", as_of=dt.date(2026, 8, 16))
    page = "".join(f(r)._repr_html_() for f in (report_html.participation_section,
                                                report_html.quotes_section))
    assert "<script>x()</script>" not in page and "&lt;script&gt;x()&lt;/script&gt;" in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=y()&gt;" in page


def test_facts_only_has_no_illustrative_marker(programme):
    facts = programme.replace(**narrative.facts_only_tables(programme.tables))
    r = Report(facts, "brede-welvaart", as_of=dt.date(2026, 8, 16), facts_only=True)
    page = "".join(f(r)._repr_html_() for f in (
        report_html.header, report_html.participation_section, report_html.network_section,
        report_html.commitments_section))
    assert 'class="lk-badge"' not in page and "Deze sectie gebruikt" not in page
    assert "Let op: niet alles hierin is feit" not in page
    full = Report(programme, "brede-welvaart", as_of=dt.date(2026, 8, 16))
    assert 'class="lk-badge"' in report_html.network_section(full)._repr_html_()


def test_english_report(programme):
    r = Report(programme, "brede-welvaart", as_of=dt.date(2026, 8, 16), lang="en")
    page = "".join(f(r)._repr_html_() for f in (report_html.header, report_html.commitments_section))
    assert "Theme report: Broad economic and societal welfare" in page
    assert "Stage 1: Tie financial means to short-term goals" in page
    assert "Toezegging" not in page


def test_empty_section_shows_nothing(programme):
    r = Report(programme, "leefomgeving", as_of=dt.date(2026, 8, 16))
    assert report_html.visible_sections(r) == ["programme", "data"]
    frag = report_html.network_section(r)
    assert not frag and frag._repr_html_() == ""
    assert re.search(r"<h2 id=\"lk-data\">2\. ", report_html.data_section(r)._repr_html_())
