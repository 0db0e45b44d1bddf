"""One codec between the frozen dataclasses and plain JSON data (dicts, lists, str, numbers, None).

The session file, the proposal hash and the history records all store dataclasses as plain
data; writing each ``to_dict`` by hand let them drift (which tuple became a list, which nested
record became a dict). Fields are written in declaration order, so the bytes on disk stay the
same. Reading back (``from_plain``) follows each field's type hint, the same hints the session
check (``store/session_types.py``) holds the stored data to before anything is decoded. Records
read from looser places (the journal, history records) keep their own ``from_dict``, which
coerces and defaults.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import fields, is_dataclass
from typing import Any, Self, TypeVar

T = TypeVar("T")
Decode = Callable[[Any], Any]


_SCALARS = frozenset({str, int, float, bool, type(None)})


def to_plain(value: Any) -> Any:
    """``value`` as JSON data: dataclasses become dicts (field order), tuples and lists become lists.

    Scalars first and field names cached per class: asking ``is_dataclass`` and ``fields`` of
    every string made this most of ``new`` (hashing and storing 1,000 proposals, issue 17)."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    names = _field_names(kind)
    if names is not None:
        return {name: to_plain(getattr(value, name)) for name in names}
    if isinstance(value, (tuple, list)):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    return value


@functools.cache
def _field_names(kind: type) -> tuple[str, ...] | None:
    """The field names of dataclass ``kind`` in declaration order; None for any other type."""
    return tuple(f.name for f in fields(kind)) if is_dataclass(kind) else None


class Plain:
    """Mixin for a dataclass stored as plain data: ``to_dict`` through :func:`to_plain`,
    ``from_dict`` through :func:`from_plain`."""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = to_plain(self)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        return from_plain(cls, data)


def from_plain(cls: type[T], data: Mapping[str, Any]) -> T:
    """``cls`` rebuilt from what :func:`to_plain` wrote: lists become tuples, dicts nested
    dataclasses, following the field type hints. Keys ``cls`` does not declare are left out;
    a missing field takes its default (a missing required one is the dataclass's TypeError).
    Values are not checked here: check untrusted data first (``store/session_types.conform``)."""
    return cls(**{name: decode(data[name]) for name, decode in _decoders(cls) if name in data})


@functools.cache
def _decoders(cls: type) -> tuple[tuple[str, Decode], ...]:
    """(field name, decoder) per field, built once per class: resolving type hints is slow."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, _decoder(hints[f.name])) for f in fields(cls))  # type: ignore[arg-type]


def _keep(value: Any) -> Any:
    return value


def _decoder(hint: Any) -> Decode:
    """A function turning plain data into a value of type ``hint`` (the types the model uses)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        inner = _decoder(next(a for a in args if a is not type(None)))
        return lambda value: None if value is None else inner(value)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = _decoder(args[0])
        return lambda value: tuple([item(v) for v in value])
    if origin is tuple:
        parts = tuple(_decoder(a) for a in args)
        return lambda value: tuple([part(v) for part, v in zip(parts, value, strict=True)])
    if is_dataclass(hint):
        return lambda value: from_plain(hint, value)  # type: ignore[arg-type]
    return _keep  # str, int, bool, dict, Any: JSON already holds them as they are
