"""Benchmark: open a 5,000-target × 60-entry file to a filled dashboard in the real window (issue 3).

Measures, offscreen, the time from opening the file to the moment the dashboard table, the plan tree and the
counts are filled (statuses are computed in the worker thread, as in use), beside the floor of one raw SQLite
query reading every target's latest entry. Also: how long the GUI thread was blocked at most while waiting
(the window must never freeze). Run: ``.venv/bin/python -m bench.bench_dashboard``.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from app.ui.application import AppController
from app.ui.settings import AppSettings
from bench.bench_status import OUT, raw_floor, timed
from bench.generate import synthetic_file


def open_to_dashboard(app: QApplication, path: Path) -> tuple[float, float]:
    settings = AppSettings(QSettings(str(OUT / "bench-settings.ini"), QSettings.Format.IniFormat))
    start = time.perf_counter()
    controller = AppController(app, settings, date(2025, 12, 31), language="en")
    window = controller.start(str(path))
    assert window is not None
    window.show()
    longest_block, last = 0.0, time.perf_counter()
    while window.model.rowCount() == 0:  # the GUI thread keeps processing events meanwhile
        app.processEvents()
        now = time.perf_counter()
        longest_block, last = max(longest_block, now - last), now
        time.sleep(0.001)
    elapsed = time.perf_counter() - start
    window.close()
    window.session.close()
    controller.deleteLater()
    app.processEvents()
    return elapsed, longest_block


def main() -> int:
    app = QApplication.instance() or QApplication([])
    path = synthetic_file(5000, 60)
    floor = timed(lambda: raw_floor(path), 5)
    runs = [open_to_dashboard(app, path) for _ in range(3)]  # type: ignore[arg-type]
    median = statistics.median(r[0] for r in runs)
    block = max(r[1] for r in runs)
    print(f"{'measurement':<46}{'median s':>10}{'floor s':>10}{'ratio':>8}")
    print(
        f"{'open 5,000 targets to a filled dashboard':<46}{median:>10.3f}{floor:>10.3f}{median / floor:>8.1f}"
    )
    print(f"{'longest GUI-thread block while loading (s)':<46}{block:>10.3f}")
    print(json.dumps({"open_to_dashboard_s": median, "floor_s": floor, "longest_gui_block_s": block}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
