"""Benchmark: cold start to the main window on the demo data, against a bare PySide6 window (issue 8).

Each start is a fresh process (offscreen). The parent reads ``time.time()`` just before starting it; the child
prints ``time.time()`` once its window is shown and has painted for the first time, so the figure includes the
interpreter's own start-up and every import. The floor is a bare ``QMainWindow`` doing nothing, timed the same
way; the runs alternate so both see the same load on the machine. The medians and their ratio are printed
(goal ≤ 1.3×), then the modules that cost most to import (``-X importtime``), then JSON.
Run: ``.venv/bin/python -m bench.bench_startup [--runs 9]``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The floor: the same first-paint signal as the app's --exit-when-shown, with nothing else in the process.
BARE_WINDOW = """
import time
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not self.property("seen"):
            self.setProperty("seen", True)
            QTimer.singleShot(0, QCoreApplication.quit)
        return False

app = QApplication([])
window = QMainWindow()
watcher = FirstPaint(window)
window.installEventFilter(watcher)
window.resize(1500, 800)
window.show()
app.exec()
print(f"shown {time.time():.6f}", flush=True)
"""

APP = ["-m", "app", "--exit-when-shown", "--as-of", "2025-07-31"]
BARE = ["-c", BARE_WINDOW]


def child_env(scratch: str) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_CONFIG_HOME"] = scratch  # no saved window layout or recent files from the developer's session
    # Installed and frozen builds start from compiled bytecode: let the warm-up runs write it (away from the
    # checkout) even where PYTHONDONTWRITEBYTECODE is set, or every start would recompile our sources.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(Path(scratch) / "pycache")
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    return env


def cold_start(args: list[str], env: dict[str, str]) -> float:
    """Seconds from just before the process is started to its window's first paint."""
    start = time.time()
    done = subprocess.run([sys.executable, *args], env=env, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{args[:2]} failed ({done.returncode}):\n{done.stderr}")
    shown = [line for line in done.stdout.splitlines() if line.startswith("shown ")]
    if not shown:
        raise RuntimeError(f"{args[:2]} printed no 'shown' line:\n{done.stdout}\n{done.stderr}")
    return float(shown[-1].split()[1]) - start


def import_times(args: list[str], env: dict[str, str]) -> list[tuple[str, int, int]]:
    """(module, self µs, cumulative µs) for every import of one start, from ``-X importtime``."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *args], env=env, cwd=ROOT, capture_output=True, text=True
    )
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        _, self_us, cumulative, name = (part.strip() for part in line.replace("import time:", "|").split("|"))
        rows.append((name, int(self_us), int(cumulative)))
    return rows


def by_package(rows: list[tuple[str, int, int]]) -> list[tuple[str, int]]:
    """Self import time summed per top-level package (``app`` split one level further), largest first."""
    totals: dict[str, int] = defaultdict(int)
    for name, self_us, _ in rows:
        parts = name.split(".")
        key = ".".join(parts[:2]) if parts[0] == "app" else parts[0]
        totals[key] += self_us
    return sorted(totals.items(), key=lambda item: -item[1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9, help="starts of each kind (default 9)")
    parser.add_argument("--top", type=int, default=15, help="import offenders to list (default 15)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="ptt-bench-startup-") as scratch:
        env = child_env(scratch)
        # Warm the OS file cache and write the .pyc files: "cold" means a new process, not a new disk.
        for _ in range(2):
            cold_start(APP, env)
            cold_start(BARE, env)
        app_runs, bare_runs = [], []
        for _ in range(args.runs):
            app_runs.append(cold_start(APP, env))
            bare_runs.append(cold_start(BARE, env))
        imports = import_times(APP, env)
        bare_imports = import_times(BARE, env)

    app_s, bare_s = statistics.median(app_runs), statistics.median(bare_runs)
    title = f"measurement (median of {args.runs} fresh processes)"
    print(f"{title:<52}{'app s':>8}{'floor s':>9}{'ratio':>7}")
    label = "cold start to the painted main window (demo data)"
    print(f"{label:<52}{app_s:>8.3f}{bare_s:>9.3f}{app_s / bare_s:>7.2f}")
    print(f"{'  fastest / slowest app start':<52}{min(app_runs):>8.3f}{max(app_runs):>9.3f}")
    print(f"{'  fastest / slowest bare window':<52}{min(bare_runs):>8.3f}{max(bare_runs):>9.3f}")

    total_us = sum(self_us for _, self_us, _ in imports)
    bare_us = sum(self_us for _, self_us, _ in bare_imports)
    print(f"\nimports (one start, -X importtime): app {total_us / 1e6:.3f} s, bare {bare_us / 1e6:.3f} s")
    print(f"{'package (self time summed)':<44}{'ms':>8}")
    packages = by_package(imports)
    for name, self_us in packages[: args.top]:
        print(f"{name:<44}{self_us / 1000:>8.1f}")
    print(f"\n{'slowest single modules (cumulative)':<44}{'self ms':>8}{'cum ms':>8}")
    for name, self_us, cumulative in sorted(imports, key=lambda r: -r[2])[: args.top]:
        print(f"{name:<44}{self_us / 1000:>8.1f}{cumulative / 1000:>8.1f}")

    print(
        json.dumps(
            {
                "runs": args.runs,
                "app_cold_start_s": round(app_s, 4),
                "bare_window_s": round(bare_s, 4),
                "ratio": round(app_s / bare_s, 3),
                "goal_ratio": 1.3,
                "app_runs_s": [round(x, 4) for x in app_runs],
                "bare_runs_s": [round(x, 4) for x in bare_runs],
                "app_import_s": round(total_us / 1e6, 4),
                "bare_import_s": round(bare_us / 1e6, 4),
                "import_by_package_ms": {name: round(us / 1000, 1) for name, us in packages[: args.top]},
            },
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
