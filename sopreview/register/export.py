"""Write the Daftar SOP to one file: the format registry and the safe write (never into sops/)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sopreview.domain.register import Register
from sopreview.minutes.export import ExportError, check_target, write_atomic
from sopreview.register.layout import RegisterSheet, build_sheet

FORMATS: dict[str, str] = {"md": "Markdown", "html": "HTML", "docx": "Word (DOCX)", "csv": "CSV",
                           "pdf": "PDF (lampiran keputusan)"}


def renderer(fmt: str) -> Callable[[RegisterSheet], bytes]:
    """The renderer of ``fmt``; python-docx and fpdf2 load only when asked."""
    if fmt == "md":
        from sopreview.register.text import render_md as render
    elif fmt == "csv":
        from sopreview.register.text import render_csv as render
    elif fmt == "html":
        from sopreview.register.html import render_html as render
    elif fmt == "docx":
        from sopreview.register.docx import render_docx as render
    elif fmt == "pdf":
        from sopreview.register.pdf import render_pdf as render
    else:
        raise ExportError(f"Format '{fmt}' tidak dikenal. Pilih salah satu: {', '.join(FORMATS)}.")
    return render


def render_register(register: Register, fmt: str, instansi: str = "") -> bytes:
    return renderer(fmt)(build_sheet(register, instansi))


def write_register(register: Register, fmt: str, output: Path, *, instansi: str = "",
                   protected: Path | None = None) -> Path:
    """Write atomically to ``output``; refuses a place inside ``protected`` (the sops folder is input)."""
    target = check_target(output)
    if protected is not None and target.is_relative_to(Path(protected).resolve()):
        raise ExportError(f"'{output}' berada di dalam folder SOP {protected}; simpan daftar di luar folder itu.")
    data = render_register(register, fmt, instansi)
    try:
        write_atomic(target, data)
    except OSError as exc:
        raise ExportError(f"Tidak dapat menulis '{target}': {exc.strerror or exc}.") from exc
    return target
