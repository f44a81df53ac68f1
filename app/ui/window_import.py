"""Targets and figures from outside the program: a policy text read into proposed targets (从政策文本识别),
fill-in templates out to responsible units (导出填报模板), and their returned sheets in (导入填报表) through a
preview that shows every row's verdict and cell before anything is saved.

Reading, checking and saving sheets run on the GUI thread with a progress dialog that can cancel (processEvents
between rows), as reports do. Saving is one transaction through the services: Cancel rolls it back, and the
session's timers keep out of it while it is open."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialog, QProgressDialog, QWidget

from app.domain.errors import DomainError, ValidationError
from app.services.atomic_write import OutputError
from app.services.template_rows import responsible_units
from app.storage.database import StorageError

if TYPE_CHECKING:  # the import machinery (python-calamine) loads on the first import, not at start-up
    from app.services.sheet_import import ImportPreview
    from app.ui.prompts import Prompts
    from app.ui.session import Session


class ImportMixin:
    """Part of MainWindow: templates out, returned sheets in."""

    if TYPE_CHECKING:
        session: Session
        prompts: Prompts

        def statusBar(self) -> object: ...

    def on_export_template(self) -> Path | None:
        ws = self.session.workspace
        units = responsible_units(ws)
        everyone = QCoreApplication.translate("MainWindow", "All responsible units")
        unit = self.prompts.choose(
            QCoreApplication.translate("MainWindow", "Export fill-in template"),
            QCoreApplication.translate("MainWindow", "Template for:"),
            [everyone, *units],
        )
        if unit is None:
            return None
        from app.services.fill_template import template_file_name, write_template

        name = template_file_name("全部单位" if unit == everyone else unit, self.session.as_of)
        path = self.prompts.save_path(
            QCoreApplication.translate("MainWindow", "Export fill-in template"),
            str(Path(ws.path).parent / name),
            "Excel (*.xlsx)",
        )
        if not path:
            return None
        try:
            result = write_template(
                ws, path, unit=None if unit == everyone else unit, as_of_date=self.session.as_of
            )
        except (DomainError, OSError) as exc:
            message = exc.message if isinstance(exc, DomainError) else str(exc)
            self.prompts.error(QCoreApplication.translate("MainWindow", "Export fill-in template"), message)
            return None
        self.statusBar().showMessage(  # type: ignore[attr-defined]
            QCoreApplication.translate("MainWindow", "Template written: %1 (%2 rows)")
            .replace("%1", str(result.path))
            .replace("%2", str(len(result.rows))),
            10000,
        )
        return result.path

    def on_extract_targets(self) -> None:
        """Propose targets and figures from a policy text; the dialog saves what the user accepts (one undo step)."""
        from app.ui.extract_dialog import ExtractDialog

        plan_id = self._current_plan_id()  # type: ignore[attr-defined]
        dialog = ExtractDialog(self.session, self.prompts, self, plan_id=plan_id)  # type: ignore[arg-type]
        self._extract_dialog = dialog  # tests reach it while it is shown
        self.exec_import_dialog(dialog)
        dialog.deleteLater()  # its candidates and worker go with it

    def on_reporting_status(self) -> None:
        """报送情况: which units have reported for a period; read-only, so it opens on a read-only file too."""
        from app.ui.reporting_dialog import ReportingStatusDialog

        dialog = ReportingStatusDialog(self.session.workspace, self.prompts, self, today=self.session.as_of)  # type: ignore[arg-type]
        self._reporting_dialog = dialog
        self.exec_import_dialog(dialog)
        dialog.deleteLater()

    def on_import_sheets(self) -> int:
        """Ask for files, preview them, and save what the user accepts; returns the number of figures saved."""
        ws = self.session.workspace
        title = QCoreApplication.translate("MainWindow", "Import returned sheets")
        if ws.read_only:
            self.prompts.error(
                title,
                QCoreApplication.translate(
                    "MainWindow", "This file is open read-only; nothing can be imported."
                ),
            )
            return 0
        paths = self.prompts.open_paths(title, str(Path(ws.path).parent))
        if not paths:
            return 0
        preview = self.preview_sheets([Path(p) for p in paths])
        if preview is None:
            return 0
        return self.commit_preview(preview)

    def preview_sheets(self, paths: list[Path]) -> ImportPreview | None:
        from app.services.sheet_import import ImportCancelledError, preview_import

        progress = self._progress_dialog(QCoreApplication.translate("MainWindow", "Checking the sheets…"))

        def on_progress(done: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done)
            QApplication.processEvents()

        try:
            return preview_import(
                self.session.workspace,
                paths,
                as_of_date=self.session.as_of,
                on_progress=on_progress,
                should_stop=progress.wasCanceled,
            )
        except ImportCancelledError:
            self.statusBar().showMessage(  # type: ignore[attr-defined]
                QCoreApplication.translate("MainWindow", "Import cancelled; nothing was saved."), 8000
            )
            return None
        except DomainError as exc:
            self.prompts.error(
                QCoreApplication.translate("MainWindow", "Import returned sheets"), exc.message
            )
            return None
        finally:
            progress.close()
            progress.deleteLater()

    def _progress_dialog(self, label: str) -> QProgressDialog:
        """Window-modal, shown after 300 ms, with Cancel; the caller closes and frees it."""
        progress = QProgressDialog(
            label,
            QCoreApplication.translate("MainWindow", "Cancel"),
            0,
            0,
            self,  # type: ignore[arg-type]
        )
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        return progress

    def commit_preview(self, preview: ImportPreview) -> int:
        from app.services.sheet_import import ImportCancelledError, commit_import
        from app.ui.import_dialog import ImportPreviewDialog

        dialog = ImportPreviewDialog(preview, self)  # type: ignore[arg-type]
        self._import_dialog = dialog  # tests reach it while it is shown
        accepted = self.exec_import_dialog(dialog) == QDialog.DialogCode.Accepted
        accept_warnings = dialog.accept_warnings
        dialog.deleteLater()  # the preview holds every row of every file
        if not accepted:
            return 0
        title = QCoreApplication.translate("MainWindow", "Import returned sheets")
        progress = self._progress_dialog(QCoreApplication.translate("MainWindow", "Saving the figures…"))

        def on_progress(done: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done)
            QApplication.processEvents()  # timers that write wait while the transaction is open (Session)

        try:
            result = commit_import(
                self.session.workspace,
                preview,
                accept_warnings=accept_warnings,
                on_progress=on_progress,
                should_stop=progress.wasCanceled,
            )
        except ImportCancelledError:
            self.statusBar().showMessage(  # type: ignore[attr-defined]
                QCoreApplication.translate("MainWindow", "Import cancelled; nothing was saved."), 8000
            )
            self.session.recompute()  # views may have read the rows being written before the roll-back
            return 0
        except ValidationError as exc:  # e.g. a period a colleague locked since the preview: cell by cell
            self.prompts.error(title, "\n".join(f"{where}：{why}" for where, why in exc.problems))
            self.session.refresh_after_refusal()
            return 0
        except (DomainError, StorageError, OutputError) as exc:
            self.prompts.error(title, getattr(exc, "message", str(exc)))
            self.session.recompute()  # as after Cancel: nothing read before the roll-back stays on screen
            return 0
        finally:
            progress.close()
            progress.deleteLater()
        if result.added:
            self.session.record_import(result.added, result.records)  # Ctrl+Z takes the whole import back
        self.prompts.info(title, result.message)
        return len(result.added)

    def exec_import_dialog(self, dialog: QWidget) -> int:
        """A seam: tests answer the dialog instead of blocking on exec()."""
        return int(dialog.exec())  # type: ignore[attr-defined]
