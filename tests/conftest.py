"""Shared fixtures: offscreen Qt, a fixed clock, a fresh data file per test. Tests never touch the user profile."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.services.demo import create_demo_workspace
from app.services.workspace import Workspace
from app.storage.audit import Actor

FIXED_NOW = datetime(2025, 7, 31, 9, 30, 0)
TEST_ACTOR = Actor(user="测试员", machine="test-host")


def fixed_clock() -> datetime:
    return FIXED_NOW


@pytest.fixture(autouse=True)
def _isolated_profile(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings, caches and data dirs go to a temp folder, never the developer's or user's profile."""
    home = tmp_path_factory.mktemp("home")
    for var in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "APPDATA", "LOCALAPPDATA"):
        monkeypatch.setenv(var, str(home / var.lower()))
    # The window's settings the CLI reads: on Windows the registry, which no variable above redirects.
    from PySide6.QtCore import QSettings

    store = str(home / "settings.ini")
    monkeypatch.setattr("app.ui.settings.user_store", lambda: QSettings(store, QSettings.Format.IniFormat))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "数据 文件.ptt.sqlite"  # Chinese and a space on purpose


@pytest.fixture
def workspace(db_path: Path) -> Iterator[Workspace]:
    with Workspace.open(db_path, create=True, clock=fixed_clock, actor=TEST_ACTOR) as ws:
        yield ws


@pytest.fixture
def demo_workspace(tmp_path: Path) -> Iterator[Workspace]:
    with create_demo_workspace(tmp_path / "demo.ptt.sqlite", clock=fixed_clock) as ws:
        yield ws
