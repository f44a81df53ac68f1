"""One entry point for writing a report as PDF, Word or Excel, shared by the CLI and the window.

PDF and the charts inside Word need Qt (drawn offscreen, no window); Excel does not, so it never loads Qt.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from app.domain.errors import DomainError
from app.services.atomic_write import check_output_folder
from app.services.report_content import ReportContent
from app.services.reporting_status import ReportingStatus

FORMATS = {".pdf": "PDF", ".docx": "Word", ".xlsx": "Excel"}


class ReportFormatError(DomainError):
    pass


def report_format(path: Path | str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ReportFormatError(
            f"不支持的报告格式“{suffix or Path(path).name}”：请使用 .pdf、.docx 或 .xlsx", field="--out"
        )
    return suffix


def ensure_qt_application() -> object:
    """A QApplication for drawing charts and PDFs; offscreen when there is no screen (CLI, CI, servers)."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) and os.name != "nt":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.ui.fonts import apply_cjk_font

    app = QApplication.instance()
    if app is None:
        app = QApplication([])
        from PySide6.QtCore import qInstallMessageHandler

        from app.ui.application import _quiet_offscreen_messages

        qInstallMessageHandler(_quiet_offscreen_messages)  # no Qt noise on the CLI's terminal
        apply_cjk_font(app)
        # A report goes to a Chinese desk: chart legends and captions in Chinese too, even from the CLI.
        from app.ui.application import install_translators

        install_translators(app, "zh_CN")
    return app


def write_report(
    content: ReportContent,
    path: Path | str,
    *,
    on_progress: Callable[[int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    reporting: ReportingStatus | None = None,
) -> Path:
    """Write ``content`` to ``path`` in the format its extension names; nothing is left behind on failure.
    ``reporting`` (Excel only) appends the 报送情况 of a period as the workbook's last sheet."""
    suffix = report_format(path)
    check_output_folder(Path(path))  # before any chart is drawn: a missing folder is said at once
    if reporting is not None and suffix != ".xlsx":
        raise ReportFormatError("报送情况附表只能附在 Excel（.xlsx）报告中", field="--reporting")
    if suffix == ".xlsx":
        from app.services.report_xlsx import write_xlsx

        return write_xlsx(content, path, reporting=reporting)
    ensure_qt_application()
    if suffix == ".docx":
        from app.services.report_docx import write_docx
        from app.ui.report_charts import chart_images

        images = chart_images(content, should_stop=should_stop, on_progress=on_progress)
        return write_docx(content, path, images)
    from app.ui.report_pdf import write_pdf

    return write_pdf(content, path, should_stop=should_stop, on_progress=on_progress)
