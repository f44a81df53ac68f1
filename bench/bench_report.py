"""Benchmark: a 200-target report to PDF, Word and Excel (issues 5 and 8). Prints a table, then JSON.

Run: ``.venv/bin/python -m bench.bench_report``. Beside our own PDF it times the office-suite route: LibreOffice
converting our Word report of the same content to PDF, headless (``soffice --headless --convert-to pdf``), once
with a new profile (as on a desktop where LibreOffice is not running yet) and once more with that profile. When
LibreOffice is missing and the bench runs as root on Debian, it is installed first (libreoffice-writer-nogui,
about 200 MB); otherwise that row says it was not measured.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
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


def find_soffice() -> str | None:
    found = shutil.which("soffice")
    if found or os.geteuid() != 0 or not shutil.which("apt-get"):
        return found
    print("LibreOffice missing: installing libreoffice-writer-nogui for the comparison …", file=sys.stderr)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "-q", "--no-install-recommends", "libreoffice-writer-nogui"]
    if subprocess.run(install, env=env, capture_output=True).returncode != 0:
        subprocess.run(["apt-get", "update", "-q"], env=env, capture_output=True)
        subprocess.run(install, env=env, capture_output=True)
    return shutil.which("soffice")


def libreoffice_pdf(soffice: str, docx: Path, profile: Path, out: Path) -> tuple[float, int]:
    """Seconds for soffice to turn ``docx`` into a PDF in ``out``, and the PDF's size."""
    start = time.perf_counter()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(out), str(docx)],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    seconds = time.perf_counter() - start
    return seconds, (out / f"{docx.stem}.pdf").stat().st_size


def main() -> int:
    ensure_qt_application()
    path = synthetic_file(200, 24)
    with Workspace.open(path, read_only=True) as ws:
        content = build_report(ws, date(2025, 12, 31), issuer="基准测试")
    results: dict[str, tuple[float, int] | None] = {}
    soffice = find_soffice()
    with tempfile.TemporaryDirectory() as folder:
        for suffix in (".pdf", ".docx", ".xlsx"):
            start = time.perf_counter()
            out = write_report(content, Path(folder) / f"report{suffix}")
            results[suffix] = (time.perf_counter() - start, out.stat().st_size)
        route = "LibreOffice .docx → PDF"
        if soffice:
            profile = Path(folder) / "lo-profile"
            results[f"{route} (first start)"] = libreoffice_pdf(
                soffice, Path(folder) / "report.docx", profile, Path(folder) / "lo1"
            )
            results[f"{route} (profile ready)"] = libreoffice_pdf(
                soffice, Path(folder) / "report.docx", profile, Path(folder) / "lo2"
            )
        else:
            results[route] = None
    print(f"{'200-target report':<40}{'seconds':>10}{'size KB':>10}")
    for name, measured in results.items():
        if measured is None:
            print(f"{name:<40}{'not measured (LibreOffice not installed)':>40}")
            continue
        seconds, size = measured
        print(f"{name:<40}{seconds:>10.2f}{size / 1024:>10.0f}")
    pdf = results[".pdf"]
    office = results.get(f"{route} (profile ready)")
    if pdf and office:
        print(f"our PDF ÷ LibreOffice's: {pdf[0] / office[0]:.2f}")
    print(
        json.dumps(
            {
                k: (None if v is None else {"seconds": round(v[0], 2), "bytes": v[1]})
                for k, v in results.items()
            },
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
