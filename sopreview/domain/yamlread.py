"""Read a YAML file safely and remember the line of every key, so problems can name it.

Only the safe loader is used (libyaml's when present: ~10x faster, same safety).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from sopreview.domain.limits import TooLarge, check_yaml_text
from sopreview.domain.textsafe import CONTROL

try:  # libyaml ships in PyYAML's wheels; fall back to the pure-Python safe loader.
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - depends on the wheel
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

FieldPath = tuple[str | int, ...]


@dataclass
class YamlDoc:
    """A parsed document plus the line where each field path starts."""

    data: Any
    lines: dict[FieldPath, int] = field(default_factory=dict)
    duplicates: list[tuple[FieldPath, int]] = field(default_factory=list)
    """Keys written twice in one mapping: (path, line of the second one)."""
    may_hold_controls: bool = True
    """False when the file's text has no control character and no backslash: then no value read
    from it can hold one (YAML writes them only raw or as a double-quoted escape), and the
    validator's walk over every text (a quarter of reading a file) is skipped."""

    def line_of(self, path: FieldPath) -> int:
        """Line of ``path``, or of its nearest written parent (1 for the document)."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


class YamlReadError(Exception):
    """The file cannot be turned into data; carries the line and a hint."""

    def __init__(self, message: str, line: int | None, hint: str) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.hint = hint


def format_path(path: FieldPath) -> str:
    """``("langkah", 2, "pelaksana")`` → ``langkah[3].pelaksana`` (steps counted from 1)."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else part
    return text


def read_yaml(path: Path) -> YamlDoc:
    """Parse ``path`` with the safe loader; raise YamlReadError with a line on any failure."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise YamlReadError(f"berkas tidak dapat dibaca: {exc.strerror}", None,
                            "periksa nama berkas dan hak aksesnya") from exc
    return parse_yaml_bytes(raw)


def parse_yaml_bytes(raw: bytes) -> YamlDoc:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line: int | None = raw[: exc.start].count(b"\n") + 1
        column = exc.start - raw.rfind(b"\n", 0, exc.start)
        raise YamlReadError(
            f"berkas bukan teks UTF-8 (byte 0x{raw[exc.start]:02x} pada kolom {column})",
            line,
            "simpan ulang berkas dengan encoding UTF-8 (di editor: Save with Encoding → UTF-8)",
        ) from exc
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        check_yaml_text(text, len(raw))
    except TooLarge as exc:
        raise YamlReadError(f"berkas ditolak: {exc}", exc.line,
                            "sederhanakan berkas: satu usulan SOP per berkas, tanpa susunan bersarang berlebihan") from None
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        raise YamlReadError("berkas kosong", 1, "isi berkas dengan kolom SOP (lihat README: Format berkas)")
    loader = _SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise YamlReadError("berkas kosong", 1, "isi berkas dengan kolom SOP (lihat README)")
        doc = YamlDoc(data=None, may_hold_controls="\\" in text or CONTROL.search(text) is not None)
        doc.data = _Builder(loader, doc).build(node, ())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = exc.problem or str(exc)
        if exc.context_mark is not None and mark is not None and exc.context_mark.line != mark.line:
            what += f" ({exc.context} pada baris {exc.context_mark.line + 1})"
        raise YamlReadError(
            f"YAML tidak valid: {what}",
            line,
            "periksa indentasi (spasi, bukan tab), tanda titik dua setelah nama kolom, "
            "dan beri tanda kutip pada teks yang memuat ':' atau '#'",
        ) from exc
    except yaml.YAMLError as exc:
        raise YamlReadError(f"YAML tidak valid: {exc}", None, "periksa sintaks YAML berkas ini") from exc
    except RecursionError as exc:
        raise YamlReadError("YAML bersarang terlalu dalam", None, "sederhanakan struktur berkas") from exc
    finally:
        loader.dispose()
    return doc


_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"


class _Builder:
    """Build Python values from the composed nodes and note each key's line, in one pass.

    Plain strings (most of an SOP file) skip the constructor machinery; every other scalar is
    built by the safe loader itself, so the result equals ``yaml.safe_load``.
    """

    def __init__(self, loader: Any, doc: YamlDoc) -> None:
        self.loader = loader
        self.doc = doc
        self.memo: dict[int, Any] = {}

    def build(self, node: yaml.Node, here: FieldPath) -> Any:
        self.doc.lines.setdefault(here, node.start_mark.line + 1)
        known = self.memo.get(id(node))
        if known is not None:
            return known
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return self.sequence(node, here)
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, here)
        return self.loader.construct_object(node, deep=True)  # pragma: no cover - no other node kinds

    def scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag == _STR:
            return node.value
        try:
            return self.loader.construct_object(node, deep=True)
        except (ValueError, OverflowError):
            # ``2022-13-45`` looks like a date to YAML but is none: keep the text, so the field's
            # check reports it with its line instead of the whole file failing with a ValueError.
            return node.value

    def child(self, node: yaml.Node, here: FieldPath) -> Any:
        """A value inside a container: plain scalars inline (no recursion, line already noted)."""
        if node.__class__ is yaml.ScalarNode:
            return self.scalar(node)  # type: ignore[arg-type]
        return self.build(node, here)

    def sequence(self, node: yaml.SequenceNode, here: FieldPath) -> list[Any]:
        items: list[Any] = []
        self.memo[id(node)] = items
        lines = self.doc.lines
        for i, item in enumerate(node.value):
            path = here + (i,)
            lines.setdefault(path, item.start_mark.line + 1)
            items.append(self.child(item, path))
        return items

    def mapping(self, node: yaml.MappingNode, here: FieldPath) -> Any:
        if any(k.tag == _MERGE for k, _ in node.value):
            value = self.loader.construct_object(node, deep=True)
            self.memo[id(node)] = value
            return value
        mapping: dict[Any, Any] = {}
        self.memo[id(node)] = mapping
        lines = self.doc.lines
        for key_node, value_node in node.value:
            key = self.child(key_node, here + ("<kunci>",))
            if isinstance(key, (list, dict)):
                raise yaml.constructor.ConstructorError(
                    None, None, "kunci berupa daftar/pemetaan tidak didukung", key_node.start_mark)
            line = key_node.start_mark.line + 1
            child = here + (str(key),)
            if key in mapping:
                self.doc.duplicates.append((child, line))
            lines.setdefault(child, line)
            mapping[key] = self.child(value_node, child)
        return mapping
