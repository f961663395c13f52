"""The dashboard's row-listing queries as they were before the shortcuts (dashboard/query_tools.newest,
treaty_step_events, Arrow frames): each reads the events themselves, plainly. Tests check that the
shortcuts give the same rows."""
from __future__ import annotations

import pandas as pd

from dashboard.filter_sql import bind, filtered, where
from dashboard.filters import Filters
from dashboard.query_tools import EVENT_DATE, PAIR_NAME, only

NEWEST = " SELECT event_id FROM f ORDER BY f.date DESC NULLS LAST, f.event_id LIMIT $limit"
ACTIVE_TREATIES = """ SELECT s.treaty_id FROM f JOIN treaty_steps s ON s.event_id = f.event_id
    GROUP BY s.treaty_id ORDER BY max(f.date) DESC NULLS LAST, s.treaty_id LIMIT $limit"""
BY_IDS = "WITH chosen AS MATERIALIZED (SELECT * FROM events WHERE list_contains($ids, event_id))"
ARTICLES_OF = "SELECT DISTINCT article_id FROM mentions WHERE list_contains($ids, event_id)"
STEPS_OF = "SELECT event_id FROM treaty_steps WHERE list_contains($treaty_ids, treaty_id)"
AMONG = "WITH f AS MATERIALIZED (SELECT e.* FROM events e WHERE list_contains($ids, e.event_id) AND "


def _keys(con, sql: str, f: Filters, **extra) -> list:
    return [row[0] for row in con.execute(sql, bind(sql, f, **extra)).fetchall()]


def active_treaties(con, f: Filters, limit: int) -> list:
    o = only(f, "treaty")
    return _keys(con, filtered(o) + ACTIVE_TREATIES, o, limit=limit)


def latest_events(con, f: Filters, limit: int = 15) -> pd.DataFrame:
    ids = _keys(con, filtered(f) + NEWEST, f, limit=limit)
    articles = [row[0] for row in con.execute(ARTICLES_OF, {"ids": ids}).fetchall()]
    return con.execute(BY_IDS + """, s AS (SELECT event_id, arg_min(article_id, mention_id) AS article_id
                   FROM mentions WHERE list_contains($ids, event_id) GROUP BY event_id)
        SELECT """ + EVENT_DATE + """ AS date, f.event_type, f.subtype, c1.name AS country1, c2.name AS country2,
               f.n_sources, a.title AS source_title, a.url AS source_url, f.event_id
        FROM chosen f
        JOIN countries c1 ON c1.iso3 = f.actor1 JOIN countries c2 ON c2.iso3 = f.actor2
        LEFT JOIN s USING (event_id)
        LEFT JOIN (SELECT article_id, title, url FROM articles WHERE list_contains($article_ids, article_id)) a
            ON a.article_id = s.article_id
        ORDER BY f.date DESC NULLS LAST, f.event_id""", {"ids": ids, "article_ids": articles}).df()


def treaty_steps(con, f: Filters, limit: int = 40) -> pd.DataFrame:
    o = only(f, "treaty")
    treaty_ids = active_treaties(con, f, limit)
    step_events = [row[0] for row in con.execute(STEPS_OF, {"treaty_ids": treaty_ids}).fetchall()]
    sql = AMONG + where(o) + """)
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
        ORDER BY t.pair, t.first_date NULLS LAST, f.date NULLS LAST, t.treaty_id, f.event_id"""
    return con.execute(sql, bind(sql, o, treaty_ids=treaty_ids, ids=step_events)).df()


def treaty_records(con, f: Filters, limit: int = 500) -> pd.DataFrame:
    return con.execute("""
        SELECT """ + PAIR_NAME + """ AS pair_name, coalesce(t.name, 'Treaty') AS treaty,
               strftime(t.signed, '%Y-%m-%d') AS signed, strftime(t.in_force, '%Y-%m-%d') AS in_force,
               replace(t.stage, '_', ' ') AS stage, t.replaces, t.n_steps AS steps, t.treaty_id
        FROM treaties t
        WHERE list_contains($treaty_ids, t.treaty_id)
        ORDER BY t.pair, t.first_date NULLS LAST, t.treaty_id""", {"treaty_ids": active_treaties(con, f, limit)}).df()


def troop_claims(con, f: Filters, limit: int = 5000) -> pd.DataFrame:
    o = only(f, "troops")
    ids = _keys(con, filtered(o) + NEWEST, o, limit=limit)
    articles = [row[0] for row in con.execute(ARTICLES_OF, {"ids": ids}).fetchall()]
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
        ORDER BY date, direction, claimed_by, m.event_id, m.mention_id""", {"ids": ids, "article_ids": articles}).df()


SEARCH = """
        LEFT JOIN countries c1 ON c1.iso3 = f.actor1 LEFT JOIN countries c2 ON c2.iso3 = f.actor2
        WHERE (c1.name ILIKE '%' || $search || '%' OR c2.name ILIKE '%' || $search || '%'
           OR f.pair ILIKE '%' || $search || '%' OR f.subtype ILIKE '%' || $search || '%'
           OR f.event_id IN (SELECT event_id FROM mentions WHERE sentence ILIKE '%' || $search || '%'))"""


def events_table(con, f: Filters, search: str = "", limit: int = 5000) -> pd.DataFrame:
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


def pair_timeline(con, f: Filters, pairs: list[str], limit: int = 5000) -> pd.DataFrame:
    sql = filtered(f) + """
        , shown AS (SELECT * FROM f WHERE list_contains($pairs, f.pair) AND f.date IS NOT NULL
                    ORDER BY f.date DESC, f.event_id LIMIT $limit)
        SELECT f.date, """ + EVENT_DATE + """ AS date_text, f.pair, """ + PAIR_NAME + """ AS pair_name,
               f.event_type, f.subtype, c1.name AS country1, c2.name AS country2, f.count, f.n_sources, f.event_id
        FROM shown f JOIN countries c1 ON c1.iso3 = f.actor1 JOIN countries c2 ON c2.iso3 = f.actor2
        ORDER BY f.date, f.pair, f.event_id"""
    return con.execute(sql, bind(sql, f, pairs=pairs, limit=limit)).df()
