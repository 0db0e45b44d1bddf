"""How a person is written in the minutes and the documents: NIP grouping, jabatan with unit.

Kept apart from the document layout (``domain/sopdoc``) so the minutes can use them without
importing the page geometry and flowchart routing (most of an `export md` process's start-up).
"""

from __future__ import annotations

import re

from sopreview.domain.model import Orang


def jabatan_unit(orang: Orang) -> str:
    """``Kepala Sub Bagian Hukum, Sub Bagian Hukum dan SDM`` without saying the unit twice."""
    parts = [orang.jabatan.strip(), orang.unit.strip()]
    if parts[0] and parts[1] and parts[1].lower() in parts[0].lower():
        parts[1] = ""
    return ", ".join(p for p in parts if p)


def format_nip(nip: str) -> str:
    """An 18-digit NIP grouped the usual way: ``19920311 201902 2 004``; anything else as written."""
    digits = re.sub(r"\s+", "", nip or "")
    if re.fullmatch(r"\d{18}", digits):
        return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"
    return (nip or "").strip()
