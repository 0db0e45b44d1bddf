"""The layout of a session file, its schema version, and the check run before trusting one.

A session file is a TinyDB database (one JSON object of tables). ``sesi`` document 1 holds the
schema version, so later releases can migrate old sessions (``MIGRATIONS``) and older releases
refuse files written by newer ones instead of misreading them. ``check`` walks every table a
hand edit could break and names the first problem; the file is then never written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sopreview.domain.criteria import Criterion, parse_criteria
from sopreview.domain.header import META_FIELDS, validate_meta
from sopreview.domain.model import MAX_PLANNED_MINUTES, Orang, Organisasi, Proposal, ProposalHead
from sopreview.domain.vocab import (
    PROJECTOR_SLIDES, PROJECTOR_TABS, PROJECTOR_ZOOM_STEPS, attendance_keys, item_kind_keys, kind_keys_for,
)
from sopreview.store import session_types as typed
from sopreview.store.errors import SessionFileError
from sopreview.store.files import bak_path
from sopreview.store.storage import LazyAgenda
from sopreview.store.session_types import Bad as _Bad
from sopreview.store.session_types import need as _need

if TYPE_CHECKING:
    from sopreview.domain.changes import SopDiff

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
    proposals: Mapping[str, Proposal]
    hashes: dict[str, str]
    item_ids: dict[str, int]
    """Proposal id -> TinyDB doc id in the ``item`` table."""
    summaries: dict[str, str] = field(default_factory=dict)
    """Change summary of each revision as computed when the session was created."""
    agenda_raw: dict[str, Any] = field(default_factory=dict, compare=False)
    """The agenda table as checked: a follower's reload skips re-checking an identical snapshot."""
    diffs: dict[str, SopDiff | None] = field(default_factory=dict, compare=False)
    """Step diff of each proposal, computed on first use (``SessionReading.change_diff``), kept while the
    snapshot is the same; not written (the stored summary is what the minutes quote)."""


def _only_doc(data: dict[str, Any], table: str) -> dict[str, Any]:
    docs = data.get(table)
    if not isinstance(docs, dict) or "1" not in docs:
        raise _Bad(f"{table}: dokumen 1 tidak ada")
    return docs["1"]


def _iso(value: Any, where: str) -> None:
    typed.stamp(value, where)


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


def check(data: dict[str, Any], path: Path, previous: Static | None = None, *,
          snapshot_verified: bool = False, built_from: Mapping[str, Proposal] | None = None) -> Static:
    """Validate a (migrated) session; SessionFileError names the table, document and field.

    ``snapshot_verified``: the agenda came from the snapshot file whose SHA-256 the state names
    (storage.read_snapshot), i.e. exactly as this program wrote it. Its proposals are then checked
    and parsed one by one when first used (``LazyProposals``), so opening a session to record one
    change does not parse 10,000 proposals. An old single-file session is checked whole.

    ``built_from``: the proposals the agenda was just made from (``Session.create``), already
    read by the validator or checked in their own session: taken as they are, not decoded again."""
    snapshot_verified = snapshot_verified or isinstance(data.get(T_AGENDA), LazyAgenda)  # only made after the hash
    skip_agenda = snapshot_verified or built_from is not None
    scanned = {k: v for k, v in data.items() if k != T_AGENDA} if skip_agenda else data
    token = typed.SCAN_CONTROLS.set(typed.may_hold_controls(scanned))
    try:
        return _check(data, previous, path if snapshot_verified else None, built_from)
    except _Bad as exc:
        raise SessionFileError(
            f"{path}: isi tidak sah — {exc}. Berkas tidak diubah; salinan sebelumnya ada di {bak_path(path)}."
        ) from None
    finally:
        typed.SCAN_CONTROLS.reset(token)


def _check(data: dict[str, Any], previous: Static | None, lazy_from: Path | None,
           built_from: Mapping[str, Proposal] | None = None) -> Static:
    for table in REQUIRED_TABLES:
        _need(isinstance(data.get(table), dict) or isinstance(data.get(table), LazyAgenda), table, "tabel tidak ada")
    for name, table in data.items():
        for doc_id in table:
            _need(doc_id.isdigit() and len(doc_id) <= 9, f"{name}[{doc_id!r}]",
                  "nomor dokumen harus bilangan bulat (mis. \"1\")")
    sesi = _only_doc(data, T_SESI)
    for key in ("dibuat", "urutan", "tab", "audit_seq", "next_action"):
        _need(key in sesi, f"sesi.{key}", "tidak ada")
    _iso(sesi["dibuat"], "sesi.dibuat")
    typed.whole(sesi["audit_seq"], "sesi.audit_seq", 0, 10**9)
    typed.whole(sesi["next_action"], "sesi.next_action", 1)
    _need(sesi["tab"] in PROJECTOR_TABS, "sesi.tab", f"harus salah satu dari {', '.join(PROJECTOR_TABS)}")
    for key in ("sops_dir", "id"):
        if sesi.get(key) is not None:
            typed.text(sesi[key], f"sesi.{key}")
    if sesi.get("asal") is not None:
        _need(isinstance(sesi["asal"], dict), "sesi.asal", "harus objek {...}")
        for key, value in sesi["asal"].items():
            typed.text(value, f"sesi.asal.{key}")
    from sopreview.store.audit import entry_problem

    if sesi.get("audit_last") is not None:
        problem = entry_problem(sesi["audit_last"])
        _need(problem is None, "sesi.audit_last", str(problem))
    waiting = sesi.get("audit_tertunda")
    if waiting is not None:
        _need(isinstance(waiting, list), "sesi.audit_tertunda", "harus daftar entri log")
        for n, kept in enumerate(waiting):
            problem = entry_problem(kept)
            _need(problem is None, f"sesi.audit_tertunda[{n}]", str(problem))

    meta = _only_doc(data, T_META)
    for key, value in meta.items():
        _need(key in META_FIELDS, f"meta.{key}", "kolom tidak dikenal")
        if key == "acara":
            _need(isinstance(value, list) and all(isinstance(v, str) for v in value), "meta.acara", "harus daftar teks")
            for n, line in enumerate(value):
                typed.text(line, f"meta.acara[{n}]")
        else:
            typed.text(value, f"meta.{key}")
            error = validate_meta(key, value)
            _need(error is None, f"meta.{key}", str(error))

    typed.conform(Organisasi, _only_doc(data, T_ORGANISASI), "organisasi")
    organisasi = Organisasi.from_dict(_only_doc(data, T_ORGANISASI))
    try:
        criteria = parse_criteria({"kriteria": list(data[T_KRITERIA].values())}, "kriteria")
    except ValueError as exc:
        raise _Bad(str(exc)) from None
    for criterion in criteria:
        typed.text(criterion.teks, f"kriteria.{criterion.id}")

    if previous is not None and data[T_AGENDA] == previous.agenda_raw:  # the snapshot never changes
        proposals, hashes, summaries = previous.proposals, previous.hashes, previous.summaries
        diffs = previous.diffs
    else:
        proposals, hashes, summaries = _check_agenda(data[T_AGENDA], lazy_from, built_from)
        diffs: dict[str, SopDiff | None] = {}

    urutan = sesi["urutan"]
    _need(isinstance(urutan, list) and all(isinstance(u, str) for u in urutan)
          and sorted(urutan) == sorted(proposals), "sesi.urutan",
          "harus memuat setiap usulan di agenda tepat sekali")
    _need(sesi.get("current") is None or (isinstance(sesi["current"], str) and sesi["current"] in proposals),
          "sesi.current", "usulan tidak ada di agenda")
    if sesi.get("sorot") is not None:
        typed.whole(sesi["sorot"], "sesi.sorot", 1, 10**4)
    if sesi.get("zoom") is not None:
        typed.whole(sesi["zoom"], "sesi.zoom", 0, PROJECTOR_ZOOM_STEPS - 1)
    _need(sesi.get("layar") in (None, *PROJECTOR_SLIDES), "sesi.layar",
          f"pilihan: {', '.join(PROJECTOR_SLIDES)} (atau kosong)")
    _need(sesi.get("ditutup") is None or isinstance(sesi["ditutup"], str), "sesi.ditutup",
          "harus waktu ISO (YYYY-MM-DDTHH:MM:SS) atau kosong")

    item_ids: dict[str, int] = {}
    for doc_id, doc in data[T_ITEM].items():
        _check_item(f"item[{doc_id}]", doc, proposals)
        _need(doc["pid"] not in item_ids, f"item[{doc_id}]", f"usulan {doc['pid']!r} ganda")
        item_ids[doc["pid"]] = int(doc_id)
    _need(set(item_ids) == set(proposals), "item", "harus ada satu dokumen untuk setiap usulan di agenda")

    for doc_id, doc in data.get(T_AKSI, {}).items():
        where = f"tindak_lanjut[{doc_id}]"
        _need(doc.get("id") == int(doc_id) if doc_id.isdigit() else False, where, "id tidak cocok")
        for key in ("apa", "siapa", "kapan"):
            typed.text(doc.get(key), f"{where}.{key}")
        _need(doc.get("proposal_id") is None or (isinstance(doc["proposal_id"], str) and doc["proposal_id"] in proposals),
              where, "usulan tidak ada di agenda")
    for doc_id, doc in data.get(T_HADIR, {}).items():
        where = f"kehadiran[{doc_id}]"
        _need(isinstance(doc.get("nama"), str) and doc.get("status") in attendance_keys(), where,
              f"nama wajib; status harus salah satu dari {', '.join(attendance_keys())}")
        typed.text(doc["nama"], f"{where}.nama")
        typed.text(doc.get("keterangan", ""), f"{where}.keterangan")
    for doc_id, doc in data.get(T_TAMU, {}).items():
        typed.conform(Orang, doc, f"tamu[{doc_id}]")
    return Static(organisasi, criteria, proposals, hashes, item_ids, summaries, data[T_AGENDA], diffs)


def _check_agenda(agenda: Mapping[str, Any], lazy_from: Path | None = None,
                  built_from: Mapping[str, Proposal] | None = None
                  ) -> tuple[Mapping[str, Proposal], dict[str, str], dict[str, str]]:
    """Each snapshot against the Proposal dataclass; the parsed proposals, hashes and summaries.
    ``lazy_from``: only the ids and hashes now, each proposal when first used (see ``check``);
    from a version-2 snapshot (``LazyAgenda``) these and the heads come from its index."""
    proposals: dict[str, Proposal] = {}
    raw: dict[str, tuple[str, str]] = {}
    hashes: dict[str, str] = {}
    summaries: dict[str, str] = {}
    heads: dict[str, tuple[str, Any]] | None = {} if isinstance(agenda, LazyAgenda) else None
    for doc_id in agenda:
        where = f"agenda[{doc_id}]"
        if isinstance(agenda, LazyAgenda):
            doc = agenda.entry(doc_id)
            where = f"usulan.indeks[{doc_id}]"
        else:
            doc = agenda[doc_id]
            _need(isinstance(doc.get("data"), dict), f"{where}.data", "snapshot usulan tidak ada")
        _need(isinstance(doc.get("pid"), str) and isinstance(doc.get("hash"), str), where, "pid/hash tidak ada")
        _need(doc["pid"] not in hashes, where, f"usulan {doc['pid']!r} ganda")
        if heads is not None:  # checked when first asked for, like the lines (see LazyProposals.head)
            heads[doc["pid"]] = (f"{where}.kepala", doc.get("kepala"))
        if built_from is not None:
            proposals[doc["pid"]] = built_from[doc["pid"]]
        elif lazy_from is None:
            proposals[doc["pid"]] = _proposal(where, doc)
        else:
            raw[doc["pid"]] = (f"agenda[{doc_id}]", doc_id)
        hashes[doc["pid"]] = doc["hash"]
        if isinstance(doc.get("perubahan"), str):
            summaries[doc["pid"]] = typed.text(doc["perubahan"], f"{where}.perubahan")
    if lazy_from is not None:
        return LazyProposals(raw, lazy_from, agenda, heads), hashes, summaries
    return proposals, hashes, summaries


def _proposal(where: str, doc: dict[str, Any]) -> Proposal:
    # No depth check: every field of a Proposal is typed (no free dict or Any), so the check
    # follows the types and a value nested deeper than they allow is refused where it starts.
    proposal = typed.checked(Proposal, doc["data"], f"{where}.data")
    _need(proposal.jenis in item_kind_keys(), f"{where}.data.jenis",
          f"harus salah satu dari {', '.join(item_kind_keys())}")
    _need(proposal.id == doc["pid"], where, "pid berbeda dengan id snapshot")
    return proposal


class LazyProposals(Mapping[str, Proposal]):
    """Proposal id -> Proposal, each checked and parsed on first use (then kept).

    Only for a snapshot verified by its hash: a problem here means the file was rewritten with
    a matching hash on purpose, and is reported like any bad session file, naming the place.
    ``heads``: from the snapshot's index (version 2); a parsed proposal must match its head."""

    def __init__(self, raw: dict[str, tuple[str, str]], path: Path, agenda: Mapping[str, Any],
                 heads: dict[str, tuple[str, Any]] | None) -> None:
        self._raw = raw
        self._path = path
        self._agenda = agenda
        self._heads = heads
        """pid -> (where, the index entry's ``kepala`` as stored); checked on first use."""
        self._checked_heads: dict[str, ProposalHead] = {}
        self._parsed: dict[str, Proposal] = {}

    def __getitem__(self, pid: str) -> Proposal:
        found = self._parsed.get(pid)
        if found is None:
            where, doc_id = self._raw[pid]
            doc = self._agenda[doc_id]
            try:
                _need(isinstance(doc.get("data"), dict), f"{where}.data", "snapshot usulan tidak ada")
                found = _proposal(where, doc)
                _need(self._heads is None or self.head(pid) == found.head(), where,
                      "berbeda dengan indeks snapshot (baris 1)")
            except _Bad as exc:
                raise SessionFileError(f"{self._path}: isi tidak sah — {exc}. Berkas tidak diubah.") from None
            self._parsed[pid] = found
        return found

    def head(self, pid: str) -> ProposalHead:
        """The proposal's head, from the index when there is one (its steps stay unparsed).

        Checked here, not on open: `record` on a 10,000-item agenda lists nothing."""
        if self._heads is None:
            return self[pid].head()
        head = self._checked_heads.get(pid)
        if head is None:
            where, stored = self._heads[pid]
            try:
                head = typed.checked(ProposalHead, stored, where)
                _need(head.id == pid, f"{where}.id", "berbeda dengan pid")
                kinds = item_kind_keys()
                _need(head.jenis in kinds, f"{where}.jenis", f"harus salah satu dari {', '.join(kinds)}")
            except _Bad as exc:
                raise SessionFileError(f"{self._path}: isi tidak sah — {exc}. Berkas tidak diubah.") from None
            self._checked_heads[pid] = head
        return head

    def jenis(self, pid: str) -> str | None:
        """Without parsing: from the index, or from the raw document of an older snapshot."""
        if self._heads is not None:
            return self.head(pid).jenis
        data = self._agenda[self._raw[pid][1]].get("data")
        jenis = data.get("jenis") if isinstance(data, dict) else None
        return jenis if isinstance(jenis, str) else None

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def __contains__(self, pid: object) -> bool:
        return pid in self._raw


def proposal_head(proposals: Mapping[str, Proposal], pid: str) -> ProposalHead:
    """A proposal's head without parsing it where the snapshot's index has it."""
    if isinstance(proposals, LazyProposals):
        return proposals.head(pid)
    return proposals[pid].head()


def _jenis(proposals: Mapping[str, Proposal], pid: str) -> str | None:
    """An item's jenis (which keys its decision may hold) without parsing a lazy proposal: opening a
    session to record one change must not parse every decided item (issue 17)."""
    if isinstance(proposals, LazyProposals):
        return proposals.jenis(pid)
    return proposals[pid].jenis


def _check_item(where: str, doc: dict[str, Any], proposals: Mapping[str, Proposal]) -> None:
    _need(isinstance(doc.get("pid"), str) and doc["pid"] in proposals, f"{where}.pid", "usulan tidak ada di agenda")
    keputusan = doc.get("keputusan")
    if keputusan is not None:
        allowed = kind_keys_for(_jenis(proposals, doc["pid"]))
        _need(isinstance(keputusan, dict) and keputusan.get("keputusan") in allowed, f"{where}.keputusan",
              f"harus salah satu dari {', '.join(allowed)}")
        typed.text(keputusan.get("catatan", ""), f"{where}.keputusan.catatan")
        if keputusan.get("waktu"):
            _iso(keputusan["waktu"], f"{where}.keputusan.waktu")
    evaluasi = doc.get("evaluasi")
    if evaluasi is not None:
        _need(isinstance(evaluasi, dict) and isinstance(evaluasi.get("jawaban"), dict), f"{where}.evaluasi",
              "jawaban tidak ada")
        _need(all(v in (True, False, None) for v in evaluasi["jawaban"].values()), f"{where}.evaluasi.jawaban",
              "setiap jawaban harus true, false atau null")
        for key in ("catatan", "tindakan"):
            typed.text(evaluasi.get(key, ""), f"{where}.evaluasi.{key}")
    typed.text(doc.get("catatan", ""), f"{where}.catatan")
    menit = doc.get("menit")
    typed.whole(menit, f"{where}.menit", 0, MAX_PLANNED_MINUTES)
    jam = doc.get("jam", [])
    _need(isinstance(jam, list), f"{where}.jam", "harus daftar [buka, tutup]")
    for n, pair in enumerate(jam):
        _need(isinstance(pair, list) and len(pair) == 2, f"{where}.jam[{n}]", "harus [buka, tutup]")
        _iso(pair[0], f"{where}.jam[{n}][0]")
        if pair[1] is not None:
            _iso(pair[1], f"{where}.jam[{n}][1]")
    typed.history(doc.get("riwayat", []), f"{where}.riwayat")
    if doc.get("amandemen") is not None:  # only then is the (lazily parsed) proposal needed
        _check_amendments(f"{where}.amandemen", doc["amandemen"], proposals[doc["pid"]])


def _check_amendments(where: str, value: Any, proposal: Proposal) -> None:
    """The meeting's amendments (issue 15) must still apply to the snapshot and validate."""
    if value is None:
        return
    _need(isinstance(value, list), where, "harus daftar amandemen")
    for n, item in enumerate(value):
        _need(isinstance(item, dict), f"{where}[{n}]", "harus objek {jenis, langkah, ke, nilai}")
        for key, text in (item.get("nilai") or {}).items() if isinstance(item.get("nilai"), dict) else ():
            for piece in text if isinstance(text, list) else [text]:
                if isinstance(piece, str):
                    typed.text(piece, f"{where}[{n}].nilai.{key}")
    from sopreview.domain.amendment import Amendment, AmendmentError, apply_amendments  # see reading.amended

    try:
        apply_amendments(proposal.dokumen, [Amendment.from_dict(a) for a in value])
    except AmendmentError as exc:
        raise _Bad(f"{where}: {exc}") from None
