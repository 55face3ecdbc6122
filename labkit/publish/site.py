"""``labkit publish``: the programme as a static site that any number of people can open at once.

::

    site/
      index.html                 the programme, its themes, the downloads; Dutch and English
      nl/<theme>.html            the dashboard's four tabs for one theme, in Dutch
      en/<theme>.html            ... and in English; each links to the other
      reports/nl/, reports/en/   the theme reports (``labkit reports``) and their index
      downloads/                 the data package (zip) and the workbook (xlsx)
      assets/                    vega as one script, the pages' script and style sheet

The site needs no Python and no kernel: the pages open from disk (``file://``)
and from any static web server, and load nothing from beyond the site. The
same data give the same bytes. The site is built in a folder beside ``out``
that then replaces ``out`` whole (:func:`labkit.data.io.atomic_dir`): a
failure, a report that cannot be made included, leaves the previous site as
it was.

With ``public=True`` everything is made from the public tables
(:func:`labkit.interop.export.public_tables`: the names of participants who did
not consent to be named are blanked), the reports and the downloads included.
"""

from __future__ import annotations

import dataclasses
import re
import tempfile
from pathlib import Path

from ..data import io
from ..data.model import Programme, load
from ..data.schema import ID_PATTERN
from ..errors import ParameterError
from ..i18n import LANGS
from ..interop.export import private_names, public_tables
from ..views.parameters import default_as_of
from ..views.theme import ThemeData
from . import assets, downloads, pages


@dataclasses.dataclass(frozen=True)
class Published:
    """What :func:`publish` wrote."""

    path: Path
    public: bool
    pages: int
    reports: int
    downloads: tuple
    hidden_names: int  # participants named in the working copy without their consent

    @property
    def index(self) -> Path:
        return self.path / "index.html"


def is_site(folder: Path) -> bool:
    """Whether ``folder`` holds a site written by :func:`publish` (its index says so)."""
    index = Path(folder) / "index.html"
    try:
        with open(index, "rb") as f:
            head = f.read(4096)
    except OSError:
        return False
    return f'<meta name="generator" content="{pages.GENERATOR}">'.encode() in head


def check_out(out: Path) -> Path:
    """The folder to write, refused when it holds something other than a site or nothing."""
    out = Path(out)
    target = out.resolve() if out.is_symlink() else out
    if target.exists() and not target.is_dir():
        raise ParameterError(f"--out {out} is a file; give a folder for the site")
    if target.is_dir() and any(target.iterdir()) and not is_site(target):
        raise ParameterError(f"--out {out} holds files that labkit publish did not write, and publishing "
                             "replaces the folder whole: give a new or empty folder")
    return target


def publish(data_dir="data", out="site", *, public: bool = False, reports: bool = True,
            log=None) -> Published:
    """Write the static site of the data package in ``data_dir`` into ``out`` (see the module docstring).

    ``reports=False`` leaves the theme reports out (they take a few seconds
    per theme); ``log`` receives a line per report. Raises
    :class:`~labkit.errors.ParameterError` when ``out`` holds something else
    than a site, :class:`~labkit.errors.DataPackageError` for bad data and
    :class:`~labkit.report.runner.ReportsFailed` when a report fails; then
    nothing is changed.
    """
    working = load(data_dir)
    target = check_out(Path(out))
    hidden = private_names(working)
    programme = Programme(*public_tables(working), working.path) if public else working
    as_of = default_as_of(programme)
    with io.atomic_dir(target) as tmp:
        names = assets.write_assets(tmp / "assets")
        files = downloads.write_downloads(programme, tmp / "downloads", public=public, as_of=as_of)
        made = _reports(programme, data_dir, tmp / "reports", public=public, log=log) if reports else frozenset()
        site = pages.SiteInfo(programme, names, as_of, made, files, public)
        count = 0
        for tid, _ in site.themes("nl"):
            if not re.fullmatch(ID_PATTERN, tid):  # load() checks ids; a page name must not be a path
                raise ParameterError(f"theme id {tid!r} cannot name a page")
            data = ThemeData(programme, tid)
            for lang in LANGS:
                io.write_text_atomic(tmp / lang / f"{tid}.html", pages.theme_page(site, data, lang))
                count += 1
        io.write_text_atomic(tmp / "index.html", pages.index_page(site))
    return Published(target, public, count + 1, len(made), files, hidden)


def _reports(programme, data_dir, folder: Path, *, public: bool, log) -> frozenset:
    """Every theme's report in both languages under ``folder/<lang>/``; the (lang, theme) pairs made.

    A public site's reports are made from the public tables, written to a
    temporary package for the report kernels to read.
    """
    from ..report.runner import run_reports
    made = set()
    with tempfile.TemporaryDirectory(prefix="labkit-publish-") as scratch:
        if public:
            data_dir = Path(scratch) / "data"
            io.write_package(data_dir, programme.meta, programme.tables)
        for lang in LANGS:
            out = folder / lang
            outcomes = run_reports(data_dir=str(data_dir), out_dir=out, lang=lang, progress=False,
                                   log=(lambda line, lang=lang: log(f"report {lang}: {line}")) if log else None)
            made |= {(lang, o.theme) for o in outcomes if o.ok}
            for notebook in out.glob("*.ipynb"):  # the notebooks name a temporary folder: not for viewers
                notebook.unlink()
    return frozenset(made)
