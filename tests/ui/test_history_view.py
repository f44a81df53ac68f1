"""修改记录: a target's change history as a table model and a dialog, opened from the window for the selected
target."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.services.audit_export import target_history
from app.services.workspace import Workspace
from app.ui.application import AppController
from app.ui.history_view import HistoryDialog, HistoryModel, HistoryView
from app.ui.main_window import MainWindow
from tests.ui.window_helpers import prompts, select

SCALE = "医疗器械产业总体规模"


def test_the_model_shows_who_when_what_and_the_changes(
    qtmodeltester: ModelTester, demo_workspace: Workspace
) -> None:
    from app.services.editing import Editor

    entry = demo_workspace.entries.for_target(1)[0]
    Editor(demo_workspace).update_entry(replace(entry, value=entry.value + 1, note="更正"))
    model = HistoryModel(target_history(demo_workspace, 1))
    qtmodeltester.check(model)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)] == [
        "Time", "User", "Computer", "Action", "Record", "Changes",
    ]  # fmt: skip
    newest = [model.index(0, c).data() for c in range(6)]
    assert newest[:4] == ["2025-07-31 09:30:00", "演示数据", "demo", "修改"]
    assert newest[4] == f"填报 {entry.period.label}（{entry.id}）"
    assert newest[5].startswith(f"数值：{entry.value} → {entry.value + 1}；备注：")
    tooltip = model.index(0, 5).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.splitlines()[0] == f"数值：{entry.value} → {entry.value + 1}"
    last = model.rowCount() - 1
    assert [model.index(last, c).data() for c in (3, 4)] == ["新增", "指标（1）"]
    assert model.index(0, 0).data(HistoryModel.SortRole) > model.index(last, 0).data(HistoryModel.SortRole)


def test_the_view_shows_the_selected_events_changes_in_full(qtbot: QtBot, demo_workspace: Workspace) -> None:
    view = HistoryView()
    qtbot.addWidget(view)
    view.set_items(target_history(demo_workspace, 1))
    assert view.table.currentIndex().row() == 0
    lines = view.detail.text().splitlines()
    assert "演示数据（demo）  新增 填报" in lines[0]
    assert any(line.startswith("来源：《北京前三季度工业总产值近2万亿元") for line in lines)  # not cut short
    view.set_items([])
    assert view.detail.text() == "" and view.empty.text() == "No changes are recorded for this target."


def test_change_history_of_the_selected_target_from_the_window(
    qtbot: QtBot, window: MainWindow, controller: AppController, tmp_path: Path
) -> None:
    assert not window.acts.target_history.isEnabled()  # nothing selected
    select(window, SCALE)
    assert window.acts.target_history.isEnabled()
    assert window.acts.target_history.shortcut().toString() == "Ctrl+H"
    target = window.selected_row().target  # type: ignore[union-attr]
    window.session.update_target(replace(target, target_value=Decimal(520)))
    window.session.wait_for_statuses()
    select(window, SCALE)
    window.acts.target_history.trigger()
    dialog = controller.backups.history_dialog
    assert isinstance(dialog, HistoryDialog)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == f"Change history — {SCALE}"
    assert (
        dialog.isVisible() and dialog.windowModality() == Qt.WindowModality.WindowModal
    )  # open(), not exec()
    model = dialog.view.model
    assert [model.index(0, c).data() for c in (3, 4, 5)] == [
        "修改",
        f"指标（{target.id}）",
        "目标值：500 → 520",
    ]
    assert model.rowCount() == 1 + 1 + len(window.session.workspace.entries.for_target(target.id or 0))
    qtbot.waitExposed(dialog)
    assert dialog.grab().save(str(tmp_path / "history.png"))


def test_without_a_selection_the_window_says_what_to_do(
    window: MainWindow, controller: AppController
) -> None:
    controller.backups.on_target_history()
    kind, title, text = prompts(window).shown[-1]
    assert (kind, title) == ("info", "Change history") and "Select a target first" in text
