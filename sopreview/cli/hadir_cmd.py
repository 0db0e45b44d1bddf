"""`sopreview daftar-hadir SESI`: the attendance sheet to sign, printed before the meeting."""

from __future__ import annotations

import argparse
from pathlib import Path

from sopreview.cli.common import add_option, add_command


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = add_command(
        sub, "daftar-hadir",
        "Cetak daftar hadir untuk ditandatangani (No · Nama · Jabatan/Unit · Tanda tangan) dari berkas sesi.",
        run_hadir)
    parser.add_argument("session", metavar="SESI", help="nama sesi (-> sessions/NAMA.json) atau berkas .json")
    parser.add_argument("--format", "-f", action="append", choices=("pdf", "html", "docx"), default=None,
                        help="pdf (bawaan), html atau docx; boleh berulang")
    add_option(parser, "--guests", dest="tamu", type=int, default=5, metavar="N", help="baris kosong untuk tamu (bawaan 5)")
    add_option(parser, "--paper", dest="kertas", choices=("A4", "F4", "a4", "f4"), default=None,
                        help="A4 atau F4, tegak; bawaan: `kertas` di organisasi.yaml, selain itu A4")
    parser.add_argument("-o", "--output", type=Path, default=None,
                        help="berkas atau folder tujuan (bawaan: <sesi>-daftar-hadir.<format> di samping berkas sesi)")


def run_hadir(args: argparse.Namespace) -> int:
    from sopreview.cli.plumbing import EXIT_VALUE, existing_session, report_written
    from sopreview.documents.hadir import write_sheet

    path = existing_session(args.session, lambda p: f"Berkas sesi '{p}' tidak ditemukan.")
    if path is None:
        return EXIT_VALUE
    return report_written(lambda: write_sheet(path, args.format or ["pdf"], args.output,
                                              kertas_flag=args.kertas.upper() if args.kertas else None,
                                              blank=args.tamu))
