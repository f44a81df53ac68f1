"""What the user sees of locked periods and of a second copy of the program on the same file: the lock dialog,
locked figures in the grid, a refused edit with the newer value, a colleague's edits and presence noticed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.domain.periods import parse_period
from app.services.concurrency import ConflictError
from app.services.editing import Editor
from app.services.presence import PresenceBeacon
from app.services.workspace import Workspace
from app.storage.audit import Actor
from app.storage.file_records import PeriodLock
from app.ui.application import AppController
from app.ui.entry_grid import EntryGrid
from app.ui.entry_grid_model import LOCKED_BACKGROUND
from app.ui.lock_dialog import LockDialog, suggested_period
from app.ui.main_window import MainWindow
from tests.ui.window_helpers import prompts, select, shown_value, wait_ready

LI = Actor(user="李四", machine="PC-02")
JUNE = PeriodLock(parse_period("2025年6月"), "张三", "PC-01", datetime(2025, 7, 5, 10, 0), "6月月报已审定", 1)
GREEN = "绿色工厂累计建成"  # one figure: 截至2025年6月底 212家


def li_clock() -> datetime:
    return datetime(2025, 8, 1, 10, 20, 5)


@pytest.fixture
def colleague(window: MainWindow) -> Iterator[Workspace]:
    """李四, with the same file open in another copy of the program (another connection)."""
    with Workspace.open(window.session.workspace.path, clock=li_clock, actor=LI) as ws:
        yield ws


def test_the_lock_dialog_suggests_a_month_and_checks_what_is_typed(qtbot: QtBot, tmp_path: Path) -> None:
    assert suggested_period(date(2025, 7, 31)) == "2025年7月"  # July has ended
    assert suggested_period(date(2025, 7, 15)) == "2025年6月"
    may = replace(JUNE, period=parse_period("2025年5月"), id=2)
    dialog = LockDialog([may], suggestion="2025年7月")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Lock reporting period"
    assert dialog.period_edit.text() == "2025年7月" and dialog.ok_button.isEnabled()
    assert dialog.ok_button.text() == "&Lock"
    assert dialog.range_label.text() == "Locks 2025-07-01 to 2025-07-31 (2025年7月)."
    dialog.period_edit.setText("2025年13月")
    assert not dialog.ok_button.isEnabled()
    assert "“2025年13月”不是有效的报告期：月份应为1-12" in dialog.range_label.text()
    dialog.period_edit.setText("2025年5月")  # locked already
    assert not dialog.ok_button.isEnabled()
    assert dialog.range_label.text() == "2025年5月已由 张三（PC-01）于 2025-07-05 10:00 锁定，无需再次锁定"
    assert dialog.model.rowCount() == 1 and dialog.model.index(0, 0).data() == "2025年5月"
    dialog.period_edit.setText("2025年上半年")
    dialog.note_edit.setText("半年报已审定")
    dialog.resize(640, 380)
    dialog.grab().save(str(tmp_path / "lock_dialog.png"))
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return)  # Enter locks
    assert dialog.result() == QDialog.DialogCode.Accepted
    period = dialog.result_period()
    assert period is not None and period.label == "2025年上半年" and dialog.result_note() == "半年报已审定"


def test_the_unlock_dialog_offers_the_locked_periods(qtbot: QtBot) -> None:
    may = replace(JUNE, period=parse_period("2025年5月"), id=2)
    dialog = LockDialog([may, JUNE], unlocking=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Unlock reporting period" and dialog.ok_button.text() == "&Unlock"
    headers = [
        dialog.model.headerData(c, Qt.Orientation.Horizontal) for c in range(dialog.model.columnCount())
    ]
    assert headers == ["Period", "Dates", "Locked by", "Locked at", "Note"]
    assert [dialog.model.index(1, c).data() for c in range(5)] == [
        "2025年6月",
        "2025-06-01 – 2025-06-30",
        "张三（PC-01）",
        "2025-07-05 10:00",
        "6月月报已审定",
    ]
    selected = dialog.result_period()
    assert selected is not None and selected.label == "2025年6月"  # the latest is preselected
    dialog.table.selectRow(0)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_locked_figures_are_marked_and_cannot_be_changed_in_the_grid(
    qtbot: QtBot, demo_workspace: Workspace, tmp_path: Path
) -> None:
    grid = EntryGrid()
    qtbot.addWidget(grid)
    target = next(t for t in demo_workspace.targets.all() if t.name == GREEN)
    grid.model.set_targets([target], demo_workspace.entries.for_target(target.id or 0))
    grid.model.set_locks([JUNE])
    grid.resize(700, 240)
    grid.show()
    qtbot.waitExposed(grid)
    model, view = grid.model, grid.view
    period = model.index(0, model.column_of("period"))
    value = model.index(0, model.column_of("value"))
    assert period.data() == "截至2025年6月底" and value.data() == "212家"
    assert not (model.flags(value) & Qt.ItemFlag.ItemIsEditable)
    assert period.data(Qt.ItemDataRole.DecorationRole) is not None  # the padlock
    assert value.data(Qt.ItemDataRole.BackgroundRole) == LOCKED_BACKGROUND
    expected = (
        "Locked: 2025年6月 was locked by 张三 on 2025-07-05 10:00. Unlock it (Edit → Unlock reporting period…) "
        "to change or delete this figure."
    )
    assert value.data(Qt.ItemDataRole.ToolTipRole) == expected
    grid.grab().save(str(tmp_path / "locked_grid.png"))

    view.setCurrentIndex(value)
    with qtbot.assertNotEmitted(grid.entryEdited):
        qtbot.keyClicks(view, "3")  # typing over a locked figure: no editor, and the bar says why
    assert view.indexWidget(value) is None
    assert grid.message_label.text().startswith(expected)

    view.selectRow(0)
    assert not grid.delete_button.isEnabled()
    with qtbot.assertNotEmitted(grid.deleteRequested):
        grid.on_delete_clicked()

    # A new figure for the locked month is refused in place, before anything is sent to be saved.
    new_row = model.first_new_row
    assert model.setData(model.index(new_row, model.column_of("period")), "2025年6月")
    assert model.setData(model.index(new_row, model.column_of("value")), "215家")
    error = model.index(new_row, model.column_of("period")).data(model.ErrorRole)
    assert (
        error
        == "2025年6月已由 张三（PC-01）于 2025-07-05 10:00 锁定，不能添加该报告期的填报；如需更正，请先解锁"
    )
    assert not grid.save_button.isEnabled()

    grid.model.set_locks([])  # unlocked: editable again, the draft is fine now
    assert model.flags(value) & Qt.ItemFlag.ItemIsEditable
    assert model.index(new_row, model.column_of("period")).data(model.ErrorRole) is None
    assert grid.save_button.isEnabled()


def test_locking_from_the_edit_menu_guards_the_grid_and_undo(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = window.session
    select(window, GREEN)
    window.acts.enter_figures.trigger()
    saved = session.add_entries([replace(session.workspace.entries.all()[6], id=None, value=Decimal(213))])
    wait_ready(qtbot, window)
    assert window.acts.lock_period.isEnabled() and not window.acts.unlock_period.isEnabled()

    def lock_june(dialog: object) -> bool:
        assert isinstance(dialog, LockDialog) and not dialog.unlocking
        dialog.period_edit.setText("2025年6月")
        return dialog.ok_button.isEnabled()

    monkeypatch.setattr(window, "_run_dialog", lock_june)
    with qtbot.waitSignal(session.locksChanged):
        window.acts.lock_period.trigger()
    assert [lk.period.label for lk in session.locks] == ["2025年6月"]
    assert window.acts.unlock_period.isEnabled()
    model = window.entry_grid.model
    assert all(model.lock_at(r) is not None for r in range(model.first_new_row))
    assert window.statusBar().currentMessage() == "Locked 2025年6月."

    # The undo of entering the 213 would delete a figure of the locked month: refused, and said so.
    with qtbot.waitSignal(session.errorOccurred) as error:
        window.acts.undo.trigger()
    assert error.args[0].startswith(
        "Undo or redo was refused because the figures are in a locked reporting period"
    )
    assert "截至2025年6月底已由" not in error.args[0] and "不能删除；如需更正" in error.args[0]
    assert session.workspace.entries.get(saved[0].id or 0).value == Decimal(213)

    # An edit that reaches the session anyway (e.g. from an old view) is refused with the reason.
    window.on_entry_edited(saved[0], replace(saved[0], value=Decimal(214)))
    kind, title, text = prompts(window).shown[-1]
    assert (kind, title) == ("error", "Not saved")
    assert "属于已锁定的报告期 2025年6月" in text

    def unlock(dialog: object) -> bool:
        assert isinstance(dialog, LockDialog) and dialog.unlocking
        return dialog.result_period() is not None

    monkeypatch.setattr(window, "_run_dialog", unlock)
    with qtbot.waitSignal(session.locksChanged):
        window.acts.unlock_period.trigger()
    assert session.locks == [] and not window.acts.unlock_period.isEnabled()
    assert model.lock_at(0) is None


def test_an_edit_based_on_a_figure_a_colleague_changed_is_refused_and_the_newer_value_shown(
    qtbot: QtBot, window: MainWindow, colleague: Workspace
) -> None:
    select(window, "医疗器械产业总体规模")
    window.acts.enter_figures.trigger()
    model = window.entry_grid.model
    row = next(r for r in range(model.first_new_row) if model.cell_text(r, "value") == "257亿元")
    seen = model.entry_at(row)
    assert seen is not None
    Editor(colleague).update_entry(replace(colleague.entries.get(seen.id or 0), value=Decimal(372)))
    with qtbot.waitSignal(window.session.statusesReady, timeout=5000):
        model.setData(model.index(row, model.column_of("value")), "360亿元")  # based on 257: refused
        qtbot.waitUntil(lambda: bool(prompts(window).shown))
    kind, title, text = prompts(window).shown[-1]
    assert (kind, title) == ("error", "Not saved: changed meanwhile")
    assert text == (
        "“医疗器械产业总体规模”2024年前三季度的数值已被 李四（PC-02）于 2025-08-01 10:20 改为 372亿元，您的修改未保存"
    )
    wait_ready(qtbot, window)
    assert model.cell_text(row, "value") == "372亿元"  # refreshed: the newer value is on screen
    assert window.session.workspace.entries.get(seen.id or 0).value == Decimal(372)
    assert window.session.undo_stack.count() == 0


def test_a_colleagues_commits_and_presence_are_noticed(qtbot: QtBot, window: MainWindow) -> None:
    session = window.session
    # On the real clock, as the window is: a heartbeat counts while it is recent.
    colleague = Workspace.open(session.workspace.path, actor=LI)
    assert session.poll_file() is False
    assert not window._presence_label().isVisible()
    beacon = PresenceBeacon(colleague, pid=4242)
    beacon.join()
    with qtbot.waitSignal(session.othersChanged):
        session.beat()
    label = window._presence_label()
    assert label.isVisible() and label.text() == "李四 (PC-02) also has this file open"
    assert "refused with the newer value" in label.toolTip()

    parks = next(t for t in colleague.targets.all() if t.name == "专业化产业园区")
    entry = replace(colleague.entries.all()[6], target_id=parks.id or 0, id=None, value=Decimal(3), unit="个")
    Editor(colleague).add_entry(entry)  # 李四 enters 3 parks in the other window
    select(window, "医疗器械产业总体规模")
    window.acts.enter_figures.trigger()
    grid = window.entry_grid
    index = grid.model.index(grid.model.first_new_row, grid.model.column_of("period"))
    grid.view.setCurrentIndex(index)
    grid.view.edit(index)
    assert session.poll_file() is False  # not while a cell is being typed into: it would close the editor
    editor = grid.view.indexWidget(index)
    assert editor is not None
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    with qtbot.waitSignal(session.statusesReady):
        assert session.poll_file() is True
    assert shown_value(window, "专业化产业园区", "completion") == "60.0%"
    Editor(colleague).lock_period(parse_period("2025年6月"))
    with qtbot.waitSignal(session.locksChanged):
        session.poll_file()
    assert session.locks[0].locked_by == "李四"

    beacon.leave()
    with qtbot.waitSignal(session.othersChanged):
        session.poll_file()
    assert not label.isVisible()
    colleague.close()


def test_a_read_only_copy_shows_locks_and_others_but_cannot_lock(
    qtbot: QtBot,
    window: MainWindow,
    controller: AppController,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    copy = tmp_path / "share.ptt.sqlite"
    window.session.workspace.save_copy(copy)
    with Workspace.open(copy, actor=LI) as writer:
        Editor(writer).lock_period(parse_period("2025年6月"))
        import app.storage.database as database

        monkeypatch.setattr(database.os, "access", lambda p, mode: False)  # a read-only share
        writer_beacon = PresenceBeacon(writer, pid=77)
        writer_beacon.join()
        controller.open_path(copy)
        wait_ready(qtbot, window)
        assert window.session.read_only
        assert not window.acts.lock_period.isEnabled() and not window.acts.unlock_period.isEnabled()
        assert [lk.period.label for lk in window.session.locks] == ["2025年6月"]
        # The copy carries the demo window's row too; neither counts until it beats in this file.
        assert not window._presence_label().isVisible()
        writer_beacon.beat()
        with qtbot.waitSignal(window.session.othersChanged):
            window.session.poll_file()
        assert window._presence_label().text() == "李四 (PC-02) also has this file open"
        # It cannot say it is there itself: the writer sees nobody.
        assert writer_beacon.others() == []


def test_a_view_not_yet_refreshed_after_our_own_edit_is_no_conflict(demo_workspace: Workspace) -> None:
    from app.ui.session import Session

    session = Session(demo_workspace, date(2025, 7, 31))
    shown = demo_workspace.entries.get(2)  # as the grid showed it, version 1
    session.update_entry(replace(shown, value=Decimal(258)))
    # A second edit (or a delete) from the same, not yet reloaded grid still carries version 1: it follows our
    # own edit, not someone else's, so it goes through.
    assert session.update_entry(replace(shown, value=Decimal(259))).version == 3
    session.delete_entries([2], {2: shown.version})
    assert demo_workspace.entries.count() == 23
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert demo_workspace.entries.get(2).value == Decimal(258)
    # But a colleague's change after ours is still caught.
    with Workspace.open(demo_workspace.path, actor=LI, clock=li_clock) as colleague:
        Editor(colleague).update_entry(replace(colleague.entries.get(2), value=Decimal(300)))
    with pytest.raises(ConflictError, match="改为 300亿元"):
        session.update_entry(replace(shown, value=Decimal(260)))
    session.pool.waitForDone()
