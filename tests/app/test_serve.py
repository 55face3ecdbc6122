"""labkit serve: Voilà locked down to the named notebooks, nothing of the repo over HTTP."""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from labkit.app import chart_module, serve
from labkit.errors import LabkitError
from conftest import DATA, ROOT


def test_command_is_locked_down(tmp_path):
    cmd = serve.voila_command(tmp_path, port=8999)
    assert "--Voila.ip=127.0.0.1" in cmd
    assert "--strip_sources=True" in cmd and "--show_tracebacks=False" in cmd
    assert "--preheat_kernel=True" in cmd
    # one file name may be served from the root, and only vega's module matches it
    assert f"--VoilaConfiguration.file_allowlist={chart_module.PATTERN}" in cmd
    assert not any("file_allowlist" in c for c in cmd if c != f"--VoilaConfiguration.file_allowlist={chart_module.PATTERN}")
    assert "--template=labkit" in cmd
    assert "--Voila.port_retries=0" in cmd  # the port printed is the port bound
    assert f"--Voila.config_file_paths={tmp_path.parent / 'config'}" in cmd  # labkit's voila.py only
    if sys.platform.startswith("linux"):
        assert "--KernelManager.transport=ipc" in cmd  # no kernel port on loopback TCP


def test_root_holds_only_the_named_notebooks(tmp_path):
    root = serve.prepare_root(tmp_path / "apps")
    assert sorted(p.name for p in root.iterdir()) == sorted(serve.SERVED)


def test_beyond_localhost_needs_a_token():
    with pytest.raises(LabkitError, match="needs a token"):
        with serve.running(ip="0.0.0.0"):
            pass


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


@pytest.fixture(scope="module")
def live():
    with serve.running(DATA, preheat=False, pool_size=0) as base:
        yield base


SECRET = (DATA / "participants.csv").read_bytes()[:60]
PROBES = [
    "/voila/files/data/participants.csv",
    "/voila/files/../data/participants.csv",
    "/voila/files/%2e%2e/data/participants.csv",
    "/voila/files/%2E%2E%2Fdata%2Fparticipants.csv",
    "/voila/static/../../data/participants.csv",
    "/voila/static/..%2f..%2fdata%2fparticipants.csv",
    "/voila/render/../data/participants.csv",
    "/voila/tree/data",
    "/files/data/participants.csv",
    "/data/participants.csv",
    "/voila/render/notebooks/roadmap.ipynb",
    "/voila/render/network_explorer.ipynb",
    f"/voila/files/{ROOT}/data/participants.csv",
    "/voila/static/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/api/contents/",
    "/api/kernels",
]


@pytest.mark.slow
def test_the_chart_module_is_the_one_file_served(live):
    status, body = get(f"{live}/voila/render/dashboard.ipynb")
    assert status == 200
    # the page preloads vega from this server and links nothing elsewhere (no CDN)
    page = body.decode()
    assert 'rel="modulepreload" href="/voila/files/labkit-vega-' in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//|import\(\s*["'`](https?:)?//""", page)
    assert "Bezig met laden" in page  # labkit's template: the loading text in Dutch
    name = page.split('href="/voila/files/', 1)[1].split("?", 1)[0]
    assert re.fullmatch(chart_module.PATTERN, name)
    status, js = get(f"{live}/voila/files/{name}")
    assert status == 200 and js == chart_module.bundle()
    for other in ("dashboard.ipynb", "theme_report.ipynb", "labkit-vega-0000000000000000.js",
                  f"..%2F{name}", f"./{name}", f"{name}%00.ipynb", name.upper().replace(".JS", ".js") + "/"):
        assert get(f"{live}/voila/files/{other}")[0] in (403, 404), other


@pytest.mark.slow
@pytest.mark.parametrize("path", PROBES)
def test_nothing_of_the_repo_is_reachable(live, path):
    status, body = get(live + path)
    assert SECRET not in body
    assert b"root:x:0:0" not in body
    assert b"participant_id" not in body and b"consent_named" not in body
    assert status in (403, 404, 400, 405) or (status == 200 and b"<html" in body.lower()[:2000]), (status, body[:200])


@pytest.mark.slow
def test_the_root_is_the_landing_page_not_a_listing(live):
    status, body = get(live + "/")
    text = body.decode("utf-8", "replace")
    assert status == 200
    assert 'href="/voila/render/dashboard.ipynb"' in text  # a link, not a file listing
    assert "roadmap" not in text and "network_explorer" not in text and "voila-notebooks" not in text
    # see test_serve_pages.py for the landing and error pages in full


# ---------------------------------------------------------------- ports and the pool
def labkit_serve(*args, **kw):
    return subprocess.Popen([sys.executable, "-m", "labkit", "serve", *args], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def refused(*args):
    """Run `labkit serve` expecting a refusal: (exit code, stdout, stderr lines)."""
    proc = labkit_serve(*args)
    out, err = proc.communicate(timeout=120)
    return proc.returncode, out, err.splitlines()


@pytest.mark.parametrize("port", ["0", "65536", "99999", "-1"])
def test_a_port_out_of_range_is_refused_in_one_line(port):
    code, out, err = refused("--port", port)
    assert code == 2 and out == ""
    assert err == [f"labkit: port {port} is not a TCP port: give --port a number from 1 to 65535"]


def test_a_port_in_use_is_refused_in_one_line():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        with pytest.raises(LabkitError, match=f"port {port} on 127.0.0.1 is in use"):
            serve.check_port("127.0.0.1", port)
        code, out, err = refused("--port", str(port), "--pool", "0")
    assert code == 2 and out == ""
    assert len(err) == 1 and err[0].startswith(f"labkit: port {port} on 127.0.0.1 is in use"), err


@pytest.mark.slow
def test_a_port_taken_after_the_check_is_still_refused(monkeypatch):
    # between labkit's check and Voilà's bind another program takes the port: Voilà, its
    # retries off, stops; labkit says so in its one line rather than print an address
    monkeypatch.setattr(serve, "check_port", lambda ip, port: None)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        with pytest.raises(LabkitError, match=f"port {port} on 127.0.0.1 is in use"):
            with serve.running(DATA, port=port, preheat=False, pool_size=0):
                pass


def _listening_ports(pid):
    import psutil
    return {c.laddr.port for c in psutil.Process(pid).net_connections(kind="tcp") if c.status == psutil.CONN_LISTEN}


def _read_until(proc, marker, timeout):
    """stdout lines of a running `labkit serve` up to the one holding ``marker``."""
    lines, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line.rstrip("\n"))
        if marker in line:
            return lines
    raise AssertionError(f"no {marker!r} from labkit serve within {timeout} s: {lines}")


def _stop(proc):
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    proc.stdout.close()
    proc.stderr.close()


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_printed_address_is_the_bound_port_and_the_pool_says_whom_it_holds():
    port = serve.free_port()
    first = labkit_serve("--port", str(port), "--pool", "2", "--data", str(DATA))
    try:
        lines = _read_until(first, "Stop met Ctrl+C.", timeout=240)
        dashboard = next(line for line in lines if line.startswith("Dashboard: "))
        assert dashboard == f"Dashboard: http://127.0.0.1:{port}/voila/render/dashboard.ipynb"
        assert f"Startpagina: http://127.0.0.1:{port}/" in lines
        assert "Voorverwarmen: 2 kernels voor het dashboard, 1 voor het themarapport (elk ~200 MB)…" in lines
        ready = next(line for line in lines if line.startswith("Klaar voor "))
        assert ready.startswith("Klaar voor 2 kijkers tegelijk: 3 voorverwarmde kernels ("), ready
        voila = _children(first.pid)
        assert len(voila) == 1 and port in _listening_ports(voila[0])  # Voilà, on the port printed
        status, page = get(dashboard.split(" ", 1)[1] + "?thema=brede-welvaart")
        assert status == 200 and b'id="lk-preview"' in page  # a preheated kernel: the first view at once

        # a second labkit serve on the same port: one line, exit code 2, the first one untouched
        code, out, err = refused("--port", str(port), "--pool", "0")
        assert code == 2 and out == "" and len(err) == 1, err
        assert err[0] == (f"labkit: port {port} on 127.0.0.1 is in use (another labkit serve?): "
                          "stop that server, or pick a free port with --port N")
        assert first.poll() is None and get(f"http://127.0.0.1:{port}/")[0] == 200
    finally:
        _stop(first)


# ---------------------------------------------------------------- stopping
def _children(pid):
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        if ppid == pid:
            out.append(int(stat.parent.name))
    return out


def _alive(pid):
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has stopped; only its exit status waits to be read


def _wait_for(condition, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_a_signal_to_labkit_serve_leaves_no_voila_running(sig):
    # SIGTERM: make forwards it (make serve, make demo), as do systemd and `timeout`; labkit
    # stops Voilà, which stops its kernels, and removes its folder. SIGKILL: labkit cannot act;
    # Linux sends Voilà SIGTERM (PR_SET_PDEATHSIG) and only the folder stays behind.
    port = serve.free_port()
    proc = subprocess.Popen([sys.executable, "-m", "labkit", "serve", "--port", str(port), "--data", str(DATA)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    voila, kernels, tmp = [], [], None
    try:
        serve.wait_until_up(f"http://127.0.0.1:{port}/voila/static/voila.js", proc, timeout=120)
        voila = _children(proc.pid)
        assert len(voila) == 1
        tmp = Path(Path(f"/proc/{voila[0]}/cmdline").read_bytes().split(b"\0")[3].decode()).parent
        assert tmp.name.startswith("labkit-serve-") and tmp.is_dir()
        assert _wait_for(lambda: _children(voila[0]), 120), "Voilà preheated no kernel"
        kernels = _children(voila[0])
        proc.send_signal(sig)
        assert proc.wait(timeout=60) == (0 if sig == signal.SIGTERM else -sig)
        assert _wait_for(lambda: not any(map(_alive, voila + kernels)), 30), \
            [p for p in voila + kernels if _alive(p)]
        assert tmp.exists() == (sig == signal.SIGKILL)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for pid in voila + kernels:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        if tmp is not None and tmp.name.startswith("labkit-serve-"):
            shutil.rmtree(tmp, ignore_errors=True)
