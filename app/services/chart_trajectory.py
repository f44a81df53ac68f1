"""The numbers a target's trajectory chart draws: reported values, the required path, the forecast, the gap.

Qt-free so that reports can reuse it. Everything comes from the domain's ``Progress`` (and, for yearly flows,
the domain's own year-to-date series of each earlier year); nothing here redoes the progress arithmetic.
Text is Chinese, as the domain's notes are: the same strings go into printed reports.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from app.domain.entities import ProgressEntry, TargetKind
from app.domain.errors import UnitError
from app.domain.formatting import format_amount
from app.domain.periods import end_of_month
from app.domain.progress import Progress, entries_in_target_unit, years_between
from app.domain.series import Observation, year_to_date_series
from app.domain.status import Status
from app.domain.units import convert
from app.services.statuses import StatusRow

XY = tuple[date, float]

# Kinds whose value moves towards a target along a path; rates, milestones and indicators have none.
_PATH_KINDS = (TargetKind.CUMULATIVE, TargetKind.LEVEL, TargetKind.FLOW)


class TrajectoryPoint(NamedTuple):
    """One reported value as drawn: x, y, the period label, the hover text, and whether it was annualised."""

    on: date
    value: float
    label: str
    tooltip: str
    annualised: bool


class GapMark(NamedTuple):
    """The vertical arrow from the latest value to the target value at the latest value's date."""

    on: date
    from_value: float
    to_value: float
    text: str
    met: bool = False  # the target already holds: a bracket without an arrow (nothing left to close)


@dataclass(frozen=True, slots=True)
class TrajectoryData:
    """Everything one trajectory chart draws, in dates and plain floats (the widget converts x to time)."""

    title: str
    kind: TargetKind
    status: Status
    unit: str
    y_label: str
    as_of: date
    points: tuple[TrajectoryPoint, ...] = ()
    segments: tuple[tuple[XY, ...], ...] = ()  # one per calendar year for flows, one otherwise
    required_path: tuple[XY, XY] | None = None  # (t0, baseline) → (t1, target)
    forecast_path: tuple[XY, ...] | None = None  # (t, actual) … (t1, forecast)
    forecast_method: str = ""  # "linear" / "compound" as the domain says
    target_value: float | None = None
    target_text: str = ""  # "≥500亿元"
    threshold: float | None = None  # rates: the line the values are judged against
    deadline: date | None = None
    gap: GapMark | None = None
    notes: tuple[str, ...] = ()
    empty: bool = True

    def x_extent(self) -> tuple[date, date]:
        """Earliest and latest date drawn (the as-of date always included)."""
        days = [self.as_of, *self._xs()]
        return min(days), max(days)

    def y_extent(self) -> tuple[float, float] | None:
        """Lowest and highest value drawn, target and threshold lines included; None when nothing is drawn."""
        values = [v for _, v in self._xys()]
        values += [v for v in (self.target_value, self.threshold) if v is not None]
        if self.gap is not None:
            values += [self.gap.from_value, self.gap.to_value]
        return (min(values), max(values)) if values else None

    def _xys(self) -> list[XY]:
        xys: list[XY] = [(p.on, p.value) for p in self.points]
        for seg in self.segments:
            xys += seg
        xys += list(self.required_path or ()) + list(self.forecast_path or ())
        return xys

    def _xs(self) -> list[date]:
        xs = [d for d, _ in self._xys()]
        if self.deadline is not None and self.kind in (TargetKind.MILESTONE, TargetKind.RATE):
            xs.append(self.deadline)
        return xs


def trajectory(row: StatusRow) -> TrajectoryData:
    """The trajectory chart of one target on the as-of date its ``Progress`` was computed for."""
    target, progress = row.target, row.progress
    kind, unit = target.kind, target.unit
    observations = _observations(row)
    # The domain hands back entries already converted to the target's unit; tooltips quote the original.
    reported = {e.id: e for e in row.entries if e.id is not None}
    points = tuple(_point(o, kind, unit, reported) for o in observations)
    has_goal = kind is not TargetKind.MONITORING and target.target_value is not None
    goal = float(target.target_value) if has_goal and target.target_value is not None else None
    notes = list(progress.notes)
    required = _required_path(progress, kind, goal)
    if kind is TargetKind.LEVEL and goal is not None and required is None and progress.deadline is not None:
        notes.append("未填基期值，不画要求路径")
    return TrajectoryData(
        title=target.name,
        kind=kind,
        status=progress.status,
        unit=unit,
        y_label=unit,
        as_of=progress.as_of,
        points=points,
        segments=_segments(observations, kind),
        required_path=required,
        forecast_path=_forecast_path(progress),
        forecast_method=progress.forecast_method,
        target_value=goal,
        target_text=_target_text(row) if has_goal else "",
        threshold=goal if kind is TargetKind.RATE else None,
        deadline=progress.deadline if has_goal else None,
        gap=_gap(row) if has_goal else None,
        notes=tuple(notes),
        empty=not points,
    )


def _target_text(row: StatusRow) -> str:
    return f"{row.target.comparator.symbol}{format_amount(row.target.target_value, row.target.unit)}"


def _observations(row: StatusRow) -> list[Observation]:
    """The progress series; for a yearly flow, every year's own year-to-date series (each from zero)."""
    progress = row.progress
    if row.target.kind is not TargetKind.FLOW:
        return list(progress.series)
    usable, _ = entries_in_target_unit(row.target, row.entries, progress.as_of)
    judged_year = progress.baseline_on.year + 1 if progress.baseline_on else None
    observations: list[Observation] = []
    for year in sorted({e.period.end.year for e in usable}):
        if year == judged_year:
            observations += progress.series  # the year the arithmetic judged: exactly its series
        else:
            observations += year_to_date_series(usable, year)
    return observations


def _segments(observations: Sequence[Observation], kind: TargetKind) -> tuple[tuple[XY, ...], ...]:
    """One line per calendar year for flows, starting from zero on 1 January so the reset shows."""
    if not observations:
        return ()
    if kind is not TargetKind.FLOW:
        return (tuple((o.on, float(o.value)) for o in observations),)
    by_year: dict[int, list[XY]] = {}
    for o in observations:
        by_year.setdefault(o.on.year, [(date(o.on.year - 1, 12, 31), 0.0)]).append((o.on, float(o.value)))
    return tuple(tuple(by_year[y]) for y in sorted(by_year))


def _point(
    o: Observation, kind: TargetKind, unit: str, reported_entries: dict[int, ProgressEntry]
) -> TrajectoryPoint:
    plotted = format_amount(o.value, unit)
    if o.entry is None:
        return TrajectoryPoint(o.on, float(o.value), "基期", f"基期\n{plotted}", o.annualised)
    e = reported_entries.get(o.entry.id, o.entry) if o.entry.id is not None else o.entry
    label = e.period.label
    reported = format_amount(e.value, e.unit or unit)
    if o.annualised:
        value_line = f"{reported}（年化 {plotted}）"
    elif reported == plotted:
        value_line = reported
    elif _converted(e, unit) == o.value:
        value_line = f"{reported}（折合 {plotted}）"
    else:
        total = "年内累计" if kind is TargetKind.FLOW else "累计"
        value_line = f"{reported}（{e.value_type.label}），{total} {plotted}"
    lines = [label, value_line]
    if e.source:
        lines.append(f"来源：{e.source}")
    if e.note:
        lines.append(f"备注：{e.note}")
    return TrajectoryPoint(o.on, float(o.value), label, "\n".join(lines), o.annualised)


def _converted(e: ProgressEntry, unit: str) -> Decimal | None:
    try:
        return convert(e.value, e.unit, unit)
    except UnitError:
        return None


def _required_path(progress: Progress, kind: TargetKind, goal: float | None) -> tuple[XY, XY] | None:
    p = progress
    if kind not in _PATH_KINDS or goal is None or p.baseline is None or p.baseline_on is None:
        return None
    if p.deadline is None or p.deadline <= p.baseline_on:
        return None
    return (p.baseline_on, float(p.baseline)), (p.deadline, goal)


def _forecast_path(progress: Progress) -> tuple[XY, ...] | None:
    """A straight line, or for compound growth the curve a·(1+r)^years through both ends, sampled monthly."""
    p = progress
    if p.forecast is None or p.actual is None or p.actual_on is None or p.deadline is None:
        return None
    start, end = p.actual_on, p.deadline
    if end <= start:
        return None  # the deadline came before the latest value: nothing left to forecast
    a, f = float(p.actual), p.forecast
    if p.forecast_method != "compound" or a <= 0 or f <= 0:
        return (start, a), (end, f)
    span = years_between(start, end)
    path: list[XY] = [(start, a)]
    for d in _month_ends(start, end):
        path.append((d, a * (f / a) ** (years_between(start, d) / span)))
    path.append((end, f))
    return tuple(path)


def _month_ends(start: date, end: date) -> list[date]:
    """Month ends strictly between two dates."""
    out: list[date] = []
    y, m = start.year, start.month
    while True:
        d = end_of_month(y, m)
        if d >= end:
            return out
        if d > start:
            out.append(d)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def _gap(row: StatusRow) -> GapMark | None:
    """From the latest value to the target value, at the latest value's date: 差距 |T − a| (优于目标 once met)."""
    p, target = row.progress, row.target
    if p.gap is None or p.actual is None or p.actual_on is None or target.target_value is None:
        return None
    if p.gap == 0:
        return None
    amount = format_amount(abs(p.gap), target.unit)
    met = target.comparator.holds(p.actual, target.target_value)
    text = f"优于目标 {amount}" if met else f"差距 {amount}"
    return GapMark(p.actual_on, float(p.actual), float(target.target_value), text, met)
