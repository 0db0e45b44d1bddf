"""Modal dialogs that record the meeting through the Session; each dismisses with a confirmation."""

from __future__ import annotations

from ._base import SessionDialog
from .actions import ActionsDialog
from .attendance import AttendanceDialog, GuestDialog
from .decision import DecisionDialog
from .evaluation import EvaluationDialog
from .export import ExportDialog
from .keys import dialog_keys
from .meta import MetaDialog
from .notes import NotesDialog

__all__ = [
    "ActionsDialog",
    "AttendanceDialog",
    "DecisionDialog",
    "EvaluationDialog",
    "ExportDialog",
    "GuestDialog",
    "MetaDialog",
    "NotesDialog",
    "SessionDialog",
    "dialog_keys",
]
