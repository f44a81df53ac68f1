"""Benchmark: a 200-target report to PDF, Word and Excel (issue 5). Prints a table, then JSON.

Run: ``.venv/bin/python -m bench.bench_report``. The floor for PDF is QTextDocument printing the same summary
table with no charts; for Word and Excel, writing the bare table with python-docx / openpyxl.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.reporting import ensure_qt_application, write_report
from app.services.report_content import build_report
from app.services.workspace import Workspace
from bench.generate import synthetic_file


def main() -> int:
    ensure_qt_application()
    path = synthetic_file(200, 24)
    with Workspace.open(path, read_only=True) as ws:
        content = build_report(ws, date(2025, 12, 31), issuer="基准测试")
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for suffix in (".pdf", ".docx", ".xlsx"):
            start = time.perf_counter()
            out = write_report(content, Path(folder) / f"report{suffix}")
            results[suffix] = (time.perf_counter() - start, out.stat().st_size)
    print(f"{'200-target report':<20}{'seconds':>10}{'size KB':>10}")
    for suffix, (seconds, size) in results.items():
        print(f"{suffix:<20}{seconds:>10.2f}{size / 1024:>10.0f}")
    print(json.dumps({k: {"seconds": v[0], "bytes": v[1]} for k, v in results.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
