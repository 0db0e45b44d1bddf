"""Property (issue 15): any sequence of valid amendments gives a proposal that validates, and
the diff against the submitted version lists exactly what those amendments changed."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sopreview.domain.amendment import (
    Amendment, AmendmentError, LIST_FIELDS, _State, apply_amendments, tracked_diff, validate_document,
)
from sopreview.domain.model import SopDocument, Step

ACTORS = ("Staf Umum", "Kasubbag Umum", "Sekretaris")
TEXTS = ("kegiatan", "kelengkapan", "waktu", "output", "keterangan")


def _doc() -> SopDocument:
    a, b, c = ACTORS
    steps = (
        Step(1, "Menerima surat", a, waktu="5 menit", simbol="mulai"),
        Step(2, "Memeriksa kelengkapan", b, keputusan=(("lengkap", 4), ("tidak", 3)), simbol="keputusan"),
        Step(3, "Mengembalikan surat", a, lanjut=1),
        Step(4, "Memproses surat", a, waktu="5 hari kerja"),
        Step(5, "Memaraf", b),
        Step(6, "Menandatangani", c),
        Step(7, "Mengarsipkan", a, simbol="selesai"),
    )
    return SopDocument(nama="SOP Surat", pelaksana=ACTORS, langkah=steps, peralatan=("Komputer",))


@st.composite
def _sequences(draw: st.DrawFn) -> tuple[list[Amendment], dict[str, object]]:
    """Draw amendments one by one against the current state, keeping only those accepted, and
    the changes each is expected to make (keyed by the submitted step, so renumbering is no change)."""
    base = _doc()
    state = _State.of(base)
    kept: list[Amendment] = []
    edited: dict[int, set[str]] = {}
    inserted = 0
    deleted: set[int] = set()
    identity: set[str] = set()
    renamed: list[tuple[str, str]] = []
    for i in range(draw(st.integers(0, 8))):
        count = len(state.steps)
        kind = draw(st.sampled_from(["ubah", "sisip", "hapus", "pindah", "identitas", "ganti_pelaksana"]))
        unique = f"nilai {i} {draw(st.integers(0, 999))}"
        if kind == "ubah":
            n = draw(st.integers(1, count))
            name = draw(st.sampled_from(TEXTS))
            amendment = Amendment("ubah", n, nilai={name: unique})
        elif kind == "sisip":
            amendment = Amendment("sisip", draw(st.integers(2, count)),
                                  nilai={"kegiatan": unique, "pelaksana": draw(st.sampled_from(state.actors()))})
        elif kind == "hapus":
            n = draw(st.integers(2, count - 1))
            if state.pointing_to(n):  # redirecting its sources would change them too: not this property
                continue
            amendment = Amendment("hapus", n)
        elif kind == "pindah":
            if count < 4:
                continue
            amendment = Amendment("pindah", draw(st.integers(2, count - 1)), draw(st.integers(2, count - 1)))
        elif kind == "identitas":
            amendment = Amendment("identitas", nilai={draw(st.sampled_from(LIST_FIELDS)): [unique]})
        else:
            lama = draw(st.sampled_from(state.actors()))
            amendment = Amendment("ganti_pelaksana", nilai={"lama": lama, "baru": unique})
        origin = list(state.origin)
        try:
            state.apply(amendment)
        except AmendmentError:
            continue
        kept.append(amendment)
        if kind == "ubah":
            source = origin[amendment.langkah - 1]
            if source is not None:
                edited.setdefault(source, set()).add(next(iter(amendment.nilai)))
        elif kind == "sisip":
            inserted += 1
        elif kind == "hapus":
            source = origin[amendment.langkah - 1]
            if source is None:
                inserted -= 1
            else:
                deleted.add(source)
                edited.pop(source, None)
        elif kind == "identitas":
            identity.update(amendment.nilai)
        elif kind == "ganti_pelaksana":
            renamed.append((amendment.nilai["lama"], amendment.nilai["baru"]))
    return kept, {"edited": edited, "inserted": inserted, "deleted": deleted, "identity": identity,
                  "renamed": renamed}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_sequences())
def test_valid_amendments_validate_and_the_diff_lists_exactly_them(drawn: tuple[list[Amendment], dict]) -> None:
    amendments, expected = drawn
    base = _doc()
    result = apply_amendments(base, amendments)
    assert validate_document(result.dokumen) == []
    assert len(result.uraian) == len(amendments)
    diff = tracked_diff(base, result)
    assert len(diff.disisipkan) == expected["inserted"]
    assert set(diff.dihapus) == expected["deleted"]
    edited = {o: set(f) - {"pelaksana"} for o, f in diff.diubah.items()}
    assert {o: f for o, f in edited.items() if f} == {o: f for o, f in expected["edited"].items() if f}
    assert set(diff.identitas) == expected["identity"] - {n for n in LIST_FIELDS if getattr(base, n) ==
                                                           getattr(result.dokumen, n)}
    # renames chain (A → x → y): the diff names each lane's first and last name once
    start = {a: a for a in ACTORS}
    for lama, baru in expected["renamed"]:
        first = next(k for k, v in start.items() if v == lama)
        start[first] = baru
    assert set(diff.pelaksana_diganti) == {(a, b) for a, b in start.items() if a != b}
    assert not diff.pelaksana_ditambah and not diff.pelaksana_dihapus
    assert all("pelaksana" not in f for f in diff.diubah.values())
