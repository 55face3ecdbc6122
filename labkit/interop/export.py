"""Exports for the tools analysts already use: Gephi, yEd, Kumu, Excel and open-data portals.

=============== ================================================================
format          what
=============== ================================================================
``gexf``        the typed graph for Gephi (:func:`write_gexf`)
``graphml``     the typed graph for yEd, Gephi and others (:func:`write_graphml`)
``kumu``        Kumu's spreadsheet import: sheets *Elements* and *Connections*
``xlsx``        an Excel workbook with every table, for people without Python
``datapackage`` the Frictionless data package as a zip, for open-data portals
=============== ================================================================

Personal data
-------------
Graph exports (gexf, graphml, kumu) are built from the typed graph, where a
participant's ``label`` is their name only when they may be named
(``consent_named``: a public source names them, or they consented; see
``named_basis``) and a pseudonym otherwise; a participant node never carries a
``name`` otherwise. Table exports (xlsx, datapackage) are the private working
copy unless ``public=True``: then the names (and positions) of participants who
may not be named are blanked and the package metadata says so under ``privacy``.

Spreadsheet safety
------------------
In the xlsx, Kumu and zipped-CSV exports, a text value that begins with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading
apostrophe (``'=1+1``), so that a spreadsheet shows it as text instead of
running it as a formula (:func:`neutralise`). Such a value reads back with its
apostrophe; nothing else is changed.

GEXF and GraphML
----------------
Neither format can hold None, lists or dates, so values are converted by this
rule, which :func:`read_graph` reverses:

* None: the attribute is left out of that node or edge;
* a list or dict: a JSON string (``'["col-001", "col-007"]'``);
* a date: an ISO string (``'2026-10-01'``);
* GEXF keeps edge weights as floats: they read back as int when they were.

Which attributes were converted, and the graph's own attributes, are kept in
the file as JSON: the graph attribute ``labkit`` (GraphML) or the
``<meta><description>`` (GEXF). Every edge gets a unique ``id``,
``<kind>--<from>--<to>``; in the graph the edge's key is its kind.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import networkx as nx
import pandas as pd

from ..data import io, schema
from ..errors import LabkitError

FORMATS = {"gexf": ".gexf", "graphml": ".graphml", "kumu": "-kumu.xlsx", "xlsx": ".xlsx",
           "datapackage": ".zip"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed, so the same package gives the same zip


@dataclasses.dataclass(frozen=True)
class Exported:
    """Where an export went, and what its user should know about it."""

    path: Path
    notes: list


def neutralise(value):
    """``value`` made safe for a spreadsheet cell: text a spreadsheet would run
    as a formula gets a leading apostrophe; anything else is returned as is.

    >>> neutralise("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> neutralise("-5% budget"), neutralise("Budget"), neutralise(-5)
    ("'-5% budget", 'Budget', -5)
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def export_programme(programme, fmt: str, path=None, *, public: bool = False) -> Exported:
    """Export ``programme`` in format ``fmt`` (see :data:`FORMATS`) to ``path``.

    The default path is the package's name with the format's suffix (and
    ``-public`` for a public table export) in the current folder. Files are
    written atomically.
    """
    if fmt not in FORMATS:
        raise LabkitError(f"unknown export format '{fmt}'; use one of: " + ", ".join(FORMATS))
    tabular = fmt in ("xlsx", "datapackage")
    if path is None:
        path = f"{programme.meta.get('name', 'labkit')}{'-public' if public and tabular else ''}{FORMATS[fmt]}"
    path = Path(path)
    notes = []
    if fmt in ("gexf", "graphml"):
        (write_gexf if fmt == "gexf" else write_graphml)(programme.graph, path)
    elif fmt == "kumu":
        notes += _cells_note(write_kumu(programme.graph, path))
    elif fmt == "xlsx":
        notes += _cells_note(write_workbook(programme, path, public=public))
    else:
        notes += _cells_note(write_datapackage(programme, path, public=public))
    hidden = private_names(programme)
    if tabular and not public and hidden:
        notes.append(f"it holds the names of {hidden} participant{'s' if hidden != 1 else ''} who did "
                     "not consent to be named: share it only inside the lab, or export with --public")
    return Exported(path, notes)


def _cells_note(n: int) -> list[str]:
    return [f"{n} text cell{'s' if n != 1 else ''} starting with = + - @ got a leading apostrophe "
            "so spreadsheets do not run them as formulas"] if n else []


# --------------------------------------------------------------------------- personal data

def private_names(programme) -> int:
    """How many participants have a name but did not consent to be named."""
    p = programme.tables["participants"]
    return int((p["name"].notna() & ~p["consent_named"].astype(bool)).sum())


def public_tables(programme) -> tuple[dict, dict[str, pd.DataFrame]]:
    """Package metadata and tables for an open-data release: names of
    participants who did not consent are blanked, and ``meta["privacy"]`` says
    what was removed."""
    tables = dict(programme.tables)
    p = tables["participants"].copy()
    hidden = p["name"].notna() & ~p["consent_named"].astype(bool)
    p.loc[hidden, "name"] = None
    if "position_nl" in p.columns:  # a position can name a person as surely as a name
        p.loc[~p["consent_named"].astype(bool), "position_nl"] = None
    tables["participants"] = p
    meta = dict(programme.meta)
    meta["privacy"] = {
        "public": True,
        "description": (
            f"Personal data removed for this public release: the names of {int(hidden.sum())} "
            "participants who did not consent to be named were blanked in participants.csv; "
            "they appear only under an opaque id. Names are kept only for participants with "
            "consent_named = true. The package holds no other personal data (no e-mail "
            "addresses or contact details)."),
    }
    return meta, tables


# --------------------------------------------------------------------------- GEXF and GraphML

def _edge_id(u, v, kind) -> str:
    return f"{kind}--{u}--{v}"


def _flatten(G) -> tuple[nx.MultiDiGraph, dict]:
    """A copy of ``G`` that GEXF and GraphML can hold, and the rule to undo it."""
    codecs = {"node": {}, "edge": {}}

    def encode(cls, d):
        out = {}
        for k, v in d.items():
            if v is None:
                continue
            if isinstance(v, (list, dict)):
                codec, v = "json", json.dumps(v, ensure_ascii=False)
            elif isinstance(v, dt.date) and not isinstance(v, dt.datetime):
                codec, v = "date", v.isoformat()
            elif isinstance(v, (str, bool, int, float)):
                codec = "int" if isinstance(v, int) and not isinstance(v, bool) else None
            else:
                raise LabkitError(f"{cls} attribute '{k}' holds a {type(v).__name__}, which "
                                  "GEXF and GraphML cannot store")
            if k in codecs[cls] and codecs[cls][k] != codec:
                raise LabkitError(f"{cls} attribute '{k}' mixes kinds of value; give it one type")
            codecs[cls][k] = codec
            out[k] = v
        return out

    H = nx.MultiDiGraph()
    for n, d in G.nodes(data=True):
        d = dict(d)
        if d.get("kind") == "participant" and not d.get("named"):
            d.pop("name", None)  # the graph has none; never let one out
        H.add_node(n, **encode("node", d))
    for u, v, k, d in G.edges(keys=True, data=True):
        H.add_edge(u, v, key=k, id=_edge_id(u, v, k), **encode("edge", d))
    blob = {"graph": dict(G.graph),
            "codecs": {cls: {k: c for k, c in m.items() if c} for cls, m in codecs.items()}}
    return H, blob


def write_gexf(G, path) -> None:
    """Write the typed graph ``G`` as GEXF 1.2 (see the module docstring for the rule)."""
    H, blob = _flatten(G)
    text = "\n".join(nx.generate_gexf(H))
    # networkx writes no description: add one to <meta> holding the graph attributes and codecs
    marker = "</creator>"
    assert text.count(marker) == 1
    text = text.replace(marker, marker + "\n    <description>"
                        + escape(json.dumps(blob, ensure_ascii=False)) + "</description>")
    io.write_text_atomic(path, text + "\n")


def write_graphml(G, path) -> None:
    """Write the typed graph ``G`` as GraphML (see the module docstring for the rule)."""
    H, blob = _flatten(G)
    H.graph["labkit"] = json.dumps(blob, ensure_ascii=False)
    with io.atomic_path(path, suffix=".graphml") as tmp:
        nx.write_graphml(H, tmp, edge_id_from_attribute="id")


def read_graph(path) -> nx.MultiDiGraph:
    """Read a GEXF or GraphML file written by labkit back into the typed graph.

    Undoes the conversion rule of the module docstring: JSON strings become
    lists again, ISO strings dates, float weights ints, and edges are keyed by
    their kind.
    """
    path = Path(path)
    if path.suffix == ".gexf":
        R = nx.read_gexf(path)
        desc = ET.parse(path).getroot().find("{*}meta/{*}description")
        blob = json.loads(desc.text) if desc is not None and desc.text else {}
    else:
        R = nx.read_graphml(path, force_multigraph=True)
        blob = json.loads(R.graph.get("labkit", "{}"))
    codecs = blob.get("codecs", {"node": {}, "edge": {}})

    def decode(cls, d):
        out = {}
        for k, v in d.items():
            codec = codecs[cls].get(k)
            out[k] = (json.loads(v) if codec == "json" else dt.date.fromisoformat(v)
                      if codec == "date" else int(v) if codec == "int" else v)
        return out

    G = nx.MultiDiGraph()
    G.graph.update(blob.get("graph", {}))
    for n, d in R.nodes(data=True):
        G.add_node(n, **decode("node", d))
    edges = R.edges(keys=True, data=True) if R.is_multigraph() else (
        (u, v, None, d) for u, v, d in R.edges(data=True))
    for u, v, _, d in edges:
        d = {k: x for k, x in d.items() if k != "id"}
        G.add_edge(u, v, key=d["kind"], **decode("edge", d))
    return G


# --------------------------------------------------------------------------- Kumu

_DESCRIBE = {
    "organisation": lambda d: f"Sector: {d['sector']}",
    "participant": lambda d: ("Named (a public source names them, or they consented)" if d.get("named")
                              else "Pseudonymous participant"),
    "session": lambda d: f"{d['table']}, {d['month']}",
    "theme": lambda d: d.get("name_en", ""),
    "commitment": lambda d: (f"Status: {d['status']}, progress {d['progress']}%"
                             if d.get("status") else "No status yet"),
}


def _kumu_value(v):
    if v is None:
        return None
    if isinstance(v, list):
        return "|".join(str(x) for x in v)  # Kumu's separator for several values in one cell
    if isinstance(v, dt.date):
        return v.isoformat()
    return v


def kumu_tables(G) -> tuple[list[list], list[list]]:
    """Kumu's *Elements* and *Connections* sheets as rows, header first.

    Elements: ID, Label, Type (the node kind), Description, Tags (the kind of
    source: report, classification, illustrative, import...), then one column
    per other attribute. Connections: ID, From, To (element IDs), Type (the
    edge kind), then one column per other attribute. Lists are joined with
    ``|``, dates are ISO strings; values are not yet neutralised.
    """
    H, _ = _flatten(G)  # drops None and any non-consented participant name
    nattrs = sorted({k for _, d in G.nodes(data=True) for k in d} - {"kind", "label"})
    eattrs = sorted({k for _, _, d in G.edges(data=True) for k in d} - {"kind"})
    elements = [["ID", "Label", "Type", "Description", "Tags", *nattrs]]
    for n, d in G.nodes(data=True):
        keep = H.nodes[n]
        elements.append([n, d.get("label"), d.get("kind"), _DESCRIBE.get(d.get("kind"), lambda _: "")(d),
                         str(d.get("source", "")).split(":")[0],
                         *(_kumu_value(d.get(a)) if a in keep else None for a in nattrs)])
    connections = [["ID", "From", "To", "Type", *eattrs]]
    for u, v, k, d in G.edges(keys=True, data=True):
        connections.append([_edge_id(u, v, k), u, v, d.get("kind"),
                            *(_kumu_value(d.get(a)) for a in eattrs)])
    return elements, connections


def write_kumu(G, path) -> int:
    """Write Kumu's spreadsheet import (see :func:`kumu_tables`); returns how
    many cells were neutralised."""
    elements, connections = kumu_tables(G)
    return _write_xlsx(path, {"Elements": elements, "Connections": connections})


# --------------------------------------------------------------------------- tables

def _cell(type_: str, v):
    if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v):
        return None
    if type_ == "date":
        return v.date() if isinstance(v, pd.Timestamp) else v
    if type_ in ("integer", "year"):
        return int(v)
    if type_ == "boolean":
        return bool(v)
    if type_ == "number":
        return float(v)
    return str(v)


def _table_rows(name: str, df: pd.DataFrame) -> list[list]:
    fields = schema.fields(name)
    rows = [[f["name"] for f in fields]]
    columns = [[_cell(f["type"], v) for v in df[f["name"]].tolist()] for f in fields]
    rows += [list(r) for r in zip(*columns)]
    return rows


def write_workbook(programme, path, *, public: bool = False) -> int:
    """Write every table to one Excel workbook: a sheet ``about`` first, then
    one sheet per table with the schema's columns. Returns how many cells were
    neutralised."""
    meta, tables = public_tables(programme) if public else (programme.meta, programme.tables)
    about = [["table", "rows", "title", "description"]]
    about += [[n, len(tables[n]), schema.BY_NAME[n]["title"], schema.BY_NAME[n]["description"]]
              for n in schema.RESOURCE_NAMES]
    about += [[], ["package", meta.get("title", meta.get("name", ""))],
              ["about", meta.get("description", "")]]
    if public:
        about.append(["privacy", meta["privacy"]["description"]])
    about.append(["spreadsheet safety", "Text that begins with =, +, -, @, a tab or a carriage "
                  "return starts with an apostrophe, so that it is not run as a formula."])
    sheets = {"about": about}
    sheets.update({n: _table_rows(n, tables[n]) for n in schema.RESOURCE_NAMES})
    return _write_xlsx(path, sheets)


def column_width(header, values, cap: int = 40) -> int:
    """A column's width in characters: its longest value (of the first 200) or its
    header with room for a filter button, at least 8 and at most ``cap``."""
    sample = [len(str(v)) for v in values[:200] if v is not None]
    return min(cap, max([len(str(header or "")) + 3, *sample, 8]) + 2)


def _write_xlsx(path, sheets: dict[str, list[list]]) -> int:
    import openpyxl
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    from .sheets import letter
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    changed = 0
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for i, row in enumerate(rows, start=1):
            out = []
            for j, v in enumerate(row, start=1):
                safe = neutralise(v)
                if safe is not v and i > 1:  # headers are ours; count only data cells
                    changed += 1
                if isinstance(safe, str) and ILLEGAL_CHARACTERS_RE.search(safe):
                    raise LabkitError(f"sheet {title}, row {i}, column {j}: a control character "
                                      "Excel cannot store; remove it from the data")
                out.append(safe)
            ws.append(out)
        ws.freeze_panes = "A2"
        # below the table (after its first empty row), the last cell of a row runs on into
        # the empty cells beside it: a long note there does not widen the table's column
        end = next((i for i, row in enumerate(rows) if not row), len(rows))
        below = [row[:-1] for row in rows[end:]]
        for j, cells in enumerate(ws.iter_cols(max_row=max(end, 1), values_only=True)):
            more = [row[j] for row in below if j < len(row)]
            ws.column_dimensions[letter(j)].width = column_width(cells[0], [*cells[1:], *more])
    with io.atomic_path(path, suffix=".xlsx") as tmp:
        wb.save(tmp)
    return changed


def write_datapackage(programme, path, *, public: bool = False) -> int:
    """Write the Frictionless data package (datapackage.json and one CSV per
    table) as a zip. The package is validated as ``save`` validates it; text
    cells are neutralised (see the module docstring). Returns how many."""
    meta, tables = public_tables(programme) if public else (dict(programme.meta), programme.tables)
    meta = dict(meta)
    safe, changed = {}, 0
    for name, df in tables.items():
        df = df.copy()
        for f in schema.fields(name):
            if f["type"] == "string":
                before = df[f["name"]]
                changed += int(before.dropna().str.startswith(_FORMULA_START).sum())
                df[f["name"]] = before.map(neutralise, na_action="ignore").astype(before.dtype)
        safe[name] = df
    if changed:
        meta["spreadsheet_safety"] = (
            f"{changed} text values that began with =, +, -, @, a tab or a carriage return start "
            "with an apostrophe, so that spreadsheets do not run them as formulas.")
    with tempfile.TemporaryDirectory() as tmpdir:
        io.write_package(tmpdir, meta, safe)  # validates everything before writing
        names = [io.DESCRIPTOR] + [f"{n}.csv" for n in schema.RESOURCE_NAMES]
        with io.atomic_path(path, suffix=".zip") as tmp:
            with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
                for name in names:
                    info = zipfile.ZipInfo(name, _ZIP_TIME)
                    info.compress_type = zipfile.ZIP_DEFLATED
                    z.writestr(info, (Path(tmpdir) / name).read_bytes())
    return changed
