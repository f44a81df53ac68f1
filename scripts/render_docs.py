"""Regenerate the pictures in docs/screenshots from the demo data (run after changing what they show):

    .venv/bin/python scripts/render_docs.py

Offscreen: no display needed. The charts come out of the same code as File → Export chart.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from app.services.demo import create_demo_workspace  # noqa: E402
from app.services.statuses import compute_statuses  # noqa: E402
from app.ui import application  # noqa: E402
from app.ui.fonts import apply_cjk_font  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
AS_OF = date(2025, 7, 31)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for lang in ("zh_CN", "en"):
        code = application.main(
            [
                "--screenshot",
                str(OUT / f"main-window-{lang[:2]}.png"),
                "--as-of",
                AS_OF.isoformat(),
                "--lang",
                lang,
            ]
        )
        if code:
            return code
    app = QApplication.instance() or QApplication([])
    apply_cjk_font(app)  # type: ignore[arg-type]
    translators = application.install_translators(app, "zh_CN")  # charts for Chinese reports
    from app.ui.charts.bullet_chart import BulletChart
    from app.ui.charts.common import export_png
    from app.ui.charts.status_overview_chart import StatusOverviewChart
    from app.ui.charts.trajectory_chart import TrajectoryChart

    with tempfile.TemporaryDirectory() as folder, create_demo_workspace(Path(folder) / "demo.sqlite") as ws:
        rows = compute_statuses(ws, AS_OF)
        by_name = {r.target.name: r for r in rows}
        bullet = BulletChart()
        bullet.set_rows(rows)
        export_png(bullet, OUT / "chart-bullet.png", 1400, 520)
        overview = StatusOverviewChart()
        overview.set_rows(rows)
        overview.by_combo.hide()
        overview.monitoring_check.hide()
        export_png(overview, OUT / "chart-overview.png", 1400, 520)
        for name, file in (
            ("医疗器械产业总体规模", "chart-trajectory-scale.png"),
            ("创新医疗器械品种", "chart-trajectory-products.png"),
        ):
            chart = TrajectoryChart()
            chart.set_row(by_name[name])
            export_png(chart, OUT / file, 1400, 700)
    for translator in translators:
        app.removeTranslator(translator)
    print(f"pictures written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
