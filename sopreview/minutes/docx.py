"""Notulen as a Word document staff can edit: real headings, real tables, A4.

The same session must give the same bytes (the file is archived and compared), so the
core properties carry the meeting date instead of "now", and the saved zip is rewritten
with fixed entry timestamps in a stable order (``docx_writer.stable_zip``).
"""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from sopreview.domain import dates
from sopreview.minutes.docx_writer import BodyWriter, Run, clean, stable_zip
from sopreview.minutes.model import ItemNotulen, Minutes

FONT = "Arial"
TABLE_SIZE = 10.0
TEXT_WIDTH_MM = 165.0
"""A4 (210 mm) minus the 25 mm left and 20 mm right margins."""


def _styles(doc: DocxDocument) -> None:
    """Black Arial throughout, as tata naskah dinas documents look (not Word's blue headings)."""
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(11)
    normal.paragraph_format.space_after = Pt(4)
    for level, size in ((1, 14), (2, 12), (3, 11.5), (4, 11)):
        style = doc.styles[f"Heading {level}"]
        style.font.name, style.font.size = FONT, Pt(size)
        style.font.bold, style.font.italic = True, False
        style.font.color.rgb = RGBColor(0, 0, 0)
        rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(attr), None)
        style.paragraph_format.space_before = Pt(10 if level > 1 else 6)
        style.paragraph_format.space_after = Pt(4)
        style.paragraph_format.keep_with_next = True


def _page(doc: DocxDocument) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(25), Mm(20)


def _properties(doc: DocxDocument, m: Minutes) -> None:
    """Metadata from the session, never from the clock."""
    start = dates.session_datetime(m.tanggal_iso)
    props = doc.core_properties
    props.title = clean(f"Notulen Rapat \u2013 {m.judul}")
    props.subject = clean(m.judul)
    props.author = clean(m.notulis or m.kop.instansi)
    props.last_modified_by = clean(m.notulis or m.kop.instansi)
    props.comments = "Dibuat dengan sopreview"
    props.category = "Notulen Rapat"
    props.keywords = "notulen, SOP"
    props.revision = 1
    props.created = props.modified = props.last_printed = start


def _drop_thumbnail(doc: DocxDocument) -> None:
    """The template's thumbnail shows python-docx's empty page, not these minutes."""
    rels = doc.part.package.rels
    for rid in [rid for rid, rel in rels.items() if rel.reltype == RT.THUMBNAIL]:
        rels.pop(rid)


class _Notulen:
    """Lays the Minutes out in notulen order: kop, header, kegiatan rapat, keputusan, ttd, lampiran."""

    def __init__(self, doc: DocxDocument) -> None:
        self.w = BodyWriter(doc)

    def heading(self, text: str, level: int, page_break: bool = False) -> None:
        self.w.paragraph([Run(text)], style=f"Heading {level}", page_break=page_break)

    def para(self, text: str, label: str = "", bold_text: bool = False) -> None:
        runs = [Run(f"{label}: ", bold=True)] if label else []
        self.w.paragraph([*runs, Run(text, bold=bold_text)])

    def table(self, header: list[str], rows: list[list[str]], widths: list[float]) -> None:
        self.w.table([header, *rows], widths, size=TABLE_SIZE)
        self.w.paragraph([])

    def info(self, rows: list[tuple[str, str]]) -> None:
        """``Label : value`` lines as a borderless table, as the notulen header is laid out."""
        self.w.table([[k, ":", v or "\u2013"] for k, v in rows], [35, 4, TEXT_WIDTH_MM - 39],
                     grid=False, header=False)
        self.w.paragraph([])

    def kop(self, m: Minutes) -> None:
        runs = [Run(m.kop.instansi.upper(), bold=True, size=14)]
        if m.kop.alamat:
            runs.append(Run("\n" + m.kop.alamat, size=10))
        self.w.paragraph(runs, align="center", border_bottom=True)
        self.w.paragraph([Run("NOTULEN RAPAT")], style="Heading 1", align="center")
        if m.catatan_sampel:
            self.w.paragraph([Run(m.catatan_sampel, italic=True)])

    def item(self, item: ItemNotulen) -> None:
        self.heading(f"{item.no}. {item.nama}", 4)
        self.para(f"SOP {item.jenis}", "Jenis usulan")
        self.para(item.penyaji or "\u2013", "Penyaji")
        for label, value in (("Ringkasan", item.ringkasan), ("Alasan", item.alasan),
                             ("Perubahan dari SOP yang berlaku", item.perubahan),
                             ("Riwayat pembahasan", "\n".join(item.riwayat))):
            if value.strip():
                self.para(value.strip(), label)
        self.para(item.pembahasan.strip() or "Tidak ada catatan.", "Catatan pembahasan")
        ev = item.penilaian
        if ev is None:
            self.para("Belum dievaluasi.", "Hasil evaluasi")
        else:
            self.para(ev.teks + ".", "Hasil evaluasi")
            if ev.tidak_terpenuhi:
                self.para("; ".join(ev.tidak_terpenuhi) + ".", "Kriteria tidak terpenuhi")
            if ev.belum_dinilai:
                self.para("; ".join(ev.belum_dinilai) + ".", "Kriteria belum dinilai")
            if ev.catatan.strip():
                self.para(ev.catatan.strip(), "Catatan evaluasi")
            if ev.tindakan.strip():
                self.para(ev.tindakan.strip(), "Tindakan yang harus diambil")
        self.para(item.keputusan_label, "Keputusan", bold_text=True)
        if item.catatan_keputusan.strip():
            self.para(item.catatan_keputusan.strip(), "Catatan keputusan")
        for t in item.tindak_lanjut:
            self.para(f"{t.apa} (oleh {t.siapa or '–'}, batas waktu {t.kapan or '–'})", "Tindak lanjut")

    def keputusan(self, m: Minutes) -> None:
        self.heading("3. Keputusan / Kesimpulan", 3, page_break=True)
        self.table(["No", "Sub Bagian", "SOP", "Jenis", "Keputusan", "Catatan"],
                   [[str(i.no), i.subbag_nama, i.nama, i.jenis_label, i.keputusan_label, i.catatan_keputusan]
                    for i in m.items], [9, 34, 46, 23, 25, 28])
        self.heading("Rekapitulasi keputusan", 4)
        header, rows = m.tabel_rekap()
        rest = (TEXT_WIDTH_MM - 55) / (len(header) - 1)
        self.table(header, rows, [55] + [rest] * (len(header) - 1))
        self.para(m.ringkasan_keputusan)
        self.heading("Dibawa ke rapat berikutnya", 4)
        if not m.dibawa:
            self.para("Tidak ada.")
        for n, i in enumerate(m.dibawa, start=1):
            note = f": {i.catatan_keputusan.strip()}" if i.catatan_keputusan.strip() else ""
            self.para(f"{n}. {i.nama} ({i.keputusan_label.lower()}){note}")
        self.heading("Tindak lanjut", 4)
        if m.tindak_lanjut:
            self.table(["No", "Tindakan", "Terkait", "Penanggung jawab", "Batas waktu"],
                       [[str(t.no), t.apa, t.terkait, t.siapa, t.kapan] for t in m.tindak_lanjut],
                       [9, 60, 38, 32, 26])
        else:
            self.para("Tidak ada.")
        if m.kesimpulan.strip():
            self.heading("Kesimpulan", 4)
            self.para(m.kesimpulan.strip())

    def ttd(self, m: Minutes) -> None:
        """Signatures side by side, one row per line so the names line up; never split over pages."""
        self.w.paragraph([], keep_next=True)
        if m.tempat_tanggal_ttd:
            self.w.paragraph([Run(m.tempat_tanggal_ttd)], align="right", keep_next=True)
        people = m.penandatangan
        lines: list[list[Run]] = [[Run(f"{x.peran},") for x in people]]
        if any(x.jabatan for x in people):
            lines.append([Run(x.jabatan) for x in people])
        lines.append([Run("\n\n\n") for _ in people])
        lines.append([Run(x.nama or " " * 30, bold=True, underline=True) for x in people])
        if any(x.pangkat for x in people):
            lines.append([Run(x.pangkat) for x in people])
        if any(x.nip for x in people):
            lines.append([Run(f"NIP {x.nip}" if x.nip else "") for x in people])
        width = TEXT_WIDTH_MM / max(1, len(people))
        self.w.table([[[run] for run in line] for line in lines], [width] * len(people),
                     grid=False, header=False, align="center", keep_together=True)


def build(m: Minutes) -> DocxDocument:
    """The python-docx document (tests read it directly)."""
    doc = Document()
    _page(doc)
    _styles(doc)
    _drop_thumbnail(doc)
    _properties(doc, m)
    out = _Notulen(doc)
    out.kop(m)
    out.info([("Rapat", m.judul), ("Hari/Tanggal", m.hari_tanggal), ("Waktu", m.waktu),
              ("Tempat", m.tempat), ("Surat Undangan", m.surat_undangan)])
    out.heading("Acara", 2)
    for n, acara in enumerate(m.acara, start=1):
        out.para(f"{n}. {acara}")
    if not m.acara:
        out.para("\u2013")
    out.heading("Pimpinan Rapat", 2)
    out.info([("Ketua", m.ketua), ("Sekretaris", m.sekretaris), ("Notulis", m.notulis)])
    out.heading("Peserta", 2)
    out.para(f"{m.kalimat_peserta()} Daftar hadir terlampir.")
    out.heading("Kegiatan Rapat", 2)
    out.heading("1. Pembukaan", 3)
    out.para(m.pembukaan.strip() or "Tidak ada catatan.")
    out.heading("2. Pembahasan", 3, page_break=True)
    for n, bagian in enumerate(m.pembahasan, start=1):
        out.heading(f"2.{n} {bagian.judul}", 3, page_break=n > 1)
        if bagian.kepala:
            out.para(bagian.kepala, "Kepala Sub Bagian")
        for item in bagian.items:
            out.item(item)
    out.keputusan(m)
    out.ttd(m)
    out.heading("Lampiran: Daftar Hadir", 2, page_break=True)
    out.table(["No", "Nama", "Jabatan", "Keterangan"],
              [[str(h.no), h.nama, h.jabatan, h.keterangan] for h in m.daftar_hadir], [9, 55, 61, 40])
    return doc


def render(m: Minutes) -> bytes:
    buffer = io.BytesIO()
    build(m).save(buffer)
    return stable_zip(buffer.getvalue(), dates.session_datetime(m.tanggal_iso))
