"""The Minutes model: counts, wording and honesty rules every renderer relies on."""

from __future__ import annotations

from pathlib import Path

from sopreview.domain.changes import diff_sop, summary_text
from sopreview.minutes.build import build_minutes
from sopreview.minutes.model import BELUM, judul_sop, judul_subbag, subbag_singkat
from sopreview.store.session import Session
from tests.minutes.scenario import UNDECIDED


def test_header_fields(sample_session: Session) -> None:
    m = build_minutes(sample_session)
    assert m.kop.instansi == "KPU Kota Mojokerto"
    assert m.hari_tanggal == "Kamis, 16 Juni 2022"
    assert m.waktu == "09.00 \u2013 12.30 WIB"  # the zone of organisasi.yaml (default WIB)
    assert m.tempat_tanggal_ttd == "Mojokerto, 16 Juni 2022"
    assert m.catatan_sampel  # the sample SOPs are marked as such in the minutes


def test_tally_by_decision_and_jenis(sample_session: Session) -> None:
    m = build_minutes(sample_session)
    assert {r.kunci: r.jumlah for r in m.rekap_keputusan} == {
        "disetujui": 6, "disetujui_dengan_perbaikan": 3, "ditunda": 2, "ditolak": 1, "ditarik": 1, BELUM: 1}
    assert m.ringkasan_keputusan == (
        "5 SOP baru disetujui, 1 SOP baru ditolak, 1 SOP baru ditarik, 1 SOP baru belum diputuskan, "
        "1 SOP perbaikan disetujui, 2 SOP perbaikan disetujui dengan perbaikan, 2 SOP perbaikan ditunda, "
        "dan 1 SOP perubahan disetujui dengan perbaikan.")
    assert [(rj.jenis, rj.jumlah) for rj in m.rekap_jenis] == [("baru", 8), ("perbaikan", 5), ("perubahan", 1)]


def test_undecided_is_listed_and_carried_over(sample_session: Session) -> None:
    m = build_minutes(sample_session)
    undecided = [i for i in m.items if i.keputusan == BELUM]
    assert [i.id for i in undecided] == [UNDECIDED]
    assert undecided[0].keputusan_label == "Belum diputuskan"
    assert len(m.items) == len(sample_session.proposals())
    assert [i.keputusan for i in m.dibawa] == ["ditunda", BELUM, "ditunda"]


def test_evaluation_in_words(sample_session: Session) -> None:
    items = {i.id: i for i in build_minutes(sample_session).items}
    ev = items["hukum-sdm/penyusunan-keputusan"].penilaian
    assert ev is not None and ev.teks == "5 dari 7 kriteria terpenuhi"
    assert ev.tidak_terpenuhi == ("Mudah dilaksanakan", "Sinergi satu dengan lainnya")
    partial = items["perencanaan-data-informasi/pemutakhiran-data-pemilih"].penilaian
    assert partial is not None and partial.teks == "4 dari 7 kriteria terpenuhi (1 belum dinilai)"
    assert partial.belum_dinilai == ("Mampu menjawab kebutuhan peningkatan kinerja organisasi",)
    assert items["keuangan-umum-logistik/surat-masuk"].penilaian is None


def test_revisions_carry_the_change_summary(sample_session: Session) -> None:
    for item, p in zip(build_minutes(sample_session).items, sample_session.proposals()):
        if p.is_revision and p.sebelumnya is not None:
            assert item.perubahan == summary_text(diff_sop(p.sebelumnya, p.dokumen))
            assert item.perubahan
        elif p.jenis == "baru":
            assert item.perubahan == ""


def test_sections_follow_the_agenda(sample_session: Session) -> None:
    m = build_minutes(sample_session)
    assert [s.kode for s in m.pembahasan] == [
        "hukum-sdm", "perencanaan-data-informasi", "keuangan-umum-logistik", "teknis-parmas-hubmas"]
    assert [len(s.items) for s in m.pembahasan] == [2, 4, 6, 2]
    assert [i.no for s in m.pembahasan for i in s.items] == list(range(1, 15))


def test_attendance_and_signatures(sample_session: Session) -> None:
    m = build_minutes(sample_session)
    assert (m.hadir, m.diundang, m.tamu_hadir) == (14, 19, 1)  # the guest is not counted as invited
    assert m.diundang == len(sample_session.organisasi.orang)
    assert [h.nama for h in m.daftar_hadir if h.tamu] == [g.nama for g in sample_session.guests()]
    assert m.kalimat_peserta().startswith("14 dari 19 orang yang diundang hadir (Hadir 14,")
    assert m.kalimat_peserta().endswith("), ditambah 1 tamu.")
    assert {r.label: r.jumlah for r in m.kehadiran} == {
        "Hadir": 14, "Izin": 1, "Sakit": 1, "Tugas luar": 1, "Tanpa keterangan": 1, "Belum dicatat": 1}
    notulis, ketua = m.penandatangan
    assert (notulis.peran, notulis.nama, notulis.nip) == ("Notulis", "Dian Puspitasari", "19920311 201902 2 004")
    assert notulis.pangkat == "Penata Muda (III/a)"
    assert (ketua.peran, ketua.nama, ketua.nip) == ("Pimpinan Rapat", "M. Awaludin Zahroni", "")
    assert ketua.jabatan.startswith("Anggota KPU Kota Mojokerto")


def test_actions_with_who_and_when(sample_session: Session) -> None:
    m = build_minutes(sample_session)
    assert [(t.terkait, t.siapa, t.kapan) for t in m.tindak_lanjut][-2:] == [
        ("SOP Pejabat Pengelola Informasi dan Dokumentasi (PPID)", "M. Samsul Arif", "akhir Juli 2022"),
        ("Umum", "Noor Ifah", "30 Juni 2022"),
    ]


def test_carried_over_items_show_their_history(
    sample_session: Session, sample_session_path: Path, tmp_path: Path
) -> None:
    with Session.create(tmp_path / "lanjutan.json", sample_session.organisasi, [],
                        carry_over_from=sample_session_path) as nxt:
        items = build_minutes(nxt).items
    deferred = [i for i in items if i.riwayat]
    assert [i.id for i in deferred] == [
        "perencanaan-data-informasi/pemutakhiran-data-pemilih", "teknis-parmas-hubmas/ppid"]
    assert deferred[0].riwayat == (
        "16 Juni 2022 (Rapat Internal Penyusunan dan Evaluasi SOP Administrasi Pemerintahan Tahun 2022): "
        "Ditunda \u2013 Menunggu PKPU tentang pemutakhiran data pemilih berkelanjutan yang baru.",)


def test_names() -> None:
    assert judul_sop("Surat Masuk") == "SOP Surat Masuk"
    assert judul_sop("SOP Surat Masuk") == "SOP Surat Masuk"
    assert judul_sop("Sopir Dinas") == "SOP Sopir Dinas"
    assert judul_subbag("Hukum dan SDM") == "Sub Bagian Hukum dan SDM"
    assert judul_subbag("Subbag Umum") == "Sub Bagian Umum"
    assert subbag_singkat("Sub Bagian Keuangan, Umum dan Logistik") == "Keuangan, Umum dan Logistik"


def test_empty_meeting(sample_session: Session, tmp_path: Path) -> None:
    org = sample_session.organisasi
    with Session.create(tmp_path / "kosong.json", org, []) as empty:
        m = build_minutes(empty)
    assert m.items == () and m.ringkasan_keputusan == "Tidak ada usulan SOP yang dibahas."
    assert m.hadir == 0 and m.diundang == len(org.orang)
    assert m.tamu_hadir == 0 and "tamu" not in m.kalimat_peserta()
