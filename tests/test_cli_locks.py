"""``ptt lock`` / ``unlock`` / ``locks`` on a real file, and the figure commands refusing a locked period."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "演示 数据.sqlite"
    assert run(capsys, "init", str(path), "--demo")[0] == 0
    return path


def test_lock_refuse_unlock_round_trip(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = str(demo_file)
    assert run(capsys, "locks", f) == (0, "没有锁定的报告期\n", "")
    code, out, _ = run(capsys, "lock", f, "--period", "2025年6月", "--note", "6月月报已审定")
    assert (code, out) == (
        0,
        "已锁定报告期 2025年6月（2025-06-01 至 2025-06-30）：截止日期在此范围内的填报不能再添加、修改或删除\n",
    )
    code, out, _ = run(capsys, "locks", f)
    assert code == 0
    header, _rule, row = out.splitlines()
    assert header.split() == ["报告期", "范围", "锁定人", "锁定时间", "备注"]
    assert row.split()[:4] == ["2025年6月", "2025-06-01", "至", "2025-06-30"]
    assert row.endswith("6月月报已审定")

    add = ("add-entry", f, "--target", "绿色工厂累计建成", "--period", "截至2025年6月底", "--value", "215家")
    code, _, err = run(capsys, *add)
    assert code == 1
    assert "截至2025年6月底属于已锁定的报告期 2025年6月" in err and "不能添加" in err
    code, _, err = run(capsys, "lock", f, "--period", "2025年6月")
    assert code == 1 and "无需再次锁定" in err
    code, _, err = run(capsys, "unlock", f, "--period", "2025年5月")
    assert (code, err) == (1, "错误：报告期：2025年5月没有锁定，无需解锁\n")

    code, out, _ = run(capsys, "unlock", f, "--period", "2025年6月")
    assert code == 0 and out.startswith("已解锁报告期 2025年6月（原由 ")
    assert run(capsys, *add)[0] == 0  # correctable again
    assert run(capsys, "check", f)[0] == 0  # lock and unlock are in the audit trail; data and trail agree


def test_locks_as_json_and_bad_input(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = str(demo_file)
    assert run(capsys, "lock", f, "--period", "2025年上半年")[0] == 0
    code, out, _ = run(capsys, "locks", f, "--format", "json")
    locks = json.loads(out)["locks"]
    assert code == 0
    assert [(k["period"], k["start"], k["end"], k["note"]) for k in locks] == [
        ("2025年上半年", "2025-01-01", "2025-06-30", "")
    ]
    code, _, err = run(capsys, "lock", f, "--period", "明年")
    assert code == 1 and "“明年”不是有效的报告期" in err
    code, _, err = run(capsys, "lock", str(demo_file.with_name("无此文件.sqlite")), "--period", "2025年6月")
    assert code == 1 and "找不到数据文件" in err
