"""labkit: the policy-lab workbench.

Load a dialogue programme from a validated data package, analyse it as a
NetworkX graph, and report on it::

    import labkit
    p = labkit.load("data")
    G = p.graph
"""

from .errors import DataPackageError, LabkitError, ParameterError, Problem
from .graph import build_graph, organisation_coattendance, organisation_collaboration
from .model import Programme, load, save
from .summary import summarize

__version__ = "0.1.0"

__all__ = [
    "DataPackageError",
    "LabkitError",
    "ParameterError",
    "Problem",
    "Programme",
    "build_graph",
    "load",
    "organisation_coattendance",
    "organisation_collaboration",
    "save",
    "summarize",
]
