"""Errors the user caused and can fix: each names the field (or cell) and says what is allowed."""

from __future__ import annotations


class DomainError(ValueError):
    """Bad input. ``field`` names what was wrong (e.g. "目标值", "报告期"); ``message`` is Chinese prose."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(f"{field}：{message}" if field else message)
        self.field = field
        self.message = message


class NumberError(DomainError):
    """A number the user typed could not be read."""


class UnitError(DomainError):
    """An unknown unit, or a unit that cannot be converted to the target's unit."""


class PeriodError(DomainError):
    """A reporting period that could not be read or does not exist (2024年13月)."""


class ValidationError(DomainError):
    """An entity breaks a rule; ``problems`` lists every (field, message) found, not just the first."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = problems
        text = "；".join(f"{f}：{m}" if f else m for f, m in problems)
        super().__init__(text)
        self.field = problems[0][0] if problems else ""
        self.message = text
