"""Adding a decision kind is one table row: agenda, dialog, CLI, minutes and CSV all pick it up.

The row is added with monkeypatch (so no other test sees it); nothing else is patched, which is
the point: no second list of decisions may exist anywhere in the package.
"""

from __future__ import annotations

import argparse
import csv
import io
from pathlib import Path

import pytest
from textual.pilot import Pilot

from sopreview.cli import build_parser
from sopreview.domain import vocab
from sopreview.minutes.export import render_minutes
from sopreview.store.session import Session
from sopreview.ui.dialogs import DecisionDialog
from sopreview.ui.dialogs._choices import ChoiceList
from sopreview.ui.widgets.agenda import AgendaList

from sopreview.ui.app import SopReviewApp

from .conftest import HandClock, run_app
from .dialogs.conftest import ORGANISASI, P1, P2, PROPOSALS, FixedClock, run_dialog

NEW = vocab.DecisionKind("dievaluasi_ulang", "Dievaluasi ulang", "Eval. ulang", "↻", "warning",
                         note_required=True, carries_over=True)


@pytest.fixture
def with_new_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vocab, "DECISION_KINDS", (*vocab.DECISION_KINDS, NEW))


@pytest.fixture
def session(tmp_path: Path) -> Session:
    return Session.create(tmp_path / "sessions" / "rapat.json", ORGANISASI, PROPOSALS, clock=FixedClock())


def _subparser(parser: argparse.ArgumentParser, *names: str) -> argparse.ArgumentParser:
    for name in names:
        action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        parser = action.choices[name]
    return parser


def test_the_store_and_cli_accept_the_new_kind(with_new_kind: None, session: Session) -> None:
    session.record_decision(P1, "dievaluasi_ulang", "Cek lagi dasar hukumnya.")
    assert session.decision(P1).label == "Dievaluasi ulang"
    record = _subparser(build_parser(), "record", "decision")
    helps = {a.dest: a.help for a in record._actions}
    assert "dievaluasi_ulang" in helps["decision"]
    session.close()


def test_minutes_and_csv_list_the_new_kind(with_new_kind: None, session: Session) -> None:
    session.record_decision(P1, "dievaluasi_ulang", "Cek lagi dasar hukumnya.")
    session.record_decision(P2, "disetujui", "")
    md = render_minutes(session, "md").decode("utf-8")
    assert "Dievaluasi ulang" in md
    rows = list(csv.reader(io.StringIO(render_minutes(session, "csv").decode("utf-8-sig"))))
    by_code = {row[-2]: row for row in rows[1:]}
    assert by_code["dievaluasi_ulang"][5] == "Dievaluasi ulang"
    session.close()


def test_dialog_offers_the_new_kind_and_records_it(with_new_kind: None, session: Session) -> None:
    seen: dict[str, object] = {}

    async def script(pilot: Pilot[None], app) -> None:  # type: ignore[no-untyped-def]
        choices = app.screen.query_one(ChoiceList)
        seen["options"] = [str(choices.get_option_at_index(i).prompt) for i in range(choices.option_count)]
        await pilot.press("end", "tab")
        await pilot.press(*"Cek lagi.")
        await pilot.press("ctrl+s")

    app = run_dialog(lambda: DecisionDialog(session, P1), script)
    assert any("Dievaluasi ulang" in o for o in seen["options"])  # type: ignore[union-attr]
    assert app.results == ["Keputusan disimpan: Dievaluasi ulang"]
    assert session.decision(P1).keputusan == "dievaluasi_ulang"
    session.close()


def test_the_next_meeting_carries_the_new_kind_over(with_new_kind: None, session: Session, tmp_path: Path) -> None:
    session.record_decision(P1, "dievaluasi_ulang", "Cek lagi.")
    session.record_decision(P2, "disetujui", "")
    session.close()
    with Session.create(tmp_path / "sessions" / "lanjut.json", ORGANISASI, PROPOSALS,
                        carry_over_from=session.path, clock=FixedClock()) as nxt:
        assert nxt.carried_over == [P1]


def test_agenda_row_shows_the_short_label(with_new_kind: None, session: Session, clock: HandClock) -> None:
    session.record_decision(P1, "dievaluasi_ulang", "Cek lagi.")
    session.close()
    seen: dict[str, str] = {}

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        seen["row"] = str(app.screen.query_one(AgendaList).get_option(P1).prompt)

    run_app(SopReviewApp(session.path, None, clock=clock), script)
    assert "↻ Eval. ulang" in seen["row"]


def test_a_row_added_at_run_time_gets_its_number_key(session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    # The row is added after DecisionDialog was imported and its class built: the digit key must
    # still come from the vocabulary as it stands when the dialog opens (not frozen at import).
    n = len(vocab.DECISION_KINDS) + 1
    monkeypatch.setattr(vocab, "DECISION_KINDS", (*vocab.DECISION_KINDS, NEW))

    async def script(pilot: Pilot[None], app) -> None:  # type: ignore[no-untyped-def]
        await pilot.press(str(n))
        await pilot.press(*"Cek lagi.")
        await pilot.press("ctrl+s")

    app = run_dialog(lambda: DecisionDialog(session, P1), script)
    assert app.results == ["Keputusan disimpan: Dievaluasi ulang"]
    assert session.decision(P1).keputusan == "dievaluasi_ulang"
    from sopreview.ui.dialogs.keys import dialog_keys
    rows = dict(dialog_keys())["Keputusan"]
    assert (str(n), "Dievaluasi ulang") in rows
    session.close()
