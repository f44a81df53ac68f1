"""Reports from the window cover what the dashboard shows; they can be cancelled and never half-written."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QProgressDialog

from app.ui.main_window import MainWindow
from tests.ui.window_helpers import prompts


def test_the_report_covers_the_filtered_dashboard(window: MainWindow, tmp_path: Path) -> None:
    window.acts.show_behind.trigger()
    out = tmp_path / "需关注.xlsx"
    prompts(window).paths.append(str(out))
    assert window.on_export_report() == out
    names = [r[1] for r in openpyxl.load_workbook(out)["汇总"].iter_rows(min_row=2, values_only=True) if r[1]]
    assert sorted(names) == ["创新医疗器械品种", "医疗器械产业总体规模"]
    assert "需关注" in window.report_content().scope or "状态" in window.report_content().scope


def test_the_issuing_unit_from_the_settings_is_printed(window: MainWindow, tmp_path: Path) -> None:
    prompts(window).typed = "北京市经济和信息化局"
    window.acts.set_issuer.trigger()
    out = window.export_report_to(tmp_path / "月报.pdf")
    assert out is not None
    first_page = PdfReader(out).pages[0].extract_text()
    assert "北京市经济和信息化局" in first_page


def test_cancelling_leaves_no_file(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)  # the user pressed Cancel
    out = tmp_path / "reports"
    out.mkdir()
    assert window.export_report_to(out / "取消.pdf") is None
    assert list(out.iterdir()) == []


def test_a_report_into_a_missing_folder_says_so(window: MainWindow, tmp_path: Path) -> None:
    assert window.export_report_to(tmp_path / "无此文件夹" / "r.docx") is None
    kind, _title, text = prompts(window).shown[-1]
    assert kind == "error" and "文件夹不存在" in text


def test_print_preview_opens(window: MainWindow) -> None:
    window.acts.print_preview.trigger()
    preview = window._preview
    assert preview.isVisible()
    preview.close()
