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
