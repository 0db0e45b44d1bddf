"""The agenda's time budget: planned total, time used, and when the meeting will likely end.

Pure arithmetic on (planned minutes, seconds used, decided) per item, so it is tested without
a terminal. The forecast assumes every undecided item still takes what is left of its plan
(at least nothing), counted from now: an item that ran over does not pull the end earlier.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import NamedTuple


class ItemTime(NamedTuple):
    """One item's share of the budget (a NamedTuple: the agenda makes one per item each redraw)."""

    planned_minutes: int
    used_seconds: float
    decided: bool


@dataclass(frozen=True)
class AgendaTiming:
    planned_minutes: int
    """Sum of the planned minutes of all items."""
    used_seconds: float
    """Time spent on all items so far."""
    remaining_seconds: float
    """What the undecided items still need, by their plan."""
    expected_end: datetime

    @property
    def over_plan(self) -> bool:
        return self.used_seconds > self.planned_minutes * 60


def agenda_timing(items: Iterable[ItemTime], now: datetime) -> AgendaTiming:
    planned = 0
    used = 0.0
    remaining = 0.0
    for item in items:
        planned += item.planned_minutes
        used += item.used_seconds
        if not item.decided:
            remaining += max(item.planned_minutes * 60 - item.used_seconds, 0.0)
    return AgendaTiming(planned, used, remaining, now + timedelta(seconds=remaining))
