"""Problems found while reading SOP files: each names the file, line and field, and how to fix it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sopreview.domain.textsafe import visible

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

    def __post_init__(self) -> None:
        # Messages quote file content; whatever prints them must never emit a raw ESC.
        for name in ("path", "field", "message", "hint"):
            object.__setattr__(self, name, visible(getattr(self, name)))

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    @property
    def label(self) -> str:
        return "galat" if self.is_error else "peringatan"

    def __str__(self) -> str:
        """``file:line [field]: galat: message`` — file first (editors jump to it), one label;
        callers print it as it is, without a label of their own."""
        where = f" [{self.field}]" if self.field else ""
        text = f"{self.location}{where}: {self.label}: {self.message}"
        if self.hint:
            text += f"\n    → {self.hint}"
        return text


def sort_key(problem: Problem) -> tuple[str, int, str]:
    return (problem.path, problem.line or 0, problem.field)


def summary(problems: Sequence[Problem]) -> str:
    """``N galat, M peringatan di K berkas``: the one count the CLI and the app both show."""
    errors = sum(1 for p in problems if p.is_error)
    files = len({p.path for p in problems})
    return f"{errors} galat, {len(problems) - errors} peringatan di {files} berkas"
