"""``backup``, ``restore`` and ``audit`` on real files; the write commands' daily backup. Backups go to the
temporary profile conftest sets up (platformdirs' user data folder)."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli import main
from app.services.audit_export import COLUMNS
from app.services.backups import BackupKind, backup_folder, list_backups
from app.services.workspace import Workspace
from app.storage.database import integrity_problems
from tests.services.backup_helpers import damage

ROOT = Path(__file__).resolve().parent.parent


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "演示 数据.ptt.sqlite"
    assert run(capsys, "init", str(path), "--demo")[0] == 0
    return path


def add_entry(capsys: pytest.CaptureFixture[str], path: Path, value: str) -> tuple[int, str, str]:
    return run(capsys, "add-entry", str(path), "--target", "1", "--period", "2025年上半年", "--value", value)


def entries(path: Path) -> int:
    with Workspace.open(path, read_only=True) as ws:
        return ws.entries.count()


def test_backup_writes_a_checked_consistent_copy(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "副本" / "备份 0731.ptt.sqlite"
    out.parent.mkdir()
    code, text, _ = run(capsys, "backup", str(demo_file), "--out", str(out))
    assert code == 0
    assert text.startswith(f"已备份到 {out}（政策文件 7 个，指标 20 个，填报 24 条，")
    assert "已通过完整性检查" in text
    with Workspace.open(out, read_only=True) as copy:
        assert integrity_problems(copy.db) == [] and copy.entries.count() == 24
    assert not backup_folder(demo_file).exists()  # an explicit copy is not an automatic backup


def test_backup_never_overwrites_the_file_itself(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = demo_file.read_bytes()
    code, _, err = run(capsys, "backup", str(demo_file), "--out", str(demo_file))
    assert code == 2 and "不能是数据文件本身" in err
    assert demo_file.read_bytes() == before


def test_backup_into_a_missing_folder_is_a_data_error(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "backup", str(demo_file), "--out", str(tmp_path / "没有" / "x.sqlite"))
    assert code == 1 and "文件夹不存在" in err


def test_write_commands_take_one_backup_a_day(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert add_entry(capsys, demo_file, "300亿元")[0] == 0
    assert add_entry(capsys, demo_file, "310亿元")[0] == 0
    backups = list_backups(demo_file)
    assert [b.kind for b in backups] == [BackupKind.AUTO]
    assert (
        backups[0].counts is not None and backups[0].counts.entries == 24
    )  # taken before the day's first change


def test_restore_without_a_choice_lists_the_backups(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, text, _ = run(capsys, "restore", str(demo_file))
    assert code == 0 and "还没有备份" in text
    add_entry(capsys, demo_file, "300亿元")
    code, text, _ = run(capsys, "restore", str(demo_file))
    lines = text.splitlines()
    assert code == 0
    assert lines[0] == f"{demo_file} 的备份（{backup_folder(demo_file)}）："
    assert lines[1].split() == ["时间", "类型", "大小", "内容", "文件"]
    assert "自动备份" in lines[3] and "政策文件 7 个，指标 20 个，填报 24 条" in lines[3]
    assert "要恢复，请加 --latest" in text
    code, text, _ = run(capsys, "restore", str(demo_file), "--list")
    assert code == 0 and "自动备份" in text and "要恢复" not in text


def test_restore_from_a_backup_file_keeps_the_current_one(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "周一.ptt.sqlite"
    run(capsys, "backup", str(demo_file), "--out", str(copy))
    add_entry(capsys, demo_file, "300亿元")
    assert entries(demo_file) == 25
    code, text, _ = run(capsys, "restore", str(demo_file), "--from", str(copy))
    assert code == 0
    assert text.splitlines()[0] == f"已用 {copy} 恢复 {demo_file}"
    kept = Path(text.splitlines()[1].removeprefix("恢复前的文件已保存为 "))
    assert kept.exists() and kept.name.endswith("-before-restore.sqlite")
    assert entries(demo_file) == 24 and entries(kept) == 25
    assert run(capsys, "check", str(demo_file))[0] == 0


def test_a_corrupt_file_is_refused_and_restore_latest_brings_back_the_last_good_backup(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_entry(capsys, demo_file, "300亿元")  # the day's backup: the 24 demo figures
    damage(demo_file)
    code, _, err = add_entry(capsys, demo_file, "310亿元")
    assert code == 1 and "数据文件已损坏" in err and "ptt restore" in err
    code, text, _ = run(capsys, "restore", str(demo_file), "--latest")
    assert code == 0 and "恢复前的文件已保存为" in text and text.rstrip().endswith("-damaged.sqlite")
    assert entries(demo_file) == 24
    assert run(capsys, "check", str(demo_file))[0] == 0


def test_restore_latest_without_backups_says_where_it_looked(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "restore", str(demo_file), "--latest")
    assert code == 1 and "没有可用的自动备份" in err and str(backup_folder(demo_file)) in err


def test_restore_is_refused_while_another_process_has_the_file_open(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "副本.ptt.sqlite"
    run(capsys, "backup", str(demo_file), "--out", str(copy))
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from app.services.workspace import Workspace\n"
            "ws = Workspace.open(sys.argv[1]); print('open', flush=True); sys.stdin.read(); ws.close()",
            str(demo_file),
        ],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        before = demo_file.read_bytes()
        code, _, err = run(capsys, "restore", str(demo_file), "--from", str(copy))
        assert code == 1 and "正被打开" in err and "文件未做任何修改" in err
        assert demo_file.read_bytes() == before
    finally:
        holder.communicate("")
    assert holder.returncode == 0
    assert run(capsys, "restore", str(demo_file), "--from", str(copy))[0] == 0  # closed: now it can


def test_audit_exports_xlsx_and_csv(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, text, _ = run(capsys, "audit", str(demo_file), "--out", str(tmp_path / "审计.xlsx"))
    assert code == 0 and text.strip() == f"已导出审计记录 51 条：{tmp_path / '审计.xlsx'}（审计记录链完整）"
    rows = list(load_workbook(tmp_path / "审计.xlsx")["审计记录"].iter_rows(values_only=True))
    assert rows[0] == COLUMNS and len(rows) == 52
    assert run(capsys, "audit", str(demo_file), "--out", str(tmp_path / "审计.csv"))[0] == 0
    with (tmp_path / "审计.csv").open(encoding="utf-8-sig", newline="") as f:
        assert len(list(csv.reader(f))) == 52


def test_audit_wants_xlsx_or_csv(demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "audit", str(demo_file), "--out", str(tmp_path / "审计.pdf"))
    assert code == 2 and ".xlsx 或 .csv" in err
