"""Targets from policy text (从政策文本识别目标): paste a document or open a .txt/.docx, let the extractor propose
targets and progress figures, review them in a table (tick, correct, drop), and save the ticked ones into a plan.

Extraction runs in a worker thread (a long document takes seconds). Saving is all or nothing: every ticked row is
checked first, then all are written in one transaction, and the window hears of them once it is committed; the
whole save is then one step on the session's undo stack, made of the existing Add target / Enter figures commands.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.entities import Comparator, Plan, ProgressEntry, Target
from app.domain.errors import DomainError, ValidationError
from app.services.extraction import extract, read_document
from app.services.extraction.sentences import normalize
from app.services.extraction.timing import document_date, plan_start_in
from app.services.period_locks import FIELD as LOCK_FIELD
from app.services.period_locks import PeriodLockedError, covering, locked_message
from app.storage.database import StorageError, write_transaction
from app.storage.repositories import RecordNotFoundError
from app.ui import undo_commands as cmd
from app.ui.candidate_model import CandidateModel, Prepared, first_error_column
from app.ui.keyed_table_model import Index
from app.ui.labels import comparator_text
from app.ui.prompts import Prompts
from app.ui.session import Session

DOCUMENT_FILTER = "政策文本 (*.docx *.txt);;All files (*)"
USER_ERRORS = (DomainError, StorageError, RecordNotFoundError)
COLUMN_WIDTHS = {"use": 44, "kind": 56, "indicator": 200, "comparator": 86, "value": 80, "unit": 60,
                 "when": 130, "baseline": 80, "notes": 150, "saves": 220}  # fmt: skip


class _JobSignals(QObject):
    finished = Signal(
        int, object, object, bool
    )  # generation, list[Candidate] | Exception, date, date from text


class ExtractJob(QRunnable):
    """Reads the text off the GUI thread. The document's own date (the first full date in it) wins over the
    dialog's default "today" unless the user chose a date; a plan period in its title wins over the plan's."""

    def __init__(
        self, text: str, chosen: date | None, today: date, plan_start: date | None, generation: int
    ) -> None:
        super().__init__()
        self.text, self.chosen, self.today, self.plan_start = text, chosen, today, plan_start
        self.generation = generation
        self.signals = _JobSignals()

    def run(self) -> None:
        try:
            norm = normalize(self.text)
            found = None if self.chosen is not None else document_date(norm)
            ref = self.chosen or found or self.today
            start = None if plan_start_in(norm) else self.plan_start
            result: object = extract(self.text, document_date=ref, plan_start=start)
        except (
            Exception
        ) as exc:  # the extractor never raises by design; a bug is reported, not lost in a thread
            result, ref, found = exc, self.today, None
        self.signals.finished.emit(self.generation, result, ref, found is not None)


class ComparatorDelegate(QStyledItemDelegate):
    """A list of the five comparators instead of typing symbols."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        for c in Comparator:
            combo.addItem(comparator_text(c), c.value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class IndicatorDelegate(QStyledItemDelegate):
    """Offers the plan's target names while typing: a progress figure is saved to the target of that name."""

    def __init__(self, names: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._names = names  # callable returning the current names

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        completer = QCompleter(self._names(), editor)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        editor.setCompleter(completer)
        return editor


class ExtractDialog(QDialog):
    """``session`` is the open file's Session; ``plan_id`` preselects the plan to save into."""

    extracted = Signal(int)  # number of candidates shown after an extraction

    def __init__(
        self, session: Session, prompts: Prompts, parent: QWidget | None = None, *, plan_id: int | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.prompts = prompts
        self.saved_targets: list[Target] = []
        self.saved_entries: list[ProgressEntry] = []
        self._generation = 0
        self._jobs: dict[int, ExtractJob] = {}
        self._date_chosen = False  # the user picked a document date: it overrides a date found in the text
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.setWindowTitle(self.tr("Targets from policy text"))
        self.resize(1180, 760)
        self._build(plan_id)
        self._connect()
        self._on_plan_changed()
        self._update_buttons()
        if session.read_only:
            self._say(self.tr("This file is open read-only; nothing can be saved."), "#b71c1c")
            self.save_button.setToolTip(self.message.text())
        elif self.plan_combo.count() == 0:
            self._say(self.tr("Add a plan first: every target belongs to a plan."), "#b71c1c")

    # layout -----------------------------------------------------------------------------------------

    def _build(self, plan_id: int | None) -> None:
        layout = QVBoxLayout(self)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setPlaceholderText(
            self.tr(
                "Paste the text of a policy document or press release here, or open a .txt or .docx file; "
                "then press Extract (Ctrl+Enter)."
            )
        )
        self.open_button = QPushButton(self.tr("Open file…"))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self._set_date(self.session.workspace.clock().date())
        self.date_note = QLabel()
        self.date_note.setStyleSheet("color: #555555;")
        self.extract_button = QPushButton(self.tr("Extract"))
        self.extract_button.setToolTip("Ctrl+Enter")
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.text_edit, 1)
        bar = QHBoxLayout()
        bar.addWidget(self.open_button)
        bar.addSpacing(16)
        date_label = QLabel(self.tr("Document date:"))
        date_label.setBuddy(self.date_edit)
        bar.addWidget(date_label)
        bar.addWidget(self.date_edit)
        bar.addWidget(self.date_note)
        bar.addStretch(1)
        bar.addWidget(self.extract_button)
        top_layout.addLayout(bar)

        self.message = QLabel()  # what happened: nothing found, how many, what was saved
        self.message.setWordWrap(True)
        self.model = CandidateModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for key, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(CandidateModel.KEYS.index(key), width)
        self.table.setItemDelegateForColumn(CandidateModel.KEYS.index("comparator"), ComparatorDelegate(self))
        self.table.setItemDelegateForColumn(
            CandidateModel.KEYS.index("indicator"), IndicatorDelegate(self.model.existing_names, self)
        )
        self.quote = QPlainTextEdit()  # the selected row's source sentence, whole
        self.quote.setReadOnly(True)
        self.quote.setMaximumHeight(72)
        self.quote.setPlaceholderText(self.tr("Click a row to show its sentence in full."))
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.message)
        bottom_layout.addWidget(self.table, 1)
        quote_label = QLabel(self.tr("Source text:"))
        quote_label.setBuddy(self.quote)
        bottom_layout.addWidget(quote_label)
        bottom_layout.addWidget(self.quote)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)

        buttons = QHBoxLayout()
        plan_label = QLabel(self.tr("Save into plan:"))
        self.plan_combo = QComboBox()
        self.plan_combo.setMinimumWidth(320)
        plan_label.setBuddy(self.plan_combo)
        for plan in self.session.workspace.plans.all():
            self.plan_combo.addItem(plan.title, plan.id)
        if plan_id is not None and (i := self.plan_combo.findData(plan_id)) >= 0:
            self.plan_combo.setCurrentIndex(i)
        self.drop_button = QPushButton(self.tr("Drop selected"))
        self.drop_button.setToolTip(QKeySequence(QKeySequence.StandardKey.Delete).toString())
        self.save_button = QPushButton(self.tr("Save selected"))
        self.save_button.setToolTip("Ctrl+S")
        self.close_button = QPushButton(self.tr("Close"))
        for button in (self.open_button, self.drop_button, self.close_button):
            button.setAutoDefault(False)
        buttons.addWidget(plan_label)
        buttons.addWidget(self.plan_combo)
        buttons.addWidget(self.drop_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

        self.drop_action = QAction(self.tr("Drop selected"), self.table)
        self.drop_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.drop_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # not while a cell is edited
        self.table.addAction(self.drop_action)
        self.extract_shortcuts = [QShortcut(QKeySequence(k), self) for k in ("Ctrl+Return", "Ctrl+Enter")]
        self.save_shortcut = QShortcut(QKeySequence("Ctrl+S"), self)
        self.text_edit.setFocus()

    def _connect(self) -> None:
        self.open_button.clicked.connect(self.on_open)
        self.extract_button.clicked.connect(self.on_extract)
        for shortcut in self.extract_shortcuts:
            shortcut.activated.connect(self.on_extract)
        self.save_button.clicked.connect(self.on_save)
        self.save_shortcut.activated.connect(self.on_save)
        self.close_button.clicked.connect(self.reject)
        self.drop_button.clicked.connect(self.on_drop)
        self.drop_action.triggered.connect(self.on_drop)
        self.plan_combo.currentIndexChanged.connect(self._on_plan_changed)
        self.date_edit.dateChanged.connect(self._on_date_chosen)
        self.table.selectionModel().currentRowChanged.connect(self._show_quote)
        self.model.dataChanged.connect(self._update_buttons)
        self.model.rowsRemoved.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)

    # state ------------------------------------------------------------------------------------------

    def plan(self) -> Plan | None:
        plan_id = self.plan_combo.currentData()
        return None if plan_id is None else self.session.workspace.plans.get(plan_id)

    def document_date(self) -> date:
        d = self.date_edit.date()
        return date(d.year(), d.month(), d.day())

    def _set_date(self, value: date) -> None:
        self.date_edit.blockSignals(True)  # not the user's choice
        self.date_edit.setDate(QDate(value.year, value.month, value.day))
        self.date_edit.blockSignals(False)

    def _on_date_chosen(self) -> None:
        self._date_chosen = True
        self.date_note.clear()

    def _on_plan_changed(self) -> None:
        plan = self.plan()
        ws = self.session.workspace
        self.model.set_plan_targets(ws.targets.for_plan(plan.id or 0) if plan is not None else [])

    def _update_buttons(self) -> None:
        has_rows = self.model.rowCount() > 0
        self.save_button.setEnabled(
            bool(self.model.ticked_rows()) and self.plan_combo.count() > 0 and not self.session.read_only
        )
        self.drop_button.setEnabled(has_rows)
        self.extract_button.setDefault(not has_rows)  # Enter: extract first, then save
        self.save_button.setDefault(has_rows)

    def _say(self, text: str, colour: str = "") -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {colour};" if colour else "")

    def _show_quote(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        if not current.isValid():
            self.quote.clear()
            return
        row = self.model.row_at(current.row())
        about = " · ".join(
            t for t in (self.model.notes(current.row()), self.model.saves_as(current.row())) if t
        )
        self.quote.setPlainText(f"{row.candidate.quote}\n（{about}）")

    # actions ----------------------------------------------------------------------------------------

    def on_open(self) -> bool:
        title = self.tr("Open policy document")
        folder = str(Path(self.session.workspace.path).parent)
        paths = self.prompts.open_paths(title, folder, DOCUMENT_FILTER)
        if not paths:
            return False
        try:
            texts = [read_document(p) for p in paths]
        except DomainError as exc:
            self.prompts.error(title, exc.message)
            return False
        self.text_edit.setPlainText("\n\n".join(texts))
        self.on_extract()
        return True

    def on_extract(self) -> None:
        text = self.text_edit.toPlainText()
        if not text.strip():
            self.model.set_candidates([])
            self._say(self.tr("Paste some text or open a file first."), "#b71c1c")
            return
        plan = self.plan()
        self._generation += 1
        job = ExtractJob(
            text,
            self.document_date() if self._date_chosen else None,
            self.session.workspace.clock().date(),
            plan.period_start if plan is not None else None,
            self._generation,
        )
        job.setAutoDelete(False)
        job.signals.finished.connect(self._on_extracted)
        self._jobs[self._generation] = job  # keep the signals alive until the result arrives
        self.extract_button.setEnabled(False)
        self._say(self.tr("Reading the text…"))
        self.pool.clear()  # an extraction still queued is for older text
        self.pool.start(job)

    def wait_for_extraction(self) -> None:
        """Block until the extraction in progress has been shown (tests, screenshots)."""
        self.pool.waitForDone()
        QCoreApplication.processEvents()

    def _on_extracted(self, generation: int, result: object, ref: date, from_text: bool) -> None:
        self._jobs.pop(generation, None)
        if generation != self._generation:
            return  # the text was extracted again since
        self.extract_button.setEnabled(True)
        if isinstance(result, Exception):
            self._say("")
            # The extractor raises nothing but DomainError by design; anything else is our bug: say so plainly.
            detail = (
                result.message if isinstance(result, DomainError) else f"{type(result).__name__}: {result}"
            )
            text = self.tr("The text could not be read: %1").replace("%1", detail)
            self.prompts.error(self.tr("Targets from policy text"), text)
            return
        assert isinstance(result, list)
        if from_text:
            self._set_date(ref)
            self.date_note.setText(self.tr("(found in the text)"))
        self.model.default_year = ref.year
        self.model.set_candidates(result)
        targets = sum(1 for c in result if c.kind == "target")
        figures = len(result) - targets
        if not result:
            self._say(self.tr("No targets or figures were found in this text."), "#b71c1c")
        else:
            found = (
                self.tr("Found %1 and %2.")
                .replace("%1", self.tr("%n target(s)", "", targets))
                .replace("%2", self.tr("%n progress figure(s)", "", figures))
            )
            advice = self.tr("Tick the rows to keep, correct any cell, then save.")
            self._say(f"{found} {advice}")
            self.table.setCurrentIndex(self.model.index(0, CandidateModel.KEYS.index("indicator")))
        self.extracted.emit(len(result))

    def selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.table.selectionModel().selectedRows()})

    def on_drop(self) -> None:
        rows = self.selected_rows()
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        if rows:
            self.model.remove_rows(rows)
            if self.model.rowCount():
                self.table.selectRow(min(rows[0], self.model.rowCount() - 1))

    def on_save(self) -> int:
        """Save every ticked row, or none; returns the number of targets and figures added."""
        title = self.tr("Not saved")
        plan = self.plan()
        if self.session.read_only:
            self.prompts.error(title, self.tr("This file is open read-only; nothing can be saved."))
            return 0
        if plan is None:
            self.prompts.error(title, self.tr("Add a plan first: every target belongs to a plan."))
            return 0
        if not self.model.ticked_rows():
            self.prompts.error(title, self.tr("Nothing is ticked: tick “Use” on the rows to save."))
            return 0
        try:
            prepared = self.model.prepare(plan)
        except ValidationError as exc:
            self.prompts.error(title, "\n".join(f"{f}：{m}" for f, m in exc.problems))
            self._go_to_first_problem()
            return 0
        if not prepared.targets and not prepared.entries:
            self.prompts.error(title, self._unmatched_note(len(prepared.unmatched)))
            return 0
        try:
            targets, entries = self._write(prepared)
        except USER_ERRORS as exc:
            self.prompts.error(title, exc.message if isinstance(exc, DomainError) else str(exc))
            if isinstance(exc, PeriodLockedError):
                self.session.refresh_after_refusal()  # a lock another copy set: the window shows it now
            return 0
        self._push_undo(targets, entries)
        self.saved_targets += targets
        self.saved_entries += entries
        self.model.remove_rows([r for r, _ in prepared.targets] + [r for r, _, _ in prepared.entries])
        self._on_plan_changed()  # the new targets are the plan's now: figures typed later match them
        report = self.tr("Saved %1 and %2 into “%3”.")
        report = self._counts(report, len(targets), len(entries)).replace("%3", plan.title)
        if prepared.unmatched:
            report += "\n" + self._unmatched_note(len(prepared.unmatched))
        self._say(report, "#1b5e20")
        self.prompts.info(self.tr("Targets from policy text"), report)
        return len(targets) + len(entries)

    def _unmatched_note(self, count: int) -> str:
        return self.tr(
            "%n ticked figure(s) not saved: the plan has no target of the same name "
            "(rename the indicator to a target's name to save it).",
            "",
            count,
        )

    def _counts(self, text: str, new_targets: int, figures: int) -> str:
        """``text`` with %1 = "2 new targets" and %2 = "1 figure", each in its own plural form."""
        return text.replace("%1", self.tr("%n new target(s)", "", new_targets)).replace(
            "%2", self.tr("%n figure(s)", "", figures)
        )

    def _go_to_first_problem(self) -> None:
        for r in self.model.ticked_rows():
            row = self.model.row_at(r)
            if row.errors:
                self.table.setCurrentIndex(self.model.index(r, first_error_column(row)))
                return

    def _write(self, prepared: Prepared) -> tuple[list[Target], list[ProgressEntry]]:
        """One transaction for all of it; listeners hear of the change only once it is committed."""
        ws, editor = self.session.workspace, self.session.editor
        targets: list[Target] = []
        saved_ids: dict[int, int] = {}
        with ws.held_notices(), write_transaction(ws.db):
            # A figure in a locked period is named by its row here (the Editor would count only the figures).
            locks = editor.locks()
            locked = [
                (r, entry, lock)
                for r, entry, _ in prepared.entries
                if (lock := covering(locks, entry.period))
            ]
            if locked:
                raise PeriodLockedError(
                    [
                        (f"第{r + 1}行 {LOCK_FIELD}", locked_message(lock, e.period, "添加"))
                        for r, e, lock in locked
                    ]
                )
            for r, target in prepared.targets:
                saved = editor.add_target(target)
                targets.append(saved)
                saved_ids[r] = saved.id or 0
            figures = [
                replace(
                    entry, target_id=(goes_to.id or 0) if isinstance(goes_to, Target) else saved_ids[goes_to]
                )
                for _, entry, goes_to in prepared.entries
            ]
            entries = editor.add_entries(figures) if figures else []
        return targets, entries

    def _push_undo(self, targets: list[Target], entries: list[ProgressEntry]) -> None:
        """One undo step: a macro of the commands the window uses for single targets and figures. Each was
        made already, so each skips its first redo, as when the session pushes it."""
        stack, editor = self.session.undo_stack, self.session.editor
        on_error = self.session._report  # the session's own handler: a failed undo clears the history
        book = self.session.versions  # the versions the undo steps will check against
        book.note("target", targets)
        book.note("entry", entries)
        stack.beginMacro(self._counts(self.tr("Add from policy text (%1, %2)"), len(targets), len(entries)))
        for target in targets:
            stack.push(cmd.AddTargetCommand(target.name, editor, on_error, book, target))
        if entries:
            stack.push(cmd.AddEntriesCommand("", editor, on_error, book, entries))
        stack.endMacro()

    # closing ----------------------------------------------------------------------------------------

    def reject(self) -> None:
        """Esc or Close: ask before throwing away ticked rows that were not saved. The result is Accepted when
        anything was saved (see ``saved_targets`` / ``saved_entries``), Rejected otherwise."""
        count = len(self.model.ticked_rows())
        if count and not self.prompts.confirm(
            self.tr("Targets from policy text"),
            self.tr("Discard %n ticked row(s) that have not been saved?", "", count),
        ):
            return
        if self.saved_targets or self.saved_entries:
            self.accept()
        else:
            super().reject()

    def done(self, result: int) -> None:
        self._generation += 1  # a result still on its way is not wanted
        self.pool.waitForDone()
        super().done(result)
