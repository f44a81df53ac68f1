"""The verdict shown in every meeting: 已完成 / 正常 / 预警 / 滞后 / 逾期 / 无数据 (and 监测 for indicators)."""

from __future__ import annotations

import enum


class Status(enum.StrEnum):
    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    OVERDUE = "overdue"
    NO_DATA = "no_data"
    MONITORING = "monitoring"

    @property
    def label(self) -> str:
        """Chinese word printed next to the colour, so black-and-white paper still reads."""
        return _LABELS[self]

    @property
    def severity(self) -> int:
        """Sort order for "worst first": overdue and off-track targets lead every list."""
        return _SEVERITY[self]


_LABELS = {
    Status.ACHIEVED: "已完成",
    Status.ON_TRACK: "正常",
    Status.AT_RISK: "预警",
    Status.OFF_TRACK: "滞后",
    Status.OVERDUE: "逾期",
    Status.NO_DATA: "无数据",
    Status.MONITORING: "监测",
}

_SEVERITY = {
    Status.OVERDUE: 0,
    Status.OFF_TRACK: 1,
    Status.AT_RISK: 2,
    Status.NO_DATA: 3,
    Status.ON_TRACK: 4,
    Status.ACHIEVED: 5,
    Status.MONITORING: 6,
}

STATUS_BY_LABEL = {s.label: s for s in Status}

# (background, text) as RGB hex, for the window's table, Word and Excel alike; muted so text stays readable on
# screen and on a grey printer. The word is always shown too: colour alone does not survive black-and-white.
STATUS_COLOURS = {
    Status.ACHIEVED: ("CFE8D5", "1B5E20"),
    Status.ON_TRACK: ("DCEFDC", "1B5E20"),
    Status.AT_RISK: ("FFECB3", "7A4F00"),
    Status.OFF_TRACK: ("F8D0CD", "8E1B12"),
    Status.OVERDUE: ("E9B7B3", "6D0F08"),
    Status.NO_DATA: ("EEEEEE", "555555"),
    Status.MONITORING: ("E3ECF7", "1F3F6B"),
}
BOLD_STATUSES = frozenset({Status.OFF_TRACK, Status.OVERDUE})
