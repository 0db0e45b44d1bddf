"""A whole meeting on the sample data, by key presses only; then the file holds exactly that.

Attendance (with a guest), every one of the 14 proposals opened, decided and evaluated, one
note, one follow-up action, and one change undone: the session re-read from disk afterwards
must hold what was typed and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.pilot import Pilot

from sopreview.domain.vocab import decision_keys
from sopreview.ui.app import SopReviewApp
from sopreview.ui.dialogs import AttendanceDialog, DecisionDialog, EvaluationDialog
from sopreview.ui.screens.agenda import AgendaScreen
from sopreview.ui.screens.proposal import ProposalScreen

from .conftest import HandClock, on_disk, run_app, type_keys


@dataclass(frozen=True)
class Plan:
    """What the meeting decides about one proposal (keys as the dialogs define them)."""

    decision: int  # 1..5 in the decision dialog
    note: str
    answers: str  # one y/t per criterion
    eval_note: str


def plan_for(index: int) -> Plan:
    decision = (1, 2, 1, 3, 1, 1, 2, 1, 4, 1, 5, 1, 1, 2)[index]
    note = "" if decision == 1 else f"alasan {index + 1}"
    answers = "yyyyyyy" if index % 3 else "yyytyyy"
    return Plan(decision, note, answers, f"eval {index + 1}")


async def keys(pilot: Pilot[None], *names: str) -> None:
    """Press the keys, then let a screen switch (50 ms in textual 8) finish."""
    await pilot.press(*names)
    await pilot.pause()


async def type_text(pilot: Pilot[None], text: str) -> None:
    await type_keys(pilot, text)


def test_whole_meeting_by_keyboard(demo: Path, clock: HandClock) -> None:
    people = [o.nama for o in on_disk(demo).people()]
    pids = [p.id for p in on_disk(demo).proposals()]
    baru = {p.id for p in on_disk(demo).proposals() if p.jenis == "baru"}
    assert len(pids) == 14 and baru

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        assert isinstance(app.screen, AgendaScreen)
        # Daftar hadir: the first four present, the fifth izin, then a guest.
        await keys(pilot, "h")
        assert isinstance(app.screen, AttendanceDialog)
        await keys(pilot, "1", "1", "1", "1", "2", "g")
        await type_text(pilot, "Tamu Bawaslu")
        await keys(pilot, "enter")
        await type_text(pilot, "Narasumber")
        await keys(pilot, "enter", "enter")
        assert isinstance(app.screen, AttendanceDialog)
        await keys(pilot, "escape")
        assert isinstance(app.screen, AgendaScreen)

        for index, pid in enumerate(pids):
            plan = plan_for(index)
            assert app.screen.target_pid() == pid  # type: ignore[attr-defined]
            await keys(pilot, "enter", "s")
            assert isinstance(app.screen, ProposalScreen) and app.screen.pid == pid
            clock.advance(index % 4 + 3)
            await keys(pilot, "d")
            assert isinstance(app.screen, DecisionDialog)
            await keys(pilot, str(plan.decision))
            if plan.note:  # a decision that needs a note puts the cursor in it
                assert app.focused is not None and app.focused.id == "decision-note"
                await type_text(pilot, plan.note)
            await keys(pilot, "ctrl+s")
            assert isinstance(app.screen, ProposalScreen), f"decision not saved for {pid}"
            await keys(pilot, "e")
            if pid in baru:  # never applied: the criteria form is refused, with the reason on screen
                assert isinstance(app.screen, ProposalScreen)
                assert any("belum pernah diterapkan" in str(n.message) for n in app._notifications)
            else:
                assert isinstance(app.screen, EvaluationDialog)
                await type_keys(pilot, plan.answers)  # the last answer moves the cursor to Catatan
                await type_text(pilot, plan.eval_note)
                await keys(pilot, "ctrl+s")
                assert isinstance(app.screen, ProposalScreen), f"evaluation not saved for {pid}"
            if index == 0:
                await keys(pilot, "n")
                await type_text(pilot, "Metadata JDIHN dilengkapi")
                await keys(pilot, "ctrl+s", "a")
                await type_text(pilot, "Perbarui SOP JDIH")
                await keys(pilot, "enter")
                await type_text(pilot, "Noor Ifah")
                await keys(pilot, "enter")
                await type_text(pilot, "2022-07-15")
                await keys(pilot, "enter", "escape")
                assert isinstance(app.screen, ProposalScreen)
            if index == len(pids) - 1:
                # A slip: Ditolak with a reason, then undone with ctrl+z.
                await keys(pilot, "d", "4")
                await type_text(pilot, "salah tekan")
                await keys(pilot, "ctrl+s")
                assert on_disk(demo).decision(pid).keputusan == "ditolak"  # type: ignore[union-attr]
                await keys(pilot, "ctrl+z")
            await keys(pilot, "escape")
            assert isinstance(app.screen, AgendaScreen)
            await keys(pilot, "down")
        await keys(pilot, "q")

    run_app(SopReviewApp(demo, None, clock=clock), script)

    saved = on_disk(demo)
    criteria = [c.id for c in saved.criteria]
    for index, pid in enumerate(pids):
        plan = plan_for(index)
        decision = saved.decision(pid)
        assert decision is not None and decision.keputusan == decision_keys()[plan.decision - 1], pid
        assert decision.catatan == plan.note
        evaluation = saved.evaluation(pid)
        if pid in baru:
            assert evaluation is None
        else:
            assert evaluation is not None
            assert evaluation.jawaban == {c: a == "y" for c, a in zip(criteria, plan.answers, strict=True)}
            assert (evaluation.catatan, evaluation.tindakan) == (plan.eval_note, "")
        clock_ = saved.clock(pid)
        assert clock_.opened_at is not None and not clock_.running, pid
        assert saved.notes(pid) == ("Metadata JDIHN dilengkapi" if index == 0 else "")
    # Each item ran from s until its decision stopped it.
    assert [round(saved.clock(pid).used_seconds / 60) for pid in pids] == [i % 4 + 3 for i in range(14)]
    assert [(a.proposal_id, a.apa, a.siapa, a.kapan) for a in saved.actions()] == [
        (pids[0], "Perbarui SOP JDIH", "Noor Ifah", "2022-07-15")
    ]
    attendance = {nama: a.status for nama, a in saved.attendance().items()}
    assert attendance == {
        **{nama: "hadir" for nama in people[:4]},
        people[4]: "izin",
        "Tamu Bawaslu": "hadir",
    }
    assert [g.nama for g in saved.guests()] == ["Tamu Bawaslu"]
    assert saved.progress() == (14, 14)
    log = saved.audit_log()
    assert any(e.aksi == "batal" for e in log)
    assert saved.current()[0] == pids[-1]
