"""One sanitiser for text that came from a file or a keyboard: control characters never pass.

A proposal named ``"SOP \\e]0;PWNED\\a"`` would rename the terminal, clear the agenda or (OSC 52)
write the clipboard wherever it is printed raw. Control characters (C0 except tab and newline,
DEL, C1 — ESC among them) are therefore refused where files are checked (``find_control``),
dropped from what a user types (``strip_controls``) and shown as ``\\x1b`` wherever text reaches
a terminal, a file or a document (``visible``), so nothing is hidden and nothing is executed.
"""

from __future__ import annotations

import re
from typing import Any

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""C0 except tab (\\x09) and newline (\\x0a), DEL, and C1 (ESC is \\x1b, CSI \\x9b)."""


def find_control(text: str) -> str | None:
    """The first control character in ``text``, spelled visibly (``\\x1b``), or None."""
    match = CONTROL.search(text)
    return _escape(match) if match else None


def visible(text: str) -> str:
    """``text`` with each control character replaced by its escape (``\\x1b``): inert, yet noticed."""
    return CONTROL.sub(_escape, text) if CONTROL.search(text) else text


def strip_controls(text: str) -> str:
    """``text`` without control characters (for what a user types; tab and newline stay)."""
    return CONTROL.sub("", text)


def visible_tree(value: Any) -> Any:
    """Strings anywhere in nested lists/dicts made ``visible`` (keys too); other values as they are."""
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, list):
        return [visible_tree(v) for v in value]
    if isinstance(value, tuple):
        return tuple(visible_tree(v) for v in value)
    if isinstance(value, dict):
        return {visible_tree(k): visible_tree(v) for k, v in value.items()}
    return value


def strip_tree(value: Any) -> Any:
    """Strings anywhere in nested lists/dicts with control characters dropped (what gets stored)."""
    if isinstance(value, str):
        return strip_controls(value) if CONTROL.search(value) else value
    if isinstance(value, list):
        return [strip_tree(v) for v in value]
    if isinstance(value, dict):
        return {strip_tree(k): strip_tree(v) for k, v in value.items()}
    return value


def _escape(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group(0)):02x}"
