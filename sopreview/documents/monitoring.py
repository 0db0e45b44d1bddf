"""The blank monitoring form as PDF, HTML or DOCX (issue 14), with the documents engine of issue 12.

One SOP per file, or all SOPs due in one file (each from a new page). Written atomically to the
place the user named, never inside the ``sops/`` folder it was read from.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sopreview.documents.export import DocumentError
from sopreview.domain.model import SopDocument
from sopreview.domain.monitoring import FORM_COLUMNS
from sopreview.domain.sopdoc.geometry import Paper
from sopreview.domain.sopdoc.monitoring_form import FormInfo, form_rows, identity_lines, layout_forms
from sopreview.durable.files import atomic_write
from sopreview.minutes.export import ExportError, check_target

FORM_FORMATS: tuple[str, ...] = ("pdf", "html", "docx")
TITLE = "Formulir Monitoring SOP"


def render_forms(fmt: str, forms: Sequence[tuple[SopDocument, FormInfo]], kertas: Paper) -> bytes:
    if fmt == "pdf":
        from sopreview.documents.pdf import render_pdf

        return render_pdf(layout_forms(forms, kertas), judul=TITLE)
    if fmt == "html":
        from sopreview.documents.svg import render_html

        return render_html(layout_forms(forms, kertas), TITLE).encode("utf-8")
    if fmt == "docx":
        return _docx(forms, kertas)
    raise DocumentError(f"Format '{fmt}' tidak dikenal. Pilih salah satu: {', '.join(FORM_FORMATS)}.")


def _docx(forms: Sequence[tuple[SopDocument, FormInfo]], kertas: Paper) -> bytes:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Mm, Pt

    from sopreview.documents.docx import new_document, save, table

    document = new_document(kertas)
    width = kertas.lebar - 24
    share = (width - 10 - 48 - 22) / 3
    widths = [10, share * 1.1, 24, 24, share * 0.95, share * 0.95, 22]
    for n, (dokumen, info) in enumerate(forms):
        title = document.add_paragraph()
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if n:
            title.add_run().add_break(WD_BREAK.PAGE)
        run = title.add_run("FORMULIR MONITORING PELAKSANAAN SOP")
        run.bold = True
        run.font.size = Pt(13)
        sub = document.add_paragraph()
        sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
        sub.add_run(info.instansi.upper()).bold = True
        for label, value in identity_lines(dokumen, info):
            document.add_paragraph(f"{label}\t: {value}")
        t = table(document, list(FORM_COLUMNS), form_rows(dokumen), widths, size=8.5)
        for row in t.rows[1:]:  # type: ignore[attr-defined]
            row.height = Mm(14)
    return save(document)


def write_forms(fmt: str, forms: Sequence[tuple[SopDocument, FormInfo]], kertas: Paper, output: Path,
                *, protected: Path) -> Path:
    """Write one file; refuses a place inside ``protected`` (the sops folder is input) or a bad name."""
    if not forms:
        raise DocumentError("Tidak ada SOP untuk dicetak formulirnya.")
    try:
        target = check_target(output)
    except ExportError as exc:
        raise DocumentError(str(exc)) from None
    if target.is_relative_to(Path(protected).resolve()):
        raise DocumentError(f"'{output}' berada di dalam folder SOP {protected}; simpan formulir di luar folder itu.")
    try:
        atomic_write(target, render_forms(fmt, forms, kertas))
    except OSError as exc:
        raise DocumentError(f"Tidak dapat menulis '{target}': {exc.strerror or exc}.") from exc
    return target
