"""The open data file as the window sees it: edits that can be undone, one app-wide ``changed`` signal, the
as-of date, and statuses computed off the GUI thread.

One flow for every change: a view calls a Session method → the service validates and saves in one
transaction → the workspace announces the Change → ``changed`` → the statuses are recomputed in the
background → ``statusesReady`` → every view refreshes from the same rows.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QUndoStack

from app.domain.entities import Plan, ProgressEntry, Target
from app.domain.progress import ProgressSettings
from app.services.editing import Editor
from app.services.statuses import StatusRow, compute_statuses
from app.services.workspace import Change, Workspace
from app.ui import undo_commands as cmd


class _JobSignals(QObject):
    finished = Signal(int, object)  # generation, list[StatusRow]
    failed = Signal(int, str)
    progress = Signal(int, int, int)  # generation, done, total


class StatusJob(QRunnable):
    """Reads the file through its own read-only connection: SQLite connections stay in their thread."""

    def __init__(self, path: Path, as_of: date, settings: ProgressSettings, generation: int) -> None:
        super().__init__()
        self.path, self.as_of, self.settings, self.generation = path, as_of, settings, generation
        self.signals = _JobSignals()
        self.is_current: Callable[[], bool] = lambda: True

    def run(self) -> None:
        if not self.is_current():
            return  # a newer computation has been asked for; skip the work
        try:
            with Workspace.open(self.path, read_only=True) as ws:
                rows = compute_statuses(
                    ws,
                    self.as_of,
                    self.settings,
                    on_progress=lambda done, total: self.signals.progress.emit(self.generation, done, total),
                )
        except Exception as exc:  # reported to the window, never lost in a thread
            self.signals.failed.emit(self.generation, str(exc))
            return
        self.signals.finished.emit(self.generation, rows)


class Session(QObject):
    changed = Signal(object)  # Change — after every edit, undo and redo
    asOfChanged = Signal(object)  # date
    statusesReady = Signal(object)  # list[StatusRow] for the current file, as-of date and data
    statusProgress = Signal(int, int)  # done, total while computing
    errorOccurred = Signal(str)  # a failure the user must hear about (e.g. during undo)

    def __init__(
        self,
        workspace: Workspace,
        as_of: date,
        settings: ProgressSettings | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.editor = Editor(workspace)
        self.undo_stack = QUndoStack(self)
        self.settings = settings or ProgressSettings()
        self._as_of = as_of
        self._generation = 0
        self._rows: list[StatusRow] = []
        self._jobs: dict[int, StatusJob] = {}
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        workspace.subscribe(self._on_workspace_change)

    # state -------------------------------------------------------------------------------------------

    @property
    def as_of(self) -> date:
        return self._as_of

    def set_as_of(self, as_of: date) -> None:
        if as_of != self._as_of:
            self._as_of = as_of
            self.asOfChanged.emit(as_of)
            self.recompute()

    @property
    def rows(self) -> list[StatusRow]:
        return self._rows

    @property
    def read_only(self) -> bool:
        return self.workspace.read_only

    def recompute(self) -> None:
        """Start computing every status in the background; older results still on their way are dropped."""
        self._generation += 1
        job = StatusJob(self.workspace.path, self._as_of, self.settings, self._generation)
        job.signals.finished.connect(self._on_job_finished)
        job.signals.failed.connect(self._on_job_failed)
        job.signals.progress.connect(self._on_job_progress)
        job.setAutoDelete(False)
        job.is_current = lambda generation=self._generation: generation == self._generation
        self._jobs[self._generation] = job  # keep the signals object alive until the result arrives
        self.pool.clear()  # queued computations for older data are pointless now
        self.pool.start(job)

    def wait_for_statuses(self) -> None:
        """Block until pending computations are done and delivered (start-up screenshot, tests)."""
        from PySide6.QtCore import QCoreApplication

        self.pool.waitForDone()
        QCoreApplication.processEvents()

    def close(self) -> None:
        """Stop, then close the file. A closed session says nothing more: its undo stack would otherwise
        announce its own destruction to windows that are already gone."""
        self._generation += 1  # any result still on its way is stale
        self.pool.clear()
        self.pool.waitForDone()
        self.undo_stack.blockSignals(True)
        self.blockSignals(True)
        self.workspace.close()

    def _on_job_finished(self, generation: int, rows: list[StatusRow]) -> None:
        # One worker thread: every older job has finished or was dropped from the queue, never to run.
        self._jobs = {g: job for g, job in self._jobs.items() if g > generation}
        if generation == self._generation:
            self._rows = rows
            self.statusesReady.emit(rows)

    def _on_job_failed(self, generation: int, message: str) -> None:
        self._jobs.pop(generation, None)
        if generation == self._generation:
            self.errorOccurred.emit(message)

    def _on_job_progress(self, generation: int, done: int, total: int) -> None:
        if generation == self._generation:
            self.statusProgress.emit(done, total)

    def _on_workspace_change(self, change: Change) -> None:
        self.changed.emit(change)
        self.recompute()

    def _report(self, exc: Exception) -> None:
        """An undo or redo failed: the file changed meanwhile, so no step of the history can be trusted."""
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self.undo_stack.clear)  # not while the stack is inside undo()/redo()
        message = self.tr(
            "Undo or redo could not be completed because the data changed meanwhile; the undo history has been cleared."
        )
        self.errorOccurred.emit(f"{message}\n{exc}")

    # edits: each one is made first, then pushed as an undoable step ----------------------------------

    def add_plan(self, plan: Plan) -> Plan:
        saved = self.editor.add_plan(plan)
        self.undo_stack.push(
            cmd.AddPlanCommand(
                self.tr("Add plan “%1”").replace("%1", saved.title), self.editor, self._report, saved
            )
        )
        return saved

    def update_plan(self, plan: Plan) -> Plan:
        before = self.workspace.plans.get(plan.id or 0)
        saved = self.editor.update_plan(plan)
        self.undo_stack.push(
            cmd.UpdatePlanCommand(
                self.tr("Edit plan “%1”").replace("%1", saved.title), self.editor, self._report, before, saved
            )
        )
        return saved

    def delete_plan(self, plan_id: int) -> None:
        plan = self.workspace.plans.get(plan_id)
        targets = self.workspace.targets.for_plan(plan_id)
        entries = [e for t in targets for e in self.workspace.entries.for_target(t.id or 0)]
        self.editor.delete_plan(plan_id)
        self.undo_stack.push(
            cmd.DeletePlanCommand(
                self.tr("Delete plan “%1”").replace("%1", plan.title),
                self.editor,
                self._report,
                plan,
                targets,
                entries,
            )
        )

    def add_target(self, target: Target) -> Target:
        saved = self.editor.add_target(target)
        self.undo_stack.push(
            cmd.AddTargetCommand(
                self.tr("Add target “%1”").replace("%1", saved.name), self.editor, self._report, saved
            )
        )
        return saved

    def update_target(self, target: Target) -> Target:
        before = self.workspace.targets.get(target.id or 0)
        saved = self.editor.update_target(target)
        self.undo_stack.push(
            cmd.UpdateTargetCommand(
                self.tr("Edit target “%1”").replace("%1", saved.name),
                self.editor,
                self._report,
                before,
                saved,
            )
        )
        return saved

    def delete_target(self, target_id: int) -> None:
        target = self.workspace.targets.get(target_id)
        entries = self.workspace.entries.for_target(target_id)
        self.editor.delete_target(target_id)
        self.undo_stack.push(
            cmd.DeleteTargetCommand(
                self.tr("Delete target “%1”").replace("%1", target.name),
                self.editor,
                self._report,
                target,
                entries,
            )
        )

    def add_entries(self, entries: list[ProgressEntry]) -> list[ProgressEntry]:
        saved = self.editor.add_entries(entries)
        text = self.tr("Enter %n figure(s)", "", len(saved))
        self.undo_stack.push(cmd.AddEntriesCommand(text, self.editor, self._report, saved))
        return saved

    def update_entry(self, entry: ProgressEntry) -> ProgressEntry:
        before = self.workspace.entries.get(entry.id or 0)
        saved = self.editor.update_entry(entry)
        self.undo_stack.push(
            cmd.UpdateEntryCommand(self.tr("Edit figure"), self.editor, self._report, before, saved)
        )
        return saved

    def delete_entries(self, entry_ids: list[int]) -> None:
        deleted = [self.workspace.entries.get(i) for i in entry_ids]
        self.editor.delete_entries(entry_ids)
        text = self.tr("Delete %n figure(s)", "", len(deleted))
        self.undo_stack.push(cmd.DeleteEntriesCommand(text, self.editor, self._report, deleted))
