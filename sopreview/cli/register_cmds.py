"""After the meeting: ``tetapkan`` (apply), ``daftar`` (register), ``riwayat`` (history), ``status``.

``tetapkan`` shows its plan unless ``--apply`` is given; every write to ``sops/`` is one
all-or-nothing change, and an interrupted one is finished (or discarded) by the next run,
which says so. Exit codes as for the session commands: 0 done, 1 refused or a file problem,
2 a bad value, 3 the session is held by another process.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from typing import TYPE_CHECKING

from sopreview.cli.common import add_option, add_command
from sopreview.cli.plumbing import EXIT_FILE, EXIT_VALUE, UsageError, guarded, open_session, session_path

if TYPE_CHECKING:
    from sopreview.lifecycle.folder import RegisterFolder

EXPORT_FORMATS: tuple[str, ...] = ("md", "html", "docx", "csv", "pdf")
"""The keys of ``sopreview.register.export.FORMATS`` (kept here so ``--help`` loads nothing; a test checks)."""


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = add_command(sub, "tetapkan", "terapkan keputusan rapat ke folder SOP: nomor, revisi, versi berlaku, arsip "
                    "(tanpa --apply: hanya rencana)", guarded(run_tetapkan))
    p.add_argument("session", metavar="SESI", help="nama sesi (-> sessions/NAMA.json) atau berkas .json")
    add_option(p, "--date", dest="tanggal", required=True, metavar="YYYY-MM-DD",
                   help="tanggal penetapan (= Tanggal Efektif, dan Tanggal Revisi untuk revisi)")
    add_option(p, "--apply", dest="terapkan", action="store_true",
                   help="tulis rencananya ke folder SOP (bawaan: hanya tampilkan)")
    p.add_argument("--dry-run", action="store_true", help="hanya tampilkan rencana (bawaan)")
    add_option(p, "--perbaikan-done", dest="perbaikan_selesai", action="append", default=[],
                   metavar="USULAN",
                   help="tandai perbaikan usulan 'disetujui dengan perbaikan' sudah dikerjakan pada berkasnya")
    p.add_argument("--sops", type=Path, default=None, help="folder SOP (bawaan: folder saat sesi dibuat)")

    d = add_command(sub, "daftar", "Daftar SOP yang berlaku: nomor, nama, sub bagian, revisi, status",
                    guarded(run_daftar))
    d.add_argument("sops_dir", nargs="?", default="sops", type=Path, metavar="SOPS_DIR")
    d.add_argument("--format", "-f", choices=EXPORT_FORMATS, default=None,
                   help="tulis ke berkas: md, html, docx, csv atau pdf (lampiran keputusan)")
    d.add_argument("-o", "--output", type=Path, default=None, help="berkas tujuan (bawaan: daftar-sop.<format>)")
    add_option(d, "--due", dest="jatuh_tempo", action="store_true",
               help="hanya SOP yang monitoringnya lewat waktu atau jatuh tempo dalam 30 hari")
    add_option(d, "--as-of", dest="per", default=None, metavar="YYYY-MM-DD",
               help="tanggal acuan untuk --due (bawaan: hari ini)")

    r = add_command(sub, "riwayat", "riwayat satu SOP: setiap versi, siapa menetapkannya dan kapan, perubahannya",
                    guarded(run_riwayat))
    r.add_argument("sop", metavar="SOP", help="id SOP, mis. hukum-sdm/jdih")
    r.add_argument("--sops", type=Path, default=Path("sops"))

    s = add_command(sub, "status", "catat perubahan status SOP berlaku (berlaku | perlu_revisi | dicabut)",
                    guarded(run_status))
    s.add_argument("sop", metavar="SOP", help="id SOP, mis. hukum-sdm/jdih")
    s.add_argument("status", metavar="STATUS")
    add_option(s, "--reason", dest="alasan", required=True, help="alasan perubahan status")
    add_option(s, "--date", dest="tanggal", required=True, metavar="YYYY-MM-DD")
    add_option(s, "--meeting", dest="rapat", default="", help="nama sesi rapat yang memutuskan (bila ada)")
    s.add_argument("--sops", type=Path, default=Path("sops"))


def _recover(sops_dir: Path) -> None:
    from sopreview.lifecycle.transaction import recover

    message = recover(sops_dir)
    if message:
        print(f"pemulihan: {message}", file=sys.stderr)


def run_tetapkan(args: argparse.Namespace) -> int:
    from sopreview.domain.loader import load_sops
    from sopreview.domain.records import proposal_hash
    from sopreview.lifecycle.apply import build_plan, check_date, execute, follow_ups, session_results, session_view
    from sopreview.lifecycle.folder import read_folder
    from sopreview.store.penetapan import mark_perbaikan_done, record_applied

    error = check_date(args.tanggal)
    if error:
        raise UsageError(error)
    if args.dry_run and args.terapkan:
        raise UsageError("--dry-run dan --apply tidak bisa bersamaan; pilih salah satu")
    path = session_path(args.session)
    writing = args.terapkan or bool(args.perbaikan_selesai)
    with open_session(str(path), readonly=not writing) as session:
        sops_dir = args.sops or session.sops_dir
        if sops_dir is None or not Path(sops_dir).is_dir():
            raise UsageError(f"folder SOP {sops_dir} tidak ditemukan; sebutkan dengan --sops")
        sops_dir = Path(sops_dir)
        _recover(sops_dir)
        loaded = load_sops(sops_dir)
        current = {p.id: p for p in loaded.proposals}
        for pid in args.perbaikan_selesai:
            decision = session.decision(pid)
            if decision is None or decision.keputusan != "disetujui_dengan_perbaikan":
                raise UsageError(f"{pid}: keputusannya bukan 'disetujui dengan perbaikan'")
            if pid not in current:
                print(f"galat: {sops_dir / session.proposal(pid).sumber}: tidak ada atau tidak valid; "
                      "perbaiki dulu (`sopreview validate`)", file=sys.stderr)
                return EXIT_FILE
            mark_perbaikan_done(session, pid, proposal_hash(current[pid]))
            print(f"Perbaikan {pid} ditandai selesai (isi berkas saat ini yang akan ditetapkan).")
        plan = build_plan(session_view(session), sops_dir, args.tanggal, loaded=loaded)
        print(f"Rencana penetapan: {plan.judul or plan.rapat} ({path}), tanggal {plan.tanggal}")
        for line in plan.lines():
            print("  " + line)
        if plan.refusals:
            print("\nTidak diterapkan; perbaiki dulu:", file=sys.stderr)
            for refusal in plan.refusals:
                print(f"  {refusal}", file=sys.stderr)
            return EXIT_FILE
        if not args.terapkan:
            print(f"\n{len(plan.changes)} usulan akan diterapkan. Jalankan lagi dengan --apply "
                  "(--apply) untuk menulisnya.")
            return 0
        execute(plan)
        folder = read_folder(sops_dir)
        record_applied(session, session_results(plan, folder.events), plan.tanggal)
        for pid, apa in follow_ups(plan, session.proposals()):
            if not any(a.apa == apa for a in session.actions(pid)):
                sub = session.organisasi.subbag_by_kode(session.proposal(pid).subbag)
                session.add_action(pid, apa, sub.kepala if sub is not None and sub.kepala else "Kepala sub bagian",
                                   "sebelum rapat evaluasi berikutnya")
                print(f"Tindak lanjut dicatat: {apa}")
        if plan.changes:
            print(f"\nDiterapkan: {len(plan.changes)} usulan; folder {sops_dir} diperbarui dalam satu langkah.")
        else:
            print("\nTidak ada yang perlu diterapkan; folder tidak diubah.")
    return 0


def run_daftar(args: argparse.Namespace) -> int:
    from sopreview.lifecycle.folder import read_folder

    sops_dir = Path(args.sops_dir)
    if not sops_dir.is_dir():
        raise UsageError(f"folder SOP {sops_dir} tidak ditemukan")
    _recover(sops_dir)
    folder = read_folder(sops_dir)
    for problem in folder.problems:
        print(problem, file=sys.stderr)
    fmt = args.format or (args.output.suffix.lstrip(".").lower() if args.output else None)
    if args.jatuh_tempo:
        if fmt is not None:
            raise UsageError("--due mencetak daftar ke layar; untuk formulirnya: sopreview monitoring form --due")
        return _print_due(folder, args.per)
    if fmt is None:
        from sopreview.register.text import register_text

        problems = len(folder.problems)
        register = folder.register_with_monitoring()
        for problem in folder.problems[problems:]:
            print(problem, file=sys.stderr)
        print(register_text(register, _organisasi_name(sops_dir)))
        return 0
    register = folder.register()
    if fmt not in EXPORT_FORMATS:
        raise UsageError(f"format {fmt!r} tidak dikenal; pilih: {', '.join(EXPORT_FORMATS)}")
    from sopreview.minutes.export import ExportError
    from sopreview.register.export import write_register

    output = args.output or Path(f"daftar-sop.{fmt}")
    try:
        written = write_register(register, fmt, output, instansi=_organisasi_name(sops_dir), protected=sops_dir)
    except ExportError as exc:
        print(f"galat: {exc}", file=sys.stderr)
        return EXIT_FILE
    print(f"Daftar SOP ditulis: {written} ({len(register.rows)} SOP)")
    return 0


def _print_due(folder: RegisterFolder, per: str | None) -> int:
    """``daftar --due``: SOPs whose monitoring is overdue or falls due within the window, most overdue first."""
    from sopreview.cli.monitoring_cmd import _Usage, as_of
    from sopreview.domain.dates import tanggal_teks
    from sopreview.domain.monitoring import DUE_WINDOW_DAYS, due_list
    from sopreview.lifecycle.folder import monitored_sops

    try:
        today = as_of(per)
    except _Usage as exc:
        raise UsageError(str(exc)) from None
    latest = folder.latest_monitoring()
    for problem in folder.problems:
        print(problem, file=sys.stderr)
    due = due_list(monitored_sops(folder), latest, today, folder.monitoring_months)
    print(f"Monitoring SOP jatuh tempo per {tanggal_teks(today.isoformat())} (setiap {folder.monitoring_months} "
          f"bulan; termasuk yang jatuh tempo dalam {DUE_WINDOW_DAYS} hari): {len(due)} dari {len(folder.in_force)} SOP")
    for item in due:
        when = tanggal_teks(item.jatuh_tempo.isoformat()) if item.jatuh_tempo else "segera"
        state = (f"lewat {item.lewat_hari} hari" if item.lewat_hari > 0 else "hari ini" if item.lewat_hari == 0
                 else f"dalam {-item.lewat_hari} hari") if item.jatuh_tempo else "belum pernah"
        last = f"terakhir {tanggal_teks(item.terakhir)}" if item.terakhir else "belum pernah dimonitor"
        print(f"  {item.sop_id}: jatuh tempo {when} ({state}) · {last}")
        print(f"      {item.nomor or '-'}  {item.nama}")
    return 0


def _organisasi_name(sops_dir: Path) -> str:
    from sopreview.domain.yamlread import YamlReadError, read_yaml

    try:
        data = read_yaml(sops_dir / "organisasi.yaml").data
    except YamlReadError:
        return ""
    return str(data.get("nama", "")) if isinstance(data, dict) else ""


def run_riwayat(args: argparse.Namespace) -> int:
    from sopreview.lifecycle.history import sop_history

    sops_dir = Path(args.sops)
    _recover(sops_dir)
    history = sop_history(sops_dir, args.sop)
    if history is None:
        raise UsageError(f"SOP {args.sop!r} tidak ada di {sops_dir} (lihat `sopreview daftar`)")
    from sopreview.lifecycle.history import history_lines

    for line in history_lines(history):
        print(line)
    return 0


def run_status(args: argparse.Namespace) -> int:
    from sopreview.domain.register import STATUS, STATUSES, Event
    from sopreview.lifecycle.apply import check_date
    from sopreview.lifecycle.folder import EVENTS_FILE, read_folder
    from sopreview.lifecycle.transaction import Transaction

    status = args.status.strip().lower().replace(" ", "_").replace("-", "_")
    if status not in STATUSES:
        print(f"galat: status {args.status!r} tidak dikenal; pilih: {', '.join(STATUSES)}", file=sys.stderr)
        return EXIT_VALUE
    error = check_date(args.tanggal)
    if error:
        raise UsageError(error)
    sops_dir = Path(args.sops)
    _recover(sops_dir)
    folder = read_folder(sops_dir)
    if args.sop not in {f.sop_id for f in folder.in_force}:
        raise UsageError(f"SOP {args.sop!r} tidak ada di {sops_dir} (lihat `sopreview daftar`)")
    event = Event(STATUS, sop=args.sop, status=status, alasan=args.alasan, tanggal=args.tanggal, rapat=args.rapat)
    tx = Transaction(sops_dir)
    tx.write(EVENTS_FILE, folder.events_with([event]))
    tx.commit()
    print(f"Status {args.sop}: {status} ({args.tanggal}) dicatat di {sops_dir / EVENTS_FILE}")
    return 0
