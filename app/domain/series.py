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


def _recency(e: ProgressEntry) -> float:
    """Later-saved entries win; an unsaved entry (no id yet) is the newest of all."""
    return float("inf") if e.id is None else float(e.id)


def latest_per_span(entries: Iterable[ProgressEntry]) -> list[ProgressEntry]:
    """A corrected figure for the same period replaces the earlier one, whatever the target kind."""
    kept: dict[tuple[date, date], ProgressEntry] = {}
    for e in sorted(entries, key=_recency):
        kept[(e.period.start, e.period.end)] = e
    return list(kept.values())


def cumulative_series(
    entries: Sequence[ProgressEntry], baseline: Decimal, baseline_on: date
) -> list[Observation]:
    """Running totals at each entry's end: the latest 累计值 plus the 新增 reported after it.

    A 新增 figure that overlaps the running total it would add to (1-6月 after 截至3月底) cannot be split and
    is left out; the observation is labelled with the last entry that was actually counted.
    """
    entries = latest_per_span(entries)
    if all(e.value_type is ValueType.CUMULATIVE for e in entries):
        by_end: dict[date, ProgressEntry] = {}
        for e in sorted(entries, key=lambda x: (x.period.end, x.period.start, _recency(x))):
            by_end[e.period.end] = e
        return [Observation(end, e.value, e) for end, e in by_end.items()]
    # Each end's total is recounted, since a longer span can replace shorter ones. Period amounts never count a
    # stretch of time twice: per year, in order of start (the longest first among equal starts), an amount
    # counts only when it starts after everything already counted — so 1-9月 beats 1-3月 and 1-6月, and 10月
    # after 1-9月 adds.
    increments = sorted(
        (
            (e.period.start, e.period.end, e.period.end - e.period.start, e)
            for e in entries
            if e.value_type is ValueType.PERIOD
        ),
        key=lambda x: (x[0], -x[1].toordinal()),
    )
    cumulative = [e for e in entries if e.value_type is ValueType.CUMULATIVE]
    points: list[Observation] = []
    for end in sorted({e.period.end for e in entries}):
        base: ProgressEntry | None = None
        upto = [e for e in cumulative if e.period.end <= end]
        if upto:
            base = max(upto, key=lambda e: (e.period.end, e.period.start, _recency(e)))
            start_value, since = base.value, base.period.end
        else:
            start_value, since = baseline, baseline_on
        # The observation is labelled with the counted figure that ends last (the longest among those).
        label, label_key = base, (base.period.end, base.period.end - base.period.start) if base else None
        total = Decimal(0)
        covered_until: dict[int, date] = {}
        for start, stop, length, e in increments:
            if stop > end or start <= since:
                continue
            if label_key is None or (stop, length) > label_key:
                label, label_key = e, (stop, length)
            until = covered_until.get(stop.year)
            if until is None or start > until:
                total += e.value
                covered_until[stop.year] = stop
        if label is None:
            continue
        points.append(Observation(end, start_value + total, label))
    return points


def level_series(entries: Sequence[ProgressEntry]) -> list[Observation]:
    """Annual (or annualised) levels: a 9-month amount of 257 counts as 257 × 12 / 9 for the year.

    Any figure covering part of a year is annualised, whatever it was called; a point in time (a stock
    "截至…") and a rate are taken as they are.
    """
    best: dict[date, ProgressEntry] = {}
    for e in sorted(latest_per_span(entries), key=lambda x: (x.period.months, _recency(x))):
        best[e.period.end] = e  # the longest span ending that day, newest among equals
    points = []
    for end in sorted(best):
        e = best[end]
        months = e.period.months
        if e.value_type is not ValueType.RATE and 0 < months < 12:
            points.append(Observation(end, e.value * 12 / months, e, annualised=True))
        else:
            points.append(Observation(end, e.value, e))
    return points


def year_to_date_series(entries: Sequence[ProgressEntry], year: int) -> list[Observation]:
    """Year-to-date totals of one calendar year: a running total from zero on 1 January."""
    in_year = [e for e in entries if e.period.end.year == year and e.period.start.year == year]
    return cumulative_series(in_year, Decimal(0), date(year - 1, 12, 31))


def latest_value_series(entries: Sequence[ProgressEntry]) -> list[Observation]:
    """The value as reported, one point per period end (rates, milestones, monitoring indicators)."""
    best: dict[date, ProgressEntry] = {}
    for e in sorted(entries, key=lambda x: (x.period.end, x.period.months, _recency(x))):
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
