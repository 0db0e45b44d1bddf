"""``record decision|evaluation|attendance|note|action|guest``: one change to a session each,
on disk before the command exits (a retried append is recognised and not stored twice)."""

from __future__ import annotations

import argparse
import json
import re
from typing import TYPE_CHECKING

from sopreview.cli.common import add_command, add_option
from sopreview.cli.plumbing import UsageError, guarded, write_change
from sopreview.domain.vocab import attendance_keys, attendance_label, decision_kinds, decision_label, evaluation_outcomes

if TYPE_CHECKING:
    from sopreview.store.session import Session


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    record = sub.add_parser("record", help="catat keputusan, evaluasi, kehadiran, catatan, tindak lanjut",
                            description="Catat satu perubahan ke sesi; tersimpan di disk sebelum perintah selesai.")
    rsub = record.add_subparsers(dest="record_kind", metavar="JENIS", required=True)
    p = add_command(rsub, "decision", "catat keputusan atas satu usulan", guarded(run_decision))
    _session_and_pid(p)
    p.add_argument("decision", metavar="KEPUTUSAN",
                   help=", ".join(k.key for k in decision_kinds()) + "; untuk SOP yang dievaluasi: "
                   + ", ".join(k.key for k in evaluation_outcomes()))
    p.add_argument("--note", default="", metavar="CATATAN",
                   help="wajib kecuali untuk " + ", ".join(k.key for k in decision_kinds() if not k.note_required))
    p = add_command(rsub, "evaluation", "catat evaluasi (kriteria Ya/Tidak)", guarded(run_evaluation))
    _session_and_pid(p)
    p.add_argument("--answers", required=True, metavar="k1=ya,k2=tidak,...", help="jawaban per kriteria")
    add_option(p, "--note", dest="catatan", default="", metavar="CATATAN", help="catatan hasil penilaian")
    add_option(p, "--action", dest="tindakan", default="", metavar="TINDAKAN", help="tindakan yang harus diambil")
    p = add_command(rsub, "attendance", "catat kehadiran satu orang", guarded(run_attendance))
    p.add_argument("session", metavar="SESSION")
    p.add_argument("nama", metavar="NAMA")
    p.add_argument("status", metavar="STATUS", help=", ".join(attendance_keys()))
    add_option(p, "--remark", dest="keterangan", default="", metavar="KETERANGAN")
    p = add_command(rsub, "note", "tambahkan catatan pembahasan pada satu usulan", guarded(run_note))
    _session_and_pid(p)
    p.add_argument("text", metavar="TEKS")
    p.add_argument("--replace", action="store_true", help="ganti seluruh catatan (bawaan: tambahkan paragraf)")
    p = add_command(rsub, "action", "catat tindak lanjut (apa, siapa, kapan)", guarded(run_action))
    _session_and_pid(p)
    p.add_argument("--what", required=True, metavar="APA")
    p.add_argument("--who", required=True, metavar="SIAPA")
    p.add_argument("--when", required=True, metavar="KAPAN", help="YYYY-MM-DD atau teks bebas")
    p = add_command(rsub, "guest", "tambahkan tamu/narasumber ke daftar peserta", guarded(run_guest))
    p.add_argument("session", metavar="SESSION")
    p.add_argument("nama", metavar="NAMA")
    add_option(p, "--position", dest="jabatan", default="", metavar="JABATAN")
    p.add_argument("--unit", default="")


def _session_and_pid(p: argparse.ArgumentParser) -> None:
    p.add_argument("session", metavar="SESSION")
    p.add_argument("proposal", metavar="USULAN", help="id usulan, mis. hukum-sdm/jdih")


def operation_id(*parts: str | None) -> str:
    """The same append, asked twice (a retry after an unclear failure), gets the same id;
    the store then refuses to append it again. Different text makes a different id."""
    import hashlib

    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def _choice(value: str) -> str:
    """'Disetujui dengan perbaikan' / 'tugas-luar' -> the stored key."""
    return re.sub(r"[\s-]+", "_", value.strip().lower())


def run_decision(args: argparse.Namespace) -> int:
    keputusan = _choice(args.decision)

    def change(session: Session) -> str:
        session.record_decision(args.proposal, keputusan, args.note)
        return f"Tersimpan: {session.proposal(args.proposal).nama} — {decision_label(keputusan)}"

    return write_change(args.session, change)


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

    return write_change(args.session, change)


def run_attendance(args: argparse.Namespace) -> int:
    """The name matches exactly, else the one participant equal to it ignoring case and spacing."""
    from sopreview.domain.records import find_name

    status = _choice(args.status)

    def change(session: Session) -> str:
        names = [o.nama for o in session.people()]
        nama = find_name(args.nama, names) or args.nama  # unknown: set_attendance lists the names
        session.set_attendance(nama, status, args.keterangan)
        return f"Tersimpan: {nama} — {attendance_label(status)}"

    return write_change(args.session, change)


def run_note(args: argparse.Namespace) -> int:
    if not args.text.strip():
        raise UsageError("catatan kosong tidak disimpan; tulis isi catatannya")

    def change(session: Session) -> str:
        old = session.notes(args.proposal)
        text = args.text if args.replace or not old.strip() else f"{old.rstrip()}\n\n{args.text}"
        op = None if args.replace else operation_id("note", args.session, args.proposal, args.text)
        session.set_notes(args.proposal, text, op=op)
        return f"Tersimpan: catatan {args.proposal}"

    return write_change(args.session, change)


def run_action(args: argparse.Namespace) -> int:
    def change(session: Session) -> str:
        action_id = session.add_action(args.proposal, args.what, args.who, args.when,
                                       op=operation_id("action", args.session, args.proposal, args.what,
                                                       args.who, args.when))
        return f"Tersimpan: tindak lanjut #{action_id} untuk {args.proposal}"

    return write_change(args.session, change)


def run_guest(args: argparse.Namespace) -> int:
    from sopreview.domain.model import Orang

    def change(session: Session) -> str:
        session.add_guest(Orang(nama=args.nama.strip(), jabatan=args.jabatan, unit=args.unit))
        return f"Tersimpan: tamu {args.nama}"

    return write_change(args.session, change)
