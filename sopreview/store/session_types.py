"""The typed half of the session check: every value the code later reads has the shape it expects.

``schema.check`` used to look at the tables a hand edit usually breaks; a person's ``nama: 5``,
a clock stamp without a UTC offset or a 30-digit number passed and crashed the app, the export
or ``record`` later. Here each stored dataclass (the proposal snapshot, the organisation, people)
is checked field by field against its own type hints, so the dataclass is the one spec, and
the few free-form parts (clock stamps, history records) have explicit rules. A text holding a
control character (ESC & co.) is refused too: nothing read from a session reaches a terminal raw.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import datetime
from typing import Any

from sopreview.domain.model import SIMBOL_KEPUTUSAN, SIMBOL_MULAI, SIMBOL_PROSES, SIMBOL_SELESAI, SopDocument
from sopreview.domain.textsafe import find_control

MAX_INT = 10**6
"""Step numbers, revisions, minutes, ids: nothing in a meeting counts higher."""
SIMBOL = (SIMBOL_MULAI, SIMBOL_SELESAI, SIMBOL_PROSES, SIMBOL_KEPUTUSAN)


class Bad(Exception):
    """``where: what`` — the first value that does not fit."""


def need(cond: bool, where: str, what: str) -> None:
    if not cond:
        raise Bad(f"{where}: {what}")


def text(value: Any, where: str) -> str:
    need(isinstance(value, str), where, "harus teks")
    found = find_control(value)
    need(found is None, where, f"memuat karakter kendali {found}; hapus karakter itu")
    return value


def whole(value: Any, where: str, low: int = 0, high: int = MAX_INT) -> int:
    need(isinstance(value, int) and not isinstance(value, bool), where, "harus bilangan bulat")
    need(low <= value <= high, where, f"harus {low}–{high}")
    return value


def stamp(value: Any, where: str) -> datetime:
    """An ISO time with its UTC offset (a naive one cannot be subtracted from an aware one)."""
    text(value, where)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise Bad(f"{where}: {value!r} bukan waktu ISO (mis. 2022-06-16T09:00:00+07:00)") from None
    need(moment.tzinfo is not None, where, f"{value!r} tanpa zona waktu; tambahkan mis. +07:00")
    return moment


def conform(cls: type, value: Any, where: str) -> None:
    """``value`` (a stored dict) can be turned into ``cls`` and holds only what ``cls`` declares."""
    need(isinstance(value, dict), where, "harus objek {...}")
    hints = typing.get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    for key in value:
        need(key in names, f"{where}.{key}", "kolom tidak dikenal")
    for f in dataclasses.fields(cls):
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        if f.name not in value:
            need(not required, f"{where}.{f.name}", "tidak ada")
            continue
        _typed(hints[f.name], value[f.name], f"{where}.{f.name}")
    if cls is SopDocument:
        _steps(value.get("langkah") or [], f"{where}.langkah")


def _typed(hint: Any, value: Any, where: str) -> None:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        if value is None and type(None) in args:
            return
        _typed(next(a for a in args if a is not type(None)), value, where)
    elif origin is tuple:
        need(isinstance(value, list), where, "harus daftar")
        if len(args) == 2 and args[1] is Ellipsis:
            for n, item in enumerate(value):
                _typed(args[0], item, f"{where}[{n}]")
        else:
            need(len(value) == len(args), where, f"harus {len(args)} butir")
            for n, (arg, item) in enumerate(zip(args, value, strict=True)):
                _typed(arg, item, f"{where}[{n}]")
    elif dataclasses.is_dataclass(hint):
        conform(hint, value, where)  # type: ignore[arg-type]
    elif hint is str:
        text(value, where)
    elif hint is bool:
        need(isinstance(value, bool), where, "harus true atau false")
    elif hint is int:
        whole(value, where, -MAX_INT)
    else:  # pragma: no cover - a new field type in the model needs a rule here
        raise Bad(f"{where}: jenis {hint!r} belum diperiksa")


def _steps(steps: list[dict[str, Any]], where: str) -> None:
    """Numbers are 1..n in order and every jump lands on a step: the flowchart relies on both."""
    count = len(steps)
    for n, step in enumerate(steps):
        here = f"{where}[{n}]"
        need(step["nomor"] == n + 1, f"{here}.nomor", f"harus {n + 1}")
        need(step.get("simbol", SIMBOL_PROSES) in SIMBOL, f"{here}.simbol", f"harus salah satu dari {', '.join(SIMBOL)}")
        targets = [t for _, t in step.get("keputusan") or []]
        if step.get("lanjut") is not None:
            targets.append(step["lanjut"])
        need(all(1 <= t <= count for t in targets), here, f"lompatan ke langkah yang tidak ada (1–{count})")


def history(records: Any, where: str) -> None:
    """Carried-over history: what the agenda, ``show`` and the minutes read of each record."""
    need(isinstance(records, list), where, "harus daftar")
    for n, record in enumerate(records):
        here = f"{where}[{n}]"
        need(isinstance(record, dict), here, "harus objek {...}")
        for key in ("sesi", "tanggal", "berkas", "catatan", "catatan_diskusi"):
            if record.get(key) is not None:
                text(record[key], f"{here}.{key}")
        if record.get("keputusan") is not None:
            text(record["keputusan"], f"{here}.keputusan")
