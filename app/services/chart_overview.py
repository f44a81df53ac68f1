"""Numbers for the status overview chart: how many targets of each status, per plan (政策文件) or per responsible
unit (责任单位). Qt-free, so the window's chart and printed reports draw the same counts.

Statuses come from the domain's Progress only; nothing here judges a target again.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Literal

from app.domain.formatting import abbreviate
from app.domain.status import Status
from app.services.statuses import StatusRow

GroupBy = Literal["plan", "unit"]

# The statuses a meeting asks about first: groups with most of these come first.
ATTENTION_STATUSES = frozenset({Status.OVERDUE, Status.OFF_TRACK, Status.AT_RISK})
NO_UNIT_NAME = "（未填写责任单位）"
SHORT_NAME_WIDTH = 28  # display columns (a Chinese character counts 2): about 14 characters
UNIT_TAIL_WIDTH = 10  # a long unit name keeps its last 5 characters: 市经济和信息化局…经济运行处


@dataclass(frozen=True, slots=True)
class Group:
    """One bar: a plan (key = plan id) or a responsible unit (key = the unit's name, "" when none is filled in)."""

    key: object
    name: str
    short_name: str  # name abbreviated with "…" for the axis; the full name goes in the tooltip
    counts: dict[Status, int]  # every drawn status, zeros included, in drawing order
    starts: dict[Status, int]  # where each segment starts: the sum of the counts drawn before it
    total: int
    attention: int  # 逾期 + 滞后 + 预警


@dataclass(frozen=True, slots=True)
class OverviewData:
    by: GroupBy
    include_monitoring: bool
    statuses: tuple[Status, ...]  # drawing order, worst first
    groups: tuple[Group, ...]  # most attention first, then by name
    left_out: dict[Status, int] = field(default_factory=dict)  # targets not counted (监测 when left out)
    hidden_groups: int = 0  # groups beyond a row limit, not drawn
    hidden_targets: int = 0  # the targets those hidden groups hold

    @property
    def left_out_total(self) -> int:
        return sum(self.left_out.values())

    @property
    def max_total(self) -> int:
        return max((g.total for g in self.groups), default=0)

    @property
    def is_empty(self) -> bool:
        return not self.groups


def drawn_statuses(include_monitoring: bool) -> tuple[Status, ...]:
    ordered = sorted(Status, key=lambda s: s.severity)
    return tuple(s for s in ordered if include_monitoring or s is not Status.MONITORING)


def _group_of(row: StatusRow, by: GroupBy) -> tuple[object, str]:
    if by == "unit":
        unit = row.target.responsible_unit.strip()
        return unit, unit or NO_UNIT_NAME
    plan = row.plan
    return (plan.id if plan.id is not None else plan.title), plan.title


def status_overview(
    rows: list[StatusRow],
    by: GroupBy = "plan",
    include_monitoring: bool = False,
    *,
    max_groups: int | None = None,
) -> OverviewData:
    """Count targets by status per group; groups with nothing counted (only 监测 left out) get no bar.

    ``max_groups`` keeps the groups that need most attention and reports the rest in ``hidden_groups``.
    """
    if by not in ("plan", "unit"):
        raise ValueError(f"by must be 'plan' or 'unit', not {by!r}")
    statuses = drawn_statuses(include_monitoring)
    drawn = set(statuses)
    names: dict[object, str] = {}
    counters: dict[object, Counter[Status]] = {}
    left_out: Counter[Status] = Counter()
    for row in rows:
        status = row.progress.status
        if status not in drawn:
            left_out[status] += 1
            continue
        key, name = _group_of(row, by)
        names.setdefault(key, name)
        counters.setdefault(key, Counter())[status] += 1
    tail = UNIT_TAIL_WIDTH if by == "unit" else 0
    groups = [_make_group(key, names[key], counters[key], statuses, tail) for key in counters]
    groups.sort(key=lambda g: (-g.attention, g.name, str(g.key)))
    data = OverviewData(
        by=by,
        include_monitoring=include_monitoring,
        statuses=statuses,
        groups=tuple(groups),
        left_out={s: left_out[s] for s in sorted(left_out, key=lambda s: s.severity)},
    )
    return limit_groups(data, max_groups) if max_groups is not None else data


def limit_groups(data: OverviewData, max_groups: int) -> OverviewData:
    """Keep the first ``max_groups`` groups (most attention first); count what is left for a caption."""
    max_groups = max(0, max_groups)
    if len(data.groups) <= max_groups:
        return data
    kept, hidden = data.groups[:max_groups], data.groups[max_groups:]
    return replace(
        data,
        groups=kept,
        hidden_groups=data.hidden_groups + len(hidden),
        hidden_targets=data.hidden_targets + sum(g.total for g in hidden),
    )


def _make_group(
    key: object, name: str, counter: Counter[Status], statuses: tuple[Status, ...], tail: int
) -> Group:
    counts = {s: counter.get(s, 0) for s in statuses}
    starts, running = {}, 0
    for s in statuses:
        starts[s] = running
        running += counts[s]
    return Group(
        key=key,
        name=name,
        short_name=abbreviate(name, SHORT_NAME_WIDTH, tail=tail),
        counts=counts,
        starts=starts,
        total=running,
        attention=sum(counts.get(s, 0) for s in ATTENTION_STATUSES),
    )
