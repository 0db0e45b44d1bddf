"""The evaluation criteria (Ya/Tidak questions) and how answers are read.

The criteria are data (``kriteria.yaml``) because an office may word them differently or add items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any


CRITERIA_FILE = Path(__file__).with_name("kriteria.yaml")

_ANSWER_WORDS: dict[str, bool | None] = {
    "ya": True, "y": True, "yes": True, "true": True, "1": True,
    "tidak": False, "t": False, "no": False, "false": False, "0": False,
    "-": None, "": None, "kosong": None,
}


@dataclass(frozen=True)
class Criterion:
    """One evaluation question (answered Ya/Tidak)."""

    id: str
    teks: str


def parse_criteria(data: Any, source: str) -> tuple[Criterion, ...]:
    """Turn ``{"kriteria": [{id, teks}, ...]}`` into criteria; ValueError says what to fix."""
    items = data.get("kriteria") if isinstance(data, dict) else None
    if not isinstance(items, list) or not items:
        raise ValueError(f"{source}: harus berisi daftar 'kriteria' (setiap butir punya id dan teks)")
    out: list[Criterion] = []
    seen: set[str] = set()
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not isinstance(item.get("teks"), str):
            raise ValueError(f"{source}: kriteria ke-{n} harus punya 'id' dan 'teks' berupa teks")
        cid, teks = item["id"].strip(), item["teks"].strip()
        if not re.fullmatch(r"[a-z0-9_]+", cid):
            raise ValueError(f"{source}: id kriteria ke-{n} {cid!r} hanya boleh huruf kecil, angka dan _")
        if cid in seen:
            raise ValueError(f"{source}: id kriteria {cid!r} dipakai dua kali")
        if not teks:
            raise ValueError(f"{source}: teks kriteria {cid!r} kosong")
        seen.add(cid)
        out.append(Criterion(cid, teks))
    return tuple(out)


def load_criteria(path: Path = CRITERIA_FILE) -> tuple[Criterion, ...]:
    """Read the criteria file (safe YAML)."""
    with open(path, encoding="utf-8") as handle:
        import yaml  # here: every command reads criteria from the session, few from this file

        return parse_criteria(yaml.safe_load(handle), str(path))


@cache
def default_criteria() -> tuple[Criterion, ...]:
    """The shipped ``kriteria.yaml``, read on first use rather than at import (importing the
    domain must not touch the disk)."""
    return load_criteria()


def parse_answer(word: str) -> bool | None:
    """'ya'/'tidak'/'-' (and a few synonyms) to True/False/None; ValueError otherwise."""
    key = word.strip().lower()
    if key not in _ANSWER_WORDS:
        raise ValueError(f"jawaban {word!r} tidak dikenal; pakai ya, tidak, atau - (belum dijawab)")
    return _ANSWER_WORDS[key]
