"""Notulen as one self-contained HTML page that prints on A4.

No scripts, no external resources; every piece of text goes through ``html.escape``
(``e`` below) — SOP files are input from many hands and must never become markup.
"""

from __future__ import annotations

from html import escape

from sopreview.minutes.model import DAFTAR_HADIR_KOLOM, ItemNotulen, Minutes, daftar_hadir_row

CSS = """
@page { size: A4; margin: 20mm 20mm 20mm 25mm; }
* { box-sizing: border-box; }
body { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; font-size: 11pt;
       line-height: 1.35; color: #000; background: #fff; margin: 0; }
main { max-width: 165mm; margin: 0 auto; }
@media screen { main { margin: 12mm auto; } }
.kop { text-align: center; border-bottom: 3px double #000; padding-bottom: 4pt; margin-bottom: 10pt; }
.kop .instansi { font-size: 14pt; font-weight: bold; letter-spacing: 0.5pt; }
.kop .alamat { font-size: 10pt; }
h1 { text-align: center; font-size: 14pt; text-decoration: underline; margin: 6pt 0 10pt; }
h2 { font-size: 12pt; margin: 14pt 0 6pt; break-after: avoid; }
h3 { font-size: 11.5pt; margin: 12pt 0 6pt; break-after: avoid; }
h4 { font-size: 11pt; margin: 10pt 0 4pt; break-after: avoid; }
p { margin: 0 0 6pt; }
.teks { white-space: pre-line; }
.sampel { font-style: italic; font-size: 9.5pt; border: 1px solid #000; padding: 3pt 6pt; }
table { border-collapse: collapse; width: 100%; margin: 0 0 8pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; text-align: left; }
th { background: #e6e6e6; }
td.num { text-align: right; width: 1%; white-space: nowrap; }
th.num { text-align: right; }
td.nowrap { white-space: nowrap; }
table.info td, table.fields td { border: none; padding: 1pt 4pt 1pt 0; }
table.info td.label, table.fields td.label { width: 32mm; white-space: nowrap; }
table.fields td.label { width: 40mm; }
table.info td.sep, table.fields td.sep { width: 3mm; }
.halaman-baru, section.subbag + section.subbag { break-before: page; }
section.keputusan { break-before: page; }
section.lampiran { break-before: page; }
article.usulan { margin-bottom: 10pt; }
.hasil { font-weight: bold; }
.ttd { break-inside: avoid; margin-top: 14pt; }
.ttd .tempat { text-align: right; margin-right: 12mm; }
.ttd table td { border: none; width: 50%; text-align: center; padding: 0 4pt; }
.ttd td.ruang { height: 22mm; }
.ttd .nama { font-weight: bold; text-decoration: underline; }
"""


def e(text: object) -> str:
    """Escape text for element content and quoted attributes."""
    return escape(str(text), quote=True)


def teks(text: str, kosong: str = "") -> str:
    """A paragraph that keeps the line breaks the author typed."""
    value = text.strip() or kosong
    return f'<p class="teks">{e(value)}</p>' if value else ""


def _table(header: list[str], rows: list[list[str]], num: frozenset[int] = frozenset(),
           nowrap: frozenset[int] = frozenset()) -> str:
    def cls(i: int) -> str:
        return ' class="num"' if i in num else ' class="nowrap"' if i in nowrap else ""

    head = "".join(f"<th{cls(i)}>{e(h)}</th>" for i, h in enumerate(header))
    body = "".join(
        "<tr>" + "".join(f"<td{cls(i)}>{e(c) if c != '' else '&ndash;'}</td>" for i, c in enumerate(row)) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _info(rows: list[tuple[str, str]], cls: str = "info") -> str:
    body = "".join(
        f'<tr><td class="label">{e(k)}</td><td class="sep">:</td><td class="teks">{e(v) or "&ndash;"}</td></tr>'
        for k, v in rows
    )
    return f'<table class="{cls}"><tbody>{body}</tbody></table>'


def _item(item: ItemNotulen) -> str:
    rows: list[tuple[str, str]] = [("Jenis usulan", f"SOP {item.jenis}"), ("Penyaji", item.penyaji)]
    for label, value in (("Ringkasan", item.ringkasan), ("Alasan", item.alasan),
                         ("Perubahan", item.perubahan), ("Riwayat pembahasan", "\n".join(item.riwayat))):
        if value.strip():
            rows.append((label, value.strip()))
    rows.append(("Catatan pembahasan", item.pembahasan.strip() or "Tidak ada catatan."))
    ev = item.penilaian
    if ev is None:
        rows.append(("Hasil evaluasi", "Belum dievaluasi."))
    else:
        rows.append(("Hasil evaluasi", ev.teks + "."))
        if ev.tidak_terpenuhi:
            rows.append(("Tidak terpenuhi", "\n".join(ev.tidak_terpenuhi)))
        if ev.belum_dinilai:
            rows.append(("Belum dinilai", "\n".join(ev.belum_dinilai)))
        if ev.catatan.strip():
            rows.append(("Catatan evaluasi", ev.catatan.strip()))
        if ev.tindakan.strip():
            rows.append(("Tindakan", ev.tindakan.strip()))
    keputusan = f'<p>Keputusan: <span class="hasil">{e(item.keputusan_label)}</span></p>'
    extra = [("Catatan keputusan", item.catatan_keputusan.strip())] if item.catatan_keputusan.strip() else []
    extra += [("Tindak lanjut", f"{t.apa} (oleh {t.siapa or '–'}, batas waktu {t.kapan or '–'})")
              for t in item.tindak_lanjut]
    return (
        f'<article class="usulan" id="usulan-{item.no}" data-id="{e(item.id)}" '
        f'data-keputusan="{e(item.keputusan)}">'
        f"<h4>{item.no}. {e(item.nama)}</h4>"
        + _info(rows, "fields") + keputusan + (_info(extra, "fields") if extra else "")
        + "</article>"
    )


def _keputusan(m: Minutes) -> str:
    parts = ['<section class="keputusan"><h3>3. Keputusan / Kesimpulan</h3>']
    parts.append(_table(
        ["No", "Sub Bagian", "SOP", "Jenis", "Keputusan", "Catatan"],
        [[str(i.no), i.subbag_nama, i.nama, i.jenis_label, i.keputusan_label, i.catatan_keputusan]
         for i in m.items], frozenset({0})))
    parts.append("<h4>Rekapitulasi keputusan</h4>")
    header, rows = m.tabel_rekap()
    parts.append(_table(header, rows, frozenset(range(1, len(header)))))
    parts.append(f'<p class="ringkasan">{e(m.ringkasan_keputusan)}</p>')
    if m.evaluasi:
        parts.append('<h4 id="evaluasi">Evaluasi SOP yang berlaku</h4>')
        parts.append(_table(*m.tabel_evaluasi(), frozenset({0})))
        parts.append(f'<p class="ringkasan">{e(m.ringkasan_evaluasi)}</p>')
        parts.extend(f"<p><b>Catatan pembahasan {e(i.nama)}:</b> {teks(i.pembahasan)}</p>"
                     for i in m.evaluasi if i.pembahasan.strip())
    parts.append("<h4>Dibawa ke rapat berikutnya</h4>")
    if m.dibawa:
        parts.append("<ol>" + "".join(
            f"<li>{e(i.nama)} ({e(i.keputusan_label.lower())})"
            + (f": {e(i.catatan_keputusan)}" if i.catatan_keputusan.strip() else "") + "</li>"
            for i in m.dibawa) + "</ol>")
    else:
        parts.append("<p>Tidak ada.</p>")
    parts.append("<h4>Tindak lanjut</h4>")
    if m.tindak_lanjut:
        parts.append(_table(["No", "Tindakan", "Terkait", "Penanggung jawab", "Batas waktu"],
                            [[str(t.no), t.apa, t.terkait, t.siapa, t.kapan] for t in m.tindak_lanjut],
                            frozenset({0}), frozenset({4})))
    else:
        parts.append("<p>Tidak ada.</p>")
    if m.kesimpulan.strip():
        parts.append("<h4>Kesimpulan</h4>" + teks(m.kesimpulan))
    parts.append(_ttd(m))
    return "".join(parts) + "</section>"


def _ttd(m: Minutes) -> str:
    """Signatures side by side, one table row per line so the names line up."""
    people = m.penandatangan
    lines: list[tuple[str, list[str]]] = [("", [f"{e(p.peran)}," for p in people])]
    if any(p.jabatan for p in people):
        lines.append(("", [e(p.jabatan) for p in people]))
    lines.append(("ruang", ["" for _ in people]))
    lines.append(("nama", [e(p.nama) or "&nbsp;" * 30 for p in people]))
    if any(p.pangkat for p in people):
        lines.append(("", [e(p.pangkat) for p in people]))
    if any(p.nip for p in people):
        lines.append(("", [f"NIP {e(p.nip)}" if p.nip else "" for p in people]))
    rows = "".join(
        "<tr>" + "".join(f'<td class="{cls}">{c}</td>' if cls else f"<td>{c}</td>" for c in cells) + "</tr>"
        for cls, cells in lines
    )
    tempat = f'<p class="tempat">{e(m.tempat_tanggal_ttd)}</p>' if m.tempat_tanggal_ttd else ""
    return f'<div class="ttd">{tempat}<table><tbody>{rows}</tbody></table></div>'


def render(m: Minutes) -> bytes:
    """The whole notulen as a UTF-8 HTML document."""
    p = [
        "<!DOCTYPE html>",
        '<html lang="id"><head><meta charset="utf-8">',
        f"<title>Notulen Rapat \u2013 {e(m.judul)}</title>",
        f"<style>{CSS}</style></head><body><main>",
        f'<header class="kop"><div class="instansi">{e(m.kop.instansi.upper())}</div>',
        f'<div class="alamat">{e(m.kop.alamat)}</div>' if m.kop.alamat else "",
        "</header><h1>NOTULEN RAPAT</h1>",
        f'<p class="sampel">{e(m.catatan_sampel)}</p>' if m.catatan_sampel else "",
        _info([("Rapat", m.judul), ("Hari/Tanggal", m.hari_tanggal), ("Waktu", m.waktu),
               ("Tempat", m.tempat), ("Surat Undangan", m.surat_undangan)]),
        "<h2>Acara</h2>",
        ("<ol>" + "".join(f"<li>{e(a)}</li>" for a in m.acara) + "</ol>") if m.acara else "<p>&ndash;</p>",
        "<h2>Pimpinan Rapat</h2>",
        _info([("Ketua", m.ketua), ("Sekretaris", m.sekretaris), ("Notulis", m.notulis)]),
        "<h2>Peserta</h2>",
        f"<p>{m.kalimat_peserta(e)} Daftar hadir terlampir.</p>",
        "<h2>Kegiatan Rapat</h2><h3>1. Pembukaan</h3>",
        teks(m.pembukaan, "Tidak ada catatan."),
        '<h3 class="halaman-baru">2. Pembahasan</h3>',
    ]
    for n, bagian in enumerate(m.pembahasan, start=1):
        p.append(f'<section class="subbag" data-kode="{e(bagian.kode)}"><h3>2.{n} {e(bagian.judul)}</h3>')
        if bagian.kepala:
            p.append(f"<p>Kepala Sub Bagian: {e(bagian.kepala)}</p>")
        p.extend(_item(item) for item in bagian.items)
        p.append("</section>")
    p.append(_keputusan(m))
    p.append('<section class="lampiran"><h2>Lampiran: Daftar Hadir</h2>')
    p.append(_table(list(DAFTAR_HADIR_KOLOM),
                    [daftar_hadir_row(h) for h in m.daftar_hadir],
                    frozenset({0})))
    p.append("</section></main></body></html>")
    return ("\n".join(x for x in p if x) + "\n").encode("utf-8")
