"""Add or edit a target (目标/指标) of a plan, checked as the user types.

Figures and dates are typed as plans write them ("500亿元", "1.35万亿", "到2026年"). The text-input service reads
every field, the domain rules then check how the fields fit together (deadline after the baseline, a comparator
that matches the direction, a baseline for levels), and each problem appears under the field it names.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.entities import Comparator, Plan, Target, TargetKind
from app.domain.errors import UnitError, ValidationError
from app.domain.numbers import format_decimal
from app.domain.units import compatible, parse_unit
from app.domain.validation import target_problems
from app.services.text_input import TargetText, target_from_text
from app.ui.form_feedback import (
    STYLE_SHEET,
    FormFeedback,
    ValidatingDialog,
    add_form_row,
    set_tab_order,
)
from app.ui.labels import comparator_text, kind_text

Problems = list[tuple[str, str]]

COMMON_UNITS = ("亿元", "万元", "家", "个", "项", "%", "平方公里", "P")
NAME, PLAN, UNIT = "指标名称", "政策文件", "单位"  # the domain's names for these fields


def _combo(editable: bool, items: Sequence[str] = ()) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(editable)
    if editable:
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # typing a unit must not grow the list
    combo.addItems(list(items))
    return combo


class TargetDialog(ValidatingDialog):
    """A form for one target; ``result_target()`` is the target it describes, or None while anything is wrong."""

    validity_changed = Signal(bool)

    def __init__(
        self,
        plans: list[Plan],
        parent: QWidget | None = None,
        target: Target | None = None,
        plan_id: int | None = None,
        units: list[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._plans = list(plans)
        self._original = target
        self._result: Target | None = None
        self._problems: Problems = []
        self.plan_combo = _combo(False)
        self.name_edit = QLineEdit()
        self.category_edit = QLineEdit()
        self.kind_combo = _combo(False)
        self.unit_combo = _combo(True, COMMON_UNITS)
        self.comparator_combo = _combo(False)
        self.target_value_edit = QLineEdit()
        self.deadline_edit = QLineEdit()
        self.baseline_value_edit = QLineEdit()
        self.baseline_date_edit = QLineEdit()
        self.responsible_combo = _combo(True, sorted({u.strip() for u in units or [] if u.strip()}))
        self.quote_edit = QPlainTextEdit()
        self.notes_edit = QPlainTextEdit()
        self.general_label = QLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.feedback = FormFeedback(self.general_label)
        self._build_ui()
        self._fill(target, target.plan_id if target is not None else plan_id)
        self.feedback.touch(self.plan_combo)  # never "still to fill in": no plan means none to choose
        if target is not None:
            self.feedback.touch_all()  # an existing target: every field counts, empty or not
        self._connect_signals()
        self._apply_kind()
        self.revalidate()

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _build_ui(self) -> None:
        self.setWindowTitle(self.tr("Edit target") if self._original else self.tr("New target"))
        self.setStyleSheet(STYLE_SHEET)
        for plan in self._plans:
            self.plan_combo.addItem(plan.title, plan.id)
        for kind in TargetKind:
            self.kind_combo.addItem(kind_text(kind), kind)
        for comparator in Comparator:
            self.comparator_combo.addItem(comparator_text(comparator), comparator)
        self.target_value_edit.setPlaceholderText(self.tr("e.g. 500, 500亿元 or 1.35万亿"))
        self.deadline_edit.setPlaceholderText(self.tr("e.g. 2026-12-31 or 到2026年"))
        self.baseline_value_edit.setPlaceholderText(self.tr("e.g. 352 (empty: 0 for counts)"))
        self.baseline_date_edit.setPlaceholderText(
            self.tr("e.g. 2023-12-31 (empty: the day before the plan starts)")
        )
        for edit in (self.quote_edit, self.notes_edit):
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.ok_button.setDefault(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows: list[tuple[str, QWidget, tuple[str, ...], str]] = [
            (self.tr("&Plan"), self.plan_combo, (PLAN,), "planCombo"),
            (self.tr("&Target name"), self.name_edit, (NAME,), "nameEdit"),
            (self.tr("Cate&gory"), self.category_edit, ("维度",), "categoryEdit"),
            (self.tr("&Kind"), self.kind_combo, ("类型",), "kindCombo"),
            (self.tr("&Unit"), self.unit_combo, (UNIT,), "unitCombo"),
            (self.tr("&Comparator"), self.comparator_combo, ("比较方式",), "comparatorCombo"),
            (self.tr("Target &value"), self.target_value_edit, ("目标值",), "targetValueEdit"),
            (self.tr("&Deadline"), self.deadline_edit, ("截止时间",), "deadlineEdit"),
            (self.tr("&Baseline value"), self.baseline_value_edit, ("基期值",), "baselineValueEdit"),
            (self.tr("Baseline d&ate"), self.baseline_date_edit, ("基期日期",), "baselineDateEdit"),
            (self.tr("&Responsible unit"), self.responsible_combo, ("责任单位",), "responsibleCombo"),
            (self.tr("&Source quote"), self.quote_edit, ("原文摘录",), "quoteEdit"),
            (self.tr("N&otes"), self.notes_edit, ("备注",), "notesEdit"),
        ]
        for caption, widget, names, object_name in rows:
            widget.setObjectName(object_name)
            add_form_row(form, caption, self.feedback.field_row(widget, names, caption), widget)
        self.general_label.setObjectName("generalLabel")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)  # room left after errors clear stays above the buttons, not between fields
        layout.addWidget(self.general_label)
        layout.addWidget(self.buttons)
        set_tab_order([widget for _, widget, _, _ in rows])
        self.resize(620, self.sizeHint().height())

    def _fill(self, target: Target | None, plan_id: int | None) -> None:
        """Show an existing target (or only its plan, for a new one); signals are not connected yet."""
        index = self.plan_combo.findData(plan_id) if plan_id is not None else -1
        self.plan_combo.setCurrentIndex(max(index, 0) if self._plans else -1)
        self.unit_combo.setEditText("")
        self.responsible_combo.setEditText("")
        if target is None:
            return
        self.name_edit.setText(target.name)
        self.category_edit.setText(target.category)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(target.kind))
        self.unit_combo.setEditText(target.unit)
        self.comparator_combo.setCurrentIndex(self.comparator_combo.findData(target.comparator))
        self.target_value_edit.setText(_number(target.target_value))
        self.deadline_edit.setText(target.deadline.isoformat() if target.deadline else "")
        self.baseline_value_edit.setText(_number(target.baseline_value))
        self.baseline_date_edit.setText(target.baseline_date.isoformat() if target.baseline_date else "")
        self.responsible_combo.setEditText(target.responsible_unit)
        self.quote_edit.setPlainText(target.source_quote)
        self.notes_edit.setPlainText(target.notes)

    def _connect_signals(self) -> None:
        for edit in (
            self.name_edit,
            self.category_edit,
            self.target_value_edit,
            self.deadline_edit,
            self.baseline_value_edit,
            self.baseline_date_edit,
        ):
            edit.textChanged.connect(self.on_field_edited)
        for combo in (self.plan_combo, self.comparator_combo):
            combo.currentIndexChanged.connect(self.on_field_edited)
        for combo in (self.unit_combo, self.responsible_combo):
            combo.editTextChanged.connect(self.on_field_edited)
        for plain in (self.quote_edit, self.notes_edit):
            plain.textChanged.connect(self.on_field_edited)
        self.kind_combo.currentIndexChanged.connect(self.on_kind_changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def on_field_edited(self) -> None:
        sender = self.sender()
        if isinstance(sender, QWidget):
            self.feedback.touch(sender)
        self.revalidate()

    def on_kind_changed(self) -> None:
        """A milestone is 0–100 % done, so it starts as "100" in "%"; a monitoring indicator has no goal."""
        kind = self.kind()
        if kind is TargetKind.MILESTONE:
            unit = self.unit_combo.currentText().strip()
            if not unit or not compatible(unit, "%"):
                self.unit_combo.setEditText("%")
            if not self.target_value_edit.text().strip():
                self.target_value_edit.setText("100")
        self._apply_kind()
        self.revalidate()

    def _apply_kind(self) -> None:
        has_goal = self.kind() is not TargetKind.MONITORING
        for widget in (self.comparator_combo, self.target_value_edit, self.deadline_edit):
            widget.setEnabled(has_goal)

    def kind(self) -> TargetKind:
        # Qt hands a str-based enum back as its plain value ("level"), hence the conversion.
        return TargetKind(self.kind_combo.currentData() or TargetKind.CUMULATIVE)

    def comparator(self) -> Comparator:
        return Comparator(self.comparator_combo.currentData() or Comparator.GE)

    def plan(self) -> Plan | None:
        plan_id = self.plan_combo.currentData()
        return next((p for p in self._plans if p.id == plan_id), None)

    def revalidate(self) -> None:
        """Read every field again, show what is wrong where it is wrong, and allow OK only when nothing is."""
        was_valid = self._result is not None
        self._result, self._problems = self._build()
        self.feedback.show(self._problems)
        self.ok_button.setEnabled(self._result is not None)
        if was_valid != (self._result is not None):
            self.validity_changed.emit(self._result is not None)

    def _text(self, name: str) -> TargetText:
        has_goal = self.kind() is not TargetKind.MONITORING
        return TargetText(
            name=name,
            kind=self.kind().value,
            unit=self.unit_combo.currentText(),
            target_value=self.target_value_edit.text() if has_goal else "",
            deadline=self.deadline_edit.text() if has_goal else "",
            comparator=self.comparator().value if has_goal else Comparator.GE.value,
            baseline_value=self.baseline_value_edit.text(),
            baseline_date=self.baseline_date_edit.text(),
            category=self.category_edit.text(),
            responsible_unit=self.responsible_combo.currentText(),
            source_quote=self.quote_edit.toPlainText(),
            notes=self.notes_edit.toPlainText(),
        )

    def _build(self) -> tuple[Target | None, Problems]:
        plan = self.plan()
        problems: Problems = []
        if plan is None or plan.id is None:
            problems.append((PLAN, self.tr("Choose the plan this target belongs to")))
        unit_problem = _unit_problem(self.unit_combo.currentText())
        if unit_problem:
            problems.append(unit_problem)
        plan_id = plan.id if plan is not None and plan.id is not None else 0
        try:
            target: Target | None = target_from_text(plan_id, self._text(self.name_edit.text()))
        except ValidationError as exc:
            target = None
            # An unreadable unit also fails the amounts typed in it: say so once, under 单位.
            problems += [p for p in exc.problems if not unit_problem or p[1] != unit_problem[1]]
            if {field for field, _ in exc.problems} == {NAME}:
                # Only the name is missing: still check how the other fields fit together.
                target = target_from_text(plan_id, self._text(NAME))
        if target is not None and plan is not None:
            problems += target_problems(target, plan)
        problems = list(dict.fromkeys(problems))
        if problems or target is None:
            return None, problems
        if self._original is not None:  # keep the id and what this form does not show (联系人)
            target = dataclasses.replace(target, id=self._original.id, contact=self._original.contact)
        return target, problems

    def problems(self) -> Problems:
        """Every (field, message) found in the last check, including those not shown yet."""
        return list(self._problems)

    def result_target(self) -> Target | None:
        return self._result


def _number(value: Decimal | None) -> str:
    return "" if value is None else format_decimal(value)


def _unit_problem(unit: str) -> tuple[str, str] | None:
    try:
        parse_unit(unit, field=UNIT)
    except UnitError as exc:
        return (UNIT, exc.message)
    return None
