"""The meeting clock's rules: when an agenda item's discussion time runs, and when it does not.

An item's clock is a list of ``[start, end]`` intervals (ISO timestamps; ``end`` is None while
it runs). The room sees these figures on the projector, and the minutes report them, so the
rules are few and strict:

1. Viewing an item never starts or restarts its clock; the operator starts discussion
   explicitly (``s``), and starting is offered when an undecided item is opened.
2. Only one item's clock runs: starting one stops the other.
3. Recording a decision stops that item's clock.
4. A meeting-level pause (istirahat, ishoma) stops every clock; ending it restarts the item
   that was under discussion when the pause began.
5. Time while no operator was connected is never counted: the app closes the clock when it
   exits, and a clock found running when a session is opened (the app crashed, or the laptop
   died) is closed at the last moment the operator was known to be there.
6. Clock events are recorded in the audit log (the minutes use them) but are not undo steps:
   undo reverts only what the secretary recorded.

Pure Python (no Textual, no I/O): the store applies these functions and writes the result.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

Jam = list[list[Any]]
"""``[[start_iso, end_iso_or_None], ...]`` as stored in the session file."""

PAUSES: dict[str, str] = {
    "istirahat": "Istirahat",
    "ishoma": "Ishoma (istirahat, sholat, makan)",
}
"""Kinds of meeting-level pause → label shown to the operator and on the projector."""

CLOCK_EVENTS = frozenset({"buka", "tutup", "jeda", "lanjut"})
"""Audit actions that only move clocks: logged, never undone."""


def is_running(jam: Sequence[Sequence[Any]] | None) -> bool:
    return bool(jam) and jam[-1][1] is None  # type: ignore[index]


def started(jam: Sequence[Sequence[Any]] | None, at: str) -> Jam:
    """The intervals with a new one opened at ``at`` (unchanged when already running)."""
    intervals = [list(pair) for pair in (jam or [])]
    if is_running(intervals):
        return intervals
    return [*intervals, [at, None]]


def stopped(jam: Sequence[Sequence[Any]] | None, at: str) -> Jam:
    """The intervals with the running one closed at ``at`` (never before it started)."""
    intervals = [list(pair) for pair in (jam or [])]
    if not is_running(intervals):
        return intervals
    start = intervals[-1][0]
    end = at if datetime.fromisoformat(at) >= datetime.fromisoformat(start) else start
    intervals[-1] = [start, end]
    return intervals


def used_seconds(jam: Sequence[Sequence[Any]] | None, now: datetime) -> float:
    """Seconds counted over every interval; a running one counts up to ``now``."""
    total = 0.0
    for start, end in jam or []:
        stop = datetime.fromisoformat(end) if end else now
        total += max(0.0, (stop - datetime.fromisoformat(start)).total_seconds())
    return total


def last_seen(signs: Iterable[datetime | None]) -> datetime | None:
    """The last moment an operator was known to be there (heartbeat, last recorded change)."""
    known = [sign for sign in signs if sign is not None]
    return max(known) if known else None


def stale_stop(jam: Sequence[Sequence[Any]] | None, seen: datetime | None, now: datetime) -> datetime:
    """Where a clock found running at open stops: the last sign of the operator, not now.

    Without any sign the interval ends where it started (nothing is counted rather than
    counting time nobody saw); the result is never before the start nor after ``now``.
    """
    if not is_running(jam):
        raise ValueError("the clock is not running")
    start = datetime.fromisoformat(jam[-1][0])  # type: ignore[index]
    end = seen if seen is not None else start
    return min(max(end, start), now)


def offer_start(decided: bool, running: bool) -> bool:
    """Opening an item offers to start its clock only when it is undecided and not running."""
    return not decided and not running
