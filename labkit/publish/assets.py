"""The site's own files: vega as one script, and the few lines of CSS and JavaScript of the pages.

Each is written under a name that carries its hash (``assets/<stem>-<hash>.<ext>``),
so a static host may cache it for good and a new version is a new name.

Vega comes from the installed packages, built by vl-convert the way Altair's
offline charts build it, but as a classic script that sets ``window.vegaEmbed``:
a page opened from disk (``file://``) may run classic scripts from beside it,
not modules. The build (about 3 s) is kept in ``~/.cache/labkit``
(``XDG_CACHE_HOME``) per Altair and vl-convert version.
"""

from __future__ import annotations

import hashlib
import os
from importlib import metadata
from pathlib import Path

STATIC = Path(__file__).resolve().parent / "static"


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "labkit"


def vega_script() -> bytes:
    """vega, vega-lite and vega-embed as one classic script (``window.vegaEmbed``)."""
    from ..data import io
    key = f"altair-{metadata.version('altair')}-vl-convert-{metadata.version('vl-convert-python')}"
    cached = _cache_dir() / f"vega-embed-{key}.js"
    if cached.is_file():
        return cached.read_bytes()
    import altair as alt
    import vl_convert
    # the Vega-Lite version Altair writes its specs for, e.g. "6.4" for "v6.4.1"
    version = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    data = vl_convert.javascript_bundle(vl_version=version).encode("utf-8")
    if b"import.meta" in data or b"\nexport " in data or data.startswith(b"import "):
        raise RuntimeError("vl-convert built vega as a module; the site needs a classic script")
    try:
        io.write_bytes_atomic(cached, data)
    except OSError:  # a read-only home: build again next time
        pass
    return data


def favicon(colour=(0x15, 0x42, 0x73)) -> bytes:
    """A 16x16 icon of one colour (the pages' blue), so that browsers find ``favicon.ico``."""
    import struct
    size = 16
    pixels = bytes([colour[2], colour[1], colour[0], 255]) * (size * size)  # BGRA, bottom row first
    mask = bytes(size * 4)  # 1 bit per pixel, rows padded to 4 bytes: all opaque
    bitmap = struct.pack("<IiiHHIIiiII", 40, size, 2 * size, 1, 32, 0, len(pixels) + len(mask), 0, 0, 0, 0)
    image = bitmap + pixels + mask
    return struct.pack("<HHH", 0, 1, 1) + struct.pack("<BBBBHHII", size, size, 0, 0, 1, 32, len(image), 22) + image


def hashed_name(stem: str, suffix: str, data: bytes) -> str:
    """``<stem>-<first 16 hex digits of sha256>.<suffix>``."""
    return f"{stem}-{hashlib.sha256(data).hexdigest()[:16]}.{suffix}"


def write_assets(folder: Path) -> dict[str, str]:
    """Write vega, the pages' script and their style sheet into ``folder``, and the icon beside it.

    Returns ``{"vega": name, "js": name, "css": name}``, the names written.
    """
    from ..data import io
    files = {"vega": ("labkit-vega", "js", vega_script()),
             "js": ("site", "js", (STATIC / "site.js").read_bytes()),
             "css": ("site", "css", (STATIC / "site.css").read_bytes())}
    names = {}
    for key, (stem, suffix, data) in files.items():
        names[key] = hashed_name(stem, suffix, data)
        io.write_bytes_atomic(Path(folder) / names[key], data)
    io.write_bytes_atomic(Path(folder).parent / "favicon.ico", favicon())  # where browsers look for it
    return names
