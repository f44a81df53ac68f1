"""Validation problems shown where the user is looking: under the field they name, as they type.

The domain reports problems as (field, message) pairs with Chinese field names ("目标值", "截止时间"); a form
registers which widget each name belongs to, and this helper puts every message under its widget, marks the
widget with a red border and a tooltip, and sends anything it cannot place to one general label.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

Problems = Sequence[tuple[str, str]]

ERROR_COLOR = "#c62828"
HINT_COLOR = "#555555"
INVALID_PROPERTY = "invalid"

# Put on the dialog: only widgets flagged invalid (and our labels) get a rule, so the rest keep the native look.
STYLE_SHEET = f"""
QLineEdit[invalid="true"], QComboBox[invalid="true"], QPlainTextEdit[invalid="true"] {{
    border: 1px solid {ERROR_COLOR};
    border-radius: 2px;
    padding: 1px 2px;
}}
QLabel[feedback="error"] {{ color: {ERROR_COLOR}; }}
QLabel[feedback="hint"] {{ color: {HINT_COLOR}; }}
"""


def widget_text(widget: QWidget) -> str:
    """What the user has typed or chosen, for any of the editors the forms use."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    return ""


def _restyle(widget: QWidget, name: str, value: object) -> None:
    """Dynamic properties only take effect in a style sheet after the widget is polished again."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def add_form_row(form: QFormLayout, caption: str, row: QWidget, buddy: QWidget) -> QLabel:
    """A caption that stays level with its editor when an error label opens up underneath it."""
    label = QLabel(caption)
    label.setBuddy(buddy)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    # A multi-line editor's caption lines up with its first line, i.e. with a one-line editor.
    level_with = QLineEdit() if isinstance(buddy, QPlainTextEdit) else buddy
    label.setFixedHeight(level_with.sizeHint().height())
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    form.addRow(label, row)
    return label


def grow_to_fit(window: QWidget) -> None:
    """Make room for error labels that just opened; a wrapped label's height depends on the width, which
    a layout's minimum size does not account for. Never shrinks, so a window the user enlarged stays so."""
    needed = window.heightForWidth(window.width())
    if needed > window.height():
        window.resize(window.width(), needed)


def set_tab_order(widgets: Sequence[QWidget]) -> None:
    """Tab walks the fields top to bottom, whatever order they were created in."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)


@dataclass
class _Field:
    widget: QWidget
    error: QLabel
    caption: str
    touched: bool = False


class FormFeedback:
    """Maps domain field names to widgets and shows each problem beside the widget it concerns.

    A field the user has not reached yet is not scolded for being empty: its "不能为空" waits (the OK button is
    still off) and the general label lists it under "Still to fill in" instead.
    """

    def __init__(self, general: QLabel) -> None:
        self.general = general
        general.setWordWrap(True)
        general.setTextFormat(Qt.TextFormat.PlainText)
        general.hide()
        self._fields: list[_Field] = []
        self._by_name: dict[str, _Field] = {}

    def field_row(self, widget: QWidget, names: Iterable[str], caption: str) -> QWidget:
        """A container with ``widget`` above its (hidden) error label, to put in the form's field column."""
        error = QLabel()
        error.setObjectName(f"{widget.objectName()}Error")
        error.setProperty("feedback", "error")
        error.setWordWrap(True)
        error.setTextFormat(Qt.TextFormat.PlainText)
        error.hide()
        entry = _Field(widget, error, re.sub(r"\(&\w\)|&", "", caption).strip())
        self._fields.append(entry)
        for name in names:
            self._by_name[name] = entry
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(error)
        return box

    def error_label(self, widget: QWidget) -> QLabel:
        return self._field_of(widget).error

    def touch(self, widget: QWidget | None) -> None:
        """Remember that the user edited ``widget``: from now on an empty value there is an error too."""
        for entry in self._fields:
            if widget is not None and (entry.widget is widget or entry.widget.isAncestorOf(widget)):
                entry.touched = True

    def touch_all(self) -> None:
        for entry in self._fields:
            entry.touched = True

    def show(self, problems: Problems) -> None:
        """Show ``problems`` (all of them, every time: fields without a problem are cleared)."""
        messages: dict[int, list[str]] = {}
        general: list[str] = []
        waiting: set[int] = set()
        for name, message in problems:
            entry = self._by_name.get(name)
            if entry is None:
                general.append(f"{name}：{message}" if name else message)
            elif not entry.touched and not widget_text(entry.widget).strip():
                waiting.add(id(entry))
            else:
                messages.setdefault(id(entry), []).append(message)
        for entry in self._fields:
            shown = messages.get(id(entry), [])
            text = "\n".join(dict.fromkeys(shown))
            entry.error.setText(text)
            entry.error.setVisible(bool(text))
            entry.widget.setToolTip(text)
            _restyle(entry.widget, INVALID_PROPERTY, bool(text))
        self._show_general(general, [f.caption for f in self._fields if id(f) in waiting])

    def _show_general(self, general: list[str], waiting: list[str]) -> None:
        if general:
            _restyle(self.general, "feedback", "error")
            self.general.setText("\n".join(general))
        elif waiting:
            _restyle(self.general, "feedback", "hint")
            self.general.setText(
                QCoreApplication.translate("FormFeedback", "Still to fill in: {fields}").format(
                    fields=QCoreApplication.translate("FormFeedback", ", ").join(waiting)
                )
            )
        else:
            self.general.setText("")
        self.general.setVisible(bool(general or waiting))

    def _field_of(self, widget: QWidget) -> _Field:
        for entry in self._fields:
            if entry.widget is widget:
                return entry
        raise KeyError(widget.objectName())


class ValidatingDialog(QDialog):
    """A dialog whose result is built and checked as the user types; OK only accepts a valid result."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._result: object | None = None

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            grow_to_fit(self)  # an error label opened or grew: the layout is up to date only now
        return handled

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        grow_to_fit(self)  # sizes measured before the first show can be short of the real ones

    def accept(self) -> None:
        if self._result is not None:  # Enter on a disabled OK must not slip through
            super().accept()
