"""Driving the main window in tests: scripted answers to its questions, and small look-ups."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication  # noqa: F401 - keeps Qt imported before the window
from pytestqt.qtbot import QtBot

from app.ui.main_window import MainWindow
from app.ui.target_table_model import TargetTableModel


class ScriptedPrompts:
    """Answers the window's questions from a script and records what it showed."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.confirm_answer = True
        self.paths: list[str | None] = []
        self.choice: str | None = None
        self.typed: str | None = None

    def error(self, title: str, text: str) -> None:
        self.shown.append(("error", title, text))

    def info(self, title: str, text: str) -> None:
        self.shown.append(("info", title, text))

    def confirm(self, title: str, text: str) -> bool:
        self.shown.append(("confirm", title, text))
        return self.confirm_answer

    def open_path(self, title: str, folder: str) -> str | None:
        return self.paths.pop(0)

    def open_paths(self, title: str, folder: str, file_filter: str = "") -> list[str]:
        chosen = self.paths.pop(0)
        return chosen.split("|") if chosen else []

    def save_path(self, title: str, suggested: str, file_filter: str = "") -> str | None:
        return self.paths.pop(0)

    def text(self, title: str, label: str, current: str = "") -> str | None:
        self.shown.append(("text", title, label))
        return self.typed

    def choose(self, title: str, label: str, items: list[str]) -> str | None:
        self.shown.append(("choose", title, label))
        return self.choice if self.choice is not None else items[0]


def wait_ready(qtbot: QtBot, w: MainWindow) -> None:
    w.session.wait_for_statuses()
    qtbot.waitUntil(lambda: w.model.rowCount() > 0)


def prompts(w: MainWindow) -> ScriptedPrompts:
    assert isinstance(w.prompts, ScriptedPrompts)
    return w.prompts


def select(w: MainWindow, name: str) -> None:
    for r in range(w.proxy.rowCount()):
        if w.proxy.index(r, TargetTableModel.KEYS.index("target")).data() == name:
            w.table.selectRow(r)
            return
    raise AssertionError(f"{name} not shown")


def shown_value(w: MainWindow, name: str, key: str) -> str:
    for r in range(w.proxy.rowCount()):
        if w.proxy.index(r, TargetTableModel.KEYS.index("target")).data() == name:
            return str(w.proxy.index(r, TargetTableModel.KEYS.index(key)).data())
    raise AssertionError(f"{name} not shown")
