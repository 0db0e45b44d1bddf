"""EvaluationDialog: y / t / space answer the criteria, the count is live, saves go to disk."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static, TextArea

from sopreview.store.session import Session
from sopreview.ui.dialogs import EvaluationDialog
from sopreview.ui.dialogs.evaluation import CriteriaList

from ..conftest import burst
from .conftest import P1, DialogHost, on_disk, run_dialog, type_text


def summary(app: DialogHost) -> str:
    return str(app.screen.query_one("#evaluation-summary", Static).render())


def test_y_and_t_answer_and_move_on_the_count_is_live(session: Session, session_path: Path) -> None:
    seen: list[str] = []

    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        seen.append(summary(app))
        await pilot.press("y", "y")
        seen.append(summary(app))
        await pilot.press("y", "y", "t", "y", "y")
        seen.append(summary(app))
        assert app.focused is not None and app.focused.id == "evaluation-note"  # the last answer moved on
        await type_text(pilot, "Langkah 4 belum dijalankan")
        await pilot.press("tab")  # to Tindakan
        await type_text(pilot, "Sosialisasi ulang")
        await pilot.press("ctrl+s")

    app = run_dialog(lambda: EvaluationDialog(session, P1), script)
    assert seen == [
        "0 dari 7 kriteria terpenuhi (7 belum dinilai)",
        "2 dari 7 kriteria terpenuhi (5 belum dinilai)",
        "6 dari 7 kriteria terpenuhi",
    ]
    assert app.results == ["Evaluasi disimpan: 6 dari 7 kriteria terpenuhi"]
    with on_disk(session_path) as disk:
        evaluation = disk.evaluation(P1)
        assert evaluation is not None
        assert evaluation.jawaban == {"k1": True, "k2": True, "k3": True, "k4": True,
                                      "k5": False, "k6": True, "k7": True}
        assert evaluation.catatan == "Langkah 4 belum dijalankan"
        assert evaluation.tindakan == "Sosialisasi ulang"


def test_space_toggles_and_arrows_move(session: Session, session_path: Path) -> None:
    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        await pilot.press("down", "down", "space")  # k3: unanswered -> Ya
        await pilot.press("down", "space", "space")  # k4: -> Ya -> Tidak
        await pilot.press("up", "up", "t")  # k2: Tidak, then the highlight moves to k3
        assert app.screen.query_one(CriteriaList).highlighted == 2
        await pilot.press("ctrl+s")

    app = run_dialog(lambda: EvaluationDialog(session, P1), script)
    assert app.results == ["Evaluasi disimpan: 1 dari 7 kriteria terpenuhi (4 belum dinilai)"]
    with on_disk(session_path) as disk:
        evaluation = disk.evaluation(P1)
        assert evaluation is not None
        assert evaluation.jawaban == {"k1": None, "k2": False, "k3": True, "k4": False,
                                      "k5": None, "k6": None, "k7": None}


def test_existing_evaluation_is_prefilled(session: Session, session_path: Path) -> None:
    answers = {f"k{n}": n % 2 == 1 for n in range(1, 8)}
    session.record_evaluation(P1, answers, "catatan lama", "tindakan lama")
    seen: dict[str, object] = {}

    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        seen["summary"] = summary(app)
        seen["note"] = app.screen.query_one("#evaluation-note", TextArea).text
        seen["action"] = app.screen.query_one("#evaluation-action", TextArea).text
        await pilot.press("y", "ctrl+s")  # k1 is already Ya: saving keeps everything

    app = run_dialog(lambda: EvaluationDialog(session, P1), script)
    assert seen == {"summary": "4 dari 7 kriteria terpenuhi", "note": "catatan lama\n", "action": "tindakan lama\n"}
    assert app.results == ["Evaluasi disimpan: 4 dari 7 kriteria terpenuhi"]
    with on_disk(session_path) as disk:
        evaluation = disk.evaluation(P1)
        assert evaluation is not None and evaluation.jawaban == answers
        assert (evaluation.catatan, evaluation.tindakan) == ("catatan lama", "tindakan lama")


def test_escape_writes_nothing(session: Session, session_path: Path) -> None:
    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        await pilot.press("y", "y", "escape")

    app = run_dialog(lambda: EvaluationDialog(session, P1), script)
    assert app.results == [None]
    with on_disk(session_path) as disk:
        assert disk.evaluation(P1) is None


def test_read_only_session_cannot_answer(session: Session, session_path: Path) -> None:
    follower = Session.open(session_path, readonly=True)
    seen: dict[str, object] = {}

    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        await pilot.press("y", "space", "ctrl+s")
        seen["summary"] = summary(app)
        seen["disabled"] = app.screen.query_one("#evaluation-note", TextArea).read_only

    try:
        app = run_dialog(lambda: EvaluationDialog(follower, P1), script)
    finally:
        follower.close()
    assert seen == {"summary": "0 dari 7 kriteria terpenuhi (7 belum dinilai)", "disabled": True}
    assert app.results == []
    with on_disk(session_path) as disk:
        assert disk.evaluation(P1) is None


def test_the_trap_note_typed_after_the_answers_never_changes_them(session: Session, session_path: Path) -> None:
    """The issue's trap: seven answers, Enter, "Sudah tepat" typed at once: the space and the t
    of the note once toggled criterion 7 to Tidak. The note goes to Catatan; the answers stay."""

    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        await burst(pilot, *"yyyyyyy", "enter", *"Sudah tepat", "tab", *"Tidak ada", "enter", *"t y", "ctrl+s")

    app = run_dialog(lambda: EvaluationDialog(session, P1), script)
    assert app.results == ["Evaluasi disimpan: 7 dari 7 kriteria terpenuhi"]
    with on_disk(session_path) as disk:
        evaluation = disk.evaluation(P1)
        assert evaluation is not None
        assert set(evaluation.jawaban.values()) == {True}
        assert evaluation.catatan == "Sudah tepat"
        assert evaluation.tindakan == "Tidak ada\nt y"


def test_enter_on_the_answers_moves_to_the_note(session: Session, session_path: Path) -> None:
    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        await burst(pilot, "y", "t", "enter", *"ty ", "ctrl+s")

    app = run_dialog(lambda: EvaluationDialog(session, P1), script)
    assert app.results == ["Evaluasi disimpan: 1 dari 7 kriteria terpenuhi (5 belum dinilai)"]
    with on_disk(session_path) as disk:
        evaluation = disk.evaluation(P1)
        assert evaluation is not None and evaluation.catatan == "ty"
        assert [evaluation.jawaban[f"k{n}"] for n in (1, 2, 3)] == [True, False, None]
