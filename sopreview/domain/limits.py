"""Size and nesting limits checked before a YAML or JSON file is parsed.

libyaml's parser recurses once per nesting level in C: 100,000 ``[`` kill the process with a
segfault (rc 139, no message). A cheap bound is computed first (the brackets in the text plus
the longest leading run of indentation and ``-``/``?`` markers); only a file over it is scanned
token by token, so ordinary files pay two ``str.count`` calls and one regex search.
"""

from __future__ import annotations

import re
from typing import Any

MAX_YAML_BYTES = 2_000_000
"""An SOP file is a few KB; the whole sample folder is ~60 KB."""
MAX_YAML_DEPTH = 40
MAX_YAML_ALIASES = 20
"""``*alias`` references; more could expand a small file into billions of values (``billion laughs``)."""
MAX_JSON_BYTES = 256_000_000
MAX_JSON_DEPTH = 40
"""A session nests about 8 deep; the journal's ``perubahan`` values about 6."""

_DEEP_LEAD = re.compile(r"^[ \t?-]{%d,}" % MAX_YAML_DEPTH, re.MULTILINE)


class TooLarge(ValueError):
    """The input exceeds a limit; the message says which and how to fix it."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def check_yaml_text(text: str, nbytes: int) -> None:
    """TooLarge when the text is too big, nested too deep or uses too many aliases."""
    if nbytes > MAX_YAML_BYTES:
        raise TooLarge(f"berkas terlalu besar ({nbytes:,} bita; paling besar {MAX_YAML_BYTES:,})")
    brackets = text.count("[") + text.count("{")
    if brackets < MAX_YAML_DEPTH and "&" not in text and not _DEEP_LEAD.search(text):
        return
    _scan_yaml(text)


def _scan_yaml(text: str) -> None:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    opens = (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken, yaml.BlockSequenceStartToken,
             yaml.BlockMappingStartToken)
    closes = (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken, yaml.BlockEndToken)
    depth = aliases = 0
    try:
        for token in yaml.scan(text, Loader=loader):
            if isinstance(token, opens):
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    raise TooLarge(f"bersarang terlalu dalam (lebih dari {MAX_YAML_DEPTH} tingkat)",
                                   token.start_mark.line + 1)
            elif isinstance(token, closes):
                depth -= 1
            elif isinstance(token, yaml.AliasToken):
                aliases += 1
                if aliases > MAX_YAML_ALIASES:
                    raise TooLarge(f"terlalu banyak rujukan alias `*` (lebih dari {MAX_YAML_ALIASES})",
                                   token.start_mark.line + 1)
    except yaml.YAMLError:
        return  # a syntax error: the parser reports it with its line


def check_json_bytes(nbytes: int) -> None:
    if nbytes > MAX_JSON_BYTES:
        raise TooLarge(f"berkas terlalu besar ({nbytes:,} bita; paling besar {MAX_JSON_BYTES:,})")


def json_depth_problem(data: Any) -> str | None:
    """Where parsed JSON nests deeper than MAX_JSON_DEPTH (iterative: no recursion to exhaust)."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            return f"bersarang terlalu dalam (lebih dari {MAX_JSON_DEPTH} tingkat)"
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)
    return None
