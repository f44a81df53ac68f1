"""template, import and reporting from the command line, on real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.services.workspace import Workspace
from tests.services.test_sheet_import import FILLS, fill

UNIT = "市经济和信息化局经济运行处"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "演示 数据.sqlite"
    assert run(capsys, "init", str(path), "--demo")[0] == 0
    return path


@pytest.fixture
def template(demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    out = tmp_path / "模板.xlsx"
    code, text, _ = run(
        capsys, "template", str(demo_file), "--out", str(out), "--unit", UNIT, "--as-of", "2025-07-31"
    )
    assert code == 0
    assert text == f"已生成填报模板：{out}（{UNIT}，5 个指标，9 行，截至 2025-07-31）\n"
    return out


def entry_count(path: Path) -> int:
    with Workspace.open(path, read_only=True) as ws:
        return ws.entries.count()


def test_an_unfilled_template_imports_cleanly_as_nothing(
    demo_file: Path, template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "import", str(demo_file), str(template), "--dry-run", "--as-of", "2025-07-31")
    assert code == 0
    assert "模板.xlsx 已读取（9 行，工作表 填报）" in out
    assert "1 个文件，9 行：正常 0，警告 0，错误 0，跳过 9" in out
    assert out.rstrip().endswith("试运行（--dry-run）：未写入任何数据")


def test_errors_block_the_import_until_bad_rows_are_skipped(
    demo_file: Path, template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    filled = fill(template, tmp_path / "回报.xlsx", FILLS)
    before = entry_count(demo_file)
    code, out, _ = run(capsys, "import", str(demo_file), str(filled), "--dry-run", "--as-of", "2025-07-31")
    assert code == 1
    lines = out.splitlines()
    assert lines[2].split() == ["位置", "状态", "指标", "报告期", "数值", "说明"]
    assert lines[4].split() == ["填报!K4", "正常", "医疗器械产业总体规模", "2024年全年", "360"]
    assert (
        lines[5].startswith("填报!K5   错误  医疗器械产业总体规模")
        and "数值：“abc”不是有效的数字" in lines[5]
    )
    assert "1 个文件，10 行：正常 1，警告 3，错误 5，跳过 1" in out
    assert entry_count(demo_file) == before

    code, out, _ = run(capsys, "import", str(demo_file), str(filled), "--as-of", "2025-07-31")
    assert code == 1
    assert "有错误，未写入任何数据：请改正后重新导入，或用 --skip-bad-rows 只导入没有错误的行" in out
    assert entry_count(demo_file) == before

    code, out, _ = run(
        capsys, "import", str(demo_file), str(filled), "--as-of", "2025-07-31", "--skip-bad-rows"
    )
    assert code == 0
    assert out.rstrip().endswith("已导入 4 条（回报.xlsx 4 条）")
    assert entry_count(demo_file) == before + 4

    code, out, _ = run(capsys, "import", str(demo_file), str(filled), "--as-of", "2025-07-31")
    assert code == 0
    assert "回报.xlsx 已导入过：同一文件（SHA-256 相同）已于" in out
    assert out.rstrip().endswith("没有需要导入的数据，未做任何修改")
    assert entry_count(demo_file) == before + 4

    code, out, _ = run(capsys, "check", str(demo_file))
    assert code == 0 and "检查通过" in out


def test_a_clean_file_is_committed_and_json_describes_every_row(
    demo_file: Path, template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    filled = fill(template, tmp_path / "回报.xlsx", {"K4": 360, "K9": "五十"}, copy_row=None)
    code, out, _ = run(
        capsys, "import", str(demo_file), str(filled), "--format", "json", "--as-of", "2025-07-31"
    )
    assert code == 0
    data = json.loads(out)
    assert data["committed"] is True and data["added"] == 2 and data["dry_run"] is False
    assert data["counts"] == {"ok": 2, "warning": 0, "error": 0, "skipped": 7}
    assert data["files"][0]["state"] == "read" and len(data["files"][0]["sha256"]) == 64
    chinese = next(r for r in data["rows"] if r["cell"] == "填报!K9")
    assert (chinese["value"], chinese["value_in_unit"], chinese["period"]) == (
        "五十",
        "50",
        "截至2025年3月底",
    )


def test_a_file_that_is_not_a_sheet_is_named_and_refused(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "照片.xlsx"
    junk.write_bytes(b"\xff\xd8\xff\xe0 not a workbook" * 40)
    code, out, _ = run(capsys, "import", str(demo_file), str(junk))
    assert code == 1
    assert "照片.xlsx 无法导入：照片.xlsx：不是有效的 Excel（.xlsx）文件" in out


def test_templates_for_every_unit_go_into_a_folder(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "模板"
    folder.mkdir()
    code, out, _ = run(capsys, "template", str(demo_file), "--out", str(folder), "--as-of", "2025-07-31")
    assert code == 0 and out.count("已生成填报模板") == 3
    assert sorted(p.name for p in folder.iterdir()) == [
        "填报模板_市经济和信息化局_20250731.xlsx",
        "填报模板_市经济和信息化局数字产业处_20250731.xlsx",
        "填报模板_市经济和信息化局经济运行处_20250731.xlsx",
    ]
    code, _, err = run(
        capsys, "template", str(demo_file), "--out", str(folder / "x.xlsx"), "--unit", "统计局"
    )
    assert code == 1 and "没有责任单位“统计局”" in err


def test_reporting_status(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ("reporting", str(demo_file), "--period", "2025年6月", "--today", "2025-07-31")
    code, out, _ = run(capsys, *args, "--format", "json")
    assert code == 0
    data = json.loads(out)
    # The demo's figures were entered when the file was made (after 2025-07-10): those for June are late.
    assert data["counts"] == {"on_time": 0, "late": 10, "missing": 10, "pending": 0}
    assert [(u["unit"], u["targets"], u["late"], u["missing"]) for u in data["units"]] == [
        ("市经济和信息化局", 11, 4, 7),
        ("市经济和信息化局数字产业处", 4, 3, 1),
        ("市经济和信息化局经济运行处", 5, 3, 2),
    ]
    code, out, _ = run(capsys, *args)
    assert code == 0
    assert out.startswith(
        "报送情况：2025年6月  报送截止 2025-07-10（期末后 10 天）\n按时报送 0 · 逾期报送 10 · 未报送 10 · 待报送 0"
    )
    assert "责任单位                    指标数  按时报送  逾期报送  未报送  待报送  报送率" in out


def test_an_unreadable_period_is_a_usage_error(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["reporting", str(demo_file), "--period", "上个月"])
    assert exit_info.value.code == 2
    assert "“上个月”不是有效的报告期" in capsys.readouterr().err
