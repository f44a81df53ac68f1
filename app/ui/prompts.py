"""Message boxes and file dialogs behind one small object, so tests replace them instead of hanging on a
modal box (see QT-NOTES: a modal QMessageBox in a slot blocks pytest)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

DATA_FILTER = "政策目标数据 (*.ptt.sqlite *.sqlite *.db);;All files (*)"
SHEET_FILTER = "填报表 (*.xlsx *.csv);;All files (*)"


class Prompts:
    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def error(self, title: str, text: str) -> None:
        QMessageBox.critical(self.parent, title, text)

    def info(self, title: str, text: str) -> None:
        QMessageBox.information(self.parent, title, text)

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self.parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        )
        return answer == QMessageBox.StandardButton.Yes

    def choose(self, title: str, label: str, items: list[str]) -> str | None:
        item, ok = QInputDialog.getItem(self.parent, title, label, items, 0, False)
        return item if ok else None

    def text(self, title: str, label: str, current: str = "") -> str | None:
        value, ok = QInputDialog.getText(self.parent, title, label, text=current)
        return value if ok else None

    def open_path(self, title: str, folder: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, title, folder, DATA_FILTER)
        return path or None

    def open_paths(self, title: str, folder: str, file_filter: str = SHEET_FILTER) -> list[str]:
        paths, _ = QFileDialog.getOpenFileNames(self.parent, title, folder, file_filter)
        return list(paths)

    def save_path(self, title: str, suggested: str, file_filter: str = DATA_FILTER) -> str | None:
        path, chosen = QFileDialog.getSaveFileName(self.parent, title, suggested, file_filter)
        return with_filter_suffix(path, chosen) if path else None


def with_filter_suffix(path: str, chosen_filter: str) -> str:
    """A name typed without an extension takes the one of the file type chosen in the dialog ("Word (*.docx)")."""
    match = re.search(r"\*(\.[\w.]+)", chosen_filter)
    if match and not Path(path).suffix:
        return path + match.group(1)
    return path
