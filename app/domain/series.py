"""Turn reported entries into the one series a target's arithmetic needs.

Reported figures mix running totals (累计获批70个), amounts for a period (前三季度产值257亿元) and year-to-date
figures that reset every January (1-8月新增算力). Each target kind reads them differently; the rules here keep
year-to-date figures from ever being added across months of the same year.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.domain.entities import ProgressEntry, TargetKind, ValueType


@dataclass(frozen=True, slots=True)
class Observation:
    """The tracked quantity, in the target's unit, as of the end of ``on``."""

    on: date
    value: Decimal
    entry: ProgressEntry | None  # None for the baseline point
    annualised: bool = False


def flow_total(entries: Iterable[ProgressEntry]) -> Decimal:
    """Sum period amounts without counting any stretch of time twice.

    Within each year the longest span from the earliest start wins (so 1-9月 beats 1-3月 and 1-6月), and a
    later entry counts only when it starts after everything already counted (10月 after 1-9月).
    """
    total = Decimal(0)
    by_year: dict[int, list[ProgressEntry]] = {}
    for e in entries:
        by_year.setdefault(e.period.end.year, []).append(e)
    for year_entries in by_year.values():
        covered_until: date | None = None
        for e in sorted(year_entries, key=lambda x: (x.period.start, -x.period.end.toordinal())):
            if covered_until is None or e.period.start > covered_until:
                total += e.value
                covered_until = e.period.end
    return total


def cumulative_series(
    entries: Sequence[ProgressEntry], baseline: Decimal, baseline_on: date
) -> list[Observation]:
    """Running totals at each entry's end: the latest 累计值 plus any 新增 reported after it."""
    if all(e.value_type is ValueType.CUMULATIVE for e in entries):
        by_end: dict[date, ProgressEntry] = {}
        for e in sorted(entries, key=lambda x: (x.period.end, x.period.start)):
            by_end[e.period.end] = e
        return [Observation(end, e.value, e) for end, e in by_end.items()]
    points: list[Observation] = []
    for end in sorted({e.period.end for e in entries}):
        upto = [e for e in entries if e.period.end <= end]
        cumulative = [e for e in upto if e.value_type is ValueType.CUMULATIVE]
        if cumulative:
            last = max(cumulative, key=lambda e: (e.period.end, e.period.start))
            start_value, since = last.value, last.period.end
        else:
            start_value, since = baseline, baseline_on
        increments = [e for e in upto if e.value_type is ValueType.PERIOD and e.period.start > since]
        latest = max((e for e in upto if e.period.end == end), key=lambda e: e.period.end - e.period.start)
        points.append(Observation(end, start_value + flow_total(increments), latest))
    return points


def level_series(entries: Sequence[ProgressEntry]) -> list[Observation]:
    """Annual (or annualised) levels: a 9-month amount of 257 counts as 257 × 12 / 9 for the year."""
    best: dict[date, ProgressEntry] = {}
    for e in entries:
        kept = best.get(e.period.end)
        if kept is None or e.period.months > kept.period.months:
            best[e.period.end] = e
    points = []
    for end in sorted(best):
        e = best[end]
        months = e.period.months
        if e.value_type is ValueType.PERIOD and 0 < months < 12:
            points.append(Observation(end, e.value * 12 / months, e, annualised=True))
        else:
            points.append(Observation(end, e.value, e))
    return points


def year_to_date_series(entries: Sequence[ProgressEntry], year: int) -> list[Observation]:
    """Year-to-date totals of one calendar year, one point per reported period end."""
    in_year = [e for e in entries if e.period.end.year == year]
    points = []
    for end in sorted({e.period.end for e in in_year}):
        upto = [e for e in in_year if e.period.end <= end]
        if all(e.value_type is ValueType.CUMULATIVE for e in upto):
            latest = max(upto, key=lambda e: e.period.end)
            points.append(Observation(end, latest.value, latest))
            continue
        latest = max((e for e in upto if e.period.end == end), key=lambda e: e.period.end - e.period.start)
        points.append(Observation(end, flow_total(upto), latest))
    return points


def latest_value_series(entries: Sequence[ProgressEntry]) -> list[Observation]:
    """The value as reported, one point per period end (rates, milestones, monitoring indicators)."""
    best: dict[date, ProgressEntry] = {}
    for e in sorted(entries, key=lambda x: (x.period.end, x.period.months)):
        best[e.period.end] = e
    return [Observation(end, best[end].value, best[end]) for end in sorted(best)]


def series_for(
    kind: TargetKind, entries: Sequence[ProgressEntry], baseline: Decimal, baseline_on: date, year: int
) -> list[Observation]:
    """The series that the arithmetic for ``kind`` reads (``year`` matters only for flows)."""
    if kind is TargetKind.CUMULATIVE:
        return cumulative_series(entries, baseline, baseline_on)
    if kind is TargetKind.LEVEL:
        return level_series(entries)
    if kind is TargetKind.FLOW:
        return year_to_date_series(entries, year)
    return latest_value_series(entries)
