"""Is an imported figure plausible against the target's history? A warning, never an error: the user decides.

The rule, in the spirit of DHIS2's min–max outlier check (a value outside the band its own history sets is
flagged for review, not refused):

1. History: the target's saved figures of the same value type (累计值 / 期间值 / 比率), other than the same
   period, converted to the target's unit. Period amounts are divided by the months they cover, so "1-3月" and
   "1-9月" compare per month.
2. Period amounts and rates, with at least ``min_history`` (3) such figures: the band is mean ± ``sd_factor``
   (3) × standard deviation, never narrower than mean ± 50 % of |mean| (so a flat history does not flag every
   small change). A value outside the band is flagged.
3. Otherwise — fewer figures, or a running total (累计值), which grows by nature and has no stable band — the
   value is compared with the latest earlier figure (the latest one when none is earlier): more than
   ``jump_ratio`` (10) times it, or less than a tenth of it, is flagged. This is what a 万/亿 slip or a
   percentage typed as 0.069 looks like.
4. A running total below the one reported for an earlier period is flagged: totals do not shrink.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from app.domain.entities import ProgressEntry, Target, ValueType
from app.domain.errors import UnitError
from app.domain.formatting import format_amount
from app.domain.units import convert


@dataclass(frozen=True, slots=True)
class OutlierSettings:
    sd_factor: float = 3.0
    min_history: int = 3
    jump_ratio: float = 10.0
    min_band: float = 0.5  # the band is at least mean ± this share of |mean|


def in_target_unit(entry: ProgressEntry, target: Target) -> Decimal | None:
    try:
        return convert(entry.value, entry.unit, target.unit)
    except UnitError:
        return None


def _comparable(entry: ProgressEntry, target: Target) -> float | None:
    value = in_target_unit(entry, target)
    if value is None:
        return None
    if entry.value_type is ValueType.PERIOD and entry.period.months > 0:
        return float(value) / entry.period.months
    return float(value)


Point = tuple[ProgressEntry, float]


def comparable_points(history: Sequence[ProgressEntry], target: Target) -> list[Point]:
    """The history as (entry, comparable value): worth computing once per target when checking many rows."""
    return [(h, v) for h in history if (v := _comparable(h, target)) is not None]


def outlier_warning(
    entry: ProgressEntry,
    target: Target,
    history: Sequence[ProgressEntry],
    settings: OutlierSettings | None = None,
) -> str | None:
    """A Chinese sentence when ``entry`` looks implausible against ``history``; None when it looks fine."""
    return outlier_warning_for(entry, target, comparable_points(history, target), settings)


def outlier_warning_for(
    entry: ProgressEntry,
    target: Target,
    history: Sequence[Point],
    settings: OutlierSettings | None = None,
    memo: dict[tuple[int, object, object], tuple[Sequence[Point], list[Point], float, float]] | None = None,
) -> str | None:
    """``outlier_warning`` against history already made comparable (``comparable_points``). Checking many rows
    against the same history, pass one ``memo`` dict: the band is then computed once, not once per row."""
    s = settings or OutlierSettings()
    value = _comparable(entry, target)
    if value is None:
        return None
    span = (entry.period.start, entry.period.end)
    same_type = [(h, v) for h, v in history if h.value_type is entry.value_type]
    # The history without this row's own period: for a new period (the usual case) the whole history.
    excluded = span if any((h.period.start, h.period.end) == span for h, _ in same_type) else None
    key = (id(history), entry.value_type, excluded)
    if memo is not None and key in memo:
        _, points, mean, sd = memo[key]
    else:
        points = [(h, v) for h, v in same_type if (h.period.start, h.period.end) != span]
        values = [v for _, v in points]
        mean = sum(values) / len(values) if values else 0.0
        sd = math.sqrt(sum((v - mean) ** 2 for v in values) / len(values)) if values else 0.0
        if memo is not None:
            memo[key] = (history, points, mean, sd)  # holding the history keeps its id from being reused
    if not points:
        return None
    per_month = entry.value_type is ValueType.PERIOD
    unit = f"{target.unit}/月" if per_month else target.unit
    earlier = [(h, v) for h, v in points if h.period.end < entry.period.end]
    running_total = entry.value_type is ValueType.CUMULATIVE
    if running_total and earlier:
        last, last_value = max(earlier, key=lambda p: (p[0].period.end, p[0].id or 0))
        if value < last_value:
            return (
                f"累计值 {_amount(value, target.unit)} 低于 {last.period.label} 的 "
                f"{_amount(last_value, target.unit)}，累计数通常不会减少，请核对"
            )
    if len(points) >= s.min_history and not running_total:
        half_width = max(s.sd_factor * sd, s.min_band * abs(mean))
        low, high = mean - half_width, mean + half_width
        if not low <= value <= high:
            shown = f"（按月平均 {_amount(value, unit)}）" if per_month else ""
            return (
                f"与历史数据相比异常{shown}：此前 {len(points)} 期的正常范围约为 "
                f"{_amount(low, unit)} 至 {_amount(high, unit)}（均值 ± {s.sd_factor:g} 倍标准差），请核对"
            )
        return None
    latest, ref = max(earlier or points, key=lambda p: (p[0].period.end, p[0].id or 0))
    if ref == 0 or value == 0 or (ref > 0) != (value > 0):
        return None
    ratio = value / ref
    if ratio > s.jump_ratio or ratio < 1 / s.jump_ratio:
        times = f"{ratio:.1f} 倍" if ratio > 1 else f"{ratio:.3g} 倍（不到十分之一）"
        shown = f"（按月平均 {_amount(value, unit)}）" if per_month else ""
        return (
            f"与上次相比跳变过大{shown}：是 {latest.period.label}（{_amount(ref, unit)}）的 {times}，"
            "请核对数量级（万/亿）、单位或百分比的写法"
        )
    return None


def _amount(value: float, unit: str) -> str:
    return format_amount(Decimal(repr(round(value, 6))), unit)
