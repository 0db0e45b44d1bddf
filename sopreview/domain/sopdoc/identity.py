"""The Bagian Identitas of an SOP AP, field by field as the annex lays it out.

``identity_rows`` is the content (used as it is by the DOCX table); ``layout_identity`` draws
it: kop with logo and office on the left, Nomor · Tanggal Pembuatan · Tanggal Revisi · Tanggal
Efektif · Disahkan oleh (with room to sign) · Nama SOP on the right, then the paired boxes.
"""

from __future__ import annotations

from dataclasses import dataclass

from sopreview.domain.model import SopDocument
from sopreview.domain.sopdoc.flowtable import LayoutError, LayoutProblem
from sopreview.domain.sopdoc.geometry import Image, Item, Rect, Text
from sopreview.domain.sopdoc.metrics import line_height, wrap
from sopreview.domain.dates import tanggal_teks
from sopreview.domain.people import format_nip  # noqa: F401 (also imported from here)

SIZE = 8.0
PAD = 1.5
SIGN_SPACE = 16.0
LABEL_FILL = "f2f2f2"
MARK_FILL = "fff2cc"
PAIRS: tuple[tuple[tuple[str, str], tuple[str, str]], ...] = (
    (("dasar_hukum", "DASAR HUKUM"), ("kualifikasi_pelaksana", "KUALIFIKASI PELAKSANA")),
    (("keterkaitan", "KETERKAITAN"), ("peralatan", "PERALATAN / PERLENGKAPAN")),
    (("peringatan", "PERINGATAN"), ("pencatatan", "PENCATATAN DAN PENDATAAN")),
)


@dataclass(frozen=True)
class Kop:
    """Who issues the SOP: the office, its unit (the sub bagian) and an optional logo file."""

    instansi: str
    unit: str = ""
    logo: str = ""


def identity_rows(doc: SopDocument) -> list[tuple[str, str, str]]:
    """(field, label, value) of the right-hand block, in the annex's order."""
    rows = [
        ("nomor", "NOMOR SOP", doc.nomor or "-"),
        ("tanggal_pembuatan", "TANGGAL PEMBUATAN", tanggal_teks(doc.tanggal_pembuatan) or "-"),
        ("tanggal_revisi", "TANGGAL REVISI", tanggal_teks(doc.tanggal_revisi) or "-"),
        ("tanggal_efektif", "TANGGAL EFEKTIF", tanggal_teks(doc.tanggal_efektif) or "-"),
    ]
    if doc.revisi_ke:
        rows.append(("revisi_ke", "REVISI KE", str(doc.revisi_ke)))
    return rows


def signer_lines(doc: SopDocument) -> tuple[str, str, str]:
    """Jabatan, nama and ``NIP. …`` of the official under Disahkan oleh."""
    p = doc.disahkan_oleh
    return (p.jabatan or "-", p.nama or "", f"NIP. {format_nip(p.nip)}" if p.nip else "")


def pair_items(doc: SopDocument, field: str) -> list[str]:
    return list(getattr(doc, field))


def layout_identity(doc: SopDocument, kop: Kop, x0: float, y0: float, width: float,
                    changed: frozenset[str] = frozenset(), *, bottom: float = 1e9) -> tuple[list[list[Item]], float]:
    """Draw the identity table from (x0, y0), ``width`` wide, down to ``bottom``; returns the items
    of each page (a pair of boxes that does not fit moves to the next page, starting at ``y0``)
    and the y where the last page's table ends.

    ``changed`` names fields to mark (``--tandai-perubahan``).
    """
    items: list[Item] = []
    pages = [items]
    lh = line_height(SIZE)
    left_w = round(width * 0.42, 3)
    label_w = 42.0
    value_x = x0 + left_w + label_w
    value_w = width - left_w - label_w
    y = y0
    right: list[tuple[str, str, list[str], float]] = []
    for field, label, value in identity_rows(doc):
        lines = wrap(value, value_w - 2 * PAD, SIZE)
        right.append((field, label, lines, len(lines) * lh + 2 * PAD))
    jabatan, nama, nip = signer_lines(doc)
    sign = wrap(jabatan, value_w - 2 * PAD, SIZE)
    sign_h = (len(sign) + 2) * lh + SIGN_SPACE + 2 * PAD
    nama_sop = wrap(doc.nama, value_w - 2 * PAD, SIZE + 1, bold=True)
    right.append(("disahkan_oleh", "DISAHKAN OLEH", sign, sign_h))
    right.append(("nama", "NAMA SOP", nama_sop, len(nama_sop) * line_height(SIZE + 1) + 2 * PAD))
    block_h = sum(h for *_, h in right)
    # Left: the kop (logo above the office's name and unit), as tall as the right block.
    items.append(Rect(x0, y, left_w, block_h))
    name_lines = wrap(kop.instansi.upper(), left_w - 10, 12, bold=True)
    unit_lines = wrap(kop.unit.upper(), left_w - 10, 9, bold=True) if kop.unit else []
    logo_h = 22.0 if kop.logo else 0.0
    text_h = len(name_lines) * line_height(12) + len(unit_lines) * line_height(9) + (3 if logo_h else 0)
    top = y + max(PAD, (block_h - logo_h - text_h) / 2)
    if kop.logo:
        items.append(Image(round(x0 + (left_w - logo_h) / 2, 3), round(top, 3), logo_h, logo_h, kop.logo))
        top += logo_h + 3
    for line in name_lines:
        top += line_height(12)
        items.append(Text(round(x0 + left_w / 2, 3), round(top - 1.2, 3), line, 12, True, "middle"))
    for line in unit_lines:
        top += line_height(9)
        items.append(Text(round(x0 + left_w / 2, 3), round(top - 0.9, 3), line, 9, True, "middle"))
    # Right: label | value rows.
    for field, label, lines, h in right:
        fill = MARK_FILL if field in changed else None
        items.append(Rect(x0 + left_w, y, label_w, h, fill=LABEL_FILL))
        items.append(Text(x0 + left_w + PAD, round(y + PAD + SIZE * 0.34, 3), label, SIZE, True))
        items.append(Rect(value_x, y, value_w, h, fill=fill))
        if field == "disahkan_oleh":
            ty = y + PAD
            for line in lines:
                ty += lh
                items.append(Text(value_x + PAD, round(ty - 0.6, 3), line, SIZE))
            ty += SIGN_SPACE + lh
            items.append(Text(value_x + PAD, round(ty - 0.6, 3), nama or "(nama)", SIZE, True))
            if nip:
                items.append(Text(value_x + PAD, round(ty + lh - 0.6, 3), nip, SIZE))
        else:
            big = field == "nama"
            size = SIZE + 1 if big else SIZE
            for k, line in enumerate(lines):
                items.append(Text(value_x + PAD, round(y + PAD + line_height(size) * (k + 1) - 0.6, 3),
                                  line, size, big))
        y += h
    # The paired boxes.
    half = width / 2
    for (lf, ll), (rf, rl) in PAIRS:
        cols = []
        for field, x in ((lf, x0), (rf, x0 + half)):
            entries = pair_items(doc, field) or ["-"]
            lines: list[str] = []
            numbered = len(entries) > 1
            for k, entry in enumerate(entries, start=1):
                wrapped = wrap(entry, half - 2 * PAD - (5 if numbered else 0), SIZE)
                for j, line in enumerate(wrapped):
                    lines.append((f"{k}." if numbered and j == 0 else "") + "\t" + line if numbered else line)
            cols.append((field, x, lines))
        head_h = lh + 2 * PAD
        body_h = max(len(c[2]) for c in cols) * lh + 2 * PAD
        if y + head_h + body_h > bottom and y > y0:
            items = []
            pages.append(items)
            y = y0
        if y + head_h + body_h > bottom:
            field = max(cols, key=lambda c: len(c[2]))[0]
            raise LayoutError([LayoutProblem(field, "isinya terlalu panjang untuk satu halaman",
                                             "ringkas butir-butirnya, atau cetak di kertas F4")])
        for (field, x, lines), label in zip(cols, (ll, rl), strict=True):
            items.append(Rect(x, y, half, head_h, fill=LABEL_FILL))
            items.append(Text(x + PAD, round(y + PAD + SIZE * 0.34, 3), label + ":", SIZE, True))
            items.append(Rect(x, y + head_h, half, body_h, fill=MARK_FILL if field in changed else None))
            for k, line in enumerate(lines):
                base = round(y + head_h + PAD + lh * (k + 1) - 0.6, 3)
                if "\t" in line:
                    number, text = line.split("\t", 1)
                    if number:
                        items.append(Text(x + PAD, base, number, SIZE))
                    items.append(Text(x + PAD + 5, base, text, SIZE))
                else:
                    items.append(Text(x + PAD, base, line, SIZE))
        y += head_h + body_h
    return pages, y
