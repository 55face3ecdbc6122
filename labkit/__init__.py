"""labkit: the policy-lab workbench.

Load a dialogue programme from a validated data package, analyse it as a
NetworkX graph, and report on it::

    import labkit
    p = labkit.load("data")
    G = p.graph
"""

from . import _startup

_startup.defer_rfc3987_syntax()  # before anything imports jsonschema: saves 1.6-2.9 s per kernel

from .analytics import (  # noqa: E402
    assortativity, betweenness, blau_index, brokerage_baselines, brokerage_roles, commitment_coverage,
    communities, community_mixing, constraint, cross_sector_share, describe_against_chance, diversity,
    effective_size, ei_index, ei_index_by_group, ei_index_by_node, ei_index_expected, ei_index_permutation,
    format_headline, headline, invitation_tree, missing_sectors, mixing_matrix, mixing_permutation, modularity,
    new_cross_sector_ties, plan_tables, progress_over_time, sector_composition, shannon_index, stalled_commitments,
    table_continuity, top_brokers, unowned)
from .errors import DataPackageError, LabkitError, ParameterError, Problem
from .interop.export import export_programme, read_graph
from .network.graph import build_graph, organisation_coattendance, organisation_collaboration
from .interop.importing import ImportListError, ImportResult, import_attendance, import_progress
from .data.model import Programme, load, save
from .analytics.summary import summarize

Programme.graph_builder = build_graph  # the one place the data layer meets the network layer

from ._version import __version__  # noqa: E402

__all__ = [
    "DataPackageError",
    "ImportListError",
    "ImportResult",
    "LabkitError",
    "ParameterError",
    "Problem",
    "Programme",
    "assortativity",
    "betweenness",
    "blau_index",
    "brokerage_baselines",
    "brokerage_roles",
    "build_graph",
    "commitment_coverage",
    "communities",
    "community_mixing",
    "constraint",
    "cross_sector_share",
    "describe_against_chance",
    "diversity",
    "effective_size",
    "ei_index",
    "ei_index_by_group",
    "ei_index_by_node",
    "ei_index_expected",
    "ei_index_permutation",
    "export_programme",
    "format_headline",
    "headline",
    "import_attendance",
    "import_progress",
    "invitation_tree",
    "load",
    "missing_sectors",
    "mixing_matrix",
    "mixing_permutation",
    "modularity",
    "new_cross_sector_ties",
    "organisation_coattendance",
    "organisation_collaboration",
    "plan_tables",
    "progress_over_time",
    "read_graph",
    "save",
    "sector_composition",
    "shannon_index",
    "stalled_commitments",
    "summarize",
    "table_continuity",
    "top_brokers",
    "unowned",
]
