-- Imported fill-in files (填报模板 returned by responsible units): which file, its SHA-256, how many rows it had
-- and how many figures it added, who imported it and when. The hash is unique: importing the same file again
-- adds nothing (the service says so before it would get here).

CREATE TABLE import_batch (
    id INTEGER PRIMARY KEY,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
    rows_read INTEGER NOT NULL CHECK (rows_read >= 0),
    entries_added INTEGER NOT NULL CHECK (entries_added >= 0),
    imported_at TEXT NOT NULL,
    who TEXT NOT NULL,
    machine TEXT NOT NULL
);
