"""Cross-sector network analytics of a dialogue programme.

The questions an analyst of a middenvelddialoog asks, as NetworkX-style
functions that return plain Python or pandas objects and never print or plot:

==================  ==========================================================
module              answers
==================  ==========================================================
``composition``     who was in the room: sector composition, missing sectors
                    and diversity per session, table kind or theme
``continuity``      who came to which table of a theme, and the snowball of
                    invitations ("zwaan-kleef-aan") as a tree
``ties``            cross-sector ties: E-I index (whole network, per sector,
                    per organisation), mixing matrix, assortativity, new
                    cross-sector ties per table; E-I and mixing against
                    shuffled sector labels (a permutation test)
``brokers``         betweenness, Burt's constraint and effective size,
                    Gould-Fernandez brokerage roles and their expected counts
                    and z-scores in a random network (as ``sna::brokerage``)
``chance``          a figure against chance in one sentence, Dutch and
                    English: more, less or as often as chance would give
``clusters``        seeded Leiden communities, modularity and how far each
                    community mixes sectors
``commitments``     coverage by roadmap stage, SDG, dimension and owner
                    sector; unowned stages; stalled commitments; progress
``headline``        the headline answers ``labkit analyse`` prints
==================  ==========================================================

Functions about people, tables and commitments take the programme or its
typed graph (:mod:`labkit.network.graph`); network measures take an organisation
network, ``labkit.organisation_coattendance(G)`` or
``labkit.organisation_collaboration(G, directed=True)``. Results rest on
illustrative rows where the data does: frames carry an ``illustrative``
column, the projections' edges an ``illustrative`` attribute, and
:func:`headline` an ``illustrative`` flag per section.

Speed: heavy measures run on arrays (numpy/scipy) or python-igraph, built once
per graph and cached on it (see :mod:`labkit.analytics._data`); the results
equal NetworkX's where NetworkX has the measure (tests).
"""

from ._data import clear_cache
from .brokers import betweenness, brokerage_baselines, brokerage_roles, constraint, effective_size
from .chance import describe_against_chance
from .clusters import communities, community_mixing, modularity
from .commitments import commitment_coverage, progress_over_time, stalled_commitments, unowned
from .composition import blau_index, diversity, missing_sectors, sector_composition, shannon_index
from .continuity import invitation_tree, table_continuity
from .headline import format_headline, headline, top_brokers
from .planning import PlanInfeasible, TablePlan, plan_tables
from .rounds import format_round_change, round_change, round_positions, rounds_in_order
from .permutation import ei_index_permutation, mixing_permutation
from .ties import (assortativity, cross_sector_share, ei_index, ei_index_by_group,
                   ei_index_by_node, ei_index_expected, mixing_matrix, new_cross_sector_ties)

__all__ = [
    "PlanInfeasible",
    "TablePlan",
    "assortativity",
    "betweenness",
    "blau_index",
    "brokerage_baselines",
    "brokerage_roles",
    "clear_cache",
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
    "format_headline",
    "format_round_change",
    "headline",
    "invitation_tree",
    "missing_sectors",
    "mixing_matrix",
    "mixing_permutation",
    "modularity",
    "round_change",
    "round_positions",
    "rounds_in_order",
    "new_cross_sector_ties",
    "plan_tables",
    "progress_over_time",
    "sector_composition",
    "shannon_index",
    "stalled_commitments",
    "table_continuity",
    "top_brokers",
    "unowned",
]
