"""Pages to SVG, and SVG pages to one printable HTML file (print CSS: one sheet per page)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from sopreview.domain.sopdoc.geometry import Image, Page, Path, Rect, Shape, Text
from sopreview.domain.sopdoc.metrics import text_width

FONT = "Helvetica, Arial, 'Liberation Sans', sans-serif"
"""Arial and Liberation Sans share Helvetica's widths, which the layout wrapped with."""


def _n(v: float) -> str:
    return f"{v:.2f}".rstrip("0").rstrip(".")


def _pts(points: Sequence[tuple[float, float]]) -> str:
    return " ".join(f"{_n(x)},{_n(y)}" for x, y in points)


def page_svg(page: Page, *, logo_href: dict[str, str] | None = None) -> str:
    """One page as an inline SVG sized in millimetres (user units are mm)."""
    k = page.kertas
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{_n(k.lebar)}mm" height="{_n(k.tinggi)}mm" '
           f'viewBox="0 0 {_n(k.lebar)} {_n(k.tinggi)}" font-family="{escape(FONT)}">',
           f'<title>{escape(page.judul)}</title>']
    for item in page.items:
        if isinstance(item, Rect):
            fill = f"#{item.fill}" if item.fill else "none"
            stroke = f'stroke="#{item.stroke}" stroke-width="{_n(item.tebal)}"' if item.stroke else 'stroke="none"'
            out.append(f'<rect x="{_n(item.x)}" y="{_n(item.y)}" width="{_n(item.w)}" height="{_n(item.h)}" '
                       f'fill="{fill}" {stroke}/>')
        elif isinstance(item, Shape):
            out.append(f'<polygon class="simbol {item.kind}" points="{_pts(item.outline())}" fill="#fff" '
                       'stroke="#000" stroke-width="0.3"/>')
        elif isinstance(item, Path):
            out.append(f'<polyline points="{_pts(item.points)}" fill="none" stroke="#000" '
                       f'stroke-width="{_n(item.tebal)}"/>')
            if item.panah:
                out.append(f'<polygon points="{_pts(item.arrowhead())}" fill="#000"/>')
        elif isinstance(item, Text):
            weight = ' font-weight="bold"' if item.bold else ""
            colour = f' fill="#{item.warna}"' if item.warna != "000000" else ""
            # font-size in user units (mm): points × 25.4 / 72
            # textLength holds each line to the width the layout measured, whatever font the viewer has.
            length = text_width(item.teks, item.size, item.bold)
            out.append(f'<text x="{_n(item.x)}" y="{_n(item.y)}" font-size="{_n(item.size * 25.4 / 72)}"'
                       f' text-anchor="{item.anchor}"{weight}{colour} textLength="{_n(length)}"'
                       f' lengthAdjust="spacingAndGlyphs" xml:space="preserve">{escape(item.teks)}</text>')
        elif isinstance(item, Image):
            href = (logo_href or {}).get(item.path, "")
            if href:
                out.append(f'<image x="{_n(item.x)}" y="{_n(item.y)}" width="{_n(item.w)}" height="{_n(item.h)}" '
                           f'href="{escape(href)}" preserveAspectRatio="xMidYMid meet"/>')
    out.append("</svg>")
    return "\n".join(out)


def render_html(pages: Sequence[Page], judul: str, *, logo_href: dict[str, str] | None = None) -> str:
    """A standalone HTML file: every page an SVG sheet; printing gives one sheet per page."""
    k = pages[0].kertas if pages else None
    size = f"{_n(k.lebar)}mm {_n(k.tinggi)}mm" if k else "A4 landscape"
    sheets = "\n".join(f'<section class="halaman" aria-label="{escape(p.judul)}">\n{page_svg(p, logo_href=logo_href)}\n'
                       "</section>" for p in pages)
    return f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>{escape(judul)}</title>
<style>
@page {{ size: {size}; margin: 0; }}
body {{ margin: 0; background: #888; }}
section.halaman {{ background: #fff; margin: 8mm auto; width: max-content; box-shadow: 0 0 3mm #444; }}
section.halaman svg {{ display: block; }}
@media print {{
  body {{ background: none; }}
  section.halaman {{ margin: 0; box-shadow: none; break-after: page; page-break-after: always; }}
  section.halaman:last-child {{ break-after: auto; page-break-after: auto; }}
}}
</style>
</head>
<body>
{sheets}
</body>
</html>
"""
