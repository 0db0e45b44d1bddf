"""organisasi.yaml written with another word for a known key: the validator names the key meant.

The issue's file listed its people under ``peserta:``; validation passed with one warning and no
suggestion, every attendee was dropped, and attendance later failed with an empty choice list.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sopreview.cli import main
from sopreview.domain.loader import load_sops
from sopreview.store.errors import InvalidValue
from sopreview.store.session import Session

from .conftest import ORGANISASI


def _with_peserta(sops: Path) -> None:
    (sops / "organisasi.yaml").write_text(ORGANISASI.replace("orang:", "peserta:"), encoding="utf-8")


def test_peserta_is_an_error_that_names_orang(sops: Path) -> None:
    _with_peserta(sops)
    problems = load_sops(sops).problems
    [problem] = [p for p in problems if "peserta" in str(p)]
    assert problem.is_error
    assert "maksud Anda 'orang'?" in str(problem) and "organisasi.yaml" in str(problem)
    assert problem.line == 6  # the line of `peserta:`


@pytest.mark.parametrize("word", ["anggota", "pegawai"])
def test_other_words_for_people_get_the_same_hint(sops: Path, word: str) -> None:
    (sops / "organisasi.yaml").write_text(ORGANISASI.replace("orang:", f"{word}:"), encoding="utf-8")
    assert any("maksud Anda 'orang'?" in str(p) and p.is_error for p in load_sops(sops).problems)


def test_peserta_beside_orang_is_only_a_warning(sops: Path) -> None:
    (sops / "organisasi.yaml").write_text(ORGANISASI + "peserta:\n  - nama: Lain\n", encoding="utf-8")
    [problem] = [p for p in load_sops(sops).problems if "peserta" in str(p)]
    assert not problem.is_error and "maksud Anda 'orang'?" in str(problem)


def test_validate_exits_1_and_says_it(sops: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _with_peserta(sops)
    assert main(["validate", str(sops)]) == 1
    captured = capsys.readouterr()
    assert "maksud Anda 'orang'?" in captured.out + captured.err


def test_attendance_with_an_empty_people_list_points_back_to_the_cause(sops: Path, tmp_path: Path) -> None:
    """A file with no people at all (``orang`` is optional) still loads; attendance says why it is empty."""
    (sops / "organisasi.yaml").write_text(ORGANISASI.split("orang:")[0], encoding="utf-8")
    result = load_sops(sops)
    assert result.organisasi is not None and result.organisasi.orang == ()
    path = tmp_path / "sessions" / "rapat.json"
    with Session.create(path, result.organisasi, list(result.proposals)) as session:
        with pytest.raises(InvalidValue, match="daftar peserta kosong.*`orang:`.*peserta"):
            session.set_attendance("Budi", "hadir")
    assert main(["record", "attendance", str(path), "Budi", "hadir"]) == 2
