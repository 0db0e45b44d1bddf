"""``new --evaluasi``: the words the user wrote, as agenda items (the selection itself is in
``lifecycle/agenda_items.py``, shared with the app's new-meeting form)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sopreview.domain.model import Proposal


def evaluation_items(sops_dir: Path, words: list[str], tanggal: str | None = None) -> list[Proposal]:
    """The SOPs in force named by ``--evaluasi``; problems printed, a bad word a UsageError naming what exists."""
    if not words:
        return []
    from sopreview.cli.plumbing import UsageError
    from sopreview.domain.evaluation import JATUH_TEMPO, SelectionError
    from sopreview.lifecycle.agenda_items import evaluation_items as select

    try:
        items, problems, nothing_due = select(sops_dir, words, tanggal)
    except SelectionError as exc:
        raise UsageError(str(exc)) from None
    for problem in problems:
        print(problem, file=sys.stderr)
    if nothing_due:
        print(f"catatan: --evaluasi {JATUH_TEMPO}: tidak ada SOP yang jatuh tempo monitoring", file=sys.stderr)
    return items
