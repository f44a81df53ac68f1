"""Fixtures for window tests: the real application controller on the demo data, with scripted prompts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.ui.application import AppController
from app.ui.main_window import MainWindow
from app.ui.settings import AppSettings
from tests.ui.window_helpers import ScriptedPrompts, wait_ready

AS_OF = date(2025, 7, 31)


@pytest.fixture
def controller(qapp: QApplication, tmp_path: Path) -> Iterator[AppController]:
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    c = AppController(qapp, settings, AS_OF, language="en")
    yield c
    c.set_language("en", remember=False)
    if c.window is not None:
        c.window.session.close()


@pytest.fixture
def window(qtbot: QtBot, controller: AppController) -> MainWindow:
    w = controller.start(None)
    assert w is not None
    qtbot.addWidget(w)
    w.prompts = ScriptedPrompts()  # type: ignore[assignment]
    w.resize(1500, 800)
    w.show()
    wait_ready(qtbot, w)
    return w


@pytest.fixture(autouse=True, scope="session")
def _english_as_users_get_it(qapp: QApplication) -> Iterator[None]:
    """The English .qm carries the plural forms: install it for every UI test, whatever ran before."""
    from app.ui.application import install_translators

    translators = install_translators(qapp, "en")
    assert translators, "resources/translations/ptt_en.qm missing: run scripts/build_translations.py"
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
