"""The agenda stays grouped by sub bagian: items move within theirs, whole sub bagian move as blocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from sopreview.store.session import InvalidValue, Session
from tests.store.builders import P1, P2, P3, P4, on_disk


def order(session: Session) -> list[str]:
    return [p.id for p in session.proposals()]


def test_item_moves_only_within_its_sub_bagian(session: Session) -> None:
    session.move_item(P3, 1)
    assert order(session) == [P1, P2, P4, P3]
    with pytest.raises(InvalidValue, match="Surat Masuk sudah paling bawah di Sub Bagian Keuangan"):
        session.move_item(P3, 1)
    with pytest.raises(InvalidValue, match="sudah paling atas di Sub Bagian Keuangan"):
        session.move_item(P4, -1)  # P4 is first of Keuangan now; P2 (Hukum) is not its neighbour
    with pytest.raises(InvalidValue, match="sudah paling atas di Sub Bagian Hukum dan SDM"):
        session.move_item(P1, -3)
    assert order(session) == [P1, P2, P4, P3]
    assert [e.aksi for e in session.audit_log()] == ["buat", "urutan"]  # refusals log nothing


def test_move_item_undo_restores_the_order(session: Session) -> None:
    session.move_item(P2, -1)
    assert order(session) == [P2, P1, P3, P4]
    session.undo()
    assert order(session) == [P1, P2, P3, P4]


def test_interleaved_agenda_keeps_each_sub_bagian_in_its_slots(session: Session) -> None:
    """An agenda reordered by an older release (items mixed) is not made worse: a move swaps
    with the nearest item of the same sub bagian, and the others keep their places."""
    session._set(("sesi", "urutan"), [P1, P3, P2, P4])
    session.move_item(P2, -1)
    assert order(session) == [P2, P3, P1, P4]
    session.move_subbag("keuangan", -1)  # regroups into blocks
    assert order(session) == [P3, P4, P2, P1]


def test_move_sub_bagian_block_and_undo(session: Session, session_path: Path) -> None:
    session.move_subbag("keuangan", -1)
    assert order(session) == [P3, P4, P1, P2]
    assert on_disk(session_path)["sesi"]["1"]["urutan"] == [P3, P4, P1, P2]
    with pytest.raises(InvalidValue, match="Sub Bagian Keuangan sudah paling atas di agenda"):
        session.move_subbag("keuangan", -1)
    with pytest.raises(InvalidValue, match="pilihan: keuangan, hukum-sdm"):
        session.move_subbag("umum", 1)
    session.move_subbag("keuangan", 5)  # clamped to the end
    assert order(session) == [P1, P2, P3, P4]
    session.undo()
    assert order(session) == [P3, P4, P1, P2]
    assert session.audit_log()[-2].ringkasan == "Sub Bagian Keuangan dipindah ke urutan 2"
