"""Problems found while reading SOP files: each names the file, line and field, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, phrased for the secretariat that wrote it."""

    path: str
    """The file, as the user named it (relative to the sops folder's parent when possible)."""
    line: int | None
    """1-based line, or None when the file cannot be read at all."""
    field: str
    """Dotted path of the field, e.g. ``langkah[3].pelaksana``; empty for the whole file."""
    message: str
    hint: str = ""
    severity: str = ERROR

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    def __str__(self) -> str:
        label = "galat" if self.is_error else "peringatan"
        where = f" [{self.field}]" if self.field else ""
        text = f"{self.location}:{where} {label}: {self.message}"
        if self.hint:
            text += f"\n    → {self.hint}"
        return text


def sort_key(problem: Problem) -> tuple[str, int, str]:
    return (problem.path, problem.line or 0, problem.field)
