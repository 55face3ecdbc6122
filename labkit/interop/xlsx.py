"""A fast reader of the cells of an ``.xlsx`` workbook, as it was saved.

:func:`labkit.interop.sheets.read_sheets` reads whole workbooks of 100,000s of
rows with it. openpyxl's read-only mode parses each sheet twice when the file
names no sheet size (files written in write-only mode name none), builds an
object per inline string, and needs a second pass to tell a formula without a
saved result from an empty cell; this reader makes one pass with expat over
each sheet the caller asks for and keeps only what an import needs:

* each cell's saved value: text (shared, inline or a formula's text result),
  a number (a :class:`datetime.datetime` where the cell's format is a date, by
  the workbook's 1900 or 1904 date system), a boolean, or an error such as
  ``#N/A`` as text;
* whether the number format is a percentage;
* :data:`FORMULA` for a formula cell without a saved result (a file written
  by a script and never opened in Excel or LibreOffice);
* the merged ranges.

Element names are compared without their prefix, so prefixed writers read
the same. Text keeps what Excel escapes as ``_xHHHH_``
as the character it stands for.
"""

from __future__ import annotations

import posixpath
import re
import xml.parsers.expat
import zipfile

#: The value of a formula cell that was never calculated.
FORMULA = object()

_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
_REF = re.compile(r"([A-Z]+)([0-9]+)")
_INT = re.compile(r"-?[0-9]+")


def _local(name: str) -> str:
    """``c`` for ``c`` and for a prefixed ``x:c``."""
    return name.rpartition(":")[2] if ":" in name else name


def _parse(data: bytes, start=None, end=None, text=None) -> None:
    p = xml.parsers.expat.ParserCreate()
    p.buffer_text = True
    if start:
        p.StartElementHandler = start
    if end:
        p.EndElementHandler = end
    if text:
        p.CharacterDataHandler = text
    p.Parse(data, True)


def _unescape(s: str) -> str:
    return _ESCAPED.sub(lambda m: chr(int(m[1], 16)), s) if "_x" in s else s


def column_index(letters: str) -> int:
    """0-based index of column ``letters`` (A -> 0, AB -> 27)."""
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


class Workbook:
    """The sheets of an ``.xlsx`` file: :attr:`titles` in order, :meth:`rows` of one.

    Raises ``zipfile.BadZipFile``, ``KeyError`` or ``xml.parsers.expat.ExpatError``
    for a file that is not a workbook.
    """

    def __init__(self, path):
        self.zip = zipfile.ZipFile(path)
        names = set(self.zip.namelist())
        root = self._target("", "_rels/.rels", "officeDocument") or "xl/workbook.xml"
        folder = posixpath.dirname(root)
        self.epoch_1904 = False
        sheets = []

        def start(name, attrs):
            name = _local(name)
            if name == "sheet":
                rid = next((v for k, v in attrs.items() if _local(k) == "id"), None)
                sheets.append((attrs.get("name", ""), rid))
            elif name == "workbookPr":
                self.epoch_1904 = attrs.get("date1904") in ("1", "true")

        _parse(self.zip.read(root), start)
        rels = self._rels(folder, posixpath.join(folder, "_rels", posixpath.basename(root) + ".rels"))
        self.paths = {title: rels.get(rid) for title, rid in sheets if rels.get(rid) in names}
        self.titles = [title for title, _ in sheets if title in self.paths]
        styles = posixpath.join(folder, "styles.xml")
        self.dates, self.percents = self._styles(styles) if styles in names else (set(), set())
        shared = self._target(folder, posixpath.join(folder, "_rels", posixpath.basename(root) + ".rels"),
                              "sharedStrings")
        self.strings = self._strings(shared) if shared in names else []

    def close(self) -> None:
        self.zip.close()

    # ----------------------------------------------------------------- parts

    def _rels(self, folder: str, path: str) -> dict:
        out = {}

        def start(name, attrs):
            if _local(name) == "Relationship":
                target = attrs.get("Target", "")
                out[attrs.get("Id")] = (target.lstrip("/") if target.startswith("/")
                                        else posixpath.normpath(posixpath.join(folder, target)))
        if path in self.zip.namelist():
            _parse(self.zip.read(path), start)
        return out

    def _target(self, folder: str, rels: str, kind: str) -> str | None:
        out = []

        def start(name, attrs):
            if _local(name) == "Relationship" and attrs.get("Type", "").endswith("/" + kind):
                target = attrs.get("Target", "")
                out.append(target.lstrip("/") if target.startswith("/")
                           else posixpath.normpath(posixpath.join(folder, target)))
        if rels in self.zip.namelist():
            _parse(self.zip.read(rels), start)
        return out[0] if out else None

    def _styles(self, path: str) -> tuple[set, set]:
        from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
        codes, xfs, where = dict(BUILTIN_FORMATS), [], []

        def start(name, attrs):
            name = _local(name)
            if name == "numFmt":
                codes[int(attrs.get("numFmtId", 0))] = attrs.get("formatCode", "")
            elif name in ("cellXfs", "cellStyleXfs"):
                where.append(name)
            elif name == "xf" and where and where[-1] == "cellXfs":
                xfs.append(int(attrs.get("numFmtId", 0)))

        def end(name):
            if _local(name) in ("cellXfs", "cellStyleXfs"):
                where.pop()

        _parse(self.zip.read(path), start, end)
        dates = {i for i, f in enumerate(xfs) if is_date_format(codes.get(f) or "")}
        percents = {i for i, f in enumerate(xfs) if "%" in (codes.get(f) or "")}
        return dates, percents

    def _strings(self, path: str) -> list[str]:
        out, buf, state = [], [], {"t": False, "skip": 0}

        def start(name, attrs):
            name = _local(name)
            if name == "si":
                buf.clear()
            elif name == "t" and not state["skip"]:
                state["t"] = True
            elif name == "rPh":  # phonetic guides are not the text
                state["skip"] += 1

        def end(name):
            name = _local(name)
            if name == "t":
                state["t"] = False
            elif name == "rPh":
                state["skip"] -= 1
            elif name == "si":
                out.append(_unescape("".join(buf)))

        def text(data):
            if state["t"]:
                buf.append(data)

        _parse(self.zip.read(path), start, end, text)
        return out

    # ----------------------------------------------------------------- cells

    def rows(self, title: str) -> tuple[list, list]:
        """``([(row number, [value, percent] per column...)], merged ranges)`` of sheet
        ``title``: each row a list of ``(value, percent)`` with None for empty cells;
        merged ranges as ``(first row, last row, first column, last column)``, columns 0-based."""
        from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel
        epoch = CALENDAR_MAC_1904 if self.epoch_1904 else CALENDAR_WINDOWS_1900
        strings, dates, percents = self.strings, self.dates, self.percents
        rows, merged, buf = [], [], []
        # the cell being read (handlers run once per element: locals, not a dict)
        row = 0
        cells: list = []
        col, kind, style, value, formula, inline, reading, skip = -1, None, 0, None, False, [], None, 0

        def start(name, attrs):
            nonlocal row, cells, col, kind, style, value, formula, inline, reading, skip
            if ":" in name:
                name = name.rpartition(":")[2]
            if name == "c":
                ref = attrs.get("r")
                m = _REF.match(ref) if ref else None
                col = column_index(m[1]) if m else col + 1
                kind, value, formula = attrs.get("t"), None, False
                style = int(attrs.get("s", 0))
                if inline:
                    inline = []
            elif name == "v" or (name == "t" and not skip):
                reading = name
                buf.clear()
            elif name == "row":
                r = attrs.get("r")
                row = int(r) if r else row + 1
                cells, col = [], -1
            elif name == "f":
                formula = True
            elif name == "rPh":
                skip += 1
            elif name == "mergeCell":
                a, _, b = attrs.get("ref", "").partition(":")
                ma, mb = _REF.fullmatch(a), _REF.fullmatch(b or a)
                if ma and mb:
                    merged.append((int(ma[2]), int(mb[2]), column_index(ma[1]), column_index(mb[1])))

        def end(name):
            nonlocal value, reading, skip
            if ":" in name:
                name = name.rpartition(":")[2]
            if name == "c":
                v = convert()
                if v is not None:
                    if col >= len(cells):
                        cells.extend([None] * (col - len(cells) + 1))
                    cells[col] = (v, style in percents and not isinstance(v, str))
            elif name == "v":
                value, reading = "".join(buf), None
            elif name == "t" and reading == "t":
                inline.append("".join(buf))
                reading = None
            elif name == "row":
                rows.append((row, cells))
            elif name == "rPh":
                skip -= 1

        def text(data):
            if reading:
                buf.append(data)

        def convert():
            t, v = kind, value
            if t == "inlineStr":
                return _unescape("".join(inline)) if inline else None
            if v is None or v == "":
                if formula and t != "str":
                    return FORMULA
                return None if t != "str" or v is None else ""
            if t == "s":
                return strings[int(v)]
            if t in ("str", "e"):
                return _unescape(v)
            if t == "b":
                return v.strip() in ("1", "true")
            if t == "d":
                import datetime as dt
                return dt.datetime.fromisoformat(v)
            number = int(v) if _INT.fullmatch(v) else float(v)
            if style in dates:
                try:
                    return from_excel(number, epoch)
                except (ValueError, OverflowError):
                    return number
            return number

        _parse(self.zip.read(self.paths[title]), start, end, text)
        return rows, merged
