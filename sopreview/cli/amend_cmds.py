"""Amendment commands (issue 15): ``record amendment`` and ``amandemen`` (list them).

The same checks as the app's dialog: the store applies the amendment to the version under
discussion and reads the result back with the validator, so a refused amendment prints the
validator's reason and nothing is written.
"""

from __future__ import annotations

import argparse
from typing import Any

from sopreview.cli.common import add_command
from sopreview.cli.plumbing import UsageError, guarded, open_session, write_change
from sopreview.domain.amendment import (
    HAPUS_PELAKSANA, IDENTITAS, KINDS, LIST_FIELDS, STEP_EDITABLE, TAMBAH_PELAKSANA, Amendment, AmendmentError,
    parse_branches,
)

VALUE_KEYS: dict[str, tuple[str, ...]] = {
    "ubah": STEP_EDITABLE,
    "sisip": STEP_EDITABLE,
    "hapus": (),
    "pindah": (),
    TAMBAH_PELAKSANA: ("nama", "posisi", "langkah"),
    "ganti_pelaksana": ("lama", "baru"),
    HAPUS_PELAKSANA: ("nama", "pindah_ke"),
    IDENTITAS: LIST_FIELDS,
}
"""Which ``--set`` keys each kind takes."""


def register_record(rsub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """``record amendment`` under the ``record`` group."""
    p = add_command(rsub, "amendment", "catat amandemen atas satu usulan (langkah, pelaksana, identitas)",
                    guarded(run_amendment))
    p.add_argument("session", metavar="SESSION")
    p.add_argument("proposal", metavar="USULAN", help="id usulan, mis. hukum-sdm/jdih")
    p.add_argument("kind", metavar="JENIS", help=", ".join(KINDS))
    p.add_argument("--step", type=int, default=0, metavar="N",
                   help="nomor langkah (ubah, hapus, pindah) atau posisi langkah baru (sisip)")
    p.add_argument("--to", type=int, default=0, metavar="M", help="posisi baru (pindah)")
    p.add_argument("--set", dest="values", action="append", default=[], metavar="KOLOM=NILAI",
                   help="nilai baru, mis. waktu='2 hari kerja', keputusan='ya=5,tidak=3', lanjut=7; "
                        "daftar identitas: ulangi --set dasar_hukum=... per butir")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = add_command(sub, "amandemen", "daftar amandemen rapat per usulan, dalam kata-kata notulen",
                    guarded(run_list))
    p.add_argument("session", metavar="SESSION")
    p.add_argument("proposal", metavar="USULAN", nargs="?", help="hanya usulan ini")


def parse_amendment(kind: str, step: int, to: int, values: list[str]) -> Amendment:
    """The command line's words as an Amendment; UsageError names the bad part."""
    jenis = kind.strip().lower().replace("-", "_")
    if jenis not in KINDS:
        raise UsageError(f"jenis amandemen {kind!r} tidak dikenal; pilihan: {', '.join(KINDS)}")
    allowed = VALUE_KEYS[jenis]
    nilai: dict[str, Any] = {}
    for item in values:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or key not in allowed:
            choices = ", ".join(allowed) or "(tidak ada: jenis ini tanpa --set)"
            raise UsageError(f"--set {item!r}: tulis KOLOM=NILAI; kolom untuk {jenis}: {choices}")
        nilai_key = _value(jenis, key, value.strip())
        if jenis == IDENTITAS:
            nilai.setdefault(key, []).extend(nilai_key)
        else:
            nilai[key] = nilai_key
    return Amendment(jenis, step, to, nilai)


def _value(jenis: str, key: str, value: str) -> Any:
    if jenis == IDENTITAS:
        return [value] if value else []
    if key in ("lanjut", "posisi"):
        if not value:
            return None
        if not value.isdigit():
            raise UsageError(f"--set {key}={value!r}: tulis nomor, mis. {key}=3")
        return int(value)
    if key == "langkah":
        parts = [p.strip() for p in value.split(",") if p.strip()]
        if not all(p.isdigit() for p in parts):
            raise UsageError(f"--set langkah={value!r}: tulis nomor langkah dipisah koma, mis. langkah=3,5")
        return [int(p) for p in parts]
    if key == "keputusan":
        try:
            return parse_branches(value)
        except AmendmentError as exc:
            raise UsageError(f"--set {exc}") from None
    return value


def run_amendment(args: argparse.Namespace) -> int:
    amendment = parse_amendment(args.kind, args.step, args.to, args.values)

    def change(session: Any) -> str:
        words = session.record_amendment(args.proposal, amendment)
        return f"Amandemen dicatat: {words}"

    return write_change(args.session, change)


def run_list(args: argparse.Namespace) -> int:
    with open_session(args.session, readonly=True) as session:
        pids = [args.proposal] if args.proposal else [p.id for p in session.heads()]
        for pid in pids:
            words = session.amended(pid).uraian
            if not words:
                if args.proposal:
                    print(f"{pid}: belum ada amandemen")
                continue
            print(f"{session.proposal(pid).nama} ({pid})")
            for n, line in enumerate(words, start=1):
                print(f"  {n}. {line}")
    return 0
