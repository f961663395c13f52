"""Opening the database: the file's location, versioned migrations, and the single-writer lock."""
from __future__ import annotations

import fcntl
import os
import sys
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import duckdb

MIGRATIONS = Path(__file__).with_name("migrations")
DEFAULT_DB = "data/entente.duckdb"


def db_path(explicit: str | None = None) -> Path:
    return Path(explicit or os.environ.get("ENTENTE_DB") or DEFAULT_DB)


def migrations() -> list[tuple[int, Path]]:
    found = []
    for path in sorted(MIGRATIONS.glob("*.sql")):
        found.append((int(path.name.split("_", 1)[0]), path))
    return found


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Apply the migrations this file has not seen; returns the schema version."""
    con.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMP)")
    done = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    for version, path in migrations():
        if version in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(path.read_text(encoding="utf-8"))
            con.execute("INSERT INTO schema_migrations VALUES (?, ?)", [version, datetime.now()])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
    return max([v for v, _ in migrations()], default=0)


def connect(path: str | Path | None = None, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    target = db_path(str(path) if path else None)
    if read_only:
        return duckdb.connect(str(target), read_only=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(target))
    migrate(con)
    return con


class WriterBusy(RuntimeError):
    pass


@contextmanager
def writer_lock(path: str | Path | None = None, wait: bool = True):
    """One writing ETL process per database file: a second one waits, saying so, or stops."""
    target = db_path(str(path) if path else None)
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(f"{target}.lock", "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                raise WriterBusy(f"{target}: another ETL run is writing to this database") from None
            print(f"{target}: another ETL run is writing; waiting for it to finish...", file=sys.stderr, flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
