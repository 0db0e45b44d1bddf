"""The README stays true: its two commands are what CI runs, and every file-format key is documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from sopreview.domain.schema import (
    ORANG_FIELDS,
    ORGANISASI_FIELDS,
    PROPOSAL_FIELDS,
    STEP_FIELDS,
    SUBBAG_FIELDS,
)

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    block = README.split("```sh\n", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line.strip()]


def test_readme_opens_with_exactly_two_commands() -> None:
    assert README.startswith("```sh\n")
    commands = _commands()
    assert len(commands) == 2
    assert commands[0].endswith("sopreview demo")
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command_unchanged() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert _commands()[1] in ci.splitlines()


@pytest.mark.parametrize("key", sorted({*PROPOSAL_FIELDS, *STEP_FIELDS, *ORGANISASI_FIELDS,
                                         *SUBBAG_FIELDS, *ORANG_FIELDS}))
def test_every_file_format_key_is_documented(key: str) -> None:
    assert f"`{key}`" in README
