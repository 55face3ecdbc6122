"""The programme as a typed NetworkX graph, and the projections analytics work on.

- :mod:`~labkit.network.graph`: :func:`build_graph` (every node and edge has a ``kind``),
  :func:`organisation_coattendance` and :func:`organisation_collaboration`

Uses :mod:`labkit.data`; used by analytics and everything above it.
"""

from .graph import build_graph, organisation_coattendance, organisation_collaboration

__all__ = ["build_graph", "organisation_coattendance", "organisation_collaboration"]
