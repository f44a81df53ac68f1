"""Add or edit a plan (政策文件): title, issuer, number, implementation period and notes.

The dates are typed the way plans write them ("2024-01-01", "2026年底"); the text-input service reads them
and the domain rules check the period, and every problem is shown under its field while the user types.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.entities import Plan
from app.domain.errors import ValidationError
from app.domain.validation import plan_problems
from app.services.text_input import plan_from_text
from app.ui.form_feedback import (
    STYLE_SHEET,
    FormFeedback,
    ValidatingDialog,
    add_form_row,
    set_tab_order,
)

TITLE = "文件名称"  # the domain's name for the title field


class PlanDialog(ValidatingDialog):
    """A form for one plan; ``result_plan()`` is the plan it describes, or None while anything is wrong."""

    validity_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None, plan: Plan | None = None) -> None:
        super().__init__(parent)
        self._original = plan
        self._result: Plan | None = None
        self._problems: list[tuple[str, str]] = []
        self.title_edit = QLineEdit()
        self.issuer_edit = QLineEdit()
        self.doc_number_edit = QLineEdit()
        self.start_edit = QLineEdit()
        self.end_edit = QLineEdit()
        self.notes_edit = QPlainTextEdit()
        self.general_label = QLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.feedback = FormFeedback(self.general_label)
        self._build_ui()
        if plan is not None:
            self._fill(plan)
            self.feedback.touch_all()  # an existing plan: every field counts, empty or not
        self._connect_signals()
        self.revalidate()

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _build_ui(self) -> None:
        self.setWindowTitle(self.tr("Edit plan") if self._original else self.tr("New plan"))
        self.setStyleSheet(STYLE_SHEET)
        for name, widget in (
            ("titleEdit", self.title_edit),
            ("issuerEdit", self.issuer_edit),
            ("docNumberEdit", self.doc_number_edit),
            ("startEdit", self.start_edit),
            ("endEdit", self.end_edit),
            ("notesEdit", self.notes_edit),
            ("generalLabel", self.general_label),
        ):
            widget.setObjectName(name)
        self.start_edit.setPlaceholderText(self.tr("e.g. 2024-01-01"))
        self.end_edit.setPlaceholderText(self.tr("e.g. 2026-12-31 or 2026年底"))
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.ok_button.setDefault(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows: list[tuple[str, QWidget, tuple[str, ...]]] = [
            (self.tr("&Title"), self.title_edit, (TITLE,)),
            (self.tr("&Issuer"), self.issuer_edit, ("发文单位",)),
            (self.tr("Document &number"), self.doc_number_edit, ("文号",)),
            (self.tr("&Start"), self.start_edit, ("开始日期",)),
            (self.tr("&End"), self.end_edit, ("结束日期", "实施期")),
            (self.tr("N&otes"), self.notes_edit, ("备注",)),
        ]
        for caption, editor, names in rows:
            add_form_row(form, caption, self.feedback.field_row(editor, names, caption), editor)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)  # room left after errors clear stays above the buttons, not between fields
        layout.addWidget(self.general_label)
        layout.addWidget(self.buttons)
        set_tab_order([editor for _, editor, _ in rows])
        self.resize(520, self.sizeHint().height())

    def _fill(self, plan: Plan) -> None:
        self.title_edit.setText(plan.title)
        self.issuer_edit.setText(plan.issuer)
        self.doc_number_edit.setText(plan.doc_number)
        self.start_edit.setText(plan.period_start.isoformat())
        self.end_edit.setText(plan.period_end.isoformat())
        self.notes_edit.setPlainText(plan.notes)

    def _connect_signals(self) -> None:
        for edit in (self.title_edit, self.issuer_edit, self.doc_number_edit, self.start_edit, self.end_edit):
            edit.textChanged.connect(self.on_field_edited)
        self.notes_edit.textChanged.connect(self.on_field_edited)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def on_field_edited(self) -> None:
        sender = self.sender()
        if isinstance(sender, QWidget):
            self.feedback.touch(sender)
        self.revalidate()

    def revalidate(self) -> None:
        """Read every field again, show what is wrong where it is wrong, and allow OK only when nothing is."""
        was_valid = self._result is not None
        self._result, self._problems = self._build()
        self.feedback.show(self._problems)
        self.ok_button.setEnabled(self._result is not None)
        if was_valid != (self._result is not None):
            self.validity_changed.emit(self._result is not None)

    def _read(self, title: str) -> Plan:
        return plan_from_text(
            title,
            self.start_edit.text(),
            self.end_edit.text(),
            issuer=self.issuer_edit.text(),
            doc_number=self.doc_number_edit.text(),
            notes=self.notes_edit.toPlainText(),
        )

    def _build(self) -> tuple[Plan | None, list[tuple[str, str]]]:
        try:
            plan = self._read(self.title_edit.text())
        except ValidationError as exc:
            problems = list(exc.problems)
            if {field for field, _ in problems} == {TITLE}:
                # Only the title is missing: still check the period, so both problems show at once.
                problems += [p for p in plan_problems(self._read(TITLE)) if p[0] != TITLE]
            return None, problems
        if self._original is not None:  # keep the id and what this form does not show (发文日期, 原文)
            plan = dataclasses.replace(
                self._original,
                title=plan.title,
                period_start=plan.period_start,
                period_end=plan.period_end,
                issuer=plan.issuer,
                doc_number=plan.doc_number,
                notes=plan.notes,
            )
        problems = plan_problems(plan)
        return (None if problems else plan), problems

    def problems(self) -> list[tuple[str, str]]:
        """Every (field, message) found in the last check, including those not shown yet."""
        return list(self._problems)

    def result_plan(self) -> Plan | None:
        return self._result
