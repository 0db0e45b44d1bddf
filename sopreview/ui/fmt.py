"""Small text helpers shared by the screens: cell-exact fitting, minutes, clock times, labels.

Terminal columns are counted in cells (an Indonesian name with an accent or a wide glyph must
not push a column out of line), so every fixed-width column goes through :func:`fit`.
"""

from __future__ import annotations

import re
from datetime import datetime

from rich.cells import cell_len, set_cell_size

from sopreview.domain.vocab import ITEM_KINDS, UNDECIDED, decision_kind, item_kind_label
from sopreview.domain.dates import BULAN

TONE_STYLE: dict[str, str] = {
    "success": "$text-success",
    "warning": "$text-warning",
    "error": "$text-error",
    "muted": "$text-muted",
    "accent": "$text-accent",
}
"""A vocabulary tone as text colour (decision status in the agenda)."""

BADGE_STYLE: dict[str, str] = {
    "success": "bold $background on $success",
    "warning": "bold $background on $warning",
    "accent": "bold $background on $accent",
    "error": "bold $background on $error",
    "muted": "reverse",
}
"""A vocabulary tone as a badge (jenis of an agenda item); ui/contrast.py checks each pair."""

BADGE_WIDTH = max(len(k.label) for k in ITEM_KINDS) + 2


def status_cell(keputusan: str | None) -> tuple[str, str]:
    """``("✓ Dg. perbaikan", style)`` for the agenda's status column; ``Belum`` when undecided."""
    kind = decision_kind(keputusan) or UNDECIDED
    return f"{kind.icon} {kind.short}", TONE_STYLE[kind.tone]


def badge_style(jenis: str) -> str:
    kind = next((k for k in ITEM_KINDS if k.key == jenis), None)
    return BADGE_STYLE[kind.tone] if kind else "reverse"


def fit(text: str, width: int, *, right: bool = False) -> str:
    """Exactly ``width`` cells: padded, or cut with an ellipsis."""
    if width <= 0:
        return ""
    length = cell_len(text)
    if length > width:
        return set_cell_size(text, width - 1) + "…"
    pad = " " * (width - length)
    return pad + text if right else text + pad


def badge_text(jenis: str) -> str:
    """`` PERBAIKAN `` centred in the badge width."""
    return item_kind_label(jenis).center(BADGE_WIDTH)


def menit(seconds: float) -> int:
    """Whole minutes used, rounded down (a running clock should not jump ahead)."""
    return int(max(seconds, 0) // 60)


def waktu_kolom(used_seconds: float, planned: int) -> str:
    """``12/10 mnt``: used against planned minutes."""
    return f"{menit(used_seconds)}/{planned} mnt"


def jam(moment: datetime, *, seconds: bool = False) -> str:
    return moment.strftime("%H:%M:%S" if seconds else "%H:%M")


def lines(items: tuple[str, ...] | list[str]) -> str:
    """A list field as numbered lines, or a dash when empty."""
    if not items:
        return "–"
    if len(items) == 1:
        return items[0]
    return "\n".join(f"{i}. {item}" for i, item in enumerate(items, 1))


_SINCE = re.compile(r"sejak (\d{4}-\d{2}-\d{2}T[0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)")


def waktu_lokal(stamp: str, now: datetime) -> str:
    """An ISO time stamp as the meeting reads it: ``14:26`` today, else ``29 Nov 14:26`` (local time).

    The lock file records when the other window opened the session; the raw stamp
    (``2026-11-29T14:26:07+00:00``) is in UTC on some machines and unreadable to users.
    A stamp that does not parse is returned as it is."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    local = moment.astimezone() if moment.tzinfo else moment
    today = now.astimezone().date() if now.tzinfo else now.date()
    clock = local.strftime("%H:%M")
    if local.date() == today:
        return clock
    day = f"{local.day} {BULAN[local.month - 1][:3]}"
    if local.year != today.year:
        day += f" {local.year}"
    return f"{day} {clock}"


def holder_text(holder: str, now: datetime) -> str:
    """The store's "user di komputer host (proses N) sejak <ISO>" with the time made readable."""
    return _SINCE.sub(lambda m: f"sejak {waktu_lokal(m.group(1), now)}", holder)
