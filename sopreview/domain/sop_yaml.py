"""Write an SOP version (and register events) as YAML a person can read and ``git diff``.

Keys always come in the order of the file format (``SOP_FIELDS``, ``STEP_FIELDS``), empty
optional fields are left out, decisions stay on one line, and the same document always gives
the same text, so a revision shows in a diff as exactly what the meeting adopted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from typing import Any

import yaml

from sopreview.domain.model import Pengesah, SopDocument, Step
from sopreview.domain.register import Event
from sopreview.domain.schema import SOP_FIELDS, STEP_FIELDS

try:
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover - depends on the wheel
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]


class _Flow(dict):  # type: ignore[type-arg]
    """A mapping written on one line: ``{ya: 5, tidak: 3}``."""


class _SopDumper(_Dumper):  # type: ignore[misc, valid-type]
    pass


_SopDumper.add_representer(_Flow, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v.items(),
                                                                    flow_style=True))


def sop_data(doc: SopDocument, *, sampel: bool = False) -> dict[str, Any]:
    """The document as an ordered mapping of the file format (empty optional fields left out)."""
    data: dict[str, Any] = {}
    for name in SOP_FIELDS:
        if name == "sampel":
            if sampel:
                data["sampel"] = True
            continue
        value = getattr(doc, name)
        if name == "langkah":
            data[name] = [_step(s) for s in value]
        elif name == "disahkan_oleh":
            pengesah = {f.name: getattr(value, f.name) for f in fields(Pengesah) if getattr(value, f.name)}
            if pengesah:
                data[name] = _Flow(pengesah)
        elif isinstance(value, tuple):
            if value or SOP_FIELDS[name].required:
                data[name] = list(value)
        elif name in ("nomor", "revisi_ke") or value not in ("", None):
            data[name] = value
    return data


def _step(step: Step) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in STEP_FIELDS:
        value = getattr(step, name)
        if name == "keputusan":
            if value:
                out[name] = _Flow((answer, target) for answer, target in value)
        elif value not in ("", None):
            out[name] = value
    return out


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_SopDumper, sort_keys=False, allow_unicode=True, width=4096,
                     default_flow_style=False)


def sop_yaml(doc: SopDocument, *, sampel: bool = False, header: Iterable[str] = ()) -> str:
    """The text of an SOP file: comment lines first, then the fields in the format's order."""
    lines = [f"# {line}".rstrip() if not line.startswith("#") else line for line in header]
    return "".join(line + "\n" for line in lines) + dump(sop_data(doc, sampel=sampel))


def event_yaml(event: Event) -> str:
    """One list item of the register log; appended, so the earlier lines never change."""
    return dump([event.to_dict()])


def leading_comments(text: str) -> list[str]:
    """The comment lines at the top of a file (kept when the file is rewritten)."""
    out: list[str] = []
    for line in text.splitlines():
        if line.startswith("#"):
            out.append(line)
        elif line.strip():
            break
    return out
