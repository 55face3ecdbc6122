"""Load: a whole room opens the link at once. Locust, headless, loopback only, bounded in time.

Scenarios (all of them by default, one after the other):

``live``    ``labkit serve`` on this machine. ``--users`` (20) viewers arrive within
            ``--users / --spawn-rate`` seconds (2); each requests the dashboard
            (``/voila/render/dashboard.ipynb?thema=brede-welvaart``), reads the answer until
            the first view is in it, reads on to its end as a browser does, then leaves as a
            closing browser tab does (Voilà's shutdown API ends its kernel). Run twice in the
            same run: with the pool sized for the room (``--pool``, default the room's size)
            and with the pool off (``--pool 1``, the behaviour before). Target: median
            <= 3 s and slowest <= 8 s to the first view, no failures. Prints the memory of
            labkit, Voilà and the kernels: idle, at the peak, and once the pool has refilled.
``static``  The published site behind nginx (Debian's ``nginx-light``, run unprivileged in
            the foreground on a loopback port): ``--static-users`` (200) users at once, each
            loading a dashboard page and every asset it links, ``--static-loads`` times.
            Target: p95 of the full page <= 1 s, no failures. ``--site DIR`` is what
            ``labkit publish`` wrote; without it a stand-in (an HTML page and a 1 MB script)
            is measured, and the output says so.
``browser`` ``--pages`` (4) Chromium pages (Playwright, /usr/bin/chromium) open the live app
            at once and must draw the dashboard's chart: what the viewers get is drawn.

Figures, not a timed test. Locust's CSV statistics go to ``--csv PREFIX`` (default
``benchmarks/out/load``): ``PREFIX-<scenario>_stats.csv`` and ``_stats_history.csv``.
Other engineers measure on these cores too: run it alone, under the shared lock::

    .venv/bin/pip install -e '.[bench]'          # Locust (not needed by the tests)
    pgrep -af benchmarks/ || flock /tmp/labkit-bench.lock .venv/bin/python benchmarks/load.py

``locust -f benchmarks/load.py DashboardViewer --host http://127.0.0.1:8866 --headless
-u 20 -r 10 -t 60s`` runs the live users against a server you started yourself.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

#: the browser scenario's own process: Playwright's sync API and gevent's patches (which
#: importing Locust applies) do not mix, so that process never imports Locust
BROWSER_ONLY = __name__ == "__main__" and sys.argv[1:2] == ["browser-only"]
if BROWSER_ONLY:
    HttpUser = FastHttpUser = object

    def task(f):
        return f

    def constant(_):
        return None
else:
    try:
        import gevent
        from locust import FastHttpUser, HttpUser, constant, task
        from locust.exception import StopUser
    except ImportError:
        sys.exit("benchmarks/load.py needs Locust: .venv/bin/pip install -e '.[bench]' (or pip install 'locust>=2')")

import psutil  # noqa: E402  (after Locust: gevent patches the standard library first)

DASHBOARD = "/voila/render/dashboard.ipynb?thema=brede-welvaart"
#: the first view (labkit's template, data_priority block): the still's data, then its end
FIRST_VIEW = re.compile(rb'id="lk-preview-data">.*?</script>', re.S)
KERNEL_ID = re.compile(rb'"kernelId": "([0-9a-f-]{36})"')
ASSET_REF = re.compile(r"""<(?:script|img|link)\b[^>]*?\b(?:src|href)\s*=\s*["']([^"'#]+)["']""", re.I)
TIMEOUT_S = 180  # a viewer that has not seen the first view by then has failed


# ---------------------------------------------------------------- the users
class DashboardViewer(HttpUser):
    """One stakeholder: opens the dashboard once, reads it, closes the tab."""

    wait_time = constant(0)
    done = 0

    @task
    def open_dashboard(self):
        t0 = time.perf_counter()
        first = None
        body = b""
        error = None
        try:
            with self.client.get(DASHBOARD, stream=True, timeout=TIMEOUT_S, name="dashboard",
                                 catch_response=True) as r:
                if r.status_code != 200:
                    r.failure(f"HTTP {r.status_code}")
                    error = RuntimeError(f"HTTP {r.status_code}")
                else:
                    for chunk in r.iter_content(16384):
                        body += chunk
                        if first is None and FIRST_VIEW.search(body):
                            first = time.perf_counter() - t0
                    r.success()  # the connection's own figure: time to the headers
        except Exception as e:  # noqa: BLE001 - counted as a failure below
            error = e
        if first is None and error is None:
            error = RuntimeError("no first view in the response")
        whole = time.perf_counter() - t0
        fire = self.environment.events.request.fire
        fire(request_type="VIEW", name="first view", response_time=(first or whole) * 1000,
             response_length=len(body), exception=error, context={})
        if error is None:
            fire(request_type="VIEW", name="whole page", response_time=whole * 1000,
                 response_length=len(body), exception=None, context={})
        m = KERNEL_ID.search(body)
        if m:  # as the browser: labkit's page gets the _xsrf cookie, leaving POSTs voila/api/shutdown
            if "_xsrf" not in self.client.cookies:
                self.client.get("/labkit/xsrf", name="xsrf cookie", timeout=60)
            xsrf = self.client.cookies.get("_xsrf", "")
            self.client.post(f"/voila/api/shutdown/{m.group(1).decode()}", data={"_xsrf": xsrf},
                             name="leave (shutdown)", timeout=60)
        type(self).done += 1
        raise StopUser()


class SiteVisitor(FastHttpUser):
    """One viewer of the published site: the page, then every asset it links; ``loads`` times."""

    wait_time = constant(0)
    page = "/index.html"
    loads = 1
    done = 0

    @task
    def load_page(self):
        for _ in range(self.loads):
            t0 = time.perf_counter()
            error = None
            size = 0
            try:
                with self.client.get(self.page, name="page", catch_response=True) as r:
                    if r.status_code != 200:
                        raise RuntimeError(f"HTTP {r.status_code}")
                    html = r.text
                    size += len(r.content)
                base = self.page.rsplit("/", 1)[0] + "/"
                for ref in dict.fromkeys(ASSET_REF.findall(html)):
                    if re.match(r"([a-z]+:)?//|data:|mailto:", ref):
                        continue  # never a request beyond the site (and the site makes none)
                    url = ref if ref.startswith("/") else base + ref
                    with self.client.get(url, name="asset", catch_response=True) as a:
                        if a.status_code != 200:
                            raise RuntimeError(f"HTTP {a.status_code} for {url}")
                        size += len(a.content)
            except Exception as e:  # noqa: BLE001 - counted as a failure
                error = e
            self.environment.events.request.fire(
                request_type="PAGE", name="full page", response_time=(time.perf_counter() - t0) * 1000,
                response_length=size, exception=error, context={})
        type(self).done += 1
        raise StopUser()


# ---------------------------------------------------------------- running Locust
def run_locust(user_class, host: str, users: int, spawn_rate: float, run_time: float, csv_prefix: str,
               sample=None):
    """Run ``users`` of ``user_class`` headless until each is done (or ``run_time``); return the stats.

    ``sample`` is called every 0.25 s meanwhile (memory)."""
    from locust.env import Environment
    from locust.event import Events
    from locust.stats import PERCENTILES_TO_REPORT, StatsCSVFileWriter, stats_history

    user_class.done = 0
    env = Environment(user_classes=[user_class], host=host, events=Events())  # stats of this run only
    runner = env.create_local_runner()
    Path(csv_prefix).parent.mkdir(parents=True, exist_ok=True)
    writer = StatsCSVFileWriter(env, PERCENTILES_TO_REPORT, csv_prefix, full_history=True)
    greenlets = [gevent.spawn(writer), gevent.spawn(stats_history, runner)]
    runner.start(users, spawn_rate=spawn_rate)
    deadline = time.monotonic() + run_time
    while user_class.done < users and time.monotonic() < deadline:
        if sample:
            sample()
        gevent.sleep(0.25)
    runner.quit()
    gevent.sleep(1.5)  # the CSV writer's last round
    for g in greenlets:
        g.kill()
    return env.stats, user_class.done


def entry(stats, name, method):
    e = stats.entries.get((name, method))
    return e


# ---------------------------------------------------------------- scenario A: labkit serve
def _tree(pid: int) -> list:
    try:
        p = psutil.Process(pid)
        return [p, *p.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def rss_mb(pid: int) -> float:
    total = 0
    for p in _tree(pid):
        try:
            total += p.memory_info().rss
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    return total / 2**20


def waiting_kernels(pid: int, port: int) -> int:
    """Preheated kernels waiting for a request (each holds Voilà's query websocket open)."""
    n = 0
    for p in _tree(pid):
        try:
            conns = p.net_connections(kind="tcp")
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        n += any(c.raddr and c.raddr.port == port and c.status == psutil.CONN_ESTABLISHED for c in conns)
    return n


def kernels(pid: int) -> int:
    return sum(1 for p in _tree(pid) if "ipykernel" in " ".join(_cmdline(p)))


def _cmdline(p) -> list[str]:
    try:
        return p.cmdline()
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return []


def start_labkit_serve(pool: int, data: str | None):
    from labkit.app import serve
    port = serve.free_port()
    cmd = [sys.executable, "-m", "labkit", "serve", "--port", str(port), "--pool", str(pool)]
    if data:
        cmd += ["--data", data]
    proc = subprocess.Popen(cmd, cwd=tempfile.gettempdir(), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True, start_new_session=True)
    lines, t0 = [], time.perf_counter()
    while True:
        line = proc.stdout.readline()
        if not line:
            raise RuntimeError(f"labkit serve stopped: {lines}")
        lines.append(line.strip())
        if line.startswith("Stop met Ctrl+C."):
            break
    return proc, port, lines, time.perf_counter() - t0


def stop_labkit_serve(proc) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, 9)
        proc.wait()


def live_scenario(pool: int, args) -> dict:
    proc, port, lines, ready_s = start_labkit_serve(pool, args.data)
    try:
        pid = proc.pid
        want = waiting_kernels(pid, port)
        gevent.sleep(3)
        idle = rss_mb(pid)
        peak = [idle, kernels(pid)]

        def sample():
            peak[0] = max(peak[0], rss_mb(pid))
            peak[1] = max(peak[1], kernels(pid))

        stats, done = run_locust(DashboardViewer, f"http://127.0.0.1:{port}", args.users, args.spawn_rate,
                                 args.run_time, f"{args.csv}-live-pool{pool}", sample)
        # the room has left: wait until the pool is full again and the viewers' kernels are gone
        t_left = time.perf_counter()
        refill_deadline = t_left + args.refill_time
        while time.perf_counter() < refill_deadline:
            sample()
            if waiting_kernels(pid, port) >= want and kernels(pid) <= want:
                break
            gevent.sleep(1)
        refilled_s = time.perf_counter() - t_left
        gevent.sleep(2)
        after = rss_mb(pid)
        first = entry(stats, "first view", "VIEW")
        whole = entry(stats, "whole page", "VIEW")
        return {"pool": pool, "lines": lines, "ready_s": ready_s, "done": done, "first": first, "whole": whole,
                "failures": stats.total.num_failures, "idle": idle, "peak": peak[0], "peak_kernels": peak[1],
                "after": after, "after_kernels": kernels(pid), "refilled_s": refilled_s,
                "refilled": waiting_kernels(pid, port) >= want, "waiting": want}
    finally:
        stop_labkit_serve(proc)


def print_live(r: dict, users: int) -> None:
    first, whole = r["first"], r["whole"]
    print(f"  --pool {r['pool']}: {next((x for x in r['lines'] if x.startswith('Klaar voor')), '(no pool line)')}")
    print(f"    start-up to 'Stop met Ctrl+C.': {r['ready_s']:.0f} s; kernels waiting: {r['waiting']}")
    if first and first.num_requests:
        print(f"    first view: median {first.median_response_time / 1000:.2f} s, p95 "
              f"{first.get_response_time_percentile(0.95) / 1000:.2f} s, slowest {first.max_response_time / 1000:.2f} s "
              f"({first.num_requests} viewers, {first.num_failures} failed)")
    if whole and whole.num_requests:
        print(f"    whole page: median {whole.median_response_time / 1000:.2f} s, "
              f"slowest {whole.max_response_time / 1000:.2f} s")
    print(f"    viewers done: {r['done']} of {users}; failures (all requests): {r['failures']}")
    print(f"    memory (labkit + Voilà + kernels): idle {r['idle']:.0f} MB, peak {r['peak']:.0f} MB "
          f"({r['peak_kernels']} kernels at most), after the pool refilled {r['after']:.0f} MB "
          f"({r['after_kernels']} kernels; {'refilled' if r['refilled'] else 'NOT refilled'} "
          f"{r['refilled_s']:.0f} s after the last viewer left)")


def run_live(args) -> bool:
    print(f"== live: labkit serve, {args.users} viewers arriving within {args.users / args.spawn_rate:.0f} s, "
          f"loopback, {psutil.cpu_count()} cores, {psutil.virtual_memory().available / 2**30:.0f} GB free")
    results = [live_scenario(pool, args) for pool in (args.pool or args.users, 1)]
    for r in results:
        print_live(r, args.users)
    on = results[0]["first"]
    ok = (on is not None and on.num_requests == args.users and results[0]["failures"] == 0
          and on.median_response_time <= 3000 and on.max_response_time <= 8000)
    print(f"  target (pool on): median <= 3 s, slowest <= 8 s, 0 failures: {'met' if ok else 'NOT met'}")
    return ok


# ---------------------------------------------------------------- scenario B: the static site
NGINX_CONF = """\
daemon off;
worker_processes auto;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 10000;
    gzip off;  # loopback: compressing each answer would only spend the cores the users share
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    server {{
        listen 127.0.0.1:{port} backlog=4096;
        root {site};
        index index.html;
        location / {{ try_files $uri $uri/ =404; }}
    }}
}}
"""


def stand_in_site(folder: Path) -> Path:
    """An HTML page and a ~1 MB script, as a dashboard page of the published site will be."""
    from labkit.app import chart_module
    (folder / "assets").mkdir(parents=True)
    js = chart_module.bundle()  # the dashboard's own chart script: vega, 0.9 MB
    (folder / "assets" / "vega.js").write_bytes(js + b"\n//" + b"x" * max(0, 1_000_000 - len(js) - 3))
    (folder / "assets" / "site.css").write_text("body{font-family:sans-serif}\n" * 40)
    (folder / "index.html").write_text(
        '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Stand-in</title>'
        '<link rel="icon" href="data:,"><link rel="stylesheet" href="assets/site.css">'
        '<script src="assets/vega.js"></script></head><body><h1>Dashboard (stand-in)</h1>'
        + "<p>tekst</p>" * 2000 + "</body></html>", encoding="utf-8")
    return folder


def dashboard_page(site: Path) -> str:
    """A dashboard page of the site: the first theme page (``nl/<theme>.html``, as labkit
    publish writes them), else the first HTML file named like a dashboard, else index.html."""
    pages = sorted(site.glob("nl/*.html")) or sorted(
        p for p in site.rglob("*.html") if "dashboard" in p.as_posix().lower())
    return "/" + (pages[0] if pages else site / "index.html").relative_to(site).as_posix()


def start_nginx(site: Path, tmp: Path):
    from labkit.app import serve
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        raise SystemExit("no nginx: apt-get install -y nginx-light")
    port = serve.free_port()
    (tmp / "logs").mkdir(exist_ok=True)
    conf = tmp / "nginx.conf"
    conf.write_text(NGINX_CONF.format(tmp=tmp, port=port, site=site.resolve()))
    # run as root, nginx's workers become "nobody": they must be able to read the site
    tmp.chmod(0o755)
    proc = subprocess.Popen([nginx, "-p", str(tmp), "-c", str(conf), "-e", str(tmp / "error.log")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        serve.wait_until_up(f"http://127.0.0.1:{port}{dashboard_page(site)}", proc, timeout=20)
    except Exception:
        proc.terminate()
        log = (tmp / "error.log").read_text() if (tmp / "error.log").exists() else ""
        raise SystemExit(f"nginx did not serve {site}: {log.strip()[-500:]}") from None
    return proc, port


def run_static(args) -> bool:
    with tempfile.TemporaryDirectory(prefix="labkit-bench-") as t:
        tmp = Path(t)
        if args.site:
            site = Path(args.site)
            what = f"the published site in {site}"
        else:
            site = stand_in_site(tmp / "site")
            what = ("a STAND-IN site (an HTML page, vega's script padded to 1 MB, a stylesheet): labkit "
                    "publish is not there yet; give --site DIR to measure its output")
        page = dashboard_page(site)
        proc, port = start_nginx(site, tmp)
        try:
            SiteVisitor.page, SiteVisitor.loads = page, args.static_loads
            print(f"== static: nginx on 127.0.0.1:{port} serving {what}")
            print(f"   {args.static_users} users at once, each loading {page} and its assets "
                  f"{args.static_loads} times")
            stats, done = run_locust(SiteVisitor, f"http://127.0.0.1:{port}", args.static_users,
                                     args.static_users, args.run_time, f"{args.csv}-static")
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    full = entry(stats, "full page", "PAGE")
    asset = entry(stats, "asset", "GET")
    ok = bool(full and full.num_requests and stats.total.num_failures == 0
              and full.get_response_time_percentile(0.95) <= 1000)
    if full and full.num_requests:
        print(f"   full page: median {full.median_response_time:.0f} ms, p95 "
              f"{full.get_response_time_percentile(0.95):.0f} ms, slowest {full.max_response_time:.0f} ms "
              f"({full.num_requests} page loads, {full.total_content_length / 2**20:.0f} MB)")
    if asset and asset.num_requests:
        print(f"   assets: {asset.num_requests} requests, median {asset.median_response_time:.0f} ms")
    print(f"   users done: {done} of {args.static_users}; failures: {stats.total.num_failures}")
    print(f"   target: p95 full page <= 1 s, 0 failures: {'met' if ok else 'NOT met'}"
          + ("" if args.site else " (on the stand-in)"))
    return ok


# ---------------------------------------------------------------- scenario: a few real browsers
def run_browser(args) -> bool:
    """In a process of its own: Playwright's sync API and gevent's patches do not mix."""
    cmd = [sys.executable, __file__, "browser-only", "--pages", str(args.pages)]
    if args.data:
        cmd += ["--data", args.data]
    return subprocess.run(cmd).returncode == 0


def browser_only(args) -> bool:
    from playwright.sync_api import sync_playwright
    pool = max(args.pages, 1)
    proc, port, lines, _ = start_labkit_serve(pool, args.data)
    base = f"http://127.0.0.1:{port}"
    print(f"== browser: {args.pages} Chromium pages open the dashboard at once (labkit serve --pool {pool})")
    drawn, failed = [], []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--disable-gpu", "--disable-quic"])
            pages = [browser.new_context().new_page() for _ in range(args.pages)]
            outside = []
            for page in pages:
                page.on("request", lambda r: outside.append(r.url) if not r.url.startswith((base, "data:", "blob:")) else None)
            t0 = time.perf_counter()
            for page in pages:
                page.goto(base + DASHBOARD, wait_until="commit", timeout=TIMEOUT_S * 1000)
            for page in pages:
                try:
                    page.wait_for_selector("#lk-preview svg, .lk-app .vega-embed svg", timeout=TIMEOUT_S * 1000)
                    first = time.perf_counter() - t0
                    page.wait_for_selector(".lk-app .vega-embed svg", timeout=TIMEOUT_S * 1000)
                    drawn.append((first, time.perf_counter() - t0))
                except Exception as e:  # noqa: BLE001 - a page that did not draw
                    failed.append(str(e).splitlines()[0])
            browser.close()
    finally:
        stop_labkit_serve(proc)
    if drawn:
        print(f"   first chart (the still): median {statistics.median(d[0] for d in drawn):.1f} s; live app's chart: "
              f"median {statistics.median(d[1] for d in drawn):.1f} s, slowest {max(d[1] for d in drawn):.1f} s")
    print(f"   drawn: {len(drawn)} of {args.pages}; not drawn: {failed or 0}; requests beyond the server: {len(outside)}")
    return not failed and not outside


# ---------------------------------------------------------------- main
def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("scenario", nargs="*", help="browser, live, static (default: all three)")
    ap.add_argument("--users", type=int, default=20, help="live: viewers (default 20)")
    ap.add_argument("--spawn-rate", type=float, default=10, help="live: viewers arriving per second (default 10)")
    ap.add_argument("--pool", type=int, default=None, help="live: --pool of the pool-on run (default: --users)")
    ap.add_argument("--run-time", type=float, default=240, help="seconds a Locust run may take at most")
    ap.add_argument("--refill-time", type=float, default=240, help="live: seconds to wait for the pool to refill")
    ap.add_argument("--static-users", type=int, default=200, help="static: users at once (default 200)")
    ap.add_argument("--static-loads", type=int, default=1, help="static: page loads per user (default 1)")
    ap.add_argument("--site", help="static: the folder labkit publish wrote (default: a stand-in)")
    ap.add_argument("--pages", type=int, default=4, help="browser: Chromium pages (default 4)")
    ap.add_argument("--data", help="data package for labkit serve (default: the project's)")
    ap.add_argument("--csv", default=str(ROOT / "benchmarks" / "out" / "load"), help="prefix of Locust's CSV files")
    args = ap.parse_args(argv)
    args.scenario = args.scenario or ["browser", "live", "static"]
    if unknown := set(args.scenario) - {"browser", "live", "static", "browser-only"}:
        ap.error(f"no scenario {', '.join(sorted(unknown))}: choose from browser, live, static")
    if "browser-only" in args.scenario:
        return 0 if browser_only(args) else 1
    ok = True
    for name in dict.fromkeys(args.scenario):
        ok &= {"browser": run_browser, "live": run_live, "static": run_static}[name](args)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
