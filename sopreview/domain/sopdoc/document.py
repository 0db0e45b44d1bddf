"""One SOP AP document (identity page + flowchart pages), a bundle of them, page furniture.

Status on the page: a proposal not yet adopted carries a RANCANGAN stamp on every page; a
document printed from a session names the meeting's decision and date in the footer; with
``tandai`` the rows and identity fields that differ from the version in force are shaded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sopreview.domain.amendment import Amended, tracked_diff
from sopreview.domain.changes import HAPUS, TAMBAH, UBAH, diff_sop, summary_text
from sopreview.domain.model import SopDocument
from sopreview.domain.sopdoc.flowtable import Area, FlowTable, layout_table
from sopreview.domain.sopdoc.geometry import Item, Page, Paper, Rect, Text
from sopreview.domain.sopdoc.grid import GridColumn, layout_grid
from sopreview.domain.sopdoc.identity import Kop, layout_identity
from sopreview.domain.sopdoc.metrics import wrap

MARGIN = 10.0
TOP = 16.0
"""Body starts here; above it the title line and the RANCANGAN stamp."""
FOOT = 12.0
"""Room under the body for the footer."""
STAMP = "RANCANGAN"
RED = "c00000"


@dataclass(frozen=True)
class Status:
    """What the page says about the document's standing."""

    rancangan: bool = True
    keputusan: str = ""
    """Footer line from a session, e.g. ``Keputusan rapat Kamis, 16 Juni 2022: Disetujui``."""


@dataclass(frozen=True)
class Perubahan:
    """What ``--tandai-perubahan`` marks: changed steps, changed identity fields, and a note."""

    langkah: frozenset[int] = frozenset()
    identitas: frozenset[str] = frozenset()
    catatan: tuple[str, ...] = ()
    penjelasan: str = "Latar kuning: bagian yang berubah terhadap versi berlaku."
    """The legend under the identity table: what the shading means."""


def changes_against(old: SopDocument, new: SopDocument) -> Perubahan:
    """Steps added or changed (by their new number), identity fields changed, removed steps in words."""
    diff = diff_sop(old, new)
    steps = frozenset(c.baru.nomor for c in diff.langkah if c.jenis in (TAMBAH, UBAH) and c.baru)
    removed = [f"langkah lama {c.lama.nomor} ({c.lama.kegiatan}) dihapus" for c in diff.langkah
               if c.jenis == HAPUS and c.lama]
    notes = [f"Perubahan terhadap versi berlaku: {summary_text(diff)}."] + removed
    return Perubahan(steps, frozenset(f.field for f in diff.identitas), tuple(notes))


def changes_in_meeting(submitted: SopDocument, amended: Amended) -> Perubahan:
    """The document "as amended" (issue 15): the steps the meeting changed, the identity lists it
    replaced, and each amendment in words, as the minutes list them."""
    identity = frozenset(tracked_diff(submitted, amended).identitas)
    notes = ("Diubah dalam rapat (amandemen):",
             *(f"{n}. {line}" for n, line in enumerate(amended.uraian, start=1)))
    return Perubahan(amended.amended_steps, identity, notes,
                     "Latar kuning: bagian yang diubah dalam rapat (amandemen) terhadap usulan semula.")


@dataclass(frozen=True)
class SopPrint:
    """A laid-out SOP document: its pages (without footers yet) and the flowchart model behind them."""

    nama: str
    nomor: str
    pages: tuple[Page, ...]
    flow: FlowTable
    status: Status
    perubahan: Perubahan | None = None
    """What ``--tandai-perubahan`` marked, for renderers that mark it their own way (DOCX tables)."""


def layout_sop(doc: SopDocument, kop: Kop, kertas: Paper, status: Status = Status(),
               perubahan: Perubahan | None = None) -> SopPrint:
    """Identity page then flowchart pages, each with the title line and (for a draft) the stamp."""
    width = kertas.lebar - 2 * MARGIN
    changed = perubahan or Perubahan()
    title = f"SOP {doc.nama}" if not doc.nama.upper().startswith("SOP") else doc.nama
    identity, bottom = layout_identity(doc, kop, MARGIN, TOP, width, changed.identitas,
                                       bottom=kertas.tinggi - FOOT)
    pages = [_page(kertas, body, title, status, "identitas") for body in identity[:-1]]
    items = identity[-1]
    y = bottom + 4
    notes = list(changed.catatan)
    if perubahan is not None:
        notes.append(changed.penjelasan)
    for note in notes:
        for line in wrap(note, width, 8):
            y += 3.6
            items.append(Text(MARGIN, round(y, 3), line, 8))
    pages.append(_page(kertas, items, title, status, "identitas"))
    area = Area(MARGIN, TOP, width, kertas.tinggi - TOP - FOOT)
    flow = layout_table(doc, area, tandai=changed.langkah)
    for fp in flow.pages:
        pages.append(_page(kertas, list(fp.items), title, status, "flowchart"))
    return SopPrint(doc.nama, doc.nomor, tuple(pages), flow, status, perubahan)


def _page(kertas: Paper, body: list[Item], title: str, status: Status, bagian: str) -> Page:
    items: list[Item] = [Text(MARGIN, 11.0, title, 9, True)]
    if status.rancangan:
        items += stamp(kertas)
    return Page(kertas, tuple(items + body), title, bagian)


def stamp(kertas: Paper) -> list[Item]:
    """The RANCANGAN mark, boxed in red at the top right."""
    w = 34.0
    x = kertas.lebar - MARGIN - w
    return [Rect(x, 5.0, w, 8.0, stroke=RED, tebal=0.6),
            Text(round(x + w / 2, 3), 10.8, STAMP, 11, True, "middle", RED)]


def with_footers(pages: Sequence[Page], left: Sequence[str], right: Sequence[str]) -> list[Page]:
    """Add each page's footer: ``left`` (decision) and ``right`` (page numbers) texts."""
    out = []
    for page, lt, rt in zip(pages, left, right, strict=True):
        y = page.kertas.tinggi - 6.0
        extra: list[Item] = []
        if lt:
            extra.append(Text(MARGIN, y, lt, 7.5))
        if rt:
            extra.append(Text(page.kertas.lebar - MARGIN, y, rt, 7.5, anchor="end"))
        out.append(Page(page.kertas, page.items + tuple(extra), page.judul, page.bagian))
    return out


def sop_pages(sop: SopPrint) -> list[Page]:
    """A single document's pages with footers: decision on the left, ``Halaman k dari n`` right."""
    n = len(sop.pages)
    return with_footers(sop.pages, [sop.status.keputusan] * n, [f"Halaman {k} dari {n}" for k in range(1, n + 1)])


@dataclass(frozen=True)
class BundleEntry:
    sop: SopPrint
    unit: str = ""


@dataclass(frozen=True)
class Bundle:
    pages: tuple[Page, ...]
    starts: tuple[int, ...] = field(default=())
    """1-based page where each SOP starts."""


def layout_bundle(entries: Sequence[BundleEntry], kertas: Paper, judul: str, subjudul: str = "") -> Bundle:
    """Table of contents (No · Nama SOP · Nomor · Unit · Status · Halaman), then every document."""
    width = kertas.lebar - 2 * MARGIN
    cols = [GridColumn("No", 12, "middle"), GridColumn("Nama SOP", width * 0.36),
            GridColumn("Nomor SOP", width * 0.2), GridColumn("Unit / Sub Bagian", width * 0.2),
            GridColumn("Status", width - 12 - width * 0.76 - 20), GridColumn("Halaman", 20, "middle")]

    def toc(starts: list[int]) -> list[list[Item]]:
        rows = [[str(k), e.sop.nama, e.sop.nomor or "-", e.unit,
                 "Rancangan" if e.sop.status.rancangan else (e.sop.status.keputusan or "Berlaku"), str(s)]
                for k, (e, s) in enumerate(zip(entries, starts, strict=True), start=1)]
        return layout_grid(cols, rows, MARGIN, 34.0, TOP, kertas.tinggi - FOOT, size=8.5)

    toc_pages = len(toc([0] * len(entries)))
    starts, at = [], toc_pages + 1
    for e in entries:
        starts.append(at)
        at += len(e.sop.pages)
    pages: list[Page] = []
    for k, body in enumerate(toc(starts)):
        head: list[Item] = []
        if k == 0:
            head = [Text(kertas.lebar / 2, 18.0, "DAFTAR ISI", 13, True, "middle"),
                    Text(kertas.lebar / 2, 24.0, judul, 10, True, "middle")]
            if subjudul:
                head.append(Text(kertas.lebar / 2, 29.0, subjudul, 9, anchor="middle"))
        pages.append(Page(kertas, tuple(head + body), "Daftar Isi", "daftar-isi"))
    lefts, rights = ["" for _ in pages], ["" for _ in pages]
    for e in entries:
        n = len(e.sop.pages)
        pages += e.sop.pages
        lefts += [e.sop.status.keputusan] * n
        rights += [f"Halaman {k} dari {n}" for k in range(1, n + 1)]
    total = len(pages)
    rights = [f"{r} · hlm. {k}/{total}" if r else f"hlm. {k}/{total}" for k, r in enumerate(rights, start=1)]
    return Bundle(tuple(with_footers(pages, lefts, rights)), tuple(starts))
