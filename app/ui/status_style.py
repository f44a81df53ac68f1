"""Status colours (红黄绿灯) for tables and charts; the word is always shown too, for black-and-white paper."""

from __future__ import annotations

from PySide6.QtGui import QColor

from app.domain.status import Status

# Background, foreground. Muted tones so that text stays readable on screen and on a grey printer.
STATUS_COLORS: dict[Status, tuple[str, str]] = {
    Status.ACHIEVED: ("#cfe8d5", "#1b5e20"),
    Status.ON_TRACK: ("#dcefdc", "#1b5e20"),
    Status.AT_RISK: ("#ffecb3", "#7a4f00"),
    Status.OFF_TRACK: ("#f8d0cd", "#8e1b12"),
    Status.OVERDUE: ("#e9b7b3", "#6d0f08"),
    Status.NO_DATA: ("#eeeeee", "#555555"),
    Status.MONITORING: ("#e3ecf7", "#1f3f6b"),
}


def status_background(status: Status) -> QColor:
    return QColor(STATUS_COLORS[status][0])


def status_foreground(status: Status) -> QColor:
    return QColor(STATUS_COLORS[status][1])
