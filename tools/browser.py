"""A Chromium for the browser tests; `make test` runs this before pytest.

A Chromium already here is used as it is: Debian's /usr/bin/chromium, `chromium` on PATH,
or Playwright's own. Else this installs Debian's chromium (root with apt-get), else
Playwright's (`python -m playwright install chromium`), else it prints one line saying
what to install and exits 1. tests/conftest.py looks for the browser in the same order.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

PACKAGES = ["chromium", "fonts-dejavu-core"]


def system_chromium() -> str | None:
    for path in ("/usr/bin/chromium", shutil.which("chromium")):
        if path and os.access(path, os.X_OK):
            return path
    return None


def playwright_chromium() -> bool:
    """Whether Playwright's own headless Chromium starts."""
    try:
        from playwright.sync_api import sync_playwright
        with sync_playwright() as p:
            p.chromium.launch().close()
        return True
    except Exception:
        return False


def _run(cmd: list[str], env: dict | None = None) -> str | None:
    """Run quietly; None when it worked, else the last line it printed."""
    r = subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True)
    if r.returncode == 0:
        return None
    lines = [re.sub(r"\x1b\[[0-9;]*m", "", line).strip() for line in r.stdout.splitlines()]
    errors = [line for line in lines if line.startswith(("E:", "Error"))] or [line for line in lines if line]
    return f"`{' '.join(cmd)}` failed: {errors[-1] if errors else f'exit {r.returncode}'}"


def apt_install() -> str | None:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    print(f"browser: no Chromium found; installing Debian's {' and '.join(PACKAGES)} with apt-get",
          flush=True)
    return (_run(["apt-get", "-o", "DPkg::Lock::Timeout=120", "update", "-qq"], env)
            or _run(["apt-get", "-o", "DPkg::Lock::Timeout=120", "install", "-y", "-qq", *PACKAGES], env)
            or (None if system_chromium() else "apt-get installed no /usr/bin/chromium"))


def playwright_install() -> str | None:
    print("browser: no Chromium found; downloading Playwright's (python -m playwright install "
          "chromium)", flush=True)
    return (_run([sys.executable, "-m", "playwright", "install", "chromium"])
            or (None if playwright_chromium() else "Playwright's Chromium does not start"))


def main() -> int:
    path = system_chromium()
    if path:
        print(f"browser: {path}")
        return 0
    if playwright_chromium():
        print("browser: Playwright's own Chromium")
        return 0
    failures = []
    if os.name == "posix" and os.geteuid() == 0 and shutil.which("apt-get"):
        failure = apt_install()
        if failure is None:
            print(f"browser: {system_chromium()}")
            return 0
        failures.append(failure)
    failure = playwright_install()
    if failure is None:
        print("browser: Playwright's own Chromium")
        return 0
    failures.append(failure)
    print(f"browser: the browser tests need Chromium; install Debian's (sudo apt-get install "
          f"{' '.join(PACKAGES)}) or Playwright's ({sys.executable} -m playwright install "
          f"chromium) [{'; '.join(failures)}]", file=sys.stderr)
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
