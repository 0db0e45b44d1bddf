"""The domain, store and minutes layers must not load textual (or rich): they serve the CLI and tests."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import sopreview

NON_UI_PACKAGES = ("sopreview.domain", "sopreview.store", "sopreview.minutes", "sopreview.documents",
                   "sopreview.lifecycle", "sopreview.register")


def _modules() -> list[str]:
    names = []
    root = Path(sopreview.__file__).parent
    for package in NON_UI_PACKAGES:
        folder = root / package.split(".", 1)[1]
        if not folder.is_dir():
            continue
        names.append(package)
        names += [m.name for m in pkgutil.walk_packages([str(folder)], prefix=f"{package}.")]
    return names


@pytest.mark.parametrize("module", _modules())
def test_module_does_not_import_textual(module: str) -> None:
    code = (f"import sys, {module}; bad = [m for m in ('textual', 'rich') if m in sys.modules]; "
            "print(','.join(bad)); sys.exit(1 if bad else 0)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, f"{module} imports {proc.stdout.strip()} {proc.stderr[-500:]}"


def test_cli_validate_does_not_import_textual() -> None:
    code = ("import sys; from sopreview.cli import build_parser; build_parser(); "
            "import sopreview.cli.validate_cmd; sys.exit('textual' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
