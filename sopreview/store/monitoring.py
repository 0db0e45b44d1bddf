"""The monitoring log: ``sops/daftar/monitoring.jsonl``, one JSON line per monitoring, append-only.

Kept beside the register log in the sops folder (the folder alone is the truth). Appending one
fsynced line makes a record durable when ``append`` returns and costs the same at the 50,000th
record as at the first; nothing earlier is ever rewritten. A line torn by a crash (never reported
as saved) is cut before the next append; a line edited by hand into nonsense is skipped and
reported with its line number and field, never a traceback.

This is deliberately a tiny writer: when the shared durable building block of ``store/`` lands,
this module should move onto it (its file name then belongs in ``store/files.py``).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from sopreview.domain.loader import REGISTER_FOLDER
from sopreview.domain.monitoring import MonitoringError, MonitoringRecord
from sopreview.domain.problems import Problem
from sopreview.domain.textsafe import CONTROL
from sopreview.store.storage import fsync_dir

MONITORING_FILE = f"{REGISTER_FOLDER}/monitoring.jsonl"


@dataclass
class MonitoringLog:
    """What the log holds, read once; problems name file, line and field."""

    path: Path
    records: list[MonitoringRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    good_end: int = 0
    torn: bool = False


def log_path(sops_dir: Path) -> Path:
    return Path(sops_dir) / MONITORING_FILE


def read_log(sops_dir: Path, sop: str | None = None) -> MonitoringLog:
    """Every record, or with ``sop`` only that SOP's (other lines are not parsed: one SOP's history
    of a 50,000-line log costs a scan, not 50,000 checked records)."""
    path = log_path(sops_dir)
    needle = json.dumps(sop, ensure_ascii=False)[1:-1].encode("utf-8") if sop is not None else b""
    log = MonitoringLog(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return log
    except OSError as exc:
        log.problems.append(Problem(path.as_posix(), None, "", f"tidak terbaca: {exc.strerror or exc}",
                                    "periksa izin berkas"))
        return log
    lines = raw.split(b"\n")
    offset = 0
    for number, line in enumerate(lines, start=1):
        if number == len(lines):  # after the last newline: empty, or torn by a crash
            log.torn = bool(line.strip())
            if log.torn:
                log.problems.append(Problem(path.as_posix(), number, "", "baris terakhir terpotong (penulisan "
                                            "terputus); tidak dihitung", "catat ulang monitoring itu bila perlu",
                                            severity="warning"))
            break
        offset += len(line) + 1
        log.good_end = offset
        if not line.strip() or (sop is not None and needle not in line):
            continue
        try:
            text = line.decode("utf-8")
            record = MonitoringRecord.from_dict(json.loads(text), clean=b"\\u" not in line and not CONTROL.search(text))
            if sop is None or record.sop == sop:
                log.records.append(record)
        except (ValueError, RecursionError) as exc:
            if isinstance(exc, MonitoringError):
                log.problems.append(Problem(path.as_posix(), number, exc.field, exc.message,
                                            exc.hint or "perbaiki atau hapus baris ini"))
            else:
                log.problems.append(Problem(path.as_posix(), number, "", f"bukan JSON: {exc}",
                                            "perbaiki atau hapus baris ini"))
    return log


def append_record(sops_dir: Path, record: MonitoringRecord) -> Path:
    """Append ``record`` and fsync: durable when this returns. A torn last line is cut first."""
    path = log_path(sops_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    created = not path.exists()
    if not created:
        _cut_torn_tail(path)
    payload = json.dumps(record.to_dict(), ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        size = os.fstat(fd).st_size
        try:
            os.write(fd, payload)
            os.fsync(fd)
        except OSError:
            os.ftruncate(fd, size)  # never leave half a line for the next append to continue
            raise
    finally:
        os.close(fd)
    if created:
        fsync_dir(path.parent)
    return path


def _cut_torn_tail(path: Path) -> None:
    """Cut a last line without its newline (a crash mid-append), reading only the file's tail."""
    with open(path, "r+b") as handle:
        size = handle.seek(0, os.SEEK_END)
        if size == 0:
            return
        handle.seek(size - 1)
        if handle.read(1) == b"\n":
            return
        start = max(0, size - (1 << 20))
        handle.seek(start)
        tail = handle.read()
        cut = tail.rfind(b"\n")
        if cut >= 0 or start == 0:
            handle.truncate(start + cut + 1)
        else:  # a torn line longer than the tail read: end it, read_log reports it
            handle.write(b"\n")
        handle.flush()
        os.fsync(handle.fileno())
