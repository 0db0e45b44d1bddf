"""The monitoring log: ``sops/daftar/monitoring.jsonl``, one JSON line per monitoring, append-only.

Kept beside the register log in the sops folder (the folder alone is the truth). Appending one
fsynced line makes a record durable when ``append`` returns and costs the same at the 50,000th
record as at the first; nothing earlier is ever rewritten. A line torn by a crash (never reported
as saved) is cut before the next append; a line edited by hand into nonsense is skipped and
reported with its line number and field, never a traceback.

The appending itself is ``durable.AppendLog``, the building block the session's journal uses.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from sopreview.domain.loader import REGISTER_FOLDER
from sopreview.domain.monitoring import MonitoringError, MonitoringRecord
from sopreview.domain.problems import Problem
from sopreview.domain.textsafe import CONTROL
from sopreview.durable.journal import AppendLog

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


def _read_raw(log: MonitoringLog) -> bytes | None:
    """The log's bytes; None when there is none yet, or when it cannot be read (then said in
    ``log.problems``, naming the file)."""
    try:
        return log.path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.problems.append(Problem(log.path.as_posix(), None, "", f"tidak terbaca: {exc.strerror or exc}",
                                    "periksa izin berkas"))
        return None


def read_log(sops_dir: Path, sop: str | None = None) -> MonitoringLog:
    """Every record, or with ``sop`` only that SOP's (other lines are not parsed: one SOP's history
    of a 50,000-line log costs a scan, not 50,000 checked records)."""
    path = log_path(sops_dir)
    needle = json.dumps(sop, ensure_ascii=False)[1:-1].encode("utf-8") if sop is not None else b""
    log = MonitoringLog(path)
    raw = _read_raw(log)
    if raw is None:
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


_HEAD = re.compile(rb'^\{"sop":"((?:[^"\\]|\\.)*)","tanggal":"(\d{4}-\d{2}-\d{2})"')
_DICATAT = re.compile(rb'"dicatat":"([^"\\]*)"\}\s*$')


def latest_records(sops_dir: Path) -> MonitoringLog:
    """The last monitoring of each SOP (``records`` holds one per SOP), for the due list and the register.

    Lines as this module writes them are ranked by their leading ``sop`` and ``tanggal`` and the
    trailing ``dicatat`` without being parsed; only each SOP's winner is parsed and checked (a
    50,000-line log costs a scan plus one parse per SOP). Any other line is parsed in full, so a
    hand-edited line still counts and a damaged one is still reported with its number."""
    path = log_path(sops_dir)
    log = MonitoringLog(path)
    raw = _read_raw(log)
    if raw is None:
        return log
    best: dict[bytes, tuple[bytes, bytes, int, bytes]] = {}
    parsed: list[tuple[MonitoringRecord, int]] = []
    lines = raw.split(b"\n")
    for number, line in enumerate(lines, start=1):
        if number == len(lines):
            log.torn = bool(line.strip())
            break
        head = _HEAD.match(line)
        tail = _DICATAT.search(line) if head else None
        if head and tail:
            key = (head.group(2), tail.group(1))
            seen = best.get(head.group(1))
            if seen is None or key >= seen[:2]:
                best[head.group(1)] = (*key, number, line)
        elif line.strip():
            record = _parse(log, line, number)
            if record is not None:
                parsed.append((record, number))
    for _date, _when, number, line in best.values():
        record = _parse(log, line, number)
        if record is not None:
            parsed.append((record, number))
    latest: dict[str, MonitoringRecord] = {}
    for record, _number in parsed:
        seen_record = latest.get(record.sop)
        if seen_record is None or (record.tanggal, record.dicatat) >= (seen_record.tanggal, seen_record.dicatat):
            latest[record.sop] = record
    log.records = list(latest.values())
    return log


def _parse(log: MonitoringLog, line: bytes, number: int) -> MonitoringRecord | None:
    try:
        text = line.decode("utf-8")
        return MonitoringRecord.from_dict(json.loads(text), clean=b"\\u" not in line and not CONTROL.search(text))
    except MonitoringError as exc:
        log.problems.append(Problem(log.path.as_posix(), number, exc.field, exc.message,
                                    exc.hint or "perbaiki atau hapus baris ini"))
    except (ValueError, RecursionError) as exc:
        log.problems.append(Problem(log.path.as_posix(), number, "", f"bukan JSON: {exc}",
                                    "perbaiki atau hapus baris ini"))
    return None


def append_record(sops_dir: Path, record: MonitoringRecord) -> Path:
    """Append ``record`` and fsync (``durable.AppendLog``): durable when this returns. A line torn
    by a crash is cut first, reading only the file's tail."""
    path = log_path(sops_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    log = AppendLog(path)
    payload = json.dumps(record.to_dict(), ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
    size = log.size()
    if size:
        log.good_end = _complete_end(path, size)
        if log.good_end < size:
            log.drop_torn_tail()
        elif not _ends_with_newline(path, size):
            payload = b"\n" + payload  # a torn line longer than the tail read: end it, read_log reports it
    try:
        log.append(payload)
    finally:
        log.close()
    return path


def _ends_with_newline(path: Path, size: int) -> bool:
    with open(path, "rb") as handle:
        handle.seek(size - 1)
        return handle.read(1) == b"\n"


def _complete_end(path: Path, size: int) -> int:
    """Byte just past the last newline (``size`` when the file ends in one)."""
    with open(path, "rb") as handle:
        handle.seek(size - 1)
        if handle.read(1) == b"\n":
            return size
        start = max(0, size - (1 << 20))
        handle.seek(start)
        cut = handle.read().rfind(b"\n")
    if cut < 0 and start > 0:
        return size  # a torn line longer than the tail read: keep it (reported on read) rather than guess
    return start + cut + 1
