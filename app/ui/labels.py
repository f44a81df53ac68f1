"""Translatable names for domain values (status, target kind, value type, comparator) in the window.

The domain keeps Chinese labels for reports and the CLI; the window shows these, through Qt Linguist, so an
English interface says "Off track" where the Chinese one says 滞后.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain.entities import Comparator, TargetKind, ValueType
from app.domain.status import Status

_CONTEXT = "Labels"

STATUS_TEXT = {
    Status.ACHIEVED: QT_TRANSLATE_NOOP("Labels", "Achieved"),
    Status.ON_TRACK: QT_TRANSLATE_NOOP("Labels", "On track"),
    Status.AT_RISK: QT_TRANSLATE_NOOP("Labels", "At risk"),
    Status.OFF_TRACK: QT_TRANSLATE_NOOP("Labels", "Off track"),
    Status.OVERDUE: QT_TRANSLATE_NOOP("Labels", "Overdue"),
    Status.NO_DATA: QT_TRANSLATE_NOOP("Labels", "No data"),
    Status.MONITORING: QT_TRANSLATE_NOOP("Labels", "Monitoring"),
}
KIND_TEXT = {
    TargetKind.CUMULATIVE: QT_TRANSLATE_NOOP("Labels", "Cumulative count"),
    TargetKind.LEVEL: QT_TRANSLATE_NOOP("Labels", "Level / scale"),
    TargetKind.FLOW: QT_TRANSLATE_NOOP("Labels", "Yearly flow"),
    TargetKind.RATE: QT_TRANSLATE_NOOP("Labels", "Rate / share"),
    TargetKind.MILESTONE: QT_TRANSLATE_NOOP("Labels", "Milestone"),
    TargetKind.MONITORING: QT_TRANSLATE_NOOP("Labels", "Monitoring indicator"),
}
VALUE_TYPE_TEXT = {
    ValueType.CUMULATIVE: QT_TRANSLATE_NOOP("Labels", "Running total"),
    ValueType.PERIOD: QT_TRANSLATE_NOOP("Labels", "Amount in period"),
    ValueType.RATE: QT_TRANSLATE_NOOP("Labels", "Rate"),
}
COMPARATOR_TEXT = {
    Comparator.GE: QT_TRANSLATE_NOOP("Labels", "≥ at least"),
    Comparator.GT: QT_TRANSLATE_NOOP("Labels", "> more than"),
    Comparator.LE: QT_TRANSLATE_NOOP("Labels", "≤ at most"),
    Comparator.LT: QT_TRANSLATE_NOOP("Labels", "< less than"),
    Comparator.EQ: QT_TRANSLATE_NOOP("Labels", "= exactly"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def status_text(status: Status) -> str:
    return _tr(STATUS_TEXT[status])


def kind_text(kind: TargetKind) -> str:
    return _tr(KIND_TEXT[kind])


def value_type_text(value_type: ValueType) -> str:
    return _tr(VALUE_TYPE_TEXT[value_type])


def comparator_text(comparator: Comparator) -> str:
    return _tr(COMPARATOR_TEXT[comparator])
