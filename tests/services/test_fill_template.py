"""Fill-in templates written with openpyxl and read back: which rows, which cells locked, what validation."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped]
import pytest

from app.domain.entities import Plan, Target, TargetKind
from app.domain.errors import DomainError
from app.domain.periods import parse_period
from app.services.atomic_write import OutputError
from app.services.fill_template import (
    format_identity,
    parse_identity,
    responsible_units,
    rows_for_target,
    template_file_name,
    template_rows,
    write_template,
    write_unit_templates,
)
from app.services.workspace import Workspace
from app.storage.file_records import ImportRepository

AS_OF = date(2025, 7, 31)
UNIT = "市经济和信息化局经济运行处"
HEADERS = [
    "编号（勿改）", "政策文件", "指标", "责任单位", "目标", "单位", "数值类型", "上次报告期", "上次填报值",
    "报告期", "数值", "来源", "备注", "填报人",
]  # fmt: skip


def target_ids(ws: Workspace) -> dict[str, int]:
    return {t.name: t.id or 0 for t in ws.targets.all()}


@pytest.fixture
def template(demo_workspace: Workspace, tmp_path: Path) -> Path:
    write_template(demo_workspace, tmp_path / "模板.xlsx", unit=UNIT, as_of_date=AS_OF)
    return tmp_path / "模板.xlsx"


def data_rows(sheet: Any) -> list[list[Any]]:
    return [[c.value for c in row] for row in sheet.iter_rows(min_row=4)]


def test_units_are_listed_from_the_targets(demo_workspace: Workspace) -> None:
    assert responsible_units(demo_workspace) == [
        "市经济和信息化局",
        "市经济和信息化局数字产业处",
        "市经济和信息化局经济运行处",
    ]


def test_rows_ask_for_missing_periods_after_the_latest_figure(demo_workspace: Workspace) -> None:
    rows = template_rows(demo_workspace, unit=UNIT, as_of_date=AS_OF)
    got = [
        (
            r.target.name,
            r.period.label,
            r.value_type.label,
            r.last.period.label if r.last else None,
            r.confirm,
        )
        for r in rows
    ]
    assert got == [
        # 规模: the year to date at each quarter end after 2024年前三季度 (the latest figure)
        ("医疗器械产业总体规模", "2024年全年", "期间值", "2024年前三季度", False),
        ("医疗器械产业总体规模", "2025年1-3月", "期间值", "2024年前三季度", False),
        ("医疗器械产业总体规模", "2025年1-6月", "期间值", "2024年前三季度", False),
        # up to date (2025年上半年 ends 2025-06-30, the last quarter end): one row to confirm or correct it
        ("创新医疗器械品种", "2025年上半年", "期间值", "2025年上半年", True),
        # a monitoring indicator reported as 累计值: points in time
        ("人工智能医疗器械累计获批", "截至2024年12月底", "累计值", "截至2024年9月底", False),
        ("人工智能医疗器械累计获批", "截至2025年3月底", "累计值", "截至2024年9月底", False),
        ("人工智能医疗器械累计获批", "截至2025年6月底", "累计值", "截至2024年9月底", False),
        ("规上工业增加值增速", "2025年上半年", "比率", "2025年上半年", True),
        ("工业总产值（年内累计）", "2025年上半年", "期间值", "2025年上半年", True),
    ]


def test_monthly_rows_keep_the_most_recent_periods(demo_workspace: Workspace) -> None:
    rows = [
        r
        for r in template_rows(demo_workspace, unit=UNIT, as_of_date=AS_OF, frequency="month", max_periods=4)
        if r.target.name == "人工智能医疗器械累计获批"
    ]
    # Oct 2024 … Jul 2025 are missing (July ends on the as-of date itself); the four latest are asked for.
    assert [r.period.label for r in rows] == [
        "截至2025年4月底",
        "截至2025年5月底",
        "截至2025年6月底",
        "截至2025年7月底",
    ]


def test_a_target_without_figures_gets_its_periods_since_the_plan_start() -> None:
    plan = Plan(id=1, title="计划", period_start=date(2025, 2, 15), period_end=date(2026, 12, 31))
    target = Target(id=5, plan_id=1, name="新建园区", kind=TargetKind.CUMULATIVE, unit="个")
    rows = rows_for_target(plan, target, [], as_of_date=date(2025, 7, 31), max_periods=9)
    assert [r.period.label for r in rows] == ["截至2025年3月底", "截至2025年6月底"]
    assert rows_for_target(plan, target, [], as_of_date=date(2025, 3, 30)) == []  # no period has ended yet


def test_the_workbook_layout(template: Path, demo_workspace: Workspace) -> None:
    wb = openpyxl.load_workbook(template)
    assert wb.sheetnames == ["说明", "填报", "选项"]
    assert wb["选项"].sheet_state == "hidden"
    assert wb.active.title == "填报"
    sheet = wb["填报"]
    assert [c.value for c in sheet[3]] == HEADERS
    assert sheet["B1"].value == f"{UNIT} 进度填报表（截至 2025-07-31）"
    assert "B1:N1" in [str(r) for r in sheet.merged_cells.ranges]
    assert sheet.column_dimensions["A"].hidden
    assert sheet.freeze_panes == "D4"
    rows = data_rows(sheet)
    assert len(rows) == 9
    ids = target_ids(demo_workspace)
    first = dict(zip(HEADERS, rows[0], strict=True))
    key = ImportRepository(demo_workspace.db).file_key()
    token = hashlib.sha256(f"ptt-template:{key}:{ids['医疗器械产业总体规模']}".encode()).hexdigest()[:8]
    assert first == {
        "编号（勿改）": f"T{ids['医疗器械产业总体规模']}-{token}",
        "政策文件": "北京市医疗器械产业提质升级行动计划(2024-2026年)",
        "指标": "医疗器械产业总体规模",
        "责任单位": UNIT,
        "目标": ">500亿元（2026-12-31）",
        "单位": "亿元",
        "数值类型": "期间值",
        "上次报告期": "2024年前三季度",
        "上次填报值": "257亿元",
        "报告期": "2024年全年",
        "数值": None,
        "来源": None,
        "备注": None,
        "填报人": None,
    }
    # 工业总产值 was entered as 1.35万亿元; the context column shows it in the target's unit
    last = dict(zip(HEADERS, rows[-1], strict=True))
    assert (last["上次报告期"], last["上次填报值"], last["报告期"]) == (
        "2025年上半年",
        "13500亿元",
        "2025年上半年",
    )
    # up-to-date rows carry a hint as a comment, never as a value that would be imported
    assert [r for r in range(4, 13) if sheet[f"K{r}"].comment] == [7, 11, 12]
    assert sheet["K12"].comment.text == "该报告期已有数据（见“上次填报值”），只在需要更正时填写"


def test_only_the_input_columns_are_unlocked(template: Path) -> None:
    sheet = openpyxl.load_workbook(template)["填报"]
    assert sheet.protection.sheet is True
    assert not sheet.protection.password  # documented: protection against slips, not a secret
    for row in sheet.iter_rows(min_row=4):
        locked = {HEADERS[i]: c.protection.locked for i, c in enumerate(row)}
        assert [h for h, is_locked in locked.items() if not is_locked] == [
            "报告期",
            "数值",
            "来源",
            "备注",
            "填报人",
        ]
        assert row[9].number_format == "@"  # a typed period stays text
    assert sheet["A3"].protection.locked


def test_data_validation_lists_periods_and_asks_for_numbers(template: Path) -> None:
    wb = openpyxl.load_workbook(template)
    validations = {dv.type: dv for dv in wb["填报"].data_validations.dataValidation}
    assert set(validations) == {"list", "decimal"}
    period, value = validations["list"], validations["decimal"]
    assert str(period.sqref) == "J4:J12" and str(value.sqref) == "K4:K12"
    assert period.errorStyle == value.errorStyle == "warning"  # "1.35万亿元" may still be typed
    options = [c.value for c in wb["选项"]["A"]]
    assert period.formula1 == f"'选项'!$A$1:$A${len(options)}"
    # the prefilled periods first, then recent quarter ends in both styles
    assert options[:5] == ["2024年全年", "2025年1-3月", "2025年1-6月", "2025年上半年", "截至2024年12月底"]
    assert "截至2025年6月底" in options and "2024年1-3月" in options


def test_instructions_are_in_chinese(template: Path) -> None:
    notes = [c.value for c in openpyxl.load_workbook(template)["说明"]["A"] if c.value]
    text = "\n".join(notes)
    assert notes[0] == "进度填报模板"
    assert f"责任单位：{UNIT}" in text
    assert "截至日期：2025-07-31" in text and "报送频率：季度" in text
    assert "隐藏的 A 列" in text and "撤销工作表保护（无密码）" in text


def test_identity_round_trips() -> None:
    text = format_identity("abc", 12)
    assert parse_identity(text) == (12, text.split("-")[1])
    assert parse_identity(" t12-ABCDEF12 ") is None  # the T is upper case, as written
    assert parse_identity("T12-ABCDEF12") == (12, "abcdef12")
    assert parse_identity("12") is None


def test_an_unknown_unit_is_refused_with_the_choices(demo_workspace: Workspace, tmp_path: Path) -> None:
    with pytest.raises(DomainError, match="没有责任单位“统计局”：现有 市经济和信息化局、"):
        write_template(demo_workspace, tmp_path / "x.xlsx", unit="统计局", as_of_date=AS_OF)
    assert not (tmp_path / "x.xlsx").exists()


def test_the_file_must_be_xlsx_and_nothing_partial_is_left(demo_workspace: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(OutputError, match=r"应保存为 \.xlsx"):
        write_template(demo_workspace, out / "模板.xls", as_of_date=AS_OF)
    with pytest.raises(OutputError, match="文件夹不存在"):
        write_template(demo_workspace, out / "missing" / "模板.xlsx", as_of_date=AS_OF)
    write_template(demo_workspace, out / "模板.xlsx", as_of_date=AS_OF)
    assert [p.name for p in out.iterdir()] == ["模板.xlsx"]


def test_every_unit_gets_its_own_file(demo_workspace: Workspace, tmp_path: Path) -> None:
    results = write_unit_templates(demo_workspace, tmp_path, as_of_date=AS_OF)
    assert [r.path.name for r in results] == [
        "填报模板_市经济和信息化局_20250731.xlsx",
        "填报模板_市经济和信息化局数字产业处_20250731.xlsx",
        "填报模板_市经济和信息化局经济运行处_20250731.xlsx",
    ]
    # 市经济和信息化局: three targets with no figures × 4 quarters, four reported in 2024年9月 × 3 quarters,
    # four up to date × 1; 数字产业处: 累计算力规模 (2024年8月) × 4 and three up to date; 经济运行处 as above.
    assert [(r.targets, len(r.rows)) for r in results] == [(11, 3 * 4 + 4 * 3 + 4), (4, 7), (5, 9)]
    every = write_template(demo_workspace, tmp_path / "全部.xlsx", as_of_date=AS_OF)
    assert len(every.rows) == 28 + 7 + 9 and every.targets == 20
    assert template_file_name("a/b c", AS_OF) == "填报模板_a_b_c_20250731.xlsx"


def test_period_labels_parse_back(demo_workspace: Workspace) -> None:
    for row in template_rows(demo_workspace, as_of_date=AS_OF):
        assert parse_period(row.period.label) == row.period
