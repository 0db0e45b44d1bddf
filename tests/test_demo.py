"""The demo meeting: built like any new meeting, with the officials the organisation makes clear."""

from __future__ import annotations

from pathlib import Path

from sopreview.demo import DEMO_META, create_demo


def test_demo_fills_the_sekretaris_from_organisasi_and_keeps_the_seed_chair(tmp_path: Path) -> None:
    session, result = create_demo(tmp_path)
    try:
        assert len(session.proposals()) == 14 and not result.errors
        assert session.meta.ketua == DEMO_META.ketua  # the seed's chair is not replaced
        sekretaris = [o for o in session.organisasi.orang if o.jabatan.startswith("Sekretaris")]
        assert [session.meta.sekretaris] == [o.nama for o in sekretaris]
        assert session.meta.notulis == ""  # never guessed
    finally:
        session.close()


def test_a_meeting_started_from_the_app_form_has_an_agenda_item(tmp_path: Path) -> None:
    """The 'Rapat baru' form gives no acara: the minutes' Acara section must not come out empty."""
    from sopreview.demo import bundled_sops, create_session
    from sopreview.domain.header import MeetingMeta
    from sopreview.domain.header import DEFAULT_ACARA

    session, _ = create_session(tmp_path / "rapat.json", bundled_sops(),
                                MeetingMeta(judul="Rapat", tanggal="2022-07-01"))
    try:
        assert session.meta.acara == DEFAULT_ACARA
    finally:
        session.close()
