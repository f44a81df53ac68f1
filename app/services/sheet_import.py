"""Import returned fill-in files: a preview first (every row OK / warning / error / skipped, with the reason and
the cell, e.g. 填报!K12), then one commit of the good rows — all of them in one transaction, or nothing.

    preview = preview_import(ws, [path, …], on_progress=…, should_stop=…)   # reads and checks, writes nothing
    result = commit_import(ws, preview, accept_warnings=True)                # or a set of accepted row indexes

Each committed file is recorded (name, SHA-256, rows, who, when) in import_batch and in the audit trail, and the
figures go through the Editor, so each gets its own audit event. A file whose SHA-256 was imported before is
not read again (the preview says when and by whom), and a row identical to a saved figure adds nothing, so
importing the same data twice never duplicates it.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.domain.entities import ProgressEntry
from app.domain.errors import DomainError
from app.services.editing import Editor
from app.services.import_checks import OutlierSettings
from app.services.import_rows import Issue, PreviewRow, RowChecker, RowStatus, severity
from app.services.period_locks import PeriodLockedError, covering, locked_message
from app.services.sheet_reader import ImportFileError, SourceFile, read_source
from app.services.workspace import Workspace
from app.storage import audit
from app.storage.database import write_transaction
from app.storage.file_records import ImportRecord, ImportRepository, LockRepository

__all__ = [
    "FileState",
    "FileSummary",
    "ImportCancelledError",
    "ImportFileError",
    "ImportPreview",
    "ImportResult",
    "Issue",
    "PreviewRow",
    "RowStatus",
    "commit_import",
    "preview_import",
]

ProgressCallback = Callable[[int, int], None]  # (rows done, rows in all readable files)
StopCheck = Callable[[], bool]
_CHECK_EVERY = 256


class ImportCancelledError(DomainError):
    """The user stopped the preview or the saving; nothing was written."""


class FileState(enum.StrEnum):
    READ = "read"
    REFUSED = "refused"  # not readable as a fill-in sheet: the message says why
    ALREADY_IMPORTED = "already_imported"  # the same SHA-256 was imported before
    REPEATED = "repeated"  # the same file was given twice in this import

    @property
    def label(self) -> str:
        return {
            "read": "已读取",
            "refused": "无法导入",
            "already_imported": "已导入过",
            "repeated": "重复选择",
        }[self.value]


@dataclass(frozen=True, slots=True)
class FileSummary:
    name: str
    path: Path
    state: FileState
    message: str = ""
    sha256: str = ""
    size: int = 0
    rows: int = 0  # non-empty data rows under the header(s)
    sheets: tuple[str, ...] = ()

    def record(self) -> dict[str, Any]:
        return {
            "file": self.name,
            "state": self.state.value,
            "state_label": self.state.label,
            "message": self.message,
            "sha256": self.sha256,
            "rows": self.rows,
            "sheets": list(self.sheets),
        }


@dataclass(frozen=True, slots=True)
class ImportPreview:
    files: tuple[FileSummary, ...]
    rows: tuple[PreviewRow, ...]
    as_of: date

    def counts(self) -> dict[RowStatus, int]:
        counts = dict.fromkeys(RowStatus, 0)
        for r in self.rows:
            counts[r.status] += 1
        return counts

    @property
    def refused_files(self) -> list[FileSummary]:
        return [f for f in self.files if f.state is FileState.REFUSED]

    @property
    def has_errors(self) -> bool:
        return bool(self.refused_files) or any(r.status is RowStatus.ERROR for r in self.rows)

    def rows_to_commit(self, accept_warnings: bool | Collection[int] = True) -> list[PreviewRow]:
        """OK rows, plus warnings: all (True), none (False), or those whose ``index`` is in the collection."""

        def accepted(r: PreviewRow) -> bool:
            if r.status is RowStatus.OK:
                return True
            if r.status is not RowStatus.WARNING:
                return False
            return accept_warnings if isinstance(accept_warnings, bool) else r.index in accept_warnings

        return [r for r in self.rows if r.entry is not None and accepted(r)]

    @property
    def summary(self) -> str:
        c = self.counts()
        parts = [f"{s.label} {c[s]}" for s in RowStatus]
        text = f"{len(self.files)} 个文件，{len(self.rows)} 行：{'，'.join(parts)}"
        others = [f"{f.name}：{f.state.label}" for f in self.files if f.state is not FileState.READ]
        return text + (f"（{'；'.join(others)}）" if others else "")


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: tuple[ProgressEntry, ...]
    records: tuple[ImportRecord, ...] = field(default_factory=tuple)
    message: str = ""


def preview_import(
    ws: Workspace,
    paths: Sequence[Path | str],
    *,
    as_of_date: date | None = None,
    outliers: OutlierSettings | None = None,
    on_progress: ProgressCallback | None = None,
    should_stop: StopCheck | None = None,
) -> ImportPreview:
    """Read and check every file; nothing is written. ``should_stop`` returning True raises ImportCancelledError."""
    day = as_of_date or ws.clock().date()
    imports = ImportRepository(ws.db)
    files: list[FileSummary] = []
    sources: list[SourceFile] = []
    seen: dict[str, str] = {}
    for path in paths:
        _stop(should_stop)
        path = Path(path)
        try:
            source = read_source(path)
        except ImportFileError as exc:
            files.append(FileSummary(path.name, path, FileState.REFUSED, exc.message))
            continue
        if source.sha256 in seen:
            message = f"与 {seen[source.sha256]} 内容完全相同，只导入一次"
            files.append(_summary(source, FileState.REPEATED, message))
            continue
        seen[source.sha256] = source.name
        earlier = imports.find_by_sha256(source.sha256)
        if earlier is not None:
            message = (
                f"同一文件（SHA-256 相同）已于 {earlier.imported_at:%Y-%m-%d %H:%M} 由 {earlier.who} 导入"
                f"（当时新增 {earlier.entries_added} 条），本次不再导入"
            )
            files.append(_summary(source, FileState.ALREADY_IMPORTED, message))
            continue
        files.append(_summary(source, FileState.READ))
        sources.append(source)

    checker = RowChecker(ws, day, outliers)
    total = sum(s.rows for s in sources)
    if on_progress:
        on_progress(0, total)  # the files are read: checking starts
    done = 0
    rows: list[PreviewRow] = []
    for source in sources:
        for table in source.tables:
            for number, cells in table.rows:
                done += 1
                if done % _CHECK_EVERY == 0:
                    _stop(should_stop)
                    if on_progress:
                        on_progress(done, total)
                checked = checker.check(table, number, cells, len(rows), source.sha256)
                if checked is not None:
                    rows.append(checked)
    if on_progress:
        on_progress(total, total)
    return ImportPreview(tuple(files), tuple(_mark_duplicates(rows)), day)


def _summary(source: SourceFile, state: FileState, message: str = "") -> FileSummary:
    sheets = tuple(t.sheet for t in source.tables)
    return FileSummary(
        source.name, source.path, state, message, source.sha256, source.size, source.rows, sheets
    )


def _stop(should_stop: StopCheck | None) -> None:
    if should_stop is not None and should_stop():
        raise ImportCancelledError("已取消导入，未做任何修改")


def _mark_duplicates(rows: list[PreviewRow]) -> list[PreviewRow]:
    """The same target and period twice: an error on every such row if the values differ, else only the first
    one counts and the others are skipped."""
    groups: dict[tuple[int, date, date], list[int]] = {}
    for i, r in enumerate(rows):
        if r.entry is not None and r.period is not None:
            groups.setdefault((r.entry.target_id, r.period.start, r.period.end), []).append(i)
    for members in groups.values():
        if len(members) < 2:
            continue
        values: set[Decimal | None] = {rows[i].value_in_unit() for i in members}
        first = rows[members[0]]
        for n, i in enumerate(members):
            r = rows[i]
            if len(values) > 1:
                cells = "、".join(_where(rows[j], r) for j in members)
                issue = Issue(
                    RowStatus.ERROR,
                    r.value_cell,
                    "数值",
                    f"同一指标同一报告期填了不同的数值（{cells}），请只保留一个",
                )
            elif n > 0:
                issue = Issue(
                    RowStatus.SKIPPED,
                    r.value_cell,
                    "数值",
                    f"与 {_where(first, r)} 重复，只导入一次",
                )
            else:
                continue
            issues = (*r.issues, issue)
            status = severity(list(issues))
            rows[i] = replace(
                r, issues=issues, status=status, entry=None if status is RowStatus.ERROR else r.entry
            )
    return rows


def _where(row: PreviewRow, seen_from: PreviewRow) -> str:
    """A cell reference, with the file name when it is in another file than ``seen_from``."""
    return row.value_cell if row.sha256 == seen_from.sha256 else f"{row.file} {row.value_cell}"


def commit_import(
    ws: Workspace,
    preview: ImportPreview,
    *,
    accept_warnings: bool | Collection[int] = True,
    on_progress: Callable[[int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> ImportResult:
    """Save the good rows of ``preview`` in one transaction, with one import record per file; or nothing.

    ``on_progress(done, total)`` follows the writing (every thousand rows); when ``should_stop()`` turns true
    the transaction is rolled back and ImportCancelledError raised: nothing is saved."""
    chosen = preview.rows_to_commit(accept_warnings)
    if not chosen:
        return ImportResult((), (), "没有需要导入的数据，未做任何修改")
    ws.require_writable()
    imports = ImportRepository(ws.db)
    files = {f.sha256: f for f in preview.files if f.state is FileState.READ}
    per_file: dict[str, list[PreviewRow]] = {}
    for r in chosen:
        per_file.setdefault(r.sha256, []).append(r)
    now = ws.clock()
    at = now.isoformat(timespec="seconds")
    records: list[ImportRecord] = []
    with (
        ws.held_notices(),
        write_transaction(ws.db),
    ):  # the window hears of the figures once they are committed
        # A colleague may have locked a period since the preview: name the cells, not positions in a batch.
        locks = LockRepository(ws.db).all()
        locked = [(r, lock) for r in chosen if r.period and (lock := covering(locks, r.period)) is not None]
        if locked:
            raise PeriodLockedError(
                [(f"{r.value_cell} 报告期", locked_message(lock, r.period, "导入")) for r, lock in locked]  # type: ignore[arg-type]
            )
        for sha, file_rows in per_file.items():
            summary = files[sha]
            earlier = imports.find_by_sha256(sha)
            if earlier is not None:  # imported by someone else since the preview was made
                raise ImportFileError(
                    f"{summary.name} 已于 {earlier.imported_at:%Y-%m-%d %H:%M} 由 {earlier.who} 导入，本次未做任何修改"
                )
            record = imports.add(
                ImportRecord(
                    summary.name, sha, summary.rows, len(file_rows), now, ws.actor.user, ws.actor.machine
                )
            )
            records.append(record)
            # entity_id stays empty: the file is not a record that ``check`` compares with the data
            audit.record(
                ws.db,
                at=at,
                actor=ws.actor,
                action="import",
                entity="import",
                entity_id=None,
                after={
                    "import_id": record.id,
                    "file": summary.name,
                    "sha256": sha,
                    "rows": summary.rows,
                    "entries": len(file_rows),
                },
            )
        # Last, so that the Editor's change notice goes out only when nothing after it can fail.
        saved = Editor(ws).add_entries(
            [r.entry for r in chosen if r.entry is not None], _stoppable(on_progress, should_stop)
        )
    names = "、".join(f"{files[sha].name} {len(rs)} 条" for sha, rs in per_file.items())
    return ImportResult(tuple(saved), tuple(records), f"已导入 {len(saved)} 条（{names}）")


def _stoppable(
    on_progress: Callable[[int, int], None] | None, should_stop: Callable[[], bool] | None
) -> Callable[[int, int], None] | None:
    if on_progress is None and should_stop is None:
        return None

    def step(done: int, total: int) -> None:
        if on_progress is not None:
            on_progress(done, total)
        if should_stop is not None and should_stop():
            raise ImportCancelledError("已取消导入，未做任何修改")

    return step


def forget_imports(ws: Workspace, records: Sequence[ImportRecord]) -> None:
    """After the figures of an import were undone: the files count as not imported, so they can be imported
    again. Call inside the transaction that removes the figures; the act is in the audit trail."""
    _audit_imports(ws, records, "undo-import")
    imports = ImportRepository(ws.db)
    for record in records:
        imports.remove(record.id or 0)


def remember_imports(ws: Workspace, records: Sequence[ImportRecord]) -> list[ImportRecord]:
    """Redo of an undone import: the files count as imported again (with new record ids)."""
    imports = ImportRepository(ws.db)
    added = [imports.add(replace(record, id=None)) for record in records]
    _audit_imports(ws, added, "redo-import")
    return added


def _audit_imports(ws: Workspace, records: Sequence[ImportRecord], action: str) -> None:
    at = ws.clock().isoformat(timespec="seconds")
    for record in records:
        audit.record(
            ws.db,
            at=at,
            actor=ws.actor,
            action=action,
            entity="import",
            entity_id=None,
            after={"import_id": record.id, "file": record.file_name, "sha256": record.sha256},
        )
