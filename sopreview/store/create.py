"""The first version of a session file: snapshot of the agenda, criteria copy, empty records."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
import secrets
from pathlib import Path
from typing import Any

from sopreview.domain.changes import change_summary
from sopreview.domain.criteria import Criterion, default_criteria
from sopreview.domain.header import MeetingMeta
from sopreview.domain.records import plain_proposal_hash
from sopreview.domain.model import Organisasi, Proposal
from sopreview.store import schema
from sopreview.store.files import SessionFiles
from sopreview.store.carryover import CarryOverPlan, PreviousSession, plan_carry_over
from sopreview.store.errors import SessionError


def prepare_agenda(proposals: list[Proposal], carry_over_from: Path | None,
                   open_readonly: Callable[[Path], Any]) -> CarryOverPlan:
    """The agenda as given, or merged with the deferred items of an earlier session."""
    seen: set[str] = set()
    for proposal in proposals:
        if proposal.id in seen:
            raise SessionError(f"usulan {proposal.id!r} muncul dua kali; id usulan harus unik")
        seen.add(proposal.id)
    if carry_over_from is None:
        return CarryOverPlan(agenda=list(proposals), riwayat={})
    previous: PreviousSession
    with open_readonly(Path(carry_over_from)) as previous:
        return plan_carry_over(previous, proposals)


def build_session_data(organisasi: Organisasi, plan: CarryOverPlan, meta: MeetingMeta,
                       criteria: tuple[Criterion, ...] | None, sops_dir: Path | None,
                       now: datetime) -> tuple[dict[str, Any], dict[str, Any]]:
    """TinyDB tables of a new session, and its first audit entry (``buat``)."""
    stamp = now.isoformat(timespec="seconds")
    session_id = secrets.token_hex(8)
    agenda = plan.agenda
    origin = f" dan {len(plan.carried)} usulan ditunda dari {plan.asal.get('berkas')}" if plan.carried else ""
    entry = {"seq": 1, "waktu": stamp, "aksi": "buat", "target": "sesi", "lama": None,
             "baru": {"judul": meta.judul, "usulan": len(agenda)},
             "ringkasan": f"Sesi dibuat: {len(agenda)} usulan di agenda{origin}", "batal": None, "perubahan": [],
             "sesi": session_id}
    numbered = {str(n): _agenda_doc(p) for n, p in enumerate(agenda, 1)}
    items = {str(n): {"pid": p.id, "menit": int(p.durasi_menit), "keputusan": None, "evaluasi": None,
                      "catatan": "", "jam": [], "riwayat": plan.riwayat.get(p.id, [])}
             for n, p in enumerate(agenda, 1)}
    data: dict[str, Any] = {
        schema.T_SESI: {"1": {
            "schema": schema.SCHEMA_VERSION, "id": session_id, "dibuat": stamp, "aplikasi": "sopreview",
            "urutan": [p.id for p in agenda], "current": None, "tab": "ringkasan",
            "audit_seq": 1, "audit_last": entry, "next_action": 1,
            "sops_dir": str(Path(sops_dir).resolve()) if sops_dir is not None else None,
            "asal": plan.asal or None,
        }},
        schema.T_META: {"1": meta.to_dict()},
        schema.T_ORGANISASI: {"1": organisasi.to_dict()},
        schema.T_KRITERIA: {str(n): {"id": c.id, "teks": c.teks}
                            for n, c in enumerate(criteria or default_criteria(), 1)},
        schema.T_AGENDA: numbered,
        schema.T_ITEM: items,
        schema.T_AKSI: {},
        schema.T_HADIR: {},
        schema.T_TAMU: {},
    }
    return data, entry


def _agenda_doc(proposal: Proposal) -> dict[str, Any]:
    """The proposal's snapshot document: its plain form made once, for the hash and the file."""
    data = proposal.to_dict()
    return {"pid": proposal.id, "hash": plain_proposal_hash(data), "data": data,
            "perubahan": change_summary(proposal)}


def set_aside_orphan_journal(path: Path, now: datetime) -> list[str]:
    """A journal or snapshot without its session file belongs to a deleted session (or a creation
    that died half-way): keep it, under another name, so the new session starts clean."""
    files = SessionFiles(path)
    warnings = []
    for orphan, what in ((files.journal, "Log audit lama"), (files.snapshot, "Snapshot usulan lama")):
        if orphan.exists():
            aside = orphan.with_name(f"{orphan.name}.lama-{now:%Y%m%d%H%M%S}")
            orphan.rename(aside)
            warnings.append(f"{what} tanpa berkas sesi dipindahkan ke {aside.name}.")
    return warnings
