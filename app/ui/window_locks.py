"""Locked reporting periods and other copies of the program, in the main window: Edit → Lock/Unlock reporting
period…, the lock marks in the figures grid, and the status-bar note of who else has the file open."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QAbstractItemView, QLabel, QWidget

from app.storage.audit import Actor
from app.storage.file_records import PeriodLock, Presence
from app.ui.lock_dialog import LockDialog, suggested_period

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QStatusBar

    from app.ui.entry_grid import EntryGrid
    from app.ui.main_actions import MainActions
    from app.ui.prompts import Prompts
    from app.ui.session import Session


class PresenceLabel(QLabel):
    """ "李四 (PC-02) also has this file open" in the status bar; empty (hidden) when nobody else has."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presenceLabel")
        self._others: list[Presence] = []
        self._me: Actor | None = None
        self.setVisible(False)

    def show_others(self, others: list[Presence], me: Actor) -> None:
        self._others, self._me = list(others), me
        self._render()

    def _render(self) -> None:
        parts = []
        for p in self._others:
            if self._me is not None and (p.who, p.machine) == (self._me.user, self._me.machine):
                text = self.tr(
                    "Another copy of the program on this computer (process {pid}) also has this file open"
                )
                parts.append(text.format(pid=p.pid))
            else:
                parts.append(
                    self.tr("{who} ({machine}) also has this file open").format(who=p.who, machine=p.machine)
                )
        self.setText("  ·  ".join(parts))
        self.setToolTip(
            self.tr(
                "What they save appears here within a few seconds. An edit based on figures they changed "
                "meanwhile is refused with the newer value, so nobody's work is overwritten."
            )
            if parts
            else ""
        )
        self.setVisible(bool(parts))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)


class LocksMixin:
    """Part of MainWindow. Texts use the MainWindow context explicitly (see EditingMixin)."""

    if TYPE_CHECKING:
        session: Session
        prompts: Prompts
        acts: MainActions
        entry_grid: EntryGrid

        def _attempt(self, action: object, *args: object) -> object: ...
        def _run_dialog(self, dialog: QDialog) -> bool: ...
        def statusBar(self) -> QStatusBar: ...

    def show_session_state(self, session: Session) -> None:
        """A session was bound: start noticing other copies, and show its locks and who else is there."""
        session.defer_refresh = self._typing_in_grid
        session.start_watching()
        self.on_locks_changed(session.locks)
        self.on_others_changed(session.others)

    def _typing_in_grid(self) -> bool:
        """A colleague's changes reload the grid; not while a cell is open, or what is typed there would go."""
        return self.entry_grid.view.state() == QAbstractItemView.State.EditingState

    def on_lock_period(self) -> None:
        dialog = LockDialog(self.session.locks, self, suggestion=suggested_period(self.session.as_of))  # type: ignore[arg-type]
        if self._run_dialog(dialog) and (period := dialog.result_period()) is not None:
            lock = self._attempt(self.session.lock_period, period, dialog.result_note())
            if isinstance(lock, PeriodLock):
                self.statusBar().showMessage(
                    QCoreApplication.translate("MainWindow", "Locked {period}.").format(
                        period=lock.period.label
                    ),
                    8000,
                )

    def on_unlock_period(self) -> None:
        if not self.session.locks:
            self.prompts.info(
                QCoreApplication.translate("MainWindow", "Unlock reporting period"),
                QCoreApplication.translate("MainWindow", "No reporting period is locked."),
            )
            return
        dialog = LockDialog(self.session.locks, self, unlocking=True)  # type: ignore[arg-type]
        if self._run_dialog(dialog) and (period := dialog.result_period()) is not None:
            lock = self._attempt(self.session.unlock_period, period)
            if isinstance(lock, PeriodLock):
                self.statusBar().showMessage(
                    QCoreApplication.translate("MainWindow", "Unlocked {period}.").format(
                        period=lock.period.label
                    ),
                    8000,
                )

    def on_locks_changed(self, locks: list[PeriodLock]) -> None:
        self.entry_grid.model.set_locks(locks)
        self.entry_grid.on_selection_changed()
        writable = not self.session.read_only
        self.acts.lock_period.setEnabled(writable)
        self.acts.unlock_period.setEnabled(writable and bool(locks))

    def on_others_changed(self, others: list[Presence]) -> None:
        label = self._presence_label()
        label.show_others(others, self.session.workspace.actor)

    def _presence_label(self) -> PresenceLabel:
        label = getattr(self, "_presence", None)
        if label is None:
            label = PresenceLabel()
            self.statusBar().addWidget(label)
            self._presence = label
        return label
