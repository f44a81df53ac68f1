"""The target dialog on the demo's 医疗器械 plan, typed into as a user would, problems under the field."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QWidget
from pytestqt.qtbot import QtBot

from app.domain.entities import Comparator, Plan, Target, TargetKind
from app.services.workspace import Workspace
from app.ui.form_feedback import INVALID_PROPERTY
from app.ui.target_dialog import COMMON_UNITS, TargetDialog

MEDICAL_PLAN_ID = 1
SCALE_TARGET_ID = 1  # 医疗器械产业总体规模: 500亿元, >, 到2026年, baseline 352 at 2023-12-31


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Keys for ASCII; Chinese arrives as an input method's commit, as it does from a real IME."""
    if isinstance(widget, QComboBox):
        widget = widget.lineEdit()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        event = QInputMethodEvent("", [])
        event.setCommitString(text)
        QApplication.sendEvent(widget, event)


def retype(qtbot: QtBot, widget: QWidget, text: str) -> None:
    target = widget.lineEdit() if isinstance(widget, QComboBox) else widget
    qtbot.keyClick(target, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(target, Qt.Key.Key_Backspace)
    type_into(qtbot, target, text)


def choose(qtbot: QtBot, combo: QComboBox, data: object) -> None:
    """Arrow keys through a closed combo box until the wanted entry shows, as a keyboard user does."""
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == data:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == data, f"{data!r} is not offered"


def error_text(dialog: TargetDialog, widget: QWidget) -> str:
    label = dialog.feedback.error_label(widget)
    return label.text() if label.isVisible() else ""


@pytest.fixture
def plans(demo_workspace: Workspace) -> list[Plan]:
    return demo_workspace.plans.all()


@pytest.fixture
def responsible_units(demo_workspace: Workspace) -> list[str]:
    return [t.responsible_unit for t in demo_workspace.targets.all()]


def open_dialog(qtbot: QtBot, dialog: TargetDialog) -> TargetDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.fixture
def dialog(qtbot: QtBot, plans: list[Plan], responsible_units: list[str]) -> TargetDialog:
    return open_dialog(qtbot, TargetDialog(plans, plan_id=MEDICAL_PLAN_ID, units=responsible_units))


def fill_scale_target(qtbot: QtBot, dialog: TargetDialog) -> None:
    type_into(qtbot, dialog.name_edit, "医疗器械产业总体规模")
    type_into(qtbot, dialog.category_edit, "产业规模")
    choose(qtbot, dialog.kind_combo, TargetKind.LEVEL)
    type_into(qtbot, dialog.unit_combo, "亿元")
    choose(qtbot, dialog.comparator_combo, Comparator.GT)
    type_into(qtbot, dialog.target_value_edit, "500亿元")
    type_into(qtbot, dialog.deadline_edit, "到2026年")
    type_into(qtbot, dialog.baseline_value_edit, "352")
    type_into(qtbot, dialog.responsible_combo, "市经济和信息化局经济运行处")


@pytest.fixture
def filled(qtbot: QtBot, dialog: TargetDialog) -> TargetDialog:
    fill_scale_target(qtbot, dialog)
    assert dialog.ok_button.isEnabled(), dialog.problems()
    return dialog


def test_a_new_scale_target_for_the_medical_plan(qtbot: QtBot, dialog: TargetDialog) -> None:
    assert dialog.windowTitle() == "New target"
    assert dialog.plan_combo.currentText() == "北京市医疗器械产业提质升级行动计划(2024-2026年)"
    assert not dialog.ok_button.isEnabled()
    fill_scale_target(qtbot, dialog)
    assert dialog.ok_button.isEnabled()
    assert dialog.result_target() == Target(
        plan_id=MEDICAL_PLAN_ID,
        name="医疗器械产业总体规模",
        kind=TargetKind.LEVEL,
        unit="亿元",
        comparator=Comparator.GT,
        target_value=Decimal("500"),
        deadline=date(2026, 12, 31),
        baseline_value=Decimal("352"),
        category="产业规模",
        responsible_unit="市经济和信息化局经济运行处",
    )
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.baseline_value_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_the_choices_offered(dialog: TargetDialog, responsible_units: list[str]) -> None:
    assert dialog.kind_combo.itemText(dialog.kind_combo.findData(TargetKind.LEVEL)) == "Level / scale"
    assert dialog.comparator_combo.itemText(dialog.comparator_combo.findData(Comparator.GT)) == "> more than"
    assert [dialog.unit_combo.itemText(i) for i in range(dialog.unit_combo.count())] == list(COMMON_UNITS)
    offered = [dialog.responsible_combo.itemText(i) for i in range(dialog.responsible_combo.count())]
    assert offered == sorted(set(responsible_units))
    assert "市经济和信息化局数字产业处" in offered


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("5百万亿美圆", "“5百万亿美圆”中的单位“百万亿美圆”无法识别"),
        ("abc", "“abc”不是有效的数字"),
        ("500家", "单位“家”与目标单位“亿元”不一致，无法换算"),
    ],
)
def test_an_unusable_target_value_is_explained_under_it(
    qtbot: QtBot, filled: TargetDialog, typed: str, expected: str
) -> None:
    retype(qtbot, filled.target_value_edit, typed)
    message = error_text(filled, filled.target_value_edit)
    assert message.startswith(expected)
    assert filled.target_value_edit.toolTip() == message
    assert filled.target_value_edit.property(INVALID_PROPERTY) is True
    assert not filled.ok_button.isEnabled()
    assert filled.result_target() is None
    assert error_text(filled, filled.unit_combo) == ""  # the unit itself is fine


def test_a_value_in_a_bigger_magnitude_is_converted(qtbot: QtBot, filled: TargetDialog) -> None:
    retype(qtbot, filled.target_value_edit, "1.35万亿")
    assert filled.result_target().target_value == Decimal("13500")  # type: ignore[union-attr]


def test_an_unknown_unit_is_reported_once_under_the_unit(qtbot: QtBot, filled: TargetDialog) -> None:
    retype(qtbot, filled.unit_combo, "xyz")
    assert error_text(filled, filled.unit_combo).startswith("“xyz”不是可识别的单位")
    assert error_text(filled, filled.target_value_edit) == ""
    assert error_text(filled, filled.baseline_value_edit) == ""
    assert not filled.ok_button.isEnabled()


def test_a_deadline_before_the_baseline(qtbot: QtBot, filled: TargetDialog) -> None:
    retype(qtbot, filled.deadline_edit, "2023-06-30")
    message = error_text(filled, filled.deadline_edit)
    assert "基期" in message
    assert message.startswith("截止时间 2023-06-30 不晚于基期 2023-12-31")  # the day before the plan starts
    assert not filled.ok_button.isEnabled()
    retype(qtbot, filled.deadline_edit, "2026年底")
    assert error_text(filled, filled.deadline_edit) == ""
    assert filled.ok_button.isEnabled()


def test_a_comparator_against_the_direction_of_the_numbers(qtbot: QtBot, filled: TargetDialog) -> None:
    choose(qtbot, filled.comparator_combo, Comparator.GE)
    retype(qtbot, filled.baseline_value_edit, "100")
    retype(qtbot, filled.target_value_edit, "80")
    message = "目标值 80 低于基期值 100，是下降目标，比较方式应为“≤”或“<”"
    assert error_text(filled, filled.comparator_combo) == message
    assert filled.comparator_combo.property(INVALID_PROPERTY) is True
    assert error_text(filled, filled.target_value_edit) == ""
    assert not filled.ok_button.isEnabled()
    choose(qtbot, filled.comparator_combo, Comparator.LE)
    assert error_text(filled, filled.comparator_combo) == ""
    assert filled.ok_button.isEnabled()
    assert filled.result_target().comparator is Comparator.LE  # type: ignore[union-attr]


def test_a_level_needs_a_baseline(qtbot: QtBot, filled: TargetDialog) -> None:
    retype(qtbot, filled.baseline_value_edit, "")
    assert error_text(filled, filled.baseline_value_edit).startswith("规模类指标必须填写基期值")
    assert not filled.ok_button.isEnabled()


def test_a_monitoring_indicator_needs_no_goal(qtbot: QtBot, dialog: TargetDialog) -> None:
    type_into(qtbot, dialog.name_edit, "备案上线大模型")
    type_into(qtbot, dialog.unit_combo, "款")
    assert not dialog.ok_button.isEnabled()
    choose(qtbot, dialog.kind_combo, TargetKind.MONITORING)
    for widget in (dialog.target_value_edit, dialog.deadline_edit, dialog.comparator_combo):
        assert not widget.isEnabled()
    assert dialog.ok_button.isEnabled(), dialog.problems()
    result = dialog.result_target()
    assert result is not None
    assert (result.kind, result.target_value, result.deadline) == (TargetKind.MONITORING, None, None)
    choose(qtbot, dialog.kind_combo, TargetKind.CUMULATIVE)
    assert dialog.target_value_edit.isEnabled() and dialog.deadline_edit.isEnabled()
    assert not dialog.ok_button.isEnabled()


def test_a_milestone_starts_at_100_percent(qtbot: QtBot, dialog: TargetDialog) -> None:
    type_into(qtbot, dialog.name_edit, "示范区3.0建成")
    choose(qtbot, dialog.kind_combo, TargetKind.MILESTONE)
    assert (dialog.unit_combo.currentText(), dialog.target_value_edit.text()) == ("%", "100")
    type_into(qtbot, dialog.deadline_edit, "2025年底")
    result = dialog.result_target()
    assert result is not None
    assert (result.unit, result.target_value, result.deadline) == ("%", Decimal(100), date(2025, 12, 31))


def test_untouched_empty_fields_wait_quietly(qtbot: QtBot, dialog: TargetDialog) -> None:
    assert all(error_text(dialog, w) == "" for w in (dialog.name_edit, dialog.target_value_edit))
    assert dialog.general_label.text() == "Still to fill in: Target name, Target value, Deadline"
    type_into(qtbot, dialog.name_edit, "x")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Backspace)
    assert error_text(dialog, dialog.name_edit) == "不能为空"


def test_editing_a_demo_target_prefills_every_field(
    qtbot: QtBot, demo_workspace: Workspace, plans: list[Plan], responsible_units: list[str]
) -> None:
    original = demo_workspace.targets.get(SCALE_TARGET_ID)
    dialog = open_dialog(qtbot, TargetDialog(plans, target=original, units=responsible_units))
    assert dialog.windowTitle() == "Edit target"
    assert dialog.plan_combo.currentData() == MEDICAL_PLAN_ID
    assert dialog.name_edit.text() == "医疗器械产业总体规模"
    assert dialog.kind_combo.currentText() == "Level / scale"
    assert dialog.unit_combo.currentText() == "亿元"
    assert dialog.comparator_combo.currentText() == "> more than"
    assert (dialog.target_value_edit.text(), dialog.deadline_edit.text()) == ("500", "2026-12-31")
    assert (dialog.baseline_value_edit.text(), dialog.baseline_date_edit.text()) == ("352", "2023-12-31")
    assert dialog.responsible_combo.currentText() == "市经济和信息化局经济运行处"
    assert dialog.quote_edit.toPlainText() == "到2026年总体规模突破500亿元"
    assert dialog.ok_button.isEnabled()
    assert dialog.result_target() == original  # every field survives the round trip, id included
    retype(qtbot, dialog.target_value_edit, "600")
    edited = dialog.result_target()
    assert edited is not None
    assert (edited.id, edited.target_value, edited.notes) == (SCALE_TARGET_ID, Decimal(600), original.notes)


def test_moving_a_target_to_another_plan(qtbot: QtBot, filled: TargetDialog) -> None:
    choose(qtbot, filled.plan_combo, 2)
    assert filled.result_target().plan_id == 2  # type: ignore[union-attr]


def test_escape_cancels_and_enter_does_nothing_while_invalid(qtbot: QtBot, filled: TargetDialog) -> None:
    retype(qtbot, filled.target_value_edit, "abc")
    qtbot.keyClick(filled.target_value_edit, Qt.Key.Key_Return)
    assert filled.isVisible()
    with qtbot.waitSignal(filled.rejected):
        qtbot.keyClick(filled.target_value_edit, Qt.Key.Key_Escape)


def test_tab_walks_the_fields_top_to_bottom(qtbot: QtBot, dialog: TargetDialog) -> None:
    expected: list[QWidget] = [
        dialog.plan_combo,
        dialog.name_edit,
        dialog.category_edit,
        dialog.kind_combo,
        dialog.unit_combo,
        dialog.comparator_combo,
        dialog.target_value_edit,
        dialog.deadline_edit,
        dialog.baseline_value_edit,
        dialog.baseline_date_edit,
        dialog.responsible_combo,
        dialog.quote_edit,
        dialog.notes_edit,
    ]
    dialog.activateWindow()
    dialog.plan_combo.setFocus()
    qtbot.waitUntil(dialog.plan_combo.hasFocus)
    seen: list[QWidget] = [dialog.plan_combo]
    for _ in expected[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        seen.append(focused.parentWidget() if isinstance(focused.parentWidget(), QComboBox) else focused)
    assert seen == expected


def _rect_in(dialog: QWidget, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(dialog, widget.rect().topLeft()), widget.size())


def test_error_labels_make_room_instead_of_overlapping(
    qtbot: QtBot, demo_workspace: Workspace, plans: list[Plan]
) -> None:
    dialog = open_dialog(qtbot, TargetDialog(plans, target=demo_workspace.targets.get(SCALE_TARGET_ID)))
    retype(qtbot, dialog.target_value_edit, "5百万亿美圆")  # the longest message: the list of known units
    retype(qtbot, dialog.name_edit, "")
    QApplication.processEvents()
    label = dialog.feedback.error_label(dialog.target_value_edit)
    assert label.isVisible()
    boxes = [_rect_in(dialog, w) for w in (dialog.target_value_edit, label, dialog.deadline_edit)]
    assert boxes[0].bottom() < boxes[1].top() and boxes[1].bottom() < boxes[2].top()
    assert label.height() >= label.heightForWidth(label.width())  # no line cut off
    notes, ok = _rect_in(dialog, dialog.notes_edit), _rect_in(dialog, dialog.ok_button)
    assert notes.bottom() < ok.top() and ok.bottom() <= dialog.height()
    assert not dialog.grab().isNull()


def test_no_plans_to_choose_from(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot, TargetDialog([]))
    assert error_text(dialog, dialog.plan_combo) == "Choose the plan this target belongs to"
    assert not dialog.ok_button.isEnabled()
