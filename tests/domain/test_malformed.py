"""Each malformed input gives a problem naming the exact file, line and field, with a hint."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from sopreview.cli import main
from sopreview.domain.loader import load_sops

from .conftest import PROPOSAL

FILE = "umum/surat-masuk.yaml"


@dataclass(frozen=True)
class Case:
    name: str
    content: str | bytes | None  # new content of FILE (None: leave it)
    file: str  # file the problem must name, relative to sops/
    line: int | None
    field: str
    fragment: str
    severity: str = "error"
    extra: tuple[tuple[str, str | bytes | None], ...] = ()  # other files to write (None: delete)


def edit(old: str, new: str) -> str:
    assert old in PROPOSAL, old
    return PROPOSAL.replace(old, new, 1)


CASES = [
    Case("unknown jenis", edit("jenis: baru", "jenis: barux"), FILE, 2, "jenis", "jenis 'barux' tidak dikenal"),
    Case("step actor not in pelaksana", edit("surat\n    pelaksana: Staf\n    lanjut", "surat\n    pelaksana: Sekretaris\n    lanjut"),
         FILE, 15, "langkah[3].pelaksana", "pelaksana 'Sekretaris' tidak ada"),
    Case("decision to missing step", edit("{lengkap: 4, tidak: 3}", "{lengkap: 9, tidak: 3}"),
         FILE, 13, "langkah[2].keputusan.lengkap", "langkah 9 tidak ada"),
    Case("lanjut to missing step", edit("lanjut: 1", "lanjut: 0"), FILE, 16, "langkah[3].lanjut", "langkah 0 tidak ada"),
    Case("lanjut to itself", edit("lanjut: 1", "lanjut: 3"), FILE, 16, "langkah[3].lanjut", "menunjuk dirinya sendiri"),
    Case("flow never reaches the end", edit("{lengkap: 4, tidak: 3}", "{lengkap: 3, tidak: 1}"),
         FILE, 8, "langkah", "tidak pernah sampai ke langkah selesai"),
    Case("perbaikan without sebelumnya", edit("jenis: baru", "jenis: perbaikan"), FILE, 2, "jenis",
         "tidak menyebut versi yang berlaku"),
    Case("unknown top-level key", edit("pengusul:", "pengusull:"), FILE, 3, "pengusull",
         "kolom 'pengusull' tidak dikenal", severity="warning"),
    Case("unknown step key", edit("lanjut: 1", "lanjt: 1"), FILE, 16, "langkah[3].lanjt",
         "kolom 'lanjt' tidak dikenal", severity="warning"),
    Case("durasi not a number", edit("durasi_menit: 10", "durasi_menit: sepuluh"), FILE, 4, "durasi_menit",
         "harus berupa bilangan bulat"),
    Case("pelaksana not a list", edit("pelaksana:\n  - Staf\n  - Kasubbag\n", "pelaksana: Staf\n"), FILE, 5,
         "pelaksana", "harus berupa daftar"),
    Case("empty file", "", FILE, 1, "", "berkas kosong"),
    Case("only comments", "# nanti diisi\n\n", FILE, 1, "", "berkas kosong"),
    Case("non-UTF-8 bytes", PROPOSAL.replace("Budi", "B\udcffdi").encode("utf-8", "surrogateescape"), FILE, 3, "",
         "bukan teks UTF-8"),
    Case("langkah not a list", PROPOSAL.split("langkah:")[0] + "langkah: banyak\n", FILE, 8, "langkah",
         "harus berupa daftar langkah"),
    Case("step not a mapping", edit("  - kegiatan: Mengembalikan surat\n    pelaksana: Staf\n    lanjut: 1\n",
                                    "  - Mengembalikan surat\n"), FILE, 14, "langkah[3]", "harus berupa pemetaan"),
    Case("step without kegiatan", edit("  - kegiatan: Mengembalikan surat\n    pelaksana: Staf\n",
                                       "  - pelaksana: Staf\n"), FILE, 14, "langkah[3]", "kolom wajib 'kegiatan'"),
    Case("missing nama", edit("nama: SOP Surat Masuk\n", ""), FILE, 1, "", "kolom wajib 'nama'"),
    Case("decision with three answers", edit("{lengkap: 4, tidak: 3}", "{lengkap: 4, tidak: 3, mungkin: 2}"),
         FILE, 13, "langkah[2].keputusan", "tepat dua jawaban"),
    Case("decision target not a number", edit("{lengkap: 4, tidak: 3}", "{lengkap: empat, tidak: 3}"),
         FILE, 13, "langkah[2].keputusan.lengkap", "harus menunjuk nomor langkah"),
    Case("duplicate key", PROPOSAL + "nama: SOP Lain\n", FILE, 19, "nama", "ditulis dua kali"),
    Case("bad date", PROPOSAL + "tanggal_efektif: 16-06-2022\n", FILE, 19, "tanggal_efektif", "bukan tanggal YYYY-MM-DD"),
    Case("sebelumnya file missing", edit("jenis: baru", "jenis: perbaikan") + "sebelumnya: berlaku/x.yaml\n",
         FILE, 19, "sebelumnya", "tidak ditemukan"),
    Case("sebelumnya outside sops", edit("jenis: baru", "jenis: perbaikan") + "sebelumnya: ../../luar.yaml\n",
         FILE, 19, "sebelumnya", "di luar folder", extra=(("../luar.yaml", PROPOSAL),)),
    Case("subbag folder not registered", None, "lain/x.yaml", 1, "", "tidak terdaftar di organisasi.yaml",
         extra=(("lain/x.yaml", PROPOSAL.replace("SOP Surat Masuk", "SOP X")),)),
    Case("top level is a list", "- nama: SOP\n", FILE, 1, "", "harus berupa pemetaan"),
    Case("decision on the end step", PROPOSAL + "    keputusan: {ya: 1, tidak: 2}\n", FILE, 19,
         "langkah[4].keputusan", "tidak boleh berupa keputusan"),
    Case("bad YAML syntax", edit("durasi_menit: 10", "durasi_menit: [10"), FILE, 5, "", "YAML tidak valid"),
    Case("tab indentation", edit("    pelaksana: Kasubbag", "\tpelaksana: Kasubbag"), FILE, 12, "", "YAML tidak valid"),
    Case("negative revisi_ke", PROPOSAL + "revisi_ke: -1\n", FILE, 19, "revisi_ke", "paling sedikit 0"),
    Case("duplicate actor", edit("  - Kasubbag\n", "  - Staf\n"), FILE, 7, "pelaksana[2]", "ditulis dua kali"),
    Case("sampel not a boolean", PROPOSAL + "sampel: mungkin\n", FILE, 19, "sampel", "harus true atau false"),
    Case("duplicate SOP name", None, "umum/zz-salinan.yaml", 1, "nama", "sudah dipakai oleh",
         extra=(("umum/zz-salinan.yaml", PROPOSAL),)),
    Case("missing organisasi.yaml", None, "organisasi.yaml", None, "", "organisasi.yaml tidak ada",
         extra=(("organisasi.yaml", None),)),
    Case("organisasi bad YAML", None, "organisasi.yaml", 2, "", "pada baris 1",
         extra=(("organisasi.yaml", "nama: [KPU\n"),)),
    Case("organisasi subbag without kode", None, "organisasi.yaml", 3, "subbag[1]", "kolom wajib 'kode'",
         extra=(("organisasi.yaml", "nama: KPU\nsubbag:\n  - nama: Umum\n"),)),
    Case("in-force file broken", edit("jenis: baru", "jenis: perubahan") + "sebelumnya: berlaku/lama.yaml\n",
         "umum/berlaku/lama.yaml", 1, "", "kolom wajib 'langkah'",
         extra=(("umum/berlaku/lama.yaml", "nama: SOP Lama\npelaksana: [Staf]\n"),)),
    Case("inline sebelumnya with bad actor", edit("jenis: baru", "jenis: perbaikan")
         + "sebelumnya:\n  nama: Lama\n  pelaksana: [Staf]\n  langkah:\n    - {kegiatan: Mulai, pelaksana: Staf}\n"
         "    - {kegiatan: Selesai, pelaksana: Bos}\n", FILE, 24, "sebelumnya.langkah[2].pelaksana",
         "pelaksana 'Bos' tidak ada"),
]


def write(sops: Path, case: Case) -> None:
    if case.content is not None:
        target = sops / FILE
        if isinstance(case.content, bytes):
            target.write_bytes(case.content)
        else:
            target.write_text(case.content, encoding="utf-8")
    for rel, content in case.extra:
        path = sops / rel
        if content is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content) if isinstance(content, bytes) else path.write_text(content, encoding="utf-8")


def test_there_are_at_least_25_cases() -> None:
    assert len(CASES) >= 25


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_problem_names_file_line_and_field(sops: Path, case: Case, capsys: pytest.CaptureFixture[str]) -> None:
    write(sops, case)
    result = load_sops(sops)
    expected_path = (sops / case.file).as_posix()
    matching = [p for p in result.problems if case.fragment in p.message]
    assert matching, f"no problem mentions {case.fragment!r}; got:\n" + "\n".join(map(str, result.problems))
    problem = matching[0]
    assert (problem.path, problem.line, problem.field, problem.severity) == (
        expected_path, case.line, case.field, case.severity), str(problem)
    assert problem.hint, "every problem says how to fix it"
    rendered = str(problem)
    assert rendered.startswith(f"{expected_path}:{case.line}" if case.line else expected_path)
    # The CLI lists it, exits non-zero for errors, and never shows a traceback.
    code = main(["validate", str(sops)])
    out = capsys.readouterr()
    assert (code != 0) == (case.severity == "error" or bool(result.errors))
    assert "Traceback" not in out.err + out.out
    assert rendered.splitlines()[0] in out.err + out.out


def test_all_problems_are_listed_not_just_the_first(sops: Path) -> None:
    text = edit("jenis: baru", "jenis: barux").replace("durasi_menit: 10", "durasi_menit: x")
    (sops / FILE).write_text(text)
    (sops / "umum" / "b.yaml").write_text("")
    result = load_sops(sops)
    assert {(Path(p.path).name, p.field) for p in result.errors} >= {
        ("surat-masuk.yaml", "jenis"), ("surat-masuk.yaml", "durasi_menit"), ("b.yaml", "")}


def test_invalid_proposal_is_left_out_but_others_load(sops: Path) -> None:
    (sops / "umum" / "rusak.yaml").write_text(edit("SOP Surat Masuk", "SOP Rusak").replace("jenis: baru", "jenis: x"))
    result = load_sops(sops)
    assert [p.id for p in result.proposals] == ["umum/surat-masuk"]


def test_missing_sops_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "nope")]) == 1
    assert "folder SOP tidak ditemukan" in capsys.readouterr().err


def test_a_broken_organisasi_is_reported_once(sops: Path) -> None:
    (sops / "organisasi.yaml").write_text("nama: [KPU\n", encoding="utf-8")
    result = load_sops(sops)
    assert [p.path for p in result.problems if "YAML tidak valid" in p.message] == [
        (sops / "organisasi.yaml").as_posix()]
