"""The notulen's header (MeetingMeta): its fields, their labels, rules and defaults."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field, fields
from typing import Any

from sopreview.domain.codec import Plain
from sopreview.domain.dates import DIGITS_DATE, real_date
from sopreview.domain.model import Orang


@dataclass(frozen=True)
class MeetingMeta(Plain):
    """The header of the notulen."""

    judul: str = ""
    tanggal: str = ""
    tempat: str = ""
    waktu_mulai: str = ""
    waktu_selesai: str = ""
    surat_undangan: str = ""
    ketua: str = ""
    sekretaris: str = ""
    notulis: str = ""
    pembukaan: str = ""
    kesimpulan: str = ""
    acara: tuple[str, ...] = field(default_factory=tuple)


META_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(MeetingMeta))
META_LABEL: dict[str, str] = {
    "judul": "Judul rapat",
    "tanggal": "Tanggal",
    "tempat": "Tempat",
    "waktu_mulai": "Waktu mulai",
    "waktu_selesai": "Waktu selesai",
    "surat_undangan": "Nomor surat undangan",
    "ketua": "Pimpinan rapat",
    "sekretaris": "Sekretaris",
    "notulis": "Notulis",
    "pembukaan": "Pembukaan",
    "kesimpulan": "Kesimpulan",
    "acara": "Acara",
}
"""What the secretariat calls each header field; error messages use these, never the ids."""


_TIME = re.compile(r"(\d{1,2})[:.](\d{2})")


def validate_meta(name: str, value: Any) -> str | None:
    """Indonesian error message for one meta field, or None when it is acceptable.

    The message starts with the field's label (``META_LABEL``), so it stands on its own in
    the CLI, in ``InvalidValue`` and in a form."""
    if name not in META_FIELDS:
        return f"kolom {name!r} tidak dikenal; pilihan: {', '.join(META_FIELDS)}"
    label = META_LABEL[name]
    if name == "acara":
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
            return f"{label} harus berupa daftar teks"
        return None
    if not isinstance(value, str):
        return f"{label} harus berupa teks"
    text = value.strip()
    if name == "tanggal" and text and not real_date(text):
        if DIGITS_DATE.fullmatch(text):
            return f"{label} {text!r} tidak ada di kalender; periksa bulan (01–12) dan hari"
        return f"{label} {text!r} harus berformat YYYY-MM-DD, misalnya 2022-06-16"
    if name in ("waktu_mulai", "waktu_selesai") and text:
        match = _TIME.fullmatch(text)
        if not match or int(match[1]) > 23 or int(match[2]) > 59:
            return f"{label} {text!r} harus berformat JJ:MM (00:00–23:59), misalnya 09:00"
    return None


def validate_meeting_times(waktu_mulai: str, waktu_selesai: str) -> str | None:
    """The meeting cannot end before it starts (both valid HH:MM, or either empty)."""
    if not waktu_mulai.strip() or not waktu_selesai.strip():
        return None
    start = normalize_meta("waktu_mulai", waktu_mulai)
    end = normalize_meta("waktu_selesai", waktu_selesai)
    if end <= start:
        return (f"{META_LABEL['waktu_selesai']} {end} harus setelah "
                f"{META_LABEL['waktu_mulai'].lower()} {start}")
    return None


def normalize_meta(name: str, value: Any) -> Any:
    """The stored form of a valid value: text stripped, ``9.05`` -> ``09:05``, empty acara lines dropped."""
    if name == "acara":
        return [v.strip() for v in value if v.strip()]
    text = value.strip()
    if name in ("waktu_mulai", "waktu_selesai") and text:
        hh, mm = text.replace(".", ":").split(":")
        return f"{int(hh):02d}:{mm}"
    return text


OFFICIAL_JABATAN: dict[str, str] = {"ketua": "ketua", "sekretaris": "sekretaris"}
"""Meta field -> the first word of the jabatan that marks who usually fills it."""


DEFAULT_JUDUL = "Rapat Penyusunan dan Evaluasi SOP Administrasi Pemerintahan"
DEFAULT_ACARA = ("Pembahasan dan evaluasi usulan SOP Administrasi Pemerintahan",)


def with_defaults(meta: MeetingMeta, orang: tuple[Orang, ...] | list[Orang], today: str) -> MeetingMeta:
    """The header a new session starts with: what was given, and for what was left empty a
    title, today's date, one agenda line and the officials the organisation makes unambiguous.

    Every way of starting a meeting (CLI, the app's form, the demo) goes through Session.create,
    which applies this once."""
    filled: dict[str, Any] = {k: v for k, v in default_officials(orang).items() if not getattr(meta, k)}
    if not meta.judul:
        filled["judul"] = DEFAULT_JUDUL
    if not meta.tanggal:
        filled["tanggal"] = today
    if not meta.acara:
        filled["acara"] = DEFAULT_ACARA
    return dataclasses.replace(meta, **filled)


def default_officials(orang: tuple[Orang, ...] | list[Orang]) -> dict[str, str]:
    """Ketua/sekretaris taken from the people list when exactly one jabatan starts with that word.

    Two candidates (or none) leave the field empty: a wrong name on the signature block is
    worse than a blank one the secretariat fills in."""
    out: dict[str, str] = {}
    for field_name, word in OFFICIAL_JABATAN.items():
        found = [o.nama for o in orang if o.jabatan.strip().casefold().split(" ", 1)[0] == word]
        if len(found) == 1:
            out[field_name] = found[0]
    return out
