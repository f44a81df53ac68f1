"""The round trip: export a template from the demo, fill it with openpyxl as a unit would (bad cells included),
import it, and check the preview row by row and the committed data and audit trail exactly."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import random
import re
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped]
import pytest

from app.domain.entities import ProgressEntry, Target, TargetKind, ValueType
from app.domain.periods import as_of, month, parse_period, year_to_date
from app.services.demo import create_demo_workspace
from app.services.editing import Editor
from app.services.fill_template import write_template
from app.services.import_checks import comparable_points, outlier_warning, outlier_warning_for
from app.services.integrity import audit_mismatches
from app.services.sheet_import import (
    FileState,
    ImportCancelledError,
    ImportFileError,
    ImportPreview,
    RowStatus,
    commit_import,
    preview_import,
)
from app.services.workspace import ReadOnlyError, Workspace
from app.storage.audit import first_broken_link
from app.storage.file_records import ImportRecord, ImportRepository
from app.storage.repositories import RecordNotFoundError
from tests.conftest import FIXED_NOW, TEST_ACTOR, fixed_clock

AS_OF = date(2025, 7, 31)
UNIT = "市经济和信息化局经济运行处"
SCALE, PRODUCTS, AI, GROWTH, OUTPUT = (
    "医疗器械产业总体规模",
    "创新医疗器械品种",
    "人工智能医疗器械累计获批",
    "规上工业增加值增速",
    "工业总产值（年内累计）",
)
# What a unit types into its template (rows 4-12 as exported; row 13 is a copy of row 10 the unit added).
FILLS: dict[str, Any] = {
    "K4": 360, "L4": "市统计局", "M4": "快报数", "N4": "张三",  # fine
    "K5": "abc",  # text in a number cell
    "K6": 2000,  # an implausible jump: 333亿元 a month against 28.56
    "J7": "2027年第一季度", "K7": 8,  # a period outside the plan (2024-2026)
    "K8": "45家",  # a wrong unit: the target counts 个
    "C9": "AI医疗器械获批数", "K9": 50,  # an edited name: matched by the hidden id
    "K10": 55,  # … and row 13 gives the same period another value: a duplicate
    "K11": "7.2",  # 7% is saved for 2025年上半年: a correction
    "K12": "1.35万亿",  # exactly what is saved (13500亿元): nothing to add
}  # fmt: skip
NOT_A_NUMBER = "“abc”不是有效的数字：请填写如 1590、1,590、1.35万亿、一千五百九十、6.9% 这样的数值"


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    path = tmp_path / "数据.ptt.sqlite"
    create_demo_workspace(path, clock=fixed_clock).close()
    with Workspace.open(path, clock=fixed_clock, actor=TEST_ACTOR) as opened:
        yield opened


@pytest.fixture
def template(ws: Workspace, tmp_path: Path) -> Path:
    return write_template(ws, tmp_path / "模板.xlsx", unit=UNIT, as_of_date=AS_OF).path


def fill(
    template: Path, out: Path, cells: dict[str, Any], copy_row: tuple[int, int] | None = (10, 13)
) -> Path:
    wb = openpyxl.load_workbook(template)
    sheet = wb["填报"]
    if copy_row:  # the unit unprotected the sheet and copied a whole row, hidden id included
        source, dest = copy_row
        for col in range(1, 15):
            sheet.cell(dest, col).value = sheet.cell(source, col).value
        sheet.cell(dest, 11).value = 56
    for ref, value in cells.items():
        sheet[ref] = value
    wb.save(out)
    return out


@pytest.fixture
def filled(template: Path, tmp_path: Path) -> Path:
    return fill(template, tmp_path / "回报.xlsx", FILLS)


def ids(ws: Workspace) -> dict[str, int]:
    return {t.name: t.id or 0 for t in ws.targets.all()}


def expected_rows(sheet: str, first: int = 4, cols: dict[str, str] | None = None) -> list[tuple[Any, ...]]:
    """(cell, status, target, period, reason) for FILLS; ``first`` is the sheet row of template row 4."""
    c = {"period": "J", "value": "K", "target": "C"} | (cols or {})

    def at(field: str, template_row: int) -> str:
        return f"{sheet}!{c[field]}{template_row - 4 + first}"

    dup = f"数值：同一指标同一报告期填了不同的数值（{at('value', 10)}、{at('value', 13)}），请只保留一个"
    return [
        (at("value", 4), RowStatus.OK, SCALE, "2024年全年", ""),
        (at("value", 5), RowStatus.ERROR, SCALE, "2025年1-3月", f"数值：{NOT_A_NUMBER}"),
        (
            at("value", 6), RowStatus.WARNING, SCALE, "2025年1-6月",
            # 2000 / 6 = 333.33 a month against 257 / 9 = 28.56 in 2024年前三季度: 11.67 times
            "数值：与上次相比跳变过大（按月平均 333.33亿元/月）：是 2024年前三季度（28.56亿元/月）的 11.7 倍，"
            "请核对数量级（万/亿）、单位或百分比的写法",
        ),
        (
            at("period", 7), RowStatus.ERROR, PRODUCTS, "2027年第一季度",
            "报告期：“2027年第一季度”不在政策文件的实施期内：应在基期 2023-12-31 至实施期结束 2026-12-31 之间",
        ),
        (
            at("value", 8), RowStatus.ERROR, AI, "截至2024年12月底",
            "单位：单位“家”与目标单位“个”不一致，无法换算：请填写以“个”计的数值（可带 万、亿 等数量级）",
        ),
        (
            at("target", 9), RowStatus.WARNING, AI, "截至2025年3月底",
            f"指标：名称被改为“AI医疗器械获批数”，已按编号匹配到“{AI}”，请确认是同一指标",
        ),
        (at("value", 10), RowStatus.ERROR, AI, "截至2025年6月底", dup),
        (
            at("value", 11), RowStatus.WARNING, GROWTH, "2025年上半年",
            "数值：2025年上半年已有数值 7%，导入后以本次的 7.2% 为准（更正）",
        ),
        (at("value", 12), RowStatus.SKIPPED, OUTPUT, "2025年上半年", "数值：与已有数据相同（13500亿元），不重复导入"),
        (at("value", 13), RowStatus.ERROR, AI, "截至2025年6月底", dup),
    ]  # fmt: skip


def summary(preview: ImportPreview) -> list[tuple[Any, ...]]:
    return [
        (r.cell, r.status, r.target.name if r.target else None, r.record()["period"], r.reason)
        for r in preview.rows
    ]


def test_the_preview_names_every_problem_and_its_cell(ws: Workspace, filled: Path) -> None:
    preview = preview_import(ws, [filled])
    assert summary(preview) == expected_rows("填报")
    assert [r.index for r in preview.rows] == list(range(10))
    assert [r.row for r in preview.rows] == list(range(4, 14))
    assert preview.rows[1].period is None and preview.rows[1].period_text == "2025年1-3月"
    assert preview.counts() == {
        RowStatus.OK: 1,
        RowStatus.WARNING: 3,
        RowStatus.ERROR: 5,
        RowStatus.SKIPPED: 1,
    }
    assert preview.has_errors
    (f,) = preview.files
    assert (f.name, f.state, f.rows, f.sheets) == ("回报.xlsx", FileState.READ, 10, ("填报",))
    assert f.sha256 == hashlib.sha256(filled.read_bytes()).hexdigest()
    assert preview.summary == "1 个文件，10 行：正常 1，警告 3，错误 5，跳过 1"
    assert preview.rows[2].record() == {
        "index": 2, "file": "回报.xlsx", "sheet": "填报", "row": 6, "cell": "填报!K6", "status": "warning",
        "status_label": "警告", "target_id": ids(ws)[SCALE], "target": SCALE, "period": "2025年1-6月",
        "value": "2000", "value_in_unit": "2000", "unit": "亿元", "reason": expected_rows("填报")[2][4],
    }  # fmt: skip


def test_commit_saves_the_good_rows_in_one_go_with_their_audit_trail(ws: Workspace, filled: Path) -> None:
    entries_before = ws.entries.count()
    last_event = ws.db.execute("SELECT max(id) FROM audit_event").fetchone()[0]
    result = commit_import(ws, preview_import(ws, [filled]))
    assert result.message == "已导入 4 条（回报.xlsx 4 条）"
    t = ids(ws)
    expected = [
        ProgressEntry(t[SCALE], parse_period("2024年全年"), Decimal(360), "亿元", ValueType.PERIOD,
                      "市统计局", "张三", "快报数", "", FIXED_NOW),
        ProgressEntry(t[SCALE], year_to_date(2025, 6), Decimal(2000), "亿元", ValueType.PERIOD,
                      "", UNIT, "", "", FIXED_NOW),
        ProgressEntry(t[AI], as_of(date(2025, 3, 31)), Decimal(50), "个", ValueType.CUMULATIVE,
                      "", UNIT, "", "", FIXED_NOW),
        ProgressEntry(t[GROWTH], parse_period("2025年上半年"), Decimal("7.2"), "%", ValueType.RATE,
                      "", UNIT, "", "", FIXED_NOW),
    ]  # fmt: skip
    assert [replace(e, id=None) for e in result.added] == expected
    assert ws.entries.count() == entries_before + 4
    assert [ws.entries.get(e.id or 0) for e in result.added] == list(result.added)

    sha = hashlib.sha256(filled.read_bytes()).hexdigest()
    assert ImportRepository(ws.db).all() == [
        ImportRecord("回报.xlsx", sha, 10, 4, FIXED_NOW, "测试员", "test-host", 1)
    ]
    events = ws.db.execute(
        "SELECT action, entity, entity_id, who, machine, at, after FROM audit_event WHERE id > ? ORDER BY id",
        [last_event],
    ).fetchall()
    assert [(a, e, i) for a, e, i, *_ in events] == [("import", "import", None)] + [
        ("create", "entry", x.id) for x in result.added
    ]
    assert {(who, machine, at) for _, _, _, who, machine, at, _ in events} == {
        ("测试员", "test-host", "2025-07-31T09:30:00")
    }
    assert json.loads(events[0][6]) == {
        "import_id": 1,
        "file": "回报.xlsx",
        "sha256": sha,
        "rows": 10,
        "entries": 4,
    }
    assert json.loads(events[1][6])["value"] == "360"
    assert audit_mismatches(ws) == [] and first_broken_link(ws.db) is None  # `check` still passes


def test_importing_the_same_file_again_adds_nothing_and_says_so(ws: Workspace, filled: Path) -> None:
    preview = preview_import(ws, [filled])
    commit_import(ws, preview)
    counts = (ws.entries.count(), ws.db.execute("SELECT count(*) FROM audit_event").fetchone()[0])
    with pytest.raises(
        ImportFileError, match=r"回报\.xlsx 已于 2025-07-31 09:30 由 测试员 导入，本次未做任何修改"
    ):
        commit_import(ws, preview)  # the same preview twice (a double click): refused as a whole
    again = preview_import(ws, [filled])
    (f,) = again.files
    assert f.state is FileState.ALREADY_IMPORTED and again.rows == ()
    assert (
        f.message
        == "同一文件（SHA-256 相同）已于 2025-07-31 09:30 由 测试员 导入（当时新增 4 条），本次不再导入"
    )
    result = commit_import(ws, again)
    assert (result.added, result.message) == ((), "没有需要导入的数据，未做任何修改")
    assert (ws.entries.count(), ws.db.execute("SELECT count(*) FROM audit_event").fetchone()[0]) == counts


def test_rows_identical_to_saved_figures_add_nothing(ws: Workspace, filled: Path, tmp_path: Path) -> None:
    commit_import(ws, preview_import(ws, [filled]))
    wb = openpyxl.load_workbook(filled)
    wb["填报"]["B1"] = "另存的一份（内容相同，文件不同）"
    wb.save(tmp_path / "再报.xlsx")
    count = ws.entries.count()
    preview = preview_import(ws, [tmp_path / "再报.xlsx"])
    statuses = [(r.cell, r.status) for r in preview.rows]
    assert statuses == [
        ("填报!K4", RowStatus.SKIPPED), ("填报!K5", RowStatus.ERROR), ("填报!K6", RowStatus.SKIPPED),
        ("填报!J7", RowStatus.ERROR), ("填报!K8", RowStatus.ERROR), ("填报!C9", RowStatus.SKIPPED),
        ("填报!K10", RowStatus.ERROR), ("填报!K11", RowStatus.SKIPPED), ("填报!K12", RowStatus.SKIPPED),
        ("填报!K13", RowStatus.ERROR),
    ]  # fmt: skip
    assert preview.rows[0].reason == "数值：与已有数据相同（360亿元），不重复导入"
    assert (
        preview.rows[7].reason == "数值：与已有数据相同（7.2%），不重复导入"
    )  # the correction is what stands now
    assert commit_import(ws, preview).added == ()
    assert ws.entries.count() == count


def test_a_commit_that_fails_half_way_leaves_nothing_behind(ws: Workspace, filled: Path) -> None:
    preview = preview_import(ws, [filled])
    Editor(ws).delete_target(ids(ws)[GROWTH])  # deleted by a colleague while the preview was open
    before = (ws.entries.count(), ws.db.execute("SELECT count(*) FROM audit_event").fetchone()[0])
    with pytest.raises(RecordNotFoundError):
        commit_import(ws, preview)
    after = (ws.entries.count(), ws.db.execute("SELECT count(*) FROM audit_event").fetchone()[0])
    assert after == before and ImportRepository(ws.db).count() == 0
    assert preview_import(ws, [filled]).files[0].state is FileState.READ  # not marked as imported


def test_warnings_are_committed_only_when_accepted(ws: Workspace, filled: Path) -> None:
    preview = preview_import(ws, [filled])
    ai_row = preview.rows[5]
    assert ai_row.status is RowStatus.WARNING
    added = commit_import(ws, preview, accept_warnings={ai_row.index}).added
    assert [(e.target_id, e.period.label, e.value) for e in added] == [
        (ids(ws)[SCALE], "2024年全年", Decimal(360)),
        (ids(ws)[AI], "截至2025年3月底", Decimal(50)),
    ]


def test_no_warnings_accepted_keeps_only_the_ok_rows(ws: Workspace, filled: Path) -> None:
    added = commit_import(ws, preview_import(ws, [filled]), accept_warnings=False).added
    assert [e.value for e in added] == [Decimal(360)]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gb18030"])
def test_a_csv_of_the_same_sheet_gives_the_same_preview(
    ws: Workspace, filled: Path, tmp_path: Path, encoding: str
) -> None:
    sheet = openpyxl.load_workbook(filled)["填报"]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in sheet.iter_rows(min_row=3, values_only=True):
        writer.writerow(["" if v is None else v for v in row])
    path = tmp_path / "回报.csv"
    path.write_bytes(buffer.getvalue().encode(encoding))
    preview = preview_import(ws, [path])
    assert summary(preview) == expected_rows("回报.csv", first=2)
    assert len(commit_import(ws, preview).added) == 4


def test_renamed_and_reordered_columns_still_match(ws: Workspace, filled: Path, tmp_path: Path) -> None:
    source = openpyxl.load_workbook(filled)["填报"]
    template_headers = [c.value for c in source[3]]
    # another layout: header on row 1, columns in another order and renamed, a context column that is not read
    layout = [
        ("报告期间", "报告期"), ("指标名称", "指标"), ("本期填报数值（按指标单位）", "数值"), ("计量单位", "单位"),
        ("编号", "编号（勿改）"), ("数据来源", "来源"), ("备注", "备注"), ("填报人", "填报人"),
        ("政策文件", "政策文件"), ("上次填报值", "上次填报值"),
    ]  # fmt: skip
    wb = openpyxl.Workbook()
    out = wb.active
    out.append([new for new, _ in layout])
    for row in source.iter_rows(min_row=4, values_only=True):
        by_header = dict(zip(template_headers, row, strict=True))
        out.append([by_header[old] for _, old in layout])
    wb.save(tmp_path / "改过的表.xlsx")
    preview = preview_import(ws, [tmp_path / "改过的表.xlsx"])
    assert summary(preview) == expected_rows(
        "Sheet", first=2, cols={"period": "A", "target": "B", "value": "C"}
    )
    assert [e.source for e in commit_import(ws, preview).added] == ["市统计局", "", "", ""]


def _inject_cached_value(path: Path, cell: str, value: str) -> None:
    """openpyxl writes formulas without a cached result; Excel always stores one. Add it as Excel would."""
    with zipfile.ZipFile(path) as z:
        members = {i.filename: z.read(i.filename) for i in z.infolist()}
    pattern = re.compile(rf'(<c r="{cell}"[^>]*>)<f>([^<]*)</f><v\s*(?:/>|></v>)'.encode())
    for name, data in members.items():
        if name.startswith("xl/worksheets/") and pattern.search(data):
            members[name] = pattern.sub(rb"\1<f>\2</f><v>" + value.encode() + b"</v>", data)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)


def test_merged_cells_and_formulas_use_what_excel_shows(
    ws: Workspace, template: Path, tmp_path: Path
) -> None:
    path = tmp_path / "合并.xlsx"
    wb = openpyxl.load_workbook(template)
    sheet = wb["填报"]
    sheet["K4"] = "=300+60"
    sheet["K5"], sheet["K6"] = 100, 200
    sheet["K11"] = "=7.1+0.1"  # Excel stores 7.199999999999999 and shows 7.2
    sheet["L4"] = "市统计局"
    sheet.merge_cells("L4:L6")  # one source for the three rows of the same target
    wb.save(path)
    _inject_cached_value(path, "K4", "360")
    _inject_cached_value(path, "K11", "7.199999999999999")
    preview = preview_import(ws, [path])
    filled_rows = [r for r in preview.rows if r.status is not RowStatus.SKIPPED]
    assert [(r.cell, r.status, r.value_text) for r in filled_rows] == [
        ("填报!K4", RowStatus.OK, "360"),
        ("填报!K5", RowStatus.OK, "100"),
        ("填报!K6", RowStatus.OK, "200"),
        ("填报!K11", RowStatus.WARNING, "7.2"),  # a correction of the saved 7%
    ]
    added = commit_import(ws, preview).added
    assert [(e.value, e.source) for e in added] == [
        (Decimal(360), "市统计局"),
        (Decimal(100), "市统计局"),
        (Decimal(200), "市统计局"),
        (Decimal("7.2"), ""),
    ]


def test_cell_types_and_identity_problems(ws: Workspace, template: Path, tmp_path: Path) -> None:
    t = ids(ws)
    cells = {
        "A4": f"T{t[SCALE]}-00000000", "K4": 1,  # the check token does not fit: a sheet from another file
        "A5": "T9999-00000000", "K5": 1,  # no such target
        "K6": True,  # a logical value
        "J10": datetime(2025, 6, 30), "K10": 60,  # Excel turned the period into a date
        "J8": datetime(2025, 1, 1), "K8": 43, "G8": "期间值",  # "2025年1月" typed, stored as the 1st
        "J9": "2025年9月", "K9": 52,  # not over on 2025-07-31
    }  # fmt: skip
    preview = preview_import(ws, [fill(template, tmp_path / "类型.xlsx", cells, copy_row=None)])
    got = {
        r.cell: (r.status, r.reason, r.record()["period"])
        for r in preview.rows
        if r.status is not RowStatus.SKIPPED
    }
    wrong_file = "：此表可能来自另一个数据文件，或隐藏的 A 列被改动；请用本数据文件导出的填报模板"
    assert got == {
        "填报!A4": (RowStatus.ERROR, f"编号：“T{t[SCALE]}-00000000”的校验码不符{wrong_file}", "2024年全年"),
        "填报!A5": (RowStatus.ERROR, f"编号：“T9999-00000000”对应的指标不存在（可能已删除）{wrong_file}", "2025年1-3月"),
        "填报!K6": (RowStatus.ERROR, "数值：单元格是逻辑值（True），应为数字", "2025年1-6月"),
        "填报!K8": (RowStatus.OK, "", "2025年1月"),
        "填报!J9": (RowStatus.WARNING, "报告期：“2025年9月”截至 2025-07-31 尚未结束，请确认", "2025年9月"),
        "填报!K10": (RowStatus.OK, "", "截至2025年6月底"),
    }  # fmt: skip


def test_several_files_at_once(ws: Workspace, template: Path, tmp_path: Path) -> None:
    a = fill(template, tmp_path / "a.xlsx", {"K4": 360}, copy_row=None)
    b_template = write_template(
        ws, tmp_path / "b模板.xlsx", unit="市经济和信息化局数字产业处", as_of_date=AS_OF
    )
    row = 4 + next(i for i, r in enumerate(b_template.rows) if r.target.name == "累计算力规模")
    b = fill(b_template.path, tmp_path / "b.xlsx", {f"K{row}": "2.5万"}, copy_row=None)
    c = tmp_path / "c.csv"  # from another program: no ids, a unit column, the same figure in other words
    c.write_text(f"指标,报告期,数值,单位\n{SCALE},2024年全年,360亿元,\n", encoding="utf-8")
    garbage = tmp_path / "d.xlsx"
    garbage.write_bytes(b"\x00\x01not a spreadsheet" * 50)
    preview = preview_import(ws, [a, b, a, c, garbage])
    assert [(f.name, f.state) for f in preview.files] == [
        ("a.xlsx", FileState.READ),
        ("b.xlsx", FileState.READ),
        ("a.xlsx", FileState.REPEATED),
        ("c.csv", FileState.READ),
        ("d.xlsx", FileState.REFUSED),
    ]
    assert preview.files[2].message == "与 a.xlsx 内容完全相同，只导入一次"
    assert "d.xlsx：不是有效的 Excel（.xlsx）文件" in preview.files[4].message
    active = [
        (r.file, r.cell, r.status, r.reason)
        for r in preview.rows
        if r.status is not RowStatus.SKIPPED or r.file == "c.csv"
    ]
    assert active == [
        ("a.xlsx", "填报!K4", RowStatus.OK, ""),
        ("b.xlsx", f"填报!K{row}", RowStatus.OK, ""),
        ("c.csv", "c.csv!C2", RowStatus.SKIPPED, "数值：与 a.xlsx 填报!K4 重复，只导入一次"),
    ]
    assert preview.has_errors  # the refused file
    result = commit_import(ws, preview)
    assert [(e.target_id, e.value, e.unit) for e in result.added] == [
        (ids(ws)[SCALE], Decimal(360), "亿元"),
        (ids(ws)["累计算力规模"], Decimal("2.5"), "万"),  # a bare magnitude counts in the target's P
    ]
    assert [(r.file_name, r.entries_added) for r in ImportRepository(ws.db).all()] == [
        ("a.xlsx", 1),
        ("b.xlsx", 1),
    ]


def test_a_sheet_without_ids_matches_by_name_and_plan(ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "其他.csv"
    path.write_text(
        "序号,政策文件,指标名称,报告期,完成值,计量单位\n"
        f"1,北京市医疗器械产业提质升级行动计划(2024-2026年),{SCALE},2024年,3.6,百亿元\n"
        "2,,不存在的指标,2024年,1,个\n"
        "3,,,,,\n",
        encoding="gb18030",
    )
    preview = preview_import(ws, [path])
    assert [(r.cell, r.status, r.reason) for r in preview.rows] == [
        ("其他.csv!E2", RowStatus.OK, ""),
        (
            "其他.csv!C3",
            RowStatus.ERROR,
            "指标：找不到指标“不存在的指标”：请核对名称，或使用本数据文件导出的填报模板",
        ),
    ]
    assert preview.rows[0].value_in_unit() == Decimal(360)


def test_progress_is_reported_and_stop_cancels(ws: Workspace, filled: Path) -> None:
    calls: list[tuple[int, int]] = []
    preview_import(ws, [filled], on_progress=lambda done, total: calls.append((done, total)))
    assert calls == [(0, 10), (10, 10)]
    with pytest.raises(ImportCancelledError, match="已取消导入，未做任何修改"):
        preview_import(ws, [filled], should_stop=lambda: True)


def test_saving_reports_progress_and_cancel_leaves_nothing_behind(
    ws: Workspace, filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Saving the 4 good rows reports rows then audit events (8 steps, here one by one); Cancel after the
    third step rolls everything back — figures, audit events, the import record — and the file can come in."""
    import app.storage.audit as audit
    import app.storage.repositories as repositories

    monkeypatch.setattr(repositories, "PROGRESS_EVERY", 1)
    monkeypatch.setattr(audit, "PROGRESS_EVERY", 1)
    preview = preview_import(ws, [filled])
    before = (ws.entries.count(), ws.db.execute("SELECT count(*) FROM audit_event").fetchone()[0])
    calls: list[tuple[int, int]] = []
    with pytest.raises(ImportCancelledError, match="已取消导入，未做任何修改"):
        commit_import(
            ws, preview, on_progress=lambda d, t: calls.append((d, t)), should_stop=lambda: len(calls) == 3
        )
    assert calls == [(1, 8), (2, 8), (3, 8)]
    after = (ws.entries.count(), ws.db.execute("SELECT count(*) FROM audit_event").fetchone()[0])
    assert after == before and ImportRepository(ws.db).count() == 0
    assert not ws.db.conn.in_transaction
    calls.clear()
    result = commit_import(
        ws, preview, on_progress=lambda d, t: calls.append((d, t)), should_stop=lambda: False
    )
    assert len(result.added) == 4 and calls == [(n, 8) for n in range(1, 9)]
    assert first_broken_link(ws.db) is None


def test_a_read_only_file_previews_but_does_not_commit(ws: Workspace, filled: Path) -> None:
    path = ws.path
    ws.close()
    with Workspace.open(path, read_only=True, clock=fixed_clock) as ro:
        preview = preview_import(ro, [filled])
        assert preview.counts()[RowStatus.OK] == 1
        with pytest.raises(ReadOnlyError):
            commit_import(ro, preview)


# bad files -----------------------------------------------------------------------------------------------


def _noise(n: int) -> bytes:
    rng = random.Random(6)
    return bytes(rng.randrange(256) for _ in range(n))


def _zip(path: Path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)


def _big(path: Path) -> None:
    with path.open("wb") as f:
        f.truncate(100 * 1024 * 1024)  # sparse: 100 MB on paper, nothing on disk


def _bomb(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", b"<workbook/>")
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            zeros = b"0" * (1 << 20)
            for _ in range(410):
                f.write(zeros)


def _other_program(path: Path, header: list[str]) -> None:
    wb = openpyxl.Workbook()
    wb.active.append(header)
    wb.active.append(["2025-06-30", 1, 2])
    wb.save(path)


BAD_FILES = [
    ("大文件.xlsx", _big, "大文件.xlsx：文件过大（100 MB，上限 50 MB）"),
    (
        "炸弹.xlsx",
        _bomb,
        "炸弹.xlsx：解压后将达 410 MB（上限 400 MB），可能是“压缩炸弹”或损坏的文件，已拒绝读取",
    ),
    ("乱码.xlsx", lambda p: p.write_bytes(_noise(4000)), "乱码.xlsx：不是有效的 Excel（.xlsx）文件"),
    ("乱码.csv", lambda p: p.write_bytes(_noise(4000)), "乱码.csv：不是可识别的文本表格（CSV）"),
    ("空.csv", lambda p: p.write_bytes(b""), "空.csv：文件是空的"),
    (
        "旧.xls",
        lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + _noise(600)),
        "旧.xls：这是旧版 .xls",
    ),
    (
        "压缩包.xlsx",
        lambda p: _zip(p, {"readme.txt": b"hello"}),
        "压缩包.xlsx：是压缩文件，但不是 Excel 工作簿",
    ),
    ("图片.png", lambda p: p.write_bytes(b"\x89PNG\r\n" + _noise(100)), "图片.png：不支持的文件类型“.png”"),
    (
        "记账.xlsx",
        lambda p: _other_program(p, ["日期", "收入", "支出"]),
        "记账.xlsx：找不到填报表的表头。需要“报告期”“数值”两列，以及“指标”或“编号（勿改）”列"
        "（工作表“Sheet”前30行中没有任何可识别的列名）。这可能不是本程序导出的填报模板",
    ),
    (
        "缺列.xlsx",
        lambda p: _other_program(p, ["指标", "数值", "金额"]),
        "（工作表“Sheet”第1行只认出了 指标、数值，缺少 报告期 列）",
    ),
    ("文件夹.xlsx", lambda p: p.mkdir(), "文件夹.xlsx 是文件夹，请选择 .xlsx 或 .csv 文件"),
]


@pytest.mark.parametrize(("name", "make", "message"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_files_are_refused_with_a_clear_message_and_nothing_is_written(
    ws: Workspace, tmp_path: Path, name: str, make: Any, message: str
) -> None:
    path = tmp_path / name
    make(path)
    before = (ws.entries.count(), ws.db.execute("SELECT count(*) FROM audit_event").fetchone()[0])
    preview = preview_import(ws, [path])
    (f,) = preview.files
    assert f.state is FileState.REFUSED
    assert message in f.message
    assert preview.rows == () and preview.has_errors
    assert commit_import(ws, preview).added == ()
    after = (ws.entries.count(), ws.db.execute("SELECT count(*) FROM audit_event").fetchone()[0])
    assert after == before and ImportRepository(ws.db).count() == 0


# the outlier rule ----------------------------------------------------------------------------------------

RATE = Target(id=1, plan_id=1, name="增速", kind=TargetKind.RATE, unit="%")
COUNT = Target(id=2, plan_id=1, name="企业", kind=TargetKind.CUMULATIVE, unit="家")


def _rate(m: int, value: str, entry_id: int = 0) -> ProgressEntry:
    return ProgressEntry(1, month(2025, m), Decimal(value), "%", ValueType.RATE, id=entry_id or m)


def test_three_or_more_figures_set_a_mean_plus_minus_three_sd_band() -> None:
    history = [_rate(1, "10"), _rate(2, "20"), _rate(3, "30")]
    # mean 20, sd = √((100 + 0 + 100) / 3) = 8.165, band 20 ± 24.49 = −4.49 … 44.49
    assert outlier_warning(_rate(4, "44"), RATE, history) is None
    assert outlier_warning(_rate(4, "45"), RATE, history) == (
        "与历史数据相比异常：此前 3 期的正常范围约为 -4.49% 至 44.49%（均值 ± 3 倍标准差），请核对"
    )


def test_rows_checked_against_one_remembered_band_get_each_its_own_verdict() -> None:
    """Many rows, one history (10, 20, 30, 25), one memo. A new May of 40 is inside the band of all four
    (21.25 ± 3 × 7.395 = −0.94 … 43.44); a correction of January to 40 is judged without January (20, 30, 25:
    25 ± max(3 × 4.08, 12.5) = 12.5 … 37.5) and is out. Each verdict is the one computed without the memo."""
    points = comparable_points([_rate(1, "10"), _rate(2, "20"), _rate(3, "30"), _rate(4, "25")], RATE)
    memo: dict = {}  # type: ignore[type-arg]
    rows = [_rate(5, "40", 9), _rate(1, "40", 10), _rate(5, "45", 11), _rate(1, "40", 12), _rate(6, "40", 13)]
    for row in rows:
        expected = outlier_warning(row, RATE, [h for h, _ in points])
        assert outlier_warning_for(row, RATE, points, memo=memo) == expected
    assert outlier_warning_for(rows[0], RATE, points, memo=memo) is None
    assert "12.5% 至 37.5%" in (outlier_warning_for(rows[1], RATE, points, memo=memo) or "")
    other = points[1:]  # another history with the same memo: its own band (20, 30, 25)
    assert outlier_warning_for(_rate(5, "44", 14), RATE, other, memo=memo) == outlier_warning(
        _rate(5, "44", 14), RATE, [h for h, _ in other]
    )
    assert len(memo) == 3


def test_a_flat_history_still_allows_half_the_mean() -> None:
    history = [_rate(1, "6.9"), _rate(2, "7"), _rate(3, "7.1")]
    # sd 0.08 → 3 sd = 0.24, narrower than 50 % of 7: the band is 3.5 … 10.5
    assert outlier_warning(_rate(4, "10.5"), RATE, history) is None
    assert "正常范围约为 3.5% 至 10.5%" in (outlier_warning(_rate(4, "10.6"), RATE, history) or "")
    # a percentage Excel stored as 0.069
    assert outlier_warning(_rate(4, "0.069"), RATE, history) is not None


def test_one_or_two_figures_flag_a_tenfold_jump_either_way() -> None:
    history = [_rate(1, "7")]
    assert outlier_warning(_rate(2, "70"), RATE, history) is None  # exactly 10 times
    assert outlier_warning(_rate(2, "70.1"), RATE, history) == (
        "与上次相比跳变过大：是 2025年1月（7%）的 10.0 倍，请核对数量级（万/亿）、单位或百分比的写法"
    )
    assert outlier_warning(_rate(2, "0.69"), RATE, history) == (
        "与上次相比跳变过大：是 2025年1月（7%）的 0.0986 倍（不到十分之一），请核对数量级（万/亿）、单位或百分比的写法"
    )
    assert (
        outlier_warning(_rate(2, "-3"), RATE, history) is None
    )  # a change of sign is not a slip of magnitude
    assert outlier_warning(_rate(2, "3"), RATE, []) is None  # no history, no verdict


def test_a_running_total_should_not_shrink() -> None:
    history = [ProgressEntry(2, as_of(date(2025, 3, 31)), Decimal(41), "家", id=1)]
    later = ProgressEntry(2, as_of(date(2025, 6, 30)), Decimal(40), "家")
    assert outlier_warning(later, COUNT, history) == (
        "累计值 40家 低于 截至2025年3月底 的 41家，累计数通常不会减少，请核对"
    )
    earlier = ProgressEntry(2, as_of(date(2024, 12, 31)), Decimal(40), "家")
    assert outlier_warning(earlier, COUNT, history) is None


def test_a_growing_running_total_is_compared_with_its_latest_earlier_figure() -> None:
    history = [ProgressEntry(2, as_of(month(2025, m).end), Decimal(10 * m), "家", id=m) for m in range(1, 13)]
    # 10 … 120: no mean ± sd band for running totals (they grow); 500 is 4.2 times December's 120
    later = ProgressEntry(2, as_of(date(2026, 3, 31)), Decimal(500), "家")
    assert outlier_warning(later, COUNT, history) is None
    slip = ProgressEntry(2, as_of(date(2026, 3, 31)), Decimal(1300), "家")
    assert outlier_warning(slip, COUNT, history) == (
        "与上次相比跳变过大：是 截至2025年12月底（120家）的 10.8 倍，请核对数量级（万/亿）、单位或百分比的写法"
    )


def test_listeners_hear_of_the_import_only_once_it_is_committed(ws: Workspace, filled: Path) -> None:
    """The window recomputes statuses from its own connection when it hears of a change: by then the figures
    must be readable there, not still inside the import's open transaction."""
    import sqlite3

    seen: list[int] = []

    def count_from_another_connection(_change: object) -> None:
        other = sqlite3.connect(ws.path)
        seen.append(other.execute("SELECT count(*) FROM progress_entry").fetchone()[0])
        other.close()

    before = len(ws.entries.all())
    ws.subscribe(count_from_another_connection)
    result = commit_import(ws, preview_import(ws, [filled]))
    assert len(result.added) == 4
    assert seen == [before + 4]


def test_a_period_locked_after_the_preview_is_refused_by_cell_and_nothing_is_saved(
    ws: Workspace, filled: Path
) -> None:
    from app.domain.periods import parse_period
    from app.services.period_locks import PeriodLockedError

    preview = preview_import(ws, [filled])
    Editor(ws).lock_period(parse_period("2024年"), "已审定")  # a colleague approves 2024 meanwhile
    before = len(ws.entries.all())
    with pytest.raises(PeriodLockedError) as refused:
        commit_import(ws, preview)
    assert refused.value.problems[0][0] == "填报!K4 报告期"  # the 2024年全年 row, by its cell
    assert "不能导入" in refused.value.problems[0][1]
    assert len(ws.entries.all()) == before and ImportRepository(ws.db).all() == []
