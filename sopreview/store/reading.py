"""The reading half of the session API: plain values built from the stored documents.

Nothing here writes, so a read-only follower (the projector) has exactly these methods.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sopreview.domain.criteria import Criterion
from sopreview.domain.header import MeetingMeta
from sopreview.domain.records import (
    NOT_STARTED, Action, Attendance, CurrentItem, Decision, Evaluation, HistoryEntry, ItemClock, ItemGlance,
    proposal_hash,
)
from sopreview.domain import clock as clock_rules
from sopreview.domain.model import Orang, Organisasi, Proposal, ProposalHead
from sopreview.domain.vocab import EVALUATION_JENIS
from sopreview.store import schema
from sopreview.store.errors import SessionError

if TYPE_CHECKING:
    from tinydb.table import Document, Table

    from sopreview.domain.amendment import Amended, Amendment
    from sopreview.domain.changes import SopDiff


CREATED_MARGIN_SECONDS = 2.0
"""File times are compared with the session's creation stamp less this (coarse file-system clocks)."""


def sops_touched_since(sops_dir: Path, created: str) -> bool:
    """Whether any folder or YAML file under ``sops_dir`` was modified since the ISO stamp ``created``.

    A stat walk, no parsing: a folder's time moves when a file in it is added, removed or
    renamed, a file's when it is written. False lets ``export --check-sops`` and the app's
    background check skip comparing every proposal; True only means "look closer".
    (A file saved while ``new`` itself ran, before the session was stamped, is not seen.)
    Takes the stamp, not the session, so the app can call it off the UI thread."""
    since = datetime.fromisoformat(created).timestamp() - CREATED_MARGIN_SECONDS
    for folder, dirs, names in os.walk(sops_dir):
        here = Path(folder)
        if here.stat().st_mtime >= since:
            return True
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if name.endswith((".yaml", ".yml")) and (here / name).stat().st_mtime >= since:
                return True
    return False


class SessionReading:
    if TYPE_CHECKING:
        path: Path
        _static: schema.Static
        _tables: dict[str, Table]

        def _doc(self, table: str) -> Document: ...
        def _item(self, pid: str) -> Mapping[str, Any]: ...
        def _raw(self, table: str) -> dict[str, Any]: ...
        def _require(self, pid: str) -> None: ...
        def _now(self) -> datetime: ...

    @property
    def meta(self) -> MeetingMeta:
        return MeetingMeta.from_dict(self._doc(schema.T_META))

    @property
    def organisasi(self) -> Organisasi:
        return self._static.organisasi

    @property
    def criteria(self) -> tuple[Criterion, ...]:
        """The criteria this session was created with (its own copy)."""
        return self._static.criteria

    @property
    def created(self) -> str:
        return str(self._doc(schema.T_SESI)["dibuat"])

    @property
    def sops_dir(self) -> Path | None:
        value = self._doc(schema.T_SESI).get("sops_dir")
        return Path(value) if value else None

    @property
    def carried_from(self) -> dict[str, str] | None:
        """The earlier session deferred items were carried over from (berkas, judul, tanggal)."""
        return self._doc(schema.T_SESI).get("asal")

    def proposals(self) -> list[Proposal]:
        """Agenda order; the snapshot taken when the session was created."""
        return [self._static.proposals[pid] for pid in self._doc(schema.T_SESI)["urutan"]]

    def heads(self) -> list[ProposalHead]:
        """Agenda order, each proposal without its steps: what lists show (see ProposalHead)."""
        proposals = self._static.proposals
        return [schema.proposal_head(proposals, pid) for pid in self._doc(schema.T_SESI)["urutan"]]

    def head(self, pid: str) -> ProposalHead:
        self._require(pid)
        return schema.proposal_head(self._static.proposals, pid)

    def proposal(self, pid: str) -> Proposal:
        self._require(pid)
        return self._static.proposals[pid]

    def change_summary(self, pid: str) -> str:
        """What a revision changes, in words, as fixed when the session was created.

        Stored with the snapshot so the minutes say what the meeting saw, even if a later
        release words diffs differently; sessions from before it was stored compute it once.
        """
        self._require(pid)
        summaries = self._static.summaries
        if pid not in summaries:
            from sopreview.domain.changes import change_summary

            summaries[pid] = change_summary(self._static.proposals[pid])
        return summaries[pid]

    def change_diff(self, pid: str) -> SopDiff | None:
        """The step diff of a revision against the version in force (None for a new SOP).

        Aligned once per opened session and kept with the snapshot, which never changes: the
        app shows it on every opening of the proposal and the projector again for the room."""
        self._require(pid)
        diffs = self._static.diffs
        if pid not in diffs:
            from sopreview.domain import changes

            proposal = self._static.proposals[pid]
            old = proposal.sebelumnya
            diffs[pid] = changes.diff_sop(old, proposal.dokumen) if old is not None else None
        return diffs[pid]

    def snapshot_hash(self, pid: str) -> str:
        self._require(pid)
        return self._static.hashes[pid]

    def planned_minutes(self, pid: str) -> int:
        return int(self._item(pid)["menit"])

    def decision(self, pid: str) -> Decision | None:
        data = self._item(pid).get("keputusan")
        return Decision.from_dict(data) if data else None

    def evaluation(self, pid: str) -> Evaluation | None:
        data = self._item(pid).get("evaluasi")
        return Evaluation.from_dict(data) if data else None

    def amendments(self, pid: str) -> list[Amendment]:
        """The amendments the meeting made to this proposal, in order (issue 15)."""
        raw = self._item(pid).get("amandemen")
        if not raw:
            return []
        from sopreview.domain.amendment import Amendment  # imported when a session has amendments

        return [Amendment.from_dict(a) for a in raw]

    def amended(self, pid: str) -> Amended:
        """The version under discussion: the proposal as submitted plus its amendments.

        Cached per stored list (the flowchart, the Perubahan tab and the minutes all ask)."""
        raw = self._item(pid).get("amandemen") or []
        cache: dict[str, tuple[Any, Amended]] = self.__dict__.setdefault("_amended_cache", {})
        hit = cache.get(pid)
        if hit is not None and hit[0] == raw:
            return hit[1]
        # Imported here: the amendment module pulls in the validator's read-back, and `record`,
        # `export` and the agenda of a meeting without amendments need none of it (issue 17).
        from sopreview.domain.amendment import Amendment, apply_amendments

        result = apply_amendments(self.proposal(pid).dokumen, [Amendment.from_dict(a) for a in raw])
        cache[pid] = (copy.deepcopy(raw), result)
        return result

    def notes(self, pid: str) -> str:
        return str(self._item(pid).get("catatan", ""))

    def actions(self, pid: str | None = None) -> list[Action]:
        """Follow-up actions in the order they were added; ``pid`` None = all of them."""
        if pid is not None:
            self._require(pid)
        found = [Action.from_dict(doc) for doc in self._tables[schema.T_AKSI].all()]
        found.sort(key=lambda a: a.id)
        return [a for a in found if pid is None or a.proposal_id == pid]

    def guests(self) -> list[Orang]:
        return [Orang(**doc) for doc in self._tables[schema.T_TAMU].all()]

    def people(self) -> list[Orang]:
        """Everyone who may attend: the organisation's people, then guests added in the meeting."""
        return [*self._static.organisasi.orang, *self.guests()]

    def attendance(self) -> dict[str, Attendance]:
        return {doc["nama"]: Attendance.from_dict(doc) for doc in self._tables[schema.T_HADIR].all()}

    def clock(self, pid: str) -> ItemClock:
        return self._clock_of(self._item(pid).get("jam"))

    def _clock_of(self, jam: list[list[str | None]] | None) -> ItemClock:
        if not jam:
            return NOT_STARTED
        running = clock_rules.is_running(jam)
        return ItemClock(jam[0][0], None if running else jam[-1][1], clock_rules.used_seconds(jam, self._now()),
                         running)

    def glances(self) -> dict[str, ItemGlance]:
        """Every item's planned minutes, decision, evaluation, notes and clock, in one pass over
        the stored documents: the agenda lists them all (five reads a row before, issue 17).
        The same values as ``planned_minutes``, ``decision``, ``evaluation``, ``notes`` and ``clock``."""
        found: dict[str, ItemGlance] = {}
        for doc in self._raw(schema.T_ITEM).values():
            keputusan = doc.get("keputusan")
            found[doc["pid"]] = ItemGlance(
                int(doc["menit"]), keputusan["keputusan"] if keputusan else None, bool(doc.get("evaluasi")),
                bool(str(doc.get("catatan", "")).strip()), self._clock_of(doc.get("jam")))
        return found

    def pause_state(self) -> tuple[str, str] | None:
        """``(jenis, started_iso)`` while the meeting is paused (istirahat, ishoma), else None."""
        jeda = self._doc(schema.T_SESI).get("jeda")
        return (str(jeda["jenis"]), str(jeda["mulai"])) if jeda else None

    def running_item(self) -> str | None:
        """The proposal whose clock is running, if any."""
        for doc in self._tables[schema.T_ITEM].all():
            jam = doc.get("jam") or []
            if jam and jam[-1][1] is None:
                return str(doc["pid"])
        return None

    def current(self) -> CurrentItem:
        sesi = self._doc(schema.T_SESI)
        return CurrentItem(sesi.get("current"), sesi["tab"])

    def pointer(self) -> int | None:
        """The step the presenter cursor is on (of the current item), or None."""
        step = self._doc(schema.T_SESI).get("sorot")
        return step if isinstance(step, int) else None

    def zoom(self) -> int:
        """How far the room's flowchart is zoomed in (0: fitted to the width)."""
        zoom = self._doc(schema.T_SESI).get("zoom")
        return zoom if isinstance(zoom, int) else 0

    def slide(self) -> str | None:
        """The slide the operator put in front of the item (``PROJECTOR_SLIDES``), or None."""
        layar = self._doc(schema.T_SESI).get("layar")
        return layar if isinstance(layar, str) else None

    def closed_at(self) -> str | None:
        """When the room confirmed the read-back and the meeting was closed (ISO), or None."""
        ditutup = self._doc(schema.T_SESI).get("ditutup")
        return ditutup if isinstance(ditutup, str) else None

    def history(self, pid: str) -> list[HistoryEntry]:
        """What earlier sessions decided about this proposal (carried over), oldest first."""
        return [HistoryEntry.from_dict(record) for record in self.history_records(pid)]

    def history_records(self, pid: str) -> list[dict[str, Any]]:
        """The stored history records as they are, for carrying them over again unchanged."""
        return list(self._item(pid).get("riwayat") or [])

    def progress(self) -> tuple[int, int]:
        docs = self._raw(schema.T_ITEM).values()
        return sum(1 for d in docs if d.get("keputusan")), len(docs)

    def changed_since_snapshot(self, sops_dir: Path) -> list[str]:
        """Proposal ids whose content in ``sops_dir`` differs from the snapshot, or that vanished."""
        try:
            from sopreview.domain.loader import load_sops
        except ImportError as exc:  # pragma: no cover - the loader ships with the package
            raise SessionError(f"pemuat SOP tidak tersedia ({exc})") from None
        return self.changed_against({p.id: proposal_hash(p) for p in load_sops(Path(sops_dir)).proposals})

    def sops_touched_since_created(self, sops_dir: Path) -> bool:
        """See :func:`sops_touched_since`; False means ``changed_since_snapshot`` would find nothing."""
        return sops_touched_since(sops_dir, self.created)

    def changed_against(self, current: Mapping[str, str]) -> list[str]:
        """Proposal ids whose current content hash (id -> ``proposal_hash``) differs from the snapshot.

        For callers that have already loaded sops/ (the app does it off the UI thread). A proposal
        already applied by ``tetapkan`` has left the proposals on purpose: not a change. An
        evaluation item is an SOP in force, not a proposal file (``tetapkan`` checks its version)."""
        return [pid for pid in self._doc(schema.T_SESI)["urutan"]
                if current.get(pid) != self._static.hashes[pid] and not self._item(pid).get("diterapkan")
                and self._static.proposals[pid].jenis != EVALUATION_JENIS]
