"""``tetapkan``: turn a session's decisions into the SOPs in force, as one all-or-nothing change.

The plan is computed from the session (decisions, snapshot hashes, perbaikan marks) and the sops
folder as it is now; it refuses, naming the files, when a proposal changed since the session was
created (or since its perbaikan was marked done). What was applied is recorded in the register
log, keyed by (session, proposal), so running it again finds nothing left to do.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sopreview.domain.loader import IN_FORCE_FOLDER, LoadResult, load_sops
from sopreview.domain.records import proposal_hash
from sopreview.domain.model import Proposal, SopDocument
from sopreview.domain.register import (
    BERLAKU, DIARSIPKAN, DICABUT, DIREVISI, DITETAPKAN, PERLU_REVISI, STATUS, Event, applied_keys,
)
from sopreview.domain.vocab import EVALUATION_JENIS, decision_label
from sopreview.domain.sop_yaml import leading_comments, sop_yaml
from sopreview.lifecycle.folder import ARCHIVE_FOLDER, EVENTS_FILE, HISTORY_FOLDER, RegisterFolder, read_folder
from sopreview.lifecycle.folder import sebelumnya_file
from sopreview.lifecycle.transaction import Hook, Transaction

# What a plan does with each agenda item.
BARU = "tetapkan baru"
REVISI = "revisi"
ARSIP = "arsipkan"
TETAP = "tetap usulan"
MENUNGGU = "menunggu perbaikan"
BELUM = "belum diputuskan"
SUDAH = "sudah diterapkan"
STATUS_SOP = "status SOP"
WRITES = (BARU, REVISI, ARSIP, STATUS_SOP)

OUTCOME_STATUS: dict[str, str] = {
    "masih_sesuai": BERLAKU,
    "perlu_revisi": PERLU_REVISI,
    "tidak_diberlakukan_lagi": DICABUT,
}
"""Register status after an evaluation outcome (issue 14); masih sesuai records that it was evaluated."""


@dataclass
class PlanItem:
    pid: str
    nama: str
    keputusan: str
    tindakan: str
    nomor: str = ""
    revisi_ke: int | None = None
    berkas: str = ""
    """The file in force written (adoptions) or the archive file (rejections)."""
    riwayat: str = ""
    """Where the replaced version is kept (revisions)."""
    keterangan: str = ""

    def line(self) -> str:
        text = f"{self.tindakan:<20} {self.pid}"
        if self.nomor:
            text += f"  nomor {self.nomor}"
        if self.revisi_ke is not None and self.tindakan == REVISI:
            text += f", revisi ke-{self.revisi_ke}"
        if self.berkas:
            text += f"\n{'':<21}→ {self.berkas}"
        if self.riwayat:
            text += f"\n{'':<21}versi lama → {self.riwayat}"
        if self.keterangan:
            text += f"\n{'':<21}{self.keterangan}"
        return text


@dataclass
class Plan:
    rapat: str
    judul: str
    tanggal: str
    items: list[PlanItem] = field(default_factory=list)
    refusals: list[str] = field(default_factory=list)
    transaction: Transaction | None = None
    events: list[Event] = field(default_factory=list)

    @property
    def changes(self) -> list[PlanItem]:
        return [i for i in self.items if i.tindakan in WRITES]

    def lines(self) -> list[str]:
        return [item.line() for item in self.items]


@dataclass(frozen=True)
class SessionView:
    """What the plan needs from a session (so tests and the bench can build one without a file)."""

    name: str
    judul: str
    proposals: list[Proposal]
    decisions: dict[str, tuple[str, str]]
    """pid -> (keputusan, catatan)."""
    hashes: dict[str, str]
    perbaikan: dict[str, str]
    """pid -> file hash recorded when its perbaikan was marked done."""
    change_summaries: dict[str, str] = field(default_factory=dict)
    criteria_met: dict[str, str] = field(default_factory=dict)
    """Evaluation items: pid -> ``met/total`` of the criteria form (empty when not filled in)."""


def session_view(session: Any) -> SessionView:
    from sopreview.store.penetapan import perbaikan_done

    decisions: dict[str, tuple[str, str]] = {}
    perbaikan: dict[str, str] = {}
    proposals = session.proposals()
    for p in proposals:
        d = session.decision(p.id)
        if d is not None:
            decisions[p.id] = (d.keputusan, d.catatan)
        mark = perbaikan_done(session, p.id)
        if mark:
            perbaikan[p.id] = mark["hash"]
    return SessionView(name=Path(session.path).stem, judul=session.meta.judul, proposals=proposals,
                       decisions=decisions, hashes={p.id: session.snapshot_hash(p.id) for p in proposals},
                       perbaikan=perbaikan, change_summaries={p.id: session.change_summary(p.id)
                                                               for p in proposals if p.is_revision},
                       criteria_met=_criteria_met(session, proposals))


def _criteria_met(session: Any, proposals: list[Proposal]) -> dict[str, str]:
    out = {}
    for p in proposals:
        if p.jenis == EVALUATION_JENIS:
            evaluation = session.evaluation(p.id)
            if evaluation is not None and evaluation.total:
                out[p.id] = f"{evaluation.terpenuhi}/{evaluation.total}"
    return out


def check_date(tanggal: str) -> str | None:
    try:
        dt.date.fromisoformat(tanggal)
    except ValueError:
        return f"tanggal '{tanggal}' tidak sah; tulis YYYY-MM-DD, mis. --date 2022-06-20"
    return None if len(tanggal) == 10 else f"tanggal '{tanggal}' harus YYYY-MM-DD"


def build_plan(view: SessionView, sops_dir: Path, tanggal: str, *, loaded: LoadResult | None = None,
               folder: RegisterFolder | None = None) -> Plan:
    sops_dir = Path(sops_dir)
    plan = Plan(rapat=view.name, judul=view.judul, tanggal=tanggal)
    error = check_date(tanggal)
    if error:
        plan.refusals.append(error)
        return plan
    loaded = loaded if loaded is not None else load_sops(sops_dir)
    folder = folder if folder is not None else read_folder(sops_dir)
    plan.refusals.extend(str(p) for p in folder.problems if p.is_error)
    current = {p.id: p for p in loaded.proposals}
    done = applied_keys(folder.events)
    builder = _Builder(plan, view, sops_dir, folder, current)
    builder.elsewhere = {usulan: rapat for rapat, usulan in done if rapat != view.name}
    for proposal in view.proposals:
        builder.item(proposal, done)
    builder.number_new()
    if not plan.refusals:
        builder.finish()
    return plan


class _Builder:
    def __init__(self, plan: Plan, view: SessionView, sops_dir: Path, folder: RegisterFolder,
                 current: dict[str, Proposal]) -> None:
        self.plan, self.view, self.sops_dir, self.folder, self.current = plan, view, sops_dir, folder, current
        self.tx = Transaction(sops_dir)
        self.targets: dict[str, str] = {}
        self.new: list[tuple[PlanItem, Proposal, SopDocument]] = []
        self.in_force = folder.in_force_by_path()
        self.elsewhere: dict[str, str] = {}
        """Proposal id -> the other meeting whose tetapkan already applied it."""

    def item(self, snap: Proposal, done: set[tuple[str, str]]) -> None:
        pid = snap.id
        keputusan, catatan = self.view.decisions.get(pid, ("", ""))
        item = PlanItem(pid, snap.nama, keputusan, BELUM)
        self.plan.items.append(item)
        if (self.view.name, pid) in done:
            item.tindakan = SUDAH
            return
        if pid in self.elsewhere and pid not in self.current and snap.jenis != EVALUATION_JENIS:
            item.tindakan = SUDAH
            item.keterangan = f"oleh rapat {self.elsewhere[pid]}; keputusan rapat ini tidak diterapkan lagi"
            return
        if not keputusan:
            return
        if keputusan == "ditunda":
            item.tindakan = TETAP
            return
        if snap.jenis == EVALUATION_JENIS:
            self._evaluation(item, snap, keputusan, catatan)
            return
        expected = self.view.hashes[pid]
        if keputusan == "disetujui_dengan_perbaikan":
            if pid not in self.view.perbaikan:
                item.tindakan = MENUNGGU
                item.keterangan = f"tandai selesai: --perbaikan-done {pid} (atau v di aplikasi)"
                return
            expected = self.view.perbaikan[pid]
        proposal = self.current.get(pid)
        shown = (self.sops_dir / snap.sumber).as_posix()
        if proposal is None:
            self.plan.refusals.append(f"{shown}: berkas usulan tidak ada atau tidak valid lagi "
                                      "(jalankan `sopreview validate`)")
            return
        if proposal_hash(proposal) != expected:
            since = "perbaikannya ditandai selesai" if keputusan == "disetujui_dengan_perbaikan" else "sesi dibuat"
            self.plan.refusals.append(f"{shown}: berubah sejak {since}; yang diputuskan rapat bukan isi berkas "
                                      "ini lagi (kembalikan isinya, atau buat sesi baru)")
            return
        if keputusan in ("ditolak", "ditarik"):
            item.tindakan = ARSIP
            item.berkas = self._archive(proposal, keputusan, catatan)
            self.plan.events.append(Event(DIARSIPKAN, usulan=pid, rapat=self.view.name, judul_rapat=self.view.judul,
                                          tanggal=self.plan.tanggal, keputusan=keputusan, alasan=catatan,
                                          riwayat=item.berkas))
            return
        if proposal.is_revision:
            self._revision(item, proposal, keputusan)
        else:
            self._new(item, proposal)

    # -- evaluation outcomes ---------------------------------------------------------------
    def _evaluation(self, item: PlanItem, snap: Proposal, keputusan: str, catatan: str) -> None:
        """An evaluated SOP in force: its outcome becomes a status event with this meeting as the reason."""
        sop = self.in_force.get(snap.sumber)
        shown = (self.sops_dir / snap.sumber).as_posix()
        if sop is None:
            self.plan.refusals.append(f"{shown}: SOP yang dievaluasi tidak berlaku lagi di folder ini "
                                      "(dipindah atau dihapus sejak sesi dibuat); kembalikan berkasnya")
            return
        if sop.dokumen.revisi_ke != snap.dokumen.revisi_ke or sop.dokumen.nomor != snap.dokumen.nomor:
            self.plan.refusals.append(f"{shown}: sudah revisi ke-{sop.dokumen.revisi_ke}, rapat mengevaluasi revisi "
                                      f"ke-{snap.dokumen.revisi_ke}; hasil evaluasi tidak diterapkan ke versi lain")
            return
        status = OUTCOME_STATUS[keputusan]
        item.tindakan = STATUS_SOP
        item.nomor = sop.dokumen.nomor
        item.keterangan = f"hasil evaluasi: {decision_label(keputusan)} → status {status}"
        if keputusan == "perlu_revisi":
            item.keterangan += "; tindak lanjut: susun usulan perbaikan"
        reason = f"Hasil evaluasi rapat {self.view.judul or self.view.name}: {decision_label(keputusan)}"
        self.plan.events.append(Event(
            STATUS, sop=sop.sop_id, usulan=snap.id, rapat=self.view.name, judul_rapat=self.view.judul,
            tanggal=self.plan.tanggal, nomor=sop.dokumen.nomor, keputusan=keputusan, status=status,
            kriteria=self.view.criteria_met.get(snap.id, ""),
            alasan=f"{reason}. {catatan.strip()}".strip() if catatan.strip() else reason))

    # -- adoptions --------------------------------------------------------------------------
    def _claim(self, rel: str, pid: str) -> bool:
        other = self.targets.get(rel)
        if other is not None:
            self.plan.refusals.append(f"{(self.sops_dir / rel).as_posix()}: ditulis oleh dua usulan ({other} dan "
                                      f"{pid}); putuskan salah satu saja")
            return False
        self.targets[rel] = pid
        return True

    def _new(self, item: PlanItem, proposal: Proposal) -> None:
        rel = f"{proposal.subbag}/{IN_FORCE_FOLDER}/{Path(proposal.sumber).stem}.yaml"
        if (self.sops_dir / rel).exists():
            self.plan.refusals.append(f"{(self.sops_dir / rel).as_posix()}: sudah ada SOP berlaku dengan nama "
                                      f"berkas ini; ganti nama berkas usulan {proposal.sumber}")
            return
        if not self._claim(rel, proposal.id):
            return
        if self.folder.pattern is None:
            self.plan.refusals.append(f"{(self.sops_dir / 'organisasi.yaml').as_posix()}: belum ada pola_nomor untuk "
                                      "SOP baru; tambahkan mis. `pola_nomor: \"{urut:02}/SOP/{kode}/35.76/{tahun}\"`")
            return
        item.tindakan = BARU
        item.berkas = rel
        item.revisi_ke = 0
        self.new.append((item, proposal, proposal.dokumen))

    def number_new(self) -> None:
        numbering = self.folder.numbering()
        if numbering is None or not self.new:
            return
        year = int(self.plan.tanggal[:4])
        numbers = numbering.allocate((self.folder.kode_nomor.get(p.subbag, ""), year) for _, p, _ in self.new)
        for (item, proposal, doc), nomor in zip(self.new, numbers):
            item.nomor = nomor
            adopted = replace(doc, nomor=nomor, revisi_ke=0, tanggal_revisi="", tanggal_efektif=self.plan.tanggal,
                              tanggal_pembuatan=doc.tanggal_pembuatan or self.plan.tanggal)
            self._adopt(item, proposal, adopted, DITETAPKAN, "")

    def _revision(self, item: PlanItem, proposal: Proposal, keputusan: str) -> None:
        old = proposal.sebelumnya
        assert old is not None  # the loader requires it for a revision
        source = sebelumnya_file(self.sops_dir, proposal.sumber)
        rel = source.relative_to(self.sops_dir.resolve()).as_posix() if source is not None else ""
        if rel not in self.in_force:
            rel = f"{proposal.subbag}/{IN_FORCE_FOLDER}/{Path(proposal.sumber).stem}.yaml"
            if (self.sops_dir / rel).exists():
                self.plan.refusals.append(f"{(self.sops_dir / proposal.sumber).as_posix()}: versi berlakunya tidak "
                                          f"di {rel}; arahkan `sebelumnya` ke berkas di folder berlaku/")
                return
        if not self._claim(rel, proposal.id):
            return
        sop_id = f"{Path(rel).parent.parent.name}/{Path(rel).stem}"
        history = f"{HISTORY_FOLDER}/{sop_id}/revisi-{old.revisi_ke}.yaml"
        if (self.sops_dir / history).exists():
            history = f"{HISTORY_FOLDER}/{sop_id}/revisi-{old.revisi_ke}-{self.view.name}.yaml"
        note = (f"# Versi ini (revisi ke-{old.revisi_ke}) digantikan pada {self.plan.tanggal} oleh keputusan rapat "
                f"{self.view.judul or self.view.name} ({self.view.name}), usulan {proposal.id}.\n")
        old_path = self.sops_dir / rel
        old_bytes = old_path.read_bytes() if old_path.is_file() else sop_yaml(old).encode("utf-8")
        self.tx.write(history, note.encode("utf-8") + old_bytes)
        item.tindakan = REVISI
        item.berkas = rel
        item.riwayat = history
        item.nomor = old.nomor
        item.revisi_ke = old.revisi_ke + 1
        adopted = replace(proposal.dokumen, nomor=old.nomor, revisi_ke=old.revisi_ke + 1,
                          tanggal_revisi=self.plan.tanggal, tanggal_efektif=self.plan.tanggal,
                          tanggal_pembuatan=old.tanggal_pembuatan or proposal.dokumen.tanggal_pembuatan)
        self._adopt(item, proposal, adopted, DIREVISI, history, keputusan)

    def _adopt(self, item: PlanItem, proposal: Proposal, adopted: SopDocument, kind: str, history: str,
               keputusan: str = "") -> None:
        source = self.sops_dir / proposal.sumber
        header = leading_comments(source.read_text(encoding="utf-8"))
        self.tx.write(item.berkas, sop_yaml(adopted, sampel=proposal.sampel, header=header).encode("utf-8"))
        archived = self._archive(proposal, item.keputusan, "")
        sop_id = f"{Path(item.berkas).parent.parent.name}/{Path(item.berkas).stem}"
        self.plan.events.append(Event(
            kind, sop=sop_id, usulan=proposal.id, rapat=self.view.name, judul_rapat=self.view.judul,
            tanggal=self.plan.tanggal, nomor=adopted.nomor, revisi_ke=adopted.revisi_ke, keputusan=item.keputusan,
            disahkan_oleh=adopted.disahkan_oleh.nama, perubahan=self.view.change_summaries.get(proposal.id, ""),
            riwayat=history or archived))

    def _archive(self, proposal: Proposal, keputusan: str, alasan: str) -> str:
        rel = f"{ARCHIVE_FOLDER}/{self.view.name}/{proposal.sumber}"
        note = f"# Diarsipkan oleh `sopreview tetapkan`: {keputusan} pada rapat {self.view.judul or self.view.name}"
        note += f" ({self.view.name}), {self.plan.tanggal}.\n"
        if alasan:
            note += "".join(f"# Alasan: {line}\n" if n == 0 else f"#   {line}\n"
                            for n, line in enumerate(alasan.splitlines()))
        self.tx.write(rel, note.encode("utf-8") + (self.sops_dir / proposal.sumber).read_bytes())
        self.tx.delete(proposal.sumber)
        return rel

    def finish(self) -> None:
        if self.plan.events:
            self.tx.write(EVENTS_FILE, self.folder.events_with(self.plan.events))
        self.plan.transaction = self.tx


def execute(plan: Plan, hook: Hook | None = None) -> None:
    """Write the plan as one all-or-nothing change (see transaction.py)."""
    if plan.refusals:
        raise ValueError("a refused plan cannot be executed")
    if plan.transaction is not None and not plan.transaction.empty:
        plan.transaction.commit(hook)


def follow_ups(plan: Plan, proposals: list[Proposal]) -> list[tuple[str, str]]:
    """(item id, what to do) for each SOP this plan marks *perlu revisi*: someone drafts the revision."""
    by_id = {p.id: p for p in proposals}
    out = []
    for item in plan.items:
        if item.tindakan == STATUS_SOP and item.keputusan == "perlu_revisi" and item.pid in by_id:
            nama = by_id[item.pid].nama
            out.append((item.pid, f"Susun usulan perbaikan SOP {nama}" + (f" ({item.nomor})" if item.nomor else "")
                        + " sesuai hasil evaluasi"))
    return out


def session_results(plan: Plan, events: list[Event]) -> dict[str, dict[str, Any]]:
    """What to record in the session: every proposal of this meeting the register log says is applied."""
    out: dict[str, dict[str, Any]] = {}
    for event in events:
        if event.rapat == plan.rapat and event.usulan:
            out[event.usulan] = {"peristiwa": event.peristiwa, "tanggal": event.tanggal, "nomor": event.nomor,
                                 "sop": event.sop, "berkas": event.riwayat}
    return out
