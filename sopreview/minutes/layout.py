"""The notulen in order, once, for every paginated format (Word, PDF).

A format supplies the primitives (heading, para, table, info, kop, ttd); this class decides
what goes where: kop, header, acara, pimpinan, peserta, kegiatan rapat, keputusan, signatures
and the daftar hadir appendix.
"""

from __future__ import annotations

from sopreview.minutes.model import DAFTAR_HADIR_KOLOM, ItemNotulen, Minutes, daftar_hadir_row

TEXT_WIDTH_MM = 165.0
"""A4 (210 mm) minus the 25 mm left and 20 mm right margins."""


class NotulenLayout:
    """Subclasses draw; ``write`` lays the minutes out."""

    def heading(self, text: str, level: int, page_break: bool = False) -> None:
        raise NotImplementedError

    def para(self, text: str, label: str = "", bold_text: bool = False) -> None:
        raise NotImplementedError

    def table(self, header: list[str], rows: list[list[str]], widths: list[float]) -> None:
        raise NotImplementedError

    def info(self, rows: list[tuple[str, str]]) -> None:
        raise NotImplementedError

    def kop(self, m: Minutes) -> None:
        raise NotImplementedError

    def ttd(self, m: Minutes) -> None:
        raise NotImplementedError

    def item(self, item: ItemNotulen) -> None:
        self.heading(f"{item.no}. {item.nama}", 4)
        self.para(f"SOP {item.jenis}", "Jenis usulan")
        self.para(item.penyaji or "\u2013", "Penyaji")
        for label, value in (("Ringkasan", item.ringkasan), ("Alasan", item.alasan),
                             ("Perubahan dari SOP yang berlaku", item.perubahan),
                             ("Riwayat pembahasan", "\n".join(item.riwayat))):
            if value.strip():
                self.para(value.strip(), label)
        self.para(item.pembahasan.strip() or "Tidak ada catatan.", "Catatan pembahasan")
        ev = item.penilaian
        if ev is None:
            self.para("Belum dievaluasi.", "Hasil evaluasi")
        else:
            self.para(ev.teks + ".", "Hasil evaluasi")
            if ev.tidak_terpenuhi:
                self.para("; ".join(ev.tidak_terpenuhi) + ".", "Kriteria tidak terpenuhi")
            if ev.belum_dinilai:
                self.para("; ".join(ev.belum_dinilai) + ".", "Kriteria belum dinilai")
            if ev.catatan.strip():
                self.para(ev.catatan.strip(), "Catatan evaluasi")
            if ev.tindakan.strip():
                self.para(ev.tindakan.strip(), "Tindakan yang harus diambil")
        self.para(item.keputusan_label, "Keputusan", bold_text=True)
        if item.catatan_keputusan.strip():
            self.para(item.catatan_keputusan.strip(), "Catatan keputusan")
        for t in item.tindak_lanjut:
            self.para(f"{t.apa} (oleh {t.siapa or '–'}, batas waktu {t.kapan or '–'})", "Tindak lanjut")

    def keputusan(self, m: Minutes) -> None:
        self.heading("3. Keputusan / Kesimpulan", 3, page_break=True)
        self.table(["No", "Sub Bagian", "SOP", "Jenis", "Keputusan", "Catatan"],
                   [[str(i.no), i.subbag_nama, i.nama, i.jenis_label, i.keputusan_label, i.catatan_keputusan]
                    for i in m.items], [9, 34, 46, 23, 25, 28])
        self.heading("Rekapitulasi keputusan", 4)
        header, rows = m.tabel_rekap()
        rest = (TEXT_WIDTH_MM - 55) / (len(header) - 1)
        self.table(header, rows, [55] + [rest] * (len(header) - 1))
        self.para(m.ringkasan_keputusan)
        if m.evaluasi:
            self.evaluasi(m)
        self.heading("Dibawa ke rapat berikutnya", 4)
        if not m.dibawa:
            self.para("Tidak ada.")
        for n, i in enumerate(m.dibawa, start=1):
            note = f": {i.catatan_keputusan.strip()}" if i.catatan_keputusan.strip() else ""
            self.para(f"{n}. {i.nama} ({i.keputusan_label.lower()}){note}")
        self.heading("Tindak lanjut", 4)
        if m.tindak_lanjut:
            self.table(["No", "Tindakan", "Terkait", "Penanggung jawab", "Batas waktu"],
                       [[str(t.no), t.apa, t.terkait, t.siapa, t.kapan] for t in m.tindak_lanjut],
                       [9, 60, 38, 32, 26])
        else:
            self.para("Tidak ada.")
        if m.kesimpulan.strip():
            self.heading("Kesimpulan", 4)
            self.para(m.kesimpulan.strip())

    def evaluasi(self, m: Minutes) -> None:
        """SOPs in force evaluated: outcome per SOP, criteria not met, counts per outcome."""
        self.heading("Evaluasi SOP yang berlaku", 4)
        header, rows = m.tabel_evaluasi()
        self.table(header, rows, [9, 26, 38, 24, 26, 24, 18])
        self.para(m.ringkasan_evaluasi)
        for i in m.evaluasi:
            if i.pembahasan.strip():
                self.para(i.pembahasan.strip(), f"Catatan pembahasan {i.nama}")

    def write(self, m: Minutes) -> None:
        self.kop(m)
        self.info([("Rapat", m.judul), ("Hari/Tanggal", m.hari_tanggal), ("Waktu", m.waktu),
                   ("Tempat", m.tempat), ("Surat Undangan", m.surat_undangan)])
        self.heading("Acara", 2)
        for n, acara in enumerate(m.acara, start=1):
            self.para(f"{n}. {acara}")
        if not m.acara:
            self.para("\u2013")
        self.heading("Pimpinan Rapat", 2)
        self.info([("Ketua", m.ketua), ("Sekretaris", m.sekretaris), ("Notulis", m.notulis)])
        self.heading("Peserta", 2)
        self.para(f"{m.kalimat_peserta()} Daftar hadir terlampir.")
        self.heading("Kegiatan Rapat", 2)
        self.heading("1. Pembukaan", 3)
        self.para(m.pembukaan.strip() or "Tidak ada catatan.")
        self.heading("2. Pembahasan", 3, page_break=True)
        for n, bagian in enumerate(m.pembahasan, start=1):
            self.heading(f"2.{n} {bagian.judul}", 3, page_break=n > 1)
            if bagian.kepala:
                self.para(bagian.kepala, "Kepala Sub Bagian")
            for item in bagian.items:
                self.item(item)
        self.keputusan(m)
        self.ttd(m)
        self.heading("Lampiran: Daftar Hadir", 2, page_break=True)
        self.table(list(DAFTAR_HADIR_KOLOM), [daftar_hadir_row(h) for h in m.daftar_hadir], [9, 42, 52, 27, 35])
