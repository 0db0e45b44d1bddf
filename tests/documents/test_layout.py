"""The layout model: columns, rows per page, connectors, loops — golden, and the rules every page keeps."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from sopreview.domain.model import Proposal, SopDocument, Step
from sopreview.domain.sopdoc.document import MARGIN, layout_sop
from sopreview.domain.sopdoc.flowtable import FlowTable, LayoutError, check_targets
from sopreview.domain.sopdoc.geometry import PENGHUBUNG, Page, Path as Line, Rect, Shape, Text, paper
from sopreview.domain.sopdoc.identity import Kop, format_nip
from tests.documents.builders import big_sop, six_actor_sop

GOLDEN = Path(__file__).resolve().parent / "golden" / "layout.json"
UPDATE = os.environ.get("SOPREVIEW_UPDATE_GOLDEN") == "1"
KOP = Kop("KPU Kota Mojokerto", "Sub Bagian Umum")


def summary(flow: FlowTable) -> dict[str, object]:
    return {
        "columns": [[c.key, c.judul, round(c.w, 1)] for c in flow.columns],
        "pages": [list(p.langkah) for p in flow.pages],
        "connectors": [[c.huruf, c.dari, c.ke, c.halaman_dari, c.halaman_ke] for c in flow.connectors],
        "loops": [list(e) for e in flow.loops],
        "jumps": [list(e) for e in flow.jumps],
    }


def test_golden_layouts(sample: list[Proposal]) -> None:
    docs = {p.id: p.dokumen for p in sample} | {"uji/60-langkah-8-pelaksana": big_sop(),
                                                  "uji/6-pelaksana": six_actor_sop()}
    got = {}
    for key, doc in docs.items():
        for kertas in ("A4", "F4"):
            got[f"{key} {kertas}"] = summary(layout_sop(doc, KOP, paper(kertas)).flow)
    if UPDATE:
        GOLDEN.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert GOLDEN.exists(), "buat golden dengan SOPREVIEW_UPDATE_GOLDEN=1"
    want = json.loads(GOLDEN.read_text(encoding="utf-8"))
    for key in want:
        assert got[key] == want[key], key
    assert set(got) == set(want)


def test_big_sop_facts() -> None:
    """What the golden file says, stated plainly for the 60-step, 8-actor SOP on A4."""
    flow = layout_sop(big_sop(), KOP, paper("A4")).flow
    assert [c.key for c in flow.columns][:2] == ["no", "kegiatan"]
    assert sum(c.key.startswith("pelaksana:") for c in flow.columns) == 8
    assert [c.key for c in flow.columns][-4:] == ["kelengkapan", "waktu", "output", "keterangan"]
    assert len(flow.pages) >= 4
    assert (14, 11) in flow.loops  # a loop back across a page break
    back = [c for c in flow.connectors if (c.dari, c.ke) == (14, 11)]
    assert back and back[0].halaman_dari > back[0].halaman_ke
    assert [c.huruf for c in flow.connectors] == [chr(ord("A") + k) for k in range(len(flow.connectors))]


@pytest.mark.parametrize("kertas", ["A4", "F4"])
def test_every_page_keeps_the_rules(sample: list[Proposal], kertas: str) -> None:
    docs = [p.dokumen for p in sample] + [big_sop(), six_actor_sop()]
    for doc in docs:
        printed = layout_sop(doc, KOP, paper(kertas))
        flow = printed.flow
        steps = [n for page in flow.pages for n in page.langkah]
        assert steps == [s.nomor for s in doc.langkah], doc.nama
        flow_pages = [p for p in printed.pages if p.bagian == "flowchart"]
        assert len(flow_pages) == len(flow.pages)
        actor_cols = [c for c in flow.columns if c.key.startswith("pelaksana:")]
        x0, x1 = actor_cols[0].x, actor_cols[-1].x + actor_cols[-1].w
        letters: dict[str, int] = {}
        for page, fp in zip(flow_pages, flow.pages, strict=True):
            texts = page.texts()
            for title in ("NO", "KEGIATAN", "PELAKSANA", "MUTU BAKU", "Kelengkapan", "Waktu", "Output"):
                assert title in texts, (doc.nama, title)  # the header repeats on every page
            _inside(page)
            shapes = [i for i in page.items if isinstance(i, Shape)]
            assert {s.nomor for s in shapes if s.kind != PENGHUBUNG} == set(fp.langkah)
            for s in shapes:  # symbols only in the actor columns
                assert x0 <= s.x and s.x + s.w <= x1 + 0.01, (doc.nama, s)
            for t in page.items:  # in the actor columns: only answers on arrows and connector letters
                if isinstance(t, Text) and x0 < t.x < x1 and t.y > MARGIN + 20:
                    assert t.size <= 6.5, (doc.nama, t)
            for s in shapes:
                if s.kind == PENGHUBUNG:
                    letters[s.teks] = letters.get(s.teks, 0) + 1
        assert sorted(letters) == sorted(c.huruf for c in flow.connectors)
        assert all(n == 2 for n in letters.values()), letters  # each letter: one leaving, one arriving


def _inside(page: Page) -> None:
    w, h = page.kertas.lebar, page.kertas.tinggi
    for item in page.items:
        if isinstance(item, (Rect, Shape)):
            assert item.x >= 0 and item.y >= 0 and item.x + item.w <= w + 0.01 and item.y + item.h <= h - 12 + 0.01
        elif isinstance(item, Line):
            assert all(0 <= x <= w and 0 <= y <= h - 12 for x, y in item.points)


def test_arrows_for_every_edge(sample: list[Proposal]) -> None:
    """Each step's arrows are drawn: one line per edge on a page (two halves when it crosses pages)."""
    doc = next(p.dokumen for p in sample if p.id.endswith("pelayanan-pdpb"))
    printed = layout_sop(doc, KOP, paper("A4"))
    lines = sum(1 for p in printed.pages for i in p.items if isinstance(i, Line))
    edges = sum(len(s.successors(doc.langkah[-1].nomor)) for s in doc.langkah)
    assert lines == edges + len(printed.flow.connectors)


def test_decision_answers_are_written_on_their_arrows(sample: list[Proposal]) -> None:
    doc = next(p.dokumen for p in sample if p.id.endswith("surat-masuk"))
    printed = layout_sop(doc, KOP, paper("A4"))
    texts = [t for p in printed.pages for t in p.texts()]
    for step in doc.langkah:
        for answer, _ in step.keputusan:
            assert answer in texts


def test_a_jump_to_a_missing_step_names_the_field() -> None:
    doc = SopDocument(nama="X", pelaksana=("A",), langkah=(
        Step(1, "mulai", "A", simbol="mulai"), Step(2, "proses", "A", lanjut=9), Step(3, "akhir", "A", simbol="selesai")))
    problems = check_targets(doc)
    assert [(p.field, p.message) for p in problems] == [("langkah[2].lanjut", "langkah 2 menuju langkah 9 yang tidak ada")]
    with pytest.raises(LayoutError):
        layout_sop(doc, KOP, paper("A4"))


def test_an_actor_name_too_long_for_its_column_is_refused() -> None:
    long = "Kepala" + "Subbagianteknispenyelenggaraanpemilu" * 2
    doc = SopDocument(nama="X", pelaksana=("A", long), langkah=(
        Step(1, "mulai", "A", simbol="mulai"), Step(2, "akhir", long, simbol="selesai")))
    with pytest.raises(LayoutError) as info:
        layout_sop(doc, KOP, paper("A4"))
    problem = info.value.problems[0]
    assert problem.field == "pelaksana[2]"
    assert "terlalu panjang" in problem.message and "F4" in problem.hint


def test_nip_is_grouped() -> None:
    assert format_nip("199203112019022004") == "19920311 201902 2 004"
    assert format_nip("19920311 201902 2 004") == "19920311 201902 2 004"
    assert format_nip("-") == "-"


def test_f4_pages_are_folio_landscape(sample: list[Proposal]) -> None:
    printed = layout_sop(sample[0].dokumen, KOP, paper("F4"))
    assert {(p.kertas.lebar, p.kertas.tinggi) for p in printed.pages} == {(330.0, 215.0)}


def test_layout_layer_is_pure() -> None:
    """The layout imports no renderer (fpdf2, Pillow, python-docx) and no UI."""
    import subprocess
    import sys

    code = ("import sys, sopreview.domain.sopdoc.document, sopreview.domain.sopdoc.attendance; "
            "bad = [m for m in ('fpdf', 'PIL', 'docx', 'textual', 'rich') if m in sys.modules]; "
            "print(bad); sys.exit(1 if bad else 0)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr[-400:]


def test_marked_steps_are_shaded(sample: list[Proposal]) -> None:
    from sopreview.domain.sopdoc.document import Perubahan
    from sopreview.domain.sopdoc.flowtable import MARK_FILL

    doc = sample[0].dokumen
    plain = layout_sop(doc, KOP, paper("A4"))
    marked = layout_sop(doc, KOP, paper("A4"), perubahan=Perubahan(frozenset({2, 3}), frozenset({"nomor"})))

    def shaded(printed: object) -> int:
        return sum(1 for p in printed.pages for i in p.items if isinstance(i, Rect) and i.fill == MARK_FILL)

    assert shaded(plain) == 0
    assert shaded(marked) == 2 * 2 + 1  # NO and KEGIATAN of two steps, the Nomor SOP value


def test_a_step_too_long_for_a_page_is_refused() -> None:
    doc = SopDocument(nama="X", pelaksana=("A",), langkah=(
        Step(1, "mulai", "A", simbol="mulai"), Step(2, "kata " * 3000, "A"), Step(3, "akhir", "A", simbol="selesai")))
    with pytest.raises(LayoutError) as info:
        layout_sop(doc, KOP, paper("A4"))
    assert info.value.problems[0].field == "langkah[2]"


def test_long_identity_boxes_continue_on_a_second_page(sample: list[Proposal]) -> None:
    from dataclasses import replace

    doc = replace(sample[0].dokumen, dasar_hukum=tuple(f"Peraturan nomor {k} tentang hal yang panjang" for k in range(35)))
    printed = layout_sop(doc, KOP, paper("A4"))
    identity = [p for p in printed.pages if p.bagian == "identitas"]
    assert len(identity) == 2
    for page in identity:
        _inside(page)
    texts = [t for p in identity for t in p.texts()]
    assert "PENCATATAN DAN PENDATAAN:" in texts and "35." in texts


def test_identity_box_longer_than_a_page_is_refused(sample: list[Proposal]) -> None:
    from dataclasses import replace

    doc = replace(sample[0].dokumen, peralatan=tuple(f"Alat {k}" for k in range(80)))
    with pytest.raises(LayoutError) as info:
        layout_sop(doc, KOP, paper("A4"))
    assert info.value.problems[0].field == "peralatan"
