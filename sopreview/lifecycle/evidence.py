"""What the room sees about an SOP in force before judging it (issue 14): its results over time
(evaluations and monitorings, with a sparkline) and the last monitoring's steps that did not run
well, so an evaluation item, or a revision of that SOP, is discussed with evidence.

Reads only the register log and the monitoring log (not every SOP in force), and keeps the result
until either file changes, so the proposal view may ask on every refresh.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sopreview.domain.evaluation import register_id
from sopreview.domain.model import Proposal
from sopreview.domain.monitoring import MonitoringRecord, history_of, next_due
from sopreview.domain.results import ResultPoint, timeline
from sopreview.domain.vocab import EVALUATION_JENIS
from sopreview.lifecycle.folder import EVENTS_FILE, RegisterFolder, read_logs, sebelumnya_file
from sopreview.store.monitoring import MONITORING_FILE, read_log


@dataclass(frozen=True)
class Evidence:
    sop_id: str
    points: tuple[ResultPoint, ...]
    last: MonitoringRecord | None
    next_due: str
    """YYYY-MM-DD, or '' when unknown."""


_CACHE: dict[tuple[Path, str], tuple[tuple[tuple[int, int], ...], RegisterFolder, list[MonitoringRecord]]] = {}


def _stamp(path: Path) -> tuple[int, int]:
    try:
        st = os.stat(path)
    except OSError:
        return (0, -1)
    return (st.st_mtime_ns, st.st_size)


def _logs(sops_dir: Path, sop_id: str) -> tuple[RegisterFolder, list[MonitoringRecord]]:
    """The register log and ``sop_id``'s monitorings, re-read only when a log changed."""
    key = (Path(sops_dir).resolve(), sop_id)
    stamps = tuple(_stamp(key[0] / rel) for rel in (EVENTS_FILE, MONITORING_FILE, "organisasi.yaml"))
    cached = _CACHE.get(key)
    if cached is not None and cached[0] == stamps:
        return cached[1], cached[2]
    folder = read_logs(Path(sops_dir))
    records = history_of(sop_id, read_log(Path(sops_dir), sop=sop_id).records)
    if len(_CACHE) > 64:
        _CACHE.clear()
    _CACHE[key] = (stamps, folder, records)
    return folder, records


def sop_in_force_of(sops_dir: Path, proposal: Proposal) -> str | None:
    """Register id of the SOP in force an evaluation item evaluates, or a revision replaces."""
    if proposal.jenis == EVALUATION_JENIS:
        return register_id(proposal)
    if not proposal.is_revision:
        return None
    target = sebelumnya_file(Path(sops_dir), proposal.sumber)
    if target is None or target.parent.name != "berlaku":
        return None
    return f"{target.parent.parent.name}/{target.stem}"


def evidence_for(sops_dir: Path | None, proposal: Proposal) -> Evidence | None:
    """The results over time of the SOP in force behind ``proposal``; None when there is none to show."""
    if sops_dir is None or not Path(sops_dir).is_dir():
        return None
    sop_id = sop_in_force_of(Path(sops_dir), proposal)
    if sop_id is None:
        return None
    folder, records = _logs(Path(sops_dir), sop_id)
    dokumen = proposal.sebelumnya if proposal.is_revision and proposal.sebelumnya else proposal.dokumen
    last = records[-1] if records else None
    due = next_due(last, dokumen.tanggal_efektif, folder.monitoring_months)
    return Evidence(sop_id, tuple(timeline(folder.events, records, sop_id)), last, due.isoformat() if due else "")
