"""A page to a PNG picture with Pillow (fpdf2's own dependency): the DOCX's flowchart image.

Word cannot hold a PDF page, and the flowchart's arrows are no Word table, so the DOCX shows
each flowchart page as a picture drawn from the same layout as the PDF.
"""

from __future__ import annotations

import io
from functools import cache

from PIL import Image as PilImage
from PIL import ImageDraw, ImageFont

from sopreview.domain.sopdoc.geometry import Image, Page, Path, Rect, Shape, Text

DPI = 130
"""Enough for 7 pt text (about 13 px high) in a picture Word shows page-wide."""


@cache
def _font(px: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=px)


def render_png(page: Page, dpi: int = DPI) -> bytes:
    scale = dpi / 25.4
    k = page.kertas
    img = PilImage.new("RGB", (round(k.lebar * scale), round(k.tinggi * scale)), "white")
    draw = ImageDraw.Draw(img)

    def p(x: float, y: float) -> tuple[float, float]:
        return (x * scale, y * scale)

    def width(mm: float) -> int:
        return max(1, round(mm * scale))

    for item in page.items:
        if isinstance(item, Rect):
            draw.rectangle([p(item.x, item.y), p(item.x + item.w, item.y + item.h)],
                           fill=f"#{item.fill}" if item.fill else None,
                           outline=f"#{item.stroke}" if item.stroke else None, width=width(item.tebal))
        elif isinstance(item, Shape):
            draw.polygon([p(x, y) for x, y in item.outline()], fill="white", outline="black", width=width(0.3))
        elif isinstance(item, Path):
            draw.line([p(x, y) for x, y in item.points], fill="black", width=width(item.tebal), joint="curve")
            if item.panah:
                draw.polygon([p(x, y) for x, y in item.arrowhead()], fill="black")
        elif isinstance(item, Text):
            # The bundled font is a little wider than Helvetica: 92 % keeps the layout's lines inside their cells.
            font = _font(max(6, round(item.size * 25.4 / 72 * scale * 0.92)))
            anchor = {"start": "ls", "middle": "ms", "end": "rs"}[item.anchor]
            draw.text(p(item.x, item.y), item.teks, fill=f"#{item.warna}", font=font, anchor=anchor)
        elif isinstance(item, Image):
            try:
                with PilImage.open(item.path) as logo:
                    logo.thumbnail((round(item.w * scale), round(item.h * scale)))
                    img.paste(logo.convert("RGB"), (round(item.x * scale), round(item.y * scale)))
            except OSError:
                pass  # the loader already reported a missing or unreadable logo
    out = io.BytesIO()
    img.save(out, format="PNG", compress_level=1)  # speed over size: the DOCX zips it again anyway
    return out.getvalue()
