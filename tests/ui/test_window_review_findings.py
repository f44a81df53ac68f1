"""Each test reproduces a defect found in review of the window; they guard the user's data."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.services.workspace import Workspace
from app.storage.database import save_copy
from app.ui.application import AppController
from app.ui.main_window import MainWindow
from tests.ui.window_helpers import prompts, select, wait_ready

PARKS_DRAFT = "截至2025年6月底\t3个\n"


def other_file(tmp_path: Path) -> Path:
    """A second data file with one plan and one target of its own."""
    path = tmp_path / "另一个.ptt.sqlite"
    from app.cli import main as cli

    assert cli(["init", str(path)]) == 0
    assert (
        cli(["add-plan", str(path), "--title", "乙计划", "--start", "2024-01-01", "--end", "2026-12-31"]) == 0
    )
    args = ["add-target", str(path), "--plan", "1", "--name", "乙目标", "--kind", "累计数", "--unit", "个"]
    assert cli([*args, "--target", "9", "--deadline", "2026-12-31"]) == 0
    return path


def test_opening_another_file_clears_the_grid_so_figures_cannot_go_there(
    qtbot: QtBot, window: MainWindow, controller: AppController, tmp_path: Path
) -> None:
    select(window, "专业化产业园区")
    window.acts.enter_figures.trigger()
    assert window.entry_grid.model.rowCount() == 1
    controller.open_path(other_file(tmp_path))
    assert window.entry_grid.model.rowCount() == 0  # no targets: nothing can be typed into the old ones
    assert window.selected_row() is None and window.model.rowCount() == 0  # until the new statuses arrive
    wait_ready(qtbot, window)
    assert [r.target.name for r in window.session.rows] == ["乙目标"]
    assert window.session.as_of == date(2025, 7, 31)  # the chosen as-of date stays


def test_saving_in_unit_mode_twice_does_not_duplicate(qtbot: QtBot, window: MainWindow) -> None:
    window.show_unit_grid("市经济和信息化局")
    model = window.entry_grid.model
    model.paste_block("专业化产业园区\t截至2025年6月底\t3个\n", model.first_new_row, 0)
    with qtbot.waitSignal(window.session.statusesReady):
        assert model.submit_drafts()
    wait_ready(qtbot, window)
    assert model.draft_entries() in (None, [])
    assert not window.entry_grid.save_button.isEnabled()
    assert not model.submit_drafts()
    parks = next(t for t in window.session.workspace.targets.all() if t.name == "专业化产业园区")
    assert len(window.session.workspace.entries.for_target(parks.id or 0)) == 1


def test_unsaved_rows_wait_while_another_target_is_looked_at(window: MainWindow) -> None:
    select(window, "专业化产业园区")
    window.acts.enter_figures.trigger()
    model = window.entry_grid.model
    model.paste_block(PARKS_DRAFT, model.first_new_row, 0)
    select(window, "创新医疗器械品种")
    assert "3个" not in [model.cell_text(r, "value") for r in range(model.rowCount())]
    select(window, "专业化产业园区")
    assert [model.cell_text(r, "value") for r in range(model.rowCount()) if model.is_draft_row(r)] == ["3个"]


def test_enter_figures_starts_on_the_empty_row(window: MainWindow) -> None:
    select(window, "创新医疗器械品种")
    window.acts.enter_figures.trigger()
    view, model = window.entry_grid.view, window.entry_grid.model
    assert view.currentIndex().row() == model.first_new_row
    assert not view.selectionModel().hasSelection()
    assert window.grid_title.text() == "Figures of “创新医疗器械品种” (个)"


def test_a_failed_redo_clears_the_history_instead_of_replaying_it(qtbot: QtBot, window: MainWindow) -> None:
    select(window, "专业化产业园区")
    window.acts.enter_figures.trigger()
    model = window.entry_grid.model
    model.paste_block(PARKS_DRAFT, model.first_new_row, 0)
    with qtbot.waitSignal(window.session.statusesReady):
        model.submit_drafts()
    stack = window.session.undo_stack
    stack.undo()
    parks = next(t for t in window.session.workspace.targets.all() if t.name == "专业化产业园区")
    window.session.editor.delete_target(parks.id or 0)  # meanwhile, elsewhere
    stack.redo()
    qtbot.waitUntil(lambda: stack.count() == 0)
    kind, _title, text = prompts(window).shown[-1]
    assert kind == "error" and "undo history has been cleared" in text


def test_a_broken_file_on_a_read_only_share_is_reported_not_raised(
    window: MainWindow, controller: AppController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "broken.ptt.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x07" * 300)
    import app.storage.database as database

    monkeypatch.setattr(database.os, "access", lambda p, mode: False)
    controller.open_path(bad)  # must not raise out of the slot
    kind, _title, text = prompts(window).shown[-1]
    assert kind == "error" and "损坏" in text
    assert window.session.workspace.is_demo


def test_save_a_copy_over_a_file_with_a_stale_log_gives_a_sound_copy(
    tmp_path: Path, demo_workspace: Workspace
) -> None:
    dest = tmp_path / "旧文件.sqlite"
    stale = sqlite3.connect(dest)
    stale.execute("PRAGMA journal_mode = WAL")
    stale.execute("CREATE TABLE junk (x)")
    stale.execute("INSERT INTO junk VALUES (1)")
    stale.commit()
    (tmp_path / "旧文件.sqlite-wal").write_bytes(
        (tmp_path / "旧文件.sqlite-wal").read_bytes()
    )  # as after a crash
    stale_wal = (tmp_path / "旧文件.sqlite-wal").read_bytes()
    stale.close()  # a clean close removes the log; a crash would have left it: put it back
    (tmp_path / "旧文件.sqlite-wal").write_bytes(stale_wal)
    save_copy(demo_workspace.db, dest)
    assert not (tmp_path / "旧文件.sqlite-wal").exists()
    with Workspace.open(dest, read_only=True) as copy:
        assert copy.targets.count() == 20
        assert "junk" not in copy.db.table_names()


def test_a_closed_session_stays_silent(window: MainWindow, controller: AppController) -> None:
    session = window.session
    window.unbind()
    session.close()
    assert session.undo_stack.signalsBlocked() and session.signalsBlocked()
