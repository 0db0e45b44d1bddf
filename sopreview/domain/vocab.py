"""The meeting's vocabularies as tables: decision kinds, item kinds (jenis), attendance statuses.

One row per word, with everything each layer needs to show or apply it, so adding a kind is one
row here plus its wording. Readers call the functions below at the moment they need the words
(not copies taken at import), so the UI, CLI, minutes and carry-over always agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

Tone = Literal["success", "warning", "error", "muted", "accent"]
"""How a word is coloured; the UI maps a tone to its theme (the domain knows no colours)."""


class _Row(Protocol):
    @property
    def key(self) -> str: ...
    @property
    def label(self) -> str: ...


def _keys(table: Sequence[_Row]) -> tuple[str, ...]:
    return tuple(row.key for row in table)


def _label(table: Sequence[_Row], key: str, unknown: str) -> str:
    """The row's label; ``unknown`` for a key not (or no longer) in the table."""
    return next((row.label for row in table if row.key == key), unknown)


@dataclass(frozen=True)
class DecisionKind:
    """One outcome the meeting can record for an item."""

    key: str
    label: str
    short: str
    """Short enough for the agenda's status column (dialogs show ``label``)."""
    icon: str
    tone: Tone
    note_required: bool
    """The minutes need a written reason or list of fixes."""
    carries_over: bool
    """A later meeting takes the item up again (carry-over, "dibawa ke rapat berikutnya")."""


DECISION_KINDS: tuple[DecisionKind, ...] = (
    DecisionKind("disetujui", "Disetujui", "Disetujui", "✓", "success", False, False),
    DecisionKind("disetujui_dengan_perbaikan", "Disetujui dengan perbaikan", "Dg. perbaikan", "✓", "success",
                 True, False),
    DecisionKind("ditunda", "Ditunda", "Ditunda", "…", "warning", True, True),
    DecisionKind("ditolak", "Ditolak", "Ditolak", "✗", "error", True, False),
    DecisionKind("ditarik", "Ditarik", "Ditarik", "–", "muted", True, False),
)

UNDECIDED = DecisionKind("", "Belum", "Belum", "·", "muted", False, True)
"""What the agenda shows before anything is recorded (never stored)."""


def decision_kinds() -> tuple[DecisionKind, ...]:
    """The table as it is now (read at call time, so every reader sees the same rows)."""
    return DECISION_KINDS


def decision_keys() -> tuple[str, ...]:
    """The stored keys, in the order the dialog, the CLI and the minutes list them."""
    return _keys(decision_kinds())


def decision_kind(key: str | None) -> DecisionKind | None:
    """The row of ``key``; ``None`` for no decision yet or an unknown key."""
    return next((k for k in decision_kinds() if k.key == key), None) if key else None


def decision_label(key: str) -> str:
    """The full label, or the key itself when it is not (or no longer) in the table."""
    return _label(decision_kinds(), key, key)


def note_required(key: str | None) -> bool:
    kind = decision_kind(key)
    return bool(kind and kind.note_required)


def carries_over(key: str) -> bool:
    kind = decision_kind(key)
    return bool(kind and kind.carries_over)


@dataclass(frozen=True)
class Term:
    """A plain vocabulary word: an item kind (jenis) or an attendance status."""

    key: str
    label: str
    tone: Tone = "muted"
    """Item kinds: the badge colour on the agenda."""
    letter: str = ""
    """Attendance statuses: the letter key in the attendance dialog (beside the number keys)."""


ITEM_KINDS: tuple[Term, ...] = (
    Term("baru", "BARU", tone="success"),
    Term("perbaikan", "PERBAIKAN", tone="warning"),
    Term("perubahan", "PERUBAHAN", tone="accent"),
)
"""Kinds of proposal, as the seed files name them; the label is the badge word."""

ATTENDANCE_STATUSES: tuple[Term, ...] = (
    Term("hadir", "Hadir", letter="h"),
    Term("izin", "Izin", letter="i"),
    Term("sakit", "Sakit", letter="s"),
    Term("tugas_luar", "Tugas luar", letter="t"),
    Term("tanpa_keterangan", "Tanpa keterangan", letter="k"),
)
"""How an invited person is marked in the daftar hadir."""


def item_kind_keys() -> tuple[str, ...]:
    return _keys(ITEM_KINDS)


def item_kind_label(key: str) -> str:
    """The badge word; an unknown jenis is shown in capitals as written."""
    return _label(ITEM_KINDS, key, key.upper())


def attendance_keys() -> tuple[str, ...]:
    return _keys(ATTENDANCE_STATUSES)


def attendance_label(key: str) -> str:
    return _label(ATTENDANCE_STATUSES, key, key)


PROJECTOR_TABS: tuple[str, ...] = ("ringkasan", "flowchart", "perubahan", "keputusan")
"""What the room sees for the current item (the projector follows the session file)."""

PROJECTOR_ZOOM_STEPS = 4
"""Zoom steps of the room's flowchart (0 fits the width; ``ui/widgets/flowchart.ZOOMS``)."""

PROJECTOR_SLIDES: tuple[str, ...] = ("subbag", "bacakan")
"""Slides the operator puts in front of the item: the sub bagian's title slide, and the
read-back of the decisions at the end (the agenda and the break slide need no choosing)."""
