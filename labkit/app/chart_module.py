"""Vega for the served dashboard: one file over HTTP instead of 0.9 MB inside every chart.

Offline, each ``alt.JupyterChart`` carries its own copy of vega-embed (about
0.9 MB of JavaScript, bundled by vl-convert) in the widget's ``_esm``: the
kernel builds the bundle (3 s of CPU per kernel), sends it over the websocket
once per chart, and the browser compiles it once per chart.

Under ``labkit serve`` the server writes that bundle once, as a file with its
hash in the name, into the folder Voilà serves, and lets Voilà serve that one
file. The dashboard's charts then carry a three-line module that imports it:
the browser fetches and compiles vega once per page (and caches it), and the
kernel never loads vl-convert. Outside ``labkit serve`` (JupyterLab, tests)
charts keep the inline bundle.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
from importlib import metadata
from pathlib import Path

#: Environment variable through which ``labkit serve`` names the file to its kernels.
ENV = "LABKIT_CHART_MODULE"
#: The only file name Voilà may serve from its root (its ``file_allowlist``).
PATTERN = r"labkit-vega-[0-9a-f]{16}\.js"

# The page is /voila/render/<notebook>; Voilà serves allowlisted files at /voila/files/.
# A widget's module is loaded from a blob: URL, so the address is made absolute here.
_STUB = """\
// vega-embed and Altair's chart code: one file served by labkit serve, shared by every chart
const mod = await import(new URL("{address}", window.location.href).href);
export default mod.default;
"""


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "labkit"


def bundle() -> bytes:
    """Altair's offline JupyterChart module (``JupyterChart.enable_offline``'s bundle).

    Built with vl-convert on first use and kept in ``~/.cache/labkit`` per Altair
    and vl-convert version, so a server starts without rebuilding it.
    """
    from ..data import io
    key = f"altair-{metadata.version('altair')}-vl-convert-{metadata.version('vl-convert-python')}"
    cached = _cache_dir() / f"jupyterchart-{key}.js"
    if cached.is_file():
        return cached.read_bytes()
    import altair as alt
    alt.JupyterChart.enable_offline()
    data = alt.JupyterChart._esm.encode("utf-8")
    try:
        io.write_bytes_atomic(cached, data)
    except OSError:  # a read-only home: build again next time
        pass
    return data


def write(root: Path) -> str:
    """Write the bundle into ``root`` under a name with its hash; return the name."""
    from ..data import io
    data = bundle()
    name = f"labkit-vega-{hashlib.sha256(data).hexdigest()[:16]}.js"
    io.write_bytes_atomic(Path(root) / name, data)
    return name


def served_name() -> str | None:
    """The file ``labkit serve`` named for this kernel, or None (then charts bundle vega inline)."""
    name = os.environ.get(ENV, "")
    return name if re.fullmatch(PATTERN, name) else None


def address(name: str) -> str:
    """The file's address relative to Voilà's ``voila/`` path, with its version for caching."""
    return f"files/{name}?v={name[len('labkit-vega-'):-len('.js')]}"


def stub(name: str) -> str:
    """The small module a chart carries instead of the bundle."""
    if not re.fullmatch(PATTERN, name):
        raise ValueError(f"not a labkit chart module name: {name!r}")
    return _STUB.format(address="../" + address(name))


def chart_class():
    """The JupyterChart class the dashboard uses in this kernel."""
    import altair as alt
    name = served_name()
    if name is None:
        alt.JupyterChart.enable_offline()
        return alt.JupyterChart
    return _served_class(name)


@functools.cache
def _served_class(name: str):
    import altair as alt
    return type("ServedJupyterChart", (alt.JupyterChart,), {"_esm": stub(name), "__module__": __name__})
