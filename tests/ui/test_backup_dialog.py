"""File → Restore from backup… and the backups the window takes: the list as a model, the dialog's question,
the controller closing, restoring and reopening the file, and a damaged file offered its latest good backup."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.domain.entities import ProgressEntry, ValueType
from app.domain.periods import parse_period
from app.services.backups import BackupKind, backup_folder, list_backups, take_backup
from app.services.demo import create_demo_workspace
from app.services.workspace import Workspace
from app.ui.application import AppController
from app.ui.backup_dialog import BackupDialog, BackupListModel
from app.ui.main_window import MainWindow
from tests.conftest import fixed_clock
from tests.services.backup_helpers import Clock, damage
from tests.ui.window_helpers import ScriptedPrompts, prompts


@pytest.fixture
def root(tmp_path: Path, controller: AppController) -> Path:
    controller.backups.root = tmp_path / "backups"
    return controller.backups.root


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    path = tmp_path / "区县 填报.ptt.sqlite"
    create_demo_workspace(path, clock=fixed_clock).close()
    return path


def two_backups(data_file: Path, root: Path) -> None:
    """30 July: the 24 demo figures; 31 July: one more."""
    clock = Clock(datetime(2025, 7, 30, 9, 0))
    with Workspace.open(data_file, clock=clock) as ws:
        take_backup(ws, root=root)
        add_figure(ws)
        clock.now = datetime(2025, 7, 31, 9, 0)
        take_backup(ws, root=root)


def add_figure(ws: Workspace) -> None:
    from app.services.editing import Editor

    target = ws.targets.all()[0]
    Editor(ws).add_entry(
        ProgressEntry(
            target_id=target.id or 0,
            period=parse_period("2025年上半年"),
            value=Decimal(300),
            unit=target.unit,
            value_type=ValueType.PERIOD,
        )
    )


def cells(model: BackupListModel) -> list[list[str]]:
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


# the list and the dialog -------------------------------------------------------------------------------


def test_the_model_shows_date_kind_counts_and_size(
    qtmodeltester: ModelTester, data_file: Path, tmp_path: Path
) -> None:
    root = tmp_path / "b"
    two_backups(data_file, root)
    backups = list_backups(data_file, root=root)
    model = BackupListModel(backups)
    qtmodeltester.check(model)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)] == [
        "Taken", "Kind", "Plans", "Targets", "Figures", "Size",
    ]  # fmt: skip
    rows = cells(model)
    assert [r[:5] for r in rows] == [
        ["2025-07-31 09:00:00", "自动备份", "7", "20", "25"],
        ["2025-07-30 09:00:00", "自动备份", "7", "20", "24"],
    ]
    assert rows[0][5].endswith(" KB")
    assert model.index(0, 4).data(BackupListModel.SortRole) == 25  # numbers sort as numbers
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == str(backups[0].path)


def test_restore_asks_first_and_then_names_the_chosen_backup(
    qtbot: QtBot, data_file: Path, tmp_path: Path
) -> None:
    root = tmp_path / "b"
    two_backups(data_file, root)
    answers = ScriptedPrompts()
    dialog = BackupDialog(
        data_file, list_backups(data_file, root=root), answers, backup_folder(data_file, root)
    )  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    assert dialog.restore_button.isEnabled() and dialog.selected() == list_backups(data_file, root=root)[0]
    dialog.select(1)
    answers.confirm_answer = False
    dialog.restore_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.chosen is None
    kind, title, text = answers.shown[-1]
    assert (kind, title) == ("confirm", "Restore from backup")
    assert "Replace 区县 填报.ptt.sqlite with the backup taken 2025-07-30 09:00" in text
    assert "政策文件 7 个，指标 20 个，填报 24 条" in text
    answers.confirm_answer = True
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # Enter = the default button = Restore, which asks
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen is not None and dialog.chosen.taken_at == datetime(2025, 7, 30, 9, 0)


def test_no_backups_yet_says_when_they_are_taken(qtbot: QtBot, data_file: Path, tmp_path: Path) -> None:
    dialog = BackupDialog(data_file, [], ScriptedPrompts(), tmp_path / "b")  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    assert "There are no backups of 区县 填报.ptt.sqlite yet" in dialog.intro.text()
    assert not dialog.restore_button.isEnabled()
    dialog.grab().save(str(tmp_path / "empty.png"))


def test_a_damaged_files_copy_is_listed_but_cannot_be_restored(
    qtbot: QtBot, data_file: Path, tmp_path: Path
) -> None:
    from app.services.backups import restore_backup

    root = tmp_path / "b"
    two_backups(data_file, root)
    damage(data_file)
    restore_backup(list_backups(data_file, root=root)[0].path, data_file, root=root)
    backups = list_backups(data_file, root=root)
    assert backups[0].kind is BackupKind.DAMAGED
    dialog = BackupDialog(data_file, backups, ScriptedPrompts(), root)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.select(0)
    assert cells(dialog.model)[0][1:5] == ["损坏文件的原样副本", "—", "—", "—"]
    assert not dialog.restore_button.isEnabled()
    dialog.select(1)
    assert dialog.restore_button.isEnabled()


def test_render_the_dialog(qtbot: QtBot, data_file: Path, tmp_path: Path) -> None:
    root = tmp_path / "b"
    two_backups(data_file, root)
    dialog = BackupDialog(data_file, list_backups(data_file, root=root), ScriptedPrompts(), root)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Close) is not None
    assert dialog.grab().save(str(tmp_path / "backup_dialog.png"))


# the window --------------------------------------------------------------------------------------------


def open_file(controller: AppController, window: MainWindow, path: Path) -> None:
    controller.open_path(path)
    assert window.session.workspace.path == path
    window.session.wait_for_statuses()


def test_opening_a_file_backs_it_up_and_the_demo_is_not(
    window: MainWindow, controller: AppController, root: Path, data_file: Path
) -> None:
    controller.backups.maybe_backup()  # on the demo copy: nothing
    assert not root.exists()
    open_file(controller, window, data_file)
    backups = list_backups(data_file, root=root)
    assert [b.kind for b in backups] == [BackupKind.AUTO]
    assert backups[0].counts is not None and backups[0].counts.entries == 24
    assert controller.backups.maybe_backup() is None  # one a day


def test_restore_from_backup_replaces_the_open_file_and_reopens_it(
    window: MainWindow, controller: AppController, root: Path, data_file: Path
) -> None:
    two_backups(data_file, root)
    open_file(controller, window, data_file)
    assert window.session.workspace.entries.count() == 25
    old_session = window.session

    def choose_the_24(dialog: BackupDialog) -> int:
        for row in range(dialog.proxy.rowCount()):
            info = dialog.proxy.index(row, 0).data(BackupListModel.EntityRole)
            if info.counts is not None and info.counts.entries == 24:
                dialog.select(row)
                dialog.restore_button.click()
                return dialog.result()
        raise AssertionError("no backup with the 24 demo figures")

    controller.backups.exec_dialog = choose_the_24  # type: ignore[assignment]
    autos = [b.path for b in list_backups(data_file, root=root) if b.kind is BackupKind.AUTO]
    window.acts.restore_backup.trigger()

    assert window.session is not old_session
    assert window.session.workspace.path == data_file
    assert window.session.workspace.entries.count() == 24
    kinds = [kind for kind, *_ in prompts(window).shown]
    assert kinds == ["confirm", "info"]
    _, title, text = prompts(window).shown[-1]
    assert (
        title == "Restore from backup" and "has been restored from 区县 填报-20250730-090000.sqlite" in text
    )
    safety = [b for b in list_backups(data_file, root=root) if b.kind is BackupKind.BEFORE_RESTORE]
    assert len(safety) == 1 and safety[0].counts is not None and safety[0].counts.entries == 25
    assert str(safety[0].path) in text
    # reopening takes no new automatic backup: it would only rotate away today's, taken before the restore
    assert [b.path for b in list_backups(data_file, root=root) if b.kind is BackupKind.AUTO] == autos


def test_restore_refused_while_another_copy_has_the_file_open_keeps_working_on_it(
    window: MainWindow, controller: AppController, root: Path, data_file: Path
) -> None:
    two_backups(data_file, root)
    open_file(controller, window, data_file)
    colleague = Workspace.open(data_file)  # e.g. a colleague on the shared drive
    try:
        controller.backups.exec_dialog = lambda d: (d.select(1), d.restore_button.click(), d.result())[-1]  # type: ignore[assignment]
        window.acts.restore_backup.trigger()
    finally:
        colleague.close()
    kind, _, text = prompts(window).shown[-1]
    assert kind == "error" and "正被打开" in text and "文件未做任何修改" in text
    assert window.session.workspace.path == data_file
    assert window.session.workspace.entries.count() == 25  # the file as it was, open again
    assert not window.session.read_only


def test_a_damaged_file_is_offered_its_latest_good_backup(
    window: MainWindow, controller: AppController, root: Path, data_file: Path
) -> None:
    two_backups(data_file, root)
    damage(data_file)
    controller.open_path(data_file)
    (kind, title, question), (kind2, _, done) = prompts(window).shown[-2:]
    assert (kind, title) == ("confirm", "The file is damaged")
    assert "数据文件已损坏" in question
    assert (
        "The latest good backup of this file was taken 2025-07-31 09:00 (政策文件 7 个，指标 20 个，填报 25 条)"
        in question
    )
    assert kind2 == "info" and "-damaged.sqlite" in done
    assert window.session.workspace.path == data_file
    assert window.session.workspace.entries.count() == 25
    window.session.wait_for_statuses()
    assert window.model.rowCount() == 20


def test_declining_the_backup_leaves_the_damaged_file_alone(
    window: MainWindow, controller: AppController, root: Path, data_file: Path
) -> None:
    two_backups(data_file, root)
    damage(data_file)
    damaged = data_file.read_bytes()
    prompts(window).confirm_answer = False
    controller.open_path(data_file)
    assert [k for k, *_ in prompts(window).shown] == ["confirm"]  # no error on top of the question
    assert window.session.workspace.is_demo and window.session.workspace.path != data_file
    assert data_file.read_bytes()[:18] == damaged[:18]


def test_a_damaged_file_without_backups_is_reported(
    window: MainWindow, controller: AppController, root: Path, data_file: Path
) -> None:
    damage(data_file)
    controller.open_path(data_file)
    kind, title, text = prompts(window).shown[-1]
    assert (kind, title) == ("error", "Cannot open file") and "数据文件已损坏" in text


def test_a_read_only_file_cannot_be_restored(
    window: MainWindow,
    controller: AppController,
    root: Path,
    data_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import app.storage.database as database

    monkeypatch.setattr(database.os, "access", lambda p, mode: False)
    controller.open_path(data_file)
    assert window.session.read_only
    assert not root.exists()  # a read-only file is never backed up
    window.acts.restore_backup.trigger()
    kind, _, text = prompts(window).shown[-1]
    assert kind == "error" and "read-only" in text


def test_the_actions_are_in_the_file_menu(window: MainWindow) -> None:
    texts = [a.text() for a in window.menus["file"].actions()]
    assert "Restore from &backup…" in texts and "Export &audit log…" in texts


def test_export_audit_log_from_the_window(
    qtbot: QtBot, window: MainWindow, controller: AppController, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "审计记录.xlsx"
    prompts(window).paths = [str(out)]
    with qtbot.waitSignal(controller.backups.exportFinished, timeout=20000) as blocker:
        window.acts.export_audit.trigger()
    assert blocker.args[0].count == 51
    assert "已导出审计记录 51 条" in window.statusBar().currentMessage()
    assert len(list(load_workbook(out)["审计记录"].iter_rows())) == 52


def test_an_export_that_fails_is_reported(
    qtbot: QtBot, window: MainWindow, controller: AppController, tmp_path: Path
) -> None:
    prompts(window).paths = [str(tmp_path / "没有这个文件夹" / "审计.xlsx")]
    with qtbot.waitSignal(controller.backups.exportFinished, timeout=20000) as blocker:
        window.acts.export_audit.trigger()
    assert blocker.args[0] is None
    kind, _, text = prompts(window).shown[-1]
    assert kind == "error" and "文件夹不存在" in text


def test_a_backup_that_fails_is_shown_in_the_status_bar(
    window: MainWindow, controller: AppController, data_file: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("x", encoding="utf-8")
    controller.backups.root = blocker
    open_file(controller, window, data_file)  # the file opens all the same
    assert "Backup failed" in window.statusBar().currentMessage()
    assert "无法在" in controller.backups.last_warning


def test_a_tampered_row_is_no_reason_to_refuse_a_backup(
    window: MainWindow, controller: AppController, root: Path, data_file: Path
) -> None:
    conn = sqlite3.connect(data_file)  # check reports this; a backup keeps it as evidence
    conn.execute("UPDATE target SET notes = '改过' WHERE id = 1")
    conn.commit()
    conn.close()
    open_file(controller, window, data_file)
    assert len(list_backups(data_file, root=root)) == 1
