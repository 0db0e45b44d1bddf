"""`sopreview dokumen [SUMBER]`: SOP AP documents (identity + flowchart table) as PDF, HTML or DOCX."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

from sopreview.cli.common import add_option, add_command


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = add_command(
        sub, "dokumen",
        "Cetak dokumen SOP AP (identitas + tabel flowchart) sebagai PDF, HTML atau Word, dari folder sops/ "
        "(semua RANCANGAN) atau dari berkas sesi (sesuai keputusan rapat).",
        run_dokumen)
    parser.add_argument("sumber", metavar="SUMBER", nargs="?", default="sops",
                        help="folder sops/ (bawaan: sops) atau sesi (nama sesi atau berkas .json)")
    parser.add_argument("--sop", action="append", default=[], metavar="ID",
                        help="hanya SOP ini (id usulan, mis. keuangan-umum-logistik/surat-masuk); boleh berulang")
    parser.add_argument("--format", "-f", action="append", choices=("pdf", "html", "docx"), default=None,
                        help="pdf (bawaan), html atau docx; boleh berulang")
    add_option(parser, "--bundle", dest="gabung", action="store_true",
                        help="satu berkas berisi semua SOP dengan daftar isi")
    add_option(parser, "--paper", dest="kertas", choices=("A4", "F4", "a4", "f4"), default=None,
                        help="A4 atau F4 (folio 215×330 mm), mendatar; bawaan: `kertas` di organisasi.yaml, "
                             "selain itu A4")
    add_option(parser, "--mark-changes", action="store_true", dest="tandai",
                        help="untuk perbaikan/perubahan: tandai langkah dan isian yang berubah dari versi berlaku")
    parser.add_argument("-o", "--output", type=Path, default=None,
                        help="folder tujuan (bawaan: dokumen-sop/ di samping sops/, atau <sesi>-dokumen/ di "
                             "samping berkas sesi); dengan --bundle boleh nama berkas")


def run_dokumen(args: argparse.Namespace) -> int:
    from sopreview.cli.plumbing import EXIT_FILE, EXIT_VALUE, existing_session, report_written
    from sopreview.documents.export import Source, from_folder, from_session, inside_inputs, write_documents

    raw = args.sumber
    load: Callable[[], Source]
    if Path(raw).is_dir():
        if args.output is not None:
            inside = inside_inputs(args.output if not args.gabung or not args.output.suffix
                                   else args.output.parent, Path(raw))
            if inside:
                print(inside, file=sys.stderr)
                return EXIT_FILE
        load = partial(from_folder, Path(raw))
    else:
        path = existing_session(raw, lambda p: f"'{raw}' bukan folder sops/ dan bukan berkas sesi ({p} tidak ada).")
        if path is None:
            return EXIT_VALUE
        load = partial(from_session, path)
    return report_written(lambda: write_documents(load(), args.sop, args.format or ["pdf"], args.output,
                                                  kertas_flag=args.kertas.upper() if args.kertas else None,
                                                  gabung=args.gabung, tandai=args.tandai))
