"""The pages `labkit serve` shows besides the notebooks: the landing page at `/` (also Voilà's
tree pages), labkit's 404 and error pages, and the published site under `/site/`. Over HTTP
and in Chromium: no file listing, nothing from a CDN, links that work, hostile text as text."""

import json
import re
import shutil
import time
import urllib.error
import urllib.request
from html.parser import HTMLParser

import pytest

import labkit
from conftest import DATA, PageWatch
from hostile import CORPUS
from labkit.app import serve

pytestmark = pytest.mark.slow

TITLE = 'Dialogen <script>window.__xss=1</script> & "co" {{7*7}}'
#: hostile theme names: the landing page lists every theme by name
NAMES = [CORPUS[0], CORPUS[2], CORPUS[3], "{{7*7}} ${7*7} <%= 7*7 %>"]
LANDINGS = ["/", "/voila/tree", "/voila/tree/", "/?classic-tree=true", "/voila/tree?classic-tree=true"]
NOT_FOUND = ["/nope", "/voila/tree/nope", "/voila/render/nope.ipynb", "/voila/tree/dashboard.ipynb",
             "/voila", "/voila/", "/site/nope.html", "/site/.hidden", "/site/%2e%2e/secret.txt"]
ASSET = "x" * 2048


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    root = tmp_path_factory.mktemp("pages")
    data = root / "data"
    shutil.copytree(DATA, data)
    meta = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    meta["title"] = TITLE
    (data / "datapackage.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
    p = labkit.load(data)
    themes = p.themes.copy()
    themes["name_nl"] = NAMES[: len(themes)]
    p.replace(themes=themes).save()
    site = root / "site"
    (site / "assets").mkdir(parents=True)
    (site / "index.html").write_text('<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Site</title><link rel="icon" href="data:,">'
                                     '<script src="assets/app.js"></script></head><body><h1>Gepubliceerde site</h1>'
                                     '</body></html>', encoding="utf-8")
    (site / "assets" / "app.js").write_text(f"window.lkSite = 1; // {ASSET}", encoding="utf-8")
    (site / ".hidden").write_text("secret", encoding="utf-8")
    (root / "secret.txt").write_text("secret", encoding="utf-8")
    log = open(root / "voila.log", "w")
    with serve.running(data, preheat=False, pool_size=0, site=site, log=log) as base:
        yield base
    log.close()


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=60) as r:
            return r.status, r.headers.get_content_type(), r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get_content_type(), e.read().decode("utf-8", "replace")


class Links(HTMLParser):
    def __init__(self, page):
        super().__init__()
        self.refs, self.tags = [], []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("href", "src", "action"):
                self.refs.append(value)


def assert_labkit_page(page):
    links = Links(page)
    assert "script" not in links.tags, "labkit's own pages run no script"
    assert "voila-notebooks" not in page and "treepage.js" not in page  # Voilà's listing
    assert not any(re.match(r"(https?:)?//", ref) for ref in links.refs), links.refs  # no CDN, no outside
    assert "font-awesome" not in page and "cdn." not in page


# ------------------------------------------------------------------ over HTTP
@pytest.mark.parametrize("path", LANDINGS)
def test_landing_page_replaces_the_file_listing(served, path):
    status, kind, page = get(served + path)
    assert (status, kind) == (200, "text/html")
    assert_labkit_page(page)
    assert "dashboard.ipynb</a>" not in page and "labkit-vega-" not in page  # names no file
    refs = Links(page).refs
    assert "/voila/render/dashboard.ipynb" in refs and "/site/" in refs
    for theme in labkit.load(DATA).themes["id"]:
        assert f"/voila/render/theme_report.ipynb?thema={theme}" in refs
        assert f"/voila/render/theme_report.ipynb?thema={theme}&lang=en" in refs
        assert f"/voila/render/dashboard.ipynb?thema={theme}&lang=en" in refs


def test_landing_page_shows_hostile_text_as_text(served):
    page = get(served + "/")[2]
    assert "<script>window.__xss" not in page and "<svg onload" not in page
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in page  # the title, escaped
    assert "&#34;&gt;&lt;svg onload=window.__xss=3&gt;" in page  # a theme name, escaped
    assert "{{7*7}}" in page and ">49<" not in page  # data is not a template


def test_every_landing_link_leads_somewhere(served):
    refs = sorted(set(Links(get(served + "/")[2]).refs) - {"data:,"})  # data:, the empty icon
    assert refs and all(ref.startswith("/") for ref in refs)
    for ref in refs:
        path = ref.split("?", 1)[0]
        assert path in ("/", "/site/", "/voila/render/dashboard.ipynb", "/voila/render/theme_report.ipynb"), ref
    # the notebooks render (each opens a kernel: one of each here; the browser test opens one too)
    status, _, page = get(served + "/voila/render/theme_report.ipynb?thema=brede-welvaart&lang=en")
    assert status == 200 and "Theme report" in page
    assert get(served + "/site/")[0] == 200


@pytest.mark.parametrize("path", NOT_FOUND)
def test_other_addresses_get_labkits_404_page(served, path):
    status, kind, page = get(served + path)
    assert (status, kind) == (404, "text/html"), path
    assert_labkit_page(page)
    assert "404" in page and 'href="/"' in page  # a way back to the start page
    assert "secret" not in page


def test_voilas_contents_api_lists_nothing(served):
    status, _, body = get(served + "/voila/api/contents")
    assert status == 200 and json.loads(body)["content"] == []


def test_the_published_site_is_served_read_only(served):
    status, kind, page = get(served + "/site/")
    assert (status, kind) == (200, "text/html") and "Gepubliceerde site" in page
    assert get(served + "/site/assets/app.js")[2].endswith(ASSET)
    assert get(served + "/site")[0] == 200  # redirected to /site/
    assert get(served + "/site/assets/")[0] in (403, 404)  # no listing of a folder
    for probe in ("/site/.hidden", "/site/..%2fsecret.txt", "/site/%2e%2e/secret.txt", "/site/assets/../../secret.txt"):
        status, _, body = get(served + probe)
        assert status in (403, 404) and "secret" not in body.replace("secret.txt", ""), probe


def test_a_missing_site_folder_is_refused(tmp_path):
    with pytest.raises(labkit.LabkitError, match="no index.html"):
        serve.find_site(tmp_path)
    (tmp_path / "index.html").write_text("x")
    with pytest.raises(labkit.LabkitError, match="data package"):
        serve.find_site(tmp_path, data=tmp_path / "data")
    assert serve.find_site(tmp_path) == (tmp_path.resolve(), None)
    assert serve.find_site("https://intranet.example/lab/") == (None, "https://intranet.example/lab/")


# ------------------------------------------------------------------ in Chromium
@pytest.mark.browser
@pytest.mark.parametrize("path", ["/", "/voila/tree?classic-tree=true"])
def test_landing_page_in_the_browser(page, served, path):
    watch = PageWatch(page)
    page.set_default_timeout(60_000)
    page.goto(served + path)
    assert page.locator("h1").inner_text() == TITLE
    assert page.evaluate("window.__xss") is None
    rows = page.locator("table.lk-themes tbody tr")
    assert rows.count() == len(labkit.load(DATA).themes)
    shown = page.locator("table.lk-themes").inner_text()
    assert all(name in shown for name in NAMES), shown
    assert page.locator(".voila-notebooks, #voila-tree-main").count() == 0
    page.get_by_role("link", name="De gepubliceerde site").click()
    page.wait_for_url(served + "/site/")
    page.wait_for_function("window.lkSite === 1")
    watch.assert_clean()


def _kernels(port):
    """Kernels of the Voilà on ``port`` that this test process started."""
    import psutil

    def cmdline(proc):  # a kernel that exits while we look is gone, not running (a zombie has none)
        try:
            return " ".join(proc.cmdline())
        except (psutil.ZombieProcess, psutil.NoSuchProcess):
            return ""
    for p in psutil.Process().children(recursive=True):
        if f"--port={port}" in cmdline(p):
            return {k.pid for k in p.children() if "ipykernel" in cmdline(k)}
    raise AssertionError(f"no Voilà on port {port}")


@pytest.mark.browser
def test_the_dashboard_link_opens_the_dashboard(page, served):
    watch = PageWatch(page)
    page.set_default_timeout(90_000)
    page.goto(served + "/")
    page.locator("ul.lk-dashboard a").first.click()
    page.wait_for_selector(".lk-app .vega-embed svg")
    assert page.url == served + "/voila/render/dashboard.ipynb"
    assert page.evaluate("window.__xss") is None
    watch.assert_clean()


@pytest.mark.browser
def test_a_closed_dashboard_tab_frees_its_kernel_at_once(browser, served):
    # opened directly, not from the landing page: labkit's page fetches the _xsrf cookie that
    # Voilà's shutdown-on-leave needs (Voilà's notebook page sets none)
    port = int(served.rsplit(":", 1)[1])
    before = _kernels(port)
    context = browser.new_context()
    page = context.new_page()
    watch = PageWatch(page)
    page.set_default_timeout(90_000)
    page.goto(served + "/voila/render/dashboard.ipynb?thema=brede-welvaart")
    page.wait_for_selector(".lk-app .vega-embed svg")
    assert any(c["name"] == "_xsrf" for c in context.cookies())
    assert len(_kernels(port) - before) == 1
    watch.assert_clean()
    page.close(run_before_unload=True)
    deadline = time.monotonic() + 30
    while _kernels(port) - before and time.monotonic() < deadline:
        time.sleep(0.5)
    context.close()
    assert not _kernels(port) - before, "the closed tab's kernel is still running"


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/nope", "/voila/render/nope.ipynb", "/voila/tree/nope"])
def test_404_page_in_the_browser(page, served, path):
    watch = PageWatch(page)
    response = page.goto(served + path)
    assert response.status == 404
    assert page.locator("h1").inner_text().startswith("404")
    page.locator("a.lk-home").click()
    page.wait_for_url(served + "/")
    assert page.locator("table.lk-themes").count() == 1
    # the one console error is Chromium's note on the 404 answer itself
    watch.console = [m for m in watch.console if "status of 404" not in m]
    watch.assert_clean()
