"""Targets from policy text: paste or open a document, review the proposed rows, save the ticked ones into a plan
as one undoable step — on the demo data file, with what the user sees asserted cell by cell."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.domain.entities import Comparator, Plan, TargetKind
from app.services.demo import create_demo_workspace
from app.services.workspace import Workspace
from app.ui.candidate_model import INVALID_BACKGROUND, CandidateModel
from app.ui.extract_dialog import ExtractDialog
from app.ui.session import Session
from tests.conftest import fixed_clock
from tests.ui.window_helpers import ScriptedPrompts

AS_OF = date(2025, 7, 31)
SEED = "到2026年总体规模突破500亿元、打造专业化产业园区5个以上、创新品种超100个"
COLUMNS = CandidateModel.KEYS


@pytest.fixture
def session(demo_workspace: Workspace) -> Iterator[Session]:
    s = Session(demo_workspace, AS_OF)
    yield s
    s.pool.waitForDone()


@pytest.fixture
def plan(session: Session) -> Plan:
    """An empty plan to save into, so that what the dialog adds is all the plan holds."""
    return session.editor.add_plan(
        Plan(
            title="测试产业行动计划(2024-2026年)",
            period_start=date(2024, 1, 1),
            period_end=date(2026, 12, 31),
        )
    )


@pytest.fixture
def prompts() -> ScriptedPrompts:
    return ScriptedPrompts()


@pytest.fixture
def dialog(qtbot: QtBot, session: Session, prompts: ScriptedPrompts, plan: Plan) -> ExtractDialog:
    d = ExtractDialog(session, prompts, None, plan_id=plan.id)  # type: ignore[arg-type]
    qtbot.addWidget(d)
    d.show()
    return d


def paste_and_extract(qtbot: QtBot, d: ExtractDialog, text: str) -> None:
    d.text_edit.setPlainText(text)
    d.activateWindow()  # window shortcuts answer only in the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is d)
    with qtbot.waitSignal(d.extracted, timeout=10000):
        qtbot.keyClick(d.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def cell(d: ExtractDialog, row: int, key: str, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> object:
    return d.model.index(row, COLUMNS.index(key)).data(role)


def edit(d: ExtractDialog, row: int, key: str, text: str) -> None:
    assert d.model.setData(d.model.index(row, COLUMNS.index(key)), text, Qt.ItemDataRole.EditRole)


def n_(text: str, count: int) -> str:
    """A counted phrase in its plural form, as the dialog words it (the English .qm carries the forms)."""
    return QCoreApplication.translate("ExtractDialog", text, "", count)


def saved_report(targets: int, figures: int, plan: str) -> str:
    return f"Saved {n_('%n new target(s)', targets)} and {n_('%n figure(s)', figures)} into “{plan}”."


def errors(prompts: ScriptedPrompts) -> list[str]:
    return [text for kind, _, text in prompts.shown if kind == "error"]


def test_the_seed_sentence_gives_three_ticked_target_rows(qtbot: QtBot, dialog: ExtractDialog) -> None:
    paste_and_extract(qtbot, dialog, SEED)
    rows = [
        [
            str(cell(dialog, r, k))
            for k in ("kind", "indicator", "comparator", "value", "unit", "when", "saves")
        ]
        for r in range(dialog.model.rowCount())
    ]
    assert rows == [
        ["Target", "总体规模", ">", "500", "亿元", "2026年", "New target"],
        ["Target", "专业化产业园区", "≥", "5", "个", "2026年", "New target"],
        ["Target", "创新品种", ">", "100", "个", "2026年", "New target"],
    ]
    assert [cell(dialog, r, "use", Qt.ItemDataRole.CheckStateRole) for r in range(3)] == [
        Qt.CheckState.Checked
    ] * 3
    assert cell(dialog, 2, "value", Qt.ItemDataRole.ToolTipRole) == "创新品种超100个"
    found = f"Found {n_('%n target(s)', 3)} and {n_('%n progress figure(s)', 0)}."
    assert dialog.message.text() == f"{found} Tick the rows to keep, correct any cell, then save."
    dialog.table.setCurrentIndex(dialog.model.index(1, COLUMNS.index("indicator")))
    assert dialog.quote.toPlainText().splitlines()[0] == "打造专业化产业园区5个以上"
    assert cell(dialog, 0, "baseline") == "required"  # a level target is measured from a baseline
    assert cell(dialog, 0, "baseline", Qt.ItemDataRole.EditRole) == ""
    assert dialog.save_button.isEnabled() and dialog.save_button.isDefault()


def test_edit_one_drop_one_and_save_adds_exactly_those_targets_in_one_undo_step(
    qtbot: QtBot, dialog: ExtractDialog, session: Session, prompts: ScriptedPrompts, plan: Plan
) -> None:
    ws = session.workspace
    before = len(ws.targets.all())
    paste_and_extract(qtbot, dialog, SEED)
    dialog.table.setFocus()
    dialog.table.selectRow(0)  # 总体规模: dropped with the Delete key
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert [cell(dialog, r, "indicator") for r in range(dialog.model.rowCount())] == [
        "专业化产业园区",
        "创新品种",
    ]
    edit(dialog, 1, "value", "一百二十")  # Chinese numerals are read as plans write them
    assert cell(dialog, 1, "value") == "一百二十"
    assert cell(dialog, 1, "value", Qt.ItemDataRole.BackgroundRole) is None

    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert errors(prompts) == []
    saved = sorted(ws.targets.for_plan(plan.id or 0), key=lambda t: t.id or 0)
    assert [(t.name, t.kind, t.comparator, t.target_value, t.unit, t.deadline) for t in saved] == [
        ("专业化产业园区", TargetKind.CUMULATIVE, Comparator.GE, Decimal(5), "个", date(2026, 12, 31)),
        ("创新品种", TargetKind.CUMULATIVE, Comparator.GT, Decimal(120), "个", date(2026, 12, 31)),
    ]
    assert saved[1].source_quote == "创新品种超100个"
    assert len(ws.targets.all()) == before + 2
    assert dialog.model.rowCount() == 0  # saved rows leave the table
    report = saved_report(2, 0, "测试产业行动计划(2024-2026年)")
    assert dialog.message.text() == report
    assert prompts.shown[-1] == ("info", "Targets from policy text", report)

    stack = session.undo_stack
    assert stack.undoText() == f"Add from policy text ({n_('%n new target(s)', 2)}, {n_('%n figure(s)', 0)})"
    stack.undo()
    assert ws.targets.for_plan(plan.id or 0) == []
    stack.redo()
    assert {t.name for t in ws.targets.for_plan(plan.id or 0)} == {"专业化产业园区", "创新品种"}
    dialog.close_button.click()  # nothing left to lose: no question; Accepted tells the window something was saved
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert [t.name for t in dialog.saved_targets] == ["专业化产业园区", "创新品种"]


def test_a_level_target_needs_a_baseline_and_the_refusal_names_row_and_field(
    qtbot: QtBot, dialog: ExtractDialog, session: Session, prompts: ScriptedPrompts, plan: Plan
) -> None:
    paste_and_extract(qtbot, dialog, SEED)
    assert dialog.on_save() == 0
    assert len(errors(prompts)) == 1
    assert errors(prompts)[0].startswith("Row 1, Baseline：规模类指标必须填写基期值")
    assert session.workspace.targets.for_plan(plan.id or 0) == []
    assert cell(dialog, 0, "baseline", Qt.ItemDataRole.BackgroundRole) == INVALID_BACKGROUND
    assert dialog.table.currentIndex().row() == 0
    assert dialog.table.currentIndex().column() == COLUMNS.index("baseline")

    edit(dialog, 0, "baseline", "352")
    assert cell(dialog, 0, "baseline", Qt.ItemDataRole.BackgroundRole) is None
    assert dialog.on_save() == 3
    level = next(t for t in session.workspace.targets.for_plan(plan.id or 0) if t.name == "总体规模")
    assert (level.kind, level.comparator, level.target_value, level.baseline_value) == (
        TargetKind.LEVEL,
        Comparator.GT,
        Decimal(500),
        Decimal(352),
    )


def test_a_bad_edit_is_refused_and_nothing_is_saved(
    qtbot: QtBot, dialog: ExtractDialog, session: Session, prompts: ScriptedPrompts, plan: Plan
) -> None:
    ws = session.workspace
    before = (len(ws.targets.all()), ws.entries.count(), session.undo_stack.count())
    paste_and_extract(qtbot, dialog, SEED)
    edit(dialog, 0, "baseline", "352")
    edit(dialog, 2, "value", "abc")
    edit(dialog, 1, "when", "明年春天")
    assert cell(dialog, 2, "value", Qt.ItemDataRole.BackgroundRole) == INVALID_BACKGROUND
    assert "abc" in str(cell(dialog, 2, "value", Qt.ItemDataRole.ToolTipRole))

    assert dialog.on_save() == 0
    message = errors(prompts)[0].splitlines()
    assert message[0].startswith("Row 2, Deadline / period：")
    assert message[1].startswith("Row 3, Value：“abc”")
    assert (len(ws.targets.all()), ws.entries.count(), session.undo_stack.count()) == before
    assert dialog.model.rowCount() == 3  # nothing is lost: the user corrects and saves again
    assert dialog.table.currentIndex().row() == 1


def test_progress_figures_go_to_the_target_of_the_same_name(
    qtbot: QtBot, session: Session, prompts: ScriptedPrompts
) -> None:
    ws = session.workspace
    plan = next(p for p in ws.plans.all() if p.title.startswith("北京市医疗器械"))
    d = ExtractDialog(session, prompts, None, plan_id=plan.id)  # type: ignore[arg-type]
    qtbot.addWidget(d)
    d.show()
    text = "2025年7月20日消息。截至2025年6月底，全市已建成专业化产业园区4个，今年上半年新增创新医疗器械品种12个。"
    paste_and_extract(qtbot, d, text)
    assert d.document_date() == date(2025, 7, 20)  # the release's own date, not today
    assert d.date_note.text() == "(found in the text)"
    assert [str(cell(d, r, k)) for r in range(2) for k in ("kind", "indicator", "when")] == [
        *("Progress", "专业化产业园区", "截至2025年6月底"),
        *("Progress", "新增创新医疗器械品种", "2025年上半年"),
    ]
    assert [cell(d, r, "use", Qt.ItemDataRole.CheckStateRole) for r in range(2)] == [
        Qt.CheckState.Unchecked
    ] * 2
    assert not d.save_button.isEnabled()
    assert cell(d, 0, "saves") == "Figure for “专业化产业园区”"
    assert cell(d, 1, "saves") == "Not saved: the plan has no target named “新增创新医疗器械品种”"
    for r in range(2):
        d.model.setData(d.model.index(r, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    parks = next(t for t in ws.targets.for_plan(plan.id or 0) if t.name == "专业化产业园区")
    count = len(ws.entries.for_target(parks.id or 0))

    assert d.on_save() == 1
    entries = ws.entries.for_target(parks.id or 0)
    assert len(entries) == count + 1
    new = max(entries, key=lambda e: e.id or 0)
    assert (new.period.label, new.value, new.unit) == ("截至2025年6月底", Decimal(4), "个")
    assert d.message.text().splitlines() == [
        saved_report(0, 1, "北京市医疗器械产业提质升级行动计划(2024-2026年)"),
        n_(
            "%n ticked figure(s) not saved: the plan has no target of the same name "
            "(rename the indicator to a target's name to save it).",
            1,
        ),
    ]
    assert [str(cell(d, r, "indicator")) for r in range(d.model.rowCount())] == ["新增创新医疗器械品种"]

    edit(d, 0, "indicator", "创新医疗器械品种")  # renamed to an existing target: now it can be saved
    assert cell(d, 0, "saves") == "Figure for “创新医疗器械品种”"
    assert d.on_save() == 1


def test_a_figure_can_go_to_a_target_saved_in_the_same_step(
    qtbot: QtBot, dialog: ExtractDialog, session: Session, plan: Plan
) -> None:
    paste_and_extract(qtbot, dialog, "到2026年，建成特色园区10个。截至2025年6月底，已建成特色园区4个。")
    dialog.model.setData(
        dialog.model.index(1, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert cell(dialog, 1, "saves") == "Figure for “特色园区”"
    assert dialog.on_save() == 2
    (target,) = session.workspace.targets.for_plan(plan.id or 0)
    (entry,) = session.workspace.entries.for_target(target.id or 0)
    assert (target.name, target.target_value, entry.value, entry.period.label) == (
        "特色园区",
        Decimal(10),
        Decimal(4),
        "截至2025年6月底",
    )
    session.undo_stack.undo()  # the target and its figure go together
    assert session.workspace.targets.for_plan(plan.id or 0) == []


def test_empty_text_and_text_without_figures_are_said_in_the_dialog(
    qtbot: QtBot, dialog: ExtractDialog, prompts: ScriptedPrompts
) -> None:
    dialog.text_edit.setPlainText("  \n ")
    dialog.on_extract()
    assert dialog.message.text() == "Paste some text or open a file first."
    paste_and_extract(qtbot, dialog, "会议强调，要进一步优化营商环境，持续推动产业高质量发展。")
    assert dialog.model.rowCount() == 0
    assert dialog.message.text() == "No targets or figures were found in this text."
    assert not dialog.save_button.isEnabled()
    assert prompts.shown == []


def test_opening_a_docx_fills_the_text_and_extracts(
    qtbot: QtBot, dialog: ExtractDialog, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    doc = Document()
    doc.add_paragraph("测试产业行动计划（2024—2026年）")
    doc.add_paragraph("到2026年，全市生物医药产业规模达到1万亿元。")
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "主要目标"
    table.cell(0, 1).text = "力争培育独角兽企业10家左右。"
    path = tmp_path / "行动计划.docx"
    doc.save(str(path))
    prompts.paths = [str(path)]
    with qtbot.waitSignal(dialog.extracted, timeout=10000):
        assert dialog.on_open()
    assert "1万亿元" in dialog.text_edit.toPlainText()
    found = {(str(cell(dialog, r, "indicator")), str(cell(dialog, r, "value")), str(cell(dialog, r, "unit")))
             for r in range(dialog.model.rowCount())}  # fmt: skip
    assert found == {("生物医药产业规模", "1", "万亿元"), ("独角兽企业", "10", "家")}
    row = next(r for r in range(dialog.model.rowCount()) if cell(dialog, r, "indicator") == "独角兽企业")
    assert cell(dialog, row, "notes") == "力争 · approx. · no deadline: the plan's end"


def test_a_file_that_is_no_document_is_refused_with_the_core_message(
    dialog: ExtractDialog, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    path = tmp_path / "坏文件.docx"
    path.write_bytes(b"\x00\x01 not a zip at all")
    dialog.text_edit.setPlainText("原有文字")
    prompts.paths = [str(path)]
    assert not dialog.on_open()
    assert len(errors(prompts)) == 1 and "不是有效的 Word（.docx）文件" in errors(prompts)[0]
    assert dialog.text_edit.toPlainText() == "原有文字"


def test_closing_with_ticked_rows_asks_first(
    qtbot: QtBot, dialog: ExtractDialog, prompts: ScriptedPrompts
) -> None:
    paste_and_extract(qtbot, dialog, SEED)
    prompts.confirm_answer = False
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert prompts.shown[-1] == (
        "confirm",
        "Targets from policy text",
        n_("Discard %n ticked row(s) that have not been saved?", 3),
    )
    prompts.confirm_answer = True
    dialog.reject()
    assert not dialog.isVisible()


def test_a_read_only_file_can_be_read_but_not_saved_into(
    qtbot: QtBot, tmp_path: Path, prompts: ScriptedPrompts
) -> None:
    path = tmp_path / "只读.ptt.sqlite"
    create_demo_workspace(path, clock=fixed_clock).close()
    with Workspace.open(path, read_only=True, clock=fixed_clock) as ws:
        s = Session(ws, AS_OF)
        d = ExtractDialog(s, prompts, None)  # type: ignore[arg-type]
        qtbot.addWidget(d)
        d.show()
        assert d.message.text() == "This file is open read-only; nothing can be saved."
        paste_and_extract(qtbot, d, SEED)
        assert d.model.rowCount() == 3
        assert not d.save_button.isEnabled()
        assert d.on_save() == 0
        assert errors(prompts) == ["This file is open read-only; nothing can be saved."]
        prompts.confirm_answer = True
        d.reject()
        s.pool.waitForDone()


def test_the_model_passes_qt_checks(qtmodeltester: ModelTester, qtbot: QtBot, dialog: ExtractDialog) -> None:
    paste_and_extract(qtbot, dialog, SEED + "。截至2025年6月底，已建成专业化产业园区4个。")
    qtmodeltester.check(dialog.model, force_py=True)


def test_figures_in_a_locked_period_are_refused_by_their_row_in_the_dialog(
    qtbot: QtBot, dialog: ExtractDialog, session: Session, plan: Plan, prompts: ScriptedPrompts
) -> None:
    """June 2025 is locked by another copy of the program: the two June figures (rows 2 and 4 of the dialog) are
    named by those rows, nothing is saved, the rows stay for the user, and the window now knows the lock."""
    from app.services.editing import Editor
    from app.services.period_locks import parse_lock_period

    with Workspace.open(session.workspace.path) as other:
        Editor(other).lock_period(parse_lock_period("2025年6月"))
    assert session.locks == []
    text = "到2026年，建成特色园区10个。截至2025年6月底，已建成特色园区4个。到2026年，建成孵化器8家。截至2025年6月底，已建成孵化器3家。"
    paste_and_extract(qtbot, dialog, text)
    assert [cell(dialog, r, "kind") for r in range(4)] == ["Target", "Progress", "Target", "Progress"]
    for r in (1, 3):
        dialog.model.setData(
            dialog.model.index(r, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
        )
    assert dialog.on_save() == 0
    (message,) = errors(prompts)
    assert message.startswith("第2行 报告期：") and "；第4行 报告期：" in message
    assert "2025年6月" in message
    assert session.workspace.targets.for_plan(plan.id or 0) == [] and dialog.model.rowCount() == 4
    assert [lock.period.label for lock in session.locks] == ["2025年6月"]
