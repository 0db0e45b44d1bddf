"""The room's fitted flowchart (issue 16): words are never cut, Mutu Baku is always there, the
chart fills the width it is given, and an abbreviated lane title always has its legend."""

from __future__ import annotations

import pytest

from sopreview.domain.flowchart.draw import clean, wrap
from sopreview.domain.flowchart.layout import layout_flowchart
from sopreview.domain.model import Proposal

WIDTHS = (76, 116, 156)


def _words(text: str) -> set[str]:
    return set(clean(text).split())


@pytest.mark.parametrize("width", WIDTHS)
def test_fitted_chart_breaks_lines_at_spaces_only(sample_proposals: dict[str, Proposal], width: int) -> None:
    for pid, proposal in sample_proposals.items():
        grid = layout_flowchart(proposal.dokumen, width, mutu=True, fit=True)
        steps = {s.nomor: s for s in proposal.dokumen.langkah}
        for box in grid.boxes:
            words = _words(steps[box.nomor].kegiatan)
            for line in box.teks:
                assert set(line.split()) <= words, f"{pid} step {box.nomor}: {line!r} cuts a word"
            assert " ".join(" ".join(box.teks).split()) == clean(steps[box.nomor].kegiatan)
        assert grid.mutu


@pytest.mark.parametrize("width", WIDTHS)
def test_fitted_chart_fills_the_width_when_its_words_allow(sample_proposals: dict[str, Proposal], width: int) -> None:
    for proposal in sample_proposals.values():
        grid = layout_flowchart(proposal.dokumen, width, mutu=True, fit=True)
        assert grid.lebar >= width  # never narrower: the spare cells go to lanes and columns
    for pid, proposal in sample_proposals.items():  # 120 columns: every sample SOP fits, Output is not cut
        assert layout_flowchart(proposal.dokumen, 116, mutu=True, fit=True).lebar == 116, pid
    widest = sample_proposals["teknis-parmas-hubmas/ppid"]  # five lanes
    assert layout_flowchart(widest.dokumen, 117, mutu=True, fit=True).lebar == 117  # 120 columns, no sideways scroll
    assert layout_flowchart(widest.dokumen, 156, mutu=True, fit=True).lebar == 156


def test_lane_titles_wrap_then_shorten_then_abbreviate_with_a_legend(sample_proposals: dict[str, Proposal]) -> None:
    dokumen = sample_proposals["perencanaan-data-informasi/pemutakhiran-data-pemilih"].dokumen
    wide = layout_flowchart(dokumen, 156, mutu=True, fit=True)
    titles = {lane.nama: lane.singkat for lane in wide.lanes}
    kepala = "Kepala Sub Bagian Perencanaan, Data dan Informasi"
    assert titles[kepala] == "Kasubbag Perencanaan, Data dan Informasi"  # over two lines, no code
    assert titles["Ketua dan Anggota KPU"] == "Ketua dan Anggota KPU"
    narrow = layout_flowchart(dokumen, 116, mutu=True, fit=True)
    for grid in (wide, narrow):
        for lane in grid.lanes:
            if lane.singkat != lane.nama:
                assert f"{lane.singkat} = {lane.nama}" in " ".join(grid.legenda)


def test_a_squeezed_mutu_column_breaks_long_words_between_syllables_only(
    sample_proposals: dict[str, Proposal],
) -> None:
    """At 116 cells the longest Mutu Baku words of penyusunan-keputusan no longer fit whole: the
    Output column is narrowed (last resort) and its words break at a syllable with a hyphen."""
    from sopreview.domain.flowchart.layout import MUTU_LABELS

    dokumen = sample_proposals["hukum-sdm/penyusunan-keputusan"].dokumen
    grid = layout_flowchart(dokumen, 116, mutu=True, fit=True)
    assert grid.lebar == 116
    header = "\n".join(grid.header)
    assert all(label in header for label in MUTU_LABELS)  # headings never squeezed away
    mutu_x = max(x for x in range(grid.lebar) if grid.lines[0][x] == "│")
    text = " ".join(line[mutu_x + 1:] for line in grid.lines)
    words = {w for s in dokumen.langkah for v in (s.kelengkapan, s.waktu, s.output) if v for w in clean(v).split()}
    for piece in text.split():  # every piece is a whole word or a syllable-broken part of one
        assert piece in words or piece.endswith("-") or any(w.endswith(piece) for w in words), piece


def test_wrap_without_hyphens_keeps_words_whole() -> None:
    assert wrap("Memeriksa kelengkapan permintaan", 12, hyphenate=False) == ["Memeriksa", "kelengkapan", "permintaan"]
    assert wrap("Memeriksa kelengkapan", 7) == ["Meme-", "riksa", "keleng-", "kapan"]  # the operator's narrow chart
    assert wrap("abcdefghij", 4, hyphenate=False) == ["abcd", "efgh", "ij"]  # only a word wider than any line
