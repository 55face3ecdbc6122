"""Load: N simultaneous dashboard sessions on this machine (loopback only, bounded).

Starts Voilà as ``labkit serve`` does, opens N pages at once in Debian's
Chromium (one browser context each, like N stakeholders), waits until every
page has drawn its first chart, then closes them and watches the memory of
Voilà and its kernels fall back. Prints per-session render times, the CPU
time the server and the browsers spent (the browsers run on the same cores
here, unlike real visitors'), and the memory before, at the peak and after
closing.

Run: ``.venv/bin/python benchmarks/load.py [--sessions 20]``
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from pathlib import Path

import psutil
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from labkit.app import serve  # noqa: E402

TIMEOUT_S = 240  # bounded: a session that has not drawn by then counts as failed


def tree_rss(pid: int) -> float:
    """MB of resident memory of a process and all its children (Voilà and its kernels)."""
    try:
        proc = psutil.Process(pid)
        procs = [proc, *proc.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0.0
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total / 1e6


def cpu_seconds(procs) -> float:
    total = 0.0
    for p in procs:
        try:
            t = p.cpu_times()
            total += t.user + t.system
        except psutil.NoSuchProcess:
            pass
    return total


def server_procs(pid: int) -> list:
    try:
        proc = psutil.Process(pid)
        return [proc, *proc.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def browser_procs() -> list:
    return [p for p in psutil.process_iter(["name"]) if "chrom" in (p.info["name"] or "").lower()]


def voila_pid(port: int) -> int:
    for p in psutil.process_iter(["pid", "cmdline"]):
        cmd = " ".join(p.info["cmdline"] or [])
        if "voila" in cmd and f"--port={port}" in cmd:
            return p.info["pid"]
    raise RuntimeError("Voilà process not found")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, default=20)
    args = ap.parse_args(argv)
    port = serve.free_port()
    peak = [0.0]
    with serve.running(port=port, pool_size=1) as base, sync_playwright() as pw:
        pid = voila_pid(port)
        time.sleep(8)  # let the preheated kernel settle
        idle = tree_rss(pid)
        stop = threading.Event()

        def watch():
            while not stop.is_set():
                peak[0] = max(peak[0], tree_rss(pid))
                time.sleep(0.25)

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        server_cpu0 = cpu_seconds(server_procs(pid))
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--disable-gpu", "--disable-quic"])
        contexts = [browser.new_context() for _ in range(args.sessions)]
        pages = [c.new_page() for c in contexts]
        t0 = time.perf_counter()
        for page in pages:  # all requests go out before any page is waited for
            page.goto(f"{base}/voila/render/dashboard.ipynb", wait_until="commit", timeout=TIMEOUT_S * 1000)
        done = []
        failed = 0
        for page in pages:
            remaining = max(1.0, TIMEOUT_S - (time.perf_counter() - t0))
            try:
                page.wait_for_selector(".lk-app .vega-embed svg", timeout=remaining * 1000)
                done.append(time.perf_counter() - t0)
            except Exception:  # noqa: BLE001 - a timeout is a failed session, counted below
                failed += 1
        # CPU both sides spent (the browsers share these cores; real visitors bring their own)
        server_cpu = cpu_seconds(server_procs(pid)) - server_cpu0
        browser_cpu = cpu_seconds(browser_procs())
        for c in contexts:
            c.close()
        browser.close()
        t_closed = time.perf_counter()
        after = []
        for _ in range(90):  # labkit serve culls a closed page's kernel after 5 idle minutes
            time.sleep(5)
            after.append(tree_rss(pid))
            if after[-1] <= idle * 1.5:
                break
        stop.set()
        watcher.join()
    print(f"sessions: {args.sessions} at once on {psutil.cpu_count()} cores, loopback only")
    print(f"rendered: {len(done)}, failed (no chart within {TIMEOUT_S} s): {failed}")
    if done:
        print(f"time to first chart: median {statistics.median(done):.1f} s, "
              f"slowest {max(done):.1f} s (all opened at once)")
    print(f"CPU until the last chart: Voilà and kernels {server_cpu:.0f} s "
          f"({server_cpu / max(1, args.sessions):.1f} s per session), the {args.sessions} browser pages "
          f"{browser_cpu:.0f} s; on {psutil.cpu_count()} cores")
    print(f"memory of Voilà and kernels: idle {idle:.0f} MB, peak {peak[0]:.0f} MB "
          f"({(peak[0] - idle) / max(1, args.sessions):.0f} MB per session), "
          f"{after[-1]:.0f} MB {time.perf_counter() - t_closed:.0f} s after the pages closed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
