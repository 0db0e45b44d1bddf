"""One codec both ways: ``from_plain`` rebuilds what ``to_plain`` wrote, by the field type hints."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings, strategies as st

from sopreview.domain.codec import from_plain, to_plain
from sopreview.domain.header import MeetingMeta
from sopreview.domain.loader import load_sops
from sopreview.domain.model import Organisasi, Orang, Pengesah, Proposal, SopDocument, Step, SubBagian
from sopreview.domain.register import Event

REPO_SOPS = Path(__file__).resolve().parents[2] / "sops"


def _through_json(value: object) -> object:
    """What a session file holds and gives back: JSON text, lists for tuples."""
    return json.loads(json.dumps(to_plain(value), ensure_ascii=False))


def test_every_sample_proposal_and_the_organisation_come_back_equal_and_byte_identical() -> None:
    loaded = load_sops(REPO_SOPS)
    assert loaded.organisasi is not None and loaded.proposals
    for original in (*loaded.proposals, loaded.organisasi):
        plain = _through_json(original)
        again = type(original).from_dict(plain)  # type: ignore[arg-type]
        assert again == original
        assert json.dumps(again.to_dict(), ensure_ascii=False) == json.dumps(plain, ensure_ascii=False)


def test_nested_types_are_rebuilt_not_left_as_json() -> None:
    step = Step(nomor=2, kegiatan="Periksa", pelaksana="Staf", keputusan=(("ya", 3), ("tidak", 1)))
    doc = SopDocument(nama="SOP", disahkan_oleh=Pengesah(nama="Kepala"), pelaksana=("Staf",), langkah=(step,))
    proposal = Proposal(id="a/b", subbag="a", jenis="perubahan", dokumen=doc, sebelumnya=doc)
    again = Proposal.from_dict(_through_json(proposal))  # type: ignore[arg-type]
    assert isinstance(again.dokumen.disahkan_oleh, Pengesah)
    assert again.dokumen.langkah[0].keputusan == (("ya", 3), ("tidak", 1))  # tuples, not lists
    assert isinstance(again.sebelumnya, SopDocument)
    assert Proposal.from_dict({**_through_json(proposal), "sebelumnya": None}).sebelumnya is None  # type: ignore[dict-item]
    org = Organisasi(nama="KPU", subbag=(SubBagian("a", "A"),), orang=(Orang("Ani", "Staf"),))
    assert from_plain(Organisasi, _through_json(org)) == org  # type: ignore[arg-type]


def test_missing_fields_take_their_defaults_and_unknown_keys_are_left_out() -> None:
    meta = MeetingMeta.from_dict({"judul": "Rapat", "acara": ["Satu", "Dua"], "bukan_kolom": 1})
    assert meta == MeetingMeta(judul="Rapat", acara=("Satu", "Dua"))
    assert Organisasi.from_dict({"nama": "KPU"}).zona_waktu == "WIB"


def test_register_event_leaves_empty_fields_out_of_the_file_and_reads_them_back() -> None:
    event = Event(peristiwa="status", sop="a/b", tanggal="2022-06-20", status="dicabut", alasan="usang")
    assert event.to_dict() == {"peristiwa": "status", "sop": "a/b", "tanggal": "2022-06-20",
                               "status": "dicabut", "alasan": "usang"}
    assert Event.from_dict({**event.to_dict(), "catatan_lain": "x"}) == event
    assert Event.from_dict({"peristiwa": "direvisi", "revisi_ke": 2}).revisi_ke == 2


steps = st.builds(Step, nomor=st.integers(1, 99), kegiatan=st.text(), pelaksana=st.text(),
                  keputusan=st.lists(st.tuples(st.text(), st.integers(1, 99)), max_size=3).map(tuple),
                  lanjut=st.none() | st.integers(1, 99))
documents = st.builds(SopDocument, nama=st.text(), revisi_ke=st.integers(0, 9),
                      disahkan_oleh=st.builds(Pengesah, nama=st.text()),
                      dasar_hukum=st.lists(st.text(), max_size=3).map(tuple),
                      langkah=st.lists(steps, max_size=4).map(tuple))


@settings(max_examples=60, deadline=None)
@given(dokumen=documents, sebelumnya=st.none() | documents, durasi=st.integers(1, 600), sampel=st.booleans())
def test_any_proposal_survives_the_session_file(dokumen: SopDocument, sebelumnya: SopDocument | None,
                                                durasi: int, sampel: bool) -> None:
    proposal = Proposal(id="x/y", subbag="x", jenis="baru", dokumen=dokumen, durasi_menit=durasi,
                        sebelumnya=sebelumnya, sampel=sampel)
    assert Proposal.from_dict(_through_json(proposal)) == proposal  # type: ignore[arg-type]
