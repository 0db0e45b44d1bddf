"""Fixtures shared across the test folders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

SAMPLE_SOPS = Path(__file__).resolve().parents[1] / "sops"


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the bundled sample sops/ folder, as the current directory (what a CLI user has)."""
    shutil.copytree(SAMPLE_SOPS, tmp_path / "sops")
    monkeypatch.chdir(tmp_path)
    return tmp_path
