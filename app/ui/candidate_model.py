"""The review table of figures read out of policy text: one row per proposed target or progress figure, a "Use"
tick, cells that keep exactly what was typed, and each cell's problem shown in place.

Cells are read with the core's parsers (the same as the target dialog and the CLI). ``prepare`` turns the ticked
rows into the Targets and ProgressEntries to save — or a ValidationError naming every row and field — and never
writes anything: the dialog saves.

A ticked progress figure goes to the target of the chosen plan whose name equals its indicator (after trimming
spaces), or to a ticked new target of the table with that name; with neither it is left unsaved, and the "Saves as"
column says so before the user presses Save.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor

from app.domain.entities import Plan, ProgressEntry, Target, TargetKind
from app.domain.errors import DomainError, ValidationError
from app.domain.numbers import format_decimal, parse_number
from app.domain.periods import Period, PeriodKind, parse_deadline, parse_period
from app.domain.units import parse_unit
from app.domain.validation import entry_problems, target_problems
from app.services.extraction import (
    Candidate,
    entry_from_candidate,
    guess_kind,
    period_from_label,
    target_from_candidate,
)
from app.ui.keyed_table_model import Index, KeyedTableModel

CONTEXT = "CandidateModel"
EDITABLE = ("indicator", "comparator", "value", "unit", "when", "baseline")
SYMBOLS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "="}
_CODES = {**{code: code for code in SYMBOLS}, **{s: c for c, s in SYMBOLS.items()}, "≧": ">=", "≦": "<="}
# The domain's field names (as its messages use them) and the column each belongs to.
INDICATOR, COMPARATOR, UNIT, BASELINE = "指标名称", "比较方式", "单位", "基期值"
FIELD_KEYS = {
    INDICATOR: "indicator",
    COMPARATOR: "comparator",
    "目标值": "value",
    "数值": "value",
    "数值类型": "value",
    UNIT: "unit",
    "截止时间": "when",
    "报告期": "when",
    BASELINE: "baseline",
    "基期日期": "baseline",
}
INVALID_BACKGROUND = QColor("#ffd6d6")  # as in the entry grid: this cell needs fixing
UNUSED_FOREGROUND = QColor("#808080")  # not ticked: will not be saved
NOT_SAVED_FOREGROUND = QColor("#b71c1c")
WARNING_FOREGROUND = QColor("#8d5a00")


@dataclass
class CandidateRow:
    """A candidate as extracted, whether it is ticked, the texts of its cells, and their problems."""

    candidate: Candidate
    use: bool
    texts: dict[str, str]
    errors: dict[str, str] = field(default_factory=dict)  # column key → message

    @property
    def is_target(self) -> bool:
        return self.candidate.kind == "target"

    @property
    def name(self) -> str:
        return self.texts["indicator"].strip()


@dataclass(frozen=True)
class Prepared:
    """What saving the ticked rows will add. ``entries`` pairs each figure (target_id not yet set) with its
    target: an existing Target (with an id) or the model row of a new target saved in the same step."""

    targets: list[tuple[int, Target]]
    entries: list[tuple[int, ProgressEntry, Target | int]]
    unmatched: list[int]  # rows of ticked figures without a target: left unsaved


def initial_texts(c: Candidate) -> dict[str, str]:
    when = ""
    if c.kind == "target" and c.deadline:
        when = f"{c.deadline}年" if len(c.deadline) == 4 else c.deadline
    elif c.period:
        try:
            when = period_from_label(c.period).label  # the Chinese label parse_period reads back
        except DomainError:
            when = c.period
    return {
        "indicator": c.indicator,
        "comparator": c.comparator,
        "value": format_decimal(c.value),
        "unit": c.unit,
        "when": when,
        "baseline": "" if c.baseline_value is None else format_decimal(c.baseline_value),
    }


def _month_label(period: Period) -> str:
    """A period in the extractor's notation, for ``entry_from_candidate``; the exact period replaces it after."""
    s, e = period.start, period.end
    if period.kind is PeriodKind.AS_OF:
        return f"..{e.year:04d}-{e.month:02d}"
    return f"{s.year:04d}-{s.month:02d}..{e.year:04d}-{e.month:02d}"


def read_row(row: CandidateRow, default_year: int | None) -> tuple[Candidate, Period | None, dict[str, str]]:
    """The candidate as edited, its period (progress rows), and the problem of each cell that cannot be read."""
    c, texts, errors = row.candidate, row.texts, {}
    value_field = "目标值" if row.is_target else "数值"
    changes: dict[str, Any] = {"indicator": row.name}
    comparator = _CODES.get(texts["comparator"].strip())
    if comparator is None:
        errors["comparator"] = QCoreApplication.translate("CandidateModel", "must be one of ≥ > ≤ < =")
    else:
        changes["comparator"] = comparator
    try:
        value = parse_number(texts["value"], field=value_field)
        changes["value"] = value
        if c.value_max is not None and c.value_max <= value:
            changes["value_max"] = None  # the edited value is no longer the lower end of the range
    except DomainError as exc:
        errors["value"] = exc.message
    try:
        changes["unit"] = parse_unit(texts["unit"], field=UNIT).text
    except DomainError as exc:
        errors["unit"] = exc.message
    period: Period | None = None
    when = texts["when"].strip()
    try:
        if row.is_target:
            changes["deadline"] = parse_deadline(when).isoformat() if when else None
        else:
            period = parse_period(when, default_year=default_year) if when else None
            if period is None:
                period_from_label(None)  # raises the core's "fill in the period" message
            changes["period"] = _month_label(period)  # type: ignore[arg-type]
    except DomainError as exc:
        errors["when"] = exc.message
    baseline = texts["baseline"].strip() if row.is_target else ""
    try:
        changes["baseline_value"] = parse_number(baseline, field=BASELINE) if baseline else None
    except DomainError as exc:
        errors["baseline"] = exc.message
    return replace(c, **changes), period, errors


class CandidateModel(KeyedTableModel):
    EntityRole = Qt.ItemDataRole.UserRole + 2

    KEYS = ("use", "kind", "indicator", "comparator", "value", "unit", "when", "baseline", "notes", "saves")
    HEADERS = {  # noqa: RUF012 - a ClassVar in the base class
        "use": QT_TRANSLATE_NOOP("CandidateModel", "Use"),
        "kind": QT_TRANSLATE_NOOP("CandidateModel", "Kind"),
        "indicator": QT_TRANSLATE_NOOP("CandidateModel", "Indicator"),
        "comparator": QT_TRANSLATE_NOOP("CandidateModel", "Comparator"),
        "value": QT_TRANSLATE_NOOP("CandidateModel", "Value"),
        "unit": QT_TRANSLATE_NOOP("CandidateModel", "Unit"),
        "when": QT_TRANSLATE_NOOP("CandidateModel", "Deadline / period"),
        "baseline": QT_TRANSLATE_NOOP("CandidateModel", "Baseline"),
        "notes": QT_TRANSLATE_NOOP("CandidateModel", "Notes"),
        "saves": QT_TRANSLATE_NOOP("CandidateModel", "Saves as"),
    }
    HEADER_CONTEXT = CONTEXT

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CandidateRow] = []
        self._existing: dict[str, Target] = {}  # the chosen plan's targets by name
        self.default_year: int | None = None  # the document's year: "前三季度" typed without one

    # loading ----------------------------------------------------------------------------------------

    def set_candidates(self, candidates: list[Candidate]) -> None:
        self.beginResetModel()
        self._rows = [CandidateRow(c, c.kind == "target", initial_texts(c)) for c in candidates]
        self.endResetModel()

    def set_plan_targets(self, targets: list[Target]) -> None:
        """The targets of the plan chosen to save into: progress figures are matched to them by name."""
        self._existing = {}
        for t in targets:
            self._existing.setdefault(t.name.strip(), t)
        self._column_changed("saves")

    def remove_rows(self, rows: list[int]) -> None:
        for r in sorted(set(rows), reverse=True):
            if 0 <= r < len(self._rows):
                self.beginRemoveRows(QModelIndex(), r, r)
                del self._rows[r]
                self.endRemoveRows()
        self._column_changed("saves")  # a dropped target row may have been what a figure matched

    def row_at(self, r: int) -> CandidateRow:
        return self._rows[r]

    def ticked_rows(self) -> list[int]:
        return [r for r, row in enumerate(self._rows) if row.use]

    def _row_count(self) -> int:
        return len(self._rows)

    def _column_changed(self, key: str) -> None:
        if self._rows:
            column = self.KEYS.index(key)
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    # matching ---------------------------------------------------------------------------------------

    def existing_names(self) -> list[str]:
        return list(self._existing)

    def _new_target_rows(self) -> dict[str, int]:
        """Ticked target rows by name (the first of a name wins)."""
        rows: dict[str, int] = {}
        for r, row in enumerate(self._rows):
            if row.use and row.is_target:
                rows.setdefault(row.name, r)
        return rows

    def target_for(self, r: int) -> Target | int | None:
        """The target a progress row's figure goes to: an existing Target, a new target's row, or None."""
        name = self._rows[r].name
        existing = self._existing.get(name)
        return existing if existing is not None else self._new_target_rows().get(name)

    # display ----------------------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        key = self.KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(index.row(), key)
        if role == Qt.ItemDataRole.EditRole:
            return row.texts.get(key)
        if role == Qt.ItemDataRole.CheckStateRole and key == "use":
            return Qt.CheckState.Checked if row.use else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            if key in row.errors:
                return row.errors[key]
            return self._text(index.row(), key) if key in ("notes", "saves") else row.candidate.quote
        if role == Qt.ItemDataRole.BackgroundRole and key in row.errors:
            return INVALID_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(index.row(), key)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("value", "baseline"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.EntityRole:
            return row
        return None

    def _text(self, r: int, key: str) -> str:
        row = self._rows[r]
        if key == "use":
            return ""
        if key == "kind":
            return (
                QCoreApplication.translate("CandidateModel", "Target")
                if row.is_target
                else QCoreApplication.translate("CandidateModel", "Progress")
            )
        if key == "comparator":
            return SYMBOLS.get(row.texts["comparator"], row.texts["comparator"])
        if key == "baseline" and self.needs_baseline(r):
            return QCoreApplication.translate("CandidateModel", "required")
        if key in row.texts:
            return row.texts[key]
        if key == "notes":
            return self.notes(r)
        return self.saves_as(r)

    def notes(self, r: int) -> str:
        """Hedge, approximation and range as the text put them; shown, and kept in the target's notes."""
        c, row = self._rows[r].candidate, self._rows[r]
        parts = [c.hedge] if c.hedge else []
        if c.approx:
            parts.append(QCoreApplication.translate("CandidateModel", "approx."))
        if c.value_max is not None:
            parts.append(
                QCoreApplication.translate("CandidateModel", "up to %1").replace(
                    "%1", f"{format_decimal(c.value_max)}{c.unit}"
                )
            )
        if c.baseline_date:
            parts.append(
                QCoreApplication.translate("CandidateModel", "baseline %1").replace("%1", c.baseline_date)
            )
        if row.is_target and not row.texts["when"].strip():
            parts.append(QCoreApplication.translate("CandidateModel", "no deadline: the plan's end"))
        return " · ".join(parts)

    def needs_baseline(self, r: int) -> bool:
        """A level target (规模, 产值 …) is measured from a baseline the text rarely gives: say so in its cell."""
        row = self._rows[r]
        if not row.is_target or row.texts["baseline"].strip():
            return False
        edited = replace(row.candidate, indicator=row.name, unit=row.texts["unit"].strip())
        return guess_kind(edited) is TargetKind.LEVEL

    def saves_as(self, r: int) -> str:
        row = self._rows[r]
        if row.is_target:
            if row.name in self._existing:
                return QCoreApplication.translate(
                    "CandidateModel", "New target (the plan already has one with this name)"
                )
            return QCoreApplication.translate("CandidateModel", "New target")
        target = self.target_for(r)
        if target is None:
            return QCoreApplication.translate(
                "CandidateModel", "Not saved: the plan has no target named “%1”"
            ).replace("%1", row.name)
        return QCoreApplication.translate("CandidateModel", "Figure for “%1”").replace("%1", row.name)

    def _colour(self, r: int, key: str) -> QColor | None:
        row = self._rows[r]
        if not row.use or (key == "baseline" and self.needs_baseline(r)):
            return UNUSED_FOREGROUND
        if key == "saves" and not row.is_target and self.target_for(r) is None:
            return NOT_SAVED_FOREGROUND
        if key == "saves" and row.is_target and row.name in self._existing:
            return WARNING_FOREGROUND
        return None

    # editing ----------------------------------------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        key = self.KEYS[index.column()]
        if key == "use":
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        if key in EDITABLE and (key != "baseline" or self._rows[index.row()].is_target):
            return flags | Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        r, key = index.row(), self.KEYS[index.column()]
        row = self._rows[r]
        if key == "use" and role == Qt.ItemDataRole.CheckStateRole:
            row.use = Qt.CheckState(value) == Qt.CheckState.Checked
            self._row_changed(r)
            self._column_changed("saves")  # a ticked target row can be what figures go to
            return True
        if role != Qt.ItemDataRole.EditRole or not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        text = "" if value is None else str(value)
        if key == "comparator":
            text = _CODES.get(text.strip(), text)
        row.texts[key] = text
        _, _, row.errors = read_row(row, self.default_year)  # a save's older findings go with the edit
        self._row_changed(r)
        if key == "indicator":
            self._column_changed("saves")
        return True

    def _row_changed(self, r: int) -> None:
        self.dataChanged.emit(self.index(r, 0), self.index(r, len(self.KEYS) - 1))

    # saving -----------------------------------------------------------------------------------------

    def prepare(self, plan: Plan) -> Prepared:
        """The ticked rows as Targets and ProgressEntries for ``plan``; ValidationError lists "Row n, field"
        problems (and marks the cells) when any ticked row cannot be saved as it stands."""
        problems: list[tuple[str, str]] = []
        targets: list[tuple[int, Target]] = []
        new_targets: dict[int, Target] = {}
        figures: list[tuple[int, Candidate, Period]] = []
        for r in self.ticked_rows():
            row = self._rows[r]
            candidate, period, errors = read_row(row, self.default_year)
            row.errors = errors
            if errors or not row.is_target:
                if not errors and period is not None:
                    figures.append((r, candidate, period))
                continue
            try:
                target = target_from_candidate(candidate, plan)
            except DomainError as exc:
                self._problem(r, exc.field, exc.message)
                continue
            for f, m in target_problems(target, plan):
                self._problem(r, f, m)
            if not row.errors:
                targets.append((r, target))
                new_targets[r] = target
        entries: list[tuple[int, ProgressEntry, Target | int]] = []
        unmatched: list[int] = []
        for r, candidate, period in figures:
            goes_to = self.target_for(r)
            if goes_to is None:
                unmatched.append(r)
                continue
            owner = goes_to if isinstance(goes_to, Target) else new_targets.get(goes_to)
            if owner is None:
                continue  # its new target has problems of its own, reported on its row
            try:
                entry = replace(entry_from_candidate(candidate, owner), period=period)
            except DomainError as exc:
                self._problem(r, exc.field, exc.message)
                continue
            for f, m in entry_problems(entry, owner):
                self._problem(r, f, m)
            if not self._rows[r].errors:
                entries.append((r, entry, goes_to))
        for r in self.ticked_rows():
            for key, message in self._rows[r].errors.items():
                header = QCoreApplication.translate(CONTEXT, self.HEADERS[key])
                problems.append(
                    (
                        QCoreApplication.translate("CandidateModel", "Row %1, %2")
                        .replace("%1", str(r + 1))
                        .replace("%2", header),
                        message,
                    )
                )
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.KEYS) - 1))
        if problems:
            raise ValidationError(problems)
        return Prepared(targets, entries, unmatched)

    def _problem(self, r: int, field_name: str, message: str) -> None:
        key = FIELD_KEYS.get(field_name, "indicator")
        errors = self._rows[r].errors
        errors[key] = f"{errors[key]}；{message}" if key in errors else message


def first_error_column(row: CandidateRow) -> int:
    """The leftmost cell with a problem: where the cursor goes after a refused save."""
    keys = [k for k in CandidateModel.KEYS if k in row.errors]
    return CandidateModel.KEYS.index(keys[0]) if keys else CandidateModel.KEYS.index("indicator")
