"""One registry of export formats: adding an entry reaches the CLI, the renderer and the suffix check."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from sopreview.cli import build_parser
from sopreview.minutes import formats
from sopreview.minutes.export import ExportError, export_format, render_minutes, suffix_problem
from sopreview.store.session import Session

TXT = formats.ExportFormat("txt", "Teks biasa", "sopreview.minutes.markdown", needs_changes=False, binary=False)


@pytest.fixture
def with_txt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(formats, "FORMATS", (*formats.FORMATS, TXT))


def _export_parser() -> argparse.ArgumentParser:
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return sub.choices["export"]


def test_registry_lists_every_renderer_once() -> None:
    keys = formats.format_keys()
    assert keys == ("md", "html", "docx", "csv", "pdf") and len(set(keys)) == len(keys)
    for entry in formats.FORMATS:
        assert callable(entry.renderer())
    assert [f.key for f in formats.FORMATS if f.binary] == ["docx", "pdf"]
    assert [f.key for f in formats.FORMATS if not f.needs_changes] == ["csv"]


def test_a_new_entry_reaches_cli_renderer_and_suffix_check(with_txt: None, sample_session: Session) -> None:
    (fmt_action,) = [a for a in _export_parser()._actions if a.dest == "format"]
    assert "txt" in fmt_action.choices
    assert b"# NOTULEN RAPAT" in render_minutes(sample_session, "txt")
    assert "Teks biasa" in (suffix_problem("md", Path("notulen.txt")) or "")


def test_unknown_format_is_refused_with_the_choices() -> None:
    with pytest.raises(ExportError, match="md, html, docx, csv, pdf"):
        export_format("odt")
