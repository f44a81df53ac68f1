"""The progress-entry grid (填报表): saved entries, then unsaved draft rows, then one empty row to type into.

Staff copy figures from paper and Excel under time pressure, so every cell keeps exactly what was typed, is
validated by the same parser as the CLI (``entry_from_text``), and shows its problem in place. Nothing is saved
here: finished drafts and edits of saved rows leave as signals, and the session saves them and reloads the model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from app.domain.entities import ProgressEntry, Target, ValueType
from app.domain.errors import DomainError, ValidationError
from app.domain.numbers import format_decimal
from app.domain.units import convert
from app.domain.validation import entry_problems
from app.services.period_locks import covering, locked_message
from app.services.text_input import entry_from_text
from app.storage.file_records import PeriodLock
from app.ui.labels import value_type_text
from app.ui.lock_dialog import lock_icon

Index = QModelIndex | QPersistentModelIndex

HEADERS = {
    "target": QT_TRANSLATE_NOOP("EntryGridModel", "Target"),
    "period": QT_TRANSLATE_NOOP("EntryGridModel", "Period"),
    "value": QT_TRANSLATE_NOOP("EntryGridModel", "Value"),
    "value_type": QT_TRANSLATE_NOOP("EntryGridModel", "Value type"),
    "source": QT_TRANSLATE_NOOP("EntryGridModel", "Source"),
    "note": QT_TRANSLATE_NOOP("EntryGridModel", "Note"),
}
ENTRY_KEYS = ("period", "value", "value_type", "source", "note")
# The domain names the field a problem is in; the grid shows it in this column.
FIELD_COLUMNS = {"报告期": "period", "数值": "value", "单位": "value", "数值类型": "value_type"}
INVALID_BACKGROUND = QColor("#ffd6d6")  # light red: this cell needs fixing
DRAFT_BACKGROUND = QColor("#fffbe6")  # light yellow: typed, not saved yet
ASSUMED_FOREGROUND = QColor("#808080")  # grey: filled in by default, not typed
LOCKED_BACKGROUND = QColor("#ececec")  # grey: in a locked reporting period, read-only
MISSING = float("-inf")
# What the grid does not show; the version travels with an edit so a figure changed elsewhere is not overwritten.
KEPT_ON_EDIT = ("id", "target_id", "reporter", "evidence_path", "entered_at", "version")
# A quoted cell ends at a quote followed by a tab, a newline or the end; a stray leading quote is read as typed.
_CELL = re.compile(r'"((?:[^"]|"")*)"(?=[\t\n]|\Z)|([^\t\n]*)')


@dataclass
class _Row:
    """Typed texts of a draft row (or pending texts of a saved row), their problems and the parsed entry."""

    texts: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    entry: ProgressEntry | None = None

    def is_empty(self) -> bool:
        return not any(t.strip() for t in self.texts.values())


@dataclass(frozen=True)
class PasteResult:
    """What a paste did, in words for the message bar and in numbers for callers and tests."""

    accepted: bool
    message: str
    first_row: int = -1  # model row the block starts at
    rows: int = 0
    columns: int = 0
    valid_rows: int = 0
    errors: tuple[str, ...] = ()
    moved: bool = False  # the block was aimed at saved rows and went to the new rows instead


def parse_tsv(text: str) -> list[list[str]]:
    """Cells copied from Excel: rows by newline, cells by tab; a cell with tabs/newlines/quotes is "quoted"."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").removesuffix("\n")
    rows: list[list[str]] = []
    row: list[str] = []
    pos = 0
    while text:
        m = _CELL.match(text, pos)
        assert m is not None  # the second alternative matches anything, even nothing
        row.append(m[1].replace('""', '"') if m[1] is not None else m[2])
        pos = m.end()
        if pos >= len(text) or text[pos] == "\n":
            rows.append(row)
            row = []
        if pos >= len(text):
            break
        pos += 1
    return rows


def format_tsv(rows: list[list[str]]) -> str:
    """The reverse of ``parse_tsv``, quoting cells the way Excel does so that pasting back gives the same cells."""

    def cell(text: str) -> str:
        return f'"{text.replace(chr(34), chr(34) * 2)}"' if any(c in text for c in '\t\n"') else text

    return "".join("\t".join(cell(c) for c in row) + "\n" for row in rows)


def _draft_key(e: ProgressEntry) -> tuple[object, ...]:
    """What a draft and the entry saved from it share (the id and timestamps come with saving)."""
    return (e.target_id, e.period, e.value, e.unit, e.value_type, e.source, e.note)


class EntryGridModel(QAbstractTableModel):
    """Saved entries of one target (or of all targets of a unit), draft rows, and an empty row at the end."""

    SortRole = Qt.ItemDataRole.UserRole + 1
    EntityRole = Qt.ItemDataRole.UserRole + 2
    ErrorRole = Qt.ItemDataRole.UserRole + 3

    # (old: ProgressEntry, new: ProgressEntry), new keeps old.id
    entryEdited = Signal(object, object)
    # list[ProgressEntry]: save them as one undoable step
    entriesSubmitted = Signal(list)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._reference: date | None = None
        self._targets: list[Target] = []
        self._saved: list[ProgressEntry] = []
        self._pending: dict[int, _Row] = {}  # saved row → texts typed over it that did not validate
        self._drafts: list[_Row] = []
        self._as_of_year: int | None = None
        self._keys: tuple[str, ...] = ENTRY_KEYS
        self._locks: list[PeriodLock] = []

    # loading -----------------------------------------------------------------------------------------

    def set_targets(self, targets: list[Target], entries: list[ProgressEntry]) -> None:
        """Bulk load. Reloading the same targets keeps unsaved drafts, except those that are now saved."""
        same_targets = [t.id for t in targets] == [t.id for t in self._targets]
        known = {e.id for e in self._saved}
        self.beginResetModel()
        self._targets = list(targets)
        self._keys = (("target",) if self.unit_mode else ()) + ENTRY_KEYS
        order = {t.id: i for i, t in enumerate(self._targets)}
        mine = [e for e in entries if e.target_id in order]
        self._saved = sorted(
            mine, key=lambda e: (order[e.target_id], e.period.end, e.period.start, e.id or 0)
        )
        self._pending = {}
        just_saved = [_draft_key(e) for e in self._saved if e.id not in known]
        kept = []
        for draft in self._drafts if same_targets else []:
            if draft.entry is not None and _draft_key(draft.entry) in just_saved:
                just_saved.remove(_draft_key(draft.entry))  # submitted and saved: it is a saved row now
            else:
                kept.append(draft)
        self._drafts = kept
        for draft in self._drafts:
            self._validate(draft, None)
        self.endResetModel()

    def set_locks(self, locks: list[PeriodLock]) -> None:
        """Locked reporting periods: saved figures in them are read-only and marked, drafts in them invalid."""
        if locks == self._locks:
            return
        self._locks = list(locks)
        for draft in self._drafts:
            self._validate(draft, None)
        if self.rowCount():
            self._changed(0, self.rowCount() - 1)
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self.rowCount() - 1)

    def lock_at(self, row: int) -> PeriodLock | None:
        """The lock that holds a saved row's figure, if any."""
        entry = self.entry_at(row)
        return covering(self._locks, entry.period) if entry is not None and self._locks else None

    def lock_text(self, row: int) -> str:
        """Why a saved row cannot be changed, for its tooltip and the message bar; "" when it can."""
        lock = self.lock_at(row)
        if lock is None:
            return ""
        return self.tr(
            "Locked: {period} was locked by {who} on {when}. Unlock it (Edit → Unlock reporting period…) to "
            "change or delete this figure."
        ).format(period=lock.period.label, who=lock.locked_by, when=f"{lock.locked_at:%Y-%m-%d %H:%M}")

    def versions(self, entry_ids: list[int]) -> dict[int, int]:
        """The row version of each saved figure as shown: a delete is refused if it changed elsewhere since."""
        wanted = set(entry_ids)
        return {e.id: e.version for e in self._saved if e.id is not None and e.id in wanted}

    def clear_drafts(self) -> None:
        """Forget every unsaved row (e.g. when the user abandons a paste)."""
        if self._drafts:
            self.beginRemoveRows(
                QModelIndex(), self.first_new_row, self.first_new_row + len(self._drafts) - 1
            )
            self._drafts = []
            self.endRemoveRows()

    def set_reference_date(self, reference: date | None) -> None:
        """The as-of date: a period typed without a year is its latest occurrence that has ended by then."""
        self._reference = reference
        for draft in self._drafts:
            self._validate(draft, None)
        if self._drafts:
            self._changed(self.first_new_row, self.first_new_row + len(self._drafts) - 1)

    def reference_date(self) -> date | None:
        return self._reference

    def set_default_year(self, year: int | None) -> None:
        """The as-of year: "前三季度" means this year when no saved entry names a year."""
        self._as_of_year = year
        for draft in self._drafts:
            self._validate(draft, None)
        if self._drafts:
            self._changed(self.first_new_row, self.first_new_row + len(self._drafts) - 1)

    def default_year(self) -> int | None:
        """The year of the latest saved entry, else the as-of year: what a period without a year means."""
        if self._saved:
            return max(e.period.end for e in self._saved).year
        return self._as_of_year

    @property
    def unit_mode(self) -> bool:
        return len(self._targets) > 1

    @property
    def keys(self) -> tuple[str, ...]:
        return self._keys

    def column_of(self, key: str) -> int:
        return self._keys.index(key)

    @property
    def first_new_row(self) -> int:
        """The first row that is not saved: a draft, or the empty row."""
        return len(self._saved)

    def is_saved_row(self, row: int) -> bool:
        return 0 <= row < len(self._saved)

    def is_draft_row(self, row: int) -> bool:
        return len(self._saved) <= row < len(self._saved) + len(self._drafts)

    def entry_at(self, row: int) -> ProgressEntry | None:
        return self._saved[row] if self.is_saved_row(row) else None

    # Qt model ----------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        if parent.isValid() or not self._targets:
            return 0
        return len(self._saved) + len(self._drafts) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._keys)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._keys):
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("EntryGridModel", HEADERS[self._keys[section]])
            return None
        if orientation == Qt.Orientation.Vertical and 0 <= section < self.rowCount():
            new = section >= len(self._saved) + len(self._drafts)
            if role == Qt.ItemDataRole.DisplayRole:
                return "*" if new else str(section + 1)
            if role == Qt.ItemDataRole.ToolTipRole and not self.is_saved_row(section):
                return self.tr("Type or paste a new entry here") if new else self.tr("Not saved yet")
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.lock_text(section) or None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._keys[index.column()] == "target" and self.is_saved_row(index.row()):
            return base
        if self.lock_at(index.row()) is not None:  # approved and locked: read-only until unlocked
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < self.rowCount()):
            return None
        row, key = index.row(), self._keys[index.column()]
        error = self._row_state(row).errors.get(key)
        assumed = self._assumed_value_type(row, key)
        if role == Qt.ItemDataRole.DisplayRole:
            return assumed or self.cell_text(row, key)
        if role == Qt.ItemDataRole.EditRole:
            return self.cell_text(row, key)
        if role == Qt.ItemDataRole.ForegroundRole and assumed:
            return ASSUMED_FOREGROUND
        if role == self.SortRole:
            return self._sort_value(row, key)
        if role == self.EntityRole:
            return self.entry_at(row)
        if role == self.ErrorRole:
            return error
        locked = bool(self._locks) and self.lock_at(row) is not None
        if role == Qt.ItemDataRole.DecorationRole:
            return lock_icon() if locked and key == "period" else None
        if role == Qt.ItemDataRole.BackgroundRole:
            if error:
                return INVALID_BACKGROUND
            if locked:
                return LOCKED_BACKGROUND
            return None if self.is_saved_row(row) else DRAFT_BACKGROUND
        if role == Qt.ItemDataRole.ToolTipRole:
            if locked:
                return self.lock_text(row)
            return error or (self.cell_text(row, key) if key in ("note", "source") else None)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if key == "value" else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        row, key = index.row(), self._keys[index.column()]
        text = "" if value is None else str(value).strip()
        if text == self.cell_text(row, key):
            return True
        if self.is_saved_row(row):
            self._edit_saved(row, key, text)
        else:
            self._write_drafts({row: {key: text}})
        return True

    # reading cells -----------------------------------------------------------------------------------

    def cell_text(self, row: int, key: str) -> str:
        """What the cell shows: a saved value as entered ("257亿元"), or the text typed over it."""
        state = self._row_state(row)
        if key in state.texts or not self.is_saved_row(row):
            return state.texts.get(key, "")
        return self._saved_text(row, key)

    def _saved_text(self, row: int, key: str) -> str:
        entry = self._saved[row]
        if key == "target":
            target = self._target_of(entry)
            return target.name if target else ""
        if key == "period":
            return entry.period.label
        if key == "value":
            return format_decimal(entry.value) + entry.unit
        if key == "value_type":
            return value_type_text(entry.value_type)
        return entry.source if key == "source" else entry.note

    def _row_state(self, row: int) -> _Row:
        if self.is_saved_row(row):
            return self._pending.get(row, _Row())
        if self.is_draft_row(row):
            return self._drafts[row - len(self._saved)]
        return _Row()

    def _assumed_value_type(self, row: int, key: str) -> str:
        """A draft left without a value type gets the target kind's default: show it (greyed) so it is seen."""
        state = self._row_state(row)
        if key != "value_type" or state.entry is None or state.texts.get("value_type"):
            return ""
        return value_type_text(state.entry.value_type)

    def _target_of(self, entry: ProgressEntry) -> Target | None:
        return next((t for t in self._targets if t.id == entry.target_id), None)

    def _sort_value(self, row: int, key: str) -> Any:
        entry = self.entry_at(row) or self._row_state(row).entry
        if key == "period":
            return entry.period.end.toordinal() if entry else 0
        if key == "value":
            target = self._target_of(entry) if entry else None
            if entry is None or target is None:
                return MISSING
            return float(convert(entry.value, entry.unit, target.unit))
        return self.cell_text(row, key)

    def has_errors(self) -> bool:
        return self.error_count() > 0

    def error_count(self) -> int:
        """Invalid cells, in drafts and in saved rows typed over."""
        return sum(len(r.errors) for r in [*self._drafts, *self._pending.values()])

    def draft_entries(self) -> list[ProgressEntry] | None:
        """The parsed drafts, or None while any draft row is invalid or incomplete."""
        if any(d.errors or d.entry is None for d in self._drafts):
            return None
        return [d.entry for d in self._drafts if d.entry is not None]

    def cells_as_text(self, indexes: list[QModelIndex]) -> str:
        """Selected cells as Excel-style TSV over their bounding rectangle (gaps become empty cells)."""
        if not indexes:
            return ""
        picked = {(i.row(), i.column()) for i in indexes}
        rows = range(min(r for r, _ in picked), max(r for r, _ in picked) + 1)
        cols = range(min(c for _, c in picked), max(c for _, c in picked) + 1)
        return format_tsv(
            [[self.cell_text(r, self._keys[c]) if (r, c) in picked else "" for c in cols] for r in rows]
        )

    # editing -----------------------------------------------------------------------------------------

    def submit_drafts(self) -> bool:
        """Hand every draft to the session as one block; False (and nothing emitted) while any is unfinished."""
        entries = self.draft_entries()
        if not entries or self.has_errors():
            return False
        self.entriesSubmitted.emit(entries)  # last: the session may reload the model right here
        return True

    def clear_cells(self, indexes: list[QModelIndex]) -> int:
        """Empty the draft cells among ``indexes`` (saved cells are deleted as whole rows elsewhere)."""
        changes: dict[int, dict[str, str]] = {}
        for i in indexes:
            if self.is_draft_row(i.row()) and self.cell_text(i.row(), self._keys[i.column()]):
                changes.setdefault(i.row(), {})[self._keys[i.column()]] = ""
        if changes:
            self._write_drafts(changes)
        return sum(len(c) for c in changes.values())

    def remove_draft_rows(self, rows: list[int]) -> None:
        """Throw away unsaved rows, bottom first so the row numbers above stay valid."""
        for row in sorted({r for r in rows if self.is_draft_row(r)}, reverse=True):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._drafts[row - len(self._saved)]
            self.endRemoveRows()

    def paste_block(self, text: str, top_row: int, left_column: int) -> PasteResult:
        """Fill draft rows from text copied out of Excel; every row is checked, nothing is saved."""
        block = parse_tsv(text)
        if not self._targets or not block or not any(c.strip() for row in block for c in row):
            return PasteResult(False, self.tr("The clipboard holds no cells to paste."))
        width, fit = max(len(r) for r in block), self.columnCount() - max(left_column, 0)
        if width > fit:
            message = self.tr("Nothing was pasted: the block has {pasted} columns, but only {fit} fit here.")
            return PasteResult(False, message.format(pasted=width, fit=fit), columns=width)
        left, moved = max(left_column, 0), top_row < self.first_new_row
        # Aimed at saved rows: go to the empty row at the end, so neither saved rows nor typed drafts are lost.
        top = self.rowCount() - 1 if moved else min(top_row, self.rowCount() - 1)
        changes = {
            top + i: {self._keys[left + j]: c.strip() for j, c in enumerate(r)} for i, r in enumerate(block)
        }
        rows = self._write_drafts(changes)
        errors = [
            self.tr("Row {row} {column}: {message}").format(
                row=n + 1, column=self.headerData(self.column_of(k), Qt.Orientation.Horizontal), message=msg
            )
            for n, r in rows
            for k, msg in sorted(r.errors.items(), key=lambda kv: self._keys.index(kv[0]))
        ]
        valid = sum(1 for _, r in rows if r.entry is not None)
        bad = sum(1 for _, r in rows if r.errors)
        message = self.tr("Pasted {rows} rows: {valid} valid, {bad} with errors.").format(
            rows=len(block), valid=valid, bad=bad
        )
        if incomplete := len(rows) - valid - bad:
            message += " " + self.tr("{n} still need a period and a value.").format(n=incomplete)
        if moved:
            message = self.tr("Saved rows cannot be pasted over; pasted below them at row {row}.").format(
                row=top + 1
            ) + (" " + message)
        return PasteResult(True, message, top, len(block), width, valid, tuple(errors), moved)

    def _edit_saved(self, row: int, key: str, text: str) -> None:
        """A saved row is never changed here: a valid edit goes to the session, an invalid one stays in red."""
        old = self._saved[row]
        state = _Row(texts={k: self.cell_text(row, k) for k in ENTRY_KEYS} | {key: text})
        self._validate(state, self._target_of(old), verb="修改")
        if state.errors:
            state.texts = {k: t for k, t in state.texts.items() if t != self._saved_text(row, k)}
            self._pending[row] = state
            self._changed(row, row)
            return
        if self._pending.pop(row, None) is not None:
            self._changed(row, row)
        assert state.entry is not None
        new = replace(state.entry, **{name: getattr(old, name) for name in KEPT_ON_EDIT})
        if new != old:
            self.entryEdited.emit(old, new)  # last: the session saves and reloads the model

    def _write_drafts(self, changes: dict[int, dict[str, str]]) -> list[tuple[int, _Row]]:
        """Put texts into draft rows (growing the grid), check them, drop rows left empty; (row, state) back."""
        base = len(self._saved)
        needed = max(changes) - base + 1 - len(self._drafts)
        if needed > 0:
            first = base + len(self._drafts) + 1  # the old empty row turns into a draft; new ones follow it
            self.beginInsertRows(QModelIndex(), first, first + needed - 1)
            self._drafts.extend(_Row() for _ in range(needed))
            self.endInsertRows()
        touched = []
        for row, texts in changes.items():
            draft = self._drafts[row - base]
            draft.texts.update(texts)
            self._validate(draft, None)
            touched.append(draft)
        self._changed(min(changes), max(changes))
        self.headerDataChanged.emit(Qt.Orientation.Vertical, min(changes), self.rowCount() - 1)
        self.remove_draft_rows([base + i for i, d in enumerate(self._drafts) if d.is_empty()])
        return [(base + i, d) for i, d in enumerate(self._drafts) if any(d is t for t in touched)]

    def _validate(self, state: _Row, target: Target | None, verb: str = "添加") -> None:
        """Parse a whole row with the domain's reader; problems land in the cells they belong to. A figure in a
        locked reporting period is a problem of its period cell (the service would refuse it: say so now)."""
        state.errors, state.entry = {}, None
        text = {k: state.texts.get(k, "") for k in ("target", *ENTRY_KEYS)}
        if target is None and not self.unit_mode:
            target = self._targets[0] if self._targets else None
        elif target is None and text["target"]:
            target = next((t for t in self._targets if t.name == text["target"]), None)
            if target is None:
                names = "、".join(t.name for t in self._targets)
                state.errors["target"] = self.tr("“{name}” is not one of these targets: {names}").format(
                    name=text["target"], names=names
                )
        if not (text["period"] and text["value"]):
            return
        if target is None:
            state.errors.setdefault("target", self.tr("Type the name of the target this figure is for."))
            return
        try:
            entry = entry_from_text(
                target,
                text["period"],
                text["value"],
                value_type=self._value_type_word(text["value_type"]),
                source=text["source"],
                note=text["note"],
                default_year=None if self._reference else self.default_year(),
                reference=self._reference,
            )
            if problems := entry_problems(entry, target):
                raise ValidationError(problems)
        except DomainError as exc:
            for name, message in getattr(exc, "problems", [(exc.field, exc.message)]):
                key = FIELD_COLUMNS.get(name, "value")
                state.errors[key] = f"{state.errors[key]}\n{message}" if key in state.errors else message
            return
        if (lock := covering(self._locks, entry.period)) is not None:
            state.errors["period"] = locked_message(lock, entry.period, verb)
            return
        state.entry = entry

    @staticmethod
    def _value_type_word(text: str) -> str:
        """The shown (translated) name of a value type reads back as that type, so copy and paste round-trip."""
        for value_type in ValueType:
            if text.casefold() == value_type_text(value_type).casefold():
                return value_type.value
        return text

    def _changed(self, first: int, last: int) -> None:
        last = min(last, self.rowCount() - 1)
        if first <= last:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))
