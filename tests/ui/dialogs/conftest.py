"""A small meeting built in Python, a host app for one dialog, and a fixed clock.

The data is written here (not read from ``sops/``) so that snapshots do not move when the
sample SOPs are edited; the people have the long jabatan of a real KPU office on purpose.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Static

from sopreview.domain.model import Organisasi, Orang, Proposal, SopDocument, Step, SubBagian
from sopreview.store.session import Session
from sopreview.ui.dialogs import SessionDialog
from tests.ui.conftest import run_app
from sopreview.ui.keygate import KeyGate

WIB = timezone(timedelta(hours=7))


def _proposal(pid: str, nama: str, jenis: str) -> Proposal:
    langkah = tuple(
        Step(nomor=n, kegiatan=f"Kegiatan {n}", pelaksana="Staf" if n % 2 else "Kasubbag",
             simbol="mulai" if n == 1 else ("selesai" if n == 3 else "proses"))
        for n in range(1, 4)
    )
    dokumen = SopDocument(nama=nama, pelaksana=("Staf", "Kasubbag"), langkah=langkah)
    return Proposal(id=pid, subbag=pid.split("/")[0], jenis=jenis, dokumen=dokumen,
                    pengusul="Noor Ifah", sebelumnya=dokumen if jenis != "baru" else None,
                    sampel=True, sumber=f"{pid}.yaml")


ORGANISASI = Organisasi(
    nama="KPU Kota Mojokerto",
    kota="Mojokerto",
    subbag=(SubBagian("hukum-sdm", "Sub Bagian Hukum dan SDM", "Noor Ifah"),
            SubBagian("keuangan-umum-logistik", "Sub Bagian Keuangan, Umum dan Logistik", "Dikrilia A. Risky EA")),
    orang=(
        Orang("Budi Santoso", "Ketua KPU Kota Mojokerto, Divisi Keuangan, Umum dan Logistik", "Komisioner"),
        Orang("M. Awaludin Zahroni", "Anggota KPU Kota Mojokerto, Divisi Sosialisasi dan SDM", "Komisioner"),
        Orang("Hendra Wijaya, S.Sos., M.Si.", "Sekretaris KPU Kota Mojokerto", "Sekretariat"),
        Orang("Noor Ifah", "Kepala Sub Bagian Hukum dan SDM", "Sub Bagian Hukum dan SDM"),
        Orang("Safitri Nurdin", "Kepala Sub Bagian Perencanaan, Data dan Informasi", "Sub Bagian PDI"),
        Orang("Dikrilia A. Risky EA", "Kepala Sub Bagian Keuangan, Umum dan Logistik", "Sub Bagian KUL"),
        Orang("M. Samsul Arif", "Kepala Sub Bagian Teknis dan Hubmas", "Sub Bagian Teknis"),
        Orang("Dian Puspitasari", "Staf Pelaksana", "Sub Bagian Hukum dan SDM"),
    ),
    sampel=True,
)

PROPOSALS = [
    _proposal("hukum-sdm/jdih", "Jaringan Dokumentasi dan Informasi Hukum (JDIH)", "perbaikan"),
    _proposal("keuangan-umum-logistik/surat-masuk", "Surat Masuk", "baru"),
]
P1, P2 = (p.id for p in PROPOSALS)


class FixedClock:
    """One minute per call from the seed meeting's morning: timestamps differ but never depend on now."""

    def __init__(self) -> None:
        self.now = datetime(2022, 6, 16, 9, 0, tzinfo=WIB)

    def __call__(self) -> datetime:
        value = self.now
        self.now += timedelta(minutes=1)
        return value


class Background(Screen[None]):
    """A plain screen under the dialog, like the agenda the real app shows."""

    def compose(self) -> ComposeResult:
        yield Static("Agenda rapat (latar)", id="background")


class DialogHost(KeyGate, App[None]):
    """Shows one dialog over a plain screen and keeps what it dismissed with.

    It takes keys through the same gate as the real app (one key at a time, in order)."""

    def __init__(self, make_dialog: Callable[[], SessionDialog]) -> None:
        super().__init__()
        self.make_dialog = make_dialog
        self.results: list[str | None] = []

    def on_mount(self) -> None:
        self.push_screen(Background())
        self.push_screen(self.make_dialog(), self.results.append)


@pytest.fixture(autouse=True)
def _no_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor makes screenshots differ from run to run."""
    monkeypatch.setattr(SessionDialog, "CURSOR_BLINK", False)


@pytest.fixture
def session_path(tmp_path: Path) -> Path:
    return tmp_path / "sessions" / "rapat.json"


@pytest.fixture
def session(session_path: Path) -> Iterator[Session]:
    opened = Session.create(session_path, ORGANISASI, PROPOSALS, clock=FixedClock())
    yield opened
    opened.close()


def on_disk(path: Path) -> Session:
    """The session as another process would see it: re-read from the file, read-only."""
    return Session.open(path, readonly=True)


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type like a user: one key press per character."""
    await pilot.press(*text)


def run_dialog(
    make_dialog: Callable[[], SessionDialog],
    script: Callable[[Pilot[None], DialogHost], Awaitable[None]],
    size: tuple[int, int] = (100, 30),
) -> DialogHost:
    """Run ``script`` against the dialog in a headless app; return the app (its results)."""
    return run_app(DialogHost(make_dialog), script, size)
