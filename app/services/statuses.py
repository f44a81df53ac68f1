"""Every target's progress on one as-of date: the dashboard, the CLI and reports.

Reports and the CLI read every figure. The dashboard asks for ``recent_only``: each status is computed from
only the figures its arithmetic reads (the latest few period ends; a yearly flow's current year; the whole
history only where a running total is built from 期间值 or units differ), which gives the same statuses,
completion, pace and forecast in a fraction of the time on a file with years of data. Such rows say so
(``complete`` is False); ``complete_rows`` loads the full history of the targets a view shows in detail.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
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
    # Every figure of the target (``complete``), or only those its status needs: then ``progress.series`` is
    # the recent part of the trajectory too.
    entries: tuple[ProgressEntry, ...]
    complete: bool = True


def compute_statuses(
    ws: Workspace,
    as_of: date,
    settings: ProgressSettings | None = None,
    *,
    on_progress: ProgressCallback | None = None,
    recent_only: bool = False,
) -> list[StatusRow]:
    settings = settings or ProgressSettings()
    plans = {p.id: p for p in ws.plans.all()}
    targets = ws.targets.all()
    if recent_only:
        flow_year = as_of.year if settings.time_basis == "as_of" else None
        entries = ws.entries.needed_for_status(as_of, settings.pace_window, flow_year)
    else:
        entries = ws.entries.all()
    by_target: dict[int, list[ProgressEntry]] = {}
    for e in entries:
        by_target.setdefault(e.target_id, []).append(e)
    rows = []
    total = len(targets)
    for i, target in enumerate(targets, start=1):
        own = tuple(by_target.get(target.id or 0, ()))
        plan = plans[target.plan_id]
        rows.append(
            StatusRow(plan, target, evaluate(plan, target, own, as_of, settings), own, not recent_only)
        )
        if on_progress and (i % 500 == 0 or i == total):
            on_progress(i, total)
    return rows


def complete_rows(
    ws: Workspace, rows: Sequence[StatusRow], settings: ProgressSettings | None = None
) -> list[StatusRow]:
    """The same rows, on their own as-of dates, with every figure of their targets and the full trajectory
    (one query for them all)."""
    missing = [r.target.id or 0 for r in rows if not r.complete]
    if not missing:
        return list(rows)
    by_target: dict[int, list[ProgressEntry]] = {}
    for e in ws.entries.for_targets(missing):
        by_target.setdefault(e.target_id, []).append(e)
    done = []
    for r in rows:
        if r.complete:
            done.append(r)
            continue
        own = tuple(by_target.get(r.target.id or 0, ()))
        done.append(
            StatusRow(r.plan, r.target, evaluate(r.plan, r.target, own, r.progress.as_of, settings), own)
        )
    return done


def status_counts(rows: Iterable[StatusRow]) -> dict[Status, int]:
    """Counts for every status, zeros included, in "worst first" order (滞后 3 · 预警 2 · 正常 12 …)."""
    counts = Counter(r.progress.status for r in rows)
    return {s: counts.get(s, 0) for s in sorted(Status, key=lambda s: s.severity)}
