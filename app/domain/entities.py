"""Plans, targets and progress entries: the things staff read in action plans and reports.

Values are ``Decimal`` so that reported figures such as 0.1 + 0.2 never turn into binary fractions in a report.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from app.domain.periods import Period


class TargetKind(enum.StrEnum):
    """How a target's progress is counted; each kind has its own arithmetic (see ``progress``)."""

    CUMULATIVE = "cumulative"  # 累计数: 1590 firms, 100 products — the latest running total counts
    LEVEL = "level"  # 规模: annual output 500亿元 — the latest annual (or annualised) value counts
    FLOW = "flow"  # 年度流量: 新增算力 per year — year-to-date values reset each January
    RATE = "rate"  # 增速/占比: ≥7% growth — the latest value against a threshold, no trajectory
    MILESTONE = "milestone"  # 里程碑: done / not done (0–100 %) by a date
    MONITORING = "monitoring"  # 监测指标: tracked values with no target

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    TargetKind.CUMULATIVE: "累计数",
    TargetKind.LEVEL: "规模",
    TargetKind.FLOW: "年度流量",
    TargetKind.RATE: "增速/占比",
    TargetKind.MILESTONE: "里程碑",
    TargetKind.MONITORING: "监测指标",
}


class Comparator(enum.StrEnum):
    """The wording of a target: 以上/不低于 ≥, 超/突破 >, 不高于/以内 ≤, 低于 <, 达到 =."""

    GE = ">="
    GT = ">"
    LE = "<="
    LT = "<"
    EQ = "="

    @property
    def symbol(self) -> str:
        return {"<=": "≤", ">=": "≥"}.get(self.value, self.value)

    def holds(self, actual: Decimal, target: Decimal) -> bool:
        if self is Comparator.GE:
            return actual >= target
        if self is Comparator.GT:
            return actual > target
        if self is Comparator.LE:
            return actual <= target
        if self is Comparator.LT:
            return actual < target
        return actual == target

    @property
    def wants_decrease(self) -> bool:
        return self in (Comparator.LE, Comparator.LT)


class ValueType(enum.StrEnum):
    """What a reported figure measures over its period."""

    CUMULATIVE = "cumulative"  # 累计值: running total as of the period end ("累计获批70个")
    PERIOD = "period"  # 期间值: amount during the period ("前三季度实现产值257亿元", "1-8月新增算力5970P")
    RATE = "rate"  # 比率: a growth rate or share for the period ("同比增长6.9%")

    @property
    def label(self) -> str:
        return {"cumulative": "累计值", "period": "期间值", "rate": "比率"}[self.value]


@dataclass(frozen=True, slots=True)
class Plan:
    """政策文件: an action plan whose targets are tracked."""

    title: str
    period_start: date
    period_end: date
    issuer: str = ""
    doc_number: str = ""
    issued_on: date | None = None
    source_text: str = ""
    notes: str = ""
    id: int | None = None
    # The row version this record was read at (0: never read from a file). Updates and deletes carry it, and
    # are refused when the file holds a newer one (someone else changed the record meanwhile). Not part of
    # equality: the same content read twice is the same record.
    version: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Target:
    """目标/指标 of a plan. ``unit`` is the unit as written (亿元, 家, %, 平方公里)."""

    plan_id: int
    name: str
    kind: TargetKind
    unit: str
    comparator: Comparator = Comparator.GE
    target_value: Decimal | None = None  # None only for monitoring indicators
    deadline: date | None = None  # None only for monitoring indicators
    baseline_value: Decimal | None = None  # None: 0 for counts and flows, no baseline otherwise
    baseline_date: date | None = None  # None: the plan's start
    category: str = ""  # 维度, e.g. 产业规模
    responsible_unit: str = ""  # 责任单位
    contact: str = ""
    source_quote: str = ""
    notes: str = ""
    id: int | None = None
    version: int = field(default=0, compare=False)  # as Plan.version


@dataclass(frozen=True, slots=True)
class ProgressEntry:
    """进度填报: one reported figure for one period, with the unit and the words it came in."""

    target_id: int
    period: Period
    value: Decimal
    unit: str
    value_type: ValueType = ValueType.CUMULATIVE
    source: str = ""
    reporter: str = ""
    note: str = ""
    evidence_path: str = ""
    entered_at: datetime | None = None
    id: int | None = None
    version: int = field(default=0, compare=False)  # as Plan.version


@dataclass(frozen=True, slots=True)
class Bands:
    """Status thresholds in percentage points of lag (completion − 时序进度).

    ``green`` is how far behind 时序进度 a target may be and still count as 正常; ``amber`` how far as 预警.
    """

    green: Decimal = Decimal(0)
    amber: Decimal = Decimal(10)


@dataclass(frozen=True, slots=True)
class TargetWithEntries:
    """A target together with its plan and reported entries, as the arithmetic needs them."""

    plan: Plan
    target: Target
    entries: tuple[ProgressEntry, ...] = field(default_factory=tuple)
