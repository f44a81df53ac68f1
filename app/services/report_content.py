"""What a progress report (进度报告) says, independent of how it is laid out: PDF, Word, Excel and the print
preview all render this one structure, so their numbers and wording always agree.

The report is Chinese: it goes to a director's desk. Charts are not here (they need Qt); renderers ask for them
by key — "overview", "bullet", or a target id for its trajectory.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from app.domain.formatting import format_amount, format_percent, format_points
from app.domain.progress import Progress
from app.domain.status import Status
from app.services.status_table import COLUMNS, goal_text, status_record
from app.services.statuses import StatusRow, compute_statuses, status_counts
from app.services.workspace import Workspace

BEHIND = frozenset({Status.OFF_TRACK, Status.OVERDUE, Status.AT_RISK})
RECENT_ENTRIES = 6  # figures listed per target block: enough for a trend, short enough for one page


@dataclass(frozen=True, slots=True)
class ReportFilter:
    """Which targets the report covers; None means all. ``plan`` is a plan id or its exact title."""

    plan: str | None = None
    unit: str | None = None
    statuses: frozenset[Status] | None = None

    def describe(self) -> str:
        parts = []
        if self.plan:
            parts.append(f"政策文件：{self.plan}")
        if self.unit:
            parts.append(f"责任单位：{self.unit}")
        if self.statuses:
            parts.append(
                "状态：" + "、".join(s.label for s in sorted(self.statuses, key=lambda s: s.severity))
            )
        return "；".join(parts) if parts else "全部指标"

    def accepts(self, row: StatusRow) -> bool:
        if self.plan and self.plan not in (str(row.plan.id), row.plan.title):
            return False
        if self.unit and row.target.responsible_unit != self.unit:
            return False
        return not (self.statuses and row.progress.status not in self.statuses)


@dataclass(frozen=True, slots=True)
class EntryLine:
    period: str
    value: str  # as reported, with its unit
    value_type: str
    source: str
    note: str


@dataclass(frozen=True, slots=True)
class TargetBlock:
    """One target's page section: definition, figures, recent entries, notes; its chart is asked for by id."""

    target_id: int
    name: str
    plan_title: str
    status: Status
    facts: tuple[tuple[str, str], ...]  # (label, value) pairs, in reading order
    source_quote: str
    notes: tuple[str, ...]  # the arithmetic's notes (annualised, stale data) and the target's own notes
    entries: tuple[EntryLine, ...]  # newest first
    has_chart: bool


@dataclass(frozen=True, slots=True)
class ReportContent:
    title: str
    issuer: str
    as_of: date
    generated_on: date
    scope: str  # what the filter kept, in words
    counts: dict[Status, int]
    headline: str  # 时间过半、任务过半, in plain words
    furthest_behind: tuple[tuple[str, float], ...]  # (name, lag in points), worst first
    columns: tuple[tuple[str, str], ...]  # (key, Chinese header) of the summary table
    summary: tuple[dict[str, str], ...]  # one text row per target, keys as in ``columns``
    numbers: tuple[dict[str, object], ...]  # the same rows as numbers (Excel), same order
    behind_blocks: tuple[TargetBlock, ...]  # lagging and overdue targets first …
    other_blocks: tuple[TargetBlock, ...]  # … then every other target
    rows: tuple[StatusRow, ...] = field(default_factory=tuple)  # for the charts

    @property
    def empty(self) -> bool:
        return not self.rows

    @property
    def blocks(self) -> tuple[TargetBlock, ...]:
        return self.behind_blocks + self.other_blocks


def build_report(
    ws: Workspace,
    as_of: date,
    *,
    title: str = "政策目标进度报告",
    issuer: str = "",
    report_filter: ReportFilter | None = None,
    today: date | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> ReportContent:
    """Compute every status as of ``as_of`` and say what the meeting needs to hear."""
    report_filter = report_filter or ReportFilter()
    rows = [r for r in compute_statuses(ws, as_of, on_progress=on_progress) if report_filter.accepts(r)]
    rows.sort(key=lambda r: (r.plan.id or 0, r.target.id or 0))
    return content_from_rows(
        rows, as_of, title=title, issuer=issuer, scope=report_filter.describe(), today=today or date.today()
    )


# Wording the PDF and the Word file share, so that they never say different things.
BEHIND_LEAD = "逾期、滞后和预警的指标：先按状态（逾期、滞后、预警），同一状态中落后最多的在前。"
OTHERS_LEAD = "其余指标，按政策文件顺序排列。"
EMPTY_ADVICE = "请放宽政策文件、责任单位或状态等筛选条件后重新生成。"
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def basis_note(content: ReportContent) -> str:
    """How the summary's figures were measured (时序进度 is taken at each target's latest data, not the as-of date)."""
    return (
        f"共{len(content.summary)}个指标；完成率按截至{content.as_of:%Y年%m月%d日}已报送的最新数据计算，"
        "时序进度按各指标最新数据所属报告期的期末计算。"
    )


def clean_text(text: str) -> str:
    """Pasted names and quotes can hold control characters that print as boxes or break lines."""
    return _CONTROL.sub("", text)


def content_from_rows(
    rows: Iterable[StatusRow], as_of: date, *, title: str, issuer: str, scope: str, today: date
) -> ReportContent:
    # Figures reported for periods after the as-of date are not counted in the statuses: not shown either.
    rows = [replace(r, entries=tuple(e for e in r.entries if e.period.end <= as_of)) for r in rows]
    ordered = sorted(rows, key=lambda r: (r.progress.status.severity, r.progress.lag_points or 0.0))
    behind = [r for r in ordered if r.progress.status in BEHIND]
    others = [r for r in rows if r.progress.status not in BEHIND]
    furthest = tuple(
        (r.target.name, r.progress.lag_points)
        for r in sorted(behind, key=lambda r: r.progress.lag_points or 0.0)
        if r.progress.lag_points is not None
    )[:3]
    return ReportContent(
        title=title,
        issuer=issuer,
        as_of=as_of,
        generated_on=today,
        scope=scope,
        counts=status_counts(rows),
        headline=headline(rows, as_of),
        furthest_behind=furthest,
        columns=tuple(COLUMNS),
        summary=tuple(status_record(r) for r in rows),
        numbers=tuple(_numbers(r) for r in rows),
        behind_blocks=tuple(_block(r) for r in behind),
        other_blocks=tuple(_block(r) for r in others),
        rows=tuple(rows),
    )


def headline(rows: list[StatusRow], as_of: date) -> str:
    """The 时间过半、任务过半 sentence: how many targets keep pace with time, and which lag furthest."""
    if not rows:
        return "按所选条件没有可报告的指标。"
    judged = [r for r in rows if r.progress.completion is not None]
    keeping_pace = [r for r in judged if r.progress.status in (Status.ACHIEVED, Status.ON_TRACK)]
    achieved = sum(1 for r in judged if r.progress.status is Status.ACHIEVED)
    behind = sorted(
        (r for r in judged if r.progress.status in BEHIND), key=lambda r: r.progress.lag_points or 0.0
    )
    no_data = sum(1 for r in rows if r.progress.status is Status.NO_DATA)
    monitoring = sum(1 for r in rows if r.progress.status is Status.MONITORING)
    text = f"截至{as_of:%Y年%m月%d日}，{len(judged)}个有进度数据的考核指标中，{len(keeping_pace)}个完成进度不低于时序进度"
    text += f"（其中已完成{achieved}个）" if achieved else ""
    if behind:
        worst = "、".join(
            f"“{r.target.name}”（{format_points(r.progress.lag_points)}个百分点）" for r in behind[:3]
        )
        text += f"，{len(behind)}个落后于时序进度，落后最多的是{worst}"
    text += "。"
    extra = []
    if no_data:
        extra.append(f"{no_data}个指标尚无数据")
    if monitoring:
        extra.append(f"{monitoring}个监测指标只跟踪不考核")
    return text + ("另有" + "，".join(extra) + "。" if extra else "")


def _numbers(row: StatusRow) -> dict[str, object]:
    """The summary row as numbers, for Excel: values in the target's unit, ratios as fractions."""
    p, t = row.progress, row.target
    return {
        "plan": row.plan.title,
        "target": t.name,
        "responsible_unit": t.responsible_unit,
        "comparator": t.comparator.symbol,
        "target_value": float(t.target_value) if t.target_value is not None else None,
        "unit": t.unit,
        "deadline": t.deadline,
        "latest": float(p.actual) if p.actual is not None else None,
        "period": p.latest.period.label if p.latest else None,
        "completion": p.completion,
        "time_progress": p.time_progress,
        "lag": p.lag_points,
        "gap": float(p.gap) if p.gap is not None else None,
        "forecast": p.forecast,
        "status": p.status.label,
    }


def _facts(row: StatusRow) -> tuple[tuple[str, str], ...]:
    p, t = row.progress, row.target
    facts = [
        ("政策文件", row.plan.title),
        ("维度", t.category or "—"),
        ("类型", t.kind.label),
        ("责任单位", t.responsible_unit or "—"),
        ("目标", goal_text(row)),
        ("基期", _baseline(p, t.unit)),
        ("状态", p.status.label),
        ("最新值", format_amount(p.actual, t.unit) + ("（年化）" if p.annualised else "")),
        ("报告期", p.latest.period.label if p.latest else "—"),
        ("完成率", format_percent(p.completion)),
        ("时序进度", format_percent(p.time_progress)),
        ("进度差", f"{format_points(p.lag_points)}个百分点" if p.lag_points is not None else "—"),
        ("差距", format_amount(p.gap, t.unit)),
        ("预计到期值", _forecast(p, t.unit)),
    ]
    return tuple(facts)


def _baseline(p: Progress, unit: str) -> str:
    if p.baseline is None:
        return "—"
    on = f"（{p.baseline_on:%Y-%m-%d}）" if p.baseline_on else ""
    return format_amount(p.baseline, unit) + on


def _forecast(p: Progress, unit: str) -> str:
    if p.forecast is None:
        return "—"
    method = {"linear": "线性趋势", "compound": "复合增长"}.get(p.forecast_method, "")
    return format_amount(p.forecast, unit) + (f"（{method}）" if method else "")


def _block(row: StatusRow) -> TargetBlock:
    t, p = row.target, row.progress
    newest = sorted(row.entries, key=lambda e: (e.period.end, e.id or 0), reverse=True)[:RECENT_ENTRIES]
    entries = tuple(
        EntryLine(e.period.label, format_amount(e.value, e.unit), e.value_type.label, e.source, e.note)
        for e in newest
    )
    notes = tuple(p.notes) + ((t.notes,) if t.notes else ())
    return TargetBlock(
        target_id=t.id or 0,
        name=t.name,
        plan_title=row.plan.title,
        status=p.status,
        facts=_facts(row),
        source_quote=t.source_quote,
        notes=notes,
        entries=entries,
        has_chart=bool(p.series),
    )
