"""SIGKILL during tetapkan at many counted moments: the next run leaves the folder untouched or fully applied.

The child process is forked and killed by itself right after its N-th durable step (counted,
never timed). fsync is a no-op in the child to keep 100 kills fast: SIGKILL does not drop the
page cache, so what this checks is the order of renames and the recovery, not the disk.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
from dataclasses import replace
from pathlib import Path

import pytest

from sopreview.domain.loader import load_sops
from sopreview.lifecycle.apply import Plan, build_plan, execute, session_view
from sopreview.lifecycle.folder import read_folder
from sopreview.lifecycle.transaction import pending, recover
from sopreview.store.session import Session
from tests.lifecycle.scenario import TANGGAL, scripted_meeting, tree

KILLS = 100


def _plan(sops: Path, session: Path) -> Plan:
    with Session.open(session, readonly=True) as s:
        view = session_view(s)
    plan = build_plan(view, sops, TANGGAL)
    assert not plan.refusals and plan.transaction is not None
    return plan


def _count_steps(sops: Path, session: Path) -> int:
    steps: list[str] = []
    execute(_plan(sops, session), steps.append)
    return len(steps)


def _killed_run(plan: Plan, work: Path, kill_at: int) -> None:
    assert plan.transaction is not None
    plan = replace(plan, transaction=replace(plan.transaction, root=work))  # same bytes, another copy
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        try:
            os.fsync = lambda fd: None  # type: ignore[assignment]
            count = 0

            def hook(_name: str) -> None:
                nonlocal count
                count += 1
                if count == kill_at:
                    os.kill(os.getpid(), signal.SIGKILL)

            execute(plan, hook)
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL


def test_sigkill_at_counted_moments_leaves_untouched_or_fully_applied(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sops, session = scripted_meeting(tmp_path / "asal")
    before = tree(sops)
    plan = _plan(sops, session)
    done_dir = tmp_path / "selesai"
    shutil.copytree(sops, done_dir)
    total = _count_steps(done_dir, session)
    after = tree(done_dir)
    assert before != after and total > 20
    for state_dir in (sops, done_dir):  # the two states every kill must end in both validate
        assert not load_sops(state_dir).errors and not read_folder(state_dir).problems
    monkeypatch.setattr(os, "fsync", lambda fd: None)
    rng = random.Random(13)
    outcomes = {"untouched": 0, "applied": 0}
    said = 0
    for n in range(KILLS):
        work = tmp_path / f"k{n}"
        shutil.copytree(sops, work)
        kill_at = rng.randint(1, total - 1)
        _killed_run(plan, work, kill_at)
        assert pending(work)
        message = recover(work)
        said += message is not None
        assert not pending(work)
        state = tree(work)
        assert state in (before, after), f"kill after step {kill_at}: half-applied folder"
        outcomes["untouched" if state == before else "applied"] += 1
        shutil.rmtree(work)
    assert said == KILLS
    assert outcomes["untouched"] and outcomes["applied"], outcomes
