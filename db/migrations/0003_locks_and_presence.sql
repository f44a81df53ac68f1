-- Locked reporting periods (锁定报告期): once a period's report is approved it is locked, and a figure whose
-- period ends inside a locked range (2025年6月, 2025年1-6月 and 截至2025年6月底 all belong to June's report) cannot be
-- added, changed or deleted until the range is unlocked. Locking and unlocking are audit events.
CREATE TABLE period_lock (
    id INTEGER PRIMARY KEY,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL CHECK (period_end >= period_start),
    period_kind TEXT NOT NULL,
    locked_by TEXT NOT NULL,
    machine TEXT NOT NULL,
    locked_at TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (period_start, period_end)
);

-- Who else has this file open: one row per running copy of the program, written when it opens the file and
-- every minute after (beats counts them), removed when it closes. Not data: never audited. A copy counts as
-- there while its beats go on (seen by the others on their own clocks, so machines whose clocks disagree still
-- see each other); a row left by a crash, or carried into a copy or backup of the file, stops counting.
CREATE TABLE presence (
    session_id TEXT PRIMARY KEY,
    who TEXT NOT NULL,
    machine TEXT NOT NULL,
    pid INTEGER NOT NULL,
    opened_at TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    beats INTEGER NOT NULL DEFAULT 1
);

-- A refused edit names who changed the record last and when: the latest audit event of one record.
CREATE INDEX audit_event_record ON audit_event (entity, entity_id, id);
