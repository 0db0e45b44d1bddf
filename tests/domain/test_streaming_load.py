"""Issue 17: validation streams — one file's parsed nodes at a time, whatever the folder's size."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest

from sopreview.domain import loader
from sopreview.domain.yamlread import YamlDoc

SOPS = Path(__file__).resolve().parents[2] / "sops"


def test_at_most_a_proposal_and_its_version_in_force_are_parsed_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    alive: list[weakref.ref[YamlDoc]] = []
    most = 0
    real = loader.read_yaml

    def tracking(path: Path) -> YamlDoc:
        nonlocal most
        gc.collect()
        most = max(most, sum(1 for ref in alive if ref() is not None))
        doc = real(path)
        alive.append(weakref.ref(doc))
        return doc

    monkeypatch.setattr(loader, "read_yaml", tracking)
    result = loader.load_sops(SOPS)
    assert len(alive) >= 20 and len(result.proposals) == 14
    assert most <= 1  # when a file is read, at most the proposal that names it is still parsed


def test_keep_false_reports_the_same_and_keeps_no_proposal() -> None:
    kept, streamed = loader.load_sops(SOPS), loader.load_sops(SOPS, keep=False)
    assert streamed.proposals == [] and streamed.problems == kept.problems
    assert [pid for pid, _ in streamed.valid] == [p.id for p in kept.proposals]
    assert streamed.proposal_count == 14 and streamed.subbag_count == kept.subbag_count == 4
