"""labkit serve: Voilà locked down to the named notebooks, nothing of the repo over HTTP."""

import os
import re
import shutil
import signal
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
def test_tree_lists_only_the_named_notebooks(live):
    status, body = get(live + "/")
    text = body.decode("utf-8", "replace")
    assert status == 200
    assert "dashboard" in text and "roadmap" not in text and "network_explorer" not in text


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
