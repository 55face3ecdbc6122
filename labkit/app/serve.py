"""Serve the dashboard (and the live theme report) with Voilà, locked down.

Voilà serves every notebook under its root folder and the files beside them,
so labkit never points it at the repository: it copies the named notebooks
into a fresh folder and serves that. The data package is read by the kernel
(``LABKIT_DATA``), never over HTTP. Kernels are preheated, tracebacks hidden
and sources stripped. Beyond 127.0.0.1 a token is required.

Voilà runs in its own session, so a signal meant for labkit does not reach it
by itself: ``labkit serve`` turns SIGTERM and SIGHUP into the same clean stop
as Ctrl+C (Voilà and its kernels stopped, the folder removed), and on Linux
the kernel sends Voilà SIGTERM should labkit die without a chance to clean up
(SIGKILL); Voilà then shuts its kernels down. Only the folder stays behind.

A room opens the link at once, so each notebook keeps a pool of preheated kernels
(``--pool N``; :func:`default_pool` sizes it from cores and memory). A preheated kernel
has imported labkit and loaded the data, then waits for its request
(``voila.utils.wait_for_request``): it answers in milliseconds. Voilà refills the pool
itself, :data:`FILL_DELAY` seconds after each kernel is taken, once the room is in
(``VoilaKernelManager.fill_delay``).

``/`` is labkit's landing page (templates/voila/templates/labkit/landing.html) instead of
Voilà's file listing, and every other page Voilà can show uses labkit's template: see
:mod:`labkit.app.pages`, which runs in Voilà's process. The port printed is the port bound:
labkit refuses a port outside 1-65535 or in use, and Voilà does not move to another.
"""

from __future__ import annotations

import collections
import contextlib
import ctypes
import errno
import ipaddress
import json
import math
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from . import chart_module
from ..errors import LabkitError

NOTEBOOKS_DIR = Path(__file__).resolve().parents[2] / "notebooks"
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
PAGES_MODULE = Path(__file__).resolve().parent / "pages.py"
#: The only notebooks a stakeholder can open.
SERVED = ("dashboard.ipynb", "theme_report.ipynb")
DASHBOARD, REPORT = SERVED

#: Resident memory of one preheated dashboard kernel (labkit imported, data loaded), MB:
#: 190-210 measured with the embedded data (benchmarks/load.py prints it).
KERNEL_MB = 200
#: Kernels the default pool keeps per core. A core preheats a kernel in about 1.5 s (CPU),
#: so ten per core are back within about 15-30 s after a room has taken them.
KERNELS_PER_CORE = 10
#: The theme report keeps one kernel for every ten of the dashboard's (at least one):
#: a room opens the dashboard; the reports' links spread over themes and languages.
REPORT_SHARE = 10
#: Seconds Voilà waits after a kernel is taken before it starts the one that replaces it.
#: Voilà's default, 1 s, refills while the room is still arriving, and each start renders
#: the notebook's page template in Voilà's one event loop: 20 viewers within 2 s then waited
#: 16 s for the first view (pool of 20, 2 cores); with 15 s, 0.5 s (benchmarks/load.py).
FILL_DELAY = 15.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _is_loopback(ip: str) -> bool:
    try:
        return ipaddress.ip_address(ip).is_loopback
    except ValueError:
        return ip == "localhost"


def check_port(ip: str, port: int) -> None:
    """Refuse, in one line, a port that is no port or that something already listens on.

    Voilà would move to another port (``port_retries``) while labkit printed this one;
    labkit turns that off and asks here first, binding as tornado does (SO_REUSEADDR).
    """
    if isinstance(port, bool) or not isinstance(port, int) or not 1 <= port <= 65535:
        raise LabkitError(f"port {port} is not a TCP port: give --port a number from 1 to 65535")
    try:
        addresses = {a[4][:2] + (a[0],) for a in socket.getaddrinfo(ip, port, type=socket.SOCK_STREAM)}
    except socket.gaierror as e:
        raise LabkitError(f"cannot listen on {ip}: {e.strerror}; give --ip an address of this computer") from None
    for host, _, family in sorted(addresses, key=str):
        with socket.socket(family, socket.SOCK_STREAM) as s:
            if os.name != "nt":
                s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                s.bind((host, port))
            except OSError as e:
                if e.errno == errno.EADDRINUSE:
                    raise LabkitError(_in_use(ip, port)) from None
                raise LabkitError(f"cannot listen on {ip} port {port}: {e.strerror}; "
                                  "pick another with --port (ports below 1024 need root)") from None


def _in_use(ip: str, port: int) -> str:
    return (f"port {port} on {ip} is in use (another labkit serve?): stop that server, "
            "or pick a free port with --port N")


def default_pool(cores: int | None = None, available_mb: float | None = None) -> int:
    """Preheated dashboard kernels when ``--pool`` is not given.

    The smaller of :data:`KERNELS_PER_CORE` per core and what half of the memory now free
    holds at a room's peak, when the N viewers' kernels live on while the pool refills
    behind them: 2N kernels of :data:`KERNEL_MB`. At least 1. On 2 cores with 22 GB free:
    min(20, 28) = 20.

    >>> default_pool(cores=2, available_mb=22_000)
    20
    >>> default_pool(cores=8, available_mb=4_000)
    5
    >>> default_pool(cores=1, available_mb=300)
    1
    """
    cores = cores or os.cpu_count() or 1
    if available_mb is None:
        import psutil
        available_mb = psutil.virtual_memory().available / 2**20
    by_memory = int(available_mb / 2 / (2 * KERNEL_MB))
    return max(1, min(KERNELS_PER_CORE * cores, by_memory))


def pool_sizes(pool: int, notebooks: tuple[str, ...] = SERVED) -> dict[str, int]:
    """Preheated kernels per notebook for ``--pool N``: N for the dashboard, one in ten
    (at least one) for the theme report, N for any other; none for ``--pool 0``.

    >>> pool_sizes(20)
    {'dashboard.ipynb': 20, 'theme_report.ipynb': 2}
    >>> pool_sizes(1)
    {'dashboard.ipynb': 1, 'theme_report.ipynb': 1}
    """
    if pool <= 0:
        return {}
    return {name: math.ceil(pool / REPORT_SHARE) if name == REPORT else pool for name in notebooks}


def prepare_root(dest: Path, notebooks: tuple[str, ...] = SERVED, source: Path = NOTEBOOKS_DIR) -> Path:
    """Copy the named notebooks, and nothing else, into ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in notebooks:
        src = source / name
        if src.is_file():
            shutil.copyfile(src, dest / name)
    return dest


def voila_command(root: Path, *, port: int, ip: str = "127.0.0.1", token: str | None = None,
                  preheat: bool = True, pool_size: int = 1, tracebacks: bool = False,
                  chart_file: str | None = None, config_dir: Path | None = None) -> list[str]:
    """The Voilà command line labkit runs."""
    cmd = [sys.executable, "-m", "voila", str(root), "--no-browser", f"--port={port}",
           # the port printed is the port bound: fail rather than move to another
           "--Voila.port_retries=0",
           # labkit's voila.py (see write_voila_config), and no other: none from ~/.jupyter
           f"--Voila.config_file_paths={config_dir or root.parent / 'config'}",
           # labkit's page (templates/voila/templates/labkit): no CDN link, vega preloaded
           "--template=labkit",
           # sources are stripped: the code-highlighting extension would only cost load time
           "--VoilaConfiguration.extension_denylist=jupyterlab_pygments",
           f"--Voila.ip={ip}", f"--preheat_kernel={preheat}", f"--pool_size={pool_size}",
           "--strip_sources=True", f"--show_tracebacks={tracebacks}",
           # ?theme= names a labkit theme here, not a Voilà page style
           "--VoilaConfiguration.allow_theme_override=NO",
           "--VoilaConfiguration.allow_template_override=NO",
           # the one file served from the root: vega for the charts (see labkit.app.chart_module)
           f"--VoilaConfiguration.file_allowlist={chart_module.PATTERN}",
           # A closed page leaves its kernel idle and unconnected: shut it down after five
           # minutes, so memory comes back after visitors leave. Shorter culled kernels
           # whose page was still waiting for a busy CPU (seen with 20 pages at once).
           "--MappingKernelManager.cull_idle_timeout=300", "--MappingKernelManager.cull_interval=30",
           "--MappingKernelManager.cull_connected=False"]
    if sys.platform.startswith("linux"):
        # Kernels talk over Unix sockets in Voilà's private (0700) folder rather than loopback
        # TCP ports any local user can connect to (messages are signed either way). Linux
        # only: no IPC on Windows, and macOS's long temp paths can pass the socket-path limit.
        cmd.append("--KernelManager.transport=ipc")
    cmd.append(f"--Voila.token={token}" if token else "--Voila.token=")
    if chart_file:  # key=value: the list and dict forms with brackets are deprecated in traitlets 5
        cmd.append(f"--VoilaConfiguration.resources=labkit_chart_module={chart_module.address(chart_file)}")
    return cmd


# ------------------------------------------------------------------ landing page and site
def find_site(site: str | os.PathLike | None, data: str | os.PathLike | None = None) -> tuple[Path | None, str | None]:
    """The published site to link from the landing page: ``(folder to serve, None)``,
    ``(None, address)`` for a site hosted elsewhere, or ``(None, None)``.

    Without ``--site``, ``site/`` in the current folder counts when it has an
    ``index.html`` (``labkit publish`` writes there by default).
    """
    if site is None:
        conventional = Path("site")
        return ((conventional.resolve(), None) if (conventional / "index.html").is_file() else (None, None))
    text = str(site)
    if text.startswith(("http://", "https://")):
        return None, text
    folder = Path(site).resolve()
    if not (folder / "index.html").is_file():
        raise LabkitError(f"--site {text}: no index.html there; write the site with labkit publish, "
                          "or give the folder it wrote")
    data_dir = Path(data).resolve() if data is not None else None
    if data_dir is not None and (data_dir == folder or folder in data_dir.parents):
        raise LabkitError(f"--site {text}: the data package {data} lies inside it and would be "
                          "served over HTTP; give the folder labkit publish wrote")
    return folder, None


def page_data(data: str | os.PathLike | None, site_url: str | None = None, site_served: bool = False) -> dict:
    """What labkit's landing and error pages show: the programme's title, its themes, and the
    published site (``site_served``: at ``/site/`` on this server; else ``site_url``, if any)."""
    from ..data.model import load
    from ..views.parameters import default_data_dir
    programme = load(data if data is not None else default_data_dir())
    themes = programme.themes
    if "number" in themes:
        themes = themes.sort_values("number")
    return {
        "title": str(programme.meta.get("title") or programme.meta.get("name") or "labkit"),
        "themes": [{"id": str(t["id"]), "name_nl": str(t.get("name_nl") or t["id"]),
                    "name_en": str(t.get("name_en") or t.get("name_nl") or t["id"])}
                   for t in themes.to_dict("records")],
        "site_url": site_url,
        "site_served": site_served,
    }


VOILA_CONFIG = """\
# Written by labkit serve for this run only (labkit/app/serve.py). It loads
# labkit/app/pages.py by path (not labkit, nor its data stack) and hands it this run's settings.
import importlib.util, json
_spec = importlib.util.spec_from_file_location("labkit_voila_pages", {module!r})
_pages = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_pages)
_pages.configure(c, json.loads({settings!r}))
"""


def write_voila_config(folder: Path, settings: dict) -> Path:
    """Write ``voila.py`` for :func:`labkit.app.pages.configure` into ``folder``, the one
    folder Voilà reads its configuration from (``--Voila.config_file_paths``). Not Voilà's
    working folder: ``python -m voila`` would import the file as Voilà itself."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "voila.py"
    path.write_text(VOILA_CONFIG.format(module=str(PAGES_MODULE), settings=json.dumps(settings)),
                    encoding="utf-8")
    return path


def _environment(data: Path | None, root: Path, chart_file: str | None = None) -> dict:
    env = dict(os.environ)
    if chart_file:
        env[chart_module.ENV] = chart_file
    # where Voilà finds labkit's page template
    env["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(TEMPLATES_DIR), env.get("JUPYTER_PATH")) if p)
    if data is not None:
        env["LABKIT_DATA"] = str(Path(data).resolve())
    env.setdefault("LABKIT_NOTEBOOKS_ROOT", str(root))
    return env


def wait_until_up(url: str, proc: subprocess.Popen | None = None, timeout: float = 60) -> None:
    """Wait until Voilà answers ``url`` (a static file: starts no kernel)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise LabkitError(f"Voilà stopped while starting (exit code {proc.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise LabkitError(f"Voilà did not answer {url} within {timeout:.0f} s")


def stop(proc: subprocess.Popen, timeout: float = 10) -> None:
    """Stop Voilà and its kernels: SIGTERM to the process group, SIGKILL after ``timeout``."""
    if proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def _die_with_parent():
    """A ``preexec_fn`` that has Linux send the child SIGTERM when labkit dies; None elsewhere.

    Linux ties the signal to the thread that started the child: the thread of the
    ``with running()`` block, which outlives the child.
    """
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl  # resolved here: the child only calls it
    except (OSError, AttributeError):
        return None
    parent = os.getpid()

    def preexec():
        prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        if os.getppid() != parent:  # labkit died before prctl took effect
            os._exit(1)
    return preexec


class _VoilaOutput(threading.Thread):
    """Reads Voilà's log to its end, passes it on to ``log``, and notes the address Voilà
    says it runs at (or that it found no port)."""

    def __init__(self, stream, log=None):
        super().__init__(name="voila-output", daemon=True)
        self.stream, self.log = stream, log
        self.url: str | None = None
        self.no_port = False
        self.tail: collections.deque[str] = collections.deque(maxlen=20)
        self.started_or_ended = threading.Event()

    def run(self) -> None:
        announced = False
        for raw in iter(self.stream.readline, b""):
            line = raw.decode("utf-8", "replace")
            if self.log is not None:
                with contextlib.suppress(OSError, ValueError):  # a closed log must not stop the reading
                    self.log.write(line)
                    self.log.flush()
            text = line.strip()
            self.tail.append(text)
            if announced and text:
                self.url, announced = text, False
                self.started_or_ended.set()
            elif text.endswith("is running at:"):  # "[Voila] Voilà is running at:" then the URL
                announced = True
            elif "no available port" in text:
                self.no_port = True
        self.started_or_ended.set()


@dataclass
class Server:
    """A running Voilà: its base URL, port, process and the kernels each notebook preheats."""

    base: str
    port: int
    proc: subprocess.Popen
    pools: dict[str, int] = field(default_factory=dict)
    site: bool = False

    def _processes(self) -> list:
        import psutil
        try:
            voila = psutil.Process(self.proc.pid)
            return [voila, *voila.children(recursive=True)]
        except psutil.NoSuchProcess:
            return []

    def waiting_kernels(self) -> int:
        """Preheated kernels ready and idle: each holds Voilà's query websocket open while it
        waits for its request (``wait_for_request``); a kernel has no other connection to it."""
        import psutil
        n = 0
        for p in self._processes()[1:]:
            try:
                conns = p.net_connections(kind="tcp")
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
            n += any(c.raddr and c.raddr.port == self.port and c.status == psutil.CONN_ESTABLISHED for c in conns)
        return n

    def memory_mb(self) -> float:
        """Resident memory of Voilà and all its kernels, MB."""
        import psutil
        total = 0
        for p in self._processes():
            with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
                total += p.memory_info().rss
        return total / 2**20

    def wait_for_pool(self, timeout: float) -> int:
        """Wait until every pool is full (or ``timeout``); return the kernels waiting."""
        want = sum(self.pools.values())
        deadline = time.monotonic() + timeout
        while (n := self.waiting_kernels()) < want and time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise LabkitError(f"Voilà stopped (exit code {self.proc.returncode})")
            time.sleep(0.5)
        return n


@contextlib.contextmanager
def server(data: str | os.PathLike | None = None, *, port: int | None = None, ip: str = "127.0.0.1",
           token: str | None = None, pools: dict[str, int] | None = None, tracebacks: bool = False,
           log=None, notebooks: tuple[str, ...] = SERVED, source: Path = NOTEBOOKS_DIR,
           site: str | os.PathLike | None = None, fill_delay: float = FILL_DELAY):
    """Run Voilà for the duration of a ``with`` block; yield a :class:`Server`.

    ``pools`` maps notebook names to preheated kernels (see :func:`pool_sizes`); empty or
    None preheats none. ``port`` None takes a free one; a given port must be free.
    """
    if not _is_loopback(ip) and not token:
        raise LabkitError(f"serving on {ip} (beyond this computer) needs a token: pass --token, "
                          "or put labkit behind a login proxy (see README)")
    if port is None:
        port = free_port()
    else:
        check_port(ip, port)
    site_dir, site_url = find_site(site, data)
    pools = {name: n for name, n in (pools or {}).items() if n > 0}
    settings = {"page": page_data(data, site_url, site_served=site_dir is not None),
                "site_dir": str(site_dir) if site_dir else None,
                "pools": pools, "fill_delay": fill_delay}
    with tempfile.TemporaryDirectory(prefix="labkit-serve-") as tmp:
        root = prepare_root(Path(tmp) / "apps", notebooks, source)
        chart_file = chart_module.write(root)
        config_dir = Path(tmp) / "config"
        write_voila_config(config_dir, settings)
        cmd = voila_command(root, port=port, ip=ip, token=token, preheat=bool(pools),
                            pool_size=max(pools.values(), default=0), tracebacks=tracebacks,
                            chart_file=chart_file, config_dir=config_dir)
        proc = subprocess.Popen(cmd, env=_environment(data, root, chart_file), cwd=tmp, start_new_session=True,
                                preexec_fn=_die_with_parent(), stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        output = _VoilaOutput(proc.stdout, log)
        output.start()
        try:
            host = "127.0.0.1" if _is_loopback(ip) else ip
            base = f"http://{host}:{port}"
            if not output.started_or_ended.wait(120) or output.url is None:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    proc.wait(timeout=10)
                if output.no_port:  # taken between labkit's check and Voilà's bind
                    raise LabkitError(_in_use(ip, port))
                last = next((t for t in reversed(output.tail) if t), "no output")
                raise LabkitError(f"Voilà stopped while starting (exit code {proc.poll()}): {last}")
            said = re.search(r":(\d+)(?:[/?]|$)", output.url)  # "http://127.0.0.1:8866/", "http://::1:8866/"
            bound = int(said.group(1)) if said else port
            if bound != port:  # cannot happen with port_retries=0; never print a wrong address
                raise LabkitError(f"Voilà listens on port {bound}, not {port}; stopped it")
            wait_until_up(f"{base}/voila/static/voila.js", proc)
            yield Server(base, port, proc, pools, site=site_dir is not None)
        finally:
            stop(proc)
            output.join(timeout=5)
            proc.stdout.close()


@contextlib.contextmanager
def running(data: str | os.PathLike | None = None, *, port: int | None = None, ip: str = "127.0.0.1",
            token: str | None = None, preheat: bool = True, pool_size: int = 1,
            tracebacks: bool = False, log=None, notebooks: tuple[str, ...] = SERVED,
            source: Path = NOTEBOOKS_DIR, site: str | os.PathLike | None = None):
    """Run Voilà for the duration of a ``with`` block; yield its base URL.

    ``pool_size`` is ``--pool``: preheated kernels for the dashboard (see :func:`pool_sizes`).
    """
    pools = pool_sizes(pool_size, notebooks) if preheat else {}
    with server(data, port=port, ip=ip, token=token, pools=pools, tracebacks=tracebacks, log=log,
                notebooks=notebooks, source=source, site=site) as s:
        yield s.base


def dashboard_url(base: str, theme: str | None = None, token: str | None = None) -> str:
    query = []
    if theme:
        query.append(f"theme={theme}")
    if token:
        query.append(f"token={token}")
    return f"{base}/voila/render/dashboard.ipynb" + ("?" + "&".join(query) if query else "")


STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def _stop_requested(signum, frame):
    # Once only: a second signal must not cut the clean-up short.
    for s in STOP_SIGNALS:
        signal.signal(s, signal.SIG_IGN)
    # Unwind like Ctrl+C: running() stops Voilà and removes its folder on the way out.
    raise KeyboardInterrupt


def _gb(mb: float) -> str:
    return f"{mb / 1024:.1f} GB" if mb >= 1024 else f"{mb:.0f} MB"


def serve(data: str | os.PathLike | None = None, *, port: int = 8866, ip: str = "127.0.0.1",
          token: str | None = None, pool: int | None = None, site: str | os.PathLike | None = None) -> int:
    """Serve until interrupted (``labkit serve``); print the addresses and the room it holds.

    ``pool`` preheated kernels for the dashboard (None: :func:`default_pool`; 0: none).
    Ctrl+C, SIGTERM and SIGHUP stop Voilà and its kernels, then return 0.
    """
    check_port(ip, port)
    if pool is not None and pool < 0:
        raise LabkitError(f"--pool {pool}: give a number of kernels, 0 or more")
    pool = default_pool() if pool is None else pool
    pools = pool_sizes(pool)
    if not _is_loopback(ip) and not token:
        token = secrets.token_urlsafe(24)
    before = {s: signal.getsignal(s) for s in STOP_SIGNALS}
    for s, handler in before.items():
        if handler is not signal.SIG_IGN:  # under nohup, or SIGINT in a background job: still ignored
            signal.signal(s, _stop_requested)
    try:
        with server(data, port=port, ip=ip, token=token, pools=pools, site=site, log=sys.stderr) as srv:
            base = srv.base
            q = f"?token={token}" if token else ""
            print(f"Startpagina: {base}/{q}", flush=True)
            print(f"Dashboard: {dashboard_url(base, token=token)}", flush=True)
            print(f"Themarapport: {base}/voila/render/theme_report.ipynb?thema=brede-welvaart"
                  + (f"&token={token}" if token else ""), flush=True)
            if srv.site:
                print(f"Gepubliceerde site: {base}/site/{q}", flush=True)
            if pools:
                print(f"Voorverwarmen: {pools[DASHBOARD]} kernels voor het dashboard, {pools[REPORT]} voor het "
                      f"themarapport (elk ~{KERNEL_MB} MB)…", flush=True)
                want = sum(pools.values())
                waiting = srv.wait_for_pool(timeout=60 + 5 * want)
                ready = max(0, min(pools[DASHBOARD], waiting - pools[REPORT]))
                if waiting >= want:
                    print(f"Klaar voor {ready} {'kijker' if ready == 1 else 'kijkers'} tegelijk: {waiting} voorverwarmde kernels "
                          f"({_gb(srv.memory_mb())} met de server); de pool vult zich aan na elke kijker.", flush=True)
                else:
                    print(f"Klaar voor {ready} {'kijker' if ready == 1 else 'kijkers'} tegelijk; {want - waiting} kernels warmen nog op.", flush=True)
            else:
                print("Zonder voorverwarmde kernels (--pool 0): elke kijker wacht enkele seconden "
                      "op een eigen kernel.", flush=True)
            print("Stop met Ctrl+C.", flush=True)
            while True:
                time.sleep(3600)
    except KeyboardInterrupt:
        return 0
    finally:
        for s, handler in before.items():
            if handler is not None:  # None: set outside Python, cannot be put back
                signal.signal(s, handler)
