"""The typed half of the session check: every value the code later reads has the shape it expects.

``schema.check`` used to look at the tables a hand edit usually breaks; a person's ``nama: 5``,
a clock stamp without a UTC offset or a 30-digit number passed and crashed the app, the export
or ``record`` later. Here each stored dataclass (the proposal snapshot, the organisation, people)
is checked field by field against its own type hints, so the dataclass is the one spec, and
the few free-form parts (clock stamps, history records) have explicit rules. A text holding a
control character (ESC & co.) is refused too: nothing read from a session reaches a terminal raw.
"""

from __future__ import annotations

import contextvars
import dataclasses
import functools
import types
import json
import re
import typing
from datetime import datetime
from typing import Any, TypeVar

from sopreview.domain.model import SIMBOL_KEPUTUSAN, SIMBOL_MULAI, SIMBOL_PROSES, SIMBOL_SELESAI, SopDocument
from sopreview.domain.limits import json_depth_problem
from sopreview.domain.textsafe import CONTROL, find_control

MAX_INT = 10**6
"""Step numbers, revisions, minutes, ids: nothing in a meeting counts higher."""
T = TypeVar("T")
SIMBOL = (SIMBOL_MULAI, SIMBOL_SELESAI, SIMBOL_PROSES, SIMBOL_KEPUTUSAN)


class Bad(Exception):
    """``where: what`` — the first value that does not fit."""


def need(cond: bool, where: str, what: str) -> None:
    if not cond:
        raise Bad(f"{where}: {what}")


SCAN_CONTROLS: contextvars.ContextVar[bool] = contextvars.ContextVar("scan_controls", default=True)
"""False while checking data already known to hold no control character (see ``may_hold_controls``)."""
_C0_ESCAPE = re.compile(r"\\(?:u00[01][0-9a-fA-F]|[bfr])")


def may_hold_controls(data: Any) -> bool:
    """One C-speed pass over the whole session instead of a regex per string: json.dumps writes
    C0 characters as escapes (``\\u001b``, ``\\r``) and, without ensure_ascii, DEL and C1 raw.
    A literal backslash before such letters gives a false alarm, which only costs the slow path."""
    dumped = json.dumps(data, ensure_ascii=False)
    return bool(CONTROL.search(dumped) or _C0_ESCAPE.search(dumped))


def text(value: Any, where: str) -> str:
    need(isinstance(value, str), where, "harus teks")
    if SCAN_CONTROLS.get():
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


Check = typing.Callable[[Any, str], None]


@functools.cache
def _fields(cls: type) -> tuple[frozenset[str], tuple[tuple[str, Check, bool], ...]]:
    """(names, (name, checker, required) per field), built once per class: resolving type
    hints per value made opening a session ten times slower."""
    hints = typing.get_type_hints(cls)
    spec = tuple((f.name, _checker(hints[f.name]),
                  f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING)
                 for f in dataclasses.fields(cls))
    return frozenset(name for name, _, _ in spec), spec


def conform(cls: type, value: Any, where: str) -> None:
    """``value`` (a stored dict) can be turned into ``cls`` and holds only what ``cls`` declares."""
    need(isinstance(value, dict), where, "harus objek {...}")
    names, spec = _fields(cls)
    for key in value:
        need(key in names, f"{where}.{key}", "kolom tidak dikenal")
    for name, check, required in spec:
        if name not in value:
            need(not required, f"{where}.{name}", "tidak ada")
            continue
        check(value[name], f"{where}.{name}")
    if cls is SopDocument:
        _steps(value.get("langkah") or [], f"{where}.langkah")


def _checker(hint: Any) -> Check:
    """A function checking one value against ``hint`` (the few types the model uses)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        inner = _checker(next(a for a in args if a is not type(None)))
        optional = type(None) in args

        def union(value: Any, where: str) -> None:
            if not (value is None and optional):
                inner(value, where)
        return union
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = _checker(args[0])

        def many(value: Any, where: str) -> None:
            need(isinstance(value, list), where, "harus daftar")
            for n, one in enumerate(value):
                item(one, f"{where}[{n}]")
        return many
    if origin is tuple:
        parts = [_checker(a) for a in args]

        def fixed(value: Any, where: str) -> None:
            need(isinstance(value, list) and len(value) == len(parts), where, f"harus daftar {len(parts)} butir")
            for n, (part, one) in enumerate(zip(parts, value, strict=True)):
                part(one, f"{where}[{n}]")
        return fixed
    if dataclasses.is_dataclass(hint):
        return lambda value, where: conform(hint, value, where)  # type: ignore[arg-type]
    if hint is str:
        return lambda value, where: None if isinstance(value, str) and not SCAN_CONTROLS.get() \
            else text(value, where) and None
    if hint is bool:
        return lambda value, where: need(isinstance(value, bool), where, "harus true atau false")
    if hint is int:
        return lambda value, where: whole(value, where, -MAX_INT) and None
    raise TypeError(f"jenis {hint!r} belum diperiksa")  # pragma: no cover - a new model field type


class _Mismatch(Exception):
    """Raised by a fast decoder: something does not fit; ``conform`` then says what and where."""


Decode = typing.Callable[[Any], Any]


def checked(cls: type[T], value: Any, where: str) -> T:
    """``value`` checked against ``cls`` and built as one, in one pass that builds no message.

    Opening a proposal checked it (``conform``) and then decoded it (``codec.from_plain``): two
    walks that built a ``where`` text for every field of every step, 1.5 ms a proposal, most of
    an export at 1,000 proposals (issue 17). This walks once and builds nothing but the result;
    only when something does not fit does ``conform`` walk again to name it."""
    try:
        built: T = _fast(cls)(value)
        return built
    except _Mismatch:
        token = SCAN_CONTROLS.set(True)  # the fast pass always looks for control characters
        try:
            conform(cls, value, where)
        finally:
            SCAN_CONTROLS.reset(token)
        raise Bad(f"{where}: bentuk tidak sesuai") from None  # pragma: no cover - conform names it first


@functools.cache
def _fast(cls: type) -> Decode:
    """A decoder for dataclass ``cls`` that checks what ``conform`` checks, or raises ``_Mismatch``."""
    names, spec = _fields(cls)
    hints = typing.get_type_hints(cls)
    required = frozenset(name for name, _, need_it in spec if need_it)
    parts = tuple((name, _fast_value(hints[name])) for name, _, _ in spec)
    is_doc = cls is SopDocument

    def decode(value: Any) -> Any:
        if type(value) is not dict or not names.issuperset(value) or not required.issubset(value):
            raise _Mismatch
        if is_doc:
            _fast_steps(value.get("langkah") or [])
        return cls(**{name: part(value[name]) for name, part in parts if name in value})
    return decode


def _fast_value(hint: Any) -> Decode:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        inner = _fast_value(next(a for a in args if a is not type(None)))
        optional = type(None) in args
        return lambda value: None if value is None and optional else inner(value)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = _fast_value(args[0])

        def many(value: Any) -> tuple[Any, ...]:
            if type(value) is not list:
                raise _Mismatch
            return tuple([item(one) for one in value])
        return many
    if origin is tuple:
        fixed_parts = tuple(_fast_value(a) for a in args)

        def fixed(value: Any) -> tuple[Any, ...]:
            if type(value) is not list or len(value) != len(fixed_parts):
                raise _Mismatch
            return tuple([part(one) for part, one in zip(fixed_parts, value)])
        return fixed
    if dataclasses.is_dataclass(hint):
        return _fast(hint)  # type: ignore[arg-type]
    if hint is str:
        search = CONTROL.search

        def one_text(value: Any) -> str:
            if type(value) is not str or search(value):
                raise _Mismatch
            return value
        return one_text
    if hint is bool:
        def one_bool(value: Any) -> bool:
            if type(value) is not bool:
                raise _Mismatch
            return value
        return one_bool
    if hint is int:
        def one_int(value: Any) -> int:
            if type(value) is not int or not -MAX_INT <= value <= MAX_INT:
                raise _Mismatch
            return value
        return one_int
    raise TypeError(f"jenis {hint!r} belum diperiksa")  # pragma: no cover - a new model field type


def _fast_steps(steps: Any) -> None:
    """``_steps`` without messages (the types are checked by the field decoders after this)."""
    if type(steps) is not list:
        raise _Mismatch
    count = len(steps)
    for n, step in enumerate(steps):
        if type(step) is not dict or step.get("nomor") != n + 1 or step.get("simbol", SIMBOL_PROSES) not in SIMBOL:
            raise _Mismatch
        jumps = step.get("keputusan") or []
        if type(jumps) is not list:
            raise _Mismatch
        for jump in jumps:
            if type(jump) is not list or len(jump) != 2 or type(jump[1]) is not int or not 1 <= jump[1] <= count:
                raise _Mismatch
        lanjut = step.get("lanjut")
        if lanjut is not None and (type(lanjut) is not int or not 1 <= lanjut <= count):
            raise _Mismatch


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
    deep = json_depth_problem(records)  # carried over into the next session as they are
    need(deep is None, where, str(deep))
    for n, record in enumerate(records):
        here = f"{where}[{n}]"
        need(isinstance(record, dict), here, "harus objek {...}")
        for key in ("sesi", "tanggal", "berkas", "catatan", "catatan_diskusi"):
            if record.get(key) is not None:
                text(record[key], f"{here}.{key}")
        if record.get("keputusan") is not None:
            text(record["keputusan"], f"{here}.keputusan")
