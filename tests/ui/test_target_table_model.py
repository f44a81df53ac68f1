"""The dashboard model, tested twice: Qt's own model checks, then plain data() assertions with no window."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSortFilterProxyModel, Qt
from pytestqt.modeltest import ModelTester

from app.domain.status import Status
from app.services.statuses import compute_statuses
from app.services.workspace import Workspace
from app.ui.target_table_model import TargetTableModel

AS_OF = date(2025, 7, 31)


def filled_model(ws: Workspace) -> TargetTableModel:
    model = TargetTableModel()
    model.set_rows(compute_statuses(ws, AS_OF))
    return model


def cell(model: TargetTableModel, row: int, key: str, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    return model.data(model.index(row, TargetTableModel.KEYS.index(key)), role)


def row_of(model: TargetTableModel, name: str) -> int:
    return next(r for r in range(model.rowCount()) if cell(model, r, "target") == name)


def test_passes_qt_model_checks(qtmodeltester: ModelTester, demo_workspace: Workspace) -> None:
    qtmodeltester.check(filled_model(demo_workspace))


def test_shows_each_targets_numbers(demo_workspace: Workspace) -> None:
    model = filled_model(demo_workspace)
    assert model.rowCount() == 20
    assert model.columnCount() == 12
    r = row_of(model, "创新医疗器械品种")
    assert cell(model, r, "latest") == "77个"
    assert cell(model, r, "completion") == "37.8%"
    assert cell(model, r, "time_progress") == "49.9%"
    assert cell(model, r, "status") == "Off track"  # the window's language (English source); 滞后 in Chinese
    assert cell(model, r, "completion", TargetTableModel.SortRole) == 14 / 37  # a number, not "37.8%"
    assert cell(model, r, "target", Qt.ItemDataRole.ToolTipRole) == "创新品种超100个"
    entity = cell(model, r, "target", TargetTableModel.EntityRole)
    assert entity.progress.status is Status.OFF_TRACK
    assert cell(model, r, "status", Qt.ItemDataRole.BackgroundRole) is not None


def test_sorts_numbers_as_numbers_and_missing_values_last(demo_workspace: Workspace) -> None:
    proxy = QSortFilterProxyModel()
    model = filled_model(demo_workspace)
    proxy.setSourceModel(model)
    proxy.setSortRole(TargetTableModel.SortRole)
    proxy.sort(TargetTableModel.KEYS.index("latest"), Qt.SortOrder.DescendingOrder)
    latest = [proxy.index(r, TargetTableModel.KEYS.index("latest")).data() for r in range(proxy.rowCount())]
    # 22000P > 20000家 > 13500亿元 > 13000家 > 11000P > 2400家 … as text "77个" would sort above "600平方公里".
    assert latest[:5] == ["22000P", "20000家", "13500亿元", "13000家", "11000P"]
    assert latest[-3:] == ["—", "—", "—"]


def test_status_sort_puts_the_worst_first(demo_workspace: Workspace) -> None:
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(filled_model(demo_workspace))
    proxy.setSortRole(TargetTableModel.SortRole)
    proxy.sort(TargetTableModel.COL_STATUS, Qt.SortOrder.AscendingOrder)
    statuses = [proxy.index(r, TargetTableModel.COL_STATUS).data() for r in range(proxy.rowCount())]
    assert statuses[:6] == ["Off track", "Off track", "No data", "No data", "No data", "Achieved"]


def test_sorting_in_the_model_keeps_it_consistent(
    qtmodeltester: ModelTester, demo_workspace: Workspace
) -> None:
    model = filled_model(demo_workspace)
    model.sort(TargetTableModel.KEYS.index("completion"), Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    completions = [cell(model, r, "completion", TargetTableModel.SortRole) for r in range(model.rowCount())]
    assert completions[:3] == [1.0, 14 / 37, pytest.approx((257 * 12 / 9 - 352) / 148)]
    model.set_rows(compute_statuses(demo_workspace, AS_OF))  # new data keeps the chosen order
    assert cell(model, 0, "target") == "示范区路侧基础设施智能化覆盖面积"
