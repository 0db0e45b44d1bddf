"""What changed between the SOP version in force and the proposed version.

The meeting reviewing a *perbaikan* or *perubahan* wants to see the change, not re-read the
whole SOP, and the minutes record it in one sentence. Steps are matched by content (activity
and actor), not by number, so inserting a step does not make every later step look changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher


from sopreview.domain.model import Proposal, SopDocument, Step

MATCH_THRESHOLD = 0.55
"""Minimum similarity (0..1) of two steps' activity and actor to count as the same step."""

IDENTITY_LABEL: dict[str, str] = {
    "nama": "nama SOP",
    "nomor": "nomor SOP",
    "revisi_ke": "revisi ke",
    "tanggal_pembuatan": "tanggal pembuatan",
    "tanggal_revisi": "tanggal revisi",
    "tanggal_efektif": "tanggal efektif",
    "disahkan_oleh": "pengesah",
    "dasar_hukum": "dasar hukum",
    "kualifikasi_pelaksana": "kualifikasi pelaksana",
    "keterkaitan": "keterkaitan",
    "peralatan": "peralatan/perlengkapan",
    "peringatan": "peringatan",
    "pencatatan": "pencatatan dan pendataan",
}
"""Identity-table fields in the order of the form, with their Indonesian names."""

STEP_LABEL: dict[str, str] = {
    "kegiatan": "kegiatan",
    "pelaksana": "pelaksana",
    "simbol": "simbol",
    "kelengkapan": "kelengkapan",
    "waktu": "waktu",
    "output": "output",
    "keterangan": "keterangan",
    "keputusan": "cabang keputusan",
    "lanjut": "lanjut ke",
}
"""Step fields compared, with their Indonesian names."""

TAMBAH, HAPUS, UBAH, SAMA = "tambah", "hapus", "ubah", "sama"
MARKER: dict[str, str] = {TAMBAH: "+", HAPUS: "-", UBAH: "~", SAMA: " "}
"""Text markers that survive a black-and-white projector."""


@dataclass(frozen=True)
class FieldChange:
    """One field whose value differs; values are display strings."""

    field: str
    label: str
    lama: str
    baru: str
    ditambah: tuple[str, ...] = ()
    """For list fields: items only in the new version."""
    dihapus: tuple[str, ...] = ()
    """For list fields: items only in the old version."""


@dataclass(frozen=True)
class StepChange:
    """One row of the step diff: a step kept, added, removed or changed."""

    jenis: str
    lama: Step | None
    baru: Step | None
    fields: tuple[FieldChange, ...] = ()

    @property
    def marker(self) -> str:
        return MARKER[self.jenis]

    @property
    def step(self) -> Step:
        """The step to show: the new one unless the step was removed."""
        step = self.baru or self.lama
        assert step is not None
        return step


@dataclass(frozen=True)
class SopDiff:
    """The changes from ``lama`` (in force) to ``baru`` (proposed)."""

    langkah: tuple[StepChange, ...]
    identitas: tuple[FieldChange, ...]
    pelaksana_ditambah: tuple[str, ...] = ()
    pelaksana_dihapus: tuple[str, ...] = ()
    pelaksana_diganti: tuple[tuple[str, str], ...] = ()
    """(old name, new name) of actors replaced in the same lane position."""

    def _count(self, jenis: str) -> int:
        return sum(1 for c in self.langkah if c.jenis == jenis)

    @property
    def ditambah(self) -> int:
        return self._count(TAMBAH)

    @property
    def dihapus(self) -> int:
        return self._count(HAPUS)

    @property
    def diubah(self) -> int:
        return self._count(UBAH)

    @property
    def is_empty(self) -> bool:
        return not (
            self.ditambah
            or self.dihapus
            or self.diubah
            or self.identitas
            or self.pelaksana_ditambah
            or self.pelaksana_dihapus
            or self.pelaksana_diganti
        )


def diff_sop(old: SopDocument, new: SopDocument) -> SopDiff:
    """Compare two versions of one SOP: identity table, actors and steps."""
    added, removed, renamed = _diff_actors(old.pelaksana, new.pelaksana)
    rename = dict(renamed)
    pairs = _match_steps(old.langkah, new.langkah, rename)
    old_to_new = {o.nomor: n.nomor for o, n in pairs if o is not None and n is not None}
    changes: list[StepChange] = []
    for o, n in pairs:
        if o is None:
            changes.append(StepChange(TAMBAH, None, n))
        elif n is None:
            changes.append(StepChange(HAPUS, o, None))
        else:
            diffs = _step_fields(o, n, rename, old_to_new)
            changes.append(StepChange(UBAH if diffs else SAMA, o, n, diffs))
    return SopDiff(
        langkah=tuple(changes),
        identitas=_identity_changes(old, new),
        pelaksana_ditambah=added,
        pelaksana_dihapus=removed,
        pelaksana_diganti=renamed,
    )


def summary_text(diff: SopDiff) -> str:
    """One Indonesian sentence for the minutes, e.g. '2 langkah ditambah, 1 langkah diubah; ...'."""
    parts: list[str] = []
    for count, verb in ((diff.ditambah, "ditambah"), (diff.dihapus, "dihapus"), (diff.diubah, "diubah")):
        if count:
            parts.append(f"{count} langkah {verb}")
    for lama, baru in diff.pelaksana_diganti:
        parts.append(f"pelaksana '{lama}' diganti '{baru}'")
    for nama in diff.pelaksana_ditambah:
        parts.append(f"pelaksana '{nama}' ditambah")
    for nama in diff.pelaksana_dihapus:
        parts.append(f"pelaksana '{nama}' dihapus")
    identity = [_identity_phrase(c) for c in diff.identitas]
    if not parts and not identity:
        return "Tidak ada perubahan isi dibanding versi yang berlaku."
    text = ", ".join(parts)
    if identity:
        text = f"{text}; {', '.join(identity)}" if text else ", ".join(identity)
    return text[0].upper() + text[1:] + "."


def _identity_phrase(change: FieldChange) -> str:
    if change.field == "revisi_ke":
        return f"revisi ke {change.lama or '0'} menjadi {change.baru or '0'}"
    if change.ditambah or change.dihapus or change.field in _LIST_FIELDS:
        return f"{change.label} diperbarui"
    return f"{change.label} diubah"


_LIST_FIELDS = (
    "dasar_hukum",
    "kualifikasi_pelaksana",
    "keterkaitan",
    "peralatan",
    "peringatan",
    "pencatatan",
)


def _identity_changes(old: SopDocument, new: SopDocument) -> tuple[FieldChange, ...]:
    out: list[FieldChange] = []
    for name, label in IDENTITY_LABEL.items():
        a, b = getattr(old, name), getattr(new, name)
        if a == b:
            continue
        if name in _LIST_FIELDS:
            out.append(
                FieldChange(
                    name,
                    label,
                    "; ".join(a),
                    "; ".join(b),
                    ditambah=tuple(x for x in b if x not in a),
                    dihapus=tuple(x for x in a if x not in b),
                )
            )
        elif name == "disahkan_oleh":
            out.append(FieldChange(name, label, _pengesah(a), _pengesah(b)))
        else:
            out.append(FieldChange(name, label, str(a), str(b)))
    return tuple(out)


def _pengesah(p: object) -> str:
    parts = [getattr(p, "jabatan", ""), getattr(p, "nama", ""), getattr(p, "nip", "")]
    return ", ".join(x for x in parts if x)


def _diff_actors(
    old: tuple[str, ...], new: tuple[str, ...]
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[tuple[str, str], ...]]:
    """Actors added, removed and replaced; a replacement keeps its lane position among the others."""
    added: list[str] = []
    removed: list[str] = []
    renamed: list[tuple[str, str]] = []
    matcher = SequenceMatcher(a=list(old), b=list(new), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        gone = [x for x in old[i1:i2] if x not in new]
        came = [x for x in new[j1:j2] if x not in old]
        if tag == "replace":
            pairs = min(len(gone), len(came))
            renamed.extend(zip(gone[:pairs], came[:pairs], strict=True))
            gone, came = gone[pairs:], came[pairs:]
        removed.extend(gone)
        added.extend(came)
    return tuple(added), tuple(removed), tuple(renamed)


def _key(step: Step, rename: dict[str, str]) -> str:
    actor = rename.get(step.pelaksana, step.pelaksana)
    return f"{' '.join(step.kegiatan.lower().split())} | {actor.lower()}"


def _similarity(a: str, b: str) -> float:
    """Share of the two texts' characters in their longest common subsequence (0..1).

    rapidfuzz's Indel similarity, in C: 2·LCS / (len a + len b). difflib's ratio (used before)
    counts greedy longest blocks, at most the LCS, and at 1,000 proposals it was most of `new`;
    on the sample's revisions both align every step alike (tests/domain/test_changes_alignment.py)."""
    from rapidfuzz.distance import Indel  # here: only a revision's diff needs it, not every command

    return float(Indel.normalized_similarity(a, b, score_cutoff=MATCH_THRESHOLD))


def _match_steps(
    old: tuple[Step, ...], new: tuple[Step, ...], rename: dict[str, str]
) -> list[tuple[Step | None, Step | None]]:
    """Align the two step lists in order: identical steps first, then similar ones inside gaps."""
    old_keys = [_key(s, rename) for s in old]
    new_keys = [_key(s, {}) for s in new]
    out: list[tuple[Step | None, Step | None]] = []
    matcher = SequenceMatcher(a=old_keys, b=new_keys, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.extend(zip(old[i1:i2], new[j1:j2], strict=True))
        else:
            out.extend(_align_block(old[i1:i2], new[j1:j2], old_keys[i1:i2], new_keys[j1:j2]))
    return out


def _align_block(
    old: tuple[Step, ...], new: tuple[Step, ...], old_keys: list[str], new_keys: list[str]
) -> list[tuple[Step | None, Step | None]]:
    """Order-preserving pairing that maximises total similarity (small blocks, so O(n*m) is fine)."""
    n, m = len(old), len(new)
    sim = [[_similarity(old_keys[i], new_keys[j]) for j in range(m)] for i in range(n)]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            take = sim[i][j] + best[i + 1][j + 1] if sim[i][j] >= MATCH_THRESHOLD else -1.0
            best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
    out: list[tuple[Step | None, Step | None]] = []
    i = j = 0
    while i < n and j < m:
        if sim[i][j] >= MATCH_THRESHOLD and best[i][j] == sim[i][j] + best[i + 1][j + 1]:
            out.append((old[i], new[j]))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            out.append((old[i], None))
            i += 1
        else:
            out.append((None, new[j]))
            j += 1
    out.extend((old[k], None) for k in range(i, n))
    out.extend((None, new[k]) for k in range(j, m))
    return out


def change_summary(proposal: Proposal) -> str:
    """The one-paragraph summary of what a revision changes; empty for a new SOP."""
    if not proposal.is_revision or proposal.sebelumnya is None:
        return ""
    return summary_text(diff_sop(proposal.sebelumnya, proposal.dokumen))


def branches_text(step: Step) -> str:
    """Decision branches as text, e.g. 'Ya → 5; Tidak → 2'."""
    return "; ".join(f"{jawab} → {target}" for jawab, target in step.keputusan)


def _step_fields(
    old: Step, new: Step, rename: dict[str, str], old_to_new: dict[int, int]
) -> tuple[FieldChange, ...]:
    """Fields of a matched step that really changed (a renamed actor or a renumbered target is not a change)."""
    out: list[FieldChange] = []
    for name, label in STEP_LABEL.items():
        if name == "pelaksana":
            if rename.get(old.pelaksana, old.pelaksana) != new.pelaksana:
                out.append(FieldChange(name, label, old.pelaksana, new.pelaksana))
        elif name == "keputusan":
            mapped = tuple((a, old_to_new.get(t, -t)) for a, t in old.keputusan)
            if mapped != new.keputusan:
                out.append(FieldChange(name, label, branches_text(old), branches_text(new)))
        elif name == "lanjut":
            mapped_lanjut = None if old.lanjut is None else old_to_new.get(old.lanjut, -old.lanjut)
            if mapped_lanjut != new.lanjut:
                out.append(FieldChange(name, label, _opt(old.lanjut), _opt(new.lanjut)))
        else:
            a, b = getattr(old, name), getattr(new, name)
            if a != b:
                out.append(FieldChange(name, label, str(a), str(b)))
    return tuple(out)


def _opt(value: int | None) -> str:
    return "" if value is None else str(value)
