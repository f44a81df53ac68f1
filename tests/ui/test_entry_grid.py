"""The entry grid as staff use it: typing Chinese, Enter and Tab, Ctrl+V / Ctrl+C, Delete, the two buttons."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from app.domain.entities import ProgressEntry, Target, TargetKind, ValueType
from app.domain.periods import parse_period
from app.services.editing import Editor
from app.services.workspace import Workspace
from app.ui.entry_grid import EntryGrid

UNIT = "市经济和信息化局经济运行处"
CTRL = Qt.KeyboardModifier.ControlModifier


def scale_target() -> Target:
    return Target(
        id=1,
        plan_id=1,
        name="总体规模",
        kind=TargetKind.LEVEL,
        unit="亿元",
        target_value=Decimal(500),
        deadline=date(2026, 12, 31),
        baseline_value=Decimal(352),
    )


@pytest.fixture
def grid(qtbot: QtBot) -> EntryGrid:
    """One target with its 2024 前三季度 figure saved."""
    g = EntryGrid()
    qtbot.addWidget(g)
    saved = ProgressEntry(
        target_id=1, period=parse_period("2024年前三季度"), value=Decimal(257), unit="亿元", id=7
    )
    g.model.set_targets([scale_target()], [saved])
    g.model.set_default_year(2024)
    g.show()
    qtbot.waitExposed(g)
    return g


@pytest.fixture
def unit_grid(qtbot: QtBot, demo_workspace: Workspace) -> EntryGrid:
    g = EntryGrid()
    qtbot.addWidget(g)
    targets = [t for t in demo_workspace.targets.all() if t.responsible_unit == UNIT]
    g.model.set_targets(targets, demo_workspace.entries.all())
    g.show()
    qtbot.waitExposed(g)
    return g


def cell(g: EntryGrid, row: int, key: str) -> QModelIndex:
    return g.model.index(row, g.model.column_of(key))


def type_chinese(qtbot: QtBot, g: EntryGrid, index: QModelIndex, text: str, composing: str = "") -> None:
    """As an input method does: (composing pinyin, then) the commit string to the view, which opens the editor."""
    g.view.setCurrentIndex(index)
    if composing:
        QApplication.sendEvent(g.view, QInputMethodEvent(composing, []))
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(g.view, event)
    editor = g.view.indexWidget(index) or QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == text
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: g.view.currentIndex().row() == index.row() + 1)


def test_typing_a_new_row_and_saving_it(qtbot: QtBot, grid: EntryGrid) -> None:
    assert not grid.save_button.isEnabled()
    type_chinese(qtbot, grid, cell(grid, 1, "period"), "2025年上半年", composing="shangbannian")
    assert grid.model.rowCount() == 3  # saved, the new draft, and again an empty row
    type_chinese(qtbot, grid, cell(grid, 1, "value"), "380亿元")
    assert cell(grid, 1, "value").data() == "380亿元"
    assert grid.view.currentIndex() == cell(grid, 2, "value")  # Enter moved down, like Excel
    assert grid.save_button.isEnabled()
    with qtbot.waitSignal(grid.entriesSubmitted) as blocker:
        qtbot.mouseClick(grid.save_button, Qt.MouseButton.LeftButton)
    [entry] = blocker.args[0]
    assert (entry.value, entry.unit) == (Decimal(380), "亿元")
    assert (entry.period.start, entry.period.end) == (date(2025, 1, 1), date(2025, 6, 30))


def test_tab_then_enter_goes_back_to_the_column_the_row_began_in(qtbot: QtBot, grid: EntryGrid) -> None:
    start = cell(grid, 1, "period")
    grid.view.setCurrentIndex(start)
    qtbot.keyClick(grid.view, "2")  # typing opens the editor, as in Excel; the other keys go to it
    qtbot.keyClicks(QApplication.focusWidget(), "025-03")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: grid.view.currentIndex() == cell(grid, 1, "value"))
    qtbot.keyClicks(QApplication.focusWidget(), "95")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: grid.view.currentIndex() == cell(grid, 2, "period"))
    assert [cell(grid, 1, k).data() for k in ("period", "value")] == ["2025-03", "95"]
    assert grid.model.draft_entries() is not None


def test_enter_outside_an_editor_moves_down(qtbot: QtBot, grid: EntryGrid) -> None:
    grid.view.setCurrentIndex(cell(grid, 0, "value"))
    qtbot.keyClick(grid.view, Qt.Key.Key_Return)
    assert grid.view.currentIndex() == cell(grid, 1, "value")


def test_ctrl_v_pastes_the_clipboard_at_the_current_cell(qtbot: QtBot, grid: EntryGrid) -> None:
    QApplication.clipboard().setText("2024年1-3月\t80亿元\n前三季度\t257亿元\n2024年13月\t十二a\n")
    grid.view.setCurrentIndex(cell(grid, 1, "period"))
    qtbot.keyClick(grid.view, Qt.Key.Key_V, CTRL)
    assert [cell(grid, r, "period").data() for r in (1, 2, 3)] == ["2024年1-3月", "前三季度", "2024年13月"]
    text = grid.message_label.text()
    assert text.startswith(
        "Pasted 3 rows: 2 valid, 1 with errors.\nRow 4 Period: “2024年13月”不是有效的报告期"
    )
    assert "2 invalid cells" in text
    assert not grid.save_button.isEnabled()
    assert grid.view.currentIndex() == cell(grid, 3, "period")  # on the first red cell, ready to fix
    assert grid.view.selectionModel().selectedIndexes() == []  # a selection would hide the red


def test_ctrl_v_on_a_saved_row_pastes_below_it(qtbot: QtBot, grid: EntryGrid) -> None:
    QApplication.clipboard().setText("2024年全年\t342亿元")
    grid.view.setCurrentIndex(cell(grid, 0, "period"))
    qtbot.keyClick(grid.view, Qt.Key.Key_V, CTRL)
    assert cell(grid, 0, "value").data() == "257亿元"
    assert cell(grid, 1, "value").data() == "342亿元"
    assert grid.message_label.text().startswith("Saved rows cannot be pasted over")
    assert grid.save_button.isEnabled()


def test_a_too_wide_paste_is_refused_with_the_counts(qtbot: QtBot, grid: EntryGrid) -> None:
    QApplication.clipboard().setText("a\tb\tc\td\te\tf")
    grid.view.setCurrentIndex(cell(grid, 1, "value"))
    qtbot.keyClick(grid.view, Qt.Key.Key_V, CTRL)
    assert grid.model.rowCount() == 2
    assert grid.message_label.text().startswith(
        "Nothing was pasted: the block has 6 columns, but only 4 fit here."
    )


def test_ctrl_c_copies_the_selected_cells_as_tsv(qtbot: QtBot, unit_grid: EntryGrid) -> None:
    view, model = unit_grid.view, unit_grid.model
    view.setCurrentIndex(model.index(0, 0))
    for r in (0, 1):
        for c in (0, 1, 2):
            view.selectionModel().select(model.index(r, c), view.selectionModel().SelectionFlag.Select)
    qtbot.keyClick(view, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().text() == (
        "医疗器械产业总体规模\t2023年全年\t352亿元\n医疗器械产业总体规模\t2024年前三季度\t257亿元\n"
    )


def test_copied_rows_paste_back_as_valid_drafts(qtbot: QtBot, unit_grid: EntryGrid) -> None:
    view, model = unit_grid.view, unit_grid.model
    for c in range(model.columnCount()):
        view.selectionModel().select(model.index(1, c), view.selectionModel().SelectionFlag.Select)
    qtbot.keyClick(view, Qt.Key.Key_C, CTRL)
    view.setCurrentIndex(model.index(model.first_new_row, 0))
    qtbot.keyClick(view, Qt.Key.Key_V, CTRL)
    [entry] = model.draft_entries() or []
    assert (entry.target_id, entry.period.label, entry.value, entry.value_type) == (
        1,
        "2024年前三季度",
        Decimal(257),
        ValueType.PERIOD,
    )


def test_delete_key_clears_draft_cells_only(qtbot: QtBot, grid: EntryGrid) -> None:
    grid.model.paste_block("2024年3月\t10\n2024年4月\t20", 1, 0)
    grid.view.setCurrentIndex(cell(grid, 2, "value"))
    grid.view.selectionModel().select(cell(grid, 0, "value"), grid.view.selectionModel().SelectionFlag.Select)
    qtbot.keyClick(grid.view, Qt.Key.Key_Delete)
    assert cell(grid, 2, "value").data() == ""
    assert cell(grid, 0, "value").data() == "257亿元"
    assert "Saved cells are not cleared" in grid.message_label.text()


def test_delete_selected_asks_for_saved_ids_and_drops_drafts(qtbot: QtBot, unit_grid: EntryGrid) -> None:
    model, view = unit_grid.model, unit_grid.view
    draft_row = model.first_new_row
    model.paste_block("医疗器械产业总体规模\t2025年上半年\t180亿元", draft_row, 0)
    assert not unit_grid.delete_button.isEnabled()
    for row in (1, 3, draft_row):
        view.selectionModel().select(model.index(row, 1), view.selectionModel().SelectionFlag.Select)
    assert unit_grid.delete_button.isEnabled()
    expected = [model.entry_at(1).id, model.entry_at(3).id]  # type: ignore[union-attr]
    with qtbot.waitSignal(unit_grid.deleteRequested) as blocker:
        qtbot.mouseClick(unit_grid.delete_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [expected]
    assert model.rowCount() == draft_row + 1  # the draft is gone, only the empty row is left


def test_a_saved_edit_is_reemitted_by_the_widget(qtbot: QtBot, grid: EntryGrid) -> None:
    with qtbot.waitSignal(grid.entryEdited) as blocker:
        grid.model.setData(cell(grid, 0, "value"), "300亿元")
    old, new = blocker.args
    assert (old.id, new.id, new.value) == (7, 7, Decimal(300))


def test_the_bar_names_the_default_year(grid: EntryGrid) -> None:
    assert grid.message_label.text() == "Periods typed without a year count as 2024."


def test_with_a_session_that_saves_and_reloads(
    qtbot: QtBot, unit_grid: EntryGrid, demo_workspace: Workspace
) -> None:
    """What the lead's session will do: save through the Editor, reload the model, keep unsaved drafts."""
    editor, model, view = Editor(demo_workspace), unit_grid.model, unit_grid.view
    targets = [t for t in demo_workspace.targets.all() if t.responsible_unit == UNIT]

    def reload() -> None:
        model.set_targets(targets, demo_workspace.entries.all())

    unit_grid.entriesSubmitted.connect(lambda entries: (editor.add_entries(entries), reload()))
    unit_grid.entryEdited.connect(lambda old, new: (editor.update_entry(new), reload()))
    before = len(demo_workspace.entries.all())
    QApplication.clipboard().setText(
        "创新医疗器械品种\t2025年7月\t9个\n工业总产值（年内累计）\t1-7月\t1.6万亿元\n"
    )
    view.setCurrentIndex(model.index(model.first_new_row, 0))
    qtbot.keyClick(view, Qt.Key.Key_V, CTRL)
    qtbot.mouseClick(unit_grid.save_button, Qt.MouseButton.LeftButton)
    assert len(demo_workspace.entries.all()) == before + 2
    assert model.first_new_row == 11 and model.rowCount() == 12
    names = [model.index(r, 0).data() for r in range(model.first_new_row)]
    row = names.index("工业总产值（年内累计）") + 2  # sorted by period: 2024前三季度, 2025上半年, 2025年1-7月
    assert [model.index(row, c).data() for c in (1, 2)] == ["2025年1-7月", "1.6万亿元"]

    model.paste_block("创新医疗器械品种\t2025年8月\t10个", model.first_new_row, 0)  # a draft, kept below
    value = model.index(0, model.column_of("value"))
    view.setCurrentIndex(value)
    qtbot.keyClick(view, "3")
    qtbot.keyClicks(QApplication.focusWidget(), "60")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.index(0, model.column_of("value")).data() == "360")
    assert demo_workspace.entries.get(1).value == Decimal(360)
    assert view.currentIndex() == model.index(1, model.column_of("value"))  # Enter moved down; reload kept it
    assert model.index(model.first_new_row, 1).data() == "2025年8月"
