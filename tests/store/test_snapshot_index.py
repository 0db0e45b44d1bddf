"""The snapshot's index (version 2): lists and minutes read it, a proposal's line is read when opened.

Issue 17: at 10,000 proposals, parsing every line and decoding every flowchart to draw the
agenda or write the minutes cost seconds the files' own JSON did not. These tests count what
is parsed, never time, and check that a line and its index entry cannot silently disagree.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sopreview.domain.codec import from_plain
from sopreview.domain.model import Proposal
from sopreview.minutes.build import build_minutes
from sopreview.minutes.markdown import render
from sopreview.store import schema
from sopreview.store import session_types as typed
from sopreview.store import storage
from sopreview.store.files import snapshot_path
from sopreview.store.session import Session, SessionFileError
from tests.store.builders import ORGANISASI, P3, PROPOSALS, rewrite_snapshot


@pytest.fixture
def created(session_path: Path) -> Path:
    Session.create(session_path, ORGANISASI, PROPOSALS).close()
    return session_path


def test_lists_and_minutes_parse_no_proposal_line(created: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: list[int] = []
    real = storage._record
    monkeypatch.setattr(storage, "_record", lambda path, n, line: parsed.append(n) or real(path, n, line))
    decoded: list[str] = []
    real_proposal = schema._proposal
    monkeypatch.setattr(schema, "_proposal", lambda where, doc: decoded.append(where) or real_proposal(where, doc))
    with Session.open(created) as s:
        s.record_decision(P3, "ditunda", "belum lengkap")  # reads P3's line, and only that one
    assert len(parsed) == len(decoded) == 1
    parsed.clear()
    decoded.clear()
    with Session.open(created, readonly=True) as r:
        assert [h.id for h in r.heads()] == [p.id for p in PROPOSALS]
        text = render(build_minutes(r)).decode()
    assert all(p.nama in text for p in PROPOSALS) and "belum lengkap" in text
    assert parsed == [] and decoded == []


def test_heads_are_the_proposals_heads(created: Path) -> None:
    with Session.open(created, readonly=True) as r:
        heads = r.heads()
        assert heads == [r.proposal(p.id).head() for p in PROPOSALS]
        assert any(h.ada_sebelumnya for h in heads) and any(h.is_revision for h in heads)


def test_a_line_that_differs_from_its_index_is_refused_when_opened(created: Path) -> None:
    def rename_in_index(lines: list[str]) -> None:
        header = json.loads(lines[0])
        header["indeks"][2]["kepala"]["nama"] = "SOP Lain"
        lines[0] = json.dumps(header)

    rewrite_snapshot(created, rename_in_index)
    with Session.open(created, readonly=True) as r:
        pid = r.heads()[2].id
        assert r.heads()[2].nama == "SOP Lain"  # the list shows the index…
        with pytest.raises(SessionFileError, match="berbeda dengan indeks snapshot") as info:
            r.proposal(pid)  # …and opening the item says they disagree, naming the session
        assert str(created) in str(info.value)


def test_a_line_moved_from_its_place_is_refused_naming_the_line(created: Path) -> None:
    def swap(lines: list[str]) -> None:
        lines[1], lines[2] = lines[2], lines[1]

    rewrite_snapshot(created, swap)
    with Session.open(created, readonly=True) as r:
        with pytest.raises(SessionFileError, match=r"baris 2 tidak cocok dengan indeksnya"):
            r.proposal(r.heads()[0].id)


@pytest.mark.parametrize(("edit", "message"), [
    (lambda h: h.update(indeks=h["indeks"][:-1]), "indeks harus daftar satu butir per usulan"),
    (lambda h: h["indeks"][1].update(id=h["indeks"][0]["id"]), r"indeks\[1\]\.id harus teks dan tidak ganda"),
    (lambda h: h["indeks"][0]["kepala"].update(nama=5), r"usulan\.indeks\[1\]\.kepala\.nama: harus teks"),
    (lambda h: h["indeks"][0]["kepala"].update(nama="a\x1bb"), r"kepala\.nama: memuat karakter kendali"),
    (lambda h: h["indeks"][0]["kepala"].update(jenis="lain"), r"kepala\.jenis: harus salah satu dari"),
])
def test_a_bad_index_is_refused_where_read(created: Path, edit: Any, message: str) -> None:
    """A broken index shape is refused on open; a head, when the agenda lists it."""
    def change(lines: list[str]) -> None:
        header = json.loads(lines[0])
        edit(header)
        lines[0] = json.dumps(header)

    rewrite_snapshot(created, change)
    with pytest.raises(SessionFileError, match=message) as info:
        with Session.open(created, readonly=True) as r:
            r.heads()
    assert str(created) in str(info.value) or str(snapshot_path(created)) in str(info.value)


def test_a_version_1_snapshot_still_opens(created: Path) -> None:
    """Sessions made by the previous release have no index: every line is read, as then."""
    with Session.open(created, readonly=True) as r:
        before = [r.proposal(p.id) for p in PROPOSALS], r.heads()

    def to_version_1(lines: list[str]) -> None:
        lines[0] = json.dumps({"jenis": storage.SNAPSHOT_KIND, "versi": 1, "jumlah": len(lines) - 1})

    rewrite_snapshot(created, to_version_1)
    with Session.open(created) as s:
        assert not isinstance(s._storage.read()[storage.SNAPSHOT_TABLE], storage.LazyAgenda)
        assert ([s.proposal(p.id) for p in PROPOSALS], s.heads()) == before
        s.record_decision(P3, "ditunda", "belum lengkap")
    with Session.open(created, readonly=True) as r:
        assert r.decision(P3) is not None


def test_the_one_pass_decoder_builds_what_the_codec_builds_and_names_what_conform_names() -> None:
    for proposal in PROPOSALS:
        data = proposal.to_dict()
        assert typed.checked(Proposal, data, "x") == from_plain(Proposal, data) == proposal
    broken = PROPOSALS[0].to_dict()
    broken["dokumen"]["langkah"][0]["kegiatan"] = ["not", "text"]
    with pytest.raises(typed.Bad) as slow:
        typed.conform(Proposal, broken, "x")
    with pytest.raises(typed.Bad) as fast:
        typed.checked(Proposal, broken, "x")
    assert str(fast.value) == str(slow.value) == "x.dokumen.langkah[0].kegiatan: harus teks"
