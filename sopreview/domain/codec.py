"""One codec from the frozen dataclasses to plain JSON data (dicts, lists, str, numbers, None).

The session file, the proposal hash and the history records all store dataclasses as plain
data; writing each ``to_dict`` by hand let them drift (which tuple became a list, which nested
record became a dict). Fields are written in declaration order, so the bytes on disk stay the
same. Reading back stays per class (``from_dict``): each one coerces and defaults its own fields.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from typing import Any


def to_plain(value: Any) -> Any:
    """``value`` as JSON data: dataclasses become dicts (field order), tuples and lists become lists."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (tuple, list)):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    return value


class Plain:
    """Mixin for a dataclass stored as plain data: gives it ``to_dict`` through :func:`to_plain`."""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = to_plain(self)
        return data
