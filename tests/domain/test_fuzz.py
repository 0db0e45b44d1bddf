"""Property: whatever is in a proposal file, validation reports problems and never raises."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sopreview.domain.loader import load_sops
from sopreview.domain.schema import PROPOSAL_FIELDS, STEP_FIELDS
from sopreview.domain.yamlread import parse_yaml_bytes

from .conftest import ORGANISASI, PROPOSAL

SAMPLE = Path(__file__).resolve().parents[2] / "sops"
KEYS = st.sampled_from(sorted({*PROPOSAL_FIELDS, *STEP_FIELDS, "ya", "tidak", "x"}))
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 20), st.floats(allow_nan=False), st.text(max_size=12),
    st.dates(),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=5)),
    max_leaves=25,
)


def _check(content: bytes) -> None:
    root = Path(tempfile.mkdtemp()) / "sops"
    try:
        (root / "umum").mkdir(parents=True)
        (root / "organisasi.yaml").write_text(ORGANISASI, encoding="utf-8")
        (root / "umum" / "x.yaml").write_bytes(content)
        result = load_sops(root)
        for problem in result.problems:
            assert problem.path and problem.message and problem.hint
            str(problem)
        assert all(p.id == "umum/x" for p in result.proposals)
    finally:
        shutil.rmtree(root.parent)


COMMON = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@COMMON
@given(st.dictionaries(KEYS, VALUES, max_size=8))
def test_random_structures_never_raise(data: dict[str, Any]) -> None:
    raw = yaml.safe_dump(data, allow_unicode=True).encode("utf-8")
    _check(raw)
    # The one-pass builder that keeps line numbers gives exactly what yaml.safe_load gives.
    assert parse_yaml_bytes(raw).data == yaml.safe_load(raw)


def test_builder_equals_safe_load_on_the_sample_files() -> None:
    files = sorted(SAMPLE.rglob("*.yaml"))
    assert len(files) >= 15
    for path in files:
        raw = path.read_bytes()
        assert parse_yaml_bytes(raw).data == yaml.safe_load(raw), path


def test_builder_handles_anchors_merge_keys_and_non_string_scalars() -> None:
    raw = (b"base: &b {waktu: 5 menit, n: 3}\nstep:\n  <<: *b\n  kegiatan: x\nlist: [*b, 1, 2.5, true, null, 2022-06-16]\n"
           b"2: angka sebagai kunci\n")
    assert parse_yaml_bytes(raw).data == yaml.safe_load(raw)


@COMMON
@given(st.text(alphabet=st.sampled_from(list(" \n\t:-[]{}#&*!|>'\"%@`,?abc123")), max_size=80))
def test_random_yaml_text_never_raises(text: str) -> None:
    _check(text.encode("utf-8"))


@COMMON
@given(st.binary(max_size=60), st.integers(0, len(PROPOSAL)))
def test_random_bytes_spliced_into_a_valid_file_never_raise(noise: bytes, at: int) -> None:
    raw = PROPOSAL.encode("utf-8")
    _check(raw[:at] + noise + raw[at:])


def test_recursive_alias_does_not_hang() -> None:
    _check(b"nama: &a [*a]\nlangkah: &b {x: *b}\n")
