"""Amendments made in the meeting: the room changes the proposal, never the proposal's file.

An amendment is one change the room agrees on ("waktu 5 hari kerja → 2 hari kerja", "add a step
for the disposition"). The session stores the list; the *version under discussion* is the
submitted proposal with the list applied in order. Each amendment is applied to the plain form
of the file format and read back with the validator's own ``parse_sop``, so an amended SOP is
exactly what the validator would accept from a file: a ``lanjut`` to nowhere or a decision
without two answers is refused with the validator's words. Step identity is tracked through the
changes (``origin``), so the minutes and the flowchart can say which steps the meeting touched.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from typing import TYPE_CHECKING

from sopreview.domain.changes import IDENTITY_LABEL, STEP_LABEL, _diff_actors
from sopreview.domain.codec import Plain
from sopreview.domain.model import SopDocument

if TYPE_CHECKING:
    from sopreview.domain.problems import Problem

UBAH, SISIP, HAPUS, PINDAH = "ubah", "sisip", "hapus", "pindah"
TAMBAH_PELAKSANA, GANTI_PELAKSANA, HAPUS_PELAKSANA, IDENTITAS = (
    "tambah_pelaksana", "ganti_pelaksana", "hapus_pelaksana", "identitas")
KINDS: dict[str, str] = {
    UBAH: "ubah langkah",
    SISIP: "sisipkan langkah",
    HAPUS: "hapus langkah",
    PINDAH: "pindahkan langkah",
    TAMBAH_PELAKSANA: "tambah pelaksana",
    GANTI_PELAKSANA: "ganti nama pelaksana",
    HAPUS_PELAKSANA: "hapus pelaksana",
    IDENTITAS: "ubah daftar identitas",
}
"""Every kind of amendment, with its name in the user's words."""

TEXT_FIELDS = ("kegiatan", "pelaksana", "kelengkapan", "waktu", "output", "keterangan")
STEP_EDITABLE = (*TEXT_FIELDS, "keputusan", "lanjut")
"""Step fields an ``ubah`` may set (the symbol follows from the position and the answers)."""
LIST_FIELDS = ("dasar_hukum", "kualifikasi_pelaksana", "keterkaitan", "peralatan", "peringatan", "pencatatan")
"""Identity lists an ``identitas`` amendment may replace."""
WHERE = "amandemen"


class AmendmentError(ValueError):
    """An amendment that cannot be applied, or whose result the validator refuses; says why."""


@dataclass(frozen=True)
class Amendment(Plain):
    """One change. ``langkah``: the step it works on, numbered as in the version before it
    (for ``sisip``: the position the new step takes); ``ke``: the new position of a ``pindah``;
    ``nilai``: the new values (step fields, an actor's names, identity lists)."""

    jenis: str
    langkah: int = 0
    ke: int = 0
    nilai: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Amendment:
        if not isinstance(data, dict):
            raise AmendmentError("amandemen harus berupa objek {jenis, langkah, ke, nilai}")
        jenis = data.get("jenis")
        if jenis not in KINDS:
            raise AmendmentError(f"jenis amandemen {jenis!r} tidak dikenal; pilihan: {', '.join(KINDS)}")
        langkah, ke, nilai = data.get("langkah", 0), data.get("ke", 0), data.get("nilai") or {}
        for name, value in (("langkah", langkah), ("ke", ke)):
            if isinstance(value, bool) or not isinstance(value, int):
                raise AmendmentError(f"'{name}' amandemen harus nomor langkah, bukan {value!r}")
        if not isinstance(nilai, dict):
            raise AmendmentError("'nilai' amandemen harus berupa objek {kolom: nilai}")
        return cls(str(jenis), langkah, ke, copy.deepcopy(nilai))


@dataclass(frozen=True)
class Amended:
    """The version under discussion: the document, where each step came from, and the words."""

    dokumen: SopDocument
    origin: tuple[int | None, ...]
    """Per step (in order): its number in the submitted version, None for a step inserted."""
    touched: tuple[bool, ...]
    """Per step: an amendment inserted, edited or moved it (marked on the flowchart)."""
    uraian: tuple[str, ...] = ()
    """Each amendment in words, in order (the minutes list these)."""

    @property
    def amended_steps(self) -> frozenset[int]:
        """Numbers (in the amended version) of the steps the meeting changed."""
        return frozenset(n for n, hit in enumerate(self.touched, start=1) if hit)


# -- applying ---------------------------------------------------------------------------------
def apply_amendments(base: SopDocument, amendments: Iterable[Amendment]) -> Amended:
    """The version under discussion; AmendmentError names the first amendment refused and why."""
    amendments = list(amendments)
    if not amendments:  # most items: no copy of the document to edit (a third of an export's time)
        numbers = tuple(s.nomor for s in base.langkah)
        return Amended(base, numbers, (False,) * len(numbers), ())
    state = _State.of(base)
    words: list[str] = []
    for index, amendment in enumerate(amendments, start=1):
        try:
            words.append(state.apply(amendment))
        except AmendmentError as exc:
            raise AmendmentError(f"amandemen ke-{index}: {exc}") from None
    return Amended(state.doc, tuple(state.origin), tuple(state.touched), tuple(words))


def check_amendment(base: SopDocument, earlier: Sequence[Amendment], amendment: Amendment) -> Amended:
    """The result of adding ``amendment`` after ``earlier``; AmendmentError (without an index) if refused."""
    state = _State.of(base)
    words = [state.apply(a) for a in earlier]
    words.append(state.apply(amendment))
    return Amended(state.doc, tuple(state.origin), tuple(state.touched), tuple(words))


def validate_document(doc: SopDocument) -> list[Problem]:
    """The validator's errors for ``doc`` as if it were written to a file (warnings left out)."""
    problems: list[Problem] = []
    _read_back(_sop_data(doc), problems)
    return [p for p in problems if p.is_error]


def _read_back(data: dict[str, Any], problems: list[Problem]) -> SopDocument:
    """``data`` read with the validator's own parser. Imported here, not at the top: the
    validator pulls in yaml, and `export`/`record` of items without amendments never need it."""
    from sopreview.domain.checker import Checker
    from sopreview.domain.sop_parse import parse_sop
    from sopreview.domain.yamlread import YamlDoc

    return parse_sop(Checker(YamlDoc(data), WHERE, problems), data, ())


def _sop_data(doc: SopDocument) -> dict[str, Any]:
    from sopreview.domain.sop_yaml import sop_data

    return sop_data(doc)


@dataclass
class _State:
    data: dict[str, Any]
    doc: SopDocument
    origin: list[int | None]
    touched: list[bool]

    @classmethod
    def of(cls, base: SopDocument) -> _State:
        data = _plain(base)
        return cls(data, base, [s.nomor for s in base.langkah], [False] * len(base.langkah))

    @property
    def steps(self) -> list[dict[str, Any]]:
        steps: list[dict[str, Any]] = self.data["langkah"]
        return steps

    def apply(self, amendment: Amendment) -> str:
        handler = _HANDLERS.get(amendment.jenis)
        if handler is None:
            raise AmendmentError(f"jenis amandemen {amendment.jenis!r} tidak dikenal; pilihan: {', '.join(KINDS)}")
        saved = (copy.deepcopy(self.data), list(self.origin), list(self.touched))
        try:
            words = handler(self, amendment)
            self._accept()
        except AmendmentError:
            self.data, self.origin, self.touched = saved
            raise
        return words

    def _accept(self) -> None:
        """Read the result back with the validator; refuse errors and actors left without a step."""
        problems: list[Problem] = []
        doc = _read_back(self.data, problems)
        errors = [p for p in problems if p.is_error]
        if errors:
            first = errors[0]
            where = f" [{first.field}]" if first.field else ""
            hint = f" ({first.hint})" if first.hint else ""
            raise AmendmentError(f"hasilnya ditolak{where}: {first.message}{hint}")
        had_steps = {s.pelaksana for s in self.doc.langkah}
        used = {s.pelaksana for s in doc.langkah}
        idle = [a for a in doc.pelaksana if a not in used and (a in had_steps or a not in self.doc.pelaksana)]
        if idle:
            raise AmendmentError(f"hasilnya ditolak: pelaksana '{idle[0]}' tidak punya langkah "
                                 "(pindahkan langkah ke pelaksana itu, atau hapus pelaksana itu dengan "
                                 "memindahkan langkahnya)")
        self.doc = doc

    # -- helpers shared by the handlers ---------------------------------------------------------
    def index_of(self, nomor: int, what: str = "langkah") -> int:
        count = len(self.steps)
        if not 1 <= nomor <= count:
            raise AmendmentError(f"{what} {nomor} tidak ada (SOP ini punya langkah 1–{count})")
        return nomor - 1

    def inner(self, nomor: int, verb: str) -> None:
        count = len(self.steps)
        if nomor in (1, count):
            end = "mulai" if nomor == 1 else "selesai"
            raise AmendmentError(f"langkah {nomor} adalah {end} (terminator) dan tidak dapat {verb}; "
                                 f"pilih langkah 2–{count - 1}")

    def retarget(self, mapping: dict[int, int]) -> None:
        """Renumber every ``keputusan`` target and ``lanjut`` after steps moved."""
        for step in self.steps:
            if "keputusan" in step:
                step["keputusan"] = {a: mapping.get(t, t) for a, t in step["keputusan"].items()}
            if step.get("lanjut") is not None:
                step["lanjut"] = mapping.get(step["lanjut"], step["lanjut"])

    def pointing_to(self, nomor: int) -> list[int]:
        found = []
        for n, step in enumerate(self.steps, start=1):
            targets = list((step.get("keputusan") or {}).values()) + [step.get("lanjut")]
            if nomor in targets:
                found.append(n)
        return found

    def actors(self) -> list[str]:
        actors: list[str] = self.data["pelaksana"]
        return actors


def _plain(doc: SopDocument) -> dict[str, Any]:
    data = copy.deepcopy(_sop_data(doc))
    data["langkah"] = [dict(s, keputusan=dict(s["keputusan"])) if "keputusan" in s else dict(s)
                       for s in data["langkah"]]
    if "disahkan_oleh" in data:
        data["disahkan_oleh"] = dict(data["disahkan_oleh"])
    return data


def _shown(value: Any) -> str:
    if value in (None, "", [], {}):
        return "(kosong)"
    if isinstance(value, dict):
        return "; ".join(f"{a} → {t}" for a, t in value.items())
    return str(value)


def _text(value: Any, name: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise AmendmentError(f"'{name}' harus berupa teks, bukan {value!r}")
    return value.strip()


def _keputusan(value: Any) -> dict[str, int]:
    """Answers as ``{answer: target}`` from a mapping or a list of pairs; empty removes the decision."""
    if value in (None, "", [], {}):
        return {}
    pairs = value.items() if isinstance(value, dict) else value
    out: dict[str, int] = {}
    try:
        for answer, target in pairs:
            if isinstance(target, bool) or not isinstance(target, int):
                raise AmendmentError(f"jawaban '{answer}' harus menunjuk nomor langkah, bukan {target!r}")
            word = str(answer).strip().lower()
            if not word:
                raise AmendmentError("jawaban keputusan tidak boleh kosong")
            if word in out:
                raise AmendmentError(f"jawaban '{word}' ditulis dua kali")
            out[word] = target
    except (TypeError, ValueError) as exc:
        if isinstance(exc, AmendmentError):
            raise
        raise AmendmentError("keputusan ditulis sebagai pasangan jawaban → nomor langkah, mis. ya=5 tidak=3") from None
    return out


def parse_branches(text: str) -> list[list[Any]]:
    """``ya=5, tidak=3`` (also ``ya: 5``) → ``[["ya", 5], ["tidak", 3]]``; empty → no decision.

    The one reading of typed answers, for the CLI's ``--set keputusan=`` and the app's dialog."""
    pairs: list[list[Any]] = []
    for part in (p.strip() for p in text.replace(";", ",").split(",") if p.strip()):
        answer, sep, target = part.replace(":", "=").partition("=")
        if not sep or not target.strip().isdigit() or not answer.strip():
            raise AmendmentError(f"keputusan {text!r}: tulis JAWABAN=NOMOR dipisah koma, mis. ya=5, tidak=3")
        pairs.append([answer.strip(), int(target)])
    return pairs


def branches_of(step: Any) -> str:
    """A step's answers written the way ``parse_branches`` reads them."""
    return ", ".join(f"{answer}={target}" for answer, target in step.keputusan)


def _set_field(step: dict[str, Any], name: str, value: Any) -> None:
    if name == "keputusan":
        answers = _keputusan(value)
        if answers:
            step["keputusan"] = answers
        else:
            step.pop("keputusan", None)
    elif name == "lanjut":
        if value in (None, "", 0):
            step.pop("lanjut", None)
        elif isinstance(value, bool) or not isinstance(value, int):
            raise AmendmentError(f"'lanjut' harus nomor langkah, bukan {value!r}")
        else:
            step["lanjut"] = value
    else:
        text = _text(value, name)
        if text:
            step[name] = text
        else:
            step.pop(name, None)


def _ubah(state: _State, a: Amendment) -> str:
    index = state.index_of(a.langkah)
    step = state.steps[index]
    unknown = [k for k in a.nilai if k not in STEP_EDITABLE]
    if unknown:
        raise AmendmentError(f"kolom {', '.join(map(repr, unknown))} tidak dapat diubah; pilihan: "
                             f"{', '.join(STEP_EDITABLE)}")
    parts: list[str] = []
    for name in STEP_EDITABLE:
        if name not in a.nilai:
            continue
        before = copy.deepcopy(step.get(name))
        _set_field(step, name, a.nilai[name])
        after = step.get(name)
        if before != after:
            parts.append(f"{STEP_LABEL[name]} {_shown(before)} → {_shown(after)}")
    if not parts:
        raise AmendmentError(f"langkah {a.langkah}: tidak ada yang berubah")
    state.touched[index] = True
    return f"Langkah {a.langkah}: " + "; ".join(parts)


def _sisip(state: _State, a: Amendment) -> str:
    count = len(state.steps)
    if not 2 <= a.langkah <= count:
        raise AmendmentError(f"langkah baru disisipkan di antara mulai dan selesai: posisi 2–{count}, "
                             f"bukan {a.langkah}")
    unknown = [k for k in a.nilai if k not in STEP_EDITABLE]
    if unknown:
        raise AmendmentError(f"kolom {', '.join(map(repr, unknown))} tidak dikenal; pilihan: {', '.join(STEP_EDITABLE)}")
    state.retarget({n: n + 1 for n in range(a.langkah, count + 1)})
    step: dict[str, Any] = {}
    for name in STEP_EDITABLE:
        if name in a.nilai:
            _set_field(step, name, a.nilai[name])
    state.steps.insert(a.langkah - 1, step)
    state.origin.insert(a.langkah - 1, None)
    state.touched.insert(a.langkah - 1, True)
    kind = "keputusan" if step.get("keputusan") else "langkah"
    return f"Langkah baru {a.langkah} ({kind}) disisipkan: {step.get('kegiatan', '')} — {step.get('pelaksana', '')}"


def _hapus(state: _State, a: Amendment) -> str:
    index = state.index_of(a.langkah)
    state.inner(a.langkah, "dihapus")
    step = state.steps[index]
    sources = state.pointing_to(a.langkah)
    if sources and step.get("keputusan"):
        raise AmendmentError(f"langkah {a.langkah} adalah keputusan yang dituju langkah "
                             f"{', '.join(map(str, sources))}; ubah dulu tujuan itu")
    successor = step.get("lanjut") or a.langkah + 1
    mapping = {a.langkah: successor}
    state.retarget(mapping)  # whoever went to the removed step goes where it went
    shift = {n: n - 1 for n in range(a.langkah + 1, len(state.steps) + 1)}
    del state.steps[index]
    del state.origin[index]
    del state.touched[index]
    state.retarget(shift)
    return f"Langkah {a.langkah} dihapus: {step.get('kegiatan', '')}"


def _pindah(state: _State, a: Amendment) -> str:
    state.index_of(a.langkah)
    state.inner(a.langkah, "dipindah")
    count = len(state.steps)
    if not 2 <= a.ke <= count - 1:
        raise AmendmentError(f"langkah dipindah ke posisi di antara mulai dan selesai: 2–{count - 1}, bukan {a.ke}")
    if a.ke == a.langkah:
        raise AmendmentError(f"langkah {a.langkah} sudah di posisi {a.ke}")
    order = list(range(1, count + 1))
    order.insert(a.ke - 1, order.pop(a.langkah - 1))
    mapping = {old: new for new, old in enumerate(order, start=1)}
    state.retarget(mapping)
    for items in (state.steps, state.origin, state.touched):
        items.insert(a.ke - 1, items.pop(a.langkah - 1))  # type: ignore[arg-type]
    state.touched[a.ke - 1] = True
    kegiatan = state.steps[a.ke - 1].get("kegiatan", "")
    return f"Langkah {a.langkah} ({kegiatan}) dipindah ke urutan {a.ke}"


def _actor_name(a: Amendment, key: str) -> str:
    name = _text(a.nilai.get(key), key)
    if not name:
        raise AmendmentError(f"nama pelaksana ('{key}') wajib diisi")
    return name


def _tambah_pelaksana(state: _State, a: Amendment) -> str:
    """A new actor with the steps that move to it (an actor with no step is refused)."""
    nama = _actor_name(a, "nama")
    actors = state.actors()
    if nama in actors:
        raise AmendmentError(f"pelaksana '{nama}' sudah ada")
    langkah = a.nilai.get("langkah") or []
    if not isinstance(langkah, list) or not all(isinstance(n, int) and not isinstance(n, bool) for n in langkah):
        raise AmendmentError("'langkah' pelaksana baru harus daftar nomor langkah")
    if not langkah:
        raise AmendmentError(f"pelaksana '{nama}' tidak punya langkah; sebutkan langkah yang dikerjakannya")
    posisi = a.nilai.get("posisi") or len(actors) + 1
    if isinstance(posisi, bool) or not isinstance(posisi, int) or not 1 <= posisi <= len(actors) + 1:
        raise AmendmentError(f"posisi pelaksana harus 1–{len(actors) + 1}")
    actors.insert(posisi - 1, nama)
    for nomor in langkah:
        index = state.index_of(nomor)
        state.steps[index]["pelaksana"] = nama
        state.touched[index] = True
    return f"Pelaksana '{nama}' ditambahkan (langkah {', '.join(map(str, langkah))})"


def _ganti_pelaksana(state: _State, a: Amendment) -> str:
    lama, baru = _actor_name(a, "lama"), _actor_name(a, "baru")
    actors = state.actors()
    if lama not in actors:
        raise AmendmentError(f"pelaksana '{lama}' tidak ada; pilihan: {', '.join(actors)}")
    if baru in actors:
        raise AmendmentError(f"pelaksana '{baru}' sudah ada")
    actors[actors.index(lama)] = baru
    for step in state.steps:
        if step.get("pelaksana") == lama:
            step["pelaksana"] = baru
    return f"Pelaksana '{lama}' → '{baru}'"


def _hapus_pelaksana(state: _State, a: Amendment) -> str:
    nama = _actor_name(a, "nama")
    actors = state.actors()
    if nama not in actors:
        raise AmendmentError(f"pelaksana '{nama}' tidak ada; pilihan: {', '.join(actors)}")
    ke = _text(a.nilai.get("pindah_ke"), "pindah_ke")
    moved = [n for n, s in enumerate(state.steps, start=1) if s.get("pelaksana") == nama]
    if moved and not ke:
        raise AmendmentError(f"pelaksana '{nama}' masih punya langkah {', '.join(map(str, moved))}; "
                             "sebutkan pelaksana yang mengambil alih ('pindah_ke')")
    if moved and (ke not in actors or ke == nama):
        raise AmendmentError(f"'pindah_ke' harus pelaksana lain yang ada; pilihan: "
                             f"{', '.join(x for x in actors if x != nama)}")
    actors.remove(nama)
    for n in moved:
        state.steps[n - 1]["pelaksana"] = ke
        state.touched[n - 1] = True
    tail = f"; langkah {', '.join(map(str, moved))} ke '{ke}'" if moved else ""
    return f"Pelaksana '{nama}' dihapus{tail}"


def _identitas(state: _State, a: Amendment) -> str:
    unknown = [k for k in a.nilai if k not in LIST_FIELDS]
    if unknown or not a.nilai:
        raise AmendmentError(f"daftar identitas yang dapat diubah: {', '.join(LIST_FIELDS)}")
    parts: list[str] = []
    for name in LIST_FIELDS:
        if name not in a.nilai:
            continue
        value = a.nilai[name]
        if not isinstance(value, list):
            raise AmendmentError(f"'{name}' harus berupa daftar teks")
        items = [_text(v, name) for v in value]
        items = [v for v in items if v]
        before = list(state.data.get(name) or [])
        if items == before:
            continue
        if items:
            state.data[name] = items
        else:
            state.data.pop(name, None)
        added = [x for x in items if x not in before]
        removed = [x for x in before if x not in items]
        words = [f"ditambah '{x}'" for x in added] + [f"dihapus '{x}'" for x in removed]
        parts.append(f"{IDENTITY_LABEL[name]}: {', '.join(words) or 'urutan diubah'}")
    if not parts:
        raise AmendmentError("daftar identitas tidak berubah")
    return "; ".join(p[0].upper() + p[1:] for p in parts)


_HANDLERS = {
    UBAH: _ubah, SISIP: _sisip, HAPUS: _hapus, PINDAH: _pindah, TAMBAH_PELAKSANA: _tambah_pelaksana,
    GANTI_PELAKSANA: _ganti_pelaksana, HAPUS_PELAKSANA: _hapus_pelaksana, IDENTITAS: _identitas,
}


# -- what the meeting changed, by step identity ----------------------------------------------
@dataclass(frozen=True)
class TrackedDiff:
    """The submitted and the amended version compared step by step through ``origin``."""

    disisipkan: tuple[int, ...]
    """Numbers (amended) of the inserted steps."""
    dihapus: tuple[int, ...]
    """Numbers (submitted) of the removed steps."""
    diubah: dict[int, tuple[str, ...]]
    """Submitted number → the fields whose values differ (targets compared by step identity)."""
    identitas: tuple[str, ...]
    pelaksana_ditambah: tuple[str, ...]
    pelaksana_dihapus: tuple[str, ...]
    pelaksana_diganti: tuple[tuple[str, str], ...] = ()


def tracked_diff(submitted: SopDocument, amended: Amended) -> TrackedDiff:
    """Compare field by field; a step renumbered by an insert elsewhere is not a change."""
    doc = amended.dokumen
    to_origin = {n: o for n, o in enumerate(amended.origin, start=1)}

    def target(nomor: int | None, table: dict[int, Any]) -> Any:
        return None if nomor is None else table.get(nomor, ("baru", nomor))

    added, removed, renamed = _diff_actors(submitted.pelaksana, doc.pelaksana)
    rename = dict(renamed)
    changed: dict[int, tuple[str, ...]] = {}
    identity_old = {s.nomor: s.nomor for s in submitted.langkah}
    for new_nomor, origin in to_origin.items():
        if origin is None:
            continue
        old, new = submitted.langkah[origin - 1], doc.langkah[new_nomor - 1]
        fields: list[str] = []
        for name in TEXT_FIELDS:
            before = rename.get(old.pelaksana, old.pelaksana) if name == "pelaksana" else getattr(old, name)
            if before != getattr(new, name):
                fields.append(name)
        old_branches = tuple((a, target(t, identity_old)) for a, t in old.keputusan)
        new_branches = tuple((a, target(t, to_origin)) for a, t in new.keputusan)
        if old_branches != new_branches:
            fields.append("keputusan")
        if target(old.lanjut, identity_old) != target(new.lanjut, to_origin):
            fields.append("lanjut")
        if fields:
            changed[origin] = tuple(fields)
    kept = {o for o in amended.origin if o is not None}
    return TrackedDiff(
        disisipkan=tuple(n for n, o in to_origin.items() if o is None),
        dihapus=tuple(s.nomor for s in submitted.langkah if s.nomor not in kept),
        diubah=changed,
        identitas=tuple(n for n in LIST_FIELDS if getattr(submitted, n) != getattr(doc, n)),
        pelaksana_ditambah=added,
        pelaksana_dihapus=removed,
        pelaksana_diganti=renamed,
    )
