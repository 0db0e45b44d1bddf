"""The flowchart as HTML, for the minutes' HTML export: the same drawing as the terminal.

Each page of :func:`~sopreview.domain.flowchart.layout.layout_flowchart`'s grid becomes a ``<pre>``
of spans classed by role (``fc-proses``, ``fc-panah`` ...), with the lane titles repeated on
every page and a page break between pages when printed. Everything is escaped.
"""

from __future__ import annotations

from html import escape

from sopreview.domain.flowchart.layout import FlowGrid, layout_flowchart
from sopreview.domain.flowchart.draw import ROLE_NAMES
from sopreview.domain.model import SopDocument

FLOWCHART_CSS = """
.fc-figure { margin: 1em 0; }
.fc-figure pre { font-family: "DejaVu Sans Mono", "Roboto Mono", Menlo, Consolas, monospace;
  font-size: 9pt; line-height: 1.15; margin: 0 0 1em 0; white-space: pre; overflow-x: auto; }
.fc-page + .fc-page { break-before: page; page-break-before: always; }
.fc-judul, .fc-nomor { font-weight: bold; }
.fc-terminator, .fc-proses, .fc-keputusan, .fc-penghubung, .fc-panah { font-weight: bold; }
.fc-terminator { color: #006400; }
.fc-proses { color: #00008b; }
.fc-keputusan { color: #8a4b00; }
.fc-label { font-style: italic; }
.fc-lajur { color: #999; }
.fc-legenda { font-style: italic; }
"""
"""Styles for the classes used below; include once in the document's <style>."""


def flowchart_html(
    doc: SopDocument, width: int = 120, *, mutu: bool = True, halaman: int | None = None, caption: str | None = None
) -> str:
    """An escaped HTML fragment (``<figure>``) drawing ``doc``'s flowchart ``width`` characters wide."""
    return grid_html(layout_flowchart(doc, width, mutu=mutu, halaman=halaman), caption=caption)


def grid_html(grid: FlowGrid, *, caption: str | None = None) -> str:
    """Render an already laid-out grid; pages become separate ``<pre>`` blocks."""
    bounds = list(grid.halaman_y) + [len(grid.lines)]
    header = [_row(grid, y, header=True) for y in range(len(grid.header))]
    parts = ['<figure class="fc-figure">']
    if caption:
        parts.append(f"<figcaption>{escape(caption)}</figcaption>")
    for page in range(len(grid.halaman_y)):
        start = bounds[page]
        end = bounds[page + 1] - (1 if page + 1 < len(grid.halaman_y) else 0)
        body = [_row(grid, y) for y in range(start, end)]
        label = f' aria-label="Halaman {page + 1}"' if len(grid.halaman_y) > 1 else ""
        parts.append(f'<pre class="fc-page"{label}>' + "\n".join(header + body) + "</pre>")
    parts.append("</figure>")
    return "\n".join(parts)


def _row(grid: FlowGrid, y: int, *, header: bool = False) -> str:
    out = []
    for text, role in grid.runs(y, header=header):
        if role == ROLE_NAMES[" "]:
            out.append(escape(text))
        else:
            out.append(f'<span class="fc-{role}">{escape(text)}</span>')
    return "".join(out).rstrip()
