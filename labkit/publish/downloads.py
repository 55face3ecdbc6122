"""The site's open data: the data package and a workbook, as files under ``downloads/``.

:func:`write_downloads` is the one place that decides what a viewer can
download; today that is what ``labkit export`` writes (the zipped Frictionless
package and the xlsx of every table, :mod:`labkit.interop.export`). Public
downloads (``public=True``) blank the names of participants who did not consent
to be named. Both are made byte-identical for the same data: the workbook's
zip entries and its document dates are set to the date the data speak for.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

from ..data import io
from ..interop import export
from .pages import Download


def write_downloads(programme, folder: Path, *, public: bool, as_of: dt.date) -> tuple[Download, ...]:
    """Write the data package (zip) and the workbook (xlsx) into ``folder``; one :class:`Download` each."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    stem = _safe_stem(str(programme.meta.get("name") or "labkit")) + ("-public" if public else "")
    package, workbook = folder / f"{stem}.zip", folder / f"{stem}.xlsx"
    export.write_datapackage(programme, package, public=public)
    export.write_workbook(programme, workbook, public=public)
    _pin_workbook(workbook, as_of)
    return tuple(Download(kind, p.name, p.stat().st_size)
                 for kind, p in (("datapackage", package), ("workbook", workbook)))


def _safe_stem(name: str) -> str:
    """A package name as a file name: letters, digits, ``.``, ``_`` and ``-`` only.

    >>> _safe_stem("middenvelddialogen-brede-welvaart"), _safe_stem("../<b>x")
    ('middenvelddialogen-brede-welvaart', 'b-x')
    """
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip(".-") or "labkit"


_CORE_DATES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def _pin_workbook(path: Path, day: dt.date) -> None:
    """Rewrite the xlsx with fixed entry times and document dates (openpyxl stamps the clock)."""
    stamp = f"{day.isoformat()}T00:00:00Z".encode("ascii")
    with zipfile.ZipFile(path) as z:
        entries = [(info, z.read(info)) for info in z.infolist()]
    with io.atomic_path(path, suffix=".xlsx") as tmp:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as out:
            for info, data in entries:
                if info.filename == "docProps/core.xml":
                    data = _CORE_DATES.sub(rb"\g<1>" + stamp + rb"\g<2>", data)
                fixed = zipfile.ZipInfo(info.filename, (1980, 1, 1, 0, 0, 0))
                fixed.compress_type = zipfile.ZIP_DEFLATED
                fixed.external_attr = info.external_attr
                out.writestr(fixed, data)
