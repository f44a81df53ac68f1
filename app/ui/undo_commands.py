"""Undoable edits. Each command is pushed *after* its first execution succeeded (so a validation error never
leaves a half-made entry on the undo stack); undo and redo then replay it through the same services."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand

from app.domain.entities import Plan, ProgressEntry, Target
from app.services.editing import Editor, Restorer

ErrorSink = Callable[[Exception], None]


class _DoneCommand(QUndoCommand):
    """Skips the first redo(), which QUndoStack.push() calls, because the edit has already been made."""

    def __init__(self, text: str, editor: Editor, on_error: ErrorSink) -> None:
        super().__init__(text)
        self.editor = editor
        self.restorer = Restorer(editor)
        self._on_error = on_error
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._guard(self._redo)

    def undo(self) -> None:
        self._guard(self._undo)

    def _guard(self, action: Callable[[], object]) -> None:
        # The file may have changed under us (another copy of the program, a colleague): the rest of the
        # history no longer describes it, and replaying it could attach figures to someone else's target.
        # Report, and let the session clear the whole history, rather than let an exception reach Qt.
        try:
            action()
        except Exception as exc:
            self.setObsolete(True)
            self._on_error(exc)

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class AddEntriesCommand(_DoneCommand):
    def __init__(
        self, text: str, editor: Editor, on_error: ErrorSink, saved: Sequence[ProgressEntry]
    ) -> None:
        super().__init__(text, editor, on_error)
        self.saved = list(saved)

    def _undo(self) -> None:
        self.editor.delete_entries([e.id or 0 for e in self.saved])

    def _redo(self) -> None:
        self.restorer.restore_entries(self.saved)


class UpdateEntryCommand(_DoneCommand):
    def __init__(
        self, text: str, editor: Editor, on_error: ErrorSink, before: ProgressEntry, after: ProgressEntry
    ) -> None:
        super().__init__(text, editor, on_error)
        self.before, self.after = before, after

    def _undo(self) -> None:
        self.editor.update_entry(self.before)

    def _redo(self) -> None:
        self.editor.update_entry(self.after)


class DeleteEntriesCommand(_DoneCommand):
    def __init__(
        self, text: str, editor: Editor, on_error: ErrorSink, deleted: Sequence[ProgressEntry]
    ) -> None:
        super().__init__(text, editor, on_error)
        self.deleted = list(deleted)

    def _undo(self) -> None:
        self.restorer.restore_entries(self.deleted)

    def _redo(self) -> None:
        self.editor.delete_entries([e.id or 0 for e in self.deleted])


class AddTargetCommand(_DoneCommand):
    def __init__(self, text: str, editor: Editor, on_error: ErrorSink, saved: Target) -> None:
        super().__init__(text, editor, on_error)
        self.saved = saved

    def _undo(self) -> None:
        self.editor.delete_target(self.saved.id or 0)

    def _redo(self) -> None:
        self.restorer.restore_target(self.saved)


class UpdateTargetCommand(_DoneCommand):
    def __init__(self, text: str, editor: Editor, on_error: ErrorSink, before: Target, after: Target) -> None:
        super().__init__(text, editor, on_error)
        self.before, self.after = before, after

    def _undo(self) -> None:
        self.editor.update_target(self.before)

    def _redo(self) -> None:
        self.editor.update_target(self.after)


class DeleteTargetCommand(_DoneCommand):
    def __init__(
        self, text: str, editor: Editor, on_error: ErrorSink, target: Target, entries: Sequence[ProgressEntry]
    ) -> None:
        super().__init__(text, editor, on_error)
        self.target, self.entries = target, list(entries)

    def _undo(self) -> None:
        self.restorer.restore_target(self.target, self.entries)

    def _redo(self) -> None:
        self.editor.delete_target(self.target.id or 0)


class AddPlanCommand(_DoneCommand):
    def __init__(self, text: str, editor: Editor, on_error: ErrorSink, saved: Plan) -> None:
        super().__init__(text, editor, on_error)
        self.saved = saved

    def _undo(self) -> None:
        self.editor.delete_plan(self.saved.id or 0)

    def _redo(self) -> None:
        self.restorer.restore_plan(self.saved, [], [])


class UpdatePlanCommand(_DoneCommand):
    def __init__(self, text: str, editor: Editor, on_error: ErrorSink, before: Plan, after: Plan) -> None:
        super().__init__(text, editor, on_error)
        self.before, self.after = before, after

    def _undo(self) -> None:
        self.editor.update_plan(self.before)

    def _redo(self) -> None:
        self.editor.update_plan(self.after)


class DeletePlanCommand(_DoneCommand):
    def __init__(
        self,
        text: str,
        editor: Editor,
        on_error: ErrorSink,
        plan: Plan,
        targets: Sequence[Target],
        entries: Sequence[ProgressEntry],
    ) -> None:
        super().__init__(text, editor, on_error)
        self.plan, self.targets, self.entries = plan, list(targets), list(entries)

    def _undo(self) -> None:
        self.restorer.restore_plan(self.plan, self.targets, self.entries)

    def _redo(self) -> None:
        self.editor.delete_plan(self.plan.id or 0)
