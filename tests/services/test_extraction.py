"""Targets and progress values read out of policy text: the corpus case by case, its precision and recall,
the pieces (numbers, periods, deadlines, masking) on their own, and arbitrary input that must never crash."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.services.extraction import Candidate, extract
from app.services.extraction.numerals import figures
from app.services.extraction.sentences import MASK, mask, normalize
from app.services.extraction.timing import document_date, plan_start_in, time_marks
from tests.services.extraction_corpus import CASES, HELD_OUT, UNSEEN, Case, key, score

# Precision / recall on the corpus, strict (every field, indicator included) and figure-level (every field but
# the indicator's wording). CASES and HELD_OUT are fully right; UNSEEN was written after the rules and is
# measured as it is (first run: strict 0.684 / 0.619, figure 0.868 / 0.786) — these floors keep it from slipping.
FLOORS = {
    "cases": {"strict": (1.0, 1.0), "figure": (1.0, 1.0)},
    "held_out": {"strict": (1.0, 1.0), "figure": (1.0, 1.0)},
    "unseen": {"strict": (0.68, 0.61), "figure": (0.86, 0.78)},
}
SETS = {"cases": CASES, "held_out": HELD_OUT, "unseen": UNSEEN}


def run(case: Case) -> list[Candidate]:
    return extract(case.text, document_date=case.document_date, plan_start=case.plan_start)


@pytest.mark.parametrize("case", CASES + HELD_OUT, ids=lambda c: c.id)
def test_corpus_case_exactly(case: Case) -> None:
    found = run(case)
    assert [key(c) for c in found] == [key(c) for c in case.expected]
    for c in found:
        assert c.quote and c.quote in case.text  # an exact slice of what was pasted


@pytest.mark.parametrize("name", list(SETS))
@pytest.mark.parametrize("level", ["strict", "figure"])
def test_precision_and_recall_stay_at_least_where_they_are(name: str, level: str) -> None:
    result = score(SETS[name], with_indicator=level == "strict")
    precision, recall = FLOORS[name][level]
    assert result.precision >= precision, result
    assert result.recall >= recall, result


def test_the_corpus_covers_every_pattern_and_has_enough_sentences() -> None:
    assert len(CASES) >= 60
    assert len({c.id for c in CASES + HELD_OUT + UNSEEN}) == len(CASES + HELD_OUT + UNSEEN)
    tags = {t for c in CASES for t in c.tags}
    assert tags >= {
        "seed", "comparator", "hedge", "deadline", "deadline-span", "period", "range", "respectively",
        "from-to", "implicit-subject", "chinese-numerals", "punctuation", "negative", "this-year", "stock",
        "descriptor", "structural", "carry-over",
    }  # fmt: skip
    negatives = [c for c in CASES if not c.expected]
    assert len(negatives) >= 12


def test_the_issue_example_gives_three_targets_with_their_own_indicators() -> None:
    found = extract("到2026年总体规模突破500亿元、打造专业化产业园区5个以上、创新品种超100个")
    assert [(c.indicator, c.value, c.unit, c.comparator, c.deadline) for c in found] == [
        ("总体规模", Decimal(500), "亿元", ">", "2026"),
        ("专业化产业园区", Decimal(5), "个", ">=", "2026"),
        ("创新品种", Decimal(100), "个", ">", "2026"),
    ]
    assert [c.quote for c in found] == [
        "到2026年总体规模突破500亿元",
        "打造专业化产业园区5个以上",
        "创新品种超100个",
    ]


def test_to_json_has_the_issue_fields_with_exact_decimal_strings() -> None:
    (c,) = extract("到2027年，全市医药健康产业规模从2023年的9000亿元增长至1.2万亿元以上。")
    assert c.to_json() == {
        "kind": "target",
        "indicator": "医药健康产业规模",
        "value": "1.2",
        "value_max": None,
        "unit": "万亿元",
        "comparator": ">=",
        "approx": False,
        "hedge": "",
        "deadline": "2027",
        "period": None,
        "quote": "全市医药健康产业规模从2023年的9000亿元增长至1.2万亿元以上",
        "baseline_value": "0.9",
        "baseline_date": "2023",
    }


def test_a_period_without_a_year_needs_a_document_date() -> None:
    (c,) = extract("前三季度，全市实现工业总产值1.9万亿元。")
    assert c.kind == "progress" and c.period is None
    (c,) = extract("前三季度，全市实现工业总产值1.9万亿元。", document_date=date(2024, 10, 23))
    assert c.period == "2024-01..2024-09"
    (c,) = extract("前三季度，全市实现工业总产值1.9万亿元。", document_date=date(2025, 8, 1))
    assert c.period == "2024-01..2024-09"  # 2025's is not over yet on 1 August


# --- the pieces --------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("五千家", [("5000", "家", None)]),
        ("百亿元", [("100", "亿元", None)]),
        ("一千五百九十家", [("1590", "家", None)]),
        ("三万亿元", [("3", "万亿元", None)]),
        ("1.35万亿元", [("1.35", "万亿元", None)]),
        ("1,590家", [("1590", "家", None)]),
        ("70余万个", [("70", "万个", None)]),
        ("1.1万PFlops", [("1.1", "万PFlops", None)]),
        ("百分之六十", [("60", "%", None)]),
        ("3到5个", [("3", "个", "5")]),
        ("4.5%-5%", [("4.5", "%", "5")]),
        ("三至五家", [("3", "家", "5")]),
        ("0.3个百分点", [("0.3", "个百分点", None)]),
        ("5G基站1万个", [("1", "万个", None)]),
        ("不高于1.25。", [("1.25", "", None)]),
    ],
)
def test_figures_read_numbers_and_units_as_written(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    got = [(str(f.value), f.unit, None if f.value_max is None else str(f.value_max)) for f in figures(text)]
    assert got == expected


@pytest.mark.parametrize(
    "text",
    ["5G", "IPv6", "2024年", "10月22日", "26条措施", "十五部门", "连续16个月", "17个季度", "第3批", "四个维度",
     "6个重大工程", "千亿级", "一批", "千家万户", "万家", "C919", "3.0阶段", "单价500元/吨", "1-8月", "百强"],
)  # fmt: skip
def test_numbers_that_are_not_figures(text: str) -> None:
    assert figures(text) == []


@pytest.mark.parametrize(
    ("text", "kind", "deadline", "period"),
    [
        ("到2026年", "deadline", "2026", None),
        ("2025年底前", "deadline", "2025-12-31", None),
        ("2025年6月底前", "deadline", "2025-06-30", None),
        ("到“十五五”末", "deadline", "2030", None),
        ("用3年左右时间", "deadline", "2026", None),
        ("三年内", "deadline", "2026", None),
        ("今年底前", "deadline", "2024-12-31", None),
        ("前三季度", "period", None, "2024-01..2024-09"),
        ("1-3季度", "period", None, "2024-01..2024-09"),
        ("1-8月", "period", None, "2024-01..2024-08"),
        ("1月到5月", "period", None, "2024-01..2024-05"),
        ("上半年", "period", None, "2024-01..2024-06"),
        ("2023年第四季度", "period", None, "2023-10..2023-12"),
        ("截至5月底", "period", None, "..2024-05"),
        ("截至2023年底", "period", None, "..2023-12"),
        ("去年全年", "period", None, "2023-01..2023-12"),
        ("今年以来", "since", None, "2024-01..2024-10"),
        ("目前", "now", None, None),
        ("2023年", "year", "2023", "2023-01..2023-12"),
        ("从2020年的", "baseline", "2020", None),
        ("较2020年", "baseline", None, None),
        ("10月22日", "baseline", None, None),
    ],
)
def test_time_expressions(text: str, kind: str, deadline: str | None, period: str | None) -> None:
    (mark,) = time_marks(text, date(2024, 10, 23), date(2024, 1, 1))
    assert (mark.kind, mark.deadline, mark.period.label() if mark.period else None) == (
        kind,
        deadline,
        period,
    )
    assert (mark.start, mark.end) == (0, len(text))


def test_document_date_and_plan_start_are_found_in_the_text() -> None:
    assert document_date("热线400-633-0111 时间:2024-10-23 2:13:06") == date(2024, 10, 23)
    assert document_date("北京日报2025年7月28日讯") == date(2025, 7, 28)
    assert document_date("2025年2月30日 无效，2025年3月1日有效") == date(2025, 3, 1)
    assert document_date("没有日期") is None
    assert plan_start_in("《北京市制造业数字化转型方案（2024-2026年）》") == date(2024, 1, 1)


def test_normalising_keeps_every_offset_and_masking_blanks_asides() -> None:
    text = "全市１２３家（括号里的5个）《方案（2024-2026年）》“新智造100”和“十五五”，电话010-12345678。"
    norm = normalize(text)
    assert len(norm) == len(text) and norm.startswith("全市123家(")
    masked = mask(norm)
    assert len(masked) == len(text)
    assert "5个" not in masked and "2024" not in masked and "100" not in masked and "12345678" not in masked
    assert "十五五" in masked  # kept readable for "到“十五五”末"
    assert "新智造100" in mask(norm, names=True) and MASK in masked


# --- robustness -----------------------------------------------------------------------------------------------------------
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(
        alphabet=st.one_of(
            st.characters(exclude_categories=("Cs",)),
            st.sampled_from(
                list(
                    "0123456789.,-~%万亿千百十一二两三五年月日底到至以上超过约分别从由提高家个元（）《》“”、，。\n"
                )
            ),
        ),
        max_size=300,
    )
)
def test_any_text_gives_candidates_and_never_raises(text: str) -> None:
    for c in extract(text, document_date=date(2024, 1, 31), plan_start=date(2024, 1, 1)):
        assert c.kind in ("target", "progress") and c.comparator in (">=", ">", "<=", "<", "=")
        assert c.value.is_finite() and c.quote in text


@pytest.mark.parametrize(
    "text",
    [
        "",
        " \n\n ",
        "\x00\x01\x02" * 1000,
        "一" * 20000,
        "5个" * 5000,
        "从5%提高到6%" * 2000,
        "(" * 20000,
        "“" * 20000,
    ],
)
def test_empty_binary_and_run_on_input(text: str) -> None:
    found = extract(text)
    assert all(len(c.quote) <= 300 for c in found)  # a run-on clause is quoted around the figure only
