"""Benchmark: open a 5,000-target × 60-entry file and compute every status (issue 2/3 figures).

Each measurement is printed beside its floor — one raw SQLite query reading every target's latest entry —
with the ratio. Run: ``.venv/bin/python -m bench.bench_status`` (add ``--model`` to also fill the Qt
dashboard model offscreen). Output: a table, then the same figures as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import statistics
import sys
import time
from datetime import date
from pathlib import Path

from app.services.statuses import compute_statuses
from app.services.workspace import Workspace
from bench.generate import synthetic_file

OUT = Path(__file__).resolve().parent / "out"
AS_OF = date(2025, 12, 31)
LATEST_SQL = """
SELECT t.id, e.value, e.period_end FROM target t
JOIN progress_entry e ON e.id = (
    SELECT id FROM progress_entry WHERE target_id = t.id ORDER BY period_end DESC, id DESC LIMIT 1)
"""


def timed(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def raw_floor(path: Path) -> None:
    conn = sqlite3.connect(path)
    rows = conn.execute(LATEST_SQL).fetchall()
    conn.close()
    assert rows


def open_and_compute(path: Path, recent_only: bool) -> None:
    with Workspace.open(path, read_only=True) as ws:
        rows = compute_statuses(ws, AS_OF, recent_only=recent_only)
    assert len(rows) > 0


def open_compute_and_fill_model(path: Path) -> None:
    from app.ui.target_table_model import TargetTableModel

    with Workspace.open(path, read_only=True) as ws:
        model = TargetTableModel()
        model.set_rows(compute_statuses(ws, AS_OF, recent_only=True))
    assert model.rowCount() > 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--targets", type=int, default=5000)
    parser.add_argument("--entries", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--model", action="store_true", help="also fill the Qt dashboard model (offscreen)")
    args = parser.parse_args()
    path = synthetic_file(args.targets, args.entries)
    floor = timed(lambda: raw_floor(path), args.repeat)
    results = {
        "file": path.name,
        "targets": args.targets,
        "entries_per_target": args.entries,
        "floor_s": floor,
    }
    measured = {
        # What the window does: each status from the figures it needs (the dashboard's rows).
        "open + every status (dashboard)": timed(lambda: open_and_compute(path, True), args.repeat),
        # What reports and the CLI do: every figure of every target, for the full trajectories.
        "open + every status, all figures (reports)": timed(
            lambda: open_and_compute(path, False), args.repeat
        ),
    }
    if args.model:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        _app = QApplication.instance() or QApplication([])
        measured["open + every status + fill dashboard model"] = timed(
            lambda: open_compute_and_fill_model(path), args.repeat
        )
    print(f"{'measurement':<46}{'median s':>10}{'floor s':>10}{'ratio':>8}")
    for name, seconds in measured.items():
        print(f"{name:<46}{seconds:>10.3f}{floor:>10.3f}{seconds / floor:>8.1f}")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak resident memory (MB)':<46}{peak_mb:>10.0f}")
    results["measurements_s"] = measured
    results["peak_rss_mb"] = round(peak_mb)
    print(json.dumps(results, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
