"""SQLite storage through sqlite-utils: opening, migrations, repositories, audit trail."""
