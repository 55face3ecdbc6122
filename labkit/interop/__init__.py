"""Other tools' files: spreadsheets in, graphs, workbooks and open data out.

- :mod:`~labkit.interop.sheets`: reading spreadsheets as people type them (.xlsx, .csv)
- :mod:`~labkit.interop.importing`: registration lists and progress updates into a package
- :mod:`~labkit.interop.export`: GEXF, GraphML, Kumu, xlsx and the public data package
"""

from .export import export_programme, read_graph
from .importing import ImportListError, ImportResult, import_attendance, import_progress

__all__ = ["ImportListError", "ImportResult", "export_programme", "import_attendance",
           "import_progress", "read_graph"]
