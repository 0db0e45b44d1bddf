"""Write the Daftar SOP to one file: the format registry and the safe write (never into sops/)."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sopreview.domain.register import Register
from sopreview.minutes.export import ExportError, check_target
from sopreview.durable.files import atomic_write
from sopreview.register.layout import RegisterSheet, build_sheet


@dataclass(frozen=True)
class RegisterFormat:
    """One output format of the Daftar SOP (like ``minutes.formats``: a key, a label, a renderer)."""

    key: str
    label: str
    module: str
    function: str

    def renderer(self) -> Callable[[RegisterSheet], bytes]:
        """Imported only when used: listing the formats never loads python-docx or fpdf2."""
        render: Callable[[RegisterSheet], bytes] = getattr(importlib.import_module(self.module), self.function)
        return render


FORMATS: tuple[RegisterFormat, ...] = (
    RegisterFormat("md", "Markdown", "sopreview.register.text", "render_md"),
    RegisterFormat("html", "HTML", "sopreview.register.html", "render_html"),
    RegisterFormat("docx", "Word (DOCX)", "sopreview.register.docx", "render_docx"),
    RegisterFormat("csv", "CSV", "sopreview.register.text", "render_csv"),
    RegisterFormat("pdf", "PDF (lampiran keputusan)", "sopreview.register.pdf", "render_pdf"),
)


def format_keys() -> tuple[str, ...]:
    return tuple(f.key for f in FORMATS)


def renderer(fmt: str) -> Callable[[RegisterSheet], bytes]:
    found = next((f for f in FORMATS if f.key == fmt), None)
    if found is None:
        raise ExportError(f"Format '{fmt}' tidak dikenal. Pilih salah satu: {', '.join(format_keys())}.")
    return found.renderer()


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
        atomic_write(target, data)
    except OSError as exc:
        raise ExportError(f"Tidak dapat menulis '{target}': {exc.strerror or exc}.") from exc
    return target
