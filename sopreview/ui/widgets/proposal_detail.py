"""The proposal view's panels: identity table, steps table, and what the meeting recorded.

Rich tables inside Statics: they wrap long Indonesian activity names onto several lines and
re-flow on resize, which a one-line-per-cell DataTable cannot do at 80 columns.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from sopreview.domain.changes import IDENTITY_LABEL, branches_text
from sopreview.domain.model import Proposal, SopDocument, Step
from sopreview.domain.dates import tanggal_teks
from sopreview.domain.vocab import item_kind_label
from sopreview.store.session import Session
from sopreview.ui.fmt import lines, waktu_kolom
from sopreview.ui.widgets.pointer import SOROT_CSS, line_of_style
from sopreview.ui.widgets.steady import SteadyStatic


def identity_table(doc: SopDocument) -> Table:
    """Bagian Identitas, in the order of the regulation's form."""
    table = Table.grid(padding=(0, 1), expand=True)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(ratio=1)
    pengesah = doc.disahkan_oleh
    values: dict[str, str] = {
        "nama": doc.nama,
        "nomor": doc.nomor or "– (belum bernomor)",
        "revisi_ke": str(doc.revisi_ke) if doc.revisi_ke else "–",
        "tanggal_pembuatan": tanggal_teks(doc.tanggal_pembuatan) or "–",
        "tanggal_revisi": tanggal_teks(doc.tanggal_revisi) or "–",
        "tanggal_efektif": tanggal_teks(doc.tanggal_efektif) or "–",
        "disahkan_oleh": "\n".join(x for x in (pengesah.jabatan, pengesah.nama, f"NIP {pengesah.nip}" if pengesah.nip else "") if x) or "–",
        "dasar_hukum": lines(doc.dasar_hukum),
        "kualifikasi_pelaksana": lines(doc.kualifikasi_pelaksana),
        "keterkaitan": lines(doc.keterkaitan),
        "peralatan": lines(doc.peralatan),
        "peringatan": lines(doc.peringatan),
        "pencatatan": lines(doc.pencatatan),
    }
    labels = {**IDENTITY_LABEL, "disahkan_oleh": "disahkan oleh"}  # as the form prints it
    for name, label in labels.items():
        table.add_row(label[0].upper() + label[1:], Text(values.get(name, "–")))
    table.add_row("Pelaksana", Text(", ".join(doc.pelaksana) or "–"))
    return table


def _keterangan(step: Step) -> str:
    parts = [step.keterangan] if step.keterangan else []
    if step.is_decision:
        parts.append(branches_text(step))
    elif step.lanjut is not None:
        parts.append(f"lanjut ke {step.lanjut}")
    return "\n".join(parts)


WIDE_STEPS = 110
"""From this width the steps table has all seven columns; below it the Mutu Baku share one."""


def steps_table(doc: SopDocument, width: int = WIDE_STEPS, sorot: tuple[int, Style] | None = None, *,
                tandai: frozenset[int] = frozenset(), pilih: int | None = None) -> Table:
    """Bagian Flowchart as a table: No, Kegiatan, Pelaksana, the Mutu Baku columns, Keterangan.

    Below ``WIDE_STEPS`` columns Kelengkapan, Waktu, Output and Keterangan are stacked, labelled,
    in one "Mutu baku" column, so no header or value is cut at 80 columns. ``sorot``: the
    presenter cursor's step and its highlight (in the app, the step the amendment keys act on);
    ``tandai``: steps amended in the meeting (✎ before the number); ``pilih``: a selected step
    shown reversed, where no highlight style is given.
    """
    wide = width >= WIDE_STEPS
    table = Table(expand=True, show_lines=True, header_style="bold", pad_edge=False)
    table.add_column("No", justify="right", no_wrap=True, width=4 if tandai else 3)
    table.add_column("Kegiatan", ratio=4 if wide else 3)
    if wide:
        table.add_column("Pelaksana", ratio=2)
    else:
        table.add_column("Pelaksana", width=12)  # Rich ignores min_width on ratio columns
    if wide:
        table.add_column("Kelengkapan", ratio=2)
        table.add_column("Waktu", ratio=1, min_width=8)
        table.add_column("Output", ratio=2)
        table.add_column("Keterangan", ratio=2)
    else:
        table.add_column("Mutu baku / Keterangan", ratio=3)
    for step in doc.langkah:
        kegiatan = Text.assemble(("◇ ", "bold"), step.kegiatan) if step.is_decision else Text(step.kegiatan)
        nomor = _nomor(step.nomor, tandai)
        style: Style | str | None = None
        if sorot is not None and sorot[0] == step.nomor:
            style = sorot[1]
        elif pilih is not None and step.nomor == pilih:
            style = "reverse"
        if wide:
            # SOP text goes in as Text: a plain str cell would be read as Rich markup ("[lampiran 1]" vanishes).
            table.add_row(nomor, kegiatan, Text(step.pelaksana), Text(step.kelengkapan), Text(step.waktu),
                          Text(step.output), Text(_keterangan(step)), style=style)
        else:
            mutu = Text()
            for label, value in (("Kelengkapan", step.kelengkapan), ("Waktu", step.waktu), ("Output", step.output),
                                 ("Ket.", _keterangan(step))):
                if value:
                    mutu.append(("\n" if mutu else "") + f"{label}: ", style="bold")
                    mutu.append(value)
            table.add_row(nomor, kegiatan, Text(step.pelaksana), mutu, style=style)
    return table


def _nomor(nomor: int, tandai: frozenset[int]) -> Text:
    """The step number, with the amendment mark when the meeting changed the step."""
    return Text.assemble(("✎", "bold"), str(nomor)) if nomor in tandai else Text(str(nomor))


class StepsTable(Static):
    """The steps table, re-laid out when the width crosses ``WIDE_STEPS``."""

    COMPONENT_CLASSES = {"steps--sorot"}
    DEFAULT_CSS = "StepsTable > .steps--sorot { %s }" % SOROT_CSS

    def __init__(self, doc: SopDocument, *, id: str | None = None) -> None:
        super().__init__(steps_table(doc), id=id)
        self.doc = doc
        self._wide: bool | None = None
        self.tandai: frozenset[int] = frozenset()
        """Steps amended in the meeting (issue 15)."""
        self._sorot: int | None = None

    def on_resize(self) -> None:
        wide = self.size.width >= WIDE_STEPS
        if wide != self._wide:
            self._wide = wide
            self._draw()

    @property
    def pilih(self) -> int | None:
        """The selected step: the presenter cursor's (the amendment keys act on it)."""
        return self._sorot

    def show(self, doc: SopDocument, tandai: frozenset[int] = frozenset()) -> None:
        """Another version (the amended one) and its marks (issue 15); the selected step stays."""
        if (doc, tandai) == (self.doc, self.tandai):
            return
        self.doc, self.tandai = doc, tandai
        self._draw()

    def _draw(self) -> None:
        if not self.is_mounted:  # styles not known yet: drawn again once laid out (on_resize)
            self.update(steps_table(self.doc, WIDE_STEPS, tandai=self.tandai, pilih=self._sorot))
            return
        self.update(self.table_renderable())

    def table_renderable(self) -> Table:
        width = self.size.width if self._wide is not None else WIDE_STEPS
        style = self.get_component_rich_style("steps--sorot", partial=True)
        return steps_table(self.doc, width, (self._sorot, style) if self._sorot is not None else None,
                           tandai=self.tandai)

    def point_at(self, step: int | None) -> None:
        """The presenter cursor: highlight step ``step``'s row and scroll its pane to it."""
        if step == self._sorot:
            return
        self._sorot = step
        self._draw()
        if step is not None and self.is_mounted:
            self.call_after_refresh(self.scroll_to_pointer)

    def scroll_to_pointer(self) -> None:
        if self._sorot is None or not self.is_mounted:
            return
        line = line_of_style(self.app.console, self.table_renderable(), self.content_region.width,
                             self.get_component_rich_style("steps--sorot", partial=True))
        if line is not None and self.parent is not None:
            self.parent.scroll_to(y=max(0, self.virtual_region.y + line - 1), animate=False)  # type: ignore[attr-defined]


class ProposalHeading(SteadyStatic):
    """One line: jenis, name, sub bagian, presenter, time used and decision (redrawn by the
    screen's clock tick, hence steady)."""

    def show(self, session: Session, proposal: Proposal) -> None:
        sub = session.organisasi.subbag_by_kode(proposal.subbag)
        decision = session.decision(proposal.id)
        clock = session.clock(proposal.id)
        status = decision.label if decision else "belum diputuskan"
        running = " (berjalan)" if clock.running else ""
        if not clock.running and clock.opened_at is None and decision is None:
            running = " (belum dimulai: tekan s)"
        text = Text.assemble(
            (f" {item_kind_label(proposal.jenis)} ", "bold reverse"),
            " ",
            (proposal.nama, "bold"),
            ("  (isi contoh)" if proposal.sampel else "", "italic dim"),
            "\n",
            (
                f"{sub.nama if sub else proposal.subbag} · Penyaji: {proposal.pengusul or '–'} · "
                f"Waktu {waktu_kolom(clock.used_seconds, session.planned_minutes(proposal.id))}"
                f"{running} · Keputusan: {status}"
            ),
        )
        self.show_text(text)


def summary_renderable(session: Session, proposal: Proposal) -> RenderableType:
    """Ringkasan tab: summary, reason, then the identity table and what was recorded."""
    parts: list[RenderableType] = [
        Text("Ringkasan", style="bold underline"),
        Text(proposal.ringkasan or "–"),
        Text(""),
        *_alasan(proposal),
        *evidence_renderables(session, proposal),
        Text("Hasil rapat", style="bold underline"),
        recorded_table(session, proposal.id),
        Text(""),
        Text("Bagian Identitas", style="bold underline"),
        identity_table(proposal.dokumen),
    ]
    parts.extend(_history(session, proposal))
    return Group(*parts)


def _history(session: Session, proposal: Proposal) -> list[RenderableType]:
    """Earlier versions of the SOP a revision revises (only once `tetapkan` has kept some)."""
    if not proposal.is_revision:
        return []
    from sopreview.lifecycle.history import history_for_proposal

    try:
        history = history_for_proposal(session.sops_dir, proposal.sumber)
    except OSError:
        return []
    if history is None:
        return []
    lines = Text()
    for version in history.versions:
        who = f"rapat {version.judul_rapat or version.rapat}" if version.rapat else "sebelum daftar dicatat"
        lines.append(f"Revisi ke-{version.revisi_ke} · efektif {version.dokumen.tanggal_efektif or '–'} · {who}\n")
        if version.perubahan:
            lines.append(f"  {version.perubahan}\n", style="dim")
    return [Text(""), Text("Riwayat SOP berlaku", style="bold underline"), lines]


def _alasan(proposal: Proposal) -> list[RenderableType]:
    """Why it was proposed; an SOP in force put up for evaluation was not proposed by anyone."""
    if proposal.jenis == "evaluasi":
        return []
    return [Text("Alasan usulan", style="bold underline"), Text(proposal.alasan or "–"), Text("")]


def evidence_renderables(session: Session, proposal: Proposal) -> list[RenderableType]:
    """Results over time of the SOP in force behind an evaluation item or a revision (issue 14):
    a sparkline, the last monitoring's steps that did not run well, the next due date, and the
    evaluation of that version at this meeting, so the room discusses evidence."""
    from sopreview.domain.evaluation import register_id
    from sopreview.domain.results import point_text, sparkline
    from sopreview.domain.vocab import EVALUATION_JENIS
    from sopreview.lifecycle.evidence import evidence_for

    try:
        evidence = evidence_for(session.sops_dir, proposal)
    except OSError:
        return []
    if evidence is None:
        return []
    text = Text()
    if evidence.points:
        kinds = [p.jenis for p in evidence.points]
        text.append(sparkline(evidence.points), style="bold")
        shares = " · ".join(f"{p.nilai}/{p.dari}" if p.dari else "?" for p in evidence.points)
        text.append(f"  {shares}  ({kinds.count('evaluasi')} evaluasi: kriteria terpenuhi, "
                    f"{kinds.count('monitoring')} monitoring: langkah berjalan baik; sejak "
                    f"{tanggal_teks(evidence.points[0].tanggal)})\n")
        evaluations = [p for p in evidence.points if p.jenis == "evaluasi"]
        if evaluations:
            text.append(f"Evaluasi terakhir: {point_text(evaluations[-1])}\n")
    else:
        text.append("Belum ada hasil evaluasi atau monitoring yang dicatat.\n", style="dim")
    last = evidence.last
    if last is not None:
        text.append(f"Monitoring terakhir {tanggal_teks(last.tanggal)} ({last.penilai}): "
                    f"{last.not_running} dari {len(last.langkah)} langkah tidak berjalan baik\n")
        for step in (s for s in last.langkah if not s.berjalan):
            text.append(f"  {step.no}. {step.prosedur}", style="bold")
            text.append(f" — {step.catatan or '–'}" + (f" → {step.tindakan}" if step.tindakan else "") + "\n")
    text.append(f"Monitoring berikutnya: {tanggal_teks(evidence.next_due) if evidence.next_due else 'segera'}")
    if proposal.jenis != EVALUATION_JENIS:
        item = next((p for p in session.heads() if p.jenis == EVALUATION_JENIS
                     and register_id(p) == evidence.sop_id), None)
        outcome = session.decision(item.id) if item is not None else None
        evaluation = session.evaluation(item.id) if item is not None else None
        if item is not None:
            said = outcome.label if outcome else "belum diputuskan"
            text.append(f"\nDievaluasi di rapat ini: {said}" + (f", {evaluation.ringkasan}" if evaluation else ""))
    title = f"Evaluasi dan monitoring SOP berlaku ({evidence.sop_id})"
    return [Text(title, style="bold underline"), text, Text("")]


def _judged_version(session: Session, pid: str) -> str:
    """A revision's criteria form judges the version in force it replaces: say which one."""
    proposal = session.proposal(pid)
    if proposal.is_revision and proposal.sebelumnya is not None:
        return f"(versi berlaku, revisi ke-{proposal.sebelumnya.revisi_ke}) "
    return ""


def recorded_table(session: Session, pid: str) -> Table:
    """Decision, evaluation, notes and follow-ups of one proposal."""
    table = Table.grid(padding=(0, 1), expand=True)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(ratio=1)
    decision = session.decision(pid)
    if decision:
        table.add_row("Keputusan", Text(decision.label + (f" — {decision.catatan}" if decision.catatan else "")))
    else:
        table.add_row("Keputusan", Text("belum diputuskan (tekan d)", style="dim"))
    evaluation = session.evaluation(pid)
    if evaluation:
        failed = evaluation.tidak_terpenuhi(session.criteria)
        text = evaluation.ringkasan
        if failed:
            text += "; tidak: " + "; ".join(c.teks for c in failed)
        if evaluation.catatan:
            text += f"\nCatatan: {evaluation.catatan}"
        if evaluation.tindakan:
            text += f"\nTindakan: {evaluation.tindakan}"
        table.add_row("Evaluasi", Text(_judged_version(session, pid) + text))
    else:
        table.add_row("Evaluasi", Text("belum diisi (tekan e)", style="dim"))
    words = session.amended(pid).uraian
    if words:  # issue 15: what the room changed, as the minutes will list it
        table.add_row("Amandemen", Text("\n".join(f"{n}. {w}" for n, w in enumerate(words, start=1))))
    notes = session.notes(pid).strip()
    table.add_row("Catatan", Text(notes) if notes else Text("belum ada (tekan n)", style="dim"))
    actions = session.actions(pid)
    if actions:
        table.add_row("Tindak lanjut", Text("\n".join(f"• {a.apa} — {a.siapa}, {tanggal_teks(a.kapan)}" for a in actions)))
    else:
        table.add_row("Tindak lanjut", Text("belum ada (tekan a)", style="dim"))
    return table
