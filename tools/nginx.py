"""A real web server for the published site's browser tests; `make test` runs this before pytest.

The tests serve `labkit publish`'s site with nginx, started by the test itself: unprivileged,
in the foreground, on a loopback port, with its own prefix and temporary folders. An nginx
already here (/usr/sbin/nginx or `nginx` on PATH) is used as it is. Else this installs
Debian's nginx-light (root with apt-get), else prints one line saying what to install and
exits 1. tests/publish/test_publish_browser.py looks for nginx in the same order.

Debian's package may start its own nginx service on port 80 where systemd runs; the tests
do not use it (`systemctl disable --now nginx` stops it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

PACKAGES = ["nginx-light"]


def find_nginx() -> str | None:
    for path in ("/usr/sbin/nginx", shutil.which("nginx")):
        if path and os.access(path, os.X_OK):
            return path
    return None


def apt_install() -> str | None:
    """None when it worked, else what went wrong in one line."""
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    print(f"nginx: none found; installing Debian's {' '.join(PACKAGES)} with apt-get", flush=True)
    for cmd in (["apt-get", "-o", "DPkg::Lock::Timeout=120", "update", "-qq"],
                ["apt-get", "-o", "DPkg::Lock::Timeout=120", "install", "-y", "-qq", *PACKAGES]):
        r = subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
        if r.returncode:
            lines = [line.strip() for line in r.stdout.splitlines() if line.strip()]
            errors = [line for line in lines if line.startswith(("E:", "Error"))] or lines
            return f"`{' '.join(cmd)}` failed: {errors[-1] if errors else f'exit {r.returncode}'}"
    return None if find_nginx() else "apt-get installed no /usr/sbin/nginx"


def main() -> int:
    path = find_nginx()
    if path:
        print(f"nginx: {path}")
        return 0
    failure = "not root, or no apt-get"
    if os.name == "posix" and os.geteuid() == 0 and shutil.which("apt-get"):
        failure = apt_install()
        if failure is None:
            print(f"nginx: {find_nginx()}")
            return 0
    print(f"nginx: the published site's browser tests need nginx; install Debian's "
          f"(sudo apt-get install {' '.join(PACKAGES)}) [{failure}]", file=sys.stderr)
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
