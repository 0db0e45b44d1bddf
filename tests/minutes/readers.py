"""Read rendered minutes back the way their users' tools would (python-docx, html.parser, csv)."""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser

from docx import Document
from docx.document import Document as DocxDocument
from docx.table import Table
from docx.text.paragraph import Paragraph


def open_docx(data: bytes) -> DocxDocument:
    return Document(io.BytesIO(data))


def docx_dump(doc: DocxDocument) -> str:
    """Body in order: ``[Style] text`` per paragraph, ``| a | b |`` per table row (golden-friendly)."""
    lines: list[str] = []
    for block in doc.iter_inner_content():
        if isinstance(block, Paragraph):
            if block.text.strip():
                brk = " <halaman baru>" if block.paragraph_format.page_break_before else ""
                lines.append(f"[{block.style.name}]{brk} {block.text}")
        elif isinstance(block, Table):
            lines.append(f"<tabel {len(block.rows)}x{len(block.columns)} gaya={block.style.name if block.style else '-'}>")
            for row in block.rows:
                lines.append("| " + " | ".join(c.text.replace("\n", " / ") for c in row.cells) + " |")
    props = doc.core_properties
    lines.append(f"<properti judul={props.title!r} penulis={props.author!r} dibuat={props.created.isoformat()} "
                 f"diubah={props.modified.isoformat()} dicetak={props.last_printed.isoformat()}>")
    return "\n".join(lines) + "\n"


def docx_headings(doc: DocxDocument) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]


def table_after(doc: DocxDocument, heading_text: str) -> Table:
    """The first table that follows the heading with this text."""
    seen = False
    for block in doc.iter_inner_content():
        if isinstance(block, Paragraph) and block.text == heading_text:
            seen = True
        elif seen and isinstance(block, Table):
            return block
    raise AssertionError(f"tidak ada tabel setelah {heading_text!r}")


def table_rows(table: Table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


class HtmlOutline(HTMLParser):
    """Collects tags, text, and the articles of proposals (with their data attributes)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []
        self.articles: list[dict[str, str | None]] = []
        self.headings: list[str] = []
        self.attributes: set[str] = set()
        self._in_heading = False
        self._heading: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.update(name for name, _ in attrs)
        if tag == "article":
            self.articles.append(dict(attrs))
        if tag in ("h1", "h2", "h3", "h4"):
            self._in_heading, self._heading = True, []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h1", "h2", "h3", "h4") and self._in_heading:
            self.headings.append("".join(self._heading))
            self._in_heading = False

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in_heading:
            self._heading.append(data)

    @property
    def all_text(self) -> str:
        return "".join(self.text)


def parse_html(data: bytes) -> HtmlOutline:
    parser = HtmlOutline()
    parser.feed(data.decode("utf-8"))
    parser.close()
    return parser


def read_csv(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
