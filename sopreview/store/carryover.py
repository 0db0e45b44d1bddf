"""Carry-over: a new meeting takes up the proposals an earlier one deferred (ditunda: the decision kinds marked ``carries_over``).

The deferred items come first on the new agenda (unfinished business before new business),
each with its history: what every earlier meeting decided and noted. Proposals the earlier
meeting already decided for good are left out when their content has not changed since.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from sopreview.domain.header import MeetingMeta
from sopreview.domain.records import Action, Decision, Evaluation, proposal_hash
from sopreview.domain.model import Proposal
from sopreview.domain.vocab import EVALUATION_JENIS, carries_over

class PreviousSession(Protocol):
    path: Path

    @property
    def meta(self) -> MeetingMeta: ...
    def proposals(self) -> list[Proposal]: ...
    def decision(self, pid: str) -> Decision | None: ...
    def evaluation(self, pid: str) -> Evaluation | None: ...
    def notes(self, pid: str) -> str: ...
    def actions(self, pid: str | None = None) -> list[Action]: ...
    def history_records(self, pid: str) -> list[dict[str, Any]]: ...
    def snapshot_hash(self, pid: str) -> str: ...


@dataclass
class CarryOverPlan:
    agenda: list[Proposal]
    riwayat: dict[str, list[dict[str, Any]]]
    carried: list[str] = field(default_factory=list)
    """Deferred proposals taken over (in their new agenda order)."""
    skipped: list[str] = field(default_factory=list)
    """Proposals left out: decided earlier and unchanged since."""
    asal: dict[str, str] = field(default_factory=dict)


def history_record(prev: PreviousSession, pid: str) -> dict[str, Any]:
    """What one earlier meeting said about one proposal."""
    decision = prev.decision(pid)
    evaluation = prev.evaluation(pid)
    return {
        "sesi": prev.meta.judul,
        "tanggal": prev.meta.tanggal,
        "berkas": prev.path.name,
        "keputusan": decision.keputusan if decision else None,
        "catatan": decision.catatan if decision else "",
        "evaluasi": evaluation.to_dict() if evaluation else None,
        "catatan_diskusi": prev.notes(pid),
        "tindak_lanjut": [a.to_dict() for a in prev.actions(pid)],
    }


def plan_carry_over(prev: PreviousSession, proposals: list[Proposal]) -> CarryOverPlan:
    """Deferred items of ``prev`` (current sops version when it still exists) + the rest of ``proposals``.

    An evaluation item the meeting did not reach (no outcome) is taken up again too: the SOP
    in force still has to be evaluated."""
    fresh = {p.id: p for p in proposals}
    plan = CarryOverPlan(agenda=[], riwayat={},
                         asal={"berkas": prev.path.name, "judul": prev.meta.judul, "tanggal": prev.meta.tanggal})
    done: set[str] = set()
    for old in prev.proposals():
        decision = prev.decision(old.id)
        unreached_evaluation = decision is None and old.jenis == EVALUATION_JENIS
        if unreached_evaluation or (decision is not None and carries_over(decision.keputusan)):
            plan.agenda.append(fresh.get(old.id, old))
            plan.riwayat[old.id] = [*prev.history_records(old.id), history_record(prev, old.id)]
            plan.carried.append(old.id)
            done.add(old.id)
        elif decision is not None and old.id in fresh and proposal_hash(fresh[old.id]) == prev.snapshot_hash(old.id):
            plan.skipped.append(old.id)
            done.add(old.id)
    plan.agenda.extend(p for p in proposals if p.id not in done)
    return plan
