"""Turn one checked YAML mapping into a SopDocument, validating steps and the flow between them."""

from __future__ import annotations

from typing import Any

from sopreview.domain.checker import Checker, describe
from sopreview.domain.model import (
    SIMBOL_KEPUTUSAN,
    SIMBOL_MULAI,
    SIMBOL_PROSES,
    SIMBOL_SELESAI,
    Pengesah,
    SopDocument,
    Step,
)
from sopreview.domain.schema import PENGESAH_FIELDS, SOP_FIELDS, STEP_FIELDS, FieldSpec
from sopreview.domain.yamlread import FieldPath

MIN_STEPS = 2


def parse_sop(check: Checker, data: dict[str, Any], where: FieldPath,
              spec: dict[str, FieldSpec] = SOP_FIELDS) -> SopDocument:
    """Read the SOP fields of ``data``; problems go to ``check``. Always returns a document."""
    check.known_keys(data, where, spec)
    pelaksana = check.text_list(data, "pelaksana", where, required=True)
    seen: dict[str, int] = {}
    for index, actor in enumerate(pelaksana):
        if actor in seen:
            check.problem(where + ("pelaksana", index), f"pelaksana '{actor}' ditulis dua kali",
                          "setiap pelaksana cukup ditulis sekali")
        seen.setdefault(actor, index)
    steps = _parse_steps(check, data.get("langkah"), where + ("langkah",), pelaksana,
                         present="langkah" in data)
    return SopDocument(
        nama=check.text(data, "nama", where, required=True),
        nomor=check.text(data, "nomor", where),
        revisi_ke=check.integer(data, "revisi_ke", where, 0, minimum=0, maximum=999),
        tanggal_pembuatan=check.date(data, "tanggal_pembuatan", where),
        tanggal_revisi=check.date(data, "tanggal_revisi", where),
        tanggal_efektif=check.date(data, "tanggal_efektif", where),
        disahkan_oleh=_parse_pengesah(check, data, where),
        dasar_hukum=check.text_list(data, "dasar_hukum", where),
        kualifikasi_pelaksana=check.text_list(data, "kualifikasi_pelaksana", where),
        keterkaitan=check.text_list(data, "keterkaitan", where),
        peralatan=check.text_list(data, "peralatan", where),
        peringatan=check.text_list(data, "peringatan", where),
        pencatatan=check.text_list(data, "pencatatan", where),
        pelaksana=pelaksana,
        langkah=steps,
    )


def _parse_pengesah(check: Checker, data: dict[str, Any], where: FieldPath) -> Pengesah:
    value = data.get("disahkan_oleh")
    if value is None:
        return Pengesah()
    here = where + ("disahkan_oleh",)
    mapping = check.mapping(value, here, "'disahkan_oleh'")
    if mapping is None:
        return Pengesah()
    check.known_keys(mapping, here, PENGESAH_FIELDS)
    return Pengesah(
        jabatan=check.text(mapping, "jabatan", here),
        nama=check.text(mapping, "nama", here),
        nip=check.text(mapping, "nip", here),
    )


def _parse_steps(check: Checker, value: Any, where: FieldPath, actors: tuple[str, ...],
                 *, present: bool) -> tuple[Step, ...]:
    if value is None:
        if present:
            check.problem(where, "'langkah' kosong", "tulis minimal langkah mulai dan selesai")
        return ()
    if not isinstance(value, list):
        check.problem(where, f"'langkah' harus berupa daftar langkah, bukan {describe(value)}",
                      "tiap langkah diawali `- kegiatan: ...`")
        return ()
    if len(value) < MIN_STEPS:
        check.problem(where, f"SOP hanya punya {len(value)} langkah",
                      "tulis minimal langkah mulai (pertama) dan selesai (terakhir)")
    count = len(value)
    steps: list[Step] = []
    for index, raw in enumerate(value):
        here = where + (index,)
        mapping = check.mapping(raw, here, f"langkah ke-{index + 1}")
        if mapping is None:
            continue
        steps.append(_parse_step(check, mapping, here, index + 1, count, actors))
    if len(steps) == count and count >= MIN_STEPS:
        _check_flow(check, steps, where)
    return tuple(steps)


def _parse_step(check: Checker, data: dict[str, Any], where: FieldPath, nomor: int, count: int,
                actors: tuple[str, ...]) -> Step:
    check.known_keys(data, where, STEP_FIELDS)
    actor = check.text(data, "pelaksana", where, required=True)
    if actor and actors and actor not in actors:
        check.problem(where + ("pelaksana",), f"pelaksana '{actor}' tidak ada di daftar 'pelaksana'",
                      "pilih salah satu: " + ", ".join(actors) + " — atau tambahkan ke daftar 'pelaksana'")
    keputusan = _parse_keputusan(check, data, where, nomor, count)
    lanjut: int | None = None
    if data.get("lanjut") is not None:
        target = check.integer(data, "lanjut", where, -1, minimum=-10**6, maximum=10**6)
        if target != -1 and _target_ok(check, where + ("lanjut",), target, nomor, count):
            lanjut = target
    if nomor == 1:
        simbol = SIMBOL_MULAI
    elif nomor == count:
        simbol = SIMBOL_SELESAI
    elif keputusan:
        simbol = SIMBOL_KEPUTUSAN
    else:
        simbol = SIMBOL_PROSES
    if simbol in (SIMBOL_MULAI, SIMBOL_SELESAI) and keputusan:
        check.problem(where + ("keputusan",),
                      f"langkah {nomor} adalah {simbol} (terminator) dan tidak boleh berupa keputusan",
                      "tambahkan langkah keputusan tersendiri sebelum langkah selesai / sesudah mulai")
        keputusan = ()
    if simbol == SIMBOL_SELESAI and lanjut is not None:
        check.problem(where + ("lanjut",), "langkah terakhir (selesai) tidak boleh punya 'lanjut'",
                      "hapus `lanjut` dari langkah terakhir")
        lanjut = None
    if keputusan and lanjut is not None:
        check.warn(where + ("lanjut",), "'lanjut' diabaikan pada langkah keputusan",
                   "arah alur keputusan ditentukan oleh jawaban di 'keputusan'")
        lanjut = None
    return Step(
        nomor=nomor,
        kegiatan=check.text(data, "kegiatan", where, required=True),
        pelaksana=actor,
        kelengkapan=check.text(data, "kelengkapan", where),
        waktu=check.text(data, "waktu", where),
        output=check.text(data, "output", where),
        keterangan=check.text(data, "keterangan", where),
        keputusan=keputusan,
        lanjut=lanjut,
        simbol=simbol,
    )


def _parse_keputusan(check: Checker, data: dict[str, Any], where: FieldPath, nomor: int,
                     count: int) -> tuple[tuple[str, int], ...]:
    value = data.get("keputusan")
    if value is None:
        return ()
    here = where + ("keputusan",)
    mapping = check.mapping(value, here, "'keputusan'")
    if mapping is None:
        return ()
    if len(mapping) != 2:
        check.problem(here, f"keputusan harus punya tepat dua jawaban, tertulis {len(mapping)}",
                      "mis. `keputusan: {ya: 5, tidak: 3}`")
        return ()
    answers: list[tuple[str, int]] = []
    for answer, target in mapping.items():
        # YAML 1.1 reads `yes`/`no` as booleans: give them back their words.
        answer_text = ("ya" if answer else "tidak") if isinstance(answer, bool) else str(answer).lower()
        if isinstance(target, bool) or not isinstance(target, int):
            check.problem(here + (str(answer),), f"jawaban '{answer_text}' harus menunjuk nomor langkah, "
                          f"bukan {describe(target)}", "tulis nomor langkah tujuan, mis. `ya: 5`")
            return ()
        if not _target_ok(check, here + (str(answer),), target, nomor, count):
            return ()
        answers.append((answer_text, target))
    return tuple(answers)


def _target_ok(check: Checker, where: FieldPath, target: int, nomor: int, count: int) -> bool:
    if not 1 <= target <= count:
        check.problem(where, f"langkah {target} tidak ada (SOP ini punya langkah 1–{count})",
                      f"tunjuk nomor langkah antara 1 dan {count}")
        return False
    if target == nomor:
        check.problem(where, f"langkah {nomor} menunjuk dirinya sendiri",
                      "tunjuk langkah lain agar alur tidak berputar di tempat")
        return False
    return True


def _check_flow(check: Checker, steps: list[Step], where: FieldPath) -> None:
    """Every step reached from the start must be able to reach the end."""
    last = len(steps)
    edges = {s.nomor: [t for _, t in s.successors(last)] for s in steps}
    reached = _reachable(1, edges)
    if last not in reached:
        check.problem(where, f"alur dari langkah mulai tidak pernah sampai ke langkah selesai ({last})",
                      "periksa 'keputusan' dan 'lanjut' agar ada jalan ke langkah terakhir")
        return
    reverse: dict[int, list[int]] = {n: [] for n in edges}
    for source, targets in edges.items():
        for target in targets:
            reverse[target].append(source)
    reaches_end = _reachable(last, reverse)
    for step in steps:
        if step.nomor in reached and step.nomor not in reaches_end:
            check.problem(where + (step.nomor - 1,),
                          f"alur dari langkah {step.nomor} berputar terus dan tidak pernah sampai ke selesai",
                          "arahkan salah satu jawaban/`lanjut` ke langkah yang menuju selesai")
        elif step.nomor not in reached:
            check.warn(where + (step.nomor - 1,), f"langkah {step.nomor} tidak pernah dicapai dari langkah mulai",
                       "arahkan 'keputusan' atau 'lanjut' langkah sebelumnya ke langkah ini, atau hapus langkah ini")


def _reachable(start: int, edges: dict[int, list[int]]) -> set[int]:
    seen = {start}
    stack = [start]
    while stack:
        for target in edges.get(stack.pop(), ()):
            if target not in seen:
                seen.add(target)
                stack.append(target)
    return seen
