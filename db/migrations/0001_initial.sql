-- Plans, targets, progress entries and the audit trail. Decimal values are stored as TEXT so that
-- "0.1" stays 0.1 (never a binary fraction); dates as ISO TEXT (YYYY-MM-DD).

CREATE TABLE plan (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    issuer TEXT NOT NULL DEFAULT '',
    doc_number TEXT NOT NULL DEFAULT '',
    issued_on TEXT,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL CHECK (period_end >= period_start),
    source_text TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    row_version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE target (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    category TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL CHECK (kind IN ('cumulative', 'level', 'flow', 'rate', 'milestone', 'monitoring')),
    unit TEXT NOT NULL DEFAULT '',
    comparator TEXT NOT NULL DEFAULT '>=' CHECK (comparator IN ('>=', '>', '<=', '<', '=')),
    target_value TEXT,
    deadline TEXT,
    baseline_value TEXT,
    baseline_date TEXT,
    responsible_unit TEXT NOT NULL DEFAULT '',
    contact TEXT NOT NULL DEFAULT '',
    source_quote TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    sort_order INTEGER NOT NULL DEFAULT 0,
    row_version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX target_plan ON target (plan_id, sort_order);
CREATE INDEX target_unit ON target (responsible_unit);

CREATE TABLE progress_entry (
    id INTEGER PRIMARY KEY,
    target_id INTEGER NOT NULL REFERENCES target (id) ON DELETE CASCADE,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL CHECK (period_end >= period_start),
    period_kind TEXT NOT NULL,
    value TEXT NOT NULL,
    unit TEXT NOT NULL DEFAULT '',
    value_type TEXT NOT NULL DEFAULT 'cumulative' CHECK (value_type IN ('cumulative', 'period', 'rate')),
    source TEXT NOT NULL DEFAULT '',
    reporter TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    evidence_path TEXT NOT NULL DEFAULT '',
    entered_at TEXT NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX entry_target_period ON progress_entry (target_id, period_end);

-- Facts about the file itself: whether it is demo data, its label, who made it.
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Append-only: every change, who made it and what it was before and after, chained by hashes so that a
-- quiet edit outside the program is detectable (check PATH).
CREATE TABLE audit_event (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    machine TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id INTEGER,
    before TEXT,
    after TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);

CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit_event is append-only');
END;

CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit_event is append-only');
END;
