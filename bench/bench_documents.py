"""SOP documents to PDF: the 14 sample SOPs, and a 60-step 8-actor SOP against plain text.

Prints medians and ratios against baselines measured in the same run:
- all 14 sample SOPs, laid out and rendered to PDF one file each (target: under 3 s in total);
- the 60-step, 8-actor SOP (identity + flowchart pages) against the same number of pages of plain
  text (40 lines a page) drawn by the same engine (fpdf2);
- the engine trial behind the choice of fpdf2: the same laid-out pages drawn by typst (its wheel
  carries the compiler and fonts) as absolutely placed shapes and text, when typst is installed.

Run: ``.venv/bin/python bench/bench_documents.py`` (``pip install typst==0.15.2`` for the trial).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fpdf import FPDF  # noqa: E402

from sopreview.documents.pdf import render_pdf  # noqa: E402
from sopreview.domain.loader import load_sops  # noqa: E402
from sopreview.domain.sopdoc.document import layout_sop, sop_pages  # noqa: E402
from sopreview.domain.sopdoc.geometry import Image, Page, Path as Line, Rect, Shape, Text, paper  # noqa: E402
from sopreview.domain.sopdoc.identity import Kop  # noqa: E402
from tests.documents.builders import big_sop  # noqa: E402

RUNS = 5
A4 = paper("A4")


def median(fn: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def plain_text_pdf(pages: int) -> bytes:
    pdf = FPDF(unit="mm", orientation="L")
    pdf.set_font("helvetica", size=9)
    for n in range(pages):
        pdf.add_page()
        for k in range(40):
            pdf.text(10, 12 + k * 4.5, f"Halaman {n + 1} baris {k + 1}: teks biasa sebagai pembanding kecepatan.")
    return bytes(pdf.output())


def _typst_source(pages: list[Page]) -> str:
    """The laid-out pages as typst: every primitive placed at its millimetre position."""
    def s(v: str) -> str:
        return v.replace("\\", "\\\\").replace('"', '\\"')

    out = ['#set text(font: "Liberation Sans")']
    for k, page in enumerate(pages):
        if k:
            out.append("#pagebreak()")
        out.append(f"#set page(width: {page.kertas.lebar}mm, height: {page.kertas.tinggi}mm, margin: 0mm)")
        for i in page.items:
            if isinstance(i, Rect):
                fill = f"rgb(\"#{i.fill}\")" if i.fill else "none"
                stroke = f"{i.tebal}mm + rgb(\"#{i.stroke}\")" if i.stroke else "none"
                out.append(f"#place(dx: {i.x:.2f}mm, dy: {i.y:.2f}mm, rect(width: {i.w:.2f}mm, height: {i.h:.2f}mm, "
                           f"fill: {fill}, stroke: {stroke}))")
            elif isinstance(i, Shape):
                pts = ", ".join(f"({x:.2f}mm, {y:.2f}mm)" for x, y in i.outline())
                out.append(f"#place(polygon(fill: white, stroke: 0.3mm, {pts}))")
            elif isinstance(i, Line):
                for (x0, y0), (x1, y1) in zip(i.points, i.points[1:], strict=False):
                    out.append(f"#place(line(start: ({x0:.2f}mm, {y0:.2f}mm), end: ({x1:.2f}mm, {y1:.2f}mm), "
                               f"stroke: {i.tebal}mm))")
                if i.panah:
                    head = ", ".join(f"({x:.2f}mm, {y:.2f}mm)" for x, y in i.arrowhead())
                    out.append(f"#place(polygon(fill: black, {head}))")
            elif isinstance(i, Text):
                weight = ', weight: "bold"' if i.bold else ""
                out.append(f"#place(dx: {i.x:.2f}mm, dy: {i.y - i.size * 0.3:.2f}mm, "
                           f"text(size: {i.size}pt{weight})[#\"{s(i.teks)}\"])")
            elif isinstance(i, Image):
                pass
    return "\n".join(out)


def main() -> None:
    result = load_sops(ROOT / "sops")
    kop = Kop(result.organisasi.nama, "Sub Bagian")
    docs = [p.dokumen for p in result.proposals]

    def all_14() -> list[bytes]:
        return [render_pdf(sop_pages(layout_sop(d, kop, A4))) for d in docs]

    big = big_sop()
    big_pages = sop_pages(layout_sop(big, kop, A4))
    pages14 = sum(len(layout_sop(d, kop, A4).pages) for d in docs)
    t14 = median(all_14)
    t_layout = median(lambda: [layout_sop(d, kop, A4) for d in docs])
    t_plain14 = median(lambda: plain_text_pdf(pages14))
    t_big = median(lambda: render_pdf(sop_pages(layout_sop(big, kop, A4))))
    t_plain = median(lambda: plain_text_pdf(len(big_pages)))
    print(f"14 sample SOPs ({pages14} pages) to PDF, fpdf2: {t14 * 1000:.0f} ms "
          f"(layout alone {t_layout * 1000:.0f} ms; target < 3000 ms); "
          f"plain text, same pages: {t_plain14 * 1000:.0f} ms ({t14 / t_plain14:.1f}x)")
    print(f"60-step 8-actor SOP ({len(big_pages)} pages) to PDF, fpdf2: {t_big * 1000:.0f} ms; "
          f"plain text, same pages: {t_plain * 1000:.0f} ms; ratio {t_big / t_plain:.1f}x")
    try:
        import typst
    except ImportError:
        print("typst not installed: engine trial skipped (pip install typst==0.15.2)")
        return
    sources = [_typst_source(sop_pages(layout_sop(d, kop, A4))).encode("utf-8") for d in docs]
    t_typst14 = median(lambda: [typst.compile(src, format="pdf") for src in sources], runs=3)
    src_big = _typst_source(big_pages).encode("utf-8")
    t_typst_big = median(lambda: typst.compile(src_big, format="pdf"), runs=3)
    size_fpdf = sum(len(b) for b in all_14())
    size_typst = sum(len(typst.compile(src, format="pdf")) for src in sources)
    print(f"engine trial, same layout: typst {t_typst14 * 1000:.0f} ms for the 14 ({t_typst14 / t14:.1f}x fpdf2), "
          f"{t_typst_big * 1000:.0f} ms for the 60-step SOP ({t_typst_big / t_big:.1f}x); "
          f"bytes fpdf2 {size_fpdf // 1024} KiB vs typst {size_typst // 1024} KiB")


if __name__ == "__main__":
    main()
