"""The only place the dashboard talks to DuckDB. SQL text is constant; every value is bound.

Each query starts from FILTERED, the events that pass the sidebar's filters, and
aggregates in DuckDB so pages receive only what they draw.
"""
from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pandas as pd

from dashboard.filters import Filters
from etl.load.db import db_path, read_only

FILTERED = """
WITH f AS (
    SELECT e.* FROM events e
    WHERE list_contains($types, e.event_type)
      AND (len($countries) = 0
           OR ($exact AND list_contains($countries, e.actor1) AND list_contains($countries, e.actor2))
           OR (NOT $exact AND (list_contains($countries, e.actor1) OR list_contains($countries, e.actor2))))
      AND ($date_from IS NULL OR e.date >= $date_from)
      AND ($date_to IS NULL OR e.date <= $date_to)
      AND e.confidence >= $min_confidence
      AND ($show_rejected OR e.status <> 'rejected')
)
"""

# An event's date as precise as it is known: 2024-11-18, 2024-11 or 2024.
EVENT_DATE = """CASE f.date_precision WHEN 'day' THEN strftime(f.date, '%Y-%m-%d')
    WHEN 'month' THEN strftime(f.date, '%Y-%m') WHEN 'year' THEN strftime(f.date, '%Y') END"""

# A pair's name in words, "North Korea – Russia", looked up without a join so row counts never change.
PAIR_NAME = """(SELECT string_agg(c.name, ' – ' ORDER BY c.iso3) FROM countries c
    WHERE c.iso3 IN (split_part(pair, '-', 1), split_part(pair, '-', 2)))"""


def params(f: Filters, **extra) -> dict:
    return {"types": list(f.types), "countries": list(f.countries), "exact": f.exact_pair,
            "date_from": f.date_from, "date_to": f.date_to, "min_confidence": f.min_confidence,
            "show_rejected": f.show_rejected, **extra}


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


def _df(con, sql: str, values: dict) -> pd.DataFrame:
    return con.execute(sql, values).df()


def countries(con) -> pd.DataFrame:
    return _df(con, "SELECT iso3, name FROM countries ORDER BY name", {})


def active_countries(con) -> pd.DataFrame:
    return _df(con, """
        SELECT c.iso3, c.name, count(*) AS n_events
        FROM (SELECT actor1 AS iso3 FROM events UNION ALL SELECT actor2 FROM events) a
        JOIN countries c USING (iso3) GROUP BY ALL ORDER BY n_events DESC, c.name""", {})


def headline(con, f: Filters) -> dict:
    row = con.execute(FILTERED + """
        SELECT count(*) AS events,
               (SELECT count(DISTINCT c) FROM (SELECT actor1 AS c FROM f UNION SELECT actor2 FROM f)) AS countries,
               count(DISTINCT pair) AS pairs, min(date) AS first, max(date) AS last,
               (SELECT count(DISTINCT m.article_id) FROM mentions m JOIN f USING (event_id)) AS articles
        FROM f""", params(f)).df()
    return row.iloc[0].to_dict()


def events_per_month(con, f: Filters) -> pd.DataFrame:
    return _df(con, FILTERED + """
        SELECT date_trunc('month', date)::DATE AS month, event_type, count(*) AS events
        FROM f WHERE date IS NOT NULL GROUP BY ALL ORDER BY month, event_type""", params(f))


def top_pairs(con, f: Filters, limit: int = 10) -> pd.DataFrame:
    return _df(con, FILTERED + """
        SELECT f.pair, c1.name || ' – ' || c2.name AS pair_name, f.event_type, count(*) AS events
        FROM f
        JOIN countries c1 ON c1.iso3 = split_part(f.pair, '-', 1)
        JOIN countries c2 ON c2.iso3 = split_part(f.pair, '-', 2)
        WHERE f.pair IN (SELECT pair FROM f GROUP BY pair ORDER BY count(*) DESC, pair LIMIT $limit)
        GROUP BY ALL ORDER BY f.pair, f.event_type""", params(f, limit=limit))


def latest_events(con, f: Filters, limit: int = 15) -> pd.DataFrame:
    return _df(con, FILTERED + """
        , top AS (SELECT * FROM f ORDER BY f.date DESC NULLS LAST, f.event_id LIMIT $limit)
        SELECT """ + EVENT_DATE + """ AS date, f.event_type, f.subtype, c1.name AS country1, c2.name AS country2,
               f.n_sources, a.title AS source_title, a.url AS source_url, f.event_id
        FROM top f
        JOIN countries c1 ON c1.iso3 = f.actor1 JOIN countries c2 ON c2.iso3 = f.actor2
        -- The first source of only the events shown, not of every event (7x faster at 1M events).
        LEFT JOIN (SELECT event_id, arg_min(article_id, mention_id) AS article_id FROM mentions
                   WHERE event_id IN (SELECT event_id FROM top) GROUP BY event_id) s USING (event_id)
        LEFT JOIN articles a ON a.article_id = s.article_id
        ORDER BY f.date DESC NULLS LAST, f.event_id""", params(f, limit=limit))


def pairs_with_events(con, f: Filters) -> pd.DataFrame:
    return _df(con, FILTERED + """
        SELECT f.pair, c1.name || ' – ' || c2.name AS pair_name, count(*) AS events
        FROM f
        JOIN countries c1 ON c1.iso3 = split_part(f.pair, '-', 1)
        JOIN countries c2 ON c2.iso3 = split_part(f.pair, '-', 2)
        GROUP BY ALL ORDER BY events DESC, f.pair""", params(f))


def pair_timeline(con, f: Filters, pairs: list[str]) -> pd.DataFrame:
    return _df(con, FILTERED + """
        SELECT f.date, """ + EVENT_DATE + """ AS date_text, f.pair, """ + PAIR_NAME + """ AS pair_name,
               f.event_type, f.subtype, c1.name AS country1, c2.name AS country2, f.count, f.n_sources, f.event_id
        FROM f JOIN countries c1 ON c1.iso3 = f.actor1 JOIN countries c2 ON c2.iso3 = f.actor2
        WHERE list_contains($pairs, f.pair) AND f.date IS NOT NULL
        ORDER BY f.date, f.pair""", params(f, pairs=pairs))


def pair_months(con, f: Filters, pairs: list[str]) -> pd.DataFrame:
    """Events per month per pair, with the running total, for comparing pairs side by side."""
    return _df(con, FILTERED + """
        SELECT pair, """ + PAIR_NAME + """ AS pair_name, month, events,
               (sum(events) OVER (PARTITION BY pair ORDER BY month))::BIGINT AS cumulative
        FROM (SELECT pair, date_trunc('month', date)::DATE AS month, count(*) AS events
              FROM f WHERE list_contains($pairs, pair) AND date IS NOT NULL GROUP BY ALL)
        ORDER BY pair, month""", params(f, pairs=pairs))


def country_matrix(con, f: Filters, limit: int = 20) -> pd.DataFrame:
    """Events between each two of the most active countries, both ways round."""
    return _df(con, FILTERED + """
        , sides AS (SELECT actor1 AS a, actor2 AS b FROM f UNION ALL SELECT actor2, actor1 FROM f)
        , top AS (SELECT a FROM sides GROUP BY a ORDER BY count(*) DESC, a LIMIT $limit)
        SELECT ca.name AS country_a, cb.name AS country_b, count(*) AS events
        FROM sides JOIN countries ca ON ca.iso3 = sides.a JOIN countries cb ON cb.iso3 = sides.b
        WHERE sides.a IN (SELECT a FROM top) AND sides.b IN (SELECT a FROM top)
        GROUP BY ALL ORDER BY country_a, country_b""", params(f, limit=limit))


def network_edges(con, f: Filters) -> pd.DataFrame:
    return _df(con, FILTERED + """
        SELECT pair, split_part(pair, '-', 1) AS a, split_part(pair, '-', 2) AS b, sum(n)::BIGINT AS events,
               arg_max(event_type, n) AS dominant_type
        FROM (SELECT pair, event_type, count(*) AS n FROM f GROUP BY ALL)
        GROUP BY pair ORDER BY events DESC, pair""", params(f))


def treaty_steps(con, f: Filters) -> pd.DataFrame:
    """Each step of each treaty record; a ratification or suspension names the party that took it."""
    return _df(con, FILTERED + """
        SELECT t.treaty_id, t.pair, pair_name, coalesce(t.name, 'Treaty') AS treaty,
               pair_name || ': ' || coalesce(t.name, 'treaty') || coalesce(' (' || strftime(t.signed, '%Y') || ')', '')
                   AS treaty_label,
               s.step, CASE WHEN s.party IS NULL THEN replace(s.step, '_', ' ')
                            ELSE replace(s.step, '_', ' ') || ' by ' || c1.name END AS step_detail,
               f.date, date_text, f.n_sources, f.event_id
        FROM (SELECT f.*, """ + PAIR_NAME + """ AS pair_name, """ + EVENT_DATE + """ AS date_text FROM f
              WHERE f.event_type = 'treaty') f
        JOIN treaty_steps s ON s.event_id = f.event_id
        JOIN treaties t ON t.treaty_id = s.treaty_id
        LEFT JOIN countries c1 ON c1.iso3 = s.party
        ORDER BY t.pair, t.first_date NULLS LAST, f.date NULLS LAST""", params(f))


def treaty_records(con, f: Filters) -> pd.DataFrame:
    """One row per treaty with at least one step passing the filters: where its life has got to."""
    return _df(con, FILTERED + """
        SELECT """ + PAIR_NAME + """ AS pair_name, coalesce(t.name, 'Treaty') AS treaty,
               strftime(t.signed, '%Y-%m-%d') AS signed, strftime(t.in_force, '%Y-%m-%d') AS in_force,
               replace(t.stage, '_', ' ') AS stage, t.replaces, t.n_steps AS steps, t.treaty_id
        FROM treaties t
        WHERE t.treaty_id IN (SELECT s.treaty_id FROM treaty_steps s JOIN f ON f.event_id = s.event_id)
        ORDER BY t.pair, t.first_date NULLS LAST""", params(f))


def troop_claims(con, f: Filters) -> pd.DataFrame:
    """Each troop report as claimed, not summed: one row per mention with a count."""
    return _df(con, FILTERED + """
        SELECT coalesce(m.date, a.published::DATE) AS date, cs.name || ' → ' || cr.name AS direction,
               m.count, CASE WHEN len(m.reported_by) = 0 THEN 'unattributed'
                             ELSE array_to_string(m.reported_by, ', ') END AS claimed_by,
               m.subtype, a.title AS source_title, m.sentence, m.event_id
        FROM f JOIN mentions m USING (event_id)
        JOIN articles a ON a.article_id = m.article_id
        JOIN countries cs ON cs.iso3 = m.actor1 JOIN countries cr ON cr.iso3 = m.actor2
        WHERE f.event_type = 'troops' AND m.count IS NOT NULL
        ORDER BY date, direction, claimed_by""", params(f))


def events_table(con, f: Filters, search: str = "", limit: int = 5000) -> pd.DataFrame:
    return _df(con, FILTERED + """
        SELECT """ + EVENT_DATE + """ AS date, f.event_type, f.subtype,
               f.actor1, c1.name AS country1, f.actor2, c2.name AS country2,
               f.count, f.n_mentions, f.n_sources, f.confidence, f.status, f.event_id
        FROM f
        LEFT JOIN countries c1 ON c1.iso3 = f.actor1
        LEFT JOIN countries c2 ON c2.iso3 = f.actor2
        WHERE $search = ''
           OR c1.name ILIKE '%' || $search || '%' OR c2.name ILIKE '%' || $search || '%'
           OR f.pair ILIKE '%' || $search || '%' OR f.subtype ILIKE '%' || $search || '%'
           OR f.event_id IN (SELECT event_id FROM mentions WHERE sentence ILIKE '%' || $search || '%')
        ORDER BY f.date DESC NULLS LAST, f.event_type, f.pair
        LIMIT $limit""", params(f, search=search, limit=limit))


def event_sources(con, event_id: str) -> pd.DataFrame:
    return _df(con, """
        SELECT a.title, a.publisher, a.published, a.url, a.source, m.sentence, m.subtype,
               m.date, m.date_precision, m.count, m.reported_by, m.confidence
        FROM mentions m JOIN articles a USING (article_id)
        WHERE m.event_id = $event_id ORDER BY a.published, m.sentence_index""", {"event_id": event_id})
