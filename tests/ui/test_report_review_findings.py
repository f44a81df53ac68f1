"""What a review of the report code found, kept fixed: figures after the as-of date, a report taken right after
the date changed, the wording of 时序进度, the print dialog's page range, a missing folder said before any chart
is drawn, control characters, and file permissions of written reports."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QProgressDialog

from app.reporting import write_report
from app.services.atomic_write import OutputError, atomic_write
from app.services.demo import create_demo_workspace
from app.services.report_content import build_report
from app.services.workspace import Workspace
from app.ui.main_window import MainWindow
from app.ui.report_html import report_html
from app.ui.report_pdf import paint_report
from tests.conftest import fixed_clock
from tests.ui.window_helpers import prompts


@pytest.fixture
def demo(tmp_path: Path) -> Workspace:
    return create_demo_workspace(tmp_path / "demo.ptt.sqlite", clock=fixed_clock)


def test_figures_reported_after_the_as_of_date_are_left_out(demo: Workspace) -> None:
    content = build_report(demo, date(2024, 12, 31), today=date(2025, 1, 5))
    block = next(b for b in content.blocks if b.name == "创新医疗器械品种")
    assert [e.period for e in block.entries] == ["截至2024年9月底"]  # not 2025年上半年, after the as-of date
    assert all(e.period.end <= date(2024, 12, 31) for r in content.rows for e in r.entries)
    demo.close()


def test_a_report_right_after_the_date_changed_uses_the_new_figures(window: MainWindow) -> None:
    window.session.set_as_of(date(2024, 12, 31))
    content = window.report_content()  # no wait by the caller: the report itself waits for the statuses
    assert content.as_of == date(2024, 12, 31)
    assert {r.progress.as_of for r in content.rows} == {date(2024, 12, 31)}


def test_the_summary_says_how_time_progress_is_measured(demo: Workspace) -> None:
    html = report_html(build_report(demo, date(2025, 7, 31), today=date(2025, 8, 5)), {})
    assert "时序进度按各指标最新数据所属报告期的期末计算" in html
    assert "完成率、时序进度按截至" not in html
    demo.close()


def test_printing_a_page_range_prints_only_those_pages(
    qapp: QApplication, demo: Workspace, tmp_path: Path
) -> None:
    content = build_report(demo, date(2025, 7, 31), today=date(2025, 8, 5))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "range.pdf"))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert paint_report(content, {}, printer) == 2
    pages = PdfReader(tmp_path / "range.pdf").pages
    assert len(pages) == 2
    # paint_report alone (no text-layer fix of write_pdf): 页 may read as its look-alike radical here
    footers = [re.sub(r"\s+", " ", p.extract_text()) for p in pages]
    assert re.search(r"第 2 \S 共 \d+", footers[0]) and re.search(r"第 3 \S 共 \d+", footers[1])
    demo.close()


def test_a_missing_folder_is_said_before_any_chart_is_drawn(
    qapp: QApplication, demo: Workspace, tmp_path: Path
) -> None:
    content = build_report(demo, date(2025, 7, 31), today=date(2025, 8, 5))
    steps: list[int] = []
    with pytest.raises(OutputError, match="文件夹不存在"):
        write_report(
            content, tmp_path / "无此文件夹" / "r.pdf", on_progress=lambda done, total: steps.append(done)
        )
    assert steps == []
    demo.close()


def test_control_characters_in_names_do_not_reach_the_pdf(demo: Workspace) -> None:
    content = build_report(demo, date(2025, 7, 31), today=date(2025, 8, 5))
    dirty = replace(content.blocks[0], name="创新\x07医疗\x0b器械", source_quote="到2026年\x00超100个")
    html = report_html(replace(content, behind_blocks=(dirty,), other_blocks=()), {})
    assert "\x07" not in html and "\x0b" not in html and "\x00" not in html
    assert "创新医疗器械" in html and "到2026年超100个" in html
    demo.close()


def test_a_written_report_is_readable_like_any_file_and_leaves_no_partial(tmp_path: Path) -> None:
    out = atomic_write(tmp_path / "r.txt", lambda partial: partial.write_text("报告", encoding="utf-8"))
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~mask
    assert [p.name for p in tmp_path.iterdir()] == ["r.txt"]


def test_the_export_progress_dialog_stays_up_across_charts_and_pages_and_is_freed(
    window: MainWindow, tmp_path: Path
) -> None:
    out = window.export_report_to(tmp_path / "r.pdf")
    assert out is not None
    QApplication.sendPostedEvents(None, 0)  # deleteLater
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert window.findChildren(QProgressDialog) == []
    assert prompts(window).shown == []


def test_a_name_typed_without_extension_takes_the_chosen_file_type() -> None:
    from app.ui.prompts import with_filter_suffix

    assert with_filter_suffix("/tmp/月报", "Word (*.docx)") == "/tmp/月报.docx"
    assert with_filter_suffix("/tmp/月报.pdf", "Word (*.docx)") == "/tmp/月报.pdf"  # a typed extension wins
    assert (
        with_filter_suffix("/tmp/数据", "政策目标数据 (*.ptt.sqlite *.sqlite *.db)") == "/tmp/数据.ptt.sqlite"
    )
