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

from dashboard.filter_sql import bind, counted, filtered, filtered_among
from dashboard.filters import Filters
from etl.load.db import db_path, read_only

# An event's date as precise as it is known: 2024-11-18, 2024-11 or 2024.
EVENT_DATE = """CASE f.date_precision WHEN 'day' THEN strftime(f.date, '%Y-%m-%d')
    WHEN 'month' THEN strftime(f.date, '%Y-%m') WHEN 'year' THEN strftime(f.date, '%Y') END"""

# A pair's name in words, "North Korea – Russia", looked up without a join so row counts never change.
PAIR_NAME = """(SELECT string_agg(c.name, ' – ' ORDER BY c.iso3) FROM countries c
    WHERE c.iso3 IN (split_part(pair, '-', 1), split_part(pair, '-', 2)))"""


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
TREATIES_DRAWN = 40
TREATIES_LISTED = 500


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
    sql = counted(f) + """
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
    return _query(con, counted(f) + """
        , by_type AS (SELECT pair, event_type, sum(events)::BIGINT AS events FROM g GROUP BY ALL)
        , ranked AS (SELECT *, dense_rank() OVER (ORDER BY pair_total DESC, pair) AS rank
                     FROM (SELECT *, sum(events) OVER (PARTITION BY pair) AS pair_total FROM by_type))
        SELECT r.pair, c1.name || ' – ' || c2.name AS pair_name, r.event_type, r.events
        FROM ranked r
        JOIN countries c1 ON c1.iso3 = split_part(r.pair, '-', 1)
        JOIN countries c2 ON c2.iso3 = split_part(r.pair, '-', 2)
        WHERE r.rank <= $limit
        ORDER BY r.pair, r.event_type""", f, limit=limit)


def _keys(con, sql: str, f: Filters, **extra) -> list:
    """First column of a query's rows. Pages that show the newest N of many rows pick the N keys
    first and then fetch their details, each query reading `f` once: a CTE read twice is
    materialised whole (0.7 s at 10M events instead of 10 ms)."""
    return [row[0] for row in con.execute(sql, bind(sql, f, **extra)).fetchall()]


def _articles_of(con, event_ids: list) -> list:
    """The articles reporting these events: bound as a list, DuckDB reads only their rows of articles."""
    return [row[0] for row in con.execute("SELECT DISTINCT article_id FROM mentions WHERE list_contains($ids, event_id)",
                                          {"ids": event_ids}).fetchall()]


# The events whose ids are bound as $ids. MATERIALIZED keeps DuckDB from planning a join before the
# filter, which scans every event (0.45 s at 10M events instead of 5 ms).
BY_IDS = "WITH chosen AS MATERIALIZED (SELECT * FROM events WHERE list_contains($ids, event_id))"
NEWEST_EVENTS = " SELECT event_id FROM f ORDER BY f.date DESC NULLS LAST, f.event_id LIMIT $limit"
NEWEST_DATED = " SELECT event_id, date FROM f ORDER BY f.date DESC NULLS LAST, f.event_id LIMIT $limit"


def latest_events(con, f: Filters, limit: int = 15) -> pd.DataFrame:
    ids = _keys(con, filtered(f) + NEWEST_EVENTS, f, limit=limit)
    return con.execute("""
        """ + BY_IDS + """, s AS (SELECT event_id, arg_min(article_id, mention_id) AS article_id FROM mentions
                   WHERE list_contains($ids, event_id) GROUP BY event_id)
        SELECT """ + EVENT_DATE + """ AS date, f.event_type, f.subtype, c1.name AS country1, c2.name AS country2,
               f.n_sources, a.title AS source_title, a.url AS source_url, f.event_id
        FROM chosen f
        JOIN countries c1 ON c1.iso3 = f.actor1 JOIN countries c2 ON c2.iso3 = f.actor2
        LEFT JOIN s USING (event_id)
        LEFT JOIN (SELECT article_id, title, url FROM articles WHERE list_contains($article_ids, article_id)) a
            ON a.article_id = s.article_id
        ORDER BY f.date DESC NULLS LAST, f.event_id""", {"ids": ids, "article_ids": _articles_of(con, ids)}).df()


def pairs_with_events(con, f: Filters) -> pd.DataFrame:
    return _query(con, counted(f) + """
        SELECT p.pair, c1.name || ' – ' || c2.name AS pair_name, p.events
        FROM (SELECT pair, sum(events)::BIGINT AS events FROM g GROUP BY pair) p
        JOIN countries c1 ON c1.iso3 = split_part(p.pair, '-', 1)
        JOIN countries c2 ON c2.iso3 = split_part(p.pair, '-', 2)
        ORDER BY p.events DESC, p.pair""", f)


def pair_timeline(con, f: Filters, pairs: list[str], limit: int = LATEST_ROWS) -> pd.DataFrame:
    """Each dated event of these pairs, the latest `limit` of them (a chart of more points says nothing)."""
    return _query(con, filtered(f) + """
        , shown AS (SELECT * FROM f WHERE list_contains($pairs, f.pair) AND f.date IS NOT NULL
                    ORDER BY f.date DESC, f.event_id LIMIT $limit)
        SELECT f.date, """ + EVENT_DATE + """ AS date_text, f.pair, """ + PAIR_NAME + """ AS pair_name,
               f.event_type, f.subtype, c1.name AS country1, c2.name AS country2, f.count, f.n_sources, f.event_id
        FROM shown f JOIN countries c1 ON c1.iso3 = f.actor1 JOIN countries c2 ON c2.iso3 = f.actor2
        ORDER BY f.date, f.pair""", f, pairs=pairs, limit=limit)


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
    return _query(con, counted(f) + """
        , directed AS MATERIALIZED (SELECT actor1, actor2, sum(events) AS events FROM g GROUP BY ALL)
        , sides AS (SELECT actor1 AS a, actor2 AS b, events FROM directed
                    UNION ALL SELECT actor2, actor1, events FROM directed)
        , top AS (SELECT a FROM sides GROUP BY a ORDER BY sum(events) DESC, a LIMIT $limit)
        SELECT ca.name AS country_a, cb.name AS country_b, sum(events)::BIGINT AS events
        FROM sides JOIN countries ca ON ca.iso3 = sides.a JOIN countries cb ON cb.iso3 = sides.b
        WHERE sides.a IN (SELECT a FROM top) AND sides.b IN (SELECT a FROM top)
        GROUP BY ALL ORDER BY country_a, country_b""", f, limit=limit)


def network_edges(con, f: Filters) -> pd.DataFrame:
    return _query(con, counted(f) + """
        SELECT pair, split_part(pair, '-', 1) AS a, split_part(pair, '-', 2) AS b, sum(n)::BIGINT AS events,
               first(event_type ORDER BY n DESC, event_type) AS dominant_type  -- ties: the same type every time
        FROM (SELECT pair, event_type, sum(events) AS n FROM g GROUP BY ALL)
        GROUP BY pair ORDER BY events DESC, pair""", f)


def only(f: Filters, event_type: str) -> Filters:
    """The filters narrowed to one event type: none, when that type is filtered out."""
    return f.with_(types=tuple(t for t in f.types if t == event_type))


# The treaties with a step passing the filters, most recently active first.
ACTIVE_TREATIES = """ SELECT s.treaty_id FROM f JOIN treaty_steps s ON s.event_id = f.event_id
    GROUP BY s.treaty_id ORDER BY max(f.date) DESC NULLS LAST, s.treaty_id LIMIT $limit"""
STEPS_OF_EVENTS = "SELECT treaty_id, event_id FROM treaty_steps WHERE list_contains($ids, event_id)"
EVENTS_OF_TREATIES = "SELECT event_id FROM treaty_steps WHERE list_contains($treaty_ids, treaty_id)"


def _active_treaties(con, f: Filters, limit: int) -> list:
    """Ids of the `limit` treaties whose latest step passing the filters is newest.

    The newest few thousand treaty events name them in milliseconds; grouping every step (0.8 s
    at 10M events) is needed only when they do not settle it: too few treaties among them, or the
    last one chosen no newer than the oldest event looked at (a tie there could go either way)."""
    o = only(f, "treaty")
    window = limit * 50
    sql = filtered(o) + NEWEST_DATED
    newest = dict(con.execute(sql, bind(sql, o, limit=window)).fetchall())
    latest: dict = {}
    for treaty_id, event_id in con.execute(STEPS_OF_EVENTS, {"ids": list(newest)}).fetchall():
        day = newest[event_id]
        if treaty_id not in latest or (day is not None and (latest[treaty_id] is None or day > latest[treaty_id])):
            latest[treaty_id] = day
    chosen = sorted(latest.items(), key=lambda t: (t[1] is None, -t[1].toordinal() if t[1] else 0, t[0]))[:limit]
    oldest = min((d for d in newest.values() if d is not None), default=None)
    every_event_seen = len(newest) < window
    settled = len(chosen) == limit and chosen[-1][1] is not None and (oldest is None or chosen[-1][1] > oldest)
    if every_event_seen or settled:
        return [treaty_id for treaty_id, _ in chosen]
    return _keys(con, filtered(o) + ACTIVE_TREATIES, o, limit=limit)


def treaty_steps(con, f: Filters, limit: int = TREATIES_DRAWN) -> pd.DataFrame:
    """Each step of the `limit` treaties most recently active; a ratification names the party that took it."""
    o = only(f, "treaty")
    treaty_ids = _active_treaties(con, f, limit)
    step_events = [row[0] for row in con.execute(EVENTS_OF_TREATIES, {"treaty_ids": treaty_ids}).fetchall()]
    return _query(con, filtered_among(o) + """
        , st AS MATERIALIZED (SELECT * FROM treaty_steps WHERE list_contains($treaty_ids, treaty_id))
        SELECT t.treaty_id, t.pair, pair_name, coalesce(t.name, 'Treaty') AS treaty,
               pair_name || ': ' || coalesce(t.name, 'treaty') || coalesce(' (' || strftime(t.signed, '%Y') || ')', '')
                   AS treaty_label,
               s.step, CASE WHEN s.party IS NULL THEN replace(s.step, '_', ' ')
                            ELSE replace(s.step, '_', ' ') || ' by ' || c1.name END AS step_detail,
               f.date, date_text, f.n_sources, f.event_id
        FROM st s
        JOIN (SELECT f.*, """ + PAIR_NAME + """ AS pair_name, """ + EVENT_DATE + """ AS date_text FROM f) f
            ON s.event_id = f.event_id
        JOIN treaties t ON t.treaty_id = s.treaty_id
        LEFT JOIN countries c1 ON c1.iso3 = s.party
        ORDER BY t.pair, t.first_date NULLS LAST, f.date NULLS LAST""", o, treaty_ids=treaty_ids, ids=step_events)


def treaty_records(con, f: Filters, limit: int = TREATIES_LISTED) -> pd.DataFrame:
    """One row per treaty with a step passing the filters, the `limit` most recently active:
    where its life has got to."""
    treaty_ids = _active_treaties(con, f, limit)
    return con.execute("""
        SELECT """ + PAIR_NAME + """ AS pair_name, coalesce(t.name, 'Treaty') AS treaty,
               strftime(t.signed, '%Y-%m-%d') AS signed, strftime(t.in_force, '%Y-%m-%d') AS in_force,
               replace(t.stage, '_', ' ') AS stage, t.replaces, t.n_steps AS steps, t.treaty_id
        FROM treaties t
        WHERE list_contains($treaty_ids, t.treaty_id)
        ORDER BY t.pair, t.first_date NULLS LAST""", {"treaty_ids": treaty_ids}).df()


def troop_claims(con, f: Filters, limit: int = LATEST_ROWS) -> pd.DataFrame:
    """Each troop report as claimed, not summed: one row per mention with a count, for the latest
    `limit` troop events."""
    ids = _keys(con, filtered(only(f, "troops")) + NEWEST_EVENTS, only(f, "troops"), limit=limit)
    return con.execute("""
        WITH claims AS MATERIALIZED (SELECT * FROM mentions WHERE list_contains($ids, event_id) AND count IS NOT NULL)
        SELECT coalesce(m.date, a.published::DATE) AS date, cs.name || ' → ' || cr.name AS direction,
               m.count, CASE WHEN len(m.reported_by) = 0 THEN 'unattributed'
                             ELSE array_to_string(m.reported_by, ', ') END AS claimed_by,
               m.subtype, a.title AS source_title, m.sentence, m.event_id
        FROM claims m
        JOIN (SELECT article_id, title, published FROM articles WHERE list_contains($article_ids, article_id)) a
            ON a.article_id = m.article_id
        JOIN countries cs ON cs.iso3 = m.actor1 JOIN countries cr ON cr.iso3 = m.actor2
        ORDER BY date, direction, claimed_by""", {"ids": ids, "article_ids": _articles_of(con, ids)}).df()


# A search matches a country's name, the pair, the subtype or a source sentence, as literal text.
SEARCH = """
        LEFT JOIN countries c1 ON c1.iso3 = f.actor1 LEFT JOIN countries c2 ON c2.iso3 = f.actor2
        WHERE (c1.name ILIKE '%' || $search || '%' OR c2.name ILIKE '%' || $search || '%'
           OR f.pair ILIKE '%' || $search || '%' OR f.subtype ILIKE '%' || $search || '%'
           OR f.event_id IN (SELECT event_id FROM mentions WHERE sentence ILIKE '%' || $search || '%'))"""


def events_table(con, f: Filters, search: str = "", limit: int = LATEST_ROWS) -> pd.DataFrame:
    """The newest `limit` events passing the filters and the search."""
    ids = _keys(con, filtered(f) + """
        SELECT f.event_id FROM f""" + (SEARCH if search else "") + """
        ORDER BY f.date DESC NULLS LAST, f.event_id LIMIT $limit""", f, search=search, limit=limit)
    return con.execute(BY_IDS + """
        SELECT """ + EVENT_DATE + """ AS date, f.event_type, f.subtype,
               f.actor1, c1.name AS country1, f.actor2, c2.name AS country2,
               f.count, f.n_mentions, f.n_sources, f.confidence, f.status, f.event_id
        FROM chosen f
        LEFT JOIN countries c1 ON c1.iso3 = f.actor1
        LEFT JOIN countries c2 ON c2.iso3 = f.actor2
        ORDER BY f.date DESC NULLS LAST, f.event_id""", {"ids": ids}).df()


def event_sources(con, event_id: str) -> pd.DataFrame:
    return _df(con, """
        SELECT a.title, a.publisher, a.published, a.url, a.source, m.sentence, m.subtype,
               m.date, m.date_precision, m.count, m.reported_by, m.confidence
        FROM mentions m JOIN articles a USING (article_id)
        WHERE m.event_id = $event_id ORDER BY a.published, m.sentence_index""", {"event_id": event_id})
