"""The detail pane on the demo data: the figures a user reads and copies, the 原文, and the entry history."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.domain.status import Status
from app.services.statuses import StatusRow, compute_statuses
from app.services.workspace import Workspace
from app.ui.detail_pane import DetailPane, EntryHistoryModel
from app.ui.status_style import STATUS_COLORS

AS_OF = date(2025, 7, 31)


@pytest.fixture
def rows(demo_workspace: Workspace) -> dict[str, StatusRow]:
    return {r.target.name: r for r in compute_statuses(demo_workspace, AS_OF)}


@pytest.fixture
def pane(qtbot: QtBot) -> DetailPane:
    widget = DetailPane()
    qtbot.addWidget(widget)
    widget.resize(420, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def visible_texts(pane: DetailPane) -> list[str]:
    return [label.text() for label in pane.findChildren(QLabel) if label.isVisibleTo(pane) and label.text()]


def test_shows_the_figures_of_a_lagging_target(pane: DetailPane, rows: dict[str, StatusRow]) -> None:
    pane.show_row(rows["创新医疗器械品种"])
    texts = visible_texts(pane)
    for expected in (
        "创新医疗器械品种",
        "北京市医疗器械产业提质升级行动计划(2024-2026年)",
        "77个",
        "37.8%",
        "49.9%",
    ):
        assert expected in texts
    assert pane.fields["latest"].text() == "77个"
    assert pane.fields["period"].text() == "2025年上半年"
    assert pane.fields["goal"].text() == "> 100个 by 2026-12-31"
    assert pane.fields["category"].text() == "创新效益"
    assert pane.fields["kind"].text() == "Cumulative count"
    assert pane.fields["responsible_unit"].text() == "市经济和信息化局经济运行处"
    assert pane.fields["lag"].text().endswith("points")
    assert pane.name_label.font().bold()
    assert not pane.placeholder.isVisibleTo(pane)


def test_status_has_its_word_and_its_colour(pane: DetailPane, rows: dict[str, StatusRow]) -> None:
    row = rows["创新医疗器械品种"]
    assert row.progress.status is Status.OFF_TRACK
    pane.show_row(row)
    status = pane.fields["status"]
    assert status.text() == "Off track"
    background, foreground = STATUS_COLORS[Status.OFF_TRACK]
    assert background in status.styleSheet()
    assert foreground in status.styleSheet()


def test_source_quote_and_notes(pane: DetailPane, rows: dict[str, StatusRow]) -> None:
    row = rows["创新医疗器械品种"]
    pane.show_row(row)
    assert pane.source_quote_label.text() == "创新品种超100个"
    assert pane.source_quote_label.isVisibleTo(pane)
    assert pane.target_notes_label.text() == row.target.notes
    assert pane.target_notes_label.wordWrap()


def test_annualised_value_is_marked(pane: DetailPane, rows: dict[str, StatusRow]) -> None:
    pane.show_row(rows["医疗器械产业总体规模"])
    assert pane.fields["latest"].text() == "342.67亿元 (annualised)"
    assert pane.fields["baseline"].text() == "352亿元 at 2023-12-31"
    assert pane.annualised_label.isVisibleTo(pane)
    assert "按2024年前三季度数据年化（×12/9）" in pane.progress_notes_label.text()
    pane.show_row(rows["创新医疗器械品种"])  # not annualised: the notes go away again
    assert not pane.annualised_label.isVisibleTo(pane)
    assert not pane.progress_notes_label.isVisibleTo(pane)


def test_history_newest_first(
    qtmodeltester: ModelTester, pane: DetailPane, rows: dict[str, StatusRow]
) -> None:
    pane.show_row(rows["创新医疗器械品种"])
    model = pane.history_model
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    period, value, kind = (EntryHistoryModel.KEYS.index(k) for k in ("period", "value", "value_type"))
    assert [model.data(model.index(r, period)) for r in range(2)] == ["2025年上半年", "截至2024年9月底"]
    assert [model.data(model.index(r, value)) for r in range(2)] == ["7个", "70个"]
    assert [model.data(model.index(r, kind)) for r in range(2)] == ["Amount in period", "Running total"]
    assert model.data(model.index(0, period), EntryHistoryModel.SortRole) > model.data(
        model.index(1, period), EntryHistoryModel.SortRole
    )
    assert model.data(model.index(1, value), EntryHistoryModel.SortRole) == 70.0
    assert model.data(model.index(0, 0), EntryHistoryModel.EntityRole).period.label == "2025年上半年"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Period"


def test_history_keeps_values_as_entered(rows: dict[str, StatusRow]) -> None:
    model = EntryHistoryModel()
    model.set_entries(rows["新增智能算力（年内累计）"].entries)
    col = EntryHistoryModel.KEYS.index("value")
    assert [model.data(model.index(r, col)) for r in range(2)] == ["1.1万P", "8620P"]  # not converted


def test_none_shows_the_placeholder(pane: DetailPane, rows: dict[str, StatusRow]) -> None:
    assert pane.placeholder.isVisibleTo(pane)
    assert pane.placeholder.text() == "Choose a target in the table to see its details."
    pane.show_row(rows["创新医疗器械品种"])
    pane.show_row(None)
    assert pane.placeholder.isVisibleTo(pane)
    assert not pane.details.isVisibleTo(pane)
    assert pane.history_model.rowCount() == 0
    assert pane.current_row() is None


def test_monitoring_target_without_goal(pane: DetailPane, rows: dict[str, StatusRow]) -> None:
    pane.show_row(rows["备案上线大模型"])
    assert pane.fields["goal"].text() == "None (monitoring indicator)"
    assert pane.fields["completion"].text() == "—"
    assert pane.fields["status"].text() == "Monitoring"


def test_text_is_selectable_and_chart_area_is_reserved(pane: DetailPane, rows: dict[str, StatusRow]) -> None:
    pane.show_row(rows["创新医疗器械品种"])
    for label in [*pane.fields.values(), pane.name_label, pane.source_quote_label, pane.target_notes_label]:
        assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert isinstance(pane.chart_area, QFrame)
    assert pane.chart_area.objectName() == "chartArea"
    assert pane.chart_area.minimumHeight() == 220
    assert pane.scroll_area.widgetResizable()


def test_every_figure_has_its_caption_beside_it(pane: DetailPane, rows: dict[str, StatusRow]) -> None:
    """The values alone ("规模", "25.0%") mean nothing: each row of the form is named."""
    pane.show_row(rows["医疗器械产业总体规模"])
    captions = {key: pane._form.labelForField(field) for key, field in pane.fields.items()}
    assert all(isinstance(label, QLabel) for label in captions.values())
    texts = {key: label.text() for key, label in captions.items() if isinstance(label, QLabel)}
    assert texts["kind"] == "Kind" and texts["time_progress"] == "Time elapsed (时序进度)"
    assert texts["completion"] == "Completion" and all(texts.values())
