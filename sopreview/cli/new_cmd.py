"""``new``: start a meeting from a ``sops/`` folder (through ``demo.create_session``, like the app's form)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sopreview.cli.common import add_command
from sopreview.cli.meta_cmd import meta_options, meta_values
from sopreview.cli.plumbing import EXIT_FILE, UsageError, guarded, say_warnings, session_path

SOPS_DIR = Path("sops")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = add_command(sub, "new", "buat sesi rapat baru dari folder sops/", guarded(run_new))
    p.add_argument("session", metavar="SESSION", help="nama sesi (-> sessions/NAMA.json) atau path .json")
    p.add_argument("--sops", metavar="DIR", default=str(SOPS_DIR), help="folder usulan SOP (bawaan: sops)")
    meta_options(p, new=True)
    p.add_argument("--from", dest="previous", metavar="SESI_LALU",
                   help="bawa usulan yang ditunda dari sesi sebelumnya, beserta riwayatnya")
    p.add_argument("--evaluasi", metavar="SOP", action="append",
                   help="tambahkan SOP berlaku untuk dievaluasi: 'semua', 'jatuh-tempo' (monitoring jatuh tempo), "
                        "kode sub bagian, atau id SOP (hukum-sdm/jdih); boleh diulang atau dipisah koma")


def run_new(args: argparse.Namespace) -> int:
    from sopreview.cli.evaluasi import evaluation_items
    from sopreview.demo import CannotStart, create_session
    from sopreview.domain.loader import load_sops
    from sopreview.domain.header import MeetingMeta

    path = session_path(args.session)
    if path.exists():
        raise UsageError(f"{path} sudah ada; pilih nama lain (sesi yang ada tidak ditimpa)")
    previous = session_path(args.previous) if args.previous else None
    if previous is not None and not previous.exists():
        raise UsageError(f"sesi sebelumnya {previous} tidak ditemukan")
    given = meta_values(args)
    from sopreview.domain.header import validate_meeting_times

    times = validate_meeting_times(given.get("waktu_mulai", ""), given.get("waktu_selesai", ""))
    if times:
        raise UsageError(times)
    result = load_sops(Path(args.sops))
    for problem in result.problems:
        print(problem, file=sys.stderr)
    meta = MeetingMeta.from_dict({k: v for k, v in given.items() if v})  # Session.create fills the rest
    try:
        session, _ = create_session(path, Path(args.sops), meta, carry_over_from=previous, loaded=result,
                                    evaluasi=evaluation_items(Path(args.sops), args.evaluasi or [], args.tanggal))
    except CannotStart as refused:
        why = "organisasi.yaml tidak terbaca" if refused.kind == "organisasi" else "tidak ada usulan SOP yang sah"
        print(f"galat: {args.sops}: {why}; sesi tidak dibuat", file=sys.stderr)
        return EXIT_FILE
    with session:
        total = len(session.heads())
        say_warnings(session.warnings)
        print(f"Sesi dibuat: {path} ({total} usulan)")
        if previous is not None:
            print(f"  {len(session.carried_over)} usulan ditunda dibawa dari {previous}"
                  + (f"; {len(session.skipped)} dilewati karena sudah diputuskan dan tidak berubah"
                     if session.skipped else ""))
        if result.problems:
            print(f"  {args.sops}: {result.summary()} (lihat di atas); usulan bergalat tidak masuk agenda")
    return 0
