"""Issue 17: the step alignment's faster similarity (rapidfuzz, C) aligns the sample as difflib did.

difflib's character ratio was most of `new` on a big agenda. The new score is the true longest
common subsequence share; difflib's greedy blocks are never longer, so the score is at least
difflib's and a pair difflib matched is still matched. On every revision in the sample both
give the same rows (and so the same summaries the golden minutes quote)."""

from __future__ import annotations

from difflib import SequenceMatcher
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sopreview.domain import changes
from sopreview.domain.loader import load_sops

SOPS = Path(__file__).resolve().parents[2] / "sops"


def _difflib(a: str, b: str) -> float:
    return SequenceMatcher(a=a, b=b, autojunk=False).ratio()


def _rows(diff: changes.SopDiff) -> list[tuple[str, int | None, int | None, tuple[str, ...]]]:
    return [(c.jenis, c.lama and c.lama.nomor, c.baru and c.baru.nomor, tuple(f.field for f in c.fields))
            for c in diff.langkah]


def test_every_sample_revision_aligns_as_with_difflib(monkeypatch: pytest.MonkeyPatch) -> None:
    revisions = [p for p in load_sops(SOPS).proposals if p.sebelumnya is not None]
    assert len(revisions) >= 5
    ours = {p.id: changes.diff_sop(p.sebelumnya, p.dokumen) for p in revisions}  # type: ignore[arg-type]
    monkeypatch.setattr(changes, "_similarity", _difflib)
    before = {p.id: changes.diff_sop(p.sebelumnya, p.dokumen) for p in revisions}  # type: ignore[arg-type]
    for pid, diff in ours.items():
        assert _rows(diff) == _rows(before[pid]), pid
        assert changes.summary_text(diff) == changes.summary_text(before[pid]), pid
    assert any(diff.diubah or diff.ditambah for diff in ours.values())  # the sample has real changes


@given(st.text(alphabet="abcde mn", max_size=40), st.text(alphabet="abcde mn", max_size=40))
def test_the_score_is_never_below_difflibs(a: str, b: str) -> None:
    """So a step difflib paired is not left unpaired; below the threshold the score is 0."""
    ours, theirs = changes._similarity(a, b), _difflib(a, b)
    if theirs >= changes.MATCH_THRESHOLD:
        assert ours >= theirs - 1e-9
    assert ours == 0.0 or ours >= changes.MATCH_THRESHOLD
