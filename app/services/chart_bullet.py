"""Numbers for the dashboard's bullet chart: per target, completion against 时序进度 and the 100 % target.

Qt-free, so the window's chart and printed reports draw the same rows. Every number comes from the domain's
Progress (completion, time_progress, lag_points); nothing here recomputes or re-judges a target. What the builder
adds is presentation only: the order (worst lag first), a row limit, a drawing limit for absurd completions and
the short names and labels.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from app.domain.formatting import abbreviate, format_percent
from app.domain.status import Status
from app.services.statuses import StatusRow

DEFAULT_LIMIT = 30
# Bars beyond these completions are cut at the limit (and marked), so one 4000 % target cannot squash the rest.
DRAW_MAX = 1.5
DRAW_MIN = -0.5
SHORT_NAME_WIDTH = 26  # display columns (a Chinese character counts 2): 12 characters and "…"
# Reports are Chinese; the window passes its translated template instead.
LABEL_TEMPLATE = "{completion} · 时序 {time_progress}"


@dataclass(frozen=True, slots=True)
class BulletRow:
    """One bar: what is drawn (``drawn_completion``) and what is true (``completion``, in the label)."""

    target_id: int
    name: str
    short_name: str  # abbreviated with "…" for the axis; the full name goes in the tooltip
    plan_title: str
    status: Status
    completion: float  # p, as the domain computed it (1.0 = 100 %)
    time_progress: float | None  # τ (the marker); None only if the domain gave none
    lag_points: float | None  # (p − τ) × 100, the sort key
    drawn_completion: float  # completion cut to [draw_min, draw_max]
    clipped: bool  # True when the bar is cut: draw a mark ("»" / "«") at its end
    label: str  # the real numbers, e.g. "37.8% · 时序 49.9%"

    @property
    def clipped_high(self) -> bool:
        return self.clipped and self.completion > self.drawn_completion

    @property
    def clipped_low(self) -> bool:
        return self.clipped and self.completion < self.drawn_completion


@dataclass(frozen=True, slots=True)
class BulletChartData:
    rows: tuple[BulletRow, ...]  # drawn, worst lag first
    total: int  # targets with a completion (the rows before the limit)
    monitoring: int  # 监测指标: no target value, so no completion — not drawn
    no_data: int  # targets without a completion for lack of data — not drawn
    limit: int | None  # the row limit asked for (None or 0 = all)
    draw_min: float = DRAW_MIN
    draw_max: float = DRAW_MAX

    @property
    def shown(self) -> int:
        return len(self.rows)

    @property
    def hidden_by_limit(self) -> int:
        return self.total - self.shown

    @property
    def left_out(self) -> int:
        """Targets in the input that have no bar at all (monitoring + no data)."""
        return self.monitoring + self.no_data

    @property
    def is_empty(self) -> bool:
        return not self.rows


def _has_completion(row: StatusRow) -> bool:
    p = row.progress.completion
    return p is not None and not math.isnan(p)


def _sort_key(row: BulletRow) -> tuple[bool, float, int, str, int]:
    lag = row.lag_points
    missing = lag is None or math.isnan(lag)
    return (missing, 0.0 if missing or lag is None else lag, row.status.severity, row.name, row.target_id)


def _label(completion: float, time_progress: float | None, template: str) -> str:
    p = format_percent(_no_negative_zero(completion))
    if time_progress is None:
        return p
    return template.format(completion=p, time_progress=format_percent(_no_negative_zero(time_progress)))


def _no_negative_zero(ratio: float) -> float:
    return 0.0 if round(ratio * 100, 1) == 0 else ratio  # "-0.0%" reads like a fall


def _finite_or_none(value: float | None) -> float | None:
    return None if value is None or math.isnan(value) else value


def bullet_row(
    row: StatusRow,
    *,
    draw_min: float = DRAW_MIN,
    draw_max: float = DRAW_MAX,
    label_template: str = LABEL_TEMPLATE,
    name_width: int = SHORT_NAME_WIDTH,
) -> BulletRow:
    """The bar for one target that has a completion (see ``bullet_rows`` for the others)."""
    progress = row.progress
    p = progress.completion
    if p is None or math.isnan(p):
        raise ValueError(f"target {row.target.name!r} has no completion to draw")
    drawn = min(max(p, draw_min), draw_max)
    tau = _finite_or_none(progress.time_progress)
    return BulletRow(
        target_id=row.target.id if row.target.id is not None else -1,
        name=row.target.name,
        short_name=abbreviate(row.target.name, name_width),
        plan_title=row.plan.title,
        status=progress.status,
        completion=p,
        time_progress=tau,
        lag_points=_finite_or_none(progress.lag_points),
        drawn_completion=drawn,
        clipped=drawn != p,
        label=_label(p, tau, label_template),
    )


def bullet_rows(
    rows: list[StatusRow],
    limit: int | None = DEFAULT_LIMIT,
    *,
    draw_min: float = DRAW_MIN,
    draw_max: float = DRAW_MAX,
    label_template: str = LABEL_TEMPLATE,
    name_width: int = SHORT_NAME_WIDTH,
) -> BulletChartData:
    """Bars for the targets that have a completion, worst lag first, at most ``limit`` (None or 0 = all).

    Ties in lag go to the more severe status, then the name. Monitoring indicators and targets without data
    have no completion: they are counted for a caption, not drawn. ``label_template`` gets ``{completion}`` and
    ``{time_progress}`` as formatted percentages.
    """
    if not draw_min < 0 < 1 < draw_max:
        raise ValueError("the drawing limits must keep 0 and 100 % in view")
    if limit is not None and limit < 0:
        raise ValueError("limit must be None, 0 (all) or a positive number of rows")
    drawable = [r for r in rows if _has_completion(r)]
    monitoring = sum(1 for r in rows if not _has_completion(r) and r.progress.status is Status.MONITORING)
    no_data = len(rows) - len(drawable) - monitoring
    bars = sorted(
        (
            bullet_row(
                r, draw_min=draw_min, draw_max=draw_max, label_template=label_template, name_width=name_width
            )
            for r in drawable
        ),
        key=_sort_key,
    )
    shown = bars[:limit] if limit else bars
    return BulletChartData(
        rows=tuple(shown),
        total=len(bars),
        monitoring=monitoring,
        no_data=no_data,
        limit=limit,
        draw_min=draw_min,
        draw_max=draw_max,
    )
