"""Start-up and the application's life: arguments, translations, fonts, which file is open (the demo by default),
File → New / Open / Save a copy / recent files, and switching the language."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QMessageLogContext,
    QObject,
    QTimer,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app import __version__
from app.resources import resource_path
from app.services.demo import create_demo_workspace
from app.services.workspace import Workspace
from app.storage.database import (
    CorruptFileError,
    MissingFileError,
    NotOurFileError,
    ReadOnlyLocationError,
    StorageError,
)
from app.ui.backup_flow import BackupFlow
from app.ui.fonts import apply_cjk_font
from app.ui.main_window import MainWindow
from app.ui.session import Session
from app.ui.settings import APPLICATION, ORGANIZATION, AppSettings


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="ptt-gui", description="政策目标进度跟踪")
    parser.add_argument("path", nargs="?", help="数据文件；不给出时打开内置演示数据（副本）")
    parser.add_argument("--as-of", type=date.fromisoformat, help="截至日期 YYYY-MM-DD（默认今天）")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="界面语言（默认跟随系统或设置）")
    parser.add_argument("--screenshot", metavar="FILE.png", help="离屏渲染主窗口到 PNG 后退出")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    # bench/bench_startup.py: print the wall clock once the window has painted, then quit (no settings saved)
    parser.add_argument("--exit-when-shown", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def wants_chinese(language: str) -> bool:
    locale = QLocale(language) if language else QLocale.system()
    return locale.language() == QLocale.Language.Chinese


def install_translators(app: QCoreApplication, language: str | None) -> list[QTranslator]:
    """Our strings and, in Chinese, Qt's own (so standard buttons read 确定/取消). English is the source
    language, but its .qm still carries the plural forms ("1 target", "2 targets")."""
    chinese = wants_chinese(language or "")
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    wanted = (
        [("qtbase_zh_CN", qt_dir), ("ptt_zh_CN", _translations_dir())]
        if chinese
        else [("ptt_en", _translations_dir())]
    )
    translators = []
    for name, folder in wanted:
        translator = QTranslator(app)
        if folder and translator.load(name, folder):
            app.installTranslator(translator)
            translators.append(translator)
    return translators


def _translations_dir() -> str:
    try:
        return str(resource_path("resources", "translations"))
    except FileNotFoundError:
        return ""


class AppController(QObject):
    """Owns the open file and the window; swaps files and languages without losing the window."""

    def __init__(
        self, app: QApplication, settings: AppSettings, as_of: date, language: str | None = None
    ) -> None:
        super().__init__(app)
        self.app = app
        self.settings = settings
        self.as_of = as_of
        self._demo_dir = tempfile.TemporaryDirectory(prefix="ptt-demo-")
        self._translators: list[QTranslator] = []
        self.window: MainWindow | None = None
        self.backups = BackupFlow(self)
        self.set_language(language if language is not None else settings.language, remember=False)

    # files ---------------------------------------------------------------------------------------------

    def start(self, path: str | None) -> MainWindow | None:
        """The window on ``path``, or on a fresh demo copy; None when ``path`` cannot be opened."""
        if path:
            session = self._open_session(Path(path))
            if session is None:
                return None
        else:
            session = Session(self._new_demo(), self.as_of)
        self.window = MainWindow(session)
        self.window.app_settings = self.settings
        self._wire(self.window)
        self._restore_window_state()
        self._refresh_recent_menu()
        return self.window

    def _new_demo(self) -> Workspace:
        """A fresh copy each time: the demo is never overwritten, and edits to it are harmless."""
        folder = Path(self._demo_dir.name)
        n = len(list(folder.glob("*.ptt.sqlite"))) + 1
        return create_demo_workspace(folder / f"演示数据{'' if n == 1 else n}.ptt.sqlite")

    def _open_session(self, path: Path, *, create: bool = False) -> Session | None:
        prompts = self.window.prompts if self.window else None
        note = ""
        try:
            try:
                workspace = Workspace.open(path, create=create)
            except ReadOnlyLocationError as exc:
                workspace = Workspace.open(path, read_only=True)
                note = str(exc)
            except CorruptFileError as exc:  # offer the latest good backup
                recovered = self.backups.recover(path, exc, prompts)
                if recovered is None:
                    return None
                workspace = recovered
        except StorageError as exc:
            if prompts:
                prompts.error(self.tr("Cannot open file"), str(exc))
            else:
                print(f"错误：{exc}", file=sys.stderr)
            if isinstance(exc, (MissingFileError, NotOurFileError)):  # a share that is offline may come back
                self.settings.remove_recent(path)
                self._refresh_recent_menu()
            return None
        if note and prompts:
            prompts.info(self.tr("Opened read-only"), note)
        self.settings.add_recent(path)
        self.settings.last_folder = str(path.parent)
        self._refresh_recent_menu()
        as_of = self.window.session.as_of if self.window else self.as_of  # keep the date the user chose
        session = Session(workspace, as_of)
        self.backups.after_open(session)
        return session

    def switch_to(self, session: Session | None) -> None:
        if session is None or self.window is None:
            return
        old = self.window.session
        self.window.bind(session)
        old.close()
        old.deleteLater()

    def open_path(self, path: str | Path) -> None:
        self.switch_to(self._open_session(Path(path)))

    def on_open(self) -> None:
        assert self.window is not None
        path = self.window.prompts.open_path(self.tr("Open data file"), self.settings.last_folder)
        if path:
            self.open_path(path)

    def on_new(self) -> None:
        assert self.window is not None
        path = self.window.prompts.save_path(self.tr("New data file"), self.settings.last_folder)
        if not path:
            return
        target = Path(path)
        if target.exists():
            self.window.prompts.error(
                self.tr("New data file"),
                self.tr("{file} already exists; choose another name.").format(file=target),
            )
            return
        self.switch_to(self._open_session(target, create=True))

    def on_save_copy(self) -> None:
        assert self.window is not None
        ws = self.window.session.workspace
        suggested = str(
            Path(self.settings.last_folder or Path.home()) / ws.path.name.replace("演示数据", "我的进度数据")
        )
        path = self.window.prompts.save_path(self.tr("Save a copy as"), suggested)
        if not path:
            return
        if Path(path).resolve() == ws.path.resolve():
            self.window.prompts.info(
                self.tr("Save a copy as"), self.tr("That is the file already open; choose another name.")
            )
            return
        try:
            ws.save_copy(path)
        except StorageError as exc:
            self.window.prompts.error(self.tr("Could not save"), str(exc))
            return
        self.open_path(path)  # go on working in the copy, so the demo or the original stays as it was

    def on_open_demo(self) -> None:
        as_of = self.window.session.as_of if self.window else self.as_of
        self.switch_to(Session(self._new_demo(), as_of))

    def _refresh_recent_menu(self) -> None:
        if self.window is None:
            return
        menu = self.window.recent_menu
        menu.clear()
        for path in self.settings.recent_files:
            action = menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        menu.setEnabled(bool(self.settings.recent_files))

    # language ------------------------------------------------------------------------------------------

    def set_language(self, language: str, *, remember: bool = True) -> None:
        """Install the translators for ``language`` ("" follows the system); open windows relabel themselves."""
        for translator in self._translators:
            self.app.removeTranslator(translator)
        self._translators = install_translators(self.app, language)
        if remember:
            self.settings.language = language
        self.language = language
        if self.window is not None:
            self._check_language_actions()
            self.window.retranslate()  # at once: Qt only posts its LanguageChange event

    def _check_language_actions(self) -> None:
        assert self.window is not None
        a = self.window.acts
        {"": a.language_system, "zh_CN": a.language_zh, "en": a.language_en}[self.language].setChecked(True)

    # wiring --------------------------------------------------------------------------------------------

    def _wire(self, window: MainWindow) -> None:
        a = window.acts
        a.open_file.triggered.connect(self.on_open)
        a.new_file.triggered.connect(self.on_new)
        a.save_copy.triggered.connect(self.on_save_copy)
        a.open_demo.triggered.connect(self.on_open_demo)
        a.language_system.triggered.connect(lambda: self.set_language(""))
        a.language_zh.triggered.connect(lambda: self.set_language("zh_CN"))
        a.language_en.triggered.connect(lambda: self.set_language("en"))
        a.about.triggered.connect(self.on_about)
        a.restore_backup.triggered.connect(self.backups.on_restore_backup)
        a.export_audit.triggered.connect(self.backups.on_export_audit)
        a.target_history.triggered.connect(self.backups.on_target_history)
        window.destroyed.connect(self._demo_dir.cleanup)
        self._check_language_actions()

    def on_about(self) -> None:
        assert self.window is not None
        self.window.prompts.info(
            self.tr("About"),
            self.tr(
                "Policy Target Tracker {version}\nTracks action-plan targets against reported figures."
            ).format(version=__version__),
        )

    def _restore_window_state(self) -> None:
        assert self.window is not None
        geometry, state = self.settings.window_state()
        if geometry is not None:
            self.window.restoreGeometry(geometry)
        else:
            self.window.resize(1500, 800)
        if state is not None:
            self.window.restoreState(state)

    def save_window_state(self) -> None:
        if self.window is not None:
            self.settings.save_window_state(self.window.saveGeometry(), self.window.saveState())
            self.settings.sync()


def _has_display() -> bool:
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _quiet_offscreen_messages(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """The offscreen platform cannot propagate size hints and says so on every window; nothing else is hidden."""
    if "propagateSizeHints" in message:
        return
    print(message, file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        if os.environ["QT_QPA_PLATFORM"] == "offscreen" and "pytest" not in sys.modules:
            qInstallMessageHandler(_quiet_offscreen_messages)
    if not _has_display():
        print("没有可用的显示器（DISPLAY 未设置）。可使用 --screenshot FILE.png 离屏渲染。", file=sys.stderr)
        return 1
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource_path("resources", "icons", "ptt-256.png"))))
    apply_cjk_font(app)
    settings = AppSettings()
    controller = AppController(app, settings, args.as_of or date.today(), args.lang)
    window = controller.start(args.path)
    if window is None:  # the reason was printed
        return 1
    if args.screenshot:
        code = save_screenshot(app, window, Path(args.screenshot))
        controller.deleteLater()
        return code
    if args.exit_when_shown:
        return exit_when_painted(app, window)
    window.show()
    code = app.exec()
    controller.save_window_state()
    window.unbind()
    window.session.close()
    return code


class _FirstPaint(QObject):
    """Quits the event loop just after the window's first paint (the next turn of the loop)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.property("seen"):
            self.setProperty("seen", True)
            QTimer.singleShot(0, QCoreApplication.quit)
        return False


def exit_when_painted(app: QApplication, window: MainWindow) -> int:
    """Show the window, wait for its first paint and print ``shown <time.time()>`` (the benchmark's parent
    compares it with its own clock taken just before starting this process)."""
    watcher = _FirstPaint(window)
    window.installEventFilter(watcher)
    window.show()
    app.exec()
    print(f"shown {time.time():.6f}", flush=True)
    window.removeEventFilter(watcher)
    window.close()
    window.unbind()
    window.session.close()
    return 0


def save_screenshot(app: QApplication, window: MainWindow, path: Path) -> int:
    window.resize(1600, 860)
    window.show()
    window.session.wait_for_statuses()
    app.processEvents()
    if window.proxy.rowCount():
        window.table.selectRow(0)  # show a target's detail too
    app.processEvents()
    ok = window.grab().save(str(path))
    window.close()
    window.unbind()
    window.session.close()
    if not ok:
        print(f"无法写入截图：{path}", file=sys.stderr)
        return 1
    print(f"已保存截图：{path}")
    return 0
