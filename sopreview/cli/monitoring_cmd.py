"""``sopreview monitoring``: the blank monitoring form and recording its results (issue 14).

``monitoring form`` prints the form of chosen SOPs in force, or of all that are due;
``monitoring record`` stores one monitoring (durable when the command returns). Exit codes as
for the other commands: 0 done, 1 a file problem, 2 a bad value.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sopreview.cli.common import add_command, add_option

if TYPE_CHECKING:
    from sopreview.domain.register import InForce
    from sopreview.lifecycle.folder import RegisterFolder

EXIT_FILE, EXIT_VALUE = 1, 2


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    m = sub.add_parser("monitoring", help="monitoring SOP berlaku: cetak formulir, catat hasilnya",
                       description="Monitoring SOP berlaku (tiap 6 bulan): formulir kosong dan pencatatan hasil.")
    msub = m.add_subparsers(dest="monitoring_kind", metavar="JENIS", required=True)

    f = add_command(msub, "form", "cetak formulir monitoring kosong (satu baris per langkah SOP berlaku)", run_form)
    f.add_argument("sops_ids", nargs="*", metavar="SOP", help="id SOP berlaku, mis. hukum-sdm/jdih")
    add_option(f, "--due", dest="jatuh_tempo", action="store_true", help="semua SOP yang jatuh tempo monitoring")
    add_option(f, "--as-of", dest="per", default=None, metavar="YYYY-MM-DD", help="tanggal acuan (bawaan: hari ini)")
    f.add_argument("--format", "-f", choices=("pdf", "html", "docx"), default="pdf", help="pdf (bawaan), html, docx")
    f.add_argument("-o", "--output", type=Path, default=None,
                   help="berkas tujuan (bawaan: formulir-monitoring.<format> di folder kerja)")
    add_option(f, "--paper", dest="kertas", choices=("A4", "F4", "a4", "f4"), default=None,
               help="A4 atau F4, mendatar; bawaan: `kertas` di organisasi.yaml")
    f.add_argument("--sops", type=Path, default=Path("sops"))

    r = add_command(msub, "record", "catat hasil monitoring satu SOP (tanpa --not-running: semua langkah berjalan)",
                    run_record)
    r.add_argument("sop", metavar="SOP", help="id SOP berlaku, mis. hukum-sdm/jdih")
    add_option(r, "--date", dest="tanggal", required=True, metavar="YYYY-MM-DD", help="tanggal monitoring")
    add_option(r, "--assessor", dest="penilai", required=True, metavar="NAMA", help="penilai (yang memaraf)")
    add_option(r, "--not-running", dest="tidak", action="append", default=[], metavar="N[,N]",
               help="nomor langkah yang tidak berjalan dengan baik (wajib --note untuk masing-masing)")
    add_option(r, "--note", dest="catatan", action="append", default=[], metavar="N=TEKS",
               help="catatan hasil penilaian langkah N")
    add_option(r, "--action", dest="tindakan", action="append", default=[], metavar="N=TEKS",
               help="tindakan yang harus diambil untuk langkah N")
    r.add_argument("--sops", type=Path, default=Path("sops"))


def _folder(sops_dir: Path) -> RegisterFolder:
    from sopreview.lifecycle.folder import read_folder
    from sopreview.lifecycle.transaction import recover

    if not sops_dir.is_dir():
        raise _Usage(f"folder SOP {sops_dir} tidak ditemukan; sebutkan dengan --sops")
    message = recover(sops_dir)
    if message:
        print(f"pemulihan: {message}", file=sys.stderr)
    return read_folder(sops_dir)


class _Usage(Exception):
    pass


def _find(folder: RegisterFolder, sop_id: str) -> InForce:
    found = next((f for f in folder.in_force if f.sop_id == sop_id.strip().strip("/")), None)
    if found is None:
        known = ", ".join(f.sop_id for f in folder.in_force[:6]) + (" …" if len(folder.in_force) > 6 else "")
        raise _Usage(f"SOP {sop_id!r} tidak berlaku di {folder.sops_dir} (SOP berlaku: {known or 'belum ada'}; "
                     "lihat `sopreview daftar`)")
    return found


def _numbered(values: list[str], flag: str) -> dict[int, str]:
    out: dict[int, str] = {}
    for value in values:
        number, sep, text = value.partition("=")
        if not sep or not number.strip().isdigit():
            raise _Usage(f"{flag} {value!r}: tulis NOMOR=TEKS, mis. {flag} 3='berkas terlambat'")
        out[int(number)] = text
    return out


def as_of(text: str | None) -> dt.date:
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise _Usage(f"--as-of {text!r}: tulis YYYY-MM-DD, mis. --as-of 2023-01-31") from None


def run_record(args: argparse.Namespace) -> int:
    from sopreview.domain.monitoring import MonitoringError, build_record
    from sopreview.domain.textsafe import find_control
    from sopreview.store.monitoring import append_record

    try:
        folder = _folder(Path(args.sops))
        sop = _find(folder, args.sop)
        failing = [int(n) for value in args.tidak for n in value.split(",") if n.strip().isdigit()]
        bad = [n for value in args.tidak for n in value.split(",") if n.strip() and not n.strip().isdigit()]
        if bad:
            raise _Usage(f"--not-running {bad[0]!r}: tulis nomor langkah, mis. --not-running 3,5")
        catatan, tindakan = _numbered(args.catatan, "--note"), _numbered(args.tindakan, "--action")
        for text in (args.penilai, *catatan.values(), *tindakan.values()):
            if find_control(text):
                raise _Usage(f"teks {text!r} memuat karakter kendali; tulis teks biasa")
        record = build_record(sop.sop_id, sop.dokumen, args.tanggal, args.penilai, failing, catatan, tindakan,
                              dicatat=dt.datetime.now().astimezone().isoformat(timespec="seconds"))
    except _Usage as exc:
        print(f"galat: {exc}", file=sys.stderr)
        return EXIT_VALUE
    except MonitoringError as exc:
        print(f"galat: {exc.field}: {exc.message}" + (f" ({exc.hint})" if exc.hint else ""), file=sys.stderr)
        return EXIT_VALUE
    try:
        path = append_record(Path(args.sops), record)
    except OSError as exc:
        print(f"galat: tidak dapat menulis log monitoring di {args.sops}: {exc.strerror or exc}; tidak dicatat",
              file=sys.stderr)
        return EXIT_FILE
    from sopreview.domain.monitoring import add_months

    due = add_months(record.date, folder.monitoring_months)
    print(f"Monitoring {sop.sop_id} ({record.tanggal}, {record.penilai}) dicatat di {path}: "
          f"{len(record.langkah) - record.not_running} langkah berjalan, {record.not_running} tidak. "
          f"Monitoring berikutnya: {due.isoformat()}")
    return 0


def run_form(args: argparse.Namespace) -> int:
    from sopreview.documents.export import DocumentError
    from sopreview.documents.monitoring import write_forms
    from sopreview.domain.monitoring import due_list
    from sopreview.domain.sopdoc.geometry import paper
    from sopreview.domain.sopdoc.monitoring_form import FormInfo
    from sopreview.lifecycle.folder import monitored_sops

    sops_dir = Path(args.sops)
    try:
        folder = _folder(sops_dir)
        if not args.sops_ids and not args.jatuh_tempo:
            raise _Usage("sebutkan id SOP (mis. hukum-sdm/jdih) atau --due untuk semua yang jatuh tempo")
        chosen = [_find(folder, s) for s in args.sops_ids]
        if args.jatuh_tempo:
            latest = folder.latest_monitoring()
            for problem in folder.problems:
                print(problem, file=sys.stderr)
            due = due_list(monitored_sops(folder), latest, as_of(args.per), folder.monitoring_months)
            by_id = {f.sop_id: f for f in folder.in_force}
            chosen += [by_id[d.sop_id] for d in due if d.sop_id not in {c.sop_id for c in chosen}]
    except _Usage as exc:
        print(f"galat: {exc}", file=sys.stderr)
        return EXIT_VALUE
    if not chosen:
        print("Tidak ada SOP yang jatuh tempo monitoring; formulir tidak dibuat.")
        return 0
    from sopreview.cli.register_cmds import _organisasi_name
    from sopreview.domain.yamlread import YamlReadError, read_yaml

    try:
        data = read_yaml(sops_dir / "organisasi.yaml").data
        org_paper = str(data.get("kertas") or "A4") if isinstance(data, dict) else "A4"
    except YamlReadError:
        org_paper = "A4"
    kertas = paper((args.kertas or org_paper).upper() if (args.kertas or org_paper).upper() in ("A4", "F4") else "A4")
    instansi = _organisasi_name(sops_dir)
    forms = [(f.dokumen, FormInfo(instansi, folder.subbag_names.get(f.subbag, f.subbag), f.sop_id)) for f in chosen]
    output = args.output or Path(f"formulir-monitoring.{args.format}")
    try:
        written = write_forms(args.format, forms, kertas, output, protected=sops_dir)
    except DocumentError as exc:
        print(f"galat: {exc}", file=sys.stderr)
        return EXIT_FILE
    print(f"Formulir monitoring ditulis: {written} ({len(forms)} SOP)")
    return 0
