"""A session as a few lines of plain text (``sopreview show``): header, one line per item with
its decision, evaluation, follow-ups and last earlier decision, and the attendance tally.

A renderer like the minutes' ones, kept apart from the CLI so it can be tested and reused."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from sopreview.domain.dates import rentang_waktu
from sopreview.domain.vocab import attendance_label
from sopreview.minutes.model import SessionReader


class SummaryReader(SessionReader, Protocol):
    """What the summary reads beyond the minutes: where the file is and how far the meeting got."""

    @property
    def path(self) -> Path: ...
    def progress(self) -> tuple[int, int]: ...


def summary_lines(session: SummaryReader) -> list[str]:
    """The header, then each agenda item with what was decided about it."""
    m = session.meta
    decided, total = session.progress()
    lines = [m.judul, f"Tanggal: {m.tanggal or '-'}   Tempat: {m.tempat or '-'}   "
             f"Waktu: {rentang_waktu(m.waktu_mulai, m.waktu_selesai) or '-'}",
             f"Berkas: {session.path}   Diputuskan: {decided}/{total}", ""]
    for n, p in enumerate(session.heads(), 1):
        d = session.decision(p.id)
        ev = session.evaluation(p.id)
        verdict = d.label + (f" — {d.catatan}" if d.catatan else "") if d else "belum diputuskan"
        lines.append(f"{n:>3}. {p.nama} [{p.id}]: {verdict}")
        if ev is not None:
            lines.append(f"       evaluasi: {ev.ringkasan}")
        for a in session.actions(p.id):
            lines.append(f"       tindak lanjut #{a.id}: {a.apa} — {a.siapa}, {a.kapan}")
        if session.history(p.id):
            last = session.history(p.id)[-1]
            lines.append(f"       riwayat: {last.keputusan or '-'} pada {last.tanggal or '?'} ({last.sesi})")
    return lines


def attendance_line(session: SessionReader) -> str | None:
    """``Kehadiran: Hadir 5, Izin 1`` in the order the statuses were first recorded; None before any."""
    counts: dict[str, int] = {}
    for a in session.attendance().values():
        counts[a.status] = counts.get(a.status, 0) + 1
    if not counts:
        return None
    return "Kehadiran: " + ", ".join(f"{attendance_label(k)} {v}" for k, v in counts.items())
