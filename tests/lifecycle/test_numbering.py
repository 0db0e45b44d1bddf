"""Numbers from the office's pattern: format, sequence per year and per sub bagian, never twice."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sopreview.domain.numbering import Numbering, PatternError, parse_pattern
from sopreview.lifecycle.folder import read_folder
from tests.lifecycle.scenario import copy_sample

KPU = "{urut:02}/SOP/{kode}/35.76/{tahun}"


def test_pattern_formats_the_sample_number_and_reads_it_back() -> None:
    pattern = parse_pattern(KPU)
    assert pattern.format(5, "HK.05-SD", 2020) == "05/SOP/HK.05-SD/35.76/2020"
    match = pattern.regex().match("05/SOP/HK.05-SD/35.76/2020")
    assert match is not None and match.groupdict() == {"urut": "05", "kode": "HK.05-SD", "tahun": "2020"}
    assert pattern.per_tahun and pattern.per_kode


def test_sequence_restarts_per_year_and_per_kode() -> None:
    used = frozenset({"05/SOP/HK.05-SD/35.76/2020", "06/SOP/HK.05-SD/35.76/2020", "02/SOP/KU.01-SD/35.76/2022"})
    numbering = Numbering(parse_pattern(KPU), used)
    got = numbering.allocate([("HK.05-SD", 2020), ("HK.05-SD", 2022), ("KU.01-SD", 2022), ("HK.05-SD", 2022),
                              ("PL.02-SD", 2022)])
    assert got == ["07/SOP/HK.05-SD/35.76/2020", "01/SOP/HK.05-SD/35.76/2022", "03/SOP/KU.01-SD/35.76/2022",
                   "02/SOP/HK.05-SD/35.76/2022", "01/SOP/PL.02-SD/35.76/2022"]


def test_a_pattern_without_year_or_kode_counts_across_them() -> None:
    numbering = Numbering(parse_pattern("SOP-{urut:3}"), frozenset({"SOP-007"}))
    assert numbering.allocate([("HK", 2020), ("KU", 2023)]) == ["SOP-008", "SOP-009"]
    per_year = Numbering(parse_pattern("{urut}/SOP/{tahun}"), frozenset({"4/SOP/2021"}))
    assert per_year.allocate([("HK", 2021), ("KU", 2021), ("KU", 2022)]) == ["5/SOP/2021", "6/SOP/2021", "1/SOP/2022"]


@settings(max_examples=60, deadline=None)
@given(used=st.sets(st.tuples(st.integers(1, 40), st.sampled_from(["HK.05-SD", "KU.01-SD"]),
                              st.sampled_from([2020, 2021, 2022]))),
       requests=st.lists(st.tuples(st.sampled_from(["HK.05-SD", "KU.01-SD", "PL.02-SD"]),
                                   st.sampled_from([2021, 2022])), max_size=30))
def test_never_a_number_twice(used: set[tuple[int, str, int]], requests: list[tuple[str, int]]) -> None:
    pattern = parse_pattern(KPU)
    taken = frozenset(pattern.format(u, k, t) for u, k, t in used)
    given_numbers = Numbering(pattern, taken).allocate(requests)
    assert len(set(given_numbers)) == len(given_numbers)
    assert not set(given_numbers) & taken
    for nomor, (kode, tahun) in zip(given_numbers, requests):
        assert nomor.endswith(f"/SOP/{kode}/35.76/{tahun}")


@pytest.mark.parametrize("text,words", [
    ("{urt:02}/SOP/{kode}/{tahun}", "{urt} tidak dikenal"),
    ("SOP/{kode}/{tahun}", "tidak memuat {urut}"),
    ("{urut:02/SOP/{tahun}", "kurung kurawal"),
    ("{urut}{tahun}", "tidak berpemisah"),
    ("{urut:x}/SOP", "format"),
    ("{urut}/{tahun}/{tahun}", "dua kali"),
])
def test_bad_patterns_say_what_is_wrong(text: str, words: str) -> None:
    with pytest.raises(PatternError) as info:
        parse_pattern(text)
    assert words in info.value.message


def test_pattern_typo_is_reported_with_file_line_and_a_suggestion(tmp_path: Path) -> None:
    sops = copy_sample(tmp_path)
    org = sops / "organisasi.yaml"
    text = org.read_text(encoding="utf-8")
    assert '"{urut:02}/SOP/{kode}/35.76/{tahun}"' in text
    org.write_text(text.replace("{tahun}", "{tahn}"), encoding="utf-8")
    line = next(n for n, ln in enumerate(org.read_text(encoding="utf-8").splitlines(), 1)
                if ln.startswith("pola_nomor:"))
    folder = read_folder(sops)
    assert folder.pattern is None
    [problem] = folder.problems
    assert (problem.path, problem.line, problem.field) == (org.as_posix(), line, "pola_nomor")
    assert "{tahn} tidak dikenal" in problem.message and "{tahun}" in problem.hint


def test_missing_kode_nomor_is_reported_at_the_sub_bagian(tmp_path: Path) -> None:
    sops = copy_sample(tmp_path)
    org = sops / "organisasi.yaml"
    org.write_text(org.read_text(encoding="utf-8").replace("    kode_nomor: KU.01-SD\n", ""), encoding="utf-8")
    [problem] = read_folder(sops).problems
    assert problem.field == "subbag[3]" and "kode_nomor" in problem.message and problem.line


def test_a_sub_bagian_named_like_the_register_folder_is_reported(tmp_path: Path) -> None:
    sops = copy_sample(tmp_path)
    org = sops / "organisasi.yaml"
    org.write_text(org.read_text(encoding="utf-8").replace("  - kode: hukum-sdm\n", "  - kode: daftar\n"),
                   encoding="utf-8")
    problems = [p for p in read_folder(sops).problems if p.field == "subbag[1].kode"]
    assert len(problems) == 1 and "Daftar SOP" in problems[0].message and problems[0].line
