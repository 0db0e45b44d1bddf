"""Notulen as Markdown: readable as plain text, safe when a viewer renders it.

Every piece of session or SOP text is escaped, so a ``<script>`` or a ``|`` in an SOP
cannot turn into markup or break a table in whatever renders the file.
"""

from __future__ import annotations

import re

from sopreview.minutes.model import DAFTAR_HADIR_KOLOM, ItemNotulen, Minutes, daftar_hadir_row

_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~])")
_LINE_START = re.compile(r"^(\s*)([#+\-=]|\d+[.)])")


def esc(text: str) -> str:
    """Escape one line of inline text (CommonMark backslash escapes)."""
    return _LINE_START.sub(
        lambda m: m.group(1) + re.sub(r"([#+\-=.)])", r"\\\1", m.group(2)),
        _SPECIAL.sub(r"\\\1", text),
    )


def cell(text: str, kosong: str = "\u2013") -> str:
    """Text for a table cell: one line, inline escapes only (no blocks start in a cell)."""
    flat = " ".join(str(text).split())
    return _SPECIAL.sub(r"\\\1", flat) if flat else kosong


def block(text: str) -> list[str]:
    """A multi-line text as paragraphs; single line breaks are kept as hard breaks."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n", text.strip()):
        lines = [esc(line.strip()) for line in para.splitlines() if line.strip()]
        if lines:
            out.append("\\\n".join(lines))
            out.append("")
    return out


def table(header: list[str], rows: list[list[str]], kosong: str = "\u2013") -> list[str]:
    out = ["| " + " | ".join(cell(h) for h in header) + " |"]
    out.append("|" + "|".join("---" for _ in header) + "|")
    out += ["| " + " | ".join(cell(c, kosong) for c in row).rstrip() + " |" for row in rows]
    return out + [""]


def _field(label: str, text: str) -> list[str]:
    """``**Label:** text`` — multi-line values continue as their own paragraphs."""
    paras = block(text)
    if not paras:
        return []
    first = paras[0]
    return [f"**{label}:** {first}", "", *paras[2:]]


def _item(item: ItemNotulen) -> list[str]:
    out = [f"#### {item.no}. {esc(item.nama)}", ""]
    out += _field("Jenis usulan", f"SOP {item.jenis}")
    out += _field("Penyaji", item.penyaji)
    out += _field("Ringkasan", item.ringkasan)
    out += _field("Alasan", item.alasan)
    out += _field("Perubahan dari SOP yang berlaku", item.perubahan)
    out += _field("Riwayat pembahasan", "\n".join(item.riwayat))
    out += _field("Catatan pembahasan", item.pembahasan or "Tidak ada catatan.")
    if item.penilaian is None:
        out += _field("Hasil evaluasi", "Belum dievaluasi.")
    else:
        ev = item.penilaian
        out += _field("Hasil evaluasi", ev.teks + ".")
        if ev.tidak_terpenuhi:
            out += _field("Kriteria tidak terpenuhi", "; ".join(ev.tidak_terpenuhi) + ".")
        if ev.belum_dinilai:
            out += _field("Kriteria belum dinilai", "; ".join(ev.belum_dinilai) + ".")
        out += _field("Catatan evaluasi", ev.catatan)
        out += _field("Tindakan yang harus diambil", ev.tindakan)
    out += [f"**Keputusan:** **{esc(item.keputusan_label)}**", ""]
    out += _field("Catatan keputusan", item.catatan_keputusan)
    for t in item.tindak_lanjut:
        out += _field("Tindak lanjut", f"{t.apa} (oleh {t.siapa or '–'}, batas waktu {t.kapan or '–'})")
    return out


def render(m: Minutes) -> bytes:
    """The whole notulen as UTF-8 Markdown."""
    out: list[str] = [f"**{esc(m.kop.instansi.upper())}**", ""]
    if m.kop.alamat:
        out += [esc(m.kop.alamat), ""]
    out += ["---", "", "# NOTULEN RAPAT", ""]
    if m.catatan_sampel:
        out += [f"*{esc(m.catatan_sampel)}*", ""]
    out += table(
        ["Keterangan", "Isi"],
        [
            ["Rapat", m.judul],
            ["Hari/Tanggal", m.hari_tanggal],
            ["Waktu", m.waktu],
            ["Tempat", m.tempat],
            ["Surat Undangan", m.surat_undangan],
        ],
    )
    out += ["## Acara", ""]
    out += [f"{n}. {esc(a)}" for n, a in enumerate(m.acara, start=1)] or ["\u2013"]
    out += ["", "## Pimpinan Rapat", ""]
    out += [f"- Ketua: {cell(m.ketua)}", f"- Sekretaris: {cell(m.sekretaris)}"]
    out += [f"- Notulis: {cell(m.notulis)}", "", "## Peserta", ""]
    out += [f"{m.kalimat_peserta(esc)} Daftar hadir terlampir.", ""]
    out += ["## Kegiatan Rapat", "", "### 1. Pembukaan", ""]
    out += block(m.pembukaan) or ["Tidak ada catatan.", ""]
    out += ["### 2. Pembahasan", ""]
    for n, bagian in enumerate(m.pembahasan, start=1):
        out += [f"### 2.{n} {esc(bagian.judul)}", ""]
        if bagian.kepala:
            out += [f"Kepala Sub Bagian: {esc(bagian.kepala)}", ""]
        for item in bagian.items:
            out += _item(item)
    out += _keputusan(m)
    out += _ttd(m)
    out += ["## Lampiran: Daftar Hadir", ""]
    out += table(
        list(DAFTAR_HADIR_KOLOM),
        [daftar_hadir_row(h) for h in m.daftar_hadir],
    )
    return ("\n".join(out).rstrip("\n") + "\n").encode("utf-8")


def _keputusan(m: Minutes) -> list[str]:
    out = ["### 3. Keputusan / Kesimpulan", ""]
    out += table(
        ["No", "Sub Bagian", "SOP", "Jenis", "Keputusan", "Catatan"],
        [[str(i.no), i.subbag_nama, i.nama, i.jenis_label, i.keputusan_label, i.catatan_keputusan]
         for i in m.items],
    )
    out += ["#### Rekapitulasi keputusan", ""]
    out += table(*m.tabel_rekap())
    out += [esc(m.ringkasan_keputusan), ""]
    if m.evaluasi:
        out += ["#### Evaluasi SOP yang berlaku", ""]
        out += table(*m.tabel_evaluasi())
        out += [esc(m.ringkasan_evaluasi), ""]
        for i in m.evaluasi:
            if i.pembahasan.strip():
                out += _field(f"Catatan pembahasan {i.nama}", i.pembahasan)
    out += ["#### Dibawa ke rapat berikutnya", ""]
    if m.dibawa:
        out += [f"{n}. {esc(i.nama)} ({esc(i.keputusan_label.lower())})"
                + (f": {esc(' '.join(i.catatan_keputusan.split()))}" if i.catatan_keputusan else "")
                for n, i in enumerate(m.dibawa, start=1)] + [""]
    else:
        out += ["Tidak ada.", ""]
    out += ["#### Tindak lanjut", ""]
    if m.tindak_lanjut:
        out += table(["No", "Tindakan", "Terkait", "Penanggung jawab", "Batas waktu"],
                     [[str(t.no), t.apa, t.terkait, t.siapa, t.kapan] for t in m.tindak_lanjut])
    else:
        out += ["Tidak ada.", ""]
    if m.kesimpulan.strip():
        out += ["#### Kesimpulan", ""] + block(m.kesimpulan)
    return out


def _ttd(m: Minutes) -> list[str]:
    out = [esc(m.tempat_tanggal_ttd), ""] if m.tempat_tanggal_ttd else []
    rows = [
        [p.peran for p in m.penandatangan],
        [p.jabatan for p in m.penandatangan],
        ["(tanda tangan)" for _ in m.penandatangan],
        [p.nama for p in m.penandatangan],
        [f"{p.pangkat}" for p in m.penandatangan],
        [f"NIP {p.nip}" if p.nip else "" for p in m.penandatangan],
    ]
    header, body = rows[0], [r for r in rows[1:] if any(r)]
    return out + table(header, body, kosong="")
