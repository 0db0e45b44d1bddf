"""One scripted sample session per test run, shared read-only by the minutes tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sopreview.minutes.formats import format_keys
from sopreview.minutes.export import render_minutes
from sopreview.store.session import Session
from tests.minutes.scenario import create_sample_session


@pytest.fixture(scope="session")
def sample_session_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sesi") / "rapat-sop-2022.json"
    create_sample_session(path).close()
    return path


@pytest.fixture(scope="session")
def sample_session(sample_session_path: Path) -> Iterator[Session]:
    session = Session.open(sample_session_path, readonly=True)
    yield session
    session.close()


@pytest.fixture(scope="session")
def rendered(sample_session: Session) -> dict[str, bytes]:
    """The sample meeting in every format (rendered once)."""
    return {fmt: render_minutes(sample_session, fmt) for fmt in format_keys()}
