"""The published site's "Door de tijd" tab: a theme of several rounds shows the change one step
at a time, from disk, without a kernel; a theme of one round has no such tab."""

import re
import shutil

import pytest

import labkit
from conftest import DATA, PageWatch
from labkit.cli import main
from labkit.publish import publish
from labkit.views.theme import ThemeData

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def rounds_site(tmp_path_factory):
    data = tmp_path_factory.mktemp("rondes") / "data"
    assert main(["synth", str(data), "--rounds", "3", "--organisations", "30"]) == 0
    out = tmp_path_factory.mktemp("site") / "site"
    publish(data, out, public=True)
    return data, out


def test_the_tab_is_written_only_where_there_are_rounds(rounds_site, tmp_path):
    data, out = rounds_site
    p = labkit.load(data)
    theme = p.themes["id"].iloc[0]
    html = (out / "nl" / f"{theme}.html").read_text()
    assert 'id="tab-rounds"' in html and ">Door de tijd</a>" in html
    d = ThemeData(p, theme)
    said = d.round_sentences("nl")
    assert len(said) == 2 and html.count('class="lk-step-panel"') == 2
    # every sentence of every step is in the page, escaped as text; only the last step shows
    for step in said:
        for sentence in step:
            assert sentence.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in html
    assert re.search(r'<div class="lk-step-panel" data-step="0" hidden>', html)
    assert re.search(r'<div class="lk-step-panel" data-step="1">', html)
    example = tmp_path / "example"
    publish(DATA, example, public=True)
    assert 'id="tab-rounds"' not in (example / "nl" / "brede-welvaart.html").read_text()


def test_the_steps_in_the_browser(rounds_site, page, artifacts):
    data, out = rounds_site
    p = labkit.load(data)
    theme = p.themes["id"].iloc[0]
    d = ThemeData(p, theme)
    first, last = d.round_change["steps"][0]["organisations"], d.round_change["steps"][-1]["organisations"]
    watch = PageWatch(page)
    page.set_default_timeout(30_000)
    page.set_viewport_size({"width": 1280, "height": 1100})
    page.goto((out / "nl" / f"{theme}.html").as_uri() + "#rounds")
    page.wait_for_selector(".lk-chart[data-chart='rounds-1'][data-drawn='true'] svg")
    panel = page.locator("#rounds")
    assert f"organisaties kwamen terug" in panel.inner_text()
    assert f"{last['retained']} van de {last['retained'] + last['gone']}" in panel.inner_text()
    assert "Welke organisaties kwamen terug" in page.locator(".lk-chart[data-chart='rounds-1'] svg").text_content()
    page.screenshot(path=str(artifacts / "publish-rounds-last.png"), full_page=True)
    page.select_option("select.lk-step", "0")
    page.wait_for_selector(".lk-chart[data-chart='rounds-0'][data-drawn='true'] svg")
    shown = page.locator(".lk-step-panel:not([hidden])")
    assert shown.count() == 1 and shown.get_attribute("data-step") == "0"
    assert f"{first['new']} kwamen er nieuw bij" in shown.inner_text()
    assert page.locator(".lk-chart[data-chart='rounds-1']").is_hidden()
    bars = page.evaluate("document.querySelectorAll(\".lk-chart[data-chart='rounds-0'] svg .role-mark > *\").length")
    assert bars > 0
    page.screenshot(path=str(artifacts / "publish-rounds-first.png"), full_page=True)
    # the English page opens on the same tab
    page.click("a.lk-lang")
    page.wait_for_selector(".lk-chart[data-chart='rounds-1'][data-drawn='true'] svg")
    assert "Over time" in page.locator("#tab-rounds").inner_text()
    assert "came back" in page.locator("#rounds").inner_text()
    watch.assert_clean()
