"""The dashboard filter on the demo data: tree node, unit, statuses and search combine; sorting stays numeric.

The filter bar is tested here too, driving a real proxy the way a user does.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.domain.status import Status
from app.services.statuses import compute_statuses
from app.services.workspace import Workspace
from app.ui.dashboard_filter import BEHIND_STATUSES, DashboardFilter
from app.ui.filter_bar import FilterBar
from app.ui.plan_tree_model import TreeSelection
from app.ui.target_table_model import TargetTableModel

AS_OF = date(2025, 7, 31)
DIGITAL = "市经济和信息化局数字产业处"


@pytest.fixture
def proxy(demo_workspace: Workspace) -> DashboardFilter:
    p = DashboardFilter()
    model = TargetTableModel(p)  # owned by the proxy, so it lives as long as the proxy does
    model.set_rows(compute_statuses(demo_workspace, AS_OF))
    p.setSourceModel(model)
    return p


def names(proxy: DashboardFilter) -> list[str]:
    col = TargetTableModel.KEYS.index("target")
    return [proxy.index(r, col).data() for r in range(proxy.rowCount())]


def test_passes_qt_model_checks(qtmodeltester: ModelTester, proxy: DashboardFilter) -> None:
    proxy.set_selection(TreeSelection(1, None))
    qtmodeltester.check(proxy)


def test_no_filter_shows_every_target(proxy: DashboardFilter) -> None:
    assert proxy.rowCount() == 20
    assert len(proxy.visible_rows()) == 20


def test_tree_selection(proxy: DashboardFilter) -> None:
    proxy.set_selection(TreeSelection(1, None))
    assert proxy.rowCount() == 4
    assert {r.plan.title for r in proxy.visible_rows()} == {"北京市医疗器械产业提质升级行动计划(2024-2026年)"}
    proxy.set_selection(TreeSelection(1, "创新效益"))
    assert sorted(names(proxy)) == sorted(["创新医疗器械品种", "人工智能医疗器械累计获批"])
    proxy.set_selection(TreeSelection())
    assert proxy.rowCount() == 20


def test_responsible_unit(proxy: DashboardFilter) -> None:
    proxy.set_responsible_unit(DIGITAL)
    assert proxy.rowCount() == 4
    assert {r.target.responsible_unit for r in proxy.visible_rows()} == {DIGITAL}
    proxy.set_responsible_unit(None)
    assert proxy.rowCount() == 20


def test_statuses(proxy: DashboardFilter) -> None:
    proxy.set_statuses({Status.OFF_TRACK})
    assert sorted(names(proxy)) == sorted(["医疗器械产业总体规模", "创新医疗器械品种"])
    proxy.set_statuses(set(BEHIND_STATUSES))
    assert proxy.rowCount() == 2
    proxy.set_statuses({Status.NO_DATA, Status.ACHIEVED})
    assert proxy.rowCount() == 4
    proxy.set_statuses(None)
    assert proxy.rowCount() == 20


def test_search_single_word_and_all_words(proxy: DashboardFilter) -> None:
    proxy.set_search("大模型")
    assert names(proxy) == ["备案上线大模型"]
    proxy.set_search("医疗 规模")  # 医疗 in the plan title, 规模 in the name: both must match
    assert names(proxy) == ["医疗器械产业总体规模"]
    proxy.set_search("医疗\u3000规模")  # a full-width space separates words too
    assert names(proxy) == ["医疗器械产业总体规模"]
    proxy.set_search("  ")
    assert proxy.rowCount() == 20


def test_search_looks_in_unit_category_and_source_quote_ignoring_case(proxy: DashboardFilter) -> None:
    proxy.set_search("创新品种超100个")  # only in the source quote (原文)
    assert names(proxy) == ["创新医疗器械品种"]
    proxy.set_search("数字产业处")  # responsible unit
    assert proxy.rowCount() == 4
    proxy.set_search("融资服务")  # category
    assert sorted(names(proxy)) == sorted(["融资服务惠及企业", "降低中小企业融资成本"])
    proxy.set_search("pflops")  # the quote says "1.1万PFlops"
    assert names(proxy) == ["新增智能算力（年内累计）"]


def test_filters_combine(proxy: DashboardFilter) -> None:
    proxy.set_selection(TreeSelection(1, None))
    proxy.set_statuses({Status.OFF_TRACK})
    assert proxy.rowCount() == 2
    proxy.set_search("规模")
    assert names(proxy) == ["医疗器械产业总体规模"]
    proxy.set_responsible_unit(DIGITAL)
    assert proxy.rowCount() == 0
    assert proxy.visible_rows() == []


def test_status_counts_over_filtered_rows(proxy: DashboardFilter) -> None:
    proxy.set_selection(TreeSelection(1, None))
    counts = proxy.status_counts()
    assert {s: n for s, n in counts.items() if n} == {
        Status.OFF_TRACK: 2,
        Status.NO_DATA: 1,
        Status.MONITORING: 1,
    }
    assert next(iter(counts)) is Status.OVERDUE  # worst first, zeros included
    proxy.set_responsible_unit(DIGITAL)
    assert sum(proxy.status_counts().values()) == 0


def test_sorting_by_completion_is_numeric(proxy: DashboardFilter) -> None:
    col = TargetTableModel.KEYS.index("completion")
    proxy.set_statuses({Status.OFF_TRACK, Status.ACHIEVED})
    proxy.sort(col, Qt.SortOrder.DescendingOrder)
    shown = [proxy.index(r, col).data() for r in range(proxy.rowCount())]
    assert shown == ["100.0%", "37.8%", "-6.3%"]  # as text "-6.3%" < "100.0%" < "37.8%"
    values = [r.progress.completion for r in proxy.visible_rows()]
    assert values == sorted(values, reverse=True)
    proxy.sort(col, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, col).data() for r in range(proxy.rowCount())] == ["-6.3%", "37.8%", "100.0%"]


def test_setting_the_same_filter_again_does_not_refilter(
    proxy: DashboardFilter, monkeypatch: pytest.MonkeyPatch
) -> None:
    proxy.set_search("大模型")
    checked: list[object] = []
    original = proxy.accepts
    monkeypatch.setattr(proxy, "accepts", lambda row: checked.append(row) or original(row))
    proxy.set_search("大模型")
    proxy.set_selection(None)  # the same as "all targets", already set
    assert checked == []
    proxy.set_search("大模型 94")
    assert len(checked) == 20
    assert names(proxy) == ["备案上线大模型"]


# --- the filter bar driving the proxy, as a user types and chooses ---------------------------------------------


@pytest.fixture
def bar(qtbot: QtBot, proxy: DashboardFilter) -> FilterBar:
    widget = FilterBar()
    qtbot.addWidget(widget)
    widget.set_units(sorted({r.target.responsible_unit for r in proxy.visible_rows()}))
    widget.filtersChanged.connect(lambda: widget.apply_to(proxy))
    return widget


def type_chinese(widget: QWidget, text: str) -> None:
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_typing_ascii_filters_the_table(qtbot: QtBot, bar: FilterBar, proxy: DashboardFilter) -> None:
    with qtbot.waitSignal(bar.filtersChanged):
        qtbot.keyClicks(bar.search_edit, "PFLOPS")
    assert names(proxy) == ["新增智能算力（年内累计）"]
    with qtbot.waitSignal(bar.filtersChanged):
        bar.search_edit.clear()
    assert proxy.rowCount() == 20


def test_typing_chinese_through_the_input_method(
    qtbot: QtBot, bar: FilterBar, proxy: DashboardFilter
) -> None:
    with qtbot.waitSignal(bar.filtersChanged):
        type_chinese(bar.search_edit, "大模型")
    assert bar.search_text() == "大模型"
    assert names(proxy) == ["备案上线大模型"]
    with qtbot.waitSignal(bar.filtersChanged):
        bar.search_edit.clear()
    with qtbot.waitSignal(bar.filtersChanged):
        type_chinese(bar.search_edit, "医疗")
    with qtbot.waitSignal(bar.filtersChanged):
        qtbot.keyClicks(bar.search_edit, " ")
    with qtbot.waitSignal(bar.filtersChanged):
        type_chinese(bar.search_edit, "规模")
    assert names(proxy) == ["医疗器械产业总体规模"]


def test_behind_entry_shows_the_two_lagging_targets(
    qtbot: QtBot, bar: FilterBar, proxy: DashboardFilter
) -> None:
    texts = [bar.status_combo.itemText(i) for i in range(bar.status_combo.count())]
    assert texts[:3] == ["All statuses", "Behind (off track + overdue + at risk)", "Overdue"]
    assert len(texts) == 2 + len(Status)
    with qtbot.waitSignal(bar.filtersChanged):
        bar.status_combo.setCurrentIndex(texts.index("Behind (off track + overdue + at risk)"))
    assert bar.statuses() == BEHIND_STATUSES
    assert sorted(names(proxy)) == sorted(["医疗器械产业总体规模", "创新医疗器械品种"])
    with qtbot.waitSignal(bar.filtersChanged):
        bar.status_combo.setCurrentIndex(texts.index("No data"))
    assert proxy.rowCount() == 3


def test_unit_choice_and_refreshing_the_unit_list(
    qtbot: QtBot, bar: FilterBar, proxy: DashboardFilter
) -> None:
    units = [bar.unit_combo.itemText(i) for i in range(bar.unit_combo.count())]
    assert units == [
        "All units",
        "市经济和信息化局",
        "市经济和信息化局数字产业处",
        "市经济和信息化局经济运行处",
    ]
    assert bar.unit_combo.itemData(0) is None
    with qtbot.waitSignal(bar.filtersChanged):
        bar.unit_combo.setCurrentIndex(units.index(DIGITAL))
    assert proxy.rowCount() == 4
    with qtbot.assertNotEmitted(bar.filtersChanged):
        bar.set_units([DIGITAL, "", DIGITAL, "新单位"])  # the chosen unit is still offered: nothing changes
    assert bar.responsible_unit() == DIGITAL
    assert bar.unit_combo.count() == 3
    with qtbot.waitSignal(bar.filtersChanged):
        bar.set_units(["新单位"])  # gone: back to all units
    assert bar.responsible_unit() is None
    assert proxy.rowCount() == 20


def test_search_box_basics_and_clear(qtbot: QtBot, bar: FilterBar, proxy: DashboardFilter) -> None:
    assert bar.search_edit.placeholderText()
    assert bar.search_edit.isClearButtonEnabled()
    bar.show()
    qtbot.waitExposed(bar)
    bar.search_edit.setText("大模型")
    bar.focus_search()
    qtbot.waitUntil(bar.search_edit.hasFocus)
    assert bar.search_edit.selectedText() == "大模型"
    bar.show_behind()
    assert proxy.rowCount() == 0
    with qtbot.waitSignal(bar.filtersChanged):
        bar.clear()
    assert (bar.search_text(), bar.responsible_unit(), bar.statuses()) == ("", None, None)
    assert proxy.rowCount() == 20
