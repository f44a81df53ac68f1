"""Every target's progress on one as-of date, loaded in three queries: the dashboard, the CLI and reports."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from app.domain.entities import Plan, ProgressEntry, Target
from app.domain.progress import Progress, ProgressSettings, evaluate
from app.domain.status import Status
from app.services.workspace import Workspace

ProgressCallback = Callable[[int, int], None]  # (done, total)


@dataclass(frozen=True, slots=True)
class StatusRow:
    plan: Plan
    target: Target
    progress: Progress
    entries: tuple[ProgressEntry, ...]


def compute_statuses(
    ws: Workspace,
    as_of: date,
    settings: ProgressSettings | None = None,
    *,
    on_progress: ProgressCallback | None = None,
) -> list[StatusRow]:
    plans = {p.id: p for p in ws.plans.all()}
    targets = ws.targets.all()
    by_target: dict[int, list[ProgressEntry]] = {}
    for e in ws.entries.all():
        by_target.setdefault(e.target_id, []).append(e)
    rows = []
    total = len(targets)
    for i, target in enumerate(targets, start=1):
        entries = tuple(by_target.get(target.id or 0, ()))
        plan = plans[target.plan_id]
        rows.append(StatusRow(plan, target, evaluate(plan, target, entries, as_of, settings), entries))
        if on_progress and (i % 200 == 0 or i == total):
            on_progress(i, total)
    return rows


def status_counts(rows: Iterable[StatusRow]) -> dict[Status, int]:
    """Counts for every status, zeros included, in "worst first" order (滞后 3 · 预警 2 · 正常 12 …)."""
    counts = Counter(r.progress.status for r in rows)
    return {s: counts.get(s, 0) for s in sorted(Status, key=lambda s: s.severity)}
