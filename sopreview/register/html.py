"""The Daftar SOP as one self-contained HTML page, landscape, every text escaped."""

from __future__ import annotations

from html import escape

from sopreview.register.layout import SAMPLE_NOTE, RegisterSheet

CSS = """
@page { size: A4 landscape; margin: 15mm; }
body { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; font-size: 9.5pt; color: #000; margin: 0; }
.lampiran { text-align: right; font-size: 9pt; font-style: italic; }
h1 { text-align: center; font-size: 12pt; margin: 4pt 0 8pt; }
.sampel { font-style: italic; border: 1px solid #000; padding: 2pt 6pt; }
table { border-collapse: collapse; width: 100%; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 1px solid #000; padding: 2pt 3pt; vertical-align: top; text-align: left; }
th { background: #e6e6e6; }
td.num { text-align: right; white-space: nowrap; }
"""


def e(text: object) -> str:
    return escape(str(text), quote=True)


def render_html(sheet: RegisterSheet) -> bytes:
    head = "".join(f"<th>{e(h)}</th>" for h in sheet.header)
    body = "\n".join(
        "<tr>" + "".join(f'<td class="num">{e(c)}</td>' if i in (0, 4) else f"<td>{e(c)}</td>"
                         for i, c in enumerate(row)) + "</tr>"
        for row in sheet.rows)
    sample = f'<p class="sampel">{e(SAMPLE_NOTE)}</p>' if sheet.sampel else ""
    page = (f'<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n<title>{e(sheet.judul)}</title>\n'
            f"<style>{CSS}</style>\n</head>\n<body>\n<p class=\"lampiran\">{e(sheet.lampiran)}</p>\n"
            f"<h1>{e(sheet.judul)}</h1>\n{sample}\n<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n"
            f"</tbody>\n</table>\n<p>{e(sheet.ringkasan)}</p>\n</body>\n</html>\n")
    return page.encode("utf-8")
