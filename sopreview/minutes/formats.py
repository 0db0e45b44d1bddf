"""The export formats as one registry: every caller (CLI, export dialog, document commands) reads it.

Adding a format is one entry here plus its renderer module (``render(Minutes) -> bytes``). The
renderer is imported only when a file of that format is written, so listing the formats (CLI
help, the dialog) never loads python-docx.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sopreview.minutes.model import Minutes


@dataclass(frozen=True)
class ExportFormat:
    """One output format of the notulen."""

    key: str
    """What the user types (``--format``) and the file suffix without the dot."""
    label: str
    module: str
    """The module whose ``render(Minutes) -> bytes`` writes this format."""
    needs_changes: bool
    """The document prints the change summary of revisions (slower to build; the CSV does not)."""
    binary: bool
    """Bytes that are not text (cannot be shown in a terminal or diffed as text)."""

    @property
    def suffix(self) -> str:
        return f".{self.key}"

    def renderer(self) -> Callable[[Minutes], bytes]:
        render: Callable[[Minutes], bytes] = importlib.import_module(self.module).render
        return render


FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("md", "Markdown", "sopreview.minutes.markdown", needs_changes=True, binary=False),
    ExportFormat("html", "HTML", "sopreview.minutes.html", needs_changes=True, binary=False),
    ExportFormat("docx", "Word (DOCX)", "sopreview.minutes.docx", needs_changes=True, binary=True),
    ExportFormat("csv", "CSV keputusan", "sopreview.minutes.csv", needs_changes=False, binary=False),
    ExportFormat("pdf", "PDF", "sopreview.minutes.pdf", needs_changes=True, binary=True),
)
"""In the order the dialog lists them (its number keys follow this order)."""

DEFAULT_FORMAT = "docx"


def format_keys() -> tuple[str, ...]:
    return tuple(f.key for f in FORMATS)


def find_format(key: str) -> ExportFormat | None:
    return next((f for f in FORMATS if f.key == key), None)


def format_for_suffix(suffix: str) -> ExportFormat | None:
    """The format a file name's suffix (``.DOCX``, ``docx``) names, if any."""
    return find_format(suffix.lower().lstrip("."))
