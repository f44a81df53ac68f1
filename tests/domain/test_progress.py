"""Progress arithmetic with hand-computed numbers.

The plan runs 2024-01-01..2026-12-31: 1096 days. Dates are end-of-day instants, so 2024 is 366/1096 of it,
2024年前三季度 274/1096 = 25 %, and 2025年上半年 547/1096.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain.entities import Bands, Comparator, Plan, ProgressEntry, Target, TargetKind, ValueType
from app.domain.periods import parse_period
from app.domain.progress import ProgressSettings, evaluate, least_squares_slope, time_progress
from app.domain.status import Status

PLAN = Plan(id=1, title="测试计划", period_start=date(2024, 1, 1), period_end=date(2026, 12, 31))
D = Decimal


def target(**kw: object) -> Target:
    defaults: dict[str, object] = {
        "id": 1,
        "plan_id": 1,
        "name": "规上企业数字化转型",
        "kind": TargetKind.CUMULATIVE,
        "unit": "家",
        "comparator": Comparator.GE,
        "target_value": D(1590),
        "deadline": date(2026, 12, 31),
    }
    defaults.update(kw)
    return Target(**defaults)  # type: ignore[arg-type]


def entry(period: str, value: str, unit: str = "家", vt: ValueType = ValueType.CUMULATIVE) -> ProgressEntry:
    return ProgressEntry(target_id=1, period=parse_period(period), value=D(value), unit=unit, value_type=vt)


AS_OF = date(2025, 7, 31)


def test_time_progress_counts_whole_days_of_the_plan() -> None:
    t0 = date(2023, 12, 31)
    assert time_progress(t0, date(2024, 9, 30), date(2026, 12, 31)) == pytest.approx(274 / 1096)
    assert time_progress(t0, date(2024, 9, 30), date(2026, 12, 31)) == pytest.approx(0.25)
    assert time_progress(t0, date(2023, 6, 30), date(2026, 12, 31)) == 0.0  # before the start: clipped
    assert time_progress(t0, date(2027, 6, 30), date(2026, 12, 31)) == 1.0  # after the deadline: clipped


def test_no_data() -> None:
    p = evaluate(PLAN, target(), [], AS_OF)
    assert p.status is Status.NO_DATA
    assert p.completion is None and p.actual is None and p.gap is None


def test_one_cumulative_entry_hand_computed() -> None:
    p = evaluate(PLAN, target(), [entry("截至2024年底", "530")], AS_OF)
    assert p.actual == D(530)
    assert p.completion == pytest.approx(530 / 1590)  # 33.33 %
    assert p.time_progress == pytest.approx(366 / 1096)  # 33.39 %
    assert p.lag_points == pytest.approx((530 / 1590 - 366 / 1096) * 100)  # −0.06 points
    assert p.gap == D(1060)
    assert p.status is Status.AT_RISK  # a hair behind time progress, inside the 10-point amber band
    # The pace from 0 at the start to 530 after 366 days, carried on for the remaining 730 days:
    assert p.actual_pace == pytest.approx(530 / (366 / 365.25))
    assert p.forecast == pytest.approx(530 * 1096 / 366)  # 1587.10 — just short of 1590
    assert p.forecast_method == "linear"
    assert p.required_pace == pytest.approx(1060 / (730 / 365.25))  # 530.36 a year


def test_green_band_makes_a_small_lag_on_track() -> None:
    settings = ProgressSettings(bands=Bands(green=D(1), amber=D(10)))
    p = evaluate(PLAN, target(), [entry("截至2024年底", "530")], AS_OF, settings)
    assert p.status is Status.ON_TRACK


def test_far_behind_is_off_track() -> None:
    p = evaluate(PLAN, target(), [entry("截至2025年6月底", "300")], AS_OF)
    assert p.completion == pytest.approx(300 / 1590)  # 18.9 %
    assert p.time_progress == pytest.approx(547 / 1096)  # 49.9 %
    assert p.lag_points == pytest.approx(-31.04, abs=0.01)
    assert p.status is Status.OFF_TRACK


def test_value_beyond_target_is_achieved_with_negative_gap() -> None:
    p = evaluate(PLAN, target(), [entry("截至2025年6月底", "1700")], AS_OF)
    assert p.status is Status.ACHIEVED
    assert p.completion == pytest.approx(1700 / 1590)
    assert p.gap == D(-110)


def test_deadline_passed_and_not_reached_is_overdue() -> None:
    p = evaluate(PLAN, target(), [entry("截至2026年底", "1000")], date(2027, 3, 1))
    assert p.status is Status.OVERDUE
    assert p.time_progress == 1.0
    assert p.required_pace is None  # no time left


def test_strict_comparator_needs_more_than_the_target() -> None:
    t = target(comparator=Comparator.GT, target_value=D(100))
    assert evaluate(PLAN, t, [entry("截至2025年6月底", "100")], AS_OF).status is not Status.ACHIEVED
    assert evaluate(PLAN, t, [entry("截至2025年6月底", "101")], AS_OF).status is Status.ACHIEVED


def test_baseline_equal_to_target() -> None:
    t = target(baseline_value=D(5), target_value=D(5))
    assert evaluate(PLAN, t, [entry("截至2024年底", "5")], AS_OF).completion == 1.0
    missed = evaluate(PLAN, t, [entry("截至2024年底", "4")], AS_OF)
    assert missed.completion == 0.0
    assert missed.status is Status.OFF_TRACK


def test_entries_after_the_as_of_date_are_ignored() -> None:
    entries = [entry("截至2024年底", "530"), entry("截至2025年6月底", "900")]
    assert evaluate(PLAN, target(), entries, date(2025, 3, 1)).actual == D(530)
    assert evaluate(PLAN, target(), entries, date(2025, 7, 1)).actual == D(900)


def test_increments_after_the_last_cumulative_figure_are_added_once() -> None:
    t = target(comparator=Comparator.GT, target_value=D(100), baseline_value=D(63), unit="个")
    entries = [
        entry("截至2024年9月底", "70", "个"),
        entry("2025年1-3月", "3", "个", ValueType.PERIOD),
        entry("2025年上半年", "7", "个", ValueType.PERIOD),  # year-to-date: includes the 3 above
    ]
    p = evaluate(PLAN, t, entries, AS_OF)
    assert p.actual == D(77)  # 70 + 7, never 70 + 3 + 7
    assert p.completion == pytest.approx(14 / 37)  # (77 − 63) / (100 − 63) = 37.8 %


def test_units_convert_exactly_into_the_target_unit() -> None:
    t = target(kind=TargetKind.LEVEL, unit="亿元", target_value=D(15000), baseline_value=D(12000))
    p = evaluate(PLAN, t, [entry("2024年全年", "1.35", "万亿元", ValueType.PERIOD)], AS_OF)
    assert p.actual == D(13500)
    assert p.completion == pytest.approx(0.5)


def test_incompatible_entry_is_skipped_with_a_note() -> None:
    p = evaluate(PLAN, target(unit="亿元"), [entry("截至2024年底", "12", "家")], AS_OF)
    assert p.status is Status.NO_DATA
    assert any("家" in n for n in p.notes)


class TestLevel:
    T = target(
        kind=TargetKind.LEVEL,
        unit="亿元",
        comparator=Comparator.GT,
        target_value=D(500),
        baseline_value=D(352),
        baseline_date=date(2023, 12, 31),
    )

    def test_medical_device_scale_from_the_seed_is_annualised(self) -> None:
        entries = [
            entry("2023年全年", "352", "亿元", ValueType.PERIOD),
            entry("2024年前三季度", "257", "亿元", ValueType.PERIOD),
        ]
        p = evaluate(PLAN, self.T, entries, AS_OF)
        assert p.annualised
        assert float(p.actual or 0) == pytest.approx(257 * 12 / 9)  # 342.67
        assert p.completion == pytest.approx((257 * 12 / 9 - 352) / (500 - 352))  # −6.3 %
        assert p.time_progress == pytest.approx(0.25)
        assert p.status is Status.OFF_TRACK
        assert p.forecast_method == "compound"
        assert any("年化" in n for n in p.notes)

    def test_annualised_value_over_target_is_not_yet_achieved(self) -> None:
        p = evaluate(PLAN, self.T, [entry("2024年前三季度", "400", "亿元", ValueType.PERIOD)], AS_OF)
        assert float(p.actual or 0) == pytest.approx(533.33, abs=0.01)
        assert p.status is Status.ON_TRACK

    def test_compound_forecast_and_open_sdg_ratio(self) -> None:
        p = evaluate(PLAN, self.T, [entry("2024年全年", "400", "亿元", ValueType.PERIOD)], AS_OF)
        # CAGR observed (400/352)^(365.25/366) − 1 = 13.61 %, carried for 730 more days:
        assert p.forecast == pytest.approx(516.17, abs=0.01)
        # required (500/352)^(365.25/1096) − 1 = 12.41 %: R = 13.61 / 12.41 = 1.097 → on track
        assert p.sdg_ratio == pytest.approx(1.0966, abs=1e-4)
        assert p.sdg_status is Status.ON_TRACK

    def test_decrease_target(self) -> None:
        t = target(
            kind=TargetKind.LEVEL,
            unit="万吨标准煤",
            comparator=Comparator.LE,
            target_value=D(80),
            baseline_value=D(100),
        )
        p = evaluate(PLAN, t, [entry("2024年全年", "95", "万吨标准煤", ValueType.PERIOD)], AS_OF)
        assert p.completion == pytest.approx(0.25)  # (95 − 100) / (80 − 100)
        assert p.lag_points == pytest.approx((0.25 - 366 / 1096) * 100)  # −8.39
        assert p.status is Status.AT_RISK
        assert p.gap == D(-15)  # still 15 to cut
        assert p.forecast == pytest.approx(85.76, abs=0.01)  # 95 × 0.95^(730/366)
        assert p.sdg_ratio == pytest.approx(0.6963, abs=1e-4)  # fair progress
        assert p.sdg_status is Status.AT_RISK
        reached = evaluate(
            PLAN, t, [entry("2025年全年", "79", "万吨标准煤", ValueType.PERIOD)], date(2026, 1, 5)
        )
        assert reached.status is Status.ACHIEVED


class TestFlow:
    T = target(kind=TargetKind.FLOW, name="新增算力", unit="P", target_value=D(10000))

    def test_year_to_date_figures_are_never_added_across_months(self) -> None:
        entries = [
            entry("2025年1-3月", "2000", "P", ValueType.PERIOD),
            entry("2025年1-6月", "5000", "P", ValueType.PERIOD),
        ]
        p = evaluate(PLAN, self.T, entries, AS_OF)
        assert p.actual == D(5000)
        assert p.completion == pytest.approx(0.5)
        assert p.time_progress == pytest.approx(181 / 365)
        assert p.status is Status.ON_TRACK

    def test_months_and_a_year_to_date_figure_mix_without_double_counting(self) -> None:
        entries = [
            entry("2025年1月", "1000", "P", ValueType.PERIOD),
            entry("2025年2月", "1000", "P", ValueType.PERIOD),
            entry("2025年1-2月", "2100", "P", ValueType.PERIOD),
            entry("2025年3月", "1000", "P", ValueType.PERIOD),
        ]
        assert evaluate(PLAN, self.T, entries, AS_OF).actual == D(3100)

    def test_january_starts_a_new_year(self) -> None:
        entries = [
            entry("2024年1-11月", "9000", "P", ValueType.PERIOD),
            entry("2025年1月", "800", "P", ValueType.PERIOD),
        ]
        p = evaluate(PLAN, self.T, entries, AS_OF)
        assert p.actual == D(800)
        assert p.time_progress == pytest.approx(31 / 365)


class TestRate:
    T = target(kind=TargetKind.RATE, name="规上工业增加值增速", unit="%", target_value=D(7))

    @pytest.mark.parametrize(
        ("value", "completion", "status"),
        [
            ("6.9", 6.9 / 7, Status.AT_RISK),  # 1.4 points short of the threshold
            ("7.2", 1.0, Status.ON_TRACK),
            ("-3.2", -3.2 / 7, Status.OFF_TRACK),
        ],
    )
    def test_threshold(self, value: str, completion: float, status: Status) -> None:
        p = evaluate(PLAN, self.T, [entry("2024年前三季度", value, "%", ValueType.RATE)], AS_OF)
        assert p.completion == pytest.approx(completion)
        assert p.time_progress == 1.0
        assert p.status is status
        assert p.forecast is None  # a rate has no trajectory

    def test_upper_limit(self) -> None:
        t = target(kind=TargetKind.RATE, unit="%", comparator=Comparator.LE, target_value=D(5))
        p = evaluate(PLAN, t, [entry("2025年上半年", "5.5", "%", ValueType.RATE)], AS_OF)
        assert p.completion == pytest.approx(5 / 5.5)
        assert p.status is Status.AT_RISK

    def test_met_at_the_deadline_is_achieved(self) -> None:
        p = evaluate(PLAN, self.T, [entry("2026年全年", "7.5", "%", ValueType.RATE)], date(2027, 2, 1))
        assert p.status is Status.ACHIEVED


class TestMilestone:
    T = target(
        kind=TargetKind.MILESTONE, name="条例出台", unit="%", target_value=D(100), deadline=date(2025, 6, 30)
    )

    def test_half_done_two_thirds_through_is_off_track(self) -> None:
        p = evaluate(PLAN, self.T, [entry("截至2024年底", "50", "%")], date(2025, 1, 15))
        assert p.completion == pytest.approx(0.5)
        assert p.time_progress == pytest.approx(366 / 547)
        assert p.status is Status.OFF_TRACK
        assert p.forecast is None

    def test_done_and_overdue(self) -> None:
        assert evaluate(PLAN, self.T, [entry("截至2025年3月底", "100", "%")], AS_OF).status is Status.ACHIEVED
        assert evaluate(PLAN, self.T, [entry("截至2025年3月底", "50", "%")], AS_OF).status is Status.OVERDUE


def test_monitoring_indicator_has_values_but_no_verdict() -> None:
    t = target(kind=TargetKind.MONITORING, name="备案大模型", unit="款", target_value=None, deadline=None)
    p = evaluate(
        PLAN, t, [entry("截至2024年9月底", "94", "款"), entry("截至2025年6月底", "132", "款")], AS_OF
    )
    assert p.status is Status.MONITORING
    assert p.actual == D(132)
    assert p.completion is None
    assert [o.value for o in p.series] == [D(94), D(132)]


def test_as_of_time_basis_uses_the_meeting_date() -> None:
    settings = ProgressSettings(time_basis="as_of")
    p = evaluate(PLAN, target(), [entry("截至2024年底", "530")], date(2025, 6, 30), settings)
    assert p.time_progress == pytest.approx(547 / 1096)
    assert p.status is Status.OFF_TRACK  # 33.3 % done at 49.9 % of the time


def test_least_squares_slope() -> None:
    assert least_squares_slope([(0, 1), (1, 3), (2, 5)]) == pytest.approx(2.0)
    assert least_squares_slope([(1, 3)]) is None
    assert least_squares_slope([(1, 3), (1, 5)]) is None


class TestReviewFindings:
    """Each case reproduces a defect found in review; the numbers are what a reader expects."""

    FLOW = target(kind=TargetKind.FLOW, name="新增算力", unit="P", target_value=D(10000))

    def test_a_running_total_after_a_year_to_date_figure_is_not_added_to_it(self) -> None:
        entries = [
            entry("2024年1-8月", "8620", "P", ValueType.PERIOD),
            entry("截至2024年9月底", "9000", "P", ValueType.CUMULATIVE),
        ]
        p = evaluate(PLAN, self.FLOW, entries, date(2024, 10, 31))
        assert p.actual == D(9000)  # not 8620 + 9000

    @staticmethod
    def saved(e: ProgressEntry, entry_id: int) -> ProgressEntry:
        from dataclasses import replace

        return replace(e, id=entry_id)

    def test_a_corrected_figure_for_the_same_period_replaces_the_first(self) -> None:
        level = target(kind=TargetKind.LEVEL, unit="亿元", target_value=D(500), baseline_value=D(352))
        first = self.saved(entry("2024年全年", "300", "亿元", ValueType.PERIOD), 1)
        fixed = self.saved(entry("2024年全年", "380", "亿元", ValueType.PERIOD), 2)
        assert evaluate(PLAN, level, [first, fixed], AS_OF).actual == D(380)
        assert evaluate(PLAN, level, [fixed, first], AS_OF).actual == D(
            380
        )  # order of loading does not matter
        ytd_first = self.saved(entry("2024年1-8月", "8000", "P", ValueType.PERIOD), 3)
        ytd_fixed = self.saved(entry("2024年1-8月", "8620", "P", ValueType.PERIOD), 4)
        assert evaluate(PLAN, self.FLOW, [ytd_first, ytd_fixed], date(2024, 9, 30)).actual == D(8620)
        counts = [
            self.saved(entry("截至2024年9月底", "70", "个"), 5),
            self.saved(entry("截至2024年9月底", "75", "个"), 6),
            self.saved(entry("2024年第四季度", "5", "个", ValueType.PERIOD), 7),
        ]
        assert evaluate(PLAN, target(unit="个", target_value=D(100)), counts, AS_OF).actual == D(80)

    def test_a_part_year_level_called_cumulative_is_still_annualised(self) -> None:
        level = target(kind=TargetKind.LEVEL, unit="亿元", target_value=D(500), baseline_value=D(352))
        p = evaluate(PLAN, level, [entry("2024年1-9月", "257", "亿元", ValueType.CUMULATIVE)], AS_OF)
        assert p.annualised and float(p.actual or 0) == pytest.approx(342.667, abs=1e-3)

    def test_reaching_a_count_after_the_deadline_is_achieved_late(self) -> None:
        t = target(target_value=D(100), deadline=date(2025, 6, 30))
        entries = [entry("截至2025年6月底", "60"), entry("截至2025年12月底", "100")]
        p = evaluate(PLAN, t, entries, date(2026, 1, 31))
        assert p.status is Status.ACHIEVED
        assert "晚于截止时间（2025-06-30）达成" in p.notes

    def test_a_yearly_flow_is_not_overdue_before_its_final_deadline(self) -> None:
        entries = [entry("2024年1-11月", "9000", "P", ValueType.PERIOD)]
        p = evaluate(PLAN, self.FLOW, entries, date(2025, 1, 15))
        assert p.status is Status.AT_RISK  # 90 % of the year's goal at 91.6 % of the year, not 逾期
        assert (
            evaluate(
                PLAN, self.FLOW, [entry("2026年1-11月", "9000", "P", ValueType.PERIOD)], date(2027, 1, 15)
            ).status
            is Status.OVERDUE
        )

    def test_a_rate_that_held_before_the_deadline_is_achieved_once_it_passes(self) -> None:
        rate = target(kind=TargetKind.RATE, unit="%", target_value=D(7), deadline=date(2025, 12, 31))
        held = [entry("2025年上半年", "7.2", "%", ValueType.RATE)]
        assert evaluate(PLAN, rate, held, date(2025, 8, 1)).status is Status.ON_TRACK
        assert evaluate(PLAN, rate, held, date(2026, 2, 1)).status is Status.ACHIEVED
        missed = [entry("2025年上半年", "6.5", "%", ValueType.RATE)]
        assert evaluate(PLAN, rate, missed, date(2026, 2, 1)).status is Status.OVERDUE


def test_a_huge_jump_days_after_the_baseline_has_no_growth_rate_and_no_forecast() -> None:
    """50 → 50,000 one day after the baseline: (1000)^365 overflows a float. The status is still judged
    (completion (50000 − 50) / (600 − 50) = 90.8 ≥ 1: achieved); the CAGR-based figures are simply absent."""
    level = target(
        kind=TargetKind.LEVEL, unit="亿元", target_value=D(600), baseline_value=D(50),
        baseline_date=date(2025, 6, 29),
    )  # fmt: skip
    p = evaluate(PLAN, level, [entry("截至2025年6月30日", "50000", "亿元")], AS_OF)
    assert p.status is Status.ACHIEVED
    assert round(p.completion or 0, 2) == round(49950 / 550, 2)
    assert p.sdg_ratio is None and p.forecast is None


def test_the_pace_needs_at_least_one_point() -> None:
    with pytest.raises(ValueError, match="pace_window"):
        ProgressSettings(pace_window=0)
