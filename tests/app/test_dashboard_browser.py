"""The stakeholder dashboard in a real browser: Debian's Chromium against a Voilà the test starts."""

import re
import shutil

import pytest

import labkit
from conftest import DATA, PageWatch
from hostile import CORPUS
from labkit.app import serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]

HOSTILE = '<img src=x onerror="window.__xss=1">Hostile <b>Bakkers</b> & Co'
# typed text that reaches the first view: the theme host's name (its subtitle) and a sector (its chart spec)
HOST = 'Regina </script><script>window.__xss=1</script> Bouius'
SECTOR = 'Kennis </script><img src=x onerror="window.__xss=1"> & onderwijs'
TIMEOUT = 60_000


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    data = tmp_path_factory.mktemp("served") / "data"
    shutil.copytree(DATA, data)
    f = data / "organisations.csv"
    # an organisation whose name a person typed with markup in it
    text = f.read_text(encoding="utf-8").replace("NBOV (Brood- en banketbakkers)", f'"{HOSTILE.replace(chr(34), 2 * chr(34))}"')
    f.write_text(text, encoding="utf-8")
    # and the whole hostile corpus as the names of other organisations and as commitment titles
    p = labkit.load(data)
    orgs = p.organisations.copy()
    others = orgs.index[orgs["name"] != HOSTILE][: len(CORPUS)]
    orgs.loc[others, "name"] = CORPUS[: len(others)]
    com = p.commitments.copy()
    com["title_nl"] = [CORPUS[i % len(CORPUS)] for i in range(len(com))]
    people = p.participants.copy()
    people.loc[people["id"] == "p-bouius", "name"] = HOST
    sectors = p.sectors.copy()
    sectors.loc[sectors["id"] == "knowledge-education", "name_nl"] = SECTOR
    p.replace(organisations=orgs, commitments=com, participants=people, sectors=sectors).save()
    log = open(tmp_path_factory.mktemp("log") / "voila.log", "w")
    with serve.running(data, tracebacks=True, log=log, pool_size=1) as base:
        yield base
    log.close()


def open_dashboard(page, base, query="", charts=True):
    watch = PageWatch(page)
    page.set_default_timeout(TIMEOUT)
    page.goto(f"{base}/voila/render/dashboard.ipynb{query}", wait_until="domcontentloaded")
    page.wait_for_selector(".lk-app h1")
    if charts:
        page.wait_for_selector(".lk-app .vega-embed svg")
    return watch


def tab(page, label):
    page.get_by_role("tab", name=label).click()


def wait_svg_text(page, text):
    page.wait_for_function(
        "t => Array.from(document.querySelectorAll('.lk-app .vega-embed svg text')).some(e => e.textContent.includes(t))",
        arg=text)


def svg_text(page, container=".lk-app"):
    return " ".join(page.evaluate(
        f"Array.from(document.querySelectorAll('{container} .vega-embed svg text')).map(t => t.textContent)"))


def test_dashboard_sections_render(page, server, artifacts):
    vega = []
    page.on("request", lambda r: vega.append(r.url) if "/voila/files/labkit-vega-" in r.url else None)
    watch = open_dashboard(page, server)
    assert "Middenvelddialogen" in page.locator(".lk-app h1").inner_text()
    notice = page.locator(".lk-notice").first.inner_text()
    assert "illustratief" in notice
    wait_svg_text(page, "Welke sectoren zaten aan tafel?")
    wait_svg_text(page, "Wie kwam wanneer")
    page.screenshot(path=str(artifacts / "dashboard-1-wie-deden-mee.png"), full_page=True)

    tab(page, "Verbindingen")
    page.wait_for_function("document.querySelectorAll('.lk-app .vega-embed svg g.mark-symbol.role-mark path').length > 30")
    wait_svg_text(page, "Wie ontmoetten elkaar")
    wait_svg_text(page, "E-I-index")
    page.screenshot(path=str(artifacts / "dashboard-2-verbindingen.png"), full_page=True)

    tab(page, "Routekaart")
    wait_svg_text(page, "De routekaart")
    text = svg_text(page)
    assert "De routekaart" in text and "2030" in text and "2050" in text
    assert "Financiële middelen" in text  # the stages are the package's own
    page.screenshot(path=str(artifacts / "dashboard-3-routekaart.png"), full_page=True)

    tab(page, "Brede welvaart & SDG's")
    wait_svg_text(page, "Klimaatactie")
    page.screenshot(path=str(artifacts / "dashboard-4-brede-welvaart.png"), full_page=True)
    # the hostile corpus is in names and titles on every tab: none of it ran
    assert page.evaluate("window.__xss") is None
    assert page.locator(".lk-app script, .lk-app img[src=x], .lk-app a[href^='javascript']").count() == 0
    # nine charts on four tabs, and vega came over the wire once (preloaded, then shared)
    page.wait_for_function("document.querySelectorAll('.lk-app .vega-embed svg').length >= 9")
    assert len(vega) == 1, vega
    watch.assert_clean()


def test_changing_sector_redraws_the_network(page, server):
    watch = open_dashboard(page, server)
    tab(page, "Verbindingen")
    page.wait_for_function("document.querySelectorAll('.lk-app .vega-embed svg g.mark-symbol.role-mark path').length > 30")
    faded = "Array.from(document.querySelectorAll('.lk-app g.mark-symbol.role-mark path')).filter(p => (p.getAttribute('opacity')||p.style.opacity) == '0.15').length"
    assert page.evaluate(faded) == 0
    page.locator("select").filter(has_text="Alle sectoren").select_option(label="Vakbond")
    page.wait_for_function(f"({faded}) > 0")
    watch.assert_clean()


def test_changing_theme_updates_the_page(page, server):
    watch = open_dashboard(page, server)
    page.locator("select").filter(has_text="Brede economische").select_option(label="4. Kwalitatieve leefomgeving")
    page.wait_for_function("document.body.innerText.includes('nog geen sessies')")
    assert "Kwalitatieve leefomgeving" in page.locator(".lk-sub").inner_text()
    watch.assert_clean()


def test_url_parameter_selects_theme(page, server):
    watch = open_dashboard(page, server, "?theme=samen-leven", charts=False)
    page.wait_for_function("document.querySelector('.lk-sub').innerText.includes('Samen leven')")
    assert "nog geen sessies" in page.locator(".lk-app").inner_text()
    watch.assert_clean()


def test_bad_url_parameter_gives_a_message_not_a_traceback(page, server):
    watch = open_dashboard(page, server, "?theme=../../etc/passwd")
    page.wait_for_selector("[role=alert]")
    assert "not a theme id" in page.locator("[role=alert]").inner_text()
    assert "Traceback" not in page.content()
    watch.assert_clean()


def test_language_switch_changes_labels(page, server, artifacts):
    watch = open_dashboard(page, server)
    page.get_by_role("button", name="English").click()
    page.wait_for_function("document.querySelector('.lk-app h1').innerText.includes('Civil-society dialogues')")
    page.get_by_role("tab", name="Who took part").wait_for()
    wait_svg_text(page, "Which sectors were at the table?")
    page.screenshot(path=str(artifacts / "dashboard-5-english.png"), full_page=True)
    watch.assert_clean()


def test_hostile_organisation_name_shows_as_text(page, server):
    watch = open_dashboard(page, server)
    tab(page, "Verbindingen")
    page.wait_for_function("document.querySelectorAll('.lk-app .vega-embed svg g.mark-symbol.role-mark path').length > 30")
    page.locator("select").filter(has_text="—").select_option(label=HOSTILE)
    page.wait_for_function("document.body.innerText.includes('Hostile <b>Bakkers</b>')")
    assert page.evaluate("window.__xss") is None
    assert page.locator(".lk-app img[src=x]").count() == 0
    assert page.locator(".lk-app b", has_text="Bakkers").count() == 0
    # the tooltip of the dot shows the name as text too
    dots = page.locator(".lk-app .vega-embed svg g.mark-symbol.role-mark path")
    found = False
    for i in range(dots.count()):
        dots.nth(i).hover(force=True)
        tip = page.locator("#vg-tooltip-element")
        if tip.count() and "Hostile" in (tip.inner_text() or ""):
            assert "Hostile <b>Bakkers</b>" in tip.inner_text()
            assert tip.locator("img").count() == 0
            found = True
            break
    assert found, "no tooltip showed the hostile name"
    assert page.evaluate("window.__xss") is None
    watch.assert_clean()


FIRST_VIEW = """
window.__seen = {};
new MutationObserver(() => {
  for (const [k, sel] of [["first", "#lk-preview .vega-embed svg"], ["live", ".lk-app .vega-embed svg"]]) {
    if (!window.__seen[k] && document.querySelector(sel)) { window.__seen[k] = performance.now(); }
  }
}).observe(document, {childList: true, subtree: true});
"""


def test_first_view_is_drawn_before_the_live_app_which_then_replaces_it(page, server):
    page.add_init_script(FIRST_VIEW)
    watch = open_dashboard(page, server)
    seen = page.evaluate("window.__seen")
    assert seen["first"] < seen["live"], seen
    assert page.locator("#lk-preview").count() == 0
    assert page.locator("h1:visible").count() == 1
    watch.assert_clean()


def test_first_view_on_its_own_is_readable_and_keeps_text_as_text(page, server, artifacts):
    # Voilà's scripts answered with nothing: the page as a visitor sees it before they have started
    page.route("**/voila.js*", lambda route: route.fulfill(status=200, content_type="text/javascript", body=""))
    watch = PageWatch(page)
    page.set_default_timeout(TIMEOUT)
    bad = '<img src=x onerror="window.__xss=1">'
    page.goto(f"{server}/voila/render/dashboard.ipynb?theme={bad}", wait_until="domcontentloaded")
    page.wait_for_selector("#lk-preview .vega-embed svg")
    first = page.locator("#lk-preview")
    drawn = svg_text(page, "#lk-preview")
    assert "Welke sectoren zaten aan tafel?" in drawn and SECTOR[:26] in drawn  # the legend shortens it
    assert HOST in first.locator(".lk-sub").inner_text()
    assert "Wie deden mee" in first.inner_text()
    assert "illustratief" in first.locator("[role=note]").inner_text()
    assert bad in first.locator("[role=alert]").inner_text()  # the visitor's text, shown as text
    assert first.locator("img").count() == 0
    assert page.evaluate("window.__xss") is None
    assert not page.locator("#loading").is_visible()  # the first view, not Voilà's spinner
    page.screenshot(path=str(artifacts / "dashboard-0-first-view.png"), full_page=True)
    watch.assert_clean()


# ------------------------------------------------------------ a programme of its own
import own_programme as own  # noqa: E402  (a module: its HOST is not this module's HOST)


@pytest.fixture(scope="module")
def own_server(tmp_path_factory):
    data = own.regiodeal(tmp_path_factory.mktemp("own") / "data")
    log = open(tmp_path_factory.mktemp("log") / "voila.log", "w")
    with serve.running(data, tracebacks=True, log=log, pool_size=1) as base:
        yield base
    log.close()


def test_own_programme_dashboard_in_the_browser(page, own_server, artifacts):
    page.set_viewport_size({"width": 1280, "height": 1500})  # Voilà scrolls inside: a tall window shows all
    watch = open_dashboard(page, own_server)
    assert page.locator(".lk-app h1").inner_text() == own.TITLE
    assert own.HOST in page.locator(".lk-app .lk-sub").inner_text()
    assert page.locator(".lk-app [role=note]").count() == 0  # nothing illustrative: no notice
    wait_svg_text(page, "Startbijeenkomst")
    page.screenshot(path=str(artifacts / "own-dashboard-1-wie.png"), full_page=True)
    seen = [page.locator(".lk-app").inner_text(), svg_text(page)]
    tab(page, "Verbindingen")
    wait_svg_text(page, "Wie ontmoetten elkaar")
    page.screenshot(path=str(artifacts / "own-dashboard-2-verbindingen.png"), full_page=True)
    tab(page, "Routekaart")
    wait_svg_text(page, "De routekaart")
    text = svg_text(page)
    assert f"1. {own.STAGES[0]}" in text and "2030" in text
    page.screenshot(path=str(artifacts / "own-dashboard-3-routekaart.png"), full_page=True)
    tab(page, "Brede welvaart & SDG's")
    wait_svg_text(page, "Duurzame steden")
    page.screenshot(path=str(artifacts / "own-dashboard-4-brede-welvaart.png"), full_page=True)
    seen += [page.locator(".lk-app").inner_text(), svg_text(page)]
    page.locator("select").filter(has_text=own.THEMES[0]).select_option(label=f"2. {own.THEMES[1]}")
    page.wait_for_function(f"document.querySelector('.lk-sub').innerText.includes({own.THEMES[1]!r})")
    seen.append(page.locator(".lk-app").inner_text())
    text = "\n".join(seen)
    assert all(name in text for name in own.THEMES) and own.KINDS[0] in text
    assert own.foreign_words(text + page.content()) == []
    assert "illustratief" not in text
    watch.assert_clean()
