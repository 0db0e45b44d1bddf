"""Amendments: every kind applied, refused with the validator's reason, and undone (issue 15)."""

from __future__ import annotations

import pytest

from sopreview.domain.amendment import (
    Amendment, AmendmentError, apply_amendments, check_amendment, tracked_diff, validate_document,
)
from sopreview.domain.model import SopDocument, Step

A, B, C = "Staf Umum", "Kasubbag Umum", "Sekretaris"


def _doc() -> SopDocument:
    steps = (
        Step(1, "Menerima surat", A, waktu="5 menit", simbol="mulai"),
        Step(2, "Memeriksa kelengkapan", B, keputusan=(("lengkap", 4), ("tidak", 3)), simbol="keputusan"),
        Step(3, "Mengembalikan surat", A, lanjut=1),
        Step(4, "Memproses surat", A, waktu="5 hari kerja", output="Surat diproses"),
        Step(5, "Menandatangani", C),
        Step(6, "Mengarsipkan", A, simbol="selesai"),
    )
    return SopDocument(nama="SOP Surat", pelaksana=(A, B, C), langkah=steps, dasar_hukum=("UU 1/2020",))


def _apply(*amendments: Amendment) -> tuple[SopDocument, object]:
    result = apply_amendments(_doc(), amendments)
    assert validate_document(result.dokumen) == []
    return result.dokumen, result


def test_the_sample_document_validates() -> None:
    assert validate_document(_doc()) == []


def test_edit_fields_of_a_step_says_old_and_new_in_words() -> None:
    doc, result = _apply(Amendment("ubah", 4, nilai={"waktu": "2 hari kerja", "pelaksana": B}))
    assert doc.step(4).waktu == "2 hari kerja" and doc.step(4).pelaksana == B
    assert result.uraian == ("Langkah 4: pelaksana Staf Umum → Kasubbag Umum; waktu 5 hari kerja → 2 hari kerja",)
    assert result.amended_steps == {4}


@pytest.mark.parametrize("name", ["kegiatan", "kelengkapan", "output", "keterangan"])
def test_every_text_field_can_be_edited(name: str) -> None:
    doc, _ = _apply(Amendment("ubah", 5, nilai={name: "Baru sekali"}))
    assert getattr(doc.step(5), name) == "Baru sekali"


def test_emptying_an_optional_field_removes_it_and_a_required_one_is_refused() -> None:
    doc, _ = _apply(Amendment("ubah", 4, nilai={"output": ""}))
    assert doc.step(4).output == ""
    with pytest.raises(AmendmentError, match="kegiatan"):
        apply_amendments(_doc(), [Amendment("ubah", 4, nilai={"kegiatan": ""})])


def test_an_edit_that_changes_nothing_is_refused() -> None:
    with pytest.raises(AmendmentError, match="tidak ada yang berubah"):
        apply_amendments(_doc(), [Amendment("ubah", 4, nilai={"waktu": "5 hari kerja"})])


def test_decision_answers_and_targets_change() -> None:
    doc, result = _apply(Amendment("ubah", 2, nilai={"keputusan": [["ya", 5], ["tidak", 3]]}))
    assert doc.step(2).keputusan == (("ya", 5), ("tidak", 3))
    assert "cabang keputusan lengkap → 4; tidak → 3 → ya → 5; tidak → 3" in result.uraian[0]


def test_a_decision_with_one_answer_is_refused_with_the_validators_reason() -> None:
    with pytest.raises(AmendmentError, match="tepat dua jawaban"):
        apply_amendments(_doc(), [Amendment("ubah", 2, nilai={"keputusan": [["ya", 5]]})])


def test_a_lanjut_to_nowhere_is_refused() -> None:
    with pytest.raises(AmendmentError, match="langkah 40 tidak ada"):
        apply_amendments(_doc(), [Amendment("ubah", 3, nilai={"lanjut": 40})])


def test_a_step_pointing_to_itself_is_refused() -> None:
    with pytest.raises(AmendmentError, match="dirinya sendiri"):
        apply_amendments(_doc(), [Amendment("ubah", 3, nilai={"lanjut": 3})])


def test_insert_renumbers_targets_so_the_flow_stays_the_same() -> None:
    doc, result = _apply(Amendment("sisip", 3, nilai={"kegiatan": "Disposisi", "pelaksana": C}))
    assert [s.kegiatan for s in doc.langkah][2] == "Disposisi"
    assert doc.step(2).keputusan == (("lengkap", 5), ("tidak", 4))
    assert result.origin == (1, 2, None, 3, 4, 5, 6)
    assert result.amended_steps == {3}


def test_insert_a_decision_step() -> None:
    doc, result = _apply(Amendment("sisip", 5, nilai={"kegiatan": "Perlu paraf?", "pelaksana": B,
                                                      "keputusan": {"ya": 6, "tidak": 7}}))
    assert doc.step(5).simbol == "keputusan"
    assert "(keputusan) disisipkan" in result.uraian[0]


def test_insert_before_mulai_or_after_selesai_is_refused() -> None:
    for where in (1, 7):
        with pytest.raises(AmendmentError, match="di antara mulai dan selesai"):
            apply_amendments(_doc(), [Amendment("sisip", where, nilai={"kegiatan": "x", "pelaksana": A})])


def test_insert_with_an_unknown_actor_is_refused() -> None:
    with pytest.raises(AmendmentError, match="tidak ada di daftar 'pelaksana'"):
        apply_amendments(_doc(), [Amendment("sisip", 3, nilai={"kegiatan": "x", "pelaksana": "Orang Lain"})])


def test_delete_redirects_what_pointed_to_it_and_renumbers() -> None:
    doc, result = _apply(Amendment("hapus", 4))
    assert len(doc.langkah) == 5 and doc.step(2).keputusan == (("lengkap", 4), ("tidak", 3))
    assert doc.step(4).kegiatan == "Menandatangani"
    assert result.uraian == ("Langkah 4 dihapus: Memproses surat",)


def test_delete_a_terminator_or_a_targeted_decision_is_refused() -> None:
    with pytest.raises(AmendmentError, match="terminator"):
        apply_amendments(_doc(), [Amendment("hapus", 1)])
    doc = _doc()
    steps = list(doc.langkah)
    steps[3] = Step(4, "Memproses surat", A, lanjut=2)
    looped = SopDocument(nama="x", pelaksana=doc.pelaksana, langkah=tuple(steps))
    with pytest.raises(AmendmentError, match="keputusan yang dituju langkah 4"):
        apply_amendments(looped, [Amendment("hapus", 2)])


def test_deleting_an_actors_last_step_is_refused() -> None:
    with pytest.raises(AmendmentError, match="pelaksana 'Sekretaris' tidak punya langkah"):
        apply_amendments(_doc(), [Amendment("hapus", 5)])


def test_move_renumbers_targets() -> None:
    doc, result = _apply(Amendment("pindah", 5, 4))
    assert [s.kegiatan for s in doc.langkah][3:5] == ["Menandatangani", "Memproses surat"]
    assert doc.step(2).keputusan == (("lengkap", 5), ("tidak", 3))
    assert result.origin == (1, 2, 3, 5, 4, 6)
    assert result.uraian == ("Langkah 5 (Menandatangani) dipindah ke urutan 4",)


def test_move_that_breaks_the_flow_is_refused() -> None:
    with pytest.raises(AmendmentError, match="hasilnya ditolak"):
        apply_amendments(_doc(), [Amendment("pindah", 2, 5)])  # the decision would point to itself


def test_add_an_actor_with_its_steps() -> None:
    doc, result = _apply(Amendment("tambah_pelaksana", nilai={"nama": "Bendahara", "posisi": 2, "langkah": [4]}))
    assert doc.pelaksana == (A, "Bendahara", B, C)
    assert doc.step(4).pelaksana == "Bendahara"
    assert result.uraian == ("Pelaksana 'Bendahara' ditambahkan (langkah 4)",)
    with pytest.raises(AmendmentError, match="'Sekretaris' tidak punya langkah"):
        apply_amendments(_doc(), [Amendment("tambah_pelaksana", nilai={"nama": "Bendahara", "langkah": [5]})])


def test_adding_an_actor_without_a_step_is_refused() -> None:
    with pytest.raises(AmendmentError, match="tidak punya langkah"):
        apply_amendments(_doc(), [Amendment("tambah_pelaksana", nilai={"nama": "Bendahara"})])


def test_rename_an_actor_everywhere() -> None:
    doc, result = _apply(Amendment("ganti_pelaksana", nilai={"lama": A, "baru": "Staf Persuratan"}))
    assert doc.pelaksana[0] == "Staf Persuratan"
    assert all(s.pelaksana != A for s in doc.langkah)
    assert result.uraian == ("Pelaksana 'Staf Umum' → 'Staf Persuratan'",)


def test_remove_an_actor_hands_its_steps_over() -> None:
    doc, result = _apply(Amendment("hapus_pelaksana", nilai={"nama": C, "pindah_ke": B}))
    assert C not in doc.pelaksana and doc.step(5).pelaksana == B
    with pytest.raises(AmendmentError, match="pindah_ke"):
        apply_amendments(_doc(), [Amendment("hapus_pelaksana", nilai={"nama": C})])


def test_identity_lists() -> None:
    doc, result = _apply(Amendment("identitas", nilai={"dasar_hukum": ["UU 1/2020", "Perpres 2/2021"],
                                                       "peralatan": ["Komputer"]}))
    assert doc.dasar_hukum == ("UU 1/2020", "Perpres 2/2021") and doc.peralatan == ("Komputer",)
    assert result.uraian == ("Dasar hukum: ditambah 'Perpres 2/2021'; Peralatan/perlengkapan: ditambah 'Komputer'",)
    with pytest.raises(AmendmentError, match="daftar identitas"):
        apply_amendments(_doc(), [Amendment("identitas", nilai={"nama": ["x"]})])


def test_undo_is_applying_the_list_without_the_last_one() -> None:
    """Each prefix gives the document as it was before the later amendments, step by step."""
    amendments = [Amendment("ubah", 4, nilai={"waktu": "2 hari kerja"}), Amendment("pindah", 5, 3),
                  Amendment("sisip", 3, nilai={"kegiatan": "Disposisi", "pelaksana": C})]
    before = [_doc()]
    for n in range(1, len(amendments) + 1):
        before.append(check_amendment(_doc(), amendments[:n - 1], amendments[n - 1]).dokumen)
    assert len(set(before)) == len(before)  # every amendment changed something
    for n in range(len(amendments), -1, -1):
        assert apply_amendments(_doc(), amendments[:n]).dokumen == before[n]


def test_a_refused_amendment_leaves_the_earlier_ones_standing() -> None:
    earlier = [Amendment("ubah", 4, nilai={"waktu": "2 hari kerja"})]
    with pytest.raises(AmendmentError):
        check_amendment(_doc(), earlier, Amendment("ubah", 3, nilai={"lanjut": 40}))
    assert check_amendment(_doc(), earlier, Amendment("ubah", 5, nilai={"waktu": "1 hari"})).uraian[0].startswith(
        "Langkah 4")


def test_an_index_names_the_refused_amendment_in_a_list() -> None:
    with pytest.raises(AmendmentError, match="amandemen ke-2"):
        apply_amendments(_doc(), [Amendment("ubah", 4, nilai={"waktu": "1"}), Amendment("hapus", 99)])


def test_from_dict_refuses_unknown_kinds_and_bad_numbers() -> None:
    with pytest.raises(AmendmentError, match="tidak dikenal"):
        Amendment.from_dict({"jenis": "sulap"})
    with pytest.raises(AmendmentError, match="nomor langkah"):
        Amendment.from_dict({"jenis": "hapus", "langkah": "tiga"})
    a = Amendment("ubah", 4, nilai={"waktu": "x"})
    assert Amendment.from_dict(a.to_dict()) == a


def test_tracked_diff_ignores_renumbering() -> None:
    result = apply_amendments(_doc(), [Amendment("sisip", 3, nilai={"kegiatan": "Disposisi", "pelaksana": C})])
    diff = tracked_diff(_doc(), result)
    assert diff.disisipkan == (3,) and diff.diubah == {} and diff.dihapus == ()
