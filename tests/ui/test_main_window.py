"""The whole window driven as a user would, on the demo data: select, type, paste, undo, redo, change the date,
switch language, open files. Message boxes and file dialogs are replaced by scripted answers (the seam)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QImage, QInputMethodEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.status import Status
from app.services.workspace import Workspace
from app.ui.application import AppController, main
from app.ui.main_window import MainWindow
from app.ui.target_table_model import TargetTableModel
from tests.ui.window_helpers import prompts, select, shown_value, wait_ready

AS_OF = date(2025, 7, 31)


def test_opens_on_the_demo_with_counts_and_file(window: MainWindow) -> None:
    assert (
        window.counts_label.text()
        == "As of 2025-07-31: 20 targets — Off track 2 · No data 3 · Achieved 1 · Monitoring 14"
    )
    assert "(demo data, a copy)" in window.file_label.text()
    assert window.tree_model.rowCount() == 1  # "All targets", the plans below it


def test_the_verdict_and_its_numbers_come_first(window: MainWindow) -> None:
    header = window.table.horizontalHeader()
    shown = sorted(range(window.model.columnCount()), key=header.visualIndex)
    assert [TargetTableModel.KEYS[c] for c in shown[:5]] == [
        "target",
        "status",
        "completion",
        "time_progress",
        "lag",
    ]


def test_selecting_a_target_shows_its_detail_and_figures(window: MainWindow) -> None:
    select(window, "创新医疗器械品种")
    assert window.detail.current_row() is not None
    assert window.detail.current_row().target.name == "创新医疗器械品种"  # type: ignore[union-attr]
    grid = window.entry_grid.model
    periods = {grid.index(r, grid.column_of("period")).data() for r in range(grid.rowCount())}
    assert {"截至2024年9月底", "2025年上半年"} <= periods


def test_typing_a_figure_updates_the_dashboard_and_undo_redo(qtbot: QtBot, window: MainWindow) -> None:
    select(window, "专业化产业园区")
    window.acts.enter_figures.trigger()
    grid = window.entry_grid
    model = grid.model
    row = model.rowCount() - 1  # the empty row at the bottom
    for key, text in (("period", "截至2025年6月底"), ("value", "3个")):
        index = model.index(row, model.column_of(key))
        grid.view.setCurrentIndex(index)
        event = QInputMethodEvent("", [])  # Chinese comes from the input method, committed to the view
        event.setCommitString(text)
        QApplication.sendEvent(grid.view, event)
        editor = QApplication.focusWidget()
        assert editor is not None
        qtbot.keyClick(editor, Qt.Key.Key_Return)  # Enter commits the cell, as in Excel
        qtbot.waitUntil(lambda key=key, text=text: model.cell_text(row, key) == text)
    assert model.draft_entries() is not None
    with qtbot.waitSignal(window.session.statusesReady):
        assert model.submit_drafts()
    wait_ready(qtbot, window)
    assert shown_value(window, "专业化产业园区", "completion") == "60.0%"  # 3 of 5 parks
    assert shown_value(window, "专业化产业园区", "status") == "On track"
    assert "On track 1" in window.counts_label.text()
    assert window.acts.undo.text() == "&Undo Enter 1 figure"
    with qtbot.waitSignal(window.session.statusesReady):
        window.acts.undo.trigger()
    assert shown_value(window, "专业化产业园区", "status") == "No data"
    with qtbot.waitSignal(window.session.statusesReady):
        window.acts.redo.trigger()
    assert shown_value(window, "专业化产业园区", "completion") == "60.0%"


def test_a_pasted_block_is_saved_and_undone_as_one_step(qtbot: QtBot, window: MainWindow) -> None:
    select(window, "医疗器械产业总体规模")
    window.acts.enter_figures.trigger()
    model = window.entry_grid.model
    first_draft = model.rowCount() - 1
    result = model.paste_block(
        "2025年1-3月\t90亿元\n2025年上半年\t190亿元\n", first_draft, model.column_of("period")
    )
    assert result is not None
    with qtbot.waitSignal(window.session.statusesReady):
        assert model.submit_drafts()
    wait_ready(qtbot, window)
    assert shown_value(window, "医疗器械产业总体规模", "latest") == "380亿元 (annualised)"  # 190 × 12/6
    assert window.session.undo_stack.count() == 1
    with qtbot.waitSignal(window.session.statusesReady):
        window.acts.undo.trigger()
    assert shown_value(window, "医疗器械产业总体规模", "latest") == "342.67亿元 (annualised)"


def test_changing_the_as_of_date_recomputes_every_status(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.session.statusesReady):
        window.as_of_edit.setDate(QDate(2024, 12, 31))
    assert shown_value(window, "备案上线大模型", "latest") == "94款"
    # 440 of 600 平方公里 (73.3 %) at 274 of 731 days (37.5 %): ahead of time
    assert shown_value(window, "示范区路侧基础设施智能化覆盖面积", "completion") == "73.3%"
    assert shown_value(window, "示范区路侧基础设施智能化覆盖面积", "status") == "On track"
    assert "as of 2024-12-31" in window.file_label.text()


def has_chinese(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in text)


def has_latin_words(text: str) -> bool:
    return any(c.isascii() and c.isalpha() for c in text.replace("Ctrl", "").replace("Shift", ""))


def visible_texts(window: MainWindow) -> list[str]:
    """Every label, menu, action, tab, header and combo entry a user can see (the strings lupdate may miss)."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel

    texts = [window.windowTitle()]
    for menu in window.menus.values():
        texts.append(menu.title())
        texts += [a.text() for a in menu.actions() if a.text() and not a.isSeparator()]
    texts += [window.tabs.tabText(i) for i in range(window.tabs.count())]
    texts += [
        str(window.model.headerData(c, Qt.Orientation.Horizontal)) for c in range(window.model.columnCount())
    ]
    texts += [w.text() for w in window.findChildren(QLabel) if w.text() and w.isVisibleTo(window)]
    texts += [w.text() for w in window.findChildren(QAbstractButton) if w.text()]
    for combo in window.findChildren(QComboBox):
        texts += [combo.itemText(i) for i in range(combo.count())]
    texts += [window.tree_model.index(0, 0).data()]
    return [t for t in texts if t]


def test_switching_language_relabels_the_window(
    qtbot: QtBot, window: MainWindow, controller: AppController
) -> None:
    controller.set_language("zh_CN")
    assert window.windowTitle() == "政策目标进度跟踪"
    assert window.counts_label.text().startswith("截至 2025-07-31：共 20 个指标 — 滞后 2")
    headers = [
        window.model.headerData(c, Qt.Orientation.Horizontal) for c in range(window.model.columnCount())
    ]
    assert headers[:3] == ["政策文件", "指标", "责任单位"]
    assert shown_value(window, "医疗器械产业总体规模", "status") == "滞后"
    assert window.menus["file"].title() == "文件(&F)"
    assert controller.settings.language == "zh_CN"
    untranslated = [
        t for t in visible_texts(window) if has_latin_words(t) and not has_chinese(t) and t != "English"
    ]
    assert untranslated == []
    controller.set_language("en")
    assert window.windowTitle() == "Policy Target Tracker"
    assert shown_value(window, "医疗器械产业总体规模", "status") == "Off track"


def test_deleting_a_target_asks_first_and_can_be_undone(qtbot: QtBot, window: MainWindow) -> None:
    select(window, "专业化产业园区")
    prompts(window).confirm_answer = False
    window.acts.delete_target.trigger()
    assert prompts(window).shown[-1][0] == "confirm"
    assert window.session.workspace.targets.count() == 20
    prompts(window).confirm_answer = True
    with qtbot.waitSignal(window.session.statusesReady):
        window.acts.delete_target.trigger()
    wait_ready(qtbot, window)
    assert window.model.rowCount() == 19
    with qtbot.waitSignal(window.session.statusesReady):
        window.acts.undo.trigger()
    assert window.model.rowCount() == 20


def test_show_behind_filters_to_lagging_targets(window: MainWindow) -> None:
    window.acts.show_behind.trigger()
    names = {window.proxy.index(r, 1).data() for r in range(window.proxy.rowCount())}
    assert names == {"医疗器械产业总体规模", "创新医疗器械品种"}
    assert window.counts_label.text().endswith("2 targets — Off track 2")


def test_opening_a_file_that_is_not_ours_keeps_the_current_one(
    window: MainWindow, controller: AppController, tmp_path: Path
) -> None:
    bad = tmp_path / "报表.xlsx"
    bad.write_bytes(b"PK\x03\x04 spreadsheet")
    prompts(window).paths.append(str(bad))
    window.acts.open_file.trigger()
    kind, _title, text = prompts(window).shown[-1]
    assert kind == "error" and "不是本程序的数据文件" in text
    assert window.session.workspace.is_demo
    assert str(bad.resolve()) not in controller.settings.recent_files


def test_save_a_copy_then_work_in_it(
    qtbot: QtBot, window: MainWindow, controller: AppController, tmp_path: Path
) -> None:
    demo_path = window.session.workspace.path
    copy = tmp_path / "我的 进度.ptt.sqlite"
    prompts(window).paths.append(str(copy))
    window.acts.save_copy.trigger()
    wait_ready(qtbot, window)
    assert window.session.workspace.path == copy
    assert controller.settings.recent_files[0] == str(copy.resolve())
    assert window.recent_menu.actions()[0].text() == str(copy.resolve())
    assert demo_path.exists()
    with Workspace.open(copy, read_only=True) as ws:
        assert ws.targets.count() == 20


def test_a_file_on_a_read_only_location_opens_read_only(
    qtbot: QtBot,
    window: MainWindow,
    controller: AppController,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    copy = tmp_path / "share.ptt.sqlite"
    window.session.workspace.save_copy(copy)
    import app.storage.database as database

    monkeypatch.setattr(database.os, "access", lambda p, mode: False)  # the OS's answer is the seam
    controller.open_path(copy)
    wait_ready(qtbot, window)
    assert window.session.read_only
    assert prompts(window).shown[-1][0] == "info" and "只读" in prompts(window).shown[-1][2]
    select(window, "专业化产业园区")
    assert not window.acts.enter_figures.isEnabled()
    assert not window.acts.new_target.isEnabled()
    assert "read-only" in window.file_label.text()


def test_window_geometry_is_remembered(qtbot: QtBot, window: MainWindow, controller: AppController) -> None:
    window.resize(734, 517)  # within the offscreen screen (800 × 600), which restoreGeometry clamps to
    controller.save_window_state()
    again = AppController(QApplication.instance(), controller.settings, AS_OF, language="en")  # type: ignore[arg-type]
    w2 = again.start(None)
    assert w2 is not None
    qtbot.addWidget(w2)
    assert w2.height() == 517  # the width is held at the window's minimum on the 800-px offscreen screen
    w2.session.close()


def test_screenshot_option_renders_the_window_to_png(tmp_path: Path, qapp: QApplication) -> None:
    png = tmp_path / "主窗口.png"
    assert main(["--screenshot", str(png), "--as-of", "2025-07-31", "--lang", "en"]) == 0
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1600, 860)


def test_screenshot_of_a_bad_file_fails_cleanly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_text("hello")
    assert main([str(bad), "--screenshot", str(tmp_path / "x.png")]) == 1
    assert "不是本程序的数据文件" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_status_filter_counts(window: MainWindow) -> None:
    window.show_status_filter({Status.NO_DATA})
    names = {window.proxy.index(r, 1).data() for r in range(window.proxy.rowCount())}
    assert names == {"专业化产业园区", "规上制造企业全面开展数字化转型", "龙头企业建立企业碳账户"}
    assert window.counts_label.text().endswith("3 targets — No data 3")


def test_a_new_target_from_the_dialog_appears_and_undo_removes_it(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.ui.target_dialog import TargetDialog

    def fill_and_accept(dialog: object) -> bool:
        assert isinstance(dialog, TargetDialog)
        dialog.name_edit.setText("示范园区数量")
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("cumulative"))
        dialog.unit_combo.setCurrentText("个")
        dialog.target_value_edit.setText("3")
        dialog.deadline_edit.setText("到2026年")
        return dialog.result_target() is not None

    monkeypatch.setattr(window, "_run_dialog", fill_and_accept)
    select(window, "专业化产业园区")  # the new target goes to this target's plan
    with qtbot.waitSignal(window.session.statusesReady):
        window.acts.new_target.trigger()
    wait_ready(qtbot, window)
    assert shown_value(window, "示范园区数量", "status") == "No data"
    assert window.model.rowCount() == 21
    with qtbot.waitSignal(window.session.statusesReady):
        window.acts.undo.trigger()
    assert window.model.rowCount() == 20


def test_a_target_with_years_of_figures_shows_them_all_in_detail(qtbot: QtBot, window: MainWindow) -> None:
    """The dashboard computes from the latest few figures; the selected target's history, grid and trajectory
    show every one of its 19 figures (Jan 2024 – Jul 2025, 累计 10 more each month: 190 of 600 = 31.7 %)."""
    from app.domain.entities import ProgressEntry, Target, TargetKind, ValueType
    from app.domain.periods import as_of, month

    session = window.session
    plan_id = session.rows[0].plan.id or 0
    target = session.add_target(
        Target(
            plan_id=plan_id,
            name="长期累计指标",
            kind=TargetKind.CUMULATIVE,
            unit="家",
            target_value=Decimal(600),
            deadline=date(2026, 12, 31),
        )
    )
    figures = [
        ProgressEntry(
            target.id or 0,
            as_of(month(2024 + i // 12, i % 12 + 1).end),
            Decimal(10 * (i + 1)),
            "家",
            ValueType.CUMULATIVE,
            source="测试",
        )
        for i in range(19)
    ]
    with qtbot.waitSignal(session.statusesReady):
        session.add_entries(figures)
    session.wait_for_statuses()
    quick = next(r for r in session.rows if r.target.name == "长期累计指标")
    assert len(quick.entries) == 6  # what the status needed
    assert shown_value(window, "长期累计指标", "completion") == "31.7%"
    select(window, "长期累计指标")
    detail = window.detail.current_row()
    assert detail is not None and len(detail.entries) == 19 and len(detail.progress.series) == 19
    assert window.detail.history_model.rowCount() == 19
    assert window.entry_grid.model.first_new_row == 19
    chart = window.charts.trajectory
    assert chart is not None and len(chart.data().points) == 19
