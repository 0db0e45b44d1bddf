"""`export --sop-appendix`: the minutes followed by the SOP documents the meeting adopted.

Adopted means *disetujui* or *disetujui dengan perbaikan* (the latter still stamped RANCANGAN
until the fixes are in). PDF and HTML append the same pages `sopreview dokumen` prints; DOCX
appends a landscape section per SOP with the editable identity and step tables.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sopreview.documents.export import DocumentError, choose_paper, from_session, layout_all
from sopreview.domain.sopdoc.document import sop_pages
from sopreview.minutes.export import ExportError, check_target, suffix_problem
from sopreview.durable.files import atomic_write

APPENDIX_FORMATS = ("pdf", "html", "docx")
ADOPTED_FOR_APPENDIX = frozenset({"disetujui", "disetujui_dengan_perbaikan"})


def adopted_prints(session_path: Path) -> list:
    from sopreview.store.session import Session

    source = from_session(session_path)
    with Session.open(session_path, readonly=True) as session:
        chosen = [p for p in source.proposals
                  if (d := session.decision(p.id)) is not None and d.keputusan in ADOPTED_FOR_APPENDIX]
    kertas = choose_paper(None, source.organisasi)
    return layout_all(source, chosen, kertas), kertas


def render_with_appendix(session_path: Path, fmt: str) -> bytes:
    from sopreview.minutes.build import build_minutes
    from sopreview.store.session import Session

    if fmt not in APPENDIX_FORMATS:
        raise DocumentError(f"--sop-appendix hanya untuk format {', '.join(APPENDIX_FORMATS)}, bukan {fmt}.")
    with Session.open(session_path, readonly=True) as session:
        minutes = build_minutes(session)
    printed, kertas = adopted_prints(session_path)
    if fmt == "pdf":
        from sopreview.documents.pdf import draw_pages
        from sopreview.minutes.pdf import build

        # Drawn twice: the first pass counts the minutes' pages for their "Halaman k dari n".
        pdf = build(minutes, halaman_notulen=build(minutes).page_no())
        for _, sop, _ in printed:
            draw_pages(pdf, sop_pages(sop))
        return bytes(pdf.output())
    if fmt == "html":
        from sopreview.documents.svg import page_svg
        from sopreview.minutes.html import render

        html = render(minutes).decode("utf-8")
        w, h = kertas.lebar, kertas.tinggi
        sheets = "\n".join(f'<section class="halaman-sop">{page_svg(p)}</section>'
                           for _, sop, _ in printed for p in sop_pages(sop))
        appendix = (f"<style>@page sop {{ size: {w:g}mm {h:g}mm; margin: 0; }} section.halaman-sop {{ page: sop; "
                    "break-before: page; } section.halaman-sop svg { display: block; }</style>\n"
                    f'<h2 class="lampiran-sop">Lampiran: Dokumen SOP yang disetujui</h2>\n{sheets}\n')
        return html.replace("</body>", appendix + "</body>", 1).encode("utf-8")
    from sopreview.documents.docx import DocxSop, save, sop_section
    from sopreview.minutes.docx import build as build_docx

    document = build_docx(minutes)
    for proposal, sop, kop in printed:
        sop_section(document, DocxSop(proposal.dokumen, sop, kop), kertas, new=True)
    return save(document)


def export_with_appendix(session_path: Path, fmt: str, target: Path, *,
                         guard: Callable[[Path, str], str | None] | None = None) -> Path:
    problem = suffix_problem(fmt, target) or (guard(target, f".{fmt}") if guard is not None else None)
    if problem:
        raise DocumentError(problem)
    try:
        place = check_target(target)
    except ExportError as exc:
        raise DocumentError(str(exc)) from None
    if place.resolve() == session_path.resolve():
        raise DocumentError(f"'{place}' adalah berkas sesi; notulen tidak ditulis di atasnya.")
    data = render_with_appendix(session_path, fmt)
    try:
        atomic_write(place, data)
    except OSError as exc:
        raise DocumentError(f"Tidak dapat menulis '{place}': {exc.strerror or exc}.") from exc
    return place
