"""The only place the dashboard talks to DuckDB. SQL text is constant; every value is bound.

Each query starts from `f`, the events that pass the sidebar's filters, or `g`, those events
counted per month and pair (dashboard/filter_sql.py), and aggregates in DuckDB so pages
receive only what they draw.
"""
from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pandas as pd

from dashboard.filter_sql import bind, counted, filtered, totals
from dashboard.filters import Filters
from dashboard.query_tools import EVENT_DATE, PAIR_NAME, frame, newest, only, rows
from dashboard.treaty_queries import TREATIES_DRAWN, TREATIES_LISTED, treaty_records, treaty_steps  # noqa: F401
from etl.load.db import db_path, read_only


def _query(con, sql: str, f: Filters, **extra) -> pd.DataFrame:
    return con.execute(sql, bind(sql, f, **extra)).df()


def connect(path: str | Path | None = None) -> duckdb.DuckDBPyConnection:
    """Read-only, on the file published now; waits out a writer's lock briefly instead of failing."""
    return read_only(path)


def database_exists(path: str | Path | None = None) -> bool:
    return db_path(str(path) if path else None).exists()


def database_version(path: str | Path | None = None) -> str:
    """Changes whenever the file changes, so caches keyed by it see a new ETL run at once."""
    target = db_path(str(path) if path else None)
    try:
        stat = os.stat(target)
    except FileNotFoundError:
        return "missing"
    return f"{target}:{stat.st_ino}:{stat.st_mtime_ns}:{stat.st_size}"  # a swap always changes the inode


# The most rows a page draws or lists: more points say nothing and slow the browser.
LATEST_ROWS = 5000


def _df(con, sql: str, values: dict) -> pd.DataFrame:
    return con.execute(sql, values).df()


def countries(con) -> pd.DataFrame:
    return _df(con, "SELECT iso3, name FROM countries ORDER BY name", {})


def active_countries(con) -> pd.DataFrame:
    return _df(con, """
        SELECT c.iso3, c.name, sum(events)::BIGINT AS n_events
        FROM (SELECT actor1 AS iso3, events FROM event_months UNION ALL SELECT actor2, events FROM event_months) a
        JOIN countries c USING (iso3) GROUP BY ALL ORDER BY n_events DESC, c.name""", {})


def origins(con) -> list[str]:
    """The origins present in the database: 'extracted', and 'gdelt' or 'acled' once imported."""
    return [row[0] for row in con.execute("SELECT DISTINCT origin FROM event_months ORDER BY origin").fetchall()]


def headline(con, f: Filters) -> dict:
    sql = totals(f) + """
        SELECT coalesce(sum(events), 0)::BIGINT AS events, coalesce(sum(reports), 0)::BIGINT AS reports,
               (SELECT count(DISTINCT c) FROM (SELECT actor1 AS c FROM g UNION SELECT actor2 FROM g)) AS countries,
               count(DISTINCT pair) AS pairs, min(first_date) AS first, max(last_date) AS last
        FROM g"""
    return _query(con, sql, f).iloc[0].to_dict()


def events_per_month(con, f: Filters) -> pd.DataFrame:
    return _query(con, counted(f) + """
        SELECT month, event_type, sum(events)::BIGINT AS events
        FROM g WHERE month IS NOT NULL GROUP BY ALL ORDER BY month, event_type""", f)


def top_pairs(con, f: Filters, limit: int = 10) -> pd.DataFrame:
    return _query(con, totals(f) + """
        , by_type AS MATERIALIZED (SELECT pair, event_type, sum(events)::BIGINT AS events FROM g GROUP BY ALL)
        , ranked AS (SELECT *, dense_rank() OVER (ORDER BY pair_total DESC, pair) AS rank
                     FROM (SELECT *, sum(events) OVER (PARTITION BY pair) AS pair_total FROM by_type))
        SELECT r.pair, c1.name || ' – ' || c2.name AS pair_name, r.event_type, r.events
        FROM ranked r
        JOIN countries c1 ON c1.iso3 = split_part(r.pair, '-', 1)
        JOIN countries c2 ON c2.iso3 = split_part(r.pair, '-', 2)
        WHERE r.rank <= $limit
        ORDER BY r.pair, r.event_type""", f, limit=limit)


# The newest events passing the filters, one row each, with the article that first reported each:
# one query, the few chosen events read once (`shown`), mentions and articles only for them.
LATEST_EVENTS = """
        , shown AS MATERIALIZED (SELECT * FROM f ORDER BY f.date DESC NULLS LAST, f.event_id LIMIT $limit)
        , s AS (SELECT event_id, arg_min(article_id, mention_id) AS article_id FROM mentions
                WHERE event_id IN (SELECT event_id FROM shown) GROUP BY event_id)
        SELECT """ + EVENT_DATE + """ AS date, f.event_type, f.subtype, c1.name AS country1, c2.name AS country2,
               f.n_sources, a.title AS source_title, a.url AS source_url, f.event_id
        FROM shown f
        JOIN countries c1 ON c1.iso3 = f.actor1 JOIN countries c2 ON c2.iso3 = f.actor2
        LEFT JOIN s USING (event_id)
        LEFT JOIN articles a ON a.article_id = s.article_id
        ORDER BY f.date DESC NULLS LAST, f.event_id"""


def latest_events(con, f: Filters, limit: int = 15) -> pd.DataFrame:
    return newest(con, f, LATEST_EVENTS, limit)


def pairs_with_events(con, f: Filters) -> pd.DataFrame:
    return _query(con, totals(f) + """
        SELECT p.pair, c1.name || ' – ' || c2.name AS pair_name, p.events
        FROM (SELECT pair, sum(events)::BIGINT AS events FROM g GROUP BY pair) p
        JOIN countries c1 ON c1.iso3 = split_part(p.pair, '-', 1)
        JOIN countries c2 ON c2.iso3 = split_part(p.pair, '-', 2)
        ORDER BY p.events DESC, p.pair""", f)


# Ties on date and pair in event order, so the chart's table is the same every time.
PAIR_TIMELINE = """
        , shown AS (SELECT * FROM f WHERE list_contains($pairs, f.pair) AND f.date IS NOT NULL
                    ORDER BY f.date DESC, f.event_id LIMIT $limit)
        SELECT f.date, """ + EVENT_DATE + """ AS date_text, f.pair, """ + PAIR_NAME + """ AS pair_name,
               f.event_type, f.subtype, c1.name AS country1, c2.name AS country2, f.count, f.n_sources, f.event_id
        FROM shown f JOIN countries c1 ON c1.iso3 = f.actor1 JOIN countries c2 ON c2.iso3 = f.actor2
        ORDER BY f.date, f.pair, f.event_id"""


def pair_timeline(con, f: Filters, pairs: list[str], limit: int = LATEST_ROWS) -> pd.DataFrame:
    """Each dated event of these pairs, the latest `limit` of them (a chart of more points says nothing)."""
    return newest(con, f, PAIR_TIMELINE, limit, pairs=pairs)


def pair_months(con, f: Filters, pairs: list[str]) -> pd.DataFrame:
    """Events per month per pair, with the running total, for comparing pairs side by side."""
    return _query(con, counted(f) + """
        SELECT pair, """ + PAIR_NAME + """ AS pair_name, month, events,
               (sum(events) OVER (PARTITION BY pair ORDER BY month))::BIGINT AS cumulative
        FROM (SELECT pair, month, sum(events)::BIGINT AS events
              FROM g WHERE list_contains($pairs, pair) AND month IS NOT NULL GROUP BY ALL)
        ORDER BY pair, month""", f, pairs=pairs)


def origin_months(con, f: Filters, pairs: list[str]) -> pd.DataFrame:
    """Events per month of these pairs by origin: Entente's extraction against GDELT's or ACLED's."""
    return _query(con, counted(f) + """
        SELECT pair, """ + PAIR_NAME + """ AS pair_name, origin, month, sum(events)::BIGINT AS events
        FROM g WHERE list_contains($pairs, pair) AND month IS NOT NULL
        GROUP BY ALL ORDER BY pair, origin, month""", f, pairs=pairs)


def country_matrix(con, f: Filters, limit: int = 20) -> pd.DataFrame:
    """Events between each two of the most active countries, both ways round."""
    return _query(con, totals(f) + """
        , directed AS MATERIALIZED (SELECT actor1, actor2, sum(events) AS events FROM g GROUP BY ALL)
        , sides AS (SELECT actor1 AS a, actor2 AS b, events FROM directed
                    UNION ALL SELECT actor2, actor1, events FROM directed)
        , top AS (SELECT a FROM sides GROUP BY a ORDER BY sum(events) DESC, a LIMIT $limit)
        SELECT ca.name AS country_a, cb.name AS country_b, sum(events)::BIGINT AS events
        FROM sides JOIN countries ca ON ca.iso3 = sides.a JOIN countries cb ON cb.iso3 = sides.b
        WHERE sides.a IN (SELECT a FROM top) AND sides.b IN (SELECT a FROM top)
        GROUP BY ALL ORDER BY country_a, country_b""", f, limit=limit)


def network_edges(con, f: Filters) -> pd.DataFrame:
    return _query(con, totals(f) + """
        SELECT pair, split_part(pair, '-', 1) AS a, split_part(pair, '-', 2) AS b, sum(n)::BIGINT AS events,
               first(event_type ORDER BY n DESC, event_type) AS dominant_type  -- ties: the same type every time
        FROM (SELECT pair, event_type, sum(events) AS n FROM g GROUP BY ALL)
        GROUP BY pair ORDER BY events DESC, pair""", f)


NEWEST_EVENTS = " SELECT f.event_id FROM f ORDER BY f.date DESC NULLS LAST, f.event_id LIMIT $limit"
# A claim is a mention with a count. Joined to the ids, mentions are read only in the row groups
# between the smallest and largest id; articles need those bounds spelt out, or DuckDB reads all
# 2.5M of them at 10M events (0.25 s instead of 2 ms).
TROOP_CLAIMS = """
        WITH claims AS MATERIALIZED (SELECT * FROM mentions
                                     WHERE event_id IN (SELECT unnest($ids)) AND count IS NOT NULL)
        SELECT coalesce(m.date, a.published::DATE) AS date, cs.name || ' → ' || cr.name AS direction,
               m.count, CASE WHEN len(m.reported_by) = 0 THEN 'unattributed'
                             ELSE array_to_string(m.reported_by, ', ') END AS claimed_by,
               m.subtype, a.title AS source_title, m.sentence, m.event_id
        FROM claims m
        JOIN articles a ON a.article_id = m.article_id
            AND a.article_id BETWEEN (SELECT min(article_id) FROM claims) AND (SELECT max(article_id) FROM claims)
        JOIN countries cs ON cs.iso3 = m.actor1 JOIN countries cr ON cr.iso3 = m.actor2
        ORDER BY date, direction, claimed_by, m.event_id, m.mention_id"""


def troop_claims(con, f: Filters, limit: int = LATEST_ROWS) -> pd.DataFrame:
    """Each troop report as claimed, not summed: one row per mention with a count, for the latest
    `limit` troop events."""
    ids = [row[0] for row in newest(con, only(f, "troops"), NEWEST_EVENTS, limit, read=rows)]
    return frame(con, TROOP_CLAIMS, {"ids": ids})


# A search matches a country's name, the pair, the subtype or a source sentence, as literal text.
SEARCH = """
        LEFT JOIN countries c1 ON c1.iso3 = f.actor1 LEFT JOIN countries c2 ON c2.iso3 = f.actor2
        WHERE (c1.name ILIKE '%' || $search || '%' OR c2.name ILIKE '%' || $search || '%'
           OR f.pair ILIKE '%' || $search || '%' OR f.subtype ILIKE '%' || $search || '%'
           OR f.event_id IN (SELECT event_id FROM mentions WHERE sentence ILIKE '%' || $search || '%'))"""


NEWEST_SHOWN = """
        , shown AS (SELECT f.* FROM f ORDER BY f.date DESC NULLS LAST, f.event_id LIMIT $limit)"""
SEARCHED_SHOWN = """
        , shown AS (SELECT f.* FROM f""" + SEARCH + """
                    ORDER BY f.date DESC NULLS LAST, f.event_id LIMIT $limit)"""
EVENTS_TABLE = """
        SELECT """ + EVENT_DATE + """ AS date, f.event_type, f.subtype,
               f.actor1, c1.name AS country1, f.actor2, c2.name AS country2,
               f.count, f.n_mentions, f.n_sources, f.confidence, f.status, f.event_id
        FROM shown f
        LEFT JOIN countries c1 ON c1.iso3 = f.actor1
        LEFT JOIN countries c2 ON c2.iso3 = f.actor2
        ORDER BY f.date DESC NULLS LAST, f.event_id"""


def events_table(con, f: Filters, search: str = "", limit: int = LATEST_ROWS) -> pd.DataFrame:
    """The newest `limit` events passing the filters and the search."""
    if search:
        return newest(con, f, SEARCHED_SHOWN + EVENTS_TABLE, limit, search=search)
    return newest(con, f, NEWEST_SHOWN + EVENTS_TABLE, limit)


def event_sources(con, event_id: str) -> pd.DataFrame:
    return _df(con, """
        SELECT a.title, a.publisher, a.published, a.url, a.source, m.sentence, m.subtype,
               m.date, m.date_precision, m.count, m.reported_by, m.confidence
        FROM mentions m JOIN articles a USING (article_id)
        WHERE m.event_id = $event_id ORDER BY a.published, m.sentence_index""", {"event_id": event_id})
