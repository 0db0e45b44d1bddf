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

    result = load_sops(Path(args.sops_dir), keep=False)  # streaming: no Proposal kept (issue 17)
    result.problems.extend(p for p in register_problems(Path(args.sops_dir)) if p not in result.problems)
    for problem in result.problems:
        print(problem, file=sys.stderr if problem.is_error else sys.stdout)
    print(f"{result.proposal_count} usulan SOP valid dalam {result.subbag_count} sub bagian "
          f"({result.files_read} berkas dibaca); {result.summary()}.")
    if result.errors or (args.strict and result.warnings):
        return 1
    return 0


def register_problems(sops_dir: Path) -> list:  # type: ignore[type-arg]
    """Problems of the register side (pola_nomor, SOPs in force, the log) and an unfinished apply."""
    from sopreview.domain.problems import Problem
    from sopreview.lifecycle.folder import read_folder
    from sopreview.lifecycle.transaction import pending, staging_dir

    if not sops_dir.is_dir():
        return []
    problems = list(read_folder(sops_dir).problems)
    if pending(sops_dir):
        problems.append(Problem(staging_dir(sops_dir).as_posix(), None, "", "penerapan (tetapkan) terputus",
                                "jalankan `sopreview daftar` atau `sopreview tetapkan` sekali untuk "
                                "menyelesaikan atau membatalkannya"))
    return problems
