"""Errors a user of labkit can cause.

::

    LabkitError
     ├── DataPackageError      a data package has problems (carries every one)
     └── ParameterError        a report or URL parameter is refused

Every message says what was wrong, where (file, line, column) and how to mend it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .terminal import visible


class LabkitError(Exception):
    """Base class of every error labkit raises on purpose."""


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a data package.

    ``line`` is the 1-based physical line in ``file`` (0 when the problem is
    about the file as a whole); ``column`` and ``value`` may be empty.
    """

    file: str
    line: int
    column: str
    value: str
    message: str
    hint: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        parts = [where + ":"]
        if self.column:
            parts.append(f" column '{self.column}':")
        if self.value is not None and self.value != "":
            parts.append(f" value '{_show(self.value)}'")
        parts.append(f" — {self.message}")
        if self.hint:
            parts.append(f"; {self.hint}")
        # One line whatever a hint quotes: a typed name cannot forge lines or steer the terminal.
        return visible("".join(parts))


def _show(value: str, limit: int = 60) -> str:
    # Make invisible characters visible so the user can find them.
    shown = visible(value).replace("\u00a0", "\\u00a0").replace("\ufeff", "\\ufeff")
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


class DataPackageError(LabkitError):
    """A data package could not be loaded; ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem], path: str = "data"):
        self.problems = sorted(problems)
        self.path = path
        n = len(self.problems)
        head = f"{path}: {n} problem{'s' if n != 1 else ''} in the data package"
        super().__init__(head + "\n" + "\n".join(str(p) for p in self.problems))


class ParameterError(LabkitError, ValueError):
    """A parameter (report, URL or CLI) was refused."""
