"""Golden files for the scripted sample meeting, and byte-for-byte determinism.

Regenerate after an intended change (then review the diff before committing):

    SOPREVIEW_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/minutes -q
"""

from __future__ import annotations

import difflib
import os
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from sopreview.minutes.formats import format_keys
from sopreview.minutes.export import render_minutes
from sopreview.store.session import Session
from tests.minutes.readers import docx_dump, open_docx
from tests.minutes.scenario import GOLDEN, SAMPLE_SOPS, create_sample_session

UPDATE = os.environ.get("SOPREVIEW_UPDATE_GOLDEN") == "1"


def check_golden(name: str, actual: bytes) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_bytes(actual)
        return
    assert path.exists(), f"{path} belum ada; buat dengan SOPREVIEW_UPDATE_GOLDEN=1"
    expected = path.read_bytes()
    if actual != expected:
        diff = difflib.unified_diff(
            expected.decode("utf-8-sig", "replace").splitlines(),
            actual.decode("utf-8-sig", "replace").splitlines(),
            f"golden/{name}", "sekarang", lineterm="", n=1,
        )
        pytest.fail(f"{name} berbeda dari golden file (SOPREVIEW_UPDATE_GOLDEN=1 untuk memperbarui):\n"
                    + "\n".join(list(diff)[:80]))


@pytest.mark.parametrize(("fmt", "name"), [("md", "notulen.md"), ("html", "notulen.html"), ("csv", "notulen.csv")])
def test_text_formats_match_golden(rendered: dict[str, bytes], fmt: str, name: str) -> None:
    check_golden(name, rendered[fmt])


def test_docx_text_matches_golden(rendered: dict[str, bytes]) -> None:
    check_golden("notulen.docx.txt", docx_dump(open_docx(rendered["docx"])).encode("utf-8"))


def test_same_session_gives_same_bytes(tmp_path: Path, rendered: dict[str, bytes]) -> None:
    """A second session file built by the same script, on another path and at another time."""
    other = create_sample_session(tmp_path / "lain" / "salinan.json", clock=lambda: datetime.now().astimezone())
    try:
        again = {fmt: render_minutes(other, fmt) for fmt in format_keys()}
    finally:
        other.close()
    for fmt in format_keys():
        assert again[fmt] == rendered[fmt], fmt


def test_docx_zip_entries_have_fixed_timestamps(rendered: dict[str, bytes]) -> None:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(rendered["docx"])) as z:
        infos = z.infolist()
        assert {i.date_time for i in infos} == {(2022, 6, 16, 0, 0, 0)}
        names = [i.filename for i in infos]
        assert names[0] == "[Content_Types].xml"
        assert names[1:] == sorted(names[1:])
        assert "docProps/thumbnail.jpeg" not in names
        assert z.testzip() is None


def test_minutes_use_the_snapshot_when_sops_change(tmp_path: Path, rendered: dict[str, bytes]) -> None:
    """Editing sops/ after the meeting must not rewrite what the meeting saw."""
    sops = tmp_path / "sops"
    shutil.copytree(SAMPLE_SOPS, sops)
    path = tmp_path / "rapat.json"
    create_sample_session(path, sops_dir=sops).close()
    target = sops / "keuangan-umum-logistik" / "surat-masuk.yaml"
    target.write_text(target.read_text(encoding="utf-8").replace(
        "nama: SOP Surat Masuk", "nama: SOP Surat Masuk Elektronik"), encoding="utf-8")
    (sops / "keuangan-umum-logistik" / "pengontrolan.yaml").unlink()
    with Session.open(path, readonly=True) as session:
        assert set(session.changed_since_snapshot(sops)) == {
            "keuangan-umum-logistik/surat-masuk", "keuangan-umum-logistik/pengontrolan"}
        assert render_minutes(session, "md") == rendered["md"]
        assert render_minutes(session, "csv") == rendered["csv"]
