"""`sopreview validate [SOPS_DIR]`: check every proposal file and list all problems."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sopreview.cli.common import add_command


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = add_command(sub, "validate", "periksa berkas usulan SOP di SOPS_DIR (bawaan: ./sops)", run)
    parser.add_argument("sops_dir", nargs="?", default="sops", metavar="SOPS_DIR")
    parser.add_argument("--strict", action="store_true", help="peringatan juga dianggap gagal")


def run(args: argparse.Namespace) -> int:
    from sopreview.domain.loader import load_sops  # here, so other commands start without it

    result = load_sops(Path(args.sops_dir))
    for problem in result.problems:
        print(problem, file=sys.stderr if problem.is_error else sys.stdout)
    print(f"{len(result.proposals)} usulan SOP valid dalam {result.subbag_count} sub bagian "
          f"({result.files_read} berkas dibaca); {result.summary()}.")
    if result.errors or (args.strict and result.warnings):
        return 1
    return 0
