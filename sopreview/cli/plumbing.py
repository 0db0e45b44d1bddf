"""What every command that acts on one session shares: name -> path, errors -> exit codes,
opening it (with its warnings said once) and writing one change.

Exit codes: 0 done, 1 the file or the disk is the problem, 2 an invalid value (the message
lists the valid ones), 3 the session is held by another process (the message says by whom).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sopreview.cli.common import quiet_broken_pipe
from sopreview.store.files import SessionFiles

if TYPE_CHECKING:
    from sopreview.store.session import Session

EXIT_FILE, EXIT_VALUE, EXIT_LOCKED = 1, 2, 3


class UsageError(Exception):
    """A bad argument found by a handler (exit 2)."""


def session_path(arg: str) -> Path:
    """``rapat-1`` -> ``sessions/rapat-1.json``; a path ending in ``.json`` is used as given."""
    if arg.endswith(".json"):
        return Path(arg)
    from sopreview.store.catalog import is_session_name

    if is_session_name(arg):
        return SessionFiles.named(arg).path
    raise UsageError(f"{arg!r}: sebutkan nama sesi (huruf, angka, - _ .) atau path berkas yang berakhiran .json")


def named_session(arg: str) -> Path | None:
    """``session_path`` for handlers that word their own errors: None, after ``galat: …``, for a bad name."""
    try:
        return session_path(arg)
    except UsageError as exc:
        print(f"galat: {exc}", file=sys.stderr)
        return None


def existing_session(arg: str, missing: Callable[[Path], str]) -> Path | None:
    """The named session's file; None, after saying why (``missing(path)`` when it is not there)."""
    path = named_session(arg)
    if path is not None and not path.is_file():
        print(missing(path), file=sys.stderr)
        return None
    return path


def report_written(write: Callable[[], list[Path]]) -> int:
    """Run a document writer and print each file it wrote, or why it wrote none
    (exit 1: the documents could not be written; 2: the session could not be opened)."""
    from sopreview.documents.export import DocumentError
    from sopreview.store.errors import SessionError

    try:
        written = write()
    except DocumentError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_FILE
    except SessionError as exc:
        print(f"Tidak dapat membuka sesi: {exc}", file=sys.stderr)
        return EXIT_VALUE
    for path in written:
        print(f"ditulis: {path}")
    return 0


def guarded(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
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


def open_session(arg: str, *, readonly: bool = False) -> Session:
    """Open the named session; its warnings (a lock taken over, a repaired file) go to stderr."""
    from sopreview.store.session import Session

    session = Session.open(session_path(arg), readonly=readonly)
    say_warnings(session.warnings)
    return session


def say_warnings(warnings: list[str]) -> None:
    """``peringatan: …`` on stderr, a lock holder's ISO stamp said in clock words as the app says it."""
    from sopreview.ui.fmt import holder_text

    now = datetime.now().astimezone()
    for warning in warnings:
        print(f"peringatan: {holder_text(warning, now)}", file=sys.stderr)


def write_change(arg: str, change: Callable[[Session], str]) -> int:
    """Apply one change; what is printed is what is on disk (notices say what is not, e.g. the log)."""
    from sopreview.store.errors import AlreadySaved

    with open_session(arg) as session:
        session.take_notices()  # said once already, as warnings of the open
        try:
            print(change(session))
        except AlreadySaved as exc:
            print(f"Tidak diubah: {exc}")
        for notice in session.take_notices():
            print(f"peringatan: {notice}", file=sys.stderr)
    return 0
