"""History of one SOP (``riwayat``): every version, who adopted it and when, what changed each time.

Versions are the replaced files kept under ``daftar/riwayat/<sop>/`` plus the file in force; the
meeting and date of each come from the register log; the change between consecutive versions is
computed with the same step diff the meeting saw (``domain/changes.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sopreview.domain.changes import diff_sop, summary_text
from sopreview.domain.checker import Checker
from sopreview.domain.model import SopDocument
from sopreview.domain.monitoring import history_of as history_of_monitoring
from sopreview.domain.results import ResultPoint, point_text, sparkline, timeline
from sopreview.domain.register import DIREVISI, DITETAPKAN, STATUS, STATUS_LABEL, Event, history_of
from sopreview.domain.sop_parse import parse_sop
from sopreview.domain.yamlread import YamlReadError, read_yaml
from sopreview.lifecycle.folder import HISTORY_FOLDER, read_folder
from sopreview.store.monitoring import read_log


@dataclass(frozen=True)
class Version:
    revisi_ke: int
    dokumen: SopDocument
    berkas: str
    berlaku: bool
    """True for the version in force now."""
    rapat: str = ""
    judul_rapat: str = ""
    tanggal: str = ""
    disahkan_oleh: str = ""
    perubahan: str = ""
    """What changed from the previous version (empty for the first one known)."""


@dataclass(frozen=True)
class SopHistory:
    sop_id: str
    versions: tuple[Version, ...]
    status_events: tuple[Event, ...]
    results: tuple[ResultPoint, ...] = ()
    """Evaluations and monitorings, oldest first (results over time, issue 14)."""


def sop_history(sops_dir: Path, sop_id: str) -> SopHistory | None:
    folder = read_folder(sops_dir)
    current = next((f for f in folder.in_force if f.sop_id == sop_id), None)
    if current is None:
        return None
    docs: list[tuple[SopDocument, str, bool]] = []
    for path in sorted((Path(sops_dir) / HISTORY_FOLDER / sop_id).glob("*.yaml")):
        try:
            doc = read_yaml(path)
        except YamlReadError:
            continue
        if isinstance(doc.data, dict):
            rel = path.relative_to(sops_dir).as_posix()
            docs.append((parse_sop(Checker(doc, rel, []), doc.data, ()), rel, False))
    docs.sort(key=lambda d: d[0].revisi_ke)
    docs.append((current.dokumen, current.path, True))
    events = history_of(sop_id, folder.events)
    adopted = {e.revisi_ke: e for e in events if e.peristiwa in (DITETAPKAN, DIREVISI)}
    versions: list[Version] = []
    previous: SopDocument | None = None
    for dokumen, berkas, now in docs:
        event = adopted.get(dokumen.revisi_ke)
        versions.append(Version(
            revisi_ke=dokumen.revisi_ke, dokumen=dokumen, berkas=berkas, berlaku=now,
            rapat=event.rapat if event else "", judul_rapat=event.judul_rapat if event else "",
            tanggal=event.tanggal if event else dokumen.tanggal_efektif,
            disahkan_oleh=dokumen.disahkan_oleh.nama,
            perubahan=summary_text(diff_sop(previous, dokumen)) if previous is not None else ""))
        previous = dokumen
    records = history_of_monitoring(sop_id, read_log(Path(sops_dir), sop=sop_id).records)
    return SopHistory(sop_id, tuple(versions), tuple(e for e in events if e.peristiwa == STATUS),
                      tuple(timeline(events, records, sop_id)))


def history_lines(history: SopHistory) -> list[str]:
    """Plain text for the terminal, newest version last (the order it happened)."""
    current = history.versions[-1].dokumen
    lines = [f"{current.nama}", f"Nomor {current.nomor or '-'} · {history.sop_id}", ""]
    for version in history.versions:
        state = "berlaku" if version.berlaku else "digantikan"
        who = f"ditetapkan rapat {version.judul_rapat or version.rapat} ({version.rapat})" if version.rapat \
            else "berlaku sebelum daftar ini dicatat"
        lines.append(f"Revisi ke-{version.revisi_ke} ({state}) · efektif {version.dokumen.tanggal_efektif or '-'}"
                     f" · {who}")
        if version.disahkan_oleh:
            lines.append(f"  disahkan oleh: {version.disahkan_oleh}")
        if version.perubahan:
            lines.append(f"  perubahan: {version.perubahan}")
        lines.append(f"  berkas: {version.berkas}")
    for event in history.status_events:
        where = f"rapat {event.rapat}" if event.rapat else "di luar rapat"
        lines.append(f"Status {STATUS_LABEL.get(event.status, event.status)} sejak {event.tanggal} ({where}): "
                     f"{event.alasan}")
    if history.results:
        lines += ["", f"Hasil dari waktu ke waktu  {sparkline(history.results)}"]
        lines += [f"  {point_text(p)}" for p in history.results]
    return lines


def history_for_proposal(sops_dir: Path | None, sumber: str) -> SopHistory | None:
    """The history of the SOP a revision proposal revises, when earlier versions are kept (else None).

    Cheap when there is none (one stat), so the proposal view can ask on every refresh."""
    from sopreview.lifecycle.folder import sebelumnya_file

    if sops_dir is None or not (Path(sops_dir) / HISTORY_FOLDER).is_dir():
        return None
    target = sebelumnya_file(Path(sops_dir), sumber)
    if target is None:
        return None
    sop_id = f"{target.parent.parent.name}/{target.stem}"
    if not (Path(sops_dir) / HISTORY_FOLDER / sop_id).is_dir():
        return None
    return sop_history(Path(sops_dir), sop_id)
