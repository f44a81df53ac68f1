"""The open data file as the window sees it: edits that can be undone, one app-wide ``changed`` signal, the
as-of date, and statuses computed off the GUI thread.

One flow for every change: a view calls a Session method → the service validates and saves in one
transaction → the workspace announces the Change → ``changed`` → the statuses are recomputed in the
background → ``statusesReady`` → every view refreshes from the same rows.

Other copies of the program on the same file (a second window, a colleague on a shared drive): the session
writes a heartbeat every minute and shows who else is there (``othersChanged``); every few seconds it asks
the file whether another connection committed data, and if so reloads the locks and recomputes, so their
edits appear here. An edit based on a record they changed meanwhile is refused by the services
(ConflictError): the window shows the message and the session recomputes, so the newer value is on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtGui import QUndoStack

from app.domain.entities import Plan, ProgressEntry, Target
from app.domain.periods import Period
from app.domain.progress import ProgressSettings
from app.services.concurrency import ConflictError
from app.services.editing import Editor
from app.services.period_locks import PeriodLockedError
from app.services.presence import BEAT_SECONDS, ChangeWatch, PresenceBeacon
from app.services.statuses import StatusRow, complete_rows, compute_statuses
from app.services.workspace import Change, Workspace
from app.storage.file_records import ImportRecord, PeriodLock, Presence
from app.storage.repositories import RecordNotFoundError
from app.ui import undo_commands as cmd

T = TypeVar("T")
R = TypeVar("R", Plan, Target, ProgressEntry)
WATCH_MS = 3000  # how often to ask the file whether another copy committed something
BEAT_MS = BEAT_SECONDS * 1000
# The file changed under an edit: show what it holds now.
STALE_VIEW_ERRORS = (ConflictError, PeriodLockedError, RecordNotFoundError)


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
                    recent_only=True,  # views that show a target's history ask Session.complete_rows
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
    locksChanged = Signal(object)  # list[PeriodLock]
    othersChanged = Signal(object)  # list[Presence]: other copies of the program with this file open

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
        # target id → (its dashboard row, that row with the whole history)
        self._completed: dict[int, tuple[StatusRow, StatusRow]] = {}
        self._closed = False
        self._jobs: dict[int, StatusJob] = {}
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.versions = cmd.VersionBook()
        self.beacon = PresenceBeacon(workspace)
        self.beacon.join()
        self._watch = ChangeWatch(workspace)
        self._locks: list[PeriodLock] = self.editor.locks()
        self._others: list[Presence] = self.beacon.others()
        self.watch_timer = QTimer(self)
        self.watch_timer.setInterval(WATCH_MS)
        self.watch_timer.timeout.connect(self.poll_file)
        self.beat_timer = QTimer(self)
        self.beat_timer.setInterval(BEAT_MS)
        self.beat_timer.timeout.connect(self.beat)
        # The window says when a refresh would get in the user's way (a cell being typed into): the outside
        # change then waits for the next poll.
        self.defer_refresh: Callable[[], bool] = lambda: False
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
        """Every target's status; each row holds only the figures its status needs (see complete_rows)."""
        return self._rows

    def complete_rows(self, rows: Sequence[StatusRow]) -> list[StatusRow]:
        """These rows with every figure of their targets and the whole trajectory: for the views that show a
        target's history (detail pane, entry grid, trajectory chart). Read once per computation."""
        if self._closed:
            return list(rows)  # a window still redrawing while it closes: the file is gone
        if self.busy_writing():  # what this connection reads now may yet be rolled back: read, keep nothing
            return complete_rows(self.workspace, rows, self.settings)
        wanted = [
            r for r in rows if not r.complete and self._completed.get(r.target.id or 0, (None,))[0] is not r
        ]
        if wanted:
            for quick, full in zip(wanted, complete_rows(self.workspace, wanted, self.settings), strict=True):
                self._completed[quick.target.id or 0] = (quick, full)
        return [r if r.complete else self._completed[r.target.id or 0][1] for r in rows]

    def complete_row(self, row: StatusRow | None) -> StatusRow | None:
        return None if row is None else self.complete_rows([row])[0]

    @property
    def read_only(self) -> bool:
        return self.workspace.read_only

    @property
    def locks(self) -> list[PeriodLock]:
        return self._locks

    @property
    def others(self) -> list[Presence]:
        """Other copies of the program seen with this file open lately."""
        return self._others

    # other copies of the program on the same file ----------------------------------------------------

    def start_watching(self) -> None:
        """Poll the file and beat the heart from now on (the window calls this when it shows the session; a
        session without a window, e.g. in a script, needs neither)."""
        self.watch_timer.start()
        self.beat_timer.start()

    def poll_file(self) -> bool:
        """Did another connection commit data since we last looked? Then reload and recompute; True if so."""
        if self.defer_refresh() or self.busy_writing():
            return False
        touched, data = self._watch.poll()
        if touched:
            self._set_others(self.beacon.others())
        if data:
            self._reload_locks()
            self.changed.emit(Change("file", "outside"))
            self.recompute()
        return data

    def busy_writing(self) -> bool:
        """A long write (an import, with a progress dialog) has its transaction open: a timer firing meanwhile
        must not write, back up or reload through the same connection — it would join that transaction."""
        return not self._closed and self.workspace.db.conn.in_transaction

    def beat(self) -> None:
        """The heartbeat: tell the others we are still here, and see who else is."""
        if self.busy_writing():
            return  # the next beat comes within a minute, well before the others give up on us
        self.beacon.beat()
        self._set_others(self.beacon.others())

    def _set_others(self, others: list[Presence]) -> None:
        if [(p.session_id, p.who, p.machine) for p in others] != [
            (p.session_id, p.who, p.machine) for p in self._others
        ]:
            self._others = others
            self.othersChanged.emit(others)

    def _reload_locks(self) -> None:
        locks = self.editor.locks()
        if locks != self._locks:
            self._locks = locks
            self.locksChanged.emit(locks)

    def _saving(self, action: Callable[..., T], *args: object) -> T:
        """Run one edit; when the file changed under it (a colleague's edit, a lock, a deletion), show the file
        as it is now before the error reaches the window."""
        try:
            return action(*args)
        except STALE_VIEW_ERRORS:
            self._reload_locks()
            self.recompute()
            raise

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
        self._closed = True
        self.watch_timer.stop()
        self.beat_timer.stop()
        self.pool.clear()
        self.pool.waitForDone()
        self.undo_stack.blockSignals(True)
        self.blockSignals(True)
        self.beacon.leave()
        self.workspace.close()

    def _on_job_finished(self, generation: int, rows: list[StatusRow]) -> None:
        # One worker thread: every older job has finished or was dropped from the queue, never to run.
        self._jobs = {g: job for g, job in self._jobs.items() if g > generation}
        if generation == self._generation:
            self._rows = rows
            self._completed.clear()
            self.statusesReady.emit(rows)

    def _on_job_failed(self, generation: int, message: str) -> None:
        self._jobs.pop(generation, None)
        if generation == self._generation:
            self.errorOccurred.emit(message)

    def _on_job_progress(self, generation: int, done: int, total: int) -> None:
        if generation == self._generation:
            self.statusProgress.emit(done, total)

    def _on_workspace_change(self, change: Change) -> None:
        self._watch.own_change()  # our own commit is no news to the watch
        self._reload_locks()  # cheap, and a lock set elsewhere meanwhile shows up with our own change
        self.changed.emit(change)
        self.recompute()

    def _report(self, exc: Exception) -> None:
        """An undo or redo failed: the file changed meanwhile, so no step of the history can be trusted."""
        QTimer.singleShot(0, self._clear_history)  # not while the stack is inside undo()/redo()
        if isinstance(exc, PeriodLockedError):
            message = self.tr(
                "Undo or redo was refused because the figures are in a locked reporting period; the undo history has been cleared."
            )
        else:
            message = self.tr(
                "Undo or redo could not be completed because the data changed meanwhile; the undo history has been cleared."
            )
        self._reload_locks()
        self.recompute()  # the change that got in the way is shown
        self.errorOccurred.emit(f"{message}\n{exc}")

    def _clear_history(self) -> None:
        self.undo_stack.clear()
        self.versions.clear()

    # edits: each one is made first, then pushed as an undoable step ----------------------------------
    # Updates carry the version of the record they were based on; deletes by id take it as ``version`` /
    # ``versions``. A record changed meanwhile elsewhere makes the edit fail with ConflictError.

    def _push(self, command_type: type[cmd._DoneCommand], text: str, *args: object) -> None:
        self.undo_stack.push(command_type(text, self.editor, self._report, self.versions, *args))

    def add_plan(self, plan: Plan) -> Plan:
        saved = self._saving(self.editor.add_plan, plan)
        self.versions.note("plan", [saved])
        self._push(cmd.AddPlanCommand, self.tr("Add plan “%1”").replace("%1", saved.title), saved)
        return saved

    def _current(self, entity: str, record: R) -> R:
        """``record`` based on the newer of the version its view showed and the one our own last edit left."""
        return replace(record, version=self.versions.latest(entity, record.id or 0, record.version))

    def update_plan(self, plan: Plan) -> Plan:
        before = self._saving(self.workspace.plans.get, plan.id or 0)
        saved = self._saving(self.editor.update_plan, self._current("plan", plan))
        self.versions.note("plan", [saved])
        text = self.tr("Edit plan “%1”").replace("%1", saved.title)
        self._push(cmd.UpdatePlanCommand, text, before, saved)
        return saved

    def delete_plan(self, plan_id: int, version: int = 0) -> None:
        version = self.versions.latest("plan", plan_id, version)
        plan, targets, entries = self._saving(self.editor.delete_plan, plan_id, version)
        for entity, records in (("plan", [plan]), ("target", targets), ("entry", entries)):
            self.versions.forget(entity, records)
        text = self.tr("Delete plan “%1”").replace("%1", plan.title)
        self._push(cmd.DeletePlanCommand, text, plan, targets, entries)

    def add_target(self, target: Target) -> Target:
        saved = self._saving(self.editor.add_target, target)
        self.versions.note("target", [saved])
        self._push(cmd.AddTargetCommand, self.tr("Add target “%1”").replace("%1", saved.name), saved)
        return saved

    def update_target(self, target: Target) -> Target:
        before = self._saving(self.workspace.targets.get, target.id or 0)
        saved = self._saving(self.editor.update_target, self._current("target", target))
        self.versions.note("target", [saved])
        text = self.tr("Edit target “%1”").replace("%1", saved.name)
        self._push(cmd.UpdateTargetCommand, text, before, saved)
        return saved

    def delete_target(self, target_id: int, version: int = 0) -> None:
        version = self.versions.latest("target", target_id, version)
        target, entries = self._saving(self.editor.delete_target, target_id, version)
        self.versions.forget("target", [target])
        self.versions.forget("entry", entries)
        text = self.tr("Delete target “%1”").replace("%1", target.name)
        self._push(cmd.DeleteTargetCommand, text, target, entries)

    def refresh_after_refusal(self) -> None:
        """An edit refused because the file changed meanwhile (a lock, a colleague's save): show the file as it is."""
        self._reload_locks()
        self.recompute()

    def record_import(self, entries: Sequence[ProgressEntry], records: Sequence[ImportRecord]) -> None:
        """An import already committed (one transaction in the services) becomes one undo step."""
        self.versions.note("entry", entries)
        text = self.tr("Import %n figure(s)", "", len(entries))
        self._push(cmd.ImportCommand, text, list(entries), list(records))

    def add_entries(self, entries: list[ProgressEntry]) -> list[ProgressEntry]:
        saved = self._saving(self.editor.add_entries, entries)
        self.versions.note("entry", saved)
        text = self.tr("Enter %n figure(s)", "", len(saved))
        self._push(cmd.AddEntriesCommand, text, saved)
        return saved

    def update_entry(self, entry: ProgressEntry) -> ProgressEntry:
        before = self._saving(self.workspace.entries.get, entry.id or 0)
        saved = self._saving(self.editor.update_entry, self._current("entry", entry))
        self.versions.note("entry", [saved])
        self._push(cmd.UpdateEntryCommand, self.tr("Edit figure"), before, saved)
        return saved

    def delete_entries(self, entry_ids: list[int], versions: dict[int, int] | None = None) -> None:
        """Delete figures; ``versions`` maps each id to the version the user saw (the grid's rows)."""
        seen = {i: self.versions.latest("entry", i, v) for i, v in (versions or {}).items()}
        deleted = self._saving(self.editor.delete_entries, entry_ids, seen)
        self.versions.forget("entry", deleted)
        text = self.tr("Delete %n figure(s)", "", len(deleted))
        self._push(cmd.DeleteEntriesCommand, text, deleted)

    # locked reporting periods: not undoable steps (an approval is taken back by unlocking, on purpose) -

    def lock_period(self, period: Period, note: str = "") -> PeriodLock:
        return self._saving(self.editor.lock_period, period, note)

    def unlock_period(self, period: Period) -> PeriodLock:
        return self._saving(self.editor.unlock_period, period)
