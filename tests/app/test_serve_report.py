"""The theme report under `labkit serve`: Voilà with a preheated kernel renders the theme and
language the URL asks for, the first request (the preheated kernel) and later ones alike."""

import json
import os
import re
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pandas as pd
import pytest

from conftest import DATA, PageWatch
from labkit.app import serve
from labkit.report import html as report_html, narrative

pytestmark = pytest.mark.slow

THEMES = pd.read_csv(DATA / "themes.csv")
TITLE = {"nl": "Themarapport: {}", "en": "Theme report: {}"}
TIMEOUT = 120


def title(theme: str, lang: str) -> str:
    row = THEMES.set_index("id").loc[theme]
    return TITLE[lang].format(row["name_nl"] if lang == "nl" else row["name_en"])


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def outputs(page: str) -> list[dict]:
    """The cell outputs of a Voilà page (its template puts each one in the page as JSON)."""
    return [json.loads(m) for m in re.findall(
        r'<script type="application/vnd.voila.cell-output\+json">(.*?)</script>', page, re.S)]


def shown_html(page: str) -> str:
    return "".join(o.get("data", {}).get("text/html", "") for o in outputs(page))


# ------------------------------------------------------------ the server's processes (Linux)
def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    return out


def _voila_pid(port: int) -> int:
    for pid in _children(os.getpid()):
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"voila" in cmd and f"--port={port}".encode() in cmd:
            return pid
    raise AssertionError(f"no Voilà on port {port} among this test's processes")


def _waiting_kernels(voila: int, port: int) -> int:
    """Voilà's kernels with a connection open to its port: a preheated kernel holds one
    (Voilà's query websocket) while it waits for its request. Kernels talk to Voilà over
    Unix sockets (``--KernelManager.transport=ipc``), so there is no other."""
    connected = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            f = line.split()
            if f[3] == "01" and int(f[2].rsplit(":", 1)[1], 16) == port:  # ESTABLISHED, to the port
                connected.add(f[9])  # socket inode
    n = 0
    for pid in _children(voila):
        try:
            links = [os.readlink(fd) for fd in Path(f"/proc/{pid}/fd").iterdir()]
        except OSError:
            continue
        n += any(link[len("socket:["):-1] in connected for link in links if link.startswith("socket:["))
    return n


def wait_until_preheated(base: str, notebooks: int = len(serve.SERVED)) -> None:
    """Wait until each served notebook's preheated kernel has run up to its wait for a request.

    Without it a request can reach a kernel still starting; with it the first request meets
    the case that was broken: the kernel had run the notebook before any URL was known."""
    if not sys.platform.startswith("linux"):
        return  # reads /proc; the requests below still go to the preheated kernels
    port = int(base.rsplit(":", 1)[1])
    voila = _voila_pid(port)
    deadline = time.monotonic() + TIMEOUT
    while _waiting_kernels(voila, port) < notebooks:
        assert time.monotonic() < deadline, "a preheated kernel never waited for its request"
        time.sleep(0.2)


def used_preheated(log: Path) -> int:
    """How many requests for the report Voilà answered from a preheated kernel."""
    return len(re.findall(r"Using pre-heated kernel: \S+ for theme_report\.ipynb", log.read_text()))


@pytest.fixture
def served(tmp_path):
    """`labkit serve`'s Voilà (preheated kernels, tracebacks hidden) on a free loopback port."""
    log_path = tmp_path / "voila.log"
    with open(log_path, "w") as log, serve.running(DATA, log=log) as base:
        yield base, log_path


def assert_report(page: str, theme: str, lang: str) -> None:
    html = shown_html(page)
    headings = re.findall(r"<h1>(.*?)</h1>", html)
    assert headings == [title(theme, lang)], (theme, lang, headings)
    for other in THEMES["id"]:
        for lg in TITLE:
            if (other, lg) != (theme, lang):
                assert f"<h1>{title(other, lg)}</h1>" not in html
    # the same header as the report made for that theme and language outside Voilà
    expected = report_html.header(narrative.prepare(theme=theme, lang=lang, data_dir=str(DATA)))
    assert expected.__html__() in html


def test_served_report_is_the_theme_and_language_the_url_asks_for(served):
    base, log = served
    url = f"{base}/voila/render/theme_report.ipynb"
    # brede-welvaart in Dutch is what the kernel would make without the URL: ask for others first
    wait_until_preheated(base)
    status, page = get(f"{url}?thema=samen-leven&lang=en")  # the first request: the preheated kernel
    assert status == 200
    assert used_preheated(log) == 1
    assert_report(page, "samen-leven", "en")
    # at once: Voilà hands this request the kernel that refills the pool, still starting up
    status, page = get(f"{url}?thema=innovatie-digitalisering&lang=nl")
    assert status == 200 and used_preheated(log) == 2
    assert_report(page, "innovatie-digitalisering", "nl")
    # every theme in both languages, each from a kernel that had been waiting for it
    for theme in THEMES["id"]:
        for lang in ("en", "nl"):
            wait_until_preheated(base)
            status, page = get(f"{url}?thema={theme}&lang={lang}")
            assert status == 200
            assert_report(page, theme, lang)
    assert used_preheated(log) == 2 + 2 * len(THEMES)
    # ?theme= (Voilà starts a kernel for the request) and the defaults still work
    assert_report(get(f"{url}?theme=leefomgeving&lang=en")[1], "leefomgeving", "en")
    wait_until_preheated(base)
    assert_report(get(f"{url}?lang=en")[1], "brede-welvaart", "en")
    wait_until_preheated(base)
    assert_report(get(url)[1], "brede-welvaart", "nl")


BAD = [
    ("thema=onbekend&lang=en", "no theme &#39;onbekend&#39; in the data package"),
    ("thema=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", "URL parameter &#39;thema&#39; is &#39;&lt;img src=x"),
    ("thema=samen-leven&lang=%3C%2Fscript%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E", "give nl or en"),
    ("thema=samen-leven&data_dir=%2Fetc", "unknown URL parameter &#39;data_dir&#39;"),
]


def test_bad_url_gives_a_message_from_the_preheated_kernel(served):
    base, log = served
    for n, (query, message) in enumerate(BAD, 1):
        wait_until_preheated(base)
        status, page = get(f"{base}/voila/render/theme_report.ipynb?{query}")
        assert status == 200 and used_preheated(log) == n
        html = shown_html(page)
        assert "This report cannot be made:" in html and message in html, query
        assert "<h1>" not in html, query  # no report, not even the default one
        for raw in ("<img src=x", "<script>alert(1)"):
            assert raw not in page, query  # in the page only as escaped text
        assert "Traceback" not in page


@pytest.mark.browser
def test_english_report_of_another_theme_in_the_browser(served, page, artifacts):
    base, _ = served
    wait_until_preheated(base)
    watch = PageWatch(page)
    page.set_default_timeout(TIMEOUT * 1000)
    page.goto(f"{base}/voila/render/theme_report.ipynb?thema=samen-leven&lang=en", wait_until="load")
    heading = page.locator("h1", has_text="Theme report")
    heading.wait_for()
    assert heading.inner_text() == title("samen-leven", "en")
    assert page.locator("h1").count() == 1
    page.wait_for_selector(".lk-report h2")
    assert "Themarapport" not in page.locator("body").inner_text()
    page.screenshot(path=str(artifacts / "report-served-samen-leven-en.png"), full_page=True)
    watch.assert_clean()


def test_served_report_reads_the_package_labkit_serve_was_given(pkg, tmp_path):
    themes = pkg / "themes.csv"
    themes.write_text(themes.read_text(encoding="utf-8").replace(
        "Samen leven: cohesie", "Eigen programma: cohesie"), encoding="utf-8")
    with open(tmp_path / "voila.log", "w") as log, serve.running(pkg, log=log) as base:
        status, page = get(f"{base}/voila/render/theme_report.ipynb?thema=samen-leven")
    assert status == 200
    assert "Themarapport: Eigen programma: cohesie" in shown_html(page)
