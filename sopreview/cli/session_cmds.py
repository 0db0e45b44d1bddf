"""Session commands: ``new``, ``sessions``, ``record ...``, ``log``, ``undo``, ``show``.

Each handler is a thin call into ``sopreview.store``; a change is on disk before exit code 0.
Exit codes: 0 done, 1 the file or the disk is the problem, 2 an invalid value (the message
lists the valid ones), 3 the session is held by another process (the message says by whom).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sopreview.cli.common import add_command, add_option, quiet_broken_pipe
from sopreview.store.files import SESSIONS_DIR, SessionFiles
from sopreview.domain.vocab import (
    attendance_keys, attendance_label, decision_kinds, decision_label, evaluation_outcomes,
)

if TYPE_CHECKING:
    from sopreview.store.session import Session

SOPS_DIR = Path("sops")
EXIT_FILE, EXIT_VALUE, EXIT_LOCKED = 1, 2, 3


class UsageError(Exception):
    """A bad argument found by a handler (exit 2)."""


META_OPTIONS: tuple[tuple[str, str, str], ...] = (
    ("--title", "judul", "JUDUL"),
    ("--date", "tanggal", "YYYY-MM-DD"),
    ("--place", "tempat", "TEMPAT"),
    ("--start", "waktu_mulai", "JJ:MM"),
    ("--end", "waktu_selesai", "JJ:MM"),
    ("--invitation", "surat_undangan", "NOMOR"),
    ("--chair", "ketua", "NAMA"),
    ("--secretary", "sekretaris", "NAMA"),
    ("--minute-taker", "notulis", "NAMA"),
    ("--opening", "pembukaan", "TEKS"),
    ("--conclusion", "kesimpulan", "TEKS"),
)
"""CLI option -> meeting header field (the label shown comes from META_LABEL)."""


def session_path(arg: str) -> Path:
    """``rapat-1`` -> ``sessions/rapat-1.json``; a path ending in ``.json`` is used as given."""
    if arg.endswith(".json"):
        return Path(arg)
    from sopreview.store.catalog import is_session_name

    if is_session_name(arg):
        return SessionFiles.named(arg).path
    raise UsageError(f"{arg!r}: sebutkan nama sesi (huruf, angka, - _ .) atau path berkas yang berakhiran .json")


def _guarded(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Turn store errors into a message on stderr and an exit code, never a traceback."""

    def run(args: argparse.Namespace) -> int:
        from sopreview.store.errors import InvalidValue, SessionError, SessionLocked, UnknownProposal

        try:
            return handler(args)
        except SessionLocked as exc:
            print(f"terkunci: {exc}", file=sys.stderr)
            return EXIT_LOCKED
        except BrokenPipeError:  # `sopreview log S | head`: the reader left; not an error
            quiet_broken_pipe()
            return 0
        except (UnknownProposal, InvalidValue, UsageError) as exc:
            print(f"galat: {exc}", file=sys.stderr)
            return EXIT_VALUE
        except SessionError as exc:
            print(f"galat: {exc}", file=sys.stderr)
            return EXIT_FILE
        except OSError as exc:
            print(f"galat: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_FILE

    return run


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = add_command(sub, "new", "buat sesi rapat baru dari folder sops/", _guarded(run_new))
    p.add_argument("session", metavar="SESSION", help="nama sesi (-> sessions/NAMA.json) atau path .json")
    p.add_argument("--sops", metavar="DIR", default=str(SOPS_DIR), help="folder usulan SOP (bawaan: sops)")
    _meta_options(p, new=True)
    p.add_argument("--from", dest="previous", metavar="SESI_LALU",
                   help="bawa usulan yang ditunda dari sesi sebelumnya, beserta riwayatnya")
    p.add_argument("--evaluasi", metavar="SOP", action="append",
                   help="tambahkan SOP berlaku untuk dievaluasi: 'semua', 'jatuh-tempo' (monitoring jatuh tempo), "
                        "kode sub bagian, atau id SOP (hukum-sdm/jdih); boleh diulang atau dipisah koma")

    p = add_command(sub, "meta", "lihat atau ubah data rapat (judul, tanggal, waktu, pimpinan, notulis, ...)",
                    _guarded(run_meta))
    p.add_argument("session", metavar="SESSION", help="nama sesi (-> sessions/NAMA.json) atau path .json")
    _meta_options(p, new=False)

    p = add_command(sub, "sessions", "daftar sesi di sebuah folder", _guarded(run_sessions))
    p.add_argument("folder", metavar="DIR", nargs="?", default=SESSIONS_DIR, type=Path, help="bawaan: sessions")

    record = sub.add_parser("record", help="catat keputusan, evaluasi, kehadiran, catatan, tindak lanjut",
                            description="Catat satu perubahan ke sesi; tersimpan di disk sebelum perintah selesai.")
    rsub = record.add_subparsers(dest="record_kind", metavar="JENIS", required=True)
    p = add_command(rsub, "decision", "catat keputusan atas satu usulan", _guarded(run_decision))
    _session_and_pid(p)
    p.add_argument("decision", metavar="KEPUTUSAN",
                   help=", ".join(k.key for k in decision_kinds()) + "; untuk SOP yang dievaluasi: "
                   + ", ".join(k.key for k in evaluation_outcomes()))
    p.add_argument("--note", default="", metavar="CATATAN",
                   help="wajib kecuali untuk " + ", ".join(k.key for k in decision_kinds() if not k.note_required))
    p = add_command(rsub, "evaluation", "catat evaluasi (kriteria Ya/Tidak)", _guarded(run_evaluation))
    _session_and_pid(p)
    p.add_argument("--answers", required=True, metavar="k1=ya,k2=tidak,...", help="jawaban per kriteria")
    add_option(p, "--note", dest="catatan", default="", metavar="CATATAN", help="catatan hasil penilaian")
    add_option(p, "--action", dest="tindakan", default="", metavar="TINDAKAN", help="tindakan yang harus diambil")
    p = add_command(rsub, "attendance", "catat kehadiran satu orang", _guarded(run_attendance))
    p.add_argument("session", metavar="SESSION")
    p.add_argument("nama", metavar="NAMA")
    p.add_argument("status", metavar="STATUS", help=", ".join(attendance_keys()))
    add_option(p, "--remark", dest="keterangan", default="", metavar="KETERANGAN")
    p = add_command(rsub, "note", "tambahkan catatan pembahasan pada satu usulan", _guarded(run_note))
    _session_and_pid(p)
    p.add_argument("text", metavar="TEKS")
    p.add_argument("--replace", action="store_true", help="ganti seluruh catatan (bawaan: tambahkan paragraf)")
    p = add_command(rsub, "action", "catat tindak lanjut (apa, siapa, kapan)", _guarded(run_action))
    _session_and_pid(p)
    p.add_argument("--what", required=True, metavar="APA")
    p.add_argument("--who", required=True, metavar="SIAPA")
    p.add_argument("--when", required=True, metavar="KAPAN", help="YYYY-MM-DD atau teks bebas")
    p = add_command(rsub, "guest", "tambahkan tamu/narasumber ke daftar peserta", _guarded(run_guest))
    p.add_argument("session", metavar="SESSION")
    p.add_argument("nama", metavar="NAMA")
    add_option(p, "--position", dest="jabatan", default="", metavar="JABATAN")
    p.add_argument("--unit", default="")

    p = add_command(sub, "log", "tampilkan log audit sesi", _guarded(run_log))
    p.add_argument("session", metavar="SESSION")
    p = add_command(sub, "undo", "batalkan perubahan terakhir (pembatalan juga dicatat)", _guarded(run_undo))
    p.add_argument("session", metavar="SESSION")
    p = add_command(sub, "show", "ringkasan sesi dalam teks biasa", _guarded(run_show))
    p.add_argument("session", metavar="SESSION")


def _meta_options(p: argparse.ArgumentParser, *, new: bool) -> None:
    from sopreview.domain.header import META_LABEL

    extra = {"tanggal": " (bawaan: hari ini)", "ketua": " (bawaan: orang berjabatan Ketua, bila hanya satu)",
             "sekretaris": " (bawaan: orang berjabatan Sekretaris, bila hanya satu)"} if new else {}
    for flag, name, metavar in META_OPTIONS:
        p.add_argument(flag, dest=name, metavar=metavar, default=None,
                       help=META_LABEL[name].lower() + extra.get(name, ""))
    add_option(p, "--agenda", dest="acara", metavar="ACARA", action="append", default=None,
                   help="satu butir acara; ulangi untuk tiap butir (menggantikan daftar acara)")


def _meta_values(args: argparse.Namespace) -> dict[str, Any]:
    """The header fields given on the command line, checked and normalised by the domain rules."""
    from sopreview.domain.header import normalize_meta, validate_meta

    values: dict[str, Any] = {name: getattr(args, name) for _flag, name, _m in META_OPTIONS
                              if getattr(args, name) is not None}
    if getattr(args, "acara", None) is not None:
        values["acara"] = list(args.acara)
    for name, value in values.items():
        error = validate_meta(name, value)
        if error:
            raise UsageError(error)
    return {name: normalize_meta(name, value) for name, value in values.items()}


def _session_and_pid(p: argparse.ArgumentParser) -> None:
    p.add_argument("session", metavar="SESSION")
    p.add_argument("proposal", metavar="USULAN", help="id usulan, mis. hukum-sdm/jdih")


def _open(arg: str, *, readonly: bool = False) -> Session:
    from sopreview.store.session import Session

    from sopreview.ui.fmt import holder_text  # the lock's ISO stamp as clock words, as the app shows it

    session = Session.open(session_path(arg), readonly=readonly)
    now = datetime.now().astimezone()
    for warning in session.warnings:
        print(f"peringatan: {holder_text(warning, now)}", file=sys.stderr)
    return session


def _write(arg: str, change: Callable[[Session], str]) -> int:
    """Apply one change; what is printed is what is on disk (notices say what is not, e.g. the log)."""
    from sopreview.store.errors import AlreadySaved

    with _open(arg) as session:
        session.take_notices()  # said once already, as warnings of the open
        try:
            print(change(session))
        except AlreadySaved as exc:
            print(f"Tidak diubah: {exc}")
        for notice in session.take_notices():
            print(f"peringatan: {notice}", file=sys.stderr)
    return 0


def operation_id(*parts: str | None) -> str:
    """The same append, asked twice (a retry after an unclear failure), gets the same id;
    the store then refuses to append it again. Different text makes a different id."""
    import hashlib

    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def _choice(value: str) -> str:
    """'Disetujui dengan perbaikan' / 'tugas-luar' -> the stored key."""
    return re.sub(r"[\s-]+", "_", value.strip().lower())


# -- handlers -------------------------------------------------------------------------
def run_new(args: argparse.Namespace) -> int:
    from sopreview.demo import CannotStart, create_session
    from sopreview.domain.loader import load_sops
    from sopreview.domain.header import MeetingMeta

    path = session_path(args.session)
    if path.exists():
        raise UsageError(f"{path} sudah ada; pilih nama lain (sesi yang ada tidak ditimpa)")
    previous = session_path(args.previous) if args.previous else None
    if previous is not None and not previous.exists():
        raise UsageError(f"sesi sebelumnya {previous} tidak ditemukan")
    given = _meta_values(args)
    from sopreview.domain.header import validate_meeting_times

    times = validate_meeting_times(given.get("waktu_mulai", ""), given.get("waktu_selesai", ""))
    if times:
        raise UsageError(times)
    result = load_sops(Path(args.sops))
    for problem in result.problems:
        print(problem, file=sys.stderr)
    meta = MeetingMeta.from_dict({k: v for k, v in given.items() if v})  # Session.create fills the rest
    from sopreview.cli.evaluasi_cmds import evaluation_items

    try:
        session, _ = create_session(path, Path(args.sops), meta, carry_over_from=previous, loaded=result,
                                    evaluasi=evaluation_items(Path(args.sops), args.evaluasi or [], args.tanggal))
    except CannotStart as refused:
        why = "organisasi.yaml tidak terbaca" if refused.kind == "organisasi" else "tidak ada usulan SOP yang sah"
        print(f"galat: {args.sops}: {why}; sesi tidak dibuat", file=sys.stderr)
        return EXIT_FILE
    with session:
        total = len(session.proposals())
        for warning in session.warnings:
            print(f"peringatan: {warning}", file=sys.stderr)
        print(f"Sesi dibuat: {path} ({total} usulan)")
        if previous is not None:
            print(f"  {len(session.carried_over)} usulan ditunda dibawa dari {previous}"
                  + (f"; {len(session.skipped)} dilewati karena sudah diputuskan dan tidak berubah"
                     if session.skipped else ""))
        if result.problems:
            print(f"  {args.sops}: {result.summary()} (lihat di atas); usulan bergalat tidak masuk agenda")
    return 0


def run_meta(args: argparse.Namespace) -> int:
    """No options: print the header; otherwise change the given fields (one logged change)."""
    from sopreview.domain.header import META_LABEL

    values = _meta_values(args)
    if not values:
        with _open(args.session, readonly=True) as session:
            current = session.meta
        width = max(len(META_LABEL[name]) for _f, name, _m in META_OPTIONS)
        for _flag, name, _m in META_OPTIONS:
            value = getattr(current, name).replace("\n", "\n" + " " * (width + 2)) or "-"
            print(f"{META_LABEL[name]:<{width}}  {value}")
        acara = "; ".join(f"{n}. {a}" for n, a in enumerate(current.acara, 1)) or "-"
        print(f"{META_LABEL['acara']:<{width}}  {acara}")
        return 0

    def change(session: Session) -> str:
        session.set_meta(**values)
        shown = {n: "; ".join(v) if isinstance(v, list) else v for n, v in values.items()}
        return "Tersimpan: " + ", ".join(f"{META_LABEL[n].lower()} = {v or '(kosong)'}" for n, v in shown.items())

    return _write(args.session, change)


def run_sessions(args: argparse.Namespace) -> int:
    from sopreview.store.catalog import list_sessions

    folder = Path(args.folder)
    if not folder.is_dir() and folder != SESSIONS_DIR:
        raise UsageError(f"{folder}: folder tidak ditemukan")
    found = list_sessions(folder)
    if not found:
        print(f"Belum ada sesi di {folder}.")
        return 0
    for s in found:
        if s.masalah:
            print(f"{s.path.name}  RUSAK: {s.masalah}")
            continue
        held = f"  [dibuka oleh {s.dipegang}]" if s.dipegang else ""
        if s.kunci_basi:
            held = f"  [kunci lama dari {s.kunci_basi}: tidak dipegang lagi, diambil alih saat dibuka]"
        print(f"{s.path.name}  {s.tanggal}  {s.judul}  ({s.decided}/{s.total} diputuskan){held}")
    return 0


def run_decision(args: argparse.Namespace) -> int:

    keputusan = _choice(args.decision)

    def change(session: Session) -> str:
        session.record_decision(args.proposal, keputusan, args.note)
        return f"Tersimpan: {session.proposal(args.proposal).nama} — {decision_label(keputusan)}"

    return _write(args.session, change)


def parse_answers(text: str) -> dict[str, bool | None]:
    from sopreview.domain.criteria import parse_answer

    answers: dict[str, bool | None] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        key, sep, value = part.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"{part!r}: tulis jawaban sebagai kriteria=ya atau kriteria=tidak, mis. k1=ya,k2=tidak")
        try:
            answers[key.strip()] = parse_answer(value)
        except ValueError as exc:
            raise UsageError(f"{key.strip()}: {exc}") from None
    return answers


def run_evaluation(args: argparse.Namespace) -> int:
    answers = parse_answers(args.answers)

    def change(session: Session) -> str:
        session.record_evaluation(args.proposal, answers, args.catatan, args.tindakan)
        evaluation = session.evaluation(args.proposal)
        assert evaluation is not None
        return f"Tersimpan: evaluasi {args.proposal} — {evaluation.ringkasan}"

    return _write(args.session, change)


def run_attendance(args: argparse.Namespace) -> int:
    """The name matches exactly, else the one participant equal to it ignoring case and spacing."""
    from sopreview.domain.records import find_name

    status = _choice(args.status)

    def change(session: Session) -> str:
        names = [o.nama for o in session.people()]
        nama = find_name(args.nama, names) or args.nama  # unknown: set_attendance lists the names
        session.set_attendance(nama, status, args.keterangan)
        return f"Tersimpan: {nama} — {attendance_label(status)}"

    return _write(args.session, change)


def run_note(args: argparse.Namespace) -> int:
    if not args.text.strip():
        raise UsageError("catatan kosong tidak disimpan; tulis isi catatannya")

    def change(session: Session) -> str:
        old = session.notes(args.proposal)
        text = args.text if args.replace or not old.strip() else f"{old.rstrip()}\n\n{args.text}"
        op = None if args.replace else operation_id("note", args.session, args.proposal, args.text)
        session.set_notes(args.proposal, text, op=op)
        return f"Tersimpan: catatan {args.proposal}"

    return _write(args.session, change)


def run_action(args: argparse.Namespace) -> int:
    def change(session: Session) -> str:
        action_id = session.add_action(args.proposal, args.what, args.who, args.when,
                                       op=operation_id("action", args.session, args.proposal, args.what,
                                                       args.who, args.when))
        return f"Tersimpan: tindak lanjut #{action_id} untuk {args.proposal}"

    return _write(args.session, change)


def run_guest(args: argparse.Namespace) -> int:
    from sopreview.domain.model import Orang

    def change(session: Session) -> str:
        session.add_guest(Orang(nama=args.nama.strip(), jabatan=args.jabatan, unit=args.unit))
        return f"Tersimpan: tamu {args.nama}"

    return _write(args.session, change)


def _short(value: Any, limit: int = 90) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def run_log(args: argparse.Namespace) -> int:
    with _open(args.session, readonly=True) as session:
        for e in session.audit_log():
            print(f"#{e.seq:<4} {e.waktu}  {e.aksi:<13} {e.ringkasan}")
            if e.aksi not in ("buat", "pulihkan"):
                print(f"       lama: {_short(e.lama)}\n       baru: {_short(e.baru)}")
    return 0


def run_undo(args: argparse.Namespace) -> int:
    with _open(args.session) as session:
        reverted = session.undo()
    if reverted is None:
        print("Tidak ada perubahan yang dapat dibatalkan.", file=sys.stderr)
        return EXIT_FILE
    print(f"Dibatalkan: #{reverted.seq} {reverted.ringkasan}")
    return 0


def run_show(args: argparse.Namespace) -> int:

    with _open(args.session, readonly=True) as session:
        print("\n".join(summary_lines(session)))
        if session.lock_holder:
            print(f"\n(sedang dibuka untuk menulis oleh {session.lock_holder})")
        counts: dict[str, int] = {}
        for a in session.attendance().values():
            counts[a.status] = counts.get(a.status, 0) + 1
        if counts:
            print("Kehadiran: " + ", ".join(f"{attendance_label(k)} {v}" for k, v in counts.items()))
    return 0


def summary_lines(session: Session) -> list[str]:
    from sopreview.domain.dates import rentang_waktu

    m = session.meta
    decided, total = session.progress()
    lines = [m.judul, f"Tanggal: {m.tanggal or '-'}   Tempat: {m.tempat or '-'}   "
             f"Waktu: {rentang_waktu(m.waktu_mulai, m.waktu_selesai) or '-'}",
             f"Berkas: {session.path}   Diputuskan: {decided}/{total}", ""]
    for n, p in enumerate(session.proposals(), 1):
        d = session.decision(p.id)
        ev = session.evaluation(p.id)
        verdict = d.label + (f" — {d.catatan}" if d.catatan else "") if d else "belum diputuskan"
        lines.append(f"{n:>3}. {p.nama} [{p.id}]: {verdict}")
        if ev is not None:
            lines.append(f"       evaluasi: {ev.ringkasan}")
        for a in session.actions(p.id):
            lines.append(f"       tindak lanjut #{a.id}: {a.apa} — {a.siapa}, {a.kapan}")
        if session.history(p.id):
            last = session.history(p.id)[-1]
            lines.append(f"       riwayat: {last.keputusan or '-'} pada {last.tanggal or '?'} ({last.sesi})")
    return lines
