"""The step diff between the SOP in force and the proposed version, and its summary in words."""

from __future__ import annotations

from sopreview.domain.changes import HAPUS, SAMA, TAMBAH, UBAH, diff_sop, summary_text
from sopreview.domain.model import Pengesah, SopDocument, Step

OLD = SopDocument(
    nama="SOP Surat Masuk",
    nomor="01/SOP/2021",
    revisi_ke=1,
    dasar_hukum=("UU 43/2009",),
    pelaksana=("Staf", "Kasubbag", "Ketua"),
    langkah=(
        Step(1, "Menerima surat masuk", "Staf", simbol="mulai"),
        Step(2, "Mencatat surat dalam agenda", "Staf", waktu="10 menit"),
        Step(3, "Memberi disposisi", "Kasubbag", simbol="keputusan", keputusan=(("Ya", 4), ("Tidak", 2))),
        Step(4, "Membaca surat", "Ketua"),
        Step(5, "Mengarsipkan surat", "Staf", simbol="selesai"),
    ),
)

NEW = SopDocument(
    nama="SOP Surat Masuk",
    nomor="01/SOP/2021",
    revisi_ke=2,
    dasar_hukum=("UU 43/2009", "Peraturan ANRI 5/2021"),
    pelaksana=("Staf", "Sekretaris", "Ketua"),
    langkah=(
        Step(1, "Menerima surat masuk", "Staf", simbol="mulai"),
        Step(2, "Memindai surat", "Staf"),
        Step(3, "Mencatat surat dalam agenda", "Staf", waktu="5 menit"),
        Step(4, "Memberi disposisi", "Sekretaris", simbol="keputusan", keputusan=(("Ya", 5), ("Tidak", 3))),
        Step(5, "Membaca surat", "Ketua"),
        Step(6, "Meneruskan surat ke sub bagian", "Staf"),
        Step(7, "Mengarsipkan surat", "Staf", simbol="selesai"),
    ),
)


def test_steps_are_matched_by_content_not_number() -> None:
    diff = diff_sop(OLD, NEW)
    rows = [(c.jenis, c.lama.nomor if c.lama else None, c.baru.nomor if c.baru else None) for c in diff.langkah]
    assert rows == [
        (SAMA, 1, 1),
        (TAMBAH, None, 2),
        (UBAH, 2, 3),
        (SAMA, 3, 4),  # renumbered targets and the renamed actor are not changes
        (SAMA, 4, 5),
        (TAMBAH, None, 6),
        (SAMA, 5, 7),
    ]
    changed = diff.langkah[2]
    assert [(f.field, f.lama, f.baru) for f in changed.fields] == [("waktu", "10 menit", "5 menit")]
    assert changed.marker == "~" and diff.langkah[1].marker == "+"
    assert (diff.ditambah, diff.dihapus, diff.diubah) == (2, 0, 1)


def test_actor_replaced_in_the_same_lane_is_diganti() -> None:
    diff = diff_sop(OLD, NEW)
    assert diff.pelaksana_diganti == (("Kasubbag", "Sekretaris"),)
    assert diff.pelaksana_ditambah == () and diff.pelaksana_dihapus == ()


def test_actors_added_and_removed() -> None:
    old = SopDocument(nama="x", pelaksana=("A", "B", "C"))
    new = SopDocument(nama="x", pelaksana=("A", "C", "D"))
    diff = diff_sop(old, new)
    assert diff.pelaksana_dihapus == ("B",) and diff.pelaksana_ditambah == ("D",) and not diff.pelaksana_diganti


def test_identity_fields() -> None:
    diff = diff_sop(OLD, NEW)
    by_field = {c.field: c for c in diff.identitas}
    assert set(by_field) == {"revisi_ke", "dasar_hukum"}
    assert by_field["dasar_hukum"].ditambah == ("Peraturan ANRI 5/2021",)
    assert by_field["revisi_ke"].lama == "1" and by_field["revisi_ke"].baru == "2"
    signed = diff_sop(OLD, SopDocument(**{**OLD.__dict__, "disahkan_oleh": Pengesah("Sekretaris", "Budi")}))
    assert [(c.field, c.baru) for c in signed.identitas] == [("disahkan_oleh", "Sekretaris, Budi")]


def test_summary_in_words() -> None:
    assert summary_text(diff_sop(OLD, NEW)) == (
        "2 langkah ditambah, 1 langkah diubah, pelaksana 'Kasubbag' diganti 'Sekretaris'; "
        "revisi ke 1 menjadi 2, dasar hukum diperbarui."
    )


def test_removed_and_changed_branch() -> None:
    new = SopDocument(
        nama="SOP Surat Masuk",
        pelaksana=OLD.pelaksana,
        langkah=(
            Step(1, "Menerima surat masuk", "Staf", simbol="mulai"),
            Step(2, "Memberi disposisi", "Kasubbag", simbol="keputusan", keputusan=(("Ya", 3), ("Tidak", 4))),
            Step(3, "Membaca surat", "Ketua"),
            Step(4, "Mengarsipkan surat", "Staf", simbol="selesai"),
        ),
    )
    old = SopDocument(nama=new.nama, pelaksana=OLD.pelaksana, langkah=OLD.langkah)
    diff = diff_sop(old, new)
    assert [c.jenis for c in diff.langkah] == [SAMA, HAPUS, UBAH, SAMA, SAMA]
    branch = diff.langkah[2].fields
    assert [(f.field, f.lama, f.baru) for f in branch] == [("keputusan", "Ya → 4; Tidak → 2", "Ya → 3; Tidak → 4")]
    assert summary_text(diff) == "1 langkah dihapus, 1 langkah diubah."


def test_no_change() -> None:
    diff = diff_sop(OLD, OLD)
    assert diff.is_empty and all(c.jenis == SAMA for c in diff.langkah)
    assert summary_text(diff) == "Tidak ada perubahan isi dibanding versi yang berlaku."


def test_sample_revisions_have_a_summary(sample_proposals) -> None:  # type: ignore[no-untyped-def]
    revisions = [p for p in sample_proposals.values() if p.sebelumnya is not None]
    assert revisions, "the sample meeting has perbaikan/perubahan proposals"
    for proposal in revisions:
        diff = diff_sop(proposal.sebelumnya, proposal.dokumen)
        text = summary_text(diff)
        assert text.endswith(".") and "\n" not in text
        kept = [c for c in diff.langkah if c.jenis != TAMBAH]
        assert len(kept) == len(proposal.sebelumnya.langkah)
