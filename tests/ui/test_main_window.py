"""The window shell on the demo data: what a user sees, and that an edit anywhere refreshes it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.entities import ProgressEntry, ValueType
from app.domain.periods import parse_period
from app.services.editing import Editor
from app.services.workspace import Workspace
from app.ui.application import install_translators, main
from app.ui.main_window import MainWindow
from app.ui.target_table_model import TargetTableModel

AS_OF = date(2025, 7, 31)


@pytest.fixture
def window(qtbot: QtBot, demo_workspace: Workspace) -> MainWindow:
    w = MainWindow(demo_workspace, AS_OF)
    qtbot.addWidget(w)
    return w


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "zh_CN")
    assert translators, "zh_CN translations missing: run scripts/build_translations.py"
    yield
    for t in translators:
        qapp.removeTranslator(t)


def test_counts_and_status_bar(window: MainWindow) -> None:
    assert (
        window.counts_label.text() == "As of 2025-07-31: 20 targets — 滞后 2 · 无数据 3 · 已完成 1 · 监测 14"
    )
    assert window.file_label.text() == "demo.ptt.sqlite (demo data) · as of 2025-07-31"


def test_status_column_sits_next_to_the_target_name(window: MainWindow) -> None:
    header = window.table.horizontalHeader()
    assert header.visualIndex(TargetTableModel.COL_STATUS) == 2


def test_worst_targets_are_listed_first(window: MainWindow) -> None:
    first = [window.proxy.index(r, 1).data() for r in range(2)]
    assert sorted(first) == ["创新医疗器械品种", "医疗器械产业总体规模"]


def test_an_edit_through_the_service_refreshes_the_window(
    window: MainWindow, demo_workspace: Workspace
) -> None:
    target = next(t for t in demo_workspace.targets.all() if t.name == "专业化产业园区")
    Editor(demo_workspace).add_entry(
        ProgressEntry(
            target_id=target.id or 0,
            period=parse_period("截至2025年6月底"),
            value=Decimal(3),
            unit="个",
            value_type=ValueType.CUMULATIVE,
        )
    )
    # 3 of 5 parks (60 %) at 49.9 % of the time: on track; 无数据 drops from 3 to 2.
    assert "正常 1" in window.counts_label.text() and "无数据 2" in window.counts_label.text()
    row = next(
        r for r in range(window.model.rowCount()) if window.model.row_at(r).target.name == "专业化产业园区"
    )
    assert window.model.index(row, TargetTableModel.KEYS.index("completion")).data() == "60.0%"


def test_chinese_interface(chinese: None, qtbot: QtBot, demo_workspace: Workspace) -> None:
    w = MainWindow(demo_workspace, AS_OF)
    qtbot.addWidget(w)
    assert w.windowTitle() == "政策目标进度跟踪"
    assert w.counts_label.text().startswith("截至 2025-07-31：共 20 个指标")
    headers = [w.model.headerData(c, Qt.Orientation.Horizontal) for c in range(w.model.columnCount())]
    assert headers[:3] == ["政策文件", "指标", "责任单位"] and headers[-1] == "状态"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # Qt's own strings too


def test_screenshot_option_renders_the_window_to_png(tmp_path: Path, qapp: QApplication) -> None:
    png = tmp_path / "主窗口.png"
    assert main(["--screenshot", str(png), "--as-of", "2025-07-31"]) == 0
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1600, 720)


def test_screenshot_of_a_bad_file_fails_cleanly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_text("hello")
    assert main([str(bad), "--screenshot", str(tmp_path / "x.png")]) == 1
    assert "不是本程序的数据文件" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()
