"""Evaluation items for ``new --evaluasi`` (issue 14): the words the user wrote, as agenda items.

Kept out of ``new_cmd`` (one idea per module): ``new`` calls :func:`evaluation_items`.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sopreview.domain.model import Proposal
    from sopreview.lifecycle.folder import RegisterFolder


def evaluation_items(sops_dir: Path, words: list[str], tanggal: str | None = None) -> list[Proposal]:
    """The SOPs in force named by ``--evaluasi`` as agenda items; ``jatuh-tempo`` takes those whose
    monitoring is due by the meeting's date (today without one). UsageError names what exists."""
    if not words:
        return []
    from sopreview.cli.plumbing import UsageError
    from sopreview.domain.evaluation import JATUH_TEMPO, SelectionError, evaluation_item, select_in_force
    from sopreview.lifecycle.folder import read_folder

    folder = read_folder(sops_dir)
    split = [w for word in words for w in word.split(",")]
    due: set[str] = set()
    if any(w.strip() == JATUH_TEMPO for w in split):
        due = _due_ids(folder, tanggal)
    for problem in folder.problems:
        print(problem, file=sys.stderr)
    if any(w.strip() == JATUH_TEMPO for w in split) and not due:
        print(f"catatan: --evaluasi {JATUH_TEMPO}: tidak ada SOP yang jatuh tempo monitoring", file=sys.stderr)
    try:
        chosen = select_in_force(folder.in_force, split, due)
    except SelectionError as exc:
        raise UsageError(str(exc)) from None
    return [evaluation_item(sop) for sop in chosen]


def _due_ids(folder: RegisterFolder, tanggal: str | None) -> set[str]:
    from sopreview.domain.monitoring import due_list
    from sopreview.lifecycle.folder import monitored_sops

    try:
        today = dt.date.fromisoformat(tanggal) if tanggal else dt.date.today()
    except ValueError:
        today = dt.date.today()  # the date itself is checked (and refused) by the meeting header
    latest = folder.latest_monitoring()  # its problems join folder.problems
    return {d.sop_id for d in due_list(monitored_sops(folder), latest, today, folder.monitoring_months)}
