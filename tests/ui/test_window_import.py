"""Fill-in templates out and returned sheets in, from the main window: the template a unit gets, the preview
that shows every row's verdict and cell before anything is saved, and the figures that land on the dashboard."""

from __future__ import annotations

from pathlib import Path

import openpyxl  # type: ignore[import-untyped]
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QDialog, QProgressDialog, QWidget
from pytestqt.qtbot import QtBot

from app.services.import_rows import RowStatus
from app.ui.import_dialog import ImportPreviewDialog
from app.ui.main_window import MainWindow
from tests.services.test_sheet_import import FILLS, SCALE, UNIT, expected_rows, fill
from tests.ui.window_helpers import prompts


def export_template(w: MainWindow, tmp_path: Path) -> Path:
    p = prompts(w)
    p.choice = UNIT
    p.paths = [str(tmp_path / "模板.xlsx")]
    written = w.on_export_template()
    assert written == tmp_path / "模板.xlsx"
    return written


class Answer:
    """Stands in for the user at the preview dialog: looks at it, may untick the warnings, then presses a button."""

    def __init__(self, accept: bool = True, warnings: bool = True) -> None:
        self.accept, self.warnings = accept, warnings
        self.seen: list[tuple[str, ...]] = []
        self.button_texts: list[str] = []
        self.error_colour = ""

    def __call__(self, dialog: QWidget) -> int:
        assert isinstance(dialog, ImportPreviewDialog)
        model = dialog.model
        keys = model.KEYS
        for r in range(model.rowCount()):
            self.seen.append(tuple(model.index(r, c).data() for c in range(len(keys))))
            if model.row_at(r).status is RowStatus.ERROR and not self.error_colour:
                self.error_colour = model.index(r, 0).data(Qt.ItemDataRole.BackgroundRole).name()
        self.button_texts.append(dialog.import_button.text())
        dialog.warnings_check.setChecked(self.warnings)
        self.button_texts.append(dialog.import_button.text())
        return int(QDialog.DialogCode.Accepted if self.accept else QDialog.DialogCode.Rejected)


def test_a_template_for_one_unit_lists_its_targets(window: MainWindow, tmp_path: Path) -> None:
    path = export_template(window, tmp_path)
    sheet = openpyxl.load_workbook(path)["填报"]
    names = {sheet.cell(r, 3).value for r in range(4, sheet.max_row + 1)}
    assert SCALE in names and "创新医疗器械品种" in names
    assert "Template written" in window.statusBar().currentMessage()


def test_import_shows_each_row_with_its_cell_and_reason_then_saves_the_accepted(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    returned = fill(export_template(window, tmp_path), tmp_path / "回报.xlsx", FILLS)
    answer = Answer(accept=True, warnings=True)
    window.exec_import_dialog = answer  # type: ignore[method-assign]
    prompts(window).paths = [str(returned)]
    assert window.on_import_sheets() == 4  # 1 OK + 3 warnings accepted; errors and the skipped row stay out
    expected = expected_rows("填报")
    assert [(row[0], row[1], row[2], row[3], row[5]) for row in answer.seen] == [
        (status.label, cell, target, period, reason) for cell, status, target, period, reason in expected
    ]
    assert answer.seen[1][4] == "abc"  # an unreadable value is shown as typed
    assert answer.error_colour == "#ffebee"
    assert answer.button_texts == ["Import 4 figures", "Import 4 figures"]
    assert ("info", "Import returned sheets") in [(kind, title) for kind, title, _ in prompts(window).shown]
    window.session.wait_for_statuses()

    def scale_shows_the_imported_figure() -> bool:
        row = next(r for r in window.session.rows if r.target.name == SCALE)
        return row.progress.latest is not None and row.progress.latest.value == 2000

    qtbot.waitUntil(scale_shows_the_imported_figure)  # the dashboard follows: 2025年1-6月 2000亿元


def test_unticking_warnings_imports_only_the_clean_rows_and_cancel_saves_nothing(
    window: MainWindow, tmp_path: Path
) -> None:
    template = export_template(window, tmp_path)
    entries_before = len(window.session.workspace.entries.all())
    window.exec_import_dialog = Answer(accept=False)  # type: ignore[method-assign]
    prompts(window).paths = [str(fill(template, tmp_path / "a.xlsx", FILLS))]
    assert window.on_import_sheets() == 0
    assert len(window.session.workspace.entries.all()) == entries_before
    answer = Answer(accept=True, warnings=False)
    window.exec_import_dialog = answer  # type: ignore[method-assign]
    prompts(window).paths = [str(fill(template, tmp_path / "b.xlsx", FILLS))]
    assert window.on_import_sheets() == 1
    assert answer.button_texts == ["Import 4 figures", "Import 1 figure"]
    assert len(window.session.workspace.entries.all()) == entries_before + 1


def test_the_same_file_twice_adds_nothing_the_second_time(window: MainWindow, tmp_path: Path) -> None:
    returned = fill(export_template(window, tmp_path), tmp_path / "回报.xlsx", FILLS)
    window.exec_import_dialog = Answer()  # type: ignore[method-assign]
    prompts(window).paths = [str(returned)]
    assert window.on_import_sheets() == 4
    again = Answer()
    window.exec_import_dialog = again  # type: ignore[method-assign]
    prompts(window).paths = [str(returned)]
    assert window.on_import_sheets() == 0
    assert again.seen == [] and again.button_texts == ["Import 0 figures", "Import 0 figures"]


def test_targets_from_policy_text_opens_on_the_selected_targets_plan(window: MainWindow) -> None:
    from app.ui.extract_dialog import ExtractDialog
    from tests.ui.window_helpers import select

    select(window, "规上工业增加值增速")
    plan_id = window.selected_row().plan.id  # type: ignore[union-attr]
    shown: list[QWidget] = []

    def look(dialog: QWidget) -> int:
        shown.append(dialog)
        return int(QDialog.DialogCode.Rejected)

    window.exec_import_dialog = look  # type: ignore[method-assign]
    assert window.acts.extract_targets.isEnabled()
    window.acts.extract_targets.trigger()
    (dialog,) = shown
    assert isinstance(dialog, ExtractDialog)
    assert dialog.plan_combo.currentData() == plan_id
    assert window.acts.extract_targets.shortcut().toString() == "Ctrl+Shift+I"


def test_reporting_status_opens_on_the_window_as_of_date(window: MainWindow) -> None:
    from app.ui.reporting_dialog import ReportingStatusDialog

    shown: list[QWidget] = []
    window.exec_import_dialog = lambda d: shown.append(d) or int(QDialog.DialogCode.Rejected)  # type: ignore[method-assign]
    window.acts.reporting_status.trigger()
    (dialog,) = shown
    assert isinstance(dialog, ReportingStatusDialog)
    assert dialog.period_combo.currentText() == "2025年6月"  # the last whole month before 2025-07-31


def test_an_import_is_one_undo_step_and_after_undo_the_file_can_come_in_again(
    window: MainWindow, tmp_path: Path
) -> None:
    returned = fill(export_template(window, tmp_path), tmp_path / "回报.xlsx", FILLS)
    ws = window.session.workspace
    before = len(ws.entries.all())
    window.exec_import_dialog = Answer()  # type: ignore[method-assign]
    prompts(window).paths = [str(returned)]
    assert window.on_import_sheets() == 4
    assert window.session.undo_stack.undoText() == "Import 4 figures"
    window.acts.undo.trigger()
    assert len(ws.entries.all()) == before
    again = Answer(accept=False)
    window.exec_import_dialog = again  # type: ignore[method-assign]
    prompts(window).paths = [str(returned)]
    window.on_import_sheets()
    assert len(again.seen) == 10  # not refused as "already imported": the undo took the import record back
    window.acts.redo.trigger()
    assert len(ws.entries.all()) == before + 4
    refused = Answer()
    window.exec_import_dialog = refused  # type: ignore[method-assign]
    prompts(window).paths = [str(returned)]
    assert window.on_import_sheets() == 0 and refused.seen == []
    actions = [e["action"] for e in ws.db.query("SELECT action FROM audit_event WHERE entity = 'import'")]
    assert actions == ["import", "undo-import", "redo-import"]


def test_imports_leave_no_dialogs_behind(window: MainWindow, tmp_path: Path) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QProgressDialog

    template = export_template(window, tmp_path)
    for n in range(3):
        window.exec_import_dialog = Answer(accept=False)  # type: ignore[method-assign]
        prompts(window).paths = [str(fill(template, tmp_path / f"{n}.xlsx", FILLS))]
        window.on_import_sheets()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert window.findChildren(ImportPreviewDialog) == [] and window.findChildren(QProgressDialog) == []


def test_saving_shows_progress_keeps_timers_out_and_cancel_saves_nothing(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the figures are written (a progress dialog, the window painted between steps), the heartbeat and
    the file watch do not touch the open transaction; Cancel rolls it all back and says so."""
    import app.storage.audit as audit
    import app.storage.repositories as repositories
    import app.ui.window_import as window_import

    monkeypatch.setattr(repositories, "PROGRESS_EVERY", 1)
    monkeypatch.setattr(audit, "PROGRESS_EVERY", 1)
    session = window.session
    seen: list[tuple[str, int, bool, bool]] = []

    def beats() -> int:
        sql = "SELECT beats FROM presence WHERE session_id = ?"
        return int(session.workspace.db.execute(sql, [session.beacon.session_id]).fetchone()[0])

    beats_before = beats()

    class CancelWhileSaving(QProgressDialog):
        def setValue(self, value: int) -> None:
            super().setValue(value)
            if "Saving" in self.labelText() and value:
                session.beat()  # a timer firing now must not write into the import's transaction
                seen.append(
                    (self.labelText(), beats() - beats_before, session.busy_writing(), session.poll_file())
                )
                if value == 3:
                    self.cancel()

    monkeypatch.setattr(window_import, "QProgressDialog", CancelWhileSaving)
    entries_before = session.workspace.entries.count()
    window.exec_import_dialog = Answer()  # type: ignore[method-assign]
    returned = fill(export_template(window, tmp_path), tmp_path / "回报.xlsx", FILLS)
    prompts(window).paths = [str(returned)]
    assert window.on_import_sheets() == 0
    assert seen == [("Saving the figures…", 0, True, False)] * 3  # no heartbeat written inside it
    assert session.workspace.entries.count() == entries_before and not session.busy_writing()
    assert window.statusBar().currentMessage() == "Import cancelled; nothing was saved."
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert window.findChildren(QProgressDialog) == []
    monkeypatch.setattr(window_import, "QProgressDialog", QProgressDialog)
    prompts(window).paths = [str(returned)]
    assert window.on_import_sheets() == 4  # the same file comes in once asked again
