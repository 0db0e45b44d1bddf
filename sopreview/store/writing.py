"""The writing half of the session API: validate, then hand the changed slots to ``_commit``.

Each method turns one user action into a list of (slot, new value) pairs; ``_commit`` reads
the old values, writes everything and the audit entry in one durable write. Validation errors
are raised before anything is touched and list the valid choices.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sopreview.domain.audit import AuditEntry
from sopreview.domain.header import META_LABEL, MeetingMeta, normalize_meta, validate_meeting_times, validate_meta
from sopreview.domain.records import Decision, Evaluation, evaluation_refusal, validate_decision, validate_kapan
from sopreview.domain.vocab import (
    decision_label, attendance_keys, attendance_label, PROJECTOR_SLIDES, PROJECTOR_TABS, PROJECTOR_ZOOM_STEPS,
)
from sopreview.domain import clock
from sopreview.domain.model import MAX_PLANNED_MINUTES, Orang, Organisasi, Proposal
from sopreview.store import schema
from sopreview.store.errors import InvalidValue

if TYPE_CHECKING:
    from tinydb.table import Document, Table

    from sopreview.domain.amendment import Amended, Amendment

    from sopreview.domain.criteria import Criterion
    from sopreview.domain.records import Action
    from sopreview.store.storage import DurableStorage

Key = tuple[Any, ...]
EMPTY_PEOPLE = ("organisasi.yaml sesi ini tidak berisi `orang:` (orang yang boleh hadir; periksa "
                "`sopreview validate`: kolom seperti `peserta:` tidak terbaca). Tambahkan tamu, atau buat sesi baru "
                "setelah organisasi.yaml diperbaiki.")
"""Why the attendance list is empty, pointing back to the cause (shared by the CLI and the app)."""


class SessionWriting:
    if TYPE_CHECKING:
        @property
        def criteria(self) -> tuple[Criterion, ...]: ...
        _tables: dict[str, Table]
        _storage: DurableStorage
        def _commit(self, aksi: str, target: str, sets: list[tuple[Key, Any]], ringkasan: str, *,
                    batal: int | None = None, force: bool = False, verify: bool = False,
                    op: str | None = None) -> AuditEntry | None: ...
        def _writable(self) -> None: ...
        def _doc(self, table: str) -> Document: ...
        def _item(self, pid: str) -> Document: ...
        def _stamp(self) -> str: ...
        def _now(self) -> datetime: ...
        def proposal(self, pid: str) -> Proposal: ...
        def actions(self, pid: str | None = None) -> list[Action]: ...
        def amendments(self, pid: str) -> list[Amendment]: ...
        def amended(self, pid: str) -> Amended: ...
        def people(self) -> list[Orang]: ...
        @property
        def organisasi(self) -> Organisasi: ...
        @property
        def meta(self) -> MeetingMeta: ...

    def set_meta(self, **values: Any) -> None:
        """Meeting header fields (judul, tanggal YYYY-MM-DD, waktu_mulai HH:MM, ...)."""
        self._writable()
        sets: list[tuple[Key, Any]] = []
        for name, value in values.items():
            error = validate_meta(name, value)
            if error:
                raise InvalidValue(error)
            sets.append(((schema.T_META, name), normalize_meta(name, value)))
        current = self.meta
        error = validate_meeting_times(str(values.get("waktu_mulai", current.waktu_mulai)),
                                       str(values.get("waktu_selesai", current.waktu_selesai)))
        if error:
            raise InvalidValue(error)
        self._commit("meta", "rapat", sets, f"Data rapat diubah: {', '.join(META_LABEL[n].lower() for n in values)}")

    def record_decision(self, pid: str, keputusan: str, catatan: str = "") -> None:
        """InvalidValue for an unknown decision or a missing note where one is required."""
        self._writable()
        proposal = self.proposal(pid)
        error = validate_decision(keputusan, catatan, proposal.jenis, amandemen=len(self.amendments(pid)))
        if error:
            raise InvalidValue(error)
        value = Decision(keputusan, catatan.strip(), self._stamp()).to_dict()
        self._commit("keputusan", pid, [((schema.T_ITEM, pid, "keputusan"), value)],
                     f"Keputusan {proposal.nama}: {decision_label(keputusan)}")
        self.close_item(pid)  # a separate clock event: undoing the decision leaves the clock alone

    def clear_decision(self, pid: str) -> None:
        self._writable()
        proposal = self.proposal(pid)
        self._commit("keputusan", pid, [((schema.T_ITEM, pid, "keputusan"), None)],
                     f"Keputusan {proposal.nama} dihapus")

    def record_evaluation(self, pid: str, jawaban: Mapping[str, bool | None], catatan: str = "",
                          tindakan: str = "") -> None:
        """Answers keyed by criterion id; criteria not given are stored as unanswered (None)."""
        self._writable()
        proposal = self.proposal(pid)
        refusal = evaluation_refusal(proposal.jenis)
        if refusal:
            raise InvalidValue(refusal)
        ids = [c.id for c in self.criteria]
        unknown = [k for k in jawaban if k not in ids]
        if unknown:
            raise InvalidValue(f"kriteria {', '.join(map(repr, unknown))} tidak dikenal; pilihan: {', '.join(ids)}")
        bad = [k for k, v in jawaban.items() if v not in (True, False, None)]
        if bad:
            raise InvalidValue(f"jawaban {', '.join(bad)} harus Ya (true), Tidak (false) atau kosong (null)")
        value = Evaluation({cid: jawaban.get(cid) for cid in ids}, catatan.strip(), tindakan.strip())
        self._commit("evaluasi", pid, [((schema.T_ITEM, pid, "evaluasi"), value.to_dict())],
                     f"Evaluasi {proposal.nama}: {value.ringkasan}")

    def set_notes(self, pid: str, text: str, *, op: str | None = None) -> None:
        """``op``: operation id of an append (AlreadySaved when that append is already logged)."""
        self._writable()
        proposal = self.proposal(pid)
        self._commit("catatan", pid, [((schema.T_ITEM, pid, "catatan"), text)], f"Catatan {proposal.nama} diubah",
                     op=op)

    def add_action(self, pid: str | None, apa: str, siapa: str, kapan: str, *, op: str | None = None) -> int:
        """A follow-up for a proposal (or the whole meeting when pid is None); returns its id.

        ``op``: operation id; a retry of an add already logged raises AlreadySaved."""
        self._writable()
        nama = self.proposal(pid).nama if pid is not None else "rapat"
        if not apa.strip() or not siapa.strip():
            raise InvalidValue("tindak lanjut wajib berisi apa yang dilakukan dan siapa yang melakukan")
        error = validate_kapan(kapan)
        if error:
            raise InvalidValue(error)
        action_id = int(self._doc(schema.T_SESI)["next_action"])
        value = {"id": action_id, "proposal_id": pid, "apa": apa.strip(), "siapa": siapa.strip(),
                 "kapan": kapan.strip()}
        self._commit("tindak_lanjut", pid or "rapat",
                     [((schema.T_AKSI, action_id), value), ((schema.T_SESI, "next_action"), action_id + 1)],
                     f"Tindak lanjut #{action_id} ({nama}): {value['apa']} — {value['siapa']}", op=op)
        return action_id

    def remove_action(self, action_id: int) -> None:
        self._writable()
        actions = {a.id: a for a in self.actions()}
        action = actions.get(action_id)
        if action is None:
            known = ", ".join(map(str, actions)) or "-"
            raise InvalidValue(f"tindak lanjut #{action_id} tidak ada; pilihan: {known}")
        self._commit("tindak_lanjut", action.proposal_id or "rapat", [((schema.T_AKSI, action_id), None)],
                     f"Tindak lanjut #{action_id} dihapus: {action.apa}")

    def set_attendance(self, nama: str, status: str, keterangan: str = "") -> None:
        """Status for someone in ``people()``; InvalidValue lists the statuses or the names."""
        self._writable()
        if status not in attendance_keys():
            raise InvalidValue(f"status kehadiran {status!r} tidak dikenal; pilihan: {', '.join(attendance_keys())}")
        names = [o.nama for o in self.people()]
        if not names:
            raise InvalidValue(f"{nama!r} tidak dapat dicatat: daftar peserta kosong. {EMPTY_PEOPLE}")
        if nama not in names:
            raise InvalidValue(f"{nama!r} tidak ada di daftar peserta; tambahkan sebagai tamu, atau pilih: "
                               f"{'; '.join(names)}")
        value = {"nama": nama, "status": status, "keterangan": keterangan.strip()}
        self._commit("kehadiran", nama, [((schema.T_HADIR, nama), value)],
                     f"Kehadiran {nama}: {attendance_label(status)}")

    def add_guest(self, orang: Orang) -> None:
        """Someone not in organisasi.yaml who attends (narasumber, tamu)."""
        self._writable()
        if not orang.nama.strip():
            raise InvalidValue("nama tamu wajib diisi")
        if orang.nama in [o.nama for o in self.people()]:
            raise InvalidValue(f"{orang.nama!r} sudah ada di daftar peserta")
        value = {f.name: getattr(orang, f.name) for f in fields(Orang)}
        self._commit("tamu", orang.nama, [((schema.T_TAMU, orang.nama), value)], f"Tamu ditambahkan: {orang.nama}")

    def open_item(self, pid: str) -> None:
        """Start discussing an item: its clock runs and it becomes current; any other running
        clock stops, and a meeting pause ends (see ``domain/clock.py`` for the rules)."""
        self._writable()
        proposal = self.proposal(pid)
        now = self._stamp()
        sets: list[tuple[Key, Any]] = []
        for other in self._tables_items():
            if other["pid"] != pid and clock.is_running(other.get("jam")):
                sets.append(((schema.T_ITEM, other["pid"], "jam"), clock.stopped(other.get("jam"), now)))
        sets.append(((schema.T_ITEM, pid, "jam"), clock.started(self._item(pid).get("jam"), now)))
        sets.append(((schema.T_SESI, "current"), pid))
        if self._doc(schema.T_SESI).get("jeda"):
            sets.append(((schema.T_SESI, "jeda"), None))
        self._commit("buka", pid, sets, f"Mulai membahas {proposal.nama}")

    def close_item(self, pid: str, at: datetime | None = None) -> None:
        """Stop the item's clock, now or at ``at`` (nothing happens when it is not running)."""
        self._writable()
        proposal = self.proposal(pid)
        jam = self._item(pid).get("jam") or []
        if clock.is_running(jam):
            stamp = self._stamp() if at is None else at.isoformat(timespec="seconds")
            self._commit("tutup", pid, [((schema.T_ITEM, pid, "jam"), clock.stopped(jam, stamp))],
                         f"Selesai membahas {proposal.nama}")

    def pause(self, jenis: str) -> None:
        """A meeting-level pause (istirahat, ishoma): every clock stops until :meth:`resume`."""
        self._writable()
        if jenis not in clock.PAUSES:
            raise InvalidValue(f"jeda {jenis!r} tidak dikenal; pilihan: {', '.join(clock.PAUSES)}")
        now = self._stamp()
        sets: list[tuple[Key, Any]] = []
        running = None
        for item in self._tables_items():
            if clock.is_running(item.get("jam")):
                running = item["pid"]
                sets.append(((schema.T_ITEM, item["pid"], "jam"), clock.stopped(item.get("jam"), now)))
        current = self._doc(schema.T_SESI).get("jeda")
        if current and running is None:
            running = current.get("item")  # changing the kind of pause keeps the item to resume
        sets.append(((schema.T_SESI, "jeda"), {"jenis": jenis, "mulai": now, "item": running}))
        self._commit("jeda", "rapat", sets, f"Rapat dijeda: {clock.PAUSES[jenis]}")

    def resume(self) -> None:
        """End the pause; the item under discussion when it began runs again (if still undecided)."""
        self._writable()
        jeda = self._doc(schema.T_SESI).get("jeda")
        if not jeda:
            return
        sets: list[tuple[Key, Any]] = [((schema.T_SESI, "jeda"), None)]
        pid = jeda.get("item")
        if pid and pid in self._static.proposals and not self._item(pid).get("keputusan"):
            sets.append(((schema.T_ITEM, pid, "jam"), clock.started(self._item(pid).get("jam"), self._stamp())))
        self._commit("lanjut", "rapat", sets, f"Rapat dilanjutkan setelah {clock.PAUSES.get(jeda['jenis'], 'jeda')}")

    def close_stale_clock(self, seen: datetime | None) -> str | None:
        """At open: a clock left running by an app that did not close stops at ``seen`` (the
        last sign of its operator). Returns the message for the user, or None."""
        pid = next((str(d["pid"]) for d in self._tables_items() if clock.is_running(d.get("jam"))), None)
        if pid is None:
            return None
        at = clock.stale_stop(self._item(pid).get("jam"), seen, self._now())
        self.close_item(pid, at=at)
        return (f"Jam {self.proposal(pid).nama} masih berjalan saat sesi dibuka (aplikasi sebelumnya tidak "
                f"ditutup dengan benar); dihentikan pada {at.strftime('%H:%M')}. Waktu sesudahnya tidak dihitung.")

    def set_current(self, pid: str | None, tab: str | None = None) -> None:
        """What the projector shows: the current item and tab."""
        self._writable()
        if pid is not None:
            self.proposal(pid)
        sets: list[tuple[Key, Any]] = [((schema.T_SESI, "current"), pid)]
        if pid != self._doc(schema.T_SESI).get("current"):  # another item: the pointed step was the old one's
            sets.append(((schema.T_SESI, "sorot"), None))
        if tab is not None:
            if tab not in PROJECTOR_TABS:
                raise InvalidValue(f"tab {tab!r} tidak dikenal; pilihan: {', '.join(PROJECTOR_TABS)}")
            sets.append(((schema.T_SESI, "tab"), tab))
        self._commit("tampil", pid or "-", sets, f"Tampilan: {pid or '-'} / {tab or self._doc(schema.T_SESI)['tab']}")

    def set_pointer(self, step: int | None) -> None:
        """The presenter cursor: the step of the current item the room is looking at (None: none).

        Navigation like ``set_current`` (logged as "tampil", skipped by undo): followers show it."""
        self._writable()
        sesi = self._doc(schema.T_SESI)
        if step is not None:
            pid = sesi.get("current")
            count = len(self.amended(pid).dokumen.langkah) if pid is not None else 0  # amended: issue 15
            if isinstance(step, bool) or not isinstance(step, int) or not 1 <= step <= count:
                raise InvalidValue(f"langkah {step!r} tidak ada pada usulan yang dibahas (1-{count})")
        self._commit("tampil", sesi.get("current") or "-", [((schema.T_SESI, "sorot"), step)],
                     f"Sorot: langkah {step if step is not None else '-'}")

    def set_zoom(self, zoom: int) -> None:
        """The room's flowchart zoom (0 fits the width). Navigation, like the presenter cursor."""
        self._writable()
        if isinstance(zoom, bool) or not isinstance(zoom, int) or not 0 <= zoom < PROJECTOR_ZOOM_STEPS:
            raise InvalidValue(f"zoom {zoom!r} di luar 0-{PROJECTOR_ZOOM_STEPS - 1}")
        sesi = self._doc(schema.T_SESI)
        self._commit("tampil", sesi.get("current") or "-", [((schema.T_SESI, "zoom"), zoom)], f"Zoom flowchart: {zoom}")

    def set_slide(self, layar: str | None) -> None:
        """A slide in front of the item (the sub bagian's title, the read-back), None: the item.

        Navigation like ``set_current`` (logged as "tampil", skipped by undo): followers show it."""
        self._writable()
        if layar is not None and layar not in PROJECTOR_SLIDES:
            raise InvalidValue(f"layar {layar!r} tidak dikenal; pilihan: {', '.join(PROJECTOR_SLIDES)}")
        sesi = self._doc(schema.T_SESI)
        self._commit("tampil", sesi.get("current") or "-", [((schema.T_SESI, "layar"), layar)],
                     f"Layar: {layar or 'usulan'}")

    def close_meeting(self) -> str:
        """The room confirmed the read-back: the meeting ends now (its end time in the header).

        A recorded step (undo reopens it); returns the end time ``HH:MM``."""
        self._writable()
        stamp = self._stamp()
        jam = stamp[11:16]
        error = validate_meeting_times(self.meta.waktu_mulai, jam)
        if error:
            raise InvalidValue(error)
        self._commit("tutup_rapat", "rapat",
                     [((schema.T_META, "waktu_selesai"), jam), ((schema.T_SESI, "ditutup"), stamp)],
                     f"Rapat ditutup pukul {jam} setelah keputusan dibacakan")
        return jam

    def move_item(self, pid: str, delta: int) -> None:
        """Move an item up (negative) or down within its sub bagian.

        It trades places with the next item of the same sub bagian, so every sub bagian keeps
        its slots and the minutes' sections stay whole; InvalidValue at the sub bagian's edge."""
        self._writable()
        proposal = self.proposal(pid)
        order = list(self._doc(schema.T_SESI)["urutan"])
        slots = [i for i, other in enumerate(order) if self.proposal(other).subbag == proposal.subbag]
        old = slots.index(order.index(pid))
        new = max(0, min(len(slots) - 1, old + int(delta)))
        if new == old:
            if int(delta) == 0:
                return
            edge = "atas" if delta < 0 else "bawah"
            raise InvalidValue(f"{proposal.nama} sudah paling {edge} di {self._subbag_nama(proposal.subbag)}; "
                               "usulan hanya dipindah di dalam sub bagiannya")
        members = [order[i] for i in slots]
        members.insert(new, members.pop(old))
        for slot, member in zip(slots, members, strict=True):
            order[slot] = member
        self._commit("urutan", pid, [((schema.T_SESI, "urutan"), order)],
                     f"{proposal.nama} dipindah ke urutan {order.index(pid) + 1}")

    def move_subbag(self, kode: str, delta: int) -> None:
        """Move a whole sub bagian up (negative) or down past its neighbours; the agenda is
        rewritten as one block per sub bagian. InvalidValue at either end or for an unknown kode."""
        self._writable()
        order = list(self._doc(schema.T_SESI)["urutan"])
        blocks: dict[str, list[str]] = {}
        for pid in order:
            blocks.setdefault(self.proposal(pid).subbag, []).append(pid)
        kodes = list(blocks)
        if kode not in blocks:
            raise InvalidValue(f"sub bagian {kode!r} tidak ada di agenda; pilihan: {', '.join(kodes)}")
        old = kodes.index(kode)
        new = max(0, min(len(kodes) - 1, old + int(delta)))
        nama = self._subbag_nama(kode)
        if new == old:
            if int(delta) == 0:
                return
            raise InvalidValue(f"{nama} sudah paling {'atas' if delta < 0 else 'bawah'} di agenda")
        kodes.insert(new, kodes.pop(old))
        order = [pid for k in kodes for pid in blocks[k]]
        self._commit("urutan", kode, [((schema.T_SESI, "urutan"), order)], f"{nama} dipindah ke urutan {new + 1}")

    def _subbag_nama(self, kode: str) -> str:
        sub = self.organisasi.subbag_by_kode(kode)
        return sub.nama if sub is not None else f"sub bagian {kode}"

    def record_amendment(self, pid: str, amendment: Amendment) -> str:
        """Add one amendment to the proposal's list (issue 15); InvalidValue says why it is refused.

        One journaled change of the whole list, so undo, the audit log and a follower need
        nothing new. Returns the amendment in words (as the minutes will list it)."""
        from sopreview.domain.amendment import AmendmentError, check_amendment  # see reading.amended

        self._writable()
        proposal = self.proposal(pid)
        earlier = self.amendments(pid)
        try:
            result = check_amendment(proposal.dokumen, earlier, amendment)
        except AmendmentError as exc:
            raise InvalidValue(f"amandemen {proposal.nama} tidak dicatat: {exc}") from None
        words = result.uraian[-1]
        value = [a.to_dict() for a in (*earlier, amendment)]
        self._commit("amandemen", pid, [((schema.T_ITEM, pid, "amandemen"), value)],
                     f"Amandemen {proposal.nama}: {words}")
        return words

    def set_planned_minutes(self, pid: str, minutes: int) -> None:
        self._writable()
        proposal = self.proposal(pid)
        if isinstance(minutes, bool) or not isinstance(minutes, int) or not 0 <= minutes <= MAX_PLANNED_MINUTES:
            raise InvalidValue(f"rencana waktu harus bilangan menit 0–{MAX_PLANNED_MINUTES}, bukan {minutes!r}")
        self._commit("menit", pid, [((schema.T_ITEM, pid, "menit"), minutes)],
                     f"Rencana waktu {proposal.nama}: {minutes} menit")

    def _tables_items(self) -> list[dict[str, Any]]:
        """The item documents as stored, for scans that only read (no per-document copy)."""
        return list(self._storage.read()[schema.T_ITEM].values())
