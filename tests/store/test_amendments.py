"""Amendments in the session (issue 15): journaled, undone, audited, seen by a follower, checked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sopreview.cli import main
from sopreview.domain.amendment import Amendment
from sopreview.store.session import InvalidValue, Session, SessionFileError
from tests.store.builders import P1

WAKTU = Amendment("ubah", 2, nilai={"waktu": "2 hari kerja", "pelaksana": "Staf"})
SISIP = Amendment("sisip", 3, nilai={"kegiatan": "Disposisi", "pelaksana": "Kasubbag"})


def test_an_amendment_is_saved_listed_and_the_proposal_snapshot_is_untouched(session: Session,
                                                                              session_path: Path) -> None:
    words = session.record_amendment(P1, WAKTU)
    assert words == "Langkah 2: pelaksana Kasubbag → Staf; waktu 10 menit → 2 hari kerja"
    assert session.amendments(P1) == [WAKTU]
    assert session.amended(P1).dokumen.step(2).waktu == "2 hari kerja"
    assert session.proposal(P1).dokumen.step(2).waktu == "10 menit"  # the submitted version stays
    with Session.open(session_path, readonly=True) as reader:  # on disk, not only in memory
        assert reader.amended(P1).uraian == (words,)


def test_undo_takes_back_the_last_amendment_only(session: Session) -> None:
    session.record_amendment(P1, WAKTU)
    session.record_amendment(P1, SISIP)
    assert len(session.amended(P1).dokumen.langkah) == 5
    undone = session.undo()
    assert undone is not None and undone.aksi == "amandemen"
    assert session.amendments(P1) == [WAKTU]
    assert len(session.amended(P1).dokumen.langkah) == 4


def test_the_audit_log_says_it_in_words(session: Session) -> None:
    session.record_amendment(P1, WAKTU)
    last = session.audit_log()[-1]
    assert last.aksi == "amandemen" and last.target == P1
    assert "waktu 10 menit → 2 hari kerja" in last.ringkasan


def test_a_refused_amendment_writes_nothing(session: Session, session_path: Path) -> None:
    before = session_path.read_bytes()
    with pytest.raises(InvalidValue, match="langkah 40 tidak ada"):
        session.record_amendment(P1, Amendment("ubah", 2, nilai={"lanjut": 40}))
    assert session_path.read_bytes() == before and session.amendments(P1) == []


def test_a_follower_sees_the_amendment(session: Session, session_path: Path) -> None:
    with Session.open(session_path, readonly=True) as follower:
        assert follower.amended(P1).uraian == ()
        session.record_amendment(P1, SISIP)
        assert follower.reload()
        assert follower.amended(P1).uraian == ("Langkah baru 3 (langkah) disisipkan: Disposisi — Kasubbag",)
        assert follower.amended(P1).amended_steps == {3}


def test_a_hand_edited_amendment_that_no_longer_applies_is_named_at_open(session: Session,
                                                                         session_path: Path) -> None:
    session.record_amendment(P1, WAKTU)
    session.close()
    data = json.loads(session_path.read_text())
    item = next(d for d in data["item"].values() if d["pid"] == P1)
    item["amandemen"][0]["langkah"] = 99
    session_path.write_text(json.dumps(data))
    with pytest.raises(SessionFileError, match=r"amandemen.*langkah 99 tidak ada"):
        Session.open(session_path)


def test_cli_records_lists_and_refuses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    root = Path(__file__).resolve().parents[2]
    shutil.copytree(root / "sops", tmp_path / "sops")
    monkeypatch.chdir(tmp_path)
    assert main(["new", "rapat", "--date", "2022-06-16"]) == 0
    pid = "keuangan-umum-logistik/surat-masuk"
    assert main(["record", "amendment", "rapat", pid, "ubah", "--step", "4", "--set", "waktu=2 hari kerja",
                 "--set", "kegiatan=Membaca dan mendisposisi surat"]) == 0
    assert main(["record", "amendment", "rapat", pid, "sisip", "--step", "3", "--set", "kegiatan=Paraf?",
                 "--set", "pelaksana=Sekretaris", "--set", "keputusan=ya=4,tidak=5"]) == 0
    assert main(["record", "amendment", "rapat", pid, "identitas", "--set", "peralatan=Komputer",
                 "--set", "peralatan=Printer"]) == 0
    capsys.readouterr()
    assert main(["record", "amendment", "rapat", pid, "ubah", "--step", "3", "--set", "lanjut=40"]) == 2
    assert "langkah 40 tidak ada" in capsys.readouterr().err
    assert main(["record", "amendment", "rapat", pid, "hapus", "--step", "4", "--set", "waktu=1"]) == 2
    assert "kolom untuk hapus" in capsys.readouterr().err
    assert main(["amandemen", "rapat", pid]) == 0
    out = capsys.readouterr().out
    assert "1. Langkah 4: kegiatan " in out and "waktu 1 hari kerja → 2 hari kerja" in out
    assert "2. Langkah baru 3 (keputusan) disisipkan: Paraf? — Sekretaris" in out
    assert "3. Peralatan/perlengkapan: ditambah 'Komputer', ditambah 'Printer'" in out
    with Session.open(tmp_path / "sessions" / "rapat.json", readonly=True) as s:
        assert len(s.amendments(pid)) == 3
