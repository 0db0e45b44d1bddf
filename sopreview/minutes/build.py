"""Build the Minutes from a session: grouping, counting and wording, done once.

Reads the session only through ``SessionReader`` (never writes), in agenda order, and from
the proposals' snapshot taken when the session was created, so editing ``sops/`` after the
meeting cannot change what the minutes say was discussed.
"""

from __future__ import annotations

from collections import Counter

from sopreview.domain.criteria import Criterion
from sopreview.domain.records import Action, Attendance, Evaluation, HistoryEntry, find_name
from sopreview.domain.vocab import (
    ATTENDANCE_STATUSES, EVALUATION_JENIS, attendance_label, cites_amendments, evaluation_outcomes,
    item_kind_keys,
)
from sopreview.domain.model import Orang, Organisasi, ProposalHead
from sopreview.domain import dates
from sopreview.domain.people import format_nip, jabatan_unit
from sopreview.minutes.model import (
    BELUM,
    dibawa_lagi,
    keputusan_urut,
    BagianPembahasan,
    Hadir,
    ItemNotulen,
    Kop,
    Minutes,
    Penandatangan,
    Penilaian,
    Rekap,
    RekapJenis,
    SessionReader,
    TindakLanjut,
    daftar_kalimat,
    judul_sop,
    judul_subbag,
    label_keputusan,
    subbag_singkat,
)


def build_minutes(session: SessionReader, *, perubahan: bool = True) -> Minutes:
    """Read everything the notulen needs from the session, in agenda order.

    ``perubahan=False`` leaves the change summaries of revisions empty: each costs a step
    diff, and the CSV of decisions does not print them.
    """
    meta = session.meta
    org = session.organisasi
    people = session.people()
    proposals = session.heads()  # no steps: the minutes list items, the appendix prints SOPs
    names = {p.id: judul_sop(p.nama) for p in proposals}
    all_actions = session.actions()
    actions = tuple(_tindak_lanjut(no, a, names) for no, a in enumerate(all_actions, start=1))
    by_pid: dict[str | None, list[TindakLanjut]] = {}
    for action, row in zip(all_actions, actions, strict=True):
        by_pid.setdefault(action.proposal_id, []).append(row)

    usulan = [p for p in proposals if p.jenis != EVALUATION_JENIS]
    items = tuple(
        _item(no, p, session, tuple(by_pid.get(p.id, ())), perubahan)
        for no, p in enumerate(usulan, start=1)
    )
    evaluasi = tuple(
        _item(no, p, session, tuple(by_pid.get(p.id, ())), False)
        for no, p in enumerate((p for p in proposals if p.jenis == EVALUATION_JENIS), start=1)
    )
    attendance = session.attendance()
    daftar = _daftar_hadir(people, {o.nama for o in org.orang}, attendance)
    diundang = tuple(h for h in daftar if not h.tamu)
    tanggal = dates.parse_iso_date(meta.tanggal)
    ttd_tanggal = dates.tanggal_teks(meta.tanggal)
    return Minutes(
        kop=Kop(instansi=org.nama, alamat=org.alamat, kota=org.kota),
        judul=meta.judul,
        tanggal_iso=meta.tanggal,
        hari_tanggal=dates.hari_tanggal(tanggal) if tanggal else meta.tanggal.strip(),
        waktu=dates.dengan_zona(dates.rentang_waktu(meta.waktu_mulai, meta.waktu_selesai), org.zona_waktu),
        waktu_mulai=meta.waktu_mulai,
        waktu_selesai=meta.waktu_selesai,
        tempat=meta.tempat,
        surat_undangan=meta.surat_undangan,
        acara=tuple(meta.acara),
        ketua=meta.ketua,
        sekretaris=meta.sekretaris,
        notulis=meta.notulis,
        hadir=sum(1 for h in diundang if h.hadir),
        diundang=len(diundang),
        tamu_hadir=sum(1 for h in daftar if h.tamu and h.hadir),
        kehadiran=_rekap_kehadiran(diundang, attendance),
        daftar_hadir=daftar,
        pembukaan=meta.pembukaan,
        pembahasan=_sections(items, org),
        items=items,
        rekap_keputusan=_rekap_keputusan(items),
        rekap_jenis=_rekap_jenis(items),
        ringkasan_keputusan=_ringkasan(items),
        dibawa=tuple(i for i in (*items, *evaluasi) if dibawa_lagi(i.keputusan)),
        tindak_lanjut=actions,
        kesimpulan=meta.kesimpulan,
        tempat_tanggal_ttd=", ".join(x for x in (org.kota.strip(), ttd_tanggal) if x),
        penandatangan=(
            _penandatangan("Notulis", meta.notulis, people),
            _penandatangan("Pimpinan Rapat", meta.ketua, people),
        ),
        catatan_sampel=_catatan_sampel(org, proposals),
        evaluasi=evaluasi,
        rekap_evaluasi=_rekap_evaluasi(evaluasi),
    )


def _rekap_evaluasi(items: tuple[ItemNotulen, ...]) -> tuple[Rekap, ...]:
    """Count per outcome, then those the meeting did not reach (they carry over)."""
    counts = Counter(i.keputusan for i in items)
    keys = [k.key for k in evaluation_outcomes()] + [BELUM]
    return tuple(Rekap(k, label_keputusan(k), counts.get(k, 0)) for k in keys) if items else ()


def _item(
    no: int, p: ProposalHead, session: SessionReader, actions: tuple[TindakLanjut, ...], perubahan: bool
) -> ItemNotulen:
    decision = session.decision(p.id)
    kunci = decision.keputusan if decision else BELUM
    amandemen = _amandemen(session, p.id)
    sb = session.organisasi.subbag_by_kode(p.subbag)
    return ItemNotulen(
        no=no,
        id=p.id,
        nama=judul_sop(p.nama),
        subbag=p.subbag,
        subbag_nama=subbag_singkat(sb.nama) if sb else p.subbag,
        jenis=p.jenis,
        jenis_label=p.jenis.capitalize(),
        penyaji=p.pengusul or (sb.kepala if sb else ""),
        ringkasan=p.ringkasan,
        alasan=p.alasan,
        perubahan=_perubahan(p, session) if perubahan else "",
        pembahasan=session.notes(p.id),
        penilaian=_penilaian(session.evaluation(p.id), session.criteria),
        keputusan=kunci,
        keputusan_label=label_keputusan(kunci),
        catatan_keputusan=_catatan_keputusan(decision.catatan if decision else "", kunci, len(amandemen)),
        tindak_lanjut=actions,
        riwayat=tuple(_riwayat(h) for h in session.history(p.id)),
        sampel=p.sampel,
        amandemen=amandemen,
    )


def _amandemen(session: SessionReader, pid: str) -> tuple[str, ...]:
    """The amendments in words; a reader from before issue 15 (no ``amended``) has none."""
    amended, amendments = getattr(session, "amended", None), getattr(session, "amendments", None)
    if amended is None or amendments is None or not amendments(pid):
        return ()  # without reading the proposal's steps (the snapshot line stays unparsed)
    return tuple(amended(pid).uraian)


def _catatan_keputusan(catatan: str, kunci: str, amandemen: int) -> str:
    """A decision that cites the amendments says so, with or without a note of its own."""
    if not amandemen or not cites_amendments(kunci):
        return catatan
    cited = f"Perbaikan sesuai {amandemen} amandemen yang dicatat dalam rapat."
    return f"{catatan} {cited}" if catatan else cited


def _riwayat(record: HistoryEntry) -> str:
    """``16 Juni 2022 (Rapat …): Ditunda – alasan`` from a carried-over history record."""
    when = dates.tanggal_teks(record.tanggal)
    sesi = record.sesi.strip()
    head = f"{when} ({sesi})" if when and sesi else (when or sesi or "Rapat sebelumnya")
    label = label_keputusan(record.keputusan or BELUM)
    catatan = " ".join(record.catatan.split())
    return f"{head}: {label}" + (f" \u2013 {catatan}" if catatan else "")


def _perubahan(p: ProposalHead, session: SessionReader) -> str:
    """What a revision changes, in words: the summary fixed in the session's snapshot."""
    if not p.is_revision:
        return ""
    if not p.ada_sebelumnya:
        return "Versi SOP yang berlaku tidak dilampirkan, sehingga perubahan tidak dapat dirangkum."
    return session.change_summary(p.id)


def _penilaian(ev: Evaluation | None, criteria: tuple[Criterion, ...]) -> Penilaian | None:
    if ev is None:
        return None
    unanswered = tuple(c.teks for c in criteria if ev.jawaban.get(c.id) is None)
    return Penilaian(
        terpenuhi=ev.terpenuhi,
        total=len(criteria),
        tidak_terpenuhi=tuple(c.teks for c in ev.tidak_terpenuhi(criteria)),
        belum_dinilai=unanswered,
        catatan=ev.catatan,
        tindakan=ev.tindakan,
    )


def _tindak_lanjut(no: int, action: Action, names: dict[str, str]) -> TindakLanjut:
    if action.proposal_id is None:
        terkait = "Umum"
    else:
        terkait = names.get(action.proposal_id, action.proposal_id)
    return TindakLanjut(
        no=no,
        apa=action.apa,
        siapa=action.siapa,
        kapan=dates.tanggal_teks(action.kapan),
        terkait=terkait,
    )


def _sections(items: tuple[ItemNotulen, ...], org: Organisasi) -> tuple[BagianPembahasan, ...]:
    """Group by sub bagian in order of first appearance, keeping agenda order inside."""
    groups: dict[str, list[ItemNotulen]] = {}
    for item in items:
        groups.setdefault(item.subbag, []).append(item)
    sections = []
    for kode, members in groups.items():
        sb = org.subbag_by_kode(kode)
        sections.append(
            BagianPembahasan(
                kode=kode,
                judul=judul_subbag(sb.nama if sb else kode),
                kepala=sb.kepala if sb else "",
                items=tuple(members),
            )
        )
    return tuple(sections)


def _keputusan_keys(items: tuple[ItemNotulen, ...]) -> list[str]:
    """Every decision row in print order (an unknown key from an old session is kept, last)."""
    seen = {i.keputusan for i in items}
    order = keputusan_urut()
    return [*order, *sorted(seen - set(order))]


def _rekap_keputusan(items: tuple[ItemNotulen, ...]) -> tuple[Rekap, ...]:
    counts = Counter(i.keputusan for i in items)
    return tuple(Rekap(k, label_keputusan(k), counts.get(k, 0)) for k in _keputusan_keys(items))


def _jenis_order(items: tuple[ItemNotulen, ...]) -> list[str]:
    present = {i.jenis for i in items}
    return [j for j in item_kind_keys() if j in present] + sorted(present - set(item_kind_keys()))


def _rekap_jenis(items: tuple[ItemNotulen, ...]) -> tuple[RekapJenis, ...]:
    """One row per jenis present; ``per_keputusan`` lines up with ``_rekap_keputusan``."""
    keys = _keputusan_keys(items)
    rows = []
    for jenis in _jenis_order(items):
        counts = Counter(i.keputusan for i in items if i.jenis == jenis)
        rows.append(
            RekapJenis(
                jenis=jenis,
                label=f"SOP {jenis}",
                per_keputusan=tuple(Rekap(k, label_keputusan(k), counts.get(k, 0)) for k in keys),
            )
        )
    return tuple(rows)


def _ringkasan(items: tuple[ItemNotulen, ...]) -> str:
    """``6 SOP baru disetujui, 2 SOP perbaikan ditunda, dan 1 SOP perubahan belum diputuskan.``"""
    if not items:
        return "Tidak ada usulan SOP yang dibahas."
    parts = [
        f"{r.jumlah} {rj.label} {r.label.lower()}"
        for rj in _rekap_jenis(items)
        for r in rj.per_keputusan
        if r.jumlah
    ]
    return daftar_kalimat(parts) + "."


def _daftar_hadir(people: list[Orang], invited: set[str], attendance: dict[str, Attendance]) -> tuple[Hadir, ...]:
    """Everyone invited, in the organisation's order, then guests and anyone recorded who was not listed."""
    rows: list[Hadir] = []
    seen: set[str] = set()
    for orang in people:
        seen.add(orang.nama)
        rows.append(_hadir(len(rows) + 1, orang.nama, jabatan_unit(orang), attendance,
                           orang.nama not in invited))
    for nama in attendance:
        if nama not in seen:
            rows.append(_hadir(len(rows) + 1, nama, "", attendance, True))
    return tuple(rows)


def _hadir(no: int, nama: str, jabatan: str, attendance: dict[str, Attendance], tamu: bool) -> Hadir:
    entry = attendance.get(nama)
    if entry is None:
        return Hadir(no, nama, jabatan, "Belum dicatat", False, tamu)
    label = attendance_label(entry.status)
    keterangan = f"{label} ({entry.keterangan.strip()})" if entry.keterangan.strip() else label
    return Hadir(no, nama, jabatan, keterangan, entry.status == "hadir", tamu)


def _rekap_kehadiran(
    daftar: tuple[Hadir, ...], attendance: dict[str, Attendance]
) -> tuple[Rekap, ...]:
    counts = Counter(attendance[h.nama].status if h.nama in attendance else "" for h in daftar)
    rows = [Rekap(s.key, s.label, counts[s.key]) for s in ATTENDANCE_STATUSES if counts.get(s.key)]
    if counts.get(""):
        rows.append(Rekap("", "Belum dicatat", counts[""]))
    return tuple(rows)


def _penandatangan(peran: str, nama: str, people: list[Orang]) -> Penandatangan:
    """Jabatan, pangkat and NIP come from the people list when the name matches."""
    found = find_name(nama.strip(), [o.nama for o in people])
    for orang in people:
        if found is not None and orang.nama == found:
            return Penandatangan(peran, orang.nama, orang.jabatan, orang.pangkat, format_nip(orang.nip))
    return Penandatangan(peran, nama.strip(), "", "", "")


def _catatan_sampel(org: Organisasi, proposals: list[ProposalHead]) -> str:
    """Minutes built from illustrative sample SOPs must say so."""
    if org.sampel or any(p.sampel for p in proposals):
        return (
            "Catatan: sebagian atau seluruh isi SOP dalam notulen ini adalah data contoh "
            "(sampel), bukan SOP yang telah ditetapkan."
        )
    return ""
