"""The dashboard's "Door de tijd" tab: shown for a theme that ran in more than one round."""

import pytest

import labkit
from conftest import DATA, PageWatch
from labkit.app import serve
from labkit.app.dashboard import Dashboard
from labkit.cli import main


@pytest.fixture(scope="module")
def rounds_data(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rondes") / "data"
    assert main(["synth", str(folder), "--rounds", "3", "--organisations", "30"]) == 0
    return folder


def test_the_tab_shows_only_where_there_are_rounds(rounds_data):
    a = Dashboard(labkit.load(rounds_data))
    assert a.tabs.titles[-1] == "Door de tijd" and len(a.tabs.children) == 5
    assert "synthetisch" in a.notice.value.lower()  # every row is synthetic, and the page says so
    a.tabs.selected_index = 4
    steps = [label for label, _ in a.round_dd.options]
    assert steps == ["Ronde 1 (synthetisch) → Ronde 2 (synthetisch)",
                     "Ronde 2 (synthetisch) → Ronde 3 (synthetisch)"]
    change = a.data.round_change["steps"][1]["organisations"]
    assert (f"naar Ronde 3 (synthetisch): {change['retained']} van de {change['retained'] + change['gone']} "
            f"organisaties kwamen terug") in a.texts["rounds"].value
    a.round_dd.value = 0
    first = a.data.round_change["steps"][0]["organisations"]
    assert f"{first['new']} kwamen er nieuw bij" in a.texts["rounds"].value
    spec = a.slots["rounds"].chart.spec
    rows = [r for ds in spec["datasets"].values() for r in ds]
    assert {r["step_order"] for r in rows} == {0}
    assert sum(r["organisations"] for r in rows if r["group"] == "nieuw") == first["new"]
    a.set_lang("en")
    assert a.tabs.titles[-1] == "Over time" and a.tabs.selected_index == 4
    assert "From Round 1 (synthetic) to Round 2 (synthetic)" in a.texts["rounds"].value
    assert Dashboard(labkit.load(DATA)).tabs.titles[-1] == "Brede welvaart & SDG's"  # one round: four tabs


@pytest.mark.browser
@pytest.mark.slow
def test_the_tab_in_the_browser(rounds_data, page, tmp_path_factory, artifacts):
    log = open(tmp_path_factory.mktemp("log") / "voila.log", "w")
    with serve.running(rounds_data, tracebacks=True, log=log, pool_size=1) as base:
        watch = PageWatch(page)
        page.set_default_timeout(60_000)
        page.set_viewport_size({"width": 1280, "height": 1300})
        page.goto(f"{base}/voila/render/dashboard.ipynb", wait_until="domcontentloaded")
        page.wait_for_selector(".lk-app .vega-embed svg")
        page.get_by_role("tab", name="Door de tijd").click()
        page.wait_for_function("[...document.querySelectorAll('.lk-app svg text')]"
                               ".some(t => t.textContent.includes('Welke organisaties kwamen terug'))")
        assert "kwamen terug" in page.locator(".lk-app").inner_text()
        page.screenshot(path=str(artifacts / "dashboard-rounds.png"), full_page=True)
        watch.assert_clean()
    log.close()
