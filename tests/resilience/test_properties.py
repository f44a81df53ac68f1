"""Arbitrary and malformed input for the parsers and the importer: every input is either read or refused with the
documented ``DomainError`` (a subclass names what was wrong); nothing else escapes, and a preview or a failed
import leaves the data file exactly as it was (compared as a full SQL dump).

Examples per test: PTT_HYPOTHESIS_EXAMPLES (parsers) and PTT_HYPOTHESIS_IMPORT_EXAMPLES (importer, each one a real
file read and a real data file). Derandomized: the same cases every run.
"""

from __future__ import annotations

import collections
import csv
import io
import os
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped]
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # type: ignore[import-untyped]

from app.domain.errors import DomainError
from app.domain.numbers import Quantity, format_decimal, parse_number, parse_quantity
from app.domain.periods import Period, parse_period
from app.domain.units import Unit, parse_unit
from app.services.demo import create_demo_workspace
from app.services.fill_template import write_template
from app.services.integrity import audit_mismatches
from app.services.sheet_import import FileState, commit_import, preview_import
from app.services.sheet_reader import ImportFileError, SourceFile, read_source
from app.services.workspace import Workspace
from app.storage.audit import first_broken_link
from app.storage.database import integrity_problems
from tests.conftest import TEST_ACTOR, fixed_clock

EXAMPLES = int(os.environ.get("PTT_HYPOTHESIS_EXAMPLES", "400"))
IMPORT_EXAMPLES = int(os.environ.get("PTT_HYPOTHESIS_IMPORT_EXAMPLES", "100"))
_COMMON = {
    "deadline": None,
    "derandomize": True,  # CI runs the same cases every time
    "database": None,  # nothing written beside the tests
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}
settings.register_profile("ptt-parsers", max_examples=EXAMPLES, **_COMMON)
settings.register_profile("ptt-import", max_examples=IMPORT_EXAMPLES, **_COMMON)
PARSERS = settings.get_profile("ptt-parsers")
IMPORTS = settings.get_profile("ptt-import")

# Hypothesis warns when a drawn example's text runs past 32 kB (ours: whole spreadsheets, 6000-digit numbers);
# under filterwarnings=error that warning fires on some runs of an example and not others, which Hypothesis then
# reports as "inconsistent data generation". It concerns only the report, never the code under test.
pytestmark = pytest.mark.filterwarnings(
    "ignore:Generating overly large repr:hypothesis.errors.HypothesisWarning"
)

CASES: collections.Counter[str] = collections.Counter()  # examples actually run, per test
COMMITTED: collections.Counter[str] = collections.Counter()  # of the import examples, those that saved rows


@pytest.fixture(scope="module", autouse=True)
def _report_cases() -> Iterator[None]:
    yield
    print("\n[hypothesis] cases run: " + ", ".join(f"{k} {v}" for k, v in sorted(CASES.items())))
    print(
        "[hypothesis] of which rows were committed: "
        + ", ".join(f"{k} {v}" for k, v in sorted(COMMITTED.items()))
    )
    print(f"[hypothesis] total {sum(CASES.values())}")


# Input: anything at all, and pieces of the real notations glued together in every wrong way ------------------

NUMBER_PIECES = [
    *"0123456789", ",", ".", "万", "亿", "千", "百", "十", "点", "零", "〇", "一", "二", "两", "三", "九",
    "负", "-", "+", "\u2212", "%", "％", "元", "亿元", "万亿元", "家", "个", "P", "个百分点", "倍", "平方公里",
    "超", "超过", "近", "约", "达到", " ", "\u3000", "１２", "，", "e", "E5", "inf", "NaN", "Infinity",
    "🚀", "👍🏽", "\x00", "\n", "\t", "\u200b", "\ufeff", "²", "①", "፩", "१", "٣",
    "9" * 30, "9" * 400, "1" + "0" * 5000, "0." + "0" * 300 + "1", "1e999999", "亿亿", "万万",
]  # fmt: skip
PERIOD_PIECES = [
    *"0123456789", "2024", "2025", "1900", "99999", "9" * 5000, "年", "月", "日", "号", "第", "季度", "一", "二",
    "三", "四", "五", "十二", "十三", "上半年", "下半年", "前三季度", "全年", "年度", "1-6月", "1—8月", "至",
    "-", "—", "~", "～", "/", ".", "截至", "截止", "底", "末", "累计", "Q", "Q3", "H1", " ", "\u3000", "🚀",
    "\x00", "\n", "²", "፩", "१", "０", "前", "后", "季", "半年", "2024-02-30", "2024-13", "2024/6/31",
]  # fmt: skip
UNIT_PIECES = ["万", "亿", "千", "十", "百", "元", "美元", "家", "个", "%", "P", "瓦", "千瓦", "时", "瓦时", "吨",
               "标准煤", "平方", "公里", "个百分点", "倍", "人次", " ", "🚀", "\x00", "亿亿", "k", "W"]  # fmt: skip


def glued(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=12).map("".join)


ANY_TEXT = st.text(max_size=60)  # every Unicode category: emoji, control characters, combining marks …
NUMBER_TEXT = st.one_of(
    ANY_TEXT,
    glued(NUMBER_PIECES),
    st.integers().map(str),
    # Huge figures, built from a small draw (a drawn 4000-digit integer would crowd out the rest of the case).
    st.builds(
        lambda digit, n, tail: digit * n + tail,
        st.sampled_from("19"),
        st.integers(40, 6000),
        glued(NUMBER_PIECES),
    ),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.floats().map(repr),
)
PERIOD_TEXT = st.one_of(ANY_TEXT, glued(PERIOD_PIECES))
UNIT_TEXT = st.one_of(ANY_TEXT, glued(UNIT_PIECES))


def refused(exc: BaseException) -> bool:
    """The one documented way to say no: DomainError (NumberError, UnitError, PeriodError …) with a message."""
    return isinstance(exc, DomainError) and bool(exc.message)


# The parsers ---------------------------------------------------------------------------------------------------


@PARSERS
@given(NUMBER_TEXT)
def test_parse_number_reads_or_refuses(text: str) -> None:
    CASES["parse_number"] += 1
    try:
        value = parse_number(text)
    except Exception as exc:
        assert refused(exc), repr(exc)
        return
    assert isinstance(value, Decimal) and value.is_finite()
    assert parse_number(format_decimal(value)) == value  # what was read can be written back and read again


@PARSERS
@given(NUMBER_TEXT)
def test_parse_quantity_reads_or_refuses(text: str) -> None:
    CASES["parse_quantity"] += 1
    try:
        q = parse_quantity(text)
    except Exception as exc:
        assert refused(exc), repr(exc)
        return
    assert isinstance(q, Quantity) and q.value.is_finite()
    assert parse_unit(q.unit).text == q.unit  # the unit it names is one the program knows


@PARSERS
@given(UNIT_TEXT)
def test_parse_unit_reads_or_refuses(text: str) -> None:
    CASES["parse_unit"] += 1
    try:
        unit = parse_unit(text)
    except Exception as exc:
        assert refused(exc), repr(exc)
        return
    assert isinstance(unit, Unit) and unit.magnitude > 0


@PARSERS
@given(PERIOD_TEXT, st.one_of(st.none(), st.integers(min_value=-(10**6), max_value=10**6)))
def test_parse_period_reads_or_refuses(text: str, default_year: int | None) -> None:
    CASES["parse_period"] += 1
    try:
        period = parse_period(text, default_year=default_year)
    except Exception as exc:
        assert refused(exc), repr(exc)
        return
    assert isinstance(period, Period) and period.start <= period.end
    assert parse_period(period.label) == period  # its own label reads back as the same period


# The importer ----------------------------------------------------------------------------------------------------

HEADERS = ["编号（勿改）", "政策文件", "指标", "指标名称", "单位", "报告期", "数值", "完成值", "备注", "来源", "填报人",
           "数值类型", "上次报告期", "序号", "金额", "", "数值（亿元）", " 报告期 "]  # fmt: skip
NAMES = ["医疗器械产业总体规模", "规上工业增加值增速", "累计算力规模", "在京人工智能企业", "不存在的指标",
         "北京市医疗器械产业提质升级行动计划(2024-2026年)", "T1-abcdef", "T999-000000"]  # fmt: skip
CELL_TEXT = st.one_of(
    ANY_TEXT, glued(NUMBER_PIECES), glued(PERIOD_PIECES), st.sampled_from(NAMES), st.just(""), st.just("=1/0")
)
CELL = st.one_of(
    CELL_TEXT,
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)),
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 12, 31)),
    st.times(),
)
GRID = st.tuples(
    st.lists(st.sampled_from(HEADERS), min_size=0, max_size=8),
    st.lists(st.lists(CELL, max_size=8), max_size=8),
)


def mostly(good: st.SearchStrategy[Any], bad: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Three draws in four from ``good``."""
    return st.integers(0, 3).flatmap(lambda i: bad if i == 0 else good)


# A sheet that looks right (the columns an import needs, real target names) with figures good and bad.
PERIODS = [
    "2024年全年",
    "2025年1-3月",
    "2025年上半年",
    "截至2025年6月底",
    "2025年6月",
    "2024年",
    "2027年第一季度",
]
PLAUSIBLE = st.tuples(
    st.permutations(["指标", "报告期", "数值", "备注", "单位"]),
    st.lists(
        st.fixed_dictionaries(
            {
                "指标": mostly(st.sampled_from(NAMES[:4]), CELL_TEXT),
                "报告期": mostly(st.sampled_from(PERIODS), PERIOD_TEXT),
                "数值": mostly(st.one_of(st.integers(0, 5000), st.decimals(0, 10**6, places=2)), NUMBER_TEXT),
                "备注": st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=20),
                "单位": mostly(st.just(""), st.sampled_from(["亿元", "个", "家", "%", "P", "万", "公斤"])),
            }
        ),
        max_size=10,
    ),
).map(lambda hr: (list(hr[0]), [[row[h] for h in hr[0]] for row in hr[1]]))


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """The demo data file (read by each example as a fresh copy) and a real fill-in template as bytes."""
    folder = tmp_path_factory.mktemp("properties")
    path = folder / "演示 数据.ptt.sqlite"
    with create_demo_workspace(path, clock=fixed_clock) as ws:
        template = write_template(ws, folder / "模板.xlsx", unit="市经济和信息化局经济运行处").path
    return path, template.read_bytes()


def dump(ws: Workspace) -> str:
    return "\n".join(ws.db.conn.iterdump())


def sound(ws: Workspace) -> None:
    """The file passes everything ``check`` looks at."""
    assert integrity_problems(ws.db) == []
    assert first_broken_link(ws.db) is None
    assert audit_mismatches(ws) == []


@dataclass(frozen=True)
class Sample:
    """A generated file; its repr (what Hypothesis prints for a failing case) says what it is, in brief."""

    name: str
    contents: bytes
    how: str

    def __repr__(self) -> str:
        return f"Sample({self.name!r}, {len(self.contents)} bytes, {self.how[:1500]})"


@st.composite
def hostile_files(draw: st.DrawFn, template: bytes, plausible: bool = False) -> Sample:
    """(file name, contents): random bytes, a real template damaged, or a sheet full of arbitrary cells; or with
    ``plausible`` a sheet with the right columns and real target names, its figures good and bad."""
    kind = draw(
        st.sampled_from(["bytes", "damaged xlsx", "csv", "xlsx"])
        if not plausible
        else st.sampled_from(["csv", "xlsx"])
    )
    if kind == "bytes":
        name = draw(st.sampled_from(["回报.xlsx", "回报.csv", "回报.txt", "回报"]))
        prefix = draw(
            st.sampled_from([b"", b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe", b"\xd0\xcf\x11\xe0"])
        )
        noise = draw(st.binary(max_size=2000))
        return Sample(name, prefix + noise, f"random bytes after {prefix!r}")
    if kind == "damaged xlsx":
        data = bytearray(template)
        for offset, value in draw(
            st.lists(st.tuples(st.integers(0, len(data) - 1), st.integers(0, 255)), max_size=20)
        ):
            data[offset] = value
        cut = draw(st.one_of(st.none(), st.integers(0, len(data))))
        return Sample("回报.xlsx", bytes(data[:cut] if cut is not None else data), f"template, cut at {cut}")
    header, rows = draw(PLAUSIBLE if plausible else GRID)
    if kind == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        for row in [header, *rows]:
            writer.writerow(["" if c is None else str(c) for c in row])
        encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"]))
        text = buffer.getvalue()
        return Sample("回报.csv", text.encode(encoding, errors="replace"), f"{encoding} {text!r}")
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.title = draw(st.sampled_from(["填报", "Sheet1", "数据 🚀", "x" * 31]))
    for row in [header, *rows]:
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", c) if isinstance(c, str) else c for c in row])
    out = io.BytesIO()
    wb.save(out)
    return Sample("回报.xlsx", out.getvalue(), f"sheet {sheet.title!r}: {[header, *rows]!r}")


@IMPORTS
@given(data=st.data())
def test_the_reader_reads_or_refuses_any_file(
    pristine: tuple[Path, bytes], tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    CASES["read_source"] += 1
    sample = data.draw(hostile_files(pristine[1]))
    name, contents = sample.name, sample.contents
    folder = tmp_path_factory.mktemp("reader")
    path = folder / name
    path.write_bytes(contents)
    try:
        source = read_source(path)
    except Exception as exc:
        assert isinstance(exc, ImportFileError) and name in exc.message, repr(exc)
        return
    assert isinstance(source, SourceFile) and source.tables


@pytest.mark.parametrize("plausible", [False, True], ids=["hostile", "plausible"])
@IMPORTS
@given(data=st.data())
def test_preview_never_writes_and_a_failed_import_changes_nothing(
    pristine: tuple[Path, bytes],
    tmp_path_factory: pytest.TempPathFactory,
    data: st.DataObject,
    plausible: bool,
) -> None:
    """Preview any file: nothing escapes, nothing is written. Commit it: all the good rows or, when the commit
    fails (here: the same file imported meanwhile by a colleague), not a byte of it."""
    kind = "plausible" if plausible else "hostile"
    CASES[f"preview_import + commit_import ({kind} files)"] += 1
    folder = tmp_path_factory.mktemp("import")
    sample = data.draw(hostile_files(pristine[1], plausible))
    name, contents = sample.name, sample.contents
    sheet = folder / name
    sheet.write_bytes(contents)
    db_path = folder / "数据 文件.ptt.sqlite"
    shutil.copyfile(pristine[0], db_path)
    with Workspace.open(db_path, clock=fixed_clock, actor=TEST_ACTOR) as ws:
        before = dump(ws)
        preview = preview_import(ws, [sheet])  # must not raise: a bad file is a refused file, not an error
        assert dump(ws) == before
        (summary,) = preview.files
        assert summary.state in (FileState.READ, FileState.REFUSED)
        if summary.state is FileState.REFUSED:
            assert summary.message and preview.rows == ()
        chosen = preview.rows_to_commit(True)
        COMMITTED[f"preview_import + commit_import ({kind} files)"] += bool(chosen)
        entries = ws.entries.count()
        result = commit_import(ws, preview)
        assert len(result.added) == len(chosen) and ws.entries.count() == entries + len(chosen)
        sound(ws)
        after = dump(ws)
        if not chosen:
            assert after == before
            return
        # A second copy of the program previewed the same file before this import and commits it now.
        # (pytest.raises would end the example with pytest's own BaseException, which Hypothesis cannot shrink.)
        try:
            again = commit_import(ws, preview)
        except ImportFileError as exc:
            assert "导入，本次未做任何修改" in exc.message, exc.message
        else:
            raise AssertionError(f"imported twice: {again.message}")
        assert dump(ws) == after
        sound(ws)


def test_the_dump_sees_any_change(pristine: tuple[Path, bytes], tmp_path: Path) -> None:
    """Control: the dump compares real content (a change anywhere shows), so "unchanged" above means unchanged."""
    path = tmp_path / "x.ptt.sqlite"
    shutil.copyfile(pristine[0], path)
    with Workspace.open(path, clock=fixed_clock, actor=TEST_ACTOR) as ws:
        before = dump(ws)
        conn = sqlite3.connect(path)
        conn.execute("UPDATE meta SET value = value || ' ' WHERE key = (SELECT min(key) FROM meta)")
        conn.commit()
        conn.close()
        assert dump(ws) != before
