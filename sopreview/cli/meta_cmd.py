"""``meta``: show or change the meeting header; its options are shared with ``new``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from sopreview.cli.common import add_command, add_option
from sopreview.cli.plumbing import UsageError, guarded, open_session, write_change

if TYPE_CHECKING:
    from sopreview.store.session import Session

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


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = add_command(sub, "meta", "lihat atau ubah data rapat (judul, tanggal, waktu, pimpinan, notulis, ...)",
                    guarded(run_meta))
    p.add_argument("session", metavar="SESSION", help="nama sesi (-> sessions/NAMA.json) atau path .json")
    meta_options(p, new=False)


def meta_options(p: argparse.ArgumentParser, *, new: bool) -> None:
    """One option per header field (``new`` also says which defaults it fills in)."""
    from sopreview.domain.header import META_LABEL

    extra = {"tanggal": " (bawaan: hari ini)", "ketua": " (bawaan: orang berjabatan Ketua, bila hanya satu)",
             "sekretaris": " (bawaan: orang berjabatan Sekretaris, bila hanya satu)"} if new else {}
    for flag, name, metavar in META_OPTIONS:
        p.add_argument(flag, dest=name, metavar=metavar, default=None,
                       help=META_LABEL[name].lower() + extra.get(name, ""))
    add_option(p, "--agenda", dest="acara", metavar="ACARA", action="append", default=None,
                   help="satu butir acara; ulangi untuk tiap butir (menggantikan daftar acara)")


def meta_values(args: argparse.Namespace) -> dict[str, Any]:
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


def run_meta(args: argparse.Namespace) -> int:
    """No options: print the header; otherwise change the given fields (one logged change)."""
    from sopreview.domain.header import META_LABEL

    values = meta_values(args)
    if not values:
        with open_session(args.session, readonly=True) as session:
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

    return write_change(args.session, change)
