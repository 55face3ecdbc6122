"""The published site in Chromium: opened from disk, from `python -m http.server` and from nginx.

Every tab of every theme in both languages draws its charts; the filters, the language
link, the theme menu and the organisation picker work without a kernel; no request
leaves the site and the console stays clean. The hostile corpus and names of people
who did not consent go through `publish --public`: nothing runs and nothing leaks.
"""

import contextlib
import io
import json
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

import labkit
from conftest import DATA, PageWatch
from hostile import CORPUS, LIVE, hostile_programme
from labkit.i18n import t
from labkit.publish import publish

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TIMEOUT = 30_000
THEMES = ["samen-leven", "innovatie-digitalisering", "brede-welvaart", "leefomgeving"]
TABS = ["who", "links", "roadmap", "welfare"]
#: The charts each tab of brede-welvaart draws (the organisation's own network once one is picked).
CHARTS = {"who": ["composition", "continuity"], "links": ["network", "mixing", "ei"],
          "roadmap": ["roadmap", "progress"], "welfare": ["welfare", "sdg"]}
SECRETS = ["Jan Geheimhouder", "Fatima Verborgen", "Piet Anoniem"]
HOST = 'Regina </script><script>window.__xss=11</script> Bouius'
SECTOR = 'Kennis </script><img src=x onerror="window.__xss=12"> & onderwijs'
THEME = '<svg onload="window.__xss=13">Brede welvaart</svg>'
TITLE = '<img src=x onerror="window.__xss=14">Middenvelddialogen'


# ------------------------------------------------------------------ sites and servers

def readable_folder(prefix: str) -> Path:
    """A temporary folder others may read: nginx's unprivileged user must reach the site."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    folder.chmod(0o755)
    return folder


@pytest.fixture(scope="module")
def site():
    root = readable_folder("labkit-site-")
    publish(DATA, root / "site", public=True)
    yield root / "site"
    shutil.rmtree(root)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The corpus as organisation names, commitment titles, quotes, a host, a sector, a theme and the
    programme's title; and names typed in for people who did not consent. Published with --public."""
    data = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(DATA, data)
    p = hostile_programme(labkit.load(data))
    people = p.participants.copy()
    hidden = people.index[~people["consent_named"].astype(bool)]
    people.loc[hidden, "name"] = [SECRETS[i % len(SECRETS)] for i in range(len(hidden))]
    people.loc[people["id"] == "p-bouius", "name"] = HOST
    sectors = p.sectors.copy()
    sectors.loc[sectors["id"] == "knowledge-education", "name_nl"] = SECTOR
    themes = p.themes.copy()
    themes.loc[themes["id"] == "brede-welvaart", "name_nl"] = THEME
    p = p.replace(participants=people, sectors=sectors, themes=themes)
    p.meta["programme"]["title_nl"] = TITLE
    p.save()
    assert set(SECRETS) <= set(labkit.load(data).participants["name"].dropna())  # the scan can fail
    root = readable_folder("labkit-hostile-site-")
    publish(data, root / "site", public=True)
    yield root / "site"
    shutil.rmtree(root)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, proc: subprocess.Popen, what: str) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{what} stopped at once: {proc.stderr.read().decode(errors='replace')}")
        with contextlib.suppress(OSError):
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not answer {url}")


def stop(proc: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    proc.stderr.close()


@contextlib.contextmanager
def http_server(folder: Path):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                             "--directory", str(folder)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)
    try:
        base = f"http://127.0.0.1:{port}/"
        wait_until_up(base + "index.html", proc, "python -m http.server")
        yield base
    finally:
        stop(proc)


def find_nginx() -> str:
    """nginx as tools/nginx.py finds it (`make test` installs Debian's nginx-light)."""
    for path in ("/usr/sbin/nginx", shutil.which("nginx")):
        if path and os.access(path, os.X_OK):
            return path
    pytest.fail("no nginx for the published site's tests: `make test` installs one (tools/nginx.py); "
                "else sudo apt-get install nginx-light", pytrace=False)


NGINX_CONF = """\
daemon off;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log stderr warn;
events {{ worker_connections 256; }}
http {{
    types {{
        text/html html; text/css css; application/javascript js; application/json json;
        application/zip zip; application/vnd.openxmlformats-officedocument.spreadsheetml.sheet xlsx;
    }}
    default_type application/octet-stream;
    charset utf-8;
    charset_types text/css application/javascript application/json;
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        index index.html;
    }}
}}
"""


@contextlib.contextmanager
def nginx(folder: Path):
    """Debian's nginx in the foreground with its own prefix and temporary folders on a loopback port,
    as an unprivileged user (nobody when the tests run as root)."""
    binary = find_nginx()
    tmp = Path(tempfile.mkdtemp(prefix="labkit-nginx-"))
    port = free_port()
    (tmp / "nginx.conf").write_text(NGINX_CONF.format(tmp=tmp, port=port, root=folder))
    drop = {}
    if os.geteuid() == 0:
        nobody = pwd.getpwnam("nobody")
        os.chown(tmp, nobody.pw_uid, nobody.pw_gid)
        drop = {"user": nobody.pw_uid, "group": nobody.pw_gid, "extra_groups": []}
    proc = subprocess.Popen([binary, "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-e", "stderr"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True, **drop)
    try:
        base = f"http://127.0.0.1:{port}/"
        wait_until_up(base + "index.html", proc, "nginx")
        yield base
    finally:
        stop(proc)
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture(scope="module", params=["disk", "http.server", "nginx"])
def base(request, site):
    """The site's address: file://, python -m http.server or nginx."""
    if request.param == "disk":
        yield site.as_uri() + "/"
    elif request.param == "http.server":
        with http_server(site) as url:
            yield url
    else:
        with nginx(site) as url:
            yield url


# ------------------------------------------------------------------ watching a page

class SiteWatch(PageWatch):
    """PageWatch, plus: every request stays under the site's address, and no console warning."""

    def __init__(self, page, base):
        super().__init__(page)
        self.base, self.requests, self.warnings = base, [], []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: self.warnings.append(m.text) if m.type == "warning" else None)

    def assert_clean(self):
        super().assert_clean()
        assert [u for u in self.requests if not u.startswith(self.base)] == []
        assert self.warnings == []


def open_page(page, base, path):
    watch = SiteWatch(page, base)
    page.set_default_timeout(TIMEOUT)
    page.goto(base + path)
    return watch


def show_tab(page, key) -> list[str]:
    """Open a tab; wait until its charts are drawn; their names."""
    page.click(f"#tab-{key}")
    page.wait_for_selector(f"#{key}:not([hidden])")
    page.wait_for_function(
        "key => Array.from(document.querySelectorAll('#' + key + ' .lk-chart:not([hidden])'))"
        ".every(el => el.dataset.drawn === 'true' && el.querySelector('svg'))", arg=key)
    return page.evaluate("key => Array.from(document.querySelectorAll('#' + key + ' .lk-chart:not([hidden])'))"
                         ".map(el => el.dataset.chart)", arg=key)


def chart_marks(page, name) -> int:
    return page.evaluate("n => document.querySelectorAll(`.lk-chart[data-chart='${n}'] svg .role-mark > *`).length",
                         name)


def chart_svg(page, name) -> str:
    return page.evaluate("n => document.querySelector(`.lk-chart[data-chart='${n}'] svg`).outerHTML", name)


def specs(page) -> dict:
    return json.loads(page.locator("#lk-specs").text_content())["specs"]


# ------------------------------------------------------------------ the site

@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("theme", THEMES)
def test_every_tab_draws_its_charts(page, base, theme, lang, artifacts):
    watch = open_page(page, base, f"{lang}/{theme}.html")
    assert page.locator("html").get_attribute("lang") == lang
    expected = specs(page)
    drawn = {}
    for key in TABS:
        drawn[key] = show_tab(page, key)
        assert page.locator(".lk-panel:not([hidden])").count() == 1
        for name in drawn[key]:
            assert chart_marks(page, name) > 0, f"{name} drew nothing"
            title = expected[name]["title"]["text"]
            assert title in page.locator(f".lk-chart[data-chart='{name}'] svg").text_content()
        if theme == "brede-welvaart" and base.startswith("file:"):
            page.screenshot(path=str(artifacts / f"publish-{lang}-{theme}-{key}.png"), full_page=True)
    assert sorted(n for names in drawn.values() for n in names) == sorted(set(expected) - {"ego"})
    if theme == "brede-welvaart":
        assert drawn == CHARTS
    else:
        assert t("no_sessions", lang) in page.locator(".lk-notice").all_inner_texts()
    watch.assert_clean()


def test_the_filters_change_the_picture(page, base):
    watch = open_page(page, base, "nl/brede-welvaart.html#links")
    show_tab(page, "links")
    before = chart_svg(page, "network")
    for signal_, value in [("sector", "union"), ("table", "werkplaats"), ("size_by", "betweenness")]:
        page.select_option(f"select[data-signal='{signal_}']", value)
        page.wait_for_function("([n, old]) => document.querySelector(`.lk-chart[data-chart='${n}'] svg`)"
                               ".outerHTML !== old", arg=["network", before])
        after = chart_svg(page, "network")
        assert after != before, signal_
        before = after
    # a tooltip names an organisation, drawn by vega-embed's own handler
    dot = page.locator(".lk-chart[data-chart='network'] svg .mark-symbol path").first
    dot.hover(force=True)
    page.wait_for_selector("#vg-tooltip-element.visible")
    assert "Organisatie" in page.locator("#vg-tooltip-element").inner_text()
    watch.assert_clean()


def test_the_language_link_and_the_theme_menu(page, base):
    watch = open_page(page, base, "nl/brede-welvaart.html")
    show_tab(page, "roadmap")
    page.click("a.lk-lang")
    page.wait_for_url(re.compile(r"/en/brede-welvaart\.html#roadmap$"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert show_tab(page, "roadmap") == ["roadmap", "progress"]
    assert "The roadmap" in page.locator(".lk-chart[data-chart='roadmap'] svg").text_content()
    assert page.locator("#tab-roadmap").get_attribute("aria-selected") == "true"
    page.select_option("select.lk-goto", "samen-leven.html")
    page.wait_for_url(re.compile(r"/en/samen-leven\.html#roadmap$"))
    assert "No sessions have been recorded" in page.locator(".lk-notice").all_inner_texts()[-1]
    page.click("a.lk-lang")
    page.wait_for_url(re.compile(r"/nl/samen-leven\.html#roadmap$"))
    page.go_back()
    page.go_back()
    page.wait_for_url(re.compile(r"/en/brede-welvaart\.html#roadmap$"))
    page.wait_for_function("document.querySelector('select.lk-goto').value === 'brede-welvaart.html'")
    watch.assert_clean()


def test_the_organisation_picker_shows_its_network(page, base, artifacts):
    watch = open_page(page, base, "en/brede-welvaart.html#links")
    show_tab(page, "links")
    assert page.locator(".lk-chart[data-chart='ego']").is_hidden()
    previous = None
    for org, name in [("org:global-compact", "Global Compact"), ("org:fnv", "FNV")]:
        page.select_option("select[data-signal='org']", org)
        page.wait_for_selector(".lk-chart[data-chart='ego'][data-drawn] svg")
        page.wait_for_function("([n, old]) => document.querySelector(`.lk-chart[data-chart='${n}'] svg`)"
                               ".outerHTML !== old", arg=["ego", previous or ""])
        svg = chart_svg(page, "ego")
        assert f">{name}<" in svg
        panel = page.locator(f".lk-ego[data-org='{org}']")
        assert panel.is_visible() and panel.locator("h4").inner_text() == name
        assert page.locator(".lk-ego:visible").count() == 1
        previous = svg
    # FNV's network: FNV and its partners, a line to each
    spec = specs(page)["ego"]
    ties = [e for e in spec["datasets"][spec["layer"][0]["data"]["name"]] if "org:fnv" in (e["u"], e["v"])]
    lines = page.locator(".lk-chart[data-chart='ego'] svg .mark-rule line, "
                         ".lk-chart[data-chart='ego'] svg .mark-rule path").count()
    assert lines == len(ties) > 0
    if base.startswith("file:"):
        page.locator(".lk-chart[data-chart='ego']").locator("xpath=..").screenshot(
            path=str(artifacts / "publish-en-brede-welvaart-organisation.png"))
    page.select_option("select[data-signal='org']", "")
    assert page.locator(".lk-chart[data-chart='ego']").is_hidden() and page.locator(".lk-ego:visible").count() == 0
    watch.assert_clean()


def test_the_index_leads_to_every_page_report_and_download(page, base, artifacts):
    watch = open_page(page, base, "index.html")
    if base.startswith("file:"):
        page.screenshot(path=str(artifacts / "publish-index.png"), full_page=True)
    links = page.evaluate("Array.from(document.querySelectorAll('a')).map(a => a.href)")
    assert all(u.startswith(base) for u in links), links
    for lang in ("nl", "en"):
        for theme in THEMES:
            assert f"{base}{lang}/{theme}.html" in links and f"{base}reports/{lang}/{theme}.html" in links
    page.click("section#en a[href='en/brede-welvaart.html']")
    page.wait_for_url(re.compile(r"/en/brede-welvaart\.html$"))
    show_tab(page, "who")
    page.goto(base + "reports/nl/brede-welvaart.html")
    assert "brede" in page.title().lower()
    watch.assert_clean()
    if base.startswith("http"):
        for url in [u for u in links if "/downloads/" in u]:
            with urllib.request.urlopen(url, timeout=10) as r:
                assert r.status == 200 and zipfile.is_zipfile(io.BytesIO(r.read()))


# ------------------------------------------------------------------ hostile text and private names

def every_page(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def test_hostile_text_stays_text_in_the_browser(page, hostile_site):
    base = hostile_site.as_uri() + "/"
    for path in every_page(hostile_site):
        watch = open_page(page, base, path)
        if page.locator("#lk-specs").count():
            for key in TABS:
                show_tab(page, key)
            if page.locator("select[data-signal='org']").count():
                show_tab(page, "links")
                for org in page.eval_on_selector_all("select[data-signal='org'] option", "os => os.map(o => o.value)")[1:8]:
                    page.select_option("select[data-signal='org']", org)
                page.wait_for_selector(".lk-chart[data-chart='ego'][data-drawn]")
                for dot in page.locator(".lk-chart[data-chart='network'] svg .mark-symbol path").all()[:25]:
                    dot.hover(force=True)
                    tip = page.locator("#vg-tooltip-element")
                    assert tip.locator("img, script, svg").count() == 0
        assert page.evaluate("window.__xss") is None, path
        # (the reports' figures are images with data: addresses)
        assert page.locator("img:not([src^='data:image/']), iframe, object, embed, [onload], [onerror], "
                            "a[href^='javascript']").count() == 0
        # network and report pages bring no request or console error, hostile data or not
        watch.assert_clean()
    # the typed text shows as text
    page.goto(base + "nl/brede-welvaart.html#links")
    show_tab(page, "links")
    options = page.eval_on_selector_all("select[data-signal='org'] option", "os => os.map(o => o.textContent)")
    assert CORPUS[1] in options  # '<img src=x onerror=...>' as an organisation's name
    assert page.locator("h1").inner_text() == TITLE
    assert HOST in page.locator(".lk-sub").inner_text()
    assert THEME in page.locator("select.lk-goto").inner_text()
    assert page.evaluate("window.__xss") is None


def _texts(site: Path):
    """Every file of the site as text, the members of zips and workbooks included."""
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as z:
                for name in z.namelist():
                    yield f"{path}!{name}", z.read(name).decode("utf-8", "replace")
        else:
            yield str(path), path.read_bytes().decode("utf-8", "replace")


def test_nothing_leaks_from_a_public_site(hostile_site):
    names = 0
    for where, text_ in _texts(hostile_site):
        names += 1
        for secret in SECRETS:
            assert secret not in text_, f"{secret!r} leaked into {where}"
    assert names > 40  # pages, reports, assets, the package's CSVs and the workbook's sheets


def test_no_typed_text_becomes_markup(hostile_site):
    for path in sorted(hostile_site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        data = re.findall(r'<script type="application/json"[^>]*>(.*?)</script>', html, re.S)
        markup = re.sub(r'<script type="application/json"[^>]*>.*?</script>', "", html, flags=re.S)
        for live in LIVE:
            assert live not in markup, f"{live!r} is live in {path}"
        for block in data:
            assert "<" not in block and ">" not in block  # JSON that cannot close its element
            json.loads(block)
