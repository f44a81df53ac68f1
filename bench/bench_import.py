"""Benchmark: import a 100,000-row fill-in sheet (issue 6), beside the bare python-calamine read of the same file.

A synthetic data file (bench/generate.py: 2,000 targets × 12 months of 2021) gets a returned sheet of 50 rows per
target (January 2022 to February 2026): numbers as Excel stores them, one value in ten as text with its unit
("31.5亿元"), periods in the style each kind asks for. Timed: the bare calamine read (the floor), our reader
(size and zip checks, SHA-256, header detection), the whole preview (read + parse + validate every cell), and
the commit (one transaction through the Editor, with an audit event per figure) on a fresh copy of the file.

Run: ``.venv/bin/python -m bench.bench_import``. Output: a table, then the same figures as JSON.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook  # type: ignore[import-untyped]
from python_calamine import CalamineWorkbook

from app.domain.entities import Target, TargetKind
from app.domain.periods import as_of, month, year_to_date
from app.services.fill_template import COLUMNS, HEADER_ROW, SHEET, format_identity
from app.services.sheet_import import ImportPreview, RowStatus, commit_import, preview_import
from app.services.sheet_reader import read_source
from app.services.workspace import Workspace
from app.storage.file_records import ImportRepository
from bench.generate import generate

OUT = Path(__file__).resolve().parent / "out"
NOW = datetime(2026, 12, 31, 12, 0)
HISTORY_MONTHS = 12  # generate() writes 2021-01 … 2021-12
FIRST_YEAR = 2022


def _row(target: Target, i: int, rng: random.Random) -> tuple[str, object]:
    """(period label, value) for the i-th month after the history, in the style generate() uses."""
    n = HISTORY_MONTHS + i  # months since January 2021
    year, m = 2021 + n // 12, n % 12 + 1
    kind = target.kind
    if kind is TargetKind.FLOW:
        return year_to_date(year, m).label, 100 * m
    if kind is TargetKind.LEVEL:
        value = round(30 + rng.random() * 5, 2)
        return month(year, m).label, value if i % 10 else f"{value}亿元"
    if kind is TargetKind.RATE:
        return month(year, m).label, round(5 + rng.random() * 4, 2)
    return as_of(month(year, m).end).label, 10 * (n + 1) + rng.randint(0, 9)


def write_sheet(ws: Workspace, path: Path, rows_per_target: int, seed: int = 11) -> int:
    """The returned sheet, laid out like an exported template (title rows, header on row 3)."""
    rng = random.Random(seed)
    key = ImportRepository(ws.db).file_key()
    plans = {p.id: p.title for p in ws.plans.all()}
    wb = Workbook(write_only=True)
    sheet = wb.create_sheet(SHEET)
    sheet.append([None, "全部责任单位 进度填报表"])
    sheet.append([])
    assert HEADER_ROW == 3
    sheet.append([header for _, header, _, _ in COLUMNS])
    rows = 0
    for target in ws.targets.all():
        for i in range(rows_per_target):
            period, value = _row(target, i, rng)
            cells = {
                "identity": format_identity(key, target.id or 0),
                "plan": plans[target.plan_id],
                "target": target.name,
                "responsible": target.responsible_unit,
                "unit": target.unit,
                "period": period,
                "value": value,
                "source": "统计快报",
            }
            sheet.append([cells.get(k) for k, *_ in COLUMNS])
            rows += 1
    wb.save(path)
    return rows


def best_of(fn: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return min(samples) if repeat > 1 else statistics.fmean(samples)


def bare_read(path: Path) -> int:
    with CalamineWorkbook.from_path(path) as wb:
        return len(wb.get_sheet_by_name(SHEET).to_python(skip_empty_area=False))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--targets", type=int, default=2000)
    parser.add_argument("--rows-per-target", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    base = OUT / f"import-base-{args.targets}x{HISTORY_MONTHS}.sqlite"
    if not base.exists():
        start = time.perf_counter()
        generate(base, args.targets, HISTORY_MONTHS)
        print(f"generated {base.name} in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="ptt-bench-import-") as folder:
        work = Path(folder) / "data.sqlite"
        shutil.copyfile(base, work)
        sheet = Path(folder) / "回报.xlsx"
        with Workspace.open(work, clock=lambda: NOW) as ws:
            start = time.perf_counter()
            rows = write_sheet(ws, sheet, args.rows_per_target)
            written = time.perf_counter() - start
            floor = best_of(lambda: bare_read(sheet), args.repeat)
            reader = best_of(lambda: read_source(sheet), args.repeat)
            kept: list[ImportPreview] = []  # only the latest, so memory shows one preview

            def run_preview() -> None:
                kept[:] = [preview_import(ws, [sheet], as_of_date=NOW.date())]

            preview_s = best_of(run_preview, args.repeat)
            preview = kept[0]
            start = time.perf_counter()
            result = commit_import(ws, preview)
            commit_s = time.perf_counter() - start
            counts = preview.counts()
            assert counts[RowStatus.ERROR] == 0, preview.rows[0].reason
            assert len(result.added) == counts[RowStatus.OK] + counts[RowStatus.WARNING]
        size_mb = sheet.stat().st_size / 1024 / 1024
    measured = {
        "python-calamine bare read (floor)": floor,
        "read + checks (read_source)": reader,
        "preview: read + parse + validate": preview_s,
        "commit: one transaction, audit per row": commit_s,
        "preview + commit": preview_s + commit_s,
    }
    print(f"sheet: {rows:,} rows, {size_mb:.1f} MB (written by openpyxl in {written:.1f} s)")
    print(f"preview: {', '.join(f'{s.label} {n}' for s, n in counts.items())}")
    print(f"{'measurement':<42}{'s':>9}{'× floor':>9}{'rows/s':>11}")
    for name, seconds in measured.items():
        print(f"{name:<42}{seconds:>9.2f}{seconds / floor:>9.1f}{rows / seconds:>11,.0f}")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak resident memory (MB)':<42}{peak_mb:>9.0f}")
    results = {
        "rows": rows,
        "targets": args.targets,
        "file_mb": round(size_mb, 2),
        "counts": {s.value: n for s, n in counts.items()},
        "seconds": {k: round(v, 3) for k, v in measured.items()},
        "ratio_to_floor": {k: round(v / floor, 1) for k, v in measured.items()},
        "peak_rss_mb": round(peak_mb),
        "repeat": args.repeat,
        "date": date.today().isoformat(),
    }
    print(json.dumps(results, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
