"""Fixtures of the store tests: a fresh session on the small meeting of builders.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sopreview.store.session import Session
from tests.store.builders import ORGANISASI, PROPOSALS, FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def session_path(tmp_path: Path) -> Path:
    return tmp_path / "sessions" / "rapat.json"


@pytest.fixture
def session(session_path: Path, clock: FakeClock) -> Iterator[Session]:
    s = Session.create(session_path, ORGANISASI, PROPOSALS, clock=clock)
    yield s
    s.close()
