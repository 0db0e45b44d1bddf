"""The layers are a contract (import-linter, in pyproject.toml): domain → store | minutes → demo → ui → cli.

The hygiene test beside this one checks what is loaded at run time (no textual below the UI);
this one checks every import statement, including ones that only run inside a function.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _lint(config: Path) -> subprocess.CompletedProcess[str]:
    lint = Path(sys.executable).with_name("lint-imports")
    return subprocess.run([str(lint), "--config", str(config), "--no-cache"], cwd=ROOT,
                          capture_output=True, text=True)


def test_layer_contract_holds() -> None:
    proc = _lint(ROOT / "pyproject.toml")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    assert "Contracts: 1 kept, 0 broken" in proc.stdout


def test_contract_catches_an_upward_import(tmp_path: Path) -> None:
    """The same contract on a copy of the package where the domain imports the UI must fail."""
    import shutil

    copy = tmp_path / "src"
    shutil.copytree(ROOT / "sopreview", copy / "sopreview", ignore=shutil.ignore_patterns("__pycache__"))
    bad = copy / "sopreview" / "domain" / "dates.py"
    bad.write_text(bad.read_text(encoding="utf-8") + "\nfrom sopreview.ui import fmt  # noqa\n", encoding="utf-8")
    config = tmp_path / "pyproject.toml"
    config.write_text((ROOT / "pyproject.toml").read_text(encoding="utf-8"), encoding="utf-8")
    lint = Path(sys.executable).with_name("lint-imports")
    proc = subprocess.run([str(lint), "--config", str(config), "--no-cache"], cwd=copy,
                          capture_output=True, text=True, env={"PYTHONPATH": str(copy), "PATH": ""})
    assert proc.returncode != 0, proc.stdout
    assert "sopreview.domain.dates -> sopreview.ui.fmt" in proc.stdout
