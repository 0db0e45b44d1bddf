"""`sopreview dokumen`: which SOPs, from where, in which state, written where.

Sources: a ``sops/`` folder (every proposal is a draft: RANCANGAN) or a session file (each
proposal as decided there: the decision and the meeting's date in the footer; only an
adopted SOP loses the RANCANGAN mark). Files go to one folder the user names (default next
to the source), one per SOP and format, or one bundle with a table of contents (``gabung``).
Nothing is written outside that folder or over an input file; every file is written atomically.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sopreview.domain.model import Organisasi, Proposal
from sopreview.domain.problems import Problem
from sopreview.domain.sopdoc.document import (
    BundleEntry,
    SopPrint,
    Status,
    changes_against,
    layout_bundle,
    layout_sop,
    sop_pages,
)
from sopreview.domain.sopdoc.flowtable import LayoutError
from sopreview.domain.sopdoc.geometry import Paper, paper
from sopreview.domain.sopdoc.identity import Kop
from sopreview.domain.dates import hari_tanggal_teks
from sopreview.minutes.export import ExportError, check_target
from sopreview.durable.files import atomic_write

DOC_FORMATS: dict[str, str] = {"pdf": "PDF", "html": "HTML", "docx": "Word (DOCX)"}
ADOPTED = frozenset({"disetujui"})
"""Decisions after which the printed SOP is final (no RANCANGAN mark)."""


class DocumentError(Exception):
    """Why documents were not written, phrased for the secretariat (file, field, what to do)."""


@dataclass
class Source:
    """Proposals to print and what is known about them."""

    organisasi: Organisasi
    proposals: list[Proposal]
    sops_dir: Path | None
    inputs: set[Path] = field(default_factory=set)
    """Files read (never written over)."""
    statuses: dict[str, Status] = field(default_factory=dict)
    judul: str = "Kumpulan SOP"
    default_dir: Path = Path("dokumen-sop")


def from_folder(sops_dir: Path) -> Source:
    from sopreview.domain.loader import load_sops

    result = load_sops(sops_dir)
    if result.errors or result.organisasi is None:
        lines = [str(p) for p in result.errors] or [f"{sops_dir}: organisasi.yaml tidak terbaca"]
        raise DocumentError("Dokumen tidak dibuat: perbaiki dulu masalah berikut (cek dengan "
                            f"`sopreview validate {sops_dir}`):\n" + "\n".join(lines))
    inputs = {p.resolve() for p in sops_dir.rglob("*") if p.is_file()}
    return Source(result.organisasi, list(result.proposals), sops_dir, inputs,
                  {p.id: Status(rancangan=True) for p in result.proposals},
                  f"Rancangan SOP {result.organisasi.nama}", sops_dir.resolve().parent / "dokumen-sop")


def from_session(session_path: Path) -> Source:
    from sopreview.store.session import Session

    session = Session.open(session_path, readonly=True)
    try:
        meta = session.meta
        org = session.organisasi
        proposals = session.proposals()
        when = hari_tanggal_teks(meta.tanggal) if meta.tanggal else ""
        statuses = {}
        for p in proposals:
            d = session.decision(p.id)
            rapat = f"Keputusan rapat {when}" if when else "Keputusan rapat"
            if d is None:
                statuses[p.id] = Status(True, f"Belum diputuskan dalam rapat {when}".strip())
            else:
                statuses[p.id] = Status(d.keputusan not in ADOPTED, f"{rapat}: {d.label}")
        sops_dir = session.sops_dir
    finally:
        session.close()
    inputs = {session_path.resolve()}
    if sops_dir is not None and sops_dir.is_dir():
        inputs |= {p.resolve() for p in sops_dir.rglob("*") if p.is_file()}
    return Source(org, proposals, sops_dir, inputs, statuses, meta.judul or f"SOP {org.nama}",
                  session_path.resolve().with_name(f"{session_path.stem}-dokumen"))


def choose_paper(flag: str | None, organisasi: Organisasi) -> Paper:
    """--kertas wins, then ``kertas`` in organisasi.yaml, then A4 (always landscape)."""
    return paper(flag or organisasi.kertas or "A4")


def kop_for(source: Source, proposal: Proposal) -> Kop:
    sb = source.organisasi.subbag_by_kode(proposal.subbag)
    unit = f"Sub Bagian {sb.nama}" if sb and not sb.nama.lower().startswith("sub") else (sb.nama if sb else "")
    logo = ""
    if source.organisasi.logo and source.sops_dir is not None:
        path = (source.sops_dir / source.organisasi.logo).resolve()
        if not path.is_file():
            raise DocumentError(f"{source.sops_dir / 'organisasi.yaml'} [logo]: galat: berkas logo "
                                f"'{source.organisasi.logo}' tidak ditemukan\n    → path relatif terhadap "
                                "folder sops/; perbaiki atau hapus kolom `logo`")
        logo = str(path)
        source.inputs.add(path)
    return Kop(source.organisasi.nama, unit, logo)


def select(source: Source, ids: Sequence[str]) -> list[Proposal]:
    if not ids:
        return list(source.proposals)
    by_id = {p.id: p for p in source.proposals}
    missing = [i for i in ids if i.removesuffix(".yaml") not in by_id]
    if missing:
        known = ", ".join(sorted(by_id)[:5])
        raise DocumentError(f"SOP {', '.join(missing)} tidak ada. Pakai id usulan (path di bawah sops/ tanpa "
                            f".yaml), mis. {known}")
    return [by_id[i.removesuffix(".yaml")] for i in ids]


def layout_problem_text(source: Source, proposal: Proposal, exc: LayoutError) -> str:
    """Each problem as ``file:line [field]: galat: …`` with the line read back from the YAML file."""
    shown = str(source.sops_dir / proposal.sumber) if source.sops_dir and proposal.sumber else proposal.id
    lines = []
    for p in exc.problems:
        lines.append(str(Problem(shown, _line_of(source, proposal, p.field), p.field, p.message, p.hint)))
    return "\n".join(lines)


def _line_of(source: Source, proposal: Proposal, field_text: str) -> int | None:
    if source.sops_dir is None or not proposal.sumber:
        return None
    from sopreview.domain.yamlread import YamlReadError, read_yaml

    path: list[str | int] = []
    for name, index in re.findall(r"([a-z_]+)(?:\[(\d+)\])?", field_text):
        path.append(name)
        if index:
            path.append(int(index) - 1)
    try:
        return read_yaml(source.sops_dir / proposal.sumber).line_of(tuple(path))
    except (YamlReadError, OSError):
        return None


def layout_all(source: Source, proposals: Sequence[Proposal], kertas: Paper, *,
               tandai: bool = False) -> list[tuple[Proposal, SopPrint, Kop]]:
    """Lay out every SOP; all layout problems of all SOPs are reported together."""
    out, errors = [], []
    for p in proposals:
        kop = kop_for(source, p)
        marks = changes_against(p.sebelumnya, p.dokumen) if tandai and p.sebelumnya is not None else None
        try:
            printed = layout_sop(p.dokumen, kop, kertas, source.statuses.get(p.id, Status()), marks)
        except LayoutError as exc:
            errors.append(layout_problem_text(source, p, exc))
            continue
        out.append((p, printed, kop))
    if errors:
        raise DocumentError("Dokumen tidak dibuat:\n" + "\n".join(errors))
    return out


def file_stem(proposal: Proposal) -> str:
    """``SOP Surat Masuk`` → ``sop-surat-masuk``: what a secretariat files it under."""
    name = proposal.nama if proposal.nama.upper().startswith("SOP") else f"SOP {proposal.nama}"
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or proposal.id.replace("/", "-")


def logo_hrefs(printed: Sequence[tuple[Proposal, SopPrint, Kop]]) -> dict[str, str]:
    """Logos as data: URIs, so the HTML file stands alone."""
    out = {}
    for _, _, kop in printed:
        if kop.logo and kop.logo not in out:
            data = Path(kop.logo).read_bytes()
            mime = "image/png" if kop.logo.lower().endswith(".png") else "image/jpeg"
            out[kop.logo] = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
    return out


def render_one(fmt: str, printed: Sequence[tuple[Proposal, SopPrint, Kop]], kertas: Paper, judul: str,
               bundle: bool) -> bytes:
    """The bytes of one file holding ``printed`` (one SOP, or a bundle with a table of contents)."""
    if bundle:
        b = layout_bundle([BundleEntry(s, k.unit) for _, s, k in printed], kertas, judul)
        pages = list(b.pages)
    else:
        pages = sop_pages(printed[0][1])
    if fmt == "pdf":
        from sopreview.documents.pdf import render_pdf

        return render_pdf(pages, judul=judul)
    if fmt == "html":
        from sopreview.documents.svg import render_html

        return render_html(pages, judul, logo_href=logo_hrefs(printed)).encode("utf-8")
    from sopreview.documents.docx import DocxSop, render_sop_docx

    items = [DocxSop(p.dokumen, s, k) for p, s, k in printed]
    toc = None
    if bundle:
        toc = [[str(n), s.nama, s.nomor or "-", k.unit, "Rancangan" if s.status.rancangan else s.status.keputusan]
               for n, (_, s, k) in enumerate(printed, start=1)]
    return render_sop_docx(items, kertas, toc=toc, judul=judul)


def inside_inputs(folder: Path, sops_dir: Path | None) -> str | None:
    """Why documents must not be written in ``folder``: it is the ``sops/`` folder read (or in it)."""
    if sops_dir is None:
        return None
    real, sops = folder.expanduser().resolve(), sops_dir.resolve()
    if real == sops or sops in real.parents:
        return (f"'{folder}' berada di dalam folder masukan {sops_dir}; dokumen tidak ditulis di sana. "
                "Pilih folder lain (bawaan: dokumen-sop/ di samping sops/).")
    return None


def write_documents(source: Source, ids: Sequence[str], formats: Sequence[str], out: Path | None, *,
                    kertas_flag: str | None = None, gabung: bool = False, tandai: bool = False) -> list[Path]:
    """Render and write; returns the files written. Raises DocumentError with a clear message."""
    proposals = select(source, ids)
    if not proposals:
        raise DocumentError("Tidak ada usulan SOP untuk dicetak.")
    kertas = choose_paper(kertas_flag, source.organisasi)
    printed = layout_all(source, proposals, kertas, tandai=tandai)
    targets: list[tuple[Path, str, list[tuple[Proposal, SopPrint, Kop]]]] = []
    bundle_file = out is not None and gabung and out.suffix.lower().lstrip(".") in DOC_FORMATS
    folder = (out.parent if bundle_file else out) if out is not None else source.default_dir
    inside = inside_inputs(folder, source.sops_dir)
    if inside:
        raise DocumentError(inside)
    try:
        folder.mkdir(parents=False, exist_ok=True)
    except OSError as exc:
        raise DocumentError(f"Folder '{folder}' tidak dapat dibuat: {exc.strerror or exc}. "
                            "Buat folder induknya dulu atau pilih folder lain.") from exc
    for fmt in formats:
        if gabung:
            name = out.name if bundle_file and out is not None else f"kumpulan-sop.{fmt}"
            if bundle_file and len(formats) > 1:
                name = f"{Path(name).stem}.{fmt}"
            targets.append((folder / name, fmt, printed))
        else:
            stems: dict[str, int] = {}
            for item in printed:
                stem = file_stem(item[0])
                stems[stem] = stems.get(stem, 0) + 1
                if stems[stem] > 1:
                    stem = f"{stem}-{item[0].subbag}"
                targets.append((folder / f"{stem}.{fmt}", fmt, [item]))
    written = []
    for target, fmt, items in targets:
        try:
            place = check_target(target, folder)
        except ExportError as exc:
            raise DocumentError(str(exc)) from None
        if place.resolve() in source.inputs:
            raise DocumentError(f"'{place}' adalah berkas masukan; dokumen tidak ditulis di atasnya. "
                                "Pilih folder atau nama lain.")
        data = render_one(fmt, items, kertas, source.judul, gabung)
        try:
            atomic_write(place, data)
        except OSError as exc:
            raise DocumentError(f"Tidak dapat menulis '{place}': {exc.strerror or exc}.") from exc
        written.append(place)
    return written
