"""Status colours (红黄绿灯) for tables and charts; the word is always shown too, for black-and-white paper."""

from __future__ import annotations

from PySide6.QtGui import QColor

from app.domain.status import STATUS_COLOURS, Status

# The shared table (app/domain/status.py), with the "#" Qt colour names want.
STATUS_COLORS: dict[Status, tuple[str, str]] = {
    s: (f"#{bg}", f"#{fg}") for s, (bg, fg) in STATUS_COLOURS.items()
}


def status_background(status: Status) -> QColor:
    return QColor(STATUS_COLORS[status][0])


def status_foreground(status: Status) -> QColor:
    return QColor(STATUS_COLORS[status][1])
