"""What an import of a list ends in: the account of its changes or every problem at once.

:class:`ImportResult` says what a list changes; :class:`ImportListError` lists every
problem found, and nothing is written. :func:`_check` validates the changed package
in memory as ``save`` will, so a list that would break the package is refused
before anything is written.
"""

from __future__ import annotations

import dataclasses

import pandas as pd

from ..data import io
from ..errors import DataPackageError, Problem

SOURCE = "import"


class ImportListError(DataPackageError):
    """A list could not be imported; ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem], path: str):
        self.problems = sorted(problems)
        self.path = path
        n = len(self.problems)
        head = f"{path}: {n} problem{'s' if n != 1 else ''} in the list — nothing was written"
        Exception.__init__(self, head + "\n" + "\n".join(str(p) for p in self.problems))


@dataclasses.dataclass(frozen=True)
class ImportResult:
    """What an import changes; ``programme`` is the updated programme.

    ``lines`` describe each change by row number and id, never by a person's
    name, so the account can be shown or logged safely.
    """

    programme: object
    where: str
    rows: int
    added: dict
    updated: dict
    lines: list
    notes: list

    @property
    def changes(self) -> int:
        return sum(self.added.values()) + sum(self.updated.values())

    def save(self) -> None:
        """Validate and write the package where it was loaded; nothing when nothing changed."""
        if self.changes:
            self.programme.save()

    def report(self) -> str:
        n, c = self.rows, self.changes
        out = [f"{self.where}: {n} row{'s' if n != 1 else ''} read, {c} change{'s' if c != 1 else ''}"]
        for verb, counts in (("add", self.added), ("update", self.updated)):
            out += [f"  {verb} {k} row{'s' if k != 1 else ''} in {table}"
                    for table, k in counts.items() if k]
        out += ["  " + line for line in self.lines]
        out += ["note: " + note for note in self.notes]
        return "\n".join(out)


def _append(df: pd.DataFrame, rows: list[dict]) -> pd.DataFrame:
    if not rows:
        return df
    new = pd.DataFrame(rows, columns=df.columns).astype(df.dtypes.to_dict())
    return pd.concat([df, new], ignore_index=True) if len(df) else new


def _check(programme, where: str) -> None:
    """Validate the changed package in memory, exactly as ``save`` will."""
    problems: list[Problem] = []
    io._parse_all({n: io.table_to_csv(n, df) for n, df in programme.tables.items()}, problems)
    if problems:
        raise ImportListError(problems, where)
