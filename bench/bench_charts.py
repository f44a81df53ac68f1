"""Benchmark: draw the bullet chart for 5,000 targets and a trajectory of 10 years of monthly entries (issue 4).

Each figure is printed beside a floor: pyqtgraph drawing the same number of bars / points with nothing of ours
around it. Run: ``.venv/bin/python -m bench.bench_charts``. Offscreen; no display needed.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from datetime import date
from decimal import Decimal

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from app.domain.entities import Comparator, Plan, ProgressEntry, Target, TargetKind, ValueType
from app.domain.periods import as_of, month
from app.domain.progress import evaluate
from app.services.statuses import StatusRow, compute_statuses
from app.services.workspace import Workspace
from bench.generate import synthetic_file

REPEAT = 3


def median_time(fn) -> float:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def ten_years_monthly() -> StatusRow:
    plan = Plan(id=1, title="十年计划", period_start=date(2016, 1, 1), period_end=date(2025, 12, 31))
    target = Target(
        id=1, plan_id=1, name="累计数（十年月报）", kind=TargetKind.CUMULATIVE, unit="家",
        comparator=Comparator.GE, target_value=Decimal(1500), deadline=date(2025, 12, 31),
    )  # fmt: skip
    entries = tuple(
        ProgressEntry(
            target_id=1,
            period=as_of(month(2016 + i // 12, i % 12 + 1).end),
            value=Decimal(10 * (i + 1)),
            unit="家",
            value_type=ValueType.CUMULATIVE,
            id=i + 1,
        )
        for i in range(120)
    )
    return StatusRow(plan, target, evaluate(plan, target, entries, date(2025, 12, 31)), entries)


def main() -> int:
    app = QApplication.instance() or QApplication([])
    import numpy as np
    import pyqtgraph as pg

    from app.ui.charts.bullet_chart import BulletChart
    from app.ui.charts.common import render_image
    from app.ui.charts.trajectory_chart import TrajectoryChart

    path = synthetic_file(5000, 60)
    with Workspace.open(path, read_only=True) as ws:
        rows = compute_statuses(ws, date(2025, 12, 31))
    bullet = BulletChart(limit=0)  # every target, not just the worst 30

    def draw_bullet() -> None:
        bullet.set_rows(rows)
        render_image(bullet, 1600, 900)

    n = len(rows)

    def floor_bars() -> None:
        plot = pg.PlotWidget()
        plot.addItem(pg.BarGraphItem(x0=np.zeros(n), width=np.random.rand(n), y=np.arange(n), height=0.6))
        render_image(plot, 1600, 900)

    row = ten_years_monthly()
    trajectory = TrajectoryChart()

    def draw_trajectory() -> None:
        trajectory.set_row(row)
        render_image(trajectory, 1600, 900)

    def floor_points() -> None:
        plot = pg.PlotWidget()
        plot.plot(np.arange(120), np.arange(120), symbol="o")
        render_image(plot, 1600, 900)

    results = {
        "bullet chart, 5,000 targets (set + draw 1600×900)": (
            median_time(draw_bullet),
            median_time(floor_bars),
        ),
        "trajectory, 120 monthly entries (set + draw 1600×900)": (
            median_time(draw_trajectory),
            median_time(floor_points),
        ),
    }
    print(f"{'measurement':<56}{'median s':>10}{'floor s':>10}{'ratio':>8}")
    for name, (ours, floor) in results.items():
        print(f"{name:<56}{ours:>10.3f}{floor:>10.3f}{ours / floor:>8.1f}")
    print(
        json.dumps(
            {k: {"seconds": v[0], "floor_seconds": v[1]} for k, v in results.items()}, ensure_ascii=False
        )
    )
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
