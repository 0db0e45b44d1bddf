"""The pure flowchart layout: where symbols, arrows and labels land in the grid."""

from __future__ import annotations

import pytest

from sopreview.domain.flowchart.layout import MIN_LANE, FlowGrid, abbreviate, layout_flowchart, mutu_fits
from sopreview.domain.flowchart.draw import ROLE_NAMES, wrap
from sopreview.domain.model import Step
from tests.flowchart.conftest import BRANCHING, LINEAR, SINGLE, doc


def at(grid: FlowGrid, x: int, y: int) -> str:
    return grid.lines[y][x]


def role(grid: FlowGrid, x: int, y: int) -> str:
    return ROLE_NAMES[grid.roles[y][x]]


def check_well_formed(grid: FlowGrid) -> None:
    assert all(len(line) == grid.lebar for line in grid.lines + grid.header)
    assert all(len(r) == grid.lebar for r in grid.roles + grid.header_roles)
    for y in range(len(grid.lines)):
        assert "".join(text for text, _ in grid.runs(y)) == grid.lines[y]


# -- linear ---------------------------------------------------------------------------------


def test_linear_one_row_per_step_in_its_actors_lane() -> None:
    grid = layout_flowchart(LINEAR, 80)
    check_well_formed(grid)
    assert grid.lebar == 80
    assert [ln.nama for ln in grid.lanes] == ["Staf", "Kasubbag", "Sekretaris"]
    assert [b.lajur for b in grid.boxes] == [0, 1, 2, 0]
    ys = [b.y for b in grid.boxes]
    assert ys == sorted(ys) and len(set(ys)) == 4
    for box in grid.boxes:
        lane = grid.lanes[box.lajur]
        assert lane.x <= box.x and box.kanan < lane.x + lane.lebar - 1
        assert grid.lines[box.y + 1][:2].strip() == str(box.nomor)
    assert [(e.dari, e.ke, e.jenis) for e in grid.edges] == [(1, 2, "turun"), (2, 3, "turun"), (3, 4, "turun")]


def test_linear_arrows_run_down_and_jog_across_lanes() -> None:
    grid = layout_flowchart(LINEAR, 80)
    for a, b in zip(grid.boxes, grid.boxes[1:]):
        assert at(grid, a.tengah, a.bawah) == "┬"
        assert at(grid, b.tengah, b.y - 1) == "▼" and role(grid, b.tengah, b.y - 1) == "panah"
        jog = a.bawah + 1
        lo, hi = sorted((a.tengah, b.tengah))
        assert set(grid.lines[jog][lo + 1 : hi]) == {"─"}
        corner = "└" if b.tengah > a.tengah else "┘"
        assert at(grid, a.tengah, jog) == corner
        assert at(grid, b.tengah, jog) == ("┐" if b.tengah > a.tengah else "┌")


def test_symbols_use_the_regulation_shapes() -> None:
    grid = layout_flowchart(BRANCHING, 80)
    start, decision, _, process, end = grid.boxes
    assert at(grid, start.x, start.y) == "╭" and at(grid, start.x, start.y + 1) == "("
    assert role(grid, start.x, start.y) == "terminator"
    assert at(grid, process.x, process.y) == "┌" and role(grid, process.x, process.y) == "proses"
    assert at(grid, decision.x, decision.y + 1) == "<" and at(grid, decision.kanan, decision.y + 1) == ">"
    assert role(grid, decision.x, decision.y + 1) == "keputusan"
    assert at(grid, end.x, end.bawah) == "╰"
    assert "Berkas lengkap?" in grid.lines[decision.y + 1]


# -- branching ------------------------------------------------------------------------------


def test_decision_back_to_an_earlier_step_uses_a_track_and_labels_both_answers() -> None:
    grid = layout_flowchart(BRANCHING, 80)
    one, two = grid.box(1), grid.box(2)
    back = next(e for e in grid.edges if (e.dari, e.ke) == (2, 1))
    assert back.jenis == "samping" and back.label == "Tidak" and back.jalur == (0,)
    # leaves the decision's right side with its answer written on the line...
    row = grid.lines[two.y + 1]
    assert row[two.kanan + 1] == "─" and " Tidak " in row[two.kanan:]
    track = row.rindex("┘")
    # ...runs up the track column and enters step 1 from the right with an arrowhead.
    in_row = next(y for y in range(one.y, one.bawah + 1) if grid.lines[y][one.kanan + 1] == "◀")
    assert grid.lines[in_row][track] == "┐"
    assert all(grid.lines[y][track] == "│" for y in range(in_row + 1, two.y + 1))
    # the other answer goes down to the next row, labelled beside the line
    assert any("Ya" in grid.lines[y] for y in range(two.bawah + 1, grid.box(3).y))


def test_forward_skip_enters_the_target_from_the_right() -> None:
    grid = layout_flowchart(BRANCHING, 80)
    three, five = grid.box(3), grid.box(5)
    skip = next(e for e in grid.edges if (e.dari, e.ke) == (3, 5))
    assert skip.jenis == "samping" and skip.label == "Tidak"
    assert any(grid.lines[y][five.kanan + 1] == "◀" for y in range(five.y, five.bawah + 1))
    out_row = next(y for y in range(three.y, three.bawah + 1) if " Tidak " in grid.lines[y])
    track = grid.lines[out_row].rindex("┐")
    assert all(grid.lines[y][track] == "│" for y in range(out_row + 1, five.y + 1))
    # the back arrow (rows 1-2) and the skip (rows 3-5) do not overlap: they share one track
    assert {e.jalur for e in grid.edges if e.jenis == "samping"} == {(0,)}
    assert (next(e for e in grid.edges if (e.dari, e.ke) == (3, 4))).label == "Ya"


def test_nested_loops_get_separate_tracks_shortest_inside() -> None:
    nested = doc(
        ("A", "B"),
        Step(1, "Mulai", "A", simbol="mulai"),
        Step(2, "Dua", "B"),
        Step(3, "Tiga", "A"),
        Step(4, "Cek kecil?", "B", simbol="keputusan", keputusan=(("Ya", 5), ("Tidak", 3))),
        Step(5, "Cek besar?", "A", simbol="keputusan", keputusan=(("Ya", 6), ("Tidak", 1))),
        Step(6, "Selesai", "B", simbol="selesai"),
    )
    grid = layout_flowchart(nested, 80)
    check_well_formed(grid)
    inner = next(e for e in grid.edges if (e.dari, e.ke) == (4, 3))
    outer = next(e for e in grid.edges if (e.dari, e.ke) == (5, 1))
    assert inner.jalur == (0,) and outer.jalur == (1,)


def test_arrows_into_one_step_share_its_entry_and_merge() -> None:
    merge = doc(
        ("A",),
        Step(1, "Mulai", "A", simbol="mulai"),
        Step(2, "Cek satu?", "A", simbol="keputusan", keputusan=(("Ya", 3), ("Tidak", 1))),
        Step(3, "Cek dua?", "A", simbol="keputusan", keputusan=(("Ya", 4), ("Tidak", 1))),
        Step(4, "Selesai", "A", simbol="selesai"),
    )
    grid = layout_flowchart(merge, 60)
    one = grid.box(1)
    entries = [y for y in range(one.y, one.bawah + 1) if grid.lines[y][one.kanan + 1] == "◀"]
    assert len(entries) == 1
    assert "┬" in grid.lines[entries[0]][one.kanan + 1 :]  # the outer arrow joins the inner one


def test_single_actor_uses_one_wide_lane_and_straight_arrows() -> None:
    grid = layout_flowchart(SINGLE, 100)
    check_well_formed(grid)
    assert grid.lebar == 100 and len(grid.lanes) == 1
    assert len({b.x for b in grid.boxes}) == 1
    for a, b in zip(grid.boxes, grid.boxes[1:]):
        assert b.y == a.bawah + 2  # one gap row holding just the arrowhead
        assert at(grid, a.tengah, a.bawah + 1) == "▼"


# -- pages ----------------------------------------------------------------------------------


def test_split_chart_uses_lettered_off_page_connectors() -> None:
    grid = layout_flowchart(BRANCHING, 80, halaman=2)
    check_well_formed(grid)
    assert len(grid.halaman_y) == 3
    assert "Halaman 2" in grid.lines[grid.halaman_y[1] - 1]
    crossing = [e for e in grid.edges if e.penghubung]
    assert [(e.dari, e.ke, e.penghubung) for e in crossing] == [(2, 3, "A"), (3, 5, "B"), (4, 5, "C")]
    text = "\n".join(grid.lines)
    for letter in "ABC":
        assert text.count(f"│ {letter} │") == 2  # one on each page
        assert any(f"Penghubung {letter}:" in line for line in grid.legenda)
    # the connector under step 2 sits in its lane, with the arrow running into it
    two = grid.box(2)
    y = next(y for y in range(two.bawah, len(grid.lines)) if "│ A │" in grid.lines[y])
    assert grid.lines[y].index("│ A │") + 2 == two.tengah
    assert grid.lines[y - 2][two.tengah] == "▼"


def test_back_arrow_to_an_earlier_page_goes_up_to_a_connector() -> None:
    grid = layout_flowchart(BRANCHING, 80, halaman=1)
    back = next(e for e in grid.edges if (e.dari, e.ke) == (2, 1))
    assert back.penghubung
    page2 = grid.lines[grid.halaman_y[1] : grid.halaman_y[2]]
    assert any(f"│ {back.penghubung} │" in line for line in page2[:3])
    assert any("▲" in line for line in page2[:5])


# -- widths, titles and legend --------------------------------------------------------------


FIVE = doc(
    (
        "Staf Pelaksana Persuratan",
        "Kepala Sub Bagian Keuangan, Umum dan Logistik",
        "Sekretaris KPU Kota Mojokerto",
        "Ketua KPU Kota Mojokerto",
        "Kepala Sub Bagian Terkait",
    ),
    Step(1, "Menerima surat masuk dan membubuhkan cap tanggal terima", "Staf Pelaksana Persuratan", simbol="mulai"),
    Step(2, "Memeriksa kelengkapan surat", "Kepala Sub Bagian Keuangan, Umum dan Logistik", simbol="keputusan",
         keputusan=(("Lengkap", 3), ("Tidak lengkap", 1))),
    Step(3, "Mendisposisi surat", "Sekretaris KPU Kota Mojokerto"),
    Step(4, "Membaca surat", "Ketua KPU Kota Mojokerto"),
    Step(5, "Menindaklanjuti surat", "Kepala Sub Bagian Terkait", simbol="selesai"),
)


def test_five_actors_fit_80_columns_with_abbreviated_titles_and_a_legend() -> None:
    grid = layout_flowchart(FIVE, 80)
    check_well_formed(grid)
    assert grid.lebar == 80
    titles = [ln.singkat for ln in grid.lanes]
    assert len(set(titles)) == 5
    for lane in grid.lanes:
        assert len(lane.singkat) <= lane.lebar - 1
        assert lane.singkat in grid.header[0] + grid.header[1]
    assert titles[1] == "Kepala SBKUL"
    legend = " ".join(grid.legenda)
    assert "Kepala SBKUL = Kepala Sub Bagian Keuangan, Umum dan Logistik" in legend
    for box in grid.boxes:  # long activity text wraps inside its box
        assert all(len(line) <= box.lebar - 2 for line in box.teks)
        assert len(box.teks) > 1 or box.nomor != 1


def test_wide_terminal_uses_the_full_width() -> None:
    grid = layout_flowchart(FIVE, 200)
    assert grid.lebar == 200
    assert all(ln.singkat == ln.nama for ln in grid.lanes)
    assert len(grid.header) == 3  # long titles wrap onto two lines instead of being abbreviated
    assert "Kepala Sub Bagian Keuangan," in grid.header[0] and "Logistik" in grid.header[1]
    assert max(len(b.teks) for b in grid.boxes) <= 2


def test_too_many_actors_keep_a_readable_lane_and_scroll() -> None:
    many = doc(tuple(f"Pelaksana {i}" for i in range(8)),
               *(Step(i + 1, f"Langkah {i + 1}", f"Pelaksana {i}") for i in range(8)))
    grid = layout_flowchart(many, 80)
    assert all(ln.lebar >= MIN_LANE for ln in grid.lanes)
    assert grid.lebar > 80


def test_mutu_baku_columns_beside_the_chart() -> None:
    with_mutu = doc(("A",), Step(1, "Mulai", "A", kelengkapan="Surat masuk", waktu="5 menit", output="Agenda"))
    grid = layout_flowchart(with_mutu, 120, mutu=True)
    assert "Kelengkapan" in grid.header[-2] and "Waktu" in grid.header[-2] and "Output" in grid.header[-2]
    row = grid.lines[grid.box(1).y + 1]
    assert "Surat masuk" in row and "5 menit" in row and "Agenda" in row
    assert "Kelengkapan" not in "".join(layout_flowchart(with_mutu, 120).header)
    assert mutu_fits(with_mutu, 120) and not mutu_fits(FIVE, 120)


def test_problems_are_reported_not_raised() -> None:
    broken = doc(("A",), Step(1, "Cek?", "A", simbol="keputusan", keputusan=(("Ya", 2), ("Tidak", 9))),
                 Step(2, "Selesai", "A", simbol="selesai"))
    grid = layout_flowchart(broken, 60)
    assert grid.masalah == ("Langkah 1 menuju langkah 9 yang tidak ada.",)
    assert any("Perhatian" in line for line in grid.legenda)


def test_empty_document_draws_an_empty_chart() -> None:
    grid = layout_flowchart(doc(()), 40)
    check_well_formed(grid)
    assert grid.boxes == () and grid.edges == ()


def test_wide_characters_cannot_break_the_grid() -> None:
    grid = layout_flowchart(doc(("A",), Step(1, "Rapat 会议 ✅", "A")), 40)
    check_well_formed(grid)


# -- helpers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "width", "expected"),
    [
        ("Sekretaris", 12, "Sekretaris"),
        ("Kepala Sub Bagian Hukum dan SDM", 14, "Kepala SBHS"),
        ("Kepala Sub Bagian Hukum dan SDM", 5, "KSBHS"),
        ("Pejabat Pengelola Informasi", 3, "PPI"),
        ("Pejabat Pengelola Informasi", 2, "P…"),
    ],
)
def test_abbreviate(name: str, width: int, expected: str) -> None:
    assert abbreviate(name, width) == expected


def test_wrap_hyphenates_between_syllables() -> None:
    assert wrap("Memeriksa kelengkapan", 7) == ["Meme-", "riksa", "keleng-", "kapan"]
    assert wrap("Menandatangani", 9) == ["Menanda-", "tangani"]
    assert all(len(line) <= 4 for line in wrap("Pemberhentian pembayaran", 4))
    assert wrap("", 5) == [""]
