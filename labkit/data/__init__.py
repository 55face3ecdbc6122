"""The data package: its Table Schemas, every read and write, and the Programme.

- :mod:`~labkit.data.schema`: the tables, their fields and rules (Frictionless Table Schema)
- :mod:`~labkit.data.io`: every read and write of a package; validation; atomic writes
- :mod:`~labkit.data.model`: :class:`Programme`, :func:`load`, :func:`save`
- :mod:`~labkit.data.privacy`: pseudonyms for people not named in a public source
- :mod:`~labkit.data.illustrative`: the generator of the embedded example's illustrative rows
- :mod:`~labkit.data.synth`: synthetic programmes of any size, for tests and benchmarks
- :mod:`~labkit.data.new`: a new, empty programme of one's own (``labkit new``)

Nothing here imports from the layers above (network, analytics, views, report, app, interop).
"""

from .model import Programme, load, save

__all__ = ["Programme", "load", "save"]
