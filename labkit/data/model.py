"""The programme: one object holding a validated data package."""

from __future__ import annotations

import dataclasses
import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

import networkx as nx
import pandas as pd

from . import io, schema


@dataclasses.dataclass(frozen=True, eq=False)
class Programme:
    """A validated data package: package metadata and one DataFrame per table.

    Tables are reachable as attributes (``p.organisations``) or through
    ``p.tables``. Treat them as read-only; :meth:`replace` derives a new
    programme with other tables. The graph is built on first use of
    :attr:`graph`.
    """

    meta: dict
    tables: dict[str, pd.DataFrame]
    path: Path | None = None
    #: Builds :attr:`graph`: :func:`labkit.network.build_graph`, set by ``labkit/__init__.py``
    #: so that data/ never imports network/ (imports point down the pipeline).
    graph_builder: ClassVar[Callable[["Programme"], nx.MultiDiGraph] | None] = None

    def __getattr__(self, name: str) -> pd.DataFrame:
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(name)

    @property
    def attendance(self) -> pd.DataFrame:
        """Real attendance: ``tables["attendance"]`` without the rows of a seating plan
        (source ``planned``), which no measure counts."""
        att = self.tables["attendance"]
        return att[att["source"] != schema.PLANNED]

    def __dir__(self):
        return sorted(set(super().__dir__()) | set(self.tables))

    @functools.cached_property
    def graph(self) -> nx.MultiDiGraph:
        """The typed graph of the programme (see :mod:`labkit.network.graph`)."""
        return Programme.graph_builder(self)

    @property
    def is_illustrative(self) -> bool:
        """True when any row of the package is illustrative or synthetic."""
        return any(df["source"].isin(["illustrative", "synthetic"]).any()
                   for df in self.tables.values() if "source" in df.columns)

    def words(self, lang: str = "nl") -> dict[str, str]:
        """The programme's own words in ``lang`` (see :func:`programme_words`)."""
        return programme_words(self.meta, lang)

    def replace(self, **tables: pd.DataFrame) -> "Programme":
        """A new programme with some tables replaced (not validated until saved)."""
        unknown = set(tables) - set(schema.RESOURCE_NAMES)
        if unknown:
            raise KeyError(f"unknown tables: {sorted(unknown)}")
        return Programme(dict(self.meta), {**self.tables, **tables}, self.path)

    def save(self, path: str | os.PathLike | None = None) -> None:
        """Validate and write the package to ``path`` (default: where it was loaded)."""
        target = path if path is not None else self.path
        if target is None:
            raise ValueError("no path to save to")
        io.write_package(target, self.meta, self.tables)

    def __repr__(self) -> str:
        counts = ", ".join(f"{n}={len(df)}" for n, df in self.tables.items() if len(df))
        return f"<Programme {self.meta.get('name', '?')} ({counts})>"


def programme_words(meta: dict, lang: str = "nl") -> dict[str, str]:
    """The programme's own words from package metadata ``meta``, in ``lang``.

    Keys: ``title``, ``subtitle``, ``introduction`` (in ``lang``; English falls
    back to Dutch when empty and Dutch to English), ``organiser``,
    ``period_start``, ``period_end`` (ISO dates) and ``source``; every value a
    string, empty when unknown. Without a ``"programme"`` object in the
    descriptor the title is the package's ``title`` (or ``name``).

    >>> programme_words({"programme": {"title_nl": "Regiodeal", "subtitle_en": "Twente"}}, "en")["title"]
    'Regiodeal'
    >>> programme_words({"programme": {"title_nl": "Regiodeal", "subtitle_en": "Twente"}}, "nl")["subtitle"]
    'Twente'
    """
    words = meta.get("programme") if isinstance(meta.get("programme"), dict) else {}
    other = "en" if lang == "nl" else "nl"

    def text(key):
        value = words.get(key)
        return value.strip() if isinstance(value, str) else ""

    out = {k: text(f"{k}_{lang}") or text(f"{k}_{other}") for k in ("title", "subtitle", "introduction")}
    out.update({k: text(k) for k in ("organiser", "period_start", "period_end", "source")})
    if not out["title"]:
        out["title"] = str(meta.get("title") or meta.get("name") or "")
    return out


def load(path: str | os.PathLike = "data") -> Programme:
    """Load and validate the data package in ``path``.

    Raises :class:`labkit.errors.DataPackageError` listing every problem.
    Loading never writes to ``path``.
    """
    meta, tables = io.read_package(path)
    return Programme(meta, tables, Path(path))


def save(programme: Programme, path: str | os.PathLike | None = None) -> None:
    """Write ``programme`` back as a data package (see :meth:`Programme.save`)."""
    programme.save(path)
