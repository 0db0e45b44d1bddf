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


def _two_proposals_naming_one_version(tmp_path: Path, break_it: bool) -> Path:
    import shutil

    sops = tmp_path / "sops"
    shutil.copytree(SOPS, sops)
    source = sops / "hukum-sdm" / "penyusunan-keputusan.yaml"
    text = source.read_text(encoding="utf-8")
    (source.parent / "penyusunan-keputusan-2.yaml").write_text(text.replace("nama: ", "nama: Salinan ", 1),
                                                               encoding="utf-8")
    if break_it:
        berlaku = sops / "hukum-sdm" / "berlaku" / "penyusunan-keputusan.yaml"
        text = berlaku.read_text(encoding="utf-8").replace("    pelaksana: Staf Hukum\n", "    pelaksana: Staf Entah\n", 1)
        berlaku.write_text(text, encoding="utf-8")  # an actor not in `pelaksana`: a problem each time
    return sops


@pytest.mark.parametrize("break_it", [False, True], ids=["clean", "broken"])
def test_a_version_in_force_named_twice_is_parsed_once_and_reported_alike(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, break_it: bool) -> None:
    """Issue 17: a folder where many proposals name the same file read it once per proposal.
    Kept only while it parsed clean, so what is reported is what re-reading it reported."""
    sops = _two_proposals_naming_one_version(tmp_path, break_it)
    target = sops / "hukum-sdm" / "berlaku" / "penyusunan-keputusan.yaml"
    reads: list[Path] = []
    real = loader.read_yaml
    monkeypatch.setattr(loader, "read_yaml", lambda path: reads.append(path) or real(path))
    cached = loader.load_sops(sops)
    monkeypatch.setattr(loader, "IN_FORCE_KEPT", 0)
    reads_cached = reads.count(target)
    fresh = loader.load_sops(sops)
    assert cached.problems == fresh.problems and cached.proposals == fresh.proposals
    assert (reads_cached, reads.count(target) - reads_cached) == ((2, 2) if break_it else (1, 2))
    assert len([p for p in cached.proposals if p.id.startswith("hukum-sdm/penyusunan-keputusan")]) == (0 if break_it else 2)
    assert any("Staf Entah" in str(p) for p in cached.problems) == break_it
