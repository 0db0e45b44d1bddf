"""What the room sees between items: the sub bagian's title slide and the read-back of decisions.

Both are drawn from :class:`sopreview.minutes.model.Minutes`, the model the minutes are
rendered from, so what the room hears read back (each SOP with its decision and note, the
tally per decision and jenis, the actions with who and when) is what the notulen will say.
No key hints: this is the room's screen.
"""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from sopreview.minutes.model import BELUM, Minutes

NO_DECISION = "Belum diputuskan"


def _decision_badge(text: Text, kunci: str, label: str) -> None:
    if kunci == BELUM:
        text.append(f" {NO_DECISION} ", style="italic")
    else:
        text.append(f" {label.upper()} ", style="reverse bold")


def subbag_slide(m: Minutes, kode: str) -> tuple[str, RenderableType] | None:
    """Title and body of the sub bagian ``kode``'s slide: its head (who presents) and its items."""
    section = next((s for s in m.pembahasan if s.kode == kode), None)
    if section is None:
        return None
    body = Text()
    if section.kepala:
        body.append("Penyaji: ", style="bold")
        body.append(section.kepala + "\n")
    body.append(f"{len(section.items)} usulan\n\n", style="bold")
    badge = max(len(item.jenis_label) for item in section.items)
    for item in section.items:
        body.append(f" {item.no:>2}. ", style="bold")
        body.append(f" {item.jenis_label:<{badge}} ", style="reverse")
        body.append(f"  {item.nama}")
        if item.penyaji and item.penyaji != section.kepala:
            body.append(f"  ({item.penyaji})", style="italic")
        if item.keputusan != BELUM:
            body.append("  ")
            _decision_badge(body, item.keputusan, item.keputusan_label)
        body.append("\n")
    return section.judul, body


def readback_rows(m: Minutes) -> list[tuple[str, ...]]:
    """The read-back as plain rows, in the order shown: items, tally, actions (tests compare these)."""
    rows: list[tuple[str, ...]] = [(str(i.no), i.nama, i.keputusan_label, i.catatan_keputusan) for i in m.items]
    header, tally = m.tabel_rekap()
    rows += [tuple(header), *(tuple(r) for r in tally)]
    rows += [(str(t.no), t.apa, t.siapa, t.kapan) for t in m.tindak_lanjut]
    return rows


def readback_slide(m: Minutes, closed_at: str | None) -> tuple[str, RenderableType]:
    """Title and body of the read-back: what the meeting decided, confirmed by the room."""
    parts: list[RenderableType] = []
    if closed_at:  # first: the one line the room must not miss
        parts.append(Text(f"Rapat ditutup pukul {closed_at[11:16]}.\n", style="bold"))
    decided = Text()
    for item in m.items:
        decided.append(f"{item.no:>2}. ", style="bold")
        decided.append(item.nama + "  ")
        _decision_badge(decided, item.keputusan, item.keputusan_label)
        decided.append("\n")
        if item.catatan_keputusan:
            decided.append(f"    {item.catatan_keputusan}\n", style="italic")
    parts.append(decided)

    header, rows = m.tabel_rekap()
    table = Table(*header, box=box.SQUARE, title="Rekapitulasi keputusan", title_style="bold",
                  title_justify="left", header_style="bold")
    for column in table.columns[1:]:
        column.justify = "right"
    for row in rows:
        table.add_row(*row, style="bold" if row is rows[-1] else "")
    parts.append(table)

    if m.tindak_lanjut:
        actions = Text("\nTindak lanjut\n", style="bold")
        for t in m.tindak_lanjut:
            actions.append(f"{t.no:>2}. ", style="bold")
            actions.append(t.apa)
            actions.append(f" — {t.siapa or '?'}, {t.kapan or 'tanpa batas waktu'}")
            if t.terkait:
                actions.append(f" ({t.terkait})", style="italic")
            actions.append("\n")
        parts.append(actions)
    return "Pembacaan keputusan", Group(*parts)
