"""`report` from the command line: PDF, Word and Excel of the demo, filters, and bad output paths."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from docx import Document
from pypdf import PdfReader

from app.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_demo_report_as_pdf_without_a_window(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "月报.pdf"
    code, stdout, _ = run(
        capsys,
        "report",
        "--demo",
        "--out",
        str(out),
        "--as-of",
        "2025-07-31",
        "--issuer",
        "北京市经济和信息化局",
    )
    assert code == 0 and "已生成报告" in stdout and "20 个指标" in stdout
    text = pdf_text(out)
    assert "北京市经济和信息化局" in text and "医疗器械产业总体规模" in text and "-6.3%" in text


def test_filters_reach_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "滞后.xlsx"
    code, stdout, _ = run(
        capsys, "report", "--demo", "--out", str(out), "--as-of", "2025-07-31", "--status", "滞后"
    )
    assert code == 0 and "2 个指标" in stdout
    sheet = openpyxl.load_workbook(out)["汇总"]
    names = {row[1] for row in sheet.iter_rows(min_row=2, values_only=True) if row[1]}
    assert names == {"医疗器械产业总体规模", "创新医疗器械品种"}


def test_a_filter_that_matches_nothing_writes_a_report_that_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "空.docx"
    code, _, err = run(capsys, "report", "--demo", "--out", str(out), "--unit", "不存在的单位")
    assert code == 0 and "没有符合条件的指标" in err
    assert any("按所选条件没有可报告的指标" in p.text for p in Document(str(out)).paragraphs)


@pytest.mark.parametrize(
    ("out", "message"),
    [("报告.txt", "不支持的报告格式"), ("no/such/folder/报告.pdf", "文件夹不存在")],
)
def test_bad_output_paths_exit_1_and_leave_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], out: str, message: str
) -> None:
    code, _, err = run(capsys, "report", "--demo", "--out", str(tmp_path / out))
    assert code == 1 and message in err
    assert list(tmp_path.iterdir()) == []


def test_unknown_status_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "report", "--demo", "--out", str(tmp_path / "r.pdf"), "--status", "很差")
    assert code == 2 and "很差" in err


def test_an_excel_report_can_carry_the_reporting_status_appendix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "月报.xlsx"
    code, _, err = run(
        capsys, "report", "--demo", "--out", str(out), "--as-of", "2025-07-31", "--reporting", "2025年6月"
    )
    assert code == 0, err
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[-1] == "报送情况"
    cells = [str(c.value or "") for row in wb["报送情况"].iter_rows() for c in row]
    assert any("2025年6月" in c for c in cells)
    # the demo's figures were all entered on 2025-07-31, after the 10-day due date of 2025-07-10: 10 targets
    # late and 10 not reported (each word once more as a header of the per-unit table)
    assert sum(c == "逾期报送" for c in cells) == 10 + 1 and sum(c == "未报送" for c in cells) == 10 + 1


def test_the_appendix_is_refused_for_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "月报.pdf"
    code, _, err = run(capsys, "report", "--demo", "--out", str(out), "--reporting", "2025年6月")
    assert code == 1 and "只能附在 Excel" in err and not out.exists()


def test_the_issuer_saved_in_the_window_is_used_unless_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """设置 → 报告单位 in the window is printed by `ptt report` too; --issuer still wins for one report."""
    from PySide6.QtCore import QSettings

    import app.ui.settings as settings
    from app.ui.settings import AppSettings

    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    AppSettings(store).report_issuer = "北京市经济和信息化局"
    monkeypatch.setattr(settings, "user_store", lambda: store)

    def docx_props(*extra: str) -> tuple[str, str]:
        out = tmp_path / "月报.docx"
        code, _, _ = run(capsys, "report", "--demo", "--out", str(out), "--as-of", "2025-07-31", *extra)
        assert code == 0
        document = Document(str(out))
        return document.core_properties.author, document.sections[0].header.paragraphs[0].text

    author, header = docx_props()
    assert author == "北京市经济和信息化局" and "北京市经济和信息化局" in header
    author, header = docx_props("--issuer", "市发展改革委")
    assert author == "市发展改革委" and "北京市经济和信息化局" not in header
