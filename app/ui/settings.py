"""Every remembered choice in one typed place: language, recent files, window layout, last folder.

A QSettings is injected so that tests use a throw-away .ini file and never the user's profile or registry.
``VERSION`` lets a later release upgrade old keys instead of misreading them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

VERSION = 1
ORGANIZATION = APPLICATION = "PolicyTargetTracker"  # where QSettings() keeps them (registry, ~/.config)
MAX_RECENT = 8
ISSUER_KEY = "report/issuer"
LANGUAGES = ("", "zh_CN", "en")  # "" follows the system


class AppSettings:
    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or QSettings()
        if int(self.store.value("settings_version", 0) or 0) < VERSION:
            self.store.setValue("settings_version", VERSION)

    @property
    def language(self) -> str:
        value = str(self.store.value("ui/language", "") or "")
        return value if value in LANGUAGES else ""

    @language.setter
    def language(self, value: str) -> None:
        self.store.setValue("ui/language", value if value in LANGUAGES else "")

    @property
    def recent_files(self) -> list[str]:
        value = self.store.value("files/recent", [])
        items = [value] if isinstance(value, str) else list(value or [])
        return [str(v) for v in items if v]

    def add_recent(self, path: Path | str) -> None:
        text = str(Path(path).resolve())
        items = [text, *(p for p in self.recent_files if p != text)][:MAX_RECENT]
        self.store.setValue("files/recent", items)

    def remove_recent(self, path: Path | str) -> None:
        text = str(Path(path).resolve())
        self.store.setValue("files/recent", [p for p in self.recent_files if p != text])

    @property
    def report_issuer(self) -> str:
        """报告单位: printed on the cover and in the page header of every report."""
        return str(self.store.value(ISSUER_KEY, "") or "")

    @report_issuer.setter
    def report_issuer(self, value: str) -> None:
        self.store.setValue(ISSUER_KEY, value)

    @property
    def last_folder(self) -> str:
        return str(self.store.value("files/last_folder", "") or "")

    @last_folder.setter
    def last_folder(self, value: str) -> None:
        self.store.setValue("files/last_folder", value)

    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        geometry = self.store.value("window/geometry")
        state = self.store.value("window/state")
        return (
            geometry if isinstance(geometry, QByteArray) else None,
            state if isinstance(state, QByteArray) else None,
        )

    def save_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        self.store.setValue("window/geometry", geometry)
        self.store.setValue("window/state", state)

    def sync(self) -> None:
        self.store.sync()


def user_store() -> QSettings:
    """The window's own settings store, for a program without the window's QApplication names (the CLI)."""
    return QSettings(ORGANIZATION, APPLICATION)


def saved_report_issuer(store: QSettings | None = None) -> str:
    """报告单位 as saved in the window (设置 → 报告单位); read only, nothing written."""
    return str((store or user_store()).value(ISSUER_KEY, "") or "")
