"""Reviewers' decisions on events: stored apart from events, so a rebuild re-applies them."""
from __future__ import annotations

from datetime import date, datetime

import duckdb

from etl.load.store import apply_reviews
from etl.load.treaties import rebuild_treaties

STATUSES = ("auto", "confirmed", "rejected")
EDITABLE = ("event_type", "subtype", "actor1", "actor2", "date", "date_precision", "count")
INSERT_REVIEW = ("INSERT INTO reviews (event_id, status, " + ", ".join(EDITABLE) + ", note, mention_ids, decided_at) "
                 "VALUES (?, ?, " + ", ".join("?" for _ in EDITABLE) + ", ?, ?, ?)")


def save_review(con: duckdb.DuckDBPyConnection, event_id: str, status: str, note: str | None = None,
                **edits) -> None:
    if status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
    unknown = set(edits) - set(EDITABLE)
    if unknown:
        raise ValueError(f"cannot edit {', '.join(sorted(unknown))}")
    if ("actor1" in edits) != ("actor2" in edits):
        raise ValueError("edit both actors or neither")
    if isinstance(edits.get("date"), str):
        edits["date"] = date.fromisoformat(edits["date"])
    con.execute("BEGIN TRANSACTION")
    try:
        mention_ids = [r[0] for r in con.execute(
            "SELECT mention_id FROM mentions WHERE event_id = ? ORDER BY mention_id", [event_id]).fetchall()]
        if not con.execute("SELECT count(*) FROM events WHERE event_id = ?", [event_id]).fetchall()[0][0]:
            raise ValueError(f"no event {event_id}")
        values = [edits.get(column) for column in EDITABLE]
        con.execute("DELETE FROM reviews WHERE event_id = ?", [event_id])
        con.execute(INSERT_REVIEW, [event_id, status, *values, note, mention_ids, datetime.now()])
        apply_reviews(con)
        rebuild_treaties(con)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
