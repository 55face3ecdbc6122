"""Other tools' files: spreadsheets in, graphs, workbooks and open data out.

- :mod:`~labkit.interop.sheets`: reading spreadsheets as people type them (.xlsx, .csv)
- :mod:`~labkit.interop.importing`: registration lists and progress updates into a package
- :mod:`~labkit.interop.matching`: a list's organisations and people matched to the package
- :mod:`~labkit.interop.import_result`: what an import changes, or every problem at once
- :mod:`~labkit.interop.workbook`: the whole programme as a workbook people fill in
- :mod:`~labkit.interop.workbook_reading`: that workbook's sheets read as the package's text
- :mod:`~labkit.interop.workbook_import`: that workbook, filled in, back into the package
- :mod:`~labkit.interop.export`: GEXF, GraphML, Kumu, xlsx and the public data package
"""

from .export import export_programme, read_graph
from .importing import ImportListError, ImportResult, import_attendance, import_progress
from .workbook import write_workbook
from .workbook_import import WorkbookImport, import_workbook

__all__ = ["ImportListError", "ImportResult", "WorkbookImport", "export_programme",
           "import_attendance", "import_progress", "import_workbook", "read_graph",
           "write_workbook"]
