"""Every read and write of a data package, and atomic writes for all outputs.

Reading validates everything before anything is built: a package with problems
raises one :class:`~labkit.errors.DataPackageError` listing all of them, each
with file, line, column, value and a way to mend it. Nothing here ever writes
into the folder it reads.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import glob
import io
import json
import os
import re
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from . import schema
from ..errors import DataPackageError, Problem

DESCRIPTOR = "datapackage.json"
MAX_PROBLEMS_PER_FILE = 50
_TRUE = {"true", "True", "TRUE", "1"}
_FALSE = {"false", "False", "FALSE", "0"}
_INT = re.compile(r"^-?[0-9]+$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_YEAR = re.compile(r"^[0-9]{4}$")
_YEARMONTH = re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])$")
_PANDAS_DTYPE = {"string": "str", "integer": "Int64", "year": "Int64", "number": "Float64",
                 "boolean": "boolean", "yearmonth": "str"}


# --------------------------------------------------------------------------- atomic writes

@contextlib.contextmanager
def atomic_path(target: str | os.PathLike, *, suffix: str = ""):
    """Yield a temporary path beside ``target``; move it into place on success.

    On any exception the temporary file is removed and ``target`` is untouched.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix + ".tmp",
                               dir=target.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_bytes_atomic(target: str | os.PathLike, data: bytes) -> None:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)


def write_text_atomic(target: str | os.PathLike, text: str) -> None:
    write_bytes_atomic(target, text.encode("utf-8"))


def remove_stale_temporaries(folder: str | os.PathLike) -> list[Path]:
    """Remove ``.name.*.tmp`` files an interrupted run left in ``folder``."""
    removed = []
    for p in Path(folder).glob(".*.tmp"):
        with contextlib.suppress(FileNotFoundError):
            p.unlink()
            removed.append(p)
    return removed


@contextlib.contextmanager
def atomic_dir(target: str | os.PathLike):
    """Yield an empty temporary folder beside ``target``; on success it replaces ``target`` whole.

    The new folder takes the old one's place in one step where the system can
    swap two names (Linux ``renameat2``), else in two renames a moment apart;
    then the old folder is removed. On any exception the temporary folder is
    removed and ``target`` is untouched. The caller decides whether ``target``
    may be replaced. Folders that an interrupted run left beside ``target``
    (named ``.<name>.<pid>.*.tmpdir`` after a process that is gone) are removed
    first.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_dirs(target)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmpdir",
                                dir=target.parent))
    try:
        yield tmp
        mode = 0o777 & ~_umask()  # a folder web servers can read, not mkdtemp's 0700
        os.chmod(tmp, mode)
        if target.exists() or target.is_symlink():
            if not _exchange(tmp, target):
                old = tmp.with_suffix(".old")
                os.rename(target, old)
                try:
                    os.rename(tmp, target)
                except BaseException:
                    os.rename(old, target)
                    raise
                tmp = old
        else:
            os.rename(tmp, target)
            return
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    shutil.rmtree(tmp, ignore_errors=True)  # the old folder, now under the temporary name


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux's renameat2 RENAME_EXCHANGE); False where impossible."""
    import ctypes
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def _remove_stale_dirs(target: Path) -> None:
    for p in target.parent.glob(f".{glob.escape(target.name)}.*.tmpdir"):
        pid = p.name[len(target.name) + 2:].split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(p, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


# --------------------------------------------------------------------------- reading

def read_package(path: str | os.PathLike = "data") -> tuple[dict, dict[str, pd.DataFrame]]:
    """Read and validate the package in ``path``.

    Returns the package metadata (the descriptor without its resources) and one
    DataFrame per resource, typed by its Table Schema. Raises
    :class:`DataPackageError` listing every problem found.
    """
    path = Path(path)
    problems: list[Problem] = []
    descriptor = _read_descriptor(path, problems)
    texts: dict[str, str] = {}
    if descriptor is not None:
        for name in schema.RESOURCE_NAMES:
            res = _descriptor_resource(descriptor, name)
            if res is None:
                if name in schema.ADDED_RESOURCES:  # from before the resource came: empty
                    texts[name] = ",".join(schema.field_names(name)) + "\n"
                continue
            file = path / res.get("path", f"{name}.csv")
            if not file.is_file():
                problems.append(Problem(DESCRIPTOR, 0, "", str(res.get("path")),
                                        f"resource '{name}' names a file that does not exist",
                                        f"create {file.name} (a header row at least) or fix its 'path'"))
                continue
            text = _decode(file.name, file.read_bytes(), problems)
            if text is not None:
                texts[name] = text
    # Parse what could be read even when something else failed: all problems at once.
    rows = _parse_all(texts, problems)
    if descriptor is None or problems:
        raise DataPackageError(problems, str(path))
    meta = {k: v for k, v in descriptor.items() if k != "resources"}
    return meta, {name: _frame(name, rows[name]) for name in schema.RESOURCE_NAMES}


def validate_package(path: str | os.PathLike = "data") -> list[Problem]:
    """Every problem in the package at ``path`` (empty when it is clean)."""
    try:
        read_package(path)
    except DataPackageError as e:
        return e.problems
    return []


def _read_descriptor(path: Path, problems: list[Problem]) -> dict | None:
    file = path / DESCRIPTOR
    if not path.is_dir():
        problems.append(Problem(str(path), 0, "", "", "is not a folder",
                                "give the folder that holds datapackage.json"))
        return None
    if not file.is_file():
        problems.append(Problem(DESCRIPTOR, 0, "", "", f"not found in {path}",
                                "a data package needs a datapackage.json descriptor"))
        return None
    text = _decode(DESCRIPTOR, file.read_bytes(), problems)
    if text is None:
        return None
    try:
        descriptor = json.loads(text)
    except json.JSONDecodeError as e:
        problems.append(Problem(DESCRIPTOR, e.lineno, "", "",
                                f"not valid JSON at column {e.colno}: {e.msg}",
                                "fix the JSON syntax (a missing comma or quote is usual)"))
        return None
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        problems.append(Problem(DESCRIPTOR, 0, "", "", "has no 'resources' list",
                                "a data package descriptor is an object with a 'resources' list"))
        return None
    _check_programme(descriptor, text, problems)
    known = set(schema.RESOURCE_NAMES)
    for res in descriptor["resources"]:
        name = res.get("name") if isinstance(res, dict) else None
        if name not in known:
            problems.append(Problem(DESCRIPTOR, 0, "name", str(name),
                                    "labkit does not know this resource",
                                    "remove it; labkit's resources are " + ", ".join(schema.RESOURCE_NAMES)))
    for name in schema.RESOURCE_NAMES:
        res = _descriptor_resource(descriptor, name)
        if res is None:
            if name in schema.ADDED_RESOURCES:
                continue  # a package from before the resource came: read as empty
            problems.append(Problem(DESCRIPTOR, 0, "", name, "resource missing",
                                    f"add the resource '{name}' (labkit.save writes a complete descriptor)"))
        elif res.get("schema") not in schema.accepted_schemas(name):
            problems.append(Problem(DESCRIPTOR, 0, "", name,
                                    "the resource's Table Schema differs from labkit's",
                                    "restore it from labkit/data/schema.py (labkit.save writes it)"))
    return descriptor


def _check_programme(descriptor: dict, text: str, problems: list[Problem]) -> None:
    """The programme's own words (``"programme"`` in the descriptor): see
    :data:`labkit.data.schema.PROGRAMME_KEYS`. A package without them is valid
    (outputs then use the package's ``title``)."""
    if "programme" not in descriptor:
        return
    words = descriptor["programme"]
    top = _line_of(text, "programme")
    if not isinstance(words, dict):
        problems.append(Problem(DESCRIPTOR, top, "programme", _short(words),
                                "'programme' is not an object",
                                'write it as {"title_nl": "...", ...} with the keys '
                                + ", ".join(schema.PROGRAMME_KEYS)))
        return

    def add(key, value, message, hint):
        problems.append(Problem(DESCRIPTOR, _line_of(text, key, after=top) or top,
                                f"programme.{key}", _short(value), message, hint))

    for key, value in words.items():
        if key not in schema.PROGRAMME_KEYS:
            add(key, value, "labkit does not know this key of 'programme'",
                "remove it or use one of: " + ", ".join(schema.PROGRAMME_KEYS))
        elif not isinstance(value, str):
            add(key, value, "not text", 'write the value in double quotes, e.g. "2026-03-01"'
                if key in schema.PROGRAMME_DATES else "write the value in double quotes")
        elif key in schema.PROGRAMME_DATES and value:
            if not _DATE.match(value):
                add(key, value, "not a date", "write it as YYYY-MM-DD, e.g. 2026-03-01")
            else:
                try:
                    dt.date.fromisoformat(value)
                except ValueError:
                    add(key, value, "not a real date", "check day and month (YYYY-MM-DD)")
    for key in schema.PROGRAMME_REQUIRED:
        value = words.get(key)
        if not isinstance(value, str) or not value.strip():
            if key in words and not isinstance(value, str):
                continue  # already named above
            add(key, value if value is not None else "", "the programme needs a Dutch title",
                f'add "{key}": "..." to the "programme" object (labkit new writes it)')
    start, end = (words.get(k) for k in schema.PROGRAMME_DATES)
    if all(isinstance(v, str) and _DATE.match(v) for v in (start, end)) and end < start:
        add("period_end", end, f"before period_start ({start})",
            "swap the two dates or correct one of them")


def _line_of(text: str, key: str, after: int = 0) -> int:
    """The first line (1-based, from line ``after`` on) where ``"key":`` stands; 0 if none."""
    needle = re.compile(r'"' + re.escape(key) + r'"\s*:')
    for lineno, line in enumerate(text.splitlines(), start=1):
        if lineno >= after and needle.search(line):
            return lineno
    return 0


def _short(value) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)[:60]


def _descriptor_resource(descriptor: dict, name: str) -> dict | None:
    for res in descriptor.get("resources", []):
        if isinstance(res, dict) and res.get("name") == name:
            return res
    return None


def _decode(file: str, data: bytes, problems: list[Problem]) -> str | None:
    if data.startswith(b"\xef\xbb\xbf"):  # a UTF-8 byte-order mark (Excel writes one): fine
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    found = 0
    for lineno, raw in enumerate(data.split(b"\n"), start=1):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as e:
            col = len(raw[: e.start].decode("utf-8", errors="replace")) + 1
            problems.append(Problem(file, lineno, "", f"0x{raw[e.start]:02x}",
                                    f"the file is not UTF-8 (byte at character {col})",
                                    "save it as UTF-8 (in Excel: 'CSV UTF-8'); labkit never guesses an encoding"))
            found += 1
            if found >= 10:
                break
    return None


# --------------------------------------------------------------------------- parsing

def _parse_all(texts: dict[str, str], problems: list[Problem]) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {}
    lines: dict[str, list[int]] = {}
    rejected: dict[str, dict[str, set]] = {}
    for name in schema.RESOURCE_NAMES:
        if name in texts:
            rows[name], lines[name] = _parse_table(name, texts[name], problems,
                                                   rejected.setdefault(name, {}))
    _check_foreign_keys(rows, lines, rejected, problems)
    _check_rules(rows, lines, problems)
    return rows


def _parse_table(name: str, text: str, problems: list[Problem],
                 rejected: dict[str, set] | None = None) -> tuple[list[dict], list[int]]:
    """Parse one table. The raw values of every row, refused ones included, go
    to ``rejected`` so that references to a refused row do not cascade into
    more problems."""
    rejected = {} if rejected is None else rejected
    file = f"{name}.csv"
    fields = schema.fields(name)
    by_name = {f["name"]: f for f in fields}
    res = schema.BY_NAME[name]
    pk = res["schema"].get("primaryKey", [])
    key_fields = set(pk) | {fk["fields"] for fk in res["schema"].get("foreignKeys", [])}
    before = len(problems)

    def add(line, column, value, message, hint):
        if len(problems) - before < MAX_PROBLEMS_PER_FILE:
            problems.append(Problem(file, line, column, value, message, hint))

    if not text.strip():
        add(0, "", "", "the file is empty",
            "it needs at least a header row: " + ",".join(by_name))
        return [], []
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except csv.Error as e:
        add(1, "", "", f"unreadable CSV header ({e})", "check the quotes on the first line")
        return [], []
    seen = set()
    for col in header:
        if col in seen:
            add(1, col, "", "column appears twice in the header", "remove one of them")
        seen.add(col)
        if col not in by_name:
            hint = "remove it, or rename it to one of: " + ", ".join(by_name)
            stripped = col.strip().replace("\u00a0", "")
            if stripped in by_name:
                hint = f"remove the spaces around it: '{stripped}'"
            add(1, col, "", "column not in the schema", hint)
    for col in by_name:
        if col not in header and (name, col) not in schema.ADDED_FIELDS:  # older packages lack those
            add(1, col, "", "column missing from the header",
                "add it (leave the cells empty if unknown and the field is optional)")
    index = {col: i for i, col in enumerate(header) if col in by_name}
    out: list[dict] = []
    out_lines: list[int] = []
    keys: dict[tuple, int] = {}
    uniques: dict[str, dict] = {f["name"]: {} for f in fields
                                if f.get("constraints", {}).get("unique")}
    last = reader.line_num
    while True:
        start = last + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            add(start, "", "", f"unreadable CSV ({e})", "check the quotes on this line")
            break
        last = reader.line_num
        if not cells or all(c == "" for c in cells) and len(cells) <= 1:
            add(start, "", "", "empty line", "remove it")
            continue
        for col, i in index.items():
            if i < len(cells):
                rejected.setdefault(col, set()).add(cells[i].strip())
        if len(cells) != len(header):
            add(start, "", "", f"has {len(cells)} values but the header has {len(header)}",
                "check for a missing or extra comma, or a value with a comma that needs quotes")
            continue
        row = {}
        ok = True
        for col, i in index.items():
            value, err = _cast(by_name[col], cells[i], col in key_fields)
            if err:
                add(start, col, cells[i], *err)
                ok = False
            row[col] = value
        if not ok:
            continue
        if pk and all(c in row for c in pk):
            key = tuple(row[c] for c in pk)
            if key in keys:
                add(start, ",".join(pk), ",".join(str(k) for k in key),
                    f"duplicate of line {keys[key]}", "give each row its own key, or remove one")
            else:
                keys[key] = start
        for col, seen_values in uniques.items():
            v = row.get(col)
            if v is None:
                continue
            if v in seen_values:
                add(start, col, str(v), f"duplicate of line {seen_values[v]}",
                    "values in this column must be unique")
            else:
                seen_values[v] = start
        out.append(row)
        out_lines.append(start)
    if not out and name in schema.NONEMPTY and len(problems) == before:
        add(1, "", "", "the table has a header but no rows",
            f"labkit needs at least one row in {file}")
    return out, out_lines


def _cast(field: dict, raw: str, is_key: bool):
    """Return (value, None) or (None, (message, hint))."""
    c = field.get("constraints", {})
    if raw == "":
        if c.get("required"):
            return None, ("a value is required", f"fill in the '{field['name']}' column")
        return None, None
    if is_key and (raw != raw.strip() or "\u00a0" in raw or "\u200b" in raw):
        return None, ("a key with leading/trailing or non-breaking spaces",
                      "remove the spaces; keys must match exactly")
    t = field["type"]
    if t == "string" or t == "yearmonth":
        if t == "yearmonth" and not _YEARMONTH.match(raw):
            return None, ("not a month", "write it as YYYY-MM, e.g. 2021-03")
        value = raw
    elif t in ("integer", "year"):
        if not (_YEAR if t == "year" else _INT).match(raw):
            return None, ("not a whole number" if t == "integer" else "not a year",
                          "write digits only, e.g. 2030" if t == "year" else "write digits only")
        value = int(raw)
    elif t == "number":
        try:
            value = float(raw)
        except ValueError:
            return None, ("not a number", "use a decimal point, e.g. 0.5")
    elif t == "boolean":
        if raw in _TRUE:
            value = True
        elif raw in _FALSE:
            value = False
        else:
            return None, ("not true or false", "write true or false")
    elif t == "date":
        if not _DATE.match(raw):
            return None, ("not a date", "write it as YYYY-MM-DD, e.g. 2021-03-15")
        try:
            value = dt.date.fromisoformat(raw)
        except ValueError:
            return None, ("not a real date", "check day and month (YYYY-MM-DD)")
    else:  # pragma: no cover - the schema only uses the types above
        raise AssertionError(t)
    if "enum" in c and value not in c["enum"]:
        return None, ("not an allowed value", "use one of: " + ", ".join(map(str, c["enum"])))
    if "pattern" in c and not re.fullmatch(c["pattern"], raw):
        hint = ("ids use lowercase letters, digits, '.', '_' and '-'" if c["pattern"] == schema.ID_PATTERN
                else f"it must match {c['pattern']}")
        if field["name"] == "source":
            hint = "use report:<section>, classification, reference, illustrative, synthetic or import"
        return None, ("not in the expected form", hint)
    if "minimum" in c and value < c["minimum"]:
        return None, (f"below the minimum {c['minimum']}", f"use {c['minimum']} or more")
    if "maximum" in c and value > c["maximum"]:
        return None, (f"above the maximum {c['maximum']}", f"use {c['maximum']} or less")
    return value, None


def _check_foreign_keys(rows, lines, rejected, problems):
    for name in schema.RESOURCE_NAMES:
        if name not in rows:
            continue
        for fk in schema.BY_NAME[name]["schema"].get("foreignKeys", []):
            target = fk["reference"]["resource"]
            if target not in rows:
                continue
            ref = fk["reference"]["fields"]
            valid = {r[ref] for r in rows[target]}
            loose = rejected.get(target, {}).get(ref, set())
            col = fk["fields"]
            count = 0
            for row, line in zip(rows[name], lines[name]):
                v = row.get(col)
                if v is not None and v not in valid and str(v) not in loose:
                    count += 1
                    if count <= MAX_PROBLEMS_PER_FILE:
                        problems.append(Problem(f"{name}.csv", line, col, str(v),
                                                f"no row in {target}.csv has this {ref}",
                                                f"add it to {target}.csv or correct the reference"))


def _check_rules(rows, lines, problems):
    """Rules across columns that a Table Schema cannot express."""
    for row, line in zip(rows.get("participants", []), lines.get("participants", [])):
        if row.get("consent_named") and not row.get("name"):
            problems.append(Problem("participants.csv", line, "name", "",
                                    "consent_named is true but there is no name",
                                    "fill in the name or set consent_named to false"))
    for row, line in zip(rows.get("commitments", []), lines.get("commitments", [])):
        if row.get("horizon_source") and row.get("horizon") is None:
            problems.append(Problem("commitments.csv", line, "horizon_source", row["horizon_source"],
                                    "says whose the horizon is, but there is no horizon",
                                    "fill in the horizon or empty horizon_source"))
    for row, line in zip(rows.get("invitations", []), lines.get("invitations", [])):
        by = row.get("invited_by")
        if row.get("channel") == "participant" and by is None:
            problems.append(Problem("invitations.csv", line, "invited_by", "",
                                    "channel is 'participant' but invited_by is empty",
                                    "name the inviting participant"))
        if row.get("channel") != "participant" and by is not None:
            problems.append(Problem("invitations.csv", line, "invited_by", by,
                                    f"channel is '{row.get('channel')}' so nobody should be named",
                                    "empty invited_by or set channel to participant"))
        if by is not None and by == row.get("participant_id"):
            problems.append(Problem("invitations.csv", line, "invited_by", by,
                                    "a participant cannot invite themselves", "correct invited_by"))
    _check_one_real_seat(rows.get("attendance", []), lines.get("attendance", []), problems)
    for row, line in zip(rows.get("collaborations", []), lines.get("collaborations", [])):
        if row.get("from_organisation_id") == row.get("to_organisation_id"):
            problems.append(Problem("collaborations.csv", line, "to_organisation_id",
                                    str(row.get("to_organisation_id")),
                                    "an organisation cannot collaborate with itself",
                                    "correct one of the two organisations"))


def _check_one_real_seat(rows, lines, problems):
    """The key of attendance holds the source so that a plan stays beside the real
    list; real attendance is still one row per person and session."""
    first: dict[tuple, int] = {}
    for row, line in zip(rows, lines):
        if row.get("source") == schema.PLANNED:
            continue
        key = (row.get("session_id"), row.get("participant_id"))
        if key in first:
            problems.append(Problem("attendance.csv", line, "session_id,participant_id",
                                    ",".join(str(k) for k in key),
                                    f"duplicate of line {first[key]} (another source)",
                                    "keep one row per person and session; only a plan's "
                                    "rows (source 'planned') stand beside them"))
        else:
            first[key] = line


def _frame(name: str, rows: list[dict]) -> pd.DataFrame:
    cols = {}
    for f in schema.fields(name):
        values = [r.get(f["name"]) for r in rows]
        if f["type"] == "date":
            cols[f["name"]] = pd.to_datetime(pd.Series(values, dtype="object"), format="%Y-%m-%d")
        else:
            cols[f["name"]] = pd.Series(values, dtype=_PANDAS_DTYPE[f["type"]])
    return pd.DataFrame(cols)


# --------------------------------------------------------------------------- writing

def table_to_csv(name: str, frame: pd.DataFrame) -> str:
    """The canonical CSV text of one table (the form ``save`` writes)."""
    fields = schema.fields(name)
    lines = [",".join(_quote(f["name"]) for f in fields)]
    columns = []
    for f in fields:
        col = frame[f["name"]] if f["name"] in frame.columns else pd.Series([None] * len(frame))
        columns.append([_quote(_format(f["type"], v)) for v in col.tolist()])
    lines.extend(",".join(row) for row in zip(*columns))
    return "\n".join(lines) + "\n"


def _quote(value: str) -> str:
    # csv.writer with "\n" line endings leaves a lone "\r" unquoted, which a reader
    # then takes for a line break: quote every value holding one of these.
    if any(c in value for c in ',"\n\r') or value != value.strip(" "):
        return '"' + value.replace('"', '""') + '"'
    return value


def _format(type_: str, v) -> str:
    if v is None or v is pd.NA or (isinstance(v, float) and v != v) or v is pd.NaT:
        return ""
    if type_ == "boolean":
        return "true" if v else "false"
    if type_ in ("integer", "year"):
        return str(int(v))
    if type_ == "date":
        return v if isinstance(v, str) else v.strftime("%Y-%m-%d")
    if type_ == "number":
        return repr(float(v))
    return str(v)


def descriptor_text(meta: dict) -> str:
    """The canonical datapackage.json text for package metadata ``meta``."""
    descriptor = dict(meta)
    descriptor["resources"] = schema.RESOURCES
    return json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"


def write_package(path: str | os.PathLike, meta: dict, tables: dict[str, pd.DataFrame]) -> None:
    """Write a validated package to ``path``.

    Everything is serialised and validated in memory first: a package with
    problems raises :class:`DataPackageError` and writes nothing. Each file is
    then written to a temporary file and moved into place.
    """
    path = Path(path)
    texts = {name: table_to_csv(name, tables[name]) for name in schema.RESOURCE_NAMES}
    problems: list[Problem] = []
    descriptor = descriptor_text(meta)
    _check_programme(meta, descriptor, problems)
    _parse_all(texts, problems)
    if problems:
        raise DataPackageError(problems, str(path))
    files = {f"{name}.csv": text for name, text in texts.items()}
    files[DESCRIPTOR] = descriptor
    path.mkdir(parents=True, exist_ok=True)
    for fname, text in files.items():
        target = path / fname
        data = text.encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            continue  # unchanged: leave the file (and its mtime) alone
        write_bytes_atomic(target, data)
