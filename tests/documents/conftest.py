"""The sample SOPs, loaded and laid out once per test run."""

from __future__ import annotations

from pathlib import Path

import pytest

from sopreview.domain.loader import load_sops
from sopreview.domain.model import Proposal
from sopreview.documents.export import Source, from_folder

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_SOPS = ROOT / "sops"


@pytest.fixture(scope="session")
def sample() -> list[Proposal]:
    return list(load_sops(SAMPLE_SOPS).proposals)


@pytest.fixture(scope="session")
def folder_source() -> Source:
    return from_folder(SAMPLE_SOPS)
