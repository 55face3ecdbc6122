import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from labkit.data import io, schema
from labkit.data.model import Programme

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


@pytest.fixture(scope="session")
def programme():
    import labkit
    return labkit.load(DATA)


@pytest.fixture
def pkg(tmp_path):
    """A writable copy of the embedded data package."""
    dst = tmp_path / "data"
    shutil.copytree(DATA, dst)
    return dst


def make_tables(**rows) -> dict[str, pd.DataFrame]:
    """Typed tables from lists of dicts; tables not given are empty, and the
    reference tables (sectors, themes, kinds of table, stages, SDGs, dimensions)
    get minimal rows unless given."""
    defaults = {
        "sectors": [{"id": s, "name_nl": s, "name_en": s, "order": i + 1, "source": "classification"}
                    for i, s in enumerate(["gov", "biz", "ngo"])],
        "themes": [{"id": "t", "number": 1, "name_nl": "Thema", "name_en": "Theme", "source": "report:intro"}],
        "table_kinds": [{"id": k, "name_nl": k.capitalize(), "name_en": k, "order": i + 1,
                         "source": "classification"}
                        for i, k in enumerate(["focustafel", "verdiepingstafel", "werkplaats"])],
        "roadmap_stages": [{"id": f"stage-{i}", "number": i, "name_nl": f"Trap {i}", "name_en": f"Stage {i}",
                            "text_nl": "x", "source": "report:4"} for i in (1, 2, 3)],
        "sdgs": [{"number": i, "name_nl": f"SDG {i}", "name_en": f"SDG {i}", "colour": "#000000",
                  "source": "reference"} for i in range(1, 18)],
        "welfare_dimensions": [{"id": d, "name_nl": d, "name_en": d, "source": "reference"}
                               for d in schema.DIMENSIONS],
    }
    out = {}
    for name in schema.RESOURCE_NAMES:
        data = rows.get(name, defaults.get(name, []))
        text = io.table_to_csv(name, pd.DataFrame(data, columns=schema.field_names(name)))
        problems = []
        parsed, _ = io._parse_table(name, text, problems)
        assert not problems, problems
        out[name] = io._frame(name, parsed)
    return out


def make_programme(**rows) -> Programme:
    tables = make_tables(**rows)
    problems = []
    io._parse_all({n: io.table_to_csv(n, df) for n, df in tables.items()}, problems)
    assert not problems, [str(p) for p in problems]
    return Programme({"name": "tiny"}, tables)


# ---------------------------------------------------------------- browser tests
ARTIFACTS = ROOT / "test-artifacts"


def system_chromium() -> str | None:
    """Debian's Chromium, or `chromium` on PATH; None means Playwright's own
    (the order of tools/browser.py, which `make test` runs first)."""
    for path in ("/usr/bin/chromium", shutil.which("chromium")):
        if path and os.access(path, os.X_OK):
            return path
    return None


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    path = system_chromium()
    return {**browser_type_launch_args, **({"executable_path": path} if path else {}),
            "args": ["--disable-gpu", "--disable-quic"]}


@pytest.fixture(scope="session")
def browser(launch_browser, browser_type_launch_args):
    """pytest-playwright's browser, failing (never skipping) with a clear message without one."""
    from playwright.sync_api import Error
    try:
        b, error = launch_browser(), None
    except Error as e:
        error = (str(e).strip() or type(e).__name__).splitlines()[0]
    if error:
        where = browser_type_launch_args.get("executable_path") or "Playwright's own Chromium"
        pytest.fail(f"no Chromium for the browser tests: {where} does not start ({error}); "
                    "`make test` installs one (tools/browser.py): Debian's chromium, "
                    "else `python -m playwright install chromium`", pytrace=False)
    yield b
    b.close()


@pytest.fixture(scope="session")
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


class PageWatch:
    """Page errors, console errors, failed requests and requests that leave 127.0.0.1.

    None is allowed: labkit's Voilà page drops the Font Awesome CDN link of Voilà's own.
    """

    def __init__(self, page):
        self.errors, self.console, self.outside, self.failed = [], [], [], []
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("console", lambda m: self.console.append(m.text) if m.type == "error" else None)
        page.on("request", self._request)
        page.on("requestfailed", lambda r: self.failed.append(r.url))

    def _request(self, request):
        from urllib.parse import urlparse
        host = urlparse(request.url).hostname
        if request.url.startswith(("data:", "blob:", "about:", "file:")):
            return
        if host not in ("127.0.0.1", "localhost"):
            self.outside.append(request.url)

    def assert_clean(self):
        assert self.errors == [], self.errors
        assert self.outside == [], self.outside
        assert self.failed == [], self.failed
        assert self.console == [], self.console
