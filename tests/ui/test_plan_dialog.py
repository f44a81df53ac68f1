"""The plan dialog, typed into as a user would: dates as plans write them, problems under the field."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from app.domain.entities import Plan
from app.services.workspace import Workspace
from app.ui.form_feedback import INVALID_PROPERTY
from app.ui.plan_dialog import PlanDialog

TITLE = "北京市医疗器械产业提质升级行动计划(2024-2026年)"


def type_into(qtbot: QtBot, widget: QLineEdit, text: str) -> None:
    """Keys for ASCII; Chinese arrives as an input method's commit, as it does from a real IME."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        event = QInputMethodEvent("", [])
        event.setCommitString(text)
        QApplication.sendEvent(widget, event)


def retype(qtbot: QtBot, widget: QLineEdit, text: str) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Backspace)
    type_into(qtbot, widget, text)


def shown(qtbot: QtBot, dialog: PlanDialog) -> PlanDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def error_text(dialog: PlanDialog, widget: QLineEdit) -> str:
    label = dialog.feedback.error_label(widget)
    return label.text() if label.isVisible() else ""


@pytest.fixture
def dialog(qtbot: QtBot) -> PlanDialog:
    return shown(qtbot, PlanDialog())


def fill_valid(qtbot: QtBot, dialog: PlanDialog) -> None:
    type_into(qtbot, dialog.title_edit, TITLE)
    type_into(qtbot, dialog.issuer_edit, "北京市经济和信息化局")
    type_into(qtbot, dialog.start_edit, "2024-01-01")
    type_into(qtbot, dialog.end_edit, "2026年底")


def test_a_new_plan_typed_as_plans_write_it(qtbot: QtBot, dialog: PlanDialog) -> None:
    assert dialog.windowTitle() == "New plan"
    assert not dialog.ok_button.isEnabled()
    fill_valid(qtbot, dialog)
    assert dialog.ok_button.isEnabled()
    assert dialog.result_plan() == Plan(
        title=TITLE,
        period_start=date(2024, 1, 1),
        period_end=date(2026, 12, 31),
        issuer="北京市经济和信息化局",
    )
    assert not dialog.general_label.isVisible()


def test_end_before_start_is_shown_under_the_end_field(qtbot: QtBot, dialog: PlanDialog) -> None:
    fill_valid(qtbot, dialog)
    retype(qtbot, dialog.end_edit, "2023年底")
    assert not dialog.ok_button.isEnabled()
    assert dialog.result_plan() is None
    message = "结束日期 2023-12-31 早于开始日期 2024-01-01，请检查实施期"
    assert error_text(dialog, dialog.end_edit) == message
    assert dialog.end_edit.toolTip() == message
    assert dialog.end_edit.property(INVALID_PROPERTY) is True
    assert error_text(dialog, dialog.start_edit) == ""
    retype(qtbot, dialog.end_edit, "2026-12-31")
    assert dialog.ok_button.isEnabled()
    assert error_text(dialog, dialog.end_edit) == ""
    assert dialog.end_edit.toolTip() == ""
    assert dialog.end_edit.property(INVALID_PROPERTY) is False
    assert dialog.result_plan() is not None
    assert dialog.result_plan().period_end == date(2026, 12, 31)  # type: ignore[union-attr]


def test_a_period_problem_shows_even_while_the_title_is_missing(qtbot: QtBot, dialog: PlanDialog) -> None:
    type_into(qtbot, dialog.start_edit, "2024-01-01")
    type_into(qtbot, dialog.end_edit, "2023-06-30")
    assert "早于开始日期 2024-01-01" in error_text(dialog, dialog.end_edit)


def test_untouched_empty_fields_wait_quietly_until_edited(qtbot: QtBot, dialog: PlanDialog) -> None:
    assert error_text(dialog, dialog.title_edit) == ""
    assert dialog.general_label.isVisible()
    assert dialog.general_label.text() == "Still to fill in: Title, Start, End"
    type_into(qtbot, dialog.title_edit, "x")
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Backspace)
    assert error_text(dialog, dialog.title_edit) == "不能为空，请填写政策文件的标题"
    assert dialog.general_label.text() == "Still to fill in: Start, End"


def test_an_unreadable_date_is_explained_under_its_field(qtbot: QtBot, dialog: PlanDialog) -> None:
    fill_valid(qtbot, dialog)
    retype(qtbot, dialog.start_edit, "明年春天")
    assert not dialog.ok_button.isEnabled()
    assert "明年春天" in error_text(dialog, dialog.start_edit)
    assert error_text(dialog, dialog.end_edit) == ""


def test_editing_a_demo_plan_prefills_and_keeps_its_identity(qtbot: QtBot, demo_workspace: Workspace) -> None:
    original = demo_workspace.plans.get(1)
    dialog = shown(qtbot, PlanDialog(plan=original))
    assert dialog.windowTitle() == "Edit plan"
    assert dialog.title_edit.text() == TITLE
    assert dialog.issuer_edit.text() == "北京市经济和信息化局"
    assert (dialog.start_edit.text(), dialog.end_edit.text()) == ("2024-01-01", "2026-12-31")
    assert dialog.notes_edit.toPlainText() == original.notes
    assert dialog.ok_button.isEnabled()
    assert dialog.result_plan() == original  # nothing typed: nothing changed, not even the unseen 原文
    retype(qtbot, dialog.end_edit, "2027年底")
    edited = dialog.result_plan()
    assert edited is not None
    assert (edited.id, edited.period_end, edited.source_text) == (1, date(2027, 12, 31), original.source_text)


def test_enter_accepts_only_a_valid_plan(qtbot: QtBot, dialog: PlanDialog) -> None:
    type_into(qtbot, dialog.title_edit, "x")
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() == 0
    type_into(qtbot, dialog.start_edit, "2024-01-01")
    with qtbot.waitSignal(dialog.validity_changed) as valid:
        type_into(qtbot, dialog.end_edit, "2026年底")
    assert valid.args == [True]
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.end_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_escape_cancels(qtbot: QtBot, dialog: PlanDialog) -> None:
    fill_valid(qtbot, dialog)
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_tab_walks_the_fields_top_to_bottom(qtbot: QtBot, dialog: PlanDialog) -> None:
    dialog.activateWindow()
    dialog.title_edit.setFocus()
    qtbot.waitUntil(lambda: dialog.title_edit.hasFocus())
    seen = [dialog.title_edit]
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    expected = [
        dialog.title_edit,
        dialog.issuer_edit,
        dialog.doc_number_edit,
        dialog.start_edit,
        dialog.end_edit,
        dialog.notes_edit,
    ]
    assert seen == expected
