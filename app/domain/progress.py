"""Progress arithmetic: completion, 时序进度, gap, pace, forecast and status for one target.

Time convention: a date means the *end* of that day, so a plan for 2024-2026 runs from 2024-01-01 00:00 to the
end of 2026-12-31 and "2024年前三季度" reaches exactly 274 / 1096 = 25 % of it. The default baseline date is the
day before the plan starts (2023-12-31: "2023年352亿元" is the baseline of a 2024 plan).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Literal

from app.domain.entities import Bands, Comparator, Plan, ProgressEntry, Target, TargetKind
from app.domain.errors import UnitError
from app.domain.sdg import SdgBands, sdg_assessment
from app.domain.series import Observation, series_for
from app.domain.status import Status
from app.domain.units import convert

DAYS_PER_YEAR = 365.25
STALE_AFTER_MONTHS = 6  # older figures get a note: time progress is measured at their date, not today
TimeBasis = Literal["data", "as_of"]


@dataclass(frozen=True, slots=True)
class ProgressSettings:
    """How statuses are judged; one place so reports and the window agree."""

    bands: Bands = field(default_factory=Bands)
    sdg_bands: SdgBands = field(default_factory=SdgBands)
    # "data": time progress at the end of the latest reported period (fair to slow statistics);
    # "as_of": time progress at the as-of date (the meeting's "today").
    time_basis: TimeBasis = "data"
    pace_window: int = 6  # how many recent points the actual pace is fitted to

    def __post_init__(self) -> None:
        if self.pace_window < 1:
            raise ValueError(f"pace_window must be at least 1, got {self.pace_window}")


@dataclass(frozen=True, slots=True)
class Progress:
    """Everything the dashboard, charts and reports show about one target on one as-of date."""

    status: Status
    as_of: date
    actual: Decimal | None = None  # a, in the target's unit
    actual_on: date | None = None  # t: the end of the latest reported period
    latest: ProgressEntry | None = None
    annualised: bool = False
    baseline: Decimal | None = None
    baseline_on: date | None = None  # t0 (end of that day)
    deadline: date | None = None  # t1 (end of that day)
    completion: float | None = None  # p = (a − b) / (T − b)
    time_progress: float | None = None  # τ
    lag_points: float | None = None  # (p − τ) × 100
    gap: Decimal | None = None  # T − a
    required_pace: float | None = None  # per year, to reach T by t1 from a at t
    actual_pace: float | None = None  # per year, least squares over recent points
    forecast: float | None = None  # value expected at t1
    forecast_method: str = ""  # "linear" or "compound"
    sdg_ratio: float | None = None
    sdg_status: Status | None = None
    series: tuple[Observation, ...] = ()
    notes: tuple[str, ...] = ()  # why a figure is missing or was adjusted, in Chinese


def years_between(start: date, end: date) -> float:
    return (end - start).days / DAYS_PER_YEAR


def instant(d: date) -> date:
    """The moment a date is over (the next midnight): periods and deadlines are inclusive of their last day."""
    return d + timedelta(days=1)


def time_progress(t0: date, t: date, t1: date) -> float:
    """τ = (t − t0) / (t1 − t0) over end-of-day instants, clipped to [0, 1]."""
    total = (instant(t1) - instant(t0)).days
    if total <= 0:
        return 1.0
    return min(1.0, max(0.0, (instant(t) - instant(t0)).days / total))


def completion(actual: Decimal, baseline: Decimal, target: Decimal, comparator: Comparator) -> float:
    """p = (a − b) / (T − b); decrease targets (T < b) come out right by the same formula."""
    if target == baseline:
        return 1.0 if comparator.holds(actual, target) else 0.0
    return float((actual - baseline) / (target - baseline))


def rate_completion(actual: Decimal, target: Decimal, comparator: Comparator) -> float:
    """A threshold (≥7 % growth, ≤5 % share) holds at every moment: how close the latest value is to it."""
    if comparator.holds(actual, target):
        return 1.0
    if comparator.wants_decrease:
        return float(target / actual) if actual > 0 else 0.0
    return float(actual / target) if target > 0 else 0.0


def least_squares_slope(points: Sequence[tuple[float, float]]) -> float | None:
    """Slope of the ordinary least-squares line through (x, y) points; None for fewer than 2 distinct x."""
    n = len(points)
    if n < 2:
        return None
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    if sxx == 0:
        return None
    return sum((x - mx) * (y - my) for x, y in points) / sxx


def status_from_lag(lag_points: float, bands: Bands) -> Status:
    if lag_points >= -float(bands.green):
        return Status.ON_TRACK
    if lag_points >= -float(bands.amber):
        return Status.AT_RISK
    return Status.OFF_TRACK


def entries_in_target_unit(
    target: Target, entries: Sequence[ProgressEntry], as_of: date
) -> tuple[list[ProgressEntry], list[str]]:
    converted, notes = [], []
    for e in entries:
        if e.period.end > as_of:
            continue
        if e.unit in ("", target.unit):
            converted.append(e)  # already in the target's unit: the common case, no work
            continue
        try:
            value = convert(e.value, e.unit, target.unit)
        except UnitError as exc:
            notes.append(f"已忽略{e.period.label}的填报：{exc.message}")
            continue
        converted.append(replace(e, value=value, unit=""))
    return converted, notes


def evaluate(
    plan: Plan,
    target: Target,
    entries: Sequence[ProgressEntry],
    as_of: date,
    settings: ProgressSettings | None = None,
) -> Progress:
    """Compute a target's progress as of ``as_of``; entries whose period ends later are ignored."""
    settings = settings or ProgressSettings()
    usable, notes = entries_in_target_unit(target, entries, as_of)
    kind = target.kind
    t0 = target.baseline_date or (plan.period_start - timedelta(days=1))
    baseline = target.baseline_value
    if baseline is None and kind in (TargetKind.CUMULATIVE, TargetKind.FLOW):
        baseline = Decimal(0)
    flow_year = _flow_year(usable, as_of, settings)
    if kind is TargetKind.FLOW:
        # A yearly flow starts from zero every January; only the year being judged counts.
        t0, baseline = date(flow_year - 1, 12, 31), Decimal(0)
    series = series_for(kind, usable, baseline or Decimal(0), t0, flow_year)
    base = Progress(status=Status.NO_DATA, as_of=as_of, baseline=baseline, baseline_on=t0, notes=tuple(notes))
    if kind is TargetKind.MONITORING or target.target_value is None or target.deadline is None:
        return _monitoring(base, series)
    t1 = target.deadline
    if kind is TargetKind.FLOW:
        t1 = min(t1, date(flow_year, 12, 31))
    base = _replace(base, deadline=t1, series=tuple(series))
    if not series:
        return base
    last = series[-1]
    a, t, goal = last.value, last.on, target.target_value
    t_time = as_of if settings.time_basis == "as_of" else t
    common = {
        "actual": a,
        "actual_on": t,
        "latest": last.entry,
        "annualised": last.annualised,
        "gap": goal - a,
    }
    if kind is TargetKind.RATE:
        return _rate(base, target, a, t, t1, as_of, settings, common)
    b = baseline if baseline is not None else Decimal(0)
    p = completion(a, b, goal, target.comparator)
    tau = time_progress(t0, t_time, t1)
    lag = (p - tau) * 100
    achieved = target.comparator.holds(a, goal) and not last.annualised
    final_deadline = target.deadline  # for a yearly flow t1 is only the end of the year being judged
    if achieved:
        status = Status.ACHIEVED
    elif as_of > final_deadline:
        status = Status.OVERDUE
    else:
        status = status_from_lag(lag, settings.bands)
    required = _required_pace(goal - a, t, t1)
    pace = _actual_pace(series, b, t0, settings.pace_window)
    forecast, method = _forecast(kind, a, b, t0, t, t1, pace)
    sdg_ratio, sdg_status = (None, None)
    if kind in (TargetKind.CUMULATIVE, TargetKind.LEVEL):
        sdg_ratio, sdg_status = sdg_assessment(a, b, goal, t0, t, t1, achieved, settings.sdg_bands)
    extra = list(notes)
    months_old = (as_of.year - t.year) * 12 + as_of.month - t.month
    if months_old > STALE_AFTER_MONTHS and status is not Status.ACHIEVED:
        extra.append(
            f"最新数据截至 {t:%Y-%m-%d}，距截至日期已 {months_old} 个月，时序进度按数据日期计算，请核实是否有新数据"
        )
    if achieved and t > final_deadline:
        extra.append(f"晚于截止时间（{final_deadline:%Y-%m-%d}）达成")
    if last.annualised and last.entry is not None:
        extra.append(f"按{last.entry.period.label}数据年化（×12/{last.entry.period.months}）")
    return _replace(
        base,
        status=status,
        completion=p,
        time_progress=tau,
        lag_points=lag,
        required_pace=required,
        actual_pace=pace,
        forecast=forecast,
        forecast_method=method,
        sdg_ratio=sdg_ratio,
        sdg_status=sdg_status,
        notes=tuple(extra),
        **common,
    )


def _flow_year(entries: Sequence[ProgressEntry], as_of: date, settings: ProgressSettings) -> int:
    if settings.time_basis == "as_of" or not entries:
        return as_of.year
    return max(e.period.end for e in entries).year


def _monitoring(base: Progress, series: list[Observation]) -> Progress:
    if not series:
        return _replace(base, status=Status.MONITORING, series=())
    last = series[-1]
    return _replace(
        base,
        status=Status.MONITORING,
        actual=last.value,
        actual_on=last.on,
        latest=last.entry,
        series=tuple(series),
    )


def _rate(
    base: Progress,
    target: Target,
    a: Decimal,
    t: date,
    t1: date,
    as_of: date,
    settings: ProgressSettings,
    common: dict[str, object],
) -> Progress:
    assert target.target_value is not None
    holds = target.comparator.holds(a, target.target_value)
    p = rate_completion(a, target.target_value, target.comparator)
    lag = (p - 1.0) * 100
    deadline_passed = as_of > t1 or t >= t1
    if holds:
        # A threshold that still holds once the deadline has come is met; before that it can still slip.
        status = Status.ACHIEVED if deadline_passed else Status.ON_TRACK
    elif as_of > t1:
        status = Status.OVERDUE
    else:
        status = status_from_lag(lag, settings.bands)
    return _replace(base, status=status, completion=p, time_progress=1.0, lag_points=lag, **common)


def _required_pace(gap: Decimal, t: date, t1: date) -> float | None:
    remaining = years_between(instant(t), instant(t1))
    if remaining <= 0:
        return None
    return float(gap) / remaining


def _actual_pace(series: Sequence[Observation], b: Decimal, t0: date, window: int) -> float | None:
    points = [(years_between(t0, o.on), float(o.value)) for o in series[-window:]]
    if len(points) < 2:
        points = [(0.0, float(b)), *points]
    return least_squares_slope(points)


def _forecast(
    kind: TargetKind,
    a: Decimal,
    b: Decimal,
    t0: date,
    t: date,
    t1: date,
    pace: float | None,
) -> tuple[float | None, str]:
    """Linear for counts and flows; compound growth (the observed CAGR) for levels."""
    remaining = max(0.0, years_between(t, t1))
    elapsed = years_between(t0, t)
    if kind is TargetKind.LEVEL and a > 0 and b > 0 and elapsed > 0:
        try:
            cagr = math.pow(float(a / b), 1 / elapsed) - 1
            return float(a) * math.pow(1 + cagr, remaining), "compound"
        except OverflowError:  # a large jump days after the baseline: growth at that rate means nothing
            return None, ""
    if kind is TargetKind.MILESTONE or pace is None:
        return None, ""
    return float(a) + pace * remaining, "linear"


_PROGRESS_FIELDS = tuple(f.name for f in fields(Progress))


def _replace(p: Progress, **changes: object) -> Progress:
    # dataclasses.replace re-inspects the class on every call; statuses are computed by the thousand.
    values = {name: getattr(p, name) for name in _PROGRESS_FIELDS}
    values.update(changes)
    return Progress(**values)
