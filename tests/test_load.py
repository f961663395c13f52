"""Loading into DuckDB: contract tables, idempotency, one article per content, reviews kept, migrations."""
import shutil
from pathlib import Path

import duckdb
import pytest

from etl import pipeline
from etl.load import db
from etl.load.reviews import save_review
from tests.conftest import SEED, write
from tests.dbstate import query

EN_ARTICLE = """---
title: Putin in Pyongyang
published: 2024-06-20T08:00:00
language: en
---
Russian President Vladimir Putin visited Pyongyang on Wednesday, where he and North Korean leader
Kim Jong Un signed a comprehensive strategic partnership treaty.
"""

CONTRACT_COLUMNS = {
    "articles": ["article_id", "title", "url", "publisher", "published", "language", "text"],
    "mentions": ["mention_id", "article_id", "event_id", "event_type", "subtype", "actor1", "actor2", "date",
                 "date_precision", "count", "reported_by", "location", "sentence", "confidence"],
    "events": ["event_id", "event_type", "subtype", "actor1", "actor2", "pair", "date", "date_precision", "count",
               "n_mentions", "n_sources", "confidence", "status"],
    "countries": ["iso3", "name"],
    "etl_runs": ["run_id", "started", "finished", "inputs"],
}


SNAPSHOT_SQL = {table: "SELECT * FROM " + table + " ORDER BY ALL"
                for table in ("articles", "article_sources", "mentions", "events", "reviews", "countries")}


def snapshot(path):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {table: con.execute(sql).fetchall() for table, sql in SNAPSHOT_SQL.items()}
    finally:
        con.close()


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copy(SEED, write(folder / "seed.md", "").parent / "seed.md")
    write(folder / "en" / "putin.md", EN_ARTICLE)
    return folder


def test_contract_tables_and_columns(corpus, db_file):
    pipeline.run([str(corpus)], db_path=str(db_file), quiet=True)
    for table, columns in CONTRACT_COLUMNS.items():
        have = {r[0] for r in query(db_file, "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table])}
        assert set(columns) <= have, (table, set(columns) - have)
    assert query(db_file, "SELECT name, name_fr FROM countries WHERE iso3 = 'PRK'") == [("North Korea", "Corée du Nord")]
    pairs = {r[0] for r in query(db_file, "SELECT DISTINCT pair FROM events")}
    assert "PRK-RUS" in pairs
    assert query(db_file, "SELECT count(*) FROM mentions WHERE event_id NOT IN (SELECT event_id FROM events)") == [(0,)]


def test_running_twice_changes_nothing(corpus, db_file):
    first = pipeline.run([str(corpus)], db_path=str(db_file), quiet=True)
    before = snapshot(db_file)
    second = pipeline.run([str(corpus)], db_path=str(db_file), quiet=True)
    assert snapshot(db_file) == before
    assert second.counts["n_new_articles"] == 0 and second.counts["n_new_mentions"] == 0
    assert first.counts["n_events"] == second.counts["n_events"] > 0
    runs = query(db_file, "SELECT n_articles, n_new_articles, status FROM etl_runs ORDER BY started")
    assert runs == [(2, 2, "ok"), (2, 0, "ok")]


def test_same_article_from_two_files_is_stored_once(corpus, db_file, tmp_path):
    copy = write(tmp_path / "elsewhere" / "copy.txt", SEED.read_text(encoding="utf-8"))
    pipeline.run([str(corpus), str(copy)], db_path=str(db_file), quiet=True)
    assert query(db_file, "SELECT count(*) FROM articles") == [(2,)]
    sources = query(db_file, "SELECT count(*) FROM article_sources")
    assert sources == [(3,)]


def test_bad_input_is_reported_and_the_rest_loads(corpus, db_file, tmp_path, capsys):
    pipeline.run([str(corpus)], db_path=str(db_file), quiet=True)
    loaded = snapshot(db_file)
    bad = write(tmp_path / "bad" / "empty.txt", b"")
    extra = write(tmp_path / "bad" / "more.md", EN_ARTICLE.replace("Wednesday", "Thursday"))
    result = pipeline.run([str(bad.parent), str(tmp_path / "missing.md")], db_path=str(db_file), quiet=True)
    assert result.exit_code == 1
    assert result.errors == [f"{bad}: empty file", f"{tmp_path}/missing.md: no such file or folder"]
    err = capsys.readouterr().err
    assert f"error: {bad}: empty file" in err
    after = snapshot(db_file)
    assert set(loaded["articles"]) < set(after["articles"])
    assert query(db_file, "SELECT count(*) FROM articles WHERE text LIKE '%Thursday%'") == [(1,)]
    assert query(db_file, "SELECT n_errors, status FROM etl_runs ORDER BY started DESC LIMIT 1") == [(2, "errors")]
    assert extra.exists()


def test_review_survives_rerun_and_finer_dates(corpus, db_file, tmp_path):
    pipeline.run([str(corpus)], db_path=str(db_file), quiet=True)
    (event_id,) = query(db_file, "SELECT event_id FROM events WHERE event_type = 'treaty' AND subtype = 'ratified' "
                                 "AND pair = 'PRK-RUS'")[0]
    con = db.connect(db_file)
    save_review(con, event_id, "confirmed", note="checked against KCNA", count=None)
    (rejected,) = con.execute("SELECT event_id FROM events WHERE event_type = 'troops' ORDER BY event_id LIMIT 1").fetchall()[0]
    save_review(con, rejected, "rejected")
    con.close()
    # A new article dates the ratification to the day: the event's id changes, the decision follows it.
    write(corpus / "later.md", "---\ntitle: Ratified\npublished: 2024-11-12\nlanguage: en\n---\n"
                               "North Korea ratified its mutual defence treaty with Russia on November 11.\n")
    pipeline.run([str(corpus)], db_path=str(db_file), quiet=True)
    pipeline.run([str(corpus)], db_path=str(db_file), quiet=True)
    rows = query(db_file, "SELECT e.status, e.date_precision, e.n_sources FROM events e JOIN reviews r USING (event_id) "
                          "WHERE e.event_type = 'treaty' ORDER BY e.event_id")
    assert rows == [("confirmed", "day", 2)]
    assert query(db_file, "SELECT status FROM events WHERE event_id = ?", [rejected]) == [("rejected",)]


def test_review_edit_changes_the_event(corpus, db_file):
    pipeline.run([str(corpus)], db_path=str(db_file), quiet=True)
    (event_id,) = query(db_file, "SELECT event_id FROM events WHERE event_type = 'meeting' ORDER BY event_id LIMIT 1")[0]
    con = db.connect(db_file)
    save_review(con, event_id, "confirmed", actor1="USA", actor2="CHN", date="2024-11-16", date_precision="day")
    with pytest.raises(ValueError, match="status must be one of"):
        save_review(con, event_id, "maybe")
    con.close()
    pipeline.run([str(corpus)], db_path=str(db_file), quiet=True)
    assert query(db_file, "SELECT actor1, actor2, pair, CAST(date AS VARCHAR), status FROM events WHERE event_id = ?",
                 [event_id]) == [("USA", "CHN", "CHN-USA", "2024-11-16", "confirmed")]


def test_older_database_upgrades_in_place(corpus, db_file, tmp_path, monkeypatch):
    older = tmp_path / "older"
    older.mkdir()
    shutil.copy(db.MIGRATIONS / "001_initial.sql", older)
    monkeypatch.setattr(db, "MIGRATIONS", older)
    con = db.connect(db_file)  # a database made by the first release, holding one article
    con.execute("INSERT INTO articles VALUES ('old', 'Old', NULL, NULL, NULL, 'en', 'text', 'old.md', now())")
    con.close()
    newer = tmp_path / "newer"
    shutil.copytree(Path(db.__file__).with_name("migrations"), newer)
    write(newer / "900_event_notes.sql", "ALTER TABLE events ADD COLUMN analyst_note VARCHAR;")
    monkeypatch.setattr(db, "MIGRATIONS", newer)
    pipeline.run([str(corpus)], db_path=str(db_file), quiet=True)
    versions = [v for v, _ in db.migrations()]
    assert versions[0] == 1 and versions[-1] == 900 and len(versions) >= 3
    assert query(db_file, "SELECT version FROM schema_migrations ORDER BY version") == [(v,) for v in versions]
    assert "analyst_note" in {r[0] for r in query(db_file, "SELECT column_name FROM information_schema.columns WHERE table_name = 'events'")}
    assert query(db_file, "SELECT count(*) FROM treaties")[0][0] >= 1  # a table of a later migration, filled
    assert ("old", "Old") in query(db_file, "SELECT article_id, title FROM articles")


def test_second_writer_is_told_to_wait(db_file):
    with db.writer_lock(db_file):
        with pytest.raises(db.WriterBusy, match="another ETL run is writing to this database"):
            with db.writer_lock(db_file, wait=False):
                pass


def test_two_claims_in_one_sentence_are_two_mentions_of_one_event(tmp_path, db_file):
    folder = tmp_path / "claims"
    write(folder / "claims.md", "---\ntitle: Claims\npublished: 2024-11-06T09:00:00\nlanguage: de\n---\n"
          "Seoul spricht von rund 10.000 nordkoreanischen Soldaten in Russland, Kiew beziffert ihre Zahl "
          "dagegen auf etwa 12.000.\n")
    pipeline.run([str(folder)], db_path=str(db_file), quiet=True)
    rows = query(db_file, "SELECT count, reported_by, event_id FROM mentions WHERE event_type = 'troops' ORDER BY count")
    assert [(count, by) for count, by, _ in rows] == [(10000, ["KOR"]), (12000, ["UKR"])]
    assert len({event for *_, event in rows}) == 1  # one deployment, claimed twice
