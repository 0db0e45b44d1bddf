"""The flowchart as an HTML fragment for the minutes: same drawing, escaped, one <pre> per page."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from sopreview.domain.flowchart.layout import layout_flowchart
from sopreview.domain.flowchart.html import FLOWCHART_CSS, flowchart_html, grid_html
from sopreview.domain.model import Step
from tests.flowchart.conftest import BRANCHING, doc

HOSTILE = doc(
    ("Staf <b>", "Kasubbag & Co"),
    Step(1, "<script>alert('x')</script>", "Staf <b>", simbol="mulai"),
    Step(2, 'Berkas "lengkap"?', "Kasubbag & Co", simbol="keputusan", keputusan=(("<Ya>", 3), ("Tidak", 1))),
    Step(3, "Selesai", "Staf <b>", simbol="selesai"),
)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.pre: list[str] = []
        self._in_pre = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "pre":
            self._in_pre = True
            self.pre.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "pre":
            self._in_pre = False

    def handle_data(self, data: str) -> None:
        if self._in_pre:
            self.pre[-1] += data


def test_everything_is_escaped() -> None:
    html = flowchart_html(HOSTILE, 80)
    parser = _Text()
    parser.feed(html)
    assert set(parser.tags) <= {"figure", "pre", "span"}
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;scri" in html and "Kasubbag &amp; Co" in html


def test_text_matches_the_terminal_drawing() -> None:
    grid = layout_flowchart(BRANCHING, 100)
    parser = _Text()
    parser.feed(grid_html(grid))
    assert parser.pre == ["\n".join(line.rstrip() for line in grid.header + grid.lines)]


def test_pages_become_separate_blocks_with_the_lane_titles_repeated() -> None:
    grid = layout_flowchart(BRANCHING, 100, halaman=2)
    html = grid_html(grid, caption="SOP <Uji>")
    parser = _Text()
    parser.feed(html)
    assert len(parser.pre) == 3
    assert all(block.startswith(grid.header[0].rstrip()) for block in parser.pre)
    assert "<figcaption>SOP &lt;Uji&gt;</figcaption>" in html
    assert not any("Halaman" in block for block in parser.pre)  # the screen's page rule is dropped


def test_every_class_used_has_a_style() -> None:
    html = flowchart_html(BRANCHING, 100, halaman=2)
    used = set(re.findall(r'class="(fc-[a-z]+)"', html)) - {"fc-page", "fc-figure"}
    styled = set(re.findall(r"\.(fc-[a-z]+)", FLOWCHART_CSS))
    assert used <= styled | {"fc-garis", "fc-teks", "fc-mutu", "fc-halaman"}
