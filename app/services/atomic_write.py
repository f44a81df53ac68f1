"""Write a file so that a half-written one never sits under the requested name: a temporary file in the same
folder, then one rename. Failures come back as plain messages that name the file and what to do."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from app.domain.errors import DomainError


class OutputError(DomainError):
    """The report (or export) could not be written where the user asked."""


def check_output_folder(path: Path) -> None:
    """Refuse at once an output whose folder is missing or not writable (before any slow work)."""
    folder = path.parent
    if not folder.is_dir():
        raise OutputError(f"文件夹不存在：{folder}；请先创建它或另选保存位置", field="输出文件")
    if not os.access(folder, os.W_OK):
        raise OutputError(f"没有权限写入文件夹：{folder}；请另选保存位置", field="输出文件")


def atomic_write(path: Path | str, write: Callable[[Path], None]) -> Path:
    """Call ``write(temporary_path)``, then move the result to ``path``; nothing is left behind on failure."""
    path = Path(path)
    check_output_folder(path)
    folder = path.parent
    # A name of its own for each writer: the window and the CLI may write the same report at once.
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=f".partial{path.suffix}", dir=folder)
    except OSError as exc:  # e.g. a folder whose Windows permissions os.access cannot see
        raise OutputError(
            f"无法在文件夹中写入：{folder}（{exc.strerror or exc}）；请另选保存位置", field="输出文件"
        ) from exc
    os.close(handle)
    partial = Path(name)
    try:
        write(partial)
        partial.chmod(0o666 & ~_umask())  # mkstemp makes it private; a report is as readable as any file
        partial.replace(path)
    except PermissionError as exc:
        raise OutputError(
            f"无法写入 {path.name}：文件可能正被其他程序（如 Word、Excel、PDF 阅读器）打开，请关闭后重试",
            field="输出文件",
        ) from exc
    except OSError as exc:
        raise OutputError(f"无法写入 {path}：{exc.strerror or exc}", field="输出文件") from exc
    finally:
        partial.unlink(missing_ok=True)
    return path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
