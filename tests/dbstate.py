"""What crash and concurrency tests compare: a database's contents without run ids and timestamps,
and the invariants that no crash may break."""
import shutil
from pathlib import Path

import duckdb

from tests.conftest import SAMPLES

# Everything but when and by which run: etl_runs, schema_migrations and ingested_at differ per run.
SNAPSHOT_SQL = {
    "articles": "SELECT * EXCLUDE (ingested_at) FROM articles ORDER BY ALL",
    "article_sources": "SELECT * FROM article_sources ORDER BY ALL",
    "mentions": "SELECT * FROM mentions ORDER BY ALL",
    "events": "SELECT * FROM events ORDER BY ALL",
    "reviews": "SELECT * FROM reviews ORDER BY ALL",
    "countries": "SELECT * FROM countries ORDER BY ALL",
    "treaties": "SELECT * FROM treaties ORDER BY ALL",
    "treaty_steps": "SELECT * FROM treaty_steps ORDER BY ALL",
}

# Each must count zero rows in any database a reader can open.
BROKEN = {
    "mention without its article": "SELECT count(*) FROM mentions WHERE article_id NOT IN (SELECT article_id FROM articles)",
    "mention without its event": "SELECT count(*) FROM mentions WHERE event_id IS NULL "
                                 "OR event_id NOT IN (SELECT event_id FROM events)",
    "extracted event without a mention": "SELECT count(*) FROM events WHERE origin = 'extracted' "
                                         "AND event_id NOT IN (SELECT event_id FROM mentions)",
    "event whose n_mentions is wrong": "SELECT count(*) FROM events e WHERE origin = 'extracted' AND n_mentions <> "
                                       "(SELECT count(*) FROM mentions m WHERE m.event_id = e.event_id)",
    "article without a source": "SELECT count(*) FROM articles WHERE article_id NOT IN "
                                "(SELECT article_id FROM article_sources)",
    "treaty step of no event": "SELECT count(*) FROM treaty_steps WHERE event_id NOT IN (SELECT event_id FROM events)",
}


def query(path, sql, params=()) -> list[tuple]:
    """Rows of one query on a database file, opened read-only and closed again."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def snapshot(path) -> dict:
    con = duckdb.connect(":memory:")
    try:
        con.execute("ATTACH ? AS d (READ_ONLY)", [str(path)])
        con.execute("USE d")
        return {table: con.execute(sql).fetchall() for table, sql in SNAPSHOT_SQL.items()}
    finally:
        con.close()


def broken(path) -> dict:
    con = duckdb.connect(":memory:")
    try:
        con.execute("ATTACH ? AS d (READ_ONLY)", [str(path)])
        con.execute("USE d")
        return {name: n for name, sql in BROKEN.items() if (n := con.execute(sql).fetchall()[0][0])}
    finally:
        con.close()


def corpus(folder: Path, names: list[str], edition: int = 0) -> Path:
    """Sample articles copied into folder; an edition > 0 adds a line so each is a new article."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        text = (SAMPLES / name).read_text(encoding="utf-8")
        if edition:
            text += f"\n\nEdition {edition}.\n"
        (folder / f"{edition}-{name}").write_text(text, encoding="utf-8")
    return folder


def sample_names() -> list[str]:
    return sorted(p.name for p in SAMPLES.glob("*.md"))


def copy_database(source: Path, target: Path) -> Path:
    """A database with its pending reviews journal, as a test's starting state."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    journal = Path(f"{source}.reviews.jsonl")
    if journal.exists():
        shutil.copyfile(journal, f"{target}.reviews.jsonl")
    return target
