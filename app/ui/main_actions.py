"""Every command of the main window as a QAction with its shortcut, in menus and on the toolbar.

Texts are set in ``retranslate`` so that switching the language relabels everything in place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QStyle, QToolBar

Key = QKeySequence.StandardKey


@dataclass
class MainActions:
    new_file: QAction
    open_file: QAction
    save_copy: QAction
    open_demo: QAction
    export_chart: QAction
    print_preview: QAction
    print_report: QAction
    export_report: QAction
    export_template: QAction
    import_sheets: QAction
    set_issuer: QAction
    restore_backup: QAction
    export_audit: QAction
    target_history: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    new_plan: QAction
    edit_plan: QAction
    delete_plan: QAction
    new_target: QAction
    edit_target: QAction
    delete_target: QAction
    enter_figures: QAction
    enter_for_unit: QAction
    lock_period: QAction
    unlock_period: QAction
    extract_targets: QAction
    reporting_status: QAction
    refresh: QAction
    find: QAction
    show_behind: QAction
    language_system: QAction
    language_zh: QAction
    language_en: QAction
    about: QAction


def create_actions(window: QMainWindow) -> MainActions:
    def make(
        shortcut: QKeySequence | Key | str | None = None, icon: QStyle.StandardPixmap | None = None
    ) -> QAction:
        action = QAction(window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(window.style().standardIcon(icon))
        return action

    sp = QStyle.StandardPixmap
    actions = MainActions(
        new_file=make(Key.New, sp.SP_FileIcon),
        open_file=make(Key.Open, sp.SP_DialogOpenButton),
        save_copy=make("Ctrl+Shift+S", sp.SP_DialogSaveButton),
        open_demo=make(),
        export_chart=make("Ctrl+Shift+X"),
        print_preview=make("Ctrl+Shift+P", sp.SP_FileDialogContentsView),
        print_report=make(Key.Print),
        export_report=make("Ctrl+Shift+R", sp.SP_DialogSaveButton),
        export_template=make("Ctrl+Shift+T"),
        import_sheets=make("Ctrl+I", sp.SP_ArrowDown),
        set_issuer=make(),
        restore_backup=make(),  # rare and drastic: from the menu only, and it asks first
        export_audit=make(),
        target_history=make("Ctrl+H"),
        quit=make("Ctrl+Q"),  # the platform's Quit key is empty on some desktops
        undo=make(Key.Undo, sp.SP_ArrowBack),
        redo=make(QKeySequence("Ctrl+Y"), sp.SP_ArrowForward),
        new_plan=make("Ctrl+Shift+N"),
        edit_plan=make(),
        delete_plan=make(),
        new_target=make("Ctrl+T", sp.SP_FileDialogNewFolder),
        edit_target=make("F2", sp.SP_FileDialogDetailedView),
        delete_target=make(QKeySequence("Ctrl+Delete"), sp.SP_TrashIcon),
        enter_figures=make("Ctrl+E", sp.SP_FileDialogContentsView),
        enter_for_unit=make("Ctrl+Shift+E"),
        lock_period=make(),  # an approval: from the menu, deliberately
        unlock_period=make(),
        extract_targets=make("Ctrl+Shift+I"),
        reporting_status=make("Ctrl+Shift+B"),
        refresh=make(Key.Refresh, sp.SP_BrowserReload),
        find=make(Key.Find),
        show_behind=make("Ctrl+B", sp.SP_MessageBoxWarning),
        language_system=make(),
        language_zh=make(),
        language_en=make(),
        about=make(),
    )
    group = QActionGroup(window)
    for action in (actions.language_system, actions.language_zh, actions.language_en):
        action.setCheckable(True)
        group.addAction(action)
    actions.redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
    return actions


def build_menus(window: QMainWindow, a: MainActions, recent_menu: QMenu) -> dict[str, QMenu]:
    bar = window.menuBar()
    bar.clear()
    menus = {name: bar.addMenu("") for name in ("file", "edit", "view", "settings", "help")}
    menus["file"].addActions([a.new_file, a.open_file])
    menus["file"].addMenu(recent_menu)
    menus["file"].addActions([a.save_copy, a.open_demo])
    menus["file"].addSeparator()
    menus["file"].addActions([a.print_preview, a.print_report, a.export_report, a.export_chart])
    menus["file"].addSeparator()
    menus["file"].addActions([a.export_template, a.import_sheets])
    menus["file"].addSeparator()
    menus["file"].addActions([a.restore_backup, a.export_audit])
    menus["file"].addSeparator()
    menus["file"].addAction(a.quit)
    menus["edit"].addActions([a.undo, a.redo])
    menus["edit"].addSeparator()
    menus["edit"].addActions([a.new_plan, a.edit_plan, a.delete_plan])
    menus["edit"].addSeparator()
    menus["edit"].addActions([a.new_target, a.edit_target, a.delete_target])
    menus["edit"].addSeparator()
    menus["edit"].addActions([a.enter_figures, a.enter_for_unit])
    menus["edit"].addSeparator()
    menus["edit"].addActions([a.lock_period, a.unlock_period])
    menus["edit"].addSeparator()
    menus["edit"].addAction(a.extract_targets)
    menus["view"].addActions([a.refresh, a.find, a.show_behind, a.target_history])
    menus["view"].addSeparator()
    menus["view"].addAction(a.reporting_status)
    language = menus["settings"].addMenu("")
    language.setObjectName("languageMenu")
    language.addActions([a.language_system, a.language_zh, a.language_en])
    menus["settings"].addAction(a.set_issuer)
    menus["language"] = language
    menus["help"].addAction(a.about)
    return menus


def build_toolbar(window: QMainWindow, a: MainActions) -> QToolBar:
    toolbar = window.addToolBar("")
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)  # words, not guesses from icons
    toolbar.addActions([a.new_target, a.edit_target, a.enter_figures, a.delete_target])
    toolbar.addSeparator()
    toolbar.addActions([a.undo, a.redo])
    toolbar.addSeparator()
    toolbar.addActions([a.show_behind, a.refresh])
    return toolbar


ACTION_TEXTS = {
    "new_file": QT_TRANSLATE_NOOP("MainWindow", "&New data file…"),
    "open_file": QT_TRANSLATE_NOOP("MainWindow", "&Open…"),
    "save_copy": QT_TRANSLATE_NOOP("MainWindow", "Save a &copy as…"),
    "open_demo": QT_TRANSLATE_NOOP("MainWindow", "Open the &demo data"),
    "export_chart": QT_TRANSLATE_NOOP("MainWindow", "E&xport chart…"),
    "print_preview": QT_TRANSLATE_NOOP("MainWindow", "Print pre&view…"),
    "print_report": QT_TRANSLATE_NOOP("MainWindow", "&Print report…"),
    "export_report": QT_TRANSLATE_NOOP("MainWindow", "Export &report (PDF, Word, Excel)…"),
    "export_template": QT_TRANSLATE_NOOP("MainWindow", "Export fill-in &template…"),
    "import_sheets": QT_TRANSLATE_NOOP("MainWindow", "&Import returned sheets…"),
    "set_issuer": QT_TRANSLATE_NOOP("MainWindow", "&Issuing unit for reports…"),
    "restore_backup": QT_TRANSLATE_NOOP("MainWindow", "Restore from &backup…"),
    "export_audit": QT_TRANSLATE_NOOP("MainWindow", "Export &audit log…"),
    "target_history": QT_TRANSLATE_NOOP("MainWindow", "Change &history of target…"),
    "quit": QT_TRANSLATE_NOOP("MainWindow", "&Quit"),
    "undo": QT_TRANSLATE_NOOP("MainWindow", "&Undo"),
    "redo": QT_TRANSLATE_NOOP("MainWindow", "&Redo"),
    "new_plan": QT_TRANSLATE_NOOP("MainWindow", "New &plan…"),
    "edit_plan": QT_TRANSLATE_NOOP("MainWindow", "Edit plan…"),
    "delete_plan": QT_TRANSLATE_NOOP("MainWindow", "Delete plan…"),
    "new_target": QT_TRANSLATE_NOOP("MainWindow", "New &target…"),
    "edit_target": QT_TRANSLATE_NOOP("MainWindow", "&Edit target…"),
    "delete_target": QT_TRANSLATE_NOOP("MainWindow", "&Delete target…"),
    "enter_figures": QT_TRANSLATE_NOOP("MainWindow", "Enter &figures"),
    "enter_for_unit": QT_TRANSLATE_NOOP("MainWindow", "Enter figures for a responsible &unit"),
    "lock_period": QT_TRANSLATE_NOOP("MainWindow", "&Lock reporting period…"),
    "unlock_period": QT_TRANSLATE_NOOP("MainWindow", "Unloc&k reporting period…"),
    "extract_targets": QT_TRANSLATE_NOOP("MainWindow", "Targets from policy te&xt…"),
    "reporting_status": QT_TRANSLATE_NOOP("MainWindow", "Reporting &status of units…"),
    "refresh": QT_TRANSLATE_NOOP("MainWindow", "&Refresh"),
    "find": QT_TRANSLATE_NOOP("MainWindow", "&Find…"),
    "show_behind": QT_TRANSLATE_NOOP("MainWindow", "Show targets &behind"),
    "language_system": QT_TRANSLATE_NOOP("MainWindow", "Follow the system"),
    "about": QT_TRANSLATE_NOOP("MainWindow", "&About"),
}
UNTRANSLATED = {"language_zh": "中文", "language_en": "English"}  # each language names itself
MENU_TEXTS = {
    "file": QT_TRANSLATE_NOOP("MainWindow", "&File"),
    "edit": QT_TRANSLATE_NOOP("MainWindow", "&Edit"),
    "view": QT_TRANSLATE_NOOP("MainWindow", "&View"),
    "settings": QT_TRANSLATE_NOOP("MainWindow", "&Settings"),
    "help": QT_TRANSLATE_NOOP("MainWindow", "&Help"),
    "language": QT_TRANSLATE_NOOP("MainWindow", "&Language"),
    "recent": QT_TRANSLATE_NOOP("MainWindow", "Open &recent"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def retranslate(a: MainActions, menus: dict[str, QMenu], recent_menu: QMenu) -> None:
    for f in fields(a):
        action: QAction = getattr(a, f.name)
        action.setText(UNTRANSLATED.get(f.name) or _tr(ACTION_TEXTS[f.name]))
        if not action.shortcut().isEmpty():
            plain = re.sub(r"\(&\w\)", "", action.text()).replace("&", "").rstrip("…")
            action.setToolTip(
                f"{plain} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
            )
    for key, menu in menus.items():
        menu.setTitle(_tr(MENU_TEXTS[key]))
    recent_menu.setTitle(_tr(MENU_TEXTS["recent"]))
