"""Realistic hand edits of a session file: refused with table, document and field, or working.

A session that passes the check must never crash the app, the export or the CLI later; before
issue 10 a person's ``nama: 5``, a clock stamp without UTC offset, a non-numeric item key or a
30-digit number passed the check and crashed afterwards.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sopreview.minutes.export import render_minutes
from sopreview.store.session import Session, SessionError, SessionFileError
from tests.store.builders import ORGANISASI, P1, P2, P3, PROPOSALS, FakeClock, as_single_file


def _make(path: Path) -> Path:
    with Session.create(path, ORGANISASI, PROPOSALS, clock=FakeClock()) as s:
        s.open_item(P1)
        s.record_decision(P1, "disetujui")
        s.record_evaluation(P1, {c.id: True for c in s.criteria}, "baik")
        s.set_notes(P2, "catatan")
        s.add_action(P1, "Perbaiki", "Budi Santoso", "2022-06-30")
        s.set_attendance("Budi Santoso", "hadir")
        s.close_item(P1)
    return path


@pytest.fixture(scope="module")
def pristine_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The session file and its journal (and .bak), made once for the module."""
    path = _make(tmp_path_factory.mktemp("s") / "rapat.json")
    return {p.name: p.read_bytes() for p in path.parent.iterdir() if p.is_file()}


@pytest.fixture
def pristine(pristine_files: dict[str, bytes]) -> bytes:
    return pristine_files["rapat.json"]


def _restore(folder: Path, files: dict[str, bytes]) -> None:
    for p in folder.iterdir():
        p.unlink()
    for name, content in files.items():
        (folder / name).write_bytes(content)


@pytest.fixture
def created(session_path: Path, pristine_files: dict[str, bytes]) -> Path:
    session_path.parent.mkdir(parents=True)
    _restore(session_path.parent, pristine_files)
    return session_path


def _edit(path: Path, change: Any, *, single_file: bool = True) -> None:
    """``single_file``: edit the layout from before issue 17, where the snapshot is a table of the
    state file (old files still open); the snapshot's own file is hash-checked, so this is where a
    hand edit can reach the snapshot's fields."""
    data = as_single_file(path) if single_file else json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))


def _agenda_doc(data: dict[str, Any]) -> dict[str, Any]:
    return data["agenda"]["1"]["data"]


CASES: dict[str, tuple[Any, str]] = {
    "person nama is a number": (lambda d: d["organisasi"]["1"]["orang"][0].update(nama=5),
                                r"organisasi\.orang\[0\]\.nama: harus teks"),
    "person nama is a list": (lambda d: d["organisasi"]["1"]["orang"][0].update(nama=[1]),
                              r"organisasi\.orang\[0\]\.nama: harus teks"),
    "guest nama is a number": (lambda d: d.setdefault("tamu", {}).update({"1": {"nama": 5}}),
                               r"tamu\[1\]\.nama: harus teks"),
    "clock without UTC offset": (lambda d: d["item"]["1"].update(jam=[["2022-06-16T09:00:00", None]]),
                                 r"item\[1\]\.jam\[0\]\[0\]: .*tanpa zona waktu"),
    "item key not a number": (lambda d: d["item"].update({"satu": d["item"].pop("1")}),
                              r"item\['satu'\]: nomor dokumen harus bilangan bulat"),
    "30-digit planned minutes": (lambda d: d["item"]["2"].update(menit=10**30), r"item\[2\]\.menit"),
    "30-digit durasi in snapshot": (lambda d: _agenda_doc(d).update(durasi_menit=10**30),
                                    r"agenda\[1\]\.data\.durasi_menit"),
    "step number is text": (lambda d: _agenda_doc(d)["dokumen"]["langkah"][0].update(nomor="satu"),
                            r"agenda\[1\]\.data\.dokumen\.langkah\[0\]\.nomor"),
    "step jumps nowhere": (lambda d: _agenda_doc(d)["dokumen"]["langkah"][0].update(lanjut=99),
                           r"lompatan ke langkah yang tidak ada"),
    "unknown snapshot key": (lambda d: _agenda_doc(d).update(x=1), r"agenda\[1\]\.data\.x: kolom tidak dikenal"),
    "meeting date impossible": (lambda d: d["meta"]["1"].update(tanggal="2022-13-45"), r"meta\.tanggal"),
    "escape in the title": (lambda d: d["meta"]["1"].update(judul="Rapat \x1b]0;PWNED\x07"),
                            r"meta\.judul: memuat karakter kendali \\x1b"),
    "escape in a note": (lambda d: d["item"]["2"].update(catatan="\x1b[2J"), r"item\[2\]\.catatan"),
    "current is a list": (lambda d: d["sesi"]["1"].update(current=[1]), r"sesi\.current"),
    "order holds a number": (lambda d: d["sesi"]["1"].update(urutan=[1, *d["sesi"]["1"]["urutan"][1:]]),
                             r"sesi\.urutan"),
    "history record not text": (lambda d: d["item"]["1"].update(riwayat=[{"sesi": 5}]), r"item\[1\]\.riwayat"),
    "decision time naive": (lambda d: d["item"]["1"]["keputusan"].update(waktu="2022-06-16T09:00"),
                            r"item\[1\]\.keputusan\.waktu"),
    "audit_last nonsense": (lambda d: d["sesi"]["1"].update(audit_last={"seq": 4, "perubahan": "x"}),
                            r"sesi\.audit_last"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hand_edit_is_refused_with_its_place(created: Path, case: str) -> None:
    change, where = CASES[case]
    _edit(created, change)
    before = created.read_bytes()
    for readonly in (True, False):
        with pytest.raises(SessionFileError, match=where):
            Session.open(created, readonly=readonly)
    assert created.read_bytes() == before


def test_deeply_nested_json_is_a_message(created: Path) -> None:
    text = created.read_text()
    created.write_text(text.replace('"riwayat":[]', '"riwayat":' + "[" * 100_000 + "]" * 100_000, 1))
    with pytest.raises(SessionFileError, match="bersarang terlalu dalam"):
        Session.open(created, readonly=True)


# -- the property: any hand edit gives a clear error or a session that works everywhere ----------

_LEAVES = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**31), max_value=10**31),
    st.floats(allow_nan=True), st.text(max_size=8),
    st.sampled_from(["", "2022-13-45", "2022-06-16T09:00:00", "2022-06-16T09:00:00+07:00", "\x1b[2J", "hadir",
                     "disetujui", "ringkasan", P1, P3, "1", "99"]),
    st.just([]), st.just({}), st.just([None, None]), st.just({"nama": 5}),
)


def _paths(value: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [here] if here else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, here + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, here + (index,))
    return found


def _apply(data: dict[str, Any], path: tuple[Any, ...], how: str, leaf: Any) -> None:
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if how == "delete":
        del parent[last]
    elif how == "rename" and isinstance(parent, dict):
        parent[f"{last}x"] = parent.pop(last)
    else:
        parent[last] = leaf


def _use_everything(path: Path) -> None:
    """What the CLI, the export and the app read of a session; none of it may raise."""
    with Session.open(path, readonly=True) as r:
        for fmt in ("md", "html", "csv"):
            render_minutes(r, fmt)
        for p in r.proposals():
            r.clock(p.id), r.decision(p.id), r.evaluation(p.id), r.notes(p.id), r.history(p.id)
            r.planned_minutes(p.id), r.change_summary(p.id)
        r.attendance(), r.actions(), r.people(), r.audit_log(), r.progress(), r.current(), r.running_item()
        r.meta, r.carried_from, r.sops_dir
    with Session.open(path, clock=FakeClock()) as w:
        w.set_notes(P3, "setelah diedit")
        w.undo()


@settings(max_examples=60, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_any_hand_edit_is_a_clear_error_or_works(created: Path, pristine_files: dict[str, bytes],
                                                  pristine: bytes, data: st.DataObject) -> None:
    _restore(created.parent, pristine_files)
    doc = json.loads(pristine)
    paths = [p for p in _paths(doc) if p[0] != "agenda" or len(p) < 6]  # the snapshot is mostly steps
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(paths))
        how = data.draw(st.sampled_from(["set", "set", "delete", "rename"]))
        try:
            _apply(doc, path, how, data.draw(_LEAVES))
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit removed this place
    created.write_text(json.dumps(doc))
    try:
        _use_everything(created)
    except SessionError as exc:
        assert str(created) in str(exc) or "entri log" in str(exc) or ".audit.jsonl" in str(exc), exc


# -- undo trusts nothing it reads from the journal -------------------------------------------------

def _journal_lines(path: Path) -> list[dict[str, Any]]:
    from sopreview.store.files import journal_path

    return [json.loads(line) for line in journal_path(path).read_text().splitlines()]


def _write_journal(path: Path, entries: list[dict[str, Any]]) -> None:
    from sopreview.store.files import journal_path

    journal_path(path).write_text("".join(json.dumps(e) + "\n" for e in entries))


def _forge_last(path: Path, **changes: Any) -> None:
    """Edit the newest entry both in the journal and in the session file's copy of it."""
    entries = _journal_lines(path)
    entries[-1].update(changes)
    _write_journal(path, entries)
    _edit(path, lambda d: d["sesi"]["1"].update(audit_last=entries[-1]), single_file=False)


def test_undo_refuses_an_entry_edited_to_rename_the_meeting(created: Path) -> None:
    _forge_last(created, perubahan=[[["meta", "judul"], "HACKED", None]])
    with Session.open(created) as s:
        before = s.meta.judul
        with pytest.raises(SessionError, match="tidak cocok dengan isi sesi"):
            s.undo()
        assert s.meta.judul == before
    with Session.open(created, readonly=True) as r:
        assert r.meta.judul == before


def test_undo_refuses_an_entry_from_another_session(created: Path) -> None:
    _forge_last(created, sesi="0123456789abcdef")
    with Session.open(created) as s, pytest.raises(SessionError, match="berasal dari sesi lain"):
        s.undo()


def test_undo_refuses_a_value_the_session_check_would_reject(created: Path) -> None:
    """The replaced value matches, but the old value written back would make the file unreadable."""
    with Session.open(created, clock=FakeClock()) as s:
        s.set_notes(P3, "sekarang")
    _forge_last(created, perubahan=[[["item", P3, "catatan"], {"bukan": "teks"}, "sekarang"]])
    with Session.open(created) as s:
        with pytest.raises(SessionError, match="ditolak: hasilnya tidak sah"):
            s.undo()
        assert s.notes(P3) == "sekarang"
        s.set_notes(P3, "masih bisa menulis")  # memory was reset to the file, nothing half-done
    with Session.open(created, readonly=True) as r:
        assert r.notes(P3) == "masih bisa menulis"


@pytest.mark.parametrize("perubahan", ["x", [["sesi", "schema"], 99, 1], [[["sesi", "schema"], 99, 1]]],
                         ids=["not a list", "not a triple", "untouchable slot"])
def test_journal_line_with_nonsense_changes_is_skipped_not_a_traceback(created: Path, perubahan: Any) -> None:
    entries = _journal_lines(created)
    entries[-1]["perubahan"] = perubahan
    _write_journal(created, entries)
    with Session.open(created, readonly=True) as r:
        assert any("dilewati" in w for w in r.warnings)
        render_minutes(r, "md")


def test_one_corrupt_journal_line_blocks_nothing(created: Path, tmp_path: Path) -> None:
    from sopreview.cli import main
    from sopreview.store.files import journal_path

    lines = journal_path(created).read_bytes().splitlines(keepends=True)
    journal_path(created).write_bytes(lines[0] + b"bukan json\n" + b"".join(lines[1:]))
    with Session.open(created) as s:
        assert any("baris 2" in w and "dilewati" in w for w in s.warnings)
        s.set_notes(P3, "tetap bisa")
    assert main(["export", str(created), "-f", "md", "-o", str(tmp_path / "n.md")]) == 0
    assert main(["log", str(created)]) == 0


# -- a save message states what is on disk; a retry never appends twice ---------------------------

def test_unwritable_journal_never_turns_a_save_into_a_lie(created: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 10 item 3: the second note used to be lost while printing the first one's 'tersimpan'."""
    import errno

    from sopreview.cli import main
    from sopreview.store.audit import Journal
    from sopreview.store.files import journal_path

    def refuse(self: Journal, entries: list[dict[str, Any]], sync: bool = True) -> None:
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(Journal, "append", refuse)
    before_log = journal_path(created).read_bytes()
    capsys.readouterr()
    assert main(["record", "note", str(created), P3, "pertama"]) == 0
    assert main(["record", "note", str(created), P3, "kedua"]) == 0
    out = capsys.readouterr()
    assert out.out.count("Tersimpan: catatan") == 2
    assert "log audit gagal ditulis" in out.err and "tetap tersimpan" in out.err
    with Session.open(created, readonly=True) as r:
        assert r.notes(P3) == "pertama\n\nkedua"
    assert journal_path(created).read_bytes() == before_log
    monkeypatch.undo()
    with Session.open(created, clock=FakeClock()) as s:  # the journal catches up, nothing missing
        assert [e.ringkasan for e in s.audit_log()][-2:] == [f"Catatan {s.proposal(P3).nama} diubah"] * 2
        assert not [w for w in s.warnings if "tidak lengkap" in w]
    seqs = [json.loads(line)["seq"] for line in journal_path(created).read_text().splitlines()]
    assert seqs == list(range(1, len(seqs) + 1))


def test_retry_after_an_unclear_failure_does_not_append_twice(created: Path, monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """The file was replaced but the folder sync failed: exit 1, the user retries the same command."""
    import errno

    from sopreview.cli import main
    from sopreview.durable import files as durable_files

    from sopreview.store.audit import Journal

    def refuse(self: Journal, entries: list[dict[str, Any]], sync: bool = True) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    # The journal refuses the line, so the state file is rewritten instead, and its folder sync fails.
    real = durable_files.fsync_dir
    monkeypatch.setattr(Journal, "append", refuse)
    monkeypatch.setattr(durable_files, "fsync_dir", lambda folder: (_ for _ in ()).throw(OSError(errno.EIO, "I/O")))
    assert main(["record", "note", str(created), P3, "sekali saja"]) == 1
    assert main(["record", "action", str(created), P3, "--what", "Cek", "--who", "Budi", "--when", "2022-07-01"]) == 1
    monkeypatch.undo()
    capsys.readouterr()
    assert main(["record", "note", str(created), P3, "sekali saja"]) == 0
    assert main(["record", "action", str(created), P3, "--what", "Cek", "--who", "Budi", "--when", "2022-07-01"]) == 0
    assert capsys.readouterr().out.count("Tidak diubah: sudah tersimpan sebelumnya") == 2
    with Session.open(created, readonly=True) as r:
        assert r.notes(P3) == "sekali saja"
        assert [a.apa for a in r.actions(P3)] == ["Cek"]
