"""SVG snapshots of the flowchart, change view and projector (pytest-textual-snapshot).

Update after an intended change with ``pytest tests/flowchart/test_snapshots.py --snapshot-update``
and look at the pictures (``rsvg-convert -w 1200 x.svg -o x.png``).
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from sopreview.ui.theme import PROJECTOR_LIGHT_THEME, PROJECTOR_THEME
from tests.flowchart.apps import ChangeApp, FixedClock, FlowchartApp, ProjectorApp, T0, make_session

SAMPLES = (
    "keuangan-umum-logistik/surat-masuk",
    "hukum-sdm/penyusunan-keputusan",
    "perencanaan-data-informasi/pelayanan-pdpb",
)
SIZES = ((80, 24), (160, 45))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("pid", SAMPLES, ids=lambda p: p.split("/")[1])
def test_flowchart(snap_compare, sample_proposals, pid: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    app = FlowchartApp(sample_proposals[pid].dokumen, theme=PROJECTOR_THEME)
    assert snap_compare(app, terminal_size=size)


def test_flowchart_scrolled_keeps_lane_titles(snap_compare, sample_proposals) -> None:  # type: ignore[no-untyped-def]
    app = FlowchartApp(sample_proposals[SAMPLES[0]].dokumen)
    assert snap_compare(app, terminal_size=(80, 24), press=["pagedown"])


def test_flowchart_split_into_pages_light_theme(snap_compare, sample_proposals) -> None:  # type: ignore[no-untyped-def]
    app = FlowchartApp(sample_proposals[SAMPLES[1]].dokumen, theme=PROJECTOR_LIGHT_THEME, halaman=4, mutu=False)
    assert snap_compare(app, terminal_size=(120, 45), press=["pagedown"])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_change_view(snap_compare, sample_proposals, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    app = ChangeApp(sample_proposals["perencanaan-data-informasi/pelayanan-pdpb"], show_summary=True)
    assert snap_compare(app, terminal_size=size)


@pytest.fixture
def projector_session(tmp_path: Path, sample_proposals):  # type: ignore[no-untyped-def]
    from sopreview.domain.loader import load_sops
    from tests.flowchart.conftest import SOPS

    result = load_sops(SOPS)
    clock = FixedClock()
    session = make_session(tmp_path / "rapat.json", result.proposals, result.organisasi, clock)
    yield session, clock
    session.close()


@pytest.mark.parametrize(
    ("size", "keys", "minutes_used", "decided"),
    [
        ((120, 36), [], 3, False),
        ((120, 36), ["tab"], 11, True),
        ((80, 24), ["tab", "tab"], 14, False),
        ((160, 45), ["tab", "tab", "tab"], 5, True),
    ],
    ids=["ringkasan", "flowchart-hampir", "perubahan-80x24-lewat", "keputusan"],
)
def test_projector(snap_compare, projector_session, size, keys, minutes_used, decided) -> None:  # type: ignore[no-untyped-def]
    session, clock = projector_session
    pid = "hukum-sdm/penyusunan-keputusan"
    session.open_item(pid)
    clock.now = T0 + timedelta(minutes=minutes_used)
    if decided:
        session.record_decision(pid, "disetujui_dengan_perbaikan", "Langkah 5: tambahkan batas waktu pemeriksaan.")
    assert snap_compare(ProjectorApp(session, pid), terminal_size=size, press=keys)
