"""A revision's change summary is fixed in the snapshot when the session is created."""

from __future__ import annotations

import json
from pathlib import Path

from sopreview.domain.changes import change_summary
from sopreview.domain.loader import load_sops
from sopreview.store.session import Session
from tests.store.builders import as_single_file

SOPS = Path(__file__).resolve().parents[2] / "sops"


def _agenda_docs(path: Path) -> list[dict]:
    return list(as_single_file(path)["agenda"].values())


def test_summary_is_stored_at_creation_and_read_back(tmp_path: Path) -> None:
    result = load_sops(SOPS)
    path = tmp_path / "rapat.json"
    Session.create(path, result.organisasi, result.proposals).close()
    stored = {d["pid"]: d["perubahan"] for d in _agenda_docs(path)}
    for proposal in result.proposals:
        assert stored[proposal.id] == change_summary(proposal)
        assert bool(stored[proposal.id]) == proposal.is_revision, proposal.id
    with Session.open(path, readonly=True) as session:
        pid = "perencanaan-data-informasi/pelayanan-pdpb"
        assert session.change_summary(pid) == stored[pid]
        assert "diganti" in session.change_summary(pid)


def test_stored_summary_wins_over_recomputing(tmp_path: Path) -> None:
    """The minutes must say what the meeting saw, even if diff wording changes later."""
    result = load_sops(SOPS)
    path = tmp_path / "rapat.json"
    Session.create(path, result.organisasi, result.proposals).close()
    data = as_single_file(path)  # an old single-file session: its snapshot is a table we can edit
    for doc in data["agenda"].values():
        if doc["pid"] == "hukum-sdm/jdih":
            doc["perubahan"] = "ringkasan yang tersimpan"
        if doc["pid"] == "hukum-sdm/penyusunan-keputusan":
            del doc["perubahan"]  # a session written before summaries were stored
    path.write_text(json.dumps(data), encoding="utf-8")
    with Session.open(path, readonly=True) as session:
        assert session.change_summary("hukum-sdm/jdih") == "ringkasan yang tersimpan"
        keputusan = session.proposal("hukum-sdm/penyusunan-keputusan")
        assert session.change_summary(keputusan.id) == change_summary(keputusan)
