"""SOP numbers from the office's pattern (``pola_nomor`` in organisasi.yaml).

Numbers follow the office's tata naskah dinas, e.g. ``05/SOP/HK.05-SD/35.76/2020``; the pattern
``{urut:02}/SOP/{kode}/35.76/{tahun}`` says which part counts. The sequence restarts per year
when the pattern holds ``{tahun}`` and per sub bagian code when it holds ``{kode}``. A number
already given (in force, in history, or recorded in the register log) is never given again.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

PLACEHOLDERS: dict[str, str] = {
    "urut": "nomor urut (wajib), mis. {urut} atau {urut:02} untuk dua angka",
    "kode": "kode_nomor sub bagian, mis. HK.05-SD",
    "tahun": "tahun tanggal penetapan, mis. 2022",
}
_FIELD = re.compile(r"\{([^{}]*)\}")
_WIDTH = re.compile(r"0?([1-9])")


class PatternError(ValueError):
    """A pattern that cannot number SOPs; ``hint`` says how to fix it."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


@dataclass(frozen=True)
class NumberPattern:
    """A parsed ``pola_nomor``: literal text and placeholders, in order."""

    text: str
    parts: tuple[tuple[str, str, int], ...]
    """(kind, value, width): kind ``lit`` with its text, or a placeholder name with its width."""

    @property
    def per_tahun(self) -> bool:
        return any(kind == "tahun" for kind, _, _ in self.parts)

    @property
    def per_kode(self) -> bool:
        return any(kind == "kode" for kind, _, _ in self.parts)

    def format(self, urut: int, kode: str = "", tahun: int | str = "") -> str:
        out: list[str] = []
        for kind, value, width in self.parts:
            if kind == "lit":
                out.append(value)
            elif kind == "urut":
                out.append(str(urut).zfill(width))
            elif kind == "kode":
                out.append(kode)
            else:
                out.append(str(tahun))
        return "".join(out)

    def regex(self) -> re.Pattern[str]:
        pieces: list[str] = []
        for kind, value, _width in self.parts:
            if kind == "lit":
                pieces.append(re.escape(value))
            elif kind == "urut":
                pieces.append(r"(?P<urut>\d+)")
            elif kind == "kode":
                pieces.append(r"(?P<kode>.+?)")
            else:
                pieces.append(r"(?P<tahun>\d{4})")
        return re.compile("".join(pieces) + r"\Z")

    def scope_of(self, kode: str, tahun: int | str) -> tuple[str, str]:
        """The counter a number belongs to: (kode or '', tahun or '') as the pattern implies."""
        return (kode if self.per_kode else "", str(tahun) if self.per_tahun else "")


def parse_pattern(text: str) -> NumberPattern:
    """Parse and check a pattern; PatternError names what is wrong and how to fix it."""
    if not text.strip():
        raise PatternError("pola nomor kosong", "mis. `pola_nomor: \"{urut:02}/SOP/{kode}/35.76/{tahun}\"`")
    parts: list[tuple[str, str, int]] = []
    pos = 0
    seen: set[str] = set()
    for match in _FIELD.finditer(text):
        literal = text[pos:match.start()]
        _check_literal(literal)
        if literal:
            parts.append(("lit", literal, 0))
        name, _, spec = match.group(1).partition(":")
        name = name.strip()
        if name not in PLACEHOLDERS:
            guess = difflib.get_close_matches(name, PLACEHOLDERS, n=1)
            hint = f"maksud Anda {{{guess[0]}}}?" if guess else ""
            raise PatternError(f"isian {{{name}}} tidak dikenal",
                               (hint + " " if hint else "") + "isian yang dikenal: "
                               + ", ".join(f"{{{k}}}" for k in PLACEHOLDERS))
        if name in seen:
            raise PatternError(f"isian {{{name}}} ditulis dua kali", "tulis setiap isian sekali saja")
        seen.add(name)
        width = 1
        if spec:
            width_match = _WIDTH.fullmatch(spec.strip())
            if name != "urut" or width_match is None:
                raise PatternError(f"format '{{{match.group(1)}}}' tidak dikenal",
                                   "hanya {urut} yang boleh diberi lebar, mis. {urut:02} (1–9 angka)")
            width = int(width_match.group(1))
        parts.append((name, "", width))
        pos = match.end()
    tail = text[pos:]
    _check_literal(tail)
    if tail:
        parts.append(("lit", tail, 0))
    if "urut" not in seen:
        raise PatternError("pola nomor tidak memuat {urut}", "tambahkan {urut} (nomor urut), mis. di awal pola")
    placeholders = [kind for kind, _, _ in parts]
    for left, right in zip(placeholders, placeholders[1:]):
        if left != "lit" and right != "lit":
            raise PatternError(f"isian {{{left}}} dan {{{right}}} tidak berpemisah",
                               "beri pemisah di antaranya, mis. `/` atau `-`, agar nomor bisa dibaca kembali")
    return NumberPattern(text, tuple(parts))


def _check_literal(literal: str) -> None:
    if "{" in literal or "}" in literal:
        raise PatternError("kurung kurawal tidak berpasangan", "tulis isian sebagai {urut}, {kode} atau {tahun}")


@dataclass(frozen=True)
class Numbering:
    """Gives numbers from a pattern, never one already used."""

    pattern: NumberPattern
    used: frozenset[str]

    def counters(self) -> dict[tuple[str, str], int]:
        """Highest ``urut`` used in each scope, read back from every used number that fits the pattern."""
        regex = self.pattern.regex()
        highest: dict[tuple[str, str], int] = {}
        for nomor in self.used:
            match = regex.match(nomor)
            if match is None:
                continue
            found = match.groupdict()
            scope = self.pattern.scope_of(found.get("kode") or "", found.get("tahun") or "")
            highest[scope] = max(highest.get(scope, 0), int(found["urut"]))
        return highest

    def allocate(self, requests: Iterable[tuple[str, int]]) -> list[str]:
        """One new number per (kode, tahun) request, in order; scopes counted from what is used."""
        highest = self.counters()
        taken = set(self.used)
        given: list[str] = []
        for kode, tahun in requests:
            scope = self.pattern.scope_of(kode, tahun)
            urut = highest.get(scope, 0)
            while True:
                urut += 1
                nomor = self.pattern.format(urut, kode, tahun)
                if nomor not in taken:
                    break
            highest[scope] = urut
            taken.add(nomor)
            given.append(nomor)
        return given
