"""Theme reports under abuse: two runs at once, a run killed half-way, stray temporary files."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import DATA, ROOT

pytestmark = pytest.mark.slow


def labkit_reports(out, *args):
    return subprocess.Popen([sys.executable, "-m", "labkit", "reports", "--data", str(DATA), "--out", str(out),
                             *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True, text=True)


def complete(out, theme):
    html = (out / f"{theme}.html").read_text(encoding="utf-8")
    assert html.rstrip().endswith("</html>")
    json.loads((out / f"{theme}.ipynb").read_text(encoding="utf-8"))
    return html


def test_two_runs_of_the_same_theme_at_once(tmp_path):
    out = tmp_path / "reports"
    runs = [labkit_reports(out, "--theme", "brede-welvaart", "--jobs", "1") for _ in range(2)]
    for r in runs:
        text, _ = r.communicate(timeout=300)
        assert r.returncode == 0, text
    complete(out, "brede-welvaart")
    assert not list(out.glob(".*.tmp")), "no temporary file is left"


def test_killed_run_keeps_previous_files_and_next_run_cleans_up(tmp_path):
    out = tmp_path / "reports"
    first = labkit_reports(out, "--theme", "brede-welvaart")
    text, _ = first.communicate(timeout=300)
    assert first.returncode == 0, text
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    # an English run, killed while its kernels work
    victim = labkit_reports(out, "--theme", "brede-welvaart", "--lang", "en")
    time.sleep(2.0)
    os.killpg(victim.pid, signal.SIGKILL)
    victim.communicate(timeout=30)
    # a kill during a write leaves a temporary file: simulate that one as well
    (out / ".brede-welvaart.html.x1y2z3.tmp").write_text("<html>half")
    after = {p.name: p.read_bytes() for p in out.iterdir() if not p.name.endswith(".tmp")}
    assert after == before, "the previous reports are as they were"
    complete(out, "brede-welvaart")
    nxt = labkit_reports(out, "--theme", "brede-welvaart")
    text, _ = nxt.communicate(timeout=300)
    assert nxt.returncode == 0, text
    assert not list(out.glob(".*.tmp"))
