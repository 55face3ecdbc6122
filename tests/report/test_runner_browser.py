"""The theme report opened from disk in a real browser, with the hostile corpus in its data."""

import shutil

import pytest

import labkit
from conftest import DATA, PageWatch
from hostile import hostile_programme
from labkit.report.runner import run_reports

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile-report")
    shutil.copytree(DATA, base / "data")
    hostile_programme(labkit.load(base / "data")).save()
    run_reports(data_dir=str(base / "data"), out_dir=str(base / "out"), themes=["brede-welvaart"],
                progress=False)
    return base / "out" / "brede-welvaart.html"


def test_no_script_runs_and_text_shows_as_typed(page, report, artifacts):
    watch = PageWatch(page)
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(report.as_uri())
    page.wait_for_load_state("load")
    assert page.evaluate("window.__xss") is None
    body = page.locator("body").inner_text()
    for value in ("<script>window.__xss = 1</script>", '<img src=x onerror="window.__xss=2">',
                  "</script><script>window.__xss=4</script>", "Coöperatie Zuid-Holland"):
        assert value in body, value
    assert page.locator("img[src=x]").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    # opened from disk, the report asks nothing of any network
    assert [u for u in requests if not u.startswith(("file:", "data:"))] == []
    page.screenshot(path=str(artifacts / "report-hostile.png"))
    watch.assert_clean()


def test_own_programme_report_reads_as_its_own(page, tmp_path, artifacts):
    from own_programme import HOST, THEMES, TITLE, foreign_words, regiodeal, themes_and_sessions
    for name, make, theme in (("own", regiodeal, "wonen"), ("bare", themes_and_sessions, "wonen")):
        data = make(tmp_path / name / "data")
        run_reports(data_dir=str(data), out_dir=str(tmp_path / name / "out"), progress=False)
        watch = PageWatch(page)
        page.goto((tmp_path / name / "out" / f"{theme}.html").as_uri())
        page.wait_for_load_state("load")
        body = page.locator("body").inner_text()
        assert foreign_words(body) == [] and "illustratief" not in body
        if name == "own":
            assert TITLE in body and all(t in body for t in THEMES) and HOST in body
            assert page.locator("img").count() == 4  # the four chart figures, as SVG images
        else:
            assert page.locator("img").count() == 0 and page.locator(".lk-empty").count() == 7
        page.screenshot(path=str(artifacts / f"{name}-report.png"), full_page=True)
        page.goto((tmp_path / name / "out" / "index.html").as_uri())
        page.screenshot(path=str(artifacts / f"{name}-report-index.png"), full_page=True)
        watch.assert_clean()
