"""Results over time of one SOP in force (issue 14): criteria met per evaluation, steps not running
well per monitoring, oldest first, with a one-line sparkline for where people would rather look
than read (the app beside the SOP, ``riwayat``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sopreview.domain.monitoring import MonitoringRecord
from sopreview.domain.register import STATUS, Event
from sopreview.domain.vocab import decision_label, evaluation_outcomes

BARS = "▁▂▃▄▅▆▇█"


@dataclass(frozen=True)
class ResultPoint:
    """One evaluation or one monitoring."""

    tanggal: str
    jenis: str
    """``evaluasi`` or ``monitoring``."""
    nilai: int
    """Criteria met (evaluation) or steps running well (monitoring)."""
    dari: int
    """Criteria on the form, or steps monitored (0 = not known)."""
    keterangan: str
    """The outcome label (evaluation) or who judged it (monitoring)."""

    @property
    def ratio(self) -> float | None:
        return self.nilai / self.dari if self.dari else None


def evaluation_points(events: Iterable[Event], sop_id: str) -> list[ResultPoint]:
    outcomes = {k.key for k in evaluation_outcomes()}
    out = []
    for e in events:
        if e.sop == sop_id and e.peristiwa == STATUS and e.keputusan in outcomes:
            met, _, total = e.kriteria.partition("/")
            ok = met.isdigit() and total.isdigit()
            out.append(ResultPoint(e.tanggal, "evaluasi", int(met) if ok else 0, int(total) if ok else 0,
                                   decision_label(e.keputusan)))
    return out


def monitoring_points(records: Iterable[MonitoringRecord]) -> list[ResultPoint]:
    return [ResultPoint(r.tanggal, "monitoring", len(r.langkah) - r.not_running, len(r.langkah), r.penilai)
            for r in records]


def timeline(events: Iterable[Event], records: Iterable[MonitoringRecord], sop_id: str) -> list[ResultPoint]:
    """Evaluations and monitorings of ``sop_id`` (records already filtered to it), oldest first."""
    points = evaluation_points(events, sop_id) + monitoring_points(r for r in records if r.sop == sop_id)
    return sorted(points, key=lambda p: (p.tanggal, p.jenis))


def sparkline(points: Sequence[ResultPoint]) -> str:
    """One bar per result, the height its share (criteria met, steps running well); ``·`` = unknown."""
    out = []
    for point in points:
        ratio = point.ratio
        out.append("·" if ratio is None else BARS[min(len(BARS) - 1, round(ratio * (len(BARS) - 1)))])
    return "".join(out)


def point_text(point: ResultPoint) -> str:
    if point.jenis == "evaluasi":
        met = f"{point.nilai} dari {point.dari} kriteria terpenuhi" if point.dari else "kriteria tidak dicatat"
        return f"{point.tanggal} evaluasi: {point.keterangan}, {met}"
    bad = point.dari - point.nilai
    return f"{point.tanggal} monitoring ({point.keterangan}): {bad} dari {point.dari} langkah tidak berjalan baik"
