"""Undoable edits. Each command is pushed *after* its first execution succeeded (so a validation error never
leaves a half-made entry on the undo stack); undo and redo then replay it through the same services.

Undo and redo are edits like any other: they carry the row version this window's own last change left the
record at (``VersionBook``), so an undo over a colleague's later change is refused (ConflictError) instead of
silently overwriting it, and one in a locked reporting period is refused too."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import TypeVar

from PySide6.QtGui import QUndoCommand

from app.domain.entities import Plan, ProgressEntry, Target
from app.services.editing import Editor, Restorer
from app.services.sheet_import import forget_imports, remember_imports
from app.storage.database import write_transaction
from app.storage.file_records import ImportRecord

ErrorSink = Callable[[Exception], None]
R = TypeVar("R", Plan, Target, ProgressEntry)


class VersionBook:
    """The row version each record was left at by this window's own edits, undos and redos.

    Commands of one history share it: undoing a deletion puts the row back at a new version, and the undo of an
    earlier edit of that row must claim the new one. A record the book does not know keeps the version it was
    read at."""

    def __init__(self) -> None:
        self._versions: dict[tuple[str, int], int] = {}

    def note(self, entity: str, records: Iterable[Plan | Target | ProgressEntry]) -> None:
        for r in records:
            if r.id is not None:
                self._versions[(entity, r.id)] = r.version

    def forget(self, entity: str, records: Iterable[Plan | Target | ProgressEntry]) -> None:
        for r in records:
            self._versions.pop((entity, r.id or 0), None)

    def version(self, entity: str, record: Plan | Target | ProgressEntry) -> int:
        return self._versions.get((entity, record.id or 0), record.version)

    def latest(self, entity: str, record_id: int, seen: int) -> int:
        """The version to base an edit on, given the version a view showed: a view computed before this window's
        own last change of the record shows an older version, which is no conflict. 0 stays 0 (unchecked)."""
        own = self._versions.get((entity, record_id))
        return own if seen and own is not None and own > seen else seen

    def stamp(self, entity: str, record: R, like: Plan | Target | ProgressEntry) -> R:
        """``record`` carrying the version the book holds for ``like`` (the same row)."""
        return replace(record, version=self.version(entity, like))

    def clear(self) -> None:
        self._versions.clear()


class _DoneCommand(QUndoCommand):
    """Skips the first redo(), which QUndoStack.push() calls, because the edit has already been made."""

    def __init__(self, text: str, editor: Editor, on_error: ErrorSink, book: VersionBook) -> None:
        super().__init__(text)
        self.editor = editor
        self.restorer = Restorer(editor)
        self.book = book
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
        # The file may have changed under us (another copy of the program, a colleague, a lock): the rest of
        # the history no longer describes it, and replaying it could attach figures to someone else's target.
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

    def _delete_entries(self, entries: Sequence[ProgressEntry]) -> list[ProgressEntry]:
        ids = [e.id or 0 for e in entries]
        deleted = self.editor.delete_entries(ids, {e.id or 0: self.book.version("entry", e) for e in entries})
        self.book.forget("entry", deleted)
        return deleted

    def _restore_entries(self, entries: Sequence[ProgressEntry]) -> list[ProgressEntry]:
        restored = self.restorer.restore_entries(entries)
        self.book.note("entry", restored)
        return restored


class AddEntriesCommand(_DoneCommand):
    def __init__(
        self,
        text: str,
        editor: Editor,
        on_error: ErrorSink,
        book: VersionBook,
        saved: Sequence[ProgressEntry],
    ) -> None:
        super().__init__(text, editor, on_error, book)
        self.saved = list(saved)

    def _undo(self) -> None:
        self.saved = self._delete_entries(self.saved)

    def _redo(self) -> None:
        self.saved = self._restore_entries(self.saved)


class ImportCommand(AddEntriesCommand):
    """An import of returned sheets: its figures and the record that the files were imported go and come back
    together, in one transaction, so that after an undo the same files can be imported again."""

    def __init__(
        self,
        text: str,
        editor: Editor,
        on_error: ErrorSink,
        book: VersionBook,
        saved: Sequence[ProgressEntry],
        records: Sequence[ImportRecord],
    ) -> None:
        super().__init__(text, editor, on_error, book, saved)
        self.records = list(records)

    def _undo(self) -> None:
        ws = self.editor.ws
        with ws.held_notices(), write_transaction(ws.db):
            super()._undo()
            forget_imports(ws, self.records)

    def _redo(self) -> None:
        ws = self.editor.ws
        with ws.held_notices(), write_transaction(ws.db):
            super()._redo()
            self.records = remember_imports(ws, self.records)


class UpdateEntryCommand(_DoneCommand):
    def __init__(
        self,
        text: str,
        editor: Editor,
        on_error: ErrorSink,
        book: VersionBook,
        before: ProgressEntry,
        after: ProgressEntry,
    ) -> None:
        super().__init__(text, editor, on_error, book)
        self.before, self.after = before, after

    def _undo(self) -> None:
        self.book.note("entry", [self.editor.update_entry(self.book.stamp("entry", self.before, self.after))])

    def _redo(self) -> None:
        self.book.note("entry", [self.editor.update_entry(self.book.stamp("entry", self.after, self.after))])


class DeleteEntriesCommand(_DoneCommand):
    def __init__(
        self,
        text: str,
        editor: Editor,
        on_error: ErrorSink,
        book: VersionBook,
        deleted: Sequence[ProgressEntry],
    ) -> None:
        super().__init__(text, editor, on_error, book)
        self.deleted = list(deleted)

    def _undo(self) -> None:
        self.deleted = self._restore_entries(self.deleted)

    def _redo(self) -> None:
        self.deleted = self._delete_entries(self.deleted)


class AddTargetCommand(_DoneCommand):
    def __init__(
        self, text: str, editor: Editor, on_error: ErrorSink, book: VersionBook, saved: Target
    ) -> None:
        super().__init__(text, editor, on_error, book)
        self.saved = saved

    def _undo(self) -> None:
        self.saved, entries = self.editor.delete_target(
            self.saved.id or 0, self.book.version("target", self.saved)
        )
        self.book.forget("target", [self.saved])
        self.book.forget("entry", entries)

    def _redo(self) -> None:
        self.saved, _ = self.restorer.restore_target(self.saved)
        self.book.note("target", [self.saved])


class UpdateTargetCommand(_DoneCommand):
    def __init__(
        self, text: str, editor: Editor, on_error: ErrorSink, book: VersionBook, before: Target, after: Target
    ) -> None:
        super().__init__(text, editor, on_error, book)
        self.before, self.after = before, after

    def _undo(self) -> None:
        self.book.note(
            "target", [self.editor.update_target(self.book.stamp("target", self.before, self.after))]
        )

    def _redo(self) -> None:
        self.book.note(
            "target", [self.editor.update_target(self.book.stamp("target", self.after, self.after))]
        )


class DeleteTargetCommand(_DoneCommand):
    def __init__(
        self,
        text: str,
        editor: Editor,
        on_error: ErrorSink,
        book: VersionBook,
        target: Target,
        entries: Sequence[ProgressEntry],
    ) -> None:
        super().__init__(text, editor, on_error, book)
        self.target, self.entries = target, list(entries)

    def _undo(self) -> None:
        self.target, self.entries = self.restorer.restore_target(self.target, self.entries)
        self.book.note("target", [self.target])
        self.book.note("entry", self.entries)

    def _redo(self) -> None:
        self.target, self.entries = self.editor.delete_target(
            self.target.id or 0, self.book.version("target", self.target)
        )
        self.book.forget("target", [self.target])
        self.book.forget("entry", self.entries)


class AddPlanCommand(_DoneCommand):
    def __init__(
        self, text: str, editor: Editor, on_error: ErrorSink, book: VersionBook, saved: Plan
    ) -> None:
        super().__init__(text, editor, on_error, book)
        self.saved = saved

    def _undo(self) -> None:
        self.saved, targets, entries = self.editor.delete_plan(
            self.saved.id or 0, self.book.version("plan", self.saved)
        )
        self.book.forget("plan", [self.saved])
        self.book.forget("target", targets)
        self.book.forget("entry", entries)

    def _redo(self) -> None:
        self.saved, _, _ = self.restorer.restore_plan(self.saved, [], [])
        self.book.note("plan", [self.saved])


class UpdatePlanCommand(_DoneCommand):
    def __init__(
        self, text: str, editor: Editor, on_error: ErrorSink, book: VersionBook, before: Plan, after: Plan
    ) -> None:
        super().__init__(text, editor, on_error, book)
        self.before, self.after = before, after

    def _undo(self) -> None:
        self.book.note("plan", [self.editor.update_plan(self.book.stamp("plan", self.before, self.after))])

    def _redo(self) -> None:
        self.book.note("plan", [self.editor.update_plan(self.book.stamp("plan", self.after, self.after))])


class DeletePlanCommand(_DoneCommand):
    def __init__(
        self,
        text: str,
        editor: Editor,
        on_error: ErrorSink,
        book: VersionBook,
        plan: Plan,
        targets: Sequence[Target],
        entries: Sequence[ProgressEntry],
    ) -> None:
        super().__init__(text, editor, on_error, book)
        self.plan, self.targets, self.entries = plan, list(targets), list(entries)

    def _undo(self) -> None:
        self.plan, self.targets, self.entries = self.restorer.restore_plan(
            self.plan, self.targets, self.entries
        )
        self.book.note("plan", [self.plan])
        self.book.note("target", self.targets)
        self.book.note("entry", self.entries)

    def _redo(self) -> None:
        self.plan, self.targets, self.entries = self.editor.delete_plan(
            self.plan.id or 0, self.book.version("plan", self.plan)
        )
        self.book.forget("plan", [self.plan])
        self.book.forget("target", self.targets)
        self.book.forget("entry", self.entries)
