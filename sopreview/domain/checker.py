"""Typed reading of one parsed YAML document, collecting every problem instead of stopping at the first."""

from __future__ import annotations

import datetime as dt
import difflib
from typing import Any

from sopreview.domain.problems import ERROR, WARNING, Problem
from sopreview.domain.schema import (
    BOOL,
    DATE,
    INT,
    MAPPING,
    PATH_OR_MAPPING,
    STEP_LIST,
    TEXT,
    TEXT_LIST,
    FieldSpec,
)
from sopreview.domain.textsafe import find_control
from sopreview.domain.yamlread import FieldPath, YamlDoc, format_path

_KIND_EXAMPLE = {
    TEXT: "tulis sebagai teks, mis. `nama: SOP Surat Masuk`",
    INT: "tulis sebagai bilangan bulat, mis. `durasi_menit: 10`",
    BOOL: "tulis `true` atau `false`",
    DATE: "tulis tanggal sebagai YYYY-MM-DD, mis. `\"2022-06-16\"`",
    TEXT_LIST: "tulis sebagai daftar, satu butir per baris diawali `- `",
    MAPPING: "tulis sebagai pemetaan `kunci: nilai` yang menjorok ke dalam",
    STEP_LIST: "tulis sebagai daftar langkah, tiap langkah diawali `- kegiatan: ...`",
    PATH_OR_MAPPING: "tulis path berkas versi berlaku (mis. `berlaku/jdih.yaml`) atau kolom SOP-nya langsung",
}


SAME_MEANING: dict[str, str] = {
    **dict.fromkeys(("peserta", "anggota", "pegawai", "personil", "personel", "hadirin", "undangan", "staf",
                     "karyawan", "people", "members", "attendees"), "orang"),
    **dict.fromkeys(("sub_bagian", "subbagian", "bagian", "unit"), "subbag"),
}
"""Words people write for a key the format knows by another name (the spelling-based hint
cannot find these: ``peserta`` looks nothing like ``orang``)."""


class Checker:
    """Reads fields out of ``doc`` and records problems against ``path``."""

    def __init__(self, doc: YamlDoc, path: str, problems: list[Problem]) -> None:
        self.doc = doc
        self.path = path
        self.problems = problems
        for dup_path, line in doc.duplicates:
            self.problem(dup_path, f"kolom '{dup_path[-1]}' ditulis dua kali", "hapus salah satu", line=line)

    # -- recording -------------------------------------------------------------------------
    def problem(self, where: FieldPath, message: str, hint: str = "", *,
                severity: str = ERROR, line: int | None = None) -> None:
        self.problems.append(Problem(
            path=self.path,
            line=line if line is not None else self.doc.line_of(where),
            field=format_path(where),
            message=message,
            hint=hint,
            severity=severity,
        ))

    def warn(self, where: FieldPath, message: str, hint: str = "") -> None:
        self.problem(where, message, hint, severity=WARNING)

    # -- content ---------------------------------------------------------------------------
    def no_controls(self, value: Any, where: FieldPath = ()) -> None:
        """Refuse control characters (ESC & co., see textsafe) in every key and text of ``value``.

        Iterative and visiting each container once: a recursive alias cannot loop it."""
        if value is self.doc.data and not self.doc.may_hold_controls:
            return
        seen: set[int] = set()
        stack: list[tuple[Any, FieldPath]] = [(value, where)]
        while stack:
            item, here = stack.pop()
            if isinstance(item, str):
                found = find_control(item)
                if found:
                    self.problem(here, f"teks memuat karakter kendali {found} (mis. kode escape terminal)",
                                 "hapus karakter itu; ketik ulang teksnya di editor biasa")
                continue
            if not isinstance(item, (list, dict)) or id(item) in seen:
                continue
            seen.add(id(item))
            if isinstance(item, list):
                stack.extend((child, here + (index,)) for index, child in enumerate(item))
                continue
            for key, child in item.items():
                if isinstance(key, str) and find_control(key):
                    stack.append((key, here + (key,)))
                stack.append((child, here + (str(key),)))

    # -- structure -------------------------------------------------------------------------
    def mapping(self, value: Any, where: FieldPath, what: str) -> dict[str, Any] | None:
        if isinstance(value, dict):
            return value
        self.problem(where, f"{what} harus berupa pemetaan `kunci: nilai`, bukan {describe(value)}",
                     _KIND_EXAMPLE[MAPPING])
        return None

    def known_keys(self, data: dict[Any, Any], where: FieldPath, spec: dict[str, FieldSpec]) -> None:
        """Warn about keys the format does not know, suggesting the closest valid one.

        A key that means a known one (``peserta`` for ``orang``) is an error when the known key
        is missing: everything under it would be dropped without a word otherwise."""
        for key in data:
            if key in spec:
                continue
            meant = SAME_MEANING.get(str(key).strip().lower())
            if meant in spec:
                message = f"kolom '{key}' tidak dikenal: maksud Anda '{meant}'?"
                hint = f"ganti `{key}:` menjadi `{meant}:`"
                if meant in data:
                    self.warn(where + (str(key),), message + " (diabaikan)", hint)
                else:
                    self.problem(where + (str(key),), message + f" Isinya tidak terbaca sebagai `{meant}`", hint)
                continue
            close = difflib.get_close_matches(str(key), list(spec), n=1, cutoff=0.6)
            hint = (f"mungkin maksudnya `{close[0]}`?" if close
                    else "kolom yang dikenal: " + ", ".join(spec))
            self.warn(where + (str(key),), f"kolom '{key}' tidak dikenal dan diabaikan", hint)
        for key, field_spec in spec.items():
            if field_spec.required and key not in data:
                self.problem(where, f"kolom wajib '{key}' tidak ada",
                             f"tambahkan `{key}:` ({field_spec.doc or field_spec.kind})")

    # -- scalars ---------------------------------------------------------------------------
    def text(self, data: dict[str, Any], key: str, where: FieldPath, *, required: bool = False) -> str:
        value = data.get(key)
        here = where + (key,)
        if value is None:
            if required and key in data:
                self.problem(here, f"'{key}' kosong", f"isi `{key}` dengan teks")
            return ""
        if isinstance(value, (bool, dict, list)):
            self.problem(here, f"'{key}' harus berupa teks, bukan {describe(value)}", _KIND_EXAMPLE[TEXT])
            return ""
        text = str(value).strip()
        if required and not text:
            self.problem(here, f"'{key}' kosong", f"isi `{key}` dengan teks")
        return text

    def integer(self, data: dict[str, Any], key: str, where: FieldPath, default: int,
                *, minimum: int | None = None, maximum: int | None = None) -> int:
        value = data.get(key)
        here = where + (key,)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(here, f"'{key}' harus berupa bilangan bulat, bukan {describe(value)}",
                         _KIND_EXAMPLE[INT])
            return default
        if minimum is not None and value < minimum:
            self.problem(here, f"'{key}' harus paling sedikit {minimum}, tertulis {value}",
                         f"ganti dengan bilangan ≥ {minimum}")
            return default
        if maximum is not None and value > maximum:
            shown = str(value) if len(str(value)) <= 12 else str(value)[:12] + "…"
            self.problem(here, f"'{key}' paling banyak {maximum}, tertulis {shown}",
                         f"ganti dengan bilangan ≤ {maximum}")
            return default
        return value

    def boolean(self, data: dict[str, Any], key: str, where: FieldPath) -> bool:
        value = data.get(key)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.problem(where + (key,), f"'{key}' harus true atau false, bukan {describe(value)}",
                         _KIND_EXAMPLE[BOOL])
            return False
        return value

    def date(self, data: dict[str, Any], key: str, where: FieldPath) -> str:
        value = data.get(key)
        here = where + (key,)
        if value is None or value == "":
            return ""
        if isinstance(value, dt.datetime):
            return value.date().isoformat()
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip()).isoformat()
            except ValueError:
                pass
        self.problem(here, f"'{key}' bukan tanggal YYYY-MM-DD: {value!r}", _KIND_EXAMPLE[DATE])
        return ""

    def text_list(self, data: dict[str, Any], key: str, where: FieldPath,
                  *, required: bool = False) -> tuple[str, ...]:
        value = data.get(key)
        here = where + (key,)
        if value is None:
            if required:
                self.problem(here if key in data else where,
                             f"'{key}' wajib diisi dengan daftar", _KIND_EXAMPLE[TEXT_LIST])
            return ()
        if not isinstance(value, list):
            self.problem(here, f"'{key}' harus berupa daftar, bukan {describe(value)}",
                         _KIND_EXAMPLE[TEXT_LIST])
            return ()
        items: list[str] = []
        for index, item in enumerate(value):
            if item is None or isinstance(item, (dict, list, bool)):
                self.problem(here + (index,), f"butir ke-{index + 1} dari '{key}' harus berupa teks, "
                             f"bukan {describe(item)}", _KIND_EXAMPLE[TEXT])
                continue
            items.append(str(item).strip())
        if required and not items:
            self.problem(here, f"'{key}' tidak boleh kosong", _KIND_EXAMPLE[TEXT_LIST])
        return tuple(items)


def describe(value: Any) -> str:
    """Name a YAML value's type in the user's words."""
    if value is None:
        return "kosong"
    if isinstance(value, bool):
        return f"nilai ya/tidak ({str(value).lower()})"
    if isinstance(value, int):
        return f"bilangan ({value})"
    if isinstance(value, float):
        return f"bilangan pecahan ({value})"
    if isinstance(value, str):
        return f"teks ({value[:30]!r})"
    if isinstance(value, list):
        return "daftar"
    if isinstance(value, dict):
        return "pemetaan"
    if isinstance(value, (dt.date, dt.datetime)):
        return f"tanggal ({value})"
    return type(value).__name__
