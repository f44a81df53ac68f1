"""Editing from the main window: plan and target dialogs, deletions with confirmation, figures from the
grid, undo and redo. Every change goes through the Session (services underneath), so it can be undone."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from app.domain.errors import DomainError, ValidationError
from app.services.concurrency import ConflictError
from app.storage.database import StorageError
from app.storage.repositories import RecordNotFoundError
from app.ui.plan_dialog import PlanDialog
from app.ui.target_dialog import TargetDialog

if TYPE_CHECKING:
    from app.domain.entities import Target
    from app.services.statuses import StatusRow
    from app.ui.dashboard_filter import DashboardFilter
    from app.ui.entry_grid import EntryGrid
    from app.ui.main_actions import MainActions
    from app.ui.prompts import Prompts
    from app.ui.session import Session

USER_ERRORS = (DomainError, StorageError, RecordNotFoundError)


class EditingMixin:
    """Part of MainWindow: the commands that change data. Texts use the MainWindow context explicitly:
    at run time tr() looks them up under the object's class, while lupdate would file them under the mixin."""

    if TYPE_CHECKING:
        session: Session
        prompts: Prompts
        proxy: DashboardFilter
        acts: MainActions
        entry_grid: EntryGrid
        _selected_target_id: int | None

        def selected_row(self) -> StatusRow | None: ...

    def _attempt(self, action: object, *args: object) -> object:
        """Run an edit; a user's mistake or the file's trouble becomes a message, never a crash."""
        try:
            return action(*args)  # type: ignore[operator]
        except ConflictError as exc:  # the session has already refreshed the views with the newer data
            self.prompts.error(
                QCoreApplication.translate("MainWindow", "Not saved: changed meanwhile"), str(exc)
            )
        except ValidationError as exc:
            lines = "\n".join(f"{f}：{m}" for f, m in exc.problems)
            self.prompts.error(QCoreApplication.translate("MainWindow", "Not saved"), lines)
        except USER_ERRORS as exc:
            self.prompts.error(QCoreApplication.translate("MainWindow", "Not saved"), str(exc))
        return None

    def on_undo(self) -> None:
        self.session.undo_stack.undo()

    def on_redo(self) -> None:
        self.session.undo_stack.redo()

    def _current_plan_id(self) -> int | None:
        row = self.selected_row()
        return row.plan.id if row else self.proxy.selection().plan_id

    def on_new_plan(self) -> None:
        dialog = PlanDialog(self)
        if self._run_dialog(dialog) and (plan := dialog.result_plan()):
            self._attempt(self.session.add_plan, plan)

    def on_edit_plan(self) -> None:
        plan_id = self._current_plan_id()
        if plan_id is None:
            return
        original = self.session.workspace.plans.get(plan_id)
        dialog = PlanDialog(self, original)
        if self._run_dialog(dialog) and (plan := dialog.result_plan()):
            # Based on the plan as the dialog showed it: a change made elsewhere meanwhile is not overwritten.
            self._attempt(self.session.update_plan, dataclasses.replace(plan, version=original.version))

    def on_delete_plan(self) -> None:
        plan_id = self._current_plan_id()
        if plan_id is None:
            return
        plan = self.session.workspace.plans.get(plan_id)
        count = len(self.session.workspace.targets.for_plan(plan_id))
        question = QCoreApplication.translate(
            "MainWindow",
            "Delete the plan “{title}” with its {n} targets and all their figures? (Undo can bring it back.)",
        )
        if self.prompts.confirm(
            QCoreApplication.translate("MainWindow", "Delete plan"),
            question.format(title=plan.title, n=count),
        ):
            self._attempt(self.session.delete_plan, plan_id, plan.version)

    def _target_dialog(self, target: Target | None = None) -> TargetDialog:
        ws = self.session.workspace
        units = sorted({t.responsible_unit for t in ws.targets.all() if t.responsible_unit})
        return TargetDialog(ws.plans.all(), self, target=target, plan_id=self._current_plan_id(), units=units)

    def on_new_target(self) -> None:
        if not self.session.workspace.plans.all():
            self.prompts.info(
                QCoreApplication.translate("MainWindow", "New target"),
                QCoreApplication.translate("MainWindow", "Add a plan first: every target belongs to a plan."),
            )
            return
        dialog = self._target_dialog()
        if self._run_dialog(dialog) and (target := dialog.result_target()):
            saved = self._attempt(self.session.add_target, target)
            if saved is not None:
                self._selected_target_id = getattr(saved, "id", None)

    def on_edit_target(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        original = self.session.workspace.targets.get(row.target.id or 0)
        dialog = self._target_dialog(original)
        if self._run_dialog(dialog) and (target := dialog.result_target()):
            self._attempt(self.session.update_target, dataclasses.replace(target, version=original.version))

    def on_delete_target(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        question = QCoreApplication.translate(
            "MainWindow", "Delete the target “{name}” and its {n} figures? (Undo can bring it back.)"
        )
        if self.prompts.confirm(
            QCoreApplication.translate("MainWindow", "Delete target"),
            question.format(name=row.target.name, n=len(row.entries)),
        ):
            # The version the dashboard showed: a target changed elsewhere meanwhile is not deleted unseen.
            self._attempt(self.session.delete_target, row.target.id or 0, row.target.version)

    def on_entries_submitted(self, entries: list) -> None:  # type: ignore[type-arg]
        self._attempt(self.session.add_entries, entries)

    def on_entry_edited(self, _old: object, new: object) -> None:
        self._attempt(self.session.update_entry, new)

    def on_delete_entries(self, entry_ids: list[int]) -> None:
        if not entry_ids:
            return
        count = len(entry_ids)  # a plain name: lupdate misses plural calls whose count is an expression
        question = QCoreApplication.translate(
            "MainWindow", "Delete %n selected figure(s)? (Undo can bring them back.)", "", count
        )
        if self.prompts.confirm(QCoreApplication.translate("MainWindow", "Delete figures"), question):
            self._attempt(self.session.delete_entries, entry_ids, self.entry_grid.model.versions(entry_ids))

    def _run_dialog(self, dialog: QDialog) -> bool:
        return dialog.exec() == QDialog.DialogCode.Accepted
