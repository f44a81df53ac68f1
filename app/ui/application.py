"""Start-up: arguments, translations, fonts, the data file (the demo by default) and the main window."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QLibraryInfo,
    QLocale,
    QMessageLogContext,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QMessageBox

from app import __version__
from app.resources import resource_path
from app.services.demo import create_demo_workspace
from app.services.workspace import Workspace
from app.storage.database import StorageError
from app.ui.fonts import apply_cjk_font
from app.ui.main_window import MainWindow


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="ptt-gui", description="政策目标进度跟踪")
    parser.add_argument("path", nargs="?", help="数据文件；不给出时打开内置演示数据（副本）")
    parser.add_argument("--as-of", type=date.fromisoformat, help="截至日期 YYYY-MM-DD（默认今天）")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="界面语言（默认跟随系统）")
    parser.add_argument("--screenshot", metavar="FILE.png", help="离屏渲染主窗口到 PNG 后退出")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser.parse_args(argv)


def install_translators(app: QApplication, language: str | None) -> list[QTranslator]:
    """Our strings and Qt's own (so standard buttons read 确定/取消); English is the source language."""
    locale = QLocale(language) if language else QLocale.system()
    if locale.language() != QLocale.Language.Chinese:
        return []
    translators = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("qtbase_zh_CN", qt_dir), ("ptt_zh_CN", _translations_dir())):
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
    app.setApplicationName("PolicyTargetTracker")
    app.setOrganizationName("PolicyTargetTracker")
    app.setApplicationVersion(__version__)
    install_translators(app, args.lang)
    apply_cjk_font(app)
    with tempfile.TemporaryDirectory(prefix="ptt-demo-") as demo_dir:
        try:
            if args.path:
                workspace = Workspace.open(args.path)
            else:
                # A fresh copy each start: the demo is never overwritten, and edits to it are harmless.
                workspace = create_demo_workspace(Path(demo_dir) / "演示数据.ptt.sqlite")
        except StorageError as exc:
            if args.screenshot:
                print(f"错误：{exc}", file=sys.stderr)
            else:
                QMessageBox.critical(None, app.translate("main", "Cannot open file"), str(exc))
            return 1
        with workspace:
            window = MainWindow(workspace, args.as_of or date.today())
            if args.screenshot:
                return save_screenshot(app, window, Path(args.screenshot))
            window.resize(1400, 760)
            window.show()
            return app.exec()


def save_screenshot(app: QApplication, window: MainWindow, path: Path) -> int:
    window.resize(1600, 720)
    window.show()
    app.processEvents()
    ok = window.grab().save(str(path))
    window.close()
    if not ok:
        print(f"无法写入截图：{path}", file=sys.stderr)
        return 1
    print(f"已保存截图：{path}")
    return 0
