"""Reports and exports never leave a half-written file under the requested name."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.services.atomic_write import OutputError, atomic_write


def test_writes_then_renames(tmp_path: Path) -> None:
    out = atomic_write(tmp_path / "报告.pdf", lambda p: p.write_bytes(b"%PDF-1.4 ok"))
    assert out.read_bytes() == b"%PDF-1.4 ok"
    assert [p.name for p in tmp_path.iterdir()] == ["报告.pdf"]


def test_a_failing_writer_leaves_the_old_file_and_no_partial(tmp_path: Path) -> None:
    target = tmp_path / "报告.docx"
    target.write_bytes(b"last month's report")

    def broken(p: Path) -> None:
        p.write_bytes(b"half")
        raise RuntimeError("renderer crashed")

    with pytest.raises(RuntimeError):
        atomic_write(target, broken)
    assert target.read_bytes() == b"last month's report"
    assert [p.name for p in tmp_path.iterdir()] == ["报告.docx"]


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="文件夹不存在") as err:
        atomic_write(tmp_path / "no" / "r.pdf", lambda p: p.write_bytes(b""))
    assert str(tmp_path / "no") in err.value.message


def test_a_file_held_open_elsewhere_gets_a_plain_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(self: Path, target: Path) -> Path:  # what Windows answers while Excel holds the file
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "replace", locked)
    with pytest.raises(OutputError, match="正被其他程序"):
        atomic_write(tmp_path / "r.xlsx", lambda p: p.write_bytes(b"x"))
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []
