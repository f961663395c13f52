"""The write path: articles and mentions in, events rebuilt, reviews re-applied, in one transaction."""
from __future__ import annotations

from datetime import datetime

import duckdb
import pyarrow as pa

from etl.gazetteer import country_names, iso2_to_iso3
from etl.load.dedup import MentionRow, build_events
from etl.load.treaties import rebuild_treaties
from etl.model import Article, Mention, short_hash

ARTICLE_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("title", pa.string()), ("url", pa.string()), ("publisher", pa.string()),
    ("published", pa.timestamp("us")), ("language", pa.string()), ("text", pa.string()),
    ("source", pa.string()), ("ingested_at", pa.timestamp("us")),
])
MENTION_SCHEMA = pa.schema([
    ("mention_id", pa.string()), ("article_id", pa.string()), ("event_id", pa.string()),
    ("event_type", pa.string()), ("subtype", pa.string()), ("actor1", pa.string()), ("actor2", pa.string()),
    ("pair", pa.string()), ("date", pa.date32()), ("date_precision", pa.string()), ("count", pa.int64()),
    ("reported_by", pa.list_(pa.string())), ("location", pa.string()), ("sentence", pa.string()),
    ("sentence_index", pa.int32()), ("confidence", pa.float64()), ("count_note", pa.string()),
])
EVENT_COLUMNS = ["event_id", "event_type", "subtype", "actor1", "actor2", "pair", "date", "date_precision",
                 "count", "n_mentions", "n_sources", "confidence", "status", "origin"]
INSERT_EVENTS = """INSERT INTO events (event_id, event_type, subtype, actor1, actor2, pair, date, date_precision,
                                       count, n_mentions, n_sources, confidence, status, origin)
                   SELECT * FROM new_events"""


def _table(rows: list[dict], schema: pa.Schema) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=schema)


def article_rows(articles: list[Article], now: datetime) -> list[dict]:
    return [{"article_id": a.article_id, "title": a.title, "url": a.url, "publisher": a.publisher,
             "published": a.published, "language": a.language, "text": a.text, "source": a.source,
             "ingested_at": now} for a in articles]


def mention_rows(mentions: list[Mention]) -> list[dict]:
    rows = {}
    for m in mentions:
        key = m.mention_id
        if key in rows and (rows[key]["count"], rows[key]["reported_by"]) != (m.count, m.reported_by):
            # Two claims of the same troops in one sentence (10,000 by Seoul, 12,000 by Kyiv): both kept,
            # the first under the id it always had.
            key = short_hash(key, m.count, *m.reported_by)
        rows[key] = {
            "mention_id": key, "article_id": m.article.article_id, "event_id": None,
            "event_type": m.event_type, "subtype": m.subtype, "actor1": m.actor1, "actor2": m.actor2,
            "pair": m.pair, "date": m.date.value, "date_precision": m.date.precision, "count": m.count,
            "reported_by": m.reported_by, "location": m.location, "sentence": m.sentence,
            "sentence_index": m.sentence_index, "confidence": round(m.confidence, 3), "count_note": m.count_note}
    return list(rows.values())


def ensure_countries(con: duckdb.DuckDBPyConnection) -> None:
    if con.execute("SELECT count(*) FROM countries").fetchall()[0][0]:
        return
    iso2_of = {v: k for k, v in iso2_to_iso3().items()}
    rows = [{"iso3": iso3, "iso2": iso2_of.get(iso3), "name": names.get("en") or next(iter(names.values())),
             "name_fr": names.get("fr"), "name_es": names.get("es"), "name_de": names.get("de")}
            for iso3, names in sorted(country_names().items())]
    # Lists unnested side by side, not an Arrow table: pyarrow's first from_pylist costs 0.3 s.
    columns = ("iso3", "iso2", "name", "name_fr", "name_es", "name_de")
    con.execute("INSERT INTO countries SELECT " + ", ".join("unnest(?)" for _ in columns),
                [[row[k] for row in rows] for k in columns])


def load(con: duckdb.DuckDBPyConnection, articles: list[Article], mentions: list[Mention]) -> dict:
    """Store a batch; replaces the mentions of its articles, so re-running picks up extractor changes."""
    now = datetime.now()
    unique_articles = list({a.article_id: a for a in articles}.values())
    con.register("new_articles", _table(article_rows(unique_articles, now), ARTICLE_SCHEMA))
    con.register("new_sources", pa.Table.from_pylist(
        [{"article_id": a.article_id, "source": a.source} for a in articles],
        schema=pa.schema([("article_id", pa.string()), ("source", pa.string())])))
    con.register("new_mentions", _table(mention_rows(mentions), MENTION_SCHEMA))
    try:
        new_articles = con.execute(
            "SELECT count(*) FROM new_articles WHERE article_id NOT IN (SELECT article_id FROM articles)").fetchall()[0][0]
        con.execute("INSERT INTO articles SELECT * FROM new_articles "
                    "WHERE article_id NOT IN (SELECT article_id FROM articles)")
        con.execute("INSERT INTO article_sources SELECT DISTINCT article_id, source FROM new_sources "
                    "WHERE (article_id, source) NOT IN (SELECT (article_id, source) FROM article_sources)")
        before = set(r[0] for r in con.execute(
            "SELECT mention_id FROM mentions WHERE article_id IN (SELECT article_id FROM new_articles)").fetchall())
        con.execute("DELETE FROM mentions WHERE article_id IN (SELECT article_id FROM new_articles)")
        con.execute("INSERT INTO mentions SELECT * FROM new_mentions")
        after = set(r[0] for r in con.execute("SELECT mention_id FROM new_mentions").fetchall())
    finally:
        for name in ("new_articles", "new_sources", "new_mentions"):
            con.unregister(name)
    n_events = rebuild_events(con)
    return {"n_articles": len(unique_articles), "n_new_articles": new_articles,
            "n_mentions": len(after), "n_new_mentions": len(after - before), "n_events": n_events}


def rebuild_events(con: duckdb.DuckDBPyConnection) -> int:
    """Recompute extracted events from all mentions, then re-apply reviewers' decisions (and regroup treaties)."""
    rows = [MentionRow(*r) for r in con.execute(
        "SELECT mention_id, article_id, event_type, subtype, actor1, actor2, pair, date, date_precision, "
        "count, confidence, sentence_index FROM mentions").fetchall()]
    events, assignment = build_events(rows)
    con.execute("DELETE FROM events WHERE origin = 'extracted'")
    if events:
        con.register("new_events", pa.Table.from_pylist(events).select(EVENT_COLUMNS))
        con.execute(INSERT_EVENTS)
        con.unregister("new_events")
        con.register("assignment", pa.Table.from_pydict(
            {"mention_id": list(assignment), "event_id": list(assignment.values())}))
        con.execute("UPDATE mentions SET event_id = a.event_id FROM assignment a WHERE mentions.mention_id = a.mention_id")
        con.unregister("assignment")
    apply_reviews(con)
    return len(events)


def apply_reviews(con: duckdb.DuckDBPyConnection) -> None:
    """Reattach each review to the event now holding most of its mentions, then apply it.
    Treaties are regrouped after: a rejected or edited treaty event changes its treaty's record."""
    con.execute("""
        UPDATE reviews SET event_id = best.new_id
        FROM (
            SELECT old_id, arg_max(new_id, shared) AS new_id
            FROM (
                SELECT r.old_id, m.event_id AS new_id, count(*) AS shared
                FROM (SELECT event_id AS old_id, unnest(mention_ids) AS mention_id FROM reviews
                      WHERE event_id NOT IN (SELECT event_id FROM events)) r
                JOIN mentions m USING (mention_id)
                WHERE m.event_id IS NOT NULL
                GROUP BY ALL
            )
            GROUP BY old_id
        ) best
        WHERE reviews.event_id = best.old_id
          AND best.new_id NOT IN (SELECT event_id FROM reviews)
    """)
    con.execute("""
        UPDATE events SET
            status = r.status,
            event_type = coalesce(r.event_type, events.event_type),
            subtype = coalesce(r.subtype, events.subtype),
            actor1 = coalesce(r.actor1, events.actor1),
            actor2 = coalesce(r.actor2, events.actor2),
            pair = CASE WHEN r.actor1 IS NULL THEN events.pair
                        ELSE array_to_string(list_sort([r.actor1, r.actor2]), '-') END,
            date = coalesce(r.date, events.date),
            date_precision = coalesce(r.date_precision, events.date_precision),
            count = coalesce(r.count, events.count)
        FROM reviews r WHERE events.event_id = r.event_id
    """)
    rebuild_treaties(con)
