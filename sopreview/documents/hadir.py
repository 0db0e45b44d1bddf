"""`sopreview daftar-hadir SESI`: the attendance sheet to sign, as PDF, HTML or DOCX."""

from __future__ import annotations

from pathlib import Path

from sopreview.documents.export import DocumentError
from sopreview.domain.model import Orang
from sopreview.domain.sopdoc.attendance import COLUMNS, SheetInfo, jabatan_unit, layout_attendance
from sopreview.domain.sopdoc.geometry import Paper, paper
from sopreview.domain.dates import dengan_zona, hari_tanggal_teks, rentang_waktu
from sopreview.minutes.export import ExportError, check_target
from sopreview.durable.files import atomic_write


def sheet_from_session(session_path: Path) -> tuple[SheetInfo, list[Orang], str]:
    """What the sheet prints, read from the session (read-only); also the paper named in organisasi.yaml."""
    from sopreview.store.session import Session

    session = Session.open(session_path, readonly=True)
    try:
        meta, org, people = session.meta, session.organisasi, session.people()
    finally:
        session.close()
    info = SheetInfo(org.nama, meta.judul, hari_tanggal_teks(meta.tanggal),
                     dengan_zona(rentang_waktu(meta.waktu_mulai, meta.waktu_selesai), org.zona_waktu), meta.tempat)
    return info, people, org.kertas


def render_sheet(fmt: str, info: SheetInfo, people: list[Orang], kertas: Paper, blank: int) -> bytes:
    if fmt == "pdf":
        from sopreview.documents.pdf import render_pdf

        return render_pdf(layout_attendance(info, people, kertas, blank=blank), judul="Daftar Hadir")
    if fmt == "html":
        from sopreview.documents.svg import render_html

        return render_html(layout_attendance(info, people, kertas, blank=blank), "Daftar Hadir").encode("utf-8")
    return _docx(info, people, kertas, blank)


def _docx(info: SheetInfo, people: list[Orang], kertas: Paper, blank: int) -> bytes:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    from sopreview.documents.docx import new_document, save, table

    document = new_document(kertas)
    for text, size in (("DAFTAR HADIR", 14), (info.instansi.upper(), 11)):
        p = document.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(text)
        run.bold = True
        run.font.size = Pt(size)
    for label, value in (("Rapat", info.judul), ("Hari/Tanggal", info.hari_tanggal), ("Waktu", info.waktu),
                         ("Tempat", info.tempat)):
        document.add_paragraph(f"{label}\t: {value or '-'}")
    rows = [[str(k), o.nama, jabatan_unit(o), ""] for k, o in enumerate(people, start=1)]
    rows += [[str(len(people) + k), "", "", ""] for k in range(1, blank + 1)]
    width = kertas.lebar - 20
    t = table(document, list(COLUMNS), rows, [10, width * 0.3, width * 0.33, width * 0.37 - 10], size=9)
    for n, row in enumerate(t.rows[1:], start=1):  # type: ignore[attr-defined]
        row.height = Mm(11)
        cell = row.cells[3]
        p = cell.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.LEFT if n % 2 else WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(f"{n}. ..............................")
    return save(document)


def write_sheet(session_path: Path, formats: list[str], out: Path | None, *, kertas_flag: str | None = None,
                blank: int = 5) -> list[Path]:
    """Write the sheet next to the session (``<name>-daftar-hadir.<fmt>``) or to ``out`` (file or folder)."""
    if blank < 0 or blank > 200:
        raise DocumentError("Jumlah baris tamu harus antara 0 dan 200.")
    info, people, org_paper = sheet_from_session(session_path)
    sheet = paper(kertas_flag or org_paper or "A4", landscape=False)
    written = []
    for fmt in formats:
        name = f"{session_path.stem}-daftar-hadir.{fmt}"
        if out is None:
            target = session_path.with_name(name)
        elif out.is_dir():
            target = out / name
        else:
            target = out if len(formats) == 1 else out.with_suffix(f".{fmt}")
        try:
            place = check_target(target)
        except ExportError as exc:
            raise DocumentError(str(exc)) from None
        if place.resolve() == session_path.resolve():
            raise DocumentError(f"'{place}' adalah berkas sesi; daftar hadir tidak ditulis di atasnya.")
        try:
            atomic_write(place, render_sheet(fmt, info, people, sheet, blank))
        except OSError as exc:
            raise DocumentError(f"Tidak dapat menulis '{place}': {exc.strerror or exc}.") from exc
        written.append(place)
    return written
