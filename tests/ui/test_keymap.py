"""The key table and the screens agree: every key runs an action that exists, ids are unique."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from sopreview.ui import keymap
from sopreview.ui.app import SopReviewApp
from sopreview.ui.screens.agenda import AgendaScreen
from sopreview.ui.screens.panels import PanelScreen
from sopreview.ui.screens.picker import SessionList, SessionPickerScreen
from sopreview.ui.screens.projector import ProjectorScreen
from sopreview.ui.screens.monitoring import MonitoringScreen
from sopreview.ui.screens.proposal import ProposalScreen
from sopreview.ui.screens.register import RegisterScreen
from sopreview.domain.timing import ItemTime, agenda_timing
from sopreview.ui.widgets.agenda import AgendaList

TARGETS: dict[tuple[str, str], tuple[type, ...]] = {
    ("app", "screen"): (SopReviewApp,),
    ("sesi", "screen"): (AgendaScreen, ProposalScreen),
    ("agenda", "screen"): (AgendaScreen,),
    ("agenda", "list"): (AgendaList,),
    ("usulan", "screen"): (ProposalScreen,),
    ("pemilih", "screen"): (SessionPickerScreen,),
    ("pemilih", "list"): (SessionList,),
    ("panel", "screen"): (PanelScreen,),
    ("proyektor", "screen"): (ProjectorScreen,),
    ("daftar", "screen"): (RegisterScreen,),
    ("monitoring", "screen"): (MonitoringScreen,),
}


@pytest.mark.parametrize("spec", keymap.KEYMAP, ids=lambda s: s.id)
def test_every_key_runs_an_existing_action(spec: keymap.KeySpec) -> None:
    action = spec.action.split("(")[0]
    owners: tuple[type, ...] = TARGETS[(spec.scope, spec.target)]
    if action.startswith("app."):
        owners, action = (SopReviewApp,), action[4:]
    for owner in owners:
        assert callable(getattr(owner, f"action_{action}", None)), f"{owner.__name__} lacks action_{action}"


def test_ids_are_unique_and_scoped() -> None:
    ids = [s.id for s in keymap.KEYMAP]
    assert len(ids) == len(set(ids))
    assert all(s.id.startswith(f"{s.scope}.") for s in keymap.KEYMAP)
    assert all(s.scope in keymap.SCOPE_LABEL for s in keymap.KEYMAP)


@pytest.mark.parametrize("scopes", [("app", "sesi", "agenda"), ("app", "sesi", "usulan"), ("app", "pemilih"), ("proyektor",)])
def test_no_key_means_two_things_on_one_screen(scopes: tuple[str, ...]) -> None:
    seen: dict[str, str] = {}
    for spec in keymap.specs(*scopes):
        for key in spec.key.split(","):
            paired = frozenset({seen.get(key), spec.id}) in keymap.SAME_KEY_BY_STATE
            assert key not in seen or paired, f"{key} is both {seen[key]} and {spec.id}"
            seen[key] = spec.id


def test_write_keys_are_marked() -> None:
    assert {"decision", "undo", "move", "stop_clock", "start_clock", "pause", "resume"} <= keymap.write_actions()
    assert "export" not in keymap.write_actions() and "audit_log" not in keymap.write_actions()


def test_timing_forecast_counts_what_undecided_items_still_need() -> None:
    now = datetime(2022, 6, 16, 9, 30)
    items = [
        ItemTime(10, 12 * 60, decided=True),  # ran over, done
        ItemTime(15, 5 * 60, decided=False),  # 10 minutes left
        ItemTime(8, 9 * 60, decided=False),  # over plan, still open: nothing left by plan
        ItemTime(20, 0, decided=False),
    ]
    timing = agenda_timing(items, now)
    assert timing.planned_minutes == 53
    assert timing.used_seconds == 26 * 60
    assert timing.expected_end == now + timedelta(minutes=30)
    assert not timing.over_plan
    assert agenda_timing([ItemTime(1, 61, False)], now).over_plan


def test_projector_keys_are_its_bindings_and_in_the_help() -> None:
    """The projector's screen binds exactly the table's projector keys, and the help lists them."""
    from rich.console import Console

    from sopreview.ui.screens.help import help_renderable

    bound = {b.id for b in ProjectorScreen.BINDINGS if hasattr(b, "id")}
    assert bound == {s.id for s in keymap.specs("proyektor")}
    console = Console(width=120, record=True)
    console.print(help_renderable())
    text = console.export_text()
    assert "Layar proyektor" in text
    for needle in ("Pembacaan keputusan", "Slide judul sub bagian", "Setelah pembacaan (b): tutup rapat",
                   "Perbesar flowchart", "Ganti tema proyektor", "Jeda j"):
        assert needle in text, needle
