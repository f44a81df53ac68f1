"""The figures tab of the main window: which targets the entry grid shows, unsaved rows kept aside while
another target is looked at, and the grid for a whole responsible unit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QTabWidget

    from app.services.statuses import StatusRow
    from app.ui.entry_grid import EntryGrid
    from app.ui.prompts import Prompts
    from app.ui.session import Session


class EntryGridMixin:
    """Part of MainWindow: keeping the entry grid on the right targets."""

    if TYPE_CHECKING:
        session: Session
        prompts: Prompts
        entry_grid: EntryGrid
        grid_title: QLabel
        tabs: QTabWidget
        _unit_mode: str | None
        _grid_target_ids: tuple[int, ...]
        _draft_stash: dict[tuple[int, ...], str]

        def selected_row(self) -> StatusRow | None: ...

    def _reload_entry_grid(self) -> None:
        """After every recompute: the grid shows what is saved now (a save never leaves its drafts behind)."""
        if self._unit_mode is not None:
            self.show_unit_grid(self._unit_mode)
            return
        rows = [r for r in self.session.rows if r.target.id in self._grid_target_ids]
        self._set_grid_rows(self.session.complete_rows(rows))

    def _load_entry_grid(self, row: StatusRow | None) -> None:
        self._set_grid_rows([row] if row else [])

    def _set_grid_rows(self, rows: list[StatusRow]) -> None:
        """Show these targets' figures in the grid; unsaved rows of other targets wait in the stash."""
        model = self.entry_grid.model
        ids = tuple(r.target.id or 0 for r in rows)
        if ids != self._grid_target_ids and (drafts := self._draft_text()):
            self._draft_stash[self._grid_target_ids] = drafts
        model.set_targets([r.target for r in rows], [e for r in rows for e in r.entries])
        model.set_reference_date(self.session.as_of)
        if ids != self._grid_target_ids and (stashed := self._draft_stash.pop(ids, "")):
            model.paste_block(stashed, model.first_new_row, 0)
        self._grid_target_ids = ids
        self._update_grid_title(rows)

    def _draft_text(self) -> str:
        model = self.entry_grid.model
        cells = [
            model.index(r, c)
            for r in range(model.rowCount())
            if model.is_draft_row(r)
            for c in range(model.columnCount())
        ]
        return model.cells_as_text(cells) if cells else ""

    def _update_grid_title(self, rows: list[StatusRow]) -> None:
        count = len(rows)  # a plain name: lupdate misses plural calls whose count is an expression
        if self._unit_mode is not None:
            text = QCoreApplication.translate(
                "MainWindow", "Figures of {unit} — %n target(s)", "", count
            ).format(unit=self._unit_mode)
        elif rows:
            text = QCoreApplication.translate("MainWindow", "Figures of “{name}” ({unit})").format(
                name=rows[0].target.name, unit=rows[0].target.unit
            )
        else:
            text = QCoreApplication.translate(
                "MainWindow", "Choose a target in the table, or Edit → Enter figures for a responsible unit."
            )
        self.grid_title.setText(text)

    def on_enter_figures(self) -> None:
        self._unit_mode = None
        self._load_entry_grid(self.selected_row())
        self.tabs.setCurrentIndex(1)
        self._focus_new_row()

    def _focus_new_row(self) -> None:
        """Typing straight away must start a new figure, never overwrite a saved one."""
        model, view = self.entry_grid.model, self.entry_grid.view
        view.clearSelection()
        flags = view.selectionModel().SelectionFlag.NoUpdate  # move the cursor, select nothing
        view.selectionModel().setCurrentIndex(
            model.index(model.first_new_row, model.column_of("period")), flags
        )
        view.setFocus()

    def on_enter_for_unit(self) -> None:
        units = sorted({r.target.responsible_unit for r in self.session.rows if r.target.responsible_unit})
        if not units:
            return
        unit = self.prompts.choose(
            QCoreApplication.translate("MainWindow", "Enter figures"),
            QCoreApplication.translate("MainWindow", "Responsible unit:"),
            units,
        )
        if unit:
            self.show_unit_grid(unit)

    def show_unit_grid(self, unit: str) -> None:
        """All targets of one responsible unit in one grid, as its report sheet arrives."""
        self._unit_mode = unit
        rows = [
            r
            for r in self.session.rows
            if r.target.responsible_unit == unit and r.target.kind.value != "monitoring"
        ]
        rows = self.session.complete_rows(
            rows or [r for r in self.session.rows if r.target.responsible_unit == unit]
        )
        self.entry_grid.model.set_targets([r.target for r in rows], [e for r in rows for e in r.entries])
        self.entry_grid.model.set_default_year(self.session.as_of.year)
        self.tabs.setCurrentIndex(1)
