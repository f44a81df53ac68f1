"""Fonts that show Chinese: an explicit family list, or Qt may pick a Japanese face (or boxes) for Hanzi."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

CJK_FAMILIES = ["Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "SimSun"]


def cjk_font(point_size: float | None = None) -> QFont:
    font = QFont()
    font.setFamilies(CJK_FAMILIES)
    if point_size:
        font.setPointSizeF(point_size)
    return font


def apply_cjk_font(app: QApplication) -> None:
    font = app.font()
    font.setFamilies(CJK_FAMILIES)
    app.setFont(font)
