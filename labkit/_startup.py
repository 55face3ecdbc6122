"""Kernel start-up: defer one slow import that every labkit kernel would pay for.

``jsonschema`` (imported by Altair and nbformat) imports ``rfc3987_syntax`` when
it is installed, and that package compiles about 35 Earley parsers at import:
1.6-2.9 s of CPU here, in every Voilà and papermill kernel (jsonschema issue
1428, jupyter opendatahub issue 3532). Only the ``iri`` and ``iri-reference``
formats use it, and no schema labkit validates has them. So labkit puts a
stand-in module first whose ``is_valid_syntax`` imports the real one on its
first call: the same answers, paid for only if ever asked.
"""

from __future__ import annotations

import importlib.util
import sys
import types

_NAME = "rfc3987_syntax"


def defer_rfc3987_syntax() -> None:
    """Install the stand-in, unless the real module is loaded already or not installed."""
    if _NAME in sys.modules or "jsonschema._format" in sys.modules:
        return
    spec = importlib.util.find_spec(_NAME)
    if spec is None or not spec.submodule_search_locations:
        return
    stand_in = types.ModuleType(_NAME, "Stand-in from labkit._startup: loads rfc3987_syntax on first use.")
    stand_in.__path__ = list(spec.submodule_search_locations)  # its submodules import as usual
    stand_in.__spec__ = spec

    def real():
        return importlib.import_module(f"{_NAME}.syntax_helpers")  # the package's __init__ re-exports it

    def is_valid_syntax(term, value):
        return real().is_valid_syntax(term, value)

    def __getattr__(name):
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(real(), name)

    stand_in.is_valid_syntax = is_valid_syntax
    stand_in.__getattr__ = __getattr__
    sys.modules[_NAME] = stand_in
