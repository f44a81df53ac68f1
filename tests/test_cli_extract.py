"""``ptt extract`` on real files: the two seed reports give the targets and figures the demo data was built from."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import docx
import pytest

from app.cli import main

SEEDS = Path(__file__).resolve().parent / "data" / "seeds"  # copies of ../shared/seeds, the public reports
SEED_2024 = SEEDS / "002_70525157da872df0.txt"  # 北京市经信局三季度经济运行新闻发布会, 2024-10-23
SEED_2025 = SEEDS / "000_c06b3f2cafa5faf5.txt"  # 北京日报, 2025-07-28


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def extract_json(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict[str, Any]]:
    code, out, err = run(capsys, "extract", *argv, "--format", "json")
    assert code == 0, err
    found: list[dict[str, Any]] = json.loads(out)
    return found


def proposes(found: list[dict[str, Any]], **fields: Any) -> bool:
    return any(all(c[k] == v for k, v in fields.items()) for c in found)


def test_the_2024_seed_proposes_the_plans_targets(capsys: pytest.CaptureFixture[str]) -> None:
    found = extract_json(capsys, str(SEED_2024))
    targets = [c for c in found if c["kind"] == "target"]
    expected = [
        dict(indicator="总体规模", value="500", unit="亿元", comparator=">", deadline="2026"),
        dict(indicator="专业化产业园区", value="5", unit="个", comparator=">=", deadline="2026"),
        dict(indicator="创新品种", value="100", unit="个", comparator=">", deadline="2026"),
        # "力争用3年左右时间" counts from the plan in the same sentence, 《…方案(2024-2026年)》
        dict(value="1590", unit="家", comparator=">=", hedge="力争", deadline="2026"),
        dict(indicator="制造业龙头企业在绿交所建立企业碳账户", value="500", unit="家", deadline=None),
    ]
    for fields in expected:
        assert proposes(targets, **fields), fields
    (digital,) = [c for c in targets if c["value"] == "1590" and c["deadline"]]
    assert "数字化转型" in digital["indicator"]
    assert digital["quote"] == "力争用3年左右时间推动1590家有制造环节的规上企业全面开展数字化转型"
    # what the page shows that is no figure: the hotline 400-633-0111, 四个维度, 6个重大工程, 17个季度, 3.0阶段
    assert not any(c["value"] in ("400", "633", "111", "4", "6", "17", "3") for c in found)


def test_the_2024_seed_proposes_the_reported_figures(capsys: pytest.CaptureFixture[str]) -> None:
    found = extract_json(capsys, str(SEED_2024))
    progress = [c for c in found if c["kind"] == "progress"]
    expected = [
        dict(indicator="产值", value="352", unit="亿元", period="2023-01..2023-12"),
        dict(indicator="产值", value="257", unit="亿元", period="2024-01..2024-09"),
        dict(indicator="三类创新医疗器械累计获批", value="70", unit="个", period="..2024-10"),
        dict(indicator="人工智能医疗器械累计获批", value="41", unit="个", period="..2024-10"),
        dict(indicator="E级公共智算中心新增算力", value="5970", unit="P", period="2024-01..2024-08"),
        dict(indicator="社会算力新增", value="2650", unit="P", period="2024-01..2024-08"),
        dict(indicator="累计算力规模", value="2.2", unit="万P", comparator=">", period="..2024-08"),
        dict(indicator="备案上线大模型", value="94", unit="款"),
        dict(indicator="重点企业梯队总规模", value="2", unit="万家", comparator=">"),
        dict(indicator="各级服务载体", value="300", unit="家", comparator=">"),
        dict(indicator="惠及企业", value="1.3", unit="万家"),
        dict(indicator="降低融资成本", value="2", unit="亿元", comparator=">"),
        dict(indicator="工业增加值同比增长", value="6.9", unit="%", period="2024-01..2024-09"),
        dict(indicator="工业总产值", value="1.9", unit="万亿元", approx=True, period="2024-01..2024-09"),
    ]
    for fields in expected:
        assert proposes(progress, **fields), fields


def test_the_2025_seed_proposes_the_reported_figures(capsys: pytest.CaptureFixture[str]) -> None:
    found = extract_json(capsys, str(SEED_2025))
    assert all(c["kind"] == "progress" for c in found)  # a news report: no targets
    expected = [
        dict(indicator="新增先进级智能工厂", value="149", unit="家", period="2025-01..2025-06"),
        dict(indicator="绿色工厂累计建成", value="212", unit="家", period="..2025-06"),
        dict(indicator="绿色企业比例", value="27.2", unit="%", period="2025-01..2025-06"),
        dict(indicator="累计备案上线大模型", value="132", unit="款", period="..2025-07"),
        dict(indicator="在京人工智能企业", value="2400", unit="家", comparator=">", period="..2025-07"),
        dict(indicator="规模以上工业产值", value="1.35", unit="万亿元", period="2025-01..2025-06"),
        dict(indicator="规模以上工业增加值同比增长", value="7", unit="%", period="2025-01..2025-06"),
        dict(indicator="新增智算供给", value="1.1", unit="万PFlops"),
        dict(indicator="路侧基础设施智能化部署", value="600", unit="平方公里"),
        dict(indicator="工业和信息软件业增加值", value="9000", unit="亿元", comparator=">"),
    ]
    for fields in expected:
        assert proposes(found, **fields), fields
    assert not any(c["value"] in ("400", "16", "6") for c in found)  # 400-633-0111, 连续16个月, 6G


def test_a_document_date_given_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "通报.txt"
    path.write_text(
        "上半年，全市新增149家先进级智能工厂。\n今年底前，全市将新增公共充电桩1万个。\n", encoding="gb18030"
    )
    found = extract_json(capsys, str(path), "--date", "2025-07-28")
    assert [(c["kind"], c["period"], c["deadline"]) for c in found] == [
        ("progress", "2025-01..2025-06", None),
        ("target", None, "2025-12-31"),
    ]
    found = extract_json(capsys, str(path))
    assert [(c["period"], c["deadline"]) for c in found] == [
        (None, None),
        (None, None),
    ]  # no date: unresolved


def test_plan_start_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "方案.txt"
    path.write_text("力争用3年左右时间推动1590家规上企业全面开展数字化转型。", encoding="utf-8")
    (c,) = extract_json(capsys, str(path), "--plan-start", "2025-01-01")
    assert (c["value"], c["deadline"], c["hedge"]) == ("1590", "2027", "力争")


def test_table_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "extract", str(SEED_2024), "--format", "table")
    assert code == 0
    header, _rule, *rows = out.rstrip("\n").split("\n")
    assert header.split() == [
        "类型",
        "指标",
        "比较",
        "数值",
        "单位",
        "约数",
        "修饰",
        "截止时间",
        "报告期",
        "原文",
    ]
    assert any(r.startswith("目标  总体规模") and "500" in r and "2026" in r for r in rows)
    assert "共" in err and "条候选" in err


def test_docx_with_a_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "行动计划.docx"
    document = docx.Document()
    document.add_paragraph("到2026年，主要目标如下：")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "总体规模突破500亿元"
    table.cell(0, 1).text = "创新品种超100个"
    document.save(str(path))
    found = extract_json(capsys, str(path))
    assert [(c["indicator"], c["value"], c["deadline"]) for c in found] == [
        ("总体规模", "500", "2026"),
        ("创新品种", "100", "2026"),
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("空.txt", b"", "未在文件中识别到目标或进度数值"),
        ("通知.txt", "请各单位认真贯彻落实。联系电话：010-12345678。".encode(), "未在文件中识别到"),
        ("乱码.txt", bytes(range(256)) * 100, "不是可识别的文本文件"),
        ("假的.docx", b"not a zip at all", "不是有效的 Word"),
        ("扫描件.pdf", b"%PDF-1.4", "不支持"),
    ],
)
def test_data_problems_exit_1_with_a_chinese_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    code, out, err = run(capsys, "extract", str(path))
    assert (code, out) == (1, "")
    assert message in err and err.startswith("错误：文件：")


def test_a_missing_file_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "extract", str(tmp_path / "不存在.txt"))
    assert (code, out) == (1, "") and "找不到文件" in err


@pytest.mark.parametrize(
    "argv", [["--date", "2024年10月"], ["--plan-start", "明年"], ["--format", "xml"], []]
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["extract", *([str(SEED_2024)] if argv else []), *argv])
    assert exc.value.code == 2
    assert "usage" in capsys.readouterr().err


def test_as_a_real_process(tmp_path: Path) -> None:
    """The installed entry point path: UTF-8 output and exit code from a separate interpreter."""
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", "extract", str(SEED_2025), "--format", "json"],
        capture_output=True,
        check=False,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    found = json.loads(done.stdout.decode("utf-8"))
    assert any(c["value"] == "149" and c["unit"] == "家" for c in found)
