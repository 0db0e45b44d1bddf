"""Read the register side of a ``sops/`` folder: numbering pattern, SOPs in force, log, history.

Layout (all inside the sops folder, so the folder alone is the truth):
``<subbag>/berlaku/<slug>.yaml``            an SOP in force (register id ``<subbag>/<slug>``)
``daftar/peristiwa.yaml``                   the register log, append-only
``daftar/riwayat/<subbag>/<slug>/revisi-N.yaml``  a replaced version, with the meeting that replaced it
``daftar/arsip/<rapat>/<subbag>/<slug>.yaml``      a rejected, withdrawn or adopted proposal file
Every problem names the file, line and field, like ``sopreview validate``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sopreview.domain.checker import Checker
from sopreview.domain.loader import IN_FORCE_FOLDER, ORGANISASI_FILE, REGISTER_FOLDER, LoadResult
from sopreview.domain.numbering import NumberPattern, Numbering, PatternError, parse_pattern
from sopreview.domain.problems import Problem
from sopreview.domain.register import (
    DICABUT,
    EVENT_KINDS,
    STATUSES,
    Event,
    InForce,
    Register,
    build_register,
    used_numbers,
)
from sopreview.domain.monitoring import MONITORING_MONTHS, MonitoringRecord
from sopreview.domain.schema import SOP_FIELDS
from sopreview.domain.sop_parse import parse_sop
from sopreview.domain.yamlread import YamlReadError, read_yaml
from sopreview.store.monitoring import MonitoringLog, latest_records, read_log

EVENTS_FILE = f"{REGISTER_FOLDER}/peristiwa.yaml"
HISTORY_FOLDER = f"{REGISTER_FOLDER}/riwayat"
ARCHIVE_FOLDER = f"{REGISTER_FOLDER}/arsip"
_EVENT_HEADER = ("# Daftar SOP: log peristiwa (ditetapkan, direvisi, diarsipkan, status).\n"
                 "# Ditulis oleh `sopreview tetapkan` dan `sopreview status`; jangan mengubah baris lama.\n")


@dataclass
class RegisterFolder:
    """Everything the register and ``tetapkan`` need from the folder, read once."""

    sops_dir: Path
    pattern: NumberPattern | None = None
    kode_nomor: dict[str, str] = field(default_factory=dict)
    subbag_names: dict[str, str] = field(default_factory=dict)
    subbag_order: dict[str, int] = field(default_factory=dict)
    in_force: list[InForce] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    history_numbers: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    events_text: str = ""
    monitoring_months: int = MONITORING_MONTHS
    """``monitoring_bulan`` of organisasi.yaml: months between two monitorings of one SOP."""
    _monitoring: MonitoringLog | None = None

    def monitoring(self) -> MonitoringLog:
        """The monitoring log, read on first use (``tetapkan`` never needs it)."""
        if self._monitoring is None:
            self._monitoring = read_log(self.sops_dir)
        return self._monitoring

    def numbering(self) -> Numbering | None:
        if self.pattern is None:
            return None
        return Numbering(self.pattern, used_numbers(self.in_force, self.events, self.history_numbers))

    def in_force_by_path(self) -> dict[str, InForce]:
        return {f.path: f for f in self.in_force}

    def register(self, proposals: LoadResult | None = None, *, scan: bool = True) -> Register:
        """The Daftar SOP; pending proposals from ``proposals`` if loaded, else found by a quick scan."""
        if proposals is not None:
            pending = pending_by_sop(self.sops_dir, proposals)
        else:
            pending = scan_pending(self.sops_dir) if scan else {}
        return build_register(self.in_force, self.events, self.subbag_names, self.subbag_order, pending)

    def latest_monitoring(self) -> dict[str, MonitoringRecord]:
        """The last monitoring of each SOP (the log's problems are added to ``problems``)."""
        log = latest_records(self.sops_dir)
        self.problems.extend(p for p in log.problems if p not in self.problems)
        return {r.sop: r for r in log.records}

    def register_with_monitoring(self) -> Register:
        """The Daftar SOP with each SOP's last monitoring and next due date (problems of the log added)."""
        latest = self.latest_monitoring()
        return build_register(self.in_force, self.events, self.subbag_names, self.subbag_order,
                              scan_pending(self.sops_dir), latest, self.monitoring_months)

    def events_with(self, new: list[Event]) -> bytes:
        """The log file with ``new`` appended; earlier bytes unchanged."""
        from sopreview.domain.sop_yaml import event_yaml

        text = self.events_text or _EVENT_HEADER
        if text and not text.endswith("\n"):
            text += "\n"
        return (text + "".join(event_yaml(e) for e in new)).encode("utf-8")


def monitored_sops(folder: RegisterFolder) -> list[tuple[str, str, str, str]]:
    """(id, nomor, nama, tanggal_efektif) of the SOPs still to be monitored: in force and not revoked."""
    revoked = {r.sop_id for r in folder.register(scan=False).rows if r.status == DICABUT}
    return [(f.sop_id, f.dokumen.nomor, f.dokumen.nama, f.dokumen.tanggal_efektif)
            for f in folder.in_force if f.sop_id not in revoked]


def _shown(sops_dir: Path, rel: str) -> str:
    return (sops_dir / rel).as_posix()


def read_folder(sops_dir: Path) -> RegisterFolder:
    sops_dir = Path(sops_dir)
    folder = RegisterFolder(sops_dir=sops_dir)
    _read_organisasi(folder)
    _read_in_force(folder)
    _read_events(folder)
    history = sops_dir / HISTORY_FOLDER
    if history.is_dir():
        for path in sorted(history.rglob("*.yaml")):
            try:
                data = read_yaml(path).data
            except YamlReadError:
                continue
            if isinstance(data, dict) and isinstance(data.get("nomor"), str):
                folder.history_numbers.append(data["nomor"])
    return folder


def read_logs(sops_dir: Path) -> RegisterFolder:
    """Only organisasi.yaml and the register log (no SOP files): enough for one SOP's results."""
    folder = RegisterFolder(sops_dir=Path(sops_dir))
    _read_organisasi(folder)
    _read_events(folder)
    return folder


def _read_organisasi(folder: RegisterFolder) -> None:
    path = folder.sops_dir / ORGANISASI_FILE
    shown = _shown(folder.sops_dir, ORGANISASI_FILE)
    try:
        doc = read_yaml(path)
    except YamlReadError:
        return  # reported by the loader (validate)
    if not isinstance(doc.data, dict):
        return
    check = Checker(doc, shown, [])
    for index, raw in enumerate(doc.data.get("subbag") or []):
        if isinstance(raw, dict) and isinstance(raw.get("kode"), str):
            kode = raw["kode"]
            if kode == REGISTER_FOLDER:
                check.problem(("subbag", index, "kode"), f"kode '{kode}' dipakai untuk folder Daftar SOP",
                              f"sops/{REGISTER_FOLDER}/ menyimpan log, riwayat dan arsip; beri sub bagian ini kode lain")
            folder.subbag_names[kode] = str(raw.get("nama") or kode)
            folder.subbag_order[kode] = index
            if raw.get("kode_nomor") is not None:
                folder.kode_nomor[kode] = str(raw["kode_nomor"])
    months = doc.data.get("monitoring_bulan")
    if months is not None:
        if isinstance(months, int) and not isinstance(months, bool) and 1 <= months <= 60:
            folder.monitoring_months = months
        else:
            check.problem(("monitoring_bulan",), f"monitoring_bulan '{months}' tidak sah",
                          "tulis jumlah bulan antara monitoring, 1–60 (bawaan 6)")
    text = doc.data.get("pola_nomor")
    if text is not None and not isinstance(text, str):
        check.problem(("pola_nomor",), "pola_nomor harus berupa teks",
                      'beri tanda kutip, mis. `pola_nomor: "{urut:02}/SOP/{kode}/35.76/{tahun}"`')
    elif text is not None:
        try:
            folder.pattern = parse_pattern(text)
        except PatternError as exc:
            check.problem(("pola_nomor",), f"pola_nomor '{text}': {exc.message}", exc.hint)
    if folder.pattern is not None and folder.pattern.per_kode:
        for index, raw in enumerate(doc.data.get("subbag") or []):
            if isinstance(raw, dict) and not str(raw.get("kode_nomor") or "").strip():
                check.problem(("subbag", index), f"sub bagian '{raw.get('kode')}' belum punya kode_nomor",
                              "pola_nomor memuat {kode}: tambahkan mis. `kode_nomor: HK.05-SD` pada sub bagian ini")
    folder.problems.extend(check.problems)


def read_in_force(sops_dir: Path, sop_id: str) -> InForce | None:
    """One SOP in force by its register id (the monitoring screen needs its steps, not the folder)."""
    subbag, _, slug = sop_id.partition("/")
    if not subbag or not slug or "/" in slug or subbag in (REGISTER_FOLDER, "..", ".") or slug.startswith("."):
        return None
    path = Path(sops_dir) / subbag / IN_FORCE_FOLDER / f"{slug}.yaml"
    if not path.is_file():
        return None
    folder = RegisterFolder(sops_dir=Path(sops_dir))
    _read_in_force(folder, [path])
    return folder.in_force[0] if folder.in_force else None


def _read_in_force(folder: RegisterFolder, paths: list[Path] | None = None) -> None:
    sops_dir = folder.sops_dir
    for path in paths if paths is not None else sorted(sops_dir.glob(f"*/{IN_FORCE_FOLDER}/*.yaml")):
        subbag = path.parent.parent.name
        if subbag == REGISTER_FOLDER:
            continue
        rel = path.relative_to(sops_dir).as_posix()
        shown = _shown(sops_dir, rel)
        try:
            doc = read_yaml(path)
        except YamlReadError as exc:
            folder.problems.append(Problem(shown, exc.line, "", exc.message, exc.hint))
            continue
        problems: list[Problem] = []
        check = Checker(doc, shown, problems)
        data = check.mapping(doc.data, (), "isi berkas")
        if data is not None:
            dokumen = parse_sop(check, data, (), SOP_FIELDS)
            if not any(p.is_error for p in problems):
                folder.in_force.append(InForce(f"{subbag}/{path.stem}", subbag, rel, dokumen,
                                               sampel=data.get("sampel") is True))
        folder.problems.extend(problems)


def _read_events(folder: RegisterFolder) -> None:
    path = folder.sops_dir / EVENTS_FILE
    if not path.is_file():
        return
    shown = _shown(folder.sops_dir, EVENTS_FILE)
    try:
        folder.events_text = path.read_text(encoding="utf-8")
        doc = read_yaml(path)
    except (YamlReadError, UnicodeDecodeError) as exc:
        line = getattr(exc, "line", None)
        folder.problems.append(Problem(shown, line, "", getattr(exc, "message", str(exc)),
                                       "log ini hanya ditambah oleh sopreview; kembalikan dari salinan (git)"))
        return
    check = Checker(doc, shown, folder.problems)
    if not isinstance(doc.data, list):
        check.problem((), "log peristiwa harus berupa daftar", "setiap peristiwa diawali `- peristiwa: ...`")
        return
    for index, raw in enumerate(doc.data):
        event = _event(check, raw, index)
        if event is not None:
            folder.events.append(event)


def _event(check: Checker, raw: Any, index: int) -> Event | None:
    here = (index,)
    if not isinstance(raw, dict):
        check.problem(here, "peristiwa harus berupa pemetaan", "tulis `- peristiwa: ...` lalu kolomnya")
        return None
    kind = raw.get("peristiwa")
    if kind not in EVENT_KINDS:
        check.problem(here + ("peristiwa",), f"jenis peristiwa '{kind}' tidak dikenal",
                      "pilih salah satu: " + " | ".join(EVENT_KINDS))
        return None
    if kind == "status" and raw.get("status") not in STATUSES:
        check.problem(here + ("status",), f"status '{raw.get('status')}' tidak dikenal",
                      "pilih salah satu: " + " | ".join(STATUSES))
        return None
    try:
        return Event.from_dict({k: (v if k == "revisi_ke" else str(v)) for k, v in raw.items()})
    except TypeError as exc:
        check.problem(here, f"peristiwa tidak terbaca ({exc})", "bandingkan dengan peristiwa lain di log")
        return None


def scan_pending(sops_dir: Path) -> dict[str, list[str]]:
    """Proposals waiting for each SOP in force, by their ``sebelumnya`` line, without parsing them.

    The register of a large office must not cost a full validation; ``validate`` does that."""
    out: dict[str, list[str]] = {}
    root = Path(sops_dir).resolve()
    for path in sorted(Path(sops_dir).glob("*/*.yaml")):
        if path.parent.name == REGISTER_FOLDER:
            continue
        rel_proposal = path.relative_to(sops_dir)
        target = sebelumnya_file(Path(sops_dir), rel_proposal.as_posix())
        if target is None:
            continue
        rel = target.relative_to(root)
        if len(rel.parts) == 3 and rel.parts[1] == IN_FORCE_FOLDER:
            out.setdefault(f"{rel.parts[0]}/{rel.stem}", []).append(rel_proposal.with_suffix("").as_posix())
    return out


def pending_by_sop(sops_dir: Path, proposals: LoadResult) -> dict[str, list[str]]:
    """Proposals (revisions) waiting for each SOP in force, by the file their ``sebelumnya`` names."""
    out: dict[str, list[str]] = {}
    root = Path(sops_dir).resolve()
    for proposal in proposals.proposals:
        if not proposal.is_revision:
            continue
        target = sebelumnya_file(Path(sops_dir), proposal.sumber)
        if target is None:
            continue
        rel = target.relative_to(root)
        if len(rel.parts) == 3 and rel.parts[1] == IN_FORCE_FOLDER:
            out.setdefault(f"{rel.parts[0]}/{rel.stem}", []).append(proposal.id)
    return out


def sebelumnya_file(sops_dir: Path, sumber: str) -> Path | None:
    """The resolved file a proposal's ``sebelumnya`` names (None when inline or missing).

    The key is found by its top-level line (the loader has already checked the file), so the
    plan does not parse every proposal a second time."""
    path = sops_dir / sumber
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    match = _SEBELUMNYA.search(text)
    if match is None:
        return None
    value = match.group(1).strip().strip("'\"")
    target = (path.parent / value).resolve()
    return target if target.is_relative_to(Path(sops_dir).resolve()) and target.is_file() else None


_SEBELUMNYA = re.compile(r"^sebelumnya:[ \t]*([^#\n{]+?)[ \t]*(?:#.*)?$", re.MULTILINE)
