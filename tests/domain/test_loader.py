"""The loader on valid input: model, ids, agenda order, versions in force."""

from __future__ import annotations

from pathlib import Path

from sopreview.domain.loader import load_sops
from sopreview.domain.model import SIMBOL_KEPUTUSAN, SIMBOL_MULAI, SIMBOL_PROSES, SIMBOL_SELESAI, Proposal

REPO_SOPS = Path(__file__).resolve().parents[2] / "sops"


def test_minimal_folder_loads_cleanly(sops: Path) -> None:
    result = load_sops(sops)
    assert result.problems == []
    [proposal] = result.proposals
    assert proposal.id == "umum/surat-masuk"
    assert proposal.subbag == "umum"
    assert [s.simbol for s in proposal.dokumen.langkah] == [
        SIMBOL_MULAI, SIMBOL_KEPUTUSAN, SIMBOL_PROSES, SIMBOL_SELESAI]
    decision = proposal.dokumen.langkah[1]
    assert decision.keputusan == (("lengkap", 4), ("tidak", 3))
    assert proposal.dokumen.langkah[2].successors(4) == [("", 1)]


def test_round_trip_through_dict(sops: Path) -> None:
    [proposal] = load_sops(sops).proposals
    assert Proposal.from_dict(proposal.to_dict()) == proposal


def test_in_force_version_is_not_a_proposal(sops: Path) -> None:
    (sops / "umum" / "berlaku").mkdir()
    old = (sops / "umum" / "surat-masuk.yaml").read_text().replace("jenis: baru\n", "")
    (sops / "umum" / "berlaku" / "lama.yaml").write_text(old.replace("pengusul: Budi\ndurasi_menit: 10\n", ""))
    text = (sops / "umum" / "surat-masuk.yaml").read_text().replace("jenis: baru", "jenis: perbaikan")
    (sops / "umum" / "surat-masuk.yaml").write_text(text + "sebelumnya: berlaku/lama.yaml\n")
    result = load_sops(sops)
    assert result.problems == []
    [proposal] = result.proposals
    assert proposal.sebelumnya is not None
    assert proposal.sebelumnya.nama == "SOP Surat Masuk"


def test_agenda_order_follows_organisasi_then_urutan(sops: Path) -> None:
    org = (sops / "organisasi.yaml").read_text()
    org = org.replace("orang:", "  - kode: awal\n    nama: Sub Bagian Awal\norang:")
    # 'awal' is listed second in organisasi.yaml, so it comes after 'umum'.
    (sops / "organisasi.yaml").write_text(org)
    (sops / "awal").mkdir()
    base = (sops / "umum" / "surat-masuk.yaml").read_text()
    (sops / "awal" / "a.yaml").write_text(base.replace("SOP Surat Masuk", "SOP A"))
    (sops / "umum" / "z.yaml").write_text(base.replace("SOP Surat Masuk", "SOP Z") + "urutan: 1\n")
    result = load_sops(sops)
    assert result.errors == []
    assert [p.id for p in result.proposals] == ["umum/z", "umum/surat-masuk", "awal/a"]


def test_bundled_sample_meeting_is_clean() -> None:
    result = load_sops(REPO_SOPS)
    assert result.problems == [], "\n".join(map(str, result.problems))
    assert len(result.proposals) == 14
    assert result.subbag_count == 4
    kinds = [p.jenis for p in result.proposals]
    assert kinds.count("baru") == 8 and kinds.count("perbaikan") == 5 and kinds.count("perubahan") == 1
    for proposal in result.proposals:
        assert proposal.sampel, proposal.id
        assert 5 <= len(proposal.dokumen.langkah) <= 12, proposal.id
        assert (proposal.sebelumnya is not None) == proposal.is_revision, proposal.id
