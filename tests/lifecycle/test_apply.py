"""tetapkan on the sample after a scripted meeting: files, register and session, field by field."""

from __future__ import annotations

from pathlib import Path

import pytest

from sopreview.cli import main
from sopreview.domain.loader import load_sops
from sopreview.domain.register import DIARSIPKAN, DIREVISI, DITETAPKAN
from sopreview.domain.yamlread import read_yaml
from sopreview.lifecycle.apply import ARSIP, BARU, BELUM, MENUNGGU, REVISI, TETAP, build_plan, session_view
from sopreview.lifecycle.folder import read_folder
from sopreview.store.penetapan import applied
from sopreview.store.session import Session
from tests.lifecycle.scenario import TANGGAL, scripted_meeting, tree

RAPAT = "rapat-2022-06-16"


@pytest.fixture
def meeting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.chdir(tmp_path)
    return scripted_meeting(tmp_path, RAPAT)


def _apply(session: Path, *extra: str) -> int:
    """English flags here (--date, --apply); other tests use the Indonesian aliases (--tanggal, --terapkan)."""
    return main(["tetapkan", str(session), "--date", TANGGAL, *[{"--terapkan": "--apply"}.get(e, e) for e in extra]])


def test_dry_run_is_the_default_and_writes_nothing(meeting: tuple[Path, Path],
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    sops, session = meeting
    before = tree(sops)
    assert _apply(session) == 0
    out = capsys.readouterr().out
    assert "--apply" in out and "01/SOP/KU.01-SD/35.76/2022" in out
    assert _apply(session, "--dry-run", "--apply") == 2
    assert tree(sops) == before


def test_plan_says_what_happens_to_every_item(meeting: tuple[Path, Path]) -> None:
    sops, path = meeting
    with Session.open(path, readonly=True) as session:
        plan = build_plan(session_view(session), sops, TANGGAL)
    assert not plan.refusals
    got = {i.pid: (i.tindakan, i.nomor) for i in plan.items}
    assert got == {
        "hukum-sdm/jdih": (REVISI, "05/SOP/HK.05-SD/35.76/2020"),
        "hukum-sdm/penyusunan-keputusan": (MENUNGGU, ""),
        "perencanaan-data-informasi/pemutakhiran-data-pemilih": (REVISI, "14/SOP/PL.02-SD/35.76/2020"),
        "perencanaan-data-informasi/pelayanan-pdpb": (TETAP, ""),
        "perencanaan-data-informasi/pengelolaan-kinerja": (BARU, "01/SOP/PL.02-SD/35.76/2022"),
        "perencanaan-data-informasi/pelaporan-kegiatan": (BARU, "02/SOP/PL.02-SD/35.76/2022"),
        "keuangan-umum-logistik/surat-masuk": (BARU, "01/SOP/KU.01-SD/35.76/2022"),
        "keuangan-umum-logistik/surat-keluar": (BARU, "02/SOP/KU.01-SD/35.76/2022"),
        "keuangan-umum-logistik/skpp": (ARSIP, ""),
        "keuangan-umum-logistik/penerima-tamu": (ARSIP, ""),
        "keuangan-umum-logistik/penanganan-masalah": (BARU, "03/SOP/KU.01-SD/35.76/2022"),
        "keuangan-umum-logistik/pengontrolan": (BELUM, ""),
        "teknis-parmas-hubmas/simpaw": (REVISI, "21/SOP/PL.01-SD/35.76/2020"),
        "teknis-parmas-hubmas/ppid": (TETAP, ""),
    }


def test_apply_writes_versions_in_force_history_archive_and_log(meeting: tuple[Path, Path]) -> None:
    sops, session = meeting
    old_jdih = (sops / "hukum-sdm/berlaku/jdih.yaml").read_bytes()
    proposal_jdih = load_sops(sops)
    adopted_steps = next(p for p in proposal_jdih.proposals if p.id == "hukum-sdm/jdih").dokumen.langkah
    assert _apply(session, "--terapkan") == 0

    # a revision: same number, revisi_ke + 1, dates from the command line, adopted steps, old text kept
    jdih = read_folder(sops)
    doc = next(f for f in jdih.in_force if f.sop_id == "hukum-sdm/jdih").dokumen
    assert (doc.nomor, doc.revisi_ke, doc.tanggal_revisi, doc.tanggal_efektif, doc.tanggal_pembuatan) == (
        "05/SOP/HK.05-SD/35.76/2020", 1, TANGGAL, TANGGAL, "2020-07-20")
    assert doc.langkah == adopted_steps
    history = sops / "daftar/riwayat/hukum-sdm/jdih/revisi-0.yaml"
    text = history.read_bytes()
    assert text.endswith(old_jdih) and RAPAT.encode() in text.splitlines()[0]
    assert not (sops / "hukum-sdm/jdih.yaml").exists()
    assert (sops / f"daftar/arsip/{RAPAT}/hukum-sdm/jdih.yaml").is_file()

    # a new SOP: numbered, revisi 0, effective on the date, proposal keys gone
    masuk = read_yaml(sops / "keuangan-umum-logistik/berlaku/surat-masuk.yaml").data
    assert (masuk["nomor"], masuk["revisi_ke"], masuk["tanggal_efektif"], masuk["sampel"]) == (
        "01/SOP/KU.01-SD/35.76/2022", 0, TANGGAL, True)
    assert not {"jenis", "pengusul", "alasan", "durasi_menit", "urutan"} & set(masuk)
    assert list(masuk)[:4] == ["sampel", "nama", "nomor", "revisi_ke"]

    # rejected and withdrawn: archived with the reason, gone from the proposals
    skpp = (sops / f"daftar/arsip/{RAPAT}/keuangan-umum-logistik/skpp.yaml").read_text(encoding="utf-8")
    assert "ditolak" in skpp.splitlines()[0] and "# Alasan: Sudah diatur SOP Kementerian Keuangan" in skpp
    # deferred, waiting for its perbaikan, or undecided: still proposals
    left = {p.id for p in load_sops(sops).proposals}
    assert left == {"hukum-sdm/penyusunan-keputusan", "perencanaan-data-informasi/pelayanan-pdpb",
                    "keuangan-umum-logistik/pengontrolan", "teknis-parmas-hubmas/ppid"}

    kinds = [(e.peristiwa, e.usulan) for e in jdih.events]
    assert kinds[0] == (DIREVISI, "hukum-sdm/jdih")
    assert sum(k == DITETAPKAN for k, _ in kinds) == 5 and sum(k == DIARSIPKAN for k, _ in kinds) == 2


def test_register_after_apply_field_by_field(meeting: tuple[Path, Path]) -> None:
    sops, session = meeting
    assert _apply(session, "--terapkan") == 0
    register = read_folder(sops).register(load_sops(sops))
    row = register.row("keuangan-umum-logistik/surat-masuk")
    assert row is not None
    assert (row.nomor, row.nama, row.subbag_nama, row.revisi_ke, row.tanggal_efektif, row.status, row.rapat,
            row.rapat_judul, row.tertunda) == (
        "01/SOP/KU.01-SD/35.76/2022", "SOP Surat Masuk", "Sub Bagian Keuangan, Umum dan Logistik", 0, TANGGAL,
        "berlaku", RAPAT, "Rapat Internal Penyusunan dan Evaluasi SOP", ())
    keputusan = register.row("hukum-sdm/penyusunan-keputusan")
    assert keputusan is not None
    assert (keputusan.revisi_ke, keputusan.rapat, keputusan.tertunda) == (1, "", ("hukum-sdm/penyusunan-keputusan",))
    simpaw = register.row("teknis-parmas-hubmas/simpaw")
    assert simpaw is not None and (simpaw.revisi_ke, simpaw.tanggal_efektif, simpaw.tertunda) == (1, TANGGAL, ())
    assert register.row("keuangan-umum-logistik/skpp") is None


def test_second_run_changes_nothing_and_the_session_records_it(meeting: tuple[Path, Path],
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    sops, session = meeting
    assert _apply(session, "--terapkan") == 0
    after = tree(sops)
    session_bytes = session.read_bytes()
    capsys.readouterr()
    assert _apply(session, "--terapkan") == 0
    assert "Tidak ada yang perlu diterapkan" in capsys.readouterr().out
    assert tree(sops) == after and session.read_bytes() == session_bytes
    with Session.open(session, readonly=True) as s:
        record = applied(s, "keuangan-umum-logistik/surat-masuk")
        assert record is not None and record["nomor"] == "01/SOP/KU.01-SD/35.76/2022"
        assert applied(s, "teknis-parmas-hubmas/ppid") is None
        assert s.audit_log()[-1].aksi == "tetapkan"

    with Session.open(session) as s:
        assert s.undo() is None  # the folder has changed: applying is not undoable


def test_refuses_naming_every_changed_file_and_writes_nothing(meeting: tuple[Path, Path],
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    sops, session = meeting
    for rel in ("keuangan-umum-logistik/surat-masuk.yaml", "hukum-sdm/berlaku/jdih.yaml"):
        path = sops / rel
        path.write_text(path.read_text(encoding="utf-8").replace("Menerima", "Menerima dan membuka"),
                        encoding="utf-8")
    before = tree(sops)
    assert _apply(session, "--terapkan") == 1
    err = capsys.readouterr().err
    assert "sops/keuangan-umum-logistik/surat-masuk.yaml: berubah sejak sesi dibuat" in err
    assert "sops/hukum-sdm/jdih.yaml: berubah sejak sesi dibuat" in err  # its version in force changed
    assert "Traceback" not in err
    assert tree(sops) == before


def test_perbaikan_marked_done_applies_the_corrected_file(meeting: tuple[Path, Path]) -> None:
    sops, session = meeting
    path = sops / "hukum-sdm/penyusunan-keputusan.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("waktu: 1 hari kerja", "waktu: 4 jam", 1),
                    encoding="utf-8")
    assert _apply(session, "--terapkan", "--perbaikan-selesai", "hukum-sdm/penyusunan-keputusan") == 0
    doc = next(f for f in read_folder(sops).in_force if f.sop_id == "hukum-sdm/penyusunan-keputusan").dokumen
    assert doc.revisi_ke == 2 and any(s.waktu == "4 jam" for s in doc.langkah)


def test_round_trip_validates_and_a_new_session_starts_from_the_result(
        meeting: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    sops, session = meeting
    assert _apply(session, "--terapkan") == 0
    capsys.readouterr()
    assert main(["validate", str(sops), "--strict"]) == 0
    assert not read_folder(sops).problems
    assert main(["new", "rapat-berikut", "--sops", str(sops)]) == 0
    with Session.open(Path("sessions/rapat-berikut.json"), readonly=True) as nxt:
        ids = [p.id for p in nxt.proposals()]
        assert set(ids) == {"hukum-sdm/penyusunan-keputusan", "perencanaan-data-informasi/pelayanan-pdpb",
                            "keuangan-umum-logistik/pengontrolan", "teknis-parmas-hubmas/ppid"}
        pdpb = nxt.proposal("perencanaan-data-informasi/pelayanan-pdpb")
        assert pdpb.sebelumnya is not None


def test_writes_nothing_outside_the_sops_folder(meeting: tuple[Path, Path]) -> None:
    sops, session = meeting
    outside = {p for p in sops.parent.rglob("*") if not p.is_relative_to(sops) and "sessions" not in p.parts}
    assert _apply(session, "--terapkan") == 0
    assert {p for p in sops.parent.rglob("*") if not p.is_relative_to(sops) and "sessions" not in p.parts} == outside


def test_only_touched_files_change_and_written_yaml_is_stable(meeting: tuple[Path, Path]) -> None:
    sops, session = meeting
    before = tree(sops)
    with Session.open(session, readonly=True) as s:
        plan = build_plan(session_view(s), sops, TANGGAL)
    assert plan.transaction is not None
    touched = set(plan.transaction.writes) | set(plan.transaction.deletes)
    assert _apply(session, "--terapkan") == 0
    after = tree(sops)
    assert {k: v for k, v in before.items() if k not in touched} == {k: v for k, v in after.items()
                                                                      if k in before and k not in touched}
    assert set(after) - set(before) <= touched and set(before) - set(after) <= touched
    text = after["hukum-sdm/berlaku/jdih.yaml"].decode("utf-8")
    assert text.startswith("# Contoh (sample content)")  # the proposal's leading comment carried over
    assert "keputusan: {sesuai: 5, tidak: 3}" in text and "\n  pelaksana: Staf Hukum\n" in text


def test_refuses_without_a_numbering_pattern(meeting: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    sops, session = meeting
    org = sops / "organisasi.yaml"
    org.write_text("\n".join(line for line in org.read_text(encoding="utf-8").splitlines()
                             if not line.startswith("pola_nomor:")) + "\n", encoding="utf-8")
    before = tree(sops)
    assert _apply(session, "--terapkan") == 1
    assert "belum ada pola_nomor" in capsys.readouterr().err and tree(sops) == before


def test_a_locked_session_is_refused_with_who_holds_it(meeting: tuple[Path, Path],
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    sops, session = meeting
    before = tree(sops)
    with Session.open(session):
        assert _apply(session, "--terapkan") == 3
    assert "terkunci" in capsys.readouterr().err and tree(sops) == before


def test_a_bad_date_is_refused(meeting: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    _sops, session = meeting
    assert main(["tetapkan", str(session), "--tanggal", "2022-02-30"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_a_revision_with_its_version_in_force_written_inline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No file in force yet: the adopted text gets one, and the inline old version goes to history."""
    from tests.lifecycle.scenario import copy_sample

    monkeypatch.chdir(tmp_path)
    sops = copy_sample(tmp_path)
    proposal = sops / "teknis-parmas-hubmas/simpaw.yaml"
    old = (sops / "teknis-parmas-hubmas/berlaku/simpaw.yaml").read_text(encoding="utf-8")
    body = "".join(f"  {line}\n" for line in old.splitlines() if line and not line.startswith(("#", "sampel")))
    proposal.write_text(proposal.read_text(encoding="utf-8").replace("sebelumnya: berlaku/simpaw.yaml",
                                                                     "sebelumnya:\n" + body.rstrip("\n")),
                        encoding="utf-8")
    (sops / "teknis-parmas-hubmas/berlaku/simpaw.yaml").unlink()
    assert main(["validate", str(sops)]) == 0
    assert main(["new", "r", "--sops", str(sops), "--date", "2022-06-16"]) == 0
    assert main(["record", "decision", "r", "teknis-parmas-hubmas/simpaw", "disetujui"]) == 0
    assert main(["tetapkan", "r", "--tanggal", TANGGAL, "--terapkan"]) == 0
    doc = next(f for f in read_folder(sops).in_force if f.sop_id == "teknis-parmas-hubmas/simpaw").dokumen
    assert (doc.nomor, doc.revisi_ke) == ("21/SOP/PL.01-SD/35.76/2020", 1)
    kept = read_yaml(sops / "daftar/riwayat/teknis-parmas-hubmas/simpaw/revisi-0.yaml").data
    assert kept["nomor"] == "21/SOP/PL.01-SD/35.76/2020" and kept["revisi_ke"] == 0


def test_a_proposal_already_applied_by_another_meeting_is_not_applied_again(
        meeting: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    sops, first = meeting
    # a second meeting was prepared from the same folder before the first was applied
    assert main(["new", "rapat-kedua", "--sops", str(sops), "--date", "2022-06-17"]) == 0
    assert main(["record", "decision", "rapat-kedua", "keuangan-umum-logistik/surat-masuk", "disetujui"]) == 0
    assert _apply(first, "--terapkan") == 0
    after = tree(sops)
    capsys.readouterr()
    assert main(["tetapkan", "rapat-kedua", "--date", TANGGAL, "--apply"]) == 0
    out = capsys.readouterr().out
    assert "oleh rapat rapat-2022-06-16" in out and tree(sops) == after
