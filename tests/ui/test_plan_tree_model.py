"""The navigation tree on the demo data: plans under "All targets", categories under plans, lag counts."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from app.services.statuses import compute_statuses
from app.services.workspace import Workspace
from app.ui.plan_tree_model import ALL_TARGETS, PlanTreeModel, TreeSelection

AS_OF = date(2025, 7, 31)
MEDICAL = "北京市医疗器械产业提质升级行动计划(2024-2026年)"


@pytest.fixture
def model(demo_workspace: Workspace) -> PlanTreeModel:
    m = PlanTreeModel()
    m.set_rows(compute_statuses(demo_workspace, AS_OF))
    return m


def children(model: PlanTreeModel, parent: QModelIndex) -> list[QModelIndex]:
    return [model.index(r, 0, parent) for r in range(model.rowCount(parent))]


def plan_node(model: PlanTreeModel, title: str) -> QModelIndex:
    everything = model.index(0, 0)
    return next(ix for ix in children(model, everything) if ix.data(Qt.ItemDataRole.ToolTipRole) == title)


def test_passes_qt_model_checks(qtmodeltester: ModelTester, model: PlanTreeModel) -> None:
    qtmodeltester.check(model)


def test_all_targets_on_top_with_the_seven_plans_under_it(model: PlanTreeModel) -> None:
    assert model.rowCount() == 1
    everything = model.index(0, 0)
    assert everything.data() == "All targets (20 · 2 behind)"
    assert everything.data(PlanTreeModel.FilterRole) == TreeSelection(None, None) == ALL_TARGETS
    plans = children(model, everything)
    assert len(plans) == 7
    assert [ix.data(PlanTreeModel.FilterRole).plan_id for ix in plans] == [1, 2, 3, 4, 5, 6, 7]
    assert plans[-1].data() == "工业经济运行监测 (2)"  # nothing behind: no "behind" noise


def test_plan_node_counts_targets_and_lagging_ones(model: PlanTreeModel) -> None:
    medical = plan_node(model, MEDICAL)
    assert medical.data() == f"{MEDICAL} (4 · 2 behind)"
    assert medical.data(PlanTreeModel.CountRole) == 4
    assert medical.data(PlanTreeModel.BehindRole) == 2
    assert medical.data(Qt.ItemDataRole.ToolTipRole) == MEDICAL  # the full title, however the view elides
    assert medical.data(PlanTreeModel.FilterRole) == TreeSelection(1, None)


def test_plan_children_are_its_categories(model: PlanTreeModel) -> None:
    categories = children(model, plan_node(model, MEDICAL))
    assert [ix.data() for ix in categories] == [
        "产业规模 (1 · 1 behind)",
        "产业生态 (1)",
        "创新效益 (2 · 1 behind)",
    ]
    assert [ix.data(PlanTreeModel.FilterRole) for ix in categories] == [
        TreeSelection(1, "产业规模"),
        TreeSelection(1, "产业生态"),
        TreeSelection(1, "创新效益"),
    ]
    assert all(model.rowCount(ix) == 0 for ix in categories)
    assert not categories[0].flags() & Qt.ItemFlag.ItemIsEditable


def test_index_for_finds_a_node_again_after_a_refresh(
    model: PlanTreeModel, demo_workspace: Workspace
) -> None:
    model.set_rows(compute_statuses(demo_workspace, AS_OF))
    found = model.index_for(TreeSelection(1, "创新效益"))
    assert found.data() == "创新效益 (2 · 1 behind)"
    assert not model.index_for(TreeSelection(99, None)).isValid()


def test_empty_rows_leave_only_the_all_node(model: PlanTreeModel) -> None:
    model.set_rows([])
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "All targets (0)"
    assert model.rowCount(model.index(0, 0)) == 0
