"""Evaluation items: SOPs in force put on a meeting's agenda to be evaluated (issue 14).

An evaluation item is stored like a proposal (one snapshot on the agenda) with jenis ``evaluasi``
and the id of its file under ``sops/`` (``<subbag>/berlaku/<slug>``), so the agenda, the clock,
notes, actions, carry-over and the minutes treat it as one more item without a second list.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from sopreview.domain.model import Proposal, ProposalHead
from sopreview.domain.register import InForce
from sopreview.domain.vocab import EVALUATION_JENIS

SEMUA = "semua"
"""``--evaluasi semua``: every SOP in force."""
JATUH_TEMPO = "jatuh-tempo"
"""``--evaluasi jatuh-tempo``: every SOP whose monitoring is due (``daftar --due``)."""


def evaluation_item(sop: InForce, durasi_menit: int = 10) -> Proposal:
    """The agenda item for evaluating ``sop`` (the version in force, as read from its file)."""
    return Proposal(id=sop.path.removesuffix(".yaml"), subbag=sop.subbag, jenis=EVALUATION_JENIS,
                    dokumen=sop.dokumen, ringkasan=f"Evaluasi penerapan SOP yang berlaku ({sop.sop_id})",
                    durasi_menit=durasi_menit, sampel=sop.sampel, sumber=sop.path)


def register_id(item: Proposal | ProposalHead) -> str:
    """``hukum-sdm/berlaku/jdih`` → ``hukum-sdm/jdih`` (the id in the Daftar SOP)."""
    subbag, _, slug = item.id.rpartition("/")
    return f"{subbag.removesuffix('/berlaku')}/{slug}"


class SelectionError(ValueError):
    """A ``--evaluasi`` word that names no SOP in force; the message says what exists."""


def select_in_force(in_force: Sequence[InForce], words: Iterable[str], due: Collection[str] = ()) -> list[InForce]:
    """The SOPs in force named by ``words``: ``semua``, ``jatuh-tempo`` (the ids in ``due``), a sub
    bagian kode, or register ids (``hukum-sdm/jdih``); in register order, each once."""
    chosen: dict[str, InForce] = {}
    subbags = sorted({s.subbag for s in in_force})
    for raw in words:
        word = raw.strip().strip("/")
        if not word:
            continue
        hits = [s for s in in_force if word == SEMUA or s.subbag == word or s.sop_id == word
                or s.path.removesuffix(".yaml") == word or (word == JATUH_TEMPO and s.sop_id in due)]
        if not hits and word == JATUH_TEMPO:
            continue  # nothing due: not a typo
        if not hits:
            known = ", ".join(s.sop_id for s in in_force[:8]) + (" …" if len(in_force) > 8 else "")
            raise SelectionError(
                f"--evaluasi {raw!r}: tidak ada SOP berlaku dengan id atau sub bagian itu. Tulis '{SEMUA}', '{JATUH_TEMPO}', "
                f"kode sub bagian ({', '.join(subbags) or 'belum ada'}) atau id SOP berlaku ({known or 'belum ada'})")
        for s in hits:
            chosen.setdefault(s.sop_id, s)
    return list(chosen.values())
