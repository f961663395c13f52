"""Reviewers' decisions on events: stored apart from events, so a rebuild re-applies them.

A decision made from the dashboard goes first to a journal beside the database (`<db>.reviews.jsonl`,
appended and fsynced under a short lock of its own), then into the published file by a write
session: at once when no ETL run holds the writer lock, otherwise by that run before it publishes.
So a reviewer never waits for an ETL run, and no decision is lost to the run's swap or to a crash.
"""
from __future__ import annotations

import fcntl
import json
import os
import uuid
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

import duckdb

from etl.load import db
from etl.load.store import apply_reviews

STATUSES = ("auto", "confirmed", "rejected")
EDITABLE = ("event_type", "subtype", "actor1", "actor2", "date", "date_precision", "count")
INSERT_REVIEW = ("INSERT INTO reviews (event_id, status, " + ", ".join(EDITABLE) + ", note, mention_ids, decided_at) "
                 "VALUES (?, ?, " + ", ".join("?" for _ in EDITABLE) + ", ?, ?, ?)")
EVENT_MENTIONS = "SELECT mention_id FROM mentions WHERE event_id = ? ORDER BY mention_id"
EVENT_EXISTS = "SELECT count(*) FROM events WHERE event_id = ?"
# The event now holding most of a decision's mentions, when its own id is gone after a rebuild.
HOLDER = """SELECT event_id FROM mentions WHERE list_contains(?, mention_id) AND event_id IS NOT NULL
            GROUP BY event_id ORDER BY count(*) DESC, event_id LIMIT 1"""


def _validated(status: str, edits: dict) -> dict:
    if status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
    unknown = set(edits) - set(EDITABLE)
    if unknown:
        raise ValueError(f"cannot edit {', '.join(sorted(unknown))}")
    if ("actor1" in edits) != ("actor2" in edits):
        raise ValueError("edit both actors or neither")
    edits = dict(edits)
    if isinstance(edits.get("date"), str):
        edits["date"] = date.fromisoformat(edits["date"])
    return edits


def _mentions_of(con: duckdb.DuckDBPyConnection, event_id: str) -> list[str]:
    if not con.execute(EVENT_EXISTS, [event_id]).fetchall()[0][0]:
        raise ValueError(f"no event {event_id}")
    return [r[0] for r in con.execute(EVENT_MENTIONS, [event_id]).fetchall()]


def _write(con, event_id: str, status: str, note, edits: dict, mention_ids: list[str], decided_at) -> None:
    con.execute("DELETE FROM reviews WHERE event_id = ?", [event_id])
    con.execute(INSERT_REVIEW, [event_id, status, *[edits.get(c) for c in EDITABLE], note, mention_ids, decided_at])


def save_review(con: duckdb.DuckDBPyConnection, event_id: str, status: str, note: str | None = None,
                **edits) -> None:
    """Apply a decision directly on a read-write connection (a write session's, or a test's)."""
    edits = _validated(status, edits)
    con.execute("BEGIN TRANSACTION")
    try:
        _write(con, event_id, status, note, edits, _mentions_of(con, event_id), datetime.now())
        apply_reviews(con)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def journal_path(path: str | Path | None = None) -> Path:
    return Path(f"{db.db_path(str(path) if path else None)}.reviews.jsonl")


@contextmanager
def journal_lock(path: str | Path | None = None):
    """Short lock on the journal alone; never held while waiting for anything else."""
    with open(f"{db.db_path(str(path) if path else None)}.reviews.lock", "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def entries(path: str | Path | None = None) -> list[dict]:
    """The journaled decisions not yet known to be published; a torn last line (a crash) is skipped."""
    try:
        lines = journal_path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    found = []
    for line in lines:
        try:
            found.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return found


def pending(path: str | Path | None = None) -> bool:
    return bool(entries(path))


def apply_journal(con: duckdb.DuckDBPyConnection, path: str | Path | None = None) -> set[str]:
    """Replay journaled decisions, oldest first, on a write session's connection; returns their ids.
    Replaying twice gives the same result: a decision replaces the event's earlier one."""
    found = entries(path)
    if not found:
        return set()
    con.execute("BEGIN TRANSACTION")
    try:
        for entry in found:
            event_id = entry["event_id"]
            if not con.execute(EVENT_EXISTS, [event_id]).fetchall()[0][0]:
                holder = con.execute(HOLDER, [entry["mention_ids"]]).fetchall()
                event_id = holder[0][0] if holder else event_id
            edits = dict(entry["edits"])
            if edits.get("date"):
                edits["date"] = date.fromisoformat(edits["date"])
            _write(con, event_id, entry["status"], entry["note"], edits, entry["mention_ids"],
                   datetime.fromisoformat(entry["decided_at"]))
        apply_reviews(con)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return {entry["id"] for entry in found}


def forget(path: str | Path | None, applied: set[str]) -> None:
    """Drop published decisions from the journal. The caller holds journal_lock."""
    if not applied:
        return
    journal = journal_path(path)
    keep = [entry for entry in entries(path) if entry["id"] not in applied]
    if not keep:
        journal.unlink(missing_ok=True)
        return
    temporary = journal.with_name(journal.name + ".tmp")
    with open(temporary, "w", encoding="utf-8") as out:
        out.writelines(json.dumps(entry) + "\n" for entry in keep)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temporary, journal)


def record_review(path: str | Path | None, event_id: str, status: str, note: str | None = None,
                  **edits) -> bool:
    """The dashboard's way to save a decision: journal it durably, then publish it unless an ETL run
    is writing. Returns True when it is in the published file, False when the running writer will
    publish it. Raises ValueError for a bad decision or an unknown event, before journaling anything."""
    edits = _validated(status, edits)
    with db.read_only(path) as con:
        mention_ids = _mentions_of(con, event_id)
    entry = {"id": uuid.uuid4().hex, "event_id": event_id, "status": status, "note": note,
             "edits": {k: (v.isoformat() if isinstance(v, date) else v) for k, v in edits.items()},
             "mention_ids": mention_ids, "decided_at": datetime.now().isoformat()}
    journal = journal_path(path)
    with journal_lock(path):
        with open(journal, "a+b") as out:
            torn = False
            if out.seek(0, os.SEEK_END) > 0:  # a crash mid-append must not glue this line to a torn one
                out.seek(-1, os.SEEK_END)
                torn = out.read(1) != b"\n"
            out.write((("\n" if torn else "") + json.dumps(entry) + "\n").encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
    return db.apply_pending_reviews(path)
