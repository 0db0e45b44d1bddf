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


_KEYS_SEEN: dict[int, tuple[Sequence[_Row], tuple[str, ...]]] = {}


def _keys(table: Sequence[_Row]) -> tuple[str, ...]:
    """The table's keys, kept per table object: opening a session asks once per item (a test
    that swaps a table in gets the new table's keys: it is another object)."""
    seen = _KEYS_SEEN.get(id(table))
    if seen is not None and seen[0] is table:
        return seen[1]
    keys = tuple(row.key for row in table)
    _KEYS_SEEN[id(table)] = (table, keys)
    return keys


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
    cites_amendments: bool = False
    """The amendments made in the meeting can stand as its note (the fixes), issue 15."""


DECISION_KINDS: tuple[DecisionKind, ...] = (
    DecisionKind("disetujui", "Disetujui", "Disetujui", "✓", "success", False, False),
    DecisionKind("disetujui_dengan_perbaikan", "Disetujui dengan perbaikan", "Dg. perbaikan", "✓", "success",
                 True, False, cites_amendments=True),
    DecisionKind("ditunda", "Ditunda", "Ditunda", "…", "warning", True, True),
    DecisionKind("ditolak", "Ditolak", "Ditolak", "✗", "error", True, False),
    DecisionKind("ditarik", "Ditarik", "Ditarik", "–", "muted", True, False),
)

EVALUATION_OUTCOMES: tuple[DecisionKind, ...] = (
    DecisionKind("masih_sesuai", "Masih sesuai", "Masih sesuai", "✓", "success", False, False),
    DecisionKind("perlu_revisi", "Perlu revisi", "Perlu revisi", "✎", "warning", True, False),
    DecisionKind("tidak_diberlakukan_lagi", "Tidak diberlakukan lagi", "Dicabut", "✗", "error", True, False),
)
"""Outcomes of evaluating an SOP in force (KPU DIY 2023 sorted its SOPs this way); a note is
required where the outcome changes anything (the register status, a revision to draft)."""

EVALUATION_JENIS = "evaluasi"
"""The item kind (jenis) of an SOP in force put on the agenda to be evaluated."""

UNDECIDED = DecisionKind("", "Belum", "Belum", "·", "muted", False, True)
"""What the agenda shows before anything is recorded (never stored)."""


def decision_kinds() -> tuple[DecisionKind, ...]:
    """The table as it is now (read at call time, so every reader sees the same rows)."""
    return DECISION_KINDS


def decision_keys() -> tuple[str, ...]:
    """The stored keys, in the order the dialog, the CLI and the minutes list them."""
    return _keys(decision_kinds())


def evaluation_outcomes() -> tuple[DecisionKind, ...]:
    return EVALUATION_OUTCOMES


def kinds_for(jenis: str | None) -> tuple[DecisionKind, ...]:
    """What may be recorded for an item of this jenis: outcomes for an evaluation item, else decisions."""
    return evaluation_outcomes() if jenis == EVALUATION_JENIS else decision_kinds()


def kind_keys_for(jenis: str | None) -> tuple[str, ...]:
    """The keys of ``kinds_for(jenis)``."""
    return _keys(kinds_for(jenis))


def all_decision_keys() -> tuple[str, ...]:
    """Every key a stored item may hold (decisions and evaluation outcomes)."""
    return (*decision_keys(), *_keys(evaluation_outcomes()))


def decision_kind(key: str | None) -> DecisionKind | None:
    """The row of ``key``; ``None`` for no decision yet or an unknown key."""
    rows = (*decision_kinds(), *evaluation_outcomes())
    return next((k for k in rows if k.key == key), None) if key else None


def decision_label(key: str) -> str:
    """The full label, or the key itself when it is not (or no longer) in the table."""
    return _label((*decision_kinds(), *evaluation_outcomes()), key, key)


def note_required(key: str | None) -> bool:
    kind = decision_kind(key)
    return bool(kind and kind.note_required)


def cites_amendments(key: str | None) -> bool:
    kind = decision_kind(key)
    return bool(kind and kind.cites_amendments)


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
    Term(EVALUATION_JENIS, "EVALUASI", tone="muted"),
)
"""Kinds of agenda item: proposals as the seed files name them, and SOPs in force to evaluate
(``evaluasi``, never written in a proposal file); the label is the badge word."""

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


def proposal_kind_keys() -> tuple[str, ...]:
    """The jenis a proposal file may name (an evaluation item is made from an SOP in force)."""
    return tuple(k for k in item_kind_keys() if k != EVALUATION_JENIS)


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
