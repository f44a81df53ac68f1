"""Reading .txt/.docx for extraction, refusing what is not a policy text, and saving accepted candidates into a
plan through the Editor (real SQLite file): the path the GUI's review table takes."""

from __future__ import annotations

import dataclasses
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import docx
import pytest

from app.domain.entities import Comparator, Plan, TargetKind, ValueType
from app.domain.errors import DomainError, UnitError
from app.domain.periods import PeriodKind
from app.services.editing import Editor
from app.services.extraction import documents, extract
from app.services.extraction.documents import decode_text, read_document
from app.services.extraction.saving import (
    deadline_date,
    entry_from_candidate,
    guess_kind,
    period_from_label,
    target_from_candidate,
    value_in,
)
from app.services.workspace import Workspace

SENTENCE = "到2026年总体规模突破500亿元、打造专业化产业园区5个以上。"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_text_files_in_the_encodings_offices_use(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "方案.txt"
    path.write_bytes(SENTENCE.encode(encoding))
    assert read_document(path) == SENTENCE


def test_docx_paragraphs_and_tables_in_document_order(tmp_path: Path) -> None:
    path = tmp_path / "行动计划.docx"
    document = docx.Document()
    document.add_paragraph("一、主要目标")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "到2026年总体规模突破500亿元"
    table.cell(0, 1).text = "创新品种超100个"
    merged = table.cell(1, 0).merge(table.cell(1, 1))
    merged.text = "打造专业化产业园区5个以上"
    document.add_paragraph("二、重点任务")
    document.save(str(path))
    text = read_document(path)
    assert text.split("\n") == [
        "一、主要目标",
        "到2026年总体规模突破500亿元",
        "创新品种超100个",
        "打造专业化产业园区5个以上",  # the merged cell once
        "二、重点任务",
    ]
    assert [c.indicator for c in extract(text)] == ["总体规模", "创新品种", "专业化产业园区"]


def test_binary_garbage_is_not_text() -> None:
    garbage = bytes(range(256)) * 64
    with pytest.raises(DomainError, match="不是可识别的文本文件") as exc:
        decode_text(garbage, "x.txt")
    assert exc.value.field == "文件"
    with pytest.raises(DomainError):
        decode_text(b"\x00\x00abc\x00")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("假的.docx", b"PK\x03\x04 this is not a zip", "不是有效的 Word"),
        ("旧版.docx", "到2026年突破500亿元".encode(), "不是有效的 Word"),
        ("报告.pdf", b"%PDF-1.7", "不支持"),
        ("表格.xlsx", b"PK", "不支持"),
    ],
)
def test_files_that_are_not_readable_documents(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DomainError, match=message):
        read_document(path)


def test_a_zip_renamed_docx_without_a_document_part(tmp_path: Path) -> None:
    path = tmp_path / "改名.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "到2026年突破500亿元")
    with pytest.raises(DomainError, match="Word"):
        read_document(path)


def test_a_docx_that_would_unpack_to_too_much_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(documents, "MAX_UNPACKED", 1024 * 1024)  # the real limit is 100 MB; same check
    path = tmp_path / "炸弹.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"0" * (2 * 1024 * 1024))
    assert path.stat().st_size < 64 * 1024
    with pytest.raises(DomainError, match="解压后超过"):
        read_document(path)


def test_missing_too_large_and_too_long(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(DomainError, match="找不到文件"):
        read_document(tmp_path / "没有.txt")
    path = tmp_path / "大.txt"
    path.write_text("超100个。" * 1000, encoding="utf-8")
    monkeypatch.setattr(documents, "MAX_BYTES", 1000)
    with pytest.raises(DomainError, match="MB"):
        read_document(path)
    monkeypatch.setattr(documents, "MAX_BYTES", 10**9)
    monkeypatch.setattr(documents, "MAX_CHARS", 1000)
    with pytest.raises(DomainError, match="拆分"):
        read_document(path)


# --- from candidates to the domain ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("label", "kind", "start", "end"),
    [
        ("2024-01..2024-09", PeriodKind.YTD, date(2024, 1, 1), date(2024, 9, 30)),
        ("2025-01..2025-06", PeriodKind.HALF, date(2025, 1, 1), date(2025, 6, 30)),
        ("2025-04..2025-06", PeriodKind.QUARTER, date(2025, 4, 1), date(2025, 6, 30)),
        ("2025-06..2025-06", PeriodKind.MONTH, date(2025, 6, 1), date(2025, 6, 30)),
        ("2023-01..2023-12", PeriodKind.YEAR, date(2023, 1, 1), date(2023, 12, 31)),
        ("2024-03..2024-05", PeriodKind.RANGE, date(2024, 3, 1), date(2024, 5, 31)),
        ("2023-07..2024-06", PeriodKind.RANGE, date(2023, 7, 1), date(2024, 6, 30)),
        ("..2024-02", PeriodKind.AS_OF, date(2024, 2, 29), date(2024, 2, 29)),
    ],
)
def test_period_labels_become_domain_periods(label: str, kind: PeriodKind, start: date, end: date) -> None:
    period = period_from_label(label)
    assert (period.kind, period.start, period.end) == (kind, start, end)


@pytest.mark.parametrize("label", [None, "", "2024-13..2024-14", "2024-05..2024-02", "前三季度", "..2024-00"])
def test_bad_period_labels_name_the_field(label: str | None) -> None:
    with pytest.raises(DomainError) as exc:
        period_from_label(label)
    assert exc.value.field == "报告期"


def test_deadlines_and_kinds() -> None:
    assert deadline_date("2026") == date(2026, 12, 31)
    assert deadline_date("2025-06-30") == date(2025, 6, 30)
    assert deadline_date(None) is None
    with pytest.raises(DomainError):
        deadline_date("2026年底")
    kinds = [guess_kind(c) for c in extract(SENTENCE + "规上工业增加值年均增长6%。")]
    assert kinds == [TargetKind.LEVEL, TargetKind.CUMULATIVE, TargetKind.RATE]


def test_accepted_candidates_are_saved_into_a_plan(workspace: Workspace) -> None:
    editor = Editor(workspace)
    plan = editor.add_plan(
        Plan(
            title="北京市医疗器械产业提质升级行动计划",
            period_start=date(2024, 1, 1),
            period_end=date(2026, 12, 31),
        )
    )
    scale, parks = extract(SENTENCE)
    scale = dataclasses.replace(scale, indicator="医疗器械产业总体规模")  # edited in the review table
    target = editor.add_target(
        target_from_candidate(
            dataclasses.replace(scale, baseline_value=Decimal(352), baseline_date="2023-12-31"), plan
        )
    )
    assert (target.name, target.kind, target.unit, target.comparator) == (
        "医疗器械产业总体规模",
        TargetKind.LEVEL,
        "亿元",
        Comparator.GT,
    )
    assert (target.target_value, target.deadline, target.baseline_value) == (
        Decimal(500),
        date(2026, 12, 31),
        Decimal(352),
    )
    assert target.source_quote == "到2026年总体规模突破500亿元"
    parks_target = editor.add_target(target_from_candidate(parks, plan))
    assert (parks_target.kind, parks_target.comparator) == (TargetKind.CUMULATIVE, Comparator.GE)

    (progress,) = extract("2024年前三季度实现产值257亿元。")
    entry = editor.add_entry(entry_from_candidate(progress, target, source="三季度经济运行新闻发布会"))
    assert (entry.period.label, entry.value, entry.unit, entry.value_type) == (
        "2024年前三季度",
        Decimal(257),
        "亿元",
        ValueType.PERIOD,
    )
    assert entry.note == "原文：2024年前三季度实现产值257亿元"
    assert [t.name for t in workspace.targets.all()] == ["医疗器械产业总体规模", "专业化产业园区"]
    assert len(workspace.entries.all()) == 1


def test_a_progress_value_in_another_unit_converts_and_a_wrong_unit_is_refused(workspace: Workspace) -> None:
    editor = Editor(workspace)
    plan = editor.add_plan(Plan(title="工业", period_start=date(2024, 1, 1), period_end=date(2026, 12, 31)))
    (goal,) = extract("到2026年，全市工业总产值达到2.5万亿元。")
    target = editor.add_target(
        target_from_candidate(goal, plan, kind=TargetKind.MONITORING, responsible_unit="市经济和信息化局")
    )
    (reported,) = extract("上半年，全市规模以上工业实现产值13500亿元。", document_date=date(2025, 7, 28))
    assert value_in(reported, target.unit) == Decimal("1.35")
    editor.add_entry(entry_from_candidate(reported, target))
    (count,) = extract("截至目前，全市建成5G基站3万个。", document_date=date(2025, 7, 28))
    with pytest.raises(UnitError):
        entry_from_candidate(count, target)
    (ranged,) = extract("每年引进3-5家行业龙头企业。")
    assert target_from_candidate(ranged, plan).notes == "原文为区间，上限 5家"
    unsaved = Plan(title="未保存", period_start=date(2024, 1, 1), period_end=date(2026, 12, 31))
    with pytest.raises(DomainError, match="请先保存"):
        target_from_candidate(ranged, unsaved)
