"""The keys inside each dialog, as rows for the help screen.

Read from the dialogs' own ``BINDINGS`` (so the help can never disagree with what the keys do),
plus the few keys that are behaviour rather than bindings (Enter moving to the next field).
"""

from __future__ import annotations

from textual.binding import Binding
from textual.dom import DOMNode

from sopreview.ui.keymap import KEY_NAMES

from ._base import SessionDialog
from ._choices import ChoiceList
from .actions import ActionsDialog, ActionTable
from .attendance import AttendanceDialog, GuestDialog
from .decision import DecisionDialog, OutcomeDialog
from .evaluation import CriteriaList, EvaluationDialog
from .export import ExportDialog
from .meta import MetaDialog
from .notes import NotesDialog

_BEHAVIOUR: dict[type[SessionDialog], tuple[tuple[str, str], ...]] = {
    DecisionDialog: (("↑ ↓", "Pilih keputusan"), ("Enter", "Dari pilihan ke catatan"), ("Tab", "Pindah kolom")),
    OutcomeDialog: (("↑ ↓", "Pilih hasil evaluasi"), ("Enter", "Dari pilihan ke catatan"), ("Tab", "Pindah kolom")),
    EvaluationDialog: (
        ("↑ ↓", "Pindah kriteria"),
        ("Enter", "Dari kriteria ke catatan (juga setelah kriteria terakhir dijawab)"),
        ("Tab", "Catatan → Tindakan"),
    ),
    NotesDialog: (("Esc Esc", "Buang catatan yang belum disimpan"),),
    ActionsDialog: (("Enter", "Apa → Siapa → Kapan → tambah"), ("Shift+Tab", "Dari Apa ke daftar")),
    AttendanceDialog: (("↑ ↓", "Pindah orang; setelah status dicatat sorotan turun sendiri"),),
    GuestDialog: (("Enter", "Nama → Jabatan → Unit → simpan"),),
    ExportDialog: (
        ("1 2 3 …", "Pilih format menurut nomornya di layar"),
        ("↑ ↓", "Pilih format"),
        ("Enter", "Dari format ke folder; di folder: ekspor"),
    ),
    MetaDialog: (("Enter", "Kolom berikutnya"), ("Esc Esc", "Buang perubahan yang belum disimpan")),
}

_SKIP: dict[type[SessionDialog], frozenset[str]] = {ExportDialog: frozenset({"choose"})}
"""Actions listed by a behaviour row instead (one key per format: the formats are data)."""

_WIDGETS: dict[type[SessionDialog], tuple[type[DOMNode], ...]] = {
    DecisionDialog: (ChoiceList,),
    OutcomeDialog: (ChoiceList,),
    EvaluationDialog: (CriteriaList,),
    ActionsDialog: (ActionTable,),
    ExportDialog: (ChoiceList,),
}

DIALOGS: tuple[type[SessionDialog], ...] = (
    DecisionDialog, OutcomeDialog, EvaluationDialog, NotesDialog, ActionsDialog, AttendanceDialog, GuestDialog, ExportDialog,
    MetaDialog,
)


def key_label(keys: str) -> str:
    """``ctrl+s`` → ``Ctrl+S``, ``1,h`` → ``1 / h``."""
    shown = []
    for key in keys.split(","):
        if key in KEY_NAMES:
            shown.append(KEY_NAMES[key])
        elif "+" in key:
            shown.append("+".join(part.capitalize() if len(part) > 1 else part.upper() for part in key.split("+")))
        else:
            shown.append(key)
    return " / ".join(shown)


def _bindings(node_class: type[DOMNode]) -> list[Binding]:
    """The class's bindings after inheritance (a subclass's key replaces its parent's)."""
    by_key: dict[str, Binding] = {}
    for base in reversed(node_class.__mro__):
        # keys derived from the vocabulary at run time, for the class asked about (OutcomeDialog's own table)
        now = getattr(node_class, "current_bindings") if "current_bindings" in base.__dict__ else None
        for binding in now() if now else base.__dict__.get("BINDINGS", ()):
            if isinstance(binding, Binding) and base.__module__.startswith("sopreview."):
                by_key[binding.key] = binding
    return list(by_key.values())


def dialog_keys() -> list[tuple[str, list[tuple[str, str]]]]:
    """``[(dialog title, [(keys, what they do), ...]), ...]`` for every dialog."""
    table: list[tuple[str, list[tuple[str, str]]]] = []
    for dialog in DIALOGS:
        skip = _SKIP.get(dialog, frozenset())
        rows = [(key_label(b.key), b.description) for b in _bindings(dialog) if b.action.split("(")[0] not in skip]
        for widget in _WIDGETS.get(dialog, ()):
            rows += [(key_label(b.key), b.description) for b in _bindings(widget)]
        rows += list(_BEHAVIOUR.get(dialog, ()))
        table.append((dialog.DIALOG_TITLE, rows))
    return table
