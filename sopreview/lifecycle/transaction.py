"""All-or-nothing changes to several files of a ``sops/`` folder (write-ahead plan, roll forward).

1. Every new file is staged under ``daftar/.penerapan/`` and fsynced; nothing visible changes.
2. The plan (``rencana.json``: every target, its staged file and content hash, in order) is written
   and renamed into place: that rename is the commit point.
3. The staged files are renamed over their targets in the recorded order, deletions follow,
   the folders are fsynced, and the staging folder is removed.

A crash before step 2 leaves the folder untouched (the next run removes the staging folder); a
crash after it is completed by the next run, which redoes each step that has not happened yet.
Either way the next run says what it did. Nothing is ever written outside the root folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sopreview.domain.loader import REGISTER_FOLDER
from sopreview.durable.files import fsync_dir, write_new_synced

STAGING = ".penerapan"
PLAN = "rencana.json"

Hook = Callable[[str], None]
"""Called after every durable step with its name; the crash test kills the process there."""


class TransactionError(Exception):
    """The folder cannot be changed safely; the message names the file and what to do."""


def staging_dir(root: Path) -> Path:
    return Path(root) / REGISTER_FOLDER / STAGING


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _inside(root: Path, rel: str) -> Path:
    target = (root / rel).resolve()
    if not target.is_relative_to(root.resolve()) or rel.startswith("/") or ".." in Path(rel).parts:
        raise TransactionError(f"{rel}: berada di luar folder {root}; tidak ditulis")
    return root / rel


@dataclass
class Transaction:
    """Collect writes and deletions under ``root``; ``commit`` makes them happen all together."""

    root: Path
    writes: dict[str, bytes] = field(default_factory=dict)
    deletes: list[str] = field(default_factory=list)

    def write(self, rel: str, data: bytes) -> None:
        _inside(self.root, rel)
        if rel in self.writes or rel in self.deletes:
            raise TransactionError(f"{rel}: diubah dua kali dalam satu penerapan")
        self.writes[rel] = data

    def delete(self, rel: str) -> None:
        _inside(self.root, rel)
        if rel in self.writes or rel in self.deletes:
            raise TransactionError(f"{rel}: diubah dua kali dalam satu penerapan")
        self.deletes.append(rel)

    @property
    def empty(self) -> bool:
        return not self.writes and not self.deletes

    def commit(self, hook: Hook | None = None) -> None:
        step = hook or (lambda _name: None)
        root = Path(self.root)
        stage = staging_dir(root)
        if stage.exists():
            raise TransactionError(f"{stage}: ada penerapan lain yang belum selesai; jalankan ulang perintahnya")
        stage.parent.mkdir(parents=True, exist_ok=True)
        stage.mkdir()
        fsync_dir(stage.parent)
        step("staging")
        ops: list[dict[str, str]] = []
        for n, (rel, data) in enumerate(self.writes.items()):
            name = f"{n:06d}.baru"
            write_new_synced(stage / name, data)
            step(f"stage {rel}")
            ops.append({"op": "tulis", "ke": rel, "dari": name, "sha256": _sha(data)})
        ops.extend({"op": "hapus", "ke": rel} for rel in self.deletes)
        tmp = stage / (PLAN + ".tmp")
        write_new_synced(tmp, json.dumps({"versi": 1, "langkah": ops}, ensure_ascii=False, indent=1).encode())
        fsync_dir(stage)
        step("plan written")
        os.replace(tmp, stage / PLAN)
        fsync_dir(stage)
        step("commit")
        _roll_forward(root, ops, step)


def _roll_forward(root: Path, ops: list[dict[str, str]], step: Hook) -> None:
    stage = staging_dir(root)
    touched: set[Path] = set()
    for op in ops:
        target = _inside(root, op["ke"])
        if op["op"] == "tulis":
            staged = stage / op["dari"]
            if staged.exists():
                _make_parents(root, target.parent, touched)
                os.replace(staged, target)
                touched.add(target.parent)
                step(f"rename {op['ke']}")
            elif not target.is_file() or _sha(target.read_bytes()) != op["sha256"]:
                raise TransactionError(f"{target}: berkas hasil penerapan hilang atau berubah; "
                                       f"rencana tersimpan di {stage / PLAN}")
        elif op["op"] == "hapus":
            if target.exists():
                target.unlink()
                touched.add(target.parent)
                step(f"delete {op['ke']}")
    for folder in sorted(touched):
        fsync_dir(folder)
    step("folders synced")
    (stage / PLAN).unlink()
    fsync_dir(stage)
    step("plan removed")
    shutil.rmtree(stage)
    fsync_dir(stage.parent)
    step("done")


def _make_parents(root: Path, folder: Path, touched: set[Path]) -> None:
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir(exist_ok=True)
        touched.add(path.parent)


def recover(root: Path, hook: Hook | None = None) -> str | None:
    """Finish or discard an interrupted change; returns what was done (None when nothing was pending)."""
    stage = staging_dir(Path(root))
    if not stage.exists():
        return None
    plan = stage / PLAN
    if not plan.exists():
        shutil.rmtree(stage)
        fsync_dir(stage.parent)
        return ("Penerapan sebelumnya terputus sebelum disahkan; folder dibiarkan seperti semula "
                "(berkas sementaranya dihapus).")
    try:
        ops = json.loads(plan.read_text(encoding="utf-8"))["langkah"]
    except (OSError, ValueError, KeyError) as exc:
        raise TransactionError(f"{plan}: rencana penerapan tidak terbaca ({exc}); periksa folder itu") from None
    _roll_forward(Path(root), ops, hook or (lambda _name: None))
    return f"Penerapan sebelumnya terputus di tengah jalan; sudah diselesaikan ({len(ops)} langkah)."


def pending(root: Path) -> bool:
    """True when an interrupted change waits to be finished or discarded."""
    return staging_dir(Path(root)).exists()
