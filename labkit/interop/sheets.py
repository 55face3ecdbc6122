"""Reading the spreadsheets people keep: Excel workbooks and CSV files.

Used by :mod:`labkit.interop.importing`; this module knows about files, encodings and
the pitfalls of Excel, and nothing about the data package.

* ``.xlsx`` via openpyxl (the first visible sheet unless ``sheet`` is given),
  or ``.csv`` in UTF-8 (a byte-order mark is fine). Any other encoding is
  refused, naming the line and byte, unless ``encoding`` is given (``cp1252``
  is what Excel's plain "CSV" writes on Windows). The CSV delimiter is
  whichever of ``;``, ``,`` and tab the first line holds most of (Dutch Excel
  writes ``;``).
* Problems name the place as ``file.xlsx[Sheet]:<row>`` (``file.csv:<line>``)
  and the column as ``header (letter)``.
* The header row is the row among the first 20 that names the most known
  columns, so title rows above it are skipped. Headers match case-insensitively
  after trimming, making non-breaking spaces plain and dropping a trailing
  ``:``, ``*`` or ``?``.
* Merged cells: a header merged over several columns names its first column (a
  covered column that holds values is a problem); a cell merged down over
  several rows, such as an organisation written once for its people, counts
  for each of them.
* Empty rows are skipped (Excel keeps formatted empty rows at the end).
* A formula cell without a saved result (files written by scripts, not by
  Excel) is reported: open the file in Excel and save it, or type the value.
* Dates: date cells, Excel date serials (numbers, or digits as text),
  ``YYYY-MM-DD``, the Dutch ``D-M-YYYY`` or ``12 maart 2026``; months as
  ``2026-03``, ``3-2026`` or ``maart 2026``. Whole numbers typed as text.
  Percentages: a whole number from 0 to 100, ``45%``, or a cell formatted as
  a percentage (0.45 shows as 45 %).
* :func:`read_sheets` reads many sheets of one workbook at once, fast
  (:mod:`labkit.interop.xlsx`), for the workbook import.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import difflib
import io
import math
import re
import unicodedata
import warnings
from pathlib import Path

from ..errors import ParameterError, Problem
from .xlsx import FORMULA  # the value of a formula cell Excel never calculated

HEADER_SCAN = 20
FORMULA_HINT = "open the file in Excel and save it, or type the value"
_YES = {"ja", "j", "yes", "y", "true", "waar", "1", "x", "v", "✓", "akkoord"}
_NO = {"nee", "n", "no", "false", "onwaar", "0", "geen"}


# --------------------------------------------------------------------------- text

def clean(text: str) -> str:
    """Trim, make non-breaking spaces plain and collapse runs of whitespace.

    >>> clean("  Gemeente\\u00a0 Assen ")
    'Gemeente Assen'
    """
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text  # nothing to clean (non-breaking and zero-width spaces are not printable)
    text = text.replace("\u200b", "").replace("\ufeff", "")
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def normal_form(text: str) -> str:
    """The form in which names are compared: no accents, casefolded, only
    letters and digits.

    >>> normal_form("Ministerie van Onderwijs, Cultuur\\u00a0en Wetenschap (OCW)")
    'ministerievanonderwijscultuurenwetenschapocw'
    >>> normal_form("ABN-AMRO") == normal_form("abn  amro") == normal_form("ABN\\u00a0Amro.")
    True
    """
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text.casefold() if ch.isalnum() and not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """The words of ``text`` as names are compared: no accents, casefolded, letters and digits.

    >>> words("Ministerie van Onderwijs, Cultuur\u00a0en Wetenschap (OCW)")
    ['ministerie', 'van', 'onderwijs', 'cultuur', 'en', 'wetenschap', 'ocw']
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text.casefold() if not unicodedata.combining(ch))
    return re.findall(r"[^\W_]+", text)


def suggest(name: str, candidates: dict[str, list[str]], n: int = 3, cutoff: float = 0.6,
            spelled_cutoff: float = 0.8) -> list[str]:
    """The keys of ``candidates`` whose names are closest to ``name``, best first.

    ``candidates`` maps an id to the names it is known by (its name, its aliases, the id
    itself). A candidate is close when ``name`` as a whole is spelled alike (difflib's ratio of
    the :func:`normal_form` s at least ``spelled_cutoff``: typos) or word for word (the
    share of ``name``'s words found among the candidate's, each weighted by how rare it is
    among all candidates, so that "OCW" in "Ministerie van OCW" counts and "ministerie" barely
    does; at least ``cutoff``). One letter off in a word of five or more still counts as found.
    The better of the two ranks the candidates.

    >>> orgs = {"ocw": ["Ministerie van Onderwijs, Cultuur en Wetenschap", "OCW", "ocw"],
    ...         "ezk": ["Ministerie van Economische Zaken en Klimaat", "EZK", "ezk"],
    ...         "fnv": ["FNV", "fnv"]}
    >>> suggest("Ministerie van OCW", orgs)
    ['ocw']
    >>> suggest("Ministerie van Economische Zaken", orgs)
    ['ezk']
    >>> suggest("Gemeente Assen", orgs)
    []
    """
    vocab = {cid: {w for nm in names for w in words(nm)} for cid, names in candidates.items()}
    df: dict[str, int] = {}
    for ws in vocab.values():
        for w in ws:
            df[w] = df.get(w, 0) + 1
    total = len(candidates) or 1
    asked = list(dict.fromkeys(words(name)))
    weight = {w: math.log(1 + total / df.get(w, 1)) for w in asked}
    key = normal_form(name)
    scored = []
    for cid, names in candidates.items():
        spelled = max((difflib.SequenceMatcher(None, key, normal_form(nm)).ratio() for nm in names),
                      default=0.0)
        have = vocab[cid]
        found = sum(weight[w] for w in asked if w in have or (len(w) >= 5 and any(
            len(h) >= 5 and difflib.SequenceMatcher(None, w, h).ratio() >= 0.8 for h in have)))
        by_word = found / sum(weight.values()) if asked else 0.0
        if spelled >= spelled_cutoff or by_word >= cutoff:
            scored.append((-max(spelled, by_word), cid))
    return [cid for _, cid in sorted(scored)[:n]]


def header_form(text: str) -> str:
    """A header as it is compared with the accepted names.

    >>> header_form(" Uitgenodigd\\u00a0door: ")
    'uitgenodigd door'
    """
    return clean(text).casefold().rstrip(":*?").strip()


def letter(index: int) -> str:
    """The spreadsheet letter of 0-based column ``index`` (0 -> A, 27 -> AB)."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out


# --------------------------------------------------------------------------- reading

@dataclasses.dataclass(frozen=True)
class Cell:
    value: object = None   # str, int, float, bool, datetime, None or FORMULA
    percent: bool = False  # Excel shows the number as a percentage


_EMPTY = Cell()


def blank(cell: Cell) -> bool:
    return cell.value is None or (isinstance(cell.value, str) and not clean(cell.value))


@dataclasses.dataclass
class Sheet:
    """A list read from a file: its data rows and the columns that were recognised."""

    where: str                                          # file name, with [sheet] for workbooks
    columns: dict = dataclasses.field(default_factory=dict)  # field -> (index, label)
    rows: list = dataclasses.field(default_factory=list)     # (row number, [Cell])
    notes: list = dataclasses.field(default_factory=list)
    epoch: dt.datetime | None = None                    # the workbook's date system

    def cells(self, row: list, problems: list[Problem], number: int) -> tuple[dict, set]:
        """``{field: (Cell, column label)}`` for one row, and the fields whose
        cell is a formula without a value (reported once to ``problems``)."""
        out, bad = {}, set()
        for field, (c, label) in self.columns.items():
            cell = row[c] if c < len(row) else Cell()
            if cell.value is FORMULA:
                problems.append(Problem(self.where, number, label, "",
                                        "a formula without a saved result", FORMULA_HINT))
                bad.add(field)
                cell = Cell()
            out[field] = (cell, label)
        return out, bad


def read_sheet(path, spec: dict[str, set[str]], *, encoding: str | None = None,
               sheet: str | None = None, ignore: dict[str, str] | None = None
               ) -> tuple[Sheet, list[Problem]]:
    """Read the list at ``path``; ``spec`` maps each field to the headers it
    accepts (in :func:`header_form`). Columns whose header is a key of
    ``ignore`` are skipped with that reason as a note; other unknown columns
    are skipped with a note too. Raises :class:`ParameterError` when the file
    cannot be opened at all; every other problem is returned."""
    path = Path(path)
    problems: list[Problem] = []
    where, rows, merged, epoch, workbook = _read_grid(path, encoding, sheet, problems)
    return _from_grid(where, rows, merged, epoch, workbook, spec, ignore, problems)


def read_sheets(path, specs: dict[str, dict[str, set[str]]]
                ) -> tuple[dict[str, Sheet], list[Problem], list[str]]:
    """Read every sheet of the workbook at ``path`` whose title is a key of
    ``specs`` (each sheet read as :func:`read_sheet` reads one).

    Made for large workbooks: one pass over each sheet with
    :class:`labkit.interop.xlsx.Workbook`, which sees saved values, formulas
    without a result and merged ranges at once. Returns the sheets found,
    every problem, and the titles of the other sheets. Raises
    :class:`ParameterError` when the file is not a workbook.
    """
    import xml.parsers.expat
    import zipfile

    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

    from .xlsx import Workbook
    path = Path(path)
    if not path.is_file():
        raise ParameterError(f"{path}: no such file")
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise ParameterError(f"{path}: not an Excel workbook; save it as 'Excel Workbook (.xlsx)'")
    unreadable = (zipfile.BadZipFile, KeyError, ValueError, xml.parsers.expat.ExpatError)
    try:
        wb = Workbook(path)
    except unreadable as e:
        raise ParameterError(f"{path}: cannot be read as an Excel workbook ({type(e).__name__}); "
                             "open it in Excel and save it as .xlsx") from e
    epoch = CALENDAR_MAC_1904 if wb.epoch_1904 else CALENDAR_WINDOWS_1900
    sheets, problems, others = {}, [], []
    try:
        for title in wb.titles:
            if title not in specs:
                others.append(title)
                continue
            try:
                grid, merged = wb.rows(title)
            except unreadable as e:
                raise ParameterError(f"{path}: sheet '{title}' cannot be read ({type(e).__name__}); "
                                     "open the file in Excel and save it as .xlsx") from e
            sheets[title], found = _from_grid(f"{path.name}[{title}]", _cells(grid), merged, epoch,
                                              True, specs[title], None, [])
            problems += found
    finally:
        wb.close()
    return sheets, problems, others


def _cells(grid) -> list:
    """The reader's ``(value, percent)`` pairs as :class:`Cell`; one Cell per repeated text."""
    known: dict = {}
    rows = []
    for r, pairs in grid:
        cells = []
        for pair in pairs:
            if pair is None:
                cells.append(_EMPTY)
            elif isinstance(pair[0], str):
                cell = known.get(pair[0])
                if cell is None:
                    cell = known[pair[0]] = Cell(pair[0])
                cells.append(cell)
            else:
                cells.append(Cell(pair[0], pair[1]))
        rows.append((r, cells))
    return rows


def _from_grid(where, rows, merged, epoch, workbook, spec, ignore, problems
               ) -> tuple[Sheet, list[Problem]]:
    out = Sheet(where, epoch=epoch)
    known = {h: field for field, heads in spec.items() for h in heads}
    origin = {}  # (row, col) inside a merged range -> the range's top-left (row, col)
    for r0, r1, c0, c1 in merged:
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0):
                    origin[(r, c)] = (r0, c0)
    grid = dict(rows)
    spanned = {r for r, _ in origin}

    def raw(r, c) -> Cell:
        cells = grid.get(r, [])
        return cells[c] if c < len(cells) else Cell()

    def head(r, c) -> str:
        v = raw(*origin.get((r, c), (r, c))).value
        return "" if v is None or v is FORMULA else str(v)

    best, h = 0, None
    for r, cells in rows[:HEADER_SCAN]:
        found = {known[x] for c in range(len(cells)) if (x := header_form(head(r, c))) in known}
        if len(found) > best:
            best, h = len(found), r
    if h is None:
        if not problems:
            problems.append(Problem(where, 0, "", "",
                                    "the list is empty" if not rows else
                                    f"no known column names in the first {HEADER_SCAN} rows",
                                    "name the columns, e.g. " + ", ".join(
                                        sorted(min(v) for v in spec.values()))))
        return out, problems
    width = max(len(cells) for _, cells in rows)
    covered = {}
    for c in range(width):
        o = origin.get((h, c))
        if o is not None and o[1] < c:
            covered[c] = f"{letter(c)}, under the merged header '{clean(head(h, c))}'"
            continue
        text = header_form(head(h, c))
        label = f"{clean(head(h, c))} ({letter(c)})" if workbook else clean(head(h, c))
        if not text:
            continue
        if ignore and text in ignore:
            out.notes.append(f"column '{label}' ignored: {ignore[text]}")
        elif text not in known:
            out.notes.append(f"column '{label}' ignored: not a column labkit reads")
        elif known[text] in out.columns:
            problems.append(Problem(where, h, label, "",
                                    f"a second column for '{known[text]}' "
                                    f"(the first is '{out.columns[known[text]][1]}')",
                                    "remove or rename one of them"))
        else:
            out.columns[known[text]] = (c, label)
    start = max([h] + [r1 for r0, r1, _, _ in merged if r0 <= h <= r1]) + 1
    for r, _ in rows:
        if r < start:
            continue
        if r in spanned:
            filled = []
            for c in range(width):
                o = origin.get((r, c))
                # merged down: the value counts for every row; merged sideways: its first column only
                filled.append(raw(r, c) if o is None else raw(*o) if o[1] == c else Cell())
        else:  # most rows: no merged cell, the cells as they are
            filled = grid[r] + [_EMPTY] * (width - len(grid[r]))
        if all(cell is _EMPTY or blank(cell) for cell in filled):
            continue
        for c, what in covered.items():
            if not blank(filled[c]):
                problems.append(Problem(where, r, what, str(filled[c].value),
                                        "a column under a merged header holds values",
                                        "unmerge the header and give this column its own name"))
        out.rows.append((r, filled))
    return out, problems


def _read_grid(path: Path, encoding, sheet, problems):
    """(where, [(row number, [Cell])], merged ranges, date epoch, is a workbook)."""
    if not path.is_file():
        raise ParameterError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, sheet)
    if suffix in (".csv", ".txt"):
        return _read_csv(path, encoding, problems)
    raise ParameterError(f"{path}: labkit reads .xlsx and .csv lists; save it as "
                         "'Excel Workbook (.xlsx)' or 'CSV UTF-8'")


def _read_xlsx(path: Path, sheet):
    import openpyxl
    try:
        with warnings.catch_warnings():
            # openpyxl warns about Excel features it does not keep (data validation...): harmless here
            warnings.simplefilter("ignore", UserWarning)
            values = openpyxl.load_workbook(path, data_only=True)
            formulas = openpyxl.load_workbook(path, data_only=False)
    except Exception as e:  # zip, XML and key errors all mean: not a workbook openpyxl can read
        raise ParameterError(f"{path}: cannot be read as an Excel workbook ({type(e).__name__}); "
                             "open it in Excel and save it as .xlsx") from e
    if sheet is None:
        visible = [ws for ws in values.worksheets if ws.sheet_state == "visible"]
        ws = (visible or values.worksheets)[0]
    elif sheet in values.sheetnames:
        ws = values[sheet]
    else:
        raise ParameterError(f"{path}: no sheet '{sheet}'; its sheets are: "
                             + ", ".join(values.sheetnames))
    rows = []
    for r, (vrow, frow) in enumerate(zip(ws.iter_rows(), formulas[ws.title].iter_rows()), start=1):
        cells = []
        for vc, fc in zip(vrow, frow):
            value = vc.value
            if value is None and fc.data_type == "f":
                value = FORMULA  # data_only gives None both for empty cells and uncalculated formulas
            cells.append(Cell(value, "%" in str(vc.number_format or "")))
        rows.append((r, cells))
    merged = [(m.min_row, m.max_row, m.min_col - 1, m.max_col - 1) for m in ws.merged_cells.ranges]
    return f"{path.name}[{ws.title}]", rows, merged, values.epoch, True


def _read_csv(path: Path, encoding, problems):
    data = path.read_bytes()
    if encoding is None:
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            for lineno, raw in enumerate(data.split(b"\n"), start=1):
                try:
                    raw.decode("utf-8")
                except UnicodeDecodeError as e:
                    problems.append(Problem(path.name, lineno, "", f"0x{raw[e.start]:02x}",
                                            "the file is not UTF-8; labkit never guesses an encoding",
                                            "save it as 'CSV UTF-8' in Excel, or give its encoding "
                                            "(--encoding cp1252 for Excel's plain CSV on Windows)"))
                    break
            return path.name, [], [], None, False
    else:
        try:
            text = data.decode(encoding).lstrip("\ufeff")
        except (LookupError, UnicodeDecodeError) as e:
            raise ParameterError(f"{path}: cannot be read as {encoding} ({e})") from e
    first = next((line for line in text.splitlines() if line.strip()), "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=max(";,\t", key=first.count))
    rows, last = [], 0
    try:
        for cells in reader:
            rows.append((last + 1, [Cell(c) for c in cells]))
            last = reader.line_num
    except csv.Error as e:
        problems.append(Problem(path.name, last + 1, "", "", f"unreadable CSV ({e})",
                                "check the quotes on this line"))
    return path.name, rows, [], None, False


# --------------------------------------------------------------------------- values
# Each parser returns (value, None) or (None, (message, hint)); an empty cell is (None, None).

def text(cell: Cell) -> str | None:
    """The cell as cleaned text (whole floats without '.0', dates as ISO)."""
    v = cell.value
    if v is None:
        return None
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if isinstance(v, dt.datetime):
        v = v.date()
    return clean(v.isoformat() if isinstance(v, dt.date) else str(v)) or None


_MONTHS = {
    **dict.fromkeys(("januari", "jan", "january"), 1), **dict.fromkeys(("februari", "feb", "february"), 2),
    **dict.fromkeys(("maart", "mrt", "mar", "march"), 3), **dict.fromkeys(("april", "apr"), 4),
    **dict.fromkeys(("mei", "may"), 5), **dict.fromkeys(("juni", "jun", "june"), 6),
    **dict.fromkeys(("juli", "jul", "july"), 7), **dict.fromkeys(("augustus", "aug", "august"), 8),
    **dict.fromkeys(("september", "sep", "sept"), 9), **dict.fromkeys(("oktober", "okt", "oct", "october"), 10),
    **dict.fromkeys(("november", "nov"), 11), **dict.fromkeys(("december", "dec"), 12),
}
_WORDS_DATE = re.compile(r"([0-9]{1,2})\.? ([a-z]+)\.? ([0-9]{4})")
_WORDS_MONTH = re.compile(r"([a-z]+)\.? ([0-9]{4})")


def date(cell: Cell, epoch=None):
    """A date from a date cell, an Excel serial, ``YYYY-MM-DD``, the Dutch
    ``D-M-YYYY`` or ``12 maart 2026`` (Dutch or English month names, in full or short)."""
    from openpyxl.utils.datetime import CALENDAR_WINDOWS_1900, from_excel
    v = cell.value
    if blank(cell):
        return None, None
    if isinstance(v, dt.datetime):
        return v.date(), None
    if isinstance(v, dt.date):
        return v, None
    if isinstance(v, str) and re.fullmatch(r"[0-9]{5}", v.strip()):
        v = int(v)  # a date serial that arrived as text
    hint = "write it as YYYY-MM-DD (e.g. 2024-03-15) or D-M-YYYY, or make it a date cell"
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        if 1 <= v < 2958466:  # Excel's serials run from 1900-01-01 to 9999-12-31
            return from_excel(v, epoch or CALENDAR_WINDOWS_1900).date(), None
        return None, ("not a date", hint)
    s = clean(str(v))
    iso = re.fullmatch(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[ T]00:00(?::00)?)?", s)
    dutch = re.fullmatch(r"([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})", s)
    words = _WORDS_DATE.fullmatch(s.casefold())
    try:
        if iso:
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3])), None
        if dutch:
            return dt.date(int(dutch[3]), int(dutch[2]), int(dutch[1])), None
        if words and words[2] in _MONTHS:
            return dt.date(int(words[3]), _MONTHS[words[2]], int(words[1])), None
    except ValueError:
        return None, ("not a real date", "check the day and the month")
    return None, ("not a date", hint)


def month(cell: Cell, epoch=None):
    """A month as ``YYYY-MM`` from ``2026-03``, ``3-2026``, ``maart 2026``, a date
    cell or any date :func:`date` reads (its day is dropped)."""
    if blank(cell):
        return None, None
    hint = "write it as YYYY-MM (e.g. 2026-03), as 3-2026 or as maart 2026"
    s = clean(str(cell.value)).casefold() if isinstance(cell.value, str) else ""
    iso = re.fullmatch(r"([0-9]{4})[-/.]([0-9]{1,2})", s)
    dutch = re.fullmatch(r"([0-9]{1,2})[-/.]([0-9]{4})", s)
    words = _WORDS_MONTH.fullmatch(s)
    if iso or dutch or words:
        year, number = ((int(iso[1]), int(iso[2])) if iso else (int(dutch[2]), int(dutch[1]))
                        if dutch else (int(words[2]), _MONTHS.get(words[1], 0)))
        if not 1 <= number <= 12:
            return None, ("not a month", hint)
        return f"{year:04d}-{number:02d}", None
    day, err = date(cell, epoch)
    if err:
        return None, ("not a month", hint)
    return f"{day.year:04d}-{day.month:02d}", None


def whole(cell: Cell):
    """A whole number from a number cell or digits typed as text (``' 12 '``, ``12.0``)."""
    v = cell.value
    if blank(cell):
        return None, None
    if isinstance(v, str):
        s = clean(v)
        if re.fullmatch(r"-?[0-9]+", s):
            return int(s), None
        try:
            v = float(s.replace(",", "."))
        except ValueError:
            return None, ("not a whole number", "write digits only, e.g. 3")
    if isinstance(v, bool) or not isinstance(v, (int, float)) or v != v or v != int(v):
        return None, ("not a whole number", "write digits only, e.g. 3")
    return int(v), None


def percentage(cell: Cell):
    """A whole percentage 0-100 from 40, '40', '40%' or a percent-formatted 0.4."""
    v, percent = cell.value, cell.percent
    hint = "write a whole number from 0 to 100, e.g. 40 or 40%"
    if blank(cell):
        return None, None
    if isinstance(v, str):
        percent = False
        try:
            v = float(clean(v).rstrip("%").strip().replace(",", "."))
        except ValueError:
            return None, ("not a percentage", hint)
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return None, ("not a percentage", hint)
    if percent:
        v = round(v * 100, 6)  # a percent-formatted cell holds 0.4 for 40 %
    if v != int(v):
        return None, ("not a whole percentage", "round it to a whole number from 0 to 100")
    if not 0 <= v <= 100:
        return None, ("outside 0-100", "progress is a percentage from 0 to 100")
    return int(v), None


def yes_no(cell: Cell):
    """True or False from ja/nee, yes/no, x, 1/0 or an Excel boolean."""
    if isinstance(cell.value, bool):
        return cell.value, None
    s = text(cell)
    if s is None:
        return None, None
    if s.casefold() in _YES:
        return True, None
    if s.casefold() in _NO:
        return False, None
    return None, ("not yes or no", "write ja or nee")


def choice(cell: Cell, table: dict[str, str], hint: str):
    """``table[normal_form(text)]``; unknown words are a problem with ``hint``."""
    s = text(cell)
    if s is None:
        return None, None
    value = table.get(normal_form(s))
    return (value, None) if value is not None else (None, ("not a value labkit knows", hint))
