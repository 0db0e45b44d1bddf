"""The layout of a session file, its schema version, and the check run before trusting one.

A session file is a TinyDB database (one JSON object of tables). ``sesi`` document 1 holds the
schema version, so later releases can migrate old sessions (``MIGRATIONS``) and older releases
refuse files written by newer ones instead of misreading them. ``check`` walks every table a
hand edit could break and names the first problem; the file is then never written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sopreview.domain.criteria import Criterion, parse_criteria
from sopreview.domain.header import META_FIELDS
from sopreview.domain.vocab import decision_keys, attendance_keys, PROJECTOR_TABS
from sopreview.domain.model import Orang, Organisasi, Proposal
from sopreview.store.errors import SessionFileError
from sopreview.store.files import bak_path

SCHEMA_VERSION = 1

T_SESI = "sesi"
T_META = "meta"
T_ORGANISASI = "organisasi"
T_KRITERIA = "kriteria"
T_AGENDA = "agenda"
T_ITEM = "item"
T_AKSI = "tindak_lanjut"
T_HADIR = "kehadiran"
T_TAMU = "tamu"
REQUIRED_TABLES = (T_SESI, T_META, T_ORGANISASI, T_KRITERIA, T_AGENDA, T_ITEM)

MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}
"""``MIGRATIONS[n]`` turns schema n data into schema n + 1 (in memory; written on the next change)."""


@dataclass(frozen=True)
class Static:
    """The parts of a session that never change after creation, parsed once."""

    organisasi: Organisasi
    criteria: tuple[Criterion, ...]
    proposals: dict[str, Proposal]
    hashes: dict[str, str]
    item_ids: dict[str, int]
    """Proposal id -> TinyDB doc id in the ``item`` table."""
    summaries: dict[str, str] = field(default_factory=dict)
    """Change summary of each revision as computed when the session was created."""


class _Bad(Exception):
    pass


def _need(cond: bool, where: str, what: str) -> None:
    if not cond:
        raise _Bad(f"{where}: {what}")


def _only_doc(data: dict[str, Any], table: str) -> dict[str, Any]:
    docs = data.get(table)
    if not isinstance(docs, dict) or "1" not in docs:
        raise _Bad(f"{table}: dokumen 1 tidak ada")
    return docs["1"]


def _iso(value: Any, where: str) -> None:
    _need(isinstance(value, str), where, "harus teks waktu ISO")
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise _Bad(f"{where}: {value!r} bukan waktu ISO (mis. 2022-06-16T09:00:00+07:00)") from None


def schema_version(data: dict[str, Any]) -> Any:
    sesi = data.get(T_SESI, {}).get("1") if isinstance(data.get(T_SESI), dict) else None
    return sesi.get("schema") if isinstance(sesi, dict) else None


def migrate(data: dict[str, Any], path: Path) -> dict[str, Any]:
    """Bring data to SCHEMA_VERSION, or explain why it cannot be read."""
    version = schema_version(data)
    if not isinstance(version, int) or isinstance(version, bool):
        raise SessionFileError(
            f"{path}: bukan berkas sesi sopreview (tabel 'sesi' tanpa nomor skema). "
            f"Salinan sebelumnya: {bak_path(path)}")
    if version > SCHEMA_VERSION:
        raise SessionFileError(
            f"{path}: dibuat oleh sopreview yang lebih baru (skema {version}; versi ini membaca sampai "
            f"skema {SCHEMA_VERSION}). Perbarui sopreview; berkas tidak diubah.")
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise SessionFileError(f"{path}: skema {version} tidak dikenal dan tidak dapat dimigrasi")
        data = step(data)
        version += 1
        data[T_SESI]["1"]["schema"] = version
    return data


def check(data: dict[str, Any], path: Path) -> Static:
    """Validate a (migrated) session; SessionFileError names the table, document and field."""
    try:
        return _check(data)
    except _Bad as exc:
        raise SessionFileError(
            f"{path}: isi tidak sah — {exc}. Berkas tidak diubah; salinan sebelumnya ada di {bak_path(path)}."
        ) from None


def _check(data: dict[str, Any]) -> Static:
    for table in REQUIRED_TABLES:
        _need(isinstance(data.get(table), dict), table, "tabel tidak ada")
    sesi = _only_doc(data, T_SESI)
    for key in ("dibuat", "urutan", "tab", "audit_seq", "next_action"):
        _need(key in sesi, f"sesi.{key}", "tidak ada")
    _iso(sesi["dibuat"], "sesi.dibuat")
    _need(isinstance(sesi["audit_seq"], int) and sesi["audit_seq"] >= 0, "sesi.audit_seq", "harus bilangan >= 0")
    _need(isinstance(sesi["next_action"], int) and sesi["next_action"] >= 1, "sesi.next_action", "harus bilangan >= 1")
    _need(sesi["tab"] in PROJECTOR_TABS, "sesi.tab", f"harus salah satu dari {', '.join(PROJECTOR_TABS)}")

    meta = _only_doc(data, T_META)
    for key, value in meta.items():
        _need(key in META_FIELDS, f"meta.{key}", "kolom tidak dikenal")
        if key == "acara":
            _need(isinstance(value, list) and all(isinstance(v, str) for v in value), "meta.acara", "harus daftar teks")
        else:
            _need(isinstance(value, str), f"meta.{key}", "harus teks")

    try:
        organisasi = Organisasi.from_dict(_only_doc(data, T_ORGANISASI))
    except (KeyError, TypeError, ValueError) as exc:
        raise _Bad(f"organisasi: tidak terbaca ({exc})") from None
    try:
        criteria = parse_criteria({"kriteria": list(data[T_KRITERIA].values())}, "kriteria")
    except ValueError as exc:
        raise _Bad(str(exc)) from None

    proposals: dict[str, Proposal] = {}
    hashes: dict[str, str] = {}
    summaries: dict[str, str] = {}
    for doc_id, doc in data[T_AGENDA].items():
        where = f"agenda[{doc_id}]"
        _need(isinstance(doc.get("pid"), str) and isinstance(doc.get("hash"), str), where, "pid/hash tidak ada")
        _need(isinstance(doc.get("data"), dict), f"{where}.data", "snapshot usulan tidak ada")
        try:
            proposal = Proposal.from_dict(doc["data"])
        except (KeyError, TypeError, ValueError) as exc:
            raise _Bad(f"{where}.data: snapshot usulan tidak terbaca ({exc})") from None
        _need(proposal.id == doc["pid"], where, "pid berbeda dengan id snapshot")
        _need(doc["pid"] not in proposals, where, f"usulan {doc['pid']!r} ganda")
        proposals[doc["pid"]] = proposal
        hashes[doc["pid"]] = doc["hash"]
        if isinstance(doc.get("perubahan"), str):
            summaries[doc["pid"]] = doc["perubahan"]

    urutan = sesi["urutan"]
    _need(isinstance(urutan, list) and sorted(urutan) == sorted(proposals), "sesi.urutan",
          "harus memuat setiap usulan di agenda tepat sekali")
    _need(sesi.get("current") is None or sesi["current"] in proposals, "sesi.current", "usulan tidak ada di agenda")

    item_ids: dict[str, int] = {}
    for doc_id, doc in data[T_ITEM].items():
        _check_item(f"item[{doc_id}]", doc, proposals)
        _need(doc["pid"] not in item_ids, f"item[{doc_id}]", f"usulan {doc['pid']!r} ganda")
        item_ids[doc["pid"]] = int(doc_id)
    _need(set(item_ids) == set(proposals), "item", "harus ada satu dokumen untuk setiap usulan di agenda")

    for doc_id, doc in data.get(T_AKSI, {}).items():
        where = f"tindak_lanjut[{doc_id}]"
        _need(doc.get("id") == int(doc_id) if doc_id.isdigit() else False, where, "id tidak cocok")
        _need(all(isinstance(doc.get(k), str) for k in ("apa", "siapa", "kapan")), where, "apa/siapa/kapan harus teks")
        _need(doc.get("proposal_id") is None or doc["proposal_id"] in proposals, where, "usulan tidak ada di agenda")
    for doc_id, doc in data.get(T_HADIR, {}).items():
        where = f"kehadiran[{doc_id}]"
        _need(isinstance(doc.get("nama"), str) and doc.get("status") in attendance_keys(), where,
              f"nama wajib; status harus salah satu dari {', '.join(attendance_keys())}")
    for doc_id, doc in data.get(T_TAMU, {}).items():
        try:
            Orang(**doc)
        except TypeError as exc:
            raise _Bad(f"tamu[{doc_id}]: {exc}") from None
    return Static(organisasi, criteria, proposals, hashes, item_ids, summaries)


def _check_item(where: str, doc: dict[str, Any], proposals: dict[str, Proposal]) -> None:
    _need(doc.get("pid") in proposals, f"{where}.pid", "usulan tidak ada di agenda")
    keputusan = doc.get("keputusan")
    if keputusan is not None:
        _need(isinstance(keputusan, dict) and keputusan.get("keputusan") in decision_keys(), f"{where}.keputusan",
              f"harus salah satu dari {', '.join(decision_keys())}")
        _need(isinstance(keputusan.get("catatan", ""), str), f"{where}.keputusan.catatan", "harus teks")
    evaluasi = doc.get("evaluasi")
    if evaluasi is not None:
        _need(isinstance(evaluasi, dict) and isinstance(evaluasi.get("jawaban"), dict), f"{where}.evaluasi",
              "jawaban tidak ada")
        _need(all(v in (True, False, None) for v in evaluasi["jawaban"].values()), f"{where}.evaluasi.jawaban",
              "setiap jawaban harus true, false atau null")
    _need(isinstance(doc.get("catatan", ""), str), f"{where}.catatan", "harus teks")
    menit = doc.get("menit")
    _need(isinstance(menit, int) and not isinstance(menit, bool) and menit >= 0, f"{where}.menit",
          "harus bilangan menit >= 0")
    jam = doc.get("jam", [])
    _need(isinstance(jam, list), f"{where}.jam", "harus daftar [buka, tutup]")
    for n, pair in enumerate(jam):
        _need(isinstance(pair, list) and len(pair) == 2, f"{where}.jam[{n}]", "harus [buka, tutup]")
        _iso(pair[0], f"{where}.jam[{n}][0]")
        if pair[1] is not None:
            _iso(pair[1], f"{where}.jam[{n}][1]")
    _need(isinstance(doc.get("riwayat", []), list), f"{where}.riwayat", "harus daftar")
