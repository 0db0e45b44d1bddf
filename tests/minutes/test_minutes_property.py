"""For any session, the tallies the minutes print equal the decisions recorded in it."""

from __future__ import annotations

import re
import tempfile
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sopreview.domain.vocab import decision_keys, proposal_kind_keys
from sopreview.domain.model import Organisasi, Proposal, SopDocument, SubBagian
from sopreview.minutes.csv import render as render_csv
from sopreview.minutes.markdown import render as render_md
from sopreview.minutes.build import build_minutes
from sopreview.minutes.model import BELUM, label_keputusan
from sopreview.store.session import Session
from tests.minutes.readers import read_csv

ORG = Organisasi(nama="KPU Kota Uji", kota="Uji",
                 subbag=(SubBagian("a", "Sub Bagian A"), SubBagian("b", "Sub Bagian B")))

plans = st.lists(
    st.tuples(st.sampled_from(proposal_kind_keys()), st.sampled_from(("a", "b")), st.sampled_from((*decision_keys(), None))),
    min_size=0, max_size=10,
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=plans)
def test_counts_equal_recorded_decisions(plan: list[tuple[str, str, str | None]]) -> None:
    proposals = [Proposal(id=f"{sb}/p{n}", subbag=sb, jenis=jenis, dokumen=SopDocument(nama=f"Uji {n}"))
                 for n, (jenis, sb, _) in enumerate(plan)]
    with tempfile.TemporaryDirectory() as tmp:
        with Session.create(Path(tmp) / "acak.json", ORG, proposals) as session:
            for p, (_, _, keputusan) in zip(proposals, plan):
                if keputusan is not None:
                    session.record_decision(p.id, keputusan, "" if keputusan == "disetujui" else "alasan")
            recorded = Counter(
                (p.jenis, d.keputusan if (d := session.decision(p.id)) else BELUM) for p in session.proposals())
            m = build_minutes(session)
            md = render_md(m).decode("utf-8")
            csv_rows = read_csv(render_csv(m))

    by_decision: Counter[str] = Counter()
    for (_, keputusan), n in recorded.items():
        by_decision[keputusan] += n
    assert {r.kunci: r.jumlah for r in m.rekap_keputusan if r.jumlah} == dict(by_decision)
    assert sum(r.jumlah for r in m.rekap_keputusan) == len(plan)
    for rj in m.rekap_jenis:
        for r in rj.per_keputusan:
            assert r.jumlah == recorded[(rj.jenis, r.kunci)]
    # the sentence names every non-zero (jenis, decision) pair with its count, and nothing else
    sentence = m.ringkasan_keputusan
    if plan:
        parts = re.split(r", dan |, | dan ", sentence.removesuffix("."))
        assert sorted(parts) == sorted(
            f"{n} SOP {jenis} {label_keputusan(kunci).lower()}" for (jenis, kunci), n in recorded.items())
    # the CSV rows and the printed tally table agree with the store
    assert Counter(r["Kode Keputusan"] for r in csv_rows) == by_decision
    header, rows = m.tabel_rekap()
    assert rows[-1][-1] == str(len(plan))
    for row in rows[:-1]:
        assert f"| {row[0]} | " + " | ".join(row[1:]) + " |" in md
    assert len(m.dibawa) == by_decision["ditunda"] + by_decision[BELUM]
