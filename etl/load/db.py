"""Opening the database: the file's location, versioned migrations, the single-writer lock, and
the write session that builds a copy and publishes it atomically, so readers never meet a writer.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import sys
import time
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


def phase(name: str) -> None:
    """Named points of a run, for crash and concurrency tests: ENTENTE_PHASES=1 prints them, and
    ENTENTE_PHASE_PAUSE=name[:seconds] stops there (a minute by default), so a test can SIGKILL the
    process at exactly that moment or hold the writer lock while a second run arrives."""
    if os.environ.get("ENTENTE_PHASES") == "1":
        print(f"phase: {name}", file=sys.stderr, flush=True)
    pause, _, seconds = os.environ.get("ENTENTE_PHASE_PAUSE", "").partition(":")
    if pause == name:
        time.sleep(float(seconds or 60))


def next_path(path: str | Path | None = None) -> Path:
    return Path(f"{db_path(str(path) if path else None)}.next")


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _discard(path: Path) -> None:
    for stale in (path, Path(f"{path}.wal")):
        stale.unlink(missing_ok=True)


def _copy_published(target: Path, work: Path) -> None:
    """Start the copy from the published file; a WAL left by an in-place writer's crash goes along,
    so DuckDB replays it into the copy as it would have into the original."""
    _discard(work)
    if target.exists():
        shutil.copyfile(target, work)
        if Path(f"{target}.wal").exists():
            shutil.copyfile(f"{target}.wal", f"{work}.wal")


def publish(con: duckdb.DuckDBPyConnection, work: Path, target: Path) -> None:
    """Fold the WAL in, close, make the bytes durable, then swap the copy in with one rename.
    Readers holding the old file keep reading it; every open after the rename gets the new one."""
    from etl.load.summaries import rebuild_summaries

    rebuild_summaries(con)  # here, so every writer (run, import, review) publishes them in step
    con.execute("CHECKPOINT")
    phase("checkpointed")
    con.close()
    _fsync(work)
    phase("synced")
    os.replace(work, target)
    Path(f"{target}.wal").unlink(missing_ok=True)  # folded into the copy, if there was one
    _fsync(target.parent)
    phase("published")


@contextmanager
def _session(target: Path, wait: bool):
    from etl.load import reviews  # reviews builds on store; imported here to keep db.py at the bottom

    with writer_lock(target, wait=wait):
        work = Path(f"{target}.next")
        _copy_published(target, work)  # also discards a .next a killed run left behind
        phase("copied")
        con = duckdb.connect(str(work))
        try:
            migrate(con)
            reviews.apply_journal(con, target)  # decisions saved while no session ran
            yield con
            # Hold the journal still from the last replay until the swap, so no decision saved
            # meanwhile is dropped from the journal without being in the published file.
            with reviews.journal_lock(target):
                applied = reviews.apply_journal(con, target)
                phase("journal-applied")
                publish(con, work, target)
                reviews.forget(target, applied)
        except BaseException:
            con.close()
            _discard(work)
            raise


@contextmanager
def write_session(path: str | Path | None = None, wait: bool = True):
    """The way to change the database: a read-write connection on `<db>.next`, a copy of the
    published file, swapped in atomically when the block ends without an exception. On an exception
    or a crash the published file is untouched. Costs one copy of the file per session.

    After the writer lock is released, reviews that arrived too late for this session are applied
    by a short session of their own, unless another writer holds the lock (it will apply them)."""
    target = db_path(str(path) if path else None)
    target.parent.mkdir(parents=True, exist_ok=True)
    with _session(target, wait) as con:
        yield con
    apply_pending_reviews(target)


def apply_pending_reviews(path: str | Path | None = None) -> bool:
    """Publish journaled reviews now if no writer is busy; True when the journal is empty after."""
    from etl.load import reviews

    target = db_path(str(path) if path else None)
    while reviews.pending(target):
        try:
            with _session(target, wait=False):
                pass
        except WriterBusy:
            return False  # the lock holder applies the journal before it publishes
    return True


def read_only(path: str | Path | None = None, timeout: float = 10.0) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the published file as it is now.

    The file is attached to a fresh in-memory database rather than opened with duckdb.connect(path):
    within one process DuckDB shares an open database per path, so a plain connect made after a swap
    would reuse the replaced file while any older connection is still open. An open that meets a
    lock (an in-place writer such as a legacy `connect()` caller) is retried until `timeout`."""
    target = str(db_path(str(path) if path else None))
    deadline = time.monotonic() + timeout
    while True:
        con = duckdb.connect(":memory:")
        try:
            con.execute("ATTACH ? AS published (READ_ONLY)", [target])
            con.execute("USE published")
            return con
        except duckdb.IOException as exc:
            con.close()
            if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                raise
            time.sleep(0.05)
        except BaseException:
            con.close()
            raise
