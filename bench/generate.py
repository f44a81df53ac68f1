"""Synthetic data files for benchmarks: N targets × M monthly entries across every target kind.

Written straight through the repositories in one transaction (no audit events): this is test data, and the
point is to measure reading and computing, not writing.
"""

from __future__ import annotations

import argparse
import random
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from app.domain.entities import Comparator, Plan, ProgressEntry, Target, TargetKind, ValueType
from app.domain.periods import as_of, month, year_to_date
from app.services.workspace import Workspace

KINDS = [TargetKind.CUMULATIVE, TargetKind.LEVEL, TargetKind.FLOW, TargetKind.RATE, TargetKind.MONITORING]


def _entries(target: Target, count: int, rng: random.Random) -> list[ProgressEntry]:
    entries = []
    start_year = 2021
    for i in range(count):
        year, m = start_year + i // 12, i % 12 + 1
        tid = target.id or 0
        if target.kind is TargetKind.FLOW:
            period, vt, value = year_to_date(year, m) if m > 1 else month(year, 1), ValueType.PERIOD, 100 * m
        elif target.kind is TargetKind.LEVEL:
            period, vt, value = month(year, m), ValueType.PERIOD, 30 + rng.random() * 5
        elif target.kind is TargetKind.RATE:
            period, vt, value = month(year, m), ValueType.RATE, 5 + rng.random() * 4
        else:
            end = month(year, m).end
            period, vt, value = as_of(end), ValueType.CUMULATIVE, 10 * (i + 1) + rng.randint(0, 9)
        entries.append(
            ProgressEntry(
                target_id=tid,
                period=period,
                value=Decimal(str(round(value, 2))),
                unit=target.unit,
                value_type=vt,
                source="基准测试",
                entered_at=datetime(2026, 1, 1),
            )
        )
    return entries


def synthetic_file(targets: int, entries_per_target: int) -> Path:
    """The cached synthetic file in bench/out, generated on first use and brought up to the current schema."""
    from bench.bench_status import OUT

    OUT.mkdir(exist_ok=True)
    path = OUT / f"synthetic-{targets}x{entries_per_target}.sqlite"
    if not path.exists():
        return generate(path, targets, entries_per_target)
    Workspace.open(path).close()  # a file from an older version is migrated, so benches can open it read-only
    return path


def generate(
    path: Path, targets: int, entries_per_target: int, seed: int = 7, plan_count: int | None = None
) -> Path:
    """A synthetic data file: ``targets`` targets spread over ``plan_count`` plans (one per 50 targets unless given),
    each with ``entries_per_target`` figures."""
    rng = random.Random(seed)
    with Workspace.open(path, create=True) as ws, ws.db.atomic():
        plans = [
            ws.plans.add(
                Plan(title=f"行动计划 {i + 1}", period_start=date(2021, 1, 1), period_end=date(2026, 12, 31))
            )
            for i in range(plan_count or max(1, targets // 50))
        ]
        for i in range(targets):
            kind = KINDS[i % len(KINDS)]
            monitoring = kind is TargetKind.MONITORING
            target = ws.targets.add(
                Target(
                    plan_id=plans[i % len(plans)].id or 0,
                    name=f"指标 {i + 1}",
                    kind=kind,
                    unit={TargetKind.LEVEL: "亿元", TargetKind.RATE: "%", TargetKind.FLOW: "P"}.get(
                        kind, "家"
                    ),
                    comparator=Comparator.GE,
                    target_value=None
                    if monitoring
                    else Decimal({TargetKind.RATE: 7, TargetKind.FLOW: 1500}.get(kind, 800)),
                    deadline=None if monitoring else date(2026, 12, 31),
                    baseline_value=Decimal(25) if kind is TargetKind.LEVEL else None,
                    responsible_unit=f"责任单位 {i % 16 + 1}",
                )
            )
            for e in _entries(target, entries_per_target, rng):
                ws.entries.add(e)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--targets", type=int, default=5000)
    parser.add_argument("--entries", type=int, default=60)
    args = parser.parse_args()
    if args.out.exists():
        raise SystemExit(f"{args.out} exists")
    generate(args.out, args.targets, args.entries)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
