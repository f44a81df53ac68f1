"""The window's side of backups and the audit trail: the backup on opening a file and the daily one while it is
in use, File → Restore from backup…, offering the latest good backup when a file is damaged, File → Export audit
log…, and a target's change history. The work itself is in app.services.backups and app.services.audit_export.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QDialog, QWidget

from app.domain.errors import DomainError
from app.services.backups import (
    BackupError,
    backup_folder,
    latest_good_backup,
    list_backups,
    maybe_backup,
    restore_backup,
    take_backup,
)
from app.services.workspace import Workspace
from app.storage.database import CorruptFileError, StorageError
from app.ui.prompts import Prompts
from app.ui.session import Session

if TYPE_CHECKING:  # the dialogs and the export load when first used, not at start-up
    from app.services.audit_export import AuditExport
    from app.ui.application import AppController
    from app.ui.backup_dialog import BackupDialog
    from app.ui.history_view import HistoryDialog

BACKUP_CHECK_MS = 30 * 60 * 1000  # maybe_backup takes at most one a day; checking twice an hour is plenty


class _ExportSignals(QObject):
    finished = Signal(object)  # AuditExport
    failed = Signal(str)


class AuditExportJob(QRunnable):
    """Writes the export through its own read-only connection, off the GUI thread (a long trail takes a while)."""

    def __init__(self, path: Path, out: Path) -> None:
        super().__init__()
        self.path, self.out = path, out
        self.signals = _ExportSignals()

    def run(self) -> None:
        from app.services.audit_export import export_audit

        try:
            with Workspace.open(self.path, read_only=True) as ws:
                result = export_audit(ws, self.out)
        except (DomainError, StorageError, OSError) as exc:
            self.signals.failed.emit(getattr(exc, "message", None) or str(exc))
            return
        self.signals.finished.emit(result)


class BackupFlow(QObject):
    exportFinished = Signal(object)  # AuditExport or None (failed); tests wait for it

    def __init__(self, controller: AppController) -> None:
        super().__init__(controller)
        self.controller = controller
        self.root: Path | None = None  # None: the user data folder; tests point it elsewhere
        self.last_warning = ""
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._jobs: list[AuditExportJob] = []
        self.history_dialog: HistoryDialog | None = None
        self.backup_dialog: BackupDialog | None = None
        self._just_restored = False
        self.timer = QTimer(self)
        self.timer.setInterval(BACKUP_CHECK_MS)
        self.timer.timeout.connect(self.on_timer)
        self.timer.start()

    # automatic backups -------------------------------------------------------------------------------

    def backs_up(self, ws: Workspace) -> bool:
        """Read-only files cannot change, and the demo copies are thrown away: neither is backed up."""
        demo = Path(self.controller._demo_dir.name).resolve()
        return not ws.read_only and demo not in ws.path.resolve().parents

    def after_open(self, session: Session) -> None:
        """The backup on opening a file for editing; then one a day while it is in use (edits and a timer)."""
        ws = session.workspace
        if not self.backs_up(ws):
            return
        session.changed.connect(self.on_changed)
        if self._just_restored:  # its content is a backup already; a new one would rotate away today's
            self._just_restored = False
            return
        try:
            take_backup(ws, root=self.root)
        except BackupError as exc:
            self._warn(str(exc))

    def on_changed(self, _change: object = None) -> None:
        self.maybe_backup()

    def on_timer(self) -> None:
        self.maybe_backup()

    def maybe_backup(self) -> Path | None:
        window = self.controller.window
        if window is None or not self.backs_up(window.session.workspace):
            return None
        if (
            window.session.busy_writing()
        ):  # a copy now would hold the half-written import; the timer comes back
            return None
        try:
            return maybe_backup(window.session.workspace, root=self.root)
        except BackupError as exc:
            self._warn(str(exc))
            return None

    def _warn(self, message: str) -> None:
        self.last_warning = message
        text = self.tr("Backup failed: {reason}").format(reason=message)
        window = self.controller.window
        if window is not None:
            window.statusBar().showMessage(text, 30000)
        else:
            print(text, file=sys.stderr)

    # a damaged file ----------------------------------------------------------------------------------

    def recover(self, path: Path, error: CorruptFileError, prompts: Prompts | None) -> Workspace | None:
        """Offer the latest good backup of a damaged file; restore it and open the file if the user agrees.
        Re-raises ``error`` when there is no good backup; None when the user declines."""
        good = latest_good_backup(path, root=self.root)
        if good is None:
            raise error
        prompts = prompts or Prompts()
        title = self.tr("The file is damaged")
        question = self.tr(
            "{error}\n\nThe latest good backup of this file was taken {date} ({summary}).\nRestore it and open the file? Changes made after the backup are not in it. The damaged file is kept in the backups folder."
        ).format(error=error, date=good.taken_at.strftime("%Y-%m-%d %H:%M"), summary=good.summary)
        if not prompts.confirm(title, question):
            return None
        result = restore_backup(good.path, path, root=self.root)
        workspace = Workspace.open(path)
        self._just_restored = True
        prompts.info(
            title,
            self.tr("Restored from the backup taken {date}. The damaged file was kept as:\n{copy}").format(
                date=good.taken_at.strftime("%Y-%m-%d %H:%M"), copy=result.safety_backup
            ),
        )
        return workspace

    # File → Restore from backup… --------------------------------------------------------------------

    def on_restore_backup(self) -> bool:
        window = self.controller.window
        assert window is not None
        ws = window.session.workspace
        title = self.tr("Restore from backup")
        if ws.read_only:
            window.prompts.error(
                title, self.tr("This file is open read-only; it cannot be replaced by a backup.")
            )
            return False
        from app.ui.backup_dialog import BackupDialog

        dialog = BackupDialog(
            ws.path,
            list_backups(ws.path, root=self.root),
            window.prompts,
            backup_folder(ws.path, self.root),
            window,
        )
        self.backup_dialog = dialog  # tests reach it while it is shown
        if self.exec_dialog(dialog) != QDialog.DialogCode.Accepted or dialog.chosen is None:
            return False
        return self.restore(dialog.chosen.path)

    def exec_dialog(self, dialog: QWidget) -> int:
        """A seam: tests answer the dialog instead of blocking on exec()."""
        return int(dialog.exec())  # type: ignore[attr-defined]

    def restore(self, backup: Path) -> bool:
        """Close the file, put ``backup`` in its place (the service keeps the current file first), open it
        again. On failure the file is opened again as it was."""
        c = self.controller
        window = c.window
        assert window is not None
        old = window.session
        path = old.workspace.path
        title = self.tr("Restore from backup")
        old.close()  # the file must not be open here while it is replaced
        try:
            result = restore_backup(backup, path, root=self.root)
        except StorageError as exc:
            window.prompts.error(title, str(exc))
            result = None
        self._just_restored = True  # the file is a backup's copy, or unchanged: no new backup on reopening
        session = c._open_session(path)
        self._just_restored = False
        if session is None:  # the file cannot be opened again: work on the demo rather than a closed file
            session = Session(c._new_demo(), old.as_of)
        window.bind(session)
        old.deleteLater()
        if result is None:
            return False
        window.prompts.info(
            title,
            self.tr(
                "{file} has been restored from {backup}.\nThe file as it was before is kept as:\n{copy}"
            ).format(file=path.name, backup=backup.name, copy=result.safety_backup),
        )
        return True

    # File → Export audit log… -----------------------------------------------------------------------

    def on_export_audit(self) -> None:
        window = self.controller.window
        assert window is not None
        ws = window.session.workspace
        title = self.tr("Export audit log")
        stem = ws.path.name.split(".")[0]
        suggested = Path(self.controller.settings.last_folder or ws.path.parent) / f"审计记录-{stem}.xlsx"
        out = window.prompts.save_path(title, str(suggested), "Excel (*.xlsx);;CSV (*.csv)")
        if not out:
            return
        self.start_export(ws.path, Path(out))

    def start_export(self, path: Path, out: Path) -> None:
        window = self.controller.window
        assert window is not None
        # The job reads through its own connection: the window stays usable meanwhile.
        window.statusBar().showMessage(self.tr("Exporting the audit log…"))
        job = AuditExportJob(path, out)
        job.setAutoDelete(False)
        self._jobs.append(job)

        def finish(result: AuditExport | None, message: str = "") -> None:
            window.statusBar().clearMessage()
            self._jobs.remove(job)
            if result is None:
                window.prompts.error(self.tr("Export audit log"), message)
            else:
                window.statusBar().showMessage(result.message, 15000)
                if result.broken_at is not None:  # the export is the evidence; the break must be seen
                    window.prompts.error(self.tr("Export audit log"), result.message)
            self.exportFinished.emit(result)

        job.signals.finished.connect(lambda result: finish(result))
        job.signals.failed.connect(lambda message: finish(None, message))
        self.pool.start(job)

    # a target's change history ----------------------------------------------------------------------

    def on_target_history(self) -> None:
        window = self.controller.window
        assert window is not None
        row = window.selected_row()
        if row is None or row.target.id is None:
            window.prompts.info(
                self.tr("Change history"), self.tr("Select a target first; its change history is then shown.")
            )
            return
        from app.services.audit_export import target_history
        from app.ui.history_view import HistoryDialog

        items = target_history(window.session.workspace, row.target.id)
        if self.history_dialog is not None:
            self.history_dialog.close()
        self.history_dialog = HistoryDialog(row.target.name, items, window)
        self.history_dialog.open()  # window-modal, without blocking the event loop
