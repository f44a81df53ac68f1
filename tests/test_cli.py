"""The command line on real files: numbers a reader can check against the two seed reports."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.storage.migrations import LATEST_VERSION

AS_OF = "2025-07-31"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "演示 数据.sqlite"
    code, out, _ = run(capsys, "init", str(path), "--demo")
    assert code == 0 and "20 个指标" in out
    return path


def status_json(
    capsys: pytest.CaptureFixture[str], path: Path, as_of: str = AS_OF
) -> dict[str, dict[str, object]]:
    code, out, _ = run(capsys, "status", str(path), "--as-of", as_of, "--format", "json")
    assert code == 0
    return {t["target"]: t for t in json.loads(out)["targets"]}


def test_status_json_on_the_demo_matches_the_seeds(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    targets = status_json(capsys, demo_file)
    assert len(targets) == 20
    scale = targets["医疗器械产业总体规模"]
    # 2024年前三季度 257亿元, annualised ×12/9 = 342.67; against 352 (2023) → 500 (2026): (342.67−352)/148
    assert float(str(scale["latest_value"])) == pytest.approx(342.6667, abs=1e-3)
    assert scale["annualised"] is True
    assert scale["completion"] == pytest.approx(-0.063063, abs=1e-5)
    assert scale["time_progress"] == pytest.approx(0.25)  # 274 of 1096 days
    assert scale["status_label"] == "滞后"
    products = targets["创新医疗器械品种"]
    # 累计获批70个 (2024) + 7 in 2025上半年 = 77; baseline 63; (77−63)/(100−63) = 37.8 %
    assert products["latest_value"] == "77"
    assert products["completion"] == pytest.approx(14 / 37, abs=1e-6)
    assert products["time_progress"] == pytest.approx(547 / 1096, abs=1e-6)
    assert products["status_label"] == "滞后"
    area = targets["示范区路侧基础设施智能化覆盖面积"]
    assert (area["latest_value"], area["status_label"]) == ("600", "已完成")  # 440 → 600 平方公里
    assert targets["规上制造企业全面开展数字化转型"]["status_label"] == "无数据"  # 1590 firms: no figures yet
    assert targets["龙头企业建立企业碳账户"]["target_value"] == "500"
    models = targets["备案上线大模型"]
    assert (models["latest_value"], models["status_label"]) == ("132", "监测")  # 94 → 132
    assert targets["规上工业增加值增速"]["latest_value"] == "7"  # 6.9% (2024) → 7% (2025上半年)
    assert targets["工业总产值（年内累计）"]["latest_value"] == "13500"  # 1.35万亿元 in 亿元
    assert targets["新增智能算力（年内累计）"]["latest_value"] == "11000"  # 1.1万P


def test_as_of_date_hides_later_entries(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    targets = status_json(capsys, demo_file, as_of="2024-12-31")
    assert targets["备案上线大模型"]["latest_value"] == "94"
    assert targets["示范区路侧基础设施智能化覆盖面积"]["latest_value"] == "440"


def test_status_table_lists_every_target_with_counts(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "status", str(demo_file), "--as-of", AS_OF)
    assert code == 0
    assert "（演示数据）  截至 2025-07-31  共 20 个指标" in out
    assert "滞后 2 · 无数据 3 · 已完成 1 · 监测 14" in out
    line = next(ln for ln in out.splitlines() if "医疗器械产业总体规模" in ln)
    for text in (
        ">500亿元（2026-12-31）",
        "342.67亿元（年化）",
        "2024年前三季度",
        "-6.3%",
        "25.0%",
        "-31.3",
        "157.33亿元",
        "滞后",
    ):
        assert text in line


def test_status_csv_has_a_header_and_one_row_per_target(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "status", str(demo_file), "--as-of", AS_OF, "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert code == 0
    assert rows[0][:3] == ["政策文件", "指标", "责任单位"] and rows[0][-1] == "状态"
    assert len(rows) == 21
    products = next(r for r in rows if r[1] == "创新医疗器械品种")
    assert products[4:9] == ["77个", "2025年上半年", "37.8%", "49.9%", "-12.1"]


def test_status_demo_flag_needs_no_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "status", "--demo", "--as-of", AS_OF)
    assert code == 0 and "共 20 个指标" in out


def test_status_does_not_modify_the_file(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = demo_file.read_bytes()
    run(capsys, "status", str(demo_file), "--as-of", AS_OF)
    assert demo_file.read_bytes() == before


def test_check_passes_on_a_sound_file(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(demo_file))
    assert code == 0
    assert f"数据库版本：{LATEST_VERSION}" in out and "指标 20 个" in out and "检查通过" in out


def test_check_finds_a_tampered_audit_trail(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    conn = sqlite3.connect(demo_file)
    conn.execute("DROP TRIGGER audit_event_no_update")
    conn.execute("UPDATE audit_event SET who = '某人' WHERE id = 5")
    conn.commit()
    conn.close()
    code, out, _ = run(capsys, "check", str(demo_file))
    assert code == 1
    assert "审计记录链在第 5 条断开" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"not a database at all", "不是本程序的数据文件"), (b"SQLite format 3\x00" + b"\x07" * 200, "损坏")],
)
def test_bad_files_exit_1_with_a_message_and_stay_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    path = tmp_path / "坏文件.sqlite"
    path.write_bytes(content)
    for command in ("status", "check"):
        code, _, err = run(capsys, command, str(path))
        assert code == 1
        assert message in err
    assert path.read_bytes() == content


def test_init_refuses_to_overwrite(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = demo_file.read_bytes()
    code, _, err = run(capsys, "init", str(demo_file))
    assert code == 1 and "已存在" in err
    assert demo_file.read_bytes() == before


def test_missing_file_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "status", str(tmp_path / "nothing.sqlite"))
    assert code == 1 and "找不到数据文件" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["frobnicate"],
        ["status", "--format", "xml", "x.sqlite"],
        ["status"],
        ["status", "--demo", "--as-of", "明天"],
    ],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:  # argparse's own usage errors
        code = main(argv)
        raise SystemExit(code)
    assert exc.value.code == 2


def test_runs_as_a_module_in_a_subprocess(tmp_path: Path) -> None:
    """The real entry point: ``python -m app.cli`` with UTF-8 output even where the console is not."""
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "status", "--demo", "--as-of", AS_OF, "--format", "json"],
        capture_output=True,
        check=False,
        env={"PATH": "", "PYTHONIOENCODING": "ascii", "SYSTEMROOT": ""},
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    data = json.loads(result.stdout.decode("utf-8"))
    assert len(data["targets"]) == 20


def _table_counts(path: Path) -> tuple[int, int, int, int]:
    conn = sqlite3.connect(path)
    counts = tuple(
        conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("plan", "target", "progress_entry", "audit_event")
    )
    conn.close()
    return counts  # type: ignore[return-value]


def test_a_plan_target_and_entries_entered_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "新.sqlite"
    assert run(capsys, "init", str(path))[0] == 0
    code, out, _ = run(
        capsys,
        "add-plan",
        str(path),
        "--title",
        "医疗器械行动计划",
        "--start",
        "2024-01-01",
        "--end",
        "2026年底",
    )
    assert code == 0 and "已添加政策文件 1" in out
    code, out, _ = run(
        capsys, "add-target", str(path), "--plan", "医疗器械行动计划", "--name", "总体规模", "--kind", "规模",
        "--unit", "亿元", "--target", "500亿元", "--comparator", "突破", "--deadline", "到2026年", "--baseline", "352",
    )  # fmt: skip
    assert code == 0 and "已添加指标 1：总体规模" in out
    code, out, _ = run(
        capsys,
        "add-entry",
        str(path),
        "--target",
        "总体规模",
        "--period",
        "2024年前三季度",
        "--value",
        "257亿元",
    )
    assert code == 0 and "已填报 总体规模 2024年前三季度：257亿元" in out
    targets = status_json(capsys, path)
    scale = targets["总体规模"]
    assert (scale["comparator"], scale["target_value"], scale["deadline"]) == (">", "500", "2026-12-31")
    assert scale["completion"] == pytest.approx((257 * 12 / 9 - 352) / 148, abs=1e-6)


@pytest.mark.parametrize(
    ("period", "value", "messages"),
    [
        ("2024年13月", "257亿元", ["报告期：", "月份应为1-12"]),
        ("2024年前三季度", "12a3", ["单位：", "“12a3”"]),
        ("2024年前三季度", "149家", ["单位：", "“家”与目标单位“亿元”不一致"]),
        ("2024年前三季度", "257亿卢布", ["单位：", "亿卢布"]),
        ("前三季度", "abc", ["报告期：", "缺少年份", "abc"]),
    ],
)
def test_bad_input_exits_1_names_the_field_and_changes_nothing(
    demo_file: Path, capsys: pytest.CaptureFixture[str], period: str, value: str, messages: list[str]
) -> None:
    before = _table_counts(demo_file)
    code, _, err = run(
        capsys,
        "add-entry",
        str(demo_file),
        "--target",
        "医疗器械产业总体规模",
        "--period",
        period,
        "--value",
        value,
    )
    assert code == 1
    assert "未做任何修改" in err
    for message in messages:
        assert message in err
    assert _table_counts(demo_file) == before


def test_deadline_before_baseline_is_refused(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _table_counts(demo_file)
    code, _, err = run(
        capsys, "add-target", str(demo_file), "--plan", "1", "--name", "园区", "--kind", "累计数", "--unit", "个",
        "--target", "5", "--deadline", "2023-06-30",
    )  # fmt: skip
    assert code == 1
    assert "截止时间：截止时间 2023-06-30 不晚于基期 2023-12-31" in err
    assert _table_counts(demo_file) == before


def test_unknown_target_is_named(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys, "add-entry", str(demo_file), "--target", "不存在的指标", "--period", "2024年", "--value", "1"
    )
    assert code == 1 and "找不到指标“不存在的指标”" in err


def test_check_reports_a_figure_changed_outside_the_program(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conn = sqlite3.connect(demo_file)
    conn.execute("UPDATE target SET target_value = '5000' WHERE name = '医疗器械产业总体规模'")
    conn.commit()
    conn.close()
    code, out, _ = run(capsys, "check", str(demo_file))
    assert code == 1
    assert "与审计记录不符：指标 1 的目标值在程序之外被改动：审计记录为 '500'，文件中为 '5000'" in out


def test_a_damaged_page_gives_a_message_not_a_traceback(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = bytearray(demo_file.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for offset in range(page_size * 2, len(data)):  # keep the header and schema page, damage the rest
        data[offset] = 0x5A
    demo_file.write_bytes(bytes(data))
    code, _, err = run(capsys, "status", str(demo_file), "--as-of", AS_OF)
    assert code == 1
    assert "损坏" in err and "Traceback" not in err
