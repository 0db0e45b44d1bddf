"""SOPs in force as evaluation items for a new meeting (issue 14), for ``new --evaluasi`` and the
app's new-meeting form alike: ``semua``, ``jatuh-tempo`` (monitoring due by the meeting's date),
a sub bagian kode, or register ids."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from sopreview.domain.evaluation import JATUH_TEMPO, evaluation_item, select_in_force
from sopreview.domain.model import Proposal
from sopreview.domain.monitoring import due_list
from sopreview.domain.problems import Problem
from sopreview.lifecycle.folder import RegisterFolder, monitored_sops, read_folder


def evaluation_items(sops_dir: Path, words: Sequence[str], tanggal: str | None = None
                     ) -> tuple[list[Proposal], list[Problem], bool]:
    """(agenda items, problems of the folder, whether ``jatuh-tempo`` was asked for but nothing is due).

    Words may be comma-separated; raises ``SelectionError`` naming what exists for a word that
    names nothing."""
    split = [w for word in words for w in word.split(",") if w.strip()]
    if not split:
        return [], [], False
    folder = read_folder(sops_dir)
    asked_due = any(w.strip() == JATUH_TEMPO for w in split)
    due = _due_ids(folder, tanggal) if asked_due else set()
    chosen = select_in_force(folder.in_force, split, due)
    return [evaluation_item(sop) for sop in chosen], list(folder.problems), asked_due and not due


def _due_ids(folder: RegisterFolder, tanggal: str | None) -> set[str]:
    try:
        today = dt.date.fromisoformat(tanggal) if tanggal else dt.date.today()
    except ValueError:
        today = dt.date.today()  # the date itself is checked (and refused) by the meeting header
    latest = folder.latest_monitoring()  # its problems join folder.problems
    return {d.sop_id for d in due_list(monitored_sops(folder), latest, today, folder.monitoring_months)}
