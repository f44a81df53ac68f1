"""The entry grid's model without a window: what staff see, what typing and pasting do, what leaves as signals."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.domain.entities import ProgressEntry, Target, TargetKind, ValueType
from app.domain.periods import parse_period
from app.services.workspace import Workspace
from app.ui.entry_grid_model import EntryGridModel, format_tsv, parse_tsv
from app.ui.labels import value_type_text

UNIT = "市经济和信息化局经济运行处"
BAD_BLOCK = "2024年1-3月\t80亿元\n前三季度\t257亿元\n2024年13月\t十二a\n"
Display = Qt.ItemDataRole.DisplayRole


def scale_target(**changes: object) -> Target:
    fields: dict[str, object] = {
        "id": 1,
        "plan_id": 1,
        "name": "总体规模",
        "kind": TargetKind.LEVEL,
        "unit": "亿元",
        "target_value": Decimal(500),
        "deadline": date(2026, 12, 31),
        "baseline_value": Decimal(352),
    }
    return Target(**(fields | changes))  # type: ignore[arg-type]


def saved_entry(
    entry_id: int, period: str, value: str, unit: str = "亿元", target_id: int = 1
) -> ProgressEntry:
    return ProgressEntry(
        target_id=target_id,
        period=parse_period(period),
        value=Decimal(value),
        unit=unit,
        value_type=ValueType.PERIOD,
        source="经信局发布会",
        note="前三季度实现产值257亿元" if value == "257" else "",
        id=entry_id,
    )


@pytest.fixture
def model() -> EntryGridModel:
    """One target, nothing saved, "前三季度" meaning 2024."""
    m = EntryGridModel()
    m.set_targets([scale_target()], [])
    m.set_default_year(2024)
    return m


@pytest.fixture
def filled() -> EntryGridModel:
    """One target with two saved entries (2023 full year, 2024 前三季度)."""
    m = EntryGridModel()
    m.set_targets(
        [scale_target()], [saved_entry(2, "2024年前三季度", "257"), saved_entry(1, "2023年全年", "352")]
    )
    return m


@pytest.fixture
def unit_model(demo_workspace: Workspace) -> EntryGridModel:
    targets = [t for t in demo_workspace.targets.all() if t.responsible_unit == UNIT]
    m = EntryGridModel()
    m.set_targets(targets, demo_workspace.entries.all())
    return m


def row_texts(m: EntryGridModel, row: int) -> list[str]:
    return [m.index(row, c).data() for c in range(m.columnCount())]


def type_cell(m: EntryGridModel, row: int, key: str, text: str) -> bool:
    return m.setData(m.index(row, m.column_of(key)), text, Qt.ItemDataRole.EditRole)


# Qt's model contract --------------------------------------------------------------------------------------


def test_target_mode_passes_the_model_tester(filled: EntryGridModel, qtmodeltester: ModelTester) -> None:
    filled.set_default_year(2024)
    filled.paste_block(BAD_BLOCK, filled.first_new_row, 0)
    qtmodeltester.check(filled, force_py=True)
    assert filled.rowCount() == 2 + 3 + 1
    assert filled.columnCount() == 5


def test_unit_mode_passes_the_model_tester(unit_model: EntryGridModel, qtmodeltester: ModelTester) -> None:
    type_cell(unit_model, unit_model.first_new_row, "target", "不存在的指标")
    qtmodeltester.check(unit_model, force_py=True)
    assert unit_model.columnCount() == 6


# what a saved entry looks like ----------------------------------------------------------------------------


def test_saved_entries_read_as_reported(filled: EntryGridModel) -> None:
    headers = [filled.headerData(c, Qt.Orientation.Horizontal) for c in range(filled.columnCount())]
    assert headers == ["Period", "Value", "Value type", "Source", "Note"]
    assert row_texts(filled, 0) == [
        "2023年全年",
        "352亿元",
        value_type_text(ValueType.PERIOD),
        "经信局发布会",
        "",
    ]
    assert row_texts(filled, 1)[:3] == ["2024年前三季度", "257亿元", "Amount in period"]
    assert row_texts(filled, 2) == ["", "", "", "", ""]  # the row to type into
    assert [filled.headerData(r, Qt.Orientation.Vertical) for r in range(3)] == ["1", "2", "*"]


def test_sort_and_entity_roles_give_native_values(filled: EntryGridModel) -> None:
    period = filled.index(1, filled.column_of("period"))
    value = filled.index(1, filled.column_of("value"))
    assert period.data(EntryGridModel.SortRole) == date(2024, 9, 30).toordinal()
    assert value.data(EntryGridModel.SortRole) == 257.0
    assert value.data(EntryGridModel.EntityRole).id == 2
    assert filled.index(2, 0).data(EntryGridModel.EntityRole) is None


def test_unit_mode_lists_every_target_of_the_unit(unit_model: EntryGridModel) -> None:
    assert unit_model.headerData(0, Qt.Orientation.Horizontal) == "Target"
    names = [unit_model.index(r, 0).data() for r in range(unit_model.first_new_row)]
    assert names[:2] == ["医疗器械产业总体规模", "医疗器械产业总体规模"]
    assert "工业总产值（年内累计）" in names
    assert unit_model.first_new_row == 9  # all saved entries of the five targets
    row = names.index("工业总产值（年内累计）") + 1  # 2025年上半年: 1.35万亿元 in a 亿元 target
    value = unit_model.index(row, unit_model.column_of("value"))
    assert value.data() == "1.35万亿元"
    assert value.data(EntryGridModel.SortRole) == 13500.0
    assert unit_model.index(row, unit_model.column_of("period")).data() == "2025年上半年"


def test_target_column_is_editable_only_on_new_rows(unit_model: EntryGridModel) -> None:
    editable = Qt.ItemFlag.ItemIsEditable
    assert not unit_model.flags(unit_model.index(0, 0)) & editable
    assert unit_model.flags(unit_model.index(0, 1)) & editable
    assert unit_model.flags(unit_model.index(unit_model.first_new_row, 0)) & editable


# typing into new rows -------------------------------------------------------------------------------------


def test_typing_into_the_empty_row_makes_a_draft_and_a_new_empty_row(
    model: EntryGridModel, qtbot: QtBot
) -> None:
    assert type_cell(model, 0, "period", "2025年上半年")
    assert model.rowCount() == 2
    assert model.index(0, 0).data(EntryGridModel.ErrorRole) is None  # no value yet: not judged
    assert model.draft_entries() is None  # incomplete
    type_cell(model, 0, "value", "380亿元")
    with qtbot.waitSignal(model.entriesSubmitted) as blocker:
        assert model.submit_drafts()
    [entry] = blocker.args[0]
    assert (entry.target_id, entry.value, entry.unit) == (1, Decimal(380), "亿元")
    assert (entry.period.start, entry.period.end) == (date(2025, 1, 1), date(2025, 6, 30))
    assert entry.value_type is ValueType.PERIOD


def test_a_draft_shows_the_value_type_it_will_get(model: EntryGridModel) -> None:
    type_cell(model, 0, "period", "2025年上半年")
    type_cell(model, 0, "value", "380亿元")
    value_type = model.index(0, model.column_of("value_type"))
    assert value_type.data() == "Amount in period"  # a level target's figures are amounts in the period
    assert value_type.data(Qt.ItemDataRole.EditRole) == ""  # not typed: the editor opens empty
    assert value_type.data(Qt.ItemDataRole.ForegroundRole).name() == "#808080"


def test_chinese_numbers_and_value_types_are_read(model: EntryGridModel) -> None:
    type_cell(model, 0, "period", "2024年全年")
    type_cell(model, 0, "value", "一千五百九十")
    type_cell(model, 0, "value_type", "累计值")
    [entry] = model.draft_entries() or []
    assert (entry.value, entry.unit, entry.value_type) == (Decimal(1590), "", ValueType.CUMULATIVE)
    type_cell(model, 0, "value_type", "Running total")  # the shown name reads back, so copy + paste works
    assert (model.draft_entries() or [])[0].value_type is ValueType.CUMULATIVE
    type_cell(model, 0, "value_type", "差不多")
    assert "不是可选的数值类型" in model.index(0, model.column_of("value_type")).data(
        EntryGridModel.ErrorRole
    )


def test_a_wrong_unit_is_shown_in_the_value_cell(model: EntryGridModel) -> None:
    type_cell(model, 0, "period", "2024年3月")
    type_cell(model, 0, "value", "5家")
    value = model.index(0, model.column_of("value"))
    assert "与目标单位“亿元”不一致" in value.data(Qt.ItemDataRole.ToolTipRole)
    assert value.data(Qt.ItemDataRole.BackgroundRole).name() == "#ffd6d6"
    assert model.has_errors() and model.error_count() == 1


def test_domain_rules_beyond_parsing_are_checked(model: EntryGridModel) -> None:
    model.set_targets([scale_target(kind=TargetKind.RATE, unit="%", name="增速")], [])
    type_cell(model, 0, "period", "2024年全年")
    type_cell(model, 0, "value", "6.9%")
    type_cell(model, 0, "value_type", "期间值")
    error = model.index(0, model.column_of("value_type")).data(EntryGridModel.ErrorRole)
    assert error == "增速/占比类指标的填报应为“比率”"


def test_unit_mode_drafts_name_their_target_exactly(unit_model: EntryGridModel) -> None:
    row = unit_model.first_new_row
    type_cell(unit_model, row, "target", "医疗器械规模")
    assert "医疗器械规模" in unit_model.index(row, 0).data(EntryGridModel.ErrorRole)
    type_cell(unit_model, row, "target", "医疗器械产业总体规模")
    type_cell(unit_model, row, "period", "前三季度")  # the latest saved entry is from 2025
    type_cell(unit_model, row, "value", "257亿元")
    [entry] = unit_model.draft_entries() or []
    assert entry.target_id == 1 and entry.period.end == date(2025, 9, 30)
    type_cell(unit_model, row + 1, "period", "2025年7月")
    type_cell(unit_model, row + 1, "value", "8个")
    assert (
        unit_model.index(row + 1, 0).data(EntryGridModel.ErrorRole)
        == "Type the name of the target this figure is for."
    )
    assert unit_model.draft_entries() is None


def test_clearing_every_cell_of_a_draft_removes_the_row(model: EntryGridModel) -> None:
    model.paste_block("2024年3月\t10\n2024年4月\t20", 0, 0)
    assert model.rowCount() == 3
    cleared = model.clear_cells([model.index(0, 0), model.index(0, 1)])
    assert cleared == 2
    assert model.rowCount() == 2
    assert model.index(0, 0).data() == "2024年4月"


def test_default_year_is_the_latest_saved_year_else_the_as_of_year(filled: EntryGridModel) -> None:
    filled.set_default_year(2025)
    assert filled.default_year() == 2024  # the latest saved entry, 2024年前三季度
    filled.set_targets([scale_target()], [])
    assert filled.default_year() == 2025


def test_a_reload_keeps_unsaved_drafts_and_drops_the_saved_ones(model: EntryGridModel) -> None:
    model.paste_block("2024年3月\t10\n2024年4月\t20", 0, 0)
    submitted = (model.draft_entries() or [])[0]
    model.set_targets([scale_target()], [replace(submitted, id=5)])  # the session saved only the first
    assert model.first_new_row == 1 and model.rowCount() == 3
    assert row_texts(model, 0)[:2] == ["2024年3月", "10"]
    assert row_texts(model, 1)[:2] == ["2024年4月", "20"]  # still a draft
    model.set_targets([scale_target(id=2, name="另一指标")], [])  # another target: its drafts do not apply
    assert model.rowCount() == 1
    model.paste_block("2024年5月\t30", 0, 0)
    model.clear_drafts()
    assert model.rowCount() == 1


# pasting ------------------------------------------------------------------------------------------------


def test_paste_checks_every_row_and_submits_only_when_all_are_fixed(model: EntryGridModel) -> None:
    result = model.paste_block(BAD_BLOCK, 0, 0)
    assert result.accepted and (result.rows, result.valid_rows) == (3, 2)
    assert result.errors == (
        "Row 3 Period: “2024年13月”不是有效的报告期：月份应为1-12",
        "Row 3 Value: “十二a”中的单位“a”无法识别：可用的单位如 元、亿元、万亿元、美元、家、个、项、人次、%、个百分点、P、"
        "平方公里、吨标准煤、千瓦时，也可只写 万、亿 等数量级或留空",
    )
    assert result.message == "Pasted 3 rows: 2 valid, 1 with errors."
    assert [model.index(r, 0).data(EntryGridModel.ErrorRole) is None for r in range(3)] == [True, True, False]
    assert model.index(2, 0).data(Qt.ItemDataRole.ToolTipRole) == "“2024年13月”不是有效的报告期：月份应为1-12"
    assert model.index(2, 0).data() == "2024年13月"  # the typed text stays for fixing
    submitted: list[list[ProgressEntry]] = []
    model.entriesSubmitted.connect(submitted.append)
    assert not model.submit_drafts()
    assert submitted == []

    type_cell(model, 2, "period", "2024年12月")
    type_cell(model, 2, "value", "十二")
    assert not model.has_errors()
    assert model.submit_drafts()
    [entries] = submitted
    assert [(e.period.label, e.value, e.unit) for e in entries] == [
        ("2024年1-3月", Decimal(80), "亿元"),
        ("2024年前三季度", Decimal(257), "亿元"),
        ("2024年12月", Decimal(12), ""),
    ]


def test_rows_pasted_without_a_value_are_counted_as_unfinished(model: EntryGridModel) -> None:
    result = model.paste_block("2024年3月\t10\n2024年4月\n", 0, 0)
    assert result.message == "Pasted 2 rows: 1 valid, 0 with errors. 1 still need a period and a value."
    assert model.draft_entries() is None and not model.has_errors()


def test_a_block_wider_than_the_grid_is_refused_whole(model: EntryGridModel) -> None:
    model.paste_block("2024年3月\t10", 0, 0)
    before = [row_texts(model, r) for r in range(model.rowCount())]
    result = model.paste_block("2024年4月\t20\t期间值\t发布会\t备注\t多余", 1, 0)
    assert not result.accepted
    assert result.message == "Nothing was pasted: the block has 6 columns, but only 5 fit here."
    result = model.paste_block("20\t期间值\t发布会\t备注", 1, 2)
    assert "4 columns" in result.message and "only 3 fit" in result.message
    assert [row_texts(model, r) for r in range(model.rowCount())] == before


def test_pasting_onto_saved_rows_goes_below_them(filled: EntryGridModel) -> None:
    filled.paste_block("2024年3月\t10", 2, 0)  # a draft the user typed must survive
    result = filled.paste_block("2024年全年\t342亿元\r\n", 0, 0)
    assert result.moved and result.first_row == 3
    assert result.message.startswith("Saved rows cannot be pasted over; pasted below them at row 4.")
    assert row_texts(filled, 1)[1] == "257亿元"
    assert [row_texts(filled, r)[0] for r in (2, 3)] == ["2024年3月", "2024年全年"]


def test_excel_quoting_round_trips() -> None:
    assert parse_tsv('前三季度\t"257\n亿元"\r\n"说""近""2万亿"\t\r\n') == [
        ["前三季度", "257\n亿元"],
        ['说"近"2万亿', ""],
    ]
    assert parse_tsv('"近2万亿元\t1') == [['"近2万亿元', "1"]]  # a stray quote is read as typed
    cells = [["a\tb", 'x"y'], ["", "多\n行"]]
    assert parse_tsv(format_tsv(cells)) == cells
    assert parse_tsv("") == [] and parse_tsv("\n") == []


def test_cells_copy_as_tsv_over_their_rectangle(filled: EntryGridModel) -> None:
    picked = [filled.index(0, 0), filled.index(1, 1)]
    assert filled.cells_as_text(picked) == "2023年全年\t\n\t257亿元\n"


# editing saved rows ---------------------------------------------------------------------------------------


def test_editing_a_saved_row_asks_the_session_and_changes_nothing_itself(
    filled: EntryGridModel, qtbot: QtBot
) -> None:
    edited: list[tuple[ProgressEntry, ProgressEntry]] = []
    filled.entryEdited.connect(lambda old, new: edited.append((old, new)))
    value = filled.index(1, filled.column_of("value"))
    assert filled.setData(value, "abc")
    assert edited == []
    assert value.data() == "abc"
    assert "“abc”" in value.data(Qt.ItemDataRole.ToolTipRole)
    assert value.data(EntryGridModel.ErrorRole) == value.data(Qt.ItemDataRole.ToolTipRole)
    assert filled.has_errors()

    with qtbot.waitSignal(filled.entryEdited) as blocker:
        filled.setData(value, "300亿元")
    old, new = blocker.args
    assert (old.id, old.value) == (2, Decimal(257))
    assert (new.id, new.value, new.unit, new.period) == (2, Decimal(300), "亿元", old.period)
    assert new.source == old.source and new.note == old.note
    assert value.data() == "257亿元"  # stays until the session reloads
    assert not filled.has_errors()


def test_confirming_a_saved_cell_unchanged_emits_nothing(filled: EntryGridModel) -> None:
    edited: list[object] = []
    filled.entryEdited.connect(lambda *args: edited.append(args))
    filled.setData(filled.index(1, 0), "2024年前三季度")
    filled.setData(filled.index(1, 0), "2024年1-9月")  # the same period, written differently
    assert edited == []
