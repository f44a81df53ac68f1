"""Reports from the main window: print preview, print, and export to PDF / Word / Excel of what the dashboard
shows (its plan, unit and status filters), with a progress dialog that can cancel.

Charts and printing must run on the GUI thread, so the work stays there and the progress callback keeps the
window responsive (processEvents) and checks the Cancel button between pages and charts.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog

from app.domain.errors import DomainError
from app.services.report_content import ReportContent, ReportFilter, content_from_rows

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

    from app.ui.dashboard_filter import DashboardFilter
    from app.ui.filter_bar import FilterBar
    from app.ui.prompts import Prompts
    from app.ui.session import Session
    from app.ui.settings import AppSettings

REPORT_FILTER = "PDF (*.pdf);;Word (*.docx);;Excel (*.xlsx)"


class ReportMixin:
    """Part of MainWindow: turning what is on screen into a report."""

    if TYPE_CHECKING:
        session: Session
        prompts: Prompts
        proxy: DashboardFilter
        filter_bar: FilterBar
        app_settings: AppSettings | None

        def statusBar(self) -> object: ...

    def _report_content(self) -> ReportContent:
        """The rows the dashboard shows now, as a report (the filter is described on the cover)."""
        selection = self.proxy.selection()
        plan = next((r.plan.title for r in self.session.rows if r.plan.id == selection.plan_id), None)
        scope = ReportFilter(
            plan=plan, unit=self.filter_bar.responsible_unit(), statuses=self.filter_bar.statuses()
        )
        description = scope.describe()
        if selection.category:
            description += f"；维度：{selection.category}"
        if words := self.filter_bar.search_text().strip():
            description += f"；搜索：{words}"
        rows = sorted(self.proxy.visible_rows(), key=lambda r: (r.plan.id or 0, r.target.id or 0))
        issuer = self.app_settings.report_issuer if self.app_settings else ""
        return content_from_rows(
            rows, self.session.as_of, title="政策目标进度报告", issuer=issuer, scope=description,
            today=self.session.workspace.clock().date(),
        )  # fmt: skip

    def _report_progress(self, text: str) -> QProgressDialog:
        """One modal progress dialog for a whole report (charts, then pages), with Cancel."""
        progress = QProgressDialog(text, QCoreApplication.translate("MainWindow", "Cancel"), 0, 0, self)  # type: ignore[arg-type]
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoReset(False)  # the charts' steps end at their maximum: the pages still follow
        progress.setAutoClose(False)
        return progress

    @staticmethod
    def _progress_callback(progress: QProgressDialog) -> Callable[[int, int], None]:
        def on_progress(done: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done)
            QApplication.processEvents()  # the window stays alive, and Cancel can be pressed

        return on_progress

    def _charts_for_paper(self, content: ReportContent) -> dict[str | int, QImage] | None:
        """The report's charts, drawn with a progress dialog; None when the user cancels."""
        from app.reporting import ensure_qt_application
        from app.ui.report_charts import ReportCancelled, chart_pictures

        ensure_qt_application()
        progress = self._report_progress(QCoreApplication.translate("MainWindow", "Drawing the charts…"))
        try:
            return chart_pictures(
                content, should_stop=progress.wasCanceled, on_progress=self._progress_callback(progress)
            )
        except ReportCancelled:
            return None
        finally:
            progress.close()
            progress.deleteLater()

    def report_content(self) -> ReportContent:
        self.session.wait_for_statuses()  # a just-changed as-of date must not go out with the old figures
        return self._report_content()

    def on_print_preview(self) -> None:
        from app.ui.report_pdf import open_print_preview

        content = self.report_content()
        images = self._charts_for_paper(content)
        if images is not None:
            self._preview = open_print_preview(content, self, images=images)  # type: ignore[arg-type]

    def on_print(self) -> None:
        from app.ui.report_pdf import print_report

        content = self.report_content()
        images = self._charts_for_paper(content)
        if images is None:
            return
        try:
            print_report(content, self, images=images)  # type: ignore[arg-type]
        except OSError as exc:
            self.prompts.error(QCoreApplication.translate("MainWindow", "Print report"), str(exc))

    def on_export_report(self) -> Path | None:
        folder = Path(self.session.workspace.path).parent
        suggested = folder / f"进度报告-{self.session.as_of:%Y%m%d}.pdf"
        path = self.prompts.save_path(
            QCoreApplication.translate("MainWindow", "Export report"), str(suggested), REPORT_FILTER
        )
        if not path:
            return None
        return self.export_report_to(Path(path))

    def export_report_to(self, path: Path) -> Path | None:
        from app.reporting import write_report
        from app.ui.report_pdf import ReportCancelled

        content = self.report_content()
        progress = self._report_progress(QCoreApplication.translate("MainWindow", "Writing the report…"))
        try:
            written = write_report(
                content, path, on_progress=self._progress_callback(progress), should_stop=progress.wasCanceled
            )
        except ReportCancelled:
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Report cancelled; nothing was written."), 8000
            )  # type: ignore[attr-defined]
            return None
        except DomainError as exc:
            self.prompts.error(QCoreApplication.translate("MainWindow", "Export report"), exc.message)
            return None
        finally:
            progress.close()
            progress.deleteLater()
        message = QCoreApplication.translate("MainWindow", "Report saved: {path}").format(path=written)
        if content.empty:
            message += " " + QCoreApplication.translate(
                "MainWindow", "(no target matched the filters; the report says so)"
            )
        self.statusBar().showMessage(message, 10000)  # type: ignore[attr-defined]
        return written

    def on_set_issuer(self) -> None:
        if self.app_settings is None:
            return
        text = self.prompts.text(
            QCoreApplication.translate("MainWindow", "Issuing unit"),
            QCoreApplication.translate("MainWindow", "Printed on the cover and in the page header:"),
            self.app_settings.report_issuer,
        )
        if text is not None:
            self.app_settings.report_issuer = text.strip()
