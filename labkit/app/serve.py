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
"""

from __future__ import annotations

import contextlib
import ctypes
import ipaddress
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from . import chart_module
from ..errors import LabkitError

NOTEBOOKS_DIR = Path(__file__).resolve().parents[2] / "notebooks"
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
#: The only notebooks a stakeholder can open.
SERVED = ("dashboard.ipynb", "theme_report.ipynb")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _is_loopback(ip: str) -> bool:
    try:
        return ipaddress.ip_address(ip).is_loopback
    except ValueError:
        return ip == "localhost"


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
                  chart_file: str | None = None) -> list[str]:
    """The Voilà command line labkit runs."""
    cmd = [sys.executable, "-m", "voila", str(root), "--no-browser", f"--port={port}",
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


@contextlib.contextmanager
def running(data: str | os.PathLike | None = None, *, port: int | None = None, ip: str = "127.0.0.1",
            token: str | None = None, preheat: bool = True, pool_size: int = 1,
            tracebacks: bool = False, log=None, notebooks: tuple[str, ...] = SERVED,
            source: Path = NOTEBOOKS_DIR):
    """Run Voilà for the duration of a ``with`` block; yield its base URL."""
    if not _is_loopback(ip) and not token:
        raise LabkitError(f"serving on {ip} (beyond this computer) needs a token: pass --token, "
                          "or put labkit behind a login proxy (see README)")
    port = port or free_port()
    with tempfile.TemporaryDirectory(prefix="labkit-serve-") as tmp:
        root = prepare_root(Path(tmp) / "apps", notebooks, source)
        chart_file = chart_module.write(root)
        cmd = voila_command(root, port=port, ip=ip, token=token, preheat=preheat, pool_size=pool_size,
                            tracebacks=tracebacks, chart_file=chart_file)
        proc = subprocess.Popen(cmd, env=_environment(data, root, chart_file), cwd=tmp, start_new_session=True,
                                preexec_fn=_die_with_parent(), stdout=log or subprocess.DEVNULL,
                                stderr=subprocess.STDOUT if log else subprocess.DEVNULL)
        try:
            host = "127.0.0.1" if _is_loopback(ip) else ip
            base = f"http://{host}:{port}"
            wait_until_up(f"{base}/voila/static/voila.js", proc)
            yield base
        finally:
            stop(proc)


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


def serve(data: str | os.PathLike | None = None, *, port: int = 8866, ip: str = "127.0.0.1",
          token: str | None = None) -> int:
    """Serve until interrupted (``labkit serve``); print the dashboard's URL.

    Ctrl+C, SIGTERM and SIGHUP stop Voilà and its kernels, then return 0.
    """
    if not _is_loopback(ip) and not token:
        token = secrets.token_urlsafe(24)
    before = {s: signal.getsignal(s) for s in STOP_SIGNALS}
    for s, handler in before.items():
        if handler is not signal.SIG_IGN:  # under nohup, or SIGINT in a background job: still ignored
            signal.signal(s, _stop_requested)
    try:
        with running(data, port=port, ip=ip, token=token, log=sys.stderr) as base:
            print(f"Dashboard: {dashboard_url(base, token=token)}", flush=True)
            print(f"Themarapport: {base}/voila/render/theme_report.ipynb?thema=brede-welvaart"
                  + (f"&token={token}" if token else ""), flush=True)
            print("Stop met Ctrl+C.", flush=True)
            while True:
                time.sleep(3600)
    except KeyboardInterrupt:
        return 0
    finally:
        for s, handler in before.items():
            if handler is not None:  # None: set outside Python, cannot be put back
                signal.signal(s, handler)
